"""What a client list's blank cell clears, and undo putting back exactly that (session 24, C).

The rule (``ingest.save._Blanks``): a blank cell on a later client list clears a stored value
only when a client list wrote it (an owner's corrected list may clear what their earlier
list said), never a value another kind of import gave (a sales log's e-mail). It is the same
whether the row found its client by its key or by name under another key. The import's notes
say what the blanks cleared or left, with the values. Undoing an import leaves every client
and event as the remaining imports alone make them (``test_undo_s21c._rows``).

- A tracker matched by its name key keeps the e-mail the sales log gave (was: wiped); undo
  the log and the e-mail goes.
- The same list found by name under the log's e-mail key: the e-mail stays, as by key.
- Must not fire: a tracker's blank country clears the country the corrected list wrote.
- A profile list found by name under the log's key clears the tracker's stage text, as it
  does by key when the log is undone (was: kept after the undo).
- Undo the corrected list between a sales log and a tracker whose blank had cleared the
  corrected list's e-mail: the log's e-mail comes back (as log + tracker alone).
- Undo a profile list before a sales log and a tracker: the log's client ID stays.
- A payments list with no names (found by e-mail, it takes the client over under its
  customer ID) leaves the client's name key with its name (was: emptied it); undoing the
  corrected list before it and a tracker is then as payments + tracker alone.
"""

from __future__ import annotations

from conftest import cli_import_text, cli_undo, workspace_rows
from test_undo_s21c import _differences, _texts_undone_and_alone

LIST = "Client,Email,Stage,Country\nCafe Luna,,Customer,Spain\n"
LOG = "Date,Customer,Email,Amount,Order\n2024-02-10,Cafe Luna,luna@cafe.example,800,S-3\n"
CORRECTED = "Client,Email,Stage,Country\nCafe Luna,luna@cafe.example,Customer,Spain\n"
PROFILE = "Client,Phone,Region,Status\nCafe Luna,+34 600 111 222,Catalonia,Active\n"
KEPT = ("1 blank cell left the value another kind of import gave (a blank clears only what "
        "a client list wrote): Cafe Luna's email (luna@cafe.example).")


def _luna(place) -> list[tuple]:
    return workspace_rows(place, "SELECT client_key, email, country FROM clients")


def test_a_list_found_by_its_key_keeps_the_email_a_sales_log_gave(tmp_path):
    """List (Cafe Luna, no e-mail: name:cafe luna), sales log (Cafe Luna with her e-mail:
    found by name, it fills the e-mail), the list again: its blank e-mail meets the log's
    value, which no client list wrote, so it stays (was: None). Undo the log: the e-mail
    goes, as the list twice alone make it."""
    cli_import_text(tmp_path, "list.csv", LIST)
    cli_import_text(tmp_path, "log.csv", LOG)
    again = cli_import_text(tmp_path, "list2.csv", LIST)
    assert KEPT in again["notes"]
    assert _luna(tmp_path) == [("name:cafe luna", "luna@cafe.example", "Spain")]
    cli_undo(tmp_path, 2)
    assert _luna(tmp_path) == [("name:cafe luna", None, "Spain")]


def test_a_list_found_by_name_under_another_key_keeps_it_too(tmp_path):
    """Sales log first (Cafe Luna keyed by her e-mail), then the list (no e-mail, found by
    name): the e-mail stays, and the note says so, as when found by key."""
    cli_import_text(tmp_path, "log.csv", LOG)
    found = cli_import_text(tmp_path, "list.csv", LIST)
    assert KEPT in found["notes"]
    assert _luna(tmp_path) == [("id:luna@cafe.example", "luna@cafe.example", "Spain")]


def test_a_blank_clears_what_a_client_list_wrote(tmp_path):
    """Must not fire: the corrected list says Germany for Delta Freight, the tracker's
    country is blank: a client list wrote Germany, so the blank clears it (None), and the
    note says what it was."""
    cli_import_text(tmp_path, "corrected.csv",
                    "Client,Email,Country\nDelta Freight,d@delta.example,Germany\n")
    found = cli_import_text(tmp_path, "tracker.csv",
                            "Client,Email,Country\nDelta Freight,d@delta.example,\n")
    assert ("1 value cleared by blank cells (a client list had written it): Delta "
            "Freight's country (was Germany).") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT country FROM clients") == [(None,)]


def test_a_profile_list_found_by_name_clears_a_lists_stage_as_by_key(tmp_path):
    """Log (Cafe Luna by e-mail), tracker (Cafe Luna, Customer, found by name), profile
    list (Cafe Luna: phone, region, Active; no stage text); undo the log. Tracker + profile
    alone: the profile's row is the tracker's client by key, and its blank stage text
    clears the tracker's 'Customer' (a client list wrote it). Now the profile row found by
    name does the same, so the undo leaves stage_raw None (was 'Customer')."""
    undone, alone = _texts_undone_and_alone(
        tmp_path, {"log": LOG, "tracker": LIST, "profile": PROFILE}, 1)
    assert _differences(undone, alone) == []
    assert undone[("clients", "name:cafe luna")]["stage_raw"] is None


def test_undo_of_the_corrected_list_gives_back_the_logs_email(tmp_path):
    """Log (her e-mail), corrected list (the same e-mail: a client list now wrote it),
    tracker (blank e-mail: clears it); undo the corrected list. Log + tracker alone: the
    tracker's blank meets the log's e-mail and leaves it. So the undo gives luna@cafe.example
    back (was: None)."""
    undone, alone = _texts_undone_and_alone(
        tmp_path, {"log": LOG, "corrected": CORRECTED, "tracker": LIST}, 2)
    assert _differences(undone, alone) == []
    assert undone[("clients", "id:luna@cafe.example")]["email"] == "luna@cafe.example"


def test_undo_of_a_profile_list_keeps_the_logs_client_id(tmp_path):
    """Profile list (Cafe Luna: name:cafe luna), log (her e-mail: gives the client ID it
    does not write over a known client), tracker (blank e-mail and ID); undo the profile
    list. Log + tracker alone: the log makes id:luna@cafe.example with that client ID and
    the tracker's blank leaves it. Was: client ID and e-mail None."""
    undone, alone = _texts_undone_and_alone(
        tmp_path, {"profile": PROFILE, "log": LOG, "tracker": LIST}, 1)
    assert _differences(undone, alone) == []
    luna = undone[("clients", "id:luna@cafe.example")]
    assert (luna["client_id"], luna["email"]) == ("luna@cafe.example", "luna@cafe.example")


PAYMENTS = ("Created,Customer ID,Customer Email,Amount,Customer Segment\n"
            "2024-05-02,cus_001,emma@walsh.example,120,Retail\n")


def test_a_payments_list_without_names_leaves_the_name_key(tmp_path):
    """Corrected list ('Emma Walsh', her e-mail: id:emma@walsh.example), payments list
    (cus_001, the same e-mail, no name column: it takes the client over as id:cus_001):
    her name stays 'Emma Walsh' and so does its key 'emma walsh' (was None)."""
    cli_import_text(tmp_path, "corrected.csv",
                    "Client,Email,Stage\nEmma Walsh,emma@walsh.example,Lead\n")
    cli_import_text(tmp_path, "payments.csv", PAYMENTS)
    assert workspace_rows(tmp_path, "SELECT client_key, name, name_key FROM clients") == [
        ("id:cus_001", "Emma Walsh", "emma walsh")]


def test_undo_of_the_corrected_list_before_payments_and_a_tracker(tmp_path):
    """Corrected list ('Emma Walsh'), payments (cus_001 by her e-mail), tracker ('Emma',
    the same e-mail, found by e-mail under cus_001); undo the corrected list. Payments +
    tracker alone: id:cus_001 has no name, the tracker's 'Emma' writes 'Emma' and 'emma'.
    Was: the name key 'emma walsh' stayed beside the name 'Emma'."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "corrected": "Client,Email,Stage\nEmma Walsh,emma@walsh.example,Lead\n",
        "payments": PAYMENTS,
        "tracker": "Client,Email,Stage\nEmma,emma@walsh.example,Lead\n"}, 1)
    assert _differences(undone, alone) == []
    emma = undone[("clients", "id:cus_001")]
    assert (emma["name"], emma["name_key"]) == ("Emma", "emma")
