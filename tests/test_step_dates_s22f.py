"""A client list's dates of steps taken, kept as the days they were taken (session 22, F).
Each sheet goes through the command line and is checked against figures worked out by hand;
beside each, where it matters, a sheet where the rule must not fire.

- A date column that a client list's ticks read as a step ("First purchase", "Quote sent",
  "Paid", "Reviewed") lifted the client but lost its date: purchase_at stayed empty and the
  first date was the last contact. Each such day is now a stage change of the client on
  that day (rules.client_lists.steps_taken): the stage's date, no sale, no amount.
- "Customer since" / "Client since" (the first contact, as before) is also the day of the
  first purchase of the clients the sheet shows as customers; of the others, not.
- A later order list of the same clients counts each sale once; a day corrected on the list
  is updated, not added; undoing the list takes the dates back.
- The Signs page: customer since is the first purchase, and the period ends on the list's
  latest contact, not on the latest step (signs.period.latest_date). The workshop's data
  sources do not count the list's steps as a CRM's stage changes.
"""

from __future__ import annotations

from conftest import (cli_funnel, cli_import_text, cli_json, cli_undo, kind_totals,
                      workspace_rows, workspace_state)

DATES = ("SELECT name, first_date, consideration_at, purchase_at, advocacy_at, stage_since "
         "FROM clients ORDER BY name")
FIRST_PURCHASE = ("Client,First purchase,Last contact\n"
                  "Ann Lee,12/01/2025,03/06/2025\n"
                  "Bob Ray,,14/05/2025\n"
                  "Cat Fox,02/03/2025,20/05/2025\n"
                  "Dan Orr,,01/04/2025\n")


# --- 1. the day in a step's column ---------------------------------------------------------

def test_a_first_purchase_column_dates_the_purchase(tmp_path):
    """Day first, as 'Last contact' 14/05/2025 shows. Ann bought 12 Jan 2025, Cat 2 Mar:
    their purchase_at and first date (was NULL and the last contact, 2025-06-03 and
    2025-05-20); Bob and Dan, no step, keep their last contact as first date. The funnel
    stays [4, 2, 2, 0, 0]: no sale, no revenue, no purchase counted."""
    found = cli_import_text(tmp_path, "clients.csv", FIRST_PURCHASE)
    assert ("The days in 'First purchase' were kept as the day each of 2 clients took that "
            "step (the stage's date; no sale, no amount).") in found["notes"]
    assert workspace_rows(tmp_path, DATES) == [
        ("Ann Lee", "2025-01-12", None, "2025-01-12", None, "2025-01-12"),
        ("Bob Ray", "2025-05-14", None, None, None, None),
        ("Cat Fox", "2025-03-02", None, "2025-03-02", None, "2025-03-02"),
        ("Dan Orr", "2025-04-01", None, None, None, None)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert workspace_rows(tmp_path, "SELECT SUM(purchase_count), SUM(revenue_events) "
                                    "FROM clients") == [(0, None)]
    # the workshop's data sources: the list's steps are no CRM's stage changes
    from journey.workshop.method import existing_data
    from journey.workspace import open_workspace
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    (crm,) = [source for source in existing_data(db) if source.key == "crm"]
    assert (crm.present, crm.count) == (False, 0)
    db.close()


def test_each_step_of_a_pipeline_dates_its_stage(tmp_path):
    """A pipeline of dates: 'Booked' beside 'Paid' is consideration, so Ann's consideration
    is the earlier of Quote sent 10 Jan and Booked 8 Jan: 8 Jan; she paid 1 Feb and reviewed
    1 Mar; first date her enquiry, 5 Jan. Bob enquired 1 Feb, quoted 10 Feb. Cat enquired
    only. Reached: 3, 2 (Ann, Bob), 1, 1, 1 (Ann): [3, 2, 1, 1, 1], as the ticks alone gave."""
    cli_import_text(tmp_path, "pipeline.csv", (
        "Client,Enquired,Quote sent,Booked,Paid,Reviewed\n"
        "Ann Lee,2025-01-05,2025-01-10,2025-01-08,2025-02-01,2025-03-01\n"
        "Bob Ray,2025-02-01,2025-02-10,,,\n"
        "Cat Fox,2025-03-01,,,,\n"))
    assert workspace_rows(tmp_path, DATES) == [
        ("Ann Lee", "2025-01-05", "2025-01-08", "2025-02-01", "2025-03-01", "2025-03-01"),
        ("Bob Ray", "2025-02-01", "2025-02-10", None, None, "2025-02-10"),
        ("Cat Fox", "2025-03-01", None, None, None, "2025-03-01")]
    assert cli_funnel(tmp_path) == [3, 2, 1, 1, 1]
    assert kind_totals(tmp_path, "purchase") == (0, None)


def test_ticks_and_dates_naming_no_step_save_no_day(tmp_path):
    """Must not fire: 'Paid' of Yes/No is a tick with no day; 'Birthday' names no step.
    Ann paid: [2, 1, 1, 0, 0], no stage change saved, her purchase undated."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Paid,Birthday\n"
        "Ann Lee,Yes,1990-04-02\n"
        "Bob Ray,No,1985-07-19\n"))
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]
    assert kind_totals(tmp_path, "stage_change") == (0, None)
    assert workspace_rows(tmp_path, "SELECT COUNT(purchase_at) FROM clients") == [(0,)]


# --- 2. customer since ---------------------------------------------------------------------

def test_customer_since_dates_the_purchase_of_the_customers(tmp_path):
    """'Annual spend' makes Harbour Cafe and Mill Bakery customers: their 'Customer since'
    (1 Mar 2022, 15 Jun 2023) is their purchase date too. Corner Deli, no spend, is not
    shown as a customer: its date stays its first contact only. [3, 2, 2, 0, 0], 16,500, as
    before."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Annual spend,Customer since\n"
        "Harbour Cafe,orders@harbour.example,\"$12,000\",2022-03-01\n"
        "Mill Bakery,mill@bakery.example,\"$4,500\",2023-06-15\n"
        "Corner Deli,deli@corner.example,,2024-01-10\n"))
    assert ("'Customer since' was read as the day of the first purchase of the 2 clients the "
            "sheet shows as customers (no sale, no amount); 1 not shown as one kept it as the "
            "first contact only.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name, first_contact, purchase_at FROM clients "
                                    "ORDER BY name") == [
        ("Corner Deli", "2024-01-10", None), ("Harbour Cafe", "2022-03-01", "2022-03-01"),
        ("Mill Bakery", "2023-06-15", "2023-06-15")]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(16500.0,)]


def test_client_since_of_no_customer_is_the_first_contact_only(tmp_path):
    """Must not fire: nothing says Acme or Bolt bought (a balance is no purchase): 'Client
    since' is their first contact, no purchase date, [2, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Client since,Latest invoice,Balance\n"
        "Acme,ap@acme.com,2022-05-01,2025-02-28,0\n"
        "Bolt,ap@bolt.io,2023-07-12,2025-01-31,120\n"))
    assert workspace_rows(tmp_path, "SELECT name, first_contact, purchase_at FROM clients "
                                    "ORDER BY name") == [
        ("Acme", "2022-05-01", None), ("Bolt", "2023-07-12", None)]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


# --- 3. with an order list, again, and undone ----------------------------------------------

ORDERS = ("Order,Customer,Date,Total\n"
          "1001,Ann Lee,12/01/2025,100\n"
          "1002,Ann Lee,20/04/2025,50\n"
          "1003,Cat Fox,02/03/2025,80\n")


def test_an_order_list_of_the_same_clients_counts_each_sale_once(tmp_path):
    """The list, then the orders: Ann's first order is the day the list gave, a second on
    20 Apr (retention); Cat's one order on hers. Sales 3 of 230 (100 + 50 + 80), Ann 2 and
    150, Cat 1 and 80: [4, 2, 2, 1, 0], as the orders alone with the list gave before."""
    cli_import_text(tmp_path, "clients.csv", FIRST_PURCHASE)
    cli_import_text(tmp_path, "orders.csv", ORDERS)
    assert kind_totals(tmp_path, "purchase") == (3, 230.0)
    assert workspace_rows(tmp_path, "SELECT name, purchase_count, revenue_events, purchase_at, "
                                    "retention_at FROM clients WHERE purchase_count > 0 "
                                    "ORDER BY name") == [
        ("Ann Lee", 2, 150.0, "2025-01-12", "2025-04-20"),
        ("Cat Fox", 1, 80.0, "2025-03-02", None)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_a_day_corrected_on_the_list_is_updated_and_undo_takes_it_back(tmp_path):
    """Ann's one order was on 15 Jan; the list says she first bought 12 Jan: purchase_at
    2025-01-12, one sale of 100 still. The list again with Cat's day corrected to 5 Mar:
    one step each still, Cat's moved. Undoing the correction puts 2 Mar back; undoing the
    list leaves the workspace as the orders alone left it (Ann's purchase 15 Jan)."""
    cli_import_text(tmp_path, "orders.csv", "Order,Customer,Date,Total\n"
                                            "1001,Ann Lee,15/01/2025,100\n")
    orders_only = workspace_state(tmp_path)
    cli_import_text(tmp_path, "clients.csv", FIRST_PURCHASE)
    assert workspace_rows(tmp_path, "SELECT purchase_at, purchase_count, revenue_events FROM "
                                    "clients WHERE name = 'Ann Lee'") == [
        ("2025-01-12", 1, 100.0)]
    cli_import_text(tmp_path, "clients2.csv", FIRST_PURCHASE.replace("02/03/2025", "05/03/2025"))
    steps = "SELECT name, date FROM events WHERE kind = 'stage_change' ORDER BY name"
    assert workspace_rows(tmp_path, steps) == [("Ann Lee", "2025-01-12"),
                                                ("Cat Fox", "2025-03-05")]
    cli_undo(tmp_path, 3)
    assert workspace_rows(tmp_path, steps) == [("Ann Lee", "2025-01-12"),
                                                ("Cat Fox", "2025-03-02")]
    cli_undo(tmp_path, 2)
    assert workspace_state(tmp_path) == orders_only
    assert workspace_rows(tmp_path, "SELECT purchase_at FROM clients") == [("2025-01-15",)]


# --- 4. the signs and the cohorts ------------------------------------------------------------

def test_retention_counts_customers_since_their_first_purchase(tmp_path):
    """The latest date is Eve's last contact, 5 Jun 2025 (not Cat's step, 2 Mar): the
    period 2024-06-06 to 2025-06-05. Bob, a customer since 15 Feb 2024, was one at its
    start and left (churned, last seen 14 May 2025); Ann, Cat and Dan first bought in it.
    (3 at the end - 3 new) / 1 at the start = 0%: red (was unknown, every customer dated by
    the last contact, so none at the start). Cohorts by first date: Bob's 2024-02, Dan's
    2024-10, Ann's 2025-01, Cat's 2025-03, Eve's 2025-06."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Status,First purchase,Last contact\n"
        "Ann Lee,Active,12/01/2025,03/06/2025\n"
        "Bob Ray,Churned,15/02/2024,14/05/2025\n"
        "Cat Fox,Active,02/03/2025,20/05/2025\n"
        "Dan Orr,Active,10/10/2024,01/04/2025\n"
        "Eve Hart,Lead,,05/06/2025\n"))
    assert cli_funnel(tmp_path) == [5, 4, 4, 0, 0]
    (retention,) = [s for s in cli_json(tmp_path, "signs")["signs"]
                    if s["key"] == "low_retention"]
    assert (retention["status"], retention["value"]) == ("red", 0.0)
    from journey.funnel import cohort_conversion
    from journey.workspace import open_workspace
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    cohorts = cohort_conversion(db)
    assert sorted(cohorts["cohort"].unique()) == [
        "2024-02", "2024-10", "2025-01", "2025-03", "2025-06"]
    db.close()
