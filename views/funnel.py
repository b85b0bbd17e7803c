"""Funnel: where customers are in the journey, where they leave it, and which segment
converts best. Every figure follows the sidebar's filters, the model and the window.

The first screen (the funnel, where clients are now, the segments) is drawn as HTML, not
plotly, and its money table is static: a new browser tab would spend 1-1.5 s on plotly's
script before the first figure, and more on the data grid's (issue 18). The five tabs below the funnel are lazy (``st.tabs(on_change="rerun")``): only
the open tab's figures are computed and drawn, so the page settles quickly on a large
workspace; ``st.session_state["funnel_tab"]`` names the open tab."""

import pandas as pd
import streamlit as st

from journey import charts, figures, funnel, overview, paths
from journey.errors import JourneyError
from journey.text import counted, days_text
from journey.workshop import kpis
from journey.workspace import get_setting
from journey_ui import frame, widgets
from journey_ui.text import md

STALLED_COLUMNS = {"client_id": "Client ID", "name": "Name", "label": "Stage",
                   "since": "In stage since", "days_in_stage": "Days in stage",
                   "owner": "Owner", "last_contact": "Last contact", "channel": "Channel",
                   "persona": "Persona"}

STALLED_SHOWN = 1000        # rows drawn on the page; the download has every one
TABS = ["Segments", "Cohorts", "Time to convert", "Moves between stages", "Stalled clients"]
FUNNEL_LABELS = {"label": "Stage", "clients": "Clients", "pct_of_previous": "% of previous",
                 "pct_of_first": "% of first", "drop_off": "Drop-off",
                 "missing": "Not measured"}
SEGMENT_LABELS = {"segment_clients": "Clients in the segment", "label": "Stage",
                  "clients": "Reached the stage", "pct_of_previous": "% of previous",
                  "pct_of_first": "% of the segment"}
COHORT_LABELS = {"cohort": "Month of first contact", "cohort_clients": "Clients in the cohort",
                 "label": "Stage", "clients": "Reached the stage", "pct": "% of the cohort",
                 "young": "Recent (less time to convert)"}
DURATION_LABELS = {"label": "Step", "clients": "Clients with both dates",
                   "median_days": "Median days"}
BUCKET_LABELS = {"bucket": "Time to purchase", "clients": "Buyers", "pct": "% of buyers"}
MOVE_LABELS = {"source_label": "From", "target_label": "To", "kind": "Move",
               "moves": "Moves", "clients": "Clients"}
MOVE_KINDS = {"forward": "One stage on", "skip": "Skipped ahead", "back": "Went back",
              "left": "Left"}

ctx = frame.page_context()
font = 18 if ctx.presenter else 14


def chart(figure, key: str) -> None:
    """A figure, readable from the back of the room in presenter mode."""
    st.plotly_chart(charts.for_presenter(figure) if ctx.presenter else figure, key=key)


def shown_as_table(table, labels: dict, stem: str, key: str, shown=None, **options) -> None:
    """A table as people read it, with its CSV and Excel downloads under the same headers
    (``shown``: the table as the page shows it, when its cells are shorter)."""
    widgets.table(table if shown is None else shown, labels, width="stretch", **options)
    download = table.rename(columns=lambda c: widgets.human_label(c, labels))
    widgets.download_table(download, stem, key=key)

st.title("Funnel")

total = frame.cached(funnel.compute_funnel)(ctx, model="pre-awareness")     # every client
if not int(total["clients"].iloc[0]):
    events = frame.cached(overview.data_health)(ctx).events
    # (a deals export naming no client: its events are here, not counted)
    widgets.empty_state(*overview.no_clients_said(events),
                        icon=":material/person_off:" if events else ":material/inbox:")
    st.page_link("views/import.py", label="Go to Import", icon=":material/upload_file:")
    st.stop()

models = list(funnel.MODELS)
if "funnel_model" not in st.session_state:
    st.session_state["funnel_model"] = ("pre-awareness" if get_setting(ctx.db, "pre_awareness")
                                        else "stages")
left, right = st.columns([3, 2])
model = left.segmented_control("Stages", models, key="funnel_model",
                               format_func=funnel.MODELS.get, selection_mode="single") \
    or "stages"
window = right.number_input(
    "Conversion window (days from first contact)", min_value=0, max_value=3650, value=None,
    step=30, key="funnel_window", placeholder="no window",
    help="Count a client for a stage only if it got there within this many days of its "
         "first contact. Empty: however long it took.")
window = None if window is None else int(window)
options = dict(filters=ctx.filters, model=model, window_days=window)

try:
    stages = frame.cached(funnel.compute_funnel)(ctx, **options)
except JourneyError as error:
    st.error(md(error))
    st.stop()
first = int(stages["clients"].iloc[0])
if not first:
    st.info("No clients match the filters." if ctx.presenter
            else "No clients match the filters in the sidebar.")
    st.stop()

# --- the funnel and where clients are now -------------------------------------------------
# A stage nothing in the data measures (no repeat purchase, no referral anywhere) shows "–"
# and what to import, and the biggest drop-off stops before it: never "100% did not ...".
# Buyers too new to have come back are left out of the drop-off after purchase, as on the
# Overview, so both pages give the same headline (a conversion window sets its own time).
missing = frame.cached(overview.missing_evidence)(ctx)
too_new = frame.cached(funnel.too_new_buyers)(ctx, ctx.filters) if window is None else 0
stages = overview.with_too_new(stages.assign(missing=overview.unmeasured(stages, missing)),
                               too_new)
drop = overview.measured_drop(stages)
if drop:
    widgets.sentence(drop.sentence)
drawn, now = st.columns([3, 2])
with drawn:
    st.subheader("How far clients got", anchor=False)
    st.html(figures.funnel_html(stages, drop))
    within = f" within {window} days of first contact" if window is not None else ""
    st.caption(f"{counted(first, 'client')}. Each stage counts the clients who reached it{within}, "
               "whether or not they stayed.")
    if too_new and not stages.loc[stages["too_new"] > 0, "missing"].map(bool).any():
        st.caption(f"{too_new:,} bought in the last {funnel.CHANCE_DAYS} days: too new to "
                   "have come back, so the drop-off after purchase leaves them out.")
    for sentence in dict.fromkeys(m for m in stages["missing"] if m):
        st.caption(f":material/help: {md(sentence)}")
with now:
    st.subheader("Where they are now", anchor=False)
    current = frame.cached(funnel.current_stages)(ctx, filters=ctx.filters, model=model)
    current = current.assign(missing=overview.unmeasured(current, missing))
    st.html(figures.current_html(current))
    st.caption("Lost and churned clients are shown at the stage they left from.")
st.subheader("What the drop-off costs", anchor=False)
currency = get_setting(ctx.db, "currency")
stake = frame.cached(funnel.money_at_stake)(ctx, by="persona", currency=currency, **options)
widgets.sentence(stake.sentence)
money = pd.DataFrame({
    "From": stake.steps["label"], "To": stake.steps["next_label"],
    "Clients lost": [f"{n:,}" for n in stake.steps["clients_lost"]],
    **({"Revenue per purchase": [kpis.format_figure(v, "money", currency)
                                 for v in stake.steps["per_purchase"]],
        "Money at stake": [kpis.format_figure(v, "money", currency)
                           for v in stake.steps["money"]]} if stake.has_revenue else {})})
if len(money):
    widgets.static_table(money)      # static: no grid script to load on the first screen
if stake.has_revenue and len(money):
    at_average = int(stake.steps["at_average"].sum())
    after_purchase = stake.steps["next_stage"].isin(funnel.AFTER_PURCHASE_STEPS).any()
    st.caption(md(
        "Clients lost on the way to the next stage × the revenue per purchase of their "
        "persona (the revenue of its customers ÷ their purchases): what one more purchase "
        "from each would have brought."
        + (f" {at_average:,} of them belong to a persona with no revenue of its own and are "
           f"valued at the business's average, {currency}{stake.average:,.0f}."
           if at_average else "")
        + (f" The {counted(too_new, 'buyer')} of the last {funnel.CHANCE_DAYS} days are not "
           "counted lost: too new to have come back." if too_new and after_purchase else "")))
    if mixed := frame.cached(overview.currencies_added)(ctx):
        st.warning(md(overview.currencies_sentence(mixed)), icon=":material/currency_exchange:")
with st.expander("The funnel as a table"):
    # A stage nothing measures is empty there, as its tile is "–" (not 0 clients, 3 lost).
    table = overview.without_unmeasured(stages, missing)
    # "Not measured" in a few words, which fit its column at 1280 px and in presenter mode
    # (the whole sentence was cut off in the grid); the sentences follow, and the downloads
    # keep them.
    short = {stage: overview.STAGE_EVIDENCE_SHORT[stage] for stage in missing}
    shown = table.assign(missing=overview.unmeasured(table, short)).drop(
        columns=["stage", "too_new"])
    counts = {"drop_off": "count", "clients": "count"}
    if ctx.presenter:       # the grid's type stays small on a projector; a static table's grows
        widgets.static_table(shown, FUNNEL_LABELS, formats=counts)
    else:
        shown_as_table(table.drop(columns=["stage", "too_new"]), FUNNEL_LABELS, "funnel",
                       "funnel_table", shown=shown, formats=counts)
    for row in table[table["missing"].notna()].itertuples():
        st.caption(f"{md(row.label)}, not measured: {md(row.missing)}")
    # The drop-off there is every client of the step before who did not reach the stage;
    # the chart and the costs leave the buyers too new to have come back out of it.
    for row in table[(table["too_new"] > 0) & table["drop_off"].notna()].itertuples():
        st.caption(f"{md(row.label)}'s drop-off of {row.drop_off:,.0f} counts the "
                   f"{counted(row.too_new, 'buyer')} of the last {funnel.CHANCE_DAYS} days, "
                   f"too new to have come back: the chart and the costs leave them out "
                   f"({row.drop_off - row.too_new:,.0f} lost).")


# --- the tabs: each draws only when open ----------------------------------------------------

def show_segments() -> None:
    fields = frame.cached(funnel.segment_fields)(ctx)
    if not fields:
        st.info("No client has a persona, channel, client type, region, buyer type or owner "
                "yet, so there is nothing to compare.")
        return
    # The choice outlives the tab: a closed tab's widgets are forgotten, so it is kept
    # under a key of its own and given back when the tab opens again.
    kept = st.session_state.get("_funnel_segment_field")
    if "funnel_segment_field" not in st.session_state and kept in fields:
        st.session_state["funnel_segment_field"] = kept
    by = st.selectbox("Compare by", fields, key="funnel_segment_field",
                      format_func=lambda f: f.replace("_", " ").capitalize())
    st.session_state["_funnel_segment_field"] = by
    by_segment = frame.cached(funnel.compute_funnel_by)(ctx, by, top=6, **options)
    best = funnel.best_segment(by_segment, "purchase", unmeasured=missing)
    if best:
        widgets.sentence(best["sentence"])
    seg_table = funnel.segment_table(by_segment)
    # A step nothing in the data measures has no share to draw (0% bars would say nobody).
    seg_table = seg_table[overview.unmeasured(seg_table, missing).isna()]
    if seg_table["stage"].nunique() < 2:
        st.info("Your data measures no step after the first, so the segments cannot be "
                "compared.")
        return
    st.html(figures.segment_html(seg_table))
    st.caption("The six largest segments, the rest as \"other\". Bars: the share of each "
               "segment's clients who reached the stage; a stage your data does not "
               "measure is left out.")
    with st.expander("Segments as a table"):
        shown_as_table(seg_table.drop(columns=["stage"]),
                       {**SEGMENT_LABELS, "segment": by.replace("_", " ").capitalize()},
                       f"funnel_by_{by}", "segment_table")


def show_cohorts() -> None:
    trend = frame.cached(funnel.cohort_conversion)(ctx, **options)
    if trend.empty:
        st.info("No client has a first-contact date, so there are no monthly cohorts.")
        return
    chart(figures.cohort_figure(trend, font_size=font), "cohort_chart")
    st.caption("Clients grouped by the month of their first contact. Recent months have "
               "had less time to convert" + (f" (under {window} days)" if window is not None
                                             else "") + ": they are shaded.")
    with st.expander("Cohorts as a table"):
        shown_as_table(trend.drop(columns=["stage"]), COHORT_LABELS, "funnel_cohorts",
                       "cohort_table")


def show_timing() -> None:
    durations = frame.cached(funnel.stage_durations)(ctx, filters=ctx.filters, model=model)
    to_purchase = durations.iloc[-1]
    if not durations["clients"].any():
        st.info("Time between stages needs dated stages: events with dates, or a first "
                "contact and a purchase date.")
        return
    buckets = frame.cached(funnel.time_to_convert)(ctx, filters=ctx.filters)
    if to_purchase["clients"]:
        st.metric("Median time from first contact to purchase",
                  days_text(to_purchase["median_days"]),
                  help=f"Over {int(to_purchase['clients']):,} clients with both dates.")
    left, right = st.columns(2)
    with left:
        chart(figures.durations_figure(durations, font_size=font), "durations_chart")
        st.caption("Median days from reaching one stage to reaching the next, over the "
                   "clients with both dates.")
    with right:
        chart(figures.buckets_figure(buckets, font_size=font), "buckets_chart")
        st.caption("How long buyers took from first contact to purchase.")
    with st.expander("Time to convert as tables"):
        shown_as_table(durations.drop(columns=["from_stage", "to_stage"]), DURATION_LABELS,
                       "funnel_time_between_stages", "durations_table")
        shown_as_table(buckets, BUCKET_LABELS, "funnel_time_to_purchase", "buckets_table")


def show_moves() -> None:
    transitions = frame.cached(paths.stage_transitions)(ctx, filters=ctx.filters, model=model)
    widgets.sentence(transitions.sentence)
    if transitions.links.empty:
        st.info("Moves between stages come from dated events that name a stage (a CRM "
                "export, an activity log).")
        return
    a, b, c = st.columns(3)
    a.metric("Skipped a stage", f"{transitions.clients_skipped:,}")
    b.metric("Went back", f"{transitions.clients_back:,}")
    c.metric("Left", f"{sum(transitions.left.values()):,}",
             help="Lost or churned, from the stage they were at.")
    chart(figures.sankey_figure(transitions, font_size=font), "sankey_chart")
    st.caption("Left: the stage clients moved from; right: where they went next. Blue "
               "moves one stage on, orange skips ahead, red goes back, grey leaves.")
    links = transitions.links.drop(columns=["source", "target"])
    links["kind"] = links["kind"].map(lambda k: MOVE_KINDS.get(k, k))
    with st.expander("Moves as a table"):
        shown_as_table(links, MOVE_LABELS, "funnel_moves", "moves_table",
                       formats={"kind": "text"})


def show_stalled() -> None:
    stall_days = get_setting(ctx.db, "stall_days")
    as_of = frame.cached(funnel.as_of_date)(ctx)
    stuck = frame.cached(funnel.stalled_clients)(ctx, filters=ctx.filters, stall_days=stall_days)
    st.caption(f"Active clients in the same stage for more than {stall_days} days on "
               f"{as_of} (the latest date in the data), longest first.")
    if stuck.empty:
        st.success("No client is stalled.")
        return
    st.metric("Stalled clients", f"{len(stuck):,}")
    shown = stuck.drop(columns=["stage"])
    if len(shown) > STALLED_SHOWN:
        st.caption(f"The {STALLED_SHOWN:,} longest stalled are shown; the download has "
                   f"all {len(shown):,}." if widgets.downloads_shown() else
                   f"The {STALLED_SHOWN:,} longest stalled of {len(shown):,} are shown.")
    widgets.table(shown.head(STALLED_SHOWN), STALLED_COLUMNS, width="stretch",
                  formats={"since": "date", "last_contact": "date"})
    widgets.download_table(shown.rename(columns=STALLED_COLUMNS), "stalled_clients",
                           key="stalled_table")


# Lazy: switching tab reruns the page, and only the open tab runs its part (the analyses
# behind the others are neither computed nor drawn).
for tab, show in zip(st.tabs(TABS, key="funnel_tab", on_change="rerun"),
                     (show_segments, show_cohorts, show_timing, show_moves, show_stalled)):
    if tab.open:
        with tab:
            show()
