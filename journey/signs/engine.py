"""The engine that runs every registered sign over a period: it reads the workspace once
(``source.Source``), measures each sign in the period, the one before and the 12 trend
months, judges it against the workspace's thresholds, writes out the working and the next
step, and scores the alignment; and it finds the evidence behind one sign's figure."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd
from sqlite_utils import Database

from ..filters import NO_FILTERS, Filters
from ..kinds import sql_list
from ..stages import LABELS
from ..text import percent_text
from .base import STATUSES, Measure, Sign, change_pct, figure_unit, format_value
from .catalogue import SIGNS, sign_by_key
from .evidence import EvidenceTable
from .keywords import get_keyword_classes
from .period import (
    Period, date_bounds, date_of_day, day_of, period_length, resolve_period, trend_windows)
from .settings import get_self_assessments, get_thresholds
from .source import REASON_KINDS, Source, event_scope

POINTS = {"green": 100, "amber": 50, "red": 0}           # the alignment score's scale


@dataclass
class SignResult:
    """One sign as the page and the command line show it."""
    key: str
    title: str
    definition: str
    value_label: str
    unit: str
    stages: tuple[str, ...]
    departments: tuple[str, ...]
    status: str                       # green, amber, red or unknown (never from assessment)
    value: float | None               # exact: rounded only where it is written (``figure``)
    previous: float | None
    change_pct: float | None
    thresholds: dict
    judged_on: str
    better: str
    rule: str                         # the rule that decided the status, in words
    source: str                       # where the default thresholds come from
    working: list[str]                # the arithmetic, line by line
    trend: pd.DataFrame               # month, value
    trend_note: str                   # what each trend point covers
    next_step: str
    evidence_count: int
    measured: bool
    missing: str | None               # what would measure it, when unknown
    assessment: dict | None           # the facilitator's self-assessment, if any
    basis: str                        # events, column, clients or conversion
    value_better: str = ""            # which way the figure shown is better (its colour)
    parts: dict = field(default_factory=dict)   # the figure's parts in the period
    severity: float = 0.0             # towards red (1 or more: red), to sort within a status

    @property
    def sign(self) -> Sign:
        """The sign's class in the catalogue."""
        return sign_by_key(self.key)

    @property
    def figure_unit(self) -> str:
        """The unit the figure is written in (``base.figure_unit``)."""
        return figure_unit(self.unit, self.value_label)

    def figure(self, value: float | None) -> str:
        """A figure of this sign as its label reads it: "11.1 per 100", not "11.1%"; rounded
        here, once, from the exact value (as the working rounds it)."""
        return format_value(value, self.figure_unit)

    @property
    def headline(self) -> str:
        """The figure and its change in a few words."""
        if not self.measured:
            return "not measured"
        text = self.figure(self.value)
        if self.changed:
            direction = "up" if self.change_pct > 0 else "down"
            text += f", {direction} {percent_text(abs(self.change_pct))} on the previous period"
        return text

    @property
    def changed(self) -> bool:
        """Whether the figure changed on the previous period by what reads as 1% or more
        (an exact half rounds up, as ``percent_text`` writes it)."""
        return self.change_pct is not None and abs(self.change_pct) >= 0.5

    @property
    def change_is_good(self) -> bool | None:
        """Whether the change on the previous period is for the better (None: no change)."""
        if not self.changed:
            return None
        return (self.change_pct > 0) == ((self.value_better or self.better) == "higher")

    @property
    def stage_labels(self) -> str:
        return ", ".join(LABELS.get(s, s) for s in self.stages)

    def threshold_record(self) -> dict:
        """The thresholds as the command line's JSON shows them, each with its unit."""
        return {"judged_on": self.judged_on, "better": self.better,
                **{name: {"value": value, "unit": self.sign.threshold_unit(name)}
                   for name, value in self.thresholds.items()}}


@dataclass
class AlignmentScore:
    """The overall alignment score (0-100) and how it was worked out; ``value`` is None
    when too few signs are measured for a score (``sentence`` then says why)."""
    value: float | None
    working: pd.DataFrame              # sign, status, basis, points
    sentence: str
    measured: int = 0                  # signs measured from the data
    rests_on: int = 0                  # signs with points: measured and self-assessed
    of: int = 0                        # signs there are

    @property
    def label(self) -> str:
        """``62/100, from 5 of 8 signs``; empty when there is no score."""
        if self.value is None:
            return ""
        return f"{self.value:g}/100, from {self.rests_on} of {self.of} signs"


@dataclass
class SignsReport:
    """The eight signs for one period, and the alignment score."""
    period: Period
    signs: list[SignResult]
    score: AlignmentScore

    def by_key(self, key: str) -> SignResult:
        return next(s for s in self.signs if s.key == key)

    def red_first(self) -> list[SignResult]:
        """The signs in the page's order: red, amber, unknown, green; within each, the one
        furthest towards its red threshold first."""
        return sorted(self.signs, key=lambda s: (STATUSES.index(s.status), -s.severity))


# What an unknown sign adds when the workspace holds what measures it, in other periods.
ELSEWHERE = " Your data has what measures it, so another period may measure it."


def compute_signs(db: Database, filters: Filters = NO_FILTERS) -> SignsReport:
    """The eight signs for the filters' period (or the last 12 months) with their trends."""
    period = resolve_period(db, filters)
    thresholds = get_thresholds(db)
    assessments = get_self_assessments(db)
    months = [] if period.snapshot else trend_windows(period)
    span = purchase_span = None
    if not period.snapshot:
        first_month = date_of_day(months[0][1][0])
        span = (min(period.previous_start, first_month.isoformat()), period.end)
        trailing = date_of_day(months[0][1][1] - period_length(period)).isoformat()
        purchase_span = (min(span[0], trailing), period.end)
    src = Source(db, filters, period, span, get_keyword_classes(db), purchase_span)
    now = None if period.snapshot else (day_of(period.start), day_of(period.end))
    before = None if period.snapshot else (day_of(period.previous_start),
                                           day_of(period.previous_end))
    details = _period_details(db, filters, period, src, now)
    results = []
    for sign in SIGNS:
        limits = thresholds[sign.key]
        current = sign.measure(src, now)
        previous = None if before is None else sign.measure(src, before)
        status, rule = sign.judge(limits, current, previous)
        prev_value = previous.value if previous is not None else None
        results.append(SignResult(
            key=sign.key, title=sign.title, definition=sign.definition,
            value_label=sign.label(current), unit=sign.unit, stages=sign.stages,
            departments=sign.named_departments(details),
            status=status, value=_finite(current.value), previous=_finite(prev_value),
            change_pct=_finite(change_pct(current.value, prev_value)),
            thresholds=limits, judged_on=sign.judged_on, better=sign.better,
            rule=rule, source=sign.source,
            working=_working(sign, current, previous, period, src.undated),
            trend=_trend(src, sign, months, period), trend_note=_trend_note(sign, period),
            next_step=_next_step(sign, status, details, current),
            evidence_count=int(current.evidence), measured=current.value is not None,
            missing=None if current.value is not None else f"{current.missing}" + (
                ELSEWHERE if current.measured_elsewhere
                else f" It would be measured by {sign.measured_by}."),
            assessment=assessments.get(sign.key) if current.value is None else None,
            basis=current.basis, value_better=sign.value_better(current),
            parts=dict(current.parts),
            severity=sign.severity(limits, current, previous)))
    return SignsReport(period, results, alignment_score(results))


def _trend(src: Source, sign: Sign, months: list, period: Period) -> pd.DataFrame:
    """The sign's value in each of the 12 trend months (for a ``trailing_trend`` sign, in
    the period's length up to each month's end)."""
    rows = []
    for label, (first, last) in months:
        if sign.trailing_trend:
            first = last - period_length(period)
        rows.append((label, sign.measure(src, (first, last)).value))
    trend = pd.DataFrame(rows, columns=["month", "value"])
    trend["value"] = trend["value"].astype("float64")
    return trend


def _trend_note(sign: Sign, period: Period) -> str:
    if period.snapshot:
        return "No trend: the workspace has no dates."
    if sign.trailing_trend:
        days = period_length(period) + 1
        length = "12 months" if days in (365, 366) else f"{days} days"
        return f"Each point is the {length} up to the end of that month, like the period."
    return "Each point is one calendar month."


def _finite(value: float | None) -> float | None:
    """The exact figure (None when there is none, or it is not finite)."""
    return None if value is None or not math.isfinite(value) else float(value)


def _working(sign: Sign, current: Measure, previous: Measure | None,
             period: Period, undated: dict[str, int]) -> list[str]:
    """The arithmetic behind the figure, for the current and the previous period."""
    lines = [period.note]
    for label, m in (("This period", current), ("Previous period", previous)):
        if m is None:
            continue
        text = sign.arithmetic(m) if m.value is not None else ""
        lines.append(f"{label}: {text}" if text else f"{label}: {m.missing or 'no figure.'}")
    for kind in sign.evidence_kinds:
        if undated.get(kind):
            lines.append(f"{undated[kind]:,} {kind.replace('_', ' ')} events have no date "
                         f"and are not counted in any period.")
    if current.basis == "column":
        lines.append("Counted from the client tracker's columns, since the workspace has no "
                     "events of this kind; each client's counts belong to the period of its "
                     "last date.")
    return lines + sign.notes(current)


# --- details for the next steps: top reasons and departments in the period ----------------

# The kinds whose reasons a next step quotes, beyond those ``Source`` reads (lost deals and
# objections); and the kinds whose departments a sign names.
QUOTED_KINDS = tuple(dict.fromkeys(kind for sign in SIGNS for kind in sign.reason_kinds
                                   if kind not in REASON_KINDS))
DEPARTMENT_KINDS = tuple(dict.fromkeys(sign.department_kind for sign in SIGNS
                                       if sign.department_kind))


def _period_details(db: Database, filters: Filters, period: Period, src: Source,
                    window) -> dict:
    """The most common reasons per kind, and the departments raising internal complaints,
    in the period (lost deals and objections come from what ``src`` already read)."""
    scope, params = event_scope(filters)
    dates, date_params = date_bounds(None if period.snapshot else (period.start, period.end))
    # Counted per day first, along the (kind, date, reason) index without sorting, then
    # per reason: the same counts in the same order as one GROUP BY kind, reason, which
    # sorts every event (a million events: 40 ms instead of 120).
    rows = db.execute(
        f"SELECT kind, reason, SUM(n) AS n FROM (SELECT e.kind, e.reason, COUNT(*) AS n "
        f"FROM events e WHERE e.kind IN {sql_list(QUOTED_KINDS)} "
        f"AND e.reason IS NOT NULL AND {dates} AND {scope} GROUP BY e.kind, e.date, e.reason) "
        f"GROUP BY kind, reason ORDER BY n DESC", [*date_params, *params]).fetchall()
    reasons: dict[str, list[tuple[str, int]]] = {
        kind: src.top_reasons(kind, window) for kind in REASON_KINDS}
    for kind, reason, n in rows:
        if str(reason).strip():
            reasons.setdefault(kind, []).append((reason, n))
    departments = {}
    for kind in DEPARTMENT_KINDS:
        # Per day first along the (kind, date, department) index (m010), as the reasons.
        named = db.execute(
            f"SELECT department, SUM(n) AS n FROM (SELECT e.department, COUNT(*) AS n "
            f"FROM events e WHERE e.kind = ? AND e.department IS NOT NULL AND {dates} "
            f"AND {scope} GROUP BY e.kind, e.date, e.department) GROUP BY department "
            f"ORDER BY n DESC", [kind, *date_params, *params]).fetchall()
        departments[kind] = [d for d, _ in named if str(d).strip()]
    return {"reasons": reasons, "departments": departments,
            "keywords": get_keyword_classes(db)}


def _top_reason(sign: Sign, details: dict) -> tuple[str, int] | None:
    merged: dict[str, int] = {}
    for reason, n in sign.quoted_reasons(details):
        merged[reason] = merged.get(reason, 0) + n
    return max(merged.items(), key=lambda item: item[1]) if merged else None


def _next_step(sign: Sign, status: str, details: dict, current: Measure) -> str:
    if status == "unknown" and (current.evidence or current.measured_elsewhere) \
            and current.missing:
        # The data holds what measures it, the period does not (no customers at its start):
        # importing what is already there is no advice.
        return f"Measure it first: {current.missing}{ELSEWHERE}"
    if status == "unknown":
        return f"Measure it first: import {sign.measured_by}."
    top = _top_reason(sign, details)
    detail = f" The most common reason this period: “{top[0]}” ({top[1]:,})." if top else ""
    lead = {"red": "Fix this first. ", "amber": "Worth a look. ",
            "green": "Healthy; to keep it that way: "}[status]
    return lead + sign.next_step + detail


# --- the overall score --------------------------------------------------------------------

# A score needs at least this many measured signs. With fewer, one or two signs would make
# the whole score (a single red sign reads 0/100, a single green one 100/100), and it would
# say more about what was imported than about the business: half the eight signs is the
# least that balances the journey's stages (pre-purchase, purchase and post-purchase).
MIN_MEASURED = 4


def alignment_score(signs: list[SignResult]) -> AlignmentScore:
    """The mean of points per sign: measured green 100, amber 50, red 0; a self-assessment
    of an unknown sign scores (score − 1) × 25 and is marked as assessed; unknown signs
    without one are left out. With fewer than ``MIN_MEASURED`` measured signs there is no
    score, only a sentence saying what would measure more."""
    rows = []
    for sign in signs:
        if sign.measured:
            rows.append((sign.title, sign.status, "measured", POINTS[sign.status]))
        elif sign.assessment:
            score = sign.assessment["score"]
            rows.append((sign.title, f"assessed {score}/5", "assessed", (score - 1) * 25))
        else:
            rows.append((sign.title, "unknown", "left out", None))
    working = pd.DataFrame(rows, columns=["sign", "status", "basis", "points"])
    counted = working.dropna(subset=["points"])
    measured = int((counted["basis"] == "measured").sum())
    assessed = int((counted["basis"] == "assessed").sum())
    total = len(signs)
    if measured < MIN_MEASURED:
        found = ("No sign is measured" if not measured else
                 f"Only {measured} of {total} signs {'is' if measured == 1 else 'are'} measured")
        return AlignmentScore(
            None, working,
            f"{found} from your data, so there is no alignment score: it needs at least "
            f"{MIN_MEASURED} measured signs to say something about the whole journey. Import "
            f"what the unknown signs ask for to measure more of them.",
            measured, len(counted), total)
    value = round(float(counted["points"].mean()), 1)
    terms = " + ".join(f"{p:g}" for p in counted["points"])
    left_out = total - len(counted)
    sentence = (f"({terms}) ÷ {len(counted)} = {value:g} out of 100, from {len(counted)} of "
                f"{total} signs: {measured} measured"
                + (f" and {assessed} self-assessment{'s' * (assessed != 1)}" if assessed else "")
                + (f"; {left_out} unknown sign{'s' * (left_out != 1)} left out" if left_out
                   else "")
                + ". Green scores 100, amber 50, red 0; a self-assessment of 1 to 5 scores "
                  "0 to 100.")
    return AlignmentScore(value, working, sentence, measured, len(counted), total)


# --- evidence and output --------------------------------------------------------------------

def sign_evidence(db: Database, key: str, filters: Filters = NO_FILTERS,
                  tables: tuple[str, ...] = ("clients", "events")) -> dict[str, pd.DataFrame]:
    """The clients and the events behind a sign's figure in the period:
    ``{"clients": DataFrame, "events": DataFrame}`` (either may be empty), or only the
    ``tables`` asked for (a download: the clients are not looked for when only the events
    are wanted); ValidationError for a key that is not a sign."""
    sign = sign_by_key(key)
    period = resolve_period(db, filters)
    span = None if period.snapshot else (period.start, period.end)
    kinds = present_kinds(db, sign)
    events = sign.evidence_events(db, filters, span, kinds)
    found = {"events": events.drop(columns="client_ref")}
    if "clients" in tables:
        found["clients"] = sign.evidence_clients(db, filters, span, events, bool(kinds))
    return {name: found[name] for name in tables}


def first_sign_evidence(db: Database, key: str, filters: Filters = NO_FILTERS,
                        rows: int = 1000) -> dict[str, EvidenceTable]:
    """``sign_evidence``'s tables as the page shows them: how many rows each has and its
    first ``rows``, which SQLite finds without building the rest (a million clients: under
    a second where ``sign_evidence`` takes several)."""
    sign = sign_by_key(key)
    period = resolve_period(db, filters)
    span = None if period.snapshot else (period.start, period.end)
    kinds = present_kinds(db, sign)
    return {"events": sign.first_evidence_events(db, filters, span, kinds, rows),
            "clients": sign.first_evidence_clients(db, filters, span, kinds, rows)}


def present_kinds(db: Database, sign: Sign) -> tuple[str, ...]:
    """The sign's evidence kinds the workspace has events of."""
    return tuple(k for k in sign.evidence_kinds if db.execute(
        "SELECT 1 FROM events WHERE kind = ? LIMIT 1", [k]).fetchone())


def signs_records(report: SignsReport) -> list[dict]:
    """The signs as the command line's JSON contract lists them."""
    return [{"key": s.key, "title": s.title, "status": s.status, "value": s.value,
             "previous": s.previous, "threshold": s.threshold_record(),
             "stages": list(s.stages), "evidence_count": s.evidence_count}
            for s in report.signs]
