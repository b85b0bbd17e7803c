"""Dates far in the past or future (issue 13, item 3): placeholders such as 9999-12-31 become
empty on import with a note, real far dates (1500, 1850, 2150, 9998) are kept, and no
command, page or export breaks on them, nor on placeholders an older workspace still holds.

The workspaces are built through the real command (``journey.__main__.main``): "far" from
three files, "legacy" the same with placeholder dates written back into it as they were
stored before the import blanked them.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from conftest import PAGES, app_test, xlsx_bytes
from journey.__main__ import main
from journey.derive import refresh_clients
from journey.export import export_workbook
from journey.filters import Filters
from journey.signs import SIGN_KEYS
from journey.values import add_days, add_months
from journey.workspace import open_workspace

CLIENTS_CSV = """Client ID,Name,Stage,Channel,Persona,First contact,Last contact
C1,Open-ended,purchase,Web,Owner,2023-01-05,9999-12-31
C2,Future,lead,Email,Owner,2150-06-01,2150-07-01
C3,Victorian,consideration,Web,Buyer,1850-01-01,1850-02-01
C4,Zero,purchase,Phone,Buyer,0001-01-01,2023-03-01
C5,Regular,retention,Web,Owner,2023-02-01,2023-06-01
C6,Tudor,purchase,Web,Buyer,1500-03-01,1500-04-01
C7,Far future,consideration,Email,Owner,2500-01-01,9998-12-31
C8,Sentinel,lead,Web,Owner,1900-01-01,
"""
EVENTS_CSV = """Client ID,Date,Kind,Amount,Stage,Department,Reason
C1,2023-02-01,purchase,100,,,
C1,9999-12-31,purchase,50,,,
C2,2150-06-02,complaint,,,sales,late
C2,2150-06-10,objection,,consideration,,price
C3,1850-01-02,purchase,10,,,
C3,1850-03-02,purchase,10,,,
C4,0001-01-01,refund,5,,,
C5,2023-03-01,purchase,20,,,
C5,2023-05-01,purchase,20,,,
C6,1500-03-05,purchase,30,,,
C6,1500-06-05,referral,,,,
C7,9998-12-30,won,70,,,
C7,9998-12-31,lost,,,,price
C8,0000-00-00,contact,,,,
"""
# Excel serials at the edges: 0 is Excel's empty date, 1 is 1900-01-01, 2958465 is
# 9999-12-31 (all three placeholders), 2958466 is past Excel's last day (a bad value).
SERIALS = [0, 1, 2, 61, 45000, 2958464, 2958464.5, 2958465, 2958466]
PERIODS = ("All time", "Last 90 days", "Custom range")


def run(home: Path, capsys, *args) -> str:
    """``python -m journey ARGS`` in this process; its stdout (exit 0 asserted)."""
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JOURNEY_HOME", str(home))
        status = main(list(args))
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "Traceback" not in err
    return out


@pytest.fixture(scope="module")
def far_home(tmp_path_factory) -> Path:
    """A JOURNEY_HOME with "far" (imported) and "legacy" (placeholders stored as dates)."""
    home = tmp_path_factory.mktemp("far-dates")
    (home / "clients.csv").write_text(CLIENTS_CSV)
    (home / "events.csv").write_text(EVENTS_CSV)
    (home / "serials.xlsx").write_bytes(xlsx_bytes({"Contacts": [
        ["Client ID", "Date", "Kind"], *[["C5", serial, "contact"] for serial in SERIALS]]}))
    imports = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JOURNEY_HOME", str(home))
        for workspace in ("far", "legacy"):
            for name, kind in (("clients.csv", "clients"), ("events.csv", "events"),
                               ("serials.xlsx", "events")):
                out = io.StringIO()
                patch.setattr("sys.stdout", out)
                assert main(["import", str(home / name), "--workspace", workspace,
                             "--kind", kind, "--json"]) == 0
                if workspace == "far":
                    imports += json.loads(out.getvalue())["imports"]
    (home / "imports.json").write_text(json.dumps(imports))
    db = open_workspace(home / "legacy.db", create=False)
    with db.conn:
        db.execute("UPDATE clients SET last_contact = '9999-12-31' WHERE client_id = 'C1'")
        db.execute("UPDATE clients SET first_contact = '0001-01-01' WHERE client_id = 'C4'")
        db.execute("UPDATE clients SET first_contact = '9999-12-31' WHERE client_id = 'C8'")
        db.execute("UPDATE events SET date = '9999-12-31 23:59:59' WHERE kind = 'purchase' "
                   "AND amount = 50")
        db.execute("UPDATE events SET date = '0001-01-01' WHERE kind = 'refund'")
    refresh_clients(db)
    db.close()
    return home


def imported(home: Path) -> dict[str, dict]:
    return {r["file"]: r for r in json.loads((home / "imports.json").read_text())}


# --- the import ----------------------------------------------------------------------------

def test_placeholders_become_empty_with_a_note_per_column(far_home):
    results = imported(far_home)
    clients = results["clients.csv"]
    assert clients["rejected"] == 0
    notes = " ".join(clients["notes"])
    assert "'Last contact'" in notes and "'First contact'" in notes
    assert "no date" in notes and "9999-12-31" in notes and "0001-01-01" in notes
    events = results["events.csv"]
    assert events["rejected"] == 0
    assert any("'Date'" in n and "3 " in n and "no date" in n for n in events["notes"]), \
        events["notes"]
    serials = results["serials.xlsx"]
    assert serials["rejected"] == 1                            # 2958466 is no date at all
    assert [float(p["value"]) for p in serials["problems"]] == [2958466]
    assert any("5 " in n and "no date" in n for n in serials["notes"]), serials["notes"]

    db = open_workspace(far_home / "far.db", create=False)
    contacts = dict(db.execute("SELECT client_id, first_contact || '/' || "
                               "COALESCE(last_contact, '') FROM clients "
                               "WHERE first_contact IS NOT NULL").fetchall())
    assert contacts == {"C1": "2023-01-05/", "C2": "2150-06-01/2150-07-01",
                        "C3": "1850-01-01/1850-02-01", "C5": "2023-02-01/2023-06-01",
                        "C6": "1500-03-01/1500-04-01", "C7": "2500-01-01/9998-12-31"}
    c5 = [r[0] for r in db.execute("SELECT date FROM events e JOIN clients c "
                                   "ON c.id = e.client_ref WHERE c.client_id = 'C5' "
                                   "AND kind = 'contact' ORDER BY date").fetchall()]
    assert c5 == [None] * 5 + ["1900-01-02", "1900-03-01", "2023-03-15"]
    assert db.execute("SELECT COUNT(*) FROM events WHERE date LIKE '9999%' OR date "
                      "LIKE '0001%'").fetchone()[0] == 0
    db.close()


def test_stored_placeholders_are_dates_like_any_other(far_home):
    """In a workspace from before the import blanked them, 9999-12-31 is still a date: the
    derived first date keeps it (a '9999' stand-in for "none" once swallowed it)."""
    db = open_workspace(far_home / "legacy.db", create=False)
    firsts = dict(db.execute("SELECT client_id, first_date FROM clients").fetchall())
    db.close()
    assert (firsts["C8"], firsts["C4"]) == ("9999-12-31", "0001-01-01")


def test_calendar_arithmetic_stops_at_its_ends():
    first, last = dt.date.min, dt.date.max
    assert (add_days(last, 1), add_days(first, -90), add_days(first, 90)) == (
        last, first, dt.date(1, 4, 1))
    assert (add_months(last, 1), add_months(dt.date(1, 1, 31), -1)) == (last, first)
    assert add_months(dt.date(9999, 11, 30), 1) == dt.date(9999, 12, 30)
    assert add_months(dt.date(2024, 3, 31), -1) == dt.date(2024, 2, 29)
    assert Filters(date_from="0001-01-01", date_to="0001-03-31").shifted_back() is None
    assert Filters(date_from="9999-10-03", date_to="9999-12-31").shifted_back() == Filters(
        date_from="9999-07-05", date_to="9999-10-02")


# --- the command line ----------------------------------------------------------------------

@pytest.mark.parametrize("workspace", ["far", "legacy"])
def test_signs_funnel_and_export_commands(far_home, capsys, workspace, tmp_path):
    out = run(far_home, capsys, "signs", "--workspace", workspace)
    assert "Alignment score" in out
    signs = json.loads(run(far_home, capsys, "signs", "--workspace", workspace, "--json"))
    assert len(signs["signs"]) == 8
    funnel = run(far_home, capsys, "funnel", "--workspace", workspace, "--by", "channel")
    assert "channel = Web" in funnel
    json.loads(run(far_home, capsys, "funnel", "--workspace", workspace, "--json"))
    path = tmp_path / "x.xlsx"
    out = run(far_home, capsys, "export", "--workspace", workspace, "-o", str(path))
    assert "8 clients" in out
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book["Clients"].iter_rows(values_only=True))
    headers = rows[0]
    first = {r[headers.index("Client ID")]: r[headers.index("First contact")] for r in rows[1:]}
    assert (first["C2"], first["C7"]) == (dt.datetime(2150, 6, 1), dt.datetime(2500, 1, 1))
    assert first["C6"] == "1500-03-01" and first["C3"] == "1850-01-01"   # before Excel: text


@pytest.mark.parametrize("workspace", ["far", "legacy"])
@pytest.mark.parametrize("date_from, date_to", [("0001-01-01", "9999-12-31"),
                                                ("9999-10-03", "9999-12-31"),
                                                ("0001-01-01", "0001-03-31")])
def test_export_with_periods_at_the_ends_of_the_calendar(far_home, workspace, date_from,
                                                         date_to):
    db = open_workspace(far_home / f"{workspace}.db", create=False)
    data = export_workbook(db, Filters(date_from=date_from, date_to=date_to))
    db.close()
    assert "Clients" in openpyxl.load_workbook(io.BytesIO(data), read_only=True).sheetnames


# --- every page ----------------------------------------------------------------------------

@pytest.mark.parametrize("workspace", ["far", "legacy"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_with_every_period(far_home, monkeypatch, workspace, page):
    monkeypatch.setenv("JOURNEY_HOME", str(far_home))
    at = app_test(workspace, page)
    assert not at.exception, at.exception
    for period in PERIODS:
        at.selectbox(key="period").set_value(period).run()
        assert not at.exception, (period, at.exception)
    if page == "views/signs.py":            # the evidence behind each sign
        for key in SIGN_KEYS:
            at.session_state[f"details_{key}"] = True     # the card opened, as a click does
            at.run()
            at.toggle(key=f"evidence_{key}").set_value(True).run()
            assert not at.exception, (key, at.exception)
    if page == "views/clients.py":          # a client's detail and timeline, far dates
        db = open_workspace(far_home / f"{workspace}.db", create=False)
        ids = [r[0] for r in db.execute("SELECT id FROM clients ORDER BY id").fetchall()]
        db.close()
        at.selectbox(key="period").set_value("All time").run()
        for client in ids:
            at.session_state["client_open"] = client
            at.run()
            assert not at.exception, (client, at.exception)
