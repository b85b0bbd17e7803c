"""Exports from a sweep of twenty nobody had tried (session 16), whose import gave wrong
figures. Hand-worked figures, through the command line (cumulative funnel: awareness,
consideration, purchase, retention, advocacy).

- Big Cartel orders: "Total price" (45, 24, 33.80) is what each buyer paid, not "Item
  total" (the goods before shipping): 3 purchases of 102.80 (was 90).
- Zoho Desk tickets: "Classifications" is the ticket's type: Question and Feature are
  support contacts, Problem a complaint: 3 complaints, 2 contacts (was 5 complaints).
- Trustpilot reviews under "Review Consumer Name" and "Email Address": 4 reviewers, Jane
  (5, 5) and Sofia (4) advocates -> [4, 2, 2, 2, 2] (was no client at all).
- Retently NPS: "Score" beside a campaign "Q2 NPS" and a Promoter/Detractor status is the
  0-10 answer: Lucy 10 and 9 a promoter -> [4, 1, 1, 1, 1] (was no score, [4, 0, 0, 0, 0]).
- Bookwhen bookings: "Booker name" names the client (was nameless).
- Thinkific orders: the owner's "Test Student" (test@example.com) is no client: 4 (was 5).
- Agile CRM and Kit (ConvertKit): a tag "Customer" or "Purchased: ..." on a client list
  without a stage column says the client bought: [4, 2, 2, 0, 0] and [5, 2, 2, 0, 0] (were
  everyone at awareness).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"
NAMES = "SELECT name FROM clients ORDER BY name"


BIG_CARTEL = (
    'Number,Created at,Status,Payment status,Shipping status,Buyer first name,Buyer last name,'
    'Buyer email,Buyer phone number,Shipping address 1,Shipping city,Shipping country,Items,'
    'Item count,Item total,Shipping total,Tax total,Discount total,Discount code,Total price,'
    'Currency,Note\n'
    'BC-1001,2024-04-02 14:11:09 -0400,completed,completed,shipped,Nora,Quinn,nora@quinn.art,,'
    '12 Elm St,Portland,US,product_name:Print A4|option_name:Default|quantity:2|price:20.0,2,'
    '40.00,5.00,0.00,0.00,,45.00,USD,\n'
    'BC-1002,2024-04-03 09:30:41 -0400,completed,completed,unshipped,Omar,Reyes,omar@reyes.mx,'
    '+52 55 1234 5678,Av. Reforma 10,Mexico City,MX,product_name:Tote Bag|option_name:Natural|'
    'quantity:1|price:18.0,1,18.00,6.00,0.00,0.00,,24.00,USD,gift please\n'
    'BC-1003,2024-04-05 18:02:00 -0400,cancelled,refunded,unshipped,Pia,Stone,pia@stone.co,,'
    '3 Mill Rd,Leeds,GB,product_name:Print A3|option_name:Default|quantity:1|price:30.0,1,'
    '30.00,0.00,0.00,0.00,,30.00,USD,\n'
    'BC-1004,2024-04-20 11:45:12 -0400,completed,completed,shipped,Nora,Quinn,nora@quinn.art,,'
    '12 Elm St,Portland,US,product_name:Sticker Pack|option_name:Default|quantity:3|price:4.0; '
    'product_name:Print A4|option_name:Default|quantity:1|price:20.0,4,32.00,5.00,0.00,3.20,'
    'WELCOME10,33.80,USD,\n')


def test_an_orders_total_price_beats_its_item_total(tmp_path):
    """Nora 45 (2 Apr) and 33.80 (20 Apr), Omar 24: 3 purchases of 102.80; Pia's cancelled
    order no sale. Nora on two days: retention. Before: 3 purchases of 90 (40 + 18 + 32,
    the goods before shipping and a discount)."""
    cli_import_text(tmp_path, "orders.csv", BIG_CARTEL)
    assert kind_totals(tmp_path, "purchase") == (3, 102.8)
    assert kind_totals(tmp_path, "cancellation") == (1, 30.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_an_order_lines_item_total_is_still_its_amount(tmp_path):
    """Beside a unit "Price" alone, "Item Total" is each line's amount: 2 x 12 + 1 x 30 =
    54 for Ann, 15 for Bo: 2 purchases of 69."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order Number,Order Date,Customer Name,Product,Quantity,Price,Item Total\n"
        "5001,2024-05-01,Ann Hale,Mug,2,12.00,24.00\n"
        "5001,2024-05-01,Ann Hale,Teapot,1,30.00,30.00\n"
        "5002,2024-05-03,Bo Park,Coaster set,1,15.00,15.00\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 69.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


ZOHO_DESK = (
    'Ticket Id,Subject,Status,Ticket Owner,Contact Name,Email,Account Name,Department,Channel,'
    'Priority,Classifications,Created Time,Closed Time\n'
    '101,Order arrived damaged,Closed,Rita Gomez,Ben Ortiz,ben@ortiz.io,,Support,Email,High,'
    'Problem,04 Mar 2024 09:12 AM,05 Mar 2024 04:00 PM\n'
    '102,How do I change my delivery address?,Closed,Rita Gomez,Cleo Watts,cleo@watts.me,,'
    'Support,Web,Low,Question,06 Mar 2024 11:00 AM,06 Mar 2024 11:30 AM\n'
    '103,Charged twice for order 4471,Open,Sam Lee,Ben Ortiz,ben@ortiz.io,,Billing,Phone,'
    'Urgent,Problem,12 Mar 2024 02:15 PM,\n'
    '104,Feature idea: gift wrapping,On Hold,Sam Lee,Dev Patel,dev@pateltraders.in,'
    'Patel Traders,Support,Chat,Low,Feature,15 Mar 2024 10:00 AM,\n'
    '105,Refund not received,Escalated,Sam Lee,Cleo Watts,cleo@watts.me,,Billing,Email,High,'
    'Problem,20 Mar 2024 09:00 AM,\n')


def test_a_tickets_classification_is_its_type(tmp_path):
    """Problems 101, 103 (Ben), 105 (Cleo) are complaints; Cleo's question and Dev's
    feature idea support contacts. Before: 5 complaints. Dev writes for Patel Traders, his
    Account: the ticket is that business's, Dev its contact (s16-E's rule for tickets of an
    organisation, as a deal is its company's)."""
    found = cli_import_text(tmp_path, "tickets.csv", ZOHO_DESK)
    assert found["recognised_as"] == "helpdesk_tickets"
    assert workspace_rows(tmp_path, KINDS) == [("complaint", 3, None), ("contact", 2, None)]
    assert workspace_rows(tmp_path, "SELECT name, complaint_count, contact_name FROM clients "
                          "ORDER BY name") == [("Ben Ortiz", 2, None), ("Cleo Watts", 1, None),
                                               ("Patel Traders", 0, "Dev Patel")]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


TRUSTPILOT = (
    'Review Created (UTC),Review ID,Review Consumer User ID,Review Consumer Name,'
    'Email Address,Reference Id,Review Stars,Review Title,Review Content,Source Of Review,'
    'Review Language,Company Reply Date (UTC),Reply Content\n'
    '2024-04-02 10:11:00,66a1,5f01,Jane Cole,jane@cole.uk,ORD-1001,5,Brilliant service,'
    'Arrived next day.,AFSv2,en,2024-04-02 12:00:00,Thank you Jane!\n'
    '2024-04-05 18:40:00,66a2,5f02,Mark T,,,1,Never arrived,Still waiting.,Organic,en,'
    '2024-04-06 09:00:00,Sorry Mark - please email us.\n'
    '2024-04-09 08:15:00,66a3,5f03,Sofia Ruiz,sofia@ruiz.es,ORD-1010,4,Muy bien,'
    'Buena calidad.,AFSv2,es,,\n'
    '2024-04-12 19:02:00,66a4,5f01,Jane Cole,jane@cole.uk,ORD-1022,5,Second order,'
    'Lovely again.,AFSv2,en,,\n'
    '2024-04-15 13:30:00,66a5,5f04,Peter Ng,peter@ng.sg,ORD-1030,2,Slow delivery,'
    'Took ten days.,AFSv2,en,,\n')


def test_a_reviews_export_names_its_reviewers_under_other_headers(tmp_path):
    """5 reviews of 4 reviewers (Mark, organic, has no e-mail): Jane's two 5s and Sofia's
    4 prove advocacy; Mark's 1 and Peter's 2 are complaints too. Before: the reviews had no
    reviewer at all, no client, [0, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "reviews.csv", TRUSTPILOT)
    assert found["recognised_as"] == "trustpilot_reviews"
    assert workspace_rows(tmp_path, NAMES) == [
        ("Jane Cole",), ("Mark T",), ("Peter Ng",), ("Sofia Ruiz",)]
    assert workspace_rows(tmp_path, KINDS) == [("complaint", 2, None), ("review", 5, 17.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 2, 2]


def test_a_trustpilot_export_under_its_own_headers(tmp_path):
    """The profile's own "Consumer Name" and "Consumer Email": the same 4 reviewers."""
    own = TRUSTPILOT.replace("Review Consumer Name,Email Address,",
                             "Consumer Name,Consumer Email,", 1)
    cli_import_text(tmp_path, "reviews.csv", own)
    assert workspace_rows(tmp_path, "SELECT name, email FROM clients ORDER BY name") == [
        ("Jane Cole", "jane@cole.uk"), ("Mark T", None), ("Peter Ng", "peter@ng.sg"),
        ("Sofia Ruiz", "sofia@ruiz.es")]
    assert cli_funnel(tmp_path) == [4, 2, 2, 2, 2]


RETENTLY = (
    'Customer ID,Email,First Name,Last Name,Company,Score,Feedback,Tags,Campaign,Channel,'
    'Response Date,Status\n'
    'c_101,lucy@fernstudio.io,Lucy,Fern,Fern Studio,10,Love the new dashboard,promoter,'
    'Q2 NPS,email,2024-05-02 10:00,Promoter\n'
    'c_102,raj@mehta.in,Raj,Mehta,,7,It\'s fine,passive,Q2 NPS,email,2024-05-03 14:20,Passive\n'
    'c_103,ella@stone.com,Ella,Stone,,3,Support is too slow,"detractor, support",Q2 NPS,'
    'in-app,2024-05-04 09:05,Detractor\n'
    'c_101,lucy@fernstudio.io,Lucy,Fern,Fern Studio,9,Still great,promoter,Q3 NPS,email,'
    '2024-08-01 11:00,Promoter\n'
    'c_104,tom@vale.net,Tom,Vale,Vale & Co,,,,Q3 NPS,email,,Unsubscribed\n')


def test_an_nps_tools_score_beside_its_campaign_is_the_answer(tmp_path):
    """4 answers, 10 + 7 + 3 + 9 = 29; Tom, unsubscribed, gave none (a contact). Lucy a
    promoter: advocacy. Before: 5 NPS events with no score, [4, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "export.csv", RETENTLY)
    assert found["recognised_as"] == "nps_survey"
    assert workspace_rows(tmp_path, KINDS) == [("contact", 1, None), ("nps", 4, 29.0)]
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE furthest_stage = "
                                    "'advocacy'") == [("Lucy Fern",)]
    assert cli_funnel(tmp_path) == [4, 1, 1, 1, 1]


def test_a_lead_score_beside_a_status_is_no_nps(tmp_path):
    """A CRM's lead "Score" beside a "Status" of leads is no NPS answer (no campaign and no
    promoter says so): 3 leads, no NPS."""
    cli_import_text(tmp_path, "leads.csv", (
        "Email,First Name,Last Name,Score,Status,Created Date\n"
        "amy@a.com,Amy,Ash,9,New,2024-05-01\n"
        "bo@b.com,Bo,Birch,10,Working,2024-05-02\n"
        "cy@c.com,Cy,Cole,4,New,2024-05-03\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE kind = 'nps'") == [(0,)]
    assert cli_funnel(tmp_path)[4] == 0


BOOKWHEN = (
    'Booking reference,Booked at,Event title,Event start,Ticket,Quantity,Booker name,'
    'Booker email,Booker phone,Total,Payment status,Cancelled\n'
    'BK-7A1,2024-01-02 18:30,Yoga Flow,2024-01-06 09:00,Drop-in,1,Iris Bell,iris@bell.uk,'
    '07700 900111,£12.00,Paid,No\n'
    'BK-7A2,2024-01-10 08:05,Yoga Flow,2024-01-13 09:00,5-class pass,1,Iris Bell,iris@bell.uk,'
    '07700 900111,£50.00,Paid,No\n'
    'BK-7A3,2024-01-11 12:00,Taster class,2024-01-14 10:00,Free taster,1,Jon Amis,jon@amis.uk,,'
    '£0.00,Free,No\n'
    'BK-7A4,2024-01-12 21:10,Yoga Flow,2024-01-20 09:00,Drop-in,2,Kate Lowe,kate@lowe.uk,,'
    '£24.00,Paid,No\n'
    'BK-7A5,2024-01-15 07:55,Yoga Flow,2024-01-20 09:00,Drop-in,1,Sam Ho,sam@ho.uk,,£12.00,'
    'Refunded,Yes\n')


def test_the_booker_is_the_client(tmp_path):
    """Iris 12 + 50 (two days: retention), Kate 24: 3 purchases of 86; Jon's free taster a
    contact, Sam's refunded booking cancelled. Before: the same figures, every client
    nameless."""
    cli_import_text(tmp_path, "bookings.csv", BOOKWHEN)
    assert workspace_rows(tmp_path, "SELECT name, phone FROM clients ORDER BY name") == [
        ("Iris Bell", "07700 900111"), ("Jon Amis", None), ("Kate Lowe", None),
        ("Sam Ho", None)]
    assert kind_totals(tmp_path, "purchase") == (3, 86.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


THINKIFIC = (
    'Order ID,Created At,Customer Name,Customer Email,Product Name,Price,Coupon Code,Amount,'
    'Currency,Payment Type,Status,Affiliate\n'
    '1001,2024-03-01 10:02 UTC,Grace Hopper,grace@hopper.dev,Intro to Watercolour,49.00,,'
    '49.00,USD,Single Payment,Complete,\n'
    '1002,2024-03-02 11:15 UTC,Alan Turing,alan@turing.uk,Free Mini Course,0.00,,0.00,USD,'
    'Free,Complete,\n'
    '1003,2024-03-04 09:40 UTC,Ada Lovelace,ada@lovelace.org,Watercolour Masterclass,299.00,,'
    '299.00,USD,Single Payment,Complete,\n'
    '1004,2024-03-18 14:05 UTC,Grace Hopper,grace@hopper.dev,Watercolour Masterclass,299.00,'
    'LAUNCH50,149.50,USD,Single Payment,Refunded,\n'
    '1005,2024-03-20 08:30 UTC,Linus Berg,linus@berg.se,Intro to Watercolour,49.00,,49.00,USD,'
    'Single Payment,Complete,\n'
    '1006,2024-03-21 16:00 UTC,Test Student,test@example.com,Intro to Watercolour,49.00,'
    'TEST100,0.00,USD,Free,Complete,\n')


def test_a_test_person_is_no_client(tmp_path):
    """The owner's own try of the checkout ("Test Student", test@example.com) is rejected:
    4 clients. Sales 49 + 299 + 149.50 (refunded, a refund beside it) + 49; Alan's free
    course a contact. Before: 5 clients, the test person a second free contact."""
    found = cli_import_text(tmp_path, "orders.csv", THINKIFIC)
    assert [(p["row"], p["value"]) for p in found["problems"]] == [(7, "Test Student")]
    assert workspace_rows(tmp_path, KINDS) == [
        ("contact", 1, 0.0), ("purchase", 4, 546.5), ("refund", 1, 149.5)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_a_business_called_test_is_a_client(tmp_path):
    """Test Valley Ltd (accounts@testvalley.co.uk) is a real client; only a row whose name
    and e-mail both say test is one: 2 clients, 2 purchases of 500."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Invoice Number,Date,Customer Name,Customer Email,Total,Status\n"
        "INV-1,2024-02-01,Test Valley Ltd,accounts@testvalley.co.uk,300.00,Paid\n"
        "INV-2,2024-02-03,Hill Farm,testing@hillfarm.co.uk,200.00,Paid\n"))
    assert found["rejected"] == 0
    assert kind_totals(tmp_path, "purchase") == (2, 500.0)


AGILE_CRM = (
    'First Name,Last Name,Email,Company,Title,Phone,Lead Score,Star Value,Tags,Owner,'
    'Created Date,Updated Date\n'
    'Nia,Okafor,nia@okaforfoods.ng,Okafor Foods,Buyer,+234 803 000 0001,85,5,"Customer, VIP",'
    'Tess,03/01/2024,04/10/2024\n'
    'Owen,Price,owen@price.uk,,,,20,2,Lead,Tess,02/12/2024,02/12/2024\n'
    'Paula,Quist,paula@quist.nl,Quist BV,CEO,,0,0,Newsletter,Ugo,02/20/2024,02/20/2024\n'
    'Ravi,Shah,ravi@shah.com,,,+1 415 555 0199,60,4,Customer,Ugo,01/15/2024,03/30/2024\n')

KIT = (
    'first_name,email_address,state,created_at,tags\n'
    'Hana,hana@kiln.studio,active,2024-01-05 09:30:00 UTC,'
    '"Downloaded: Glaze Guide, Purchased: Wheel Basics Course"\n'
    'Ivo,ivo@marek.cz,active,2024-01-09 20:11:00 UTC,Downloaded: Glaze Guide\n'
    'June,june@park.kr,cancelled,2024-01-15 07:45:00 UTC,Downloaded: Glaze Guide\n'
    'Kofi,kofi@mensah.gh,active,2024-02-01 12:00:00 UTC,'
    '"Purchased: Wheel Basics Course, Purchased: Glazing Masterclass"\n'
    'Lena,lena@fischer.de,bounced,2024-02-10 16:20:00 UTC,\n')


def test_a_client_lists_tags_say_who_bought(tmp_path):
    """Agile CRM: Nia ("Customer, VIP") and Ravi ("Customer") bought, Owen is a lead; the
    0-5 "Star Value" is no review: [4, 2, 2, 0, 0]. Before: [4, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "contacts.csv", AGILE_CRM)
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE furthest_stage = "
                                    "'purchase' ORDER BY name") == [("Okafor Foods",),
                                                                    ("Ravi Shah",)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


def test_a_mailing_lists_purchased_tags_say_who_bought(tmp_path):
    """Kit: Hana and Kofi are tagged "Purchased: ...": [5, 2, 2, 0, 0] (the export has no
    dates of purchase: Kofi's two courses are not read as a repeat). Before: everyone at
    awareness."""
    cli_import_text(tmp_path, "subscribers.csv", KIT)
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE furthest_stage = "
                                    "'purchase' ORDER BY name") == [("Hana",), ("Kofi",)]
    assert cli_funnel(tmp_path) == [5, 2, 2, 0, 0]


def test_tags_that_name_no_stage_say_nothing(tmp_path):
    """Tags of interests ("Yoga", "Newsletter") place no one: [3, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "contacts.csv", (
        "Name,Email,Tags\n"
        "Amy Ash,amy@a.com,\"Yoga, Newsletter\"\n"
        "Bo Birch,bo@b.com,Pilates\n"
        "Cy Cole,cy@c.com,\n"))
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_rows_read_as_nps_answers_are_said_so(tmp_path):
    """A sheet called "nps" whose rows say nothing else: the note says "NPS answers" (was
    "read as npss")."""
    found = cli_import_text(tmp_path, "nps.csv", (
        "Name,Date,Comment\n"
        "Ann Lee,2024-05-01,Great\n"
        "Bo Tan,2024-05-02,Slow\n"))
    assert any(note.startswith("2 rows with nothing saying what happened were read as NPS "
                               "answers, because the file is called 'nps.csv'")
               for note in found["notes"])


def test_a_conversations_topic_tags_place_no_one(tmp_path):
    """Tags of what a conversation was about ("onboarding", "trial", "pre-sales") say nothing
    of who the person is: a list of conversations read as clients stays at awareness
    (merge of s16-C and s16-E: "onboarding" had made Eve a customer)."""
    cli_import_text(tmp_path, "conversations.csv", (
        "Conversation ID,Created at,State,User name,User email,Tags,Subject\n"
        "1,2024-03-05 15:30,open,Frank Li,frank@li.io,pre-sales,Pricing?\n"
        "2,2024-03-12 10:05,closed,Eve Park,eve@park.studio,onboarding,Import my data\n"
        "3,2024-03-14 09:00,closed,Gil Roy,gil@roy.io,trial,How long is the trial?\n"))
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]
