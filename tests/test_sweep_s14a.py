"""Exports from a fourteenth-session sweep of tools nobody had tried, whose import gave
wrong figures. Hand-worked figures, through the command line (cumulative funnel:
awareness, consideration, purchase, retention, advocacy).

- Teachable transactions: "Final Price" (what was paid after a coupon) is the amount, not
  the list "Price": 6 purchases of 461.50 (97 + 48.50 + 150 + 97 + 29 + 40; was 510).
  Payhip sales: "Amount Paid", not "Price": 5 purchases of 27.14, refund 7.14 (was 26, 6).
- MemberPress transactions: "total" is "amount" + "tax_amount": 4 purchases of 205.80, the
  refund 118.80 (was 186 and 99); the client is "Alice Wren", not her login "alice".
- Zuora invoices: "Invoice: Balance" says what is still owed: Birch's posted invoice of
  600 is unpaid (a contact), Cedar's of 300 part paid (a sale of 200): 3 purchases of
  2,600, [4, 2, 2, 1, 0] (was 4 of 3,300, [4, 3, 3, 1, 0]).
- Harvest invoices: Echo's "Closed" with 0 paid is no sale: 3 purchases of 4,500,
  [5, 2, 2, 1, 0] (was 4 of 5,700).
- FreeAgent invoices: "Paid Value" of an "Open" invoice is what was paid: Tide's 200 of
  500 is a sale: 4 purchases of 3,000, [7, 3, 3, 1, 0] (was 3 of 2,800).
- Paddle transactions: "billed" is an invoice issued, not paid: 4 purchases of 114.60,
  [5, 3, 3, 1, 0] (was 5 of 614.60).
- FastSpring orders: "Order Reference" numbers the order: two lines of one order are one
  sale: 4 purchases of 217.65 (was 5).
- Kit subscribers: "state" (active, cancelled, bounced) is the status, not a region.
- Beehiiv subscribers: a "premium" subscription_tier beside "free" ones pays: [8, 3, 3, 2, 2]
  (was [8, 2, 2, 2, 2]).
- Skool members: "Invited By" naming a member of the list is a referral of theirs: Ana
  invited two: [6, 4, 4, 1, 1] (was [6, 4, 4, 0, 0]).
- Baremetrics customers: "Trialing" is a client considering: [5, 5, 4, 0, 0] (was
  [5, 4, 4, 0, 0]).
- Outseta accounts: "Lifetime Revenue" is what each account spent: [6, 4, 4, 0, 0] (was
  [6, 0, 0, 0, 0]).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


def names(tmp_path) -> list[str]:
    return [n for (n,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


TEACHABLE = (
    "Transaction ID,Sale ID,Purchased At,Student Name,Student Email,Product,Pricing Plan,"
    "Coupon,Offer Type,Currency,Price,Final Price,Tax,Earnings,Status,Refunded At,"
    "Amount Refunded,Gateway\n"
    "5001,9001,2024-01-08 14:02:33 UTC,Hana Sato,hana@sato.example,Watercolor Basics,"
    "One-time $97,,,USD,97.00,97.00,0.00,85.43,paid,,0.00,teachable:pay\n"
    "5002,9002,2024-01-15 09:12:00 UTC,Ivan Petrov,ivan@petrov.example,Watercolor Basics,"
    "One-time $97,HALF,,USD,97.00,48.50,0.00,41.82,paid,,0.00,teachable:pay\n"
    "5003,9003,2024-01-20 17:45:10 UTC,Hana Sato,hana@sato.example,1:1 Coaching Call,"
    "One-time $150,,upsell,USD,150.00,150.00,0.00,141.15,paid,,0.00,teachable:pay\n"
    "5004,9004,2024-02-02 10:00:00 UTC,Jo Kim,jo@kim.example,Watercolor Basics,One-time $97,"
    ",,USD,97.00,97.00,0.00,85.43,refunded,2024-02-05 08:00:00 UTC,97.00,teachable:pay\n"
    "5005,9005,2024-02-10 20:30:00 UTC,Lou Diaz,lou@diaz.example,Monthly Membership,"
    "EUR 29/month,,,EUR,29.00,29.00,0.00,25.10,paid,,0.00,teachable:pay\n"
    "5006,9006,2024-02-12 13:00:00 UTC,Mia Chen,mia@chen.example,Free Taster Lesson,Free,,,"
    "USD,0.00,0.00,0.00,0.00,paid,,0.00,\n"
    "5007,9007,2024-02-20 09:12:00 UTC,Ivan Petrov,ivan@petrov.example,Watercolor Basics,"
    "3 payments of $40,,,USD,40.00,40.00,0.00,35.90,paid,,0.00,teachable:pay\n")


PAYHIP = (
    "Transaction ID,Date,Product Name,Buyer Name,Buyer Email,Country,Currency,Price,"
    "Discount Code,Discount Amount,VAT Amount,Amount Paid,Payment Method,Refunded,Affiliate\n"
    "PH-8Kd2a,2024-03-04 14:22:10,Cozy Knits Pattern,Mel Hart,mel@hart.example,GB,GBP,6.00,,"
    "0.00,1.20,7.20,PayPal,No,\n"
    "PH-8Kd2b,2024-03-04 14:25:41,Winter Hat Pattern,Mel Hart,mel@hart.example,GB,GBP,4.00,,"
    "0.00,0.80,4.80,PayPal,No,\n"
    "PH-9Lm3c,2024-03-06 09:10:00,Cozy Knits Pattern,Noor Ali,noor@ali.example,US,USD,6.00,,"
    "0.00,0.00,6.00,Stripe,No,\n"
    "PH-9Lm3d,2024-03-07 18:00:00,Cozy Knits Pattern,Oto Berg,oto@berg.example,DE,EUR,6.00,,"
    "0.00,1.14,7.14,Stripe,Yes,\n"
    "PH-0Np4e,2024-03-10 11:00:00,Free Stitch Guide,Pia Lund,pia@lund.example,SE,USD,0.00,,"
    "0.00,0.00,0.00,Free,No,\n"
    "PH-1Qr5f,2024-03-20 08:30:00,Winter Hat Pattern,Noor Ali,noor@ali.example,US,USD,4.00,"
    "HALF,2.00,0.00,2.00,Stripe,No,knitwithkim\n")


MEMBERPRESS = (
    "id,amount,total,tax_amount,tax_rate,tax_desc,user_id,product_id,trans_num,status,"
    "txn_type,gateway,created_at,expires_at,subscription_id,username,email,first_name,"
    "last_name,membership\n"
    "1,29.00,29.00,0.00,0.000,,11,7,ch_1A,complete,payment,stripe,2024-01-05 09:00:00,"
    "2024-02-05 23:59:59,101,alice,alice@wren.example,Alice,Wren,Monthly Club\n"
    "2,29.00,29.00,0.00,0.000,,11,7,ch_1B,complete,payment,stripe,2024-02-05 09:00:00,"
    "2024-03-05 23:59:59,101,alice,alice@wren.example,Alice,Wren,Monthly Club\n"
    "3,0.00,0.00,0.00,0.000,,12,8,mp-txn-65a1,complete,payment,manual,2024-01-10 12:00:00,"
    "0000-00-00 00:00:00,0,bobby,bob@yates.example,Bob,Yates,Free Tier\n"
    "4,99.00,118.80,19.80,20.000,VAT,13,9,ch_1C,refunded,payment,stripe,2024-01-20 15:30:00,"
    "2025-01-20 23:59:59,0,cleo,cleo@zane.example,Cleo,Zane,Annual Pass\n"
    "5,29.00,29.00,0.00,0.000,,14,7,ch_1D,failed,payment,stripe,2024-02-01 10:00:00,"
    "2024-03-01 23:59:59,102,dan_b,dan@birch.example,Dan,Birch,Monthly Club\n"
    "6,29.00,29.00,0.00,0.000,,14,7,ch_1E,complete,payment,stripe,2024-02-03 10:05:00,"
    "2024-03-03 23:59:59,102,dan_b,dan@birch.example,Dan,Birch,Monthly Club\n"
    "7,29.00,29.00,0.00,0.000,,15,7,mp-txn-65b2,pending,payment,offline,2024-02-10 16:00:00,"
    "2024-03-10 23:59:59,103,eva,eva@cole.example,Eva,Cole,Monthly Club\n")


ZUORA = (
    "Invoice: Invoice Number,Invoice: Invoice Date,Invoice: Due Date,Invoice: Status,"
    "Invoice: Amount,Invoice: Amount Without Tax,Invoice: Tax Amount,Invoice: Balance,"
    "Account: Account Number,Account: Name,Account: Currency,Bill To: Work Email\n"
    "INV00000101,2024-01-01,2024-01-31,Posted,1200.00,1000.00,200.00,0.00,A00000001,"
    "Acme Ltd,GBP,ap@acme.example\n"
    "INV00000102,2024-02-01,2024-03-02,Posted,1200.00,1000.00,200.00,0.00,A00000001,"
    "Acme Ltd,GBP,ap@acme.example\n"
    "INV00000103,2024-01-15,2024-02-14,Posted,600.00,500.00,100.00,600.00,A00000002,"
    "Birch LLC,GBP,fin@birch.example\n"
    "INV00000104,2024-01-20,2024-02-19,Posted,300.00,250.00,50.00,100.00,A00000003,"
    "Cedar Co,GBP,bills@cedar.example\n"
    "INV00000105,2024-02-10,2024-03-11,Draft,450.00,375.00,75.00,450.00,A00000004,"
    "Delta Inc,GBP,ap@delta.example\n"
    "INV00000106,2024-02-12,2024-03-13,Canceled,800.00,666.67,133.33,0.00,A00000002,"
    "Birch LLC,GBP,fin@birch.example\n"
    "INV00000107,2024-02-15,2024-02-15,Posted,-100.00,-83.33,-16.67,0.00,A00000001,"
    "Acme Ltd,GBP,ap@acme.example\n")


HARVEST = (
    "Issue Date,Last Payment Date,ID,PO Number,Client,Subject,Currency,Invoice Amount,"
    "Paid Amount,Balance,Tax Amount,Discount Amount,Status\n"
    '01/05/2024,01/20/2024,1001,,Acme Co,January retainer,USD,"2,000.00","2,000.00",0.00,'
    "0.00,0.00,Paid\n"
    '02/05/2024,02/18/2024,1002,,Acme Co,February retainer,USD,"2,000.00","2,000.00",0.00,'
    "0.00,0.00,Paid\n"
    '02/10/2024,02/25/2024,1003,PO-77,Bolt Inc,Site audit,USD,"1,500.00",500.00,"1,000.00",'
    "0.00,0.00,Open\n"
    "02/15/2024,,1004,,Cove LLC,Logo design,USD,800.00,0.00,800.00,0.00,0.00,Open\n"
    "03/01/2024,,1005,,Dune Ltd,Discovery workshop,USD,600.00,0.00,600.00,0.00,0.00,Draft\n"
    '03/05/2024,,1006,,Echo GmbH,Translation,EUR,"1,200.00",0.00,"1,200.00",0.00,0.00,'
    "Closed\n")


FREEAGENT = (
    "Reference,Contact,Dated On,Due On,Status,Currency,Net Value,Sales Tax Value,Total Value,"
    "Paid Value,Due Value,Project,Comments\n"
    '001,Hart & Co,05/01/2024,04/02/2024,Paid,GBP,"1,000.00",200.00,"1,200.00","1,200.00",'
    "0.00,Website,\n"
    "002,Moss Ltd,12/01/2024,11/02/2024,Overdue,GBP,500.00,100.00,600.00,0.00,600.00,,\n"
    '003,Hart & Co,07/02/2024,08/03/2024,Paid,GBP,"1,000.00",200.00,"1,200.00","1,200.00",'
    "0.00,Website,\n"
    "004,Pine Cafe,14/02/2024,15/03/2024,Draft,GBP,250.00,50.00,300.00,0.00,300.00,,\n"
    "005,Quay Art,20/02/2024,21/03/2024,Cancelled,GBP,375.00,75.00,450.00,0.00,0.00,,\n"
    "006,Reed LLP,01/03/2024,31/03/2024,Open,GBP,200.00,40.00,240.00,0.00,240.00,,\n"
    "007,Moss Ltd,15/03/2024,14/04/2024,Paid,EUR,400.00,0.00,400.00,400.00,0.00,,"
    "Reverse charge\n"
    "008,Sage Ltd,18/03/2024,17/04/2024,Written off,GBP,125.00,25.00,150.00,0.00,0.00,,\n"
    "009,Tide Ltd,20/03/2024,19/04/2024,Open,GBP,416.67,83.33,500.00,200.00,300.00,,"
    "Deposit received\n")


PADDLE = (
    "id,invoice_number,status,origin,collection_mode,created_at,billed_at,customer_id,"
    "customer_email,customer_name,business_name,address_country_code,currency_code,subtotal,"
    "discount_total,tax,total,grand_total,fee,earnings,subscription_id,discount_code\n"
    "txn_01hv1a,325-10001,completed,web,automatic,2024-03-01T10:00:00.000Z,"
    "2024-03-01T10:00:05.000Z,ctm_01a,ann@voss.example,Ann Voss,,DE,EUR,20.00,0.00,3.80,"
    "23.80,23.80,1.69,22.11,sub_01a,\n"
    "txn_01hv1b,325-10002,completed,subscription_recurring,automatic,"
    "2024-04-01T10:00:00.000Z,2024-04-01T10:00:04.000Z,ctm_01a,ann@voss.example,Ann Voss,,"
    "DE,EUR,20.00,0.00,3.80,23.80,23.80,1.69,22.11,sub_01a,\n"
    "txn_01hv1c,325-10003,completed,web,automatic,2024-03-10T12:00:00.000Z,"
    "2024-03-10T12:00:03.000Z,ctm_01b,bo@lind.example,Bo Lind,,US,USD,49.00,0.00,0.00,49.00,"
    "49.00,2.95,46.05,sub_01b,\n"
    "txn_01hv1d,,past_due,subscription_recurring,automatic,2024-04-10T12:00:00.000Z,,"
    "ctm_01b,bo@lind.example,Bo Lind,,US,USD,49.00,0.00,0.00,49.00,49.00,0.00,0.00,sub_01b,\n"
    "txn_01hv1e,,canceled,web,automatic,2024-03-15T08:00:00.000Z,,ctm_01c,cy@moor.example,"
    "Cy Moor,,GB,GBP,15.00,0.00,3.00,18.00,18.00,0.00,0.00,,\n"
    "txn_01hv1f,,draft,web,automatic,2024-03-16T08:30:00.000Z,,,,,,,USD,49.00,0.00,0.00,"
    "49.00,49.00,0.00,0.00,,\n"
    "txn_01hv1g,325-10004,billed,api,manual,2024-03-20T09:00:00.000Z,"
    "2024-03-20T09:05:00.000Z,ctm_01d,ap@danacorp.example,Dana Hill,Dana Corp,US,USD,"
    "500.00,0.00,0.00,500.00,500.00,0.00,0.00,,\n"
    "txn_01hv1h,325-10005,paid,web,automatic,2024-03-25T14:00:00.000Z,"
    "2024-03-25T14:00:02.000Z,ctm_01e,eli@nash.example,Eli Nash,,GB,GBP,15.00,0.00,3.00,"
    "18.00,18.00,1.10,16.90,,SPRING\n")


FASTSPRING = (
    "Order Reference,Order Date,Order Status,Customer First Name,Customer Last Name,"
    "Customer Email,Customer Company,Country,Currency,Product Name,Quantity,Unit Price,"
    "Subtotal,Discount,Tax,Total,Total in USD,Payment Type,Coupon Code\n"
    "ACM240301-1111-10001,03/01/2024,Completed,Ann,Ko,ann@ko.example,,US,USD,"
    "Photo Editor Pro,1,59.00,59.00,0.00,0.00,59.00,59.00,Visa,\n"
    "ACM240301-1111-10001,03/01/2024,Completed,Ann,Ko,ann@ko.example,,US,USD,Plugin Pack,1,"
    "19.00,19.00,0.00,0.00,19.00,19.00,Visa,\n"
    "ACM240305-2222-20002,03/05/2024,Completed,Ben,Lo,ben@lostudio.example,Lo Studio GmbH,"
    "DE,EUR,Photo Editor Pro,1,55.00,55.00,0.00,10.45,65.45,71.20,PayPal,\n"
    "ACM240310-3333-30003,03/10/2024,Returned,Cai,Mo,cai@mo.example,,US,USD,"
    "Photo Editor Pro,1,59.00,59.00,0.00,0.00,59.00,59.00,Mastercard,\n"
    "ACM240402-5555-50005,04/02/2024,Completed,Ann,Ko,ann@ko.example,,US,USD,Plugin Pack,1,"
    "19.00,19.00,3.80,0.00,15.20,15.20,Visa,SAVE20\n"
    "ACM240405-6666-60006,04/05/2024,Completed,Dee,Fox,dee@fox.example,,US,USD,"
    "Photo Editor Pro,1,59.00,59.00,59.00,0.00,0.00,0.00,Free,PRESS100\n")


KIT = (
    "id,first_name,email_address,state,created_at,last_name,tags\n"
    "2001,Amy,amy@baird.example,active,2024-01-05 09:00:00 UTC,Baird,Lead magnet: Checklist\n"
    '2002,Bob,bob@cole.example,active,2024-01-07 12:10:00 UTC,Cole,"Purchased: Course, News"\n'
    "2003,,cat@dale.example,active,2024-01-09 18:00:00 UTC,,\n"
    "2004,Dan,dan@eden.example,cancelled,2024-01-10 08:30:00 UTC,Eden,Lead magnet: Checklist\n"
    "2005,Eve,eve@ford.example,bounced,2024-01-12 10:00:00 UTC,Ford,\n"
    "2006,Fay,fay@gale.example,complained,2024-01-15 11:45:00 UTC,Gale,\n"
    "2007,Gus,gus@hale.example,inactive,2024-01-20 14:00:00 UTC,Hale,\n")


BEEHIIV = (
    "email,first_name,last_name,status,created_at,subscription_tier,"
    "subscription_premium_tier_names,stripe_customer_id,utm_source,utm_medium,utm_channel,"
    "utm_campaign,referring_site,referral_code,referral_count,unsubscribed_at\n"
    "ada@lane.example,Ada,Lane,active,2024-01-02 08:00:00,free,,,twitter,social,website,"
    "launch,,REF-ADA1,0,\n"
    "bo@marsh.example,Bo,Marsh,active,2024-01-05 09:30:00,premium,Supporter,cus_PQ1,"
    "newsletter,email,website,,,REF-BO22,0,\n"
    "cy@north.example,Cy,North,active,2024-01-06 10:00:00,free,,,,,referral,,,REF-CY33,3,\n"
    "di@oak.example,Di,Oak,inactive,2024-01-08 11:00:00,free,,,google,organic,website,,,"
    "REF-DI44,0,2024-02-10 12:00:00\n"
    "ed@pike.example,Ed,Pike,active,2024-01-10 12:00:00,premium,Supporter,cus_PQ2,,,import,,,"
    "REF-ED55,1,\n"
    "fi@quinn.example,,,validating,2024-01-12 13:00:00,free,,,,,website,,,REF-FI66,0,\n"
    "gil@rose.example,Gil,Rose,active,2024-01-15 14:00:00,free,,,,,referral,,"
    "cy@north.example,REF-GI77,0,\n"
    "hal@stone.example,Hal,Stone,invalid,2024-01-18 15:00:00,free,,,,,website,,,REF-HA88,0,\n")


SKOOL = (
    "FirstName,LastName,Email,Invited By,JoinedDate,Question1,Answer1,Price,"
    "Recurring Interval,Tier,LTV\n"
    "Ana,Ruiz,ana@ruiz.example,,2024-01-03 10:00:00,How did you hear about us?,YouTube,49,"
    "month,Premium,196\n"
    "Ben,Ode,ben@ode.example,Ana Ruiz,2024-01-20 11:00:00,How did you hear about us?,"
    "A friend,49,month,Premium,98\n"
    "Cat,Wu,cat@wu.example,,2024-02-01 12:00:00,How did you hear about us?,Google,,,Free,0\n"
    "Dov,Levi,dov@levi.example,Ana Ruiz,2024-02-10 13:00:00,How did you hear about us?,Ana,"
    "0,,Free,0\n"
    "Eve,Sand,,,2024-02-14 14:00:00,How did you hear about us?,Podcast,490,year,Premium,490\n"
    "Fin,Ray,fin@ray.example,,2024-03-01 15:00:00,How did you hear about us?,,49,month,"
    "Premium,49\n")


BAREMETRICS = (
    "Customer,Email,Customer ID,Current Plans,MRR,LTV,Customer Since,Status,Country\n"
    "Ann Lee,ann@lee.example,cus_A1,Pro (Monthly),$49.00,$588.00,2023-03-01,Active,US\n"
    "Bo Tan,bo@tan.example,cus_B2,Starter (Monthly),$19.00,$19.00,2024-02-10,Active,SG\n"
    "Cy Ode,cy@ode.example,cus_C3,,$0.00,$49.00,2023-06-01,Canceled,GB\n"
    "Dee Fox,dee@fox.example,cus_D4,Pro (Monthly),$0.00,$0.00,2024-03-01,Trialing,US\n"
    "Eli Moss,eli@moss.example,cus_E5,Pro (Annual),$41.58,$998.00,2022-05-01,Active,CA\n")


OUTSETA = (
    "Name,Account Stage,Primary Contact Name,Primary Contact Email,Current Plan,"
    "Billing Renewal Term,Lifetime Revenue,Created,Updated\n"
    "Acme Studio,Subscribing,Ann Lee,ann@acmestudio.example,Pro,Annually,$480.00,2023-09-01,"
    "2024-03-01\n"
    "Bolt Labs,Trialing,Bo Tan,bo@boltlabs.example,Pro,Monthly,$0.00,2024-03-10,2024-03-10\n"
    "Cove Co,Cancelling,Cy Ode,cy@cove.example,Basic,Monthly,$60.00,2023-12-01,2024-03-05\n"
    "Dart Inc,Expired,Dee Fox,dee@dart.example,Basic,Monthly,$0.00,2024-01-15,2024-01-29\n"
    "Fig Ltd,Past due,Fay Gu,fay@fig.example,Basic,Monthly,$120.00,2023-10-01,2024-03-02\n"
    "Gale Co,Subscribing,Gus Ray,gus@gale.example,Basic,Monthly,$20.00,2024-03-01,"
    "2024-03-01\n")


def test_teachable_final_price_is_what_was_paid(tmp_path):
    found = cli_import_text(tmp_path, "teachable_transactions.csv", TEACHABLE)
    assert found["mapping"]["Final Price"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (6, 461.5)
    assert kind_totals(tmp_path, "refund") == (1, 97.0)
    assert cli_funnel(tmp_path) == [5, 4, 4, 2, 0]


def test_payhip_amount_paid_beats_the_price(tmp_path):
    cli_import_text(tmp_path, "payhip_sales.csv", PAYHIP)
    assert kind_totals(tmp_path, "purchase") == (5, 27.14)
    assert kind_totals(tmp_path, "refund") == (1, 7.14)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_memberpress_total_with_tax_and_names_not_logins(tmp_path):
    cli_import_text(tmp_path, "memberpress_transactions.csv", MEMBERPRESS)
    assert kind_totals(tmp_path, "purchase") == (4, 205.8)
    assert kind_totals(tmp_path, "refund") == (1, 118.8)
    assert names(tmp_path) == ["Alice Wren", "Bob Yates", "Cleo Zane", "Dan Birch", "Eva Cole"]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_a_total_that_is_no_amount_plus_tax_makes_no_way(tmp_path):
    """A "Total" that is not the "Amount" plus the "Tax" (a running total) stays behind
    the amount: 2 sales of 30 (10 + 20), not 40."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Client,Amount,Tax,Total\n"
        "2024-03-01,Ann Lee,10.00,2.00,10.00\n"
        "2024-03-02,Bo Tan,20.00,4.00,30.00\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 30.0)


def test_zuora_balance_says_what_is_still_owed(tmp_path):
    cli_import_text(tmp_path, "zuora_invoices.csv", ZUORA)
    assert kind_totals(tmp_path, "purchase") == (3, 2600.0)
    assert kind_totals(tmp_path, "contact") == (2, 1050.0)     # Birch's unpaid, Delta's draft
    assert kind_totals(tmp_path, "cancellation") == (1, 800.0)
    assert kind_totals(tmp_path, "refund") == (1, 100.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_harvest_closed_with_nothing_paid_is_no_sale(tmp_path):
    cli_import_text(tmp_path, "harvest_invoices.csv", HARVEST)
    assert kind_totals(tmp_path, "purchase") == (3, 4500.0)
    assert cli_funnel(tmp_path) == [5, 2, 2, 1, 0]


def test_freeagent_paid_value_of_an_open_invoice(tmp_path):
    cli_import_text(tmp_path, "freeagent_invoices.csv", FREEAGENT)
    assert kind_totals(tmp_path, "purchase") == (4, 3000.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 450.0)
    assert cli_funnel(tmp_path) == [7, 3, 3, 1, 0]


def test_paddle_billed_is_an_invoice_not_yet_paid(tmp_path):
    cli_import_text(tmp_path, "paddle_transactions.csv", PADDLE)
    assert names(tmp_path) == ["Ann Voss", "Bo Lind", "Cy Moor", "Dana Hill", "Eli Nash"]
    assert kind_totals(tmp_path, "purchase") == (4, 114.6)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_a_shops_billed_without_invoices_stays_a_sale(tmp_path):
    """On an order list that is not about invoices, "Billed" is no unpaid invoice: 2 sales."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Customer,Total,Status\n"
        "1,2024-03-01,Ann Lee,40.00,Billed\n"
        "2,2024-03-02,Bo Tan,25.00,Paid\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 65.0)


def test_fastspring_order_reference_is_the_order(tmp_path):
    found = cli_import_text(tmp_path, "fastspring_orders.csv", FASTSPRING)
    assert found["mapping"]["Order Reference"] == "order_id"
    assert kind_totals(tmp_path, "purchase") == (4, 217.65)
    assert kind_totals(tmp_path, "refund") == (1, 59.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_kit_state_is_the_status_not_a_region(tmp_path):
    """Bob's tag "Purchased: Course" says he bought (session 16: the tags were unread and
    the funnel [7, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "kit_subscribers.csv", KIT)
    assert found["mapping"]["state"] == "status"
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE region IS NOT NULL"
                          ) == [(0,)]
    assert cli_funnel(tmp_path) == [7, 1, 1, 0, 0]


def test_a_state_of_places_stays_the_region(tmp_path):
    found = cli_import_text(tmp_path, "customers.csv", (
        "Name,Email,State\n"
        "Ann Lee,ann@lee.example,Texas\n"
        "Bo Tan,bo@tan.example,Ohio\n"))
    assert found["mapping"]["State"] == "region"


def test_beehiiv_premium_tier_pays(tmp_path):
    cli_import_text(tmp_path, "beehiiv_subscribers.csv", BEEHIIV)
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE furthest_stage = "
                                    "'purchase'") == [("Bo Marsh",)]
    assert cli_funnel(tmp_path) == [8, 3, 3, 2, 2]


def test_a_tier_without_a_free_one_says_nothing(tmp_path):
    """Gold and Silver tiers of a loyalty scheme beside no free tier: no one bought."""
    cli_import_text(tmp_path, "members.csv", (
        "Name,Email,Tier\n"
        "Ann Lee,ann@lee.example,Gold\n"
        "Bo Tan,bo@tan.example,Silver\n"))
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_skool_invited_by_a_member_is_a_referral(tmp_path):
    cli_import_text(tmp_path, "skool_members.csv", SKOOL)
    assert workspace_rows(tmp_path, "SELECT name, referrals FROM clients WHERE referrals > 0"
                          ) == [("Ana Ruiz", 2)]
    assert cli_funnel(tmp_path) == [6, 4, 4, 1, 1]


def test_invited_by_someone_off_the_list_credits_no_one(tmp_path):
    cli_import_text(tmp_path, "members.csv", (
        "Name,Email,Invited By\n"
        "Ann Lee,ann@lee.example,Zed Moor\n"
        "Bo Tan,bo@tan.example,\n"))
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_baremetrics_trialing_is_considering(tmp_path):
    cli_import_text(tmp_path, "baremetrics_customers.csv", BAREMETRICS)
    assert workspace_rows(tmp_path, "SELECT furthest_stage FROM clients WHERE name = 'Dee Fox'"
                          ) == [("consideration",)]
    assert cli_funnel(tmp_path) == [5, 5, 4, 0, 0]


def test_outseta_lifetime_revenue_is_spent(tmp_path):
    found = cli_import_text(tmp_path, "outseta_accounts.csv", OUTSETA)
    assert found["mapping"]["Lifetime Revenue"] == "revenue_current"
    assert cli_funnel(tmp_path) == [6, 4, 4, 0, 0]
