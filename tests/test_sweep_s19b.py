"""Twenty exports a sweep had not tried (session 19, sweep B), each written with its
product's headers as far as known (where unsure, said in the test's docstring), imported
through the command line and checked against figures worked out by hand before importing
(cumulative funnel: awareness, consideration, purchase, retention, advocacy). Beside the
mended ones, where it matters, a sheet where the rule must not fire.

Misread before, mended:
- Shopify Payments' transactions: "Payout ID" was read as the client ID (4 clients of
  payouts); an ID of money paid out to the business is no client's.
- Cash App's statement: "Account" (the owner's card, "Visa Debit 1234") was the client,
  "Received P2P" no sale, "Sent P2P" to a supplier a client: now the sender is the client,
  a payment received a sale, money sent to someone who never paid left out (a refund to
  one who did).
- Google Contacts' labels ("* myContacts ::: Clients"), Outlook's categories and Wix's
  labels ("Customers", "Leads"): a group's plural names who they are, as "Client" does.
- Stripe's subscriptions export: recognised as Chargebee's and Recurly's are, each
  period paid from its start to its current period's a purchase.
- Zen Planner's and Wodify's member lists: "Last Attendance", "Client Status", "Active
  Member", "Alumni" read as a member list's.
- AWeber's "subscribed" was read as a retained customer: a subscriber's state says nothing
  of buying.
- Hotjar's survey: "User" (its e-mail) is the respondent; the anonymous answer is kept.
- Reviews.io's "Verified Buyer": Yes puts the reviewer at purchase at least.
- Zettle's "Tip (GBP)": the tip is taken off the total, as a bare "Tip" was.

Read right before, kept as tests: LinkedIn connections, QuickBooks' Customer Contact
List, Square Invoices, SamCart orders, Omnisend contacts, Peek Pro bookings, Tidio
contacts. Left alone: Mighty Networks' "Plans" (a paid plan's price in its name) is not
read as a purchase.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


SHOPIFY_PAYMENTS_TRANSACTIONS = (
    'Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Payout ID,Available On,Amount,Fee,Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency\n'
    '2024-03-01 10:02:11 -0500,charge,#1001,visa,online,paid,2024-03-04,84513219,2024-03-04,45.00,1.61,43.39,31215848,card,45.00,USD,USD\n'
    '2024-03-02 14:20:45 -0500,charge,#1002,mastercard,online,paid,2024-03-05,84513220,2024-03-05,120.00,3.78,116.22,31215901,card,120.00,USD,USD\n'
    '2024-03-03 09:11:02 -0500,refund,#1001,visa,online,paid,2024-03-06,84513221,2024-03-06,-45.00,0.00,-45.00,31215848,card,-45.00,USD,USD\n'
    '2024-03-04 16:40:10 -0500,charge,#1003,amex,online,pending,,,2024-03-07,30.00,1.17,28.83,31216022,card,30.00,USD,USD\n'
    '2024-03-05 08:00:00 -0500,adjustment,,,,paid,2024-03-08,84513222,2024-03-08,-15.00,0.00,-15.00,,,,,USD\n'
)

CASH_APP = (
    'Transaction ID,Date,Transaction Type,Currency,Amount,Fee,Net Amount,Asset Type,Asset Price,Asset Amount,Status,Notes,Name of sender/receiver,Account\n'
    'rmt8xq2,2024-04-02 10:15:31 EDT,Received P2P,USD,$45.00,$0,$45.00,,,,COMPLETE,Haircut,Ann Lee,Visa Debit 1234\n'
    'rmt8xq3,2024-04-03 12:01:07 EDT,Received P2P,USD,$60.00,$0,$60.00,,,,COMPLETE,Cut and colour,Bo Tan,Visa Debit 1234\n'
    'rmt8xq4,2024-04-05 09:45:00 EDT,Sent P2P,USD,-$20.00,$0,-$20.00,,,,COMPLETE,Shampoo stock,Cy Supplies,Visa Debit 1234\n'
    'rmt8xq5,2024-04-08 18:00:12 EDT,Cash Out,USD,-$100.00,$0,-$100.00,,,,COMPLETE,,,Checking 5678\n'
    'rmt8xq6,2024-04-10 11:30:40 EDT,Received P2P,USD,$30.00,$0,$30.00,,,,FAILED,Fringe trim,Di Woo,Visa Debit 1234\n'
    'rmt8xq7,2024-05-02 10:20:00 EDT,Received P2P,USD,$45.00,$0,$45.00,,,,COMPLETE,Haircut,Ann Lee,Visa Debit 1234\n'
)

GOOGLE_CONTACTS = (
    'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n'
    'Ann,,Lee,,,,,,,,Lee Bakery,Owner,,,Met at the market,,* myContacts ::: Clients,* Work,ann@leebakery.com,Mobile,+44 7700 900123\n'
    'Bo,,Tan,,,,,,,,,,,,,,* myContacts,* Home,bo.tan@example.org,,\n'
    'Cy,,Ray,,,,,,,,Ray Builders,,,,Wants a quote,,* myContacts ::: Leads,,,Mobile,07700 900456\n'
    'Di,,Woo,,,,,,,,,,,1990-05-04,,,* myContacts ::: Clients,* Work,di@woo.co,Work,+44 20 7946 0000\n'
)

LINKEDIN_CONNECTIONS = (
    'Notes:\n'
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n'
    '\n'
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
    'Ann,Lee,https://www.linkedin.com/in/annlee,ann@leebakery.com,Lee Bakery,Owner,12 Mar 2024\n'
    'Bo,Tan,https://www.linkedin.com/in/botan,,Tan & Co,Director,03 Jan 2024\n'
    'Cy,Ray,https://www.linkedin.com/in/cyray,,Ray Builders,Site Manager,28 Nov 2023\n'
)

STRIPE_SUBSCRIPTIONS = (
    'id,Customer ID,Customer Description,Customer Email,Plan,Product,Quantity,Currency,Interval,Amount,Status,Created (UTC),Start (UTC),Current Period Start (UTC),Current Period End (UTC),Trial Start (UTC),Trial End (UTC),Application Fee Percent,Coupon,Tax Percent,Canceled At (UTC),Cancel At Period End,Ended At (UTC)\n'
    'sub_1OaAnn,cus_PAnn,Ann Lee,ann@gmail.com,price_1Basic,Basic,1,usd,month,29.00,active,2024-01-05 10:00,2024-01-05 10:00,2024-04-05 10:00,2024-05-05 10:00,,,,,,,false,\n'
    'sub_1OaBo,cus_PBo,Bo Tan,bo@gmail.com,price_1Basic,Basic,1,usd,month,29.00,trialing,2024-04-01 09:00,2024-04-01 09:00,2024-04-01 09:00,2024-04-15 09:00,2024-04-01 09:00,2024-04-15 09:00,,,,,false,\n'
    'sub_1OaCy,cus_PCy,Cy Ray,cy@gmail.com,price_1Pro,Pro,1,usd,year,290.00,canceled,2023-02-10 12:00,2023-02-10 12:00,2024-02-10 12:00,2025-02-10 12:00,,,,,,2024-03-01 08:00,false,2024-03-01 08:00\n'
    'sub_1OaDi,cus_PDi,Di Woo,di@gmail.com,price_1Basic,Basic,1,usd,month,29.00,past_due,2024-02-20 15:00,2024-02-20 15:00,2024-04-20 15:00,2024-05-20 15:00,,,,,,,false,\n'
    'sub_1OaEd,cus_PEd,Ed Fox,ed@gmail.com,price_1Basic,Basic,1,usd,month,29.00,incomplete_expired,2024-04-02 11:00,2024-04-02 11:00,2024-04-02 11:00,2024-05-02 11:00,,,,,,,false,2024-04-03 11:00\n'
)

SQUARE_INVOICES = (
    'Invoice Number,Invoice Title,Customer Name,Customer Email,Invoice Status,Invoice Date,Due Date,Requested Amount,Amount Paid,Amount Refunded,Location\n'
    '000101,Kitchen repaint,Ann Lee,ann@example.com,Paid,04/02/2024,04/16/2024,$850.00,$850.00,$0.00,Main St\n'
    '000102,Fence repair,Bo Tan,bo@example.com,Unpaid,04/05/2024,04/19/2024,$420.00,$0.00,$0.00,Main St\n'
    '000103,Bathroom tiles,Cy Ray,cy@example.com,Overdue,03/01/2024,03/15/2024,"$1,200.00",$0.00,$0.00,Main St\n'
    '000104,Gutter clean,Di Woo,di@example.com,Draft,04/10/2024,04/24/2024,$150.00,$0.00,$0.00,Main St\n'
    '000105,Door hang,Ed Fox,ed@example.com,Refunded,03/10/2024,03/24/2024,$200.00,$200.00,$200.00,Main St\n'
    '000106,Shed base,Fay Gold,fay@example.com,Canceled,03/20/2024,04/03/2024,$600.00,$0.00,$0.00,Main St\n'
)

ZETTLE_SALES = (
    'Date,Time,Receipt number,Payment method,Card type,Staff,Device,Description,Total (GBP),VAT (GBP),Tip (GBP)\n'
    '2024-05-03,09:12,1041,Card,Visa,Sam,iPhone 12,Flat white x2,6.40,1.07,0.00\n'
    '2024-05-03,09:30,1042,Cash,,Sam,iPhone 12,Croissant,3.20,0.00,0.00\n'
    '2024-05-03,10:05,1043,Card,Mastercard,Sam,iPhone 12,Brunch for two,24.50,4.08,2.00\n'
    '2024-05-03,11:40,1044,Card,Visa,Jo,iPad,Refund of 1041,-6.40,-1.07,0.00\n'
    '2024-05-03,12:15,1045,Card,Amex,Jo,iPad,Cake slice,4.00,0.67,0.00\n'
    ',,,,,,,Total,31.70,4.75,2.00\n'
)

ZEN_PLANNER_MEMBERS = (
    'First Name,Last Name,Email,Mobile Phone,Status,Membership,Member Since,Last Attendance,Lead Source\n'
    'Ann,Lee,ann@example.com,555-0101,Active Member,Unlimited Monthly,01/15/2023,05/02/2024,Google\n'
    'Bo,Tan,bo@example.com,555-0102,Prospect,,04/20/2024,,Instagram\n'
    'Cy,Ray,cy@example.com,555-0103,Alumni,3x Week Monthly,06/01/2022,11/30/2023,Referral\n'
    'Di,Woo,di@example.com,555-0104,Active Member,Free Trial,04/25/2024,04/29/2024,Walk-in\n'
    'Ed,Fox,ed@example.com,555-0105,Active Member,10 Class Pack,02/10/2024,04/30/2024,Google\n'
)

WODIFY_CLIENTS = (
    'Client,Email,Phone,Client Status,Membership,Membership Start Date,Membership End Date,Lead Source,Last Attendance,Location\n'
    'Ann Lee,ann@example.com,(555) 010-1010,Active,Unlimited,2023-01-15,,Google,2024-05-02,Downtown\n'
    'Bo Tan,bo@example.com,(555) 010-1020,Lead,,,,Instagram,,Downtown\n'
    'Cy Ray,cy@example.com,(555) 010-1030,Inactive,3x Per Week,2022-06-01,2023-11-30,Referral,2023-11-30,Downtown\n'
    'Di Woo,di@example.com,(555) 010-1040,Suspended,Unlimited,2023-09-01,,Google,2024-03-15,Downtown\n'
)

OUTLOOK_CONTACTS = (
    'First Name,Middle Name,Last Name,Title,Suffix,Nickname,E-mail Address,E-mail 2 Address,Home Phone,Business Phone,Mobile Phone,Job Title,Department,Company,Business Street,Business City,Business State,Business Postal Code,Business Country/Region,Web Page,Birthday,Notes,Categories\n'
    'Ann,,Lee,,,,ann@leebakery.com,,,020 7946 0001,07700 900123,Owner,,Lee Bakery,1 High St,London,,N1 1AA,United Kingdom,,,,Clients\n'
    'Bo,,Tan,,,,bo@tanco.com,,,020 7946 0002,,Director,,Tan & Co,2 Low St,Leeds,,LS1 1AA,United Kingdom,,,,Prospects\n'
    'Cy,,Ray,,,,cy@raybuild.com,,,,07700 900456,Site Manager,,Ray Builders,,,,,,,,,\n'
)

HOTJAR_SURVEY = (
    'Number,User,Date Submitted,Country,Source URL,Device,Browser,OS,How likely are you to recommend us to a friend or colleague?,What is the main reason for your score?\n'
    '1,ann@example.com,2024-05-01 09:12:44,United Kingdom,https://shop.example.com/thanks,desktop,Chrome 124,Windows 10,10,Fast delivery\n'
    '2,,2024-05-01 11:40:02,Ireland,https://shop.example.com/thanks,mobile,Safari 17,iOS 17,6,Too pricey\n'
    '3,bo@example.com,2024-05-02 14:03:10,United Kingdom,https://shop.example.com/thanks,mobile,Chrome 124,Android 14,3,Parcel damaged\n'
    '4,cy@example.com,2024-05-03 16:20:55,United Kingdom,https://shop.example.com/thanks,desktop,Firefox 125,macOS,9,\n'
)

QUICKBOOKS_CUSTOMER_CONTACT_LIST = (
    'Lee Bakery Ltd\n'
    'Customer Contact List\n'
    'All Dates\n'
    '\n'
    'Customer,Phone Numbers,Email,Full Name,Billing Address,Shipping Address\n'
    'Ann Lee,Phone: (555) 010-1010,ann@example.com,Ann Lee,"1 Main St, Springfield, IL 62701","1 Main St, Springfield, IL 62701"\n'
    'Bo Tan Co.,Phone: (555) 010-1020 Mobile: (555) 010-1021,bo@tanco.com,Bo Tan,"2 Oak Ave, Springfield, IL 62702",\n'
    'Cy Ray,,cy@example.com,Cy Ray,,\n'
    '\n'
    '\n'
    '\n'
    '"Monday, May 06, 2024 09:14 AM GMT-05:00"\n'
)

MIGHTY_NETWORKS_MEMBERS = (
    'First Name,Last Name,Email,Joined,Last Active,Role,Plans,Location,Referred By\n'
    'Ann,Lee,ann@example.com,2024-01-10,2024-05-01,Member,Inner Circle ($29/month),London,\n'
    'Bo,Tan,bo@example.com,2024-02-14,2024-04-30,Member,Free Community,Leeds,Ann Lee\n'
    'Cy,Ray,cy@example.com,2023-11-01,2024-05-02,Host,,Bristol,\n'
    'Di,Woo,di@example.com,2024-03-03,2024-03-20,Member,Inner Circle ($29/month),York,Ann Lee\n'
)

SAMCART_ORDERS = (
    'Order ID,Order Date,Customer First Name,Customer Last Name,Customer Email,Product Name,Order Total,Status,Payment Processor,Coupon\n'
    '100231,05/01/2024 10:02 AM,Ann,Lee,ann@example.com,Bread Course,$97.00,Charged,Stripe,\n'
    '100232,05/01/2024 11:15 AM,Bo,Tan,bo@example.com,Bread Course,$97.00,Refunded,Stripe,\n'
    '100233,05/02/2024 09:40 AM,Cy,Ray,cy@example.com,Sourdough Kit,$49.00,Charged,PayPal,SPRING10\n'
    '100234,05/03/2024 04:20 PM,Ann,Lee,ann@example.com,Sourdough Kit,$49.00,Charged,Stripe,\n'
    '100235,05/03/2024 05:00 PM,Di,Woo,di@example.com,Bread Course,$97.00,Failed,Stripe,\n'
)

OMNISEND_CONTACTS = (
    'Email,Phone number,First name,Last name,Email status,SMS status,Created at,Country,City,Tags\n'
    'ann@example.com,+447700900123,Ann,Lee,subscribed,subscribed,2024-01-05T10:00:00Z,United Kingdom,London,"customer, vip"\n'
    'bo@example.com,,Bo,Tan,unsubscribed,nonSubscribed,2024-02-11T08:30:00Z,United Kingdom,Leeds,\n'
    'cy@example.com,,Cy,Ray,nonSubscribed,nonSubscribed,2024-03-20T12:45:00Z,Ireland,Dublin,customer\n'
    'di@example.com,+447700900789,Di,Woo,subscribed,nonSubscribed,2024-04-02T16:10:00Z,United Kingdom,York,source: popup\n'
)

AWEBER_SUBSCRIBERS = (
    'Email,Name,Date Added,Status,Subscription Method,Ad Tracking,Tags,Last Opened,Last Clicked\n'
    'ann@example.com,Ann Lee,2024-01-05 10:00:00,subscribed,webform,homepage,"buyer,newsletter",2024-05-01,2024-04-20\n'
    'bo@example.com,Bo Tan,2024-02-11 08:30:00,unsubscribed,webform,blog,newsletter,2024-03-01,\n'
    'cy@example.com,Cy Ray,2024-03-20 12:45:00,unconfirmed,api,,,,\n'
    'di@example.com,Di Woo,2024-04-02 16:10:00,subscribed,import,,newsletter,2024-04-30,\n'
)

REVIEWS_IO = (
    'Review ID,Date,Reviewer Name,Reviewer Email,Order Number,Rating,Review Title,Review,Verified Buyer,Status,Reply\n'
    'r_88101,2024-04-03,Ann Lee,ann@example.com,#1001,5,Lovely mugs,Arrived quickly and well packed,Yes,published,Thank you Ann!\n'
    'r_88102,2024-04-05,Bo Tan,bo@example.com,#1002,2,Chipped,One mug arrived chipped,Yes,published,\n'
    'r_88103,2024-04-07,Cy Ray,cy@example.com,,4,Nice,Good value,No,published,\n'
    'r_88104,2024-04-08,Spam Bot,win@prizes.biz,,5,WIN NOW,Click here,No,rejected,\n'
)

PEEK_BOOKINGS = (
    'Booking ID,Purchase Date,Activity Date,Activity,Customer Name,Customer Email,Customer Phone,Guests,Total,Amount Paid,Balance Due,Status,Channel\n'
    'PK-5501,2024-04-01,2024-05-10,Sunset Kayak Tour,Ann Lee,ann@example.com,555-0101,2,$180.00,$180.00,$0.00,Confirmed,Online\n'
    'PK-5502,2024-04-03,2024-05-11,Sunset Kayak Tour,Bo Tan,bo@example.com,555-0102,4,$360.00,$100.00,$260.00,Confirmed,Expedia\n'
    'PK-5503,2024-04-04,2024-05-12,Harbour Paddle,Cy Ray,cy@example.com,555-0103,1,$65.00,$65.00,$0.00,Cancelled,Online\n'
    'PK-5504,2024-04-06,2024-05-20,Harbour Paddle,Ann Lee,ann@example.com,555-0101,2,$130.00,$130.00,$0.00,Confirmed,Online\n'
)

WIX_CONTACTS = (
    'First Name,Last Name,Email 1,Phone 1,Company,Labels,Email subscriber status,Source,Last Activity,Last Activity Date (UTC+0),Created At (UTC+0)\n'
    'Ann,Lee,ann@example.com,+44 7700 900123,Lee Bakery,Customers,Subscribed,Wix Stores,Purchased a product,2024-05-01 10:02,2024-01-05 10:00\n'
    'Bo,Tan,bo@example.com,,,,"Never subscribed",Site Members,Signed up to site,2024-04-02 09:00,2024-04-02 09:00\n'
    'Cy,Ray,cy@example.com,,,Leads,Unsubscribed,Forms,Submitted a form,2024-03-15 12:00,2024-03-15 12:00\n'
    'Di,Woo,di@example.com,,,,Subscribed,Wix Bookings,Booked a session,2024-04-20 15:30,2024-02-20 15:30\n'
)

TIDIO_CONTACTS = (
    'Name,Email,Phone,Country,City,Browser,OS,Created at,Last seen,Tags,Subscribed\n'
    'Ann Lee,ann@example.com,,United Kingdom,London,Chrome,Windows,2024-04-01 10:00:00,2024-05-01 09:00:00,customer,yes\n'
    'Visitor #48213,,,Germany,Berlin,Safari,iOS,2024-04-03 11:00:00,2024-04-03 11:05:00,,no\n'
    'Bo Tan,bo@example.com,+44 7700 900456,United Kingdom,Leeds,Firefox,Linux,2024-04-05 14:00:00,2024-04-06 08:00:00,lead,yes\n'
    'Visitor #48377,,,France,Paris,Chrome,Android,2024-04-07 18:00:00,2024-04-07 18:02:00,,no\n'
)

# --- money taken: Shopify Payments, Cash App, Zettle -----------------------------------------

def test_shopify_payments_transactions_have_no_client(tmp_path):
    """(Headers of Shopify Payments' transactions export, as far as known.) Charges #1001 45,
    #1002 120 and #1003 30 (its payout still pending: charged all the same) are 3 sales of
    195; the refund of #1001 is 45; the adjustment (-15) is no sale. No one is named: no
    clients (was 4 clients, one per 'Payout ID', [4, 3, 3, 0, 0])."""
    found = cli_import_text(tmp_path, "payment_transactions_export_1.csv",
                            SHOPIFY_PAYMENTS_TRANSACTIONS)
    assert found["mapping"]["Payout ID"] is None
    assert kind_totals(tmp_path, "purchase") == (3, 195.0)
    assert kind_totals(tmp_path, "refund") == (1, 45.0)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


def test_a_customer_id_beside_payouts_is_still_the_client(tmp_path):
    """Not fired: a "Customer ID" of IDs beside the same columns is the client (2 clients,
    C-1 twice), while 'Payout ID' stays no one's."""
    found = cli_import_text(tmp_path, "transactions.csv", (
        "Transaction Date,Type,Customer ID,Payout ID,Amount\n"
        "2024-03-01,charge,C-1,P-9,45.00\n"
        "2024-03-02,charge,C-2,P-9,120.00\n"
        "2024-03-09,charge,C-1,P-10,30.00\n"))
    assert found["mapping"]["Customer ID"] == "client_id"
    assert found["mapping"]["Payout ID"] is None
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_cash_app_payments_received_are_sales_of_their_senders(tmp_path):
    """(Cash App's statement, cash_app_report.csv; the "Account" values as far as known.)
    Received P2P, complete: Ann 45 (2 Apr) and 45 (2 May), Bo 60: 3 sales of 150, Ann
    again on a later date (retention). Di's 30 failed: a contact. Sent P2P to Cy Supplies,
    who paid nothing: the owner's spending, left out; the Cash Out to the bank left out.
    [3, 2, 2, 1, 0] (was 2 clients named after the owner's card and bank, no sale)."""
    found = cli_import_text(tmp_path, "cash_app_report_btc.csv", CASH_APP)
    assert found["mapping"]["Name of sender/receiver"] == "name"
    assert found["mapping"]["Account"] is None
    assert ("'Account' names the account's own cards or banks (Visa Debit 1234, Checking "
            "5678), not clients: kept as extra") in found["explanation"]
    assert ("1 row in 'Transaction Type' was money the account sent to someone who paid it "
            "nothing here (Cy Supplies): the business's own spending, no client's: left "
            "out.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 150.0)
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bo Tan",), ("Di Woo",)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_cash_app_money_sent_to_a_client_who_paid_is_a_refund(tmp_path):
    """Not left out: Sent P2P of 20 to Bo, who paid 60, is money back to a client: 1 sale
    of 60 and 1 refund of 20, Bo the one client."""
    cli_import_text(tmp_path, "cash_app_report.csv", (
        "Transaction ID,Date,Transaction Type,Currency,Amount,Fee,Net Amount,Status,Notes,"
        "Name of sender/receiver,Account\n"
        "a1,2024-04-03 12:01:07 EDT,Received P2P,USD,$60.00,$0,$60.00,COMPLETE,Colour,"
        "Bo Tan,Visa Debit 1234\n"
        "a2,2024-04-06 09:00:00 EDT,Sent P2P,USD,-$20.00,$0,-$20.00,COMPLETE,Sorry - refund,"
        "Bo Tan,Visa Debit 1234\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 60.0)
    assert kind_totals(tmp_path, "refund") == (1, 20.0)
    assert workspace_rows(tmp_path, "SELECT name FROM clients") == [("Bo Tan",)]


def test_zettle_receipts_take_the_tip_off(tmp_path):
    """(Zettle's receipts export; the "(GBP)" after each money header as far as known, and
    its total taken to hold the tip, as SumUp's does.) Receipts 1041 6.40, 1042 3.20, 1043
    24.50 with a 2.00 tip (a sale of 22.50), 1045 4.00: 4 sales of 36.10 (was 38.10, the
    tip counted); 1044 the refund of 1041, 6.40; the Total row left out. No one named."""
    found = cli_import_text(tmp_path, "Zettle-Receipts-2024-05-03.csv", ZETTLE_SALES)
    assert ("1 tip in 'Tip (GBP)' (2.00 in all) was taken off its sale's amount in 'Total "
            "(GBP)': a tip is not the sale's price.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (4, 36.1)
    assert kind_totals(tmp_path, "refund") == (1, 6.4)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


# --- contact books: Google, LinkedIn, Outlook, QuickBooks, Wix, Tidio, Omnisend, AWeber --------

def test_google_contacts_labels_say_who_is_a_client(tmp_path):
    """(Google Contacts' CSV of 2024.) Ann and Di are labelled Clients: purchase; Cy Leads
    and Bo no label: awareness. [4, 2, 2, 0, 0] (was [4, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "contacts.csv", GOOGLE_CONTACTS)
    assert ("3 clients tagged with a stage in 'Labels' were read so: 2 at purchase, 1 at "
            "awareness.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bo Tan",), ("Cy Ray",), ("Di Woo",)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


def test_labels_of_other_groups_say_no_stage(tmp_path):
    """Not fired: "Family", "Friends", "Newsletters" name no one's stage: 3 at awareness."""
    cli_import_text(tmp_path, "contacts.csv", (
        "First Name,Last Name,Labels,E-mail 1 - Value\n"
        "Ann,Lee,* myContacts ::: Family,ann@x.com\n"
        "Bo,Tan,* myContacts ::: Friends,bo@x.com\n"
        "Cy,Ray,Newsletters,cy@x.com\n"))
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_linkedin_connections_are_contacts(tmp_path):
    """(LinkedIn's Connections.csv, its notes above the header.) 3 connections, each at
    awareness, named by company (a company on every row is the client), first contact the
    day connected."""
    found = cli_import_text(tmp_path, "Connections.csv", LINKEDIN_CONNECTIONS)
    assert found["mapping"]["Connected On"] == "first_contact"
    assert workspace_rows(tmp_path, "SELECT name, first_contact FROM clients ORDER BY "
                                    "first_contact") == [
        ("Ray Builders", "2023-11-28"), ("Tan & Co", "2024-01-03"),
        ("Lee Bakery", "2024-03-12")]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_outlook_contacts_categories_say_who_is_a_client(tmp_path):
    """(Outlook's contacts CSV, trimmed to its usual columns.) Ann's category Clients:
    purchase; Bo Prospects and Cy none: awareness. [3, 1, 1, 0, 0] (was [3, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "contacts.csv", OUTLOOK_CONTACTS)
    assert ("2 clients tagged with a stage in 'Categories' were read so: 1 at purchase, 1 "
            "at awareness.") in found["notes"]
    assert cli_funnel(tmp_path) == [3, 1, 1, 0, 0]


def test_quickbooks_customer_contact_list(tmp_path):
    """(QuickBooks Online's Customer Contact List report as CSV: its title rows and the
    date it was run below.) 3 customers at awareness; neither the title nor the footer is
    a client."""
    found = cli_import_text(tmp_path, "Lee Bakery Ltd_Customer Contact List.csv",
                            QUICKBOOKS_CUSTOMER_CONTACT_LIST)
    assert "row 12 below the table (a footer) was not imported" in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bo Tan Co.",), ("Cy Ray",)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_wix_contacts_labels(tmp_path):
    """(Wix's contacts export; headers as far as known.) Ann's label Customers: purchase;
    Cy Leads, Bo and Di none: awareness. [4, 1, 1, 0, 0] (was [4, 0, 0, 0, 0])."""
    cli_import_text(tmp_path, "contacts.csv", WIX_CONTACTS)
    assert cli_funnel(tmp_path) == [4, 1, 1, 0, 0]


def test_tidio_contacts_without_anyone_named_are_said(tmp_path):
    """(Tidio's contacts export; headers as far as known.) Ann tagged customer: purchase;
    Bo lead: awareness; the two anonymous visitors have no e-mail or name: rejected with
    their reason. [2, 1, 1, 0, 0]."""
    found = cli_import_text(tmp_path, "contacts.csv", TIDIO_CONTACTS)
    assert found["rejected"] == 2
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_omnisend_contacts_tagged_customer(tmp_path):
    """(Omnisend's contacts export; headers as far as known.) Ann ("customer, vip") and Cy
    ("customer") tagged customers: purchase; Bo (unsubscribed) and Di: awareness.
    [4, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "contacts.csv", OMNISEND_CONTACTS)
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


def test_aweber_subscribed_is_no_retained_customer(tmp_path):
    """(AWeber's subscribers export; headers as far as known.) 'subscribed' says the person
    gets the e-mails, not that they bought again: Ann (tagged buyer) at purchase, the rest
    at awareness. [4, 1, 1, 0, 0] (was [4, 2, 2, 2, 0]: Ann and Di retained)."""
    found = cli_import_text(tmp_path, "subscribers.csv", AWEBER_SUBSCRIBERS)
    assert any("on a list of leads or subscribers" in n for n in found["notes"])
    assert cli_funnel(tmp_path) == [4, 1, 1, 0, 0]


def test_subscribed_on_a_list_of_paying_members_is_a_customer(tmp_path):
    """Not fired the other way: on a list of members paying a fee, 'Subscribed' says they
    are members still, as 'Active' does: 2 customers (purchase), neither retained."""
    cli_import_text(tmp_path, "members.csv", (
        "Member,Email,Monthly fee,Status\n"
        "Ann Lee,ann@x.com,£30,Subscribed\n"
        "Bo Tan,bo@x.com,£30,Subscribed\n"))
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- subscriptions and members: Stripe, Zen Planner, Wodify, Mighty Networks ---------------

def test_stripe_subscriptions_are_read_as_subscriptions(tmp_path):
    """(Stripe's subscriptions export from the dashboard.) Ann's monthly plan, active, from
    5 Jan to a current period begun 5 Apr: paid 4 times (retention). Di's monthly plan from
    20 Feb, past due on the period begun 20 Apr: paid 20 Feb and 20 Mar, 2 (retention),
    a customer still. Cy's yearly plan from 10 Feb 2023, renewed 10 Feb 2024, canceled on 1
    Mar 2024: 2 payments, churned. Bo trialing: consideration. Ed's incomplete_expired was
    never paid: awareness. [5, 4, 3, 3, 0] (was [5, 3, 2, 0, 0], not recognised)."""
    found = cli_import_text(tmp_path, "subscriptions.csv", STRIPE_SUBSCRIPTIONS)
    assert found["recognised_as"] == "stripe_subscriptions"
    assert "1 customer of them churned" in found["explanation"]
    assert "3 of them renewed" in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT name, purchases, status, last_contact FROM "
                                    "clients ORDER BY name") == [
        ("Ann Lee", 4.0, "active", None), ("Bo Tan", 0.0, None, None),
        ("Cy Ray", 2.0, "churned", "2024-03-01 08:00:00"), ("Di Woo", 2.0, "active", None),
        ("Ed Fox", 0.0, None, None)]
    assert cli_funnel(tmp_path) == [5, 4, 3, 3, 0]


def test_a_stripe_subscription_in_its_first_period_is_bought_once(tmp_path):
    """Not fired: a monthly plan begun 1 Apr whose current period began 1 Apr has paid
    once: purchase, no renewal. [1, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "subscriptions.csv", (
        "id,Customer ID,Customer Description,Customer Email,Plan,Quantity,Interval,Amount,"
        "Status,Created (UTC),Start (UTC),Current Period Start (UTC),Current Period End (UTC)\n"
        "sub_1,cus_1,Ann Lee,ann@gmail.com,price_1,1,month,29.00,active,2024-04-01 10:00,"
        "2024-04-01 10:00,2024-04-01 10:00,2024-05-01 10:00\n"))
    assert workspace_rows(tmp_path, "SELECT purchases FROM clients") == [(1.0,)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


def test_zen_planner_members(tmp_path):
    """(Zen Planner's member list report; statuses as far as known.) Ann, Active Member on
    Unlimited Monthly from 15 Jan 2023 to a last attendance on 2 May 2024: 16 monthly
    payments, retention. Cy, Alumni, 3x Week Monthly from 1 Jun 2022 to 30 Nov 2023: 18
    payments, retention, churned. Ed's 10 Class Pack: bought once. Di's Free Trial:
    consideration. Bo, a Prospect: awareness. [5, 4, 3, 2, 0] (was [5, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "members.csv", ZEN_PLANNER_MEMBERS)
    assert found["recognised_as"] == "member_list"
    assert workspace_rows(tmp_path, "SELECT name, purchases, status FROM clients "
                                    "WHERE purchases > 0 ORDER BY name") == [
        ("Ann Lee", 16.0, "active"), ("Cy Ray", 18.0, "churned"), ("Ed Fox", 1.0, "active")]
    assert cli_funnel(tmp_path) == [5, 4, 3, 2, 0]


def test_wodify_clients(tmp_path):
    """(Wodify's clients export; headers as far as known.) Ann, Active, Unlimited from 15
    Jan 2023 to 2 May 2024: 16 payments. Cy, Inactive, from 1 Jun 2022 to 30 Nov 2023: 18,
    churned. Di, Suspended (a member still), from 1 Sep 2023 to 15 Mar 2024: 7. Bo, a Lead
    with no membership: awareness. [4, 3, 3, 3, 0] (was [4, 2, 2, 0, 0]: Di's Suspended not
    a member's)."""
    found = cli_import_text(tmp_path, "clients.csv", WODIFY_CLIENTS)
    assert found["recognised_as"] == "member_list"
    assert workspace_rows(tmp_path, "SELECT name, purchases, first_contact FROM clients "
                                    "ORDER BY name") == [
        ("Ann Lee", 16.0, "2023-01-15"), ("Bo Tan", None, None),
        ("Cy Ray", 18.0, "2022-06-01"), ("Di Woo", 7.0, "2023-09-01")]
    assert cli_funnel(tmp_path) == [4, 3, 3, 3, 0]


def test_a_client_status_without_memberships_is_no_member_list(tmp_path):
    """Not fired: a tutor's clients with a "Client Status" and a "Last Attendance" but no
    membership, member or plan column are not a member list."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Client Status,Last Attendance\n"
        "Ann Lee,ann@x.com,Active,2024-05-02\n"
        "Bo Tan,bo@x.com,Lead,\n"))
    assert found["recognised_as"] is None


def test_mighty_networks_members_left_alone(tmp_path):
    """(Mighty Networks' members export; headers as far as known.) Left alone: the Host
    (the owner) is left out and Ann, who referred Bo and Di, is at advocacy; the paid plan
    in 'Plans' ("Inner Circle ($29/month)") is not read as a purchase. Right would be
    [3, 2, 2, 1, 1]; read [3, 1, 1, 1, 1]."""
    found = cli_import_text(tmp_path, "members.csv", MIGHTY_NETWORKS_MEMBERS)
    assert found["rejected"] == 1
    assert cli_funnel(tmp_path) == [3, 1, 1, 1, 1]


# --- surveys and reviews: Hotjar, Reviews.io ------------------------------------------------

def test_hotjar_survey_answers(tmp_path):
    """(Hotjar's survey responses export.) Ann 10 and Cy 9: promoters (advocacy); Bo 3 and
    the anonymous 6: detractors, NPS (2 - 2) / 4 = 0. The anonymous answer is kept without
    a client (was rejected, the sheet read as a client list). 3 clients, [3, 2, 2, 2, 2]."""
    found = cli_import_text(tmp_path, "survey-responses.csv", HOTJAR_SURVEY)
    assert found["recognised_as"] == "nps_survey"
    assert kind_totals(tmp_path, "nps") == (4, 28.0)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE client_id IS NULL "
                                    "AND kind = 'nps'") == [(1,)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 2, 2]


def test_reviews_io_verified_buyers_bought(tmp_path):
    """(Reviews.io's merchant reviews export; headers as far as known.) Ann 5 stars and Cy
    4: advocacy; Bo's 2 stars, a verified buyer's, is a complaint and Bo bought: purchase
    (was awareness). The rejected spam is left out. [3, 3, 3, 2, 2] (was [3, 2, 2, 2, 2])."""
    found = cli_import_text(tmp_path, "reviews.csv", REVIEWS_IO)
    assert "2 reviews marked a verified buyer's" in found["explanation"]
    assert kind_totals(tmp_path, "complaint")[0] == 1
    assert cli_funnel(tmp_path) == [3, 3, 3, 2, 2]


def test_an_unverified_low_review_places_no_buyer(tmp_path):
    """Not fired: Verified Buyer No on a 2-star review: a complaint, the reviewer at
    awareness."""
    cli_import_text(tmp_path, "reviews.csv", (
        "Review ID,Date,Reviewer Name,Reviewer Email,Rating,Review,Verified Buyer\n"
        "r1,2024-04-05,Bo Tan,bo@x.com,2,Chipped,No\n"))
    assert cli_funnel(tmp_path) == [1, 0, 0, 0, 0]


# --- orders, invoices, bookings: Square Invoices, SamCart, Peek Pro --------------------------

def test_square_invoices(tmp_path):
    """(Square Invoices' export; headers as far as known.) Ann paid 850: a sale; Ed's 200
    refunded: a sale and a refund of 200; Bo unpaid, Cy overdue and Di's draft are
    contacts (an invoice list's rule); Fay's canceled a cancellation. 2 sales of 1,050,
    [6, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "invoices.csv", SQUARE_INVOICES)
    assert kind_totals(tmp_path, "purchase") == (2, 1050.0)
    assert kind_totals(tmp_path, "refund") == (1, 200.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [6, 2, 2, 0, 0]


def test_samcart_orders(tmp_path):
    """(SamCart's orders export; headers as far as known.) Charged: Ann 97 and 49 on two
    days (retention), Cy 49; Bo's 97 refunded: a sale and its refund; Di's failed: a
    contact. 4 sales of 292, 1 refund of 97, [4, 3, 3, 1, 0]."""
    cli_import_text(tmp_path, "orders.csv", SAMCART_ORDERS)
    assert kind_totals(tmp_path, "purchase") == (4, 292.0)
    assert kind_totals(tmp_path, "refund") == (1, 97.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_peek_pro_bookings(tmp_path):
    """(Peek Pro's bookings export; headers as far as known.) Ann's two confirmed bookings
    paid 180 and 130 (retention); Bo's confirmed booking paid 100 of 360 so far: a sale of
    100; Cy's cancelled: a cancellation. 3 sales of 410, [3, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "bookings.csv", PEEK_BOOKINGS)
    assert kind_totals(tmp_path, "purchase") == (3, 410.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]
