"""Help desks and chats that were misread (session 18, K). Each sheet goes through the
command line and is checked against figures worked out by hand before importing; beside
each, where it matters, a sheet where the rule must not fire.

- Help Scout's "Type" (email, chat, phone) and a chat tool's says how a conversation came,
  not what it is: a conversation is a complaint only when its subject or tags speak of one
  (was: every conversation a complaint).
- In an export where some tickets have a type or a category, one with neither is read by
  its words too (was: a complaint); one whose type speaks keeps it.
- A task with no requester is the team's own work: left out, with a note (was: a contact of
  no client). A task a customer asked for stays their support contact, and one an agent
  asked for stays theirs, as the help desk counts its requesters; a ticket tagged internal
  stays an internal complaint.
- A help desk's satisfaction rating (Zendesk's Good or Bad, Help Scout's Great, Okay or Not
  Good, Gorgias' 1 to 5) is each requester's satisfaction, their latest; the import says
  how many ratings from how many requesters (was: the column kept aside, unread).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


def _kinds(tmp_path) -> dict[str, int]:
    return dict(workspace_rows(tmp_path, "SELECT kind, COUNT(*) FROM events GROUP BY kind"))


# --- a conversation's channel is not its type -------------------------------------------------

HELP_SCOUT = (
    "Conversation ID,Number,Type,Status,Subject,Customer Name,Customer Email,Mailbox,"
    "Assigned To,Tags,Created At,Closed At\n"
    '501,1,email,closed,Invoice copy please,Kai Moss,kai@moss.example,Support,Nora,billing,'
    '"Mar 2, 2024 9:14 AM","Mar 2, 2024 10:00 AM"\n'
    '502,2,chat,closed,How do I add a user?,Lia Park,lia@park.example,Support,Nora,,'
    '"Mar 3, 2024 1:05 PM","Mar 3, 2024 1:30 PM"\n'
    '503,3,email,active,Package lost in transit,Kai Moss,kai@moss.example,Support,Omar,'
    'complaint,"Mar 7, 2024 8:00 AM",\n'
    '504,4,phone,closed,Change of address,Max Roe,max@roe.example,Support,Nora,,'
    '"Mar 9, 2024 2:00 PM","Mar 9, 2024 3:00 PM"\n'
    '505,5,email,closed,Mug arrived broken,Max Roe,max@roe.example,Support,Nora,,'
    '"Mar 15, 2024 11:20 AM","Mar 15, 2024 12:00 PM"\n')


def test_help_scouts_type_of_email_chat_or_phone_says_nothing_of_a_complaint(tmp_path):
    """5 conversations of 3 customers. By their words: 503 (tagged complaint) and 505
    ("arrived broken") are complaints; 501 (an invoice copy), 502 (a question) and 504 (a
    change of address) support contacts. 2 complaints, 3 contacts (was 5 complaints);
    3 clients, all at awareness: [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "conversations.csv", HELP_SCOUT)
    assert found["recognised_as"] == "helpdesk_tickets"
    assert _kinds(tmp_path) == {"complaint": 2, "contact": 3}
    assert workspace_rows(tmp_path, "SELECT order_id FROM events WHERE kind = 'complaint' "
                                    "ORDER BY order_id") == [("503",), ("505",)]
    assert cli_funnel(tmp_path)[0] == 3
    assert ("except 3 questions and requests kept as support contacts (no type says what a "
            "ticket is: those whose subject speaks of a complaint") in found["explanation"]


def test_a_chat_tools_type_of_chat_says_nothing_of_a_complaint(tmp_path):
    """A Drift-like chat export: 3 chats of 2 people, each of Type "chat". Only 7003,
    tagged complaint, is a complaint; 7001 (tagged pricing) and 7002 (no tags) are
    contacts: 1 complaint, 2 contacts (was 3 complaints)."""
    cli_import_text(tmp_path, "chats.csv", (
        "Conversation ID,Contact Name,Contact Email,Status,Created At,Assignee,Type,Tags\n"
        "7001,Ana Diaz,ana@diaz.example,closed,2024-05-01 10:00,Sam,chat,pricing\n"
        "7002,Bo Li,bo@li.example,closed,2024-05-02 11:00,Sam,chat,\n"
        "7003,Ana Diaz,ana@diaz.example,open,2024-05-03 12:00,Kim,chat,complaint\n"))
    assert _kinds(tmp_path) == {"complaint": 1, "contact": 2}
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]


def test_a_type_that_speaks_still_decides(tmp_path):
    """Must not fire: where the type says what a ticket is, its words are not read. 801
    "incident" with a calm subject stays a complaint; 802 "question" whose subject says
    broken stays a contact (a question about a broken part); 803 has no type: its words
    ("Copy of my invoice") make it a contact, and 804's ("Refund please") a complaint
    (was: both complaints, as blanks among typed tickets). 2 complaints, 2 contacts."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "Id,Requester,Requester email,Subject,Status,Via,Ticket type,Created at,Assignee\n"
        "801,Ana Diaz,ana@example.com,Order 1042,solved,Email,incident,2024-04-02 10:00,Sam\n"
        "802,Bo Li,bo@example.com,Is a broken lid covered?,solved,Email,question,"
        "2024-04-03 10:00,Sam\n"
        "803,Cy Ng,cy@example.com,Copy of my invoice,solved,Email,,2024-04-04 10:00,Kim\n"
        "804,Cy Ng,cy@example.com,Refund please,open,Email,,2024-04-05 10:00,Kim\n"))
    assert workspace_rows(tmp_path, "SELECT order_id, kind FROM events ORDER BY order_id") == [
        ("801", "complaint"), ("802", "contact"), ("803", "contact"), ("804", "complaint")]
    assert "(2 tickets have no type or category: those whose subject" in found["explanation"]


# --- the team's own tickets -------------------------------------------------------------------

ZENDESK_WITH_OWN_WORK = (
    "Id,Requester,Requester email,Subject,Status,Via,Ticket type,Created at,Assignee,Tags\n"
    "201,Ana Diaz,ana@example.com,Late delivery,solved,Email,incident,2024-04-02 10:00,"
    "Sam Hill,\n"
    "202,Sam Hill,sam@shop.example,Restock the blue mugs,open,Web,task,2024-04-03 10:00,"
    "Sam Hill,\n"
    "203,,,Call the courier about returns,open,Web,task,2024-04-04 10:00,Kim Ito,\n"
    "204,Bo Li,bo@example.com,Call me back Tuesday,open,Phone,task,2024-04-05 10:00,Kim Ito,\n"
    "205,kim ito,kim@shop.example,Printer jammed,open,Web,incident,2024-04-06 10:00,Sam Hill,\n"
    "206,Bo Li,bo@example.com,How do I reset my password?,solved,Email,question,"
    "2024-04-07 10:00,Kim Ito,\n"
    "207,Kim Ito,kim@shop.example,Warehouse keeps losing labels,open,Web,incident,"
    "2024-04-08 10:00,Sam Hill,internal\n")


def test_a_task_no_one_asked_for_is_left_out(tmp_path):
    """Sam Hill and Kim Ito are the agents (Assignee). Left out: 203 (a task no one asked
    for). Kept: 201 Ana's complaint, 202 Sam's task (a contact of Sam's, as the help desk
    counts its requesters), 204 Bo's task (a customer asked: a support contact), 205 Kim's
    incident (a complaint), 206 Bo's question, 207 tagged internal (a colleague's internal
    complaint, of no client). 6 events: 2 complaints, 3 contacts, 1 internal complaint;
    4 clients by e-mail: Ana, Bo, Sam, Kim: [4, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "export-2024-04-30.csv", ZENDESK_WITH_OWN_WORK)
    assert _kinds(tmp_path) == {"complaint": 2, "contact": 3, "internal_complaint": 1}
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ana Diaz",), ("Bo Li",), ("Sam Hill",), ("kim ito",)]
    assert cli_funnel(tmp_path)[0] == 4
    assert found["explanation"] == (
        "Recognised as a help-desk tickets export: 7 tickets from 4 requesters (by e-mail, "
        "case ignored), each ticket a complaint of its requester (the requester is the "
        "client), except 3 questions and requests kept as support contacts; 1 ticket from "
        "colleagues (internal) kept as internal complaints, of no client; 1 task with no "
        "requester (the team's own work) left out, no client's.")


def test_a_task_a_customer_asked_for_is_kept(tmp_path):
    """Must not fire: the one task has a requester (Bo): all
    3 tickets kept, 1 complaint and 2 contacts of 2 clients, no note of the team's own."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Id,Requester,Requester email,Subject,Status,Via,Ticket type,Created at,Assignee\n"
        "1,Ana Diaz,ana@example.com,Late delivery,solved,Email,incident,2024-04-02 10:00,Sam\n"
        "2,Bo Li,bo@example.com,Call me back,open,Phone,task,2024-04-05 10:00,\n"
        "3,Bo Li,bo@example.com,Where do I log in?,solved,Email,question,2024-04-07 10:00,"
        "Sam\n"))
    assert _kinds(tmp_path) == {"complaint": 1, "contact": 2}
    assert kind_totals(tmp_path, "contact")[0] == 2
    assert "the team's own work" not in found["explanation"]


# --- a help desk's satisfaction rating ----------------------------------------------------------

def test_a_zendesk_satisfaction_score_is_each_requesters_latest_satisfaction(tmp_path):
    """Zendesk's "Satisfaction Score": Good (satisfied, 4 of 5) or Bad (2), "Offered" and
    "Unoffered" no rating. Ana rated Bad on 1 March, Bad on 2 April, Good on 9 April
    (written out of order): her latest, 4. Bo: Good on 1 April, then Offered (none): 4.
    Cy: Bad, 2. Dee: Unoffered, none. 5 ratings from 3 requesters (was: the column kept
    aside, no satisfaction at all). Its "Satisfaction Comment" (a 5 on ticket 101) is no
    rating."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Id,Requester,Requester email,Subject,Status,Via,Ticket type,Created at,Assignee,"
        "Satisfaction Score,Satisfaction Comment\n"
        "101,Ana Diaz,ana@example.com,Late delivery,solved,Email,incident,2024-04-02 10:00,"
        "Sam,Bad,5\n"
        "102,Ana Diaz,ana@example.com,Where is my invoice?,solved,Web,question,"
        "2024-04-09 12:00,Sam,Good,\n"
        "103,Bo Li,bo@example.com,Broken lid,solved,Phone,problem,2024-04-10 09:30,Kim,"
        "Offered,\n"
        "104,Cy Ng,cy@example.com,Refund please,solved,Email,,2024-04-11 08:00,Kim,Bad,\n"
        "105,Bo Li,bo@example.com,Thanks,solved,Email,question,2024-04-01 08:00,Kim,Good,\n"
        "106,Ana Diaz,ana@example.com,Old one,solved,Email,question,2024-03-01 08:00,Kim,"
        "Bad,\n"
        "107,Dee Fox,dee@example.com,Gift wrap?,solved,Email,question,2024-04-12 08:00,Kim,"
        "Unoffered,\n"))
    assert workspace_rows(tmp_path, "SELECT name, satisfaction FROM clients ORDER BY name") == [
        ("Ana Diaz", 4.0), ("Bo Li", 4.0), ("Cy Ng", 2.0), ("Dee Fox", None)]
    assert ("; 5 satisfaction ratings from 3 requesters, each one's latest kept as their "
            "satisfaction (1 to 5; 'Good' as 4, 'Bad' as 2)") in found["explanation"]


def test_a_gorgias_survey_score_of_1_to_5_is_read_as_it_is(tmp_path):
    """Gorgias' "Satisfaction survey score" 1-5: Ben rated 2 on 1 May, 5 on 8 May: 5.
    Dee gave none: no satisfaction, not 0."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "Ticket id,Status,Channel,Subject,Customer name,Customer email,Assignee,Tags,Created,"
        "Closed,Satisfaction survey score\n"
        "1,closed,email,Where is my order?,Ben Carter,ben@carter.example,Alex,ORDER-STATUS,"
        "2024-05-01 10:00,2024-05-01 12:00,2\n"
        "2,closed,chat,Size exchange,Ben Carter,ben@carter.example,Alex,,2024-05-08 10:00,"
        "2024-05-08 11:00,5\n"
        "3,closed,email,Discount code?,Dee Fox,dee@fox.example,Alex,,2024-05-03 10:00,"
        "2024-05-03 11:00,\n"))
    assert workspace_rows(tmp_path, "SELECT name, satisfaction FROM clients ORDER BY name") == [
        ("Ben Carter", 5.0), ("Dee Fox", None)]
    assert ("; 2 satisfaction ratings from 1 requester, each one's latest kept as their "
            "satisfaction (1 to 5).") in found["explanation"]


def test_tickets_without_a_rating_say_nothing_of_satisfaction(tmp_path):
    """Must not fire: a "Satisfaction Comment" alone is no rating, nor a "Priority" of
    1 to 4: no satisfaction, and the import says nothing of ratings."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Id,Requester,Requester email,Subject,Status,Priority,Ticket type,Created at,"
        "Satisfaction Comment\n"
        "1,Ana Diaz,ana@example.com,Late delivery,solved,2,incident,2024-04-02 10:00,4\n"
        "2,Bo Li,bo@example.com,Where is my invoice?,solved,1,question,2024-04-09 12:00,\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE satisfaction IS NOT "
                                    "NULL") == [(0,)]
    assert "satisfaction rating" not in found["explanation"]
