"""Derived per-client figures, stored with the client so pages read them in milliseconds.

``refresh_clients`` recomputes, in SQL, each client's furthest stage, current stage,
outcome, first and last dates, counts per event kind, and the date each stage was
first reached. Call it inside the same transaction as the write that changed the data.
``insert_new_clients`` stores new clients with the figures the same query gives them.
The rule is ``journey.stages.furthest_stage``; tests check that both agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlite_utils import Database

from .kinds import (
    ADVOCACY, ADVOCACY_EVENT, AFTER_PURCHASE, COUNTS, DEALS, POOR_REVIEW, PURCHASES, SALES,
    SAYS_STAGE)
from .stages import ALL_STAGES, RANK, stage_at_column
from .errors import WorkspaceBusy
from .workspace import after_open, write

RANK_CASE = "CASE {col} " + " ".join(
    f"WHEN '{stage}' THEN {rank}" for stage, rank in RANK.items()) + " END"



def _stated(stage: str) -> str:
    return stage_at_column(stage).replace("_at", "_stated")


def _stage_at(stage: str) -> str:
    return f"MIN(CASE WHEN e.stage = '{stage}' THEN e.date END)"


# Whether a client's sales are its purchases (kinds.SALES) rather than its won deals
# (kinds.DEALS): the kind it has more of, purchases when as many. A deal won in the CRM and
# the invoice that bills it are one sale; two deals won and one shop order are two sales.
BY_PURCHASES = (f"(SUM(e.kind IN {SALES}) > 0 "
                f"AND SUM(e.kind IN {SALES}) >= SUM(e.kind IN {DEALS}))")


def of_sales(aggregate: str) -> str:
    """An aggregate over a client's sales (``{kinds}`` in ``aggregate``): its purchases or
    its won deals, as ``BY_PURCHASES`` chooses."""
    return (f"CASE WHEN {BY_PURCHASES} THEN {aggregate.format(kinds=SALES)} "
            f"ELSE {aggregate.format(kinds=DEALS)} END")


# A sale with no amount that another import's sale with an amount bills, for the same
# client on the same day (an appointment kept and its invoice, a job done and its payment):
# one sale, counted once. So is a sale of the same amount that an earlier import holds for
# the same client on the same day (a salon's appointment at its price and the till's
# payment, a job sheet's paid job and its invoice): the n-th such sale of an import is
# billed when one earlier import holds n or more. Two rows of one sheet are two sales.
_BILLED_ELSEWHERE = f"""
INSERT INTO _billed
SELECT e.id FROM events e
WHERE e.kind IN {SALES} AND e.amount IS NULL AND e.client_ref IS NOT NULL {{scope}}
  AND EXISTS (SELECT 1 FROM events f WHERE f.client_ref = e.client_ref
              AND f.kind IN {SALES} AND f.amount IS NOT NULL
              AND f.import_id IS NOT e.import_id
              AND f.date >= substr(e.date, 1, 10) AND f.date < date(e.date, '+1 day'))
UNION
SELECT s.id FROM (
  SELECT e.id, e.client_ref, e.import_id, e.amount, substr(e.date, 1, 10) AS day,
         ROW_NUMBER() OVER (PARTITION BY e.client_ref, substr(e.date, 1, 10), e.amount,
                                         e.import_id ORDER BY e.id) AS n
  FROM events e
  WHERE e.kind IN {SALES} AND e.amount IS NOT NULL AND e.client_ref IS NOT NULL {{scope}}
    AND e.client_ref IN (SELECT e.client_ref FROM events e WHERE e.kind IN {SALES}
                         AND e.amount IS NOT NULL AND e.client_ref IS NOT NULL {{scope}}
                         GROUP BY e.client_ref HAVING MIN(e.import_id) < MAX(e.import_id))) s
WHERE EXISTS (SELECT 1 FROM events f WHERE f.client_ref = s.client_ref
              AND f.kind IN {SALES} AND f.amount = s.amount AND f.import_id < s.import_id
              AND f.date >= s.day AND f.date < date(s.day, '+1 day')
              GROUP BY f.import_id HAVING COUNT(*) >= s.n)
"""

_AGGREGATE = f"""
CREATE TEMP TABLE _agg AS
SELECT e.client_ref AS id,
  COUNT(*) AS event_count,
  {", ".join(f"SUM(e.kind IN {kinds}) AS {column}" for column, kinds in COUNTS.items()
             if column != "purchase_count")},
  {of_sales("SUM(e.kind IN {kinds} AND b.id IS NULL)")} AS purchase_count,
  {of_sales("COUNT(DISTINCT CASE WHEN e.kind IN {kinds} THEN substr(e.date, 1, 10) END)")}
    AS purchase_days,
  {of_sales("SUM(CASE WHEN e.kind IN {kinds} AND b.id IS NULL THEN e.amount END)")}
    AS revenue_events,
  SUM(CASE WHEN e.kind IN {COUNTS['refund_count']} AND e.amount > 0 THEN e.amount END)
    AS refunded_events,
  {BY_PURCHASES} AS by_purchases,
  SUM({ADVOCACY_EVENT}) AS advocacy_events,
  SUM(e.kind IN {AFTER_PURCHASE}) AS bought_evidence,
  MIN(e.date) AS first_date, MAX(e.date) AS last_date,
  MAX({RANK_CASE.format(col='e.stage')}) AS event_rank,
  MIN(CASE WHEN e.kind IN {PURCHASES} THEN e.date END) AS first_purchase,
  {of_sales("MIN(CASE WHEN e.kind IN {kinds} THEN e.date END)")} AS first_sale,
  MIN(CASE WHEN {ADVOCACY_EVENT} THEN e.date END) AS first_advocacy,
  {", ".join(f"{_stage_at(s)} AS {_stated(s)}" for s in ALL_STAGES)}
FROM events e LEFT JOIN _billed b ON b.id = e.id
WHERE e.client_ref IS NOT NULL {{scope}}
GROUP BY e.client_ref
"""

# The second sale: a client's sale (a purchase or a won deal, as BY_PURCHASES chose) on a
# later day than its first; a deal won before its invoice is one sale, dated by the deal
# (first_purchase).
_SECOND_PURCHASE = f"""
CREATE TEMP TABLE _second AS
SELECT e.client_ref AS id, MIN(e.date) AS second_purchase
FROM events e JOIN _agg a ON a.id = e.client_ref
WHERE e.kind IN {PURCHASES} AND (e.kind IN {SALES}) = a.by_purchases
  AND substr(e.date, 1, 10) > substr(a.first_sale, 1, 10)
GROUP BY e.client_ref
"""

# The stage of each client's latest event that says one: its stage column, else what the
# event itself shows (a purchase or won deal -> purchase, a referral or review -> advocacy).
# ``bought`` marks a latest event that is a sale (a purchase, or a won deal, whose stage is
# purchase: a CRM's "closed won"), which for a client who has bought on an earlier day
# means retention (DESIGN.md: a second purchase on a later date is retention).
_LATEST_STAGE = f"""
CREATE TEMP TABLE _latest AS
SELECT client_ref AS id, stage, bought FROM (
  SELECT client_ref,
         COALESCE(stage, CASE WHEN kind IN {PURCHASES} THEN 'purchase'
                              ELSE 'advocacy' END) AS stage,
         kind IN {PURCHASES} AND COALESCE(stage, 'purchase') = 'purchase' AS bought,
         ROW_NUMBER() OVER (PARTITION BY client_ref ORDER BY date DESC, id DESC) AS n
  FROM events e WHERE client_ref IS NOT NULL
    AND (stage IS NOT NULL OR kind IN {PURCHASES}
         OR (kind IN {ADVOCACY} AND NOT COALESCE({POOR_REVIEW}, 0))) {{scope}}
) WHERE n = 1
"""


def client_revenue_sql(table: str = "clients") -> str:
    """SQL of a client's revenue (of the clients row ``table`` names): the tracker's
    revenue, else the amounts of its sales less the money its refunds gave back
    (``refunded_events``: a refunded order brought nothing; a partial refund, the rest),
    never below 0; NULL where no sale has an amount. Every revenue the pages show (persona
    cards, KPIs, money at stake, reward and effort) is this one."""
    return (f"COALESCE({table}.revenue_current, MAX(0.0, {table}.revenue_events "
            f"- COALESCE({table}.refunded_events, 0)))")


def earliest(*expressions: str) -> str:
    """SQL for the earliest of dates that may be NULL (NULL when all are): SQLite's scalar
    MIN() is NULL as soon as one is, so each falls back on the first known one. (A stand-in
    such as '9999' would sort before a stored 9999-12-31 and lose it.)"""
    if len(expressions) == 1:
        return expressions[0]
    known = ", ".join(expressions)
    return "MIN(" + ", ".join(f"COALESCE({e}, {known})" for e in expressions) + ")"


def _evidence_rank(c: str) -> str:
    """The highest stage that the evidence proves, or -1 when nothing does (client alias c)."""
    return f"""MAX(
      COALESCE({RANK_CASE.format(col=c + '.stage')}, -1),
      COALESCE(a.event_rank, -1),
      CASE WHEN COALESCE(a.purchase_count, 0) > 0 OR {c}.purchases >= 1 OR {c}.refunds >= 1
             OR COALESCE(a.bought_evidence, 0) > 0 OR {c}.status = 'churned'
           THEN {RANK['purchase']} ELSE -1 END,
      CASE WHEN COALESCE(a.purchase_days, 0) >= 2 OR {c}.purchases >= 2
           THEN {RANK['retention']} ELSE -1 END,
      CASE WHEN COALESCE(a.advocacy_events, 0) > 0 OR {c}.referrals >= 1 OR {c}.nps >= 9
           THEN {RANK['advocacy']} ELSE -1 END
    )"""


def _stage_named(rank: str) -> str:
    return " ".join([f"CASE {rank}"] + [f"WHEN {r} THEN '{s}'" for s, r in RANK.items()]
                    + ["END"])


_COUNTS = ("event_count", "purchase_days", *COUNTS)
_AT = {
    "pre_awareness_at": "a.pre_awareness_stated",
    "awareness_at": earliest("c2.first_contact", "a.first_date"),
    "consideration_at": "a.consideration_stated",
    "purchase_at": earliest("a.first_purchase", "a.purchase_stated"),
    "retention_at": earliest("s.second_purchase", "a.retention_stated"),
    "advocacy_at": earliest("a.first_advocacy", "a.advocacy_stated"),
}
assert set(_AT) == {stage_at_column(s) for s in ALL_STAGES}

# A client seen once, on its first contact, was last seen then; one known only by its last
# contact was first seen by then: last_date is never before first_contact, first_date never
# after last_contact (the signs count a client active, or a customer won, from these).
# Each client's figures, from its row (c2, in the table {clients}) and its events' summaries
# (a, s, l): the inner query works out the figures, the one around it the current stage
# (which needs the furthest rank). The stage a client's row states (a client list's, of no
# date) is the current one unless its sales say more (``sold_rank``: a "Lead" with an order
# since is at purchase, a "Customer" who ordered on two days at retention).
_FIGURES = f"""
  SELECT y.*, COALESCE(
    CASE WHEN COALESCE({RANK_CASE.format(col='y.stage')}, -1) >= y.sold_rank THEN y.stage END,
    CASE WHEN y.latest_bought AND y.rank >= {RANK['retention']} THEN 'retention'
         ELSE y.latest_stage END,
    {_stage_named('y.rank')}) AS current
  FROM (
    SELECT c2.id, c2.stage, l.stage AS latest_stage, l.bought AS latest_bought,
      CASE WHEN c2.stage = 'pre-awareness' AND ({_evidence_rank('c2')}) <= 0 THEN 0
           ELSE MAX({RANK['awareness']}, {_evidence_rank('c2')}) END AS rank,
      CASE WHEN COALESCE(a.purchase_days, 0) >= 2 THEN {RANK['retention']}
           WHEN COALESCE(a.purchase_count, 0) > 0 THEN {RANK['purchase']}
           ELSE -1 END AS sold_rank,
      {", ".join(f"COALESCE(a.{name}, 0) AS {name}" for name in _COUNTS)},
      a.revenue_events AS revenue_events, a.refunded_events AS refunded_events,
      {earliest('c2.first_contact', 'a.first_date', 'c2.last_contact')} AS first_date,
      NULLIF(MAX(COALESCE(c2.last_contact, ''), COALESCE(a.last_date, ''),
                 COALESCE(c2.first_contact, '')), '') AS last_date,
      {", ".join(f"{expression} AS {name}" for name, expression in _AT.items())},
      CASE
        WHEN c2.status IN ('lost', 'churned', 'cancelled') THEN c2.status
        WHEN COALESCE(a.lost_count, 0) > 0 AND COALESCE(a.purchase_count, 0) = 0 THEN 'lost'
        END AS outcome
    FROM {{clients}} AS c2
    LEFT JOIN _agg a ON a.id = c2.id
    LEFT JOIN _second s ON s.id = c2.id
    LEFT JOIN _latest l ON l.id = c2.id
    WHERE 1 {{scope_clients}}
  ) AS y
"""
# The stored column each figure goes to, from the figures above (aliased x).
_STORED = {
    "furthest_rank": "x.rank",
    "furthest_stage": _stage_named("x.rank"),
    **{name: f"x.{name}" for name in (*_COUNTS, "revenue_events", "refunded_events",
                                      "first_date", "last_date",
                                      *_AT)},
    "current_stage": "x.current",
    "stage_since": f"""CASE x.current {" ".join(f"WHEN '{s}' THEN x.{stage_at_column(s)}"
                                                for s in ALL_STAGES)} END""",
    "outcome": "x.outcome",
}
# The client columns the figures read (the temporary table of new clients holds them with
# the columns an import brings, as typed as in clients).
_FIGURE_INPUTS = set(re.findall(r"\bc2\.(\w+)", _FIGURES)) - {"id"}
# Only the rows whose figures change are written (a stage mapping or an undo changes a
# few clients' figures: the others, and their eight index entries each, stay as they are).
_UPDATE = f"""
UPDATE clients AS c SET {", ".join(f"{name} = {value}" for name, value in _STORED.items())}
FROM ({_FIGURES.format(clients="clients", scope_clients="{scope_clients}")}) AS x
WHERE x.id = c.id
  AND ({", ".join(f"c.{name}" for name in _STORED)}) IS NOT ({", ".join(_STORED.values())})
"""


def refresh_clients(db: Database, client_ids: list[int] | None = None) -> None:
    """Recompute the derived columns of these clients (all clients when None).

    Runs inside the caller's transaction; opens one of its own when there is none.
    """
    with write(db):
        scope = scope_clients = ""
        if client_ids is not None:
            if not client_ids:
                return
            _drop(db, "_scope")
            db.execute("CREATE TEMP TABLE _scope (id INTEGER PRIMARY KEY)")
            db.conn.executemany("INSERT OR IGNORE INTO _scope VALUES (?)",
                                ((int(i),) for i in client_ids))
            scope = "AND e.client_ref IN (SELECT id FROM _scope)"
            scope_clients = "AND c2.id IN (SELECT id FROM _scope)"
        _summarise_events(db, scope)
        db.execute(_UPDATE.format(scope_clients=scope_clients))
        refresh_paths(db, scoped=client_ids is not None)
        _drop(db, "_agg", "_second", "_latest", "_billed", "_scope")


def insert_new_clients(db: Database, columns: list[str], records: Iterable[tuple],
                       stamp: dict[str, object]) -> None:
    """Insert clients new to the workspace (values for ``columns``; ``stamp``: a value every
    row gets; ``records`` is read once) with their derived figures, which refresh_clients
    need not work out again.

    A new client has no events yet: its figures come from its row alone, by the query
    refresh_clients runs, over a temporary table of the new rows. One INSERT ... SELECT
    writes each row once, where an INSERT and a refresh would write it twice.
    """
    with write(db):
        needed = set(columns) | _FIGURE_INPUTS
        stored = db.execute("SELECT name, type FROM pragma_table_info('clients') ORDER BY cid"
                            ).fetchall()
        _drop(db, "_new")
        db.execute("CREATE TEMP TABLE _new (id INTEGER PRIMARY KEY, " + ", ".join(
            f"[{name}] {kind}" for name, kind in stored if name in needed) + ")")
        named = ", ".join(f"[{c}]" for c in columns)
        db.conn.executemany(f"INSERT INTO temp._new ({named}) VALUES "
                            f"({', '.join('?' * len(columns))})", records)
        _summarise_events(db, "AND 0")                      # none: the clients are new
        db.execute(
            f"INSERT INTO clients ({named}, {', '.join(stamp)}, {', '.join(_STORED)}) "
            f"SELECT {', '.join(f'n.[{c}]' for c in columns)}, {', '.join('?' * len(stamp))}, "
            f"{', '.join(_STORED.values())} "
            f"FROM ({_FIGURES.format(clients='temp._new', scope_clients='')}) AS x "
            "JOIN temp._new AS n ON n.id = x.id ORDER BY n.id", list(stamp.values()))
        _drop(db, "_new", "_agg", "_second", "_latest", "_billed")


# The row key's start of a sale a client list saved (a tuner's fee on the last tuning's
# day, ingest.rules.client_lists): known by its client and day (ingest.save).
VISIT_SALE_KEY = "order:purchase:visit:"
# Whether sales may come from two imports: two events sheets, or one and a client list
# that saved sales beside it (found along the row keys' unique index).
_SALES_IN_TWO_IMPORTS = f"""
SELECT (SELECT COUNT(*) FROM imports WHERE kind = 'events') > 1
    OR (SELECT COUNT(*) FROM imports WHERE kind = 'events') = 1
       AND EXISTS (SELECT 1 FROM events WHERE row_key >= '{VISIT_SALE_KEY}'
                   AND row_key < '{VISIT_SALE_KEY[:-1]};')
"""


def _summarise_events(db: Database, scope: str) -> None:
    """The temporary tables of each client's event summaries that the figures read: _agg
    (counts, dates, ranks), _second (the second purchase), _latest (the latest stage);
    and _billed, the sales another import's bills (``_BILLED_ELSEWHERE``)."""
    _drop(db, "_agg", "_second", "_latest", "_billed")
    db.execute("CREATE TEMP TABLE _billed (id INTEGER PRIMARY KEY)")
    if db.execute(_SALES_IN_TWO_IMPORTS).fetchone()[0]:
        db.execute(_BILLED_ELSEWHERE.format(scope=scope))     # (one import bills nothing)
    db.execute(_AGGREGATE.format(scope=scope))
    db.execute("CREATE UNIQUE INDEX temp._agg_id ON _agg(id)")
    db.execute(_SECOND_PURCHASE)
    db.execute("CREATE UNIQUE INDEX temp._second_id ON _second(id)")
    db.execute(_LATEST_STAGE.format(scope=scope))
    db.execute("CREATE UNIQUE INDEX temp._latest_id ON _latest(id)")


def _drop(db: Database, *tables: str) -> None:
    for table in tables:
        db.execute(f"DROP TABLE IF EXISTS temp.{table}")


# --- each client's path through the stages (journey.paths groups clients by it) ----

# Events that can say something about a stage; the partial index events_path (migration
# m004_funnel_indexes) holds exactly these, in (client, date, id) order.
PATH_EVENTS = ("e.client_ref IS NOT NULL AND e.date IS NOT NULL AND (e.stage IS NOT NULL "
               f"OR e.kind IN {SAYS_STAGE})")
EVENT_RANK = (
    f"NULLIF(MAX(COALESCE({RANK_CASE.format(col='e.stage')}, -1), "
    f"CASE WHEN e.kind IN {PURCHASES} THEN "
    f"  CASE WHEN substr(e.date, 1, 10) > f.day AND (e.kind IN {SALES}) = f.by_purchases "
    f"  THEN {RANK['retention']} ELSE {RANK['purchase']} END "
    f"WHEN {ADVOCACY_EVENT} "
    f"THEN {RANK['advocacy']} ELSE -1 END), -1)")


def refresh_paths(db: Database, scoped: bool = False) -> None:
    """Store each client's path through the stages (``clients.stage_path``).

    The path is the stage ranks of its events in order, repeats collapsed: ``"1232"`` is
    awareness, consideration, purchase, back to consideration. Called by
    ``refresh_clients`` inside its transaction; ``scoped`` limits it to the
    clients in its ``temp._scope`` table. Events are read through the events_path index,
    whose (client, date, id) order is the order ``group_concat`` sees them in.
    """
    scope = "AND e.client_ref IN (SELECT id FROM temp._scope)" if scoped else ""
    _drop(db, "_first_buy", "_path")
    first_day = of_sales("MIN(CASE WHEN e.kind IN {kinds} THEN substr(e.date, 1, 10) END)")
    db.execute(f"""CREATE TEMP TABLE _first_buy AS
        SELECT e.client_ref AS id, {first_day} AS day, {BY_PURCHASES} AS by_purchases
        FROM events e
        WHERE e.kind IN {PURCHASES} AND {PATH_EVENTS} {scope} GROUP BY e.client_ref""")
    db.execute("CREATE UNIQUE INDEX temp._first_buy_id ON _first_buy(id)")
    db.execute(f"""CREATE TEMP TABLE _path AS
        SELECT e.client_ref AS id, group_concat({EVENT_RANK}, '') AS path
        FROM events e INDEXED BY events_path LEFT JOIN _first_buy f ON f.id = e.client_ref
        WHERE {PATH_EVENTS} {scope} GROUP BY e.client_ref""")
    db.execute("CREATE UNIQUE INDEX temp._path_id ON _path(id)")
    # Collapse repeats ("1112" -> "12"); each pass halves every run.
    collapse = "path"
    repeated = []
    for rank in RANK.values():
        collapse = f"replace({collapse}, '{rank}{rank}', '{rank}')"
        repeated.append(f"instr(path, '{rank}{rank}')")
    while db.execute(f"UPDATE _path SET path = {collapse} WHERE {' OR '.join(repeated)}"
                     ).rowcount:
        pass
    # Written where it changed: the paths of clients with events, then no path for those
    # left with none (found through the index of paths, m022): a workspace of clients
    # without events reads no client at all.
    db.execute("""UPDATE clients SET stage_path = p.path FROM _path AS p
                  WHERE clients.id = p.id AND clients.stage_path IS NOT p.path""")
    db.execute(f"""UPDATE clients SET stage_path = NULL
                   WHERE stage_path IS NOT NULL AND id NOT IN (SELECT id FROM _path)
                   {scope.replace('e.client_ref', 'id')}""")
    _drop(db, "_first_buy", "_path")


@after_open
def refigure_if_asked(db: Database) -> None:
    """Work out every client's figures again where a migration asked for it (a rule of
    this module changed: schema.m016); one query when none did. While another process
    writes to the workspace, the workspace opens as it is and the next open does it."""
    if db.execute("SELECT 1 FROM settings WHERE key = '_refigure'").fetchone():
        try:
            with write(db):
                refresh_clients(db)
                db.execute("DELETE FROM settings WHERE key = '_refigure'")
        except WorkspaceBusy:
            pass
