"""Exports of task boards and creators' platforms nobody had tried (an Asana project, a
Trello board, Ko-fi, Clover, a PrestaShop shop), each imported through the command line and
checked against figures worked out by hand."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

ASANA = """Task ID,Created At,Name,Section/Column,Assignee,Assignee Email,Deal value
1,2024-02-01,Acme Yoga,New leads,Rita Lopez,rita@ourstudio.com,"$1,200.00"
2,2024-02-02,Birch Law,Discovery call,Rita Lopez,rita@ourstudio.com,"$3,000.00"
3,2024-02-03,Cedar Dental,Proposal,Sam Hill,sam@ourstudio.com,"$2,000.00"
4,2024-02-04,Delta Gym,Closed won,Sam Hill,sam@ourstudio.com,"$2,400.00"
5,2024-02-05,Echo Cafe,Closed won,Rita Lopez,rita@ourstudio.com,$800.00
6,2024-02-06,Fern Florist,Closed lost,Sam Hill,sam@ourstudio.com,$500.00
"""


def test_an_assignees_e_mail_is_not_the_clients(tmp_path):
    """Two salespeople's addresses on every row made six deals two clients."""
    cli_import_text(tmp_path, "pipeline.csv", ASANA)
    assert workspace_rows(tmp_path, "SELECT name, email FROM clients ORDER BY name")[:2] == [
        ("Acme Yoga", None), ("Birch Law", None)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(6,)]
    assert kind_totals(tmp_path, "won") == (2, 3200.0)              # Delta 2,400 + Echo 800
    # Section/Column is the stage: Delta and Echo won; Cedar at a proposal; Fern lost
    assert cli_funnel(tmp_path)[:3] == [6, 4, 2]


TRELLO = """Card ID,Card Name,Labels,Members,List ID,List Name,Board Name,Archived
c1,Bella's Bakery - new website,Hot,Sam,l1,Leads,Sales 2024,false
c2,Cobalt Cycles - SEO,,Sam,l1,Leads,Sales 2024,false
c3,Dune Dental - widget,,Ana,l2,Proposal Sent,Sales 2024,false
c4,Elm Estates - rebrand,,Ana,l3,Won,Sales 2024,false
"""


def test_a_trello_board_names_its_cards_and_lists(tmp_path):
    cli_import_text(tmp_path, "board.csv", TRELLO)
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Bella's Bakery - new website",), ("Cobalt Cycles - SEO",), ("Dune Dental - widget",),
        ("Elm Estates - rebrand",)]
    assert cli_funnel(tmp_path)[:3] == [4, 2, 1]


KOFI = """DateTime (UTC),From,Message,Received,TransactionType,TransactionId,BuyerEmail
2024-01-05 10:00,Ann Cole,Love it!,5.00,Donation,k-1,ann@example.com
2024-01-06 08:00,Bo Dean,,3.00,Monthly Donation,k-2,bo@example.com
2024-02-01 09:30,Ann Cole,,12.00,Shop Order,k-3,ann@example.com
"""


def test_small_numbers_in_a_date_column_make_way_for_the_real_dates(tmp_path):
    """'Received' (an amount) and 'DateTime (UTC)' both look like a date; the amounts would
    have been days of January 1900 and taken the real dates with them."""
    found = cli_import_text(tmp_path, "kofi.csv", KOFI)
    assert ("Column 'Received' holds amounts of money, and the sheet has no other amount: "
            "read as each row's amount.") in found["notes"]
    assert not any("looked like" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT date, kind, amount FROM events ORDER BY date") == [
        ("2024-01-05 10:00:00", "purchase", 5.0), ("2024-01-06 08:00:00", "purchase", 3.0),
        ("2024-02-01 09:30:00", "purchase", 12.0)]


ORDERS = """Order ID,Order Date,Customer Name,Order Total,Order Payment State
Q1,2024-03-04,Jade Holt,45.60,Paid
Q2,2024-03-04,Kurt Ames,30.00,Paid
Q3,2024-03-05,Lola Finch,22.00,Open
Q4,2024-03-06,Milo Grant,88.25,Paid
Q5,2024-03-06,Ned Shaw,60.00,Awaiting bank wire payment
"""


def test_open_and_awaiting_orders_are_not_sales(tmp_path):
    cli_import_text(tmp_path, "orders.csv", ORDERS)
    assert kind_totals(tmp_path, "purchase") == (3, 163.85)        # 45.60 + 30 + 88.25
    assert kind_totals(tmp_path, "contact") == (2, 82.0)           # 22 + 60, unpaid


ORDERS_WITH_REFUNDS = """Order Number,Created At,Customer Email,Total,Status,Refunded Amount,Refunded At
1001,2024-03-04,ana@example.com,49.00,paid,,
1002,2024-03-05,ben@example.com,99.00,paid,20.00,2024-03-15
1003,2024-03-06,cara@example.com,49.00,refunded,49.00,2024-03-20
1004,2024-03-07,dev@example.com,29.00,refunded,,
"""


def test_what_went_back_is_the_refund_and_when_it_went(tmp_path):
    """Ben's order is 'paid' but £20 of it went back: a purchase of 99 and a refund of 20,
    on the day it went back. Cara's refund is her whole order; Dev's, with no amount
    written, is his order's total."""
    found = cli_import_text(tmp_path, "orders.csv", ORDERS_WITH_REFUNDS)
    assert "3 refunded orders counted as a purchase with a refund beside it." in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (4, 226.0)         # 49 + 99 + 49 + 29
    assert workspace_rows(tmp_path, "SELECT order_id, date, amount FROM events "
                                    "WHERE kind = 'refund' ORDER BY order_id") == [
        ("1002", "2024-03-15", 20.0), ("1003", "2024-03-20", 49.0), ("1004", "2024-03-07", 29.0)]


REGISTER = """Sales Report,,,,
,,,,
Sale ID,Date,Customer,Total,Status
1,2024-03-01,Anna Berg,85.00,Completed
2,2024-03-02,Carl Dahl,240.00,Completed
3,2024-03-05,Anna Berg,40.00,Completed
4,2024-03-08,Carl Dahl,-240.00,Refund
Totals,,,125.00,
"""


def test_a_registers_totals_row_and_returns(tmp_path):
    """'Totals' under the sale IDs is no sale, and a refund of a negative amount is money
    going back, not a refunded order bought again."""
    found = cli_import_text(tmp_path, "register.csv", REGISTER)
    assert (found["rejected"], found["problems"]) == (0, [])    # (a total: said, not lost)
    assert "row 8 is the table's totals ('Totals')" in " ".join(found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 365.0)         # 85 + 240 + 40
    assert kind_totals(tmp_path, "refund") == (1, 240.0)            # the money gone back
    assert workspace_rows(tmp_path, "SELECT name, purchase_count FROM clients ORDER BY name"
                          ) == [("Anna Berg", 2), ("Carl Dahl", 1)]


def test_a_company_given_by_few_names_no_one(tmp_path):
    """A shop's customers (Klaviyo's profiles): one of four gave a company, which is not
    their name; on a list where most rows have a company, the company is the client."""
    cli_import_text(tmp_path, "profiles.csv", (
        "Email,First Name,Last Name,Organization\n"
        "amelia@example.com,Amelia,Hart,\n"
        "felix@example.com,Felix,Brandt,Brew Co\n"
        "cleo@example.com,Cleo,Ivers,\n"
        "dario@example.com,Dario,Fo,\n"))
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Amelia Hart",), ("Cleo Ivers",), ("Dario Fo",), ("Felix Brandt",)]


def test_a_company_on_most_rows_is_the_client(tmp_path):
    cli_import_text(tmp_path, "accounts.csv", (
        "Company,First Name,Last Name,Email\n"
        "Acme Ltd,Amelia,Hart,amelia@acme.example\n"
        "Brew Co,Felix,Brandt,felix@brew.example\n"
        ",Cleo,Ivers,cleo@example.com\n"))
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Acme Ltd",), ("Brew Co",), ("Cleo Ivers",)]


def test_a_won_deals_value_is_revenue_brought(tmp_path):
    """An Airtable CRM's 'Deal Value': revenue to come for a lead, revenue brought for a
    client who bought (3,200 + 950 + 1,800 = 5,950)."""
    found = cli_import_text(tmp_path, "crm.csv", (
        "Name,Email,Status,Deal Value\n"
        'Sara Bloom,sara@example.com,Lead,"$1,500.00"\n'
        'Vic Stone,vic@example.com,Closed Won,"$3,200.00"\n'
        'Wes Adams,wes@example.com,Closed Lost,"$6,000.00"\n'
        'Xia Long,xia@example.com,Customer - Repeat,"$1,800.00"\n'
        "Zed Kowal,zed@example.com,Closed Won,$950.00\n"))
    assert ("'Deal Value' was read as a deal's value: for the 3 clients who bought, the "
            "revenue they brought; for the 1 lost, no revenue to come; for the others, "
            "revenue to come.") in found["notes"]
    # Sara's 1,500 is to come; Wes's 6,000, lost, is neither
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(5950.0, 1500.0)]


def test_orders_marked_voided_are_cancellations(tmp_path):
    """Toast's 'Voided' true/false: a voided order is no sale."""
    found = cli_import_text(tmp_path, "order_details.csv", (
        "Order Id,Opened,Amount,Voided\n"
        "1,2024-03-04 11:32,24.50,false\n"
        "2,2024-03-04 12:05,18.00,true\n"
        "3,2024-03-05 12:40,67.25,FALSE\n"))
    assert "1 row marked true in 'Voided' was read as a cancellation, not a sale." in (
        found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 91.75)          # 24.50 + 67.25
    assert kind_totals(tmp_path, "cancellation") == (1, 18.0)


INTERCOM = """Conversation ID,Conversation started at (UTC),State,Channel,User name,User email,Company name,Conversation tags
1,2024-03-01 09:12,closed,Messenger,Liam Fisher,liam@fisherlabs.io,Fisher Labs,Billing
2,2024-03-02 14:03,closed,Email,Maya Gross,maya@example.com,,"Bug, Complaint"
3,2024-03-03 11:40,open,Messenger,Noor Aziz,noor@aziz.co,Aziz & Co,Sales question
4,2024-03-04 10:00,snoozed,Email,Liam Fisher,liam@fisherlabs.io,Fisher Labs,Complaint
"""


def test_a_help_desks_tags_and_states(tmp_path):
    """Intercom: a conversation tagged 'Complaint' is a complaint; 'State' (open, closed,
    snoozed) is the conversation's state, not a region; 'User name' names the person."""
    found = cli_import_text(tmp_path, "conversations.csv", INTERCOM)
    assert ("2 rows tagged with what happened in 'Conversation tags' were read as such: "
            "2 complaints.") in found["notes"]
    assert kind_totals(tmp_path, "complaint") == (2, None)
    assert kind_totals(tmp_path, "contact") == (2, None)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE region IS NOT NULL"
                          ) == [(0,)]
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Aziz & Co",), ("Fisher Labs",), ("Maya Gross",)]


def test_free_orders_on_a_sheet_named_for_purchases_are_no_sales(tmp_path):
    """Kajabi: a free masterclass ($0) is a sign-up, not a purchase; Kim's paid order after
    it is her first purchase, not a repeat."""
    found = cli_import_text(tmp_path, "purchases.csv", (
        "Customer Email,Offer,Amount,Created At\n"
        "kim@example.com,Free Masterclass,0.00,2024-01-03\n"
        "kim@example.com,Signature Course,197.00,2024-02-01\n"
        "lee@example.com,Free Masterclass,0.00,2024-01-05\n"
        "jo@example.com,Signature Course,197.00,2024-01-10\n"))
    assert "2 orders of 0 (free) were kept as contacts, not purchases." in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 394.0)
    assert workspace_rows(tmp_path, "SELECT email, purchase_count FROM clients ORDER BY email"
                          ) == [("jo@example.com", 1), ("kim@example.com", 1),
                                ("lee@example.com", 0)]


def test_a_boards_subtasks_are_tasks_for_their_parents_client(tmp_path):
    """Asana, dated (a log of deals): 'Send contract' under the deal 'Delta Gym' is a task
    done for Delta Gym, not a client nor a second sale of its own."""
    found = cli_import_text(tmp_path, "pipeline.csv", (
        "Task ID,Created At,Name,Section/Column,Assignee Email,Parent task,Deal value\n"
        "1,2024-02-01,Acme Yoga,New leads,rita@ourstudio.com,,$1200\n"
        "4,2024-02-04,Delta Gym,Closed won,sam@ourstudio.com,,$2400\n"
        "5,2024-02-05,Echo Cafe,Closed won,rita@ourstudio.com,,$800\n"
        "11,2024-02-09,Send contract,Closed won,omar@ourstudio.com,Delta Gym,\n"))
    assert found["kind"] == "events"
    assert ("1 row with a 'Parent task' was read as a task done for that row's client "
            "(contacts), not as deals of their own.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Acme Yoga",), ("Delta Gym",), ("Echo Cafe",)]
    assert kind_totals(tmp_path, "won") == (2, 3200.0)
    assert workspace_rows(tmp_path, "SELECT c.name, e.touchpoint FROM events e JOIN clients c "
                                    "ON c.id = e.client_ref WHERE e.kind = 'contact'"
                          ) == [("Delta Gym", "Send contract")]


def test_a_subtask_on_a_list_of_deals_is_no_client(tmp_path):
    """The same board without dates is a client list: the subtask is named and left out."""
    found = cli_import_text(tmp_path, "pipeline.csv", (
        "Task ID,Name,Section/Column,Assignee,Parent task,Deal value\n"
        "1,Acme Yoga,New leads,Rita,,$1200\n"
        "4,Delta Gym,Closed won,Sam,,$2400\n"
        "5,Echo Cafe,Closed won,Rita,,$800\n"
        "11,Send contract,Closed won,Omar,Delta Gym,\n"))
    assert found["kind"] == "clients"
    assert found["problems"] == [{"row": 5, "column": "Parent task (E)", "value": "Delta Gym",
                                  "reason": "the row is a subtask of another row, not a client"}]
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients ORDER BY name"
                          ) == [("Acme Yoga", None), ("Delta Gym", 2400.0), ("Echo Cafe", 800.0)]


def test_a_yes_no_refunded_column_refunds_the_whole_order(tmp_path):
    """Podia: 'Refunded' Yes on Pat's 149 is a purchase and its refund of 149."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer email,Product,Amount,Refunded\n"
        "2024-01-05,nora@hale.io,Photo Club,$25.00,No\n"
        "2024-01-09,pat@kim.io,Lightroom Course,$149.00,Yes\n"
        "2024-01-12,omar@said.io,Lightroom Course,$149.00,No\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 323.0)           # 25 + 149 + 149
    assert workspace_rows(tmp_path, "SELECT c.email, e.amount FROM events e JOIN clients c "
                                    "ON c.id = e.client_ref WHERE e.kind = 'refund'") == [
        ("pat@kim.io", 149.0)]


def test_a_carts_charges_and_rebills_are_purchases(tmp_path):
    """ThriveCart's Event: charge and rebill are money in, refund money back."""
    cli_import_text(tmp_path, "transactions.csv", (
        "Date,Event,Customer email,Amount\n"
        "2024-02-01,charge,ava@example.com,297.00\n"
        "2024-03-01,rebill,ava@example.com,47.00\n"
        "2024-02-03,charge,dan@example.com,297.00\n"
        "2024-02-20,refund,dan@example.com,297.00\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 641.0)           # 297 + 47 + 297
    assert kind_totals(tmp_path, "refund") == (1, 297.0)


def test_a_crms_own_words_for_stages_and_lost_deals(tmp_path):
    """Close's display_name and status_label; Copper's Presentation, Contract Sent and
    Abandoned."""
    cli_import_text(tmp_path, "leads.csv", (
        "id,display_name,status_label,primary_contact_primary_email,primary_opportunity_value\n"
        'lead_1,Aster Legal,Potential,amy@aster.law,"$3,000"\n'
        "lead_2,Crane Logistics,Customer,cam@crane.lg,$4500\n"
        "lead_3,Dune Realty,Bad Fit,dee@dune.re,$900\n"
        "lead_4,Gale Design,Presentation,gil@gale.design,$700\n"
        "lead_5,Hive Cafe,Contract Sent,hi@hive.cafe,$300\n"
        "lead_6,Fable Books,Abandoned,fa@fable.books,$200\n"))
    assert workspace_rows(tmp_path, "SELECT name, stage, outcome FROM clients ORDER BY id") == [
        ("Aster Legal", "awareness", None), ("Crane Logistics", "purchase", None),
        ("Dune Realty", None, "lost"), ("Gale Design", "consideration", None),
        ("Hive Cafe", "consideration", None), ("Fable Books", None, "lost")]
    # 4,500 brought; 3,000 + 700 + 300 to come; the lost deals' neither
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(4500.0, 4000.0)]


def test_members_who_spent_something_are_customers(tmp_path):
    """Memberful: no stage column, a status of active or expired, and a 'Total spend':
    members who spent something bought; Ed, on the free plan, did not."""
    found = cli_import_text(tmp_path, "members.csv", (
        "Full Name,Email,Plan,Subscription status,Total spend\n"
        "Ada Cole,ada@cole.me,Supporter,active,$120.00\n"
        "Bo Diaz,bo@diaz.mx,Supporter,active,$60.00\n"
        "Ed Fox,ed@fox.io,Free,active,$0.00\n"))
    assert ("2 clients with more than 0 in 'Total spend' were read as customers (purchase): "
            "no column says their stage.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name"
                          ) == [("Ada Cole", "purchase"), ("Bo Diaz", "purchase"),
                                ("Ed Fox", "awareness")]


def test_hubspots_associated_company_names_the_client(tmp_path):
    """HubSpot tickets: 'Associated Company' and 'Associated Contact' are the company and
    the person the ticket belongs to; before, no client was found and the sheet was kept
    as reference data."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "Ticket ID,Ticket name,Ticket status,Create date,Associated Contact,Associated Company\n"
        "1801,Login issue,Closed,2024-03-01 09:12,Jane Doe (jane@acme.com),Acme\n"
        "1802,Invoice question,Closed,2024-03-02 10:00,Raj Patel (raj@zenit.in),Zenit\n"
        "1803,Export broken,New,2024-03-04 11:30,Jane Doe (jane@acme.com),Acme\n"))
    assert found["kind"] == "events"
    assert workspace_rows(tmp_path, "SELECT c.name, COUNT(e.id) FROM clients c JOIN events e "
                                    "ON e.client_ref = c.id GROUP BY c.id ORDER BY c.name") == [
        ("Acme", 2), ("Zenit", 1)]


def test_a_contact_written_with_its_address_is_split(tmp_path):
    """'Jane Doe (jane@acme.com)': the address keys the client, the name is the contact's,
    and the client's where no company is given."""
    cli_import_text(tmp_path, "tickets.csv", (
        "Ticket ID,Create date,Associated Contact,Associated Company\n"
        "1801,2024-03-01 09:12,Jane Doe (jane@acme.com),Acme\n"
        "1802,2024-03-02 10:00,Tia Vu <tia@vu.vn>,\n"
        "1803,2024-03-04 11:30,Jane Doe (JANE@acme.com),Acme\n"))
    assert workspace_rows(tmp_path, "SELECT name, LOWER(email), contact_name FROM clients "
                                    "ORDER BY LOWER(email)") == [
        ("Acme", "jane@acme.com", "Jane Doe"), ("Tia Vu", "tia@vu.vn", "Tia Vu")]
