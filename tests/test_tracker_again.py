"""A client list imported again (an owner uploads this week's tracker over last week's).
A client whose row is unchanged is not written again (its time stays), yet the new import
still holds it: undoing the first import keeps every client the second lists. A changed
row is written, and undo puts back exactly its values before. Issue 18: the second import
of a 100,000-row tracker records each client's written columns only, a part at a time.
"""

from __future__ import annotations

import json

import pandas as pd

from conftest import (cli_funnel, cli_import_text, cli_undo, run_cli, workspace_rows,
                      workspace_state)
from journey import values
from journey.ingest import import_file
from journey.ingest.review import outcome_sentence
from journey.workspace import open_workspace

HEADER = "Client ID,Name,Email,Stage,Total spent,Favourite colour\n"
WEEK_1 = HEADER + ("C1,Ann Lee,ann@example.com,Purchase,120.50,blue\n"
                   "C2,Bob Marr,bob@example.com,Consideration,,green\n"
                   "C3,Cy Dunn,cy@example.com,Awareness,,\n")
# A week later: Bob bought (stage, amount), Cy's colour is known; Ann is as she was.
WEEK_2 = HEADER + ("C1,Ann Lee,ann@example.com,Purchase,120.50,blue\n"
                   "C2,Bob Marr,bob@example.com,Purchase,80,teal\n"
                   "C3,Cy Dunn,cy@example.com,Awareness,,red\n")
OLD_TIME = "2020-01-01 00:00:00"
CLIENTS = ("SELECT client_id, stage, revenue_current, json_extract(extra, '$.\"Favourite colour\"') "
           "FROM clients ORDER BY client_id")


def _age_the_clients(tmp_path) -> None:
    """Set every client's time to OLD_TIME: a write shows as a newer time."""
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    with db.conn:
        db.execute("UPDATE clients SET updated_at = ?", [OLD_TIME])
    db.close()


def _times(tmp_path) -> dict[str, bool]:
    """Client ID -> whether the client was written since ``_age_the_clients``."""
    return {cid: stamp != OLD_TIME for cid, stamp in workspace_rows(
        tmp_path, "SELECT client_id, updated_at FROM clients ORDER BY client_id")}


def test_the_same_list_again_writes_nothing_but_holds_every_client(tmp_path):
    first = cli_import_text(tmp_path, "tracker.csv", WEEK_1)
    assert (first["inserted"], first["updated"]) == (3, 0)
    _age_the_clients(tmp_path)
    before = workspace_rows(tmp_path, CLIENTS)
    second = cli_import_text(tmp_path, "tracker.csv", WEEK_1)
    assert (second["inserted"], second["updated"]) == (0, 3)
    assert _times(tmp_path) == {"C1": False, "C2": False, "C3": False}   # none written
    assert workspace_rows(tmp_path, CLIENTS) == before
    # The second import holds all three (one record each), so undoing the first keeps them.
    assert workspace_rows(tmp_path, "SELECT import_id, COUNT(*) FROM import_changes WHERE "
                                    "table_name = 'clients' GROUP BY 1") == [(2, 3)]
    cli_undo(tmp_path, 1)
    assert workspace_rows(tmp_path, CLIENTS) == before
    assert cli_funnel(tmp_path) == [3, 2, 1, 0, 0]
    cli_undo(tmp_path, 2)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


def test_a_changed_row_is_written_and_undo_puts_back_exactly_its_values(tmp_path):
    cli_import_text(tmp_path, "tracker.csv", WEEK_1)
    _age_the_clients(tmp_path)
    state = workspace_state(tmp_path)
    cli_import_text(tmp_path, "tracker.csv", WEEK_2)
    assert _times(tmp_path) == {"C1": False, "C2": True, "C3": True}
    assert workspace_rows(tmp_path, CLIENTS) == [
        ("C1", "purchase", 120.5, "blue"), ("C2", "purchase", 80.0, "teal"),
        ("C3", "awareness", None, "red")]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
    # Each record holds the columns the import writes and the time, not the whole row.
    (image,) = workspace_rows(tmp_path, "SELECT before FROM import_changes WHERE import_id "
                                        "= 2 AND row_id = (SELECT id FROM clients WHERE "
                                        "client_id = 'C2')")[0]
    kept = json.loads(image)
    assert kept["stage"] == "consideration" and kept["revenue_current"] is None
    assert kept["updated_at"] == OLD_TIME
    assert "furthest_rank" not in kept and "phone" not in kept
    cli_undo(tmp_path, 2)
    assert workspace_state(tmp_path) == state
    assert _times(tmp_path) == {"C1": False, "C2": False, "C3": False}   # times back too
    assert cli_funnel(tmp_path) == [3, 2, 1, 0, 0]


def test_a_hand_edit_to_a_column_the_list_does_not_carry_survives_its_undo(tmp_path):
    cli_import_text(tmp_path, "tracker.csv", WEEK_1)
    cli_import_text(tmp_path, "tracker.csv", WEEK_2)
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    with db.conn:
        db.execute("UPDATE clients SET phone = '01632 960001' WHERE client_id = 'C2'")
    db.close()
    cli_undo(tmp_path, 2)
    assert workspace_rows(tmp_path, "SELECT stage, revenue_current, phone FROM clients WHERE "
                                    "client_id = 'C2'") == [("consideration", None,
                                                             "01632 960001")]


def test_the_owner_is_told_which_clients_changed(tmp_path):
    """The command line and the Import page's sentence tell the clients updated from those
    already as the sheet has them (Ann, in week 2)."""
    (tmp_path / "week1.csv").write_text(WEEK_1, encoding="utf-8")
    (tmp_path / "week2.csv").write_text(WEEK_2, encoding="utf-8")
    workspace = str(tmp_path / "w.db")
    run_cli(tmp_path, "import", str(tmp_path / "week1.csv"), "--workspace", workspace)
    said = run_cli(tmp_path, "import", str(tmp_path / "week2.csv"), "--workspace", workspace)
    assert ("3 rows, 0 new, 3 updated (1 of them unchanged), 0 rejected." in said.stdout), \
        said.stdout
    db = open_workspace(workspace, create=False)
    results = import_file(db, "week2.csv", WEEK_2.encode())
    assert outcome_sentence(results, dry_run=False).startswith(
        "Imported 1 file: 3 clients already there, unchanged; no rows rejected")
    # Week 1 again: Bob goes back (his stage and spend); Cy's blank colour leaves 'red' (a
    # blank extra cell takes nothing away), so Cy, like Ann, is unchanged.
    results = import_file(db, "week1.csv", WEEK_1.encode())
    assert outcome_sentence(results, dry_run=False).startswith(
        "Imported 1 file: 1 client updated, 2 clients already there, unchanged; "
        "no rows rejected")
    db.close()


def test_isin_answers_as_pandas_does_for_every_kind_of_column():
    among = {"a", "x", 3}
    for column in (pd.Series(["a", None, "b", "x"], dtype="str"),
                   pd.Series(["a", None, "b", "x"], dtype=object),
                   pd.Series(["a", None, "b", "x"], dtype="string[python]")):
        found = values.isin(column, among)
        assert found.tolist() == [True, False, False, True]
        assert found.index.equals(column.index)
    assert values.isin(pd.Series([1, 3, 5]), among).tolist() == [False, True, False]
