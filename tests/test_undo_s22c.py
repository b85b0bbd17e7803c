"""Undo restores exactly, also where a later import matched a client through the undone
one (session 22, C): after undoing one of three imports, every client and every event is
as the other two alone make them, row by row (``test_undo_s21c._rows``: clients by key,
events by row key, every column but the ids, the clock and the import's own id).

A later row matched a client through a value the undone import gave it (a name, an e-mail
address, the key it was stored under): without that import the row finds no such client,
so it is matched again, and made a client of its own where nothing else finds it.

- A corrected list renames 'Emma' 'Emma Walsh'; a sales log's 'emma walsh' (no e-mail)
  matched her by that name. Undo the corrected list: the sale is a client of its own.
- A sales log's 'emma walsh', then a corrected list (her e-mail, Ireland), then a tracker's
  'Emma' by that e-mail. Undo the corrected list: the tracker's Emma is a client of her own.
- A corrected list adds Cafe Luna with an e-mail; a tracker lists her by name alone; a sales
  log names her e-mail. Undo the corrected list: she is the tracker's, keyed by name, with
  no client ID (a sales log never writes one over a known client's).
- Must not fire: the name or e-mail a later row matched by stands without the undone
  import (the tracker gave it; the sales log that made the client gave it): the row stays;
  so does a list's ID row that took over a client known by name alone, by that name.
- A tick sheet's stage the undone list's outranked lifts the stage from before it (it was
  put back to the stage before, lower than the tick's).
- A tags sheet's blank for a client is no status it wrote: undo the list that set the
  status, and the one before comes back (was kept).
"""

from __future__ import annotations

from test_undo_s21c import _differences, _texts_undone_and_alone

TRACKER = "Client,Email,Stage,Country\nEmma,emma@walsh.example,Lead,Ireland\n"
CORRECTED = "Client,Email,Stage,Country\nEmma Walsh,emma@walsh.example,Lead,Ireland\n"
LOG = "Date,Customer,Email,Amount,Order\n2024-04-21,emma walsh,,90,S-5\n"


def _clients(rows: dict) -> dict:
    return {key: row for (table, key), row in rows.items() if table == "clients"}


def _sales(rows: dict) -> dict:
    """Each sale's order -> the key of its client."""
    return {row["order_id"]: row["client_ref"] for (table, _), row in rows.items()
            if table == "events"}


def test_a_sale_matched_by_the_name_an_undone_list_gave_is_a_client_of_its_own(tmp_path):
    """Tracker, corrected list, log; undo the corrected list. Tracker and log alone: the
    log's 'emma walsh' has no e-mail and no client is called that (Emma is 'Emma'), so it
    makes name:emma walsh with S-5 (90): 2 clients, Emma with no sale, her name 'Emma'.
    Was: 1 client, Emma renamed 'emma walsh' and holding the sale."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "tracker": TRACKER, "corrected": CORRECTED, "sales": LOG}, 2)
    assert _differences(undone, alone) == []
    clients = _clients(undone)
    assert sorted(clients) == ["id:emma@walsh.example", "name:emma walsh"]
    assert clients["id:emma@walsh.example"]["name"] == "Emma"
    assert _sales(undone) == {"S-5": "name:emma walsh"}


def test_the_corrected_list_first_then_undone_leaves_the_sale_apart_too(tmp_path):
    """Corrected list, tracker, log; undo the corrected list (import 1, which added Emma
    Walsh): the tracker's 'Emma' (its e-mail) and the log's 'emma walsh' are two clients,
    as tracker and log alone. Was: one, named 'emma walsh', with the sale."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "corrected": CORRECTED, "tracker": TRACKER, "sales": LOG}, 1)
    assert _differences(undone, alone) == []
    assert _sales(undone) == {"S-5": "name:emma walsh"}
    assert _clients(undone)["id:emma@walsh.example"]["name"] == "Emma"


def test_a_list_row_matched_by_the_email_an_undone_list_gave_is_a_client_of_its_own(tmp_path):
    """Log, corrected list, tracker; undo the corrected list. The corrected list gave the
    log's 'emma walsh' her e-mail (and its key); the tracker's 'Emma' found her by it. Log
    and tracker alone: 'Emma' is no 'emma walsh' and the log gave no e-mail, so 2 clients:
    name:emma walsh (the sale, no e-mail, no country) and id:emma@walsh.example ('Emma',
    Ireland, Lead). Was: 1 client, name:emma walsh, with the tracker's e-mail and Ireland."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "sales": LOG, "corrected": CORRECTED, "tracker": TRACKER}, 2)
    assert _differences(undone, alone) == []
    clients = _clients(undone)
    assert (clients["name:emma walsh"]["email"], clients["name:emma walsh"]["country"]) == (
        None, None)
    emma = clients["id:emma@walsh.example"]
    assert (emma["name"], emma["country"], emma["stage"]) == ("Emma", "Ireland", "awareness")
    assert _sales(undone) == {"S-5": "name:emma walsh"}


def test_a_client_the_undone_list_added_is_the_next_imports_under_its_own_key(tmp_path):
    """Corrected list (Cafe Luna, luna@cafe.example), tracker (Cafe Luna, no e-mail),
    sales log (Cafe Luna, luna@cafe.example, 800); undo the corrected list. Tracker and log
    alone: the tracker makes name:cafe luna; the log's row, id:luna@cafe.example, finds her
    by her name (a client known by name alone) and fills her e-mail, but writes no client
    ID over a known client's: 1 client, name:cafe luna, e-mail luna@cafe.example, no client
    ID, the sale of 800. Was: kept under id:luna@cafe.example with that client ID."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "corrected": "Client,Email,Stage,Country\nCafe Luna,luna@cafe.example,Customer,Spain\n",
        "tracker": "Client,Email,Stage,Country\nCafe Luna,,Customer,Spain\n",
        "sales": "Date,Customer,Email,Amount,Order\n2024-02-10,Cafe Luna,luna@cafe.example,"
                 "800,S-3\n"}, 1)
    assert _differences(undone, alone) == []
    luna = _clients(undone)["name:cafe luna"]
    assert (luna["email"], luna["client_id"]) == ("luna@cafe.example", None)
    assert _sales(undone) == {"S-3": "name:cafe luna"}


def test_a_client_id_an_undone_list_gave_goes_with_it(tmp_path):
    """Tracker (Cafe Luna, no e-mail), corrected list (her e-mail: it takes her, keyed
    id:luna@cafe.example, with that client ID), sales log by that e-mail; undo the
    corrected list. Tracker and log alone: name:cafe luna, no client ID, the log's e-mail
    filled in. Was: the client ID the log's e-mail gave was kept."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "tracker": "Client,Email,Stage\nCafe Luna,,Customer\n",
        "corrected": "Client,Email,Stage\nCafe Luna,luna@cafe.example,Customer\n",
        "sales": "Date,Customer,Email,Amount,Order\n2024-02-10,Cafe Luna,luna@cafe.example,"
                 "800,S-3\n"}, 2)
    assert _differences(undone, alone) == []
    luna = _clients(undone)["name:cafe luna"]
    assert (luna["email"], luna["client_id"]) == ("luna@cafe.example", None)


def test_a_sale_matched_by_a_name_that_stands_stays(tmp_path):
    """Must not fire: the tracker already calls her 'Emma Walsh'; the undone list only
    moves her to Customer. The log's 'emma walsh' matched the tracker's name, which stands:
    1 client, the sale hers, her stage back to Lead, as tracker and log alone."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "tracker": CORRECTED,
        "corrected": "Client,Email,Stage,Country\nEmma Walsh,emma@walsh.example,Customer,"
                     "Ireland\n",
        "sales": LOG}, 2)
    assert _differences(undone, alone) == []
    assert _sales(undone) == {"S-5": "id:emma@walsh.example"}
    assert list(_clients(undone)) == ["id:emma@walsh.example"]


def test_a_list_row_matched_by_an_email_the_next_import_gave_stays(tmp_path):
    """Must not fire: corrected list, a log that names her e-mail, tracker; undo the
    corrected list. The log makes id:emma@walsh.example alone, and the tracker's 'Emma'
    finds her by that key: 1 client with the sale, as log and tracker alone."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "corrected": CORRECTED,
        "sales": "Date,Customer,Email,Amount,Order\n2024-04-21,emma walsh,emma@walsh.example,"
                 "90,S-5\n",
        "tracker": TRACKER}, 1)
    assert _differences(undone, alone) == []
    assert list(_clients(undone)) == ["id:emma@walsh.example"]
    assert _sales(undone) == {"S-5": "id:emma@walsh.example"}


def test_a_tick_kept_below_the_undone_stage_lifts_the_one_before(tmp_path):
    """A list has Ann as a Lead (awareness); a corrected list as a Customer (purchase); a
    tick sheet ticks her 'Booked call' (consideration: kept at purchase, never lowered).
    Undo the corrected list: the first list and the ticks alone lift her to consideration.
    Was: awareness, the stage before, as if the tick had said nothing."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "list": "Name,Email,Stage\nAnn Lee,ann@x.com,Lead\n",
        "corrected": "Name,Email,Stage\nAnn Lee,ann@x.com,Customer\n",
        "ticks": "Name,Email,Booked call\nAnn Lee,ann@x.com,TRUE\n"}, 2)
    assert _differences(undone, alone) == []
    assert _clients(undone)["id:ann@x.com"]["stage"] == "consideration"


def test_a_tags_sheet_that_says_nothing_of_a_status_keeps_none(tmp_path):
    """Ann and Bob Active; a later list has Bob Cancelled; a tags sheet tags Ann 'Former
    client' (churned) and Bob 'VIP' (nothing of his status). Undo the later list: Bob is
    active again, as the first list and the tags alone; Ann churned. Was: Bob kept
    'cancelled' (the tags sheet counted as writing the status it left alone)."""
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "list": "Name,Email,Stage,Status\nAnn Lee,ann@x.com,Customer,Active\n"
                "Bob Ray,bob@x.com,Customer,Active\n",
        "later": "Name,Email,Stage,Status\nAnn Lee,ann@x.com,Customer,Active\n"
                 "Bob Ray,bob@x.com,Customer,Cancelled\n",
        "tags": "Name,Email,Tags\nAnn Lee,ann@x.com,Former client\nBob Ray,bob@x.com,VIP\n"},
        2)
    assert _differences(undone, alone) == []
    clients = _clients(undone)
    assert (clients["id:ann@x.com"]["status"], clients["id:bob@x.com"]["status"]) == (
        "churned", "active")


def test_a_list_row_that_took_over_a_client_by_name_keeps_it(tmp_path):
    """Must not fire: a sales log makes Cafe Luna by her e-mail; a tracker lists her by
    name alone (no e-mail); a corrected list by name and e-mail. Undo the log: tracker and
    corrected alone make name:cafe luna, then the corrected list's ID row takes her over
    by her name: 1 client, id:luna@cafe.example, as alone (on the first version of this
    rule the corrected list's row let go of her: 2 clients)."""
    luna = "Client,Email,Stage\nCafe Luna,{},Customer\n"
    undone, alone = _texts_undone_and_alone(tmp_path, {
        "sales": "Date,Customer,Email,Amount,Order\n2024-02-10,Cafe Luna,luna@cafe.example,"
                 "800,S-3\n",
        "tracker": luna.format(""), "corrected": luna.format("luna@cafe.example")}, 1)
    assert _differences(undone, alone) == []
    assert list(_clients(undone)) == ["id:luna@cafe.example"]
