"""Misreadings session 19's reviewers found and left alone (session 19, K). Each sheet goes
through the command line and is checked against figures worked out by hand; beside each, a
sheet where the rule must not fire.

- Orders with a "Company" and a "Name" that holds the item ordered ("Espresso beans 1kg",
  or one item ordered by two companies): the company is the client, the item kept as extra
  (was: each item a client). An order list or invoice naming a person at a company keeps
  the person.
- A German "Auftrag" (order) of amounts is each order's money (was: lost, contacts); of
  dates, each order's day (was: read as order numbers, so no dates). Of numbers, it stays
  the order number.
- A "Storno" column of invoice numbers pairs an invoice with the one reversing it: one
  cancellation, no sale and no refund (was: a sale and a refund, the client a customer). A
  "Storno" of words (a part credit) cancels nothing.
- A "Category" or "Kategorie" read as the client's type that says the client has left
  ("Lapsed", "Former customer", "Ehemaliger Kunde") marks them churned, as tags do; the
  Spanish "Etiquetas" is a column of tags. Not on a list of subscribers.
- A "Wert" of whole numbers 1 to 10 beside a "Kommentar", or on a sheet called a survey
  ("Umfrage"), is a rating, not money (was: money). Without such a sign it stays money.
- A log numbered only by "ID" with an "Issue", a requester and ticket states one of which
  is resolved is a list of support tickets (was: a client list, "Resolved" read as bought).
  Not a lawyer's matters (Issue: Divorce; Open, Closed), nor a repair shop's priced jobs,
  nor a magazine's issues by number.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"
NAMES = "SELECT name FROM clients ORDER BY name"


# --- 1. an order's "Name" holding the item ---------------------------------------------------

def test_an_orders_name_of_items_with_sizes_is_no_client(tmp_path):
    """'Name' holds items with a size or pack ('Espresso beans 1kg', 'Filter papers x100',
    'Oat milk 1L'): the 'Company' is the client. Kafe Blue 48 + 24, Deli & Co 6.50 + 72,
    Corner Bakery 15: 3 clients, 5 sales of 165.50, two bought twice: [3, 3, 3, 2, 0]
    (was the 3 items as clients, [3, 3, 3, 1, 0])."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Company,Name,Qty,Total\n"
        "1001,2024-03-01,Kafe Blue Ltd,Espresso beans 1kg,2,48.00\n"
        "1002,2024-03-04,Deli & Co,Filter papers x100,1,6.50\n"
        "1003,2024-03-09,Kafe Blue Ltd,Espresso beans 1kg,1,24.00\n"
        "1004,2024-03-12,Deli & Co,Espresso beans 1kg,3,72.00\n"
        "1005,2024-03-20,Corner Bakery,Oat milk 1L,6,15.00\n"))
    assert found["mapping"]["Name"] is None
    assert ("'Name' holds the items ordered ('Espresso beans 1kg', 'Filter papers x100'), "
            "not people: kept as extra; 'Company' names the client") in found["explanation"]
    assert workspace_rows(tmp_path, NAMES) == [
        ("Corner Bakery",), ("Deli & Co",), ("Kafe Blue Ltd",)]
    assert kind_totals(tmp_path, "purchase") == (5, 165.5)
    assert cli_funnel(tmp_path) == [3, 3, 3, 2, 0]


def test_one_item_ordered_by_two_companies_is_no_client(tmp_path):
    """No sizes, but 'Espresso Beans' and 'House Blend' are each ordered by both companies
    (a person works for one): items. Kafe Blue 48 + 24, Deli & Co 6.50 + 72: 2 clients,
    4 sales of 150.50, both twice: [2, 2, 2, 2, 0] (was the 2 items as clients)."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Company,Name,Total\n"
        "1001,2024-03-01,Kafe Blue Ltd,Espresso Beans,48.00\n"
        "1002,2024-03-04,Deli & Co,House Blend,6.50\n"
        "1003,2024-03-09,Kafe Blue Ltd,House Blend,24.00\n"
        "1004,2024-03-12,Deli & Co,Espresso Beans,72.00\n"))
    assert workspace_rows(tmp_path, NAMES) == [("Deli & Co",), ("Kafe Blue Ltd",)]
    assert kind_totals(tmp_path, "purchase") == (4, 150.5)
    assert cli_funnel(tmp_path) == [2, 2, 2, 2, 0]


def test_orders_naming_people_at_companies_keep_the_people(tmp_path):
    """Not fired: Jane Smith and Raj Patel of Acme, Tom Baker of Bolt, each person under
    one company, no sizes: the people are the clients. Jane 480 + 120, Tom 250, Raj 90:
    3 clients, 4 sales of 940, Jane twice: [3, 3, 3, 1, 0]."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Company,Name,Total\n"
        "1001,2024-03-01,Acme Ltd,Jane Smith,480.00\n"
        "1002,2024-03-04,Bolt GmbH,Tom Baker,250.00\n"
        "1003,2024-03-09,Acme Ltd,Jane Smith,120.00\n"
        "1004,2024-03-12,Acme Ltd,Raj Patel,90.00\n"))
    assert workspace_rows(tmp_path, NAMES) == [("Jane Smith",), ("Raj Patel",), ("Tom Baker",)]
    assert kind_totals(tmp_path, "purchase") == (4, 940.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_invoices_naming_a_person_keep_the_person(tmp_path):
    """Not fired: invoices to Jane Smith (Acme, 400 twice) and Tom Baker (Bolt, 250): 2
    clients, 3 sales of 1,050, Jane twice: [2, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "invoices.csv", (
        "Invoice,Date,Company,Name,Amount\n"
        "INV-1,2024-03-01,Acme Ltd,Jane Smith,400\n"
        "INV-2,2024-03-05,Bolt GmbH,Tom Baker,250\n"
        "INV-3,2024-04-02,Acme Ltd,Jane Smith,400\n"))
    assert workspace_rows(tmp_path, NAMES) == [("Jane Smith",), ("Tom Baker",)]
    assert kind_totals(tmp_path, "purchase") == (3, 1050.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- 2. "Auftrag" of amounts or dates --------------------------------------------------------

def test_an_auftrag_of_amounts_is_each_orders_money(tmp_path):
    """'Auftrag' 1.250,00, 480,50, 990,00: the orders' money. Müller 1,250 + 990, Schmidt
    480.50: 3 sales of 2,720.50, Müller twice: [2, 2, 2, 1, 0] (was 3 contacts, no money,
    [2, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "auftraege.csv", (
        "Kunde,Datum,Auftrag\n"
        "Müller GmbH,01.03.2024,\"1.250,00\"\n"
        "Schmidt KG,05.03.2024,\"480,50\"\n"
        "Müller GmbH,02.04.2024,\"990,00\"\n"))
    assert found["mapping"]["Auftrag"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (3, 2720.5)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_an_auftrag_of_dates_is_each_orders_day(tmp_path):
    """'Auftrag' 01.03.2024...: the day of each order, not its number. 3 sales of 2,720.50
    on 1 March, 5 March and 2 April; Müller bought twice on two days: [2, 2, 2, 1, 0] (was
    the dates read as order numbers, no day, Müller not returning: [2, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "auftraege.csv", (
        "Kunde,Auftrag,Betrag\n"
        "Müller GmbH,01.03.2024,\"1.250,00\"\n"
        "Schmidt KG,05.03.2024,\"480,50\"\n"
        "Müller GmbH,02.04.2024,\"990,00\"\n"))
    assert found["mapping"]["Auftrag"] == "date"
    assert workspace_rows(tmp_path, "SELECT date, amount FROM events ORDER BY date") == [
        ("2024-03-01", 1250.0), ("2024-03-05", 480.5), ("2024-04-02", 990.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_an_auftrag_of_numbers_stays_the_order_number(tmp_path):
    """Not fired: 'Auftrag' A-1001...: order numbers; 'Betrag' the money. 3 sales of
    2,720.50, [2, 2, 2, 1, 0]."""
    found = cli_import_text(tmp_path, "auftraege.csv", (
        "Kunde,Datum,Auftrag,Betrag\n"
        "Müller GmbH,01.03.2024,A-1001,\"1.250,00\"\n"
        "Schmidt KG,05.03.2024,A-1002,\"480,50\"\n"
        "Müller GmbH,02.04.2024,A-1003,\"990,00\"\n"))
    assert found["mapping"]["Auftrag"] == "order_id"
    assert kind_totals(tmp_path, "purchase") == (3, 2720.5)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- 3. "Storno" of invoice numbers ----------------------------------------------------------

STORNO = "Rechnung,Datum,Kunde,Betrag,Storno\n"


def test_a_storno_invoice_naming_the_invoice_it_reverses_cancels_it(tmp_path):
    """RE-103 (-300, Storno RE-102) reverses Schmidt's RE-102 (300): one cancellation of
    300, no sale, no refund. Müller 500 + 200 = 700 in 2 sales; Schmidt never bought:
    [2, 1, 1, 1, 0] (was 3 sales of 1,000 and a refund of 300, Schmidt a customer:
    [2, 2, 2, 1, 0])."""
    found = cli_import_text(tmp_path, "rechnungen.csv", STORNO + (
        "RE-101,01.03.2024,Müller GmbH,\"500,00\",\n"
        "RE-102,05.03.2024,Schmidt KG,\"300,00\",\n"
        "RE-103,08.03.2024,Schmidt KG,\"-300,00\",RE-102\n"
        "RE-104,02.04.2024,Müller GmbH,\"200,00\",\n"))
    assert ("2 rows paired by the invoice numbers in 'Storno' (an invoice and the one "
            "reversing it) were read as 1 cancellation, not sales or refunds.") in found["notes"]
    assert workspace_rows(tmp_path, KINDS) == [("cancellation", 1, 300.0), ("purchase", 2, 700.0)]
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]


def test_an_invoice_naming_its_storno_invoice_is_cancelled(tmp_path):
    """The other way round: RE-102's Storno names RE-103, the invoice reversing it. Same
    figures: 1 cancellation of 300, 2 sales of 700, [2, 1, 1, 1, 0]."""
    cli_import_text(tmp_path, "rechnungen.csv", STORNO + (
        "RE-101,01.03.2024,Müller GmbH,\"500,00\",\n"
        "RE-102,05.03.2024,Schmidt KG,\"300,00\",RE-103\n"
        "RE-103,08.03.2024,Schmidt KG,\"-300,00\",\n"
        "RE-104,02.04.2024,Müller GmbH,\"200,00\",\n"))
    assert workspace_rows(tmp_path, KINDS) == [("cancellation", 1, 300.0), ("purchase", 2, 700.0)]
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]


def test_a_storno_of_words_cancels_nothing(tmp_path):
    """Not fired: Storno 'Teilgutschrift' (a part credit of -120) names no invoice: 3 sales
    of 1,000 and a refund of 120; both bought, Müller twice: [2, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "rechnungen.csv", STORNO + (
        "RE-101,01.03.2024,Müller GmbH,\"500,00\",\n"
        "RE-102,05.03.2024,Schmidt KG,\"300,00\",\n"
        "RE-103,08.03.2024,Schmidt KG,\"-120,00\",Teilgutschrift\n"
        "RE-104,02.04.2024,Müller GmbH,\"200,00\",\n"))
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 3, 1000.0), ("refund", 1, 120.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- 4. a category or a tag saying the client has left ---------------------------------------

OUTCOMES = "SELECT name, outcome FROM clients ORDER BY name"


def test_a_category_of_lapsed_clients_says_churned(tmp_path):
    """'Category' Lapsed and Former customer on a list of spenders: Ben and Cy churned
    (was: no one). All four spent: [4, 4, 4, 0, 0]."""
    found = cli_import_text(tmp_path, "customers.csv", (
        "Name,Email,Category,Last order,Total spent\n"
        "Ann Lee,ann@example.com,Regular,2024-03-01,320\n"
        "Ben Ray,ben@example.com,Lapsed,2023-01-10,150\n"
        "Cy Doe,cy@example.com,Former customer,2022-11-02,90\n"
        "Di Fox,di@example.com,New,2024-04-01,40\n"))
    assert ("2 clients whose 'Category' says they have left (Former customer, Lapsed) were "
            "read as churned.") in found["notes"]
    assert workspace_rows(tmp_path, OUTCOMES) == [
        ("Ann Lee", None), ("Ben Ray", "churned"), ("Cy Doe", "churned"), ("Di Fox", None)]
    assert cli_funnel(tmp_path) == [4, 4, 4, 0, 0]


def test_a_kategorie_of_former_clients_says_churned(tmp_path):
    """'Kategorie' Ehemaliger Kunde: Ben churned; Stammkunde, Neukunde not."""
    cli_import_text(tmp_path, "kunden.csv", (
        "Name,E-Mail,Kategorie,Umsatz\n"
        "Anna Bauer,anna@example.de,Stammkunde,\"320,00\"\n"
        "Ben Roth,ben@example.de,Ehemaliger Kunde,\"150,00\"\n"
        "Clara Wolf,clara@example.de,Neukunde,\"40,00\"\n"))
    assert workspace_rows(tmp_path, OUTCOMES) == [
        ("Anna Bauer", None), ("Ben Roth", "churned"), ("Clara Wolf", None)]


def test_spanish_etiquetas_are_tags(tmp_path):
    """'Etiquetas': cliente (Ana, a customer), lead (Luis), ex cliente (Eva, churned):
    [3, 1, 1, 0, 0] (was the column unread, [3, 0, 0, 0, 0], no one churned)."""
    cli_import_text(tmp_path, "contactos.csv", (
        "Nombre,Correo,Etiquetas\n"
        "Ana Ruiz,ana@example.es,cliente\n"
        "Luis Gil,luis@example.es,lead\n"
        "Eva Sanz,eva@example.es,ex cliente\n"))
    assert workspace_rows(tmp_path, OUTCOMES) == [
        ("Ana Ruiz", None), ("Eva Sanz", "churned"), ("Luis Gil", None)]
    assert cli_funnel(tmp_path) == [3, 1, 1, 0, 0]


def test_an_inactive_category_on_subscribers_is_no_churn(tmp_path):
    """Not fired: a newsletter's subscribers in the category Inactive bought nothing: no
    one churned, [3, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "subscribers.csv", (
        "Email,Name,Category\n"
        "ann@example.com,Ann Lee,Active\n"
        "ben@example.com,Ben Ray,Inactive\n"
        "cy@example.com,Cy Doe,Inactive\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE outcome IS NOT NULL"
                          ) == [(0,)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


# --- 5. "Wert" of ratings from 1 to 10 ------------------------------------------------------

def test_a_wert_of_one_to_ten_beside_a_comment_is_a_rating(tmp_path):
    """'Wert' 9, 4, 10, 7 beside 'Kommentar': a rating, kept as extra (was money: the
    Kunden's 9 + 10 + 7 = 26 their revenue, Jonas' 4 potential). Three Kunden:
    [4, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "kontakte.csv", (
        "Name,E-Mail,Wert,Kommentar,Status\n"
        "Anna Weber,anna@beispiel.de,9,Sehr freundlich,Kunde\n"
        "Jonas Klein,jonas@beispiel.de,4,Zu lange Wartezeit,Interessent\n"
        "Lena Vogel,lena@beispiel.de,10,Alles super,Kunde\n"
        "Paul Schulz,paul@beispiel.de,7,,Kunde\n"))
    assert found["mapping"]["Wert"] is None
    assert ("'Wert' holds whole numbers from 1 to 10 with no currency (9, 4; beside "
            "'Kommentar'): read as a rating, not money: kept as extra") in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(None, None)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_wert_of_one_to_ten_on_a_survey_is_a_rating(tmp_path):
    """'umfrage.csv' (a survey), 'Wert' 9, 4, 10, 7 with a date: no money (was 4 contacts
    of 30 in all). 4 people, none bought: [4, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "umfrage.csv", (
        "Name,E-Mail,Datum,Wert\n"
        "Anna Bauer,anna@example.de,01.03.2024,9\n"
        "Ben Roth,ben@example.de,02.03.2024,4\n"
        "Clara Wolf,clara@example.de,03.03.2024,10\n"
        "Dora Lang,dora@example.de,04.03.2024,7\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE amount IS NOT NULL"
                          ) == [(0,)]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(None, None)]
    assert cli_funnel(tmp_path) == [4, 0, 0, 0, 0]


def test_a_wert_of_one_to_ten_with_no_sign_of_a_survey_stays_money(tmp_path):
    """Not fired: the same 'Wert' on a client list with no comment and no survey's name:
    money, the Kunden's 9 + 10 + 7 = 26 their revenue, Jonas' 4 the potential; on dated
    rows, 4 contacts of 30."""
    cli_import_text(tmp_path, "kontakte.csv", (
        "Name,E-Mail,Wert,Status\n"
        "Anna Weber,anna@beispiel.de,9,Kunde\n"
        "Jonas Klein,jonas@beispiel.de,4,Interessent\n"
        "Lena Vogel,lena@beispiel.de,10,Kunde\n"
        "Paul Schulz,paul@beispiel.de,7,Kunde\n"))
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(26.0, 4.0)]
    dated = tmp_path / "dated"
    dated.mkdir()
    cli_import_text(dated, "wert.csv", (
        "Name,E-Mail,Datum,Wert\n"
        "Anna Bauer,anna@example.de,01.03.2024,9\n"
        "Ben Roth,ben@example.de,02.03.2024,4\n"
        "Clara Wolf,clara@example.de,03.03.2024,10\n"
        "Dora Lang,dora@example.de,04.03.2024,7\n"))
    assert kind_totals(dated, "contact") == (4, 30.0)


# --- 6. a ticket log numbered only by "ID" ---------------------------------------------------

def test_a_log_of_issues_with_a_resolved_ticket_is_a_ticket_list(tmp_path):
    """ID, Customer, Issue, Status Open / In progress / Resolved: tickets. 'Order arrived
    damaged' and 'Refund not received' complaints, the password question a support
    contact; all 3 at awareness: [3, 0, 0, 0, 0] (was a client list, Ben at consideration
    and Cy a customer: [3, 2, 1, 0, 0])."""
    found = cli_import_text(tmp_path, "support.csv", (
        "ID,Customer,Issue,Status\n"
        "1,Ann Lee,Order arrived damaged,Open\n"
        "2,Ben Ray,How do I change my password?,In progress\n"
        "3,Cy Doe,Refund not received,Resolved\n"))
    assert found["explanation"].startswith("Recognised as a list of support tickets")
    assert workspace_rows(tmp_path, KINDS) == [("complaint", 2, None), ("contact", 1, None)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_complaints_log_by_issue_without_an_id_keeps_its_dates(tmp_path):
    """Not fired: a complaints log (the demo's: Date received, Customer, Order number,
    Department, Issue, Received via, Status) numbers no rows by 'ID', so it is read as
    before: 3 complaints (the file is called complaints), each with its day, order, channel
    and department; 2 clients (Ann twice). Read as a ticket list, the dates were lost."""
    found = cli_import_text(tmp_path, "complaints.csv", (
        "Date received,Customer,Order number,Department,Issue,Received via,Status\n"
        "03/02/2025,Ann Lee,HP-1001,Delivery,Delivery arrived late,phone,Resolved\n"
        "10/02/2025,Bob Ray,HP-1002,Sales,Sales promised a date we could not meet,email,Open\n"
        "17/02/2025,Ann Lee,HP-1003,Install,Installer missed the appointment,phone,Closed\n"))
    assert not found["explanation"].startswith("Recognised as a list of support tickets")
    assert workspace_rows(tmp_path, "SELECT kind, date, order_id, channel, department "
                                    "FROM events ORDER BY date") == [
        ("complaint", "2025-02-03", "HP-1001", "phone", "Delivery"),
        ("complaint", "2025-02-10", "HP-1002", "email", "Sales"),
        ("complaint", "2025-02-17", "HP-1003", "phone", "Install")]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]


def test_a_lawyers_matters_by_issue_are_no_tickets(tmp_path):
    """Not fired: Issue Divorce / Will and probate / House purchase, Open or Closed (no
    ticket is resolved): a client list, no complaint, as before: [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "matters.csv", (
        "ID,Client,Issue,Status\n"
        "1,Ann Lee,Divorce,Open\n"
        "2,Ben Ray,Will and probate,Closed\n"
        "3,Cy Doe,House purchase,Open\n"))
    assert not found["explanation"].startswith("Recognised as a list of support tickets")
    assert kind_totals(tmp_path, "complaint") == (0, None)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_a_repair_shops_priced_jobs_and_a_magazines_issues_are_no_tickets(tmp_path):
    """Not fired: a repair shop's jobs by Issue with a Price, Resolved among them (money:
    a client list as before; [3, 1, 0, 0, 0] since session 21: Cy's Open job, unpriced,
    beside Ben's In progress, is a job not done yet, no longer an Active paying client at
    purchase, which gave [3, 2, 1, 0, 0]); a magazine's Issue 12, 13 (numbers, not
    words): a client list, [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "repairs.csv", (
        "ID,Customer,Issue,Status,Price\n"
        "1,Ann Lee,Cracked screen,Resolved,89\n"
        "2,Ben Ray,Battery replacement,In progress,45\n"
        "3,Cy Doe,Water damage,Open,\n"))
    assert not found["explanation"].startswith("Recognised as a list of support tickets")
    assert cli_funnel(tmp_path) == [3, 1, 0, 0, 0]
    magazine = tmp_path / "magazine"
    magazine.mkdir()
    found = cli_import_text(magazine, "readers.csv", (
        "ID,Name,Issue,Status\n"
        "1,Ann Lee,12,Open\n"
        "2,Ben Ray,13,Resolved\n"
        "3,Cy Doe,13,Closed\n"))
    assert not found["explanation"].startswith("Recognised as a list of support tickets")
    assert cli_funnel(magazine) == [3, 0, 0, 0, 0]


def test_a_voided_flag_of_0_and_1_beside_order_numbers_1_to_3_pairs_nothing(tmp_path):
    """Not fired: 'Voided' 0 / 1 is a flag, though 1 is also an order's number: Ben's order
    voided (a cancellation of 30), Ann's 20 and Cy's 40 sales: [3, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Customer,Total,Voided\n"
        "1,2024-03-01,Ann Lee,20,0\n"
        "2,2024-03-02,Ben Ray,30,1\n"
        "3,2024-03-03,Cy Doe,40,0\n"))
    assert workspace_rows(tmp_path, KINDS) == [("cancellation", 1, 30.0), ("purchase", 2, 60.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
