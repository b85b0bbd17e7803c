"""Reading files a user gets wrong without taking anything down (issue 13, items 2, 6, 8).

- A refused CSV ends the command with exit status 2 every time: pyarrow's CSV reader was
  released on one of its own threads while the interpreter was exiting, which aborted the
  process now and then (exit 134). The refusal runs many times, several at once.
- A sheet over the workspace's row or cell limit is refused with one sentence before its
  cells become Python objects, and the workspace is left as it was.
- A text file with a few stray NUL bytes is read (they are removed, with a note saying
  where); only binary data is called binary.
- CSV downloads neutralise formula-like header names as they do cells.
"""

from __future__ import annotations

import concurrent.futures
import csv
import io
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from conftest import REPO, dump, xlsx_bytes
from journey.errors import UnreadableFile
from journey.ingest import import_file, read_tables, xlsx_columns
from journey.ingest import read as readers
from journey.tables import FORMULA_STARTS, to_csv_bytes, to_xlsx_bytes
from journey.workspace import DEFAULT_SETTINGS, open_workspace, set_setting

BASELINE = b"Customer ID,Company,Deal stage\nB1,Baseline Ltd,Lead\nB2,Second Co,Won\n"


def run_import(home: Path, file: Path) -> subprocess.CompletedProcess:
    """``python -m journey import FILE --workspace shop`` in a new process, ``JOURNEY_HOME`` at home."""
    env = {**os.environ, "JOURNEY_HOME": str(home), "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "journey", "import", str(file), "--workspace", "shop"],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=300)


def snapshot(path: Path) -> dict[str, bytes | None]:
    """The workspace file and its WAL companion, as bytes (None when absent)."""
    files = {"db": path, "wal": Path(f"{path}-wal")}
    return {key: file.read_bytes() if file.exists() else None for key, file in files.items()}


# --- item 2: a refusal exits 2, every time -------------------------------------------------

REFUSALS = {
    "header-only": (b"Customer ID,Company,Deal stage\n", "has a header row but no data rows."),
    "blank-rows": (b"Customer ID,Company\n\n\n  \n\n", "has a header row but no data rows."),
    "unclosed-quote": (b'Customer ID,Company\nC1,"Acme\nC2,Beta\nC3,Gamma\n',
                       'has a quote mark (") that opens a cell on row 2 and is never closed'),
}
RUNS, AT_ONCE = 40, 8


@pytest.mark.parametrize("case", list(REFUSALS))
def test_refused_file_exits_2_every_time(case, tmp_path):
    content, sentence = REFUSALS[case]
    file = tmp_path / f"{case}.csv"
    file.write_bytes(content)
    with concurrent.futures.ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        runs = list(pool.map(lambda _: run_import(tmp_path, file), range(RUNS)))
    failed = [(run.returncode, run.stderr) for run in runs if run.returncode != 2 or "terminate" in run.stderr]
    assert not failed, f"{len(failed)} of {RUNS} runs: {failed[:3]}"
    for run in runs:
        assert run.stderr.startswith(f"{case}.csv {sentence}"), run.stderr
        assert len(run.stderr.splitlines()) == 1 and run.stdout == ""
    assert not (tmp_path / "shop.db").exists()   # nothing was created either


def test_pyarrow_reads_memory_it_owns(monkeypatch):
    """The root cause of the abort: what pyarrow's CSV reader is given must not be a
    Python object (io.BytesIO), whose release on pyarrow's own thread needs the GIL."""
    import pyarrow.csv as pcsv

    sources = []
    real = pcsv.read_csv
    monkeypatch.setattr(pcsv, "read_csv", lambda source, **kw: sources.append(source) or real(source, **kw))
    read_tables("ok.csv", b"a,b\n1,2\n")
    assert sources and not any(isinstance(s, io.IOBase) or hasattr(s, "read") for s in sources)
    assert all(s.is_mutable for s in sources)  # allocated by Arrow, not a view of Python bytes


# --- item 6: the row and cell limits ---------------------------------------------------------

def rows_csv(rows: int, columns: int = 2) -> bytes:
    """A CSV of a header and ``rows`` rows of ``columns`` cells."""
    lines = [",".join(f"Column {c}" for c in range(columns))]
    lines += [",".join([f"v{r}"] * columns) for r in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def test_default_limits_are_the_workspace_settings_and_let_the_tracker_in():
    assert readers.DEFAULT_MAX_ROWS == DEFAULT_SETTINGS["max_import_rows"]
    assert readers.DEFAULT_MAX_CELLS == DEFAULT_SETTINGS["max_import_cells"]
    assert not readers._Limits().exceeded(100_000, 26)   # bench/import_bench.py's tracker


def test_rows_over_the_limit_are_refused_from_the_workspace_setting(tmp_path):
    path = tmp_path / "shop.db"
    db = open_workspace(path)
    import_file(db, "baseline.csv", BASELINE)
    set_setting(db, "max_import_rows", 1_000)
    db.close()
    before = snapshot(path)
    file = tmp_path / "big.csv"
    file.write_bytes(rows_csv(2_500))
    done = run_import(tmp_path, file)
    assert done.returncode == 2, done.stderr
    assert done.stderr == ("big.csv has 2,500 rows; this workspace imports at most 1,000 rows "
                           "per sheet (the setting max_import_rows; python -m journey settings changes it).\n")
    assert snapshot(path) == before


def test_cells_over_the_limit_are_refused_in_process(db):
    """A file whose rows are ragged (read by the csv module, whole) is refused over the
    cells; a regular one is read in parts instead (tests/test_sheet_parts.py)."""
    import_file(db, "baseline.csv", BASELINE)
    set_setting(db, "max_import_cells", 1_000)
    before = dump(db)
    with pytest.raises(UnreadableFile) as refused:
        import_file(db, "wide.csv", rows_csv(299, columns=4) + b"short,row\n")
    assert str(refused.value) == (
        "wide.csv has 300 rows by 4 columns (1,200 cells); this workspace imports at most "
        "1,000 cells per sheet (the setting max_import_cells; python -m journey settings changes it).")
    assert dump(db) == before


def test_a_sheet_at_the_limits_is_read():
    (sheet,) = read_tables("edge.csv", b"\n" + rows_csv(100) + b"\n\n", max_rows=100, max_cells=200)
    assert len(sheet.frame) == 100       # blank rows do not count
    with pytest.raises(UnreadableFile, match="has 100 rows; .* at most 99 rows"):
        read_tables("edge.csv", rows_csv(100), max_rows=99)


def test_csv_is_refused_before_its_cells_become_python_objects(monkeypatch):
    def never(*_args):
        raise AssertionError("cells were converted before the size check")

    monkeypatch.setattr(readers, "_arrow_to_cells", never)
    with pytest.raises(UnreadableFile, match="has 5,000 rows"):
        read_tables("big.csv", rows_csv(5_000), max_rows=1_000)


def test_ragged_csv_is_counted_in_chunks(monkeypatch):
    """The csv module's path (rows of different lengths) stops holding rows at the limit
    and counts the rest without keeping them."""
    monkeypatch.setattr(readers, "CSV_CHUNK", 100)
    monkeypatch.setattr(readers, "_grid_from_rows", lambda *_: pytest.fail("all rows were kept"))
    ragged = rows_csv(1_000) + b"x,y,surplus\n" + b"\n" * 50 + rows_csv(499)[len(b"Column 0,Column 1\n"):]
    with pytest.raises(UnreadableFile) as refused:
        read_tables("ragged.csv", ragged, max_rows=300)
    assert str(refused.value).startswith("ragged.csv has 1,500 rows; this workspace imports at most 300 rows")


WAYS = {"cell-by-cell": 50, "column-wise": xlsx_columns.MIN_ROWS + 10, "child-process": 50}


@pytest.mark.parametrize("way", list(WAYS))
def test_workbook_sheet_over_the_limit_is_refused_before_conversion(way, monkeypatch):
    """The whole file is refused (the sheet after it is fine), before a cell is converted;
    a large sheet without calamine opened at all. The child process that reads .xls and
    .xlsb files leaves the cells of such a sheet behind. (An .xlsx sheet that can be cut
    is read in parts instead, tests/test_sheet_parts.py: here it is taken for one that
    cannot be.)"""
    rows = WAYS[way]
    data = xlsx_bytes({"Orders": [["Order", "Amount", "Note"]] + [[f"O{r}", r, "x"] for r in range(rows)],
                       "Small": [["a", "b"], [1, 2]]})
    monkeypatch.setattr(readers, "header_width", lambda *_: None)      # cannot be cut
    monkeypatch.setattr(readers, "_clean_column", lambda *_: pytest.fail("calamine cells converted"))
    monkeypatch.setattr(xlsx_columns, "_cells", lambda *_: pytest.fail("fastexcel cells converted"))
    if way == "column-wise":
        monkeypatch.setattr(readers, "_open_calamine", lambda *_: pytest.fail("read cell by cell"))
    sent = []  # what the child process sent back, per sheet
    opener = readers._open_isolated
    monkeypatch.setattr(readers, "_open_isolated", lambda *a: (b := opener(*a), sent.append(dict(b.sheets)))[0])
    with pytest.raises(UnreadableFile) as refused:
        if way == "child-process":
            readers._read_workbook("orders.xlsx", data, None, readers._Limits(cells=rows * 3 - 1), isolated=True)
        else:
            read_tables("orders.xlsx", data, max_cells=rows * 3 - 1)
    assert str(refused.value) == (
        f"orders.xlsx, sheet 'Orders', has {rows:,} rows by 3 columns ({rows * 3:,} cells); "
        f"this workspace imports at most {rows * 3 - 1:,} cells per sheet (the setting max_import_cells; python -m journey settings changes it).")
    if way == "child-process":
        assert "rows" not in sent[0]["Orders"] and "rows" in sent[0]["Small"]


# --- item 8: stray NUL bytes, formula-like headers -------------------------------------------

def test_a_few_stray_nul_bytes_are_removed_with_a_note_naming_the_lines():
    data = b"id,name\n1,A\x00nn\n2,Bob\x00\x00\n3,Cat\n4,Dee\n5,Evie Lim\n"
    assert len(data) == 46 and data.count(0) == 3
    (sheet,) = read_tables("nul.csv", data)
    assert sheet.frame.values.tolist()[:3] == [["1", "Ann"], ["2", "Bob"], ["3", "Cat"]]
    assert "3 stray NUL bytes (invisible zero bytes) removed, on lines 2 and 3" in sheet.notes


def test_nul_padding_after_a_crash_is_not_binary():
    (sheet,) = read_tables("saved.csv", b"id,name\n1,Ann\n2,Bob\n" + bytes(4000))
    assert len(sheet.frame) == 2 and any("4,000 stray NUL bytes" in n for n in sheet.notes)
    with pytest.raises(UnreadableFile, match=r"is empty \(it has only blank rows and NUL bytes\)"):
        read_tables("zeros.csv", bytes(100))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_binary_data_is_still_binary(seed):
    noise = random.Random(seed).randbytes(46)
    with pytest.raises(UnreadableFile, match="looks like binary data"):
        read_tables("noise.csv", noise)


HOSTILE = ["=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rCR"]


def test_csv_download_neutralises_header_names():
    frame = pd.DataFrame([[h for h in HOSTILE]], columns=HOSTILE)
    rows = list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8-sig"), newline="")))
    assert rows[0] == ["'" + h for h in HOSTILE] == rows[1]
    assert not any(cell.startswith(FORMULA_STARTS) for row in rows for cell in row)


def test_xlsx_download_writes_header_names_as_text():
    data = to_xlsx_bytes(pd.DataFrame([[1] * len(HOSTILE)], columns=HOSTILE))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    header = [c for c in next(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(max_row=1))]
    assert [c.value.replace("_x000D_", "\r") for c in header] == HOSTILE  # openpyxl leaves CR escaped
    assert {c.data_type for c in header} == {"s"}
