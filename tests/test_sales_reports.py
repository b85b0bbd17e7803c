"""Sales reports as owners and tills keep them: a subtotal per salesperson, a "Total" line
under the dates, a refund written as a negative sale, jobs quoted but not done. Imported
through the command line and checked against figures worked out by hand."""

from __future__ import annotations

from conftest import (cli_funnel, cli_import_text, cli_json, kind_totals, workspace_rows,
                      xlsx_bytes)

BY_REP = """Salesperson,Client,Deal,Close date,Status,Value
Anna,Bell Hotel,Website,2024-02-03,Won,4000
Anna,Cove Bar,Menu design,2024-02-10,Won,800
Anna,Dock Gym,App,2024-02-20,Lost,12000
Anna,Elm School,Brochure,2024-03-01,Proposal,1500
Anna Total,,,,,18300
Marco,Bell Hotel,SEO retainer,2024-03-05,Won,1200
Marco,Fjord Travel,Rebrand,2024-03-12,Won,6500
Marco Total,,,,,7700
Grand Total,,,,,26000
"""


def test_subtotals_per_salesperson_are_no_sales(tmp_path):
    found = cli_import_text(tmp_path, "sales.csv", BY_REP)
    assert [(p["row"], p["value"], p["reason"]) for p in found["problems"]] == [
        (6, "Anna Total", "the row is a total, not an order"),
        (9, "Marco Total", "the row is a total, not an order")]
    # (the last line, the table's total, is said as such, not rejected)
    assert "row 10 is the table's totals ('Grand Total')" in " ".join(found["notes"])
    assert kind_totals(tmp_path, "won") == (4, 12500.0)          # 4,000 + 800 + 1,200 + 6,500
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert kind_totals(tmp_path, "lost") == (1, 12000.0)
    # Elm School's proposal is a client considering; Won and Lost are no unknown status
    assert not any("does not know" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Bell Hotel",), ("Cove Bar",), ("Dock Gym",), ("Elm School",), ("Fjord Travel",)]
    # (Dock Gym, lost without a stage of its own, stays at awareness)
    assert cli_funnel(tmp_path)[:3] == [5, 4, 3]


TILL = """Sales report,,,,
,,,,
Date,Receipt number,Description,Total (GBP),Payment method
2024-05-02,101,Flat white,4.50,Card
2024-05-02,102,Brunch for two,12.00,Card
2024-05-03,103,Cake (whole),25.00,Card
2024-05-04,110,Refund of receipt 102,-12.00,Refund
,,,,
Total,,,29.50,
"""


def test_a_tills_total_line_and_a_refund_written_negative(tmp_path):
    """'Total' under the dates is no sale (not a line of the order above it either), and
    the -12.00 is money going back."""
    found = cli_import_text(tmp_path, "sales.csv", TILL)
    assert found["problems"] == []
    assert "row 9 is the table's totals ('Total')" in " ".join(found["notes"])
    assert not any("more lines" in note for note in found["notes"])
    assert ("1 row of less than 0 was read as a refund (money going back), not a purchase."
            in found["notes"])
    assert "3 rows with nothing saying what happened were read as purchases" in " ".join(
        found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 41.5)            # 4.50 + 12 + 25
    assert kind_totals(tmp_path, "refund") == (1, 12.0)             # the money gone back


JOBS = """Job No.,Date,Status,Company Name,Total
1001,05/02/2024,Completed,Acme Cafe,"$1,320.00"
1002,06/02/2024,Completed,Bayview Strata,$450.00
1003,07/02/2024,Quote,Coral Homes,"$3,800.00"
1004,12/02/2024,Work Order,Dune Motors,$600.00
1005,13/02/2024,Unsuccessful,Echo Dental,"$2,100.00"
"""


def test_jobs_quoted_booked_or_turned_down_are_no_sales(tmp_path):
    found = cli_import_text(tmp_path, "jobs.csv", JOBS)
    assert not any("does not know" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 1770.0)          # 1,320 + 450
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE purchase_count > 0 "
                                    "ORDER BY name") == [("Acme Cafe",), ("Bayview Strata",)]
    # Coral's quote and Dune's work order: clients considering
    assert cli_funnel(tmp_path)[:3] == [5, 4, 2]


def test_amounts_in_two_currencies_are_said_to_be(tmp_path):
    """The shop sells in dollars and euros: the amounts are added as written (there is no
    rate to use), and the import says so rather than passing the sum off as one currency."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Email,Total,Currency,Refunded Amount\n"
        "1001,2024-03-04,ana@example.com,49.00,USD,\n"
        "1002,2024-03-05,ben@example.com,99.00,USD,20.00\n"
        "1003,2024-03-06,cy@example.com,39.00,EUR,\n"))
    assert ("Amounts are in more than one currency (USD (2 rows), EUR (1 row), in "
            "'Currency'): they were added together as written, with no exchange rate."
            ) in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 187.0)


def test_a_paid_column_says_which_invoices_were_sales(tmp_path):
    """A consultant's invoice log: Y and Part were paid (sales), N not (contacts), void a
    cancellation. 3,000 + 1,500 + 3,000 (part paid, invoiced in full) = 7,500."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Inv #,Client,Issued,Amount,Paid?\n"
        "INV-001,Northwind Ltd,2024-01-31,3000,Y\n"
        "INV-002,Bluebird Co,2024-01-31,1500,Y\n"
        "INV-003,Northwind Ltd,2024-02-29,3000,Part\n"
        "INV-004,Cedar Trust,2024-02-29,800,N\n"
        "INV-008,Echo Media,2024-04-30,450,void\n"))
    assert found["notes"][:3] == [
        "1 row marked not paid in 'Paid?' was read as a contact, not a sale.",
        "3 rows marked paid in 'Paid?' were read as purchases.",
        "1 row marked void in 'Paid?' was read as a cancellation."]
    assert kind_totals(tmp_path, "purchase") == (3, 7500.0)
    assert kind_totals(tmp_path, "contact") == (1, 800.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 450.0)


def test_ticks_and_other_languages_say_paid_too(tmp_path):
    """A shop's sheet in Spanish with ticks: ✔️ and Sí paid, ❌ and No not."""
    cli_import_text(tmp_path, "caja.csv", (
        "Fecha,Cliente,Importe,Pagado\n"
        "2024-03-04,María,12.50,✔️\n"
        "2024-03-05,Juan,18.00,❌\n"
        "2024-03-06,Lucía,45.00,Sí\n"
        "2024-03-07,Ana,9.00,No\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 57.5)             # 12.50 + 45
    assert kind_totals(tmp_path, "contact") == (2, 27.0)


def test_one_client_spelled_several_ways_is_said_to_be(tmp_path):
    """Names matched by spelling: 'Acme Ltd', 'ACME Ltd.', 'Acme Limited' and 'acme ltd'
    differ only in case, punctuation and the spelling of the legal form, "Bob's Bakery" and
    'Bobs Bakery' by an apostrophe: one client each, as a client already here is matched
    by any of those spellings (session 14; they were kept apart, 6 clients, so the result
    hung on whether the rows came in one sheet or two). 3 clients: Acme, Bob's, Dune Co."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Date,Client,Amount,Status\n"
        "2024-02-01,Acme Ltd,500,Paid\n"
        "2024-02-15,ACME Ltd.,500,Paid\n"
        "2024-03-01,Acme Limited,500,Paid\n"
        "2024-03-15,acme ltd,500,Paid\n"
        "2024-02-03,Bob's Bakery,120,Paid\n"
        "2024-03-03,Bobs Bakery,120,Paid\n"
        "2024-03-20,Dune Co,90,Paid\n"))
    assert ("2 names are spelled more than one way, differing only in case, accents, "
            "punctuation, '&', a title or a legal form ('Acme Ltd', 'ACME Ltd.', 'Acme Limited'; "
            "'Bob's Bakery', 'Bobs Bakery'): each was read as one client, as a client already "
            "here is matched by any of its spellings.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT purchase_count, revenue_events FROM clients "
                                    "ORDER BY revenue_events") == [(1, 90.0), (2, 240.0),
                                                                   (4, 2000.0)]


def test_statuses_in_two_languages_are_read(tmp_path):
    """A boutique's 'Paid/Payé', 'Pending/En attente', 'Refunded/Remboursé'."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Client,Email,Date,Amount,Status\n"
        "B-01,Luc,luc@example.fr,2024-03-01,125.00,Paid/Payé\n"
        "B-02,Paul,paul@example.fr,2024-03-02,45.00,Pending/En attente\n"
        "B-03,Anne,anne@example.fr,2024-03-03,210.00,Refunded/Remboursé\n"
        "B-04,Marc,marc@example.fr,2024-03-04,75.00,Cancelled/Annulé\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 335.0)          # 125 + Anne's 210
    assert kind_totals(tmp_path, "refund") == (1, 210.0)
    assert kind_totals(tmp_path, "contact") == (1, 45.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 75.0)


def test_a_package_merged_over_its_sessions_is_bought_once(tmp_path):
    """A trainer's sheet: the client, package, price and Paid merged over each client's
    session rows. The price is paid once, on the package's first row: Sarah 400 and Mark
    220 bought; Zoe's single session was not paid; the other sessions are visits."""
    rows = [["Client", "Package", "Price", "Paid", "Session date", "Session"],
            ["Sarah Lee", "10-pack", 400, "✓", "2024-01-08", "session 1 of 10"],
            [None, None, None, None, "2024-01-15", "session 2 of 10"],
            [None, None, None, None, "2024-01-22", "session 3 of 10"],
            ["Mark Tan", "5-pack", 220, "✓", "2024-01-10", "session 1 of 5"],
            [None, None, None, None, "2024-01-17", "session 2 of 5"],
            ["Zoe Quinn", "single", 50, "❌", "2024-01-12", "session 1 of 1"]]

    def merge(book) -> None:
        for column in "ABCD":
            book["Sessions"].merge_cells(f"{column}2:{column}4")
            book["Sessions"].merge_cells(f"{column}5:{column}6")
    path = tmp_path / "sessions.xlsx"
    path.write_bytes(xlsx_bytes({"Sessions": rows}, build=merge))
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    assert "2 rows marked paid in 'Paid' were read as purchases." in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 620.0)
    assert workspace_rows(tmp_path, "SELECT name, purchase_count FROM clients ORDER BY name"
                          ) == [("Mark Tan", 1), ("Sarah Lee", 1), ("Zoe Quinn", 0)]


def test_a_paid_column_of_ticks_and_blanks(tmp_path):
    """Ticks for the paid invoices, nothing for the others: the blanks were not paid."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Invoice no,Date,Client,Amount,Paid\n"
        "INV-1,2024-01-01,Ann Lee,500,✓\n"
        "INV-2,2024-01-02,Bob Ray,300,\n"
        "INV-3,2024-01-03,Cat Poe,200,✓\n"
        "INV-4,2024-01-04,Dan Fry,250,\n"))
    assert ("2 rows left blank in 'Paid', where the others are ticked, were read as "
            "contacts, not sales.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 700.0)


def test_mixed_statuses_that_settle_otherwise_are_asked_about(tmp_path):
    """'Completed - refunded' and 'Quote - accepted' say two things: they are listed as
    statuses Journey does not know, never read by their first word alone."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Job,Date,Client,Total,Status\n"
        "J1,2024-01-01,Ann Lee,150,Paid\n"
        "J2,2024-01-02,Bob Ray,5600,Completed - refunded\n"
        "J3,2024-01-03,Cat Poe,2400,Quote - accepted\n"
        "J4,2024-01-04,Dan Fry,300,Lost - price\n"))
    said = " ".join(found["notes"])
    assert "'Completed - refunded' (1)" in said and "'Quote - accepted' (1)" in said


def test_a_class_price_merged_over_its_members_is_each_members(tmp_path):
    """A studio merged one class's price over its three members: each paid it."""
    rows = [["Date", "Member", "Class", "Price", "Paid"],
            ["2024-01-08", "Ann", "Yoga", 15, "Y"], ["2024-01-08", "Bob", None, None, "Y"],
            ["2024-01-08", "Cat", None, None, "Y"], ["2024-01-09", "Dan", "Pilates", 20, "Y"],
            ["2024-01-09", "Eve", None, None, "N"]]

    def merge(book) -> None:
        book["Classes"].merge_cells("C2:C4")
        book["Classes"].merge_cells("D2:D4")
        book["Classes"].merge_cells("C5:C6")
        book["Classes"].merge_cells("D5:D6")
    path = tmp_path / "classes.xlsx"
    path.write_bytes(xlsx_bytes({"Classes": rows}, build=merge))
    cli_json(tmp_path, "import", str(path))
    assert kind_totals(tmp_path, "purchase") == (4, 65.0)           # 15 x 3 + 20
