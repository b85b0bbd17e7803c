"""Frozen migrations (journey.schema): a workspace made at any older step upgrades to the
same schema as a fresh one, keeps its rows, and gets the figures the new columns hold."""

import ast

import pytest
from sqlite_utils import Database

from conftest import REPO
from journey import schema
from journey.derive import refresh_paths
from journey.workspace import migrate, sqlite3

NAMES = [m.name for m in schema.migrations._migrations]


def layout(db: Database) -> list[tuple]:
    """Every table, index and trigger with its SQL, whitespace normalised."""
    return sorted((kind, name, " ".join((sql or "").split())) for kind, name, sql in db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


def fresh() -> Database:
    db = Database(sqlite3.connect(":memory:"))
    migrate(db)
    return db


def fill_m001(db: Database) -> None:
    """Rows as the first schema held them: a client who bought twice, one who left."""
    db.execute("INSERT INTO clients(id, client_key, name, furthest_rank) VALUES "
               "(1, 'id:c1', 'Ann', 4), (2, 'id:c2', 'Bob', 1)")
    db.execute("INSERT INTO events(client_ref, date, kind, stage, row_key) VALUES "
               "(1, '2024-01-02', 'contact', 'awareness', 'a'), "
               "(1, '2024-01-05', 'purchase', NULL, 'b'), "
               "(1, '2024-01-05', 'purchase', NULL, 'b2'), "
               "(1, '2024-02-01', 'purchase', NULL, 'c'), "
               "(2, '2024-03-01', 'contact', 'awareness', 'd')")


def test_the_migrations_read_no_live_code():
    tree = ast.parse((REPO / "journey" / "schema.py").read_text())
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names}
    assert imported <= {"__future__", "sqlite_utils"}, imported


@pytest.mark.parametrize("stop_before", NAMES[1:])
def test_a_workspace_made_by_an_older_schema_upgrades_to_the_fresh_one(stop_before):
    old = Database(sqlite3.connect(":memory:"))
    schema.migrations.apply(old, stop_before=stop_before)
    assert [m.name for m in schema.migrations.applied(old)] == NAMES[:NAMES.index(stop_before)]
    fill_m001(old)
    migrate(old)
    assert layout(old) == layout(fresh())
    assert [m.name for m in schema.migrations.applied(old)] == NAMES
    assert old.execute("SELECT name FROM clients ORDER BY id").fetchall() == [("Ann",), ("Bob",)]
    assert old.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 5


def test_the_stage_path_backfill_is_what_the_paths_code_computes_today():
    old = Database(sqlite3.connect(":memory:"))
    schema.migrations.apply(old, stop_before="m004_funnel_indexes")
    fill_m001(old)
    migrate(old)
    backfilled = old.execute("SELECT id, stage_path FROM clients ORDER BY id").fetchall()
    assert backfilled == [(1, "134"), (2, "1")]        # awareness, bought, bought again
    refresh_paths(old)
    assert old.execute("SELECT id, stage_path FROM clients ORDER BY id").fetchall() == backfilled


def test_the_frozen_signs_index_is_the_expression_the_signs_query():
    from journey.signs import CLIENT_DAYS

    sql = fresh().execute("SELECT sql FROM sqlite_master WHERE name = 'clients_signs_days'"
                          ).fetchone()[0]
    indexed = sql.strip()[sql.index("clients(") + len("clients("):-1]
    assert " ".join(indexed.split()) == " ".join(CLIENT_DAYS.split())


def test_the_function_map_is_seeded_once():
    db = fresh()
    migrate(db)
    assert db.execute("SELECT COUNT(*) FROM function_map").fetchone()[0] == 7


def test_the_kpis_and_sessions_arrive_empty_beside_the_actions_kept():
    old = Database(sqlite3.connect(":memory:"))
    schema.migrations.apply(old, stop_before="m008_kpis_and_sessions")
    old.execute("INSERT INTO actions(title, owner) VALUES ('Call back', 'Sam')")
    migrate(old)
    assert old.execute("SELECT title, owner, version FROM actions").fetchall() == [
        ("Call back", "Sam", 1)]
    assert [old.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("kpis", "workshop_sessions")] == [0, 0]
    assert {c.name for c in old["kpis"].columns} >= {
        "name", "measure", "stage", "persona", "target", "unit", "better", "due", "actual",
        "version"}


def test_the_method_tables_arrive_empty_beside_the_kpis_kept():
    old = Database(sqlite3.connect(":memory:"))
    schema.migrations.apply(old, stop_before="m009_method")
    old.execute("INSERT INTO kpis(name, measure, target) VALUES ('Bookings', 'entered', 40)")
    migrate(old)
    assert old.execute("SELECT name, target FROM kpis").fetchall() == [("Bookings", 40.0)]
    assert [old.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("method_steps", "method_answers")] == [0, 0]
    old.execute("INSERT INTO method_answers(question, answer) VALUES ('brand', 'Warm')")
    assert old.execute("SELECT persona FROM method_answers").fetchone() == ("",)


def test_a_workspace_with_won_deals_works_its_figures_out_again_on_opening(tmp_path):
    """m016: Acme's deal won on 01-05 and the invoice of 01-20 were two sales (a repeat,
    at retention, 16,000) under the old rule; the first open after the migration works
    its figures out again: one sale of 8,000, at purchase. A workspace without won deals
    is not asked to."""
    from journey.workspace import open_workspace

    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    schema.migrations.apply(old, stop_before="m016_a_deal_and_its_invoice_are_one_sale")
    old.execute("INSERT INTO clients(id, client_key, name, furthest_stage, furthest_rank, "
                "purchase_count, revenue_events) VALUES (1, 'id:acme', 'Acme', 'retention', "
                "4, 2, 16000)")
    old.execute("INSERT INTO events(client_ref, date, kind, amount, row_key) VALUES "
                "(1, '2024-01-05', 'won', 8000, 'a'), (1, '2024-01-20', 'purchase', 8000, 'b')")
    old.conn.commit()
    old.close()
    db = open_workspace(path, create=False)
    assert db.execute("SELECT furthest_stage, purchase_count, revenue_events FROM clients"
                      ).fetchone() == ("purchase", 1, 8000.0)
    assert db.execute("SELECT COUNT(*) FROM settings WHERE key = '_refigure'").fetchone() == (0,)
    db.close()
    plain = Database(sqlite3.connect(":memory:"))
    schema.migrations.apply(plain, stop_before="m016_a_deal_and_its_invoice_are_one_sale")
    fill_m001(plain)
    migrate(plain)
    assert plain.execute("SELECT COUNT(*) FROM settings WHERE key = '_refigure'"
                         ).fetchone() == (0,)


def test_a_workspace_busy_elsewhere_opens_and_works_its_figures_out_later(tmp_path,
                                                                        monkeypatch):
    """While another connection holds the write lock, opening does not wait for it or
    fail: the figures are worked out on the next open."""
    from journey import workspace
    from journey.workspace import open_workspace

    path = tmp_path / "busy.db"
    old = Database(sqlite3.connect(path))
    old.execute("PRAGMA journal_mode = WAL")             # as every workspace is
    schema.migrations.apply(old, stop_before="m016_a_deal_and_its_invoice_are_one_sale")
    old.execute("INSERT INTO clients(id, client_key, name, purchase_count) VALUES "
                "(1, 'id:acme', 'Acme', 2)")
    old.execute("INSERT INTO events(client_ref, date, kind, amount, row_key) VALUES "
                "(1, '2024-01-05', 'won', 8000, 'a'), (1, '2024-01-20', 'purchase', 8000, 'b')")
    old.conn.commit()
    migrate(old)                          # m016 asks; nothing works the figures out here
    old.conn.commit()
    old.close()
    monkeypatch.setattr(workspace, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    db = open_workspace(path, create=False)
    assert db.execute("SELECT purchase_count FROM clients").fetchone() == (2,)
    db.close()
    holder.rollback()
    holder.close()
    db = open_workspace(path, create=False)
    assert db.execute("SELECT purchase_count FROM clients").fetchone() == (1,)
    assert db.execute("SELECT COUNT(*) FROM settings WHERE key = '_refigure'").fetchone() == (0,)


def test_a_workspace_of_two_imports_counts_a_visit_and_its_bill_once_on_opening(tmp_path):
    """m017: Ann's appointment kept on 02-20 (import 1, no amount) and its invoice of that
    day (import 2, 1,250) were 2 purchases under the old rule; the first open after the
    migration works her figures out again: 1 purchase of 1,250. A workspace of one import
    is not asked to."""
    from journey.workspace import open_workspace

    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    schema.migrations.apply(old, stop_before="m017_a_visit_and_its_bill_are_one_sale")
    old.execute("INSERT INTO imports(id, file, kind) VALUES (1, 'appointments.csv', 'events'),"
                " (2, 'invoices.csv', 'events')")
    old.execute("INSERT INTO clients(id, client_key, name, furthest_stage, furthest_rank, "
                "purchase_count, revenue_events) VALUES (1, 'id:ann', 'Ann', 'purchase', 3, 2, "
                "1250)")
    old.execute("INSERT INTO events(client_ref, date, kind, amount, row_key, import_id) VALUES "
                "(1, '2024-02-20', 'purchase', NULL, 'a', 1), "
                "(1, '2024-02-20', 'purchase', 1250, 'b', 2)")
    old.conn.commit()
    old.close()
    db = open_workspace(path, create=False)
    assert db.execute("SELECT purchase_count, revenue_events FROM clients").fetchone() == (
        1, 1250.0)
    db.close()
    plain = Database(sqlite3.connect(":memory:"))
    schema.migrations.apply(plain, stop_before="m017_a_visit_and_its_bill_are_one_sale")
    plain.execute("INSERT INTO imports(id, file, kind) VALUES (1, 'orders.csv', 'events')")
    migrate(plain)
    assert plain.execute("SELECT COUNT(*) FROM settings WHERE key = '_refigure'"
                         ).fetchone() == (0,)


def test_a_workspace_with_refunds_stores_what_they_gave_back_on_opening(tmp_path):
    """m020: Ann bought for 100 and was refunded 40, Bob bought for 50 and was refunded in
    full (a refund of no amount beside Cy changes nothing); the first open after the
    migration stores what their refunds gave back: 40 and 50, so their revenue net of
    refunds (derive.client_revenue_sql) is 60 and 0. A workspace without refunds is not
    asked to work its figures out again."""
    from journey.derive import client_revenue_sql
    from journey.workspace import open_workspace

    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    schema.migrations.apply(old, stop_before="m020_clients_refunded")
    old.execute("INSERT INTO clients(id, client_key, name, purchase_count, revenue_events) "
                "VALUES (1, 'id:ann', 'Ann', 1, 100), (2, 'id:bob', 'Bob', 1, 50), "
                "(3, 'id:cy', 'Cy', 1, 30)")
    old.execute("INSERT INTO events(client_ref, date, kind, amount, row_key) VALUES "
                "(1, '2024-03-01', 'purchase', 100, 'a'), (1, '2024-03-09', 'refund', 40, 'b'),"
                " (2, '2024-03-02', 'purchase', 50, 'c'), (2, '2024-03-04', 'refund', 50, 'd'),"
                " (3, '2024-03-05', 'purchase', 30, 'e'), (3, '2024-03-06', 'refund', NULL, 'f')")
    old.conn.commit()
    old.close()
    db = open_workspace(path, create=False)
    assert db.execute(f"SELECT name, refunded_events, {client_revenue_sql()} FROM clients "
                      "ORDER BY id").fetchall() == [
        ("Ann", 40.0, 60.0), ("Bob", 50.0, 0.0), ("Cy", None, 30.0)]
    assert db.execute("SELECT COUNT(*) FROM settings WHERE key = '_refigure'").fetchone() == (0,)
    db.close()
    plain = Database(sqlite3.connect(":memory:"))
    schema.migrations.apply(plain, stop_before="m020_clients_refunded")
    migrate(plain)
    assert plain.execute("SELECT COUNT(*) FROM settings WHERE key = '_refigure'"
                         ).fetchone() == (0,)
