"""Overview: the five stages at a glance, the biggest drop-off, and the data's health."""

import pandas as pd
import streamlit as st

from journey.ingest import review
from journey.overview import (CHANCE_DAYS, currencies_sentence, data_health, measured_drop,
                              no_clients_said, revenue, stage_tiles)
from journey.text import change_text, counted, money_text, percent_text
from journey.workspace import get_setting
from journey_ui import frame, widgets
from journey_ui.text import md

ctx = frame.page_context()
health = frame.cached(data_health)(ctx)

if not health.clients and not health.events:
    # (imported here: the export's modules cost the first page of a new server 0.12 s)
    from journey.export.template import DATA_DIR, SAMPLE_NAME, TEMPLATE_NAME

    st.title("Welcome to Journey")
    st.write(f"The workspace **{md(ctx.workspace)}** is empty. Three ways to start:")
    upload, template, demo = st.columns(3)
    with upload.container(border=True):
        st.markdown("#### :material/upload_file: Upload your spreadsheet")
        st.write("A client tracker, a CRM export, an order list or a complaints log: "
                 "CSV, Excel or OpenDocument.")
        st.page_link("views/import.py", label="Go to Import", icon=":material/arrow_forward:")
    with template.container(border=True):
        st.markdown("#### :material/table_view: Start from the template")
        st.write("A client tracker with every column Journey understands, dropdowns and a guide.")
        st.download_button("Download the template", (DATA_DIR / TEMPLATE_NAME).read_bytes(),
                           TEMPLATE_NAME, icon=":material/download:")
        st.download_button("Download a filled-in sample", (DATA_DIR / SAMPLE_NAME).read_bytes(),
                           SAMPLE_NAME, icon=":material/download:")
    with demo.container(border=True):
        st.markdown("#### :material/storefront: Open the demo")
        st.write("Harbour & Pine, a furniture maker with 2,000 clients over two years.")
        st.button("Open the demo workspace", icon=":material/arrow_forward:",
                  on_click=lambda: st.session_state.update(_switch_workspace="demo"),
                  disabled="demo" == ctx.workspace)
    st.stop()


def show_health() -> None:
    """The workspace's data health: what it holds, the last import, what needs mapping."""
    st.subheader("Data health")
    last = health.last_import
    left, middle, right = st.container(border=True).columns(3)
    left.metric("Clients", f"{health.clients:,}")
    left.metric("Events", f"{health.events:,}")
    middle.metric("Rows rejected", f"{health.rejected_rows:,}",
                  help="Rows the imports could not use; the Import page lists them with reasons.")
    middle.metric("Stage values to map", f"{len(health.pending_stage_values):,}")
    right.metric("Personas", f"{health.personas:,}")
    right.metric("Touchpoints", f"{health.touchpoints:,}")
    if last:
        st.caption(f"Last import: {md(review.source_name(last.file, last.sheet))} on "
                   f"{last.created_at} UTC: {last.inserted:,} added, "
                   f"{last.updated:,} updated, {last.rejected:,} rejected. "
                   f"{health.imports:,} import{'s' if health.imports != 1 else ''} in all.")
    if health.currencies:
        st.warning(md(currencies_sentence(health.currencies)),
                   icon=":material/currency_exchange:")
    if health.pending_stage_values and ctx.editing:
        values = ", ".join(f"'{md(v)}'" for v in list(health.pending_stage_values)[:5])
        st.warning(f"Some stage values are not understood yet ({values}). Map them on the "
                   "Import page so those clients count in the funnel.",
                   icon=":material/help:")


st.title("Overview")
if not health.clients:        # events only, none naming a client: say so, not "0"
    widgets.empty_state(*no_clients_said(health.events), icon=":material/person_off:")
    st.page_link("views/import.py", label="Go to Import", icon=":material/upload_file:")
    show_health()
    st.stop()
with st.spinner("Counting the clients at each stage…"):
    tiles = frame.cached(stage_tiles)(ctx, ctx.filters)
period = "the previous period of the same length" if ctx.filters.date_from else None
stage_names = dict(zip(tiles["stage"], tiles["label"]))


def conversion_words(index: int) -> str:
    """How the tile's stage was reached from the one before ("49% of Awareness converted"),
    or why there is no share to give: the first stage, or the stage before it not measured
    or reached by nobody (not "first stage converted")."""
    if index == 0:
        return "first stage"
    before, row = tiles.iloc[index - 1], tiles.iloc[index]
    if isinstance(before["missing"], str):
        return f"{before['label']} not measured, so no share of it"
    if pd.isna(row["pct_of_previous"]):
        return f"nobody reached {before['label']}, so no share of it"
    return f"{percent_text(row['pct_of_previous'])} of {before['label']} converted"


columns = st.columns(len(tiles))
for column, row in zip(columns, tiles.itertuples()):
    conversion = conversion_words(row.Index)
    delta = None
    if period and not pd.isna(row.change_pct):
        delta = change_text(row.change_pct)
    with column.container(border=True):
        if isinstance(row.missing, str):
            # Nothing in the data measures this stage: no count, no colour, what to import.
            st.metric(row.label, "–", help=f"Not measured. {row.missing}")
            st.caption(row.missing)
            continue
        # The delta's words go in its description, which wraps, so a narrow tile does not
        # clip them ("+2% vs previous p…").
        st.metric(row.label, f"{row.clients:,}", delta,
                  delta_description="vs previous period" if delta else None,
                  help=f"Clients who reached {row.label} ({conversion})."
                  + (f" Compared with {period}." if period else "")
                  + (f" {row.note}" if isinstance(row.note, str) else ""))
        st.caption(conversion)
        if isinstance(row.note, str):
            st.caption(row.note)
        if row.too_new:
            st.caption(f"{row.too_new:,} bought in the last {CHANCE_DAYS} days: too new to "
                       "have come back.")

drop = measured_drop(tiles)
if drop:
    widgets.sentence(drop.sentence)
    # The sidebar, where the period is chosen, is tucked away in presenter mode.
    compare = "" if period or ctx.presenter else (" Choose a period in the sidebar to "
                                                  "compare with the period before.")
    st.caption(f"{counted(drop.clients_lost, 'client')} stopped between "
               f"{stage_names.get(drop.from_stage, drop.from_stage)} and "
               f"{stage_names.get(drop.to_stage, drop.to_stage)}."
               + (f" {drop.too_new:,} who first bought in the last {CHANCE_DAYS} days are "
                  "left out: too new to have come back." if drop.too_new else "")
               + compare)
elif not tiles["clients"].sum():
    st.info("No clients match the filters." if ctx.presenter
            else "No clients match the filters in the sidebar.")
elif isinstance(tiles["missing"].iloc[1], str):
    # Only the first stage is measured: there is no step whose drop-off could be small.
    st.caption(f"Your data measures only {tiles['label'].iloc[0]}, so no step between stages "
               "can be measured yet: each tile above says what to import.")
else:
    st.caption("No step between the stages your data measures loses as much as 1% of its "
               "clients.")

takings = frame.cached(revenue)(ctx, ctx.filters)
if takings.total is not None or takings.left_out:
    # Only where the data holds money: a client list without it shows no revenue at all.
    currency = get_setting(ctx.db, "currency")
    with st.container(border=True):
        st.metric("Revenue", "–" if takings.total is None
                  else money_text(takings.total, currency),
                  help="What the business took: the clients' revenue (a tracker's, or "
                       "their sales less refunds) and the sales that name no client.")
        st.caption(takings.sentence(currency))

show_health()
