"""The Clients page through AppTest: it renders on the demo and on an empty workspace, the
search and filters change what it counts, paging moves through the view, choosing a
client opens its detail, and spreadsheet text stays text."""

import re

import pytest

from conftest import app_test, csv_bytes
from journey import clients
from journey.clients import ClientQuery
from journey.filters import Filters
from journey.ingest import import_file
from journey.stages import LABELS
from journey.workspace import create_workspace, open_workspace
from journey_ui.text import md

PAGE = "views/clients.py"


@pytest.fixture
def demo(demo_home, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(demo_home))
    return demo_home


def matching(at) -> int:
    """The count in the caption above the table ("... of **1,234** matching clients")."""
    for caption in at.main.caption:
        found = re.search(r"of \*\*([\d,]+)\*\* matching", caption.value)
        if found:
            return int(found.group(1).replace(",", ""))
    raise AssertionError("no count shown")


def shown(at) -> str:
    return next(c.value for c in at.main.caption if c.value.startswith("Showing"))


def test_the_page_renders_on_the_demo_with_the_table_and_the_matrix(demo):
    at = app_test("demo", PAGE)
    assert not at.exception
    assert at.title[0].value == "Clients"
    assert matching(at) == 2000
    assert shown(at).startswith("Showing 1–50 of")
    table = at.main.dataframe[0].value
    assert len(table) == 50
    assert list(table.columns) == [clients.COLUMN_LABELS[c] for c in clients.DEFAULT_COLUMNS]
    assert table["Name"].tolist() == sorted(table["Name"].tolist(), key=str.casefold)
    assert len(at.get("plotly_chart")) == 1                      # the matrix
    assert [r.label for r in at.main.radio] == ["Place"]
    assert any("Effort is 6 minus the reward/effort rank" in c.value for c in at.main.caption)


def test_an_empty_workspace_shows_an_empty_state(demo):
    create_workspace("nobody-yet")
    at = app_test("nobody-yet", PAGE)
    assert not at.exception
    assert any("No clients yet" in m.value for m in at.main.markdown)
    assert not at.main.dataframe


def test_the_sidebar_filters_change_the_count(demo):
    at = app_test("demo", PAGE)
    at.multiselect(key="filter_persona").set_value(["Dr. Jelena"]).run()
    assert not at.exception
    db = open_workspace(str(demo / "demo.db"), create=False)
    expected = clients.count_clients(db, Filters(persona=("Dr. Jelena",)))
    assert 0 < matching(at) == expected < 2000
    at.selectbox(key="period").set_value("Last 90 days").run()
    assert matching(at) < expected
    db.close()


def test_search_and_page_filters_narrow_the_table_and_no_match_says_so(demo):
    at = app_test("demo", PAGE)
    at.text_input(key="clients_search").input("westgate").run()
    db = open_workspace(str(demo / "demo.db"), create=False)
    assert matching(at) == clients.count_clients(db, query=ClientQuery(search="westgate"))
    assert all("westgate" in n.casefold() for n in at.main.dataframe[0].value["Name"])
    at.multiselect(key="clients_outcome").set_value(["lost"]).run()
    assert matching(at) == clients.count_clients(
        db, query=ClientQuery(search="westgate", outcomes=("lost",)))
    db.close()
    at.text_input(key="clients_search").input("no such client 100%").run()
    assert not at.exception
    assert any("No clients match" in m.value for m in at.main.markdown)
    at.button[[b.label for b in at.button].index("Clear search and page filters")].click().run()
    assert matching(at) == 2000


def test_paging_moves_through_the_view_and_a_new_search_starts_on_page_one(demo):
    at = app_test("demo", PAGE)
    first = at.main.dataframe[0].value["Name"].tolist()
    at.button[[b.label for b in at.button].index("Next")].click().run()
    assert shown(at).startswith("Showing 51–100 of")
    second = at.main.dataframe[0].value["Name"].tolist()
    assert not set(first) & set(second)
    at.number_input(key="clients_page").set_value(40).run()
    assert shown(at).startswith("Showing 1,951–2,000 of")
    at.selectbox(key="clients_sort").set_value("revenue_potential").run()
    assert shown(at).startswith("Showing 1–50 of")


def test_choosing_a_client_opens_its_detail_and_timeline(demo):
    at = app_test("demo", PAGE)
    assert not at.main.metric                                   # nothing opened yet
    client = int(at.main.dataframe[0].value.index[3])
    at.selectbox(key="client_open").set_value(client).run()
    assert not at.exception
    db = open_workspace(str(demo / "demo.db"), create=False)
    detail = clients.client_detail(db, client)
    events = clients.client_timeline(db, client)
    db.close()
    badges = next(m.value for m in at.main.markdown if "Furthest stage:" in m.value)
    assert f"Furthest stage: {LABELS[detail['furthest_stage']]}]" in badges
    assert f"Now: {LABELS[detail['current_stage']]}" in badges
    tiles = {m.label: m.value for m in at.main.metric}
    assert tiles["Events"] == str(len(events))
    assert tiles["Revenue potential"] == md(clients.format_value(
        "revenue_potential", detail["revenue_potential"]))
    assert any(detail["label"] in h.proto.body for h in at.get("html"))
    tables = [d.value for d in at.main.dataframe]
    assert any(list(t.columns) == ["Stage", "Reached on", "Note"] for t in tables)
    timeline = next(t for t in tables if "Kind" in t.columns)
    assert len(timeline) == len(events) > 0
    fields = next(t for t in tables if list(t.columns) == ["Field", "Value"])
    assert (fields["Value"] != "").all()                         # empty fields hidden
    at.toggle(key="client_show_empty").set_value(True).run()
    fields = next(d.value for d in at.main.dataframe if list(d.value.columns) == ["Field", "Value"])
    assert len(fields) == len(detail["fields"]) >= len(clients.CLIENT_FIELDS)
    assert len(at.get("plotly_chart")) == 2                     # the timeline and the matrix


def test_the_matrix_can_place_groups_or_each_client(demo):
    at = app_test("demo", PAGE)
    for choice, first_column in (("client_type", "Client type"), ("client", "Client"),
                                 ("buyer_type", "Buyer type")):
        at.radio(key="clients_matrix_by").set_value(choice).run()
        assert not at.exception
        placed = at.main.dataframe[-1].value
        assert placed.columns[0] == first_column and "Quadrant" in placed.columns


def test_presenter_mode_keeps_the_table_and_the_matrix(demo):
    at = app_test("demo", PAGE)
    at.toggle(key="presenter").set_value(True).run()
    assert not at.exception
    assert len(at.main.dataframe[0].value) == 50
    assert len(at.get("plotly_chart")) == 1


def test_spreadsheet_text_is_shown_as_text(tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(tmp_path))
    db = open_workspace("tricky")
    import_file(db, "t.csv", csv_bytes(
        "Client ID,Name,Revenue (potential),Favourite\n"
        "T-1,<script>alert(1)</script>,500,<img src=x onerror=alert(2)>\n"), kind="clients")
    client = db.execute("SELECT id FROM clients").fetchone()[0]
    db.close()
    at = app_test("tricky", PAGE)
    at.selectbox(key="client_open").set_value(client).run()
    assert not at.exception
    headings = [h.proto.body for h in at.get("html") if "script" in h.proto.body]
    assert headings and all("<script>" not in h and "&lt;script&gt;" in h for h in headings)
    kept = next(d.value for d in at.main.dataframe if list(d.value.columns) == ["Column", "Value"])
    assert kept.values.tolist() == [["Favourite", "<img src=x onerror=alert(2)>"]]
