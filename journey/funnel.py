"""The closed funnel: clients whose furthest stage reached each stage, and what goes with it.

Everything here is read from the per-client columns that ``journey.derive`` keeps
(``furthest_rank``, ``current_stage``, ``outcome``, ``first_date``, ``last_date``,
``stage_since`` and one ``<stage>_at`` date per stage), so a funnel of 100,000 clients is
one indexed GROUP BY. The shared ``Filters`` select clients.

Models (``model=``): ``"stages"`` (the five stages), ``"pre-awareness"`` (six, with the
optional stage before awareness) and ``"phases"`` (pre-purchase, purchase, post-purchase).
A step of a model is reached by a client whose furthest stage reaches any of its stages.
Pre-purchase takes in pre-awareness clients only when the workspace uses that stage
(``pre_awareness=True``), so the phases start from the same clients as the stage funnel.

Conversion window (``window_days=N``): a client counts for a stage only if it reached it
within N days of its first contact (``<stage>_at - first_date <= N``). Every client is
still aware (the top of the funnel does not move); a stage known only from a stage column,
with no date, cannot be shown to be inside the window and does not count.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from .derive import RANK_CASE, client_revenue_sql, earliest
from .errors import ValidationError
from .fields import CLIENT_FIELDS
from .filters import NO_FILTERS, Filters
from .stages import ALL_STAGES, LABELS, PHASES, PRE_AWARENESS, RANK, STAGES, stage_at_column
from . import values
from .text import counted, percent_text
from .values import add_days, stored_day
from .workspace import get_setting, query_frame

FUNNEL_COLUMNS = ["stage", "label", "clients", "pct_of_previous", "pct_of_first", "drop_off"]
OTHER = "other"
MISSING = "(not set)"
MODELS = {"stages": "5 stages", "pre-awareness": "6 stages, with pre-awareness",
          "phases": "3 phases"}
PHASE_LABELS = {"pre-purchase": "Pre-purchase", "purchase": "Purchase",
                "post-purchase": "Post-purchase"}
# Fields a funnel is usefully broken down by (any client field is accepted).
SEGMENT_FIELDS = ("persona", "channel", "client_type", "region", "buyer_type", "owner",
                  "purchasing_frequency", "country", "preferred_channel")
# The rank of a client's current stage (its furthest when it has none).
CURRENT_RANK = f"COALESCE({RANK_CASE.format(col='current_stage')}, furthest_rank)"
# Segments smaller than this are not named "best" (a segment of two proves little).
MIN_SEGMENT_FOR_BEST = 10


@dataclass(frozen=True)
class Step:
    """One step of a funnel model: a stage, or a phase grouping several stages."""
    key: str
    label: str
    stages: tuple[str, ...]

    @property
    def rank(self) -> int:
        """The lowest furthest-stage rank that reaches this step."""
        return min(RANK[s] for s in self.stages)


def funnel_steps(model: str | None = None, pre_awareness: bool = False) -> tuple[Step, ...]:
    """The steps of a model, in order. ``model=None`` follows ``pre_awareness``.

    Raises ValidationError for a model that is not one of MODELS.
    """
    model = model or ("pre-awareness" if pre_awareness else "stages")
    if model == "stages":
        return tuple(Step(s, LABELS[s], (s,)) for s in STAGES)
    if model == "pre-awareness":
        return tuple(Step(s, LABELS[s], (s,)) for s in ALL_STAGES)
    if model == "phases":
        return tuple(
            Step(phase, PHASE_LABELS[phase],
                 tuple(s for s in members if pre_awareness or s != PRE_AWARENESS))
            for phase, members in PHASES.items())
    raise ValidationError(f"There is no funnel model '{model}': choose "
                          f"{', '.join(MODELS)}.")


def step_of_rank(steps: tuple[Step, ...]) -> dict[int, int]:
    """Rank -> index of the furthest step that rank reaches (ranks below the first: absent)."""
    return {rank: max(i for i, step in enumerate(steps) if step.rank <= rank)
            for rank in RANK.values() if rank >= steps[0].rank}


def rank_sql(window_days: int | None = None, alias: str = "") -> tuple[str, list]:
    """SQL for how far each client got: ``furthest_rank``, or within the conversion window.

    Returns ``(expression, params)``. Pre-awareness clients stay at rank 0; every other
    client is at least aware; a later stage counts when its date falls within the window.
    """
    p = f"{alias}." if alias else ""
    if window_days is None:
        return f"{p}furthest_rank", []
    if window_days < 0:
        raise ValidationError("The conversion window is a number of days, 0 or more.")
    later = [s for s in STAGES if RANK[s] > RANK["awareness"]]
    within = ", ".join(
        f"CASE WHEN {_calendar_days(p + 'first_date', p + stage_at_column(s))} <= ? "
        f"THEN {RANK[s]} ELSE -1 END" for s in later)
    expression = (f"MIN({p}furthest_rank, MAX(MIN({p}furthest_rank, {RANK['awareness']}), "
                  f"{within}))")
    return expression, [float(window_days)] * len(later)


def _calendar_days(start: str, end: str) -> str:
    """SQL for the calendar days from one stored date to another: a first contact on the
    3rd and a payment on the 5th at 10:00 are 2 days apart, as the owner counts them, not
    2.4 (a date and a time of day compared)."""
    return f"julianday(substr({end}, 1, 10)) - julianday(substr({start}, 1, 10))"


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def _reached(counts: dict[int, int], steps: tuple[Step, ...]) -> list[int]:
    """Clients reaching each step, from ``counts`` (clients per furthest rank)."""
    return [sum(n for rank, n in counts.items() if rank is not None and rank >= step.rank)
            for step in steps]


def _shape(counts: dict[int, int], steps: tuple[Step, ...]) -> pd.DataFrame:
    """Clients reaching each step (``counts``: clients per furthest rank), with conversion
    percentages and drop-off."""
    rows, first, previous = [], None, None
    for step, reached in zip(steps, _reached(counts, steps)):
        first = reached if first is None else first
        rows.append({
            "stage": step.key, "label": step.label, "clients": reached,
            "pct_of_previous": None if previous is None else _pct(reached, previous),
            "pct_of_first": _pct(reached, first),
            "drop_off": None if previous is None else previous - reached,
        })
        previous = reached
    return pd.DataFrame(rows, columns=FUNNEL_COLUMNS)


def compute_funnel(db: Database, *, filters: Filters = NO_FILTERS, pre_awareness: bool = False,
                   model: str | None = None, window_days: int | None = None) -> pd.DataFrame:
    """One row per step: clients reaching it, % of the step before, % of the first, drop-off."""
    steps = funnel_steps(model, pre_awareness)
    rank, rank_params = rank_sql(window_days)
    where, params = filters.where()
    counts = dict(db.execute(
        f"SELECT {rank} AS r, COUNT(*) FROM {filters.clients()} WHERE {where} GROUP BY r",
        [*rank_params, *params]).fetchall())
    return _shape(counts, steps)


def check_segment_field(by: str) -> str:
    """The client field to break the funnel down by; ValidationError if it is not one."""
    if by not in CLIENT_FIELDS:
        raise ValidationError(f"Cannot break the funnel down by '{by}': it is not a client "
                              f"field. Try persona, channel, client_type, region or owner.")
    return by


def compute_funnel_by(db: Database, by: str, *, filters: Filters = NO_FILTERS,
                      pre_awareness: bool = False, top: int = 8, model: str | None = None,
                      window_days: int | None = None) -> dict[str, pd.DataFrame]:
    """A funnel per segment of a client field: the largest ``top`` segments, then "other".

    Empty values are the segment "(not set)"; segments are ordered largest first.
    """
    column = check_segment_field(by)
    steps = funnel_steps(model, pre_awareness)
    rank, rank_params = rank_sql(window_days)
    # Grouped on the raw column so the (field, furthest_rank) index serves it in order;
    # the few distinct values are then trimmed and merged here.
    rows: dict[tuple[str, int], int] = {}
    for value, rank_value, n in _counts_by(db, column, rank, rank_params, filters):
        segment = _segment_name(value)
        rows[segment, rank_value] = rows.get((segment, rank_value), 0) + n
    sizes: dict[str, int] = {}
    for (segment, _), n in rows.items():
        sizes[segment] = sizes.get(segment, 0) + n
    keep = sorted(sizes, key=lambda s: (-sizes[s], s))[:top]
    grouped: dict[str, dict[int, int]] = {}
    for (segment, rank_value), n in rows.items():
        name = segment if segment in keep else OTHER
        grouped.setdefault(name, {})
        grouped[name][rank_value] = grouped[name].get(rank_value, 0) + n
    order = keep + ([OTHER] if OTHER in grouped and OTHER not in keep else [])
    return {name: _shape(grouped[name], steps) for name in order}


# The segment fields whose (field, furthest_rank) index holds only the clients with a value
# (migration m010_scale_indexes; persona's, from m004, holds every client; the other
# segment fields have no index and are grouped by sorting their clients).
PARTLY_INDEXED = ("client_type", "region", "channel")


def _counts_by(db: Database, column: str, rank: str, rank_params: list, filters: Filters
               ) -> list[tuple]:
    """Clients per (value of ``column``, rank): ``[(value, rank, clients)]``.

    A field indexed only where it has a value (``PARTLY_INDEXED``), counted over every
    client by furthest rank, is read in two index scans without sorting a row: the clients
    with a value from its index, those without one as the clients of each rank less those
    (a million clients: about 100 ms instead of 700, which sorting every client costs)."""
    where, params = filters.where()
    if column not in PARTLY_INDEXED or rank != "furthest_rank" or where != "1":
        return db.execute(
            f"SELECT [{column}], {rank} AS r, COUNT(*) FROM {filters.clients()} "
            f"WHERE {where} GROUP BY 1, 2", [*rank_params, *params]).fetchall()
    # One statement, so both counts see the same clients.
    found = db.execute(
        f"SELECT 1, [{column}], furthest_rank, COUNT(*) FROM clients "
        f"WHERE [{column}] IS NOT NULL GROUP BY 2, 3 UNION ALL "
        f"SELECT 0, NULL, furthest_rank, COUNT(*) FROM clients GROUP BY 3").fetchall()
    valued = [(value, rank_value, n) for has_value, value, rank_value, n in found if has_value]
    unset = {rank_value: n for has_value, _, rank_value, n in found if not has_value}
    for _, rank_value, n in valued:
        unset[rank_value] -= n
    return [(None, rank_value, n) for rank_value, n in unset.items() if n] + valued


def _segment_name(value) -> str:
    """A segment's name: the value as text, trimmed; "(not set)" when empty."""
    text = "" if value is None else str(value).strip()
    return text or MISSING


def segment_table(by_segment: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The segment funnels as one long table: segment, stage, label, clients, % of first."""
    columns = ["segment", "segment_clients", "stage", "label", "clients", "pct_of_previous",
               "pct_of_first"]
    frames = [frame.assign(segment=name, segment_clients=int(frame["clients"].iloc[0]))
              for name, frame in by_segment.items() if len(frame)]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def best_segment(by_segment: dict[str, pd.DataFrame], stage: str = "purchase",
                 unmeasured: Collection[str] = ()) -> dict | None:
    """The named segment (of at least MIN_SEGMENT_FOR_BEST clients, when any is that big)
    with the largest share of its clients reaching ``stage``, as figures and a sentence.

    Where every segment reached ``stage`` alike (a customer list: all bought), the first
    later step that tells them apart is compared instead; a step nothing in the data
    measures (all its stages ``unmeasured``) is never compared. None when no step tells
    the segments apart: "converts best: 100%" (or 0%) beside equals says nothing."""
    order = next((list(f["stage"]) for f in by_segment.values() if len(f)), [])
    for step in order[order.index(stage):] if stage in order else []:
        if all(s in unmeasured for s in PHASES.get(step, (step,))):
            continue
        found = _best_at(by_segment, step)
        if found is not None and found["pct"] != found["worst_pct"]:
            return found
    return None


def _best_at(by_segment: dict[str, pd.DataFrame], stage: str) -> dict | None:
    """``best_segment`` at one step, whether or not the segments differ there."""
    candidates = []
    for name, frame in by_segment.items():
        row = frame[frame["stage"] == stage]
        first = int(frame["clients"].iloc[0]) if len(frame) else 0
        if name in (OTHER, MISSING) or row.empty or not first:
            continue
        candidates.append((name, first, int(row["clients"].iloc[0])))
    big = [c for c in candidates if c[1] >= MIN_SEGMENT_FOR_BEST] or candidates
    if not big:
        return None
    name, first, reached = max(big, key=lambda c: (c[2] / c[1], c[1]))
    worst, worst_first, worst_reached = min(big, key=lambda c: (c[2] / c[1], -c[1]))
    label = PHASE_LABELS.get(stage, LABELS.get(stage, stage)).lower()
    pct, worst_pct = 100.0 * reached / first, 100.0 * worst_reached / worst_first
    sentence = (f"{name} converts best: {percent_text(pct)} of its {first:,} clients "
                f"reached {label}")
    if worst != name:
        sentence += f"; {worst} converts least: {percent_text(worst_pct)}"
    return {"segment": name, "clients": first, "reached": reached, "pct": round(pct, 1),
            "worst_segment": worst, "worst_pct": round(worst_pct, 1), "sentence": sentence + "."}


def funnel_records(frame: pd.DataFrame) -> list[dict]:
    """The funnel as the command line's JSON contract lists it."""
    return [{"stage": r.stage, "clients": int(r.clients),
             "pct_of_previous": None if pd.isna(r.pct_of_previous) else float(r.pct_of_previous),
             "pct_of_first": None if pd.isna(r.pct_of_first) else float(r.pct_of_first)}
            for r in frame.itertuples()]


_WHO = {"pre-awareness": "were targeted", "awareness": "knew of you",
        "consideration": "considered you", "purchase": "bought", "retention": "came back",
        "pre-purchase": "were in touch with you"}
_DID_NOT = {"awareness": "never became aware of you", "consideration": "did not consider buying",
            "purchase": "did not buy", "retention": "did not come back",
            "advocacy": "did not recommend you",
            "post-purchase": "did not come back or recommend you"}


@dataclass(frozen=True)
class Drop:
    """A step of the funnel and the clients lost on it, in figures and as a sentence.
    ``pct_lost`` is exact: whatever shows it rounds it once (``percent_text``)."""
    from_stage: str
    to_stage: str
    pct_lost: float
    clients_lost: int
    sentence: str
    too_new: int = 0          # clients left out as too new to have taken the step


def biggest_drop(frame: pd.DataFrame) -> Drop | None:
    """The step that loses the largest share of clients."""
    best = None
    for before, after in zip(frame.itertuples(), list(frame.itertuples())[1:]):
        if not before.clients:
            continue
        lost = 100.0 * (before.clients - after.clients) / before.clients
        if best is None or lost > best[2]:
            best = (before.stage, after.stage, lost, int(before.clients - after.clients))
    if best is None:
        return None
    start, end, lost, clients = best
    return Drop(start, end, lost, clients,
                f"{percent_text(lost)} of clients who {_WHO[start]} {_DID_NOT[end]}.")


# --- cohorts, timing, stalled clients, where clients are now ------------------------------

def as_of_date(db: Database) -> str:
    """The date "now" means for this workspace: its latest client date that is not after
    today (a later one is of something planned, a booking, or a typing slip), else today.

    Workshops often look at an export that ended weeks ago; measuring from today would call
    every client stalled, so time in stage is measured to the last date the data knows.
    """
    now = values.today()
    row = db.execute("SELECT MAX(last_date) FROM clients WHERE last_date < ?",
                     [add_days(now, 1).isoformat()]).fetchone()
    return stored_day(row[0]) or now.isoformat()


# A buyer has had the chance to come back only when the data runs at least this long after
# the first purchase: one who bought in the last CHANCE_DAYS is not counted as gone.
CHANCE_DAYS = 90
# The step a buyer takes next, in the stage and the phase models.
AFTER_PURCHASE_STEPS = ("retention", "post-purchase")


def _too_new(db: Database) -> tuple[str, list]:
    """The SQL condition (and its values) of a client who bought once, less than
    ``CHANCE_DAYS`` before the data's latest date (``as_of_date``)."""
    since = add_days(dt.date.fromisoformat(as_of_date(db)), -CHANCE_DAYS).isoformat()
    return "furthest_rank = ? AND substr(purchase_at, 1, 10) > ?", [RANK["purchase"], since]


def too_new_buyers(db: Database, filters: Filters = NO_FILTERS) -> int:
    """Clients who bought once, too recently to have had the chance to come back, so not
    counted as not coming back."""
    where, params = filters.where()
    condition, values_ = _too_new(db)
    return db.execute(f"SELECT COUNT(*) FROM {filters.clients()} WHERE {where} "
                      f"AND {condition}", [*params, *values_]).fetchone()[0]


def too_new_by(db: Database, by: str, filters: Filters = NO_FILTERS) -> dict[str, int]:
    """``too_new_buyers`` per segment of the client field ``by``."""
    column = check_segment_field(by)
    where, params = filters.where()
    condition, values_ = _too_new(db)
    counts: dict[str, int] = {}
    for value, n in db.execute(f"SELECT [{column}], COUNT(*) FROM {filters.clients()} "
                               f"WHERE {where} AND {condition} GROUP BY 1",
                               [*params, *values_]):
        counts[_segment_name(value)] = counts.get(_segment_name(value), 0) + n
    return counts


def unmeasured_stages(db: Database) -> set[str]:
    """The stages after awareness that nothing in the workspace measures: no client
    (whatever the filters) reached them by any evidence (events, counts, a stage or status
    column). Consideration is measured wherever the data gives stages: then nobody reached
    it. A funnel always has its first stage."""
    unmeasured = {stage for stage in ("consideration", "purchase", "retention", "advocacy")
                  if db.execute("SELECT 1 FROM clients WHERE furthest_rank >= ? LIMIT 1",
                                [RANK[stage]]).fetchone() is None}
    if "consideration" in unmeasured and db.execute(
            "SELECT EXISTS (SELECT 1 FROM clients WHERE stage_raw IS NOT NULL) OR "
            "EXISTS (SELECT 1 FROM events WHERE stage_raw IS NOT NULL)").fetchone()[0]:
        unmeasured.discard("consideration")
    return unmeasured


def measures(step: Step, unmeasured: set[str]) -> bool:
    """Whether the data measures a step: some stage of it is not ``unmeasured``."""
    return not all(stage in unmeasured for stage in step.stages)


def cohort_conversion(db: Database, *, filters: Filters = NO_FILTERS,
                      pre_awareness: bool = False, model: str | None = None,
                      window_days: int | None = None) -> pd.DataFrame:
    """Conversion by cohort month of first contact: one row per (cohort, step).

    Columns: cohort (``YYYY-MM``), cohort_clients (clients reaching the first step),
    stage, label, clients (reaching the step), pct (of the cohort), young (True when the
    cohort has not had the whole window, or 90 days without one, to convert: read its
    figures as provisional). Clients without a first date have no cohort.
    """
    steps = funnel_steps(model, pre_awareness)
    rank, rank_params = rank_sql(window_days)
    where, params = filters.where()
    rows = db.execute(
        f"SELECT substr(first_date, 1, 7) AS cohort, {rank} AS r, COUNT(*) "
        f"FROM {filters.clients()} WHERE substr(first_date, 1, 7) IS NOT NULL AND {where} "
        "GROUP BY 1, 2",
        [*rank_params, *params]).fetchall()
    columns = ["cohort", "cohort_clients", "stage", "label", "clients", "pct", "young"]
    if not rows:
        return pd.DataFrame(columns=columns)
    counts: dict[str, dict[int, int]] = {}
    for cohort, rank_value, n in rows:
        counts.setdefault(cohort, {})[rank_value] = n
    as_of = dt.date.fromisoformat(as_of_date(db))
    settle = window_days if window_days is not None else 90
    out = []
    for cohort, by_rank in sorted(counts.items()):
        reached = _reached(by_rank, steps)
        young = add_days(_month_end(cohort), settle) > as_of
        out += [(cohort, reached[0], step.key, step.label, n, _pct(n, reached[0]), young)
                for step, n in zip(steps, reached)]
    return pd.DataFrame(out, columns=columns)


def _month_end(cohort: str) -> dt.date:
    """The last day of a cohort month ('YYYY-MM')."""
    year, month = int(cohort[:4]), int(cohort[5:7])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _step_date_sql(step: Step) -> str:
    """The date a client first reached any stage of a step (NULL when none is known)."""
    return earliest(*(stage_at_column(s) for s in step.stages))


def stage_durations(db: Database, *, filters: Filters = NO_FILTERS, pre_awareness: bool = False,
                    model: str | None = None) -> pd.DataFrame:
    """Median days between consecutive steps, and from first contact to purchase.

    A client counts for a pair when both dates are known and the later step is not dated
    before the earlier one; days are calendar days (``_calendar_days``). Columns:
    from_stage, to_stage, label, clients, median_days.
    Every pair's days come from one read of the clients, joined by ``group_concat`` and
    split by numpy; the medians are taken here. (Five reads and a window over their rows
    sorted in SQL took 0.8-0.9 s of CPU at 100,000 clients; a row fetched per client,
    2.1-2.4 s at a million; this 1.1 s.)
    """
    steps = funnel_steps(model, pre_awareness)
    pairs = [(a.key, b.key, f"{a.label} → {b.label}", _step_date_sql(a), _step_date_sql(b))
             for a, b in zip(steps, steps[1:])]
    pairs.append(("first contact", "purchase", "First contact → Purchase", "first_date",
                  "purchase_at"))
    where, params = filters.where()
    days = ", ".join(f"group_concat(CAST({_calendar_days(start, end)} AS INTEGER))"
                     for *_, start, end in pairs)
    dated = " OR ".join(f"({start} IS NOT NULL AND {end} IS NOT NULL)"
                        for *_, start, end in pairs)
    joined = db.execute(f"SELECT {days} FROM {filters.clients()} WHERE {where} AND ({dated})",
                        params).fetchone()
    out = []
    for (a, b, label, _, _), text in zip(pairs, joined):
        counted_days = values.joined_ints(text)
        counted_days = counted_days[counted_days >= 0]
        median = round(float(np.median(counted_days)), 1) if len(counted_days) else None
        out.append((a, b, label, len(counted_days), median))
    return pd.DataFrame(out, columns=["from_stage", "to_stage", "label", "clients",
                                      "median_days"])


TIME_BUCKETS = ((7, "within a week"), (30, "8–30 days"), (90, "31–90 days"),
                (180, "91–180 days"), (None, "over 180 days"))


def time_to_convert(db: Database, *, filters: Filters = NO_FILTERS,
                    stage: str = "purchase") -> pd.DataFrame:
    """How long clients who reached ``stage`` took from first contact, in buckets of days.

    Columns: bucket, clients, pct (of the clients with both dates).
    """
    if stage not in RANK:
        raise ValidationError(f"'{stage}' is not a stage.")
    where, params = filters.where()
    column = stage_at_column(stage)
    cases = " ".join(f"WHEN d <= {limit} THEN {i}" for i, (limit, _) in enumerate(TIME_BUCKETS)
                     if limit is not None)
    rows = dict(db.execute(
        f"SELECT CASE {cases} ELSE {len(TIME_BUCKETS) - 1} END AS bucket, COUNT(*) FROM ("
        f"  SELECT {_calendar_days('first_date', column)} AS d FROM {filters.clients()} "
        f"  WHERE {where} AND {column} IS NOT NULL AND first_date IS NOT NULL) "
        f"WHERE d >= 0 GROUP BY bucket", params).fetchall())
    total = sum(rows.values())
    return pd.DataFrame([(label, rows.get(i, 0), _pct(rows.get(i, 0), total))
                         for i, (_, label) in enumerate(TIME_BUCKETS)],
                        columns=["bucket", "clients", "pct"])


def stalled_clients(db: Database, *, filters: Filters = NO_FILTERS,
                    stall_days: int | None = None, as_of: str | None = None) -> pd.DataFrame:
    """Clients in their current stage for longer than ``stall_days`` (the workspace
    setting, 60 by default), longest first, with owner and last contact.

    Days are counted from the day the client entered its current stage (``stage_since``;
    the last contact stands in when that is unknown) to ``as_of`` (``as_of_date``).
    Clients who left (lost, churned, cancelled) are not stalled, nor are advocates:
    there is no stage further to go.
    """
    if stall_days is None:
        stall_days = get_setting(db, "stall_days")
    as_of = as_of or as_of_date(db)
    where, params = filters.where()
    frame = query_frame(db, f"""
        SELECT client_id, name, current_stage AS stage, since, days_in_stage, owner,
               substr(last_date, 1, 10) AS last_contact, channel, persona
        FROM (SELECT *, substr(COALESCE(stage_since, last_date), 1, 10) AS since,
                     CAST(julianday(?) - julianday(substr(COALESCE(stage_since, last_date), 1, 10))
                          AS INTEGER) AS days_in_stage
              FROM {filters.clients()}
              WHERE outcome IS NULL AND current_stage IS NOT NULL
                AND current_stage != 'advocacy' AND {where})
        WHERE days_in_stage > ?
        ORDER BY days_in_stage DESC, name""", [as_of, *params, stall_days])
    frame.insert(3, "label", frame["stage"].map(LABELS))
    return frame


def current_stages(db: Database, *, filters: Filters = NO_FILTERS, pre_awareness: bool = False,
                   model: str | None = None) -> pd.DataFrame:
    """Where clients are now beside how far they got, one row per step.

    Columns: stage, label, reached (the funnel), furthest (clients whose furthest step is
    this one), now (active clients whose current stage is in this step), left (clients
    who were lost or churned from this step). Current stages below the model's first step
    count in the first step.
    """
    steps = funnel_steps(model, pre_awareness)
    where, params = filters.where()
    # Counted by the stored columns first, in the order of their index (clients_now), with
    # no sort of every client (a million clients: 0.16 s of CPU, where grouping by the
    # ranks worked out of them took 0.77 s); then the few groups by rank.
    rows = db.execute(
        f"SELECT furthest_rank, MAX({CURRENT_RANK}, ?) AS now_rank, "
        f"outcome IS NOT NULL AS gone, SUM(n) FROM ("
        f"  SELECT furthest_rank, current_stage, outcome, COUNT(*) AS n "
        f"  FROM {filters.clients()} WHERE furthest_rank >= ? AND {where} "
        f"  GROUP BY furthest_rank, current_stage, outcome) GROUP BY 1, 2, 3",
        [steps[0].rank, steps[0].rank, *params]).fetchall()
    step_of = step_of_rank(steps)
    furthest = [0] * len(steps)
    now = [0] * len(steps)
    left = [0] * len(steps)
    for furthest_rank, now_rank, gone, n in rows:
        furthest[step_of[furthest_rank]] += n
        (left if gone else now)[step_of[now_rank]] += n
    reached = [sum(furthest[i:]) for i in range(len(steps))]
    return pd.DataFrame({"stage": [s.key for s in steps], "label": [s.label for s in steps],
                         "reached": reached, "furthest": furthest, "now": now, "left": left})


def segment_fields(db: Database) -> list[str]:
    """The SEGMENT_FIELDS that hold a value for at least one client."""
    return [name for name in SEGMENT_FIELDS if db.execute(
        f"SELECT 1 FROM clients WHERE [{name}] IS NOT NULL AND TRIM(CAST([{name}] AS TEXT)) "
        f"!= '' LIMIT 1").fetchone()]



# --- money at stake -----------------------------------------------------------------------

# What a client's purchases brought: the tracker's current revenue, else the sum of its
# purchase events (the persona cards' revenue), over how many purchases it made (the larger
# of the tracker's count and the purchases logged, at least one for a customer).
_CLIENT_REVENUE = client_revenue_sql()
# Whose revenue is known: a tracker's revenue or sales with amounts (a customer whose
# order was refunded in full is known to have brought 0, and its purchase counts).
_REVENUE_KNOWN = "COALESCE(revenue_current, revenue_events)"
_CLIENT_PURCHASES = "MAX(1, COALESCE(purchases, 0), COALESCE(purchase_count, 0))"
MONEY_COLUMNS = ["stage", "label", "next_stage", "next_label", "clients_lost",
                 "per_purchase", "money", "at_average"]


@dataclass(frozen=True)
class MoneyAtStake:
    """What each step's drop-off costs: ``steps`` (one row per step with a next one: the
    clients lost on the way to the next step, the revenue per purchase they are valued at,
    ``money``, and ``at_average``: how many of them were valued at the business's average
    because their segment has no revenue of its own), ``segments`` (the same per segment),
    ``by`` (the client field the segments are), ``average`` (the business's revenue per
    purchase; None when the data holds no revenue at all) and ``sentence``."""
    steps: pd.DataFrame
    segments: pd.DataFrame
    by: str
    average: float | None
    sentence: str

    @property
    def has_revenue(self) -> bool:
        return self.average is not None

    def by_segment(self) -> dict[str, float]:
        """Each segment's money at stake over every step (nothing without revenue)."""
        if not self.has_revenue or self.segments.empty:
            return {}
        sums = self.segments.groupby("segment")["money"].sum()
        return {str(k): float(v) for k, v in sums.items()}


def revenue_per_purchase(db: Database, by: str = "persona", *,
                         filters: Filters = NO_FILTERS) -> tuple[dict[str, float], float | None]:
    """Revenue per purchase in each segment of ``by`` and over the business, from the
    customers whose revenue is known (sales amounts or a tracker's revenue above 0): their
    revenue, net of refunds (``derive.client_revenue_sql``), ÷ their purchases.
    Segments (and the business) without any revenue are left out (None)."""
    column = check_segment_field(by)
    where, params = filters.where()
    rows = db.execute(
        f"SELECT [{column}], SUM({_CLIENT_REVENUE}), SUM({_CLIENT_PURCHASES}) "
        f"FROM {filters.clients(in_turn=True)} WHERE {where} "
        f"AND furthest_rank >= {RANK['purchase']} AND {_REVENUE_KNOWN} > 0 "
        f"GROUP BY 1", params).fetchall()
    revenue: dict[str, list[float]] = {}
    for value, money, purchases in rows:
        name = _segment_name(value)
        got = revenue.setdefault(name, [0.0, 0.0])
        got[0] += money or 0.0
        got[1] += purchases or 0.0
    per = {name: money / purchases for name, (money, purchases) in revenue.items() if purchases}
    total_money = sum(m for m, _ in revenue.values())
    total_purchases = sum(p for _, p in revenue.values())
    return per, (total_money / total_purchases if total_purchases else None)


def money_at_stake(db: Database, *, by: str = "persona", filters: Filters = NO_FILTERS,
                   pre_awareness: bool = False, model: str | None = None,
                   window_days: int | None = None, currency: str = "$") -> MoneyAtStake:
    """What the drop-off at each step costs: for every segment of ``by`` (persona by
    default), the clients lost between a step and the next × that segment's revenue per
    purchase (``revenue_per_purchase``), or the business's when the segment has none of its
    own; summed per step. Read it as the revenue one more purchase from each lost client
    would have brought. Without any revenue in the data, ``money`` is None (never 0) and
    the sentence says what to import. A step's revenue per purchase is its lost clients'
    (each at their segment's); where none is lost, the business's.

    As on the funnel, a step into a stage nothing in the data measures (``measures``) is
    left out (no referral anywhere is no loss of advocates), and buyers too new to have
    come back (``too_new_by``; without a conversion window, which sets its own time) are
    not counted lost after purchase."""
    by_segment = compute_funnel_by(db, by, filters=filters, pre_awareness=pre_awareness,
                                   top=10**6, model=model, window_days=window_days)
    per, average = revenue_per_purchase(db, by, filters=filters)
    unmeasured = unmeasured_stages(db)
    measured = {step.key for step in funnel_steps(model, pre_awareness)
                if measures(step, unmeasured)}
    too_new = too_new_by(db, by, filters) if window_days is None else {}
    rows = []
    for segment, frame in by_segment.items():
        value = per.get(segment, average)
        for before, after in zip(frame.itertuples(), list(frame.itertuples())[1:]):
            if after.stage not in measured:
                continue
            lost = int(after.drop_off or 0)
            if after.stage in AFTER_PURCHASE_STEPS:
                lost = max(0, lost - too_new.get(segment, 0))
            rows.append({"segment": segment, "stage": before.stage, "label": before.label,
                         "next_stage": after.stage, "next_label": after.label,
                         "clients_lost": lost, "per_purchase": value,
                         "money": None if value is None else lost * value,
                         "at_average": lost if segment not in per else 0})
    segments = pd.DataFrame(rows, columns=["segment", *MONEY_COLUMNS])
    steps = []
    model_steps = funnel_steps(model, pre_awareness)
    for step, following in zip(model_steps, model_steps[1:]):
        if following.key not in measured:
            continue
        part = segments[segments["stage"] == step.key]
        lost = int(part["clients_lost"].sum())
        money = float(part["money"].sum()) if average is not None else None
        steps.append({"stage": step.key, "label": step.label,
                      "next_stage": following.key, "next_label": following.label,
                      "clients_lost": lost,
                      "per_purchase": (money / lost) if money is not None and lost else average,
                      "money": money, "at_average": int(part["at_average"].sum())})
    frame = pd.DataFrame(steps, columns=MONEY_COLUMNS)
    return MoneyAtStake(frame, segments, by, average, _money_sentence(frame, average, currency))


def _money_sentence(steps: pd.DataFrame, average: float | None, currency: str) -> str:
    if steps.empty:
        return ("Your data measures no step after the first, so no drop-off can be "
                "valued.")
    if average is None:
        return ("The data holds no revenue, so what the drop-off costs cannot be said: import "
                "an order list with amounts, or a client tracker with a revenue column.")
    if not steps["money"].fillna(0).any():
        return "No client was lost between stages, so no money is at stake."
    worst = steps.loc[steps["money"].idxmax()]
    return (f"The most money is at stake between {worst['label']} and {worst['next_label']}: "
            f"{counted(int(worst['clients_lost']), 'client')} lost there, worth "
            f"{currency}{worst['money']:,.0f} at one purchase each.")
