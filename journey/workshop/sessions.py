"""Closed workshop sessions and what changed since: a session, once closed, keeps its
snapshot (the KPIs' actuals and statuses, each stage's conversion, the signs' statuses, the
actions' statuses; measured by ``journey.scorecard.take_snapshot``), and the next session
opens on the difference between the last one and now (``compare``).

Comparing is done on the kept figures alone, so a session closed long ago still reads the
same however the code moves on. KPIs are matched by their id (a KPI added since shows
"new"; one deleted since is left out), stages by their key, signs by their key, actions by
their id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd
from sqlite_utils import Database

from ..errors import ValidationError
from ..text import percent_text
from ..workspace import now_stamp, query_frame, write
from . import kpis as kpi_store

MAX_NAME = 120


def save_session(db: Database, snapshot: dict, *, name: str | None = None,
                 note: str | None = None, closed_at: str | None = None) -> int:
    """Store a closed session's snapshot; returns its id. ValidationError for a name that
    is too long (nothing is stored)."""
    closed_at = closed_at or now_stamp()
    name = (name or "").strip() or f"Session of {closed_at[:10]}"
    if len(name) > MAX_NAME:
        raise ValidationError(f"A session's name can be up to {MAX_NAME} characters (this "
                              f"has {len(name)}).")
    with write(db):
        return db.table("workshop_sessions").insert({
            "name": name, "note": (note or "").strip() or None,
            "measured_to": snapshot.get("measured_to"),
            "snapshot": json.dumps(snapshot), "closed_at": closed_at}).last_pk


def list_sessions(db: Database) -> pd.DataFrame:
    """The closed sessions, latest first: id, name, note, measured_to, closed_at."""
    return query_frame(db, "SELECT id, name, note, measured_to, closed_at FROM "
                       "workshop_sessions ORDER BY closed_at DESC, id DESC")


def get_session(db: Database, session_id: int) -> dict:
    """One closed session with its snapshot decoded; ValidationError when there is none."""
    cursor = db.execute("SELECT * FROM workshop_sessions WHERE id = ?", [session_id])
    row = cursor.fetchone()
    if row is None:
        raise ValidationError(f"There is no closed session number {session_id}.")
    session = dict(zip([c[0] for c in cursor.description], row))
    session["snapshot"] = json.loads(session["snapshot"])
    return session


def last_session(db: Database) -> dict | None:
    """The session closed last (its snapshot decoded), or None."""
    row = db.execute("SELECT id FROM workshop_sessions ORDER BY closed_at DESC, id DESC "
                     "LIMIT 1").fetchone()
    return None if row is None else get_session(db, row[0])


@dataclass
class Changes:
    """What changed between a closed session (``then``) and now.

    ``kpis``: KPI, Target, Then, Now, Status then, Status now, Change (words) per KPI;
    ``stages``: Stage, Then and Now (% of the stage before), Change (points);
    ``signs``: the signs whose colour changed (title, then, now);
    ``done``: actions done since; ``overdue``: actions overdue now; ``added``: actions
    added since; ``sentences``: the headlines, most telling first.
    """
    session: dict
    kpis: pd.DataFrame
    stages: pd.DataFrame
    signs: list[tuple[str, str, str]]
    done: list[str]
    overdue: list[str]
    added: int
    sentences: list[str] = field(default_factory=list)


def compare(session: dict, now: dict, *, currency: str = "$") -> Changes:
    """The difference between a closed session's snapshot and ``now`` (a snapshot too)."""
    then = session["snapshot"]
    kpis = _kpi_changes(then.get("kpis", []), now.get("kpis", []), currency)
    stages = _stage_changes(then.get("stages", []), now.get("stages", []))
    signs_then = {s["key"]: s for s in then.get("signs", [])}
    signs = [(s["title"], signs_then[s["key"]]["status"], s["status"])
             for s in now.get("signs", [])
             if s["key"] in signs_then and signs_then[s["key"]]["status"] != s["status"]]
    actions_then = {a["id"]: a for a in then.get("actions", [])}
    done = [a["title"] for a in now.get("actions", []) if a["status"] == "done"
            and actions_then.get(a["id"], {}).get("status") != "done"]
    overdue = [a["title"] for a in now.get("actions", []) if a.get("overdue")]
    added = sum(1 for a in now.get("actions", []) if a["id"] not in actions_then)
    changes = Changes(session, kpis, stages, signs, done, overdue, added)
    changes.sentences = _sentences(changes)
    return changes


def _kpi_changes(then: list[dict], now: list[dict], currency: str) -> pd.DataFrame:
    before = {k["id"]: k for k in then}
    rows = []
    for k in now:
        old = before.get(k["id"])
        unit = k.get("unit")
        then_actual = None if old is None else old.get("actual")
        rows.append({
            "KPI": k["name"],
            "Target": kpi_store.format_figure(k["target"], unit, currency),
            "Then": "" if old is None else kpi_store.format_figure(then_actual, unit, currency),
            "Now": kpi_store.format_figure(k.get("actual"), unit, currency),
            "Status then": "" if old is None else kpi_store.STATUS_LABELS[old["status"]],
            "Status now": kpi_store.STATUS_LABELS[k["status"]],
            "Change": _kpi_change(old, k, currency)})
    return pd.DataFrame(rows, columns=["KPI", "Target", "Then", "Now", "Status then",
                                       "Status now", "Change"])


def _kpi_change(old: dict | None, new: dict, currency: str) -> str:
    if old is None:
        return "new since the last session"
    a, b = old.get("actual"), new.get("actual")
    if a is None or b is None:
        return "" if a is None and b is None else ("now measured" if a is None
                                                    else "no evidence now")
    if round(b - a, 2) == 0:
        word = "no change"
    else:
        better = (b > a) == (new.get("better", "higher") == "higher")
        diff = kpi_store.format_figure(abs(b - a), new.get("unit"), currency)
        if new.get("unit") == "%":
            diff = diff.replace("%", " points")
        word = f"{'+' if b > a else '−'}{diff} ({'better' if better else 'worse'})"
    if old["status"] != new["status"] and new["status"] == kpi_store.MET:
        word += ": now met"
    elif old["status"] == kpi_store.MET and new["status"] == kpi_store.NOT_MET:
        word += ": no longer met"
    return word


def _stage_changes(then: list[dict], now: list[dict]) -> pd.DataFrame:
    before = {s["stage"]: s for s in then}
    rows = []
    for s in now:
        if s.get("pct_of_previous") is None:
            continue
        old = before.get(s["stage"], {}).get("pct_of_previous")
        new = s["pct_of_previous"]
        rows.append({"Stage": s["label"],
                     "Then": "" if old is None else percent_text(old, 1),
                     "Now": percent_text(new, 1),
                     "Change": "" if old is None else _points(new - old)})
    return pd.DataFrame(rows, columns=["Stage", "Then", "Now", "Change"])


def _points(diff: float) -> str:
    if round(diff, 1) == 0:
        return "no change"
    return f"{'+' if diff > 0 else '−'}{abs(diff):.1f} points"


def _sentences(c: Changes) -> list[str]:
    out = []
    met = int((c.kpis["Status now"] == kpi_store.STATUS_LABELS[kpi_store.MET]).sum())
    judged = int((c.kpis["Status now"] != kpi_store.STATUS_LABELS[kpi_store.NO_EVIDENCE]).sum())
    if len(c.kpis):
        newly = int(c.kpis["Change"].str.endswith(": now met").sum())
        lost = int(c.kpis["Change"].str.endswith("no longer met").sum())
        text = f"{met} of {judged} KPIs with evidence meet their target"
        moved = [f"{n} {words}" for n, words in ((newly, "newly met"), (lost, "no longer met"))
                 if n]
        if moved:
            text += f" ({', '.join(moved)})"
        out.append(text + ".")
    worse = [f"{t} went from {a} to {b}" for t, a, b in c.signs]
    if worse:
        out.append("Signs that changed colour: " + "; ".join(worse) + ".")
    if c.done:
        out.append(f"{len(c.done)} action{'s' if len(c.done) != 1 else ''} done since.")
    if c.overdue:
        out.append(f"{len(c.overdue)} action{'s are' if len(c.overdue) != 1 else ' is'} "
                   "overdue.")
    return out
