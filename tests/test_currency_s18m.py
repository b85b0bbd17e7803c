"""Money and the currency it is written in, left alone in session 17 (session 18, M). Each
sheet goes through the command line and is checked against figures worked out by hand;
beside each, where it matters, a sheet where the rule must not fire.

- "kr" names the Swedish, Norwegian and Danish krone alike: money is shown in kr, as
  written, and the import says the file does not say which; beside "SEK" (a Currency
  column, another row's "SEK 800") it is SEK, one currency. "Fr." is the Swiss franc;
  "Rs" rupees as written, and beside "₹" the Indian rupee.
- "CHF1,200" and "1,200CHF" (a code with no space) are money in francs; "INV1200" is none.
- Chile's "CLP 45.000" (dot thousands) is 45,000 pesos, named: one list of codes for the
  money reader and the currency namer.
- A workbook's two order sheets in two currencies, and a sheet read in parts whose parts
  are each in one, say the amounts are in two currencies, as one sheet mixing them does.
- A dry run says the currency would be set, not that it is.
- A job list's "Invoiced" job is a sale at its amount where nothing says what was paid;
  beside a "Paid" of no, or an "Amount Paid" of 0, none; of a part, a sale of the part.
"""

from __future__ import annotations

import contextlib
import io
import json

from conftest import (cli_funnel, cli_import_book, cli_import_text, cli_json, kind_totals,
                      workspace_rows)
from journey.__main__ import main
from journey.overview import currencies_added
from journey.workspace import open_workspace

CURRENCY = "SELECT value FROM settings WHERE key = 'currency'"
REVENUE = "SELECT ROUND(SUM(revenue_current), 2) FROM clients"


def shown_in(tmp_path) -> str | None:
    found = workspace_rows(tmp_path, CURRENCY)
    return json.loads(found[0][0]) if found else None


def added(tmp_path) -> list[str]:
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    try:
        return currencies_added(db)
    finally:
        db.close()


# --- names several countries write: kr, Rs; Fr. -------------------------------------------

def test_kr_alone_is_shown_as_written_and_said_to_be_any_of_three(tmp_path):
    """'kr 1 200' + '800 kr' = 2,000, shown in kr (not SEK): the file names no country."""
    found = cli_import_text(tmp_path, "clients.csv", "Client,Stage,Fee\n"
                            "Anna,Customer,kr 1 200\nBo,Customer,800 kr\n")
    assert workspace_rows(tmp_path, REVENUE) == [(2000.0,)]
    assert shown_in(tmp_path) == "kr"
    assert ("Money is shown in kr, as the amounts in this file write it: kr is written for "
            "the Swedish, Norwegian and Danish krone alike, and the file does not say which "
            "(SEK, NOK or DKK), so none was assumed.") in found["notes"]


def test_kr_beside_a_currency_column_saying_sek_is_sek(tmp_path):
    """The Currency column says SEK: the kronor are Swedish, shown in SEK."""
    found = cli_import_text(tmp_path, "clients.csv", "Client,Stage,Fee,Currency\n"
                            "Anna,Customer,kr 1 200,SEK\nBo,Customer,kr 800,SEK\n")
    assert shown_in(tmp_path) == "SEK"
    assert ("Money is shown in SEK: the amounts in this file are written in Swedish kronor."
            in found["notes"])


def test_kr_beside_sek_cells_is_one_currency_not_two(tmp_path):
    """'kr 1 200', 'SEK 800', '900 kr': all SEK (2,900), no 'more than one currency';
    beside NOK and SEK both, kr stays kr and three currencies are said."""
    found = cli_import_text(tmp_path, "clients.csv", "Client,Stage,Fee\n"
                            "Anna,Customer,kr 1 200\nBo,Customer,SEK 800\nCy,Customer,900 kr\n")
    assert workspace_rows(tmp_path, REVENUE) == [(2900.0,)]
    assert shown_in(tmp_path) == "SEK"
    assert not any("more than one currency" in n for n in found["notes"])
    other = tmp_path / "nordic"
    other.mkdir()
    found = cli_import_text(other, "clients.csv", "Client,Stage,Fee\n"
                            "Anna,Customer,kr 1 200\nBo,Customer,NOK 800\nCy,Customer,SEK 900\n")
    assert ("Amounts are in more than one currency (kr (1 row), NOK (1 row), SEK (1 row), as "
            "written in 'Fee'): they were added together as written, with no exchange rate."
            in found["notes"])
    assert shown_in(other) is None


def test_swiss_francs_and_rupees(tmp_path):
    """'Fr. 1200' + 'Fr. 800': CHF. 'Rs. 1,200' + '₹800': one currency, the Indian rupee
    (₹), 2,000. 'Rs 500' alone: shown in Rs."""
    found = cli_import_text(tmp_path, "clients.csv", "Client,Stage,Fee\n"
                            "Anna,Customer,Fr. 1200\nBo,Customer,Fr. 800\n")
    assert shown_in(tmp_path) == "CHF"
    assert "Money is shown in CHF: the amounts in this file are written in Swiss francs." \
        in found["notes"]
    for name, text, revenue, symbol in (
            ("india", "Client,Stage,Fee\nAnna,Customer,\"Rs. 1,200\"\nBo,Customer,₹800\n",
             2000.0, "₹"),
            ("rupees", "Client,Stage,Fee\nAnna,Customer,Rs 500\n", 500.0, "Rs")):
        place = tmp_path / name
        place.mkdir()
        found = cli_import_text(place, "clients.csv", text)
        assert workspace_rows(place, REVENUE) == [(revenue,)]
        assert shown_in(place) == symbol
        assert not any("more than one currency" in n for n in found["notes"])


# --- a code with no space; Latin American codes -------------------------------------------

def test_a_code_written_against_the_amount_is_money_in_that_currency(tmp_path):
    """'CHF1,200' + '1,200CHF' = 2,400 francs. Not firing: 'INV1200', 'INV1201' in a Fee
    column are no amounts (kept aside: no revenue)."""
    cli_import_text(tmp_path, "clients.csv", "Client,Stage,Fee\n"
                    "Anna,Customer,\"CHF1,200\"\nBo,Customer,\"1,200CHF\"\n")
    assert workspace_rows(tmp_path, REVENUE) == [(2400.0,)]
    assert shown_in(tmp_path) == "CHF"
    other = tmp_path / "ids"
    other.mkdir()
    cli_import_text(other, "clients.csv", "Client,Stage,Fee\n"
                    "Anna,Customer,INV1200\nBo,Customer,INV1201\n")
    assert workspace_rows(other, REVENUE) == [(None,)]
    assert shown_in(other) is None


def test_chilean_pesos_with_dot_thousands(tmp_path):
    """'CLP 45.000' + 'CLP 12.500' = 57,500 pesos (no cents in the column: dot thousands),
    named Chilean pesos. 'PEN 120.50' + 'PEN 80' = 200.50 soles, shown in S/."""
    found = cli_import_text(tmp_path, "clients.csv", "Client,Stage,Fee\n"
                            "Ana,Customer,CLP 45.000\nBeto,Customer,CLP 12.500\n")
    assert workspace_rows(tmp_path, REVENUE) == [(57500.0,)]
    assert shown_in(tmp_path) == "CLP"
    assert "Money is shown in CLP: the amounts in this file are written in Chilean pesos." \
        in found["notes"]
    other = tmp_path / "peru"
    other.mkdir()
    cli_import_text(other, "clients.csv", "Client,Stage,Fee\n"
                    "Ana,Customer,PEN 120.50\nBeto,Customer,PEN 80\n")
    assert workspace_rows(other, REVENUE) == [(200.5,)]
    assert shown_in(other) == "S/"


# --- two currencies between sheets, or between a sheet's parts ----------------------------

ORDERS = ["Order", "Date", "Customer", "Total", "Currency"]


def test_a_workbooks_two_order_sheets_in_two_currencies_say_so(tmp_path):
    """Orders EU: Anke 120 + 40, Bram 80 (EUR); Orders UK: Cara 200, Dan 50 (GBP): 5
    purchases of 490 added as written, shown in € (the first); the second sheet says its
    GBP stands beside the EUR, and the pages' warning names EUR and GBP. Not firing: both
    sheets in EUR."""
    eu = [ORDERS, ["1001", "2024-03-01", "Anke", 120, "EUR"],
          ["1002", "2024-04-01", "Bram", 80, "EUR"], ["1003", "2024-06-01", "Anke", 40, "EUR"]]
    uk = [ORDERS, ["2001", "2024-03-05", "Cara", 200, "GBP"],
          ["2002", "2024-05-05", "Dan", 50, "GBP"]]
    first, second = cli_import_book(tmp_path, "orders.xlsx", {"Orders EU": eu, "Orders UK": uk})
    assert kind_totals(tmp_path, "purchase") == (5, 490.0)
    assert shown_in(tmp_path) == "€"
    assert ("The amounts of this sheet are in GBP, those of earlier imports in EUR: sums of "
            "money add them together as written, with no exchange rate.") in second["notes"]
    assert not any("earlier imports" in n for n in first["notes"])
    assert added(tmp_path) == ["EUR", "GBP"]
    other = tmp_path / "euros"
    other.mkdir()
    both = [[*row[:4], "EUR"] if i else row for i, row in enumerate(uk)]
    found = cli_import_book(other, "orders.xlsx", {"Orders EU": eu, "Orders NL": both})
    assert not any("currency" in n or "earlier imports" in n for n in found[1]["notes"])
    assert added(other) == []


def test_a_sheet_read_in_parts_one_currency_each_says_so(tmp_path):
    """With max_import_cells at 3,000 a 3-column sheet is read in parts of 999 and 1,001
    rows: 999 clients in euros (10 + i % 5: 999 x 10 + 200 x (1 + 2 + 3) + 199 x 4 =
    11,986), then 1,001 in pounds (20 + i % 3: 1,001 x 20 + 334 + 333 x 2 = 21,020), 33,006
    together, said to be in two currencies with each one's rows (was: nothing said, the
    import's currencies empty)."""
    cli_json(tmp_path, "import", str(_written(tmp_path, "seed.csv", "Client\nx\n")),
             "--dry-run")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["settings", "--workspace", str(tmp_path / "w.db"),
                     "max_import_cells=3000"]) == 0
    rows = ([f"E{i},Customer,€{10 + i % 5}" for i in range(999)]
            + [f"G{i},Customer,£{20 + i % 3}" for i in range(1001)])
    found = cli_import_text(tmp_path, "clients.csv", "Client,Stage,Fee\n" + "\n".join(rows))
    assert workspace_rows(tmp_path, REVENUE) == [(33006.0,)]
    assert ("Amounts are in more than one currency (GBP (1,001 rows), EUR (999 rows), as "
            "written in 'Fee'): they were added together as written, with no exchange rate."
            in found["notes"])
    assert workspace_rows(tmp_path, "SELECT currencies FROM imports") == [("EUR, GBP",)]
    assert shown_in(tmp_path) is None


def _written(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- a dry run ----------------------------------------------------------------------------

def test_a_dry_run_says_the_currency_would_be_set(tmp_path):
    """'Fee (£)': a dry run says money would be shown in £, and sets nothing."""
    path = _written(tmp_path, "clients.csv", "Client,Stage,Fee (£)\nAnn,Customer,120\n")
    (found,) = cli_json(tmp_path, "import", str(path), "--dry-run")["imports"]
    assert "Money would be shown in £: the amounts in this file are written in pounds." \
        in found["notes"]
    assert not any(n.startswith("Money is shown") for n in found["notes"])


# --- a job invoiced -----------------------------------------------------------------------

JOBS = "Job,Client,Date,Status,Amount"


def test_an_invoiced_job_is_a_sale_where_nothing_says_what_was_paid(tmp_path):
    """Ann's tap Invoiced 180, Ben's boiler Paid 95, Cy's leak Scheduled: 2 sales of 275
    (the rule must not fire without a paid column), [3, 3, 2, 0, 0]."""
    cli_import_text(tmp_path, "jobs.csv", f"{JOBS}\n"
                    "Kitchen tap,Ann Reid,2024-04-03,Invoiced,180\n"
                    "Boiler service,Ben Holt,2024-04-05,Paid,95\n"
                    "Leak,Cy Park,2024-04-08,Scheduled,120\n")
    assert kind_totals(tmp_path, "purchase") == (2, 275.0)
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


def test_an_invoiced_job_marked_unpaid_is_no_sale(tmp_path):
    """Ann's tap Invoiced, Paid No: a contact, as an invoice awaiting payment is (was a
    sale of 180); Ben's Invoiced, Paid Yes: 95; Cy's leak booked, considering. 1 sale of
    95, [3, 2, 1, 0, 0] (Ben and Cy considering)."""
    found = cli_import_text(tmp_path, "jobs.csv", f"{JOBS},Paid\n"
                            "Kitchen tap,Ann Reid,2024-04-03,Invoiced,180,No\n"
                            "Boiler service,Ben Holt,2024-04-05,Invoiced,95,Yes\n"
                            "Leak,Cy Park,2024-04-08,Scheduled,120,No\n")
    assert kind_totals(tmp_path, "purchase") == (1, 95.0)
    assert "1 row marked not paid in 'Paid' was read as a contact, not a sale." \
        in found["notes"]
    assert cli_funnel(tmp_path) == [3, 2, 1, 0, 0]


def test_an_invoiced_job_is_a_sale_of_what_was_paid(tmp_path):
    """Amount Paid: Ann's 180 Invoiced with 0 paid, a contact; Ben's 95 all paid, 95; Di's
    200 with 50 paid, 50 (was 180 + 95 + 200 = 475 in 3 sales): 2 sales of 145."""
    found = cli_import_text(tmp_path, "jobs.csv", f"{JOBS},Amount Paid\n"
                            "Kitchen tap,Ann Reid,2024-04-03,Invoiced,180,0\n"
                            "Boiler service,Ben Holt,2024-04-05,Invoiced,95,95\n"
                            "Gutter,Di Law,2024-04-06,Invoiced,200,50\n"
                            "Leak,Cy Park,2024-04-08,Scheduled,120,0\n")
    assert kind_totals(tmp_path, "purchase") == (2, 145.0)
    assert ("1 row said Invoiced with nothing paid in 'Amount Paid': read as a contact, not "
            "a sale (billed, not paid yet).") in found["notes"]
    assert ("1 row said Invoiced with money already paid in 'Amount Paid': read as a "
            "purchase of what was paid so far (50.00 of 200.00).") in found["notes"]


# --- an invoice list with no status: its balance says what was paid -----------------------

MYOB_INVOICES = "Invoice No,Date,Customer,Amount,Amount Paid,Balance Due\n"


def test_an_invoice_list_without_a_status_is_read_by_its_balance(tmp_path):
    """MYOB's invoices, no status: Ann 500 all paid, Ben 300 with 100 paid (200 due), Cy
    200 all due: 2 sales of 500 + 100 = 600, Cy a contact (was 3 sales of 1,000). With
    the same list carrying its status (Closed, Open, Open) the figures were already so."""
    found = cli_import_text(tmp_path, "invoices.csv", MYOB_INVOICES +
                            "00000201,2024-04-03,Ann Reid,500.00,500.00,0.00\n"
                            "00000202,2024-04-10,Ben Holt,300.00,100.00,200.00\n"
                            "00000203,2024-04-17,Cy Park,200.00,0.00,200.00\n")
    assert kind_totals(tmp_path, "purchase") == (2, 600.0)
    assert kind_totals(tmp_path, "contact") == (1, 200.0)
    assert ("1 invoice with part of its amount still owed in 'Balance Due' was read as a sale "
            "of what was paid in 'Amount Paid' (100.00 of 300.00).") in found["notes"]
    assert ("1 invoice with all of its amount still owed in 'Balance Due' was read as a "
            "contact, not a sale (awaiting payment).") in found["notes"]
    with_status = tmp_path / "status"
    with_status.mkdir()
    cli_import_text(with_status, "invoices.csv", MYOB_INVOICES.replace("\n", ",Status\n") +
                    "00000201,2024-04-03,Ann Reid,500.00,500.00,0.00,Closed\n"
                    "00000202,2024-04-10,Ben Holt,300.00,100.00,200.00,Open\n"
                    "00000203,2024-04-17,Cy Park,200.00,0.00,200.00,Open\n")
    assert kind_totals(with_status, "purchase") == (2, 600.0)


def test_a_running_balance_or_an_invoices_lines_are_not_read_so(tmp_path):
    """Not firing: a 'Balance' above an invoice's amount is the client's account, not what
    is owed of it (3 sales of 1,000 stay); an invoice's two lines (120 + 80, one number)
    beside its 'Balance Due' of 100 keep their amounts (200 in 1 sale)."""
    cli_import_text(tmp_path, "invoices.csv", "Invoice No,Date,Customer,Amount,Balance\n"
                    "00000201,2024-04-03,Ann Reid,500.00,900.00\n"
                    "00000202,2024-04-10,Ben Holt,300.00,400.00\n"
                    "00000203,2024-04-17,Cy Park,200.00,200.00\n")
    assert kind_totals(tmp_path, "purchase") == (3, 1000.0)
    lines = tmp_path / "lines"
    lines.mkdir()
    cli_import_text(lines, "invoices.csv", "Invoice No,Date,Customer,Amount,Balance Due\n"
                    "00000301,2024-05-02,Ann Reid,120.00,100.00\n"
                    "00000301,2024-05-02,Ann Reid,80.00,100.00\n")
    assert kind_totals(lines, "purchase") == (1, 200.0)
