"""The period a sign is measured over, the one before it, the 12 trend months, and day
numbers (days since 1970-01-01) read from stored ISO dates with numpy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from sqlite_utils import Database

from ..errors import ValidationError
from ..fields import EVENT_KINDS
from ..filters import NO_FILTERS, Filters
from .. import values
from ..values import add_days, add_months, stored_day

EPOCH = dt.date(1970, 1, 1)                          # day numbers count from 1970-01-01
EPOCH_ORDINAL = EPOCH.toordinal()

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


def latest_date(db: Database, before: str = "~") -> str | None:
    """The latest date in the workspace before the ISO day ``before`` (by default, "~",
    which sorts after every date: none is left out): of its events (one index lookup per
    kind), or of its clients when no event has a date. The events a client list brought
    (a step taken on a day, a fee paid on the last visit's: ``ingest.rules.client_lists``)
    are of its clients: the list's last contacts, later, count then."""
    latest = ("COALESCE((SELECT date FROM events WHERE kind = ? AND date < ? AND "
              "COALESCE(import_id, 0) NOT IN (SELECT id FROM imports WHERE kind = 'clients') "
              "ORDER BY date DESC LIMIT 1), '')")
    row = db.execute(f"SELECT MAX({', '.join([latest] * len(EVENT_KINDS))})",
                     [value for kind in EVENT_KINDS for value in (kind, before)]).fetchone()
    found = stored_day(row[0])
    if found is None:
        found = stored_day(db.execute("SELECT MAX(last_date) FROM clients WHERE last_date < ?",
                                      [before]).fetchone()[0])
    return found


def resolve_period(db: Database, filters: Filters = NO_FILTERS) -> Period:
    """The filters' date range, or the last 12 months up to the workspace's latest date
    that is not after today (a later one is a booking, a planned project or a typing slip).

    Periods are held within the calendar (``values.add_days``): a period that starts on
    0001-01-01 is compared with that one day, as nothing comes before it."""
    chosen = bool(filters.date_from or filters.date_to)
    latest = latest_date(db)
    ahead = None                  # the latest date, when it is after today (a booking)
    now = values.today()
    if not chosen and latest is not None and latest > now.isoformat():
        # the latest date that is not after today: a date typed 2042 in a 2024 export
        # leaves the period on the data
        ahead = latest
        latest = latest_date(db, add_days(now, 1).isoformat()) or now.isoformat()
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
    elif ahead:
        note = (f"No period chosen, so the last 12 months up to the latest date in the "
                f"workspace that is not after today: {start} to {end}, compared with the 12 "
                f"months before ({previous_start} to {previous_end}). Dates after today (up "
                f"to {ahead}) are of things planned, not done yet, or typed wrong.")
    else:
        note = (f"No period chosen, so the last 12 months up to the latest date in the "
                f"workspace: {start} to {end}, compared with the 12 months before "
                f"({previous_start} to {previous_end}).")
    return Period(start.isoformat(), end.isoformat(), previous_start.isoformat(),
                  previous_end.isoformat(), note)


def day_of(iso: str) -> int:
    """The day number (days since 1970-01-01) of an ISO date."""
    return dt.date.fromisoformat(iso).toordinal() - EPOCH_ORDINAL


def date_of_day(day: int) -> dt.date:
    """The date of a day number (held within the calendar)."""
    return add_days(EPOCH, int(day))


def period_length(period: Period) -> int:
    """Days from the period's first to its last day (one less than the number of days)."""
    return day_of(period.end) - day_of(period.start)


def trend_windows(period: Period) -> list[tuple[str, tuple[int, int]]]:
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
        windows[first.strftime("%Y-%m")] = (day_of(first.isoformat()), day_of(last.isoformat()))
    return list(windows.items())


def date_bounds(span: tuple[str, str] | None, column: str = "e.date") -> tuple[str, list]:
    """``(sql, params)`` keeping dates in the span, both end days included. The bound is
    the end day followed by "~", which sorts after any time of day a stored date carries
    (" 10:00", "T10:00"): no day after 9999-12-31 is needed."""
    if span is None:
        return "1", []
    return f"{column} >= ? AND {column} < ?", [span[0], span[1] + "~"]


def day_numbers(values) -> np.ndarray:
    """Days since 1970-01-01 (float; NaN when missing or not a date) of ISO date strings,
    of which only the first ten characters count: numpy's parser, or ``fixed_width_days``
    when some value is not a date numpy can read (pandas would lose years outside 1677-2262)."""
    array = np.array(values, dtype=object)
    if not array.size:
        return np.array([], dtype=float)
    missing = np.array([v is None for v in array.tolist()], dtype=bool)
    try:
        days = np.where(missing, "NaT", array).astype("datetime64[D]")
    except ValueError:
        padded = "".join(" " * 10 if v is None else f"{str(v)[:10]:<10}" for v in array.tolist())
        return fixed_width_days(np.frombuffer(padded.encode("ascii", "replace"),
                                              dtype=np.uint8).reshape(-1, 10))
    out = days.astype("int64").astype(float)
    out[np.isnat(days)] = np.nan
    return out


def fixed_width_days(text: np.ndarray) -> np.ndarray:
    """Day numbers (float, NaN when blank or not a date) of rows of 10 ASCII bytes
    'YYYY-MM-DD'. Each row's year, month and day are read from its digits and looked up
    in a calendar of the years present: a few array operations a row, twice as fast as
    numpy's date parser (which, in numpy 2.4, kills the process on some rows it cannot
    read instead of raising). A day its month does not have (02-30) is no date."""
    text = np.ascontiguousarray(text, dtype=np.uint8)
    if not len(text):
        return np.array([], dtype=float)
    digit = text - np.uint8(48)                     # a digit's value; above 9 for other bytes
    month = digit[:, 5] * np.uint8(10) + digit[:, 6]   # (may wrap where a byte is no digit:
    day = digit[:, 8] * np.uint8(10) + digit[:, 9]     # such rows are not dated below)
    dated = ((digit[:, [0, 1, 2, 3, 5, 6, 8, 9]] <= 9).all(axis=1)
             & (text[:, 4] == 45) & (text[:, 7] == 45) & (month <= 12) & (day <= 31))
    if not dated.any():
        return np.full(len(text), np.nan)
    year = (digit[:, 0].astype(np.int32) * 1000 + digit[:, 1].astype(np.int32) * 100
            + digit[:, 2].astype(np.int32) * 10 + digit[:, 3])
    low = int(year[dated].min())
    calendar = _calendar(low, int(year[dated].max()))
    at = ((year - low) * 13 + month) * 32 + day
    at[~dated] = 0                                  # month 0 of the first year: no day
    return calendar[at]


def _calendar(low: int, high: int) -> np.ndarray:
    """The day number of every (year, month, day) from year ``low`` to ``high``, flat, 13
    months of 32 days a year (month 0 and day 0 included), NaN where there is no such day."""
    years = high - low + 1
    starts = (np.datetime64(f"{low:04d}-01", "M") + np.arange(years * 12 + 1)
              ).astype("datetime64[D]").astype(np.int64)          # each month's first day
    lengths = np.diff(starts).reshape(years, 12, 1)
    days = np.arange(32)
    calendar = np.full((years, 13, 32), np.nan)
    calendar[:, 1:, :] = np.where((days >= 1) & (days <= lengths),
                                  starts[:-1].reshape(years, 12, 1) + days - 1, np.nan)
    return calendar.ravel()
