"""Import speed and memory: Journey's import against the naive way, measured in one run.

    .venv/bin/python bench/import_bench.py [--runs 3] [--rows 100000] [--profile] [--again]

1. A 100,000-row x 26-column client tracker (.xlsx, cached under /tmp) is imported end to
   end (read, map, coerce, validate, write, refresh the derived figures) into a fresh
   workspace with ``journey.ingest.import_file``, beside the naive way: pandas.read_excel
   with openpyxl, then sqlite-utils ``insert_all``; and beside its parts (issue 18): the
   fastexcel read of the sheet, its cells as Python rows and one ``executemany`` of them
   into a table, committed.
2. The 125,000-row retail CSV from ../shared/datasets (when present) is imported as events,
   beside pandas.read_csv + ``insert_all`` (and, as parts, pyarrow's CSV read + one
   ``executemany``).

Every run is a fresh child process, so each peak (the child's maximum resident set size,
interpreter and libraries included) belongs to one import alone; times are taken inside the
child around the import (not the interpreter's start-up; the libraries each way needs are
imported before the clock starts). Prints the median of the runs, the ratios naive /
Journey and Journey / parts, and Journey's time per phase. Goals (issues 2 and 18): 6x the
naive way or more, at most 1.6x its parts, on CPU; peak under 700 MB. ``--profile`` prints
the top of a cProfile of one Journey import of each file (cProfile inflates per-call costs
many times over here: confirm a finding with process_time before acting on it).

The same data, whatever the speed: the workspace of the first Journey run is compared
column by column with the fingerprint recorded in bench/import_reference.json (written by
``--record`` from a version known to be right; see bench/common.workspace_fingerprint),
and the tracker's cells with the naive way's table, field by field.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CACHE = Path(tempfile.gettempdir()) / "journey-bench"
sys.path.insert(0, str(REPO / "bench"))
RETAIL = REPO.parent / "shared" / "datasets" / "retail_data_transactions.csv"
REFERENCE = REPO / "bench" / "import_reference.json"
GOAL_RATIO, GOAL_PARTS, GOAL_MB = 6.0, 1.6, 700

from common import cells_differences, fingerprint_differences, workspace_fingerprint  # noqa: E402

# The tracker's 26 columns: the template's headers for these client fields.
TRACKER_FIELDS = (
    "client_id", "name", "client_type", "purchasing_frequency", "country", "region",
    "persona", "contact_name", "email", "phone", "revenue_current", "revenue_potential",
    "preferred_channel", "contract_on_file", "buyer_type", "stage", "status", "channel",
    "owner", "first_contact", "last_contact", "satisfaction", "nps", "purchases",
    "referrals", "complaints")


# --- the workbook --------------------------------------------------------------------------

def tracker_path(rows: int) -> Path:
    """The generated tracker, written once and reused (deterministic)."""
    path = CACHE / f"client-tracker-{rows}x{len(TRACKER_FIELDS)}-v3.xlsx"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        write_tracker(partial, rows)
        partial.rename(path)
    return path


def write_tracker(path: Path, rows: int) -> None:
    """A believable tracker: text, money (numbers, some typed as "$1,234.50"), dates
    (Excel dates, some typed as dd/mm/yyyy text), yes/no, scores and counts."""
    import datetime as dt

    import numpy as np
    import xlsxwriter

    from journey.columns import CLIENT_COLUMNS

    rng = np.random.default_rng(2)
    pick = lambda options: np.asarray(options, dtype=object)[rng.integers(0, len(options), rows)]  # noqa: E731
    start = dt.date(2023, 1, 1)
    first = rng.integers(0, 900, rows)
    columns = {
        "client_id": [f"HP-{n:06d}" for n in range(1, rows + 1)],
        "name": [f"{a} {b} {n}" for n, (a, b) in enumerate(zip(
            pick(["Bayview", "Harbour", "Summit", "Oak", "River", "Coastal", "Metro"]),
            pick(["Dental", "Clinic", "Cafe", "Studio", "Motors", "Bakery", "Pharmacy"])))],
        "client_type": pick(["Clinic", "Retail", "Hospitality", "Trade", "Office"]),
        "purchasing_frequency": pick(["new", "existing", "to onboard", "prospect"]),
        "country": pick(["Australia", "New Zealand"]),
        "region": pick(["NSW", "VIC", "QLD", "WA", "SA", "Auckland"]),
        "persona": pick(["Dr. Jelena", "Owner Olly", "Manager Mia"]),
        "contact_name": [f"Contact {n}" for n in range(rows)],
        "email": [f"contact{n}@example.com" for n in range(rows)],
        "phone": [f"04{n:08d}" for n in range(rows)],
        "revenue_current": np.round(rng.gamma(2, 8000, rows), 2),
        "revenue_potential": np.round(rng.gamma(2, 20000, rows), 2),
        "preferred_channel": pick(["email", "phone", "in person", "SMS"]),
        "contract_on_file": pick(["yes", "no", "Yes", "N"]),
        "buyer_type": pick(["seasonal", "mature", "promo only"]),
        "stage": pick(["Awareness", "Consideration", "Purchase", "Retention", "Advocacy",
                       "Lead", "Won", "Repeat"]),
        "status": pick(["active", "active", "active", "lost", "churned"]),
        "channel": pick(["referral", "search", "social", "events", "ads", "website"]),
        "owner": pick(["Ana", "Ben", "Chloe", "Dev"]),
        "first_contact": [start + dt.timedelta(days=int(d)) for d in first],
        "last_contact": [start + dt.timedelta(days=int(d + e)) for d, e in
                         zip(first, rng.integers(0, 300, rows))],
        "satisfaction": rng.integers(1, 6, rows),
        "nps": rng.integers(0, 11, rows),
        "purchases": rng.integers(0, 12, rows),
        "referrals": rng.integers(0, 3, rows),
        "complaints": rng.integers(0, 2, rows),
    }
    typed = rng.random(rows) < 0.1            # a tenth of the cells typed by hand as text
    book = xlsxwriter.Workbook(str(path))      # shared strings, as Excel saves them
    book.set_properties({"created": dt.datetime(2024, 1, 1)})   # the same bytes every time
    sheet = book.add_worksheet("Clients")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, [CLIENT_COLUMNS[f][0] for f in TRACKER_FIELDS])
    for r in range(rows):
        for c, field in enumerate(TRACKER_FIELDS):
            value = columns[field][r]
            if field in ("revenue_current", "revenue_potential"):
                if typed[r]:
                    sheet.write_string(r + 1, c, f"${value:,.2f}")
                else:
                    sheet.write_number(r + 1, c, float(value))
            elif field in ("first_contact", "last_contact"):
                if typed[r]:
                    sheet.write_string(r + 1, c, value.strftime("%d/%m/%Y"))
                else:
                    sheet.write_datetime(r + 1, c, dt.datetime(value.year, value.month,
                                                               value.day), day)
            elif isinstance(value, str):
                sheet.write_string(r + 1, c, value)
            else:
                sheet.write_number(r + 1, c, int(value))
    book.close()


# --- one measured run (in a child process) -----------------------------------------------

def child(how: str, path: str, keep: str = "") -> dict:
    """Import ``path`` once the ``how`` way into a fresh database; time and peak memory
    (the database is moved to ``keep`` when given, for the comparisons). ``journey-again``
    imports it into a copy of the workspace at ``keep`` instead (one that holds it already:
    an owner's tracker uploaded again), which stays as it was."""
    import resource

    folder = Path(tempfile.mkdtemp(prefix="journey-bench-"))
    phases: dict[str, float] = {}
    fingerprint = None
    try:
        if how in ("journey", "journey-again"):
            import fastexcel  # noqa: F401  (imported before the clock, as for the parts)

            from journey.ingest import import_file
            from journey.workspace import open_workspace
            if how == "journey-again":
                shutil.copyfile(keep, folder / "bench.db")
                keep = ""
            db = open_workspace(folder / "bench.db")
            marks = []
            cpu = time.process_time()
            started = time.perf_counter()
            data = Path(path).read_bytes()
            results = import_file(db, Path(path).name, data,
                                  progress=lambda f, m: marks.append((time.perf_counter(), m)))
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu
            rows = sum(r.inserted + r.updated for r in results)
            rejected = sum(r.rejected for r in results)
            marks.append((started + seconds, "end"))
            for (at, message), (after, _) in zip(marks, marks[1:]):
                phase = message.split(" ")[0]
                phases[phase] = phases.get(phase, 0.0) + after - at
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # the import's
            phases["understanding"] = understanding_cpu(Path(path).name, data)
            fingerprint = workspace_fingerprint(db)
            db.close()
        elif how == "parts":
            seconds, cpu, rows = parts(path, folder / "parts.db")
            rejected = 0
        else:
            import pandas as pd
            from sqlite_utils import Database
            cpu = time.process_time()
            started = time.perf_counter()
            frame = (pd.read_excel(path, engine="openpyxl") if path.endswith(".xlsx")
                     else pd.read_csv(path))
            db = Database(folder / "naive.db")
            db["rows"].insert_all(frame.to_dict("records"))
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu
            rows, rejected = db["rows"].count, 0
            db.close()
    finally:
        for file in folder.iterdir():
            if keep and file.suffix == ".db":
                file.replace(keep)
            else:
                file.unlink()
        folder.rmdir()
    if how != "journey":    # (Journey's is taken before the understanding is measured)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # KiB on Linux
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "rows": rows,
            "rejected": rejected, "phases": phases, "fingerprint": fingerprint}


def parts(path: str, database: Path) -> tuple[float, float, int]:
    """The import's parts (issue 18): read the sheet (fastexcel; pyarrow for a CSV), turn
    its cells into Python rows, and insert them with one ``executemany`` into a table with
    a column per header, committed. Returns wall and CPU seconds, and the rows."""
    import fastexcel
    import pyarrow.csv

    from journey.workspace import sqlite3   # (the workspace's driver, as Journey's import)

    cpu = time.process_time()
    started = time.perf_counter()
    if path.endswith(".csv"):
        table = pyarrow.csv.read_csv(path)
        names, columns = table.column_names, table.columns
    else:
        batch = fastexcel.read_excel(Path(path).read_bytes()).load_sheet(
            0, header_row=0, schema_sample_rows=None, eager=True)
        names, columns = batch.schema.names, batch.columns
    rows = list(zip(*(column.to_pylist() for column in columns)))
    db = sqlite3.connect(database)
    db.execute(f"CREATE TABLE rows ({', '.join(f'[c{i}]' for i in range(len(names)))})")
    db.executemany(f"INSERT INTO rows VALUES ({', '.join('?' * len(names))})", rows)
    db.commit()
    db.close()
    return time.perf_counter() - started, time.process_time() - cpu, len(rows)


def understanding_cpu(name: str, data: bytes) -> float:
    """CPU seconds of the import's understanding alone (profiles, header and value evidence,
    the kind): planning the file with its sheets read already, with no workspace (the
    imported one would remember these headers and skip the guessing)."""
    from journey.ingest import plan as planning
    from journey.ingest import plan_file, read_tables
    sheets = read_tables(name, data)
    reader, planning.read_tables = planning.read_tables, lambda *_, **__: sheets
    try:
        cpu = time.process_time()
        plan_file(name, data)
        return time.process_time() - cpu
    finally:
        planning.read_tables = reader


def measure(how: str, path: Path, keep: Path | None = None) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", how, str(path),
                           str(keep or "")],
                          capture_output=True, text=True, check=False, cwd=REPO)
    if done.returncode:
        raise SystemExit(f"{how} run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare(title: str, path: Path, runs: int, goal: bool, record: bool = False,
            again: bool = False) -> float:
    """Alternate Journey, naive and parts runs (so all see the same machine load); print,
    with the goals when ``goal``; check the first Journey run's workspace (see the module
    docstring). With ``again``, also the file imported a second time into the workspace of
    the first Journey run (no goal: printed beside the first import). Returns the ratio
    naive / Journey on CPU."""
    found: dict[str, list[dict]] = {"journey": [], "naive": [], "parts": []}
    with tempfile.TemporaryDirectory(prefix="journey-compare-") as kept:
        keep = {"journey": Path(kept) / "journey.db", "naive": Path(kept) / "naive.db"}
        for run in range(runs):
            for how in ("journey", "naive", "parts"):
                found[how].append(measure(how, path, keep.get(how) if run == 0 else None))
            if again:
                found.setdefault("again", []).append(
                    measure("journey-again", path, keep["journey"]))
        print(f"\n{title}: {path.name} ({path.stat().st_size / 1e6:.1f} MB), {runs} runs each")
        medians, cpus = {}, {}
        for how, label in (("naive", "naive (pandas + sqlite-utils)"),
                           ("parts", "parts (read + executemany)"), ("journey", "Journey import"),
                           ("again", "Journey import again")):
            if how not in found:
                continue
            times = [r["seconds"] for r in found[how]]
            medians[how] = statistics.median(times)
            cpus[how] = statistics.median(r["cpu"] for r in found[how])
            peak = max(r["peak_mb"] for r in found[how])
            cpu_runs = ", ".join(f"{r['cpu']:.2f}" for r in found[how])
            print(f"  {label:30s} median {medians[how]:6.2f} s (CPU {cpus[how]:6.2f} s)  "
                  f"runs {', '.join(f'{t:.2f}' for t in times)} (CPU {cpu_runs})  "
                  f"peak {peak:4.0f} MB  rows {found[how][0]['rows']:,}")
        phases = found["journey"][0]["phases"]
        if phases:
            split = {k: statistics.median(r["phases"].get(k, 0.0) for r in found["journey"])
                     for k in phases if k != "Done"}
            understood = split.pop("understanding", None)
            print("  Journey by phase (median wall):  " + ", ".join(
                f"{k.lower()} {v:.2f} s" for k, v in split.items()))
            if understood is not None:
                print(f"  understanding (plan less read, CPU): {understood:.3f} s = "
                      f"{understood / cpus['journey']:.1%} of the import's CPU (issue 15: at "
                      "most 10%)")
        if again:
            print("  imported again into the workspace holding it: "
                  f"{cpus['again'] / cpus['journey']:.2f}x the first import's CPU time (no goal)")
        ratio = cpus["naive"] / cpus["journey"]
        over_parts = cpus["journey"] / cpus["parts"]
        peak = max(r["peak_mb"] for r in found["journey"])
        goals = ((f" (goal {GOAL_RATIO:.0f}x or more)", f" (goal at most {GOAL_PARTS}x)",
                  f" (goal under {GOAL_MB} MB)") if goal else
                 (" (no goal: the naive way stores rows, Journey also links and derives every "
                  "client's figures)", " (no goal)", ""))
        print(f"  ratio naive / Journey: {ratio:.1f}x CPU time{goals[0]}, "
              f"{medians['naive'] / medians['journey']:.1f}x wall clock")
        print(f"  ratio Journey / parts: {over_parts:.2f}x CPU time{goals[1]}, "
              f"{medians['journey'] / medians['parts']:.2f}x wall clock; "
              f"Journey peak {peak:.0f} MB{goals[2]}")
        check_workspace(path, found["journey"][0]["fingerprint"], keep, record)
    return ratio


def check_workspace(path: Path, fingerprint: dict, keep: dict[str, Path], record: bool) -> None:
    """Print whether the workspace Journey made is the one recorded in REFERENCE (or record
    it), and for the tracker whether its cells are the naive way's."""
    from journey.workspace import sqlite3

    references = json.loads(REFERENCE.read_text()) if REFERENCE.exists() else {}
    if record:
        references[path.name] = fingerprint
        REFERENCE.write_text(json.dumps(references, indent=1, sort_keys=True) + "\n")
        print(f"  workspace fingerprint recorded in {REFERENCE.relative_to(REPO)}")
    elif path.name not in references:
        print(f"  (no recorded workspace for {path.name}: run with --record on a version "
              "known to be right)")
    else:
        differences = fingerprint_differences(fingerprint, references[path.name])
        print("  workspace: " + ("the same as recorded, column by column" if not differences
                                 else "DIFFERENT from the recorded one in "
                                 + ", ".join(differences[:12])))
    if path.suffix == ".xlsx" and path.name.startswith("client-tracker"):
        from journey.columns import CLIENT_COLUMNS
        pairs = [("stage_raw" if f == "stage" else f, CLIENT_COLUMNS[f][0])
                 for f in TRACKER_FIELDS]
        with contextlib.closing(sqlite3.connect(keep["journey"])) as ours, \
                contextlib.closing(sqlite3.connect(keep["naive"])) as naive:
            differences = cells_differences(ours, naive, pairs, pairs[0])
        print("  cells: " + (f"the naive way's in all {len(pairs)} fields" if not differences
                             else "DIFFERENT from the naive way's: " + ", ".join(
                                 f"{k} ({n:,})" for k, n in differences.items())))


def profile(path: Path) -> None:
    """cProfile one Journey import; print the 25 most expensive functions (cumulative)."""
    import cProfile
    import pstats

    from journey.ingest import import_file
    from journey.workspace import open_workspace

    with tempfile.TemporaryDirectory() as folder:
        db = open_workspace(Path(folder) / "profile.db")
        profiler = cProfile.Profile(time.process_time)   # CPU time: robust on a busy machine
        profiler.enable()
        import_file(db, path.name, path.read_bytes())
        profiler.disable()
        db.close()
    print(f"\nProfile of one Journey import of {path.name}:")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--record", action="store_true",
                        help="record the workspace each file makes as the reference")
    parser.add_argument("--only", choices=("tracker", "retail"))
    parser.add_argument("--again", action="store_true",
                        help="also import each file again into the workspace holding it")
    parser.add_argument("--child", nargs=3, metavar=("HOW", "FILE", "KEEP"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    files = []
    if args.only in (None, "tracker"):
        started = time.perf_counter()
        path = tracker_path(args.rows)
        if time.perf_counter() - started > 1:
            print(f"(wrote {path} in {time.perf_counter() - started:.0f} s)")
        files.append(("Client tracker", path, True))
    if args.only in (None, "retail"):
        if RETAIL.exists():
            files.append(("Retail events", RETAIL, False))
        else:
            print(f"({RETAIL} is absent: the events import is not timed)")
    for title, path, goal in files:
        if args.profile:
            profile(path)
        else:
            compare(title, path, args.runs, goal, args.record, args.again)
    return 0


if __name__ == "__main__":
    sys.exit(main())
