"""What the overview page shows: the stage tiles against the previous period, the data's
date span, the filter choices, and the workspace's data health."""

from __future__ import annotations

import pandas as pd
from sqlite_utils import Database

from .filters import FILTER_FIELDS, NO_FILTERS, Filters
from .funnel import compute_funnel
from .ingest import pending_stage_values
from .values import stored_day


def data_span(db: Database) -> tuple[str | None, str | None]:
    """The first and last date any client or event carries (ISO dates, None when there is
    none), however far: 0001-01-01 and 9999-12-31 too."""
    row = db.execute("SELECT MIN(d), MAX(d) FROM (SELECT MIN(first_date) AS d FROM clients "
                     "UNION ALL SELECT MAX(last_date) FROM clients)").fetchone()
    return stored_day(row[0]), stored_day(row[1])


def filter_options(db: Database) -> dict[str, list[str]]:
    """The values each sidebar filter can take, most common first."""
    options = {}
    for name in FILTER_FIELDS:
        options[name] = [r[0] for r in db.execute(
            f"SELECT [{name}] FROM clients WHERE [{name}] IS NOT NULL AND TRIM([{name}]) != '' "
            f"GROUP BY [{name}] ORDER BY COUNT(*) DESC, [{name}] LIMIT 200").fetchall()]
    return options


def stage_tiles(db: Database, filters: Filters = NO_FILTERS,
                pre_awareness: bool = False) -> pd.DataFrame:
    """The funnel with each stage's count in the previous period of the same length.

    ``previous`` and ``change`` are empty when no date range is chosen (nothing to compare).
    """
    now = compute_funnel(db, filters=filters, pre_awareness=pre_awareness)
    before = filters.shifted_back()
    if before is None:
        now["previous"] = pd.NA
        now["change_pct"] = pd.NA
        return now
    earlier = compute_funnel(db, filters=before, pre_awareness=pre_awareness)
    now["previous"] = earlier["clients"].to_numpy()
    now["change_pct"] = [None if not p else round(100.0 * (c - p) / p, 1)
                         for c, p in zip(now["clients"], now["previous"])]
    return now


def data_health(db: Database) -> dict:
    """Row counts, the last import, rejected rows and stage values waiting to be mapped."""

    count = lambda table: db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]  # noqa: E731
    last = db.execute("SELECT id, file, sheet, created_at, inserted, updated, rejected "
                      "FROM imports WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1").fetchone()
    rejected = db.execute("SELECT COALESCE(SUM(rejected), 0) FROM imports "
                          "WHERE undone_at IS NULL").fetchone()[0]
    return {
        "clients": count("clients"), "events": count("events"),
        "personas": db.execute("SELECT COUNT(*) FROM personas WHERE archived = 0").fetchone()[0],
        "touchpoints": count("touchpoints"),
        "imports": db.execute("SELECT COUNT(*) FROM imports WHERE undone_at IS NULL").fetchone()[0],
        "last_import": None if last is None else dict(zip(
            ("id", "file", "sheet", "created_at", "inserted", "updated", "rejected"), last)),
        "rejected_rows": int(rejected),
        "pending_stage_values": pending_stage_values(db),
    }
