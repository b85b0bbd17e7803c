"""What the benches share: their command line and the generated workspace they cache."""

from __future__ import annotations

import argparse
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
        build(path)
        print(f"built {path} in {time.perf_counter() - start:.1f} s")
    db = open_workspace(path, create=False)
    clients = db.execute("SELECT COUNT(*) FROM clients").fetchone()[0]
    events = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    return db, clients, events


def median_ms(fn, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``runs`` calls (after one warm-up call).

    CPU time is printed too because the machine may be shared: wall time then includes
    waiting for a core, CPU time is the work itself.
    """
    fn()                                            # warm the page cache
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return statistics.median(walls), statistics.median(cpus)
