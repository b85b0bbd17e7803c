"""Misreadings session 21's sweeps found and left alone (session 22, B): bookings, CRMs and
invoices. Each sheet goes through the command line and is checked against figures worked out
by hand before importing; beside each, a sheet where the mend must not fire.

- A booking list's free first talks (YouCanBookMe's "Booking page" Discovery call, no price)
  were purchases because the file is called bookings: contacts at consideration.
- Poshmark's "Department" (Men, Women, Kids) was a team of the seller's and its "Category"
  (Jeans, Bags) the clients' type: both say what the item is, kept as extra.
- An invoice list's "sent" in Dutch, German, Spanish, Portuguese and Italian (Verzonden,
  Versendet, Enviada, Inviata) was a sale (an order's shipped): sent, not paid, a contact.
- An Italian e-invoice list's document types as the exchange's codes (TipoDocumento TD01,
  TD24, TD04, TD05) were not read: TD01, TD24 invoices, TD05 a debit note (money billed),
  TD04 a credit note (a refund). Its words "Fattura differita", "Nota di debito" too.
- The Import page's column table called the columns a Revolut statement's profile reads
  (Type, State, Amount...) and its "Payment currency" "Keep as extra column" ("without using
  them"): its "Read as" now says each is read by the profile's rules, or is the currency.
"""

from __future__ import annotations

import pytest

from journey.ingest import plan_file, review
from journey.workspace import create_workspace

from conftest import app_test, cli_funnel, cli_import_text, kind_totals, sales_and_refunds, workspace_rows


# --- a booking list's free first talks ---------------------------------------------------------

YOUCANBOOKME = (
    "Booking ref,Start date,Start time,End date,End time,Time zone,First name,Last name,Email,"
    "Phone,Cancelled,Cancelled date,Booking page\n"
    "TTRJ-KLSM-QWER,2024-03-04,10:00,2024-03-04,10:30,Europe/London,Anna,Berg,"
    "anna@example.com,,No,,Discovery call\n"
    "TTRJ-KLSM-ASDF,2024-03-05,14:00,2024-03-05,14:30,Europe/London,Ben,Cole,ben@example.com,,"
    "Yes,2024-03-04,Discovery call\n"
    "TTRJ-KLSM-ZXCV,2024-03-07,09:00,2024-03-07,09:30,Europe/London,Cara,Diaz,"
    "cara@example.com,,No,,Discovery call\n"
    "TTRJ-KLSM-POIU,2024-03-18,11:00,2024-03-18,11:30,Europe/London,Anna,Berg,"
    "anna@example.com,,No,,Follow-up call\n")


def test_a_booking_lists_discovery_calls_are_first_talks(tmp_path):
    """YouCanBookMe's bookings (no price; a booking page per kind of meeting). Anna's and
    Cara's Discovery calls are first talks, no sale: contacts at consideration; Ben's was
    cancelled; Anna's Follow-up call stays a purchase, as the file's name says. Awareness
    Anna, Ben, Cara = 3; consideration Anna, Cara = 2; purchase Anna = 1: [3, 2, 1, 0, 0]
    (was [3, 2, 2, 1, 0], 3 purchases)."""
    found = cli_import_text(tmp_path, "bookings.csv", YOUCANBOOKME)
    assert ("2 rows that 'Booking page' calls Discovery call, with nothing paid, were read as "
            "contacts at consideration (a first talk), not sales.") in found["notes"]
    assert ("1 row with nothing saying what happened was read as a purchase, because the file "
            "is called 'bookings.csv'; choose another under 'Every row is' (--set kind=...) if "
            "that is wrong.") in found["notes"]
    assert cli_funnel(tmp_path) == [3, 2, 1, 0, 0]
    assert kind_totals(tmp_path, "purchase") == (1, None)
    assert kind_totals(tmp_path, "contact") == (2, None)


def test_a_booking_lists_free_and_paid_calls(tmp_path):
    """A booking list with prices: a Discovery call at 0 and one 'Free' are contacts at
    consideration; the two coaching sessions at 120 are sales (240): Anna, Ben, Cara = 3,
    all considering, Anna and Cara bought: [3, 3, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        "Name,Email,Date,Appointment type,Price\n"
        "Anna Berg,anna@example.com,2024-03-04,Discovery call,0\n"
        "Ben Cole,ben@example.com,2024-03-05,Discovery call,Free\n"
        "Cara Diaz,cara@example.com,2024-03-07,Coaching session,120\n"
        "Anna Berg,anna@example.com,2024-03-18,Coaching session,120\n"))
    assert ("2 rows that 'Appointment type' calls Discovery call, with nothing paid, were read "
            "as contacts at consideration (a first talk), not sales.") in found["notes"]
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]
    assert sales_and_refunds(tmp_path)[0] == (2, 240.0)


def test_a_salons_bookings_and_a_paid_consultation_stay_sales(tmp_path):
    """Must not fire: a salon's bookings with no price whose pages name treatments (Cut and
    blow dry, Colour) are sales, as the file's name says; a consultation paid (60) is a
    sale. Anna, Ben: 2 clients, both bought, Ben again on a later day (retention):
    [2, 2, 2, 1, 0]; 3 purchases, 60 said."""
    cli_import_text(tmp_path, "bookings.csv", (
        "Booking ref,Start date,First name,Last name,Email,Booking page,Price\n"
        "A1,2024-03-04,Anna,Berg,anna@example.com,Cut and blow dry,\n"
        "A2,2024-03-05,Ben,Cole,ben@example.com,Colour,\n"
        "A3,2024-03-07,Ben,Cole,ben@example.com,Consultation,60\n"))
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
    assert kind_totals(tmp_path, "purchase") == (3, 60.0)
    assert kind_totals(tmp_path, "contact") == (0, None)


# --- a shop's departments are the items' -------------------------------------------------------

POSHMARK_SALES = (
    "Order Date,Listing Date,Order Id,Listing Title,Department,Category,Subcategory,Brand,"
    "Color,Size,Order Price,Net Earnings,Buyer Username,Buyer State\n"
    "01/05/2024,11/20/2023,65981a2b3c4d5e0001,Levi's 501 Jeans,Men,Jeans,Straight,Levi's,"
    "Blue,32,$45.00,$36.00,closetqueen,CA\n"
    "01/09/2024,12/02/2023,65981a2b3c4d5e0002,Coach Crossbody Bag,Women,Bags,Crossbody Bags,"
    "Coach,Black,OS,$120.00,$96.00,jdenim,TX\n"
    "01/15/2024,10/11/2023,65981a2b3c4d5e0003,Kids Rain Boots,Kids,Shoes,Boots,Hunter,"
    "Red,11,$30.00,$22.50,closetqueen,CA\n")


def test_a_shops_departments_say_whom_the_item_is_for(tmp_path):
    """Poshmark's sales report: Department Men, Women, Kids and Category Jeans, Bags, Shoes
    describe the items. Before: 3 events of departments Men 1, Women 1, Kids 1 and the
    buyers' types 'Shoes' and 'Bags'; now both kept as extra, no department and no client
    type. The sales are unchanged: closetqueen 45 and 30 (a later day: retention), jdenim
    120: [2, 2, 2, 1, 0], 3 sales, 195."""
    found = cli_import_text(tmp_path, "poshmark_sales_report.csv", POSHMARK_SALES)
    assert found["mapping"]["Department"] is None
    assert found["mapping"]["Category"] is None
    assert ("'Department' says whom each item is for ('Men', 'Women'), not a team of yours: "
            "kept as extra") in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE department IS NOT NULL"
                          ) == [(0,)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE client_type IS NOT NULL"
                          ) == [(0,)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
    assert sales_and_refunds(tmp_path)[0] == (3, 195.0)


def test_a_teams_department_on_a_log_stays_the_department(tmp_path):
    """Must not fire: a complaints log's Department (Sales, Women, Dispatch: not all a shop's
    departments) stays the team complained of: 3 complaints, each with its department."""
    found = cli_import_text(tmp_path, "complaints.csv", (
        "Date,Customer,Type,Department,Note\n"
        "2024-03-01,Ann Lee,Complaint,Sales,Charged twice\n"
        "2024-03-02,Bo Chen,Complaint,Women,Parcel late\n"
        "2024-03-05,Ann Lee,Complaint,Dispatch,Wrong size\n"))
    assert found["mapping"]["Department"] == "department"
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE department IS NOT NULL "
                                    "AND kind = 'complaint'") == [(3,)]


# --- an invoice sent is not paid -----------------------------------------------------------------

INVOICE_LISTS = {      # (headers, paid, sent) per language, as each country's tools write them
    "nl": ("Factuurnummer;Factuurdatum;Klant;Bedrag;Status", "Betaald", "Verzonden"),
    "de": ("Rechnungsnummer;Rechnungsdatum;Kunde;Betrag;Status", "Bezahlt", "Versendet"),
    "fr": ("Numéro de facture;Date;Client;Montant;Statut", "Payée", "Envoyée"),
    "es": ("Número de factura;Fecha;Cliente;Importe;Estado", "Pagada", "Enviada"),
    "pt": ("Número da fatura;Data;Cliente;Valor;Estado", "Paga", "Enviada"),
    "it": ("Numero fattura;Data;Cliente;Importo;Stato", "Pagata", "Inviata"),
    "pl": ("Numer faktury;Data wystawienia;Kontrahent;Kwota;Status", "Zapłacona", "Wysłana"),
    "en": ("Invoice number;Date;Customer;Amount;Status", "Paid", "Sent"),
}


@pytest.mark.parametrize("language", sorted(INVOICE_LISTS))
def test_an_invoice_sent_is_not_paid(tmp_path, language):
    """Four invoices: Anna 100 paid, Ben 200 sent, Cara 300 paid, Anna 50 sent. Paid: Anna
    and Cara, 2 sales of 400; the sent ones are contacts (250): [3, 2, 2, 0, 0]. Before:
    nl, de, es, pt, it read 'sent' as an order's shipped: 4 sales of 650, [3, 3, 3, 1, 0]
    (fr, pl, en were right)."""
    headers, paid, sent = INVOICE_LISTS[language]
    cli_import_text(tmp_path, "export.csv", (
        f"{headers}\n"
        f"F-1;2024-03-01;Anna Berg;100,00;{paid}\n"
        f"F-2;2024-03-02;Ben Cole;200,00;{sent}\n"
        f"F-3;2024-03-05;Cara Diaz;300,00;{paid}\n"
        f"F-4;2024-03-09;Anna Berg;50,00;{sent}\n"))
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
    assert sales_and_refunds(tmp_path)[0] == (2, 400.0)
    assert kind_totals(tmp_path, "contact") == (2, 250.0)


def test_an_order_sent_is_shipped(tmp_path):
    """Must not fire: a Dutch shop's orders (Bestelnummer), Verzonden and Geleverd, are
    sales: Anna 100 and 50 (a later day), Ben 200, Cara 300: [3, 3, 3, 1, 0], 4 sales, 650."""
    cli_import_text(tmp_path, "bestellingen.csv", (
        "Bestelnummer;Besteldatum;Klant;Bedrag;Status\n"
        "1001;2024-03-01;Anna Berg;100,00;Verzonden\n"
        "1002;2024-03-02;Ben Cole;200,00;Geleverd\n"
        "1003;2024-03-05;Cara Diaz;300,00;Verzonden\n"
        "1004;2024-03-09;Anna Berg;50,00;Verzonden\n"))
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]
    assert sales_and_refunds(tmp_path)[0] == (4, 650.0)


# --- an Italian e-invoice's document type codes ----------------------------------------------------

FATTURE = (
    "Tipo documento;Numero;Data;Cliente;Partita IVA;Imponibile;IVA;Totale;Stato\n"
    "{TD01};1/2026;02/04/2026;Pizzeria Da Mario;01234567890;1.000,00;220,00;1.220,00;Consegnata\n"
    "{TD01};2/2026;05/04/2026;Studio Bianchi;09876543210;500,00;110,00;610,00;Consegnata\n"
    "{TD01};3/2026;07/04/2026;Ferramenta Russo;11223344556;300,00;66,00;366,00;Scartata\n"
    "{TD24};4/2026;15/04/2026;Pizzeria Da Mario;01234567890;400,00;88,00;488,00;Consegnata\n"
    "{TD04};5/2026;20/04/2026;Studio Bianchi;09876543210;100,00;22,00;122,00;Consegnata\n"
    "{TD05};6/2026;22/04/2026;Pizzeria Da Mario;01234567890;50,00;11,00;61,00;Consegnata\n")
CODES = {"TD01": "TD01", "TD24": "TD24", "TD04": "TD04", "TD05": "TD05"}
WORDS = {"TD01": "Fattura", "TD24": "Fattura differita", "TD04": "Nota di credito",
         "TD05": "Nota di debito"}


@pytest.mark.parametrize("types", [CODES, WORDS], ids=["codes", "words"])
def test_italian_e_invoice_document_types(tmp_path, types):
    """Pizzeria Da Mario: invoice 1,220, deferred invoice 488 (a later day: retention) and
    a debit note of 61 (money billed: a sale); Studio Bianchi: invoice 610 and a credit note
    of 122 (a refund); Ferramenta Russo's invoice rejected by the exchange ("Scartata"):
    never issued, a contact. Sales 1,220 + 488 + 61 + 610 = 2,379 in 4; 1 refund of 122;
    [3, 2, 2, 1, 0]. Before, the codes: the column kept as extra, 5 sales of 2,501 (the
    credit note a sale), [3, 2, 2, 2, 0]; the words: 'Fattura differita' and 'Nota di
    debito' contacts, 2 sales of 1,830, [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "fatture.csv", FATTURE.format(**types))
    assert found["mapping"]["Tipo documento"] == "kind"
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]
    assert sales_and_refunds(tmp_path) == ((4, 2379.0), (1, 122.0))


def test_an_italian_self_invoices_code_is_no_sale(tmp_path):
    """Must not fire: TD17 (a self-invoice for a service bought abroad: the business's own
    purchase) names no kind: kept as a contact, said; the TD01 invoice is the one sale
    (1,220): [2, 1, 1, 0, 0]."""
    found = cli_import_text(tmp_path, "fatture.csv", (
        "Tipo documento;Numero;Data;Cliente;Totale\n"
        "TD01;1/2026;02/04/2026;Pizzeria Da Mario;1.220,00\n"
        "TD17;2/2026;05/04/2026;Google Ireland Ltd;24,40\n"))
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]
    assert sales_and_refunds(tmp_path)[0] == (1, 1220.0)
    assert any("'TD17'" in note for note in found["notes"])


# --- the Import page says which kept columns are read -------------------------------------------

REVOLUT_BUSINESS = (
    "Date started (UTC),Date completed (UTC),ID,Type,State,Description,Reference,Payer,"
    "Card number,Orig currency,Orig amount,Payment currency,Amount,Fee,Balance,Account\n"
    "2024-03-02 09:14:00,2024-03-02 09:14:05,a1,TRANSFER,COMPLETED,Money from BERG BAKERY LTD,"
    "INV-101,,,GBP,600.00,GBP,600.00,0.00,5600.00,GBP Main\n"
    "2024-03-05 11:00:00,2024-03-05 11:00:03,a2,CARD_PAYMENT,COMPLETED,Adobe,,,4421,GBP,"
    "-19.99,GBP,-19.99,0.00,5580.01,GBP Main\n"
    "2024-03-08 15:30:00,2024-03-08 15:30:02,a3,TRANSFER,COMPLETED,Money from Cole & Sons,"
    "INV-102,,,GBP,250.00,GBP,250.00,0.00,5830.01,GBP Main\n")
READ = "Read by the rules for a Revolut statement"
READ_AS = {"Date started (UTC)": READ, "Date completed (UTC)": READ, "Type": READ,
           "State": READ, "Description": READ, "Amount": READ,
           "Payment currency": "The currency of each amount"}


def test_the_column_table_says_what_a_profile_reads():
    """A Revolut Business statement: its profile maps ID and Reference, and reads the
    dates, Type, State, Description and Amount by its own rules; 'Payment currency' gives
    each amount's currency. The table's 'Read as' says so of those seven, and nothing of
    the columns mapped or left unread (Payer, Fee, Balance...). Chosen 'Every row is: a
    purchase', the profile no longer reads them: only the currency is said."""
    (plan,) = plan_file("transaction-statement.csv", REVOLUT_BUSINESS.encode())
    assert plan.recognised_as == "revolut_statement"
    table = review.mapping_rows(plan.raw, plan.mapping, review.read_as(plan))
    said = dict(zip(table["Column"], table["Read as"]))
    assert {column: words for column, words in said.items() if words} == READ_AS
    assert dict(zip(table["Column"], table["Maps to"]))["Amount"] == "extra"
    every_row = review.apply_choices(plan, "events", None, "purchase")
    assert review.read_as(every_row) == {"Payment currency": "The currency of each amount"}


def test_the_column_table_says_nothing_read_of_an_owners_sheet():
    """Must not fire: an owner's own sheet, no profile: its kept column (Notes) reads as
    nothing, and the 'Read as' column is empty."""
    (plan,) = plan_file("clients.csv", b"Customer,Segment,Notes\nAnn,Retail,met at fair\n"
                                      b"Bob,Trade,\n")
    assert review.read_as(plan) == {}
    assert review.mapping_rows(plan.raw, plan.mapping, {})["Read as"].tolist() == ["", "", ""]


def test_the_import_page_shows_what_a_revolut_statement_reads(tmp_path, monkeypatch):
    """The Import page, a Revolut statement uploaded: the mapping table's 'Read as' column
    says the seven columns above are read, and the caption says what the column means."""
    monkeypatch.setenv("JOURNEY_HOME", str(tmp_path))
    create_workspace("shop")
    at = app_test("shop", "views/import.py")
    at.file_uploader[0].upload("transaction-statement.csv", REVOLUT_BUSINESS.encode(),
                               "text/csv")
    at.run()
    assert not at.exception, at.exception
    table = at.main.data_editor[0].value
    said = dict(zip(table["Column"], table["Read as"]))
    assert {column: words for column, words in said.items() if words} == READ_AS
    assert any("'Read as' says how Journey still reads such a column" in str(c.value)
               for c in at.main.caption)
