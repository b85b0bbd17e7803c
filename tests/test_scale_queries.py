"""Issue 18 at a million clients: the faster ways of computing the funnel's breakdown and
the signs give what the ways they replaced gave, on small hand-worked workspaces.

- ``funnel.compute_funnel_by`` reads a segment field with a partial (field, furthest_rank)
  index (m010) as clients with a value plus, per rank, the rest: the same counts as one
  GROUP BY over every client, "(not set)", blank values and clients without a rank too.
- ``signs.source.SortedDays`` counts days in a window from a running count per day rather
  than by bisecting the sorted days.
- ``Source.first_purchase_days`` takes each client's stored purchase date from the client
  read it already made, not from a second read of every client.
- The signs' top reasons and departments are counted per day first, then per value: the
  same counts, in the same order (ties too), as one GROUP BY per value.
"""

from __future__ import annotations

import numpy as np
import pytest

from conftest import csv_bytes
from journey import funnel
from journey.filters import Filters
from journey.ingest import import_file
from journey.signs import compute_signs
from journey.signs.engine import _period_details
from journey.signs.keywords import get_keyword_classes
from journey.signs.period import date_bounds
from journey.signs.source import Source, SortedDays, event_scope
from journey.workspace import open_memory_workspace

# Region: two clients with none, one blank (" " is stored trimmed or as typed: either way
# "(not set)"), North three times (one of them "North " with a space), South once.
CLIENTS = """Client ID,Name,Region,Channel,Stage,Status
A,Ann,North,search,purchase,
B,Bob,North ,search,consideration,
C,Cy,North,ads,awareness,lost
D,Di,South,ads,retention,
E,Ed,,,purchase,
F,Fay,,search,advocacy,
"""


def shop():
    db = open_memory_workspace()
    import_file(db, "clients.csv", csv_bytes(CLIENTS), kind="clients")
    return db


def old_counts(db, column: str) -> list[tuple]:
    """The query compute_funnel_by ran before m010: every client grouped and sorted."""
    return db.execute(f"SELECT [{column}], furthest_rank, COUNT(*) FROM clients NOT INDEXED "
                      f"GROUP BY 1, 2").fetchall()


@pytest.mark.parametrize("column", funnel.PARTLY_INDEXED)
def test_a_partly_indexed_field_counts_as_one_group_by_over_every_client(column):
    db = shop()
    db.execute("INSERT INTO clients(client_key, name, region) VALUES ('id:g', 'Gus', 'West')")
    assert db.execute("SELECT furthest_rank FROM clients WHERE name = 'Gus'").fetchone() == (None,)
    new = funnel._counts_by(db, column, "furthest_rank", [], Filters())
    assert sorted(new, key=repr) == sorted(old_counts(db, column), key=repr)


def test_the_region_breakdown_is_worked_out_by_hand():
    by = funnel.compute_funnel_by(shop(), "region")
    assert list(by) == ["North", "(not set)", "South"]
    clients = {name: frame.set_index("stage")["clients"].to_dict() for name, frame in by.items()}
    # North: A purchase, B consideration ("North " trimmed), C awareness.
    assert clients["North"] == {"awareness": 3, "consideration": 2, "purchase": 1,
                                "retention": 0, "advocacy": 0}
    # Not set: E purchase, F advocacy.
    assert clients["(not set)"] == {"awareness": 2, "consideration": 2, "purchase": 2,
                                    "retention": 1, "advocacy": 1}
    assert clients["South"]["retention"] == 1 and clients["South"]["advocacy"] == 0


def test_the_breakdown_reads_the_partial_index_and_filters_keep_the_old_query():
    db = shop()
    plan = " ".join(str(row) for row in db.execute(
        "EXPLAIN QUERY PLAN SELECT 1, [region], furthest_rank, COUNT(*) FROM clients "
        "WHERE [region] IS NOT NULL GROUP BY 2, 3").fetchall())
    assert "clients_region_rank" in plan and "TEMP B-TREE" not in plan
    chosen = Filters(channel=("search",))
    by = funnel.compute_funnel_by(db, "region", filters=chosen)
    assert {name: int(frame["clients"].iloc[0]) for name, frame in by.items()} == {
        "North": 2, "(not set)": 1}


def test_the_cohorts_are_read_in_their_index_order_with_no_sort():
    """The monthly cohorts' query, as cohort_conversion runs it, reads the clients in the
    order of m021's index (on SQLite 3.51 a sort of a million clients took 1.4 s). By hand:
    January's cohort Ann (purchase) and Bob (consideration), 2 clients, 1 bought; February's
    Cy (awareness), Di (retention), Ed (purchase), 3 clients, 2 bought."""
    db = open_memory_workspace()
    import_file(db, "clients.csv", csv_bytes(
        "Client ID,Name,First contact,Stage\n"
        "A,Ann,2024-01-05,purchase\nB,Bob,2024-01-20,consideration\n"
        "C,Cy,2024-02-03,awareness\nD,Di,2024-02-10,retention\nE,Ed,2024-02-28,purchase\n"),
        kind="clients")
    said = []
    db.conn.set_trace_callback(said.append)
    trend = funnel.cohort_conversion(db)
    db.conn.set_trace_callback(None)
    query = next(q for q in said if "substr(first_date, 1, 7) AS cohort" in q)
    plan = " ".join(str(row) for row in db.execute("EXPLAIN QUERY PLAN " + query).fetchall())
    assert "clients_cohort" in plan and "TEMP B-TREE" not in plan
    bought = trend[trend["stage"] == "purchase"]
    assert list(zip(bought["cohort"], bought["cohort_clients"], bought["clients"])) == [
        ("2024-01", 2, 1), ("2024-02", 3, 2)]


def test_a_window_or_a_field_without_an_index_groups_every_client_as_before():
    db = shop()
    for by, window in (("region", 30), ("owner", None), ("persona", None)):
        frames = funnel.compute_funnel_by(db, by, window_days=window)
        assert sum(int(f["clients"].iloc[0]) for f in frames.values()) == 6


# --- counting days in a window --------------------------------------------------------------

def bisected(days: np.ndarray, window) -> int:
    """How SortedDays counted before: the days sorted, two bisections."""
    known = np.sort(days[~np.isnan(days)])
    if window is None:
        return len(known)
    return int(np.searchsorted(known, window[1], side="right")
               - np.searchsorted(known, window[0], side="left"))


def test_days_in_a_window_by_hand():
    days = SortedDays(np.array([10.0, 12.0, np.nan, 12.0, 15.0]))
    assert days.running is not None                      # a running count per day
    assert days.count((12, 12)) == 2 and days.count((11, 14)) == 2
    assert days.count((0, 9)) == 0 and days.count((16, 100)) == 0
    assert days.count((-5, 10)) == 1 and days.count(None) == 4
    assert days.below(12) == 1 and days.upto(12) == 3 and days.upto(1000) == 4


def test_days_spread_over_the_whole_calendar_are_sorted_instead():
    # 0001-01-01 and 9999-12-31 as day numbers: a running count would need 3.6 million days.
    days = SortedDays(np.array([-719162.0, 0.0, 2932896.0]))
    assert days.running is None and days.count((-719162, 0)) == 2


@pytest.mark.parametrize("seed", range(5))
def test_days_in_a_window_as_bisection_counted_them(seed):
    rng = np.random.default_rng(seed)
    days = rng.integers(18000, 19500, 2000).astype(float)
    days[rng.random(2000) < 0.1] = np.nan
    if seed == 4:
        days[:3] = [-719162.0, 2932896.0, 5.0]               # a wide spread: sorted
    counted = SortedDays(days)
    for low, high in rng.integers(17900, 19600, (50, 2)):
        for window in ((low, high), (high, low), (low, low), None):
            assert counted.count(window) == bisected(days, window)
    assert counted.count((-10**7, 10**7)) == bisected(days, None)
    assert (counted.running is None) == (seed == 4)
    for day in (17000, 18000, 18500.0, 19499, 20000):
        assert counted.below(day) == int(np.sum(days < day))
        assert counted.upto(day) == int(np.sum(days <= day))


# --- first purchases, reasons and departments -------------------------------------------

EVENT_HEADER = "Client ID,Date,Kind,Stage,Reason,Department,Order ID"
# P bought long before the period (2022) and again in it; Q bought first in December 2024
# (too new to count); R bought twice in the period; S only in the previous period.
EVENTS = """P,2022-03-01,purchase,,,,
P,2024-06-01,purchase,,,,
Q,2024-12-20,purchase,,,,
R,2024-02-01,purchase,,,,
R,2024-05-01,won,,,,
S,2023-05-01,purchase,,,,
P,2024-03-01,complaint,,Late,,
Q,2024-03-02,complaint,,Rude,,
R,2024-04-01,complaint,,Late,,
S,2024-04-02,complaint,,Rude,,
P,2024-05-03,refund,,Broken,,
P,2024-07-01,internal_complaint,,Late,sales,
Q,2024-07-02,internal_complaint,,Late,operations,
R,2024-07-03,internal_complaint,,Late,operations,
S,2024-07-04,internal_complaint,,Late,sales,
anchor,2024-12-31,contact,,,,
"""


def events_shop():
    db = open_memory_workspace()
    import_file(db, "events.csv", csv_bytes(EVENT_HEADER + "\n" + EVENTS), kind="events")
    return db


def stored_first_purchases(db) -> dict[int, float]:
    """How first_purchase_days read the stored dates before: every client's purchase_at."""
    return {i: (np.datetime64(day[:10]) - np.datetime64("1970-01-01")).astype(int)
            for i, day in db.execute("SELECT id, purchase_at FROM clients "
                                     "WHERE purchase_at IS NOT NULL")}


def test_first_purchases_are_the_stored_purchase_dates():
    db = events_shop()
    report = compute_signs(db)
    first = _source(db, report.period).first_purchase_days()
    stored = stored_first_purchases(db)
    assert len(stored) == 4
    for client, day in stored.items():
        assert first[client] == day
    repeat = report.by_key("repeat_business_down")
    # P (first bought 2022) and R bought in 2024; Q bought first 11 days before the end.
    # R's deal won in May is no second sale: a client's sales are its purchases where it
    # has any (the deal and the purchase are one sale), so nobody bought twice.
    assert (repeat.parts["buyers"], repeat.parts["repeat"], repeat.parts["too_new"]) == (2, 0, 1)


def old_details(db, period) -> tuple[list, list]:
    """The reasons and departments queries before: one GROUP BY per value."""
    scope, params = event_scope(Filters())
    dates, date_params = date_bounds((period.start, period.end))
    reasons = db.execute(
        f"SELECT e.kind, e.reason, COUNT(*) AS n FROM events e WHERE e.kind IN "
        f"('internal_complaint', 'complaint', 'refund', 'cancellation') AND e.reason IS NOT "
        f"NULL AND {dates} AND {scope} GROUP BY e.kind, e.reason ORDER BY n DESC",
        [*date_params, *params]).fetchall()
    departments = db.execute(
        f"SELECT e.department, COUNT(*) AS n FROM events e WHERE e.kind = ? AND "
        f"e.department IS NOT NULL AND {dates} AND {scope} GROUP BY e.department "
        f"ORDER BY n DESC", ["internal_complaint", *date_params, *params]).fetchall()
    return reasons, departments


def test_reasons_and_departments_come_in_the_order_one_group_by_gave():
    db = events_shop()
    report = compute_signs(db)
    reasons, departments = old_details(db, report.period)
    # Ties everywhere: Late and Rude twice each among complaints, sales and operations
    # twice each among internal complaints.
    assert sorted(n for kind, _, n in reasons if kind == "complaint") == [2, 2]
    details = _period_details(db, Filters(), report.period, _source(db, report.period),
                              (0, 10**6))
    for kind in ("internal_complaint", "complaint", "refund"):
        assert details["reasons"][kind] == [(r, n) for k, r, n in reasons if k == kind]
    assert details["departments"]["internal_complaint"] == [d for d, _ in departments]


def _source(db, period):
    """The source compute_signs reads (it does not keep it)."""
    return Source(db, Filters(), period, (period.previous_start, period.end),
                  get_keyword_classes(db), (period.previous_start, period.end))


def test_day_numbers_of_many_rows_with_one_that_is_no_date_do_not_crash():
    """numpy 2.4 kills the process on byte strings it cannot read as dates (arrays of about
    800 rows or more) instead of raising: such rows go to the calendar arithmetic."""
    import numpy as np

    from journey.signs.period import fixed_width_days

    for odd in (b"2024-13-45", b"garbage!!!", b"2023-02-29", b"2024-04-31", b"20240101xx",
                b"2024/01/01"):
        rows = [b"2024-01-01"] * 900 + [odd, b"          ", b"2024-02-29"]
        text = np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(-1, 10)
        days = fixed_width_days(text)
        assert days[0] == 19723 and np.isnan(days[901]) and days[902] == 19782
    assert len(fixed_width_days(np.zeros((0, 10), dtype=np.uint8))) == 0


def test_day_numbers_of_fixed_width_dates_match_the_calendar():
    """Every day of 1999-2025, and the edges of the calendar, read as Python's calendar
    counts them from 1970-01-01; a day its month lacks, a blank or a stray byte is no date."""
    import datetime as dt

    import numpy as np

    from journey.signs.period import fixed_width_days

    first, last = dt.date(1999, 1, 1), dt.date(2025, 12, 31)
    every = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    edges = [dt.date(1, 1, 1), dt.date(1600, 2, 29), dt.date(2000, 2, 29), dt.date(9999, 12, 31)]
    text = np.frombuffer("".join(d.isoformat() for d in every + edges).encode(),
                         dtype=np.uint8).reshape(-1, 10)
    expected = [d.toordinal() - dt.date(1970, 1, 1).toordinal() for d in every + edges]
    assert fixed_width_days(text).tolist() == expected
    assert expected[:2] == [10592, 10593] and expected[-1] == 2932896   # 29 years, 7 leap
    odd = [b"2023-02-29", b"1900-02-29", b"2024-04-31", b"2024-13-01", b"2024-00-10",
           b"2024-01-00", b"2024/01/01", b"2024-1-01 ", b"          ", b"2024-01-0\xff"]
    days = fixed_width_days(np.frombuffer(b"".join(odd + [b"2024-02-29"]),
                                          dtype=np.uint8).reshape(-1, 10))
    assert np.isnan(days[:-1]).all() and days[-1] == 19782
