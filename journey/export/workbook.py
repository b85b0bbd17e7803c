"""The workbook: the sheets written in order (the Overview laid out as a page, every
other sheet one table with a styled, frozen header row, an autofilter, fitted widths and
typed cells), the native funnel chart, the signs' status colours, and the file written
whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
from pathlib import Path

import pandas as pd
import xlsxwriter
from sqlite_utils import Database
from xlsxwriter.utility import xl_col_to_name

from ..errors import ValidationError
from ..filters import NO_FILTERS, Filters
from ..signs import compute_signs
from ..stages import LABELS
from .bulk import SPLICE_FROM, BulkTable, Progress, splice, style_attribute
from .formats import BRAND, DATE, MAX_WIDTH, MIN_WIDTH, NUMBER_FORMATS, STATUS_FILLS, TEXT, \
    Styles, column_cells, write_cells
from .sheets import (CHART_SPACER, SHEETS, Overview, Table, clients_table, events_table,
                     function_map_table, funnel_table, imports_table, overview,
                     personas_table, signs_table, touchpoints_table)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LARGE_WORKSPACE_ROWS = 50_000   # clients + events: the page builds larger workbooks with a
                                # progress bar first, then offers the download


def export_filename(workspace: str, day: dt.date | None = None) -> str:
    """``<workspace>-journey-<date>.xlsx``, safe on every system."""
    slug = re.sub(r"[^\w]+", "-", workspace, flags=re.ASCII).strip("-") or "workspace"
    return f"{slug}-journey-{(day or dt.date.today()).isoformat()}.xlsx"


# --- the workbook ----------------------------------------------------------------------------

def export_workbook(db: Database, filters: Filters = NO_FILTERS, *, workspace: str = "",
                    progress: Progress | None = None, now: dt.datetime | None = None) -> bytes:
    """The whole workspace as one .xlsx workbook (bytes); see ``journey.export``."""
    progress = progress or (lambda fraction, message: None)
    now = now or dt.datetime.now().replace(microsecond=0)
    progress(0.05, "Measuring the funnel and the signs")
    report = compute_signs(db, filters)
    tables = {"Funnel": funnel_table(db, filters), "Signs": signs_table(report),
              "Personas": personas_table(db), "Touchpoints": touchpoints_table(db),
              "Function map": function_map_table(db)}
    progress(0.2, "Reading the clients")
    tables["Clients"] = clients_table(db, filters)
    progress(0.35, "Reading the events")
    tables["Events"] = events_table(db, filters)
    tables["Imports"] = imports_table(db)
    counts = {name: table.rows for name, table in tables.items()}
    summary = overview(db, filters, report, workspace, counts, now)

    progress(0.5, "Writing the sheets")
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False, "nan_inf_to_errors": False,
        "default_date_format": NUMBER_FORMATS[DATE]})
    book.set_properties({"title": f"{workspace or 'Journey'}: customer journey",
                         "author": "Journey", "created": now,
                         "comments": "Exported from Journey; import it to carry on."})
    styles = Styles(book)
    bulk: list[BulkTable] = []
    write_overview(book, styles, summary)
    funnel_sheet = write_table(book, styles, tables["Funnel"], bulk)
    add_funnel_chart(book, funnel_sheet, tables["Funnel"])
    signs_sheet = write_table(book, styles, tables["Signs"], bulk)
    colour_statuses(signs_sheet, styles, tables["Signs"])
    for name in ("Personas", "Touchpoints", "Function map", "Clients", "Events", "Imports"):
        write_table(book, styles, tables[name], bulk)
    book.close()
    progress(0.7, "Writing the clients and events")
    data = splice(buffer.getvalue(), bulk, progress)
    progress(1.0, "Done")
    return data


def write_workbook_file(db: Database, path: str | os.PathLike, filters: Filters = NO_FILTERS,
                        *, workspace: str = "", progress: Progress | None = None) -> Path:
    """Export to a file, written whole or not at all. Raises ValidationError for a path
    that is not an .xlsx file in an existing folder."""
    target = Path(path)
    if target.suffix.casefold() != ".xlsx":
        raise ValidationError(f"The workbook must be an .xlsx file, not '{target.name}'.")
    if not target.parent.is_dir():
        raise ValidationError(f"There is no folder '{target.parent}' to write "
                              f"{target.name} into.")
    if target.is_dir():
        raise ValidationError(f"'{target}' is a folder, not a file name.")
    data = export_workbook(db, filters, workspace=workspace, progress=progress)
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
    return target



# --- sheets ------------------------------------------------------------------------------------

def write_overview(book, styles: Styles, summary: Overview) -> None:
    """The Overview sheet: a laid-out page rather than a table."""
    sheet = book.add_worksheet("Overview")
    sheet.hide_gridlines(2)
    sheet.set_column(0, 0, 30)
    tiles = summary.tiles
    sheet.set_column(1, max(len(tiles), 4), 19)
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
        sheet.write_number(row + 2, col, int(tile.clients), styles.tile_value)
        before = tiles.iloc[i - 1]["label"] if i else ""
        note = ("first stage" if i == 0 else f"nobody reached {before}"
                if pd.isna(tile.pct_of_previous) else
                f"{tile.pct_of_previous:.0f}% of {before}")
        if isinstance(getattr(tile, "missing", None), str):   # nothing measures this stage
            note = tile.missing
        if dated and not pd.isna(tile.change_pct):
            note += f"\n{tile.change_pct:+.0f}% vs previous period"
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
    for i, (name, what) in enumerate(SHEETS.items(), start=row + 1):
        sheet.write_url(i, 0, f"internal:'{name}'!A1", styles.link, string=name)
        rows = summary.counts.get(name)
        if rows is not None:
            sheet.write_number(i, 1, rows, styles.count)
        sheet.write_string(i, 2, what)


def write_table(book, styles: Styles, table: Table, bulk: list) -> object:
    """A table sheet: styled frozen header, autofilter, fitted widths, typed cells."""
    sheet = book.add_worksheet(table.sheet)
    headers = [str(h) for h in table.frame.columns]
    cells = [column_cells(table.frame.iloc[:, i], table.kinds.get(h, TEXT))
             for i, h in enumerate(headers)]
    for col, (header, column) in enumerate(zip(headers, cells)):
        sheet.write_string(0, col, header, styles.header)
        width = max(len(header) + 3, column.width)
        style = None
        if table.wrap:
            style = styles.wrap if column.kind == TEXT else styles.wrapped_number[column.kind]
        sheet.set_column(col, col, min(max(width, MIN_WIDTH), MAX_WIDTH), style)
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
        write_cells(sheet, cells, styles, table.wrap)
    return sheet


def add_funnel_chart(book, sheet, table: Table) -> None:
    """A native Excel funnel: centred bars (a stacked bar chart whose first, invisible
    series is the half-gap on each side), widest stage at the top."""
    n = table.rows
    if not n:
        return
    spacer_col = table.frame.columns.get_loc(CHART_SPACER)
    sheet.set_column(spacer_col, spacer_col, None, None, {"hidden": True})
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    categories = [table.sheet, 1, 0, n, 0]
    chart.add_series({"name": "spacer", "categories": categories,
                      "values": [table.sheet, 1, spacer_col, n, spacer_col],
                      "fill": {"none": True}, "border": {"none": True}})
    chart.add_series({"name": "Clients reached", "categories": categories,
                      "values": [table.sheet, 1, 1, n, 1], "gap": 30,
                      "fill": {"color": BRAND}, "border": {"none": True},
                      "data_labels": {"value": True, "position": "center", "num_format": "#,##0",
                                      "font": {"color": "#FFFFFF", "bold": True}}})
    chart.set_title({"name": "Clients reaching each stage"})
    chart.set_legend({"none": True})
    chart.set_y_axis({"reverse": True, "major_tick_mark": "none",
                      "line": {"none": True}})
    chart.set_x_axis({"visible": False, "major_gridlines": {"visible": False}})
    chart.set_size({"width": 640, "height": 60 * n + 80})
    chart.show_hidden_data()            # the spacer column is hidden
    sheet.insert_chart(n + 3, 0, chart)


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


