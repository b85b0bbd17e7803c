"""Workshop: the goal (an objective and its key results) and the action list that outlives
the session (who does what about a pain point, a gap or a red sign, by when), filtered by
owner for the follow-up meeting; both are edited here, outside presenter mode and with
editing rights."""

import datetime as dt

import streamlit as st

from journey.columns import DEPARTMENTS
from journey.errors import JourneyError
from journey.stages import LABELS, stage_model
from journey.workshop import actions
from journey.workshop.goal import MAX_KEY_RESULTS, get_goal, set_goal
from journey.workspace import get_setting
from journey_ui import frame, widgets
from journey_ui.text import md

EVERYONE = "Everyone"
TABLE = {"title": "Action", "owner": "Owner", "department": "Department", "stage": "Stage",
         "impact": "Impact", "effort": "Effort", "due": "Due", "status": "Status",
         "overdue": "Overdue"}

ctx = frame.page_context()
stages = stage_model(get_setting(ctx.db, "pre_awareness"))


def add_form() -> None:
    """A new action: what, who, where in the journey, how much it matters and costs, by when."""
    with st.expander("Add an action", icon=":material/add_task:",
                     expanded=not frame.cached(actions.list_actions)(ctx).shape[0]):
        with st.form("action_new", clear_on_submit=False, border=False):
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
                save(lambda db: actions.add_action(db, {
                    "title": title, "owner": owner, "department": department, "stage": stage,
                    "impact": impact, "effort": effort, "due": due, "note": note}),
                    f"Added: {title.strip()}.")


def save(action, message: str) -> None:
    """Run a write on a connection of its own; flash and rerun, or say what is wrong."""
    try:
        with frame.connection(ctx) as db:
            action(db)
    except JourneyError as error:
        st.error(md(error), icon=":material/error:")
        return
    widgets.flash(message)
    st.rerun()


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
                "how you will know you got there.", icon=":material/flag:")
    if not ctx.editing:
        return
    with st.expander("Change the goal" if goal.set else "Set the goal", icon=":material/flag:"):
        with st.form("goal", border=False):
            objective = st.text_input("Objective", value=goal.objective, key="goal_objective",
                                      placeholder="Turn more first purchases into regulars")
            results = st.text_area(f"Key results (one a line, up to {MAX_KEY_RESULTS})",
                                   value="\n".join(goal.key_results), key="goal_results",
                                   placeholder="Repeat purchase within 90 days above 30%")
            if st.form_submit_button("Save the goal", icon=":material/save:"):
                save(lambda db: set_goal(db, objective, results), "Goal saved.")


st.title("Workshop")
widgets.show_flashes()
st.write("What the team will do about what the journey shows: every pain point, gap and red "
         "sign can become an action with an owner and a date, and the list outlives the "
         "session.")
show_goal()
st.subheader("Action list")
if ctx.editing:
    add_form()

owners = frame.cached(actions.owners)(ctx)
owner = st.columns([1, 2])[0].selectbox(
    "Whose actions", [EVERYONE, *owners], key="action_owner_filter",
    help="For the follow-up meeting: one person's actions.")
table = frame.cached(actions.list_actions)(ctx, owner=None if owner == EVERYONE else owner)
if table.empty:
    widgets.empty_state("No actions yet", "Add the first one above: a pain point from the "
                        "Touchpoints page or a red sign is a good start.",
                        icon=":material/checklist:")
else:
    late = int(table["overdue"].sum())
    done = int((table["status"] == "done").sum())
    st.caption(f"{len(table):,} action{'s' if len(table) != 1 else ''}, {done:,} done"
               + (f", {late:,} overdue" if late else "") + ". Most impact for the least effort "
               "first.")
    shown = table.assign(stage=table["stage"].map(lambda s: LABELS.get(s, "") if s else ""),
                         status=table["status"].map(actions.STATUSES),
                         overdue=table["overdue"].map({True: "overdue", False: ""}))
    shown[["owner", "department", "due"]] = shown[["owner", "department", "due"]].fillna("")
    st.dataframe(shown[list(TABLE)].rename(columns=TABLE), hide_index=True,
                 column_config={"Impact": st.column_config.NumberColumn(format="%d"),
                                "Effort": st.column_config.NumberColumn(format="%d")})
    if ctx.editing:
        move_on(table)
    widgets.download_table(shown[list(TABLE)].rename(columns=TABLE), "actions",
                           key="actions_download")
