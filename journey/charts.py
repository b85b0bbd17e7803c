"""One palette and the plotly figures of the workshop: every colour the pages, the figures
and the workbook use is declared here once, and the figures are built here from the frames
the domain modules compute (the pages only render them).

What belongs here: colours (stage, status, brand, quadrant shades), the impact/effort
matrix's quadrant words, and figure builders that take computed frames and return plotly
figures or pictures (the emotion lane's SVG). Nothing here reads a workspace, and this
module imports nothing of ``journey`` but ``journey.text`` and ``journey.stages``, so any
module may take its colours from it. Plotly is imported when a figure is drawn, as the
other figure builders do, so the command line (which takes colours, never figures) does
not load it.

Left in their modules for now (owned by other parts of issue 14): the funnel's figures
(``journey.funnel``), the clients' timeline and matrix (``journey.clients``), the signs'
trend (``journey.signs.figure``) and the paths' Sankey (``journey.paths``). The funnel,
the clients and the signs take their colours from here; the paths' link colours are
still their own.
"""

from __future__ import annotations

import pandas as pd

from .stages import LABELS
from .text import html_text

# --- the palette ---------------------------------------------------------------------------

BRAND = "#1F4E5F"                # headers, the workbook's title, the personas' bubbles
ACCENT = "#E07A1F"               # the customers' own data (the emotion curve)
GAP_RED = "#D64541"              # a coverage gap
MUTED = "#777"
FIGURE_BLUE = "#2e75b6"          # the funnel's bars

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


# --- personas ------------------------------------------------------------------------------

def persona_matrix_figure(ranking: pd.DataFrame, *, presenter: bool = False):
    """A plotly scatter of impact against effort with labelled quadrants; bubbles sized
    by current revenue."""
    import plotly.graph_objects as go

    size = 22 if presenter else 15
    figure = go.Figure()
    shades = PERSONA_QUADRANT_SHADES
    split, low, high = MIDPOINT + 0.5, 0.4, 6.0     # a score of 3 counts as low
    spots = {"Serve first": (low, split, split, high, "left", "top"),
             "Major projects": (split, high, split, high, "right", "top"),
             "Quick wins": (low, split, low, split, "left", "bottom"),
             "Reconsider": (split, high, low, split, "right", "bottom")}
    for name, (x0, x1, y0, y1, across, up) in spots.items():
        figure.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, line_width=0,
                         fillcolor=shades[name], layer="below")
        figure.add_annotation(x=x0 + 0.08 if across == "left" else x1 - 0.08,
                              y=y1 - 0.08 if up == "top" else y0 + 0.08,
                              text=f"<b>{name}</b>", showarrow=False, font={"size": size},
                              xanchor=across, yanchor=up)
    placed = ranking.dropna(subset=["impact", "effort"])
    if not placed.empty:
        revenue = pd.to_numeric(placed["revenue_current"]).fillna(0)
        top = float(revenue.max()) or 1.0
        figure.add_trace(go.Scatter(
            x=placed["effort"], y=placed["impact"], mode="markers+text",
            text=[html_text(n) for n in placed["name"]], textposition="bottom center",
            textfont={"size": size},
            marker={"size": [28 + 40 * float(r) / top for r in revenue],
                    "color": BRAND, "opacity": 0.75},
            customdata=list(zip(placed["quadrant"], placed["clients"], revenue)),
            hovertemplate="%{text}<br>Impact %{y}, effort %{x}<br>%{customdata[0]}"
                          "<br>%{customdata[1]} clients<extra></extra>"))
    figure.update_layout(
        xaxis={"title": "Effort (time and effort)", "range": [low, high], "tickvals":
               [1, 2, 3, 4, 5], "zeroline": False},
        yaxis={"title": "Impact (sales)", "range": [low, high], "tickvals": [1, 2, 3, 4, 5],
               "zeroline": False},
        height=520 if presenter else 440, margin={"l": 40, "r": 20, "t": 20, "b": 40},
        showlegend=False, font={"size": size})
    return figure


# --- the journey map -----------------------------------------------------------------------

def emotion_figure(curves: pd.DataFrame, *, large: bool = False):
    """Both curves on the -2..+2 scale; data-backed stages filled, assumed ones hollow."""
    import plotly.graph_objects as go

    size = 20 if large else 14
    labels = list(curves["label"])
    backed = curves["basis"] == DATA_BACKED
    symbols = ["circle" if b else "circle-open" for b in backed]
    figure = go.Figure()
    figure.add_trace(go.Scatter(
        x=labels, y=curves["touchpoint_emotion"], name="Touchpoints (workshop scores)",
        mode="lines+markers+text", line={"color": TOUCHPOINT_COLOUR, "width": 4},
        marker={"size": 16, "symbol": symbols, "line": {"width": 3}},
        text=[_signed(v) for v in curves["touchpoint_emotion"]], textposition="top center",
        connectgaps=True))
    figure.add_trace(go.Scatter(
        x=labels, y=curves["data_emotion"], name="Customers (satisfaction, NPS, complaints)",
        mode="lines+markers+text", line={"color": DATA_COLOUR, "width": 4, "dash": "dash"},
        marker={"size": 16}, text=[_signed(v) for v in curves["data_emotion"]],
        textposition="bottom center", connectgaps=False))
    for label, basis in zip(labels, curves["basis"]):
        figure.add_annotation(x=label, y=-2.6, text=basis, showarrow=False,
                              font={"size": size - 2,
                                    "color": DATA_COLOUR if basis == DATA_BACKED else MUTED})
    figure.add_hline(y=0, line={"color": "#bbb", "width": 1})
    figure.update_layout(
        font={"size": size}, height=520 if large else 420,
        yaxis={"range": [-2.9, 2.6], "tickvals": [-2, -1, 0, 1, 2],
               "ticktext": ["-2 upset", "-1", "0", "+1", "+2 delighted"], "title": None},
        xaxis={"title": None}, legend={"orientation": "h", "y": 1.12},
        margin={"l": 20, "r": 20, "t": 60, "b": 20})
    return figure


def _signed(value) -> str:
    return "" if value is None or pd.isna(value) else f"{value:+.1f}"


def coverage_figure(result, *, large: bool = False):
    """The department x stage heatmap of a ``journey.workshop.journey_map.Coverage``; a gap
    reads 'gap' in its cell."""
    import plotly.graph_objects as go

    counts = result.counts
    text = [[("gap" if result.is_gap(department, stage) else str(counts.loc[department, stage]))
             for stage in counts.columns] for department in counts.index]
    figure = go.Figure(go.Heatmap(
        z=counts.values, x=[LABELS[s] for s in counts.columns], y=list(counts.index),
        text=text, texttemplate="%{text}", colorscale="Blues", showscale=False,
        hovertemplate="%{y} in %{x}: %{z} touchpoints<extra></extra>", xgap=2, ygap=2))
    gaps = [(LABELS[stage], department) for department in counts.index
            for stage in counts.columns if result.is_gap(department, stage)]
    if gaps:
        figure.add_trace(go.Scatter(
            x=[g[0] for g in gaps], y=[g[1] for g in gaps], mode="markers", name="gap",
            marker={"symbol": "square-open", "size": 44, "color": GAP_RED,
                    "line": {"width": 3}}, hoverinfo="skip", showlegend=False))
    size = 20 if large else 14
    figure.update_layout(font={"size": size}, height=90 + 52 * len(counts.index),
                         yaxis={"autorange": "reversed"}, xaxis={"side": "top"},
                         margin={"l": 20, "r": 20, "t": 40, "b": 20})
    return figure


def emotion_svg(curves: pd.DataFrame, *, column_width: int = 200, height: int = 190) -> str:
    """An inline SVG of both curves, one column per stage, for the map's emotion lane.

    Only numbers and fixed words go into it. Data-backed stages are filled dots, assumed
    stages hollow ones.
    """
    n = len(curves)
    width = column_width * n

    def y(value: float) -> float:
        return round(height / 2 - value * (height / 2 - 34) / 2, 1)

    def x(index: int) -> float:
        return column_width * index + column_width / 2

    parts = [f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Emotion curve" '
             'font-family="Source Sans Pro, Helvetica, Arial, sans-serif">',
             f'<line x1="0" y1="{y(0)}" x2="{width}" y2="{y(0)}" stroke="#ccc" '
             'stroke-dasharray="4 4"/>']
    for column, colour, dash in (("touchpoint_emotion", TOUCHPOINT_COLOUR, ""),
                                 ("data_emotion", DATA_COLOUR, ' stroke-dasharray="10 6"')):
        points = [(x(i), y(v)) for i, v in enumerate(curves[column]) if pd.notna(v)]
        if len(points) > 1:
            path = " ".join(f"{px},{py}" for px, py in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                         f'stroke-width="4"{dash}/>')
        for i, value in enumerate(curves[column]):
            if pd.isna(value):
                continue
            backed = curves["basis"].iloc[i] == DATA_BACKED
            fill = colour if backed else "white"
            parts.append(f'<circle cx="{x(i)}" cy="{y(value)}" r="9" fill="{fill}" '
                         f'stroke="{colour}" stroke-width="3"/>')
            offset = -16 if column == "touchpoint_emotion" else 30
            parts.append(f'<text x="{x(i)}" y="{y(value) + offset}" text-anchor="middle" '
                         f'font-size="22" font-weight="bold" fill="{colour}">'
                         f'{value:+.1f}</text>')
    parts.append("</svg>")
    return "".join(parts)
