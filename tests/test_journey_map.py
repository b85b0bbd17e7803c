"""The journey map: lanes, coverage with its gaps, and the emotion curves, on hand-made
workspaces (numbers worked by hand) and on the demo."""

import json
import shutil

import pytest
from conftest import app_test, csv_bytes

from journey import figures
from journey.workshop import journey_map as jm
from journey.workshop import touchpoints as tp
from journey.filters import Filters
from journey.ingest import import_file
from journey.workspace import open_workspace


def add(db, stage, *rows):
    assert tp.save_stage(db, stage, [], list(rows)).status == "saved"


def tpoint(name, **values):
    return {"touchpoint": name, "state": "current", **values}


# --- coverage --------------------------------------------------------------------------

def narrow_function_map(db):
    """Only marketing (awareness, consideration) and sales (consideration) have stages."""
    base = tp.function_map_rows(db)
    rule = {"marketing": "awareness, consideration", "sales": "consideration"}
    edited = [{**r, "stages": rule.get(r["department"])} for r in base]
    assert tp.save_function_map(db, base, edited).status == "saved"


def test_coverage_counts_and_calls_out_every_kind_of_gap(db):
    narrow_function_map(db)
    add(db, "awareness", tpoint("Ads", department="marketing", owner="Nina"))
    add(db, "consideration", tpoint("Call", department="sales"),
        tpoint("Brochure", owner="Nina"))
    add(db, "retention", tpoint("Check-in", department="CX and account management",
                                owner="Ava"),
        tpoint("Calculator", department="product", owner="Ava", state="future"))
    result = jm.coverage(db)
    counts = result.counts
    assert list(counts.columns) == ["awareness", "consideration", "purchase", "retention",
                                    "advocacy"]
    assert counts.index[-1] == "(no department)"
    assert {(d, s): int(counts.loc[d, s]) for d in counts.index for s in counts.columns
            if counts.loc[d, s]} == {
        ("marketing", "awareness"): 1, ("sales", "consideration"): 1,
        ("(no department)", "consideration"): 1,
        ("CX and account management", "retention"): 1}
    assert result.gaps[["gap", "stage", "department", "touchpoint"]].values.tolist() == [
        ["empty stage", "purchase", None, None],
        ["empty stage", "advocacy", None, None],
        ["missing department", "consideration", "marketing", None],
        ["no owner", "consideration", "sales", "Call"],
        ["no department", "consideration", None, "Brochure"],
    ]
    assert result.gaps["detail"].iloc[2] == ("marketing should serve Consideration but has no "
                                             "touchpoint there.")
    assert result.is_gap("marketing", "consideration")
    assert not result.is_gap("product", "retention")    # the future state does not count
    future = jm.coverage(db, state="future")
    assert int(future.counts.values.sum()) == 1


# --- emotion curves --------------------------------------------------------------------

CLIENTS = """client_id,name,stage,satisfaction,nps,complaints
P1,Ada,Customer,4,8,1
P2,Ben,Customer,4,8,0
P3,Cy,Customer,4,7,0
P4,Di,Customer,4,6,0
P5,Ed,Customer,5,3,0
P6,Flo,Customer,3,8,2
C1,Gus,Proposal,2,,0
C2,Hal,Proposal,2,,0
C3,Ivy,Proposal,2,,0
C4,Jo,Proposal,2,,0
C5,Kit,Proposal,2,,0
A1,Lee,Lead,,,0
A2,Mo,Lead,,,0
A3,Ned,Lead,,,0
"""


def test_data_curve_from_satisfaction_nps_and_complaint_columns(db):
    import_file(db, "clients.csv", csv_bytes(CLIENTS))
    add(db, "purchase", tpoint("Contract", emotion=-1), tpoint("Delivery", emotion=-2),
        tpoint("Handover", emotion=2), tpoint("Unscored"))
    curves = jm.emotion_curves(db).set_index("stage")
    purchase = curves.loc["purchase"]
    # satisfaction 4.0 -> +1; NPS (0 promoters - 2 detractors) / 6 = -33.3 -> -0.67;
    # complaints 3 / 6 clients = 0.5 a client -> -2: mean -0.56
    assert (purchase["satisfaction"], purchase["nps"], purchase["complaints"],
            purchase["clients"]) == (4.0, -33.3, 3, 6)
    assert purchase["data_emotion"] == -0.56 and purchase["basis"] == "data-backed"
    assert (purchase["touchpoint_emotion"], purchase["touchpoints_scored"]) == (-0.33, 3)
    # satisfaction 2 -> -1 and no complaints from 5 clients -> 0: mean -0.5
    assert curves.loc["consideration", "data_emotion"] == -0.5
    # 3 leads with nothing but zero complaints: too few to say anything
    assert curves.loc["awareness", "basis"] == "assumed"
    assert curves.loc["awareness", "data_emotion"] is None or \
        curves["data_emotion"].isna()["awareness"]
    assert curves.loc["advocacy", "basis"] == "assumed"


def test_filters_narrow_the_data_curve(db):
    import_file(db, "clients.csv", csv_bytes(CLIENTS))
    curves = jm.emotion_curves(db, filters=Filters(persona=("nobody",))).set_index("stage")
    assert set(curves["basis"]) == {"assumed"} and curves["clients"].sum() == 0


EVENTS = """client_id,date,kind,stage,amount
A,2024-01-01,stage_change,awareness,
A,2024-02-01,stage_change,consideration,
A,2024-03-01,purchase,,1000
A,2024-02-15,complaint,,
A,2024-03-10,complaint,,
A,2024-03-12,nps,,4
A,2024-03-20,complaint,retention,
"""


def test_events_belong_to_their_own_stage_or_the_stage_reached_on_their_date(db):
    import_file(db, "events.csv", csv_bytes(EVENTS))
    signals = jm.customer_signals(db).set_index("stage")
    assert signals["complaints"].to_dict() == {"awareness": 0, "consideration": 1,
                                               "purchase": 1, "retention": 1, "advocacy": 0}
    assert signals.loc["purchase", "nps_answers"] == 1
    assert signals.loc["purchase", "nps"] == -100.0
    # complaints are counted against the clients who reached the stage (a complaint
    # that says retention is evidence of reaching it)
    assert signals["clients"].to_dict() == {"awareness": 1, "consideration": 1,
                                            "purchase": 1, "retention": 1, "advocacy": 0}


# --- lanes -----------------------------------------------------------------------------

def test_lanes_list_each_stage_in_touchpoint_order(db):
    add(db, "awareness",
        tpoint("Ads", channel="ads", owner="Nina", customer_action="Clicks", emotion=0),
        tpoint("Expo", channel="events", owner="Nina", pain_points="No follow-up"),
        tpoint("Posts", channel="ads", owner="Maya", thinks_feels="Nice"))
    lanes = jm.map_lanes(db)
    assert lanes["touchpoint"]["awareness"] == ["Ads", "Expo", "Posts"]
    assert lanes["channel"]["awareness"] == ["ads", "events"]
    assert lanes["owner"]["awareness"] == ["Nina", "Maya"]
    assert lanes["pain_points"]["awareness"] == ["No follow-up"]
    assert lanes["touchpoint"]["purchase"] == []
    table = jm.map_table(db)
    assert table.loc[4, "lane"] == "Emotion curve"
    assert table.loc[4, "Awareness"] == "touchpoints +0.0 (assumed)"


# --- the demo --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_db(demo_file):
    db = open_workspace(str(demo_file), create=False)
    yield db
    db.close()


def test_the_demo_map_and_heatmap(demo_db):
    current = [r for r in tp.touchpoint_rows(demo_db) if r["state"] == "current"]
    lanes = jm.map_lanes(demo_db)
    assert sum(len(v) for v in lanes["touchpoint"].values()) == len(current) == 31
    assert lanes["touchpoint"]["purchase"][:2] == ["Contract & deposit invoice",
                                                  "Order confirmation"]
    result = jm.coverage(demo_db)
    assert int(result.counts.values.sum()) == 31
    assert int(result.counts.loc["operations", "purchase"]) == 4
    assert result.gaps["detail"].tolist() == [
        "support should serve Purchase but has no touchpoint there.",
        "operations should serve Retention but has no touchpoint there.",
        "product should serve Retention but has no touchpoint there."]
    heatmap = figures.coverage_figure(result)
    assert heatmap.data[0].z.shape == (7, 5)
    assert heatmap.data[0].text[5][2] == "gap"          # support, purchase


def test_the_demo_emotion_curves(demo_db):
    curves = jm.emotion_curves(demo_db).set_index("stage")
    assert curves["basis"].to_dict() == {
        "awareness": "assumed", "consideration": "data-backed", "purchase": "data-backed",
        "retention": "data-backed", "advocacy": "data-backed"}
    assert curves.loc["advocacy", "touchpoint_emotion"] == 1.8     # (1 + 2 + 2 + 2 + 2) / 5
    assert curves.loc["purchase", "touchpoint_emotion"] == -0.33   # (-1+0-2+0-1+2) / 6
    figure = figures.emotion_figure(curves.reset_index(), large=True)
    assert [trace.name for trace in figure.data] == [
        "Touchpoints (workshop scores)", "Customers (satisfaction, NPS, complaints)"]
    svg = figures.emotion_svg(curves.reset_index())
    assert svg.count("<circle") == 5 + 4 and svg.count('fill="white"') == 1


# --- the page --------------------------------------------------------------------------

PAGE = "views/journey_map.py"


@pytest.fixture
def demo_copy(demo_file, home):
    shutil.copy(demo_file, home / "demo.db")
    return home / "demo.db"


def map_html(at) -> str:
    return next(h.proto.body for h in at.html if 'class="journey-map"' in h.proto.body)


def test_the_map_page_draws_the_demo(demo_copy):
    at = app_test("demo", PAGE)
    assert not at.exception
    body = map_html(at)
    for lane in ("Touchpoints", "Channels", "Customer actions", "Thoughts and feelings",
                 "Emotion curve", "Pain points", "Opportunities", "Owners"):
        assert f"<th>{lane}</th>" in body
    assert body.count("<li>") == 4 * 31 + 31     # five text lanes; one without pain points
    assert "Contract &amp; deposit invoice" in body
    assert "data:image/svg+xml;base64," in body
    assert len(at.get("plotly_chart")) == 2
    gaps = next(d.value for d in at.dataframe if "detail" in d.value.columns)
    assert len(gaps) == 3
    sentences = [h.proto.body for h in at.html if "journey-sentence" in h.proto.body
                 and h.proto.body.startswith("<p")]
    assert sentences == ['<p class="journey-sentence">Data-backed: Consideration, Purchase, '
                         "Retention, Advocacy. Assumed (workshop scores only): "
                         "Awareness.</p>"]


def test_the_tables_read_as_people_read_them(demo_copy):
    """The curves' figures and the gaps through widgets.table: human headers, empty cells
    empty, NPS with its decimal (not cut to a whole number as a count), scores to two."""
    at = app_test("demo", PAGE)
    assert not at.exception
    shown = {tuple(d.value.columns): d for d in at.dataframe}
    # (s23) the curves' figures are a static table, a figure a row and a stage a column:
    # as a grid of a stage a row it scrolled 469 px sideways at 1280 px
    curves = next(t.value for t in at.table if "Figure" in t.value.columns)
    rows = {row["Figure"]: list(row)[1:] for _, row in curves.iterrows()}
    assert rows["NPS"][0] == "" and all(v == "" or v[-2] == "." for v in rows["NPS"])
    assert all(v == "" or len(v.split(".")[1]) == 2 for v in rows["Customers (score)"])
    assert all("." not in v for v in rows["Satisfaction answers"])
    assert set(rows["Basis"]) == {"Assumed", "Data-backed"}
    gaps = next(d for columns, d in shown.items() if "detail" in columns)
    config = json.loads(gaps.proto.columns)
    labels = {c: config[c]["label"] for c in gaps.value.columns}
    assert labels == {"gap": "Gap", "detail": "What is missing"}
    assert all(g[:1].isupper() for g in gaps.value["gap"])


def test_presenter_charts_are_readable_from_the_back(demo_copy):
    from journey.charts import PRESENTER_FONT

    at = app_test("demo", PAGE, presenter=True)
    assert not at.exception
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    for chart in charts:
        assert json.loads(chart.proto.spec)["layout"]["font"]["size"] >= PRESENTER_FONT


def test_text_on_the_map_is_escaped(demo_copy):
    db = open_workspace("demo", create=False)
    try:
        base = tp.touchpoint_rows(db, "awareness")
        evil = tpoint("<script>alert('x')</script>", owner="<b>Eve</b>",
                      pain_points="<img src=x onerror=alert(1)>")
        assert tp.save_stage(db, "awareness", base, [*base, evil]).status == "saved"
    finally:
        db.close()
    at = app_test("demo", PAGE)
    assert not at.exception
    body = map_html(at)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "&lt;b&gt;Eve&lt;/b&gt;" in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "<script>" not in body and "<b>Eve" not in body and "<img src=x" not in body


def test_the_future_state_and_presenter_mode(demo_copy):
    at = app_test()
    at.session_state["workspace"] = "demo"
    at.session_state["presenter"] = True
    at.session_state["map_state"] = "future"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    body = map_html(at)
    assert "Online pricing calculator" in body and "Instagram" not in body
    assert not [b for b in at.get("download_button")]


def test_an_empty_workspace_says_where_to_start(home):
    from journey.workspace import create_workspace
    create_workspace("empty")
    at = app_test("empty", PAGE)
    assert not at.exception
    assert any("No current-state touchpoints yet" in m.value for m in at.markdown)


def test_the_kpi_lane_shows_each_kpi_in_its_stage_with_its_status(demo_copy):
    from journey.workshop import kpis
    db = open_workspace("demo", create=False)
    try:
        kpis.add_kpi(db, {"measure": "entered", "name": "Reviews <b>this</b> month",
                          "target": 5})                      # no stage, no evidence
    finally:
        db.close()
    at = app_test("demo", PAGE)
    assert not at.exception
    body = map_html(at)
    assert "<tr><th>KPIs</th>" in body
    assert ('<li class="not-met">Conversion from Consideration to Purchase: 41.9%, '
            "target 45%</li>") in body
    assert '<li class="met">Conversion from Awareness to Consideration: 63.9%, target 60%' \
        in body
    whole = next(h.proto.body for h in at.html if "KPIs of the whole journey" in h.proto.body)
    assert "<li>Reviews &lt;b&gt;this&lt;/b&gt; month: no evidence, target 5</li>" in whole


# --- a gap becomes an action (issue 17.4) --------------------------------------------------

def test_a_gap_becomes_an_action_and_is_shown_as_such(demo_copy):
    from journey.workshop import actions

    at = app_test("demo", PAGE)
    assert not at.exception
    gaps = jm.coverage(open_workspace("demo", create=False)).gaps.to_dict("records")
    assert at.selectbox(key="gap_pick").options == [g["detail"] for g in gaps]
    at.selectbox(key="gap_pick").set_value(1).run()
    chosen = gaps[1]
    source = actions.gap_source(chosen)
    prefilled = actions.from_gap(chosen)
    assert at.text_input(key=f"gap_action_title_{source}").value == prefilled["title"] == \
        "Give operations a touchpoint at Retention"
    at.text_input(key="gap_action_owner").input("Tom Walsh")
    at.slider(key="gap_action_effort").set_value(2)
    next(b for b in at.main.button if b.proto.form_id == "gap_action").click().run()
    assert not at.exception, at.exception
    assert any("Added to the Workshop page's action list: Give operations" in s.value
               for s in at.main.success)
    db = open_workspace("demo", create=False)
    made = db.execute("SELECT title, owner, stage, department, impact, effort, note FROM "
                      "actions WHERE source = ?", [source]).fetchall()
    db.close()
    assert made == [("Give operations a touchpoint at Retention", "Tom Walsh", "retention",
                     "operations", 3, 2, f"Gap: {chosen['detail']}")]
    table = next(d.value for d in at.dataframe if "detail" in d.value.columns)
    assert table["action"].tolist() == ["", "Give operations a touchpoint at Retention "
                                            "(Tom Walsh)", ""]
    assert at.selectbox(key="gap_pick").options == [gaps[0]["detail"], gaps[2]["detail"]]


def test_no_gap_is_offered_in_presenter_mode(demo_copy):
    at = app_test("demo", PAGE, presenter=True)
    assert not at.exception
    assert not at.get("popover") and not [s for s in at.selectbox if s.key == "gap_pick"]
