"""How long each page takes to settle in a real browser, on 100,000 clients and 1,000,000
events (issue 18's budget: 1 s median when revisited, 2 s on the first visit after start).

Serves the app (``journey_ui.serve``) on a copy of the workspace bench/funnel_bench.py
builds (cached under /tmp), named "demo" so that the sidebar opens on it, and drives
headless Chromium (Debian's, /usr/bin/chromium) with Playwright. A page has settled when
nothing in the document has changed for QUIET seconds (a MutationObserver records the last
change: the script's output, plotly drawing its figures, the "running" sign going away); the
time is from the click (or the address typed, on the first visit) to that last change.

- first visit: a new server, then each page once, in the order of the navigation;
- revisits: ``--runs`` rounds of clicking through every page in the sidebar.

Prints, per page, the first visit and the median and worst revisit, wall clock; the server's
CPU seconds over the revisits (from /proc) beside them, since the machine is shared.
Run: ``.venv/bin/python bench/browser_pages_bench.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))

from funnel_bench import CACHE, build  # noqa: E402
from common import cached_workspace  # noqa: E402

QUIET = 1.5          # seconds without a change to the document: the page has settled
LIMIT = 30.0         # give up on a page after this long
# Date.now(), not performance.now(): the first visit loads a new document, whose clock
# would start again at 0.
WATCH = """() => {
  window.__lastChange = Date.now();
  new MutationObserver(() => { window.__lastChange = Date.now(); })
    .observe(document, {subtree: true, childList: true, attributes: true,
                        characterData: true});
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(home: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "journey_ui.serve", "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1"],
        cwd=REPO, env=dict(os.environ, JOURNEY_HOME=str(home)),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the server did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (from /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(page, act) -> float:
    """Seconds from ``act()`` to the last change of the document before QUIET seconds
    without one."""
    began = page.evaluate("window.__lastChange = Date.now()") if page.url.startswith(
        "http") else page.evaluate("Date.now()")
    act()
    waited = time.monotonic()
    while time.monotonic() - waited < LIMIT:
        time.sleep(0.1)
        now, last = page.evaluate("[Date.now(), window.__lastChange || 0]")
        if now - last >= QUIET * 1000:
            return (last - began) / 1000
    return LIMIT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    db, clients, events = cached_workspace(CACHE, build, args.rebuild)
    db.close()
    # (url path, title) of every page, in the navigation's order (app.py's PAGES).
    pages = re.findall(r'\("views/([a-z_]+)\.py", "([^"]+)"', (REPO / "app.py").read_text())
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        shutil.copy(CACHE, home / "demo.db")
        server, url = start(home)
        first, again = {}, {title: [] for _, title in pages}
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                            args=["--headless", "--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                page.add_init_script(f"({WATCH})()")
                for slug, title in pages:
                    first[title] = settle(page, lambda s=slug: page.goto(f"{url}/{s}"))
                cpu = cpu_seconds(server.pid)
                for _ in range(args.runs):
                    for slug, title in pages:
                        link = page.locator('[data-testid="stSidebarNav"] a',
                                            has_text=title).first
                        again[title].append(settle(page, link.click))
                cpu = cpu_seconds(server.pid) - cpu
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"Pages in Chromium on {clients:,} clients and {events:,} events "
          f"({args.runs} rounds of revisits; settled = {QUIET} s without a change)")
    print(f"  {'page':14s} {'first visit':>11s} {'revisit median':>15s} {'worst':>7s}")
    for _, title in pages:
        print(f"  {title:14s} {first[title]:10.2f}s {statistics.median(again[title]):14.2f}s "
              f"{max(again[title]):6.2f}s")
    medians = [statistics.median(v) for v in again.values()]
    print(f"  slowest revisit median {max(medians):.2f} s (budget 1 s); slowest first visit "
          f"{max(first.values()):.2f} s (budget 2 s); server CPU over the revisits "
          f"{cpu:.1f} s for {args.runs * len(pages)} page visits "
          f"({cpu / (args.runs * len(pages)):.2f} s a visit)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
