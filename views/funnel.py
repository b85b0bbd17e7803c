"""Funnel: where customers are in the journey, where they leave it, and which segment
converts best. Every figure follows the sidebar's filters, the model and the window."""

import pandas as pd
import streamlit as st

from journey import figures, funnel, paths
from journey.errors import JourneyError
from journey.workshop import kpis
from journey.workspace import get_setting
from journey_ui import frame, widgets
from journey_ui.text import md

STALLED_COLUMNS = {"client_id": "Client ID", "name": "Name", "label": "Stage",
                   "since": "In stage since", "days_in_stage": "Days in stage",
                   "owner": "Owner", "last_contact": "Last contact", "channel": "Channel",
                   "persona": "Persona"}

STALLED_SHOWN = 1000        # rows drawn on the page; the download has every one

ctx = frame.page_context()
font = 18 if ctx.presenter else 14
st.title("Funnel")

total = frame.cached(funnel.compute_funnel)(ctx, model="pre-awareness")     # every client
if not int(total["clients"].iloc[0]):
    widgets.empty_state("No clients in this workspace yet",
                        "Import a client list, a CRM export or an order list on the Import page; "
                        "the funnel shows how far each client got.")
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
    st.info("No clients match the filters in the sidebar.")
    st.stop()

# --- the funnel and where clients are now -------------------------------------------------
drop = funnel.biggest_drop(stages)
if drop:
    widgets.sentence(drop.sentence)
chart, now = st.columns([3, 2])
with chart:
    st.subheader("How far clients got", anchor=False)
    st.plotly_chart(figures.funnel_figure(stages, drop, font_size=font), key="funnel_chart")
    within = f" within {window} days of first contact" if window is not None else ""
    st.caption(f"{first:,} clients. Each stage counts the clients who reached it{within}, "
               "whether or not they stayed.")
with now:
    st.subheader("Where they are now", anchor=False)
    current = frame.cached(funnel.current_stages)(ctx, filters=ctx.filters, model=model)
    st.plotly_chart(figures.current_figure(current, font_size=font), key="current_chart")
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
st.dataframe(money, hide_index=True, width="stretch", key="money_table")
if stake.has_revenue:
    at_average = int(stake.steps["at_average"].sum())
    st.caption(md(
        "Clients lost on the way to the next stage × the revenue per purchase of their "
        "persona (the revenue of its customers ÷ their purchases): what one more purchase "
        "from each would have brought."
        + (f" {at_average:,} of them belong to a persona with no revenue of its own and are "
           f"valued at the business's average, {currency}{stake.average:,.0f}."
           if at_average else "")))
table = stages.rename(columns={"label": "Stage", "clients": "Clients",
                               "pct_of_previous": "% of previous", "pct_of_first": "% of first",
                               "drop_off": "Drop-off"}).drop(columns=["stage"])
with st.expander("The funnel as a table"):
    st.dataframe(table, hide_index=True, width="stretch")
    widgets.download_table(table, "funnel", key="funnel_table")

segments, cohorts, timing, moves, stalled = st.tabs(
    ["Segments", "Cohorts", "Time to convert", "Moves between stages", "Stalled clients"])

# --- segments -----------------------------------------------------------------------------
with segments:
    fields = frame.cached(funnel.segment_fields)(ctx)
    if not fields:
        st.info("No client has a persona, channel, client type, region, buyer type or owner "
                "yet, so there is nothing to compare.")
    else:
        by = st.selectbox("Compare by", fields, key="funnel_segment_field",
                          format_func=lambda f: f.replace("_", " ").capitalize())
        by_segment = frame.cached(funnel.compute_funnel_by)(ctx, by, top=6, **options)
        target = "purchase"
        best = funnel.best_segment(by_segment, target)
        if best:
            widgets.sentence(best["sentence"])
        seg_table = funnel.segment_table(by_segment)
        st.plotly_chart(figures.segment_figure(seg_table, font_size=font), key="segment_chart")
        st.caption("The six largest segments, the rest as \"other\". Bars: the share of each "
                   "segment's clients who reached the stage.")
        download = seg_table.rename(columns={"segment": by})
        with st.expander("Segments as a table"):
            st.dataframe(download, hide_index=True, width="stretch")
            widgets.download_table(download, f"funnel_by_{by}", key="segment_table")

# --- cohorts ------------------------------------------------------------------------------
with cohorts:
    trend = frame.cached(funnel.cohort_conversion)(ctx, **options)
    if trend.empty:
        st.info("No client has a first-contact date, so there are no monthly cohorts.")
    else:
        st.plotly_chart(figures.cohort_figure(trend, font_size=font), key="cohort_chart")
        st.caption("Clients grouped by the month of their first contact. Recent months have "
                   "had less time to convert" + (f" (under {window} days)" if window is not None
                                                 else "") + ": they are shaded.")
        with st.expander("Cohorts as a table"):
            st.dataframe(trend, hide_index=True, width="stretch")
            widgets.download_table(trend, "funnel_cohorts", key="cohort_table")

# --- time to convert ----------------------------------------------------------------------
with timing:
    durations = frame.cached(funnel.stage_durations)(ctx, filters=ctx.filters, model=model)
    to_purchase = durations.iloc[-1]
    buckets = frame.cached(funnel.time_to_convert)(ctx, filters=ctx.filters)
    if not durations["clients"].any():
        st.info("Time between stages needs dated stages: events with dates, or a first "
                "contact and a purchase date.")
    else:
        if to_purchase["clients"]:
            st.metric("Median time from first contact to purchase",
                      f"{to_purchase['median_days']:g} days",
                      help=f"Over {int(to_purchase['clients']):,} clients with both dates.")
        left, right = st.columns(2)
        left.plotly_chart(figures.durations_figure(durations, font_size=font),
                          key="durations_chart")
        left.caption("Median days from reaching one stage to reaching the next, over the "
                     "clients with both dates.")
        right.plotly_chart(figures.buckets_figure(buckets, font_size=font), key="buckets_chart")
        right.caption("How long buyers took from first contact to purchase.")
        with st.expander("Time to convert as tables"):
            st.dataframe(durations, hide_index=True, width="stretch")
            widgets.download_table(durations, "funnel_time_between_stages", key="durations_table")
            st.dataframe(buckets, hide_index=True, width="stretch")
            widgets.download_table(buckets, "funnel_time_to_purchase", key="buckets_table")

# --- moves between stages -----------------------------------------------------------------
with moves:
    transitions = frame.cached(paths.stage_transitions)(ctx, filters=ctx.filters, model=model)
    widgets.sentence(transitions.sentence)
    if transitions.links.empty:
        st.info("Moves between stages come from dated events that name a stage (a CRM "
                "export, an activity log).")
    else:
        a, b, c = st.columns(3)
        a.metric("Skipped a stage", f"{transitions.clients_skipped:,}")
        b.metric("Went back", f"{transitions.clients_back:,}")
        c.metric("Left", f"{sum(transitions.left.values()):,}",
                 help="Lost or churned, from the stage they were at.")
        st.plotly_chart(figures.sankey_figure(transitions, font_size=font), key="sankey_chart")
        st.caption("Left: the stage clients moved from; right: where they went next. Blue "
                   "moves one stage on, orange skips ahead, red goes back, grey leaves.")
        with st.expander("Moves as a table"):
            st.dataframe(transitions.links, hide_index=True, width="stretch")
            widgets.download_table(transitions.links, "funnel_moves", key="moves_table")

# --- stalled clients ----------------------------------------------------------------------
with stalled:
    stall_days = get_setting(ctx.db, "stall_days")
    as_of = frame.cached(funnel.as_of_date)(ctx)
    stuck = frame.cached(funnel.stalled_clients)(ctx, filters=ctx.filters, stall_days=stall_days)
    st.caption(f"Active clients in the same stage for more than {stall_days} days on "
               f"{as_of} (the latest date in the data), longest first.")
    if stuck.empty:
        st.success("No client is stalled.")
    else:
        st.metric("Stalled clients", f"{len(stuck):,}")
        shown = stuck.drop(columns=["stage"]).rename(columns=STALLED_COLUMNS)
        if len(shown) > STALLED_SHOWN:
            st.caption(f"The {STALLED_SHOWN:,} longest stalled are shown; the download has "
                       f"all {len(shown):,}.")
        st.dataframe(shown.head(STALLED_SHOWN), hide_index=True, width="stretch")
        widgets.download_table(shown, "stalled_clients", key="stalled_table")
