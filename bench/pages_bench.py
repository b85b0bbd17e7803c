"""Page speed at 100,000 clients and 1,000,000 events (issue 3's budget: a rerun of each
page under 1 s median after a warm run, the app under 1.5 GB).

Uses the workspace bench/funnel_bench.py builds (cached under /tmp), copied into a
temporary JOURNEY_HOME. For every page in the navigation it runs AppTest once to warm the
caches, then reruns it several times and prints the median. Beside it, the same page with
Streamlit's caches cleared before each run (the uncached way) measured in the same run.
Peak memory is this process's maximum resident size (AppTest runs the app in-process).

Run: ``.venv/bin/python bench/pages_bench.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))

from funnel_bench import CACHE, build  # noqa: E402


def page_paths() -> list[str]:
    """The page scripts app.py lists that exist."""
    text = (REPO / "app.py").read_text()
    import re
    found = re.findall(r'\("(views/[a-z_]+\.py)"', text)
    return [p for p in dict.fromkeys(found) if (REPO / p).exists()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not CACHE.exists():
        print(f"Building the 100,000-client workspace in {CACHE} (once)…", flush=True)
        build(CACHE)
    home = Path(tempfile.mkdtemp(prefix="journey-pages-bench-"))
    shutil.copy(CACHE, home / "big.db")
    os.environ["JOURNEY_HOME"] = str(home)

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    print(f"{'page':28} {'warm rerun median':>18} {'uncached median':>16} {'ratio':>7}")
    for page in page_paths():
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
        at.session_state["workspace"] = "big"
        at.run()
        at.switch_page(page).run()
        if at.exception:
            print(f"{page:28} raised: {at.exception[0].value}")
            continue
        warm, cold = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - start)
        for _ in range(max(3, args.runs // 2)):
            st.cache_data.clear()
            start = time.perf_counter()
            at.run()
            cold.append(time.perf_counter() - start)
        w, c = statistics.median(warm), statistics.median(cold)
        print(f"{page:28} {w * 1000:15.0f} ms {c * 1000:13.0f} ms {c / w:6.1f}×", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the app process: {peak:,.0f} MB (budget 1,500 MB)")
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
