"""Misreadings left alone in earlier sessions, mended in session 14. Hand-worked figures in
each docstring, through the command line."""

from __future__ import annotations

import contextlib
import io

from conftest import cli_funnel, cli_import_text, workspace_rows


def test_a_quotes_number_is_no_amount(tmp_path):
    """Quotes numbered 1001-1003 (Sent, Accepted, Declined) with no money column: three
    quotes with no amount (before: amounts 1,001, 1,002 and 1,003, read from "Quote #",
    "Quote" being a quoted amount); beside "Quote Total", that is the amount (250, 400)."""
    cli_import_text(tmp_path, "quotes.csv", "Client,Email,Quote #,Quote date,Status\n"
                                            "Ann Lee,ann@x.com,1001,2024-03-01,Sent\n"
                                            "Bob Ray,bob@x.com,1002,2024-03-04,Accepted\n"
                                            "Cy Dee,cy@x.com,1003,2024-03-09,Declined\n")
    assert workspace_rows(tmp_path, "SELECT amount FROM events") == [(None,)] * 3
    assert cli_funnel(tmp_path) == [3, 3, 0, 0, 0]
    other = tmp_path / "totals"
    other.mkdir()
    cli_import_text(other, "quotes.csv", "Client,Quote #,Quote date,Quote Total,Status\n"
                                         "Ann Lee,1001,2024-03-01,250,Sent\n"
                                         "Bob Ray,1002,2024-03-04,400,Accepted\n")
    assert workspace_rows(other, "SELECT amount FROM events ORDER BY amount") == [
        (250.0,), (400.0,)]


def test_a_members_number_is_no_name(tmp_path):
    """A member list with "Member #" and e-mails but no name column: 3 members with IDs 1,
    2, 3, none named so (before: "Member #" was read as the name)."""
    cli_import_text(tmp_path, "members.csv", "Member #,Email,Joined\n1,ann@x.com,2024-01-05\n"
                                             "2,bob@x.com,2024-02-11\n3,cy@x.com,2024-03-20\n")
    assert workspace_rows(tmp_path, "SELECT client_id, name FROM clients ORDER BY id") == [
        ("1", None), ("2", None), ("3", None)]


def test_the_outcome_says_how_many_clients_were_joined(tmp_path):
    """Complaints by name (Ann Lee, Bob Stone), orders by e-mail, then a list with both on
    one row each: 2 clients updated and the 2 brought in twice joined into them, in the
    command's JSON, its printed line and the Import page's sentence (before: "2 clients
    updated" alone, the workspace going from 4 clients to 2)."""
    from journey.__main__ import main
    from journey.ingest import import_file
    from journey.ingest.review import outcome_sentence
    from journey.workspace import open_workspace

    cli_import_text(tmp_path, "complaints.csv", "Date,Customer,Complaint\n"
                                                "2026-03-02,Ann Lee,Late delivery\n"
                                                "2026-03-09,Bob Stone,Wrong size\n")
    cli_import_text(tmp_path, "orders.csv", "Order,Date,Email,Total\n"
                                            "1001,2026-02-20,ann@lee.com,40.00\n"
                                            "1002,2026-02-25,bob@stone.org,25.00\n")
    listed = "Name,Email\nAnn Lee,ann@lee.com\nBob Stone,bob@stone.org\n"
    (tmp_path / "list.csv").write_text(listed, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", str(tmp_path / "list.csv"), "--workspace",
                     str(tmp_path / "w.db")]) == 0
    assert "2 updated, 2 joined into others, 0 rejected." in out.getvalue()
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]

    other = open_workspace(tmp_path / "page.db")
    for name in ("complaints.csv", "orders.csv"):
        import_file(other, name, (tmp_path / name).read_bytes())
    (result,) = import_file(other, "list.csv", listed.encode())
    assert (result.updated, result.joined, result.as_dict()["joined"]) == (2, 2, 2)
    assert outcome_sentence([result], dry_run=False) == (
        "Imported 1 file: 2 clients updated, 2 clients found twice joined into others; "
        "no rows rejected.")


MEETUP = ("Name,Member ID,Title,Joined Group on,Meetups attended,Assistant Organizer\n"
          "Ben Cho,1002,Organizer,06/01/2022,14,Yes\n"
          "Ana Ruiz,1001,,01/10/2023,9,No\n"
          "Cy Dee,1003,,02/01/2024,0,No\n"
          "Dia Eng,1004,,11/05/2023,0,Yes\n"
          "Eli Fox,1005,,12/12/2023,2,No\n")


def test_the_people_who_run_a_group_are_no_clients(tmp_path):
    """A Meetup group's members: Ben is its Organizer (Title) and Dia an Assistant
    Organizer (a yes): 3 clients, 2 rows rejected with their reason (before: 5 clients,
    the business's own two among them)."""
    found = cli_import_text(tmp_path, "meetup_members.csv", MEETUP)
    assert (found["inserted"], found["rejected"]) == (3, 2)
    assert [(p["row"], p["value"]) for p in found["problems"]] == [(2, "Organizer"),
                                                                   (5, "Yes")]
    assert all("business's own people" in p["reason"] for p in found["problems"])
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ana Ruiz",), ("Cy Dee",), ("Eli Fox",)]


def test_a_communitys_admins_are_no_clients_but_a_contacts_owner_is(tmp_path):
    """A community's Role column (Admin, Moderator, Member x3): 3 clients. A contacts list
    whose Title says Owner, CEO, Manager: those are the clients' own titles, all 3 are
    clients. A list of hosts alone (every row Host) is imported as it is: 2 clients."""
    found = cli_import_text(tmp_path, "community.csv",
                            "Name,Email,Role\nAl,al@x.com,Admin\nBo,bo@x.com,Moderator\n"
                            "Cy,cy@x.com,Member\nDi,di@x.com,member\nEd,ed@x.com,Member\n")
    assert (found["inserted"], found["rejected"]) == (3, 2)
    contacts = tmp_path / "contacts"
    contacts.mkdir()
    found = cli_import_text(contacts, "contacts.csv",
                            "Name,Company,Email,Title\nAl Ng,Ng Bakery,al@ng.com,Owner\n"
                            "Bo Li,Li Ltd,bo@li.com,CEO\nCy Ho,Ho & Co,cy@ho.com,Manager\n")
    assert (found["inserted"], found["rejected"]) == (3, 0)
    hosts = tmp_path / "hosts"
    hosts.mkdir()
    found = cli_import_text(hosts, "hosts.csv", "Name,Email,Role\nAl,al@x.com,Host\n"
                                                "Bo,bo@x.com,Host\n")
    assert (found["inserted"], found["rejected"]) == (2, 0)


APPOINTMENTS = ("Appointment Date,Time,Patient ID,Patient,Appointment Type,Practitioner,Status\n"
                "15/01/2024,09:00,1001,Jon Smith,Exam,Dr Patel,Completed\n"
                "15/07/2024,09:00,1001,Jon Smith,Clean,Dr Patel,Completed\n"
                "20/02/2024,11:00,1002,Ann Lee,Crown prep,Dr Wong,Completed\n"
                "01/03/2024,09:30,1002,Ann Lee,Check,Dr Wong,Completed\n")
INVOICES = ("Patient ID,ContactName,InvoiceNumber,InvoiceDate,Total,Status\n"
            "1001,Jon Smith,INV-1,15/01/2024,185,Paid\n"
            "1001,Jon Smith,INV-2,15/07/2024,165,Paid\n"
            "1002,Ann Lee,INV-3,20/02/2024,1250,Paid\n")


def test_an_appointment_and_its_invoice_of_the_day_are_one_sale(tmp_path):
    """Appointments kept (no price) and the invoices that bill them, on the same days: Jon
    2 sales of 350 (15 Jan, 15 Jul), Ann 2 sales (20 Feb billed 1,250; 1 Mar not billed:
    a sale of no amount), in either order; revenue per purchase 175 and 625. Before: Jon
    4 purchases and Ann 3, each appointment counted beside its invoice."""
    for order in (("appointments.csv", "invoices.csv"), ("invoices.csv", "appointments.csv")):
        here = tmp_path / order[0].split(".")[0]
        here.mkdir()
        for name in order:
            cli_import_text(here, name, APPOINTMENTS if name == "appointments.csv" else INVOICES)
        assert workspace_rows(here, "SELECT name, purchase_count, purchase_days, revenue_events "
                                    "FROM clients ORDER BY name") == [
            ("Ann Lee", 2, 2, 1250.0), ("Jon Smith", 2, 2, 350.0)]
        assert cli_funnel(here) == [2, 2, 2, 2, 0]


def test_two_sales_of_one_day_on_one_sheet_stay_two(tmp_path):
    """An order list with two orders of Ann's on 3 March, one without an amount: 2 sales
    (one sheet's two rows are two things)."""
    cli_import_text(tmp_path, "orders.csv", "Order,Date,Customer,Email,Total\n"
                                            "1001,2024-03-03,Ann Lee,ann@x.com,40\n"
                                            "1002,2024-03-03,Ann Lee,ann@x.com,\n")
    assert workspace_rows(tmp_path, "SELECT purchase_count FROM clients") == [(2,)]


def test_work_done_at_a_price_is_read_by_its_status(tmp_path):
    """A salon's services (Date, Client, Service, Price, Status): Ann's cut 40 and Bob's
    colour 90 Completed are 2 sales of 130, Cy's Cancelled cut a cancellation, Di's Pending
    trim a contact (before: 4 contacts, "an amount alone makes no purchase")."""
    cli_import_text(tmp_path, "services.csv", "Date,Client,Service,Price,Status\n"
                                              "2024-03-01,Ann Lee,Cut,40.00,Completed\n"
                                              "2024-03-04,Bob Ray,Colour,90.00,Completed\n"
                                              "2024-03-09,Cy Dee,Cut,40.00,Cancelled\n"
                                              "2024-03-11,Di Fox,Trim,60.00,Pending\n")
    assert workspace_rows(tmp_path, "SELECT kind, COUNT(*), SUM(amount) FROM events "
                                    "GROUP BY kind ORDER BY kind") == [
        ("cancellation", 1, 40.0), ("contact", 1, 60.0), ("purchase", 2, 130.0)]


def test_a_task_list_or_an_enquiry_list_completed_is_no_sale(tmp_path):
    """A task list (Task, Due Date, Owner, Status Completed) has no price: no sales. An
    enquiry list (Date, Name, Service, Price, Status Completed) asks about services: its
    rows are no sales either."""
    cli_import_text(tmp_path, "tasks.csv", "Task,Due Date,Client,Status\n"
                                           "Call back,2024-03-01,Ann Lee,Completed\n"
                                           "Send quote,2024-03-02,Bob Ray,Completed\n")
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE kind = 'purchase'"
                          ) == [(0,)]
    other = tmp_path / "enquiries"
    other.mkdir()
    cli_import_text(other, "enquiries.csv", "Date,Client,Service,Price,Status\n"
                                            "2024-03-01,Ann Lee,Wedding flowers,900,Completed\n"
                                            "2024-03-04,Bob Ray,Bouquet,60,Completed\n")
    assert workspace_rows(other, "SELECT COUNT(*) FROM events WHERE kind = 'purchase'"
                          ) == [(0,)]


def test_stage_values_waiting_come_most_rows_first(tmp_path):
    """A tracker's unknown stages: Parked on 1 row, Pitching on 3, Nurture on 2. The values
    waiting to be mapped come most rows first (the Overview and the Import page list the
    first few): Pitching, Nurture, Parked (before: as the database grouped them)."""
    from journey.ingest import pending_stage_values
    from journey.workspace import open_workspace

    cli_import_text(tmp_path, "tracker.csv", "Customer ID,Deal stage\nC1,Parked\nC2,Pitching\n"
                                             "C3,Pitching\nC4,Pitching\nC5,Nurture\n"
                                             "C6,Nurture\n")
    db = open_workspace(tmp_path / "w.db")
    assert list(pending_stage_values(db).items()) == [("Pitching", 3), ("Nurture", 2),
                                                      ("Parked", 1)]
