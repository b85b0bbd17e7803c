"""Smaller misreadings earlier sessions noticed and left alone (session 18, X). Each sheet
goes through the command line and is checked against figures worked out by hand before
importing; beside each, where it matters, a sheet where the rule must not fire.

- A help desk's "Organización" (Organização, Organizzazione, Organisatie) is the business
  a ticket was written for, as an English "Organization" is: the ticket is the
  organisation's, its requester the contact.
- An item-sales export's invoice (MYOB's: "Amount Paid" repeated on each of its lines)
  part paid is a sale of what was paid, its lines added together first; a paid figure of
  each line's own is added up, not read once.
- "CLP 45.000" (pesos, yen, won: no cents) is 45,000 with no "if the dot marks decimals"
  note; "$ 15.999" keeps it.
- A workbook's sheet in another currency than the workspace's is named as that sheet, not
  "this file".
- A client list's Status "Invoiced" (Fakturiert, Facturé, Fakturerad, Gefactureerd): the
  work billed, a purchase, as on a job list; a job invoiced with 0 paid stays a contact.
- One person on an e-mail keyed client list written two ways at two addresses of one
  mailbox: one sentence says so (were two).
- A gym member whose last check-in is more than a billing period after joining has paid
  again (a month, unless the plan says a year or a quarter): a repeat customer; a class
  pack, or no check-in, one purchase.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

NAMES = "SELECT name FROM clients ORDER BY name"


# --- a help desk's organisation, in other languages ------------------------------------------

def test_a_spanish_help_desks_organisation_is_the_client(tmp_path):
    """Two requesters at Kiabi, one at Naterial, one with no organisation: the tickets are
    Kiabi's (2), Naterial's (1) and Luis's (1), 3 clients (were 4, each requester), Kiabi's
    contact its requester."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "ID,Organización,Solicitante,Correo del solicitante,Asunto,Estado,Solicitado\n"
        "1,Kiabi,Ana Ruiz,ana@kiabi.es,Error en la factura,Resuelto,2024-03-01\n"
        "2,Kiabi,Pablo Gil,pablo@kiabi.es,Acceso nuevo,Abierto,2024-03-02\n"
        "3,Naterial,Marta Sanz,marta@naterial.es,No funciona,Resuelto,2024-03-03\n"
        "4,,Luis Mora,luis@gmail.com,Consulta,Resuelto,2024-03-04\n"))
    assert found["recognised_as"] == "helpdesk_tickets"
    assert "3 tickets written for an organisation the export names" in found["explanation"]
    assert workspace_rows(tmp_path, NAMES) == [("Kiabi",), ("Luis Mora",), ("Naterial",)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_help_desks_own_name_as_every_tickets_organizacion_is_no_client(tmp_path):
    """Every ticket's Organización is the help desk's own ('Tienda Sol', its default), from
    requesters at three e-mail domains: as in English, the requesters are the 3 clients."""
    cli_import_text(tmp_path, "tickets.csv", (
        "ID,Organización,Solicitante,Correo del solicitante,Asunto,Estado,Solicitado\n"
        "1,Tienda Sol,Ana Lima,ana@x.es,Pedido retrasado,Resuelto,2024-03-01\n"
        "2,Tienda Sol,Rui Reis,rui@y.es,Duda,Abierto,2024-03-02\n"
        "3,Tienda Sol,Eva Dias,eva@gmail.com,Cambio,Resuelto,2024-03-03\n"))
    assert workspace_rows(tmp_path, NAMES) == [("Ana Lima",), ("Eva Dias",), ("Rui Reis",)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


# --- an invoice's lines, part paid ---------------------------------------------------------

# (MYOB AccountEdge's item sales, as tests/test_sweep_s17c.py's MYOB)
ITEM_SALES = (
    "Co./Last Name,First Name,Invoice #,Date,Item Number,Quantity,Description,Price,"
    "Inc-Tax Price,Discount,Total,Inc-Tax Total,Journal Memo,Tax Code,GST Amount,"
    "Sale Status,Amount Paid,Payment Method,Record ID\n")


def test_an_item_sales_invoice_part_paid_counts_its_paid_part(tmp_path):
    """MYOB's item sales, Amount Paid repeated on each line of its invoice: Bloom Cafe's 201
    is 66 + 11 = 77 with tax, of which 50 is paid (a sale of 50, was 77); Linh Nguyen's 202
    is 220 paid in full. Sales 50 + 220 = 270 (was 297), 2 purchases."""
    found = cli_import_text(tmp_path, "ITEMSALE.csv", ITEM_SALES + (
        "Bloom Cafe,,00000201,05/03/2024,VASE-L,2,Large vase,$30.00,$33.00,0%,$60.00,"
        "$66.00,Sale; Bloom Cafe,GST,$6.00,I,$50.00,Visa,1\n"
        "Bloom Cafe,,00000201,05/03/2024,RIB-01,1,Ribbon,$10.00,$11.00,0%,$10.00,$11.00,"
        "Sale; Bloom Cafe,GST,$1.00,I,$50.00,Visa,1\n"
        "\n"
        "Nguyen,Linh,00000202,12/03/2024,PLANT-M,1,Monstera,$200.00,$220.00,0%,$200.00,"
        "$220.00,\"Sale; Nguyen, Linh\",GST,$20.00,I,$220.00,EFTPOS,2\n"))
    assert ("1 sale with less paid in 'Amount Paid' than its amount was read as a sale of "
            "what was paid (50.00 of 77.00).") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 270.0)


def test_each_lines_own_paid_figure_is_added_together(tmp_path):
    """Must not fire: order 1001's two lines of 10, each paid 10 (one figure on both lines,
    but beside lines of one amount: nothing says it is the order's), and order 1002's one
    line of 35 paid 35: 1001 is 20 paid of 20 (not 10 of 20), 1002 35 of 35: 2 sales of
    55, none part paid."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Customer,Order ID,Date,Item,Line total,Amount paid\n"
        "Ann Lee,1001,2024-03-01,Candle,10.00,10.00\n"
        "Ann Lee,1001,2024-03-01,Candle,10.00,10.00\n"
        "Bob Ray,1002,2024-03-02,Lamp,35.00,35.00\n"))
    assert not any("less paid" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 55.0)


def test_a_paid_figure_net_of_a_refund_is_no_part_payment(tmp_path):
    """Must not fire on a refund: order 1001 of 100 with 60 in 'Amount Paid' and 40 in
    'Amount Refunded' was paid in full, 40 of it given back (a purchase of 100 and a refund
    of 40, not a sale of 60); order 1002 of 50 with 20 paid and nothing refunded is a sale
    of 20. Purchases 100 + 20 = 120, 1 refund of 40."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Customer,Order ID,Date,Total,Amount Paid,Amount Refunded\n"
        "Ann Lee,1001,2024-03-01,100.00,60.00,40.00\n"
        "Bob Ray,1002,2024-03-02,50.00,20.00,0\n"))
    # (said by the rule for a list with no status nor balance: F's of session 18, which
    # adds what went back to what was paid as this one does)
    assert ("1 invoice with part of its amount still owed (its amount less 'Amount Paid') "
            "was read as a sale of what was paid in 'Amount Paid' (20.00 of 50.00).") \
        in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 120.0)
    assert kind_totals(tmp_path, "refund") == (1, 40.0)


# --- pesos, yen and won: a dot before three digits groups thousands ---------------------------

def test_pesos_with_a_dot_before_three_digits_need_no_note(tmp_path):
    """'CLP 45.000' and 'CLP 12.500' are 45,000 and 12,500 pesos (the peso has no cents):
    read so, and no "if the dot marks decimals" note (there was one). 57,500 in all."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Client,Date,Amount,Status\n"
        "Ana Soto,2024-03-01,CLP 45.000,Pagado\n"
        "Beto Ruiz,2024-03-02,CLP 12.500,Pagado\n"))
    assert not any("three digits after a dot" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT SUM(amount) FROM events") == [(57500.0,)]


def test_a_header_naming_yen_needs_no_note(tmp_path):
    """'Amount (JPY)' of '3.500' and '12.000': 3,500 and 12,000 yen, no note."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Client,Date,Amount (JPY),Status\n"
        "Aiko Sato,2024-03-01,3.500,Paid\n"
        "Ken Ito,2024-03-02,12.000,Paid\n"))
    assert not any("three digits after a dot" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT SUM(amount) FROM events") == [(15500.0,)]


def test_dollars_with_a_dot_before_three_digits_keep_the_note(tmp_path):
    """Must not fire: '$ 15.999' (a dollar has cents) is read as 15,999, as no amount has
    cents, and the note still says so."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Client,Date,Amount,Status\n"
        "Ana Soto,2024-03-01,$ 15.999,Paid\n"
        "Beto Ruiz,2024-03-02,$ 2.500,Paid\n"))
    assert any("three digits after a dot" in note and "If the dot marks decimals" in note
               for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT SUM(amount) FROM events") == [(18499.0,)]


# --- a workbook's sheet in another currency is said to be that sheet ------------------------

def test_a_workbooks_sheet_in_another_currency_is_named(tmp_path):
    """A workbook's sheet 'EU' in euros sets the workspace's €; its sheet 'UK' in pounds is
    said as that sheet (was "the amounts in this file", though the file's first sheet is in
    euros)."""
    found = cli_import_book(tmp_path, "shop.xlsx", {
        "EU": [["Client", "Date", "Amount", "Status"], ["Ann Lee", "2024-03-01", "€120", "Paid"]],
        "UK": [["Client", "Date", "Amount", "Status"], ["Bob Ray", "2024-03-02", "£80", "Paid"]]})
    assert "Money is shown in €: the amounts in sheet 'EU' are written in euros." in found[0][
        "notes"]
    assert ("Money is still shown in €, the workspace's currency, though the amounts in sheet "
            "'UK' are written in pounds (£); change the currency on the Import page if it "
            "should be £.") in found[1]["notes"]


def test_a_csv_in_another_currency_is_still_this_file(tmp_path):
    """Must not fire: a CSV is one file, "the amounts in this file"."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Client,Date,Amount,Status\nBob Ray,2024-03-02,£80,Paid\n"))
    assert "Money is shown in £: the amounts in this file are written in pounds." in found[
        "notes"]


# --- a client list's "Invoiced" ------------------------------------------------------------

def test_a_client_lists_invoiced_is_a_purchase_in_every_language(tmp_path):
    """A client list's Status 'Invoiced', 'Fakturiert', 'Facturé', 'Fakturerad' and
    'Gefactureerd': each client's work is billed, a purchase, as on a job list (was "not
    known", all 6 at awareness); Bob's 'Lead' is awareness. Funnel [6, 5, 5, 0, 0]."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Status,Revenue\n"
        "Ann Lee,ann@example.com,Invoiced,500\n"
        "Bob Ray,bob@example.com,Lead,\n"
        "Cy Tan,cy@example.com,Fakturiert,300\n"
        "Dee Fox,dee@example.com,Facturé,200\n"
        "Ed Moe,ed@example.com,Fakturerad,100\n"
        "Fay Li,fay@example.com,Gefactureerd,50\n"))
    assert cli_funnel(tmp_path) == [6, 5, 5, 0, 0]


def test_a_job_invoiced_with_nothing_paid_stays_a_contact(tmp_path):
    """Must not fire on a job list: J1 'Invoiced' with 0 in 'Amount Paid' is billed, not
    paid (a contact); J2 'Fakturiert' with nothing about payment is a sale of 300. 1
    purchase of 300, [2, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "jobs.csv", (
        "Job,Client,Date,Amount,Amount Paid,Status\n"
        "J1,Ann Lee,2024-03-01,500,0,Invoiced\n"
        "J2,Bob Ray,2024-03-02,300,,Fakturiert\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 300.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


# --- one person's two mailboxes and two spellings: one sentence ---------------------------

def test_a_person_joined_by_name_and_mailbox_is_said_once(tmp_path):
    """'Ann Lee' at ann+shop@x.com and 'ann lee ⭐' at ann@x.com on a list keyed by e-mail:
    one client, Ann Lee at ann@x.com, beside Bob (2 clients), said in one sentence (were
    two: the name note and the mailbox note)."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Stage\nAnn Lee,ann+shop@x.com,lead\nann lee ⭐,ann@x.com,lead\n"
        "Bob Ray,bob@x.com,lead\n"))
    assert workspace_rows(tmp_path, "SELECT name, email FROM clients ORDER BY name") == [
        ("Ann Lee", "ann@x.com"), ("Bob Ray", "bob@x.com")]
    joined = [note for note in found["notes"] if "read as one person" in note]
    assert joined == [
        "1 client written more than one way, with addresses that reach one mailbox (a "
        "\"+tag\" before the \"@\" left out), was read as one person: 'Ann Lee' at ann@x.com "
        "(also 'ann lee ⭐', ann+shop@x.com)."]


def test_one_name_at_two_mailboxes_keeps_the_mailbox_sentence(tmp_path):
    """Must not fire: 'Ann Lee' at ann+shop@x.com and at ann@x.com (one spelling): the
    mailbox sentence alone, as before; Ann is a customer (her last row), [2, 1, 1, 0, 0]."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Stage\nAnn Lee,ann+shop@x.com,lead\nAnn Lee,ann@x.com,customer\n"
        "Bob Ray,bob@x.com,lead\n"))
    assert [note for note in found["notes"] if "read as one person" in note] == [
        "1 client given addresses that reach one mailbox (a \"+tag\" before the \"@\" left "
        "out) under one name was read as one person: 'ann@x.com' (also 'ann+shop@x.com')."]
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


# --- a gym member still coming after many months has paid again ---------------------------

MEMBERS = "First Name,Last Name,Email,Status,Plan,Member Since,Last Check-in,Total Check-ins\n"


def test_a_member_coming_for_months_has_paid_each_month(tmp_path):
    """Ivy, Active on 'Unlimited' since 2023-08-01 with 142 check-ins, the last on
    2024-05-30: 9 whole months and more, 10 monthly payments begun, a repeat customer
    (retention; was one purchase). Ann's 'Annual' plan from 2023-03-01 to 2024-02-20:
    11 months, one year begun, one purchase. Liam since 2024-05-01, last 2024-05-29: one.
    [3, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "members.csv", MEMBERS + (
        "Ivy,Chen,ivy@example.com,Active,Unlimited,2023-08-01,2024-05-30,142\n"
        "Ann,Lee,ann@example.com,Active,Annual,2023-03-01,2024-02-20,60\n"
        "Liam,Frost,liam@example.com,Active,Unlimited,2024-05-01,2024-05-29,9\n"))
    assert found["recognised_as"] == "member_list"
    assert "1 member paid more than once, repeat customers" in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT name, purchases FROM clients ORDER BY name") == [
        ("Ann Lee", 1.0), ("Ivy Chen", 10.0), ("Liam Frost", 1.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_class_pack_or_a_list_without_visits_says_one_purchase(tmp_path):
    """Must not fire: Dev's '10-Class Pack' (visits bought once) from 2024-01-03 to a last
    check-in on 2024-05-20, and Hugo, active since 2023-01-10 with no check-in yet: one
    purchase each, no repeat customer; the list says so. [2, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "members.csv", MEMBERS + (
        "Dev,Desai,dev@example.com,Active,10-Class Pack,2024-01-03,2024-05-20,10\n"
        "Hugo,Hart,hugo@example.com,Active,Unlimited,2023-01-10,,0\n"))
    assert "one purchase each: the list has no payment dates" in found["explanation"]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
