"""One palette: every colour the pages, the figures (journey.figures) and the workbook use
is declared here once, with the impact/effort matrix's quadrant words and the emotion
curve's, and the presenter's type size for charts (``for_presenter``). Nothing here reads
a workspace or draws; it imports nothing of ``journey``, so every module may take its
colours from it.
"""

from __future__ import annotations

# --- the palette ---------------------------------------------------------------------------

BRAND = "#1F4E5F"                # headers, the workbook's title, the personas' bubbles
ACCENT = "#E07A1F"               # the customers' own data (the emotion curve)
GAP_RED = "#D64541"              # a coverage gap
MUTED = "#777"
FIGURE_BLUE = "#2e75b6"          # the funnel's bars
FUNNEL_CONNECTOR = "#dbe7f3"     # between the funnel's bars
DROP_RED = "#b03a2e"             # the funnel's biggest drop-off
FURTHEST_BLUE = "#9dc3e6"        # clients whose furthest stage it is
LEFT_GREY = "#b0b0b0"            # clients who left from a stage
BAR_TRACK = "#eef2f5"            # the empty part of a share's bar
INK = "#1D2B31"                  # text beside a bar
# A move between stages (the paths' Sankey) -> link colour.
KIND_COLOURS = {"forward": "rgba(46, 117, 182, 0.45)", "skip": "rgba(230, 145, 56, 0.65)",
                "back": "rgba(204, 65, 37, 0.65)", "left": "rgba(120, 120, 120, 0.35)"}

# Stage -> colour (None: no stage).
STAGE_COLOURS = {"pre-awareness": "#9AA5B1", "awareness": "#88CCEE", "consideration": "#DDCC77",
                 "purchase": "#117733", "retention": "#332288", "advocacy": "#CC6677",
                 None: "#8A9BA1"}

# A sign's status -> line colour (figures), and -> (fill, font) for cells (the workbook);
# in this order: red, amber, green, unknown.
STATUS_COLOURS = {"green": "#2E7D32", "amber": "#E08E0B", "red": "#C62828",
                  "unknown": "#757575"}
STATUS_FILLS = {"red": ("#F6D5D5", "#8B1A1A"), "amber": ("#FBE7C2", "#7A4B00"),
                "green": ("#D5EDD8", "#1E5C2A"), "unknown": ("#E8ECEF", "#455A64")}

# --- the impact/effort matrices (personas' ranking, clients' reward against effort) ---------

QUADRANTS = {  # (high impact, high effort) -> name
    (True, False): "Serve first", (True, True): "Major projects",
    (False, False): "Quick wins", (False, True): "Reconsider",
}
MIDPOINT = 3   # scores above it are high

QUADRANT_SHADES = {"Serve first": "rgba(46,139,87,0.10)",
                   "Major projects": "rgba(70,130,180,0.10)",
                   "Quick wins": "rgba(218,165,32,0.12)", "Reconsider": "rgba(178,34,34,0.08)"}
# The personas' matrix has always shaded Quick wins a little lighter (0.10).
PERSONA_QUADRANT_SHADES = {**QUADRANT_SHADES, "Quick wins": "rgba(218,165,32,0.10)"}

# --- the emotion curves (journey map) -------------------------------------------------------

TOUCHPOINT_COLOUR, DATA_COLOUR = BRAND, ACCENT
DATA_BACKED, ASSUMED = "data-backed", "assumed"     # a stage's basis on the data curve


# --- presenter mode: charts readable from the back of a room ------------------------------

# Plotly writes its text in pixels, whatever the page's type: in presenter mode the body
# text is 17.5 px at 1280x720 and 24 px at 1920x1080 (journey_ui.widgets.PRESENTER_CSS), so
# a chart's own text is set to about the same.
PRESENTER_FONT = 22              # px: a chart's base type (ticks, legend, axis titles)
PRESENTER_SMALLEST = 18          # px: no text in a chart smaller (annotations, bar labels)
PRESENTER_HOVER = 18             # px: the hover label


def for_presenter(figure):
    """``figure`` (a plotly figure) at presenter size, in one place for every page: its
    base type ``PRESENTER_FONT``, every text it sizes itself at least
    ``PRESENTER_SMALLEST`` and grown in the same proportion, its height and margins grown
    to hold the larger type. Changes the figure and returns it; applying it twice changes
    nothing more (a figure whose type is already large enough is left at its size)."""
    layout = figure.layout
    base = layout.font.size or 12
    scale = max(PRESENTER_FONT / base, 1.0)

    def larger(size):
        return max(round((size or base) * scale), PRESENTER_SMALLEST, PRESENTER_FONT
                   if size is None else 0)

    layout.font.size = max(base, PRESENTER_FONT)
    layout.hoverlabel.font.size = max(layout.hoverlabel.font.size or 0, PRESENTER_HOVER)
    for annotation in layout.annotations:
        annotation.font.size = larger(annotation.font.size)
    for trace in figure.data:
        if "textfont" in trace and trace.textfont.size is not None:
            trace.textfont.size = larger(trace.textfont.size)
    # Set even where the figure leaves them to the base font: the page's chart theme
    # (Streamlit's) sizes ticks, axis titles and the legend itself, and would win.
    for axis in [*figure.select_xaxes(), *figure.select_yaxes()]:
        axis.title.font.size = larger(axis.title.font.size)
        axis.tickfont.size = larger(axis.tickfont.size)
    layout.legend.font.size = larger(layout.legend.font.size)
    if scale > 1:
        grow = 1 + (scale - 1) / 2          # text grows faster than the plot needs to
        if layout.height:
            layout.height = round(layout.height * grow)
        for side in ("l", "r", "t", "b"):
            margin = getattr(layout.margin, side)
            if margin is not None:
                setattr(layout.margin, side, round(margin * scale))
    return figure
