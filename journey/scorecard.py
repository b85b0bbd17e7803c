"""The workshop's scorecard, measured live: each KPI's actual from the data (or as entered),
each stage's conversion, the signs' statuses and the actions' statuses; closing a session
keeps them, and the next session opens on what changed since.

It sits above the analyses it reads (the funnel, the signs, the persona cards) and below the
export, the demo and the command line; the KPIs and the sessions themselves are stored by
``journey.workshop.kpis`` and ``journey.workshop.sessions``.

Where each KPI's actual comes from (``journey.workshop.kpis.MEASURES``):

- conversion to the next stage: the funnel (``compute_funnel``), the next stage's clients as
  a percentage of the stage's; median days to the next stage: ``stage_durations``;
- revenue, revenue per customer, purchases per customer per year, average satisfaction and
  the Net Promoter Score: the persona cards' figures (``persona_figures``) for a persona
  that has a card, and the same definitions over the clients in scope otherwise
  (``business_figures``; the business's revenue with its sales that name no client);
- complaints per 100 active clients: the "high customer complaints" sign over its period
  (the last 12 months of the data).

A KPI for a persona counts the clients whose tracker names that persona (ignoring case,
spaces and punctuation); the revenue, satisfaction, NPS and visit figures of a persona with
a card also count the clients assigned to it by hand, as its card does. Sessions measure the
whole workspace, never the sidebar's filters.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlite_utils import Database

from .derive import client_revenue_sql
from .filters import NO_FILTERS, Filters
from .funnel import as_of_date, compute_funnel, money_at_stake, stage_durations
from .overview import missing_evidence, revenue as business_revenue, without_unmeasured
from .signs import compute_signs
from .stages import LABELS, RANK, normalise_value
from .workshop import actions as action_list
from .workshop import kpis as kpi_store
from .workshop import sessions
from .workshop.personas import persona_figures
from .workspace import get_setting

KPI_COLUMNS = ["id", "version", "name", "measure", "measure_label", "stage", "persona",
               "target", "unit", "better", "due", "actual", "source", "status", "why",
               "past_due", "entered"]
_FIGURE_OF = {"revenue": "revenue_current", "revenue_per_customer": "revenue_per_customer",
              "visit_frequency": "visit_frequency", "satisfaction": "satisfaction_avg",
              "nps": "nps_score"}


# --- KPI actuals ---------------------------------------------------------------------------

def measure_kpis(db: Database, *, today: dt.date | None = None,
                 filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Every KPI with its actual, where the actual came from (``data`` or ``entered``), its
    status (met, not met, no evidence), why there is no evidence when there is none, and
    whether its due date has passed. ``filters`` narrow the clients measured (a session's
    snapshot of an earlier period); KPIs are listed in journey order."""
    stored = kpi_store.list_kpis(db)
    day = (today or dt.date.today()).isoformat()
    reader = _Reader(db, filters)
    rows = []
    for kpi in stored.to_dict("records"):
        measure = kpi_store.MEASURES[kpi["measure"]]
        actual, why = (None, "Entered by hand: type the latest figure in.") \
            if not measure.from_data else reader.actual(kpi)
        source = kpi_store.DATA if actual is not None else None
        if actual is None and kpi["actual"] is not None:
            actual, source = float(kpi["actual"]), kpi_store.ENTERED
            why = None
        status = kpi_store.judge(actual, kpi["target"], kpi["better"])
        rows.append({**{k: kpi[k] for k in ("id", "version", "name", "measure", "stage",
                                             "persona", "target", "unit", "better", "due")},
                     "measure_label": measure.label,
                     "actual": None if actual is None else round(float(actual), 2),
                     "source": source, "status": status,
                     "why": why if actual is None else None,
                     "past_due": bool(kpi["due"] and kpi["due"] < day),
                     "entered": kpi["actual"]})
    frame = pd.DataFrame(rows, columns=KPI_COLUMNS)
    return frame.astype(object).where(frame.notna(), None)


class _Reader:
    """Reads each figure once per scope (a persona, or everyone) for ``measure_kpis``."""

    def __init__(self, db: Database, filters: Filters):
        self.db, self.filters = db, filters
        self._funnels: dict = {}
        self._durations: dict = {}
        self._signs: dict = {}
        self._business: dict = {}
        self._cards = None
        self._values = None
        self._missing: dict[str, str] | None = None

    def unmeasured(self, stage: str) -> str | None:
        """Why nothing in the data measures ``stage`` (``overview.missing_evidence``), or
        None when something does."""
        if self._missing is None:
            self._missing = missing_evidence(self.db)
        return self._missing.get(stage)

    def scope(self, persona: str | None) -> Filters | None:
        """The filters of a persona's clients (None when no client names it)."""
        if not persona:
            return self.filters
        if self._values is None:
            self._values = [r[0] for r in self.db.execute(
                "SELECT DISTINCT persona FROM clients WHERE persona IS NOT NULL")]
        key = normalise_value(persona)
        values = tuple(v for v in self._values if normalise_value(v) == key)
        if not values:
            return None
        f = self.filters
        return Filters(f.date_from, f.date_to, values, f.client_type, f.region, f.channel)

    def card(self, persona: str) -> dict | None:
        if self._cards is None:
            figures = persona_figures(self.db, self.filters)
            self._cards = {normalise_value(r["name"]): r for r in figures.to_dict("records")}
        return self._cards.get(normalise_value(persona))

    def actual(self, kpi: dict) -> tuple[float | None, str | None]:
        """The KPI's figure from the data, or None and a sentence saying why there is none."""
        measure, stage, persona = kpi["measure"], kpi["stage"], kpi["persona"]
        lacking = f"The data has no {kpi_store.MEASURES[measure].measured_by}."
        if persona and measure in _FIGURE_OF and self.card(persona) is not None:
            row = self.card(persona)
            if not row["clients"]:
                return None, f"No client is counted as {persona} yet."
            if measure.startswith("revenue") and not self.has_revenue():
                return None, lacking
            value = row[_FIGURE_OF[measure]]
            return (None, lacking) if value is None or value != value else (float(value), None)
        scope = self.scope(persona)
        if scope is None:
            return None, f"No client's persona is {persona}, so there is nothing to measure."
        key = (scope.persona,)
        if measure == "conversion":
            funnel = self._funnels.get(key)
            if funnel is None:
                funnel = self._funnels[key] = compute_funnel(self.db, filters=scope,
                                                             model="pre-awareness")
            at = list(funnel["stage"]).index(stage)
            # A step into (or out of) a stage nothing measures is no evidence, not 0%.
            why = self.unmeasured(funnel["stage"].iloc[at + 1]) or self.unmeasured(stage)
            if why:
                return None, why
            if not int(funnel["clients"].iloc[at]):
                return None, f"No client reached {LABELS[stage].lower()}" + (
                    f" among {persona}." if persona else ".")
            return float(funnel["pct_of_previous"].iloc[at + 1]), None
        if measure == "time_to_next":
            durations = self._durations.get(key)
            if durations is None:
                durations = self._durations[key] = stage_durations(
                    self.db, filters=scope, model="pre-awareness")
            row = durations[durations["from_stage"] == stage]
            if row.empty or not int(row["clients"].iloc[0]):
                return None, (f"No client has dates for both {LABELS[stage]} and the next "
                              "stage.")
            return float(row["median_days"].iloc[0]), None
        if measure == "complaints":
            report = self._signs.get(key)
            if report is None:
                report = self._signs[key] = compute_signs(self.db, scope)
            sign = report.by_key("high_complaints")
            return (float(sign.value), None) if sign.value is not None else (
                None, sign.missing or lacking)
        figures = self._business.get(key)
        if figures is None:
            figures = self._business[key] = business_figures(self.db, scope)
        if not figures["clients"]:
            return None, "No client matches."
        if measure.startswith("revenue") and not self.has_revenue():
            return None, lacking
        value = figures[_FIGURE_OF[measure]]
        return (None, lacking) if value is None else (float(value), None)

    def has_revenue(self) -> bool:
        return has_revenue(self.db)


def has_revenue(db: Database) -> bool:
    """Whether any client has a revenue (the tracker's, or purchase amounts)."""
    return db.execute("SELECT 1 FROM clients WHERE revenue_current IS NOT NULL OR "
                      "revenue_events IS NOT NULL LIMIT 1").fetchone() is not None


def business_figures(db: Database, filters: Filters = NO_FILTERS) -> dict:
    """The persona cards' figures (``journey.workshop.personas``) over the clients that pass
    ``filters``: clients, customers, revenue_current (with the sales that name no client,
    ``overview.revenue``), revenue_per_customer (the clients' alone),
    satisfaction_avg, nps_score (% promoters minus % detractors) and visit_frequency
    (purchase days per customer per year, from each customer's first purchase to the
    workspace's last date, at least a month each). None where nothing measures it."""
    where, params = filters.where("c")
    as_of = as_of_date(db)
    row = db.execute(f"""
    WITH member AS (
      SELECT c.furthest_rank >= {RANK['purchase']} AS customer,
        {client_revenue_sql('c')} AS revenue, c.satisfaction,
        COALESCE(c.nps, (SELECT e.amount FROM events e WHERE e.client_ref = c.id
                         AND e.kind = 'nps' AND e.amount IS NOT NULL
                         ORDER BY e.date DESC, e.id DESC LIMIT 1)) AS nps,
        MAX(1, COALESCE(c.purchase_days, 0), COALESCE(c.purchases, 0)) AS visits,
        COALESCE(c.purchase_at, c.first_date) AS since
      FROM {filters.clients('c')} WHERE {where})
    SELECT COUNT(*), SUM(customer), SUM(revenue), AVG(satisfaction), COUNT(nps),
      SUM(nps >= 9), SUM(nps <= 6),
      SUM(CASE WHEN customer AND since IS NOT NULL THEN visits END),
      SUM(CASE WHEN customer AND since IS NOT NULL
          THEN MAX(30.0, julianday(?) - julianday(substr(since, 1, 10))) END)
    FROM member""", [*params, as_of[:10] if as_of else None]).fetchone()
    clients, customers, revenue, satisfaction, answers, promoters, detractors, visits, \
        exposure = row
    return {
        "clients": clients or 0, "customers": customers or 0,
        # The business's revenue counts its sales that name no client, as the Overview's.
        "revenue_current": business_revenue(db, filters).total,
        "revenue_per_customer": revenue / customers if revenue is not None and customers
        else None,
        "satisfaction_avg": None if satisfaction is None else round(satisfaction, 2),
        "nps_score": round(100.0 * (promoters - detractors) / answers, 2) if answers else None,
        "visit_frequency": round(visits * 365.25 / exposure, 4) if visits and exposure
        else None}


def kpi_records(db: Database, *, today: dt.date | None = None) -> list[dict]:
    """The KPIs as the command line's JSON lists them (DESIGN.md): stage, persona, name,
    target, actual, source (data or entered; null without an actual), status, due."""
    keys = ("stage", "persona", "name", "target", "actual", "source", "status", "due")
    return [{key: row[key] for key in keys}
            for row in measure_kpis(db, today=today).to_dict("records")]


def kpi_table(measured: pd.DataFrame, currency: str = "$") -> pd.DataFrame:
    """The KPIs as people read them (the page's table and the command line's lines): human
    column names, figures with their units, empty cells empty."""
    rows = []
    for k in measured.to_dict("records"):
        status = kpi_store.STATUS_LABELS[k["status"]]
        if k["status"] == kpi_store.NOT_MET and k["past_due"]:
            status += " (past due)"
        rows.append({
            "KPI": k["name"], "Stage": LABELS.get(k["stage"], "") if k["stage"] else "",
            "Persona": k["persona"] or "",
            "Target": kpi_store.format_figure(k["target"], k["unit"], currency),
            "Actual": kpi_store.format_figure(k["actual"], k["unit"], currency),
            "From": {kpi_store.DATA: "the data", kpi_store.ENTERED: "entered by hand"}.get(
                k["source"], ""),
            "Status": status, "Due": k["due"] or "",
            "Why no evidence": k["why"] or ""})
    return pd.DataFrame(rows, columns=["KPI", "Stage", "Persona", "Target", "Actual", "From",
                                       "Status", "Due", "Why no evidence"])


def kpis_of_persona(measured: pd.DataFrame, persona: str) -> pd.DataFrame:
    """The KPIs set for one persona (matched ignoring case, spaces and punctuation)."""
    key = normalise_value(persona)
    return measured[[p is not None and normalise_value(p) == key
                     for p in measured["persona"]]]


# --- sessions ------------------------------------------------------------------------------

def take_snapshot(db: Database, *, filters: Filters = NO_FILTERS,
                  today: dt.date | None = None) -> dict:
    """The figures a session keeps: KPIs (actual, status), each stage's conversion, the
    signs' statuses, the actions' statuses and money at stake, as plain JSON-ready data."""
    today = today or dt.date.today()
    pre = get_setting(db, "pre_awareness")
    # A stage nothing measures keeps no figures (not "0%, no change" next time).
    funnel = without_unmeasured(compute_funnel(db, filters=filters, pre_awareness=pre),
                                missing_evidence(db))
    report = compute_signs(db, filters)
    money = money_at_stake(db, filters=filters, pre_awareness=pre)
    measured = measure_kpis(db, today=today, filters=filters)
    acts = action_list.list_actions(db, today=today)
    return {
        "measured_to": filters.date_to or as_of_date(db),
        "taken_on": today.isoformat(),
        "kpis": [{k: row[k] for k in ("id", "name", "measure", "stage", "persona", "target",
                                       "unit", "better", "due", "actual", "source", "status")}
                 for row in measured.to_dict("records")],
        "stages": [{"stage": r.stage, "label": r.label,
                    "clients": None if pd.isna(r.clients) else int(r.clients),
                    "pct_of_previous": None if pd.isna(r.pct_of_previous)
                    else float(r.pct_of_previous)} for r in funnel.itertuples()],
        "signs": [{"key": s.key, "title": s.title, "status": s.status, "value": s.value,
                   "unit": s.unit} for s in report.signs],
        "actions": [{"id": int(a["id"]), "title": a["title"], "owner": a["owner"],
                     "status": a["status"], "due": a["due"], "overdue": bool(a["overdue"])}
                    for a in acts.to_dict("records")],
        "money": None if not money.has_revenue else [
            {"stage": r.stage, "label": r.label, "money": float(r.money)}
            for r in money.steps.itertuples()],
    }


def close_session(db: Database, name: str | None = None, note: str | None = None, *,
                  filters: Filters = NO_FILTERS, today: dt.date | None = None,
                  closed_at: str | None = None) -> int:
    """Close a session: keep today's snapshot (``take_snapshot``) under a name ("Session of
    2026-12-05" when none is given); returns its id."""
    snapshot = take_snapshot(db, filters=filters, today=today)
    return sessions.save_session(db, snapshot, name=name, note=note, closed_at=closed_at)


def since_last_time(db: Database, *, today: dt.date | None = None,
                    currency: str | None = None) -> sessions.Changes | None:
    """What changed since the last closed session (None when no session was closed)."""
    last = sessions.last_session(db)
    if last is None:
        return None
    now = take_snapshot(db, today=today)
    return sessions.compare(last, now,
                            currency=currency or get_setting(db, "currency"))
