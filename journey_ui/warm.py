"""A warm start: the first visit to each page after the server starts finds its figures
already computed (issue 18).

``start()``, called once by ``journey_ui.serve`` before Streamlit starts, begins a
background thread that waits for Streamlit's runtime, opens the workspace a new session
opens (``demo`` when it exists, else the first by name) on a connection of its own, and
makes the cached calls (``frame.cached``) each page's first run makes with the sidebar's
defaults (all time, no filters, out of presenter mode), in the navigation's order. The
page then finds those values in ``st.cache_data`` instead of computing them: on 100,000
clients, 0.1-1.2 s of server time a page (the journey map's emotion curves the most). The
values are the ones the page would compute: the same functions with the same arguments,
keyed on the same workspace version, so an import or an edit makes them stale as usual.
First it does the once-per-process work a first page would (``prepare``: the imports of
app.py and the Overview, Streamlit's first look at the call stack) and warms the
Overview, the page a new session opens on, while a browser loads Streamlit's scripts.
Then it uses the time between visits: it lets the first visit's page be drawn first,
when one comes within a few seconds of the start; and between calls it waits while a page
is being drawn (``frame.runs_drawing``) and for half a second after, while the browser
shows it. (It keeps the process's priority: a thread given a lower one would hold
Python's lock while it waits for a core, and the pages' runs would wait with it.)

Warming is a courtesy and never in the way. It does nothing when there is no workspace
(the first page builds the demo); it stops when an import runs in this process or the
workspace changes while it works; whatever goes wrong with the file (not a workspace,
locked, unreadable) is logged, not raised. A call a page makes that the lists below do
not is computed by the page, as before: ``tests/test_warm_start.py`` runs every page after
warming and names each call a page still had to compute, so a page that changes what it
reads on its first run is caught there.
"""

from __future__ import annotations

import logging
import threading
import time

from journey.errors import JourneyError
from journey.filters import Filters
from journey.workspace import sqlite3

LOG = logging.getLogger(__name__)
RUNTIME_WAIT = 60.0           # seconds to wait for Streamlit's runtime before giving up
FIRST_VISIT_WAIT = 5.0        # seconds to wait for a first visit before warming anyway
AFTER_DRAWING = 0.5           # seconds a browser goes on drawing what a run sent
YIELD_WAIT = 5.0              # seconds to wait for the pages being drawn, before each call
FIRST_PAGE = ("app.py", "views/overview.py")   # the scripts of a new session's first run
_started = threading.Event()


def start() -> threading.Thread | None:
    """Warm the caches on a daemon thread, once per process; the thread, or None when
    warming had already been started."""
    if _started.is_set():
        return None
    _started.set()
    thread = threading.Thread(target=_warm_when_ready, name="journey-warm-start", daemon=True)
    thread.start()
    return thread


def _warm_when_ready() -> None:
    """Wait for Streamlit's runtime (its configuration is read by then, and the caches
    filled are the ones its sessions use), then warm."""
    deadline = time.monotonic() + RUNTIME_WAIT
    while not _runtime_ready():
        if time.monotonic() > deadline:
            LOG.info("Warm start skipped: Streamlit's runtime did not start.")
            return
        time.sleep(0.05)
    try:
        prepare(FIRST_PAGE)        # what the first page waits for: now, at full speed
        warm(pages=PAGES[:1])      # the page a new session opens on, as it loads
        _after_the_first_page()
        prepare()
        warm(pages=PAGES[1:])
    except Exception:                  # a bug here must not take anything else down
        LOG.exception("Warm start failed")


def _after_the_first_page() -> None:
    """Let a browser that opens the app as the server starts load it first: wait for the
    first page to be drawn (for up to FIRST_VISIT_WAIT seconds), then for quiet. The
    browser's first load is mostly its own (Streamlit's scripts: about 2 s of CPU on 2
    cores) and the page's run is light; warming beside it made it ~0.5 s slower."""
    from journey_ui import frame

    deadline = time.monotonic() + FIRST_VISIT_WAIT
    while frame.since_drawn() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    _wait_for_quiet(YIELD_WAIT)


def _wait_for_quiet(most: float) -> None:
    """Wait (for up to ``most`` seconds) until no page is being drawn and the last one had
    AFTER_DRAWING seconds to be shown."""
    from journey_ui import frame

    deadline = time.monotonic() + most
    while time.monotonic() < deadline:
        since = frame.since_drawn()
        if not frame.runs_drawing() and (since is None or since >= AFTER_DRAWING):
            return
        time.sleep(0.02)


def prepare(scripts: tuple[str, ...] | None = None) -> list[str]:
    """Do the once-per-process work the first page visit would otherwise do: import what
    the pages import (of ``scripts``, app.py's and views/ names: by default every page's,
    and plotly, which journey.figures imports when it first draws), and let Streamlit
    look at the call stack once, as it does before the first element it draws (to warn
    REPL users: 0.17 s). Returns the modules it could not import (the page will say why)."""
    import importlib

    missing = []
    modules, names = _page_imports(scripts)
    plotly = ["plotly.express", "plotly.graph_objects"] if scripts is None else []
    for module in sorted(modules) + plotly:
        try:
            importlib.import_module(module)
        except Exception:               # the page reports it, in its own words
            missing.append(module)
    for module in sorted(names):        # ``from journey import funnel``: a module too
        try:
            importlib.import_module(module)
        except ImportError:             # a function or a constant, not a module
            pass
    if _runtime_ready():
        try:
            from streamlit import delta_generator
            delta_generator._maybe_print_use_warning()     # says nothing under a server
        except Exception:               # private to Streamlit: absent in another version
            pass
    return missing


def _page_imports(scripts: tuple[str, ...] | None = None) -> tuple[set[str], set[str]]:
    """The modules the page scripts in views/ (or these ``scripts``, paths from the
    project's folder) import at their top, and the names they import from modules
    (``module.name``, some of them modules themselves)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    modules, names = set(), set()
    for script in ((root / "views").glob("*.py") if scripts is None
                   else (root / name for name in scripts)):
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules, names


def _runtime_ready() -> bool:
    from streamlit import runtime

    return runtime.exists()


def warm(name: str | None = None, pages: tuple | None = None) -> list[str]:
    """Make the cached calls of each page's first run (of ``pages``: by default all of
    PAGES) on workspace ``name`` (by default the one a new session opens); returns the
    pages warmed, in order (fewer when it stopped early, none without a workspace). Never
    raises for the workspace's sake."""
    from journey.workspace import (DEFAULT_WORKSPACE, last_write, list_workspaces,
                                   open_workspace, workspace_path)
    from journey_ui import frame, jobs

    if name is None:
        names = list_workspaces()
        if not names:
            return []
        name = DEFAULT_WORKSPACE if DEFAULT_WORKSPACE in names else names[0]
    done: list[str] = []
    started = time.perf_counter()
    try:
        path = workspace_path(name)
        if not path.exists() or _busy(jobs, path):
            return done
        db = open_workspace(str(path), create=False)
    except (JourneyError, sqlite3.Error, OSError) as error:
        LOG.info("Warm start skipped for %s: %s", name, error)
        return done
    try:
        ctx = frame.background_context(name, path, db, Filters())
        for page, warm_page in PAGES if pages is None else pages:
            if _busy(jobs, path) or last_write(db) != ctx.version:
                LOG.info("Warm start stopped before %s: the workspace is changing.", page)
                break
            began = time.perf_counter()
            warm_page(ctx)
            done.append(page)
            LOG.debug("Warm start: %s in %.2f s", page, time.perf_counter() - began)
    except (JourneyError, sqlite3.Error, OSError) as error:
        LOG.info("Warm start stopped for %s after %s: %s", name, done, error)
    finally:
        db.close()
    LOG.info("Warm start: %d pages of %s in %.1f s", len(done), name,
             time.perf_counter() - started)
    return done


def _busy(jobs, path) -> bool:
    """Whether an import (or other job) is working on the workspace in this process."""
    job = jobs.current(str(path))
    return job is not None and not job.done


def cached(fn):
    """``frame.cached(fn)`` that first lets the pages being drawn finish (for up to
    YIELD_WAIT seconds): warming uses the time between visits, and a person waiting for
    a page does not wait for warming (with Python's one lock, the two would take turns).
    A page that needs a value warming is computing waits for it instead of computing it
    again (``st.cache_data`` computes a key once at a time)."""
    from journey_ui import frame

    call = frame.cached(fn)

    def after_the_pages(*args, **kwargs):
        _wait_for_quiet(YIELD_WAIT)
        return call(*args, **kwargs)
    return after_the_pages


# --- what each page reads on its first run, with the sidebar's defaults -------------------
# Each mirrors its page in views/: same functions, same arguments, in the same order and
# with the same keywords (Streamlit keys a cached value on both).

def _overview(ctx) -> None:
    from journey.overview import data_health, revenue, stage_tiles

    cached(data_health)(ctx)
    cached(stage_tiles)(ctx, ctx.filters)
    cached(revenue)(ctx, ctx.filters)


def _funnel(ctx) -> None:
    from journey import funnel, overview
    from journey.workspace import get_setting

    total = cached(funnel.compute_funnel)(ctx, model="pre-awareness")
    if not int(total["clients"].iloc[0]):
        return
    model = "pre-awareness" if get_setting(ctx.db, "pre_awareness") else "stages"
    options = dict(filters=ctx.filters, model=model, window_days=None)
    cached(funnel.compute_funnel)(ctx, **options)
    cached(overview.missing_evidence)(ctx)
    cached(funnel.too_new_buyers)(ctx, ctx.filters)
    cached(funnel.current_stages)(ctx, filters=ctx.filters, model=model)
    cached(funnel.money_at_stake)(ctx, by="persona", currency=get_setting(ctx.db, "currency"),
                                  **options)
    cached(overview.currencies_added)(ctx)
    fields = cached(funnel.segment_fields)(ctx)              # the first tab, Segments
    if fields:
        cached(funnel.compute_funnel_by)(ctx, fields[0], top=6, **options)


def _signs(ctx) -> None:
    from journey import signs
    from journey.workshop import actions

    cached(signs.compute_signs)(ctx, ctx.filters)
    cached(actions.made_from)(ctx)
    if ctx.editing:
        cached(signs.thresholds_table)(ctx)
        cached(signs.get_keyword_classes)(ctx)


def _journey_map(ctx) -> None:
    from journey import scorecard
    from journey.stages import stage_model
    from journey.workshop import actions
    from journey.workshop import journey_map as jm
    from journey.workspace import get_setting

    stages = stage_model(bool(cached(get_setting)(ctx, "pre_awareness")))
    state = "current"
    cached(jm.map_lanes)(ctx, state, stages)
    cached(jm.emotion_curves)(ctx, state=state, filters=ctx.filters, stages=stages)
    cached(scorecard.measure_kpis)(ctx)
    cached(get_setting)(ctx, "currency")
    cached(jm.coverage)(ctx, state, stages)
    cached(actions.made_from)(ctx)


def _personas(ctx) -> None:
    from journey import funnel, overview, scorecard
    from journey.workshop import personas

    figures = cached(personas.persona_figures)(ctx, ctx.filters)
    archived = cached(personas.persona_figures)(ctx, ctx.filters, archived=True)
    cached(personas.list_personas)(ctx)
    stake = cached(funnel.money_at_stake)(ctx, by="persona", filters=ctx.filters)
    cached(personas.rank_personas)(ctx, ctx.filters, stake.by_segment())
    cached(overview.currencies_added)(ctx)
    cached(scorecard.measure_kpis)(ctx)
    cached(scorecard.has_revenue)(ctx)
    if ctx.editing and not figures.empty:
        cached(personas.assignable_clients)(ctx)
        for card_id in figures["id"]:
            cached(personas.assigned_clients)(ctx, int(card_id))
    if not (figures.empty and archived.empty):
        cached(personas.export_rows)(ctx)


def _workshop(ctx) -> None:
    from journey import scorecard
    from journey.workshop import actions, method, personas
    from journey.workshop.goal import get_goal
    from journey.workspace import get_setting

    cached(method.progress)(ctx, method.WORKSHOP)
    cached(method.progress)(ctx, method.SALES)
    cached(scorecard.since_last_time)(ctx, currency=get_setting(ctx.db, "currency"))
    cached(get_goal)(ctx)
    cached(scorecard.measure_kpis)(ctx)
    if ctx.editing:
        cached(personas.list_personas)(ctx)
    cached(actions.list_actions)(ctx)
    cached(actions.owners)(ctx)
    cached(actions.list_actions)(ctx, owner=None)


def _clients(ctx) -> None:
    from journey import clients
    from journey.workspace import get_setting

    if not cached(clients.client_count)(ctx):
        return
    cached(get_setting)(ctx, "currency")
    cached(get_setting)(ctx, "pre_awareness")
    query = clients.ClientQuery("", (), (), "name", False)
    columns = clients.check_columns(list(clients.DEFAULT_COLUMNS))
    if not cached(clients.count_clients)(ctx, ctx.filters, query):
        return
    rows = cached(clients.client_rows)(ctx, ctx.filters, query, columns, limit=50, offset=0)
    cached(clients.client_labels)(ctx, tuple(int(i) for i in rows.index))
    cached(clients.reward_effort)(ctx, ctx.filters, query, next(iter(clients.GROUPINGS)))
    cached(clients.potential_counts)(ctx, ctx.filters, query)


def _import(ctx) -> None:
    from journey.ingest import pending_stage_values, review

    if ctx.editing:
        cached(pending_stage_values)(ctx)
    history = cached(review.history_frame)(ctx)
    if ctx.editing and not history.empty:
        open_imports = history[history["Undone"] == ""]
        if not open_imports.empty:                          # the undo picker's first
            cached(review.import_problems)(ctx, int(open_imports["Import"].iloc[0]))


def _export(ctx) -> None:
    from journey import export

    rows = cached(export.workbook_contents)(ctx, ctx.filters).set_index("Sheet")["Rows"]
    if int(rows["Clients"]) + int(rows["Events"]) <= export.LARGE_WORKSPACE_ROWS:
        cached(export.workbook_notes)(ctx, ctx.filters)     # (what the workbook cuts)


PAGES = (("overview", _overview), ("funnel", _funnel), ("signs", _signs),
         ("journey_map", _journey_map), ("personas", _personas), ("workshop", _workshop),
         ("clients", _clients), ("import", _import), ("export", _export))
