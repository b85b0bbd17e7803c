"""The closed funnel: clients whose furthest stage reached each stage.

Read from the per-client ``furthest_rank`` column (see ``journey.derive``), so a funnel
of 100,000 clients is one indexed GROUP BY.
"""

from __future__ import annotations

import pandas as pd
from sqlite_utils import Database

from .errors import ValidationError
from .fields import CLIENT_FIELDS
from .filters import NO_FILTERS, Filters
from .stages import LABELS, RANK, stage_model

FUNNEL_COLUMNS = ["stage", "label", "clients", "pct_of_previous", "pct_of_first", "drop_off"]
OTHER = "other"
MISSING = "(not set)"


def _shape(counts: dict[int, int], stages: tuple[str, ...]) -> pd.DataFrame:
    """Cumulative counts per stage, with conversion percentages and drop-off."""
    rows, first, previous = [], None, None
    for stage in stages:
        reached = sum(n for rank, n in counts.items() if rank >= RANK[stage])
        first = reached if first is None else first
        rows.append({
            "stage": stage, "label": LABELS[stage], "clients": reached,
            "pct_of_previous": None if previous is None else _pct(reached, previous),
            "pct_of_first": _pct(reached, first),
            "drop_off": None if previous is None else previous - reached,
        })
        previous = reached
    return pd.DataFrame(rows, columns=FUNNEL_COLUMNS)


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def compute_funnel(db: Database, *, filters: Filters = NO_FILTERS,
                   pre_awareness: bool = False) -> pd.DataFrame:
    """One row per stage: clients reaching it, % of the stage before, % of the first."""
    where, params = filters.where()
    counts = dict(db.execute(
        f"SELECT furthest_rank, COUNT(*) FROM clients WHERE {where} GROUP BY furthest_rank",
        params).fetchall())
    return _shape(counts, stage_model(pre_awareness))


def check_segment_field(by: str) -> str:
    """The client field to break the funnel down by; ValidationError if it is not one."""
    if by not in CLIENT_FIELDS:
        raise ValidationError(f"Cannot break the funnel down by '{by}': it is not a client "
                              f"field. Try persona, channel, client_type, region or owner.")
    return by


def compute_funnel_by(db: Database, by: str, *, filters: Filters = NO_FILTERS,
                      pre_awareness: bool = False, top: int = 8) -> dict[str, pd.DataFrame]:
    """A funnel per segment of a client field: the largest ``top`` segments, then "other"."""
    column = check_segment_field(by)
    where, params = filters.where()
    rows = db.execute(
        f"SELECT COALESCE(NULLIF(TRIM(CAST([{column}] AS TEXT)), ''), ?) AS segment, "
        f"furthest_rank, COUNT(*) FROM clients WHERE {where} GROUP BY 1, 2",
        [MISSING, *params]).fetchall()
    sizes: dict[str, int] = {}
    for segment, _, n in rows:
        sizes[segment] = sizes.get(segment, 0) + n
    keep = sorted(sizes, key=lambda s: (-sizes[s], s))[:top]
    grouped: dict[str, dict[int, int]] = {}
    for segment, rank, n in rows:
        name = segment if segment in keep else OTHER
        grouped.setdefault(name, {})
        grouped[name][rank] = grouped[name].get(rank, 0) + n
    order = keep + ([OTHER] if OTHER in grouped and OTHER not in keep else [])
    model = stage_model(pre_awareness)
    return {name: _shape(grouped[name], model) for name in order}


def funnel_records(frame: pd.DataFrame) -> list[dict]:
    """The funnel as the command line's JSON contract lists it."""
    return [{"stage": r.stage, "clients": int(r.clients),
             "pct_of_previous": None if pd.isna(r.pct_of_previous) else float(r.pct_of_previous),
             "pct_of_first": None if pd.isna(r.pct_of_first) else float(r.pct_of_first)}
            for r in frame.itertuples()]


def biggest_drop(frame: pd.DataFrame) -> dict | None:
    """The step that loses the largest share of clients, as a sentence and its figures."""
    best = None
    for before, after in zip(frame.itertuples(), list(frame.itertuples())[1:]):
        if not before.clients:
            continue
        lost = 100.0 * (before.clients - after.clients) / before.clients
        if best is None or lost > best["pct_lost"]:
            best = {"from": before.stage, "to": after.stage, "pct_lost": round(lost, 1),
                    "clients_lost": int(before.clients - after.clients)}
    if best is None:
        return None
    verbs = {"consideration": "considered you", "awareness": "knew of you",
             "purchase": "bought", "retention": "came back", "pre-awareness": "were targeted"}
    outcome = {"consideration": "did not consider buying", "purchase": "did not buy",
               "retention": "did not come back", "advocacy": "did not recommend you",
               "awareness": "never became aware of you"}
    best["sentence"] = (f"{best['pct_lost']:.0f}% of clients who {verbs[best['from']]} "
                        f"{outcome[best['to']]}.")
    return best
