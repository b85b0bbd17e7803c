"""The app in a real browser: Debian's Chromium driven by Playwright.

Starts the server on a free port with a temporary JOURNEY_HOME holding the demo workspace,
opens every page from the navigation, uploads the sample client tracker through the real
file input, finds the new clients, and saves a screenshot of each page under
tests/screenshots/ (git-ignored). Skips when Chromium is absent, except under CI=true.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journey.templates import DATA_DIR, SAMPLE_NAME
from journey.workspace import open_workspace

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "tests" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _chromium_or_skip() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing; .ci/run installs it with apt-get install chromium.")
        pytest.skip("Chromium is not installed (apt-get install -y chromium).")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_file):
    _chromium_or_skip()
    home = tmp_path_factory.mktemp("browser") / "workspaces"
    home.mkdir()
    shutil.copy(demo_file, home / "demo.db")
    open_workspace(home / "My shop.db").close()          # empty: the upload fills it
    port = _free_port()
    env = dict(os.environ, JOURNEY_HOME=str(home))
    process = subprocess.Popen(
        [sys.executable, "-m", "journey_ui.serve",
         "--server.port", str(port), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stdout.read().decode(errors="replace"))
            time.sleep(0.3)
    yield url, home
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        tab = context.new_page()
        tab.set_default_timeout(60_000)
        yield tab
        browser.close()


def _settle(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector('[data-testid="stSidebarNav"] a', timeout=90_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=90_000)
    page.wait_for_timeout(800)


def _nav_links(page) -> list[str]:
    texts = page.locator('[data-testid="stSidebarNav"] a').evaluate_all(
        "links => links.map(a => a.innerText.trim())")
    return [t.split("\n")[-1].strip() for t in texts]     # the icon's name comes first


def test_every_page_opens_from_the_navigation(server, page):
    url, _ = server
    SHOTS.mkdir(exist_ok=True)
    page.goto(url)
    _settle(page)
    titles = _nav_links(page)
    assert titles[0] == "Overview" and "Import" in titles, titles
    for title in titles:
        page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
        _settle(page)
        assert not page.locator('[data-testid="stException"]').count(), title
        page.screenshot(path=str(SHOTS / f"{re.sub(r'[^a-z]+', '-', title.lower())}.png"),
                        full_page=True)


def _choose_workspace(page, name: str) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name=name).click()
    _settle(page)


def test_a_spreadsheet_uploaded_in_the_browser_becomes_clients(server, page):
    url, home = server
    page.goto(f"{url}/import")
    _settle(page)
    _choose_workspace(page, "My shop")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        str(DATA_DIR / SAMPLE_NAME))
    _settle(page)
    page.get_by_role("button", name=re.compile(r"^Import", re.I)).last.click()
    page.get_by_text(re.compile(r"^Imported 1 file")).wait_for(timeout=120_000)
    _settle(page)
    page.screenshot(path=str(SHOTS / "import-done.png"), full_page=True)
    shop = open_workspace(home / "My shop.db")
    clients = shop.execute("SELECT COUNT(*) FROM clients").fetchone()[0]
    names = [r[0] for r in shop.execute("SELECT name FROM clients ORDER BY name LIMIT 3")]
    assert clients == 25
    page.locator('[data-testid="stSidebarNav"] a', has_text="Clients").first.click()
    _settle(page)
    page.screenshot(path=str(SHOTS / "clients-after-import.png"), full_page=True)
    for name in names:
        assert page.get_by_text(name).count(), name
