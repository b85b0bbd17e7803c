"""Clients: the "track and analyse your buyer" sheet. A searchable, sortable, filterable
table read one page at a time, a client's detail and timeline, and the reward/effort
matrix; the whole view downloads as CSV or Excel."""

import functools
import math
from pathlib import Path

import streamlit as st

from journey import charts, clients, figures
from journey.stages import LABELS, stage_model
from journey.workspace import get_setting
from journey_ui import frame, widgets
from journey_ui.text import html, md

ROOT = Path(__file__).resolve().parent.parent
PAGE_SIZES = (25, 50, 100, 200)
WIDE_LIST = 6       # columns past which the list is wider than a laptop's page
ORDERS = ("Ascending", "Descending")
KEEP = "session"     # page choices survive a visit to another page
OUTCOME_COLOURS = {None: "green", "lost": "red", "churned": "orange", "cancelled": "orange"}


def clear_page_filters() -> None:
    """Forget the search and the page's own filters (a button callback)."""
    st.session_state["clients_search"] = ""
    st.session_state["clients_furthest"] = []
    st.session_state["clients_outcome"] = []


def open_selected(table_key: str, ids: list[int]) -> None:
    """Open the client whose row was selected in the table (an on_select callback)."""
    rows = st.session_state[table_key]["selection"]["rows"]
    if rows and rows[0] < len(ids):
        st.session_state["client_open"] = ids[rows[0]]


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_figure(builder: str, data, **options):
    """A plotly figure from ``figures.<builder>(data, **options)``, kept as the object
    itself: plotly validates a figure again when unpickled, which costs as much as
    building it. In presenter mode its type is the presenter's (charts.for_presenter)."""
    figure = getattr(figures, builder)(data, **options)
    if figure is not None and options.get("presenter"):
        charts.for_presenter(figure)
    return figure


def money_format(currency: str, amounts) -> str:
    """Money with thousands separators: whole where every amount shown is ("$41,790"), to
    the cent where one is not (a shop's client of "$72.54" is not shown "$73", which the
    client's own Revenue tile gives to the cent)."""
    known = [float(a) for a in amounts if isinstance(a, (int, float)) and a == a]
    return currency.replace("%", "%%") + ("%,.0f" if all(a.is_integer() for a in known)
                                          else "%,.2f")


def column_config(rows, columns: list[str], currency: str) -> dict:
    """Number formats for the table's money and count columns, keyed by label (the money
    of each column by the amounts on this page, ``rows``)."""
    formats = {"count": "%,d", "number": "localized"}
    config = {}
    for c in columns:
        label, kind = clients.COLUMN_LABELS[c], clients.column_kind(c)
        if kind == "money":
            amounts = rows[label].tolist() if label in rows else []
            config[label] = st.column_config.NumberColumn(
                format=money_format(currency, amounts))
        elif kind in formats:
            config[label] = st.column_config.NumberColumn(format=formats[kind])
    if "name" in columns:       # the list scrolls sideways under its clients' names
        config[clients.COLUMN_LABELS["name"]] = st.column_config.Column(pinned=True)
    return config


ctx = frame.page_context()
if st.session_state.get("_clients_workspace") != ctx.workspace:   # ids belong to a workspace
    st.session_state["_clients_workspace"] = ctx.workspace
    st.session_state["client_open"] = None
total = frame.cached(clients.client_count)(ctx)
currency = frame.cached(get_setting)(ctx, "currency") or "$"
st.title("Clients")

if not total:
    widgets.empty_state(
        "No clients yet",
        "Import your client tracker, CRM export or order list, and every client appears "
        "here with how far they got in the journey, their history and what they are worth.",
        icon=":material/group_off:")
    if (ROOT / "pages" / "import.py").exists():
        st.page_link("views/import.py", label="Go to Import", icon=":material/arrow_forward:")
    st.stop()

# --- the view ---------------------------------------------------------------------------

search_col, stage_col, outcome_col = st.columns([2.2, 1.4, 1.4])
search = search_col.text_input(
    "Search", key="clients_search", placeholder="Name, email, client ID or contact",
    icon=":material/search:", persist_state=KEEP)
stages = stage_model(bool(frame.cached(get_setting)(ctx, "pre_awareness")))
furthest = stage_col.multiselect("Furthest stage", stages, format_func=LABELS.get,
                                 key="clients_furthest", placeholder="All stages",
                                 persist_state=KEEP)
outcomes = outcome_col.multiselect("Outcome", list(clients.OUTCOME_LABELS),
                                   format_func=clients.OUTCOME_LABELS.get,
                                   key="clients_outcome", placeholder="All outcomes",
                                   help="Active: not lost, churned or cancelled.",
                                   persist_state=KEEP)
sort_col, order_col, size_col, columns_col = st.columns([1.6, 1, 0.8, 1.6],
                                                        vertical_alignment="bottom")
sort = sort_col.selectbox("Sort by", list(clients.COLUMN_LABELS),
                          index=list(clients.COLUMN_LABELS).index("name"),
                          format_func=clients.COLUMN_LABELS.get, key="clients_sort",
                          persist_state=KEEP)
order = order_col.selectbox("Order", ORDERS, key="clients_order", persist_state=KEEP)
size = size_col.selectbox("Rows per page", PAGE_SIZES, index=1, key="clients_page_size",
                          persist_state=KEEP)
with columns_col.popover("Columns", icon=":material/view_column:", width="stretch"):
    chosen = st.multiselect("Columns to show", list(clients.COLUMN_LABELS),
                            default=list(clients.DEFAULT_COLUMNS),
                            format_func=clients.COLUMN_LABELS.get, key="clients_columns",
                            persist_state=KEEP,
                            help="Fields from your tracker and figures Journey works out "
                                 "from the events (furthest stage, first and last dates, "
                                 "counts, the date each stage was reached).")
columns = clients.check_columns(chosen or ["name"])
query = clients.ClientQuery(search.strip(), tuple(furthest), tuple(outcomes), sort,
                            order == "Descending")
matching = frame.cached(clients.count_clients)(ctx, ctx.filters, query)

if not matching:
    widgets.empty_state(
        "No clients match",
        f"None of the {total:,} clients matches the search and filters. Try fewer words, "
        "or clear the filters here" + ("." if ctx.presenter else " and in the sidebar."),
        icon=":material/search_off:")
    st.button("Clear search and page filters", icon=":material/filter_alt_off:",
              on_click=clear_page_filters)
    st.stop()

view = (ctx.workspace, ctx.version, ctx.filters, query, size)
if st.session_state.get("_clients_view") != view:       # a new view starts on page 1
    st.session_state["_clients_view"] = view
    st.session_state["clients_page"] = 1
pages = max(1, math.ceil(matching / size))
page = min(max(1, int(st.session_state.get("clients_page") or 1)), pages)
st.session_state["clients_page"] = page
first = (page - 1) * size

with st.spinner("Reading the clients…"):
    rows = frame.cached(clients.client_rows)(ctx, ctx.filters, query, columns, limit=size,
                                              offset=first)
ids = [int(i) for i in rows.index]
st.caption(f"Showing {first + 1:,}–{first + len(rows):,} of **{matching:,}** matching clients"
           + ("" if matching == total else f" ({total:,} in the workspace)")
           + ". Select a row to open the client."
           + (f" Scroll the list sideways for all {len(columns)} columns (the name stays "
              "put), or choose fewer under Columns." if len(columns) > WIDE_LIST else ""))
table_key = f"clients_table_{abs(hash((view, page, columns))) % 10**8}"
row_height = 46 if ctx.presenter else 35
widgets.table(rows, key=table_key, on_select=functools.partial(
    open_selected, table_key, ids), selection_mode="single-row",
    column_config=column_config(rows, list(columns), currency), row_height=row_height,
    height=min(len(rows), 15 if ctx.presenter else 12) * row_height + 40)

if pages > 1:
    back, number, forward, _ = st.columns([1, 1, 1, 3], vertical_alignment="bottom")
    back.button("Previous", icon=":material/chevron_left:", disabled=page <= 1,
                on_click=lambda: st.session_state.update(clients_page=page - 1),
                width="stretch")
    number.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, step=1,
                        key="clients_page")
    forward.button("Next", icon=":material/chevron_right:", disabled=page >= pages,
                   on_click=lambda: st.session_state.update(clients_page=page + 1),
                   width="stretch")

if widgets.downloads_shown():
    st.caption(f"Download all {matching:,} matching clients (every page, the columns shown):")


def build_download():
    """Every matching client, read on the download's own thread."""
    with frame.connection(ctx) as db:
        return clients.export_rows(db, ctx.filters, query, columns)


widgets.download_table(build_download, "clients", "clients_download", rows=matching)

# --- one client ---------------------------------------------------------------------------

st.subheader("Client detail")
opened = st.session_state.get("client_open")
options = ids + ([opened] if opened is not None and opened not in ids else [])
labels = frame.cached(clients.client_labels)(ctx, tuple(options))
if opened is not None and opened not in labels:       # deleted or another workspace
    st.session_state["client_open"] = None
    options = ids
opened = st.selectbox("Open a client", options, index=None, key="client_open",
                      format_func=lambda i: labels.get(i, f"client {i}"),
                      placeholder="Choose a client on this page, or select a row above")

if opened is None:
    st.caption("The detail shows every field, how far the client got and when, and a "
               "timeline of everything that happened.")
else:
    detail = frame.cached(clients.client_detail)(ctx, opened, currency)
    timeline = frame.cached(clients.client_timeline)(ctx, opened)
    with st.container(border=True):
        st.html(f'<h3 style="margin:0">{html(detail["label"])}</h3>')
        since = detail["stage_since"]
        outcome = clients.format_value("outcome", detail["outcome"])
        st.markdown(
            f":blue-badge[:material/flag: Furthest stage: "
            f"{LABELS.get(detail['furthest_stage'], 'not known')}] "
            f":gray-badge[:material/location_on: Now: "
            f"{LABELS.get(detail['current_stage'], 'not known')}"
            + (f", since {since[:10]}" if since else "") + "] "
            f":{OUTCOME_COLOURS.get(detail['outcome'], 'orange')}-badge[{md(outcome)}]")
        tiles = st.columns(4)
        tiles[0].metric("Revenue", md(clients.format_value(
            "client_revenue", detail["revenue"], currency)) or "—")
        tiles[1].metric("Revenue potential", md(clients.format_value(
            "revenue_potential", detail["revenue_potential"], currency)) or "—")
        tiles[2].metric("Purchases", f"{detail['purchases']:,.0f}")
        tiles[3].metric("Events", f"{len(timeline):,}")
        journey_col, timeline_col = st.columns([1.3, 2])
        with journey_col:
            st.markdown("**Journey**")
            widgets.table(detail["stages"], width="stretch")
        with timeline_col:
            st.markdown(f"**Timeline** ({len(timeline):,} events)")
            figure = cached_figure("timeline_figure", timeline, presenter=ctx.presenter)
            if figure is None:
                st.caption("No dated events for this client.")
            else:
                st.plotly_chart(figure, config={"displayModeBar": False},
                                key=f"timeline_{opened}")
        if len(timeline):
            wide = st.column_config.TextColumn(width="large")
            widgets.table(timeline.dropna(axis=1, how="all"),
                          height=min(len(timeline), 10) * 35 + 40,
                          formats={"Amount": "money"},     # no currency: an NPS score too
                          column_config={"Reason": wide, "Note": wide, "More": wide})
        fields_col, extra_col = st.columns([1.3, 1])
        with fields_col:
            st.markdown("**Every field**")
            show_empty = st.toggle("Show empty fields", key="client_show_empty")
            fields = detail["fields"]
            if not show_empty:
                fields = fields[fields["Value"] != ""]
            widgets.table(fields, width="stretch", height=min(len(fields), 14) * 35 + 40)
        with extra_col:
            st.markdown("**Columns kept from your spreadsheet**")
            if len(detail["extra"]):
                widgets.table(detail["extra"], width="stretch")
            else:
                st.caption("None: every column of this client's rows matched a field.")

# --- the reward/effort matrix ----------------------------------------------------------------

st.subheader("Reward and effort")
by = st.radio("Place", list(clients.GROUPINGS), format_func=clients.GROUPINGS.get,
              horizontal=True, key="clients_matrix_by", persist_state=KEEP)
points = frame.cached(clients.reward_effort)(ctx, ctx.filters, query, by)
with_potential, without = frame.cached(clients.potential_counts)(ctx, ctx.filters, query)
if points.empty:
    st.info("None of these clients has a revenue potential, so none can be placed. Add a "
            "'Revenue (potential)' column to your tracker to rank them.")
else:
    figure = cached_figure("matrix_figure", points, by=by, currency=currency,
                           presenter=ctx.presenter)
    # the list under the chart: beside it, at 1280 px, it scrolled 137 px sideways
    chart_col = list_col = st.container()
    with chart_col:
        st.plotly_chart(figure, config={"displayModeBar": False}, key="reward_effort_chart")
    with list_col:
        name = "Client" if by == "client" else clients.GROUPINGS[by]
        table = points.rename(columns={
            "label": name, "quadrant": "Quadrant", "clients": "Clients",
            "revenue_potential": "Revenue potential", "revenue_current": "Revenue",
            "effort": "Effort"})
        shown = [name, "Quadrant", "Revenue potential", "Effort", "Revenue"] + (
            [] if by == "client" else ["Clients"])
        widgets.table(table[shown], width="stretch", height=min(len(table), 12) * 35 + 40,
                      formats={"Revenue potential": "money", "Revenue": "money",
                               "Effort": "number", "Clients": "count"}, currency=currency)
    st.caption(clients.matrix_caption(points, by, with_potential, without))
