"""Signs of misalignment: eight cards, red first, each opening to its definition, working,
trend and evidence; the alignment score with its working; self-assessments for signs the
data cannot measure, thresholds and keyword classes (hidden in presenter mode).

A card's details are drawn only while it is open (a lazy expander), so the page does not
draw eight trend figures nobody asked for (issue 18)."""

import datetime as dt

import pandas as pd
import streamlit as st

from journey import charts, figures, signs
from journey.errors import JourneyError
from journey.filters import NO_FILTERS
from journey.stages import LABELS
from journey.text import change_text
from journey.workshop import actions
from journey.workspace import get_setting
from journey_ui import frame, widgets
from journey_ui.text import md

BADGES = {"red": ("Red", "red", ":material/error:"),
          "amber": ("Amber", "orange", ":material/warning:"),
          "green": ("Green", "green", ":material/check_circle:"),
          "unknown": ("Unknown", "gray", ":material/help:")}
EVIDENCE_ROWS = 1000

ctx = frame.page_context()
st.title("Signs of misalignment")
st.caption("Eight signs that the sales process is out of step with the customer journey, "
           "worst first. Open a sign for its definition, working, trend and evidence.")

try:
    with st.spinner("Working out the eight signs…"):
        report = frame.cached(signs.compute_signs)(ctx, ctx.filters)
except JourneyError as error:
    st.error(md(error))
    st.stop()


WORKING_LABELS = {"sign": "Sign", "status": "Status", "basis": "Counted as",
                  "points": "Points"}
THRESHOLD_LABELS = {"sign": "Sign", "threshold": "Threshold", "value": "Value",
                    "unit": "Unit", "default": "Default", "source": "Where the default comes from"}


def for_the_room(text: str) -> str:
    """The period's words for presenter mode, where the sidebar (in which the period is
    chosen) is tucked away: "the period chosen", not "chosen in the sidebar"."""
    return text.replace(" chosen in the sidebar", " chosen") if ctx.presenter else text


def show_score(score) -> None:
    left, right = st.columns([1, 3])
    if score.value is None:
        left.markdown("**Alignment score**")
        left.caption("Not enough measured signs for a score.")
    else:
        left.metric("Alignment score", f"{score.value:g} / 100",
                    help="Measured signs score green 100, amber 50, red 0; a self-assessment "
                         "of 1 to 5 scores 0 to 100 and is marked as assessed; unknown "
                         "signs are left out.")
        left.caption(f"From {score.rests_on} of {score.of} signs")
    counts = {status: sum(s.status == status for s in report.signs) for status in BADGES}
    with right:
        st.markdown("  ".join(f":{BADGES[s][1]}-badge[{BADGES[s][2]} {counts[s]} {s}]"
                              for s in ("red", "amber", "green", "unknown")))
        worst = report.red_first()[0]
        if worst.status == "red":
            widgets.sentence(f"Fix first: {worst.title.lower()} at "
                             f"{worst.stage_labels.lower().replace(', ', ' and ')}: "
                             f"{worst.headline}.")
        if score.value is None:
            st.write(score.sentence)
        with st.expander("How the score is worked out"):
            st.write(score.sentence)
            widgets.table(score.working, WORKING_LABELS, width="stretch")


def show_card(sign) -> None:
    label, colour, icon = BADGES[sign.status]
    with st.container(border=True):
        head, figure = st.columns([3, 2])
        with head:
            st.badge(label, color=colour, icon=icon)
            st.subheader(sign.title, anchor=False)
            st.caption(f"Points at: {sign.stage_labels} · "
                       f"{', '.join(sign.departments)}")
        with figure:
            if sign.measured:
                delta = None if sign.change_pct is None else change_text(sign.change_pct)
                # The delta's words in its description, which wraps instead of clipping.
                st.metric(sign.value_label.capitalize(), sign.figure(sign.value), delta,
                          delta_color="inverse" if sign.value_better == "lower"
                          else "normal",
                          delta_description="on the previous period" if delta else None,
                          help=f"Previous period: {sign.figure(sign.previous)}.")
            elif sign.assessment:
                st.metric("Self-assessed (not measured)", f"{sign.assessment['score']} / 5",
                          help="1 = a serious problem here, 5 = no sign of it.")
        if sign.measured:
            st.text(sign.next_step)
        else:
            st.text(sign.missing)
            show_assessment(sign)
        if sign.status in actions.SIGN_IMPACT:
            offer_action(sign)
        # Lazy (issue 18): a closed card's trend figure is neither built nor drawn; opening
        # it reruns the page with the card open (st.session_state["details_" + key]).
        details = st.expander("Definition, working, trend and evidence",
                              key=f"details_{sign.key}", on_change="rerun")
        if details.open:
            with details:
                show_details(sign)


def show_assessment(sign) -> None:
    """The facilitator's self-assessment: shown as assessed; the form only outside
    presenter mode."""
    if sign.assessment:
        st.caption(f"Assessed by the facilitator on {sign.assessment['assessed_on']}, "
                   f"not measured: {sign.assessment['score']} / 5.")
        if sign.assessment.get("note"):
            st.text(f"Note: {sign.assessment['note']}")
    if not ctx.editing:
        return
    with st.popover("Assess this sign yourself", icon=":material/edit_note:"):
        with st.form(f"assess_{sign.key}", border=False):
            score = st.slider("How much does this sign show here?", 1, 5,
                              value=(sign.assessment or {}).get("score", 3),
                              help="1 = a serious problem here, 5 = no sign of it.",
                              key=f"assess_score_{sign.key}")
            note = st.text_area("Note", value=(sign.assessment or {}).get("note", ""),
                                key=f"assess_note_{sign.key}", max_chars=2000)
            if st.form_submit_button("Save the assessment", key=f"assess_save_{sign.key}"):
                save(lambda: signs.save_self_assessment(ctx.db, sign.key, score, note),
                     f"Saved your assessment of {sign.title.lower()}.")
        if sign.assessment and st.button("Clear the assessment",
                                         key=f"assess_clear_{sign.key}"):
            save(lambda: signs.clear_self_assessment(ctx.db, sign.key),
                 "Cleared the assessment.")


def offer_action(sign) -> None:
    """A red or amber sign as an action on the Workshop page's list: the action already
    made from it, or (for an editor) a small form prefilled from the sign."""
    made = frame.cached(actions.made_from)(ctx).get(actions.sign_source(sign.key))
    if made:
        st.caption(":material/task_alt: " + md(f"On the action list: {made['title']} ("
                      f"{made['owner'] or 'no owner yet'}, "
                      f"{actions.STATUSES[made['status']].lower()}"
                      + (f", due {made['due']}" if made["due"] else "") + ")."),
                   help="Made from this sign; the Workshop page lists and moves it on.")
        return
    if not ctx.editing:
        return
    prefilled = actions.from_sign(sign)
    key = f"sign_action_{sign.key}"
    with st.popover("Turn into an action", icon=":material/add_task:"):
        with st.form(key, border=False):
            title = st.text_input("What will be done", value=prefilled["title"],
                                  key=f"{key}_title", max_chars=actions.TITLE_LENGTH)
            st.caption(f"Stage: {LABELS.get(prefilled['stage'], '—')} · Department: "
                       f"{md(prefilled['department'] or '—')} · Impact: {prefilled['impact']} "
                       f"of 5 ({sign.status} sign)")
            left, middle, right = st.columns(3)
            owner = left.text_input("Owner", key=f"{key}_owner", placeholder="Sam")
            effort = middle.slider("Effort (time)", 1, 5, prefilled["effort"],
                                   key=f"{key}_effort")
            due = right.date_input("Due", value=dt.date.fromisoformat(prefilled["due"]),
                                   min_value=dt.date.today(), key=f"{key}_due",
                                   format="YYYY-MM-DD")
            added = st.form_submit_button("Add to the action list", icon=":material/add_task:",
                                          type="primary")
    if added:       # out here, a refusal shows on the card, not inside a closed popover
        values = {**prefilled, "title": title, "owner": owner, "effort": effort, "due": due}
        save(lambda: actions.add_action(ctx.db, values),
             f"Added to the Workshop page's action list: {title.strip()}")


def show_details(sign) -> None:
    definition, trend, evidence = st.tabs(["Definition and working", "Trend", "Evidence"])
    with definition:
        st.write(sign.definition)
        for line in sign.working:
            st.text(for_the_room(line))
        if sign.rule:
            st.caption(f"Status: {sign.rule}")
        st.caption(f"Default thresholds: {sign.source}")
        if not sign.measured:
            st.caption(f"Next step: {sign.next_step}")
    with trend:
        if sign.trend.empty or sign.trend["value"].isna().all():
            st.caption("No trend to show: nothing measured it month by month.")
        else:
            figure = figures.trend_figure(sign, large=ctx.presenter)
            st.plotly_chart(charts.for_presenter(figure) if ctx.presenter else figure,
                            width="stretch", key=f"trend_{sign.key}")
            st.caption(sign.trend_note)
    with evidence:
        if st.toggle("Show the clients and events behind the figure",
                     key=f"evidence_{sign.key}"):
            show_evidence(sign)


def show_evidence(sign) -> None:
    """Each table's count and first rows (asked of SQLite: under a second at a million
    clients); the downloads read the whole tables when clicked."""
    with st.spinner("Finding the clients and events behind the figure…"):
        tables = frame.cached(signs.first_sign_evidence)(ctx, sign.key, ctx.filters,
                                                          EVIDENCE_ROWS)
    currency = frame.cached(get_setting)(ctx, "currency") or "$"
    if not sign.measured and any(table.count for table in tables.values()):
        st.caption("Not measured (see the working), so no figure rests on these: they are "
                   "what the sign looks at, listed so you can check them.")
    for name in ("events", "clients"):
        table = tables[name]
        st.markdown(f"**{name.capitalize()}** ({table.count:,})")
        if not table.count:
            st.caption(f"No {name} behind this figure.")
            continue
        if table.count > EVIDENCE_ROWS:
            st.caption(f"Showing the first {EVIDENCE_ROWS:,}; the downloads hold all "
                       f"{table.count:,}." if widgets.downloads_shown() else
                       f"Showing the first {EVIDENCE_ROWS:,} of {table.count:,}.")
        # A column empty on every row shown only widens the grid (it scrolled sideways);
        # the downloads keep every column, so each sign's file has the same columns.
        empty = widgets.empty_columns(table.first)
        widgets.table(table.first.drop(columns=empty), currency=currency, width="stretch")
        if empty:
            rows = "row shown" if table.count > len(table.first) else "row"
            kept = (f" (the downloads keep {'them' if len(empty) > 1 else 'it'})"
                    if widgets.downloads_shown() else "")
            st.caption(f"Not shown, empty on every {rows}: "
                       f"{', '.join(widgets.human_label(c) for c in empty)}{kept}.")
        widgets.download_table(lambda name=name: whole_evidence(sign.key, name),
                               f"{sign.key}-{name}", key=f"download_{sign.key}_{name}",
                               rows=table.count)


def whole_evidence(key: str, name: str) -> pd.DataFrame:
    """Every row of one of a sign's evidence tables, read on the download's own thread."""
    with frame.connection(ctx) as db:
        return signs.sign_evidence(db, key, ctx.filters, tables=(name,))[name]


def save(action, message: str) -> None:
    """Run a write; show its refusal, or remember the message and rerun."""
    try:
        action()
    except JourneyError as error:
        st.error(md(error))
        return
    widgets.flash(message)
    st.rerun()


def show_settings() -> None:
    """Thresholds and keyword classes, for the facilitator (never in presenter mode)."""
    with st.expander("Thresholds and keyword classes", icon=":material/tune:"):
        st.write("Each sign turns amber and red at these values. The defaults and where "
                 "they come from are shown beside them; change them to suit the business.")
        table = frame.cached(signs.thresholds_table)(ctx)
        # the sources are sentences: listed under the grid, which then fits 1280 px (with
        # them it scrolled 381 px sideways)
        edited = widgets.editor(
            table, THRESHOLD_LABELS, key="signs_thresholds_editor", width="stretch",
            column_order=["sign", "threshold", "value", "unit", "default"],
            disabled=["sign", "threshold", "unit", "default", "source"],
            column_config={"value": st.column_config.NumberColumn(min_value=0.0,
                                                                  required=True)})
        sources = table.drop_duplicates("sign")
        st.markdown(f"**{THRESHOLD_LABELS['source']}**\n\n" + "\n".join(
            f"- {md(row.sign)}: {md(row.source)}" for row in sources.itertuples()))
        save_column, reset_column, _ = st.columns([1, 1, 3])
        if save_column.button("Save thresholds", key="signs_thresholds_save",
                              icon=":material/save:"):
            changes = {}
            for row in edited.itertuples():
                if row.value != table.loc[row.Index, "value"]:
                    changes.setdefault(row.key, {})[row.name] = row.value
            save(lambda: signs.set_thresholds(ctx.db, changes),
                 "Saved the thresholds." if changes else "Nothing changed.")
        if reset_column.button("Back to the defaults", key="signs_thresholds_reset"):
            save(lambda: signs.reset_thresholds(ctx.db), "Thresholds back to the defaults.")

        st.divider()
        st.write("A lost deal's or an objection's reason says the lead did not understand "
                 "the offer when it contains one of these keywords (any case).")
        classes = frame.cached(signs.get_keyword_classes)(ctx)
        words = pd.DataFrame({"class": list(classes),
                              "keywords": [", ".join(w) for w in classes.values()]})
        edited_words = widgets.editor(
            words, key="signs_keywords_editor", width="stretch",
            num_rows="dynamic",
            column_config={"class": st.column_config.TextColumn("Class", required=True),
                           "keywords": st.column_config.TextColumn(
                               "Keywords (separated by commas)", required=True)})
        save_column, reset_column, _ = st.columns([1, 1, 3])
        if save_column.button("Save keywords", key="signs_keywords_save",
                              icon=":material/save:"):
            parsed = {str(r["class"] or "").strip(): str(r["keywords"] or "").split(",")
                      for r in edited_words.to_dict("records")
                      if str(r["class"] or "").strip() or str(r["keywords"] or "").strip()}
            save(lambda: signs.set_keyword_classes(ctx.db, parsed), "Saved the keywords.")
        if reset_column.button("Back to the defaults", key="signs_keywords_reset"):
            save(lambda: signs.set_keyword_classes(ctx.db, None), "Keywords back to the "
                                                                  "defaults.")


widgets.show_flashes()
st.caption(for_the_room(report.period.note))
show_score(report.score)
if not any(s.measured for s in report.signs):
    if ctx.filters != NO_FILTERS and any(
            s.measured for s in frame.cached(signs.compute_signs)(ctx, NO_FILTERS).signs):
        widgets.empty_state(
            "Nothing measures the signs for these clients",
            "The clients the filters choose did nothing in this period that measures a sign. "
            f"Clear the filters{'' if ctx.presenter else ' in the sidebar'}, or choose "
            "others, to see the signs your data measures.",
            icon=":material/filter_alt_off:")
    else:
        widgets.empty_state(
            "Nothing measures the signs yet",
            "Import a client tracker, a CRM export, an order list, a returns list or a "
            "complaints log on the Import page, or assess each sign yourself below.",
            icon=":material/health_and_safety:")
for card in report.red_first():
    show_card(card)
if ctx.editing:
    show_settings()
