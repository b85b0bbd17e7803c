"""Undo restores exactly what the undone action changed, never what came after it, and
versions only ever go up (issue 13, item 4).

Every file is built here; the expected rows are worked out by hand from them.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import HISTORY_TABLES, REPO, clients, csv_bytes, dump, xlsx_bytes
from journey.errors import ValidationError
from journey.workshop import touchpoints as tp
from journey.ingest import import_file, undo_import
from journey.journal import Undone
from journey.workshop.personas import StaleEdit, create_persona, get_persona, update_persona
from journey.workspace import open_memory_workspace, open_workspace

# Three purchases, then a file with the same three and three more (one more for C1).
THREE = ("Order ID,Customer ID,Customer,Order Date,Amount\n"
         "O1,C1,Acme,2024-01-05,100\nO2,C2,Beta,2024-01-06,200\nO3,C3,Gamma,2024-01-07,300\n")
SIX = THREE + "O4,C1,Acme,2024-02-05,50\nO5,C4,Delta,2024-02-06,60\nO6,C5,Echo,2024-02-07,70\n"
# A client list, then a corrected one without the e-mail column.
LIST_A = "Customer ID,Company,Email,Region\nC1,Acme,ann@acme.test,West\nC2,Beta,bob@beta.test,East\n"
LIST_B = "Customer ID,Company,Region\nC1,Acme Ltd,North\nC3,Gamma,South\n"
CARLA = {"name": "Clinic Carla", "title": "Practice owner", "goals": "Fewer no-shows"}


def one(results):
    [result] = results
    return result


def events(db) -> list[tuple]:
    """(order, amount, client, import) of every event."""
    return db.execute("SELECT e.order_id, e.amount, c.client_id, e.import_id FROM events e "
                      "LEFT JOIN clients c ON c.id = e.client_ref ORDER BY e.order_id").fetchall()


def personas_book(*rows, headers=("Name", "Title", "Goals", "Tier")) -> bytes:
    return xlsx_bytes({"Personas": [list(headers), *map(list, rows)]})


def card(db, persona_id) -> tuple:
    found = get_persona(db, persona_id)
    return found["title"], found["goals"], found["tier"], found["version"]


# --- events and clients ----------------------------------------------------------------

NEW_CLIENTS = "O4,C4,Delta,2024-02-05,50\nO5,C5,Echo,2024-02-06,60\nO6,C6,Fox,2024-02-07,70\n"


@pytest.mark.parametrize("more, expected", [
    # Three more purchases of new clients (today the three shared ones were deleted).
    (NEW_CLIENTS, [("C1", "Acme", 1, 100.0, "purchase"), ("C2", "Beta", 1, 200.0, "purchase"),
                   ("C3", "Gamma", 1, 300.0, "purchase"), ("C4", "Delta", 1, 50.0, "purchase"),
                   ("C5", "Echo", 1, 60.0, "purchase"), ("C6", "Fox", 1, 70.0, "purchase")]),
    # One of them a second purchase of C1, on a later day: C1 reaches retention (today the
    # undo was refused).
    (SIX.removeprefix(THREE),
     [("C1", "Acme", 2, 150.0, "retention"), ("C2", "Beta", 1, 200.0, "purchase"),
      ("C3", "Gamma", 1, 300.0, "purchase"), ("C4", "Delta", 1, 60.0, "purchase"),
      ("C5", "Echo", 1, 70.0, "purchase")]),
])
def test_undoing_the_first_of_two_overlapping_imports_keeps_what_the_second_holds(
        db, more, expected):
    """Story (a): the second file holds the first file's three purchases, so undoing the
    first takes nothing away; they pass to the second, whose undo then removes all six."""
    original = dump(db, HISTORY_TABLES)
    first = one(import_file(db, "jan.csv", csv_bytes(THREE)))
    second = one(import_file(db, "all.csv", csv_bytes(THREE + more)))
    assert (second.inserted, second.updated) == (3, 3)
    undo_import(db, first.import_id)
    n = second.import_id
    assert events(db)[:3] == [("O1", 100, "C1", n), ("O2", 200, "C2", n), ("O3", 300, "C3", n)]
    assert len(events(db)) == 6 and {e[3] for e in events(db)} == {n}
    assert clients(db, "client_id, name, purchase_count, revenue_events, furthest_stage") \
        == expected
    assert {c[0] for c in clients(db, "import_id")} == {n}
    undo_import(db, second.import_id)
    assert dump(db, HISTORY_TABLES) == original


def test_undoing_the_later_then_the_earlier_import_leaves_the_empty_workspace(db):
    original = dump(db, HISTORY_TABLES)
    workshop = xlsx_bytes({
        "Personas": [["Name", "Title"], ["Office Olivia", "Coordinator"]],
        "Touchpoints": [["Stage", "Touchpoint", "Owner"], ["Awareness", "Flyer", "Tom"]],
        # the seeded support row as it is: held, not changed
        "Function map": [["Department", "Uses", "Outcome", "Stages"],
                         ["Support", "Responsiveness and tone", "Fewer complaints",
                          "Purchase, Retention"]]})
    imports = [*import_file(db, "list.csv", csv_bytes(LIST_A)),
               *import_file(db, "jan.csv", csv_bytes(THREE)),
               *import_file(db, "all.csv", csv_bytes(SIX)),
               *import_file(db, "workshop.xlsx", workshop)]
    assert [(r.kind, r.inserted, r.updated) for r in imports] == [
        ("clients", 2, 0), ("events", 3, 0), ("events", 3, 3), ("personas", 1, 0),
        ("touchpoints", 1, 0), ("function_map", 0, 0)]
    for result in reversed(imports):
        undo_import(db, result.import_id)
    assert dump(db, HISTORY_TABLES) == original


def test_undo_of_an_import_a_later_one_updated_keeps_the_later_values(db):
    """C1 came with list A and was corrected by list B: undoing A keeps B's name and
    region and drops A's e-mail, which only A brought; C2 was A's alone."""
    original = dump(db, HISTORY_TABLES)
    a = one(import_file(db, "a.csv", csv_bytes(LIST_A)))
    b = one(import_file(db, "b.csv", csv_bytes(LIST_B)))
    assert (b.inserted, b.updated) == (1, 1)
    assert undo_import(db, a.import_id) == Undone(a.import_id, clients_removed=1,
                                                  events_removed=0, rows_restored=0)
    columns = "client_id, name, name_key, email, region, stage, status, import_id"
    assert clients(db, columns) == [("C1", "Acme Ltd", "acme ltd", None, "North", None, None,
                                     b.import_id),
                                    ("C3", "Gamma", "gamma", None, "South", None, None,
                                     b.import_id)]
    only_b = open_memory_workspace()          # as if list B had been the only import
    import_file(only_b, "b.csv", csv_bytes(LIST_B))
    assert clients(db, columns.replace("import_id", "furthest_stage")) == clients(
        only_b, columns.replace("import_id", "furthest_stage"))
    undo_import(db, b.import_id)
    assert dump(db, HISTORY_TABLES) == original


def test_the_command_line_undo_keeps_what_a_later_import_updated(home):
    db = open_workspace("shop")
    a = one(import_file(db, "a.csv", csv_bytes(LIST_A)))
    b = one(import_file(db, "b.csv", csv_bytes(LIST_B)))
    db.close()
    env = {**os.environ, "JOURNEY_HOME": str(home), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "journey", "undo-import", str(a.import_id),
                           "--workspace", "shop"], capture_output=True, text=True, cwd=REPO,
                          env=env, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"Undid import {a.import_id}: removed 1 client.\n"
    db = open_workspace("shop", create=False)
    assert clients(db, "client_id, name, email, region, import_id") == [
        ("C1", "Acme Ltd", None, "North", b.import_id),
        ("C3", "Gamma", None, "South", b.import_id)]
    db.close()


def test_undoing_returns_after_the_orders_that_linked_them(db):
    """The orders import linked the earlier returns to their clients; undoing the returns
    takes them out with their links, and the orders stay as they are."""
    returns = one(import_file(db, "returns.csv", csv_bytes("Order ID,Returned\nO1,Yes\n")))
    orders = one(import_file(db, "orders.csv", csv_bytes(THREE)))
    assert clients(db, "client_id, refund_count") == [("C1", 1), ("C2", 0), ("C3", 0)]
    undo_import(db, returns.import_id)
    assert clients(db, "client_id, refund_count") == [("C1", 0), ("C2", 0), ("C3", 0)]
    assert [e[:3] for e in events(db)] == [("O1", 100, "C1"), ("O2", 200, "C2"),
                                           ("O3", 300, "C3")]
    undo_import(db, orders.import_id)
    assert events(db) == [] and clients(db) == []


# --- personas --------------------------------------------------------------------------

def test_undoing_a_personas_import_keeps_hand_edits_made_after_it(db):
    """Story (b): Ana typed Carla's goals after the import; undo puts back the title and
    tier the sheet changed, keeps Ana's goals, and removes Olivia, whom the sheet added."""
    carla = create_persona(db, CARLA)
    result = one(import_file(db, "personas.xlsx", personas_book(
        ["clinic carla", "Growth partner", "Full diary", 2],
        ["Office Olivia", "Coordinator", "Calm clinic", 1])))
    assert (result.inserted, result.updated) == (1, 1)
    assert card(db, carla) == ("Growth partner", "Full diary", 2, 2)
    assert update_persona(db, carla, {"goals": "Typed by Ana"}, version=2) == 3
    undo_import(db, result.import_id)
    assert card(db, carla) == ("Practice owner", "Typed by Ana", None, 4)
    assert [p["name"] for p in db.query("SELECT name FROM personas")] == ["Clinic Carla"]


def test_versions_only_go_up_so_a_stale_editor_gets_the_conflict(db):
    """Ben opened Carla at version 1, before the import; after the undo the card holds
    the same values again but at version 3, so Ben's save is refused, not accepted."""
    carla = create_persona(db, CARLA)
    ben = get_persona(db, carla)["version"]
    result = one(import_file(db, "personas.xlsx", personas_book(
        ["Clinic Carla", "Growth partner", None, None])))
    ana = get_persona(db, carla)["version"]
    undo_import(db, result.import_id)
    assert card(db, carla) == ("Practice owner", "Fewer no-shows", None, 3)
    for stale in (ben, ana):
        with pytest.raises(StaleEdit):
            update_persona(db, carla, {"title": "Owner"}, version=stale)
    assert update_persona(db, carla, {"title": "Owner"}, version=3) == 4


def test_a_persona_the_import_added_and_someone_edited_stays_with_the_edit(db):
    result = one(import_file(db, "personas.xlsx", personas_book(
        ["Office Olivia", "Coordinator", "Calm clinic", 1])))
    olivia = get_persona(db, 1)
    assert update_persona(db, olivia["id"], {"title": "Office manager"}, version=1) == 2
    undo_import(db, result.import_id)
    # The title is Ana's; goals and tier came only with the sheet.
    assert card(db, olivia["id"]) == ("Office manager", None, None, 3)


def test_a_later_import_that_lists_a_persona_again_holds_it(db):
    first = one(import_file(db, "p1.xlsx", personas_book(
        ["Office Olivia", "Coordinator", "Calm clinic", 1])))
    second = one(import_file(db, "p2.xlsx", personas_book(
        ["Office Olivia", "Coordinator"], headers=("Name", "Title"))))
    assert (second.inserted, second.updated) == (0, 0)
    undo_import(db, first.import_id)
    # Olivia stays with the title the second sheet also gives; goals and tier were the
    # first sheet's alone (and the version moves on from 1 to 2).
    assert card(db, 1) == ("Coordinator", None, None, 2)
    undo_import(db, second.import_id)
    assert db.execute("SELECT COUNT(*) FROM personas").fetchone()[0] == 0


# --- touchpoints and the function map ----------------------------------------------------

def enquiry(db) -> tuple:
    [row] = tp.touchpoint_rows(db, "consideration")
    return row["owner"], row["kpi"], row["version"]


def save_enquiry(db, **changes):
    base = tp.touchpoint_rows(db, "consideration")
    result = tp.save_stage(db, "consideration", base, [{**base[0], **changes}])
    assert result.status == "saved"
    return base


def test_undoing_an_earlier_save_after_a_later_one_moves_versions_on(db):
    tp.save_stage(db, "consideration", [], [{"touchpoint": "Enquiry", "state": "current"}])
    save_enquiry(db, owner="Anna")                           # version 2
    save_enquiry(db, kpi="Calls")                            # version 3
    opened = tp.touchpoint_rows(db, "consideration")         # Ben opens the table
    assert enquiry(db) == ("Anna", "Calls", 3)
    tp.undo_last_save(db)
    assert enquiry(db) == ("Anna", None, 4)
    mine = [{**opened[0], "emotion": 2}]
    assert tp.save_stage(db, "consideration", opened, mine).status == "conflict"
    tp.undo_last_save(db)                                    # Anna's save, though moved on
    assert enquiry(db) == (None, None, 5)


def test_undoing_a_touchpoints_import_keeps_a_save_made_after_it(db):
    """The import set the owner, a save then set the KPI: undoing the import puts the
    owner back and keeps the KPI; undoing the save then takes the KPI out and does not
    bring the import's owner back."""
    tp.save_stage(db, "consideration", [], [{"touchpoint": "Enquiry", "state": "current"}])
    sheet = xlsx_bytes({"Touchpoints": [["Stage", "Touchpoint", "Owner"],
                                        ["Consideration", "Enquiry", "Tom"]]})
    result = one(import_file(db, "map.xlsx", sheet))
    assert enquiry(db) == ("Tom", None, 2)
    save_enquiry(db, kpi="Replies in a day")
    undo_import(db, result.import_id)
    assert enquiry(db) == (None, "Replies in a day", 4)
    tp.undo_last_save(db)
    assert enquiry(db) == (None, None, 5)


def test_undoing_a_function_map_import_keeps_a_hand_save_after_it(db):
    sheet = xlsx_bytes({"Function map": [["Department", "Uses", "Outcome"],
                                         ["Support", "Tone of every reply", "Calm customers"]]})
    result = one(import_file(db, "functions.xlsx", sheet))
    base = tp.function_map_rows(db)
    edited = [{**r, "outcome": "Fewer complaints, faster"} if r["department"] == "support"
              else r for r in base]
    assert tp.save_function_map(db, base, edited).status == "saved"
    undo_import(db, result.import_id)
    [support] = [r for r in tp.function_map_rows(db) if r["department"] == "support"]
    assert (support["uses"], support["outcome"], support["version"]) == (
        "Responsiveness and tone", "Fewer complaints, faster", 4)


# --- one journal: an import and a table save on the same touchpoint ----------------------

TOM = xlsx_bytes({"Touchpoints": [["Stage", "Touchpoint", "Owner"],
                                  ["Consideration", "Enquiry", "Tom"]]})


@pytest.mark.parametrize("import_first", [True, False])
@pytest.mark.parametrize("undo_import_first", [True, False])
def test_an_import_and_a_save_on_one_touchpoint_undo_in_either_order(
        db, import_first, undo_import_first):
    """The import sets the owner, a table save the KPI, in either order; undoing them in
    either order takes back exactly what each changed, versions only go up, and the save
    that added the row can be undone last. Undoing the save while an import made after it
    stands is refused (the row moved on), and changes nothing."""
    tp.save_stage(db, "consideration", [], [{"touchpoint": "Enquiry", "state": "current"}])
    if import_first:
        result = one(import_file(db, "map.xlsx", TOM))
        save_enquiry(db, kpi="Calls")
    else:
        save_enquiry(db, kpi="Calls")
        result = one(import_file(db, "map.xlsx", TOM))
    assert enquiry(db) == ("Tom", "Calls", 3)
    stale = tp.touchpoint_rows(db, "consideration")
    if undo_import_first:
        undo_import(db, result.import_id)
        assert enquiry(db) == (None, "Calls", 4)
        tp.undo_last_save(db)
    else:
        if not import_first:
            before = dump(db)
            with pytest.raises(ValidationError, match="Enquiry was changed again after it"):
                tp.undo_last_save(db)
            assert dump(db) == before
            undo_import(db, result.import_id)
            assert enquiry(db) == (None, "Calls", 4)
            tp.undo_last_save(db)
        else:
            tp.undo_last_save(db)
            assert enquiry(db) == ("Tom", None, 4)
            undo_import(db, result.import_id)
    assert enquiry(db) == (None, None, 5)
    mine = [{**stale[0], "emotion": 2}]
    assert tp.save_stage(db, "consideration", stale, mine).status == "conflict"
    tp.undo_last_save(db)                                    # the save that added it
    assert tp.touchpoint_rows(db) == [] and tp.last_save(db) is None


def test_a_function_map_save_follows_once_the_import_after_it_is_undone(db):
    base = tp.function_map_rows(db)
    edited = [{**r, "outcome": "Calm customers"} if r["department"] == "support" else r
              for r in base]
    assert tp.save_function_map(db, base, edited).status == "saved"
    result = one(import_file(db, "functions.xlsx", xlsx_bytes({"Function map": [
        ["Department", "Uses"], ["Support", "Tone of every reply"]]})))
    with pytest.raises(ValidationError, match="support was changed again after it"):
        tp.undo_last_save(db)
    undo_import(db, result.import_id)
    tp.undo_last_save(db)
    [support] = [r for r in tp.function_map_rows(db) if r["department"] == "support"]
    assert (support["uses"], support["outcome"], support["version"]) == (
        "Responsiveness and tone", "Fewer complaints", 5)


def test_undoing_a_client_list_keeps_what_a_later_order_list_also_says():
    """A client list names Ann (C1); an order list of hers then fills her e-mail and says
    her name again. Undoing the client list leaves Ann as the order list alone would: her
    name stays (it was emptied: the orders' record listed only the e-mail it changed, so
    the name it repeats counted as the client list's alone: N's Shopify customers and
    orders lost 295 names)."""
    db = open_memory_workspace()
    (first,) = import_file(db, "clients.csv", csv_bytes("Client ID,Name\nC1,Ann Lee\n"
                                                         "C2,Bob Ray\n"))
    import_file(db, "orders.csv", csv_bytes("Client ID,Name,Email,Date,Amount\n"
                                            "C1,Ann Lee,ann@x.com,2024-01-05,50\n"),
                kind="events")
    undo_import(db, first.import_id)
    assert db.execute("SELECT client_id, name, email FROM clients").fetchall() == [
        ("C1", "Ann Lee", "ann@x.com")]
