"""Large tables written as sheet XML in bulk.

Writing a million cells one by one through XlsxWriter costs several seconds, so the rows
of a large table (Clients, Events) are built as XML by pyarrow's string kernels, a chunk
of rows at a time, and spliced into the sheet XlsxWriter made (which still writes the
header row, widths, filters, frozen panes and formats). Their text goes into the shared
string table (each distinct text once, escaped once), so the sheets stay small. The XML
of a chunk is built while another thread compresses the chunk before.
"""

from __future__ import annotations

import io
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from xlsxwriter.utility import xl_col_to_name

from .formats import Cells

Progress = Callable[[float, str], None]

SPLICE_FROM = 20_000        # cells: tables this large are written as XML in bulk
CHUNK_CELLS = 100_000      # cells of bulk XML built (and compressed) at a time


@dataclass
class BulkTable:
    sheet: object
    cells: list[Cells]
    rows: int
    number_styles: list[tuple[str, str]]      # per column: date/number, date-time
    strings: list[pa.Array | None] = field(default_factory=list)   # per column: SST indices

    @property
    def part(self) -> str:
        return f"xl/worksheets/sheet{self.sheet.index + 1}.xml"


_NEEDS_EXCEL_ESCAPE = r"[\x00-\x08\x0b-\x1f]|_x[0-9A-Fa-f]{4}_"
_NEEDS_CARE = r"[\x00-\x08\x0b-\x1f&<>]|_x[0-9A-Fa-f]{4}_|^\s|\s$"   # escapes or xml:space


def _excel_escape(text: str) -> str:
    """Control characters as Excel writes them (``_x000B_``), and a literal ``_xHHHH_``
    protected, as XlsxWriter does for its own strings."""
    text = re.sub(r"(_x[0-9a-fA-F]{4}_)", r"_x005F\1", text)
    return re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f"_x{ord(m.group()):04X}_", text)


def _xml_text(texts: pa.Array) -> pa.Array:
    """Text ready to sit inside ``<t>``: Excel's escapes, then XML's."""
    special = pc.match_substring_regex(texts, _NEEDS_EXCEL_ESCAPE)
    if pc.any(special).as_py():
        flags = special.to_pylist()
        texts = pa.array([_excel_escape(v) if flag else v
                          for v, flag in zip(texts.to_pylist(), flags)], type=pa.string())
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        texts = pc.replace_substring(texts, char, entity)
    return texts


def _shared_strings(bulk: list[BulkTable], offset: int) -> tuple[pa.Array, int]:
    """Give every text cell of the large tables its shared-string index (from ``offset``).

    Returns the distinct texts, in index order, and how many cells use them.
    """
    columns = [(table, i, column.texts) for table in bulk
               for i, column in enumerate(table.cells)]
    for table in bulk:
        table.strings = [None] * len(table.cells)
    texts = [t for _, _, t in columns if t is not None]
    if not texts:
        return pa.array([], pa.string()), 0
    encoded = pc.dictionary_encode(pa.concat_arrays(texts))
    # Each distinct index is written as text once; the cells take theirs from it.
    labels = pc.cast(pa.array(np.arange(offset, offset + len(encoded.dictionary))),
                     pa.string())
    at = 0
    for table, i, column in columns:
        if column is not None:
            table.strings[i] = pc.take(labels, encoded.indices.slice(at, len(column)))
            at += len(column)
    return encoded.dictionary, len(encoded.indices) - encoded.indices.null_count


def _shared_string_entries(words: pa.Array) -> bytes:
    """The ``<si>`` entries of the shared string table for these texts. Most need no
    escaping and no ``xml:space``: only the others are worked on."""
    entries = pc.binary_join_element_wise("<si><t>", words, "</t></si>", "")
    special = pc.match_substring_regex(words, _NEEDS_CARE)
    if pc.any(special).as_py():
        escaped = _xml_text(words.filter(special))
        spaced = pc.match_substring_regex(escaped, r"^\s|\s$")
        entries = pc.replace_with_mask(entries, special, pc.binary_join_element_wise(
            pc.if_else(spaced, '<si><t xml:space="preserve">', "<si><t>"), escaped,
            "</t></si>", ""))
    return bytes(_utf8(entries))


def style_attribute(style) -> str:
    return f' s="{style._get_xf_index()}"' if style is not None else ""


def _column_xml(letter: str, rows: pa.Array, table: BulkTable, col: int, start: int,
                stop: int) -> list:
    """Each row's cell of one column as XML: the pieces that make it, joined with the
    row's other pieces; a single array, null where the cell is empty, when some are."""
    column, parts = table.cells[col], []
    if table.strings[col] is not None:
        strings = table.strings[col].slice(start, stop - start)
        if strings.null_count < len(strings):
            parts.append([f'<c r="{letter}', rows, '" t="s"><v>', strings, "</v></c>"])
    if column.numbers is not None:
        numbers = column.numbers.slice(start, stop - start)
        if numbers.null_count < len(numbers):
            number_style, datetime_style = table.number_styles[col]
            attribute = number_style + "><v>"
            if column.timed is not None:
                timed = column.timed.slice(start, stop - start)
                attribute = pc.if_else(timed, datetime_style + "><v>", attribute)
            parts.append([f'<c r="{letter}', rows, '"', attribute,
                          pc.cast(numbers, pa.string()), "</v></c>"])
    if len(parts) == 1 and parts[0][-2].null_count == 0:     # every row has this cell
        return parts[0]
    cells = [pc.binary_join_element_wise(*part, "") for part in parts]
    return [] if not cells else [cells[0] if len(cells) == 1 else pc.coalesce(*cells)]


def _rows_xml(table: BulkTable, start: int, stop: int) -> pa.Array:
    """Rows ``start``..``stop`` (0-based data rows) of a table as sheet XML, one per row."""
    rows = pc.cast(pa.array(np.arange(start + 2, stop + 2, dtype=np.int64)), pa.string())
    pieces: list = ['<row r="', rows, '">']
    for col in range(len(table.cells)):
        for piece in _column_xml(xl_col_to_name(col), rows, table, col, start, stop):
            if isinstance(piece, str) and isinstance(pieces[-1], str):
                pieces[-1] += piece                 # one piece fewer to join
            else:
                pieces.append(piece)
    pieces.append("</row>")
    return pc.binary_join_element_wise(*pieces, "", null_handling="replace",
                                       null_replacement="")


def _utf8(strings: pa.Array) -> memoryview:
    """The text of a string array, end to end, without copying."""
    if isinstance(strings, pa.ChunkedArray):
        strings = strings.combine_chunks()
    if not len(strings):
        return memoryview(b"")
    offsets = np.frombuffer(strings.buffers()[1], dtype=np.int32, count=len(strings) + 1,
                            offset=strings.offset * 4)
    return memoryview(strings.buffers()[2])[offsets[0]:offsets[-1]]


_SST_COUNTS = re.compile(rb'<sst ([^>]*?)count="(\d+)" uniqueCount="(\d+)"')


def splice(data: bytes, bulk: list[BulkTable], progress: Progress) -> bytes:
    """XlsxWriter's workbook with the large tables' rows written into their sheets (and
    their text into the shared string table, which the header row always starts).

    Compressing the sheets takes as long as building them, and zlib lets go of Python's
    lock while it works: so one thread compresses, in order, what this one builds (its
    rows, a chunk at a time, and the shared strings' entries built meanwhile on a third).
    """
    if not bulk:
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    sst = source.read("xl/sharedStrings.xml")
    counts = _SST_COUNTS.search(sst)
    words, used = _shared_strings(bulk, int(counts.group(3)))
    parts = {b.part: b for b in bulk}
    total = sum(b.rows for b in bulk) or 1
    done = 0
    out = io.BytesIO()
    with ThreadPoolExecutor(1) as compressor, ThreadPoolExecutor(1) as helper, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        entries = helper.submit(_shared_string_entries, words)
        for info in source.infolist():
            table = parts.get(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                content = (sst[:counts.start()] + b"<sst " + counts.group(1)
                           + f'count="{int(counts.group(2)) + used}" '
                             f'uniqueCount="{int(counts.group(3)) + len(words)}"'.encode()
                           + sst[counts.end():]).replace(b"</sst>",
                                                         entries.result() + b"</sst>")
            else:
                content = source.read(info)
            if table is None:
                target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED,
                                compresslevel=1)
                continue
            head, tail = content.split(b"</sheetData>", 1)
            last = f"{xl_col_to_name(len(table.cells) - 1)}{table.rows + 1}"
            head = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last}"/>'.encode(),
                          head, count=1)
            step = max(1, CHUNK_CELLS // len(table.cells))
            with target.open(info.filename, "w", force_zip64=True) as stream:
                writes = []
                try:
                    writes.append(compressor.submit(stream.write, head))
                    for start in range(0, table.rows, step):
                        stop = min(start + step, table.rows)
                        xml = _utf8(_rows_xml(table, start, stop))
                        writes.append(compressor.submit(stream.write, xml))
                        if len(writes) > 2:            # at most two chunks waiting
                            writes.pop(0).result()
                        done += stop - start
                        progress(0.7 + 0.28 * done / total, f"Writing {table.sheet.name}")
                    writes.append(compressor.submit(stream.write, b"</sheetData>" + tail))
                finally:
                    wait(writes)                       # before the stream closes
                for write in writes:
                    write.result()
    return out.getvalue()

