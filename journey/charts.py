"""One palette: every colour the pages, the figures (journey.figures) and the workbook use
is declared here once, with the impact/effort matrix's quadrant words and the emotion
curve's. Nothing here reads a workspace or draws; it imports nothing of ``journey``, so
every module may take its colours from it.
"""

from __future__ import annotations

# --- the palette ---------------------------------------------------------------------------

BRAND = "#1F4E5F"                # headers, the workbook's title, the personas' bubbles
ACCENT = "#E07A1F"               # the customers' own data (the emotion curve)
GAP_RED = "#D64541"              # a coverage gap
MUTED = "#777"
FIGURE_BLUE = "#2e75b6"          # the funnel's bars
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
