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


def latest_date(db: Database) -> str | None:
    """The latest date in the workspace: of its events (one index lookup per kind), or of
    its clients when no event has a date."""
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
        return civil_days(np.frombuffer(padded.encode("ascii", "replace"),
                                        dtype=np.uint8).reshape(-1, 10))
    out = days.astype("int64").astype(float)
    out[np.isnat(days)] = np.nan
    return out


def fixed_width_days(text: np.ndarray) -> np.ndarray:
    """Day numbers (float, NaN when blank or not a date) of rows of 10 ASCII bytes
    'YYYY-MM-DD': numpy's own parser, or the calendar arithmetic when some row is not a
    date numpy can read."""
    if not _numpy_reads(text):
        return civil_days(text)
    dates = text.copy().view("S10").ravel()
    dates[text[:, 0] == 32] = b"NaT"
    parsed = dates.astype("datetime64[D]")
    days = parsed.astype("int64").astype(float)
    days[np.isnat(parsed)] = np.nan
    return days


def _numpy_reads(text: np.ndarray) -> bool:
    """Whether every row of 10 ASCII bytes is blank (a space first) or a real date
    'YYYY-MM-DD'. numpy 2.4's parser of byte strings kills the process (a segmentation
    fault) instead of raising ValueError on a row it cannot read, in arrays of a few
    hundred rows or more: it is given only arrays it reads (about 25 ms a million rows)."""
    text = np.ascontiguousarray(text)
    if not len(text):
        return True
    blank = text[:, 0] == 32

    def word(dtype: str, offset: int) -> np.ndarray:     # bytes at offset of every row
        return np.ndarray(shape=(len(text),), dtype=dtype, buffer=text, offset=offset,
                          strides=(text.shape[1],))

    def digits(value: np.ndarray, mask: int) -> np.ndarray:   # each byte '0'-'9'
        threes, sixes = 0x30303030 & mask, 0x06060606 & mask
        return ((value & (mask & 0xF0F0F0F0)) == threes) & (
            ((value + sixes) & (mask & 0xF0F0F0F0)) == threes)

    middle = word("<u4", 4)                               # "-MM-"
    shaped = (digits(word("<u4", 0), 0xFFFFFFFF) & ((middle & 0xFF0000FF) == 0x2D00002D)
              & digits(middle, 0x00FFFF00) & digits(word("<u2", 8).astype(np.uint32), 0xFFFF))
    if not (shaped | blank).all():
        return False
    month = (text[:, 5] - 48) * 10 + (text[:, 6] - 48)
    day = (text[:, 8] - 48) * 10 + (text[:, 9] - 48)
    if not (blank | ((day >= 1) & (day <= _MONTH_DAYS[np.minimum(month, 13)]))).all():
        return False
    leap_day = np.flatnonzero(~blank & (month == 2) & (day == 29))
    if not len(leap_day):
        return True
    year = (text[leap_day][:, :4].astype(np.int32) - 48) @ np.array([1000, 100, 10, 1])
    return bool(((year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))).all())


# The days of each month (February's 29th checked on its own); 0 for no month (0, 13+).
_MONTH_DAYS = np.array([0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0], dtype=np.uint8)


def civil_days(text: np.ndarray) -> np.ndarray:
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
