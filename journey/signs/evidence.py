"""The clients and events behind a sign's figure: the queries the sign classes share."""

from __future__ import annotations

import json

import pandas as pd
from sqlite_utils import Database

from ..filters import Filters
from ..workspace import query_frame
from .period import date_bounds
from .source import client_scope

EVIDENCE_EVENT_COLUMNS = ("e.date", "c.client_id", "COALESCE(c.name, e.name) AS name", "e.kind",
                          "e.stage", "e.department", "e.touchpoint", "e.reason", "e.amount",
                          "e.order_id", "e.note")
EVIDENCE_CLIENT_COLUMNS = ("c.client_id", "c.name", "c.persona", "c.client_type", "c.region",
                           "c.channel", "c.furthest_stage", "c.status", "c.first_date",
                           "c.last_date")
CLIENT_SELECT = ", ".join(EVIDENCE_CLIENT_COLUMNS)


def event_rows(db: Database, filters: Filters, span, kinds: tuple[str, ...], *,
               day: str = "e.date", clients_only: bool = False,
               condition: str = "") -> pd.DataFrame:
    """Events of the kinds in the span (their date is ``day``), of the filtered clients;
    with no client filter those of no client too, unless ``clients_only``. ``condition``
    is added to the WHERE clause as it is."""
    columns = [c.split(" AS ")[-1].split(".")[-1] for c in EVIDENCE_EVENT_COLUMNS]
    if not kinds:
        return pd.DataFrame(columns=columns)
    where, params, restricted = client_scope(filters)
    dates, date_params = date_bounds(span, day)
    marks = ", ".join("?" * len(kinds))
    join = "JOIN" if restricted or clients_only else "LEFT JOIN"
    select = [f"{day} AS date", *EVIDENCE_EVENT_COLUMNS[1:]]
    return query_frame(
        db, f"SELECT {', '.join(select)} FROM events e {join} clients c "
        f"ON c.id = e.client_ref WHERE e.kind IN ({marks}) AND {dates} AND {where} {condition} "
        f"ORDER BY e.date, e.id", [*kinds, *date_params, *params])


def clients_of_events(db: Database, filters: Filters, events: pd.DataFrame,
                      extra: str = "") -> pd.DataFrame:
    """The filtered clients named by the events (``extra`` adds select columns)."""
    where, params, _ = client_scope(filters)
    return query_frame(db, f"SELECT {CLIENT_SELECT}{extra} FROM clients c WHERE {where} AND "
                       f"c.client_id IN (SELECT value FROM json_each(?))",
                       [*params, json_list(events["client_id"])])


def in_span(date: str, span) -> str:
    """SQL keeping a client date in the span (any date in a snapshot); its params are
    ``span or ()``."""
    return f"substr({date}, 1, 10) BETWEEN ? AND ?" if span else "1"


def no_clients() -> pd.DataFrame:
    return pd.DataFrame(columns=[c.split(".")[-1] for c in EVIDENCE_CLIENT_COLUMNS])


def json_list(values: pd.Series) -> str:
    """The distinct values (as text, sorted) as a JSON list, for ``json_each``."""
    return json.dumps(sorted({str(v) for v in values.dropna()}))
