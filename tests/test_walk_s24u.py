"""Session 24, U: the Journey map's grid at 1280 px, and a refused Touchpoints save that
does not widen its grid.

Checked here:
- The Journey map's own grid (stages side by side, lanes down) fits the page at 1280 and
  1440 px, normal and presenter mode, in Chromium (the demo workspace): it does not scroll
  sideways and every stage's heading ends inside the window. Before, at 1280 px normal, it
  scrolled 80 px inside itself (900 px of table in 820) and Advocacy was cut at the right
  edge; 1280 presenter, 1440 normal and presenter fitted (0).
- With the pre-awareness stage (six stages) it fits too.
- A refused Touchpoints save keeps its grid's columns (no "Needs fixing" column, which made
  the grid scroll 150-200 px at 1280) and lists under the grids what needs fixing, naming
  the grid, the row as the grid numbers it and the column; every edit is kept. A save with
  nothing to fix lists nothing.
"""

from __future__ import annotations

import io
import shutil
import sqlite3

import openpyxl
import pytest
from conftest import app_test, run_cli

from journey import export, tables
from journey.workspace import open_workspace, set_setting

PAGE = "views/touchpoints.py"
EDITOR = "tp_consideration_current"
GRID_COLUMNS = ["position", "touchpoint", "channel", "department", "emotion", "pain_points"]


@pytest.fixture
def demo(demo_file, home):
    shutil.copy(demo_file, home / "demo.db")
    return home / "demo.db"


def edit(at, key, edited_rows=None, added_rows=None):
    at.session_state[key] = {"edited_rows": edited_rows or {}, "added_rows": added_rows or [],
                             "deleted_rows": []}


def needs_fixing(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**Needs fixing**")]


# --- what the Export page's workbook cuts, said in the file and on the page ---------------

TOUCHPOINT_NOTE = ("The 'Touchpoints' sheet: 1 cell of text in 'Pain points' was longer than "
                   "an Excel cell holds and was cut to its first 32,767 characters; the "
                   "workspace holds the whole text.")
EVENTS_NOTE = ("The 'Events' sheet: 2 cells of text in 'Note' were longer than an Excel cell "
               "holds and were cut to their first 32,767 characters; the workspace holds the "
               "whole text.")


@pytest.fixture
def long_texts(demo):
    """The demo with three events' notes of 40,000, 32,768 ('é', two bytes each) and 32,767
    characters (23,921 events: written in bulk) and a touchpoint's pain points of 50,000
    (written cell by cell): 2 cells cut in Events, 1 in Touchpoints."""
    with sqlite3.connect(demo) as db:
        first = [r[0] for r in db.execute("SELECT id FROM events ORDER BY id LIMIT 3")]
        for event, text in zip(first, ["n" * 40_000, "é" * 32_768, "k" * 32_767]):
            db.execute("UPDATE events SET note = ? WHERE id = ?", [text, event])
        db.execute("UPDATE touchpoints SET pain_points = ? WHERE id = (SELECT MIN(id) FROM "
                   "touchpoints)", ["p" * 50_000])
    return demo


def built_workbook() -> export.Workbook:
    db = open_workspace("demo", create=False)
    try:
        return export.build_workbook(db, workspace="demo")
    finally:
        db.close()


def long_cells(book, sheet: str) -> list[int]:
    return sorted(len(v) for row in book[sheet].iter_rows(values_only=True) for v in row
                  if isinstance(v, str) and len(v) > 1_000)


def test_the_workbook_cuts_long_text_and_says_so_in_a_last_sheet(long_texts, home):
    built = built_workbook()
    assert built.notes == [TOUCHPOINT_NOTE, EVENTS_NOTE]
    book = openpyxl.load_workbook(io.BytesIO(built.data), read_only=True)
    assert book.sheetnames == [*export.SHEETS, tables.NOTES_SHEET]
    assert list(book[tables.NOTES_SHEET].iter_rows(values_only=True)) == [
        ("Note",), (TOUCHPOINT_NOTE,), (EVENTS_NOTE,)]
    assert long_cells(book, "Events") == [32_767, 32_767, 32_767]
    assert long_cells(book, "Touchpoints") == [32_767]
    # the command line says it under what it wrote
    done = run_cli(home, "export", "--workspace", "demo", "-o", str(home / "out.xlsx"))
    assert done.stdout.splitlines()[1:] == [TOUCHPOINT_NOTE, EVENTS_NOTE]
    assert "12 sheets" in done.stdout.splitlines()[0]


def test_a_workbook_with_no_long_text_says_nothing(demo, home):
    built = built_workbook()
    assert built.notes == []
    assert openpyxl.load_workbook(io.BytesIO(built.data), read_only=True).sheetnames == \
        list(export.SHEETS)
    at = app_test("demo", "views/export.py")
    assert not [c for c in at.main.caption if "Excel cell" in c.value]


def test_the_export_page_says_what_the_workbook_cuts(long_texts, monkeypatch):
    at = app_test("demo", "views/export.py")
    assert not at.exception
    assert f"{TOUCHPOINT_NOTE} {EVENTS_NOTE}" in [c.value for c in at.main.caption]
    # a large workspace: said once the workbook is built, with the progress bar
    monkeypatch.setattr(export, "LARGE_WORKSPACE_ROWS", 0)
    at = app_test("demo", "views/export.py")
    assert not [c for c in at.main.caption if "Excel cell" in c.value]
    next(b for b in at.main.button if b.label == "Build the workbook").click().run()
    assert not at.exception
    assert f"{TOUCHPOINT_NOTE} {EVENTS_NOTE}" in [c.value for c in at.main.caption]


# --- a refused Touchpoints save ------------------------------------------------------------

def test_a_refused_save_lists_row_and_column_under_the_grid(demo):
    """Consideration has 7 current touchpoints and 1 future one. Current row 1's emotion
    typed as 7, a row added to the future grid with no name: 2 rows need fixing, the added
    one the future grid's row 2 (its 1 touchpoint, then the new row)."""
    at = app_test("demo", PAGE)
    edit(at, EDITOR, edited_rows={0: {"emotion": 7}})
    edit(at, "tp_consideration_future", added_rows=[{"kpi": "Replies"}])
    at.button(key="save_consideration").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Not saved: 2 rows need fixing; your edits are kept below."]
    assert needs_fixing(at) == [
        "**Needs fixing**\n\n"
        "- Current state, row 1, Emotion: emotion '7' must be a whole number from -2 to +2.\n"
        "- Future state, row 2, Touchpoint: the touchpoint needs a name."]
    # the grids show the same columns as before the save, and keep every edit
    current = at.data_editor(key=EDITOR)
    assert current.proto.column_order == GRID_COLUMNS
    assert "problem" not in current.value.columns
    assert current.value["emotion"].iloc[0] == 7
    future = at.data_editor(key="tp_consideration_future").value
    assert (len(future), future["kpi"].iloc[-1]) == (2, "Replies")


def test_a_save_with_nothing_to_fix_lists_nothing(demo):
    at = app_test("demo", PAGE)
    edit(at, EDITOR, edited_rows={0: {"emotion": 2}})
    at.button(key="save_consideration").click().run()
    assert [s.value for s in at.success] == ["Saved: 0 added, 1 changed, 0 deleted."]
    assert needs_fixing(at) == [] and not at.error


def test_the_function_map_names_its_rows_alone(demo):
    """The function map is one grid: its row 7 ('everywhere' is no stage)."""
    at = app_test("demo", PAGE)
    edit(at, "tp_function_map", edited_rows={6: {"stages": "everywhere"}})
    at.button(key="save_function_map").click().run()
    [listed] = needs_fixing(at)
    assert listed.startswith("**Needs fixing**\n\n- Row 7, Stages it should serve: ")
    assert at.data_editor(key="tp_function_map").proto.column_order == [
        "department", "uses", "outcome", "stages"]


# --- the Journey map's grid at 1280 and 1440 px, in Chromium ----------------------------------

MAP_JS = """() => {
  const map = document.querySelector('.journey-map');
  const right = window.innerWidth;
  const heads = [...map.querySelectorAll('thead th')].slice(1)
    .filter(th => th.getBoundingClientRect().right > right + 1).map(th => th.innerText);
  const main = document.querySelector('[data-testid="stMain"]');
  return [map.scrollWidth - map.clientWidth, main.scrollWidth - main.clientWidth,
          map.querySelectorAll('thead th').length - 1, heads];
}"""


@pytest.fixture(scope="module")
def browser_home(tmp_path_factory, demo_file):
    from playwright.sync_api import sync_playwright

    from test_browser import CHROMIUM, _chromium_or_skip

    _chromium_or_skip()
    home = tmp_path_factory.mktemp("walk-s24u") / "workspaces"
    home.mkdir()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield browser, home
        browser.close()


def map_overflow(browser, url, width, presenter):
    from test_walk_s22w import settled

    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{url}/journey_map" + ("?present=1" if presenter else ""))
    settled(page)
    page.wait_for_selector(".journey-map thead th", timeout=90_000)
    page.wait_for_timeout(500)
    found = page.evaluate(MAP_JS)
    page.context.close()
    return found


@pytest.mark.parametrize("six_stages", [False, True])
def test_the_journey_maps_grid_fits_at_1280_and_1440(browser_home, demo_file, six_stages,
                                                     monkeypatch):
    from test_browser import serving

    browser, home = browser_home
    shutil.copy(demo_file, home / "demo.db")
    if six_stages:
        monkeypatch.setenv("JOURNEY_HOME", str(home))
        db = open_workspace("demo", create=False)
        set_setting(db, "pre_awareness", True)
        db.close()
    with serving(home) as url:
        for width in (1280, 1440):
            for presenter in (False, True):
                grid, page, stages, cut = map_overflow(browser, url, width, presenter)
                where = (width, presenter, six_stages)
                assert stages == (6 if six_stages else 5), where
                assert grid <= 1 and page <= 1 and cut == [], (where, grid, page, cut)
