"""Session 23, the lead's reviews of the day's merges, each through the command line:

- A file named as invoices ("Invoices.csv", "Facturen.csv") whose rows each name their
  order ("Order") is a list of invoices: its "Sent" / "Verzonden" is an invoice sent and not
  paid (a contact). Only where the headers name both the order and the invoice
  ("Bestelnummer" and "Factuurnummer") is a sent order shipped, a sale (B's rule had read
  every sent word on the first kind as a sale: test_review2_s13 failed).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, workspace_rows

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"


def test_an_invoice_file_naming_each_order_keeps_sent_unpaid(tmp_path):
    """Verzonden 40 is sent, not paid: 1 contact of 40; Betaald 25 is 1 sale: [2, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "Facturen.csv", (
        "Order,Customer,Email,Date,Total,Status\n"
        "1001,Ann Lee,ann@lee.co,2024-03-01,40.00,Verzonden\n"
        "1002,Ben Roe,ben@roe.co,2024-03-02,25.00,Betaald\n"))
    assert workspace_rows(tmp_path, KINDS) == [("contact", 1, 40.0), ("purchase", 1, 25.0)]
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_orders_numbering_their_invoices_are_shipped_when_sent(tmp_path):
    """The same rows with the order's and the invoice's numbers: a shop's orders, each
    billed; Verzonden is shipped: 2 sales of 65, [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "bestellingen.csv", (
        "Bestelnummer,Factuurnummer,Klant,Datum,Totaal,Status\n"
        "1001,F-1,Ann Lee,2024-03-01,40.00,Verzonden\n"
        "1002,F-2,Ben Roe,2024-03-02,25.00,Betaald\n"))
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 2, 65.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
