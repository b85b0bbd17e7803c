"""Column-wise reading of large .xlsx/.xlsm worksheets with fastexcel (Arrow).

``journey.ingest.read`` reads workbooks with python-calamine, which hands every cell over as
a Python object. For an .xlsx worksheet this module reads the same cells a column at a
time through fastexcel (calamine underneath, Arrow arrays out), about half the time for a
100,000-row tracker. It answers only when it can be sure to give the cells the
cell-by-cell way gives, else None, and the caller reads that sheet the ordinary way:

- fastexcel numbers rows from the first row with a value, and does not say which sheet
  row that is. The reader's zip check (which inflates every member anyway) notes, per
  worksheet member, the first and last row holding a value (``RowSpan``); fastexcel's
  height must agree with them.
- fastexcel takes the first row as the header and names the columns: names it made up
  (an empty or date header cell) and names it made unique ("Name_1") are not the cell's
  text, so such a sheet is read the ordinary way.
- A column mixing kinds (numbers and text) comes back as text. Dates written so are
  turned back into dates; a sheet where that text could have been typed, or a number
  rounded (see _WRITTEN_DATETIME), or with boolean cells, is read the ordinary way.
  tests/test_xlsx_columns.py imports random workbooks both ways and compares them.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import zipfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from isal import isal_zlib

from ..errors import UnreadableFile

# fastexcel and calamine log through Python's logging ("could not determine dtype ...");
# without this the last-resort handler would print those lines on stderr.
for _logger in ("fastexcel", "calamine"):
    logging.getLogger(_logger).setLevel(logging.ERROR)

MIN_ROWS = 5_000          # smaller sheets are read the ordinary way (fast enough, no risk)
_TAIL_BYTES = 64 * 1024   # the end of each chunk, searched first for its last value
_CARRY_BYTES = 8 * 1024   # kept from one chunk to the next: a cell cut in two is whole

# A cell with a value: <c r="B7" ...> followed, within the cell, by <v> or <is>.
_VALUE_CELL = re.compile(
    rb'<c\s[^>]*?\br="([A-Z]{1,3})([0-9]+)"[^>]*(?<!/)>(?:(?!</c>).){0,4096}?<(?:v|is)\b',
    re.DOTALL)
_RARE_TYPES = r't="(?:b|inlineStr)"'    # (RE2) boolean cells, text kept in the sheet
_UNIQUE_SUFFIX = re.compile(r"^(.*)_([0-9]+)$")
_MADE_UP = re.compile(r"^__UNNAMED__[0-9]+$")      # fastexcel's name for an empty header
# In a column that mixes kinds fastexcel writes every cell as text, and some of that text
# can pass for a cell that was text:
# - TRUE becomes "true" (and 1 in a number column): a sheet with booleans is read the
#   ordinary way;
# - a date or time becomes "2024-01-05 00:00:00": turned back into a date, unless some
#   text in the workbook (its shared strings, or text kept in the sheet) looks like that;
# - a number is rounded to 9 decimals, a large one written out in digits: text like that
#   is taken for such a number, and the sheet is read the ordinary way.
_WRITTEN_DATETIME = r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?$"
_TEXT_DATETIME = re.compile(
    rb"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?\s*</t>")
_CLOCK = re.compile(rb":[0-9]{2}:[0-9]{2}")
_ROUNDED_NUMBER = r"^-?[0-9]+\.[0-9]{9}$|^-?[0-9]{16,}$"
_NUMBER_STARTS = pa.array(list("-0123456789"))       # the texts worth the checks above
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class RowSpan:
    """The first and last row numbers holding a value in one worksheet's XML, fed in chunks
    (in order; a cell cut between two chunks is whole in the next window)."""

    def __init__(self) -> None:
        self.first: int | None = None
        self.first_column = 0          # 0-based column of the first cell with a value
        self.last: int | None = None
        self.booleans = False          # any TRUE or FALSE cell: read it the ordinary way
        self.inline = False            # text kept in the sheet rather than shared strings
        self.dated_text = False        # some of that text looks like a written date
        self.carry = b""

    def feed(self, chunk: bytes, rare: bool = True) -> None:
        """Read the next chunk (``rare``: False when the caller's search of this window
        found no boolean or inline-text cell)."""
        window = self.carry + chunk
        # (attributes in double quotes: _VALUE_CELL finds no cell in a sheet without them)
        if rare and not (self.booleans and self.inline) and re2_search(window, _RARE_TYPES):
            self.booleans = self.booleans or b't="b"' in window
            self.inline = self.inline or b't="inlineStr"' in window
        if self.inline and not self.dated_text:
            self.dated_text = _looks_dated(window)
        if self.first is None and (found := _VALUE_CELL.search(window)):
            self.first = int(found.group(2))
            self.first_column = _column_index(found.group(1).decode())
        if self.first is not None and (row := _last_value_row(window)) is not None:
            self.last = row
        self.carry = window[-_CARRY_BYTES:]

    def finish(self) -> Span | None:
        if self.first is None or self.last is None:
            return None
        return Span(self.first, self.last, self.first_column, self.booleans, self.dated_text)


@dataclass(frozen=True)
class Span:
    """Where a worksheet's cells with a value are: first and last row (1-based), and the
    column of the first one (0-based; in the first row, so the header's first cell);
    whether it has boolean cells, and text of its own that looks like a written date."""

    first: int
    last: int
    first_column: int
    booleans: bool = False
    dated_text: bool = False


def open_member(archive: zipfile.ZipFile, member: str | zipfile.ZipInfo) -> zipfile.ZipExtFile:
    """A member of an archive opened for reading, inflated by ISA-L (python-isal), about
    twice as fast as the zlib that zipfile uses, where it is deflated. zipfile still reads
    the headers, counts the bytes and checks the CRC; only its decompressor is swapped,
    before the first read (an attribute of CPython's ZipExtFile: where it is missing, zlib
    inflates as before)."""
    stream = archive.open(member)
    if (getattr(stream, "_compress_type", None) == zipfile.ZIP_DEFLATED
            and hasattr(stream, "_decompressor")):
        stream._decompressor = isal_zlib.decompressobj(-15)
    return stream


def re2_search(data: bytes, pattern: str) -> bool:
    """Whether an RE2 ``pattern`` matches somewhere in ``data`` (bytes read as Latin-1;
    linear time): pyarrow's regex search, several times faster than ``re`` over the
    megabytes of a sheet's XML."""
    return pc.count_substring_regex(pa.array([data], pa.binary()), pattern=pattern)[0].as_py() > 0


def _column_index(letters: str) -> int:
    """'A' -> 0, 'Z' -> 25, 'AA' -> 26."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def _last_value_row(window: bytes) -> int | None:
    """The row of the last cell with a value in ``window`` (its end first: usually there)."""
    for part in (window[-_TAIL_BYTES:], window):
        rows = [m.group(2) for m in _VALUE_CELL.finditer(part)]
        if rows:
            return int(rows[-1])
        if len(part) == len(window):
            break
    return None


@dataclass
class SheetEntry:
    """A sheet as workbook.xml lists it: its name, zip member and kind ("worksheet",
    "chartsheet", "dialogsheet", "xlMacrosheet")."""

    name: str
    member: str
    kind: str


def workbook_sheets(archive: zipfile.ZipFile) -> list[SheetEntry]:
    """The sheets in workbook order (from workbook.xml and its relationships); [] when
    they cannot be read there (calamine then says what is wrong)."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        links = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return []
    targets = {link.get("Id"): (link.get("Target", ""), link.get("Type", ""))
               for link in links.iter(_RELATIONSHIPS)}
    sheets = []
    for sheet in book.iter():
        if sheet.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        if sheet.get(_OFFICE_ID) not in targets or sheet.get("name") is None:
            return []
        target, kind = targets[sheet.get(_OFFICE_ID)]
        member = target.lstrip("/") if target.startswith("/") else "xl/" + target
        sheets.append(SheetEntry(sheet.get("name"), member, kind.rsplit("/", 1)[-1]))
    return sheets


@dataclass
class Columns:
    """A worksheet's cells column by column, the header row first in each column."""

    first_row: int                 # 1-based sheet row of the header
    first_column: int              # 0-based sheet column of columns[0]
    columns: list[np.ndarray]      # object arrays as readers._clean_column makes them


class FastSheets:
    """fastexcel over one workbook, opened on first use; ``columns`` or None per sheet."""

    def __init__(self, data: bytes, spans: dict[str, Span], dated_texts: bool = True) -> None:
        self.data = data
        self.spans = spans            # sheet name -> where its cells with a value are
        self.dated_texts = dated_texts  # some shared string looks like a written date
        self.reader = None
        self.parted: dict = {}        # sheet name -> how it is read in parts (read._Parts)
        self.merged: dict = {}        # sheet name -> its merged ranges (read._Merged)
        self.unsaved: dict = {}       # sheet name -> its formulas without a saved result

    def close(self) -> None:
        self.reader = None

    def columns(self, sheet_name: str,
                check_size: Callable[[int, int], None] | None = None) -> Columns | None:
        """The sheet's cells, or None when they must be read the ordinary way.

        ``check_size(data rows, columns)`` runs before any cell becomes a Python object;
        the UnreadableFile it may raise (a sheet too large to import) passes through.
        """
        span = self.spans.get(sheet_name)
        if span is None or span.booleans or span.last - span.first < MIN_ROWS:
            return None
        try:
            return self._load(sheet_name, span, check_size)
        except (KeyboardInterrupt, SystemExit, UnreadableFile):
            raise
        except BaseException:     # unsupported type mixes, Rust panics: the ordinary way
            return None

    def _load(self, sheet_name: str, span: Span, check_size) -> Columns | None:
        import fastexcel

        if self.reader is None:
            self.reader = fastexcel.read_excel(self.data)
        batch = self.reader.load_sheet(sheet_name, header_row=0, schema_sample_rows=None,
                                       eager=True)
        if batch.num_rows + 1 != span.last - span.first + 1:
            return None
        if check_size is not None:
            check_size(batch.num_rows, batch.num_columns)
        header = _header(batch.schema.names)
        if header is None:
            return None
        arrays = batch.columns
        del batch                       # fastexcel's copy of the cells, before ours grow
        columns = []
        for text in header:
            column = arrays.pop(0)
            found = _cells(column, self.dated_texts or span.dated_text)
            if found is None:
                return None
            cells = np.empty(len(column) + 1, dtype=object)
            cells[0] = text
            cells[1:] = found
            columns.append(cells)
        return Columns(span.first, span.first_column, columns)


def _header(names: list[str]) -> list[str | None] | None:
    """The header cells' text, or None when fastexcel's names may not be the cells' text:
    a name it made up for an empty cell (then the table's first column may not be the
    first cell's either), one it made unique, or a number it may have rounded."""
    present = set(names)
    for name in names:
        renamed = _UNIQUE_SUFFIX.match(name)
        if (_MADE_UP.match(name) or (renamed and renamed.group(1) in present)
                or re.match(_ROUNDED_NUMBER, name.strip())):
            return None
    texts = [name.strip() or None for name in names]
    return texts if any(texts) else None


def _cells(column: pa.Array, dated_texts: bool = True) -> np.ndarray | None:
    """An Arrow column as the object array of cleaned cells readers expects, or None when
    that cannot be known (``dated_texts``: some text in the workbook looks like a date
    as fastexcel writes one)."""
    kind = column.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return _text_cells(column, dated_texts)
    if pa.types.is_floating(kind) or pa.types.is_integer(kind):
        return _objects(column)
    if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        return _calamine_datetimes(pc.cast(column, pa.timestamp("us")))
    if pa.types.is_duration(kind):
        return _object_array([None if v is None else str(v) for v in column.to_pylist()])
    return _object_array(column.to_pylist())      # booleans, nulls


def _text_cells(column: pa.Array, dated_texts: bool) -> np.ndarray | None:
    """A text column's cells, stripped, with the dates and times fastexcel wrote as text
    turned back into the values calamine gives; None when some text may be a rounded
    number or a date could be text (see _WRITTEN_DATETIME)."""
    trimmed = pc.utf8_trim_whitespace(column)
    texts = pc.if_else(pc.equal(trimmed, ""), None, trimmed)
    cells = _objects(texts)
    numeric = pc.is_in(pc.utf8_slice_codeunits(texts, 0, 1), value_set=_NUMBER_STARTS)
    if not pc.any(numeric).as_py():
        return cells
    candidates = texts.filter(numeric)
    if pc.any(pc.match_substring_regex(candidates, _ROUNDED_NUMBER)).as_py():
        return None
    stamped = pc.match_substring_regex(candidates, _WRITTEN_DATETIME)
    if not pc.any(stamped).as_py():
        return cells
    if dated_texts:
        return None
    at = np.flatnonzero(numeric.to_numpy(zero_copy_only=False))[
        np.asarray(stamped.to_numpy(zero_copy_only=False), dtype=bool)]
    cells[at] = _calamine_datetimes(pc.cast(candidates.filter(stamped), pa.timestamp("us")))
    return cells


def _calamine_datetimes(stamps: pa.Array) -> np.ndarray:
    """Timestamps as python-calamine gives them: a time alone (fastexcel dates it
    1899-12-31) as text, a midnight as a date, others as datetimes. Each distinct value
    becomes a Python object once."""
    clock = pc.cast(stamps, pa.time64("us"))
    alone = pc.less(stamps, pa.scalar(dt.datetime(1900, 1, 1), pa.timestamp("us")))
    midnight = pc.and_(pc.equal(clock, pa.scalar(0, pa.time64("us"))), pc.invert(alone))
    timed = pc.invert(pc.or_(midnight, alone))
    out = np.empty(len(stamps), dtype=object)
    for mask, values, as_text in ((midnight, pc.cast(stamps, pa.date32()), False),
                                  (timed, stamps, False), (alone, clock, True)):
        where = np.asarray(mask.to_numpy(zero_copy_only=False), dtype=bool)
        if where.any():
            codes = pc.dictionary_encode(values.filter(mask))
            distinct = codes.dictionary.to_pylist()
            objects = np.empty(len(distinct), dtype=object)
            objects[:] = [v.isoformat() for v in distinct] if as_text else distinct
            out[where] = objects[codes.indices.to_numpy(zero_copy_only=False)]
    return out


def _looks_dated(xml: bytes) -> bool:
    """Whether some text in this XML looks like a date as fastexcel writes one (found
    from its colons: a search for a literal is many times faster)."""
    return any(_TEXT_DATETIME.match(xml, max(0, clock.start() - 13))
               for clock in _CLOCK.finditer(xml))


def shared_strings_look_dated(archive: zipfile.ZipFile) -> bool:
    """Whether any shared string looks like a date as fastexcel writes one (True when
    that cannot be read)."""
    try:
        with open_member(archive, "xl/sharedStrings.xml") as member:
            carry = b""
            while chunk := member.read(1 << 22):
                if _looks_dated(carry + chunk):
                    return True
                carry = chunk[-64:]
    except KeyError:
        return False
    except Exception:  # noqa: BLE001 - a damaged member: the ordinary way says what is wrong
        return True
    return False


def _objects(column: pa.Array) -> np.ndarray:
    """An Arrow column as an object array (null -> None). Where values repeat (a column of
    a few words, or scores, down 100,000 rows), each distinct value is one Python object
    that every cell holding it shares: a fraction of the memory, and no slower."""
    sample = column.slice(0, _SAMPLE)
    if len(column) > 2 * _SAMPLE and 2 * len(pc.unique(sample)) < len(sample):
        codes = pc.dictionary_encode(column)
        if 2 * len(codes.dictionary) < len(column):
            distinct = np.empty(len(codes.dictionary) + 1, dtype=object)
            distinct[:-1] = codes.dictionary.to_pylist()          # and distinct[-1]: None
            return distinct[codes.indices.fill_null(len(codes.dictionary)).to_numpy()]
    values = column.to_numpy(zero_copy_only=False)
    if values.dtype != object or not values.flags.writeable:
        values = values.astype(object)
    if column.null_count and not pa.types.is_string(column.type):   # (texts: None already)
        values[np.asarray(column.is_null().to_numpy(zero_copy_only=False))] = None
    return values


_SAMPLE = 1_000     # cells whose distinct values suggest whether a column's values repeat


def _object_array(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out



def workbook_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """The members of a workbook's shared strings and styles, by the kind of relationship
    ("sharedStrings", "styles"), from its relationships ({} when they cannot be read)."""
    try:
        links = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    found = {}
    for link in links.iter(_RELATIONSHIPS):
        kind, target = link.get("Type", "").rsplit("/", 1)[-1], link.get("Target", "")
        member = target.lstrip("/") if target.startswith("/") else "xl/" + target
        if kind in ("sharedStrings", "styles") and member in archive.NameToInfo:
            found.setdefault(kind, member)
    return found
