"""Undo restores exactly what it undoes, also for the later rows it matches again (session
23, C2). A later import's row that had matched a client through a value the undone import
gave it (``journal._Undo.detach``) is saved again by its import's own rules
(``ingest.save._match_again``), under its import and recorded for it: after the undo, every
client and event is as the remaining imports alone make them (``test_undo_s21c._rows``:
every column but the ids, the clock and the import's own id), and undoing the row's own
import later takes its values back.

- A profile list's row that finds another client after the undo writes its phone, region
  and status there (was: only its events would have moved; its values were lost), and
  undoing the profile list after takes them back.
- A payments list's row judged to let go of its client (its key, a customer ID, is no
  e-mail or ID the client had) finds the same client again by e-mail: it keeps the ID, the
  segment and the purchase it gave (was: all three lost).
- The undo sentence (the command line's and the Import page's) names the rows that are now
  clients of their own and those that went to another client already there, with their
  file.
- Must not fire: a row matched by a name the undone import did not give stays as it is,
  with its values, and the sentence says nothing of it.
"""

from __future__ import annotations

from conftest import cli_import_text, cli_undo, run_cli
from test_undo_s21c import _differences, _rows, _texts_undone_and_alone

from journey.journal import Undone

TRACKER = "Client,Email,Stage,Country\nEmma,emma@walsh.example,Lead,Ireland\n"
CORRECTED = "Client,Email,Stage,Country\nEmma Walsh,emma@walsh.example,Lead,Ireland\n"
SALES = "Date,Customer,Email,Amount,Order\n2024-04-21,emma walsh,,90,S-5\n"
PROFILE = "Client,Phone,Region,Status\nEmma Walsh,+353 87 123 4567,Munster,Active\n"
PAYMENTS = ("Created,Customer ID,Customer Email,Amount,Customer Segment\n"
            "2024-05-02,cus_001,emma@walsh.example,120,Retail\n")


def _clients(rows: dict) -> dict:
    return {key: row for (table, key), row in rows.items() if table == "clients"}


def _import(place, texts: dict[str, str]) -> None:
    place.mkdir()
    for name, text in texts.items():
        cli_import_text(place, f"{name}.csv", text)


def test_a_profile_row_that_finds_another_client_writes_its_values_there(tmp_path):
    """Tracker ('Emma', her e-mail), corrected list ('Emma Walsh', the same e-mail), sales
    log ('emma walsh', no e-mail, S-5 for 90), profile list ('Emma Walsh' by name alone:
    phone, Munster, Active); undo the corrected list. Both later rows had found Emma by the
    name the corrected list gave her. Tracker, log and profile alone: the log's 'emma
    walsh' is no 'Emma' and gives no e-mail, so it makes name:emma walsh with S-5; the
    profile's 'Emma Walsh' is that key: it writes its phone, region and status there, and
    its name. 2 clients; Emma keeps no phone. Was: name:emma walsh made by the log, with
    no phone, region or status."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "tracker": TRACKER, "corrected": CORRECTED, "sales": SALES, "profile": PROFILE}, 2)
    assert _differences(undone, alone) == []
    clients = _clients(undone)
    assert sorted(clients) == ["id:emma@walsh.example", "name:emma walsh"]
    walsh = clients["name:emma walsh"]
    assert (walsh["name"], walsh["phone"], walsh["region"], walsh["status"], walsh["file"]) == (
        "Emma Walsh", "+353 87 123 4567", "Munster", "active", "sales.csv")
    assert (clients["id:emma@walsh.example"]["name"],
            clients["id:emma@walsh.example"]["phone"]) == ("Emma", None)


def test_undoing_the_profile_list_after_takes_its_values_back(tmp_path):
    """The same four, undo the corrected list, then the profile list (import 4): as tracker
    and log alone, name:emma walsh is the log's 'emma walsh' again, with no phone, region
    or status (the re-match was recorded for the profile list's import). Was: the values
    had never come; had they, nothing would have taken them back."""
    both, alone = tmp_path / "both", tmp_path / "alone"
    _import(both, {"tracker": TRACKER, "corrected": CORRECTED, "sales": SALES,
                   "profile": PROFILE})
    cli_undo(both, 2)
    cli_undo(both, 4)
    _import(alone, {"tracker": TRACKER, "sales": SALES})
    undone = _rows(both)
    assert _differences(undone, _rows(alone)) == []
    walsh = _clients(undone)["name:emma walsh"]
    assert (walsh["name"], walsh["phone"], walsh["region"], walsh["status"]) == (
        "emma walsh", None, None, None)


def test_a_row_that_finds_the_same_client_again_keeps_what_it_gave(tmp_path):
    """Tracker ('Emma', her e-mail), corrected list ('Emma Walsh'), a payments list by
    customer ID (cus_001), her e-mail, 120 and the segment Retail; undo the corrected list.
    The payments row was matched under id:cus_001, which is no ID or e-mail of hers, so it
    let go; matched again it finds her by e-mail, as tracker and payments alone: 1 client,
    keyed id:cus_001 with that client ID (she was known by her e-mail alone: the list's ID
    takes over), 'Emma', Retail, a customer (purchase: 120 in 'Amount'). Was: keyed by her
    e-mail, no segment, awareness."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "tracker": TRACKER, "corrected": CORRECTED, "payments": PAYMENTS}, 2)
    assert _differences(undone, alone) == []
    (emma,) = _clients(undone).values()
    assert (emma["client_key"], emma["client_id"], emma["name"], emma["client_type"],
            emma["stage"]) == ("id:cus_001", "cus_001", "Emma", "Retail", "purchase")


def test_the_undo_sentence_names_the_rows_matched_again(tmp_path):
    """Tracker, corrected list, log, profile list; undo the corrected list: it put back
    Emma's name (1 row), the log's 'emma walsh' is a client of its own and the profile's
    'Emma Walsh' went to that client, which was already there when it was matched."""
    _import(tmp_path / "w", {"tracker": TRACKER, "corrected": CORRECTED, "sales": SALES,
                             "profile": PROFILE})
    place = tmp_path / "w"
    done = run_cli(place, "undo-import", "2", "--workspace", str(place / "w.db"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "Undid import 2: put back 1 row as it was. 1 row of a later import that had matched "
        "a client through it is now a client of its own: emma walsh (sales.csv). 1 row of a "
        "later import that had matched a client through it now goes with another client "
        "already there: Emma Walsh (profile.csv).")


def test_a_row_matched_by_a_name_the_undone_import_did_not_give_stays(tmp_path):
    """Must not fire. Tracker ('Emma Walsh', her e-mail), a corrected list (the same, her
    country 'Ireland' -> 'UK'), the profile list by her name; undo the corrected list. The tracker gave the name the profile row found her by: it stays, with its phone,
    region and status; 1 client, as tracker and profile alone; the sentence names no row."""
    tracker = "Client,Email,Stage,Country\nEmma Walsh,emma@walsh.example,Lead,Ireland\n"
    moved = "Client,Email,Stage,Country\nEmma Walsh,emma@walsh.example,Lead,UK\n"
    both, alone = tmp_path / "both", tmp_path / "alone"
    _import(both, {"tracker": tracker, "corrected": moved, "profile": PROFILE})
    done = run_cli(both, "undo-import", "2", "--workspace", str(both / "w.db"))
    assert done.stdout.strip() == "Undid import 2: put back 1 row as it was."
    _import(alone, {"tracker": tracker, "profile": PROFILE})
    undone = _rows(both)
    assert _differences(undone, _rows(alone)) == []
    (emma,) = _clients(undone).values()
    assert (emma["country"], emma["phone"], emma["status"]) == (
        "Ireland", "+353 87 123 4567", "active")


def test_the_sentence_in_the_plural():
    """Two rows of their own, two with others: counted, in the plural, each with its file."""
    done = Undone(3, 0, 0, 0, own=("Emma Walsh (sales.csv)", "Cafe Luna (sales.csv)"),
                  elsewhere=("Acme (profile.csv)", "Fern (profile.csv)"))
    assert done.sentence() == (
        "Undid import 3: it had nothing left to remove. 2 rows of later imports that had "
        "matched a client through it are now clients of their own: Emma Walsh (sales.csv), "
        "Cafe Luna (sales.csv). 2 rows of later imports that had matched a client through it "
        "now go with other clients already there: Acme (profile.csv), Fern (profile.csv).")
