"""Export: the whole workspace in one Excel workbook, built and downloaded in one click
(a large workspace is built first, with a progress bar, then downloaded)."""

import datetime as dt

import streamlit as st

from journey import export
from journey_ui import frame, widgets
from journey_ui.text import md

READY_KEY = "_export_ready"      # (workspace, version, filters), a built workbook's bytes
                                # and what it cuts


def build() -> bytes:
    """The workbook, built on another thread when the download button is clicked (so it
    opens its own connection to the workspace)."""
    with frame.connection(ctx) as db:
        return export.export_workbook(db, ctx.filters, workspace=ctx.workspace)


def download(data, filename: str) -> None:
    st.download_button("Download the workbook", data, filename, export.XLSX_MIME,
                       type="primary", icon=":material/download:", on_click="ignore",
                       key="export_download")


ctx = frame.page_context()
st.title("Export")
widgets.sentence("Everything in this workspace in one Excel workbook, ready to hand round.")
with st.spinner("Counting what the workbook will hold…"):
    contents = frame.cached(export.workbook_contents)(ctx, ctx.filters)
rows = contents.set_index("Sheet")["Rows"]
filename = export.export_filename(ctx.workspace, dt.date.today())
filtered = ctx.filters.where()[0] != "1"

# The sidebar, where the filters are, is tucked away in presenter mode: no pointing at it.
filters_are = "The filters" if ctx.presenter else "The sidebar's filters"
if filtered:
    st.info(f"{md(export.describe_filters(ctx.filters))} {filters_are} apply to the Clients "
            "sheet and its Events (and to the Overview, Funnel and Signs)"
            + ("." if ctx.presenter else "; clear them in the sidebar to export every client."),
            icon=":material/filter_alt:")
else:
    st.caption(f"{filters_are} apply to the Clients sheet and its Events (and to "
               "the Overview, Funnel and Signs). None is set: every client is in the workbook.")

large = int(rows["Clients"]) + int(rows["Events"]) > export.LARGE_WORKSPACE_ROWS
notes: list[str] = []           # what the workbook cuts, as its last sheet says it
if not large:
    download(build, filename)
    notes = frame.cached(export.workbook_notes)(ctx, ctx.filters)
else:
    key = (ctx.workspace, ctx.version, ctx.filters)
    ready = st.session_state.get(READY_KEY)
    if ready is not None and ready[0] != key:
        ready = st.session_state[READY_KEY] = None
    if ready is None and st.button("Build the workbook", type="primary",
                                   icon=":material/construction:",
                                   help="A large workspace takes a few seconds to write."):
        with st.status("Building the workbook…", expanded=True) as status:
            bar = st.progress(0.0, text="Starting")
            built = export.build_workbook(ctx.db, ctx.filters, workspace=ctx.workspace,
                                          progress=lambda done, step: bar.progress(done, step))
            status.update(label="The workbook is ready.", state="complete", expanded=False)
        ready = st.session_state[READY_KEY] = (key, *built)
    if ready is not None:
        download(ready[1], filename)
        notes = ready[2]
if notes:
    st.caption(md(" ".join(notes)))
st.caption(f"Saves as `{filename}`. Import it into an empty workspace to "
           "carry on where you left off: clients, events, personas, touchpoints, the "
           "function map, the goal and KPIs and the action list come back; the summary "
           "sheets are kept as reference.")

st.subheader("What the workbook holds")
if not rows["Clients"] and not rows["Events"]:
    st.caption("No clients or events yet: those sheets will hold their headers only.")
# The Overview's rows are not counted: its cell is empty.
widgets.table(contents, formats={"Rows": "count"}, width="stretch")
