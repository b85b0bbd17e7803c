"""How long each page takes to settle in a real browser, on 100,000 clients and 1,000,000
events (issue 18's budget: 1 s median when revisited, 2 s on the first visit after start).

Serves the app (``journey_ui.serve``) on a copy of the workspace bench/funnel_bench.py
builds (cached under /tmp), named "demo" so that the sidebar opens on it, and drives
headless Chromium (Debian's, /usr/bin/chromium) with Playwright. A page has settled when
nothing in the document has changed for QUIET seconds (a MutationObserver records the last
change: the script's output, plotly drawing its figures, the "running" sign going away); the
time is from the click (or the address typed, on the first visit) to that last change.

- first visit: a new server, then each page once, in the order of the navigation, its
  address typed (a new document each time: the browser loads Streamlit's scripts again,
  from its cache after the first); ``--starts`` new servers give that many first visits;
- revisits: ``--runs`` rounds of clicking through every page in the sidebar.

Prints, per page, the median first visit and the median and worst revisit, wall clock,
each with the server's and the browser's CPU seconds meanwhile (from /proc: the machine
is shared, and they tell what costs the time). The first visit comes right after the port
opens, while the server still warms its caches (journey_ui.warm), as when someone opens
the app the moment it starts. Options: ``--wait-idle`` waits for the new server to be idle
first; ``--no-warm`` serves with ``streamlit run app.py``, without the warm start, for a
comparison; ``--same-browser`` keeps one browser profile across starts, so that the first
visits after the first start are those of a browser that has loaded the app before.

Measured here (2 cores, shared; 5 starts, 2 rounds): first visits 0.53-1.51 s (the
Overview the slowest: a new browser loads Streamlit's scripts, about 2 s of browser CPU on
2 cores), revisits 0.12-0.59 s. Two things made the first visits: Streamlit's watching of
the source files cost each page's first run about 0.45 s of server CPU (it is off in
.streamlit/config.toml), and the warm start, which worked beside the browser's first load,
now lets the first page be drawn before it warms the others.

Run: ``.venv/bin/python bench/browser_pages_bench.py [--runs 5] [--starts 3]``.
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


def start(home: Path, port: int | None = None,
          warm: bool = True) -> tuple[subprocess.Popen, str]:
    """The app served on ``port`` (a free one by default) from JOURNEY_HOME ``home``:
    through journey_ui.serve, which warms the caches, or (``warm=False``) through
    ``streamlit run app.py``, which does not."""
    port = port or free_port()
    command = ["-m", "journey_ui.serve"] if warm else ["-m", "streamlit", "run", "app.py"]
    process = subprocess.Popen(
        [sys.executable, *command, "--server.port", str(port),
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


def descendants_cpu(root: int, name: str) -> float:
    """CPU seconds of every live process below ``root`` whose command name contains
    ``name`` (Chromium's browser, renderer and GPU processes under Playwright's driver)."""
    children: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        head, tail = stat.rsplit(")", 1)
        names[int(entry.name)] = head.split("(", 1)[1]
        children.setdefault(int(tail.split()[1]), []).append(int(entry.name))
    total, stack = 0.0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        if name in names.get(pid, ""):
            try:
                total += cpu_seconds(pid)
            except OSError:
                pass
    return total


def idle(pid: int, quiet: float = 2.0, limit: float = 120.0) -> float:
    """Wait until the process used under 5% of a core for ``quiet`` seconds; returns the
    seconds waited."""
    began = time.monotonic()
    while time.monotonic() - began < limit:
        before = cpu_seconds(pid)
        time.sleep(quiet)
        if cpu_seconds(pid) - before < 0.05 * quiet:
            break
    return time.monotonic() - began


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


def visit(page, act, server: int) -> tuple[float, float, float]:
    """Wall seconds to settle, and the server's and the browser's CPU seconds meanwhile."""
    server_cpu, browser_cpu = cpu_seconds(server), descendants_cpu(os.getpid(), "chrom")
    wall = settle(page, act)
    return (wall, cpu_seconds(server) - server_cpu,
            descendants_cpu(os.getpid(), "chrom") - browser_cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of revisits per start")
    parser.add_argument("--starts", type=int, default=1,
                        help="new servers (each gives one first visit of every page)")
    parser.add_argument("--wait-idle", action="store_true",
                        help="wait for the new server to be idle before the first visit")
    parser.add_argument("--same-browser", action="store_true",
                        help="one browser profile and port for every start: after the "
                             "first, the browser has its caches of the app's scripts")
    parser.add_argument("--no-warm", action="store_true",
                        help="serve with streamlit run app.py: no warm start (journey_ui.warm)")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    db, clients, events = cached_workspace(CACHE, build, args.rebuild)
    db.close()
    # (url path, title) of every page, in the navigation's order (app.py's PAGES).
    pages = re.findall(r'\("views/([a-z_]+)\.py", "([^"]+)"', (REPO / "app.py").read_text())
    first = {title: [] for _, title in pages}
    again = {title: [] for _, title in pages}
    started = []              # (seconds until idle, server CPU by then) per start
    port = free_port() if args.same_browser else None
    profile = tempfile.TemporaryDirectory()
    for number in range(args.starts):
        with tempfile.TemporaryDirectory() as folder:
            home = Path(folder)
            shutil.copy(CACHE, home / "demo.db")
            server, url = start(home, port, warm=not args.no_warm)
            try:
                if args.wait_idle:
                    waited = idle(server.pid)
                    started.append((waited, cpu_seconds(server.pid)))
                with sync_playwright() as p:
                    options = dict(executable_path="/usr/bin/chromium",
                                   args=["--headless", "--no-sandbox", "--disable-gpu"])
                    if args.same_browser:
                        browser = p.chromium.launch_persistent_context(
                            profile.name, viewport={"width": 1440, "height": 900}, **options)
                        page = browser.new_page()
                    else:
                        browser = p.chromium.launch(**options)
                        page = browser.new_page(viewport={"width": 1440, "height": 900})
                    page.add_init_script(f"({WATCH})()")
                    for slug, title in pages:
                        seen = visit(page, lambda s=slug: page.goto(f"{url}/{s}"), server.pid)
                        if not (args.same_browser and number == 0 and args.starts > 1):
                            first[title].append(seen)      # the first start primes it
                    for _ in range(args.runs):
                        for slug, title in pages:
                            link = page.locator('[data-testid="stSidebarNav"] a',
                                                has_text=title).first
                            again[title].append(visit(page, link.click, server.pid))
                    browser.close()
            finally:
                server.terminate()
                server.wait(timeout=10)
    profile.cleanup()

    def med(values, i):
        return statistics.median(v[i] for v in values) if values else float("nan")

    print(f"Pages in Chromium on {clients:,} clients and {events:,} events ({args.starts} "
          f"server start(s), {args.runs} rounds of revisits each; settled = {QUIET} s "
          "without a change; medians; CPU in seconds: server / browser)")
    if args.no_warm:
        print("  served without the warm start (streamlit run app.py)")
    if args.same_browser and args.starts > 1:
        print("  first visits: starts 2 on, with a browser that loaded the app before "
              "(its caches primed by start 1)")
    if started:
        print("  waited for the new server to be idle: "
              + ", ".join(f"{w:.1f} s ({c:.1f} s CPU)" for w, c in started))
    print(f"  {'page':14s} {'first visit':>11s} {'cpu srv/brw':>12s}   "
          f"{'revisit':>8s} {'worst':>6s} {'cpu srv/brw':>12s}")
    for _, title in pages:
        f, a = first[title], again[title]
        print(f"  {title:14s} {med(f, 0):10.2f}s {med(f, 1):6.2f}/{med(f, 2):5.2f}   "
              f"{med(a, 0):7.2f}s {max((v[0] for v in a), default=float('nan')):5.2f}s "
              f"{med(a, 1):6.2f}/{med(a, 2):5.2f}")
    print(f"  slowest revisit median {max(med(v, 0) for v in again.values()):.2f} s "
          f"(budget 1 s); slowest first visit median "
          f"{max(med(v, 0) for v in first.values()):.2f} s (budget 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
