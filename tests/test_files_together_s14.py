"""Files of a clinic, a studio and a practice imported together, in every order: a
patient's or member's own number is the client's ID, a date of birth is no visit, and an
address a couple shares on an invoice list keys neither. Figures worked out by hand."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

MEMBERS = ("Member #,Name,Email,Phone,Membership,Status,Start date\n"
           "101,Jonathan Reyes,jon.reyes@gmail.com,0421 000 101,10-class pack,Active,04/01/2024\n"
           "102,Mia Chen,mia.chen@gmail.com,0421 000 102,Monthly unlimited,Active,05/01/2024\n"
           "103,Leo Chen,mia.chen@gmail.com,0421 000 103,Monthly unlimited,Active,05/01/2024\n"
           "104,Grace Kim,,0421 000 104,Drop-in,Active,07/01/2024\n")
ATTENDANCE = ("Date,Class,Member #\n05/01/2024,Vinyasa,101\n12/01/2024,Vinyasa,101\n"
              "06/01/2024,Yin,102\n06/01/2024,Yin,103\n07/01/2024,Hatha,104\n")
STRIPE = ("id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,"
          "Customer Email,Description\n"
          "ch_1,2024-01-04 10:00:00,180.00,0.00,aud,true,Paid,jon.reyes@gmail.com,Pack\n"
          "ch_2,2024-01-05 10:00:00,140.00,0.00,aud,true,Paid,mia.chen@gmail.com,Mia\n"
          "ch_3,2024-02-05 10:00:00,140.00,0.00,aud,true,Paid,mia.chen@gmail.com,Leo\n"
          "ch_4,2024-03-01 10:00:00,180.00,0.00,aud,true,Paid,Jon.Reyes@gmail.com,Pack\n")


def test_a_studios_member_numbers_key_its_members_in_every_order(tmp_path):
    """'Member #' is the member's number (the client ID), so the list is 4 members, not
    events keyed by e-mail that made Mia and Leo Chen, who share an address, one client;
    the attendance by member number is theirs. Stripe: Jonathan 180 + 180 (Jan, Mar:
    retention); the Chens' address, held by two members, is a payer of its own (140 + 140,
    Jan, Feb: retention), never Mia's or Leo's. 5 clients, funnel [5, 5, 5, 2, 0] (all
    active members: purchase), sales 4, 640. Before: 3 clients (the Chens one),
    [3, 2, 2, 2, 0], attendance kept as reference."""
    texts = {"members": MEMBERS, "attendance": ATTENDANCE, "stripe": STRIPE}
    for order in (("members", "attendance", "stripe"), ("stripe", "attendance", "members"),
                  ("attendance", "stripe", "members")):
        place = tmp_path / "-".join(order)
        place.mkdir()
        for name in order:
            cli_import_text(place, f"{name}.csv", texts[name])
        assert workspace_rows(place, "SELECT client_id, name, purchase_count, event_count "
                                     "FROM clients WHERE client_id GLOB '10*' "
                                     "ORDER BY client_id") == [
            ("101", "Jonathan Reyes", 2, 4), ("102", "Mia Chen", 0, 1),
            ("103", "Leo Chen", 0, 1), ("104", "Grace Kim", 0, 1)], order
        assert cli_funnel(place) == [5, 5, 5, 2, 0], order
        assert kind_totals(place, "purchase") == (4, 640.0), order


PATIENTS = ("Patient ID,Title,First Name,Last Name,Date of Birth,Mobile,Email\n"
            "1001,Mr,Jonathan,Smith,12/04/1980,0412 345 678,jon.smith@gmail.com\n"
            "1002,Mrs,Mary,O'Brien,03/09/1975,0413 111 222,obriens@bigpond.com\n"
            "1003,Mr,Patrick,O'Brien,22/11/1973,0413 111 333,obriens@bigpond.com\n")


def test_a_patient_list_with_dates_of_birth_is_a_list_of_patients(tmp_path):
    """'Patient ID' is the client ID and 'Date of Birth' no date of anything that
    happened: the sheet is 3 patients (before: 6 rows of events dated by birth, keyed by
    e-mail, the O'Briens one client), none with a first contact in 1980 or 1973."""
    found = cli_import_text(tmp_path, "patients.csv", PATIENTS)
    assert found["kind"] == "clients"
    assert found["mapping"]["Date of Birth"] is None
    assert workspace_rows(tmp_path, "SELECT client_id, name, first_contact, event_count "
                                    "FROM clients ORDER BY client_id") == [
        ("1001", "Jonathan Smith", None, 0), ("1002", "Mary O'Brien", None, 0),
        ("1003", "Patrick O'Brien", None, 0)]


INVOICES = ("ContactName,EmailAddress,InvoiceNumber,InvoiceDate,Description,Total,Status\n"
            "Jonathan Smith,jon.smith@gmail.com,INV-0101,15/01/2024,Exam,$185.00,Paid\n"
            "Mary O'Brien,obriens@bigpond.com,INV-0102,16/01/2024,Clean,$165.00,Paid\n"
            "Patrick O'Brien,obriens@bigpond.com,INV-0103,16/01/2024,Clean,$155.00,Paid\n"
            "Jon Smith,JON.SMITH@gmail.com,INV-0105,15/07/2024,Clean,$165.00,Paid\n")


def test_invoices_to_a_couples_address_are_each_partners(tmp_path):
    """An invoice list keyed by e-mail gives obriens@bigpond.com to Mary and to Patrick
    O'Brien: the address is neither's key, each invoice its name's, so Mary has 165 and
    Patrick 155. Jonathan's two invoices ('Jon Smith' begins no other first name: his)
    stay his: 185 + 165 (Jan, Jul: retention). In both orders 3 clients, funnel
    [3, 3, 3, 1, 0], sales 4, 670. Before: one client 'Patrick O'Brien' with both
    invoices (320), beside the patients Mary and Patrick with none: 4 clients."""
    for first, second in ((("patients", PATIENTS), ("invoices", INVOICES)),
                          (("invoices", INVOICES), ("patients", PATIENTS))):
        place = tmp_path / first[0]
        place.mkdir()
        for name, text in (first, second):
            cli_import_text(place, f"{name}.csv", text)
        assert workspace_rows(place, "SELECT client_id, purchase_count, revenue_events "
                                     "FROM clients ORDER BY client_id") == [
            ("1001", 2, 350.0), ("1002", 1, 165.0), ("1003", 1, 155.0)], first[0]
        assert cli_funnel(place) == [3, 3, 3, 1, 0], first[0]
        assert kind_totals(place, "purchase") == (4, 670.0), first[0]
