"""Statements and ledgers read wrongly, mended in session 27 (R1). Each sheet is imported
through the command line and checked against figures worked out by hand; beside each,
sheets of other kinds where the mend must not fire.

- A Spanish "cuenta corriente" of clients ("Cliente", "Debe", "Haber") and its English
  kin (a customer ledger's "Debit" and "Credit"): Debe, what the client was charged, is a
  sale; Haber, what they paid, the paying of it (was contacts, no sale). Khatabook's
  credit ledger reads both.
- Starling Bank's export ("Counter Party", one signed "Amount (GBP)"), DKB's
  ("Zahlungspflichtige*r", "Zahlungsempfänger*in", "Betrag (€)"): money in from a payer is
  that payer's sale, money out the business's own spending, left out and said, or a refund
  where it went to someone who paid in (were reference rows, or contacts of no one).
- Barclays' export ("Account", the business's own, one "Amount", the payer in "Memo"): read
  as a bank statement, its payers from the memo (the account was taken as the client).
"""

from __future__ import annotations

import datetime

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

# --- 1. a ledger of each client's account: Debe and Haber -------------------------------------

CUENTA = ("Fecha,Cliente,Concepto,Debe,Haber,Saldo\n"
          '01/03/2025,Ana López,Factura 101,"1.200,00",,"1.200,00"\n'
          '05/03/2025,Construcciones Ruiz SL,Factura 102,"800,00",,"800,00"\n'
          '20/03/2025,Ana López,Cobro factura 101,,"1.200,00","0,00"\n'
          '02/04/2025,Ana López,Factura 115,"450,00",,"450,00"\n')


def test_a_spanish_clients_account_debe_is_a_sale_haber_its_payment(tmp_path):
    """Debe: Ana López 1,200 (1 March) and 450 (2 April), Construcciones Ruiz 800: 3 sales
    of 2,450; Ana's Haber of 1,200 pays her first, a contact, no sale. Ana bought on two
    days: [2, 2, 2, 1, 0] (was [2, 0, 0, 0, 0], four contacts)."""
    found = cli_import_text(tmp_path, "cuenta corriente.csv", CUENTA)
    assert found["recognised_as"] == "credit_ledger"
    assert found["explanation"] == (
        "Recognised as a ledger of each client's account ('Debe' what the client was charged, "
        "'Haber' what they paid): 3 charges read as sales (2,450); 1 payment made (1,200) was "
        "money paid toward those sales, kept as contacts, not counted as sales again.")
    assert kind_totals(tmp_path, "purchase") == (3, 2450.0)
    assert kind_totals(tmp_path, "contact") == (1, None)
    assert workspace_rows(tmp_path, "SELECT name, revenue_events FROM clients ORDER BY name") == [
        ("Ana López", 1650.0), ("Construcciones Ruiz SL", 800.0)]
    assert workspace_rows(tmp_path, "SELECT date, kind FROM events ORDER BY date") == [
        ("2025-03-01", "purchase"), ("2025-03-05", "purchase"), ("2025-03-20", "contact"),
        ("2025-04-02", "purchase")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_one_clients_account_in_a_workbook(tmp_path):
    """One client's account (a workbook, dates and numbers as cells): two charges on two days
    and a payment: [1, 1, 1, 1, 0], 2 sales of 950 (was [1, 0, 0, 0, 0])."""
    (found,) = cli_import_book(tmp_path, "cliente.xlsx", {"Cuenta": [
        ["Fecha", "Cliente", "Concepto", "Debe", "Haber", "Saldo"],
        [datetime.datetime(2025, 3, 1), "Talleres Gil", "Factura 7", 500.0, None, 500.0],
        [datetime.datetime(2025, 3, 15), "Talleres Gil", "Transferencia", None, 500.0, 0.0],
        [datetime.datetime(2025, 4, 1), "Talleres Gil", "Factura 9", 450.0, None, 450.0]]})
    assert found["recognised_as"] == "credit_ledger"
    assert kind_totals(tmp_path, "purchase") == (2, 950.0)
    assert cli_funnel(tmp_path) == [1, 1, 1, 1, 0]


def test_an_english_customer_ledgers_debit_is_a_sale(tmp_path):
    """A customer ledger's "Debit" (an invoice) and "Credit" (a payment): Ann 120 and 45, Bob
    80: 3 sales of 245, Ann's 120 paid a contact: [2, 2, 2, 1, 0] (was [2, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "ledger.csv", (
        "Date,Customer,Reference,Debit,Credit,Balance\n"
        "01/03/2025,Ann Fox,INV 1,120.00,,120.00\n05/03/2025,Bob Lee,INV 2,80.00,,200.00\n"
        "20/03/2025,Ann Fox,Payment,,120.00,80.00\n02/04/2025,Ann Fox,INV 3,45.00,,125.00\n"))
    assert found["recognised_as"] == "credit_ledger"
    assert kind_totals(tmp_path, "purchase") == (3, 245.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_spanish_bank_statements_debe_and_haber_stay_money_out_and_in(tmp_path):
    """A bank's statement (no client column; its payers in "Concepto"): Haber is money in,
    Debe money out, as before: Ana 1,200 and Pedro 300 sales, Iberdrola's bill left out."""
    found = cli_import_text(tmp_path, "extracto.csv", (
        "Fecha,Concepto,Debe,Haber,Saldo\n"
        '01/03/2025,Transferencia de Ana López - factura 101,,"1.200,00","3.200,00"\n'
        '03/03/2025,Recibo Iberdrola,"85,40",,"3.114,60"\n'
        '05/03/2025,Transferencia de Pedro Gómez,,"300,00","3.414,60"\n'))
    assert found["recognised_as"] == "cash_book"
    assert kind_totals(tmp_path, "purchase") == (2, 1500.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_suppliers_or_a_cards_debits_are_no_clients_charges(tmp_path):
    """A supplier's account ("Proveedor") and a card statement (Capital One's "Card No.",
    "Debit", "Credit") name no client: no ledger of clients' accounts, no sale."""
    for name, text in (
            ("proveedor.csv", "Fecha,Proveedor,Concepto,Debe,Haber,Saldo\n"
                              '01/03/2025,Papelería Sol,Factura P-1,,"120,00","120,00"\n'
                              '10/03/2025,Papelería Sol,Pago,"120,00",,"0,00"\n'),
            ("card.csv", "Transaction Date,Posted Date,Card No.,Description,Category,Debit,"
                         "Credit\n2025-03-01,2025-03-02,1234,AMAZON MKTPLACE,Merchandise,45.00,\n"
                         "2025-03-05,2025-03-06,1234,CAPITAL ONE PAYMENT,Payment/Credit,,200.00\n")):
        folder = tmp_path / name
        folder.mkdir()
        found = cli_import_text(folder, name, text)
        assert found["recognised_as"] != "credit_ledger"
        assert kind_totals(folder, "purchase")[0] == 0


def test_a_journal_of_the_books_accounts_is_no_clients_ledger(tmp_path):
    """QuickBooks' journal ("Name", "Account", "Debit", "Credit") writes each sale twice (a
    debit to Accounts Receivable, a credit to Sales) and each payment twice: no ledger of
    clients' accounts (it would count Ann's 120 twice): read as a journal of the books
    since session 28 (test_left_alone_s28r1), Ann's one sale of 120 from the Sales line."""
    found = cli_import_text(tmp_path, "journal.csv", (
        "Date,Transaction Type,Num,Name,Memo/Description,Account,Debit,Credit\n"
        "01/03/2025,Invoice,1001,Ann Fox,Design work,Accounts Receivable (A/R),120.00,\n"
        "01/03/2025,Invoice,1001,Ann Fox,Design work,Sales,,120.00\n"
        "10/03/2025,Payment,,Ann Fox,,Business Current Account,120.00,\n"
        "10/03/2025,Payment,,Ann Fox,,Accounts Receivable (A/R),,120.00\n"))
    assert found["recognised_as"] == "journal"
    assert kind_totals(tmp_path, "purchase") == (1, 120.0)


# --- 2. a bank statement naming each line's other party: Starling, DKB ------------------------

STARLING = ("Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category,"
            "Notes\n"
            "01/03/2025,Ann Fox,INV 204,FASTER PAYMENT,120.00,1120.00,INCOME,\n"
            "02/03/2025,Tesco,TESCO STORES 1234,CONTACTLESS,-45.00,1075.00,GROCERIES,\n"
            "03/03/2025,Bob Lee,INV 205,FASTER PAYMENT,80.00,1155.00,INCOME,\n"
            "05/03/2025,Ann Fox,INV 209,FASTER PAYMENT,60.00,1215.00,INCOME,\n"
            "06/03/2025,HMRC,VAT Q1,DIRECT DEBIT,-200.00,1015.00,TAX,\n")


def test_a_starling_statements_money_in_is_its_payers_sales(tmp_path):
    """Money in: Ann Fox 120 and 60 (two days), Bob Lee 80: 3 sales of 260; money out to
    Tesco and HMRC (245) the business's own, left out and said: [2, 2, 2, 1, 0] (was
    reference rows: [0, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "StarlingStatement_2025-03.csv", STARLING)
    assert found["recognised_as"] == "bank_statement"
    assert found["explanation"] == (
        "Read as a bank statement naming each line's other party: 3 lines of money in from 2 "
        "payers counted as their sales (260); 2 lines of money out (245), the business's own "
        "spending, left out.")
    assert workspace_rows(tmp_path, "SELECT name, revenue_events FROM clients ORDER BY name") == [
        ("Ann Fox", 180.0), ("Bob Lee", 80.0)]
    assert kind_totals(tmp_path, "purchase") == (3, 260.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_money_out_to_a_payer_on_a_starling_statement_is_their_refund(tmp_path):
    """20 back to ANN FOX (written in capitals), who paid in, is her refund; money in from
    the owner's savings names no customer: left out."""
    found = cli_import_text(tmp_path, "starling.csv", STARLING + (
        "07/03/2025,ANN FOX,Refund INV 209,FASTER PAYMENT,-20.00,995.00,INCOME,\n"
        "08/03/2025,SAVINGS ACCOUNT,Top up,TRANSFER,500.00,1495.00,SAVINGS,\n"))
    assert "1 line of money out to one who paid in (20) read as a refund" in (
        found["explanation"])
    assert "1 line of money in naming no customer (500) left out" in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT c.name, e.amount FROM events e JOIN clients c "
                                    "ON c.id = e.client_ref WHERE e.kind = 'refund'") == [
        ("Ann Fox", 20.0)]
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Fox",), ("Bob Lee",)]


DKB = ('"Girokonto";"DE07123412341234123412"\n""\n'
       '"Kontostand vom 31.03.2025:";"2.000,05 €"\n""\n'
       '"Buchungsdatum";"Wertstellung";"Status";"Zahlungspflichtige*r";"Zahlungsempfänger*in";'
       '"Verwendungszweck";"Umsatztyp";"IBAN";"Betrag (€)";"Gläubiger-ID";"Mandatsreferenz";'
       '"Kundenreferenz"\n'
       '"03.03.25";"03.03.25";"Gebucht";"Anna Schmidt";"Meine Firma GmbH";"Rechnung 2025-014";'
       '"Eingang";"DE02120300000000202051";"1.200,00";"";"";""\n'
       '"04.03.25";"04.03.25";"Gebucht";"Meine Firma GmbH";"Telekom Deutschland GmbH";'
       '"Kundenkonto 123";"Ausgang";"DE02100100100006820101";"-49,95";"DE123";"M-1";""\n'
       '"10.03.25";"10.03.25";"Gebucht";"Bauer Handwerk GmbH";"Meine Firma GmbH";'
       '"RE 2025-015";"Eingang";"DE02500105170137075030";"850,00";"";"";""\n'
       '"12.03.25";"12.03.25";"Gebucht";"Meine Firma GmbH";"Anna Schmidt";'
       '"Gutschrift zu RE 2025-014";"Ausgang";"DE02120300000000202051";"-200,00";"";"";""\n')


def test_a_dkb_statements_payers_are_its_clients(tmp_path):
    """Eingang: Anna Schmidt 1,200, Bauer Handwerk 850: 2 sales of 2,050 (was 3 contacts of
    no one but a creditor ID's, [1, 1, 0, 0, 0]); Ausgang to Telekom (49.95) the business's
    own, left out; 200 back to Anna her refund: [2, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "Umsatzliste_Girokonto.csv", DKB)
    assert found["recognised_as"] == "bank_statement"
    assert found["explanation"] == (
        "Read as a bank statement naming each line's other party: 2 lines of money in from 2 "
        "payers counted as their sales (2,050); 1 line of money out to one who paid in (200) "
        "read as a refund; 1 line of money out (49.95), the business's own spending, left "
        "out.")
    assert workspace_rows(tmp_path, "SELECT e.date, e.kind, e.amount, c.name FROM events e "
                                    "JOIN clients c ON c.id = e.client_ref ORDER BY e.date") == [
        ("2025-03-03", "purchase", 1200.0, "Anna Schmidt"),
        ("2025-03-10", "purchase", 850.0, "Bauer Handwerk GmbH"),
        ("2025-03-12", "refund", 200.0, "Anna Schmidt")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_money_the_holder_moves_into_a_dkb_account_is_no_sale(tmp_path):
    """The account's holder (the payer of its money out: "Meine Firma GmbH") moving 1,000 in
    from its savings is its own money, no sale, no client."""
    found = cli_import_text(tmp_path, "Umsatzliste_Girokonto.csv", DKB + (
        '"13.03.25";"13.03.25";"Gebucht";"Meine Firma GmbH";"Meine Firma GmbH";'
        '"Umbuchung vom Tagesgeld";"Eingang";"DE02120300000000202077";"1.000,00";"";"";""\n'))
    assert "1 line of money in naming no customer (1,000) left out" in found["explanation"]
    assert kind_totals(tmp_path, "purchase") == (2, 2050.0)
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Anna Schmidt",), ("Bauer Handwerk GmbH",)]


WISE = ("TransferWise ID,Date,Amount,Currency,Description,Payment Reference,Running Balance,"
        "Exchange From,Exchange To,Exchange Rate,Payer Name,Payee Name,Payee Account Number,"
        "Merchant,Card Last Four Digits,Card Holder Full Name,Attachment,Note,Total fees\n"
        "TRANSFER-1001,01-03-2025,500.00,EUR,Received money from Marie Dubois with reference "
        "Facture 12,Facture 12,1500.00,,,,Marie Dubois,,,,,,,,0.00\n"
        "CARD-2001,02-03-2025,-35.50,EUR,Card transaction of 35.50 EUR issued by Adobe,,"
        "1464.50,,,,,,,Adobe,1234,Jo Bloggs,,,0.00\n"
        "TRANSFER-1002,05-03-2025,300.00,EUR,Received money from Klaus Weber with reference RE "
        "13,RE 13,1764.50,,,,Klaus Weber,,,,,,,,0.00\n"
        "TRANSFER-1003,07-03-2025,-100.00,EUR,Sent money to Marie Dubois,Refund,1664.50,,,,,"
        "Marie Dubois,FR7630006000011234567890189,,,,,,0.00\n")
SPARKASSE = ("Auftragskonto;Buchungstag;Valutadatum;Buchungstext;Verwendungszweck;Glaeubiger ID;"
             "Mandatsreferenz;Kundenreferenz (End-to-End);Sammlerreferenz;Lastschrift "
             "Ursprungsbetrag;Auslagenersatz Ruecklastschrift;Beguenstigter/Zahlungspflichtiger;"
             "Kontonummer/IBAN;BIC (SWIFT-Code);Betrag;Waehrung;Info\n"
             "DE44500105175407324931;03.03.25;03.03.25;GUTSCHR. UEBERWEISUNG;Rechnung 14;;;;;;;"
             "Anna Schmidt;DE02120300000000202051;BYLADEM1001;1200,00;EUR;Umsatz gebucht\n"
             "DE44500105175407324931;04.03.25;04.03.25;FOLGELASTSCHRIFT;Kundenkonto 123;DE123;"
             "M-1;;;;;Telekom Deutschland GmbH;DE02100100100006820101;DEUTDEDBXXX;-49,95;EUR;"
             "Umsatz gebucht\n"
             "DE44500105175407324931;10.03.25;10.03.25;GUTSCHR. UEBERWEISUNG;RE 15;;;;;;;"
             "Bauer Handwerk GmbH;DE02500105170137075030;INGDDEFFXXX;850,00;EUR;Umsatz gebucht\n")


def test_wises_and_a_sparkasses_statements_name_their_payers(tmp_path):
    """Wise ("Payer Name", "Payee Name"): Marie 500 and Klaus 300 sales, 100 back to Marie
    her refund, Adobe's card payment spending (was [2, 0, 0, 0, 0], contacts). Sparkasse
    ("Beguenstigter/Zahlungspflichtiger"): Anna 1,200 and Bauer 850 sales, Telekom spending
    (was [1, 0, 0, 0, 0], one client of no name). Each [2, 2, 2, 0, 0]."""
    for name, text, sold, refunds in (("statement_EUR.csv", WISE, (2, 800.0), 1),
                                      ("Umsaetze.csv", SPARKASSE, (2, 2050.0), 0)):
        folder = tmp_path / name
        folder.mkdir()
        found = cli_import_text(folder, name, text)
        assert found["recognised_as"] == "bank_statement"
        assert kind_totals(folder, "purchase") == sold
        assert kind_totals(folder, "refund")[0] == refunds
        assert cli_funnel(folder) == [2, 2, 2, 0, 0]


def test_a_list_naming_a_counterparty_without_money_out_is_no_statement(tmp_path):
    """A deals list ("Counter Party", "Reference", "Amount", all money in, no balance) is no
    bank statement; nor is Monzo's "Name" one (read as before: test_left_alone_s26r1)."""
    found = cli_import_text(tmp_path, "deals.csv", (
        "Date,Counter Party,Reference,Amount\n"
        "01/03/2025,Acme Ltd,Deal 1,5000\n05/03/2025,Beta plc,Deal 2,3000\n"))
    assert found["recognised_as"] is None
    assert kind_totals(tmp_path, "purchase")[0] == 0


# --- 3. Barclays: the business's own account, its payers in the memo ------------------------

BARCLAYS = ("Number,Date,Account,Amount,Subcategory,Memo\n"
            ",01/03/2025,20-32-06 13152170,120.00,Counter Credit,ANN FOX  REF INV 12  BGC\n"
            ",02/03/2025,20-32-06 13152170,-45.00,Debit,TESCO STORES 1234  ON 01 MAR  BCC\n"
            ",03/03/2025,20-32-06 13152170,80.00,Funds Transfer,BOB LEE  INV 13  FT\n"
            ",05/03/2025,20-32-06 13152170,-200.00,Direct Debit,HMRC VAT  DDR\n")


def test_a_barclays_statements_payers_are_in_its_memo(tmp_path):
    """"Account" is the business's own (one sort code and number on every line): Ann Fox 120
    and Bob Lee 80, from the memo, are sales; Tesco and HMRC (245) spending, left out:
    [2, 2, 2, 0, 0] (was one client, the account: [1, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "barclays.csv", BARCLAYS)
    assert found["recognised_as"] == "cash_book"
    assert found["explanation"] == (
        "Read as a bank statement: who paid each line of money in is read from its details "
        "(\"ANN FOX  REF INV 12  BGC\": Ann Fox); 2 lines of money in naming who paid counted "
        "as sales (200) from 2 clients; 2 lines of money out (245), the business's own "
        "spending, left out.")
    assert workspace_rows(tmp_path, "SELECT name, revenue_events FROM clients ORDER BY name") == [
        ("Ann Fox", 120.0), ("Bob Lee", 80.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_an_account_naming_customers_or_no_bank_account_stays_as_before(tmp_path):
    """"Account" naming each line's customer (several), or one ledger account of no number
    ("Sales"): no statement's own account, not read as a bank statement."""
    for name, accounts in (("customers.csv", ("Ann Fox", "Bob Lee", "Ann Fox")),
                           ("gl.csv", ("Sales", "Sales", "Sales"))):
        folder = tmp_path / name
        folder.mkdir()
        found = cli_import_text(folder, name, "Date,Account,Amount,Memo\n" + "".join(
            f"0{day}/03/2025,{account},{amount},{memo}\n" for day, account, amount, memo in zip(
                (1, 2, 3), accounts, ("120.00", "-20.00", "80.00"),
                ("Invoice 1 Ann Fox", "Credit note Bob Lee", "Invoice 2 Ann Fox"))))
        assert found["recognised_as"] is None
        assert kind_totals(folder, "purchase")[0] == 0
