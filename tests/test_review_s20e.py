"""Session 20's new reading rules under attack (E): sheets an owner or an export really has
where the ticket and date rules misread, and R2's two follow-ups. Each sheet goes through
the command line and is checked against figures worked out by hand; beside each, where it
matters, a sheet where the rule must not fire.

- A client list's latest date ("Last tuning", "Last attended", "Latest invoice") is the
  last contact beside a first-contact date, whether a header named that ("Customer since")
  or its dates did ("Enrolled"); Practice Better's archived client with a "Last Session"
  mapped to the last contact still bought and left (rules/client_lists.py).
- When a row was last edited ("Last modified", "Last Updated", "Letzte Änderung") is the
  record's time, no contact with the client: neither the first contact nor the last.
- A hotel's guest list with 'Check-in' before 'Booked on': the guest's first contact is
  the day booked, as a booking's sale already was; but where the status says which visits
  were kept or missed (Completed, No-show) a salon's appointment is sold on its start time.
- Days with no year: one note says they were kept as written; the generic "looked like
  date ... map it by hand" no longer follows it (it still does for words that are no date).
- A feedback board whose authors write from gmail.com is no team's issue tracker.
- An "ID" log of issues reported by a "Member" or "Student" (not "Customer") is a ticket
  list as R1's rule reads one; "Can't access", "won't let me" speak of a problem. A
  physio's "Issue: Knee pain" log is still a client list, and so is a handyman's list of
  faults to mend at an address ("Broken window"): jobs asked for, not complaints.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

CONTACTS = "SELECT name, first_contact, last_contact FROM clients ORDER BY name"
LOOKED_LIKE = "looked like date"


# --- 1. a latest date beside a first contact -----------------------------------------------

TUNER = ("Client,Address,Customer since,Last tuning,Next due,Fee\n"
         "Mrs Atkins,1 High St,2019-03-01,2025-02-14,2026-02-14,60\n"
         "Mr Baker,2 Low Rd,2021-06-10,2024-11-02,2025-11-02,60\n"
         "Ms Cole,3 Mid Ln,2023-01-15,2025-01-20,2026-01-20,60\n")


def test_a_last_tuning_beside_customer_since_is_the_last_contact(tmp_path):
    """'Customer since' is the first contact by its header; 'Last tuning' the last (was an
    extra column: R2 held it back for Practice Better's rule, now mended); 'Next due' still
    to come, no contact. A fee each: 3 clients at purchase, no dated sale, 180 in all:
    [3, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "tuning.csv", TUNER)
    assert found["mapping"]["Last tuning"] == "last_contact"
    assert found["mapping"]["Next due"] is None
    assert workspace_rows(tmp_path, CONTACTS) == [
        ("Mr Baker", "2021-06-10", "2024-11-02"), ("Mrs Atkins", "2019-03-01", "2025-02-14"),
        ("Ms Cole", "2023-01-15", "2025-01-20")]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(180.0,)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_enrolled_then_last_attended_are_the_first_and_last_contact(tmp_path):
    """No header names a date: 'Enrolled' is read by its dates as the first contact (as
    before), and now 'Last attended' beside it as the last (was an extra column); 'Next
    session' still to come, kept as written. Two students, no stage: [2, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "class.csv", (
        "Student,Parent email,Enrolled,Last attended,Next session\n"
        "Mia,jo@x.com,2024-09-01,2025-03-01,2025-03-08\n"
        "Leo,sam@y.com,2024-10-01,2025-02-22,2025-03-08\n"))
    assert (found["mapping"]["Enrolled"], found["mapping"]["Last attended"],
            found["mapping"]["Next session"]) == ("first_contact", "last_contact", None)
    assert workspace_rows(tmp_path, CONTACTS) == [
        ("Leo", "2024-10-01", "2025-02-22"), ("Mia", "2024-09-01", "2025-03-01")]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_latest_invoice_beside_client_since_is_the_last_contact(tmp_path):
    """Acme's latest invoice 28 Feb 2025 is when it was last dealt with (was kept as an
    extra); its first contact 'Client since' 1 May 2022. [2, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Client since,Latest invoice,Balance\n"
        "Acme,ap@acme.com,2022-05-01,2025-02-28,0\n"
        "Bolt,ap@bolt.io,2023-07-12,2025-01-31,120\n"))
    assert workspace_rows(tmp_path, CONTACTS) == [
        ("Acme", "2022-05-01", "2025-02-28"), ("Bolt", "2023-07-12", "2025-01-31")]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


PRACTICE_BETTER = (
    "First Name,Last Name,Email,Status,Date Added,Last Session,Upcoming Sessions\n"
    "Hannah,Lee,hannah.lee@gmail.com,Active,2024-01-10,2024-05-20,1\n"
    "Ian,Moss,ian.moss@yahoo.ca,Lead,2024-05-02,,0\n"
    "Jade,Nolan,jade.n@outlook.com,Archived,2023-06-01,2023-09-15,0\n"
    "Liam,Park,liam.p@gmail.com,Archived,2023-02-01,,0\n")


def test_an_archived_client_whose_last_session_is_the_last_contact_still_bought(tmp_path):
    """'Last Session' is now mapped to the last contact (was an extra): Jade, archived
    with a session on 15 Sep 2023, still bought and left; Liam, archived with none, waits
    to be mapped; Hannah active, Ian a lead: [4, 2, 2, 0, 0], as session 19 read it."""
    found = cli_import_text(tmp_path, "clients.csv", PRACTICE_BETTER)
    assert found["mapping"]["Last Session"] == "last_contact"
    assert ("1 client 'Status' calls Archived, with a last session given, was read as "
            "having bought (purchase) and left (churned).") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT last_contact FROM clients WHERE name = "
                                    "'Jade Nolan'") == [("2023-09-15",)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


# --- 2. a row's own edit time is no contact --------------------------------------------------

def test_last_modified_is_the_rows_edit_not_a_contact(tmp_path):
    """'Last modified' 2 Mar 2025 on every row (a bulk edit) was each client's last contact
    (R2; before it their first): neither now, kept as written. [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "crm.csv", (
        "Name,Email,Phone,Last modified\n"
        "Ann Lee,ann@acme.com,0123,2025-03-02\n"
        "Bo Chan,bo@bolt.io,0456,2025-03-02\n"
        "Cy Diaz,cy@cyco.net,0789,2025-03-02\n"))
    assert found["mapping"]["Last modified"] is None
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE first_contact IS "
                                    "NULL AND last_contact IS NULL") == [(3,)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_german_letzte_aenderung_beside_date_added_is_no_contact(tmp_path):
    """'Letzte Änderung' (last change) was read as the first contact; 'Last Updated' beside
    a 'Date added' stays an extra now latest dates are taken beside it."""
    found = cli_import_text(tmp_path, "kunden.csv", (
        "Kunde,E-Mail,Telefon,Letzte Änderung\n"
        "Anna Schmidt,anna@x.de,0301,2025-03-02\n"
        "Bernd Meier,bernd@y.de,0302,2025-03-02\n"))
    assert found["mapping"]["Letzte Änderung"] is None
    found = cli_import_text(tmp_path, "crm.csv", (
        "Name,Email,Stage,Date added,Last Updated\n"
        "Ann Lee,ann@acme.com,Lead,2025-01-05,2025-03-02\n"
        "Bo Chan,bo@bolt.io,Customer,2025-01-20,2025-03-02\n"))
    assert found["mapping"]["Last Updated"] is None


def test_a_last_login_beside_created_is_the_last_contact(tmp_path):
    """Must still fire: a client's own last login is theirs (was an extra column beside
    'Created'): Ann first 5 Jan, last 2 Mar 2025."""
    found = cli_import_text(tmp_path, "users.csv", (
        "Name,Email,Created,Last login\n"
        "Ann Lee,ann@acme.com,2025-01-05,2025-03-02\n"
        "Bo Chan,bo@bolt.io,2025-01-20,2025-02-11\n"))
    assert found["mapping"]["Last login"] == "last_contact"
    assert workspace_rows(tmp_path, CONTACTS) == [
        ("Ann Lee", "2025-01-05", "2025-03-02"), ("Bo Chan", "2025-01-20", "2025-02-11")]


# --- 3. a guest list's first contact is the day booked ----------------------------------------

def test_a_guests_first_contact_is_the_day_booked_not_check_in(tmp_path):
    """'Check-in' comes first but the guest got in touch when booking: Ann booked 1 May for
    10 June, Bo 20 May, Cy 2 June (were 10 Jun, 15 Jun, 1 Jul). A total each: three at
    purchase, revenue 240 + 90 + 600 = 930: [3, 3, 3, 0, 0], as before."""
    found = cli_import_text(tmp_path, "guests.csv", (
        "Guest,Email,Check-in,Check-out,Booked on,Cancelled on,Room,Total\n"
        "Ann Lee,ann@x.com,2025-06-10,2025-06-12,2025-05-01,,Double,240\n"
        "Bo Chan,bo@y.com,2025-06-15,2025-06-16,2025-05-20,2025-05-25,Single,90\n"
        "Cy Diaz,cy@z.com,2025-07-01,2025-07-04,2025-06-02,,Suite,600\n"))
    assert (found["mapping"]["Check-in"], found["mapping"]["Booked on"]) == (
        None, "first_contact")
    assert workspace_rows(tmp_path, "SELECT name, first_contact FROM clients ORDER BY name") == [
        ("Ann Lee", "2025-05-01"), ("Bo Chan", "2025-05-20"), ("Cy Diaz", "2025-06-02")]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(930.0,)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 4. days with no year: said once ----------------------------------------------------------

def test_days_without_a_year_are_said_once_not_twice(tmp_path):
    """'Jan 6th' with no year anywhere: R2's note says they were kept as written and how to
    give the year; the generic "looked like date ... map it by hand" (mapping by hand cannot
    give a year) no longer follows it. 2 clients, 3 sales of 165: [2, 2, 2, 0, 0]."""
    (found,) = cli_import_book(tmp_path, "salon.xlsx", {"Bookings": [
        ["Client", "Date", "Service", "Paid"], ["Ann Lee", "Jan 6th", "Cut", 40],
        ["Bob Ray", "Jan 13th", "Colour", 85], ["Ann Lee", "Feb 3rd", "Cut", 40]]})
    assert sum("'Date'" in note for note in found["notes"]) == 1
    assert any("give no year" in note for note in found["notes"])
    assert not any(LOOKED_LIKE in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 165.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_words_that_are_no_date_still_get_the_looked_like_note(tmp_path):
    """Must not fire: 'tbc', 'soon', 'next week' are no days without a year: the generic
    note stays, and nothing says a year is missing."""
    found = cli_import_text(tmp_path, "visits.csv", (
        "Client,Date,Service,Paid\nAnn Lee,tbc,Cut,40\nBob Ray,soon,Colour,85\n"
        "Ann Lee,next week,Cut,40\n"))
    assert any(LOOKED_LIKE in note for note in found["notes"])
    assert not any("no year" in note for note in found["notes"])


# --- 5. a feedback board is no issue tracker ----------------------------------------------------

def test_a_feedback_board_of_gmail_authors_is_no_issue_tracker(tmp_path):
    """Three customers' ideas and bugs, each from their own gmail.com address: one domain,
    but a public mail provider's, not a team's. R1's issue_tracker said "naming no customer"
    of them; now not recognised as one (still reference rows, as before R1: no column here
    says who the client is by the import's words)."""
    found = cli_import_text(tmp_path, "board.csv", (
        "Title,Description,Author,Author email,Assignee,Status,Votes,Created\n"
        "Add dark mode,Please add it,Ann Lee,ann.lee@gmail.com,Tom,Open,12,2025-03-01\n"
        "Export to PDF broken,Fails on big files,Bo Chan,bochan@gmail.com,Tom,In progress,5,"
        "2025-03-04\n"
        "Wishlist feature,Would love it,Cy Diaz,cy.diaz@gmail.com,Sue,Open,8,2025-03-09\n"))
    assert found["recognised_as"] != "issue_tracker"
    assert "issue tracker" not in found["explanation"]


def test_a_staff_it_log_is_still_an_issue_tracker(tmp_path):
    """Must still fire: an office's IT log (Issue, Reported by, Assigned to, Status, Date
    reported; no e-mails) is the team's own: reference rows, no client. [0, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "it.csv", (
        "ID,Issue,Reported by,Assigned to,Status,Date reported\n"
        "1,Printer broken,Kate,IT,Open,2025-04-02\n"
        "2,Can't log in to email,Raj,IT,In progress,2025-04-03\n"
        "3,Laptop slow,Kate,IT,Resolved,2025-04-04\n"))
    assert (found["kind"], found["recognised_as"]) == ("reference", "issue_tracker")
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


# --- 6. an "ID" log of a member's or a student's issues ------------------------------------------

def test_an_id_log_of_members_issues_is_a_ticket_list(tmp_path):
    """'Member', not 'Customer', names who reported: the same log as R1's. Locker broken,
    App won't let me book, Charged twice: 3 complaints of 3 members (was a client list,
    'Waiting on customer' a customer: [3, 2, 1, 0, 0]); the explanation counts 3
    requesters (not 0). [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "issues.csv", (
        "ID,Member,Issue,Status,Date reported\n"
        "1,Mia Hart,Locker broken,Open,2025-04-02\n"
        "2,Leo Wu,App won't let me book,In progress,2025-04-03\n"
        "3,Zoe Roe,Charged twice,Waiting on customer,2025-04-05\n"))
    assert (found["kind"], found["recognised_as"]) == ("events", "ticket_list")
    assert "3 tickets from 3 requesters" in found["explanation"]
    assert kind_totals(tmp_path, "complaint") == (3, None)
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_students_cant_access_is_a_problem_reported(tmp_path):
    """Can't access course videos and Payment failed are problems (2 of 3, at least half);
    Missed lesson says none: a support contact. 3 students at awareness (was [3, 2, 1, 0,
    0])."""
    found = cli_import_text(tmp_path, "issues.csv", (
        "ID,Student,Issue,Status,Date reported\n"
        "1,Mia Hart,Missed lesson,Open,2025-04-02\n"
        "2,Leo Wu,Can't access course videos,In progress,2025-04-03\n"
        "3,Zoe Roe,Payment failed,Waiting on customer,2025-04-05\n"))
    assert found["recognised_as"] == "ticket_list"
    assert kind_totals(tmp_path, "complaint") == (2, None)
    assert kind_totals(tmp_path, "contact") == (1, None)
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_physios_patients_issues_are_no_tickets(tmp_path):
    """Must not fire: Knee pain, Back pain, Check-up are what a patient is seen for, no
    problem with the business: not a ticket list, no complaint (a client list as before)."""
    found = cli_import_text(tmp_path, "patients.csv", (
        "ID,Patient,Issue,Status,Date reported\n"
        "1,Mia Hart,Knee pain,Open,2025-04-02\n"
        "2,Leo Wu,Back pain,In progress,2025-04-03\n"
        "3,Zoe Roe,Check-up,Open,2025-04-05\n"))
    assert (found["kind"], found["recognised_as"]) == ("clients", None)
    assert kind_totals(tmp_path, "complaint") == (0, None)


# --- 7. a salon's appointments are sold on the day kept ------------------------------------------

SALON = ("Client,Start time,Service,Price,Status,Created\n"
         "Ann Lee,2025-06-10 10:00,Cut,40,Completed,2025-05-01 09:12\n"
         "Bo Chan,2025-06-11 14:00,Colour,90,Completed,2025-05-20 18:40\n"
         "Ann Lee,2025-07-15 11:00,Cut,40,Completed,2025-06-12 08:00\n"
         "Cy Diaz,2025-07-20 11:00,Cut,40,No-show,2025-07-02 08:00\n")


def test_appointments_kept_or_missed_are_dated_on_the_day_not_when_booked(tmp_path):
    """The status says which visits were kept (Completed beside a No-show): each is paid
    and missed on its start time, not when booked (R2 dated them 1 May, 20 May, 12 Jun,
    2 Jul). Sales 10 Jun 40, 11 Jun 90, 15 Jul 40 = 170; Cy's no-show a contact on 20 Jul;
    Ann's second visit a repeat: [3, 2, 2, 1, 0], as before."""
    found = cli_import_text(tmp_path, "appointments.csv", SALON)
    assert (found["mapping"]["Start time"], found["mapping"]["Created"]) == ("date", None)
    assert workspace_rows(tmp_path, "SELECT substr(date, 1, 10), kind FROM events "
                                    "ORDER BY date") == [
        ("2025-06-10", "purchase"), ("2025-06-11", "purchase"), ("2025-07-15", "purchase"),
        ("2025-07-20", "contact")]
    assert kind_totals(tmp_path, "purchase") == (3, 170.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_handymans_jobs_at_an_address_are_no_complaints(tmp_path):
    """Must not fire: Broken window, Leaking tap, Faulty light switch 'reported' at an
    address are jobs asked of a handyman, not complaints about him (R1 read 2 complaints
    and a contact). Back to the client list read before R1: 3 clients, no complaint."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "ID,Customer,Address,Issue,Status,Date reported\n"
        "1,Ann Lee,1 High St,Broken window,Open,2025-04-02\n"
        "2,Bo Chan,2 Low Rd,Leaking tap,In progress,2025-04-03\n"
        "3,Cy Diaz,3 Mid Ln,Faulty light switch,Open,2025-04-05\n"))
    assert (found["kind"], found["recognised_as"]) == ("clients", None)
    assert kind_totals(tmp_path, "complaint") == (0, None)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(3,)]
