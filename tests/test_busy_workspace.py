"""A workspace busy with another writer (issue 13.5), and imports on a job of their own
(issue 13.1): one sentence and exit 2 instead of a "database is locked" traceback; one
import per workspace at a time; a failed job changes nothing and keeps the server alive."""

import subprocess
import sys
import threading

import pytest

from conftest import REPO, app_test
from journey import workspace
from journey.errors import WorkspaceBusy
from journey.workspace import create_workspace, open_workspace, sqlite3, write
from journey_ui import jobs

LEADS = b"Client ID,Name,Stage\nC1,Ann,lead\nC2,Bob,customer\n"


@pytest.fixture
def locked(home):
    """A workspace 'shop' whose write lock another connection holds during the test."""
    path = create_workspace("shop")
    holder = sqlite3.connect(str(path))
    holder.execute("BEGIN IMMEDIATE")
    yield path
    holder.rollback()
    holder.close()


def count(path, table: str) -> int:
    db = open_workspace(path, create=False)
    try:
        return db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]
    finally:
        db.close()


def test_a_workspace_to_migrate_while_another_writes_says_so(home, tmp_path):
    """A workspace made before the last migration, opened (by a newer Journey) while
    another process writes to it: the migration waits for the lock, then the same sentence
    as any busy write and exit 2, not "not a workspace Journey can open"."""
    from sqlite_utils import Database

    from journey import schema
    path = workspace.workspace_path("shop")
    path.parent.mkdir(parents=True, exist_ok=True)
    old = Database(sqlite3.connect(path))
    old.execute("PRAGMA journal_mode = WAL")
    schema.migrations.apply(old, stop_before="m020_clients_refunded")
    old.conn.commit()
    old.close()
    holder = sqlite3.connect(str(path))
    holder.execute("BEGIN IMMEDIATE")
    try:
        source = tmp_path / "leads.csv"
        source.write_bytes(LEADS)
        done = subprocess.run([sys.executable, "-m", "journey", "import", str(source),
                               "--workspace", "shop"], cwd=REPO, capture_output=True,
                              text=True, env={"JOURNEY_HOME": str(home), "PATH": "/usr/bin:/bin"},
                              timeout=120)
    finally:
        holder.rollback()
        holder.close()
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == ("Another import or save is still writing to the workspace "
                                   "'shop'; try again when it ends.")
    assert count(path, "clients") == 0            # and it opens once the other is done


def test_a_write_that_cannot_get_the_lock_says_so(locked, monkeypatch):
    monkeypatch.setattr(workspace, "BUSY_TIMEOUT_MS", 300)
    db = open_workspace(locked)
    with pytest.raises(WorkspaceBusy, match="Another import or save is still writing to the "
                                            "workspace 'shop'; try again when it ends."):
        with write(db):
            db.execute("INSERT INTO settings(key, value) VALUES ('x', '1')")
    db.close()


def test_the_command_line_refuses_with_one_sentence_and_exit_2(locked, tmp_path, home):
    source = tmp_path / "leads.csv"
    source.write_bytes(LEADS)
    done = subprocess.run([sys.executable, "-m", "journey", "import", str(source),
                           "--workspace", "shop"], cwd=REPO, capture_output=True, text=True,
                          env={"JOURNEY_HOME": str(home), "PATH": "/usr/bin:/bin"},
                          timeout=120)
    assert done.returncode == 2, done.stderr
    assert "try again when it ends" in done.stderr
    assert "Traceback" not in done.stderr and "locked" not in done.stderr


def test_the_import_page_says_the_workspace_is_busy(locked, monkeypatch):
    monkeypatch.setattr(workspace, "BUSY_TIMEOUT_MS", 300)
    at = app_test("shop", "views/import.py")
    at.file_uploader[0].upload("leads.csv", LEADS, "text/csv")
    at.run()
    next(b for b in at.main.button if b.label.startswith("Import 1 file")).click().run()
    assert not at.exception
    errors = [e.value for e in at.main.error]
    assert any("try again when it ends" in e for e in errors), errors
    assert count(locked, "imports") == 0


def test_one_job_per_workspace_at_a_time(home):
    path = str(create_workspace("shop"))
    release = threading.Event()
    first = jobs.start(path, "me", "Importing 1 file", lambda db, job: release.wait(10))
    with pytest.raises(jobs.JobRunning, match="Importing 1 file is still running in this "
                                              "workspace; try again when it ends."):
        jobs.start(path, "someone else", "Importing 2 files", lambda db, job: None)
    assert jobs.current(path) is first
    assert jobs.take(path, "me") is None                 # not finished yet
    release.set()
    first.finished.wait(10)
    assert jobs.take(path, "someone else") is None       # not theirs
    assert jobs.take(path, "me") is first and first.result is True
    assert jobs.current(path) is None


def test_a_job_that_fails_reports_it_and_changes_nothing(home):
    path = str(create_workspace("shop"))

    def broken(db, job):
        with write(db):
            db.execute("INSERT INTO settings(key, value) VALUES ('half', 'done')")
            job.progress(0.5, "Saving sheet")
            raise RuntimeError("disk on fire")

    job = jobs.start(path, "me", "Importing 1 file", broken)
    job.finished.wait(10)
    assert job.error == ("Importing 1 file stopped because of an error in Journey "
                         "(RuntimeError: disk on fire). Nothing was changed.")
    db = open_workspace(path, create=False)
    try:
        assert db.execute("SELECT COUNT(*) FROM settings WHERE key = 'half'").fetchone()[0] == 0
    finally:
        db.close()
