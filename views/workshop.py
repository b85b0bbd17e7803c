"""Workshop, in three tabs. This session: what changed since the last closed session, the
goal (an objective and its key results), the KPIs against their targets, and the action
list that outlives the session (who does what about a pain point, a gap or a red sign, by
when), filtered by owner for the follow-up meeting; "Close this session" keeps today's
figures for the next one. The method: the guided session's steps (the mapping workshop's
seven and the sales team's four), each done when the data shows it or ticked by hand, with
why and a link to where it is done; step 4 lists the data there is and what to import.
Customer questions: the worksheet of step 5. Everything is edited here outside presenter
mode and with editing rights; the progress bars above the tabs show both tracks."""

import datetime as dt

import streamlit as st

from journey import charts, figures, scorecard
from journey.charts import STATUS_FILLS
from journey.columns import DEPARTMENTS
from journey.errors import JourneyError
from journey.stages import LABELS, stage_model
from journey.workshop import actions, kpis, method, personas
from journey.workshop.goal import MAX_KEY_RESULTS, get_goal, set_goal
from journey.workspace import get_setting
from journey_ui import frame, widgets
from journey_ui.text import WORD_JOINER, md

EVERYONE = "Everyone"
ADDED = "action_added"          # the id of the action this tab added last (undo_add)
TABLE = {"title": "Action", "owner": "Owner", "department": "Department", "stage": "Stage",
         "impact": "Impact", "effort": "Effort", "due": "Due", "status": "Status",
         "overdue": "Overdue"}
ON_SCREEN = ["title", "owner", "status", "due", "stage", "impact", "effort", "department"]
LIST_FORMATS = {**dict.fromkeys(ON_SCREEN, "text"), "impact": "count", "effort": "count"}

ctx = frame.page_context()
stages = stage_model(get_setting(ctx.db, "pre_awareness"))
currency = get_setting(ctx.db, "currency")
STATUS_STYLE = {kpis.STATUS_LABELS[kpis.MET]: STATUS_FILLS["green"],
                kpis.STATUS_LABELS[kpis.NOT_MET]: STATUS_FILLS["red"]}


def status_colour(value) -> str:
    """A status cell's colours: green when met, red when not; none without evidence."""
    for label, (fill, font) in STATUS_STYLE.items():
        if str(value).startswith(label):
            return f"background-color: {fill}; color: {font}"
    return ""


def rows_height(table) -> int:
    """A table's height in pixels with every row showing (up to 20, then it scrolls)."""
    row = 46 if ctx.presenter else 35           # presenter mode's type is larger
    return row * (min(len(table), 20) + 1) + 3


def status_table(table, columns, key: str) -> None:
    """A table of text with its status ``columns`` coloured where there is evidence: up to
    widgets.WHOLE_TABLE_ROWS rows shown whole with its text wrapping (at 1280 px a grid of KPIs
    scrolled sideways by up to 81 px), a longer one as a grid with every row up to 20."""
    if len(table) <= widgets.WHOLE_TABLE_ROWS:        # a due date kept on one line (screen only)
        unbroken = table.assign(Due=table["Due"].str.replace("-", "-" + WORD_JOINER)) \
            if "Due" in table else table
        widgets.static_table(unbroken, formats=dict.fromkeys(table.columns, "text"),
                             colours=dict.fromkeys(columns, status_colour))
        return
    styled = table.style.map(status_colour, subset=columns) if columns else table
    st.dataframe(styled, hide_index=True, width="stretch", key=key, height=rows_height(table))


def add_form() -> None:
    """A new action: what, who, where in the journey, how much it matters and costs, by when."""
    error = form_error("action_new")
    with st.expander("Add an action", icon=":material/add_task:",
                     expanded=bool(error) or not frame.cached(actions.list_actions)(ctx).shape[0]):
        with st.form("action_new", clear_on_submit=False, border=False):
            show_error(error)
            title = st.text_input("What will be done", key="action_title",
                                  placeholder="Call every lost deal back within a week")
            left, middle, right = st.columns(3)
            owner = left.text_input("Owner", key="action_owner", placeholder="Sam")
            department = middle.selectbox("Department", [None, *DEPARTMENTS],
                                          format_func=lambda d: d or "—",
                                          key="action_department")
            stage = right.selectbox("Stage", [None, *stages], key="action_stage",
                                    format_func=lambda s: LABELS[s] if s else "—")
            left, middle, right = st.columns(3)
            impact = left.slider("Impact (sales)", 1, 5, 3, key="action_impact")
            effort = middle.slider("Effort (time)", 1, 5, 3, key="action_effort")
            due = right.date_input("Due", value=None, min_value=dt.date.today(),
                                   key="action_due", format="YYYY-MM-DD")
            note = st.text_input("Where it came from, or a note", key="action_note",
                                 placeholder="Red sign: low win rate")
            if st.form_submit_button("Add the action", icon=":material/add:", type="primary"):
                def add(db) -> None:
                    st.session_state[ADDED] = actions.add_action(db, {
                        "title": title, "owner": owner, "department": department,
                        "stage": stage, "impact": impact, "effort": effort, "due": due,
                        "note": note})
                save(add, f"Added: {title.strip()}.", form="action_new")


def undo_add() -> None:
    """Take back the action this tab added last (one typed in error in front of the room),
    as long as nobody has changed it since: it is removed, the list is as it was before."""
    added = st.session_state.get(ADDED)
    row = actions.get_action(ctx.db, added) if added is not None else None
    if row is None or row["version"] != 1:     # gone, or moved on since: nothing to undo
        st.session_state.pop(ADDED, None)
        return
    if st.button(f"Undo adding '{row['title']}'", key="undo_action_add", type="tertiary",
                 icon=":material/undo:"):
        st.session_state.pop(ADDED, None)
        save(lambda db: actions.delete_action(db, added, version=1),
             f"Undone: '{row['title']}' is no longer on the action list.")


def save(action, message: str, form: str | None = None) -> None:
    """Run a write on a connection of its own; flash and rerun, or say what is wrong. With
    ``form``, the sentence is kept for that form's next run (``form_error``), which opens
    its expander and shows it there: the flash that went before has moved the page, and an
    expander in a new place would otherwise close over the sentence. Typed values stay."""
    try:
        with frame.connection(ctx) as db:
            action(db)
    except JourneyError as error:
        if form is not None:
            st.session_state[f"_error_{form}"] = str(error)
            st.rerun()
        st.error(md(error), icon=":material/error:")
        return
    widgets.flash(message)
    st.rerun()


def form_error(form: str) -> str | None:
    """The sentence a failed save of ``form`` left for this run (shown once)."""
    return st.session_state.pop(f"_error_{form}", None)


def show_error(error: str | None) -> None:
    if error:
        st.error(md(error), icon=":material/error:")


def move_on(table) -> None:
    """Change one action's status (the version it was shown at guards against a newer save)."""
    open_ones = table[~table["status"].isin(["done", "dropped"])]
    if open_ones.empty:
        return
    with st.form("action_status", border=False):
        left, right, button = st.columns([3, 1, 1], vertical_alignment="bottom")
        labels = {int(r.id): f"{r.title} ({r.owner or 'no owner'})"
                  for r in open_ones.itertuples()}
        chosen = left.selectbox("Move an action on", list(labels), format_func=labels.get,
                                key="action_pick")
        status = right.selectbox("to", list(actions.STATUSES),
                                 format_func=actions.STATUSES.get, index=2,
                                 key="action_new_status")
        if button.form_submit_button("Save", icon=":material/save:"):
            version = int(open_ones.set_index("id").loc[chosen, "version"])
            save(lambda db: actions.update_action(db, chosen, {"status": status},
                                                  version=version),
                 f"{labels[chosen]}: {actions.STATUSES[status].lower()}.")


def show_goal() -> None:
    """The goal as a headline with its key results; editors can change it."""
    goal = frame.cached(get_goal)(ctx)
    if goal.set:
        widgets.sentence(f"Goal: {goal.objective}")
        for result in goal.key_results:
            st.markdown(f"- {md(result)}")
    else:
        st.info("No goal yet. Say what the business wants from its customers' journey, and "
                "how you will know you got there." + ctx.live_hint_to("set it"),
                icon=":material/flag:")
    if not ctx.editing:
        return
    error = form_error("goal")
    with st.expander("Change the goal" if goal.set else "Set the goal", icon=":material/flag:",
                     expanded=bool(error)):
        with st.form("goal", border=False):
            show_error(error)
            objective = st.text_input("Objective", value=goal.objective, key="goal_objective",
                                      placeholder="Turn more first purchases into regulars")
            results = st.text_area(f"Key results (one a line, up to {MAX_KEY_RESULTS})",
                                   value="\n".join(goal.key_results), key="goal_results",
                                   placeholder="Repeat purchase within 90 days above 30%")
            if st.form_submit_button("Save the goal", icon=":material/save:"):
                save(lambda db: set_goal(db, objective, results), "Goal saved.", form="goal")


def since_last_time() -> None:
    """What changed since the last closed session: KPIs then and now against their targets,
    each stage's conversion, the signs that changed colour, actions done and overdue."""
    changes = frame.cached(scorecard.since_last_time)(ctx, currency=currency)
    if changes is None:
        st.info("No session has been closed in this workspace yet. Close this one at the end"
                + (" (below)" if ctx.editing else "") + ", and the next session opens on what "
                "changed since." + ctx.live_hint_to("close it"), icon=":material/history:")
        return
    session = changes.session
    st.subheader(f"Since last time: {md(session['name'])}", anchor=False)
    st.caption(md(f"Closed on {session['closed_at'][:10]}, measured on the data up to "
                  f"{session['measured_to'] or 'that day'}."
                  + (f" Note: {session['note']}" if session.get("note") else "")))
    if changes.sentences:
        widgets.sentence(changes.sentences[0])
    if changes.kpis.empty:
        st.caption("No KPIs to compare.")
    else:
        status_table(changes.kpis, ["Status then", "Status now"], key="since_kpis")
    stages_column, signs_column, actions_column = st.columns([4, 3, 3])   # 4: no cut at 1280
    with stages_column:
        if not changes.stages.empty:
            st.markdown("**Conversion into each stage**")
            status_table(changes.stages.rename(columns={"Stage": "Into"}), [],
                         key="since_stages")
    with signs_column:
        st.markdown("**Signs that changed colour**")
        if changes.signs:
            st.markdown("\n".join(f"- {md(title)}: {then} → {now}"
                                   for title, then, now in changes.signs))
        else:
            st.caption("None: every sign has the colour it had.")
    with actions_column:
        st.markdown(f"**Done since** ({len(changes.done):,})")
        if changes.done:
            st.markdown("\n".join(f"- {md(t)}" for t in changes.done))
        st.markdown(f"**Overdue now** ({len(changes.overdue):,})")
        if changes.overdue:
            st.markdown("\n".join(f"- {md(t)}" for t in changes.overdue))
        if changes.added:
            st.caption(f"{changes.added:,} action{'s' if changes.added != 1 else ''} added "
                       "since.")


def kpi_section() -> None:
    """The KPIs against their targets, and (for editors) adding and changing them."""
    st.subheader("KPIs", anchor=False)
    measured = frame.cached(scorecard.measure_kpis)(ctx)
    if measured.empty:
        st.info("No KPIs yet: say how the goal will be measured, per stage and persona, with "
                "a target and a due date." + ctx.live_hint, icon=":material/monitoring:")
    else:
        met = int((measured["status"] == kpis.MET).sum())
        judged = int((measured["status"] != kpis.NO_EVIDENCE).sum())
        missing = len(measured) - judged
        st.caption(f"{met:,} of {judged:,} KPIs with evidence meet their target"
                   + (f"; {missing:,} {'has' if missing == 1 else 'have'} no evidence yet "
                      "(neither met nor missed)"
                      if missing else "") + ". Actuals come from the data where it has them.")
        table = scorecard.kpi_table(measured, currency)
        if not table["Why no evidence"].any():
            table = table.drop(columns=["Why no evidence"])
        status_table(table, ["Status"], key="kpi_table")
        widgets.download_table(table, "kpis", key="kpis_download")
    if ctx.editing:
        add_kpi_form(measured.empty)
        if not measured.empty:
            change_kpi_form(measured)


def add_kpi_form(first: bool) -> None:
    cards = [p["name"] for p in frame.cached(personas.list_personas)(ctx)]
    error = form_error("kpi_new")
    with st.expander("Add a KPI", icon=":material/add_chart:", expanded=first or bool(error)):
        with st.form("kpi_new", border=False):
            show_error(error)
            measure = st.selectbox("Measure", list(kpis.MEASURES), key="kpi_measure",
                                   format_func=lambda m: kpis.MEASURES[m].label)
            left, middle, right = st.columns(3)
            stage = left.selectbox("Stage", [None, *stages], key="kpi_stage",
                                   format_func=lambda s: LABELS[s] if s else "—",
                                   help="Conversion and days to the next stage start here; "
                                        "other KPIs are shown in this stage's lane.")
            persona = middle.selectbox("Persona", [None, *cards], key="kpi_persona",
                                       format_func=lambda p: p or "Every client")
            target = right.text_input("Target", key="kpi_target", placeholder="45")
            left, middle, right = st.columns(3)
            due = left.date_input("Due", value=None, key="kpi_due", format="YYYY-MM-DD")
            name = middle.text_input("Name", key="kpi_name",
                                     placeholder="Bookings a week (entered by hand)",
                                     help="Needed for a KPI entered by hand; the others are "
                                          "named after their measure.")
            unit = right.text_input("Unit (entered by hand)", key="kpi_unit",
                                    placeholder="bookings")
            left, right = st.columns([2, 1])
            actual = left.text_input("Actual, entered by hand", key="kpi_actual",
                                     help="For a KPI the data cannot measure; for the others "
                                          "it is used only when the data has no figure.")
            better = right.selectbox("Better (entered by hand)", list(kpis.BETTER),
                                     key="kpi_better", format_func=kpis.BETTER.get,
                                     help="The measures from the data know which way is "
                                          "better.")
            if st.form_submit_button("Add the KPI", icon=":material/add:", type="primary"):
                save(lambda db: kpis.add_kpi(db, {
                    "measure": measure, "stage": stage, "persona": persona, "target": target,
                    "due": due, "name": name, "unit": unit, "actual": actual,
                    "better": better}),
                    "KPI added.", form="kpi_new")


def change_kpi_form(measured) -> None:
    error = form_error("kpi_change")
    with st.expander("Change or remove a KPI", icon=":material/edit:", expanded=bool(error)):
        labels = {int(r["id"]): r["name"] for r in measured.to_dict("records")}
        chosen = st.selectbox("KPI", list(labels), format_func=labels.get, key="kpi_pick")
        row = measured.set_index("id").loc[chosen]
        with st.form("kpi_change", border=False):
            show_error(error)
            left, middle, right = st.columns(3)
            target = left.text_input("Target", value=f"{row['target']:g}",
                                     key=f"kpi_change_target_{chosen}")
            due = middle.date_input(
                "Due", key=f"kpi_change_due_{chosen}", format="YYYY-MM-DD",
                value=dt.date.fromisoformat(row["due"]) if row["due"] else None)
            entered = row["entered"]
            actual = right.text_input("Actual, entered by hand",
                                      value="" if entered is None else f"{entered:g}",
                                      key=f"kpi_change_actual_{chosen}")
            save_button, delete_button, _ = st.columns([1, 1, 3])
            version = int(row["version"])
            if save_button.form_submit_button("Save", icon=":material/save:"):
                save(lambda db: kpis.update_kpi(db, chosen, {
                    "target": target, "due": due, "actual": actual}, version=version),
                    f"Saved: {labels[chosen]}.", form="kpi_change")
            if delete_button.form_submit_button("Remove", icon=":material/delete:"):
                save(lambda db: kpis.delete_kpi(db, chosen, version=version),
                     f"Removed: {labels[chosen]}.", form="kpi_change")


def close_form() -> None:
    """Keep today's figures as a closed session: the next one opens on what changed."""
    st.subheader("Close this session", anchor=False)
    error = form_error("session_close")
    with st.form("session_close", border=False):
        show_error(error)
        left, right = st.columns([1, 2])
        name = left.text_input("Name", key="session_name",
                               placeholder=f"Session of {dt.date.today().isoformat()}")
        note = right.text_input("What was agreed", key="session_note")
        st.caption("Keeps each KPI against its target, each stage's conversion, the signs' "
                   "colours and the actions' statuses as they are now.")
        if st.form_submit_button("Close this session", icon=":material/lock_clock:",
                                 type="primary"):
            save(lambda db: scorecard.close_session(db, name, note),
                 "Session closed: the next one opens on what changed since.",
                 form="session_close")


def action_list() -> None:
    """The action list, filtered by owner for the follow-up meeting."""
    st.subheader("Action list")
    if ctx.editing:
        add_form()
        undo_add()
    owners = frame.cached(actions.owners)(ctx)
    owner = st.columns([1, 2])[0].selectbox(
        "Whose actions", [EVERYONE, *owners], key="action_owner_filter",
        help="For the follow-up meeting: one person's actions.")
    table = frame.cached(actions.list_actions)(ctx, owner=None if owner == EVERYONE else owner)
    if table.empty:
        start = "a pain point from the Touchpoints page or a red sign is a good start."
        widgets.empty_state("No actions yet", (f"Add the first one above: {start}"
                                               if ctx.editing else start[0].upper() + start[1:])
                            + ctx.live_hint, icon=":material/checklist:")
        return
    late = int(table["overdue"].sum())
    done = int((table["status"] == "done").sum())
    st.caption(f"{len(table):,} action{'s' if len(table) != 1 else ''}, {done:,} done"
               + (f", {late:,} overdue" if late else "") + ". Most impact for the least effort "
               "first.")
    shown = table.assign(stage=table["stage"].map(lambda s: LABELS.get(s, "") if s else ""),
                         status=table["status"].map(actions.STATUSES),
                         overdue=table["overdue"].map({True: "overdue", False: ""}))
    shown[["owner", "department", "due"]] = shown[["owner", "department", "due"]].fillna("")
    # On screen what the meeting needs comes first: "overdue" joins the status (the download
    # keeps its own column) and the department, last, is left out of the room's view
    on_screen = shown.assign(status=shown["status"].where(shown["overdue"] == "",
                                                          shown["status"] + ", overdue"))
    columns = ON_SCREEN if not ctx.presenter else [c for c in ON_SCREEN if c != "department"]
    if len(table) <= widgets.WHOLE_TABLE_ROWS:      # shown whole, its text wrapping: nothing cut off
        unbroken = on_screen.assign(due=on_screen["due"].str.replace("-", "-" + WORD_JOINER))
        widgets.static_table(unbroken, TABLE, columns=columns, formats=LIST_FORMATS)
    else:
        st.dataframe(on_screen[columns].rename(columns=TABLE), hide_index=True,
                     column_config={"Impact": st.column_config.NumberColumn(format="%d"),
                                    "Effort": st.column_config.NumberColumn(format="%d")})
    if ctx.editing:
        move_on(table)
    widgets.download_table(shown[list(TABLE)].rename(columns=TABLE), "actions",
                           key="actions_download")
    action_matrix(table, owner)


def action_matrix(table, owner: str) -> None:
    """The open actions (of the owner chosen) on impact against effort."""
    points = actions.matrix_points(table)
    whose = "" if owner == EVERYONE else f" of {owner}"
    st.markdown(f"**Impact against effort: the open actions{md(whose)}**")
    if points.empty:
        st.caption("No open action with both an impact and an effort to place.")
        return
    figure = figures.action_matrix_figure(points, presenter=ctx.presenter)
    st.plotly_chart(charts.for_presenter(figure) if ctx.presenter else figure,
                    width="stretch", key="action_matrix")
    counts = points["quadrant"].value_counts()
    left_off = int(table["status"].isin(["open", "doing"]).sum()) - len(points)
    st.caption(" · ".join(f"{name}: {int(counts.get(name, 0)):,}"
                          for name in actions.QUADRANTS.values())
               + (f". {left_off:,} open action{'s' if left_off != 1 else ''} without an "
                  "impact or an effort left off." if left_off else ""))


# --- the guided session (journey.workshop.method) -------------------------------------------

# The pages a step is done on: name -> (script, link text, icon), as app.py declares them.
PAGE_LINKS = {"personas": ("views/personas.py", "Personas", ":material/groups:"),
              "touchpoints": ("views/touchpoints.py", "Touchpoints", ":material/touch_app:"),
              "journey_map": ("views/journey_map.py", "Journey map", ":material/map:"),
              "import": ("views/import.py", "Import", ":material/upload_file:")}
IMPORTED = {"file": "File", "sheet": "Sheet", "kind": "Read as", "rows": "Rows",
            "imported": "Imported on"}
TABS = ("This session", "The method", "Customer questions")
ANSWERS = {"question": "Question", "persona": "Persona", "answer": "Answer",
           "updated": "Last changed"}


def tick(track: str, step: str, key: str) -> None:
    """Save a step's tick as the checkbox changes (a callback: its own connection)."""
    try:
        with frame.connection(ctx) as db:
            method.set_step(db, track, step, bool(st.session_state[key]))
    except JourneyError as error:
        st.session_state["_error_method"] = str(error)


def show_steps(track: str, states) -> None:
    """A track's steps: done or not (found in the data, or ticked), why, and where."""
    for state in states:
        step = state.step
        with st.container(border=True, key=f"method_step_{track}_{step.key}"):
            text, links = st.columns([4, 1])
            with text:
                icon = (":green[:material/check_circle:]" if state.done
                        else ":gray[:material/radio_button_unchecked:]")
                st.markdown(f"{icon} **{state.number}. {step.title}**")
                st.caption(step.why)
                found = state.detected.evidence if state.detected else ""
                if state.found:
                    st.markdown(f":green[:material/database:] Found in the data: {md(found)}")
                elif found:
                    st.markdown(md(found))
                if step.key == "data":
                    existing_data()
                if ctx.editing and not state.found:
                    key = f"method_tick_{track}_{step.key}"
                    st.session_state[key] = state.ticked     # as saved (someone else may tick)
                    st.checkbox("Done: the team has taken this step", key=key, on_change=tick,
                                args=(track, step.key, key))
                elif state.ticked and not state.found:
                    st.caption("Ticked done by the team.")
            with links:
                for page in step.pages:
                    script, label, icon = PAGE_LINKS[page]
                    st.page_link(script, label=label, icon=icon)
                if not step.pages:
                    st.caption(f"Where: {step.where}.")


def existing_data() -> None:
    """Step 4: what the workspace holds of each kind of data, and what to import."""
    lines = []
    for source in frame.cached(method.existing_data)(ctx):
        if source.present:
            lines.append(f":green[:material/check:] **{source.label}**: {md(source.sentence)}")
        else:
            lines.append(f":orange[:material/close:] **{source.label}**: :orange[missing.] "
                         f"{md(source.sentence)}")
    st.markdown("  \n".join(lines))
    imported = frame.cached(method.imported_sheets)(ctx)
    if imported.empty:
        st.caption("Nothing imported yet.")
        return
    st.caption(f"Imported so far: {len(imported):,} sheet{'s' if len(imported) != 1 else ''}.")
    widgets.table(imported, IMPORTED, formats={"rows": "count", "imported": "date"},
                  key="method_imported", height=rows_height(imported))


def guided_session(states, sales) -> None:
    """The method's steps, then the sales team's track."""
    show_error(st.session_state.pop("_error_method", None))
    st.subheader(f"{method.TRACKS[method.WORKSHOP]}: {method.summary(states)}", anchor=False)
    st.write("The method, step by step: a step the data shows is done by itself, and the "
             "team ticks the others as it takes them.")
    show_steps(method.WORKSHOP, states)
    st.subheader(f"{method.TRACKS[method.SALES]}: {method.summary(sales)}", anchor=False)
    st.write("The same method as the sales team runs it, customer group by customer group.")
    show_steps(method.SALES, sales)


def worksheet() -> None:
    """Step 5: the questions to put to customers, with the answers the team typed."""
    st.write("Put these questions to customers (interviews, calls, a few minutes at the "
             "counter) and type what they said, for every customer or for one persona.")
    if ctx.editing:
        answer_form()
    table = frame.cached(method.answers_table)(ctx)
    if not ctx.editing:
        answers_read_only(table)
    if not table.empty:
        st.caption("Every answer, for every customer and each persona:")
        widgets.download_table(table.rename(columns=ANSWERS), "customer-questions",
                               key="answers_download")


def answer_form() -> None:
    cards = [p["name"] for p in frame.cached(personas.list_personas)(ctx)]
    options = [method.EVERY_CUSTOMER, *cards]
    whose = st.columns([1, 2])[0].selectbox(
        "Whose answers", options, key="worksheet_persona",
        format_func=lambda p: p or "Every customer")
    stored = frame.cached(method.answers_for)(ctx, whose)
    error = form_error("worksheet")
    with st.form("worksheet", border=False):
        show_error(error)
        typed = {question.key: st.text_area(
            question.text, value=stored.get(question.key, ""), placeholder=question.hint,
            key=f"answer_{options.index(whose)}_{question.key}", height=80,
            max_chars=method.MAX_ANSWER) for question in method.QUESTIONS}
        if st.form_submit_button("Save the answers", icon=":material/save:", type="primary"):
            save(lambda db: method.save_answers(db, typed, whose),
                 f"Answers saved for {whose or 'every customer'}.", form="worksheet")


def answers_read_only(table) -> None:
    """Each question with what customers said (presenter mode, or without editing rights)."""
    for question in method.QUESTIONS:
        st.markdown(f"**{question.text}**")
        said = table[table["question"] == question.text]
        if said.empty:
            st.caption("No answer yet.")
            continue
        st.markdown("\n".join(f"- *{md(row.persona or 'Every customer')}*: {md(row.answer)}"
                               for row in said.itertuples()))


st.title("Workshop")
widgets.show_flashes()
st.write("The method around the map, and what the team will do about what the journey "
         "shows: every pain point, gap and red sign can become an action with an owner and a "
         "date, and the list outlives the session.")
steps = frame.cached(method.progress)(ctx, method.WORKSHOP)
sales_steps = frame.cached(method.progress)(ctx, method.SALES)
for column, track, states in zip(st.columns(2), method.TRACKS, (steps, sales_steps)):
    column.progress(sum(s.done for s in states) / len(states),
                    text=f"{method.TRACKS[track]}: {method.summary(states)}")
# The open tab is kept by its key across reruns (a flash above the tabs would otherwise
# reset them to the first), and only the open one is drawn.
session_tab, method_tab, questions_tab = st.tabs(list(TABS), key="workshop_tab",
                                                 on_change="rerun")
if session_tab.open is not False:
    with session_tab:
        since_last_time()
        show_goal()
        kpi_section()
        action_list()
        if ctx.editing:
            close_form()
if method_tab.open is not False:
    with method_tab:
        guided_session(steps, sales_steps)
if questions_tab.open is not False:
    with questions_tab:
        worksheet()
