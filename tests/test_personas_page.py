"""The Personas page in AppTest: the demo's cards with live figures, editing a card in its
form (saved, refused with errors, refused when stale), a new card from nothing, archive and
restore, user text shown as text, and presenter mode without editing controls."""

import json
import shutil

import pytest
from conftest import app_test

from journey.workshop import personas
from journey.workspace import create_workspace, open_workspace
from journey_ui.text import md

PAGE = "views/personas.py"


@pytest.fixture
def demo(demo_file, home):
    shutil.copy(demo_file, home / "demo.db")
    return home / "demo.db"


def persona(name: str) -> dict:
    db = open_workspace("demo", create=False)
    try:
        return next(p for p in db.query("SELECT * FROM personas") if p["name"] == name)
    finally:
        db.close()


def texts(at) -> list[str]:
    return [m.value for m in at.main.markdown]


def test_the_demo_shows_three_cards_with_live_figures(demo):
    at = app_test("demo", PAGE)
    assert not at.exception
    shown = texts(at)
    for name in ("Dr. Jelena", "Office Manager Olivia", "Homeowner Hugo"):
        assert f"### {md(name)}" in shown
    figures = [t for t in shown if " clients · " in t]
    assert len(figures) == 3
    assert figures[0].startswith("**380** clients · **53%** bought")
    bars = [p.proto.text for p in at.get("progress")]
    assert len(bars) == 9
    assert bars[0] == md("Revenue per customer: $76,272 of $60,000 (127%)")
    assert len(at.get("plotly_chart")) == 1
    assert {":green-badge[Tier 1]", ":violet-badge[Serve first]",
            ":violet-badge[Reconsider]"} <= set(shown)


def test_editing_a_card_saves_it(demo):
    jelena = persona("Dr. Jelena")
    at = app_test("demo", PAGE)
    prefix = f"pe{jelena['id']}_"
    at.text_input(key=f"{prefix}title").input("Clinic Growth Partner")
    at.text_area(key=f"{prefix}pain_points").input("Slipping dates\n<script>alert(1)</script>")
    at.text_input(key=f"{prefix}target_revenue").input("$65,000")
    at.selectbox(key=f"{prefix}effort").set_value(3)
    at.button(key=f"FormSubmitter:edit_{jelena['id']}-Save card").click().run()
    assert not at.exception
    saved = persona("Dr. Jelena")
    assert (saved["title"], saved["pain_points"], saved["target_revenue"], saved["effort"],
            saved["version"]) == ("Clinic Growth Partner",
                                  "Slipping dates\n<script>alert(1)</script>", 65000.0, 3,
                                  jelena["version"] + 1)
    assert "Saved Dr. Jelena." in [s.value for s in at.success]
    # The script tag is text: escaped in the card's Markdown, never raw.
    shown = texts(at)
    assert not any("<script>" in t for t in shown)
    assert any(md("<script>alert(1)</script>") in t for t in shown)
    assert "*Clinic Growth Partner*" in shown


def test_bad_input_is_shown_in_the_form_and_nothing_is_saved(demo):
    hugo = persona("Homeowner Hugo")
    at = app_test("demo", PAGE)
    prefix = f"pe{hugo['id']}_"
    at.text_input(key=f"{prefix}name").input(" ")
    at.text_input(key=f"{prefix}target_satisfaction").input("very")
    at.button(key=f"FormSubmitter:edit_{hugo['id']}-Save card").click().run()
    assert not at.exception
    errors = [e.value for e in at.main.error]
    assert "Name: a persona needs a name, for example \"Dr. Jelena\"." in errors
    assert "Target satisfaction: 'very' is not a number." in errors
    assert persona("Homeowner Hugo") == hugo


def test_a_stale_form_is_refused_and_the_latest_can_be_loaded(demo):
    olivia = persona("Office Manager Olivia")
    at = app_test("demo", PAGE)
    db = open_workspace("demo", create=False)
    personas.update_persona(db, olivia["id"], {"title": "Changed in another tab"},
                            version=olivia["version"])
    db.close()
    prefix = f"pe{olivia['id']}_"
    at.text_input(key=f"{prefix}title").input("My older edit")
    at.button(key=f"FormSubmitter:edit_{olivia['id']}-Save card").click().run()
    assert not at.exception
    assert any("changed by someone else" in w.value for w in at.main.warning)
    assert persona("Office Manager Olivia")["title"] == "Changed in another tab"
    at.button(key=f"reload_{olivia['id']}").click().run()
    assert at.text_input(key=f"{prefix}title").value == "Changed in another tab"
    at.text_input(key=f"{prefix}title").input("Now on top of the latest")
    at.button(key=f"FormSubmitter:edit_{olivia['id']}-Save card").click().run()
    assert persona("Office Manager Olivia")["title"] == "Now on top of the latest"


def test_a_text_file_renamed_png_is_refused_in_the_form(demo):
    jelena = persona("Dr. Jelena")
    at = app_test("demo", PAGE)
    at.file_uploader(key=f"pe{jelena['id']}_photo").set_value(
        ("face.png", b"these are notes, not a face", "image/png"))
    at.button(key=f"FormSubmitter:edit_{jelena['id']}-Save card").click().run()
    assert not at.exception
    assert ("face.png is not a picture Journey can read: upload a PNG, JPEG or WebP image."
            in [e.value for e in at.main.error])
    assert persona("Dr. Jelena") == jelena


def test_archive_restore_and_the_limit(demo):
    hugo = persona("Homeowner Hugo")
    at = app_test("demo", PAGE)
    at.button(key=f"archive_{hugo['id']}").click().run()
    assert not at.exception and persona("Homeowner Hugo")["archived"] == 1
    assert "### Homeowner Hugo" not in texts(at)
    # a new active card fills the third place; Hugo cannot come back until one leaves
    at.text_input(key="pnew_name").input("Architect Ari")
    at.text_input(key="pnew_title").input("Specifier")
    at.button(key="FormSubmitter:new_persona-Create card").click().run()
    assert "### Architect Ari" in texts(at)
    at.button(key=f"restore_{hugo['id']}").click().run()
    assert any("archive one first" in e.value for e in at.main.error)
    assert persona("Homeowner Hugo")["archived"] == 1
    ari = persona("Architect Ari")
    at.button(key=f"archive_{ari['id']}").click().run()
    at.button(key=f"restore_{hugo['id']}").click().run()
    assert persona("Homeowner Hugo")["archived"] == 0
    assert "### Homeowner Hugo" in texts(at)


def test_a_card_from_nothing_in_an_empty_workspace(home):
    create_workspace("blank")
    at = app_test("blank", PAGE)
    assert not at.exception
    at.text_input(key="pnew_name").input("Café Clara")
    at.text_input(key="pnew_icon").input("☕")
    at.text_area(key="pnew_pain_points").input("Queues at 8am\nStaff turnover")
    at.text_input(key="pnew_target_revenue").input("12000")
    at.selectbox(key="pnew_tier").set_value(1)
    at.button(key="FormSubmitter:new_persona-Create card").click().run()
    assert not at.exception
    assert "### Café Clara" in texts(at)
    assert "Created Café Clara." in [s.value for s in at.success]
    assert at.text_input(key="pnew_name").value == ""         # the new-card form is cleared
    db = open_workspace("blank", create=False)
    [clara] = list(db.query("SELECT name, icon, pain_points, target_revenue, tier "
                            "FROM personas"))
    db.close()
    assert clara == {"name": "Café Clara", "icon": "☕",
                     "pain_points": "Queues at 8am\nStaff turnover", "target_revenue": 12000.0,
                     "tier": 1}


def test_presenter_mode_hides_editing(demo):
    from streamlit.testing.v1 import AppTest
    from conftest import REPO
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    at.session_state["workspace"] = "demo"
    at.session_state["presenter"] = True
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert len([t for t in texts(at) if " clients · " in t]) == 3
    assert not at.main.text_input and not at.main.text_area
    assert [b.label for b in at.main.button] == ["Leave presenter mode"]
    assert len(at.get("plotly_chart")) == 1


def test_a_card_shows_its_workshop_kpis_and_the_ranking_its_money_at_stake(demo):
    at = app_test("demo", PAGE)
    assert not at.exception
    [kpi_list] = [t for t in texts(at) if t.startswith("**🏁 Workshop KPIs**")]
    assert f"- :green[Met]: {md('Conversion from Consideration to Purchase, Dr. Jelena')}, " \
           f"{md('69.3%')} (target {md('65%')})" in kpi_list
    shown = next(d for d in at.dataframe if "money_at_stake" in d.value.columns)
    ranking, config = shown.value, json.loads(shown.proto.columns)
    assert ranking["money_at_stake"].notna().all() and (ranking["money_at_stake"] > 0).all()
    assert config["money_at_stake"]["label"] == "Money at stake"
    assert config["money_at_stake"]["type_config"]["format"] == "$%,.0f"
    assert config["revenue_current"]["label"] == "Revenue"
    assert "impact_from_money" not in ranking.columns


def test_the_photo_box_says_and_enforces_the_limit_the_save_checks(demo):
    """The drop zone refuses what the save would (personas.check_photo: 2 MB), and says so;
    Streamlit's own limit for uploads (50 MB, for imports) is not the photo's."""
    from journey.workshop.personas import MAX_PHOTO_BYTES

    jelena = persona("Dr. Jelena")
    at = app_test("demo", PAGE)
    box = at.file_uploader(key=f"pe{jelena['id']}_photo")
    assert box.proto.max_upload_size_mb * 1024 * 1024 == MAX_PHOTO_BYTES
    assert f"up to {box.proto.max_upload_size_mb} MB" in box.label
