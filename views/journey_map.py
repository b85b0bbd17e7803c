"""Journey map: the stages as columns and the lanes (touchpoints, channels, customer
actions, thoughts and feelings, the emotion curve, pain points, opportunities, owners) as
one picture for the projector; the emotion curves from the workshop and from the
customers' data; the department coverage heatmap with its gaps.

Every text in the map comes from people, so each one goes through ``html``
(journey_ui.text).
"""

import base64
import datetime as dt

import pandas as pd
import streamlit as st

from journey import charts, figures, scorecard
from journey.charts import STATUS_FILLS
from journey.errors import JourneyError
from journey.stages import LABELS, STAGES, stage_model
from journey.workshop import actions
from journey.workshop import journey_map as jm
from journey.workspace import get_setting
from journey_ui import frame, widgets
from journey_ui.text import html, md

ctx = frame.page_context()
stages = stage_model(bool(frame.cached(get_setting)(ctx, "pre_awareness")))
COLUMN_WIDTH = 220
# (presenter, six stages) -> rem of the map's lane titles' column, its text, its stages' names:
# the five stages (or six) side by side fit the page at 1280 px, normal and presenter mode
MAP_SIZES = {(False, False): ("6.5", "0.85", "1.05"), (False, True): ("5.5", "0.78", "0.95"),
             (True, False): ("9", "1.05", "1.3"), (True, True): ("7.5", "0.95", "1.1")}
LANE_CLASS = {"pain_points": "pain", "opportunities": "opportunity", "channel": "chips",
              "owner": "chips"}
CURVE_LABELS = {"label": "Stage", "touchpoint_emotion": "Touchpoints (mean)",
                "touchpoints_scored": "Scored touchpoints", "data_emotion": "Customers (score)",
                "satisfaction": "Satisfaction (1–5)", "satisfaction_answers": "Satisfaction answers",
                "nps": "NPS", "nps_answers": "NPS answers", "complaints": "Complaints",
                "clients": "Clients", "complaints_per_client": "Complaints per client",
                "basis": "Basis"}
# Scores on the −2..+2 scale and small rates read with more than the table's one decimal.
CURVE_DECIMALS = {"touchpoint_emotion": "%.2f", "data_emotion": "%.2f",
                  "satisfaction": "%.2f", "complaints_per_client": "%.3f"}



def curve_figures(curves: pd.DataFrame) -> pd.DataFrame:
    """The curves' figures, one a row, a column for each stage, written out: scores and
    rates with CURVE_DECIMALS' places, NPS with one, counts with thousands separators."""
    def written(column: str, value) -> str | None:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return None
        if column == "basis":
            return sentence_case(value)
        if column in CURVE_DECIMALS:
            return CURVE_DECIMALS[column] % value
        return f"{value:,.1f}" if column == "nps" else f"{value:,.0f}"

    shown = [c for c in CURVE_LABELS if c != "label" and c in curves]
    return pd.DataFrame({"Figure": [CURVE_LABELS[c] for c in shown], **{
        label: [written(c, row[c]) for c in shown]
        for label, (_, row) in zip(curves["label"], curves.iterrows())}})


def chart(figure, key: str) -> None:
    """A figure, readable from the back of the room in presenter mode."""
    st.plotly_chart(charts.for_presenter(figure) if ctx.presenter else figure, key=key)


def sentence_case(text):
    return text[:1].upper() + text[1:] if isinstance(text, str) else text


MAP_CSS = """
<style>
.journey-map { overflow-x: auto; }
.journey-map table { border-collapse: separate; border-spacing: 4px; table-layout: fixed;
  width: 100%; min-width: 640px; }
.journey-map th, .journey-map td { vertical-align: top; padding: 0.45rem 0.4rem;
  border-radius: 0.4rem; font-size: FONTrem; line-height: 1.3; overflow-wrap: break-word; }
.journey-map thead th { background: #1F4E5F; color: white; text-align: center;
  font-size: HEADrem; padding: 0.45rem 0.2rem; }
.journey-map tbody th { background: rgba(31, 78, 95, 0.08); text-align: left; }
.journey-map th:first-child { width: LANErem; }
.journey-map td { background: rgba(31, 78, 95, 0.04); }
.journey-map td.pain { background: rgba(214, 69, 65, 0.12); }
.journey-map td.opportunity { background: rgba(46, 160, 67, 0.12); }
.journey-map td.curve { background: transparent; padding: 0; }
.journey-map ul { margin: 0; padding-left: 0.95rem; }
.journey-map li { margin: 0 0 0.25rem 0; }
.journey-map .chip { display: inline-block; border: 1px solid #9bb; border-radius: 1rem;
  padding: 0 0.5rem; margin: 0 0.25rem 0.25rem 0; }
.journey-map td.kpis li { list-style: none; margin-left: -0.95rem; padding: 0.1rem 0.3rem;
  border-radius: 0.3rem; }
.journey-map li.met { background: MET_FILL; color: MET_FONT; }
.journey-map li.not-met { background: NOT_FILL; color: NOT_FONT; }
.journey-map .basis { display: block; font-size: 0.8em; opacity: 0.75; font-weight: normal; }
</style>
"""


def cell(lane: str, items: list[str]) -> str:
    """One cell's items, escaped: chips for channels and owners, a list for the rest."""
    if not items:
        return "<td></td>"
    css = f' class="{LANE_CLASS[lane]}"' if lane in LANE_CLASS else ""
    if lane in ("channel", "owner"):
        return f"<td{css}>" + "".join(f'<span class="chip">{html(i)}</span>'
                                      for i in items) + "</td>"
    entries = "".join("<li>" + "<br>".join(html(line) for line in item.splitlines())
                      + "</li>" for item in items)
    return f"<td{css}><ul>{entries}</ul></td>"


def kpi_cell(items: list[tuple[str, str]]) -> str:
    """The KPI lane's cell: each KPI on its own line, green when met, red when not, plain
    without evidence."""
    if not items:
        return "<td></td>"
    css = {"met": ' class="met"', "not met": ' class="not-met"'}
    return '<td class="kpis"><ul>' + "".join(
        f"<li{css.get(status, '')}>{html(text)}</li>" for text, status in items) + "</ul></td>"


def map_html(lanes: dict, curves, presenter: bool, kpi_lane: dict | None = None) -> str:
    """The map as an HTML table: stages across, lanes down, the curve spanning the stages."""
    basis = dict(zip(curves["stage"], curves["basis"]))
    head = "".join(f"<th>{html(LABELS[s])}"
                   f'<span class="basis">{html(basis[s])}</span></th>' for s in stages)
    body = []
    for lane, title in jm.LANES:
        if lane == "emotion":
            # st.html drops inline <svg>; as an image the curve keeps its columns
            svg = base64.b64encode(figures.emotion_svg(curves, column_width=COLUMN_WIDTH)
                                   .encode()).decode()
            body.append(f"<tr><th>{title}</th>"
                        f'<td class="curve" colspan="{len(stages)}"><img alt="Emotion curve" '
                        f'src="data:image/svg+xml;base64,{svg}" style="width:100%"></td></tr>')
            continue
        body.append(f"<tr><th>{title}</th>"
                    + "".join(cell(lane, lanes[lane][s]) for s in stages) + "</tr>")
    if kpi_lane and any(kpi_lane.values()):
        body.append("<tr><th>KPIs</th>" + "".join(kpi_cell(kpi_lane[s]) for s in stages)
                    + "</tr>")
    (met_fill, met_font), (not_fill, not_font) = STATUS_FILLS["green"], STATUS_FILLS["red"]
    # rem: the lane titles' column, the cells' text, the stages' names; a sixth stage
    # (pre-awareness) takes a smaller size, so its words still fit at 1280 px
    lane_rem, font_rem, head_rem = MAP_SIZES[presenter, len(stages) > len(STAGES)]
    css = MAP_CSS.replace("LANE", lane_rem).replace("FONT", font_rem).replace(
        "HEAD", head_rem).replace("MET_FILL", met_fill).replace(
        "MET_FONT", met_font).replace("NOT_FILL", not_fill).replace("NOT_FONT", not_font)
    return (f'{css}<div class="journey-map"><table><thead><tr><th></th>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


def gap_to_action(gaps: list[dict]) -> None:
    """Turn a coverage gap into an action on the Workshop page's list, prefilled from the
    gap; the owner, effort and due date can be changed before it is saved."""
    if not gaps:
        st.caption("Every gap is on the Workshop page's action list.")
        return
    with st.popover("Turn a gap into an action", icon=":material/add_task:"):
        chosen = st.selectbox("Gap", range(len(gaps)), key="gap_pick",
                              format_func=lambda i: gaps[i]["detail"])
        prefilled = actions.from_gap(gaps[chosen])
        with st.form("gap_action", border=False):
            # keyed by the gap, so choosing another one prefills its own title
            title = st.text_input("What will be done", value=prefilled["title"],
                                  key=f"gap_action_title_{actions.gap_source(gaps[chosen])}",
                                  max_chars=actions.TITLE_LENGTH)
            st.caption(f"Stage: {LABELS[prefilled['stage']]} · Department: "
                       f"{md(prefilled['department'] or '—')} · Impact: "
                       f"{prefilled['impact']} of 5")
            left, middle, right = st.columns(3)
            owner = left.text_input("Owner", key="gap_action_owner", placeholder="Sam")
            effort = middle.slider("Effort (time)", 1, 5, prefilled["effort"],
                                   key="gap_action_effort")
            due = right.date_input("Due", value=dt.date.fromisoformat(prefilled["due"]),
                                   min_value=dt.date.today(), key="gap_action_due",
                                   format="YYYY-MM-DD")
            added = st.form_submit_button("Add to the action list",
                                          icon=":material/add_task:", type="primary")
    if added:       # out here, a refusal shows under the table, not in a closed popover
        try:
            with frame.connection(ctx) as db:
                actions.add_action(db, {**prefilled, "title": title, "owner": owner,
                                        "effort": effort, "due": due})
        except JourneyError as error:
            st.error(md(error), icon=":material/error:")
            return
        widgets.flash(f"Added to the Workshop page's action list: {title.strip()}")
        st.rerun()


st.title("Journey map")
widgets.show_flashes()
state = st.segmented_control("State", ["current", "future"], default="current",
                             key="map_state", format_func=str.capitalize) or "current"
lanes = frame.cached(jm.map_lanes)(ctx, state, stages)
curves = frame.cached(jm.emotion_curves)(ctx, state=state, filters=ctx.filters,
                                         stages=stages)
if not any(lanes["touchpoint"].values()):
    widgets.empty_state(f"No {state}-state touchpoints yet",
                        "Capture them on the Touchpoints page (or import a Touchpoints "
                        "sheet), and the map draws itself.", icon=":material/map:")
    if not ctx.presenter:
        st.page_link("views/touchpoints.py", label="Go to Touchpoints",
                     icon=":material/arrow_forward:")
    st.stop()

measured = frame.cached(scorecard.measure_kpis)(ctx)
kpis_by_stage, whole_journey = jm.kpi_lane(measured, stages,
                                           frame.cached(get_setting)(ctx, "currency"))
st.html(map_html(lanes, curves, ctx.presenter, kpis_by_stage))
if whole_journey:
    st.html('<div class="journey-map"><table><tbody><tr><th>KPIs of the whole journey</th>'
            + kpi_cell(whole_journey) + "</tr></tbody></table></div>")
st.caption("Emotion lane: the solid line is the workshop's scores (−2 upset to +2 "
           "delighted), the dashed line the customers' data. Filled dots: the stage is "
           "data-backed (satisfaction, NPS or complaints); hollow: assumed."
           + (" KPI lane: green is met, red is not met, plain has no evidence yet; the "
              "targets are set on the Workshop page." if not measured.empty else ""))

st.subheader("Emotion curve")
chart(figures.emotion_figure(curves, large=ctx.presenter), "emotion_curve")
backed = [LABELS[s] for s, b in zip(curves["stage"], curves["basis"]) if b == jm.DATA_BACKED]
assumed = [LABELS[s] for s, b in zip(curves["stage"], curves["basis"]) if b == jm.ASSUMED]
widgets.sentence(
    (f"Data-backed: {', '.join(backed)}. " if backed else "No stage has customer data yet. ")
    + (f"Assumed (workshop scores only): {', '.join(assumed)}." if assumed else ""))
if not ctx.presenter:
    with st.expander("The figures behind the curves"):
        # a figure a row, a stage a column: a stage a row (12 columns) scrolled 469 px
        # sideways at 1280
        widgets.static_table(curve_figures(curves), formats={"Figure": "text"})
        st.caption("Satisfaction 1–5 minus 3, NPS divided by 50 and −4 × complaints per "
                   "client put each signal on the −2..+2 scale; the customers' score is "
                   "their mean. A signal counts with at least "
                   f"{jm.MIN_ANSWERS} answers. The sidebar's filters apply to the data.")

st.subheader("Coverage")
coverage = frame.cached(jm.coverage)(ctx, state, stages)
chart(figures.coverage_figure(coverage, large=ctx.presenter), "coverage_heatmap")
if coverage.gaps.empty:
    st.success("No gaps: every stage has touchpoints, every touchpoint an owner, and every "
               "function serves the stages it should.", icon=":material/check:")
else:
    st.markdown(f"**{len(coverage.gaps)} gap{'s' if len(coverage.gaps) != 1 else ''}**")
    made = frame.cached(actions.made_from)(ctx)
    taken = [made.get(actions.gap_source(g)) for g in coverage.gaps.to_dict("records")]
    gaps = coverage.gaps[["gap", "detail"]].assign(gap=coverage.gaps["gap"].map(sentence_case))
    labels = {"gap": "Gap", "detail": "What is missing"}
    if any(taken):                   # the gaps already on the action list say so
        gaps["action"] = [f"{a['title']} ({a['owner'] or 'no owner yet'})" if a else ""
                          for a in taken]
        labels["action"] = "On the action list"
    widgets.table(gaps, labels, width="stretch")
    if ctx.editing:
        gap_to_action([g for g, a in zip(coverage.gaps.to_dict("records"), taken) if not a])
st.caption("Which stages a function should serve comes from the function map on the "
           "Touchpoints page.")

if widgets.downloads_shown():
    st.divider()
    st.markdown("**Download**")
    widgets.download_table(jm.map_table(ctx.db, state, stages, curves), "journey-map",
                           key="map_download", label="Map ")
    if not coverage.gaps.empty:
        widgets.download_table(coverage.gaps, "coverage-gaps", key="gaps_download",
                               label="Gaps ")
