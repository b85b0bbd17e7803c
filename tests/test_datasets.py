"""The four real spreadsheets of ../shared/datasets import with no --map help.

Each file is imported once per module (a module-scoped workspace) and every count is
compared with an independent pandas computation over the same file. Skipped when the
datasets folder is absent.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from journey.funnel import compute_funnel
from journey.ingest import import_file
from journey.stages import STAGES
from journey.workspace import open_memory_workspace

RANK = {stage: rank for rank, stage in enumerate(STAGES)}


def imported(path):
    db = open_memory_workspace()
    results = import_file(db, path.name, path.read_bytes())
    return db, results


def funnel(db) -> dict[str, int]:
    frame = compute_funnel(db)
    return dict(zip(frame["stage"], frame["clients"].astype(int)))


def reached(furthest: pd.Series) -> dict[str, int]:
    """The closed funnel of a Series of furthest ranks: clients at each stage or beyond."""
    return {stage: int((furthest >= rank).sum()) for stage, rank in RANK.items()}


def one_value(db, sql, params=()):
    return db.execute(sql, params).fetchone()[0]


# --- Maven CRM sales pipeline --------------------------------------------------------------

@pytest.fixture(scope="module")
def crm(datasets):
    path = datasets / "maven_crm_sales_pipeline.csv"
    db, results = imported(path)
    yield db, results, pd.read_csv(path)
    db.close()


def test_crm_every_deal_is_accounted_for(crm):
    db, results, frame = crm
    (result,) = results
    assert result.kind == "events"
    assert result.mapping == {
        "opportunity_id": "order_id", "sales_agent": "owner", "product": None,
        "account": "name", "deal_stage": "stage", "engage_date": "date", "close_date": "date",
        "close_value": "amount"}
    assert result.rows == len(frame) == 8800
    assert result.inserted + result.updated + result.rejected == 8800
    assert (result.inserted, result.rejected) == (8800, 0)
    assert one_value(db, "SELECT COUNT(*) FROM events") == 8800


def test_crm_deals_without_an_account_are_kept_without_a_client(crm):
    """1,425 deals have no account. They are kept as events without a client (their
    opportunity IDs match no other deal, so no order links them to one): they count in
    event figures such as won/lost totals, and stay out of the client funnel, since there
    is no client to place in it."""
    db, _, frame = crm
    assert frame["account"].isna().sum() == 1425
    assert one_value(db, "SELECT COUNT(*) FROM events WHERE client_ref IS NULL") == 1425
    assert one_value(db, "SELECT COUNT(*) FROM clients") == frame["account"].nunique() == 85


def test_crm_outcomes_and_kinds(crm):
    db, _, frame = crm
    kinds = dict(db.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind").fetchall())
    counts = frame["deal_stage"].value_counts()
    assert (counts["Won"], counts["Lost"]) == (4238, 2473)
    assert kinds == {"won": 4238, "lost": 2473,
                     "stage_change": counts["Engaging"] + counts["Prospecting"]}
    won_value = frame.loc[frame["deal_stage"] == "Won", "close_value"].sum()
    assert one_value(db, "SELECT SUM(amount) FROM events WHERE kind = 'won'") == won_value
    # A won deal is dated by its close date; an open deal by its engage date.
    dated = db.execute("SELECT order_id, date FROM events").fetchall()
    expected = frame.set_index("opportunity_id")["close_date"].fillna(
        frame.set_index("opportunity_id")["engage_date"])
    assert dict(dated) == {k: (None if pd.isna(v) else v) for k, v in expected.items()}


def test_crm_funnel_matches_pandas(crm):
    db, _, frame = crm
    deals = frame.dropna(subset=["account"])
    stage_rank = deals["deal_stage"].map({"Prospecting": RANK["awareness"],
                                         "Engaging": RANK["consideration"],
                                         "Won": RANK["purchase"], "Lost": RANK["awareness"]})
    rank = stage_rank.groupby(deals["account"]).max()
    won = deals[deals["deal_stage"] == "Won"]
    repeat = won.groupby("account")["close_date"].nunique() >= 2
    rank[repeat[repeat].index] = RANK["retention"]
    expected = reached(rank)
    assert funnel(db) == expected
    assert expected["awareness"] == 85


# --- Maven telecom churn ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def telecom(datasets):
    path = datasets / "maven_telecom_customer_churn.csv"
    db, results = imported(path)
    frame = pd.read_csv(path, encoding="utf-8-sig")
    frame.columns = frame.columns.str.strip()
    yield db, results, frame
    db.close()


def test_telecom_clients_and_statuses(telecom):
    db, results, frame = telecom
    (result,) = results
    assert (result.kind, result.rows, result.inserted, result.rejected) == (
        "clients", 7043, 7043, 0)
    assert result.mapping["Customerid"] == "client_id"
    assert result.mapping["Customerstatus"] == "stage"
    assert result.mapping["Numberofreferrals"] == "referrals"
    assert result.mapping["Totalrefunds"] == "refunds"
    assert one_value(db, "SELECT COUNT(*) FROM clients") == 7043
    by_status = dict(db.execute("SELECT stage_raw, COUNT(*) FROM clients GROUP BY 1").fetchall())
    assert by_status == frame["Customerstatus"].value_counts().to_dict()
    understood = db.execute("SELECT stage_raw, stage, status, COUNT(*) FROM clients "
                            "GROUP BY 1, 2, 3 ORDER BY 1").fetchall()
    assert understood == [("Churned", None, "churned", 1869), ("Joined", "purchase", None, 454),
                          ("Stayed", "retention", None, 4720)]
    assert one_value(db, "SELECT COUNT(*) FROM clients WHERE outcome = 'churned'") == 1869


def test_telecom_funnel_matches_pandas(telecom):
    db, _, frame = telecom
    rank = frame["Customerstatus"].map({"Stayed": RANK["retention"], "Churned": RANK["purchase"],
                                        "Joined": RANK["purchase"]})
    rank[frame["Numberofreferrals"] > 0] = RANK["advocacy"]
    expected = reached(rank)
    assert expected["advocacy"] == 3222
    assert funnel(db) == expected


def test_telecom_refunds_and_referrals_are_in_their_fields(telecom):
    db, _, frame = telecom
    assert one_value(db, "SELECT COUNT(*) FROM clients WHERE refunds > 0") == \
        int((frame["Totalrefunds"] > 0).sum()) == 525
    assert one_value(db, "SELECT ROUND(SUM(refunds), 2) FROM clients") == \
        round(frame["Totalrefunds"].sum(), 2)
    assert one_value(db, "SELECT SUM(referrals) FROM clients") == frame["Numberofreferrals"].sum()
    assert one_value(db, "SELECT refunds FROM clients WHERE client_id = '0003-MKNFE'") == 38.33


# --- Superstore workbook -------------------------------------------------------------------

@pytest.fixture(scope="module")
def superstore(datasets):
    path = datasets / "superstore_sample.xlsx"
    db, results = imported(path)
    sheets = pd.read_excel(path, sheet_name=None, engine="calamine")
    yield db, results, sheets
    db.close()


def test_superstore_sheets_and_kinds(superstore):
    db, results, sheets = superstore
    orders = sheets["Orders"]
    assert [(r.sheet, r.kind, r.rows, r.inserted, r.rejected) for r in results] == [
        ("Orders", "events", 9994, orders["Order ID"].nunique(), 0),  # lines -> orders
        ("Returns", "events", 296, 296, 0), ("People", "reference", 4, 4, 0)]
    assert orders["Order ID"].nunique() == 5009
    assert results[0].mapping["Customer ID"] == "client_id"
    assert results[0].mapping["Order Date"] == "date"
    assert results[1].mapping == {"Returned": None, "Order ID": "order_id"}
    assert one_value(db, "SELECT COUNT(*) FROM reference_rows WHERE sheet = 'People'") == 4
    # No client comes from the People sheet (some of its people are also customers).
    assert one_value(db, "SELECT COUNT(*) FROM clients WHERE import_id = ?",
                     [results[2].import_id]) == 0


def test_superstore_clients_and_repeat_buyers(superstore):
    db, _, sheets = superstore
    orders = sheets["Orders"]
    dates = orders.groupby("Customer ID")["Order Date"].nunique()
    assert one_value(db, "SELECT COUNT(*) FROM clients") == len(dates) == 793
    assert funnel(db) == {"awareness": 793, "consideration": 793, "purchase": 793,
                          "retention": int((dates >= 2).sum()), "advocacy": 0}
    assert int((dates >= 2).sum()) == 781


def test_superstore_returns_are_refunds_of_the_orders_clients(superstore):
    db, _, sheets = superstore
    returns, orders = sheets["Returns"], sheets["Orders"]
    assert len(returns) == returns["Order ID"].nunique() == 296      # no duplicate returns
    assert one_value(db, "SELECT COUNT(*) FROM events WHERE kind = 'refund'") == 296
    assert one_value(db, "SELECT COUNT(*) FROM events WHERE kind = 'refund' "
                         "AND client_ref IS NULL") == 0
    owner = orders.drop_duplicates("Order ID").set_index("Order ID")["Customer ID"]
    linked = dict(db.execute("SELECT e.order_id, c.client_id FROM events e "
                             "JOIN clients c ON c.id = e.client_ref WHERE e.kind = 'refund'"))
    assert linked == {order: owner[order] for order in returns["Order ID"]}
    refunded = owner[returns["Order ID"]].value_counts()
    assert dict(db.execute("SELECT client_id, refund_count FROM clients "
                           "WHERE refund_count > 0").fetchall()) == refunded.to_dict()


def test_superstore_orders_are_one_purchase_each_of_their_lines_sum(superstore):
    """An order's lines (one row per product) are one purchase of the lines' total, on its
    Excel date: purchases count orders, and refunds per 100 purchases are per order."""
    db, _, sheets = superstore
    orders = sheets["Orders"]
    each = orders.groupby("Order ID").agg(day=("Order Date", "first"), sales=("Sales", "sum"))
    expected = sorted(zip(each.index, each["day"].dt.strftime("%Y-%m-%d"),
                          each["sales"].round(4)))
    found = sorted((o, d, round(a, 4)) for o, d, a in db.execute(
        "SELECT order_id, date, amount FROM events WHERE kind = 'purchase'"))
    assert found == expected
    # CA-2016-152156: two lines, 261.96 + 731.94
    assert ("CA-2016-152156", "2016-11-08", 993.9) in found
    lines = json.loads(one_value(db, "SELECT extra FROM events WHERE order_id = "
                                     "'CA-2016-152156' AND kind = 'purchase'"))
    assert [lines["Sales"]] + [line["Sales"] for line in lines["line items"]] == pytest.approx(
        [261.96, 731.94])
    assert one_value(db, "SELECT SUM(purchase_count) FROM clients") == 5009


# --- Retail transactions ----------------------------------------------------------------

@pytest.fixture(scope="module")
def retail(datasets):
    path = datasets / "retail_data_transactions.csv"
    db, results = imported(path)
    yield db, results, pd.read_csv(path)
    db.close()


def test_retail_purchases_and_clients(retail):
    db, results, frame = retail
    (result,) = results
    assert result.mapping == {"customer_id": "client_id", "trans_date": "date",
                              "tran_amount": "amount"}
    assert (result.kind, result.rows, result.inserted, result.rejected) == (
        "events", 125000, 125000, 0)
    assert dict(db.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind").fetchall()) == {
        "purchase": 125000}
    assert one_value(db, "SELECT COUNT(*) FROM clients") == frame["customer_id"].nunique() == 6889


def test_retail_every_client_came_back(retail):
    db, _, frame = retail
    days = frame.groupby("customer_id")["trans_date"].nunique()
    assert (days >= 2).all()
    assert funnel(db) == {"awareness": 6889, "consideration": 6889, "purchase": 6889,
                          "retention": 6889, "advocacy": 0}


def test_retail_dates_like_11_feb_17(retail):
    db, _, frame = retail
    dates = pd.to_datetime(frame["trans_date"], format="%d-%b-%y").dt.strftime("%Y-%m-%d")
    expected = sorted(zip(frame["customer_id"], dates, frame["tran_amount"].astype(float)))
    found = sorted(db.execute("SELECT c.client_id, e.date, e.amount FROM events e "
                              "JOIN clients c ON c.id = e.client_ref").fetchall())
    assert found == expected
    first = db.execute("SELECT e.date FROM events e JOIN clients c ON c.id = e.client_ref "
                       "WHERE c.client_id = 'CS5295' AND e.amount = 35").fetchall()
    assert ("2017-02-11",) in first
