"""The app frame: the sidebar (workspace picker, shared filters, presenter switch), the page
context every page starts from, and cached calls keyed on the workspace's last write.

Session-state keys are stable, so choices survive page switches: ``workspace``,
``period``, ``custom_dates``, ``filter_persona``, ``filter_client_type``,
``filter_region``, ``filter_channel``, ``presenter`` and ``edit_live`` (presenter mode's
"Edit live" switch).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from sqlite_utils import Database

from journey import access
from journey.errors import JourneyError
from journey.filters import FILTER_FIELDS, Filters
from journey.overview import data_span, filter_options
from journey.values import add_days
from journey.workspace import (DEFAULT_WORKSPACE, create_workspace, delete_workspace,
                               get_setting, last_write, list_workspaces, open_workspace,
                               rename_workspace, workspace_path)
from journey_ui import jobs, widgets
from journey_ui.text import md

FILTER_LABELS = {"persona": "Persona", "client_type": "Client type", "region": "Region",
                 "channel": "Channel"}
PERIODS = {"All time": None, "Last 30 days": 30, "Last 90 days": 90,
           "Last 6 months": 182, "Last 12 months": 365, "Custom range": "custom"}
_RUN = threading.local()      # this script run's context (each run has its own thread)
_DRAWING: dict[int, threading.Thread] = {}   # the script runs drawing a page now, by thread
_DRAWN: list[float] = []    # when a script run last finished drawing (time.monotonic)


@dataclass
class Context:
    """What a page needs: the open workspace, the filters, and how to show things."""
    workspace: str
    path: Path
    db: Database
    filters: Filters
    presenter: bool
    version: int
    span: tuple[str | None, str | None]
    can_edit: bool = True       # False for a viewer of a workspace that has a passcode
    guarded: bool = False       # editing needs a passcode: a facilitator and a room
    live: bool = False          # presenter mode's "Edit live" switch is on

    @property
    def editing(self) -> bool:
        """Whether the page shows its editing controls: never to viewers; on a projector
        only while the facilitator's "Edit live" switch is on."""
        return self.can_edit and (not self.presenter or self.live)

    @property
    def live_hint(self) -> str:
        """What an empty list on a projector tells the facilitator who may edit but has not
        switched "Edit live" on (its forms are hidden); empty for everyone else."""
        return self.live_hint_to("add them")

    def live_hint_to(self, doing: str) -> str:
        """``live_hint`` for another task: "set it", "close it"."""
        if self.can_edit and self.presenter and not self.live:
            return f" Switch on 'Edit live' (top right) to {doing} with the room."
        return ""


def edit_live(can_edit: bool, presenter: bool) -> bool:
    """Whether presenter mode's "Edit live" switch is on for this session (browser tab).

    Off by default. Its value is kept in session state under ``edit_live`` and re-stored
    on every run (a widget's value is dropped after a run that did not draw it), so it
    survives page switches. Leaving presenter mode, or locking editing, turns it off: the
    next time the room sees presenter mode, it sees no editing controls until asked.
    """
    live = bool(st.session_state.get("edit_live", False)) and can_edit and presenter
    st.session_state["edit_live"] = live
    return live


def presenter_bar(ctx: Context) -> None:
    """Top right in presenter mode: "Edit live" for a facilitator who may edit (never a
    viewer), and "Leave presenter mode". A keyed container, placed by widgets' CSS."""
    with st.container(key="leave_presenter", horizontal=True, gap="medium",
                      vertical_alignment="center"):
        if ctx.can_edit:
            st.toggle("Edit live", key="edit_live", width="content",
                      help="Show the editing controls in presenter mode, to change the "
                           "map while the room watches. Only in this browser tab.")
        st.button("Leave presenter mode", icon=":material/close_fullscreen:",
                  type="tertiary", on_click=lambda: st.session_state.update(presenter=False))


def presenter_mode() -> bool:
    """Whether the presenter switch is on. ``?present=1`` in the address opens the app in
    presenter mode, and the address follows the switch, so a reload keeps it."""
    if "presenter" not in st.session_state:
        st.session_state["presenter"] = st.query_params.get("present") == "1"
    if "_follow_presenter" in st.session_state:      # set by follow_the_room
        st.session_state["presenter"] = st.session_state.pop("_follow_presenter")
    presenter = bool(st.session_state["presenter"])
    if presenter:
        st.query_params["present"] = "1"
    else:
        st.query_params.pop("present", None)
    return presenter


def navigation(sections: dict[str, list], presenter: bool):
    """``st.navigation`` over the pages: a menu in sections in the sidebar, or in presenter
    mode (where the sidebar is tucked away) one row of every page across the top, so a
    facilitator changes page in one click without leaving presenter mode (sections would
    become drop-down menus there)."""
    if presenter:
        return st.navigation({"": [p for pages in sections.values() for p in pages]},
                             position="top")
    return st.navigation(sections)


def presenter_keys(page, pages: list) -> None:
    """In presenter mode, → and ← move to the next and previous page, in the navigation's
    order, stopping at either end (``widgets.page_keys``).

    The keys move the way a click on the navigation does, in the browser, so the session
    keeps its filters and presenter switch, and the facilitator's room (share_or_follow)
    follows. (``st.switch_page`` from the run of a hidden button, tried first, lost the
    presenter switch: Streamlit 1.67 sends no widget values along with a page change the
    script makes, so it forgets them.)
    """
    paths = [p.url_path for p in pages]
    here = paths.index(page.url_path)
    with st.container(key="presenter_keys"):          # out of sight (PRESENTER_CSS)
        widgets.page_keys(current=page.url_path,
                          previous=paths[here - 1] if here > 0 else None,
                          following=paths[here + 1] if here + 1 < len(paths) else None)


def page_context() -> Context:
    """The context app.py built for this run (built here when a page runs on its own)."""
    ctx = getattr(_RUN, "ctx", None)
    return ctx if ctx is not None else render_sidebar()


@contextlib.contextmanager
def running(ctx: Context):
    """Run the page with this run's context, then close its connection.

    Each script run opens its own connection and closes it itself: Streamlit starts a
    rerun on a new thread while the old run may still be working, so a connection kept
    in session state would be used, or closed, by two threads at once. A JourneyError a
    page did not catch (a workspace busy with an import, say) is shown as its sentence.
    """
    _RUN.ctx = ctx
    try:
        yield
    except JourneyError as error:
        st.error(md(error), icon=":material/block:")
    finally:
        _RUN.ctx = None
        _DRAWING.pop(threading.get_ident(), None)
        _DRAWN[:] = [time.monotonic()]
        ctx.db.close()


def runs_drawing() -> int:
    """How many script runs in this process are drawing a page now (from the sidebar to
    the page's end): background work (journey_ui.warm) waits for them."""
    for ident, thread in list(_DRAWING.items()):
        if not thread.is_alive():          # a run stopped before ``running`` began
            _DRAWING.pop(ident, None)
    return len(_DRAWING)


def since_drawn() -> float | None:
    """Seconds since a script run in this process last finished drawing a page (None when
    none has yet): the browser goes on drawing what it sent for a moment after."""
    return time.monotonic() - _DRAWN[0] if _DRAWN else None


@contextlib.contextmanager
def connection(ctx: Context):
    """A connection of its own for work outside the page's run (a button callback runs
    before the next run, possibly on another thread than the run that drew the button)."""
    db = open_workspace(str(ctx.path), create=False)
    try:
        yield db
    finally:
        db.close()


@st.cache_data(show_spinner=False, max_entries=128)
def _cached_call(path: str, identity: tuple, version: int, name: str, _fn, *args, **kwargs):
    """``_fn(db, *args, **kwargs)`` on the workspace at ``path``; Streamlit keys the cache
    on every argument but ``_fn``, which ``name`` stands for."""
    db = open_workspace(path, create=False)
    try:
        return _fn(db, *args, **kwargs)
    finally:
        db.close()


def cached(fn):
    """``fn(db, *args)`` as ``call(ctx, *args)``, cached on the workspace file, its last
    write and the arguments, so an import or an edit shows at once."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def call(ctx: Context, *args, **kwargs):
        return _cached_call(str(ctx.path), _identity(ctx.path), ctx.version, name, fn,
                            *args, **kwargs)
    return call


def background_context(name: str, path: Path, db: Database, filters: Filters) -> Context:
    """The context a new session's first run builds for workspace ``name`` (its sidebar
    data included), for work outside any script run on ``db``, a connection of its own
    (journey_ui.warm): out of presenter mode, editing unless the workspace has a passcode."""
    version = last_write(db)
    required = access.required_hash(db)
    return Context(name, path, db, filters, False, version, sidebar_data(path, version),
                   can_edit=required is None, guarded=required is not None)


def _identity(path: Path) -> tuple:
    """Tells a recreated workspace of the same name from the old one."""
    try:
        stat = path.stat()
        return stat.st_ino, stat.st_ctime_ns
    except OSError:
        return (0, 0)


# --- the sidebar ---------------------------------------------------------------------

def render_sidebar() -> Context:
    """Draw the sidebar and return this run's context (stored for the pages)."""
    _DRAWING[threading.get_ident()] = threading.current_thread()
    presenter = presenter_mode()
    names = _workspace_names()
    if st.session_state.get("workspace") not in names:
        st.session_state["workspace"] = DEFAULT_WORKSPACE if DEFAULT_WORKSPACE in names \
            else names[0]
    with st.sidebar:
        st.selectbox("Workspace", names, key="workspace",
                     help="One workspace per business or workshop.")
        name = st.session_state["workspace"]
        try:
            db = open_workspace(name)
        except JourneyError as error:
            st.error(md(error))
            st.stop()
        try:
            path, version = workspace_path(name), last_write(db)
            job = jobs.current(str(path))
            if job is not None and not job.done:
                st.caption(f":material/hourglass_top: {job.label} in this workspace: "
                           f"{job.fraction:.0%}. The pages show the data as it was until "
                           "it ends.")
            required = access.required_hash(db)
            guarded = required is not None
            can_edit = _editing_access(path, required)
            if can_edit and not presenter:
                _manage_workspaces(name, db)
            span = sidebar_data(path, version)
            filters = _filters(span)
            st.divider()
            st.toggle("Presenter mode", key="presenter", help="Larger type, no editing "
                      "controls, sidebar tucked away: for a projector.")
        except BaseException:        # a rerun or stop: this run's connection goes with it
            db.close()
            raise
    ctx = Context(name, path, db, filters, presenter, version, span, can_edit, guarded,
                  edit_live(can_edit, presenter))
    _RUN.ctx = ctx
    return ctx


def _workspace_names() -> list[str]:
    names = list_workspaces()
    if names:
        return names
    from journey.demo import build_demo
    with st.spinner("Building the demo workspace (a few seconds, once)…"):
        try:
            build_demo(DEFAULT_WORKSPACE)
        except JourneyError as error:
            st.warning(f"The demo workspace could not be built: {md(error)}")
            create_workspace(DEFAULT_WORKSPACE)
    return list_workspaces()


def sidebar_data(path: Path, version: int):
    """The sidebar's data for the workspace at ``path`` (cached on its last write)."""
    return _cached_call(str(path), _identity(path), version, "journey_ui.frame._sidebar_data",
                        _sidebar_data)


def _sidebar_data(db: Database):
    """What the filters offer: the data's first and last dates, and each filter's values."""
    return data_span(db), filter_options(db)


def _editing_access(path: Path, required: str | None) -> bool:
    """Whether this session may edit the workspace; draws the passcode box for viewers.

    Editing needs the facilitator's passcode when the server or the workspace has one
    (journey.access). A session that typed it is remembered with the hash it matched, so
    a changed passcode locks it again.
    """
    unlocked: dict = st.session_state.setdefault("_unlocked", {})
    if required is None:
        return True
    if unlocked.get(str(path)) == required:
        st.button("Lock editing", icon=":material/lock:", type="tertiary",
                  on_click=unlocked.pop, args=(str(path), None),
                  help="Back to viewing only, until the passcode is typed again.")
        return True
    with st.form("unlock_editing", clear_on_submit=True, border=False):
        st.caption(":material/visibility: Viewing only. The facilitator's passcode "
                   "unlocks editing.")
        typed = st.text_input("Passcode", type="password", key="unlock_passcode")
        if st.form_submit_button("Unlock editing", icon=":material/lock_open:"):
            if access.matches(typed, required):
                unlocked[str(path)] = required
                st.rerun()
            st.error("That is not the passcode.")
    return False


def _manage_workspaces(current: str, db: Database) -> None:
    message = st.session_state.pop("_frame_message", None)
    with st.expander("Manage workspaces", expanded=message is not None):
        if message:
            (st.error if message[0] == "error" else st.success)(md(message[1]))
        with st.form("new_workspace", clear_on_submit=True, border=False):
            new = st.text_input("New workspace", placeholder="e.g. Spring workshop").strip()
            if st.form_submit_button("Create", icon=":material/add:"):
                _try(lambda: create_workspace(new), f"Created '{new}'.", switch_to=new)
        with st.form("rename_workspace", clear_on_submit=True, border=False):
            renamed = st.text_input(f"Rename '{md(current)}' to").strip()
            if st.form_submit_button("Rename", icon=":material/edit:"):
                _try(lambda: (db.close(), rename_workspace(current, renamed)),
                     f"Renamed to '{renamed}'.", switch_to=renamed)
        confirm = st.text_input(f"Type {md(current)} to delete it", key="delete_confirm")
        if st.button("Delete workspace", icon=":material/delete:", type="secondary",
                     disabled=confirm.strip() != current):
            _try(lambda: (db.close(), delete_workspace(current)), f"Deleted '{current}'.",
                 switch_to=None)
        _passcode_form(current, db)


def _passcode_form(current: str, db: Database) -> None:
    """Set or remove the workspace's own editing passcode."""
    own = bool(get_setting(db, "editing_passcode"))
    with st.form("workspace_passcode", clear_on_submit=True, border=False):
        typed = st.text_input(f"{'Change' if own else 'Set'} the editing passcode of "
                              f"{md(current)}", type="password",
                              help="Others who open this workspace can then only view it "
                                   "until they type the passcode. Stored as a hash.")
        if st.form_submit_button("Save passcode", icon=":material/key:"):
            _try(lambda: _set_passcode(current, db, typed), "Passcode saved: others now view "
                 "only until they type it.", switch_to=current)
    if own and st.button("Remove the passcode", icon=":material/key_off:",
                         key="workspace_passcode_remove"):
        _try(lambda: access.set_workspace_passcode(db, None), "Passcode removed.",
             switch_to=current)


def _set_passcode(current: str, db: Database, passcode: str) -> None:
    """Save the workspace passcode and keep this session (which typed it) unlocked."""
    access.set_workspace_passcode(db, passcode)
    st.session_state.setdefault("_unlocked", {})[str(workspace_path(current))] = \
        access.required_hash(db)


def _try(action, message: str, switch_to: str | None) -> None:
    """Run a workspace action, then start a fresh run that says how it went."""
    try:
        action()
    except JourneyError as error:
        st.session_state["_frame_message"] = ("error", str(error))
    else:
        st.session_state["_frame_message"] = ("success", message)
        st.session_state["_switch_workspace"] = switch_to or ""
    st.rerun()


# --- the room: viewers follow the facilitator ---------------------------------------

_ROOM: dict[str, tuple[str, bool]] = {}    # workspace path -> facilitator's (page, presenter)
FOLLOW_SECONDS = 2


def share_or_follow(ctx: Context, page, pages: dict) -> None:
    """With a passcode, the facilitator's page and presenter switch are shared, and every
    viewer who keeps "Follow the facilitator" on moves with them (checked every
    FOLLOW_SECONDS). ``page`` is this run's st.Page, ``pages`` every st.Page by url path."""
    if not ctx.guarded:
        return
    if ctx.can_edit:
        _ROOM[str(ctx.path)] = (page.url_path, ctx.presenter)
        return
    if not st.sidebar.toggle("Follow the facilitator", value=True, key="follow_room",
                             help="Move to the page the facilitator shows, in the same "
                                  "presenter mode."):
        return

    @st.fragment(run_every=FOLLOW_SECONDS)
    def follow() -> None:
        shared = _ROOM.get(str(ctx.path))
        if shared is None:
            return
        if shared[1] != ctx.presenter:
            st.session_state["_follow_presenter"] = shared[1]
        if shared[0] != page.url_path and shared[0] in pages:
            st.switch_page(pages[shared[0]])
        if shared[1] != ctx.presenter:
            st.rerun(scope="app")
    follow()


def apply_pending_switch() -> None:
    """Switch workspace after create/rename/delete (widget keys may change only before the
    widget is drawn, so app.py calls this first)."""
    target = st.session_state.pop("_switch_workspace", None)
    if target is None:
        return
    names = list_workspaces()
    st.session_state["workspace"] = target if target in names else (
        DEFAULT_WORKSPACE if DEFAULT_WORKSPACE in names else (names or [DEFAULT_WORKSPACE])[0])
    st.session_state["delete_confirm"] = ""


def _filters(sidebar_data) -> Filters:
    (first, last), options = sidebar_data
    st.subheader("Filters", divider=False)
    period = st.selectbox("Period", list(PERIODS), key="period",
                          help="Clients whose first contact falls in the period. "
                               "Relative periods end at the last date in the data.")
    date_from = date_to = None
    if PERIODS[period] == "custom" and first and last:
        low, high = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        chosen = st.session_state.get("custom_dates")
        if not (isinstance(chosen, (tuple, list)) and chosen
                and all(low <= d <= high for d in chosen)):
            st.session_state["custom_dates"] = (low, high)
        picked = st.date_input("From – to", key="custom_dates", min_value=low, max_value=high,
                               format="YYYY-MM-DD")
        if isinstance(picked, (tuple, list)) and len(picked) == 2:
            date_from, date_to = picked[0].isoformat(), picked[1].isoformat()
    elif isinstance(PERIODS[period], int) and last:
        end = dt.date.fromisoformat(last)
        date_from = add_days(end, 1 - PERIODS[period]).isoformat()    # 0001-01-01 at most
        date_to = end.isoformat()
        st.caption(f"{date_from} to {date_to}")
    chosen = {}
    for field in FILTER_FIELDS:
        key = f"filter_{field}"
        values = options.get(field, [])
        if key in st.session_state:   # a value from another workspace would be an error
            st.session_state[key] = [v for v in st.session_state[key] if v in values]
        if values:
            chosen[field] = tuple(st.multiselect(FILTER_LABELS[field], values, key=key,
                                                 placeholder="All"))
    if any(chosen.values()) or date_from:
        st.button("Clear filters", icon=":material/filter_alt_off:", on_click=clear_filters)
    return Filters(date_from=date_from, date_to=date_to, **chosen)


def clear_filters() -> None:
    """Forget every filter choice (a button callback)."""
    st.session_state["period"] = "All time"
    for field in FILTER_FIELDS:
        st.session_state[f"filter_{field}"] = []
