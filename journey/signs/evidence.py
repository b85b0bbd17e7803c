"""The clients and events behind a sign's figure: the queries the sign classes share.

Two ways to the same tables: each table whole (``event_rows``, ``clients_of_events``: the
downloads), and its count with its first rows (``first_events``, ``first_clients_of_events``,
``first_rows``: the page), which SQLite answers along the (kind, date) indexes without
building every row: at a million clients a few tenths of a second instead of seconds. Both
give the same rows in the same order. A client is behind the events that are its own
(``client_ref``), whether it is known by a client ID, an e-mail address or a name."""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from ..filters import Filters
from ..values import joined_ints
from ..workspace import query_frame
from .period import date_bounds
from .source import client_scope, event_scope

EVIDENCE_EVENT_COLUMNS = ("e.date", "c.client_id", "COALESCE(c.name, e.name) AS name", "e.kind",
                          "e.stage", "e.department", "e.touchpoint", "e.reason", "e.amount",
                          "e.order_id", "e.note")
EVIDENCE_CLIENT_COLUMNS = ("c.client_id", "c.name", "c.persona", "c.client_type", "c.region",
                           "c.channel", "c.furthest_stage", "c.status", "c.first_date",
                           "c.last_date")
CLIENT_SELECT = ", ".join(EVIDENCE_CLIENT_COLUMNS)


# Where a ``condition``'s subquery over events ``p`` takes the span's bounds (its own params).
P_SPAN = "{p_span}"


@dataclass(frozen=True)
class EventQuery:
    """Which events are a sign's evidence: those of ``kinds`` whose date (``day``) is in the
    span, of the filtered clients; with no client filter those of no client too, unless
    ``clients_only``. ``condition`` is added to the WHERE clause as it is, with the span's
    bounds where it says ``P_SPAN``."""
    kinds: tuple[str, ...]
    day: str = "e.date"
    clients_only: bool = False
    condition: str = ""

    def source(self, filters: Filters, span, kinds: tuple[str, ...] | None = None,
               joined: bool = True) -> tuple[str, list]:
        """``(FROM ... WHERE ..., params)`` of these events (of ``kinds`` when given);
        ``joined`` False leaves the clients out (a count, or the events per client): the
        filtered clients' ids are probed instead (``event_scope``), which keeps SQLite on
        the (kind, date) indexes, and the foreign key keeps every event's ``client_ref`` a
        client's or NULL."""
        kinds = self.kinds if kinds is None else kinds
        where, params, restricted = client_scope(filters)
        dates, date_params = date_bounds(span, self.day)
        marks = ", ".join("?" * len(kinds))
        condition, bounds = self.condition, []
        if P_SPAN in condition:
            within, bounds = date_bounds(span, "p.date")
            condition = condition.replace(P_SPAN, within)
        if joined:
            join = "JOIN" if restricted or self.clients_only else "LEFT JOIN"
            clients = f"{join} clients c ON c.id = e.client_ref"
        else:
            clients, (where, params) = "", event_scope(filters)
            if self.clients_only and not restricted:
                condition += " AND +e.client_ref IS NOT NULL"
        return (f"FROM events e {clients} WHERE e.kind IN ({marks}) AND {dates} "
                f"AND {where} {condition}", [*kinds, *date_params, *params, *bounds])

    def select(self) -> str:
        return ", ".join([f"{self.day} AS date", *EVIDENCE_EVENT_COLUMNS[1:]])


@dataclass
class EvidenceTable:
    """The first rows of an evidence table and how many rows it has in all."""
    count: int
    first: pd.DataFrame


def event_columns() -> list[str]:
    return [c.split(" AS ")[-1].split(".")[-1] for c in EVIDENCE_EVENT_COLUMNS]


def event_rows(db: Database, filters: Filters, span, query: EventQuery) -> pd.DataFrame:
    """Every event of the query, by date (then as stored), with its client's row id
    (``client_ref``, for ``evidence_clients``; not shown)."""
    if not query.kinds:
        return pd.DataFrame(columns=[*event_columns(), "client_ref"])
    source, params = query.source(filters, span)
    return query_frame(db, f"SELECT {query.select()}, e.client_ref {source} "
                       f"ORDER BY e.date, e.id", params)


def first_events(db: Database, filters: Filters, span, query: EventQuery,
                 rows: int) -> EvidenceTable:
    """How many events ``event_rows`` holds, and its first ``rows``: each kind's first rows
    along its (kind, date) index, merged, so no event beyond them is read."""
    if not query.kinds:
        return EvidenceTable(0, pd.DataFrame(columns=event_columns()))
    source, params = query.source(filters, span, joined=False)
    count = db.execute(f"SELECT COUNT(*) {source}", params).fetchone()[0]
    parts, part_params = [], []
    for kind in query.kinds:
        source, params = query.source(filters, span, (kind,))
        parts.append(f"SELECT * FROM (SELECT {query.select()}, e.date AS sort_date, "
                     f"e.id AS sort_id {source} ORDER BY e.date, e.id LIMIT ?)")
        part_params += [*params, rows]
    first = query_frame(db, " UNION ALL ".join(parts) + " ORDER BY sort_date, sort_id LIMIT ?",
                        [*part_params, rows])
    return EvidenceTable(count, first.drop(columns=["sort_date", "sort_id"]))


def clients_of_events(db: Database, filters: Filters, events: pd.DataFrame,
                      extra: str = "") -> pd.DataFrame:
    """The filtered clients the events belong to (``extra`` adds select columns), as
    added, with their row id (``client_ref``)."""
    where, params, _ = client_scope(filters)
    refs = sorted({int(ref) for ref in events["client_ref"].dropna()})
    return query_frame(db, f"SELECT {CLIENT_SELECT}{extra}, c.id AS client_ref FROM clients c "
                       f"WHERE {where} AND c.id IN (SELECT value FROM json_each(?)) "
                       f"ORDER BY c.id", [*params, json.dumps(refs)])


def first_clients_of_events(db: Database, filters: Filters, span, query: EventQuery,
                            rows: int, column: str, per_client: str = "COUNT(*)",
                            extra: str = "") -> EvidenceTable:
    """How many filtered clients the query's events belong to, and the first ``rows`` of
    them, each with ``column``, ``per_client`` (an aggregate over the client's events),
    most first, then as added; ``extra`` adds select columns at the end. The events are
    grouped by client along the (kind, date, client) index and come back as one text of
    numbers; only the first clients are read whole."""
    source, params = query.source(filters, span, joined=False)
    text = db.execute(
        f"SELECT group_concat(ref || ',' || value) FROM (SELECT e.client_ref AS ref, "
        f"{per_client} AS value {source} AND +e.client_ref IS NOT NULL GROUP BY +e.client_ref)",
        params).fetchone()[0]
    found = joined_ints(text).reshape(-1, 2)
    first_refs = found[np.lexsort((found[:, 0], -found[:, 1]))][:rows]
    first, second, *rest = EVIDENCE_CLIENT_COLUMNS
    frame = query_frame(
        db, f"SELECT {first}, {second}, shown.value ->> '$[1]' AS {column}, "
        f"{', '.join(rest)}{extra} FROM json_each(?) AS shown "
        f"JOIN clients c ON c.id = shown.value ->> '$[0]' ORDER BY shown.key",
        [json.dumps(first_refs.tolist())])
    return EvidenceTable(len(found), frame)


def first_rows(db: Database, sql: str, params: list, order: str, rows: int,
               counted: str | None = None) -> EvidenceTable:
    """How many rows a query gives (counted without their ``order``, by ``counted`` when
    given: the same rows found another way), and its first ``rows`` in that order."""
    count = db.execute(f"SELECT COUNT(*) FROM ({counted or sql})", params).fetchone()[0]
    return EvidenceTable(count, query_frame(db, f"{sql} ORDER BY {order} LIMIT ?",
                                            [*params, rows]))


def in_span(date: str, span) -> str:
    """SQL keeping a client date in the span (any date in a snapshot); its params are
    ``span or ()``."""
    return f"substr({date}, 1, 10) BETWEEN ? AND ?" if span else "1"


def no_clients() -> pd.DataFrame:
    return pd.DataFrame(columns=[c.split(".")[-1] for c in EVIDENCE_CLIENT_COLUMNS])
