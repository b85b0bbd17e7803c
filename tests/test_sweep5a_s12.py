"""Sheets from a fifth sweep of exports nobody had tried, whose import gave wrong figures.
Hand-worked figures, through the command line (cumulative funnel: awareness, consideration,
purchase, retention, advocacy).

- Recharge subscriptions: 6 subscriptions of 5 customers (Amy has two, made on two days),
  each made at a paid checkout: 5 bought, Amy twice -> [5, 5, 5, 1, 0] (was 0 purchases).
- Capsule opportunities: "Party" is the client, "Name" the opportunity, "Milestone" the
  stage: 4 clients, Ada won twice (5,000 + 400), Bolt at Proposal, Cove lost, Dart New ->
  [4, 2, 1, 1, 0] (was 5 clients named after opportunities, [5, 0, 0, 0, 0]).
- QuickBooks Sales by Customer Detail: "Num" beside "Transaction Type" numbers the
  invoice: 1002's two lines are one sale, 4 purchases of 689 (was 5).
- Help Scout and Judge.me rows marked spam are no one's: 2 clients (was 3); 4 reviewers, 5
  reviews (was 5 and 6). Of the 4 conversations kept, 2 are complaints (session 18: Help
  Scout's Type, email or chat, says how each came, not what it is; by their words "Cannot
  log in" and "Package lost in transit", tagged complaint, are complaints, "Invoice copy
  please" and "Cancel my subscription" support contacts; before, all 4 complaints).
- Xero contacts: the *ContactName is the client (Stone Legal LLP, who has no first or last
  name, was nameless).
- Square customers: Transaction Count 7, 1, 0, 2, 1 -> [5, 4, 4, 2, 0] (was [5, 0, 0, 0, 0]).
- MailerLite: "Name" beside "Last name" is the first name: Ana Lopes (was Ana).
- FareHarbor: "Contact Name" names the client; a booking "Booked" with money in "Total
  Paid" is bought: 4 purchases of 958.01 (157.05 + 335.04 + 167.52 + 298.40; was 0);
  Noel's cancelled and refunded booking is no sale (session 13: [4, 3, 3, 1, 0]);
  Rezdy: CONFIRMED and paid, 3 purchases of 1,032 (398 + 435 + 199; was 0), [4, 2, 2, 1, 0].
- Cliniko appointments: "Business" (the practice, on every row) is no client; "Cancelled
  At" a cancellation; "Did Not Arrive" a contact; "Invoice Total" the amount: 2 purchases
  of 210, [4, 1, 1, 1, 0] (was one client, the practice).
- Pike13 visits: "Visit State" is the status: completed x2 (Mo), noshow, late_canceled,
  registered -> 2 purchases, 1 cancellation, [4, 1, 1, 1, 0] (was [4, 2, 2, 1, 0]: the
  paid no-show a sale).
- Jane App appointments: "State" of Arrived, No Show, Cancelled, Booked is the status, not
  a region: 2 purchases of 220, 1 cancellation, [4, 2, 1, 1, 0] (was 5 purchases of 520).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


RECHARGE = (
    'subscription_id,customer_id,email,first_name,last_name,status,created_at,'
    'cancelled_at,cancellation_reason,product_title,price,quantity,'
    'charge_interval_frequency,order_interval_unit,next_charge_scheduled_at\n'
    '501,9001,amy@baird.co,Amy,Baird,ACTIVE,2023-11-02T10:00:00,,,Coffee Beans 1kg,24.00,'
    '1,1,month,2024-04-02\n'
    '502,9002,bob@colemail.net,Bob,Cole,CANCELLED,2023-12-05T11:30:00,'
    '2024-02-10T09:00:00,Too expensive,Coffee Beans 1kg,24.00,1,1,month,\n'
    '503,9003,cat@dale.org,Cat,Dale,ACTIVE,2024-01-15T08:20:00,,,Decaf 500g,14.50,2,2,'
    'week,2024-03-29\n'
    '504,9001,amy@baird.co,Amy,Baird,CANCELLED,2024-01-20T12:00:00,2024-03-01T12:00:00,'
    'Other,Filter Papers,6.00,1,1,month,\n'
    '505,9004,dan@eden.io,Dan,Eden,EXPIRED,2023-06-01T09:00:00,2023-12-01T09:00:00,'
    'Max charges reached,Gift Sub 6 months,20.00,1,1,month,\n'
    '506,9005,eve@fordhouse.uk,Eve,Ford,ACTIVE,2024-03-10T15:45:00,,,Coffee Beans 1kg,'
    '24.00,1,1,month,2024-04-10\n'
)


CAPSULE = (
    'Name,Description,Party,Milestone,Value,Currency,Duration Basis,Duration,'
    'Expected Close Date,Closed On,Probability,Owner,Lost Reason,Created On\n'
    'Website redesign,,Ada Design Ltd,Won,"5,000.00",GBP,FIXED,,2024-02-28,2024-02-26,'
    '100,Sara,,2024-01-10\n'
    'Monthly SEO,,Ada Design Ltd,Won,400.00,GBP,MONTH,12,2024-03-01,2024-03-01,100,Sara,,'
    '2024-02-01\n'
    'Brand refresh,,Bolt Fitness,Proposal,"3,200.00",GBP,FIXED,,2024-04-15,,50,Tim,,'
    '2024-02-10\n'
    'Logo,,Cove Bakery,Lost,800.00,GBP,FIXED,,2024-02-20,2024-02-19,0,Tim,'
    'Went with a freelancer,2024-01-20\n'
    'Ad campaign,,Dart Legal,New,"1,500.00",GBP,FIXED,,2024-05-01,,10,Sara,,2024-03-05\n'
)


QBO_DETAIL = (
    'Sales by Customer Detail,,,,,,,,,\n'
    'Bright Bakes Ltd,,,,,,,,,\n'
    '"January - March, 2024",,,,,,,,,\n'
    ',,,,,,,,,\n'
    ',Date,Transaction Type,Num,Product/Service,Memo/Description,Qty,Sales Price,Amount,'
    'Balance\n'
    'Ava Bell,,,,,,,,,\n'
    ',01/15/2024,Invoice,1001,Cakes,Birthday cake,1,120.00,120.00,120.00\n'
    ',02/20/2024,Sales Receipt,1005,Cupcakes,Dozen cupcakes,2,30.00,60.00,180.00\n'
    'Total for Ava Bell,,,,,,,,$180.00,\n'
    'Ben Cho,,,,,,,,,\n'
    ',01/22/2024,Invoice,1002,Catering,Office lunch,1,450.00,450.00,450.00\n'
    ',01/22/2024,Invoice,1002,Delivery,Delivery fee,1,25.00,25.00,475.00\n'
    ',02/05/2024,Credit Memo,1003,Catering,Missing tray,1,-50.00,-50.00,425.00\n'
    'Total for Ben Cho,,,,,,,,$425.00,\n'
    'Cid Dorn Co,,,,,,,,,\n'
    ',03/02/2024,Sales Receipt,1007,Bread,Weekly bread,4,8.50,34.00,34.00\n'
    'Total for Cid Dorn Co,,,,,,,,$34.00,\n'
    'TOTAL,,,,,,,,$639.00,\n'
    ',,,,,,,,,\n'
    '"Accrual Basis Monday, April 1, 2024 09:12 AM GMT-07:00",,,,,,,,,\n'
)


HELPSCOUT = (
    'Conversation ID,Number,Type,Status,Subject,Customer Name,Customer Email,Mailbox,'
    'Assigned To,Tags,Created At,Closed At,Rating\n'
    '2289001,4101,email,closed,Invoice copy please,Kai Moss,kai@moss.example,Support,'
    'Nora,billing,"Mar 2, 2024 9:14 AM","Mar 2, 2024 10:00 AM",Great\n'
    '2289002,4102,chat,closed,Cannot log in,Lia Park,lia@park.example,Support,Nora,,'
    '"Mar 3, 2024 1:05 PM","Mar 3, 2024 1:30 PM",Okay\n'
    '2289003,4103,email,active,Package lost in transit,Kai Moss,kai@moss.example,Support,'
    'Omar,complaint; shipping,"Mar 7, 2024 8:00 AM",,\n'
    '2289005,4105,email,spam,WIN A FREE CRUISE,,promo@spam.example,Support,,,"Mar 9,'
    ' 2024 2:00 AM",,\n'
    '2289006,4106,email,closed,Cancel my subscription,Lia Park,lia@park.example,Support,'
    'Nora,cancellation,"Mar 15, 2024 11:20 AM","Mar 15, 2024 12:00 PM",Not Good\n'
)


JUDGEME = (
    'title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,'
    'product_id,product_handle,reply,reply_date,picture_urls,ip_address,location\n'
    'Love it,Smells amazing and lasts ages,5,2024-03-02 12:00:00 UTC,web,ok,Nia Odom,'
    'nia@odom.net,7001,lavender-candle,,,,,"Austin, TX"\n'
    'Meh,Arrived scratched,2,2024-03-04 09:30:00 UTC,email,ok,Oli Pratt,oli@pratt.net,'
    '7002,soap-set,Sorry! We sent a new one,2024-03-05 10:00:00 UTC,,,\n'
    'Perfect gift,,5,2024-03-06 18:00:00 UTC,email,ok,Pax Quill,pax@quill.net,7001,'
    'lavender-candle,,,,,\n'
    'Good,Nice but small,4,2024-03-08 08:15:00 UTC,web,ok,Rho Sims,rho@sims.net,7003,'
    'lip-balm,,,,,\n'
    'Terrible,Broke on day one,1,2024-03-09 20:00:00 UTC,web,spam,Bot,bot@spam.example,'
    '7003,lip-balm,,,,,\n'
    'Buying again,Second order just as good,5,2024-03-20 11:00:00 UTC,email,ok,Nia Odom,'
    'nia@odom.net,7003,lip-balm,,,,,\n'
)


XERO_CONTACTS = (
    '*ContactName,AccountNumber,EmailAddress,FirstName,LastName,POAttentionTo,'
    'POAddressLine1,POCity,PORegion,POPostalCode,POCountry,PhoneNumber,MobileNumber,'
    'TaxNumber,Website,Discount,DueDateSalesDay,DueDateSalesTerm,ContactGroups\n'
    'Harbour Joinery Ltd,HJ001,accounts@harbourjoinery.co.uk,Tom,Reid,Tom Reid,'
    '12 Quay St,Bristol,,BS1 4DJ,United Kingdom,0117 496 0001,,GB123456789,,,30,'
    'DAYSAFTERBILLDATE,Trade\n'
    'Meadow Florist,MF002,hello@meadowflorist.co.uk,Ivy,Shaw,,3 Market Row,Bath,,BA1 1AA,'
    'United Kingdom,01225 960002,07700 900003,,meadowflorist.co.uk,5,20,OFFOLLOWINGMONTH,'
    'Retail\n'
    'Northgate Dental,ND003,,Raj,Patel,Practice Manager,88 Northgate,York,,YO1 7HH,'
    'United Kingdom,01904 960004,,,,,,,\n'
    'Pip & Pine Cafe,,pip@pippine.co.uk,Pip,Harlow,,,Leeds,,,United Kingdom,,'
    '07700 900005,,,,,,Retail\n'
    'Stone Legal LLP,SL005,billing@stonelegal.co.uk,,,,1 Temple Ave,London,,EC4Y 0HA,'
    'United Kingdom,020 7946 0006,,GB987654321,stonelegal.co.uk,,14,DAYSAFTERBILLDATE,'
    'Trade\n'
)


SQUARE_CUSTOMERS = (
    'Reference ID,First Name,Last Name,Email Address,Phone Number,Nickname,Company Name,'
    'Street Address 1,Street Address 2,City,State,Postal Code,Birthday,Memo,'
    'Square Customer ID,Creation Source,First Visit,Last Visit,Transaction Count,'
    'Transaction Total,Email Subscription Status,Instant Profile\n'
    ',Gina,Hale,gina@halemail.com,+15550101001,,,,,Austin,TX,78701,,,ABCD1111,'
    'Third Party,2023-09-14,2024-03-02,7,$143.50,subscribed,No\n'
    ',Hugo,Ibarra,,+15550101002,,,,,,,,,,ABCD2222,Instant Profile,2024-02-10,2024-02-10,'
    '1,$6.25,,Yes\n'
    ',Ines,Jaro,ines@jaro.net,,,Jaro Studio,,,Austin,TX,,1990-05-01,Prefers oat milk,'
    'ABCD3333,Directory,,,0,$0.00,subscribed,No\n'
    ',Jack,Kerr,jack@kerr.org,+15550101004,,,,,Round Rock,TX,,,,ABCD4444,Instant Profile,'
    '2023-12-01,2024-01-15,2,$18.00,unsubscribed,Yes\n'
    ',Kara,Lind,kara@lind.io,,,,,,,,,,,ABCD5555,Appointments,2024-03-20,2024-03-20,1,'
    '$45.00,subscribed,No\n'
)


MAILERLITE = (
    'Subscriber,Name,Last name,Company,Country,City,Phone,Status,Subscribed,Sent,Opens,'
    'Clicks,Groups,Source\n'
    'ana@lopes.pt,Ana,Lopes,,Portugal,Porto,,active,2024-01-10 09:00:00,12,8,3,'
    'Newsletter,Form\n'
    'ben@kraus.de,Ben,Kraus,,Germany,Berlin,,unsubscribed,2023-11-02 14:20:00,20,2,0,'
    'Newsletter,Import\n'
    'cleo@marin.fr,Cleo,Marin,Atelier Marin,France,Lyon,,active,2024-02-18 18:45:00,6,6,'
    '4,"Newsletter, Customers",Form\n'
    'dev@rao.in,Dev,Rao,,India,Pune,,bounced,2024-03-01 07:10:00,1,0,0,Newsletter,Import\n'
    'eli@stone.ie,Eli,Stone,,Ireland,Cork,,junk,2024-03-02 03:33:00,0,0,0,Newsletter,'
    'Form\n'
)


FAREHARBOR = (
    'Booking #,Created At,Item,Start Date,Start Time,Contact Name,Contact Email,'
    'Contact Phone,Pax,Status,Subtotal,Taxes,Total,Total Paid,Refunded,Affiliate\n'
    '#98001,03/01/2024 10:12 AM,Sunset Kayak Tour,03/09/2024,5:30 PM,Liam Ortiz,'
    'liam@ortiz.us,808-555-0101,2,Booked,$150.00,$7.05,$157.05,$157.05,$0.00,\n'
    '#98002,03/02/2024 08:40 AM,Snorkel Trip,03/10/2024,9:00 AM,Maya Fox,maya@foxfam.us,'
    '808-555-0102,4,Booked,$320.00,$15.04,$335.04,$335.04,$0.00,Hotel Kona\n'
    '#98003,03/03/2024 02:05 PM,Sunset Kayak Tour,03/12/2024,5:30 PM,Noel Gray,'
    'noel@gray.us,,1,Cancelled,$75.00,$3.53,$78.53,$0.00,$78.53,\n'
    '#98004,03/05/2024 07:55 PM,Snorkel Trip,03/15/2024,9:00 AM,Liam Ortiz,liam@ortiz.us,'
    '808-555-0101,2,Booked,$160.00,$7.52,$167.52,$167.52,$0.00,\n'
    '#98005,03/06/2024 11:30 AM,Whale Watch,03/20/2024,8:00 AM,Opal Hart,opal@hart.us,,3,'
    'Booked,$285.00,$13.40,$298.40,$100.00,$0.00,Viator\n'
)


REZDY = (
    'Order Number,Status,Date Created,Product Name,Tour Date,Customer First Name,'
    'Customer Last Name,Customer Email,Customer Phone,Quantities,Total Amount,Total Paid,'
    'Total Due,Agent,Source\n'
    'R0A1B2C,CONFIRMED,2024-02-01 09:10,Harbour Bridge Climb,2024-02-20 10:00,Quinn,'
    'Reyes,quinn@reyes.au,+61 400 000 001,2 x Adult,$398.00,$398.00,$0.00,,ONLINE\n'
    'R0A1B2D,CANCELLED,2024-02-02 12:00,Harbour Bridge Climb,2024-02-21 10:00,Ruby,Singh,'
    'ruby@singh.au,,1 x Adult,$199.00,$0.00,$199.00,,ONLINE\n'
    'R0A1B2E,CONFIRMED,2024-02-05 16:30,Blue Mountains Day,2024-02-25 07:00,Seb,Tran,'
    'seb@tran.au,,"2 x Adult, 1 x Child",$435.00,$435.00,$0.00,Viator,API\n'
    'R0A1B2F,PENDING_SUPPLIER,2024-02-06 08:00,Blue Mountains Day,2024-03-02 07:00,Tia,'
    'Umar,tia@umar.au,,1 x Adult,$165.00,$0.00,$165.00,,ONLINE\n'
    'R0A1B2G,CONFIRMED,2024-03-01 10:00,Harbour Bridge Climb,2024-03-10 10:00,Quinn,'
    'Reyes,quinn@reyes.au,,1 x Adult,$199.00,$199.00,$0.00,,ONLINE\n'
)


CLINIKO = (
    'Appointment Date,Appointment Start Time,Patient,Patient ID,Practitioner,'
    'Appointment Type,Business,Booked Online,Did Not Arrive,Cancelled At,'
    'Cancellation Reason,Invoice Number,Invoice Status,Invoice Total\n'
    '02/04/2024,09:00,Alice Brown,1001,Dr Kim Lee,Initial Consultation,Fitzroy Physio,'
    'Yes,No,,,INV-301,Paid,120.00\n'
    '09/04/2024,09:00,Alice Brown,1001,Dr Kim Lee,Standard Consultation,Fitzroy Physio,'
    'No,No,,,INV-318,Paid,90.00\n'
    '03/04/2024,14:30,Brad Cole,1002,Dr Kim Lee,Initial Consultation,Fitzroy Physio,Yes,'
    'Yes,,,,,\n'
    '04/04/2024,11:00,Cara Dunn,1003,Sam Wu,Initial Consultation,Fitzroy Physio,No,No,'
    '03/04/2024 18:02,Feeling better,,,\n'
    '05/04/2024,16:00,Dev Edge,1004,Sam Wu,Standard Consultation,Fitzroy Physio,No,No,,,'
    'INV-309,Unpaid,90.00\n'
)


PIKE13 = (
    'Visit ID,Client Name,Client Email,Service,Service Date,Service Time,Staff Member,'
    'Visit State,Pass Name,Paid,First Visit\n'
    '70001,Mo Nash,mo@nash.fit,Vinyasa Flow,2024-03-01,07:00,Ana,completed,10 Class Pack,'
    't,t\n'
    '70002,Nia Oak,nia@oak.fit,Vinyasa Flow,2024-03-01,07:00,Ana,noshow,Drop In,t,t\n'
    '70003,Mo Nash,mo@nash.fit,Power Yoga,2024-03-04,18:00,Ben,completed,10 Class Pack,t,'
    'f\n'
    '70004,Pat Quay,pat@quay.fit,Power Yoga,2024-03-04,18:00,Ben,late_canceled,'
    'Intro Week,f,t\n'
    '70005,Rex Sol,rex@sol.fit,Vinyasa Flow,2024-03-08,07:00,Ana,registered,,f,t\n'
)

JANE = (
    'Date,Time,Patient,Email,Practitioner,Treatment,Location,State,Price,Paid,Balance\n'
    '2024-04-01,10:00 AM,Eva Fisk,eva@fisk.ca,Jo Park,Massage 60 min,Main,Arrived,110,110,0\n'
    '2024-04-02,11:00 AM,Finn Gale,finn@gale.ca,Jo Park,Massage 60 min,Main,No Show,110,55,'
    '55\n'
    '2024-04-03,1:00 PM,Gwen Hill,gwen@hill.ca,Ray Tse,Acupuncture,Main,Cancelled,95,0,0\n'
    '2024-04-08,10:00 AM,Eva Fisk,eva@fisk.ca,Jo Park,Massage 60 min,Main,Arrived,110,110,0\n'
    '2024-04-20,9:30 AM,Hank Ives,hank@ives.ca,Ray Tse,Acupuncture,Main,Booked,95,0,95\n'
)


def names(tmp_path) -> list[str]:
    return [name for (name,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


def test_recharge_subscriptions_are_bought(tmp_path):
    found = cli_import_text(tmp_path, "recharge_subscriptions.csv", RECHARGE)
    assert found["recognised_as"] == "recharge_subscriptions"
    assert workspace_rows(tmp_path, "SELECT COUNT(*), SUM(purchases) FROM clients") == [(5, 6)]
    assert cli_funnel(tmp_path) == [5, 5, 5, 1, 0]


def test_capsule_party_is_the_client(tmp_path):
    found = cli_import_text(tmp_path, "capsule_opportunities.csv", CAPSULE)
    assert found["mapping"]["Party"] == "name" and found["mapping"]["Name"] is None
    assert names(tmp_path) == ["Ada Design Ltd", "Bolt Fitness", "Cove Bakery", "Dart Legal"]
    assert kind_totals(tmp_path, "won") == (2, 5400.0)
    assert cli_funnel(tmp_path) == [4, 2, 1, 1, 0]


def test_a_party_of_numbers_is_no_client(tmp_path):
    """A restaurant's bookings: "Party" is how many came; "Name" names the guest."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        'Name,Party,Date,Status\n'
        'Ann Lee,4,2024-03-01,Confirmed\n'
        'Bo Tan,2,2024-03-02,Cancelled\n'
        'Ann Lee,3,2024-03-09,Confirmed\n'))
    assert found["mapping"]["Name"] == "name" and found["mapping"]["Party"] != "name"
    assert names(tmp_path) == ["Ann Lee", "Bo Tan"]


def test_quickbooks_report_num_is_the_invoice(tmp_path):
    found = cli_import_text(tmp_path, "sales_by_customer_detail.csv", QBO_DETAIL)
    assert found["mapping"]["Num"] == "order_id"
    assert kind_totals(tmp_path, "purchase") == (4, 689.0)
    assert kind_totals(tmp_path, "refund") == (1, 50.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_trackers_num_is_no_invoice(tmp_path):
    """A hand tracker numbers its rows "Num": without a QuickBooks "Transaction Type"
    beside it, that is no order number (re-imports would merge rows)."""
    found = cli_import_text(tmp_path, "sales.csv", (
        'Num,Date,Client,Amount\n'
        '1,2024-03-01,Ann Lee,100\n'
        '2,2024-03-02,Bo Tan,50\n'
        '3,2024-03-05,Ann Lee,75\n'))
    assert found["mapping"]["Num"] != "order_id"


def test_spam_is_no_ones(tmp_path):
    found = cli_import_text(tmp_path, "helpscout.csv", HELPSCOUT)
    assert "1 row marked spam left out" in found["explanation"]
    assert names(tmp_path) == ["Kai Moss", "Lia Park"]
    assert kind_totals(tmp_path, "complaint")[0] == 2


def test_reviews_curated_as_spam_are_left_out(tmp_path):
    cli_import_text(tmp_path, "judgeme_reviews.csv", JUDGEME)
    assert "Bot" not in names(tmp_path) and len(names(tmp_path)) == 4
    assert kind_totals(tmp_path, "review")[0] == 5
    assert kind_totals(tmp_path, "complaint")[0] == 1


def test_xero_contact_name_is_the_client(tmp_path):
    found = cli_import_text(tmp_path, "xero_contacts.csv", XERO_CONTACTS)
    assert found["mapping"]["*ContactName"] == "name"
    assert names(tmp_path) == ["Harbour Joinery Ltd", "Meadow Florist", "Northgate Dental",
                               "Pip & Pine Cafe", "Stone Legal LLP"]


def test_a_contact_name_beside_the_company_stays_the_contact(tmp_path):
    """A CRM's accounts: the company is the client, "Contact Name" the person there."""
    found = cli_import_text(tmp_path, "accounts.csv", (
        'Company,Contact Name,Email,Status\n'
        'Acme Ltd,Ann Lee,ann@acme.co,Lead\n'
        'Bolt Inc,Bo Tan,bo@bolt.co,Customer\n'))
    assert found["mapping"]["Company"] == "name"
    assert found["mapping"]["Contact Name"] == "contact_name"
    assert names(tmp_path) == ["Acme Ltd", "Bolt Inc"]


def test_square_customers_transaction_count(tmp_path):
    found = cli_import_text(tmp_path, "customers.csv", SQUARE_CUSTOMERS)
    assert found["mapping"]["Transaction Count"] == "purchases"
    assert found["mapping"]["Transaction Total"] == "revenue_current"
    assert cli_funnel(tmp_path) == [5, 4, 4, 2, 0]


def test_mailerlite_name_beside_last_name(tmp_path):
    cli_import_text(tmp_path, "subscribers.csv", MAILERLITE)
    assert names(tmp_path) == ["Ana Lopes", "Ben Kraus", "Cleo Marin", "Dev Rao", "Eli Stone"]


def test_fareharbor_paid_bookings_are_bought(tmp_path):
    cli_import_text(tmp_path, "fareharbor_bookings.csv", FAREHARBOR)
    assert names(tmp_path) == ["Liam Ortiz", "Maya Fox", "Noel Gray", "Opal Hart"]
    # (Opal paid 100 of her 298.40: a sale of the 100 paid so far, s13f; was 958.01)
    assert kind_totals(tmp_path, "purchase") == (4, 759.61)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    # (Noel paid, cancelled and was refunded: no sale, so no refund beside his
    # cancellation to say he bought; tests/test_left_alone_s13a.py)
    assert kind_totals(tmp_path, "refund") == (0, None)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_rezdy_confirmed_and_paid_is_bought(tmp_path):
    cli_import_text(tmp_path, "rezdy_orders.csv", REZDY)
    assert kind_totals(tmp_path, "purchase") == (3, 1032.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_a_booking_not_paid_stays_a_contact(tmp_path):
    """Booked with nothing paid yet: a time to come, no sale."""
    cli_import_text(tmp_path, "bookings.csv", (
        'Booking #,Created At,Contact Name,Contact Email,Status,Total,Total Paid\n'
        '#1,2024-03-01,Ann Lee,ann@lee.co,Booked,$100.00,$0.00\n'
        '#2,2024-03-02,Bo Tan,bo@tan.co,Booked,$80.00,$0.00\n'
        '#3,2024-03-03,Cy Orr,cy@orr.co,Cancelled,$60.00,$0.00\n'))
    assert kind_totals(tmp_path, "purchase")[0] == 0
    assert cli_funnel(tmp_path)[2] == 0


def test_cliniko_appointments(tmp_path):
    found = cli_import_text(tmp_path, "appointments.csv", CLINIKO)
    assert found["mapping"]["Business"] is None
    assert names(tmp_path) == ["Alice Brown", "Brad Cole", "Cara Dunn", "Dev Edge"]
    assert kind_totals(tmp_path, "purchase") == (2, 210.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [4, 1, 1, 1, 0]


def test_one_client_log_keeps_its_name(tmp_path):
    """A log of one client's orders names that client on every row: still its name."""
    found = cli_import_text(tmp_path, "orders.csv", (
        'Date,Customer,Order ID,Amount\n'
        '2024-03-01,Acme Ltd,A1,100\n'
        '2024-03-05,Acme Ltd,A2,50\n'
        '2024-03-09,Acme Ltd,A3,70\n'))
    assert found["mapping"]["Customer"] == "name"
    assert names(tmp_path) == ["Acme Ltd"]


def test_pike13_visit_state(tmp_path):
    found = cli_import_text(tmp_path, "visits.csv", PIKE13)
    assert found["mapping"]["Visit State"] == "status"
    assert kind_totals(tmp_path, "purchase")[0] == 2
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [4, 1, 1, 1, 0]


def test_jane_state_is_the_appointments(tmp_path):
    found = cli_import_text(tmp_path, "appointments.csv", JANE)
    assert found["mapping"]["State"] == "status"
    assert kind_totals(tmp_path, "purchase") == (2, 220.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [4, 2, 1, 1, 0]


def test_a_state_of_places_stays_the_region(tmp_path):
    found = cli_import_text(tmp_path, "clients.csv", (
        'Name,Email,City,State\n'
        'Ann Lee,ann@lee.co,Austin,Texas\n'
        'Bo Tan,bo@tan.co,Columbus,Ohio\n'
        'Cy Orr,cy@orr.co,Miami,Florida\n'))
    assert found["mapping"]["State"] == "region"
