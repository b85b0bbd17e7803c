"""The funnel page, rendered with AppTest on the demo workspace and on an empty one."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from conftest import app_test
from journey import figures, funnel, paths
from journey.workspace import open_workspace

PAGE = "views/funnel.py"


@pytest.fixture(scope="module")
def demo_db(demo_and_empty_home):
    db = open_workspace(demo_and_empty_home / "demo.db", create=False)
    yield db
    db.close()


def open_page(workspace: str, presenter: bool = False, **state) -> AppTest:
    at = app_test(workspace, PAGE, presenter=presenter, **state)
    assert not at.exception, at.exception
    return at


def open_tab(at: AppTest, label: str) -> AppTest:
    """Select one of the lazy tabs, as a click does (the page reruns with it open)."""
    at.session_state["funnel_tab"] = label
    at.run()
    assert not at.exception, at.exception
    return at


def chart_keys(at: AppTest) -> list[str]:
    """The keys of the plotly charts drawn, in order (their ids end with the key)."""
    return [chart.proto.id.rsplit("-", 1)[-1] for chart in at.get("plotly_chart")]


def texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption]
                     + [i.value for i in at.info] + [s.value for s in at.success])


def sentences(at: AppTest) -> str:
    """The headline sentences (widgets.sentence renders them as HTML)."""
    return "\n".join(h.proto.body for h in at.get("html"))


def test_demo_funnel_names_the_biggest_drop(demo_and_empty_home, demo_db):
    at = open_page("demo")
    assert at.title[0].value == "Funnel"
    drop = funnel.biggest_drop(funnel.compute_funnel(demo_db))
    assert drop.sentence in sentences(at)
    assert "2,000 clients" in texts(at)
    assert len(at.tabs) == 5


def test_demo_segments_name_the_best_one(demo_and_empty_home, demo_db):
    at = open_page("demo")
    at.selectbox(key="funnel_segment_field").set_value("persona").run()
    assert not at.exception, at.exception
    best = funnel.best_segment(funnel.compute_funnel_by(demo_db, "persona", top=6))
    assert best["segment"] == "Dr. Jelena"
    assert best["sentence"] in sentences(at)


def test_demo_moves_stalled_and_timing(demo_and_empty_home, demo_db):
    at = open_page("demo")
    moves = paths.stage_transitions(demo_db)
    open_tab(at, "Moves between stages")
    assert moves.sentence in sentences(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Skipped a stage"] == f"{moves.clients_skipped:,}"
    assert metrics["Went back"] == f"{moves.clients_back:,}"
    moves_table = next(d.value for d in at.dataframe if "moves" in d.value.columns)
    assert set(moves_table["kind"]) <= {"One stage on", "Skipped ahead", "Went back", "Left"}
    open_tab(at, "Stalled clients")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Stalled clients"] == f"{len(funnel.stalled_clients(demo_db)):,}"
    open_tab(at, "Time to convert")
    metrics = {m.label: m.value for m in at.metric}
    median = funnel.stage_durations(demo_db).iloc[-1]["median_days"]
    assert metrics["Median time from first contact to purchase"] == f"{median:g} days"


def html_figures(at: AppTest) -> list[str]:
    """The figures drawn as HTML (journey.figures' *_html), by their aria-label."""
    return [h.proto.body.split('aria-label="', 1)[1].split('"', 1)[0]
            for h in at.get("html") if 'aria-label="' in h.proto.body]


def test_only_the_open_tab_is_drawn(demo_and_empty_home):
    """The first screen draws no plotly figure (issue 18: plotly's script alone costs a new
    browser tab over a second): the funnel, where clients are now and the segments are
    HTML. The tabs are lazy: only the open tab's figures are drawn; every tab's figures
    are one click away."""
    at = open_page("demo")
    assert [t.label for t in at.tabs] == ["Segments", "Cohorts", "Time to convert",
                                          "Moves between stages", "Stalled clients"]
    assert chart_keys(at) == []
    assert html_figures(at) == ["How far clients got", "Where they are now",
                                "Conversion per segment"]
    expected = {"Segments": [], "Cohorts": ["cohort_chart"],
                "Time to convert": ["durations_chart", "buckets_chart"],
                "Moves between stages": ["sankey_chart"], "Stalled clients": []}
    for label, keys in expected.items():
        open_tab(at, label)
        assert chart_keys(at) == keys, label
        assert html_figures(at)[:2] == ["How far clients got", "Where they are now"], label
        opened = [t for t in at.tabs if t.label == label][0]
        assert opened.children, label
        assert all(not t.children for t in at.tabs if t.label != label), label


def test_the_first_screen_shows_the_funnels_numbers(demo_and_empty_home, demo_db):
    at = open_page("demo")
    drawn = "\n".join(h.proto.body for h in at.get("html"))
    stages = funnel.compute_funnel(demo_db)
    first = int(stages["clients"].iloc[0])
    for clients in stages["clients"]:
        assert f"{int(clients):,}<br>{figures.fixed(int(clients) / first * 100, 0)}%" in drawn
    current = funnel.current_stages(demo_db)
    for row in current.itertuples():
        assert f"{row.now:,} active, {row.left:,} left" in drawn
    by_segment = funnel.segment_table(funnel.compute_funnel_by(demo_db, "persona", top=6))
    for row in by_segment[by_segment["stage"] != "awareness"].itertuples():
        assert f">{figures.fixed(row.pct_of_first, 1)}%<" in drawn


def test_the_segment_field_outlives_the_tab(demo_and_empty_home):
    at = open_page("demo")
    at.selectbox(key="funnel_segment_field").set_value("channel").run()
    open_tab(at, "Cohorts")
    open_tab(at, "Segments")
    assert at.selectbox(key="funnel_segment_field").value == "channel"


def test_presenter_charts_are_readable_from_the_back(demo_and_empty_home):
    from journey.charts import PRESENTER_FONT

    at = open_page("demo", presenter=True)
    for label in ("Segments", "Cohorts", "Time to convert", "Moves between stages"):
        open_tab(at, label)
        for chart in at.get("plotly_chart"):
            figure = json.loads(chart.proto.spec)
            assert figure["layout"]["font"]["size"] >= PRESENTER_FONT, label


def test_demo_model_and_window_change_the_funnel(demo_and_empty_home, demo_db):
    at = open_page("demo", funnel_model="phases", funnel_window=30)
    expected = funnel.compute_funnel(demo_db, model="phases", window_days=30)
    drop = funnel.biggest_drop(expected)
    assert drop.sentence in sentences(at)
    assert "within 30 days of first contact" in texts(at)


def test_demo_in_presenter_mode(demo_and_empty_home):
    at = open_page("demo", presenter=True)
    assert at.title[0].value == "Funnel"


def test_filters_that_match_nobody(demo_and_empty_home, demo_db):
    pairs = demo_db.execute(
        "SELECT p.persona, t.client_type FROM (SELECT DISTINCT persona FROM clients) p, "
        "(SELECT DISTINCT client_type FROM clients) t WHERE p.persona IS NOT NULL "
        "AND t.client_type IS NOT NULL AND NOT EXISTS (SELECT 1 FROM clients c "
        "WHERE c.persona = p.persona AND c.client_type = t.client_type)").fetchall()
    if not pairs:
        pytest.skip("every persona has every client type in the demo")
    persona, client_type = pairs[0]
    at = open_page("demo", filter_persona=[persona], filter_client_type=[client_type])
    assert "No clients match the filters in the sidebar." in texts(at)
    # In presenter mode the sidebar is tucked away: the sentence does not send anyone there.
    at = open_page("demo", presenter=True, filter_persona=[persona],
                   filter_client_type=[client_type])
    assert "No clients match the filters." in texts(at)
    assert "sidebar" not in texts(at)


def test_empty_workspace_shows_the_way_to_import(demo_and_empty_home):
    at = open_page("empty")
    assert "No clients in this workspace yet" in texts(at)
    assert not at.get("plotly_chart")


def money_table(at: AppTest, column: str):
    """The money at stake, a static table (no grid script on the first screen), its cells
    as they read (st.table's Markdown escapes undone)."""
    table = next(t.value for t in at.table if column in t.value.columns)
    return table.map(lambda v: str(v).replace("\\", ""))


def test_demo_money_at_stake_beside_the_funnel(demo_and_empty_home, demo_db):
    at = open_page("demo")
    stake = funnel.money_at_stake(demo_db)
    assert stake.sentence in sentences(at)
    table = money_table(at, "Money at stake")
    assert table["From"].tolist() == ["Awareness", "Consideration", "Purchase", "Retention"]
    worst = stake.steps.loc[stake.steps["money"].idxmax()]
    assert f"${worst['money']:,.0f}" in table["Money at stake"].tolist()
    assert all(v.startswith("$") for v in table["Money at stake"])


def test_without_revenue_the_page_says_so_and_shows_no_money(home):
    from journey.ingest import import_file
    db = open_workspace("norevenue")
    import_file(db, "c.csv", b"Client ID,Stage\nA,purchase\nB,awareness\nC,consideration\n")
    db.close()
    at = open_page("norevenue")
    assert "The data holds no revenue" in sentences(at)
    table = money_table(at, "Clients lost")
    assert "Money at stake" not in table.columns
    # B; C. A bought once, but nothing in a tracker of stages measures coming back or
    # recommending (Retention and Advocacy show "–"): no step into them is a loss.
    assert table["Clients lost"].tolist() == ["1", "1"]
    assert table["To"].tolist() == ["Consideration", "Purchase"]


ORDERS = ("Order ID,Email,Order Date,Type,Total\n"
          "1001,ann@example.com,2024-01-05,purchase,45\n"
          "1002,ann@example.com,2024-03-05,purchase,30\n"
          "1003,bob@example.com,2024-02-01,purchase,25\n"
          "1004,cat@example.com,2024-02-03,contact,\n")


def test_a_stage_nothing_measures_is_not_shown_as_a_loss(demo_and_empty_home):
    """An order list says who bought and came back, nothing about recommending: Advocacy
    shows "–" and what to import, and the headline is the biggest drop the data measures,
    never "100% of clients who came back did not recommend you". (3 clients, 2 bought, 1
    came back; bob bought 34 days before the data's last date, too new to have come back,
    so he is left out after purchase, as on the Overview: the biggest drop is cat's, 1 of 3
    who never considered buying.)"""
    from journey.ingest import import_file

    db = open_workspace("orders only")
    import_file(db, "orders.csv", ORDERS.encode())
    db.close()
    for presenter in (False, True):
        at = open_page("orders only", presenter=presenter)
        headline = sentences(at)
        assert "did not recommend" not in headline
        assert "33% of clients who knew of you did not consider buying." in headline
        assert ("1 bought in the last 90 days: too new to have come back, so the drop-off "
                "after purchase leaves them out.") in texts(at)
        assert ("No referrals, reviews or NPS scores in your data: import a referrals list, "
                "reviews or an NPS survey to measure this.") in texts(at)
        drawn = next(h.proto.body for h in at.get("html") if "How far clients got" in
                     h.proto.body)
        assert "Advocacy: not measured" in drawn and "Retention: 1 client&#10;" in drawn
        now = next(h.proto.body for h in at.get("html") if "Where they are now" in
                   h.proto.body)
        assert "Advocacy: not measured" in now
