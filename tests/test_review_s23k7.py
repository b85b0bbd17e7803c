"""A hostile review of this morning's rules (session 23, L3) and of the undo's re-match (C2),
on sheets written as owners and exports write them. Each goes through the command line and
is checked against figures worked out by hand; beside each mend, a sheet where the rule must
still fire.

- Numbers under term columns with no fee column are term fees only where they are money:
  a class's marks (72, 68, 75: out of 100, no currency) are no purchases. Still: "£95"
  under terms beside a "Grade" column are terms paid.
- A bare "Deposit" and "Balance" beside a status saying which were paid: not on a list of
  the business's suppliers (a "Supplier" column: money paid out); and money in a "Refund"
  column is taken off what was paid.
- "£100 pd" parts on a client list: a part "£100 refunded" (given back) no longer leaves the
  whole "Deposit" column unread; it is neither paid nor owed.
- A trial named in a short cell: not a restaurant's "Taster menu" (what it sells); a wine
  club's "Taster case" with nothing spent is still trying; a shop's "Trial Pack" with orders
  counted is bought, and no trial is said.
- Instamojo's profile only where the statuses are Instamojo's own ("Credit", "Failed",
  "Refunded", "Pending"): an owner's payments sheet under the same headers ("Paid",
  "Unpaid") is read as any other, and so is a wallet's ("Credit", "Debit").
- Invoice lists with "Amount Paid" (guards, right before and after): a part payment, an
  overpayment, a credit note and a zero-total draft.
- Undo: a profile list, then a later list writing the same client's phone and county;
  undoing the first leaves what the later list alone gives.
"""

from __future__ import annotations

import json

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows
from test_undo_s21c import _differences, _texts_undone_and_alone

MONEY = "SELECT name, revenue_current, revenue_potential FROM clients ORDER BY name"
TOTALS = "SELECT SUM(revenue_current), SUM(revenue_potential) FROM clients"
STAGES = "SELECT name, furthest_stage FROM clients ORDER BY name"


# --- numbers under terms ------------------------------------------------------------------

def test_marks_under_terms_are_no_fees(tmp_path):
    """A class's results, one column a term: 72/68/75, 55/61, 80/82 are marks out of 100,
    no currency, no pennies. No revenue, no purchases: [3, 0, 0, 0, 0]. Was [3, 3, 3, 3, 0]
    with 493 of revenue (each mark a term paid)."""
    found = cli_import_text(tmp_path, "Class results.csv", (
        "Student,Autumn term,Spring term,Summer term\n"
        "Ben Hart,72,68,75\nMaya Lee,55,61,\nSam Ode,,80,82\n"))
    assert "has not counted them as purchases" in " ".join(found["notes"])
    assert workspace_rows(tmp_path, TOTALS) == [(None, None)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_fees_under_terms_beside_grades_are_still_terms_paid(tmp_path):
    """Still fires: £95 a term, with a 'Grade' column beside. Lily 95 + 95, Noah 95, Zara
    95 + 95: 475, 5 terms paid; Lily and Zara paid two: [3, 3, 3, 2, 0]."""
    cli_import_text(tmp_path, "Drama fees.csv", (
        "Pupil,Autumn term,Spring term,Summer term,Grade\n"
        "Lily Chen,£95,£95,,Grade 2\nNoah Gray,£95,,,Grade 1\nZara Ali,,£95,£95,Grade 3\n"))
    assert workspace_rows(tmp_path, TOTALS) == [(475.0, None)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 2, 0]


# --- a deposit and a balance, the status saying which were paid -----------------------------

def test_a_suppliers_deposits_are_no_revenue(tmp_path):
    """A bride's (or a planner's) suppliers: 'Paid in full' 200 + 450 and 'Booked - deposit
    pd' 300 are money the business paid out, not revenue. Revenue none (was 950: 650 and
    300, with 900 to come). The stages are as before this morning's rule."""
    found = cli_import_text(tmp_path, "Wedding suppliers.csv", (
        "Supplier,Service,Contact,Status,Deposit,Balance\n"
        "Bloom & Co,Flowers,bloom@co.uk,Paid in full,£200,£450\n"
        "Snap Photos,Photographer,hi@snap.uk,Booked - deposit pd,£300,£900\n"
        "Cake Lady,Cake,cakes@lady.uk,Quoted,,\n"))
    assert not any("were paid" in note for note in found["notes"])
    assert workspace_rows(tmp_path, TOTALS) == [(None, None)]


def test_a_refund_is_taken_off_what_the_status_says_was_paid(tmp_path):
    """Amy & Rob paid in full (150 + 500 = 650); Chloe & Dan paid in full (700) and were
    refunded 700 in 'Refund': 0 (was 700); Priya & Sam's deposit 150, the 450 to come.
    Revenue 800, to come 450. Funnel unchanged, [3, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "Bookings 2025.csv", (
        "Couple,Email,Date,Quote,Status,Deposit,Balance,Refund\n"
        "Amy & Rob,amy@mail.com,14/06/25,£650,Paid in full,£150,£500,\n"
        "Chloe & Dan,chloe@mail.com,02/08/25,£700,Paid in full,£150,£550,£700\n"
        "Priya & Sam,priya@mail.com,20/09/25,£600,Booked - deposit pd,£150,£450,\n"))
    assert ("'Refund' says 700 of it went back (1 client): taken off their revenue."
            in " ".join(found["notes"]))
    assert workspace_rows(tmp_path, MONEY) == [
        ("Amy & Rob", 650.0, None), ("Chloe & Dan", 0.0, None), ("Priya & Sam", 150.0, 450.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_part_refunded_leaves_the_other_parts_read(tmp_path):
    """Holly's deposit '£100 pd', her balance '£340 due': 100, 340 to come (was none);
    Asha's '£100 refunded' went back: nothing paid, nothing owed; Fern '£100 pd' and '£300
    pd': 400 (was 300, the Deposit column left unread because of Asha's cell). Revenue 500,
    to come 340."""
    cli_import_text(tmp_path, "Brides 2024.csv", (
        "Bride,Email,Status,Deposit,Balance\n"
        "Holly Ames,holly@mail.com,Booked,£100 pd,£340 due\n"
        "Asha Patel,asha@mail.com,Cancelled,£100 refunded,\n"
        "Fern Hale,fern@mail.com,Done,£100 pd,£300 pd\n"))
    assert workspace_rows(tmp_path, MONEY) == [
        ("Asha Patel", None, None), ("Fern Hale", 400.0, None), ("Holly Ames", 100.0, 340.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- a trial named in a short cell ----------------------------------------------------------

def test_a_restaurants_taster_menu_is_no_trial(tmp_path):
    """Reservations: 'Taster menu' and 'Taster' are the menu booked, not a trial. No stage,
    nothing paid: [3, 0, 0, 0, 0] (was [3, 2, 0, 0, 0], Ann and Cal trying)."""
    found = cli_import_text(tmp_path, "Reservations.csv", (
        "Guest,Phone,Date,Covers,Menu\n"
        "Ann Fox,07700 900001,14/02/25,2,Taster menu\n"
        "Bob King,07700 900002,14/02/25,4,A la carte\n"
        "Cal Moss,07700 900003,15/02/25,2,Taster\n"))
    assert not any("trial" in note for note in found["notes"])
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_free_taster_case_is_still_trying(tmp_path):
    """Still fires: a wine club's 'Taster case' with £0 spent is trying (Bob: consideration);
    Ann's 'Trial box' £95 and Cal's 'Reds' £180 are bought: [3, 3, 2, 0, 0], 275."""
    found = cli_import_text(tmp_path, "Wine club.csv", (
        "Member,Email,Box,Spent\n"
        "Ann Fox,ann@fox.com,Trial box,£95\nBob King,bob@king.com,Taster case,£0\n"
        "Cal Moss,cal@moss.com,Reds,£180\n"))
    assert ("1 client with a trial in 'Box' (Taster case) and nothing paid was read as "
            "trying, not buying (consideration).") in found["notes"]
    assert workspace_rows(tmp_path, STAGES) == [
        ("Ann Fox", "purchase"), ("Bob King", "consideration"), ("Cal Moss", "purchase")]
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


def test_a_trial_pack_ordered_is_bought_and_no_trial_is_said(tmp_path):
    """A shop's customers: 'Trial Pack' with 3 orders (Ann) and 1 (Cal) is bought, not
    tried; no note says they were read as trying (one did, though the orders lifted them).
    [3, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "Customers.csv", (
        "Customer,Email,First product,Orders\n"
        "Ann Fox,ann@fox.com,Trial Pack,3\nBob King,bob@king.com,Face Oil,1\n"
        "Cal Moss,cal@moss.com,Trial Pack,1\n"))
    assert not any("trial" in note for note in found["notes"])
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


# --- Instamojo's headers on other sheets ----------------------------------------------------

def test_an_owners_payments_under_instamojos_headers_are_read_as_any(tmp_path):
    """Payment ID, Buyer Name, Buyer Email, Amount, Status with 'Paid', 'Unpaid',
    'Refunded': no Instamojo export (no 'Credit'). Ann 120 + 60 paid (repeat), Bob 80
    unpaid (a contact), Cal 45 paid then refunded: 3 sales of 225, a refund of 45,
    [3, 2, 2, 1, 0]. Was: Instamojo's reading, 'Paid' never went through: 1 sale of 45,
    [3, 1, 1, 0, 0]."""
    found = cli_import_text(tmp_path, "Payments 2025.csv", (
        "Date,Payment ID,Buyer Name,Buyer Email,Amount,Status\n"
        "03/03/2025,P-01,Ann Fox,ann@fox.com,120,Paid\n"
        "05/03/2025,P-02,Bob King,bob@king.com,80,Unpaid\n"
        "09/03/2025,P-03,Ann Fox,ann@fox.com,60,Paid\n"
        "12/03/2025,P-04,Cal Moss,cal@moss.com,45,Refunded\n"))
    assert found["recognised_as"] is None
    assert kind_totals(tmp_path, "purchase") == (3, 225.0)
    assert kind_totals(tmp_path, "refund") == (1, 45.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_wallets_credit_and_debit_are_no_instamojo_export(tmp_path):
    """A wallet's export under the same headers: 'Debit' is no Instamojo status, so the
    profile does not read it ('Debit' would have been a payment that never went through)."""
    found = cli_import_text(tmp_path, "wallet_payments.csv", (
        "Payment ID,Buyer Name,Buyer Email,Amount,Status,Type\n"
        "W001,Rahul Mehta,rahul@mail.in,500,Credit,Wallet top-up\n"
        "W002,Amit Shah,amit@mail.in,200,Debit,Purchase\n"
        "W003,Rahul Mehta,rahul@mail.in,300,Debit,Purchase\n"))
    assert found["recognised_as"] is None


# --- invoices with what was paid (guards) ---------------------------------------------------

def test_invoices_paid_in_part_overpaid_and_credited(tmp_path):
    """Ann's 200 invoice, 250 paid (overpaid: the sale is the invoice's 200); Bob's 400
    paid, then a credit note of -400 (a refund of 400); Cal's zero draft a contact. 2 sales
    of 600, a refund of 400: [3, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "Sales invoices.csv", (
        "Invoice Number,Contact,Date,Due Date,Invoice Total,Amount Paid,Status\n"
        "1001,Ann Fox,01/03/2025,31/03/2025,200.00,250.00,Paid\n"
        "1002,Bob King,04/03/2025,03/04/2025,400.00,400.00,Paid\n"
        "1003,Bob King,10/03/2025,09/04/2025,-400.00,0.00,Credit Note\n"
        "1004,Cal Moss,12/03/2025,11/04/2025,0.00,0.00,Draft\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 600.0)
    assert kind_totals(tmp_path, "refund") == (1, 400.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_invoices_with_amount_paid_and_no_status(tmp_path):
    """Ann 300 of 300, Bob 200 of 500 (a sale of what was paid), Cal 150 with nothing paid
    (a contact), a credit note of -50 (a refund): 2 sales of 500, [3, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "Invoices 2025.csv", (
        "Invoice No,Client,Email,Issued,Amount,Amount Paid\n"
        "INV-01,Ann Fox,ann@fox.com,01/03/2025,300.00,300.00\n"
        "INV-02,Bob King,bob@king.com,05/03/2025,500.00,200.00\n"
        "INV-03,Cal Moss,cal@moss.com,09/03/2025,150.00,\n"
        "CN-01,Ann Fox,ann@fox.com,20/03/2025,-50.00,-50.00\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 500.0)
    assert kind_totals(tmp_path, "refund") == (1, 50.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- undo: a later list writing the same client's values ------------------------------------

LIST = "Name,Email\nEmma Walsh,emma@walsh.ie\nCafe Luna,luna@cafe.ie\nTom Byrne,tom@byrne.ie\n"
PROFILE = ("Client,Phone,County,Status,Segment\n"
           "Emma Walsh,087 123 4567,Cork,Active,Retail\n"
           "Cafe Luna,01 555 0101,Dublin,Inactive,Trade\n"
           "New Person,086 000 1111,Galway,Lead,Retail\n")
LATER = ("Client,Phone,County,Status\nEmma Walsh,087 999 0000,Kerry,Active\n"
         "Tom Byrne,085 222 3333,Mayo,Active\n")


def test_undoing_a_profile_list_leaves_what_a_later_list_wrote(tmp_path):
    """List (e-mails), profile list (by name: Emma's phone 087 123 4567, Cork, Retail), a
    later list (Emma's phone 087 999 0000, Kerry); undo the profile list. As the list and
    the later list alone: Emma 087 999 0000 and Kerry, no segment; Cafe Luna with no phone;
    New Person gone. Every client and column the same (the county compared as read: the
    undo writes the extras' JSON without spaces)."""
    undone, alone = _texts_undone_and_alone(
        tmp_path, {"list": LIST, "profile": PROFILE, "later": LATER}, 2)
    differences = _differences(undone, alone)
    assert all(column == "extra" and json.loads(x) == json.loads(y)
               for _, column, x, y in differences)
    emma = undone[("clients", "id:emma@walsh.ie")]
    assert (emma["phone"], emma["client_type"], json.loads(emma["extra"])) == (
        "087 999 0000", None, {"County": "Kerry"})
    assert ("clients", "name:new person") not in undone
