"""Touchpoints: a tab per stage with its current-state and future-state tables, the
function map, and workshop snapshots; undo of the last save.

Each table is edited from a draft kept in the session (the rows as loaded, with their
versions, and what the editor starts from), so edits survive reruns and other people's
saves. Save writes the stage in one transaction; invalid rows come back marked with
their reason and nothing typed is lost; a conflict shows both sides and lets the person
keep theirs or take the other version. Presenter mode shows read-only tables, or the
editors while the facilitator's "Edit live" switch is on (frame.Context.editing).
"""

import pandas as pd
import streamlit as st

from journey.workshop import actions
from journey.workshop import touchpoints as tp
from journey.errors import JourneyError
from journey.stages import LABELS, stage_model
from journey.columns import CHANNELS, DEPARTMENTS
from journey.workspace import get_setting
from journey_ui import frame, widgets
from journey_ui.text import md

ctx = frame.page_context()
db = ctx.db
stages = stage_model(get_setting(db, "pre_awareness"))
DRAFTS = "_touchpoint_drafts"
EDIT_COLUMNS = ["position", "touchpoint", "channel", "department", "emotion",
                "customer_action", "thinks_feels", "pain_points", "delights", "opportunities",
                "kpi", "owner", "state", "stage"]
SHOW_COLUMNS = ["position", "touchpoint", "channel", "department", "emotion", "pain_points",
                "opportunities", "owner"]
# The editing grid holds what the room fills in live, in widths that fit a 1280 px laptop
# (all 14 columns scrolled 1,344 px sideways); a row's other fields are in its details.
GRID_COLUMNS = ["position", "touchpoint", "channel", "department", "emotion", "pain_points"]
DETAIL_TEXT = ["opportunities", "owner", "customer_action", "thinks_feels", "delights", "kpi"]
GRID_WIDTHS = {"touchpoint": "medium", "channel": 100, "department": 110, "emotion": 80,
               "pain_points": "medium"}
FUNCTION_COLUMNS = ["department", "uses", "outcome", "stages"]
TEXT = {"touchpoint": "Touchpoint", "customer_action": "Customer action",
        "thinks_feels": "Thinks and feels", "pain_points": "Pain points",
        "delights": "Delights", "opportunities": "Opportunities", "kpi": "KPI",
        "owner": "Owner"}
# A touchpoint field -> its name on screen (the snapshots' and conflicts' "field" column).
FIELD_NAMES = {**TEXT, "position": "Position", "channel": "Channel",
               "department": "Department", "emotion": "Emotion", "state": "State",
               "stage": "Stage", "uses": "How it uses the map", "outcome": "Outcome it seeks",
               "stages": "Stages it should serve"}
SHOW_LABELS = {**FIELD_NAMES, "position": "#"}
SNAPSHOT_LABELS = {"change": "Change", "stage": "Stage", "state": "State",
                   "touchpoint": "Touchpoint", "field": "Field", "before": "Before",
                   "after": "After"}
CONFLICT_LABELS = {"row": "Row", "field": "Field", "as loaded": "As loaded",
                   "yours": "Yours", "theirs": "Theirs"}


def column_config(stage: str, state: str, widths: dict | None = None) -> dict:
    """The touchpoint columns' labels, kinds and choices; ``widths`` (a name -> Streamlit's
    width) where the editing grid sets them."""
    config = {
        "id": None, "version": None,
        "position": st.column_config.NumberColumn(
            "#", min_value=1, step=1, width="small",
            help="The row's place in the stage; type a number to move it there."),
        "channel": st.column_config.SelectboxColumn("Channel", options=CHANNELS),
        "department": st.column_config.SelectboxColumn("Department", options=DEPARTMENTS),
        "emotion": st.column_config.NumberColumn(
            "Emotion", min_value=-2, max_value=2, step=1,
            help="-2 upset, 0 neutral, +2 delighted"),
        "state": st.column_config.SelectboxColumn("State", options=tp.STATES, default=state),
        "stage": st.column_config.SelectboxColumn("Stage", options=stages, default=stage,
                                                  format_func=LABELS.get),
    }
    for name, label in TEXT.items():
        config[name] = st.column_config.TextColumn(label, required=name == "touchpoint",
                                                   width="medium")
    for name, width in (widths or {}).items():
        config[name]["width"] = width
    return config


FUNCTION_CONFIG = {
    "id": None, "version": None,
    "department": st.column_config.SelectboxColumn("Department", options=DEPARTMENTS,
                                                   required=True),
    "uses": st.column_config.TextColumn("How it uses the map", width="large"),
    "outcome": st.column_config.TextColumn("Outcome it seeks", width="medium"),
    "stages": st.column_config.TextColumn(
        "Stages it should serve", width="medium",
        help="Comma-separated stages; coverage on the journey map checks them."),
}


# --- drafts -------------------------------------------------------------------------------

def editor_keys(scope: str) -> list[str]:
    if scope == "function_map":
        return ["tp_function_map"]
    return [f"tp_{scope}_current", f"tp_{scope}_future"]


def load(scope: str) -> list[dict]:
    return tp.function_map_rows(db) if scope == "function_map" else tp.touchpoint_rows(db, scope)


def pending(scope: str) -> bool:
    """Edits typed in the scope's editors and not saved yet."""
    for key in editor_keys(scope):
        state = st.session_state.get(key) or {}
        if any(state.get(part) for part in ("edited_rows", "added_rows", "deleted_rows")):
            return True
    return False


def draft(scope: str) -> dict:
    """The scope's draft, reloaded when the workspace changed and nothing was typed."""
    drafts = st.session_state.setdefault(DRAFTS, {})
    key = (ctx.workspace, scope)
    current = drafts.get(key)
    if current is None or (current["version"] != ctx.version and current["clean"]
                           and not pending(scope) and not current["working"]
                           and not current["conflicts"]):
        rows = load(scope)
        current = {"base": rows, "draft": [dict(r) for r in rows], "version": ctx.version,
                   "problems": [], "conflicts": [], "working": None, "clean": True}
        drafts[key] = current
    elif current["working"] and not any(k in st.session_state for k in editor_keys(scope)):
        # The editors were not drawn for a while (another page): their typed edits live on
        # in the working copy, which becomes what the editors start from.
        current.update(draft=current["working"], working=None, clean=False)
    return current


def keep_working(scope: str, current: dict, edited: list[dict]) -> None:
    """Remember the tables as typed, so that leaving the page loses nothing."""
    current["working"] = edited if pending(scope) else None


def restart(scope: str, base=None, rows=None, problems=(), reload: bool = False) -> None:
    """Start the scope's editors again from new rows (their typed edits are in ``rows``)."""
    drafts = st.session_state.setdefault(DRAFTS, {})
    if reload:
        drafts.pop((ctx.workspace, scope), None)
    else:
        drafts[(ctx.workspace, scope)] = {"base": base, "draft": rows, "version": ctx.version,
                                          "problems": list(problems), "conflicts": [],
                                          "working": None, "clean": False}
    for key in editor_keys(scope):
        st.session_state.pop(key, None)


def rows_frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """Rows for an editor, with the hidden id and version."""
    frame_ = pd.DataFrame([{c: r.get(c) for c in ["id", "version", *columns]} for r in rows],
                          columns=["id", "version", *columns])
    for name in ("id", "version", "position", "emotion"):
        if name in frame_:
            frame_[name] = pd.to_numeric(frame_[name], errors="coerce").round().astype("Int64")
    for name in columns:
        if name not in ("position", "emotion"):
            frame_[name] = frame_[name].astype(object)
    return frame_


def records(edited: pd.DataFrame, defaults: dict) -> list[dict]:
    """An editor's rows as dicts, blanks in ``defaults``' columns filled."""
    out = []
    for row in edited.to_dict("records"):
        row = {k: (None if v is None or (not isinstance(v, str) and pd.isna(v)) else v)
               for k, v in row.items()}
        for name, value in defaults.items():
            if row.get(name) in (None, ""):
                row[name] = value
        out.append(row)
    return out


def after_save(scope: str, result: tp.SaveResult, edited: list[dict]) -> None:
    """Act on a save: start again from the workspace, keep the edits, or show conflicts."""
    current = draft(scope)
    if result.ok:
        widgets.flash(result.message())
        restart(scope, reload=True)
        st.rerun()
    if result.status == "invalid":
        restart(scope, current["base"], edited, result.problems)
        st.rerun()
    current["conflicts"] = result.conflicts


def resolve(scope: str, keep: str, edited: list[dict]) -> None:
    """Keep my version or theirs for the conflicting rows, and save the rest."""
    current = draft(scope)
    table = "function_map" if scope == "function_map" else "touchpoints"
    stage = None if scope == "function_map" else scope
    base, rows = tp.rebase(db, table, current["base"], edited, keep, scope=stage)
    result = (tp.save_function_map(db, base, rows) if stage is None
              else tp.save_stage(db, stage, base, rows))
    if result.status == "conflict":         # a third person saved meanwhile: show again
        restart(scope, base, rows)
        draft(scope)["conflicts"] = result.conflicts
        st.rerun()
    after_save(scope, result, rows)


def show_problems(current: dict) -> None:
    if current["problems"]:
        rows = len({p.row for p in current["problems"]})
        st.error(f"Not saved: {rows} row{'s' if rows != 1 else ''} need fixing; your edits "
                 "are kept below.", icon=":material/error:")


def list_problems(current: dict, states: bool) -> None:
    """Under the grids, what needs fixing, naming each row as its grid numbers it
    (``states``: a grid for the current state and one for the future) and its column. (A
    column for it in the grid made the grid scroll sideways.)"""
    if not current["problems"]:
        return
    rows, lines = current["draft"], []
    for problem in sorted(current["problems"], key=lambda p: p.row):
        if states:
            future = rows[problem.row].get("state") == "future"
            number = sum((r.get("state") == "future") == future for r in rows[:problem.row]) + 1
            where = f"{'Future' if future else 'Current'} state, row {number}"
        else:
            where = f"Row {problem.row + 1}"
        lines.append(f"- {where}, {FIELD_NAMES.get(problem.field, problem.field)}: "
                     f"{md(problem.reason)}")
    st.markdown("**Needs fixing**\n\n" + "\n".join(lines))


def show_conflicts(scope: str, current: dict, edited: list[dict]) -> None:
    """Both sides of each conflict, and the two ways out (with the edits as they are now)."""
    if not current["conflicts"]:
        return
    st.warning("Not saved: someone else saved some of the same rows while you were editing. "
               "Nothing was overwritten. Choose whose version to keep for these rows; "
               "your other changes are saved either way.", icon=":material/group:")
    for conflict in current["conflicts"]:
        st.caption(md(conflict.sentence()))
    conflicts = tp.conflict_table(current["conflicts"])
    conflicts["field"] = conflicts["field"].map(lambda v: FIELD_NAMES.get(v, v))
    widgets.table(conflicts, CONFLICT_LABELS)
    mine, theirs, _ = st.columns([1, 1, 3])
    if mine.button("Keep my changes", key=f"keep_mine_{scope}", icon=":material/person:"):
        resolve(scope, "mine", edited)
    if theirs.button("Take theirs", key=f"keep_theirs_{scope}", icon=":material/groups:"):
        resolve(scope, "theirs", edited)


# --- one stage ----------------------------------------------------------------------------

def stage_tab(stage: str) -> None:
    current = draft(stage)
    if not ctx.editing:
        compare_states(current["base"])
        return
    notices = st.container()
    edited = []
    for state, title in (("current", "Current state"), ("future", "Future state")):
        rows = [r for r in current["draft"] if (r.get("state") == "future") == (state == "future")]
        st.markdown(f"**{title}**")
        table = widgets.editor(
            rows_frame(rows, EDIT_COLUMNS), key=f"tp_{stage}_{state}",
            num_rows="dynamic", width="stretch",
            column_config=column_config(stage, state, GRID_WIDTHS), column_order=GRID_COLUMNS)
        edited += records(table, {"state": state, "stage": stage})
    list_problems(current, states=True)
    keep_working(stage, current, edited)
    with notices:
        show_problems(current)
        show_conflicts(stage, current, edited)
    touchpoint_details(stage, current, edited)
    save, _ = st.columns([1, 4])
    if save.button(f"Save {LABELS[stage]}", key=f"save_{stage}", type="primary",
                   icon=":material/save:"):
        after_save(stage, tp.save_stage(db, stage, current["base"], edited), edited)
        st.rerun()
    with st.expander("Current and future side by side"):
        compare_states(current["base"])
    pain_to_action(stage, current["base"])


def touchpoint_details(stage: str, current: dict, edited: list[dict]) -> None:
    """The fields of a touchpoint the grid does not show (customer action, thinks and feels,
    delights, KPI, state, stage), one row at a time. Applying puts them in the tables as
    typed, with every other edit kept; Save writes them with the rest of the stage."""
    named = [i for i, row in enumerate(edited) if (row.get("touchpoint") or "").strip()]
    fields = [FIELD_NAMES[name] for name in [*DETAIL_TEXT, "state", "stage"]]
    with st.expander("Details of a touchpoint: " + ", ".join(
            field if field.isupper() else field.lower() for field in fields)):
        if not named:
            st.caption("Name a touchpoint in the table above to fill in its details.")
            return
        pick = f"tp_detail_{stage}"
        if st.session_state.get(pick) not in named:
            st.session_state.pop(pick, None)
        chosen = st.selectbox("Touchpoint", named, key=pick, format_func=lambda i: (
            f"{'Future' if edited[i].get('state') == 'future' else 'Current'} state, "
            f"#{edited[i].get('position') or '-'}: {edited[i]['touchpoint']}"))
        row = edited[chosen]
        with st.form(f"tp_detail_form_{stage}", border=False):
            left, right = st.columns(2)
            field = f"tp_detail_{stage}_{row.get('id') or f'new{chosen}'}_"
            typed = {name: (left if k % 2 == 0 else right).text_area(
                FIELD_NAMES[name], value=row.get(name) or "", height=68, key=field + name)
                for k, name in enumerate(DETAIL_TEXT)}
            typed["state"] = left.selectbox(
                "State", tp.STATES, format_func=str.capitalize, key=field + "state",
                index=tp.STATES.index("future" if row.get("state") == "future" else "current"))
            typed["stage"] = right.selectbox(
                "Stage", stages, format_func=LABELS.get, key=field + "stage",
                index=stages.index(row["stage"] if row.get("stage") in stages else stage),
                help="Another stage moves the touchpoint there when you save.")
            if st.form_submit_button("Put in the table", icon=":material/edit_note:",
                                     key=f"tp_detail_put_{stage}"):
                changed = {name: (value.strip() or None) if name in DETAIL_TEXT else value
                           for name, value in typed.items()}
                rows = [{**r, **changed} if i == chosen else r for i, r in enumerate(edited)]
                restart(stage, current["base"], rows)
                widgets.flash(f"Details of '{row['touchpoint']}' put in the table; "
                              f"Save {LABELS[stage]} to keep them.", "info")
                st.rerun()


def pain_to_action(stage: str, rows: list[dict]) -> None:
    """Turn a touchpoint's pain point into an action on the Workshop page's list."""
    pains = {row["id"]: row for row in rows if (row.get("pain_points") or "").strip()}
    if not pains:
        return
    with st.popover("Make a pain point an action", icon=":material/add_task:"):
        chosen = st.selectbox("Pain point", list(pains), key=f"pain_{stage}",
                              format_func=lambda i: f"{pains[i]['touchpoint']}: "
                                                    f"{pains[i]['pain_points']}")
        if st.button("Add to the action list", key=f"pain_action_{stage}",
                     icon=":material/add_task:"):
            prefilled = actions.from_pain_point(stage, pains[chosen])
            title = prefilled["title"]
            try:
                with frame.connection(ctx) as own:
                    actions.add_action(own, prefilled)
            except JourneyError as error:
                st.error(md(error))
            else:
                widgets.flash(f"Added to the Workshop page's action list: {title}")
                st.rerun()


def compare_states(rows: list[dict]) -> None:
    """The stage's current and future touchpoints, read-only: side by side when both have
    some; a state with none is one line under the other, which then has the page's width
    (a half-width table beside an empty column cut its text off). In presenter mode each
    takes the whole width, one under the other, so the room can read every cell."""
    states = {state: [r for r in rows if r["state"] == state] for state in tp.STATES}
    titles = {"current": "Current state", "future": "Future state"}
    filled = [state for state in tp.STATES if states[state]]
    if not filled:
        st.caption("No touchpoints yet in this stage." + ctx.live_hint)
        return
    side_by_side = len(filled) == 2 and not ctx.presenter
    places = st.columns(2) if side_by_side else [st.container() for _ in filled]
    for place, state in zip(places, filled):
        place.markdown(f"**{titles[state]}** ({len(states[state]):,})")
        with place:
            # a static table wraps its text: the room reads it all, and up to
            # WHOLE_TABLE_ROWS rows a half-width table scrolls no more sideways
            if ctx.presenter or len(states[state]) <= widgets.WHOLE_TABLE_ROWS:
                widgets.static_table(rows_frame(states[state], SHOW_COLUMNS), SHOW_LABELS,
                                     columns=SHOW_COLUMNS)
            else:
                widgets.table(rows_frame(states[state], SHOW_COLUMNS), width="stretch",
                              column_config=column_config("", state),
                              column_order=SHOW_COLUMNS)
    for state in tp.STATES:
        if not states[state]:
            st.caption(f"{titles[state]}: no touchpoints yet.")


# --- the function map and snapshots ---------------------------------------------------------

def function_map_tab() -> None:
    st.caption("How each function uses the journey map, the outcome it seeks, and the stages "
               "it should serve (the journey map's coverage calls out a function with no "
               "touchpoint in a stage it should serve).")
    current = draft("function_map")
    if not ctx.editing and ctx.presenter:
        widgets.static_table(rows_frame(current["base"], FUNCTION_COLUMNS), FIELD_NAMES,
                             columns=FUNCTION_COLUMNS)
        return
    if not ctx.editing:
        widgets.table(rows_frame(current["base"], FUNCTION_COLUMNS), width="stretch",
                      column_config=FUNCTION_CONFIG, column_order=FUNCTION_COLUMNS)
        return
    notices = st.container()
    rows = current["draft"]
    table = widgets.editor(
        rows_frame(rows, FUNCTION_COLUMNS), key="tp_function_map",
        num_rows="dynamic", width="stretch", column_config=FUNCTION_CONFIG,
        column_order=FUNCTION_COLUMNS)
    list_problems(current, states=False)
    edited = records(table, {})
    keep_working("function_map", current, edited)
    with notices:
        show_problems(current)
        show_conflicts("function_map", current, edited)
    if st.button("Save the function map", key="save_function_map", type="primary",
                 icon=":material/save:"):
        after_save("function_map", tp.save_function_map(db, current["base"], edited), edited)
        st.rerun()


def save_snapshot() -> None:
    """Button callback: save the map under the typed name."""
    try:
        with frame.connection(ctx) as own:
            tp.save_snapshot(own, st.session_state.get("snapshot_name", ""),
                             st.session_state.get("snapshot_note", ""))
    except JourneyError as error:
        st.session_state["_snapshot_error"] = str(error)
        return
    widgets.flash(f"Snapshot '{st.session_state['snapshot_name'].strip()}' saved.")
    st.session_state["snapshot_name"] = ""
    st.session_state["snapshot_note"] = ""


def snapshots_tab() -> None:
    st.caption("Save the map under a name before and after a session, then compare a "
               "snapshot with the map as it is now.")
    if ctx.editing:
        name, note, button = st.columns([2, 3, 1], vertical_alignment="bottom")
        name.text_input("Snapshot name", key="snapshot_name",
                        placeholder="Before the workshop")
        note.text_input("Note (optional)", key="snapshot_note")
        button.button("Save snapshot", key="save_snapshot", on_click=save_snapshot,
                      icon=":material/photo_camera:")
        if "_snapshot_error" in st.session_state:
            st.error(md(st.session_state.pop("_snapshot_error")))
    snapshots = tp.list_snapshots(db)
    if snapshots.empty:
        widgets.empty_state("No snapshots yet", "Save one before the workshop starts, and "
                            "another when it ends, to see what the room changed.",
                            icon=":material/photo_camera:")
        return
    labels = {row.id: f"{row.name} ({row.created_at} UTC, {row.touchpoints} touchpoints)"
              for row in snapshots.itertuples()}
    chosen = st.selectbox("Compare with now", list(labels), format_func=labels.get,
                          key="snapshot_compare")
    diff = tp.compare_snapshot(db, chosen)
    st.markdown(f"**Since this snapshot:** {diff.summary()}.")
    changes = diff.frame()
    if not changes.empty:
        changes["field"] = changes["field"].map(lambda v: FIELD_NAMES.get(v, v))
        for name in ("before", "after"):
            changes[name] = changes[name].map(lambda v: None if v is None else str(v))
        widgets.table(changes, SNAPSHOT_LABELS, width="stretch")
        widgets.download_table(changes, "snapshot-changes", key="snapshot_changes")


# --- the page ---------------------------------------------------------------------------------

st.title("Touchpoints")
widgets.show_flashes()
if ctx.editing:
    last = tp.last_save(db)
    if last:
        info, button = st.columns([4, 1], vertical_alignment="center")
        info.caption(f"Last save: {md(last['summary'])} ({last['created_at']} UTC).")
        if button.button("Undo last save", key="undo_save", icon=":material/undo:"):
            try:
                tp.undo_last_save(db)
            except JourneyError as error:
                st.error(md(error))
            else:
                for scope in [*stages, "function_map"]:
                    restart(scope, reload=True)
                widgets.flash(f"Undone: {last['summary']}.")
                st.rerun()
    st.caption("Capture every touchpoint with the room: add rows at the bottom of a table, "
               "delete them with the row's checkbox, type a number in # to move one; a "
               "touchpoint's other fields are under its details. Save writes the whole "
               "stage at once.")

tabs = st.tabs([LABELS[s] for s in stages] + ["Function map", "Snapshots"])
for tab, stage in zip(tabs, stages):
    with tab:
        stage_tab(stage)
with tabs[len(stages)]:
    function_map_tab()
with tabs[len(stages) + 1]:
    snapshots_tab()

if widgets.downloads_shown():
    st.divider()
    st.markdown("**Download**")
    widgets.download_table(tp.export_rows(db), "touchpoints", key="touchpoints_download")
