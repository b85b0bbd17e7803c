"""Derived per-client figures, stored with the client so pages read them in milliseconds.

``refresh_clients`` recomputes, in SQL, each client's furthest stage, current stage,
outcome, first and last dates, counts per event kind, and the date each stage was
first reached. Call it inside the same transaction as the write that changed the data.
The rule is ``journey.stages.furthest_stage``; tests check that both agree.
"""

from __future__ import annotations

from sqlite_utils import Database

from .stages import ALL_STAGES, RANK, stage_at_column

_RANK_CASE = "CASE {col} " + " ".join(
    f"WHEN '{stage}' THEN {rank}" for stage, rank in RANK.items()) + " END"

PURCHASE_KINDS = "('purchase', 'won')"
ADVOCACY_EVENT = "(e.kind IN ('referral', 'review') OR (e.kind = 'nps' AND e.amount >= 9))"


def _stated(stage: str) -> str:
    return stage_at_column(stage).replace("_at", "_stated")


def _stage_at(stage: str) -> str:
    return f"MIN(CASE WHEN e.stage = '{stage}' THEN e.date END)"


_AGGREGATE = f"""
CREATE TEMP TABLE _agg AS
SELECT e.client_ref AS id,
  COUNT(*) AS event_count,
  SUM(e.kind IN {PURCHASE_KINDS}) AS purchase_count,
  COUNT(DISTINCT CASE WHEN e.kind IN {PURCHASE_KINDS} THEN substr(e.date, 1, 10) END)
    AS purchase_days,
  SUM(CASE WHEN e.kind IN {PURCHASE_KINDS} THEN e.amount END) AS revenue_events,
  SUM(e.kind = 'won') AS won_count, SUM(e.kind = 'lost') AS lost_count,
  SUM(e.kind = 'complaint') AS complaint_count,
  SUM(e.kind = 'internal_complaint') AS internal_complaint_count,
  SUM(e.kind = 'refund') AS refund_count, SUM(e.kind = 'cancellation') AS cancellation_count,
  SUM(e.kind = 'objection') AS objection_count, SUM(e.kind = 'referral') AS referral_count,
  SUM(e.kind = 'review') AS review_count, SUM(e.kind = 'contact') AS contact_count,
  SUM({ADVOCACY_EVENT}) AS advocacy_events,
  SUM(e.kind IN ('refund', 'cancellation')) AS bought_evidence,
  MIN(e.date) AS first_date, MAX(e.date) AS last_date,
  MAX({_RANK_CASE.format(col='e.stage')}) AS event_rank,
  MIN(CASE WHEN e.kind IN {PURCHASE_KINDS} THEN e.date END) AS first_purchase,
  MIN(CASE WHEN {ADVOCACY_EVENT} THEN e.date END) AS first_advocacy,
  {", ".join(f"{_stage_at(s)} AS {_stated(s)}" for s in ALL_STAGES)}
FROM events e
WHERE e.client_ref IS NOT NULL {{scope}}
GROUP BY e.client_ref
"""

_SECOND_PURCHASE = f"""
CREATE TEMP TABLE _second AS
SELECT e.client_ref AS id, MIN(e.date) AS second_purchase
FROM events e JOIN _agg a ON a.id = e.client_ref
WHERE e.kind IN {PURCHASE_KINDS} AND substr(e.date, 1, 10) > substr(a.first_purchase, 1, 10)
GROUP BY e.client_ref
"""

# The stage of each client's latest event that says one: its stage column, else what the
# event itself shows (a purchase or won deal -> purchase, a referral or review -> advocacy).
# ``bought`` marks a latest event that is a purchase, which for a client who has bought
# before means retention.
_LATEST_STAGE = f"""
CREATE TEMP TABLE _latest AS
SELECT client_ref AS id, stage, bought FROM (
  SELECT client_ref,
         COALESCE(stage, CASE WHEN kind IN {PURCHASE_KINDS} THEN 'purchase'
                              ELSE 'advocacy' END) AS stage,
         stage IS NULL AND kind IN {PURCHASE_KINDS} AS bought,
         ROW_NUMBER() OVER (PARTITION BY client_ref ORDER BY date DESC, id DESC) AS n
  FROM events e WHERE client_ref IS NOT NULL
    AND (stage IS NOT NULL OR kind IN ('purchase', 'won', 'referral', 'review')) {{scope}}
) WHERE n = 1
"""


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
      COALESCE({_RANK_CASE.format(col=c + '.stage')}, -1),
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


_COUNTS = ("event_count", "purchase_count", "purchase_days", "won_count", "lost_count",
           "complaint_count", "internal_complaint_count", "refund_count",
           "cancellation_count", "objection_count", "referral_count", "review_count",
           "contact_count")
_AT = {
    "pre_awareness_at": "a.pre_awareness_stated",
    "awareness_at": earliest("c2.first_contact", "a.first_date"),
    "consideration_at": "a.consideration_stated",
    "purchase_at": earliest("a.first_purchase", "a.purchase_stated"),
    "retention_at": earliest("s.second_purchase", "a.retention_stated"),
    "advocacy_at": earliest("a.first_advocacy", "a.advocacy_stated"),
}
assert set(_AT) == {stage_at_column(s) for s in ALL_STAGES}

# One pass over the clients: the innermost query works out each client's figures, the one
# around it the current stage (which needs the furthest rank), and the UPDATE stores them.
_UPDATE = f"""
UPDATE clients AS c SET
  furthest_rank = x.rank,
  furthest_stage = {_stage_named('x.rank')},
  {", ".join(f"{name} = x.{name}" for name in _COUNTS)},
  revenue_events = x.revenue_events,
  first_date = x.first_date, last_date = x.last_date,
  {", ".join(f"{name} = x.{name}" for name in _AT)},
  current_stage = x.current,
  stage_since = CASE x.current {" ".join(f"WHEN '{s}' THEN x.{stage_at_column(s)}"
                                         for s in ALL_STAGES)} END,
  outcome = x.outcome
FROM (
  SELECT y.*, COALESCE(
    y.stage,
    CASE WHEN y.latest_bought AND y.rank >= {RANK['retention']} THEN 'retention'
         ELSE y.latest_stage END,
    {_stage_named('y.rank')}) AS current
  FROM (
    SELECT c2.id, c2.stage, l.stage AS latest_stage, l.bought AS latest_bought,
      CASE WHEN c2.stage = 'pre-awareness' AND ({_evidence_rank('c2')}) <= 0 THEN 0
           ELSE MAX({RANK['awareness']}, {_evidence_rank('c2')}) END AS rank,
      {", ".join(f"COALESCE(a.{name}, 0) AS {name}" for name in _COUNTS)},
      a.revenue_events AS revenue_events,
      {earliest('c2.first_contact', 'a.first_date')} AS first_date,
      NULLIF(MAX(COALESCE(c2.last_contact, ''), COALESCE(a.last_date, '')), '') AS last_date,
      {", ".join(f"{expression} AS {name}" for name, expression in _AT.items())},
      CASE
        WHEN c2.status IN ('lost', 'churned', 'cancelled') THEN c2.status
        WHEN COALESCE(a.lost_count, 0) > 0 AND COALESCE(a.purchase_count, 0) = 0 THEN 'lost'
        END AS outcome
    FROM clients AS c2
    LEFT JOIN _agg a ON a.id = c2.id
    LEFT JOIN _second s ON s.id = c2.id
    LEFT JOIN _latest l ON l.id = c2.id
    WHERE 1 {{scope_clients}}
  ) AS y
) AS x
WHERE x.id = c.id
"""


def refresh_clients(db: Database, client_ids: list[int] | None = None) -> None:
    """Recompute the derived columns of these clients (all clients when None).

    Runs inside the caller's transaction; opens one of its own when there is none.
    """
    from .paths import refresh_paths
    from .workspace import write

    with write(db):
        scope = scope_clients = ""
        if client_ids is not None:
            if not client_ids:
                return
            db.execute("DROP TABLE IF EXISTS temp._scope")
            db.execute("CREATE TEMP TABLE _scope (id INTEGER PRIMARY KEY)")
            db.conn.executemany("INSERT OR IGNORE INTO _scope VALUES (?)",
                                ((int(i),) for i in client_ids))
            scope = "AND e.client_ref IN (SELECT id FROM _scope)"
            scope_clients = "AND c2.id IN (SELECT id FROM _scope)"
        for table in ("_agg", "_second", "_latest"):
            db.execute(f"DROP TABLE IF EXISTS temp.{table}")
        db.execute(_AGGREGATE.format(scope=scope))
        db.execute("CREATE UNIQUE INDEX temp._agg_id ON _agg(id)")
        db.execute(_SECOND_PURCHASE)
        db.execute("CREATE UNIQUE INDEX temp._second_id ON _second(id)")
        db.execute(_LATEST_STAGE.format(scope=scope))
        db.execute("CREATE UNIQUE INDEX temp._latest_id ON _latest(id)")
        db.execute(_UPDATE.format(scope_clients=scope_clients))
        refresh_paths(db, scoped=client_ids is not None)
        for table in ("_agg", "_second", "_latest", "_scope"):
            db.execute(f"DROP TABLE IF EXISTS temp.{table}")
