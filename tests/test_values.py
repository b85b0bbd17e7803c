"""Tests for journey.values: coercion of raw spreadsheet columns into typed values."""

from __future__ import annotations

import datetime as dt
import decimal
import math

import numpy as np
import pandas as pd
import pytest

from journey.values import (parse_bool, parse_count, parse_dates, parse_money, parse_number,
                            parse_percent, parse_score, parse_text, to_sql_value)

NAN = math.nan


def col(*cells: object) -> pd.Series:
    """An object column as a spreadsheet reader gives it, on a non-default index."""
    return pd.Series(list(cells), dtype=object, index=range(100, 100 + len(cells)))


def one(parse, cell: object, **kwargs):
    """Parse a one-cell column: (value, bad)."""
    result = parse(col(cell), **kwargs)
    return result[0].iloc[0], bool(result[1].iloc[0])


def same(got: object, want: object) -> bool:
    if isinstance(want, float) and math.isnan(want):
        return isinstance(got, float) and math.isnan(got)
    if isinstance(want, float):
        return got == pytest.approx(want)
    return got == want and type(got) is type(want)


def assert_column(got: pd.Series, bad: pd.Series, want: list, want_bad: list, index) -> None:
    assert list(got.index) == list(index) and list(bad.index) == list(index)
    assert bad.dtype == bool
    assert [bool(b) for b in bad] == want_bad
    for g, w in zip(got.tolist(), want):
        assert same(g, w), (got.tolist(), want)


# ---------------------------------------------------------------------------------------
# parse_number
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, value, bad", [
    ("12", 12.0, False),
    ("  12  ", 12.0, False),
    ("-3.5", -3.5, False),
    ("+3", 3.0, False),
    (".5", 0.5, False),
    ("1e3", 1000.0, False),
    ("1,200.50", 1200.5, False),
    ("1.200,50", 1200.5, False),
    ("1,200,000", 1200000.0, False),
    ("1.200.000", 1200000.0, False),
    ("1 200", 1200.0, False),
    ("1\u00a0200,5", 1200.5, False),
    ("1'200", 1200.0, False),
    ("1,23,456", 123456.0, False),              # Indian grouping
    ("3,5", 3.5, False),
    ("0,500", 0.5, False),
    ("1,200", 1200.0, False),                  # ambiguous alone: thousands
    ("1.200", 1.2, False),                     # ambiguous alone: decimal point
    ("(50)", -50.0, False),
    ("( 1,200.50 )", -1200.5, False),
    ("50-", -50.0, False),
    ("- 5", -5.0, False),
    (42, 42.0, False),
    (2.25, 2.25, False),
    (np.int64(7), 7.0, False),
    (decimal.Decimal("1.5"), 1.5, False),
    ("12%", NAN, True),                        # percentages are not plain numbers
    ("$5", NAN, True),                         # nor is money
    ("1,2,3", NAN, True),
    ("12 34", NAN, True),
    ("1.2.3,4,5", NAN, True),
    ("abc", NAN, True),
    ("inf", NAN, True),
    ("1" * 400, NAN, True),                    # overflows to infinity
    (True, NAN, True),
    (dt.date(2017, 1, 1), NAN, True),
    ("", NAN, False),
    ("   ", NAN, False),
    (None, NAN, False),
    (NAN, NAN, False),
    ("n/a", NAN, False),
    ("N/A", NAN, False),
    ("#N/A", NAN, False),
    ("-", NAN, False),
])
def test_parse_number_cells(cell, value, bad):
    got, got_bad = one(parse_number, cell)
    assert same(got, value) and got_bad is bad


def test_parse_number_returns_float64_aligned():
    values, bad = parse_number(col("1", None, "x", 2))
    assert values.dtype == np.float64 and bad.dtype == bool
    assert_column(values, bad, [1.0, NAN, NAN, 2.0], [False, False, True, False], range(100, 104))


def test_decimal_comma_column_reads_ambiguous_cells_as_decimal_comma():
    values, bad = parse_number(col("3,5", "1,200", "1.200", "12"))
    assert values.tolist() == [3.5, 1.2, 1200.0, 12.0] and not bad.any()


def test_decimal_point_column_keeps_thousands_reading():
    values, _ = parse_number(col("3.5", "1,200", "1.200"))
    assert values.tolist() == [3.5, 1200.0, 1.2]


def test_mixed_style_column_falls_back_to_decimal_point():
    values, _ = parse_number(col("1,200.50", "1.200,50", "1,200", "1.200"))
    assert values.tolist() == [1200.5, 1200.5, 1200.0, 1.2]


# ---------------------------------------------------------------------------------------
# parse_money
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, value, bad", [
    ("$1,200.50", 1200.5, False),
    ("1.200,50 €", 1200.5, False),
    ("1.200,50€", 1200.5, False),
    ("€1.200,50", 1200.5, False),
    ("€ 3,5", 3.5, False),
    ("£12", 12.0, False),
    ("¥1,000", 1000.0, False),
    ("₹1,23,456", 123456.0, False),
    ("USD 1,000", 1000.0, False),
    ("1,000 usd", 1000.0, False),
    ("EUR 12,50", 12.5, False),
    ("US$ 3", 3.0, False),
    ("CHF 1'250.50", 1250.5, False),
    ("1 200,50 kr", 1200.5, False),
    ("-$5", -5.0, False),
    ("$-5", -5.0, False),
    ("-€ 5,25", -5.25, False),
    ("($50)", -50.0, False),
    ("$(50)", -50.0, False),
    ("(50 €)", -50.0, False),
    ("$50-", -50.0, False),
    ("1,200", 1200.0, False),
    ("3,5", 3.5, False),
    ("1200.5", 1200.5, False),
    (1200.5, 1200.5, False),
    (-7, -7.0, False),
    ("$", NAN, True),
    ("$ abc", NAN, True),
    ("12 apples", NAN, True),
    ("$5 $6", NAN, True),
    ("5%", NAN, True),
    ("=SUM(A1:A3)", NAN, True),
    ("<b>5</b>", NAN, True),
    ("", NAN, False),
    (None, NAN, False),
    ("n/a", NAN, False),
])
def test_parse_money_cells(cell, value, bad):
    got, got_bad = one(parse_money, cell)
    assert same(got, value) and got_bad is bad


def test_money_columns_in_both_decimal_styles():
    us, bad_us = parse_money(col("$1,200.50", "$1,200", "-$5", "$0.99"))
    eu, bad_eu = parse_money(col("1.200,50 €", "1.200 €", "-5 €", "0,99 €"))
    assert us.tolist() == eu.tolist() == [1200.5, 1200.0, -5.0, 0.99]
    assert not bad_us.any() and not bad_eu.any()


def test_money_decimal_comma_column_leaves_1_200_comma_empty_not_bad():
    """'1,200 €' beside '3,5 €' reads 1.2 by the column's style but 1,200 by its shape
    (money is rarely written to three decimals): left empty, not guessed (read_money)."""
    values, bad = parse_money(col("3,5 €", "1,200 €"))
    assert values.tolist()[0] == 3.5 and math.isnan(values.tolist()[1])
    assert not bad.any()


# ---------------------------------------------------------------------------------------
# parse_percent
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("cells, want", [
    (["45%"], [0.45]),
    (["45 %", "100%", "-5%"], [0.45, 1.0, -0.05]),
    (["12,5%"], [0.125]),
    (["45", "12"], [0.45, 0.12]),            # max > 1: whole percentages
    (["0.45", "0.5"], [0.45, 0.5]),          # max <= 1: already fractions
    ([45, 80.5], [0.45, 0.805]),
    ([0.45, 1], [0.45, 1.0]),
    (["45%", "0.3"], [0.45, 0.3]),           # the rule looks at cells without '%'
    (["45%", "30"], [0.45, 0.3]),
    ([None, "", "50"], [NAN, NAN, 0.5]),
])
def test_parse_percent_columns(cells, want):
    values, bad = parse_percent(col(*cells))
    assert not bad.any()
    assert all(same(g, w) for g, w in zip(values.tolist(), want)), values.tolist()


@pytest.mark.parametrize("cell", ["abc", "%", "45%%x", True, "$5"])
def test_parse_percent_bad(cell):
    assert one(parse_percent, cell) == (pytest.approx(NAN, nan_ok=True), True)


# ---------------------------------------------------------------------------------------
# parse_count and parse_score
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, value, bad", [
    ("3", 3.0, False),
    ("3.0", 3.0, False),
    (2, 2.0, False),
    (2.0, 2.0, False),
    ("0", 0.0, False),
    ("1,200", 1200.0, False),
    ("-1", NAN, True),
    (-1, NAN, True),
    ("2.5", NAN, True),                       # counts are whole
    ("three", NAN, True),
    ("", NAN, False),
    (None, NAN, False),
])
def test_parse_count_cells(cell, value, bad):
    got, got_bad = one(parse_count, cell)
    assert same(got, value) and got_bad is bad


@pytest.mark.parametrize("cell, low, high, value, bad", [
    ("0", 0, 10, 0.0, False),
    ("10", 0, 10, 10.0, False),
    (7, 0, 10, 7.0, False),
    ("9.5", 0, 10, 9.5, False),
    ("11", 0, 10, NAN, True),
    (-1, 0, 10, NAN, True),
    ("0", 1, 5, NAN, True),
    ("5", 1, 5, 5.0, False),
    ("6", 1, 5, NAN, True),
    ("great", 1, 5, NAN, True),
    (None, 1, 5, NAN, False),
])
def test_parse_score_cells(cell, low, high, value, bad):
    got, got_bad = one(parse_score, cell, low=low, high=high)
    assert same(got, value) and got_bad is bad


def test_parse_score_column():
    values, bad = parse_score(col("9", 10, "11", None, "x"), 0, 10)
    assert_column(values, bad, [9.0, 10.0, NAN, NAN, NAN], [False, False, True, False, True],
                  range(100, 105))


# ---------------------------------------------------------------------------------------
# parse_bool
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, value, bad", [
    ("yes", True, False), ("Yes ", True, False), ("YES", True, False), ("y", True, False),
    ("Y", True, False), ("true", True, False), ("TRUE", True, False), ("1", True, False),
    ("no", False, False), (" No", False, False), ("n", False, False), ("N", False, False),
    ("false", False, False), ("False", False, False), ("0", False, False),
    (True, True, False), (False, False, False), (np.bool_(True), True, False),
    (1, True, False), (0, False, False), (1.0, True, False),
    (2, None, True), ("maybe", None, True), ("yess", None, True),
    (dt.date(2017, 1, 1), None, True),
    ("", None, False), ("  ", None, False), (None, None, False), ("n/a", None, False),
])
def test_parse_bool_cells(cell, value, bad):
    got, got_bad = one(parse_bool, cell)
    assert got is value and got_bad is bad


def test_parse_bool_returns_object_series():
    values, bad = parse_bool(col("Yes", None, 0))
    assert values.dtype == object and values.tolist() == [True, None, False]
    assert not bad.any()


# ---------------------------------------------------------------------------------------
# parse_dates
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, want", [
    # date and datetime objects
    (dt.date(2017, 3, 1), "2017-03-01"),
    (dt.datetime(2017, 3, 1), "2017-03-01"),
    (dt.datetime(2017, 3, 1, 10, 0), "2017-03-01 10:00:00"),
    (dt.datetime(2017, 3, 1, 9, 59, 59, 999_000), "2017-03-01 10:00:00"),   # Excel float noise
    (pd.Timestamp("2017-03-01 10:30"), "2017-03-01 10:30:00"),
    (np.datetime64("2017-03-01"), "2017-03-01"),
    (dt.datetime(2017, 3, 1, 10, tzinfo=dt.timezone.utc), "2017-03-01 10:00:00"),
    # Excel serials (1900 system)
    (42794, "2017-02-28"),
    (42794.0, "2017-02-28"),
    (42794.5, "2017-02-28 12:00:00"),
    ("42794", "2017-02-28"),
    ("42794.75", "2017-02-28 18:00:00"),
    (1, "1900-01-01"),
    (59, "1900-02-28"),
    (61, "1900-03-01"),
    (2958465, "9999-12-31"),
    # ISO and year-first forms
    ("2017-03-01", "2017-03-01"),
    ("2017-3-1", "2017-03-01"),
    ("2017-03-01T10:00:00", "2017-03-01 10:00:00"),
    ("2017-03-01 10:00", "2017-03-01 10:00:00"),
    ("2017-03-01 00:00:00", "2017-03-01"),
    ("2017-03-01T10:00:00.123", "2017-03-01 10:00:00"),
    ("2017-03-01T10:00:00Z", "2017-03-01 10:00:00"),
    ("2017-03-01T10:00:00+02:00", "2017-03-01 10:00:00"),
    ("2017/03/01", "2017-03-01"),
    ("2018.02.26 19:58", "2018-02-26 19:58:00"),
    ("20170301", "2017-03-01"),
    # day/month forms (a lone ambiguous cell is day-first by default)
    ("25/12/2017", "2017-12-25"),
    ("25-12-2017", "2017-12-25"),
    ("25.12.2017", "2017-12-25"),
    ("25/12/17", "2017-12-25"),
    ("01/02/2017", "2017-02-01"),
    ("1/2/69", "1969-02-01"),
    ("1/2/68", "2068-02-01"),
    ("25/12/2017 14:30", "2017-12-25 14:30:00"),
    ("25/12/2017 2:30 PM", "2017-12-25 14:30:00"),
    ("25/12/2017 12:05 am", "2017-12-25 00:05:00"),
    ("12/25/2017", "2017-12-25"),
    # month names
    ("11-Feb-17", "2017-02-11"),
    ("11 Feb 2017", "2017-02-11"),
    ("11 February 2017", "2017-02-11"),
    ("11-feb-2017", "2017-02-11"),
    ("11th Feb 2017", "2017-02-11"),
    ("Feb 11, 2017", "2017-02-11"),
    ("February 11 2017", "2017-02-11"),
    ("Sept 3, 2019", "2019-09-03"),
    ("Sat, 11 Feb 2017", "2017-02-11"),
    ("Saturday, February 11, 2017", "2017-02-11"),
    ("11 Feb 2017 10:15", "2017-02-11 10:15:00"),
])
def test_parse_dates_forms(cell, want):
    assert one(parse_dates, cell) == (want, False)


@pytest.mark.parametrize("cell", [
    "31/02/2020",        # no 31st of February
    "2017-02-29",        # not a leap year
    "13/13/2020",        # month 13 either way
    "2017-13-01",
    "25/12/2017 25:00",
    "25/12/2017 13:00 pm",
    "11-Foo-17",
    "Foo 11 Feb 2017",
    "Feb 2017",
    "2017",              # a serial, but 1905 is fine... see test below
    60,                  # Excel's fake 1900-02-29
    0, -5, 2958466, 0.5,
    "abc", "<b>2017-03-01</b>", "=TODAY()", "x" * 10_000,
    True, dt.time(10, 0),
])
def test_parse_dates_bad(cell):
    got, bad = one(parse_dates, cell)
    if cell == "2017":
        assert (got, bad) == ("1905-07-09", False)     # numeric strings are serials
    else:
        assert (got, bad) == (None, True)


@pytest.mark.parametrize("cell", [None, "", "   ", NAN, pd.NaT, "n/a", "-"])
def test_parse_dates_empty_is_not_bad(cell):
    assert one(parse_dates, cell) == (None, False)


def test_leap_day_is_fine():
    assert one(parse_dates, "29/02/2016") == ("2016-02-29", False)


def test_day_over_12_in_first_part_makes_column_day_first():
    values, bad, day_first = parse_dates(col("01/02/2017", "13/02/2017", "05/06/2017"),
                                         day_first=False)
    assert day_first is True
    assert values.tolist() == ["2017-02-01", "2017-02-13", "2017-06-05"] and not bad.any()


def test_day_over_12_in_second_part_makes_column_month_first():
    values, bad, day_first = parse_dates(col("01/02/2017", "02/13/2017", "05/06/2017"),
                                         day_first=True)
    assert day_first is False
    assert values.tolist() == ["2017-01-02", "2017-02-13", "2017-05-06"] and not bad.any()


@pytest.mark.parametrize("setting, want, decision", [
    (None, "2017-02-01", True),              # default: day-first
    (True, "2017-02-01", True),
    (False, "2017-01-02", False),
])
def test_ambiguous_column_follows_setting(setting, want, decision):
    values, bad, day_first = parse_dates(col("01/02/2017", "03/04/2017"), day_first=setting)
    assert values.iloc[0] == want and day_first is decision and not bad.any()


def test_no_slash_dates_gives_no_decision():
    assert parse_dates(col("2017-03-01", 42794, None))[2] is None
    assert parse_dates(col(), day_first=True)[2] is None


def test_conflicting_evidence_majority_wins_and_minority_is_bad():
    values, bad, day_first = parse_dates(col("13/01/2017", "14/01/2017", "01/13/2017"))
    assert day_first is True
    assert values.tolist() == ["2017-01-13", "2017-01-14", None]
    assert bad.tolist() == [False, False, True]


def test_evidence_counts_rows_not_distinct_values():
    values, _, day_first = parse_dates(col("01/13/2017", "01/13/2017", "01/13/2017", "13/01/2017"))
    assert day_first is False
    assert values.tolist()[:3] == ["2017-01-13"] * 3


def test_mixed_type_date_column():
    cells = [dt.date(2017, 3, 1), 42794, "2017-03-01 10:00", "11-Feb-17", None, "junk", True]
    values, bad, day_first = parse_dates(col(*cells))
    assert_column(values, bad,
                  ["2017-03-01", "2017-02-28", "2017-03-01 10:00:00", "2017-02-11", None, None, None],
                  [False, False, False, False, False, True, True], range(100, 107))
    assert day_first is None


def test_datetime64_column():
    s = pd.Series(pd.to_datetime(["2017-03-01", None, "2017-03-01 10:00"], format="mixed"))
    values, bad, _ = parse_dates(s)
    assert values.tolist() == ["2017-03-01", None, "2017-03-01 10:00:00"] and not bad.any()


# ---------------------------------------------------------------------------------------
# parse_text
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, want", [
    ("  Acme Ltd  ", "Acme Ltd"),
    ("Acme", "Acme"),
    (42420.0, "42420"),
    (42420, "42420"),
    (-3.0, "-3"),
    (3.5, "3.5"),
    (0.1, "0.1"),
    (np.int64(12), "12"),
    (True, "TRUE"),
    (False, "FALSE"),
    (dt.date(2017, 3, 1), "2017-03-01"),
    (dt.datetime(2017, 3, 1, 10, 0), "2017-03-01 10:00:00"),
    (dt.time(10, 30), "10:30:00"),
    ("=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"),       # kept as written; escaping is the export's job
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("n/a", "n/a"),                                      # text keeps markers
    ("", None),
    ("   ", None),
    (None, None),
    (NAN, None),
])
def test_parse_text_cells(cell, want):
    assert one(parse_text, cell) == (want, False)


def test_parse_text_long_and_odd_values_never_bad():
    long = "x" * 10_000
    values, bad = parse_text(col(long, "\ud800oops", ["a"], {"k": 1}, decimal.Decimal("2.50")))
    assert values.iloc[0] == long
    assert values.iloc[1].endswith("oops")
    assert values.tolist()[2:] == ["['a']", "{'k': 1}", "2.5"]
    assert not bad.any()


# ---------------------------------------------------------------------------------------
# Robustness: every parser on hostile and unusual columns
# ---------------------------------------------------------------------------------------

PARSERS = {
    "number": parse_number, "money": parse_money, "percent": parse_percent,
    "count": parse_count, "score": lambda s: parse_score(s, 0, 10), "bool": parse_bool,
    "dates": lambda s: parse_dates(s)[:2], "text": parse_text,
}

HOSTILE = col("x" * 10_000, "<img src=x onerror=alert(1)>", "=SUM(A1)", "=cmd|' /C calc'!A0",
              "@SUM(1)", "\ud800", "\x00\x01", "１２３", "٣", "$" * 500, "(" * 300 + "1",
              "1" * 5000, "-" * 50, "1e999", "0x1F", "١٢", " ", None, NAN, pd.NA, pd.NaT,
              True, 3, 2.5, float("inf"), -0.0, decimal.Decimal("NaN"), 10**400,
              dt.date(2017, 1, 1), dt.time(1, 2), ["list"], {"a": 1}, object(), b"bytes",
              complex(1, 2))


@pytest.mark.parametrize("name", PARSERS)
def test_hostile_column_never_raises_and_stays_aligned(name):
    values, bad = PARSERS[name](HOSTILE)
    assert list(values.index) == list(HOSTILE.index) == list(bad.index)
    assert bad.dtype == bool
    empty = [i for i, v in enumerate(HOSTILE) if v is None or v is pd.NA or v is pd.NaT
             or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())]
    assert not bad.iloc[empty].any()
    if name != "text":
        assert bad.iloc[0] and bad.iloc[1] and bad.iloc[2]     # long, HTML, formula


@pytest.mark.parametrize("name", PARSERS)
@pytest.mark.parametrize("series", [
    pd.Series([], dtype=object),
    pd.Series([None, None], dtype=object),
    pd.Series([1.5, np.nan, 3.0]),
    pd.Series([1, 0, 1], dtype="int64"),
    pd.Series([1, None, 0], dtype="Int64"),
    pd.Series([True, False]),
    pd.Series([True, None], dtype="boolean"),
    pd.Series(["1", None, "yes"], dtype="str"),
    pd.Series(["1", None], dtype="string"),
    pd.Series(pd.to_datetime(["2017-01-01", None])),
    pd.Series(["1", "2"], index=["a", "a"], dtype=object),
], ids=["empty", "all-none", "float64", "int64", "Int64", "bool", "boolean", "str", "string",
        "datetime64", "duplicate-index"])
def test_any_dtype_is_accepted(name, series):
    values, bad = PARSERS[name](series)
    assert values.index.equals(series.index) and bad.index.equals(series.index)
    assert len(values) == len(bad) == len(series)


def test_numeric_dtype_columns_parse_directly():
    values, bad = parse_number(pd.Series([1.5, np.nan, 3.0]))
    assert values.tolist()[0] == 1.5 and math.isnan(values.tolist()[1]) and not bad.any()
    assert parse_bool(pd.Series([1, 0]))[0].tolist() == [True, False]
    assert parse_dates(pd.Series([42794, 42795]))[0].tolist() == ["2017-02-28", "2017-03-01"]


def test_mixed_type_number_column():
    values, bad = parse_number(col(1, 2.5, "3", " 4,5 ", None, "", True, dt.date(2017, 1, 1), "x"))
    assert_column(values, bad, [1.0, 2.5, 3.0, 4.5, NAN, NAN, NAN, NAN, NAN],
                  [False] * 6 + [True] * 3, range(100, 109))


# ---------------------------------------------------------------------------------------
# to_sql_value
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, want", [
    (None, None), (NAN, None), (np.nan, None), (np.float64("nan"), None), (pd.NA, None),
    (pd.NaT, None), (np.datetime64("NaT"), None),
    (np.int64(3), 3), (np.int32(3), 3), (np.float64(2.5), 2.5), (np.float32(0.5), 0.5),
    (np.bool_(True), True), (3, 3), (2.5, 2.5), ("text", "text"), (True, True),
    ("", ""), (b"x", b"x"),
])
def test_to_sql_value(value, want):
    got = to_sql_value(value)
    assert got == want and type(got) is type(want)


def test_to_sql_value_leaves_other_objects_alone():
    day = dt.date(2017, 1, 1)
    items = ["a"]
    assert to_sql_value(day) is day and to_sql_value(items) is items


def test_parse_text_keeps_numbers_floats_cannot_hold():
    values, bad = parse_text(col(10**20 + 1, float("inf")))
    assert values.tolist() == [str(10**20 + 1), "inf"] and not bad.any()


@pytest.mark.parametrize("cell, want, bad", [
    (20170301, "2017-03-01", False),             # YYYYMMDD stored as a number
    ("20170301", "2017-03-01", False),
    ("20171301", None, True),
    ("Sat 11th March 2017 10:15 pm", "2017-03-11 22:15:00", False),
    ("saturday, february 11, 2017", "2017-02-11", False),
    ("1st Jan 2020", "2020-01-01", False),
    ("Jan 2nd, 2020", "2020-01-02", False),
    ("2017-03-01 10:00:00 +0100", "2017-03-01 10:00:00", False),
    ("2017-03-01T25:00:00Z", None, True),
    ("2017-03-01T10:00:00.5+01:00", "2017-03-01 10:00:00", False),
    ("0001-01-01", "0001-01-01", False),         # outside pandas' nanosecond range
    ("9999-12-31 23:59:59", "9999-12-31 23:59:59", False),
])
def test_parse_dates_more_forms(cell, want, bad):
    assert one(parse_dates, cell) == (want, bad)


def test_repeated_date_strings_parse_once_and_map_back():
    cells = ["01/02/2017", "13/02/2017", None, "01/02/2017"] * 50
    values, bad, day_first = parse_dates(col(*cells))
    assert day_first is True and not bad.any()
    assert values.tolist()[:4] == ["2017-02-01", "2017-02-13", None, "2017-02-01"]
    assert values.tolist() == values.tolist()[:4] * 50


def test_am_and_pm_are_read_from_the_suffix_not_the_month():
    """April and September hold a "p": 9:00 AM stays morning (it read as 21:00)."""
    cells = pd.Series(["Sep 30, 2024 9:00 AM", "April 2, 2024 9:00am", "Apr 2, 2024 11:30 AM",
                       "September 6, 2024 12:15am", "Sep 6, 2024 12:15 PM",
                       "Apr 2, 2024 1:05 p.m."], dtype=object)
    assert parse_dates(cells)[0].tolist() == [
        "2024-09-30 09:00:00", "2024-04-02 09:00:00", "2024-04-02 11:30:00",
        "2024-09-06 00:15:00", "2024-09-06 12:15:00", "2024-04-02 13:05:00"]


def test_a_time_zone_named_after_the_time_is_dropped():
    """Recurly's "UTC", an e-mail's "GMT", a US export's "PDT": the time as written, as an
    ISO offset is."""
    cells = pd.Series(["2024-03-31 23:30:00 UTC", "Mon, 4 Mar 2024 10:00:00 GMT",
                       "2024-03-01 10:00:00 UTC+01:00", "Sep 30, 2024 9:00 AM PDT"],
                      dtype=object)
    parsed, bad, _ = parse_dates(cells)
    assert parsed.tolist() == ["2024-03-31 23:30:00", "2024-03-04 10:00:00",
                               "2024-03-01 10:00:00", "2024-09-30 09:00:00"]
    assert not bad.any()
