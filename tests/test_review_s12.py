"""Review of the s12 import rules: sheets of the same kinds as the new rules' own, where a
rule fired where it must not or gave a wrong figure. Each through the command line, with
the figures worked out by hand in its docstring."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

NAMES = "SELECT name FROM clients ORDER BY name"


def test_a_client_tracker_with_a_paid_column_stays_a_client_list(tmp_path):
    """A tracker, one row per client, with phone, country, stage, revenue and a Paid Y/N:
    a client list (4 clients, Customer, Lead, Customer, Proposal: [4, 3, 2, 0, 0]); its
    Revenue is each client's total, never 2 dateless purchases of 2,000."""
    found = cli_import_text(tmp_path, "tracker.csv", (
        "Client ID,Name,Email,Phone,Country,Stage,Revenue,Paid\n"
        "C1,Ann Lee,ann@lee.com,0101,UK,Customer,1200,Yes\n"
        "C2,Bob Ray,bob@ray.com,0102,UK,Lead,0,No\n"
        "C3,Cara Moss,cara@moss.com,0103,IE,Customer,800,Yes\n"
        "C4,Dan Fox,dan@fox.com,0104,UK,Proposal,0,No\n"))
    assert found["kind"] == "clients"
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert cli_funnel(tmp_path) == [4, 3, 2, 0, 0]


def test_a_one_job_per_client_sheet_with_paid_is_still_events(tmp_path):
    """The rule's own case with no date: Ann 120 and Cara 200 paid, Bob's 90 not."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Client,Job,Amount,Paid\nAnn Lee,Kitchen tap,120,Yes\nBob Ray,Boiler service,90,No\n"
        "Cara Moss,Radiator,200,Yes\n"))
    assert found["kind"] == "events"
    assert kind_totals(tmp_path, "purchase") == (2, 320.0)


def test_who_of_the_business_beside_a_client_id_or_email_is_no_client_name(tmp_path):
    """A call log keyed by client ID, and one by e-mail, whose "Who" is the member of staff:
    Sarah called C1 and C2, Tom called C1. The clients are not named Sarah or Tom (2
    clients, 3 contacts, no names); "Who" is kept with each row."""
    found = cli_import_text(tmp_path, "calls.csv", (
        "Date,Client ID,Who,Outcome\n2024-02-01,C1,Sarah,Called back\n"
        "2024-02-02,C2,Sarah,Left voicemail\n2024-02-03,C1,Tom,Sent quote\n"))
    assert found["mapping"]["Who"] is None
    assert workspace_rows(tmp_path, "SELECT client_id, name FROM clients ORDER BY 1") == [
        ("C1", None), ("C2", None)]
    (tmp_path / "w.db").unlink()
    found = cli_import_text(tmp_path, "calls.csv", (
        "Date,Customer email,Who,Notes\n2024-02-01,ann@lee.com,Sarah,Called back\n"
        "2024-02-02,bob@ray.com,Sarah,Left voicemail\n2024-02-03,ann@lee.com,Tom,Quote\n"))
    assert found["mapping"]["Who"] is None
    assert workspace_rows(tmp_path, "SELECT email, name FROM clients ORDER BY 1") == [
        ("ann@lee.com", None), ("bob@ray.com", None)]
    assert kind_totals(tmp_path, "contact") == (3, None)


def test_referred_by_on_a_clinics_visits_makes_no_clients_of_gps_and_adverts(tmp_path):
    """A physio's visits with "Referred by": Dr Patel (a GP), Google Ads, Checkatrade are
    no clients of the sheet and it is no referral log: each is the row's channel. 4
    patients, no referral (not 7 clients, 3 of them advocates). Each visit is a treatment
    at a fee, a sale (s13f: a date, a price and the work done make a log of sales):
    funnel [4, 4, 4, 1, 0], Ann seen on two days."""
    found = cli_import_text(tmp_path, "visits.csv", (
        "Date,Patient,Treatment,Fee,Referred by\n"
        "2024-01-05,Ann Lee,Assessment,60,Dr Patel\n2024-01-12,Ann Lee,Follow-up,45,\n"
        "2024-01-07,Bob Ray,Assessment,60,Dr Patel\n"
        "2024-01-09,Cara Moss,Assessment,60,Google Ads\n"
        "2024-01-10,Dan Fox,Assessment,60,Checkatrade\n"))
    assert any("names no client of this sheet" in n for n in found["notes"])
    assert workspace_rows(tmp_path, NAMES) == [("Ann Lee",), ("Bob Ray",), ("Cara Moss",),
                                               ("Dan Fox",)]
    assert kind_totals(tmp_path, "referral") == (0, None)
    assert workspace_rows(tmp_path, "SELECT channel FROM events WHERE date = '2024-01-09'"
                          ) == [("Google Ads",)]
    assert cli_funnel(tmp_path) == [4, 4, 4, 1, 0]


def test_a_client_referred_on_three_orders_is_one_referral(tmp_path):
    """Bob's three orders each say "Referred by Ann Lee": Ann referred one client, once
    (on the first order's day), not three times. Purchases 4, 350; Ann advocacy."""
    cli_import_text(tmp_path, "orders.csv", (
        "Date,Customer,Amount,Referred by\n2024-01-05,Bob Ray,100,Ann Lee\n"
        "2024-02-05,Bob Ray,100,Ann Lee\n2024-03-05,Bob Ray,100,Ann Lee\n"
        "2024-01-06,Ann Lee,50,\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 350.0)
    assert workspace_rows(tmp_path, "SELECT c.name, e.date FROM events e JOIN clients c "
                                    "ON c.rowid = e.client_ref WHERE e.kind = 'referral'"
                          ) == [("Ann Lee", "2024-01-05")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 2, 1]


def test_a_sales_note_that_goes_on_after_refund_is_still_a_sale(tmp_path):
    """A sales log's notes: "Refund policy explained", "Refunded £20 for late delivery"
    (a partial refund noted on a sale), "Refund requested - declined" are sales; only
    "Refund - logo design" is money going back. Purchases 3, 1,000; refund 1, 150."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Client,Amount,Notes\n2024-01-05,Ann Lee,500,Refund policy explained\n"
        "2024-01-06,Bob Ray,200,Refunded £20 for late delivery\n"
        "2024-01-07,Cara Moss,300,Refund requested - declined\n"
        "2024-01-08,Dan Fox,150,Refund - logo design\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 1000.0)
    assert kind_totals(tmp_path, "refund") == (1, 150.0)


def test_booked_beside_won_on_a_lead_list_is_no_purchase(tmp_path):
    """A coach's leads: Lead, Booked (a call), Proposal sent, Won, Lost. The list has its
    own word for a won deal, so Booked is not one: Dan alone bought, [5, 3, 1, 0, 0]."""
    cli_import_text(tmp_path, "leads.csv", (
        "Name,Email,Status\nAnn Lee,ann@lee.com,Lead\nBob Ray,bob@ray.com,Booked\n"
        "Cara Moss,cara@moss.com,Proposal sent\nDan Fox,dan@fox.com,Won\n"
        "Eve Hart,eve@hart.com,Lost\n"))
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE furthest_stage = "
                                    "'purchase'") == [("Dan Fox",)]
    assert cli_funnel(tmp_path) == [5, 3, 1, 0, 0]


def test_booked_on_a_list_of_appointments_one_per_client_is_no_purchase(tmp_path):
    """Appointments, one per client (so read as a client list): Ann's and Cara's booked
    appointments are still to come (consideration), Bob's cancelled: [3, 2, 0, 0, 0]."""
    cli_import_text(tmp_path, "appointments.csv", (
        "Name,Email,Appointment,Status\nAnn Lee,ann@lee.com,2024-05-01 10:00,Booked\n"
        "Bob Ray,bob@ray.com,2024-05-02 11:00,Cancelled\n"
        "Cara Moss,cara@moss.com,2024-05-03 09:00,Booked\n"))
    assert cli_funnel(tmp_path) == [3, 2, 0, 0, 0]


def test_two_courses_at_the_same_fee_are_two_purchases(tmp_path):
    """Enrolments: Ann took Pottery 1 then Pottery 2, both 200; Bob Pottery 1. A "Course"
    column names each row's course, so Ann's second is a new course, not a session of the
    first: 3 purchases, 600 (not 400)."""
    cli_import_text(tmp_path, "enrolments.csv", (
        "Student,Course,Date,Course fee,Paid\nAnn Lee,Pottery 1,2024-01-05,200,Y\n"
        "Ann Lee,Pottery 2,2024-04-05,200,Y\nBob Ray,Pottery 1,2024-01-05,200,Y\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 600.0)


def test_a_family_email_on_two_stripe_customers_joins_neither_to_one_client(tmp_path):
    """The tracker knows John Smith by the family address; Stripe has two customers with
    it, John (100) and Mary (80). Mary's payment is not John's: no client bought twice
    (no retention). 3 clients, as before the matching by e-mail ([3, 2, 2, 0, 0]), not 1
    client at retention."""
    cli_import_text(tmp_path, "tracker.csv", "Client,Email,Stage\n"
                                             "John Smith,smith.family@x.com,Lead\n")
    cli_import_text(tmp_path, "stripe_payments.csv", (
        "id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer ID,"
        "Customer Description,Customer Email\n"
        "ch_1,2024-01-10 09:00:00,100.00,0.00,gbp,true,Paid,cus_1,John Smith,"
        "smith.family@x.com\n"
        "ch_2,2024-01-11 09:00:00,80.00,0.00,gbp,true,Paid,cus_2,Mary Smith,"
        "smith.family@x.com\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 180.0)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE furthest_stage = "
                                    "'retention'") == [(0,)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_one_person_under_two_stripe_ids_still_joins_by_email(tmp_path):
    """Stripe made two customers of Jane (same address, same name): both join the
    tracker's Jane, who paid on two days (retention): 1 client, [1, 1, 1, 1, 0]."""
    cli_import_text(tmp_path, "tracker.csv", "Client,Email,Stage\nJane Doe,jane@doe.com,Lead\n")
    cli_import_text(tmp_path, "stripe_payments.csv", (
        "id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer ID,"
        "Customer Description,Customer Email\n"
        "ch_1,2024-01-10 09:00:00,100.00,0.00,gbp,true,Paid,cus_1,Jane Doe,jane@doe.com\n"
        "ch_2,2024-02-11 09:00:00,80.00,0.00,gbp,true,Paid,cus_2,Jane Doe,jane@doe.com\n"))
    assert cli_funnel(tmp_path) == [1, 1, 1, 1, 0]
