"""Every plotly figure (and the journey map's emotion lane as SVG, the Funnel page's first
screen as HTML), built from the frames the analyses compute; the pages only render them.
Colours come from journey.charts. Plotly is imported when a figure is drawn, so the command
line, which draws none, never loads it. Nothing below this module imports it.
"""

from __future__ import annotations

import pandas as pd

from .charts import (BAR_TRACK, BRAND, DATA_BACKED, DATA_COLOUR, DROP_RED, FIGURE_BLUE,
                     FUNNEL_CONNECTOR, FURTHEST_BLUE, GAP_RED, INK, LEFT_GREY,
                     KIND_COLOURS, MIDPOINT, MUTED, PERSONA_QUADRANT_SHADES, QUADRANT_SHADES,
                     QUADRANTS, STAGE_COLOURS, STATUS_COLOURS, TOUCHPOINT_COLOUR)
from .clients import reward_line
from .funnel import Drop
from .paths import OUTCOME_LABELS, Transitions
from .signs import SignResult, format_value
from .stages import ALL_STAGES, LABELS, OUTCOMES
from .text import counted, days_text, html_text, percent_text
from .workshop.actions import QUADRANTS as ACTION_QUADRANTS


def _signed(value) -> str:
    return "" if value is None or pd.isna(value) else f"{value:+.1f}"


# --- figures drawn as HTML (st.html) --------------------------------------------------------
# The Funnel page's first screen is drawn without plotly: in a new browser tab plotly's
# 4.7 MB script costs 1-1.5 s of browser time before its first figure (issue 18). These
# draw the same numbers as bars of HTML, sized in rem (presenter mode's larger type grows
# them); a bar's hover (its title) says what plotly's hover said. Every text from the data
# is escaped.

def fixed(value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals as plotly writes it (d3's format, JavaScript's
    toFixed: an exact half rounds up, not to even as Python's format does)."""
    from decimal import ROUND_HALF_UP, Decimal

    return str(Decimal(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def _share(part: float, whole: float, digits: int) -> str:
    """``part`` as a percentage of ``whole`` ("45%"), as plotly's ``percentInitial:.0%``."""
    return f"{fixed(part / whole * 100, digits)}%" if whole else "–"


def _title(lines) -> str:
    """A hover (an element's title) of several lines, escaped."""
    return html_text("\n".join(lines)).replace("\n", "&#10;")


def _unmeasured(frame: pd.DataFrame) -> list[str | None]:
    """Each step's sentence when the data cannot measure it (the frame's ``missing``
    column, journey.overview.unmeasured), else None."""
    if "missing" not in frame:
        return [None] * len(frame)
    return [m if isinstance(m, str) else None for m in frame["missing"]]


def funnel_html(frame: pd.DataFrame, drop: Drop | None = None) -> str:
    """The funnel (``compute_funnel``'s frame) as centred bars, each with its clients and
    its share of the first step, joined by connectors, with the biggest drop-off written
    beside its step. A step the data cannot measure (its ``missing`` sentence, when the
    frame has one) shows "–" and says why when hovered, not a count of 0."""
    first = int(frame["clients"].iloc[0]) if len(frame) else 0
    missing = _unmeasured(frame)
    widths = [0 if unknown else 100 * int(c) / first if first else 0
              for c, unknown in zip(frame["clients"], missing)]
    lost_at = {drop.to_stage} if drop else set()
    labels = dict(zip(frame["stage"], frame["label"]))
    cells = []
    for i, row in enumerate(frame.itertuples()):
        clients, width = int(row.clients), widths[i]
        before = int(frame["clients"].iloc[i - 1]) if i else clients
        hover = [f"{row.label}: {counted(clients, 'client')}",
                 f"{_share(clients, first, 1)} of the first step"]
        if before:
            hover.append(f"{_share(clients, before, 1)} of the step before")
        figure = f"{clients:,}<br>{_share(clients, first, 0)}"
        if missing[i]:
            hover, figure = [f"{row.label}: not measured", missing[i]], "–"
        inside = width >= 16               # else the numbers go beside the bar
        place = ("left:0;right:0;justify-content:center;color:white" if inside else
                 f"left:calc({50 + width / 2:.3f}% + 0.4rem);color:{INK}")
        note = ""
        if row.stage in lost_at:
            note = (f"<b>◀ −{percent_text(drop.pct_lost)}</b><br>"
                    f"{counted(drop.clients_lost, 'client')} stopped"
                    f"<br>after {html_text(labels[drop.from_stage].lower())}")
        cells.append(
            f'<div style="text-align:right">{html_text(row.label)}</div>'
            f'<div title="{_title(hover)}" style="position:relative;height:3rem">'
            f'<div style="position:absolute;top:0;bottom:0;left:{50 - width / 2:.3f}%;'
            f'width:{width:.3f}%;min-width:2px;background:{FIGURE_BLUE};border-radius:2px">'
            f'</div><div style="position:absolute;top:0;bottom:0;display:flex;'
            f'align-items:center;text-align:center;line-height:1.2;font-weight:600;{place}">'
            f'{figure}</div></div>'
            f'<div style="color:{DROP_RED};font-size:0.9rem;line-height:1.3">{note}</div>')
        if i + 1 < len(frame):
            top, bottom = widths[i], widths[i + 1]
            cells.append(
                '<div></div><div style="height:0.55rem;background:'
                f'{FUNNEL_CONNECTOR};clip-path:polygon({50 - top / 2:.3f}% 0,'
                f'{50 + top / 2:.3f}% 0,{50 + bottom / 2:.3f}% 100%,'
                f'{50 - bottom / 2:.3f}% 100%)"></div><div></div>')
    return ('<div aria-label="How far clients got" style="display:grid;'
            'grid-template-columns:max-content minmax(0,1fr) 10rem;column-gap:0.75rem;'
            'align-items:center;margin:0.5rem 0">' + "".join(cells) + "</div>")


def _legend(items) -> str:
    return ('<div style="display:flex;flex-wrap:wrap;gap:0.3rem 1.2rem;margin:0.3rem 0 0.6rem;'
            'font-size:0.9rem">' + "".join(
                f'<span><span style="display:inline-block;width:0.8rem;height:0.8rem;'
                f'background:{colour};border-radius:2px;margin-right:0.35rem;'
                f'vertical-align:-0.05rem"></span>{html_text(name)}</span>'
                for name, colour in items) + "</div>")


def current_html(current: pd.DataFrame) -> str:
    """How far clients got beside where they are now (``current_stages``): per stage, a
    bar of the clients whose furthest stage it is, and under it one of those active there
    now, continued by those who left from there (lost, churned). A stage the data cannot
    measure (its ``missing`` sentence, when the frame has one) shows "–", as the funnel's."""
    names = ("Got this far (furthest stage)", "Here now, active",
             "Left from here (lost, churned)")
    top = max([int(v) for v in current["furthest"]]
              + [int(n) + int(lf) for n, lf in zip(current["now"], current["left"])] + [1])

    def bar(parts, text: str) -> str:
        spans = "".join(
            f'<span style="display:inline-block;height:100%;width:{100 * n / top:.3f}%;'
            f'background:{colour}"></span>' for n, colour in parts if n)
        return ('<div style="display:flex;align-items:center;gap:0.4rem;height:1.25rem">'
                f'<div style="flex:1 1 auto;height:100%;display:flex">{spans}'
                f'<span style="padding-left:0.4rem;white-space:nowrap;font-size:0.9rem;'
                f'align-self:center">{text}</span></div></div>')

    rows = []
    missing = _unmeasured(current)
    for row, unknown in zip(current.itertuples(), missing):
        furthest, now, left = int(row.furthest), int(row.now), int(row.left)
        hover = [f"{row.label}", f"{names[0]}: {furthest:,}", f"{names[1]}: {now:,}",
                 f"{names[2]}: {left:,}"]
        drawn = (bar([(furthest, FURTHEST_BLUE)], f"{furthest:,}")
                 + bar([(now, FIGURE_BLUE), (left, LEFT_GREY)],
                       f"{now:,} active, {left:,} left"))
        if unknown:
            hover, drawn = [f"{row.label}: not measured", unknown], bar([], "–")
        rows.append(
            f'<div style="text-align:right">{html_text(row.label)}</div>'
            f'<div title="{_title(hover)}" style="display:flex;flex-direction:column;'
            f'gap:0.15rem;padding:0.35rem 0">' + drawn + "</div>")
    return (_legend(zip(names, (FURTHEST_BLUE, FIGURE_BLUE, LEFT_GREY)))
            + '<div aria-label="Where they are now" style="display:grid;'
            'grid-template-columns:max-content minmax(0,1fr);column-gap:0.75rem;'
            'align-items:center">' + "".join(rows) + "</div>")


def segment_html(table: pd.DataFrame) -> str:
    """Conversion per segment (``funnel.segment_table``) as a grid: a row per segment, a
    column per step after the first, each cell a bar of the share of the segment's clients
    who reached the step."""
    if not len(table):
        return ""
    shown = table[table["stage"] != table["stage"].iloc[0]]
    steps = list(dict.fromkeys(shown["label"]))
    head = "".join(f'<div style="font-weight:600">{html_text(s)}</div>' for s in steps)
    rows = []
    for segment, part in shown.groupby("segment", sort=False, dropna=False):
        cells = {r.label: r for r in part.itertuples()}
        name = "" if pd.isna(segment) else str(segment)
        row = [f'<div style="overflow-wrap:anywhere">{html_text(name)}</div>']
        for step in steps:
            r = cells.get(step)
            if r is None:
                row.append("<div></div>")
                continue
            pct = float(r.pct_of_first)
            if pd.isna(pct):                   # no client in the segment: no bar
                row.append("<div></div>")
                continue
            hover = [f"{name}, {step}: {fixed(pct, 1)}% "
                     f"({int(r.clients):,} of {int(r.segment_clients):,})"]
            row.append(
                f'<div title="{_title(hover)}" style="display:flex;align-items:center;'
                f'gap:0.4rem;height:1.6rem"><div style="flex:1 1 auto;height:1.1rem;'
                f'background:{BAR_TRACK};border-radius:2px"><div style="height:100%;'
                f'width:{min(max(pct, 0), 100):.3f}%;background:{FIGURE_BLUE};'
                f'border-radius:2px"></div></div><span style="min-width:3.4rem;'
                f'text-align:right;font-size:0.9rem">{fixed(pct, 1)}%</span></div>')
        rows.append("".join(row))
    return ('<div aria-label="Conversion per segment" style="display:grid;'
            f'grid-template-columns:minmax(8rem,max-content) repeat({len(steps)},minmax(0,1fr));'
            'gap:0.2rem 1rem;align-items:center;margin:0.5rem 0">'
            '<div></div>' + head + "".join(rows) + "</div>")


def cohort_figure(cohorts: pd.DataFrame, *, font_size: int = 14):
    """One line per step after the first: % of each month's new clients who reached it.
    Young cohorts (still converting) are shaded. The legend sits above the plot: below it,
    it lay over the axis title once many months turned the tick labels on their side."""
    import plotly.express as px

    shown = cohorts[cohorts["stage"] != cohorts["stage"].iloc[0]] if len(cohorts) else cohorts
    figure = px.line(shown, x="cohort", y="pct", color="label", markers=True,
                     custom_data=["clients", "cohort_clients"],
                     labels={"cohort": "Month of first contact", "pct": "% of the month's clients",
                             "label": ""})
    figure.update_traces(hovertemplate="%{x}: %{y:.1f}% reached %{fullData.name} "
                                       "(%{customdata[0]:,} of %{customdata[1]:,})<extra></extra>")
    young = sorted(shown.loc[shown["young"], "cohort"].unique()) if len(shown) else []
    if young:
        figure.add_vrect(x0=young[0], x1=young[-1], fillcolor="#eeeeee", opacity=0.6,
                         line_width=0, annotation_text="still converting",
                         annotation_position="top left")
    figure.update_layout(font_size=font_size, margin=dict(l=10, r=10, t=10, b=10), height=400,
                         legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"),
                         yaxis_ticksuffix="%")
    figure.update_xaxes(type="category")
    return figure

def durations_figure(durations: pd.DataFrame, *, font_size: int = 14):
    """Median days for each step of the journey, as horizontal bars."""
    import plotly.graph_objects as go

    shown = durations.dropna(subset=["median_days"])
    figure = go.Figure(go.Bar(
        y=shown["label"], x=shown["median_days"], orientation="h", marker_color=FIGURE_BLUE,
        text=[days_text(d) for d in shown["median_days"]], textposition="auto",
        customdata=shown["clients"],
        hovertemplate="%{y}: median %{text} (%{customdata:,} clients)<extra></extra>"))
    figure.update_layout(font_size=font_size, margin=dict(l=10, r=10, t=10, b=10),
                         height=80 + 50 * max(len(shown), 1), xaxis_title="median days",
                         yaxis_autorange="reversed")
    return figure

def buckets_figure(buckets: pd.DataFrame, *, font_size: int = 14):
    """Clients per time-to-convert bucket (``time_to_convert``), as bars."""
    import plotly.graph_objects as go

    figure = go.Figure(go.Bar(
        x=buckets["bucket"], y=buckets["clients"], marker_color=FIGURE_BLUE,
        text=[percent_text(p) if p == p and p is not None else "" for p in buckets["pct"]],
        textposition="auto", hovertemplate="%{x}: %{y:,} clients<extra></extra>"))
    figure.update_layout(font_size=font_size, margin=dict(l=10, r=10, t=10, b=10), height=320,
                         yaxis_title="clients")
    return figure

def sankey_figure(transitions: Transitions, *, font_size: int = 13):
    """A two-column plotly Sankey: where clients moved from (left) and to (right).

    Forward moves are blue, skips orange, moves back red, departures grey.
    """
    import plotly.graph_objects as go

    links = transitions.links
    keys = [s.key for s in transitions.steps]
    labels = {s.key: s.label for s in transitions.steps}
    sources = [k for k in keys if k in set(links["source"])]
    targets = [k for k in keys if k in set(links["target"])] + [
        o for o in OUTCOMES if o in set(links["target"])]
    index_left = {k: i for i, k in enumerate(sources)}
    index_right = {k: len(sources) + i for i, k in enumerate(targets)}
    node_labels = [labels[k] for k in sources] + [
        f"→ {labels[k]}" if k in labels else OUTCOME_LABELS[k] for k in targets]
    kind_words = {"forward": "moved on", "skip": "skipped ahead", "back": "went back",
                  "left": "left"}
    figure = go.Figure(go.Sankey(
                node=dict(label=node_labels, pad=18, thickness=18,
                  color=["#2e75b6"] * len(sources) + [
                      "#7f7f7f" if k in OUTCOME_LABELS else "#2e75b6" for k in targets]),
        link=dict(source=[index_left[s] for s in links["source"]],
                  target=[index_right[t] for t in links["target"]],
                  value=links["moves"].tolist(),
                  color=[KIND_COLOURS[k] for k in links["kind"]],
                  customdata=[kind_words[k] for k in links["kind"]],
                  hovertemplate="%{source.label} → %{target.label}: %{value:,} moves "
                                "(%{customdata})<extra></extra>"),
    ))
    figure.update_layout(font_size=font_size, margin=dict(l=10, r=10, t=10, b=10), height=460)
    return figure

def timeline_figure(timeline: pd.DataFrame, *, presenter: bool = False):
    """The dated events as dots on a time line, one row per kind, coloured by stage
    (None when no event has a date)."""
    import plotly.graph_objects as go

    dated = timeline.dropna(subset=["Date"]).copy()
    dated["When"] = dated["Date"].astype(str).str[:10]
    dated = dated[dated["When"].str.match(r"^\d{4}-\d{2}-\d{2}$")]
    if dated.empty:
        return None
    dated["Hover"] = [_hover(r) for r in dated.itertuples()]
    traces = []
    for stage in [*ALL_STAGES, None]:
        label = LABELS[stage] if stage else "(no stage)"
        rows = dated[dated["Stage"] == label] if stage else dated[dated["Stage"].isna()]
        if rows.empty:
            continue
        traces.append({"type": "scatter", "mode": "markers", "name": label,
                       "x": rows["When"].tolist(),
                       "y": rows["Kind"].tolist(), "hovertext": rows["Hover"].tolist(),
                       "hovertemplate": "%{hovertext}<extra></extra>",
                       "marker": {"size": 16 if presenter else 11, "opacity": 0.85,
                                  "color": STAGE_COLOURS[stage]}})
    kinds = dated["Kind"].nunique()
    return go.Figure({"data": traces, "layout": {
        "height": max(220, 70 + (46 if presenter else 34) * kinds),
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "xaxis": {"type": "date"}, "yaxis": {"type": "category"},
        "legend": {"title": {"text": "Stage"}}, "font": {"size": 18 if presenter else 13}}})

def _hover(row) -> str:
    parts = [row.Date[:10], row.Kind]
    for value in (row.Touchpoint, row.Channel, row.Reason, row.Note):
        if isinstance(value, str) and value:
            parts.append(value)
    if row.Amount == row.Amount and row.Amount is not None:
        parts.append(f"{row.Amount:,.0f}")
    return "<br>".join(html_text(p) for p in parts)

def _jitter(key) -> float:
    """A fixed small offset (-0.2..0.2) so clients of equal effort do not hide each other."""
    return ((int(key) * 7919) % 41 - 20) / 100

def matrix_figure(points: pd.DataFrame, *, by: str = "persona", currency: str = "$",
                  presenter: bool = False):
    """A plotly scatter of reward (revenue potential) against effort with the four
    quadrants shaded and named; bubbles sized by current revenue."""
    import plotly.graph_objects as go

    size = 20 if presenter else 13
    line = reward_line(points) or 0.0
    top = max(float(points["revenue_potential"].max()) * 1.12, line * 2, 1.0) \
        if len(points) else 1.0
    boxes = {QUADRANTS[(True, False)]: (0.5, MIDPOINT, line, top),
             QUADRANTS[(True, True)]: (MIDPOINT, 5.5, line, top),
             QUADRANTS[(False, False)]: (0.5, MIDPOINT, 0, line),
             QUADRANTS[(False, True)]: (MIDPOINT, 5.5, 0, line)}
    shapes, annotations = [], []
    for name, (x0, x1, y0, y1) in boxes.items():
        shapes.append({"type": "rect", "x0": x0, "x1": x1, "y0": y0, "y1": y1,
                       "line": {"width": 0}, "layer": "below",
                       "fillcolor": QUADRANT_SHADES.get(name, "rgba(0,0,0,0.04)")})
        high = y1 == top
        annotations.append({"x": (x0 + x1) / 2, "y": y1 if high else y0,
                            "text": f"<b>{name}</b>", "showarrow": False, "opacity": 0.8,
                            "font": {"size": size + 1, "color": "#1D2B31"},
                            "yanchor": "top" if high else "bottom"})
    dotted = {"color": "#8A9BA1", "width": 1, "dash": "dot"}
    shapes += [{"type": "line", "x0": 0.5, "x1": 5.5, "y0": line, "y1": line, "line": dotted},
               {"type": "line", "x0": MIDPOINT, "x1": MIDPOINT, "y0": 0, "y1": top,
                "line": dotted}]
    data = []
    if len(points):
        revenue = points["revenue_current"].astype(float).clip(lower=0)
        biggest = float(revenue.max()) or 1.0
        each = by == "client"
        x = points["effort"] + (points["id"].map(_jitter) if each else 0)
        data.append({
            "type": "scatter", "mode": "markers" if each else "markers+text",
            "x": x.tolist(), "y": points["revenue_potential"].astype(float).tolist(),
            "text": [html_text(v) for v in points["label"]],
            "textposition": "top center", "textfont": {"size": size},
            "marker": {"size": [(8 if each else 26) + (22 if each else 46) * float(r) / biggest
                                for r in revenue],
                       "color": "#1F6F78", "opacity": 0.55 if each else 0.8,
                       "line": {"width": 1, "color": "white"}},
            "customdata": [list(row) for row in zip(
                points["quadrant"], points["clients"].astype(int), revenue, points["effort"])],
            "hovertemplate": ("%{text}<br>%{customdata[0]}<br>Revenue potential "
                              f"{currency}" + "%{y:,.0f}<br>Effort %{customdata[3]:.1f}"
                              f"<br>Current revenue {currency}" + "%{customdata[2]:,.0f}"
                              + ("" if each else "<br>%{customdata[1]} clients")
                              + "<extra></extra>")})
    return go.Figure({"data": data, "layout": {
        "shapes": shapes, "annotations": annotations,
        "xaxis": {"title": {"text": "Effort (1 little – 5 a lot)"}, "range": [0.5, 5.5],
                  "dtick": 1, "zeroline": False},
        "yaxis": {"title": {"text": "Revenue potential"}, "range": [0, top],
                  "tickprefix": currency, "tickformat": "~s", "zeroline": False},
        "height": 640 if presenter else 480, "margin": {"l": 10, "r": 10, "t": 20, "b": 10},
        "showlegend": False, "font": {"size": size}, "plot_bgcolor": "white"}})

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

def action_matrix_figure(points: pd.DataFrame, *, presenter: bool = False):
    """The open actions on impact against effort (``actions.matrix_points``: one point
    each, labelled with its title, a little apart where several share a score), in the
    four quadrants named for an action list: quick wins, big bets, fill-ins, thankless."""
    import plotly.graph_objects as go

    size = 18 if presenter else 12
    split, low, high = MIDPOINT + 0.5, 0.3, 5.8     # a score of 3 counts as low
    figure = go.Figure()
    for (high_impact, high_effort), name in ACTION_QUADRANTS.items():
        x0, x1 = (split, high) if high_effort else (low, split)
        y0, y1 = (split, high) if high_impact else (low, split)
        figure.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, line_width=0, layer="below",
                         fillcolor=QUADRANT_SHADES[QUADRANTS[(high_impact, high_effort)]])
        figure.add_annotation(x=x1 - 0.06 if high_effort else x0 + 0.06,
                              y=y1 - 0.06 if high_impact else y0 + 0.06,
                              text=f"<b>{name}</b>", showarrow=False, opacity=0.8,
                              font={"size": size + 1, "color": "#1D2B31"},
                              xanchor="right" if high_effort else "left",
                              yanchor="top" if high_impact else "bottom")
    if len(points):
        points = points.sort_values(["impact", "effort", "id"])
        ids = points["id"].astype(int)
        longest = 24 if presenter else 32
        titles = [str(t) if len(str(t)) <= longest else str(t)[:longest - 1].rstrip() + "…"
                  for t in points["title"]]
        # neighbours' labels above and below in turn, so they do not run into each other
        above = [i % 2 == 0 for i in range(len(points))]
        figure.add_trace(go.Scatter(
            x=(points["effort"].astype(float) + ids.map(_jitter)).tolist(),
            y=(points["impact"].astype(float) + (ids * 3 + 1).map(_jitter)).tolist(),
            mode="markers+text", text=[html_text(t) for t in titles],
            textposition=["top center" if up else "bottom center" for up in above],
            textfont={"size": size, "color": "#1D2B31"},
            marker={"size": 16 if presenter else 12, "color": BRAND, "opacity": 0.8,
                    "line": {"width": 1, "color": "white"}},
            customdata=[[html_text(t), q, html_text(o or "no owner"), int(i), int(e)]
                        for t, q, o, i, e in zip(points["title"], points["quadrant"],
                                                 points["owner"], points["impact"],
                                                 points["effort"])],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]} · %{customdata[2]}"
                          "<br>Impact %{customdata[3]}, effort %{customdata[4]}"
                          "<extra></extra>"))
    figure.update_layout(
        xaxis={"title": "Effort (time)", "range": [low, high], "tickvals": [1, 2, 3, 4, 5],
               "zeroline": False, "showgrid": False},
        yaxis={"title": "Impact (sales)", "range": [low, high], "tickvals": [1, 2, 3, 4, 5],
               "zeroline": False, "showgrid": False},
        height=560 if presenter else 460, margin={"l": 40, "r": 20, "t": 20, "b": 40},
        showlegend=False, font={"size": size}, plot_bgcolor="white")
    return figure


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


def trend_figure(sign: SignResult, *, large: bool = False):
    """A line chart of the sign's 12 monthly values (plotly), thresholds drawn in where a
    month's value compares with them."""
    import plotly.graph_objects as go

    trend = sign.trend
    # each month's figure written as the card writes the sign's (format_value: rounded once,
    # half up, from the exact value), not by the chart's own rounding
    written = [format_value(None if pd.isna(v) else float(v), sign.figure_unit)
               for v in trend["value"]]
    figure = go.Figure(go.Scatter(
        x=trend["month"], y=trend["value"], mode="lines+markers",
        line={"color": STATUS_COLOURS[sign.status], "width": 4 if large else 2.5},
        marker={"size": 10 if large else 7}, connectgaps=False, customdata=written,
        hovertemplate="%{x}: %{customdata}<extra></extra>"))
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
