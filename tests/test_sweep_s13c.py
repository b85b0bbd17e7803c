"""Exports from a sweep of tools nobody had tried (sweep s13 C), whose import gave wrong
figures. Hand-worked figures, through the command line (cumulative funnel: awareness,
consideration, purchase, retention, advocacy).

- Close opportunities keep money in cents: won 5,000 + 1,200 + 2,500 = 8,700 (was
  870,000); an active opportunity ("Demo Completed", a status of the user's own) is
  consideration: [5, 4, 2, 1, 0] (was [5, 3, 2, 1, 0] and the status left to map).
- Keap orders: "Pay Status" says what was paid: Unpaid is no sale, Refunded a sale and its
  refund: 5 purchases of 1,173 and a refund of 99 (was 6 of 1,623 and no refund).
- Lemon Squeezy orders: a "Test Mode" Yes order is no one's order and no sale: 6 purchases
  of 218.20 from 5 clients (was 7 of 267.20 and a "Test Customer").
- Freshsales deals: the bare "Name" names the deal, "Account name" the client (the related
  contact where no account is given); the "Type" of New is no kind beside the deal stage:
  6 clients, won 3 of 7,700, 1 lost, [6, 4, 2, 1, 0] (was 7 clients named after the deals
  and no deal won).
- Zendesk: the sample ticket Zendesk makes itself ("The Customer", via "Sample ticket") is
  no client's complaint: 4 clients, 4 complaints (was 5 and 5).
- Fresha appointments: "Scheduled date" is when the appointment took place, not "Created
  date" (when it was booked).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, cli_json, kind_totals, workspace_rows, xlsx_bytes


def _clients(tmp_path) -> list[str]:
    return [name for (name,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


CLOSE = (
    "id,lead_id,lead_name,status_id,status_label,status_type,pipeline_name,confidence,value,"
    "value_period,value_currency,value_formatted,annualized_value,date_created,date_won,"
    "user_name,contact_name\n"
    "oppo_1,lead_1,Harbor Analytics,stat_W,Won,won,Sales,100,500000,one_time,USD,"
    "\"$5,000\",500000,2024-02-01 09:00:00.000000+00:00,2024-02-20,Jo Park,Hank Harbor\n"
    "oppo_2,lead_1,Harbor Analytics,stat_W,Won,won,Sales,100,120000,monthly,USD,"
    "\"$1,200 monthly\",1440000,2024-03-01 09:00:00.000000+00:00,2024-03-15,Jo Park,"
    "Hank Harbor\n"
    "oppo_3,lead_2,Juniper Legal,stat_D,Demo Completed,active,Sales,50,300000,one_time,USD,"
    "\"$3,000\",300000,2024-03-04 14:00:00.000000+00:00,,Jo Park,June Juniper\n"
    "oppo_4,lead_3,Maple Bakery,stat_L,Lost,lost,Sales,0,80000,one_time,USD,$800,80000,"
    "2024-02-10 10:00:00.000000+00:00,,Jo Park,Mo Maple\n"
    "oppo_5,lead_4,Orbit Labs,stat_P,Proposal Sent,active,Sales,70,950000,one_time,USD,"
    "\"$9,500\",950000,2024-03-12 16:30:00.000000+00:00,,Jo Park,Olga Orbit\n"
    "oppo_6,lead_5,Summit Yoga,stat_W,Won,won,Sales,100,250000,one_time,USD,\"$2,500\","
    "250000,2024-02-20 08:15:00.000000+00:00,2024-03-02,Jo Park,Sia Summit\n"
)


def test_close_keeps_money_in_cents_and_an_active_opportunity_is_consideration(tmp_path):
    """Won: Harbor 5,000 (20 Feb) and 1,200 (15 Mar, again later: retention), Summit
    2,500 = 3 worth 8,700; Maple lost 800; Juniper (Demo Completed) and Orbit (Proposal
    Sent) active: consideration. Funnel [5, 4, 2, 1, 0]."""
    found = cli_import_text(tmp_path, "close_opportunities.csv", CLOSE)
    assert found["recognised_as"] == "close_opportunities"
    assert kind_totals(tmp_path, "won") == (3, 8700.0)
    assert kind_totals(tmp_path, "lost") == (1, 800.0)
    assert cli_funnel(tmp_path) == [5, 4, 2, 1, 0]
    assert found["unknown_stage_values"] == {}


KEAP = (
    "Id,Order Title,Order Date,Contact Id,First Name,Last Name,Email,Order Total,Total Paid,"
    "Total Due,Pay Status,Order Type\n"
    "5001,Coaching Package,03/02/2024 10:15 AM,301,Nina,Ross,nina@ross.example,$450.00,"
    "$450.00,$0.00,Paid,Online\n"
    "5002,Starter Call,03/04/2024 02:30 PM,302,Owen,Price,owen@price.example,$99.00,$99.00,"
    "$0.00,Paid,Online\n"
    "5003,Coaching Package,03/05/2024 09:00 AM,303,Pia,Lund,pia@lund.example,$450.00,$0.00,"
    "$450.00,Unpaid,Offline\n"
    "5004,Workshop Ticket,03/09/2024 06:45 PM,301,Nina,Ross,nina@ross.example,$75.00,$75.00,"
    "$0.00,Paid,Online\n"
    "5005,Coaching Package,03/10/2024 11:20 AM,304,Quinn,Hart,quinn@hart.example,$450.00,"
    "$150.00,$300.00,Partially Paid,Online\n"
    "5006,Starter Call,03/12/2024 04:05 PM,305,Rosa,Vega,rosa@vega.example,$99.00,$99.00,"
    "$0.00,Refunded,Online\n"
)


def test_keap_pay_status_says_what_was_paid(tmp_path):
    """Sales 450 + 99 + 75 + 150 (Quinn's, part paid: 150 of 450 paid so far, s13f; was
    450) + 99 (Rosa's, refunded: a refund of 99 beside it) = 5 worth 873; Pia's Unpaid
    order is a contact. Nina bought twice: [5, 4, 4, 1, 0]."""
    found = cli_import_text(tmp_path, "keap_orders.csv", KEAP)
    assert found["mapping"]["Pay Status"] == "status"
    assert kind_totals(tmp_path, "purchase") == (5, 873.0)
    assert kind_totals(tmp_path, "refund") == (1, 99.0)
    assert kind_totals(tmp_path, "contact") == (1, 450.0)
    assert cli_funnel(tmp_path) == [5, 4, 4, 1, 0]


LEMON = (
    "Order ID,Order Number,Date,Customer Name,Customer Email,Product,Status,Currency,"
    "Subtotal,Discount,Total,Refunded Amount,Test Mode\n"
    "o-1,#1001,2024-03-01 10:12:33,Mia Wong,mia@wong.example,Icon Pack,Paid,USD,$49.00,"
    "$0.00,$49.00,$0.00,No\n"
    "o-2,#1002,2024-03-02 08:40:10,Jon Bell,jon@bell.example,UI Kit,Paid,USD,$29.00,$5.80,"
    "$23.20,$0.00,No\n"
    "o-3,#1003,2024-03-03 12:00:00,Test Customer,me@mystore.example,Icon Pack,Paid,USD,"
    "$49.00,$0.00,$49.00,$0.00,Yes\n"
    "o-4,#1004,2024-03-05 16:22:45,Ravi Patel,ravi@patel.example,Icon Pack,Refunded,USD,"
    "$49.00,$0.00,$49.00,$49.00,No\n"
    "o-5,#1005,2024-03-08 09:05:00,Mia Wong,mia@wong.example,Emoji Set,Paid,USD,$19.00,"
    "$0.00,$19.00,$0.00,No\n"
    "o-6,#1006,2024-03-09 21:17:02,,k.osei@mail.example,UI Kit,Paid,USD,$29.00,$0.00,"
    "$29.00,$0.00,No\n"
    "o-7,#1007,2024-03-10 13:30:00,Dana Fox,dana@fox.example,Icon Pack,Failed,USD,$49.00,"
    "$0.00,$49.00,$0.00,No\n"
    "o-8,#1008,2024-03-12 11:11:11,Jon Bell,jon@bell.example,Icon Pack,Partially refunded,"
    "USD,$49.00,$0.00,$49.00,$20.00,No\n"
)


def test_a_test_mode_order_is_no_sale_and_no_client(tmp_path):
    """Sales 49 + 23.20 + 49 + 19 + 29 + 49 = 218.20 (6); refunds Ravi 49 and Jon 20;
    Dana's failed order a contact; #1003 made in test mode is rejected, saying why. Mia
    and Jon bought again later: [5, 4, 4, 2, 0]."""
    found = cli_import_text(tmp_path, "lemonsqueezy_orders.csv", LEMON)
    assert [(p["row"], p["value"], p["reason"]) for p in found["problems"]] == [
        (4, "Yes", "the row was made in test mode, not a real order")]
    assert kind_totals(tmp_path, "purchase") == (6, 218.2)
    assert kind_totals(tmp_path, "refund") == (2, 69.0)
    assert "Test Customer" not in _clients(tmp_path)
    assert cli_funnel(tmp_path) == [5, 4, 4, 2, 0]


def test_a_sheet_made_all_in_test_mode_is_imported_as_it_is(tmp_path):
    """Not fired: every row in test mode (someone trying the tool out) leaves nothing to
    tell apart: the rows are imported as they are."""
    found = cli_import_text(tmp_path, "orders.csv",
                            "Order ID,Date,Customer Name,Status,Total,Test Mode\n"
                            "A1,2024-03-01,Ann Lee,Paid,10,Yes\n"
                            "A2,2024-03-02,Bob Ray,Paid,15,Yes\n")
    assert found["rejected"] == 0
    assert kind_totals(tmp_path, "purchase") == (2, 25.0)


FRESHSALES = (
    "Name,Deal value,Deal stage,Deal pipeline,Account name,Related contacts,Sales owner,"
    "Expected close date,Closed date,Created at,Lost reason,Source,Type\n"
    "Website revamp,\"5,000.00\",Won,Sales pipeline,Brightline Media,Kara Jones,Lena,"
    "2024-03-10,2024-03-08,2024-01-20 10:00:00,,Web,New\n"
    "SEO retainer,\"1,200.00\",Won,Sales pipeline,Brightline Media,Kara Jones,Lena,"
    "2024-03-31,2024-03-29,2024-03-09 10:00:00,,Web,New\n"
    "Logo design,800.00,Lost,Sales pipeline,Harbor Cafe,Hal Brook,Lena,2024-03-05,"
    "2024-03-04,2024-02-01 09:30:00,Price too high,Web,New\n"
    "Shopify build,\"7,500.00\",Negotiation,Sales pipeline,Quill Books,Quinn Ash,Lena,"
    "2024-04-30,,2024-02-15 14:00:00,,Web,New\n"
    "Consultation,300.00,Demo,Sales pipeline,,Omar Said,Lena,2024-04-10,,"
    "2024-03-01 11:00:00,,Referral,New\n"
    "Ads setup,\"2,000.00\",New,Sales pipeline,Pine Dental,Pia Pine,Lena,2024-05-15,,"
    "2024-03-20 16:45:00,,Web,New\n"
    "Brand kit,\"1,500.00\",Won,Sales pipeline,Rivet Studio,Rob Rivet,Lena,2024-03-15,"
    "2024-03-15,2024-02-25 08:00:00,,Web,New\n"
)


def test_a_deals_export_names_the_account_not_the_deal(tmp_path):
    """Won: Brightline 5,000 (8 Mar) and 1,200 (29 Mar: retention), Rivet 1,500 = 3
    worth 7,700; Harbor lost; Quill (Negotiation), Omar (Demo; no account, so his own
    name) consideration; Pine (New) awareness. [6, 4, 2, 1, 0]."""
    found = cli_import_text(tmp_path, "freshsales_deals.csv", FRESHSALES)
    assert found["mapping"]["Name"] is None
    assert found["mapping"]["Account name"] == "name"
    assert found["mapping"]["Type"] is None
    assert _clients(tmp_path) == ["Brightline Media", "Harbor Cafe", "Omar Said",
                                  "Pine Dental", "Quill Books", "Rivet Studio"]
    assert kind_totals(tmp_path, "won") == (3, 7700.0)
    assert kind_totals(tmp_path, "lost")[0] == 1
    assert cli_funnel(tmp_path) == [6, 4, 2, 1, 0]


def test_a_pipeline_of_people_and_their_company_keeps_the_people(tmp_path):
    """Not fired: no deal column, so "Name" is the person each row is for."""
    cli_import_text(tmp_path, "pipeline.csv", "Name,Company,Stage,Date\n"
                                              "Ann Lee,Acme,Won,2024-03-01\n"
                                              "Bob Ray,Acme,Proposal,2024-03-02\n")
    assert _clients(tmp_path) == ["Ann Lee", "Bob Ray"]


ZENDESK = (
    "ID,Requester,Requester id,Requester email,Submitter,Assignee,Group,Subject,Tags,Status,"
    "Priority,Via,Ticket type,Created at,Satisfaction Score\n"
    "1,The Customer,3618111,customer@example.com,The Customer,Owner Admin,Support,"
    "Sample ticket: Meet the ticket,,Open,Normal,Sample ticket,Incident,2024-02-28 08:00,"
    "Unoffered\n"
    "1201,Maria Lopez,3618201,maria@lopez.example,Maria Lopez,Rosa Diaz,Support,"
    "Where is my order #2045?,shipping,Solved,Normal,Mail,Question,2024-03-02 09:14,Good\n"
    "1202,Tom Baker,3618202,tom@baker.example,Tom Baker,Rosa Diaz,Support,"
    "Item arrived damaged,damaged,Solved,High,Web form,Incident,2024-03-03 10:30,Bad\n"
    "1203,Maria Lopez,3618201,maria@lopez.example,Maria Lopez,Rosa Diaz,Support,"
    "Refund request for damaged mug,refund,Open,High,Mail,Incident,2024-03-06 08:10,"
    "Unoffered\n"
    "1205,Ken Ito,3618203,ken@ito.example,Ken Ito,Rosa Diaz,Support,Change delivery address,"
    ",Closed,Low,Chat,Question,2024-03-07 15:00,Offered\n"
    "1206,Ana Silva,3618204,ana@silva.example,Ana Silva,Rosa Diaz,Support,"
    "Discount code not working,checkout,Pending,Normal,Web form,Problem,2024-03-09 19:45,"
    "Unoffered\n"
    "1208,Tom Baker,3618202,tom@baker.example,Tom Baker,Rosa Diaz,Support,"
    "Still no replacement,damaged,Open,Urgent,Mail,Incident,2024-03-12 09:00,Offered\n"
)


def test_the_help_desks_own_sample_ticket_is_no_clients(tmp_path):
    """Complaints 1202, 1203, 1206, 1208; questions 1201 and 1205 contacts; Zendesk's
    sample ticket left out: 4 clients, [4, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "zendesk_tickets.csv", ZENDESK)
    assert "1 sample ticket (the help desk's own example, no client's) left out" in (
        found["explanation"])
    assert _clients(tmp_path) == ["Ana Silva", "Ken Ito", "Maria Lopez", "Tom Baker"]
    assert kind_totals(tmp_path, "complaint")[0] == 4
    assert kind_totals(tmp_path, "contact")[0] == 2
    assert cli_funnel(tmp_path) == [4, 0, 0, 0, 0]


def test_an_appointment_is_dated_when_it_took_place_not_when_it_was_booked(tmp_path):
    """Fresha: Sophie's haircut booked 1 Mar for 5 Mar and blow-dry booked 10 Mar for
    26 Mar; Jake's cut booked 1 Mar for 6 Mar. Purchases 45 + 25 + 22 = 92, on 5, 26 and
    6 March; Sophie again later: [2, 2, 2, 1, 0]."""
    path = tmp_path / "fresha_appointments.xlsx"
    path.write_bytes(xlsx_bytes({"Appointments": [
        ["Ref #", "Channel", "Created date", "Client", "Email", "Service", "Scheduled date",
         "Time", "Team member", "Price", "Status"],
        ["A1", "Online booking", "01 Mar 2024", "Sophie Hale", "sophie@hale.example",
         "Women's Haircut", "05 Mar 2024", "10:00", "Ella", "£45.00", "Completed"],
        ["A2", "Online booking", "01 Mar 2024", "Jake Moss", "jake@moss.example",
         "Men's Cut", "06 Mar 2024", "11:00", "Finn", "£22.00", "Completed"],
        ["A3", "Online booking", "10 Mar 2024", "Sophie Hale", "sophie@hale.example",
         "Blow Dry", "26 Mar 2024", "16:00", "Ella", "£25.00", "Completed"]]}))
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    assert found["mapping"]["Scheduled date"] == "date"
    assert workspace_rows(tmp_path, "SELECT substr(date, 1, 10), amount FROM events "
                                    "WHERE kind = 'purchase' ORDER BY date") == [
        ("2024-03-05", 45.0), ("2024-03-06", 22.0), ("2024-03-26", 25.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
