"""The warm start (journey_ui.warm): after warming, the first run of every page in a new
session finds what it reads already computed, with the values it would compute itself;
a missing, broken or busy workspace is left alone and nothing is raised."""

from __future__ import annotations

import shutil
import threading
import time
from contextlib import closing

import pytest
import streamlit as st

from conftest import PAGES, app_test
from journey.filters import Filters
from journey.funnel import compute_funnel
from journey.overview import data_span, filter_options
from journey.workspace import last_write, open_workspace, set_setting, sqlite3, workspace_path
from journey_ui import frame, jobs, warm


@pytest.fixture
def computed(monkeypatch):
    """The names of the cached calls computed from now on (cache misses), in order."""
    names: list[str] = []
    original = frame._cached_call

    def spying(path, identity, version, name, _fn, *args, **kwargs):
        def counted(*a, **k):
            names.append(name)
            return _fn(*a, **k)
        # ``_fn`` is not part of the cache key, so the key is the page's own.
        return original(path, identity, version, name, counted, *args, **kwargs)

    monkeypatch.setattr(frame, "_cached_call", spying)
    st.cache_data.clear()
    yield names
    st.cache_data.clear()


def test_after_warming_no_page_computes_on_its_first_run(demo_home, computed):
    assert warm.warm() == [name for name, _ in warm.PAGES]
    assert "journey.workshop.journey_map.emotion_curves" in computed
    computed.clear()
    for page in PAGES:
        at = app_test(page=page)               # a new session: the sidebar's defaults
        assert not at.exception, page
        assert at.session_state["workspace"] == "demo"
        assert computed == [], f"{page} computed {computed} on its first run"


def test_without_warming_the_pages_compute(demo_home, computed):
    """The check above can fail: a page run on cold caches computes its figures."""
    app_test(page="views/journey_map.py")
    assert "journey.workshop.journey_map.emotion_curves" in computed


def test_warmed_values_are_the_ones_computed_directly(demo_home, computed):
    warm.warm("demo")
    path = workspace_path("demo")
    with closing(open_workspace("demo")) as db:
        version = last_write(db)
        expected_sidebar = (data_span(db), filter_options(db))
        expected_funnel = compute_funnel(db, model="pre-awareness")
        ctx = frame.background_context("demo", path, db, Filters())
        computed.clear()
        assert frame.sidebar_data(path, version) == expected_sidebar
        assert frame.cached(compute_funnel)(ctx, model="pre-awareness").equals(expected_funnel)
    assert computed == []


def test_a_write_makes_warmed_values_stale(demo_home, computed):
    warm.warm()
    with closing(open_workspace("demo")) as db:
        set_setting(db, "currency", "€")
    computed.clear()
    at = app_test(page="views/overview.py")
    assert not at.exception
    assert "journey.overview.data_health" in computed


def test_no_workspace_warms_nothing_and_creates_nothing(home, computed):
    assert warm.warm() == []
    assert warm.warm("missing") == []
    assert list(home.iterdir()) == []
    assert computed == []


def test_a_file_that_is_not_a_workspace_is_left_alone(home, computed):
    broken = home / "demo.db"
    broken.write_bytes(b"this is not a SQLite database" * 100)
    before = broken.read_bytes()
    assert warm.warm() == []
    assert broken.read_bytes() == before
    assert sorted(p.name for p in home.iterdir()) == ["demo.db"]


def test_a_workspace_being_imported_is_not_warmed(demo_home, computed, monkeypatch):
    path = str(workspace_path("demo"))
    running = jobs.Job(workspace=path, owner="someone", label="Importing 1 file")
    monkeypatch.setattr(jobs, "current", lambda workspace: running if workspace == path
                        else None)
    assert warm.warm() == []
    running.finished.set()
    assert warm.warm() == [name for name, _ in warm.PAGES]


def test_warming_stops_when_the_workspace_changes_under_it(demo_home, computed, monkeypatch):
    """A write between two pages (an import from the command line, say) stops warming:
    what it would compute next belongs to a version no page will ask for."""
    overview = dict(warm.PAGES)["overview"]

    def overview_then_a_write(ctx):
        overview(ctx)
        with closing(open_workspace("demo")) as db:
            set_setting(db, "currency", "€")

    monkeypatch.setattr(warm, "PAGES", (("overview", overview_then_a_write),
                                        *warm.PAGES[1:]))
    assert warm.warm() == ["overview"]


def test_a_locked_workspace_is_skipped(demo_home, computed, monkeypatch):
    """A workspace another process holds locked (so it cannot even be opened) is logged
    and skipped, not raised."""
    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("journey.workspace.open_workspace", locked)
    assert warm.warm() == []


def test_start_warms_once_per_process_on_a_thread(demo_home, computed, monkeypatch):
    monkeypatch.setattr(warm, "_started", threading.Event())
    monkeypatch.setattr(warm, "_runtime_ready", lambda: True)
    thread = warm.start()
    assert thread is not None and thread.daemon
    assert warm.start() is None
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert "journey.workshop.journey_map.emotion_curves" in computed


def test_start_gives_up_quietly_without_streamlit(demo_home, computed, monkeypatch):
    monkeypatch.setattr(warm, "_started", threading.Event())
    monkeypatch.setattr(warm, "RUNTIME_WAIT", 0.2)
    monkeypatch.setattr(warm, "_runtime_ready", lambda: False)
    thread = warm.start()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert computed == []


def test_a_copy_of_the_demo_under_another_name_is_warmed_when_it_is_the_default(
        demo_home, computed):
    """Without a workspace called demo, a new session opens the first by name."""
    shutil.move(demo_home / "demo.db", demo_home / "acme.db")
    assert warm.warm() == [name for name, _ in warm.PAGES]
    computed.clear()
    at = app_test(page="views/funnel.py")
    assert at.session_state["workspace"] == "acme"
    assert computed == []


def test_warming_waits_while_a_page_is_being_drawn(demo_home, computed, monkeypatch):
    """Warming takes turns with nobody: while a script run draws a page, it waits (the
    sidebar's data, which that page needs first, excepted)."""
    release = threading.Event()
    drawing = threading.Thread(target=release.wait, daemon=True)
    drawing.start()
    monkeypatch.setitem(frame._DRAWING, drawing.ident, drawing)
    monkeypatch.setattr(warm, "YIELD_WAIT", 60)
    warming = threading.Thread(target=warm.warm, daemon=True)
    warming.start()
    time.sleep(0.5)
    assert computed == ["journey_ui.frame._sidebar_data"]
    release.set()
    drawing.join()
    warming.join(timeout=120)
    assert "journey.workshop.journey_map.emotion_curves" in computed
    assert frame.runs_drawing() == 0


def test_a_page_run_counts_as_drawing_only_while_it_runs(demo_home, computed):
    at = app_test(page="views/overview.py")
    assert not at.exception
    assert frame.runs_drawing() == 0


def test_prepare_imports_what_the_pages_import(monkeypatch):
    assert warm.prepare() == []
    modules, _ = warm._page_imports()
    assert {"journey.export.template", "journey.figures", "streamlit"} <= modules


def test_the_first_visit_is_drawn_before_the_other_pages_are_warmed(demo_home, computed,
                                                                     monkeypatch):
    """The Overview (the page a new session opens on) is warmed at once; the other pages
    wait for a first page to be drawn and shown (or FIRST_VISIT_WAIT seconds)."""
    monkeypatch.setattr(warm, "_started", threading.Event())
    monkeypatch.setattr(warm, "_runtime_ready", lambda: True)
    monkeypatch.setattr(warm, "FIRST_VISIT_WAIT", 60)
    monkeypatch.setattr(frame, "_DRAWN", [])
    thread = warm.start()
    deadline = time.monotonic() + 60
    while "journey.overview.stage_tiles" not in computed and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    overview = list(computed)
    assert "journey.overview.stage_tiles" in overview
    assert not any(name.startswith("journey.funnel.") for name in overview)
    frame._DRAWN[:] = [time.monotonic()]            # a first visit's page has been drawn
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert "journey.workshop.journey_map.emotion_curves" in computed
    assert len(computed) > len(overview)


def test_warming_waits_a_moment_after_a_page_is_drawn(monkeypatch):
    """The browser shows what a run sent after the run ends: warming waits AFTER_DRAWING."""
    monkeypatch.setattr(frame, "_DRAWN", [time.monotonic()])
    started = time.monotonic()
    warm._wait_for_quiet(10)
    assert warm.AFTER_DRAWING - 0.05 <= time.monotonic() - started < 5


def test_the_first_page_s_imports_are_app_and_overview_s():
    """prepare(FIRST_PAGE) imports what a new session's first run imports, no more."""
    modules, names = warm._page_imports(warm.FIRST_PAGE)
    assert {"journey.overview", "journey_ui", "streamlit"} <= modules      # views/, app.py
    assert "journey_ui.frame" in names
    assert not any(module.startswith("journey.export") for module in modules)
    assert warm.prepare(warm.FIRST_PAGE) == []
