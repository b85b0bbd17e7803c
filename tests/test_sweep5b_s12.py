"""Hand-kept sheets from a sweep of kinds nobody had tried, whose import gave wrong figures:
a "January total" row under the names counted as a client and a sale (doubling the month);
an invoice register's "Gross" read as nothing, so its credit note CN-001 was a sale; a
groomer's "Owner" beside the "Dog" taken for the salesperson (no clients at all) and an
"Attended" of No show or Cancelled counted as a sale; a bakery's "Collected?" Cancelled
the same; a note written under each client read as a client; a "Paid" column of the days
paid ignored (every quoted job a sale); a yoga studio's "Paid" of amounts and "Date bought"
ignored (a refund read as a second pass); one column per month or year read as no sales
without a word; a pipeline's "sent proposal", "thinking about it" not known. Hand-worked
figures, through the command line."""

from __future__ import annotations

import datetime as dt

import openpyxl

from conftest import cli_funnel, cli_import_text, cli_json, kind_totals, workspace_rows


def _clients(tmp_path) -> list[str]:
    return [name for (name,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


SUBTOTALS = (
    "Date,Customer,Item,Amount\n"
    "05/01/2024,Kim Woo,Hamper,40\n"
    "19/01/2024,Lars Berg,Gift box,25\n"
    ",January total,,65\n"
    "02/02/2024,Kim Woo,Hamper,40\n"
    "14/02/2024,Mona Reyes,Valentine box,60\n"
    ",February total,,100\n"
    ",TOTAL,,165\n"
)


def test_a_months_subtotal_under_the_names_is_no_client_and_no_sale(tmp_path):
    """Sales 40 + 25 + 40 + 60 = 165, by Kim (twice), Lars and Mona: 3 clients, funnel
    [3, 3, 3, 1, 0]. The "January total" and "February total" rows (no date, a sum under
    the names) were read as two more clients and two more sales: 5 clients, 330."""
    found = cli_import_text(tmp_path, "sales.csv", SUBTOTALS)
    assert [(p["row"], p["value"]) for p in found["problems"]] == [
        (4, "January total"), (7, "February total")]
    assert "row 8 is the table's totals ('TOTAL')" in " ".join(found["notes"])
    assert {p["reason"] for p in found["problems"]} == {"the row is a total, not an order"}
    assert kind_totals(tmp_path, "purchase") == (4, 165.0)
    assert _clients(tmp_path) == ["Kim Woo", "Lars Berg", "Mona Reyes"]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_client_whose_name_ends_in_total_and_has_a_date_is_a_client(tmp_path):
    """Not fired: "Body Total" bought on a day of its own; it is a client, not a sum."""
    cli_import_text(tmp_path, "sales.csv", "Date,Customer,Amount\n"
                                           "05/01/2024,Body Total,40\n"
                                           "06/01/2024,Kim Woo,25\n")
    assert kind_totals(tmp_path, "purchase") == (2, 65.0)
    assert _clients(tmp_path) == ["Body Total", "Kim Woo"]


REGISTER = (
    "No.,Date,Client,Net,VAT,Gross,Status\n"
    "INV-001,10/01/2024,Northwind Ltd,1000,200,1200,Paid\n"
    "INV-002,24/01/2024,Southgate Plc,500,100,600,Paid\n"
    "CN-001,02/02/2024,Northwind Ltd,-250,-50,-300,Issued\n"
    "INV-003,15/02/2024,Westfield & Co,750,150,900,Unpaid\n"
    "INV-004,01/03/2024,Northwind Ltd,400,80,480,Paid\n"
)


def test_an_invoice_registers_gross_is_the_amount_and_its_credit_note_a_refund(tmp_path):
    """Invoices paid 1200 + 600 + 480 = 2280 gross (INV-003, unpaid, a contact); credit note
    CN-001 -300 is money going back: a refund of 300. With 'Gross' read as nothing, the
    credit note was a fourth sale. Funnel [3, 2, 2, 1, 0] (Westfield has not paid)."""
    found = cli_import_text(tmp_path, "register.csv", REGISTER)
    assert found["mapping"]["Gross"] == "amount"
    assert found["mapping"]["Net"] is None
    assert kind_totals(tmp_path, "purchase") == (3, 2280.0)
    assert kind_totals(tmp_path, "refund") == (1, 300.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


GROOMER = (
    "Date,Time,Owner,Dog,Service,Price,Attended\n"
    "02/04/2024,09:00,Jo Baker,Biscuit,Full groom,45,Yes\n"
    "02/04/2024,11:00,Priya Shah,Luna,Bath & brush,30,No show\n"
    "03/04/2024,10:00,Mark Green,Rex,Full groom,55,Yes\n"
    "05/04/2024,14:00,Jo Baker,Biscuit,Nail clip,10,Yes\n"
    "09/04/2024,09:30,Priya Shah,Luna,Bath & brush,30,Cancelled\n"
    "30/04/2024,09:00,Jo Baker,Biscuit,Full groom,45,Yes\n"
)


def test_a_groomers_owner_is_the_client_and_a_no_show_no_sale(tmp_path):
    """Jo (3 grooms: 45 + 10 + 45), Mark (55): 4 attended, 155. Priya never came: her No
    show is a contact, her Cancelled a cancellation. 3 clients; funnel [3, 2, 2, 1, 0]
    (Priya at awareness). "Owner" was the salesperson: 0 clients, and 6 sales of 215."""
    found = cli_import_text(tmp_path, "appointments.csv", GROOMER)
    assert found["mapping"]["Owner"] == "name"
    assert found["mapping"]["Attended"] == "status"
    assert kind_totals(tmp_path, "purchase") == (4, 155.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 30.0)
    assert kind_totals(tmp_path, "contact") == (1, 30.0)
    assert _clients(tmp_path) == ["Jo Baker", "Mark Green", "Priya Shah"]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_an_owner_with_no_animal_beside_it_stays_the_owner(tmp_path):
    """Not fired: a CRM's "Owner" beside the "Company" is the salesperson."""
    found = cli_import_text(tmp_path, "deals.csv", "Company,Owner,Stage\n"
                                                   "Acme,Sam,Won\nBeta,Ali,Lead\n")
    assert (found["mapping"]["Company"], found["mapping"]["Owner"]) == ("name", "owner")
    assert _clients(tmp_path) == ["Acme", "Beta"]


BAKERY = (
    "Order date,Name,Cake,Collection date,Price,Deposit,Balance due,Collected?\n"
    "02/03/2024,Lucy Hart,Unicorn cake,09/03/2024,£65.00,£20.00,£45.00,Y\n"
    "04/03/2024,Raj Singh,Wedding cake,27/04/2024,£420.00,£100.00,£320.00,N\n"
    "05/03/2024,Lucy Hart,Cupcakes x12,16/03/2024,£24.00,£0.00,£24.00,Y\n"
    "13/03/2024,Dan Oyelaran,Retirement cake,20/03/2024,£55.00,£20.00,£35.00,Cancelled\n"
)


def test_a_bakerys_collected_cancelled_is_a_cancellation(tmp_path):
    """Orders 65 + 420 + 24 = 509 (Raj's N: not collected yet, still ordered); Dan's order
    was cancelled: a cancellation of 55, not a fourth sale (it was: 4 sales, 564)."""
    cli_import_text(tmp_path, "orders.csv", BAKERY)
    assert kind_totals(tmp_path, "purchase") == (3, 509.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 55.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


NOTE_ROWS = (
    "Name,Email,Phone,Status,Total spent\n"
    "Harriet Vane,harriet@vane.example,01632 960001,Customer,340\n"
    "\"  met at Harrogate fair, wants spring catalogue\",,,,\n"
    "Peter Wimsey,peter@wimsey.example,01632 960002,Lead,\n"
    "call back after Easter,,,,\n"
    "Mary Climpson,mary@climpson.example,01632 960003,Repeat,910\n"
)


def test_a_note_written_under_a_client_is_no_client(tmp_path):
    """3 clients: Harriet (Customer), Peter (Lead), Mary (Repeat): funnel [3, 2, 2, 1, 0].
    The lines under Harriet and Peter are notes on them, not 2 more clients (5, as it was),
    nor clients "matched by name"."""
    found = cli_import_text(tmp_path, "clients.csv", NOTE_ROWS)
    assert [(p["row"], p["reason"]) for p in found["problems"]] == [
        (3, "the row is a note under the client above, not a client"),
        (5, "the row is a note under the client above, not a client")]
    assert not [note for note in found["notes"] if "matched by name" in note]
    assert _clients(tmp_path) == ["Harriet Vane", "Mary Climpson", "Peter Wimsey"]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_client_with_only_a_name_is_still_a_client(tmp_path):
    """Not fired: "Ann Lee" and "van der Berg and sons" (a name's own lower-case start)
    have no other cell, but they are names, not notes."""
    found = cli_import_text(tmp_path, "clients.csv", "Name,Email,Phone,Status\n"
                                                     "Bo Carr,bo@carr.example,0161,Lead\n"
                                                     "Ann Lee,,,\n"
                                                     "Cy Dunn,cy@dunn.example,0162,Lead\n"
                                                     "van der Berg and sons,,,\n")
    assert found["rejected"] == 0
    assert len(_clients(tmp_path)) == 4


def test_one_column_per_month_says_it_was_not_counted(tmp_path):
    """A cleaner's clients with Jan..Apr amounts: 3 clients, the months not read as
    purchases, and the import says so (it said nothing: everyone at awareness without a
    word). Session 15: with no total beside them, the months' sum is each client's revenue
    (Hughes 1,020, Mrs Lowe 120, Kaur 150), which makes each a customer: [3, 3, 3, 0, 0]
    (was [3, 0, 0, 0, 0]: three paying clients shown as never having bought)."""
    found = cli_import_text(tmp_path, "cleaning.csv", "Client,Frequency,Jan,Feb,Mar,Apr\n"
                                                      "Hughes,Weekly,240,240,300,240\n"
                                                      "Mrs Lowe,Monthly,60,,60,\n"
                                                      "Kaur,One-off,,,150,\n")
    assert [note for note in found["notes"] if note.startswith("Columns 'Jan' to 'Apr'")]
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients ORDER BY name"
                          ) == [("Hughes", 1020.0), ("Kaur", 150.0), ("Mrs Lowe", 120.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_client_list_without_month_columns_says_nothing_of_them(tmp_path):
    """Not fired: two years beside each other are not a wide layout; nor is a "May" of
    words."""
    found = cli_import_text(tmp_path, "clients.csv", "Client,2023,2024,May\n"
                                                     "Hughes,10,20,yes\nKaur,5,,no\n")
    assert not [note for note in found["notes"] if note.startswith("Columns '")]


def test_a_paid_column_of_the_days_paid_says_which_jobs_were_sales(tmp_path):
    """A tradesperson's job log, its file called 'jobs' (every row a sale): J101 and J104
    paid (Mrs Patel, twice) are purchases; J102 quoted and invoiced but not paid, J103 and
    J105 quoted only, are contacts. It read 5 sales, every quote one: funnel [4, 4, 4, 1, 0];
    now [4, 1, 1, 1, 0]."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Jobs 2024"
    day = dt.date
    for row in (["Job #", "Customer", "Job", "Quote sent", "Accepted", "Paid"],
                ["J101", "Mrs Patel", "Boiler service", day(2024, 3, 2), day(2024, 3, 3),
                 day(2024, 3, 12)],
                ["J102", "Tom Reed", "Bathroom", day(2024, 3, 5), day(2024, 3, 9), None],
                ["J103", "Green Dental", "Rewire", day(2024, 3, 6), None, None],
                ["J104", "Mrs Patel", "Leak", day(2024, 3, 20), day(2024, 3, 20),
                 day(2024, 3, 25)],
                ["J105", "Sam Ode", "Outside tap", day(2024, 3, 22), None, None]):
        sheet.append(row)
    path = tmp_path / "jobs.xlsx"
    book.save(path)
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    assert "2 rows marked paid in 'Paid' were read as purchases." in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, None)
    assert kind_totals(tmp_path, "contact") == (3, None)
    assert cli_funnel(tmp_path) == [4, 1, 1, 1, 0]


YOGA = (
    "Date bought,Name,Pass,Paid,Classes left\n"
    "03/01/2024,Greta Holm,10-class pass,90,4\n"
    "05/01/2024,Ivan Petrov,Drop-in,11,0\n"
    "20/02/2024,Greta Holm,10-class pass,90,9\n"
    "22/02/2024,Jade Kerr,5-class pass,50,5\n"
    "23/02/2024,Ivan Petrov,Refund - drop-in,-11,0\n"
)


def test_a_paid_of_amounts_and_a_date_bought_make_each_row_a_purchase(tmp_path):
    """Passes 90 + 11 + 90 + 50 = 241; Ivan's -11 is his money back, a refund. Funnel
    [3, 3, 3, 1, 0] (Greta bought twice). It read 5 contacts of no amount: [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "passes.csv", YOGA)
    assert found["mapping"]["Paid"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 241.0)
    assert kind_totals(tmp_path, "refund") == (1, 11.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_paid_of_ticks_is_no_amount_and_a_plain_date_no_purchase(tmp_path):
    """Not fired: "Paid" of Yes and No stays a yes/no; a "Date" says nothing of buying."""
    found = cli_import_text(tmp_path, "log.csv", "Date,Name,Fee,Paid\n"
                                                 "03/01/2024,Greta Holm,90,Yes\n"
                                                 "05/01/2024,Ivan Petrov,11,No\n")
    assert found["mapping"]["Paid"] is None
    assert found["mapping"]["Fee"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (1, 90.0)
    other = tmp_path / "other"
    other.mkdir()
    cli_import_text(other, "visits.csv", "Date,Name,Price\n03/01/2024,Ann Lee,90\n")
    assert kind_totals(other, "purchase") == (0, None)


def test_a_pipelines_own_words_are_stages(tmp_path):
    """"sent proposal", "thinking about it", "first call booked": consideration (they were
    unknown, every one at awareness); "signed!" a purchase. Funnel [4, 4, 1, 0, 0]."""
    found = cli_import_text(tmp_path, "pipeline.csv", "Company,Email,Stage\n"
                                                      "Acorn,a@acorn.example,sent proposal\n"
                                                      "Birch,b@birch.example,thinking about it\n"
                                                      "Cedar,c@cedar.example,signed!\n"
                                                      "Dune,d@dune.example,first call booked\n")
    assert not found.get("unknown_stage_values")
    assert cli_funnel(tmp_path) == [4, 4, 1, 0, 0]
