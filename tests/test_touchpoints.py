"""Touchpoint tables: validation, saves (add, edit, delete, reorder) with optimistic
concurrency, undo, the function map, snapshots, and the Touchpoints sheets."""

import io

import pandas as pd
import pytest
from conftest import dump, xlsx_bytes

from journey.workshop import touchpoints as tp
from journey.errors import ValidationError
from journey.ingest import import_file, undo_import


def row(name, **values):
    """A touchpoint as the table gives it (stage filled in by the save)."""
    return {"touchpoint": name, "channel": "email", "department": "sales", "emotion": 0,
            "state": "current", **values}


def seed(db, stage="consideration", names=("Enquiry", "Call", "Quote", "Visit")):
    """Touchpoints saved through the domain; returns the stage's rows as loaded."""
    result = tp.save_stage(db, stage, [], [row(n, position=i) for i, n in enumerate(names, 1)])
    assert result.status == "saved" and result.added == len(names)
    return tp.touchpoint_rows(db, stage)


def names(db, stage="consideration", state="current"):
    return [r["touchpoint"] for r in tp.touchpoint_rows(db, stage, state)]


def touchpoint_table(db):
    """Touchpoints without the columns that record when and how often a row was written."""
    return sorted((r["id"], *(r[f] for f in tp.TOUCHPOINT_FIELDS))
                  for r in tp.touchpoint_rows(db))


# --- validation ------------------------------------------------------------------------

def test_every_bad_value_is_named_with_its_row_and_reason():
    rows = [row("Good"),
            row("  ", channel="pigeon"),
            row("Stall", department="finance", emotion=3),
            row("Half", emotion=1.5, state="maybe"),
            row("Lost", stage="nowhere")]
    problems = tp.validate_touchpoints(rows, stage="purchase")
    assert [(p.row, p.field) for p in problems] == [
        (1, "touchpoint"), (1, "channel"), (2, "department"), (2, "emotion"),
        (3, "emotion"), (3, "state"), (4, "stage")]
    assert problems[1].sentence() == ("Row 2: 'pigeon' is not a channel; choose one of "
                                      "email, phone, in person, website, social, ads, SMS, "
                                      "in-app, search, events, VIP service, other.")
    assert "whole number from -2 to +2" in problems[3].reason


def test_values_people_type_are_understood():
    clean, problems = tp.normalise_touchpoint(
        {"touchpoint": " Showroom ", "channel": "In-Person", "department": "Customer service",
         "emotion": "+2", "state": "To be", "stage": "Proposal", "kpi": 12.0})
    assert problems == []
    assert (clean["touchpoint"], clean["channel"], clean["department"], clean["emotion"],
            clean["state"], clean["stage"], clean["kpi"]) == (
        "Showroom", "in person", "support", 2, "future", "consideration", "12")
    assert tp.normalise_touchpoint({"touchpoint": "x", "emotion": "\u22121"})[0]["emotion"] == -1
    assert tp.normalise_touchpoint({"touchpoint": "x"}, stage="advocacy")[0]["state"] == "current"


# --- saving ----------------------------------------------------------------------------

def test_add_edit_delete_and_reorder_in_one_save(db):
    base = seed(db)
    edited = [dict(r) for r in base]
    edited[1]["thinks_feels"] = "Will they call back?"      # Call: edited
    del edited[2]                                           # Quote: deleted
    edited[2]["position"] = 0.5                             # Visit: moved to the top
    edited.append(row("Samples", position=2.5))             # added between Call and ...
    result = tp.save_stage(db, "consideration", base, edited)
    assert (result.status, result.added, result.changed, result.deleted) == ("saved", 1, 2, 1)
    assert names(db) == ["Visit", "Enquiry", "Call", "Samples"]
    stored = {r["touchpoint"]: r for r in tp.touchpoint_rows(db)}
    assert stored["Call"]["thinks_feels"] == "Will they call back?"
    assert {n: stored[n]["version"] for n in stored} == {
        "Visit": 2, "Enquiry": 1, "Call": 2, "Samples": 1}


def test_deleting_a_row_does_not_count_the_rows_after_it_as_moved(db):
    base = seed(db)
    result = tp.save_stage(db, "consideration", base, [base[0], base[2], base[3]])
    assert (result.changed, result.deleted) == (0, 1)
    assert names(db) == ["Enquiry", "Quote", "Visit"]


def test_moving_one_row_changes_one_row(db):
    base = seed(db)
    edited = [dict(r) for r in base]
    edited[3]["position"] = 1          # Visit typed as 1: it goes before Enquiry
    result = tp.save_stage(db, "consideration", base, edited)
    assert (result.status, result.changed) == ("saved", 1)
    assert names(db) == ["Visit", "Enquiry", "Call", "Quote"]
    assert [r["position"] for r in tp.touchpoint_rows(db, "consideration")] == [1, 2, 3, 4]


def test_an_invalid_row_refuses_the_whole_save(db):
    base = seed(db)
    before = dump(db)
    edited = [dict(r) for r in base]
    edited[0]["touchpoint"] = "Enquiry form"
    edited[2]["emotion"] = 7
    result = tp.save_stage(db, "consideration", base, edited)
    assert result.status == "invalid" and not result.ok
    assert [(p.row, p.field) for p in result.problems] == [(2, "emotion")]
    assert result.message() == "Not saved: 1 row need fixing (your edits are kept)."
    assert dump(db) == before


def test_saving_the_table_as_loaded_changes_nothing(db):
    base = seed(db)
    before = dump(db)
    assert tp.save_stage(db, "consideration", base, base).status == "unchanged"
    assert dump(db) == before


def test_a_row_can_move_to_the_future_state_and_to_another_stage(db):
    base = seed(db)
    seed(db, "purchase", ("Contract",))
    edited = [dict(r) for r in base]
    edited[0]["state"] = "future"
    edited[1]["stage"] = "purchase"
    assert tp.save_stage(db, "consideration", base, edited).changed == 2
    assert names(db, state="future") == ["Enquiry"]
    assert names(db) == ["Quote", "Visit"]
    assert names(db, "purchase") == ["Contract", "Call"]


# --- two people at once -----------------------------------------------------------------

def test_two_sessions_saving_the_same_touchpoint_conflict_instead_of_overwriting(db):
    base = seed(db)
    anna = [dict(r) for r in base]
    ben = [dict(r) for r in base]
    anna[2]["emotion"] = -2
    anna[2]["pain_points"] = "Three tiers confuse"
    ben[2]["emotion"] = 1
    ben[0]["owner"] = "Ben"                         # a row Anna did not touch
    assert tp.save_stage(db, "consideration", base, anna).status == "saved"
    before = dump(db)
    result = tp.save_stage(db, "consideration", base, ben)
    assert result.status == "conflict"
    assert dump(db) == before                       # nothing of Ben's written, Anna's kept
    [conflict] = result.conflicts
    assert (conflict.name, conflict.mine, conflict.theirs) == (
        "Quote", {"emotion": (0, 1)},
        {"emotion": (0, -2), "pain_points": (None, "Three tiers confuse")})
    assert conflict.sentence() == ("'Quote': someone else changed emotion, pain_points while "
                                   "you changed emotion.")


def test_changes_to_other_rows_merge_without_a_conflict(db):
    base = seed(db)
    anna, ben = [dict(r) for r in base], [dict(r) for r in base]
    anna[0]["owner"] = "Anna"
    ben[1]["owner"] = "Ben"
    ben.append(row("Follow-up"))
    assert tp.save_stage(db, "consideration", base, anna).status == "saved"
    assert tp.save_stage(db, "consideration", base, ben).status == "saved"
    owners = {r["touchpoint"]: r["owner"] for r in tp.touchpoint_rows(db)}
    assert owners == {"Enquiry": "Anna", "Call": "Ben", "Quote": None, "Visit": None,
                      "Follow-up": None}


def test_editing_a_touchpoint_someone_deleted_is_a_conflict(db):
    base = seed(db)
    tp.save_stage(db, "consideration", base, base[1:])
    edited = [dict(r) for r in base]
    edited[0]["emotion"] = 2
    result = tp.save_stage(db, "consideration", base, edited)
    assert result.status == "conflict"
    assert result.conflicts[0].theirs_deleted
    assert result.conflicts[0].sentence() == ("'Enquiry' was deleted by someone else while "
                                              "you edited it.")


@pytest.mark.parametrize("keep, emotion, pains", [("mine", 1, "Three tiers confuse"),
                                                  ("theirs", -2, "Three tiers confuse")])
def test_after_a_conflict_either_version_can_be_kept(db, keep, emotion, pains):
    base = seed(db)
    anna, ben = [dict(r) for r in base], [dict(r) for r in base]
    anna[2].update(emotion=-2, pain_points="Three tiers confuse")
    ben[2]["emotion"] = 1
    ben[3]["owner"] = "Ben"
    tp.save_stage(db, "consideration", base, anna)
    assert tp.save_stage(db, "consideration", base, ben).status == "conflict"
    new_base, draft = tp.rebase(db, "touchpoints", base, ben, keep, scope="consideration")
    assert tp.save_stage(db, "consideration", new_base, draft).status == "saved"
    stored = {r["touchpoint"]: r for r in tp.touchpoint_rows(db)}
    assert (stored["Quote"]["emotion"], stored["Quote"]["pain_points"]) == (emotion, pains)
    assert stored["Visit"]["owner"] == "Ben"        # the change that did not conflict stays


# --- undo ------------------------------------------------------------------------------

def test_undo_restores_the_table_as_it_was_before_the_last_save(db):
    base = seed(db)
    before = touchpoint_table(db)
    edited = [dict(r) for r in base]
    edited[0]["kpi"] = "Time to first call"
    edited[3]["position"] = 1
    del edited[1]
    edited.append(row("New one"))
    tp.save_stage(db, "consideration", base, edited)
    assert tp.last_save(db)["summary"] == "Touchpoints (Consideration): 1 added, 2 changed, " \
                                          "1 deleted"
    tp.undo_last_save(db)
    assert touchpoint_table(db) == before
    assert names(db) == ["Enquiry", "Call", "Quote", "Visit"]
    tp.undo_last_save(db)                            # then the save before it: the seed
    assert tp.touchpoint_rows(db) == []
    with pytest.raises(ValidationError, match="There is no save to undo"):
        tp.undo_last_save(db)


def test_undo_is_refused_when_the_row_was_changed_again(db):
    base = seed(db)
    edited = [dict(r) for r in base]
    edited[0]["owner"] = "Anna"
    tp.save_stage(db, "consideration", base, edited)
    tp.save_function_map(db, tp.function_map_rows(db), tp.function_map_rows(db)[:6])
    db["touchpoints"].update(base[0]["id"], {"owner": "Ben", "version": 5})   # someone else
    tp.undo_last_save(db)                            # the function map save: fine
    before = dump(db)
    with pytest.raises(ValidationError, match="Enquiry was changed again after it"):
        tp.undo_last_save(db)
    assert dump(db) == before


def test_a_changed_row_undone_conflicts_with_a_stale_session(db):
    base = seed(db)
    edited = [dict(r) for r in base]
    edited[0]["owner"] = "Anna"
    tp.save_stage(db, "consideration", base, edited)
    stale = tp.touchpoint_rows(db, "consideration")
    tp.undo_last_save(db)
    mine = [dict(r) for r in stale]
    mine[0]["emotion"] = 2
    assert tp.save_stage(db, "consideration", stale, mine).status == "conflict"


# --- the function map ------------------------------------------------------------------

def test_the_function_map_starts_with_seven_functions(db):
    frame = tp.load_function_map(db)
    assert list(frame["department"]) == ["marketing", "sales", "CX and account management",
                                         "operations", "product", "support", "leadership"]
    assert frame.loc[3, ["uses", "outcome"]].tolist() == ["Service delivery",
                                                          "Better efficiency"]
    assert tp.department_stages(db)["support"] == ("purchase", "retention")
    assert tp.department_stages(db)["leadership"] == ()


def test_function_map_edits_are_checked_and_saved(db):
    base = tp.function_map_rows(db)
    edited = [dict(r) for r in base]
    edited[0]["stages"] = "Advocacy; awareness"
    edited[1]["department"] = "marketing"
    edited[2]["stages"] = "retention, someday"
    result = tp.save_function_map(db, base, edited)
    assert [(p.row, p.field) for p in result.problems] == [(1, "department"), (2, "stages")]
    assert result.problems[1].reason == "'someday' is not a journey stage."
    edited = [dict(r) for r in base]
    edited[0]["stages"] = "Advocacy; awareness"
    edited[6]["outcome"] = "One strategy"
    assert tp.save_function_map(db, base, edited).changed == 2
    assert tp.department_stages(db)["marketing"] == ("awareness", "advocacy")
    assert tp.load_function_map(db)["outcome"].iloc[6] == "One strategy"


# --- snapshots -------------------------------------------------------------------------

BEFORE_MAP = [
    {"id": 1, "stage": "awareness", "state": "current", "position": 1, "touchpoint": "Ads",
     "channel": "ads", "emotion": 0, "owner": "Nina"},
    {"id": 2, "stage": "awareness", "state": "current", "position": 2, "touchpoint": "Expo",
     "channel": "events", "emotion": 1, "owner": "Maya"},
    {"id": 3, "stage": "purchase", "state": "current", "position": 1,
     "touchpoint": "Contract", "channel": "email", "emotion": -1, "owner": "Tom"},
    {"id": 4, "stage": "purchase", "state": "current", "position": 2,
     "touchpoint": "Delivery", "channel": "phone", "emotion": -2, "owner": "Ollie"},
]


def test_a_snapshot_diff_names_each_changed_field():
    after = [dict(r) for r in BEFORE_MAP]
    del after[0]                                           # Ads removed
    after[1].update(emotion=1, owner="Tom Walsh", position=2)      # Contract: owner only
    after[2].update(emotion=0, channel="SMS", position=1)  # Delivery moved up, 2 fields
    after.append({"id": 9, "stage": "advocacy", "state": "future", "position": 1,
                  "touchpoint": "Referral club", "channel": "email", "emotion": 2})
    after[1]["emotion"] = -1
    diff = tp.compare_maps(BEFORE_MAP, after)
    assert diff.summary() == "1 added, 1 removed, 2 changed"
    assert diff.frame().values.tolist() == [
        ["added", "advocacy", "future", "Referral club", None, None, None],
        ["removed", "awareness", "current", "Ads", None, None, None],
        ["changed", "purchase", "current", "Delivery", "channel", "phone", "SMS"],
        ["changed", "purchase", "current", "Delivery", "emotion", -2, 0],
        ["changed", "purchase", "current", "Delivery", "position", 2, 1],
        ["changed", "purchase", "current", "Contract", "owner", "Tom", "Tom Walsh"],
    ]


def test_identical_maps_have_no_diff():
    diff = tp.compare_maps(BEFORE_MAP, [dict(r) for r in BEFORE_MAP])
    assert diff.summary() == "0 added, 0 removed, 0 changed" and diff.frame().empty


def test_snapshot_before_and_after_a_workshop(db):
    base = seed(db)
    first = tp.save_snapshot(db, "Before the workshop")
    edited = [dict(r) for r in base]
    edited[0]["emotion"] = -1
    edited.append(row("Pricing calculator", state="future", emotion=1))
    tp.save_stage(db, "consideration", base, edited)
    diff = tp.compare_snapshot(db, first)
    assert diff.summary() == "1 added, 0 removed, 1 changed"
    assert diff.changed[0]["fields"] == {"emotion": (0, -1)}
    assert list(tp.list_snapshots(db)["name"]) == ["Before the workshop"]
    with pytest.raises(ValidationError, match="already a snapshot called"):
        tp.save_snapshot(db, "Before the workshop")
    with pytest.raises(ValidationError, match="needs a name"):
        tp.save_snapshot(db, "  ")


# --- spreadsheets ----------------------------------------------------------------------

HEADERS = ["Stage", "Touchpoint", "Channel", "Department", "Customer action",
           "Thinks & feels", "Emotion", "Owner", "State"]


def test_a_touchpoints_sheet_imports_with_problems_named_and_undoes(db):
    seed(db, "purchase", ("Contract",))
    before = dump(db, exclude=("imports", "import_changes", "import_problems"))
    table = touchpoint_table(db)
    data = xlsx_bytes({"Touchpoints": [
        HEADERS,
        ["Purchase", "Contract", "email", "sales", "Signs", "Big step", -1, "Tom", "current"],
        ["Lead", "Expo stand", "Events", "Marketing", "Chats", "Nice", "+1", "Maya", ""],
        ["Retention", "Portal", "carrier pigeon", "CX", "Reorders", "Easy", 5, "Ava", "now"],
        ["Advocacy", "", "email", "marketing", None, None, None, None, None],
    ]})
    [result] = import_file(db, "map.xlsx", data)
    assert (result.kind, result.inserted, result.updated, result.rejected) == (
        "touchpoints", 1, 1, 2)
    assert [(p.row, p.column) for p in result.problems] == [
        (4, "Channel"), (4, "Emotion"), (5, "Touchpoint")]
    stored = {r["touchpoint"]: r for r in tp.touchpoint_rows(db)}
    assert (stored["Expo stand"]["stage"], stored["Expo stand"]["channel"],
            stored["Expo stand"]["emotion"]) == ("awareness", "events", 1)
    assert stored["Contract"]["emotion"] == -1 and stored["Contract"]["version"] == 2
    undo_import(db, result.import_id)
    after = dump(db, exclude=("imports", "import_changes", "import_problems"))
    assert after.pop("touchpoints") != before.pop("touchpoints")     # the version went on
    # The seed save's record follows the row's new version (the journal's one rule), so
    # it can be undone next; every other table is as before.
    assert after.pop("workshop_save_rows") == [(1, 1, None, 3, 0)]
    assert before.pop("workshop_save_rows") == [(1, 1, None, 1, 0)]
    assert after == before and touchpoint_table(db) == table
    assert [r["version"] for r in tp.touchpoint_rows(db)] == [3]
    tp.undo_last_save(db)
    assert tp.touchpoint_rows(db) == []


def test_export_then_import_round_trips_without_changes(db):
    seed(db)
    seed(db, "purchase", ("Contract", "Delivery"))
    base = tp.function_map_rows(db)
    edited = [dict(r) for r in base]
    edited[0]["uses"] = "Campaigns"
    tp.save_function_map(db, base, edited)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer) as writer:
        tp.export_rows(db).to_excel(writer, sheet_name="Touchpoints", index=False)
        tp.export_function_map(db).to_excel(writer, sheet_name="Function map", index=False)
    assert list(tp.export_rows(db).columns) == ["Stage", "Position", "Touchpoint", "Channel",
                                                "Department", "Customer action",
                                                "Thinks and feels", "Emotion", "Pain points",
                                                "Delights", "Opportunities", "KPI", "Owner",
                                                "State"]
    before = dump(db)
    results = import_file(db, "export.xlsx", buffer.getvalue())
    assert [(r.kind, r.inserted, r.updated, r.rejected) for r in results] == [
        ("touchpoints", 0, 0, 0), ("function_map", 0, 0, 0)]
    assert dump(db, exclude=("imports", "import_changes", "import_problems")) == \
        {k: v for k, v in before.items() if k not in ("imports", "import_changes",
                                                      "import_problems")}


def test_positions_on_a_sheet_reorder_the_stage(db):
    seed(db)
    data = xlsx_bytes({"Touchpoints": [
        ["Stage", "Position", "Touchpoint"],
        ["Consideration", 1, "Visit"],
        ["Consideration", 3, "Samples"],
    ]})
    [result] = import_file(db, "order.xlsx", data)
    assert (result.inserted, result.updated) == (1, 1)
    assert names(db) == ["Visit", "Enquiry", "Samples", "Call", "Quote"]


def test_a_function_map_sheet_updates_by_department(db):
    data = xlsx_bytes({"Function map": [
        ["Function", "How it uses the map", "Outcome it seeks", "Stages it serves"],
        ["Support", "Tone of every reply", "Fewer complaints", "Purchase, Retention, Advocacy"],
        ["Finance", "Invoices", "Paid on time", "purchase"],
    ]})
    [result] = import_file(db, "functions.xlsx", data)
    assert (result.kind, result.inserted, result.updated, result.rejected) == (
        "function_map", 0, 1, 1)
    assert result.problems[0].column == "Function"
    assert tp.department_stages(db)["support"] == ("purchase", "retention", "advocacy")


def test_a_department_someone_else_added_meanwhile_is_refused_not_a_crash(db):
    base = tp.function_map_rows(db)
    without_support = [r for r in base if r["department"] != "support"]
    tp.save_function_map(db, base, without_support)            # support deleted
    anna = tp.function_map_rows(db)
    ben = tp.function_map_rows(db)
    assert tp.save_function_map(db, anna, [*anna, {"department": "support"}]).ok
    result = tp.save_function_map(db, ben, [*ben, {"department": "Support", "uses": "Tone"}])
    assert result.status == "invalid"
    assert result.problems[0].sentence() == ("Row 7: support was added by someone else "
                                             "meanwhile; delete this row or reload the table.")
    tp.undo_last_save(db)                                      # Anna's add
    assert "support" not in tp.department_stages(db)
