"""The workbook prints: print areas, one page wide, the header row on every page, landscape
when wide, the Overview and the Funnel (table and chart) on one page each, signs worst
first; and the demo workspace's workbook printed to PDF by LibreOffice in few pages."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections import Counter

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from journey import export
from journey.export.printing import PORTRAIT_CHARACTERS
from journey.signs import STATUSES, compute_signs, set_thresholds
from journey.workspace import open_workspace
from test_export import build_shop, by_header, widths

ONE_PAGE_SHEETS = ("Overview", "Funnel")
DATA_SHEETS = ("Clients", "Events")


@pytest.fixture(scope="module")
def demo_workbook(tmp_path_factory, demo_file) -> tuple[bytes, dict[str, int]]:
    """The demo workspace's workbook, and each table sheet's rows."""
    path = tmp_path_factory.mktemp("print-demo") / "demo.db"
    shutil.copy(demo_file, path)
    db = open_workspace(path, create=False)
    data = export.export_workbook(db, workspace="demo")
    rows = export.workbook_contents(db).set_index("Sheet")["Rows"].dropna().astype(int)
    db.close()
    return data, rows.to_dict()


@pytest.fixture(scope="module")
def book(demo_workbook) -> openpyxl.Workbook:
    """The demo workbook as openpyxl reads it (once: tests only look)."""
    return load(demo_workbook[0])


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def fit_to(sheet) -> tuple[int, int]:
    """Pages wide and tall the sheet is fitted to; an absent attribute means 1."""
    setup = sheet.page_setup
    assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
    return tuple(1 if n is None else int(n) for n in (setup.fitToWidth, setup.fitToHeight))


def test_every_sheet_prints_one_page_wide_with_its_header(book, demo_workbook):
    rows = demo_workbook[1]
    for sheet in book.worksheets:
        name = sheet.title
        last_col = get_column_letter(sheet.max_column)
        if name == "Funnel":                 # the table, then the chart below it
            chart = sheet._charts[0].anchor
            last_row = chart.to.row + 1
            assert chart._from.row > rows[name] + 1 and chart._from.col == 0
        elif name == "Overview":
            last_row = sheet.max_row
        else:
            last_row = rows[name] + 1
        assert sheet.print_area == f"'{name}'!$A$1:${last_col}${last_row}"
        assert fit_to(sheet) == ((1, 1) if name in ONE_PAGE_SHEETS else (1, 0)), name
        assert sheet.print_title_rows == (None if name == "Overview" else "$1:$1"), name
        wide = sum(widths(sheet).get(c, 8.43) for c in range(1, sheet.max_column + 1))
        assert sheet.page_setup.orientation == \
            ("landscape" if wide > PORTRAIT_CHARACTERS else "portrait"), name
        assert (sheet.oddHeader.right.text, sheet.oddFooter.right.text) == \
            ("&A", "Page &P of &N"), name
        assert "demo: customer journey" in sheet.oddHeader.left.text
        assert (sheet.page_margins.left, sheet.page_margins.top) == (0.5, 0.75), name
        assert not sheet.print_options.gridLines, name
    assert book["Overview"].sheet_view.showGridLines is False
    for name in ("Overview", "Funnel", "Signs", "Clients", "Events"):
        assert book[name].page_setup.orientation == "landscape", name


def test_no_chart_spacer_shows(book):
    funnel = book["Funnel"]
    assert not [d for d in funnel.column_dimensions.values() if d.hidden]
    # (the last column says why a stage is not measured: s17-R)
    assert [c.value for c in funnel[1]][-2:] == ["Lost since the first step", "Not measured"]
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and "spacer" in v.casefold() for v in row), \
                sheet.title


def test_the_funnel_chart_is_centred_on_the_first_step(book):
    """Each bar: the clients lost since the first step (no fill), then the clients reached
    twice, on an axis twice the first step long: every bar is centred."""
    chart = book["Funnel"]._charts[0]
    series = [(s.val.numRef.f, bool(s.spPr.noFill)) for s in chart.ser]
    assert series == [("Funnel!$F$2:$F$6", True), ("Funnel!$B$2:$B$6", False),
                      ("Funnel!$B$2:$B$6", False)]
    first = by_header(book["Funnel"])[0]["Clients reached"]
    values = chart.y_axis.scaling                      # openpyxl's name for the value axis
    assert (values.min, values.max) == (0, 2 * first)


def test_signs_are_listed_worst_first(db):
    """Red, amber, unknown (nothing to measure by: worth a look), then green, as the Signs
    page lists them; the workspace has every status, in no such order to start with."""
    build_shop(db)
    set_thresholds(db, {"high_complaints": {"amber": 5, "red": 60}})     # 50 per 100: amber
    report = compute_signs(db)
    measured = [s.status for s in report.signs]
    assert set(measured) == set(STATUSES) and measured != sorted(measured, key=STATUSES.index)
    signs = by_header(load(export.export_workbook(db))["Signs"])
    words = [s["RAG status"].casefold() for s in signs]
    assert words == sorted(measured, key=STATUSES.index)
    assert words[0] == "red" and words[-1] == "green"
    assert [s["Sign"] for s in signs] == [s.title for s in report.red_first()]


def test_a_workspace_name_prints_as_written(db):
    """An ``&`` in the name is doubled in the page header, or it would start a code."""
    sheet = load(export.export_workbook(db, workspace="Harbour & Pine"))["Funnel"]
    assert sheet.oddHeader.left.text == "&BHarbour && Pine: customer journey&B"


# --- printed by LibreOffice ------------------------------------------------------------------

def tool(name: str) -> str:
    """The program's path; skips without it, except in CI (which installs it)."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed (.ci/run installs libreoffice-calc and "
                        f"poppler-utils)")
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory, demo_workbook) -> tuple[int, list[str]]:
    """The demo workbook printed to PDF by LibreOffice (once): its page count, and the
    text of each page."""
    office = shutil.which("soffice") or tool("libreoffice")
    pdfinfo, pdftotext = tool("pdfinfo"), tool("pdftotext")
    folder = tmp_path_factory.mktemp("print-pdf")
    book = folder / "demo.xlsx"
    book.write_bytes(demo_workbook[0])
    done = subprocess.run(
        [office, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(book)],
        capture_output=True, text=True, timeout=600)
    pdf = folder / "demo.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return pages, text.split("\f")[:pages]


def sheet_of(page: str) -> str:
    """The sheet a printed page belongs to, from its page header (title, then sheet)."""
    header = next(line for line in page.splitlines() if line.strip())
    assert "demo: customer journey" in header, header
    return re.split(r"\s{2,}", header.strip())[-1]


# Budget. Before this layout the demo printed on 4,185 pages: Overview 2, Funnel 2, Signs 8,
# Personas 11, Touchpoints 8, Function map 2, Clients 795, Events 3,354, Imports 3 (each
# table several pages wide, with no header row after the first). Now every sheet is one page
# wide: the summary and workshop sheets take a page or two each (one, now), and the data
# sheets grow with their rows only. Scaled to their width, Clients (51 columns) holds some
# 700 rows a page and Events (15) some 130. At no fewer than 100 rows a page the budget is
# 7 x 2 + 20 + 240 = 274 pages for the demo's 2,000 clients and 23,921 events; it prints
# on 196 (186 of them events).
SUMMARY_PAGES = 2                  # at most, for each sheet but Clients and Events
ROWS_PER_PAGE = 100                # at least, on Clients and Events


def test_the_demo_prints_in_few_pages(printed, demo_workbook):
    pages, texts = printed
    rows = demo_workbook[1]
    per_sheet = Counter(sheet_of(page) for page in texts)
    assert list(per_sheet) == list(export.SHEETS)
    budget = {name: -(-rows[name] // ROWS_PER_PAGE) if name in DATA_SHEETS else SUMMARY_PAGES
              for name in export.SHEETS}
    assert {n: c for n, c in per_sheet.items() if c > budget[n]} == {}, per_sheet
    assert pages == sum(per_sheet.values()) <= sum(budget.values())
    for name in ONE_PAGE_SHEETS:
        assert per_sheet[name] == 1, name


def test_each_printed_page_is_whole(printed, book):
    """The Funnel's chart prints on its table's page; every page of a table starts with its
    header row, first column to last (one page wide); no spacer shows."""
    texts = printed[1]
    funnel = [page for page in texts if sheet_of(page) == "Funnel"]
    assert "Funnel step" in funnel[0] and "Clients reaching each stage" in funnel[0]
    headers = {sheet.title: [c.value for c in sheet[1]] for sheet in book.worksheets}
    for page in texts:
        name = sheet_of(page)
        if name != "Overview":
            first, last = headers[name][0], headers[name][-1]
            first_line = [line for line in page.splitlines() if line.strip()][1].strip()
            assert first_line.startswith(first) and first_line.endswith(last), (name, first_line)
        assert "spacer" not in page.casefold()
    assert "Page 1 of" in texts[0]
