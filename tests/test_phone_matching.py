"""Clients found by their phone number across files: one reading of a number
(``values.phone_keys``), matching by a number exactly one client holds (after the e-mail,
before the name), appointments by mobile alone making clients of their numbers that a later
client list finds and joins, with exact undo. Hand-worked figures in each docstring,
through the command line."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import (
    cli_funnel, cli_import_text, cli_undo, run_cli, workspace_rows, workspace_state)
from journey.values import phone_country, phone_keys, said_country


def _keys(numbers, country=None) -> list:
    return phone_keys(pd.Series(numbers, dtype=object), phone_country(country)).tolist()


@pytest.mark.parametrize("country, numbers, key", [
    ("GB", ["+44 7700 900123", "07700 900123", "(07700) 900-123", "7700900123",
            "0044 7700 900123", "+44 (0)7700 900123", "447700900123", "07700 900123 ext. 12",
            7700900123.0], "447700900123"),
    ("US", ["+1 (415) 555-0123", "(415) 555-0123", "1-415-555-0123", "415.555.0123 x204"],
     "14155550123"),
    ("AU", ["+61 412 345 678", "0412 345 678", "0412345678"], "61412345678"),
    ("DE", ["+49 30 1234567", "030 1234567", "+49 (0)30 1234567"], "49301234567"),
    ("ES", ["+34 612 34 56 78", "612 345 678", "0034 612345678", "34612345678"], "34612345678"),
    ("IN", ["+91 98450 12345", "098450 12345", "98450 12345", "919845012345"], "919845012345"),
    ("IT", ["+39 06 1234 5678", "06 1234 5678"], "390612345678"),
])
def test_one_number_written_many_ways_is_one_key(country, numbers, key):
    """Each way of writing the number gives the same key in its country's workspace."""
    assert _keys(numbers, country) == [key] * len(numbers)


def test_without_a_country_a_national_number_keeps_its_trunk_zero():
    """No country known: the national way keeps a "0" first, a key no number with a calling
    code has; numbers with a calling code are read by it; junk is no number."""
    assert _keys(["07700 900123", "(07700) 900-123", "7700900123", "+44 7700 900123",
                  "+61 7700 900 123", "n/a", "0000000000", "123", "1234567890", None, "",
                  "020 7946 0000 / 07700 900123", "07700 900123 (mum)"]) == [
        "07700900123", "07700900123", "07700900123", "447700900123", "617700900123",
        None, None, None, None, None, None, "02079460000", "07700900123"]
    assert said_country(pd.Series(["07700 900123", "+44 20 7946 0000", "+44 7700 900456",
                                   "+61 412 345 678"])) == ("44", "0")
    assert said_country(pd.Series(["+44 7700 900123", "+61 412 345 678"])) is None


APPOINTMENTS = ("Date,Time,Mobile,Service,Staff,Price,Status\n"
                "2024-03-02,10:00,07700 900101,Cut & Blow Dry,Jess,45.00,Completed\n"
                "2024-03-02,11:00,+44 7700 900102,Full Colour,Jess,85.00,Completed\n"
                "2024-04-06,10:00,(07700) 900-101,Cut & Blow Dry,Jess,45.00,Completed\n"
                "2024-04-13,14:00,07700 900104,Gents Cut,Sam,30.00,Completed\n"
                "2024-04-20,12:00,020 7946 0000,Gents Cut,Sam,30.00,Completed\n"
                "2024-04-27,15:00,n/a,Gents Cut,Jess,30.00,Completed\n")
PAYMENTS = ("Date,Transaction ID,Customer,Amount,Status\n"
            "2024-03-02,TX-1,Amy Clarke,45.00,Successful\n"
            "2024-03-02,TX-2,Beth Moss,85.00,Successful\n"
            "2024-04-06,TX-3,Amy Clarke,45.00,Successful\n")
CLIENTS = ("First Name,Last Name,Mobile,Email\n"
           "Amy,Clarke,07700 900101,amy@clarke.me\n"
           "Beth,Moss,07700 900102,\n"
           "Fay,Green,020 7946 0000,fay@greenco.uk\n"
           "Gus,Green,020 7946 0000,gus@greenco.uk\n")
# Every order: 6 clients: Amy (2 appointments, 2 payments: 2 sales, 90, retention),
# Beth (1 + 1: 1 sale, 85), Fay and Gus (none: the Greens' landline is neither's), the
# number 07700 900104 (30) and the landline's appointment (30). The walk-in's "n/a": no
# one's. An appointment and its payment on one day are two events of one client, and one
# sale (the same amount, day and client in two imports; they were two, 180 and 170).
SALON = [("Amy Clarke", 4, 2, 90.0), ("Beth Moss", 2, 1, 85.0), ("Fay Green", 0, 0, None),
         ("Gus Green", 0, 0, None), (None, 1, 1, 30.0), (None, 1, 1, 30.0)]


def _salon(place) -> list[tuple]:
    return workspace_rows(place, "SELECT name, event_count, purchase_count, revenue_events "
                                 "FROM clients ORDER BY name IS NULL, name, phone")


def test_appointments_by_mobile_then_the_list_join_each_client_once(tmp_path):
    """Appointments by mobile alone, then card payments by name, then the client list:
    "+44 7700 900102" says the numbers are British, so 07700 900102 is Beth's. Before:
    the appointments were reference rows (no client had a visit; revenue 175, the
    payments'). After: the list joins Amy's and Beth's numbers to their names; 6 clients;
    9 purchases, 265 (the appointments, the walk-in's too) + 175 = 440: both files' sales
    are counted, as only the business can say an appointment and a payment are one visit;
    funnel [6, 4, 4, 1, 0]. Undoing the list separates them again, exactly."""
    first = cli_import_text(tmp_path, "appointments.csv", APPOINTMENTS)
    assert first["kind"] == "events"
    assert workspace_rows(tmp_path, "SELECT client_key, name FROM clients "
                                    "ORDER BY client_key") == [
        ("phone:442079460000", None), ("phone:447700900101", None),
        ("phone:447700900102", None), ("phone:447700900104", None)]
    cli_import_text(tmp_path, "payments.csv", PAYMENTS)
    before = workspace_state(tmp_path)
    listed = cli_import_text(tmp_path, "clients.csv", CLIENTS)
    assert any("2 clients that earlier imports brought in twice" in n for n in listed["notes"])
    assert _salon(tmp_path) == SALON
    assert workspace_rows(tmp_path, "SELECT COUNT(*), SUM(amount) FROM events "
                                    "WHERE kind = 'purchase'") == [(9, 440.0)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE client_ref IS NULL"
                          ) == [(1,)]
    assert cli_funnel(tmp_path) == [6, 4, 4, 1, 0]
    cli_undo(tmp_path, listed["import_id"])
    assert workspace_state(tmp_path) == before


def test_the_salon_files_in_other_orders_give_the_same_clients(tmp_path):
    """The list first (the appointments find Amy and Beth by their numbers, the landline
    shared by two Greens is neither's and is said so), and the payments first."""
    texts = {"clients": CLIENTS, "appointments": APPOINTMENTS, "payments": PAYMENTS}
    for order, folder in ((("clients", "appointments", "payments"), "a"),
                          (("payments", "appointments", "clients"), "b")):
        place = tmp_path / folder
        place.mkdir()
        for name in order:
            result = cli_import_text(place, f"{name}.csv", texts[name])
            if folder == "a" and name == "appointments":
                assert any("1 phone number on this sheet is held by more than one client" in n
                           for n in result["notes"])
        assert _salon(place) == SALON, order
        assert cli_funnel(place) == [6, 4, 4, 1, 0]


def test_a_number_given_by_a_client_of_another_first_name_is_not_theirs(tmp_path):
    """A list (Tom Reed, 07700 900200), then bookings with a name and a number: Tom R. with
    Tom's number is Tom (the same first name); next week's Lily Reed with Tom's number (a
    parent's phone) is not given to Tom: a client of her own, and said. A sheet giving one
    number to both would give it to neither. 2 clients."""
    cli_import_text(tmp_path, "clients.csv", "Name,Mobile\nTom Reed,07700 900200\n")
    cli_import_text(tmp_path, "bookings.csv", "Date,Customer,Mobile,Service,Price\n"
                                              "2024-05-01,Tom R.,+44 7700 900200,Cut,20\n")
    booked = cli_import_text(tmp_path, "bookings2.csv", "Date,Customer,Mobile,Service,Price\n"
                                                        "2024-05-08,Lily Reed,07700900200,Cut,20\n")
    assert any("'Lily Reed'" in n and "another name" in n for n in booked["notes"])
    assert workspace_rows(tmp_path, "SELECT name, event_count FROM clients ORDER BY id") == [
        ("Tom Reed", 1), ("Lily Reed", 1)]


def test_the_workspace_country_reads_national_numbers(tmp_path):
    """An Indian clinic: patients with national mobiles, appointments by "Mobile No" only,
    nothing written with +91: without the country nothing says 98450 12345 and
    098450 12345 are one (the trunk 0 aside they are, so they match either way); with
    ``country=IN``, 919845012345 from a WhatsApp export is Asha's too. 2 clients."""
    cli_import_text(tmp_path, "patients.csv", "Patient Name,Mobile,Email\n"
                                              "Asha Rao,98450 12345,asha.rao@gmail.com\n"
                                              "Vikram Shah,098450 12346,\n")
    assert run_cli(tmp_path, "settings", "--workspace", str(tmp_path / "w.db"),
                   "country=IN").returncode == 0
    cli_import_text(tmp_path, "appointments.csv", "Date,Mobile No,Treatment,Fee\n"
                                                  "2024-06-03,919845012345,Physio,800\n"
                                                  "2024-06-04,9845012346,Consult,500\n"
                                                  "2024-06-05,0000000000,Consult,500\n")
    assert workspace_rows(tmp_path, "SELECT name, event_count FROM clients ORDER BY id") == [
        ("Asha Rao", 1), ("Vikram Shah", 1)]
