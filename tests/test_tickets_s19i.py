"""Support-ticket lists no help desk's profile knows (session 19, I): an owner's own ticket
log, or a help desk's in another language, was read as a list of clients or of plain
contacts: its ticket statuses became the client's status and stage ("Ouvert" read as
Active, a customer; "En cours de traitement" and "Em andamento" as consideration), or its
tickets all contacts with the subject dropped. Each sheet goes through the command line and
is checked against figures worked out by hand; beside them, sheets where the rule must not
fire.

- A ticket log is known by its columns and values, in English, Portuguese, Spanish, French
  and German: a ticket number ("Ticket #", "Chamado", "Nº incidencia", "Anfrage-Nr.",
  "Case number") beside a subject or a priority, or a subject beside a priority; a
  requester; no money; and a status of ticket states (Open, Pending, Solved; Aberto, Em
  andamento, Resolvido; Abierto, En curso, Resuelto; Ouvert, En cours, Résolu; Offen, In
  Bearbeitung, Gelöst). Its tickets are read as a help desk's: a complaint or a support
  contact by what each says, the requester the client (an organisation's, when a column
  names one), at awareness; the statuses stay on the tickets.
- Must not fire: a client list of courses ("Subject") with Open/Closed accounts; a lawyer's
  matters numbered by case with no subject or priority; an event's attendees by ticket
  number; a job list with a priority (and prices); a to-do list with no requester. A CRM's deals with Open/Won/Lost, a subject and
  a contact's e-mail are no help desk's tickets either (was: read as one, 3 contacts).
"""

from __future__ import annotations

import pytest

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


def _kinds(tmp_path) -> dict[str, int]:
    return dict(workspace_rows(tmp_path, "SELECT kind, COUNT(*) FROM events GROUP BY kind"))


def _kinds_by_ticket(tmp_path) -> dict[str, str]:
    return dict(workspace_rows(tmp_path, "SELECT order_id, kind FROM events"))


def _clients(tmp_path) -> list[tuple]:
    """Each client's name, furthest stage and status, by name."""
    return workspace_rows(tmp_path, "SELECT name, furthest_stage, status FROM clients "
                                    "ORDER BY name")


# --- an owner's own ticket log ----------------------------------------------------------------

OWN_LOG = (
    "Ticket #,Date,Customer,Email,Subject,Priority,Status\n"
    "1001,2024-04-02,Ann Lee,ann@lee.example,Can't log in to my account,High,Open\n"
    "1002,2024-04-03,Bo Chan,bo@chan.example,How do I change my billing address?,Low,Pending\n"
    "1003,2024-04-05,Ann Lee,ann@lee.example,Parcel arrived damaged,Urgent,Solved\n"
    "1004,2024-04-08,Cy Dunn,cy@dunn.example,Copy of invoice please,Normal,Closed\n")


def test_an_owners_own_ticket_log_is_read_as_tickets(tmp_path):
    """4 tickets from 3 requesters (Ann twice). By their words: 1001 (cannot log in) and
    1003 (arrived damaged) are complaints; 1002 (a question) and 1004 (an invoice copy)
    support contacts: 2 complaints, 2 contacts (was 4 contacts, the subject dropped). 3
    clients, all at awareness, none given a status: [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "support_log.csv", OWN_LOG)
    assert found["recognised_as"] == "ticket_list"
    assert found["explanation"].startswith(
        "Recognised as a list of support tickets (each status is its ticket's, not a "
        "client's stage or status): 4 tickets from 3 requesters (by e-mail, case ignored)")
    assert _kinds_by_ticket(tmp_path) == {"1001": "complaint", "1002": "contact",
                                          "1003": "complaint", "1004": "contact"}
    assert _clients(tmp_path) == [("Ann Lee", "awareness", None),
                                  ("Bo Chan", "awareness", None),
                                  ("Cy Dunn", "awareness", None)]
    assert workspace_rows(tmp_path, "SELECT note, status FROM events WHERE order_id = '1002'"
                          ) == [("How do I change my billing address?", "Pending")]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_log_without_ticket_numbers_is_known_by_its_subject_and_priority(tmp_path):
    """No ticket number, but a subject beside a priority and ticket states (Open, Waiting on
    customer, Solved): 3 tickets from 2 requesters. "Order arrived broken" a complaint;
    "Question about sizes" and "Thanks - all sorted now" contacts (was 3 contacts, the
    subject dropped). [2, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "helpdesk_log.csv", (
        "Opened,Customer,Email,Subject,Priority,Status\n"
        "2024-07-01,Dee Park,dee@park.example,Order arrived broken,High,Open\n"
        "2024-07-02,Eli Ford,eli@ford.example,Question about sizes,Low,Waiting on customer\n"
        "2024-07-04,Dee Park,dee@park.example,Thanks - all sorted now,Low,Solved\n"))
    assert found["recognised_as"] == "ticket_list"
    assert _kinds(tmp_path) == {"complaint": 1, "contact": 2}
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


# --- in other languages -----------------------------------------------------------------------

IN_LANGUAGES = {
    "portuguese": ("chamados.csv",
                   "Chamado;Data;Cliente;E-mail;Assunto;Prioridade;Situação\n"
                   "501;03/02/2026;Ana Souza;ana@email.com.br;Erro no login;Alta;Aberto\n"
                   "502;04/02/2026;Bruno Lima;bruno@email.com.br;Dúvida sobre a fatura;Média;"
                   "Em andamento\n"
                   "503;05/02/2026;Carla Dias;carla@email.com.br;Produto com defeito;Alta;"
                   "Resolvido\n"
                   "504;06/02/2026;Ana Souza;ana@email.com.br;Alterar endereço de entrega;"
                   "Baixa;Fechado\n",
                   {"501": "complaint", "502": "contact", "503": "complaint",
                    "504": "contact"}, ("502", "Em andamento")),
    "spanish": ("incidencias.csv",
                "Nº incidencia;Fecha;Cliente;Correo;Asunto;Prioridad;Estado\n"
                "IN-20;10/03/2025;Lucía Gómez;lucia@correo.es;Pedido roto al llegar;Alta;"
                "Abierto\n"
                "IN-21;11/03/2025;Pablo Ruiz;pablo@correo.es;¿Cómo cambio mi contraseña?;"
                "Baja;En curso\n"
                "IN-22;12/03/2025;Marta Sanz;marta@correo.es;Solicitud de factura;Media;"
                "Resuelto\n"
                "IN-23;14/03/2025;Pablo Ruiz;pablo@correo.es;Cobro duplicado, quiero un "
                "reembolso;Alta;Cerrado\n",
                {"IN-20": "complaint", "IN-21": "contact", "IN-22": "contact",
                 "IN-23": "complaint"}, ("IN-21", "En curso")),
    "french": ("tickets.csv",
               "Ticket,Date,Client,Email,Objet,Priorité,Statut\n"
               "T-1,2026-03-02,Julie Martin,julie@x.fr,Erreur de connexion,Haute,Ouvert\n"
               "T-2,2026-03-03,Marc Petit,marc@x.fr,Question sur la facture,Basse,En cours\n"
               "T-3,2026-03-04,Sophie Durand,sophie@x.fr,Colis endommagé,Haute,Résolu\n"
               "T-4,2026-03-06,Julie Martin,julie@x.fr,Changer mon adresse,Normale,Fermé\n",
               {"T-1": "complaint", "T-2": "contact", "T-3": "complaint", "T-4": "contact"},
               ("T-2", "En cours")),
    "german": ("anfragen.csv",
               "Anfrage-Nr.;Datum;Kunde;E-Mail;Betreff;Priorität;Status\n"
               "A-310;02.05.2025;Jonas Weber;jonas@web.de;Gerät defekt;Hoch;Offen\n"
               "A-311;03.05.2025;Lena Koch;lena@web.de;Frage zur Rechnung;Niedrig;"
               "In Bearbeitung\n"
               "A-312;05.05.2025;Jonas Weber;jonas@web.de;Lieferadresse ändern;Mittel;Gelöst\n"
               "A-313;07.05.2025;Paul Braun;paul@web.de;Passwort vergessen;Niedrig;"
               "Geschlossen\n",
               {"A-310": "complaint", "A-311": "contact", "A-312": "contact",
                "A-313": "contact"}, ("A-311", "In Bearbeitung")),
}


@pytest.mark.parametrize("language", IN_LANGUAGES)
def test_a_ticket_log_in_another_language_is_read_as_tickets(tmp_path, language):
    """4 tickets from 3 requesters in each (one writes twice), each at awareness with no
    status of its own: [3, 0, 0, 0, 0] (was 4 contacts, the subject dropped). By their
    words: Portuguese 501 (an error, said) and 503 (a defect) complaints, 502 (a doubt
    about the invoice) and 504 (change of address) contacts; Spanish IN-20 (broken on
    arrival) and IN-23 (a refund) complaints, IN-21 (a question) and IN-22 (an invoice
    asked for) contacts; French T-1 (an error) and T-3 (damaged) complaints, T-2 (a
    question) and T-4 (an address) contacts; German A-310 (defective) a complaint, the
    other three (a question, an address, a forgotten password) contacts. The status stays
    on its ticket."""
    name, text, kinds, in_progress = IN_LANGUAGES[language]
    found = cli_import_text(tmp_path, name, text)
    assert found["recognised_as"] == "ticket_list"
    assert _kinds_by_ticket(tmp_path) == kinds
    assert [stage for _, stage, _ in _clients(tmp_path)] == ["awareness"] * 3
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE status IS NOT NULL"
                          ) == [(0,)]
    ticket, status = in_progress
    assert workspace_rows(tmp_path, f"SELECT status FROM events WHERE order_id = '{ticket}'"
                          ) == [(status,)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


# --- an organisation's tickets ----------------------------------------------------------------

def test_a_case_log_with_an_organisation_is_the_organisations(tmp_path):
    """Cases numbered and with a subject and a priority: 4 cases of 3 contacts for 2
    organisations (Tom and Rita for Acme Ltd, Ian for Bolt plc). Each case is its
    organisation's, the writer its contact: 2 clients (was 3: Acme Ltd twice, keyed by Tom's
    and Rita's e-mails). C-1 (not working) and C-4 (keeps failing) complaints; C-2 (a
    question) and C-3 (an invoice question) contacts. [2, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "cases.csv", (
        "Case number,Opened,Contact,Contact email,Organisation,Subject,Priority,Status\n"
        "C-1,2024-06-03,Tom Hale,tom@acme.example,Acme Ltd,Server not working,High,Open\n"
        "C-2,2024-06-04,Rita Vo,rita@acme.example,Acme Ltd,How do I add a user?,Low,Closed\n"
        "C-3,2024-06-05,Ian Kerr,ian@bolt.example,Bolt plc,Invoice question,Medium,"
        "In progress\n"
        "C-4,2024-06-09,Tom Hale,tom@acme.example,Acme Ltd,Export keeps failing,High,"
        "Resolved\n"))
    assert found["recognised_as"] == "ticket_list"
    assert _kinds_by_ticket(tmp_path) == {"C-1": "complaint", "C-2": "contact",
                                          "C-3": "contact", "C-4": "complaint"}
    assert _clients(tmp_path) == [("Acme Ltd", "awareness", None),
                                  ("Bolt plc", "awareness", None)]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


# --- three tickets, each of another requester --------------------------------------------------

def test_three_tickets_of_three_requesters_are_no_client_list(tmp_path):
    """3 tickets, no requester twice, so nothing repeats: was read as a client list, Julie
    "Ouvert" (open) counted a customer and Marc "En cours de traitement" at consideration:
    [3, 2, 1, 0, 0]. Right: 3 tickets whose subjects (Connexion, Facture, Retour) speak of
    no complaint: 3 contacts, 3 clients at awareness, [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "Ticket,Date,Client,Email,Sujet,Statut\n"
        "T-1,2026-03-02,Julie Martin,julie@x.fr,Connexion,Ouvert\n"
        "T-2,2026-03-03,Marc Petit,marc@x.fr,Facture,En cours de traitement\n"
        "T-3,2026-03-04,Sophie Durand,sophie@x.fr,Retour,Résolu\n"))
    assert (found["kind"], found["recognised_as"]) == ("events", "ticket_list")
    assert _kinds(tmp_path) == {"contact": 3}
    assert _clients(tmp_path) == [("Julie Martin", "awareness", None),
                                  ("Marc Petit", "awareness", None),
                                  ("Sophie Durand", "awareness", None)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_three_chamados_are_no_client_list(tmp_path):
    """Was a client list, Bruno "Em andamento" at consideration: [3, 1, 0, 0, 0]. Right: 3
    tickets, 501 "Erro no login" (an error, said) a complaint, 502 (a doubt about an
    invoice) and 503 (an exchange) contacts; [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "chamados.csv", (
        "Chamado;Data;Cliente;E-mail;Assunto;Situação\n"
        "501;03/02/2026;Ana Souza;ana@email.com.br;Erro no login;Em aberto\n"
        "502;04/02/2026;Bruno Lima;bruno@email.com.br;Dúvida fatura;Em andamento\n"
        "503;05/02/2026;Carla Dias;carla@email.com.br;Troca;Resolvido\n"))
    assert found["recognised_as"] == "ticket_list"
    assert _kinds_by_ticket(tmp_path) == {"501": "complaint", "502": "contact",
                                          "503": "contact"}
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


# --- must not fire ----------------------------------------------------------------------------

def test_a_client_list_of_courses_with_open_and_closed_accounts_stays_clients(tmp_path):
    """Must not fire: a "Subject" (the course) and a Status of Open or Closed accounts, but
    no ticket number and no priority: a client list, as before. Amy and Cleo, open
    accounts paying a fee, are customers; no ticket is made."""
    found = cli_import_text(tmp_path, "students.csv", (
        "Student,Email,Subject,Status,Start date,Fee\n"
        "Amy Ross,amy@ross.example,Piano,Open,2024-01-08,120\n"
        "Ben Ode,ben@ode.example,Maths,Closed,2023-09-04,90\n"
        "Cleo Fry,cleo@fry.example,French,Open,2024-02-12,90\n"))
    assert (found["kind"], found["recognised_as"]) == ("clients", None)
    assert _kinds(tmp_path) == {}
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE furthest_stage = "
                                    "'purchase' ORDER BY name") == [("Amy Ross",),
                                                                    ("Cleo Fry",)]


def test_a_lawyers_matters_numbered_by_case_stay_clients(tmp_path):
    """Must not fire: "Case number" with Open and Closed, but no subject and no priority
    beside it (a matter is a lawyer's work, not a ticket): a client list, as before."""
    found = cli_import_text(tmp_path, "matters.csv", (
        "Case number,Client,Email,Matter,Status,Opened\n"
        "2024-001,Ann Lee,ann@lee.example,Conveyancing,Open,2024-01-10\n"
        "2024-002,Bo Chan,bo@chan.example,Will,Closed,2024-02-01\n"
        "2024-003,Cy Dunn,cy@dunn.example,Lease review,Open,2024-03-05\n"))
    assert (found["kind"], found["recognised_as"]) == ("clients", None)
    assert _kinds(tmp_path) == {}


def test_a_crms_deals_with_won_and_lost_are_no_tickets(tmp_path):
    """Must not fire: deals with a subject, a contact's e-mail, a creation date and Open,
    Won or Lost. Was read as a help desk's tickets: 3 contacts, no one won. Now no
    tickets: Bolt plc won its deal (a customer), Cove Co lost; 1 at purchase."""
    found = cli_import_text(tmp_path, "deals.csv", (
        "Deal,Company,Contact email,Value,Status,Created,Subject\n"
        "Website,Acme Ltd,tom@acme.example,5000,Open,2024-03-01,Website rebuild\n"
        "Logo,Bolt plc,ian@bolt.example,800,Won,2024-03-04,New logo\n"
        "SEO,Cove Co,sue@cove.example,1200,Lost,2024-03-09,SEO audit\n"))
    assert found["recognised_as"] is None
    assert "complaint" not in _kinds(tmp_path) and "contact" not in _kinds(tmp_path)
    assert workspace_rows(tmp_path, "SELECT name, status FROM clients WHERE furthest_stage "
                                    "= 'purchase' OR status = 'lost' ORDER BY name") == [
        ("Bolt plc", "Won"), ("Cove Co", "lost")]
    assert cli_funnel(tmp_path)[2] == 1


def test_an_events_attendees_by_ticket_number_are_no_ticket_log(tmp_path):
    """Must not fire: "Ticket #" numbering an event's tickets (General, VIP), with Open and
    Closed, but no subject and no priority: as before, 3 people, none a complaint."""
    found = cli_import_text(tmp_path, "attendees.csv", (
        "Ticket #,Name,Email,Ticket type,Status\n"
        "E1,Ann Lee,ann@lee.example,General,Open\n"
        "E2,Bo Chan,bo@chan.example,VIP,Closed\n"
        "E3,Cy Dunn,cy@dunn.example,VIP,Open\n"))
    assert found["recognised_as"] is None
    assert "complaint" not in _kinds(tmp_path)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(3,)]


@pytest.mark.parametrize("header", ["Job", "Subject"])
def test_a_job_list_with_a_priority_is_no_ticket_log(tmp_path, header):
    """Must not fire: jobs numbered "Job #", with a priority and Open, In progress, Closed
    (and, in one, a "Subject"), priced when done. J-3, closed at 450, is Cy's sale; J-1
    and J-2 contacts: 1 sale of 450, [3, 1, 1, 0, 0], as before."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        f"Job #,Date,Customer,{header},Priority,Status,Price\n"
        "J-1,2024-05-02,Ann Lee,Boiler service,High,Open,\n"
        "J-2,2024-05-03,Bo Chan,Leaking tap,Low,In progress,\n"
        "J-3,2024-05-06,Cy Dunn,New radiator,Normal,Closed,450\n"))
    assert found["recognised_as"] is None
    assert kind_totals(tmp_path, "purchase") == (1, 450.0)
    assert "complaint" not in _kinds(tmp_path)
    assert cli_funnel(tmp_path) == [3, 1, 1, 0, 0]


def test_a_to_do_list_with_no_requester_is_no_ticket_log(tmp_path):
    """Must not fire: the owner's own tasks (Task, Subject, Priority, Status, Assigned to)
    name no requester: kept as reference rows, as before; no client, no ticket."""
    found = cli_import_text(tmp_path, "tasks.csv", (
        "Task,Subject,Priority,Status,Assigned to,Due\n"
        "1,Order more boxes,High,Open,Sam,2024-05-02\n"
        "2,Update website,Low,In progress,Kim,2024-05-09\n"
        "3,File VAT return,High,Closed,Sam,2024-05-31\n"))
    assert (found["kind"], found["recognised_as"]) == ("reference", None)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]
