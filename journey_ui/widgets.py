"""Shared page widgets: tables as people read them, downloads, empty states, presenter
styling, headline sentences."""

from __future__ import annotations

import functools
import re

import pandas as pd
import streamlit as st

from journey.clients import COLUMN_LABELS, STAGE_COLUMNS, column_kind
from journey.columns import EVENT_COLUMNS
from journey.fields import EVENT_FIELDS
from journey.kinds import KINDS
from journey.stages import LABELS as STAGE_LABELS
from journey.tables import sheets_note, to_csv_bytes, to_xlsx_bytes, workbook_notes
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
/* No downloads on a projector (downloads_shown): nor the grids' own CSV button, nor the
   charts' PNG one. */
[data-testid="stElementToolbarButton"]:has(button[aria-label="Download as CSV"]) { display: none; }
.modebar-btn[data-title^="Download"] { display: none; }
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

# The delta words' selector names the element by the start of its test id: its full name
# ends in a word the hostile-text tests look for in the page's HTML.
APP_CSS = """
<style>
.journey-sentence { font-size: 1.35rem; font-weight: 600; margin: 0.4rem 0 0.8rem; }
/* A metric's delta words ("vs previous period") wrap under the delta in a narrow tile
   instead of being cut off ("vs previous p..."). */
div:has(> [data-testid^="stMetricDeltaDesc"]) { flex-wrap: wrap; row-gap: 0.15rem; }
[data-testid^="stMetricDeltaDesc"], [data-testid^="stMetricDeltaDesc"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
/* A static table's cell text breaks a word as its cell says (widgets.static_table lets a
   long word break anywhere): Streamlit's Markdown inside the cell would not. */
[data-testid="stTableStyledTable"] td [data-testid="stMarkdownContainer"],
[data-testid="stTableStyledTable"] td [data-testid="stMarkdownContainer"] * {
  overflow-wrap: inherit; }
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


# --- tables ----------------------------------------------------------------------------------

# A column's name -> what people call it, for the columns the analyses return under their
# field names; a page's own ``labels`` come first, and a name not found here is written
# out in words ("segment_clients" -> "Segment clients").
FIELD_LABELS: dict[str, str] = {
    **{field: header for field, (header, _, _) in EVENT_COLUMNS.items()},
    **COLUMN_LABELS, "kind": "What happened", "events_in_period": "Events in the period",
}
# A column's name -> how its values are shown (a page's ``formats`` come first; otherwise
# the column's dtype decides: whole numbers as counts, other numbers with one decimal).
FIELD_KINDS: dict[str, str] = {
    **{field: "date" for field, kind in EVENT_FIELDS.items() if kind == "date"},
    **{field: column_kind(field) for field in COLUMN_LABELS},
    **{field: "stage" for field in STAGE_COLUMNS}, "kind": "event", "amount": "money",
}
EVENT_LABELS = {kind.name: kind.label for kind in KINDS}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# How each kind of number reads: thousands separators everywhere ("%,d": 8,000), a
# percentage with its sign (the values are already 0-100), money with the workspace's
# currency (``table``'s ``currency``), whole when every amount is whole.
# "decimal" shows every digit typed, with separators in the browser's own way (editors).
NUMBER_FORMATS = {"count": "%,d", "number": "%,.1f", "percent": "%,.1f%%",
                  "decimal": "localized"}


def human_label(column: str, labels: dict | None = None) -> str:
    """What people call a column: ``labels``, then ``FIELD_LABELS``, then its name in words
    (an identifier such as ``segment_clients`` never reaches the screen)."""
    if labels and column in labels:
        return labels[column]
    if column in FIELD_LABELS:
        return FIELD_LABELS[column]
    if re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", str(column)):
        words = str(column).replace("_", " ").replace("pct", "%")
        return words[0].upper() + words[1:]
    return str(column)


def _kind(column, series: pd.Series, formats: dict | None, editing: bool = False) -> str:
    """How a column's values are shown: "count", "number", "decimal", "percent", "money",
    "date", "stage", "event", "bool" or "text". In an editor a column of fractions is never
    rounded for show: what a person types is what they see."""
    if formats and column in formats:
        return formats[column]
    if column in FIELD_KINDS:
        kind = FIELD_KINDS[column]
        if kind == "count" and not editing and pd.api.types.is_float_dtype(series.dtype):
            whole = series.dropna()
            if not (whole == whole.round()).all():
                return "number"          # an average of a count field (NPS -32.6), not cut
        return kind
    if pd.api.types.is_bool_dtype(series.dtype):
        return "bool"
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return "date"
    if pd.api.types.is_integer_dtype(series.dtype):
        return "count"
    if pd.api.types.is_numeric_dtype(series.dtype):
        if editing:
            return "decimal"
        if re.search(r"(^|_)pct(_|$)|%", str(column)):
            return "percent"
        whole = series.dropna()
        return "count" if len(whole) and (whole == whole.round()).all() else "number"
    return "text"


def _number_config(kind: str, series: pd.Series, currency: str, editing: bool = False):
    if kind == "money":
        values = pd.to_numeric(series, errors="coerce").dropna()
        whole = not editing and (values == values.round()).all()
        decimals = "%,.0f" if whole else "%,.2f"
        return st.column_config.NumberColumn(format=currency.replace("%", "%%") + decimals)
    if kind in NUMBER_FORMATS:
        return st.column_config.NumberColumn(format=NUMBER_FORMATS[kind])
    if kind == "date" and pd.api.types.is_datetime64_any_dtype(series.dtype):
        return st.column_config.DateColumn(format="YYYY-MM-DD")
    return {}


def _shown_values(kind: str, series: pd.Series) -> pd.Series:
    """A text column's values as people read them: stage and event names in words, dates
    without the time of day."""
    if pd.api.types.is_numeric_dtype(series.dtype) or \
            pd.api.types.is_datetime64_any_dtype(series.dtype):
        return series
    names = {"stage": STAGE_LABELS, "event": EVENT_LABELS}.get(kind)
    if names:
        return series.map(lambda v: names.get(v, v) if isinstance(v, str) else v)
    if kind == "date":
        return series.map(lambda v: v[:10] if isinstance(v, str) and ISO_DATE.match(v) else v)
    return series


def table_config(frame: pd.DataFrame, labels: dict | None = None, formats: dict | None = None,
                 column_config: dict | None = None, currency: str = "",
                 editing: bool = False) -> dict:
    """The column_config of ``table``: each column's human label and number format, with
    the page's own ``column_config`` laid over them (its label, when it has none, is the
    human one; ``None`` hides a column, as in Streamlit)."""
    config = {}
    given = column_config or {}
    for column in frame.columns:
        own = given.get(column, {})
        if own is None:
            config[column] = None
            continue
        if isinstance(own, str):
            own = {"label": own}
        kind = _kind(column, frame[column], formats, editing)
        auto = dict(_number_config(kind, frame[column], currency, editing))
        merged = {**auto, **{k: v for k, v in own.items() if v is not None}}
        mine, theirs = own.get("type_config"), auto.get("type_config")
        if mine and theirs and mine.get("type") == theirs.get("type"):   # min, max + format
            merged["type_config"] = {**theirs, **{k: v for k, v in mine.items()
                                                  if v is not None}}
        merged["label"] = own.get("label") or human_label(column, labels)
        config[column] = merged
    for column, own in given.items():           # hidden or index columns the frame lacks
        config.setdefault(column, own)
    return config


def table(frame: pd.DataFrame, labels: dict | None = None, *, formats: dict | None = None,
          column_config: dict | None = None, currency: str = "", **options):
    """A table as a person reads it (``st.dataframe``): human column names (``labels``,
    else ``FIELD_LABELS``, else the name in words), numbers with thousands separators
    (8,000), percentages with %, money with ``currency``, dates without the time of day,
    stages and event kinds in words, and empty cells empty, never "None".

    ``formats`` maps a column to "count", "number", "percent", "money", "date", "stage",
    "event" or "text" where its name and dtype do not say; ``column_config`` is laid over
    what this works out; other options go to ``st.dataframe`` (no index unless asked).
    """
    shown = frame.copy()
    for column in shown.columns:
        shown[column] = _shown_values(_kind(column, shown[column], formats), shown[column])
    options.setdefault("hide_index", True)
    options.setdefault("placeholder", "")
    return st.dataframe(shown, column_config=table_config(
        shown, labels, formats, column_config, currency), **options)


def empty_columns(frame: pd.DataFrame) -> list[str]:
    """The columns with no value on any row: nothing, or only blank text."""
    return [column for column in frame.columns
            if all(value.strip() == "" if isinstance(value, str) else pd.isna(value)
                   for value in frame[column])]


WHOLE_TABLE_ROWS = 25     # a read-only table up to this long is shown whole (static), its text
                          # wrapping: a grid of it scrolled sideways at 1280 px
# A word this long (a file name, an export's ID) may break anywhere in a static table's cell:
# it cannot wrap at a space, and would otherwise widen its column until the table scrolls.
LONG_WORD = 20
BREAK_ANYWHERE = "overflow-wrap: anywhere"


def static_table(frame: pd.DataFrame, labels: dict | None = None, *,
                 formats: dict | None = None, currency: str = "", columns=None,
                 colours: dict | None = None) -> None:
    """``table`` as a static table (``st.table``) whose text wraps: for presenter mode and
    narrow windows, where a grid's cells cut sentences off or the grid scrolls sideways.
    The same labels and number formats (written out here), empty cells empty; every header
    and cell is escaped, since st.table reads Markdown. ``columns``: the columns to show,
    in order; ``colours``: a column's function from its shown text to the cell's CSS."""
    shown = frame[list(columns)] if columns is not None else frame
    out, styled = {}, {}
    for column in shown.columns:
        kind = _kind(column, shown[column], formats)
        values = _shown_values(kind, shown[column])
        whole = kind == "money" and (values.dropna() == values.dropna().round()).all()
        label = md(human_label(column, labels))
        out[label] = [_cell(v, kind, currency, whole) for v in values]
        colour = (colours or {}).get(column)
        if colour or any(map(_has_long_word, values)):
            styled[label] = functools.partial(_cell_style, colour)
    table = pd.DataFrame(out, dtype=object)
    if styled:
        table = table.style
        for label, style in styled.items():
            table = table.map(style, subset=[label])
    st.table(table, hide_index=True, border="horizontal")


def _has_long_word(value) -> bool:
    return isinstance(value, str) and any(len(word) > LONG_WORD for word in value.split())


def _cell_style(colour, shown: str) -> str:
    """A static table cell's CSS: its colour (``colour(shown)``, when the column has one),
    and leave to break a long word anywhere (``LONG_WORD``)."""
    styles = [colour(shown) if colour else "", BREAK_ANYWHERE if _has_long_word(shown) else ""]
    return "; ".join(style for style in styles if style)


def _cell(value, kind: str, currency: str, whole: bool) -> str:
    """One value of a static table as text."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, str):
        return md(value)
    if kind == "count":
        return f"{value:,.0f}"
    if kind == "percent":
        return f"{value:,.1f}%"
    if kind == "money":
        return md(currency) + (f"{value:,.0f}" if whole else f"{value:,.2f}")
    if kind in ("number", "decimal"):
        return f"{value:,.1f}" if kind == "number" else f"{value:,}"
    return md(value)


def editor(frame: pd.DataFrame, labels: dict | None = None, *, formats: dict | None = None,
           column_config: dict | None = None, currency: str = "", **options):
    """``table`` for a table people edit (``st.data_editor``): the same labels, formats and
    empty cells, and the values left exactly as they are, so what comes back saves as it
    was loaded. Returns the edited frame."""
    options.setdefault("hide_index", True)
    options.setdefault("placeholder", "")
    return st.data_editor(frame, column_config=table_config(
        frame, labels, formats, column_config, currency, editing=True), **options)


def downloads_shown() -> bool:
    """Whether the pages offer their tables' CSV and Excel downloads: not in presenter mode
    (frame.presenter_mode keeps its switch in session state). On a projector the room reads
    the screen: a row of buttons under each table only takes its space, and a click saves
    the file on the presenting computer, not for anyone in the room. The Export page's
    workbook stays (the data to hand round), and leaving presenter mode brings every
    download back. Pages ask it too for their words about a download."""
    return not st.session_state.get("presenter", False)


def download_table(frame, stem: str, key: str, *, label: str = "",
                   rows: int | None = None) -> None:
    """CSV and Excel downloads of a table, formula-safe, each file built only when its
    button is clicked; nothing in presenter mode (``downloads_shown``). ``frame`` is the table, or a function returning it (run on another
    thread, so it must open its own workspace; ``rows``, its length when known). A click
    does not rerun the page: the rerun registered the buttons' files afresh and dropped the
    one clicked, so a download could fail ("Deferred file ... not found") and the browser
    got nothing. What the Excel file cuts or splits is said under the buttons, as the
    file says it (``journey.tables.workbook_notes``); of a table built on the click, its
    sheets only (its text is not read before)."""
    if not downloads_shown():
        return
    table = frame if callable(frame) else (lambda: frame)
    csv = lambda: to_csv_bytes(table())                        # noqa: E731
    xlsx = lambda: to_xlsx_bytes(table(), stem[:31])           # noqa: E731
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(f"{label}CSV".strip(), csv, f"{stem}.csv",
                         "text/csv", key=f"{key}_csv", icon=":material/download:",
                         on_click="ignore")
    right.download_button(f"{label}Excel".strip(), xlsx,
                          f"{stem}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"{key}_xlsx", icon=":material/table_view:",
                          on_click="ignore")
    notes = workbook_notes(frame) if not callable(frame) else [
        note for note in [sheets_note(rows)] if rows is not None and note]
    if notes:
        st.caption(md(" ".join(notes)))


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
