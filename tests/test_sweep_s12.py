"""Sheets from a fourth tester's sweep of exports nobody had tried, whose import gave wrong
figures: a sale or an invoice whose status says it never went through (QuickBooks' Voided,
SumUp's Failed, Loyverse's Cancelled) counted as a purchase; headers that name the client,
the amount, the kind or the status in a tool's own words (Faire's Retailer and Wholesale
Price, Insightly's Organization Name, Opportunity State and Bid Amount, Odoo's Expected
Revenue, Loyverse's Receipt type and Total collected, OpenTable's Guest Name, HoneyBook's
Project Stage and Total Value) read as nothing; a shop's "Name" of #1001 numbers taken for
the client's name; GoCardless's paid_out, a French "En négociation". Hand-worked figures,
through the command line."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, cli_json, kind_totals, workspace_rows


QBO_ALL_SALES = (
    'Date,Type,No.,Customer,Memo,Due date,Balance,Total,Status\n'
    '03/01/2024,Invoice,1010,Harper & Co,,03/31/2024,$0.00,"$1,200.00",Paid\n'
    '03/05/2024,Payment,,Harper & Co,,,$0.00,"-$1,200.00",Closed\n'
    '03/04/2024,Invoice,1011,Ivy Lane Cafe,,04/03/2024,$300.00,$300.00,Overdue\n'
    '03/06/2024,Sales Receipt,1012,Orchid Spa,,03/06/2024,$0.00,$85.00,Paid\n'
    '03/08/2024,Invoice,1013,Pine Legal,,04/07/2024,$0.00,$0.00,Voided\n'
    '03/10/2024,Invoice,1014,Harper & Co,,04/09/2024,$400.00,$400.00,Open\n'
    '03/12/2024,Credit Memo,1015,Orchid Spa,Broken vase,,$0.00,-$20.00,Closed\n'
    '03/15/2024,Estimate,1016,Quill Books,,04/14/2024,$0.00,$500.00,Pending\n'
    '03/20/2024,Invoice,1017,Orchid Spa,,04/19/2024,$0.00,$140.00,Paid\n'
)


SUMUP = (
    'Email,Date,Transaction ID,Transaction Type,Status,Card Type,Last 4 Digits,'
    'Payment Method,Entry Mode,Description,Total Amount,Tip Amount,Fee,Payout,Payout Date\n'
    'owner@greenstall.example,01/03/2024 09:12,TAAAB1,Sales,Successful,VISA,4242,Card,'
    'contactless,Veg box,25.00,0.00,0.44,24.56,04/03/2024\n'
    'owner@greenstall.example,01/03/2024 09:30,TAAAB2,Sales,Successful,MASTERCARD,1111,'
    'Card,chip,Eggs,4.50,0.50,0.08,4.92,04/03/2024\n'
    'owner@greenstall.example,01/03/2024 10:02,TAAAB3,Sales,Failed,VISA,0005,Card,'
    'contactless,Veg box,25.00,0.00,0.00,0.00,\n'
    'owner@greenstall.example,02/03/2024 11:45,TAAAB4,Sales,Successful,AMEX,3005,Card,'
    'contactless,Honey,8.00,0.00,0.14,7.86,05/03/2024\n'
    'owner@greenstall.example,02/03/2024 12:10,TAAAB5,Refund,Successful,VISA,4242,Card,,'
    'Veg box,-25.00,0.00,0.00,-25.00,05/03/2024\n'
    'owner@greenstall.example,08/03/2024 09:05,TAAAB6,Sales,Successful,VISA,4242,Card,'
    'contactless,Veg box,25.00,0.00,0.44,24.56,11/03/2024\n'
)


LOYVERSE = (
    'Date,Receipt number,Receipt type,Gross sales,Discounts,Net sales,Taxes,'
    'Total collected,Cost of goods,Gross profit,Payment type,Description,Dining option,POS,'
    'Store,Cashier name,Customer name,Customer contacts,Status\n'
    '3/4/24 9:15 AM,1-1001,Sale,$12.50,$0.00,$12.50,$0.00,$12.50,$4.00,$8.50,Cash,'
    '"Latte x1, Croissant x1",Dine in,POS 1,Main St,Amy,Bea Stone,bea@stone.example,'
    'Closed\n'
    '3/4/24 9:40 AM,1-1002,Sale,$4.00,$0.00,$4.00,$0.00,$4.00,$1.00,$3.00,Card,Espresso x1,'
    'Take out,POS 1,Main St,Amy,,,Closed\n'
    '3/4/24 10:05 AM,1-1003,Sale,$22.00,$2.00,$20.00,$0.00,$20.00,$7.00,$13.00,Card,'
    '"Cake x2, Tea x2",Dine in,POS 1,Main St,Amy,Cole Vance,+1 555 0199,Closed\n'
    '3/4/24 10:30 AM,1-1004,Refund,-$4.00,$0.00,-$4.00,$0.00,-$4.00,-$1.00,-$3.00,Card,'
    'Espresso x1,Take out,POS 1,Main St,Amy,,,Closed\n'
    '3/5/24 8:50 AM,1-1005,Sale,$9.00,$0.00,$9.00,$0.00,$9.00,$3.00,$6.00,Card,Latte x2,'
    'Take out,POS 1,Main St,Ben,Bea Stone,bea@stone.example,Closed\n'
    '3/5/24 9:10 AM,1-1006,Sale,$6.00,$0.00,$6.00,$0.00,$6.00,$2.00,$4.00,Cash,Muffin x2,'
    'Take out,POS 1,Main St,Ben,,,Cancelled\n'
)


FAIRE = (
    'Order Date,Order Number,Retailer,City,State,Country,Product Name,Option Name,SKU,'
    'Quantity,Wholesale Price,Retail Price,Order Status,Ship Date,Payout Total\n'
    '2024-03-01,ABCD1234,Maple & Co,Portland,OR,US,Lavender Candle,8oz,LC-8,12,$12.00,'
    '$24.00,Delivered,2024-03-04,$163.20\n'
    '2024-03-01,ABCD1234,Maple & Co,Portland,OR,US,Soap Set,,SS-1,6,$8.00,$16.00,Delivered,'
    '2024-03-04,$163.20\n'
    '2024-03-05,EFGH5678,Tide Gifts,Monterey,CA,US,Lavender Candle,8oz,LC-8,24,$12.00,'
    '$24.00,Shipped,2024-03-07,$244.80\n'
    '2024-03-08,IJKL9012,Birch Home,Burlington,VT,US,Lip Balm,,LB-1,36,$3.00,$6.00,'
    'Canceled,,$0.00\n'
    '2024-03-20,MNOP3456,Maple & Co,Portland,OR,US,Lip Balm,,LB-1,24,$3.00,$6.00,'
    'Processing,,$61.20\n'
)


INSIGHTLY = (
    'Opportunity ID,Opportunity Name,Organization Name,Opportunity State,Pipeline,'
    'Pipeline Stage,Bid Currency,Bid Amount,Bid Type,Bid Duration,Probability Of Winning,'
    'Forecast Close Date,Actual Close Date,Date Created,User Responsible\n'
    '7001,Fleet tracking,Echo Logistics,WON,Sales,Closed,USD,12000,Fixed Bid,,100,'
    '2024-02-15,2024-02-14,2024-01-05 09:00,Kara\n'
    '7002,Support retainer,Echo Logistics,OPEN,Sales,Negotiation,USD,150,Per Hour,40,70,'
    '2024-04-01,,2024-02-20 10:00,Kara\n'
    '7003,Pilot,Fable Foods,LOST,Sales,Proposal,USD,4000,Fixed Bid,,0,2024-03-01,'
    '2024-02-28,2024-01-25 14:00,Liam\n'
    '7004,Dashboards,Gale Energy,ABANDONED,Sales,Discovery,USD,2500,Fixed Bid,,0,'
    '2024-03-10,,2024-02-01 11:00,Liam\n'
    '7005,Integration,Hale Retail,WON,Sales,Closed,USD,6000,Fixed Bid,,100,2024-03-20,'
    '2024-03-18,2024-02-10 16:00,Kara\n'
    '7006,Training,Iona Clinic,SUSPENDED,Sales,Discovery,USD,900,Fixed Bid,,20,2024-05-01,,'
    '2024-03-01 12:00,Kara\n'
)


ABANDONED_CHECKOUTS = (
    'Id,Name,Email,Created at,Updated at,Completed at,Currency,Subtotal,Shipping,Taxes,'
    'Total,Discount Code,Accepts Marketing,Lineitem quantity,Lineitem name,Lineitem price,'
    'Billing Name,Billing Country,Abandoned Checkout URL\n'
    '30011,#30011,nia@example.com,2024-03-01 10:00:00 -0500,2024-03-01 10:05:00 -0500,,USD,'
    '40.00,5.00,0.00,45.00,,yes,2,Candle,20.00,Nia Odom,US,'
    'https://shop.example/checkouts/abc\n'
    '30012,#30012,oli@example.com,2024-03-02 11:00:00 -0500,2024-03-02 11:02:00 -0500,,USD,'
    '25.00,5.00,0.00,30.00,SPRING10,no,1,Soap set,25.00,Oli Pratt,US,'
    'https://shop.example/checkouts/def\n'
    '30013,#30013,nia@example.com,2024-03-04 09:00:00 -0500,2024-03-04 09:10:00 -0500,,USD,'
    '20.00,5.00,0.00,25.00,,yes,1,Candle,20.00,Nia Odom,US,'
    'https://shop.example/checkouts/ghi\n'
    '30014,#30014,pax@example.com,2024-03-05 15:00:00 -0500,2024-03-05 15:01:00 -0500,,USD,'
    '60.00,0.00,0.00,60.00,,yes,3,Candle,20.00,Pax Quill,CA,'
    'https://shop.example/checkouts/jkl\n'
    '30015,#30015,,2024-03-06 16:00:00 -0500,2024-03-06 16:00:00 -0500,,USD,12.00,5.00,'
    '0.00,17.00,,no,1,Lip balm,12.00,,,https://shop.example/checkouts/mno\n'
)


GOCARDLESS = (
    'id,created_at,charge_date,amount,currency,description,status,amount_refunded,'
    'reference,customers.id,customers.given_name,customers.family_name,customers.email,'
    'customers.company_name\n'
    'PM0001A,2024-03-01T09:00:00.000Z,2024-03-05,45.00,GBP,March membership,paid_out,0.00,,'
    'CU001,Ian,Hope,ian@hope.example,\n'
    'PM0002B,2024-03-01T09:00:00.000Z,2024-03-05,45.00,GBP,March membership,paid_out,0.00,,'
    'CU002,Jo,Kent,jo@kent.example,\n'
    'PM0003C,2024-03-01T09:00:00.000Z,2024-03-05,90.00,GBP,March membership (family),'
    'failed,0.00,,CU003,Kim,Lowe,kim@lowe.example,Lowe Family\n'
    'PM0004D,2024-03-01T09:00:00.000Z,2024-03-05,45.00,GBP,March membership,cancelled,0.00,'
    ',CU004,Len,Muir,len@muir.example,\n'
    'PM0005E,2024-04-01T09:00:00.000Z,2024-04-05,45.00,GBP,April membership,confirmed,0.00,'
    ',CU001,Ian,Hope,ian@hope.example,\n'
    'PM0006F,2024-04-01T09:00:00.000Z,2024-04-05,45.00,GBP,April membership,charged_back,'
    '0.00,,CU002,Jo,Kent,jo@kent.example,\n'
    'PM0007G,2024-04-01T09:00:00.000Z,2024-04-05,90.00,GBP,April membership (family),'
    'paid_out,20.00,,CU003,Kim,Lowe,kim@lowe.example,Lowe Family\n'
    'PM0008H,2024-04-02T09:00:00.000Z,2024-04-08,45.00,GBP,April membership,'
    'pending_submission,0.00,,CU005,Mo,Nash,mo@nash.example,\n'
)


CLIENTS_FR = (
    "Nom;Prénom;Société;E-mail;Téléphone;Ville;Statut;Chiffre d'affaires;Date de création;"
    "Dernier contact;Origine"
    '\n'
    'Martin;Claire;Atelier Martin;claire@ateliermartin.fr;06 12 34 56 78;Lyon;Client;1 250,'
    '00 €;12/01/2024;05/03/2024;Salon\n'
    'Bernard;Luc;;luc.bernard@exemple.fr;06 98 76 54 32;Paris;Prospect;0,'
    '00 €;03/02/2024;10/02/2024;Site web\n'
    'Dubois;Anne;Dubois SARL;anne@dubois-sarl.fr;;Nantes;Client fidèle;4 800,'
    '50 €;15/06/2023;28/02/2024;Recommandation\n'
    'Petit;Hugo;;hugo.petit@exemple.fr;07 11 22 33 44;Lille;Perdu;0,'
    '00 €;20/11/2023;15/01/2024;Publicité\n'
    'Roux;Emma;Roux & Fils;emma@rouxetfils.fr;;Bordeaux;En négociation;0,'
    '00 €;01/03/2024;12/03/2024;Site web\n'
    'Moreau;Paul;;paul.moreau@exemple.fr;;Toulouse;Client;380,'
    '00 €;05/01/2024;22/02/2024;Recommandation\n'
)


OPENTABLE = (
    'Guest Name,Phone,Email,Date,Time,Party Size,Status,Table,Server,Visit Notes,'
    'Guest Tags,Source,Total Visits\n'
    '"Walsh, Vera",555-3001,vera@walsh.example,3/1/2024,7:00 PM,2,Done,12,Mia,,Regular,'
    'OpenTable,5\n'
    '"Xu, Wen",555-3002,wen@xu.example,3/1/2024,7:30 PM,4,Done,7,Mia,Birthday,,'
    'Restaurant website,1\n'
    '"Young, Amir",555-3003,amir@young.example,3/2/2024,6:00 PM,3,Cancelled,,,,,OpenTable,2\n'
    '"Zane, Bo",555-3004,bo@zane.example,3/2/2024,8:00 PM,2,No Show,,,,,Phone,1\n'
    '"Walsh, Vera",555-3001,vera@walsh.example,3/8/2024,7:00 PM,2,Done,12,Leo,,Regular,'
    'OpenTable,5\n'
    '"Abel, Cy",555-3005,cy@abel.example,3/15/2024,6:30 PM,6,Confirmed,,,Allergy: nuts,,'
    'Google,0\n'
)


HONEYBOOK = (
    'Project Name,Client Name,Client Email,Project Type,Project Date,Lead Source,'
    'Project Stage,Total Value,Paid to Date,Created Date\n'
    'Lena & Marco Wedding,Lena Voss,lena@voss.example,Wedding,06/15/2024,Instagram,'
    'Planning,"$4,500.00","$1,500.00",01/05/2024\n'
    'Nguyen Headshots,Ty Nguyen,ty@nguyen.example,Portrait,02/20/2024,Google,Completed,'
    '$350.00,$350.00,01/20/2024\n'
    'Opal Corp Event,Ruby Opal,ruby@opalcorp.example,Corporate,05/02/2024,Referral,'
    'Proposal Sent,"$2,200.00",$0.00,02/01/2024\n'
    'Park Family Session,Jin Park,jin@park.example,Family,,Website,Inquiry,$0.00,$0.00,'
    '02/11/2024\n'
    'Quinn Elopement,Ash Quinn,ash@quinn.example,Wedding,04/10/2024,Referral,Retainer Paid,'
    '"$1,800.00",$600.00,02/14/2024\n'
    'Reyes Maternity,Ana Reyes,ana@reyes.example,Portrait,03/01/2024,Instagram,Archived,'
    '$400.00,$0.00,01/25/2024\n'
    'Nguyen Family Mini,Ty Nguyen,ty@nguyen.example,Family,03/15/2024,Repeat client,'
    'Completed,$250.00,$250.00,02/25/2024\n'
)


def test_a_sale_whose_status_says_it_did_not_go_through_is_no_purchase(tmp_path):
    """QuickBooks' All sales: Type names the kind, Status what became of it. Paid: 1010 1,200,
    1012 85, 1017 140 = 3 purchases, 1,425 (counted 6, 2,125, with the Open 1014 of 400, the
    Overdue 1011 of 300 and the Voided 1013 of 0 as purchases). The Payment is 1010's paying;
    the credit memo a refund of 20; the estimate Quill considering. Pine's voided invoice is
    a cancellation. Harper bought once (1014 is unpaid), Orchid twice (03-06, 03-20)."""
    found = cli_import_text(tmp_path, "qbo_all_sales.csv", QBO_ALL_SALES)
    assert ("3 sales that did not go through by their status ('Overdue' (1), 'Voided' (1), "
            "'Open' (1)) were read as what the status says (a cancellation, or a contact "
            "while unpaid or pending), not as a purchase.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 1425.0)
    assert kind_totals(tmp_path, "refund") == (1, 20.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [5, 3, 2, 1, 0]


def test_a_card_readers_failed_sale_is_no_purchase(tmp_path):
    """SumUp: Sales 25 + 4.50 + 8 + 25 successful = 4, 62.50 (counted 5, 87.50 with the
    Failed 25); the refund 25. The Email column is the merchant's own on every row: no
    client."""
    cli_import_text(tmp_path, "sumup_transactions.csv", SUMUP)
    assert kind_totals(tmp_path, "purchase") == (4, 62.5)
    assert kind_totals(tmp_path, "refund") == (1, 25.0)
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_a_pos_receipt_list_reads_its_type_and_total_collected(tmp_path):
    """Loyverse receipts: Receipt type (Sale, Refund) is the kind, Total collected the
    amount. Sales closed 12.50 + 4.00 + 20.00 + 9.00 = 4, 45.50; the Refund receipt 4.00;
    1-1006 Cancelled. (Before: 5 purchases of no amount, the refund and the cancelled one
    among them.) Bea on 3/4 and 3/5: retained."""
    cli_import_text(tmp_path, "loyverse_receipts.csv", LOYVERSE)
    assert kind_totals(tmp_path, "purchase") == (4, 45.5)
    assert kind_totals(tmp_path, "refund") == (1, 4.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 6.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_wholesale_order_is_priced_wholesale_and_its_retailer_is_the_client(tmp_path):
    """Faire: the Retailer is the client; a line is Quantity x Wholesale Price (the Retail
    Price is what the shop resells at). ABCD1234 12 x 12 + 6 x 8 = 192, EFGH5678 24 x 12 =
    288, MNOP3456 24 x 3 = 72: 3 purchases, 552 (before: 1,104 at retail prices, and no
    client). IJKL9012 canceled (36 x 3 = 108). Maple twice: retained."""
    cli_import_text(tmp_path, "faire_orders.csv", FAIRE)
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Birch Home",), ("Maple & Co",), ("Tide Gifts",)]
    assert kind_totals(tmp_path, "purchase") == (3, 552.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 108.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_an_opportunity_list_in_insightlys_words(tmp_path):
    """Insightly: Organization Name is the client, Opportunity State (WON, LOST, ABANDONED)
    the outcome, Bid Amount the value. Won 7001 12,000 and 7005 6,000 = 18,000; lost 7003
    and the abandoned 7004. (Before: no client, no won deal.) Every organisation has an
    opportunity: considering."""
    cli_import_text(tmp_path, "insightly_opportunities.csv", INSIGHTLY)
    assert kind_totals(tmp_path, "won") == (2, 18000.0)
    assert kind_totals(tmp_path, "lost")[0] == 2
    assert cli_funnel(tmp_path) == [5, 5, 2, 0, 0]


def test_an_opportunitys_expected_revenue_is_its_value(tmp_path):
    """Odoo's CRM pipeline: Expected Revenue is the deal's value. Won: Gray Law 4,800 and
    Kite Media 1,900 = 6,700 (before: the won deals had no amount); Gray's second deal is
    open."""
    cli_import_text(tmp_path, "odoo_crm.csv", (
        "Created on,Opportunity,Customer,Email,Salesperson,Expected Revenue,Stage,"
        "Probability\n"
        "2024-01-10 09:00:00,Office chairs,Gray Law LLP,ops@graylaw.example,Mitchell,"
        "4800.00,Won,100\n"
        "2024-01-22 14:30:00,Standing desks,Hill Studio,hello@hill.example,Marc,2600.00,"
        "Proposition,60\n"
        "2024-02-01 11:00:00,Meeting room refit,Gray Law LLP,ops@graylaw.example,"
        "Mitchell,9500.00,Qualified,30\n"
        "2024-02-05 10:10:00,Lamps,Iris Dental,front@iris.example,Marc,300.00,New,10\n"
        "2024-02-20 08:45:00,Chairs reorder,Kite Media,kite@media.example,Mitchell,"
        "1900.00,Won,100\n"))
    assert kind_totals(tmp_path, "won") == (2, 6700.0)
    assert cli_funnel(tmp_path) == [4, 3, 2, 0, 0]


def test_a_shops_numbered_name_column_is_no_clients_name(tmp_path):
    """Shopify's abandoned checkouts: "Name" holds #30011, the checkout's number; the
    client is the Billing Name. 3 people (Nia twice), one checkout with nobody; no purchase
    (before: 4 clients called #30012 to #30015)."""
    found = cli_import_text(tmp_path, "abandoned_checkouts.csv", ABANDONED_CHECKOUTS)
    assert found["mapping"]["Name"] == "order_id"
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Nia Odom",), ("Oli Pratt",), ("Pax Quill",)]
    assert kind_totals(tmp_path, "purchase") == (0, None)


def test_a_direct_debit_list_reads_paid_out_as_collected(tmp_path):
    """GoCardless payments: paid_out is money collected. Ian 45, Jo 45, Kim 90, and Jo's
    April 45 charged back (a purchase and its refund) = 4 purchases, 225; refunds 45 and
    Kim's amount_refunded 20 = 65. failed, pending_submission and confirmed are no
    purchase (before: every row a contact)."""
    cli_import_text(tmp_path, "gocardless_payments.csv", GOCARDLESS)
    assert kind_totals(tmp_path, "purchase") == (4, 225.0)
    assert kind_totals(tmp_path, "refund") == (2, 65.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 45.0)


def test_a_french_client_in_negotiation_is_considering(tmp_path):
    """Statut: Client (Claire, Paul), Client fidèle (Anne), Prospect (Luc), En négociation
    (Emma: considering, was unknown), Perdu (Hugo)."""
    path = tmp_path / "clients_fr.csv"
    path.write_bytes(CLIENTS_FR.encode("cp1252"))
    cli_json(tmp_path, "import", str(path))
    assert cli_funnel(tmp_path) == [6, 4, 3, 1, 0]


def test_a_restaurants_guest_name_is_the_client(tmp_path):
    """OpenTable: the Guest Name names the client (before: 5 clients without a name)."""
    cli_import_text(tmp_path, "opentable.csv", OPENTABLE)
    assert workspace_rows(tmp_path, "SELECT COUNT(*), COUNT(name) FROM clients") == [(5, 5)]


def test_a_projects_stage_and_total_value(tmp_path):
    """HoneyBook projects: Project Stage is the stage, Total Value the amount. Completed Ty
    350 (02-20) and 250 (03-15), Retainer Paid Ash 1,800 = 3 won, 2,400 (before: none).
    Planning and Archived are HoneyBook's own words, left for the owner to map."""
    cli_import_text(tmp_path, "honeybook_projects.csv", HONEYBOOK)
    assert kind_totals(tmp_path, "won") == (3, 2400.0)
    assert cli_funnel(tmp_path) == [6, 3, 2, 1, 0]
