"""What goes in each sheet: the workspace read into one ``Table`` per sheet (the frame,
its column kinds), the Overview's figures, and the list of sheets with their row counts.
Nothing here writes a workbook.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlite_utils import Database

from ..columns import CLIENT_COLUMNS, EVENT_COLUMNS
from ..fields import CLIENT_FIELDS, EVENT_FIELDS, field_type, match_header
from ..filters import FILTER_FIELDS, NO_FILTERS, Filters
from ..funnel import Drop, compute_funnel
from ..overview import (Revenue, measured_drop, missing_evidence, revenue, stage_tiles,
                        without_unmeasured)
from ..signs import SIGN_KEYS, AlignmentScore, SignsReport
from ..stages import LABELS, stage_at_column, stage_model
from ..text import change_number
from ..scorecard import has_revenue, measure_kpis
from ..workshop import actions, kpis, personas, touchpoints
from ..workspace import get_setting
from .formats import (CHANGE, DATE, DECIMAL, FIGURE, INTEGER, MONEY, NUMBER, PERCENT,
                      STATUS_WORDS, TEXT, text_array)

# Sheet name -> what it holds (the Overview lists them; so does the export page).
SHEETS = {
    "Overview": "The stage tiles, the biggest drop-off, the revenue and the alignment score.",
    "Funnel": "Clients reaching each stage, with a funnel chart.",
    "Signs": "The eight signs of misalignment, coloured by status.",
    "Personas": "The persona cards with their live figures (photos stay in the app).",
    "Touchpoints": "The journey map: one row per touchpoint, with its stage.",
    "Function map": "How each function uses the map and the stages it serves.",
    "Goals & KPIs": "The workshop's goal and its KPIs: target, due date, actual and status.",
    "Actions": "The action list: who does what, by when, and where it stands.",
    "Clients": "Every client (the filters applied) with every field and its stages.",
    "Events": "Everything that happened to those clients.",
    "Imports": "The history of imports into the workspace.",
}
SUMMARY_SHEETS = ("Overview", "Funnel", "Signs", "Imports")   # reference rows when imported

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
    pre = get_setting(db, "pre_awareness")
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
        SELECT {', '.join(selects)}, c.extra FROM {filters.clients("c")}
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
    scope = f"e.client_ref IN (SELECT c.id FROM {filters.clients('c')} WHERE {where})" \
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
        clients = _read(db, f"SELECT c.id, c.client_id, c.name FROM {filters.clients('c')} "
                            f"WHERE {where}",
                        params, {"id": pa.int64(), "client_id": pa.string(), "name": pa.string()})
        found = pd.Index(clients["id"]).get_indexer(refs)      # -1: no such client
        for field_name in ("client_id", "name"):
            header = EVENT_COLUMNS[field_name][0]
            theirs = pd.Series(pd.api.extensions.take(clients[field_name].array, found,
                                                      allow_fill=True))
            frame[header] = frame[header].where(refs.isna(), theirs)
    # In date order (events without a date last); Arrow's stable sort keeps the order
    # of import among events of one day, and is several times faster than SQLite's sorter.
    dates = text_array(frame[EVENT_COLUMNS["date"][0]])
    frame = frame.take(pc.sort_indices(dates).to_numpy())
    frame = frame.reset_index(drop=True)
    return Table("Events", _add_extras(frame, frame["extra"]), kinds)


FUNNEL_HEADERS = {"label": "Funnel step", "clients": "Clients reached",
                  "pct_of_previous": "% of the step before", "pct_of_first": "% of the first step",
                  "drop_off": "Lost since the step before", "missing": "Not measured"}
LOST_SINCE_FIRST = "Lost since the first step"   # also the funnel chart's invisible offsets


def funnel_table(db: Database, filters: Filters = NO_FILTERS) -> Table:
    """The funnel of the workspace's stage model, with the clients lost since its first
    step (what the funnel chart centres its bars by); a stage nothing in the data measures
    is empty, with the reason, as on the pages (``overview.without_unmeasured``)."""
    frame = compute_funnel(db, filters=filters,
                           pre_awareness=get_setting(db, "pre_awareness"))
    reached = frame["clients"].astype(int)
    lost = (reached.iloc[0] - reached) if len(frame) else reached
    frame = without_unmeasured(frame, missing_evidence(db))
    frame = frame[list(FUNNEL_HEADERS)].rename(columns=FUNNEL_HEADERS)
    frame.insert(len(FUNNEL_HEADERS) - 1, LOST_SINCE_FIRST,
                 lost.where(frame["Not measured"].isna()))
    return Table("Funnel", frame, {"Clients reached": INTEGER, "% of the step before": PERCENT,
                                   "% of the first step": PERCENT,
                                   "Lost since the step before": INTEGER,
                                   LOST_SINCE_FIRST: INTEGER})


SIGN_HEADERS = ["Sign", "RAG status", "This period", "Previous period", "Change %", "Unit",
                "Measures", "Amber at", "Red at", "Judged on", "Threshold rule", "Stages",
                "Departments", "Evidence rows", "Self-assessment", "Next step"]


def signs_table(report: SignsReport) -> Table:
    """The eight signs (a ``journey.signs.SignsReport``): status, figures and thresholds,
    worst first, as the Signs page orders them (``SignsReport.red_first``)."""
    rows = []
    for s in report.red_first():
        assessed = s.assessment
        rows.append([
            s.title, STATUS_WORDS.get(s.status, s.status), s.value, s.previous,
            None if s.change_pct is None else change_number(s.change_pct),
            s.figure_unit, s.value_label, s.thresholds.get("amber"), s.thresholds.get("red"),
            "its change on the period before" if s.judged_on == "change" else "its level",
            s.rule, s.stage_labels, ", ".join(s.departments), s.evidence_count,
            f"{assessed['score']}/5 {assessed.get('note') or ''}".strip() if assessed else None,
            s.next_step])
    frame = pd.DataFrame(rows, columns=SIGN_HEADERS)
    return Table("Signs", frame, {"This period": FIGURE, "Previous period": FIGURE,
                                  "Change %": CHANGE, "Amber at": DECIMAL, "Red at": DECIMAL,
                                  "Evidence rows": INTEGER}, wrap=True)


def personas_table(db: Database, filters: Filters = NO_FILTERS) -> Table:
    """The persona cards with their labels as headers, and their live figures over the
    clients the filters select (``journey.workshop.personas.export_rows`` and
    ``export_figures``), as the Personas page's cards show them."""
    frame = pd.concat([personas.export_rows(db), personas.export_figures(
        db, filters, revenue_known=has_revenue(db))], axis=1)
    labels = {**personas.LABELS, "archived": "Archived", **personas.FIGURE_LABELS}
    kinds = {labels[f]: NUMBER for f in personas.TARGET_FIELDS}
    kinds.update({labels[f]: INTEGER for f in personas.SCORE_RANGES})
    kinds[labels["target_revenue"]] = MONEY
    kinds.update({labels["clients"]: INTEGER, labels["conversion_pct"]: PERCENT,
                  labels["revenue_current"]: MONEY, labels["revenue_potential"]: MONEY,
                  labels["nps_score"]: DECIMAL, labels["nps_answers"]: INTEGER})
    return Table("Personas", frame.rename(columns=labels), kinds, wrap=True)


def touchpoints_table(db: Database) -> Table:
    """Every touchpoint, one row each, with its stage (``journey.workshop.touchpoints.export_rows``)."""
    headers = touchpoints.HEADERS
    return Table("Touchpoints", touchpoints.export_rows(db),
                 {headers["position"]: INTEGER, headers["emotion"]: INTEGER}, wrap=True)


def kpis_table(db: Database) -> Table:
    """The goal and the KPIs with their live actuals (``journey.workshop.kpis.export_rows``)."""
    frame = kpis.export_rows(db, measure_kpis(db), currency=get_setting(db, "currency"))
    return Table("Goals & KPIs", frame, {"Target": NUMBER, "Actual": NUMBER, "Due": DATE},
                 wrap=True)


def actions_table(db: Database) -> Table:
    """The action list (``journey.workshop.actions.export_rows``)."""
    return Table("Actions", actions.export_rows(db),
                 {"Impact": INTEGER, "Effort": INTEGER, "Due": DATE}, wrap=True)


def function_map_table(db: Database) -> Table:
    """The function map (``journey.workshop.touchpoints.export_function_map``)."""
    return Table("Function map", touchpoints.export_function_map(db), wrap=True)


IMPORT_HEADERS = {"id": "Import", "created_at": "Imported at (UTC)", "file": "File",
                  "sheet": "Sheet", "kind": "Recognised as", "rows": "Rows",
                  "inserted": "Added", "updated - unchanged": "Updated",
                  "unchanged": "Unchanged", "rejected": "Rejected",
                  "undone_at": "Undone at (UTC)"}


def imports_table(db: Database) -> Table:
    """Every import, newest first."""
    frame = _frame(db, f"SELECT {', '.join(IMPORT_HEADERS)} FROM imports ORDER BY id DESC",
                   [], list(IMPORT_HEADERS.values()))
    kinds = {h: INTEGER for h in ("Import", "Rows", "Added", "Updated", "Unchanged",
                                  "Rejected")}
    kinds.update({"Imported at (UTC)": DATE, "Undone at (UTC)": DATE})
    return Table("Imports", frame, kinds)


@dataclass
class Overview:
    """What the Overview sheet shows."""
    workspace: str
    exported_at: dt.datetime
    filters: str
    tiles: pd.DataFrame                # journey.overview.stage_tiles
    drop: Drop | None                  # journey.overview.measured_drop
    score: AlignmentScore
    period: str                        # the signs' period in words
    statuses: dict[str, int]           # status word -> signs
    counts: dict[str, int]             # sheet -> rows
    revenue: Revenue                   # journey.overview.revenue, as the Overview page
    currency: str


def overview(db: Database, filters: Filters, report: SignsReport, workspace: str,
             counts: dict[str, int], now: dt.datetime) -> Overview:
    """The Overview sheet's figures."""
    tiles = stage_tiles(db, filters, pre_awareness=get_setting(db, "pre_awareness"))
    statuses = {}
    for sign in report.signs:
        word = STATUS_WORDS.get(sign.status, sign.status)
        statuses[word] = statuses.get(word, 0) + 1
    return Overview(workspace, now, describe_filters(filters), tiles, measured_drop(tiles),
                    report.score, report.period.note, statuses, counts,
                    revenue(db, filters), get_setting(db, "currency"))


def workbook_contents(db: Database, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The sheets the workbook will hold, with their rows and what they hold (cheap:
    counts only, for the export page)."""
    where, params = filters.where("c")
    one = lambda sql, args=(): db.execute(sql, list(args)).fetchone()[0]  # noqa: E731
    pre = get_setting(db, "pre_awareness")
    counts = {
        "Overview": None,
        "Funnel": len(stage_model(pre)),
        "Signs": len(SIGN_KEYS),
        "Personas": one("SELECT COUNT(*) FROM personas"),
        "Touchpoints": one("SELECT COUNT(*) FROM touchpoints"),
        "Function map": one("SELECT COUNT(*) FROM function_map"),
        "Goals & KPIs": len(kpis.export_rows(db)),
        "Actions": one("SELECT COUNT(*) FROM actions"),
        "Clients": one(f"SELECT COUNT(*) FROM {filters.clients('c')} WHERE {where}", params),
        # Unfiltered, every event counts: without the join SQLite counts an index in
        # milliseconds (with it, 1.5 s on 1,000,000 events).
        "Events": one(f"SELECT COUNT(*) FROM events e JOIN {filters.clients('c')} "
                      "ON c.id = e.client_ref "
                      f"WHERE {where}", params) if _filtered(filters)
        else one("SELECT COUNT(*) FROM events"),
        "Imports": one("SELECT COUNT(*) FROM imports"),
    }
    return pd.DataFrame({"Sheet": list(SHEETS), "Rows": pd.array([counts[s] for s in SHEETS],
                                                                  dtype="Int64"),
                         "What it holds": list(SHEETS.values())})


