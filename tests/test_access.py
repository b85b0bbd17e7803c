"""Presenting to a room (issue 13.9): with a passcode, everyone else can only view.

The passcode is kept as a salted hash; a viewer's pages have no control that changes
anything; the right passcode unlocks editing for that session only; Streamlit's XSRF
protection stays on.
"""

import os
import tomllib

import pytest

from conftest import PAGES, REPO, app_test
from journey import access
from journey.workspace import get_setting, open_workspace

# Words that begin the label of every control that changes a workspace.
EDITING = ("Save", "Undo", "Import", "Check first", "Create", "Rename", "Delete", "Archive",
           "Restore", "Assign", "Add", "Reset", "Remove", "Set", "Change", "Lock")


def editing_controls(at) -> list[str]:
    """Labels of buttons, uploaders, editors and forms on the page that could change data."""
    labels = [b.label for b in at.button] + [p.proto.popover.label for p in at.get("popover")]
    found = [label for label in labels if label.startswith(EDITING)]
    found += ["file uploader"] * len(at.file_uploader)
    found += ["data editor"] * sum(1 for frame in at.get("arrow_data_frame")
                                   if getattr(frame.proto, "editing_mode", 0))
    found += [f"expander {e.label}" for e in at.expander if e.label == "Manage workspaces"]
    return found


@pytest.fixture
def room(demo_home, monkeypatch):
    """The demo workspace, served with the facilitator's passcode 'open sesame'."""
    monkeypatch.setenv(access.SERVER_HASH_VARIABLE, access.hash_passcode("open sesame"))
    return demo_home


def test_a_passcode_is_kept_as_a_salted_hash():
    stored = access.hash_passcode("open sesame")
    assert "open sesame" not in stored and stored.startswith("pbkdf2_sha256$")
    assert stored != access.hash_passcode("open sesame")         # salted
    assert access.matches("open sesame", stored)
    assert not access.matches("open sesam", stored)
    assert not access.matches("open sesame", None)
    assert not access.matches("open sesame", "not a hash")
    with pytest.raises(access.ValidationError):
        access.hash_passcode("abc")


def test_the_plain_environment_passcode_is_hashed_and_forgotten(monkeypatch):
    monkeypatch.setenv(access.SERVER_HASH_VARIABLE, "")     # restored after the test
    monkeypatch.setenv(access.PLAIN_VARIABLE, "open sesame")
    stored = access.server_hash()
    assert access.matches("open sesame", stored)

    assert access.PLAIN_VARIABLE not in os.environ


@pytest.mark.parametrize("page", PAGES)
def test_a_viewer_sees_every_page_and_no_control_that_edits(room, page):
    at = app_test("demo", page)
    assert not at.exception, page
    assert editing_controls(at) == [], page
    assert [b.label for b in at.sidebar.button] == ["Unlock editing"]


@pytest.mark.parametrize("page", ["views/import.py", "views/personas.py",
                                  "views/touchpoints.py", "views/signs.py"])
def test_without_a_passcode_the_same_pages_edit(demo_home, page):
    at = app_test("demo", page)
    assert not at.exception
    assert editing_controls(at), page


def test_the_right_passcode_unlocks_editing_for_that_session_only(room):
    at = app_test("demo", "views/import.py")
    at.sidebar.text_input(key="unlock_passcode").input("wrong one")
    at.sidebar.button[0].click().run()
    assert [e.value for e in at.sidebar.error] == ["That is not the passcode."]
    assert editing_controls(at) == []
    at.sidebar.text_input(key="unlock_passcode").input("open sesame")
    at.sidebar.button[0].click().run()
    assert not at.exception
    assert "file uploader" in editing_controls(at)
    assert "expander Manage workspaces" in editing_controls(at)
    other = app_test("demo", "views/import.py")               # another person's session
    assert editing_controls(other) == []
    lock = next(b for b in at.sidebar.button if b.label == "Lock editing")
    lock.click().run()
    assert editing_controls(at) == []


def test_a_workspace_passcode_set_in_the_sidebar_locks_others_out(demo_home):
    at = app_test("demo")
    field = next(t for t in at.sidebar.text_input if "editing passcode" in t.label)
    field.input("workshop 7")
    next(b for b in at.sidebar.button if b.label == "Save passcode").click().run()
    assert not at.exception
    db = open_workspace("demo")
    stored = get_setting(db, "editing_passcode")
    db.close()
    assert access.matches("workshop 7", stored) and "workshop 7" not in stored
    assert "expander Manage workspaces" in editing_controls(at)     # who set it keeps editing
    viewer = app_test("demo", "views/personas.py")
    assert editing_controls(viewer) == []


def test_streamlit_xsrf_protection_stays_on():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    assert config.get("server", {}).get("enableXsrfProtection", True) is True
    assert config.get("server", {}).get("enableCORS", True) is True


def test_viewers_follow_the_facilitators_page_and_presenter_mode(room):
    facilitator = app_test("demo", "views/overview.py")
    facilitator.sidebar.text_input(key="unlock_passcode").input("open sesame")
    facilitator.sidebar.button[0].click().run()
    facilitator.switch_page("views/funnel.py").run()
    facilitator.session_state["presenter"] = True
    facilitator.run()
    assert not facilitator.exception
    viewer = app_test("demo", "views/overview.py")
    viewer.run()                      # the follow check runs with the page
    assert not viewer.exception
    assert viewer.title[0].value == facilitator.title[0].value
    assert viewer.session_state["presenter"] is True
    viewer.toggle(key="follow_room").set_value(False).run()
    viewer.switch_page("views/signs.py").run()
    assert viewer.title[0].value != facilitator.title[0].value     # free to look around


def test_a_viewer_cannot_undo_a_touchpoints_save(room):
    from journey.workshop import touchpoints as tp

    db = open_workspace("demo")
    base = tp.touchpoint_rows(db, "advocacy")
    new = {"touchpoint": "Thank-you card", "stage": "advocacy", "state": "current"}
    assert tp.save_stage(db, "advocacy", base, [*base, new]).ok
    db.close()
    viewer = app_test("demo", "views/touchpoints.py")
    assert not viewer.exception
    assert editing_controls(viewer) == []
    viewer.sidebar.text_input(key="unlock_passcode").input("open sesame")
    viewer.sidebar.button[0].click().run()
    assert "Undo last save" in editing_controls(viewer)          # the same person, unlocked
