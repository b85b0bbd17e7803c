"""Session 26, P: three defects a page walk found (session 25) and left alone.

- Signs, on a workspace mixing a shop's orders (Shopify, with refunds) with a CRM's deals
  (HubSpot): the refunds sign said "Nothing was bought in the period" while repeat business
  was measured from the period's won deals. Refunds and cancellations are set against
  purchases (orders, invoices, payments) where the workspace has any, so a deal and the
  invoice that bills it are not counted twice: the sign keeps that measure and now says
  precisely what it measured (the deals won it leaves out, or that the period has deals but
  no purchase), never "nothing was bought"; with no figure it stays unknown (not a failure,
  not a success). Repeat business's evidence lists the sales its figure counts (each
  client's purchases, or its won deals where it has more): it listed purchases only, so the
  deals' 50% stood over "No clients behind this figure".
- Funnel: the table's "Not measured" column held a whole sentence the grid cut off; its
  cell now says it in a few words and the sentence follows the table (the downloads keep
  it).
- Presenter mode showed CSV/Excel downloads on Funnel, Signs, Clients and Workshop but not
  on Touchpoints, Personas or the Journey map. One rule, in widgets.download_table
  (``widgets.downloads_shown``): a projector shows no table downloads (the room reads the
  screen; a click saves on the presenting computer), the Export page's workbook stays, and
  leaving presenter mode brings them back. The pages' words about downloads follow it.
"""

from __future__ import annotations

import pytest

from conftest import PAGES, app_test, csv_bytes, funnel_counts
from journey.filters import Filters
from journey.ingest import import_file
from journey.signs import compute_signs, first_sign_evidence, sign_evidence
from journey.workspace import open_workspace

SHOP_HEADERS = ("Name,Email,Financial Status,Created at,Total,Lineitem name,Cancelled at,"
                "Billing Name\n")
# Orders of 2024: Ann twice (5 Feb, 10 Apr), Bo refunded (1 Mar), Cy (15 May), Di partly
# refunded (20 Jun). A refund is dated by its order.
ORDERS_2024 = SHOP_HEADERS + (
    "#1001,ann@shop.example,paid,2024-02-05 10:00:00 -0500,120.00,Mat,,Ann Lee\n"
    "#1002,ann@shop.example,paid,2024-04-10 10:00:00 -0500,80.00,Block,,Ann Lee\n"
    "#1003,bo@shop.example,refunded,2024-03-01 10:00:00 -0500,60.00,Strap,,Bo Kim\n"
    "#1004,cy@shop.example,paid,2024-05-15 10:00:00 -0500,45.00,Mat,,Cy Park\n"
    "#1005,di@shop.example,partially_refunded,2024-06-20 10:00:00 -0500,90.00,Bolster,,"
    "Di Ross\n")
# Orders of the deals' period: 4 paid, Bo's refunded, Cy's cancelled the next day.
ORDERS_2025 = SHOP_HEADERS + (
    "#2001,ann@shop.example,paid,2025-05-05 10:00:00 -0500,100.00,Mat,,Ann Lee\n"
    "#2002,bo@shop.example,refunded,2025-06-06 10:00:00 -0500,60.00,Strap,,Bo Kim\n"
    "#2003,cy@shop.example,paid,2025-07-07 10:00:00 -0500,45.00,Mat,"
    "2025-07-08 09:00:00 -0500,Cy Park\n"
    "#2004,di@shop.example,paid,2025-09-09 10:00:00 -0500,90.00,Bolster,,Di Ross\n")
# A HubSpot deals export (its API names): each deal's name is its client. Acme wins twice
# (10 Jun, 20 Nov 2025), Birch once (1 Jul), Dune (10 Jan 2026) and Fir (31 Mar 2026, the
# latest date) once; Cedar is lost (15 Aug). 5 won, 1 lost.
DEALS = ("amount,closedate,createdate,dealname,dealstage,hs_lastmodifieddate,hs_object_id,"
         "pipeline\n"
         "5000,2025-06-10,2025-05-01,Acme Studio,closedwon,2025-06-11,101,default\n"
         "3000,2025-11-20,2025-10-01,Acme Studio,closedwon,2025-11-21,102,default\n"
         "4000,2025-07-01,2025-06-01,Birch Foods,closedwon,2025-07-02,103,default\n"
         ",2025-08-15,2025-07-01,Cedar Labs,closedlost,2025-08-16,104,default\n"
         "2500,2026-01-10,2025-12-01,Dune Hotels,closedwon,2026-01-11,105,default\n"
         "1800,2026-03-31,2026-02-01,Fir Co,closedwon,2026-03-31,106,default\n")

ELSEWHERE = " Your data has what measures it, so another period may measure it."
FIVE_DEALS = ("The period's 5 deals won are not counted: where the workspace has purchases, "
              "refunds and cancellations are set against those alone, so a deal and the "
              "invoice that bills it do not count twice.")
NO_PURCHASE = ("No purchase (order, invoice or payment) in the period to set refunds and "
               "cancellations against. " + FIVE_DEALS)


def workspace(folder, name: str, files: dict[str, str]):
    """FOLDER/NAME.db with each file imported through ``import_file``, in order."""
    db = open_workspace(str(folder / f"{name}.db"))
    for filename, text in files.items():
        (result,) = import_file(db, filename, csv_bytes(text))
        assert not result.rejected, result.problems
    return db


def mixed(folder, orders: str = ORDERS_2024):
    return workspace(folder, "mix", {"orders_export.csv": orders,
                                     "hubspot-crm-exports-all-deals.csv": DEALS})


# --- 1. the signs' notion of bought ---------------------------------------------------------

def test_refunds_say_the_period_has_deals_but_no_purchase(home):
    """The shop's 2024 orders and the CRM's 2025-26 deals. Period 2025-04-01 to 2026-03-31
    (12 months to Fir's deal): no order in it, 5 deals won. Refunds: no figure, and it says
    why (it said "Nothing was bought in the period"); the period before holds Ann's,
    Cy's and Di's orders and Di's refund: 1 ÷ 3 = 33.3 per 100. Repeat business, from
    the deals: Acme (won on two days) of Acme and Birch = 50%; Dune and Fir bought in the
    last 90 days, too new."""
    db = mixed(home)
    report = compute_signs(db)
    assert (report.period.start, report.period.end) == ("2025-04-01", "2026-03-31")
    refunds = report.by_key("refunds_cancellations_up")
    assert (refunds.status, refunds.value) == ("unknown", None)
    assert refunds.previous == pytest.approx(100 / 3)
    assert refunds.missing == NO_PURCHASE + ELSEWHERE
    assert refunds.working[1:] == [
        "This period: " + NO_PURCHASE,
        "Previous period: (1 refunds + 0 cancellations) ÷ 3 purchases (purchase events) "
        "× 100 = 33.3 per 100."]
    assert refunds.next_step == "Measure it first: " + NO_PURCHASE + ELSEWHERE
    assert "Nothing was bought" not in " ".join([refunds.missing, *refunds.working])
    repeat = report.by_key("repeat_business_down")
    assert (repeat.value, repeat.parts["buyers"], repeat.parts["repeat"],
            repeat.parts["too_new"]) == (50.0, 2, 1, 2)
    # 9 clients (4 of the shop, 5 of the CRM), 8 bought, Ann and Acme bought again.
    assert funnel_counts(db) == {"awareness": 9, "consideration": 8, "purchase": 8,
                                 "retention": 2, "advocacy": 0}


def test_repeat_business_evidence_lists_the_deals_its_figure_counts(home):
    """Its evidence listed purchases only: none in the period, so "No clients behind this
    figure" under 50%. Now each client's sales as the figure counts them: the 5 won deals
    of Acme (2 days), Birch, Dune and Fir; the page's first rows and the download agree."""
    db = mixed(home)
    first = first_sign_evidence(db, "repeat_business_down")
    whole = sign_evidence(db, "repeat_business_down")
    assert first["events"].count == len(whole["events"]) == 5
    assert set(whole["events"]["kind"]) == {"won"}
    assert first["clients"].count == len(whole["clients"]) == 4
    assert whole["clients"][["name", "purchase_days_in_period", "repeat_buyer"]].values.tolist() \
        == [["Acme Studio", 2, "yes"], ["Birch Foods", 1, "no"], ["Dune Hotels", 1, "no"],
            ["Fir Co", 1, "no"]]
    assert first["clients"].first["name"].tolist() == whole["clients"]["name"].tolist()


def test_repeat_business_evidence_chooses_each_clients_sales_within_the_period(home):
    """Acme also bought twice from the shop in 2024, before the period: over all time it
    has as many orders as deals won (2 and 2), within the period only its deals. The
    figure chooses each client's sales within the period (Source.purchases), so its
    evidence does too: Acme's two deals are listed, as without its old orders."""
    acme_orders = ("#1006,acme@studio.example,paid,2024-01-08 10:00:00 -0500,30.00,Mat,,"
                   "Acme Studio\n"
                   "#1007,acme@studio.example,paid,2024-02-09 10:00:00 -0500,30.00,Mat,,"
                   "Acme Studio\n")
    db = mixed(home, ORDERS_2024 + acme_orders)
    repeat = compute_signs(db).by_key("repeat_business_down")
    assert repeat.value == 50.0
    whole = sign_evidence(db, "repeat_business_down")
    first = first_sign_evidence(db, "repeat_business_down")
    assert first["events"].count == len(whole["events"]) == 5
    assert set(whole["events"]["kind"]) == {"won"}
    assert whole["clients"][["name", "purchase_days_in_period"]].values.tolist()[0] == \
        ["Acme Studio", 2]


def test_refunds_count_the_orders_and_name_the_deals_left_out(home):
    """Orders and deals in one period: 4 orders (Bo's refunded, Cy's cancelled) and 5 deals
    won. (1 refund + 1 cancellation) ÷ 4 purchases = 50 per 100, red with nothing before to
    compare (10 per 100 is red); the working says the 5 deals are not counted. The period
    before holds nothing: "Nothing was bought in the period" is true there."""
    db = mixed(home, ORDERS_2025)
    refunds = compute_signs(db).by_key("refunds_cancellations_up")
    assert (refunds.status, refunds.value, refunds.previous) == ("red", 50.0, None)
    assert refunds.working[1:] == [
        "This period: (1 refunds + 1 cancellations) ÷ 4 purchases (purchase events) × 100 "
        "= 50.0 per 100.",
        "Previous period: Nothing was bought in the period.",
        FIVE_DEALS]
    # Repeat business counts every client's sales, as before: Ann, Bo, Cy, Di and Acme,
    # Birch are old enough, Acme alone bought on two days.
    repeat = compute_signs(db).by_key("repeat_business_down")
    assert (repeat.parts["buyers"], repeat.parts["repeat"]) == (6, 1)


def test_a_shop_alone_is_measured_as_before(home):
    """Must not fire: the same orders without the deals. 2 ÷ 4 = 50 per 100, no word on
    deals (the workspace has none)."""
    db = workspace(home, "shop", {"orders_export.csv": ORDERS_2025})
    refunds = compute_signs(db).by_key("refunds_cancellations_up")
    assert refunds.value == 50.0 and refunds.parts["deals_left_out"] == 0
    assert refunds.working[1] == ("This period: (1 refunds + 1 cancellations) ÷ 4 purchases "
                                  "(purchase events) × 100 = 50.0 per 100.")
    assert not any("deal" in line for line in refunds.working)


def test_a_period_with_nothing_bought_still_says_so(home):
    """Must not fire: a chosen period (first half of 2023) with neither orders nor deals
    says "Nothing was bought in the period.", and that another period may measure it."""
    db = mixed(home)
    refunds = compute_signs(db, Filters(date_from="2023-01-01", date_to="2023-06-30")).by_key(
        "refunds_cancellations_up")
    assert refunds.status == "unknown"
    assert refunds.missing == "Nothing was bought in the period." + ELSEWHERE


def test_deals_alone_set_refunds_against_the_deals(home):
    """Must not fire: a CRM's deals and a returns list naming two of its clients, no
    purchases: the refunds are set against the 5 deals won (2 ÷ 5 = 40 per 100), and no
    deal is said to be left out."""
    returns = ("Date,Client,Event,Amount\n"
               "2025-12-01,Acme Studio,Refund,300\n2025-08-01,Birch Foods,Refund,100\n")
    db = workspace(home, "crm", {"hubspot-crm-exports-all-deals.csv": DEALS,
                                 "returns.csv": returns})
    kinds = dict(db.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind").fetchall())
    assert kinds.get("refund") == 2 and "purchase" not in kinds
    refunds = compute_signs(db).by_key("refunds_cancellations_up")
    assert refunds.value == 40.0 and refunds.parts["purchase_basis"] == "won deals"
    assert not any("not counted" in line for line in refunds.working)


@pytest.mark.parametrize("presenter", [False, True])
def test_the_signs_page_says_what_the_refunds_sign_measured(home, presenter):
    """The card of the refunds sign, normal and presenter mode: the sentence above, never
    "Nothing was bought in the period"."""
    mixed(home).close()
    at = app_test("mix", "views/signs.py", presenter=presenter)
    assert not at.exception, at.exception
    shown = [t.value for t in at.text]
    assert NO_PURCHASE + ELSEWHERE in shown
    assert not any("Nothing was bought" in text for text in shown)


# --- 2. the funnel table's "Not measured" ---------------------------------------------------

@pytest.mark.parametrize("presenter", [False, True])
def test_the_funnel_table_says_not_measured_in_a_few_words(home, presenter):
    """The mixed workspace has no referral, review or NPS: Advocacy is not measured. Its
    cell reads "No referrals, reviews or NPS scores in your data." (the whole sentence was
    cut off in the grid); the sentence, with what to import, follows the table. In
    presenter mode the table is static, its type the presenter's (the grid's stayed small
    at 1920 px)."""
    mixed(home).close()
    at = app_test("mix", "views/funnel.py", presenter=presenter)
    assert not at.exception, at.exception
    if presenter:           # a static table, whose type grows with the presenter's
        (table,) = [t.value for t in at.table if "Not measured" in t.value.columns]
        cells = table["Not measured"].tolist()
        assert table["Stage"].tolist() == ["Awareness", "Consideration", "Purchase",
                                           "Retention", "Advocacy"]
        assert table["Clients"].tolist() == ["9", "8", "8", "2", ""]
    else:
        cells = at.dataframe[0].value["missing"].fillna("").tolist()
    assert cells == [""] * 4 + ["No referrals, reviews or NPS scores in your data."]
    assert ("Advocacy, not measured: No referrals, reviews or NPS scores in your data: "
            "import a referrals list, reviews or an NPS survey to measure this.") in [
        c.value for c in at.caption]


# --- 3. downloads in presenter mode ---------------------------------------------------------

# The pages whose tables have downloads outside presenter mode on the demo (Signs: once a
# card's evidence is open; Overview and Import: none while the demo has nothing to offer).
WITH_DOWNLOADS = ["views/funnel.py", "views/journey_map.py", "views/personas.py",
                  "views/touchpoints.py", "views/workshop.py", "views/clients.py"]
EVIDENCE = {"details_low_win_rate": True, "evidence_low_win_rate": True}


def downloads(at) -> list[str]:
    return [b.label for b in at.get("download_button")]


def words(at) -> list[str]:
    return [e.value for e in [*at.caption, *at.markdown, *at.text, *at.info]]


def test_every_page_in_presenter_mode_offers_no_table_download(demo_home):
    """Every page of the navigation in presenter mode: no CSV or Excel button, and no word
    of a download, but the Export page's one workbook (what a room takes away). Signs with
    a card's evidence open too."""
    at = app_test("demo", presenter=True, **EVIDENCE)
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        if page == "views/export.py":
            assert downloads(at) == ["Download the workbook"]
            continue
        assert downloads(at) == [], page
        assert not [w for w in words(at) if "download" in w.lower()], page


def test_the_evidence_says_no_download_in_presenter_mode(demo_home):
    """The win rate's evidence, opened in presenter mode: its tables without a button, and
    "(the downloads keep them)" left out of the words under them."""
    at = app_test("demo", "views/signs.py", presenter=True, **EVIDENCE)
    assert not at.exception, at.exception
    assert len(at.dataframe) >= 2 and downloads(at) == []
    assert any(c.startswith("Not shown, empty on every row") for c in words(at))


def test_presenter_mode_with_edit_live_offers_no_download_either(demo_home):
    """The facilitator editing live is still presenting: no download there either."""
    at = app_test("demo", "views/touchpoints.py", presenter=True, edit_live=True)
    assert not at.exception, at.exception
    assert at.toggle(key="edit_live").value is True
    assert downloads(at) == []


def test_out_of_presenter_mode_every_table_page_offers_its_downloads(demo_home):
    """Leaving presenter mode brings them back: CSV and Excel on each page with tables."""
    at = app_test("demo", presenter=True)
    at.session_state["presenter"] = False
    for page in [*WITH_DOWNLOADS, "views/signs.py"]:
        if page == "views/signs.py":
            for key, value in EVIDENCE.items():
                at.session_state[key] = value
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        assert {"CSV", "Excel"} <= {label.split()[-1] for label in downloads(at)}, page
