"""Service businesses' sheets and exports read wrongly, mended in session 28 (R2). Each sheet
is imported through the command line and checked against figures worked out by hand; beside
each, a sheet of another kind where the mend must not fire.

- An event business's client tracker (a celebrant's, a photographer's, a planner's) whose
  status says the work was done ("Married", "Shoot done", "Delivered", "Event held") left
  those couples and clients at awareness, the values waiting for --stage-map: the service
  was delivered, a purchase. "Married" beside Single and Divorced (a person's marital
  status) and "Delivered" beside Opened and Bounced (a mailing's recipients) stay unknown.
  A photographer's "Event Type" (Wedding, Engagement) was read as what happened on each
  row, which made the tracker a log of contacts: it is the client's event, kept as extra.
"""

from __future__ import annotations

import pytest
from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

# --- 1. An event business's client tracker -------------------------------------------------

CELEBRANT = [
    ["Couple", "Email", "Phone", "Ceremony date", "Venue", "Status", "Fee", "Source"],
    ["Amy & Ben Carter", "amy.carter@gmail.com", "0412 555 101", "14/09/2024",
     "Stones of the Yarra", "Married", 950, "Instagram"],
    ["Chloe & Dan Park", "chloe.park@outlook.com", "0412 555 102", "12/10/2024",
     "Zonzo Estate", "Married", 950, "Easy Weddings"],
    ["Emma & Finn Walsh", "emma.w@gmail.com", "0412 555 103", "08/03/2025",
     "Chateau Yering", "Booked", 1050, "Referral"],
    ["Grace & Hugo Lam", "grace.lam@icloud.com", "0412 555 104", "22/11/2025", None,
     "Enquiry", None, "Google"],
    ["Isla & Jack Reid", "isla.reid@gmail.com", "0412 555 105", None, None, "Enquiry", None,
     "Instagram"],
]


def test_a_celebrants_married_couples_bought(tmp_path):
    """Amy & Ben and Chloe & Dan married (950 each), Emma & Finn booked (1,050), two couples
    asked: 3 couples hired the celebrant, [5, 3, 3, 0, 0], revenue 2,950, nothing left to
    map (was [5, 1, 1, 0, 0], 'Married' (2) waiting for --stage-map)."""
    (found,) = cli_import_book(tmp_path, "couples.xlsx", {"Couples": CELEBRANT})
    assert found["kind"] == "clients"
    assert found["unknown_stage_values"] == {}
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, revenue_current FROM clients "
                                    "ORDER BY name") == [
        ("Amy & Ben Carter", "purchase", 950.0), ("Chloe & Dan Park", "purchase", 950.0),
        ("Emma & Finn Walsh", "purchase", 1050.0), ("Grace & Hugo Lam", "awareness", None),
        ("Isla & Jack Reid", "awareness", None)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 0, 0]


PHOTOGRAPHER = ("Client Name,Email,Event Type,Shoot Date,Package,Status,Total\n"
                "Sophie Turner,sophie.t@gmail.com,Wedding,2024-06-15,Full Day,Delivered,3200\n"
                "Liam Brooks,liam.brooks@yahoo.com,Engagement,2024-08-02,Mini,Delivered,450\n"
                "Mia & Noah Scott,mia.scott@gmail.com,Wedding,2024-11-09,Half Day,Shoot done,"
                "2100\n"
                "Olivia Hart,olivia.hart@gmail.com,Family,2025-01-18,Mini,Booked,450\n"
                "Ethan Cole,ethan.cole@hotmail.com,Wedding,2025-09-20,Full Day,Enquiry,\n")


def test_a_photographers_delivered_galleries_and_shoots_done_are_purchases(tmp_path):
    """Sophie (3,200) and Liam (450) had their photos delivered, Mia & Noah's shoot was done
    (2,100), Olivia booked (450), Ethan asked: one row per client, 4 who hired,
    [5, 4, 4, 0, 0], revenue 6,200 (was a log of 5 contacts, its "Event Type" Wedding and
    Engagement read as what happened: [5, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "clients.csv", PHOTOGRAPHER)
    assert found["kind"] == "clients"
    assert found["mapping"]["Event Type"] is None
    assert found["mapping"]["Status"] == "status"
    assert found["unknown_stage_values"] == {}
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, revenue_current FROM clients "
                                    "ORDER BY name") == [
        ("Ethan Cole", "awareness", None), ("Liam Brooks", "purchase", 450.0),
        ("Mia & Noah Scott", "purchase", 2100.0), ("Olivia Hart", "purchase", 450.0),
        ("Sophie Turner", "purchase", 3200.0)]
    assert cli_funnel(tmp_path) == [5, 4, 4, 0, 0]


def test_an_event_planners_events_held_are_purchases(tmp_path):
    """Harper's birthday and Acme's party were held, Jo & Sam signed their contract,
    Riverside has a proposal, Mel asked, Tom went elsewhere: [6, 4, 3, 0, 0] (was
    [6, 2, 1, 0, 0], 'Event held' (2) waiting to be mapped); the "Event" column names
    each event (kept as extra) and "Budget" is money to come."""
    found = cli_import_text(tmp_path, "events 2025.csv", (
        "Client,Email,Event,Event Date,Guests,Budget,Status,Lead Source\n"
        "Harper Lane,harper@lanefamily.com,Lane 50th birthday,2024-05-18,80,\"$12,000\","
        "Event held,Instagram\n"
        "Acme Pty Ltd,events@acme.com.au,Acme end of year party,2024-12-06,150,\"$28,500\","
        "Event held,Referral\n"
        "Jo & Sam Price,jo.price@gmail.com,Price wedding,2025-04-12,120,\"$45,000\","
        "Contract signed,The Knot\n"
        "Riverside School,pta@riverside.edu.au,Spring gala,2025-09-27,300,\"$18,000\","
        "Proposal sent,Website\n"
        "Mel Ortiz,mel.ortiz@gmail.com,Ortiz engagement party,,,,Enquiry,Instagram\n"
        "Tom Fenwick,tom.fenwick@gmail.com,Fenwick wedding,2025-03-01,90,\"$30,000\",Lost,"
        "Website\n"))
    assert found["kind"] == "clients"
    assert found["mapping"]["Event"] is None
    assert found["unknown_stage_values"] == {}
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, outcome FROM clients "
                                    "ORDER BY name") == [
        ("Acme Pty Ltd", "purchase", None), ("Harper Lane", "purchase", None),
        ("Jo & Sam Price", "purchase", None), ("Mel Ortiz", "awareness", None),
        ("Riverside School", "consideration", None), ("Tom Fenwick", "awareness", "lost")]
    assert cli_funnel(tmp_path) == [6, 4, 3, 0, 0]


def test_a_celebrant_without_booking_words_still_reads_married(tmp_path):
    """A stage column of Lead, Confirmed, Married (no "Booked" or "Enquiry"): Ann & Tom
    married, a purchase; Confirmed says nothing on its own here (a lead confirmed), so
    waits to be mapped as before: [3, 1, 1, 0, 0]."""
    found = cli_import_text(tmp_path, "celebrant.csv", ("Couple,Stage,Wedding date\n"
                                                        "Ann & Tom Fox,Married,2025-03-01\n"
                                                        "Bo & Cy Lee,Confirmed,2025-09-01\n"
                                                        "Di & Ed Ray,Lead,\n"))
    assert found["unknown_stage_values"] == {"Confirmed": 1}
    assert cli_funnel(tmp_path) == [3, 1, 1, 0, 0]


@pytest.mark.parametrize("name", ["shoots2024.csv", "jobs.csv"])
def test_a_photographers_jobs_log_reads_shoots_done_as_sales(tmp_path, name):
    """A log of shoots, Sophie twice: her engagement photos delivered (450) and her wedding
    shot (3,200), Liam's headshots shot (250), Olivia's family shoot booked, nothing paid:
    3 sales of 3,900, Olivia a contact to come; Sophie bought twice: [3, 3, 2, 1, 0] (was
    4 contacts, the status unread, [3, 1, 0, 0, 0], where the file's name says no jobs;
    "jobs.csv" read 'Shoot done' as a sale only as its unknown rows)."""
    found = cli_import_text(tmp_path, name, (
        "Client,Email,Date,Job,Amount,Status\n"
        "Sophie Turner,sophie.t@gmail.com,2024-03-02,Engagement shoot,450,Delivered\n"
        "Sophie Turner,sophie.t@gmail.com,2024-06-15,Wedding,3200,Shoot done\n"
        "Liam Brooks,liam.brooks@yahoo.com,2024-08-02,Headshots,250,Shoot done\n"
        "Olivia Hart,olivia.hart@gmail.com,2025-01-18,Family,450,Booked\n"))
    assert not any("Journey does not know" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 3900.0)
    assert cli_funnel(tmp_path) == [3, 3, 2, 1, 0]


def test_married_beside_single_and_delivered_beside_opened_stay_unknown(tmp_path):
    """Must not fire: a broker's clients whose "Status" is their marital status (Married,
    Single, Divorced) and a mailing's recipients whose "Status" is the message's
    (Delivered, Opened, Bounced) bought nothing: every value waits to be mapped as before,
    [4, 0, 0, 0, 0] each."""
    broker = tmp_path / "broker"
    broker.mkdir()
    found = cli_import_text(broker, "clients.csv", ("Client,Email,Status,Policy\n"
                                                    "Ann Fox,ann@x.com,Married,Home\n"
                                                    "Bob Lee,bob@x.com,Single,Car\n"
                                                    "Cy Dee,cy@x.com,Divorced,Life\n"
                                                    "Di Ray,di@x.com,Married,Car\n"))
    assert found["unknown_stage_values"] == {"Married": 2, "Divorced": 1, "Single": 1}
    assert cli_funnel(broker) == [4, 0, 0, 0, 0]
    mailing = tmp_path / "mailing"
    mailing.mkdir()
    found = cli_import_text(mailing, "recipients.csv", ("Name,Email,Status,Opens\n"
                                                        "Ann Fox,ann@x.com,Delivered,2\n"
                                                        "Bob Lee,bob@x.com,Opened,1\n"
                                                        "Cy Dee,cy@x.com,Bounced,0\n"
                                                        "Di Ray,di@x.com,Delivered,0\n"))
    assert found["unknown_stage_values"] == {"Delivered": 2, "Opened": 1}
    assert cli_funnel(mailing) == [4, 0, 0, 0, 0]


def test_an_event_type_of_kinds_is_still_the_kind(tmp_path):
    """Must not fire: a log whose "Event Type" names what happened (Purchase, Complaint,
    Referral): Ann bought (40) and complained, Bob bought (25) and referred a friend:
    2 purchases of 65; Bob's referral takes him to advocacy, through retention:
    [2, 2, 2, 1, 1]."""
    found = cli_import_text(tmp_path, "log.csv", ("Customer,Date,Event Type,Amount\n"
                                                  "Ann Fox,2025-03-01,Purchase,40\n"
                                                  "Ann Fox,2025-03-04,Complaint,\n"
                                                  "Bob Lee,2025-03-02,Purchase,25\n"
                                                  "Bob Lee,2025-03-09,Referral,\n"))
    assert found["mapping"]["Event Type"] == "kind"
    assert kind_totals(tmp_path, "purchase") == (2, 65.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 1]


# --- 2. A member who cancelled a membership paid for ----------------------------------------

def test_a_gym_member_who_cancelled_a_paid_membership_churned(tmp_path):
    """A studio's own sheet (no visits: no member-list profile): Bob cancelled his Silver
    membership beside Ann and Cy active, all three paid (Total paid 180, 60, 240): Bob is a
    customer who left, churned (was the outcome cancelled, the note saying churned); Dan
    signed up and cancelled before paying anything (0): a membership called off, cancelled,
    no customer. [4, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "export.csv", ("Member ID,Name,Status,Membership,Joined,"
                                                     "Total paid\n"
                                                     "M1,Ann Fox,Active,Gold,2025-01-02,180\n"
                                                     "M2,Bob Lee,Cancelled,Silver,2025-01-03,60\n"
                                                     "M3,Cy Dee,Active,Gold,2025-01-04,240\n"
                                                     "M4,Dan Ray,Cancelled,Gold,2025-03-01,0\n"))
    assert any("3 clients with more than 0 in 'Total paid' were read as customers" in note
               for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, status, outcome FROM clients "
                                    "ORDER BY name") == [
        ("Ann Fox", "purchase", "active", None), ("Bob Lee", "purchase", "churned", "churned"),
        ("Cy Dee", "purchase", "active", None), ("Dan Ray", "awareness", "cancelled", "cancelled")]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_member_list_with_visits_reads_cancelled_as_churned_as_before(tmp_path):
    """The member-list profile (a last visit given) already read a paid membership
    cancelled as churned: Bob the same as on the sheet without visits, [3, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "members.csv", ("Member Name,Membership,Status,Last Visit\n"
                                                      "Ann Fox,Gold monthly,Active,2025-03-01\n"
                                                      "Bob Lee,Silver monthly,Cancelled,"
                                                      "2025-02-01\n"
                                                      "Cy Dee,Gold monthly,Active,2025-03-02\n"))
    assert found["recognised_as"] == "member_list"
    assert workspace_rows(tmp_path, "SELECT name, outcome FROM clients ORDER BY name") == [
        ("Ann Fox", None), ("Bob Lee", "churned"), ("Cy Dee", None)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_booking_cancelled_before_it_was_paid_stays_cancelled(tmp_path):
    """Must not fire: a celebrant's couples, Booked, Enquiry and Cancelled (no "Active": no
    list of paying regulars): Bo & Cy called their booking off before a fee was set, the
    outcome cancelled; Ann & Tom booked (650), Di asked: [3, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "couples.csv", ("Couple,Ceremony date,Fee,Status\n"
                                              "Ann & Tom Fox,2025-06-14,650,Booked\n"
                                              "Bo & Cy Lee,2025-07-01,,Cancelled\n"
                                              "Di Ray,,,Enquiry\n"))
    assert workspace_rows(tmp_path, "SELECT name, outcome FROM clients ORDER BY name") == [
        ("Ann & Tom Fox", None), ("Bo & Cy Lee", "cancelled"), ("Di Ray", None)]
    assert cli_funnel(tmp_path) == [3, 1, 1, 0, 0]


# --- 3. Exports of kinds no test held -------------------------------------------------------

THINKIFIC_USERS = (
    "First Name,Last Name,Email,Date Created,Last Sign In,Sign In Count,Roles,Company,"
    "Enrollments,Total Revenue\n"
    "Hannah,Ito,hannah.ito@gmail.com,2024-01-05 14:22:11 UTC,2024-11-02 09:10:00 UTC,42,"
    "student,,2,$398.00\n"
    "Marcus,Reed,marcus.reed@outlook.com,2024-02-19 08:01:45 UTC,2024-03-01 18:30:12 UTC,3,"
    "student,,1,$0.00\n"
    "Olga,Petrova,olga.p@yandex.ru,2024-03-07 11:55:09 UTC,2024-09-14 20:41:33 UTC,17,"
    "student,Petrova Design,1,$199.00\n"
    "Ben,Carter,ben@mycourse.com,2023-11-01 10:00:00 UTC,2024-11-05 08:00:00 UTC,310,"
    "site admin,,0,$0.00\n")


def test_a_course_platforms_site_admin_is_no_student(tmp_path):
    """Thinkific's users: Ben, the "site admin", runs the school; Hannah (398) and Olga
    (199) bought, Marcus enrolled free: 3 students, [3, 2, 2, 0, 0], revenue 597 (was 4
    clients, Ben at awareness: [4, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "users.csv", THINKIFIC_USERS)
    assert found["rejected"] == 1
    assert [p["value"] for p in found["problems"]] == ["site admin"]
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, revenue_current FROM clients "
                                    "ORDER BY name") == [
        ("Hannah Ito", "purchase", 398.0), ("Marcus Reed", "awareness", 0.0),
        ("Olga Petrova", "purchase", 199.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_roles_of_a_clients_own_team_stay_clients(tmp_path):
    """Must not fire: a software business's users, each naming their company, "Roles"
    Admin or Member of their own team: all 3 are clients as before; Ann (1,200) and Cy
    (600) bought, Bob nothing: [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "users.csv", ("Name,Email,Company,Roles,Total Revenue\n"
                                                    "Ann Fox,ann@acme.com,Acme,Admin,1200\n"
                                                    "Bob Lee,bob@acme.com,Acme,Member,0\n"
                                                    "Cy Dee,cy@beta.io,Beta,Admin,600\n"))
    assert found["rejected"] == 0
    assert len(workspace_rows(tmp_path, "SELECT name FROM clients")) == 3
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


NOTION_CLIENTS = (
    "Name,Status,Email,Service,Project value,Start date,Tags,Created time\n"
    'Hannah Cole,Active client,hannah@colecreative.com,Brand identity,"$5,500",'
    '"October 1, 2024",Retainer,"September 20, 2024 3:12 PM"\n'
    'Marco Ruiz,Past client,marco@ruizarch.com,Website,"$3,000","March 4, 2024",,'
    '"February 12, 2024 10:05 AM"\n'
    'Owen Blake,Lead,owen@blakeco.com,Website,"$4,200",,Warm,"October 18, 2024 9:40 AM"\n'
    'Priya Nair,Proposal sent,priya@nairwellness.com,Brand identity,"$2,800",,,'
    '"October 10, 2024 1:00 PM"\n')


def test_a_freelancers_notion_board_reads_active_clients_and_project_values(tmp_path):
    """A designer's Notion board: Hannah is an "Active client" (5,500) and Marco a past one
    (3,000): both bought; Owen a lead and Priya sent a proposal, their projects' value to
    come (4,200 + 2,800). [4, 3, 2, 0, 0], revenue 8,500, potential 7,000 (was
    [4, 2, 1, 0, 0], 'Active client' waiting to be mapped and 'Project value' unread)."""
    found = cli_import_text(tmp_path, "Clients 2024.csv", NOTION_CLIENTS)
    assert found["unknown_stage_values"] == {}
    assert found["mapping"]["Project value"] == "revenue_potential"
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, revenue_current, "
                                    "revenue_potential FROM clients ORDER BY name") == [
        ("Hannah Cole", "purchase", 5500.0, None), ("Marco Ruiz", "purchase", 3000.0, None),
        ("Owen Blake", "awareness", None, 4200.0),
        ("Priya Nair", "consideration", None, 2800.0)]
    assert cli_funnel(tmp_path) == [4, 3, 2, 0, 0]


def test_an_agencys_projects_completed_are_purchases(tmp_path):
    """An agency's client list: Acme's project completed (12,000), Beta's in progress,
    Gamma quoted: Acme bought; Beta's work under way and Gamma's quote are consideration,
    as before: [3, 3, 1, 0, 0] (was [3, 2, 0, 0, 0], 'Project completed' waiting to be
    mapped)."""
    found = cli_import_text(tmp_path, "clients.csv", ("Client,Contact,Status,Contract value\n"
                                                      "Acme Ltd,Ann Fox,Project completed,"
                                                      "12000\n"
                                                      "Beta plc,Bob Lee,In progress,8000\n"
                                                      "Gamma & Co,Cy Dee,Quote sent,5000\n"))
    assert found["unknown_stage_values"] == {}
    assert cli_funnel(tmp_path) == [3, 3, 1, 0, 0]


CLINIKO_APPOINTMENTS = (
    "Appointment ID,Patient,Patient email,Practitioner,Business,Appointment type,"
    "Appointment start,Appointment end,Status,Cancellation reason,Invoice status,"
    "Invoice total\n"
    "880001,Rachel Green,rachel.green@gmail.com,Dr Sam Lee,Fitzroy Physio,Initial "
    "consultation,2024-09-02 09:00,2024-09-02 09:45,Arrived,,Paid,$110.00\n"
    "880002,David Nguyen,d.nguyen@bigpond.com,Dr Sam Lee,Fitzroy Physio,Initial "
    "consultation,2024-09-03 10:00,2024-09-03 10:45,Did not arrive,,,\n"
    "880003,Rachel Green,rachel.green@gmail.com,Dr Sam Lee,Fitzroy Physio,Standard "
    "consultation,2024-09-16 09:00,2024-09-16 09:30,Arrived,,Paid,$85.00\n"
    "880004,Helen Brooks,helen.brooks@optusnet.com.au,Jo Park,Fitzroy Physio,Initial "
    "consultation,2024-09-20 14:00,2024-09-20 14:45,Cancelled,Feeling unwell,,\n"
    "880005,Mark Tan,mark.tan@gmail.com,Jo Park,Fitzroy Physio,Initial consultation,"
    "2024-12-02 11:00,2024-12-02 11:45,Booked,,,\n")


def test_clinikos_did_not_arrive_is_a_no_show(tmp_path):
    """Cliniko's appointments: Rachel arrived twice (110 + 85), David "Did not arrive" (its
    no-show: a visit booked and missed, a contact at consideration; was a purchase, as an
    unknown status on a sheet of visits), Helen cancelled, Mark booked: 2 visits sold of 195,
    [4, 3, 1, 1, 0] (was 3 sales and [4, 3, 2, 1, 0])."""
    found = cli_import_text(tmp_path, "appointments.csv", CLINIKO_APPOINTMENTS)
    assert not any("Journey does not know" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 195.0)
    assert kind_totals(tmp_path, "cancellation") == (1, None)
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients "
                                    "ORDER BY name") == [
        ("David Nguyen", "consideration"), ("Helen Brooks", "awareness"),
        ("Mark Tan", "consideration"), ("Rachel Green", "retention")]
    assert cli_funnel(tmp_path) == [4, 3, 1, 1, 0]


def test_a_subscription_on_trial_is_no_sale(tmp_path):
    """Lemon Squeezy's subscriptions (headers as far as known), read as a log: Kim's
    "on_trial" has paid nothing, a contact (was a purchase, as an unknown status); Grace's
    active one a sale. (Ivan's cancelled and Leo's expired subscriptions, paid before, are
    not read as paid: see the session's report.)"""
    cli_import_text(tmp_path, "subscriptions.csv", (
        "ID,Customer ID,Order ID,Product Name,User Name,User Email,Status,Cancelled,"
        "Trial Ends At,Created At\n"
        "101,5001,9001,Pro Plan,Grace Hall,grace@hall.dev,active,false,,"
        "2024-06-01T00:00:00Z\n"
        "103,5003,9003,Pro Plan,Kim Lee,kim@lee.me,on_trial,false,2024-11-10T00:00:00Z,"
        "2024-10-27T00:00:00Z\n"))
    assert workspace_rows(tmp_path, "SELECT c.name, e.kind FROM events e JOIN clients c "
                                    "ON c.id = e.client_ref ORDER BY c.name") == [
        ("Grace Hall", "purchase"), ("Kim Lee", "contact")]


SETMORE_CUSTOMERS = (
    "Customer Name,Email,Phone,City,State,Comments,Total Appointments,Upcoming Appointments,"
    "Last Appointment,Created Date\n"
    "Alice Wong,alice.wong@gmail.com,+1 415 555 0101,San Francisco,CA,Prefers mornings,6,1,"
    "2024-10-12,2024-01-08\n"
    "Brian Cho,brian.cho@gmail.com,+1 415 555 0102,San Francisco,CA,,1,0,2024-04-03,"
    "2024-03-29\n"
    "Carla Diaz,carla.diaz@yahoo.com,+1 415 555 0103,Oakland,CA,,0,1,,2024-11-01\n")


def test_a_booking_systems_client_with_a_first_appointment_to_come_is_considering(tmp_path):
    """Setmore's customers: Alice had 6 appointments (a repeat customer), Brian 1, Carla
    none yet and 1 to come: she booked a time, consideration (was awareness, the upcoming
    count unread). [3, 3, 2, 1, 0] (was [3, 2, 2, 1, 0])."""
    found = cli_import_text(tmp_path, "customers.csv", SETMORE_CUSTOMERS)
    assert ("1 client with an appointment or a booking to come in 'Upcoming Appointments' "
            "and none had yet was read as considering (consideration): a time booked, "
            "nothing bought yet.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients "
                                    "ORDER BY name") == [
        ("Alice Wong", "retention"), ("Brian Cho", "purchase"), ("Carla Diaz", "consideration")]
    assert cli_funnel(tmp_path) == [3, 3, 2, 1, 0]


def test_a_next_session_booked_is_considering_a_next_due_is_not(tmp_path):
    """A coach's list: Ann's "Next session" is booked (consideration), Bob has none:
    [2, 1, 0, 0, 0]. Must not fire: a groomer's "Next due" is a reminder, no booking: Bob's
    dog, never groomed, stays at awareness beside Ann who paid 45: [2, 1, 1, 0, 0]."""
    coach = tmp_path / "coach"
    coach.mkdir()
    cli_import_text(coach, "clients.csv", ("Name,Email,Lead source,Next session\n"
                                           "Ann Fox,ann@x.com,Instagram,2025-05-01\n"
                                           "Bob Lee,bob@x.com,Google,\n"))
    assert cli_funnel(coach) == [2, 1, 0, 0, 0]
    groomer = tmp_path / "groomer"
    groomer.mkdir()
    cli_import_text(groomer, "dogs.csv", ("Pet,Owner,Email,Last groom,Next due,Price\n"
                                          "Rex,Ann Fox,ann@x.com,2025-01-10,2025-03-10,45\n"
                                          "Milo,Bob Lee,bob@x.com,,2025-04-01,\n"))
    assert workspace_rows(groomer, "SELECT name, furthest_stage FROM clients "
                                   "ORDER BY name") == [
        ("Ann Fox", "purchase"), ("Bob Lee", "awareness")]
    assert cli_funnel(groomer) == [2, 1, 1, 0, 0]
