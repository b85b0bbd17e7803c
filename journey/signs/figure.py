"""The trend chart of one sign (plotly, imported when a chart is drawn, as the other
figure builders do, so the command line does not load it)."""

from __future__ import annotations

from ..charts import STATUS_COLOURS
from .engine import SignResult


def trend_figure(sign: SignResult, *, large: bool = False):
    """A line chart of the sign's 12 monthly values (plotly), thresholds drawn in where a
    month's value compares with them."""
    import plotly.graph_objects as go

    trend = sign.trend
    figure = go.Figure(go.Scatter(
        x=trend["month"], y=trend["value"], mode="lines+markers",
        line={"color": STATUS_COLOURS[sign.status], "width": 4 if large else 2.5},
        marker={"size": 10 if large else 7}, connectgaps=False,
        hovertemplate="%{x}: %{y:.1f}<extra></extra>"))
    if len(trend):
        for name, value in sign.sign.trend_lines(sign.thresholds).items():
            figure.add_hline(y=value, line_dash="dot", line_color=STATUS_COLOURS[name],
                             annotation_text=f"{name} {value:g}",
                             annotation_position="top left")
    size = 20 if large else 13
    figure.update_layout(
        height=420 if large else 300, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font={"size": size}, showlegend=False,
        yaxis_title=sign.value_label if not large else None,
        xaxis={"type": "category"}, yaxis={"rangemode": "tozero"})
    return figure
