"""Shop and invoice exports Journey had not seen: Squarespace Commerce orders, Wix Stores
orders, BigCommerce orders, Amazon's All Orders report, eBay's orders report, FreshBooks
invoices, and Wave / Zoho Invoice / Zoho Books invoice lists. Each is a hand-made file
with the export's own headers and value words, with variants (UK dates, refunds,
cancelled, void, draft and unpaid rows, a repeat customer on a later day, an order's
line items), imported through the command a user runs (``python -m journey import FILE
--workspace W --json``, then ``funnel``, in-process). Each test's docstring works the
answer out by hand; funnels are in stage order: awareness, consideration, purchase,
retention, advocacy (a client counts at every stage up to the furthest it reached).
"""

from __future__ import annotations

import pytest

from conftest import cli_funnel as funnel
from conftest import cli_import_text as import_text
from conftest import kind_totals as money
from conftest import workspace_rows as rows
from journey.ingest.profiles import recognise


def stages(tmp_path) -> dict[str, str]:
    return dict(rows(tmp_path, "SELECT client_id, furthest_stage FROM clients"))


# --- Squarespace Commerce ------------------------------------------------------------

SQUARESPACE = """\
Order ID,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Discount Code,Discount Amount,Shipping Method,Taxes,Total,Refunded Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Lineitem variant,Lineitem requires shipping,Lineitem taxable,Billing Name,Billing City,Billing Country,Cancelled at,Private Notes,Payment Method,Payment Reference,Channel Type,Channel Name
00101,ann@archer.com,PAID,2024-03-05 10:12:33 -0500,FULFILLED,2024-03-06 09:00:00 -0500,USD,44.00,5.00,,0.00,Flat Rate,0.00,49.00,0.00,2024-03-05 10:12:33 -0500,2,Stoneware Mug,12.00,SQ-MUG,Blue,true,true,Ann Archer,Boston,US,,,Stripe,ch_1,Web,Squarespace
00101,ann@archer.com,PAID,2024-03-05 10:12:33 -0500,FULFILLED,2024-03-06 09:00:00 -0500,USD,44.00,5.00,,0.00,Flat Rate,0.00,49.00,0.00,2024-03-05 10:12:33 -0500,1,Canvas Tote,20.00,SQ-TOTE,,true,true,Ann Archer,Boston,US,,,Stripe,ch_1,Web,Squarespace
00102,bob@baker.com,PAID,2024-03-06 11:00:00 -0500,FULFILLED,2024-03-07 09:00:00 -0500,USD,25.00,5.00,,0.00,Flat Rate,0.00,30.00,0.00,2024-03-06 11:00:00 -0500,1,Linen Napkins,25.00,SQ-NAP,,true,true,Bob Baker,Austin,US,,,PayPal,pp_2,Web,Squarespace
00104,cara@cole.com,REFUNDED,2024-03-20 15:30:00 -0500,FULFILLED,2024-03-21 09:00:00 -0500,USD,35.00,5.00,,0.00,Flat Rate,0.00,40.00,40.00,2024-03-20 15:30:00 -0500,1,Candle Set,35.00,SQ-CAN,,true,true,Cara Cole,Denver,US,,,Stripe,ch_4,Web,Squarespace
00105,dan@dunn.com,PENDING,,PENDING,,USD,55.00,5.00,,0.00,Flat Rate,0.00,60.00,0.00,2024-03-22 08:00:00 -0500,1,Wool Throw,55.00,SQ-THR,,true,true,Dan Dunn,Miami,US,,,Invoice,,Web,Squarespace
00106,eve@evans.com,PENDING,,CANCELED,,USD,20.00,5.00,,0.00,Flat Rate,0.00,25.00,0.00,2024-03-23 08:00:00 -0500,1,Canvas Tote,20.00,SQ-TOTE,,true,true,Eve Evans,Reno,US,2024-03-24 10:00:00 -0500,,Invoice,,Web,Squarespace
00107,fay@ford.com,PARTIALLY_REFUNDED,2024-03-25 12:00:00 -0500,FULFILLED,2024-03-26 12:00:00 -0500,USD,80.00,0.00,SPRING10,8.00,Pickup,8.00,80.00,20.00,2024-03-25 12:00:00 -0500,2,Ceramic Bowl,40.00,SQ-BWL,,true,true,Fay Ford,Salem,US,,,Stripe,ch_7,Web,Squarespace
00103,ANN@archer.com,PAID,2024-04-10 09:45:00 -0400,FULFILLED,2024-04-11 09:00:00 -0400,USD,20.00,5.00,,0.00,Flat Rate,0.00,25.00,0.00,2024-04-10 09:45:00 -0400,1,Canvas Tote,20.00,SQ-TOTE,,true,true,Ann Archer,Boston,US,,,Stripe,ch_3,Web,Squarespace
"""


def test_squarespace_orders(tmp_path):
    """Ann's order 00101 is two lines (one $49 order) and she bought again on 10 April
    (00103, her e-mail in capitals): retention. Bob paid $30; Cara paid $40, refunded in
    full; Fay paid $80, $20 of it refunded; Dan's order is PENDING (a contact); Eve's was
    CANCELED before she paid (a cancellation, no purchase). 6 clients, 4 bought, 1 came
    back; 5 purchases worth $224; 2 refunds worth $60; 1 cancellation."""
    found = import_text(tmp_path, "orders.csv", SQUARESPACE)
    assert found["recognised_as"] == "squarespace_orders"
    assert found["explanation"] == (
        "Recognised as a Squarespace orders export: 7 orders (from 8 lines); 5 paid orders "
        "counted as purchases from 4 customers matched by e-mail (case ignored); 2 refunded "
        "(a refund beside the purchase); 1 cancelled order kept as cancellations, not "
        "purchases; 1 unpaid order kept as contacts, not purchases.")
    assert funnel(tmp_path) == [6, 4, 4, 1, 0]
    assert money(tmp_path, "purchase") == (5, 224.0)
    assert money(tmp_path, "refund") == (2, 60.0)
    assert money(tmp_path, "cancellation")[0] == 1
    assert stages(tmp_path)["ann@archer.com"] == "retention"
    assert stages(tmp_path)["eve@evans.com"] == "awareness"
    # Next month's export lists these orders again: nothing is counted twice.
    import_text(tmp_path, "orders again.csv", SQUARESPACE)
    assert money(tmp_path, "purchase") == (5, 224.0)
    assert money(tmp_path, "refund") == (2, 60.0)


# --- Wix Stores ------------------------------------------------------------------------

WIX = """\
Order number,Date created,Time,Billing customer,Billing company name,Contact email,Billing phone,Billing country,Delivery method,Payment method,Payment status,Fulfillment status,Item,Variant,SKU,Qty,Price,Discount,Shipping rate,Total tax,Total,Currency,Notes to seller
10001,05/03/2024,10:15:02,Ann Archer,,ann@archer.co.uk,+44 20 7946 0000,United Kingdom,Royal Mail,Card,Paid,Fulfilled,Soy Candle,Fig,WX-CAN,2,15.00,0.00,0.00,0.00,38.00,GBP,
10001,05/03/2024,10:15:02,Ann Archer,,ann@archer.co.uk,+44 20 7946 0000,United Kingdom,Royal Mail,Card,Paid,Fulfilled,Olive Soap,,WX-SOAP,1,8.00,0.00,0.00,0.00,38.00,GBP,
10002,13/03/2024,16:40:11,Bob Baker,,bob@baker.co.uk,,United Kingdom,Royal Mail,Bank transfer,Not paid,Not fulfilled,Soy Candle,Cedar,WX-CAN,1,15.00,0.00,7.00,0.00,22.00,GBP,
10003,18/03/2024,09:05:45,Cara Cole,Cole & Co,cara@cole.co.uk,,United Kingdom,Courier,Card,Refunded,Fulfilled,Gift Box,,WX-BOX,1,45.00,0.00,0.00,0.00,45.00,GBP,Please gift wrap
10005,22/03/2024,12:00:00,Dan Dunn,,dan@dunn.co.uk,,United Kingdom,Courier,PayPal,Partially refunded,Fulfilled,Diffuser,,WX-DIF,2,30.00,0.00,0.00,0.00,60.00,GBP,
10004,20/04/2024,18:22:10,Ann Archer,,Ann@Archer.co.uk,+44 20 7946 0000,United Kingdom,Royal Mail,Card,Paid,Not fulfilled,Soy Candle,Fig,WX-CAN,1,15.00,0.00,0.00,0.00,15.00,GBP,
"""


def test_wix_orders(tmp_path):
    """UK dates (13/03/2024 settles day first). Ann's order 10001 is two items with the
    order's Total (£38) on each row: one purchase of £38; she paid again on 20 April (£15):
    retention. Bob's order is Not paid (a contact); Cara's was Refunded (£45 purchase, £45
    refund); Dan's Partially refunded (£60 purchase, a refund whose amount the export does
    not give). 4 clients, 3 bought, 1 came back; 4 purchases worth £158; 2 refunds (£45
    known)."""
    found = import_text(tmp_path, "orders.csv", WIX)
    assert found["recognised_as"] == "wix_orders"
    assert found["explanation"] == (
        "Recognised as a Wix Stores orders export: 5 orders (from 6 lines); 4 paid orders "
        "counted as purchases from 3 customers matched by contact e-mail (case ignored); 2 "
        "refunded (a refund beside the purchase); 0 cancelled orders kept as cancellations, "
        "not purchases; 1 unpaid order kept as contacts, not purchases.")
    assert funnel(tmp_path) == [4, 3, 3, 1, 0]
    assert money(tmp_path, "purchase") == (4, 158.0)
    assert money(tmp_path, "refund") == (2, 45.0)
    assert rows(tmp_path, "SELECT order_id, substr(date, 1, 10) FROM events WHERE kind = "
                          "'purchase' AND client_id = 'ann@archer.co.uk' ORDER BY date") == [
        ("10001", "2024-03-05"), ("10004", "2024-04-20")]


# --- BigCommerce -----------------------------------------------------------------------

BIGCOMMERCE = """\
Order ID,Customer ID,Customer Name,Customer Email,Customer Phone,Order Date,Order Status,Subtotal (inc tax),Subtotal (ex tax),Tax Total,Shipping Cost (inc tax),Shipping Cost (ex tax),Order Total (inc tax),Order Total (ex tax),Payment Method,Total Quantity,Date Shipped,Order Currency Code,Refund Amount,Billing First Name,Billing Last Name,Billing Country,Product Details
100,1,Ann Archer,ann@archer.com.au,0400 000 001,15/03/2024,Completed,110.00,100.00,10.00,10.00,9.09,120.00,109.09,Credit Card,2,16/03/2024,AUD,0.00,Ann,Archer,Australia,"Product ID: 11, Product Qty: 2, Product Name: Tea Tin"
101,2,Bob Baker,bob@baker.com.au,,16/03/2024,Shipped,80.00,72.73,7.27,0.00,0.00,80.00,72.73,PayPal,1,17/03/2024,AUD,0.00,Bob,Baker,Australia,"Product ID: 12, Product Qty: 1, Product Name: Teapot"
102,3,Cara Cole,cara@cole.com.au,,17/03/2024,Awaiting Payment,55.00,50.00,5.00,0.00,0.00,55.00,50.00,Bank Deposit,1,,AUD,0.00,Cara,Cole,Australia,"Product ID: 13, Product Qty: 1, Product Name: Cups"
103,4,Dan Dunn,dan@dunn.com.au,,18/03/2024,Cancelled,70.00,63.64,6.36,0.00,0.00,70.00,63.64,Credit Card,1,,AUD,0.00,Dan,Dunn,Australia,"Product ID: 14, Product Qty: 1, Product Name: Kettle"
104,5,Eve Evans,eve@evans.com.au,,19/03/2024,Refunded,90.00,81.82,8.18,0.00,0.00,90.00,81.82,Credit Card,1,20/03/2024,AUD,90.00,Eve,Evans,Australia,"Product ID: 15, Product Qty: 1, Product Name: Tea Set"
105,6,Fay Ford,fay@ford.com.au,,20/03/2024,Declined,40.00,36.36,3.64,0.00,0.00,40.00,36.36,Credit Card,1,,AUD,0.00,Fay,Ford,Australia,"Product ID: 16, Product Qty: 1, Product Name: Strainer"
106,1,Ann Archer,ann@archer.com.au,0400 000 001,02/05/2024,Awaiting Fulfillment,60.00,54.55,5.45,0.00,0.00,60.00,54.55,Credit Card,1,,AUD,0.00,Ann,Archer,Australia,"Product ID: 11, Product Qty: 1, Product Name: Tea Tin"
107,0,Gus Green,gus@green.com.au,,03/05/2024,Completed,25.00,22.73,2.27,10.00,9.09,35.00,31.82,PayPal,1,04/05/2024,AUD,0.00,Gus,Green,Australia,"Product ID: 17, Product Qty: 1, Product Name: Honey"
108,2,Bob Baker,bob@baker.com.au,,21/05/2024,Partially Refunded,100.00,90.91,9.09,0.00,0.00,100.00,90.91,PayPal,2,22/05/2024,AUD,25.00,Bob,Baker,Australia,"Product ID: 12, Product Qty: 2, Product Name: Teapot"
"""


def test_bigcommerce_orders(tmp_path):
    """One row per order, UK dates. Paid: Ann's Completed $120 and, on 2 May, her Awaiting
    Fulfillment $60 (paid, not yet sent: retention); Bob's Shipped $80 and, on 21 May, his
    Partially Refunded $100 ($25 back: retention); Eve's Refunded $90 ($90 back); Gus's
    Completed $35 as a guest (Customer ID 0, by e-mail). Not paid: Cara's Awaiting Payment
    and Fay's Declined (contacts); Dan's Cancelled (a cancellation). 7 clients, 4 bought, 2
    came back; 6 purchases worth $485; 2 refunds worth $115; 1 cancellation."""
    found = import_text(tmp_path, "orders.csv", BIGCOMMERCE)
    assert found["recognised_as"] == "bigcommerce_orders"
    assert found["explanation"] == (
        "Recognised as a BigCommerce orders export: 9 orders; 6 paid orders counted as "
        "purchases from 4 customers matched by e-mail (case ignored), else customer ID; 2 "
        "refunded (a refund beside the purchase); 1 cancelled order kept as cancellations, "
        "not purchases; 2 unpaid orders kept as contacts, not purchases.")
    assert funnel(tmp_path) == [7, 4, 4, 2, 0]
    assert money(tmp_path, "purchase") == (6, 485.0)
    assert money(tmp_path, "refund") == (2, 115.0)
    assert money(tmp_path, "cancellation")[0] == 1
    assert rows(tmp_path, "SELECT substr(date, 1, 10) FROM events WHERE order_id = '106'") == [
        ("2024-05-02",)]


# --- Amazon Seller Central: All Orders -------------------------------------------------

AMAZON = "".join("\t".join(row) + "\n" for row in [
    ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel', 'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency', 'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax', 'item-promotion-discount', 'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country', 'promotion-ids', 'is-business-order', 'purchase-order-number', 'price-designation'],
    ['111-1000001-1000001', '', '2024-03-05T14:22:01+00:00', '2024-03-07T09:00:00+00:00', 'Shipped', 'Merchant', 'Amazon.com', '', '', 'Standard', 'Bamboo Cutting Board', 'BB-01', 'B000000001', 'Shipped', '1', 'USD', '19.99', '1.60', '4.99', '0.00', '', '', '', '', 'SEATTLE', 'WA', '98101', 'US', '', 'false', '', ''],
    ['111-1000001-1000001', '', '2024-03-05T14:22:01+00:00', '2024-03-07T09:00:00+00:00', 'Shipped', 'Merchant', 'Amazon.com', '', '', 'Standard', 'Olive Wood Spoon Set', 'SP-02', 'B000000002', 'Shipped', '2', 'USD', '30.00', '2.40', '0.00', '0.00', '', '', '', '', 'SEATTLE', 'WA', '98101', 'US', '', 'false', '', ''],
    ['111-1000002-1000002', '', '2024-03-06T08:10:00+00:00', '2024-03-08T09:00:00+00:00', 'Shipped', 'Amazon', 'Amazon.com', '', '', 'Expedited', 'Bamboo Cutting Board', 'BB-01', 'B000000001', 'Shipped', '1', 'USD', '25.00', '2.00', '0.00', '0.00', '', '', '', '', 'AUSTIN', 'TX', '78701', 'US', '', 'false', '', ''],
    ['111-1000003-1000003', '', '2024-03-07T19:45:12+00:00', '2024-03-08T10:00:00+00:00', 'Cancelled', 'Merchant', 'Amazon.com', '', '', 'Standard', 'Olive Wood Spoon Set', 'SP-02', 'B000000002', 'Cancelled', '1', 'USD', '', '', '', '', '', '', 'DENVER', 'CO', '80202', 'US', '', 'false', '', ''],
    ['111-1000004-1000004', '', '2024-03-08T07:00:00+00:00', '2024-03-08T07:05:00+00:00', 'Pending', 'Amazon', 'Amazon.com', '', '', 'Standard', 'Bamboo Cutting Board', 'BB-01', 'B000000001', 'Unshipped', '1', 'USD', '15.00', '', '', '', '', '', '', 'MIAMI', 'FL', '33101', 'US', '', 'false', '', ''],
    ['111-1000005-1000005', '', '2024-04-10T12:00:00+00:00', '2024-04-10T13:00:00+00:00', 'Unshipped', 'Merchant', 'Amazon.com', '', '', 'Standard', 'Olive Wood Spoon Set', 'SP-02', 'B000000002', 'Unshipped', '1', 'USD', '12.50', '1.00', '0.00', '0.00', '', '', '', '', 'SEATTLE', 'WA', '98101', 'US', '', 'false', '', ''],
])


def test_amazon_all_orders(tmp_path):
    """Amazon names no buyer, so there is no client: every order is an event without one
    (in purchases and revenue, not in the client funnel). Order ...001 is two items
    ($19.99 and $30.00 for two spoons): one $49.99 purchase; ...002 Shipped $25; ...005
    Unshipped (paid, not yet sent) $12.50; ...003 Cancelled; ...004 Pending (a contact).
    3 purchases worth $87.49, 1 cancellation, no clients."""
    found = import_text(tmp_path, "All Orders.txt", AMAZON)
    assert found["recognised_as"] == "amazon_orders"
    assert found["explanation"] == (
        "Recognised as an Amazon All Orders report: 5 orders (from 6 lines); 3 paid orders "
        "counted as purchases (the export names no buyer, so every order is kept without a "
        "client: orders count as events, in purchases and revenue, not as clients); 0 "
        "refunded (a refund beside the purchase); 1 cancelled order kept as cancellations, "
        "not purchases; 1 unpaid order kept as contacts, not purchases.")
    assert funnel(tmp_path) == [0, 0, 0, 0, 0]
    assert money(tmp_path, "purchase") == (3, 87.49)
    assert money(tmp_path, "cancellation")[0] == 1
    assert rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]
    assert rows(tmp_path, "SELECT COUNT(*) FROM events WHERE client_id IS NOT NULL") == [(0,)]


# --- eBay orders report ----------------------------------------------------------------

EBAY = """\
Orders report

Sales Record Number,Order Number,Buyer Username,Buyer Name,Buyer Email,Buyer Note,Buyer Address 1,Buyer City,Buyer State,Buyer Zip,Buyer Country,Item Number,Item Title,Custom Label,Quantity,Sold For,Shipping And Handling,Seller Collected Tax,eBay Collected Tax,Total Price,Payment Method,Sale Date,Paid On Date,Shipped On Date,Feedback Left,Feedback Received,Tracking Number,Transaction ID,Variation Details
1001,01-11111-11111,ann_uk,Ann Archer,a1b2c3d4@members.ebay.co.uk,,1 High St,London,,N1 1AA,United Kingdom,110000000001,Vintage Brass Lamp,LAMP-1,1,£20.00,£3.50,£0.00,£0.00,£23.50,eBay Managed Payments,Mar-05-24,Mar-05-24,Mar-06-24,Positive,,RM123,2000000001,
1002,02-22222-22222,bob_b,Bob Baker,e5f6a7b8@members.ebay.co.uk,,2 Low Rd,Leeds,,LS1 1AA,United Kingdom,,,,2,,£4.00,£0.00,£0.00,£44.00,eBay Managed Payments,Mar-06-24,Mar-06-24,Mar-07-24,,,RM456,,
1002,02-22222-22222,bob_b,,,,,,,,,110000000002,Brass Candlestick,CAND-1,1,£15.00,,,,,,,,,,,,2000000002,
1002,02-22222-22222,bob_b,,,,,,,,,110000000003,Copper Kettle,KETT-1,1,£25.00,,,,,,,,,,,,2000000003,
1003,03-33333-33333,cara_c,Cara Cole,c9d0e1f2@members.ebay.co.uk,,3 Mid Ln,York,,YO1 1AA,United Kingdom,110000000004,Pewter Tankard,TANK-1,1,£26.00,£4.00,£0.00,£0.00,£30.00,eBay Managed Payments,Mar-07-24,,,,,,2000000004,
1004,04-44444-44444,ann_uk,Ann Archer,a1b2c3d4@members.ebay.co.uk,,1 High St,London,,N1 1AA,United Kingdom,110000000005,Brass Door Knocker,KNOCK-1,1,£12.00,£0.00,£0.00,£0.00,£12.00,eBay Managed Payments,Apr-12-24,Apr-12-24,Apr-13-24,,,RM789,2000000005,

4 record(s) downloaded,from Mar-01-24 to Apr-30-24
Seller ID : vintage_shop_uk
"""


def test_ebay_orders(tmp_path):
    """A title row and a blank line above the header, a footer below. Buyers by username
    (eBay masks e-mails). ann_uk paid £23.50 on 5 March and £12 on 12 April (retention);
    bob_b's basket is an order row (Total Price £44) and two item rows: one £44 purchase;
    cara_c has no Paid On Date (a contact). 3 clients, 2 bought, 1 came back; 3 purchases
    worth £79.50; the footer's two rows are no orders."""
    found = import_text(tmp_path, "eBay-OrdersReport.csv", EBAY)
    assert found["recognised_as"] == "ebay_orders"
    assert found["explanation"] == (
        "Recognised as an eBay orders report: 4 orders (from 6 lines); 3 paid orders counted "
        "as purchases from 2 customers matched by buyer username; 0 refunded (a refund beside "
        "the purchase); 0 cancelled orders kept as cancellations, not purchases; 1 unpaid "
        "order kept as contacts, not purchases.")
    assert any("below the table (a footer) were not imported" in n for n in found["notes"])
    assert funnel(tmp_path) == [3, 2, 2, 1, 0]
    assert money(tmp_path, "purchase") == (3, 79.5)
    assert rows(tmp_path, "SELECT COUNT(*) FROM events") == [(4,)]
    assert stages(tmp_path) == {"ann_uk": "retention", "bob_b": "purchase",
                                "cara_c": "awareness"}


# --- FreshBooks, Wave, Zoho invoices ---------------------------------------------------

FRESHBOOKS = """\
Client Name,Invoice #,Date Issued,Invoice Status,Date Paid,Amount,Outstanding,Currency
Acme Ltd,0000001,2024-01-10,paid,2024-01-20,500.00,0.00,USD
Beta Co,0000002,2024-01-15,sent,,300.00,300.00,USD
Acme Ltd,0000003,2024-03-01,paid,2024-03-05,250.00,0.00,USD
Gamma LLC,0000004,2024-02-01,overdue,,400.00,400.00,USD
Delta Inc,0000005,2024-02-10,draft,,150.00,150.00,USD
Echo Studio,0000006,2024-02-12,partial,,600.00,200.00,USD
Beta Co,0000007,2024-02-20,viewed,,120.00,120.00,USD
"""
WAVE = """\
Invoice Number,Customer Name,Invoice Date,Due Date,Status,Currency,Total,Balance Due
INV-001,Acme Ltd,2024-01-05,2024-02-04,Paid,CAD,1000.00,0.00
INV-002,Beta Co,2024-01-10,2024-02-09,Sent,CAD,200.00,200.00
INV-003,Acme Ltd,2024-02-20,2024-03-21,Paid,CAD,300.00,0.00
INV-004,Gamma LLC,2024-02-01,2024-03-02,Overdue,CAD,450.00,450.00
INV-005,Delta Inc,2024-02-03,2024-03-04,Draft,CAD,120.00,120.00
INV-006,Echo Studio,2024-02-05,2024-03-06,Void,CAD,80.00,0.00
INV-007,Foxtrot Co,2024-02-06,2024-03-07,Partial,CAD,500.00,100.00
"""
ZOHO = """\
Invoice Date,Invoice ID,Invoice Number,Invoice Status,Customer ID,Customer Name,Due Date,Currency Code,Item Name,Item Desc,Quantity,Item Price,Item Total,SubTotal,Total,Balance
2024-03-01,5001,INV-000001,Paid,9001,Acme Ltd,2024-03-31,INR,Design,Logo design,1,100.00,100.00,150.00,150.00,0.00
2024-03-01,5001,INV-000001,Paid,9001,Acme Ltd,2024-03-31,INR,Hosting,Monthly hosting,1,50.00,50.00,150.00,150.00,0.00
2024-03-02,5002,INV-000002,Draft,9002,Beta Co,2024-04-01,INR,Design,Banner,1,75.00,75.00,75.00,75.00,75.00
2024-04-02,5003,INV-000003,Paid,9001,Acme Ltd,2024-05-02,INR,Design,Brochure,2,100.00,200.00,200.00,200.00,0.00
2024-03-05,5004,INV-000004,Overdue,9003,Gamma LLC,2024-04-04,INR,Hosting,Annual hosting,1,60.00,60.00,100.00,100.00,100.00
2024-03-05,5004,INV-000004,Overdue,9003,Gamma LLC,2024-04-04,INR,Support,Support hours,1,40.00,40.00,100.00,100.00,100.00
2024-03-06,5005,INV-000005,Void,9004,Delta Inc,2024-04-05,INR,Design,Icons,1,90.00,90.00,90.00,90.00,0.00
2024-03-07,5006,INV-000006,Partially Paid,9005,Echo Studio,2024-04-06,INR,Design,Website,1,300.00,300.00,300.00,300.00,100.00
"""


def test_freshbooks_invoices(tmp_path):
    """Acme paid $500 in January and $250 in March (retention); Echo Studio part-paid a
    $600 invoice, $200 outstanding (a purchase of the $400 paid: session 23, was its whole
    $600); Beta's sent and viewed invoices, Gamma's overdue one and Delta's draft were
    issued or written but not paid: contacts. 5 clients, 2 bought, 1 came back; 3
    purchases worth 500 + 250 + 400 = $1,150."""
    found = import_text(tmp_path, "invoices.csv", FRESHBOOKS)
    assert found["recognised_as"] == "freshbooks_invoices"
    assert found["explanation"] == (
        "Recognised as a FreshBooks invoices export: 7 invoices of 5 clients (by name, each "
        "total counted once); 3 paid or part-paid invoices counted as purchases, 0 void "
        "invoices as cancellations and 4 draft, sent or overdue invoices as contacts, not "
        "purchases. 1 invoice with part of its total still owed was read as a sale of what "
        "was paid (400.00 of 600.00).")
    assert funnel(tmp_path) == [5, 2, 2, 1, 0]
    assert money(tmp_path, "purchase") == (3, 1150.0)
    assert money(tmp_path, "contact")[0] == 4


def test_wave_invoices(tmp_path):
    """Acme paid $1,000 and later $300 (retention); Foxtrot part-paid $500, $100 due
    (Partial: a purchase of the $400 paid; session 23, was $500); Beta's Sent, Gamma's
    Overdue and Delta's Draft are contacts; Echo's Void a cancellation. 6 clients, 2
    bought, 1 came back; 3 purchases worth 1,000 + 300 + 400 = $1,700."""
    found = import_text(tmp_path, "invoices.csv", WAVE)
    assert found["recognised_as"] == "invoice_list"
    assert funnel(tmp_path) == [6, 2, 2, 1, 0]
    assert money(tmp_path, "purchase") == (3, 1700.0)
    assert money(tmp_path, "cancellation")[0] == 1
    assert money(tmp_path, "contact")[0] == 3


def test_zoho_invoices_lines(tmp_path):
    """Zoho's export is one row per line, the invoice's Total on each: INV-000001 (two
    lines) is one ₹150 purchase; Acme paid ₹200 a month later (retention); Echo's Partially
    Paid ₹300, Balance ₹100, a purchase of the ₹200 paid (session 23, was ₹300); Beta's
    Draft and Gamma's Overdue (two lines) contacts; Delta's Void a cancellation. 5
    clients, 2 bought, 1 came back; 3 purchases worth 150 + 200 + 200 = ₹550."""
    found = import_text(tmp_path, "Invoice.csv", ZOHO)
    assert found["recognised_as"] == "invoice_list"
    assert found["explanation"] == (
        "Recognised as an invoices export (Wave, Zoho Invoice, Zoho Books): 6 invoices (from "
        "8 lines) of 5 clients (by name, each total counted once); 3 paid or part-paid "
        "invoices counted as purchases, 1 void invoice as cancellations and 2 draft, sent or "
        "overdue invoices as contacts, not purchases. 1 invoice with part of its total still "
        "owed was read as a sale of what was paid (200.00 of 300.00).")
    assert funnel(tmp_path) == [5, 2, 2, 1, 0]
    assert money(tmp_path, "purchase") == (3, 550.0)
    assert money(tmp_path, "cancellation")[0] == 1


@pytest.mark.parametrize("text, name", [
    (SQUARESPACE, "squarespace_orders"), (WIX, "wix_orders"),
    (BIGCOMMERCE, "bigcommerce_orders"), (AMAZON, "amazon_orders"),
    (FRESHBOOKS, "freshbooks_invoices"), (WAVE, "invoice_list"), (ZOHO, "invoice_list")])
def test_each_export_is_its_own(text, name):
    """Each file is recognised as its own export, from its header row alone."""
    header = text.splitlines()[0]
    assert recognise(header.split("\t" if "\t" in header else ",")).name == name
