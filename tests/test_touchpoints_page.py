"""The Touchpoints page in AppTest: add, edit, delete and reorder through the data editor
(its edit state set in session_state, then Save clicked), refused rows that keep their
edits, two sessions saving the same touchpoint, undo, the function map, snapshots, and
presenter mode without editing."""

import shutil

import pytest
from conftest import app_test

from journey.workshop import touchpoints as tp
from journey.workspace import open_workspace

PAGE = "views/touchpoints.py"
EDITOR = "tp_consideration_current"
CONSIDERATION = ["Enquiry form & first call", "Showroom visit", "Design consultation",
                 "Mood board & samples", "Proposal & quote", "Follow-up call",
                 "Pricing tiers page"]


@pytest.fixture
def demo(demo_file, home):
    shutil.copy(demo_file, home / "demo.db")
    return home / "demo.db"


def stored(stage="consideration", state="current"):
    db = open_workspace("demo", create=False)
    try:
        return tp.touchpoint_rows(db, stage, state)
    finally:
        db.close()


def table_with(at, column: str):
    """The read-only table that has this column."""
    return next(d.value for d in at.dataframe
                if d.editing_mode == "read_only" and column in d.value.columns)


def edit(at, key, edited_rows=None, added_rows=None, deleted_rows=None):
    at.session_state[key] = {"edited_rows": edited_rows or {}, "added_rows": added_rows or [],
                             "deleted_rows": deleted_rows or []}


def test_the_page_shows_a_table_per_stage_and_state(demo):
    at = app_test("demo", PAGE)
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Awareness", "Consideration", "Purchase",
                                          "Retention", "Advocacy", "Function map", "Snapshots"]
    keys = [e.key for e in at.data_editor]
    assert keys[:4] == ["tp_awareness_current", "tp_awareness_future",
                        "tp_consideration_current", "tp_consideration_future"]
    assert len(keys) == 11 and keys[-1] == "tp_function_map"
    table = at.data_editor(key=EDITOR).value
    assert list(table["touchpoint"]) == CONSIDERATION
    assert list(table["position"]) == [1, 2, 3, 4, 5, 6, 7]
    assert list(at.data_editor(key="tp_consideration_future").value["touchpoint"]) == [
        "Online pricing calculator"]


def test_add_edit_delete_and_reorder_through_the_editor(demo):
    at = app_test("demo", PAGE)
    edit(at, EDITOR,
         edited_rows={4: {"emotion": -2, "pain_points": "Nobody can compare the tiers"},
                      6: {"position": 1}},
         added_rows=[{"touchpoint": "Sample box", "channel": "in person",
                      "department": "product", "emotion": 1, "position": 3}],
         deleted_rows=[5])
    at.button(key="save_consideration").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Saved: 1 added, 2 changed, 1 deleted."]
    rows = stored()
    assert [r["touchpoint"] for r in rows] == [
        "Pricing tiers page", "Enquiry form & first call", "Showroom visit", "Sample box",
        "Design consultation", "Mood board & samples", "Proposal & quote"]
    quote = next(r for r in rows if r["touchpoint"] == "Proposal & quote")
    assert (quote["emotion"], quote["pain_points"], quote["version"]) == (
        -2, "Nobody can compare the tiers", 2)
    box = next(r for r in rows if r["touchpoint"] == "Sample box")
    assert (box["stage"], box["state"], box["channel"]) == ("consideration", "current",
                                                          "in person")
    # the editor starts again from what was saved
    assert list(at.data_editor(key=EDITOR).value["touchpoint"]) == [r["touchpoint"]
                                                                    for r in rows]


def test_a_row_added_to_the_future_table_is_a_future_touchpoint(demo):
    at = app_test("demo", PAGE)
    edit(at, "tp_purchase_future", added_rows=[{"touchpoint": "Install-day video call"}])
    at.button(key="save_purchase").click().run()
    assert [r["touchpoint"] for r in stored("purchase", "future")][-1] == \
        "Install-day video call"


def test_invalid_rows_are_marked_and_the_edits_kept(demo):
    at = app_test("demo", PAGE)
    edit(at, EDITOR, edited_rows={0: {"emotion": 7, "owner": "Dana"}},
         added_rows=[{"channel": "email", "kpi": "Replies"}])
    at.button(key="save_consideration").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Not saved: 2 rows need fixing; your edits are kept below."]
    # under the grid, naming row and column (a "Needs fixing" column widened the grid)
    assert "**Needs fixing**\n\n- Current state, row 1, Emotion: emotion '7' must be a whole " \
        "number from -2 to +2.\n- Current state, row 8, Touchpoint: the touchpoint needs a " \
        "name." in [m.value for m in at.markdown]
    table = at.data_editor(key=EDITOR).value
    assert (table["emotion"].iloc[0], table["owner"].iloc[0]) == (7, "Dana")
    assert table["kpi"].iloc[-1] == "Replies"
    assert [r["owner"] for r in stored()][0] == "Priya Nair"      # nothing written
    # fixing the rows and saving again writes every edit that was kept
    edit(at, EDITOR, edited_rows={0: {"emotion": 2}, 7: {"touchpoint": "Reply email"}})
    at.button(key="save_consideration").click().run()
    assert [s.value for s in at.success] == ["Saved: 1 added, 1 changed, 0 deleted."]
    rows = stored()
    assert (rows[0]["emotion"], rows[0]["owner"]) == (2, "Dana")
    assert (rows[-1]["touchpoint"], rows[-1]["kpi"]) == ("Reply email", "Replies")


def test_two_sessions_saving_the_same_touchpoint_conflict(demo):
    anna, ben = app_test("demo", PAGE), app_test("demo", PAGE)
    edit(anna, EDITOR, edited_rows={4: {"emotion": -2}})
    anna.button(key="save_consideration").click().run()
    edit(ben, EDITOR, edited_rows={4: {"emotion": 1, "owner": "Ben"}, 0: {"kpi": "Calls"}})
    ben.button(key="save_consideration").click().run()
    assert not ben.exception
    assert ben.warning[0].value.startswith("Not saved: someone else saved some of the same")
    conflict = table_with(ben, "theirs")
    assert conflict.values.tolist() == [
        ["Proposal & quote", "Emotion", "-1", "1", "-2"],
        ["Proposal & quote", "Owner", "Maya Chen", "Ben", "(as loaded)"]]
    rows = stored()
    assert (rows[4]["emotion"], rows[4]["owner"], rows[0]["kpi"]) == (
        -2, "Maya Chen", "Time to first call")                # Anna's save stands
    assert ben.data_editor(key=EDITOR).value["emotion"].iloc[4] == -1   # Ben's edits kept
    ben.button(key="keep_mine_consideration").click().run()
    assert not ben.exception
    rows = stored()
    assert (rows[4]["emotion"], rows[4]["owner"], rows[0]["kpi"]) == (1, "Ben", "Calls")


def test_take_theirs_keeps_the_other_save_and_the_rest_of_mine(demo):
    anna, ben = app_test("demo", PAGE), app_test("demo", PAGE)
    edit(anna, EDITOR, edited_rows={4: {"emotion": -2}})
    anna.button(key="save_consideration").click().run()
    edit(ben, EDITOR, edited_rows={4: {"emotion": 1}, 0: {"kpi": "Calls"}})
    ben.button(key="save_consideration").click().run()
    ben.button(key="keep_theirs_consideration").click().run()
    rows = stored()
    assert (rows[4]["emotion"], rows[0]["kpi"]) == (-2, "Calls")


def test_undo_last_save(demo):
    before = stored()
    at = app_test("demo", PAGE)
    edit(at, EDITOR, edited_rows={1: {"thinks_feels": "Too far to drive"}}, deleted_rows=[2])
    at.button(key="save_consideration").click().run()
    assert len(stored()) == 6
    at.button(key="undo_save").click().run()
    assert not at.exception
    assert at.success[0].value == ("Undone: Touchpoints (Consideration): 0 added, "
                                   "1 changed, 1 deleted.")
    after = stored()
    assert [{**r, "version": 0} for r in after] == [{**r, "version": 0} for r in before]
    # versions only go up: the changed row by its save and its undo, the deleted one by
    # coming back
    assert [a["version"] - b["version"] for a, b in zip(after, before)] == [0, 2, 1, 0, 0, 0, 0]
    assert list(at.data_editor(key=EDITOR).value["touchpoint"]) == CONSIDERATION


def test_the_function_map_is_edited_on_the_page(demo):
    at = app_test("demo", PAGE)
    table = at.data_editor(key="tp_function_map").value
    assert table.loc[0, ["department", "uses", "outcome"]].tolist() == [
        "marketing", "Awareness and lead generation", "Better targeting"]
    edit(at, "tp_function_map", edited_rows={5: {"stages": "Purchase, retention, advocacy"},
                                             6: {"stages": "everywhere"}})
    at.button(key="save_function_map").click().run()
    assert at.error[0].value == "Not saved: 1 row need fixing; your edits are kept below."
    edit(at, "tp_function_map", edited_rows={6: {"stages": ""}})
    at.button(key="save_function_map").click().run()
    db = open_workspace("demo", create=False)
    try:
        assert tp.department_stages(db)["support"] == ("purchase", "retention", "advocacy")
    finally:
        db.close()


def test_snapshot_before_and_after(demo):
    at = app_test("demo", PAGE)
    at.text_input(key="snapshot_name").input("Before the workshop")
    at.button(key="save_snapshot").click().run()
    assert at.success[0].value == "Snapshot 'Before the workshop' saved."
    edit(at, EDITOR, edited_rows={0: {"emotion": -1}})
    at.button(key="save_consideration").click().run()
    summary = [m.value for m in at.markdown if m.value.startswith("**Since this snapshot")]
    assert summary == ["**Since this snapshot:** 0 added, 0 removed, 1 changed."]
    changes = table_with(at, "change")
    assert changes[["touchpoint", "field", "before", "after"]].values.tolist() == [
        ["Enquiry form & first call", "Emotion", "0", "-1"]]


def test_presenter_mode_shows_read_only_tables(demo):
    at = app_test()
    at.session_state["workspace"] = "demo"
    at.session_state["presenter"] = True
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert len(at.data_editor) == 0
    assert not [b for b in at.button if (b.key or "").startswith(("save_", "undo"))]
    # 8 stage-and-state tables with rows and the function map, as static tables whose text
    # wraps (a grid's cells cut sentences off at presenter size)
    assert (len(at.dataframe), len(at.table)) == (0, 9)


def test_typed_edits_survive_a_visit_to_another_page(demo):
    at = app_test("demo", PAGE)
    edit(at, EDITOR, edited_rows={0: {"owner": "Dana"}},
         added_rows=[{"touchpoint": "Parking map"}], deleted_rows=[6])
    at.run()
    at.switch_page("views/overview.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    table = at.data_editor(key=EDITOR).value
    assert table["owner"].iloc[0] == "Dana"
    assert list(table["touchpoint"])[-2:] == ["Follow-up call", "Parking map"]
    at.button(key="save_consideration").click().run()
    assert [s.value for s in at.success] == ["Saved: 1 added, 1 changed, 1 deleted."]
