"""A large .xlsx worksheet read in parts, so that its cells are never all in memory.

calamine (under fastexcel and python-calamine) loads a whole worksheet before it hands
over a single cell: 1.3 GB for a 500,000-row tracker. ``sheet_parts`` cuts the sheet's XML
between rows, as it inflates, into parts of about ``rows`` rows, and writes each part as a
workbook of its own (the original shared strings and styles, and one worksheet) that the
ordinary readers read like any other. Every part after the first starts with a copy of the
header row, numbered just above the part's first row, so that each part is read with the
same headers; every cell keeps its own reference, so the rows keep their numbers.

A sheet is cut only where that is sure to give the same cells (the caller then reads it
whole): its elements carry no namespace prefix (``<sheetData>``), and its header row can
be found by its number. Each part's extent is measured from its cells' references before
a reader sees it, since calamine allocates a part as a dense rectangle too.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Iterator

import numpy as np

from .xlsx_columns import (Span, _column_index, _last_value_row, open_member, re2_search,
                           workbook_parts)

_BLOCK = 1 << 23                       # bytes inflated at a time
_SHEET_DATA = re.compile(rb"<sheetData\s*>")
_SHEET_DATA_END = b"</sheetData>"
_ROW_END = b"</row>"
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="([0-9]+)"')
_CELL_ROW = re.compile(rb'(<c\b[^>]*?\br="[A-Za-z]+)[0-9]+"')
_DATE1904 = re.compile(rb'<workbookPr\b[^>]*\bdate1904="(?:1|true)"')

PART_SHEET = "part"
_MEMBER = "xl/worksheets/sheet1.xml"
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    b"</Types>")
_PACKAGE_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    b"</Relationships>")
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<workbookPr{date1904}/><sheets><sheet name="' + PART_SHEET + '" sheetId="1" r:id="rId1"/>'
    "</sheets></workbook>")
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    b"</Relationships>")
_EMPTY_STYLES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
_EMPTY_STRINGS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')


@dataclass
class Part:
    """One part of a worksheet, as a workbook of its own with one sheet, ``PART_SHEET``."""

    workbook: bytes
    span: Span           # where its cells with a value are (the header row first)
    rows: tuple[int, int]  # its header row and its last row element: where its cells are


_HEAD_BYTES = 1 << 24                  # the header row must end within this many bytes
_LAST_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})[0-9]+"')


def header_width(archive: zipfile.ZipFile, member: str, span: Span) -> int | None:
    """The columns of the worksheet's header row (from the sheet's first column to its last
    cell), or None when the sheet cannot be cut into parts."""
    head, row = b"", None
    with open_member(archive, member) as stream:
        while row is None and len(head) < _HEAD_BYTES and (block := stream.read(1 << 16)):
            head += block                       # (usually found in the first block)
            found = _SHEET_DATA.search(head)
            with contextlib.suppress(ValueError):
                row = found and _header_row(head[found.end():], span.first)
    if not row:
        return None
    cells = _LAST_CELL.findall(row)
    return _column_index(cells[-1].decode()) - span.first_column + 1 if cells else None


def sheet_parts(data: bytes, member: str, span: Span, rows: int,
                skip: int = 0) -> Iterator[Part | None]:
    """The worksheet ``member`` of the workbook ``data`` in parts of about ``rows`` rows
    each (a part ends after a row's end tag); ``span`` is where its cells with a value
    are. The first ``skip`` parts are only cut (None each). Raises ValueError when a part
    cannot be read so: a cell placed outside its part's rows, XML not as ``header_width``
    found it."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        strings, styles, date1904 = _shared_members(archive)
        skeleton = _skeleton(styles, date1904)
        shared = _SharedStrings(strings)
        del strings
        with open_member(archive, member) as stream:
            prefix, rest = _prefix(stream)
            header_row, number = None, 0
            for body in _cut(stream, rest, rows):
                if header_row is None:
                    header_row = _header_row(body, span.first)
                    head, header, low = b"", span.first, 1
                else:
                    first = _first_row(body)
                    if first is None:               # no row at all in this piece
                        continue
                    header = low = first - 1
                    head = _renumber(header_row, header)
                last = _last_value_row(body)
                if last is None:                    # no cell with a value
                    continue
                number += 1
                if number <= skip:
                    yield None
                    continue
                high = _last_row(body)
                if _refs_outside(body, low, high):
                    raise ValueError(f"a cell between rows {low:,} and {high:,} is placed "
                                     "outside them")
                part_span = Span(header, last, span.first_column, span.booleans,
                                 span.dated_text)
                sheet = b"".join((prefix, head, body, b"</sheetData></worksheet>"))
                strings = shared.used_in(sheet)
                del body
                part = Part(_workbook(skeleton, strings, sheet), part_span, (low, high))
                del sheet, strings
                yield part
                del part


def column_repeats(data: bytes, member: str, letters: str) -> tuple[int, int]:
    """How many cells with a value in column ``letters`` of the worksheet ``member`` hold
    the text of another one above them (stripped, case ignored), and how many have a
    value: a pass over the sheet's XML that keeps one column (whether a large sheet's keys
    repeat, which its first part may not show)."""
    cell = re.compile(rb'<c r="' + letters.encode() + rb'[0-9]+"([^>]*?)(?:/>|>(.*?)</c>)',
                      re.DOTALL)
    indexes: dict[bytes, int] = {}           # shared string -> cells holding it
    texts: dict[str, int] = {}               # text -> cells holding it
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        with open_member(archive, member) as stream:
            carry = b""
            while True:
                block = stream.read(_BLOCK)
                buffer = carry + block
                end = len(buffer) if not block else buffer.rfind(_ROW_END) + len(_ROW_END)
                for attributes, inner in cell.findall(buffer[:max(end, 0)]):
                    value = _VALUE.search(inner)
                    if b't="s"' in attributes and value:
                        indexes[value.group(1)] = indexes.get(value.group(1), 0) + 1
                    elif inner and (text := _cell_text(inner)):
                        texts[text] = texts.get(text, 0) + 1
                carry = buffer[max(end, 0):]
                if not block:
                    break
        if indexes:
            strings, _, _ = _shared_members(archive)
            shared = _SharedStrings(strings)
            for index, count in indexes.items():
                at = int(index)
                if at + 1 < len(shared.bounds):
                    text = _cell_text(strings[shared.bounds[at]:shared.bounds[at + 1]])
                    texts[text] = texts.get(text, 0) + count
    filled = sum(texts.values())
    return filled - len(texts), filled


_VALUE = re.compile(rb"<v>([^<]*)</v>")
_TEXT = re.compile(rb"<t\b[^>]*>([^<]*)</t>")


def _cell_text(xml: bytes) -> str:
    """A cell's (or a shared string's) text, stripped and case folded, from its XML."""
    found = _TEXT.findall(xml) or _VALUE.findall(xml)
    return html.unescape(b"".join(found).decode("utf-8", "replace")).strip().casefold()


def _shared_members(archive: zipfile.ZipFile) -> tuple[bytes, bytes, bool]:
    """The workbook's shared strings and styles (empty ones when it has none), and whether
    its dates count from 1904."""
    found = workbook_parts(archive)
    strings = archive.read(found["sharedStrings"]) if "sharedStrings" in found else _EMPTY_STRINGS
    styles = archive.read(found["styles"]) if "styles" in found else _EMPTY_STYLES
    return strings, styles, _DATE1904.search(archive.read("xl/workbook.xml")) is not None


def _skeleton(styles: bytes, date1904: bool) -> dict[str, bytes]:
    workbook = _WORKBOOK.format(date1904=' date1904="1"' if date1904 else "").encode()
    return {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _PACKAGE_RELS,
            "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
            "xl/styles.xml": styles}


def _workbook(skeleton: dict[str, bytes], strings: bytes, sheet: bytes) -> bytes:
    """A workbook of the skeleton's members, shared strings and one worksheet (stored,
    not compressed: it is read once, at once)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as book:
        for name, member in skeleton.items():
            book.writestr(name, member)
        book.writestr("xl/sharedStrings.xml", strings)
        book.writestr(_MEMBER, sheet)
    return out.getvalue()


_STRING_CELL = re.compile(rb't="s"[^>]*>\s*<v>\s*([0-9]+)\s*</v>')
_EMPTY_ENTRY = b"<si/>"
_STRING_TYPE = b't="s"'
_SST_END = b"</sst>"
_WINDOW = 1 << 24


class _SharedStrings:
    """A workbook's shared strings, cut into entries once, so that each part's workbook
    carries only the entries its cells use, the others left empty so that every index
    stays (renumbering the cells would cost a Python call per cell)."""

    def __init__(self, xml: bytes) -> None:
        self.xml = xml
        starts = _entry_starts(xml)
        end = xml.rfind(_SST_END)
        self.head = xml[:starts[0]] if len(starts) else b""
        self.bounds = np.append(starts, end if end >= 0 else len(xml))

    def used_in(self, sheet: bytes) -> bytes:
        """The shared strings for a part: all of them when some string cell of the part
        is not written as ``t="s"`` ... ``<v>N</v>`` (then which it uses is not known)."""
        found = _STRING_CELL.findall(sheet)
        if len(self.bounds) < 2 or sheet.count(_STRING_TYPE) != len(found):
            return self.xml
        used = np.unique(np.array([int(n) for n in set(found)], dtype=np.int64))
        if len(used) and used[-1] >= len(self.bounds) - 1:
            return self.xml                        # calamine says what is wrong
        # consecutive entries (a part's new names, e-mails ...) are copied as one slice
        pieces, after = [self.head], 0
        for run in np.split(used, np.flatnonzero(np.diff(used) != 1) + 1) if len(used) else []:
            first, last = int(run[0]), int(run[-1])
            pieces.append(_EMPTY_ENTRY * (first - after))
            pieces.append(self.xml[self.bounds[first]:self.bounds[last + 1]])
            after = last + 1
        pieces.append(_SST_END)
        return b"".join(pieces)


def _entry_starts(xml: bytes) -> np.ndarray:
    """Where each ``<si>`` entry of the shared strings starts (numpy over windows of the
    XML: millions of entries in a large workbook)."""
    found = []
    data = np.frombuffer(xml, dtype=np.uint8)
    for at in range(0, len(data), _WINDOW):
        window = data[at:at + _WINDOW + 3]
        if len(window) < 4:
            break
        after = window[3:]
        hits = ((window[:-3] == ord("<")) & (window[1:-2] == ord("s"))
                & (window[2:-1] == ord("i"))
                & ((after == ord(">")) | (after == ord("/")) | (after <= ord(" "))))
        found.append(np.flatnonzero(hits) + at)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def _prefix(stream) -> tuple[bytes, bytes]:
    """The worksheet's XML up to and including ``<sheetData>`` (its dimension left out:
    a part's is its own), and what was read after it."""
    buffer = b""
    while (found := _SHEET_DATA.search(buffer)) is None:
        block = stream.read(_BLOCK)
        if not block:
            raise ValueError("no <sheetData> element")
        buffer += block
    return _DIMENSION.sub(b"", buffer[:found.end()]), buffer[found.end():]


def _cut(stream, data: bytes, rows: int) -> Iterator[bytes]:
    """The sheet data's rows in pieces of ``rows`` row end tags each (the last piece up to
    ``</sheetData>``). ``data`` is what was read after ``<sheetData>``."""
    piece: list[bytes] = []
    counted = 0                          # row end tags in ``piece``
    while True:
        end = data.find(_SHEET_DATA_END)
        if end >= 0:
            data, hold = data[:end], None
        else:                            # an end tag cut in two is whole in the next block
            keep = min(len(data), len(_SHEET_DATA_END) - 1)
            data, hold = data[:len(data) - keep], data[len(data) - keep:]
        start, found = 0, data.count(_ROW_END)
        while counted + found >= rows:
            at = start
            for _ in range(rows - counted):
                at = data.index(_ROW_END, at) + len(_ROW_END)
            piece.append(data[start:at])
            found -= rows - counted
            whole = b"".join(piece)
            piece, counted, start = [], 0, at
            yield whole
            del whole
        piece.append(data[start:])
        counted += found
        if hold is None:
            if any(piece):
                yield b"".join(piece)
            return
        block = stream.read(_BLOCK)
        if not block:
            raise ValueError("no </sheetData> end tag")
        data = hold + block


def _header_row(body: bytes, number: int) -> bytes:
    """The row element numbered ``number`` (the header row) in the first part's XML."""
    found = re.search(rb'<row\b[^>]*?\br="' + str(number).encode() + rb'"', body)
    if found is None:
        raise ValueError("header row not found")
    end = body.find(_ROW_END, found.start())
    closed = body.find(b">", found.start())
    if body[closed - 1:closed] == b"/":
        raise ValueError("empty header row")
    if end < 0:
        raise ValueError("header row not closed")
    return body[found.start():end + len(_ROW_END)]


def _first_row(body: bytes) -> int | None:
    """The number of the first row element in a part."""
    found = _ROW_NUMBER.search(body)
    return int(found.group(1)) if found else None


def _renumber(row: bytes, number: int) -> bytes:
    """The header row's XML moved to row ``number`` (the row and each cell's reference)."""
    digits = str(number).encode()
    row = _ROW_NUMBER.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] + digits + b'"', row,
                          count=1)
    return _CELL_ROW.sub(lambda m: m.group(1) + digits + b'"', row)


def _last_row(body: bytes) -> int:
    """The number of the last row element in a part."""
    return int(_ROW_NUMBER.search(body, body.rfind(b"<row")).group(1))


def _refs_outside(xml: bytes, low: int, high: int) -> bool:
    """Whether some cell reference in ``xml`` names a row before ``low`` or after ``high``
    (calamine places a cell by its reference, whatever row holds it, and spans what its
    cells span). One RE2 search for such a reference: none is the usual answer, and the
    quickest to give."""
    digits = len(str(high))
    outside = [number_pattern(high + 1, 10 ** digits - 1) if high + 1 < 10 ** digits else "",
               f"[0-9]{{{digits + 1},}}", "0[0-9]*"]
    if low > 1:
        outside.append(number_pattern(1, low - 1))
    return re2_search(xml, f'r="[A-Za-z]+(?:{"|".join(p for p in outside if p)})"')


def number_pattern(low: int, high: int) -> str:
    """An RE2 alternation matching the whole numbers ``low`` to ``high`` as written
    without leading zeros: "5[0-9]{4}|[6-9][0-9]{4}|10000[0-0]" for 50,000 to 100,000."""
    alternatives = []
    while low <= high:
        step = 1
        while low % (step * 10) == 0 and low + step * 10 - 1 <= high:
            step *= 10
        lead = low // step
        digit, count = lead % 10, min(10 - lead % 10, (high - low + 1) // step)
        tail = f"[0-9]{{{len(str(step)) - 1}}}" if step > 1 else ""
        alternatives.append(f"{str(lead)[:-1]}[{digit}-{digit + count - 1}]{tail}")
        low += count * step
    return "|".join(alternatives)
