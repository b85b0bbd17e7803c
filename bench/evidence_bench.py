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

``--downloads`` times instead what a click on each evidence table's CSV and Excel buttons
does (views/signs.py ``whole_evidence``, then ``journey.tables``): the table clicked built
whole and written to a file, median CPU (wall clock in brackets), beside the way before in
the same run (both tables built, the workbook written by XlsxWriter a call per cell and the
CSV neutralised a cell at a time: ``before_xlsx``, ``before_csv``), and checks that the two
workbooks hold the same cells and the two CSV files the same bytes.
Run: ``.venv/bin/python bench/evidence_bench.py [--runs N] [--naive-runs N]
[--clients N --events N] [--persona NAME] [--downloads]``.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pandas as pd
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import arguments, median_ms, scale_arguments, scaled_workspace  # noqa: E402
from signs_bench import CACHE, N_CLIENTS, N_EVENTS, build  # noqa: E402
from journey import signs  # noqa: E402
from journey.filters import Filters  # noqa: E402
from journey.tables import neutralise, to_csv_bytes, to_xlsx_bytes  # noqa: E402

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


def before_csv(frame: pd.DataFrame) -> bytes:
    """The CSV download as it was written before: neutralised a cell at a time."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    safe.columns = [neutralise(str(column)) for column in safe.columns]
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def before_xlsx(frame: pd.DataFrame, sheet: str) -> bytes:
    """The Excel download as it was written before: XlsxWriter, a call per cell."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "nan_inf_to_errors": True})
    out = book.add_worksheet(sheet[:31])
    header = book.add_format({"bold": True, "bg_color": "#1F4E5F", "font_color": "#FFFFFF"})
    columns = [str(c) for c in frame.columns]
    for number, name in enumerate(columns):
        out.write_string(0, number, name, header)
    for number, column in enumerate(frame.columns):
        values = frame[column]
        for row, value in enumerate(values.tolist(), start=1):
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            if isinstance(value, bool):
                out.write_boolean(row, number, value)
            elif isinstance(value, (int, float)):
                out.write_number(row, number, value)
            else:
                out.write_string(row, number, str(value))
        width = max([len(columns[number])] + [len(str(v)) for v in values.head(200).tolist()])
        out.set_column(number, number, min(max(width + 2, 8), 60))
    out.freeze_panes(1, 0)
    if columns:
        out.autofilter(0, 0, max(len(frame), 1), len(columns) - 1)
    book.close()
    return buffer.getvalue()


def cells(data: bytes) -> list:
    return [sheet.to_python() for sheet in map(
        CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index, [0])]


def downloads(db, filters: Filters, runs: int, naive_runs: int) -> bool:
    """Each evidence table's CSV and Excel download, now and before; whether all agree."""
    print(f"{'':<30}{'table':>8}{'rows':>10}{'file':>6}{'now':>20}{'before':>22}{'ratio':>8}")
    ok = True
    for key in signs.SIGN_KEYS:
        for name in ("events", "clients"):
            table = signs.sign_evidence(db, key, filters, tables=(name,))[name]
            if table.empty:
                continue
            for kind, write, old in (("CSV", to_csv_bytes, before_csv),
                                     ("Excel", lambda t: to_xlsx_bytes(t, key),
                                      lambda t: before_xlsx(t, key))):
                now = median_ms(lambda: write(signs.sign_evidence(
                    db, key, filters, tables=(name,))[name]), runs, warm=False)
                then = median_ms(lambda: old(signs.sign_evidence(db, key, filters)[name]),
                                 naive_runs, warm=False)
                mine, theirs = write(table), old(table)
                same = mine == theirs if kind == "CSV" else cells(mine) == cells(theirs)
                ok &= same
                print(f"{key:<30}{name:>8}{len(table):>10,}{kind:>6}{now[1]:>8.0f} ms "
                      f"({now[0]:>6.0f}){then[1]:>9.0f} ms ({then[0]:>6.0f})"
                      f"{then[1] / now[1]:>7.1f}x" + ("" if same else "  DIFFERENT"),
                      flush=True)
    return ok


def main() -> None:
    parser = arguments(__doc__, runs=5)
    scale_arguments(parser, N_CLIENTS, N_EVENTS)
    parser.add_argument("--persona", default=None, help="one persona's evidence")
    parser.add_argument("--downloads", action="store_true",
                        help="time the CSV and Excel downloads instead of the page")
    args = parser.parse_args()
    db, n_clients, n_events, _, naive_runs = scaled_workspace(
        args, CACHE, build, (N_CLIENTS, N_EVENTS))
    filters = Filters(persona=(args.persona,)) if args.persona else Filters()
    print(f"{n_clients:,} clients, {n_events:,} events"
          + (f", persona {args.persona}" if args.persona else "")
          + f"; median of {args.runs} runs ({naive_runs} of the way before); CPU time, wall "
          f"clock in brackets; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n")
    if args.downloads:
        ok = downloads(db, filters, args.runs, naive_runs)
        db.close()
        sys.exit(0 if ok else 1)
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
