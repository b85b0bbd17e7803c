"""Session 22, W: the Workshop page's tables at 1280 and 1440 px, and the downloads written
a column at a time.

Checked here:
- Workshop page, demo workspace, 1280 and 1440 px, normal and presenter mode, in Chromium:
  no table scrolls sideways. Before, at 1280 px normal, "Since last time" scrolled 81 px,
  "Conversion into each stage" 23 px and the KPIs 60 px (grids of one-line cells); they are
  now static tables whose text wraps, the stage conversion in a wider first column.
- The workbook writer (journey.tables.to_xlsx_bytes, no longer a call per cell): a table of
  text, numbers, True/False, dates and empty cells reads back the same, cell by cell and
  type by type; text that looks like a formula (or like XlsxWriter's rich-text markup, or
  holds control characters) stays that text; the header is bold and frozen, with a filter.
- A table longer than a sheet holds goes on over more sheets, each with the header, no row
  left out (the sheet's 1,048,576 rows made 4 here: 7 rows = 3 + 3 + 1, written 2 rows
  at a time).
- A sign's evidence download builds only the table clicked: its events alone are the
  events of both tables, row for row; every sign's tables on the demo read back from the
  workbook exactly (8,346 rows).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from test_browser import CHROMIUM, _chromium_or_skip, serving
from journey import signs, tables
from journey.workspace import open_workspace

OVERFLOW_JS = """() => [...document.querySelectorAll(
    '[data-testid="stDataFrame"], [data-testid="stTable"]')].map(g => {
  const s = g.querySelector('.dvn-scroller')
    || g.querySelector('[data-testid="stTableStyledTable"]')?.parentElement || g;
  return [g.dataset.testid, s.scrollWidth - s.clientWidth, g.innerText.replace(/\\s+/g, ' ').slice(0, 40)];})"""


# --- the Workshop page in a browser ------------------------------------------------------

@pytest.fixture(scope="module")
def browser_url(tmp_path_factory, demo_file):
    from playwright.sync_api import sync_playwright

    _chromium_or_skip()
    home = tmp_path_factory.mktemp("walk-s22w") / "workspaces"
    home.mkdir()
    shutil.copy(demo_file, home / "demo.db")
    with serving(home) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield browser, url
        browser.close()


def settled(page) -> None:
    page.wait_for_selector('[data-testid="stSidebarNav"] a, [data-testid="stTopNav"] a',
                           timeout=90_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText"
        ".includes('Running')", timeout=90_000)
    page.wait_for_timeout(800)


def overflow_down_the_page(page) -> dict[str, tuple[str, int]]:
    """Each table's sideways overflow in pixels, the page scrolled a screen at a time (a
    grid is drawn when seen); keyed by the table's first text."""
    found = {}
    scroll = ("(y) => { const m = document.querySelector('[data-testid=\"stMain\"]'); "
              "m.scrollTop = y; return m.scrollHeight; }")
    y, height = 0, page.evaluate(scroll, 0)
    while y <= height:
        page.wait_for_timeout(400)
        for kind, overflow, text in page.evaluate(OVERFLOW_JS):
            key = f"{kind} {text}"
            found[key] = (kind, max(overflow, found.get(key, (kind, 0))[1]))
        y += 600
        height = page.evaluate(scroll, y)
    return found


@pytest.mark.parametrize("width", [1280, 1440])
@pytest.mark.parametrize("presenter", [False, True])
def test_no_table_on_the_workshop_page_scrolls_sideways(browser_url, width, presenter):
    browser, url = browser_url
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{url}/workshop" + ("?present=1" if presenter else ""))
    settled(page)
    page.get_by_text("Since last time: Follow-up").wait_for(timeout=90_000)
    # (on a loaded machine the first visit drew the text before its tables: none was found)
    page.wait_for_selector('[data-testid="stTable"]', timeout=90_000)
    settled(page)
    found = overflow_down_the_page(page)
    statics = [key for key, (kind, _) in found.items() if kind == "stTable"]
    # the KPIs then and now, the stage conversion, the KPIs, the action list
    assert any(key.startswith("stTable KPI Target Then") for key in statics), found
    assert any(key.startswith("stTable Into") for key in statics), found
    assert any(key.startswith("stTable KPI Stage") for key in statics), found
    assert {key: o for key, (_, o) in found.items() if o > 1} == {}
    page.context.close()


# --- the workbook writer -----------------------------------------------------------------

HOSTILE = ["=SUM(A1)", "+44 20", "-x", "@me", "<r>rich</r>", "tab\there", "bell\x07",
           "_x000D_ as typed", "a & b < c > d", " edges "]


def test_a_table_reads_back_cell_by_cell_and_type_by_type():
    frame = pd.DataFrame({
        "text": HOSTILE,
        "count": list(range(10)),
        "amount": [1.5, None, 0.1, 1e20, -3.25, 2 / 3, 0.0, 7.0, 12.5, 1e-7],
        "yes": [True, False] * 5,
        "when": pd.to_datetime(["2024-01-02", None] + ["2024-02-29"] * 8),
        "mixed": [1, "two", 3.5, None, True, "=bad", None, 10, -2, "@x"],
        "maybe": pd.array([1, None, 3, 4, 5, 6, 7, 8, 9, 10], dtype="Int64"),
    })
    book = openpyxl.load_workbook(io.BytesIO(tables.to_xlsx_bytes(frame, "ev")))
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(frame.columns)
    assert [r[1] for r in rows[1:]] == list(range(10))
    assert [r[2] for r in rows[1:]] == [1.5, None, 0.1, 1e20, -3.25, 2 / 3, 0, 7, 12.5, 1e-7]
    assert [r[3] for r in rows[1:]] == [True, False] * 5
    assert rows[1][4] == dt.datetime(2024, 1, 2) and rows[2][4] is None
    assert sheet["E2"].number_format == "yyyy-mm-dd"
    assert [r[5] for r in rows[1:]] == [1, "two", 3.5, None, True, "=bad", None, 10, -2, "@x"]
    assert [r[6] for r in rows[1:]] == [1, None, 3, 4, 5, 6, 7, 8, 9, 10]
    assert {sheet.cell(row, 1).data_type for row in range(1, 12)} == {"s"}   # never a formula
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:G11"
    assert sheet["A1"].font.b and not sheet["A2"].font.b
    # Excel's own reading of escapes (calamine reads them as Excel does; openpyxl leaves
    # an inline string's _x005F_ as it is)
    read = CalamineWorkbook.from_filelike(io.BytesIO(tables.to_xlsx_bytes(frame)))
    assert [r[0] for r in read.get_sheet_by_index(0).to_python()[1:]] == HOSTILE


def test_a_table_longer_than_a_sheet_goes_on_over_more_sheets(monkeypatch):
    assert tables.xlsx_sheets(0) == tables.xlsx_sheets(1_048_575) == 1
    assert tables.xlsx_sheets(1_048_576) == 2
    monkeypatch.setattr(tables, "EXCEL_ROWS", 4)          # a header and 3 rows a sheet
    monkeypatch.setattr(tables, "SHEET_CHUNK", 2)         # written 2 rows at a time
    frame = pd.DataFrame({"name": list("abcdefg"), "n": range(7)})
    book = openpyxl.load_workbook(io.BytesIO(tables.to_xlsx_bytes(frame, "low_retention")))
    # (s23: a last sheet says so, tests/test_walk_s23u.py)
    assert book.sheetnames == ["low_retention", "low_retention (2)", "low_retention (3)",
                               tables.NOTES_SHEET]
    read = [list(s.iter_rows(values_only=True)) for s in book.worksheets[:-1]]
    assert [len(rows) for rows in read] == [4, 4, 2]
    assert all(rows[0] == ("name", "n") for rows in read)
    assert [row for rows in read for row in rows[1:]] == list(zip("abcdefg", range(7)))


def test_an_empty_table_is_its_header():
    book = openpyxl.load_workbook(io.BytesIO(tables.to_xlsx_bytes(
        pd.DataFrame(columns=["date", "name"]))))
    assert list(book.active.iter_rows(values_only=True)) == [("date", "name")]


# --- a sign's evidence download ----------------------------------------------------------

def test_each_signs_download_is_its_table_read_back_exactly(demo_file):
    db = open_workspace(str(demo_file))
    rows = 0
    for key in signs.SIGN_KEYS:
        whole = signs.sign_evidence(db, key)
        events = signs.sign_evidence(db, key, tables=("events",))
        assert list(events) == ["events"]
        pd.testing.assert_frame_equal(events["events"], whole["events"])
        for name, frame in whole.items():
            read = pd.read_excel(io.BytesIO(tables.to_xlsx_bytes(frame, key)), dtype=object,
                                 engine="calamine")
            assert read.shape == frame.shape, (key, name)
            expected = frame.astype(object).where(frame.notna() & (frame != ""), None)
            expected = expected.values.tolist()           # empty text: an empty cell
            got = read.astype(object).where(read.notna(), None).values.tolist()
            assert got == expected, (key, name)
            rows += len(frame)
    db.close()
    assert rows > 8_000          # 8,346 on the demo of session 22
