"""Misreadings earlier sessions noticed and left alone (session 17, B). Each sheet goes
through the command line and is checked against figures worked out by hand before
importing; beside each, where it matters, a sheet where the rule must not fire.

- A client list's one person written two ways ("💪 Sam Green", "sam green") with one phone
  number or e-mail address is one client.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, workspace_rows


# --- one person written two ways, one phone number ------------------------------------------

def test_a_name_written_two_ways_with_one_number_is_one_client(tmp_path):
    """Sam Green is written '💪 Sam Green' and 'sam green', with one number written two ways:
    one client. Clients: Sam, Ann = 2 (was 3), both bought (a price above 0)."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Phone,Last visit,Service,Price\n"
        "💪 Sam Green,07700 900123,2024-03-01,PT session,40\n"
        "sam green,07700900123,2024-03-15,PT session,40\n"
        "Ann Lee,07700 900456,2024-03-05,PT session,40\n"))
    assert ("1 client written more than one way with the same phone number or e-mail address "
            "was read as one person: 'sam green' (also '💪 Sam Green').") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_name_written_two_ways_with_one_address_is_one_client(tmp_path):
    """'Jo Black' and 'JO BLACK ⭐' with one e-mail address: one client (Jo Black), beside
    Ann: 2 clients, both leads."""
    cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Stage\n"
        "JO BLACK ⭐,jo@example.com,lead\n"
        "Ann Lee,ann@example.com,lead\n"
        "Jo Black,Jo@Example.com,lead\n"))
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Jo Black",)]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_alike_names_with_different_numbers_stay_two_clients(tmp_path):
    """'Sam Green' and '💪 Sam Green' with different numbers may be two people: 2 clients
    kept, and the import says the spellings were kept apart."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Phone\n"
        "Sam Green,07700 900123\n"
        "💪 Sam Green,07700 900999\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]
    assert any("each spelling was kept as a client of its own" in n for n in found["notes"])
