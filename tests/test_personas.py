"""Persona cards: editing rules, photos, live figures against hand-worked ones, ranking,
and the Personas sheet in and out."""

import io

import pytest
from conftest import HISTORY_TABLES, dump, xlsx_bytes

from journey import journal
from journey.figures import persona_matrix_figure
from journey.workshop import personas
from journey.errors import UnreadableFile, ValidationError
from journey.filters import Filters
from journey.ingest import import_file, undo_import
from journey.workspace import write
from journey.workshop.personas import (InvalidPersona, StaleEdit, archive_persona, assign_clients,
                              card_kpis, check_photo, create_persona, get_persona,
                              list_personas, persona_figures, rank_personas, restore_persona,
                              set_photo, update_persona)

CARLA = {"name": "Clinic Carla", "title": "Practice owner", "icon": "🩺",
         "pain_points": "Slipping dates\nSurprise costs", "target_revenue": 1000,
         "target_visit_frequency": 2, "target_satisfaction": 5, "impact": 5, "effort": 2,
         "tier": 1}
HUGO = {"name": "Hugo Home", "target_revenue": 1000, "impact": 2, "effort": 4, "tier": 3}


def names(db, archived=False):
    return [p["name"] for p in list_personas(db, archived=archived)]


# --- create, edit, archive, restore -----------------------------------------------------

def test_create_edit_archive_restore(db):
    carla = create_persona(db, CARLA)
    saved = get_persona(db, carla)
    assert (saved["name"], saved["version"], saved["archived"], saved["tier"]) == (
        "Clinic Carla", 1, 0, 1)
    assert saved["pain_points"] == "Slipping dates\nSurprise costs"

    version = update_persona(db, carla, {"title": "Growth Partner",
                                         "delights": ["Fixed dates", "One contact"]},
                             version=1)
    saved = get_persona(db, carla)
    assert (version, saved["title"], saved["delights"]) == (
        2, "Growth Partner", "Fixed dates\nOne contact")

    archive_persona(db, carla, version=2)
    assert names(db) == [] and names(db, archived=True) == ["Clinic Carla"]
    restore_persona(db, carla)
    assert names(db) == ["Clinic Carla"] and get_persona(db, carla)["version"] == 4


def test_a_new_card_without_an_icon_gets_one_and_goes_last(db):
    create_persona(db, CARLA)
    hugo = create_persona(db, {"name": "Hugo Home"})
    assert get_persona(db, hugo)["icon"] == personas.DEFAULT_ICON
    assert names(db) == ["Clinic Carla", "Hugo Home"]


@pytest.mark.parametrize("changes, field, words", [
    ({"name": "  "}, "name", "needs a name"),
    ({"tier": 4}, "tier", "Tier: choose a whole number from 1 to 3"),
    ({"impact": 2.5}, "impact", "Impact: choose a whole number from 1 to 5"),
    ({"effort": "lots"}, "effort", "Effort: 'lots' is not a number"),
    ({"target_revenue": -5}, "target_revenue", "Target revenue: a target cannot be negative"),
    ({"pain_points": "a\nb\nc\nd"}, "pain_points", "Pain points: keep the top 3"),
    ({"key_opportunities": ["x" * 201]}, "key_opportunities", "up to 200 characters"),
    ({"description": "d" * 601}, "description", "Description: up to 600 characters"),
    ({"colour": "red"}, "colour", "'colour' is not a persona field"),
])
def test_bad_fields_are_refused_naming_the_field(db, changes, field, words):
    carla = create_persona(db, CARLA)
    before = dump(db)
    with pytest.raises(InvalidPersona) as error:
        update_persona(db, carla, changes, version=1)
    assert list(error.value.errors) == [field]
    assert words in str(error.value)
    assert dump(db) == before


def test_every_problem_is_listed_at_once(db):
    with pytest.raises(InvalidPersona) as error:
        create_persona(db, {"name": "", "tier": 0, "delights": "1\n2\n3\n4"})
    assert set(error.value.errors) == {"name", "tier", "delights"}
    assert names(db) == [] and names(db, archived=True) == []


def test_names_must_differ_by_more_than_case_and_punctuation(db):
    create_persona(db, {"name": "Dr. Jelena"})
    with pytest.raises(InvalidPersona, match="already a persona called 'Dr. Jelena'"):
        create_persona(db, {"name": "dr jelena"})


def test_money_and_thousands_in_targets_are_understood(db):
    carla = create_persona(db, {"name": "Carla", "target_revenue": "$60,000"})
    assert get_persona(db, carla)["target_revenue"] == 60000.0


# --- the three-persona limit --------------------------------------------------------------

def test_a_fourth_active_persona_is_refused(db):
    for name in ("A", "B", "C"):
        create_persona(db, {"name": name})
    before = dump(db)
    with pytest.raises(ValidationError) as error:
        create_persona(db, {"name": "D"})
    assert str(error.value) == ("There are already 3 active personas (A, B, C): archive one "
                                "first, then try again.")
    assert dump(db) == before
    archived = create_persona(db, {"name": "D"}, archived=True)    # kept for later is fine
    with pytest.raises(ValidationError, match="archive one first"):
        restore_persona(db, archived)
    archive_persona(db, list_personas(db)[0]["id"])
    restore_persona(db, archived)
    assert names(db) == ["B", "C", "D"] and names(db, archived=True) == ["A"]


# --- optimistic concurrency -------------------------------------------------------------------

def test_a_stale_save_is_refused_and_overwrites_nothing(db):
    carla = create_persona(db, CARLA)
    update_persona(db, carla, {"title": "Saved by Ana"}, version=1)     # Ana saves first
    before = dump(db)
    with pytest.raises(StaleEdit) as error:                             # Ben opened v1 too
        update_persona(db, carla, {"title": "Saved by Ben"}, version=1)
    assert "changed by someone else" in str(error.value)
    assert "your changes were not saved" in str(error.value)
    assert dump(db) == before and get_persona(db, carla)["title"] == "Saved by Ana"
    with pytest.raises(StaleEdit):
        archive_persona(db, carla, version=1)


# --- photos ----------------------------------------------------------------------------------

def image_bytes(kind: str, size=(8, 6)) -> bytes:
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, kind)
    return buffer.getvalue()


@pytest.mark.parametrize("kind, mime", [("PNG", "image/png"), ("JPEG", "image/jpeg"),
                                        ("WEBP", "image/webp")])
def test_pictures_are_accepted_with_their_type(db, kind, mime):
    carla = create_persona(db, CARLA)
    data = image_bytes(kind)
    set_photo(db, carla, data, f"carla.{kind.lower()}", version=1)
    saved = get_persona(db, carla)
    assert (saved["photo"], saved["photo_type"], saved["version"]) == (data, mime, 2)


def test_a_text_file_renamed_png_is_refused(db):
    carla = create_persona(db, CARLA)
    before = dump(db)
    with pytest.raises(UnreadableFile) as error:
        set_photo(db, carla, b"just some notes, not a picture\n", "notes.png", version=1)
    assert str(error.value) == ("notes.png is not a picture Journey can read: upload a PNG, "
                                "JPEG or WebP image.")
    assert dump(db) == before


def test_a_truncated_png_is_refused():
    with pytest.raises(UnreadableFile, match="not a picture"):
        check_photo(image_bytes("PNG", (300, 300))[:-200], "cut.png")


def test_other_formats_and_big_files_are_refused():
    with pytest.raises(UnreadableFile, match="is a GIF image; use a PNG, JPEG or WebP"):
        check_photo(image_bytes("GIF"), "anim.gif")
    with pytest.raises(UnreadableFile, match="is 2.5 MB; a persona photo can be up to 2 MB"):
        check_photo(image_bytes("PNG") + b"\0" * 2_600_000, "huge.png")
    with pytest.raises(UnreadableFile, match="empty"):
        check_photo(b"", "nothing.png")


# --- live figures -----------------------------------------------------------------------------

TRACKER = """client_id,name,persona,stage,revenue_current,revenue_potential,satisfaction,nps,purchases,first_contact,last_contact
C1,Alpha,clinic carla,Customer,1200,3000,5,10,2,2024-01-01,2024-12-31
C2,Beta,Clinic  Carla ,Lead,0,1000,3,4,0,2024-06-01,2024-07-01
C3,Gamma,CLINIC CARLA,Customer,800,1000,,8,1,2024-07-01,2024-07-01
C4,Delta,hugo-home,Customer,,,4,,,2024-02-01,2024-10-01
C5,Epsilon,,Lead,,,,,,2024-03-01,2024-03-02
C6,Zeta,Someone else,Customer,999,999,1,0,1,2024-01-01,2024-01-02
"""
EVENTS = """client_id,date,kind,amount
C4,2024-03-01,purchase,200
C4,2024-09-01,purchase,300
C4,2024-10-01,nps,9
"""


@pytest.fixture
def small(db):
    """Two personas and six clients (figures worked out by hand in the tests)."""
    import_file(db, "tracker.csv", TRACKER.encode(), kind="clients")
    import_file(db, "events.csv", EVENTS.encode(), kind="events")
    ids = {"carla": create_persona(db, CARLA), "hugo": create_persona(db, HUGO)}
    ids.update({cid: db.execute("SELECT id FROM clients WHERE client_id = ?",
                                [cid]).fetchone()[0] for cid in ("C2", "C5")})
    return ids


FIGURES = ["clients", "customers", "conversion_pct", "revenue_current", "revenue_potential",
           "revenue_per_customer", "potential_realised_pct", "satisfaction_avg",
           "satisfaction_answers", "nps_avg", "nps_score", "nps_answers", "visit_frequency",
           "revenue_progress", "satisfaction_progress", "visit_progress"]


def figures(db, filters=Filters()):
    """{persona: {figure: value}}, a missing figure (NaN in the frame) as None."""
    frame = persona_figures(db, filters)
    return {row["name"]: {k: None if row[k] != row[k] else row[k] for k in FIGURES}
            for row in frame.to_dict("records")}


def test_live_figures_match_the_hand_worked_ones(small, db):
    # Carla: C1, C2, C3 (persona column matched ignoring case and spaces); the workspace's
    # last date is 2024-12-31. Customers C1 (2 purchases since 2024-01-01: 365 days) and
    # C3 (1 since 2024-07-01: 183 days): 3 visits in 548 days = 2.0 a year.
    # Hugo: C4 ("hugo-home"), revenue and NPS from its events, 2 purchase days since
    # 2024-03-01 (305 days): 2.4 a year. C6 names no persona; C5 names none.
    assert figures(db) == {
        "Clinic Carla": {
            "clients": 3, "customers": 2, "conversion_pct": 66.67,
            "revenue_current": 2000.0, "revenue_potential": 5000.0,
            "revenue_per_customer": 1000.0, "potential_realised_pct": 40.0,
            "satisfaction_avg": 4.0, "satisfaction_answers": 2,
            "nps_avg": 7.33, "nps_score": 0.0, "nps_answers": 3,
            "visit_frequency": round(3 * 365.25 / 548, 4),
            "revenue_progress": 1.0, "satisfaction_progress": 0.8,
            "visit_progress": round(3 * 365.25 / 548 / 2, 4)},
        "Hugo Home": {
            "clients": 1, "customers": 1, "conversion_pct": 100.0,
            "revenue_current": 500.0, "revenue_potential": 0.0,
            "revenue_per_customer": 500.0, "potential_realised_pct": None,
            "satisfaction_avg": 4.0, "satisfaction_answers": 1,
            "nps_avg": 9.0, "nps_score": 100.0, "nps_answers": 1,
            "visit_frequency": round(2 * 365.25 / 305, 4),
            "revenue_progress": 0.5, "satisfaction_progress": None, "visit_progress": None},
    }


def test_clients_assigned_by_hand_win_over_the_persona_column(small, db):
    assign_clients(db, small["hugo"], [small["C2"], small["C5"]])
    got = figures(db)
    assert (got["Clinic Carla"]["clients"], got["Clinic Carla"]["customers"],
            got["Clinic Carla"]["nps_answers"]) == (2, 2, 2)
    assert (got["Hugo Home"]["clients"], got["Hugo Home"]["customers"],
            got["Hugo Home"]["conversion_pct"]) == (3, 1, 33.33)


def test_filters_apply_to_the_figures(small, db):
    got = figures(db, Filters(date_from="2024-06-01"))        # first contact from June: C2, C3
    assert (got["Clinic Carla"]["clients"], got["Clinic Carla"]["customers"],
            got["Clinic Carla"]["revenue_current"]) == (2, 1, 800.0)
    assert got["Hugo Home"]["clients"] == 0 and got["Hugo Home"]["conversion_pct"] is None


def test_kpis_say_how_far_each_is_from_target(small, db):
    row = persona_figures(db).to_dict("records")[0]
    kpis = card_kpis(row, "€")
    assert [k.sentence for k in kpis] == [
        "Revenue per customer: €1,000 of €1,000 (100%)",
        "Visits per customer per year: 2.0 of 2.0 (100%)",
        "Average satisfaction: 4.0 of 5.0 (80%)"]
    assert [k.bar for k in kpis] == [1.0, pytest.approx(0.9998), 0.8]


def test_an_empty_workspace_has_no_figures(db):
    assert persona_figures(db).empty and rank_personas(db).empty


# --- ranking -----------------------------------------------------------------------------------

def test_ranking_places_each_persona_in_a_quadrant(db):
    create_persona(db, {"name": "Low low", "impact": 2, "effort": 1, "tier": 3})
    create_persona(db, {"name": "Hugo", "impact": 2, "effort": 4, "tier": 3})
    create_persona(db, {"name": "Jelena", "impact": 5, "effort": 2, "tier": 1})
    ranking = rank_personas(db)
    assert ranking[["rank", "name", "quadrant"]].values.tolist() == [
        [1, "Jelena", "Serve first"], [2, "Low low", "Quick wins"], [3, "Hugo", "Reconsider"]]
    assert personas.quadrant(4, 5) == "Major projects" and personas.quadrant(None, 2) is None
    figure = persona_matrix_figure(ranking)
    labels = {a.text for a in figure.layout.annotations}
    assert labels == {"<b>Serve first</b>", "<b>Major projects</b>", "<b>Quick wins</b>",
                      "<b>Reconsider</b>"}


# --- the Personas sheet -----------------------------------------------------------------------

needs_sheet_contract = pytest.mark.skipif(
    not (hasattr(journal, "SheetSave") and hasattr(journal, "record_change")),
    reason="journey.journal does not provide SheetSave and record_change yet")


def raw_sheet(rows: list[list]):
    import pandas as pd
    from journey.ingest import RawSheet
    headers, body = rows[0], rows[1:]
    frame = pd.DataFrame(body, columns=headers, dtype=object)
    return RawSheet("Personas", headers, frame, list(range(2, 2 + len(body))),
                    [chr(65 + i) for i in range(len(headers))])


def new_import(db) -> int:
    return db["imports"].insert({"file": "personas.xlsx", "sheet": "Personas",
                                 "kind": "personas"}).last_pk


def test_export_rows_have_the_field_names(db):
    create_persona(db, CARLA)
    create_persona(db, {"name": "Old", "tier": 2}, archived=True)
    frame = personas.export_rows(db)
    assert list(frame.columns) == [*personas.FIELDS, "archived"]
    assert frame[["name", "archived", "tier"]].values.tolist() == [
        ["Clinic Carla", "no", 1], ["Old", "yes", 2]]


@needs_sheet_contract
def test_a_personas_sheet_updates_by_name_and_adds_new_ones(db):
    carla = create_persona(db, CARLA)
    import_id = new_import(db)
    raw = raw_sheet([
        ["Name", "Title", "Pain points", "Target revenue", "tier", "Mood"],
        ["CLINIC CARLA", "Growth Partner", "One\nTwo", "$2,500", None, "happy"],
        ["Office Olivia", "Coordinator", None, 40000, 2, None],
        [None, None, None, None, None, None],
        ["Bad Bob", None, None, "lots", 7, None],
        [None, "No name", None, None, None, None],
    ])
    with write(db):
        saved = personas.import_sheet(db, raw, import_id)
    assert (saved.inserted, saved.updated) == (1, 1)
    assert sorted((p.row, p.column) for p in saved.problems) == [
        (5, "Target revenue"), (5, "tier"), (6, "Name")]          # "Mood" is ignored
    got = get_persona(db, carla)
    assert (got["name"], got["title"], got["pain_points"], got["target_revenue"],
            got["tier"], got["version"]) == ("Clinic Carla", "Growth Partner", "One\nTwo",
                                             2500.0, 1, 2)
    assert names(db) == ["Clinic Carla", "Office Olivia"]
    changes = db.execute("SELECT row_id, before FROM import_changes WHERE import_id = ? "
                         "ORDER BY rowid", [import_id]).fetchall()
    assert [c[0] for c in changes] == [carla, carla + 1]
    assert changes[1][1] == "null"                          # undo deletes the new one


@needs_sheet_contract
def test_a_fourth_active_persona_from_a_sheet_is_refused_unless_archived(db):
    for name in ("A", "B", "C"):
        create_persona(db, {"name": name})
    old = create_persona(db, {"name": "Old"}, archived=True)
    raw = raw_sheet([["name", "archived", "title"], ["D", None, None], ["E", "yes", None],
                     ["old", None, "Still archived"], ["OLD", "no", "Back?"]])
    with write(db):
        saved = personas.import_sheet(db, raw, new_import(db))
    assert (saved.inserted, saved.updated) == (1, 1)
    assert [(p.row, p.column) for p in saved.problems] == [(2, "name"), (5, "name")]
    assert saved.problems[0].reason == (
        "There are already 3 active personas (A, B, C): archive one first, then try again. "
        "(Or mark this row archived in an archived column.) The row was not imported.")
    assert names(db) == ["A", "B", "C"] and names(db, archived=True) == ["Old", "E"]
    assert get_persona(db, old)["title"] == "Still archived"


@needs_sheet_contract
def test_an_exported_sheet_imports_without_changes(db):
    create_persona(db, CARLA)
    create_persona(db, {"name": "Old"}, archived=True)
    frame = personas.export_rows(db)
    rows = [list(frame.columns)] + frame.astype(object).where(frame.notna(), None).values.tolist()
    before = dump(db, exclude=HISTORY_TABLES)
    with write(db):
        saved = personas.import_sheet(db, raw_sheet(rows), new_import(db))
    assert (saved.inserted, saved.updated, saved.problems) == (0, 0, [])
    assert dump(db, exclude=HISTORY_TABLES) == before      # (the import holds both rows)


@needs_sheet_contract
def test_a_workbook_personas_sheet_imports_and_undoes_exactly(small, db):
    set_photo(db, small["carla"], image_bytes("PNG"), "carla.png", version=1)
    assign_clients(db, small["carla"], [small["C5"]])
    before = dump(db, exclude=HISTORY_TABLES)
    workbook = xlsx_bytes({"Personas": [
        ["Persona", "Title", "Tier", "Key opportunities"],
        ["clinic carla", "Growth Partner", 2, "Second sites; Aftercare"],
        ["Office Olivia", "Coordinator", 2, None]]})
    [result] = import_file(db, "workshop.xlsx", workbook)
    assert (result.kind, result.inserted, result.updated, result.rejected) == (
        "personas", 1, 1, 0)
    carla = get_persona(db, small["carla"])
    assert (carla["title"], carla["tier"], carla["key_opportunities"]) == (
        "Growth Partner", 2, "Second sites\nAftercare")
    assert names(db) == ["Clinic Carla", "Hugo Home", "Office Olivia"]
    undo_import(db, result.import_id)
    after = dump(db, exclude=HISTORY_TABLES)
    stamps = [c.name in ("version", "updated_at") for c in db["personas"].columns]
    for rows in (after, before):               # versions only go up: compared below
        rows["personas"] = [tuple(v for v, stamp in zip(r, stamps) if not stamp)
                            for r in rows["personas"]]
    assert after == before                                  # photo and assignment kept
    assert get_persona(db, small["carla"])["version"] == 4  # photo 2, import 3, undo 4
