"""Two misreadings the review of 6 December left alone, mended: a sale's own date beats
the date the work was done, and a quiz's marks out of 10 are no NPS answers. Hand-worked
figures in each docstring, through the command line."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, workspace_rows


def test_the_invoice_date_dates_the_sale_not_the_service_date(tmp_path):
    """Invoices with both dates: INV-1 invoiced 1 March for work done 15 April, INV-2
    invoiced 5 March for work done 2 March. Each sale is dated when invoiced: 2026-03-01
    and 2026-03-05 (before: 2026-04-15 and 2026-03-02, the service dates)."""
    cli_import_text(tmp_path, "invoices.csv", "Invoice No,Invoice Date,Service Date,Customer,"
                                              "Amount\nINV-1,2026-03-01,2026-04-15,Ann Lee,100\n"
                                              "INV-2,2026-03-05,2026-03-02,Bob Ray,50\n")
    assert workspace_rows(tmp_path, "SELECT substr(date, 1, 10), kind, amount FROM events "
                                    "ORDER BY date") == [("2026-03-01", "purchase", 100.0),
                                                         ("2026-03-05", "purchase", 50.0)]


def test_a_payment_date_beside_the_sale_date_does_not_date_it(tmp_path):
    """A sale on 2 Feb paid on 20 Feb is dated 2 Feb; a sheet with only a payment date is
    dated by it (Ann 2026-02-20)."""
    cli_import_text(tmp_path, "sales.csv", "Sale Date,Payment Date,Client,Total\n"
                                           "2026-02-02,2026-02-20,Ann Lee,80\n")
    cli_import_text(tmp_path, "payments.csv", "Payment Date,Client,Total\n"
                                              "2026-03-09,Bob Ray,40\n")
    assert workspace_rows(tmp_path, "SELECT substr(date, 1, 10), amount FROM events "
                                    "ORDER BY date") == [("2026-02-02", 80.0),
                                                         ("2026-03-09", 40.0)]


QUIZ = "Name,Email,Score\nAnn,ann@x.com,9\nBob,bob@x.com,10\nCy,cy@x.com,4\n"


def test_a_quizs_marks_out_of_ten_are_no_nps_answers(tmp_path):
    """A tutor's quiz_results.csv (Name, Email, Score 9, 10, 4): three students, none an
    advocate; the same sheet called feedback.csv is an NPS survey: 2 promoters (9, 10)
    at advocacy."""
    cli_import_text(tmp_path, "quiz_results.csv", QUIZ)
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]
    other = tmp_path / "feedback"
    other.mkdir()
    cli_import_text(other, "feedback.csv", QUIZ)
    assert cli_funnel(other) == [3, 2, 2, 2, 2]


def test_a_list_of_fees_with_no_stage_makes_its_payers_customers(tmp_path):
    """An agency's retainers (Client, Service, Start Date, Monthly Fee: 300, 150, 0): the
    two paying a fee are customers, the one at 0 is not: funnel [3, 2, 2, 0, 0] (before:
    [3, 0, 0, 0, 0], everyone at awareness). A later list of the same fees does not lower
    a stage stored since: Ann, at retention from the tracker, stays there."""
    cli_import_text(tmp_path, "retainers.csv", "Client,Service,Start Date,Monthly Fee\n"
                                               "Ann Lee,Bookkeeping,2025-01-10,300\n"
                                               "Bob Ray,Payroll,2025-03-01,150\n"
                                               "Cy Tan,Tax return,2025-04-15,0\n")
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
    cli_import_text(tmp_path, "tracker.csv", "Client,Stage\nAnn Lee,Repeat\n")
    cli_import_text(tmp_path, "fees.csv", "Client,Monthly Fee\nAnn Lee,320\nCy Tan,0\n")
    assert workspace_rows(tmp_path, "SELECT name, stage, revenue_current FROM clients "
                                    "ORDER BY name") == [
        ("Ann Lee", "retention", 320.0), ("Bob Ray", "purchase", 150.0), ("Cy Tan", None, 0.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_the_amount_with_tax_is_the_amount_beside_the_one_without(tmp_path):
    """Sales with 'Amount ex VAT' 100, 200 and 'Amount inc VAT' 120, 240: 2 sales of 360
    (what the clients paid); a French 'Price HT, TVA, Price TTC' the same: 360. Before:
    neither column was read, and no sale had an amount."""
    cli_import_text(tmp_path, "sales.csv", "Date,Client,Item,Amount ex VAT,Amount inc VAT\n"
                                           "2024-03-01,Ada,Logo,100,120\n"
                                           "2024-03-02,Bolt,Site,200,240\n")
    assert workspace_rows(tmp_path, "SELECT kind, COUNT(*), SUM(amount) FROM events "
                                    "GROUP BY kind") == [("purchase", 2, 360.0)]
    french = tmp_path / "fr"
    french.mkdir()
    cli_import_text(french, "ventes.csv", "Date,Client,Item,Price HT,TVA,Price TTC\n"
                                          "2024-03-01,Ada,Logo,100,20,120\n"
                                          "2024-03-02,Bolt,Site,200,40,240\n")
    assert workspace_rows(french, "SELECT kind, COUNT(*), SUM(amount) FROM events "
                                  "GROUP BY kind") == [("purchase", 2, 360.0)]
