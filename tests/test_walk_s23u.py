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

import io
import shutil
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest
from conftest import app_test

from journey import tables
from journey.figures import trend_figure
from journey.text import change_number, change_text
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
        "feels, delights, KPI, state, stage" in [e.label for e in at.expander]


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


# --- what a workbook cuts or splits, said in the file and on the page ----------------------

def about_sheet(data: bytes) -> list:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [list(book[tables.NOTES_SHEET].iter_rows(values_only=True))
            if tables.NOTES_SHEET in book.sheetnames else None, book]


def test_text_longer_than_a_cell_is_cut_and_said_so():
    """Two cells of 40,000 and 32,768 characters in 'Note', one of 32,767 (what a cell holds:
    not cut) and one of 50,000 in 'Reason': 3 cells cut, 2 in 'Note', 1 in 'Reason'."""
    frame = pd.DataFrame({"Note": ["a" * 40_000, "b" * 32_768, "c" * 32_767, "short"],
                          "Reason": ["x" * 50_000, None, "ok", "=1+2"], "n": [1, 2, 3, 4]})
    note = ("3 cells of text (2 in 'Note', 1 in 'Reason') were longer than an Excel cell "
            "holds and were cut to their first 32,767 characters; the CSV download holds the "
            "whole text.")
    assert tables.workbook_notes(frame) == [note]
    notes, book = about_sheet(tables.to_xlsx_bytes(frame, "evidence"))
    assert book.sheetnames == ["evidence", tables.NOTES_SHEET]
    assert notes == [("Note",), (note,)]
    cells = list(book["evidence"].iter_rows(min_row=2, values_only=True))
    assert [len(row[0]) for row in cells] == [32_767, 32_767, 32_767, 5]
    assert cells[0][1] == "x" * 32_767 and cells[3][1] == "=1+2"
    csv = tables.to_csv_bytes(frame).decode("utf-8-sig")
    assert "a" * 40_000 in csv and "x" * 50_000 in csv


def test_one_long_cell_in_one_column():
    frame = pd.DataFrame({"Reason": ["y" * 32_768]})
    assert tables.workbook_notes(frame) == [
        "1 cell of text in 'Reason' was longer than an Excel cell holds and was cut to its "
        "first 32,767 characters; the CSV download holds the whole text."]


def test_a_table_that_fits_has_no_notes_sheet():
    """Text of exactly 32,767 characters, numbers and a column of no text: nothing said."""
    frame = pd.DataFrame({"Note": ["c" * 32_767], "n": [1], "empty": pd.Series([None],
                                                                              dtype=object)})
    assert tables.workbook_notes(frame) == []
    notes, book = about_sheet(tables.to_xlsx_bytes(frame))
    assert notes is None and book.sheetnames == ["Data"]


def test_a_split_table_says_so_in_the_file(monkeypatch):
    """Sheets of 3 rows under the header (EXCEL_ROWS patched to 4): 7 rows = 3 + 3 + 1,
    3 sheets, and the last sheet says so."""
    monkeypatch.setattr(tables, "EXCEL_ROWS", 4)
    frame = pd.DataFrame({"name": list("abcdefg")})
    notes, book = about_sheet(tables.to_xlsx_bytes(frame, "clients"))
    assert book.sheetnames == ["clients", "clients (2)", "clients (3)", tables.NOTES_SHEET]
    assert notes == [("Note",), ("The Excel file's 7 rows go on over 3 sheets, each with the "
                                 "header: a sheet holds 3 rows under its header.",)]
    assert tables.sheets_note(3) is None


def download_page(rows=None, long=False):
    """A page with one table's downloads (the table at hand, or built on the click)."""
    import pandas as pd
    from journey_ui import widgets

    table = pd.DataFrame({"Note": ["z" * (40_000 if long else 10)]})
    widgets.download_table(table if rows is None else (lambda: table), "t", "t", rows=rows)


def page_captions(**kwargs) -> list[str]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(download_page, kwargs=kwargs).run()
    assert not at.exception
    return [c.value for c in at.caption]


def test_the_page_says_what_the_excel_file_cuts_or_splits(monkeypatch):
    assert page_captions(long=True) == [
        "1 cell of text in 'Note' was longer than an Excel cell holds and was cut to its "
        "first 32,767 characters; the CSV download holds the whole text."]
    assert page_captions() == []
    # a table built on the click: its length is known, its text is not read before
    assert page_captions(rows=1_048_575) == []
    assert page_captions(rows=2_097_151) == [
        "The Excel file's 2,097,151 rows go on over 3 sheets, each with the header: a sheet "
        "holds 1,048,575 rows under its header."]


# --- a change rounded once, as the page rounds it ------------------------------------------

def test_a_change_is_held_as_the_page_writes_it():
    """change_text and change_number from one rounding: 62.5 -> +63% (Python's round: 62),
    -12.5 -> -13%, 0.31 -> +0.3% (never +0%), 0.15 (0.1499... in binary) -> +0.2%."""
    for value, text, number in [(62.5, "+63%", 63.0), (-12.5, "-13%", -13.0),
                                (0.31, "+0.3%", 0.3), (0.15, "+0.2%", 0.2),
                                (0.004, "+<0.01%", 0.004), (0.0, "0%", 0.0)]:
        assert (change_text(value), change_number(value)) == (text, number), value


def a_sign(change, trend=()):
    months = [f"2025-{m:02d}" for m in range(1, len(trend) + 1)]
    return SimpleNamespace(
        title="Leads who did not understand", status="amber", value=30.149, previous=18.55,
        change_pct=change, figure_unit="%", value_label="share of lost leads",
        thresholds={"amber": 20, "red": 35}, judged_on="level", rule="", stage_labels="",
        departments=[], evidence_count=3, assessment=None, next_step="",
        trend=pd.DataFrame({"month": months, "value": list(trend)}),
        sign=SimpleNamespace(trend_lines=lambda thresholds: {}))


def test_the_workbooks_change_is_the_pages():
    """A change of 62.5% on the period before: the page's card "+63%"; the Signs sheet's
    'Change %' holds 63 shown as "+63%" (it held 62.5 shown as "62.5%")."""
    from journey.export.formats import NUMBER_FORMATS
    from journey.export.sheets import signs_table

    report = SimpleNamespace(red_first=lambda: [a_sign(62.5), a_sign(-0.31), a_sign(None)])
    table = signs_table(report)
    assert table.frame["Change %"].tolist()[:2] == [63.0, -0.3]
    assert pd.isna(table.frame["Change %"].tolist()[2])
    assert NUMBER_FORMATS[table.kinds["Change %"]] == '+General"%";-General"%";0"%"'


def test_the_trend_hover_writes_each_month_as_the_card():
    """Months of 0.15%, 0.35% and 62.45% (binary 0.1499.., 0.3499.., 62.4500..): the chart's
    own .1f wrote 0.1 and 0.3; the hover now says 0.2%, 0.4%, 62.5% as percent_text does;
    a month with no figure '–'."""
    figure = trend_figure(a_sign(None, [0.15, 0.35, 62.45, None]))
    assert list(figure.data[0].customdata) == ["0.2%", "0.4%", "62.5%", "–"]
    assert figure.data[0].hovertemplate == "%{x}: %{customdata}<extra></extra>"


# --- every page at 1280 and 1440 px, in Chromium --------------------------------------------

# Each drawn grid (a grid is drawn when seen), static table and the Journey map's own grid
# (stages side by side: 80 px at 1280 normal before session 24): its sideways overflow, with
# the text before it (or its expander's title) to name it.
DRAWN_TABLES_JS = """() => [...document.querySelectorAll(
    '[data-testid="stDataFrame"], [data-testid="stTable"], .journey-map')]
  .filter(g => g.offsetParent).map(g => {
    const s = g.classList.contains('journey-map') ? g
      : g.dataset.testid === 'stTable'
      ? g.querySelector('[data-testid="stTableStyledTable"]')?.parentElement
      : g.querySelector('.dvn-scroller');
    if (!s) return null;
    let before = g.closest('[data-testid="stElementContainer"]'), text = '';
    for (let k = 0; k < 8 && before && !text.trim(); k++) {
      if (before.previousElementSibling) { before = before.previousElementSibling; }
      else { before = before.parentElement; continue; }
      text = before.innerText || '';
    }
    const box = g.closest('details');
    const title = box ? box.querySelector('summary').innerText + ': ' : '';
    return [(title + text).replace(/\\s+/g, ' ').slice(0, 60), s.scrollWidth - s.clientWidth];
  }).filter(Boolean)"""
PAGE_JS = """() => { const m = document.querySelector('[data-testid="stMain"]');
  return m.scrollWidth - m.clientWidth; }"""
OPEN_EXPANDERS = """() => document.querySelectorAll(
  '[data-testid="stMain"] details:not([open]) > summary').forEach(s => s.click())"""
PAGES = ["import", "clients", "personas", "funnel", "journey_map", "signs", "touchpoints"]
CLIENTS_LIST = "Showing 1–50 of 2,000 matching clients"


@pytest.fixture(scope="module")
def browser_url(tmp_path_factory, demo_file):
    from playwright.sync_api import sync_playwright

    from test_browser import CHROMIUM, _chromium_or_skip, serving

    _chromium_or_skip()
    home = tmp_path_factory.mktemp("walk-s23u") / "workspaces"
    home.mkdir()
    shutil.copy(demo_file, home / "demo.db")
    with serving(home) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield browser, url
        browser.close()


def overflows(page) -> tuple[int, dict[str, int]]:
    """The page's own sideways overflow, and each table's, the page scrolled a screen at a
    time with every expander open."""
    from test_walk_s22w import settled

    settled(page)
    page.evaluate(OPEN_EXPANDERS)
    page.wait_for_timeout(800)
    found, widest = {}, 0
    scroll = ("(y) => { const m = document.querySelector('[data-testid=\"stMain\"]'); "
              "m.scrollTop = y; return m.scrollHeight; }")
    y, height = 0, page.evaluate(scroll, 0)
    while y <= height:
        page.wait_for_timeout(500)
        for name, overflow in page.evaluate(DRAWN_TABLES_JS):
            found[name] = max(overflow, found.get(name, 0))
        widest = max(widest, page.evaluate(PAGE_JS))
        y += 600
        height = page.evaluate(scroll, y)
    return widest, found


@pytest.mark.parametrize("width", [1280, 1440])
@pytest.mark.parametrize("presenter", [False, True])
def test_no_table_scrolls_sideways_but_the_clients_list(browser_url, width, presenter):
    """Before, at 1280 px normal: Touchpoints editor 1,344 px, Clients persona list 137,
    Import history 155, Signs thresholds 381, journey map figures 469 (expanders open)."""
    browser, url = browser_url
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    wide = {}
    for name in PAGES:
        page.goto(f"{url}/{name}" + ("?present=1" if presenter else ""))
        widest, found = overflows(page)
        assert widest <= 1, (name, widest)
        wide.update({f"{name}: {table}": o for table, o in found.items() if o > 1})
        if name == "touchpoints" and presenter:         # the editors, live in the room
            page.get_by_text("Edit live").click()
            widest, found = overflows(page)
            wide.update({f"live {name}: {table}": o for table, o in found.items() if o > 1})
    page.context.close()
    # the Clients list scrolls inside itself, and says so above it
    assert all(key.startswith(f"clients: {CLIENTS_LIST}") for key in wide), wide
    if not presenter or width == 1280:
        assert wide, "the Clients list of 12 columns is wider than the page"
