"""KPIs that say whether the workshop's goal is being reached: per stage and per persona,
each with a target and a due date, its actual from the data where the data has it (or
entered by hand, and marked so), and its status against the target.

A KPI is one of the ``MEASURES``. Each measure knows its unit, whether higher or lower is
better, whether it belongs to a stage (conversion to the next stage and time to the next
stage do; revenue does not) and what data measures it. ``entered`` is the measure for
anything the data cannot tell (bookings a week, reviews on a map): its actual is always
typed in. The figures themselves are measured by ``journey.scorecard`` (which sits above
the funnel and the signs); this module stores the KPIs, checks them, and judges an actual
against a target:

- met: the actual reaches the target (at or above it when higher is better, at or below
  when lower is better);
- not met: it does not;
- no evidence: there is no actual (the data has none and nobody entered one); such a KPI
  is neither red nor green, and says what data would measure it.

Rules (DESIGN.md is silent on them):

- The target is a number (``12%`` and ``$1,200`` are read as 12 and 1200); a KPI without
  a number for a target is refused with a sentence naming what was typed.
- A due date in the past is refused when the KPI is added or its date changed (a target
  is for what is still to come); a KPI whose date has passed keeps it and is shown as past due.
- A data measure can also carry an actual typed in: it is used (marked "entered") only
  when the data has no figure.
- Nothing is saved when a check fails: the sentence says what to change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from ..errors import JourneyError, ValidationError
from ..journal import (Problem, SheetSave, keyed_before, moved_on, record_keyed_change, row_named, save_sheet_row)
from ..stages import ALL_STAGES, LABELS, normalise_value
from ..values import is_blank, parse_money, parse_text
from ..workspace import now_stamp, query_frame, write
from . import goal as goals

MET, NOT_MET, NO_EVIDENCE = "met", "not met", "no evidence"
STATUS_LABELS = {MET: "Met", NOT_MET: "Not met", NO_EVIDENCE: "No evidence"}
DATA, ENTERED = "data", "entered"
# Units a figure is shown without (the measure's name says them: "per customer per year").
PLAIN_UNITS = ("score", "points", "per year", "per 100 clients")
BETTER = {"higher": "Higher is better", "lower": "Lower is better"}


@dataclass(frozen=True)
class Measure:
    """What a KPI measures: its label, unit, which way is better, and its scope."""
    key: str
    label: str
    unit: str                # "%", "money" (the workspace's currency), "days", "score", ...
    better: str              # "higher" or "lower"
    stage: str               # "needs" (a stage with a next one), "none" or "any"
    measured_by: str         # the data that measures it ("" for entered)
    persona: bool = True     # may be scoped to a persona

    @property
    def from_data(self) -> bool:
        return self.key != "entered"


MEASURES: dict[str, Measure] = {m.key: m for m in (
    Measure("conversion", "Conversion to the next stage", "%", "higher", "needs",
            "clients' stages (a stage column, a CRM export or dated events)"),
    Measure("time_to_next", "Median days to the next stage", "days", "lower", "needs",
            "dated stages (events with dates, or first-contact and purchase dates)"),
    Measure("revenue", "Revenue", "money", "higher", "none",
            "revenue (a revenue column on the tracker, or purchase amounts)"),
    Measure("revenue_per_customer", "Revenue per customer", "money", "higher", "none",
            "revenue (a revenue column on the tracker, or purchase amounts)"),
    Measure("visit_frequency", "Purchases per customer per year", "per year", "higher",
            "none", "dated purchases (an order list or purchase events)"),
    Measure("satisfaction", "Average satisfaction", "score", "higher", "none",
            "satisfaction scores (a satisfaction column or a survey)"),
    Measure("nps", "Net Promoter Score", "points", "higher", "none",
            "NPS answers (0-10, an NPS column or an NPS survey)"),
    Measure("complaints", "Complaints per 100 active clients", "per 100 clients", "lower",
            "none", "complaints (a complaints log or a complaints column)"),
    Measure("entered", "Entered by hand", "", "higher", "any", ""),
)}
EXPORT_COLUMNS = {"kind": "Type", "name": "Name", "measure": "Measure", "stage": "Stage",
                  "persona": "Persona", "target": "Target", "unit": "Unit",
                  "better": "Better", "due": "Due", "actual": "Actual",
                  "source": "Source", "status": "Status", "note": "Note"}
OBJECTIVE, KEY_RESULT, KPI = "Objective", "Key result", "KPI"
FIELDS = ("name", "measure", "stage", "persona", "target", "unit", "better", "due",
          "actual", "note")


class StaleKpi(JourneyError):
    """Someone changed the KPI after this editor opened it; nothing was overwritten."""


# --- checking ----------------------------------------------------------------------------

def number(value, what: str) -> float | None:
    """A typed number ("12%", "$1,200", 3.5) as a float, None when blank; ValidationError
    naming ``what`` and the value otherwise."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{what} is a number, such as 25; '{value}' is not a number.")
    if isinstance(value, (int, float)):
        if value != value or abs(value) == float("inf"):
            raise ValidationError(f"{what} is a number, such as 25; '{value}' is not.")
        return float(value)
    text = str(value).strip().rstrip("%").strip()
    parsed, bad = parse_money(pd.Series([text], dtype=object))
    if bad.iloc[0] or pd.isna(parsed.iloc[0]):
        raise ValidationError(f"{what} is a number, such as 25; '{value}' is not a number.")
    return float(parsed.iloc[0])


def _day(value, what: str) -> dt.date | None:
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValidationError(f"{what} '{value}' is not a date; write it as 2027-06-30."
                              ) from None


def _stage(value) -> str | None:
    if is_blank(value):
        return None
    text = str(value).strip().casefold()
    stage = {LABELS[s].casefold(): s for s in ALL_STAGES}.get(text, text)
    if stage not in ALL_STAGES:
        raise ValidationError(f"Stage '{value}' is not a stage of the journey; use one of "
                              f"{', '.join(LABELS[s] for s in ALL_STAGES)}.")
    return stage


def _measure(value) -> Measure:
    if is_blank(value):
        raise ValidationError("A KPI needs a measure: choose one of "
                              f"{', '.join(m.label for m in MEASURES.values())}.")
    text = normalise_value(str(value))
    for measure in MEASURES.values():
        if text in (normalise_value(measure.key), normalise_value(measure.label)):
            return measure
    raise ValidationError(f"'{value}' is not a measure Journey knows; choose one of "
                          f"{', '.join(m.label for m in MEASURES.values())}.")


def clean_kpi(values: dict, *, today: dt.date | None = None,
              was_due: str | None = None) -> dict:
    """A whole KPI checked and in stored form; ValidationError with one sentence naming
    the field and the value that cannot be used (nothing is saved then)."""
    measure = _measure(values.get("measure"))
    stage = _stage(values.get("stage"))
    if measure.stage == "needs":
        if stage is None:
            raise ValidationError(f"{measure.label} belongs to a stage: choose the stage it "
                                  "starts from.")
        if stage == ALL_STAGES[-1]:
            raise ValidationError(f"{measure.label} needs a stage with a next one; "
                                  f"{LABELS[stage]} is the last stage.")
    persona = None if is_blank(values.get("persona")) else str(values["persona"]).strip()
    target = number(values.get("target"), "The target")
    if target is None:
        raise ValidationError("A KPI needs a target: a number, such as 25.")
    if measure.unit == "%" and not 0 <= target <= 100:
        raise ValidationError(f"{measure.label} is a percentage: the target is between 0 "
                              f"and 100, not {target:g}.")
    if target < 0 and measure.from_data and measure.key != "nps":
        raise ValidationError(f"The target of {measure.label.lower()} cannot be negative "
                              f"({target:g}).")
    due = _day(values.get("due"), "The due date")
    if due is not None and due < (today or dt.date.today()) and due.isoformat() != was_due:
        raise ValidationError(f"The due date {due.isoformat()} is in the past; a target is "
                              "for what is still to come: choose today or a later day.")
    better = str(values.get("better") or measure.better).strip().casefold()
    better = {label.casefold(): key for key, label in BETTER.items()}.get(better, better)
    if better not in BETTER:
        raise ValidationError(f"'{values.get('better')}' says neither higher nor lower is "
                              "better; choose one.")
    if measure.from_data:
        better = measure.better
    name = None if is_blank(values.get("name")) else str(values["name"]).strip()
    if name is None:
        if not measure.from_data:
            raise ValidationError("A KPI entered by hand needs a name: what is counted, such "
                                  "as \"Bookings a week\".")
        name = default_name(measure.key, stage, persona)
    unit = measure.unit if measure.from_data else (
        None if is_blank(values.get("unit")) else str(values["unit"]).strip())
    actual = number(values.get("actual"), "The actual")
    note = None if is_blank(values.get("note")) else str(values["note"]).strip()
    return {"name": name[:120], "measure": measure.key, "stage": stage, "persona": persona,
            "target": target, "unit": unit, "better": better,
            "due": None if due is None else due.isoformat(), "actual": actual,
            "note": note}


def default_name(measure: str, stage: str | None, persona: str | None) -> str:
    """A KPI's name when none is given: the measure, its step between stages and its persona
    ("Conversion from Consideration to Purchase, Dr. Jelena"); another measure's stage is
    only the lane it is shown in, so it is not in the name."""
    label = MEASURES[measure].label
    if MEASURES[measure].stage == "needs" and stage:
        following = LABELS[ALL_STAGES[ALL_STAGES.index(stage) + 1]]
        label = {"conversion": f"Conversion from {LABELS[stage]} to {following}",
                 "time_to_next": f"Median days from {LABELS[stage]} to {following}"
                 }.get(measure, label)
    return f"{label}, {persona}" if persona else label


# --- writing -----------------------------------------------------------------------------

def add_kpi(db: Database, values: dict, *, today: dt.date | None = None) -> int:
    """Add a KPI; returns its id. ValidationError (nothing saved) when a field is wrong."""
    clean = clean_kpi(values, today=today)
    with write(db):
        return db.table("kpis").insert({**clean, "actual_on": _today_if(clean["actual"]),
                                        "updated_at": now_stamp()}).last_pk


def update_kpi(db: Database, kpi_id: int, changes: dict, *, version: int,
               today: dt.date | None = None) -> int:
    """Change a KPI the editor saw at ``version``; returns the new version. StaleKpi when
    someone saved it since; ValidationError (nothing saved) when a field is wrong."""
    with write(db):
        now = get_kpi(db, kpi_id)
        if moved_on(now, version):
            raise StaleKpi("Someone changed this KPI since you opened it; nothing was saved. "
                           "Look at it again and make your change once more.")
        merged = {**{k: now[k] for k in FIELDS}, **changes}
        if "name" not in changes and now["name"] == default_name(
                now["measure"], now["stage"], now["persona"]):
            merged["name"] = None            # a generated name follows the new scope
        clean = clean_kpi(merged, today=today, was_due=now["due"])
        actual_on = now["actual_on"] if clean["actual"] == now["actual"] else \
            _today_if(clean["actual"])
        db.execute(f"UPDATE kpis SET {', '.join(f'[{k}] = ?' for k in clean)}, "
                   "actual_on = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                   [*clean.values(), actual_on, now_stamp(), kpi_id])
        return int(now["version"]) + 1


def delete_kpi(db: Database, kpi_id: int, *, version: int) -> None:
    """Remove a KPI the editor saw at ``version``."""
    with write(db):
        if moved_on(get_kpi(db, kpi_id), version):
            raise StaleKpi("Someone changed this KPI since you opened it; it was not deleted.")
        db.execute("DELETE FROM kpis WHERE id = ?", [kpi_id])


def get_kpi(db: Database, kpi_id: int) -> dict | None:
    cursor = db.execute("SELECT * FROM kpis WHERE id = ?", [kpi_id])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row)) if row else None


def list_kpis(db: Database) -> pd.DataFrame:
    """The stored KPIs in journey order (by stage, then persona, then as added); empty
    cells are None."""
    order = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(ALL_STAGES))
    frame = query_frame(db, f"SELECT * FROM kpis ORDER BY CASE stage {order} ELSE 99 END, "
                        "persona IS NOT NULL, lower(persona), id")
    return frame.astype(object).where(frame.notna(), None)


def _today_if(actual) -> str | None:
    return None if actual is None else dt.date.today().isoformat()


# --- judging -----------------------------------------------------------------------------

def judge(actual: float | None, target: float | None, better: str) -> str:
    """met, not met, or no evidence (no actual, or no target to judge it by)."""
    if actual is None or target is None or actual != actual:
        return NO_EVIDENCE
    reached = actual >= target if better == "higher" else actual <= target
    return MET if reached else NOT_MET


def format_figure(value: float | None, unit: str | None, currency: str = "$") -> str:
    """A KPI's figure as people read it: $12,400, 31.5%, 4.2, 18 days; "" when none."""
    if value is None or value != value:
        return ""
    if unit == "money":
        return f"{currency}{value:,.0f}"
    digits = 0 if float(value).is_integer() or abs(value) >= 100 else 1
    text = f"{value:,.{digits}f}"
    if unit == "%":
        return f"{text}%"
    if unit == "days" and value == 1:
        return "1 day"
    if unit and unit not in PLAIN_UNITS:
        return f"{text} {unit}"
    return text


def unit_label(unit: str | None, currency: str = "$") -> str:
    return currency if unit == "money" else (unit or "")


# --- the "Goals & KPIs" sheet --------------------------------------------------------------

def export_rows(db: Database, measured: pd.DataFrame | None = None,
                currency: str = "$") -> pd.DataFrame:
    """The "Goals & KPIs" sheet: the objective, its key results, then one row per KPI with
    its target, due date and (from ``measured``, ``journey.scorecard.measure_kpis``) its
    actual, where the actual came from and its status. Headers are ``EXPORT_COLUMNS``."""
    goal = goals.get_goal(db)
    rows = []
    if goal.set:
        rows.append({"kind": OBJECTIVE, "name": goal.objective})
        rows += [{"kind": KEY_RESULT, "name": result} for result in goal.key_results]
    kpis = measured if measured is not None else list_kpis(db)
    for kpi in kpis.to_dict("records"):
        actual = kpi.get("actual")         # measured: the figure used; stored: as entered
        rows.append({
            "kind": KPI, "name": kpi["name"], "measure": MEASURES[kpi["measure"]].label,
            "stage": LABELS.get(kpi["stage"]) if kpi["stage"] else None,
            "persona": kpi["persona"], "target": kpi["target"],
            "unit": unit_label(kpi["unit"], currency) or None,
            "better": BETTER[kpi["better"]], "due": kpi["due"],
            "actual": None if actual is None or actual != actual else actual,
            "source": kpi.get("source") or (ENTERED if kpi.get("actual") is not None
                                            else None),
            "status": STATUS_LABELS.get(kpi.get("status")) if kpi.get("status") else None,
            "note": kpi.get("note")})
    frame = pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))
    return frame.astype(object).where(frame.notna(), None).rename(columns=EXPORT_COLUMNS)


_HEADERS = {normalise_value(word): field for field, words in {
    "kind": "type, kind, row", "name": "name, kpi, kpi name, key result",
    "measure": "measure, metric", "stage": "stage", "persona": "persona",
    "target": "target, goal value", "unit": "unit", "better": "better, direction",
    "due": "due, due date, deadline, by", "actual": "actual, actual now, value",
    "note": "note, notes, comment"}.items() for word in words.split(", ")}


def import_sheet(db: Database, raw, import_id: int) -> SheetSave:
    """Import a "Goals & KPIs" sheet (as ``export_rows`` writes it) back: an Objective row
    and its Key result rows replace the goal; each KPI row updates the KPI of the same
    name (ignoring case, spaces and punctuation) or adds one. Actual is read only for a
    KPI entered by hand (a data KPI's actual is measured, not imported); Source and Status
    are the export's and are ignored. A row that cannot be used is reported with its
    reason and not saved; past due dates are kept as they are (a sheet brings back history).
    Every KPI row saved goes to ``record_change`` so undoing the import takes it back.
    Runs inside the caller's transaction."""
    columns: dict[str, str] = {}
    for header in raw.headers:
        target = _HEADERS.get(normalise_value(header))
        if target and target not in columns.values():
            columns[header] = target
    problems: list[Problem] = []
    header_row = (raw.row_numbers[0] - 1) if raw.row_numbers else 1
    if "name" not in columns.values():
        problems.append(Problem(header_row, "Name", None, "The Goals & KPIs sheet has no Name "
                                "column, so nothing could be matched or added."))
        return SheetSave(0, 0, problems)
    header_of = {f: h for h, f in columns.items()}
    cells = {field: parse_text(raw.frame[header])[0].tolist()
             for header, field in columns.items()}
    objective, results = None, []
    inserted = updated = 0
    for position, row_number in enumerate(raw.row_numbers):
        values = {field: cells[field][position] for field in cells}
        if all(is_blank(v) for v in values.values()):
            continue
        kind = normalise_value(values.pop("kind", None) or KPI)
        if kind == normalise_value(OBJECTIVE):
            objective = values.get("name")
            continue
        if kind == normalise_value(KEY_RESULT):
            if not is_blank(values.get("name")):
                results.append(values["name"])
            continue
        if is_blank(values.get("name")):
            problems.append(Problem(row_number, header_of["name"], None,
                                    "This KPI row has no name, so it was not imported."))
            continue
        existing = row_named(db, "kpis", "name", values["name"])
        row = {f: values.get(f) for f in FIELDS if f in values}
        if is_blank(row.get("measure")):
            row["measure"] = existing["measure"] if existing else "entered"
        try:
            measure = _measure(row["measure"])
            if measure.from_data:
                row.pop("actual", None)
            base = {k: existing[k] for k in FIELDS} if existing else {}
            clean = clean_kpi({**base, **{k: v for k, v in row.items() if not is_blank(v)}},
                              today=dt.date.min)
        except ValidationError as error:
            field = next((f for f in ("target", "due", "stage", "measure", "actual", "better")
                          if f in str(error).casefold() and f in header_of), "name")
            problems.append(Problem(row_number, header_of.get(field, field),
                                    values.get(field), f"{error} The row was not imported."))
            continue
        saved = save_sheet_row(db, import_id, "kpis", existing, clean)
        inserted += saved == "inserted"
        updated += saved == "updated"
    if objective:
        before = keyed_before(db, "settings", "key", goals.GOAL_SETTING)
        try:
            goals.set_goal(db, objective, results)
            record_keyed_change(db, import_id, "settings", "key", goals.GOAL_SETTING, before)
        except ValidationError as error:
            problems.append(Problem(header_row + 1, header_of["name"], objective,
                                    f"{error} The goal was not imported."))
    return SheetSave(inserted, updated, problems)


