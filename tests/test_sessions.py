"""Closing a session and what changed since (issue 17.5), worked by hand on
tests/test_money.py's nine clients.

At the kick-off 3 of the 5 clients who considered buying bought (60%), against a target of
70%, and revenue was 6,000 against 6,500. Then Bob buys for 1,000: 4 of 5 bought (80%, now
met; +20 points), revenue 7,000 (now met); 3 of the 4 buyers came back (100% -> 75%,
−25 points). One action was done since, and one added since is overdue.
"""

from __future__ import annotations

import datetime as dt

import pytest

from journey import scorecard
from journey.errors import ValidationError
from journey.ingest import import_file
from journey.workshop import actions, kpis, sessions
from test_money import shop

KICKOFF = dt.date(2026, 12, 4)
FOLLOW_UP = dt.date(2026, 12, 20)


@pytest.fixture
def db():
    workspace = shop()
    kpis.add_kpi(workspace, {"measure": "conversion", "stage": "consideration", "target": 70},
                 today=KICKOFF)
    kpis.add_kpi(workspace, {"measure": "revenue", "target": 6500}, today=KICKOFF)
    actions.add_action(workspace, {"title": "Call Bob back", "owner": "Sam",
                                   "due": "2026-12-10"}, today=KICKOFF)
    actions.add_action(workspace, {"title": "Rewrite the proposal", "owner": "Ann",
                                   "due": "2027-01-31"}, today=KICKOFF)
    yield workspace
    workspace.close()


def test_nothing_to_compare_before_a_session_is_closed(db):
    assert sessions.last_session(db) is None
    assert scorecard.since_last_time(db, today=KICKOFF) is None


def test_just_after_closing_nothing_has_changed(db):
    scorecard.close_session(db, today=KICKOFF, closed_at="2026-12-04 17:00:00")
    changes = scorecard.since_last_time(db, today=KICKOFF)
    assert changes.session["name"] == "Session of 2026-12-04"
    assert set(changes.kpis["Change"]) == {"no change"}
    assert set(changes.stages["Change"]) == {"no change"}
    assert (changes.signs, changes.done, changes.overdue, changes.added) == ([], [], [], 0)


def test_what_changed_since_the_last_session(db):
    scorecard.close_session(db, "Kick-off", "Agreed the targets", today=KICKOFF,
                            closed_at="2026-12-04 17:00:00")
    [result] = import_file(db, "update.csv", b"Client ID,Stage,Current revenue\nB,purchase,1000\n")
    assert result.updated == 1
    actions.update_action(db, 1, {"status": "done"}, version=1, today=KICKOFF)
    actions.add_action(db, {"title": "Thank Bob", "due": "2026-12-15"}, today=KICKOFF)

    changes = scorecard.since_last_time(db, today=FOLLOW_UP)
    assert changes.session["name"] == "Kick-off" and changes.session["note"] == (
        "Agreed the targets")
    assert changes.kpis.values.tolist() == [
        ["Conversion from Consideration to Purchase", "70%", "60%", "80%", "Not met", "Met",
         "+20 points (better): now met"],
        ["Revenue", "$6,500", "$6,000", "$7,000", "Not met", "Met",
         "+$1,000 (better): now met"]]
    assert changes.stages.values.tolist() == [
        ["Consideration", "55.6%", "55.6%", "no change"],
        ["Purchase", "60.0%", "80.0%", "+20.0 points"],
        ["Retention", "100.0%", "75.0%", "−25.0 points"],
        ["Advocacy", "66.7%", "66.7%", "no change"]]
    assert changes.done == ["Call Bob back"]
    assert changes.overdue == ["Thank Bob"]
    assert changes.added == 1
    assert changes.sentences[0] == "2 of 2 KPIs with evidence meet their target (2 newly met)."
    assert "1 action done since." in changes.sentences


def test_the_last_closed_session_is_the_one_compared_and_each_keeps_its_figures(db):
    first = scorecard.close_session(db, "One", today=KICKOFF, closed_at="2026-12-04 17:00:00")
    import_file(db, "update.csv", b"Client ID,Stage,Current revenue\nB,purchase,1000\n")
    second = scorecard.close_session(db, "Two", today=FOLLOW_UP,
                                     closed_at="2026-12-20 17:00:00")
    assert sessions.list_sessions(db)["name"].tolist() == ["Two", "One"]
    assert sessions.last_session(db)["id"] == second
    kept = {s: [k["actual"] for k in sessions.get_session(db, s)["snapshot"]["kpis"]]
            for s in (first, second)}
    assert kept == {first: [60.0, 6000.0], second: [80.0, 7000.0]}
    changes = scorecard.since_last_time(db, today=FOLLOW_UP)
    assert set(changes.kpis["Change"]) == {"no change"}


def test_a_kpi_added_or_losing_its_evidence_since_says_so(db):
    scorecard.close_session(db, today=KICKOFF)
    kpis.add_kpi(db, {"measure": "satisfaction", "target": 4}, today=KICKOFF)
    then = sessions.last_session(db)
    now = scorecard.take_snapshot(db, today=KICKOFF)
    now["kpis"][0]["actual"] = None
    now["kpis"][0]["status"] = kpis.NO_EVIDENCE
    changes = sessions.compare(then, now)
    assert changes.kpis["Change"].tolist() == [
        "no evidence now", "no change", "new since the last session"]


def test_a_session_name_too_long_is_refused_and_nothing_is_kept(db):
    with pytest.raises(ValidationError, match="A session's name can be up to 120 characters"):
        scorecard.close_session(db, "x" * 121, today=KICKOFF)
    assert sessions.list_sessions(db).empty


# --- the Workshop page ---------------------------------------------------------------------

def workshop(name: str, **state):
    from conftest import app_test
    at = app_test(name, "views/workshop.py", **state)
    assert not at.exception, at.exception
    return at


def click(at, label: str):
    next(b for b in at.main.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def html_text(at) -> str:
    return "\n".join(h.proto.body for h in at.main.get("html"))


def test_the_demo_workshop_opens_on_what_changed_since_the_follow_up(demo_home):
    at = workshop("demo")
    assert [s.value for s in at.main.subheader][:2] == ["Since last time: Follow-up", "KPIs"]
    assert "KPIs with evidence meet their target" in html_text(at)
    since = at.main.table[0].value
    assert since.columns.tolist() == ["KPI", "Target", "Then", "Now", "Status then",
                                      "Status now", "Change"]
    kpi_table = next(d.value for d in at.main.table if "From" in d.value.columns)
    assert len(kpi_table) == 11 and set(kpi_table["Status"]) <= {"Met", "Not met"}
    assert "None" not in kpi_table.to_string() and "nan" not in kpi_table.to_string()
    assert any(b.label == "Close this session" for b in at.main.button)


def test_in_presenter_mode_the_figures_show_and_nothing_edits(demo_home):
    at = workshop("demo", presenter=True)
    assert at.main.table and not at.main.expander
    assert not any(b.label in ("Close this session", "Add the KPI") for b in at.main.button)


def test_the_page_adds_a_kpi_and_refuses_bad_input_keeping_what_was_typed(home):
    from journey.workspace import open_workspace
    db = open_workspace("shop")
    import_file(db, "c.csv", b"Client ID,Stage\nA,purchase\nB,consideration\nC,awareness\n")
    db.close()
    at = workshop("shop")
    at.selectbox(key="kpi_measure").set_value("conversion")
    at.selectbox(key="kpi_stage").set_value("consideration")
    at.text_input(key="kpi_target").input("lots")
    click(at, "Add the KPI")
    assert [e.value for e in at.main.error] == [
        "The target is a number, such as 25; 'lots' is not a number."]
    assert at.text_input(key="kpi_target").value == "lots"            # nothing typed is lost
    at.text_input(key="kpi_target").input("40")
    at.date_input(key="kpi_due").set_value(dt.date(2020, 1, 31))
    click(at, "Add the KPI")
    assert at.main.error[0].value.startswith("The due date 2020-01-31 is in the past")
    assert at.selectbox(key="kpi_stage").value == "consideration"
    db = open_workspace("shop")
    assert db.execute("SELECT COUNT(*) FROM kpis").fetchone()[0] == 0
    db.close()
    at.date_input(key="kpi_due").set_value(None)
    click(at, "Add the KPI")
    assert [s.value for s in at.main.success] == ["KPI added."]
    table = next(d.value for d in at.main.table if "From" in d.value.columns)
    assert table[["KPI", "Target", "Actual", "Status"]].values.tolist() == [
        ["Conversion from Consideration to Purchase", "40%", "50%", "Met"]]


def test_closing_a_session_on_the_page_keeps_it_for_next_time(home):
    from journey.workspace import open_workspace
    db = open_workspace("shop")
    import_file(db, "c.csv", b"Client ID,Stage\nA,purchase\nB,consideration\n")
    db.close()
    at = workshop("shop")
    assert any("No session has been closed" in i.value for i in at.main.info)
    at.text_input(key="session_name").input("First look")
    click(at, "Close this session")
    assert [s.value for s in at.main.success] == [
        "Session closed: the next one opens on what changed since."]
    assert "Since last time: First look" in [s.value for s in at.main.subheader]
