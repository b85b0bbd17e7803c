"""Journey's entry point: page config, the sidebar (workspace, filters, presenter mode)
and navigation over the page scripts in views/ (in presenter mode a bar across the top,
with → and ← for the next and previous page). Nothing else lives here.

The page scripts live in views/, not pages/: a pages/ folder beside the entry point
would switch on Streamlit's old automatic multipage mode."""

from pathlib import Path

import streamlit as st

from journey_ui import frame, widgets

PAGES = {
    "Journey": [("views/overview.py", "Overview", ":material/dashboard:"),
                ("views/funnel.py", "Funnel", ":material/filter_alt:"),
                ("views/signs.py", "Signs", ":material/health_and_safety:"),
                ("views/journey_map.py", "Journey map", ":material/map:")],
    "Workshop": [("views/personas.py", "Personas", ":material/groups:"),
                 ("views/touchpoints.py", "Touchpoints", ":material/touch_app:"),
                 ("views/workshop.py", "Workshop", ":material/checklist:")],
    "Data": [("views/clients.py", "Clients", ":material/person_search:"),
             ("views/import.py", "Import", ":material/upload_file:"),
             ("views/export.py", "Export", ":material/download:")],
}
HERE = Path(__file__).resolve().parent

presenter = frame.presenter_mode()
# (the tab's icon from this folder: a material icon or an emoji is fetched from the internet)
st.set_page_config(page_title="Journey", page_icon=str(HERE / "journey_ui" / "icon.png"),
                   layout="wide", initial_sidebar_state="collapsed" if presenter else "auto")
frame.apply_pending_switch()
sections = {
    section: [st.Page(path, title=title, icon=icon, default=path == "views/overview.py")
              for path, title, icon in pages if (HERE / path).exists()]
    for section, pages in PAGES.items()}
pages = [page for section in sections.values() for page in section]
navigation = frame.navigation(sections, presenter)
ctx = frame.render_sidebar()
frame.share_or_follow(ctx, navigation, {page.url_path: page for page in pages})
widgets.style(ctx.presenter)
if ctx.presenter:
    frame.presenter_bar(ctx)      # "Edit live" and "Leave presenter mode", top right
with frame.running(ctx):
    if ctx.presenter:
        frame.presenter_keys(navigation, pages)
    navigation.run()
