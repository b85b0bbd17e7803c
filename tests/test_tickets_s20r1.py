"""Ticket logs the ``ticket_list`` profile still missed or misread (session 20, R1). Each
sheet goes through the command line and is checked against figures worked out by hand;
beside them, sheets where the rule must not fire.

- A log numbered only by "ID", with an "Issue" and no priority, none of its tickets
  resolved yet (Open, In progress, Waiting on customer) and a "Date reported": tickets
  when its issues read as problems, its statuses are two ticket states or more and its
  date says when the problem was reported (was a client list, Open read as a customer:
  [3, 2, 1, 0, 0]). Must not fire: a lawyer's matters by Issue (Divorce, Will), even with a
  "Date reported"; a plumber's jobs by Issue with the day they were booked; a repair
  shop's intake by "Date received"; a log whose tickets are all Open (one state: left
  alone, as before).
- An internal bug tracker (Issue, Assignee, Reporter who are staff, Status; no customer,
  no money) stays reference rows, and now says it is a bug tracker's; with the reporters'
  e-mails (of one domain), Jira's export and GitHub's issues it was read as clients with
  no name (keyed by e-mail or issue number), now reference rows too: no staff member
  becomes a client. Must not fire: a service desk's export (a "Request Type") or
  reporters of several e-mail domains.
- A ticket list's own columns are read as a help desk's are: an order number is the
  ticket's order (its ticket number then kept with it, as written), "Received via" or
  "Canal" its channel, a Department (or "Departamento") its department (were all kept only
  as extra columns, the ticket number taken as the order).
- Must not fire: an event's attendees by "Ticket #" with an order number and statuses a
  ticket could have (Open, Pending, Closed), but no subject and no priority.
"""

from __future__ import annotations

import json

from conftest import cli_funnel, cli_import_text, workspace_rows


def _events(tmp_path) -> list[tuple]:
    """Each event's kind, client, date, order, channel, department, status and note, by
    date."""
    return workspace_rows(tmp_path, "SELECT kind, c.name, date, order_id, e.channel, "
                                    "department, e.status, note FROM events e LEFT JOIN "
                                    "clients c ON c.id = e.client_ref ORDER BY date")


def _clients(tmp_path) -> list[tuple]:
    return workspace_rows(tmp_path, "SELECT name, furthest_stage, status FROM clients "
                                    "ORDER BY name")


# --- 1. an "ID" log of issues, none resolved yet ---------------------------------------------

REPORTED = (
    "ID,Customer,Issue,Status,Date reported\n"
    "1,Ann Lee,Parcel arrived damaged,Open,2024-04-02\n"
    "2,Bo Chan,Can't log in to my account,In progress,2024-04-03\n"
    "3,Cy Dunn,Wrong size sent,Waiting on customer,2024-04-05\n")


def test_an_id_log_of_reported_problems_none_resolved_is_a_ticket_list(tmp_path):
    """3 tickets of 3 requesters. Was a client list: Ann "Open" a customer, Bo "In
    progress" at consideration: [3, 2, 1, 0, 0]. Right: all three issues read as problems
    (damaged; cannot log in; a wrong size sent, said not asked): 3 complaints, each dated
    the day reported, its ID kept with it (not read as an order: a ticket with no customer
    would be joined to whoever bought order 1), the status staying on its ticket; 3 clients
    at awareness with no status: [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "support.csv", REPORTED)
    assert (found["kind"], found["recognised_as"]) == ("events", "ticket_list")
    assert _events(tmp_path) == [
        ("complaint", "Ann Lee", "2024-04-02", None, None, None, "Open",
         "Parcel arrived damaged"),
        ("complaint", "Bo Chan", "2024-04-03", None, None, None, "In progress",
         "Can't log in to my account"),
        ("complaint", "Cy Dunn", "2024-04-05", None, None, None, "Waiting on customer",
         "Wrong size sent")]
    assert workspace_rows(tmp_path, "SELECT extra FROM events ORDER BY date") == [
        ('{"ID": "1"}',), ('{"ID": "2"}',), ('{"ID": "3"}',)]
    assert _clients(tmp_path) == [("Ann Lee", "awareness", None), ("Bo Chan", "awareness", None),
                                  ("Cy Dunn", "awareness", None)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_longer_id_log_keeps_its_question_a_support_contact(tmp_path):
    """Ann writes again (4 tickets, 3 requesters), so the sheet was read as events before:
    4 plain contacts, the issue only a reason. Right: 3 complaints as above and Ann's
    "Question about my invoice" a support contact (3 of 4 issues read as problems, at
    least half); [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "support.csv", REPORTED
                            + "4,Ann Lee,Question about my invoice,Open,2024-04-08\n")
    assert found["recognised_as"] == "ticket_list"
    assert workspace_rows(tmp_path, "SELECT date, kind FROM events ORDER BY date") == [
        ("2024-04-02", "complaint"), ("2024-04-03", "complaint"), ("2024-04-05", "complaint"),
        ("2024-04-08", "contact")]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_lawyers_matters_with_a_date_reported_are_no_tickets(tmp_path):
    """Must not fire: ID, Client, Issue (Divorce, Will and probate, Boundary dispute), Open /
    In progress / Closed, even under "Date reported": no issue reads as a problem. A client
    list as before: Ben in progress (consideration), Ann's matter Open beside it a matter
    not done yet, no purchase (session 21; was read as an Active paying client, ranking
    the open matter above the one in progress and the closed one): [3, 1, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "matters.csv", (
        "ID,Client,Issue,Status,Date reported\n"
        "1,Ann Lee,Divorce,Open,2024-01-10\n"
        "2,Ben Ray,Will and probate,In progress,2024-02-01\n"
        "3,Cy Doe,Boundary dispute,Closed,2024-03-05\n"))
    assert (found["kind"], found["recognised_as"]) == ("clients", None)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events") == [(0,)]
    assert cli_funnel(tmp_path) == [3, 1, 0, 0, 0]


def test_a_plumbers_jobs_by_issue_booked_are_no_tickets(tmp_path):
    """Must not fire: ID, Customer, Issue ("Boiler not working" reads as a problem),
    Open / In progress / Closed, but dated when booked, not reported: a client list as
    before; [3, 1, 0, 0, 0] since session 21 (Ann's Open job beside Bo's In progress is a
    job not done yet, no longer an Active paying client at purchase: [3, 2, 1, 0, 0])."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "ID,Customer,Issue,Status,Date booked\n"
        "1,Ann Lee,Boiler not working,Open,2024-05-02\n"
        "2,Bo Chan,Leaking tap,In progress,2024-05-03\n"
        "3,Cy Dunn,Fit new radiator,Closed,2024-05-06\n"))
    assert found["recognised_as"] is None
    assert cli_funnel(tmp_path) == [3, 1, 0, 0, 0]


def test_a_repair_shops_intake_by_date_received_is_no_ticket_list(tmp_path):
    """Must not fire: a repair shop's intake (ID, Customer, Issue "Screen broken", "Water
    damage", Open / In progress / Waiting on customer) dated "Date received", which says
    when the thing was handed in, not when a problem was reported: read as before, 3
    dated contacts of 3 clients at awareness, [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "repairs.csv", (
        "ID,Customer,Issue,Status,Date received\n"
        "1,Ann Lee,Screen broken,Open,2024-05-02\n"
        "2,Bo Chan,Water damage,In progress,2024-05-03\n"
        "3,Cy Dunn,Battery not working,Waiting on customer,2024-05-06\n"))
    assert found["recognised_as"] is None
    assert workspace_rows(tmp_path, "SELECT kind, COUNT(*) FROM events GROUP BY kind"
                          ) == [("contact", 3)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_an_id_log_whose_tickets_are_all_open_is_left_alone(tmp_path):
    """Not fired, on purpose: one state only (all Open) is too little to tell tickets from a
    client list's accounts; read as before, 3 clients at purchase: [3, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "support.csv", (
        "ID,Customer,Issue,Status,Date reported\n"
        "1,Ann Lee,Parcel arrived damaged,Open,2024-04-02\n"
        "2,Bo Chan,Can't log in to my account,Open,2024-04-03\n"
        "3,Cy Dunn,Wrong size sent,Open,2024-04-05\n"))
    assert found["recognised_as"] is None
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 2. an internal bug tracker --------------------------------------------------------------

def _kept_as_issues(tmp_path, found: dict, issues: int, reporters: int) -> None:
    """The sheet was read as an issue tracker's: its rows reference rows, no client, no
    event, and said so."""
    assert (found["kind"], found["recognised_as"]) == ("reference", "issue_tracker")
    assert found["explanation"] == (
        "Recognised as an issue tracker's list (a bug tracker: Jira, Linear, GitHub): "
        f"{issues} issues reported by {reporters} people and assigned within the team, naming "
        "no customer: kept as reference rows, no one made a client.")
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events") == [(0,)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM reference_rows") == [(issues,)]
    assert [n for n in found["notes"] if "reference data" in n] == [
        f"Sheet '{found['sheet']}' is an issue tracker's list, so its rows were kept as "
        "reference data and do not appear as clients."]


def test_an_internal_bug_tracker_stays_reference_rows(tmp_path):
    """Issue, Assignee, Reporter (Sam, Kim, Lee: the team), Status, Created; no customer,
    no money: 3 reference rows, 0 clients, as before (then as rows with no client or event
    columns); now said to be a bug tracker's issues, reported by 3 people."""
    found = cli_import_text(tmp_path, "bugs.csv", (
        "Issue,Assignee,Reporter,Status,Created\n"
        "Login page crashes on Safari,Sam,Kim,Open,2024-05-02\n"
        "Export button misaligned,Kim,Sam,In progress,2024-05-03\n"
        "Typo on pricing page,Sam,Lee,Resolved,2024-05-06\n"))
    _kept_as_issues(tmp_path, found, 3, 3)


def test_a_bug_tracker_with_the_reporters_emails_makes_no_staff_a_client(tmp_path):
    """The same with an ID, a priority, a "Date reported" and each reporter's e-mail, all
    of the shop's own domain. Was 3 clients keyed by the staff's e-mails, with no name,
    Sam's "In progress" at consideration: [3, 1, 0, 0, 0]. Right: 3 reference rows, 0
    clients, [0, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "bugs.csv", (
        "ID,Issue,Priority,Status,Assignee,Reporter,Reporter email,Date reported\n"
        "1,Login page crashes on Safari,High,Open,Sam,Kim,kim@ourshop.example,2024-05-02\n"
        "2,Export button misaligned,Low,In progress,Kim,Sam,sam@ourshop.example,2024-05-03\n"
        "3,Typo on pricing page,Low,Resolved,Sam,Lee,lee@ourshop.example,2024-05-06\n"))
    _kept_as_issues(tmp_path, found, 3, 3)
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_a_jira_export_and_github_issues_are_no_clients(tmp_path):
    """Jira's export (Summary, Issue key, Issue id, Issue Type, Status, Priority, Assignee,
    Reporter, Created) was 3 nameless clients keyed by issue key, "In Progress" at
    consideration: [3, 1, 0, 0, 0]; GitHub's issues (number, title, state, author,
    assignees) 2 nameless clients keyed by issue number and 2 contacts. Right: reference
    rows, no client (3 issues of 3 reporters; 2 of 2)."""
    found = cli_import_text(tmp_path, "jira.csv", (
        "Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Reporter,Created\n"
        "Login page crashes on Safari,WEB-12,10012,Bug,To Do,High,Sam Patel,Kim Ode,"
        "02/May/24 9:14 AM\n"
        "Export button misaligned,WEB-13,10013,Bug,In Progress,Low,Kim Ode,Sam Patel,"
        "03/May/24 10:02 AM\n"
        "Add dark mode,WEB-14,10014,Story,Done,Medium,Sam Patel,Lee Wong,06/May/24 4:40 PM\n"))
    _kept_as_issues(tmp_path, found, 3, 3)
    github = tmp_path / "github"
    github.mkdir()
    found = cli_import_text(github, "issues.csv", (
        "number,title,state,author,assignees,labels,created_at\n"
        "41,Checkout button does nothing on mobile,open,kimode,sampatel,bug,"
        "2024-05-02T09:14:00Z\n"
        "42,Add gift wrapping option,closed,sampatel,kimode,enhancement,"
        "2024-05-03T10:02:00Z\n"))
    _kept_as_issues(github, found, 2, 2)


def test_a_service_desks_issues_and_customers_reports_are_no_bug_tracker(tmp_path):
    """Must not fire: Jira Service Management's export (its Reporter the customer, a
    "Request Type" beside), and a list whose reporters write from several e-mail domains
    (customers, not the team): neither is read as a bug tracker's."""
    found = cli_import_text(tmp_path, "service_desk.csv", (
        "Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Reporter,Created,"
        "Custom field (Request Type)\n"
        "Parcel arrived damaged,SUP-1,20001,Service Request,Open,High,Sam Patel,Ann Lee,"
        "2024-05-02,Report a problem\n"
        "How do I change my address?,SUP-2,20002,Service Request,Resolved,Low,Kim Ode,"
        "Bo Chan,2024-05-03,Get help\n"))
    assert found["recognised_as"] == "jira_service_desk"    # (session 21: its requests)
    customers = tmp_path / "customers"
    customers.mkdir()
    found = cli_import_text(customers, "reports.csv", (
        "Issue,Assignee,Reporter,Reporter email,Status,Created\n"
        "Site down,Sam,Ann,ann@gmail.example,Open,2024-05-02\n"
        "Broken link,Kim,Bo,bo@yahoo.example,Resolved,2024-05-03\n"))
    assert found["recognised_as"] is None


# --- 3. a ticket list's order number, channel and department ----------------------------------

def test_a_ticket_lists_order_channel_and_department_are_read(tmp_path):
    """Ticket #, Date, Customer, Email, Order number, Department, Subject, Received via,
    Status: 3 tickets of 2 requesters (Ann twice, by e-mail). T-101 (damaged) and T-103
    (a wrong size sent) complaints, T-102 (an invoice copy) a support contact. Was: each
    ticket's order its ticket number, the order number, department and channel only extra
    columns. Right: order ORD-5001..5003, channel Phone / Email / Web form, department
    Warehouse / Billing / Warehouse, the ticket number kept with its ticket;
    [2, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "Ticket #,Date,Customer,Email,Order number,Department,Subject,Received via,Status\n"
        "T-101,2024-06-03,Ann Lee,ann@lee.example,ORD-5001,Warehouse,Parcel arrived damaged,"
        "Phone,Open\n"
        "T-102,2024-06-04,Bo Chan,bo@chan.example,ORD-5002,Billing,Copy of invoice please,"
        "Email,Solved\n"
        "T-103,2024-06-06,Ann Lee,ann@lee.example,ORD-5003,Warehouse,Wrong size sent,"
        "Web form,Pending\n"))
    assert found["recognised_as"] == "ticket_list"
    assert found["mapping"] == {
        "Ticket #": None, "Date": "date", "Customer": "name", "Email": "email",
        "Order number": "order_id", "Department": "department", "Subject": "note",
        "Received via": "channel", "Status": "status"}
    assert _events(tmp_path) == [
        ("complaint", "Ann Lee", "2024-06-03", "ORD-5001", "Phone", "Warehouse", "Open",
         "Parcel arrived damaged"),
        ("contact", "Bo Chan", "2024-06-04", "ORD-5002", "Email", "Billing", "Solved",
         "Copy of invoice please"),
        ("complaint", "Ann Lee", "2024-06-06", "ORD-5003", "Web form", "Warehouse",
         "Pending", "Wrong size sent")]
    extras = workspace_rows(tmp_path, "SELECT extra FROM events ORDER BY date")
    assert [json.loads(extra)["Ticket #"] for extra, in extras] == ["T-101", "T-102", "T-103"]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_spanish_ticket_lists_pedido_canal_and_departamento_are_read(tmp_path):
    """Nº incidencia, Fecha, Cliente, Correo, Pedido, Departamento, Asunto, Prioridad,
    Canal, Estado: 2 tickets of 2 requesters. IN-1 ("Pedido roto al llegar": broken) a
    complaint, IN-2 (a question) a contact. Was: order IN-1 / IN-2 and Pedido and
    Departamento only extras (Canal was read). Right: order P-88 / P-89, department
    Logística / Ventas, channel Teléfono / Email; [2, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "incidencias.csv", (
        "Nº incidencia;Fecha;Cliente;Correo;Pedido;Departamento;Asunto;Prioridad;Canal;"
        "Estado\n"
        "IN-1;10/03/2025;Lucía Gómez;lucia@correo.es;P-88;Logística;Pedido roto al llegar;"
        "Alta;Teléfono;Abierto\n"
        "IN-2;11/03/2025;Pablo Ruiz;pablo@correo.es;P-89;Ventas;¿Cómo cambio mi "
        "contraseña?;Baja;Email;En curso\n"))
    assert found["recognised_as"] == "ticket_list"
    assert workspace_rows(tmp_path, "SELECT kind, order_id, department, channel FROM events "
                                    "ORDER BY date") == [
        ("complaint", "P-88", "Logística", "Teléfono"), ("contact", "P-89", "Ventas", "Email")]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_ticket_lists_group_and_via_are_read_as_a_help_desks(tmp_path):
    """"Group" and "Via", as a help desk's export names them: the ticket's department
    (Returns, Accounts) and channel (Chat, Phone), as the help desk's profile reads them
    (were extras). 2 tickets of 2 requesters: T-7 ("never arrived") a complaint, T-8 (a
    question) a contact; [2, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "Ticket #,Date,Customer,Subject,Priority,Group,Via,Status\n"
        "T-7,2024-06-03,Ann Lee,My parcel never arrived,High,Returns,Chat,Open\n"
        "T-8,2024-06-04,Bo Chan,Can I pay by bank transfer?,Low,Accounts,Phone,Solved\n"))
    assert found["recognised_as"] == "ticket_list"
    assert workspace_rows(tmp_path, "SELECT kind, order_id, department, channel FROM events "
                                    "ORDER BY date") == [
        ("complaint", "T-7", "Returns", "Chat"), ("contact", "T-8", "Accounts", "Phone")]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


# --- 4. an event's attendees by "Ticket #" --------------------------------------------------

def test_an_events_attendees_with_order_numbers_are_no_ticket_log(tmp_path):
    """Must not fire: "Ticket #" numbers an event's tickets, beside an order number and
    statuses a support ticket could have (Open, Pending, Closed), but no subject and no
    priority: no ticket list, no complaint; 3 people, as before."""
    found = cli_import_text(tmp_path, "attendees.csv", (
        "Ticket #,Order number,Attendee name,Email,Ticket type,Status\n"
        "E-1,O-77,Ann Lee,ann@lee.example,General,Open\n"
        "E-2,O-77,Bo Chan,bo@chan.example,VIP,Pending\n"
        "E-3,O-78,Cy Dunn,cy@dunn.example,General,Closed\n"))
    assert found["recognised_as"] is None
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE kind IN "
                                    "('complaint', 'contact')") == [(0,)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(3,)]


def test_a_tickets_number_never_ties_it_to_the_order_of_that_number(tmp_path):
    """R1's note: a ticket numbered 1001 with no requester was joined to Ann, who bought
    order 1001 (an order's number links its clientless refunds and lines to its buyer; a
    ticket's number is no order's). Now it stays without a client; the ticket with a
    requester keeps theirs. Orders: Ann 1001, Cy 1002; tickets 1001 (no one), 1003 Bob."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Customer,Email,Date,Total,Status\n1001,Ann Lee,ann@x.com,2024-01-05,50,Paid\n"
        "1002,Cy Tan,cy@x.com,2024-01-06,70,Paid\n"))
    cli_import_text(tmp_path, "tickets.csv", (
        "Ticket ID,Requester,Subject,Priority,Status,Created\n"
        "1001,,Printer jammed again,High,Open,2024-02-01\n"
        "1003,Bob Ray,Cannot log in,Low,Closed,2024-02-02\n"))
    assert workspace_rows(tmp_path, (
        "SELECT e.kind, e.order_id, c.name FROM events e LEFT JOIN clients c "
        "ON c.id = e.client_ref ORDER BY e.id")) == [
        ("purchase", "1001", "Ann Lee"), ("purchase", "1002", "Cy Tan"),
        ("contact", "1001", None), ("complaint", "1003", "Bob Ray")]
