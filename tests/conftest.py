"""Shared fixtures and helpers for the domain tests.

Fixtures: ``home`` (a temporary ``JOURNEY_HOME``), ``db`` (a migrated in-memory workspace)
and ``datasets`` (the real spreadsheets in ../shared/datasets, skipping when absent).
Helpers that build files in memory and dump a workspace are imported by the test modules
(``from conftest import ...``).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from journey.workspace import open_memory_workspace, open_workspace

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"
# Every page script app.py's navigation lists, in its order.
PAGES = re.findall(r'\("(views/[a-z_]+\.py)"', (REPO / "app.py").read_text())


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh workspaces folder, set as ``JOURNEY_HOME``."""
    folder = tmp_path / "workspaces"
    folder.mkdir()
    monkeypatch.setenv("JOURNEY_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """The demo workspace, built once per test session; tests copy it before writing."""
    from journey.demo import build_demo

    return build_demo(str(tmp_path_factory.mktemp("demo-build") / "demo.db"))


@pytest.fixture(scope="module")
def demo_and_empty_home(tmp_path_factory, demo_file) -> Path:
    """A ``JOURNEY_HOME`` for one test module: a copy of the demo ("demo") and an empty
    workspace ("empty")."""
    import shutil

    from journey.workspace import create_workspace

    folder = tmp_path_factory.mktemp("demo-and-empty")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JOURNEY_HOME", str(folder))
        shutil.copy(demo_file, folder / "demo.db")
        create_workspace("empty")
        yield folder


@pytest.fixture
def demo_home(demo_file, tmp_path, monkeypatch) -> Path:
    """A fresh ``JOURNEY_HOME`` holding a copy of the demo workspace, named "demo"."""
    import shutil

    folder = tmp_path / "demo-home"
    folder.mkdir()
    shutil.copy(demo_file, folder / "demo.db")
    monkeypatch.setenv("JOURNEY_HOME", str(folder))
    return folder


@pytest.fixture
def db():
    """A migrated in-memory workspace."""
    workspace = open_memory_workspace()
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def datasets() -> Path:
    """The folder of real spreadsheets; tests using it skip when it is absent."""
    if not DATASETS.is_dir():
        pytest.skip(f"{DATASETS} is absent")
    return DATASETS


# --- helpers -------------------------------------------------------------------------

def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    """CSV text (lines joined with \\n, as written) to bytes."""
    return text.encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list]], build=None) -> bytes:
    """A workbook with one sheet per item (rows of cells); ``build(wb)`` may add more."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    if build is not None:
        build(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Tables an undo must restore exactly; imports and import_changes record the history.
HISTORY_TABLES = ("imports", "import_changes", "import_problems")


def read_one(filename: str, data: bytes, **kwargs):
    """Read a file that must give exactly one sheet (a RawSheet)."""
    from journey.ingest.read import read_tables
    sheets = read_tables(filename, data, **kwargs)
    assert len(sheets) == 1
    return sheets[0]


def dump(db, exclude: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every row of every table (sorted), except ``exclude``: compare whole workspaces.

    The settings row ``_changes`` (a counter every committed write bumps, the pages'
    cache key) is left out: an undo is a write, so it moves on by design.
    """
    out = {}
    for table in db.table_names():
        if table in exclude or table.startswith("sqlite_") or table == "_sqlite_migrations":
            continue
        rows = db.execute(f"SELECT * FROM [{table}]").fetchall()
        if table == "settings":
            rows = [r for r in rows if r[0] != "_changes"]
        out[table] = sorted(rows, key=repr)
    return out


def clear_clock(db) -> None:
    """Blank what only the clock writes: the clients' and saved mappings' ``updated_at``
    and the same key in the journal's before-images (an import crossing a second
    boundary would otherwise differ from the same import run again)."""
    for table in ("clients", "saved_mappings"):
        db.execute(f"UPDATE {table} SET updated_at = NULL")
    db.execute("UPDATE import_changes SET before = json_remove(before, '$.updated_at') "
               "WHERE json_valid(before) AND json_type(before) = 'object'")


def clients(db, columns: str = "client_id, name, furthest_stage") -> list[tuple]:
    """Selected client columns, sorted."""
    return sorted(db.execute(f"SELECT {columns} FROM clients").fetchall(), key=repr)


def funnel_counts(db, by: str | None = None):
    """{stage: clients}, or {segment: {stage: clients}} with ``by``."""
    from journey.funnel import compute_funnel, compute_funnel_by
    if by is None:
        return dict(zip(compute_funnel(db)["stage"], compute_funnel(db)["clients"].astype(int)))
    return {segment: dict(zip(f["stage"], f["clients"].astype(int)))
            for segment, f in compute_funnel_by(db, by).items()}


# --- AppTest --------------------------------------------------------------------------

def app_test(workspace: str | None = None, page: str | None = None, **state):
    """An AppTest of app.py, run once (on ``page`` if given) with ``workspace`` chosen and
    ``state`` (presenter=True, filter_persona=[...], a page's own keys) in session state."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    if workspace:
        at.session_state["workspace"] = workspace
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    return at


# --- the command line -------------------------------------------------------------------

def run_cli(home, *args) -> subprocess.CompletedProcess:
    """``python -m journey ARGS`` in a child process, with ``home`` as JOURNEY_HOME (its exit
    status, stdout and stderr, as a user sees them)."""
    env = {**os.environ, "JOURNEY_HOME": str(home), "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "journey", *args], capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=120)


def cli_json(tmp_path, *args) -> dict:
    """``python -m journey ARGS --workspace TMP/w.db --json``, in-process, as its JSON."""
    from journey.__main__ import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([*args, "--workspace", str(tmp_path / "w.db"), "--json"]) == 0
    return json.loads(out.getvalue())


def cli_import_text(tmp_path, name, text) -> dict:
    """Write ``text`` to TMP/NAME and import it with the command line: its one sheet's JSON."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    return found


def cli_import_book(tmp_path, name: str, sheets: dict[str, list[list]],
                    merged: dict[str, list[str]] | None = None) -> list[dict]:
    """Write a workbook (``xlsx_bytes``; cells merged over ``merged``'s ranges, per sheet)
    to TMP/NAME and import it with the command line: each sheet's JSON."""
    def merge(workbook) -> None:
        for title, ranges in (merged or {}).items():
            for cells in ranges:
                workbook[title].merge_cells(cells)

    path = tmp_path / name
    path.write_bytes(xlsx_bytes(sheets, merge))
    return cli_json(tmp_path, "import", str(path))["imports"]


def cli_funnel(tmp_path) -> list[int]:
    """The clients at each stage, from ``funnel --json`` on TMP/w.db."""
    return [stage["clients"] for stage in cli_json(tmp_path, "funnel")["stages"]]


def kind_totals(tmp_path, kind: str) -> tuple[int, float | None]:
    """How many events of a kind TMP/w.db holds, and their amounts summed (to the cent)."""
    return workspace_rows(tmp_path, "SELECT COUNT(*), ROUND(SUM(amount), 2) FROM events "
                                    f"WHERE kind = '{kind}'")[0]


def workspace_rows(tmp_path, sql) -> list[tuple]:
    """Rows of a query on TMP/w.db."""
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    return [tuple(r) for r in db.execute(sql).fetchall()]


def workspace_state(tmp_path) -> dict:
    """TMP/w.db as an undo must leave it: every table but the history (``dump``), the
    clients' clock left out."""
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    found = dump(db, exclude=HISTORY_TABLES)
    clock = [c.name for c in db["clients"].columns].index("updated_at")
    found["clients"] = [r[:clock] + r[clock + 1:] for r in found["clients"]]
    db.close()
    return found


def cli_undo(tmp_path, number: int) -> None:
    """``python -m journey undo-import NUMBER`` on TMP/w.db, which must succeed."""
    done = run_cli(tmp_path, "undo-import", str(number), "--workspace", str(tmp_path / "w.db"))
    assert done.returncode == 0, done.stderr


# --- files of one business imported in several orders (test_files_together_s15, s16) ---

def file_orders(names: list[str], every: bool) -> list[tuple[str, ...]]:
    """Every order of the files, or four: as listed, reversed and two rotations."""
    if every:
        return list(itertools.permutations(names))
    return [tuple(names), tuple(reversed(names)), (*names[1:], names[0]),
            (*names[2:], *names[:2])]


def imported_in_order(tmp_path, texts: dict[str, str], order: tuple[str, ...]):
    """Import the files ``texts`` (name -> CSV text) in ``order`` with the command line into
    a workspace of their own under TMP; returns its folder."""
    place = tmp_path / "-".join(order)
    place.mkdir()
    for name in order:
        cli_import_text(place, f"{name}.csv", texts[name])
    return place


def sales_and_refunds(place) -> tuple:
    """The clients' sales and revenue (each sale once), and the refunds."""
    return (workspace_rows(place, "SELECT SUM(purchase_count), ROUND(SUM(revenue_events), 2) "
                                  "FROM clients")[0], kind_totals(place, "refund"))
