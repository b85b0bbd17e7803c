"""Misreadings session 22's reviews (K3's, K4's, O's, A's) found and left alone (session 23,
A). Each sheet goes through the command line and is checked against figures worked out by
hand (the working in each docstring); beside each, a sheet where the new reading must not
fire.

- What prospects spend a year ("Annual spend") is revenue to come on a lead list whose
  'Status' (not a 'Stage') says Prospect or Qualified, and beside a customer on the list
  too (the customer's is revenue); a tracker's plain "Spend" beside a customer stays
  revenue. A supplier list's "Annual spend" is what the business spends, not revenue; a
  customer list with a "Supplier" column keeps its customers' spend.
- A quotes log's "Outcome" is read (policy kept: an accepted quote is a job agreed, at
  consideration; "Won" a purchase; declined, lost, no reply lost).
- A subscriptions CSV of no known tool (subscription_id, status ACTIVE or CANCELLED,
  created_at, cancelled_at, the customer's e-mail) is one subscription a row: ACTIVE and
  CANCELLED subscribers paid (purchase), the cancelled churned.
- Amounts under term or month columns beside the fee of one ("Fee per term", "Monthly
  fee") are each a payment: revenue their sum, a client with two a repeat customer; hours
  under months beside a fee, and amounts under months with no fee column, read as before.
- A round's columns headed by days without a year ("01/02", "08/02") are dates: ticks
  under them are visits paid at the price, amounts payments; a year's spans ("10/11",
  "11/12", "12/13") are not.
- "Live" beside "On hold" and "Cancelled" (no "Active") on a list of paying members is
  Active; on a list of leads it says nothing of buying.
- A nursery's sessions ("Full day", "Half day") with a fee are sessions had, "Absent" at
  0 no sale; "half" in a Paid column is half the amount paid (a log's row, a client list's
  fee), "Half term camp" in a session column nothing of the kind.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

REVENUE = ("SELECT name, revenue_current, revenue_potential FROM clients ORDER BY name")
TOTALS = "SELECT SUM(revenue_current), SUM(revenue_potential) FROM clients"
PAID = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"


# --- 1. what prospects and suppliers spend ----------------------------------------------------

def test_a_lead_lists_status_makes_annual_spend_revenue_to_come(tmp_path):
    """'Status' Prospect (50,000) and Qualified (20,000), no one bought: what each spends a
    year is revenue to come, 70,000 potential and no revenue (was 70,000 revenue, the rule
    asking for a 'Stage'); funnel [2, 1, 0, 0, 0] as before."""
    found = cli_import_text(tmp_path, "leads.csv", "Company,Status,Annual spend\n"
                            "Acme,Prospect,50000\nBeta,Qualified,20000\n")
    assert ("2 clients at awareness or consideration with more than 0 in 'Annual spend' "
            "(70,000) have bought nothing yet") in " ".join(found["notes"])
    assert workspace_rows(tmp_path, TOTALS) == [(None, 70000.0)]
    assert cli_funnel(tmp_path) == [2, 1, 0, 0, 0]


def test_annual_spend_beside_one_customer_is_the_prospects_revenue_to_come(tmp_path):
    """Acme (Prospect, 50,000), Beta (Qualified, 20,000), Gamma (Customer, 12,000): a sum a
    year is what each spends; only Gamma's is with the business. Revenue 12,000, potential
    70,000 (was 82,000 revenue); [3, 2, 1, 0, 0]."""
    cli_import_text(tmp_path, "leads.csv", "Company,Stage,Annual spend\nAcme,Prospect,50000\n"
                    "Beta,Qualified,20000\nGamma,Customer,12000\n")
    assert workspace_rows(tmp_path, REVENUE) == [("Acme", None, 50000.0),
                                                 ("Beta", None, 20000.0),
                                                 ("Gamma", 12000.0, None)]
    assert cli_funnel(tmp_path) == [3, 2, 1, 0, 0]


def test_a_trackers_spend_beside_a_customer_stays_revenue(tmp_path):
    """Not fired: a tracker's 'Spend' (not a sum a year), Rosa (Customer) 1,000 and Bar
    Tonic (Lead) 500: what each spent with the business, 1,500 revenue."""
    cli_import_text(tmp_path, "tracker.csv", "Client,Stage,Spend\nRosa Bakery,Customer,1000\n"
                    "Bar Tonic,Lead,500\n")
    assert workspace_rows(tmp_path, TOTALS) == [(1500.0, None)]


def test_a_supplier_lists_annual_spend_is_no_revenue(tmp_path):
    """'Supplier', 'Contact', 'Annual spend' (4,000 and 2,000): what the business spends
    with each supplier, kept as extra: no revenue (was 6,000); the contacts at awareness,
    [2, 0, 0, 0, 0] as before."""
    found = cli_import_text(tmp_path, "suppliers.csv", "Supplier,Contact,Annual spend\n"
                            "Flour Mill,Jo Bake,4000\nBox Co,Sam Lee,2000\n")
    assert found["mapping"]["Annual spend"] is None
    assert ("'Annual spend' beside 'Supplier' is what the business spends with its "
            "suppliers, not revenue: kept as extra") in found["explanation"]
    assert workspace_rows(tmp_path, TOTALS) == [(None, None)]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_customer_lists_supplier_column_leaves_its_spend_alone(tmp_path):
    """Not fired: 'Customer' beside the 'Supplier' serving each: the customers' 400 and
    200 stay revenue (600)."""
    cli_import_text(tmp_path, "customers.csv", "Customer,Supplier,Annual spend\n"
                    "Ann Lee,Flour Mill,400\nBo Tan,Box Co,200\n")
    assert workspace_rows(tmp_path, TOTALS) == [(600.0, None)]


# --- 2. a quotes log's outcome ----------------------------------------------------------------

QUOTES = [["Date", "Client", "Job", "Quote", "Outcome"],
          ["02/06/2025", "Ann Bell", "Kitchen", "£4,800", "Accepted"],
          ["03/06/2025", "Bo Chan", "Bathroom", "£3,200", "Declined"],
          ["04/06/2025", "Cal Dee", "Loft", "£9,000", "Won"],
          ["05/06/2025", "Dee Eve", "Porch", "£2,000", "Lost"],
          ["06/06/2025", "Eve Fox", "Shed", "£1,500", "No reply"]]


def test_a_quotes_logs_outcome_is_read(tmp_path):
    """Every quote puts its client at consideration (5); 'Won' is a purchase (Cal); an
    accepted quote is a job agreed, not yet paid (the project's policy: the invoice is the
    sale), so Ann stays at consideration; Declined, Lost and No reply are lost (3). No sale
    and no revenue: the quotes, 20,500, are revenue to come. [5, 5, 1, 0, 0]."""
    cli_import_book(tmp_path, "Quotes.xlsx", {"Quotes": QUOTES})
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE status = 'lost'") == [
        (3,)]
    assert workspace_rows(tmp_path, TOTALS) == [(None, 20500.0)]
    assert cli_funnel(tmp_path) == [5, 5, 1, 0, 0]


# --- 3. a subscriptions export of no known tool -------------------------------------------------

SUBSCRIPTIONS = (
    "subscription_id,customer_email,first_name,last_name,status,product_title,price,quantity,"
    "created_at,cancelled_at\n"
    "1001,ann@x.com,Ann,Bell,ACTIVE,Coffee box,18.00,1,2024-10-01,\n"
    "1002,bo@x.com,Bo,Chan,CANCELLED,Coffee box,18.00,1,2024-09-01,2025-02-01\n"
    "1003,cal@x.com,Cal,Dee,CANCELLED,Coffee box,18.00,1,2024-11-01,2025-01-10\n"
    "1004,dee@x.com,Dee,Eve,ACTIVE,Tea box,15.00,1,2025-01-05,\n")


def test_a_plain_subscriptions_export_is_subscribers_who_paid(tmp_path):
    """Four subscriptions, each made at a paid checkout (created_at its first charge): all
    four customers bought, Bo and Cal churned (cancelled), Ann and Dee active: [4, 4, 4, 0,
    0] (was [4, 0, 0, 0, 0]: ACTIVE rows contacts, CANCELLED ones cancellations)."""
    found = cli_import_text(tmp_path, "subscriptions_export.csv", SUBSCRIPTIONS)
    assert found["recognised_as"] == "plain_subscriptions"
    assert "4 subscriptions of 4 customers (by e-mail)" in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT name, email, status FROM clients ORDER BY name") == [
        ("Ann Bell", "ann@x.com", "active"), ("Bo Chan", "bo@x.com", "churned"),
        ("Cal Dee", "cal@x.com", "churned"), ("Dee Eve", "dee@x.com", "active")]
    assert cli_funnel(tmp_path) == [4, 4, 4, 0, 0]


def test_a_members_list_with_a_status_is_no_subscriptions_export(tmp_path):
    """Not fired: 'Member', 'Email', 'Status', 'Monthly fee' (no subscription ID nor dates)
    is a client list, read as before: 2 customers, 36 revenue, [2, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "members.csv", "Member,Email,Status,Monthly fee\n"
                            "Ann Bell,ann@x.com,Active,18\nBo Chan,bo@x.com,Cancelled,18\n")
    assert found["recognised_as"] is None
    assert workspace_rows(tmp_path, TOTALS) == [(36.0, None)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- 4. amounts under term or month columns -------------------------------------------------

def test_amounts_under_terms_beside_a_fee_per_term_are_payments(tmp_path):
    """'Fee per term' 120; Ava paid 120 and 60 (2 terms), Ben 120 three times, Cleo none:
    180 + 360 = 540 (was 360: the fee once each), 5 payments; Ava and Ben repeat
    customers, Cleo at awareness: [3, 2, 2, 2, 0] (was [3, 3, 3, 0, 0])."""
    found = cli_import_book(tmp_path, "Fees.xlsx", {"Fees": [
        ["Pupil", "Fee per term", "Autumn", "Spring", "Summer"],
        ["Ava Green", "£120", "£120", "£60", ""], ["Ben Ross", "£120", "£120", "£120", "£120"],
        ["Cleo Wu", "£120", "", "", ""]]})[0]
    assert ("Columns 'Autumn' to 'Summer' hold the amount paid for each term (5 payments, 540; "
            "'Fee per term' is the fee of one)") in " ".join(found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients ORDER BY name"
                          ) == [("Ava Green", 180.0), ("Ben Ross", 360.0), ("Cleo Wu", 0.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 2, 0]


def test_amounts_under_months_beside_a_monthly_fee_are_payments(tmp_path):
    """'Monthly fee'; Acme paid 100, 100, 50 (Jan to Mar), Bolt 80 in Jan, Crane nothing:
    250 + 80 = 330, Acme a repeat customer: [3, 2, 2, 1, 0]."""
    cli_import_book(tmp_path, "Retainers.xlsx", {"Retainers": [
        ["Client", "Monthly fee", "Jan", "Feb", "Mar"],
        ["Acme Ltd", "£100", "£100", "£100", "£50"], ["Bolt", "£80", "£80", "", ""],
        ["Crane", "£60", "", "", ""]]})
    assert workspace_rows(tmp_path, TOTALS) == [(330.0, None)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_hours_under_months_beside_a_fee_are_no_payments(tmp_path):
    """Not fired: hours (12, 10, 14; whole numbers up to a month's days, no currency) under
    the months: the fee stays each client's revenue (100 + 80), no repeat: [2, 2, 2, 0, 0]."""
    cli_import_book(tmp_path, "Hours.xlsx", {"Hours": [
        ["Client", "Monthly fee", "Jan", "Feb", "Mar"],
        ["Acme Ltd", "£100", 12, 10, 14], ["Bolt", "£80", 4, "", 6]]})
    assert workspace_rows(tmp_path, TOTALS) == [(180.0, None)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_amounts_under_months_with_no_fee_column_are_summed_as_before(tmp_path):
    """Not fired: a month's amount with no fee of one beside it may be many sales: summed
    as revenue (350 + 80 = 430), no purchases counted, [2, 2, 2, 0, 0] as before."""
    found = cli_import_book(tmp_path, "Takings.xlsx", {"Takings": [
        ["Client", "Jan", "Feb", "Mar"],
        ["Acme Ltd", "£100", "£200", "£50"], ["Bolt", "£80", "", ""]]})[0]
    assert "they are not counted as purchases of their own" in " ".join(found["notes"])
    assert workspace_rows(tmp_path, TOTALS) == [(430.0, None)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- 5. a round's columns headed by days --------------------------------------------------

def test_a_rounds_days_ticked_are_visits_paid(tmp_path):
    """'Price' beside '01/02', '08/02', '15/02', '22/02': Mrs Lowe 4 ticks at 15 (60), Mr
    Bain 2 at 12 (24), Ms Ode none: 84 (was 47, the prices once each); both repeat
    customers: [3, 2, 2, 2, 0] (was [3, 3, 3, 0, 0])."""
    found = cli_import_book(tmp_path, "Round.xlsx", {"Round": [
        ["Client", "Price", "01/02", "08/02", "15/02", "22/02"],
        ["Mrs Lowe", "£15", "✓", "✓", "✓", "✓"], ["Mr Bain", "£12", "✓", "", "✓", ""],
        ["Ms Ode", "£20", "", "", "", ""]]})[0]
    assert ("Columns '01/02' to '22/02' mark each date's visit paid or not (6 visits paid)"
            in " ".join(found["notes"]))
    assert workspace_rows(tmp_path, TOTALS) == [(84.0, None)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 2, 0]


def test_a_rounds_days_with_amounts_are_payments(tmp_path):
    """No price column; '£15' under each of 4 days (Mrs Lowe, 60), '£12' under 2 (Mr Bain,
    24), Ms Ode none: 84 in 6 payments, [3, 2, 2, 2, 0] (was [3, 0, 0, 0, 0], unread)."""
    cli_import_book(tmp_path, "Round.xlsx", {"Round": [
        ["Customer", "Address", "01/02", "08/02", "15/02", "22/02"],
        ["Mrs Lowe", "4 Elm Rd", "£15", "£15", "£15", "£15"],
        ["Mr Bain", "9 Ash St", "£12", "", "£12", ""], ["Ms Ode", "2 Oak Ln", "", "", "", ""]]})
    assert workspace_rows(tmp_path, TOTALS) == [(84.0, None)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 2, 0]


def test_a_years_spans_and_sizes_are_no_days(tmp_path):
    """Not fired: '10/11', '11/12', '12/13' are seasons (each a year and the next), and
    '6/8', '8/10', '10/12' sizes, not days: no visit or payment is read under them, as
    before: [2, 0, 0, 0, 0] each."""
    cli_import_book(tmp_path, "Seasons.xlsx", {"Seasons": [
        ["Client", "10/11", "11/12", "12/13"],
        ["Acme Ltd", "£100", "£200", "£50"], ["Bolt", "£80", "", ""]]})
    assert workspace_rows(tmp_path, TOTALS) == [(None, None)]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]
    sizes = tmp_path / "sizes"
    sizes.mkdir()
    cli_import_book(sizes, "Sizes.xlsx", {"Orders": [
        ["Customer", "6/8", "8/10", "10/12"], ["Ann Bell", "✓", "", "✓"],
        ["Bo Chan", "", "✓", ""]]})
    assert workspace_rows(sizes, TOTALS) == [(None, None)]
    assert cli_funnel(sizes) == [2, 0, 0, 0, 0]


# --- 6. 'Live' beside 'On hold' and 'Cancelled' -------------------------------------------------

def test_live_beside_on_hold_and_cancelled_members_are_customers(tmp_path):
    """'Monthly fee' and 'Status' Live / On hold / Cancelled: no 'Active', but 'Live' is
    one beside the others: Jo (Live) and Raj (On hold) customers, Lee cancelled: all three
    bought, [3, 3, 3, 0, 0] (was [3, 1, 1, 0, 0]: Jo and Raj at awareness); 95 revenue."""
    cli_import_book(tmp_path, "Members.xlsx", {"Members": [
        ["Member", "Monthly fee", "Status"], ["Jo Kent", "£35", "Live"],
        ["Raj Patel", "£25", "On hold"], ["Lee Moss", "£35", "Cancelled"]]})
    assert workspace_rows(tmp_path, TOTALS) == [(95.0, None)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_live_on_a_list_of_leads_says_nothing_of_buying(tmp_path):
    """Not fired: 'Name', 'Email', 'Status' Live / Cancelled / On hold with no money, file
    'prospects.csv': no one bought, [3, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "prospects.csv", "Name,Email,Status\nAnn Bell,ann@x.com,Live\n"
                    "Bo Chan,bo@x.com,Cancelled\nCal Dee,cal@x.com,On hold\n")
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


# --- 7. a nursery's sessions; half paid -----------------------------------------------------

def test_a_nurserys_full_and_half_days_are_sessions_had(tmp_path):
    """'Status' Full day (55), Half day (30), Half (30), Absent (0): three sessions had,
    Sarah Mills 2 (85), Dan Frost 1 (30), the absence no sale: 3 sales of 115, [2, 2, 2, 1,
    0] (was 4 contacts, [2, 0, 0, 0, 0])."""
    cli_import_book(tmp_path, "Nursery.xlsx", {"Register": [
        ["Date", "Child", "Parent", "Status", "Fee"],
        ["02/06/2025", "Ollie", "Sarah Mills", "Full day", "£55"],
        ["03/06/2025", "Ollie", "Sarah Mills", "Half day", "£30"],
        ["03/06/2025", "Isla", "Dan Frost", "Half", "£30"],
        ["04/06/2025", "Isla", "Dan Frost", "Absent", "£0"]]})
    assert workspace_rows(tmp_path, PAID) == [("Dan Frost", 1, 30.0), ("Sarah Mills", 2, 85.0)]
    assert kind_totals(tmp_path, "purchase") == (3, 115.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_half_in_a_paid_column_is_half_the_amount(tmp_path):
    """'Paid' Y (120), half (60), N (200): Ann 120, Bob 30 (half of 60; was 60), Cy
    nothing: 2 sales of 150, [3, 2, 2, 0, 0]."""
    found = cli_import_book(tmp_path, "Jobs.xlsx", {"Jobs": [
        ["Date", "Client", "Job", "Price", "Paid"],
        ["02/06/2025", "Ann Wood", "Hedge", "£120", "Y"],
        ["09/06/2025", "Bob Hart", "Lawn", "£60", "half"],
        ["16/06/2025", "Cy Lane", "Patio", "£200", "N"]]})[0]
    assert ("1 row marked part paid (half: half the amount) in 'Paid' ('half') was read as a "
            "purchase of what was paid so far (30.00 of 60.00).") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 150.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_half_paid_of_a_term_fee_is_half_revenue(tmp_path):
    """A client list: 'Term fee' Isla 96 pd, Mia 72 half, Zara 72 Card, Leo 96 blank: 96 +
    36 + 72 = 204 revenue (was 240), Mia's other 36 and Leo's 96 to come (132); [4, 3, 3,
    0, 0]."""
    found = cli_import_book(tmp_path, "Dance.xlsx", {"Fees": [
        ["Pupil", "Parent", "Class", "Term fee", "Paid"],
        ["Isla Reed", "Mrs Reed", "Ballet", "£96", "pd 9/9"],
        ["Mia Reed", "Mrs Reed", "Tap", "£72", "half"],
        ["Zara Ali", "Hina Ali", "Street", "£72", "Card"],
        ["Leo Grant", "Beth Grant", "Ballet", "£96", None]]})[0]
    assert ("1 client marked as having paid half in 'Paid' (36 of 72 in 'Term fee'): half "
            "read as revenue, the other half as revenue to come (potential).") in found["notes"]
    assert workspace_rows(tmp_path, TOTALS) == [(204.0, 132.0)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_half_term_in_a_session_column_is_no_part_payment(tmp_path):
    """Not fired: 'Half term camp' is what was booked, and 'Paid' Y on both: 2 sales of 180
    in full."""
    cli_import_book(tmp_path, "Camps.xlsx", {"Camps": [
        ["Date", "Client", "Session", "Price", "Paid"],
        ["02/06/2025", "Ann Wood", "Half term camp", "£120", "Y"],
        ["09/06/2025", "Bob Hart", "Half term camp", "£60", "Y"]]})
    assert kind_totals(tmp_path, "purchase") == (2, 180.0)


def test_a_staff_leave_log_of_full_and_half_days_is_no_sales(tmp_path):
    """Not fired: a staff holiday log ('Staff', 'Type' Full day / Half day, no money) names
    the business's own people: no sale."""
    cli_import_book(tmp_path, "Leave.xlsx", {"Holiday": [
        ["Date", "Staff", "Type"], ["02/06/2025", "Sam Lee", "Full day"],
        ["03/06/2025", "Jo Kent", "Half day"], ["09/06/2025", "Sam Lee", "Half day"]]})
    assert kind_totals(tmp_path, "purchase") == (0, None)
