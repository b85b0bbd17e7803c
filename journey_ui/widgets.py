"""Shared page widgets: downloads, empty states, presenter styling, headline sentences."""

from __future__ import annotations

import streamlit as st

from journey.tables import to_csv_bytes, to_xlsx_bytes
from journey_ui.text import html, md

PRESENTER_CSS = """
<style>
html { font-size: max(20px, 1.45vw); }
[data-testid="stMainBlockContainer"] { padding-top: 4rem; padding-bottom: 3rem; position: relative; }
.st-key-leave_presenter { position: absolute; top: 4rem; right: 5rem; width: auto; z-index: 5; }
[data-testid="stMetricValue"] { font-size: 2.6rem; }
[data-testid="stMain"] h1 { font-size: 2.6rem; }
[data-testid="stSidebar"] { display: none; }
[data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"] { display: none; }
.st-key-presenter_keys { display: none; }
</style>
"""

# → and ← in presenter mode (frame.presenter_keys). The script is installed once per browser
# tab and reads, at each key press, the marker page_keys draws on the page: no marker (out of
# presenter mode) means the keys do nothing. It never acts while someone types or works a
# widget that uses the arrows itself. It moves the way the browser's back button does
# (history.pushState, then a popstate event Streamlit answers), so Streamlit sends the
# widgets' values along, as it does for a click on the navigation.
PAGE_KEYS_JS = """
<script>
(() => {
  if (window.journeyPageKeys) return;
  window.journeyPageKeys = true;
  const ARROWS = { ArrowRight: "next", ArrowLeft: "previous" };
  const BUSY = 'input, textarea, select, [contenteditable="true"], [role="textbox"], '
    + '[role="combobox"], [role="listbox"], [role="slider"], [role="tablist"], '
    + '[role="radiogroup"], [role="grid"], [role="menu"], [role="dialog"], '
    + '[data-testid="stDataFrame"], [data-testid="stDataFrameResizable"]';
  const busy = (el) => el instanceof Element && el.closest(BUSY) !== null;
  document.addEventListener("keydown", (event) => {
    const step = ARROWS[event.key];
    if (!step || event.defaultPrevented || event.repeat || event.altKey || event.ctrlKey
        || event.metaKey || event.shiftKey) return;
    if (busy(event.target) || busy(document.activeElement)) return;
    const marker = document.querySelector(".journey-page-keys");
    if (!marker || !marker.hasAttribute("data-" + step)) return;
    const current = marker.dataset.current, target = marker.dataset[step];
    let root = window.location.pathname.replace(/\\/+$/, "");
    if (current && root.endsWith("/" + current)) root = root.slice(0, -current.length - 1);
    event.preventDefault();
    window.history.pushState(null, "", root + "/" + target + window.location.search);
    window.dispatchEvent(new PopStateEvent("popstate"));
  });
})();
</script>
"""

APP_CSS = """
<style>
.journey-sentence { font-size: 1.35rem; font-weight: 600; margin: 0.4rem 0 0.8rem; }
</style>
"""


def style(presenter: bool) -> None:
    """The app's small style touches, and the presenter's larger type."""
    st.html(APP_CSS + (PRESENTER_CSS if presenter else ""))


def page_keys(current: str, previous: str | None, following: str | None) -> None:
    """The arrow keys of presenter mode: a marker naming this page and its neighbours (url
    paths; None at either end), and the script that reads it (PAGE_KEYS_JS)."""
    ends = "".join(f' data-{name}="{html(path)}"' for name, path in
                   (("previous", previous), ("next", following)) if path is not None)
    st.html(f'<span class="journey-page-keys" data-current="{html(current)}"{ends}></span>'
            + PAGE_KEYS_JS, unsafe_allow_javascript=True)


def sentence(text: str) -> None:
    """One headline sentence, escaped."""
    st.html(f'<p class="journey-sentence">{html(text)}</p>')


def download_table(frame, stem: str, key: str, *, label: str = "") -> None:
    """CSV and Excel downloads of a table, formula-safe, each file built only when its
    button is clicked. ``frame`` is the table, or a function returning it (run on another
    thread, so it must open its own workspace)."""
    table = frame if callable(frame) else (lambda: frame)
    csv = lambda: to_csv_bytes(table())                        # noqa: E731
    xlsx = lambda: to_xlsx_bytes(table(), stem[:31])           # noqa: E731
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(f"{label}CSV".strip(), csv, f"{stem}.csv",
                         "text/csv", key=f"{key}_csv", icon=":material/download:")
    right.download_button(f"{label}Excel".strip(), xlsx,
                          f"{stem}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"{key}_xlsx", icon=":material/table_view:")


def empty_state(title: str, text: str, icon: str = ":material/inbox:") -> None:
    """A friendly box for a page with nothing to show yet."""
    with st.container(border=True):
        st.markdown(f"#### {icon} {title}")
        st.write(text)


FLASH_KEY = "_flash"
FLASH_STYLES = {"success": (st.success, ":material/check_circle:"),
                "error": (st.error, ":material/error:"),
                "info": (st.info, ":material/info:")}


def flash(message: str, kind: str = "success") -> None:
    """Say something on the next run (a save that reruns the page): ``show_flashes`` shows
    it once, escaped."""
    st.session_state.setdefault(FLASH_KEY, []).append((kind, str(message)))


def show_flashes() -> None:
    """The messages flashed before this run, each once; every page calls it under its title."""
    for kind, message in st.session_state.pop(FLASH_KEY, []):
        alert, icon = FLASH_STYLES[kind]
        alert(md(message), icon=icon)
