"""Sheets whose "Account" column holds the business's own accounts, mended in session 28
(R3). Each is imported through the command line and checked against figures worked out by
hand, beside sheets where the mend must not fire.

- A bank's export of several of the business's accounts ("Account": "Business Current
  Account", "Savings"; "Date", "Description", "Debit", "Credit"): a bank statement, who paid
  read from each line's details (was: each account a client, [2, 0, 0, 0, 0]).
- Lines on the books' own accounts naming no customer ("Sales", "Accounts Receivable",
  "Office supplies"; "4000 Sales"): entries of the books, reference rows, said so (was: each
  account a client).
- Must not fire: a ledger whose "Account" names its customers, a CRM's deals whose
  "Account" is the client company, a journal naming each line's customer.
"""

from __future__ import annotations

import pytest
from conftest import cli_funnel, cli_import_text, workspace_rows

CLIENTS_AND_REVENUE = "SELECT name, revenue_events FROM clients ORDER BY name"

BANK_ACCOUNTS = ("Account,Date,Description,Debit,Credit\n"
                 "Business Current Account,01/03/2025,Payment from Ann Fox INV 12,,120.00\n"
                 "Business Current Account,03/03/2025,Adobe subscription,19.99,\n"
                 "Savings,05/03/2025,Transfer from current account,,500.00\n")
NUMBERED_ACCOUNTS = ("Account,Date,Description,Debit,Credit\n"
                     "20-32-06 13152170,01/03/2025,Payment from Ann Fox INV 12,,120.00\n"
                     "20-32-06 13152170,03/03/2025,Adobe subscription,19.99,\n"
                     "20-32-06 40087711,05/03/2025,Transfer from current account,,500.00\n")


@pytest.mark.parametrize("text", [BANK_ACCOUNTS, NUMBERED_ACCOUNTS])
def test_a_bank_export_of_several_own_accounts_reads_who_paid_from_the_details(tmp_path, text):
    """Money in on the Credit side: Ann Fox's 120 a sale; the 500 moved into savings names no
    one; Adobe's 19.99 is money out, the business's spending: one client, [1, 1, 1, 0, 0],
    120 (was each account a client and no sale: [2, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "statement.csv", text)
    assert found["recognised_as"] == "cash_book"
    assert found["explanation"] == (
        "Read as a bank statement: who paid each line of money in is read from its details "
        "(\"Payment from Ann Fox INV 12\": Ann Fox); 1 line of money in naming who paid "
        "counted as sales (120) from 1 client; 1 line of money in naming no one (500) left "
        "out, not counted as sales; 1 line of money out (19.99), the business's own spending, "
        "left out.")
    assert workspace_rows(tmp_path, CLIENTS_AND_REVENUE) == [("Ann Fox", 120.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


BOOKS_LINES = ("Account,Date,Description,Debit,Credit\n"
               "Sales,01/03/2025,Invoice 1001,,120.00\n"
               "Accounts Receivable,01/03/2025,Invoice 1001,120.00,\n"
               "Office supplies,03/03/2025,Printer paper,40.00,\n"
               "Business Current Account,03/03/2025,Printer paper,,40.00\n")
NOMINAL_LINES = ("Nominal,Date,Details,Debit,Credit\n"
                 "4000 Sales,01/03/2025,SI-1,,500.00\n"
                 "1100 Trade Debtors,01/03/2025,SI-1,500.00,\n"
                 "7500 Office Costs,09/03/2025,Stationery,35.00,\n"
                 "1200 Bank Current Account,09/03/2025,Stationery,,35.00\n")


@pytest.mark.parametrize(("text", "said"), [
    (BOOKS_LINES, "'Account': Sales, Accounts Receivable, Office supplies, ..."),
    (NOMINAL_LINES, "'Nominal': 4000 Sales, 1100 Trade Debtors, 7500 Office Costs, ...")])
def test_lines_on_the_books_own_accounts_are_reference_rows(tmp_path, text, said):
    """No line names a customer and every account is the business's own: no client, no sale,
    [0, 0, 0, 0, 0], said in one sentence (was each account a client, [4, 0, 0, 0, 0]; the
    nominal codes a bank statement whose money in named no one, its Debit and Credit read as
    a bank's)."""
    found = cli_import_text(tmp_path, "lines.csv", text)
    assert found["recognised_as"] == "books_lines"
    assert found["kind"] == "reference"
    assert found["explanation"] == (
        f"Read as lines on the business's own accounts ({said}), no column naming a customer: "
        "entries of its books, not clients nor their sales, so no client made and no sale counted; "
        "kept as reference rows.")
    assert workspace_rows(tmp_path, CLIENTS_AND_REVENUE) == []
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_an_account_of_each_customer_stays_a_ledger_of_clients(tmp_path):
    """"Account" naming the customers (a receivables sub-ledger): Ann charged 120 and Bob 80,
    Ann's 120 paid a contact: [2, 2, 2, 0, 0], as before."""
    found = cli_import_text(tmp_path, "ledger.csv", (
        "Account,Date,Details,Debit,Credit\n"
        "Ann Fox,01/03/2025,Invoice 1,120.00,\nBob Lee,02/03/2025,Invoice 2,80.00,\n"
        "Ann Fox,09/03/2025,Payment,,120.00\n"))
    assert found["recognised_as"] == "credit_ledger"
    assert workspace_rows(tmp_path, CLIENTS_AND_REVENUE) == [("Ann Fox", 120.0),
                                                              ("Bob Lee", 80.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


@pytest.mark.parametrize("header", ["Account Name", "Account"])
def test_a_crms_deals_keep_their_account_companies_as_clients(tmp_path, header):
    """A CRM's deals ("Account" the client company, though "First Savings Bank" and "Cash
    Converters" have a bank's words): three clients, the won deal a purchase: [3, 1, 1, 0,
    0], as before."""
    found = cli_import_text(tmp_path, "deals.csv", (
        f"{header},Opportunity Name,Stage,Amount,Close Date\n"
        "First Savings Bank,Renewal,Closed Won,5000,01/03/2025\n"
        "Acme Ltd,New deal,Closed Lost,2000,02/03/2025\n"
        "Cash Converters,Pilot,Prospecting,1000,03/03/2025\n"))
    assert found["recognised_as"] != "books_lines"
    assert [name for name, _ in workspace_rows(tmp_path, CLIENTS_AND_REVENUE)] == [
        "Acme Ltd", "Cash Converters", "First Savings Bank"]
    assert cli_funnel(tmp_path) == [3, 1, 1, 0, 0]


def test_a_journal_naming_each_lines_customer_stays_a_journal(tmp_path):
    """Ann's 150 and Bob's 80 credited to Sales, each written again on Accounts Receivable;
    Paper Co's bill no sale: [2, 2, 2, 0, 0], 230, as before."""
    found = cli_import_text(tmp_path, "Journal.csv", (
        "Date,Transaction Type,Num,Name,Account,Debit,Credit\n"
        "01/03/2025,Invoice,1001,Ann Fox,Accounts Receivable,150.00,\n"
        "01/03/2025,Invoice,1001,Ann Fox,Sales,,150.00\n"
        "05/03/2025,Invoice,1002,Bob Lee,Accounts Receivable,80.00,\n"
        "05/03/2025,Invoice,1002,Bob Lee,Sales,,80.00\n"
        "12/03/2025,Bill,B-7,Paper Co,Office Supplies,40.00,\n"
        "12/03/2025,Bill,B-7,Paper Co,Accounts Payable,,40.00\n"))
    assert found["recognised_as"] == "journal"
    assert workspace_rows(tmp_path, CLIENTS_AND_REVENUE) == [("Ann Fox", 150.0),
                                                              ("Bob Lee", 80.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_the_books_view_of_bank_accounts_is_no_bank_statement(tmp_path):
    """An accounting package's lines on its bank accounts write money in as a debit
    ("Payment from Ann Fox" on the Debit side): read as a bank's, Paper Co's bill paid would
    be a sale. Lines of the books, reference rows: no client (was [2, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "bank lines.csv", (
        "Account,Date,Description,Debit,Credit\n"
        "Business Current Account,10/03/2025,Payment from Ann Fox,120.00,\n"
        "Business Current Account,20/03/2025,Paper Co Ltd - bill B-7,,40.00\n"
        "Savings,21/03/2025,Transfer to savings,500.00,\n"))
    assert found["recognised_as"] == "books_lines"
    assert workspace_rows(tmp_path, CLIENTS_AND_REVENUE) == []
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]
