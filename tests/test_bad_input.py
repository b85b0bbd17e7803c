"""Bad input, at the level of ``import_file`` and of the command line.

Every case ends either in a clean import (rejected rows listed) or in UnreadableFile /
ValidationError: never a traceback, never a hang. A refused file leaves the workspace file
byte-for-byte as it was. Each case runs against its own file-based workspace in tmp; the
command-line runs are started together (each is a separate Python process) to keep the
module quick.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import io
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from conftest import REPO, xlsx_bytes
from journey.ingest import read as readers
from journey.errors import UnreadableFile, ValidationError
from journey.ingest import import_file, plan_file
from journey.workspace import open_workspace, set_setting

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89" + bytes(200))
BASELINE = b"Customer ID,Company,Deal stage\nB1,Baseline Ltd,Lead\nB2,Second Co,Won\n"


def small_workbook() -> bytes:
    return xlsx_bytes({"Clients": [["Customer ID", "Company"]] +
                       [[f"C{i}", f"Company {i}"] for i in range(200)]})


def declared_size(data: bytes, member: str, size: int) -> bytes:
    """A zip whose local and central headers declare ``size`` bytes for ``member``."""
    out, encoded = bytearray(data), member.encode()
    for magic, name_at, size_at in ((b"PK\x03\x04", 26, 22), (b"PK\x01\x02", 28, 24)):
        at = out.find(magic)
        while at != -1:
            name_len = struct.unpack_from("<H", out, at + name_at)[0]
            start = at + name_at + (4 if magic == b"PK\x03\x04" else 18)
            if bytes(out[start:start + name_len]) == encoded:
                struct.pack_into("<I", out, at + size_at, size)
            at = out.find(magic, at + 4)
    return bytes(out)


def zip_bomb() -> bytes:
    """A small xlsx that says its sheet unpacks to 2 GB (over the 1.5 GB guard)."""
    return declared_size(small_workbook(), "xl/worksheets/sheet1.xml", 2 * 1024 ** 3)


def squeezed_workbook() -> bytes:
    """A genuine workbook of ~5 KB that unpacks to ~50 KB (a cell of 32,767 zeros)."""
    return xlsx_bytes({"Clients": [["Customer ID", "Notes"], ["C1", "0" * 32_767]]})


def formulas() -> bytes:
    def build(workbook):
        sheet = workbook["Clients"]
        sheet["C2"] = "=B2*2"                      # no cached value: read as empty
        sheet["A4"] = '=HYPERLINK("http://x")'     # an ID that is a formula
    return xlsx_bytes({"Clients": [["Customer ID", "Revenue", "Potential revenue"],
                                   ["C1", 100, None], ["C2", 5, 7], [None, 1, 2]]}, build)


def wide_workbook() -> bytes:
    return xlsx_bytes({"Wide": [[f"h{i}" for i in range(5000)], list(range(5000))]})


def over_two_mb() -> bytes:
    line = b"C%07d,Company with a reasonably long name number %07d\n"
    rows = [line % (i, i) for i in range(2 * 1024 * 1024 // 50)]
    return b"Customer ID,Company\n" + b"".join(rows)


@dataclasses.dataclass
class Case:
    id: str
    filename: str
    build: Callable[[], bytes]
    error: type | None = None                       # refused with this error, else imported
    check: Callable | None = None                   # (db, results) -> None for imports
    args: tuple[str, ...] = ()                      # extra command-line arguments
    options: dict = dataclasses.field(default_factory=dict)   # the same for import_file
    max_upload_mb: int | None = None
    cli: bool = False          # run an import that succeeds through the command line too


def names(db):
    return [r[0] for r in db.execute("SELECT name FROM clients WHERE client_id NOT LIKE 'B_' "
                                     "ORDER BY client_id")]


def check_duplicate_headers(db, results):
    (r,) = results
    assert r.mapping == {"Customer ID": "client_id", "Company": "name", "company (2)": None,
                         "column 4": None, "Notes": None}
    assert db.execute("SELECT name, extra FROM clients WHERE client_id = 'C1'").fetchone() == (
        "Acme", '{"company (2)": "Acme Two", "column 4": "x", "Notes": "hello"}')


def check_ragged(db, results):
    assert (results[0].inserted, results[0].rejected) == (2, 0)
    assert db.execute("SELECT client_id, name, extra FROM clients WHERE client_id LIKE 'C%' "
                      "ORDER BY 1").fetchall() == [("C1", "Acme", '{"column 3": "surplus"}'),
                                                  ("C2", None, None)]


def check_utf16(db, results):
    assert names(db) == ["Zoë", "Łódź Ltd"]


def check_formulas(db, results):
    (r,) = results
    assert (r.inserted, r.rejected) == (2, 1)
    assert [p.as_dict() for p in r.problems] == [
        {"row": 4, "column": "client ID or name", "value": None,
         "reason": "the row has no client ID or name, so it cannot be matched to a client"}]
    assert db.execute("SELECT client_id, revenue_current, revenue_potential FROM clients "
                      "WHERE client_id LIKE 'C%' ORDER BY 1").fetchall() == [
        ("C1", 100.0, None), ("C2", 5.0, 7.0)]


def check_bad_values(db, results):
    (r,) = results        # each client is kept; the cells that cannot be read are left out
    assert (r.rows, r.inserted, r.rejected, r.problems) == (4, 4, 0, [])
    assert ("4 cells could not be read and were left empty, their clients kept: row 3, "
            "Customer Since (C): 'yesterday' is not a date Journey understands; row 4, "
            "Revenue (B): '12 apples' is not an amount of money; row 5, Revenue (B): "
            "'$1.2.3' is not an amount of money; row 5, Customer Since (C): '2024-13-45' is "
            "not a date Journey understands.") in r.notes
    assert db.execute("SELECT name, revenue_current, first_contact FROM clients WHERE "
                      "client_id LIKE 'C_' ORDER BY client_id").fetchall() == [
        ("Good", 10.0, "2024-01-02"), ("Bad date", 5.0, None), ("Bad money", None,
                                                                 "2024-01-03"),
        ("Both", None, None)]


def check_long_cells(db, results):
    assert db.execute("SELECT LENGTH(name), extra FROM clients WHERE client_id = 'C1'"
                      ).fetchone() == (10_000, '{"Notes": "' + "n" * 10_000 + '"}')


HOSTILE = ["<script>alert('x')</script>", "<b>Bold</b> & Co", "=1+2", "+44 20 7946 0000",
           "-Acme", "@home", '=HYPERLINK("http://evil","click")', "=cmd|' /C calc'!A0"]


def hostile_csv() -> bytes:
    quoted = ['"' + text.replace('"', '""') + '"' for text in HOSTILE]
    return ("Customer ID,Company\n" + "".join(f"C{i},{q}\n" for i, q in enumerate(quoted))
            ).encode()


def check_hostile(db, results):
    assert names(db) == HOSTILE


CASES = [
    Case("empty", "empty.csv", lambda: b"", UnreadableFile),
    Case("blank-lines", "blank.csv", lambda: b"\n\n  \r\n\t\n", UnreadableFile),
    Case("header-only", "header.csv", lambda: b"Customer ID,Company\n", UnreadableFile),
    Case("truncated-workbook", "cut.xlsx", lambda: small_workbook()[:3000], UnreadableFile),
    Case("encrypted-workbook", "secret.xlsx",
         lambda: readers.OLE2_MAGIC + bytes(500) + b"junk" * 50
         + "EncryptionInfo".encode("utf-16-le") + bytes(600), UnreadableFile),
    Case("binary-named-csv", "data.csv",
         lambda: bytes(range(256)) * 40, UnreadableFile),
    Case("png-named-xlsx", "photo.xlsx", lambda: PNG, UnreadableFile),
    Case("duplicate-and-empty-headers", "dup.csv",
         lambda: b"Customer ID,Company,company,,Notes\nC1,Acme,Acme Two,x,hello\n",
         check=check_duplicate_headers),
    Case("ragged-rows", "ragged.csv", lambda: b"Customer ID,Company\nC1,Acme,surplus\nC2\n",
         check=check_ragged),
    Case("unclosed-quote", "quote.csv",
         lambda: b'Customer ID,Company\nC1,"Acme\nC2,Beta\nC3,Gamma\n', UnreadableFile),
    Case("utf16", "utf16.csv",
         lambda: "Customer ID,Company\nC1,Zoë\nC2,Łódź Ltd\n".encode("utf-16"),
         check=check_utf16),
    Case("5000-columns-csv", "wide.csv",
         lambda: (",".join(f"h{i}" for i in range(5000)) + "\n"
                  + ",".join("1" * 5000) + "\n").encode(), UnreadableFile),
    Case("5000-columns-xlsx", "wide.xlsx", wide_workbook, UnreadableFile),
    Case("5mb-single-line", "line.csv", lambda: b"x" * (5 * 1024 * 1024), UnreadableFile),
    Case("5mb-single-line-of-cells", "cells.csv", lambda: b"ab," * (5 * 1024 * 1024 // 3),
         UnreadableFile),
    Case("zip-bomb", "bomb.xlsx", zip_bomb, UnreadableFile),
    Case("over-size-limit", "big.csv", over_two_mb, UnreadableFile, max_upload_mb=1),
    Case("formulas", "formulas.xlsx", formulas, check=check_formulas, cli=True),
    Case("dates-and-money-that-do-not-parse", "values.csv",
         lambda: b"Customer ID,Revenue,Customer Since,Company\nC1,$10,2024-01-02,Good\n"
                 b"C2,5,yesterday,Bad date\nC3,12 apples,2024-01-03,Bad money\n"
                 b"C4,$1.2.3,2024-13-45,Both\n", check=check_bad_values, cli=True),
    Case("10000-character-cells", "long.csv",
         lambda: b"Customer ID,Company,Notes\nC1," + b"a" * 10_000 + b"," + b"n" * 10_000 + b"\n",
         check=check_long_cells),
    Case("html-and-formula-like-names", "hostile.csv", hostile_csv, check=check_hostile,
         cli=True),
    Case("bad-map", "ok.csv", lambda: b"Customer ID,Company\nC1,Acme\n", ValidationError,
         args=("--map", "Nope=name"), options={"mapping": {"Nope": "name"}}),
    Case("bad-set", "ok.csv", lambda: b"Customer ID,Company\nC1,Acme\n", ValidationError,
         args=("--set", "nps=lots"), options={"set_values": {"nps": "lots"}}),
]
IDS = [c.id for c in CASES]
# Through the command line: every refused case, and a few that import with rejected rows
# (each run is a new Python process importing pandas, about a second).
CLI_CASES = [c for c in CASES if c.error is not None or c.cli]


def make_workspace(folder: Path, case: Case) -> Path:
    """A file workspace holding a baseline import (and the case's size limit), closed."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "shop.db"
    db = open_workspace(path)
    import_file(db, "baseline.csv", BASELINE)
    if case.max_upload_mb is not None:
        set_setting(db, "max_upload_mb", case.max_upload_mb)
    db.close()
    return path


def snapshot(path: Path) -> dict[str, bytes | None]:
    """The workspace file and its WAL companion, as bytes (None when absent)."""
    out = {}
    for suffix in ("", "-wal"):
        companion = Path(f"{path}{suffix}")
        out[suffix or "db"] = companion.read_bytes() if companion.exists() else None
    return out


def one_sentence(message: str) -> None:
    assert message and "\n" not in message.strip() and "Traceback" not in message
    assert message.strip().endswith(".")


# --- import_file --------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_import_file(case, tmp_path):
    path = make_workspace(tmp_path, case)
    before = snapshot(path)
    data = case.build()
    db = open_workspace(path)
    if case.error is None:
        results = import_file(db, case.filename, data, **case.options)
        case.check(db, results)
        db.close()
        return
    with pytest.raises(case.error) as refused:
        import_file(db, case.filename, data, **case.options)
    db.close()
    one_sentence(str(refused.value))
    assert snapshot(path) == before


def test_zip_bomb_is_measured_before_parsing(db, monkeypatch):
    data = squeezed_workbook()
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert len(data) < 10_000 < 40_000 < unpacked
    assert len(import_file(db, "notes.xlsx", data)) == 1       # fine under the real limit
    monkeypatch.setattr(readers, "MAX_UNCOMPRESSED_BYTES", 40_000)
    with pytest.raises(UnreadableFile, match="unpacks to"):
        import_file(db, "notes.xlsx", data)


def test_size_limit_is_a_workspace_setting(db):
    data = over_two_mb()
    assert len(data) > 2 * 1024 * 1024
    set_setting(db, "max_upload_mb", 1)
    with pytest.raises(UnreadableFile, match="the limit is 1"):
        import_file(db, "big.csv", data)
    set_setting(db, "max_upload_mb", 3)
    (plan,) = plan_file("big.csv", data, db=db)
    assert len(plan.raw.frame) == len(data.splitlines()) - 1


# --- the command line ---------------------------------------------------------------------

def run_cli(folder: Path, case: Case) -> dict:
    path = make_workspace(folder, case)
    file = folder / case.filename
    file.write_bytes(case.build())
    before = snapshot(path)
    env = {**os.environ, "JOURNEY_HOME": str(folder), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "journey", "import", str(file), "--workspace", "shop",
         *case.args], capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    return {"rc": done.returncode, "stdout": done.stdout, "stderr": done.stderr,
            "before": before, "after": snapshot(path)}


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-input-cli")
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        futures = {case.id: pool.submit(run_cli, root / case.id, case) for case in CLI_CASES}
        return {key: future.result() for key, future in futures.items()}


@pytest.mark.parametrize("case", CLI_CASES, ids=[c.id for c in CLI_CASES])
def test_command_line(case, cli_runs):
    run = cli_runs[case.id]
    assert "Traceback" not in run["stderr"] + run["stdout"]
    if case.error is None:
        assert run["rc"] == 0, run["stderr"]
        assert run["stderr"] == ""
        assert f"{case.filename} [" in run["stdout"] and "rejected" in run["stdout"]
        return
    assert run["rc"] == 2
    assert run["stdout"] == ""
    assert run["stderr"].endswith("\n") and len(run["stderr"].splitlines()) == 1
    one_sentence(run["stderr"])
    assert run["after"] == run["before"]
