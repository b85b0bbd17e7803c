"""KPIs per stage and persona (issue 17.2): actuals worked by hand on a small workspace,
status against the target (no evidence is neither met nor missed), bad input refused with
one sentence and nothing lost, the command line, and the Goals & KPIs sheet both ways.

The workspace is tests/test_money.py's nine clients (see its docstring):

- funnel: 9 aware, 5 considered (Ann, Bob, Di, Ed, Hal), 3 bought (Ann, Di, Hal),
  3 came back, 2 advocates: awareness -> consideration 5/9 = 55.56%, consideration ->
  purchase 3/5 = 60%, purchase -> retention 3/3 = 100%; for Pro (Ann, Bob, Cy)
  consideration -> purchase 1/2 = 50%;
- revenue 1,000 + 3,000 + 2,000 = 6,000 over 3 customers: 2,000 per customer; Pro has a
  card: 1,000 over its one customer;
- satisfaction (4 + 2 + 5 + 3) / 4 = 3.5; Pro (4 + 2) / 2 = 3.0;
- NPS answers 10, 6, 9, 7, 8: 2 promoters, 1 detractor of 5 = +20; Pro (10, 6): 0;
- no complaints and no dates anywhere: complaints per 100 clients and days to the next stage
  have no evidence.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from journey import scorecard
from journey.__main__ import main
from journey.errors import ValidationError
from journey.workshop import goal, kpis, personas
from journey.workspace import open_workspace
from test_money import shop

TODAY = dt.date(2026, 12, 4)


@pytest.fixture
def db():
    workspace = shop()
    personas.create_persona(workspace, {"name": "Pro", "impact": 4, "effort": 2})
    yield workspace
    workspace.close()


def add(db, **values):
    return kpis.add_kpi(db, {"target": 50, **values}, today=TODAY)


def measured(db) -> dict[str, tuple]:
    frame = scorecard.measure_kpis(db, today=TODAY)
    return {r["name"]: (r["actual"], r["source"], r["status"])
            for r in frame.to_dict("records")}


def test_actuals_from_the_data_worked_by_hand(db):
    add(db, measure="conversion", stage="awareness", target=50)
    add(db, measure="conversion", stage="Consideration", target=70)
    add(db, measure="conversion", stage="purchase", target=100)
    add(db, measure="conversion", stage="consideration", persona="pro", target=50)
    add(db, measure="revenue", target="$6,000")
    add(db, measure="revenue_per_customer", target=2500)
    add(db, measure="revenue_per_customer", persona="Pro", target=900)
    add(db, measure="satisfaction", stage="retention", target=3.5)
    add(db, measure="satisfaction", persona="Pro", target=3.5)
    add(db, measure="nps", target=25)
    add(db, measure="nps", persona="Pro", target=-10)
    assert measured(db) == {
        "Conversion from Awareness to Consideration": (55.56, "data", "met"),
        "Conversion from Consideration to Purchase": (60.0, "data", "not met"),
        "Conversion from Consideration to Purchase, pro": (50.0, "data", "met"),
        "Conversion from Purchase to Retention": (100.0, "data", "met"),
        "Revenue": (6000.0, "data", "met"),
        "Revenue per customer": (2000.0, "data", "not met"),
        "Revenue per customer, Pro": (1000.0, "data", "met"),
        "Average satisfaction": (3.5, "data", "met"),
        "Average satisfaction, Pro": (3.0, "data", "not met"),
        "Net Promoter Score": (20.0, "data", "not met"),
        "Net Promoter Score, Pro": (0.0, "data", "met"),
    }


def test_lower_is_better_for_days_and_complaints(db):
    assert kpis.judge(30, 35, "lower") == kpis.MET
    assert kpis.judge(40, 35, "lower") == kpis.NOT_MET
    assert kpis.judge(40, 35, "higher") == kpis.MET
    assert kpis.judge(None, 35, "higher") == kpis.NO_EVIDENCE
    kpi_id = add(db, measure="complaints", better="higher")       # the measure decides
    assert kpis.get_kpi(db, kpi_id)["better"] == "lower"


def test_a_kpi_whose_data_is_missing_says_so_and_is_neither_met_nor_missed(db):
    add(db, measure="complaints", target=5)
    add(db, measure="time_to_next", stage="consideration", target=30)
    add(db, measure="conversion", stage="consideration", persona="Nobody", target=30)
    add(db, measure="entered", name="Google reviews", target=20)
    frame = scorecard.measure_kpis(db, today=TODAY).set_index("name")
    assert set(frame["status"]) == {kpis.NO_EVIDENCE}
    assert frame["actual"].isna().all() and frame["source"].isna().all()
    assert frame.loc["Median days from Consideration to Purchase", "why"] == (
        "No client has dates for both Consideration and the next stage.")
    assert frame.loc["Conversion from Consideration to Purchase, Nobody", "why"] == (
        "No client's persona is Nobody, so there is nothing to measure.")
    assert frame.loc["Google reviews", "why"] == "Entered by hand: type the latest figure in."
    assert "complaint" in frame.loc["Complaints per 100 active clients", "why"]
    table = scorecard.kpi_table(scorecard.measure_kpis(db, today=TODAY))
    assert set(table["Status"]) == {"No evidence"} and set(table["Actual"]) == {""}


def test_an_entered_actual_is_used_only_where_the_data_has_none(db):
    add(db, measure="entered", name="Bookings a week", unit="bookings", target=10, actual="12")
    add(db, measure="complaints", target=5, actual=3)
    add(db, measure="revenue", target=5000, actual=1)              # the data has revenue
    assert measured(db) == {
        "Bookings a week": (12.0, "entered", "met"),
        "Complaints per 100 active clients": (3.0, "entered", "met"),
        "Revenue": (6000.0, "data", "met")}


def test_revenue_without_revenue_data_has_no_evidence():
    db = shop("Client ID,Stage\nA,purchase\nB,awareness\n")
    kpis.add_kpi(db, {"measure": "revenue", "target": 100}, today=TODAY)
    [row] = scorecard.measure_kpis(db, today=TODAY).to_dict("records")
    assert (row["actual"], row["status"]) == (None, kpis.NO_EVIDENCE)
    assert row["why"].startswith("The data has no revenue")


@pytest.mark.parametrize("values,sentence", [
    ({"measure": "revenue", "target": "lots"},
     "The target is a number, such as 25; 'lots' is not a number."),
    ({"measure": "revenue", "target": ""}, "A KPI needs a target: a number, such as 25."),
    ({"measure": "revenue", "target": 10, "due": "2026-11-30"},
     "The due date 2026-11-30 is in the past; a target is for what is still to come: choose "
     "today or a later day."),
    ({"measure": "revenue", "target": 10, "due": "soon"},
     "The due date 'soon' is not a date; write it as 2027-06-30."),
    ({"measure": "conversion", "target": 10},
     "Conversion to the next stage belongs to a stage: choose the stage it starts from."),
    ({"measure": "conversion", "stage": "advocacy", "target": 10},
     "Conversion to the next stage needs a stage with a next one; Advocacy is the last stage."),
    ({"measure": "conversion", "stage": "awareness", "target": 120},
     "Conversion to the next stage is a percentage: the target is between 0 and 100, not 120."),
    ({"measure": "entered", "target": 3}, "A KPI entered by hand needs a name"),
    ({"measure": "happiness", "target": 3}, "'happiness' is not a measure Journey knows"),
    ({"measure": "revenue", "target": 3, "stage": "Delight"},
     "Stage 'Delight' is not a stage of the journey"),
    ({"measure": "entered", "name": "x", "target": 3, "actual": "many"},
     "The actual is a number, such as 25; 'many' is not a number."),
])
def test_bad_input_gets_one_sentence_and_nothing_is_saved(db, values, sentence):
    add(db, measure="revenue", target=5000)
    before = kpis.list_kpis(db)
    with pytest.raises(ValidationError) as error:
        kpis.add_kpi(db, values, today=TODAY)
    assert str(error.value).startswith(sentence)
    pd.testing.assert_frame_equal(kpis.list_kpis(db), before)


def test_a_bad_change_loses_nothing_and_a_past_due_date_can_stay(db):
    kpi_id = add(db, measure="revenue", target=5000, due="2026-12-31")
    later = dt.date(2027, 2, 1)                  # the due date has passed since
    with pytest.raises(ValidationError, match="'a lot' is not a number"):
        kpis.update_kpi(db, kpi_id, {"target": "a lot"}, version=1, today=later)
    assert kpis.get_kpi(db, kpi_id)["target"] == 5000 and kpis.get_kpi(db, kpi_id)["version"] == 1
    version = kpis.update_kpi(db, kpi_id, {"target": "7,000"}, version=1, today=later)
    stored = kpis.get_kpi(db, kpi_id)
    assert (stored["target"], stored["due"], version) == (7000.0, "2026-12-31", 2)
    [row] = scorecard.measure_kpis(db, today=later).to_dict("records")
    assert row["past_due"] and row["status"] == kpis.NOT_MET
    assert scorecard.kpi_table(scorecard.measure_kpis(db, today=later))["Status"].tolist() == [
        "Not met (past due)"]
    with pytest.raises(kpis.StaleKpi):
        kpis.update_kpi(db, kpi_id, {"target": 1}, version=1, today=later)


def test_a_generated_name_follows_the_kpis_new_scope(db):
    kpi_id = add(db, measure="conversion", stage="awareness")
    kpis.update_kpi(db, kpi_id, {"stage": "purchase", "persona": "Pro"}, version=1,
                    today=TODAY)
    assert kpis.get_kpi(db, kpi_id)["name"] == "Conversion from Purchase to Retention, Pro"


def test_the_command_line_prints_the_pages_figures(db, tmp_path, capsys):
    path = tmp_path / "shop.db"
    db.execute("VACUUM INTO ?", [str(path)])
    disk = open_workspace(path)
    kpis.add_kpi(disk, {"measure": "conversion", "stage": "consideration", "target": 70,
                        "due": "2027-06-30"})
    kpis.add_kpi(disk, {"measure": "complaints", "target": 5})
    assert main(["kpis", "--workspace", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"kpis": [
        {"stage": "consideration", "persona": None,
         "name": "Conversion from Consideration to Purchase", "target": 70.0, "actual": 60.0,
         "source": "data", "status": "not met", "due": "2027-06-30"},
        {"stage": None, "persona": None, "name": "Complaints per 100 active clients",
         "target": 5.0, "actual": None, "source": None, "status": "no evidence",
         "due": None}]}
    assert main(["kpis", "--workspace", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Not met            Conversion from Consideration to Purchase [Consideration]: 60% " \
           "against a target of 70%, from the data, due 2027-06-30" in out
    assert "No evidence" in out and "complaint" in out
    assert main(["kpis", "--workspace", str(tmp_path / "nothere.db")]) == 2


def test_the_goals_and_kpis_sheet_goes_out_and_comes_back(db):
    from journey.ingest import RawSheet

    goal.set_goal(db, "More regulars", "Retention above 55%\nNPS above 20")
    add(db, measure="conversion", stage="consideration", target=70, due="2027-06-30")
    add(db, measure="entered", name="Bookings a week", target=10, actual=12)
    sheet = kpis.export_rows(db, scorecard.measure_kpis(db, today=TODAY))
    assert sheet.columns.tolist() == list(kpis.EXPORT_COLUMNS.values())
    assert sheet[["Type", "Name", "Target", "Actual", "Status"]].values.tolist() == [
        ["Objective", "More regulars", None, None, None],
        ["Key result", "Retention above 55%", None, None, None],
        ["Key result", "NPS above 20", None, None, None],
        ["KPI", "Conversion from Consideration to Purchase", 70.0, 60.0, "Not met"],
        ["KPI", "Bookings a week", 10.0, 12.0, "Met"]]
    fresh = shop()
    text = sheet.astype(object).where(sheet.notna(), None)
    text.loc[4, "Target"] = "lots"                       # one bad row: reported, not saved
    raw = RawSheet("Goals & KPIs", list(text.columns), text.astype(object),
                   list(range(2, 2 + len(text))), [chr(65 + i) for i in range(len(text.columns))])
    import_id = fresh["imports"].insert({"file": "journey.xlsx", "sheet": "Goals & KPIs",
                                         "kind": "goals_kpis"}).last_pk
    saved = kpis.import_sheet(fresh, raw, import_id)
    assert (saved.inserted, saved.updated) == (1, 0)
    assert [p.reason for p in saved.problems] == [
        "The target is a number, such as 25; 'lots' is not a number. The row was not imported."]
    assert goal.get_goal(fresh) == goal.Goal("More regulars",
                                             ("Retention above 55%", "NPS above 20"))
    [row] = kpis.list_kpis(fresh).to_dict("records")
    assert (row["measure"], row["stage"], row["target"], row["due"]) == (
        "conversion", "consideration", 70.0, "2027-06-30")


def test_undoing_a_goals_and_kpis_import_puts_the_goal_back(db, tmp_path):
    # Exported with one goal, the sheet is imported into a workspace holding another; the
    # undo of that import puts the workspace's own goal back, and its KPIs go.
    from journey.export import export_workbook
    from journey.ingest import import_file, undo_import
    goal.set_goal(db, "More regulars", "Retention above 55%")
    add(db, measure="conversion", stage="consideration", target=70, due="2027-06-30")
    data = export_workbook(db, workspace="shop")
    other = open_workspace(tmp_path / "other.db")
    goal.set_goal(other, "Fewer complaints", "Under 5 per 100")
    results = import_file(other, "shop.xlsx", data, sheet="Goals & KPIs")
    assert goal.get_goal(other).objective == "More regulars"
    undo_import(other, results[0].import_id)
    assert goal.get_goal(other) == goal.Goal("Fewer complaints", ("Under 5 per 100",))
    assert kpis.list_kpis(other).empty
    # With no goal before the import, its undo leaves none.
    empty = open_workspace(tmp_path / "empty.db")
    results = import_file(empty, "shop.xlsx", data, sheet="Goals & KPIs")
    undo_import(empty, results[0].import_id)
    assert not goal.get_goal(empty).set
