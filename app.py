"""Journey's entry point. Until the app frame lands, it shows the workspace's figures."""

import streamlit as st

from journey.errors import JourneyError
from journey.funnel import biggest_drop, compute_funnel
from journey.workspace import DEFAULT_WORKSPACE, list_workspaces, open_workspace

st.set_page_config(page_title="Journey", page_icon=":material/route:", layout="wide")

names = list_workspaces() or [DEFAULT_WORKSPACE]
workspace = st.sidebar.selectbox("Workspace", names, key="workspace_name")
st.title("Journey")
try:
    db = open_workspace(workspace)
    funnel = compute_funnel(db)
except JourneyError as error:
    st.error(str(error))
    st.stop()
clients = int(db.execute("SELECT COUNT(*) FROM clients").fetchone()[0])
events = int(db.execute("SELECT COUNT(*) FROM events").fetchone()[0])
if not clients:
    st.info("This workspace is empty. Import a spreadsheet with "
            "`python -m journey import FILE --workspace " + workspace + "`.")
    st.stop()
columns = st.columns(len(funnel))
for column, row in zip(columns, funnel.itertuples()):
    column.metric(row.label, f"{row.clients:,}",
                  None if row.pct_of_previous != row.pct_of_previous or row.pct_of_previous is None
                  else f"{row.pct_of_previous:.0f}% of previous", delta_color="off")
drop = biggest_drop(funnel)
if drop:
    st.subheader(drop["sentence"])
st.caption(f"{clients:,} clients and {events:,} events in workspace '{workspace}'.")
st.dataframe(funnel, hide_index=True)
