"""Import speed and memory: Journey's import against the naive way, measured in one run.

    .venv/bin/python bench/import_bench.py [--runs 3] [--rows 100000] [--profile]

1. A 100,000-row x 26-column client tracker (.xlsx, cached under /tmp) is imported end to
   end (read, map, coerce, validate, write, refresh the derived figures) into a fresh
   workspace with ``journey.ingest.import_file``, beside the naive way: pandas.read_excel
   with openpyxl, then sqlite-utils ``insert_all``.
2. The 125,000-row retail CSV from ../shared/datasets (when present) is imported as events,
   beside pandas.read_csv + ``insert_all``.

Every run is a fresh child process, so each peak (the child's maximum resident set size,
interpreter and libraries included) belongs to one import alone; times are taken inside the
child around the import (not the interpreter's start-up). Prints the median of the runs, the
ratio naive / Journey, and Journey's time per phase. Issue 2's goal: 6x or more, peak under
700 MB. ``--profile`` prints the top of a cProfile of one Journey import of each file.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CACHE = Path(tempfile.gettempdir()) / "journey-bench"
RETAIL = REPO.parent / "shared" / "datasets" / "retail_data_transactions.csv"
GOAL_RATIO, GOAL_MB = 6.0, 700

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
    path = CACHE / f"client-tracker-{rows}x{len(TRACKER_FIELDS)}-v2.xlsx"
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

def child(how: str, path: str) -> dict:
    """Import ``path`` once the ``how`` way into a fresh database; time and peak memory."""
    import resource

    folder = Path(tempfile.mkdtemp(prefix="journey-bench-"))
    phases: dict[str, float] = {}
    try:
        if how == "journey":
            from journey.ingest import import_file
            from journey.workspace import open_workspace
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
            phases["understanding"] = understanding_cpu(db, Path(path).name, data)
            db.close()
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
            file.unlink()
        folder.rmdir()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # KiB on Linux
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "rows": rows,
            "rejected": rejected, "phases": phases}


def understanding_cpu(db, name: str, data: bytes) -> float:
    """CPU seconds of the import's understanding alone (profiles, header and value evidence,
    the kind): planning the file again less reading it, after the measured import."""
    from journey.ingest import plan_file, read_tables
    cpu = time.process_time()
    read_tables(name, data)
    read = time.process_time() - cpu
    cpu = time.process_time()
    plan_file(name, data, db=db)
    return max(0.0, time.process_time() - cpu - read)


def measure(how: str, path: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", how, str(path)],
                          capture_output=True, text=True, check=False, cwd=REPO)
    if done.returncode:
        raise SystemExit(f"{how} run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare(title: str, path: Path, runs: int, goal: bool) -> float:
    """Alternate Journey and naive runs (so both see the same machine load); print, with
    issue 2's goal when ``goal``."""
    found: dict[str, list[dict]] = {"journey": [], "naive": []}
    for _ in range(runs):
        for how in found:
            found[how].append(measure(how, path))
    print(f"\n{title}: {path.name} ({path.stat().st_size / 1e6:.1f} MB), {runs} runs each")
    medians, cpus = {}, {}
    for how, label in (("naive", "naive (pandas + sqlite-utils)"), ("journey", "Journey import")):
        times = [r["seconds"] for r in found[how]]
        medians[how] = statistics.median(times)
        cpus[how] = statistics.median(r["cpu"] for r in found[how])
        peak = max(r["peak_mb"] for r in found[how])
        print(f"  {label:30s} median {medians[how]:6.2f} s (CPU {cpus[how]:6.2f} s)  "
              f"runs {', '.join(f'{t:.2f}' for t in times)}  peak {peak:4.0f} MB  "
              f"rows {found[how][0]['rows']:,}")
    phases = found["journey"][0]["phases"]
    if phases:
        split = {k: statistics.median(r["phases"].get(k, 0.0) for r in found["journey"])
                 for k in phases if k != "Done"}
        understood = split.pop("understanding", None)
        print("  Journey by phase (median):  " + ", ".join(f"{k.lower()} {v:.2f} s"
                                                          for k, v in split.items()))
        if understood is not None:
            print(f"  understanding (plan less read, CPU): {understood:.3f} s = "
                  f"{understood / cpus['journey']:.1%} of the import's CPU (issue 15: at most "
                  "10%)")
    ratio = medians["naive"] / medians["journey"]
    peak = max(r["peak_mb"] for r in found["journey"])
    goals = ((f" (goal {GOAL_RATIO:.0f}x or more)", f" (goal under {GOAL_MB} MB)") if goal else
             (" (no goal: the naive way stores rows, Journey also links and derives every "
              "client's figures)", ""))
    print(f"  ratio naive / Journey: {ratio:.1f}x wall clock, {cpus['naive'] / cpus['journey']:.1f}x "
          f"CPU time{goals[0]}; Journey peak {peak:.0f} MB{goals[1]}")
    return ratio


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
    parser.add_argument("--only", choices=("tracker", "retail"))
    parser.add_argument("--child", nargs=2, metavar=("HOW", "FILE"), help=argparse.SUPPRESS)
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
            compare(title, path, args.runs, goal)
    return 0


if __name__ == "__main__":
    sys.exit(main())
