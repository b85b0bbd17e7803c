"""The app in a real browser: Debian's Chromium driven by Playwright.

Starts the server on a free port with a temporary JOURNEY_HOME holding the demo workspace,
opens every page from the navigation, uploads the sample client tracker through the real
file input, finds the new clients, and saves a screenshot of each page under
tests/screenshots/ (git-ignored). Skips when Chromium is absent, except under CI=true.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journey.export.template import DATA_DIR, SAMPLE_NAME
from journey.workspace import open_workspace, set_setting

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


@contextlib.contextmanager
def serving(home: Path, **environment: str):
    """The app served from ``home`` (a JOURNEY_HOME) on a free local port: yields its
    address, and stops the server afterwards."""
    port = _free_port()
    env = dict(os.environ, JOURNEY_HOME=str(home), **environment)
    # The server's output goes to a file beside the workspaces: a pipe nobody reads would
    # fill up after some 64 KB of log and stop the server mid-test.
    log = open(home.parent / f"server-{port}.log", "wb")   # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "-m", "journey_ui.serve",
         "--server.port", str(port), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if process.poll() is not None:
                log.close()
                pytest.fail(Path(log.name).read_text(errors="replace"))
            time.sleep(0.3)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_file):
    _chromium_or_skip()
    home = tmp_path_factory.mktemp("browser") / "workspaces"
    home.mkdir()
    shutil.copy(demo_file, home / "demo.db")
    open_workspace(home / "My shop.db").close()          # empty: the upload fills it
    open_workspace(home / "Leads.db").close()            # empty: the long import fills it
    big = open_workspace(home / "Big.db")                 # reads sheets in small parts
    set_setting(big, "max_import_cells", 12_000)
    big.close()
    with serving(home) as url:
        yield url, home


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
    """Every page opens, and asks nothing of another machine: an owner's data and a
    workshop room's screen stay on this one (the tab's icon was fetched from the internet
    on every page, session 18)."""
    url, _ = server
    SHOTS.mkdir(exist_ok=True)
    host = re.match(r"https?://[^/]+", url).group(0)
    elsewhere = []
    page.on("request", lambda request: elsewhere.append(request.url)
            if re.match(r"https?://", request.url) and not request.url.startswith(host)
            else None)
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
    assert elsewhere == [], elsewhere
    assert page.locator('link[rel*="icon"]').first.get_attribute("href").startswith(
        (host, "/", "./", "media/", "data:")), "the tab's icon is served by the app"


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


LEADS = 60_000      # rows: enough for the save to last while the test forces a rerun


def _leads_csv(path: Path) -> Path:
    """Semicolon-separated leads whose ID column (lead_ref) Journey does not recognise."""
    sources = ("Web", "Referral", "Fair", "Ads")
    lines = ["lead_ref;first contact;source"] + [
        f"LR-{i:06d};2024-{1 + i % 12:02d}-{1 + i % 28:02d};{sources[i % 4]}"
        for i in range(LEADS)]
    path.write_text("\n".join(lines) + "\n")
    return path


def _map_first_column_to_client_id(page) -> None:
    """In the mapping grid (a canvas), set the first column's "Maps to" to Client ID."""
    grid = page.locator('[data-testid="stDataFrame"]').nth(1)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 120, box["y"] + 35 + 17)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    page.keyboard.type("Client ID")
    page.keyboard.press("Enter")
    _settle(page)


def test_a_rerun_during_an_import_shows_its_progress_and_the_server_lives(
        server, page, tmp_path):
    """Issue 13.1: a rerun forced while the import saves used to close the connection
    the import was writing with, and the server died of a segmentation fault."""
    url, home = server
    page.goto(f"{url}/import")
    _settle(page)
    _choose_workspace(page, "Leads")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        str(_leads_csv(tmp_path / "leads.csv")))
    _settle(page)
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Import this sheet as").click()
    page.get_by_role("option", name=re.compile("^Clients")).click()
    _settle(page)
    _map_first_column_to_client_id(page)
    page.get_by_role("button", name=re.compile(r"^Import 1 file")).click()
    progress = page.locator('[data-testid="stProgress"]')
    progress.wait_for(timeout=60_000)
    # Force a rerun while the import works: choose another period in the sidebar.
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
        has_text="Period").click()
    page.get_by_role("option", name="Last 90 days").click()
    rerun_saw_progress = progress.count() > 0
    page.get_by_text(re.compile(r"^Imported 1 file")).wait_for(timeout=180_000)
    _settle(page)
    page.screenshot(path=str(SHOTS / "import-after-rerun.png"), full_page=True)
    leads = open_workspace(home / "Leads.db")
    assert leads.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == LEADS
    assert leads.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 1   # not two
    assert leads.execute("SELECT client_id FROM clients ORDER BY client_id LIMIT 1"
                         ).fetchone()[0] == "LR-000000"
    assert rerun_saw_progress
    page.goto(url)                         # the server still answers
    _settle(page)
    assert not page.locator('[data-testid="stException"]').count()


def test_a_sheet_read_in_parts_imports_from_the_browser(server, page, tmp_path):
    """Issue 18: a sheet over the cells read at once is read, checked and saved in parts;
    the page counts the whole sheet's rows before, and imports them all."""
    import openpyxl

    url, home = server
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Clients"
    sheet.append(["Client ID", "Name", "Stage", "Country"])
    for n in range(6_000):
        sheet.append([f"B{n:05d}", f"Buyer {n}", ["Lead", "Won", "Repeat"][n % 3], "Chile"])
    path = tmp_path / "big-tracker.xlsx"
    book.save(path)
    page.goto(f"{url}/import")
    _settle(page)
    _choose_workspace(page, "Big")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    _settle(page)
    assert page.get_by_text("6,000 rows, 4 columns").count()
    page.get_by_role("button", name=re.compile(r"^Import 1 file")).click()
    page.get_by_text(re.compile(r"^Imported 1 file")).wait_for(timeout=180_000)
    _settle(page)
    page.screenshot(path=str(SHOTS / "import-in-parts.png"), full_page=True)
    assert not page.locator('[data-testid="stException"]').count()
    big = open_workspace(home / "Big.db")
    assert big.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 6_000
    assert big.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 1
