"""Rules found wrong on exports Journey had never seen (session 8's sweep of help-desk,
CRM, shop and tracker files written the way those products write them). Each file is
built here, small enough that the right numbers are worked out by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import clients, csv_bytes, funnel_counts, xlsx_bytes
from journey.ingest import import_file
from journey.signs.engine import compute_signs

TICKETS = """Id,Requester,Requester email,Subject,Status,Type,Group,Requested,Category
1,Laura Palmer,laura@example.com,Parcel arrived damaged,Pending,Incident,Support,2025-09-02,Complaint
2,Dale Cooper,dale@example.com,Change my address?,New,Question,Support,2025-09-03,Question
3,Audrey Horne,audrey@example.com,Charged twice,Pending,Problem,Billing,2025-09-10,Complaint
4,Bobby Briggs,bobby@example.com,Late delivery,Solved,Incident,Support,2025-09-12,Complaint
5,Pete Martell,pete@example.com,How do I log in?,Pending,Question,Support,2025-09-15,Question
"""


def signs_by_key(db) -> dict:
    return {sign.key: sign for sign in compute_signs(db).signs}


def test_a_tickets_status_is_no_sales_stage(db):
    """Zendesk's "Pending" and "New" say where a ticket is, not where the requester is in
    the journey: all five requesters stay at awareness (before: Pending -> consideration)."""
    one = import_file(db, "tickets.csv", csv_bytes(TICKETS))[0]
    assert one.recognised_as == "helpdesk_tickets"
    assert db.execute("SELECT COUNT(*) FROM events WHERE stage IS NOT NULL").fetchone()[0] == 0
    assert list(funnel_counts(db).values()) == [5, 0, 0, 0, 0]


def test_complaints_per_client_are_unknown_from_a_help_desk_alone(db):
    """Three complaints from five requesters is not a complaint rate: the two who asked
    questions are not the business's other clients. With a client list it is measured."""
    import_file(db, "tickets.csv", csv_bytes(TICKETS))
    assert signs_by_key(db)["high_complaints"].status == "unknown"
    listed = "".join(f"C{n},Client {n},2025-01-0{n}\n" for n in range(1, 8))
    import_file(db, "clients.csv", csv_bytes("Client ID,Client,First contact\n" + listed))
    assert signs_by_key(db)["high_complaints"].status != "unknown"


def test_a_cancelled_order_alone_is_no_purchase(db):
    """Dave's only order was cancelled (never paid): he stays at awareness. Erin's refund
    proves she paid. Funnel: 3 clients; Ann and Erin bought."""
    data = csv_bytes("Order Number,Order Status,Order Date,Billing Email,Order Total\n"
                     "1001,Completed,2025-03-01,ann@example.com,50\n"
                     "1002,Cancelled,2025-03-02,dave@example.com,20\n"
                     "1003,Refunded,2025-03-03,erin@example.com,30\n")
    import_file(db, "orders.csv", data)
    assert dict(clients(db, "client_id, furthest_stage")) == {
        "ann@example.com": "purchase", "dave@example.com": "awareness",
        "erin@example.com": "purchase"}


def test_a_client_seen_once_was_last_seen_on_its_first_contact(db):
    """A tracker row with a first contact date only: last seen that day, so the client is
    active in a window that holds it (before, last_date stayed empty)."""
    import_file(db, "tracker.csv", csv_bytes(
        "Client,First contact,Last contact\nElm Dental,2025-02-01,\nIvy Interiors,2025-01-05,"
        "2025-03-09\n"))
    assert clients(db, "name, first_date, last_date") == [
        ("Elm Dental", "2025-02-01", "2025-02-01"), ("Ivy Interiors", "2025-01-05", "2025-03-09")]


def test_an_activity_log_does_not_rename_the_client_list(db):
    """The log spells the clients its own way (and a ticket names a person): matched by
    name key, they keep the client list's names; a client the log alone knows takes the
    log's."""
    import_file(db, "clients.csv", csv_bytes(
        "Client,Region\nBlue Harbour Café,North\nCopper Kettle Ltd,South\n"))
    import_file(db, "activity.csv", csv_bytes(
        "Client,Activity,Date,Region\nblue harbour café,Call,2025-03-01,\n"
        "Copper  Kettle Ltd,Meeting,2025-03-02,West\nLime Laundry,Call,2025-03-03,\n"))
    assert clients(db, "name, region") == [
        ("Blue Harbour Café", "North"), ("Copper Kettle Ltd", "West"), ("Lime Laundry", None)]


def test_german_won_and_lost_deals_are_deals(db):
    """A German CRM export: "Gewonnen" is a won deal, "Verloren" a lost one, and the
    Verlustgrund is the reason. Müller won twice on two days: retention; Klein bought;
    Schmidt has an offer (Angebot): consideration; Weber lost, which is no stage. Win rate:
    3 won of 4 decided."""
    data = ("Kunde;Datum;Phase;Betrag;Verlustgrund\n"
            "Müller Bau;05.02.2025;Gewonnen;1.200,00;\n"
            "Müller Bau;03.11.2025;Gewonnen;800,00;\n"
            "Schmidt KG;10.03.2025;Angebot;500,00;\n"
            "Weber AG;12.04.2025;Verloren;;Angebot nicht verstanden\n"
            "Klein GmbH;20.05.2025;Gewonnen;300,00;\n").encode("cp1252")
    result = import_file(db, "crm.csv", data)[0]
    assert result.mapping["Verlustgrund"] == "reason"
    assert db.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind ORDER BY kind"
                      ).fetchall() == [("lost", 1), ("stage_change", 1), ("won", 3)]
    assert list(funnel_counts(db).values()) == [4, 3, 2, 1, 0]
    signs = signs_by_key(db)
    assert signs["low_win_rate"].value == 75.0
    assert signs["uneducated_leads"].value == 100.0       # the one reason: not understood


def test_header_words_of_common_exports(db):
    """Google Forms and hand trackers: "Full name", "How did you hear about us?",
    "No. of orders"."""
    result = import_file(db, "form.csv", csv_bytes(
        "Timestamp,Full name,Email,How did you hear about us?,No. of orders\n"
        "2025-01-02 10:00,Ann Lee,ann@example.com,Instagram,2\n"))[0]
    assert {h: result.mapping[h] for h in ("Full name", "How did you hear about us?",
                                           "No. of orders")} == {
        "Full name": "name", "How did you hear about us?": "channel",
        "No. of orders": "purchases"}
    assert clients(db, "name, channel, furthest_stage") == [("Ann Lee", "Instagram", "retention")]
    assert json.loads(db.execute("SELECT mapping FROM imports").fetchone()[0])


def test_a_totals_row_is_no_client(db):
    """A hand-kept tracker ends with its sums: "TOTAL" is said and left out, so the
    revenue is not counted twice (two clients, 1,500 in all)."""
    result = import_file(db, "tracker.csv", csv_bytes(
        "Client,Stage,Spend\nRosa Bakery,Customer,1000\nBar Tonic,Lead,500\n,,\n"
        "TOTAL,,1500\n"))[0]
    assert result.problems == []
    assert "row 5 is the table's totals ('TOTAL')" in " ".join(result.notes)
    assert sorted(clients(db, "name, revenue_current")) == [("Bar Tonic", 500.0),
                                                            ("Rosa Bakery", 1000.0)]


def test_first_and_last_names_are_one_name(db):
    """A Mailchimp audience: First Name and Last Name are the person; a Company given on
    fewer than half the rows names no one (rules.people.full_names), so Bo is Bo Berg, not Berg
    AB; a row with a last name alone keeps it."""
    result = import_file(db, "subscribed_members_export.csv", csv_bytes(
        "Email Address,First Name,Last Name,Company\nann@example.com,Ann,Lee,\n"
        "bo@example.com,Bo,Berg,Berg AB\ncy@example.com,,Cole,\n"))[0]
    assert result.mapping["First Name"] == result.mapping["Last Name"] == "name"
    assert clients(db, "email, name") == [
        ("ann@example.com", "Ann Lee"), ("bo@example.com", "Bo Berg"), ("cy@example.com", "Cole")]


def test_a_colleagues_ticket_is_an_internal_complaint_of_no_client(db):
    """Tickets whose category says Internal come from the business's own staff: two
    internal complaints, and the five customers who wrote in are the only clients."""
    data = csv_bytes(TICKETS +
                     "6,Sarah Sales,sarah@shop.example,Ops shipped the wrong spec,Open,Problem,"
                     "Operations,2025-09-08,Internal\n"
                     "7,Olga Ops,olga@shop.example,Sales promised dates we cannot meet,Open,"
                     "Problem,Sales,2025-10-06,Internal\n")
    result = import_file(db, "tickets.csv", data)[0]
    assert "2 tickets from colleagues (internal)" in result.explanation
    assert db.execute("SELECT kind, COUNT(*), COUNT(client_ref) FROM events GROUP BY kind "
                      "ORDER BY kind").fetchall() == [
        ("complaint", 3, 3), ("contact", 2, 2), ("internal_complaint", 2, 0)]
    assert db.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 5
    assert signs_by_key(db)["interdepartmental_complaints"].status != "unknown"


def test_a_report_grouped_by_customer_is_read_as_a_table(db):
    """QuickBooks' Sales by Customer Detail: a title, then each customer's name on a row of
    its own, its transactions below (customer cell blank), and its total. Acme bought on
    two days (retention), Beta once; the totals are no rows; the invoice numbers are no
    clients."""
    day = dt.datetime
    rows = [["Tui Catering Ltd"], ["Sales by Customer Detail"], ["January - March 2024"], [],
            [None, "Date", "Transaction Type", "Num", "Amount"],
            ["Acme Corp"], [None, day(2024, 1, 4), "Invoice", "1001", 250],
            [None, day(2024, 2, 15), "Invoice", "1009", 50], ["Total for Acme Corp", None,
                                                             None, None, 300],
            ["Beta LLC"], [None, day(2024, 1, 8), "Sales Receipt", "1002", 200],
            ["Total for Beta LLC", None, None, None, 200], [], ["TOTAL", None, None, None, 500]]
    result = import_file(db, "sales.xlsx", xlsx_bytes({"Sales": rows}))[0]
    assert result.mapping["Customer"] == "name" and result.rejected == 0
    assert any("2 rows naming a group and 3 rows of totals" in n and "'Customer'" in n
               for n in result.notes)
    assert sorted(clients(db, "name, purchase_count, furthest_stage")) == [
        ("Acme Corp", 2, "retention"), ("Beta LLC", 1, "purchase")]
    assert db.execute("SELECT SUM(amount) FROM events").fetchone()[0] == 500


def test_a_stand_in_name_is_no_client(db):
    """A form's "Anonymous" and a log's "-" name no one: their rows are kept without a
    client, and the import says so (two clients: Ann and Bo)."""
    result = import_file(db, "log.csv", csv_bytes(
        "Name,Date,Kind\nAnn,2025-01-02,contact\nAnonymous,2025-01-03,complaint\n"
        "-,2025-01-04,contact\nBo,2025-01-05,contact\n"))[0]
    assert sorted(name for (name,) in clients(db, "name")) == ["Ann", "Bo"]
    assert db.execute("SELECT COUNT(*) FROM events WHERE client_ref IS NULL").fetchone()[0] == 2
    assert any("2 rows with 'Anonymous' for a name" in note for note in result.notes)


STRIPE_HEADER = ("id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Customer ID,"
                 "Customer Email,Captured,Disputed Amount,Dispute Status,Dispute Date (UTC)\n")


def test_a_lost_stripe_dispute_is_a_refund(db):
    """Ivy's 60.00 charge was disputed and the dispute lost: the money went back (a
    chargeback), a refund on the dispute's date. A won dispute is no refund."""
    result = import_file(db, "unified_payments.csv", csv_bytes(
        STRIPE_HEADER
        + "ch_1,2024-03-11 13:13:13,60.00,0.00,usd,Paid,cus_I,ivy@example.com,true,60.00,lost,"
          "2024-04-02 08:00:00\n"
        + "ch_2,2024-03-12 10:00:00,30.00,0.00,usd,Paid,cus_J,jo@example.com,true,30.00,won,"
          "2024-04-03 08:00:00\n"))[0]
    assert result.recognised_as == "stripe_payments"
    assert "1 dispute lost (chargebacks, counted as refunds)" in result.explanation
    assert db.execute("SELECT c.client_id, e.date, e.amount FROM events e JOIN clients c ON "
                      "c.id = e.client_ref WHERE e.kind = 'refund'").fetchall() == [
        ("cus_I", "2024-04-02 08:00:00", 60.0)]


def test_a_second_client_list_without_stages_keeps_the_stages(db):
    """A phone list names clients a tracker placed: their stages and outcomes stay (a
    list without a Stage column erased them)."""
    import_file(db, "tracker.csv", csv_bytes(
        "Client,Stage,Status\nHotel Rosa,Repeat customer,\nRitz Bar,Won,\nOld Mill,Proposal,Lost\n"))
    before = clients(db, "name, stage, status, furthest_stage, outcome")
    import_file(db, "phones.csv", csv_bytes("Client;Phone\nHotel Rosa;111\nRitz Bar;222\n"
                                            "Old Mill;333\n"))
    assert clients(db, "name, stage, status, furthest_stage, outcome") == before
    assert [p for (p,) in clients(db, "phone")] == ["111", "222", "333"]


def test_an_amount_alone_makes_no_purchase(db):
    """A sheet of customers, dates and amounts with nothing saying what each row is: read
    as contacts, and the import says how to make them purchases. Named "sales", its rows
    are sales, and it says why."""
    data = "Customer,Date,Amount\nAnn,2024-01-02,50\nBo,2024-01-03,20\n"
    book = import_file(db, "Book1.csv", csv_bytes(data))[0]
    assert db.execute("SELECT DISTINCT kind FROM events").fetchall() == [("contact",)]
    assert any("2 rows with nothing saying what happened were read as contacts: an amount "
               "alone makes no purchase" in note for note in book.notes)
    sales = import_file(db, "sales 2024.csv", csv_bytes(data.replace("2024-01", "2024-02")))[0]
    assert any("read as purchases, because the file is called 'sales 2024.csv'" in note
               for note in sales.notes)
    assert db.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind ORDER BY kind"
                      ).fetchall() == [("contact", 2), ("purchase", 2)]


def test_a_trackers_win_rate_from_last_contacts_alone(db):
    """A tracker dated only by its last contact: two won, one lost in 2024, so the win
    rate is 2 / 3 (it read 0%: the customers had no date, the lost one had)."""
    import_file(db, "tracker.csv", csv_bytes(
        "Client,Stage,Status,Last contact\nRitz Bar,Won,,2024-03-01\n"
        "Hotel Rosa,Customer,,2024-05-02\nOld Mill,Proposal,Lost,2024-06-03\n"))
    assert sorted(clients(db, "name, first_date")) == [
        ("Hotel Rosa", "2024-05-02"), ("Old Mill", "2024-06-03"), ("Ritz Bar", "2024-03-01")]
    win = signs_by_key(db)["low_win_rate"]
    assert (win.value, win.parts["won"], win.parts["lost"]) == (pytest.approx(200 / 3), 2, 1)


def test_an_events_type_is_the_events_not_the_clients(db):
    """An appointment list's Type ("Follow-up") is no client type; a ledger's Type
    (Invoice, Payment, Refund) says what happened."""
    visits = import_file(db, "appointments.csv", csv_bytes(
        "Client,Email,Type,Date\nAnn,ann@example.com,Initial consultation,2024-03-01\n"
        "Ann,ann@example.com,Follow-up,2024-04-01\n"))[0]
    assert visits.mapping["Type"] != "client_type"
    assert clients(db, "name, client_type") == [("Ann", None)]
    ledger = import_file(db, "ledger.csv", csv_bytes(
        "Customer,Type,Date,Amount\nBo,Invoice,2024-01-04,250\nBo,Payment,2024-01-20,250\n"
        "Cy,Invoice,2024-01-08,90\nCy,Refund,2024-01-10,-90\n"))[0]
    assert ledger.mapping["Type"] == "kind"
    assert dict(db.execute("SELECT kind, COUNT(*) FROM events WHERE import_id = ? GROUP BY kind",
                           [ledger.import_id]).fetchall()) == {
        "purchase": 2, "contact": 1, "refund": 1}


def test_membership_and_booking_words(db):
    """A studio's members: Member is the name, Last Visit the last contact, an expired
    membership churned, a frozen one active; a no-show booking is no purchase."""
    import_file(db, "members.csv", csv_bytes(
        "Member,Membership Status,Join date,Last Visit\nAnn,Active,2024-01-02,2024-06-01\n"
        "Bo,Expired,2023-05-02,2024-02-01\nCy,Frozen,2024-02-03,2024-03-01\n"))
    assert clients(db, "name, status, outcome, last_date") == [
        ("Ann", "active", None, "2024-06-01"), ("Bo", "churned", "churned", "2024-02-01"),
        ("Cy", "active", None, "2024-03-01")]
    import_file(db, "bookings.csv", csv_bytes(
        "Client,Date,Status,Price\nAnn,2024-06-03,Completed,20\nCy,2024-06-04,No show,20\n"
        "Cy,2024-06-05,Cancelled by customer,20\n"))
    assert db.execute("SELECT c.name, e.kind FROM events e JOIN clients c ON c.id = e.client_ref "
                      "ORDER BY e.date").fetchall() == [
        ("Ann", "purchase"), ("Cy", "contact"), ("Cy", "cancellation")]


def test_reviews_are_advocacy_only_with_good_stars(db):
    """Google's reviews, stars as words: Oak's five stars prove advocacy; Birch's one star
    does not, and is a complaint too; Elm's three stars neither."""
    result = import_file(db, "reviews.csv", csv_bytes(
        "Reviewer,Star rating,Comment,Review date\nOak Cafe,FIVE,Great beans,2024-03-01\n"
        "Birch & Co,ONE,Late and damaged,2024-03-05\nElm Studio,THREE,Fine,2024-03-07\n"))[0]
    assert result.recognised_as == "google_reviews"
    assert "1 of 1 or 2 stars (also counted as complaints)" in result.explanation
    assert sorted(clients(db, "name, furthest_stage, complaint_count")) == [
        ("Birch & Co", "awareness", 1), ("Elm Studio", "awareness", 0),
        ("Oak Cafe", "advocacy", 0)]
    assert db.execute("SELECT amount FROM events WHERE kind = 'review' ORDER BY date"
                      ).fetchall() == [(5.0,), (1.0,), (3.0,)]


def test_dates_that_read_either_way_are_said(db):
    """03/06/2024 and 03/09/2024: nothing settles day or month first, so the workspace's
    setting (day first) decides, and the import says so; 13/09/2024 would have settled it."""
    result = import_file(db, "appointments.csv", csv_bytes(
        "Client,Date,Kind\nAnn,03/06/2024,contact\nAnn,03/09/2024,contact\n"))[0]
    assert any("Dates in 'Date' such as 03/06/2024 read either way" in note
               and "read day first" in note for note in result.notes)
    assert db.execute("SELECT date FROM events ORDER BY date").fetchall() == [
        ("2024-06-03",), ("2024-09-03",)]
    settled = import_file(db, "more.csv", csv_bytes(
        "Client,Date,Kind\nBo,03/06/2024,contact\nBo,13/09/2024,contact\n"))[0]
    assert not any("read either way" in note for note in settled.notes)


def test_the_mapping_says_a_column_kept_as_extra(db):
    """A 'Date' column of words is kept as extra (said in a note): the mapping the import
    reports says so too, rather than claiming it is the date."""
    result = import_file(db, "log.csv", csv_bytes(
        "Client,Date,Kind\nAnn,soon,contact\nBo,later,contact\nCy,never,contact\n"))[0]
    assert result.mapping["Date"] is None
    assert any("Column 'Date' looked like date" in note for note in result.notes)


def test_an_order_number_column_makes_each_row_an_order(db):
    """'Order ID' numbers the rows as orders: purchases, and the import says why; a 'Deal
    ID' does not (a deal is not yet a sale)."""
    result = import_file(db, "export.csv", csv_bytes(
        "Order ID,Customer,Order Date,Amount\nO1,Ann,2024-01-02,50\nO2,Bo,2024-01-03,20\n"))[0]
    assert any("because its column 'Order ID' numbers them as orders" in n for n in result.notes)
    deals = import_file(db, "export2.csv", csv_bytes(
        "Deal ID,Customer,Date,Amount\nD1,Cy,2024-01-04,70\n"))[0]
    assert db.execute("SELECT import_id, kind FROM events ORDER BY id").fetchall() == [
        (result.import_id, "purchase"), (result.import_id, "purchase"),
        (deals.import_id, "contact")]


def test_a_bookings_payment_status_decides_over_its_booking_status(db):
    """SimplyBook's bookings: Approved but not paid is no purchase; paid is; a refunded one
    was paid: a purchase with its refund beside it."""
    result = import_file(db, "bookings.csv", csv_bytes(
        "Client;Booking status;Start date;Price;Payment status\n"
        "Mark;Approved;2024-03-01 09:00;65;paid\nOlga;Approved;2024-03-02 09:00;65;not_paid\n"
        "Rita;Canceled;2024-03-03 09:00;65;refunded\nMark;Approved;2024-04-01 09:00;65;paid\n"
        ))[0]
    assert result.kind == "events"
    assert result.mapping["Payment status"] == result.mapping["Booking status"] == "status"
    assert db.execute("SELECT c.name, e.kind FROM events e JOIN clients c ON c.id = "
                      "e.client_ref ORDER BY e.date, e.kind").fetchall() == [
        ("Mark", "purchase"), ("Olga", "contact"), ("Rita", "purchase"), ("Rita", "refund"),
        ("Mark", "purchase")]
    assert sorted(clients(db, "name, furthest_stage")) == [
        ("Mark", "retention"), ("Olga", "awareness"), ("Rita", "purchase")]
