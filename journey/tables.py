"""Tables as downloadable files: CSV and single-sheet workbooks that no spreadsheet will
mistake for formulas.

A cell of text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return)
is a formula to Excel and LibreOffice when the file is opened; such text gets a leading
apostrophe in CSV, and is written as a string cell in workbooks. Header names (which come
from users' spreadsheets too) are treated the same way.

Both are written a column at a time (pandas' string methods, not a call per cell): a
table of a million rows becomes a file in seconds, where a writer called for each cell
(XlsxWriter's) took over a minute. A workbook's sheet holds 1,048,575 rows under its
header; a longer table goes on over as many more sheets as it needs (``xlsx_sheets``), each
with the header, so no row is left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

import numpy as np
import pandas as pd

from .text import counted, its, was

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_ROWS = 1_048_576          # a worksheet's rows, its header one of them
EXCEL_TEXT = 32_767             # the characters one cell holds (as Excel and XlsxWriter cut)
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
ESCAPED_ALREADY = re.compile("(_x[0-9a-fA-F]{4}_)")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
NEEDS_EXCEL_ESCAPES = "_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff]"
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
HEADER_STYLE, DATE_STYLE = 1, 2
SHEET_CHUNK = 50_000            # rows written to the zip at a time
NOT_A_NUMBER = ' t="e"><v>#NUM!</v></c>'      # an infinity, as XlsxWriter wrote it
SELECTED = 'tabSelected="1" '
NOTES_SHEET = "About this file"  # the last sheet, when the file cuts or splits the table


def neutralise(value):
    """Text that would start a formula, prefixed with an apostrophe; anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised(values: pd.Series) -> pd.Series:
    """A column with ``neutralise`` applied; a column of text all at once."""
    if isinstance(values.dtype, pd.StringDtype):
        starts = values.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
        return values.where(~starts, "'" + values) if starts.any() else values
    if values.dtype == object:
        return values.map(neutralise)
    return values


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM (so Excel reads accents), formula-safe, rows ending in CRLF
    (so a cell holding a line break or a lone carriage return is quoted)."""
    safe = pd.DataFrame({number: neutralised(frame.iloc[:, number])
                         for number in range(frame.shape[1])}, index=frame.index)
    safe.columns = [neutralise(str(column)) for column in frame.columns]
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


# --- workbooks ---------------------------------------------------------------------------

def xlsx_sheets(rows: int) -> int:
    """How many sheets a workbook of a table of ``rows`` rows has (one header each)."""
    return max(1, -(-rows // (EXCEL_ROWS - 1)))


def sheets_note(rows: int) -> str | None:
    """The sentence saying a workbook of ``rows`` rows goes on over more sheets (None when
    one sheet holds them)."""
    sheets = xlsx_sheets(rows)
    if sheets == 1:
        return None
    return (f"The Excel file's {rows:,} rows go on over {sheets} sheets, each with the "
            f"header: a sheet holds {EXCEL_ROWS - 1:,} rows under its header.")


def cut_text_note(frame: pd.DataFrame, whole_text_in: str = "the CSV download") -> str | None:
    """The sentence saying which text a workbook cuts to what a cell holds (32,767
    characters), with the cells counted, and where the whole text is (None when no text is
    that long)."""
    cut = {}
    for number in range(frame.shape[1]):
        values = frame.iloc[:, number]
        if pd.api.types.is_string_dtype(values.dtype):     # object, str, Arrow's string
            try:
                long = int((values.str.len() > EXCEL_TEXT).sum())
            except AttributeError:          # an object column holding no text
                continue
            if long:
                cut[str(frame.columns[number])] = long
    if not cut:
        return None
    cells = sum(cut.values())
    where = f"in '{next(iter(cut))}'" if len(cut) == 1 else "(" + ", ".join(
        f"{count:,} in '{name}'" for name, count in cut.items()) + ")"
    return (f"{counted(cells, 'cell')} of text {where} {was(cells)} longer than an Excel "
            f"cell holds and {was(cells)} cut to {its(cells)} first {EXCEL_TEXT:,} characters; "
            f"{whole_text_in} holds the whole text.")


def workbook_notes(frame: pd.DataFrame) -> list[str]:
    """What a workbook of the table does not hold as the table is: said in the file (a
    sheet of its own) and on the page, once each."""
    return [note for note in (sheets_note(len(frame)), cut_text_note(frame)) if note]


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "Data") -> bytes:
    """A workbook of the table: bold frozen header, autofilter, fitted widths, text kept as
    text (never a formula), numbers as numbers, dates as dates. Past 1,048,575 rows the table
    goes on over more sheets (``name (2)``, ...), each with the header; what the file cuts or
    splits is said in a last sheet, NOTES_SHEET (``workbook_notes``)."""
    name = SHEET_NAME_BAD.sub("_", sheet)[:31].strip("'") or "Data"
    columns = [str(c) for c in frame.columns]
    cells = [column_cells(frame.iloc[:, number]) for number in range(len(columns))]
    widths = [min(max(max([len(columns[number])] + [len(str(v)) for v in frame.iloc[
        :200, number].tolist()]) + 2, 8), 60) for number in range(len(columns))]
    step = EXCEL_ROWS - 1
    parts = xlsx_sheets(len(frame))
    names = [name] + [f"{name[:31 - len(f' ({k})')]} ({k})" for k in range(2, parts + 1)]
    shapes = [(n, len(columns), min(step, len(frame) - k * step)) for k, n in enumerate(names)]
    notes = workbook_notes(frame)
    if notes:
        shapes.append((NOTES_SHEET, 1, len(notes)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", content_types(len(shapes)))
        book.writestr("_rels/.rels", PACKAGE_RELS)
        book.writestr("xl/workbook.xml", workbook_xml(shapes))
        book.writestr("xl/_rels/workbook.xml.rels", workbook_rels(len(shapes)))
        book.writestr("xl/styles.xml", STYLES)
        for k in range(parts):
            first = k * step
            part = [c.iloc[first:first + step] for c in cells]
            with book.open(f"xl/worksheets/sheet{k + 1}.xml", "w", force_zip64=True) as out:
                write_sheet(out, columns, part, widths, len(part[0]) if part else 0, k == 0)
        if notes:
            with book.open(f"xl/worksheets/sheet{parts + 1}.xml", "w") as out:
                write_sheet(out, ["Note"], [text_cells(pd.Series(notes))], [100], len(notes),
                            False)
    return buffer.getvalue()


def column_letter(number: int) -> str:
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def excel_text(text: str) -> str:
    """Text as a workbook's XML holds it: cut to what a cell holds, control characters as
    ``_xHHHH_`` (and such text itself escaped), then XML-escaped."""
    text = text[:EXCEL_TEXT]
    text = CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_",
                       ESCAPED_ALREADY.sub(r"_x005F\1", text))
    return escape(text)


def text_cells(values: pd.Series) -> pd.Series:
    """The cell XML (without the reference) of a column of text, column-wise."""
    values = values.astype("string")
    odd = values.str.contains(NEEDS_EXCEL_ESCAPES, regex=True).fillna(False).astype(bool) \
        | (values.str.len().fillna(0) > EXCEL_TEXT)
    plain = values.str.replace("&", "&amp;", regex=False).str.replace(
        "<", "&lt;", regex=False).str.replace(">", "&gt;", regex=False)
    if odd.any():
        plain[odd] = values[odd].map(excel_text)
    cells = ' t="inlineStr"><is><t xml:space="preserve">' + plain + "</t></is></c>"
    return cells.where(values != "", pd.NA)           # empty text: an empty cell


def number_cells(values: pd.Series) -> pd.Series:
    """The cell XML of a column of numbers: whole numbers as written, others as Python
    writes them back exactly; an infinity is Excel's #NUM! (as XlsxWriter wrote it)."""
    numbers = values.to_numpy(dtype="float64", na_value=np.nan)
    text = values.astype("string") if pd.api.types.is_integer_dtype(values.dtype) \
        else pd.Series([number_text(v) for v in numbers.tolist()], dtype="string")
    cells = ("><v>" + text + "</v></c>").where(np.isfinite(numbers), NOT_A_NUMBER)
    return cells.where(~np.isnan(numbers), pd.NA)


def number_text(value: float) -> str:
    """A number as the file holds it: a whole one without a point, others exactly."""
    return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)


def any_cell(value) -> str | None:
    """One cell's XML (without the reference) in a column of mixed values: True and False
    as such, Python's numbers as numbers, anything else as its text (as XlsxWriter was
    asked to write them); None where the cell is empty (empty text too, as XlsxWriter)."""
    if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, bool):
        return f' t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f"><v>{value}</v></c>"
    if isinstance(value, float):
        return f"><v>{number_text(value)}</v></c>" if np.isfinite(value) else NOT_A_NUMBER
    return f' t="inlineStr"><is><t xml:space="preserve">{excel_text(str(value))}</t></is></c>'


def date_cells(values: pd.Series) -> pd.Series:
    """The cell XML of a column of dates: days since 1899-12-30, shown as yyyy-mm-dd."""
    moments = values.dt.tz_localize(None) if values.dt.tz is not None else values
    serial = (moments - EXCEL_EPOCH) / pd.Timedelta(days=1)
    cells = f' s="{DATE_STYLE}"><v>' + serial.map(repr).astype("string") + "</v></c>"
    return cells.where(~moments.isna(), pd.NA)


def column_cells(values: pd.Series) -> pd.Series:
    """Each row's cell of one column as XML after its reference (``<c r="B2"`` goes before
    ``'><v>3</v></c>'``); NA where the cell is empty. Text, numbers and dates a column at a
    time; a column of mixed values a cell at a time."""
    values = values.reset_index(drop=True)
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype) and not values.isna().any():
        cells = ' t="b"><v>' + values.astype(int).astype("string") + "</v></c>"
    elif pd.api.types.is_datetime64_any_dtype(dtype):
        cells = date_cells(values)
    elif pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        cells = number_cells(values)
    elif pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
        cells = text_cells(values)
    else:
        cells = values.astype(object).map(any_cell)
    return cells.astype("string")


def write_sheet(out, columns: list[str], cells: list[pd.Series], widths: list[int],
                rows: int, selected: bool) -> None:
    """One worksheet into ``out`` (a file in the zip): the header, then ``rows`` rows of
    the columns' cells, ``SHEET_CHUNK`` rows at a time (a million rows never make one
    string of their own)."""
    count = len(columns)
    header = "".join(
        f'<c r="{column_letter(n)}1" s="{HEADER_STYLE}" t="inlineStr"><is>'
        f'<t xml:space="preserve">{excel_text(name)}</t></is></c>'
        for n, name in enumerate(columns))
    cols = "".join(
        f'<col min="{n + 1}" max="{n + 1}" width="{column_width(w)}" customWidth="1"/>'
        for n, w in enumerate(widths))
    last = f"{column_letter(count - 1)}{max(rows + 1, 2)}" if count else "A1"
    out.write((
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}"><dimension ref="A1:{last}"/>'
        f'<sheetViews><sheetView {SELECTED if selected else ""}workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + f'<sheetData><row r="1">{header}</row>').encode())
    for first in range(0, rows, SHEET_CHUNK):
        numbers = pd.Series(np.arange(first + 2, min(first + SHEET_CHUNK, rows) + 2)).astype(
            "string")
        columns_xml = [
            ('<c r="' + column_letter(n) + numbers + '"'
             + column.iloc[first:first + SHEET_CHUNK].reset_index(drop=True)).fillna("").tolist()
            for n, column in enumerate(cells)]
        starts = ('<row r="' + numbers + '">').tolist()
        out.write("".join([start + "".join(row) + "</row>"
                           for start, *row in zip(starts, *columns_xml)]).encode())
    out.write((
        "</sheetData>" + (f'<autoFilter ref="A1:{last}"/>' if count else "")
        + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
        'footer="0.3"/></worksheet>').encode())


def column_width(characters: int) -> str:
    """A width in characters as the file holds it (as XlsxWriter's ``set_column``)."""
    pixels = int(characters * 7 + 0.5) + 5
    return f"{(pixels * 256 // 7) / 256:.16g}"


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{MAIN}"><numFmts count="1">'
    '<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/>'
    '<family val="2"/></font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/>'
    '<name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill>'
    '<patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid">'
    '<fgColor rgb="FF1F4E5F"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="3">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" '
    'applyFill="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    '</cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>')


def content_types(sheets: int) -> str:
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{kind}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{kind}.styles+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{k}.xml" '
                  f'ContentType="{kind}.worksheet+xml"/>' for k in range(1, sheets + 1))
        + "</Types>")


def workbook_rels(sheets: int) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{k}" Type="{RELS}/worksheet" '
                  f'Target="worksheets/sheet{k}.xml"/>' for k in range(1, sheets + 1))
        + f'<Relationship Id="rId{sheets + 1}" Type="{RELS}/styles" Target="styles.xml"/>'
        '</Relationships>')


def workbook_xml(shapes: list[tuple[str, int, int]]) -> str:
    """The workbook part: its sheets (each a name, its columns and its rows under the
    header) and their filters."""
    sheets = "".join(f'<sheet name={quoteattr(name)} sheetId="{k}" r:id="rId{k}"/>'
                     for k, (name, _, _) in enumerate(shapes, start=1))
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{k}" hidden="1">'
        + escape(f"'{name.replace(chr(39), chr(39) * 2)}'!$A$1:"
                 f"${column_letter(columns - 1)}${max(count + 1, 2)}")
        + "</definedName>" for k, (name, columns, count) in enumerate(shapes) if columns)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><bookViews><workbookView/></bookViews>'
        f"<sheets>{sheets}</sheets>"
        + (f"<definedNames>{filters}</definedNames>" if filters else "")
        + "</workbook>")
