"""A rule for every figure (issue 16, item 1): a sign or a stage with no evidence of its kind
in the data is unknown and says what to import; clients too new to have had the chance are
not counted as lost; the alignment score leaves unknown signs out, says how many signs it
rests on and is not given under a minimum; a change is coloured by which way is better.

Workspaces are built here through the real import (CSV text), each in a workspaces folder
so the pages and the command line can open it too; Superstore through the real import of
../shared/datasets/superstore_sample.xlsx.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from conftest import app_test, csv_bytes
from journey.__main__ import main
from journey.filters import Filters
from journey.ingest import import_file
from journey.overview import measured_drop, stage_tiles
from journey.text import change_text
from journey.signs import MIN_MEASURED, SIGN_KEYS, compute_signs, save_self_assessment
from journey.workspace import open_memory_workspace, open_workspace

NO_REPEATS = "No repeat purchases in your data: import an order list"
NO_ADVOCACY = "No referrals, reviews or NPS scores in your data"
EVENTS = "Client ID,Date,Kind,Reason,Department"
LAST_90_DAYS = Filters(date_from="2024-10-03", date_to="2024-12-31")


def load(db, clients: list[str] | None, events: list[str]):
    if clients:
        import_file(db, "clients.csv", csv_bytes("\n".join(clients)), kind="clients")
    import_file(db, "events.csv", csv_bytes("\n".join([EVENTS, *events])), kind="events")
    return db


def leads_and_won_deals(db):
    """40 marketing leads of 2024 (20 only leads, 10 qualified, 10 won) and the 10 deals won
    from them: nobody bought twice, nothing says who left or recommended you."""
    clients = ["Client ID,Name,Stage,First contact"] + [
        f"c{i},Client {i},{'lead' if i < 20 else 'qualified' if i < 30 else 'won'},"
        f"2024-{i % 12 + 1:02d}-05" for i in range(40)]
    return load(db, clients, [f"c{i},2024-{i % 12 + 1:02d}-20,won,," for i in range(30, 40)])


def orders_only(db):
    """An order list with returns and complaints, and no referral, review or NPS: 20
    buyers of 2024, 8 of whom bought again; 10 buyers of 2023, 5 again."""
    events = ([f"a{i},2024-{i % 6 + 1:02d}-03,purchase,," for i in range(20)]
              + [f"a{i},2024-{i % 4 + 8:02d}-15,purchase,," for i in range(8)]
              + [f"b{i},2023-{i % 6 + 1:02d}-03,purchase,," for i in range(10)]
              + [f"b{i},2023-{i % 4 + 8:02d}-15,purchase,," for i in range(5)]
              + [f"a{i},2024-10-01,refund,Damaged," for i in range(2)]
              + [f"a{i},2024-11-01,complaint,Late," for i in range(1)]
              + ["a0,2024-12-31,contact,,"])
    return load(db, None, events)


def brand_new_buyers(db):
    """Ten regulars (first bought in January, twice in each 90 days since), five clients
    who came in July and came back in August, and ten brand-new buyers of December who have
    bought once: with "Last 90 days" (2024-10-03 to 2024-12-31) they have not had the
    chance to come back."""
    events = ([f"o{i},2024-01-15,purchase,," for i in range(10)]
              + [f"o{i},2024-{day},purchase,," for i in range(10)
                 for day in ("08-10", "09-10", "11-05", "11-20")]
              + [f"p{i},2024-{day},purchase,," for i in range(5) for day in ("07-10", "08-20")]
              + [f"n{i},2024-12-{i + 1:02d},purchase,," for i in range(10)]
              + ["o0,2024-12-31,contact,,"])
    return load(db, None, events)


def rising_conversion(db):
    """Leads who went on to consider buying: 1 of 10 in 2023, 2 of 10 in 2024 (a rise of
    100%, still below the red line of 30%)."""
    clients = ["Client ID,Name,Stage,First contact"]
    for year, considered in ((2023, 1), (2024, 2)):
        clients += [f"y{year}-{i},Lead {i},{'qualified' if i < considered else 'lead'},"
                    f"{year}-{i + 1:02d}-10" for i in range(10)]
    return load(db, clients, ["y2024-0,2024-12-31,contact,,"])


def four_measured_signs(db):
    """Internal complaints, objections, won and lost deals and complaints, each measured
    (and repeat business, with a client who bought on two days)."""
    events = ([f",2023-{m:02d}-03,internal_complaint,Late handover,operations"
               for m in range(1, 11)]
              + [f",2024-{m:02d}-03,internal_complaint,Late handover,operations"
                 for m in range(1, 11)]
              + [f"w{i},2024-{i % 12 + 1:02d}-10,won,," for i in range(5)]
              + [f"l{i},2024-{i % 12 + 1:02d}-12,lost,Too expensive," for i in range(5)]
              + [f"k{i},2024-{i % 12 + 1:02d}-02,contact,," for i in range(40)]
              + ["k1,2024-05-20,complaint,Late,"]
              + ["r1,2024-02-01,purchase,,", "r1,2024-03-01,purchase,,"]
              + ["k0,2024-12-31,contact,,"])
    return load(db, None, events)


def saved(home, name: str, build) -> str:
    """The workspace ``name`` in ``home``, built by ``build``."""
    db = open_workspace(name)
    build(db)
    db.close()
    return name


def page_text(at) -> str:
    return "\n".join([t.value for t in at.text] + [m.value for m in at.markdown]
                     + [c.value for c in at.caption])


# --- a sign with no evidence of its kind is unknown, and says what to import ---------------

def test_leads_and_won_deals_do_not_read_as_no_repeat_business():
    report = compute_signs(leads_and_won_deals(open_memory_workspace()))
    repeat = report.by_key("repeat_business_down")
    assert (repeat.status, repeat.measured, repeat.value, repeat.previous) == (
        "unknown", False, None, None)
    assert repeat.missing.startswith(NO_REPEATS + " (every order with its client and date) "
                                                  "to measure this.")
    assert not repeat.next_step.startswith("Fix this first")
    assert repeat.severity == 0.0
    # Only the conversion is measured (20 of the 40 leads considered buying: 50%, green);
    # every other sign lacks its evidence and is neither red nor green.
    assert {s.key: s.status for s in report.signs if s.status != "unknown"} == {
        "uneducated_leads": "green"}
    assert all(s.next_step.startswith("Measure it first") for s in report.signs
               if s.status == "unknown")


def test_leads_and_won_deals_tiles_say_what_is_not_measured():
    db = leads_and_won_deals(open_memory_workspace())
    tiles = stage_tiles(db).set_index("stage")
    assert tiles.loc["retention", "missing"].startswith(NO_REPEATS)
    assert tiles.loc["advocacy", "missing"].startswith(NO_ADVOCACY)
    assert tiles.loc["purchase", "missing"] is None
    drop = measured_drop(stage_tiles(db))
    # Not "100% of clients who bought did not come back": the biggest measured drop.
    assert drop.sentence == "50% of clients who knew of you did not consider buying."


def test_the_overview_page_of_leads_and_won_deals(home):
    at = app_test(saved(home, "leads", leads_and_won_deals), "views/overview.py")
    assert not at.exception, at.exception
    text = page_text(at)
    assert NO_REPEATS + " to measure this." in text and NO_ADVOCACY in text
    assert "did not come back" not in text
    tiles = {m.label: m.value for m in at.metric}
    assert (tiles["Retention"], tiles["Advocacy"], tiles["Purchase"]) == ("–", "–", "10")


def test_orders_without_referrals_do_not_read_as_nobody_recommending_you():
    db = orders_only(open_memory_workspace())
    tiles = stage_tiles(db)
    assert list(tiles.loc[tiles["missing"].notna(), "stage"]) == ["advocacy"]
    assert "did not recommend" not in measured_drop(tiles).sentence
    report = compute_signs(db)
    repeat = report.by_key("repeat_business_down")
    # 8 of the 20 buyers of 2024 bought on two days (40%), 5 of 10 in 2023 (50%): a fall of
    # 20%, amber from 10%.
    assert (repeat.value, repeat.previous, repeat.status) == (40.0, 50.0, "amber")


def test_the_command_line_keeps_its_contract_for_unknown_signs(home, capsys):
    saved(home, "leads", leads_and_won_deals)
    assert main(["signs", "--workspace", "leads", "--json"]) == 0
    records = {r["key"]: r for r in json.loads(capsys.readouterr().out)["signs"]}
    assert tuple(records) == SIGN_KEYS
    assert (records["repeat_business_down"]["status"],
            records["repeat_business_down"]["value"]) == ("unknown", None)
    assert all(r["value"] is None for r in records.values() if r["status"] == "unknown")


# --- clients too new to have had the chance are not counted as lost ------------------------

def test_brand_new_buyers_are_left_out_of_the_repeat_rate():
    db = brand_new_buyers(open_memory_workspace())
    repeat = compute_signs(db, LAST_90_DAYS).by_key("repeat_business_down")
    # The 10 regulars bought twice in the period; the 10 December buyers first bought
    # within 45 days (half the period) of its end: left out, not "did not come back".
    assert (repeat.parts["buyers"], repeat.parts["repeat"], repeat.parts["too_new"]) == (
        10, 10, 10)
    assert (repeat.value, repeat.previous, repeat.change_pct) == (100.0, 100.0, 0.0)
    assert repeat.status == "green"
    assert any("10 who first bought in the last 45 days are left out" in line
               for line in repeat.working)


def test_brand_new_clients_do_not_make_retention_fall_by_100_percent():
    db = brand_new_buyers(open_memory_workspace())
    tiles = stage_tiles(db, LAST_90_DAYS).set_index("stage")
    # The July clients came back (5); December's have not yet had the chance (0).
    assert (tiles.loc["retention", "clients"], tiles.loc["retention", "previous"]) == (0, 5)
    assert pd.isna(tiles.loc["retention", "change_pct"])
    assert tiles.loc["retention", "note"].startswith("Too soon to compare")
    assert tiles.loc["purchase", "change_pct"] == 100.0      # 10 new buyers against 5


def test_brand_new_buyers_are_not_read_as_not_coming_back():
    db = brand_new_buyers(open_memory_workspace())
    tiles = stage_tiles(db).set_index("stage")
    assert (tiles.loc["purchase", "clients"], tiles.loc["retention", "clients"]) == (25, 15)
    assert tiles.loc["retention", "too_new"] == 10         # December's buyers
    # Not "40% of clients who bought did not come back": every buyer old enough came back,
    # and no step loses a client.
    assert measured_drop(stage_tiles(db)) is None
    # A buyer of October who has not come back is old enough to count.
    load(db, None, ["q1,2024-09-01,purchase,,"])
    drop = measured_drop(stage_tiles(db))
    assert (drop.sentence, drop.clients_lost, drop.too_new) == (
        "6% of clients who bought did not come back.", 1, 10)


def test_the_overview_page_with_last_90_days(home):
    at = app_test(saved(home, "new", brand_new_buyers), "views/overview.py",
                  period="Last 90 days")
    assert not at.exception, at.exception
    assert "Too soon to compare" in page_text(at)
    assert not [m for m in at.metric if m.delta and m.delta.startswith("-100%")]


# --- the alignment score ---------------------------------------------------------------------

def test_the_score_is_hidden_under_the_minimum():
    score = compute_signs(leads_and_won_deals(open_memory_workspace())).score
    assert MIN_MEASURED == 4
    assert (score.value, score.measured, score.label) == (None, 1, "")
    assert score.sentence.startswith("Only 1 of 8 signs is measured from your data, so there "
                                     "is no alignment score")


def test_the_score_states_the_signs_it_rests_on():
    db = four_measured_signs(open_memory_workspace())
    save_self_assessment(db, "low_retention", 5, "Regulars stay")
    report = compute_signs(db)
    measured = [s for s in report.signs if s.measured]
    assert len(measured) >= MIN_MEASURED
    score = report.score
    assert score.rests_on == len(measured) + 1 and score.of == 8
    assert score.label == f"{score.value:g}/100, from {score.rests_on} of 8 signs"
    assert f"from {score.rests_on} of 8 signs: {len(measured)} measured and 1 " \
           f"self-assessment" in score.sentence
    unknown = 8 - score.rests_on
    assert f"{unknown} unknown sign{'s' * (unknown != 1)} left out" in score.sentence


def test_the_signs_page_shows_no_score_and_no_fix_first(home):
    at = app_test(saved(home, "leads", leads_and_won_deals), "views/signs.py")
    assert not at.exception, at.exception
    text = page_text(at)
    assert not [m for m in at.metric if m.label == "Alignment score"]
    assert "Not enough measured signs for a score." in text
    assert "Fix this first" not in text and "Fix first" not in text
    assert NO_REPEATS in text


# --- each measure knows which way is better ----------------------------------------------------

def test_a_rising_conversion_is_a_change_for_the_better():
    sign = compute_signs(rising_conversion(open_memory_workspace())).by_key("uneducated_leads")
    assert (sign.basis, sign.value, sign.previous) == ("conversion", 20.0, 10.0)
    assert sign.change_pct == 100.0
    # The sign's share of reasons is better lower; the conversion it shows is better higher.
    assert (sign.better, sign.value_better, sign.change_is_good) == ("lower", "higher", True)
    assert sign.status == "red"          # 20% is below the red line of 30%: a level judged


def test_the_signs_page_colours_a_rising_conversion_green(home):
    at = app_test(saved(home, "rising", rising_conversion), "views/signs.py")
    assert not at.exception, at.exception
    metric = next(m for m in at.metric if m.label == "Awareness → consideration conversion")
    assert (metric.delta, metric.proto.delta_description) == ("+100%", "on the previous period")
    assert metric.proto.color == MetricProto.MetricColor.GREEN


# --- a real export: Superstore (orders and returns, no referrals or reviews) -----------------

@pytest.fixture(scope="module")
def superstore(datasets):
    db = open_memory_workspace()
    path = datasets / "superstore_sample.xlsx"
    import_file(db, path.name, path.read_bytes())
    yield db
    db.close()


def test_superstore_says_what_it_cannot_measure(superstore):
    report = compute_signs(superstore)
    measured = {s.key for s in report.signs if s.measured}
    assert measured == {"refunds_cancellations_up", "repeat_business_down"}
    for s in report.signs:
        assert (s.status == "unknown") == (s.key not in measured)
        assert s.status != "unknown" or s.value is None
    score = report.score
    assert (score.value, score.measured) == (None, 2)       # not 100/100 from 2 signs
    assert score.sentence.startswith("Only 2 of 8 signs are measured")
    tiles = stage_tiles(superstore)
    assert list(tiles.loc[tiles["missing"].notna(), "stage"]) == ["advocacy"]
    drop = measured_drop(tiles)
    # Not "100% of clients who came back did not recommend you": of the 793 buyers 12
    # bought once, 2 of them in the last 90 days (too new to count): 10 of 791.
    assert (drop.sentence, drop.clients_lost, drop.too_new) == (
        "1% of clients who bought did not come back.", 10, 2)


def test_superstore_last_90_days(superstore):
    end = "2017-12-30"
    period = Filters(date_from="2017-10-02", date_to=end)
    repeat = compute_signs(superstore, period).by_key("repeat_business_down")
    assert repeat.measured and repeat.parts["too_new"] >= 0
    tiles = stage_tiles(superstore, period).set_index("stage")
    assert pd.isna(tiles.loc["retention", "change_pct"])
    assert tiles.loc["retention", "note"].startswith("Too soon to compare")


# --- a tile after an empty stage ----------------------------------------------------------------

def one_early_buyer(db):
    """One client, who bought in January and was last in touch at the end of June: nobody
    arrived in the last 30 days."""
    return load(db, None, ["a1,2024-01-02,purchase,,", "a1,2024-06-30,contact,,"])


def test_tiles_after_an_empty_stage_do_not_say_first_stage_converted(home):
    at = app_test(saved(home, "early", one_early_buyer), "views/overview.py",
                  period="Last 30 days")
    assert not at.exception, at.exception
    captions = [c.value for c in at.caption]
    assert "first stage" in captions
    assert "nobody reached Awareness, so no share of it" in captions
    assert not [c for c in captions if "first stage converted" in c]
    assert [i.value for i in at.info] == ["No clients match the filters in the sidebar."]


def complaints_only(db):
    """A complaints log: 12 complaints from 5 clients, nothing about buying."""
    return load(db, None, [f"p{i % 5},2024-{i % 12 + 1:02d}-07,complaint,Late," for i in range(12)])


def test_a_complaints_log_does_not_read_as_nobody_considering_buying():
    db = complaints_only(open_memory_workspace())
    tiles = stage_tiles(db).set_index("stage")
    assert tiles.loc["consideration", "missing"].startswith(
        "Nothing in your data says who considered buying")
    # Not "100% of clients who knew of you did not consider buying": nothing measured it.
    assert measured_drop(stage_tiles(db)) is None
    # Leads with a stage column where nobody got further: that is measured, a true 0.
    db = load(open_memory_workspace(), ["Client ID,Name,Stage"] + [
        f"l{i},Lead {i},lead" for i in range(5)], ["l0,2024-01-05,contact,,"])
    assert stage_tiles(db).set_index("stage").loc["consideration", "missing"] is None


def test_complaints_per_client_needs_the_clients_who_did_not_complain():
    db = complaints_only(open_memory_workspace())
    sign = next(s for s in compute_signs(db).signs if s.key == "high_complaints")
    assert sign.status == "unknown"
    assert "nothing about the clients who did not complain" in sign.missing
    # With the client list beside the log, the rate has its base.
    import_file(db, "clients.csv", csv_bytes("\n".join(
        ["Client ID,Name"] + [f"p{i},Client {i}" for i in range(50)])), kind="clients")
    sign = next(s for s in compute_signs(db).signs if s.key == "high_complaints")
    assert sign.status != "unknown"


def test_a_stage_change_is_rounded_once_where_it_is_shown():
    """2,500 clients first seen in the 90 days before "Last 90 days" and 2,812 within it:
    awareness changed by 312 / 2,500 = 12.48%, which the tile shows as "+12%". Rounded to
    one place first (12.5) and then to none, it read "+13%"."""
    events = ([f"b{i},2024-08-{i % 28 + 1:02d},contact,," for i in range(2500)]
              + [f"n{i},2024-11-{i % 28 + 1:02d},contact,," for i in range(2812)])
    db = load(open_memory_workspace(), None, events)
    tile = stage_tiles(db, LAST_90_DAYS).set_index("stage").loc["awareness"]
    assert (tile["clients"], tile["previous"]) == (2812, 2500)
    assert tile["change_pct"] == pytest.approx(12.48)
    assert change_text(tile["change_pct"]) == "+12%"
