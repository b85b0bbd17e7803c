"""The pages on workspaces made from real exports (issue 16, items 3 and 5): an order list
only, deals only, a complaints log only. Each figure with no evidence of its kind in the
data says so and is neither red nor green, the alignment score is not given under its
minimum, no page raises, and nothing a person reads is a developer's word: no column named
like ``segment_clients``, no "None" in an empty cell, no count of thousands without its
separator. Also the table helper (``journey_ui.widgets.table``) on a hand-made frame.

Each workspace is imported once per test session through the command a user runs
(``python -m journey import FILE --workspace W --json``: test_real_exports.imported);
skipped when ../shared/datasets is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from conftest import PAGES, app_test
from journey.fields import EVENT_KINDS
from journey.overview import STAGE_EVIDENCE, clientless_sentence
from test_real_exports import imported

ORDERS = "shopify_orders_export_activewear.csv"               # orders, refunds, cancellations
DEALS = "bitrix24_deals_export_truck_leasing_ru.csv"          # won and lost deals
COMPLAINTS = "helpdesk_tickets_export_b2b_saas_es.csv"        # help-desk tickets (Spanish)
WORKSPACES = {"orders": ORDERS, "deals": DEALS, "complaints": COMPLAINTS}

NO_REPEATS = "No repeat purchases in your data: import an order list"
NO_SCORE = "so there is no alignment score"
# The Funnel page's lazy tabs (views/funnel.py): only the open one is drawn, so each is
# opened in turn for its tables and words.
FUNNEL_TABS = ("Segments", "Cohorts", "Time to convert", "Moves between stages",
               "Stalled clients")
# Words that are identifiers, not words: a snake_case name, a field's or a figure's
# column name. The event kinds are values a person types in a Kind column (the template
# lists them), so a sentence saying which kind to import may name them.
IDENTIFIER = re.compile(r"(?<![\w.\\/-])[a-z]+(?:_[a-z]+)+(?![\w.\\/-])")
ALLOWED = set(EVENT_KINDS)
# A printf or named number format that writes thousands separators.
SEPARATED = re.compile(r"%,|^(localized|dollar|euro|yen|accounting|compact)$")


@pytest.fixture
def workspace(request, tmp_path_factory, monkeypatch):
    """The workspace made from ``WORKSPACES[request.param]``, as the pages open it: its
    folder is ``JOURNEY_HOME``, its name "w". "demo" is a copy of the demo workspace (every
    table full), named "demo"."""
    if request.param == "demo":
        request.getfixturevalue("demo_home")
        return "demo"
    datasets = request.getfixturevalue("datasets")
    db, _ = imported(datasets, tmp_path_factory, WORKSPACES[request.param])
    path = Path(db.execute("PRAGMA database_list").fetchone()[2])
    monkeypatch.setenv("JOURNEY_HOME", str(path.parent))
    return path.stem


def words_on_screen(at) -> list[str]:
    """Every piece of text the page shows outside its tables."""
    shown = [e.value for kind in ("title", "header", "subheader", "markdown", "caption",
                                  "text", "info", "warning", "error", "success")
             for e in getattr(at, kind)]
    shown += [f"{m.label} {m.value} {m.delta or ''} {m.proto.delta_description}"
              for m in at.metric]
    shown += [e.label for e in at.button] + [e.label for e in at.get("expandable")]
    return shown


def developer_words(text: str) -> list[str]:
    return [w for w in IDENTIFIER.findall(text) if w not in ALLOWED]


def table_problems(table) -> list[str]:
    """What in one shown table is not for people: a header that is an identifier, a cell
    showing "None" or "nan", a count of thousands without separators."""
    problems = []
    config = json.loads(table.proto.columns or "{}")
    frame = table.value
    if frame.isna().any().any() and not (table.proto.HasField("placeholder")
                                         and table.proto.placeholder == ""):
        problems.append("empty cells shown as 'None'")
    for column in frame.columns:
        own = config.get(str(column)) or {}
        if own.get("hidden"):
            continue
        label = own.get("label") or str(column)
        problems += [f"header {w!r}" for w in developer_words(label)]
        values = frame[column]
        if not pd.api.types.is_numeric_dtype(values.dtype):
            problems += [f"{label}: cell {v!r}" for v in values.dropna().unique()
                         if str(v).strip() in ("None", "nan", "NaN", "NaT")]
        elif len(values.dropna()) and values.dropna().abs().max() >= 1000:
            fmt = (own.get("type_config") or {}).get("format") or ""
            if not SEPARATED.search(fmt):
                problems.append(f"{label}: thousands without separators")
    return problems


def page_problems(at) -> list[str]:
    problems = [f"says {w!r}" for text in words_on_screen(at) for w in developer_words(text)]
    problems += [f"says {t[:60]!r}" for t in words_on_screen(at)
                 if re.search(r"(?<=[:=] )None\b|^None$|\bnan\b|\bNaN\b", t)]
    for table in at.dataframe:
        problems += table_problems(table)
    for table in at.table:                   # static tables (presenter mode): text only
        frame = table.value
        problems += [f"header {w!r}" for c in frame.columns for w in developer_words(str(c))]
        problems += [f"cell {v!r}" for v in frame.to_numpy().ravel()
                     if str(v).strip() in ("None", "nan", "NaN", "NaT", "<NA>")]
    return problems


# --- every page, on every workspace -------------------------------------------------------

@pytest.mark.parametrize("workspace", [*WORKSPACES, "demo"], indirect=True)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_speaks_to_people(workspace, page):
    at = app_test(workspace, page)
    assert not at.exception, at.exception
    assert page_problems(at) == []


@pytest.mark.parametrize("workspace", [*WORKSPACES, "demo"], indirect=True)
def test_every_funnel_tab_speaks_to_people(workspace):
    at = app_test(workspace, "views/funnel.py")
    for label in FUNNEL_TABS:
        at.session_state["funnel_tab"] = label
        at.run()
        assert not at.exception, (label, at.exception)
        assert page_problems(at) == [], label


@pytest.mark.parametrize("workspace", list(WORKSPACES), indirect=True)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_presenter_mode(workspace, page):
    at = app_test(workspace, page, presenter=True, period="Last 12 months")
    assert not at.exception, at.exception
    # The sidebar is tucked away in presenter mode: no page sends the room to it.
    assert not [t for t in words_on_screen(at) if "sidebar" in t.lower()], page


@pytest.mark.parametrize("workspace", ["demo"], indirect=True)
def test_presenter_tables_wrap_and_speak_to_people(workspace):
    at = app_test(workspace, "views/touchpoints.py", presenter=True)
    assert not at.exception, at.exception
    assert at.table and page_problems(at) == []
    # Headers and cells are Markdown in a static table: escaped ("\\#" shows "#").
    assert [c.replace("\\", "") for c in at.table[0].value.columns] == [
        "#", "Touchpoint", "Channel", "Department", "Emotion", "Pain points",
        "Opportunities", "Owner"]


@pytest.mark.parametrize("workspace", ["demo"], indirect=True)
def test_tables_opened_on_demand_speak_to_people(workspace):
    """The tables a click opens: a sign's evidence, a client's detail and timeline."""
    at = app_test(workspace, "views/signs.py")
    keys = ("refunds_cancellations_up", "low_win_rate", "high_complaints")
    for key in keys:                        # the cards opened (their details are lazy)
        at.session_state[f"details_{key}"] = True
    at.run()
    for key in keys:
        at.toggle(key=f"evidence_{key}").set_value(True)
    at.run()
    clients = app_test(workspace, "views/clients.py")
    opened = int(clients.main.dataframe[0].value.index[0])     # a client with events
    clients.selectbox(key="client_open").set_value(opened).run()
    for page in (at, clients):
        assert not page.exception, page.exception
        assert len(page.dataframe) >= 4
        assert page_problems(page) == []


# --- figures with no evidence of their kind -------------------------------------------------

def signs_page(workspace):
    at = app_test(workspace, "views/signs.py")
    assert not at.exception, at.exception
    return at


def card_of(at, title: str) -> str:
    """The text of the sign card whose subheader is ``title``, badge first."""
    for block in at.main.get("flex_container"):
        heads = [h.value for h in block.get("subheader")]
        if heads == [title]:
            return "\n".join([m.value for m in block.get("markdown")]
                             + [t.value for t in block.get("text")]
                             + [m.value for m in block.get("metric")])
    raise AssertionError(f"no card {title!r}")


def no_score(at) -> bool:
    return (not [m for m in at.metric if m.label == "Alignment score"]
            and any(NO_SCORE in m.value for m in at.markdown))


@pytest.mark.parametrize("workspace", ["deals"], indirect=True)
def test_deals_only_repeat_business_is_unknown(workspace):
    at = signs_page(workspace)
    card = card_of(at, "Repeat business going down")
    assert ":gray-badge[:material/help: Unknown]" in card
    assert "red-badge" not in card and "green-badge" not in card
    assert NO_REPEATS in card
    assert "Fix this first" not in card
    assert no_score(at)


@pytest.mark.parametrize("workspace", ["deals"], indirect=True)
def test_deals_only_overview_says_what_it_cannot_measure(workspace):
    """The Bitrix24 deals name no client: no stage tile (they showed Awareness 0 and "No
    clients match the filters in the sidebar", with no filter chosen), but why."""
    at = app_test(workspace, "views/overview.py")
    tiles = {m.label: m.value for m in at.metric}
    assert "Retention" not in tiles and (tiles["Clients"], tiles["Events"]) == ("0", "7,602")
    assert clientless_sentence(7602) in [m.value for m in at.markdown]
    captions = [c.value for c in at.caption]
    assert not [c for c in captions if "did not come back" in c]


@pytest.mark.parametrize("workspace", ["orders"], indirect=True)
def test_orders_only_signs_of_deals_and_advocacy_are_unknown(workspace):
    at = signs_page(workspace)
    card = card_of(at, "Low win rate")
    assert ":gray-badge[:material/help: Unknown]" in card and "Fix this first" not in card
    assert no_score(at)                   # 2 measured signs: under the minimum of 4
    overview = app_test(workspace, "views/overview.py")
    assert {m.label: m.value for m in overview.metric}["Advocacy"] == "–"
    assert STAGE_EVIDENCE["advocacy"] in [c.value for c in overview.caption]


@pytest.mark.parametrize("workspace", ["complaints"], indirect=True)
def test_complaints_only_says_nothing_measures_purchases(workspace):
    at = signs_page(workspace)
    for title in ("Repeat business going down", "Low win rate", "Low customer retention"):
        card = card_of(at, title)
        assert ":gray-badge[:material/help: Unknown]" in card, title
    assert NO_REPEATS in card_of(at, "Repeat business going down")
    assert no_score(at)
    overview = app_test(workspace, "views/overview.py")
    tiles = {m.label: m.value for m in overview.metric}
    assert tiles["Purchase"] == tiles["Retention"] == tiles["Advocacy"] == "–"
    captions = [c.value for c in overview.caption]
    assert STAGE_EVIDENCE["purchase"] in captions
    # A tile after a stage nothing measures does not read as a conversion.
    assert not [c for c in captions if "first stage converted" in c]


# --- the table helper on a hand-made frame -------------------------------------------------

TABLE_APP = """
import pandas as pd
from journey_ui import widgets

frame = pd.DataFrame({
    "segment_clients": pd.array([8000, None, 12], dtype="Int64"),
    "pct_of_previous": [12.345, None, 100.0],
    "revenue": [1234.5, 99.0, None],
    "furthest_stage": ["consideration", None, "purchase"],
    "kind": ["purchase", "won", None],
    "first_date": ["2024-03-05T10:11:12", None, "2023-12-31"],
    "note": ["Late delivery", None, ""],
})
widgets.table(frame, {"segment_clients": "Clients in the segment"},
              formats={"revenue": "money"}, currency="€", key="made")
widgets.editor(frame[["segment_clients", "revenue", "note"]],
               {"segment_clients": "Clients"}, key="edited")
"""


def test_the_table_helper_writes_for_people():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(TABLE_APP, default_timeout=30).run()
    assert not at.exception, at.exception
    shown, edited = at.dataframe
    config = json.loads(shown.proto.columns)
    labels = {column: config[column]["label"] for column in shown.value.columns}
    assert labels == {"segment_clients": "Clients in the segment",
                      "pct_of_previous": "% of previous", "revenue": "Revenue",
                      "furthest_stage": "Furthest stage", "kind": "What happened",
                      "first_date": "First seen", "note": "Note"}
    formats = {column: config[column].get("type_config", {}).get("format")
               for column in shown.value.columns}
    assert formats == {"segment_clients": "%,d", "pct_of_previous": "%,.1f%%",
                       "revenue": "€%,.2f", "furthest_stage": None, "kind": None,
                       "first_date": None, "note": None}
    assert shown.proto.HasField("placeholder") and shown.proto.placeholder == ""
    values = shown.value
    assert values["furthest_stage"].tolist()[::2] == ["Consideration", "Purchase"]
    assert values["kind"].tolist()[:2] == ["Purchase", "Deal won"]
    assert values["first_date"].tolist()[::2] == ["2024-03-05", "2023-12-31"]
    assert table_problems(shown) == []
    # The editor keeps the values as they are (they are saved back) and never rounds
    # what is typed; its labels and empty cells are the table's.
    config = json.loads(edited.proto.columns)
    assert config["segment_clients"]["label"] == "Clients"
    assert config["revenue"]["type_config"]["format"] == "localized"    # every digit typed
    assert edited.proto.HasField("placeholder") and edited.proto.placeholder == ""
    assert edited.value["note"].tolist()[0] == "Late delivery"


def test_a_table_without_the_helper_is_caught():
    """The checks above would see what issue 16 saw: identifiers, None, 8000."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(
        "import pandas as pd, streamlit as st\n"
        "st.dataframe(pd.DataFrame({'segment_clients': [8000, 2], 'pct_of_previous': "
        "[1.0, None], 'name': ['a', None]}))", default_timeout=30).run()
    problems = table_problems(at.dataframe[0])
    assert "header 'segment_clients'" in problems and "header 'pct_of_previous'" in problems
    assert "empty cells shown as 'None'" in problems
    assert "segment_clients: thousands without separators" in problems


def test_an_average_of_a_count_field_keeps_its_decimals():
    from journey_ui import widgets
    # A client's NPS answer is a whole number; the NPS of a stage (-32.6) is not, and is
    # shown with its decimal rather than cut to -32.
    assert widgets._kind("nps", pd.Series([9, 10]), None) == "count"
    assert widgets._kind("nps", pd.Series([-32.6, 10.0]), None) == "number"
    assert widgets._kind("nps", pd.Series([-32.0, 10.0]), None) == "count"
