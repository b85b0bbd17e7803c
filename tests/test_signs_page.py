"""The signs page, rendered with AppTest on the demo workspace and on an empty one."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from conftest import app_test
from journey import signs
from journey.workspace import open_workspace

PAGE = "views/signs.py"


def open_page(workspace: str, presenter: bool = False) -> AppTest:
    at = app_test(workspace, PAGE, presenter=presenter)
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    return "\n".join([t.value for t in at.text] + [m.value for m in at.markdown]
                     + [c.value for c in at.caption])


def test_demo_cards_red_first_with_score(demo_and_empty_home):
    at = open_page("demo")
    assert at.title[0].value == "Signs of misalignment"
    titles = [h.value for h in at.main.subheader]
    report = signs.compute_signs(open_workspace(demo_and_empty_home / "demo.db", create=False))
    assert titles == [s.title for s in report.red_first()]
    assert report.red_first()[0].status == "red"
    assert any(m.label == "Alignment score" for m in at.metric)
    assert f"From {report.score.rests_on} of 8 signs" in texts(at)
    assert "Fix this first." in texts(at)
    assert len(at.expander) >= 9                      # eight cards and the score's working
    assert at.data_editor(key="signs_thresholds_editor") is not None


def test_demo_evidence_opens_with_downloads(demo_and_empty_home):
    at = open_page("demo")
    at.session_state["details_low_win_rate"] = True       # the card opened, as a click does
    at.run()
    at.toggle(key="evidence_low_win_rate").set_value(True).run()
    assert not at.exception, at.exception
    assert len(at.dataframe) >= 3                     # score working, events, clients
    labels = {b.label for b in at.get("download_button")}
    assert {"CSV", "Excel"} <= labels


def test_a_card_draws_its_details_only_when_open(demo_and_empty_home):
    """Lazy cards (issue 18): no trend figure until a card is opened; then its own."""
    at = open_page("demo")
    assert not at.get("plotly_chart")
    report = signs.compute_signs(open_workspace(demo_and_empty_home / "demo.db", create=False))
    measured = [s for s in report.red_first() if not s.trend.empty
                and not s.trend["value"].isna().all()]
    for sign in measured[:2]:
        at.session_state[f"details_{sign.key}"] = True
        at.run()
        assert not at.exception, at.exception
        keys = [c.proto.id.rsplit("-", 1)[-1] for c in at.get("plotly_chart")]
        assert f"trend_{sign.key}" in keys
        assert sign.definition in texts(at) or any(
            sign.definition == m.value for m in at.markdown)
        at.session_state[f"details_{sign.key}"] = False
        at.run()
        assert not at.get("plotly_chart")


def test_presenter_mode_hides_editing(demo_and_empty_home):
    at = open_page("demo", presenter=True)
    assert not [e for e in at.data_editor]
    assert not at.get("popover")
    assert len(at.main.subheader) == 8


def test_empty_workspace_offers_self_assessment(demo_and_empty_home):
    at = open_page("empty")
    assert "Nothing measures the signs yet" in texts(at)
    shown = [t.value for t in at.text]
    empty = signs.compute_signs(open_workspace(demo_and_empty_home / "empty.db", create=False))
    for sign in empty.signs:
        assert sign.status == "unknown" and sign.missing in shown
        assert "would be measured by" in sign.missing
    at.slider(key="assess_score_low_retention").set_value(2)
    at.text_area(key="assess_note_low_retention").input("Regulars <b>drift</b> away")
    at.button(key="assess_save_low_retention").click().run()
    assert not at.exception, at.exception
    db = open_workspace(demo_and_empty_home / "empty.db", create=False)
    saved = signs.get_self_assessments(db)["low_retention"]
    assert (saved["score"], saved["note"]) == (2, "Regulars <b>drift</b> away")
    assert any(m.label == "Self-assessed (not measured)" and m.value == "2 / 5"
               for m in at.metric)
    assert "Note: Regulars <b>drift</b> away" in [t.value for t in at.text]
    # One self-assessment and no measured sign: too little for a score, so none is shown.
    assert not [m for m in at.metric if m.label == "Alignment score"]
    assert "Not enough measured signs for a score." in texts(at)
    assert any(m.value.startswith("No sign is measured from your data") for m in at.markdown)
    db.close()


def test_thresholds_saved_from_the_page(demo_and_empty_home):
    at = open_page("empty")
    table = signs.thresholds_table(open_workspace(demo_and_empty_home / "empty.db", create=False))
    row = int(table.index[(table["key"] == "low_win_rate") & (table["name"] == "red")][0])
    at.session_state["signs_thresholds_editor"] = {
        "edited_rows": {row: {"value": 15.0}}, "added_rows": [], "deleted_rows": []}
    at.button(key="signs_thresholds_save").click().run()
    assert not at.exception, at.exception
    db = open_workspace(demo_and_empty_home / "empty.db", create=False)
    assert signs.get_thresholds(db)["low_win_rate"]["red"] == 15.0
    assert "Saved the thresholds." in [s.value for s in at.success]
    db.close()


# --- a red or amber sign becomes an action (issue 17.4) ------------------------------------

def test_a_red_sign_becomes_an_action_once(demo_home):
    from journey.workshop import actions

    at = open_page("demo")
    report = signs.compute_signs(open_workspace("demo", create=False))
    red = next(s for s in report.red_first() if s.status == "red")
    offered = [p.proto.popover.label for p in at.get("popover")]
    assert offered.count("Turn into an action") == sum(
        s.status in ("red", "amber") for s in report.signs)
    key = f"sign_action_{red.key}"
    prefilled = actions.from_sign(red)
    assert at.text_input(key=f"{key}_title").value == prefilled["title"]
    at.text_input(key=f"{key}_owner").input("Priya Nair")
    next(b for b in at.main.button if b.proto.form_id == key).click().run()
    assert not at.exception, at.exception
    assert any("Added to the Workshop page's action list" in s.value for s in at.main.success)
    db = open_workspace("demo", create=False)
    made = db.execute("SELECT title, owner, stage, department, impact, effort, due, status, "
                      "note FROM actions WHERE source = ?", [f"sign:{red.key}"]).fetchall()
    db.close()
    assert made == [(prefilled["title"], "Priya Nair", red.stages[0], red.departments[0], 5, 3,
                     prefilled["due"], "open", prefilled["note"])]
    # the card now shows the action instead of offering it a second time
    assert f"{key}_title" not in [t.key for t in at.text_input]
    assert any("On the action list: " in c.value and "Priya Nair" in c.value
               for c in at.caption)
    assert [p.proto.popover.label for p in at.get("popover")].count(
        "Turn into an action") == len(offered) - 1
    # and so does presenter mode, where nothing is offered
    at = open_page("demo", presenter=True)
    assert not at.get("popover")
    assert any("On the action list: " in c.value for c in at.caption)


def test_a_viewer_is_offered_no_action(demo_home, monkeypatch):
    from journey import access

    monkeypatch.setenv(access.SERVER_HASH_VARIABLE, access.hash_passcode("open sesame"))
    at = open_page("demo")
    assert "Turn into an action" not in [p.proto.popover.label for p in at.get("popover")]
