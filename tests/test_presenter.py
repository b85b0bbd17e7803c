"""Presenter mode in a real browser (issue 16, item 2): the navigation stays visible as a bar
across the top, → and ← walk every page in the navigation's order and back, and the type is
large enough for a room at 1280×720 and 1920×1080. Screenshots of every page at both sizes go
to tests/screenshots/presenter-*.png (git-ignored).

Reuses test_browser's server (the demo workspace on a free port) and its Chromium.
"""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import REPO
from test_browser import (CHROMIUM, SHOTS, _chromium_or_skip, serving,  # noqa: F401
                          server)                              # server is a fixture

# The navigation's titles, in app.py's order, and the heading each page shows.
TITLES = re.findall(r'\("views/[a-z_]+\.py", "([^"]+)"', (REPO / "app.py").read_text())
HEADINGS = {"Signs": "Signs of misalignment"}
SIZES = ((1280, 720), (1920, 1080))
NAV = '[data-testid="stTopNav"]'


@pytest.fixture(scope="module")
def browser(server):  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


def _settle(tab, title: str) -> None:
    """Wait until the page with this navigation title has finished running (in either
    mode: the presenter's bar or the sidebar's menu)."""
    heading = HEADINGS.get(title, title)
    tab.wait_for_selector(f'{NAV} a, [data-testid="stSidebarNav"] a', timeout=90_000)
    tab.wait_for_function(
        "heading => [...document.querySelectorAll('[data-testid=\"stMain\"] h1')]"
        ".some(h => h.innerText.trim() === heading)", arg=heading, timeout=90_000)
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText"
        ".includes('Running')", timeout=90_000)
    tab.wait_for_function(                      # the charts on screen are drawn
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        ".filter(c => c.offsetParent !== null).every(c => c.querySelector('.main-svg'))",
        timeout=90_000)
    tab.wait_for_timeout(600)


def _font_px(tab, selector: str, least: float = 0) -> float:
    """The first match's font size in px, once it is ``least`` or more (a loaded machine may
    draw an element before the presenter's styles reach it), or as it stands after the
    tab's default wait."""
    element = tab.locator(selector).first
    element.wait_for(state="attached")
    try:
        tab.wait_for_function("([e, least]) => parseFloat(getComputedStyle(e).fontSize) >= least",
                              arg=[element.element_handle(), least], timeout=30_000)
    except PlaywrightTimeout:       # the size as it stands says what is wrong
        pass
    return element.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


def _check_page(tab, title: str, errors: list, shot: str) -> None:
    assert not errors, errors
    assert not tab.locator('[data-testid="stException"]').count(), title
    assert tab.locator('[data-testid="stMain"] h1').first.inner_text().strip() == \
        HEADINGS.get(title, title)
    assert "present=1" in tab.url, tab.url          # a reload stays in presenter mode
    assert tab.locator(NAV).is_visible(), title
    assert not tab.locator('[data-testid="stSidebar"]').is_visible(), title
    tab.screenshot(path=str(SHOTS / shot))


@pytest.mark.parametrize("width,height", SIZES)
def test_presenter_mode_walks_every_page_with_the_arrow_keys(server, browser,  # noqa: F811
                                                             width, height):
    url, _ = server
    SHOTS.mkdir(exist_ok=True)
    tab = browser.new_context(viewport={"width": width, "height": height}).new_page()
    tab.set_default_timeout(60_000)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(f"{url}/?present=1")
    _settle(tab, TITLES[0])

    links = tab.locator(f"{NAV} a").evaluate_all("a => a.map(l => l.innerText.trim())")
    assert [t.split("\n")[-1].strip() for t in links] == TITLES    # one row, every page
    nav_box = tab.locator(NAV).bounding_box()
    assert nav_box["y"] + nav_box["height"] <= 100                # across the top
    last = tab.locator(f"{NAV} a").last.bounding_box()
    assert last["x"] + last["width"] <= width                     # nothing cut off
    # Readable from the back of the room: body text at least 17 px at 1280×720 and
    # 24 px at 1920×1080 (the type grows with the screen), titles much larger.
    body_min = 17 if width < 1600 else 24
    assert _font_px(tab, f"{NAV} a", body_min) >= body_min
    assert _font_px(tab, '[data-testid="stMetricLabel"] p', body_min) >= body_min
    assert _font_px(tab, '[data-testid="stMain"] h1', 2.8 * body_min) >= 2.8 * body_min
    assert _font_px(tab, '[data-testid="stMetricValue"]', 2.8 * body_min) >= 2.8 * body_min

    slug = lambda title: re.sub(r"[^a-z]+", "-", title.lower())   # noqa: E731
    _check_page(tab, TITLES[0], errors, f"presenter-{width}-{slug(TITLES[0])}.png")
    for title in TITLES[1:]:
        tab.keyboard.press("ArrowRight")
        _settle(tab, title)
        _check_page(tab, title, errors, f"presenter-{width}-{slug(title)}.png")
    tab.keyboard.press("ArrowRight")                  # the last page: nowhere further
    tab.wait_for_timeout(1500)
    _settle(tab, TITLES[-1])
    for title in reversed(TITLES[:-1]):
        tab.keyboard.press("ArrowLeft")
        _settle(tab, title)
        _check_page(tab, title, errors, f"presenter-{width}-back.png")
    tab.keyboard.press("ArrowLeft")                   # the first page: nowhere before
    tab.wait_for_timeout(1500)
    _settle(tab, TITLES[0])
    assert not errors, errors
    tab.context.close()


def test_arrow_keys_leave_typing_alone_and_rest_outside_presenter_mode(server,  # noqa: F811
                                                                        browser):
    url, _ = server
    tab = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    tab.set_default_timeout(60_000)
    tab.goto(f"{url}/clients?present=1")
    _settle(tab, "Clients")
    search = tab.locator('[data-testid="stMain"] [data-testid="stTextInput"] input').first
    search.fill("ab")
    search.press("ArrowLeft")                          # moves the cursor, not the page
    search.press("ArrowRight")
    tab.wait_for_timeout(1500)
    _settle(tab, "Clients")
    assert search.input_value() == "ab"

    tab.locator('[data-testid="stMain"] h1').first.click()
    # (leaving the box sends its text: the page runs again; a key pressed during that run
    # may be lost with the listener it replaces, so the run is let finish first)
    tab.wait_for_timeout(1000)
    _settle(tab, "Clients")
    tab.keyboard.press("ArrowRight")                   # out of the box, the keys move on
    _settle(tab, TITLES[TITLES.index("Clients") + 1])

    tab.get_by_role("button", name=re.compile("Leave presenter mode")).click()
    tab.wait_for_selector('[data-testid="stSidebarNav"] a', timeout=90_000)
    heading = tab.locator('[data-testid="stMain"] h1').first.inner_text()
    tab.keyboard.press("ArrowRight")                   # presenter mode only
    tab.wait_for_timeout(2000)
    assert tab.locator('[data-testid="stMain"] h1').first.inner_text() == heading
    assert tab.locator('[data-testid="stSidebar"]').is_visible()
    tab.context.close()


def test_the_filters_chosen_before_stay_in_force_as_the_keys_change_page(server,  # noqa: F811
                                                                         browser):
    url, _ = server
    tab = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    tab.set_default_timeout(60_000)
    tab.goto(url)
    _settle(tab, TITLES[0])
    tab.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
        has_text="Period").click()
    tab.get_by_role("option", name="Last 90 days").click()
    _settle(tab, TITLES[0])
    tab.locator('[data-testid="stSidebar"]').get_by_text("Presenter mode").click()
    _settle(tab, TITLES[0])
    assert tab.locator(NAV).is_visible()
    tab.keyboard.press("ArrowRight")
    _settle(tab, TITLES[1])
    tab.keyboard.press("ArrowRight")
    _settle(tab, TITLES[2])
    tab.get_by_role("button", name=re.compile("Leave presenter mode")).click()
    tab.wait_for_selector('[data-testid="stSidebarNav"] a', timeout=90_000)
    _settle(tab, TITLES[2])
    # A relative period shows its dates under the box ("2026-08-02 to 2026-10-31").
    sidebar = tab.locator('[data-testid="stSidebar"]').inner_text()
    assert re.search(r"\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d", sidebar), sidebar
    tab.context.close()


@pytest.fixture(scope="module")
def room(tmp_path_factory, demo_file):
    """The demo workspace served with the facilitator's passcode 'open sesame'."""
    _chromium_or_skip()
    home = tmp_path_factory.mktemp("room") / "workspaces"
    home.mkdir()
    shutil.copy(demo_file, home / "demo.db")
    with serving(home, JOURNEY_PASSCODE="open sesame") as url:
        yield url


@pytest.fixture
def live_room(tmp_path_factory, demo_file):
    """A room of its own (a room's server remembers its facilitator's presenter mode, and
    sends a newcomer there, sidebar hidden): its address and JOURNEY_HOME."""
    _chromium_or_skip()
    home = tmp_path_factory.mktemp("live-room") / "workspaces"
    home.mkdir()
    shutil.copy(demo_file, home / "demo.db")
    with serving(home, JOURNEY_PASSCODE="open sesame") as url:
        yield url, home


def test_viewers_follow_a_facilitator_who_walks_presenter_mode_with_the_keys(room, browser):
    facilitator = _facilitator_in_presenter_mode(room, browser)
    viewer = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    viewer.set_default_timeout(60_000)
    viewer.goto(room)
    _settle(viewer, TITLES[0])                     # in presenter mode, like the facilitator
    for title in TITLES[1:3]:
        facilitator.keyboard.press("ArrowRight")
        _settle(facilitator, title)
        _settle(viewer, title)                     # within the two-second check
        assert viewer.locator(NAV).is_visible() and "present=1" in viewer.url
    viewer.keyboard.press("ArrowRight")            # a viewer's keys move only them; the
    viewer.wait_for_timeout(5000)                  # room brings them back
    _settle(viewer, TITLES[2])
    facilitator.context.close()
    viewer.context.close()


def _facilitator_in_presenter_mode(room, browser):
    """A facilitator's tab, unlocked with the passcode, in presenter mode."""
    facilitator = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    facilitator.set_default_timeout(60_000)
    facilitator.goto(room)
    facilitator.wait_for_selector('[data-testid="stSidebarNav"] a', timeout=90_000)
    facilitator.locator('[data-testid="stSidebar"] input[type="password"]').first.fill(
        "open sesame")
    facilitator.get_by_role("button", name="Unlock editing").click()
    # (a name is matched as a substring, case ignored: "Lock editing" alone would find
    # "Unlock editing" itself, and the test would go on before the unlock ran, and lose it)
    facilitator.get_by_role("button", name=re.compile("^Lock editing$")).wait_for()
    facilitator.locator('[data-testid="stSidebar"]').get_by_text("Presenter mode").click()
    _settle(facilitator, TITLES[0])
    return facilitator


EDIT_LIVE = '[data-testid="stCheckbox"]:has-text("Edit live")'
EDITOR_CELL = '[role="gridcell"]'       # a data editor's cells (glide's accessible table)


def test_a_facilitator_edits_a_touchpoint_live_in_presenter_mode(live_room, browser):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from journey.workshop import touchpoints as tp
    from journey.workspace import open_workspace

    room, room_home = live_room

    facilitator = _facilitator_in_presenter_mode(room, browser)
    viewer = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    viewer.set_default_timeout(60_000)
    viewer.goto(room)
    _settle(viewer, TITLES[0])
    facilitator.locator(f"{NAV} a", has_text="Touchpoints").click()
    _settle(facilitator, "Touchpoints")
    _settle(viewer, "Touchpoints")                 # the viewer follows, in presenter mode
    assert "present=1" in viewer.url
    assert not viewer.locator(EDIT_LIVE).count()   # a viewer never sees the switch
    switch = facilitator.locator(EDIT_LIVE)
    assert switch.is_visible() and not switch.locator("input").is_checked()   # off
    assert not facilitator.locator('[data-testid="stDataFrame"]').count()      # static
    assert facilitator.get_by_role("button", name="Leave presenter mode").is_visible()

    switch.click()
    _settle(facilitator, "Touchpoints")
    assert switch.locator("input").is_checked() and "present=1" in facilitator.url
    # The editors at presenter size: their cells' type is as large as the page's.
    grid = facilitator.locator('[data-testid="stDataFrame"]').first
    grid.wait_for()
    assert _font_px(facilitator, f'[data-testid="stMain"] {EDITOR_CELL}', 17) >= 17
    # The Awareness stage's first touchpoint: its cell, then its editor box.
    typing = facilitator.locator("textarea.gdg-input")
    for attempt in range(3):      # the grid is a canvas: a click while it lays out misses
        box = grid.bounding_box()
        row = box["height"] / 9            # 7 touchpoints, the header and the row to add
        # (s23: the grid now fits the page and its # column widens to 155 px here)
        facilitator.mouse.click(box["x"] + 250, box["y"] + 1.5 * row)
        facilitator.keyboard.press("ArrowRight")   # a cell of the table: the page stays
        facilitator.keyboard.press("ArrowLeft")
        facilitator.keyboard.press("Enter")        # edit the cell
        try:
            typing.wait_for(timeout=15_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            facilitator.keyboard.press("Escape")
            facilitator.wait_for_timeout(1000)
    assert "/touchpoints" in facilitator.url
    facilitator.keyboard.press("Control+a")
    facilitator.keyboard.type("Billboard on the M5")
    facilitator.keyboard.press("ArrowLeft")        # moves the cursor, not the page
    facilitator.keyboard.press("ArrowRight")
    facilitator.wait_for_timeout(1500)
    assert "/touchpoints" in facilitator.url and typing.is_visible()
    facilitator.keyboard.press("Enter")            # the cell takes the text
    facilitator.locator(EDITOR_CELL, has_text="Billboard on the M5").first.wait_for(
        state="attached")
    _settle(facilitator, "Touchpoints")
    facilitator.get_by_role("button", name="Save Awareness").click()
    facilitator.locator('[data-testid="stAlert"]', has_text="Saved").wait_for()
    assert facilitator.locator('[data-testid="stAlert"]').first.inner_text().strip() \
        .endswith("Saved: 0 added, 1 changed, 0 deleted.")
    _settle(facilitator, "Touchpoints")
    assert "present=1" in facilitator.url and switch.locator("input").is_checked()

    db = open_workspace(room_home / "demo.db", create=False)
    try:
        names = [r["touchpoint"] for r in tp.touchpoint_rows(db, "awareness", "current")]
    finally:
        db.close()
    assert names[0] == "Billboard on the M5", names
    switch.click()                                 # back to the room's static tables
    # (the rerun may not have begun when the click returns: wait for the editors to go)
    facilitator.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stDataFrame\"]')", timeout=90_000)
    _settle(facilitator, "Touchpoints")
    assert not facilitator.locator('[data-testid="stDataFrame"]').count()
    assert facilitator.locator('[data-testid="stTable"]').first.get_by_text(
        "Billboard on the M5").is_visible()
    facilitator.context.close()
    viewer.context.close()


def _toolbar_buttons(tab, chart: bool = False) -> list[str]:
    """The buttons the first table's toolbar (or the first chart's mode bar) shows on hover."""
    if chart:
        tab.locator('[data-testid="stPlotlyChart"] .main-svg').first.hover()
        tab.wait_for_selector(".modebar-btn", state="attached")
        return tab.locator(".modebar-btn").evaluate_all(
            "bs => bs.filter(b => getComputedStyle(b).display !== 'none')"
            ".map(b => b.getAttribute('data-title'))")
    tab.locator('[data-testid="stDataFrame"]').first.hover()
    tab.wait_for_selector('[data-testid="stElementToolbarButton"] button', state="attached")
    return tab.locator('[data-testid="stElementToolbarButton"]').evaluate_all(
        "bs => bs.filter(b => getComputedStyle(b).display !== 'none')"
        ".map(b => b.querySelector('button').getAttribute('aria-label'))")


def test_presenter_mode_hides_the_grids_and_charts_own_download_buttons(server,  # noqa: F811
                                                                        browser):
    """Presenter mode shows no downloads (widgets.downloads_shown): nor Streamlit's CSV
    button in a grid's toolbar, nor plotly's PNG button; out of it, both are there."""
    url, _ = server
    tab = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    tab.set_default_timeout(60_000)
    for present, shown in (("?present=1", False), ("", True)):
        tab.goto(f"{url}/clients{present}")
        _settle(tab, "Clients")
        buttons = _toolbar_buttons(tab)
        assert "Search" in buttons, buttons
        assert ("Download as CSV" in buttons) is shown, buttons
        tab.goto(f"{url}/journey_map{present}")
        _settle(tab, "Journey map")
        buttons = _toolbar_buttons(tab, chart=True)
        assert buttons, buttons
        assert any(b.startswith("Download") for b in buttons) is shown, buttons
    tab.context.close()
