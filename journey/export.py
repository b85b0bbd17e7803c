"""The Excel export: everything in a workspace in one workbook that looks made by hand and
imports back.

Sheets, in order: Overview (the stage tiles, the biggest drop-off, the alignment score,
what the workbook holds), Funnel (the table and a native Excel funnel chart), Signs (the
eight, coloured by status with conditional formatting), Personas, Touchpoints, Function
map, Clients (the filters applied; every vocabulary field, then the derived stage
columns), Events (the filtered clients' events) and Imports (the history). Each sheet is
made by one small function; every table has a styled, frozen header row, an autofilter,
column widths that fit and number and date formats.

Decisions, written down here because DESIGN.md is silent on them:

- The frame's filters apply to everything measured from clients: the Overview, Funnel,
  Signs, Clients and Events sheets (the events of the filtered clients; events that
  belong to no client only when nothing is filtered). Personas, touchpoints, the function
  map and the import history are the whole workspace's.
- Round trip: the Clients and Events sheets use the template's headers, so importing the
  workbook into an empty workspace gives the same clients, events, funnel and signs, and
  the Personas, Touchpoints and Function map sheets go to their own importers. Stages are
  written as stage labels (``Purchase``), never as the business's own words, because the
  workspace's stage mapping does not travel with the workbook. A client's persona is the
  persona assigned by hand when there is one (so persona figures survive the trip). An
  event names its client by the client's ID and name. Columns a spreadsheet brought that
  map to no field (kept in ``extra``) come back as their own columns. The summary sheets
  (Overview, Funnel, Signs, Imports) use headers that name no field, so an import keeps
  them as reference rows whatever the file is called. The derived columns on the Clients
  sheet (furthest stage, first activity, ...) name no field either: they come back as
  extra columns of the client (see ``DERIVED_HEADERS``), and are computed afresh.
- Text from people is always written as text: a name starting with ``=``, ``+``, ``-`` or
  ``@`` stays a string cell, never a formula.

Speed: writing a million cells one by one through XlsxWriter costs several seconds, so
the large tables (Clients, Events) are written as sheet XML in bulk with pyarrow's string
kernels and spliced into the workbook XlsxWriter made (which still writes their header
row, widths, filters, frozen panes and formats). Their text goes into the shared string
table. They are read straight into Arrow columns (see ``_read``), an event's client
named from one small query rather than a join per event; their XML is built a chunk at
a time while another thread compresses the chunk before. Small tables are written cell
by cell by XlsxWriter, so charts keep cached values.
bench/export_bench.py measures 10,000 clients and 100,000 events.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import xlsxwriter
from sqlite_utils import Database
from xlsxwriter.utility import xl_col_to_name

from . import personas, touchpoints
from .errors import ValidationError
from .fields import CLIENT_FIELDS, EVENT_FIELDS, field_type, match_header
from .filters import FILTER_FIELDS, NO_FILTERS, Filters
from .funnel import biggest_drop, compute_funnel
from .overview import stage_tiles
from .signs import SIGN_KEYS, AlignmentScore, SignsReport, compute_signs
from .stages import LABELS, stage_at_column, stage_model
from .templates import CLIENT_COLUMNS, EVENT_COLUMNS
from .workspace import get_setting

Progress = Callable[[float, str], None]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Sheet name -> what it holds (the Overview lists them; so does the export page).
SHEETS = {
    "Overview": "The stage tiles, the biggest drop-off and the alignment score.",
    "Funnel": "Clients reaching each stage, with a funnel chart.",
    "Signs": "The eight signs of misalignment, coloured by status.",
    "Personas": "The persona cards (photos stay in the app).",
    "Touchpoints": "The journey map: one row per touchpoint, with its stage.",
    "Function map": "How each function uses the map and the stages it serves.",
    "Clients": "Every client (the filters applied) with every field and its stages.",
    "Events": "Everything that happened to those clients.",
    "Imports": "The history of imports into the workspace.",
}
SUMMARY_SHEETS = ("Overview", "Funnel", "Signs", "Imports")   # reference rows when imported

# Column kinds -> Excel number formats (None: General).
TEXT, NUMBER, INTEGER, MONEY, PERCENT, DECIMAL, DATE = (
    "text", "number", "integer", "money", "percent", "decimal", "date")
NUMBER_FORMATS = {NUMBER: None, INTEGER: "#,##0", MONEY: "#,##0.00", PERCENT: '0.0"%"',
                  DECIMAL: "#,##0.0#", DATE: "yyyy-mm-dd"}
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_FIELD_KINDS = {"text": TEXT, "number": NUMBER, "money": MONEY, "percent": NUMBER,
                "date": DATE, "bool": TEXT, "count": NUMBER, "score": NUMBER}

# The derived columns after the vocabulary fields on the Clients sheet. None of these
# headers names a field, so a re-import keeps them as extra columns and derives afresh.
DERIVED_HEADERS = {
    "furthest_stage": "Furthest stage", "current_stage": "Current stage",
    "outcome": "Journey outcome", "stage_since": "In current stage since",
    "first_date": "First activity", "last_date": "Latest activity",
    **{stage_at_column(s): f"Reached {LABELS[s].lower()}" for s in LABELS},
}
OUTCOME_WORDS = {"active": "Active", "lost": "Lost", "churned": "Churned",
                 "cancelled": "Cancelled"}
STATUS_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "unknown": "Unknown"}
STATUS_FILLS = {"Red": ("#F6D5D5", "#8B1A1A"), "Amber": ("#FBE7C2", "#7A4B00"),
                "Green": ("#D5EDD8", "#1E5C2A"), "Unknown": ("#E8ECEF", "#455A64")}
BRAND = "#1F4E5F"

LARGE_WORKSPACE_ROWS = 50_000   # clients + events: the page builds larger workbooks with a
                                # progress bar first, then offers the download
SPLICE_FROM = 20_000        # cells: tables this large are written as XML in bulk
CHUNK_CELLS = 100_000      # cells of bulk XML built (and compressed) at a time
MIN_WIDTH, MAX_WIDTH = 8, 60
EXCEL_EPOCH = np.datetime64("1899-12-30T00:00:00", "s")
FIRST_SERIAL = 61           # 1900-03-01: Excel cannot show earlier dates correctly


@dataclass
class Table:
    """One sheet that is one table: headers are the frame's columns, values as stored.

    ``kinds`` maps a header to a column kind (TEXT when absent); ``wrap`` wraps long text
    (the workshop sheets, read like cards).
    """
    sheet: str
    frame: pd.DataFrame
    kinds: dict[str, str] = field(default_factory=dict)
    wrap: bool = False

    @property
    def rows(self) -> int:
        return len(self.frame)


# --- what goes in each sheet ---------------------------------------------------------------

def describe_filters(filters: Filters) -> str:
    """The filters in words, for the Overview sheet."""
    parts = []
    if filters.date_from or filters.date_to:
        parts.append(f"first contact {filters.date_from or '…'} to {filters.date_to or '…'}")
    for name in FILTER_FIELDS:
        chosen = getattr(filters, name)
        if chosen:
            parts.append(f"{name.replace('_', ' ')} {', '.join(chosen)}")
    return ("Filtered: " + "; ".join(parts) + ".") if parts else "All clients (no filters)."


def _filtered(filters: Filters) -> bool:
    return filters.where()[0] != "1"


def _label_sql(expression: str, words: dict[str, str] = LABELS) -> str:
    """SQL turning stored words into labels (stages, outcomes); other values unchanged."""
    cases = " ".join(f"WHEN '{key}' THEN '{label}'" for key, label in words.items())
    return f"CASE {expression} {cases} ELSE {expression} END"


def _frame(db: Database, sql: str, params: list, columns: list[str]) -> pd.DataFrame:
    """Rows as a frame of plain Python values (object columns: no type guessing)."""
    rows = db.execute(sql, params).fetchall()
    cells = np.empty((len(rows), len(columns)), dtype=object)
    if rows:
        cells[:] = rows
    return pd.DataFrame(cells, columns=columns, dtype=object)


def _arrow_type(kind: str) -> pa.DataType:
    """The Arrow type a column of this kind is read as (what SQLite's column affinities
    hold: text and dates as strings, numbers as floats)."""
    return pa.string() if kind in (TEXT, DATE) else pa.float64()


def _read(db: Database, sql: str, params: list, types: dict[str, pa.DataType]) -> pd.DataFrame:
    """The query's rows as a frame of Arrow-held columns, named and typed by ``types``, so
    the steps after work on whole columns, not on a Python object per cell. Rows go to
    Arrow a thousand at a time (a hundred thousand row tuples alive at once would set
    Python's cycle collector walking them over and over). Should a value not fit its
    column's type (a word in a number column), the query is read again column by column."""
    row = pa.struct([(str(i), kind) for i, kind in enumerate(types.values())])
    cursor = db.execute(sql, params)
    chunks = []
    try:
        while rows := cursor.fetchmany(1000):
            chunks.append(pa.array(rows, type=row))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        cursor.close()
        return _read_columns(db, sql, params, types)
    columns = pa.chunked_array(chunks, type=row).combine_chunks().flatten()
    return pd.DataFrame({name: pd.arrays.ArrowExtensionArray(column)
                         for name, column in zip(types, columns)})


def _read_columns(db: Database, sql: str, params: list,
                  types: dict[str, pa.DataType]) -> pd.DataFrame:
    """``_read`` column by column: a column with a value that does not fit its type keeps
    plain Python values, as ``_frame`` gives."""
    cursor = db.execute(sql, params)
    values: list[list] = [[] for _ in types]
    while rows := cursor.fetchmany(1000):
        for column, chunk in zip(values, zip(*rows)):
            column.extend(chunk)
    data = {}
    for (name, kind), column in zip(types.items(), values):
        try:
            data[name] = pd.arrays.ArrowExtensionArray(pa.array(column, type=kind))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            cells = np.empty(len(column), dtype=object)
            cells[:] = column
            data[name] = cells
    return pd.DataFrame(data)


def _add_extras(frame: pd.DataFrame, extras: pd.Series, skip=()) -> pd.DataFrame:
    """Unmapped columns kept in ``extra`` (JSON) as columns of their own, after the others.

    A key that is already a header, or that would map to a field on import (a column a
    person chose to keep unmapped), gets " (extra)" so it comes back unmapped. Keys in
    ``skip`` are left out (a derived column an earlier export brought in, now stale).
    """
    filled = extras.dropna()
    if filled.empty:
        return frame.drop(columns="extra")
    records = [json.loads(text) for text in filled.tolist()]
    keys = [k for k in dict.fromkeys(k for record in records for k in record) if k not in skip]
    taken = {h.casefold() for h in frame.columns}
    columns = {}
    for key in keys:
        header = key
        if header.casefold() in taken or match_header(header)[0] is not None:
            header = f"{key} (extra)"
        taken.add(header.casefold())
        values = np.full(len(frame), None, dtype=object)
        positions = frame.index.get_indexer(filled.index)
        values[positions] = [r.get(key) for r in records]
        columns[header] = values
    out = frame.drop(columns="extra")
    return pd.concat([out, pd.DataFrame(columns, index=frame.index)], axis=1)


def clients_table(db: Database, filters: Filters = NO_FILTERS) -> Table:
    """Every client the filters select: the template's columns, then the derived ones."""
    pre = bool(get_setting(db, "pre_awareness"))
    special = {
        "persona": "COALESCE(p.name, c.persona)",
        "stage": _label_sql("COALESCE(c.stage, c.stage_raw)"),
        "contract_on_file": "CASE c.contract_on_file WHEN 1 THEN 'yes' WHEN 0 THEN 'no' "
                            "ELSE c.contract_on_file END",
    }
    derived = {"furthest_stage": _label_sql("c.furthest_stage"),
               "current_stage": _label_sql("c.current_stage"),
               "outcome": f"COALESCE({_label_sql('c.outcome', OUTCOME_WORDS)}, 'Active')",
               "stage_since": "c.stage_since", "first_date": "c.first_date",
               "last_date": "c.last_date",
               **{stage_at_column(s): f"c.[{stage_at_column(s)}]" for s in stage_model(pre)}}
    selects = [special.get(f, f"c.[{f}]") for f in CLIENT_FIELDS] + list(derived.values())
    where, params = filters.where("c")
    headers = [CLIENT_COLUMNS[f][0] for f in CLIENT_FIELDS] + [DERIVED_HEADERS[d] for d in derived]
    kinds = {CLIENT_COLUMNS[f][0]: _FIELD_KINDS[field_type(f)] for f in CLIENT_FIELDS}
    kinds.update({DERIVED_HEADERS[d]: DATE for d in derived
                  if d not in ("furthest_stage", "current_stage", "outcome")})
    frame = _read(db, f"""
        SELECT {', '.join(selects)}, c.extra FROM clients c
        LEFT JOIN persona_assignments a ON a.client_ref = c.id
        LEFT JOIN personas p ON p.id = a.persona_id
        WHERE {where} ORDER BY c.name COLLATE NOCASE, c.client_id, c.id""", params,
                  {**{h: _arrow_type(kinds.get(h, TEXT)) for h in headers}, "extra": pa.string()})
    stale = set(DERIVED_HEADERS.values())
    return Table("Clients", _add_extras(frame, frame["extra"], skip=stale), kinds)


def events_table(db: Database, filters: Filters = NO_FILTERS) -> Table:
    """The events of the clients the filters select (every event when nothing is
    filtered), each naming its client by the client's ID and name."""
    where, params = filters.where("c")
    scope = f"e.client_ref IN (SELECT c.id FROM clients c WHERE {where})" \
        if _filtered(filters) else "1"
    # An event linked to a client names it by the client's ID and name: those come from
    # one small query, not from a join per event (0.4 s more at 100,000 events).
    selects = {
        "client_id": "CASE WHEN e.client_ref IS NULL THEN e.client_id END",
        "name": "CASE WHEN e.client_ref IS NULL THEN e.name END",
        "stage": _label_sql("COALESCE(e.stage, e.stage_raw)"),
    }
    headers = [EVENT_COLUMNS[f][0] for f in EVENT_FIELDS]
    kinds = {EVENT_COLUMNS[f][0]: _FIELD_KINDS[field_type(f)] for f in EVENT_FIELDS}
    frame = _read(db, f"""
        SELECT {', '.join(selects.get(f, f'e.[{f}]') for f in EVENT_FIELDS)}, e.extra,
               e.client_ref
        FROM events e WHERE {scope} ORDER BY e.id""", params,
                  {**{h: _arrow_type(kinds[h]) for h in headers}, "extra": pa.string(),
                   "client_ref": pa.int64()})
    refs = frame.pop("client_ref")
    if refs.notna().any():
        clients = _read(db, f"SELECT c.id, c.client_id, c.name FROM clients c WHERE {where}",
                        params, {"id": pa.int64(), "client_id": pa.string(), "name": pa.string()})
        found = pd.Index(clients["id"]).get_indexer(refs)      # -1: no such client
        for field_name in ("client_id", "name"):
            header = EVENT_COLUMNS[field_name][0]
            theirs = pd.Series(pd.api.extensions.take(clients[field_name].array, found,
                                                      allow_fill=True))
            frame[header] = frame[header].where(refs.isna(), theirs)
    # In date order (events without a date last); Arrow's stable sort keeps the order
    # of import among events of one day, and is several times faster than SQLite's sorter.
    dates = _text_array(frame[EVENT_COLUMNS["date"][0]])
    frame = frame.take(pc.sort_indices(dates).to_numpy())
    frame = frame.reset_index(drop=True)
    return Table("Events", _add_extras(frame, frame["extra"]), kinds)


CHART_SPACER = "Chart spacer"        # the funnel chart's invisible half-gaps (a hidden column)
FUNNEL_HEADERS = {"label": "Funnel step", "clients": "Clients reached",
                  "pct_of_previous": "% of the step before", "pct_of_first": "% of the first step",
                  "drop_off": "Lost since the step before"}


def funnel_table(db: Database, filters: Filters = NO_FILTERS) -> Table:
    """The funnel of the workspace's stage model."""
    frame = compute_funnel(db, filters=filters,
                           pre_awareness=bool(get_setting(db, "pre_awareness")))
    frame = frame[list(FUNNEL_HEADERS)].rename(columns=FUNNEL_HEADERS)
    reached = frame["Clients reached"].astype(float)
    frame[CHART_SPACER] = (reached.max() - reached) / 2 if len(frame) else []
    return Table("Funnel", frame, {"Clients reached": INTEGER, "% of the step before": PERCENT,
                                   "% of the first step": PERCENT,
                                   "Lost since the step before": INTEGER,
                                   CHART_SPACER: NUMBER})


SIGN_HEADERS = ["Sign", "RAG status", "This period", "Previous period", "Change %", "Unit",
                "Measures", "Amber at", "Red at", "Judged on", "Threshold rule", "Stages",
                "Departments", "Evidence rows", "Self-assessment", "Next step"]


def signs_table(report: SignsReport) -> Table:
    """The eight signs (a ``journey.signs.SignsReport``): status, figures and thresholds."""
    rows = []
    for s in report.signs:
        assessed = s.assessment
        rows.append([
            s.title, STATUS_WORDS.get(s.status, s.status), s.value, s.previous, s.change_pct,
            s.unit, s.value_label, s.thresholds.get("amber"), s.thresholds.get("red"),
            "its change on the period before" if s.judged_on == "change" else "its level",
            s.rule, s.stage_labels, ", ".join(s.departments), s.evidence_count,
            f"{assessed['score']}/5 {assessed.get('note') or ''}".strip() if assessed else None,
            s.next_step])
    frame = pd.DataFrame(rows, columns=SIGN_HEADERS)
    return Table("Signs", frame, {"This period": DECIMAL, "Previous period": DECIMAL,
                                  "Change %": PERCENT, "Amber at": DECIMAL, "Red at": DECIMAL,
                                  "Evidence rows": INTEGER}, wrap=True)


def personas_table(db: Database) -> Table:
    """The persona cards with their labels as headers (``journey.personas.export_rows``)."""
    frame = personas.export_rows(db)
    labels = {**personas.LABELS, "archived": "Archived"}
    kinds = {labels[f]: NUMBER for f in personas.TARGET_FIELDS}
    kinds.update({labels[f]: INTEGER for f in personas.SCORE_RANGES})
    kinds[labels["target_revenue"]] = MONEY
    return Table("Personas", frame.rename(columns=labels), kinds, wrap=True)


def touchpoints_table(db: Database) -> Table:
    """Every touchpoint, one row each, with its stage (``journey.touchpoints.export_rows``)."""
    headers = touchpoints.HEADERS
    return Table("Touchpoints", touchpoints.export_rows(db),
                 {headers["position"]: INTEGER, headers["emotion"]: INTEGER}, wrap=True)


def function_map_table(db: Database) -> Table:
    """The function map (``journey.touchpoints.export_function_map``)."""
    return Table("Function map", touchpoints.export_function_map(db), wrap=True)


IMPORT_HEADERS = {"id": "Import", "created_at": "Imported at (UTC)", "file": "File",
                  "sheet": "Sheet", "kind": "Recognised as", "rows": "Rows",
                  "inserted": "Added", "updated": "Updated", "rejected": "Rejected",
                  "undone_at": "Undone at (UTC)"}


def imports_table(db: Database) -> Table:
    """Every import, newest first."""
    frame = _frame(db, f"SELECT {', '.join(IMPORT_HEADERS)} FROM imports ORDER BY id DESC",
                   [], list(IMPORT_HEADERS.values()))
    kinds = {h: INTEGER for h in ("Import", "Rows", "Added", "Updated", "Rejected")}
    kinds.update({"Imported at (UTC)": DATE, "Undone at (UTC)": DATE})
    return Table("Imports", frame, kinds)


@dataclass
class Overview:
    """What the Overview sheet shows."""
    workspace: str
    exported_at: dt.datetime
    filters: str
    tiles: pd.DataFrame                # journey.overview.stage_tiles
    drop: dict | None                  # journey.funnel.biggest_drop
    score: AlignmentScore
    period: str                        # the signs' period in words
    statuses: dict[str, int]           # status word -> signs
    counts: dict[str, int]             # sheet -> rows


def overview(db: Database, filters: Filters, report: SignsReport, workspace: str,
             counts: dict[str, int], now: dt.datetime) -> Overview:
    """The Overview sheet's figures."""
    tiles = stage_tiles(db, filters, pre_awareness=bool(get_setting(db, "pre_awareness")))
    statuses = {}
    for sign in report.signs:
        word = STATUS_WORDS.get(sign.status, sign.status)
        statuses[word] = statuses.get(word, 0) + 1
    return Overview(workspace, now, describe_filters(filters), tiles, biggest_drop(tiles),
                    report.score, report.period.note, statuses, counts)


def workbook_contents(db: Database, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The sheets the workbook will hold, with their rows and what they hold (cheap:
    counts only, for the export page)."""
    where, params = filters.where("c")
    scope = f"c.id IS NOT NULL AND {where}" if _filtered(filters) else "1"
    one = lambda sql, args=(): db.execute(sql, list(args)).fetchone()[0]  # noqa: E731
    pre = bool(get_setting(db, "pre_awareness"))
    counts = {
        "Overview": None,
        "Funnel": len(stage_model(pre)),
        "Signs": len(SIGN_KEYS),
        "Personas": one("SELECT COUNT(*) FROM personas"),
        "Touchpoints": one("SELECT COUNT(*) FROM touchpoints"),
        "Function map": one("SELECT COUNT(*) FROM function_map"),
        "Clients": one(f"SELECT COUNT(*) FROM clients c WHERE {where}", params),
        "Events": one("SELECT COUNT(*) FROM events e LEFT JOIN clients c ON c.id = e.client_ref "
                      f"WHERE {scope}", params),
        "Imports": one("SELECT COUNT(*) FROM imports"),
    }
    return pd.DataFrame({"Sheet": list(SHEETS), "Rows": pd.array(list(counts.values()),
                                                                  dtype="Int64"),
                         "What it holds": list(SHEETS.values())})


def export_filename(workspace: str, day: dt.date | None = None) -> str:
    """``<workspace>-journey-<date>.xlsx``, safe on every system."""
    slug = re.sub(r"[^\w]+", "-", workspace, flags=re.ASCII).strip("-") or "workspace"
    return f"{slug}-journey-{(day or dt.date.today()).isoformat()}.xlsx"


# --- the workbook ----------------------------------------------------------------------------

def export_workbook(db: Database, filters: Filters = NO_FILTERS, *, workspace: str = "",
                    progress: Progress | None = None, now: dt.datetime | None = None) -> bytes:
    """The whole workspace as one .xlsx workbook (bytes); see the module docstring."""
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
    styles = _Styles(book)
    bulk: list[_Bulk] = []
    write_overview(book, styles, summary)
    funnel_sheet = write_table(book, styles, tables["Funnel"], bulk)
    add_funnel_chart(book, funnel_sheet, tables["Funnel"])
    signs_sheet = write_table(book, styles, tables["Signs"], bulk)
    colour_statuses(signs_sheet, styles, tables["Signs"])
    for name in ("Personas", "Touchpoints", "Function map", "Clients", "Events", "Imports"):
        write_table(book, styles, tables[name], bulk)
    book.close()
    progress(0.7, "Writing the clients and events")
    data = _splice(buffer.getvalue(), bulk, progress)
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


class _Styles:
    """The workbook's formats, made once."""

    def __init__(self, book: xlsxwriter.Workbook):
        add = book.add_format
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
                       for kind, fmt in NUMBER_FORMATS.items()}
        self.wrapped_number = {kind: add({"num_format": fmt, "valign": "top"}) if fmt
                               else add({"valign": "top"})
                               for kind, fmt in NUMBER_FORMATS.items()}
        self.datetime = add({"num_format": DATETIME_FORMAT})
        self.status = {word: add({"bg_color": fill, "font_color": font, "bold": True})
                       for word, (fill, font) in STATUS_FILLS.items()}


# --- sheets ------------------------------------------------------------------------------------

def write_overview(book, styles: _Styles, summary: Overview) -> None:
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
        sheet.merge_range(row + 1, 0, row + 1, 5, summary.drop["sentence"], styles.sentence)
        lost = summary.drop["clients_lost"]
        sheet.write_string(row + 2, 0, f"{lost:,} client{'s' * (lost != 1)} stopped between "
                                       f"{LABELS.get(summary.drop['from'])} and "
                                       f"{LABELS.get(summary.drop['to'])}.", styles.muted)
    else:
        sheet.write_string(row + 1, 0, "No drop-off to show: no client matches.", styles.muted)

    row += 4
    sheet.write_string(row, 0, "Alignment score", styles.heading)
    score = summary.score
    if score.value is None:
        sheet.write_string(row + 1, 0, "Not measured yet", styles.sentence)
    else:
        sheet.write_number(row + 1, 0, float(score.value), styles.score)
    sheet.set_row(row + 1, 30)
    signs = ", ".join(f"{n} {word.lower()}" for word, n in sorted(
        summary.statuses.items(), key=lambda item: list(STATUS_FILLS).index(item[0])
        if item[0] in STATUS_FILLS else 9))
    sheet.write_string(row + 1, 1, f"Signs: {signs}.", styles.text)
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


def write_table(book, styles: _Styles, table: Table, bulk: list) -> object:
    """A table sheet: styled frozen header, autofilter, fitted widths, typed cells."""
    sheet = book.add_worksheet(table.sheet)
    headers = [str(h) for h in table.frame.columns]
    cells = [_cells(table.frame.iloc[:, i], table.kinds.get(h, TEXT))
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
        number_styles = [(_style_attribute(styles.number.get(c.kind)),
                          _style_attribute(styles.datetime)) for c in cells]
        bulk.append(_Bulk(sheet, cells, table.rows, number_styles))
    else:
        _write_cells(sheet, cells, styles, table.wrap)
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


def colour_statuses(sheet, styles: _Styles, table: Table) -> None:
    """Conditional formatting: each sign's name and status coloured by its status."""
    n = table.rows
    if not n:
        return
    status_col = xl_col_to_name(table.frame.columns.get_loc("RAG status"))
    for word, style in styles.status.items():
        sheet.conditional_format(1, 0, n, 1, {"type": "formula",
                                              "criteria": f'=${status_col}2="{word}"',
                                              "format": style})


# --- cells -------------------------------------------------------------------------------------

@dataclass
class _Cells:
    """One column's cells: numbers (null where the cell is not a number) and text (null
    where it is not text), as Arrow arrays; ``timed`` marks dates with a time of day."""
    kind: str
    numbers: pa.Array | None
    texts: pa.Array | None
    timed: pa.Array | None
    width: float


def _cells(values: pd.Series, kind: str) -> _Cells:
    values = values.reset_index(drop=True)
    if kind == TEXT:
        texts = _text_array(values)
        return _Cells(kind, None, texts, None, _text_width(texts))
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
        width = len(f"{biggest:,.2f}") + 2 if kind in (MONEY, DECIMAL, PERCENT) else \
            min(len(repr(biggest)) + 2, 14)
    leftover = ~missing & np.isnan(numbers)
    texts = None
    if leftover.any():       # values that are not numbers or dates stay, as text
        texts = _text_array(values.astype(object).where(leftover, None))
        width = max(width, _text_width(texts))
    return _Cells(kind, pa.array(numbers, from_pandas=True), texts, timed, width)


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


def _text_array(values: pd.Series) -> pa.Array:
    try:
        return pa.array(values, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array(values.astype(object).map(
            lambda v: None if v is None or (isinstance(v, float) and v != v) else str(v)),
            type=pa.string())


def _text_width(texts: pa.Array) -> float:
    if texts.null_count == len(texts):
        return 0
    return float(pc.max(pc.utf8_length(texts)).as_py() or 0) + 2


def _write_cells(sheet, cells: list[_Cells], styles: _Styles, wrap: bool) -> None:
    """A small table, cell by cell through XlsxWriter (text always as string cells)."""
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


# --- bulk XML for large tables ----------------------------------------------------------------
# The rows of a large table are built as XML by pyarrow's string kernels, a chunk of rows
# at a time, and written into the sheet XlsxWriter made. Their text goes into the shared
# string table (each distinct text once, escaped once), so the sheets stay small.

@dataclass
class _Bulk:
    sheet: object
    cells: list[_Cells]
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


def _shared_strings(bulk: list[_Bulk], offset: int) -> tuple[pa.Array, int]:
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


def _style_attribute(style) -> str:
    return f' s="{style._get_xf_index()}"' if style is not None else ""


def _column_xml(letter: str, rows: pa.Array, table: _Bulk, col: int, start: int,
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


def _rows_xml(table: _Bulk, start: int, stop: int) -> pa.Array:
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


def _splice(data: bytes, bulk: list[_Bulk], progress: Progress) -> bytes:
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
