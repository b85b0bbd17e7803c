"""Signs of misalignment: each sign green, amber, red and unknown in workspaces built here,
the period comparison on hand-worked numbers, thresholds, keyword classes and
self-assessments, the real datasets, the demo and the command line.

Every workspace is built through the real import (CSV text below). Each has an anchor
contact on 2024-12-31, so with no period chosen the period is 2024-01-01 to 2024-12-31 and
the previous period 2023-01-01 to 2023-12-31.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from conftest import csv_bytes, dump
from journey import figures, signs
from journey.__main__ import main
from journey.errors import ValidationError
from journey.filters import Filters
from journey.ingest import import_file
from journey.signs import SIGN_KEYS, compute_signs, resolve_period, sign_evidence
from journey.stages import RANK
from journey.workspace import open_memory_workspace, open_workspace

EVENT_HEADER = "Client ID,Date,Kind,Stage,Reason,Department,Order ID"
ANCHOR = "anchor,2024-12-31,contact,,,,"


def build(events: list[str], clients: list[str] | None = None, db=None):
    """A workspace from event rows (``EVENT_HEADER`` columns) and optional client rows
    (``Client ID,Name,Status[,Persona]``), plus the anchor contact."""
    db = db or open_memory_workspace()
    if clients:
        header = "Client ID,Name,Status,Persona" if clients[0].count(",") == 3 \
            else "Client ID,Name,Status"
        import_file(db, "clients.csv", csv_bytes("\n".join([header, *clients])),
                    kind="clients")
    import_file(db, "events.csv", csv_bytes("\n".join([EVENT_HEADER, ANCHOR, *events])),
                kind="events")
    return db


def rows(n: int, template: str, start: int = 0) -> list[str]:
    """``n`` rows from a template with ``{i}`` (a running number) and ``{m}`` (a month 01-12)."""
    return [template.format(i=i, m=f"{i % 12 + 1:02d}") for i in range(start, start + n)]


def sign(db, key: str, filters: Filters = Filters()):
    return compute_signs(db, filters).by_key(key)


# --- the period --------------------------------------------------------------------------

def test_no_period_chosen_means_the_last_12_months_up_to_the_latest_date():
    db = build([])
    period = resolve_period(db)
    assert (period.start, period.end) == ("2024-01-01", "2024-12-31")
    assert (period.previous_start, period.previous_end) == ("2023-01-01", "2023-12-31")
    assert "last 12 months" in period.note and "2024-12-31" in period.note


def test_dates_after_today_are_planned_and_the_period_ends_before_them(monkeypatch):
    """A booking for next year (or a date typed 2042) is no reason to measure a year that
    has not happened: the period ends on the latest date that is not after today, and says
    why."""
    from journey import values

    monkeypatch.setattr(values, "today", lambda: dt.date(2024, 6, 30))
    db = build(["A,2025-03-01,purchase,,,,", "B,2024-05-01,purchase,,,,"])
    period = resolve_period(db)
    # (the anchor's 2024-12-31 and A's 2025-03-01 are after today; B's 2024-05-01 is not)
    assert (period.start, period.end) == ("2023-05-02", "2024-05-01")
    assert period.note.endswith("Dates after today (up to 2025-03-01) are of things planned, "
                                "not done yet, or typed wrong.")
    monkeypatch.setattr(values, "today", lambda: dt.date(2025, 6, 30))
    assert resolve_period(db).end == "2025-03-01"        # (not after today: as before)


def test_a_chosen_period_is_compared_with_the_same_length_before():
    db = build([])
    period = resolve_period(db, Filters(date_from="2024-04-01", date_to="2024-06-30"))
    # 91 days (April to June) back from 2024-03-31: January to March of a leap year.
    assert (period.previous_start, period.previous_end) == ("2024-01-01", "2024-03-31")
    assert "chosen in the sidebar" in period.note


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValidationError, match="starts"):
        resolve_period(build([]), Filters(date_from="2024-06-01", date_to="2024-01-01"))


def test_a_workspace_without_dates_is_a_snapshot():
    db = open_memory_workspace()
    import_file(db, "c.csv", csv_bytes("Client ID,Name,Stage,Status\nA,Ann,Customer,active\n"),
                kind="clients")
    report = compute_signs(db)
    assert report.period.snapshot and "no dates" in report.period.note
    assert all(s.trend.empty and s.previous is None for s in report.signs)


# --- the period comparison on hand-worked numbers -----------------------------------------

def hand_worked(leads: bool = True):
    """2024: 3 won and 9 lost deals, 6 internal complaints; 2023: 1 won, 1 lost, 3 internal.
    With ``leads``, the lost deals' stage says they were leads (awareness)."""
    lost = "l{i},2024-{m}-12,lost,awareness,,," if leads else "l{i},2024-{m}-12,lost,,,,"
    events = (rows(3, "w{i},2024-{m}-10,won,,,,") + rows(9, lost)
              + ["w9,2023-05-01,won,,,,", "l9,2023-06-01,lost,,,,"]
              + rows(6, ",2024-{m}-05,internal_complaint,,Promised dates,operations,")
              + rows(3, ",2023-{m}-05,internal_complaint,,Promised dates,sales,"))
    return build(events)


def test_win_rate_this_period_and_the_previous_one():
    s = sign(hand_worked(), "low_win_rate")
    assert (s.value, s.previous, s.change_pct) == (25.0, 50.0, -50.0)
    assert s.parts["won"] == 3 and s.parts["lost"] == 9
    assert s.status == "amber"                    # 25% is below 30% but not below 20%
    assert s.evidence_count == 12
    assert "3 won ÷ (3 won + 9 lost) = 25.0%." in s.working[1]
    assert "1 won ÷ (1 won + 1 lost) = 50.0%." in s.working[2]


def test_win_rate_trend_month_by_month():
    s = sign(hand_worked(), "low_win_rate")
    trend = dict(zip(s.trend["month"], s.trend["value"]))
    assert list(trend) == [f"2024-{m:02d}" for m in range(1, 13)]
    # won in months 1-3, lost in months 1-9: January is 1 ÷ (1 + 1), April 0 ÷ 1.
    assert trend["2024-01"] == 50.0 and trend["2024-04"] == 0.0
    assert pd.isna(trend["2024-10"])               # no deals closed in October


def test_internal_complaints_per_month_and_their_change():
    s = sign(hand_worked(), "interdepartmental_complaints")
    # 6 in 366 days (2024 is a leap year) against 3 in 365 days.
    assert s.value == pytest.approx(6 / (366 / (365.25 / 12)))         # exact, not rounded
    assert s.previous == pytest.approx(3 / (365 / (365.25 / 12)))
    assert s.change_pct == pytest.approx(100 * (6 / 366 - 3 / 365) / (3 / 365))
    assert s.status == "red"                      # up about 99%: red from a 50% rise
    assert s.departments == ("operations",)       # who raised them in the period


# --- each sign green, amber, red and unknown ----------------------------------------------

def interdepartmental(count: int):
    return (rows(10, ",2023-{m}-03,internal_complaint,,Late handover,operations,")
            + rows(count, ",2024-{m}-03,internal_complaint,,Late handover,operations,"))


def uneducated(matched: int):
    reasons = ["Didn't understand what's included"] * matched + ["Too expensive"] * (20 - matched)
    return [f"u{i},2024-03-{i + 1:02d},lost,consideration,{reason},,"
            for i, reason in enumerate(reasons)]


def objections(count: int):
    considered = rows(10, "o{i},2024-02-{i:02d},stage_change,consideration,,,", start=1)
    return considered + [f"o{i % 10 + 1},2024-03-{i % 28 + 1:02d},objection,,Price,,"
                         for i in range(count)]


def win_rate(won: int, lost: int):
    return rows(won, "w{i},2024-{m}-10,won,,,,") + rows(lost, "l{i},2024-{m}-12,lost,,,,")


def complaints(count: int):
    active = rows(40, "k{i},2024-{m}-02,contact,,,,")
    return (["k0,2023-06-01,complaint,,Late,,"] + active
            + rows(count, "k{i},2024-{m}-20,complaint,,Late,,"))


def refunds(count: int):
    before = (rows(20, "b{i},2023-{m}-04,purchase,,,,B{i}")
              + rows(2, "b{i},2023-{m}-20,refund,,Damaged,,B{i}"))
    now = (rows(40, "n{i},2024-{m}-04,purchase,,,,N{i}")
           + rows(count, "n{i},2024-{m}-20,refund,,Damaged,,N{i}"))
    return before + now


def retention(left: int):
    events = rows(10, "r{i},2023-03-{m},purchase,,,,R{i}") + rows(10, "r{i},2024-05-{m},contact,,,,")
    clients = [f"r{i},Client {i},{'churned' if i < left else 'active'}" for i in range(10)]
    return events, clients


def repeat(repeaters: int):
    before = rows(10, "p{i},2023-02-{m},purchase,,,,") + rows(5, "p{i},2023-09-{m},purchase,,,,")
    now = rows(10, "q{i},2024-02-{m},purchase,,,,") + rows(repeaters, "q{i},2024-09-{m},purchase,,,,")
    return before + now


CASES = {   # sign: {status: (events, clients)}
    "interdepartmental_complaints": {"green": (interdepartmental(10), None),
                                     "amber": (interdepartmental(12), None),
                                     "red": (interdepartmental(20), None)},
    "uneducated_leads": {"green": (uneducated(1), None), "amber": (uneducated(3), None),
                         "red": (uneducated(10), None)},
    "purchase_objections": {"green": (objections(2), None), "amber": (objections(6), None),
                            "red": (objections(12), None)},
    "low_win_rate": {"green": (win_rate(5, 5), None), "amber": (win_rate(1, 3), None),
                     "red": (win_rate(1, 9), None)},
    "high_complaints": {"green": (complaints(1), None), "amber": (complaints(3), None),
                        "red": (complaints(6), None)},
    "refunds_cancellations_up": {"green": (refunds(4), None), "amber": (refunds(5), None),
                                 "red": (refunds(8), None)},
    "low_retention": {"green": retention(1), "amber": retention(2), "red": retention(3)},
    "repeat_business_down": {"green": (repeat(5), None), "amber": (repeat(4), None),
                             "red": (repeat(2), None)},
}
EXPECTED_VALUES = {   # (green, amber, red) values, worked by hand
    "interdepartmental_complaints": (10 / (366 / (365.25 / 12)),
                                     12 / (366 / (365.25 / 12)),
                                     20 / (366 / (365.25 / 12))),
    "uneducated_leads": (5.0, 15.0, 50.0),
    "purchase_objections": (20.0, 60.0, 120.0),
    "low_win_rate": (50.0, 25.0, 10.0),
    "high_complaints": (100 / 41, 300 / 41, 600 / 41),
    "refunds_cancellations_up": (10.0, 12.5, 20.0),
    "low_retention": (90.0, 80.0, 70.0),
    "repeat_business_down": (50.0, 40.0, 20.0),
}


@pytest.mark.parametrize("key", SIGN_KEYS)
@pytest.mark.parametrize("status", ["green", "amber", "red"])
def test_each_sign_green_amber_and_red(key, status):
    events, clients = CASES[key][status]
    s = sign(build(events, clients), key)
    assert (s.status, s.measured) == (status, True), s.working
    assert s.value == pytest.approx(EXPECTED_VALUES[key][("green", "amber", "red").index(status)])
    assert s.missing is None and s.assessment is None
    assert status in ("green", "amber", "red") and s.next_step


@pytest.mark.parametrize("key", SIGN_KEYS)
def test_each_sign_unknown_without_its_data(key):
    db = build(rows(5, "x{i},2024-{m}-02,contact,,,,"))
    s = sign(db, key)
    assert (s.status, s.measured, s.value) == ("unknown", False, None)
    assert "would be measured by" in s.missing
    assert s.next_step.startswith("Measure it first")


def test_the_complaint_rate_counts_the_active_clients_of_the_period():
    s = sign(build(complaints(3)), "high_complaints")
    # 40 clients with a contact in 2024, and the anchor: 41 active; k0's 2023 complaint and
    # k1, k2's 2024 complaints belong to clients already counted.
    assert s.parts == {"complaints": 3, "active": 41}
    # 3 / 41 x 100 = 7.3: written as its label reads, per 100 active clients, on the page's
    # "Fix first" line and the command line as on the card (not "7.3%").
    assert s.figure(s.value) == "7.3 per 100"
    assert s.headline.startswith("7.3 per 100, down ")


def test_retention_counts_customers_at_the_start_and_the_end():
    events, clients = retention(3)
    s = sign(build(events, clients), "low_retention")
    assert s.parts == {"start": 10, "new": 0, "end": 7, "left": 3,
                       "new_left": 0}


def test_customers_last_seen_long_ago_still_count_until_they_leave():
    events, clients = retention(3)
    events += ["old,2021-06-01,purchase,,,,O1", "gone,2021-06-01,purchase,,,,G1"]
    clients += ["old,Old Client,active", "gone,Gone Client,churned"]
    s = sign(build(events, clients), "low_retention")
    # "old" bought in 2021 and never left: a customer at the start and at the end of 2024
    # (and of 2023); "gone" churned in 2021, before either period.
    assert s.parts == {"start": 11, "new": 0, "end": 8, "left": 3,
                       "new_left": 0}
    assert s.value == pytest.approx(100 * 8 / 11)


def test_dates_with_a_time_of_day_count_by_their_day():
    timed = [row.replace("-20,", "-20 16:45,").replace("-02,", "-02 09:00,")
             for row in complaints(3)]
    assert sign(build(timed), "high_complaints").parts == \
        sign(build(complaints(3)), "high_complaints").parts == {"complaints": 3, "active": 41}
    events, clients = retention(3)
    timed = [row.replace(",purchase", " 08:15,purchase") for row in events]
    assert sign(build(timed, clients), "low_retention").value == 70.0


def test_client_days_are_read_from_their_index():
    """The clients' dates come from the expression index of m005_signs_indexes, which
    only works while the query's text and the index's are the same."""
    db = build(complaints(3))
    plan = db.execute(f"EXPLAIN QUERY PLAN SELECT group_concat({signs.CLIENT_DAYS}, '') "
                      f"FROM clients c WHERE {signs.CLIENT_DAYS} >= ' ' AND 1").fetchall()
    assert "clients_signs_days" in str(plan)


def test_repeat_business_is_judged_on_its_fall():
    s = sign(build(repeat(4)), "repeat_business_down")
    assert (s.value, s.previous, s.change_pct) == (40.0, 50.0, -20.0)
    assert "fall of 10%" in s.rule


# --- client-level counts and undated returns ---------------------------------------------

def test_a_complaints_column_counts_when_there_are_no_complaint_events():
    db = open_memory_workspace()
    tracker = ["Client ID,Name,Last contact,Complaints"] + [
        f"t{i},Client {i},2024-0{i % 9 + 1}-15,{1 if i < 3 else 0}" for i in range(20)]
    import_file(db, "tracker.csv", csv_bytes("\n".join(tracker)), kind="clients")
    build(rows(20, "t{i},2024-{m}-02,contact,,,,"), db=db)
    s = sign(db, "high_complaints")
    assert (s.parts, s.basis) == ({"complaints": 3, "active": 21}, "column")
    assert any("client tracker's columns" in line for line in s.working)
    evidence = sign_evidence(db, "high_complaints")
    assert evidence["events"].empty
    assert sorted(evidence["clients"]["client_id"]) == ["t0", "t1", "t2"]


def test_complaint_events_win_over_the_column():
    db = open_memory_workspace()
    import_file(db, "tracker.csv", csv_bytes("Client ID,Name,Last contact,Complaints\n"
                                             "a,Ann,2024-03-01,5\n"), kind="clients")
    build(["a,2024-03-01,complaint,,Late,,"], db=db)
    assert sign(db, "high_complaints").parts["complaints"] == 1


def test_undated_returns_take_their_orders_date():
    db = build(rows(10, "n{i},2024-{m}-04,purchase,,,,N{i}") + rows(2, "n{i},2023-03-04,purchase,,,,M{i}"))
    import_file(db, "returns.csv", csv_bytes("Order ID,Returned\nN1,Yes\nN2,Yes\nM0,Yes\n"),
                kind="events", set_values={"kind": "refund"})
    s = sign(db, "refunds_cancellations_up")
    assert (s.parts["refunds"], s.parts["purchases"]) == (2, 10)
    assert s.previous == 50.0                     # M0 refunds one of the two 2023 orders
    events = sign_evidence(db, "refunds_cancellations_up")["events"]
    assert sorted(events["order_id"]) == ["N1", "N2"]
    assert set(events["date"]) == {"2024-02-04", "2024-03-04"}


# --- filters ---------------------------------------------------------------------------------

def test_persona_filter_restricts_clients_and_their_events():
    clients = ([f"w{i},Won {i},active,Olivia" for i in range(3)]
               + [f"l{i},Lost {i},lost,Hugo" for i in range(9)])
    db = build(win_rate(3, 9) + [",2024-05-05,internal_complaint,,Late,sales,"], clients)
    olivia = Filters(persona=("Olivia",))
    assert sign(db, "low_win_rate", olivia).parts["lost"] == 0
    assert sign(db, "low_win_rate", olivia).value == 100.0
    assert sign(db, "low_win_rate").value == 25.0
    # An internal complaint that belongs to no client counts only when no client filter is set.
    assert sign(db, "interdepartmental_complaints").parts["complaints"] == 1
    assert sign(db, "interdepartmental_complaints", olivia).parts["complaints"] == 0


# --- thresholds, keyword classes, self-assessments --------------------------------------------

def test_changed_thresholds_change_the_status_and_are_kept():
    db = hand_worked()
    assert sign(db, "low_win_rate").status == "amber"
    signs.set_thresholds(db, {"low_win_rate": {"red": 26, "amber": 40}})
    assert signs.get_thresholds(db)["low_win_rate"] == {"amber": 40.0, "red": 26.0}
    s = sign(db, "low_win_rate")
    assert s.status == "red" and "red below 26%" in s.rule
    signs.reset_thresholds(db, "low_win_rate")
    assert sign(db, "low_win_rate").status == "amber"


@pytest.mark.parametrize("changes, message", [
    ({"low_win_rate": {"red": -1}}, "0 or more"),
    ({"low_win_rate": {"red": "lots"}}, "not 'lots'"),
    ({"low_win_rate": {"red": 40, "amber": 30}}, "below the amber threshold"),
    ({"high_complaints": {"amber": 20}}, "above the amber threshold"),
    ({"low_win_rate": {"purple": 3}}, "not a threshold"),
    ({"no_such_sign": {"red": 3}}, "not a sign"),
])
def test_bad_thresholds_are_refused_and_nothing_changes(changes, message):
    db = hand_worked()
    signs.set_thresholds(db, {"high_complaints": {"amber": 6}})
    before = dump(db)
    with pytest.raises(ValidationError, match=message):
        signs.set_thresholds(db, {"low_retention": {"red": 70}, **changes})
    assert dump(db) == before


def test_keyword_classes_are_the_workspaces_to_edit():
    db = build(uneducated(3))
    assert sign(db, "uneducated_leads").value == 15.0
    signs.set_keyword_classes(db, {"price": ["too expensive"]})
    assert sign(db, "uneducated_leads").value == 85.0
    events = sign_evidence(db, "uneducated_leads")["events"]
    assert (events["did_not_understand"] == "price").sum() == 17
    with pytest.raises(ValidationError, match="at least one keyword"):
        signs.set_keyword_classes(db, {"price": [" "]})
    signs.set_keyword_classes(db, None)
    assert sign(db, "uneducated_leads").value == 15.0


def test_a_self_assessment_is_shown_as_assessed_never_as_measured():
    db = build(rows(3, "x{i},2024-{m}-02,contact,,,,"))
    saved = signs.save_self_assessment(db, "low_retention", 2, "Regulars drift away",
                                       today=pd.Timestamp("2024-12-01").date())
    assert saved == {"score": 2, "note": "Regulars drift away", "assessed_on": "2024-12-01"}
    report = compute_signs(db)
    s = report.by_key("low_retention")
    assert (s.status, s.measured, s.value) == ("unknown", False, None)
    assert s.assessment["score"] == 2
    row = report.score.working.set_index("sign").loc[s.title]
    assert (row["status"], row["basis"], row["points"]) == ("assessed 2/5", "assessed", 25)
    # The only sign with points, and no measured sign: too little for a score (a
    # self-assessment among measured signs counts: test_honest_figures).
    assert (report.score.value, report.score.measured, report.score.rests_on) == (None, 0, 1)
    assert report.score.sentence.startswith("No sign is measured from your data")


def test_a_measured_sign_ignores_an_old_self_assessment():
    db = hand_worked()
    signs.save_self_assessment(db, "low_win_rate", 5, "We win most deals")
    s = sign(db, "low_win_rate")
    assert s.measured and s.assessment is None and s.status == "amber"


@pytest.mark.parametrize("score", [0, 6, 2.5, "three", None, True])
def test_bad_self_assessments_are_refused(score):
    db = build([])
    before = dump(db)
    with pytest.raises(ValidationError, match="1 to 5"):
        signs.save_self_assessment(db, "low_retention", score, "")
    assert dump(db) == before


def test_deals_that_state_no_stage_say_nothing_of_leads():
    """Won and lost deals alone (an order list's cancelled orders too) leave some clients
    at awareness, but no stage says they were leads: the conversion is unknown."""
    s = sign(hand_worked(leads=False), "uneducated_leads")
    assert (s.status, s.measured, s.value) == ("unknown", False, None)
    assert "do not tell leads from clients who considered buying" in s.missing


def test_lost_deals_without_reasons_fall_back_on_the_conversion():
    s = sign(hand_worked(), "uneducated_leads")
    # No reasons; 13 clients arrived in 2024 (12 deals and the anchor), the 3 who won went
    # past awareness: 3 ÷ 13, red below 30%.
    assert (s.basis, s.parts["converted"], s.parts["arrived"]) == ("conversion", 3, 13)
    assert (s.value, s.status) == (pytest.approx(300 / 13), "red")
    assert s.value_label == "awareness → consideration conversion"


def test_the_alignment_score_shows_its_working():
    report = compute_signs(hand_worked())
    # Three measured signs: internal complaints (red, 0), the conversion (red, 0) and the win
    # rate (amber, 50). Repeat business is unknown (won deals, nobody bought twice: no
    # evidence of repeat business, not a rate of 0%), and three signs are too few for a score.
    working = report.score.working
    assert list(working.loc[working["basis"] == "measured", "points"]) == [0, 0, 50]
    assert (working["basis"] == "left out").sum() == 5
    assert report.score.value is None and report.score.label == ""
    assert report.score.sentence.startswith("Only 3 of 8 signs are measured from your data")
    # One client who bought on two days measures repeat business: 1 of the 4 buyers of
    # 2024 (the three won deals and this client), 25%: amber, a fourth measured sign.
    db = build(["z1,2024-01-03,purchase,,,,", "z1,2024-06-03,purchase,,,,"], db=hand_worked())
    score = compute_signs(db).score
    assert (score.value, score.measured, score.rests_on) == (25.0, 4, 4)
    assert score.label == "25/100, from 4 of 8 signs"
    assert score.sentence.startswith("(0 + 0 + 50 + 50) ÷ 4 = 25 out of 100, from 4 of 8 "
                                     "signs: 4 measured; 4 unknown signs left out.")


def test_red_first():
    report = compute_signs(hand_worked())
    order = [(s.status, s.key) for s in report.red_first()]
    # Within red, furthest beyond the red threshold first: internal complaints up 99% (red
    # from 50%: 1.98 times), the conversion 23.1% (red below 30%: 1.3 times). Repeat
    # business is unknown: nobody bought twice anywhere in the data.
    assert order[:3] == [("red", "interdepartmental_complaints"), ("red", "uneducated_leads"),
                         ("amber", "low_win_rate")]
    assert {status for status, _ in order[3:]} == {"unknown"}
    assert report.by_key("interdepartmental_complaints").severity == pytest.approx(
        (6 / 366 - 3 / 365) / (3 / 365) * 100 / 50)
    assert report.by_key("interdepartmental_complaints").headline == \
        "0.5 a month, up 99% on the previous period"


# --- the catalogue: one class per sign ------------------------------------------------------

def test_the_catalogue_registers_the_eight_signs_of_the_contract():
    assert SIGN_KEYS == ("interdepartmental_complaints", "uneducated_leads",
                         "purchase_objections", "low_win_rate", "high_complaints",
                         "refunds_cancellations_up", "low_retention", "repeat_business_down")
    assert [sign.key for sign in signs.SIGNS] == list(SIGN_KEYS)
    assert len({type(sign) for sign in signs.SIGNS}) == 8
    assert signs.sign_by_key("low_win_rate") is signs.SIGNS[3]
    with pytest.raises(ValidationError, match="not a sign; the signs are interdepartmental"):
        signs.sign_by_key("nps")


@pytest.mark.parametrize("sign", signs.SIGNS, ids=SIGN_KEYS)
def test_each_sign_class_declares_its_definition(sign):
    for name in ("key", "title", "definition", "value_label", "unit", "source",
                 "measured_by", "next_step"):
        assert isinstance(getattr(sign, name), str) and getattr(sign, name), name
    assert sign.unit in ("%", "per month", "per 100 clients")
    assert sign.judged_on in ("level", "change") and sign.better in ("higher", "lower")
    assert sign.stages and all(stage in RANK for stage in sign.stages)
    assert sign.departments
    assert {"amber", "red"} <= set(sign.default_thresholds)
    assert ("level_amber" in sign.default_thresholds) == (sign.judged_on == "change")
    # Every threshold has a label and a unit, and the defaults pass the sign's own check.
    assert signs.check_thresholds(sign.key, sign.default_thresholds) == \
        sign.default_thresholds
    for name in sign.default_thresholds:
        assert name in signs.THRESHOLD_LABELS and sign.threshold_unit(name)
    # Its own methods measure it: the base class leaves only the defaults.
    assert type(sign).measure is not signs.Sign.measure
    assert type(sign).arithmetic is not signs.Sign.arithmetic


# --- real datasets ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def crm(datasets):
    db = open_memory_workspace()
    path = datasets / "maven_crm_sales_pipeline.csv"
    import_file(db, path.name, path.read_bytes())
    yield db
    db.close()


def test_maven_crm_win_rate(crm):
    s = sign(crm, "low_win_rate")
    assert (s.parts["won"], s.parts["lost"]) == (4238, 2473)
    assert s.value == pytest.approx(100 * 4238 / (4238 + 2473))        # 63.150...
    assert s.figure(s.value) == "63.2%"
    assert s.status == "green"


@pytest.fixture(scope="module")
def telecom(datasets):
    db = open_memory_workspace()
    path = datasets / "maven_telecom_customer_churn.csv"
    import_file(db, path.name, path.read_bytes())
    frame = pd.read_csv(path, encoding="utf-8-sig")
    frame.columns = frame.columns.str.strip()
    yield db, frame
    db.close()


def test_telecom_retention_matches_pandas(telecom):
    db, frame = telecom
    status = frame["Customerstatus"]
    stayed, churned, joined = ((status == s).sum() for s in ("Stayed", "Churned", "Joined"))
    s = sign(db, "low_retention")
    assert s.parts == {"start": stayed + churned, "new": joined, "end": stayed + joined,
                       "left": churned, "new_left": 0}       # no dates: none new and gone
    assert s.value == pytest.approx(100 * stayed / (stayed + churned))
    assert s.status == "red"                      # 71.6%, below 75%


def test_telecom_refunds_match_pandas(telecom):
    db, frame = telecom
    s = sign(db, "refunds_cancellations_up")
    refunded = int((frame["Totalrefunds"] > 0).sum())
    assert (s.parts["refunds"], s.parts["purchases"]) == (refunded, len(frame))
    assert s.value == pytest.approx(100 * refunded / len(frame))
    assert any("holds amounts" in line for line in s.working)


# --- the demo ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_db(demo_file):
    db = open_workspace(demo_file, create=False)
    yield db
    db.close()


def test_the_demo_shows_at_least_two_red_signs(demo_db):
    report = compute_signs(demo_db)
    red = {s.key for s in report.signs if s.status == "red"}
    assert len(red) >= 2
    assert {"low_win_rate", "refunds_cancellations_up", "interdepartmental_complaints",
            "repeat_business_down"} <= red
    assert all(s.measured for s in report.signs)
    assert all(len(s.trend) == 12 for s in report.signs)


def test_demo_evidence_is_the_figure(demo_db):
    s = sign(demo_db, "low_win_rate")
    evidence = sign_evidence(demo_db, "low_win_rate")
    assert len(evidence["events"]) == s.evidence_count == s.parts["won"] + s.parts["lost"]
    assert set(evidence["events"]["kind"]) == {"won", "lost"}
    assert evidence["events"]["date"].between("2025-11-01", "2026-10-31").all()
    assert evidence["clients"]["events_in_period"].sum() == s.evidence_count


def test_demo_next_steps_name_the_top_reason(demo_db):
    s = sign(demo_db, "uneducated_leads")
    assert s.stages == ("awareness", "consideration")
    assert s.next_step.startswith("Fix this first. Awareness and consideration content")
    assert "understand" in s.next_step or "pricing" in s.next_step.lower()


def test_demo_trend_charts_draw_the_thresholds_a_month_compares_with(demo_db):
    # Level signs draw amber then red; signs judged on their change, and the uneducated
    # leads (a month's point is the share or the conversion), draw none.
    report = compute_signs(demo_db)
    drawn = {s.key: [line.y0 for line in figures.trend_figure(s).layout.shapes]
             for s in report.signs}
    assert drawn == {"interdepartmental_complaints": [], "uneducated_leads": [],
                     "purchase_objections": [50.0, 100.0], "low_win_rate": [30.0, 20.0],
                     "high_complaints": [5.0, 10.0], "refunds_cancellations_up": [],
                     "low_retention": [85.0, 75.0], "repeat_business_down": []}


# --- the command line -------------------------------------------------------------------------

def test_cli_json_follows_the_contract(tmp_path, capsys):
    path = tmp_path / "shop.db"
    build(win_rate(1, 9), db=open_workspace(path)).close()
    assert main(["signs", "--workspace", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["signs"]
    assert [s["key"] for s in out["signs"]] == list(SIGN_KEYS)
    for entry in out["signs"]:
        assert list(entry) == ["key", "title", "status", "value", "previous", "threshold",
                               "stages", "evidence_count"]
        assert entry["status"] in ("green", "amber", "red", "unknown")
    win = out["signs"][SIGN_KEYS.index("low_win_rate")]
    assert (win["status"], win["value"], win["evidence_count"]) == ("red", 10.0, 10)
    assert win["threshold"]["red"] == {"value": 20.0, "unit": "%"}
    assert win["stages"] == ["consideration", "purchase"]


def test_cli_table_and_refusal(tmp_path, capsys):
    path = tmp_path / "shop.db"
    build(win_rate(1, 9), db=open_workspace(path)).close()
    assert main(["signs", "--workspace", str(path)]) == 0
    out = capsys.readouterr().out
    assert "red      Low win rate" in out and "Alignment score" in out
    assert main(["signs", "--workspace", str(tmp_path / "missing.db")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].endswith(".")
