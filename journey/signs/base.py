"""What every sign is and does: the ``Sign`` base class the catalogue's eight signs
subclass, the ``Measure`` a sign returns for one window, and the words and numbers of
judging (level or change against amber and red thresholds)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from dataclasses import dataclass, field

import pandas as pd
from sqlite_utils import Database

from ..filters import Filters
from ..text import percent_text
from ..workspace import query_frame
from .evidence import (
    CLIENT_SELECT, EventQuery, EvidenceTable, clients_of_events, event_rows,
    first_clients_of_events, first_events, first_rows, in_span, no_clients)
from .source import Source, client_scope

STATUSES = ("red", "amber", "unknown", "green")          # the page's order: red first
DAYS_PER_MONTH = 365.25 / 12


@dataclass
class Measure:
    """A sign's figure in one window and the parts it is made of."""
    value: float | None
    parts: dict = field(default_factory=dict)
    evidence: int = 0
    basis: str = "events"
    missing: str | None = None        # why there is no figure, when value is None
    # No figure in this window, though the workspace holds what measures the sign (other
    # periods have it): the next step says so rather than "import ...".
    measured_elsewhere: bool = False


class Sign:
    """One sign of misalignment. A subclass declares what the sign is (the class
    attributes) and says how it is measured in a window of day numbers (``measure``) and
    how that figure was worked out (``arithmetic``); the rest has defaults here that a
    sign overrides where it differs (judging, severity, working notes, next-step reasons,
    the evidence behind the figure)."""

    key: str
    title: str
    definition: str
    value_label: str
    unit: str                                 # "%", "per month" or "per 100 clients"
    stages: tuple[str, ...]
    departments: tuple[str, ...]
    judged_on: str                            # "level" or "change" (on the period before)
    better: str                               # "higher" or "lower"
    default_thresholds: dict[str, float]      # a workspace may change each number
    source: str                               # where the default thresholds come from
    measured_by: str                          # the data that would measure it
    next_step: str                            # grounded in the stage it affects
    evidence_kinds: tuple[str, ...] = ()      # event kinds behind the figure
    reason_kinds: tuple[str, ...] = ()        # event kinds whose reasons the next step quotes
    department_kind: str | None = None        # event kind whose departments it names
    evidence_column: str | None = None        # client count column when there are no events
    # Its value depends on the window's length (nobody buys twice in one month; a month's
    # retention is near 100%): each trend point is a window as long as the period, ending
    # at that month's end, so it compares with the period's figure and its thresholds.
    trailing_trend: bool = False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.key}>"

    # --- measuring -------------------------------------------------------------------

    def measure(self, src: Source, window) -> Measure:
        """The figure in a window of day numbers (``None``: all the data, a snapshot)."""
        raise NotImplementedError

    def arithmetic(self, m: Measure) -> str:
        """The sum behind a measured figure, in one sentence."""
        raise NotImplementedError

    def label(self, current: Measure) -> str:
        """What the figure is, as the card names it."""
        return self.value_label

    def value_better(self, current: Measure) -> str:
        """Which way the figure shown is better ("higher" or "lower"), for the colour of its
        change: the sign's own direction unless the figure shown is another measure."""
        return self.better

    def equals_figure(self, m: Measure) -> str:
        """How the working's sum ends: with the figure as the card writes it, rounded once
        from the exact value (" = 54.3%", " × 100 = 84.8 per 100", " = 10.6 a month")."""
        unit = figure_unit(self.unit, self.label(m))
        times = " × 100" if unit.startswith("per 100") else ""
        return f"{times} = {format_value(m.value, unit)}"

    def notes(self, current: Measure) -> list[str]:
        """Lines the working adds after the arithmetic, about where counts came from."""
        return []

    # --- judging ---------------------------------------------------------------------

    def judge(self, thresholds: dict, current: Measure,
              previous: Measure | None) -> tuple[str, str]:
        """``(status, the rule that decided it in words)``."""
        if current.value is None:
            return "unknown", ""
        return self.judge_measured(thresholds, current, previous)

    def judge_measured(self, thresholds: dict, current: Measure,
                       previous: Measure | None) -> tuple[str, str]:
        value = current.value
        unit = unit_suffix(figure_unit(self.unit, self.label(current)))
        if self.judged_on == "level":
            status = level_status(value, thresholds["amber"], thresholds["red"], self.better)
            return status, rule_text(self.better, thresholds["amber"], thresholds["red"], unit)
        before = previous.value if previous is not None else None
        change = change_pct(value, before)
        if change is None:
            status = level_status(value, thresholds["level_amber"], thresholds["level_red"],
                                  self.better)
            why = ("no earlier period to compare" if before is None
                   else "nothing in the period before to compare")
            return status, (f"Judged on its level ({why}): "
                            + rule_text(self.better, thresholds["level_amber"],
                                        thresholds["level_red"], unit))
        worse = change if self.better == "lower" else -change
        status = level_status(worse, thresholds["amber"], thresholds["red"], "lower")
        word = "rise" if self.better == "lower" else "fall"
        return status, (f"Judged on its change: amber from a {word} of "
                        f"{thresholds['amber']:g}%, red from a {word} of "
                        f"{thresholds['red']:g}% on the period before.")

    def severity(self, thresholds: dict, current: Measure,
                 previous: Measure | None) -> float:
        """How far a figure has gone towards its red threshold (1 or more: red), to put the
        worst of the signs with the same status first; 0 when unknown."""
        if current.value is None:
            return 0.0
        return self.severity_measured(thresholds, current, previous)

    def severity_measured(self, thresholds: dict, current: Measure,
                          previous: Measure | None) -> float:
        if self.judged_on == "level":
            return towards_red(current.value, thresholds["red"], self.better)
        change = change_pct(current.value, previous.value if previous is not None else None)
        if change is None:
            return towards_red(current.value, thresholds["level_red"], self.better)
        worse = change if self.better == "lower" else -change
        return towards_red(max(worse, 0.0), thresholds["red"], "lower")

    def threshold_pairs(self) -> list[tuple[str, str]]:
        """(name prefix, which direction is better) for each amber/red pair."""
        pairs = [("", "lower" if self.judged_on == "change" else self.better)]
        if "level_amber" in self.default_thresholds:
            pairs.append(("level_", self.better))
        return pairs

    def threshold_unit(self, name: str) -> str:
        """The unit a threshold is written in."""
        if self.judged_on == "change" and not name.startswith("level"):
            return "% " + ("rise" if self.better == "lower" else "fall")
        return figure_unit(self.unit, self.value_label)

    def trend_lines(self, thresholds: dict) -> dict[str, float]:
        """The thresholds the trend chart draws (``{"amber": .., "red": ..}``): those a
        monthly value compares with, so none for a sign judged on its change."""
        if self.judged_on != "level":
            return {}
        return {name: thresholds[name] for name in ("amber", "red")}

    # --- next steps --------------------------------------------------------------------

    def quoted_reasons(self, details: dict) -> list[tuple[str, int]]:
        """The period's reasons the next step may quote, ``[(reason, count)]``."""
        found = []
        for kind in self.reason_kinds:
            found += details["reasons"].get(kind, [])
        return found

    def named_departments(self, details: dict) -> tuple[str, ...]:
        """The departments the data names most (for complaint signs), else the sign's."""
        named = details["departments"].get(self.department_kind, []) \
            if self.department_kind else []
        return tuple(named[:3]) or self.departments

    # --- evidence ------------------------------------------------------------------------
    # Each table whole (``evidence_events``, ``evidence_clients``: the downloads) and as its
    # count with its first rows (``first_evidence_events``, ``first_evidence_clients``: the
    # page), the same rows in the same order.

    def event_query(self, kinds: tuple[str, ...]) -> EventQuery:
        """The events behind the figure, of ``kinds`` (those of ``evidence_kinds`` the
        workspace has)."""
        return EventQuery(kinds)

    def with_event_columns(self, db: Database, query: EventQuery,
                           events: pd.DataFrame) -> pd.DataFrame:
        """The query's events with any columns the sign adds (none by default)."""
        return events

    def evidence_events(self, db: Database, filters: Filters, span,
                        kinds: tuple[str, ...]) -> pd.DataFrame:
        query = self.event_query(kinds)
        return self.with_event_columns(db, query, event_rows(db, filters, span, query))

    def first_evidence_events(self, db: Database, filters: Filters, span,
                              kinds: tuple[str, ...], rows: int) -> EvidenceTable:
        query = self.event_query(kinds)
        table = first_events(db, filters, span, query, rows)
        return EvidenceTable(table.count, self.with_event_columns(db, query, table.first))

    def evidence_clients(self, db: Database, filters: Filters, span, events: pd.DataFrame,
                         has_events: bool) -> pd.DataFrame:
        """The clients behind the figure: those of its events (most events first), or
        those the figure counts."""
        if not events.empty and events["client_ref"].notna().any():
            frame = clients_of_events(db, filters, events)
            counts = events["client_ref"].value_counts()
            frame.insert(2, "events_in_period", frame.pop("client_ref").map(counts).fillna(0)
                         .astype("int64"))
            return frame.sort_values("events_in_period", ascending=False, kind="stable")
        found = self.uncounted_clients(filters, span, has_events)
        if not found:
            return no_clients()
        sql, params, order = found
        return query_frame(db, f"{sql} ORDER BY {order}", params)

    def first_evidence_clients(self, db: Database, filters: Filters, span,
                               kinds: tuple[str, ...], rows: int) -> EvidenceTable:
        query = self.event_query(kinds)
        if query.kinds:
            table = first_clients_of_events(db, filters, span, query, rows, "events_in_period")
            if table.count:
                return table
        found = self.uncounted_clients(filters, span, bool(kinds))
        return first_rows(db, *found, rows) if found else EvidenceTable(0, no_clients())

    def uncounted_clients(self, filters: Filters, span,
                          has_events: bool) -> tuple[str, list, str] | None:
        """``(sql, params, order)`` of the clients behind the figure when no event names
        them: those with a count in ``evidence_column`` (when the workspace has no events of
        the kind), else ``counted_clients``; None when there are none."""
        where, params, _ = client_scope(filters)
        column = self.evidence_column
        if column and not has_events:
            return (f"SELECT {CLIENT_SELECT}, c.[{column}] FROM clients c WHERE {where} AND "
                    f"c.[{column}] > 0 AND {in_span('c.last_date', span)}",
                    [*params, *(span or ())], f"c.[{column}] DESC, c.id")
        return self.counted_clients(where, params, span, has_events)

    def counted_clients(self, where: str, params: list, span,
                        has_events: bool) -> tuple[str, list, str] | None:
        """``(sql, params, order)`` of the clients the figure counts when no event names
        them (None by default: no clients)."""
        return None


# --- judging in numbers and words -----------------------------------------------------

def level_status(value: float, amber: float, red: float, better: str) -> str:
    if better == "lower":
        return "red" if value >= red else "amber" if value >= amber else "green"
    return "red" if value < red else "amber" if value < amber else "green"


def change_pct(value: float | None, previous: float | None) -> float | None:
    """The relative change on the previous period in percent (None when it cannot be had)."""
    if value is None or previous is None or previous == 0:
        return None
    return 100.0 * (value - previous) / previous


def towards_red(value: float, red: float, better: str) -> float:
    if better == "lower":
        return value / red if red else (math.inf if value > 0 else 0.0)
    return red / value if value else math.inf


def ratio(numerator: float, denominator: float, scale: float = 100.0) -> float | None:
    return None if not denominator else scale * numerator / denominator


def days_in(window) -> float:
    return float(window[1] - window[0] + 1)


def figure_unit(unit: str, label: str) -> str:
    """The unit a figure is written in, as its label reads it: a rate "per 100" of
    something the catalogue counts in "%" is "per 100" (the page, the workbook, the rule
    and the thresholds)."""
    return "per 100" if unit == "%" and "per 100" in label else unit


def unit_suffix(unit: str) -> str:
    return "%" if unit == "%" else f" {unit}"


def rule_text(better: str, amber: float, red: float, unit: str) -> str:
    if better == "lower":
        return f"amber from {amber:g}{unit}, red from {red:g}{unit}."
    return f"amber below {amber:g}{unit}, red below {red:g}{unit}."


def figure_number(value: float) -> str:
    """A sign's number as every place writes it, rounded once from the exact value and an
    exact half up (as ``percent_text``): one decimal, none from 1,000 ("84.8", "1,235")."""
    exact = Decimal(str(value))
    step = Decimal("0.1") if abs(exact) < 1000 else Decimal(1)
    return f"{exact.quantize(step, ROUND_HALF_UP):,}"


def format_value(value: float | None, unit: str) -> str:
    """A sign's figure for people, in the unit it is written in (``figure_unit``):
    ``16.6%``, ``10.6 a month``, ``84.8 per 100``."""
    if value is None:
        return "–"
    if unit == "%":
        return percent_text(value, 1)
    if unit == "per month":
        return f"{figure_number(value)} a month"
    return f"{figure_number(value)} per 100"


def fmt(value: float | None, unit: str = "") -> str:
    """A number in the working, rounded as the figure is (a share as ``percent_text``, else
    ``figure_number``); with its unit."""
    if value is None:
        return "–"
    if unit == "%":
        return percent_text(value, 1)
    text = figure_number(value)
    return text + unit_suffix(unit) if unit else text


def count(value) -> str:
    """A count in the working (two decimals when it is not whole)."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
