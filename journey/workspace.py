"""Workspaces: one SQLite file per business or workshop.

``open_workspace`` validates the name, applies the numbered migrations, and sets WAL
mode and a busy timeout. ``write`` wraps writes that belong together in one
``BEGIN IMMEDIATE`` transaction. The folder is ``data/workspaces`` beside the project,
or ``$JOURNEY_HOME`` when set.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlite_utils import Database

from .errors import ValidationError, WorkspaceBusy, WorkspaceError
from .kinds import COUNTS
from .schema import migrations
from .stages import ALL_STAGES, stage_at_column

try:    # SQLite 3.51 (pysqlite3-binary, on Linux x86-64), where the signs' and the imports'
    # queries take about a third less time than on Python's own SQLite 3.40; sqlite-utils
    # prefers it too, so its errors are this driver's. Elsewhere Python's own.
    import pysqlite3.dbapi2 as sqlite3
except ImportError:
    import sqlite3

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKSPACE = "demo"
BUSY_TIMEOUT_MS = 10_000



@dataclass(frozen=True)
class Setting:
    """A workspace setting: its type, its default and what it does. Stored as JSON."""
    kind: type
    default: object
    meaning: str


# Every workspace setting, declared once: get_setting returns a value of its kind.
SETTINGS: dict[str, Setting] = {
    "pre_awareness": Setting(bool, False, "show the optional sixth stage"),
    "day_first": Setting(bool, True, "ambiguous 03/04/2024 is 3 April"),
    "max_upload_mb": Setting(int, 100, "files larger than this are refused"),
    # Both limits keep an import under about 1 GB of memory (bench/memory_bench.py).
    "max_import_rows": Setting(int, 1_000_000, "sheets with more rows are refused"),
    "max_import_cells": Setting(int, 3_000_000, "cells read at once: a larger .xlsx sheet is "
                                "read in parts, other sheets this large are refused"),
    "stall_days": Setting(int, 60, "a client in one stage longer than this is stalled"),
    "currency": Setting(str, "$", "the symbol money is shown with"),
    "country": Setting(str, None, "the business's country (GB, US, AU...): phone numbers "
                       "written without a calling code are read as its"),
    "editing_passcode": Setting(str, None, "hash of the facilitator's passcode (journey.access)"),
    "signs_thresholds": Setting(dict, {}, "thresholds changed from the signs' defaults"),
    "signs_uneducated_keywords": Setting(dict, None, "the keyword classes of uneducated leads"),
    "signs_self_assessments": Setting(dict, {}, "the team's own scores of the signs"),
    "workshop_goal": Setting(dict, {}, "the workshop's objective and key results"),
}
DEFAULT_SETTINGS = {key: setting.default for key, setting in SETTINGS.items()}


def workspaces_home() -> Path:
    """The folder that holds the workspace files (``$JOURNEY_HOME`` or data/workspaces)."""
    home = os.environ.get("JOURNEY_HOME")
    return Path(home) if home else PROJECT_ROOT / "data" / "workspaces"


_NAME_RE = re.compile(r"^[\w][\w .()'&+,-]{0,63}$")
# Pages of 16 KiB rather than SQLite's 4 KiB: a wide clients row and the scans that the
# figures and index builds make take fewer pages (an import of 100,000 clients ~4% less CPU).
PAGE_SIZE = 16_384
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
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")    # (a new file's: others keep theirs)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        migrate(db)
        for work in _AFTER_OPEN:
            work(db)
    except sqlite3.DatabaseError as error:
        if _locked(error):     # (a migration waiting on another process's write)
            raise WorkspaceBusy(_busy(path.stem)) from None
        raise WorkspaceError(f"{path.name} is not a workspace Journey can open ({error}).")
    return db


def _locked(error: sqlite3.DatabaseError) -> bool:
    return isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error))


def _busy(name: str) -> str:
    return (f"Another import or save is still writing to the workspace '{name}'; "
            "try again when it ends.")


# Work a migration leaves to a layer above this one (journey.derive: clients' figures to
# work out again under a new rule), done when a workspace opens once that layer is loaded.
_AFTER_OPEN: list = []


def after_open(work):
    """Register ``work(db)`` to run each time a workspace opens, after its migrations."""
    _AFTER_OPEN.append(work)
    return work


def open_memory_workspace() -> Database:
    """A migrated in-memory workspace, for tests and previews."""
    db = Database(memory=True)
    migrate(db)
    return db


def query_frame(db: Database, sql: str, params: Sequence = ()) -> pd.DataFrame:
    """A query's rows as a DataFrame, a column per result column, as ``pd.read_sql`` builds
    it (which warns on any driver but Python's own sqlite3)."""
    cursor = db.conn.execute(sql, params)
    return pd.DataFrame.from_records(cursor.fetchall(), coerce_float=True,
                                     columns=[d[0] for d in cursor.description])


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
        if not _locked(error):
            raise
        raise WorkspaceBusy(_busy(Path(db.conn.execute("PRAGMA database_list").fetchone()[2]
                                       ).stem)) from None
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

def now_stamp() -> str:
    """Now in UTC, as SQLite's datetime('now') writes it (the workspace's updated_at)."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def get_setting(db: Database, key: str):
    """A workspace setting as its declared kind; its default when unset or unusable."""
    setting = SETTINGS[key]
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    value = json.loads(row[0]) if row else None
    if value is None:
        return copy.deepcopy(setting.default)
    if setting.kind in (int, float) and not isinstance(value, bool):
        try:
            return setting.kind(value)
        except (TypeError, ValueError):
            return setting.default
    return value if isinstance(value, setting.kind) else copy.deepcopy(setting.default)


# The settings a person may change by name (python -m journey settings); the others are
# changed on their pages (thresholds, keywords, self-assessments, the passcode).
PLAIN_SETTINGS = tuple(key for key, setting in SETTINGS.items()
                       if setting.kind in (bool, int, str) and key != "editing_passcode")
_YES, _NO = {"yes", "y", "true", "1", "on"}, {"no", "n", "false", "0", "off"}


def parse_setting(key: str, text: str):
    """A setting's value from text (``max_import_rows=500000``), or ValidationError."""
    if key not in PLAIN_SETTINGS:
        raise ValidationError(f"'{key}' is not a setting you can change here; the settings are "
                              f"{', '.join(PLAIN_SETTINGS)}.")
    kind, word = SETTINGS[key].kind, text.strip()
    digits = word.replace(",", "").replace("_", "")       # 600,000 and 600_000 are 600000
    if kind is bool and word.lower() in _YES | _NO:
        return word.lower() in _YES
    if kind is int and digits.isdigit() and int(digits) > 0:
        return int(digits)
    if kind is str and word:
        return word
    wanted = {bool: "yes or no", int: "a whole number above 0", str: "some text"}[kind]
    raise ValidationError(f"{key}={text}: {key} needs {wanted}.")


def set_setting(db: Database, key: str, value) -> None:
    """Store a workspace setting (None forgets it: its default applies again)."""
    SETTINGS[key]                    # KeyError for a setting nobody declared
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

def migrate(db: Database) -> None:
    """Apply pending migrations (journey.schema); safe to call every time a workspace opens."""
    migrations.apply(db)


# The per-client figures journey.derive computes from events (not imported from a file).
DERIVED_CLIENT_COLUMNS = {
    "furthest_stage": "TEXT", "furthest_rank": "INTEGER", "current_stage": "TEXT",
    "outcome": "TEXT", "first_date": "TEXT", "last_date": "TEXT",
    "event_count": "INTEGER", "purchase_days": "INTEGER", "revenue_events": "REAL",
    "refunded_events": "REAL",
    **{column: "INTEGER" for column in COUNTS}, "stage_since": "TEXT",
    **{stage_at_column(stage): "TEXT" for stage in ALL_STAGES},
}
