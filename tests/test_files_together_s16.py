"""Five businesses' files imported together (helper E's sweep of session 16), each set in
several orders through the command line. Figures worked out by hand before importing
(funnel: awareness, consideration, purchase, retention, advocacy, each stage counting the
clients that reached it; sales and revenue as the clients' figures count them, each once).

- A gym: Mindbody clients, Mindbody sales, a Google Forms survey. Tom answers from
  tom.baker+iron@gmail.com, his tom.baker@gmail.com with a "+tag": one Tom (was two).
- A restaurant: OpenTable reservations, Toast payments, TripAdvisor reviews. Grace signs
  her review "Grace" (was a client of her own); Toast's "Refunded: Yes" beside "Refund
  Amount" 18 is a refund of 18, not of the check's 58.
- A SaaS business: Stripe customers and invoices, Intercom conversations, a Delighted NPS
  export ("Response ID, Email, Name, Score": was read as a client list, no promoters);
  its "Dan" (dan.moss@gmail.com) answered first is Dan Moss, not a second client.
- A wedding photographer: an enquiries sheet, HoneyBook payments (a retainer and a
  balance of one invoice: one sale, was two and a repeat customer), a reviews sheet
  ("Sophie" alone; "Emily Carter", her married name, by her address).
- A wholesaler: Pipedrive deals, QuickBooks invoices, Zendesk tickets whose requesters
  write for an "Organization": the tickets are the businesses' (were 3 or 4 people of
  their own beside them).
"""

from __future__ import annotations

from conftest import (cli_funnel, cli_import_text, file_orders, imported_in_order, kind_totals,
                      sales_and_refunds, workspace_rows)

MINDBODY_CLIENTS = ('Client ID,First Name,Last Name,Email,Mobile Phone,Membership Name,Membership Status,Date Created,First Visit,Last Visit,Total Visits,Referred By,Home Location\n'
    '100001,Sarah,Connor,sarah.connor@gmail.com,(555) 201-0001,Unlimited Monthly,Active,1/5/2024,1/6/2024,3/28/2024,34,Instagram,Downtown\n'
    '100002,James,Wu,jwu@outlook.com,(555) 201-0002,10-Class Pack,Expired,1/10/2024,1/11/2024,2/20/2024,10,,Downtown\n'
    '100003,Maria,Garcia,maria.g@gmail.com,(555) 201-0003,Unlimited Monthly,Active,1/12/2024,1/13/2024,3/27/2024,22,,Downtown\n'
    '100004,Tom,Baker,tom.baker@gmail.com,555-201-0004,,,1/20/2024,1/21/2024,1/21/2024,1,Google,Downtown\n'
    '100005,Lisa,Ray,lisa.ray@yahoo.com,,,,2/14/2024,,,0,Sarah Connor,Downtown\n'
    '100006,Chris,Evans,chris.evans@gmail.com,555.201.0006,10-Class Pack,Active,2/1/2024,2/2/2024,3/20/2024,7,,Downtown\n'
    '100007,Chris,Evans,cevans.fit@gmail.com,,Intro Offer - 2 Weeks,Trial,3/1/2024,3/2/2024,3/9/2024,3,,Downtown\n')

MINDBODY_SALES = ('Sale Date,Client ID,Client,Sale ID,Item name,Location,Notes,Item price (excluding tax),Quantity,Subtotal (excluding tax),Discount amount,Tax,Item Total,Total Paid w/ Payment Method,Payment Method\n'
    '1/5/2024,100001,"Connor, Sarah",5001,Unlimited Monthly,Downtown,,120.00,1,120.00,0.00,0.00,120.00,120.00,Visa\n'
    '2/5/2024,100001,"Connor, Sarah",5010,Unlimited Monthly,Downtown,Autopay,120.00,1,120.00,0.00,0.00,120.00,120.00,Visa\n'
    '3/5/2024,100001,"Connor, Sarah",5020,Unlimited Monthly,Downtown,Autopay,120.00,1,120.00,0.00,0.00,120.00,120.00,Visa\n'
    '1/10/2024,100002,"Wu, James",5002,10-Class Pack,Downtown,,150.00,1,150.00,0.00,0.00,150.00,150.00,Mastercard\n'
    '1/12/2024,100003,"Lopez, Maria",5003,Intro Month,Downtown,,49.00,1,49.00,0.00,0.00,49.00,49.00,Visa\n'
    '2/12/2024,100003,"Garcia, Maria",5011,Unlimited Monthly,Downtown,,120.00,1,120.00,0.00,0.00,120.00,120.00,Visa\n'
    '1/20/2024,100004,"Baker, Tom",5004,Intro Offer - 2 Weeks,Downtown,,25.00,1,25.00,0.00,0.00,25.00,25.00,Visa\n'
    '1/22/2024,100004,"Baker, Tom",5005,Intro Offer - 2 Weeks,Downtown,Return,-25.00,-1,-25.00,0.00,0.00,-25.00,-25.00,Visa\n'
    '2/1/2024,100006,"Evans, Chris",5006,10-Class Pack,Downtown,,150.00,1,150.00,0.00,0.00,150.00,150.00,Cash\n'
    '2/16/2024,100006,"Evans, Chris",5012,Protein Shake,Downtown,,4.50,1,4.50,0.00,0.00,4.50,4.50,Cash\n')

GOOGLE_FORM = ('Timestamp,Email Address,How likely are you to recommend Iron Oak Fitness to a friend?,What do you enjoy most?,What could we do better?\n'
    '3/14/2024 9:15:22,Sarah.Connor@gmail.com,10,The coaches,More evening classes\n'
    '3/14/2024 12:02:10,maria.g@gmail.com,9,Community,\n'
    '3/15/2024 18:40:01,jwu@outlook.com,6,Equipment,Too crowded at 6pm\n'
    '3/16/2024 8:05:45,tom.baker+iron@gmail.com,3,,Refund took a week\n'
    '3/18/2024 20:11:09,cevans.fit@gmail.com,8,Friendly staff,Parking\n')

OPENTABLE_RESERVATIONS = ('Reservation Date,Time,Guest Name,Party Size,Status,Phone,Email,Source,Confirmation Number,Created Date,Notes\n'
    '15/02/2024,19:00,Oliver Bennett,2,Completed,+44 7700 900111,oliver.bennett@gmail.com,OpenTable,88001,01/02/2024,Anniversary\n'
    '15/02/2024,20:00,Grace Hall,4,Completed,07700 900222,grace.hall@outlook.com,Phone,88002,10/02/2024,\n'
    '22/02/2024,19:30,Oliver Bennett,2,Completed,+44 7700 900111,oliver.bennett@gmail.com,OpenTable,88003,20/02/2024,\n'
    '01/03/2024,20:00,Amelia Clarke,6,Cancelled,07700 900333,amelia.c@gmail.com,OpenTable,88004,14/02/2024,Birthday\n'
    '14/03/2024,19:00,Noah Price,2,No Show,07700 900444,noah.price@gmail.com,OpenTable,88005,13/03/2024,\n'
    '16/03/2024,18:30,Grace Hall,2,Completed,07700 900222,grace.hall@outlook.com,Phone,88006,15/03/2024,\n'
    '20/03/2024,19:00,Isla Wood,2,Completed,07700 900555,woods@btinternet.com,OpenTable,88007,18/03/2024,\n'
    '05/04/2024,19:30,Harry Wood,3,Completed,07700 900666,woods@btinternet.com,OpenTable,88008,01/04/2024,\n')

TOAST_PAYMENTS = ('Location,Payment Id,Order Id,Order #,Paid Date,Order Date,Tab Name,Server,Table,Amount,Tip,Gratuity,Total,Refunded,Refund Date,Refund Amount,Status,Type,Card Type,Email,Phone,Last 4 Card Digits\n'
    'The Oak Room,p-9001,o-101,101,15/02/2024 21:05,15/02/2024 19:02,Oliver B,Jess,12,86.50,12.00,0.00,98.50,No,,,CAPTURED,Credit,VISA,oliver.bennett@gmail.com,,4242\n'
    'The Oak Room,p-9002,o-102,102,15/02/2024 22:10,15/02/2024 20:01,Grace,Jess,4,164.00,20.00,0.00,184.00,No,,,CAPTURED,Credit,MASTERCARD,GRACE.HALL@OUTLOOK.COM,,1111\n'
    'The Oak Room,p-9003,o-110,110,22/02/2024 21:30,22/02/2024 19:31,Oliver,Tom,12,72.00,10.00,0.00,82.00,No,,,CAPTURED,Credit,VISA,,07700 900111,4242\n'
    'The Oak Room,p-9004,o-130,130,16/03/2024 20:40,16/03/2024 18:31,Grace Hall,Jess,5,58.00,8.00,0.00,66.00,Yes,16/03/2024,18.00,CAPTURED,Credit,MASTERCARD,grace.hall@outlook.com,,1111\n'
    'The Oak Room,p-9005,o-140,140,20/03/2024 13:15,20/03/2024 12:30,Table 7,Tom,7,45.00,5.00,0.00,50.00,No,,,CAPTURED,Cash,,,,\n'
    'The Oak Room,p-9006,o-141,141,20/03/2024 21:00,20/03/2024 19:02,Isla Wood,Jess,9,120.00,15.00,0.00,135.00,No,,,CAPTURED,Credit,AMEX,woods@btinternet.com,+447700900555,0005\n'
    'The Oak Room,p-9007,o-160,160,05/04/2024 21:45,05/04/2024 19:33,Harry Wood,Tom,3,95.00,10.00,0.00,105.00,No,,,CAPTURED,Credit,VISA,,+44 7700 900666,9876\n')

TRIPADVISOR_REVIEWS = ('Date of review,Reviewer,Rating,Title,Review,Date of visit\n'
    '25/02/2024,Oliver B,5,Best steak in town,Second visit in a week and it was even better,February 2024\n'
    '18/03/2024,Grace,4,Lovely evening,Great food though one dish came cold,March 2024\n')

STRIPE_CUSTOMERS = ('id,Description,Email,Name,Created (UTC),Card ID,Delinquent,Currency,Total Spend,Payment Count,Refunded Volume,Dispute Losses,Plan,Status\n'
    'cus_PA1,,ana@brightlabs.io,Ana Silva,2024-01-03 10:00,card_1,false,usd,147.00,3,0.00,0.00,Pro (monthly),active\n'
    'cus_PB2,,ben@odeco.com,Ben Ode,2024-01-15 09:30,card_2,true,usd,99.00,1,0.00,0.00,Business (monthly),past_due\n'
    'cus_PC3,,carla@fernhill.co,Carla Mendes,2024-02-20 14:00,card_3,false,usd,29.00,1,0.00,0.00,Starter (monthly),canceled\n'
    'cus_PD4,,dan.moss@gmail.com,Dan Moss,2024-03-01 08:00,card_4,false,usd,99.00,1,0.00,0.00,Business (monthly),active\n'
    'cus_PE5,,eve@parkdesign.studio,Eve Park,2024-03-10 16:20,card_5,false,usd,0.00,0,0.00,0.00,Pro (monthly),trialing\n')

STRIPE_INVOICES = ('id,Number,Customer,Customer Email,Customer Name,Created (UTC),Status,Amount Due,Amount Paid,Amount Remaining,Currency,Subscription,Period Start (UTC),Period End (UTC),Total,Paid\n'
    'in_1OA1,BL-0001,cus_PA1,ana@brightlabs.io,Ana Silva,2024-01-03 10:00,paid,49.00,49.00,0.00,usd,sub_A1,2024-01-03 10:00,2024-02-03 10:00,49.00,true\n'
    'in_1OB1,BL-0002,cus_PB2,ben@odeco.com,Ben Ode,2024-01-15 09:30,paid,99.00,99.00,0.00,usd,sub_B2,2024-01-15 09:30,2024-02-15 09:30,99.00,true\n'
    'in_1OA2,BL-0003,cus_PA1,Ana@BrightLabs.io,Ana Silva,2024-02-03 10:00,paid,49.00,49.00,0.00,usd,sub_A1,2024-02-03 10:00,2024-03-03 10:00,49.00,true\n'
    'in_1OB2,BL-0004,cus_PB2,ben@odeco.com,Ben Ode,2024-02-15 09:30,open,99.00,0.00,99.00,usd,sub_B2,2024-02-15 09:30,2024-03-15 09:30,99.00,false\n'
    'in_1OC1,BL-0005,cus_PC3,carla@fernhill.co,Carla Mendes,2024-02-20 14:00,paid,29.00,29.00,0.00,usd,sub_C3,2024-02-20 14:00,2024-03-20 14:00,29.00,true\n'
    'in_1OD1,BL-0006,cus_PD4,dan.moss+billing@gmail.com,Dan Moss,2024-03-01 08:00,paid,99.00,99.00,0.00,usd,sub_D4,2024-03-01 08:00,2024-04-01 08:00,99.00,true\n'
    'in_1OA3,BL-0007,cus_PA1,ana@brightlabs.io,Ana Silva,2024-03-03 10:00,paid,49.00,49.00,0.00,usd,sub_A1,2024-03-03 10:00,2024-04-03 10:00,49.00,true\n'
    'in_1OC2,BL-0008,cus_PC3,carla@fernhill.co,Carla Mendes,2024-03-20 14:00,void,29.00,0.00,0.00,usd,sub_C3,2024-03-20 14:00,2024-04-20 14:00,29.00,false\n')

INTERCOM_CONVERSATIONS = ('Conversation ID,Created at,Last updated at,State,Assignee,User name,User email,Channel,Tags,Subject\n'
    '215001,2024-01-02 09:00,2024-01-02 09:40,closed,Max,Ana Silva,ana@brightlabs.io,Chat,pre-sales,Do you have an API?\n'
    '215002,2024-02-28 11:15,2024-02-29 10:00,closed,Max,Carla Mendes,carla@fernhill.co,Email,bug,CSV export keeps failing\n'
    '215003,2024-03-05 15:30,2024-03-05 15:30,open,,Frank Li,frank.li@protonmail.com,Chat,pre-sales,Pricing for teams of 20?\n'
    '215004,2024-03-12 10:05,2024-03-12 11:00,closed,Max,Eve Park,EVE@parkdesign.studio,Chat,onboarding,How do I import my data?\n')

DELIGHTED_NPS = ('Response ID,Email,Name,Score,Comment,Created At,Updated At\n'
    'res_01,ana@brightlabs.io,Ana Silva,10,Saves me hours every week,2024-03-15 12:00:00,2024-03-15 12:00:00\n'
    'res_02,ben@odeco.com,,4,Too pricey for what we use,2024-03-15 13:10:00,2024-03-15 13:10:00\n'
    'res_03,dan.moss@gmail.com,Dan,9,,2024-03-16 09:00:00,2024-03-16 09:00:00\n'
    'res_04,Carla@Fernhill.co,Carla Mendes,7,Exports are flaky,2024-03-18 17:45:00,2024-03-18 17:45:00\n')

ENQUIRIES = ('Date of enquiry,Couple,Email,Phone,Wedding date,Venue,How they found me,Status,Notes\n'
    '10/01/2024,Emily Rose & James Carter,emily.rose@gmail.com,07700 900301,14/09/2024,Oak Barn,Instagram,Booked,Full day\n'
    '15/01/2024,Sophie Turner & Dan Webb,sophie.turner@hotmail.co.uk,07700 900302,01/06/2024,The Grange,Google,Booked,\n'
    '02/02/2024,Hannah Lee & Sam Ortiz,hannah.lee@gmail.com,,20/07/2024,Mill House,Wedding fair,Quote sent,Wants half day\n'
    '05/02/2024,Priya Patel,priya.p@yahoo.com,+44 7700 900304,12/04/2024,Town Hall,Emily Rose,Booked,Elopement\n'
    '20/02/2024,Zoe King,zoe.king@gmail.com,,14/09/2024,,Instagram,Date taken,Same date as Carter wedding\n')

HONEYBOOK_PAYMENTS = ('Project,Client,Client Email,Invoice,Payment,Due Date,Paid On,Amount,Status,Method\n'
    'Rose & Carter Wedding,Emily Rose,emily.rose@gmail.com,INV-1001,Retainer (1 of 2),20/01/2024,18/01/2024,£900.00,Paid,Card\n'
    'Turner & Webb Wedding,Sophie Turner,SOPHIE.TURNER@HOTMAIL.CO.UK,INV-1002,Retainer (1 of 2),25/01/2024,25/01/2024,£750.00,Paid,Bank transfer\n'
    'Patel Elopement,Priya Patel,priya.p@yahoo.com,INV-1003,Retainer (1 of 2),10/02/2024,09/02/2024,£400.00,Paid,Card\n'
    'Turner & Webb Wedding,Sophie Turner,sophie.turner@hotmail.co.uk,INV-1002,Balance (2 of 2),18/05/2024,17/05/2024,"£1,500.00",Paid,Bank transfer\n'
    'Patel Elopement,Priya Patel,priya.p@yahoo.com,INV-1003,Balance (2 of 2),29/03/2024,,£800.00,Upcoming,\n'
    'Rose & Carter Wedding,Emily Rose,emily.rose@gmail.com,INV-1001,Balance (2 of 2),31/08/2024,30/08/2024,"£1,800.00",Paid,Card\n')

REVIEWS_SHEET = ('Date,Name,Email,Rating,Where,Review\n'
    '05/10/2024,Emily Carter,emily.rose@gmail.com,5,Google,Our photos are beyond anything we imagined\n'
    '10/06/2024,Sophie,,5,Facebook,Calm and so much fun on the day\n')

PIPEDRIVE_DEALS = ('Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Organization,Deal - Contact person,Deal - Stage,Deal - Status,Deal - Won time,Deal - Lost time,Deal - Lost reason,Deal - Deal created,Deal - Owner,Person - Email,Person - Phone\n'
    '1,Green Grocer Ltd - spring order,4800,GBP,Green Grocer Ltd,Paul Green,Negotiations Started,Won,2024-02-10 11:00:00,,,2024-01-15 09:00:00,Sam Reid,paul@greengrocer.co.uk,+44 1632 960101\n'
    '2,Harbour Deli - trial order,1200,GBP,Harbour Deli,Mia Costa,Proposal Made,Won,2024-02-20 15:00:00,,,2024-02-01 10:00:00,Sam Reid,mia@harbourdeli.com,01632 960202\n'
    '3,Harbour Deli - standing order,2400,GBP,Harbour Deli,Mia Costa,Negotiations Started,Open,,,,2024-03-05 10:00:00,Sam Reid,mia@harbourdeli.com,01632 960202\n'
    '4,Northfield Farm Shop - opening stock,3500,GBP,Northfield Farm Shop Ltd,Jack Reed,Proposal Made,Lost,,2024-03-01 12:00:00,Price too high,2024-02-05 10:00:00,Ana Cole,jack@northfieldfarm.co.uk,\n'
    '5,Bluebell Cafe - coffee supply,900,GBP,Bluebell Cafe,Lucy Bell,Qualified,Open,,,,2024-03-08 10:00:00,Ana Cole,lucy@bluebellcafe.co.uk,\n'
    '6,Green Grocer - summer order,5200,GBP,Green Grocer,Paul Green,Negotiations Started,Won,2024-05-05 10:00:00,,,2024-04-10 10:00:00,Sam Reid,paul@greengrocer.co.uk,+44 1632 960101\n')

QUICKBOOKS_INVOICES = ('Invoice Date,No.,Customer,Customer Email,Due Date,Total,Balance,Status\n'
    '10/02/2024,2001,Green Grocer Limited,accounts@greengrocer.co.uk,11/03/2024,"4,800.00",0.00,Paid\n'
    '20/02/2024,2002,Harbour Deli,mia@harbourdeli.com,21/03/2024,"1,200.00",0.00,Paid\n'
    '05/05/2024,2003,Green Grocer Ltd,accounts@greengrocer.co.uk,04/06/2024,"5,200.00","2,600.00",Partially paid\n'
    '12/05/2024,CN-2004,Harbour Deli,mia@harbourdeli.com,12/05/2024,-150.00,0.00,Credit note\n'
    '01/06/2024,2005,Riverside Bakery Ltd,orders@riversidebakery.co.uk,01/07/2024,"1,750.00",0.00,Paid\n')

ZENDESK_TICKETS = ('Id,Requester,Requester email,Organization,Subject,Status,Priority,Created at,Updated at,Tags,Group,Assignee\n'
    '301,Paul Green,paul@greengrocer.co.uk,Green Grocer Ltd,Copy of invoice 2001 please,Solved,Low,2024-02-15 09:12:00,2024-02-15 10:00:00,billing,Accounts,Kim\n'
    '302,Mia Costa,mia@harbourdeli.com,Harbour Deli,Damaged jars in delivery,Solved,High,2024-03-02 08:30:00,2024-03-04 11:00:00,damage complaint,Support,Kim\n'
    '303,Lucy Bell,lucy@bluebellcafe.co.uk,Bluebell Cafe,Can we get samples?,Open,Normal,2024-03-10 14:00:00,2024-03-10 14:00:00,samples,Sales,Ana\n'
    '304,Tom Hardy,tom@riversidebakery.co.uk,Riverside Bakery,Delivery two days late,Solved,Normal,2024-06-10 07:45:00,2024-06-11 09:00:00,late-delivery complaint,Support,Kim\n')


GYM = {"clients": MINDBODY_CLIENTS, "sales": MINDBODY_SALES, "survey": GOOGLE_FORM}


def test_a_gyms_clients_sales_and_survey_in_every_order(tmp_path):
    """7 clients: Sarah Connor 3 x 120 (Jan-Mar), NPS 10, referred Lisa: advocacy; James
    Wu 150, his pack expired: purchase; Maria Garcia (sold to as "Lopez, Maria", then
    "Garcia, Maria", one client ID) 49 + 120, NPS 9: advocacy; Tom Baker 25, returned,
    NPS 3 from tom.baker+iron@gmail.com: purchase; Lisa Ray, no membership: awareness; two
    Chris Evans, 100006 150 + 4.50 (Feb 1, Feb 16): retention, 100007 on a trial, NPS 8:
    consideration. [7, 6, 5, 3, 2]; 9 sales of 858.50; 1 refund of 25. Before: 8 clients
    (the survey's +tag address a client of its own), [8, 6, 5, 3, 2]."""
    for order in file_orders(list(GYM), every=True):
        place = imported_in_order(tmp_path, GYM, order)
        assert workspace_rows(place, "SELECT client_id, name, furthest_stage FROM clients "
                                     "ORDER BY client_id") == [
            ("100001", "Sarah Connor", "advocacy"), ("100002", "James Wu", "purchase"),
            ("100003", "Maria Garcia", "advocacy"), ("100004", "Tom Baker", "purchase"),
            ("100005", "Lisa Ray", "awareness"), ("100006", "Chris Evans", "retention"),
            ("100007", "Chris Evans", "consideration")], order
        assert cli_funnel(place) == [7, 6, 5, 3, 2], order
        assert sales_and_refunds(place) == ((9, 858.5), (1, 25.0)), order


def test_a_plus_tag_address_is_not_joined_to_another_mailbox(tmp_path):
    """The "+tag" is left out of the same mailbox only: tom.baker+iron@gmail.com is not
    tom.bakery@gmail.com, nor tom@gmail.com; the survey's answer stays a client of its own."""
    survey = GOOGLE_FORM.replace("tom.baker+iron@", "tom+iron@")
    place = imported_in_order(tmp_path, {**GYM, "survey": survey}, ("clients", "survey"))
    assert workspace_rows(place, "SELECT COUNT(*) FROM clients")[0] == (8,)


RESTAURANT = {"reservations": OPENTABLE_RESERVATIONS, "payments": TOAST_PAYMENTS,
              "reviews": TRIPADVISOR_REVIEWS}


def test_a_restaurants_reservations_till_and_reviews_in_every_order(tmp_path):
    """6 clients: Oliver Bennett 86.50 + 72 (Feb 15, 22; the second paid by his phone
    written 07700 900111, booked as +44 7700 900111), 5 stars as "Oliver B": advocacy;
    Grace Hall 164 + 58 (18 of it refunded), 4 stars as "Grace": advocacy; Amelia
    Clarke (cancelled) and Noah Price (no-show); Isla and Harry Wood, who share
    woods@btinternet.com, 120 and 95, each paid by their own phone: purchase. A walk-in's
    45 is a sale of no client. By hand Amelia and Noah, who booked, were at consideration
    ([6, 6, 4, 2, 2]); a reservations list's cancellation and no-show are read as of no
    stage, as test_files_together_s15 leaves a salon's no-show: [6, 4, 4, 2, 2]. Sales
    before tips: the clients' 6 of 595.50; 1 refund of 18. Before: 7 clients ("Grace"
    apart), [7, 5, 5, 3, 2], the refund 58 (the whole check, from "Refunded: Yes")."""
    for order in file_orders(list(RESTAURANT), every=True):
        place = imported_in_order(tmp_path, RESTAURANT, order)
        assert workspace_rows(place, "SELECT name, furthest_stage, purchase_count, "
                                     "revenue_events FROM clients ORDER BY name_key") == [
            ("Amelia Clarke", "awareness", 0, None), ("Grace Hall", "advocacy", 2, 222.0),
            ("Harry Wood", "purchase", 1, 95.0), ("Isla Wood", "purchase", 1, 120.0),
            ("Noah Price", "awareness", 0, None),
            ("Oliver Bennett", "advocacy", 2, 158.5)], order
        assert cli_funnel(place) == [6, 4, 4, 2, 2], order
        assert sales_and_refunds(place) == ((6, 595.5), (1, 18.0)), order
        assert kind_totals(place, "purchase") == (7, 640.5), order


def test_a_review_by_a_first_name_two_clients_share_joins_neither(tmp_path):
    """With a second Grace (Grace Kim) booked, the review signed "Grace" is neither's."""
    booked = OPENTABLE_RESERVATIONS + ("18/03/2024,20:00,Grace Kim,2,Completed,07700 900777,"
                                       "grace.kim@gmail.com,OpenTable,88009,17/03/2024,\n")
    place = imported_in_order(tmp_path, {**RESTAURANT, "reservations": booked},
                      ("reservations", "reviews"))
    assert workspace_rows(place, "SELECT name FROM clients WHERE name LIKE 'Grace%' "
                                 "ORDER BY name_key") == [
        ("Grace",), ("Grace Hall",), ("Grace Kim",)]


SAAS = {"customers": STRIPE_CUSTOMERS, "invoices": STRIPE_INVOICES,
        "conversations": INTERCOM_CONVERSATIONS, "nps": DELIGHTED_NPS}


def test_a_saas_businesss_stripe_intercom_and_nps_in_four_orders(tmp_path):
    """6 clients: Ana Silva 3 x 49 (Jan-Mar), NPS 10: advocacy; Ben Ode 99 (February's
    invoice still open), NPS 4: purchase; Carla Mendes 29 (March's void), NPS 7: purchase;
    Dan Moss 99 (invoiced to dan.moss+billing@gmail.com), NPS 9 signed "Dan": advocacy;
    Eve Park on a trial: consideration; Frank Li, a pre-sales chat: awareness.
    [6, 5, 4, 2, 2]; 6 sales of 374. Before: the Delighted export read as a client list
    (no promoters: [6, 5, 4, 1, 0]); answered first, "Dan" a second client beside Dan Moss
    ([7, 5, 4, 1, 0])."""
    for order in file_orders(list(SAAS), every=False):
        place = imported_in_order(tmp_path, SAAS, order)
        assert workspace_rows(place, "SELECT name, furthest_stage FROM clients "
                                     "ORDER BY name_key") == [
            ("Ana Silva", "advocacy"), ("Ben Ode", "purchase"), ("Carla Mendes", "purchase"),
            ("Dan Moss", "advocacy"), ("Eve Park", "consideration"),
            ("Frank Li", "awareness")], order
        assert cli_funnel(place) == [6, 5, 4, 2, 2], order
        assert sales_and_refunds(place) == ((6, 374.0), (0, None)), order


def test_a_score_out_of_five_beside_response_ids_is_no_nps_answer(tmp_path):
    """The same export with scores 1 to 5 (a rating, not a 0-10 answer) is no NPS survey."""
    rated = DELIGHTED_NPS.replace(",10,", ",5,").replace(",9,", ",4,").replace(",7,", ",3,")
    found = cli_import_text(tmp_path, "nps.csv", rated)
    assert found["recognised_as"] != "nps_survey"


PHOTOGRAPHER = {"enquiries": ENQUIRIES, "payments": HONEYBOOK_PAYMENTS,
                "reviews": REVIEWS_SHEET}


def test_a_photographers_enquiries_payments_and_reviews_in_every_order(tmp_path):
    """5 clients: Emily Rose & James Carter, a retainer of 900 and a balance of 1,800 on
    invoice INV-1001 (one wedding: one sale of 2,700), reviewed as "Emily Carter" (her
    married name, her address): advocacy; Sophie Turner & Dan Webb 750 + 1,500 on INV-1002
    (one sale of 2,250), reviewed as "Sophie": advocacy; Hannah Lee & Sam Ortiz, a quote
    sent: consideration; Priya Patel, a retainer of 400 paid, the balance of 800 to come:
    purchase; Zoe King, the date taken: awareness. [5, 4, 3, 2, 2]; 3 sales of 5,350 paid.
    Before: each balance a second sale (5 sales, Emily and Sophie repeat customers) and
    "Sophie" a client of her own: [6, 5, 4, 3, 2]."""
    for order in file_orders(list(PHOTOGRAPHER), every=True):
        place = imported_in_order(tmp_path, PHOTOGRAPHER, order)
        assert workspace_rows(place, "SELECT email, furthest_stage, purchase_count, "
                                     "revenue_events FROM clients ORDER BY email") == [
            ("emily.rose@gmail.com", "advocacy", 1, 2700.0),
            ("hannah.lee@gmail.com", "consideration", 0, None),
            ("priya.p@yahoo.com", "purchase", 1, 400.0),
            ("sophie.turner@hotmail.co.uk", "advocacy", 1, 2250.0),
            ("zoe.king@gmail.com", "awareness", 0, None)], order
        assert cli_funnel(place) == [5, 4, 3, 2, 2], order
        assert sales_and_refunds(place) == ((3, 5350.0), (0, None)), order


def test_two_invoices_paid_on_two_days_stay_two_sales(tmp_path):
    """Two invoice numbers of one client on two days are two sales (a repeat customer),
    and one invoice's two rows of one client are one only when they are that client's."""
    paid = ("Invoice,Client,Client Email,Paid On,Amount,Status\n"
            "INV-1,Ann Lee,ann@lee.me,10/01/2024,£100.00,Paid\n"
            "INV-2,Ann Lee,ann@lee.me,10/02/2024,£100.00,Paid\n"
            "INV-3,Bob Ray,bob@ray.me,12/01/2024,£50.00,Paid\n"
            "INV-3,Cy Fox,cy@fox.me,12/02/2024,£50.00,Paid\n")
    cli_import_text(tmp_path, "payments.csv", paid)
    assert workspace_rows(tmp_path, "SELECT email, purchase_count, furthest_stage FROM clients "
                                    "ORDER BY email") == [
        ("ann@lee.me", 2, "retention"), ("bob@ray.me", 1, "purchase"),
        ("cy@fox.me", 1, "purchase")]


WHOLESALER = {"deals": PIPEDRIVE_DEALS, "invoices": QUICKBOOKS_INVOICES,
              "tickets": ZENDESK_TICKETS}


def test_a_wholesalers_deals_invoices_and_tickets_in_every_order(tmp_path):
    """5 clients, the businesses: Green Grocer ("Green Grocer Ltd", "Green Grocer",
    "Green Grocer Limited") won 4,800 (Feb, invoice 2001) and 5,200 (May, invoice 2003,
    2,600 of it paid: a sale of what was paid, as test_owners_sheets reads a part-paid
    invoice): retention; Harbour Deli won 1,200 (invoice 2002), 150 credited, a standing
    order in negotiation, a ticket about damaged jars: purchase; Northfield Farm Shop Ltd,
    lost at Proposal Made: consideration; Bluebell Cafe, qualified: consideration;
    Riverside Bakery Ltd, invoiced 1,750 (not in the CRM), a ticket from Tom Hardy for
    "Riverside Bakery": purchase. [5, 5, 3, 1, 0]; 4 sales of 10,350; 1 refund of 150.
    Each business has its ticket; those of Harbour Deli (damaged jars) and Riverside
    (late) are complaints, Green Grocer's copy of an invoice and Bluebell's samples support
    contacts (session 17: a ticket without a type is a complaint only by its words; was 1
    complaint each). Before: the tickets' requesters (Paul Green, Lucy Bell,
    Tom Hardy, and Mia Costa when the tickets came first) clients of their own: 8 or 9
    clients, [8, 5, 3, 1, 0] or [9, 6, 4, 1, 0] with 5 sales of 11,550."""
    for order in file_orders(list(WHOLESALER), every=True):
        place = imported_in_order(tmp_path, WHOLESALER, order)
        rows = workspace_rows(place, "SELECT name, furthest_stage, purchase_count, "
                                     "revenue_events, complaint_count FROM clients "
                                     "ORDER BY name_key")
        assert [(name.split(" ")[0], *rest) for name, *rest in rows] == [
            ("Bluebell", "consideration", 0, None, 0), ("Green", "retention", 2, 7400.0, 0),
            ("Harbour", "purchase", 1, 1200.0, 1), ("Northfield", "consideration", 0, None, 0),
            ("Riverside", "purchase", 1, 1750.0, 1)], order
        assert cli_funnel(place) == [5, 5, 3, 1, 0], order
        assert sales_and_refunds(place) == ((4, 10350.0), (1, 150.0)), order
        assert workspace_rows(place, "SELECT contact_name FROM clients WHERE name_key "
                                     "LIKE 'harbour%'") == [("Mia Costa",)], order
