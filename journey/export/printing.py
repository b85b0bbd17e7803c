"""How every sheet prints: its print area, one page wide (and as many tall as it needs),
the header row repeated on each page, landscape when the columns are wider than a portrait
page, margins, and a header and footer naming the workbook, the sheet and the page.

Decisions: the paper size is left to the printer (A4 or Letter, wherever the workbook is
printed); gridlines stay off on paper, as XlsxWriter leaves them; the header and footer
keep their size however small a wide sheet is scaled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Columns wider than this, in Excel's character widths, print landscape: a portrait A4 or
# Letter page holds about 95 characters of 11 pt Calibri between half-inch margins.
PORTRAIT_CHARACTERS = 95
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.75, "bottom": 0.75}     # inches
HEADER_MARGIN = 0.3                                                     # inches


@dataclass(frozen=True)
class PageHeading:
    """What the top and bottom of every printed page say: the workbook's title (the sheet's
    name and the page number are added) and when it was exported."""
    title: str
    exported: dt.datetime


@dataclass(frozen=True)
class PrintArea:
    """The cells a sheet prints (0-based, inclusive) and how wide its columns are, in
    Excel's character widths."""
    last_row: int
    last_col: int
    width: float


def header_text(text: str) -> str:
    """Text as a page header shows it: ``&`` doubled, since a single one starts a code."""
    return text.replace("&", "&&")


def set_up_printing(sheet, area: PrintArea, heading: PageHeading, *, header_row: bool = True,
                    one_page: bool = False) -> None:
    """Print ``area`` of ``sheet`` one page wide (and one page tall when ``one_page``),
    ``heading`` on every page; ``header_row`` repeats the first row on every page."""
    sheet.print_area(0, 0, area.last_row, area.last_col)
    sheet.fit_to_pages(1, 1 if one_page else 0)
    if area.width > PORTRAIT_CHARACTERS:
        sheet.set_landscape()
    if header_row:
        sheet.repeat_rows(0)
    sheet.set_margins(**MARGINS)
    fixed = {"scale_with_doc": False, "margin": HEADER_MARGIN}
    sheet.set_header(f"&L&B{header_text(heading.title[:100])}&B&R&A", fixed)
    sheet.set_footer(f"&LExported from Journey on {heading.exported:%Y-%m-%d}"
                     f"&RPage &P of &N", fixed)
