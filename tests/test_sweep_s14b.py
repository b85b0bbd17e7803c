"""Sheets from a sweep of service businesses' exports nobody had tried (session 14, B),
whose import gave wrong figures. Hand-worked figures, through the command line (cumulative
funnel: awareness, consideration, purchase, retention, advocacy).

- Zenoti sales (invoice lines): "Sales (Exc. Tax)" beside "Sales (Inc. Tax)" is before tax;
  the with-tax one is the amount: 4 purchases of 384.80 (118.80 + 79 + 108 + 79) and a
  refund of 108 (was 368 and 100).
- Jotform survey: "Submission Date" and "Submission ID" make it a survey's responses; the
  "How likely are you to recommend us" answer is an NPS event: 5 answers, promoters Ada
  (10, then 9) and Cid (9) -> [4, 2, 2, 2, 2] (was 5 scoreless events, [4, 0, 0, 0, 0]).
- Nutshell leads: a lead is a deal ("Confidence", "Value", "Milestone"); "Primary Account" is
  the client, "Name" the deal, "Lead ID" the deal's number; "Qualify" is consideration:
  5 companies, won 2 of 15,000 (Acme twice, on two days: retention) -> [5, 5, 1, 1, 0]
  (was 6 clients named after the leads, [6, 4, 2, 0, 0]).
- ServiceTitan jobs: "Jobs Total" is the amount: 3 sales of 1,868 (289 + 1,450 + 129); Dee's
  recall done at no charge is no sale; the footer "Total" row no one's -> [5, 3, 2, 1, 0]
  (was 4 purchases of no amount, [5, 4, 3, 1, 0]).
- Tradify jobs: "Invoiced (inc GST)" is the amount: 3 sales of 3,410 (880 + 2,200 + 330);
  Oli's job completed and not invoiced (0) no sale; Lou's quote consideration ->
  [5, 3, 2, 1, 0] (was 4 purchases of no amount, [5, 4, 3, 1, 0]).
- Jobber invoices: no column says what was paid, but "Balance ($)" says what is owed: Oak
  Dental's invoice "Past due" of 800 with 300 owed was paid 500 so far, a sale of 500 (the
  project's rule for part-paid invoices): 3 sales of 1,400 (450 + 450 + 500) -> [5, 2, 2, 1, 0]
  (was 2 sales of 900, [5, 1, 1, 1, 0]).
- ClassPass reservations: the status says which visits were kept (Attended, Missed, Late
  Cancel, Booked) and "Payout" is what the studio was paid: 3 sales of 39 (12.50 + 12.50 +
  14.00), Cat's late cancel a cancellation, Eve booked -> [5, 3, 2, 1, 0] (was 6 contacts,
  [5, 1, 0, 0, 0]).
- Crisp conversations: "nickname" names the visitor, "visitor4821" (Crisp's name for one who
  gave none) no one; the session marked is_blocked (spam) is no one's; the "complaint"
  segment a complaint; its "state" (resolved, unresolved, pending) is the chat's, not a
  region: 2 clients, 1 complaint, 3 contacts (were 3 nameless clients and 5 contacts, their
  region "resolved").
- Phorest clients: Max's "Referred By" names Lia Moore, a client of the list: Lia has made a
  referral (advocacy) -> [6, 5, 5, 3, 1] (was [6, 5, 5, 3, 0]).
- Feefo reviews: "Service Rating" (the business's) is the review's stars, before "Product
  Rating": Ann (5, 4) and Cara (5) advocate, Bill (2) and Dan (1, "Never again", no product
  rating) do not -> [4, 2, 2, 2, 2] (was [4, 3, 3, 3, 3]: Dan's 1-star review had no stars).
- Vagaro appointments: "Show" is an appointment kept, "Cancel" a cancellation, "Service
  Price" the amount: Ann 65 + 40, Cal 30 -> 3 sales of 135, Dee's cancel a cancellation
  (with its Amount Paid column it was right by luck: "Show" and "Cancel" were unknown and
  read as sales, Dee's of 0 then free; without one, every row was a contact of no amount).
- Workiz jobs: "Done" is a job done (a sale, paid or on credit, as an on-account sale is);
  Tom's job "Pending" with 50 of 150 paid is a sale of what was paid so far (as a booking's
  deposit is): 4 sales of 550 (225 + 180 + 95 + 50) -> [4, 3, 3, 1, 0] (was 3 of 500: the
  deposit a contact, "Done" unknown).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


def _clients(tmp_path) -> list[str]:
    return [name for (name,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


ZENOTI = (
    'Center Name,Invoice No,Invoice Date,Guest Code,Guest Name,Item Type,Item Name,Qty,'
    'Unit Price,Discount,Sales (Exc. Tax),Tax,Sales (Inc. Tax),Payment Type,Invoice Status\n'
    'Downtown,INV-1001,03/13/2024,G001,Hana Ito,Service,Deep Tissue 60 Min,1,90.00,0.00,'
    '90.00,7.20,97.20,Card,Closed\n'
    'Downtown,INV-1001,03/13/2024,G001,Hana Ito,Product,Aromatherapy Oil,1,20.00,0.00,'
    '20.00,1.60,21.60,Card,Closed\n'
    'Downtown,INV-1002,03/14/2024,G002,Ian Jett,Membership,Monthly Wellness Membership,1,'
    '79.00,0.00,79.00,0.00,79.00,Card,Closed\n'
    'Downtown,INV-1003,03/15/2024,G003,Jun Kim,Service,Hydrating Facial,1,110.00,10.00,'
    '100.00,8.00,108.00,Cash,Closed\n'
    'Downtown,INV-1004,03/18/2024,G004,Kai Lim,Service,Hydrating Facial,1,110.00,0.00,'
    '110.00,8.80,118.80,,Open\n'
    'Downtown,INV-1006,03/20/2024,G003,Jun Kim,Refund,Hydrating Facial,-1,110.00,10.00,'
    '-100.00,-8.00,-108.00,Cash,Closed\n'
    'Downtown,INV-1005,04/14/2024,G002,Ian Jett,Membership,Monthly Wellness Membership,1,'
    '79.00,0.00,79.00,0.00,79.00,Card,Closed\n'
)


def test_zenoti_sales_are_counted_with_tax(tmp_path):
    found = cli_import_text(tmp_path, "zenoti_sales.csv", ZENOTI)
    assert found["mapping"]["Sales (Inc. Tax)"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 384.8)
    assert kind_totals(tmp_path, "refund") == (1, 108.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]      # Ian's membership paid twice


def test_before_tax_spelt_exc(tmp_path):
    """"Total (exc. VAT)" beside "Total": the one with tax is the amount (2 sales of 120)."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Order,Total (exc. VAT),Total,Status\n"
        "2024-03-01,Ann Lee,1001,100.00,120.00,Paid\n"
        "2024-03-05,Bob Ray,1002,100.00,120.00,Paid\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 240.0)


JOTFORM = (
    'Submission Date,Name,E-mail,How likely are you to recommend us to a friend or colleague?,'
    'How satisfied were you with your visit?,What could we do better?,Submission ID\n'
    '"Mar 4, 2024",Ada Moss,ada@moss.net,10,Very Satisfied,Nothing!,5831100000000000001\n'
    '"Mar 5, 2024",Ben Nye,ben@nye.net,7,Satisfied,Longer hours,5831100000000000002\n'
    '"Mar 6, 2024",Cid Orr,cid@orr.net,9,Very Satisfied,,5831100000000000003\n'
    '"Mar 8, 2024",Dee Pike,dee@pike.net,3,Dissatisfied,Waited 40 minutes,5831100000000000004\n'
    '"Mar 20, 2024",Ada Moss,ada@moss.net,9,Satisfied,,5831100000000000005\n'
)


def test_jotform_recommend_answers_are_nps(tmp_path):
    found = cli_import_text(tmp_path, "responses.csv", JOTFORM)
    assert found["recognised_as"] == "nps_survey"
    assert kind_totals(tmp_path, "nps") == (5, 38.0)        # 10 + 7 + 9 + 3 + 9
    assert cli_funnel(tmp_path) == [4, 2, 2, 2, 2]


NUTSHELL = (
    'Lead ID,Name,Status,Milestone,Confidence,Value,Primary Account,Primary Contact,'
    'Contact Email,Created,Closed,Sources,Assignee\n'
    '1001,Acme website redesign,Won,Closed,100%,"$12,000.00",Acme Corp,Jane Doe,jane@acme.com,'
    '2024-01-05,2024-02-10,Referral,Kim\n'
    '1002,Bolt CRM setup,Open,Proposal,60%,"$4,500.00",Bolt LLC,Sam Bolt,sam@bolt.io,'
    '2024-02-01,,Website,Kim\n'
    '1003,Cove audit,Lost,Negotiation,0%,"$2,000.00",Cove Inc,Lee Cove,lee@cove.co,'
    '2024-01-20,2024-02-28,Trade show,Raj\n'
    '1004,Acme retainer,Won,Closed,100%,"$3,000.00",Acme Corp,Jane Doe,jane@acme.com,'
    '2024-02-20,2024-03-15,Referral,Kim\n'
    '1005,Dune SEO,Open,Qualify,20%,"$1,200.00",Dune Co,Ava Dune,ava@dune.co,2024-03-01,,'
    'Google,Raj\n'
    '1006,Echo app,Cancelled,Qualify,0%,"$8,000.00",Echo Ltd,Max Echo,max@echo.dev,'
    '2024-02-11,2024-03-02,Cold call,Raj\n'
)


def test_nutshell_leads_are_deals_of_their_accounts(tmp_path):
    found = cli_import_text(tmp_path, "nutshell_leads.csv", NUTSHELL)
    assert found["kind"] == "events"
    assert found["mapping"]["Primary Account"] == "name"
    assert found["mapping"]["Name"] is None and found["mapping"]["Lead ID"] is None
    assert _clients(tmp_path) == ["Acme Corp", "Bolt LLC", "Cove Inc", "Dune Co", "Echo Ltd"]
    assert kind_totals(tmp_path, "won") == (2, 15000.0)
    assert kind_totals(tmp_path, "lost")[0] == 1
    assert cli_funnel(tmp_path) == [5, 5, 1, 1, 0]


def test_a_lead_list_of_people_keeps_its_lead_ids(tmp_path):
    """Not fired: no deal's marks (no Confidence, no Deal column): "Lead ID" numbers the
    person, and "Name" is the person (3 clients, one per lead)."""
    found = cli_import_text(tmp_path, "leads.csv", (
        "Lead ID,Name,Primary Account,Email,Status\n"
        "L1,Ann Lee,Acme Corp,ann@acme.com,Qualify\n"
        "L2,Bob Ray,Acme Corp,bob@acme.com,New\n"
        "L3,Cy Tan,Bolt LLC,cy@bolt.io,New\n"))
    assert found["mapping"]["Lead ID"] == "client_id"
    assert _clients(tmp_path) == ["Ann Lee", "Bob Ray", "Cy Tan"]
    assert cli_funnel(tmp_path) == [3, 1, 0, 0, 0]


SERVICETITAN = (
    'Job #,Customer Name,Customer Type,Location Address,Business Unit,Job Type,Job Status,'
    'Created Date,Completion Date,Campaign,Primary Technician,Recall For,Jobs Total\n'
    '10231,Ana Reyes,Residential,"14 Elm St, Tempe, AZ",HVAC Service,AC Repair,Completed,'
    '3/1/2024,3/4/2024,Google LSA,Mike P.,,$289.00\n'
    '10232,Ben Soto,Residential,"88 Oak Ave, Mesa, AZ",Plumbing Service,Drain Cleaning,'
    'Canceled,3/2/2024,,Yelp,,,$0.00\n'
    '10234,Coastal Deli,Commercial,"5 Main St, Tempe, AZ",Commercial Refrigeration,'
    'Walk-in Cooler Repair,Completed,3/5/2024,3/6/2024,Referral,Sam T.,,"$1,450.00"\n'
    '10235,Dee Ulm,Residential,"9 Pine Rd, Chandler, AZ",Plumbing Service,Recall,Completed,'
    '3/6/2024,3/7/2024,Existing Customer,Mike P.,10220,$0.00\n'
    '10233,Ana Reyes,Residential,"14 Elm St, Tempe, AZ",HVAC Maintenance,Membership Tune-Up,'
    'Completed,3/10/2024,3/18/2024,Membership,Sam T.,,$129.00\n'
    '10236,Eli Vance,Residential,"71 Birch Ln, Gilbert, AZ",HVAC Service,AC Install Estimate,'
    'Scheduled,3/20/2024,,Direct Mail,,,$0.00\n'
    'Total,,,,,,,,,,,,"$1,868.00"\n'
)


def test_servicetitan_jobs_total_is_the_amount(tmp_path):
    found = cli_import_text(tmp_path, "servicetitan_jobs.csv", SERVICETITAN)
    assert found["mapping"]["Jobs Total"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (3, 1868.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [5, 3, 2, 1, 0]


TRADIFY = (
    'Job Number,Status,Customer,Site Address,Description,Created,Due Date,'
    'Quote Total (inc GST),Invoiced (inc GST),Paid (inc GST),Balance Owing\n'
    'J0101,Invoiced,Kim Lewis,"2 Beach Rd, Manly NSW",Replace hot water system,04/03/2024,'
    '06/03/2024,$880.00,$880.00,$880.00,$0.00\n'
    'J0102,Quoted,Lou Mann,"17 Hill St, Ryde NSW",Rewire kitchen,05/03/2024,,"$1,650.00",'
    '$0.00,$0.00,$0.00\n'
    'J0104,Invoiced,Max Nutt,"40 Park Ave, Bondi NSW",Bathroom renovation plumbing,'
    '12/03/2024,15/03/2024,"$2,200.00","$2,200.00","$1,000.00","$1,200.00"\n'
    'J0105,Cancelled,Ned Orr,"8 Lake Pde, Dee Why NSW",Blocked drain,13/03/2024,14/03/2024,'
    '$0.00,$0.00,$0.00,$0.00\n'
    'J0106,Completed,Oli Park,"3 Rose St, Manly NSW",Replace tap washers,14/03/2024,'
    '14/03/2024,$0.00,$0.00,$0.00,$0.00\n'
    'J0103,Paid,Kim Lewis,"2 Beach Rd, Manly NSW",Service call - leaking valve,19/03/2024,'
    '19/03/2024,$330.00,$330.00,$330.00,$0.00\n'
)


def test_tradify_jobs_invoiced_is_the_amount(tmp_path):
    """Kim's 880 and 330, Max's bathroom invoiced 2,200 of which 1,000 is paid: a sale of
    what was paid, 880 + 1,000 + 330 = 2,210 (session 18: was 3,410, the part-paid
    invoice counted whole)."""
    found = cli_import_text(tmp_path, "tradify_jobs.csv", TRADIFY)
    assert found["mapping"]["Invoiced (inc GST)"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (3, 2210.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [5, 3, 2, 1, 0]


def test_an_invoiced_tick_is_no_amount(tmp_path):
    """Not fired: a job log's "Invoiced" of Yes and No is a tick, not money: kept as extra;
    the Paid column says what was sold (Ann's logo)."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Date,Client,Job,Invoiced,Paid\n"
        "2024-03-01,Ann Lee,Logo,Yes,Yes\n"
        "2024-03-05,Bob Ray,Flyer,No,No\n"
        "2024-03-09,Ann Lee,Website,Yes,No\n"))
    assert found["mapping"]["Invoiced"] is None
    assert kind_totals(tmp_path, "purchase") == (1, None)


JOBBER_INVOICES = (
    'Invoice #,Client name,Client email,Client phone,Lead source,Subject,Status,Issued date,'
    'Due date,Marked paid date,Pre-tax total ($),Tax ($),Total ($),Balance ($),Deposit ($)\n'
    '1041,Greenleaf Cafe,owner@greenleafcafe.com,555-410-0001,Google,Monthly lawn care,Paid,'
    '"Feb 1, 2024","Feb 15, 2024","Feb 9, 2024",416.67,33.33,450.00,0.00,0.00\n'
    '1042,Amy Hill,amy.hill@gmail.com,555-410-0002,Facebook,Hedge trimming,Awaiting payment,'
    '"Feb 12, 2024","Feb 26, 2024",,203.70,16.30,220.00,220.00,0.00\n'
    '1043,Greenleaf Cafe,owner@greenleafcafe.com,555-410-0001,Google,Monthly lawn care,Paid,'
    '"Mar 1, 2024","Mar 15, 2024","Mar 4, 2024",416.67,33.33,450.00,0.00,0.00\n'
    '1044,Oak Dental,frontdesk@oakdental.com,555-410-0004,Referral,Spring cleanup,Past due,'
    '"Mar 5, 2024","Mar 19, 2024",,740.74,59.26,800.00,300.00,500.00\n'
    '1045,Pine Yoga,hello@pineyoga.com,,Yelp,Mulching,Bad debt,"Jan 10, 2024","Jan 24, 2024",,'
    '138.89,11.11,150.00,150.00,0.00\n'
    '1046,Quay Homes,ops@quayhomes.com,555-410-0006,Website,Irrigation install,Draft,,,,'
    '"1,111.11",88.89,"1,200.00","1,200.00",0.00\n'
)


def test_jobber_invoice_part_paid_by_its_balance(tmp_path):
    found = cli_import_text(tmp_path, "jobber_invoices.csv", JOBBER_INVOICES)
    assert found["mapping"]["Total ($)"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (3, 1400.0)
    assert cli_funnel(tmp_path) == [5, 2, 2, 1, 0]


CLASSPASS = (
    'Reservation ID,Class Date,Class Time,Class Name,Instructor,First Name,Last Name,Email,'
    'Status,Payout\n'
    'CP-88001,2024-03-02,9:00 AM,Yoga Flow,Maya,Amy,Beck,amy.beck@gmail.com,Attended,$12.50\n'
    'CP-88002,2024-03-02,9:00 AM,Yoga Flow,Maya,Ben,Cook,ben.cook@gmail.com,Missed,$0.00\n'
    'CP-88003,2024-03-05,6:00 PM,Power Vinyasa,Leo,Amy,Beck,amy.beck@gmail.com,Attended,'
    '$12.50\n'
    'CP-88004,2024-03-06,7:00 AM,Pilates Mat,Leo,Cat,Dean,cat.dean@gmail.com,Late Cancel,'
    '$5.00\n'
    'CP-88005,2024-03-09,10:00 AM,Yoga Flow,Maya,Dov,Ebb,dov.ebb@gmail.com,Attended,$14.00\n'
    'CP-88006,2024-03-12,6:00 PM,Power Vinyasa,Leo,Eve,Fox,eve.fox@gmail.com,Booked,$0.00\n'
)


def test_classpass_reservations_attended_are_sales(tmp_path):
    found = cli_import_text(tmp_path, "classpass_reservations.csv", CLASSPASS)
    assert found["mapping"]["Payout"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (3, 39.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 5.0)
    assert cli_funnel(tmp_path) == [5, 3, 2, 1, 0]


def test_visits_kept_without_money_are_sales_of_no_amount(tmp_path):
    """A studio's visit log with no money: Mo's two classes attended are sales (of no
    amount), Nia's no-show and Pat's late cancel are not -> [3, 1, 1, 1, 0]."""
    cli_import_text(tmp_path, "visits.csv", (
        "Class Date,Client,Class,Attendance\n"
        "2024-03-01,Mo Nash,Yoga,Attended\n"
        "2024-03-01,Nia Oak,Yoga,No show\n"
        "2024-03-04,Mo Nash,Yoga,Attended\n"
        "2024-03-04,Pat Quay,Yoga,Late cancel\n"))
    assert kind_totals(tmp_path, "purchase") == (2, None)
    assert cli_funnel(tmp_path) == [3, 1, 1, 1, 0]


def test_sales_calls_attended_are_no_sales(tmp_path):
    """Not fired: a sales team's calls attended are no purchases (no visit, no class):
    every row stays a contact."""
    cli_import_text(tmp_path, "demo calls.csv", (
        "Date,Lead,Call,Status\n"
        "2024-03-01,Ann Lee,Discovery call,Attended\n"
        "2024-03-04,Bob Ray,Discovery call,No show\n"))
    assert kind_totals(tmp_path, "purchase") == (0, None)


CRISP = (
    'session_id,nickname,email,phone,country,city,state,segments,is_blocked,created_at,'
    'updated_at,last_message\n'
    'session_7f1a,Maya Lin,maya@lin.io,,US,Denver,resolved,"sales,pricing",false,'
    '2024-03-01T10:02:11Z,2024-03-01T10:30:00Z,Thanks - we\'ll book the Pro plan\n'
    'session_7f1b,visitor4821,,,FR,Paris,unresolved,,false,2024-03-02T08:15:40Z,'
    '2024-03-02T08:16:02Z,hello?\n'
    'session_7f1c,Omar Pei,omar@pei.co,+44 7700 900777,GB,Leeds,resolved,"bug,complaint",false,'
    '2024-03-04T13:40:00Z,2024-03-05T09:00:00Z,Sorry about the double charge - refunded\n'
    'session_7f1d,Maya Lin,maya@lin.io,,US,Denver,pending,billing,false,2024-03-10T17:22:09Z,'
    '2024-03-10T17:25:30Z,Where do I download invoices?\n'
    'session_7f1e,CHEAP SEO,seo@spam.example,,RU,,unresolved,,true,2024-03-11T03:03:03Z,'
    '2024-03-11T03:03:03Z,Buy backlinks now\n'
)


def test_crisp_conversations(tmp_path):
    found = cli_import_text(tmp_path, "crisp_conversations.csv", CRISP)
    assert found["mapping"]["nickname"] == "name"
    assert found["rejected"] == 1
    assert _clients(tmp_path) == ["Maya Lin", "Omar Pei"]
    assert workspace_rows(tmp_path, "SELECT name, region FROM clients ORDER BY name") == [
        ("Maya Lin", "Denver"), ("Omar Pei", "Leeds")]     # ("state" is the chat's: resolved)
    assert kind_totals(tmp_path, "complaint")[0] == 1
    assert kind_totals(tmp_path, "contact")[0] == 3
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_task_blocked_is_still_a_task(tmp_path):
    """Not fired: a bare "Blocked" (a task waiting on another) flags no spam: both rows
    are kept, Ann's job paid."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Date,Client,Job,Price,Paid,Blocked\n"
        "2024-03-01,Ann Lee,Logo,200,Yes,No\n"
        "2024-03-05,Bob Ray,Flyer,80,No,Yes\n"))
    assert found["rejected"] == 0
    assert _clients(tmp_path) == ["Ann Lee", "Bob Ray"]
    assert kind_totals(tmp_path, "purchase") == (1, 200.0)


PHOREST = (
    'Client ID,First Name,Last Name,Mobile,Email,Gender,Date of Birth,Client Since,'
    'First Visit,Last Visit,Number of Visits,Total Spend,Referred By,Client Source,'
    'SMS Marketing,Email Marketing,Archived\n'
    'PH-101,Lia,Moore,087 123 4501,lia.moore@eir.ie,Female,12/05/1988,03/02/2023,03/02/2023,'
    '28/02/2024,6,€420.00,,Instagram,Yes,Yes,No\n'
    'PH-102,Max,Nolan,087 123 4502,max.nolan@eir.ie,Male,,10/01/2024,10/01/2024,10/01/2024,1,'
    '€55.00,Lia Moore,Referral,Yes,No,No\n'
    'PH-103,Nina,Owens,087 123 4503,nina.owens@eir.ie,Female,,15/02/2024,,,0,€0.00,,'
    'Online Booking,No,No,No\n'
    'PH-104,Ola,Price,087 123 4504,ola.price@eir.ie,Female,,20/11/2023,20/11/2023,14/02/2024,'
    '2,€130.00,,Google,Yes,Yes,No\n'
    'PH-105,Pia,Quinn,087 123 4505,,Female,,05/03/2024,05/03/2024,05/03/2024,1,€35.00,,'
    'Walk-in,No,No,No\n'
    'PH-106,Rob,Shaw,087 123 4506,rob.shaw@eir.ie,Male,,01/06/2022,01/06/2022,09/09/2023,3,'
    '€200.00,,Facebook,No,No,Yes\n'
)


def test_phorest_client_referred_by_another_client(tmp_path):
    found = cli_import_text(tmp_path, "phorest_clients.csv", PHOREST)
    assert found["kind"] == "clients"
    assert workspace_rows(tmp_path, "SELECT name, referrals FROM clients WHERE referrals > 0"
                          ) == [("Lia Moore", 1)]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(purchases) FROM clients"
                          ) == [(840.0, 13)]
    assert cli_funnel(tmp_path) == [6, 5, 5, 3, 1]


def test_a_referrer_who_is_no_client_of_the_list_credits_no_one(tmp_path):
    """Not fired: "Dr Patel" and "Instagram" are no clients of the list: no referral."""
    cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Visits,Referred By\n"
        "Ann Lee,ann@x.com,2,Dr Patel\n"
        "Bob Ray,bob@x.com,1,Instagram\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE referrals > 0") == [(0,)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


FEEFO = (
    'Date,Order Ref,Customer Name,Customer Email,Service Rating,Service Review,Product Rating,'
    'Product Review,Product Code\n'
    '12/03/2024,ORD-5001,Ann Wu,ann.wu@mail.co.uk,5,Quick and easy booking,4,Good value,GRM-01\n'
    '13/03/2024,ORD-5002,Bill Xu,bill.xu@mail.co.uk,2,Arrived an hour late,3,OK,GRM-02\n'
    '15/03/2024,ORD-5003,Cara Yi,cara.yi@mail.co.uk,5,Brilliant groomer,5,Dog looks great,'
    'GRM-01\n'
    '18/03/2024,ORD-5004,Ann Wu,ann.wu@mail.co.uk,4,Good again,5,,GRM-03\n'
    '19/03/2024,ORD-5005,Dan Zee,,1,Never again,,,GRM-02\n'
)


def test_feefo_service_rating_is_the_stars(tmp_path):
    found = cli_import_text(tmp_path, "feefo_reviews.csv", FEEFO)
    assert found["mapping"]["Service Rating"] == "amount"
    assert kind_totals(tmp_path, "review") == (5, 17.0)      # 5 + 2 + 5 + 4 + 1
    assert cli_funnel(tmp_path) == [4, 2, 2, 2, 2]


VAGARO = (
    'Business Name,Appointment Date,Start Time,End Time,Customer,Email,Cell Phone,Service,'
    'Service Provider,Status,Booked Online,Service Price,Deposit\n'
    "Bella Salon & Spa,03/02/2024,10:00 AM,11:00 AM,Ann Ross,ann@rossmail.com,(555) 201-0001,"
    "Women's Haircut,Tina M.,Show,Yes,$65.00,$0.00\n"
    'Bella Salon & Spa,03/05/2024,01:00 PM,03:00 PM,Bea Cruz,bea@cruzhome.net,(555) 201-0002,'
    'Single Process Color,Tina M.,No Show,Yes,$120.00,$0.00\n'
    'Bella Salon & Spa,03/09/2024,11:30 AM,12:15 PM,Ann Ross,ann@rossmail.com,(555) 201-0001,'
    'Blowout,Jess R.,Show,No,$40.00,$0.00\n'
    "Bella Salon & Spa,03/10/2024,02:00 PM,02:30 PM,Cal Diaz,,(555) 201-0003,Men's Cut,"
    "Jess R.,Show,No,$30.00,$0.00\n"
    'Bella Salon & Spa,03/12/2024,09:00 AM,10:00 AM,Dee Ewing,dee@ewing.org,,'
    'Deep Tissue Massage,Ola K.,Cancel,Yes,$85.00,$0.00\n'
    "Bella Salon & Spa,03/20/2024,04:00 PM,05:00 PM,Eli Ford,eli@fordfam.com,(555) 201-0005,"
    "Women's Haircut,Tina M.,Confirmed,Yes,$65.00,$20.00\n"
    ',,,,,,,,,Total,,$405.00,$20.00\n'
)


def test_vagaro_show_and_cancel(tmp_path):
    found = cli_import_text(tmp_path, "vagaro_appointments.csv", VAGARO)
    assert found["mapping"]["Service Price"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (3, 135.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 85.0)
    assert _clients(tmp_path) == ["Ann Ross", "Bea Cruz", "Cal Diaz", "Dee Ewing", "Eli Ford"]
    assert cli_funnel(tmp_path) == [5, 3, 2, 1, 0]


WORKIZ = (
    'Job #,Job Type,Status,Client,Phone,Email,Address,Scheduled,Job Total,Paid,Due,Tech,'
    'Ad Source\n'
    '1A2B3,Appliance Repair,Done,Pat Quin,(555) 610-0001,pat@quin.us,"12 Cedar St, Austin TX",'
    '03/04/2024 9:00 AM,$225.00,$225.00,$0.00,Leo,Yelp\n'
    '1A2B4,Garage Door Repair,Done,Raj Sethi,(555) 610-0002,,"9 Lamar Blvd, Austin TX",'
    '03/06/2024 1:00 PM,$180.00,$0.00,$180.00,Nico,Google\n'
    '1A2B5,Appliance Repair,Done,Pat Quin,(555) 610-0001,pat@quin.us,"12 Cedar St, Austin TX",'
    '03/20/2024 10:00 AM,$95.00,$95.00,$0.00,Leo,Repeat customer\n'
    '1A2B6,Locksmith,Canceled,Sia Tull,(555) 610-0004,sia@tull.us,"4 Congress Ave, Austin TX",'
    '03/21/2024 3:00 PM,$0.00,$0.00,$0.00,,Thumbtack\n'
    '1A2B7,Appliance Install,Pending,Tom Ueda,(555) 610-0005,tom@ueda.us,'
    '"30 Riverside Dr, Austin TX",03/28/2024 8:00 AM,$150.00,$50.00,$100.00,Nico,Google\n'
)


def test_workiz_jobs_done_and_a_deposit(tmp_path):
    found = cli_import_text(tmp_path, "workiz_jobs.csv", WORKIZ)
    assert found["mapping"]["Job Total"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 550.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]
