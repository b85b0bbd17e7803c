"""Review of session 21's new reading rules (B's and D's), by sheets an owner or an export
might really have where they could fire wrongly, or should fire and did not (session 21, K).
Each sheet goes through the command line and is checked against figures worked out by hand
(the working in each docstring); beside each mend, a sheet where it must not fire.

- A cash book: one name twice on one day is a person paying twice (two invoices, two
  lessons, a cafe's regular), not goods; goods are names twice on a market day (two or more
  names each twice that day) or twice on each of two days. A name opening a line before
  what it bought ("Priya Patel - lesson") is a payer even where a parent's line names her.
- Words of money moving inside a name ("Sarah Deposit", "Jones Refund") name no one; only
  "Gift", "Grant", "Till", people's names too, are read as one beside a payer sharing the
  other word in its place.
- 'Sale price' beside a 'Commission' is not the amount (an agent's money is the
  commission); beside a 'Cost price' it still is.
- A credit note larger than one unpaid invoice calls off all it covers.
- Revolut: a 'State' of US states is no Revolut statement; a personal account's TOPUP
  "Payment from Ann Lee" is a client's payment, "Top-Up by *4421" the owner's.
- 'Price Paid' is what was paid, before a list 'Price', and alone makes each row a sale.
- A 'Payment' column of Paid, Refunded is each booking's payment, not payment terms; a
  payment column of Paid beside Pending says which bookings are paid.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, cli_json, kind_totals, workspace_rows

PAID = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"
BOOK = "Date,Details,In,Out\n"


# --- 1. a cash book's people and goods -----------------------------------------------------------

def test_one_name_twice_on_one_day_is_a_person_paying_two_invoices(tmp_path):
    """'John Smith' 120 and 85 on 06/04 (two invoices), 60 on 10/04; 'Amy White' 40. No
    other name repeats that day: no market day. John Smith 3 sales of 265, Amy White 40,
    [2, 2, 2, 1, 0] (B's rule dropped every line of his: 1 client, 40)."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,John Smith,120,\n06/04/2026,John Smith,85,\n10/04/2026,John Smith,60,\n"
        "11/04/2026,Amy White,40,\n12/04/2026,Stationery,,15\n"))
    assert workspace_rows(tmp_path, PAID) == [("Amy White", 1, 40.0), ("John Smith", 3, 265.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_pupils_two_lessons_and_a_regulars_two_coffees_are_theirs(tmp_path):
    """A tutor's 'Emma Brown' 25 twice on 06/04 and once on 13/04 (75), 'Leo Grey' 25 on two
    days (50); a cafe's 'Anna Kowalski' 3.50 and 6.20 on 06/04, 3.50 on 07/04 (13.20) beside
    'Ben Ode' 3.50. Tutor: [2, 2, 2, 2, 0]; cafe: [2, 2, 2, 1, 0] (B's rule made Emma and
    Anna no one)."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Emma Brown,25,\n06/04/2026,Emma Brown,25,\n13/04/2026,Emma Brown,25,\n"
        "07/04/2026,Leo Grey,25,\n14/04/2026,Leo Grey,25,\n15/04/2026,Books,,12\n"))
    assert workspace_rows(tmp_path, PAID) == [("Emma Brown", 3, 75.0), ("Leo Grey", 2, 50.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 2, 0]
    cafe = tmp_path / "cafe"
    cafe.mkdir()
    cli_import_text(cafe, "cashbook.csv", BOOK + (
        "06/04/2026,Anna Kowalski,3.50,\n06/04/2026,Anna Kowalski,6.20,\n"
        "07/04/2026,Anna Kowalski,3.50,\n07/04/2026,Ben Ode,3.50,\n08/04/2026,Milk,,4\n"))
    assert workspace_rows(cafe, PAID) == [("Anna Kowalski", 3, 13.2), ("Ben Ode", 1, 3.5)]
    assert cli_funnel(cafe) == [2, 2, 2, 1, 0]


def test_a_market_day_names_no_one_but_the_regular_paying_once(tmp_path):
    """Still fired: on 06/04 'Victoria Sponge' 18 twice and 'Honey Jar' 6 twice (a market
    day: two names each twice), 'Sarah Jones' 30 once that day and once on 13/04. Goods 48
    naming no one; Sarah Jones 2 of 60, [1, 1, 1, 1, 0]."""
    found = cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Victoria Sponge,18,\n06/04/2026,Victoria Sponge,18,\n"
        "06/04/2026,Honey Jar,6,\n06/04/2026,Honey Jar,6,\n06/04/2026,Sarah Jones,30,\n"
        "13/04/2026,Sarah Jones,30,\n10/04/2026,Flour,,20\n"))
    assert "4 lines of money in naming no one (48) left out" in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [("Sarah Jones", 2, 60.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 1, 0]


def test_one_good_twice_on_each_of_two_days_is_goods(tmp_path):
    """Still fired: 'Sourdough Loaf' 4.50 twice on 06/04, 4.50 and 9 on 13/04, nothing else
    repeating: twice on two days, goods (22.50 naming no one). Mrs Hall's cake 45 the one
    sale, [1, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Sourdough Loaf,4.50,\n06/04/2026,Sourdough Loaf,4.50,\n"
        "13/04/2026,Sourdough Loaf,4.50,\n13/04/2026,Sourdough Loaf,9,\n"
        "13/04/2026,Mrs Hall - birthday cake,45,\n14/04/2026,Flour,,22\n"))
    assert workspace_rows(tmp_path, PAID) == [("Mrs Hall", 1, 45.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


def test_a_name_opening_a_line_before_what_it_bought_is_a_payer(tmp_path):
    """'Mrs Patel - Priya Patel' 40 (a mother paying for her daughter) beside 'Priya Patel -
    lesson' 40 and 'Tom Brown - lesson' 40: Priya opens a line before what she bought, a
    payer, not goods. 3 sales of 120 from 3 clients, [3, 3, 3, 0, 0] (B's rule made
    Priya's 40 no one). And two siblings twice each on 06/04, each later written 'Emma Brown
    - lesson': Emma and Leo 3 of 75 each, [2, 2, 2, 2, 0] (was no one at all)."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Mrs Patel - Priya Patel,40,\n13/04/2026,Priya Patel - lesson,40,\n"
        "14/04/2026,Tom Brown - lesson,40,\n15/04/2026,Books,,10\n"))
    assert workspace_rows(tmp_path, PAID) == [
        ("Mrs Patel", 1, 40.0), ("Priya Patel", 1, 40.0), ("Tom Brown", 1, 40.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]
    siblings = tmp_path / "siblings"
    siblings.mkdir()
    cli_import_text(siblings, "cashbook.csv", BOOK + (
        "06/04/2026,Emma Brown,25,\n06/04/2026,Emma Brown,25,\n06/04/2026,Leo Grey,25,\n"
        "06/04/2026,Leo Grey,25,\n13/04/2026,Emma Brown - lesson,25,\n"
        "13/04/2026,Leo Grey - lesson,25,\n15/04/2026,Books,,12\n"))
    assert workspace_rows(siblings, PAID) == [("Emma Brown", 3, 75.0), ("Leo Grey", 3, 75.0)]
    assert cli_funnel(siblings) == [2, 2, 2, 2, 0]


# --- 2. a word of money moving inside a name ------------------------------------------------------

def test_a_deposit_or_a_refund_beside_a_payers_name_is_no_one(tmp_path):
    """'Sarah Deposit' 50 beside 'Sarah Jones - balance' 150; 'Jones Refund' 40 beside 'Amy
    Jones - lesson' 40. A deposit or a refund is no one's name: Sarah Jones 150 and Amy
    Jones 40, [2, 2, 2, 0, 0]; 90 naming no one (B's rule made 'Sarah Deposit' and 'Jones
    Refund' clients: 4 of 280)."""
    found = cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Sarah Deposit,50,\n13/04/2026,Sarah Jones - balance,150,\n"
        "14/04/2026,Amy Jones - lesson,40,\n15/04/2026,Jones Refund,40,\n"))
    assert "2 lines of money in naming no one (90) left out" in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [("Amy Jones", 1, 40.0), ("Sarah Jones", 1, 150.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_till_and_grant_are_names_beside_a_payer_sharing_the_other_word(tmp_path):
    """Still fired: 'Till Becker - Nachhilfe' 40 beside 'Anna Becker - Nachhilfe' 40 (Becker
    last in both): 2 sales of 80; 'Till' 300 alone no one. 'Tom Grant - lesson' beside 'Tom
    Jones - lesson' (Tom first in both) 30 each; 'Grant Payment' 500 no one."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Till Becker - Nachhilfe,40,\n07/04/2026,Anna Becker - Nachhilfe,40,\n"
        "08/04/2026,Till,300,\n09/04/2026,Tom Grant - lesson,30,\n"
        "10/04/2026,Tom Jones - lesson,30,\n11/04/2026,Grant Payment,500,\n"))
    assert workspace_rows(tmp_path, PAID) == [
        ("Anna Becker", 1, 40.0), ("Till Becker", 1, 40.0), ("Tom Grant", 1, 30.0),
        ("Tom Jones", 1, 30.0)]
    assert cli_funnel(tmp_path) == [4, 4, 4, 0, 0]


# --- 3. a sale price beside a commission -----------------------------------------------------------

def test_a_sale_price_beside_a_commission_is_not_the_amount(tmp_path):
    """An estate agent's sales: Sale price 250,000 and 180,000, Commission 3,750 and 2,700.
    Whose money each is is not said: 2 sales of no amount, [2, 2, 2, 0, 0], said so (B's
    reading gave 430,000 of revenue). Mapped by hand, the commission: 6,450."""
    sheet = ("Date,Client,Property,Sale price,Commission\n"
             "01/03/2026,Ann Lee,12 High St,250000,3750\n02/04/2026,Bob Day,4 Mill Lane,180000,2700\n")
    found = cli_import_text(tmp_path, "sales.csv", sheet)
    assert found["mapping"]["Sale price"] is None
    assert "'Sale price' is beside 'Commission'" in found["explanation"]
    assert kind_totals(tmp_path, "purchase") == (2, None)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    (chosen / "sales.csv").write_text(sheet, encoding="utf-8")
    cli_json(chosen, "import", str(chosen / "sales.csv"), "--map", "Commission=amount")
    assert kind_totals(chosen, "purchase") == (2, 6450.0)


def test_a_sale_price_beside_a_cost_price_stays_the_amount(tmp_path):
    """Not fired: a car dealer's Purchase price 4,000 and 6,000, Sale price 5,500 and 7,200:
    2 sales of 12,700, [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Vehicle,Purchase price,Sale price\n"
        "01/03/2026,Ann Lee,Ford Fiesta,4000,5500\n02/03/2026,Bob Day,VW Golf,6000,7200\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 12700.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- 4. a credit note covering two unpaid invoices -------------------------------------------------

def test_a_credit_covering_two_unpaid_invoices_calls_off_both(tmp_path):
    """Alice's overdue 300 (01/03) and 200 (05/03), then -500 (10/03), nothing paid: both
    called off, a cancellation of 500, nothing beyond (B's rule called off the 200 alone,
    said 300 was credit held, her 300 still owed). Bruno paid 500. [2, 1, 1, 0, 0]."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Client,Date,Amount,Status\nAlice Roy,2024-03-01,300.00,Overdue\n"
        "Alice Roy,2024-03-05,200.00,Overdue\nAlice Roy,2024-03-10,-500.00,Credit note\n"
        "Bruno Petit,2024-03-02,500.00,Paid\n"))
    assert kind_totals(tmp_path, "cancellation") == (1, 500.0)
    assert kind_totals(tmp_path, "refund") == (0, None)
    assert any("called off 2 invoices never paid" in note and "beyond" not in note
               for note in found["notes"])
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


# --- 5. Revolut -----------------------------------------------------------------------------------

def test_a_roofers_jobs_with_us_states_are_no_revolut_statement(tmp_path):
    """Client, Type, State (TX, CA), Description, Amount, Started Date: D's Revolut profile
    took it (no transfer in: 0 clients, every row lost). Every State must be Revolut's:
    not matched, 3 clients, [3, 3, 3, 0, 0], as before D."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Client,Type,State,Description,Amount,Started Date\n"
        "Ann Lee,Roof,TX,Roof repair,1200,01/03/2026\nBob Day,Gutter,CA,Gutter clean,300,"
        "02/03/2026\nCy Ray,Roof,TX,New roof,8000,03/03/2026\n"))
    assert found["recognised_as"] != "revolut_statement"
    assert [name for name, *_ in workspace_rows(tmp_path, PAID)] == [
        "Ann Lee", "Bob Day", "Cy Ray"]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_revolut_topup_from_someone_is_their_payment(tmp_path):
    """A personal Revolut statement: TOPUP 'Payment from Ann Lee' 150 twice and 'Transfer
    from BOB DAY' 80 (bank transfers in); 'Top-Up by *4421' 100 and 'Apple Pay Top-Up by
    *4421' 50 the owner's card. 3 sales of 380: Ann 300, Bob 80, [2, 2, 2, 1, 0] (was no
    client at all)."""
    head = "Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\n"
    line = "TOPUP,Current,2026-03-0{0} 09:00:00,2026-03-0{0} 09:00:05,{1},{2},0.00,GBP,COMPLETED,0\n"
    found = cli_import_text(tmp_path, "account-statement_2026-03-01_2026-03-31_en-gb.csv", head + (
        line.format(1, "Payment from Ann Lee", "150.00") + line.format(2, "Top-Up by *4421", "100.00")
        + line.format(3, "Transfer from BOB DAY", "80.00")
        + "CARD_PAYMENT,Current,2026-03-04 09:00:00,2026-03-04 09:00:05,Tesco,-20.00,0.00,GBP,"
          "COMPLETED,0\n"
        + line.format(5, "Apple Pay Top-Up by *4421", "50.00")
        + line.format(9, "Payment from Ann Lee", "150.00")))
    assert found["recognised_as"] == "revolut_statement"
    assert workspace_rows(tmp_path, PAID) == [("Ann Lee", 2, 300.0), ("Bob Day", 1, 80.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- 6. what was paid, and bookings' payment columns ------------------------------------------

def test_price_paid_is_what_was_paid_and_makes_each_row_a_sale(tmp_path):
    """A studio's Date, Client, Class, Price 20, Price Paid 15 and 20: 'Price Paid' is the
    amount, and says money was paid: 2 sales of 35, [2, 2, 2, 0, 0] (was 2 contacts, 'an
    amount alone makes no purchase')."""
    found = cli_import_text(tmp_path, "reservations.csv", (
        "Date,Client,Class,Price,Price Paid\n01/03/2026,Ann Lee,Yoga,20,15\n"
        "02/03/2026,Bob Day,Yoga,20,20\n"))
    assert found["mapping"]["Price Paid"] == "amount"
    assert workspace_rows(tmp_path, PAID) == [("Ann Lee", 1, 15.0), ("Bob Day", 1, 20.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_payment_column_of_statuses_is_no_payment_terms(tmp_path):
    """Bookings: Status Booked/Cancelled, Payment Paid/Refunded, Price 60. Was a client list
    (Payment as payment terms, Price as revenue): no sale. Now Ann's and Cy's booked and
    paid 60 are sales (120), Bob's cancelled booking a cancellation of 60, [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        "Customer,Email,Date,Status,Payment,Price\nAnn Lee,ann@x.test,01/03/2026,Booked,Paid,60\n"
        "Bob Day,bob@x.test,02/03/2026,Cancelled,Refunded,60\n"
        "Cy Ray,cy@x.test,03/03/2026,Booked,Paid,60\n"))
    assert found["kind"] == "events"
    assert kind_totals(tmp_path, "purchase") == (2, 120.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 60.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_payment_terms_stay_terms(tmp_path):
    """Not fired: a client list's Payment of Net 30 and On receipt is its payment terms."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Payment\nAnn Lee,ann@x.test,Net 30\nBob Day,bob@x.test,On receipt\n"))
    assert found["kind"] == "clients"
    assert found["mapping"]["Payment"] == "payment_terms"


def test_a_booking_paid_beside_one_pending_is_a_sale(tmp_path):
    """Booked with Payment status Paid (Bob, 60) beside Booked and Pending (Ann, 60): D's
    reading wanted every cell a payment status, so neither was read ([2, 2, 0, 0, 0]). Now
    Bob's is a sale of 60, Ann's a contact at consideration, [2, 2, 1, 0, 0]."""
    cli_import_text(tmp_path, "bookings.csv", (
        "Booking ID,Customer,Email,Date,Status,Payment status,Price\n"
        "B1,Ann Lee,ann@x.test,01/03/2026,Booked,Pending,60\n"
        "B2,Bob Day,bob@x.test,02/03/2026,Booked,Paid,60\n"))
    assert workspace_rows(tmp_path, PAID) == [("Ann Lee", 0, None), ("Bob Day", 1, 60.0)]
    assert cli_funnel(tmp_path) == [2, 2, 1, 0, 0]
