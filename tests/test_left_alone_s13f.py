"""Misreadings the s13 sweeps noticed and left: a tradesperson's quote list, a client list's
count of sessions, a log of one job per client, ... Each sheet goes through the command line
and is checked against figures worked out by hand; beside each, a sheet where the rule must
not fire."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

QUOTES = ("Quote No,Date,Customer,Phone,Job,Quote Amount,Status\n"
          "Q-101,04/03/2024,Ann Lee,07700 900101,Bathroom refit,4200,Accepted\n"
          "Q-102,06/03/2024,Bob Ray,07700 900102,Fence repair,650,Sent\n"
          "Q-103,11/03/2024,Cy Tan,07700 900103,Kitchen tiling,1800,Declined\n"
          "Q-104,14/03/2024,Dee Moss,07700 900104,Boiler service,95,Expired\n"
          "Q-105,20/03/2024,Ed Fox,07700 900105,Rewire,3100,Accepted\n")


# --- 1. a tradesperson's quotes ----------------------------------------------------------

def test_a_quote_list_is_consideration_not_sales(tmp_path):
    """Five quotes: each customer was quoted (consideration). Ann's and Ed's were accepted
    (a job agreed, not yet paid: consideration still), Bob's is out, Cy's declined and
    Dee's expired (lost). No sale, no revenue: not Dee 'churned' into a customer."""
    found = cli_import_text(tmp_path, "quotes.csv", QUOTES)
    assert found["kind"] == "events"
    assert found["unknown_stage_values"] == {}
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert kind_totals(tmp_path, "won") == (0, None)
    assert kind_totals(tmp_path, "lost") == (2, 1895.0)
    assert cli_funnel(tmp_path) == [5, 5, 0, 0, 0]
    assert any("accepted" in note and "not yet paid" in note for note in found["notes"])


def test_an_invoice_after_the_quotes_is_the_one_sale(tmp_path):
    """Ann's accepted quote (4200) is then invoiced and paid: one sale of 4200, not two."""
    cli_import_text(tmp_path, "quotes.csv", QUOTES)
    cli_import_text(tmp_path, "invoices.csv", (
        "Invoice No,Invoice Date,Customer,Description,Total,Status\n"
        "INV-2001,02/04/2024,Ann Lee,Bathroom refit (Q-101),4200,Paid\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 4200.0)
    assert kind_totals(tmp_path, "won") == (0, None)
    assert cli_funnel(tmp_path) == [5, 5, 1, 0, 0]


def test_an_estimates_sheet_by_its_name(tmp_path):
    """A sheet called Estimates with a plain Amount: Approved is agreed (consideration),
    Rejected lost, Draft still being written (consideration: the client asked)."""
    found = cli_import_text(tmp_path, "estimates.csv", (
        "Estimate #,Client,Created,Amount,Status\n"
        "E-1,Ann Lee,2024-05-01,900,Approved\n"
        "E-2,Bob Ray,2024-05-03,450,Rejected\n"
        "E-3,Cy Tan,2024-05-06,1200,Draft\n"))
    assert found["kind"] == "events"
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert kind_totals(tmp_path, "lost") == (1, 450.0)
    assert cli_funnel(tmp_path) == [3, 3, 0, 0, 0]


# --- 2. a count of sessions on a list of paying clients ----------------------------------

def test_sessions_on_a_therapists_client_list_are_purchases(tmp_path):
    """Ann had 12 sessions and Dee 2 (retention), Bob 1 (purchase), Cy none (enquired)."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client Name,Email,Phone,First Session,Sessions,Notes\n"
        "Ann Lee,ann@example.com,07700 900201,04/09/2023,12,Anxiety - weekly\n"
        "Bob Ray,bob@example.com,07700 900202,15/01/2024,1,\n"
        "Cy Tan,cy@example.com,07700 900203,,0,Enquired in Feb\n"
        "Dee Moss,dee@example.com,07700 900204,02/02/2024,2,Couples\n"))
    assert found["kind"] == "clients"
    assert found["mapping"]["Sessions"] == "purchases"
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]


def test_classes_attended_on_a_studio_list(tmp_path):
    found = cli_import_text(tmp_path, "members.csv", (
        "Name,Email,Membership,Classes attended,Joined\n"
        "Ann Lee,ann@example.com,Monthly,23,2023-11-01\n"
        "Bob Ray,bob@example.com,10-class pass,1,2024-02-10\n"
        "Cy Tan,cy@example.com,Drop-in,0,2024-03-01\n"))
    assert found["mapping"]["Classes attended"] == "purchases"
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_sessions_booked_on_a_lead_list_are_no_purchases(tmp_path):
    """Leads with sessions booked (a discovery session): none has bought."""
    found = cli_import_text(tmp_path, "leads.csv", (
        "Name,Email,Enquiry Date,Source,Sessions booked,Lead Status\n"
        "Ann Lee,ann@example.com,2024-03-01,Instagram,1,New lead\n"
        "Bob Ray,bob@example.com,2024-03-04,Referral,2,Contacted\n"
        "Cy Tan,cy@example.com,2024-03-09,Google,0,New lead\n"))
    assert found["mapping"]["Sessions booked"] is None
    assert cli_funnel(tmp_path)[2:] == [0, 0, 0]


def test_free_trial_sessions_are_no_purchases(tmp_path):
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Joined,Free trial sessions\n"
        "Ann Lee,ann@example.com,2024-03-01,3\n"
        "Bob Ray,bob@example.com,2024-03-04,2\n"))
    assert found["mapping"]["Free trial sessions"] is None
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


# --- 3. a log of one job per client -------------------------------------------------------

def test_a_job_log_where_each_client_appears_once_is_sales(tmp_path):
    """A designer's year: three clients, one project each, a date and a fee on each row:
    three sales, 450 + 300 + 1800 = 2550."""
    found = cli_import_text(tmp_path, "work-2024.csv", (
        "Date,Client,Project,Fee\n"
        "2024-03-01,Ann Lee,Logo design,450\n"
        "2024-03-12,Bob Ray,Brochure,300\n"
        "2024-04-02,Cy Tan,Website,1800\n"))
    assert found["kind"] == "events"
    assert kind_totals(tmp_path, "purchase") == (3, 2550.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_job_log_with_a_client_twice_is_sales(tmp_path):
    """Ann on two days (200, 500) and Bob (80): three sales of 780; Ann a repeat client."""
    cli_import_text(tmp_path, "work-2024.csv", (
        "Date,Client,Service,Price\n"
        "2024-03-01,Ann Lee,Logo,200\n"
        "2024-03-05,Bob Ray,Flyer,80\n"
        "2024-03-09,Ann Lee,Website,500\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 780.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_an_agencys_client_list_with_a_project_stays_a_client_list(tmp_path):
    """Phone, country and industry beside the project: one row per client, its retainer its
    revenue; no sales made up from it."""
    found = cli_import_text(tmp_path, "accounts.csv", (
        "Client,Phone,Country,Industry,Project,Start date,Retainer\n"
        "Acme Ltd,0207 900 1000,UK,Retail,Rebrand,2024-01-10,1500\n"
        "Bolt plc,0207 900 2000,UK,Energy,Website,2024-02-01,900\n"))
    assert found["kind"] == "clients"
    assert kind_totals(tmp_path, "purchase") == (0, None)


# --- 4. Etsy: refunds on the basis of the sales they refund -------------------------------

ETSY_SOLD_ORDERS = (
    "Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,"
    "Payment Method,Date Shipped,Ship City,Ship State,Ship Country,Currency,Order Value,"
    "Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales Tax,"
    "Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,"
    "Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,Payment Type\n"
    "03/02/24,3101,201,Ann Lee,Ann,Lee,2,Credit Card,03/04/24,Austin,TX,United States,USD,"
    "40.00,,,0,0,5.00,3.60,48.60,Completed,1.71,46.89,0.00,0.00,0.00,annlee,online,online_cc\n"
    "03/05/24,3102,202,Bob Ray,Bob,Ray,2,PayPal,03/06/24,Leeds,,United Kingdom,USD,"
    "30.00,,,0,0,4.50,0,34.50,Completed,1.28,33.22,24.50,0.98,23.52,bobray,online,paypal\n"
    "03/09/24,3103,203,Cy Tan,Cy,Tan,1,Credit Card,03/10/24,Denver,CO,United States,USD,"
    "25.00,,,0,0,5.00,0,30.00,Completed,1.15,28.85,,,,cytan,online,online_cc\n")


def test_etsy_refunds_are_on_the_order_value_as_its_sales_are(tmp_path):
    """Revenue is Order Value (items: 40 + 30 + 25 = 95). Ann's order was refunded in
    full (Adjusted Order Total 0): a refund of her 40 of items, not of the 48.60 she paid
    with shipping and tax. Bob got 10 back (34.50 less 24.50), within his 30: 10."""
    cli_import_text(tmp_path, "EtsySoldOrders2024-3.csv", ETSY_SOLD_ORDERS)
    assert kind_totals(tmp_path, "purchase") == (3, 95.0)
    assert kind_totals(tmp_path, "refund") == (2, 50.0)
    assert workspace_rows(tmp_path, "SELECT order_id, amount FROM events WHERE kind = 'refund' "
                                    "ORDER BY order_id") == [("3101", 40.0), ("3102", 10.0)]


# --- 5. a booking with only a deposit paid -------------------------------------------------

FAREHARBOR_DEPOSITS = (
    "Booking #,Created At,Item,Start Date,Start Time,Contact Name,Contact Email,"
    "Contact Phone,Pax,Status,Subtotal,Taxes,Total,Total Paid,Refunded,Affiliate\n"
    "#52001,05/01/2024 09:00 AM,Zipline Tour,05/18/2024,10:00 AM,Ann Lee,ann@lee.us,"
    "808-555-0201,2,Booked,$190.00,$10.00,$200.00,$200.00,$0.00,\n"
    "#52002,05/02/2024 10:30 AM,Zipline Tour,05/19/2024,10:00 AM,Bob Ray,bob@ray.us,"
    "808-555-0202,4,Booked,$380.00,$20.00,$400.00,$100.00,$0.00,Viator\n"
    "#52003,05/03/2024 01:15 PM,Canyon Hike,05/20/2024,8:00 AM,Cy Tan,cy@tan.us,,1,Booked,"
    "$95.00,$5.00,$100.00,$0.00,$0.00,\n")


def test_a_booking_with_a_deposit_paid_is_a_sale_of_the_deposit(tmp_path):
    """Ann paid her 200 in full, Bob a deposit of 100 of his 400, Cy nothing yet. Sales:
    200 + 100 = 300 (not 600); Cy booked, a contact at consideration. The notes say so,
    not that the three rows were read as contacts."""
    found = cli_import_text(tmp_path, "bookings.csv", FAREHARBOR_DEPOSITS)
    assert kind_totals(tmp_path, "purchase") == (2, 300.0)
    assert kind_totals(tmp_path, "contact") == (1, 100.0)
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]
    assert not any("read as contacts" in note for note in found["notes"])
    assert ("3 bookings said Booked: 2 with money paid in 'Total Paid' were read as "
            "purchases of what was paid so far (1 of them a part, 100.00 of 400.00), and 1 "
            "with nothing paid yet as a contact at consideration.") in found["notes"]


def test_rezdy_part_paid_is_a_sale_of_what_was_paid(tmp_path):
    """Rezdy's Total Paid beside Total Amount and Total Due: Quinn paid 398 in full, then
    199 in full, Seb 150 of 435: 398 + 199 + 150 = 747, not 1,032."""
    cli_import_text(tmp_path, "rezdy_orders.csv", (
        "Order Number,Status,Date Created,Product Name,Tour Date,Customer First Name,"
        "Customer Last Name,Customer Email,Total Amount,Total Paid,Total Due,Source\n"
        "R0A1B2C,CONFIRMED,2024-02-01 09:10,Harbour Bridge Climb,2024-02-20 10:00,Quinn,"
        "Reyes,quinn@reyes.au,$398.00,$398.00,$0.00,ONLINE\n"
        "R0A1B2E,CONFIRMED,2024-02-05 16:30,Blue Mountains Day,2024-02-25 07:00,Seb,Tran,"
        "seb@tran.au,$435.00,$150.00,$285.00,API\n"
        "R0A1B2G,CONFIRMED,2024-03-01 10:00,Harbour Bridge Climb,2024-03-10 10:00,Quinn,"
        "Reyes,quinn@reyes.au,$199.00,$199.00,$0.00,ONLINE\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 747.0)


# --- 6. an invoice part paid -----------------------------------------------------------------

def test_an_invoice_awaiting_payment_with_part_paid_is_a_sale_of_what_was_paid(tmp_path):
    """Xero's invoice list: Ann's 1000 paid; Bob's 800 awaiting payment with 300 paid (a
    sale of the 300 so far, as a deposit on a booking is); Cy's 450 nothing paid and Ann's
    draft: contacts. Sales 1000 + 300 = 1300; [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "Invoices.csv", (
        "Invoice Number,Contact,Invoice Date,Due Date,Total,Amount Paid,Amount Due,Status\n"
        "INV-0001,Ann Lee,2024-03-01,2024-03-31,1000.00,1000.00,0.00,Paid\n"
        "INV-0002,Bob Ray,2024-03-05,2024-04-04,800.00,300.00,500.00,Awaiting Payment\n"
        "INV-0003,Cy Tan,2024-03-09,2024-04-08,450.00,0.00,450.00,Awaiting Payment\n"
        "INV-0004,Ann Lee,2024-04-01,2024-04-30,200.00,0.00,200.00,Draft\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 1300.0)
    assert kind_totals(tmp_path, "contact") == (2, 650.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
    assert ("1 row said Awaiting Payment with money already paid in 'Amount Paid': read as a "
            "purchase of what was paid so far (300.00 of 800.00).") in found["notes"]


def test_a_partially_paid_invoice_is_a_sale_of_what_was_paid(tmp_path):
    """The same rule where the status says so: Dee paid 200 of 600, Eli 90 of 90."""
    cli_import_text(tmp_path, "invoices.csv", (
        "Invoice #,Customer,Date,Total,Amount Paid,Status\n"
        "1041,Dee Moss,2024-05-02,600.00,200.00,Partially Paid\n"
        "1042,Eli Ward,2024-05-06,90.00,90.00,Paid\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 290.0)
