"""A sign's evidence as the Signs page opens it, for each of the eight signs.

On the workspace ``signs_bench.py`` builds and caches (100,000 clients and 1,000,000 events;
``--clients 1000000 --events 10000000`` for the large one, 2.7 GB, about 6 minutes to build
once), prints for each sign the median CPU time (wall clock beside it) of:

- the page's way: each table's count and its first 1,000 rows, asked of SQLite
  (``journey.signs.first_sign_evidence``; budget 1 s of CPU),
- the way it was done before, measured in the same run: every row of both tables built in
  pandas and cut to 1,000 on the page (``journey.signs.sign_evidence``, which the downloads
  still use),

with the ratio of their CPU medians, and checks that both give the same counts and the
same first rows. CPU time is what is judged: on a shared machine the wall clock also counts
the time spent waiting for a core. ``--persona`` measures one persona's evidence instead.
Run: ``.venv/bin/python bench/evidence_bench.py [--runs N] [--naive-runs N]
[--clients N --events N] [--persona NAME]``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import arguments, median_ms, scale_arguments, scaled_workspace  # noqa: E402
from signs_bench import CACHE, N_CLIENTS, N_EVENTS, build  # noqa: E402
from journey import signs  # noqa: E402
from journey.filters import Filters  # noqa: E402

ROWS = 1000                   # the rows the page shows (views/signs.py EVIDENCE_ROWS)
BUDGET_MS = 1000


def same(page: dict, whole: dict) -> bool:
    """Whether the page's counts and first rows are the whole tables'."""
    for name, table in page.items():
        expected = whole[name].head(ROWS).reset_index(drop=True).astype(object)
        shown = table.first.reset_index(drop=True).astype(object)
        if table.count != len(whole[name]) or not shown.fillna(-1).equals(
                expected.fillna(-1)):
            return False
    return True


def main() -> None:
    parser = arguments(__doc__, runs=5)
    scale_arguments(parser, N_CLIENTS, N_EVENTS)
    parser.add_argument("--persona", default=None, help="one persona's evidence")
    args = parser.parse_args()
    db, n_clients, n_events, _, naive_runs = scaled_workspace(
        args, CACHE, build, (N_CLIENTS, N_EVENTS))
    filters = Filters(persona=(args.persona,)) if args.persona else Filters()
    print(f"{n_clients:,} clients, {n_events:,} events"
          + (f", persona {args.persona}" if args.persona else "")
          + f"; median of {args.runs} runs ({naive_runs} of the way before); CPU time, wall "
          f"clock in brackets; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n")
    print(f"{'':<30}{'rows':>16}{'page':>20}{'before':>22}{'ratio':>8}")
    failed = False
    for key in signs.SIGN_KEYS:
        page = signs.first_sign_evidence(db, key, filters, ROWS)
        cpu_wall = median_ms(lambda: signs.first_sign_evidence(db, key, filters, ROWS),
                             args.runs)
        wall, cpu = cpu_wall
        rows = f"{page['events'].count:,} / {page['clients'].count:,}"
        line = f"{key:<30}{rows:>16}{cpu:>8.0f} ms ({wall:>5.0f})"
        ok = cpu <= BUDGET_MS
        if not args.no_naive:
            whole = signs.sign_evidence(db, key, filters)
            theirs, theirs_cpu = median_ms(lambda: signs.sign_evidence(db, key, filters),
                                           naive_runs, warm=False)
            line += f"{theirs_cpu:>9.0f} ms ({theirs:>6.0f}){theirs_cpu / cpu:>7.1f}x"
            if not same(page, whole):
                line += "  DIFFERENT ROWS"
                ok = False
        line += "  ok" if ok else "  OVER BUDGET"
        failed |= not ok
        print(line, flush=True)
    print("\nrows: events / clients behind the sign; page: budget "
          f"{BUDGET_MS:,} ms of CPU for both tables' counts and first {ROWS:,} rows")
    db.close()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
