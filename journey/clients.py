"""The clients sheet ("track and analyse your buyer"): clients searched, filtered, sorted and
paged in SQL, one client's detail and timeline, and the reward/effort matrix.

A view is the frame's ``Filters`` plus a ``ClientQuery`` (search words, furthest stages,
outcomes, sort). Only one page of rows is read for the table (``LIMIT``/``OFFSET``), with
the total from ``count_clients``, so a workspace of 100,000 clients never travels whole
to the browser; ``client_rows`` without a limit gives every matching row for downloads.

Search: every word must appear (case-insensitively, as typed: ``%`` and ``_`` are literal)
in the name, email, client ID or contact name.

The reward/effort matrix places clients, or groups of them, by revenue potential (the
reward) against effort:

- effort is 6 minus the tracker's reward/effort rank, because the template defines the
  rank as 1 = low reward for the effort and 5 = high reward for the effort: a client
  ranked 5 needs the least effort for what it brings. A client without a rank is placed
  by friction instead: its objections plus complaints (the larger of the tracker's count
  and the logged events, per kind) on the same 1-5 scale: none 1, one 2, two 3, three or
  four 4, five or more 5;
- a group's reward is the sum of its clients' revenue potential, its effort their average
  effort, its size their current revenue (the tracker's, or the sum of their purchases);
- the quadrant lines sit at effort 3 (the middle of the scale; above it is high effort)
  and at the average reward of the points shown; the quadrant names are the persona
  ranking's (``journey.charts.QUADRANTS``), so both matrices speak the same words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from .charts import MIDPOINT, QUADRANTS
from .errors import ValidationError
from .fields import CLIENT_FIELDS, BOOL, COUNT, DATE, MONEY, NUMBER, PERCENT, SCORE
from .kinds import COUNT_LABELS
from .filters import NO_FILTERS, Filters
from .funnel import MISSING
from .stages import ALL_STAGES, LABELS, RANK, normalise_value, stage_at_column, stage_model
from .columns import CLIENT_COLUMNS
from .derive import client_revenue_sql

# --- columns ---------------------------------------------------------------------------

DERIVED_LABELS = {
    "furthest_stage": "Furthest stage", "current_stage": "Current stage",
    "outcome": "Outcome", "stage_since": "In current stage since",
    "first_date": "First seen", "last_date": "Last seen",
    "client_revenue": "Revenue", "revenue_events": "Revenue logged",
    "refunded_events": "Refunds logged", "event_count": "Events", **COUNT_LABELS,
    **{stage_at_column(s): f"Reached {LABELS[s].lower()}" for s in ALL_STAGES},
}
COLUMN_LABELS: dict[str, str] = {
    **{field: CLIENT_COLUMNS[field][0] for field in CLIENT_FIELDS}, **DERIVED_LABELS}
# Columns worked out from stored ones: the client's revenue as every page counts it (the
# tracker's, else its sales less refunds); "Revenue (current)" is the tracker's alone,
# blank for every client of an order list or a payments export.
COMPUTED = {"client_revenue": client_revenue_sql("clients")}
DEFAULT_COLUMNS = ("name", "client_id", "persona", "client_type", "region", "furthest_stage",
                   "outcome", "client_revenue", "revenue_potential", "first_date",
                   "last_date", "purchase_count")
STAGE_COLUMNS = ("furthest_stage", "current_stage", "stage")
SEARCHED = ("name", "email", "client_id", "contact_name")
MAX_SEARCH_WORDS = 8

OUTCOME_LABELS = {"active": "Active", "lost": "Lost", "churned": "Churned",
                  "cancelled": "Cancelled"}

_DERIVED_KINDS = {"client_revenue": "money", "revenue_events": "money",
                  "refunded_events": "money", "stage_since": "date", "first_date": "date",
                  "last_date": "date", "furthest_stage": "text", "current_stage": "text",
                  "outcome": "text"}
_KINDS = {MONEY: "money", NUMBER: "number", PERCENT: "number", COUNT: "count",
          SCORE: "count", DATE: "date", BOOL: "bool"}


def column_kind(column: str) -> str:
    """How a column's values look: money, number, count, date, bool or text."""
    if column in CLIENT_FIELDS:
        return _KINDS.get(CLIENT_FIELDS[column], "text")
    if column.endswith("_at"):
        return "date"
    return _DERIVED_KINDS.get(column, "count")


def check_columns(columns) -> tuple[str, ...]:
    """The chosen columns in a stable order; ValidationError for one that is not a column."""
    unknown = [c for c in columns if c not in COLUMN_LABELS]
    if unknown:
        raise ValidationError(f"'{unknown[0]}' is not a client column. Choose from: "
                              f"{', '.join(COLUMN_LABELS)}.")
    return tuple(dict.fromkeys(columns)) or ("name",)


# --- the view ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ClientQuery:
    """The page's own filters and order, on top of the frame's ``Filters``."""
    search: str = ""
    furthest: tuple[str, ...] = ()        # furthest stages to keep
    outcomes: tuple[str, ...] = ()        # "active" (no outcome), "lost", "churned", "cancelled"
    sort: str = "name"
    descending: bool = False

    def where(self, filters: Filters = NO_FILTERS) -> tuple[str, list]:
        """``(sql, params)`` for the WHERE of the clients table (no alias)."""
        sql, params = filters.where()
        clauses = [f"({sql})"]
        for word in self.search.split()[:MAX_SEARCH_WORDS]:
            clauses.append("(" + " OR ".join(f"[{c}] LIKE ? ESCAPE '\\'" for c in SEARCHED)
                           + ")")
            params += [like_pattern(word)] * len(SEARCHED)
        if self.furthest:
            unknown = [s for s in self.furthest if s not in RANK]
            if unknown:
                raise ValidationError(f"'{unknown[0]}' is not a stage.")
            clauses.append(f"furthest_rank IN ({', '.join('?' * len(self.furthest))})")
            params += [RANK[s] for s in self.furthest]
        if self.outcomes:
            unknown = [o for o in self.outcomes if o not in OUTCOME_LABELS]
            if unknown:
                raise ValidationError(f"'{unknown[0]}' is not an outcome. Choose from: "
                                      f"{', '.join(OUTCOME_LABELS)}.")
            named = [o for o in self.outcomes if o != "active"]
            either = [f"outcome IN ({', '.join('?' * len(named))})"] if named else []
            if "active" in self.outcomes:
                either.append("outcome IS NULL")
            clauses.append("(" + " OR ".join(either) + ")")
            params += named
        return " AND ".join(clauses), params

    def order_by(self) -> str:
        """``ORDER BY`` text: blanks last in either direction, ties in the order the clients
        were added (so pages never overlap)."""
        if self.sort not in COLUMN_LABELS:
            raise ValidationError(f"Cannot sort by '{self.sort}': it is not a client column.")
        expression = sort_expression(self.sort)
        direction = "DESC" if self.descending else "ASC"
        return f"{expression} IS NULL, {expression} {direction}, id"


def like_pattern(word: str) -> str:
    """``%word%`` for ``LIKE ... ESCAPE '\\'``, with the word's own ``%`` and ``_`` literal."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def sort_expression(column: str) -> str:
    """What a column sorts by: stages by their rank, text ignoring case."""
    if column == "furthest_stage":
        return "furthest_rank"
    if column in COMPUTED:
        return f"({COMPUTED[column]})"
    if column in ("current_stage", "stage"):
        return "CASE [" + column + "] " + " ".join(
            f"WHEN '{s}' THEN {r}" for s, r in RANK.items()) + " END"
    if column_kind(column) == "text":
        return f"[{column}] COLLATE NOCASE"
    return f"[{column}]"


def count_clients(db: Database, filters: Filters = NO_FILTERS,
                  query: ClientQuery = ClientQuery()) -> int:
    """How many clients the view matches."""
    where, params = query.where(filters)
    return db.execute(f"SELECT COUNT(*) FROM {filters.clients()} WHERE {where}",
                      params).fetchone()[0]


def client_rows(db: Database, filters: Filters = NO_FILTERS, query: ClientQuery = ClientQuery(),
                columns=DEFAULT_COLUMNS, *, limit: int | None = None,
                offset: int = 0) -> pd.DataFrame:
    """The view's clients in order, one page (``limit``/``offset``) or all of them: human
    column labels, stages and outcomes as words, indexed by the client's row id."""
    columns = check_columns(columns)
    where, params = query.where(filters)
    selected = ", ".join(f"{COMPUTED[c]} AS [{c}]" if c in COMPUTED else f"[{c}]"
                         for c in columns)
    sql = (f"SELECT id, {selected} FROM {filters.clients()} WHERE {where} "
           f"ORDER BY {query.order_by()}")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), max(0, int(offset))]
    rows = db.execute(sql, params).fetchall()
    frame = pd.DataFrame(rows, columns=["id", *columns]).set_index("id")
    return label_frame(frame)


def label_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Raw client columns as people read them: labels for headers, words for stages."""
    frame = frame.copy()
    for column in frame.columns:
        kind, values = column_kind(column), frame[column]
        if column in STAGE_COLUMNS:
            frame[column] = values.map(LABELS).fillna(values)
        elif column == "outcome":
            frame[column] = values.map(OUTCOME_LABELS).fillna(values).fillna(
                OUTCOME_LABELS["active"])
        elif kind == "bool":
            frame[column] = values.map({1: "yes", 0: "no"})      # 1.0 == 1: one key
        elif kind == "date":
            frame[column] = values.where(values.isna(), values.astype(str).str[:10])
        elif kind in ("money", "number", "count"):
            frame[column] = pd.to_numeric(values, errors="coerce")
    return frame.rename(columns=COLUMN_LABELS)


def export_rows(db: Database, filters: Filters = NO_FILTERS, query: ClientQuery = ClientQuery(),
                columns=DEFAULT_COLUMNS) -> pd.DataFrame:
    """Every client of the view, in order, with the chosen columns: the download."""
    return client_rows(db, filters, query, columns).reset_index(drop=True)


def client_count(db: Database) -> int:
    """How many clients the workspace holds."""
    return db.execute("SELECT COUNT(*) FROM clients").fetchone()[0]


# --- one client ----------------------------------------------------------------------------

def client_label(name, client_id) -> str:
    """How a client is named in a list: "Name (ID)"."""
    name = str(name).strip() if name is not None and str(name).strip() else "(no name)"
    return f"{name} ({client_id})" if client_id not in (None, "") else name


def client_labels(db: Database, client_refs) -> dict[int, str]:
    """Row id -> "Name (ID)" for these clients (those that exist)."""
    ids = [int(i) for i in client_refs]
    if not ids:
        return {}
    rows = db.execute(f"SELECT id, name, client_id FROM clients WHERE id IN "
                      f"({', '.join('?' * len(ids))})", ids).fetchall()
    return {i: client_label(name, cid) for i, name, cid in rows}


def format_value(column: str, value, currency: str = "$") -> str:
    """One value as text for the detail view ("" when blank)."""
    if column == "outcome":
        return OUTCOME_LABELS.get(value or "active", str(value))
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return ""
    kind = column_kind(column)
    if column in STAGE_COLUMNS:
        return LABELS.get(value, str(value))
    if kind == "bool":
        return "yes" if value else "no"
    if kind in ("money", "number", "count") and isinstance(value, (int, float)):
        digits = 0 if float(value).is_integer() else 2
        text = f"{float(value):,.{digits}f}"
        return f"{currency}{text}" if kind == "money" else text
    return str(value)


def client_detail(db: Database, client_ref: int, currency: str = "$") -> dict | None:
    """Everything known about one client, or None if there is no such client.

    Keys: ``id``, ``name``, ``label``, ``furthest_stage``, ``current_stage``, ``outcome``,
    ``stage_since`` (stage names and dates as stored), ``revenue`` (as every page counts
    it: the tracker's, else its sales less refunds), ``revenue_current`` (the tracker's),
    ``revenue_potential``, ``purchases`` (the larger of the tracker's count and the logged
    purchases), ``fields`` (every vocabulary field, and the stage as the spreadsheet wrote
    it: Field, Value), ``extra`` (the columns kept from the spreadsheet: Column, Value),
    ``stages`` (Stage, Reached on, Note).
    """
    row = db.execute("SELECT * FROM clients WHERE id = ?", [int(client_ref)]).fetchone()
    if row is None:
        return None
    names = [d[0] for d in db.execute("SELECT * FROM clients LIMIT 0").description]
    client = dict(zip(names, row))
    values = [(COLUMN_LABELS[f], format_value(f, client.get(f), currency))
              for f in CLIENT_FIELDS]
    raw = client.get("stage_raw")
    if raw and normalise_value(raw) != normalise_value(LABELS.get(client.get("stage"), "")):
        at = list(CLIENT_FIELDS).index("stage") + 1
        values.insert(at, ("Stage as written", str(client["stage_raw"])))
    fields = pd.DataFrame(values, columns=["Field", "Value"])
    try:
        extra = json.loads(client.get("extra") or "{}")
    except ValueError:
        extra = {"(unreadable)": client.get("extra")}
    extras = pd.DataFrame([(str(k), "" if v is None else str(v)) for k, v in extra.items()],
                          columns=["Column", "Value"])
    return {
        "id": client["id"], "name": client.get("name"),
        "label": client_label(client.get("name"), client.get("client_id")),
        "furthest_stage": client.get("furthest_stage"),
        "current_stage": client.get("current_stage"), "outcome": client.get("outcome"),
        "stage_since": client.get("stage_since"),
        "revenue": db.execute(f"SELECT {COMPUTED['client_revenue']} FROM clients WHERE id = ?",
                              [client["id"]]).fetchone()[0],
        "revenue_current": client.get("revenue_current"),
        "revenue_potential": client.get("revenue_potential"),
        "purchases": max(client.get("purchases") or 0, client.get("purchase_count") or 0),
        "fields": fields, "extra": extras,
        "stages": _stages_reached(client),
    }


def _stages_reached(client: dict) -> pd.DataFrame:
    """The date each stage was first reached; stages past the furthest are left blank."""
    furthest = client.get("furthest_rank")
    shown = stage_model(bool(client.get("pre_awareness_at")) or client.get("stage")
                        == "pre-awareness")
    rows = []
    for stage in shown:
        reached = furthest is not None and RANK[stage] <= furthest
        date = client.get(stage_at_column(stage))
        note = []
        if stage == client.get("furthest_stage"):
            note.append("furthest")
        if stage == client.get("current_stage"):
            note.append("current")
        rows.append((LABELS[stage], (str(date)[:10] if date else "date not known")
                     if reached else "", ", ".join(note)))
    return pd.DataFrame(rows, columns=["Stage", "Reached on", "Note"])


TIMELINE_COLUMNS = ["Date", "Kind", "Stage", "Channel", "Touchpoint", "Department", "Amount",
                    "Status", "Reason", "Note", "Order ID", "More"]


def client_timeline(db: Database, client_ref: int) -> pd.DataFrame:
    """A client's events, oldest first (undated ones last): the columns of
    ``TIMELINE_COLUMNS``, "More" holding the columns kept from the spreadsheet."""
    rows = db.execute(
        "SELECT date, kind, stage, channel, touchpoint, department, amount, status, reason, "
        "note, order_id, extra FROM events WHERE client_ref = ? "
        "ORDER BY date IS NULL, date, id", [int(client_ref)]).fetchall()
    frame = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    frame["Kind"] = frame["Kind"].map(kind_label, na_action="ignore")
    frame["Stage"] = frame["Stage"].map(lambda s: LABELS.get(s, s), na_action="ignore")
    frame["Amount"] = pd.to_numeric(frame["Amount"], errors="coerce")
    frame["More"] = frame["More"].map(_extra_text, na_action="ignore")
    return frame


def kind_label(kind: str) -> str:
    """``internal_complaint`` -> "Internal complaint"; NPS stays upper-case."""
    return "NPS" if kind == "nps" else str(kind).replace("_", " ").capitalize()


def _extra_text(text: str) -> str:
    try:
        extra = json.loads(text)
    except ValueError:
        return str(text)
    return "; ".join(f"{k}: {v}" for k, v in extra.items()) if isinstance(extra, dict) \
        else str(extra)


# --- the reward/effort matrix ------------------------------------------------------------------

GROUPINGS = {"persona": "Persona", "client_type": "Client type", "buyer_type": "Buyer type",
             "client": "Each client"}
MATRIX_CLIENTS = 300           # "each client" shows the clients with the most potential
MATRIX_COLUMNS = ["label", "clients", "revenue_potential", "revenue_current", "effort",
                  "ranked", "quadrant"]

_FRICTION = ("(MAX(COALESCE(objections, 0), COALESCE(objection_count, 0)) "
             "+ MAX(COALESCE(complaints, 0), COALESCE(complaint_count, 0)))")
EFFORT_SQL = (f"CASE WHEN reward_effort_rank BETWEEN 1 AND 5 THEN 6 - reward_effort_rank "
              f"ELSE CASE WHEN {_FRICTION} <= 0 THEN 1 WHEN {_FRICTION} <= 1 THEN 2 "
              f"WHEN {_FRICTION} <= 2 THEN 3 WHEN {_FRICTION} <= 4 THEN 4 ELSE 5 END END")
RANKED_SQL = "COALESCE(reward_effort_rank BETWEEN 1 AND 5, 0)"
REVENUE_SQL = client_revenue_sql()


def reward_effort(db: Database, filters: Filters = NO_FILTERS,
                  query: ClientQuery = ClientQuery(), by: str = "persona") -> pd.DataFrame:
    """The view's clients (``by="client"``) or groups of them placed for the matrix.

    One row per point: ``label``, ``clients``, ``revenue_potential`` (sum), ``revenue_current``
    (sum), ``effort`` (average, 1-5), ``ranked`` (how many were placed by their rank rather
    than by friction) and ``quadrant``. Clients without a revenue potential are left out;
    with ``by="client"``, only the ``MATRIX_CLIENTS`` with the most potential are kept.
    """
    if by not in GROUPINGS:
        raise ValidationError(f"Cannot group the matrix by '{by}'. Choose from: "
                              f"{', '.join(GROUPINGS)}.")
    where, params = query.where(filters)
    where += " AND revenue_potential IS NOT NULL"
    if by == "client":
        sql = (f"SELECT id, name, client_id, 1, revenue_potential, {REVENUE_SQL}, "
               f"{EFFORT_SQL}, {RANKED_SQL} FROM {filters.clients()} WHERE {where} "
               f"ORDER BY revenue_potential DESC, id LIMIT ?")
        rows = db.execute(sql, [*params, MATRIX_CLIENTS]).fetchall()
        points = [(client_id, client_label(name, cid), *rest)
                  for client_id, name, cid, *rest in rows]
        frame = pd.DataFrame(points, columns=["id", *MATRIX_COLUMNS[:-1]])
    else:
        sql = (f"SELECT COALESCE(NULLIF(TRIM(CAST([{by}] AS TEXT)), ''), ?) AS label, "
               f"COUNT(*), SUM(revenue_potential), SUM({REVENUE_SQL}), AVG({EFFORT_SQL}), "
               f"SUM({RANKED_SQL}) FROM {filters.clients()} WHERE {where} GROUP BY 1 "
               f"ORDER BY SUM(revenue_potential) DESC, 1")
        rows = db.execute(sql, [MISSING, *params]).fetchall()
        frame = pd.DataFrame(rows, columns=MATRIX_COLUMNS[:-1])
        frame.insert(0, "id", None)
    frame["revenue_current"] = pd.to_numeric(frame["revenue_current"]).fillna(0.0)
    frame["effort"] = pd.to_numeric(frame["effort"]).astype(float).round(2)
    frame["quadrant"] = place(frame["revenue_potential"], frame["effort"])
    return frame


def potential_counts(db: Database, filters: Filters = NO_FILTERS,
                     query: ClientQuery = ClientQuery()) -> tuple[int, int]:
    """How many of the view's clients have a revenue potential, and how many do not."""
    where, params = query.where(filters)
    row = db.execute(f"SELECT COUNT(revenue_potential), COUNT(*) - COUNT(revenue_potential) "
                     f"FROM {filters.clients()} WHERE {where}", params).fetchone()
    return int(row[0]), int(row[1])


def matrix_caption(points: pd.DataFrame, by: str, with_potential: int, without: int) -> str:
    """What the matrix's axes, bubbles and lines mean, for the points shown."""
    ranked, placed = int(points["ranked"].sum()), int(points["clients"].sum())
    rank_rule = ("Effort is 6 minus the reward/effort rank from your tracker (a client "
                 "ranked 5, high reward for the effort, sits at 1)")
    friction_rule = "(none 1, one 2, two 3, three or four 4, five or more 5)"
    if ranked == placed:
        effort = rank_rule
    elif ranked:
        effort = (f"{rank_rule}; clients without a rank are placed by their objections and "
                  f"complaints {friction_rule}")
    else:
        effort = ("Effort comes from each client's objections and complaints, as your "
                  f"tracker has no reward/effort rank {friction_rule}")
    if by == "client":
        axes = (f"Up: each client's revenue potential (the {len(points):,} with the most "
                f"potential of the {with_potential:,} that have one). Right: effort. ")
    else:
        axes = ("Up: the group's revenue potential, summed over its clients. Right: their "
                "average effort. ")
    missing = (f" {without:,} matching clients have no revenue potential and are not placed."
               if without else "")
    return (f"{axes}{effort}. Bubble size: current revenue. The dotted lines split the chart "
            "at effort 3 and at the average potential of the points shown: serve first what "
            "brings much for little effort; reconsider what asks a lot and brings little."
            + missing)


def reward_line(points: pd.DataFrame) -> float | None:
    """Where high reward starts: the average revenue potential of the points shown."""
    return float(points["revenue_potential"].mean()) if len(points) else None


def place(reward: pd.Series, effort: pd.Series) -> list[str]:
    """The quadrant of each point: reward above the points' average is high, effort above
    the middle of the scale (3) is high."""
    line = float(reward.mean()) if len(reward) else 0.0
    return [QUADRANTS[(float(r) > line, float(e) > MIDPOINT)] for r, e in zip(reward, effort)]
