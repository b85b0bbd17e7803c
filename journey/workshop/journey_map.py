"""The journey map as a facilitator presents it: lanes per stage, the coverage of
departments over stages, and the emotion curves (workshop scores and customer data).

Decisions:

- Lanes come from the touchpoints of one state (current by default): touchpoints,
  channels, customer actions, thoughts and feelings, the emotion curve, pain points,
  opportunities and owners. Channels and owners are listed once per stage.
- Coverage counts touchpoints per department and stage. Gaps: a stage with no
  touchpoint; a touchpoint with no owner (or no department); a department with no
  touchpoint in a stage it should serve. Which stages a department should serve is the
  function map's ``stages`` column (``journey.workshop.touchpoints.FUNCTION_MAP_DEFAULTS``):
  marketing awareness, consideration and advocacy; sales consideration and purchase;
  CX and account management purchase, retention and advocacy; operations purchase and
  retention; product consideration and retention; support purchase and retention;
  leadership no stage in particular. The workshop edits it on the touchpoints page.
- The touchpoint curve is the mean emotion (-2..+2) of a stage's scored touchpoints.
- The data curve puts the customers' own signals on the same -2..+2 scale, per stage:
  satisfaction (1-5) minus 3; NPS (promoters minus detractors, -100..100) divided by 50;
  complaints as -4 x complaints per client, floored at -2. Satisfaction belongs to the
  stage a client has reached (its furthest stage). NPS answers and complaints come from
  the events when the workspace has such events (each one belongs to its own stage, or
  else to the stage the client had reached on that date; complaints are then counted
  against the clients who reached the stage), else from the clients' NPS and complaints
  columns by furthest stage. A measure counts with at least ``MIN_ANSWERS`` answers;
  complaints count beside satisfaction or NPS, or alone from ``MIN_ANSWERS``
  complaints (no complaints from people who were never asked is no evidence of
  delight). The data score is the mean of the measures that count; a stage with one is
  *data-backed*, a stage without is *assumed* (only the workshop's scores speak for it).
  The shared filters apply to the data curve (clients), never to the touchpoints.
- The figures of the emotion curves and the coverage heatmap, and the map's SVG emotion
  lane, are drawn by ``journey.charts`` from the frames computed here.
- The KPI lane (``kpi_lane``) shows each KPI in the column of its stage, with its actual
  against its target and its status; KPIs without a stage are the whole journey's and are
  listed beside the map. The actuals are measured by ``journey.scorecard.measure_kpis``
  (above the workshop) and handed in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from ..charts import ASSUMED, DATA_BACKED
from ..columns import DEPARTMENTS
from ..filters import NO_FILTERS, Filters
from ..stages import ALL_STAGES, LABELS, RANK, STAGES, stage_at_column
from .kpis import NO_EVIDENCE, format_figure
from .touchpoints import department_stages, touchpoint_rows

LANES = (
    ("touchpoint", "Touchpoints"), ("channel", "Channels"),
    ("customer_action", "Customer actions"), ("thinks_feels", "Thoughts and feelings"),
    ("emotion", "Emotion curve"), ("pain_points", "Pain points"),
    ("opportunities", "Opportunities"), ("owner", "Owners"),
)
ONCE_PER_STAGE = ("channel", "owner")
MIN_ANSWERS = 5
NO_DEPARTMENT = "(no department)"
CURVE_COLUMNS = [
    "stage", "label", "touchpoint_emotion", "touchpoints_scored", "data_emotion",
    "satisfaction", "satisfaction_answers", "nps", "nps_answers", "complaints",
    "clients", "complaints_per_client", "basis"]
GAP_COLUMNS = ["gap", "stage", "department", "touchpoint", "detail"]


def map_lanes(db: Database, state: str = "current", stages: tuple[str, ...] = STAGES
              ) -> dict[str, dict[str, list[str]]]:
    """Lane -> stage -> the texts in that cell, in touchpoint order (emotion: empty,
    drawn from ``emotion_curves``)."""
    rows = [r for r in touchpoint_rows(db, state=state) if r["stage"] in stages]
    lanes: dict[str, dict[str, list[str]]] = {lane: {s: [] for s in stages} for lane, _ in LANES}
    for row in rows:
        for lane, _ in LANES:
            value = row.get(lane) if lane != "emotion" else None
            cell = lanes[lane][row["stage"]]
            if value is not None and not (lane in ONCE_PER_STAGE and value in cell):
                cell.append(str(value))
    return lanes


def kpi_lane(measured: pd.DataFrame, stages: tuple[str, ...] = STAGES, currency: str = "$"
             ) -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str]]]:
    """The KPI lane from ``journey.scorecard.measure_kpis``: stage -> [(text, status)], and
    the KPIs of no stage shown (the whole journey's) as [(text, status)]. A text reads
    "Name: actual of target" ("no evidence" when there is no actual; "(entered)" when typed
    in by hand)."""
    lane: dict[str, list[tuple[str, str]]] = {s: [] for s in stages}
    whole: list[tuple[str, str]] = []
    for kpi in measured.to_dict("records"):
        target = format_figure(kpi["target"], kpi["unit"], currency)
        if kpi["status"] == NO_EVIDENCE:
            figure = "no evidence"
        else:
            figure = format_figure(kpi["actual"], kpi["unit"], currency)
            figure += " (entered)" if kpi["source"] == "entered" else ""
        item = (f"{kpi['name']}: {figure}, target {target}", kpi["status"])
        (lane[kpi["stage"]] if kpi["stage"] in lane else whole).append(item)
    return lane, whole


def map_table(db: Database, state: str = "current", stages: tuple[str, ...] = STAGES,
              curves: pd.DataFrame | None = None) -> pd.DataFrame:
    """The map as a table to download: one row per lane, one column per stage."""
    lanes = map_lanes(db, state, stages)
    if curves is None:
        curves = emotion_curves(db, state=state, stages=stages)
    by_stage = curves.set_index("stage")
    rows = []
    for lane, title in LANES:
        row = {"lane": title}
        for stage in stages:
            if lane == "emotion":
                row[LABELS[stage]] = _emotion_text(by_stage.loc[stage])
            else:
                row[LABELS[stage]] = "\n".join(lanes[lane][stage])
        rows.append(row)
    return pd.DataFrame(rows, columns=["lane", *(LABELS[s] for s in stages)])


def _emotion_text(row) -> str:
    parts = []
    if pd.notna(row["touchpoint_emotion"]):
        parts.append(f"touchpoints {row['touchpoint_emotion']:+.1f}")
    if pd.notna(row["data_emotion"]):
        parts.append(f"data {row['data_emotion']:+.1f}")
    return f"{', '.join(parts) or 'no scores'} ({row['basis']})"


# --- coverage --------------------------------------------------------------------------

@dataclass
class Coverage:
    counts: pd.DataFrame            # departments x stages: touchpoints
    gaps: pd.DataFrame              # GAP_COLUMNS
    expected: dict[str, tuple[str, ...]]   # department -> stages it should serve

    def is_gap(self, department: str, stage: str) -> bool:
        """A department with no touchpoint in a stage it should serve."""
        return stage in self.expected.get(department, ()) and \
            self.counts.loc[department, stage] == 0


def coverage(db: Database, state: str = "current", stages: tuple[str, ...] = STAGES
             ) -> Coverage:
    """Touchpoints per department and stage, and the gaps (see the module notes)."""
    rows = [r for r in touchpoint_rows(db, state=state) if r["stage"] in stages]
    expected = department_stages(db)
    departments = list(DEPARTMENTS) + sorted(
        {r["department"] for r in rows if r["department"] and r["department"]
         not in DEPARTMENTS})
    if any(not r["department"] for r in rows):
        departments.append(NO_DEPARTMENT)
    tally = Counter((r["department"] or NO_DEPARTMENT, r["stage"]) for r in rows)
    counts = pd.DataFrame([[tally[(d, s)] for s in stages] for d in departments],
                          index=pd.Index(departments, name="department"), columns=list(stages))
    per_stage = Counter(r["stage"] for r in rows)
    gaps = []
    for stage in stages:
        if not per_stage[stage]:
            gaps.append(("empty stage", stage, None, None,
                         f"{LABELS[stage]} has no {state} touchpoint."))
    for row in rows:
        where = f"'{row['touchpoint']}' ({LABELS[row['stage']]})"
        if not row["owner"]:
            gaps.append(("no owner", row["stage"], row["department"], row["touchpoint"],
                         f"{where} has no owner."))
        if not row["department"]:
            gaps.append(("no department", row["stage"], None, row["touchpoint"],
                         f"{where} has no department."))
    for department, served in expected.items():
        for stage in served:
            if stage in stages and department in departments and not tally[(department, stage)]:
                gaps.append(("missing department", stage, department, None,
                             f"{department} should serve {LABELS[stage]} but has no "
                             f"touchpoint there."))
    order = {"empty stage": 0, "missing department": 1, "no owner": 2, "no department": 3}
    gaps.sort(key=lambda g: (order[g[0]], RANK[g[1]], g[2] or "", g[3] or ""))
    gaps = pd.DataFrame(gaps, columns=GAP_COLUMNS, dtype=object)
    return Coverage(counts, gaps, expected)


# --- emotion curves --------------------------------------------------------------------

def _event_stage_sql() -> str:
    """The stage an event belongs to: its own, else the client's stage on that date."""
    reached = " ".join(
        f"WHEN c.[{stage_at_column(s)}] IS NOT NULL AND substr(c.[{stage_at_column(s)}], 1, 10)"
        f" <= substr(e.date, 1, 10) THEN '{s}'" for s in reversed(ALL_STAGES))
    return f"COALESCE(e.stage, CASE {reached} ELSE c.furthest_stage END)"


def _event_rows(db: Database, kind: str, filters: Filters) -> list[tuple]:
    """(stage, amount) of every event of a kind, filtered through its client."""
    where, params = filters.where("c")
    if where != "1":
        where = f"c.id IS NOT NULL AND {where}"
    return db.execute(
        f"SELECT {_event_stage_sql()}, e.amount FROM events e "
        f"LEFT JOIN {filters.clients('c')} ON c.id = e.client_ref "
        f"WHERE e.kind = ? AND {where}",
        [kind, *params]).fetchall()


def _has_events(db: Database, kind: str, scored: bool = False) -> bool:
    extra = " AND amount IS NOT NULL" if scored else ""
    return db.execute(f"SELECT 1 FROM events WHERE kind = ?{extra} LIMIT 1",
                      [kind]).fetchone() is not None


def _nps(scores: list[float]) -> float | None:
    if not scores:
        return None
    promoters = sum(s >= 9 for s in scores)
    detractors = sum(s <= 6 for s in scores)
    return 100.0 * (promoters - detractors) / len(scores)


def customer_signals(db: Database, filters: Filters = NO_FILTERS,
                     stages: tuple[str, ...] = STAGES) -> pd.DataFrame:
    """Per stage: clients, satisfaction, NPS and complaints (see the module notes)."""
    where, params = filters.where()
    at_stage = {row[0]: row[1:] for row in db.execute(
        "SELECT furthest_stage, COUNT(*), AVG(satisfaction), COUNT(satisfaction), "
        f"SUM(complaints) FROM {filters.clients()} WHERE {where} GROUP BY furthest_stage",
        params).fetchall()}
    reached = {stage: db.execute(f"SELECT COUNT(*) FROM {filters.clients()} WHERE {where} "
                                 "AND furthest_rank >= ?", [*params, RANK[stage]]).fetchone()[0]
               for stage in stages}
    nps_scores: dict[str, list[float]] = {s: [] for s in stages}
    if _has_events(db, "nps", scored=True):
        for stage, amount in _event_rows(db, "nps", filters):
            if stage in nps_scores and amount is not None:
                nps_scores[stage].append(amount)
    else:
        for stage, score in db.execute(
                f"SELECT furthest_stage, nps FROM {filters.clients()} "
                f"WHERE {where} AND nps IS NOT NULL",
                params).fetchall():
            if stage in nps_scores:
                nps_scores[stage].append(score)
    complaint_events = _has_events(db, "complaint")
    complaints = {s: None for s in stages}
    if complaint_events:
        complaints = {s: 0 for s in stages}
        for stage, _ in _event_rows(db, "complaint", filters):
            if stage in complaints:
                complaints[stage] += 1
    rows = []
    for stage in stages:
        n, sat, n_sat, column_complaints = at_stage.get(stage, (0, None, 0, None))
        clients = reached[stage] if complaint_events else n
        count = complaints[stage] if complaint_events else column_complaints
        rows.append({"stage": stage, "clients": clients, "satisfaction": sat,
                     "satisfaction_answers": n_sat, "nps": _nps(nps_scores[stage]),
                     "nps_answers": len(nps_scores[stage]),
                     "complaints": None if count is None else int(count)})
    return pd.DataFrame(rows)


def data_score(row: dict) -> float | None:
    """A stage's customer signals on the -2..+2 scale, or None when too few count."""
    parts = []
    if (row["satisfaction_answers"] or 0) >= MIN_ANSWERS and row["satisfaction"] is not None:
        parts.append(max(-2.0, min(2.0, row["satisfaction"] - 3)))
    if (row["nps_answers"] or 0) >= MIN_ANSWERS and row["nps"] is not None:
        parts.append(max(-2.0, min(2.0, row["nps"] / 50)))
    complaints, clients = row["complaints"], row["clients"] or 0
    if complaints is not None and clients >= MIN_ANSWERS and (parts or
                                                              complaints >= MIN_ANSWERS):
        parts.append(max(-2.0, -4.0 * complaints / clients))
    return round(sum(parts) / len(parts), 2) if parts else None


def emotion_curves(db: Database, *, state: str = "current", filters: Filters = NO_FILTERS,
                   stages: tuple[str, ...] = STAGES) -> pd.DataFrame:
    """One row per stage: the touchpoints' mean emotion, the customer data's score and
    its parts, and whether the stage is data-backed or assumed (CURVE_COLUMNS)."""
    scored: dict[str, list[int]] = {s: [] for s in stages}
    for row in touchpoint_rows(db, state=state):
        if row["stage"] in scored and row["emotion"] is not None:
            scored[row["stage"]].append(row["emotion"])
    signals = customer_signals(db, filters, stages).to_dict("records")
    rows = []
    for stage, signal in zip(stages, signals):
        scores = scored[stage]
        data = data_score(signal)
        clients = signal["clients"] or 0
        rows.append({
            **signal, "label": LABELS[stage],
            "touchpoint_emotion": round(sum(scores) / len(scores), 2) if scores else None,
            "touchpoints_scored": len(scores), "data_emotion": data,
            "satisfaction": None if signal["satisfaction"] is None
            else round(signal["satisfaction"], 2),
            "nps": None if signal["nps"] is None else round(signal["nps"], 1),
            "complaints_per_client": None if signal["complaints"] is None or not clients
            else round(signal["complaints"] / clients, 3),
            "basis": DATA_BACKED if data is not None else ASSUMED})
    return pd.DataFrame(rows, columns=CURVE_COLUMNS)
