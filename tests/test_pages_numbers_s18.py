"""The pages' and the workbook's figures that session 17's check left (issue s18-R), each
against figures worked out by hand, imported through the command a user runs:

- a share or a change is rounded half up everywhere ("63%" for 62.5, "+63%" for a change of
  62.5%): the signs' "up N% on the previous period", the time-to-convert chart's labels and
  the Overview's and Signs page's deltas (they used Python's half-to-even "62%");
- the workbook's Signs sheet gives a sign's unit as the page writes its figure: complaints
  per 100 active clients are "per 100", not "%" (the page said "25.0 per 100", the sheet "%");
- the workbook's Personas sheet has the cards' live figures, from the function the page uses;
- the sales that name no client (a walk-in sale) count in the business's revenue, said apart,
  on the Overview page, in the workbook and in a business-wide revenue KPI;
- days between two dates are calendar days, with their unit: a first contact on the 3rd
  and a payment on the 5th at 10:00 are "2 days" (the Funnel page said "2.4 days", the
  time of day counted against a date with none); "1 day", not "1 days";
- importing the same events again counts them unchanged (it said "Unchanged 0").
"""

from __future__ import annotations

import dataclasses

import openpyxl
import pandas as pd
import pytest

from conftest import app_test, cli_json, workspace_rows
from journey.figures import buckets_figure
from journey.text import change_text, days_text, money_text
from test_pages_numbers_s17 import NPS, PAYMENTS, TRACKER, imported


def exported(tmp_path, sheet: str) -> list[list]:
    """The sheet of the workbook ``export`` writes from TMP/w.db, its rows without blanks."""
    from journey.__main__ import main
    out = tmp_path / "w.xlsx"
    assert main(["export", "--workspace", str(tmp_path / "w.db"), "-o", str(out)]) == 0
    return [[v for v in row if v is not None]
            for row in openpyxl.load_workbook(out)[sheet].iter_rows(values_only=True)]


# --- shares and changes, rounded half up ---------------------------------------------------

def test_a_change_reads_as_people_round_it():
    assert [change_text(v) for v in (62.5, -12.5, 0.3, -0.04, 0, 250)] == [
        "+63%", "-13%", "+0.3%", "-0.04%", "0%", "+250%"]


def test_the_time_to_convert_chart_rounds_its_shares_half_up():
    # 5 of 8 buyers within a week (62.5%) and 3 of 8 later (37.5%): "63%" and "38%", as the
    # funnel chart writes them (it read "62%" and "38%", which add up to 100 only by luck).
    buckets = pd.DataFrame({"bucket": ["within a week", "8–30 days"], "clients": [5, 3],
                            "pct": [62.5, 37.5]})
    assert list(buckets_figure(buckets).data[0].text) == ["63%", "38%"]


COMPLAINTS_TRACKER = """Client ID,Name,Email,Stage,First contact,Last contact
C01,Ann Able,ann@a.com,Customer,2026-01-05,2026-05-01
C02,Ben Best,ben@b.com,Customer,2026-01-10,2026-05-02
C03,Cat Cole,cat@c.com,Customer,2026-01-15,2026-05-03
C04,Dan Dorr,dan@d.com,Customer,2026-02-01,2026-05-04
C05,Eve East,eve@e.com,Customer,2026-02-03,2026-05-05
C06,Fay Fox,fay@f.com,Customer,2026-02-10,2026-05-06
C07,Gus Gray,gus@g.com,Customer,2026-02-20,2026-05-07
C08,Hal Hunt,hal@h.com,Customer,2026-03-01,2026-05-08
"""
COMPLAINTS = """Date,Customer,Complaint
2026-04-02,Ann Able,Late delivery
2026-04-09,Ben Best,Wrong size
"""


@pytest.fixture
def complaints(tmp_path, monkeypatch) -> str:
    return imported(tmp_path, monkeypatch, {"tracker.csv": COMPLAINTS_TRACKER,
                                            "complaints.csv": COMPLAINTS})


def test_a_sign_says_its_change_rounded_half_up(complaints, tmp_path):
    # The complaints sign's figure with a change of 62.5% on the period before: "up 63%"
    # (it read "up 62%"); a change under a half percent is no change; a half is 1%.
    from journey.signs import compute_signs
    from journey.workspace import open_workspace
    report = compute_signs(open_workspace(str(tmp_path / "w.db")))
    sign = report.by_key("high_complaints")
    assert dataclasses.replace(sign, change_pct=62.5).headline == (
        "25.0 per 100, up 63% on the previous period")
    assert dataclasses.replace(sign, change_pct=-0.5).headline == (
        "25.0 per 100, down 1% on the previous period")
    assert dataclasses.replace(sign, change_pct=0.4).headline == "25.0 per 100"
    assert dataclasses.replace(sign, change_pct=0.4).change_is_good is None


# --- the Signs sheet's units ---------------------------------------------------------------

def test_the_signs_sheet_gives_the_unit_the_page_writes(complaints, tmp_path):
    # 2 complaints ÷ 8 clients active in the period (each has a contact in it) = 25 per 100.
    at = app_test(complaints, "views/signs.py")
    assert not at.exception
    shown = {m.label: m.value for m in at.metric}
    assert shown["Complaints per 100 active clients"] == "25.0 per 100"
    exported(tmp_path, "Signs")
    sheet = openpyxl.load_workbook(tmp_path / "w.xlsx")["Signs"]
    headers = [c.value for c in sheet[1]]
    signs = {row[0]: dict(zip(headers, row))
             for row in sheet.iter_rows(min_row=2, values_only=True)}
    complaints_row = signs["High customer complaints"]
    assert (complaints_row["This period"], complaints_row["Unit"]) == (25, "per 100")
    # Not for a share or a rate of its own unit: the win rate and the repeat purchase
    # rate stay "%", the objections "per 100 clients", the internal complaints "per month".
    assert signs["Low win rate"]["Unit"] == signs["Repeat business going down"]["Unit"] == "%"
    assert signs["Objections at the point of purchase"]["Unit"] == "per 100 clients"
    assert signs["Complaints between departments"]["Unit"] == "per month"


def test_a_rate_per_100_is_judged_and_set_per_100(complaints, tmp_path):
    # The complaints sign counts per 100 active clients (25 here): its rule, the command
    # line's thresholds and the settings' table say "per 100", as the figure does (they
    # said "amber from 5%, red from 10%"). Its defaults: amber 5, red 10 per 100.
    from journey.signs import compute_signs, thresholds_table
    from journey.workspace import open_workspace
    db = open_workspace(str(tmp_path / "w.db"))
    sign = compute_signs(db).by_key("high_complaints")
    assert (sign.status, sign.thresholds["amber"], sign.thresholds["red"]) == ("red", 5, 10)
    assert sign.rule.endswith("amber from 5 per 100, red from 10 per 100.")
    table = thresholds_table(db)
    assert set(table.loc[table["key"] == "high_complaints", "unit"]) == {"per 100"}
    assert set(table.loc[table["key"] == "low_win_rate", "unit"]) == {"%"}
    listed = {s["key"]: s for s in cli_json(tmp_path, "signs")["signs"]}
    assert listed["high_complaints"]["threshold"]["red"] == {"value": 10, "unit": "per 100"}


# --- the Personas sheet's live figures -----------------------------------------------------

@pytest.fixture
def shop(tmp_path, monkeypatch) -> str:
    return imported(tmp_path, monkeypatch, {"tracker.csv": TRACKER, "payments.csv": PAYMENTS,
                                            "nps.csv": NPS})


def test_the_personas_sheet_has_the_cards_live_figures(shop, tmp_path):
    # As tests/test_pages_numbers_s17 worked them for the cards: Busy parent 4 clients, none
    # bought, revenue 0, no NPS answer; Small office 4, all bought, 740 less 220 refunded =
    # 520, NPS 10, 8, 6: +0 of 3 answers; Retiree 4, Ivy bought (25%), 350, NPS 9: +100 of 1.
    # No client has a revenue potential: none is given (the card gives none either).
    from journey.workshop.personas import create_persona
    from journey.workspace import open_workspace
    db = open_workspace(str(tmp_path / "w.db"))
    for name in ("Busy parent", "Small office", "Retiree"):
        create_persona(db, {"name": name})
    db.close()
    rows = exported(tmp_path, "Personas")
    headers = rows[0]
    assert headers[-7:] == ["Archived", "Clients", "Share who bought", "Revenue",
                            "Revenue potential", "NPS score", "NPS answers"]
    sheet = openpyxl.load_workbook(tmp_path / "w.xlsx")["Personas"]
    live = [(r[0], *r[-6:]) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert live == [("Busy parent", 4, 0, 0, None, None, 0),
                    ("Small office", 4, 100, 520, None, 0, 3),
                    ("Retiree", 4, 25, 350, None, 100, 1)]
    # The sheet imports back: its live figures are not persona fields and are left alone.
    again = cli_json(tmp_path, "import", str(tmp_path / "w.xlsx"), "--sheet", "Personas")
    assert [(i["kind"], i["rejected"]) for i in again["imports"]] == [("personas", 0)]


def test_a_persona_with_no_clients_has_no_figures_on_the_sheet(tmp_path, monkeypatch):
    # A card nobody is linked to: 0 clients and nothing else (the card says "no clients are
    # linked"), not a 0% who bought; a client list without money: no revenue, not 0.
    imported(tmp_path, monkeypatch, {"tracker.csv": COMPLAINTS_TRACKER})
    from journey.workshop.personas import create_persona
    from journey.workspace import open_workspace
    db = open_workspace(str(tmp_path / "w.db"))
    create_persona(db, {"name": "Nobody yet"})
    db.close()
    exported(tmp_path, "Personas")
    sheet = openpyxl.load_workbook(tmp_path / "w.xlsx")["Personas"]
    assert [r[-6:] for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        (0, None, None, None, None, None)]


# --- sales that name no client -------------------------------------------------------------

ORDERS = """Order ID,Date,Customer,Email,Total,Status
1001,2026-03-01,Ann Able,ann@a.com,100.00,Paid
1002,2026-03-02,,,40.00,Paid
1003,2026-03-03,Ben Best,ben@b.com,60.00,Paid
1004,2026-03-04,,,25.50,Paid
1005,2026-03-09,Ann Able,ann@a.com,80.00,Paid
1006,2026-03-10,,,30.00,Refunded
"""


def test_sales_that_name_no_client_count_in_the_revenue(tmp_path, monkeypatch):
    # Ann 100 + 80 and Ben 60: 240 from clients. Three walk-in sales: 40 + 25.50 + 30, the
    # last refunded in full: 65.50. The business took 305.50 (the pages said nothing of
    # the 65.50, and a revenue KPI read 240).
    workspace = imported(tmp_path, monkeypatch, {"orders.csv": ORDERS})
    at = app_test(workspace, "views/overview.py")
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Revenue"] == "$305.50"
    said = "Of which $65.50 from 3 sales naming no client (a walk-in sale or a payment " \
           "with no customer), less their refunds."
    assert said in [c.value for c in at.caption]
    rows = exported(tmp_path, "Overview")
    at_revenue = rows.index(["Revenue"])
    assert rows[at_revenue + 1:at_revenue + 3] == [[305.5], [said]]
    # A revenue KPI of the whole business counts them; revenue per customer does not:
    # 240 over Ann and Ben = 120.
    from journey.scorecard import business_figures
    from journey.workspace import open_workspace
    figures = business_figures(open_workspace(str(tmp_path / "w.db")))
    assert (figures["revenue_current"], figures["revenue_per_customer"]) == (305.5, 120.0)


def test_filtered_revenue_leaves_the_clientless_sales_out_and_says_so(tmp_path, monkeypatch):
    # First contact from 2026-03-03: Ben alone (60); the walk-ins belong to no client the
    # filter chooses, so they are left out, and said to be.
    imported(tmp_path, monkeypatch, {"orders.csv": ORDERS})
    from journey.filters import Filters
    from journey.overview import revenue
    from journey.workspace import open_workspace
    taken = revenue(open_workspace(str(tmp_path / "w.db")), Filters(date_from="2026-03-03"))
    assert (taken.total, taken.clientless, taken.clientless_sales) == (60.0, 65.5, 3)
    assert taken.sentence("$") == (
        "Of your clients who match the filters. 3 sales naming no client ($65.50) are left "
        "out: the filters choose clients.")


def test_no_clientless_sales_and_no_money_say_no_more(tmp_path, monkeypatch):
    # Every sale names its client: the revenue is the clients' (240), nothing said apart.
    named = "\n".join(line for line in ORDERS.splitlines() if ",,," not in line) + "\n"
    workspace = imported(tmp_path, monkeypatch, {"orders.csv": named})
    at = app_test(workspace, "views/overview.py")
    assert {m.label: m.value for m in at.metric}["Revenue"] == "$240"
    assert "Your clients' revenue: a tracker's, or their sales less refunds." in [
        c.value for c in at.caption]
    # A client list without money shows no revenue at all, not "$0".
    (tmp_path / "w.db").unlink()
    imported(tmp_path, monkeypatch, {"tracker.csv": COMPLAINTS_TRACKER})
    at = app_test(workspace, "views/overview.py")
    assert "Revenue" not in {m.label for m in at.metric}
    assert ["Revenue"] not in exported(tmp_path, "Overview")


def test_money_reads_as_people_write_it():
    assert [money_text(v, "£") for v in (305.5, 240.0, 1234567.005, -20, 0.004)] == [
        "£305.50", "£240", "£1,234,567.01", "-£20", "£0"]


# --- days ----------------------------------------------------------------------------------

def test_a_span_of_days_says_its_unit():
    assert [days_text(v) for v in (1, 2.4, 2.45, 0, 1234.5)] == [
        "1 day", "2.4 days", "2.5 days", "0 days", "1,234.5 days"]


def test_the_funnel_page_says_the_days_to_purchase_with_their_unit(shop):
    # First contact to first payment, in calendar days: Eve 3rd -> 5th Feb 2, Fay 2, Gus
    # 5, Hal 2, Ivy 3: median 2 (it read "2.4 days": each payment's 10:00 counted).
    at = app_test(shop, "views/funnel.py", funnel_tab="Time to convert")
    assert not at.exception
    shown = {m.label: m.value for m in at.metric}
    assert shown["Median time from first contact to purchase"] == "2 days"


# --- the same events again -----------------------------------------------------------------

def test_the_same_events_again_are_counted_unchanged(tmp_path):
    # 6 order rows give 7 events (the refunded order: a purchase and its refund). Again:
    # none new, 7 already there, all 7 unchanged (it said "Unchanged 0"). Then Ben's order
    # corrected (60 -> 65): 7 already there, 6 unchanged, 1 updated.
    from journey.ingest import import_file
    from journey.ingest.review import results_frame
    from journey.workspace import open_workspace
    db = open_workspace(str(tmp_path / "w.db"))
    first, again = (import_file(db, "orders.csv", ORDERS.encode()) for _ in range(2))
    corrected = import_file(db, "orders.csv", ORDERS.replace("60.00", "65.00").encode())
    table = results_frame([*first, *again, *corrected])
    assert table[["Added", "Updated", "Unchanged"]].values.tolist() == [
        [7, 0, 0], [0, 0, 7], [0, 1, 6]]
    assert workspace_rows(tmp_path, "SELECT inserted, updated, unchanged FROM imports "
                                    "ORDER BY id") == [(7, 0, 0), (0, 7, 7), (0, 7, 6)]
