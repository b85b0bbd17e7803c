"""Files of one business imported one after another into the same workspace: the same
client is found across them by its e-mail address (another system's ID for the same
person), by a name only one client has, and by a name spelled with or without accents or
with another spelling of its legal form; two clients of the same name are not guessed
between. Hand-worked figures in each docstring, through the command line."""

from __future__ import annotations

from conftest import (
    cli_funnel, cli_import_text, cli_undo, kind_totals, workspace_rows, workspace_state)

TRACKER = ("Client,Email,Stage,Notes\n"
           "Northwind Ltd,,Customer,Annual plan\n"
           "  jane  DOE ,jane@doe.com,Proposal,\n"
           "O'Brien Plumbing,obrien@plumb.ie,Lead,Met at expo\n"
           "Café Luna,,Customer,\n"
           "Harbour & Co,harbour@co.uk,Customer,\n")
STRIPE = ("id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer ID,"
          "Customer Description,Customer Email\n"
          "ch_1A,2024-01-10 09:00:00,1200.00,0.00,gbp,true,Paid,cus_N1,Northwind Limited,"
          "billing@northwind.com\n"
          "ch_2B,2024-01-12 09:00:00,300.00,0.00,gbp,true,Paid,cus_J2,Jane Doe,JANE@doe.com\n"
          "ch_3C,2024-02-12 09:00:00,300.00,0.00,gbp,true,Paid,cus_J2,Jane Doe,jane@doe.com\n"
          "ch_4D,2024-02-20 09:00:00,150.00,150.00,gbp,true,Refunded,cus_L3,Cafe Luna,"
          "luna@cafe.com\n"
          "ch_5E,2024-02-21 09:00:00,90.00,0.00,gbp,false,Failed,cus_O4,O'Brien Plumbing,"
          "obrien@plumb.ie\n")
# What both orders give: purchases 1200 + 300 + 300 + 150 = 1950; ch_4D refunded (150);
# ch_5E failed, no purchase. Five clients: Jane paid on two days (retention); O'Brien,
# whose payment failed, stays a lead; Northwind, Café Luna and Harbour bought.
BOTH = {"clients": 5, "purchases": (4, 1950.0), "refunds": (1, 150.0), "funnel": [5, 4, 4, 1, 0]}


def _figures(tmp_path) -> dict:
    return {"clients": workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients")[0][0],
            "purchases": kind_totals(tmp_path, "purchase"),
            "refunds": kind_totals(tmp_path, "refund"), "funnel": cli_funnel(tmp_path)}


def test_a_tracker_then_stripe_finds_each_client_once(tmp_path):
    """The tracker: 5 clients, Jane, O'Brien and Harbour by e-mail, Northwind Ltd and Café
    Luna by name. Stripe names its customers by its own ids (cus_...): JANE@doe.com and
    obrien@plumb.ie are the tracker's Jane and O'Brien (same address, case ignored);
    "Northwind Limited" is Northwind Ltd and "Cafe Luna" is Café Luna (names known to the
    tracker alone, only the legal form's spelling and the accent differ). Before: 9 clients
    (each Stripe customer a new one), funnel [9, 7, 6, 1, 0]."""
    cli_import_text(tmp_path, "tracker.csv", TRACKER)
    stripe = cli_import_text(tmp_path, "stripe_payments.csv", STRIPE)
    assert _figures(tmp_path) == BOTH
    assert any("(2 clients by e-mail)" in n and "'Northwind Limited'" in n
               for n in stripe["notes"])
    assert workspace_rows(tmp_path, "SELECT name, email, purchase_count FROM clients "
                                    "ORDER BY id") == [
        ("Northwind Ltd", "billing@northwind.com", 1), ("jane  DOE", "jane@doe.com", 2),
        ("O'Brien Plumbing", "obrien@plumb.ie", 0), ("Café Luna", "luna@cafe.com", 1),
        ("Harbour & Co", "harbour@co.uk", 0)]


def test_stripe_then_the_tracker_finds_each_client_once(tmp_path):
    """The other way round: Stripe first (4 clients by their cus_ ids), then the tracker:
    its e-mails find Jane and O'Brien, its names alone Northwind and Café Luna (the one
    client of each name); Harbour is new. The same five clients and figures; the tracker's
    blank e-mails leave Stripe's addresses alone. Before: 7 clients, funnel [7, 6, 6, 1, 0]."""
    cli_import_text(tmp_path, "stripe_payments.csv", STRIPE)
    tracker = cli_import_text(tmp_path, "tracker.csv", TRACKER)
    assert _figures(tmp_path) == BOTH
    assert (tracker["inserted"], tracker["updated"]) == (1, 4)
    assert workspace_rows(tmp_path, "SELECT name, email FROM clients WHERE name LIKE 'North%'"
                          ) == [("Northwind Ltd", "billing@northwind.com")]


def test_orders_by_email_join_a_client_list_with_its_own_ids(tmp_path):
    """A complaints log by name, then the client list (C1 Ben Carter, C2 Lucy Hale take
    over the names; C3 Ana Ruiz new), then orders by e-mail only: ben@carter.com,
    LUCY@HALE.COM and ana@ruiz.mx are C1, C2 and C3. Purchases 100 + 50 + 75 + 20 = 245;
    Ben on 03-01 and 04-03: retention. 3 clients, funnel [3, 3, 3, 1, 0] (before: 6
    clients, each orderer a new one, [6, 4, 4, 1, 0]). The orders' upper-case address does
    not replace the list's. Undoing the orders puts back the workspace as it was."""
    cli_import_text(tmp_path, "complaints.csv", "Date,Customer,Complaint\n"
                    "2024-01-15,Ben Carter,Late delivery\n2024-02-02,lucy  hale,Wrong item\n")
    cli_import_text(tmp_path, "clients.csv", "Client ID,Name,Email,Stage\n"
                    "C1,Ben Carter,ben@carter.com,Customer\nC2,Lucy Hale,lucy@hale.com,Lead\n"
                    "C3,Ana Ruiz,ana@ruiz.mx,Lead\n")
    before = workspace_rows(tmp_path, "SELECT * FROM clients ORDER BY id")
    orders = cli_import_text(tmp_path, "orders.csv", "Order ID,Date,Email,Amount,Status\n"
                             "O-1,2024-03-01,ben@carter.com,100.00,Paid\n"
                             "O-2,2024-03-02,LUCY@HALE.COM,50.00,Paid\n"
                             "O-3,2024-03-03,ana@ruiz.mx,75.00,Paid\n"
                             "O-4,2024-04-03,ben@carter.com,20.00,Paid\n")
    assert kind_totals(tmp_path, "purchase") == (4, 245.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]
    assert workspace_rows(tmp_path, "SELECT client_id, email, furthest_stage FROM clients "
                                    "ORDER BY client_id") == [
        ("C1", "ben@carter.com", "retention"), ("C2", "lucy@hale.com", "purchase"),
        ("C3", "ana@ruiz.mx", "purchase")]
    from journey.__main__ import main
    assert main(["undo-import", str(orders["import_id"]), "--workspace",
                 str(tmp_path / "w.db")]) == 0
    assert workspace_rows(tmp_path, "SELECT * FROM clients ORDER BY id") == before


def test_a_list_keyed_by_email_then_one_with_ids_keeps_one_client(tmp_path):
    """Orders by e-mail first (2 clients keyed by their addresses), then the client list
    with IDs and the same addresses: each list row takes over its orderer (the ID becomes
    the key) rather than making a second client: 2 clients, not 4; C1 bought twice."""
    cli_import_text(tmp_path, "orders.csv", "Order ID,Date,Email,Amount,Status\n"
                    "O-1,2024-03-01,ben@carter.com,100.00,Paid\n"
                    "O-2,2024-03-02,LUCY@HALE.COM,50.00,Paid\n"
                    "O-3,2024-04-03,ben@carter.com,20.00,Paid\n")
    listed = cli_import_text(tmp_path, "clients.csv", "Client ID,Name,Email\n"
                             "C1,Ben Carter,ben@carter.com\nC2,Lucy Hale,lucy@hale.com\n")
    assert (listed["inserted"], listed["updated"]) == (0, 2)
    assert workspace_rows(tmp_path, "SELECT client_key, name, purchase_count FROM clients "
                                    "ORDER BY client_key") == [
        ("id:c1", "Ben Carter", 2), ("id:c2", "Lucy Hale", 1)]
    more = cli_import_text(tmp_path, "more_orders.csv", "Order ID,Date,Client ID,Amount\n"
                           "O-9,2024-05-01,C2,30.00\n")
    assert more["inserted"] == 1
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients")[0][0] == 2


SALON = ("Name,Phone,Email\n"
         "Amélie Dubois,07700 900001,amelie.dubois@mail.com\n"
         "Tom Reed,07700 900003,tom.reed@mail.com\n"
         "Tom Reed,07700 900004,treed@work.co.uk\n"
         "Grace Lee,07700 900005,Grace.Lee@Mail.com\n")
REVIEWS = ("Reviewer,Star rating,Review date,Comment\n"
           "Grace Lee,5,2024-03-09,Lovely cut\n"
           "Amelie Dubois,5,2024-03-03,Best salon in town\n"
           "Tom Reed,5,2024-03-08,Quick beard trim\n")


def test_reviews_by_name_are_not_given_to_one_of_two_namesakes(tmp_path):
    """A salon's list: two Tom Reeds (two e-mails), Amélie Dubois, Grace Lee: 4 clients.
    Google reviews by display name: Grace Lee is Grace; "Amelie Dubois" is Amélie (the one
    client of that name, accents aside); "Tom Reed" is either Tom Reed, so neither gets the
    review: it stays a client of its own and the notes say so. 5 clients; advocacy: Grace,
    Amélie and the reviewing Tom Reed (3). Before: the review went to whichever Tom Reed
    the database gave first, and "Amelie Dubois" was a fifth client."""
    cli_import_text(tmp_path, "salon_clients.csv", SALON)
    reviews = cli_import_text(tmp_path, "google_reviews.csv", REVIEWS)
    assert any("'Tom Reed': 2" in n for n in reviews["notes"])
    assert workspace_rows(tmp_path, "SELECT client_key, furthest_stage FROM clients "
                                    "ORDER BY id") == [
        ("id:amelie.dubois@mail.com", "advocacy"), ("id:tom.reed@mail.com", "awareness"),
        ("id:treed@work.co.uk", "awareness"), ("id:grace.lee@mail.com", "advocacy"),
        ("name:tom reed", "advocacy")]
    assert cli_funnel(tmp_path) == [5, 3, 3, 3, 3]


def test_a_deal_or_invoice_with_another_spelling_of_the_company_joins_it(tmp_path):
    """HubSpot contacts (the company is the client: Acme Ltd, Solar Energía SL), then deals
    named "Solar Energia SL" (no accent) and Xero invoices to "Acme Limited": each joins
    the contact's company, 2 clients, not 4. Acme: invoices 5000 (02-15) and 3000 (06-15):
    retention; Solar: contract sent, consideration."""
    cli_import_text(tmp_path, "hubspot_contacts.csv",
                    "Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage\n"
                    "101,Jane,Smith,jane@acme.co.uk,Acme Ltd,Customer\n"
                    "103,María,González,maria@solar.es,Solar Energía SL,Opportunity\n")
    cli_import_text(tmp_path, "hubspot_deals.csv",
                    "Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline\n"
                    "Solar Energia SL,contractsent,8000,2024-08-01,2024-02-01,default\n")
    cli_import_text(tmp_path, "xero_invoices.csv",
                    "ContactName,EmailAddress,InvoiceNumber,InvoiceDate,DueDate,Total,"
                    "InvoiceAmountPaid,InvoiceAmountDue,Type,Status\n"
                    "Acme Limited,accounts@acme.co.uk,INV-001,2024-02-15,2024-03-15,5000.00,"
                    "5000.00,0.00,Sales invoice,Paid\n"
                    "Acme Limited,accounts@acme.co.uk,INV-002,2024-06-15,2024-07-15,3000.00,"
                    "3000.00,0.00,Sales invoice,Paid\n")
    assert workspace_rows(tmp_path, "SELECT name, email, furthest_stage, purchase_count "
                                    "FROM clients ORDER BY id") == [
        ("Acme Ltd", "jane@acme.co.uk", "retention", 2),
        ("Solar Energía SL", "maria@solar.es", "consideration", 0)]


def test_two_namesakes_on_a_list_keep_apart_from_one_known_client(tmp_path):
    """A shared e-mail or a shared name decides nothing: a list with two rows of the same
    address (a couple, info@) matches neither to the client known by that address, and a
    name-only row whose name two clients have (two Bob Smiths) is a new client:
    1 + 3 + 1 = 5 clients."""
    cli_import_text(tmp_path, "orders.csv", "Order ID,Date,Email,Amount,Status\n"
                    "O-1,2024-03-01,home@smith.net,100.00,Paid\n")
    cli_import_text(tmp_path, "members.csv", "Member ID,Name,Email\n"
                    "M1,Ann Smith,home@smith.net\nM2,Bob Smith,home@smith.net\n"
                    "M3,Bob Smith,bob@work.com\n")
    cli_import_text(tmp_path, "notes.csv", "Name,Phone\nBob Smith,0123\n")
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients")[0][0] == 5


def test_deals_won_then_the_invoices_that_bill_them_are_one_sale_each(tmp_path):
    """A consultant's HubSpot deals, then their Xero invoices. Acme: deal won 01-10 for
    8000, billed 01-25 (8000): one sale, not two, and no repeat. Beta: two deals won (03-01,
    6000; 09-01, 2000), billed 03-20 and 09-15: two sales, 8000, a repeat. Cole: a deal won
    05-01 for 1500 and no invoice yet: the deal is the sale. Revenue 8000 + 8000 + 1500 =
    17,500 (not 33,500); funnel 3 aware, 3 considered, 3 bought, 1 repeat."""
    cli_import_text(tmp_path, "hubspot_deals.csv",
                    "Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline\n"
                    "Acme Ltd,closedwon,8000,2024-01-10,2023-12-01,default\n"
                    "Beta Studio,closedwon,6000,2024-03-01,2024-02-01,default\n"
                    "Beta Studio,closedwon,2000,2024-09-01,2024-08-01,default\n"
                    "Cole & Sons,closedwon,1500,2024-05-01,2024-04-01,default\n")
    cli_import_text(tmp_path, "xero_invoices.csv",
                    "ContactName,InvoiceNumber,InvoiceDate,DueDate,Total,InvoiceAmountPaid,"
                    "InvoiceAmountDue,Type,Status\n"
                    "Acme Ltd,INV-001,2024-01-25,2024-02-25,8000.00,8000.00,0.00,"
                    "Sales invoice,Paid\n"
                    "Beta Studio,INV-002,2024-03-20,2024-04-20,6000.00,6000.00,0.00,"
                    "Sales invoice,Paid\n"
                    "Beta Studio,INV-003,2024-09-15,2024-10-15,2000.00,2000.00,0.00,"
                    "Sales invoice,Paid\n")
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, purchase_count, "
                                    "revenue_events FROM clients ORDER BY name") == [
        ("Acme Ltd", "purchase", 1, 8000.0), ("Beta Studio", "retention", 2, 8000.0),
        ("Cole & Sons", "purchase", 1, 1500.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


COMPLAINTS = ("Date,Customer,Complaint\n"
              "2026-03-02,Ann Lee,Late delivery\n"
              "2026-03-09,Bob Stone,Wrong size\n")
ORDERS = ("Order,Date,Email,Total\n"
          "1001,2026-02-20,ann@lee.com,40.00\n"
          "1002,2026-02-25,bob@stone.org,25.00\n"
          "1003,2026-03-15,ann@lee.com,60.00\n")


def test_complaints_by_name_and_orders_by_email_join_when_the_list_shows_both(tmp_path):
    """A complaints log by name (Ann Lee, Bob Stone), then orders by e-mail (ann@: 40 on
    20 Feb and 60 on 15 Mar; bob@: 25), make four clients: nothing says Ann Lee is
    ann@lee.com. The client list does (Name and Email on one row): two clients. Ann has
    two purchases on two days (retention, 100) and her complaint; Bob one purchase (25) and
    his. Funnel [2, 2, 2, 1, 0] (each stage counts the clients that reached it). Before: 4
    clients, funnel [4, 2, 2, 1, 0]. Undoing the list separates them again, exactly."""
    cli_import_text(tmp_path, "complaints.csv", COMPLAINTS)
    cli_import_text(tmp_path, "orders.csv", ORDERS)
    before = workspace_state(tmp_path)
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]
    listed_ = cli_import_text(tmp_path, "list.csv", "Name,Email,Phone\n"
                              "Ann Lee,ann@lee.com,0400111222\n"
                              "Bob Stone,bob@stone.org,0400333444\n")
    assert any("2 clients that earlier imports brought in twice" in n
               and "'Ann Lee'" in n for n in listed_["notes"])
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
    assert workspace_rows(tmp_path, "SELECT name, email, phone, purchase_count, revenue_events, "
                                    "complaint_count FROM clients ORDER BY name") == [
        ("Ann Lee", "ann@lee.com", "0400111222", 2, 100.0, 1),
        ("Bob Stone", "bob@stone.org", "0400333444", 1, 25.0, 1)]
    cli_undo(tmp_path, 3)
    assert workspace_state(tmp_path) == before


def test_a_list_with_its_own_ids_joins_the_name_and_the_address_too(tmp_path):
    """The same two files, then a member list with its own IDs: M1 Ann Lee ann@lee.com
    takes over the complaint's Ann Lee (known by name alone) and the orders' ann@lee.com
    (known by that address alone) joins her: two clients, Ann with two purchases of 100 in
    all and ID M1."""
    cli_import_text(tmp_path, "complaints.csv", COMPLAINTS)
    cli_import_text(tmp_path, "orders.csv", ORDERS)
    cli_import_text(tmp_path, "members.csv", "Member ID,Name,Email\n"
                                             "M1,Ann Lee,ann@lee.com\nM2,Bob Stone,bob@stone.org\n")
    assert workspace_rows(tmp_path, "SELECT client_id, name, email, purchase_count, "
                                    "revenue_events, complaint_count FROM clients ORDER BY name") == [
        ("M1", "Ann Lee", "ann@lee.com", 2, 100.0, 1),
        ("M2", "Bob Stone", "bob@stone.org", 1, 25.0, 1)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_no_join_where_the_name_or_the_address_says_another_person(tmp_path):
    """Not joined: the complaint's Ann Lee, who gave another e-mail (ann@work.com) than the
    list's ann@lee.com, and the complaint's Tom Reed when two Tom Reeds (T2, T3) are on
    file (which one complained is not known). Clients: the complaint's Ann and Tom, the
    orders' ann@lee.com (named Ann Lee by the list), T2 and T3: five."""
    cli_import_text(tmp_path, "complaints.csv", "Date,Customer,Email,Complaint\n"
                                                "2026-03-02,Ann Lee,ann@work.com,Late\n"
                                                "2026-03-03,Tom Reed,,Rude\n")
    cli_import_text(tmp_path, "orders.csv", ORDERS.replace("bob@stone.org", "ann@lee.com"))
    cli_import_text(tmp_path, "ids.csv", "Client ID,Name,Email\nT2,Tom Reed,t2@reed.com\n"
                                         "T3,Tom Reed,t3@reed.com\n")
    listed_ = cli_import_text(tmp_path, "list.csv", "Client ID,Name,Email\n"
                                                    "T2,Tom Reed,t2@reed.com\n"
                                                    "ann@lee.com,Ann Lee,ann@lee.com\n")
    assert not any("brought in twice" in n for n in listed_["notes"])
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients")[0][0] == 5


def test_undoing_the_complaints_then_the_join_leaves_no_one_behind(tmp_path):
    """Undo the complaints import after the list joined its clients, then undo the list:
    the complaints' clients do not come back (their import is undone); the orders' two
    clients are as the orders left them."""
    cli_import_text(tmp_path, "complaints.csv", COMPLAINTS)
    cli_import_text(tmp_path, "orders.csv", ORDERS)
    cli_import_text(tmp_path, "list.csv", "Name,Email\nAnn Lee,ann@lee.com\n"
                                          "Bob Stone,bob@stone.org\n")
    cli_undo(tmp_path, 1)
    cli_undo(tmp_path, 3)
    assert workspace_rows(tmp_path, "SELECT client_id, name, purchase_count FROM clients "
                                    "ORDER BY id") == [("bob@stone.org", None, 1),
                                                       ("ann@lee.com", None, 2)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_attendance_by_member_id_finds_the_stripe_customer_the_member_list_joined(tmp_path):
    """Stripe payments (cus_A Ann, cus_B Bob, 50 each), then the gym's member list (M001
    Ann, M002 Bob, matched to the Stripe customers by e-mail: their key stays cus_...),
    then attendance by member ID (M001 twice, M002 once): the attendance belongs to the
    two clients there are. Before: M001 and M002 became two more clients (4, two of them
    with no name), the classes counted for no one who paid."""
    cli_import_text(tmp_path, "stripe_payments.csv", (
        "id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer ID,"
        "Customer Description,Customer Email\n"
        "ch_1,2026-01-10 09:00:00,50.00,0.00,gbp,true,Paid,cus_A,Ann Lee,ann@lee.com\n"
        "ch_2,2026-02-10 09:00:00,50.00,0.00,gbp,true,Paid,cus_B,Bob Stone,bob@stone.org\n"))
    cli_import_text(tmp_path, "members.csv", "Member ID,Name,Email,Joined\n"
                                             "M001,Ann Lee,ann@lee.com,2026-01-09\n"
                                             "M002,Bob Stone,bob@stone.org,2026-02-09\n")
    attended = cli_import_text(tmp_path, "attendance.csv", "Date,Member ID,Class\n"
                                                           "2026-03-01,M001,Yoga\n"
                                                           "2026-03-08,M001,Yoga\n"
                                                           "2026-03-02, m002 ,Pilates\n")
    assert any("2 clients by the ID a client list gave" in n for n in attended["notes"])
    assert workspace_rows(tmp_path, "SELECT client_id, name, event_count, purchase_count "
                                    "FROM clients ORDER BY id") == [
        ("M001", "Ann Lee", 3, 1), ("M002", "Bob Stone", 2, 1)]
