"""The app frame: every run draws the sidebar, filters change what pages count, and
workspaces can be created, renamed and deleted from the sidebar."""

import pytest

from conftest import app_test
from journey.workspace import create_workspace, list_workspaces


@pytest.fixture
def demo(demo_home, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(demo_home))
    return demo_home


def tiles(at) -> dict[str, str]:
    return {m.label: m.value for m in at.main.metric}


def test_the_sidebar_is_drawn_on_every_run(demo):
    at = app_test("demo")
    at.run()
    assert not at.exception
    labels = [e.label for e in at.sidebar.selectbox] + [e.label for e in at.sidebar.multiselect]
    assert labels == ["Workspace", "Period", "Persona", "Client type", "Region", "Channel"]


def test_filters_change_what_the_overview_counts(demo):
    at = app_test("demo")
    everyone = tiles(at)
    assert everyone["Awareness"] == "2,000"
    at.multiselect(key="filter_persona").set_value(["Dr. Jelena"]).run()
    assert not at.exception
    chosen = tiles(at)
    assert 0 < int(chosen["Awareness"].replace(",", "")) < 2000
    at.selectbox(key="period").set_value("Last 90 days").run()
    narrower = tiles(at)
    assert int(narrower["Awareness"].replace(",", "")) < int(chosen["Awareness"].replace(",", ""))
    assert any("previous period" in m.proto.delta_description for m in at.main.metric)


def test_filters_survive_a_page_switch(demo):
    at = app_test("demo")
    at.multiselect(key="filter_region").set_value(["NSW"]).run()
    count = tiles(at)["Awareness"]
    at.switch_page("views/overview.py").run()
    assert at.multiselect(key="filter_region").value == ["NSW"]
    assert tiles(at)["Awareness"] == count


def test_an_empty_workspace_welcomes_instead_of_counting(demo):
    create_workspace("empty-one")
    at = app_test("empty-one")
    assert not at.exception
    assert at.title[0].value == "Welcome to Journey"
    assert [b.label for b in at.main.button] == ["Open the demo workspace"]
    at.main.button[0].click().run()
    assert at.session_state["workspace"] == "demo"
    assert tiles(at)["Awareness"] == "2,000"


def test_workspaces_are_created_renamed_and_deleted_from_the_sidebar(demo):
    at = app_test("demo")
    at.sidebar.text_input[0].input("Spring workshop")
    at.sidebar.button[0].click().run()
    assert "Spring workshop" in list_workspaces()
    assert at.session_state["workspace"] == "Spring workshop"
    at.sidebar.text_input[1].input("Spring ../x")
    at.sidebar.button[1].click().run()
    assert not at.exception and at.sidebar.error, "a bad name is refused in a sentence"
    at.sidebar.text_input[1].input("Autumn workshop")
    at.sidebar.button[1].click().run()
    assert not at.sidebar.error, at.sidebar.error[0].value
    assert "Autumn workshop" in list_workspaces() and "Spring workshop" not in list_workspaces()
    delete = at.sidebar.button[2]
    assert delete.disabled, "deleting needs the name typed first"
    at.sidebar.text_input[2].input("Autumn workshop").run()
    at.sidebar.button[2].click().run()
    assert "Autumn workshop" not in list_workspaces()
    assert at.session_state["workspace"] == "demo"


def test_presenter_mode_hides_workspace_management(demo):
    at = app_test("demo")
    at.toggle(key="presenter").set_value(True).run()
    assert not at.exception
    assert not at.sidebar.expander
    assert any(b.label == "Leave presenter mode" for b in at.main.button)


def test_an_address_with_present_1_opens_in_presenter_mode(demo_home):
    from streamlit.testing.v1 import AppTest

    from conftest import REPO

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    at.query_params["present"] = "1"
    at.run()
    assert not at.exception
    assert at.session_state["presenter"] is True
    assert any(b.label == "Leave presenter mode" for b in at.main.button)


def _navigation_positions(monkeypatch) -> list[tuple[list[str], str]]:
    """Record each st.navigation call's page titles and position, then call the real one."""
    import streamlit as st

    calls, real = [], st.navigation

    def spy(pages, *, position="sidebar", **kwargs):
        titles = [p.title for ps in (pages.values() if isinstance(pages, dict) else [pages])
                  for p in ps]
        calls.append((titles, position))
        return real(pages, position=position, **kwargs)
    monkeypatch.setattr(st, "navigation", spy)
    return calls


def test_presenter_mode_moves_the_navigation_to_a_bar_across_the_top(demo, monkeypatch):
    calls = _navigation_positions(monkeypatch)
    at = app_test("demo")
    assert calls[-1][1] == "sidebar"
    every_page = calls[-1][0]
    at.toggle(key="presenter").set_value(True).run()
    assert not at.exception
    assert calls[-1] == (every_page, "top"), "every page, in the same order, on one bar"
    assert at.session_state["presenter"] is True
    at.switch_page("views/signs.py").run()           # a page change keeps presenter mode
    assert calls[-1][1] == "top" and at.title[0].value == "Signs of misalignment"
    leave = next(b for b in at.main.button if b.label == "Leave presenter mode")
    leave.click().run()
    assert calls[-1][1] == "sidebar" and not at.exception


def test_presenter_mode_keeps_editing_off(demo):
    """Presenter mode is view-only (no live editing in this mode yet): the page context says
    so whoever may edit, and the pages draw no save buttons."""
    at = app_test("demo", page="views/workshop.py", presenter=True)
    assert not at.exception
    assert not [b for b in at.main.button if b.label.lower().startswith("save")]


def test_a_viewer_following_a_presenter_stays_in_presenter_mode_as_pages_change(
        demo, monkeypatch):
    """The facilitator walks presenter mode with the arrow keys; a viewer who follows moves
    page with them and stays in presenter mode (a page switch made by the script used to
    drop the viewer's presenter switch until the next check, two seconds later)."""
    from journey import access

    monkeypatch.setenv(access.SERVER_HASH_VARIABLE, access.hash_passcode("open sesame"))
    facilitator = app_test("demo", "views/overview.py")
    facilitator.sidebar.text_input(key="unlock_passcode").input("open sesame")
    facilitator.sidebar.button[0].click().run()
    facilitator.session_state["presenter"] = True
    facilitator.run()
    viewer = app_test("demo", "views/overview.py")
    viewer.run()
    assert viewer.session_state["presenter"] is True
    assert viewer.title[0].value == "Overview"
    facilitator.switch_page("views/funnel.py").run()
    viewer.run()
    assert not viewer.exception
    assert viewer.title[0].value == "Funnel"
    assert viewer.session_state["presenter"] is True
    assert any(b.label == "Leave presenter mode" for b in viewer.main.button)


# --- presenter mode's "Edit live" switch (issue 16.2) ------------------------------------

TOUCHPOINTS = "views/touchpoints.py"


def editors(at) -> int:
    return len(at.data_editor)


def switches(at) -> list[str]:
    return [t.label for t in at.toggle]


def test_presenter_mode_edits_only_once_edit_live_is_switched_on(demo):
    at = app_test("demo", TOUCHPOINTS, presenter=True)
    assert not at.exception
    assert at.toggle(key="edit_live").value is False           # off by default
    assert "Edit live" in switches(at) and editors(at) == 0
    assert not [b for b in at.button if (b.key or "").startswith(("save_", "undo"))]
    at.toggle(key="edit_live").set_value(True).run()
    assert not at.exception
    assert at.session_state["presenter"] is True                 # still presenter mode
    assert editors(at) == 11         # 5 stages × current and future, and the function map
    assert at.button(key="save_consideration").label == "Save Consideration"
    at.switch_page("views/overview.py").run()                    # survives a page switch
    assert at.toggle(key="edit_live").value is True
    at.switch_page(TOUCHPOINTS).run()
    assert editors(at) == 11 and at.session_state["presenter"] is True
    at.toggle(key="edit_live").set_value(False).run()
    assert editors(at) == 0 and len(at.table) == 9               # the room's static tables


def test_leaving_presenter_mode_turns_edit_live_off(demo):
    at = app_test("demo", TOUCHPOINTS, presenter=True)
    at.toggle(key="edit_live").set_value(True).run()
    next(b for b in at.button if b.label == "Leave presenter mode").click().run()
    assert editors(at) == 11 and "Edit live" not in switches(at)  # editing as usual
    at.toggle(key="presenter").set_value(True).run()
    assert at.toggle(key="edit_live").value is False and editors(at) == 0


def test_a_viewer_without_editing_rights_never_gets_edit_live(demo, monkeypatch):
    from journey import access
    monkeypatch.setenv(access.SERVER_HASH_VARIABLE, access.hash_passcode("open sesame"))
    at = app_test("demo", TOUCHPOINTS, presenter=True, edit_live=True)
    assert not at.exception
    assert "Edit live" not in switches(at) and editors(at) == 0
    assert at.session_state["edit_live"] is False
    at.switch_page("views/personas.py").run()
    assert not at.main.text_input and not at.main.text_area
    # The facilitator unlocks (the sidebar is hidden on screen in presenter mode, but
    # there), then has the switch, off until switched on.
    at.sidebar.text_input(key="unlock_passcode").input("open sesame")
    at.sidebar.button[0].click().run()
    assert at.toggle(key="edit_live").value is False and not at.main.text_area
    at.toggle(key="edit_live").set_value(True).run()
    assert at.main.text_area                                      # the cards' forms
    next(b for b in at.sidebar.button if b.label == "Lock editing").click().run()
    assert "Edit live" not in switches(at) and not at.main.text_area
