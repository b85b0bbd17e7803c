"""The workshop method as a guided session (issue 17.1): steps found done in the data with
their evidence, ticks and worksheet answers saved per workspace, bad input refused with a
sentence, and the Workshop page's method and worksheet tabs, in normal and presenter mode."""

import pytest

from journey.errors import ValidationError
from journey.ingest import import_file
from journey.workshop import kpis, method, personas
from journey.workshop import touchpoints as tp
from journey.workshop.goal import set_goal
from journey.workspace import open_workspace

NOT_YET = {"goal": "No goal yet.", "personas": "No persona cards yet.",
           "ranking": "No persona cards to rank yet.",
           "worksheet": "0 of 7 customer questions answered.", "map": "No touchpoints yet.",
           "kpis": "No KPIs yet."}


def states(db, track=method.WORKSHOP) -> dict[str, tuple[bool, str]]:
    """Each step's (done, evidence or hint), by key."""
    return {s.step.key: (s.done, s.detected.evidence if s.detected else "")
            for s in method.progress(db, track)}


def sources(db) -> dict[str, tuple[bool, str]]:
    return {s.key: (s.present, s.sentence) for s in method.existing_data(db)}


def touchpoint(name: str, state: str) -> dict:
    return {"touchpoint": name, "channel": "email", "department": "sales", "emotion": 1,
            "state": state, "stage": "awareness"}


# --- the steps as data --------------------------------------------------------------------

def test_the_tracks_have_the_methods_steps_in_order():
    assert [s.key for s in method.track_steps(method.WORKSHOP)] == [
        "goal", "personas", "ranking", "data", "worksheet", "map", "kpis"]
    assert [s.key for s in method.track_steps(method.SALES)] == [
        "sales_method", "contact_first", "live_feedback", "tier_one"]
    assert all(s.why and s.where and s.title for s in method.STEPS)
    assert len(method.QUESTIONS) == 7


def test_an_empty_workspace_has_nothing_done_and_says_what_is_missing(db):
    found = states(db)
    assert {key: evidence for key, (_, evidence) in found.items() if key in NOT_YET} == NOT_YET
    assert not any(done for done, _ in found.values())
    assert found["data"][1] == ("0 of 7 kinds of data in the workspace; missing: interviews, "
                                "reviews, orders, web analytics, CRM deals, support tickets, "
                                "NPS.")
    assert method.summary(method.progress(db)) == "0 of 7 steps done"


def test_a_goal_set_is_step_one_done_with_the_objective_as_evidence(db):
    set_goal(db, "Win back lost clients", "Win rate above 45%")
    assert states(db)["goal"] == (True, "Objective: Win back lost clients (1 key result).")
    assert method.summary(method.progress(db)) == "1 of 7 steps done"


def test_personas_count_once_they_have_a_tier_and_rank_once_all_are_scored(db):
    personas.create_persona(db, {"name": "Ann", "impact": 4, "effort": 2})
    personas.create_persona(db, {"name": "Bob"})
    found = states(db)
    assert found["personas"] == (False, "2 personas, none with a tier yet.")
    assert found["ranking"] == (False, "1 of 2 personas scored for impact and effort.")
    bob = next(p for p in personas.list_personas(db) if p["name"] == "Bob")
    personas.update_persona(db, bob["id"], {"tier": 1, "impact": 5, "effort": 1},
                            version=bob["version"])
    found = states(db)
    assert found["personas"] == (True, "Bob (tier 1).")
    assert found["ranking"] == (True, "Every persona scored; first: Bob (impact 5, effort 1).")
    assert states(db, method.SALES)["contact_first"] == (
        False, "Ranked first: Bob (impact 5, effort 1).")      # a tick, with the hint


def test_the_map_step_needs_a_future_state(db):
    assert tp.save_stage(db, "awareness", [], [touchpoint("Ad", "current")]).ok
    assert states(db)["map"] == (False, "1 touchpoint as they are today, none in the future "
                                        "state yet.")
    assert tp.save_stage(db, "awareness", [], [touchpoint("Better ad", "future")]).ok
    assert states(db)["map"] == (True, "1 touchpoint as they are today, 1 in the future "
                                       "state.")


def test_kpis_count_once_there_is_a_goal_they_serve(db):
    kpis.add_kpi(db, {"measure": "entered", "name": "Bookings a week", "target": 40,
                      "due": "2099-01-31"})
    assert states(db)["kpis"] == (False, "1 KPI, but no goal for them to serve: set the goal "
                                         "first.")
    set_goal(db, "Fill the diary", "")
    assert states(db)["kpis"] == (True, "1 KPI for the goal, 1 with a due date.")


def test_the_existing_data_is_counted_and_what_is_missing_is_said_once(db):
    import_file(db, "tracker.csv", b"Client ID,Stage,NPS,Complaints\nA,purchase,9,2\n"
                                   b"B,consideration,,0\n")
    import_file(db, "events.csv", b"Client ID,Date,Kind\nA,2026-01-02,review\n"
                                  b"A,2026-01-03,purchase\nB,2026-01-04,lost\n")
    import_file(db, "web-analytics.csv", b"Landing page,Sessions,Conversions\n/home,1200,30\n"
                                         b"/pricing,300,12\n")
    found = sources(db)
    assert found == {
        "interviews": (False, method.SOURCES[0].to_import),
        "reviews": (True, "1 review."),
        "orders": (True, "1 purchase."),
        "web": (True, "2 rows from web-analytics.csv."),
        "crm": (True, "1 deal lost."),
        "support": (True, "1 client with complaints in the tracker."),
        "nps": (True, "1 client with an NPS score in the tracker."),
    }
    assert found["interviews"][1].startswith("Talk to a few customers of each persona")
    assert states(db)["data"] == (False, "6 of 7 kinds of data in the workspace; missing: "
                                         "interviews.")
    sheets = method.imported_sheets(db)
    assert sheets[["file", "kind", "rows"]].values.tolist() == [
        ["web-analytics.csv", "Reference rows", 2], ["events.csv", "Events", 3],
        ["tracker.csv", "Clients", 2]]


def test_no_nps_events_lists_nps_missing_with_what_to_import(db):
    import_file(db, "events.csv", b"Client ID,Date,Kind\nA,2026-01-02,purchase\n")
    assert sources(db)["nps"] == (False, "Import your NPS survey answers (the customer's "
                                         "e-mail or ID and the 0-10 score, one row per "
                                         "answer), or add an NPS column to the client "
                                         "tracker.")
    assert states(db, method.SALES)["live_feedback"] == (
        False, "No NPS answers or reviews in the 90 days to 2026-01-02.")


def test_live_feedback_is_nps_answers_and_reviews_in_the_last_90_days_of_the_data(db):
    import_file(db, "events.csv", b"Client ID,Date,Kind,Amount\nA,2025-01-02,nps,9\n"
                                  b"A,2026-01-02,review,\nB,2026-03-01,nps,10\n"
                                  b"B,2026-03-02,purchase,\n")
    assert states(db, method.SALES)["live_feedback"] == (
        True, "2 NPS answers and reviews in the 90 days to 2026-03-02.")


def test_worksheet_answers_count_as_interviews_and_all_seven_answered_is_step_five(db):
    method.save_answers(db, {"brand": "Trusted", "intent": "After a quote"})
    assert sources(db)["interviews"] == (True, "2 answers typed under Customer questions.")
    assert states(db)["worksheet"] == (False, "2 of 7 customer questions answered.")
    method.save_answers(db, {q.key: "Said so" for q in method.QUESTIONS})
    assert states(db)["worksheet"] == (True, "7 of 7 customer questions answered.")


# --- progress -----------------------------------------------------------------------------

def test_a_tick_is_saved_and_read_back_and_can_be_taken_back(db):
    method.set_step(db, method.WORKSHOP, "data", True)
    method.set_step(db, method.SALES, "tier_one", True)
    ticked = {(s.step.track, s.step.key) for t in method.TRACKS
              for s in method.progress(db, t) if s.ticked}
    assert ticked == {(method.WORKSHOP, "data"), (method.SALES, "tier_one")}
    assert method.summary(method.progress(db, method.SALES)) == "1 of 4 steps done"
    method.set_step(db, method.WORKSHOP, "data", False)
    assert not any(s.done for s in method.progress(db))


def test_a_step_found_in_the_data_stays_done_without_a_tick(db):
    set_goal(db, "Grow", "")
    goal = method.progress(db)[0]
    assert (goal.found, goal.ticked, goal.done) == (True, False, True)


@pytest.mark.parametrize("track,step,sentence", [
    ("workshop", "party", "There is no step 'party' in the mapping workshop."),
    ("marketing", "goal", "There is no track 'marketing'; the tracks are workshop, sales."),
])
def test_an_unknown_step_is_refused_with_a_sentence(db, track, step, sentence):
    with pytest.raises(ValidationError) as refused:
        method.set_step(db, track, step, True)
    assert str(refused.value) == sentence
    assert db.execute("SELECT COUNT(*) FROM method_steps").fetchone()[0] == 0


# --- the worksheet ------------------------------------------------------------------------

def test_answers_are_kept_per_persona_and_an_empty_one_removes_what_was_there(db):
    personas.create_persona(db, {"name": "Ann"})
    assert method.save_answers(db, {"brand": " Warm ", "cancel": "At the quote"}) == 2
    assert method.save_answers(db, {"brand": "Cold"}, "Ann") == 1
    assert method.answers_for(db) == {"brand": "Warm", "cancel": "At the quote"}
    assert method.answers_for(db, "Ann") == {"brand": "Cold"}
    assert method.save_answers(db, {"brand": "Warm", "cancel": ""}) == 1
    assert method.answers_for(db) == {"brand": "Warm"}
    table = method.answers_table(db)
    assert table[["question", "persona", "answer"]].values.tolist() == [
        ["How do they feel about the brand?", "", "Warm"],
        ["How do they feel about the brand?", "Ann", "Cold"]]


@pytest.mark.parametrize("answers,persona,sentence", [
    ({"intent": "After a quote", "brand": "x" * 2001}, "", "The answer to 'How do they feel about the brand?' is 2,001 "
                                "characters long; keep it to 2,000 (the gist, and the rest in "
                                "an imported sheet)."),
    ({"brand": "  ", "cancel": ""}, "", "Nothing to save: type what customers said under at "
                                        "least one question."),
    ({"brand": "Warm"}, "Nobody", "There is no persona called 'Nobody' in this workspace."),
    ({"mood": "Warm"}, "", "There is no customer question 'mood'."),
])
def test_bad_answers_are_refused_with_a_sentence_and_nothing_is_stored(db, answers, persona,
                                                                       sentence):
    with pytest.raises(ValidationError) as refused:
        method.save_answers(db, answers, persona)
    assert str(refused.value) == sentence
    assert db.execute("SELECT COUNT(*) FROM method_answers").fetchone()[0] == 0


def test_clearing_every_answer_that_was_stored_is_allowed(db):
    method.save_answers(db, {"brand": "Warm"})
    assert method.save_answers(db, {"brand": ""}) == 1
    assert method.answers_for(db) == {}


# --- the Workshop page --------------------------------------------------------------------

def workshop(name: str, **state):
    from conftest import app_test
    at = app_test(name, "views/workshop.py", **state)
    assert not at.exception, at.exception
    return at


def markdown(at) -> str:
    return "\n".join(m.value for m in at.main.markdown)


def test_the_demo_page_walks_both_tracks_with_links_evidence_and_ticks(demo_home):
    at = workshop("demo", workshop_tab="The method")
    assert [t.label for t in at.main.tabs] == ["This session", "The method",
                                               "Customer questions"]
    assert [p.proto.text for p in at.main.get("progress")] == [
        "The mapping workshop: 6 of 7 steps done", "The sales team: 3 of 4 steps done"]
    subheaders = [s.value for s in at.main.subheader]
    assert "The mapping workshop: 6 of 7 steps done" in subheaders
    assert "The sales team: 3 of 4 steps done" in subheaders
    shown = markdown(at)
    for step in method.STEPS:
        assert step.title in shown
    assert "Found in the data: Objective: Turn more first purchases into regular clients" in shown
    assert "**Web analytics**: :orange[missing.] Export visits" in shown
    links = [p.proto.page for p in at.main.get("page_link")]     # pages by their url path
    assert links == ["personas", "personas", "import", "touchpoints", "journey_map",
                     "personas", "personas", "import"]
    # the steps the data cannot show are ticked by hand; the found ones have no box
    boxes = {c.key: c.value for c in at.main.checkbox}
    assert boxes == {"method_tick_workshop_data": True, "method_tick_workshop_worksheet": False,
                     "method_tick_sales_contact_first": True,
                     "method_tick_sales_tier_one": False}
    at.checkbox(key="method_tick_workshop_worksheet").check().run()
    assert not at.exception
    db = open_workspace("demo", create=False)
    try:
        assert [s.ticked for s in method.progress(db)][4] is True
    finally:
        db.close()
    assert [p.proto.text for p in at.main.get("progress")][0] == (
        "The mapping workshop: 7 of 7 steps done")
    assert at.checkbox(key="method_tick_workshop_worksheet").value is True


def test_the_worksheet_saves_answers_per_persona_and_refuses_nothing_typed(home):
    db = open_workspace("shop")
    personas.create_persona(db, {"name": "Ann"})
    db.close()
    at = workshop("shop", workshop_tab="Customer questions")
    next(b for b in at.main.button if b.label == "Save the answers").click().run()
    assert [e.value for e in at.main.error] == [
        "Nothing to save: type what customers said under at least one question."]
    at.selectbox(key="worksheet_persona").set_value("Ann").run()
    at.text_area(key="answer_1_brand").input("Friendly, a bit pricey")
    next(b for b in at.main.button if b.label == "Save the answers").click().run()
    assert not at.exception
    assert [s.value for s in at.main.success] == ["Answers saved for Ann."]
    assert at.text_area(key="answer_1_brand").value == "Friendly, a bit pricey"
    db = open_workspace("shop")
    try:
        assert method.answers_for(db, "Ann") == {"brand": "Friendly, a bit pricey"}
        assert method.answers_for(db) == {}
    finally:
        db.close()


def test_presenter_mode_shows_the_method_read_only(demo_home):
    at = workshop("demo", presenter=True, workshop_tab="The method")
    assert not at.main.checkbox and not at.main.expander
    shown = markdown(at)
    assert ":green[:material/check_circle:] **1. Define the goal and the problem**" in shown
    assert ":gray[:material/radio_button_unchecked:] **5. Validate with customers**" in shown
    assert "Ticked done by the team." in [c.value for c in at.main.caption]
    at.session_state["workshop_tab"] = "Customer questions"
    at.run()
    assert not at.exception and not at.main.text_area
    assert not any(b.label == "Save the answers" for b in at.main.button)
    assert "*Homeowner Hugo*: They do not know what the design fee buys" in markdown(at)


def test_an_empty_workspace_shows_every_step_to_do(home):
    open_workspace("shop").close()
    at = workshop("shop", workshop_tab="The method")
    assert [p.proto.text for p in at.main.get("progress")] == [
        "The mapping workshop: 0 of 7 steps done", "The sales team: 0 of 4 steps done"]
    assert len(at.main.checkbox) == 11
    assert "Nothing imported yet." in [c.value for c in at.main.caption]


@pytest.mark.parametrize("presenter", [False, True])
def test_hostile_persona_names_answers_and_file_names_show_as_text(home, presenter):
    from test_hostile_text import HOSTILE, problems

    db = open_workspace("shop")
    import_file(db, f"{HOSTILE[0]} analytics.csv", b"Landing page,Sessions\n/home,12\n")
    for number, text in enumerate(HOSTILE[:3]):
        personas.create_persona(db, {"name": text, "tier": number + 1, "impact": 3,
                                     "effort": 2, "sales_method": HOSTILE[number + 3]})
        method.save_answers(db, {q.key: HOSTILE[(n + number) % len(HOSTILE)]
                                 for n, q in enumerate(method.QUESTIONS)}, text)
    set_goal(db, HOSTILE[4], HOSTILE[5])
    db.close()
    at = workshop("shop", presenter=presenter, workshop_tab="The method")
    assert problems(at) == []
    at.session_state["workshop_tab"] = "Customer questions"
    at.run()
    assert not at.exception and problems(at) == []
    if not presenter:
        at.selectbox(key="worksheet_persona").set_value(HOSTILE[1]).run()
        assert not at.exception and problems(at) == []
