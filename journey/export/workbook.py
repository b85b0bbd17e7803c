"""The workbook: the sheets written in order (the Overview laid out as a page, every
other sheet one table with a styled, frozen header row, an autofilter, fitted widths and
typed cells), each set up to print (``printing``), the native funnel chart on the Funnel
table's page, the signs' status colours, and the file written whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import xlsxwriter
from sqlite_utils import Database
from xlsxwriter.utility import xl_col_to_name

from ..errors import ValidationError
from ..filters import NO_FILTERS, Filters
from ..signs import compute_signs
from ..stages import LABELS
from ..tables import NOTES_SHEET, cut_text_note
from ..text import change_text, percent_text
from ..workspace import get_setting
from .bulk import SPLICE_FROM, BulkTable, Progress, splice, style_attribute
from .formats import BRAND, DATE, MAX_WIDTH, MIN_WIDTH, MONEY, NUMBER_FORMATS, STATUS_FILLS, TEXT, \
    WRAPPED_WIDTH, Cells, Styles, column_cells, write_cells
from .printing import PageHeading, PrintArea, set_up_printing
from .sheets import (LOST_SINCE_FIRST, SHEETS, Overview, Table, actions_table, clients_table,
                     events_table, function_map_table, funnel_table, imports_table,
                     kpis_table, overview, personas_table, signs_table, touchpoints_table)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BAR_PIXELS, ROW_PIXELS = 60, 20     # the funnel chart's height per stage; a default row
LARGE_WORKSPACE_ROWS = 50_000   # clients + events: the page builds larger workbooks with a
                                # progress bar first, then offers the download


def export_filename(workspace: str, day: dt.date | None = None) -> str:
    """``<workspace>-journey-<date>.xlsx``, safe on every system."""
    slug = re.sub(r"[^\w]+", "-", workspace, flags=re.ASCII).strip("-") or "workspace"
    return f"{slug}-journey-{(day or dt.date.today()).isoformat()}.xlsx"


# --- the workbook ----------------------------------------------------------------------------

class Workbook(NamedTuple):
    data: bytes
    notes: list[str]               # what the file cuts (``cut_notes``), said in it too


def workbook_tables(db: Database, filters: Filters, report,
                    progress: Progress) -> dict[str, Table]:
    """The table sheets, by name, in the workbook's order."""
    tables = {"Funnel": funnel_table(db, filters), "Signs": signs_table(report),
              "Personas": personas_table(db, filters), "Touchpoints": touchpoints_table(db),
              "Function map": function_map_table(db), "Goals & KPIs": kpis_table(db),
              "Actions": actions_table(db)}
    progress(0.2, "Reading the clients")
    tables["Clients"] = clients_table(db, filters)
    progress(0.35, "Reading the events")
    tables["Events"] = events_table(db, filters)
    tables["Imports"] = imports_table(db)
    return tables


def cut_notes(tables: dict[str, Table]) -> list[str]:
    """A sentence for each sheet whose text the workbook cuts to what a cell holds
    (``journey.tables.cut_text_note``, as the pages' downloads say it)."""
    notes = ((name, cut_text_note(table.frame, "the workspace"))
             for name, table in tables.items())
    return [f"The '{name}' sheet: {note}" for name, note in notes if note]


def workbook_notes(db: Database, filters: Filters = NO_FILTERS) -> list[str]:
    """What the workbook would cut, without writing it (for the Export page)."""
    return cut_notes(workbook_tables(db, filters, compute_signs(db, filters),
                                     lambda fraction, message: None))


def export_workbook(db: Database, filters: Filters = NO_FILTERS, *, workspace: str = "",
                    progress: Progress | None = None, now: dt.datetime | None = None) -> bytes:
    """The whole workspace as one .xlsx workbook (bytes); see ``journey.export``."""
    return build_workbook(db, filters, workspace=workspace, progress=progress, now=now).data


def build_workbook(db: Database, filters: Filters = NO_FILTERS, *, workspace: str = "",
                   progress: Progress | None = None, now: dt.datetime | None = None
                   ) -> Workbook:
    """The workbook and what it cuts, said in its last sheet (NOTES_SHEET) when anything."""
    progress = progress or (lambda fraction, message: None)
    now = now or dt.datetime.now().replace(microsecond=0)
    progress(0.05, "Measuring the funnel and the signs")
    report = compute_signs(db, filters)
    tables = workbook_tables(db, filters, report, progress)
    notes = cut_notes(tables)
    counts = {name: table.rows for name, table in tables.items()}
    summary = overview(db, filters, report, workspace, counts, now)

    progress(0.5, "Writing the sheets")
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False, "nan_inf_to_errors": False,
        "default_date_format": NUMBER_FORMATS[DATE]})
    heading = PageHeading(f"{workspace or 'Journey'}: customer journey", now)
    book.set_properties({"title": heading.title, "author": "Journey", "created": now,
                         "comments": "Exported from Journey; import it to carry on."})
    styles = Styles(book, get_setting(db, "currency"))
    bulk: list[BulkTable] = []
    write_overview(book, styles, summary, heading)
    funnel = write_table(book, styles, tables["Funnel"], bulk, heading)
    add_funnel_chart(book, funnel, tables["Funnel"], heading)
    signs = write_table(book, styles, tables["Signs"], bulk, heading)
    colour_statuses(signs.sheet, styles, tables["Signs"])
    for name in ("Personas", "Touchpoints", "Function map", "Goals & KPIs", "Actions",
                 "Clients", "Events", "Imports"):
        write_table(book, styles, tables[name], bulk, heading)
    if notes:
        write_notes(book, styles, notes)
    book.close()
    progress(0.7, "Writing the clients and events")
    data = splice(buffer.getvalue(), bulk, progress)
    progress(1.0, "Done")
    return Workbook(data, notes)


def write_workbook_file(db: Database, path: str | os.PathLike, filters: Filters = NO_FILTERS,
                        *, workspace: str = "", progress: Progress | None = None
                        ) -> tuple[Path, list[str]]:
    """Export to a file, written whole or not at all: its path and what it cuts
    (``cut_notes``). Raises ValidationError for a path that is not an .xlsx file in an
    existing folder."""
    target = Path(path)
    if target.suffix.casefold() != ".xlsx":
        raise ValidationError(f"The workbook must be an .xlsx file, not '{target.name}'.")
    if not target.parent.is_dir():
        raise ValidationError(f"There is no folder '{target.parent}' to write "
                              f"{target.name} into.")
    if target.is_dir():
        raise ValidationError(f"'{target}' is a folder, not a file name.")
    data, notes = build_workbook(db, filters, workspace=workspace, progress=progress)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".export-",
                                             suffix=".xlsx")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except OSError as error:
        raise ValidationError(f"{target} cannot be written: "
                              f"{error.strerror or error}.") from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    return target, notes



# --- sheets ------------------------------------------------------------------------------------

OVERVIEW_WIDTHS = (30, 19)       # the first column, then each stage's tile


def write_overview(book, styles: Styles, summary: Overview, heading: PageHeading) -> None:
    """The Overview sheet: a laid-out page rather than a table, printed on one page."""
    sheet = book.add_worksheet("Overview")
    sheet.hide_gridlines(2)
    tiles = summary.tiles
    last_col = max(len(tiles), 5)          # the sentences are merged across A:F
    sheet.set_column(0, 0, OVERVIEW_WIDTHS[0])
    sheet.set_column(1, last_col, OVERVIEW_WIDTHS[1])
    name = summary.workspace or "Journey"
    sheet.write_string(0, 0, f"Customer journey overview: {name}", styles.title)
    sheet.write_string(1, 0, f"Exported from Journey on {summary.exported_at:%Y-%m-%d %H:%M}. "
                             f"{summary.filters}", styles.subtitle)
    row = 3
    sheet.write_string(row, 0, "Clients reaching each stage", styles.heading)
    dated = bool(tiles["previous"].notna().any()) if len(tiles) else False
    for i, tile in enumerate(tiles.itertuples()):
        col = i + 1
        sheet.write_string(row + 1, col, str(tile.label), styles.tile_label)
        if isinstance(getattr(tile, "missing", None), str):   # not measured: no count, as
            sheet.write_string(row + 2, col, "–", styles.tile_value)   # on the Overview
        else:
            sheet.write_number(row + 2, col, int(tile.clients), styles.tile_value)
        before = tiles.iloc[i - 1]["label"] if i else ""
        note = ("first stage" if i == 0 else f"nobody reached {before}"
                if pd.isna(tile.pct_of_previous) else
                f"{percent_text(tile.pct_of_previous)} of {before}")
        if isinstance(getattr(tile, "missing", None), str):   # nothing measures this stage
            note = tile.missing
        if dated and not pd.isna(tile.change_pct):
            note += f"\n{change_text(tile.change_pct)} vs previous period"
        sheet.write_string(row + 3, col, note, styles.tile_note)
    sheet.write_string(row + 1, 0, "Stage", styles.muted)
    sheet.write_string(row + 2, 0, "Clients", styles.muted)
    sheet.write_string(row + 3, 0, "Conversion", styles.muted)
    sheet.set_row(row + 2, 32)
    sheet.set_row(row + 3, 32 if dated else 18)

    row += 5
    sheet.write_string(row, 0, "Biggest drop-off", styles.heading)
    if summary.drop:
        sheet.merge_range(row + 1, 0, row + 1, 5, summary.drop.sentence, styles.sentence)
        lost = summary.drop.clients_lost
        sheet.write_string(row + 2, 0, f"{lost:,} client{'s' * (lost != 1)} stopped between "
                                       f"{LABELS.get(summary.drop.from_stage)} and "
                                       f"{LABELS.get(summary.drop.to_stage)}.", styles.muted)
    else:
        sheet.write_string(row + 1, 0, "No drop-off to show: no client matches."
                           if not tiles["clients"].sum() else "No client was lost between "
                           "the stages the data measures.", styles.muted)

    row += 4
    takings = summary.revenue
    if takings.total is not None or takings.left_out:     # as the Overview page: only
        sheet.write_string(row, 0, "Revenue", styles.heading)   # where the data holds money
        if takings.total is None:
            sheet.write_string(row + 1, 0, "–", styles.sentence)
        else:
            sheet.write_number(row + 1, 0, takings.total, styles.number[MONEY])
        sheet.merge_range(row + 2, 0, row + 2, 5, takings.sentence(summary.currency),
                          styles.muted)
        sheet.set_row(row + 2, 32)
        row += 4
    sheet.write_string(row, 0, "Alignment score", styles.heading)
    score = summary.score
    if score.value is None:
        sheet.write_string(row + 1, 0, "Too few signs measured", styles.sentence)
    else:
        sheet.write_number(row + 1, 0, float(score.value), styles.score)
    sheet.set_row(row + 1, 30)
    signs = ", ".join(f"{n} {word.lower()}" for word, n in sorted(
        summary.statuses.items(), key=lambda item: list(STATUS_FILLS).index(item[0])
        if item[0] in STATUS_FILLS else 9))
    rests_on = "" if score.value is None else f"From {score.rests_on} of {score.of} signs. "
    sheet.write_string(row + 1, 1, f"{rests_on}Signs: {signs}.", styles.text)
    sheet.merge_range(row + 2, 0, row + 2, 5, score.sentence, styles.muted)
    sheet.set_row(row + 2, 32)
    sheet.merge_range(row + 3, 0, row + 3, 5, summary.period, styles.muted)
    sheet.set_row(row + 3, 32)

    row += 5
    sheet.write_string(row, 0, "In this workbook", styles.heading)
    for row, (name, what) in enumerate(SHEETS.items(), start=row + 1):
        sheet.write_url(row, 0, f"internal:'{name}'!A1", styles.link, string=name)
        rows = summary.counts.get(name)
        if rows is not None:
            sheet.write_number(row, 1, rows, styles.count)
        sheet.write_string(row, 2, what)
    width = OVERVIEW_WIDTHS[0] + OVERVIEW_WIDTHS[1] * last_col
    set_up_printing(sheet, PrintArea(row, last_col, width), heading, header_row=False,
                    one_page=True)


def write_notes(book, styles: Styles, notes: list[str]) -> None:
    """The last sheet: what the file cuts, a sentence a row under the header "Note"."""
    sheet = book.add_worksheet(NOTES_SHEET)
    sheet.write_string(0, 0, "Note", styles.header)
    sheet.set_column(0, 0, 100, styles.wrap)
    for row, note in enumerate(notes, start=1):
        sheet.write_string(row, 0, note)


def fitted_width(header: str, column: Cells, wrap: bool) -> float:
    """A column's width in characters: its header and its longest value, within bounds
    (narrower for text that wraps)."""
    widest = WRAPPED_WIDTH if wrap and column.kind == TEXT else MAX_WIDTH
    return min(max(len(header) + 3, column.width, MIN_WIDTH), widest)


class TableSheet(NamedTuple):
    sheet: object                  # XlsxWriter's worksheet
    widths: list[float]            # its columns' widths, in characters


def write_table(book, styles: Styles, table: Table, bulk: list,
                heading: PageHeading) -> TableSheet:
    """A table sheet: styled frozen header, autofilter, fitted widths, typed cells, printed
    one page wide with the header row on every page."""
    sheet = book.add_worksheet(table.sheet)
    headers = [str(h) for h in table.frame.columns]
    cells = [column_cells(table.frame.iloc[:, i], table.kinds.get(h, TEXT))
             for i, h in enumerate(headers)]
    widths = [fitted_width(h, c, table.wrap) for h, c in zip(headers, cells)]
    for col, (header, column) in enumerate(zip(headers, cells)):
        sheet.write_string(0, col, header, styles.header)
        style = None
        if table.wrap:
            style = styles.wrap if column.kind == TEXT else styles.wrapped_number[column.kind]
        sheet.set_column(col, col, widths[col], style)
    sheet.set_row(0, 20)
    sheet.freeze_panes(1, 0)
    if headers:
        sheet.autofilter(0, 0, max(table.rows, 1), len(headers) - 1)
    if table.rows * len(headers) >= SPLICE_FROM:
        # Styles get their numbers now: styles.xml is written when the book closes.
        number_styles = [(style_attribute(styles.number.get(c.kind)),
                          style_attribute(styles.datetime)) for c in cells]
        bulk.append(BulkTable(sheet, cells, table.rows, number_styles))
    else:
        write_cells(sheet, cells, styles, widths, table.wrap)
    set_up_printing(sheet, PrintArea(table.rows, max(len(headers) - 1, 0), sum(widths)),
                    heading)
    return TableSheet(sheet, widths)


def column_pixels(width: float) -> int:
    """A column's width on screen, as Excel and XlsxWriter reckon it (7 pixels a character
    of Calibri 11, and 5 of padding)."""
    return int(width * 7 + 0.5) + 5


def add_funnel_chart(book, funnel: TableSheet, table: Table, heading: PageHeading) -> None:
    """A native Excel funnel below the table, as wide as the table, both printed on one
    page: centred bars, widest stage at the top. Each bar is a stacked bar of three parts:
    the clients lost since the first step (invisible), then the clients reached twice, so
    every bar is centred on the first step's count."""
    n = table.rows
    if not n:
        return
    headers = [str(h) for h in table.frame.columns]
    lost_col = headers.index(LOST_SINCE_FIRST)
    first = int(table.frame["Clients reached"].iloc[0])
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    categories = [table.sheet, 1, 0, n, 0]
    reached = {"name": "Clients reached", "categories": categories,
               "values": [table.sheet, 1, 1, n, 1], "fill": {"color": BRAND},
               "border": {"none": True}}
    chart.add_series({"name": LOST_SINCE_FIRST, "categories": categories,
                      "values": [table.sheet, 1, lost_col, n, lost_col],
                      "fill": {"none": True}, "border": {"none": True}, "gap": 30})
    chart.add_series(reached)
    chart.add_series({**reached, "data_labels": {
        "value": True, "position": "inside_base", "num_format": "#,##0",
        "font": {"color": "#FFFFFF", "bold": True}}})
    chart.set_title({"name": "Clients reaching each stage"})
    chart.set_legend({"none": True})
    chart.set_y_axis({"reverse": True, "major_tick_mark": "none", "line": {"none": True}})
    chart.set_x_axis({"visible": False, "major_gridlines": {"visible": False},
                      "min": 0, "max": 2 * first or 1})
    height = BAR_PIXELS * n + 80
    top = n + 3                                      # two empty rows below the table
    chart.set_size({"width": sum(map(column_pixels, funnel.widths)), "height": height})
    funnel.sheet.insert_chart(top, 0, chart)
    bottom = top + -(-height // ROW_PIXELS)
    set_up_printing(funnel.sheet, PrintArea(bottom, len(headers) - 1, sum(funnel.widths)),
                    heading, one_page=True)


def colour_statuses(sheet, styles: Styles, table: Table) -> None:
    """Conditional formatting: each sign's name and status coloured by its status."""
    n = table.rows
    if not n:
        return
    status_col = xl_col_to_name(table.frame.columns.get_loc("RAG status"))
    for word, style in styles.status.items():
        sheet.conditional_format(1, 0, n, 1, {"type": "formula",
                                              "criteria": f'=${status_col}2="{word}"',
                                              "format": style})


