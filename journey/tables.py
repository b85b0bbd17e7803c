"""Tables as downloadable files: CSV and single-sheet workbooks that no spreadsheet will
mistake for formulas.

A cell of text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return)
is a formula to Excel and LibreOffice when the file is opened; such text gets a leading
apostrophe in CSV, and is written as a string cell in workbooks. Header names (which come
from users' spreadsheets too) are treated the same way.
"""

from __future__ import annotations

import io

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that would start a formula, prefixed with an apostrophe; anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM (so Excel reads accents), formula-safe, rows ending in CRLF
    (so a cell holding a line break or a lone carriage return is quoted)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    safe.columns = [neutralise(str(column)) for column in safe.columns]
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "Data") -> bytes:
    """A one-sheet workbook: bold frozen header, autofilter, fitted widths, text kept as text."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "nan_inf_to_errors": True})
    sheet_out = book.add_worksheet(sheet[:31] or "Data")
    header = book.add_format({"bold": True, "bg_color": "#1F4E5F", "font_color": "#FFFFFF"})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    columns = [str(c) for c in frame.columns]
    for number, name in enumerate(columns):
        sheet_out.write_string(0, number, name, header)
    for number, column in enumerate(frame.columns):
        values = frame[column]
        is_date = pd.api.types.is_datetime64_any_dtype(values)
        for row, value in enumerate(values.tolist(), start=1):
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            if is_date:
                sheet_out.write_datetime(row, number, pd.Timestamp(value).to_pydatetime(),
                                         date_format)
            elif isinstance(value, bool):
                sheet_out.write_boolean(row, number, value)
            elif isinstance(value, (int, float)):
                sheet_out.write_number(row, number, value)
            else:
                sheet_out.write_string(row, number, str(value))
        width = max([len(columns[number])] + [len(str(v)) for v in values.head(200).tolist()])
        sheet_out.set_column(number, number, min(max(width + 2, 8), 60))
    sheet_out.freeze_panes(1, 0)
    if len(columns):
        sheet_out.autofilter(0, 0, max(len(frame), 1), len(columns) - 1)
    book.close()
    return buffer.getvalue()
