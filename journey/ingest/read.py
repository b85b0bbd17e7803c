"""Turn an uploaded file's bytes into raw sheets.

``read_tables`` is the only entry point. It decides the format from the content (with the
extension as a hint), reads every sheet of a workbook or the one table of a CSV/TSV file,
and returns :class:`RawSheet` objects: unique headers, a DataFrame of plain Python values,
and the original row numbers and column letters for messages. Anything that cannot be read
raises :class:`~journey.errors.UnreadableFile` with one sentence; no library exception
escapes for bad input.

Decisions (where the design is silent):

- The header row is the first non-blank row, unless the rows above the table are a title
  (see ``_title_rows``): accounting reports put the company, the report's name and its
  dates above the header, one cell each, and trackers a "Client tracker 2025". Leading
  rows of at most two cells, each under half as wide as the row below them, are left out
  (with a note naming them) when that row looks like a header: at least three labels
  (text with a letter, no "@"), mostly distinct, two thirds of its cells or more, and
  either nothing below it (a header without data) or, of the 20 rows below, a quarter or
  more over half as wide and a labelled column holding data (a number, a date, an e-mail
  address, digits). Otherwise the first row stays the header: a one-column sheet, a sheet
  whose first row is the header, a table without a sign of data below its header, a
  report of lines of text. A wider row of distinct labels right above the header, each over
  a labelled cell of it, names groups of its columns and is left out the same way (see
  ``_names_groups``). Below a blank row, a row of labels over a column whose cells change in
  kind there (e-mail addresses above, words below) heads a second table: it and the rows
  below it are left out, with a note (``_second_table``). ``row_numbers`` and
  ``header_row`` keep the sheet's numbering.
  A large .xlsx sheet with a title is read cell by cell (fastexcel would name its columns
  after the title) and, read in parts, cut by its table's width. Blank rows anywhere are
  skipped and counted in a note. For CSV a "row" is a record, as a spreadsheet program
  would number it (a quoted cell with line breaks stays one row).
- Cells merged over several rows (a client's name over its contacts' rows) are read as
  the merged value in each of those rows, in the range's first column, with a note: calamine
  gives it to the first cell only. Ranges come from the XML in the pass that inflates it
  (xlsx ``<mergeCell>``, ODS ``number-rows-spanned``; .xls/.xlsb from calamine in the child
  process); only ranges starting below the header count, a range across columns alone (a
  header over two columns) changes nothing, blank rows stay blank, a cell with a value of
  its own keeps it, and nothing is filled outside the grid. A sheet with more than
  ``MAX_MERGES`` ranges is read as it is, with a note; a sheet read in parts is not filled.
- Tables stacked under one header (a Monday.com board: each group's name, the header again,
  the group's items) are read as one: rows repeating the header cell for cell are left out
  (with a note), and a row of one cell right above a repeat (or above the header, among
  the title rows) names the group the rows below it belong to, given to them in a new last
  column 'Stage' (a board's groups are usually its stages), or 'Group' when the header has
  a Stage column already.
- Duplicate headers are compared case-insensitively (``Name`` and ``name`` collide in
  SQLite), the later ones get `` (2)``, `` (3)``.
- A text file named ``.xlsx``/``.xls``/``.ods`` is read as CSV, with a note; an HTML or
  XML file (a common "Excel export" of web apps) is refused.
- A CSV with a quote that opens a cell and is never closed is refused, naming the row
  where the quote opens; guessing where the cell should have ended would corrupt rows.
- Reading every sheet of a workbook, sheets that are empty, have a header but no rows,
  are wider than ``MAX_COLUMNS`` or are not worksheets (charts) are skipped with a note;
  the file is refused only when no sheet is usable. A sheet asked for by name is refused
  instead of skipped.
- ``sheet`` is ignored for CSV/TSV files: they have one table only.
- A zip workbook is checked before parsing: the declared uncompressed sizes must add up to
  at most ``MAX_UNCOMPRESSED_BYTES``, and every member is then inflated once (counting the
  real bytes and checking CRCs), so a zip that lies about its sizes is caught too.
- calamine can take the whole process down on hostile or damaged files (python-calamine
  0.9.1 / calamine 0.37): it allocates every sheet as a dense rectangle, so one cell in
  XFD1048576 of a 5 KB xlsx asks for 500 GB and aborts; it follows OLE2 sector chains
  without loop checks (a damaged .xls allocates until it aborts); and its ODS reader loops
  forever when a table is never closed. So, before calamine runs: sheet extents in xlsx/ODS
  XML are measured and sheets spanning more than ``MAX_CELLS`` cells are refused (in xlsx,
  from the cells' references where every cell starts with one in double quotes, found
  with RE2 in the pass that inflates the sheet anyway; else cell by cell from where
  calamine places a cell without a reference, after the one before it in its row); the
  OLE2 FAT, directory and stream chains of an .xls are checked; and the ODS content.xml
  must be well-formed XML. Legacy .xls, whose BIFF reader trusts sizes in the file, is read
  in a child process with a memory cap. Rust panics are caught and reported as damage.
- An xlsx formula saved without its result (by a program that writes workbooks without
  calculating them) is read as an empty cell, as calamine gives it, and the note names
  its column and how many (``_UnsavedFormulas``, found in the pass that inflates the sheet).
- An .xlsx/.xlsm worksheet of ``journey.ingest.xlsx_columns.MIN_ROWS`` rows or more is read a
  column at a time through fastexcel where that module is sure to give the same cells;
  otherwise cell by cell as above.
- CSV is parsed with pyarrow (fast, multi-threaded); files it rejects (ragged rows) are
  parsed again with Python's ``csv`` module, which keeps extra cells and pads short rows.
  A one-column file whose cells contain commas is not split (a delimiter must appear in
  most of the first records to count). pyarrow is given a copy of the text in memory it
  owns, never a Python object (see ``_arrow_owned_bytes``: the process could abort at exit).
- The work (and memory) of an import grows with its cells, not its bytes: 10 MB of
  one-letter rows are 5,000,000 rows. A sheet with more data rows than ``max_rows`` (the
  workspace setting max_import_rows) is refused with one sentence naming the setting. So is
  a sheet with more cells (data rows x columns) than ``max_cells`` (max_import_cells, the
  cells read at once), unless it is an .xlsx worksheet that can be cut between rows: that
  one is read in parts of at most ``PART_CELLS`` cells (``journey.ingest.xlsx_parts``;
  ``RawSheet.more``), which the import prepares and saves one after the other. Sizes are
  known before any cell becomes a Python object: for CSV on pyarrow's columns (blank rows do
  not count) or while the csv module reads; for a workbook from the sheet's extent (from
  the header row down). A workbook with a sheet refused is refused whole: skipping it would
  leave out the rows the user came for.
- Stray NUL bytes in a text file are removed with a note naming their lines; binary data
  is told from text by its other control bytes.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import html
import io
import itertools
import pickle
import re
import struct
import subprocess
import sys
import xml.parsers.expat
import zipfile
from dataclasses import dataclass, field
from pathlib import PureWindowsPath
from typing import Callable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import UnreadableFile
from ..fields import (DATE, NAMES_NO_CLIENT, PERIODS_ALSO_NAMES, STARTED_HEADER, WHOSE_FIELDS,
                      field_type, match_header, names_a_birth_date, normalise_header,
                      period_of)
from ..text import counted, rows_text, was
from ..values import (date_range_starts, is_day_dash_month, month_year_start, parse_dates,
                      per_distinct, with_year, year_named)
from .xlsx_columns import (_RARE_TYPES, FastSheets, RowSpan, SheetEntry, Span, _column_index,
                           open_member, re2_search, shared_strings_look_dated, workbook_sheets)
from .xlsx_parts import (_LAST_CELL, _SHEET_DATA, PART_SHEET, _header_row, column_repeats,
                         header_width, sheet_parts)

DEFAULT_MAX_BYTES = 100 * 1024 * 1024  # the upload size limit (a workspace setting elsewhere)
DEFAULT_MAX_ROWS = 1_000_000  # data rows per sheet (the workspace setting max_import_rows)
DEFAULT_MAX_CELLS = 3_000_000  # data rows x columns per sheet (max_import_cells)
MAX_UNCOMPRESSED_BYTES = 1536 * 1024 * 1024  # zip bomb guard for xlsx/xlsm/ods (inflated as a stream)
MAX_COLUMNS = 1000  # wider sheets are refused with a sentence
MAX_CELLS = 10_000_000  # a workbook sheet spanning more cells (rows x columns) is refused
WHOLE_ROWS = 400_000  # data rows of a sheet read whole: a longer one is read in parts (or refused)

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DELIMITERS = (",", ";", "\t", "|")
SINGLE_COLUMN = "\x1f"  # the "delimiter" of a one-column file: the ASCII unit separator
SNIFF_CHARS = 64 * 1024
SNIFF_RECORDS = 50
CSV_CHUNK = 50_000  # records the csv module reads between two checks of the limits
WORKBOOK_EXTENSIONS = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
ODS_MIMETYPES = {
    b"application/vnd.oasis.opendocument.spreadsheet",
    b"application/vnd.oasis.opendocument.spreadsheet-template",
}
# Other formats people upload by mistake, recognised by their first bytes.
KNOWN_BINARIES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
_TEXT_BYTES = bytes([9, 10, 13] + list(range(32, 127)) + list(range(128, 256)))


@dataclass
class RawSheet:
    """One table read from a file, before header mapping and value coercion.

    Cells are str (stripped, never empty), int, float, bool, date/datetime or None.
    """

    name: str
    headers: list[str]
    frame: pd.DataFrame
    row_numbers: list[int]
    column_letters: list[str]
    notes: list[str] = field(default_factory=list)
    blank_rows: int = 0                  # blank rows skipped (told in ``notes``)
    # A sheet too large to hold at once is read in parts: ``frame`` is its first part,
    # ``more()`` reads the others (each a RawSheet with the same headers, read anew at
    # every call) and ``sheet_rows`` is the rows below the header, blank ones included.
    more: Callable[[], Iterator[RawSheet]] | None = field(default=None, repr=False)
    sheet_rows: int | None = None
    # ... and whether two filled cells of a column, anywhere in the sheet, hold the same
    # text (stripped, case ignored): the first part alone may not show it.
    # (a sheet read in parts) a column's cells that repeat one above, and its filled cells
    repeats: Callable[[str], tuple[int, int]] | None = field(default=None, repr=False)
    header_row: int | None = None        # the header's row, as the sheet numbers it
    # header -> which rows had its value from a cell merged over them (not their own)
    merged_rows: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    # columns whose days give no year and nothing names one (said in ``notes``): not dates
    yearless: frozenset[str] = frozenset()
    # columns the table's totals row adds up (a figure or a formula under them)
    totalled: frozenset[str] = frozenset()

    @property
    def rows(self) -> int:
        """The data rows of the whole sheet (of every part of a sheet read in parts)."""
        return len(self.frame) if self.sheet_rows is None else self.sheet_rows


class _EmptySheet(Exception):
    """Internal: a sheet without a single non-blank row."""


class _HeaderOnly(Exception):
    """Internal: a sheet with a header row and nothing below it."""


class _TooWide(Exception):
    """Internal: a workbook sheet wider than MAX_COLUMNS (skippable when reading all)."""

    def __init__(self, width: int):
        super().__init__(width)
        self.width = width


@dataclass(frozen=True)
class _Limits:
    """The most data rows, and cells (data rows x columns), one sheet may have.

    The work (and memory) of an import grows with the cells, not the file size: 10 MB of
    one-letter rows are 5,000,000 rows. Each reader checks its sheet as soon as it knows
    the size, before any cell becomes a Python object.
    """

    rows: int = DEFAULT_MAX_ROWS
    cells: int = DEFAULT_MAX_CELLS

    def exceeded(self, rows: int, columns: int) -> bool:
        """True for a sheet of ``rows`` data rows by ``columns`` columns over the limits
        of a sheet read whole."""
        return rows > min(self.rows, WHOLE_ROWS) or rows * columns > self.cells

    def check(self, where: str, rows: int, columns: int) -> None:
        """Refuse a sheet over the limits (``where``: 'big.csv' or "big.xlsx, sheet 'A',")."""
        if rows > self.rows:
            raise UnreadableFile(
                f"{where} has {_count(rows, 'row')}; this workspace imports at most "
                f"{_count(self.rows, 'row')} per sheet (the setting max_import_rows; "
                f"python -m journey settings changes it).")
        if rows > WHOLE_ROWS:
            raise UnreadableFile(
                f"{where} has {_count(rows, 'row')}; a sheet like this one is read whole, at "
                f"most {_count(WHOLE_ROWS, 'row')} (a sheet of an .xlsx workbook, or a CSV whose "
                "rows all have the same number of cells, is read in parts and may be longer); "
                "save it in one of those forms and upload it again.")
        if rows * columns > self.cells:
            raise UnreadableFile(
                f"{where} has {_count(rows, 'row')} by {_count(columns, 'column')} "
                f"({_count(rows * columns, 'cell')}); this workspace imports at most "
                f"{_count(self.cells, 'cell')} per sheet (the setting max_import_cells; "
                f"python -m journey settings changes it).")


@dataclass
class _Grid:
    """Cleaned cells of one sheet, column by column, with their original positions."""

    columns: list[np.ndarray]  # object arrays: str/int/float/bool/date/datetime or None
    row_numbers: np.ndarray  # 1-based row number of each grid row
    first_column: int = 0  # 0-based sheet column of columns[0]
    merged: _Merged | None = None  # the sheet's merged ranges (a workbook's)
    unsaved: _UnsavedFormulas | None = None  # its formulas saved without a result


# --------------------------------------------------------------------------- entry point


def read_tables(
    filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS, max_cells: int = DEFAULT_MAX_CELLS, sheet: str | None = None
) -> list[RawSheet]:
    """Read every sheet of a CSV/TSV/XLSX/XLSM/XLS/ODS file. Raises UnreadableFile.

    A file over ``max_bytes``, or with a sheet of more than ``max_rows`` data rows or
    ``max_cells`` cells, is refused.
    """
    name = base_name(filename)
    data = bytes(data)
    _check_size(name, data, max_bytes)
    if not data.strip():
        raise UnreadableFile(f"{name} is empty.")
    limits = _Limits(max_rows, max_cells)
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return _read_zip_workbook(name, data, sheet, limits)
    if data.startswith(OLE2_MAGIC):
        return _read_ole2_workbook(name, data, sheet, limits)
    return [_read_text_file(name, data, limits)]


def base_name(filename: str) -> str:
    """The file name without any directory part (either slash)."""
    base = PureWindowsPath(str(filename or "")).name.strip()
    return base or "the file"


def _extension(name: str) -> str:
    """Lower-case extension with its dot, or ''."""
    return PureWindowsPath(name).suffix.lower()


def _check_size(name: str, data: bytes, max_bytes: int) -> None:
    """Refuse files above the upload limit."""
    if max_bytes is not None and len(data) > max_bytes:
        size, limit = _size_pair(len(data), max_bytes)
        raise UnreadableFile(f"{name} is {size}; the limit is {limit}.")


def _size_pair(size: int, limit: int) -> tuple[str, str]:
    """Human sizes for a size and a limit, precise enough to differ."""
    for digits in (0, 1, 2):
        pair = (_size_text(size, digits), _size_text(limit, digits))
        if pair[0] != pair[1]:
            break
    return pair


def _count(n: int, noun: str) -> str:
    """'1 row', '5,000,000 rows'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _size_text(n: int, digits: int = 0) -> str:
    """'61 MB', '12 KB', '300 bytes'."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:,.{digits}f} {unit}"
    return f"{n:,} bytes"


# ------------------------------------------------------------------------------ workbooks


def _read_zip_workbook(name: str, data: bytes, sheet: str | None, limits: _Limits) -> list[RawSheet]:
    """XLSX/XLSM/XLSB/ODS: check the zip, then read it with calamine."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_zip_is_spreadsheet(name, archive)
            _check_zip_size(name, archive)
            merged: dict[str, _Merged] = {}
            unsaved: dict[str, _UnsavedFormulas] = {}
            spans, over = _verify_zip_members(name, archive, merged, unsaved)
            _check_ods_encryption(name, archive)
            binary_sheets = any(n.endswith(".bin") for n in archive.namelist() if n.startswith("xl/worksheets/"))
            listed = workbook_sheets(archive) if spans or merged or unsaved else []
            dated_texts = shared_strings_look_dated(archive) if spans else True
            parted = _parted(name, archive, listed, spans, over, limits)
    except UnreadableFile:
        raise
    except Exception:  # zipfile raises many types for broken archives (BadZipFile, NotImplementedError, ...)
        raise UnreadableFile(_damaged(name)) from None
    # .xlsb sheets are binary, so their extents cannot be measured: read them in a child process.
    if binary_sheets:
        return _read_workbook(name, data, sheet, limits, isolated=True)
    fast = FastSheets(data, {s.name: spans[s.member] for s in listed if s.member in spans},
                      dated_texts)
    for parts in parted.values():
        parts.data, parts.dated_texts = data, dated_texts
    fast.parted = parted
    # (xlsx ranges are found by worksheet member, ODS ones by table name)
    fast.merged = {s.name: merged.pop(s.member) for s in listed if s.member in merged} | merged
    fast.unsaved = {s.name: unsaved[s.member] for s in listed if s.member in unsaved}
    return _read_workbook(name, data, sheet, limits, fast=fast, listed=listed)


# A worksheet too large to hold at once is read in parts (journey.ingest.xlsx_parts).
PART_CELLS = 500_000     # cells in one part of a sheet read in parts (about 19,000 rows x 26)
PART_ROWS = 50_000       # rows in a part at most, however narrow the sheet
MIN_PART_ROWS = 1_000    # rows in a part at least, however wide the sheet


def _part_rows(limits: _Limits, width: int) -> int:
    """The rows in one part of a sheet ``width`` columns wide read in parts."""
    return max(MIN_PART_ROWS, min(PART_ROWS, min(PART_CELLS, limits.cells) // max(width, 1)))


@dataclass
class _Parts:
    """How one worksheet is read in parts."""

    member: str
    span: Span
    width: int               # the header row's columns
    columns: int             # an upper bound of the columns any cell is in
    data: bytes = b""
    dated_texts: bool = True


def _parted(name: str, archive: zipfile.ZipFile, listed: list[SheetEntry],
            spans: dict[str, Span], over: dict[str, tuple[int, int]],
            limits: _Limits) -> dict[str, _Parts]:
    """The worksheets to read in parts, by name: those whose data rows by header columns
    are over the cells one sheet may hold (``limits.cells``) or whose extent is over
    ``MAX_CELLS``, when they can be cut. A sheet over ``MAX_CELLS`` that cannot be cut is
    measured exactly, and refused if it is so."""
    parted = {}
    for entry in listed:
        span = spans.get(entry.member)
        if span is None:
            continue
        width = _table_width(archive, entry.member, span,
                             header_width(archive, entry.member, span))
        columns = over.get(entry.member, (0, 26))[1]
        if width and (entry.member in over or limits.exceeded(span.last - span.first, width)):
            parted[entry.name] = _Parts(entry.member, span, width, max(columns, width))
    for member in set(over) - {parts.member for parts in parted.values()}:
        _check_extent(name, _exact_xlsx_extent(archive, archive.getinfo(member)))
    return parted


_TITLE_BYTES = 1 << 18      # the start of a worksheet's XML searched for rows below a title


def _table_width(archive: zipfile.ZipFile, member: str, span: Span, width: int | None) -> int | None:
    """The columns of the worksheet's table: ``width``, its first row's (``header_width``),
    unless that row may be a title (at most ``_TITLE_CELLS`` columns; see ``_title_rows``),
    then the widest of the rows up to ``TITLE_ROWS`` below it in the first
    ``_TITLE_BYTES`` of its XML (a sheet is cut into parts by its table's width)."""
    if not width or width > _TITLE_CELLS:
        return width
    with open_member(archive, member) as stream:
        head = stream.read(_TITLE_BYTES)
    found = _SHEET_DATA.search(head)
    if found is None:
        return width
    body, widths = head[found.end():], [width]
    for number in range(span.first + 1, span.first + TITLE_ROWS + 1):
        with contextlib.suppress(ValueError):
            if cells := _LAST_CELL.findall(_header_row(body, number)):
                widths.append(_column_index(cells[-1].decode()) - span.first_column + 1)
    return max(widths)


def _check_zip_is_spreadsheet(name: str, archive: zipfile.ZipFile) -> None:
    """Refuse Word/PowerPoint documents and plain zip archives."""
    names = set(archive.namelist())
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        return
    if "mimetype" in names and _zip_mimetype(archive) in ODS_MIMETYPES:
        return
    if any(n.startswith("word/") for n in names):
        kind = "a Word document"
    elif any(n.startswith("ppt/") for n in names):
        kind = "a PowerPoint presentation"
    elif "mimetype" in names:
        kind = "an OpenDocument file of another kind"
    else:
        raise UnreadableFile(
            f"{name} is a zip archive, not a spreadsheet; unzip it and upload the spreadsheet inside."
        )
    raise UnreadableFile(f"{name} is {kind}, not a spreadsheet.")


def _zip_mimetype(archive: zipfile.ZipFile) -> bytes:
    """The OpenDocument mimetype entry, or b'' when it cannot be read."""
    info = archive.getinfo("mimetype")
    if info.file_size > 200:
        return b""
    try:
        return archive.read(info).strip()
    except Exception:  # a broken entry is reported by the member check
        return b""


def _check_ods_encryption(name: str, archive: zipfile.ZipFile) -> None:
    """An OpenDocument file saved with a password lists encryption data in its manifest."""
    try:
        manifest = archive.read("META-INF/manifest.xml")
    except KeyError:
        return
    if b"encryption-data" in manifest:
        raise UnreadableFile(_password(name))


def _check_zip_size(name: str, archive: zipfile.ZipFile) -> None:
    """Zip bomb guard on the sizes the zip directory declares."""
    declared = sum(info.file_size for info in archive.infolist())
    if declared > MAX_UNCOMPRESSED_BYTES:
        raise UnreadableFile(_too_big_unpacked(name, declared))


def _verify_zip_members(name: str, archive: zipfile.ZipFile,
                        merged: dict[str, _Merged] | None = None,
                        unsaved: dict[str, _UnsavedFormulas] | None = None,
                        ) -> tuple[dict[str, Span], dict[str, tuple[int, int]]]:
    """Inflate every member once: count the real bytes, check CRCs, measure sheet extents.

    Returns where each xlsx worksheet member's cells with a value are (where that could be
    found), for ``journey.ingest.xlsx_columns``; and the extents of the worksheets over
    ``MAX_CELLS`` that may yet be read in parts (checked by the caller: ``_parted``).
    Fills ``merged`` (when given) with the merged ranges of each xlsx worksheet member and
    of each ODS table (by name) that has some, and ``unsaved`` with the formula cells of
    each xlsx worksheet member saved without their result.
    """
    total = 0
    spans = {}
    over = {}
    try:
        for info in archive.infolist():
            extent = _extent_scanner(info.filename)
            checker = _well_formed_checker() if info.filename == "content.xml" else None
            span = RowSpan() if isinstance(extent, _XlsxExtent) else None
            merges = _XlsxMerges() if span else None
            formulas = _UnsavedFormulas() if span else None
            with open_member(archive, info) as member:
                while chunk := member.read(1 << 22):
                    total += len(chunk)
                    if total > MAX_UNCOMPRESSED_BYTES:
                        raise UnreadableFile(_too_big_unpacked(name, total))
                    # One search for what is rare in a worksheet (each scanner's own
                    # searches run only where it is found); the span's window holds the
                    # extent's and the merged ranges'.
                    if span:
                        window = span.carry + chunk
                        notable = re2_search(
                            window, f"{_RARE_TYPES}|{extent.watched()}|{_MERGE_CELL}|"
                                    f"{_UNSAVED_FORMULA}")
                        if notable:
                            merges.feed(window)
                            formulas.feed(window)
                        del window
                        extent.feed(chunk, notable)
                        span.feed(chunk, notable)
                    elif extent:
                        extent.feed(chunk)
                    if checker:
                        checker.Parse(chunk, False)
            unusual = isinstance(extent, _XlsxExtent) and extent.unusual
            if span and not unusual and (found := span.finish()):
                spans[info.filename] = found
            if merged is not None and merges is not None and (ranges := merges.finish()):
                merged[info.filename] = ranges
            if unsaved is not None and formulas is not None and formulas.cells:
                unsaved[info.filename] = formulas
            if merged is not None and isinstance(extent, _OdsExtent):
                merged.update(extent.merged)
            if extent:
                extents = extent.finish()
                if unusual:        # some cell's position is not (only) its reference
                    extents = _positional_xlsx_extent(archive, info)
                elif isinstance(extent, _XlsxExtent) and _too_many_cells(extents):
                    if info.filename in spans and extents[0][2] <= MAX_COLUMNS:
                        over[info.filename] = extents[0][1:]
                        extents = []                 # each part is checked on its own
                    else:
                        extents = _exact_xlsx_extent(archive, info)  # the quick bound was not enough
                _check_extent(name, extents)
            if checker:
                checker.Parse(b"", True)
    except UnreadableFile:
        raise
    except RuntimeError as exc:  # zipfile: "File is encrypted, password required"
        if "encrypt" in str(exc).lower() or "password" in str(exc).lower():
            raise UnreadableFile(_password(name)) from None
        raise
    return spans, over


# Sheet extents. calamine stores a sheet as a dense rectangle from its first to its last
# cell with content, so a few kilobytes with one cell in A1 and one in XFD1048576 would ask
# for hundreds of gigabytes and abort the whole process. The extents are measured in the
# XML before calamine sees it.

_XLSX_WIDE_REF = re.compile(rb'r="([A-Za-z]{2,})[0-9]')  # cells right of column Z
# RE2 patterns (searched through pyarrow: see xlsx_columns.re2_search), for the quick check:
# a reference either of the two above may match (and a few other texts: xmlns:r="http...");
_XLSX_FAR_REF = r'r="[A-Za-z](?:[A-Za-z]|[0-9]{6})'
# a cell whose first attribute is not its reference in double quotes (<c>, <c s="1" r=...,
# <c r='A1'>, <c r = "A1">, <c\tr=...), with a namespace prefix (<x:c>) or without.
# calamine places a cell without a reference after the one before it, in the row its <row r>
# says: A1 and one row r="1048576" of 16,384 such cells are a 5 KB file that asks for 17
# billion cells. Where either is found, the extent is worked out cell by cell.
_XLSX_UNUSUAL_CELL = r"""<c[>/\t\r\n]|<c [^r]|<c r[^=]|<c r=[^"]"""
# (the prefixed kind in two steps: RE2 finds end tags </x:c> too, so ``re`` checks a match)
_XLSX_PREFIXED_CELL = r""":c(?:[>/\t\r\n]| [^r]| r[^=]| r=[^"])"""
_XLSX_PREFIXED_START = re.compile(rb"""<[A-Za-z_][-\w.]*:c(?:[>/\t\r\n]| [^r]| r[^=]| r=[^"])""")
_XLSX_REF_LETTERS = re.compile(rb'r="([A-Za-z]+)[0-9]')
_XLSX_REF_DIGITS = re.compile(rb'r="[A-Za-z]+([0-9]+)"')
# (no \b before r: it would disable the regex engine's fast literal search; an attribute
# that merely ends in "r" can only make the extent larger, never smaller)
_ODS_TAG = re.compile(
    rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_ODS_REPEAT = re.compile(rb'number-(?:rows|columns)-repeated="([0-9]+)"')
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')


# Merged cells. calamine gives a merged range's value to its first cell only, so a
# client's name merged over its three contact rows leaves two rows without a client. The
# ranges are read from the XML in the pass that inflates it anyway (xlsx: <mergeCell
# ref="A3:A5"/>, after the cells; ODS: number-rows-spanned on the cell) and the value is
# given to each row of the range below the header (see ``_fill_merged``).
MAX_MERGES = 100_000      # a sheet with more merged ranges is read as calamine reads it
_MERGE_CELL = "mergeCell"   # (RE2) the rare text that starts the search below
_XLSX_MERGE = re.compile(
    rb'<(?:[A-Za-z_][-\w.]*:)?mergeCell\s+ref="\$?([A-Za-z]{1,3})\$?([0-9]{1,7})'
    rb':\$?([A-Za-z]{1,3})\$?([0-9]{1,7})"')
_ODS_SPANNED = re.compile(rb'number-(rows|columns)-spanned="([0-9]+)"')


@dataclass
class _Merged:
    """The merged ranges of one sheet, or ``too_many`` (over ``MAX_MERGES``: none kept).

    A range is (top row, left column, bottom row, right column): rows as the sheet numbers
    them (1-based), columns 0-based."""

    ranges: list[tuple[int, int, int, int]] = field(default_factory=list)
    too_many: bool = False

    def add(self, top: int, left: int, bottom: int, right: int) -> None:
        if self.too_many:
            return
        if len(self.ranges) >= MAX_MERGES:
            self.ranges, self.too_many = [], True
            return
        self.ranges.append((min(top, bottom), min(left, right), max(top, bottom), max(left, right)))


class _XlsxMerges:
    """The merged ranges of one xlsx worksheet, fed the windows where ``_MERGE_CELL`` was
    found (windows overlap, so a range cut by a chunk boundary is whole in one of them and
    one seen twice is counted once)."""

    def __init__(self) -> None:
        self.refs: set[tuple[bytes, ...]] = set()
        self.too_many = False

    def feed(self, window: bytes) -> None:
        if self.too_many or b"mergeCell" not in window:
            return
        self.refs.update(_XLSX_MERGE.findall(window))
        if len(self.refs) > MAX_MERGES:
            self.refs, self.too_many = set(), True

    def finish(self) -> _Merged | None:
        if self.too_many:
            return _Merged(too_many=True)
        if not self.refs:
            return None
        merged = _Merged()
        for top, left, bottom, right in sorted(
                (int(top), _column_number(left.decode().upper()) - 1,
                 int(bottom), _column_number(right.decode().upper()) - 1)
                for left, top, right, bottom in self.refs):
            merged.add(top, left, bottom, right)
        return merged


# A formula saved without its result (a workbook written by a program, never opened in
# Excel or LibreOffice): no <v>, or an empty <v/>; calamine reads the cell as empty, which
# the import says. (Excel writes a formula's empty text as <v></v>: a result, not missed.)
_UNSAVED_FORMULA = r"</f>(?:<v\s*/>)?</c>|<f [^>]*/>(?:<v\s*/>)?</c>"  # (RE2)
_UNSAVED_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"[^>]*>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*'
                           rb'</f>)(?:<v\s*/>)?</c>')
MAX_UNSAVED = 100_000     # formula cells without a result remembered per sheet


class _UnsavedFormulas:
    """The formula cells of one xlsx worksheet saved without their result, fed the windows
    where ``_UNSAVED_FORMULA`` may be (a cell seen in two overlapping windows counts once).
    ``columns()``: how many in each column (0-based), of the first ``MAX_UNSAVED``."""

    def __init__(self) -> None:
        self.cells: set[tuple[bytes, bytes]] = set()

    def feed(self, window: bytes) -> None:
        if len(self.cells) < MAX_UNSAVED and re2_search(window, _UNSAVED_FORMULA):
            self.cells.update(_UNSAVED_CELL.findall(window))

    def columns(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for letters, row in self.cells:
            found.setdefault(_column_number(letters.decode()) - 1, []).append(int(row))
        return found


def _extent_scanner(member: str):
    """A scanner for the sheet XML members whose extent matters, else None."""
    if member.startswith("xl/worksheets/") and member.endswith(".xml"):
        return _XlsxExtent()
    if member == "content.xml":
        return _OdsExtent()
    return None


def _too_many_cells(extents: list[tuple[str, int, int]]) -> bool:
    """True when a sheet spans more than MAX_CELLS cells."""
    return any(rows * columns > MAX_CELLS for _, rows, columns in extents)


def _check_extent(name: str, extents: list[tuple[str, int, int]]) -> None:
    """Refuse a sheet whose content spans more than MAX_CELLS cells."""
    for sheet_name, rows, columns in extents:
        if rows * columns > MAX_CELLS:
            where = f"{name}, sheet '{sheet_name}'," if sheet_name else f"{name} has a sheet that"
            raise UnreadableFile(
                f"{where} spans {rows:,} rows by {columns:,} columns, more than this app can read; "
                "delete stray cells far from the table and upload it again."
            )


class _XlsxExtent:
    """Rows and columns used by one xlsx worksheet (from its cell references), fed in chunks.

    References are matched wherever they are (a damaged file need not keep cells in order).
    The quick mode only looks at the rare references right of column Z or below row 99,999
    and otherwise assumes those limits, an upper bound that settles most sheets; the exact
    mode reads every reference.
    """

    def __init__(self, exact: bool = False) -> None:
        self.exact = exact
        self.carry = b""
        self.rows = 0
        self.columns = 0
        self.unusual = False  # a cell whose reference may not be its position (quick mode)

    def feed(self, chunk: bytes, far: bool = True) -> None:
        """Read the next chunk (``far``: False when the caller's search of this window
        found no reference right of column Z or below row 99,999, and no unusual cell)."""
        buffer = self.carry + chunk
        rows, columns = (self._exact(buffer) if self.exact else
                         self._quick(buffer) if far else (99_999, 26))
        self.rows, self.columns = max(self.rows, rows), max(self.columns, columns)
        if far and not self.exact and not self.unusual:
            self.unusual = (re2_search(buffer, _XLSX_UNUSUAL_CELL)
                            or (re2_search(buffer, _XLSX_PREFIXED_CELL)      # then exactly
                                and _XLSX_PREFIXED_START.search(buffer) is not None))
        self.carry = buffer[-32:]  # a reference cut at the chunk boundary is seen next time

    def finish(self) -> list[tuple[str, int, int]]:
        return [("", self.rows, self.columns)]

    def watched(self) -> str:
        """An RE2 pattern for what the quick mode looks for beyond what it has seen: a
        reference right of column Z or below the rows so far, an unusual cell."""
        return (f'{_XLSX_WIDE}|r="[A-Za-z]+{_above(max(self.rows, 99_999))}|'
                f"{_XLSX_UNUSUAL_CELL}|{_XLSX_PREFIXED_CELL}")

    def _quick(self, part: bytes) -> tuple[int, int]:
        if not re2_search(part, _XLSX_FAR_REF):     # none of the references below
            return 99_999, 26
        wide = set(_XLSX_WIDE_REF.findall(part)) if re2_search(part, _XLSX_WIDE) else ()
        return _tall_bound(part, self.rows), (_largest_column(wide) if wide else 26)

    @staticmethod
    def _exact(part: bytes) -> tuple[int, int]:
        letters = set(_XLSX_REF_LETTERS.findall(part))
        digits = set(_XLSX_REF_DIGITS.findall(part))
        return _largest_number(digits), _largest_column(letters)


def _exact_xlsx_extent(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[tuple[str, int, int]]:
    """Inflate a worksheet again and read all its cell references."""
    extent = _XlsxExtent(exact=True)
    with open_member(archive, info) as member:
        while chunk := member.read(1 << 22):
            extent.feed(chunk)
    return extent.finish()


def _positional_xlsx_extent(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[tuple[str, int, int]]:
    """Inflate a worksheet again and bound where calamine may place each cell, element by
    element (expat, so tags cut between chunks, either quotes and prefixes are read as XML
    readers read them): at its reference, or after the cell before it in its row, whose
    r says where it is (else it follows the row before). Each bound takes the larger of
    both readings, so it is never below calamine's. Slow (a Python call per element):
    only for sheets with cells the quick check cannot vouch for."""
    at = {"rows": 0, "columns": 0, "row": 0, "column": 0}

    def start(tag: str, attributes: dict) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local not in ("row", "c"):
            return
        letters, digits = "", 0
        for key, value in attributes.items():
            if key.rsplit(":", 1)[-1] == "r" and (found := _REFERENCE.match(value)):
                letters, digits = found.group(1), max(digits, int(found.group(2) or 0))
        if local == "row":
            at["row"], at["column"] = max(at["row"] + 1, digits), 0
            return
        at["column"] = max(at["column"] + 1, _column_number(letters.upper()))
        at["rows"] = max(at["rows"], at["row"], digits)
        at["columns"] = max(at["columns"], at["column"])

    parser = _well_formed_checker()
    parser.StartElementHandler = start
    with open_member(archive, info) as member:
        while chunk := member.read(1 << 22):
            parser.Parse(chunk, False)
    parser.Parse(b"", True)
    return [("", at["rows"], at["columns"])]


_REFERENCE = re.compile(r"\s*([A-Za-z]*)([0-9]*)")
_XLSX_WIDE = r'r="[A-Za-z]{2,}[0-9]'       # (RE2) a reference right of column Z
_MOST_DIGITS = 9                             # a reference this long is out of any sheet


def _above(bound: int) -> str:
    """An RE2 pattern for row numbers above ``bound`` (a bound as ``_tall_bound`` makes:
    a first digit then nines), followed by the reference's closing quote."""
    digits = len(str(bound))
    if bound == 10 ** digits - 1:
        return f'[0-9]{{{digits + 1},}}"'
    return f'(?:[0-9]{{{digits + 1},}}|[{int(str(bound)[0]) + 1}-9][0-9]{{{digits - 1}}})"'


def _tall_bound(part: bytes, known: int) -> int:
    """An upper bound (at least ``known``) of the row numbers the references in ``part``
    name, from RE2 searches rather than a Python object per reference: the most digits a
    reference has, and the highest first digit among those that long. A block whose
    references stay within ``known`` costs one search."""
    bound = max(known, 99_999)
    digits = len(str(bound))
    if not re2_search(part, f'r="[A-Za-z]+{_above(bound)}'):
        return bound
    while digits < _MOST_DIGITS and re2_search(part, f'r="[A-Za-z]+[0-9]{{{digits + 1},}}"'):
        digits += 1
    if digits >= _MOST_DIGITS:
        return 10 ** _MOST_DIGITS
    for first in range(9, 0, -1):
        if re2_search(part, f'r="[A-Za-z]+{first}[0-9]{{{digits - 1}}}"'):
            return max(bound, (first + 1) * 10 ** (digits - 1) - 1)
    return max(bound, 10 ** (digits - 1) - 1)     # written with leading zeros


def _largest_number(digits: set[bytes]) -> int:
    """The largest of some decimal numbers written as bytes (0 for none)."""
    return int(max(digits, key=lambda d: (len(d.lstrip(b"0")), d.lstrip(b"0")))) if digits else 0


def _largest_column(letters: set[bytes]) -> int:
    """The largest column number among some column letters (0 for none)."""
    return max((_column_number(item.decode().upper()) for item in letters), default=0)


class _OdsExtent:
    """Rows and columns spanned by the cells of each table in an ODS content.xml.

    Repeated rows and cells (number-rows-repeated, number-columns-repeated) count as many
    times as they repeat when they have content; empty repeats (LibreOffice pads every
    sheet with them) do not.
    """

    def __init__(self) -> None:
        self.carry = b""
        self.tables: list[tuple[str, int, int]] = []
        self.merged: dict[str, _Merged] = {}     # table name -> its merged ranges
        self.table, self.row, self.column = "", 0, 0
        self.row_repeat, self.row_has_content = 1, False
        self.height, self.width = 0, 0

    def feed(self, chunk: bytes) -> None:
        buffer = self.carry + chunk
        cut = buffer.rfind(b">") + 1
        self._scan(buffer[:cut])
        self.carry = buffer[cut:]

    def finish(self) -> list[tuple[str, int, int]]:
        self._scan(self.carry)
        return self.tables

    def _scan(self, part: bytes) -> None:
        for match in _ODS_TAG.finditer(part):
            closing, tag, attributes, empty = match.groups()
            if tag == b"table":
                self._table(closing, attributes)
            elif tag == b"table-row":
                self._row(closing, attributes, empty)
            elif not closing:
                self._cell(attributes, empty)

    def _table(self, closing: bytes, attributes: bytes) -> None:
        if closing:
            self.tables.append((self.table, self.height, self.width))
            return
        found = _ODS_NAME.search(attributes)
        self.table = (html.unescape(found.group(1).decode("utf-8", "replace"))
                      if found else "")
        self.row, self.height, self.width = 0, 0, 0

    def _row(self, closing: bytes, attributes: bytes, empty: bytes) -> None:
        if not closing:
            self.row_repeat, self.row_has_content, self.column = _ods_repeat(attributes), False, 0
        if closing or empty:
            if self.row_has_content:
                self.height = self.row + self.row_repeat
            self.row += self.row_repeat

    def _cell(self, attributes: bytes, empty: bytes) -> None:
        repeat = _ods_repeat(attributes)
        if not empty or b"value-type" in attributes:
            self.row_has_content = True
            self.width = max(self.width, self.column + repeat)
        if b"-spanned=" in attributes and repeat == 1 and self.row_repeat == 1:
            spans = {kind: int(count) for kind, count in _ODS_SPANNED.findall(attributes)}
            rows, columns = spans.get(b"rows", 1), spans.get(b"columns", 1)
            if rows > 1 or columns > 1:
                self.merged.setdefault(self.table, _Merged()).add(
                    self.row + 1, self.column, self.row + rows, self.column + columns - 1)
        self.column += repeat


def _ods_repeat(attributes: bytes) -> int:
    """The repeat count in a row or cell tag (1 when absent)."""
    found = _ODS_REPEAT.search(attributes)
    return int(found.group(1)) if found else 1


def _column_number(letters: str) -> int:
    """'A' -> 1, 'AA' -> 27 (0 for '')."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _well_formed_checker():
    """An expat parser that only checks well-formedness and refuses DTDs.

    calamine's ODS reader loops forever on a content.xml whose table is never closed
    (mismatched end tags), so that member must be well-formed XML before calamine runs.
    A document type declaration (never used by ODF) is refused, which also rules out
    entity-expansion tricks.
    """
    parser = xml.parsers.expat.ParserCreate()

    def refuse_doctype(*_args) -> None:
        raise ValueError("DTD in an OpenDocument file")

    parser.StartDoctypeDeclHandler = refuse_doctype
    return parser


def _read_ole2_workbook(name: str, data: bytes, sheet: str | None, limits: _Limits) -> list[RawSheet]:
    """Legacy .xls, or an Office file encrypted with a password (also OLE2).

    Stream names are stored in UTF-16LE in the OLE2 directory: an .xls has a 'Workbook'
    (or BIFF5 'Book') stream, an encrypted xlsx has 'EncryptionInfo' instead.
    """
    has_workbook = "Workbook".encode("utf-16-le") in data
    if not has_workbook and "EncryptionInfo".encode("utf-16-le") in data:
        raise UnreadableFile(_password(name))
    if not has_workbook and "Book".encode("utf-16-le") not in data:
        raise UnreadableFile(
            f"{name} is an Office file but not an Excel workbook, so it is not a spreadsheet this app can read."
        )
    if not _cfb_is_sound(data):
        raise UnreadableFile(_damaged(name))
    return _read_workbook(name, data, sheet, limits, isolated=True)


# OLE2 (Compound File Binary) structure. calamine follows sector chains without checking
# for loops or sizes, so a damaged .xls can make it allocate gigabytes and abort the
# process; the chains it follows are checked here first.

_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE


def _cfb_is_sound(data: bytes) -> bool:
    """True when the OLE2 header, FAT, directory and stream chains are consistent."""
    try:
        return _cfb_check(data)
    except (struct.error, ValueError, IndexError):
        return False


def _cfb_check(data: bytes) -> bool:
    """The checks behind _cfb_is_sound (may raise on truncated data)."""
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        return False
    size = 1 << shift
    sectors = (len(data) - size) // size
    n_fat, first_dir, _, cutoff, first_mini_fat, n_mini_fat, first_difat, n_difat = struct.unpack_from(
        "<8I", data, 0x2C
    )
    if max(n_fat, n_mini_fat, n_difat) > sectors or sectors <= 0:
        return False
    fat_sectors = _cfb_fat_sectors(data, size, sectors, first_difat)
    if fat_sectors is None or len(fat_sectors) < n_fat:
        return False
    fat = np.concatenate([_cfb_words(data, size, s) for s in fat_sectors]) if fat_sectors else np.zeros(0, "<u4")
    directory = _cfb_chain(fat, first_dir, sectors)
    mini_fat_chain = _cfb_chain(fat, first_mini_fat, sectors)
    if not directory or mini_fat_chain is None:
        return False
    entries = b"".join(data[(s + 1) * size : (s + 2) * size] for s in directory)
    mini_fat = np.concatenate([_cfb_words(data, size, s) for s in mini_fat_chain] or [np.zeros(0, "<u4")])
    return _cfb_streams_fit(entries, fat, mini_fat, size, sectors, cutoff, shift == 12)


def _cfb_words(data: bytes, size: int, sector: int) -> np.ndarray:
    """One sector as little-endian 32-bit words."""
    start = (sector + 1) * size
    if start + size > len(data):
        raise ValueError("sector beyond the end of the file")
    return np.frombuffer(data, dtype="<u4", count=size // 4, offset=start)


def _cfb_fat_sectors(data: bytes, size: int, sectors: int, first_difat: int) -> list[int] | None:
    """Sector numbers of the FAT, from the header and the DIFAT chain (None if broken)."""
    ids = list(struct.unpack_from("<109I", data, 0x4C))
    sector, hops = first_difat, 0
    while sector not in (_FREE, _END_OF_CHAIN):
        hops += 1
        if sector >= sectors or hops > sectors:
            return None
        words = _cfb_words(data, size, sector)
        ids.extend(int(w) for w in words[:-1])
        sector = int(words[-1])
    ids = [i for i in ids if i != _FREE]
    return ids if all(i < sectors for i in ids) else None


def _cfb_chain(table: np.ndarray, start: int, limit: int) -> list[int] | None:
    """Follow a chain in a FAT or mini FAT; None when it leaves the table or loops."""
    chain, sector = [], start
    while sector not in (_END_OF_CHAIN, _FREE):
        if sector >= min(len(table), limit) or len(chain) >= limit:
            return None
        chain.append(sector)
        sector = int(table[sector])
    return chain


def _cfb_streams_fit(entries: bytes, fat, mini_fat, size: int, sectors: int, cutoff: int, wide: bool) -> bool:
    """Every stream's declared size fits the chain that holds it."""
    mini_sectors = 0
    for offset in range(0, len(entries) - 127, 128):
        kind = entries[offset + 66]
        if kind not in (2, 5):  # stream, root (holds the mini stream)
            continue
        start = struct.unpack_from("<I", entries, offset + 116)[0]
        length = struct.unpack_from("<Q" if wide else "<I", entries, offset + 120)[0]
        if kind == 5 or length >= cutoff:
            chain = _cfb_chain(fat, start, sectors)
            if chain is None or length > len(chain) * size:
                return False
            if kind == 5:
                mini_sectors = len(chain) * size // 64
        elif length:
            chain = _cfb_chain(mini_fat, start, mini_sectors)
            if chain is None or length > len(chain) * 64:
                return False
    return True


def _read_workbook(name: str, data: bytes, sheet: str | None, limits: _Limits, isolated: bool = False,
                   fast: FastSheets | None = None, listed: list[SheetEntry] = ()) -> list[RawSheet]:
    """Read the wanted sheets of a workbook with python-calamine (in a child process if
    isolated; large xlsx worksheets column-wise with ``fast`` where it can, opening
    calamine only if some sheet needs it: ``listed`` names the sheets)."""
    if isolated:
        book = _open_isolated(name, data, limits)
    elif fast is not None and fast.spans and listed:
        book = _LazyBook(name, data, listed)
    else:
        book = _open_calamine(name, data)
    try:
        worksheets, skipped = _worksheet_names(book)
        if sheet is not None:
            wanted = _match_sheet(name, sheet, worksheets)
            return [_read_one_sheet(name, book, wanted, limits, fast)]
        return _read_all_sheets(name, book, worksheets, skipped, limits, fast)
    finally:
        _quietly_close(book)
        if fast is not None:
            fast.close()


class _LazyBook:
    """A zip workbook whose sheet list comes from its XML; python-calamine is opened only
    when a sheet is read cell by cell."""

    def __init__(self, name: str, data: bytes, sheets: list[SheetEntry]) -> None:
        self.name, self.data, self.book = name, data, None
        self.sheets_metadata = [_SheetMeta(s.name, s.kind) for s in sheets]
        self.sheet_names = [s.name for s in sheets]

    def get_sheet_by_name(self, sheet_name: str):
        if self.book is None:
            self.book = _open_calamine(self.name, self.data)
        return self.book.get_sheet_by_name(sheet_name)

    def close(self) -> None:
        if self.book is not None:
            _quietly_close(self.book)


def _open_calamine(name: str, data: bytes):
    """Open a workbook, turning every calamine failure into one sentence."""
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except BaseException as exc:  # Rust panics derive from BaseException
        raise _library_failure(name, exc) from None


# Legacy .xls is read in a child process. calamine's BIFF reader trusts counts in the file
# (the DIMENSIONS and SST records size its allocations, cell positions size the dense sheet)
# and a damaged or hostile .xls can make it allocate terabytes, which aborts the process
# rather than raising. The child has a memory cap; if it dies, the file is refused. The
# child sends back plain rows, wrapped below in the small part of the calamine API used here.

XLS_CHILD_MEMORY = 2 * 1024**3  # address-space cap for the child (POSIX only)
XLS_CHILD_SECONDS = 120

_XLS_CHILD = """
import io, pickle, sys
try:
    import resource
    cap = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
except Exception:
    pass
max_columns, max_cells, max_rows, max_data_cells, max_merges = map(int, sys.argv[2:7])
out = {"sheets": []}
try:
    import python_calamine
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(sys.stdin.buffer.read()))
    for meta in book.sheets_metadata:
        entry = {"name": meta.name, "typ": str(meta.typ), "start": None, "width": 0, "height": 0}
        if "worksheet" in str(meta.typ).lower():
            sheet = book.get_sheet_by_name(meta.name)
            entry.update(start=sheet.start, width=sheet.width, height=sheet.height)
            readable = sheet.width <= max_columns and sheet.width * sheet.height <= max_cells
            data_rows = sheet.height - 1  # below the header; the parent refuses sheets over the limits
            within = data_rows <= max_rows and data_rows * sheet.width <= max_data_cells
            if sheet.start is not None and readable and within:
                entry["rows"] = sheet.to_python(skip_empty_area=True)
                try:
                    merged = sheet.merged_cell_ranges or []
                    entry["merged"] = (None if len(merged) > max_merges else
                                       [(a[0] + 1, a[1], b[0] + 1, b[1]) for a, b in merged])
                except Exception:
                    pass
        out["sheets"].append(entry)
except BaseException as exc:
    out = {"error": type(exc).__name__ + " " + str(exc)}
sys.stdout.buffer.write(pickle.dumps(out))
"""


def _open_isolated(name: str, data: bytes, limits: _Limits) -> _IsolatedBook:
    """Read a whole workbook with calamine in a child process with a memory cap (the
    cells of sheets over the limits stay behind: those sheets are refused)."""
    sizes = (XLS_CHILD_MEMORY, MAX_COLUMNS, MAX_CELLS, limits.rows, limits.cells, MAX_MERGES)
    command = [sys.executable, "-I", "-c", _XLS_CHILD, *map(str, sizes)]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=XLS_CHILD_SECONDS, check=False)
        result = pickle.loads(done.stdout) if done.returncode == 0 else {"error": "child process failed"}
    except (subprocess.TimeoutExpired, OSError, pickle.UnpicklingError, EOFError):
        result = {"error": "child process failed"}
    if "error" in result:
        raise _library_failure(name, RuntimeError(result["error"]))
    return _IsolatedBook(result["sheets"])


class _IsolatedBook:
    """What the child process read, with the calamine workbook methods used here."""

    def __init__(self, sheets: list[dict]) -> None:
        self.sheets = {entry["name"]: entry for entry in sheets}
        self.sheets_metadata = [_SheetMeta(entry["name"], entry["typ"]) for entry in sheets]
        self.sheet_names = list(self.sheets)

    def get_sheet_by_name(self, sheet_name: str) -> _IsolatedSheet:
        return _IsolatedSheet(self.sheets[sheet_name])

    def close(self) -> None:
        self.sheets = {}


@dataclass
class _SheetMeta:
    name: str
    typ: str


class _IsolatedSheet:
    """One sheet read by the child: position, size and (if not too large) its rows."""

    def __init__(self, entry: dict) -> None:
        self.start, self.width, self.height = entry["start"], entry["width"], entry["height"]
        self.rows = entry.get("rows")
        found = entry.get("merged", [])
        self.merged = (_Merged(too_many=True) if found is None else
                       _Merged(sorted(found)) if found else None)

    def to_python(self, skip_empty_area: bool = True) -> list[list]:
        if self.rows is None:  # the child only leaves them out of sheets refused before this call
            raise RuntimeError("sheet too large")
        return self.rows


def _library_failure(name: str, exc: BaseException) -> UnreadableFile:
    """Map an exception from calamine to a sentence (re-raising interrupts)."""
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
        raise exc
    if isinstance(exc, MemoryError):
        return UnreadableFile(f"{name} is too large to read in the memory available.")
    text = f"{type(exc).__name__} {exc}".lower()
    if "password" in text or "encrypt" in text:
        return UnreadableFile(_password(name))
    return UnreadableFile(_damaged(name))


def _quietly_close(book) -> None:
    """Close a calamine workbook, ignoring errors."""
    with contextlib.suppress(Exception):
        book.close()


def _worksheet_names(book) -> tuple[list[str], list[str]]:
    """Names of worksheets (in order) and names of other sheets (charts, macros)."""
    try:
        metadata = book.sheets_metadata
        worksheets = [m.name for m in metadata if "worksheet" in str(m.typ).lower()]
        others = [m.name for m in metadata if m.name not in worksheets]
    except Exception:
        worksheets, others = list(book.sheet_names), []
    return worksheets, others


def _match_sheet(name: str, wanted: str, worksheets: list[str]) -> str:
    """The sheet called ``wanted`` (exactly, else ignoring case and spaces)."""
    if wanted in worksheets:
        return wanted
    loose = {s.strip().casefold(): s for s in worksheets}
    if wanted.strip().casefold() in loose:
        return loose[wanted.strip().casefold()]
    if not worksheets:
        raise UnreadableFile(f"{name} has no sheet named '{wanted}'; it has no worksheets at all.")
    raise UnreadableFile(f"{name} has no sheet named '{wanted}'; its sheets are {_join_names(worksheets)}.")


def _join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _read_one_sheet(name: str, book, sheet_name: str, limits: _Limits,
                    fast: FastSheets | None = None) -> RawSheet:
    """A sheet asked for by name: every problem is a refusal."""
    where = f"{name}, sheet '{sheet_name}',"
    try:
        return _sheet(name, book, sheet_name, limits, fast, [])
    except _EmptySheet:
        raise UnreadableFile(f"{where} has no data.") from None
    except _HeaderOnly:
        raise UnreadableFile(f"{where} has a header row but no data rows.") from None
    except _TooWide as exc:
        raise UnreadableFile(_too_wide_message(f"{name}, sheet '{sheet_name}',", exc.width)) from None


def _read_all_sheets(name: str, book, worksheets: list[str], others: list[str], limits: _Limits,
                     fast: FastSheets | None = None) -> list[RawSheet]:
    """Every usable worksheet; unusable ones are skipped with a note (a sheet over the
    limits is refused: skipping it would leave out the rows the user came to import)."""
    sheets: list[RawSheet] = []
    pending = [f"sheet '{s}' is not a table (a chart or macro sheet) and was skipped" for s in others]
    header_only, widest = False, 0
    for sheet_name in worksheets:
        try:
            sheets.append(_sheet(name, book, sheet_name, limits, fast, pending))
            pending = []
        except _EmptySheet:
            pending.append(f"sheet '{sheet_name}' is empty and was skipped")
        except _HeaderOnly:
            pending.append(f"sheet '{sheet_name}' has a header row but no data rows and was skipped")
            header_only = True
        except _TooWide as exc:
            pending.append(
                f"sheet '{sheet_name}' has {exc.width:,} columns, more than {MAX_COLUMNS:,}, and was skipped"
            )
            widest = max(widest, exc.width)
    if not sheets:
        raise UnreadableFile(_no_usable_sheet(name, header_only, widest))
    sheets[-1].notes.extend(pending)
    return sheets


def _no_usable_sheet(name: str, header_only: bool, widest: int) -> str:
    """The refusal for a workbook without any usable sheet."""
    if widest:
        return _too_wide_message(name, widest)
    if header_only:
        return f"{name} has a header row but no data rows."
    return f"{name} has no data."


def _sheet(name: str, book, sheet_name: str, limits: _Limits, fast: FastSheets | None,
           notes: list[str]) -> RawSheet:
    """One worksheet: whole, or its first part and the way to the others."""
    parts = fast.parted.get(sheet_name) if fast is not None else None
    if parts is None:
        return _build_sheet(sheet_name, _sheet_grid(name, book, sheet_name, limits, fast), notes,
                            file_name=_stem(name))
    return _parted_sheet(name, sheet_name, parts, limits, notes)


def _parted_sheet(name: str, sheet_name: str, parts: _Parts, limits: _Limits,
                  notes: list[str]) -> RawSheet:
    """A worksheet read in parts: its first part, with ``more`` to read the others."""
    where = f"{name}, sheet '{sheet_name}',"
    rows = parts.span.last - parts.span.first
    if rows > limits.rows:
        limits.check(where, rows, parts.width)
    per_part = _part_rows(limits, parts.width)
    part_limits = _Limits(limits.rows, max(limits.cells, (per_part + 1) * parts.columns))

    def read(skip: int) -> Iterator[_Grid]:
        try:
            for part in itertools.islice(
                    sheet_parts(parts.data, parts.member, parts.span, per_part, skip), skip, None):
                low, high = part.rows
                if (high - low + 1) * parts.columns > MAX_CELLS:
                    raise ValueError("a part spans too many cells")
                grid = _part_grid(name, sheet_name, part, parts, part_limits)
                del part                     # its workbook, before the next is made
                yield grid
                del grid
        except ValueError:            # cells out of place: calamine would span too much
            raise UnreadableFile(
                f"{where} has cells placed out of the order of its rows, so it cannot be read "
                "in parts; save it again from the spreadsheet program and upload it again."
            ) from None

    first = _build_sheet(sheet_name, next(read(0)), notes, count_blank=False)
    _give_back_memory()                   # the part's workbook and the shared strings

    def more() -> Iterator[RawSheet]:
        for grid in read(1):
            part = _next_part(first, grid)
            del grid
            yield part
            del part
            _give_back_memory()

    def repeats(header: str) -> tuple[int, int]:
        letters = first.column_letters[first.headers.index(header)]
        return column_repeats(parts.data, parts.member, letters)

    # (the rows below the header: title rows above it are not the sheet's rows)
    below = rows - (first.header_row - parts.span.first)
    first.more, first.sheet_rows, first.repeats = more, below, repeats
    return first


def _give_back_memory() -> None:
    """Hand the memory freed after a part back to the system (glibc keeps it otherwise, and
    the next part's cells land elsewhere: the process would grow part by part)."""
    with contextlib.suppress(Exception):
        _LIBC.malloc_trim(0)


# Arrow's own pool (mimalloc) keeps the memory a part's columns freed for its next ones,
# so that a sheet read in parts held what its largest parts had held on top of the rest;
# the system's pool gives it back to malloc, and _give_back_memory to the system (a
# 500,000-row tracker's peak: 708 -> 670 MB; the 100,000-row one's CPU the same).
pa.set_memory_pool(pa.system_memory_pool())

try:
    import ctypes
    import ctypes.util
    _LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
except OSError:              # not glibc: nothing to hand back this way
    _LIBC = None


def _part_grid(name: str, sheet_name: str, part, parts: _Parts, limits: _Limits) -> _Grid:
    """The cells of one part (a workbook of its own, read like any other)."""
    fast = FastSheets(part.workbook, {PART_SHEET: part.span}, parts.dated_texts)
    book = _LazyBook(name, part.workbook, [SheetEntry(PART_SHEET, "", "worksheet")])
    try:
        return _sheet_grid(name, book, PART_SHEET, limits, fast, label=sheet_name)
    finally:
        _quietly_close(book)
        fast.close()


def _next_part(first: RawSheet, grid: _Grid, header_copy: bool = True) -> RawSheet:
    """A part after the first as rows of the first part's columns: its header row (the
    copy ``xlsx_parts`` put above its first row, with ``header_copy``) and blank rows
    left out."""
    missing = [pd.isna(col) for col in grid.columns]
    blank = _blank_rows(missing, len(grid.row_numbers))
    if header_copy and len(blank):
        blank[0] = True                                  # the copy of the header row
    data_at = np.flatnonzero(~blank)
    columns = {}
    for header, letters in zip(first.headers, first.column_letters):
        j = _column_number(letters) - 1 - grid.first_column
        columns[header] = (grid.columns[j][data_at] if 0 <= j < len(grid.columns)
                           else np.full(len(data_at), None, dtype=object))
    frame = pd.DataFrame(columns, columns=first.headers, dtype=object, copy=False)
    kept = {_column_number(letters) - 1 - grid.first_column for letters in first.column_letters}
    lost = sum(int((~missing[j][data_at]).sum()) for j in range(len(grid.columns)) if j not in kept)
    notes = [f"{lost:,} cell{'s' if lost != 1 else ''} in columns without a header below "
             f"row {int(grid.row_numbers[data_at[0]]) if len(data_at) else 0:,} were left out"
             ] if lost else []
    return RawSheet(first.name, first.headers, frame, grid.row_numbers[data_at].tolist(),
                    first.column_letters, notes, blank_rows=int(blank.sum()) - header_copy)


def _sheet_grid(name: str, book, sheet_name: str, limits: _Limits,
                fast: FastSheets | None = None, label: str | None = None) -> _Grid:
    """Load one sheet as a cleaned grid (width and size are checked before converting):
    column-wise through ``fast`` where it can, else cell by cell with calamine
    (``label``: the sheet's name in messages, when not ``sheet_name``)."""
    where = f"{name}, sheet '{label or sheet_name}',"
    check_size = functools.partial(limits.check, where)
    merged = fast.merged.get(sheet_name) if fast is not None else None
    unsaved = fast.unsaved.get(sheet_name) if fast is not None else None
    if fast is not None and (found := fast.columns(sheet_name, check_size)) is not None:
        if len(found.columns) > MAX_COLUMNS:
            raise _TooWide(len(found.columns))
        height = len(found.columns[0]) if found.columns else 0
        return _Grid(found.columns, np.arange(found.first_row, found.first_row + height),
                     found.first_column, merged, unsaved)
    try:
        sheet = book.get_sheet_by_name(sheet_name)
        start, width, height = sheet.start, sheet.width, sheet.height
    except UnreadableFile:            # a lazily opened workbook that calamine refuses
        raise
    except BaseException as exc:
        raise _library_failure(name, exc) from None
    if start is None or not width:
        raise _EmptySheet()
    if width > MAX_COLUMNS:
        raise _TooWide(width)
    _check_extent(name, [(label or sheet_name, height, width)])  # .xls sheets are not pre-scanned
    check_size(height - 1, width)  # the first row is the header
    try:
        rows = sheet.to_python(skip_empty_area=True)
    except BaseException as exc:
        raise _library_failure(name, exc) from None
    merged = getattr(sheet, "merged", merged)      # (a sheet the child process read)
    del sheet                            # calamine's copy of the cells, before ours grow
    grid = _grid_from_rows(rows, start[0], start[1])
    del rows
    grid.columns = [_clean_column(column) for column in grid.columns]
    grid.merged, grid.unsaved = merged, unsaved
    return grid


# Cell types calamine returns that need no cleaning (datetime is a date).
_PLAIN_TYPES = frozenset({type(None), bool, int, dt.date, dt.datetime})


def _clean_column(column: np.ndarray) -> np.ndarray:
    """Strip strings, empty -> None, NaN -> None, times and durations -> text."""
    cleaned = [(v.strip() or None) if t is str else v if t in _PLAIN_TYPES else
               (v if v == v else None) if t is float else _clean_value(v)
               for v, t in zip(column, map(type, column))]
    out = np.empty(len(cleaned), dtype=object)
    out[:] = cleaned
    return out


def _clean_value(value):
    """A non-str calamine value as str/int/float/bool/date/datetime or None."""
    if value is None or isinstance(value, (bool, int, dt.date)):
        return value
    if isinstance(value, float):
        return None if value != value else value
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)  # timedelta (durations) and anything unexpected


def _grid_from_rows(rows: list[list], first_row: int, first_column: int) -> _Grid:
    """Rows of values (possibly ragged) -> a column-wise grid."""
    width = max((len(r) for r in rows), default=0)
    table = np.full((len(rows), width), None, dtype=object)
    if rows and all(len(r) == width for r in rows):
        table[:] = rows                              # rectangular: one copy in C
    else:
        for i, row in enumerate(rows):
            if row:
                table[i, : len(row)] = row
    columns = [table[:, j].copy() for j in range(width)]
    numbers = np.arange(first_row + 1, first_row + 1 + len(rows))
    return _Grid(columns, numbers, first_column)


# ----------------------------------------------------------------------------- text files


def _read_text_file(name: str, data: bytes, limits: _Limits) -> RawSheet:
    """CSV/TSV (or text named like a workbook)."""
    _refuse_binary(name, data)
    notes: list[str] = []
    decoded = _decode(name, data, notes)
    text = _remove_nuls(decoded, notes)
    if not text.strip():
        only = "blank rows and NUL bytes" if len(text) < len(decoded) else "blank rows"
        raise UnreadableFile(f"{name} is empty (it has only {only}).")
    _refuse_markup(name, text)
    if _extension(name) in WORKBOOK_EXTENSIONS:
        notes.insert(0, f"{name} is really a text (CSV) file and was read as one")
    delimiter = _sniff_delimiter(text, prefer_tab=_extension(name) in {".tsv", ".tab"})
    width = _first_record_width(text, delimiter)
    if width > MAX_COLUMNS:
        raise UnreadableFile(_too_wide_message(name, width))
    grid = _parse_delimited(name, text, delimiter, width, limits)
    try:
        if isinstance(grid, _ArrowGrid):
            return _text_in_parts(_stem(name), grid, limits, notes)
        return _build_sheet(_stem(name), grid, notes)
    except _EmptySheet:
        raise UnreadableFile(f"{name} is empty (it has only blank rows).") from None
    except _HeaderOnly:
        raise UnreadableFile(f"{name} has a header row but no data rows.") from None


def _stem(name: str) -> str:
    """Sheet name for a CSV: the file name without its extension."""
    return PureWindowsPath(name).stem or name


def _refuse_binary(name: str, data: bytes) -> None:
    """Refuse images, PDFs, archives and other binary data (UTF-16 text is fine).

    Binary data is told by its control bytes other than NUL: text damaged by a few stray
    NULs (or padded with them after a crash) has none of those, and is read without them.
    """
    for magic, kind in KNOWN_BINARIES:
        if data.startswith(magic):
            raise UnreadableFile(f"{name} is {kind}, not a spreadsheet.")
    if _utf16_kind(data):
        return
    sample = data[:SNIFF_CHARS]
    control = len(sample.translate(None, delete=_TEXT_BYTES)) - sample.count(0)
    if control > max(2, len(sample) // 50):
        raise UnreadableFile(
            f"{name} is not a spreadsheet or a text (CSV) file; it looks like binary data such as an image."
        )


def _remove_nuls(text: str, notes: list[str]) -> str:
    """The text without NUL characters; a note says how many there were and on which lines."""
    count = text.count("\x00")
    if not count:
        return text
    lines, line, position = [], 1, 0
    for run in re.finditer("\x00+", text):
        line += text.count("\n", position, run.start())
        position = run.start()
        if not lines or lines[-1] != line:
            lines.append(line)
        if len(lines) > 5:
            break
    where = _join_names([f"{n:,}" for n in lines[:5]] + (["others"] if len(lines) > 5 else []))
    notes.append(f"{_count(count, 'stray NUL byte')} (invisible zero bytes) removed, "
                 f"on line{'s' if len(lines) > 1 else ''} {where}")
    return text.replace("\x00", "")


def _utf16_kind(data: bytes) -> str | None:
    """'utf-16' (with BOM), 'utf-16-le'/'utf-16-be' (sniffed from NULs), or None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _decode(name: str, data: bytes, notes: list[str]) -> str:
    """UTF-8 (with or without BOM), UTF-16, else Windows-1252."""
    kind = _utf16_kind(data)
    if kind:
        return data.decode(kind, errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    notes.append(f"{name} is not UTF-8 text; it was read as Windows-1252 (Western European)")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _refuse_markup(name: str, text: str) -> None:
    """Refuse HTML/XML files (web-app 'Excel exports', XML Spreadsheet 2003)."""
    head = text[:2000].lstrip().lower()
    if head.startswith("<") and any(tag in head for tag in ("<html", "<!doctype", "<table", "<?xml")):
        raise UnreadableFile(
            f"{name} is a web page or XML file, not a spreadsheet; open it in Excel and save it as .xlsx or .csv."
        )


@functools.lru_cache(maxsize=16)
def _patterns(delimiter: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(quoted cell, one record, whole well-formed text) for a delimiter.

    A quote opens a quoted cell only at the start of a cell, as in Python's csv module and
    pyarrow; elsewhere it is an ordinary character. Possessive quantifiers keep matching
    linear (no backtracking).
    """
    d = re.escape(delimiter)
    quoted = rf'(?<![^{d}\r\n])"(?:[^"]++|"")*+"'
    literal_quote = rf'(?<=[^{d}\r\n])"'
    record = rf'(?:{quoted}|[^"\r\n]++|{literal_quote})*+(?:\r\n|\r|\n|\Z)'
    whole = rf'(?:{quoted}|[^"]++|{literal_quote})*+'
    return re.compile(quoted), re.compile(record), re.compile(whole)


def _records(text: str, delimiter: str, limit: int):
    """The first ``limit`` non-blank records of ``text`` as (text, delimiter count)."""
    quoted, record, _ = _patterns(delimiter)
    pos, found = 0, 0
    while found < limit and pos < len(text):
        match = record.match(text, pos)
        if match is None or match.end() == pos:
            break
        pos = match.end()
        chunk = match.group()
        if chunk.strip():
            found += 1
            yield chunk, quoted.sub("", chunk).count(delimiter)


def _sniff_delimiter(text: str, prefer_tab: bool = False) -> str:
    """Pick the delimiter whose count per record is most consistent in the first records.

    Each candidate is scored by (share of records with its most common count, that count).
    A candidate whose most common count is 0 only appears inside some cells (a comma in a
    free-text column); when no candidate qualifies the file is a single column.
    """
    sample = text[:SNIFF_CHARS]
    truncated = len(text) > SNIFF_CHARS
    order = ("\t",) + tuple(d for d in DELIMITERS if d != "\t") if prefer_tab else DELIMITERS
    best, best_score = SINGLE_COLUMN, None
    for rank, delimiter in enumerate(order):
        counts = [c for _, c in _records(sample, delimiter, SNIFF_RECORDS + 1)]
        if truncated and len(counts) > 2:
            counts = counts[:-1]  # the last record may be cut off
        if not counts:
            continue
        usual = max(set(counts), key=lambda c: (counts.count(c), c))
        if usual == 0:
            continue
        score = (round(counts.count(usual) / len(counts), 1), usual, -rank)
        if best_score is None or score > best_score:
            best, best_score = delimiter, score
    return best


def _first_record_width(text: str, delimiter: str) -> int:
    """Number of cells in the first non-blank record (the header row)."""
    for _, count in _records(text, delimiter, 1):
        return count + 1
    return 0


def _refuse_unclosed_quote(name: str, text: str, delimiter: str) -> None:
    """Refuse a quote that opens a cell and never closes, naming its row.

    A quote left open only at the very end of the file (no line break after it) swallows
    nothing and is accepted, as the parsers do.
    """
    if '"' not in text:
        return
    _, _, whole = _patterns(delimiter)
    end = whole.match(text).end()
    rest = text[end:].rstrip()
    if "\n" not in rest and "\r" not in rest:
        return
    row = _row_of_offset(text, end, delimiter)
    raise UnreadableFile(
        f'{name} has a quote mark (") that opens a cell on row {row} and is never closed; '
        "fix that row and upload the file again."
    )


def _row_of_offset(text: str, offset: int, delimiter: str) -> int:
    """1-based record number (as a spreadsheet counts rows) of the record at ``offset``."""
    reader = csv.reader(io.StringIO(text[:offset] + "x", newline=""), delimiter=delimiter)
    _allow_long_fields(offset)
    return sum(1 for _ in reader)


def _text_in_parts(sheet_name: str, cells: _ArrowGrid, limits: _Limits,
                   notes: list[str]) -> RawSheet:
    """A text file with more cells than are read at once: its first part, with ``more``
    to read the others (pyarrow holds the text's columns; each part becomes Python
    objects in turn)."""
    per_part = _part_rows(limits, cells.width)
    try:
        first = _build_sheet(sheet_name, cells.grid(0, per_part), notes, count_blank=False)
    except (_EmptySheet, _HeaderOnly):       # the header further down: the whole at once
        return _build_sheet(sheet_name, cells.grid(0, cells.height), notes)

    def more() -> Iterator[RawSheet]:
        for start in range(per_part, cells.height, per_part):
            yield _next_part(first, cells.grid(start, start + per_part), header_copy=False)
            _give_back_memory()

    def repeats(header: str) -> tuple[int, int]:
        import pyarrow.compute as pc

        j = _column_number(first.column_letters[first.headers.index(header)]) - 1
        texts = pc.utf8_lower(cells.stripped[j].filter(cells.filled[j]))
        return len(texts) - pc.count_distinct(texts).as_py(), len(texts)

    first.more, first.sheet_rows, first.repeats = more, cells.height - first.header_row, repeats
    return first


def _parse_delimited(name: str, text: str, delimiter: str, width: int,
                     limits: _Limits) -> _Grid | _ArrowGrid:
    """Parse with pyarrow when the rows are regular, else with Python's csv module.

    An unclosed quote swallows the rest of the file into one cell: then either the rows
    stop being regular (pyarrow refuses) or the last row has a cell with line breaks, so
    the exact (slower) quote check runs only in those two cases.
    """
    grid = _parse_with_pyarrow(name, text, delimiter, width, limits)
    last = grid.grid(grid.height - 1, grid.height) if isinstance(grid, _ArrowGrid) else grid
    if grid is None or _last_row_has_line_break(last):
        _refuse_unclosed_quote(name, text, delimiter)
    if grid is None:
        grid = _parse_with_csv_module(name, text, delimiter, limits)
    return grid


def _last_row_has_line_break(grid: _Grid) -> bool:
    """True when a cell of the last row contains a line break."""
    if not len(grid.row_numbers):
        return False
    last = [col[-1] for col in grid.columns]
    return any(isinstance(v, str) and ("\n" in v or "\r" in v) for v in last)


@dataclass
class _ArrowGrid:
    """A text file's cells as pyarrow columns (stripped), made Python objects a range of
    rows at a time."""

    stripped: list            # pyarrow string columns, whitespace trimmed
    filled: list              # pyarrow boolean columns: the cell has text

    @property
    def height(self) -> int:
        return len(self.stripped[0]) if self.stripped else 0

    @property
    def width(self) -> int:
        return len(self.stripped)

    def grid(self, start: int, stop: int) -> _Grid:
        """Rows ``start`` to ``stop`` (0-based, the header row first) as a grid."""
        import pyarrow.compute as pc

        stop = min(stop, self.height)
        columns = [_arrow_to_cells(pc, column.slice(start, stop - start),
                                   has_text.slice(start, stop - start))
                   for column, has_text in zip(self.stripped, self.filled)]
        return _Grid(columns, np.arange(start + 1, stop + 1), 0)


def _parse_with_pyarrow(name: str, text: str, delimiter: str, width: int,
                        limits: _Limits) -> _Grid | _ArrowGrid | None:
    """Fast path: every record has ``width`` cells. None when pyarrow refuses the text.

    The limits are checked on pyarrow's columns, before any cell becomes a Python object;
    a file with more cells than are read at once (but not more rows than a sheet may have)
    is kept as pyarrow's columns, to be read in parts.
    """
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.csv as pcsv
    except ImportError:
        return None
    names = [f"c{i}" for i in range(max(width, 1))]
    try:
        table = pcsv.read_csv(
            _arrow_owned_bytes(pa, text.encode("utf-8")),
            read_options=pcsv.ReadOptions(column_names=names, block_size=8 << 20),
            parse_options=pcsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        stripped = [pc.utf8_trim_whitespace(table.column(n)) for n in names]
    except Exception:  # ragged rows, a huge cell across blocks, anything odd
        return None
    filled = [pc.not_equal(column, "") for column in stripped]
    records = pc.sum(functools.reduce(pc.or_, filled)).as_py() or 0  # the non-blank ones
    del table
    if limits.exceeded(records - 1, len(names)) and records - 1 <= limits.rows:
        return _ArrowGrid(stripped, filled)
    limits.check(name, records - 1, len(names))  # the first is the header
    return _ArrowGrid(stripped, filled).grid(0, len(stripped[0]))


def _arrow_owned_bytes(pa, data: bytes):
    """A copy of ``data`` in memory Arrow owns, for pyarrow's threaded CSV reader.

    The reader is released by whichever thread finishes last, often one of pyarrow's own
    after ``read_csv`` has returned. Given a Python object (io.BytesIO, or a buffer over
    bytes), releasing it needs the GIL; if the interpreter is exiting by then (a refusal
    ends the command at once), Python ends that thread, and ending it inside a C++
    destructor aborts the process ("terminate called without an active exception", exit
    134). Memory Arrow owns is released without Python.
    """
    sink = pa.BufferOutputStream()
    sink.write(data)
    return sink.getvalue()


def _arrow_to_cells(pc, stripped, has_text) -> np.ndarray:
    """A stripped pyarrow string column as an object array, empty -> None."""
    cells = pc.if_else(has_text, stripped, None).to_numpy(zero_copy_only=False)
    return cells if cells.dtype == object else cells.astype(object)


def _parse_with_csv_module(name: str, text: str, delimiter: str, limits: _Limits) -> _Grid:
    """Slow path: ragged rows are padded or kept; blank lines become blank rows.

    Records are read in chunks and counted as they come, so a file over the limits is
    refused before all of it is held as Python objects.
    """
    _allow_long_fields(len(text))
    rows: list[list] = []
    filled, width = 0, 0  # non-blank records so far, and the most cells in one
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        while chunk := [[c.strip() or None for c in row] for row in itertools.islice(reader, CSV_CHUNK)]:
            rows += chunk
            filled += sum(map(any, chunk))
            width = max(width, *map(len, chunk))
            if limits.exceeded(filled - 1, width):  # the first is the header
                filled += sum(1 for row in reader if any(c.strip() for c in row))
                limits.check(name, filled - 1, width)
    except csv.Error:
        raise UnreadableFile(_damaged_text(name)) from None
    if width > MAX_COLUMNS:
        raise UnreadableFile(_too_wide_message(name, width))
    return _grid_from_rows(rows, 0, 0)


def _allow_long_fields(size: int) -> None:
    """Let Python's csv module read cells as long as the file (the default is 128 KB)."""
    if csv.field_size_limit() < size + 1:
        csv.field_size_limit(min(size + 1, sys.maxsize))


# ---------------------------------------------------------------------- shared: the sheet


def _build_sheet(sheet_name: str, grid: _Grid, notes: list[str],
                 count_blank: bool = True, file_name: str = "") -> RawSheet:
    """Header row, data rows, unique headers, dropped empty columns, notes (the blank rows
    skipped are told unless ``count_blank`` is False: a sheet read in parts tells them
    once all are read). ``file_name``, a workbook's name without its extension, may name
    the year of days written without one."""
    missing = [pd.isna(col) for col in grid.columns]
    blank = _blank_rows(missing, len(grid.row_numbers))
    filled = np.flatnonzero(~blank)
    if not len(filled):
        raise _EmptySheet()
    titles, grouped = _title_rows(grid, missing, filled)
    header_at, data_at = filled[titles], filled[titles + 1:]
    if not len(data_at):
        raise _HeaderOnly()
    notes = list(notes)
    footer = _footer_rows(grid, missing, blank, data_at) if count_blank else 0
    around = [str(col[i]) for i in [*filled[:titles], *data_at[len(data_at) - footer:]]
              for col in grid.columns if col[i] is not None]
    if footer:
        notes.append(_left_out_note(int(grid.row_numbers[data_at[-footer]]),
                                    int(grid.row_numbers[data_at[-1]]),
                                    "below the table (a footer)"))
        data_at = data_at[:-footer]
    totals = _totals_at_foot(grid, missing, data_at) if count_blank else []
    totalled_at: set[int] = set()
    if totals:
        totalled_at = _totalled_columns(grid, missing, data_at[-len(totals):],
                                        data_at[:-len(totals)])
        first, last = (int(grid.row_numbers[data_at[i]]) for i in (-len(totals), -1))
        notes.append(f"{f'row {first:,} is' if first == last else f'rows {first:,}-{last:,} are'}"
                     f" the table's totals ({', '.join(map(repr, totals))}), summing the rows "
                     "above: not imported as rows of their own, and nothing is lost")
        data_at = data_at[:-len(totals)]
    texts = [_header_text(col[header_at]) for col in grid.columns]
    if count_blank and len(data_at) > 1 and (named := _sub_headers(
            grid, missing, header_at, data_at[0], data_at[1], texts)):
        notes.append(f"row {int(grid.row_numbers[data_at[0]]):,} below the header names the "
                     f"columns under a header over several ({named}): read as one header")
        data_at = data_at[1:]
    second = _second_table(grid, missing, blank, data_at) if count_blank else 0
    if second:
        heads = ", ".join(_header_text(col[data_at[-second]]) for col, gaps
                          in zip(grid.columns, missing) if not gaps[data_at[-second]])
        notes.append(_left_out_note(int(grid.row_numbers[data_at[-second]]),
                                    int(grid.row_numbers[data_at[-1]]),
                                    f"below a blank row, a second table headed '{heads}',")
                     + "; to import it, put it on a sheet of its own")
        data_at = data_at[:-second]
    # (a sheet read in parts is neither: its parts are read apart)
    stacked = _Stacked() if not count_blank else _stacked(grid, missing, texts, filled, titles)
    if titles and stacked.group_rows and stacked.group_rows[0] == filled[titles - 1]:
        titles -= 1                                 # the first group's name, not a title
    if titles:
        notes.append(_left_out_note(int(grid.row_numbers[filled[0]]),
                                    int(grid.row_numbers[filled[titles - 1]]),
                                    "above the header (names over groups of its columns)"
                                    if grouped and titles == 1 else
                                    "above the header (a title, then names over groups of "
                                    "its columns)" if grouped else
                                    "above the header (a title)"))
    blank_count = int(blank.sum())
    if blank_count and count_blank:
        notes.append(blank_note(blank_count))
    merge_filled: dict[int, np.ndarray] = {}
    if grid.merged is not None and count_blank:
        notes += _fill_merged(grid, missing, blank, header_at, merge_filled)
    if stacked.repeats:
        data_at = np.setdiff1d(data_at, stacked.repeats + stacked.group_rows)
        notes += stacked.notes(grid.row_numbers)
        if not len(data_at):
            raise _HeaderOnly()
    kept, dropped = _kept_columns(grid, texts, data_at, missing)
    if dropped:
        notes.append(_dropped_note(dropped))
    if grid.unsaved is not None:
        notes += _unsaved_note(grid, texts, int(grid.row_numbers[header_at]))
    numbers = [grid.first_column + j + 1 for j in kept]
    headers = _unique_headers([texts[j] or f"column {n}" for j, n in zip(kept, numbers)])
    groups = stacked.groups(data_at) if stacked.group_rows else None
    if data_at[-1] - data_at[0] + 1 == len(data_at):  # no blank rows among the data: a view
        data_at = slice(int(data_at[0]), int(data_at[-1]) + 1)
    # (the grid is dropped after this: the frame may hold its arrays without copying them)
    frame = pd.DataFrame({h: grid.columns[j][data_at] for h, j in zip(headers, kept)},
                         columns=headers, dtype=object, copy=False)
    if groups is not None:
        group_header = _unique_headers([*headers, stacked.header(texts)])[-1]
        frame[group_header] = groups
        headers = [*headers, group_header]
        numbers.append(stacked.column + grid.first_column + 1)
        notes.append(stacked.group_note(grid.row_numbers, group_header))
    row_numbers = grid.row_numbers[data_at].tolist()
    merged_rows = {h: merge_filled[j][data_at] for h, j in zip(headers, kept)
                   if j in merge_filled}
    made_up = [h for h, j in zip(headers, kept) if not texts[j]]
    if made_up and count_blank:            # (a sheet read in parts is never a report)
        title = [str(col[filled[k]]) for k in range(titles) for col in grid.columns
                 if col[filled[k]] is not None]
        frame, row_numbers, headers, grouped = _ungrouped(frame, row_numbers, made_up, title)
        notes += grouped
        if grouped:
            merged_rows = {}                 # (its rows are others now)
    if count_blank and len(headers) > 1:
        frame, row_numbers, blocks = _client_blocks(frame, row_numbers)
        if blocks:
            headers, merged_rows = list(frame.columns), {}
            numbers.append(max(numbers) + 1)
            notes += blocks
    yearless: frozenset[str] = frozenset()
    if count_blank:
        frame, row_numbers, headings = _period_headings(frame, row_numbers)
        notes += headings
        title = " ".join(str(col[filled[k]]) for k in range(titles) for col in grid.columns
                         if col[filled[k]] is not None)
        notes += _range_starts(frame)
        years_notes, yearless = _years_added(frame, title, sheet_name, file_name)
        notes += years_notes
        notes += _start_months(frame)
        notes += _keyed_codes(frame, around)
    return RawSheet(
        name=sheet_name,
        headers=headers,
        frame=frame,
        row_numbers=row_numbers,
        column_letters=[column_letter(n) for n in numbers],
        notes=notes,
        blank_rows=blank_count,
        header_row=int(grid.row_numbers[header_at]),
        merged_rows=merged_rows,
        yearless=yearless,
        totalled=frozenset(h for h, j in zip(headers, kept) if j in totalled_at),
    )


def _totalled_columns(grid: _Grid, missing: list[np.ndarray], rows: np.ndarray,
                      body: np.ndarray) -> set[int]:
    """The columns (0-based, of the grid) the totals rows add up: a number under them, or
    a formula saved without its result. Not a number other than the sum of a column of
    numbers (a baker's 88 under "Price" of 2.50, 3 and 40: what was taken, each price times
    its quantity, not the prices added)."""
    found = {j for j, (column, gaps) in enumerate(zip(grid.columns, missing))
             if any(not gaps[i] and _a_number(column[i])
                    and not _not_its_sum(column[i], column, gaps, body) for i in rows)}
    if grid.unsaved is not None:
        numbers = {int(grid.row_numbers[i]) for i in rows}
        found |= {j - grid.first_column for j, at in grid.unsaved.columns().items()
                  if numbers & set(at)}
    return found


def _a_number(cell: object) -> bool:
    return isinstance(cell, (int, float)) and not isinstance(cell, bool)


def _not_its_sum(total: float, column: np.ndarray, gaps: np.ndarray, body: np.ndarray) -> bool:
    """Whether a totals row's figure is not the sum of the column above it, all numbers."""
    cells = [column[i] for i in body if not gaps[i]]
    return bool(cells) and all(map(_a_number, cells)) and abs(sum(cells) - total) > 0.005 * max(
        1.0, abs(total))


# A key to a column's codes written above or below the table ("Key: Green = paid, Amber =
# booked in, Red = quote not accepted"): each code, then "=" or ":", then what it means.
_KEY_WORD = re.compile(r"^\s*(?:colou?r\s+)?(?:key|legend|codes?)\s*[:=-]?\s*", re.IGNORECASE)
_KEY_PAIR = re.compile(r"^\s*([^\W\d_][\w ]{0,15}?)\s*[=:]\s*([^=:]+?)\s*$")


def _keyed_codes(frame: pd.DataFrame, around: list[str]) -> list[str]:
    """A column whose every cell is a code a key above or below the table explains (a
    colour in a "Status": "Green", "Amber") holds what the key says each means ("paid",
    "booked in"), which is read in its place (``frame`` changed in place). Returns a note."""
    key = {}
    for line in around:
        parts = re.split(r"[,;]", _KEY_WORD.sub("", line))
        pairs = [found for part in parts if (found := _KEY_PAIR.match(part))]
        if len(pairs) >= 2 and len(pairs) == len(parts):
            key.update({" ".join(code.split()).casefold(): meaning for code, meaning
                        in (found.groups() for found in pairs)})
    notes = []
    for header in frame.columns if key else ():
        cells = frame[header].dropna()
        codes = cells.astype(str).str.strip().str.casefold()
        if not len(cells) or codes.nunique() < 2 or not codes.isin(key).all():
            continue
        frame.loc[cells.index, header] = codes.map(key)
        written = dict(zip(codes, cells.astype(str).str.strip()))
        read = ", ".join(f"{written[code]!r} as {key[code]!r}" for code in written)
        notes.append(f"'{header}' holds codes the key beside the table explains: read "
                     f"{read}.")
    return notes


def _range_starts(frame: pd.DataFrame) -> list[str]:
    """In a column of dates, a stay or a booking written as a range of days ("10-14 Apr
    2025", "Apr 10-14, 2025", "10/04/2025 - 14/04/2025") is read as its first day
    (``date_range_start``; ``frame`` changed in place): the booking's date is the day it
    starts. Only where every other cell of the column is a date (with or without its year).
    Returns a note per column."""
    notes = []
    for header in frame.columns:
        found = match_header(header)[0]
        if found is not None and field_type(found) != DATE or names_a_birth_date(header):
            continue
        starts = date_range_starts(frame[header])
        ranged = starts.notna()
        if not ranged.any():
            continue
        cells = frame[header].dropna()
        starts, ranged = starts[cells.index], ranged[cells.index]
        others = cells[~ranged]
        if len(others) and (parse_dates(others)[1] & per_distinct(
                others, lambda cell: with_year(cell, 2000)).isna()).any():
            continue            # (a range among words: a note's, not a date's column)
        frame.loc[starts.index[ranged], header] = starts[ranged]
        count = int(ranged.sum())
        shown = ", ".join(list(dict.fromkeys(cells[ranged].astype(str)))[:2])
        notes.append(f"{counted(count, 'date')} in '{header}' written as a range of days "
                     f"({shown}) {was(count)} read as {'its' if count == 1 else 'their'} "
                     "first day: a stay's or a booking's date is the day it starts.")
    return notes


def _years_added(frame: pd.DataFrame, title: str, sheet_name: str,
                 file_name: str = "") -> tuple[list[str], frozenset[str]]:
    """In a column headed as a date, days written without a year ("2/1", "March 3") on a
    sheet whose title or name names one year ("Nails - January 2025"), or in a workbook
    whose file's name does ("Lessons 2025.xlsx"), are of that year: it is added to them
    (``frame`` changed in place). Where nothing names the year, they stay as written,
    unread, and the note says so. Returns a note per column, and the columns left unread
    for want of a year."""
    where, year = next(((said, found) for said in (title, sheet_name, file_name)
                        if (found := year_named(said)) is not None), (None, None))
    notes, yearless = [], set()
    for header in frame.columns:
        found = match_header(header)[0]
        if found is not None and field_type(found) != DATE or names_a_birth_date(header):
            continue                    # (a birthday has no year: it is every year's)
        dashed = per_distinct(frame[header], is_day_dash_month).eq(True).any()
        dated = per_distinct(frame[header],     # (2000, a leap year, where none is named)
                             lambda cell: with_year(cell, year or 2000, dashed))
        added = dated.notna()
        if added.any() and (by_order := _years_at_years_end(frame[header], added, dashed)):
            frame[header] = frame[header].where(~added, by_order[0])
            notes.append(by_order[1])
            continue
        if not added.any() or added.sum() * 2 < frame[header].notna().sum() and not (
                _all_of_year(frame[header].where(~added), year)) or (
                found is None and "date" not in str(header).casefold()
                and not dated[added].str.contains("[a-zA-Z]").all()):
            continue        # (bare "4/10" under a header naming no date: a score, a share)
        shown = ", ".join(list(dict.fromkeys(frame[header][added].astype(str)))[:2])
        if year is None:
            notes.append(f"{counted(int(added.sum()), 'date')} in '{header}' "
                         f"({shown}) {'gives' if added.sum() == 1 else 'give'} no year, and "
                         "nothing on the sheet or in its name says which: "
                         f"{'it was' if added.sum() == 1 else 'they were'} kept as written, "
                         "not read as dates (add the year to them, or to the sheet's name, "
                         "and import again).")
            yearless.add(header)
            continue
        frame[header] = frame[header].where(~added, dated)
        notes.append(f"{counted(int(added.sum()), 'date')} in '{header}' written without a "
                     f"year ({shown}) {was(int(added.sum()))} read in {year}, the year "
                     f"the {_named_by(where, title, sheet_name)} names ('{where}').")
    return notes, frozenset(yearless)


def _years_at_years_end(cells: pd.Series, yearless: pd.Series,
                        dashed: bool) -> tuple[pd.Series, str] | None:
    """In a diary's column of dates in order, days written without a year ("12 Jan") each
    between two dates a year's end apart ("15/12/25" above, "19/01/26" below): each takes
    the one of the two years that keeps it between them (12/01/2026), whatever year the
    title names; one at the diary's end ("12 Jan" after "15/12/25", nothing dated below) or
    its start ("28 Dec" above "03/01/26") takes the year over the year's end that keeps it
    in order within a season (``_A_SEASON``) of its neighbour. None unless every such day is
    settled so: one whose neighbours are of one year, or that fits its neighbour's year, is
    left to the title's year, as before. Returns the days with their year, and a note."""
    if yearless.sum() * 2 >= cells.notna().sum():
        return None
    found, bad, _ = parse_dates(cells.where(~yearless).dropna())
    if bad.any() or found.isna().any():
        return None
    days = pd.to_datetime(found, errors="coerce")
    if days.isna().any() or not days.is_monotonic_increasing:
        return None
    placed, years, at_an_end = {}, set(), False
    for at in cells.index[yearless]:
        before, after = days[days.index < at], days[days.index > at]
        if before.empty and after.empty:
            return None
        edge = before.empty or after.empty
        if edge:        # (at the diary's start or end: within a season of its neighbour,
            near = after.iloc[0] if before.empty else before.iloc[-1]    # over the year's end)
            step = 1 if before.empty else -1
            low, high = (near - _A_SEASON, near) if before.empty else (near, near + _A_SEASON)
            candidates = (near.year - step, near.year)
        elif after.iloc[0].year != before.iloc[-1].year + 1:
            return None
        else:
            low, high = before.iloc[-1], after.iloc[0]
            candidates = (low.year, high.year)
        fits = [(year, text) for year in candidates
                if (text := with_year(cells[at], year, dashed)) is not None
                and low <= pd.to_datetime(parse_dates(pd.Series([text]))[0].iloc[0],
                                          errors="coerce") <= high]
        if len(fits) != 1 or edge and fits[0][0] == near.year:
            return None     # (a day of its neighbour's year: the title's year, as before)
        at_an_end |= edge
        placed[at] = fits[0][1]
        years.add(fits[0][0])
    count = len(placed)
    shown = ", ".join(list(dict.fromkeys(cells[list(placed)].astype(str)))[:2])
    said = ", ".join(map(str, sorted(years)))
    if at_an_end:
        return pd.Series(placed, dtype=object).reindex(cells.index), (
            f"{counted(count, 'date')} in '{cells.name}' written without a year ({shown}) "
            f"{was(count)} read in {said}: the diary's dates are in order, and only that "
            "year keeps it in order over the year's end.")
    return pd.Series(placed, dtype=object).reindex(cells.index), (
        f"{counted(count, 'date')} in '{cells.name}' written without a year ({shown}) "
        f"{was(count)} read in {' and '.join(map(str, sorted(years)))}: the dates around "
        f"{'it' if count == 1 else 'them'}, in order, are a year's end apart, and only that "
        "year keeps the diary in order.")


# How far from its dated neighbour a day without a year at a diary's start or end may be
# read over the year's end ("12 Jan" after "15/12/25": 2026).
_A_SEASON = pd.Timedelta(days=92)


def _named_by(where: str, title: str, sheet_name: str) -> str:
    """Which name said a year: the sheet's title, its name, or the file's name."""
    return ("sheet's title" if where == title else "sheet's name" if where == sheet_name
            else "file's name")


def _all_of_year(cells: pd.Series, year: int | None) -> bool:
    """Whether a column's other dates, all read, are all of the year the title names: a
    few days written without it among them ("14 Jan" among "07/01/25") are of it too."""
    found, bad, _ = parse_dates(cells.dropna())
    return year is not None and found.notna().any() and not bad.any() and bool(
        pd.to_datetime(found.dropna(), errors="coerce").dt.year.eq(year).all())


def _start_months(frame: pd.DataFrame) -> list[str]:
    """In a column naming when each client started or joined (``STARTED_HEADER``, or one
    read as the first contact: "Joined", "Member since"), a month and a year with no day
    ("Jan 2024", "Feb-24", "02/2024", "2024-02") is the 1st of that month, and a year alone
    beside them ("2023") its 1st of January (``frame`` changed in place), where those and
    the column's whole dates are at least half its cells. Not beside days written "24-Feb"
    (there "Feb-24" is a day too), nor in a birthday's column. Returns a note per column."""
    notes = []
    for header in frame.columns:
        named = normalise_header(header)
        if names_a_birth_date(header) or not (STARTED_HEADER.search(named)
                                              or match_header(header)[0] == "first_contact"):
            continue
        cells = frame[header].dropna()
        months = per_distinct(cells, month_year_start)
        if not months.notna().any() or per_distinct(cells, is_day_dash_month).eq(True).any():
            continue
        years = cells.map(lambda cell: f"{int(cell)}-01-01" if str(cell).strip().isdigit()
                          and 1900 <= int(cell) <= 2099 else None)
        dated = ~parse_dates(cells.where(months.isna() & years.isna()))[1] & months.isna() \
            & years.isna()
        if (months.notna() | years.notna() | dated).sum() * 2 < len(cells):
            continue
        shown = ", ".join(list(dict.fromkeys(cells[months.notna()].astype(str)))[:2])
        frame.loc[months.index, header] = months.fillna(years).fillna(cells)
        note = (f"{counted(int(months.notna().sum()), 'date')} in '{header}' written as a "
                f"month and a year ({shown}) {was(int(months.notna().sum()))} read as the "
                "1st of that month")
        if years.notna().any():
            alone = ", ".join(list(dict.fromkeys(cells[years.notna()].astype(str)))[:2])
            note += (f"; {counted(int(years.notna().sum()), 'year')} written alone ({alone})"
                     " as its 1st of January")
        notes.append(note + ".")
    return notes


# A report grouped by a column without a header (QuickBooks' "Sales by Customer Detail"):
# a row holding only the group's name, the group's rows below it, then its total.
_TOTAL_ROW = re.compile(r"\s*(?:grand\s+)?totals?\b|\s*(?:subtotal|gesamt|summe|suma|somme|"
                        r"totale|somma|totaal|subtotaal|eindtotaal)\b",
                        re.IGNORECASE)
_REPORT_BY = re.compile(r"\bby\s+([^\W\d][\w/&' -]*?)(?:\s+(?:detail|summary|report))?\s*$",
                        re.IGNORECASE)


def _ungrouped(frame: pd.DataFrame, row_numbers: list[int], made_up: list[str],
               title: list[str]) -> tuple[pd.DataFrame, list[int], list[str], list[str]]:
    """A report grouped by a column without a header, as a table: each group's name is
    given to the rows below it, its own row and its total row are left out (with a note),
    and the column is named after the report's title ("Sales by Customer Detail" ->
    "Customer"). Anything else is returned as it is."""
    others = frame.notna().sum(axis=1)
    for header in made_up:
        named = frame[header].notna()
        total = named & frame[header].astype(str).str.match(_TOTAL_ROW)
        heads = named & ~total
        details = ~named & (others > 0)
        if heads.sum() < 2 or (others[heads] > 1).any() or details.sum() < heads.sum():
            continue
        group = frame[header].where(heads).ffill()
        keep = details.to_numpy()
        frame = frame.assign(**{header: group})[keep].reset_index(drop=True)
        by = next((m.group(1).strip() for line in title if (m := _REPORT_BY.search(line))), None)
        renamed = by.title() if by and by.casefold() not in {h.casefold() for h in frame} else None
        if renamed:
            frame = frame.rename(columns={header: renamed})
        note = (f"{counted(int(heads.sum()), 'row')} naming a group and "
                f"{counted(int(total.sum()), 'row')} of totals were not imported as rows: the "
                f"report is grouped, so each group's name went to the rows below it"
                + (f", as column '{renamed}'" if renamed else f", in '{header}'"))
        return (frame, [n for n, k in zip(row_numbers, keep) if k], list(frame.columns), [note])
    return frame, row_numbers, list(frame.columns), []


def _alone_in_first(frame: pd.DataFrame) -> pd.Series:
    """Rows with nothing written right of the first column. Column by column, stopping once
    no row is left: on a sheet of full rows that is two columns read, not a copy of all."""
    alone = np.ones(len(frame), dtype=bool)
    for position in range(1, frame.shape[1]):
        alone &= pd.isna(frame.iloc[:, position].to_numpy())
        if not alone.any():
            break
    return pd.Series(alone, index=frame.index)


def _client_blocks(frame: pd.DataFrame, row_numbers: list[int]
                   ) -> tuple[pd.DataFrame, list[int], list[str]]:
    """A year's sheet kept as a block per client (a dog groomer's: the client's name alone
    on a row in the first column, their sessions below it, each with its date there): each
    name is given to the rows below it, in a new last column 'Client', and the rows naming
    them are left out, said in a note. Not where a column names the client already, nor
    where a heading is a period ("January", "Week 3": a year's sheet by month) or names no
    client (``NAMES_NO_CLIENT``: "Wholesale", "Retail"). Anything else is returned as it is."""
    first = frame.columns[0]
    cells = frame[first]
    if (not len(frame) or pd.isna(cells.iloc[0]) or frame.iloc[0, 1:].notna().any()
            or any(match_header(h)[0] in WHOSE_FIELDS for h in frame.columns)):
        return frame, row_numbers, []          # (the cheap checks first: the first row)
    alone = cells.notna() & _alone_in_first(frame)
    if alone.sum() < 2:
        return frame, row_numbers, []
    texts = cells[alone].map(lambda cell: cell.strip() if isinstance(cell, str) else "")
    if any(period_of(text) or NAMES_NO_CLIENT.search(text) for text in texts):
        return frame, row_numbers, []
    heads = alone & texts.reindex(frame.index, fill_value="").str.contains(
        r"[^\W\d_]{2}") & ~texts.reindex(frame.index, fill_value="").str.match(_TOTAL_ROW)
    details = ~alone & frame.notna().sum(axis=1).ge(2)
    if (heads != alone).any() or details.sum() < heads.sum():
        return frame, row_numbers, []
    from .. import values                       # (dates as the import reads them)
    _, undated, *_ = values.parse_dates(cells[details])
    if undated.any() or not values.parse_dates(cells[heads])[1].all():
        return frame, row_numbers, []
    header = next(h for h in ("Client", "Client (block)", "Client (rows above)")
                  if h not in frame.columns)
    keep = (~heads).to_numpy()
    frame = frame.assign(**{header: cells.where(heads).ffill()})[keep].reset_index(drop=True)
    count = int(heads.sum())
    return frame, [n for n, k in zip(row_numbers, keep) if k], [
        f"{counted(count, 'row')} holding a name alone in '{first}' above rows of dates "
        f"{'was' if count == 1 else 'were'} read as the client of the rows below "
        f"{'it' if count == 1 else 'each'}, in a new column '{header}', not as rows of "
        "their own"]


_YEAR_AFTER = re.compile(r"\s*[-,']?\s*(?:19|20)?\d\d\s*$")


def _period_headings(frame: pd.DataFrame, row_numbers: list[int]
                     ) -> tuple[pd.DataFrame, list[int], list[str]]:
    """Rows holding a period alone in the first column ("JANUARY", "March 2025", "Week 3":
    a year's book kept in one sheet, a heading over each month's rows) among rows of two or
    more cells are headings, not rows: left out, said in a note. Over a first column of
    names, not days, a month written as a given name ("June", "April") is a person's row.
    Anything else is returned as it is."""
    if len(frame.columns) < 2 or not len(frame):
        return frame, row_numbers, []
    cells = frame[frame.columns[0]]
    alone = _alone_in_first(frame)
    alone &= cells.map(lambda cell: isinstance(cell, str)) if alone.any() else alone
    if not alone.any() or frame.notna().sum(axis=1).ge(2).sum() < 2:
        return frame, row_numbers, []
    heads = alone & cells.where(alone, "").map(
        lambda text: bool(text.strip()) and (period_of(text.strip()) not in (None, "date")
                                             or period_of(_YEAR_AFTER.sub("", text)) == "month"))
    # Over a column of names, not of days, "June" or "Summer" alone is a person with nothing
    # else written (``PERIODS_ALSO_NAMES``), unless other periods head rows there ("Jan"
    # beside "Feb").
    others = cells[~alone].dropna()
    named = heads & cells.where(heads, "").map(
        lambda text: text.strip().casefold() in PERIODS_ALSO_NAMES and not text.strip().isupper())
    if named.any() and not (heads & ~named).any() and (others.map(
            lambda cell: isinstance(cell, str) and not re.search(r"\d", cell)).mean() > 0.5):
        heads &= ~named
    if not heads.any():
        return frame, row_numbers, []
    keep = (~heads).to_numpy()
    said = ", ".join(str(text).strip() for text in cells[heads].unique()[:3])
    count = int(heads.sum())
    return frame[keep].reset_index(drop=True), [n for n, k in zip(row_numbers, keep) if k], [
        f"{counted(count, 'row')} holding a period alone ({said}) "
        f"{'heads' if count == 1 else 'head'} the rows below: not imported as "
        f"{'a row' if count == 1 else 'rows'} of {'its' if count == 1 else 'their'} own"]


def _fill_merged(grid: _Grid, missing: list[np.ndarray], blank: np.ndarray,
                 header_at: int, filled: dict[int, np.ndarray]) -> list[str]:
    """Give each range of cells merged over several rows below the header its value (which
    calamine gives to the range's first cell only) in each of its rows, in the range's
    first column: a client's name merged over its contacts' rows names each of them. A
    range across columns only (a header over two columns) is left as it is, and so are the
    columns of a range right of its first, blank rows, cells with a value of their own and
    rows outside the grid. Returns the note, or none; ``filled`` gets, per column index,
    the grid rows given a value so."""
    merged, numbers = grid.merged, grid.row_numbers
    if merged.too_many:
        return [f"the sheet has more than {MAX_MERGES:,} ranges of merged cells; each was "
                "read as it is, the value in its first cell only"]
    height = len(numbers)
    if not height or int(numbers[-1]) - int(numbers[0]) + 1 != height:
        return []
    first, last, header = int(numbers[0]), int(numbers[-1]), int(numbers[header_at])
    budget = height * len(grid.columns)     # ranges do not overlap: more is a crafted file
    used = []
    for top, left, bottom, right in merged.ranges:
        j = left - grid.first_column
        if bottom <= top or top <= header or top > last or not 0 <= j < len(grid.columns):
            continue
        start, stop = top - first, min(bottom, last) - first + 1
        budget -= stop - start
        if budget < 0:
            break
        value = grid.columns[j][start]
        if value is None:
            continue
        below = slice(start + 1, stop)
        empty = missing[j][below] & ~blank[below]
        if empty.any():
            grid.columns[j][below][empty] = value
            missing[j][below][empty] = False
            filled.setdefault(j, np.zeros(height, dtype=bool))[below][empty] = True
            used.append(f"{column_letter(left + 1)}{top}:{column_letter(right + 1)}{bottom}")
    if not used:
        return []
    listed = ", ".join(used[:4]) + (", ..." if len(used) > 4 else "")
    return [f"cells merged over several rows ({listed}) were read as the value in each row"]


@dataclass
class _Stacked:
    """Tables stacked in one sheet under one header (a Monday.com board: each group's name,
    its header row again, its items): grid indexes of the header's repeats below it and of
    the rows naming a group, and where each group starts."""

    repeats: list[int] = field(default_factory=list)
    group_rows: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)     # the header and each repeat
    names: list = field(default_factory=list)           # the group each starts (or None)
    column: int = 0                                     # grid column of the groups' names

    def groups(self, data_at: np.ndarray) -> np.ndarray:
        """The name of the group of each row (grid indexes)."""
        at = np.searchsorted(np.asarray(self.starts), data_at, side="right") - 1
        names = np.empty(len(self.names), dtype=object)
        names[:] = self.names
        return names[at]

    def header(self, texts: list[str]) -> str:
        """The groups' column: 'Stage' (a board's groups are usually its stages) unless the
        header has a stage already, else 'Group'."""
        has_stage = any(text.casefold() == "stage" for text in texts)
        return "Group" if has_stage else "Stage"

    def notes(self, numbers: np.ndarray) -> list[str]:
        rows = rows_text([int(numbers[i]) for i in self.repeats])
        return [f"the header row is repeated further down ({rows}): "
                f"{'it was' if len(self.repeats) == 1 else 'they were'} not imported as rows"]

    def group_note(self, numbers: np.ndarray, header: str) -> str:
        rows = rows_text([int(numbers[i]) for i in self.group_rows])
        return (f"{counted(len(self.group_rows), 'row')} ({rows}) naming a group of the rows "
                f"below {'it' if len(self.group_rows) == 1 else 'them'} "
                f"{was(len(self.group_rows))} not imported as rows: "
                f"each group's name went to its rows, as column '{header}'")


def _stacked(grid: _Grid, missing: list[np.ndarray], texts: list[str], filled: np.ndarray,
             titles: int) -> _Stacked:
    """Where the header row (``filled[titles]``) is repeated below, cell for cell, and which
    repeats have a row of one cell right above them: that row names the group the repeat
    heads (and the title row right above the header, if of one cell, names the first).
    Nothing for a header of fewer than two labels."""
    header_at = int(filled[titles])
    labelled = [j for j, text in enumerate(texts) if text]
    if len(labelled) < 2:
        return _Stacked()
    below = filled[titles + 1:]
    repeats = below[grid.columns[labelled[0]][below] == grid.columns[labelled[0]][header_at]]
    for j, column in enumerate(grid.columns):     # (narrowed column by column, in numpy)
        if not len(repeats):
            return _Stacked()
        repeats = (repeats[column[repeats] == column[header_at]] if texts[j] else
                   repeats[missing[j][repeats]])
    if not len(repeats):
        return _Stacked()
    stacked = _Stacked(repeats=[int(i) for i in repeats], starts=[header_at], names=[None])
    position = {int(i): k for k, i in enumerate(filled)}
    first_name = None
    for at in [header_at, *stacked.repeats]:
        k = position[at]
        above = int(filled[k - 1]) if k else -1
        one_cell = (above >= 0 and grid.row_numbers[above] + 1 == grid.row_numbers[at]
                    and above not in stacked.repeats
                    and sum(not column[above] for column in missing) == 1)
        if at == header_at:
            first_name = above if one_cell and titles else None
            continue
        stacked.starts.append(at)
        stacked.names.append(None)
        if one_cell and above > header_at:
            stacked.group_rows.append(above)
            stacked.names[-1] = _header_text(_only_cell(grid, missing, above))
    if stacked.group_rows and first_name is not None:
        stacked.group_rows.insert(0, first_name)
        stacked.names[0] = _header_text(_only_cell(grid, missing, first_name))
    if stacked.group_rows:
        row = stacked.group_rows[0]
        stacked.column = next(j for j, column in enumerate(missing) if not column[row])
    return stacked


def _only_cell(grid: _Grid, missing: list[np.ndarray], row: int):
    """The value of a row of one cell."""
    return next(grid.columns[j][row] for j, column in enumerate(missing) if not column[row])


# A title above a table: at most this many rows, each of at most two cells.
TITLE_ROWS = 10
_TITLE_CELLS = 2
_BELOW_ROWS = 20  # rows below a header looked at for data


def _title_rows(grid: _Grid, missing: list[np.ndarray], filled: np.ndarray) -> tuple[int, bool]:
    """How many of the first non-blank rows (``filled``: their indexes in ``grid``) are a
    title above the header, as a person reads a report, and whether the last of them
    names groups of columns. 0 unless each is at most ``_TITLE_CELLS`` cells and under
    half as wide as the row below them, and that row heads a table (``_heads_table``); or
    the last is a wider row naming groups of the header's columns (``_names_groups``:
    Mercado Libre's "Ventas | Facturación | Envíos"). A sheet whose first row has more
    cells (nearly every sheet) is decided by that row alone."""
    widths: list[int] = []
    for k in range(min(TITLE_ROWS, len(filled) - 1)):
        widths.append(sum(not column[filled[k]] for column in missing))
        if widths[k] > _TITLE_CELLS:
            return (k + 1, True) if _names_groups(grid, missing, filled, k) else (0, False)
        if _heads_table(grid, missing, filled, k + 1, max(widths)):
            if k + 2 < len(filled) and _names_groups(grid, missing, filled, k + 1):
                return k + 2, True
            return k + 1, False
    return 0, False


def _names_groups(grid: _Grid, missing: list[np.ndarray], filled: np.ndarray, at: int) -> bool:
    """Whether the non-blank row ``filled[at]`` names groups of the columns of the row
    below it, as a row of merged cells over a header does: distinct labels only, each over
    a labelled cell of a wider row below, which heads a table (``_heads_table``), and each
    but the last with a blank cell after it (a name over two columns or more)."""
    row, header = filled[at], filled[at + 1]
    cells = [column[row] for column, gaps in zip(grid.columns, missing) if not gaps[row]]
    width = sum(not gaps[header] for gaps in missing)
    # each name over two columns or more (a merged cell's), but the last one's
    spans = [j for j, gaps in enumerate(missing) if not gaps[row]]
    last = max(j for j, gaps in enumerate(missing) if not gaps[header])
    return (width > len(cells) and all(map(_is_label, cells))
            and all(j + 1 < len(missing) and missing[j + 1][row] for j in spans if j < last)
            and len({str(cell).casefold() for cell in cells}) == len(cells)
            and all(_is_label(column[header]) for column, gaps in zip(grid.columns, missing)
                    if not gaps[row])
            and _heads_table(grid, missing, filled, at + 1, 0))


def _heads_table(grid: _Grid, missing: list[np.ndarray], filled: np.ndarray, at: int,
                 above: int) -> bool:
    """Whether the non-blank row ``filled[at]`` looks like a header below title rows at
    most ``above`` cells wide: more than twice as wide; at least three labels, mostly
    distinct and two thirds of its cells or more; and either the last row with a value
    (a header without data) or, of the ``_BELOW_ROWS`` rows below, a quarter or more over
    half as wide as it (a table's rows, not a report's lines of text: Journey's own
    Overview sheet) and a labelled column holding data."""
    row = filled[at]
    cells = {j: column[row] for j, column in enumerate(grid.columns) if not missing[j][row]}
    labels = {j: value for j, value in cells.items() if _is_label(value)}
    if (len(cells) <= 2 * above or len(labels) < 3 or 3 * len(labels) < 2 * len(cells)
            or 5 * len({text.casefold() for text in labels.values()}) < 4 * len(labels)):
        return False
    below = filled[at + 1:at + 1 + _BELOW_ROWS]
    if not len(below):
        return True
    wide = sum(2 * sum(not column[i] for column in missing) > len(cells) for i in below)
    return (wide > 0 and 4 * wide >= len(below)
            and any(_is_data(grid.columns[j][i]) for j in labels for i in below))


def _sub_headers(grid: _Grid, missing: list[np.ndarray], header_at: int, below: int,
                 after: int, texts: list[str]) -> str:
    """Where the row below the header names only the columns under a header cell merged
    over several ("Last tuning" over "Date" and "Fee"), each of those columns is headed by
    both ("Contact Name" where that names a field, else "Date (Last tuning)"; ``texts``
    changed in place): the row is the header's second line. The row's cells must be labels, at least two, each under a header's span (the
    cell that starts it or a blank one after it), one at least under a blank, no two alike,
    and the row ``after`` it must hold some value that is no label in those columns (a row
    of words over more words is data: "Ann", "Smith", "London"). Returns the headers made,
    listed, or "" where the row is no such line."""
    spans, group = {}, None
    for j, gaps in enumerate(missing):
        if not gaps[header_at]:
            group = j
        spans[j] = group
    cells = {j: column[below] for j, column in enumerate(grid.columns) if not missing[j][below]}
    under_blank = [j for j in cells if missing[j][header_at]]
    if (len(cells) < 2 or not under_blank or not all(map(_is_label, cells.values()))
            or any(spans[j] is None for j in cells)
            or any(not (missing[j][header_at] or j + 1 < len(missing)
                        and missing[j + 1][header_at]) for j in cells)
            or len({_header_text(cell) for cell in cells.values()}) < len(cells)
            or all(missing[j][after] or _is_label(grid.columns[j][after]) for j in cells)):
        return ""
    groups = {j: texts[spans[j]] for j in cells}
    for j, cell in cells.items():
        # "Contact" over "Name": "Contact Name", a field's header; else "Fee (Last tuning)"
        joined = f"{groups[j]} {_header_text(cell)}"
        texts[j] = (joined if match_header(joined)[0] else
                    f"{_header_text(cell)} ({groups[j]})")
    return ", ".join(f"'{texts[j]}'" for j in cells)


def _is_label(value) -> bool:
    """A cell that can be a column's header: text with a letter, not an e-mail address."""
    return isinstance(value, str) and "@" not in value and any(c.isalpha() for c in value)


def _is_data(value) -> bool:
    """A cell no header holds: a number, date or truth value, an e-mail address, or text
    of digits without a letter (amounts, dates and phone numbers written as text)."""
    if value is None:
        return False
    if not isinstance(value, str):
        return True
    return "@" in value or (any(c.isdigit() for c in value)
                            and not any(c.isalpha() for c in value))


# A footer's cell reads as a report's words ("4 record(s) downloaded", "Seller ID: shop1",
# "Generated on 2024-05-01", "Page 1 of 2"), not as a client's name ("Studio 54").
# (a colon with something after it, "Seller ID : shop", not a label over rows below, "New
# from the fair:"; a total with a number, not a client called "Total Fitness")
_FOOTER_WORDS = re.compile(r":\s*\S|\w\s*=\s*\w|\brecords?\b|\btotal\b.*\d|\d.*\btotal|generated|exported|"
                           r"downloaded|\breport\b|printed|\bpage \d|copyright|\(c\)|©|"
                           r"confidential|rights reserved", re.IGNORECASE)


def _footer_rows(grid: _Grid, missing: list[np.ndarray], blank: np.ndarray,
                 data_at: np.ndarray) -> int:
    """How many of the last rows are a footer below the table, as a report's summary or
    source lines are: rows after a blank row, at most ``TITLE_ROWS``, each of at most
    ``_TITLE_CELLS`` cells, one of them at least reading as a report's words
    (``_FOOTER_WORDS``: "Generated by: ...", beside the company's name), below a table
    whose rows are over twice as wide. 0 when there is none: a last client with a name
    alone stays a client."""
    def width(i) -> int:
        return sum(not column[i] for column in missing)

    def wordy(i) -> bool:
        return all(_FOOTER_WORDS.search(str(column[i])) for column, gaps in
                   zip(grid.columns, missing) if not gaps[i])

    found = 0
    said = False                             # some row of the block reads as a report's
    for k in range(1, min(TITLE_ROWS, len(data_at) - 1) + 1):
        row = data_at[-k]
        if width(row) > _TITLE_CELLS:
            break
        said = said or wordy(row)
        if blank[row - 1] and said:
            found = k                        # the footer starts after the blank row
    if not found:
        return 0
    table = [width(i) for i in data_at[-found - _BELOW_ROWS:-found]]
    footer = max(width(i) for i in data_at[-found:])
    return found if np.median(table) > 2 * footer else 0


# A totals row's label, in its first cell: "Total", "Grand total", "Totals:", "Total
# clients: 2", "Count: 12", "Average", "Sum 1,220.50" (a label with a number after it,
# never a name such as "Total Fitness").
_TOTALS_LABEL = re.compile(
    r"^(?:(?:grand|sub)\s*totals?|totals?|sum|count|average|avg|number of rows|"
    r"(?:total|number of)\s+(?:clients|customers|orders|sales|invoices|rows|records|"
    r"contacts|members|leads|deals|jobs|bookings|items|amount|revenue))"
    r"\s*:?\s*[-+$€£]?\s*[\d.,\s]*$", re.IGNORECASE)


# ... and the rows a totals block holds beside them ("Subtotal", "VAT", "Total"): its tax,
# charges, discount and what is left to pay, each a label with maybe a rate and an amount.
_FOOT_LABEL = re.compile(
    r"^(?:vat|tax|taxes|gst|hst|pst|sales\s*tax|iva|tva|mwst|btw|shipping|delivery|postage|"
    r"discount|tips?|service\s*charge|fees?|balance(?:\s*due)?|amount\s*due|deposit|"
    r"less\s*deposit|paid)\s*:?\s*(?:@?\s*\(?\d+(?:[.,]\d+)?\s*%\)?)?\s*[-+$€£]?\s*[\d.,\s]*$",
    re.IGNORECASE)


def _totals_at_foot(grid: _Grid, missing: list[np.ndarray], data_at: np.ndarray) -> list[str]:
    """The labels of the last rows that are the table's totals ("Total", "Grand total",
    "Count: 12" as the row's first cell, with fewer cells than the rows above fill; with
    the tax and charges between them: "Subtotal", "VAT 20%", "Total"), last row last;
    empty when the last row is a row of data."""
    def width(i) -> int:
        return sum(not column[i] for column in missing)

    def first_cell(i):
        return next((column[i] for column, gaps in zip(grid.columns, missing) if not gaps[i]),
                    None)

    labels: list[str] = []
    for row in data_at[::-1][:TITLE_ROWS]:
        label = first_cell(row)
        if not (isinstance(label, str) and (_TOTALS_LABEL.match(label.strip())
                                            or _FOOT_LABEL.match(label.strip()))):
            break
        labels.append(label.strip())
    if not any(_TOTALS_LABEL.match(label) for label in labels) or len(labels) >= len(data_at):
        return []           # (a "VAT" row with no total below it is no totals block)
    table = [width(i) for i in data_at[-len(labels) - _BELOW_ROWS:-len(labels)]]
    if max(width(i) for i in data_at[-len(labels):]) >= np.median(table):
        return []
    return labels[::-1]


_DATA_SHARE = 0.8    # a column holding data (or labels) in this share of its cells
_SECOND_TABLE_TRIES = 200  # rows after a blank row looked at for a second table's header


def _second_table(grid: _Grid, missing: list[np.ndarray], blank: np.ndarray,
                  data_at: np.ndarray) -> int:
    """How many of the last rows are a second table below the first (suppliers under the
    clients), from its header on: a row after a blank row whose cells are two or more
    distinct labels, none of them again in its column below (a header's words head its
    rows, they are not among them), over columns half or more of which change in kind
    there: data in the rows above (``_DATA_SHARE`` of them: amounts, dates, e-mail
    addresses, phone numbers) and mostly labels below, or the other way round. 0 when
    there is none: a client with "n/a" for an e-mail stays a client, as the rows below it
    have e-mail addresses again; leads below a blank row ("Dee Fox, TBC, Lead") stay
    clients, as "TBC" and "Lead" are on the rows below too. (The first
    ``_SECOND_TABLE_TRIES`` rows after a blank row are looked at.)"""
    after_blank = np.flatnonzero(blank[data_at[1:-1] - 1]) + 1
    for k in after_blank[:_SECOND_TABLE_TRIES]:
        row = data_at[k]
        filled = [j for j, gaps in enumerate(missing) if not gaps[row]]
        cells = [grid.columns[j][row] for j in filled]
        if (len(cells) < 2 or not all(map(_is_label, cells))
                or len({str(c).casefold() for c in cells}) < len(cells)):
            continue
        above, below = data_at[max(0, k - _BELOW_ROWS):k], data_at[k + 1:k + 1 + _BELOW_ROWS]
        changed = judged = 0
        for j, cell in zip(filled, cells):
            column, gaps = grid.columns[j], missing[j]
            under = [column[i] for i in below if not gaps[i]]
            if str(cell).casefold() in {str(v).casefold() for v in under}:
                break                                # a value of its column, no header
            was = [_is_data(column[i]) for i in above if not gaps[i]]
            now = [_is_data(v) for v in under]
            if len(was) < 2 or not now:
                continue
            judged += 1
            changed += ((sum(was) >= _DATA_SHARE * len(was) and 2 * sum(now) < len(now))
                        or (len(now) >= 2 and sum(was) <= (1 - _DATA_SHARE) * len(was)
                            and sum(now) >= _DATA_SHARE * len(now)))
        else:
            if changed and 2 * changed >= judged:
                return len(data_at) - k
    return 0


def _unsaved_note(grid: _Grid, texts: list[str], header_row: int) -> list[str]:
    """The formulas below the header saved without their result, by column: 'column G
    (Total) has 6 formulas saved without their results ...'."""
    said, total = [], 0
    for j, rows in sorted(grid.unsaved.columns().items()):
        count = sum(row > header_row for row in rows)
        k = j - grid.first_column
        if count and 0 <= k < len(texts):
            header = f" ({texts[k]})" if texts[k] else ""
            said.append(f"column {column_letter(j + 1)}{header} has "
                        f"{counted(count, 'formula')}")
            total += count
    if not said:
        return []
    return [f"{'; '.join(said)} saved without "
            f"{'its result, so that cell' if total == 1 else 'their results, so those cells'}"
            " came in empty: open the file in Excel or LibreOffice, save it and import it "
            "again to read them"]


def _left_out_note(first: int, last: int, where: str) -> str:
    """'rows 1-3 above the header (a title) were not imported' (``where``: the words after
    the rows)."""
    if first == last:
        return f"row {first:,} {where} was not imported"
    return f"rows {first:,}-{last:,} {where} were not imported"


def whole_sheet(raw: RawSheet) -> RawSheet:
    """A sheet read in parts as one (all its cells in memory at once)."""
    if raw.more is None:
        return raw
    parts = [raw, *raw.more()]
    blank = sum(part.blank_rows for part in parts)
    notes = [n for part in parts for n in part.notes] + ([blank_note(blank)] if blank else [])
    frame = pd.concat([part.frame for part in parts], ignore_index=True)
    return RawSheet(raw.name, raw.headers, frame,
                    [n for part in parts for n in part.row_numbers], raw.column_letters,
                    list(dict.fromkeys(notes)), blank_rows=blank, header_row=raw.header_row)


def blank_note(count: int) -> str:
    """'3 blank rows skipped'."""
    return f"{count:,} blank row{'s' if count != 1 else ''} skipped"


def _blank_rows(missing: list[np.ndarray], height: int) -> np.ndarray:
    """True for rows where every cell is None (``missing``: each column's empty cells)."""
    blank = np.ones(height, dtype=bool)
    for col in missing:
        blank &= col
    return blank


def _kept_columns(
    grid: _Grid, texts: list[str], data_at: np.ndarray, missing: list[np.ndarray]
) -> tuple[list[int], list[str]]:
    """Indexes of columns to keep; names of dropped ones (no header and no data)."""
    kept, dropped = [], []
    for j, text in enumerate(texts):
        if not text and missing[j][data_at].all():
            dropped.append(f"column {grid.first_column + j + 1}")
        else:
            kept.append(j)
    return kept, dropped


def _dropped_note(dropped: list[str]) -> str:
    """'empty column 'column 39' dropped' or a summary for several."""
    if len(dropped) == 1:
        return f"empty column '{dropped[0]}' dropped"
    listed = ", ".join(f"'{d}'" for d in dropped[:5]) + (", ..." if len(dropped) > 5 else "")
    return f"{len(dropped):,} empty columns without a header dropped ({listed})"


def _header_text(value) -> str:
    """A header cell as text: 2023.0 -> '2023', dates as ISO dates, None -> ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _unique_headers(headers: list[str]) -> list[str]:
    """Make headers unique ignoring case: later duplicates get ' (2)', ' (3)'."""
    used: set[str] = set()
    result = []
    for header in headers:
        candidate, k = header, 1
        while candidate.casefold() in used:
            k += 1
            candidate = f"{header} ({k})"
        used.add(candidate.casefold())
        result.append(candidate)
    return result


def column_letter(number: int) -> str:
    """Spreadsheet column letter for a 1-based column number: 1 -> 'A', 27 -> 'AA'."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ------------------------------------------------------------------------------ messages


def _damaged(name: str) -> str:
    return (
        f"{name} is damaged or incomplete (perhaps cut short during upload), so it cannot be read as a "
        "spreadsheet; open it in Excel, save it again and upload the new copy."
    )


def _damaged_text(name: str) -> str:
    return f"{name} could not be split into rows and cells; save it again as CSV and upload the new copy."


def _password(name: str) -> str:
    return f"{name} is password-protected; save it without a password and upload it again."


def _too_big_unpacked(name: str, size: int) -> str:
    size_text, limit_text = _size_pair(size, MAX_UNCOMPRESSED_BYTES)
    return (f"{name} unpacks to {size_text}, more than the {limit_text} this app reads "
            "safely; split it into smaller files.")


def _too_wide_message(name: str, width: int) -> str:
    return f"{name} has {width:,} columns; the most this app reads is {MAX_COLUMNS:,}."
