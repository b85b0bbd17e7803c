"""The Excel export: the sheets and their headers, values and formats worked by hand, text
that stays text, the filters, the round trip of the demo workspace, LibreOffice, the CLI."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile

import openpyxl
import pandas as pd
import pytest

from conftest import xlsx_bytes
from journey import export
from journey.scorecard import measure_kpis
from journey.workshop import actions, kpis, personas, touchpoints
from journey.workshop.goal import get_goal
from journey.__main__ import main
from journey.errors import ValidationError
from journey.fields import CLIENT_FIELDS, EVENT_FIELDS, match_header
from journey.filters import Filters
from journey.funnel import compute_funnel, compute_funnel_by
from journey.overview import STAGE_EVIDENCE
from journey.ingest import import_file, read_tables
from journey.signs import compute_signs, signs_records
from journey.workspace import open_memory_workspace, open_workspace, query_frame

CLIENTS_CSV = b'''Client ID,Name,Persona,Region,Revenue,Contract on file,First contact,Stage,Status
C1,Ann's Cafe,Dr. Jelena,NSW,"$1,200.50",yes,2025-01-05,Lead,active
C2,"=HYPERLINK(""http://evil.example"",""click"")",Homeowner Hugo,VIC,,no,2025-02-10,Proposal,lost
C3,+61 Bistro,Homeowner Hugo,NSW,300,,2025-03-01,Customer,active
C4,-Dash Co,,QLD,,,2025-03-02,,
C5,@Mention Ltd,,,,,,,
'''
# The refund names no client: it belongs to C3 through its order. The complaint belongs
# to nobody.
EVENTS_CSV = b'''Client ID,Name,Date,Kind,Amount,Order ID,Note
C3,+61 Bistro,2025-03-10,purchase,300,O-1,first order
,,2025-03-20,refund,50,O-1,returned chair
C1,Ann's Cafe,2025-01-06 14:30,contact,,,"=cmd|' /C calc'!A0"
,,2025-04-01,complaint,,,anonymous complaint
'''
HOSTILE = ['=HYPERLINK("http://evil.example","click")', "+61 Bistro", "-Dash Co",
           "@Mention Ltd", "=cmd|' /C calc'!A0", "=Evil persona", "@role", "-goal",
           "+Deposit invoice"]

CLIENT_HEADERS = [
    "Client ID", "Name", "Client type", "Purchasing frequency", "Country", "Region", "Persona",
    "Contact name", "Email", "Phone", "Revenue (current)", "Revenue (potential)",
    "Communication", "Preferred channel", "Discounts", "Behaviour", "Key decision maker",
    "Payment terms", "Contract on file", "SLA", "Sales volume per week", "Net profit per week",
    "Buyer type", "Peak reason", "Dip reason", "Lessons learnt", "Reward/effort rank", "Stage",
    "Status", "Channel", "Owner", "First contact", "Last contact", "Satisfaction", "NPS",
    "Purchases", "Referrals", "Complaints", "Objections", "Refunds",
    "Furthest stage", "Current stage", "Journey outcome", "In current stage since",
    "First activity", "Latest activity", "Reached awareness", "Reached consideration",
    "Reached purchase", "Reached retention", "Reached advocacy"]
NO_REPEATS = STAGE_EVIDENCE["retention"]
NO_ADVOCACY = STAGE_EVIDENCE["advocacy"]
HEADERS = {
    "Funnel": ["Funnel step", "Clients reached", "% of the step before", "% of the first step",
               "Lost since the step before", "Lost since the first step", "Not measured"],
    "Signs": ["Sign", "RAG status", "This period", "Previous period", "Change %", "Unit",
              "Measures", "Amber at", "Red at", "Judged on", "Threshold rule", "Stages",
              "Departments", "Evidence rows", "Self-assessment", "Next step"],
    "Personas": ["Name", "Title", "Icon", "Description", "Goals", "Pain points", "Delights",
                 "Preferred contact", "Key opportunities", "Sales tips", "Sales method",
                 "Target revenue", "Target visit frequency", "Target satisfaction", "Impact",
                 "Effort", "Tier", "Archived",
                 # the cards' live figures (s18-R), as the Personas page shows them
                 "Clients", "Share who bought", "Revenue", "Revenue potential", "NPS score",
                 "NPS answers"],
    "Touchpoints": ["Stage", "Position", "Touchpoint", "Channel", "Department",
                    "Customer action", "Thinks and feels", "Emotion", "Pain points",
                    "Delights", "Opportunities", "KPI", "Owner", "State"],
    "Function map": ["Department", "Uses", "Outcome", "Stages"],
    "Clients": CLIENT_HEADERS,
    "Events": ["Client ID", "Name", "Date", "Kind", "Stage", "Channel", "Touchpoint",
               "Department", "Amount", "Status", "Reason", "Note", "Order ID"],
    "Imports": ["Import", "Imported at (UTC)", "File", "Sheet", "Recognised as", "Rows", "Added",
                "Updated", "Unchanged", "Rejected", "Undone at (UTC)"],
}


def build_shop(db) -> None:
    """Five clients, four events, two personas and two touchpoints, through the imports
    and the persona editor."""
    for name, data in (("clients.csv", CLIENTS_CSV), ("events.csv", EVENTS_CSV)):
        assert not any(r.rejected for r in import_file(db, name, data))
    workshop = xlsx_bytes({"Touchpoints": [
        ["Stage", "Touchpoint", "Channel", "Department", "Emotion"],
        ["Awareness", "Instagram posts", "social", "marketing", 1],
        ["Purchase", "+Deposit invoice", "email", "sales", -1]]})
    assert [r.inserted for r in import_file(db, "workshop.xlsx", workshop)] == [2]
    personas.create_persona(db, {"name": "Dr. Jelena", "title": "Clinic owner", "impact": 4,
                                 "effort": 2, "target_revenue": 60000})
    personas.create_persona(db, {"name": "=Evil persona", "title": "@role", "goals": "-goal"})


@pytest.fixture
def shop(db):
    build_shop(db)
    return db


@pytest.fixture(params=["cell by cell", "in bulk"])
def path(request, monkeypatch):
    """Both ways of writing a table: XlsxWriter cells (small tables) and bulk XML."""
    if request.param == "in bulk":
        monkeypatch.setattr("journey.export.workbook.SPLICE_FROM", 0)
    return request.param


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def by_header(sheet) -> list[dict]:
    values = rows(sheet)
    return [dict(zip(values[0], row)) for row in values[1:]]


def widths(sheet) -> dict[int, float]:
    """Column number -> width (XlsxWriter writes neighbours of one width as one range)."""
    return {number: dim.width for dim in sheet.column_dimensions.values()
            for number in range(dim.min, dim.max + 1)}


def test_every_sheet_is_there_with_its_headers(shop, path):
    book = workbook(export.export_workbook(shop, workspace="shop"))
    assert book.sheetnames == ["Overview", "Funnel", "Signs", "Personas", "Touchpoints",
                               "Function map", "Goals & KPIs", "Actions", "Clients", "Events",
                               "Imports"]
    for name, headers in HEADERS.items():
        sheet = book[name]
        assert [c.value for c in sheet[1]] == headers, name
        assert sheet.freeze_panes == "A2", name
        last = openpyxl.utils.get_column_letter(len(headers))
        assert sheet.auto_filter.ref == f"A1:{last}{max(sheet.max_row, 2)}", name
        fitted = widths(sheet)
        assert all(fitted[i] >= len(h) + 2 for i, h in enumerate(headers, start=1)), name
    assert [len(rows(book[n])) - 1 for n in ("Clients", "Events", "Personas", "Touchpoints",
                                             "Function map", "Signs", "Funnel")] == \
        [5, 4, 2, 2, 7, 8, 5]


def test_values_and_formats_worked_by_hand(shop, path):
    data = export.export_workbook(shop, workspace="shop")
    book = workbook(data)
    funnel = rows(book["Funnel"])[1:]
    # No repeat purchase, referral, review or NPS in the shop: Retention and Advocacy are
    # not measured, so empty with the reason, as the Overview's tiles show "–" (s17-R: they
    # read 0 clients, "1 lost" and "5 lost since the first step").
    assert funnel == [("Awareness", 5, None, 100, None, 0, None),
                      ("Consideration", 2, 40, 40, 3, 3, None),
                      ("Purchase", 1, 50, 20, 1, 4, None),
                      ("Retention", None, None, None, None, None, NO_REPEATS),
                      ("Advocacy", None, None, None, None, None, NO_ADVOCACY)]
    clients = {r["Client ID"]: r for r in by_header(book["Clients"])}
    ann = clients["C1"]
    assert (ann["Name"], ann["Revenue (current)"], ann["Contract on file"], ann["Stage"],
            ann["First contact"], ann["Furthest stage"], ann["Journey outcome"]) == \
        ("Ann's Cafe", 1200.5, "yes", "Awareness", dt.datetime(2025, 1, 5), "Awareness",
         "Active")
    assert (clients["C2"]["Contract on file"], clients["C2"]["Stage"],
            clients["C2"]["Status"]) == ("no", "Consideration", "lost")
    assert clients["C3"]["Reached purchase"] == dt.datetime(2025, 3, 10)
    sheet = book["Clients"]
    revenue = CLIENT_HEADERS.index("Revenue (current)") + 1
    first = CLIENT_HEADERS.index("First contact") + 1
    ann_row = next(r for r in range(2, 7) if sheet.cell(r, 1).value == "C1")
    assert sheet.cell(ann_row, revenue).number_format == '"$"#,##0.00'   # the default currency
    assert sheet.cell(ann_row, first).number_format == "yyyy-mm-dd"
    events = by_header(book["Events"])
    assert [(e["Date"], e["Kind"], e["Client ID"], e["Name"]) for e in events] == [
        (dt.datetime(2025, 1, 6, 14, 30), "contact", "C1", "Ann's Cafe"),
        (dt.datetime(2025, 3, 10), "purchase", "C3", "+61 Bistro"),
        (dt.datetime(2025, 3, 20), "refund", "C3", "+61 Bistro"),     # its client, by order
        (dt.datetime(2025, 4, 1), "complaint", None, None)]
    assert book["Events"]["C2"].number_format == "yyyy-mm-dd hh:mm"
    assert book["Events"]["C3"].number_format == "yyyy-mm-dd"
    signs = by_header(book["Signs"])
    assert [s["Sign"] for s in signs] == [s.title for s in compute_signs(shop).red_first()]
    assert {s["RAG status"] for s in signs} <= {"Red", "Amber", "Green", "Unknown"}
    rules = book["Signs"].conditional_formatting
    assert {str(r.sqref) for r in rules} == {"A2:B9"}
    assert len([rule for r in rules for rule in r.rules]) == 4
    with zipfile.ZipFile(io.BytesIO(data)) as parts:
        chart = parts.read("xl/charts/chart1.xml").decode()
    assert "<c:barChart>" in chart and '<c:grouping val="stacked"/>' in chart
    assert "Funnel!$B$2:$B$6" in chart and '<c:orientation val="maxMin"/>' in chart
    overview = [v for row in rows(book["Overview"]) for v in row if v is not None]
    assert "Customer journey overview: shop" in overview
    # Worked by hand: 3 of 5 lost before consideration, 1 of 2 before purchase. Nobody
    # bought twice, so retention is not measured (not "100% did not come back") and the
    # biggest drop is the one before consideration.
    assert "60% of clients who knew of you did not consider buying." in overview
    assert "3 clients stopped between Awareness and Consideration." in overview
    assert ("No repeat purchases in your data: import an order list to measure this."
            in overview)
    assert "All clients (no filters)." in overview[1]


def test_text_from_people_stays_text(shop, path):
    book = workbook(export.export_workbook(shop))
    found = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                if cell.value in HOSTILE:
                    assert cell.data_type == "s"
                    found.add(cell.value)
    assert found == set(HOSTILE)


def test_filters_apply_to_clients_and_their_events(shop, path):
    filters = Filters(region=("NSW",))
    book = workbook(export.export_workbook(shop, filters))
    assert sorted(r["Client ID"] for r in by_header(book["Clients"])) == ["C1", "C3"]
    assert sorted(e["Kind"] for e in by_header(book["Events"])) == [
        "contact", "purchase", "refund"]
    assert [r[:2] for r in rows(book["Funnel"])[1:4]] == [
        ("Awareness", 2), ("Consideration", 1), ("Purchase", 1)]
    assert "Filtered: region NSW." in rows(book["Overview"])[1][0]
    assert len(rows(book["Personas"])) == 3            # the workshop sheets stay whole
    contents = export.workbook_contents(shop, filters).set_index("Sheet")["Rows"]
    assert (contents["Clients"], contents["Events"]) == (2, 3)


def test_the_contents_count_what_the_sheets_hold(shop):
    book = workbook(export.export_workbook(shop))
    contents = export.workbook_contents(shop)
    assert list(contents["Sheet"]) == book.sheetnames
    for sheet, count in zip(contents["Sheet"], contents["Rows"]):
        if sheet != "Overview":
            assert count == len(rows(book[sheet])) - 1, sheet


def test_an_empty_workspace_exports_its_headers(db):
    book = workbook(export.export_workbook(db))
    assert rows(book["Clients"]) == [tuple(CLIENT_HEADERS)]
    # Nothing measures the stages after the first: empty with the reason, as the Overview's
    # tiles show "–" (s17-R; they read 0).
    funnel = rows(book["Funnel"])[1:]
    assert [r[:2] for r in funnel] == [
        ("Awareness", 0), ("Consideration", None), ("Purchase", None), ("Retention", None),
        ("Advocacy", None)]
    assert funnel[1][-1].startswith("Nothing in your data says who considered buying")
    assert "No drop-off to show: no client matches." in [
        v for row in rows(book["Overview"]) for v in row]


def test_text_that_excel_would_mangle_comes_back_as_it_was(db, path):
    notes = ["two\nlines", "a & b < c > d", "_x0041_ stays literal", "vertical\x0btab",
             "windows\r\nline", "émoji 🩺", "tab\there"]
    frame = pd.DataFrame({"Client ID": [f"C{i}" for i in range(len(notes))],
                          "Date": ["2024-02-26 19:58"] * len(notes), "Kind": "contact",
                          "Note": notes})
    import_file(db, "notes.csv", frame.to_csv(index=False).encode())
    data = export.export_workbook(db)
    back = open_memory_workspace()
    import_file(back, "back.xlsx", data)
    query = ("SELECT c.client_id, e.date, e.note FROM events e "
             "JOIN clients c ON c.id = e.client_ref ORDER BY c.client_id")
    assert back.execute(query).fetchall() == db.execute(query).fetchall()


def test_values_their_column_does_not_expect_are_written_as_they_are(shop, path):
    """A word in a number column, a number in a text column, and text with spaces or tabs
    at either end (kept with xml:space="preserve", which Excel needs to keep them)."""
    ids = [row[0] for row in shop.execute("SELECT id FROM events ORDER BY id")]
    notes = [" padded ", "tab\t", "\tlead", "plain"]
    for event, note in zip(ids, notes):
        shop.execute("UPDATE events SET note = ? WHERE id = ?", [note, event])
    shop.execute("UPDATE events SET amount = 'about 40' WHERE id = ?", [ids[0]])
    shop.execute("UPDATE clients SET contract_on_file = 2 WHERE client_id = 'C1'")
    data = export.export_workbook(shop)
    book = workbook(data)
    events = {e["Note"]: e for e in by_header(book["Events"])}
    assert set(events) == set(notes)
    assert events[" padded "]["Amount"] == "about 40"
    assert [e["Amount"] for e in events.values()].count(50) == 1
    clients = {c["Client ID"]: c for c in by_header(book["Clients"])}
    assert (clients["C1"]["Contract on file"], clients["C2"]["Contract on file"]) == ("2", "no")
    with zipfile.ZipFile(io.BytesIO(data)) as parts:
        strings = parts.read("xl/sharedStrings.xml").decode()
    for note in (" padded ", "tab\t", "\tlead"):
        assert f'<t xml:space="preserve">{note}</t>' in strings, repr(note)
    assert "<t>plain</t>" in strings


def test_the_summary_sheets_name_no_field(shop):
    data = export.export_workbook(shop)
    sheets = {raw.name: raw for raw in read_tables("orders.xlsx", data)}
    for name in export.SUMMARY_SHEETS:
        assert [h for h in sheets[name].headers if match_header(h)[0]] == [], name
    derived = CLIENT_HEADERS[len(CLIENT_FIELDS):]
    assert [h for h in derived if match_header(h)[0]] == []
    assert [match_header(h)[0] for h in CLIENT_HEADERS[:len(CLIENT_FIELDS)]] == \
        list(CLIENT_FIELDS)
    assert [match_header(h)[0] for h in HEADERS["Events"]] == list(EVENT_FIELDS)


def test_export_filename():
    day = dt.date(2026, 5, 1)
    assert export.export_filename("Harbour & Pine", day) == "Harbour-Pine-journey-2026-05-01.xlsx"
    assert export.export_filename("demo", day) == "demo-journey-2026-05-01.xlsx"
    assert export.export_filename("  ", day) == "workspace-journey-2026-05-01.xlsx"


def test_a_file_is_written_whole_or_not_at_all(shop, tmp_path):
    with pytest.raises(ValidationError, match="must be an .xlsx file"):
        export.write_workbook_file(shop, tmp_path / "out.csv")
    with pytest.raises(ValidationError, match="There is no folder"):
        export.write_workbook_file(shop, tmp_path / "missing" / "out.xlsx")
    assert list(tmp_path.iterdir()) == []
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    export.write_workbook_file(shop, target, workspace="shop")
    assert workbook(target.read_bytes()).sheetnames[0] == "Overview"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


# --- the round trip ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_file):
    path = tmp_path_factory.mktemp("export-demo") / "demo.db"
    shutil.copy(demo_file, path)
    db = open_workspace(path, create=False)
    yield db
    db.close()


def client_frame(db) -> pd.DataFrame:
    columns = ", ".join(f"[{f}]" for f in CLIENT_FIELDS)
    frame = query_frame(db, f"SELECT {columns} FROM clients")
    return frame.sort_values(["client_id", "name"]).reset_index(drop=True)


def event_frame(db) -> pd.DataFrame:
    """Every event with its client's ID and name (whichever way it was linked)."""
    own = ", ".join(f"e.[{f}]" for f in EVENT_FIELDS if f not in ("client_id", "name"))
    frame = query_frame(db, f"SELECT c.client_id AS client, c.name AS client_name, {own} "
                            "FROM events e LEFT JOIN clients c ON c.id = e.client_ref")
    return frame.sort_values(list(frame.columns), na_position="first").reset_index(drop=True)


def test_the_demo_comes_back_the_same_from_its_workbook(demo, tmp_path):
    data = export.export_workbook(demo, workspace="demo")
    copy = open_workspace(tmp_path / "copy.db")
    # A file name with event words in it: the summary sheets still stay reference rows.
    results = import_file(copy, "spring sales orders.xlsx", data)
    assert {r.sheet: r.kind for r in results} == {
        "Overview": "reference", "Funnel": "reference", "Signs": "reference",
        "Personas": "personas", "Touchpoints": "touchpoints", "Function map": "function_map",
        "Goals & KPIs": "kpis", "Actions": "actions", "Clients": "clients", "Events": "events",
        "Imports": "reference"}
    assert [(r.sheet, r.rejected, r.unknown_stages) for r in results if r.rejected
            or r.unknown_stages] == []
    pd.testing.assert_frame_equal(client_frame(copy), client_frame(demo))
    pd.testing.assert_frame_equal(event_frame(copy), event_frame(demo))
    pd.testing.assert_frame_equal(personas.export_rows(copy), personas.export_rows(demo))
    pd.testing.assert_frame_equal(touchpoints.export_rows(copy), touchpoints.export_rows(demo))
    pd.testing.assert_frame_equal(touchpoints.export_function_map(copy),
                                  touchpoints.export_function_map(demo))
    assert get_goal(copy) == get_goal(demo)
    pd.testing.assert_frame_equal(kpis.export_rows(copy, measure_kpis(copy)),
                                  kpis.export_rows(demo, measure_kpis(demo)))
    pd.testing.assert_frame_equal(actions.export_rows(copy), actions.export_rows(demo))
    pd.testing.assert_frame_equal(compute_funnel(copy), compute_funnel(demo))
    for name, frame in compute_funnel_by(demo, "persona").items():
        pd.testing.assert_frame_equal(compute_funnel_by(copy, "persona")[name], frame)
    ours, theirs = compute_signs(demo), compute_signs(copy)
    assert signs_records(theirs) == signs_records(ours)
    assert theirs.score.value == ours.score.value

    # The copy's own workbook holds the same clients and events (its derived columns came
    # back as extra columns, and are not written twice).
    again = export.export_workbook(copy, workspace="demo")
    first = {raw.name: raw.frame for raw in read_tables("a.xlsx", data)}
    second = {raw.name: raw.frame for raw in read_tables("b.xlsx", again)}
    for name in ("Clients", "Events"):
        pd.testing.assert_frame_equal(second[name], first[name])
    copy.close()


# --- LibreOffice and the command line -----------------------------------------------------

def test_the_workbook_opens_in_libreoffice(shop, tmp_path, monkeypatch):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice is not installed (.ci/run installs libreoffice-calc)")
        pytest.skip("LibreOffice is not installed")
    monkeypatch.setattr("journey.export.workbook.SPLICE_FROM", 0)        # LibreOffice reads the bulk XML too
    book = tmp_path / "shop.xlsx"
    export.write_workbook_file(shop, book, workspace="shop")
    done = subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(book)],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "pdf" / "shop.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


@pytest.fixture
def shop_file(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("JOURNEY_HOME", str(home))
    db = open_workspace("shop")
    build_shop(db)
    db.close()
    return tmp_path


def test_the_command_line_writes_the_workbook(shop_file, capsys):
    out = shop_file / "shop.xlsx"
    assert main(["export", "--workspace", "shop", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == (
        f"Wrote {out}: 11 sheets, 5 clients, 4 events.")
    assert len(rows(workbook(out.read_bytes())["Clients"])) == 6


@pytest.mark.parametrize("args, words", [
    (["--workspace", "nowhere", "-o", "{dir}/x.xlsx"], "There is no workspace 'nowhere'"),
    (["--workspace", "shop", "-o", "{dir}/x.csv"], "must be an .xlsx file, not 'x.csv'"),
    (["--workspace", "shop", "-o", "{dir}/missing/x.xlsx"], "There is no folder"),
    (["--workspace", "shop"], "-o/--output"),
])
def test_the_command_line_refuses_with_one_sentence(shop_file, capsys, args, words):
    args = [a.replace("{dir}", str(shop_file)) for a in args]
    assert main(["export", *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0] and err[0].endswith(".")
    assert not list(shop_file.glob("*.xlsx")) and not list(shop_file.glob("*.csv"))
