"""Accounting exports whose part payments, credit notes and failed payments were misread
(session 23, E). Each export is written as the service writes it, goes through the command
line and is checked against figures worked out by hand; beside them, sheets where the
mends must not fire.

- FreshBooks invoices (Invoice Status partial, Paid, Outstanding): a part-paid invoice is
  a sale of what was paid (was its whole amount).
- Zoho Invoice/Books (Invoice Status, Total, Balance): a part-paid invoice is a sale of
  what was paid; a credit note (CN-00001, a negative Total) is a refund, never a sale.
- QuickBooks' Invoice List (Transaction type, Amount, Open balance, Status): a
  "Partially paid" invoice is a sale of its amount less its open balance.
- A payments list (Payment Id, Customer Name, Amount, Status) is payments, not a client
  list: a Failed or Authorized payment is no revenue.
- Must not fire: a shop's orders with "Amount Paid" after a coupon and a type column; a
  shop's orders with nothing owed; a payments export whose refunds are already refunds.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

_SALES = "SELECT SUM(purchase_count), ROUND(SUM(revenue_events), 2) FROM clients"


def test_freshbooks_part_paid_invoice_is_a_sale_of_what_was_paid(tmp_path):
    """Ann paid 200 and 120; Bob's 400 is 'partial' with 100 paid (Outstanding 300): a sale
    of 100. Cal sent, Dee overdue, Eve draft: contacts. Sales 3, revenue 200 + 100 + 120 =
    420 (was 720, Bob's whole 400); funnel [5, 2, 2, 1, 0] (Ann bought twice)."""
    found = cli_import_text(tmp_path, "invoice_details.csv", (
        "Client Name,Invoice #,Date Issued,Invoice Status,Amount,Paid,Outstanding\n"
        "Ann Fox,0001,2025-03-01,paid,200.00,200.00,0.00\n"
        "Bob King,0002,2025-03-05,partial,400.00,100.00,300.00\n"
        "Cal Moss,0003,2025-03-09,sent,150.00,0.00,150.00\n"
        "Dee Ward,0004,2025-03-10,overdue,90.00,0.00,90.00\n"
        "Eve Long,0005,2025-03-11,draft,60.00,0.00,60.00\n"
        "Ann Fox,0006,2025-04-01,paid,120.00,120.00,0.00\n"))
    assert found["recognised_as"] == "freshbooks_invoices"
    assert ("1 invoice with part of its total still owed was read as a sale of what was paid "
            "(100.00 of 400.00).") in found["explanation"]
    assert workspace_rows(tmp_path, _SALES) == [(3, 420.0)]
    assert cli_funnel(tmp_path) == [5, 2, 2, 1, 0]


def test_zoho_credit_note_is_a_refund_and_part_paid_a_sale_of_what_was_paid(tmp_path):
    """Ann paid 300; Bob's 600 'Partially Paid' with 200 left: a sale of 400. CN-00001, -50
    'Closed' for Ann: a refund of 50, not a second purchase (Ann was counted as a repeat
    customer). Cal overdue and Eve draft: contacts; Dee's void: a cancellation. Sales 2,
    revenue 700 (was 3 and 850), refund 1 of 50; funnel [5, 2, 2, 0, 0] (was retention 1)."""
    found = cli_import_text(tmp_path, "Invoice.csv", (
        "Invoice Date,Invoice Number,Customer Name,Invoice Status,Total,Balance\n"
        "2025-03-01,INV-000001,Ann Fox,Paid,300.00,0.00\n"
        "2025-03-04,INV-000002,Bob King,Partially Paid,600.00,200.00\n"
        "2025-03-08,INV-000003,Cal Moss,Overdue,120.00,120.00\n"
        "2025-03-09,CN-00001,Ann Fox,Closed,-50.00,0.00\n"
        "2025-03-10,INV-000004,Dee Ward,Void,80.00,0.00\n"
        "2025-03-12,INV-000005,Eve Long,Draft,70.00,70.00\n"))
    assert found["recognised_as"] == "invoice_list"
    assert "1 credit note (a negative total) was read as a refund of 50.00, not as a sale." in (
        found["explanation"])
    assert workspace_rows(tmp_path, _SALES) == [(2, 700.0)]
    assert kind_totals(tmp_path, "refund") == (1, 50.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 80.0)
    assert cli_funnel(tmp_path) == [5, 2, 2, 0, 0]


def test_quickbooks_partially_paid_invoice_is_a_sale_of_amount_less_open_balance(tmp_path):
    """Ann paid 500; Bob's 800 'Partially paid' with 300 open: a sale of 500 (was 800). The
    credit memo of -100 stays a refund; Cal open and Dee overdue contacts, Eve's voided a
    cancellation. Sales 2, revenue 1,000 (was 1,300); funnel [5, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "Invoice List.csv", (
        "Date,Transaction type,No.,Customer,Amount,Open balance,Status\n"
        "03/01/2025,Invoice,1001,Ann Fox,500.00,0.00,Paid\n"
        "03/05/2025,Invoice,1002,Bob King,800.00,300.00,Partially paid\n"
        "03/09/2025,Credit Memo,1003,Ann Fox,-100.00,0.00,Closed\n"
        "03/12/2025,Invoice,1004,Cal Moss,250.00,250.00,Open\n"
        "03/14/2025,Invoice,1005,Dee Ward,150.00,150.00,Overdue\n"
        "03/15/2025,Invoice,1006,Eve Long,90.00,0.00,Voided\n"))
    assert ("1 invoice said Partially paid with part of its amount still owed in 'Open "
            "balance' was read as a sale of what was paid (500.00 of 800.00).") in found["notes"]
    assert workspace_rows(tmp_path, _SALES) == [(2, 1000.0)]
    assert kind_totals(tmp_path, "refund") == (1, 100.0)
    assert cli_funnel(tmp_path) == [5, 2, 2, 0, 0]


def test_a_payments_list_is_payments_and_a_failed_one_no_revenue(tmp_path):
    """Each row a payment (Payment Id), one per customer (was read as a client list, 6,550
    of revenue with the failed 2,000 and 300 in it). Captured: Rahul 1,500, Sunil 650;
    Refunded: Priya 900, a purchase with a refund of 900; Failed (Amit, Meera) and
    Authorized (Kiran, not captured): contacts. Sales 3, revenue 3,050; funnel
    [6, 3, 3, 0, 0] (was [6, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "payments.csv", (
        "Payment Id,Customer Name,Customer Email,Amount,Status\n"
        "pay_1,Rahul Mehta,rahul@mail.in,1500,Captured\n"
        "pay_2,Amit Shah,amit@mail.in,2000,Failed\n"
        "pay_3,Priya Nair,priya@mail.in,900,Refunded\n"
        "pay_4,Kiran Das,kiran@mail.in,1200,Authorized\n"
        "pay_5,Sunil Rao,sunil@mail.in,650,Captured\n"
        "pay_6,Meera Iyer,meera@mail.in,300,Failed\n"))
    assert found["kind"] == "events"
    assert found["mapping"]["Payment Id"] == "order_id"
    assert workspace_rows(tmp_path, _SALES) == [(3, 3050.0)]
    assert kind_totals(tmp_path, "refund") == (1, 900.0)
    assert kind_totals(tmp_path, "contact") == (3, 3500.0)
    assert cli_funnel(tmp_path) == [6, 3, 3, 0, 0]


def test_two_payments_credit_and_failed(tmp_path):
    """The review's two rows: Rahul's 1,500 'Credit' (paid in) a purchase, Amit's failed
    2,000 a contact: revenue 1,500 (was a client list with 2,000 of Amit's revenue)."""
    cli_import_text(tmp_path, "payments.csv", (
        "Payment Id,Customer Name,Customer Email,Amount,Status\n"
        "pay_1,Rahul Mehta,rahul@mail.in,1500,Credit\n"
        "pay_2,Amit Shah,amit@mail.in,2000,Failed\n"))
    assert workspace_rows(tmp_path, _SALES) == [(1, 1500.0)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE revenue_current > 0"
                          ) == [(0,)]


# --- where the mends must not fire -------------------------------------------------------

def test_shop_orders_with_a_type_and_amount_paid_after_a_coupon_unchanged(tmp_path):
    """Orders with a type column (Sale, Refund) and no balance column: the type-column rule
    needs a balance, so the sheet reads as before: what was paid in 'Amount Paid' (40 + 80
    + 45 = 165), Ann's -10 a refund; funnel [3, 3, 3, 0, 0]."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Type,Customer,Email,Date,Total,Amount Paid,Status\n"
        "1001,Sale,Ann Fox,ann@fox.com,2025-03-01,50.00,40.00,Paid\n"
        "1002,Sale,Bob King,bob@king.com,2025-03-02,80.00,80.00,Paid\n"
        "1003,Sale,Cal Moss,cal@moss.com,2025-03-03,60.00,45.00,Partially paid\n"
        "1004,Refund,Ann Fox,ann@fox.com,2025-03-04,-10.00,-10.00,Refunded\n"))
    assert workspace_rows(tmp_path, _SALES) == [(3, 165.0)]
    assert kind_totals(tmp_path, "refund") == (1, 10.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_invoice_list_paid_less_than_total_with_nothing_owed_is_no_part(tmp_path):
    """A Zoho-style list whose 'Paid' is under the Total with a Balance of 0 (a discount
    taken at payment): nothing is owed, so the invoice stays a sale of its Total (250 +
    100 = 350), not of what was paid."""
    found = cli_import_text(tmp_path, "Invoice.csv", (
        "Invoice Date,Invoice Number,Customer Name,Invoice Status,Total,Paid,Balance\n"
        "2025-03-01,INV-000001,Ann Fox,Paid,250.00,225.00,0.00\n"
        "2025-03-04,INV-000002,Bob King,Paid,100.00,100.00,0.00\n"))
    assert found["recognised_as"] == "invoice_list"
    assert "part of" not in found["explanation"]
    assert workspace_rows(tmp_path, _SALES) == [(2, 350.0)]


def test_payments_with_refund_rows_already_refunds_unchanged(tmp_path):
    """A payments export with a Type column whose refund rows are negative: already read as
    refunds (Priya's -900), the failed 2,000 a contact: sales 2, revenue 2,400, refund 900,
    as before the Payment ID was read as the order."""
    cli_import_text(tmp_path, "payments.csv", (
        "Payment ID,Customer Name,Customer Email,Date,Type,Amount,Status\n"
        "pay_1,Rahul Mehta,rahul@mail.in,2025-03-01,Payment,1500,Captured\n"
        "pay_2,Priya Nair,priya@mail.in,2025-03-02,Payment,900,Captured\n"
        "pay_3,Priya Nair,priya@mail.in,2025-03-05,Refund,-900,Processed\n"
        "pay_4,Amit Shah,amit@mail.in,2025-03-06,Payment,2000,Failed\n"))
    assert workspace_rows(tmp_path, _SALES) == [(2, 2400.0)]
    assert kind_totals(tmp_path, "refund") == (1, 900.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
