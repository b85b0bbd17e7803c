"""What the benches share: their command line and the generated workspace they cache."""

from __future__ import annotations

import argparse
import json
import functools
import statistics
import time
from pathlib import Path

from journey.errors import WorkspaceError
from journey.workspace import open_workspace


def arguments(doc: str, runs: int) -> argparse.ArgumentParser:
    """The options every bench takes: --rebuild and --runs."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached workspace")
    parser.add_argument("--runs", type=int, default=runs)
    return parser


def cached_workspace(path: Path, build, rebuild: bool):
    """The generated workspace at ``path`` (built first when missing or asked), with its
    client and event counts. A cache an older schema made is rebuilt."""
    if not rebuild and path.exists():
        try:
            open_workspace(path, create=False).close()
        except WorkspaceError as error:
            print(f"rebuilding {path}: {error}")
            rebuild = True
    if rebuild or not path.exists():
        start = time.perf_counter()
        # Built beside it and renamed when done: an interrupted build leaves no cache.
        building = path.with_name(path.stem + "-building.db")
        for file in (building, path):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{file}{suffix}").unlink(missing_ok=True)
        build(building)
        for suffix in ("-wal", "-shm", ""):           # (the database file last)
            if Path(f"{building}{suffix}").exists():
                Path(f"{building}{suffix}").rename(f"{path}{suffix}")
        print(f"built {path} in {time.perf_counter() - start:.1f} s")
    db = open_workspace(path, create=False)
    clients = db.execute("SELECT COUNT(*) FROM clients").fetchone()[0]
    events = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    return db, clients, events


def median_ms(fn, runs: int, warm: bool = True) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``runs`` calls (after one warm-up call,
    unless ``warm`` is False: a naive way that takes a minute a call is not warmed).

    CPU time is printed too because the machine may be shared: wall time then includes
    waiting for a core, CPU time is the work itself.
    """
    if warm:
        fn()                                        # warm the page cache
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return statistics.median(walls), statistics.median(cpus)


# --- what an import made: compared between versions and with the naive way ---------------

# Columns whose values are the time of writing, not what was imported.
CLOCK_COLUMNS = frozenset({"updated_at", "created_at", "applied_at", "undone_at", "closed_at"})
# The tables an import writes (workshop tables only through workshop sheets).
IMPORT_TABLES = ("clients", "events", "imports", "import_problems", "import_changes",
                 "reference_rows", "stage_mappings", "saved_mappings", "persona_assignments")


# The undo journal's images: JSON, compared as the values they hold.
JSON_COLUMNS = {("import_changes", "before"), ("import_changes", "after")}


def workspace_fingerprint(db) -> dict[str, str]:
    """A digest of every column of the tables an import writes ("table.column" -> 16 hex
    digits, "table" -> its row count), clock columns left out. Values keep their SQLite
    type (5 and 5.0 differ), rows are taken in rowid order, the journal's JSON images as the
    values they hold (``JSON_COLUMNS``): two imports that made the same workspace have the
    same fingerprint, column by column."""
    import hashlib

    found: dict[str, str] = {}
    for table in IMPORT_TABLES:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info([{table}])").fetchall()]
        if not columns:
            continue
        found[table] = str(db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0])
        for column in columns:
            if column in CLOCK_COLUMNS:
                continue
            digest = hashlib.sha256()
            cursor = db.execute(f"SELECT [{column}], typeof([{column}]) FROM [{table}] "
                                "ORDER BY rowid")
            while rows := cursor.fetchmany(10_000):
                if (table, column) in JSON_COLUMNS:     # as read back, not as spelt
                    rows = [(None if v is None else json.dumps(json.loads(v), sort_keys=True),
                             kind) for v, kind in rows]
                digest.update(repr(rows).encode())
            found[f"{table}.{column}"] = digest.hexdigest()[:16]
    return found


def fingerprint_differences(found: dict[str, str], expected: dict[str, str]) -> list[str]:
    """What differs between two fingerprints ('clients.stage', 'events: 10 rows, not 12'),
    over the columns both have (a column a later migration added is not a difference)."""
    differences = []
    for key in sorted(expected.keys() & found.keys()):
        if found[key] != expected[key]:
            differences.append(f"{key}: {found[key]} rows, not {expected[key]}"
                               if "." not in key else key)
    return differences


def _plain(value):
    """A cell as both ways can be compared: numbers (money text too) as floats, dates and
    midnight datetimes as ISO dates (dd/mm/yyyy text too), yes/no as 1/0, text stripped."""
    import datetime as dt
    import re

    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return round(float(value), 6)
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"-?\$?-?[0-9][0-9,]*(\.[0-9]+)?", text):
        return round(float(text.replace("$", "").replace(",", "")), 6)
    if found := re.fullmatch(r"([0-9]{4}-[0-9]{2}-[0-9]{2})([ T]00:00:00)?", text):
        return found.group(1)
    if found := re.fullmatch(r"([0-9]{2})/([0-9]{2})/([0-9]{4})", text):
        return f"{found.group(3)}-{found.group(2)}-{found.group(1)}"
    return {"yes": 1.0, "y": 1.0, "true": 1.0, "no": 0.0, "n": 0.0, "false": 0.0}.get(
        text.lower(), text or None)


def cells_differences(journey_db, naive_db, pairs: list[tuple[str, str]], key: tuple[str, str],
                      table: str = "clients") -> dict[str, int]:
    """Cells that differ between Journey's ``table`` and the naive way's ``rows``, per
    (Journey column, naive header) pair, rows matched on ``key`` (the same pair for the
    key column); a row only one side has counts under '(rows)'."""
    def column(db, name: str, order: str, source: str) -> dict:
        return dict(db.execute(f"SELECT [{order}], [{name}] FROM [{source}]").fetchall())

    differences: dict[str, int] = {}
    ours_key = column(journey_db, key[0], key[0], table)
    theirs_key = column(naive_db, key[1], key[1], "rows")
    unmatched = len(ours_key.keys() ^ theirs_key.keys())
    if unmatched:
        differences["(rows)"] = unmatched
    for ours, theirs in pairs:
        mine = column(journey_db, ours, key[0], table)
        naive = column(naive_db, theirs, key[1], "rows")
        count = sum(_plain(mine.get(k)) != _plain(naive.get(k)) for k in theirs_key)
        if count:
            differences[ours] = count
    return differences


# --- the scale a bench runs at ------------------------------------------------------------

def scale_arguments(parser: argparse.ArgumentParser, clients: int, events: int) -> None:
    """--clients and --events (the bench's defaults), --naive-runs and --no-naive."""
    parser.add_argument("--clients", type=int, default=clients,
                        help=f"clients in the generated workspace (default {clients:,})")
    parser.add_argument("--events", type=int, default=events,
                        help=f"events in the generated workspace (default {events:,})")
    parser.add_argument("--naive-runs", type=int, default=None,
                        help="runs of the naive way (default: half of --runs, at least 3)")
    parser.add_argument("--no-naive", action="store_true",
                        help="leave the naive way out (it loads every row into pandas)")


def scaled_cache(path: Path, clients: int, events: int, default: tuple[int, int]) -> Path:
    """The cache file of a scale: ``path`` itself at the bench's default scale, else a file
    of its own beside it (``name-1000000x10000000.db``)."""
    if (clients, events) == default:
        return path
    return path.with_name(f"{path.stem}-{clients}x{events}{path.suffix}")


def scaled_workspace(args, path: Path, build, default: tuple[int, int]):
    """The generated workspace at the scale ``args`` asks for (--clients, --events), cached
    per scale (--rebuild), with its client and event counts, whether it is another scale
    than ``default``, and the runs of the naive way (--naive-runs, else half of --runs)."""
    cache = scaled_cache(path, args.clients, args.events, default)
    db, clients, events = cached_workspace(
        cache, functools.partial(build, n_clients=args.clients, n_events=args.events),
        args.rebuild)
    naive_runs = args.naive_runs or max(3, args.runs // 2)
    return db, clients, events, (args.clients, args.events) != default, naive_runs


def peak_memory_mb() -> float:
    """The peak resident memory of this process so far, in MB (Linux counts KB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
