"""Misreadings this session's first helpers left alone (session 23, L3). Each sheet goes
through the command line and is checked against figures worked out by hand before
importing; beside each, where it matters, a sheet where the rule must not fire.

- A teacher's amounts under term columns with no fee column: each term's amount is a term
  paid (a purchase), so a pupil who paid two terms or more is a repeat customer. Not where
  a Total column gives the revenue (nor under months: test_left_alone_s23a).
- A wedding DJ's bare "Deposit" and "Balance" beside a status saying which were paid
  ("Booked - deposit pd", "Paid in full"): revenue what was paid, the rest to come. Not
  where the status says nothing of payment ("Booked", "Confirmed").
- A make-up artist's brides: "Done" beside "Booked" and "Enquiry" is the work done (a
  purchase; a task list's "Done" beside "To do" stays unread); "£100 pd" in "Deposit" and
  "Balance" on a client list; a paid trial ("Trial paid" £60) is revenue and consideration,
  not the package bought.
- A trial named in a course or a term cell ("Trial class", "taster only") with nothing paid
  is consideration; a trial paid for stays a sale.
- Instamojo's payments: "Credit" is a payment that went through. Not on a till's takings
  whose card type is "Credit".
- KashFlow's invoices: an unpaid invoice keeps its "Gross Amount" (a contact of what is
  billed), "Amount Paid" read as what was paid. Not on a shop's sales (no invoice), where
  "Amount Paid" after a coupon stays the sale.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

MONEY = ("SELECT name, revenue_current, revenue_potential FROM clients ORDER BY name")
TOTALS = "SELECT SUM(revenue_current), SUM(revenue_potential) FROM clients"


# --- 1. amounts under terms, no fee column ------------------------------------------------

def test_amounts_under_terms_are_terms_paid(tmp_path):
    """Lily 180 x 3, Noah 180 + 150, Zara 90, Owen none: 960, 6 terms paid; Lily and Noah
    paid two or more, repeat customers: [4, 3, 3, 2, 0] (was [4, 3, 3, 0, 0], the terms
    summed but no purchases counted)."""
    found = cli_import_text(tmp_path, "Piano pupils.csv", (
        "Pupil,Parent,Autumn term,Spring term,Summer term,Grade exam\n"
        "Lily Chen,Mrs Chen,£180,£180,£180,Grade 3 - Merit\n"
        "Noah Gray,Mr Gray,£180,£150,,\n"
        "Zara Ali,Ms Ali,,,£90,\n"
        "Owen Bell,Mrs Bell,,,,\n"))
    assert ("Columns 'Autumn term' to 'Summer term' hold the amount paid for each term "
            "(6 payments, 960)") in " ".join(found["notes"])
    assert workspace_rows(tmp_path, TOTALS) == [(960.0, None)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]


def test_terms_beside_a_total_are_not_counted(tmp_path):
    """Not fired: a 'Total' column gives each pupil's revenue (540 + 330 + 90 = 960); the
    terms stay uncounted, no repeat: [3, 3, 3, 0, 0] as before."""
    found = cli_import_text(tmp_path, "pupils.csv", (
        "Pupil,Autumn term,Spring term,Summer term,Total\n"
        "Lily Chen,£180,£180,£180,£540\nNoah Gray,£180,£150,,£330\nZara Ali,,,£90,£90\n"))
    assert "has not counted them as purchases" in " ".join(found["notes"])
    assert workspace_rows(tmp_path, TOTALS) == [(960.0, None)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 2. a deposit and a balance, the status saying which was paid ---------------------------

DJ = {"Bookings": [
    ["DJ Sam - wedding enquiries & bookings"],
    ["Enquiry", "Couple", "Email", "Wedding date", "Venue", "Quote", "Status", "Deposit",
     "Balance"],
    ["10/01/25", "Amy & Rob", "amy.r@mail.com", "14/06/25", "Hill Barn", "£650",
     "Booked - deposit pd", "£150", "£500"],
    ["18/01/25", "Chloe & Dan", "chloe@mail.com", "02/08/25", "The Grange", "£700",
     "Paid in full", "£150", "£550"],
    ["02/02/25", "Priya & Sam", "priya.s@mail.com", "20/09/25", "Town Hall", "£600", "Quoted",
     None, None],
    ["14/02/25", "Lucy & Tom", "lucy.t@mail.com", "11/10/25", "Hill Barn", "£650",
     "Lost - went with a band", None, None],
    ["01/03/25", "Ella & Jo", "ella@mail.com", "TBC", "TBC", None, "Enquiry", None, None]]}


def test_a_status_says_which_parts_were_paid(tmp_path):
    """Amy & Rob's deposit paid (150; the 500 balance to come), Chloe & Dan paid in full
    (150 + 550 = 700): revenue 850 (was none). Priya's and Lucy's quotes stay revenue to
    come (600, 650): 500 + 600 + 650 = 1,750. Funnel unchanged, [5, 4, 2, 0, 0]."""
    found = cli_import_book(tmp_path, "DJ bookings.xlsx", DJ)[0]
    assert ("'Status' says which of 'Deposit' and 'Balance' were paid (the deposit, or all "
            "of it: 2 clients, 850)") in " ".join(found["notes"])
    assert workspace_rows(tmp_path, MONEY) == [
        ("Amy & Rob", 150.0, 500.0), ("Chloe & Dan", 700.0, None), ("Ella & Jo", None, None),
        ("Lucy & Tom", None, 650.0), ("Priya & Sam", None, 600.0)]
    assert cli_funnel(tmp_path) == [5, 4, 2, 0, 0]


def test_a_status_saying_nothing_of_payment_reads_no_part_paid(tmp_path):
    """Not fired: 'Booked' and 'Confirmed' say nothing of what was paid: no revenue, the
    quotes revenue to come (650 + 700 + 600), as before: [3, 3, 2, 0, 0]."""
    cli_import_book(tmp_path, "DJ.xlsx", {"Bookings": [
        ["Couple", "Email", "Quote", "Status", "Deposit", "Balance"],
        ["Amy & Rob", "amy@mail.com", "£650", "Booked", "£150", "£500"],
        ["Chloe & Dan", "chloe@mail.com", "£700", "Confirmed", "£150", "£550"],
        ["Priya & Sam", "priya@mail.com", "£600", "Quoted", None, None]]})
    assert workspace_rows(tmp_path, TOTALS) == [(None, 1950.0)]
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


# --- 3. a make-up artist's brides ---------------------------------------------------------

BRIDES = {"Brides": [
    ["Makeup by Mel - bridal bookings 2025"],
    ["Bride", "Wedding date", "Trial date", "Trial paid", "Party size", "Package", "Deposit",
     "Balance", "Status"],
    ["Holly Green", "14/06/2025", "10/03/2025", "£60", 4, "£380", "£100 pd", "£280 pd", "Done"],
    ["Asha Mistry", "02/08/2025", "22/04/2025", "£60", 6, "£520", "£150 pd", "£370", "Booked"],
    ["Zoe King", "20/09/2025", "TBC", None, 3, "£300", None, None, "Enquiry"],
    ["Fern Walsh", "11/10/2025", "05/05/2025", "£60", 2, None, None, None,
     "Trial only - went elsewhere"]]}


def test_a_makeup_artists_brides(tmp_path):
    """Holly 'Done' (was unread: awareness) beside 'Booked' and 'Enquiry': her make-up done,
    a purchase; Asha booked, a purchase; Fern's 'Trial only': a trial, consideration; Zoe's
    enquiry awareness: [4, 3, 2, 0, 0] (was [4, 1, 1, 0, 0]). Money (was none): Holly 100 +
    280 pd + 60 trial = 440, Asha 150 pd + 60 = 210 (the 370 balance to come), Fern's trial
    60: 710."""
    found = cli_import_book(tmp_path, "Brides 2025.xlsx", BRIDES)[0]
    notes = " ".join(found["notes"])
    assert ("Each client's revenue (current) is what was paid of 'Deposit' and 'Balance' "
            "where its cell says so (530); the 370 not said paid beside a part paid is "
            "revenue to come (potential).") in notes
    assert "'Trial paid' holds what 3 clients paid for a trial (180)" in notes
    assert workspace_rows(tmp_path, MONEY) == [
        ("Asha Mistry", 210.0, 370.0), ("Fern Walsh", 60.0, None),
        ("Holly Green", 440.0, None), ("Zoe King", None, None)]
    assert cli_funnel(tmp_path) == [4, 3, 2, 0, 0]


def test_done_beside_to_do_stays_a_tasks_word(tmp_path):
    """Not fired: 'Done' beside 'To do' and 'In progress' (a task list's words) is no
    purchase: [3, 1, 0, 0, 0] as before ('In progress' consideration)."""
    cli_import_book(tmp_path, "Clients.xlsx", {"Clients": [
        ["Client", "Email", "Status"],
        ["Ann Lee", "ann@x.com", "To do"], ["Bo Chan", "bo@x.com", "Done"],
        ["Cy Ray", "cy@x.com", "In progress"]]})
    assert cli_funnel(tmp_path) == [3, 1, 0, 0, 0]


# --- 4. a trial in a course or a term cell ------------------------------------------------

def test_a_trial_class_in_the_course_is_consideration(tmp_path):
    """Omar's 'Trial class' at £0, nothing paid: consideration (was awareness). Marco 480
    and Yuki 520 paid, Ana half of 480 (240), Li nothing (600 to come): 1,240; Marco
    re-enrolled and referred Yuki: [5, 4, 3, 1, 1] (was [5, 3, 3, 1, 1])."""
    cli_import_book(tmp_path, "Students.xlsx", {"Students": [
        ["Lingua School - students 2024/25"],
        ["Student", "Email", "Course", "Level", "Enrolled", "Fee", "Paid", "Re-enrolled?",
         "Referred by"],
        ["Marco Bianchi", "marco@ex.it", "General English", "B1", "09/09/2024", "£480", "Yes",
         "Yes", None],
        ["Yuki Sato", "yuki@ex.jp", "IELTS prep", "B2", "16/09/2024", "£520", "Yes", "No",
         "Marco Bianchi"],
        ["Ana Lopes", "ana@ex.pt", "General English", "A2", "07/01/2025", "£480", "Half", None,
         None],
        ["Li Wei", "liwei@ex.cn", "Business English", "C1", None, "£600", "No", None, "agent"],
        ["Omar Haddad", "omar@ex.jo", "Trial class", "B1", "12/02/2025", "£0", None, None,
         None]]})
    assert workspace_rows(tmp_path, TOTALS) == [(1240.0, 840.0)]
    assert cli_funnel(tmp_path) == [5, 4, 3, 1, 1]


def test_a_taster_in_a_term_cell_is_consideration(tmp_path):
    """Ned's 'taster only' under 'Spring 25', nothing paid: consideration (was awareness).
    Jo 3 x 150, Raf 150, Kim 2 x 165: 930; Jo and Kim repeat: [4, 4, 3, 2, 0]."""
    found = cli_import_book(tmp_path, "Pottery terms.xlsx", {"Bookings": [
        ["Clay Days - wheel classes"],
        ["Name", "Email", "Class", "Term fee", "Spring 25", "Summer 25", "Autumn 25"],
        ["Jo Adams", "jo@a.com", "Tue eve", "£150", "✓", "✓", "✓"],
        ["Raf Silva", "raf@s.com", "Tue eve", "£150", "✓", "x", None],
        ["Kim Hollis", "kim@h.com", "Sat am", "£165", None, "✓", "✓"],
        ["Ned Ford", "ned@f.com", "Sat am", "£165", "taster only", None, None]]})[0]
    assert ("1 client with a trial in 'Spring 25' (taster only) and nothing paid was read as "
            "trying, not buying (consideration).") in found["notes"]
    assert workspace_rows(tmp_path, TOTALS) == [(930.0, None)]
    assert cli_funnel(tmp_path) == [4, 4, 3, 2, 0]


def test_a_trial_class_paid_for_stays_bought(tmp_path):
    """Not fired: Omar's 'Trial class' paid (£20, Yes) is a sale, as before: Omar and Li
    bought, Sam owes 480: [3, 2, 2, 0, 0]."""
    cli_import_book(tmp_path, "Students.xlsx", {"Students": [
        ["Student", "Email", "Course", "Fee", "Paid"],
        ["Omar Haddad", "omar@ex.jo", "Trial class", "£20", "Yes"],
        ["Li Wei", "li@ex.cn", "General English", "£480", "Yes"],
        ["Sam Cole", "sam@ex.uk", "General English", "£480", None]]})
    assert workspace_rows(tmp_path, TOTALS) == [(500.0, 480.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- 5. Instamojo's payments --------------------------------------------------------------

def test_instamojo_credit_is_a_payment_through(tmp_path):
    """Rahul's two Credits (1,500 + 2,000) and Amit's Refunded 2,000 (paid, then given back):
    3 sales of 5,500 and a refund of 2,000 (was 5 contacts). Priya's Failed and Sneha's
    Pending: contacts. 4 clients, 2 bought, Rahul twice: [4, 2, 2, 1, 0]."""
    found = cli_import_text(tmp_path, "instamojo_payments.csv", (
        "Payment ID,Created At,Buyer Name,Buyer Email,Buyer Phone,Purpose,Amount,Fees,"
        "Currency,Status\n"
        "MOJO6403A01,03/04/2026 10:00,Rahul Sharma,rahul@example.in,+919811111111,"
        "Yoga workshop,\"1,500.00\",45.00,INR,Credit\n"
        "MOJO6404A02,04/04/2026 11:00,Priya Nair,priya@example.in,+919822222222,"
        "Yoga workshop,\"1,500.00\",0.00,INR,Failed\n"
        "MOJO6405A03,05/04/2026 12:00,Amit Verma,amit@example.in,+919833333333,"
        "Monthly pass,\"2,000.00\",60.00,INR,Refunded\n"
        "MOJO6420A04,20/04/2026 09:30,Rahul Sharma,rahul@example.in,+919811111111,"
        "Monthly pass,\"2,000.00\",60.00,INR,Credit\n"
        "MOJO6421A05,21/04/2026 18:00,Sneha Iyer,sneha@example.in,+919844444444,"
        "Yoga workshop,\"1,500.00\",0.00,INR,Pending\n"))
    assert found["recognised_as"] == "instamojo_payments"
    assert kind_totals(tmp_path, "purchase") == (3, 5500.0)
    assert kind_totals(tmp_path, "refund") == (1, 2000.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_a_credit_card_type_on_takings_is_no_payment_status(tmp_path):
    """Not fired: a till's takings whose 'Card type' is Credit or Debit: no Instamojo
    reading. Its 'Status' is read since session 23 (E: 'Payment ID' is the order ID):
    Completed 500 + 300 two purchases, the Failed 200 a contact (were 3 contacts, the
    status unread)."""
    found = cli_import_text(tmp_path, "takings.csv", (
        "Payment ID,Date,Customer,Customer Email,Amount,Card type,Status\n"
        "P1,2026-04-03,Rahul Sharma,rahul@x.in,500.00,Credit,Completed\n"
        "P2,2026-04-04,Priya Nair,priya@x.in,300.00,Debit,Completed\n"
        "P3,2026-04-05,Amit Verma,amit@x.in,200.00,Credit,Failed\n"))
    assert found["recognised_as"] is None
    assert kind_totals(tmp_path, "contact") == (1, 200.0)
    assert kind_totals(tmp_path, "purchase") == (2, 800.0)


# --- 6. KashFlow's unpaid invoices keep their amount ---------------------------------------

def test_kashflow_unpaid_invoices_keep_their_gross_amount(tmp_path):
    """Green's Unpaid £300 and Taylor's Overdue £480 are contacts of what they were billed
    (were contacts of 0: 'Amount Paid' read as the amount); the sales as before: Harper 600
    + 1,200, Morris 90 of 180 part paid: 3 of 1,890, the credit note 120 back:
    [4, 2, 2, 1, 0]."""
    found = cli_import_text(tmp_path, "kashflow_invoices.csv", (
        "Invoice Number,Invoice Date,Due Date,Customer Code,Customer Name,Customer Reference,"
        "Net Amount,VAT Amount,Gross Amount,Amount Paid,Status\n"
        "1001,03/04/2026,03/05/2026,HAR01,Harper Joinery Ltd,PO-771,£500.00,£100.00,£600.00,"
        "£600.00,Paid\n"
        "1002,07/04/2026,07/05/2026,GRE01,Green & Co,,£250.00,£50.00,£300.00,£0.00,Unpaid\n"
        "1003,10/04/2026,10/04/2026,HAR01,Harper Joinery Ltd,PO-790,£1000.00,£200.00,"
        "£1200.00,£1200.00,Paid\n"
        "1004,14/04/2026,14/05/2026,MOR01,Morris Bakery,,£150.00,£30.00,£180.00,£90.00,"
        "Part Paid\n"
        "1005,01/03/2026,31/03/2026,TAY01,Taylor Florist,,£400.00,£80.00,£480.00,£0.00,"
        "Overdue\n"
        "CN1006,20/04/2026,20/04/2026,HAR01,Harper Joinery Ltd,Credit for 1003,-£100.00,"
        "-£20.00,-£120.00,-£120.00,Paid\n"))
    assert ("1 row said Part Paid with money already paid in 'Amount Paid': read as a "
            "purchase of what was paid so far (90.00 of 180.00).") in found["notes"]
    assert kind_totals(tmp_path, "contact") == (2, 780.0)
    assert kind_totals(tmp_path, "purchase") == (3, 1890.0)
    assert kind_totals(tmp_path, "refund") == (1, 120.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_amount_paid_after_a_coupon_stays_the_sale_on_a_shops_sales(tmp_path):
    """Not fired: a shop's sales (no invoice said) with 'Gross Amount' and 'Amount Paid'
    after a coupon: Ann 40, Bo 120 (2 sales of 160), Cy's 0 a free order, a contact, as
    before: [3, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Email,Product,Gross Amount,Amount Paid,Status\n"
        "2026-04-03,Ann Lee,ann@x.com,Ebook,50.00,40.00,Completed\n"
        "2026-04-04,Bo Chan,bo@x.com,Course,120.00,120.00,Completed\n"
        "2026-04-05,Cy Ray,cy@x.com,Ebook,50.00,0.00,Completed\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 160.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
