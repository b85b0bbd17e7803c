"""Session 22, K3: hostile sheets against the session's new readings of owners' books (O's
'Paid' words, stand-in buyers, 'TBC'/'Provisional'/'Booked - deposit pd', lost words, fees
per period and per year, 'Est. value', 'Cancelled'/'On hold' beside 'Active'). Each sheet
is written here as an owner or an export has it, imported through the command line and
checked against figures worked out by hand (clients; cumulative funnel: awareness,
consideration, purchase, retention, advocacy; sales; revenue). Beside each mended rule, a
sheet where it must not fire.

Mended (was -> now):
- A pipeline's 'Est. value' beside its 'Value' took the value's place: a won deal's revenue
  4,500 -> none. The value comes first; the estimate fills in where it is blank. An 'Est.
  value' alone is a deal's value: a won deal's, its revenue (was revenue to come).
- A client list's status calling a client lost ('Went elsewhere', 'Lost') beside more than
  0 in 'Total spent': a lead lost at awareness -> a customer who left (purchase, churned);
  a mailing list's 'Unsubscribed' with money spent, a customer (not churned). Not beside a
  'Fee' quoted to a lead.
- 'FOC' or 'free' in a 'Paid' column left the whole column unread (every row a sale):
  now nothing charged, not a sale.
- 'Booked - deposit pd' on a log of bookings made its whole status column unread (a row
  'Paid' no sale): it is bought, as on a client list.
- A month's column holding the day the month's retainer was paid ('03/01') is marked paid,
  as a tick is (was the retainer once each).
- A year's fee beside that year's own 'Paid' Y/N ('Fee 24/25', 'Paid 24/25'): a fee marked
  not paid is no purchase and no revenue (was counted, the 'N' unread).

Right already, kept so (must not fire): a class timetable with a term fee and terms ticked,
a membership price list by year, a budget by year, a seasonal price list, a trade price
list (reference, no clients); 'Card Factory Ltd' and 'Cash Converters' are clients, 'card'
is no one; 'No answer' in a survey; 'Half' as a half-day session; Stripe's 'paused'
subscriber a customer; a holiday let's 'Provisional' a booking, not a sale.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows
from test_owners_sheets_s18 import REVENUE, count_clients


def stages_of(tmp_path) -> list[tuple]:
    return workspace_rows(tmp_path, "SELECT name, furthest_stage, outcome, revenue_current, "
                                    "revenue_potential FROM clients ORDER BY name")


# --- 'Est. value' beside a deal's 'Value' -----------------------------------------------

def test_an_estimate_beside_a_deals_value_fills_in_only_where_the_value_is_blank(tmp_path):
    """Acme won at 4,500 (estimated 5,000): revenue 4,500; Bolt's proposal has no value yet,
    its estimate 3,000 is revenue to come; Crane lost: neither. [3, 2, 1, 0, 0] (Won is a
    purchase, Proposal consideration, Lost a lead lost at awareness)."""
    cli_import_book(tmp_path, "Pipeline.xlsx", {"Deals": [
        ["Client", "Stage", "Est. value", "Value"],
        ["Acme Ltd", "Won", "£5,000", "£4,500"],
        ["Bolt & Co", "Proposal", "£3,000", ""],
        ["Crane plc", "Lost", "£2,000", ""]]})
    assert [row[3:] for row in stages_of(tmp_path)] == [(4500.0, None), (None, 3000.0),
                                                         (None, None)]
    assert cli_funnel(tmp_path) == [3, 2, 1, 0, 0]


def test_an_estimated_value_alone_of_a_won_deal_is_its_revenue(tmp_path):
    """With no 'Value' beside it, the estimate is the deal's value: the won deal's is its
    revenue (5,000; was revenue to come, as if not won), Bolt's proposal 3,000 to come."""
    cli_import_book(tmp_path, "Pipeline.xlsx", {"Deals": [
        ["Client", "Stage", "Est. value"],
        ["Acme Ltd", "Won", "£5,000"],
        ["Bolt & Co", "Proposal", "£3,000"]]})
    assert [row[3:] for row in stages_of(tmp_path)] == [(5000.0, None), (None, 3000.0)]


# --- a status calling a client lost beside money they spent ---------------------------

def test_a_customer_who_went_elsewhere_after_spending_left_not_a_lead_lost(tmp_path):
    """'Went elsewhere' (a lost word since this session) beside £320 spent: Bo bought and
    left (purchase, churned). Ann and Cal are 'Regular' (retention): [3, 3, 3, 2, 0], revenue
    540 + 320 + 210 = 1,070 (was [3, 2, 2, 2, 0], Bo a lead lost)."""
    found = cli_import_text(tmp_path, "customers.csv", (
        "Client,Phone,Status,Total spent\n"
        "Ann Bell,07700 900001,Regular,£540\n"
        "Bo Chan,07700 900002,Went elsewhere,£320\n"
        "Cal Dee,07700 900003,Regular,£210\n"))
    assert ("1 client with more than 0 in 'Total spent' whom 'Status' calls Went elsewhere "
            "was read as a customer who left (purchase, churned): money spent is a "
            "purchase.") in found["notes"]
    assert stages_of(tmp_path)[1][:3] == ("Bo Chan", "purchase", "churned")
    assert cli_funnel(tmp_path) == [3, 3, 3, 2, 0]
    assert workspace_rows(tmp_path, REVENUE)[0][0] == 1070.0


def test_a_lead_who_went_elsewhere_beside_a_fee_quoted_is_still_lost(tmp_path):
    """Not fired: a 'Fee' is a price quoted, not money spent: Bo stays a lead lost at
    awareness; Ann 'Signed' bought, Cal's 'Proposal sent' consideration: [3, 2, 1, 0, 0]."""
    cli_import_text(tmp_path, "prospects.csv", (
        "Client,Phone,Fee,Status\n"
        "Ann Bell,07700 900001,£540,Signed\n"
        "Bo Chan,07700 900002,£320,Went elsewhere\n"
        "Cal Dee,07700 900003,£210,Proposal sent\n"))
    assert stages_of(tmp_path)[1][:3] == ("Bo Chan", "awareness", "lost")
    assert cli_funnel(tmp_path) == [3, 2, 1, 0, 0]


def test_an_unsubscribed_customer_who_spent_is_a_customer_still(tmp_path):
    """A mailing list's 'Unsubscribed' beside £32 spent: Bo bought (purchase), and left the
    list, not the business (no churn). Cal unsubscribed and spent nothing: a lead lost.
    [3, 2, 2, 0, 0] (was [3, 1, 1, 0, 0])."""
    cli_import_text(tmp_path, "newsletter.csv", (
        "Email,Name,Status,Total spent\n"
        "ann@x.com,Ann Bell,Subscribed,£54\n"
        "bo@x.com,Bo Chan,Unsubscribed,£32\n"
        "cal@x.com,Cal Dee,Unsubscribed,\n"))
    assert [row[:3] for row in stages_of(tmp_path)] == [
        ("Ann Bell", "purchase", None), ("Bo Chan", "purchase", None),
        ("Cal Dee", "awareness", "lost")]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- 'FOC' in a Paid column ----------------------------------------------------------

def test_free_of_charge_in_a_paid_column_is_no_sale(tmp_path):
    """A massage log: Ann and Dee 'Y' (2 sales of 50), Bo's 'FOC' nothing charged, Cal
    'owes': 2 sales of 100, [4, 2, 2, 0, 0] (was 4 sales of 200: 'FOC' left the column
    unread, every row a sale)."""
    cli_import_book(tmp_path, "Massage 2025.xlsx", {"June": [
        ["Date", "Client", "Service", "Price", "Paid"],
        ["02/06/2025", "Ann Bell", "Massage", "£50", "Y"],
        ["03/06/2025", "Bo Chan", "Massage", "£50", "FOC"],
        ["04/06/2025", "Cal Dee", "Massage", "£50", "owes"],
        ["05/06/2025", "Dee Eve", "Massage", "£50", "Y"]]})
    assert kind_totals(tmp_path, "purchase") == (2, 100.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


def test_free_beside_days_paid_is_no_sale(tmp_path):
    """Days paid, 'free' and 'owes' in one column: the days are the 2 sales (100)."""
    cli_import_book(tmp_path, "Massage 2025.xlsx", {"June": [
        ["Date", "Client", "Service", "Price", "Paid"],
        ["02/06/2025", "Ann Bell", "Massage", "£50", "02/06/2025"],
        ["03/06/2025", "Bo Chan", "Massage", "£50", "free"],
        ["04/06/2025", "Cal Dee", "Massage", "£50", "owes"],
        ["05/06/2025", "Dee Eve", "Massage", "£50", "05/06/2025"]]})
    assert kind_totals(tmp_path, "purchase") == (2, 100.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


# --- 'Booked - deposit pd' on a log of bookings ---------------------------------------

def test_booked_with_a_deposit_paid_on_a_log_of_bookings_is_a_sale(tmp_path):
    """An events caterer's log: Ann's enquiry (awareness), Bo 'Booked - deposit pd' (a sale
    of 400), Cal 'Booked' (consideration), Dee 'Paid' (a sale of 400): 2 sales of 800,
    [4, 3, 2, 0, 0] (was no sale at all, [4, 1, 0, 0, 0]: the one status Journey could not
    read as an order's left the column unread)."""
    cli_import_book(tmp_path, "Bookings.xlsx", {"2025": [
        ["Date", "Client", "Occasion", "Price", "Status"],
        ["02/06/2025", "Ann Bell", "Wedding", "£1,200", "Enquiry"],
        ["03/06/2025", "Bo Chan", "Party", "£400", "Booked - deposit pd"],
        ["04/06/2025", "Cal Dee", "Party", "£400", "Booked"],
        ["05/06/2025", "Dee Eve", "Party", "£400", "Paid"]]})
    assert kind_totals(tmp_path, "purchase") == (2, 800.0)
    assert cli_funnel(tmp_path) == [4, 3, 2, 0, 0]


def test_cancelled_with_a_deposit_paid_is_not_a_sale(tmp_path):
    """Not fired: 'Cancelled - deposit pd' is a cancellation (its first word settles it):
    Dee's 'Paid' the one sale."""
    cli_import_book(tmp_path, "Bookings.xlsx", {"2025": [
        ["Date", "Client", "Occasion", "Price", "Status"],
        ["02/06/2025", "Ann Bell", "Wedding", "£1,200", "Enquiry"],
        ["03/06/2025", "Bo Chan", "Party", "£400", "Cancelled - deposit pd"],
        ["05/06/2025", "Dee Eve", "Party", "£400", "Paid"]]})
    assert kind_totals(tmp_path, "purchase") == (1, 400.0)


# --- a month's column holding the day its fee was paid --------------------------------

def test_days_paid_under_each_month_mark_the_retainer_paid(tmp_path):
    """An agency's retainers, each month's cell the day it was paid: Acme 3 months of 1,000,
    Bolt 1 of 500, Crane none: revenue 3,500, [3, 2, 2, 1, 0] (was 2,250, one month each,
    and Crane a customer)."""
    cli_import_book(tmp_path, "Retainers.xlsx", {"2025": [
        ["Client", "Retainer (pm)", "Jan", "Feb", "Mar", "Apr"],
        ["Acme Ltd", "£1,000", "03/01", "02/02", "04/03", ""],
        ["Bolt & Co", "£500", "10/01", "", "", ""],
        ["Crane plc", "£750", "", "", "", ""]]})
    assert workspace_rows(tmp_path, REVENUE)[0][0] == 3500.0
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_hours_under_each_month_are_not_months_paid(tmp_path):
    """Not fired: hours worked each month (12, 10...) are no mark of a month paid: the
    retainer is each client's revenue once, as before (2,250), [3, 3, 3, 0, 0]."""
    cli_import_book(tmp_path, "Retainers.xlsx", {"2025": [
        ["Client", "Retainer (pm)", "Jan", "Feb", "Mar", "Apr"],
        ["Acme Ltd", "£1,000", 12, 10, 14, 11],
        ["Bolt & Co", "£500", 5, 6, 0, 0],
        ["Crane plc", "£750", 8, 0, 0, 0]]})
    assert workspace_rows(tmp_path, REVENUE)[0][0] == 2250.0
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- a year's fee beside the year's own 'Paid' column -----------------------------------

def test_a_years_fee_marked_not_paid_is_no_purchase(tmp_path):
    """An accountant's fees a year each, each beside its own 'Paid' Y/N: Acme paid both
    years (repeat; revenue the latest, 1,300), Bolt paid 23/24 only (its 850 for 24/25 not
    paid: revenue 800, one purchase), Crane 24/25 (600): revenue 2,700, [3, 3, 3, 1, 0]
    (was 2,750 and Bolt a repeat client, the 'N' unread)."""
    found = cli_import_book(tmp_path, "Fees.xlsx", {"Clients": [
        ["Client", "Fee 23/24", "Paid 23/24", "Fee 24/25", "Paid 24/25"],
        ["Acme Ltd", "£1,200", "Y", "£1,300", "Y"],
        ["Bolt & Co", "£800", "Y", "£850", "N"],
        ["Crane plc", "", "", "£600", "Y"]]})
    assert ("'Paid 23/24', 'Paid 24/25' say whether that year's fee was paid: a fee not "
            "marked paid is neither revenue nor a purchase.") in found[0]["notes"]
    assert workspace_rows(tmp_path, REVENUE)[0][0] == 2700.0
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_fees_a_year_each_with_no_paid_column_are_read_as_before(tmp_path):
    """Not fired without a year's 'Paid' column: the latest year's fee is the revenue
    (1,300 + 850 + 600 = 2,750), fees in both years a repeat client: [3, 3, 3, 2, 0]."""
    cli_import_book(tmp_path, "Fees.xlsx", {"Clients": [
        ["Client", "Fee 23/24", "Fee 24/25"],
        ["Acme Ltd", "£1,200", "£1,300"],
        ["Bolt & Co", "£800", "£850"],
        ["Crane plc", "", "£600"]]})
    assert workspace_rows(tmp_path, REVENUE)[0][0] == 2750.0
    assert cli_funnel(tmp_path) == [3, 3, 3, 2, 0]


# --- right already: sheets the new rules must leave alone -------------------------------

def test_price_lists_timetables_and_budgets_by_season_or_year_are_no_clients(tmp_path):
    """A class timetable ('Term fee', terms ticked where a class runs), a membership price
    list ('Fee 2023/24', 'Fee 2024/25'), a budget by year, a B&B's seasonal prices and a
    trade price list ('Trade customer price'): reference, no clients, no money."""
    cli_import_book(tmp_path, "Studio admin.xlsx", {
        "Timetable": [["Class", "Day", "Term fee", "Autumn", "Spring", "Summer"],
                      ["Ballet Grade 1", "Mon", "£90", "✓", "✓", "✓"],
                      ["Tap Beginners", "Tue", "£80", "✓", "✓", ""],
                      ["Jazz Juniors", "Wed", "£85", "", "✓", "✓"]],
        "Membership": [["Membership", "Fee 2023/24", "Fee 2024/25"],
                       ["Adult", "£120", "£130"], ["Junior", "£60", "£65"],
                       ["Family", "£250", "£270"]],
        "Budget": [["Cost line", "Fee 2023/24", "Fee 2024/25", "Notes"],
                   ["Accountant", "£1,200", "£1,300", "annual"],
                   ["Insurance", "£640", "£700", ""], ["Software", "£300", "£360", "Xero"]],
        "Rooms": [["Room", "Spring", "Summer", "Autumn", "Winter"],
                  ["Double", "£85", "£110", "£85", "£70"],
                  ["Twin", "£80", "£100", "£80", "£65"],
                  ["Family", "£120", "£150", "£120", "£95"]],
        "Trade": [["Product", "RRP", "Trade customer price", "Stock"],
                  ["Honey 340g", "£7.50", "£4.50", 120], ["Honey 454g", "£9.50", "£5.70", 80],
                  ["Beeswax candle", "£6.00", "£3.60", 45]]})
    assert count_clients(tmp_path) == 0
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events")[0][0] == 0


def test_a_firm_named_card_or_cash_is_a_client_a_buyer_written_card_is_no_one(tmp_path):
    """'Card Factory Ltd' and 'Cash Converters' are clients; 'card' as the buyer is no one:
    2 clients, 3 sales of 1,250 + 500 + 6 = 1,756."""
    cli_import_book(tmp_path, "Trade sales.xlsx", {"Sales": [
        ["Date", "Customer", "Item", "Amount"],
        ["02/06/2025", "Card Factory Ltd", "500 mugs", "£1,250"],
        ["09/06/2025", "Cash Converters", "200 mugs", "£500"],
        ["16/06/2025", "card", "1 mug", "£6"]]})
    assert count_clients(tmp_path) == 2
    assert kind_totals(tmp_path, "purchase") == (3, 1756.0)


def test_no_answer_in_a_survey_is_no_lead_lost(tmp_path):
    """'No answer' to a survey's question is no outcome: 3 people, no one lost."""
    cli_import_text(tmp_path, "survey.csv", (
        "Name,Email,Would you recommend us?,Comments\n"
        "Ann Bell,ann@x.com,Yes,great\nBo Chan,bo@x.com,No answer,\nCal Dee,cal@x.com,No,slow\n"))
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE outcome = 'lost'"
                          ) == [(0,)]


def test_a_half_day_session_is_no_part_payment(tmp_path):
    """A childminder's log, 'Half'/'Full' the session and 'Paid' Y/N: Sarah 55 + 30, Dan 55
    (his half day not paid): 3 sales of 140, [2, 2, 2, 1, 0]."""
    cli_import_book(tmp_path, "Childminding.xlsx", {"June": [
        ["Date", "Child", "Parent", "Session", "Fee", "Paid"],
        ["02/06/2025", "Ollie", "Sarah Mills", "Half", "£30", "Y"],
        ["03/06/2025", "Ollie", "Sarah Mills", "Full", "£55", "Y"],
        ["03/06/2025", "Isla", "Dan Frost", "Half", "£30", "N"],
        ["04/06/2025", "Isla", "Dan Frost", "Full", "£55", "Y"]]})
    assert kind_totals(tmp_path, "purchase") == (3, 140.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_paused_subscriber_is_a_customer_and_a_provisional_stay_no_sale(tmp_path):
    """Stripe's subscriptions: active, canceled, paused (3 who paid) and trialing:
    [4, 4, 3, 0, 0]. A holiday let's 'Provisional' week is booked, not sold, beside
    'Confirmed' (booked) and 'Paid' (360): 1 sale, [3, 3, 1, 0, 0] (a second workspace)."""
    cli_import_text(tmp_path, "subscriptions.csv", (
        "id,Customer ID,Customer Email,Customer Name,Plan,Quantity,Interval,Amount,Status,"
        "Created (UTC),Start Date (UTC),Canceled At (UTC),Ended At (UTC)\n"
        "sub_1,cus_1,ann@x.com,Ann Bell,Pro,1,month,29.00,active,2024-10-01 10:00,"
        "2024-10-01 10:00,,\n"
        "sub_2,cus_2,bo@x.com,Bo Chan,Pro,1,month,29.00,canceled,2024-09-01 10:00,"
        "2024-09-01 10:00,2025-01-01 10:00,2025-01-01 10:00\n"
        "sub_3,cus_3,cal@x.com,Cal Dee,Pro,1,month,29.00,paused,2024-08-01 10:00,"
        "2024-08-01 10:00,,\n"
        "sub_4,cus_4,dee@x.com,Dee Eve,Basic,1,month,9.00,trialing,2025-05-20 10:00,"
        "2025-05-20 10:00,,\n"))
    assert cli_funnel(tmp_path) == [4, 4, 3, 0, 0]
    let = tmp_path / "let"
    let.mkdir()
    cli_import_book(let, "Lets 2025.xlsx", {"Bookings": [
        ["Arrive", "Guest", "Nights", "Total", "Status"],
        ["02/06/2025", "Ann Bell", 7, "£840", "Confirmed"],
        ["14/06/2025", "Bo Chan", 7, "£840", "Provisional"],
        ["21/06/2025", "Cal Dee", 3, "£360", "Paid"]]})
    assert kind_totals(let, "purchase") == (1, 360.0)
    assert cli_funnel(let) == [3, 3, 1, 0, 0]
