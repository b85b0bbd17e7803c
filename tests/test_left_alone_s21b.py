"""Misreadings two reviews of session 20 (F's and H's) found and left alone (session 21, B).
Each sheet goes through the command line and is checked against figures worked out by hand
(the working in each docstring); beside each, a sheet where the new reading must not fire.

- A cash book's goods written as a name ("Victoria Sponge", "Honey Jar" on a market day):
  two capitalised words alone on two or more lines of one day, or written elsewhere in the
  book as what was sold ("Mrs Hall - Victoria sponge"), name no one; "Cakes - Sarah" is
  Sarah's where "Cakes" is what the book sells or Sarah pays elsewhere. A tutor's clients
  written in full on different days are still clients.
- A name holding a word of money moving ("Gift Mokoena") is a person's where the book's
  other payers hold its other word ("Lerato Mokoena"); "Gift Card", "Gift Voucher" are not.
- A gardener's 'Paid on': one note of which jobs it marks paid, not also that it only
  looked like a date; as the only date, a blank is a job not yet paid.
- "Valor de venta", "Sale price", "Verkaufspreis" are the amount of a sale where no other
  amount is; "Valor de compra", "Cost price", "Einkaufspreis" never.
- A credit note larger than the unpaid invoice, or dated before it, calls it off (the rest
  credit held for the client); after a payment it stays a refund.
- "R 150" under Portuguese headers (Data, Cliente, Valor) is reais; under English or
  Afrikaans ones, rand.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

PAID = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"


# --- 1. goods written as a name in a cash book ---------------------------------------------------

def test_goods_sold_several_times_a_day_name_no_one(tmp_path):
    """A market stall's book: on 06/04 Victoria Sponge 18 twice, Honey Jar 6 and 12,
    Sourdough Loaf 4.50; on 13/04 Sourdough Loaf 4.50 and 9; 'Mrs Hall - birthday cake' 45.
    Each two-word label stands alone on two or more lines of one day: goods, no one (a
    person pays once a day). One sale, Mrs Hall's 45, [1, 1, 1, 0, 0]; 7 lines (72) naming
    no one (was 4 clients, 8 sales of 117: Victoria Sponge, Honey Jar, Sourdough Loaf)."""
    found = cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Victoria Sponge,18,\n06/04/2026,Honey Jar,6,\n"
        "06/04/2026,Victoria Sponge,18,\n06/04/2026,Sourdough Loaf,4.50,\n"
        "06/04/2026,Honey Jar,12,\n13/04/2026,Sourdough Loaf,4.50,\n"
        "13/04/2026,Sourdough Loaf,9,\n13/04/2026,Mrs Hall - birthday cake,45,\n"
        "14/04/2026,Flour,,22\n"))
    assert "7 lines of money in naming no one (72) left out" in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [("Mrs Hall", 1, 45.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


def test_what_the_book_sells_is_no_payer_and_gives_way_to_one(tmp_path):
    """'Victoria Sponge' 18 is what 'Mrs Hall - Victoria sponge' bought: goods. 'Cakes' 30
    alone is what was sold, so 'Cakes - Sarah' 20 is Sarah's. 'Tom Brown - bread' 5.
    Sales: Mrs Hall 18, Sarah 20, Tom Brown 5 = 3 of 43, [3, 3, 3, 0, 0]; 48 naming no one
    (was 4 clients: Cakes, Victoria Sponge beside Mrs Hall and Tom Brown, 61)."""
    cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Victoria Sponge,18,\n"
        "07/04/2026,Mrs Hall - Victoria sponge,18,\n08/04/2026,Cakes,30,\n"
        "09/04/2026,Cakes - Sarah,20,\n10/04/2026,Tom Brown - bread,5,\n"))
    assert workspace_rows(tmp_path, PAID) == [
        ("Mrs Hall", 1, 18.0), ("Sarah", 1, 20.0), ("Tom Brown", 1, 5.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_first_name_after_goods_is_the_payer_who_pays_elsewhere(tmp_path):
    """'Cakes - Sarah' 20 beside 'Sarah - lesson' 30: Sarah pays elsewhere, 'Cakes' does
    not: Sarah's, 2 sales of 50 (retention). 'Amy Jones - cake' 25. 'Bread - Tom' 5 stays
    Bread's (neither word is known elsewhere; as 'Sarah - deposit' is read). 4 sales of 80
    from 3 clients, [3, 3, 3, 1, 0] (was Cakes and Sarah apart: 4 clients, [4, 4, 4, 0, 0])."""
    found = cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Cakes - Sarah,20,\n07/04/2026,Sarah - lesson,30,\n"
        "08/04/2026,Bread - Tom,5,\n09/04/2026,Amy Jones - cake,25,\n10/04/2026,Flour,,12\n"))
    assert '("Cakes - Sarah": Sarah)' in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [
        ("Amy Jones", 1, 25.0), ("Bread", 1, 5.0), ("Sarah", 2, 50.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_people_written_in_full_on_different_days_stay_clients(tmp_path):
    """Not fired: a tutor's book, 'Sarah Jones' 30 on 06/04 and 07/04 (different days),
    'Tom Brown', 'Amy White' 30 each: 4 sales of 120 from 3 clients, [3, 3, 3, 1, 0]."""
    cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Sarah Jones,30,\n07/04/2026,Sarah Jones,30,\n"
        "08/04/2026,Tom Brown,30,\n09/04/2026,Amy White,30,\n10/04/2026,Books,,12\n"))
    assert workspace_rows(tmp_path, PAID) == [
        ("Amy White", 1, 30.0), ("Sarah Jones", 2, 60.0), ("Tom Brown", 1, 30.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


# --- 2. a person's name holding a word of money moving -------------------------------------------

def test_gift_is_a_first_name_beside_the_same_surname(tmp_path):
    """A braider's book: 'Gift Mokoena - braids' 350, 'Thandi Nkosi - braids' 300, 'Lerato
    Mokoena - braids' 300; 'Gift from Nan' 50 names no one. Mokoena is another payer's
    name, so Gift Mokoena is a person: 3 sales of 950 from 3 clients, [3, 3, 3, 0, 0]
    (was 2 of 600: Gift Mokoena's 350 left out with the gift from Nan)."""
    cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Gift Mokoena - braids,350,\n"
        "07/04/2026,Thandi Nkosi - braids,300,\n08/04/2026,Gift from Nan,50,\n"
        "09/04/2026,Hair products,,120\n10/04/2026,Lerato Mokoena - braids,300,\n"))
    assert workspace_rows(tmp_path, PAID) == [
        ("Gift Mokoena", 1, 350.0), ("Lerato Mokoena", 1, 300.0), ("Thandi Nkosi", 1, 300.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_gift_cards_and_vouchers_stay_no_one(tmp_path):
    """Not fired: 'Gift Card - Mrs Hall' 25 is Mrs Hall's; 'Gift Voucher' 30 and 'Grant
    Card' 40 hold no other payer's name: no one. 'Hugh Grant - lesson' 30: Hugh is no
    other payer's name, so no one either (no list of first names). 1 sale of 25,
    [1, 1, 1, 0, 0], as before."""
    cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Gift Card - Mrs Hall,25,\n07/04/2026,Gift Voucher,30,\n"
        "08/04/2026,Hugh Grant - lesson,30,\n09/04/2026,Grant Card,40,\n"))
    assert workspace_rows(tmp_path, PAID) == [("Mrs Hall", 1, 25.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


def test_grant_is_a_surname_beside_the_same_first_name(tmp_path):
    """'Hugh Grant - lesson' 30 beside 'Hugh Jones - lesson' 30: Hugh is another payer's
    name, so Hugh Grant is a person: 2 sales of 60, [2, 2, 2, 0, 0] (was 1 of 30)."""
    cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Hugh Grant - lesson,30,\n"
        "07/04/2026,Hugh Jones - lesson,30,\n"))
    assert workspace_rows(tmp_path, PAID) == [("Hugh Grant", 1, 30.0), ("Hugh Jones", 1, 30.0)]


# --- 3. 'Paid on' on a gardener's jobs --------------------------------------------------------------

def test_paid_on_of_weekdays_is_said_once(tmp_path):
    """Ann paid 60 'Friday', Cy 80 'Monday'; Bob's 45 blank, Dee's 45 'Not yet': 2 sales of
    140, [4, 2, 2, 0, 0] (as F's). The notes say which jobs 'Paid on' marks paid, and no
    longer also that it looked like a date and was kept as an extra column."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Client,Job,Price,Paid on\nAnn Lee,Hedge,60,Friday\nBob Tan,Lawn,45,\n"
        "Cy Ray,Gutters,80,Monday\nDee Fox,Lawn,45,Not yet\n"))
    assert "2 rows marked paid in 'Paid on' were read as purchases." in found["notes"]
    assert not any(note.startswith("Column 'Paid on' looked like") for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 140.0)


def test_paid_on_dates_as_the_only_date_leave_blanks_unpaid(tmp_path):
    """'Paid on' 12/04 and 20/04 for Ann 60 and Cy 80, blank for Bob 45 and Dee 45, and no
    other date: the day each job was paid; a blank is not paid yet. 2 sales of 140,
    [4, 2, 2, 0, 0] (was every job a sale: 4 of 230)."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Client,Job,Price,Paid on\nAnn Lee,Hedge,60,12/04/2026\nBob Tan,Lawn,45,\n"
        "Cy Ray,Gutters,80,20/04/2026\nDee Fox,Lawn,45,\n"))
    assert ("2 rows left blank in 'Paid on', where the others are ticked, were read as "
            "contacts, not sales.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 140.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


def test_paid_on_filled_on_every_job_is_each_sales_day(tmp_path):
    """Not fired: 'Paid on' filled on every job: 3 sales of 185, [3, 3, 3, 0, 0]."""
    cli_import_text(tmp_path, "jobs.csv", (
        "Client,Job,Price,Paid on\nAnn Lee,Hedge,60,12/04/2026\nBob Tan,Lawn,45,14/04/2026\n"
        "Cy Ray,Gutters,80,20/04/2026\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 185.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 4. the price each was sold at -----------------------------------------------------------------

def test_valor_de_venta_is_the_amount(tmp_path):
    """A Spanish cake shop's sales: 'Valor de venta' 25, 5, 25: 3 sales of 55, Lucia 50
    (retention), Pablo 5 (was 3 sales of no amount)."""
    cli_import_text(tmp_path, "ventas.csv", (
        "Fecha,Cliente,Producto,Valor de venta\n01/03/2026,Lucia Garcia,Tarta,25\n"
        "02/03/2026,Pablo Ruiz,Pan,5\n03/03/2026,Lucia Garcia,Tarta,25\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 55.0)
    assert workspace_rows(tmp_path, PAID) == [("Lucia Garcia", 2, 50.0), ("Pablo Ruiz", 1, 5.0)]


def test_selling_price_beside_cost_price_and_verkaufspreis(tmp_path):
    """'Cost price' 4 and 7 is what the goods cost; 'Selling price' 12 and 20 what they
    sold for: 2 sales of 32 (was 2 sales of no amount)."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Item,Cost price,Selling price\n01/03/2026,Ann Lee,Mug,4,12\n"
        "02/03/2026,Bob Day,Bowl,7,20\n"))
    assert found["mapping"]["Cost price"] is None
    assert kind_totals(tmp_path, "purchase") == (2, 32.0)


def test_verkaufspreis_beside_einkaufspreis(tmp_path):
    """German: 'Einkaufspreis' (bought in at) 4, 7; 'Verkaufspreis' 12, 20: 2 sales of 32."""
    cli_import_text(tmp_path, "verkauf.csv", (
        "Datum,Kunde,Artikel,Einkaufspreis,Verkaufspreis\n01.03.2026,Anna Schmidt,Tasse,4,12\n"
        "02.03.2026,Hans Müller,Schale,7,20\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 32.0)


def test_a_total_beside_a_sale_price_stays_the_amount(tmp_path):
    """Not fired: 'Total' 24 and 20 beside 'Sale price' 12 and 20 (2 mugs): the total is
    what was paid, 2 sales of 44."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Item,Sale price,Total\n01/03/2026,Ann Lee,Mug,12,24\n"
        "02/03/2026,Bob Day,Bowl,20,20\n"))
    assert found["mapping"]["Total"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (2, 44.0)


def test_a_cost_price_alone_is_no_amount(tmp_path):
    """Not fired: 'Cost price' alone: 2 sales of no amount, as before."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Item,Cost price\n01/03/2026,Ann Lee,Mug,4\n02/03/2026,Bob Day,Bowl,7\n"))
    assert kind_totals(tmp_path, "purchase") == (2, None)


# --- 5. credit notes larger than the unpaid invoice, or before it ------------------------------------

def test_a_credit_larger_than_the_unpaid_invoice_calls_it_off(tmp_path):
    """Alice's 300 overdue, then a credit note of -400, nothing paid: the invoice is called
    off (a cancellation of 300); the 100 beyond it is credit held for her, not money given
    back. Bruno paid 500. [2, 1, 1, 0, 0]; 1 sale of 500; no refund (was a refund of 400,
    Alice at purchase: [2, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Client,Date,Amount,Status\nAlice Roy,2024-03-01,300.00,Overdue\n"
        "Alice Roy,2024-03-10,-400.00,Credit note\nBruno Petit,2024-03-02,500.00,Paid\n"))
    assert kind_totals(tmp_path, "cancellation") == (1, 300.0)
    assert kind_totals(tmp_path, "refund") == (0, None)
    assert any("100 beyond it is credit held for the client" in note for note in found["notes"])
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_a_credit_dated_before_the_unpaid_invoice_calls_it_off(tmp_path):
    """A credit note of -300 on 25/02, Alice's 300 overdue on 01/03, nothing paid ever:
    no money could go back; the invoice is called off. [2, 1, 1, 0, 0]; cancellation 300
    (was a refund of 300, Alice at purchase)."""
    cli_import_text(tmp_path, "invoices.csv", (
        "Client,Date,Amount,Status\nAlice Roy,2024-02-25,-300.00,Credit note\n"
        "Alice Roy,2024-03-01,300.00,Overdue\nBruno Petit,2024-03-02,500.00,Paid\n"))
    assert kind_totals(tmp_path, "cancellation") == (1, 300.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_a_larger_credit_after_a_payment_stays_a_refund(tmp_path):
    """Not fired: Alice paid 200 in January; a -400 after her 300 went overdue may give
    money back: a refund of 400, as before. 2 sales of 700, [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "invoices.csv", (
        "Client,Date,Amount,Status\nAlice Roy,2024-01-05,200.00,Paid\n"
        "Alice Roy,2024-03-01,300.00,Overdue\nAlice Roy,2024-03-10,-400.00,Credit note\n"
        "Bruno Petit,2024-03-02,500.00,Paid\n"))
    assert kind_totals(tmp_path, "refund") == (1, 400.0)
    assert kind_totals(tmp_path, "purchase") == (2, 700.0)


# --- 6. "R 150" under Portuguese headers -------------------------------------------------------------

def test_r_under_portuguese_headers_is_reais(tmp_path):
    """Data, Cliente, Valor: 'R 150' and 'R150' are R$ without the $: reais, 2 sales of
    300 (was read as rand)."""
    found = cli_import_text(tmp_path, "vendas.csv", (
        "Data,Cliente,Valor\n01/03/2026,Ana Souza,R 150\n02/03/2026,Bruno Lima,R150\n"))
    assert "Money is shown in R$: the amounts in this file are written in reais." in found[
        "notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 300.0)


def test_r_under_english_or_afrikaans_headers_stays_rand(tmp_path):
    """Not fired: Date, Customer, Amount (English), and Datum, Kliënt, Bedrag (Afrikaans):
    'R 150' is rand."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Amount\n01/03/2026,Ann Lee,R 150\n02/03/2026,Bob Day,R150\n"))
    assert "Money is shown in R: the amounts in this file are written in rand." in found["notes"]
    other = tmp_path / "af"
    other.mkdir()
    found = cli_import_text(other, "verkope.csv", (
        "Datum,Kliënt,Bedrag\n01/03/2026,Annelie Botha,R 150\n02/03/2026,Pieter Nel,R150\n"))
    assert "Money is shown in R: the amounts in this file are written in rand." in found["notes"]
