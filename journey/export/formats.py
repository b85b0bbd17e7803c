"""Cell formats and writing cells: column kinds and their Excel number formats, the
workbook's styles, and a column's values turned into typed cells (numbers, real Excel dates
from 1900-03-01 to 9999-12-31, and text). Text from people is always written as a string
cell, never as a formula: a name starting with ``=``, ``+``, ``-`` or ``@`` stays text.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import xlsxwriter

from .. import charts
from ..tables import EXCEL_TEXT

# Column kinds -> Excel number formats (None: General). A sign's figure is held exact and
# shown as the Signs page writes it (``signs.base.figure_number``): one decimal, none from
# 1,000, so "54.3" where a second rounding through 2 places would read "54.35".
# A change on the period before is held as the page writes it (``text.change_number``:
# 63 for 62.5, 0.3 for 0.31) and shown signed, as "+63%".
TEXT, NUMBER, INTEGER, MONEY, PERCENT, DECIMAL, FIGURE, CHANGE, DATE = (
    "text", "number", "integer", "money", "percent", "decimal", "figure", "change", "date")
NUMBER_FORMATS = {NUMBER: None, INTEGER: "#,##0", MONEY: "#,##0.00", PERCENT: '0.0"%"',
                  DECIMAL: "#,##0.0#", FIGURE: "[>=1000]#,##0;#,##0.0",
                  CHANGE: '+General"%";-General"%";0"%"', DATE: "yyyy-mm-dd"}
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

# A sign's status as written in a cell, and that word's (fill, font) colours, in the
# order red, amber, green, unknown.
STATUS_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "unknown": "Unknown"}
STATUS_FILLS = {STATUS_WORDS[status]: colours for status, colours in charts.STATUS_FILLS.items()}
BRAND = charts.BRAND

MIN_WIDTH, MAX_WIDTH = 8, 60
LINE_POINTS, MAX_ROW_POINTS = 15, 409      # a line of 11 pt text; Excel's tallest row
WRAPPED_WIDTH = 40         # wrapped text (the workshop sheets) reads like a card, and prints larger
EXCEL_EPOCH = np.datetime64("1899-12-30T00:00:00", "s")
FIRST_SERIAL = 61           # 1900-03-01: Excel cannot show earlier dates correctly


def money_format(currency: str) -> str:
    """Excel's number format for money shown with the workspace's currency: '"£"#,##0.00'."""
    return '"' + currency.replace('"', '""') + '"' + NUMBER_FORMATS[MONEY]


class Styles:
    """The workbook's formats, made once; money is shown with ``currency``."""

    def __init__(self, book: xlsxwriter.Workbook, currency: str = "$"):
        add = book.add_format
        formats = {**NUMBER_FORMATS, MONEY: money_format(currency)}
        self.header = add({"bold": True, "font_color": "#FFFFFF", "bg_color": BRAND,
                           "valign": "vcenter", "border": 1, "border_color": "#FFFFFF"})
        self.title = add({"bold": True, "font_size": 18, "font_color": BRAND})
        self.subtitle = add({"italic": True, "font_color": "#5F6B73"})
        self.heading = add({"bold": True, "font_size": 13, "font_color": BRAND,
                            "bottom": 2, "bottom_color": BRAND})
        self.tile_label = add({"bold": True, "font_color": "#FFFFFF", "bg_color": BRAND,
                               "align": "center"})
        self.tile_value = add({"bold": True, "font_size": 22, "align": "center",
                               "num_format": "#,##0", "bg_color": "#EAF1F3"})
        self.tile_note = add({"align": "center", "font_color": "#5F6B73",
                              "bg_color": "#EAF1F3", "text_wrap": True, "valign": "top"})
        self.sentence = add({"bold": True, "font_size": 12, "text_wrap": True, "valign": "top"})
        self.text = add({"text_wrap": True, "valign": "top"})
        self.muted = add({"font_color": "#5F6B73", "text_wrap": True, "valign": "top"})
        self.score = add({"bold": True, "font_size": 22, "font_color": BRAND,
                          "num_format": '0" / 100"', "align": "left"})
        self.link = add({"font_color": "#1565C0", "underline": 1})
        self.count = add({"num_format": "#,##0", "align": "left"})
        self.wrap = add({"text_wrap": True, "valign": "top"})
        self.number = {kind: add({"num_format": fmt}) if fmt else None
                       for kind, fmt in formats.items()}
        self.wrapped_number = {kind: add({"num_format": fmt, "valign": "top"}) if fmt
                               else add({"valign": "top"})
                               for kind, fmt in formats.items()}
        self.datetime = add({"num_format": DATETIME_FORMAT})
        self.status = {word: add({"bg_color": fill, "font_color": font, "bold": True})
                       for word, (fill, font) in STATUS_FILLS.items()}



@dataclass
class Cells:
    """One column's cells: numbers (null where the cell is not a number) and text (null
    where it is not text), as Arrow arrays; ``timed`` marks dates with a time of day."""
    kind: str
    numbers: pa.Array | None
    texts: pa.Array | None
    timed: pa.Array | None
    width: float


def column_cells(values: pd.Series, kind: str) -> Cells:
    values = values.reset_index(drop=True)
    if kind == TEXT:
        texts = text_array(values)
        return Cells(kind, None, texts, None, _text_width(texts))
    missing = values.isna().to_numpy()
    timed = None
    if kind == DATE:
        # Each distinct date is parsed once (a column of 100,000 events holds a few
        # hundred days); code -1 (no value) takes the NaN appended.
        codes, uniques = pd.factorize(values)
        serial = np.append(_excel_serials(np.asarray(uniques, dtype=object)), np.nan)[codes]
        numbers = serial
        has_time = np.nan_to_num(serial) % 1 != 0
        timed = pa.array(has_time) if has_time.any() else None
        width = 17 if timed is not None else 11
    else:
        numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan,
                                                                  copy=True)
        numbers[~np.isfinite(numbers)] = np.nan
        finite = numbers[~np.isnan(numbers)]
        biggest = float(np.abs(finite).max()) if len(finite) else 0.0
        width = len(f"{biggest:,.2f}") + 2 if kind in (MONEY, DECIMAL, FIGURE, PERCENT,
                                                         CHANGE) else \
            min(len(repr(biggest)) + 2, 14)
    leftover = ~missing & np.isnan(numbers)
    texts = None
    if leftover.any():       # values that are not numbers or dates stay, as text
        texts = text_array(values.astype(object).where(leftover, None))
        width = max(width, _text_width(texts))
    return Cells(kind, pa.array(numbers, from_pandas=True), texts, timed, width)


def _excel_serials(values: np.ndarray) -> np.ndarray:
    """Excel serial numbers of ISO dates as SQLite holds them; NaN for anything else and for
    days Excel cannot show (before 1900-03-01), which stay as text. Arrow reads the whole
    calendar, 0001 to 9999, where pandas' timestamps stop at 1677 and 2262."""
    try:
        stamps = _moments(pa.array(values, type=pa.string(), from_pandas=True))
    except (pa.ArrowInvalid, pa.ArrowTypeError):          # some value is no ISO date
        stamps = np.array([_stamp(v) for v in values], dtype="datetime64[s]")
    dated = ~np.isnat(stamps)
    serial = np.full(len(stamps), np.nan)
    serial[dated] = (stamps[dated] - EXCEL_EPOCH).astype(np.int64) / 86400
    serial[serial < FIRST_SERIAL] = np.nan
    return serial


def _moments(texts: pa.Array) -> np.ndarray:
    return pc.cast(texts, pa.timestamp("s")).to_numpy(zero_copy_only=False)


def _stamp(value: object) -> np.datetime64:
    try:
        return _moments(pa.array([value], type=pa.string()))[0]
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return np.datetime64("NaT", "s")


def text_array(values: pd.Series) -> pa.Array:
    """The values as text, each cut to what a cell holds (EXCEL_TEXT characters: the
    workbook says so in its notes sheet, ``workbook.cut_notes``)."""
    try:
        texts = pa.array(values, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        texts = pa.array(values.astype(object).map(
            lambda v: None if v is None or (isinstance(v, float) and v != v) else str(v)),
            type=pa.string())
    if len(texts) and (pc.max(pc.utf8_length(texts)).as_py() or 0) > EXCEL_TEXT:
        texts = pc.utf8_slice_codeunits(texts, 0, EXCEL_TEXT)
    return texts


def _text_width(texts: pa.Array) -> float:
    if texts.null_count == len(texts):
        return 0
    return float(pc.max(pc.utf8_length(texts)).as_py() or 0) + 2


def wrapped_lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes wrapped in a column ``width`` characters wide. A
    width counts digits: a line holds about 1.15 times as many letters of ordinary text,
    and this counts 1.1 so as to err towards a line too many."""
    per_line = max(int(width * 1.1), 1)
    return max(sum(len(textwrap.wrap(line, per_line)) or 1 for line in text.splitlines()), 1)


def wrapped_heights(cells: list[Cells], widths: list[float]) -> list[float]:
    """Each row's height in points, tall enough for its wrapped text: LibreOffice keeps
    the height a row is given (Excel fits rows itself when it opens the workbook)."""
    rows = max((len(c.numbers if c.texts is None else c.texts) for c in cells), default=0)
    lines = np.ones(rows, dtype=int)
    for column, width in zip(cells, widths):
        if column.kind == TEXT:
            lines = np.maximum(lines, [1 if text is None else wrapped_lines(text, width)
                                       for text in column.texts.to_pylist()])
    return [float(h) for h in np.minimum(lines * LINE_POINTS, MAX_ROW_POINTS)]


def write_cells(sheet, cells: list[Cells], styles: Styles, widths: list[float],
                wrap: bool) -> None:
    """A small table, cell by cell through XlsxWriter (text always as string cells; rows
    of wrapped text as tall as their text)."""
    if wrap:
        for row, height in enumerate(wrapped_heights(cells, widths), start=1):
            if height > LINE_POINTS:
                sheet.set_row(row, height)
    for col, column in enumerate(cells):
        formats = styles.wrapped_number if wrap else styles.number
        style = formats.get(column.kind)
        texts = column.texts.to_pylist() if column.texts is not None else None
        numbers = column.numbers.to_pylist() if column.numbers is not None else None
        timed = column.timed.to_pylist() if column.timed is not None else None
        for row in range(len(texts if texts is not None else numbers)):
            if texts is not None and texts[row] is not None:
                sheet.write_string(row + 1, col, texts[row], styles.wrap if wrap else None)
            elif numbers is not None and numbers[row] is not None:
                sheet.write_number(row + 1, col, numbers[row],
                                   styles.datetime if timed and timed[row] else style)

