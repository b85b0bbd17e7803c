"""Misreadings earlier sessions noticed and left (session 17 A): a chat tool's list of
conversations read as a client list, its ratings dropped; a workbook's tabs named for
products made clients; a trainer's weekly weights read as revenue; a "Customers" column
of names; a bill list's "No." read as client IDs; a block of lessons bought once and its
lessons each read as a purchase. Each sheet goes through the command line and is checked
against figures worked out by hand before importing; beside each, a sheet where the rule
must not fire."""

from __future__ import annotations

from datetime import date as D

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

SATISFACTION = "SELECT name, satisfaction, contact_count FROM clients ORDER BY name"


# --- 1. a chat tool's conversations ---------------------------------------------------------

def test_conversations_of_people_who_wrote_once_are_no_client_list(tmp_path):
    """Intercom: three people, one conversation each (were read as a client list, the tags
    "Customer" as stages: [3, 2, 2, 0, 0]). Each conversation is a contact of its person:
    3 contacts, no purchase, [3, 0, 0, 0, 0]; Ann rated 5, Bob 2, Cy none."""
    found = cli_import_text(tmp_path, "conversations.csv", (
        "Conversation ID,Created at,User name,User email,Assignee,Tags,State,"
        "Conversation rating\n"
        "9101,2024-03-01 09:12,Ann Lee,ann@lee.com,Max,Customer,closed,5\n"
        "9102,2024-03-02 14:03,Bob Ray,bob@ray.io,Max,Lead,closed,2\n"
        "9103,2024-03-03 11:40,Cy Tan,cy@tan.co,Sara,\"Customer, VIP\",open,\n"))
    assert found["kind"] == "events"
    assert found["mapping"]["Conversation rating"] == "satisfaction"
    assert kind_totals(tmp_path, "contact") == (3, None)
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]
    assert workspace_rows(tmp_path, SATISFACTION) == [
        ("Ann Lee", 5.0, 1), ("Bob Ray", 2.0, 1), ("Cy Tan", None, 1)]


def test_a_persons_conversations_are_one_client_and_the_latest_rating_counts(tmp_path):
    """Intercom sorts newest first. Ann wrote three times (5 on 1 March, none, 3 on 6
    March): one client, 3 contacts, satisfaction 3 (her latest, not the 5 on the last
    row). Cy's conversation tagged Complaint is a complaint: 4 contacts, 1 complaint,
    3 clients, [3, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "intercom.csv", (
        "Conversation ID,Created at,User name,User email,Assignee,Tags,State,"
        "Conversation rating,Conversation rating remark\n"
        "9001,2024-03-06 10:00,Ann Lee,ann@lee.com,Max,Billing,closed,3,\n"
        "9002,2024-03-04 10:00,Cy Tan,cy@tan.co,Sara,\"Bug, Complaint\",snoozed,1,Took ages\n"
        "9003,2024-03-03 11:40,Ann Lee,ANN@lee.com,Sara,Sales question,open,,\n"
        "9004,2024-03-02 14:03,Bob Ray,bob@ray.io,Max,Customer,closed,2,Slow\n"
        "9005,2024-03-01 09:12,Ann Lee,ann@lee.com,Max,Onboarding,closed,5,Great help\n"))
    assert kind_totals(tmp_path, "contact") == (4, None)
    assert kind_totals(tmp_path, "complaint") == (1, None)
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]
    assert workspace_rows(tmp_path, SATISFACTION) == [
        ("Ann Lee", 3.0, 3), ("Bob Ray", 2.0, 1), ("Cy Tan", 1.0, 0)]


def test_a_client_list_without_conversation_numbers_stays_one(tmp_path):
    """Not fired: the same people with no conversation number, each once: a client list
    (a CRM's contacts), its tags their stages: Ann and Cy customers, [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "contacts.csv", (
        "Created at,User name,User email,Assignee,Tags\n"
        "2024-03-01 09:12,Ann Lee,ann@lee.com,Max,Customer\n"
        "2024-03-02 14:03,Bob Ray,bob@ray.io,Max,Lead\n"
        "2024-03-03 11:40,Cy Tan,cy@tan.co,Sara,\"Customer, VIP\"\n"))
    assert found["kind"] == "clients"
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- 2. a workbook's tabs named for products --------------------------------------------------

def test_tabs_named_for_products_are_no_clients(tmp_path):
    """A florist's tab per flower, each the day's sales of it (Date, Qty, Price £), no one
    named (were 3 clients 'Roses', 'Tulips', 'Peonies'): a word alone is no person's name,
    so no client is made of the tabs: 0 clients."""
    H = ["Date", "Qty", "Price £"]
    cli_import_book(tmp_path, "flowers.xlsx", {
        "Roses": [H, [D(2024, 3, 1), 2, 30], [D(2024, 3, 4), 1, 15]],
        "Tulips": [H, [D(2024, 3, 10), 3, 12], [D(2024, 3, 11), 1, 4]],
        "Peonies": [H, [D(2024, 3, 12), 1, 20]]})
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_tabs_of_products_whose_rows_name_buyers_make_the_buyers_clients(tmp_path):
    """The same tabs with a 'Sold to' column (an owner's header no alias knew): Ann (twice),
    Bob, Cy and Dee are the 4 clients, not the flowers."""
    H = ["Sold to", "Date", "Qty", "Price"]
    cli_import_book(tmp_path, "flowers.xlsx", {
        "Roses": [H, ["Ann Lee", D(2024, 3, 1), 2, 30], ["Bob Ray", D(2024, 3, 4), 1, 15]],
        "Tulips": [H, ["Ann Lee", D(2024, 3, 10), 3, 12], ["Cy Tan", D(2024, 3, 11), 1, 4]],
        "Peonies": [H, ["Dee Moss", D(2024, 3, 12), 1, 20]]})
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bob Ray",), ("Cy Tan",), ("Dee Moss",)]


def test_tabs_named_for_clients_a_list_names_are_still_theirs(tmp_path):
    """Not narrowed away: tabs 'Ann Lee' and 'Bob Ray' (Date, Class, Paid £) beside a client
    list naming both: Ann 12 + 12 on two days, Bob 10: 3 sales of 34, [2, 2, 2, 1, 0]."""
    Y = ["Date", "Class", "Paid £"]
    cli_import_book(tmp_path, "yoga.xlsx", {
        "Ann Lee": [Y, [D(2024, 1, 3), "Flow", 12], [D(2024, 1, 10), "Flow", 12]],
        "Bob Ray": [Y, [D(2024, 1, 4), "Yin", 10]],
        "Members": [["Name", "Email"], ["Ann Lee", "ann@lee.com"], ["Bob Ray", "bob@ray.io"]]})
    assert kind_totals(tmp_path, "purchase") == (3, 34.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- 4. a "Customers" column of names ---------------------------------------------------------

def test_a_customers_column_of_names_is_the_client(tmp_path):
    """A salon's log headed 'Customers' (was reference rows: no clients). Ann 40 on 1 and
    9 March, Bob 80: 2 clients, 3 sales of 160, Ann a repeat: [2, 2, 2, 1, 0]."""
    found = cli_import_text(tmp_path, "log.csv", (
        "Date,Customers,Service,Amount\n"
        "2024-03-01,Ann Lee,Haircut,40\n"
        "2024-03-05,Bob Ray,Colour,80\n"
        "2024-03-09,Ann Lee,Haircut,40\n"))
    assert found["mapping"]["Customers"] == "name"
    assert kind_totals(tmp_path, "purchase") == (3, 160.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_customers_count_is_no_client(tmp_path):
    """Not fired: a till's daily summary, 'Customers' a count (12, 15): no client."""
    found = cli_import_text(tmp_path, "days.csv", (
        "Date,Customers,Takings\n2024-03-01,12,340.50\n2024-03-02,15,410.00\n"))
    assert found["mapping"]["Customers"] != "name"
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


# --- 3. numbers one column per week that are no money -----------------------------------------

def test_a_trainers_weekly_weights_are_no_revenue(tmp_path):
    """A personal trainer's clients, their weight each week (were each client's revenue,
    245.6 + 211.7 + 283.0, and all three customers: [3, 3, 3, 0, 0]): no money, 3 clients
    at awareness, [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Goal,Week 1,Week 2,Week 3\n"
        "Ann Lee,ann@lee.com,Lose weight,82.5,81.9,81.2\n"
        "Bob Ray,bob@ray.io,Build muscle,70.1,70.6,71.0\n"
        "Cy Tan,cy@tan.co,Lose weight,95.0,94.2,93.8\n"))
    assert any(note.startswith("Columns 'Week 1' to 'Week 3' hold a measure taken each week")
               for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT COUNT(*), SUM(revenue_current) FROM clients") == [
        (3, None)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_weekly_fees_that_repeat_are_still_revenue(tmp_path):
    """Not fired: a cleaner's weekly fees, the same each week or left blank when not
    cleaned: Mrs Hall 3 x 42.50, Dr Patel 60 + 60: revenue 247.50, two customers."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Address,Week 1,Week 2,Week 3\n"
        "Mrs Hall,12 Elm St,42.50,42.50,42.50\n"
        "Dr Patel,3 Oak Rd,60,,60\n"
        "Mr Stone,1 Yew Ct,,,\n"))
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(247.5,)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- 5. a bill list's vendors -----------------------------------------------------------------

def test_a_quickbooks_bill_list_is_money_out_not_clients(tmp_path):
    """QuickBooks' bill list: 3 bills to 2 suppliers, 460 paid out (were 2 clients, the
    bills' numbers 1001 and 1002 read as client IDs, and 3 contacts of 460). Money out:
    reference rows, no client, no event, [0, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "bills.csv", (
        "Date,No.,Vendor,Due Date,Amount,Open Balance\n"
        "01/03/2024,1001,Flower Wholesale Ltd,31/03/2024,250.00,0.00\n"
        "05/03/2024,1002,City Power,04/04/2024,120.00,120.00\n"
        "12/03/2024,1001,Flower Wholesale Ltd,11/04/2024,90.00,90.00\n"))
    assert found["kind"] == "reference"
    assert "'Vendor' names whom the business pays" in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events") == [(0,)]


def test_a_members_number_without_a_payee_is_still_the_client(tmp_path):
    """Not fired: no one paid is named, so 'Member No.' keys the clients: 2 clients."""
    cli_import_text(tmp_path, "visits.csv", (
        "Date,Member No.,Amount\n2024-03-01,M001,20\n2024-03-08,M001,20\n"
        "2024-03-02,M002,35\n"))
    assert workspace_rows(tmp_path, "SELECT client_id FROM clients ORDER BY client_id") == [
        ("M001",), ("M002",)]


# --- 6. a block of lessons bought once ----------------------------------------------------------

def test_a_block_of_lessons_is_one_purchase_its_lessons_are_no_sales(tmp_path):
    """A tutor's log: Ann and Bob each buy a 10-lesson block (£250), then a row per lesson
    with nothing paid; Cy a £20 trial (were 8 purchases, Ann and Bob repeat customers:
    [3, 3, 3, 2, 0]). 3 purchases of 520, the 5 lessons contacts, no repeat:
    [3, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "lessons.csv", (
        "Date,Student,Lesson,Paid\n"
        "2024-01-08,Ann Lee,10-lesson block,£250\n"
        "2024-01-08,Ann Lee,Lesson 1,\n"
        "2024-01-15,Ann Lee,Lesson 2,\n"
        "2024-01-22,Ann Lee,Lesson 3,\n"
        "2024-01-10,Bob Ray,10-lesson block,£250\n"
        "2024-01-10,Bob Ray,Lesson 1,\n"
        "2024-01-17,Bob Ray,Lesson 2,\n"
        "2024-02-05,Cy Tan,Trial lesson,£20\n"))
    assert ("5 rows with nothing in 'Paid' (no money paid on them) were read as contacts, "
            "not purchases") in " ".join(found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 520.0)
    assert kind_totals(tmp_path, "contact") == (5, None)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE stage IS NOT NULL"
                          ) == [(0,)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_lessons_each_paid_are_each_a_purchase(tmp_path):
    """Not fired: lessons paid one at a time (£25 each, Ann twice): 3 purchases of 75,
    Ann a repeat: [2, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "lessons.csv", (
        "Date,Student,Lesson,Paid\n"
        "2024-01-08,Ann Lee,Lesson 1,£25\n2024-01-15,Ann Lee,Lesson 2,£25\n"
        "2024-01-10,Bob Ray,Lesson 1,£25\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 75.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
