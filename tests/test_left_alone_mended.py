"""Misreadings of kinds of hand-kept sheets that earlier testers found and left: a "Paid"
column ticked with x, a 1-5 "Rating" taken for money, a "Who" column of clients' names, a
referral log, a refund written only in the description, e-mail cells with a note, a
service business's "Booked", a complaints log's refunds and its own entries, a project
tool's Job and Lead. Each sheet goes through the command line and is checked against
figures worked out by hand; beside each, a sheet where the rule must not fire."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

EVENTS = "SELECT kind, amount, date FROM events ORDER BY date, kind"


def test_a_paid_column_ticked_with_x(tmp_path):
    """A designer's job log: x is paid, blank is not. Ann's logo (200) and website (500)
    were paid, Bob's flyer (80) not: 2 purchases, 700; Bob a contact."""
    found = cli_import_text(tmp_path, "work.csv", (
        "Date,Client,Job,Fee,Paid\n"
        "2024-03-01,Ann Lee,Logo,200,x\n"
        "2024-03-05,Bob Ray,Flyer,80,\n"
        "2024-03-09,Ann Lee,Website,500,x\n"))
    assert found["kind"] == "events"
    assert kind_totals(tmp_path, "purchase") == (2, 700.0)
    assert kind_totals(tmp_path, "contact") == (1, 80.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]      # Ann paid on two days: retention


def test_a_paid_column_makes_a_log_of_one_job_per_client_events(tmp_path):
    """Each client once, a fee and a Paid mark on each row: a log of jobs, not a client
    list whose fees are revenue. Ann 200 and Cy 500 paid (x); Bob's 80 not."""
    found = cli_import_text(tmp_path, "work.csv", (
        "Date,Client,Job,Fee,Paid\n"
        "2024-03-01,Ann Lee,Logo,200,x\n"
        "2024-03-05,Bob Ray,Flyer,80,\n"
        "2024-03-09,Cy Tan,Website,500,X\n"))
    assert found["kind"] == "events"
    assert kind_totals(tmp_path, "purchase") == (2, 700.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_x_beside_yes_and_no_is_no_tick(tmp_path):
    """Where the column also says Y and N, an x may as well be a cross: the column is not
    read as paid or not (a person maps it): every row stays a contact."""
    cli_import_text(tmp_path, "work.csv", (
        "Date,Client,Job,Amount,Paid\n"
        "2024-03-01,Ann Lee,Logo,200,Y\n"
        "2024-03-05,Bob Ray,Flyer,80,x\n"
        "2024-03-09,Ann Lee,Website,500,N\n"))
    assert kind_totals(tmp_path, "purchase") == (0, None)


def test_a_rating_on_a_job_log_is_no_money(tmp_path):
    """A salon's log with a 1-5 rating of each visit and a Paid column: Ann and Bob paid,
    Cy not. No price is given, so the purchases have no amount (not 5 + 4 = 9 of money)."""
    found = cli_import_text(tmp_path, "visits.csv", (
        "Date,Client,Email,Service,Rating,Paid\n"
        "2024-03-01,Ann Lee,ann@x.com,Haircut,5,Y\n"
        "2024-03-05,Bob Ray,bob@x.com,Colour,4,Y\n"
        "2024-03-09,Cy Tan,cy@x.com,Haircut,2,N\n"))
    assert found["mapping"]["Rating"] is None
    assert "'Rating' holds ratings, not money: kept as extra" in found["explanation"]
    assert kind_totals(tmp_path, "purchase") == (2, None)
    assert workspace_rows(tmp_path, "SELECT extra FROM events WHERE date = '2024-03-01'") == [
        ('{"Service": "Haircut", "Rating": "5", "Paid": "Y"}',)]


def test_a_rating_beside_a_price_never_fills_in_for_it(tmp_path):
    """Bob's row has no price: his purchase has no amount, not his rating of 4."""
    cli_import_text(tmp_path, "visits.csv", (
        "Date,Client,Service,Price,Rating,Paid\n"
        "2024-03-01,Ann Lee,Haircut,40,5,Y\n"
        "2024-03-05,Bob Ray,Colour,,4,Y\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 40.0)


def test_a_rating_on_a_reviews_sheet_is_still_the_stars(tmp_path):
    """Where the rows are reviews (the sheet says so, or a kind column does), the rating is
    the review's stars, kept as its amount: Ann's 5 proves advocacy, Bob's 2 does not."""
    cli_import_text(tmp_path, "reviews.csv", (
        "Date,Customer,Email,Rating,Comment\n"
        "2024-03-01,Ann Lee,ann@x.com,5,Great\n"
        "2024-03-05,Bob Ray,bob@x.com,2,Slow\n"))
    assert workspace_rows(tmp_path, EVENTS) == [("review", 5.0, "2024-03-01"),
                                                ("review", 2.0, "2024-03-05")]
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 1]
    (tmp_path / "w.db").unlink()
    cli_import_text(tmp_path, "log.csv", (
        "Date,Client,Type,Rating,Amount\n"
        "2024-03-01,Ann Lee,Purchase,,40\n"
        "2024-03-05,Ann Lee,Review,5,\n"))
    assert workspace_rows(tmp_path, EVENTS) == [("purchase", 40.0, "2024-03-01"),
                                                ("review", 5.0, "2024-03-05")]


def test_who_names_the_client_on_a_log(tmp_path):
    """A hand-kept log whose "Who" is the client: Ann paid 200 (a purchase), Bob's 80 not."""
    found = cli_import_text(tmp_path, "log.csv", (
        "Date,Who,Email,Fee,Paid\n"
        "2024-03-01,Ann Lee,ann@x.com,200,Y\n"
        "2024-03-05,Bob Ray,bob@x.com,80,N\n"))
    assert found["mapping"]["Who"] == "name"
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name"
                          ) == [("Ann Lee", "purchase"), ("Bob Ray", "awareness")]
    assert kind_totals(tmp_path, "purchase") == (1, 200.0)


def test_who_beside_a_client_column_is_not_the_client(tmp_path):
    """Beside "Client", "Who" is who of the business dealt with it (Sam, Jo): never a
    client, nor the name of a row whose client is blank."""
    found = cli_import_text(tmp_path, "log.csv", (
        "Date,Client,Who,Amount,Paid\n"
        "2024-03-01,Ann Lee,Sam,200,Y\n"
        "2024-03-05,,Jo,80,Y\n"))
    assert found["mapping"]["Who"] is None
    assert workspace_rows(tmp_path, "SELECT name FROM clients") == [("Ann Lee",)]


def test_a_referral_log_brings_in_the_new_clients_and_credits_who_referred_them(tmp_path):
    """Ann and Cy were referred by Bob, Dee by Ann. The new clients are clients (a first
    contact each, by referral); Bob is credited with 2 referrals, Ann with 1: Ann and Bob
    reach advocacy, Cy and Dee are known. 4 clients: [4, 2, 2, 2, 2]."""
    found = cli_import_text(tmp_path, "referrals.csv", (
        "New client,Referred by,Date\n"
        "Ann Lee,Bob Ray,2024-03-01\n"
        "Cy Tan,Bob Ray,2024-03-05\n"
        "Dee Eng,Ann Lee,2024-03-09\n"))
    assert found["mapping"] == {"New client": "name", "Referred by": None, "Date": "date"}
    assert workspace_rows(tmp_path, (
        "SELECT c.name, e.kind, e.channel, e.note, e.date FROM events e "
        "JOIN clients c ON c.rowid = e.client_ref ORDER BY e.date, e.kind")) == [
        ("Ann Lee", "contact", "Referral", None, "2024-03-01"),
        ("Bob Ray", "referral", None, "referred Ann Lee", "2024-03-01"),
        ("Cy Tan", "contact", "Referral", None, "2024-03-05"),
        ("Bob Ray", "referral", None, "referred Cy Tan", "2024-03-05"),
        ("Dee Eng", "contact", "Referral", None, "2024-03-09"),
        ("Ann Lee", "referral", None, "referred Dee Eng", "2024-03-09")]
    assert cli_funnel(tmp_path) == [4, 2, 2, 2, 2]


def test_a_referred_by_of_channels_credits_no_one(tmp_path):
    """"Referred by" Instagram or Word of mouth is how the client came: their channel, no
    client called Instagram; Bob, a person, is credited."""
    cli_import_text(tmp_path, "new clients.csv", (
        "Date,Client,Amount,Paid,Referred by\n"
        "2024-03-01,Ann Lee,100,Y,Instagram\n"
        "2024-03-02,Cy Tan,150,Y,Word of mouth\n"
        "2024-03-03,Dee Eng,120,Y,Bob Ray\n"))
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bob Ray",), ("Cy Tan",), ("Dee Eng",)]
    assert workspace_rows(tmp_path, "SELECT kind, channel FROM events ORDER BY date, kind"
                          ) == [("purchase", "Instagram"), ("purchase", "Word of mouth"),
                                ("purchase", "Referral"), ("referral", None)]
    assert kind_totals(tmp_path, "purchase") == (3, 370.0)


def test_a_refund_written_in_the_description_is_no_sale(tmp_path):
    """A designer's ledger with no kind column: Ann's logo (300) was paid, then refunded
    (a row "Refund - logo design", 300, marked paid: the money went out). 1 purchase of
    300 and 1 refund of 300 for Ann, not 2 purchases of 600 (a repeat customer); Bob's
    "Refundable deposit" is a sale."""
    found = cli_import_text(tmp_path, "ledger.csv", (
        "Date,Client,Description,Amount,Paid\n"
        "2024-03-01,Ann Lee,Logo design,300,Y\n"
        "2024-03-10,Ann Lee,Refund - logo design,300,Y\n"
        "2024-03-05,Bob Ray,Refundable deposit,50,Y\n"))
    assert ("1 row whose 'Description' begins with 'Refund' was read as a refund (money "
            "going back), not a sale.") in found["notes"]
    assert workspace_rows(tmp_path, EVENTS) == [("purchase", 300.0, "2024-03-01"),
                                                ("purchase", 50.0, "2024-03-05"),
                                                ("refund", 300.0, "2024-03-10")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_refund_item_beside_a_kind_column_is_left_to_it(tmp_path):
    """Where a kind column says what each row is, it decides: a "Sale" of an item called
    "Refund insurance" is a sale."""
    cli_import_text(tmp_path, "ledger.csv", (
        "Date,Client,Type,Item,Amount\n"
        "2024-03-01,Ann Lee,Sale,Refund insurance,30\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 30.0)


def test_an_address_with_a_note_after_it_is_the_address(tmp_path):
    """"ann@x.com (work)" is Ann's address; "Accounts (bob@x.com)" is Bob's firm's accounts
    mailbox: his address, and no one's name (Bob keeps his); "Cy Tan <cy@x.com>" names Cy."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Name,Email,Amount,Paid\n"
        "2024-03-01,Ann Lee,ann@x.com (work),200,Y\n"
        "2024-03-05,Bob Ray,Accounts (bob@x.com),80,Y\n"
        "2024-03-06,Cy Tan,Cy Tan <cy@x.com>,80,Y\n"))
    assert workspace_rows(tmp_path, "SELECT name, email, contact_name FROM clients "
                                    "ORDER BY name") == [
        ("Ann Lee", "ann@x.com", None), ("Bob Ray", "bob@x.com", None),
        ("Cy Tan", "cy@x.com", "Cy Tan")]


def test_a_mailbox_label_does_not_rename_the_client(tmp_path):
    """Ann's orders, once from "Ann Lee <ann@x.com>" and once from "Accounts
    (ann@x.com)": one client, Ann Lee, who bought twice (retention), not renamed Accounts."""
    cli_import_text(tmp_path, "orders.csv", (
        "Date,From,Amount,Paid\n"
        "2024-03-01,Ann Lee <ann@x.com>,200,Y\n"
        "2024-03-05,Accounts (ann@x.com),80,Y\n"))
    assert workspace_rows(tmp_path, "SELECT name, email, furthest_stage FROM clients") == [
        ("Ann Lee", "ann@x.com", "retention")]


WEDDINGS = (
    "Name,Email,Wedding date,Enquiry date,Status,Package\n"
    "Ann Lee,ann@x.com,2024-09-01,2024-01-10,Booked,1500\n"
    "Bob Ray,bob@x.com,2024-10-01,2024-01-12,Enquiry,\n"
    "Cy Tan,cy@x.com,2024-08-01,2024-01-15,Confirmed,2000\n"
    "Dee Eng,dee@x.com,2024-07-01,2024-01-20,Deposit paid,1800\n")


def test_booked_on_a_wedding_suppliers_client_list_is_hired(tmp_path):
    """A photographer's enquiries, one row per couple: Booked, Confirmed and Deposit paid
    are hired (purchase: Ann, Cy, Dee), Bob an enquiry (awareness). Each came in on the
    enquiry date, not the wedding's."""
    found = cli_import_text(tmp_path, "enquiries.csv", WEDDINGS)
    assert found["kind"] == "clients" and found["unknown_stage_values"] == {}
    assert found["mapping"]["Enquiry date"] == "first_contact"
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, first_contact FROM clients "
                                    "ORDER BY name") == [
        ("Ann Lee", "purchase", "2024-01-10"), ("Bob Ray", "awareness", "2024-01-12"),
        ("Cy Tan", "purchase", "2024-01-15"), ("Dee Eng", "purchase", "2024-01-20")]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_booked_appointment_still_to_come_is_no_purchase(tmp_path):
    """An appointment list: Ann's completed cut (40) is a purchase; Bob's booked colour is
    an appointment to come (consideration), Ann's next booking a contact; Cy's no-show a
    contact. 1 purchase of 40."""
    cli_import_text(tmp_path, "appointments.csv", (
        "Date,Client,Email,Service,Status,Price\n"
        "2024-03-01,Ann Lee,ann@x.com,Cut,Completed,40\n"
        "2024-03-05,Bob Ray,bob@x.com,Colour,Booked,80\n"
        "2024-03-09,Ann Lee,ann@x.com,Cut,Booked,40\n"
        "2024-03-10,Cy Tan,cy@x.com,Cut,No show,40\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 40.0)
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name"
                          ) == [("Ann Lee", "purchase"), ("Bob Ray", "consideration"),
                                ("Cy Tan", "awareness")]


def test_confirmed_on_a_mailing_list_is_no_booking(tmp_path):
    """A mailing list's "Confirmed" (an address confirmed) with no booking words beside it
    says nothing of a purchase: it waits to be mapped. (Bob's "Unsubscribed" is a lead lost
    since session 17, no longer asked about.)"""
    found = cli_import_text(tmp_path, "list.csv", (
        "Email,Name,Status\n"
        "ann@x.com,Ann Lee,Confirmed\n"
        "bob@x.com,Bob Ray,Unsubscribed\n"))
    assert found["unknown_stage_values"] == {"Confirmed": 1}
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_project_tools_job_lead_and_archived(tmp_path):
    """Dubsado-style projects: "Job" is a booked job (purchase), "Lead" a lead (awareness),
    "Archived" says neither: it waits to be mapped."""
    found = cli_import_text(tmp_path, "projects.csv", (
        "Client Name,Email,Project Name,Status,Start Date\n"
        "Ann Lee,ann@x.com,Wedding,Job,2024-03-01\n"
        "Bob Ray,bob@x.com,Portrait,Lead,2024-03-05\n"
        "Cy Tan,cy@x.com,Family,Archived,2024-03-09\n"))
    assert found["unknown_stage_values"] == {"Archived": 1}
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name"
                          ) == [("Ann Lee", "purchase"), ("Bob Ray", "awareness"),
                                ("Cy Tan", "awareness")]


def test_a_complaints_logs_refunds_are_read(tmp_path):
    """A shop's complaints log: Ann (late delivery, £20 back) and Bob (wrong size, £15
    back) complained; the staff room leak names no client and makes none. 3 complaints,
    2 refunds of 35 beside them; 2 clients, who had bought (a refund says so)."""
    found = cli_import_text(tmp_path, "complaints.csv", (
        "Date,Client,Complaint,Refund (£)\n"
        "2024-03-01,Ann Lee,Late delivery,20\n"
        "2024-03-05,,Staff room leak,\n"
        "2024-03-09,Bob Ray,Wrong size,15\n"))
    assert ("2 complaints with money gone back in 'Refund (£)' were given a refund beside "
            "them, of that money (35.00 in all).") in found["notes"]
    assert kind_totals(tmp_path, "complaint") == (3, None)
    assert workspace_rows(tmp_path, "SELECT c.name, e.amount, e.date FROM events e JOIN "
                                    "clients c ON c.rowid = e.client_ref WHERE e.kind = "
                                    "'refund' ORDER BY e.date") == [
        ("Ann Lee", 20.0, "2024-03-01"), ("Bob Ray", 15.0, "2024-03-09")]
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bob Ray",)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_package_price_on_every_session_is_paid_once(tmp_path):
    """A trainer's sessions: Ann's package of 300 written on each of her 3 sessions, Bob's
    on his 1, then Ann's second package at 350: 300 + 300 + 350 = 950, not 300 x 4 + 350 =
    1,550. Every session marked paid stays a visit of hers (4 purchases for Ann)."""
    found = cli_import_text(tmp_path, "sessions.csv", (
        "Date,Client,Session,Package price,Paid\n"
        "2024-03-01,Ann Lee,Session 1,300,Y\n"
        "2024-03-02,Bob Ray,Session 1,300,Y\n"
        "2024-03-08,Ann Lee,Session 2,300,Y\n"
        "2024-03-15,Ann Lee,Session 3,300,Y\n"
        "2024-03-22,Ann Lee,Session 1,350,Y\n"))
    assert ("2 rows repeating the client's package price in 'Package price' were read as "
            "sessions of a package paid once (no amount of their own).") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (5, 950.0)


def test_a_price_on_every_class_is_each_class(tmp_path):
    """A "Price" is each row's own: Ann's three drop-in classes at 20 are 60."""
    cli_import_text(tmp_path, "classes.csv", (
        "Date,Client,Class,Price,Paid\n"
        "2024-03-01,Ann Lee,Yoga,20,Y\n"
        "2024-03-08,Ann Lee,Yoga,20,Y\n"
        "2024-03-15,Ann Lee,Yoga,20,Y\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 60.0)
