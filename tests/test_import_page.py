"""The Import page: upload, review the mapping, check, import, see why rows were rejected,
and undo; refused files change nothing. AppTest with JOURNEY_HOME in a tmp folder."""

import io
import itertools

import openpyxl
import pytest

from conftest import REPO, app_test, dump
from journey.ingest import review
from journey.errors import ValidationError
from journey.ingest import ImportResult, import_file, plan_file
from journey.journal import Undone
from journey.workspace import create_workspace, open_workspace

PAGE = "views/import.py"
SAMPLE = REPO / "data" / "sample-client-tracker.xlsx"
CSV = "text/csv"
SHOPS = itertools.count(1)


@pytest.fixture
def home(demo_home, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(demo_home))
    return demo_home


@pytest.fixture
def shop(home):
    """A new empty workspace, chosen in the sidebar, named after the test."""
    name = f"shop {next(SHOPS)}"
    create_workspace(name)
    return name


def counts(name: str) -> dict[str, int]:
    db = open_workspace(name, create=False)
    try:
        return {t: db.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0]
                for t in ("clients", "events", "imports")}
    finally:
        db.close()


def snapshot(name: str) -> dict:
    db = open_workspace(name, create=False)
    try:
        return dump(db)
    finally:
        db.close()


def upload(at, *files):
    """Drop files on the uploader and run; the page moves them into its list."""
    for filename, data, mime in files:
        at.file_uploader[0].upload(filename, data, mime)
    at.run()
    assert not at.exception, at.exception
    return at


def map_columns(at, choices: dict[int, str]) -> None:
    """Change the first mapping table's "Maps to" for these rows, as a person would, and run."""
    at.session_state[at.main.data_editor[0].key] = {
        "edited_rows": {row: {"Maps to": field} for row, field in choices.items()},
        "added_rows": [], "deleted_rows": []}
    at.run()


def button(at, label: str):
    return next(b for b in at.main.button if b.label == label)


def table_with(at, column: str):
    """The first table on the page that has this column."""
    return next(d.value for d in at.main.dataframe if column in d.value.columns)


def undo_picker(at):
    return next(s for s in at.main.selectbox if s.label == "Choose an import")


def texts(elements) -> str:
    return " ".join(str(e.value) for e in elements)


def test_the_page_renders_on_the_demo_with_its_history(home):
    at = app_test("demo", PAGE)
    assert not at.exception
    assert at.title[0].value == "Import"
    assert len(at.file_uploader) == 1
    history = at.main.table[-1].value       # a static table up to 25 imports (s23)
    assert [c.replace("\\", "") for c in history.columns] == review.HISTORY_COLUMNS
    assert len(history) == counts("demo")["imports"] > 0


def test_the_page_renders_on_an_empty_workspace(shop):
    at = app_test(shop, PAGE)
    assert not at.exception
    assert "No imports yet" in texts(at.main.markdown)
    assert [d.label for d in at.main.get("download_button")] == [
        "Download the template", "Download the sample"]


def test_uploading_the_sample_imports_its_clients(shop):
    at = app_test(shop, PAGE)
    upload(at, (SAMPLE.name, SAMPLE.read_bytes(), "application/octet-stream"))
    assert not at.main.error
    kinds = [s.value for s in at.main.selectbox if s.label == "Import this sheet as"]
    assert kinds == ["clients", "events"]
    assert len(at.main.data_editor) == 2
    button(at, "Import 1 file").click().run()
    assert not at.exception
    assert counts(shop) == {"clients": 25, "events": 80, "imports": 2}
    assert at.main.success[0].value == ("Imported 1 file: 25 clients added, 80 events added; "
                                        "no rows rejected.")
    assert "The workspace now holds 25 clients and 80 events." in texts(at.main.caption)
    assert not any(b.label.startswith("Import ") for b in at.main.button), "the list is empty"
    assert len(at.main.table[-1].value) == 2, "the history shows both sheets"


def test_next_months_file_uses_the_remembered_mapping(shop):
    data = b"Customer,Segment,Lead Source\nAnn,Retail,web\nBob,Trade,fair\n"
    at = app_test(shop, PAGE)
    upload(at, ("march.csv", data, CSV))
    map_columns(at, {2: "extra"})
    button(at, "Import 1 file").click().run()
    upload(at, ("april.csv", b"Customer,Segment,Lead Source\nCy,Retail,web\n", CSV))
    assert "Using the mapping from your last import" in texts(at.main.info)
    assert at.main.data_editor[0].value["Maps to"].tolist() == ["name", "client_type", "extra"]
    button(at, "Import 1 file").click().run()
    db = open_workspace(shop, create=False)
    assert db.execute("SELECT name, channel, extra FROM clients WHERE name = 'Cy'").fetchone() \
        == ("Cy", None, '{"Lead Source": "web"}')


def test_a_mapping_edit_changes_what_is_imported(shop):
    data = b"Client ID,Name,Segment,Region\nC1,Ann,Retail,NSW\nC2,Bob,Trade,VIC\n"
    at = app_test(shop, PAGE)
    upload(at, ("clients.csv", data, CSV))
    editor = at.main.data_editor[0]
    assert editor.value["Maps to"].tolist() == ["client_id", "name", "client_type", "region"]
    # Segment is not a client type here; Region holds the country.
    map_columns(at, {2: "extra", 3: "country"})
    assert not at.exception
    button(at, "Import 1 file").click().run()
    db = open_workspace(shop, create=False)
    rows = db.execute("SELECT client_id, client_type, region, country, extra FROM clients "
                      "ORDER BY client_id").fetchall()
    assert rows == [("C1", None, None, "NSW", '{"Segment": "Retail"}'),
                    ("C2", None, None, "VIC", '{"Segment": "Trade"}')]


def test_changing_the_kind_imports_a_client_list_as_events(shop):
    data = b"Name,Date,Amount\nAnn,2026-01-05,$100\nBob,2026-01-06,$250\n"
    at = app_test(shop, PAGE)
    upload(at, ("sales.csv", data, CSV))
    kind = next(s for s in at.main.selectbox if s.label == "Import this sheet as")
    kind.set_value("events").run()
    assert not at.exception
    assert "date" in at.main.data_editor[0].value["Maps to"].tolist()
    button(at, "Import 1 file").click().run()
    assert counts(shop)["events"] == 2 and counts(shop)["clients"] == 2


def test_every_row_can_be_said_to_be_a_won_deal(shop):
    # A list of deals won with an amount: without the choice, each row is a purchase; with
    # "Every row is: Deal won", each is a won deal, as `--set kind=won` makes it.
    data = b"Client,Closed,Value\nAnn,2026-01-05,100\nBob,2026-01-06,250\n"
    at = app_test(shop, PAGE)
    upload(at, ("deals.csv", data, CSV))
    every = next(s for s in at.main.selectbox if s.label == "Every row is")
    assert every.value is None
    assert "Not a known export: read as events" in texts(at.main.info)
    every.set_value("won").run()
    assert not at.exception
    button(at, "Import 1 file").click().run()
    db = open_workspace(shop, create=False)
    try:
        assert db.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind").fetchall() == [
            ("won", 2)]
    finally:
        db.close()


def test_unknown_stage_values_are_mapped_with_dropdowns(shop):
    data = b"Client ID,Name,Stage\nC1,Ann,Pitching\nC2,Bob,Pitching\nC3,Cy,Lead\nC4,Di,Sleeping\n"
    at = app_test(shop, PAGE)
    upload(at, ("pipeline.csv", data, CSV))
    labels = [s.label for s in at.main.selectbox
              if s.label not in ("Import this sheet as", "Currency symbol")]
    assert labels == ["Pitching (2 rows)", "Sleeping (1 row)"]
    at.main.selectbox[1].set_value("consideration").run()
    button(at, "Import 1 file").click().run()
    db = open_workspace(shop, create=False)
    assert db.execute("SELECT client_id, stage FROM clients ORDER BY client_id").fetchall() == [
        ("C1", "consideration"), ("C2", "consideration"), ("C3", "awareness"), ("C4", None)]
    # "Sleeping" was left for later: the page offers it under the waiting values.
    at.run()
    waiting = [s for s in at.main.selectbox if s.label == "Sleeping (1 row)"]
    assert len(waiting) == 1
    waiting[0].set_value("lost")
    next(b for b in at.main.button if b.label == "Save what they mean").click().run()
    assert not at.exception
    assert at.main.success[0].value == "Saved. 1 imported row updated."
    assert db.execute("SELECT status FROM clients WHERE client_id = 'C4'").fetchone() == ("lost",)


@pytest.mark.parametrize("filename, data", [
    ("tracker.xlsx", b"this is plain text, not a workbook\n"),
    ("empty.csv", b""),
])
def test_a_refused_file_shows_the_sentence_and_changes_nothing(shop, filename, data):
    before = snapshot(shop)
    at = app_test(shop, PAGE)
    upload(at, (filename, data, "application/octet-stream"))
    assert len(at.main.error) == 1
    assert filename in at.main.error[0].value
    assert "Traceback" not in at.main.error[0].value
    assert button(at, "Import 0 files").disabled
    assert snapshot(shop) == before


def test_a_refused_file_does_not_stop_the_others(shop):
    at = app_test(shop, PAGE)
    upload(at, ("broken.xlsx", b"PK\x03\x04 broken zip", "application/octet-stream"),
           ("ok.csv", b"Client ID,Name\nC1,Ann\n", CSV))
    assert len(at.main.error) == 1
    button(at, "Import 1 file").click().run()
    assert counts(shop) == {"clients": 1, "events": 0, "imports": 1}
    assert len(at.main.error) == 1, "the refused file stays listed, with its sentence"


def test_a_dry_run_lists_problems_and_changes_nothing(shop):
    data = b"Client ID,Name,Revenue\nC1,Ann,$100\nC2,Bob,lots\nC3,Cy,$5\n,,$7\n"
    before = snapshot(shop)
    at = app_test(shop, PAGE)
    upload(at, ("clients.csv", data, CSV))
    button(at, "Check first (dry run)").click().run()
    assert not at.exception
    # Bob's revenue cannot be read: he is kept without it; the row with no one is rejected.
    assert ("Checked 1 file: 3 clients added; 1 row rejected. Nothing was changed: import "
            "to keep it.") in [i.value for i in at.main.info]
    problems = table_with(at, "Why not imported")
    assert problems[["Row", "Column"]].values.tolist() == [[5, "client ID or name"]]
    assert snapshot(shop) == before
    assert any(b.label == "Import 1 file" for b in at.main.button), "the file is still there"


def test_the_rejected_rows_workbook_says_why(shop):
    data = b"Client ID,Date,Amount\nC1,2024-01-05,$100\nC2,the 5th,$5\nC3,2024-01-07,$5\n"
    at = app_test(shop, PAGE)
    upload(at, ("visits.csv", data, CSV))
    button(at, "Import 1 file").click().run()
    assert counts(shop)["events"] == 2
    assert any(d.label.startswith("Download the rejected rows")
               for d in at.main.get("download_button"))
    book = openpyxl.load_workbook(io.BytesIO(at.session_state["import_outcome"].workbook))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows == [
        ("File", "Sheet", "Row", "Column", "Value", "Why not imported", "Client ID", "Date",
         "Amount"),
        ("visits.csv", "visits", 3, "Date (B)", "the 5th",
         "date is not a date Journey understands", "C2", "the 5th", "$5")]


def test_undo_asks_first_then_restores_the_workspace(shop):
    before = snapshot(shop)
    at = app_test(shop, PAGE)
    upload(at, (SAMPLE.name, SAMPLE.read_bytes(), "application/octet-stream"))
    button(at, "Import 1 file").click().run()
    assert counts(shop)["clients"] == 25
    newest = counts(shop)["imports"]
    assert undo_picker(at).value == newest, "the picker starts at the newest import"
    at.button(key="import_undo").click().run()
    assert "Undo import" in texts(at.main.warning)
    assert counts(shop)["clients"] == 25, "nothing happens before the confirmation"
    at.button(key="import_undo_no").click().run()
    assert not at.main.warning
    at.button(key="import_undo").click().run()
    at.button(key="import_undo_yes").click().run()
    assert not at.exception
    assert "Undid import" in texts(at.main.success)
    assert undo_picker(at).value == newest - 1, "then the clients sheet"
    at.button(key="import_undo").click().run()
    at.button(key="import_undo_yes").click().run()
    assert counts(shop)["clients"] == 0 and counts(shop)["events"] == 0
    after = snapshot(shop)
    for table in ("imports", "import_changes", "import_problems"):
        before.pop(table), after.pop(table)
    assert after == before


def test_undo_of_an_earlier_import_keeps_what_a_later_one_holds(shop):
    db = open_workspace(shop, create=False)
    first = b"Client ID,Name\nC1,Ann\n"
    import_file(db, "a.csv", first)
    import_file(db, "b.csv", b"Client ID,Name,Region\nC1,Ann,NSW\n")
    oldest = db.execute("SELECT MIN(id) FROM imports").fetchone()[0]
    at = app_test(shop, PAGE)
    undo_picker(at).set_value(oldest).run()
    at.button(key="import_undo").click().run()
    at.button(key="import_undo_yes").click().run()
    assert not at.exception
    assert f"Undid import {oldest}" in texts(at.main.success)
    assert db.execute("SELECT client_id, name, region FROM clients").fetchall() == [
        ("C1", "Ann", "NSW")]                   # b.csv holds C1: it stays as b.csv left it


def test_presenter_mode_shows_the_history_read_only(home):
    at = app_test("demo", PAGE)
    at.toggle(key="presenter").set_value(True).run()
    assert not at.exception
    assert not at.file_uploader
    assert not [b for b in at.main.button if "ndo" in b.label]
    assert [c.replace("\\", "") for c in at.main.table[-1].value.columns] == \
        review.HISTORY_COLUMNS


def test_choices_survive_a_page_switch(shop):
    data = b"Client ID,Name,Segment\nC1,Ann,Retail\n"
    at = app_test(shop, PAGE)
    upload(at, ("clients.csv", data, CSV))
    map_columns(at, {2: "extra"})
    at.switch_page("views/overview.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.main.data_editor[0].value["Maps to"].tolist() == ["client_id", "name", "extra"]


# --- the domain helpers behind the page -----------------------------------------------

def test_apply_choices_marks_edited_columns_as_chosen():
    plan = plan_file("c.csv", b"Client ID,Name,Region,Amount\nC1,Ann,NSW,1\nC2,Bob,VIC,2\n")[0]
    assert plan.kind == "clients"
    # (on a client list, an amount is what the client brought)
    assert plan.mapping == {"Client ID": "client_id", "Name": "name", "Region": "region",
                            "Amount": "revenue_current"}
    chosen = review.apply_choices(plan, "clients", {"Amount": "revenue_potential",
                                                    "Name": "name"})
    assert chosen.mapping == {"Client ID": "client_id", "Name": "name", "Region": "region",
                              "Amount": "revenue_potential"}
    assert chosen.chosen == {"Amount"}
    as_events = review.apply_choices(plan, "events")
    assert as_events.kind == "events" and as_events.mapping["Amount"] == "amount"
    with pytest.raises(ValidationError, match="cannot be mapped"):
        review.apply_choices(plan, "events", {"Amount": "nps"})


def test_unknown_stage_values_group_spellings():
    plan = plan_file("c.csv", b"Name,Stage\nA,Site visit\nB,site-visit\nC,Lead\nD,Cold-ish\n")[0]
    assert review.unknown_stage_values(plan) == {"Site visit": 2, "Cold-ish": 1}
    assert review.unknown_stage_values(plan, {"sitevisit": "consideration"}) == {"Cold-ish": 1}


def test_sentences_say_what_happened():
    def result(file, kind, inserted, updated, rejected):
        return ImportResult(None, file, "Sheet1", kind, {}, inserted + updated + rejected,
                            inserted, updated, rejected, [], {}, [])

    results = [result("a.xlsx", "clients", 3, 2, 1), result("a.xlsx", "events", 0, 5, 0),
               result("b.csv", "events", 7, 0, 0)]
    assert review.outcome_sentence(results, dry_run=False) == (
        "Imported 2 files: 3 clients added, 2 clients updated, 7 events added, "
        "5 events already there; 1 row rejected.")
    assert review.outcome_sentence(results[:1], dry_run=True) == (
        "Checked 1 file: 3 clients added, 2 clients updated; 1 row rejected. "
        "Nothing was changed: import to keep it.")
    assert Undone(4, clients_removed=25, events_removed=80, rows_restored=1).sentence() == (
        "Undid import 4: removed 25 clients and 80 events, and put back 1 row as it was.")
    assert Undone(5, clients_removed=1, events_removed=0, rows_restored=2).sentence() == (
        "Undid import 5: removed 1 client, and put back 2 rows as they were.")
    assert Undone(6, 0, 0, 0).sentence() == "Undid import 6: it had nothing left to remove."


def test_real_crm_files_import_together(shop, datasets):
    files = ["maven_crm_accounts.csv", "maven_crm_sales_pipeline.csv"]
    at = app_test(shop, PAGE)
    upload(at, *[(name, (datasets / name).read_bytes(), CSV) for name in files])
    assert not at.main.error
    kinds = [s.value for s in at.main.selectbox if s.label == "Import this sheet as"]
    assert kinds == ["clients", "events"]
    button(at, "Import 2 files").click().run()
    assert not at.exception
    results = at.session_state["import_outcome"].results
    pipeline = next(r for r in results if r.file == files[1])
    assert pipeline.rows == pipeline.inserted + pipeline.updated + pipeline.rejected
    assert counts(shop)["events"] == pipeline.inserted > 0
    assert counts(shop)["imports"] == 2
