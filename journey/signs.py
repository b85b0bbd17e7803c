"""Signs of misalignment: eight health checks of how well the sales process fits the journey.

Each sign is a metric for the selected period and for the previous period of the same
length, judged green, amber or red against thresholds the workspace can change, or
"unknown" when nothing in the workspace measures it (then a facilitator's self-assessment,
1 to 5 with a note, may stand in: it is always shown as assessed, never as measured).

Decisions, written down here because DESIGN.md is silent on them:

- The period is the sidebar's date range, compared with the same number of days before it.
  With none, it is the last 12 months up to the latest date in the workspace, compared
  with the 12 months before. A workspace with no dates at all is measured over all its
  data, with nothing to compare (a snapshot) and no trend.
- The sidebar's persona, client type, region and channel restrict the clients, and the
  events counted are those clients' events. With none of them chosen, events that belong to
  no client (an anonymous complaints log, deals without an account) count too.
- Client-level counts (the ``complaints``, ``objections``, ``refunds`` and ``purchases``
  columns of a client tracker) are used when the workspace has no events of that kind at
  all, never added to events (the demo's tracker repeats its event counts). A client's
  counts belong to the period holding the client's last date. A ``refunds`` column holding
  amounts rather than whole numbers counts each client with a refund once.
- Events count on their day; a period includes both of its end days. A refund or
  cancellation without a date takes the date of its order's purchase.
- A customer is a client who reached the purchase stage, from its first purchase (or its
  first date when no purchase is dated). It has left when its status says churned or
  cancelled, on its last date. Retention's "new" customers are those at the end who first
  bought in the period, so (end − new) ÷ start is the share of the starting customers
  still there.
- Without reasons that say so, "uneducated leads" falls back on the awareness →
  consideration conversion, but only where clients' stages tell leads from clients who
  considered buying (a list of customers only has no leads to follow).
- Trends are 12 monthly points; for complaints, retention and repeat business each point
  covers a window as long as the period up to that month's end, so it compares with the
  period's figure and its thresholds.
- Signs of the same status are ordered by how far they have gone towards red
  (``severity``), so the first red sign is the one to fix first.
- Thresholds, keyword classes and self-assessments are workspace settings
  (``THRESHOLDS_SETTING``, ``KEYWORDS_SETTING``, ``ASSESSMENTS_SETTING``).

Speed: each source is read once for the whole span (period, previous period and the 12
trend months): events grouped by kind and day along the m004 indexes, clients as one
fixed-width string (``CLIENT_DAYS``, an indexed expression) decoded by numpy. Every
window is then a pair of binary searches.
bench/signs_bench.py measures all eight signs with trends at 100,000 clients and
1,000,000 events.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlite_utils import Database

from .errors import ValidationError
from .filters import NO_FILTERS, Filters
from .stages import LABELS, RANK
from .values import add_days, add_months, stored_day
from .workspace import get_setting, set_setting

SIGN_KEYS = ("interdepartmental_complaints", "uneducated_leads", "purchase_objections",
             "low_win_rate", "high_complaints", "refunds_cancellations_up", "low_retention",
             "repeat_business_down")
STATUSES = ("red", "amber", "unknown", "green")          # the page's order: red first
POINTS = {"green": 100, "amber": 50, "red": 0}           # the alignment score's scale

THRESHOLDS_SETTING = "signs_thresholds"
KEYWORDS_SETTING = "signs_uneducated_keywords"
ASSESSMENTS_SETTING = "signs_self_assessments"

EPOCH = dt.date(1970, 1, 1)                          # day numbers count from 1970-01-01
EPOCH_ORDINAL = EPOCH.toordinal()
DAYS_PER_MONTH = 365.25 / 12
CUSTOMER = RANK["purchase"]
CONSIDERING = RANK["consideration"]


@dataclass(frozen=True)
class SignSpec:
    """What a sign is: its definition in plain words, where it points, how it is judged."""
    key: str
    title: str
    definition: str
    value_label: str
    unit: str                       # "%", "per month" or "per 100 clients"
    stages: tuple[str, ...]
    departments: tuple[str, ...]
    judged_on: str                  # "level" or "change" (against the previous period)
    better: str                     # "higher" or "lower"
    thresholds: dict                # the defaults; a workspace may change each number
    source: str                     # where the defaults come from
    measured_by: str                # the data that would measure it
    next_step: str                  # grounded in the stage it affects


SPECS: dict[str, SignSpec] = {spec.key: spec for spec in (
    SignSpec(
        "interdepartmental_complaints", "Complaints between departments",
        "Internal complaints (one team complaining about another: marketing and sales, sales "
        "and operations or service) per month, and how that changed on the period before.",
        "internal complaints per month", "per month", ("purchase", "retention"),
        ("marketing", "sales", "operations", "service"), "change", "lower",
        {"amber": 10.0, "red": 50.0, "level_amber": 2.0, "level_red": 5.0},
        "Journey's rule of thumb (no published benchmark): a rise of 10% on the period before "
        "is a warning and 50% a problem; with nothing to compare, 2 a month is a warning and "
        "5 a month a problem for a small business.",
        "an internal escalations log: events of kind internal_complaint with a date and the "
        "department that raised it",
        "At the handover from sales to delivery (purchase → retention): put the departments "
        "named most often in one room for 30 minutes, go through last month's escalations and "
        "agree who may promise what (dates, specifications, discounts) before an order is "
        "signed."),
    SignSpec(
        "uneducated_leads", "Leads uneducated about the solution",
        "Of the lost deals and objections that give a reason, the share whose reason says the "
        "lead did not understand the offer (matched by keyword classes the workspace can "
        "edit), together with the awareness → consideration conversion: of the leads who "
        "arrived in the period, the share who went on to consider buying.",
        "reasons saying the lead did not understand", "%",
        ("awareness", "consideration"), ("marketing", "sales"), "level", "lower",
        {"amber": 10.0, "red": 25.0, "conversion_amber": 50.0, "conversion_red": 30.0},
        "Journey's rule of thumb (no published benchmark): more than 1 in 10 reasons saying "
        "the lead did not understand is a warning, 1 in 4 a problem; fewer than half of new "
        "leads considering buying is a warning, fewer than 3 in 10 a problem.",
        "lost deals or objections with a reason (event kinds lost and objection with a reason "
        "column), or a client stage column for the awareness → consideration conversion",
        "Awareness and consideration content: explain what is included and how pricing works "
        "before the first sales conversation (a one-page guide, a pricing FAQ, a short "
        "video), and check each lead has seen it before the proposal."),
    SignSpec(
        "purchase_objections", "Objections at the point of purchase",
        "Objections raised in the period, per 100 clients who reached consideration in it.",
        "objections per 100 considering clients", "per 100 clients",
        ("consideration", "purchase"), ("sales",), "level", "lower",
        {"amber": 50.0, "red": 100.0},
        "Journey's rule of thumb (no published benchmark): one objection for every two "
        "considering clients is a warning, one each a problem.",
        "objection events (or an objections column on the client tracker) and clients who "
        "reached consideration",
        "The purchase stage's touchpoints (proposal, quote, contract, deposit): answer the "
        "most common objection in the proposal and the contract themselves, before the client "
        "has to raise it."),
    SignSpec(
        "low_win_rate", "Low win rate",
        "Deals won ÷ (deals won + deals lost) in the period.",
        "win rate", "%", ("consideration", "purchase"), ("sales", "marketing"), "level",
        "higher", {"amber": 30.0, "red": 20.0},
        "A win rate of about 20% is a commonly cited average for B2B sales: below it is red, "
        "below 30% amber.",
        "won and lost deals (event kinds won and lost, for example a CRM export with a deal "
        "stage), or a client tracker with stages and a lost status",
        "From consideration to purchase: review the last ten lost deals with sales, qualify "
        "leads before writing a proposal, and follow up every proposal within a week."),
    SignSpec(
        "high_complaints", "High customer complaints",
        "Customer complaints ÷ clients active in the period (clients with any contact or "
        "event in it), as a percentage.",
        "complaints per 100 active clients", "%", ("purchase", "retention"),
        ("operations", "service", "support"), "level", "lower", {"amber": 5.0, "red": 10.0},
        "Journey's rule of thumb (no published benchmark): one complaint for every 20 active "
        "clients is a warning, one for every 10 a problem.",
        "complaint events (a complaints log) or a complaints column on the client tracker",
        "After the purchase (delivery and retention touchpoints): fix the most common "
        "complaint at its source, and call every client who complains back within two "
        "working days."),
    SignSpec(
        "refunds_cancellations_up", "Refunds and cancellations going up",
        "(Refunds + cancellations) ÷ purchases in the period, judged by how much it changed "
        "on the period before.",
        "refunds and cancellations per 100 purchases", "%", ("purchase", "retention"),
        ("operations", "sales", "service"), "change", "lower",
        {"amber": 10.0, "red": 50.0, "level_amber": 5.0, "level_red": 10.0},
        "Journey's rule of thumb (no published benchmark): a rise of 10% on the period before "
        "is a warning and 50% a problem; with nothing to compare, 5 per 100 purchases is a "
        "warning and 10 a problem.",
        "refund or cancellation events (a returns list) or a refunds column, and purchases",
        "The purchase and delivery touchpoints: compare what was promised at purchase with "
        "what was delivered for each refund and cancellation, and fix the promise or the "
        "delivery behind the most common reason."),
    SignSpec(
        "low_retention", "Low customer retention",
        "(Customers at the end − new customers) ÷ customers at the start: the share of the "
        "customers you had when the period began who are still customers at its end.",
        "retention rate", "%", ("retention",), ("service", "account management"), "level",
        "higher", {"amber": 85.0, "red": 75.0},
        "A retention rate below 75% is below the commonly cited cross-industry average: "
        "below it is red, below 85% amber.",
        "clients who bought (purchase events or a stage column) and a status column saying "
        "who churned or cancelled",
        "The retention stage: call every new customer within 90 days of their purchase, "
        "schedule regular check-ins, and ask each customer who leaves why."),
    SignSpec(
        "repeat_business_down", "Repeat business going down",
        "Clients with two or more purchases ÷ clients with any: of the clients who bought in "
        "the period, the share who have bought on two or more different days (earlier "
        "purchases count too), judged by its change on the period before.",
        "repeat purchase rate", "%", ("retention", "advocacy"),
        ("marketing", "account management"), "change", "higher",
        {"amber": 10.0, "red": 25.0, "level_amber": 40.0, "level_red": 20.0},
        "Journey's rule of thumb (no published benchmark): a fall of 10% on the period before "
        "is a warning and 25% a problem; with nothing to compare, fewer than 40% repeat "
        "buyers is a warning and fewer than 20% a problem.",
        "purchase events with dates and clients (an order list), or a purchases column",
        "Retention and advocacy: give every buyer a reason to come back (a follow-up offer "
        "timed to their buying cycle, a care plan, a referral reward) and track who does."),
)}

THRESHOLD_LABELS = {
    "amber": "Amber from", "red": "Red from",
    "level_amber": "Amber from (no earlier period)", "level_red": "Red from (no earlier period)",
    "conversion_amber": "Conversion amber below", "conversion_red": "Conversion red below",
}

# Keyword classes for "did not understand the offer"; matched case-insensitively anywhere in
# a lost deal's or an objection's reason. A workspace edits them (KEYWORDS_SETTING).
DEFAULT_KEYWORD_CLASSES: dict[str, list[str]] = {
    "did not understand the offer": [
        "didn't understand", "did not understand", "don't understand", "not understand",
        "misunderstood", "not sure what", "unclear", "not clear", "wasn't clear"],
    "unclear what is included": [
        "what's included", "what is included", "what was included", "included in the",
        "what they get", "what happens after"],
    "confused by pricing": [
        "confused", "confusing", "pricing tiers", "price structure", "pricing structure",
        "hidden cost"],
    "wrong expectations": [
        "not what they expected", "expected something", "thought it was", "thought it would",
        "didn't know", "did not know", "wrong expectations"],
}


# --- settings: thresholds, keyword classes, self-assessments ---------------------------

def get_thresholds(db: Database) -> dict[str, dict[str, float]]:
    """Every sign's thresholds: the workspace's changes over the defaults."""
    stored = get_setting(db, THRESHOLDS_SETTING) or {}
    return {key: {**spec.thresholds, **{name: float(v) for name, v in
                                        (stored.get(key) or {}).items()
                                        if name in spec.thresholds}}
            for key, spec in SPECS.items()}


def check_thresholds(key: str, values: dict) -> dict[str, float]:
    """The thresholds of one sign as numbers, or ValidationError saying what is wrong."""
    spec = _spec(key)
    out = {}
    for name, value in values.items():
        if name not in spec.thresholds:
            raise ValidationError(f"'{name}' is not a threshold of the sign '{spec.title}'.")
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number) or number < 0:
            raise ValidationError(f"The {THRESHOLD_LABELS[name].lower()} threshold of "
                                  f"'{spec.title}' must be a number of 0 or more, not "
                                  f"'{value}'.")
        out[name] = number
    merged = {**spec.thresholds, **out}
    for prefix, better in _threshold_pairs(spec):
        amber, red = merged[f"{prefix}amber"], merged[f"{prefix}red"]
        if (better == "lower" and amber > red) or (better == "higher" and amber < red):
            word = "above" if better == "lower" else "below"
            raise ValidationError(
                f"For '{spec.title}' the red threshold ({red:g}) must be {word} the amber "
                f"threshold ({amber:g}) or equal to it.")
    return out


def _threshold_pairs(spec: SignSpec) -> list[tuple[str, str]]:
    """(name prefix, which direction is better) for each amber/red pair of a sign."""
    pairs = [("", "lower" if spec.judged_on == "change" else spec.better)]
    if "level_amber" in spec.thresholds:
        pairs.append(("level_", spec.better))
    if "conversion_amber" in spec.thresholds:
        pairs.append(("conversion_", "higher"))
    return pairs


def set_thresholds(db: Database, changes: dict[str, dict]) -> None:
    """Store threshold changes ``{sign key: {name: number}}`` in one write; a value equal to
    the default is stored too (so the workspace says what it decided)."""
    checked = {key: check_thresholds(key, values) for key, values in changes.items()}
    stored = get_setting(db, THRESHOLDS_SETTING) or {}
    for key, values in checked.items():
        stored[key] = {**(stored.get(key) or {}), **values}
    set_setting(db, THRESHOLDS_SETTING, stored)


def reset_thresholds(db: Database, key: str | None = None) -> None:
    """Back to the defaults, for one sign or (``None``) for all."""
    stored = get_setting(db, THRESHOLDS_SETTING) or {}
    if key is None:
        stored = {}
    else:
        stored.pop(_spec(key).key, None)
    set_setting(db, THRESHOLDS_SETTING, stored)


def get_keyword_classes(db: Database) -> dict[str, list[str]]:
    """The uneducated-leads keyword classes: the workspace's, or the defaults."""
    stored = get_setting(db, KEYWORDS_SETTING)
    return {name: list(words) for name, words in (stored or DEFAULT_KEYWORD_CLASSES).items()}


def set_keyword_classes(db: Database, classes: dict[str, list[str]] | None) -> None:
    """Store the keyword classes (``None`` restores the defaults); ValidationError if a
    class has no name or no keyword."""
    if classes is None:
        set_setting(db, KEYWORDS_SETTING, None)
        return
    clean: dict[str, list[str]] = {}
    for name, words in classes.items():
        name = str(name or "").strip()
        words = [str(w).strip() for w in (words or []) if str(w or "").strip()]
        if not name:
            raise ValidationError("Every keyword class needs a name.")
        if not words:
            raise ValidationError(f"The keyword class '{name}' needs at least one keyword.")
        if any(len(w) > 100 for w in words):
            raise ValidationError(f"A keyword of the class '{name}' is longer than 100 "
                                  "characters; use a shorter phrase.")
        clean[name] = words
    if not clean:
        raise ValidationError("Keep at least one keyword class (or restore the defaults).")
    set_setting(db, KEYWORDS_SETTING, clean)


def get_self_assessments(db: Database) -> dict[str, dict]:
    """The facilitator's self-assessments: ``{sign key: {"score", "note", "assessed_on"}}``."""
    return dict(get_setting(db, ASSESSMENTS_SETTING) or {})


def save_self_assessment(db: Database, key: str, score, note: str = "",
                         today: dt.date | None = None) -> dict:
    """Save a self-assessment of a sign (1 = a serious problem here, 5 = no sign of it)."""
    spec = _spec(key)
    number = score if isinstance(score, int) and not isinstance(score, bool) else (
        int(score.strip()) if isinstance(score, str) and score.strip().isdigit() else 0)
    if not 1 <= number <= 5:
        raise ValidationError(f"A self-assessment of '{spec.title}' is a whole number from 1 "
                              f"to 5, not '{score}'.")
    note = str(note or "").strip()
    if len(note) > 2000:
        raise ValidationError("The note of a self-assessment can be up to 2,000 characters.")
    entry = {"score": number, "note": note,
             "assessed_on": (today or dt.date.today()).isoformat()}
    stored = get_self_assessments(db)
    stored[key] = entry
    set_setting(db, ASSESSMENTS_SETTING, stored)
    return entry


def clear_self_assessment(db: Database, key: str) -> None:
    """Forget the self-assessment of a sign."""
    stored = get_self_assessments(db)
    stored.pop(_spec(key).key, None)
    set_setting(db, ASSESSMENTS_SETTING, stored)


def _spec(key: str) -> SignSpec:
    if key not in SPECS:
        raise ValidationError(f"'{key}' is not a sign; the signs are {', '.join(SIGN_KEYS)}.")
    return SPECS[key]


# --- the period ------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    """The period measured and the one before it (ISO dates); all ``None`` in a snapshot."""
    start: str | None
    end: str | None
    previous_start: str | None
    previous_end: str | None
    note: str

    @property
    def snapshot(self) -> bool:
        return self.start is None


def latest_date(db: Database) -> str | None:
    """The latest date in the workspace: of its events (one index lookup per kind), or of
    its clients when no event has a date."""
    from .fields import EVENT_KINDS
    latest = "COALESCE((SELECT date FROM events WHERE kind = ? ORDER BY date DESC LIMIT 1), '')"
    row = db.execute(f"SELECT MAX({', '.join([latest] * len(EVENT_KINDS))})",
                     list(EVENT_KINDS)).fetchone()
    found = stored_day(row[0])
    if found is None:
        found = stored_day(db.execute("SELECT MAX(last_date) FROM clients").fetchone()[0])
    return found


def resolve_period(db: Database, filters: Filters = NO_FILTERS) -> Period:
    """The filters' date range, or the last 12 months up to the workspace's latest date.

    Periods are held within the calendar (``values.add_days``): a period that starts on
    0001-01-01 is compared with that one day, as nothing comes before it."""
    chosen = bool(filters.date_from or filters.date_to)
    latest = latest_date(db)
    if not chosen and latest is None:
        return Period(None, None, None, None,
                      "The workspace has no dates, so each sign is measured over all its data, "
                      "with no earlier period to compare.")
    end = dt.date.fromisoformat(filters.date_to or latest or filters.date_from)
    start = (dt.date.fromisoformat(filters.date_from) if filters.date_from
             else add_days(add_months(end, -12), 1))
    if start > end:
        raise ValidationError(f"The period starts ({start}) after it ends ({end}).")
    length = end - start + dt.timedelta(days=1)
    previous_end = add_days(start, -1)
    previous_start = (add_days(previous_end, 1 - length.days) if chosen
                      else add_months(start, -12))      # the 12 months before, leap or not
    if chosen:
        note = (f"The period chosen in the sidebar, {start} to {end}, compared with the "
                f"{length.days} days before ({previous_start} to {previous_end}).")
    else:
        note = (f"No period chosen, so the last 12 months up to the latest date in the "
                f"workspace: {start} to {end}, compared with the 12 months before "
                f"({previous_start} to {previous_end}).")
    return Period(start.isoformat(), end.isoformat(), previous_start.isoformat(),
                  previous_end.isoformat(), note)


def _day(iso: str) -> int:
    """The day number (days since 1970-01-01) of an ISO date."""
    return dt.date.fromisoformat(iso).toordinal() - EPOCH_ORDINAL


def _from_day(day: int) -> dt.date:
    """The date of a day number (held within the calendar)."""
    return add_days(EPOCH, int(day))


def _trend_windows(period: Period) -> list[tuple[str, tuple[int, int]]]:
    """The 12 calendar months ending with the period's last month (the last one cut at the
    period's end): ``[("2026-10", (first day, last day)), ...]`` in day numbers; fewer
    when the calendar starts within them."""
    end = dt.date.fromisoformat(period.end)
    month = end.replace(day=1)
    windows = {}
    for back in range(11, -1, -1):
        first = add_months(month, -back)
        last = add_days(add_months(month, 1 - back), -1) if back else end
        # Months before 0001-01 are held at it; the real 0001-01, read last, is kept.
        windows[first.strftime("%Y-%m")] = (_day(first.isoformat()), _day(last.isoformat()))
    return list(windows.items())


# --- reading the workspace once ------------------------------------------------------

COUNTED_KINDS = ("won", "lost", "purchase", "complaint", "internal_complaint", "refund",
                 "cancellation", "objection")
REASON_KINDS = ("lost", "objection")
PURCHASE_KINDS = ("purchase", "won")

def _client_days(pad: str) -> str:
    """A client's dates and flags as one fixed-width text: first, last, first purchase and
    consideration dates (10 characters each, ``pad`` says how), the furthest rank, and 1
    when the client left (churned or cancelled)."""
    dates = ("first_date", "last_date", "COALESCE(purchase_at, first_date)",
             "COALESCE(consideration_at, purchase_at, retention_at, advocacy_at, first_date)")
    return " || ".join([pad.format(d) for d in dates]
                       + [f"COALESCE(furthest_rank, {RANK['awareness']})",
                          "COALESCE(outcome IN ('churned', 'cancelled'), 0)"])


# Indexed by the migration m005_signs_indexes, so SQLite keeps it with every client and
# reads it back without working it out again (about 20 ms for 100,000 clients instead of
# 200). A query reads it from the index only when it uses this text exactly.
CLIENT_DAYS = _client_days("COALESCE(substr({}, 1, 10), '          ')")
CLIENT_DAYS_WIDTH = 42
# One more digit in a snapshot: 1 a first purchase only (or new by purchasing frequency),
# 2 bought again.
SNAPSHOT_FLAGS = ("(COALESCE(current_stage = 'purchase' OR purchasing_frequency "
                  "IN ('new', 'to onboard'), 0) + 2 * COALESCE(purchase_days >= 2 "
                  "OR purchases >= 2 OR retention_at IS NOT NULL OR stage = 'retention', 0))")

# The date of an event's order: its earliest purchase ("+p.kind" keeps SQLite on the order
# index; on the kind index it would read every purchase once per refund).
_ORDER_DATE = ("(SELECT MIN(p.date) FROM events p WHERE p.order_id = e.order_id "
               "AND +p.kind IN ('purchase', 'won'))")


def _client_scope(filters: Filters) -> tuple[str, list, bool]:
    """``(where on clients c, params, restricted)`` for persona, type, region, channel."""
    where, params = dataclasses.replace(filters, date_from=None, date_to=None).where("c")
    return where, params, where != "1"


def _event_scope(filters: Filters) -> tuple[str, list]:
    """``(where on events e, params)`` keeping the filtered clients' events; ``"1"`` (every
    event, those of no client too) when no client filter is set. The ``+`` keeps SQLite on
    the (kind, date) indexes, reading the span once, rather than going client by client."""
    where, params, restricted = _client_scope(filters)
    if not restricted:
        return "1", []
    return f"+e.client_ref IN (SELECT c.id FROM clients c WHERE {where})", params


def _date_bounds(span: tuple[str, str] | None, column: str = "e.date") -> tuple[str, list]:
    """``(sql, params)`` keeping dates in the span, both end days included. The bound is
    the end day followed by "~", which sorts after any time of day a stored date carries
    (" 10:00", "T10:00"): no day after 9999-12-31 is needed."""
    if span is None:
        return "1", []
    return f"{column} >= ? AND {column} < ?", [span[0], span[1] + "~"]


def day_numbers(values) -> np.ndarray:
    """Days since 1970-01-01 (float; NaN when missing or not a date) of ISO date strings,
    of which only the first ten characters count: numpy's parser, or the calendar arithmetic
    when some value is not a date numpy can read (pandas would lose years outside 1677-2262)."""
    array = np.array(values, dtype=object)
    if not array.size:
        return np.array([], dtype=float)
    missing = np.array([v is None for v in array.tolist()], dtype=bool)
    try:
        days = np.where(missing, "NaT", array).astype("datetime64[D]")
    except ValueError:
        padded = "".join(" " * 10 if v is None else f"{str(v)[:10]:<10}" for v in array.tolist())
        return _civil_days(np.frombuffer(padded.encode("ascii", "replace"),
                                         dtype=np.uint8).reshape(-1, 10))
    out = days.astype("int64").astype(float)
    out[np.isnat(days)] = np.nan
    return out


def _fixed_width_days(text: np.ndarray) -> np.ndarray:
    """Day numbers (float, NaN when blank or not a date) of rows of 10 ASCII bytes
    'YYYY-MM-DD': numpy's own parser, or the calendar arithmetic when some row is not a
    date numpy can read."""
    dates = text.copy().view("S10").ravel()
    dates[text[:, 0] == 32] = b"NaT"
    try:
        parsed = dates.astype("datetime64[D]")
    except ValueError:
        return _civil_days(text)
    days = parsed.astype("int64").astype(float)
    days[np.isnat(parsed)] = np.nan
    return days


def _civil_days(text: np.ndarray) -> np.ndarray:
    """Day numbers (float, NaN when not a date) of rows of 10 ASCII bytes 'YYYY-MM-DD'
    (the days-from-civil arithmetic of the proleptic Gregorian calendar)."""
    d = text.astype(np.int32) - 48
    valid = (text[:, 4] == 45) & (text[:, 7] == 45)
    for column in (0, 1, 2, 3, 5, 6, 8, 9):
        valid &= (d[:, column] >= 0) & (d[:, column] <= 9)
    year = d[:, 0] * 1000 + d[:, 1] * 100 + d[:, 2] * 10 + d[:, 3]
    month, day = d[:, 5] * 10 + d[:, 6], d[:, 8] * 10 + d[:, 9]
    valid &= (month >= 1) & (month <= 12) & (day >= 1) & (day <= 31)
    year = year - (month <= 2)
    era = year // 400
    of_era = year - era * 400
    of_year = (153 * (month + np.where(month > 2, -3, 9)) + 2) // 5 + day - 1
    days = (era * 146097 + of_era * 365 + of_era // 4 - of_era // 100 + of_year
            - 719468).astype(float)
    days[~valid] = np.nan
    return days


def _cumulative(days: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Days sorted (missing last) and the running total of their counts, for windows."""
    order = np.argsort(days, kind="stable")
    return days[order], np.concatenate([[0], np.cumsum(counts[order])])


class _Sorted:
    """Day numbers sorted once (missing ones dropped), counted in any window by bisection."""

    def __init__(self, days: np.ndarray):
        self.days = np.sort(days[~np.isnan(days)])

    def below(self, day: float) -> int:
        return int(np.searchsorted(self.days, day, side="left"))

    def upto(self, day: float) -> int:
        return int(np.searchsorted(self.days, day, side="right"))

    def count(self, window) -> int:
        """How many fall in the window (all of them when ``None``)."""
        if window is None:
            return len(self.days)
        return self.upto(window[1]) - self.below(window[0])


class _Source:
    """Everything the signs need, read once: daily event counts per kind, daily reason
    counts, each filtered client's dates and flags, and purchase days per client.

    The event queries group by kind and date, the order of the (kind, date, ...) indexes,
    so SQLite streams them without sorting; Python only sees one row per day.
    """

    def __init__(self, db: Database, filters: Filters, period: Period,
                 span: tuple[str, str] | None, keywords: dict[str, list[str]],
                 purchase_span: tuple[str, str] | None):
        self.db, self.filters, self.snapshot = db, filters, period.snapshot
        self._columns: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.refunds_are_amounts = False
        self._lost: np.ndarray | None = None
        scope, params = _event_scope(filters)
        dates, date_params = _date_bounds(span)
        self.has_kind = {k: db.execute("SELECT 1 FROM events WHERE kind = ? LIMIT 1",
                                       [k]).fetchone() is not None for k in COUNTED_KINDS}
        # With a span, purchases and won deals are counted as their days are read for
        # repeat business (``_load_purchases``), over a span at least as long.
        kinds = [k for k in COUNTED_KINDS if span is None or k not in PURCHASE_KINDS]
        marks = ", ".join("?" * len(kinds))
        rows = db.execute(
            f"SELECT e.kind, substr(e.date, 1, 10), COUNT(*) FROM events e "
            f"WHERE e.kind IN ({marks}) AND {dates} AND {scope} GROUP BY e.kind, e.date",
            [*kinds, *date_params, *params]).fetchall()
        self.undated: dict[str, int] = {}
        if span is not None:
            rows += self._dated_by_order(scope, params, span)
            rows += self._load_purchases(purchase_span)
        self.kind_days = {}
        for kind in COUNTED_KINDS:
            picked = [(day, n) for k, day, n in rows if k == kind]
            self.kind_days[kind] = _cumulative(day_numbers([d for d, _ in picked]),
                                               np.array([n for _, n in picked], dtype=np.int64))
        marks = ", ".join("?" * len(REASON_KINDS))
        rows = [r for r in db.execute(
            f"SELECT substr(e.date, 1, 10), e.reason, COUNT(*), e.kind FROM events e "
            f"WHERE e.kind IN ({marks}) AND e.reason IS NOT NULL AND {dates} AND {scope} "
            f"GROUP BY e.kind, e.date, e.reason", [*REASON_KINDS, *date_params, *params])
            .fetchall() if str(r[1]).strip()]
        classify = reason_classifier(keywords)
        says = {reason: classify(reason) is not None for reason in {r[1] for r in rows}}
        days = day_numbers([r[0] for r in rows])
        order = np.argsort(days, kind="stable")
        self.reason_days = days[order]
        self.reason_matched = np.array([says[r[1]] for r in rows], dtype=bool)[order]
        self.reason_counts = np.array([r[2] for r in rows], dtype=np.int64)[order]
        self.reason_rows = [rows[i] for i in order]
        self._load_clients()
        self._sort_clients()

    def _dated_by_order(self, scope: str, params: list,
                        span: tuple[str, str]) -> list[tuple[str, str, int]]:
        """Undated events: refunds and cancellations take the date of their order's
        purchase (a returns list often has only order numbers); the rest are counted in
        ``self.undated`` and left out of every period."""
        marks = ", ".join("?" * len(COUNTED_KINDS))
        rows = self.db.execute(
            f"SELECT e.kind, CASE WHEN e.kind IN ('refund', 'cancellation') THEN "
            f"substr({_ORDER_DATE}, 1, 10) END AS order_date, COUNT(*) FROM events e "
            f"WHERE e.kind IN ({marks}) AND e.date IS NULL AND {scope} GROUP BY 1, 2",
            [*COUNTED_KINDS, *params]).fetchall()
        dated = []
        for kind, day, n in rows:
            if stored_day(day) is None:
                self.undated[kind] = self.undated.get(kind, 0) + n
            elif span[0] <= day <= span[1]:
                dated.append((kind, day, n))
        return dated

    def _load_clients(self) -> None:
        """Each filtered client's dates (as day numbers) and flags, read as one fixed-width
        string (``CLIENT_DAYS`` per client) decoded by numpy: a hundred thousand clients
        cost no Python object each. The condition on ``CLIENT_DAYS`` makes SQLite read the
        text from its index, and the filter then probes the filtered clients' ids."""
        where, params, restricted = _client_scope(self.filters)
        chosen = f"+c.id IN (SELECT c.id FROM clients c WHERE {where})" if restricted else "1"
        width = CLIENT_DAYS_WIDTH + self.snapshot
        for days in (CLIENT_DAYS, _client_days("printf('%-!10.10s', COALESCE({}, ''))")):
            row = days if not self.snapshot else f"{days} || {SNAPSHOT_FLAGS}"
            from_index = f"{days} >= ' ' AND " if days == CLIENT_DAYS else ""
            found = self.db.execute(f"SELECT group_concat({row}, '') FROM clients c "
                                    f"WHERE {from_index}{chosen}", params).fetchone()[0] or ""
            raw = np.frombuffer(found.encode("ascii", "replace"), dtype=np.uint8)
            if len(raw) % width == 0:
                table = raw.reshape(-1, width)
                dashes = table[:, [4, 7, 14, 17, 24, 27, 34, 37]]
                if np.all((dashes == 45) | (dashes == 32)):
                    break      # lined up; a date not in ISO form would shift the columns
        rank, left = table[:, 40].astype(np.int64) - 48, table[:, 41].astype(np.int64) - 48
        extra = (table[:, 42].astype(np.int64) - 48) if self.snapshot else np.zeros_like(rank)
        first, last, bought, considered = _fixed_width_days(
            table[:, :40].reshape(-1, 10)).reshape(-1, 4).T
        bought[rank < CUSTOMER] = np.nan
        considered[rank < CONSIDERING] = np.nan
        self.clients = {"first": first, "last": last, "bought": bought,
                        "considered": considered, "rank": rank.astype(float),
                        "left": left.astype(float), "new": (extra & 1).astype(float),
                        "retained": (extra >> 1 & 1).astype(float)}
        exists = "EXISTS(SELECT 1 FROM clients c WHERE {} AND {})"
        row = self.db.execute("SELECT " + ", ".join(exists.format(where, test) for test in (
            f"c.furthest_rank < {CONSIDERING}", f"c.furthest_rank >= {CONSIDERING}",
            f"c.furthest_rank >= {CUSTOMER}", f"c.furthest_rank >= {CUSTOMER} AND "
            f"(c.status IS NOT NULL OR c.outcome IS NOT NULL)")), params * 4).fetchone()
        # The conversion needs stages that tell leads from clients who considered buying.
        self.has_leads = bool(row[0] and row[1])
        self.has_customers, self.has_status = bool(row[2]), bool(row[3])

    def _sort_clients(self) -> None:
        """The client dates each window counts, sorted: a window is then two bisections."""
        c = self.clients
        dated = ~np.isnan(c["first"]) & ~np.isnan(c["last"])
        gone = (c["left"] == 1) & ~np.isnan(c["bought"])
        self.sorted = {
            "first": _Sorted(c["first"]),
            "converted": _Sorted(c["first"][c["rank"] >= CONSIDERING]),
            "considered": _Sorted(c["considered"]), "bought": _Sorted(c["bought"]),
            "active_first": _Sorted(c["first"][dated]), "active_last": _Sorted(c["last"][dated]),
            "left_last": _Sorted(c["last"][gone])}
        self.left_bought, self.left_last = c["bought"][gone], c["last"][gone]

    def clients_in(self, name: str, window) -> int:
        """Clients whose date ``name`` falls in the window; with ``None`` (a snapshot,
        where dates may be missing) every client the date belongs to, dated or not."""
        if window is None:
            lowest = {"first": 0, "converted": CONSIDERING, "considered": CONSIDERING,
                      "bought": CUSTOMER}[name]
            return int((self.clients["rank"] >= lowest).sum())
        return self.sorted[name].count(window)

    def active(self, window) -> int:
        """Clients active in the window: first seen by its end, last seen from its start
        (every client in a snapshot)."""
        if window is None:
            return len(self.clients["rank"])
        return self.sorted["active_first"].upto(window[1]) - self.sorted["active_last"].below(
            window[0])

    def lost_clients(self) -> np.ndarray:
        """The last days of the filtered clients marked lost (for a win rate without lost
        deals)."""
        if self._lost is None:
            where, params, _ = _client_scope(self.filters)
            self._lost = day_numbers([r[0] for r in self.db.execute(
                f"SELECT substr(c.last_date, 1, 10) FROM clients c WHERE {where} "
                f"AND c.outcome = 'lost'", params).fetchall()])
        return self._lost

    def _load_purchases(self, span: tuple[str, str]) -> list[tuple[str, str, int]]:
        """Distinct (client, day) of purchases and won deals in the span, ordered by day,
        into ``purchase_days`` and ``purchase_clients``; returns their daily counts.

        One row per kind and day, its clients joined by ``group_concat`` and split by numpy:
        Python never sees a row per purchase."""
        self.purchase_days = self.purchase_clients = np.array([], dtype=np.int64)
        scope, params = _event_scope(self.filters)
        dates, date_params = _date_bounds(span)
        rows = self.db.execute(
            f"SELECT e.kind, substr(e.date, 1, 10), COUNT(*), group_concat(e.client_ref) "
            f"FROM events e WHERE e.kind IN ('purchase', 'won') AND {dates} AND {scope} "
            f"GROUP BY e.kind, e.date", [*date_params, *params]).fetchall()
        bought = [(day, refs) for _, day, _, refs in rows if refs]
        if bought:
            clients = np.fromstring(",".join(refs for _, refs in bought), dtype=np.int64,
                                    sep=",")
            days = np.repeat(day_numbers([day for day, _ in bought]).astype(np.int64),
                             [refs.count(",") + 1 for _, refs in bought])
            keys = np.sort(days * (1 << 32) + clients)                    # by day, then client
            keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]  # each pair once
            self.purchase_days, self.purchase_clients = keys >> 32, keys & ((1 << 32) - 1)
        return [(kind, day, n) for kind, day, n, _ in rows]

    # --- windows -------------------------------------------------------------------

    def top_reasons(self, kind: str, window) -> list[tuple[str, int]]:
        """Reasons of lost deals or objections in a window, most common first."""
        low, high = 0, len(self.reason_days)
        if window is not None:
            low = np.searchsorted(self.reason_days, window[0], side="left")
            high = np.searchsorted(self.reason_days, window[1], side="right")
        totals: dict[str, int] = {}
        for _, reason, n, row_kind in self.reason_rows[low:high]:
            if row_kind == kind:
                totals[reason] = totals.get(reason, 0) + n
        return sorted(totals.items(), key=lambda item: -item[1])

    def events(self, kind: str, window) -> int:
        """Events of a kind in a window of day numbers (``None``: all, in a snapshot)."""
        days, cumulative = self.kind_days[kind]
        if window is None:
            return int(cumulative[-1])
        low = np.searchsorted(days, window[0], side="left")
        high = np.searchsorted(days, window[1], side="right")
        return int(cumulative[high] - cumulative[low])

    def column(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """A client count column (clients with a value only): their last days and values.
        A refunds column holding amounts counts each client with a refund once."""
        if name not in self._columns:
            where, params, _ = _client_scope(self.filters)
            rows = self.db.execute(f"SELECT substr(c.last_date, 1, 10), c.[{name}] FROM clients c "
                                   f"WHERE {where} AND c.[{name}] IS NOT NULL", params).fetchall()
            values = np.array([r[1] for r in rows], dtype=float)
            if name == "refunds":
                self.refunds_are_amounts = bool(np.any(values != np.round(values)))
                if self.refunds_are_amounts:
                    values = (values > 0).astype(float)
            self._columns[name] = (day_numbers([r[0] for r in rows]), values)
        return self._columns[name]

    def column_sum(self, name: str, window) -> tuple[float, int]:
        """A client count column summed over clients whose last date is in the window, and
        how many clients carry a value."""
        days, values = self.column(name)
        mask = np.ones(len(values), dtype=bool) if window is None else (
            (days >= window[0]) & (days <= window[1]))
        return float(values[mask].sum()), int(mask.sum())

    def has_column(self, name: str) -> bool:
        return bool(len(self.column(name)[1]))

    def events_or_column(self, kind: str, column: str | None,
                         window) -> tuple[float | None, str, int]:
        """Events of a kind, or the client column when the workspace has none of that kind:
        ``(number or None, where it came from, evidence rows)``."""
        if self.has_kind[kind]:
            n = self.events(kind, window)
            return n, "events", n
        if column and self.has_column(column):
            total, clients = self.column_sum(column, window)
            return total, "column", clients
        return None, "", 0


# --- each sign measured in one window ---------------------------------------------------

@dataclass
class Measure:
    """A sign's figure in one window and the parts it is made of."""
    value: float | None
    parts: dict = field(default_factory=dict)
    evidence: int = 0
    basis: str = "events"
    missing: str | None = None        # why there is no figure, when value is None


def _ratio(numerator: float, denominator: float, scale: float = 100.0) -> float | None:
    return None if not denominator else scale * numerator / denominator


def _days_in(window) -> float:
    return float(window[1] - window[0] + 1)


def measure_interdepartmental(src: _Source, window) -> Measure:
    if not src.has_kind["internal_complaint"]:
        return Measure(None, missing="The workspace has no internal complaints.")
    n = src.events("internal_complaint", window)
    if window is None:
        return Measure(None, {"complaints": n}, n,
                       missing="Internal complaints per month need dated complaints.")
    months = _days_in(window) / DAYS_PER_MONTH
    return Measure(n / months, {"complaints": n, "months": months}, n)


def _matched_reasons(src: _Source, window) -> tuple[int, int]:
    days, matched, counts = src.reason_days, src.reason_matched, src.reason_counts
    if window is not None:
        low = np.searchsorted(days, window[0], side="left")
        high = np.searchsorted(days, window[1], side="right")
        matched, counts = matched[low:high], counts[low:high]
    return int(counts[matched].sum()), int(counts.sum())


def reason_classifier(classes: dict[str, list[str]]):
    """``classify(reason)``: the first keyword class with a keyword found in the reason
    (case-insensitive, typographic apostrophes straightened), or None."""
    prepared = [(name, [w for w in map(_plain, words) if w]) for name, words in classes.items()]

    def classify(reason) -> str | None:
        text = _plain(reason)
        for name, words in prepared:
            if any(word in text for word in words):
                return name
        return None
    return classify


def _plain(text) -> str:
    """Lower-case with typographic apostrophes straightened and spaces squeezed."""
    text = str(text or "").casefold().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip()


def measure_uneducated(src: _Source, window) -> Measure:
    matched, with_reason = _matched_reasons(src, window)
    share = _ratio(matched, with_reason)
    conversion = arrived = converted = None
    if src.has_leads:
        arrived = src.clients_in("first", window)
        converted = src.clients_in("converted", window)
        conversion = _ratio(converted, arrived)
    parts = {"matched": matched, "with_reason": with_reason, "arrived": arrived,
             "converted": converted, "conversion": conversion, "share": share}
    if share is not None:
        return Measure(share, parts, with_reason)
    if conversion is not None:
        return Measure(conversion, parts, arrived, basis="conversion")
    if not src.has_leads:
        return Measure(None, parts, missing="No lost deal or objection gives a reason, and "
                                            "the clients' stages do not tell leads from "
                                            "clients who considered buying.")
    return Measure(None, parts, missing="No lost deals or objections give a reason, and no "
                                        "leads arrived in the period.")


def measure_objections(src: _Source, window) -> Measure:
    objections, basis, evidence = src.events_or_column("objection", "objections", window)
    if objections is None:
        return Measure(None, missing="The workspace has no objections.")
    considered = src.clients_in("considered", window)
    value = _ratio(objections, considered)
    parts = {"objections": objections, "considered": considered}
    if value is None:
        return Measure(None, parts, evidence, basis,
                       missing="No clients reached consideration in the period.")
    return Measure(value, parts, evidence, basis)


def measure_win_rate(src: _Source, window) -> Measure:
    if src.has_kind["lost"]:
        lost, lost_basis = src.events("lost", window), "events"
    elif len(src.lost_clients()):
        days = src.lost_clients()
        lost = len(days) if window is None else int(((days >= window[0])
                                                     & (days <= window[1])).sum())
        lost_basis = "clients"
    else:
        return Measure(None, missing="Nothing in the workspace says which deals were lost.")
    if src.has_kind["won"]:
        won, won_basis = src.events("won", window), "events"
    else:
        won = src.clients_in("bought", window)
        won_basis = "clients"
    parts = {"won": won, "lost": lost, "won_basis": won_basis, "lost_basis": lost_basis}
    value = _ratio(won, won + lost)
    basis = "events" if (won_basis, lost_basis) == ("events", "events") else "clients"
    if value is None:
        return Measure(None, parts, 0, basis, missing="No deals were won or lost in the period.")
    return Measure(value, parts, won + lost, basis)


def measure_complaints(src: _Source, window) -> Measure:
    complaints, basis, evidence = src.events_or_column("complaint", "complaints", window)
    if complaints is None:
        return Measure(None, missing="The workspace has no customer complaints.")
    active = src.active(window)
    parts = {"complaints": complaints, "active": active}
    value = _ratio(complaints, active)
    if value is None:
        return Measure(None, parts, evidence, basis,
                       missing="No clients were active in the period.")
    return Measure(value, parts, evidence, basis)


def _purchases(src: _Source, window) -> tuple[float | None, str]:
    if src.has_kind["purchase"]:
        return src.events("purchase", window), "purchase events"
    if src.has_kind["won"]:
        return src.events("won", window), "won deals"
    if src.has_column("purchases"):
        return src.column_sum("purchases", window)[0], "the purchases column"
    return float(src.clients_in("bought", window)), "clients who bought"


def measure_refunds(src: _Source, window) -> Measure:
    refunds, refund_basis, refund_rows = src.events_or_column("refund", "refunds", window)
    cancellations, _, cancel_rows = src.events_or_column("cancellation", None, window)
    if refunds is None and cancellations is None:
        return Measure(None, missing="The workspace has no refunds or cancellations.")
    refunds, cancellations = refunds or 0, cancellations or 0
    purchases, purchase_basis = _purchases(src, window)
    parts = {"refunds": refunds, "cancellations": cancellations, "purchases": purchases,
             "purchase_basis": purchase_basis,
             "refunds_are_amounts": refund_basis == "column" and src.refunds_are_amounts}
    value = _ratio(refunds + cancellations, purchases)
    basis = "column" if refund_basis == "column" else "events"
    if value is None:
        return Measure(None, parts, refund_rows + cancel_rows, basis,
                       missing="Nothing was bought in the period.")
    return Measure(value, parts, refund_rows + cancel_rows, basis)


def retention_counts(src: _Source, window) -> dict[str, int]:
    """Customers at the start, customers at the end, and how many of those at the end are
    new (bought first in the window). New customers who left again are in neither, so
    (end − new) ÷ start is the share of the starting customers still there."""
    if window is None:
        c = src.clients
        customer, left = c["rank"] >= CUSTOMER, c["left"] == 1
        new = customer & ~left & (c["new"] == 1)
        start = int((customer & ~new).sum())
        end = int((customer & ~left).sum())
        return {"start": start, "new": int(new.sum()), "end": end,
                "left": int((customer & left).sum())}
    # A customer's first purchase comes no later than its last date, so "gone before the
    # window" and "gone by its end" are counts of the left customers' last dates.
    first, last = window
    bought, gone = src.sorted["bought"], src.sorted["left_last"]
    start = bought.below(first) - gone.below(first)
    end = bought.upto(last) - gone.upto(last)
    new = bought.count(window) - int(np.sum((src.left_bought >= first) & (src.left_last <= last)))
    left_now = int(np.sum((src.left_bought < first) & (src.left_last >= first)
                          & (src.left_last <= last)))
    return {"start": start, "new": new, "end": end, "left": left_now}


def measure_retention(src: _Source, window) -> Measure:
    c = src.clients
    if not src.has_customers:
        return Measure(None, missing="No client has bought yet.")
    if not src.has_status:
        return Measure(None, missing="Nothing says which customers left (no status column).")
    parts = retention_counts(src, window)
    value = _ratio(parts["end"] - parts["new"], parts["start"])
    if value is None:
        return Measure(None, parts, parts["new"], "clients",
                       missing="There were no customers at the start of the period.")
    return Measure(value, parts, parts["start"] + parts["new"], "clients")


def measure_repeat(src: _Source, window) -> Measure:
    if window is not None and (src.has_kind["purchase"] or src.has_kind["won"]):
        low = np.searchsorted(src.purchase_days, window[0], side="left")
        high = np.searchsorted(src.purchase_days, window[1], side="right")
        days_per_client = np.bincount(src.purchase_clients[low:high])
        buyers, repeat = int((days_per_client >= 1).sum()), int((days_per_client >= 2).sum())
        basis = "events"
    elif window is None:
        customer = src.clients["rank"] >= CUSTOMER
        buyers, repeat = int(customer.sum()), int((customer & (src.clients["retained"] == 1)).sum())
        basis = "clients"
    elif src.has_column("purchases"):
        days, values = src.column("purchases")
        in_window = (days >= window[0]) & (days <= window[1])
        buyers, repeat = int((in_window & (values >= 1)).sum()), int((in_window & (values >= 2)).sum())
        basis = "column"
    else:
        return Measure(None, missing="The workspace has no purchases.")
    parts = {"buyers": buyers, "repeat": repeat}
    value = _ratio(repeat, buyers)
    if value is None:
        return Measure(None, parts, 0, basis, missing="Nobody bought in the period.")
    return Measure(value, parts, buyers, basis)


MEASURES = {
    "interdepartmental_complaints": measure_interdepartmental,
    "uneducated_leads": measure_uneducated,
    "purchase_objections": measure_objections,
    "low_win_rate": measure_win_rate,
    "high_complaints": measure_complaints,
    "refunds_cancellations_up": measure_refunds,
    "low_retention": measure_retention,
    "repeat_business_down": measure_repeat,
}


# --- judging ---------------------------------------------------------------------------

def _level_status(value: float, amber: float, red: float, better: str) -> str:
    if better == "lower":
        return "red" if value >= red else "amber" if value >= amber else "green"
    return "red" if value < red else "amber" if value < amber else "green"


def change_pct(value: float | None, previous: float | None) -> float | None:
    """The relative change on the previous period in percent (None when it cannot be had)."""
    if value is None or previous is None or previous == 0:
        return None
    return 100.0 * (value - previous) / previous


def judge(spec: SignSpec, thresholds: dict, current: Measure,
          previous: Measure | None) -> tuple[str, str]:
    """``(status, the rule that decided it in words)``."""
    value = current.value
    if value is None:
        return "unknown", ""
    unit = _unit_suffix(spec.unit)
    if spec.key == "uneducated_leads":
        return _judge_uneducated(thresholds, current)
    if spec.judged_on == "level":
        status = _level_status(value, thresholds["amber"], thresholds["red"], spec.better)
        return status, _rule_text(spec.better, thresholds["amber"], thresholds["red"], unit)
    before = previous.value if previous is not None else None
    change = change_pct(value, before)
    if change is None:
        status = _level_status(value, thresholds["level_amber"], thresholds["level_red"],
                               spec.better)
        why = ("no earlier period to compare" if before is None
               else "nothing in the period before to compare")
        return status, (f"Judged on its level ({why}): "
                        + _rule_text(spec.better, thresholds["level_amber"],
                                     thresholds["level_red"], unit))
    worse = change if spec.better == "lower" else -change
    status = _level_status(worse, thresholds["amber"], thresholds["red"], "lower")
    word = "rise" if spec.better == "lower" else "fall"
    return status, (f"Judged on its change: amber from a {word} of {thresholds['amber']:g}%, "
                    f"red from a {word} of {thresholds['red']:g}% on the period before.")


def _towards_red(value: float, red: float, better: str) -> float:
    if better == "lower":
        return value / red if red else (math.inf if value > 0 else 0.0)
    return red / value if value else math.inf


def severity(spec: SignSpec, thresholds: dict, current: Measure,
             previous: Measure | None) -> float:
    """How far a figure has gone towards its red threshold (1 or more: red), to put the
    worst of the signs with the same status first; 0 when unknown."""
    if current.value is None:
        return 0.0
    if spec.key == "uneducated_leads":
        parts, found = current.parts, []
        if parts.get("share") is not None:
            found.append(_towards_red(parts["share"], thresholds["red"], "lower"))
        if parts.get("conversion") is not None:
            found.append(_towards_red(parts["conversion"], thresholds["conversion_red"],
                                      "higher"))
        return max(found)
    if spec.judged_on == "level":
        return _towards_red(current.value, thresholds["red"], spec.better)
    change = change_pct(current.value, previous.value if previous is not None else None)
    if change is None:
        return _towards_red(current.value, thresholds["level_red"], spec.better)
    worse = change if spec.better == "lower" else -change
    return _towards_red(max(worse, 0.0), thresholds["red"], "lower")


def format_value(value: float | None, unit: str) -> str:
    """A sign's figure for people: ``16.6%``, ``10.6 a month``, ``85 per 100``."""
    if value is None:
        return "–"
    if unit == "%":
        return f"{value:,.1f}%"
    if unit == "per month":
        return f"{value:,.1f} a month"
    return f"{value:,.0f} per 100"


def _judge_uneducated(thresholds: dict, current: Measure) -> tuple[str, str]:
    parts = current.parts
    statuses, rules = [], []
    if parts.get("share") is not None:
        statuses.append(_level_status(parts["share"], thresholds["amber"], thresholds["red"],
                                      "lower"))
        rules.append("reasons: " + _rule_text("lower", thresholds["amber"], thresholds["red"],
                                              "%"))
    if parts.get("conversion") is not None:
        statuses.append(_level_status(parts["conversion"], thresholds["conversion_amber"],
                                      thresholds["conversion_red"], "higher"))
        rules.append("conversion: " + _rule_text("higher", thresholds["conversion_amber"],
                                                 thresholds["conversion_red"], "%"))
    worst = min(statuses, key=STATUSES.index)
    return worst, "The worse of two checks; " + "; ".join(rules)


def _unit_suffix(unit: str) -> str:
    return "%" if unit == "%" else f" {unit}"


def _rule_text(better: str, amber: float, red: float, unit: str) -> str:
    if better == "lower":
        return f"amber from {amber:g}{unit}, red from {red:g}{unit}."
    return f"amber below {amber:g}{unit}, red below {red:g}{unit}."


# --- the result --------------------------------------------------------------------------

@dataclass
class Sign:
    """One sign as the page and the command line show it."""
    key: str
    title: str
    definition: str
    value_label: str
    unit: str
    stages: tuple[str, ...]
    departments: tuple[str, ...]
    status: str                       # green, amber, red or unknown (never from assessment)
    value: float | None
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
    parts: dict = field(default_factory=dict)   # the figure's parts in the period
    severity: float = 0.0             # towards red (1 or more: red), to sort within a status

    @property
    def headline(self) -> str:
        """The figure and its change in a few words."""
        if not self.measured:
            return "not measured"
        text = format_value(self.value, self.unit)
        if self.change_pct is not None and round(self.change_pct):
            direction = "up" if self.change_pct > 0 else "down"
            text += f", {direction} {abs(self.change_pct):.0f}% on the previous period"
        return text

    @property
    def stage_labels(self) -> str:
        return ", ".join(LABELS.get(s, s) for s in self.stages)

    def threshold_record(self) -> dict:
        """The thresholds as the command line's JSON shows them, each with its unit."""
        spec = SPECS[self.key]
        return {"judged_on": self.judged_on, "better": self.better,
                **{name: {"value": value, "unit": _threshold_unit(spec, name)}
                   for name, value in self.thresholds.items()}}


@dataclass
class AlignmentScore:
    """The overall alignment score (0-100) and how it was worked out."""
    value: float | None
    working: pd.DataFrame              # sign, status, basis, points
    sentence: str


@dataclass
class SignsReport:
    """The eight signs for one period, and the alignment score."""
    period: Period
    signs: list[Sign]
    score: AlignmentScore

    def by_key(self, key: str) -> Sign:
        return next(s for s in self.signs if s.key == key)

    def red_first(self) -> list[Sign]:
        """The signs in the page's order: red, amber, unknown, green; within each, the one
        furthest towards its red threshold first."""
        return sorted(self.signs, key=lambda s: (STATUSES.index(s.status), -s.severity))


# Signs whose value depends on the length of the window (nobody buys twice in one month;
# a month's retention is near 100%): each trend point is a window as long as the period,
# ending at that month's end, so it compares with the period's figure and its thresholds.
TRAILING_TREND = frozenset({"repeat_business_down", "low_retention", "high_complaints"})


def compute_signs(db: Database, filters: Filters = NO_FILTERS) -> SignsReport:
    """The eight signs for the filters' period (or the last 12 months) with their trends."""
    period = resolve_period(db, filters)
    thresholds = get_thresholds(db)
    assessments = get_self_assessments(db)
    months = [] if period.snapshot else _trend_windows(period)
    span = purchase_span = None
    if not period.snapshot:
        first_month = _from_day(months[0][1][0])
        span = (min(period.previous_start, first_month.isoformat()), period.end)
        length = _day(period.end) - _day(period.start)
        trailing = _from_day(months[0][1][1] - length).isoformat()
        purchase_span = (min(span[0], trailing), period.end)
    src = _Source(db, filters, period, span, get_keyword_classes(db), purchase_span)
    now = None if period.snapshot else (_day(period.start), _day(period.end))
    before = None if period.snapshot else (_day(period.previous_start), _day(period.previous_end))
    details = _period_details(db, filters, period, src, now)
    signs = []
    for key in SIGN_KEYS:
        spec, measure = SPECS[key], MEASURES[key]
        current = measure(src, now)
        previous = None if before is None else measure(src, before)
        status, rule = judge(spec, thresholds[key], current, previous)
        prev_value = previous.value if previous is not None else None
        signs.append(Sign(
            key=key, title=spec.title, definition=spec.definition,
            value_label=(spec.value_label if current.basis != "conversion"
                         else "awareness → consideration conversion"),
            unit=spec.unit, stages=spec.stages,
            departments=_departments(spec, details),
            status=status, value=_round(current.value), previous=_round(prev_value),
            change_pct=_round(change_pct(current.value, prev_value)),
            thresholds=thresholds[key], judged_on=spec.judged_on, better=spec.better,
            rule=rule, source=spec.source,
            working=_working(spec, current, previous, period, src.undated),
            trend=_trend(src, key, months, period), trend_note=_trend_note(key, period),
            next_step=_next_step(spec, status, details),
            evidence_count=int(current.evidence), measured=current.value is not None,
            missing=None if current.value is not None else
            f"{current.missing} It would be measured by {spec.measured_by}.",
            assessment=assessments.get(key) if current.value is None else None,
            basis=current.basis, parts=dict(current.parts),
            severity=severity(spec, thresholds[key], current, previous)))
    return SignsReport(period, signs, alignment_score(signs))


def _trend(src: _Source, key: str, months: list, period: Period) -> pd.DataFrame:
    """The sign's value in each of the 12 trend months (for TRAILING_TREND signs, in the
    period's length up to each month's end)."""
    measure, rows = MEASURES[key], []
    for label, (first, last) in months:
        if key in TRAILING_TREND:
            first = last - (_day(period.end) - _day(period.start))
        rows.append((label, measure(src, (first, last)).value))
    trend = pd.DataFrame(rows, columns=["month", "value"])
    trend["value"] = trend["value"].astype("float64")
    return trend


def _trend_note(key: str, period: Period) -> str:
    if period.snapshot:
        return "No trend: the workspace has no dates."
    if key in TRAILING_TREND:
        days = _day(period.end) - _day(period.start) + 1
        length = "12 months" if days in (365, 366) else f"{days} days"
        return f"Each point is the {length} up to the end of that month, like the period."
    return "Each point is one calendar month."


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None or not math.isfinite(value) else round(float(value), digits)


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:,.1f}" if abs(value) < 1000 else f"{value:,.0f}"
    return text + _unit_suffix(unit) if unit else text


def _n(value) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _working(spec: SignSpec, current: Measure, previous: Measure | None,
             period: Period, src_undated: dict[str, int]) -> list[str]:
    """The arithmetic behind the figure, for the current and the previous period."""
    lines = [period.note]
    for label, m in (("This period", current), ("Previous period", previous)):
        if m is None:
            continue
        text = _arithmetic(spec, m)
        lines.append(f"{label}: {text}" if text else f"{label}: {m.missing or 'no figure.'}")
    for kind in EVIDENCE_KINDS.get(spec.key, ()):
        if src_undated.get(kind):
            lines.append(f"{src_undated[kind]:,} {kind.replace('_', ' ')} events have no date "
                         f"and are not counted in any period.")
    if current.basis == "column":
        lines.append("Counted from the client tracker's columns, since the workspace has no "
                     "events of this kind; each client's counts belong to the period of its "
                     "last date.")
    if current.parts.get("refunds_are_amounts"):
        lines.append("The refunds column holds amounts, not counts, so each client with a "
                     "refund counts once.")
    if spec.key == "low_win_rate" and current.parts.get("won_basis") == "clients":
        lines.append("There are no won deals in the workspace, so each client's first "
                     "purchase counts as a won deal.")
    if spec.key == "low_win_rate" and current.parts.get("lost_basis") == "clients":
        lines.append("There are no lost deals in the workspace, so each client marked lost "
                     "counts as a lost deal (dated by its last date).")
    return lines


def _arithmetic(spec: SignSpec, m: Measure) -> str:
    p = m.parts
    if m.value is None:
        return ""
    if spec.key == "interdepartmental_complaints":
        return (f"{_n(p['complaints'])} internal complaints over {p['months']:.1f} months = "
                f"{_fmt(m.value)} a month.")
    if spec.key == "uneducated_leads":
        out = []
        if p["share"] is not None:
            out.append(f"{_n(p['matched'])} of {_n(p['with_reason'])} lost deals and "
                       f"objections with a reason say the lead did not understand = "
                       f"{_fmt(p['share'], '%')}")
        if p["conversion"] is not None:
            out.append(f"{_n(p['converted'])} of {_n(p['arrived'])} new leads went on to "
                       f"consider buying = {_fmt(p['conversion'], '%')}")
        return "; ".join(out) + "."
    if spec.key == "purchase_objections":
        return (f"{_n(p['objections'])} objections ÷ {_n(p['considered'])} clients who "
                f"reached consideration × 100 = {_fmt(m.value)} per 100.")
    if spec.key == "low_win_rate":
        return (f"{_n(p['won'])} won ÷ ({_n(p['won'])} won + {_n(p['lost'])} lost) = "
                f"{_fmt(m.value, '%')}.")
    if spec.key == "high_complaints":
        return (f"{_n(p['complaints'])} complaints ÷ {_n(p['active'])} active clients = "
                f"{_fmt(m.value, '%')}.")
    if spec.key == "refunds_cancellations_up":
        return (f"({_n(p['refunds'])} refunds + {_n(p['cancellations'])} cancellations) ÷ "
                f"{_n(p['purchases'])} purchases ({p['purchase_basis']}) = "
                f"{_fmt(m.value, '%')}.")
    if spec.key == "low_retention":
        return (f"({_n(p['end'])} customers at the end − {_n(p['new'])} of them new) ÷ "
                f"{_n(p['start'])} at the start = {_fmt(m.value, '%')} "
                f"({_n(p['left'])} of those at the start left).")
    if spec.key == "repeat_business_down":
        return (f"{_n(p['repeat'])} of {_n(p['buyers'])} clients who bought have bought on "
                f"two or more days = {_fmt(m.value, '%')}.")
    return ""


# --- details for the next steps: top reasons and departments in the period ----------------

NEXT_STEP_KINDS = {"interdepartmental_complaints": ("internal_complaint",),
                   "uneducated_leads": ("lost", "objection"),
                   "purchase_objections": ("objection",), "low_win_rate": ("lost",),
                   "high_complaints": ("complaint",),
                   "refunds_cancellations_up": ("refund", "cancellation")}


def _period_details(db: Database, filters: Filters, period: Period, src: _Source,
                    window) -> dict:
    """The most common reasons per kind, and the departments raising internal complaints,
    in the period (lost deals and objections come from what ``src`` already read)."""
    scope, params = _event_scope(filters)
    dates, date_params = _date_bounds(None if period.snapshot else (period.start, period.end))
    rows = db.execute(
        f"SELECT e.kind, e.reason, COUNT(*) AS n FROM events e WHERE e.kind IN "
        f"('internal_complaint', 'complaint', 'refund', 'cancellation') "
        f"AND e.reason IS NOT NULL AND {dates} AND {scope} GROUP BY e.kind, e.reason "
        f"ORDER BY n DESC", [*date_params, *params]).fetchall()
    reasons: dict[str, list[tuple[str, int]]] = {
        kind: src.top_reasons(kind, window) for kind in REASON_KINDS}
    for kind, reason, n in rows:
        if str(reason).strip():
            reasons.setdefault(kind, []).append((reason, n))
    departments = db.execute(
        f"SELECT e.department, COUNT(*) AS n FROM events e WHERE e.kind = 'internal_complaint' "
        f"AND e.department IS NOT NULL AND {dates} AND {scope} GROUP BY e.department "
        f"ORDER BY n DESC", [*date_params, *params]).fetchall()
    return {"reasons": reasons,
            "departments": {"internal_complaint": [d for d, _ in departments
                                                   if str(d).strip()]},
            "keywords": get_keyword_classes(db)}


def _departments(spec: SignSpec, details: dict) -> tuple[str, ...]:
    """The departments the data names most for complaint signs, else the spec's."""
    kind = {"interdepartmental_complaints": "internal_complaint",
            "high_complaints": "complaint"}.get(spec.key)
    named = details["departments"].get(kind, []) if kind else []
    return tuple(named[:3]) or spec.departments


def _top_reason(spec: SignSpec, details: dict) -> tuple[str, int] | None:
    candidates = []
    for kind in NEXT_STEP_KINDS.get(spec.key, ()):
        candidates += details["reasons"].get(kind, [])
    if spec.key == "uneducated_leads":
        classify = reason_classifier(details["keywords"])
        candidates = [c for c in candidates if classify(c[0]) is not None]
    merged: dict[str, int] = {}
    for reason, n in candidates:
        merged[reason] = merged.get(reason, 0) + n
    return max(merged.items(), key=lambda item: item[1]) if merged else None


def _next_step(spec: SignSpec, status: str, details: dict) -> str:
    if status == "unknown":
        return f"Measure it first: import {spec.measured_by}."
    top = _top_reason(spec, details)
    detail = f" The most common reason this period: “{top[0]}” ({top[1]:,})." if top else ""
    lead = {"red": "Fix this first. ", "amber": "Worth a look. ",
            "green": "Healthy; to keep it that way: "}[status]
    return lead + spec.next_step + detail


# --- the overall score --------------------------------------------------------------------

def alignment_score(signs: list[Sign]) -> AlignmentScore:
    """The mean of points per sign: measured green 100, amber 50, red 0; a self-assessment
    of an unknown sign scores (score − 1) × 25 and is marked as assessed; unknown signs
    without one are left out."""
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
    if counted.empty:
        return AlignmentScore(None, working, "No sign is measured or assessed yet, so there "
                                             "is no alignment score.")
    value = round(float(counted["points"].mean()), 1)
    measured = int((counted["basis"] == "measured").sum())
    assessed = int((counted["basis"] == "assessed").sum())
    terms = " + ".join(f"{p:g}" for p in counted["points"])
    sentence = (f"({terms}) ÷ {len(counted)} = {value:g} out of 100, from {measured} measured "
                f"sign{'s' * (measured != 1)}"
                + (f" and {assessed} self-assessment{'s' * (assessed != 1)}" if assessed else "")
                + ". Green scores 100, amber 50, red 0; a self-assessment of 1 to 5 scores "
                  "0 to 100.")
    return AlignmentScore(value, working, sentence)


# --- evidence: the clients and events behind a figure --------------------------------------

EVIDENCE_EVENT_COLUMNS = ("e.date", "c.client_id", "COALESCE(c.name, e.name) AS name", "e.kind",
                          "e.stage", "e.department", "e.touchpoint", "e.reason", "e.amount",
                          "e.order_id", "e.note")
EVIDENCE_CLIENT_COLUMNS = ("c.client_id", "c.name", "c.persona", "c.client_type", "c.region",
                           "c.channel", "c.furthest_stage", "c.status", "c.first_date",
                           "c.last_date")
EVIDENCE_KINDS = {"interdepartmental_complaints": ("internal_complaint",),
                  "uneducated_leads": ("lost", "objection"),
                  "purchase_objections": ("objection",), "low_win_rate": ("won", "lost"),
                  "high_complaints": ("complaint",),
                  "refunds_cancellations_up": ("refund", "cancellation"),
                  "repeat_business_down": ("purchase", "won")}
EVIDENCE_COLUMN = {"purchase_objections": "objections", "high_complaints": "complaints",
                   "refunds_cancellations_up": "refunds"}


def sign_evidence(db: Database, key: str, filters: Filters = NO_FILTERS) -> dict[str, pd.DataFrame]:
    """The clients and the events behind a sign's figure in the period:
    ``{"clients": DataFrame, "events": DataFrame}`` (either may be empty)."""
    spec = _spec(key)
    period = resolve_period(db, filters)
    span = None if period.snapshot else (period.start, period.end)
    kinds = tuple(k for k in EVIDENCE_KINDS.get(key, ()) if db.execute(
        "SELECT 1 FROM events WHERE kind = ? LIMIT 1", [k]).fetchone())
    events = _evidence_events(db, spec, filters, span, kinds)
    clients = _evidence_clients(db, spec, filters, span, events, bool(kinds))
    return {"clients": clients, "events": events}


def _evidence_events(db: Database, spec: SignSpec, filters: Filters, span,
                     kinds: tuple[str, ...]) -> pd.DataFrame:
    """The events behind the figure (of the kinds the workspace has)."""
    if spec.key == "repeat_business_down" and "purchase" in kinds:
        kinds = ("purchase",)
    columns = [c.split(" AS ")[-1].split(".")[-1] for c in EVIDENCE_EVENT_COLUMNS]
    if not kinds:
        return pd.DataFrame(columns=columns)
    where, params, restricted = _client_scope(filters)
    day = "e.date"
    if spec.key == "refunds_cancellations_up":       # undated returns: their order's date
        day = f"COALESCE(e.date, {_ORDER_DATE})"
    dates, date_params = _date_bounds(span, day)
    marks = ", ".join("?" * len(kinds))
    join = "JOIN" if restricted or spec.key == "repeat_business_down" else "LEFT JOIN"
    reason = ("AND e.reason IS NOT NULL AND TRIM(e.reason) != ''"
              if spec.key == "uneducated_leads" else "")
    select = [f"{day} AS date", *EVIDENCE_EVENT_COLUMNS[1:]]
    frame = pd.read_sql(
        f"SELECT {', '.join(select)} FROM events e {join} clients c "
        f"ON c.id = e.client_ref WHERE e.kind IN ({marks}) AND {dates} AND {where} {reason} "
        f"ORDER BY e.date, e.id", db.conn, params=[*kinds, *date_params, *params])
    if spec.key == "uneducated_leads":
        classify = reason_classifier(get_keyword_classes(db))
        frame.insert(frame.columns.get_loc("reason") + 1, "did_not_understand",
                     [classify(r) or "" for r in frame["reason"]])
    return frame


def _evidence_clients(db: Database, spec: SignSpec, filters: Filters, span,
                      events: pd.DataFrame, has_events: bool) -> pd.DataFrame:
    """The clients behind the figure: those of its events, or those the figure counts."""
    where, params, _ = _client_scope(filters)
    select = ", ".join(EVIDENCE_CLIENT_COLUMNS)
    key = spec.key
    if key == "low_retention":
        return _retention_evidence(db, where, params, span)
    if key == "repeat_business_down" and not events.empty:
        frame = pd.read_sql(f"SELECT {select}, c.purchase_days AS purchase_days_ever "
                            f"FROM clients c WHERE {where} AND c.client_id IN "
                            f"(SELECT value FROM json_each(?))", db.conn,
                            params=[*params, _json_list(events["client_id"])])
        days = events.assign(day=events["date"].astype(str).str[:10]).groupby(
            "client_id")["day"].nunique()
        frame.insert(2, "purchase_days_in_period",
                     frame["client_id"].map(days).fillna(0).astype("int64"))
        frame.insert(3, "repeat_buyer", (frame["purchase_days_in_period"] >= 2).map(
            {True: "yes", False: "no"}))
        return frame.sort_values("purchase_days_in_period", ascending=False, kind="stable")
    if not events.empty and events["client_id"].notna().any():
        frame = pd.read_sql(f"SELECT {select} FROM clients c WHERE {where} AND c.client_id IN "
                            f"(SELECT value FROM json_each(?))", db.conn,
                            params=[*params, _json_list(events["client_id"])])
        counts = events["client_id"].value_counts()
        frame.insert(2, "events_in_period", frame["client_id"].map(counts).fillna(0)
                     .astype("int64"))
        return frame.sort_values("events_in_period", ascending=False, kind="stable")
    column = EVIDENCE_COLUMN.get(key)

    def dated(date: str) -> str:          # the date in the period (any date in a snapshot)
        return f"substr({date}, 1, 10) BETWEEN ? AND ?" if span else "1"
    if column and not has_events:
        return pd.read_sql(f"SELECT {select}, c.[{column}] FROM clients c WHERE {where} "
                           f"AND c.[{column}] > 0 AND {dated('c.last_date')} "
                           f"ORDER BY c.[{column}] DESC", db.conn, params=[*params, *(span or ())])
    if key == "low_win_rate" and not has_events:
        return pd.read_sql(
            f"SELECT {select}, c.outcome FROM clients c WHERE {where} AND ("
            f"(c.outcome = 'lost' AND {dated('c.last_date')}) OR (c.furthest_rank >= "
            f"{CUSTOMER} AND {dated('COALESCE(c.purchase_at, c.first_date)')}))", db.conn,
            params=[*params, *(span or ()), *(span or ())])
    if key == "uneducated_leads" and span:
        return pd.read_sql(f"SELECT {select}, c.furthest_rank >= {CONSIDERING} AS considered "
                           f"FROM clients c WHERE {where} AND c.awareness_at >= ? "
                           f"AND substr(c.awareness_at, 1, 10) <= ?", db.conn,
                           params=[*params, *span])
    return pd.DataFrame(columns=[c.split(".")[-1] for c in EVIDENCE_CLIENT_COLUMNS])


def _json_list(values: pd.Series) -> str:
    import json
    return json.dumps(sorted({str(v) for v in values.dropna()}))


def _retention_evidence(db: Database, where: str, params: list, span) -> pd.DataFrame:
    """Every customer in the retention figure, with how it counted."""
    select = ", ".join(EVIDENCE_CLIENT_COLUMNS)
    frame = pd.read_sql(f"SELECT {select}, c.outcome, c.current_stage, c.purchasing_frequency, "
                        f"substr(COALESCE(c.purchase_at, c.first_date), 1, 10) AS customer_since "
                        f"FROM clients c WHERE {where} AND c.furthest_rank >= {CUSTOMER}",
                        db.conn, params=params)
    left = frame["outcome"].isin(["churned", "cancelled"])
    last = frame["last_date"].fillna("").str[:10]
    since = frame["customer_since"].fillna("")
    if span is None:
        new = ~left & ((frame["current_stage"] == "purchase")
                       | frame["purchasing_frequency"].isin(["new", "to onboard"]))
        counted = pd.Series("customer at the start, stayed", index=frame.index)
        counted[left] = "customer at the start, left"
        counted[new] = "new"
    else:
        start, end = span
        at_start = (since < start) & (since != "") & ~(left & (last < start))
        new = (since >= start) & (since <= end)
        gone = left & (last <= end)
        counted = pd.Series("", index=frame.index)
        counted[at_start] = "customer at the start, stayed"
        counted[at_start & gone] = "customer at the start, left in the period"
        counted[new] = "new in the period"
        counted[new & gone] = "new in the period, left in the period"
    frame.insert(2, "counted_as", counted)
    frame = frame[frame["counted_as"] != ""]
    return frame.drop(columns=["current_stage", "purchasing_frequency"]).reset_index(drop=True)


# --- output for the command line and the page ---------------------------------------------

def signs_records(report: SignsReport) -> list[dict]:
    """The signs as the command line's JSON contract lists them."""
    return [{"key": s.key, "title": s.title, "status": s.status, "value": s.value,
             "previous": s.previous, "threshold": s.threshold_record(),
             "stages": list(s.stages), "evidence_count": s.evidence_count}
            for s in report.signs]


def thresholds_table(db: Database) -> pd.DataFrame:
    """Every threshold with its default and where the default comes from (for editing)."""
    current = get_thresholds(db)
    rows = []
    for key, spec in SPECS.items():
        for name, default in spec.thresholds.items():
            rows.append({"key": key, "name": name, "sign": spec.title,
                         "threshold": THRESHOLD_LABELS[name], "value": current[key][name],
                         "default": default, "unit": _threshold_unit(spec, name),
                         "source": spec.source})
    return pd.DataFrame(rows)


def _threshold_unit(spec: SignSpec, name: str) -> str:
    if name.startswith("conversion"):
        return "% converted"
    if spec.judged_on == "change" and not name.startswith("level"):
        return "% " + ("rise" if spec.better == "lower" else "fall")
    return spec.unit


STATUS_COLOURS = {"green": "#2E7D32", "amber": "#E08E0B", "red": "#C62828",
                  "unknown": "#757575"}


def trend_figure(sign: Sign, *, large: bool = False):
    """A line chart of the sign's 12 monthly values (plotly), thresholds drawn in."""
    import plotly.graph_objects as go

    trend = sign.trend
    figure = go.Figure(go.Scatter(
        x=trend["month"], y=trend["value"], mode="lines+markers",
        line={"color": STATUS_COLOURS[sign.status], "width": 4 if large else 2.5},
        marker={"size": 10 if large else 7}, connectgaps=False,
        hovertemplate="%{x}: %{y:.1f}<extra></extra>"))
    if sign.judged_on == "level" and sign.key != "uneducated_leads" and len(trend):
        for name in ("amber", "red"):
            figure.add_hline(y=sign.thresholds[name], line_dash="dot",
                             line_color=STATUS_COLOURS[name],
                             annotation_text=f"{name} {sign.thresholds[name]:g}",
                             annotation_position="top left")
    size = 20 if large else 13
    figure.update_layout(
        height=420 if large else 300, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font={"size": size}, showlegend=False,
        yaxis_title=sign.value_label if not large else None,
        xaxis={"type": "category"}, yaxis={"rangemode": "tozero"})
    return figure
