"""Journals and ledgers read wrongly, mended in session 28 (R1). Each sheet is imported
through the command line and checked against figures worked out by hand; beside each,
sheets of other kinds where the mend must not fire.

- A journal of the books (QuickBooks' "Journal": "Name", "Account", "Debit", "Credit";
  Xero's and Sage's with "Contact" and "Account"/"Ledger Account"): each invoice written
  twice or more (Accounts Receivable, Sales, VAT), each payment twice. The sales are each
  transaction's lines on its income accounts, once, of the customer it names (was: the
  accounts made clients, or no money read).
- A general ledger in sections ("Account: Sales" or "Sales", its lines, "Total for
  Sales"): the sales account's lines are its customers' sales; other accounts' lines and the
  headings and totals no one's (was: a heading a client, or a bank statement of no one).
- A credit note on the paid side of a client's ledger ("Abono factura 102", "Credit note",
  "Gutschrift") is money given back, a refund, not a payment.
- A ledger of the business's suppliers ("Proveedor", "Debe", "Haber"): its own buying,
  said so, no clients (was: "money in naming no one", or not a known export).
"""

from __future__ import annotations

import datetime

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

CLIENTS_AND_REVENUE = "SELECT name, revenue_events FROM clients ORDER BY name"
EVENTS = ("SELECT e.date, e.kind, e.amount, c.name FROM events e "
          "JOIN clients c ON c.id = e.client_ref ORDER BY e.date")

# --- 1. a journal of the books ----------------------------------------------------------------

JOURNAL = (
    "Date,Transaction Type,Num,Name,Memo/Description,Account,Debit,Credit\n"
    "01/03/2025,Invoice,1001,Ann Fox,Design work,Accounts Receivable (A/R),150.00,\n"
    "01/03/2025,Invoice,1001,Ann Fox,Design work,Sales,,120.00\n"
    "01/03/2025,Invoice,1001,Ann Fox,Printing,Sales,,30.00\n"
    "05/03/2025,Invoice,1002,Bob Lee,Logo,Accounts Receivable (A/R),96.00,\n"
    "05/03/2025,Invoice,1002,Bob Lee,Logo,Sales,,80.00\n"
    "05/03/2025,Invoice,1002,Bob Lee,Logo,VAT Control,,16.00\n"
    "10/03/2025,Payment,,Ann Fox,,Business Current Account,150.00,\n"
    "10/03/2025,Payment,,Ann Fox,,Accounts Receivable (A/R),,150.00\n"
    "12/03/2025,Bill,B-7,Paper Co,Printer paper,Office Supplies,40.00,\n"
    "12/03/2025,Bill,B-7,Paper Co,Printer paper,Accounts Payable (A/P),,40.00\n"
    "20/03/2025,Credit Memo,1003,Bob Lee,Logo revision,Sales,20.00,\n"
    "20/03/2025,Credit Memo,1003,Bob Lee,Logo revision,Accounts Receivable (A/R),,20.00\n"
    "02/04/2025,Invoice,1004,Ann Fox,Brochure,Accounts Receivable (A/R),45.00,\n"
    "02/04/2025,Invoice,1004,Ann Fox,Brochure,Sales,,45.00\n")


def test_a_quickbooks_journals_sales_are_its_income_lines_once_per_invoice(tmp_path):
    """Sales credited: Ann's 1001 (120 and 30 on two lines: one sale of 150), Bob's 1002 (80;
    its 16 of VAT no sale), Ann's 1004 (45): 3 sales of 275. Bob's credit memo debits Sales
    20: a refund. The payment (bank and A/R) and Paper Co's bill are no sale, Paper Co no
    client. Ann bought on two days: [2, 2, 2, 1, 0] (was the same funnel with no money
    read: the debits and credits kept aside)."""
    found = cli_import_text(tmp_path, "Journal.csv", JOURNAL)
    assert found["recognised_as"] == "journal"
    assert found["explanation"] == (
        "Read as a journal of the books (each transaction written on two accounts or more): "
        "3 transactions on its income account (Sales) read as sales, each once, from 2 "
        "customers (275); 1 debit to an income account (20), money given back, read as a "
        "refund; 9 lines on its other accounts (Accounts Receivable (A/R), VAT Control, "
        "Business Current Account, ...) left out: the same sales written again, tax, payments "
        "toward them and the business's own spending, no client's sale.")
    assert workspace_rows(tmp_path, CLIENTS_AND_REVENUE) == [("Ann Fox", 195.0),
                                                              ("Bob Lee", 80.0)]
    assert workspace_rows(tmp_path, EVENTS) == [
        ("2025-03-01", "purchase", 150.0, "Ann Fox"), ("2025-03-05", "purchase", 80.0, "Bob Lee"),
        ("2025-03-20", "refund", 20.0, "Bob Lee"), ("2025-04-02", "purchase", 45.0, "Ann Fox")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


QBO_REPORT = (
    "Journal\nFox Design Ltd\n\"March 1 - April 30, 2025\"\n\n"
    "Date,Transaction Type,Num,Name,Memo/Description,Account,Debit,Credit\n"
    "15/03/2025,Invoice,1001,Ann Fox,,Accounts Receivable (A/R),$120.00,\n"
    ",,,,Design work,Sales,,$120.00\n"
    ",,,,,,$120.00,$120.00\n"
    "18/03/2025,Invoice,1002,Bob Lee,,Accounts Receivable (A/R),$80.00,\n"
    ",,,,Logo,Sales,,$80.00\n"
    ",,,,,,$80.00,$80.00\n"
    "20/03/2025,Payment,,Ann Fox,,Business Current Account,$120.00,\n"
    ",,,Ann Fox,,Accounts Receivable (A/R),,$120.00\n"
    ",,,,,,$120.00,$120.00\n"
    "14/04/2025,Invoice,1003,Ann Fox,,Accounts Receivable (A/R),$45.00,\n"
    ",,,,Brochure,Sales,,$45.00\n"
    ",,,,,,$45.00,$45.00\n"
    "TOTAL,,,,,,$365.00,$365.00\n")


def test_a_quickbooks_journal_report_writes_a_transaction_on_its_first_line(tmp_path):
    """QuickBooks' report as exported: a title, each transaction's date, type, number and
    name on its first line only, a subtotal under each. The Sales lines are Ann's 120 (15
    March) and 45 (14 April) and Bob's 80, dated by their transactions: [2, 2, 2, 1, 0],
    245 (was a client "Sales", no money read: [3, 2, 2, 1, 0])."""
    found = cli_import_text(tmp_path, "Journal (1).csv", QBO_REPORT)
    assert found["recognised_as"] == "journal"
    assert workspace_rows(tmp_path, EVENTS) == [
        ("2025-03-15", "purchase", 120.0, "Ann Fox"), ("2025-03-18", "purchase", 80.0, "Bob Lee"),
        ("2025-04-14", "purchase", 45.0, "Ann Fox")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_xeros_and_sages_journals_name_the_contact(tmp_path):
    """Xero ("Contact", "Account Code", "Account") and Sage ("Ledger Account"), each naming
    the customer on the receivable line only: Marie 500 and Klaus 300 on the sales
    account, one each: [2, 2, 2, 0, 0], 800 (Xero's was its 4 accounts made clients,
    [4, 0, 0, 0, 0]; Sage's a bank statement of no one, [0, 0, 0, 0, 0])."""
    xero = ("Date,Source,Contact,Description,Reference,Account Code,Account,Debit,Credit\n"
            "03 Mar 2025,Receivable Invoice,Marie Dubois,Consulting,INV-0001,610,"
            "Accounts Receivable,500.00,\n"
            "03 Mar 2025,Receivable Invoice,,Consulting,INV-0001,200,Sales,,500.00\n"
            "07 Mar 2025,Receivable Invoice,Klaus Weber,Workshop,INV-0002,610,"
            "Accounts Receivable,300.00,\n"
            "07 Mar 2025,Receivable Invoice,,Workshop,INV-0002,200,Sales,,300.00\n"
            "09 Mar 2025,Spend Money,Adobe,Subscription,,463,IT Software,35.00,\n"
            "09 Mar 2025,Spend Money,Adobe,Subscription,,090,Business Bank Account,,35.00\n")
    sage = ("Date,Type,Reference,Contact,Ledger Account,Details,Debit,Credit\n"
            "03/03/2025,Sales Invoice,SI-1,Marie Dubois,1100 Trade Debtors,Consulting,500.00,\n"
            "03/03/2025,Sales Invoice,SI-1,,4000 Sales Type A,Consulting,,500.00\n"
            "07/03/2025,Sales Invoice,SI-2,Klaus Weber,1100 Trade Debtors,Workshop,300.00,\n"
            "07/03/2025,Sales Invoice,SI-2,,4000 Sales Type A,Workshop,,300.00\n"
            "09/03/2025,Purchase Invoice,PI-1,Adobe,7500 Office Costs,Subscription,35.00,\n"
            "09/03/2025,Purchase Invoice,PI-1,Adobe,2100 Trade Creditors,Subscription,,35.00\n")
    for name, text in (("Journal Report.csv", xero), ("AuditTrail.csv", sage)):
        folder = tmp_path / name
        folder.mkdir()
        found = cli_import_text(folder, name, text)
        assert found["recognised_as"] == "journal"
        assert workspace_rows(folder, CLIENTS_AND_REVENUE) == [("Klaus Weber", 300.0),
                                                                ("Marie Dubois", 500.0)]
        assert cli_funnel(folder) == [2, 2, 2, 0, 0]


def test_a_journal_of_no_income_account_or_an_account_of_customers_is_no_journal(tmp_path):
    """A payroll journal (wages and tax, no income account), a journal of bank fees (an
    expense, though "Fees" may name income) and a ledger whose "Account" names the
    customers, beside "Name", are no journal of sales."""
    payroll = ("Date,Transaction Type,Num,Name,Account,Debit,Credit\n"
               "31/03/2025,Payroll,P-3,Jo Bloggs,Wages,2000.00,\n"
               "31/03/2025,Payroll,P-3,Jo Bloggs,PAYE Payable,,400.00\n"
               "31/03/2025,Payroll,P-3,Jo Bloggs,Business Current Account,,1600.00\n")
    customers = ("Date,Name,Account,Debit,Credit\n"
                 "01/03/2025,Ann Fox,Ann Fox,120.00,\n02/03/2025,Bob Lee,Bob Lee,80.00,\n")
    fees = ("Date,Transaction Type,Num,Name,Account,Debit,Credit\n"
            "31/03/2025,Expense,E-1,Stripe,Bank Charges & Fees,14.50,\n"
            "31/03/2025,Expense,E-1,Stripe,Business Current Account,,14.50\n")
    for name, text in (("payroll.csv", payroll), ("customers.csv", customers),
                       ("fees.csv", fees)):
        folder = tmp_path / name
        folder.mkdir()
        assert cli_import_text(folder, name, text)["recognised_as"] != "journal"


# --- 2. a general ledger in sections ---------------------------------------------------------

XERO_LEDGER = (
    "Date,Source,Contact,Description,Reference,Debit,Credit,Running Balance\n"
    "Business Current Account,,,,,,,\n"
    "Opening Balance,,,,,,,1000.00\n"
    "10 Mar 2025,Receivable Payment,Ann Fox,Payment: Ann Fox,INV-0001,120.00,,1120.00\n"
    "12 Mar 2025,Spend Money,Adobe,Subscription,,,35.00,1085.00\n"
    "Total Business Current Account,,,,,120.00,35.00,1085.00\n"
    "Sales,,,,,,,\n"
    "01 Mar 2025,Receivable Invoice,Ann Fox,Design work,INV-0001,,120.00,120.00\n"
    "05 Mar 2025,Receivable Invoice,Bob Lee,Logo,INV-0002,,80.00,200.00\n"
    "20 Mar 2025,Receivable Credit Note,Bob Lee,Logo revision,CN-0001,20.00,,180.00\n"
    "02 Apr 2025,Receivable Invoice,Ann Fox,Brochure,INV-0003,,45.00,225.00\n"
    "Total Sales,,,,,20.00,245.00,225.00\n"
    "IT Software,,,,,,,\n"
    "12 Mar 2025,Spend Money,Adobe,Subscription,,35.00,,35.00\n"
    "Total IT Software,,,,,35.00,0.00,35.00\n")


def test_a_xero_general_ledgers_sales_section_is_its_customers_sales(tmp_path):
    """Sales: Ann 120 (1 March) and 45 (2 April), Bob 80, Bob's credit note 20 a refund;
    the bank's and IT Software's lines (Ann's payment, Adobe) no sale, Adobe no client:
    [2, 2, 2, 1, 0], 3 sales of 245 (was a bank statement of no one: [0, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "General Ledger.csv", XERO_LEDGER)
    assert found["recognised_as"] == "general_ledger"
    assert found["explanation"] == (
        "Read as a general ledger (a section per account of the books): 3 transactions on its "
        "income account (Sales) read as sales, each once, from 2 customers (245); 1 debit to "
        "an income account (20), money given back, read as a refund; 3 lines on its other "
        "accounts (Business Current Account, IT Software) left out: the same sales written "
        "again, tax, payments toward them and the business's own spending, no client's sale.")
    assert workspace_rows(tmp_path, EVENTS) == [
        ("2025-03-01", "purchase", 120.0, "Ann Fox"), ("2025-03-05", "purchase", 80.0, "Bob Lee"),
        ("2025-03-20", "refund", 20.0, "Bob Lee"), ("2025-04-02", "purchase", 45.0, "Ann Fox")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_ledger_of_account_headings_makes_no_heading_a_client(tmp_path):
    """"Account: Sales" headings, "Name", "Debit", "Credit": Ann 120 and 45, Bob 80 on Sales
    (was a ledger of clients' accounts: Adobe a client, the sales read as payments:
    [3, 1, 1, 0, 0])."""
    found = cli_import_text(tmp_path, "gl.csv", (
        "Date,Name,Memo,Debit,Credit,Balance\n"
        "Account: Business Current Account,,,,,\n"
        "10/03/2025,Ann Fox,Payment INV 1001,120.00,,120.00\n"
        "12/03/2025,Adobe,Subscription,,35.00,85.00\n"
        "Total for Business Current Account,,,120.00,35.00,85.00\n"
        "Account: Sales,,,,,\n"
        "01/03/2025,Ann Fox,Invoice 1001,,120.00,120.00\n"
        "05/03/2025,Bob Lee,Invoice 1002,,80.00,200.00\n"
        "02/04/2025,Ann Fox,Invoice 1003,,45.00,245.00\n"
        "Total for Sales,,,0.00,245.00,245.00\n"))
    assert found["recognised_as"] == "general_ledger"
    assert workspace_rows(tmp_path, CLIENTS_AND_REVENUE) == [("Ann Fox", 165.0),
                                                              ("Bob Lee", 80.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_quickbooks_general_ledger_workbook_with_one_signed_amount(tmp_path):
    """A workbook ("Account: Sales" headings, one signed "Amount"): Sales' Ann 120 and Cy
    60 sales, Bob's -20 a refund (of a sale before the report: a customer too); the bank's
    line, Ann's payment, none: [3, 3, 3, 0, 0], 180."""
    day = datetime.datetime
    (found,) = cli_import_book(tmp_path, "General Ledger.xlsx", {"General Ledger": [
        ["Date", "Transaction Type", "Num", "Name", "Memo/Description", "Split", "Amount",
         "Balance"],
        ["Account: Business Current Account", None, None, None, None, None, None, None],
        [day(2025, 3, 10), "Payment", None, "Ann Fox", None, "Accounts Receivable (A/R)",
         120.0, 120.0],
        ["Total for Business Current Account", None, None, None, None, None, 120.0, None],
        ["Account: Sales", None, None, None, None, None, None, None],
        [day(2025, 3, 1), "Invoice", "1001", "Ann Fox", "Design", "Accounts Receivable (A/R)",
         120.0, 120.0],
        [day(2025, 3, 6), "Credit Memo", "1002", "Bob Lee", "Logo", "Accounts Receivable (A/R)",
         -20.0, 100.0],
        [day(2025, 3, 9), "Sales Receipt", "1003", "Cy Moss", "Print", "Undeposited Funds",
         60.0, 160.0],
        ["Total for Sales", None, None, None, None, None, 160.0, None]]})
    assert found["recognised_as"] == "general_ledger"
    assert kind_totals(tmp_path, "purchase") == (2, 180.0)
    assert kind_totals(tmp_path, "refund") == (1, 20.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


QBO_LEDGER = (
    "General Ledger\nFox Design Ltd\n\"March 1 - April 30, 2025\"\n\n"
    ",Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance\n"
    "Accounts Payable (A/P),,,,,,,,\n"
    ",12/03/2025,Bill,B-7,Paper Co,Printer paper,Office Supplies,40.00,40.00\n"
    ",20/03/2025,Bill Payment (Check),,Paper Co,,Business Current Account,-40.00,0.00\n"
    "Total for Accounts Payable (A/P),,,,,,,$0.00,\n"
    "Business Current Account,,,,,,,,\n"
    ",10/03/2025,Payment,,Ann Fox,,Accounts Receivable (A/R),120.00,120.00\n"
    ",20/03/2025,Bill Payment (Check),,Paper Co,,Accounts Payable (A/P),-40.00,80.00\n"
    "Total for Business Current Account,,,,,,,$80.00,\n"
    "Sales,,,,,,,,\n"
    ",01/03/2025,Invoice,1001,Ann Fox,Design work,Accounts Receivable (A/R),120.00,120.00\n"
    ",05/03/2025,Invoice,1002,Bob Lee,Logo,Accounts Receivable (A/R),80.00,200.00\n"
    ",02/04/2025,Invoice,1003,Ann Fox,Brochure,Accounts Receivable (A/R),45.00,245.00\n"
    "Total for Sales,,,,,,,$245.00,\n"
    "TOTAL,,,,,,,$325.00,\n")


def test_a_quickbooks_general_ledgers_supplier_is_no_client(tmp_path):
    """QuickBooks' General Ledger as exported (each account alone in a first column without
    a header): Sales' Ann 120 and 45, Bob 80 are the sales; Paper Co's bill and its payment
    (Accounts Payable, the bank) the business's own buying: [2, 2, 2, 1, 0], 245 (was Paper
    Co a client: [3, 2, 2, 1, 0])."""
    found = cli_import_text(tmp_path, "General Ledger.csv", QBO_LEDGER)
    assert found["recognised_as"] == "general_ledger"
    assert workspace_rows(tmp_path, CLIENTS_AND_REVENUE) == [("Ann Fox", 165.0),
                                                              ("Bob Lee", 80.0)]
    assert kind_totals(tmp_path, "purchase") == (3, 245.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_report_grouped_by_customer_is_no_general_ledger(tmp_path):
    """A report grouped by customer without a title saying so (each customer alone in a
    first column without a header, "Total for Ann Fox"): its groups name no account of the
    books, no general ledger."""
    found = cli_import_text(tmp_path, "report.csv", (
        ",Date,Transaction Type,Num,Product/Service,Amount,Balance,Name\n"
        "Ann Fox,,,,,,,\n,01/03/2025,Invoice,1001,Design,120.00,120.00,Ann Fox\n"
        "Total for Ann Fox,,,,,120.00,,\n"
        "Bob Lee,,,,,,,\n,05/03/2025,Invoice,1002,Logo,80.00,80.00,Bob Lee\n"
        "Total for Bob Lee,,,,,80.00,,\n"))
    assert found["recognised_as"] != "general_ledger"
    assert workspace_rows(tmp_path, CLIENTS_AND_REVENUE) == [("Ann Fox", 120.0),
                                                              ("Bob Lee", 80.0)]


def test_a_customer_statement_in_sections_per_customer_is_no_general_ledger(tmp_path):
    """Sections per customer ("Ann Fox" ... "Total Ann Fox"): no account of the books, no
    general ledger, a ledger of clients' accounts whose headings and totals are no lines:
    2 sales of 200 (was 4 of 400, each total a second sale of no one); and a customer
    ledger with a total at its foot stays as it was."""
    sections = ("Date,Name,Reference,Debit,Credit,Balance\n"
                "Ann Fox,,,,,\n01/03/2025,Ann Fox,INV 1,120.00,,120.00\n"
                "Total Ann Fox,,,120.00,,120.00\n"
                "Bob Lee,,,,,\n05/03/2025,Bob Lee,INV 2,80.00,,80.00\n"
                "Total Bob Lee,,,80.00,,80.00\n")
    footed = ("Date,Customer,Reference,Debit,Credit,Balance\n"
              "01/03/2025,Ann Fox,INV 1,120.00,,120.00\n05/03/2025,Bob Lee,INV 2,80.00,,200.00\n"
              "Total,,,200.00,,200.00\n")
    for name, text in (("sections.csv", sections), ("footed.csv", footed)):
        folder = tmp_path / name
        folder.mkdir()
        found = cli_import_text(folder, name, text)
        assert found["recognised_as"] == "credit_ledger"
        assert kind_totals(folder, "purchase") == (2, 200.0)


# --- 3. a credit note on the paid side of a client's ledger ------------------------------------

CUENTA = ("Fecha,Cliente,Concepto,Debe,Haber,Saldo\n"
          '01/03/2025,Ana López,Factura 101,"1.200,00",,"1.200,00"\n'
          '05/03/2025,Construcciones Ruiz SL,Factura 102,"800,00",,"800,00"\n'
          '10/03/2025,Construcciones Ruiz SL,Abono factura 102,,"200,00","600,00"\n'
          '20/03/2025,Ana López,Cobro factura 101,,"1.200,00","0,00"\n')


def test_a_credit_note_on_a_clients_account_is_a_refund(tmp_path):
    """Debe: Ana 1,200, Construcciones Ruiz 800: 2 sales. Haber: Ruiz's "Abono factura 102"
    (200) gives money back on his sale, a refund (was a payment, a contact); Ana's "Cobro"
    (1,200) her payment, a contact. [2, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "clientes.csv", CUENTA)
    assert found["recognised_as"] == "credit_ledger"
    assert found["explanation"] == (
        "Recognised as a ledger of each client's account ('Debe' what the client was charged, "
        "'Haber' what they paid): 2 charges read as sales (2,000); 1 payment made (1,200) was "
        "money paid toward those sales, kept as contacts, not counted as sales again; 1 credit "
        "note (200) read as a refund: money given back, the sale reduced, not a payment.")
    assert workspace_rows(tmp_path, EVENTS) == [
        ("2025-03-01", "purchase", 1200.0, "Ana López"),
        ("2025-03-05", "purchase", 800.0, "Construcciones Ruiz SL"),
        ("2025-03-10", "refund", 200.0, "Construcciones Ruiz SL"),
        ("2025-03-20", "contact", None, "Ana López")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_english_and_german_credit_notes_are_refunds_payments_stay_payments(tmp_path):
    """"Credit note CN-3" and "Gutschrift zu RE 14" are refunds; "Payment", "Zahlung" and a
    Latin American "Abono a factura" (a client paying toward it) stay payments."""
    english = ("Date,Customer,Reference,Debit,Credit,Balance\n"
               "01/03/2025,Ann Fox,INV 1,120.00,,120.00\n"
               "04/03/2025,Ann Fox,Credit note CN-3 for INV 1,,20.00,100.00\n"
               "20/03/2025,Ann Fox,Payment,,100.00,0.00\n")
    german = ("Datum;Kunde;Buchungstext;Soll;Haben;Saldo\n"
              "01.03.2025;Anna Schmidt;RE 14;1.200,00;;1.200,00\n"
              "04.03.2025;Anna Schmidt;Gutschrift zu RE 14;;200,00;1.000,00\n"
              "20.03.2025;Anna Schmidt;Zahlung RE 14;;1.000,00;0,00\n")
    mexican = ("Fecha,Cliente,Concepto,Debe,Haber,Saldo\n"
               "01/03/2025,Ana López,Factura 101,1200.00,,1200.00\n"
               "04/03/2025,Ana López,Abono a factura 101,,200.00,1000.00\n")
    for name, text, refunds in (("en.csv", english, (1, 20.0)), ("de.csv", german, (1, 200.0)),
                                ("mx.csv", mexican, (0, None))):
        folder = tmp_path / name
        folder.mkdir()
        assert cli_import_text(folder, name, text)["recognised_as"] == "credit_ledger"
        assert kind_totals(folder, "refund") == refunds
        assert kind_totals(folder, "contact")[0] == 1
        assert kind_totals(folder, "purchase")[0] == 1


# --- 4. a ledger of the business's suppliers --------------------------------------------------

def test_a_suppliers_ledger_is_the_business_own_buying(tmp_path):
    """Proveedor/Debe/Haber, Supplier/Debit/Credit, Lieferant/Soll/Haben: the business's
    own buying, said in one sentence, no clients and no sales (the Spanish was read as a
    bank statement's "money in naming no one", the others as not a known export)."""
    spanish = ("Fecha,Proveedor,Concepto,Debe,Haber,Saldo\n"
               '01/03/2025,Papelería Sol,Factura P-1,,"120,00","120,00"\n'
               '10/03/2025,Papelería Sol,Pago,"120,00",,"0,00"\n'
               '12/03/2025,Transportes Gil,Factura T-9,,"300,00","300,00"\n')
    english = ("Date,Supplier,Reference,Debit,Credit,Balance\n"
               "01/03/2025,Office Supplies Ltd,Bill 1,,120.00,120.00\n"
               "10/03/2025,Office Supplies Ltd,Payment,120.00,,0.00\n"
               "12/03/2025,Swift Couriers,Bill 2,,300.00,300.00\n")
    german = ("Datum;Lieferant;Buchungstext;Soll;Haben;Saldo\n"
              "01.03.2025;Bürobedarf Meier GmbH;Rechnung 4711;;120,00;120,00\n"
              "10.03.2025;Bürobedarf Meier GmbH;Zahlung;120,00;;0,00\n")
    said = {"proveedores.csv": (
        "Read as a ledger of the business's suppliers ('Proveedor'): what 2 suppliers billed "
        "it ('Haber', 420) and what it paid them ('Debe', 120) are the business's own buying: "
        "no sale counted and no supplier made a client; kept as reference rows.")}
    for name, text in (("proveedores.csv", spanish), ("suppliers.csv", english),
                       ("kreditoren.csv", german)):
        folder = tmp_path / name
        folder.mkdir()
        found = cli_import_text(folder, name, text)
        assert found["recognised_as"] == "supplier_ledger"
        if name in said:
            assert found["explanation"] == said[name]
        assert workspace_rows(folder, "SELECT COUNT(*) FROM clients") == [(0,)]
        assert workspace_rows(folder, "SELECT COUNT(*) FROM events") == [(0,)]


# --- 5. a ledger whose "Account" names the customers ---------------------------------------

def test_a_receivables_ledger_whose_account_names_the_customers(tmp_path):
    """"Account" = "Ann Fox", "Bob Lee" (a sub-ledger of receivables): Ann's 120 (1 March)
    and 45 (2 April), Bob's 80 sales, Ann's payment a contact: [2, 2, 2, 1, 0], 245 (was
    [2, 0, 0, 0, 0], contacts; the debits and credits kept aside)."""
    found = cli_import_text(tmp_path, "Aged Receivables Detail.csv", (
        "Account,Date,Reference,Debit,Credit,Balance\n"
        "Ann Fox,01/03/2025,INV 1,120.00,,120.00\n"
        "Bob Lee,05/03/2025,INV 2,80.00,,80.00\n"
        "Ann Fox,20/03/2025,Payment,,120.00,0.00\n"
        "Ann Fox,02/04/2025,INV 3,45.00,,45.00\n"))
    assert found["recognised_as"] == "credit_ledger"
    assert workspace_rows(tmp_path, CLIENTS_AND_REVENUE) == [("Ann Fox", 165.0),
                                                              ("Bob Lee", 80.0)]
    assert kind_totals(tmp_path, "contact") == (1, None)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_an_account_of_numbers_or_of_the_books_is_no_customers(tmp_path):
    """"Account" holding the bank's own number, two accounts of the business ("Business
    Current Account", "Savings"), or accounts of the books beside no name: no ledger of
    clients' accounts (read as before)."""
    sheets = {
        "bank.csv": ("Account,Date,Description,Debit,Credit,Balance\n"
                     "20-32-06 13152170,01/03/2025,ANN FOX INV 1,,120.00,1120.00\n"
                     "20-32-06 13152170,02/03/2025,TESCO STORES,45.00,,1075.00\n"),
        "two accounts.csv": ("Account,Date,Description,Debit,Credit\n"
                             "Business Current Account,01/03/2025,Ann Fox INV 1,,120.00\n"
                             "Savings,02/03/2025,Transfer,500.00,\n"),
        "books.csv": ("Account,Date,Description,Debit,Credit\n"
                      "Sales,01/03/2025,Invoice 1 Ann Fox,,120.00\n"
                      "Accounts Receivable,01/03/2025,Invoice 1 Ann Fox,120.00,\n")}
    for name, text in sheets.items():
        folder = tmp_path / name
        folder.mkdir()
        found = cli_import_text(folder, name, text)
        assert found["recognised_as"] != "credit_ledger"
