"""Workspaces: one SQLite file per business or workshop.

``open_workspace`` validates the name, applies the numbered migrations, and sets WAL
mode and a busy timeout. ``write`` wraps writes that belong together in one
``BEGIN IMMEDIATE`` transaction. The folder is ``data/workspaces`` beside the project,
or ``$JOURNEY_HOME`` when set.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from pathlib import Path

from sqlite_utils import Database, Migrations

from .errors import WorkspaceBusy, WorkspaceError
from .fields import CLIENT_FIELDS, EVENT_FIELDS, field_type
from .stages import ALL_STAGES, stage_at_column

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKSPACE = "demo"
BUSY_TIMEOUT_MS = 10_000

# Workspace settings and their defaults. Values are stored as JSON.
DEFAULT_SETTINGS: dict[str, object] = {
    "pre_awareness": False,         # show the optional sixth stage
    "day_first": True,              # ambiguous 03/04/2024 is 3 April
    "max_upload_mb": 50,            # files larger than this are refused
    "max_import_rows": 400_000,     # sheets with more rows than this are refused (memory:
    "max_import_cells": 3_000_000,  # ... and with more cells; bench/memory_bench.py, < 1 GB)
    "stall_days": 60,               # a client in one stage longer than this is stalled
    "currency": "$",
}


def workspaces_home() -> Path:
    """The folder that holds the workspace files (``$JOURNEY_HOME`` or data/workspaces)."""
    home = os.environ.get("JOURNEY_HOME")
    return Path(home) if home else PROJECT_ROOT / "data" / "workspaces"


_NAME_RE = re.compile(r"^[\w][\w .()'&+,-]{0,63}$")
MAX_NAME_BYTES = 200     # file names end at 255 bytes, with ".db-wal" after the name


def check_name(name: str) -> str:
    """Return the workspace name stripped, or raise WorkspaceError if it is unsafe."""
    name = (name or "").strip()
    if not name:
        raise WorkspaceError("A workspace needs a name.")
    if "/" in name or "\\" in name or ".." in name or "\x00" in name:
        raise WorkspaceError(
            f"'{name}' cannot be a workspace name: it may not contain '/', '\\' or '..'.")
    if not _NAME_RE.match(name):
        raise WorkspaceError(
            f"'{name}' cannot be a workspace name: use letters, digits, spaces and "
            "- _ . ( ) & + , ' (up to 64 characters), starting with a letter or digit.")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise WorkspaceError(
            f"'{name[:20]}…' is too long for a workspace name: use a shorter one (at "
            f"most {MAX_NAME_BYTES} bytes; an accented letter takes 2, some characters 3 or 4).")
    return name


def workspace_path(name_or_path: str | os.PathLike) -> Path:
    """Resolve a workspace name or a path to a ``.db`` file."""
    text = str(name_or_path)
    if text.endswith(".db") and (os.sep in text or "/" in text):
        return Path(text)
    if text.endswith(".db") and Path(text).exists():
        return Path(text)
    return workspaces_home() / f"{check_name(text.removesuffix('.db'))}.db"


def list_workspaces() -> list[str]:
    """Names of the workspaces in the workspaces folder, sorted."""
    home = workspaces_home()
    return sorted(p.stem for p in home.glob("*.db")) if home.exists() else []


def open_workspace(name_or_path: str | os.PathLike, *, create: bool = True) -> Database:
    """Open (and migrate) a workspace. Raises WorkspaceError if it is missing and not created."""
    path = workspace_path(name_or_path)
    if not path.exists():
        if not create:
            raise WorkspaceError(f"There is no workspace '{path.stem}' (looked for {path}).")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        migrate(db)
    except sqlite3.DatabaseError as error:
        raise WorkspaceError(f"{path.name} is not a workspace Journey can open ({error}).")
    return db


def open_memory_workspace() -> Database:
    """A migrated in-memory workspace, for tests and previews."""
    db = Database(memory=True)
    migrate(db)
    return db


def create_workspace(name: str) -> Path:
    """Create an empty workspace; WorkspaceError if one of that name exists."""
    path = workspace_path(check_name(name))
    if path.exists():
        raise WorkspaceError(f"A workspace called '{name}' already exists.")
    open_workspace(path).close()
    return path


def rename_workspace(old: str, new: str) -> Path:
    """Rename a workspace file (and its WAL companions)."""
    source, target = workspace_path(old), workspace_path(check_name(new))
    if not source.exists():
        raise WorkspaceError(f"There is no workspace '{old}'.")
    if target.exists():
        raise WorkspaceError(f"A workspace called '{new}' already exists.")
    try:
        _checkpoint(source)
    except sqlite3.OperationalError:
        raise WorkspaceError(f"'{old}' is open in another window or command; close it there "
                             "and try again.") from None
    source.rename(target)
    return target


def delete_workspace(name: str) -> None:
    """Delete a workspace file and its WAL companions."""
    path = workspace_path(name)
    if not path.exists():
        raise WorkspaceError(f"There is no workspace '{name}'.")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextlib.contextmanager
def write(db: Database, *, keep: bool = True):
    """One transaction for writes that belong together (``BEGIN IMMEDIATE``; nests as a savepoint).

    With ``keep=False`` everything is rolled back at the end: a dry run.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")      # waits up to BUSY_TIMEOUT_MS for the lock
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        raise WorkspaceBusy(
            f"Another import or save is still writing to the workspace "
            f"'{Path(db.conn.execute('PRAGMA database_list').fetchone()[2]).stem}'; "
            "try again when it ends.") from None
    try:
        yield db
        _bump_changes(db)
    except BaseException:
        db.conn.rollback()
        raise
    if keep:
        db.conn.execute("COMMIT")
    else:
        db.conn.rollback()


# --- settings ------------------------------------------------------------------------

def get_setting(db: Database, key: str):
    """A workspace setting, or its default."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else DEFAULT_SETTINGS.get(key)


def set_setting(db: Database, key: str, value) -> None:
    """Store a workspace setting (any JSON value)."""
    with write(db):
        db.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [key, json.dumps(value)])


def last_write(db: Database) -> int:
    """A number that grows with every committed ``write``: the cache key for pages."""
    row = db.execute("SELECT value FROM settings WHERE key = '_changes'").fetchone()
    return int(row[0]) if row else 0


def _bump_changes(db: Database) -> None:
    db.execute("INSERT INTO settings(key, value) VALUES ('_changes', '1') "
               "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")


# --- migrations ----------------------------------------------------------------------

migrations = Migrations("journey")


def migrate(db: Database) -> None:
    """Apply pending migrations; safe to call every time a workspace opens."""
    migrations.apply(db)


def _run_script(db: Database, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the migration's transaction)."""
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)

SQL_TYPES = {"text": "TEXT", "date": "TEXT", "bool": "INTEGER"}

DERIVED_CLIENT_COLUMNS = {
    "furthest_stage": "TEXT", "furthest_rank": "INTEGER", "current_stage": "TEXT",
    "outcome": "TEXT", "first_date": "TEXT", "last_date": "TEXT",
    "event_count": "INTEGER", "purchase_count": "INTEGER", "purchase_days": "INTEGER",
    "revenue_events": "REAL", "won_count": "INTEGER", "lost_count": "INTEGER",
    "complaint_count": "INTEGER", "internal_complaint_count": "INTEGER",
    "refund_count": "INTEGER", "cancellation_count": "INTEGER",
    "objection_count": "INTEGER", "referral_count": "INTEGER", "review_count": "INTEGER",
    "contact_count": "INTEGER", "stage_since": "TEXT",
    **{stage_at_column(stage): "TEXT" for stage in ALL_STAGES},
}


def _columns(fields: dict[str, str]) -> str:
    return ",\n".join(f"  [{name}] {SQL_TYPES.get(field_type(name), 'REAL')}"
                      for name in fields)


@migrations()
def m001_create_tables(db: Database) -> None:
    derived = ",\n".join(f"  [{name}] {kind}" for name, kind in DERIVED_CLIENT_COLUMNS.items())
    _run_script(db, f"""
CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  client_key TEXT NOT NULL UNIQUE,
  name_key TEXT,
{_columns(CLIENT_FIELDS)},
  stage_raw TEXT,
  extra TEXT,
  import_id INTEGER,
  updated_at TEXT,
{derived}
);
CREATE INDEX clients_name_key ON clients(name_key);
CREATE INDEX clients_furthest ON clients(furthest_rank);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  client_ref INTEGER REFERENCES clients(id) ON DELETE SET NULL,
{_columns(EVENT_FIELDS)},
  stage_raw TEXT,
  extra TEXT,
  row_key TEXT NOT NULL UNIQUE,
  import_id INTEGER
);
CREATE INDEX events_client ON events(client_ref, kind, date);
CREATE INDEX events_kind_date ON events(kind, date);
CREATE INDEX events_order ON events(order_id);
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  sheet TEXT,
  kind TEXT NOT NULL,
  checksum TEXT,
  mapping TEXT,
  stage_map TEXT,
  set_values TEXT,
  rows INTEGER, inserted INTEGER, updated INTEGER, rejected INTEGER,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
  undone_at TEXT
);
CREATE TABLE import_problems (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  row INTEGER, [column] TEXT, value TEXT, reason TEXT
);
CREATE INDEX import_problems_import ON import_problems(import_id);
-- before-images of rows an import updated, for undo
CREATE TABLE import_changes (
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  before TEXT NOT NULL
);
CREATE INDEX import_changes_row ON import_changes(table_name, row_id);
CREATE INDEX import_changes_import ON import_changes(import_id);
-- sheets that are neither clients nor events, kept as they came
CREATE TABLE reference_rows (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  sheet TEXT, row INTEGER, data TEXT
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE stage_mappings (value_key TEXT PRIMARY KEY, raw_value TEXT, target TEXT NOT NULL);
CREATE TABLE saved_mappings (
  headers_key TEXT PRIMARY KEY, kind TEXT, mapping TEXT, updated_at TEXT
);
CREATE TABLE personas (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL, title TEXT, icon TEXT, photo BLOB, photo_type TEXT,
  description TEXT, goals TEXT, pain_points TEXT, delights TEXT,
  preferred_contact TEXT, key_opportunities TEXT, sales_tips TEXT, sales_method TEXT,
  target_revenue REAL, target_visit_frequency REAL, target_satisfaction REAL,
  impact INTEGER, effort INTEGER,
  tier INTEGER, archived INTEGER NOT NULL DEFAULT 0, position INTEGER,
  updated_at TEXT, version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE touchpoints (
  id INTEGER PRIMARY KEY,
  stage TEXT NOT NULL, position INTEGER,
  touchpoint TEXT NOT NULL, channel TEXT, department TEXT, customer_action TEXT,
  thinks_feels TEXT, emotion INTEGER, pain_points TEXT, delights TEXT, opportunities TEXT,
  kpi TEXT, owner TEXT, state TEXT NOT NULL DEFAULT 'current',
  updated_at TEXT, version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX touchpoints_stage ON touchpoints(stage, position);
""")


@migrations()
def m002_personas(db: Database) -> None:
    """Clients assigned to a persona by hand (they win over the tracker's persona column).
    No foreign key on persona_id: undoing a Personas import deletes and re-inserts the
    persona row, which must not take its assignments with it."""
    _run_script(db, """
CREATE TABLE persona_assignments (
  client_ref INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
  persona_id INTEGER NOT NULL
);
CREATE INDEX persona_assignments_persona ON persona_assignments(persona_id);
""")


@migrations()
def m003_workshop(db: Database) -> None:
    """The function map (seeded with seven functions), touchpoint-table saves for undo,
    and named snapshots of the journey map (see journey.touchpoints)."""
    from .touchpoints import FUNCTION_MAP_DEFAULTS

    _run_script(db, """
CREATE TABLE function_map (
  id INTEGER PRIMARY KEY,
  department TEXT NOT NULL UNIQUE, uses TEXT, outcome TEXT, stages TEXT,
  position INTEGER, updated_at TEXT, version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE workshop_saves (
  id INTEGER PRIMARY KEY,
  table_name TEXT NOT NULL, scope TEXT, summary TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
  undone_at TEXT
);
-- before-images of the rows a save changed (before NULL: the save added the row)
CREATE TABLE workshop_save_rows (
  save_id INTEGER NOT NULL REFERENCES workshop_saves(id) ON DELETE CASCADE,
  row_id INTEGER NOT NULL, before TEXT, after_version INTEGER,
  position_only INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX workshop_save_rows_save ON workshop_save_rows(save_id);
CREATE TABLE map_snapshots (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE, note TEXT, data TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
)""")
    for position, row in enumerate(FUNCTION_MAP_DEFAULTS, start=1):
        db.execute("INSERT INTO function_map(department, uses, outcome, stages, position) "
                   "VALUES (?, ?, ?, ?, ?)", [*row, position])


@migrations()
def m004_funnel_indexes(db: Database) -> None:
    """Each client's stored path through the stages (``clients.stage_path``, see
    journey.paths) and the indexes that keep the funnel page fast at 100,000 clients:
    events in (client, date, id) order for the paths, (persona, furthest_rank) for the
    persona filter every page applies, where clients are now and who left, and the
    workspace's latest date. The other segment fields, the cohort month and the path get
    no index: each would add ~0.1 s to a 100,000-row import for a query that stays within
    its budget without it (bench/funnel_bench.py, bench/import_bench.py)."""
    from .paths import refresh_paths

    if "stage_path" not in {c.name for c in db["clients"].columns}:
        db.execute("ALTER TABLE clients ADD COLUMN stage_path TEXT")
    _run_script(db, """
CREATE INDEX IF NOT EXISTS events_path ON events(client_ref, date, id, stage, kind, amount)
  WHERE client_ref IS NOT NULL AND date IS NOT NULL
    AND (stage IS NOT NULL OR kind IN ('purchase', 'won', 'referral', 'review', 'nps'));
CREATE INDEX IF NOT EXISTS clients_persona_rank ON clients(persona, furthest_rank);
CREATE INDEX IF NOT EXISTS clients_now ON clients(furthest_rank, current_stage, outcome);
CREATE INDEX IF NOT EXISTS clients_last_date ON clients(last_date)
""")
    refresh_paths(db)


@migrations()
def m005_signs_indexes(db: Database) -> None:
    """Covering indexes for the signs of misalignment (journey.signs): events by kind and
    date with their client (daily counts, purchase days per client), and events with a
    reason by kind, date and reason; and the signs' per-client dates and flags as one
    indexed expression (``journey.signs.CLIENT_DAYS``), which SQLite keeps with every write
    to clients, so the signs read them back for 100,000 clients in milliseconds."""
    from .signs import CLIENT_DAYS

    _run_script(db, """
CREATE INDEX IF NOT EXISTS events_kind_date_client ON events(kind, date, client_ref);
CREATE INDEX IF NOT EXISTS events_kind_date_reason ON events(kind, date, reason, client_ref)
  WHERE reason IS NOT NULL
""")
    db.execute(f"CREATE INDEX IF NOT EXISTS clients_signs_days ON clients({CLIENT_DAYS})")


@migrations()
def m006_undo_after_images(db: Database) -> None:
    """What an import wrote into each row it changed (``import_changes.after``), so that
    undo tells the import's values from changes made since (see journey.ingest.undo_import).
    Records made before this have none: undo puts those rows back whole, as it did."""
    if "after" not in {c.name for c in db["import_changes"].columns}:
        db.execute("ALTER TABLE import_changes ADD COLUMN after TEXT")
