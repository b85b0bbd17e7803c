"""Peak memory of imports whose rows, not bytes, make the work (issue 13, item 6).

    .venv/bin/python bench/memory_bench.py [--runs 3]

A file's size does not bound an import: 10 MB of one-letter rows are 5,000,000 rows, and
before the row and cell limits such a file took 2.7 GB (a 40 MB one 11.6 GB and 331 s).
Each file below is imported with the real command, ``python -m journey import FILE
--workspace bench``, in a fresh child process with ``JOURNEY_HOME`` in a new temporary
folder; its peak is the child's maximum resident set size (``ru_maxrss`` from
``os.wait4``: interpreter and libraries included), its CPU time the child's user + system
time. Prints the median of the runs per file, the exit status and the command's sentence
or summary, and the limits (the workspace settings ``max_import_rows`` and
``max_import_cells``, at their defaults). Goal: every peak under about 1 GB.

Files (generated once, cached in /tmp/journey-bench):

- 5,000,000 one-letter rows, a 10 MB CSV (refused: over the row limit);
- 40 MB of one-letter rows (20,000,000 rows; refused);
- the 100,000-row x 26-column client tracker of bench/import_bench.py (.xlsx; imported);
- the largest event list the limits let in: ``max_import_rows`` rows with as many columns
  as ``max_import_cells`` allows (customer, date, kind, amount, channel, ...; imported):
  events cost the most memory per row, so this is the worst sheet that gets in.

Issue 18 (``--tracker 500000``, or any rows): the same client tracker with that many rows,
imported with the default settings: a sheet with more cells than ``max_import_cells`` is
read, prepared and saved in parts (journey.ingest.xlsx_parts), so its peak should not grow
with its rows; the goal is 700 MB for 500,000 rows (a 64 MB workbook). Peaks per 1,000 rows
are printed to compare sizes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from import_bench import CACHE  # noqa: E402
from import_bench import tracker_path as _tracker_path  # noqa: E402
from journey.workspace import DEFAULT_SETTINGS  # noqa: E402

GOAL_MB = 1024
GOAL_TRACKER_MB = 700       # issue 18: a 500,000-row tracker, read and saved in chunks
LETTERS = "abcdefghijklmnopqrstuvwxyz"
EVENT_COLUMNS = ("Customer", "Date", "Type", "Amount", "Source", "Owner", "Stage", "Note")
KINDS = ("purchase", "contact", "complaint", "referral", "review", "refund")
CHANNELS = ("email", "phone", "web", "shop", "event")
STAGES = ("Lead", "Qualified", "Won", "Repeat", "Promoter")


def letters_csv(rows: int) -> Path:
    """A one-column CSV: a header, then ``rows`` rows of one letter each (2 bytes a row)."""
    path = CACHE / f"letters-{rows}.csv"
    if not path.exists():
        body = (LETTERS * (rows // len(LETTERS) + 1))[:rows]
        write_once(path, "Name\n" + "\n".join(body) + "\n")
    return path


def events_csv(rows: int, columns: int) -> Path:
    """An event list: ``rows`` rows of the first ``columns`` of EVENT_COLUMNS."""
    path = CACHE / f"events-{rows}x{columns}.csv"
    if not path.exists():
        lines = [",".join(EVENT_COLUMNS[:columns])]
        for i in range(rows):
            cells = (f"Client {i % 50_000}", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                     KINDS[i % len(KINDS)], f"{(i % 997) * 1.5:.2f}", CHANNELS[i % len(CHANNELS)],
                     f"Owner {i % 7}", STAGES[i % len(STAGES)], f"note {i % 1000}")
            lines.append(",".join(cells[:columns]))
        write_once(path, "\n".join(lines) + "\n")
    return path


def write_once(path: Path, text: str) -> None:
    """Write a cached file whole or not at all."""
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_text(text)
    partial.rename(path)


def tracker_path(rows: int) -> Path:
    """The generated tracker, written (once) by a process of its own: a child forked from
    this process after it wrote 500,000 rows would count this process's memory in its peak
    (ru_maxrss includes what the child held before it exec'd), 2,086 MB whatever the import
    does."""
    subprocess.run([sys.executable, "-c", "import sys; sys.path[:0] = sys.argv[1:3]; "
                    "from import_bench import tracker_path; tracker_path(int(sys.argv[3]))",
                    str(REPO / "bench"), str(REPO), str(rows)], check=True)
    return _tracker_path(rows)


def measure(path: Path) -> dict:
    """One import in a fresh child process: peak MB, CPU seconds, exit status, last line."""
    with tempfile.TemporaryDirectory(prefix="journey-memory-") as home, \
            tempfile.TemporaryFile("w+") as output:
        env = {**os.environ, "JOURNEY_HOME": home, "PYTHONPATH": str(REPO)}
        child = subprocess.Popen([sys.executable, "-m", "journey", "import", str(path),
                                  "--workspace", "bench"], cwd=REPO, env=env,
                                 stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        lines = output.read().strip().splitlines()
    return {"peak_mb": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime,
            "status": child.returncode, "said": lines[0] if lines else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tracker", type=int, metavar="ROWS",
                        help="only the client tracker of this many rows (issue 18)")
    args = parser.parse_args()
    runs = args.runs
    if args.tracker:
        return tracker(args.tracker, runs)
    max_rows, max_cells = DEFAULT_SETTINGS["max_import_rows"], DEFAULT_SETTINGS["max_import_cells"]
    columns = min(max_cells // max_rows, len(EVENT_COLUMNS))
    files = [
        ("5,000,000 one-letter rows", letters_csv(5_000_000)),
        ("40 MB of one-letter rows", letters_csv(20_000_000)),
        ("100,000 x 26 client tracker", tracker_path(100_000)),
        (f"{max_rows:,} events x {columns} columns (at the limits)", events_csv(max_rows, columns)),
    ]
    print(f"limits: {max_rows:,} rows and {max_cells:,} cells per sheet "
          f"(max_import_rows, max_import_cells); goal: peak under {GOAL_MB:,} MB; "
          f"median of {runs} runs")
    worst = 0.0
    for title, path in files:
        found = [measure(path) for _ in range(runs)]
        peak = statistics.median(r["peak_mb"] for r in found)
        cpu = statistics.median(r["cpu"] for r in found)
        statuses = sorted({r["status"] for r in found})
        worst = max(worst, peak)
        print(f"\n{title}: {path.name} ({path.stat().st_size / 1e6:.1f} MB)\n"
              f"  peak {peak:,.0f} MB, CPU {cpu:.1f} s, exit {'/'.join(map(str, statuses))}\n"
              f"  {found[-1]['said']}")
    print(f"\nhighest peak {worst:,.0f} MB: {'within' if worst <= GOAL_MB else 'OVER'} the goal")


def tracker(rows: int, runs: int) -> None:
    """The client tracker of ``rows`` rows at the default settings (a sheet over
    max_import_cells is read in parts)."""
    path = tracker_path(rows)
    size_mb = path.stat().st_size / 2**20
    print(f"{rows:,} x 26 client tracker: {path.name} ({size_mb:.1f} MB); median of {runs} "
          f"runs; goal: peak under {GOAL_TRACKER_MB} MB")
    found = [measure(path) for _ in range(runs)]
    peak = statistics.median(r["peak_mb"] for r in found)
    cpu = statistics.median(r["cpu"] for r in found)
    statuses = sorted({r["status"] for r in found})
    print(f"\ndefault settings:\n  peak {peak:,.0f} MB ({peak / rows * 1000:.2f} MB per 1,000 "
          f"rows), CPU {cpu:.1f} s, exit {'/'.join(map(str, statuses))}\n  {found[-1]['said']}")
    if statuses == [0]:
        print(f"  {'within' if peak <= GOAL_TRACKER_MB else 'OVER'} the goal")


if __name__ == "__main__":
    main()
