"""The workshop's action list (issue 17.4): checked input with a sentence per field, the
ranking, overdue work, the follow-up filter by owner, stale edits, and the command line."""

import datetime as dt
import json

import pandas as pd
import pytest

from journey.__main__ import main
from journey.errors import ValidationError
from journey.workshop import actions
from journey.workspace import open_workspace

TODAY = dt.date(2026, 12, 4)


def add(db, **values):
    return actions.add_action(db, {"title": "Call back lost deals", **values}, today=TODAY)


def test_an_action_is_stored_in_its_checked_form(db):
    action_id = add(db, owner=" Sam ", stage="Consideration", impact="high", effort="2",
                    due=dt.date(2027, 1, 15))
    stored = actions.get_action(db, action_id)
    assert {k: stored[k] for k in ("owner", "stage", "impact", "effort", "due", "status")} == {
        "owner": "Sam", "stage": "consideration", "impact": 5, "effort": 2,
        "due": "2027-01-15", "status": "open"}
    assert stored["version"] == 1


@pytest.mark.parametrize("values,sentence", [
    ({"title": "  "}, "An action needs a title: what will be done."),
    ({"impact": "very"}, "Impact is a score from 1 (low) to 5 (high), not 'very'."),
    ({"effort": 7}, "Effort is a score from 1 (low) to 5 (high), not '7'."),
    ({"effort": 2.5}, "Effort is a score from 1 (low) to 5 (high), not '2.5'."),
    ({"due": "next week"}, "Due date 'next week' is not a date; write it as 2026-12-31."),
    ({"due": "2026-11-30"}, "The due date 2026-11-30 is in the past; choose today or a later "
                            "day."),
    ({"stage": "Delight"}, "Stage 'Delight' is not a stage of the journey"),
    ({"status": "maybe"}, "Status 'maybe' is not one of Open, In progress, Done, Dropped."),
])
def test_bad_input_is_refused_with_a_sentence_and_nothing_is_saved(db, values, sentence):
    with pytest.raises(ValidationError, match=sentence.replace("(", r"\(").replace(")", r"\)")):
        add(db, **values)
    assert db.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == 0


def test_a_done_action_may_keep_a_past_date_and_an_overdue_one_its_own(db):
    add(db, title="Old win", due="2026-10-01", status="done")
    late = add(db, title="Still to do", due="2026-12-20")
    actions.update_action(db, late, {"owner": "Ann"}, version=1,
                          today=dt.date(2027, 1, 5))          # its date has passed since
    assert actions.get_action(db, late)["owner"] == "Ann"
    with pytest.raises(ValidationError, match="in the past"):
        actions.update_action(db, late, {"due": "2026-12-31"}, version=2,
                              today=dt.date(2027, 1, 5))


def test_the_list_ranks_open_work_by_impact_for_effort_and_marks_overdue(db):
    add(db, title="Quick win", impact=5, effort=1, due="2026-12-10")
    add(db, title="Big bet", impact=5, effort=5)
    add(db, title="Done already", impact=5, effort=1, status="done")
    add(db, title="Small", impact=2, effort=1)
    table = actions.list_actions(db, today=dt.date(2026, 12, 11))
    assert table["title"].tolist() == ["Quick win", "Small", "Big bet", "Done already"]
    assert table["overdue"].tolist() == [True, False, False, False]


def test_the_follow_up_lists_one_owner(db):
    add(db, title="A", owner="Sam")
    add(db, title="B", owner="ann")
    add(db, title="C", owner="Ann")
    assert actions.owners(db) == ["Ann", "Sam"]
    assert actions.list_actions(db, owner="ANN")["title"].tolist() == ["B", "C"]


def test_a_stale_editor_is_refused_and_loses_nothing(db):
    action_id = add(db, owner="Sam")
    assert actions.update_action(db, action_id, {"status": "doing"}, version=1) == 2
    with pytest.raises(actions.StaleAction):
        actions.update_action(db, action_id, {"owner": "Ann"}, version=1)
    with pytest.raises(actions.StaleAction):
        actions.delete_action(db, action_id, version=1)
    assert actions.get_action(db, action_id)["owner"] == "Sam"
    actions.delete_action(db, action_id, version=2)
    assert actions.get_action(db, action_id) is None


def test_the_command_line_prints_the_same_list(home, capsys):
    db = open_workspace("shop")
    add(db, title="Quick win", owner="Sam", impact=5, effort=1, due="2027-02-01")
    add(db, title="Other", owner="Ann", impact=1, effort=5)
    db.close()
    assert main(["actions", "--workspace", "shop", "--owner", "sam", "--json"]) == 0
    printed = capsys.readouterr().out
    assert '"impact": 5,' in printed                       # a whole number, not 5.0
    assert json.loads(printed) == {"actions": [{
        "title": "Quick win", "owner": "Sam", "department": None, "stage": None, "impact": 5,
        "effort": 1, "due": "2027-02-01", "status": "open"}]}
    assert main(["actions", "--workspace", "shop"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["Open         Quick win  [Sam, due 2027-02-01]", "Open         Other  [Ann]"]


# --- the Workshop page -------------------------------------------------------------------

def test_the_page_adds_an_action_lists_it_and_moves_it_on(home):
    from conftest import app_test

    open_workspace("shop").close()
    at = app_test("shop", "views/workshop.py")
    assert not at.exception
    assert [e.label for e in at.main.expander] == ["Set the goal", "Add a KPI", "Add an action"]
    at.text_input(key="action_title").input("Send a welcome pack to new clients")
    at.text_input(key="action_owner").input("Sam")
    at.selectbox(key="action_stage").set_value("purchase")
    at.slider(key="action_impact").set_value(4)
    next(b for b in at.main.button if b.label == "Add the action").click().run()
    assert not at.exception
    assert [s.value for s in at.main.success] == ["Added: Send a welcome pack to new clients."]
    listed = at.main.table[0].value
    assert listed[["Action", "Owner", "Stage", "Impact", "Status"]].values.tolist() == [
        ["Send a welcome pack to new clients", "Sam", "Purchase", "4", "Open"]]
    at.selectbox(key="action_new_status").set_value("done")
    next(b for b in at.main.button if b.label == "Save").click().run()
    assert not at.exception
    assert at.main.table[0].value["Status"].tolist() == ["Done"]


def test_the_page_refuses_an_action_without_a_title_and_keeps_the_form(home):
    from conftest import app_test

    open_workspace("shop").close()
    at = app_test("shop", "views/workshop.py")
    at.text_input(key="action_owner").input("Sam")
    next(b for b in at.main.button if b.label == "Add the action").click().run()
    assert [e.value for e in at.main.error] == ["An action needs a title: what will be done."]
    assert at.text_input(key="action_owner").value == "Sam"          # nothing typed is lost
    db = open_workspace("shop")
    assert db.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == 0
    db.close()


def test_in_presenter_mode_the_list_shows_and_nothing_edits(home):
    from conftest import app_test

    db = open_workspace("shop")
    add(db, title="Quick win", owner="Sam", due="2027-02-01")
    db.close()
    at = app_test("shop", "views/workshop.py", presenter=True)
    assert not at.exception
    assert not at.main.expander and at.main.table[0].value["Action"].tolist() == ["Quick win"]
    assert not any(b.label in ("Add the action", "Save") for b in at.main.button)


def test_the_list_on_screen_puts_overdue_in_the_status_and_the_room_sees_no_department(home):
    """An overdue open action reads "Open, overdue" in one column, so the table fits the page
    (a separate Overdue column, and in presenter mode the department, scrolled off it); the
    download keeps both."""
    from conftest import app_test

    db = open_workspace("shop")
    late = add(db, title="Late one", owner="Sam", department="sales", due="2099-01-01")
    add(db, title="Later one", owner="Ann", due="2099-01-01")
    db.execute("UPDATE actions SET due = '2020-01-01' WHERE id = ?", [late])   # time passed
    db.conn.commit()
    db.close()
    normal = app_test("shop", "views/workshop.py")
    assert not normal.exception
    table = normal.main.table[0].value
    assert table.columns.tolist() == ["Action", "Owner", "Status", "Due", "Stage", "Impact",
                                      "Effort", "Department"]
    assert table[["Action", "Status", "Department"]].values.tolist() == [
        ["Late one", "Open, overdue", "sales"], ["Later one", "Open", ""]]
    room = app_test("shop", "views/workshop.py", presenter=True)
    assert not room.exception
    assert "Department" not in room.main.table[0].value.columns
    assert room.main.table[0].value["Status"].tolist() == ["Open, overdue", "Open"]


# --- the goal ----------------------------------------------------------------------------

def test_a_goal_keeps_its_objective_and_key_results(db):
    from journey.workshop.goal import get_goal, set_goal

    assert not get_goal(db).set
    set_goal(db, " Win back lost clients ", "- Win rate above 45%\n\n• 30 referrals a quarter\n")
    goal = get_goal(db)
    assert (goal.objective, goal.key_results) == (
        "Win back lost clients", ("Win rate above 45%", "30 referrals a quarter"))


@pytest.mark.parametrize("objective,results,sentence", [
    ("", "x", "A goal needs an objective"),
    ("Grow", "\n".join("abcdef"), "A goal keeps to at most 5 key results; there are 6."),
])
def test_a_goal_that_cannot_be_used_is_refused_and_the_old_one_stays(db, objective, results,
                                                                     sentence):
    from journey.workshop.goal import get_goal, set_goal

    set_goal(db, "Grow", "More referrals")
    with pytest.raises(ValidationError, match=sentence):
        set_goal(db, objective, results)
    assert get_goal(db).objective == "Grow"


def test_the_page_sets_the_goal_and_shows_it(home):
    from conftest import app_test

    open_workspace("shop").close()
    at = app_test("shop", "views/workshop.py")
    assert any("No goal yet" in i.value for i in at.main.info)
    at.text_input(key="goal_objective").input("Turn first purchases into regulars")
    at.text_area(key="goal_results").input("Repeat within 90 days above 30%")
    next(b for b in at.main.button if b.label == "Save the goal").click().run()
    assert not at.exception
    assert any("Goal: Turn first purchases into regulars" in h.proto.body
               for h in at.main.get("html"))
    assert [m.value for m in at.main.markdown if "Repeat" in m.value] == [
        "- Repeat within 90 days above 30%"]


def test_a_pain_point_becomes_an_action_from_the_touchpoints_page(demo_home):
    from conftest import app_test

    at = app_test("demo", "views/touchpoints.py")
    assert not at.exception
    pick = at.selectbox(key="pain_awareness")
    chosen = pick.value
    at.button(key="pain_action_awareness").click().run()
    assert not at.exception
    db = open_workspace("demo")
    row = db.execute("SELECT title, stage, source FROM actions WHERE source IS NOT NULL"
                     ).fetchall()
    pain = db.execute("SELECT pain_points FROM touchpoints WHERE id = ?", [chosen]).fetchone()[0]
    db.close()
    assert row == [(f"Ease: {pain.strip()}"[:200], "awareness", f"touchpoint:{chosen}")]
    assert any("Added to the Workshop page's action list" in s.value for s in at.main.success)


# --- the Actions sheet ---------------------------------------------------------------------

def test_the_actions_sheet_goes_out_and_comes_back(db):
    import pandas as pd
    from journey.ingest import RawSheet

    add(db, title="Call back lost deals", owner="Sam", stage="consideration", impact=4,
        effort=2, due="2027-01-15")
    add(db, title="Thank referrers", owner="Ann")
    sheet = actions.export_rows(db)
    assert sheet.values.tolist() == [
        ["Call back lost deals", "Sam", None, "Consideration", 4, 2, "2027-01-15", "Open", None],
        ["Thank referrers", "Ann", None, None, None, None, None, "Open", None]]
    edited = sheet.astype(object).copy()
    edited.loc[0, "Status"] = "Done"                       # changed in the spreadsheet
    edited.loc[1, "Impact"] = "huge"                       # a bad value: reported, not saved
    edited.loc[2] = ["Send a survey", "Kim", "support", "Retention", 2, 1, "2026-01-31",
                     "Open", "From the spreadsheet"]        # added, with a past date
    raw = RawSheet("Actions", list(edited.columns), edited, [2, 3, 4],
                   [chr(65 + i) for i in range(len(edited.columns))])
    import_id = db["imports"].insert({"file": "journey.xlsx", "sheet": "Actions",
                                      "kind": "actions"}).last_pk
    saved = actions.import_sheet(db, raw, import_id)
    assert (saved.inserted, saved.updated) == (1, 1)
    assert [(p.row, p.column, p.reason) for p in saved.problems] == [
        (3, "Impact", "Impact is a score from 1 (low) to 5 (high), not 'huge'. The row was "
                      "not imported.")]
    listed = actions.list_actions(db, today=TODAY).set_index("title")
    assert listed.loc["Call back lost deals", "status"] == "done"
    assert pd.isna(listed.loc["Thank referrers", "impact"])          # left as it was
    assert listed.loc["Send a survey", ["owner", "stage", "due", "note"]].tolist() == [
        "Kim", "retention", "2026-01-31", "From the spreadsheet"]
    assert pd.notna(listed.loc["Send a survey", "id"])


def test_a_crm_sheet_named_actions_stays_data(tmp_path):
    # A CRM's "Actions" sheet of calls and meetings is not the workshop's action list: the
    # name alone does not make it one, its headers must be the list's too.
    from journey.ingest import plan_file
    book = tmp_path / "crm.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"Client": ["Acme", "Acme"], "Date": ["2026-01-05", "2026-01-09"],
                      "Activity": ["call", "meeting"]}).to_excel(writer, sheet_name="Actions",
                                                                  index=False)
    (plan,) = plan_file("crm.xlsx", book.read_bytes(), sheet="Actions")
    assert plan.kind == "events"
    workbook = tmp_path / "journey.xlsx"
    with pd.ExcelWriter(workbook) as writer:
        pd.DataFrame({"Action": ["Call lost deals"], "Owner": ["Sam"], "Status": ["Open"]}
                     ).to_excel(writer, sheet_name="Actions", index=False)
    (plan,) = plan_file("journey.xlsx", workbook.read_bytes())
    assert plan.kind == "actions"


# --- actions made from signs and gaps, and the impact/effort matrix (issue 17.4) -----------

class RedSign:                      # a journey.signs.SignResult as from_sign reads it
    key, status, title = "low_win_rate", "red", "Low win rate"
    stages, departments = ("consideration", "purchase"), ("sales", "marketing")
    next_step = ("Fix this first. From consideration to purchase: review the last ten lost "
                 "deals with sales, qualify leads before writing a proposal.")


def test_a_sign_prefills_its_action_from_its_next_step_stages_and_departments(db):
    values = actions.from_sign(RedSign, today=TODAY)
    assert values == {
        "title": "Review the last ten lost deals with sales", "owner": None,
        "department": "sales", "stage": "consideration", "impact": 5, "effort": 3,
        "due": "2027-01-01", "status": "open", "source": "sign:low_win_rate",
        "note": "Red sign: low win rate. Also: Purchase, marketing"}
    amber = type("Amber", (RedSign,), {"status": "amber", "next_step": "Worth a look."})
    assert actions.from_sign(amber, today=TODAY)["impact"] == 3
    assert actions.from_sign(amber, today=TODAY)["title"] == "Low win rate"   # no instruction
    action_id = actions.add_action(db, {**values, "owner": "Maya"}, today=TODAY)
    assert actions.made_from(db)["sign:low_win_rate"]["id"] == action_id


def test_each_kind_of_gap_prefills_its_action(db):
    gaps = [{"gap": "empty stage", "stage": "advocacy", "department": None, "touchpoint": None,
             "detail": "Advocacy has no current touchpoint."},
            {"gap": "no owner", "stage": "purchase", "department": "sales",
             "touchpoint": "Quote", "detail": "'Quote' (Purchase) has no owner."}]
    made = [actions.from_gap(g, today=TODAY) for g in gaps]
    assert [(m["title"], m["stage"], m["department"], m["impact"], m["effort"], m["source"])
            for m in made] == [
        ("Add a touchpoint at Advocacy", "advocacy", None, 4, 3, "gap:empty stage:advocacy::"),
        ("Name an owner for 'Quote' (Purchase)", "purchase", "sales", 3, 1,
         "gap:no owner:purchase:sales:Quote")]
    assert made[1]["note"] == "Gap: 'Quote' (Purchase) has no owner."


def test_the_matrix_places_each_open_action_in_its_quadrant(db):
    from journey import figures

    for title, impact, effort, status in [
            ("Quick", 5, 1, "open"), ("Bet", 4, 5, "doing"), ("Fill", 3, 3, "open"),
            ("Thankless", 1, 4, "open"), ("Done already", 5, 1, "done"),
            ("Unscored", None, 2, "open")]:
        add(db, title=title, impact=impact, effort=effort, status=status)
    points = actions.matrix_points(actions.list_actions(db, today=TODAY))
    assert dict(zip(points["title"], points["quadrant"])) == {
        "Quick": "Quick wins", "Bet": "Big bets", "Fill": "Fill-ins",
        "Thankless": "Thankless"}
    figure = figures.action_matrix_figure(points)
    trace = figure.data[0]
    placed = {c[0]: (c[1], round(x), round(y)) for c, x, y in
              zip(trace.customdata, trace.x, trace.y)}
    assert placed == {"Quick": ("Quick wins", 1, 5), "Bet": ("Big bets", 5, 4),
                      "Fill": ("Fill-ins", 3, 3), "Thankless": ("Thankless", 4, 1)}
    assert all(abs(x - round(x)) <= 0.2 for x in trace.x)    # a little apart, same score
    assert [a.text for a in figure.layout.annotations] == [
        "<b>Quick wins</b>", "<b>Big bets</b>", "<b>Fill-ins</b>", "<b>Thankless</b>"]
    assert actions.quadrant(4, 4) == "Big bets" and actions.quadrant(None, 2) is None
    assert not figures.action_matrix_figure(points.head(0)).data


def test_the_workshop_page_draws_the_matrix_for_the_owner_chosen(home):
    from conftest import app_test

    db = open_workspace("shop")
    add(db, title="Quick", owner="Sam", impact=5, effort=1)
    add(db, title="Bet", owner="Ann", impact=5, effort=5)
    db.close()
    at = app_test("shop", "views/workshop.py")
    assert not at.exception

    def plotted():
        chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("action_matrix"))
        return json.loads(chart.proto.spec)

    assert sorted(p[1] for p in plotted()["data"][0]["customdata"]) == ["Big bets",
                                                                       "Quick wins"]
    at.selectbox(key="action_owner_filter").set_value("Sam").run()
    assert [p[0] for p in plotted()["data"][0]["customdata"]] == ["Quick"]
    assert any(c.value.startswith("Quick wins: 1 · Big bets: 0") for c in at.main.caption)
    presenter = app_test("shop", "views/workshop.py", presenter=True)
    assert not presenter.exception
    chart = next(c for c in presenter.get("plotly_chart")
                 if c.proto.id.endswith("action_matrix"))
    from journey.charts import PRESENTER_FONT
    assert json.loads(chart.proto.spec)["layout"]["font"]["size"] >= PRESENTER_FONT
