"""The action list that outlives the workshop: what the team will do about a pain point, a
coverage gap or a red sign, with an owner, a department, impact and effort (1-5), a due
date and a status; ranked on impact against effort and read back per owner at the
follow-up meeting.

Every change is checked first (a sentence names the field and the value that cannot be
used, and nothing is saved), and carries the version the editor saw: a save over a newer
one is refused (StaleEdit), never silently overwritten.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlite_utils import Database

from ..charts import MIDPOINT           # a score above it is high, as on every matrix
from ..errors import JourneyError, ValidationError
from ..journal import Problem, SheetSave, moved_on, row_named, save_sheet_row
from ..stages import ALL_STAGES, LABELS, normalise_value
from ..values import parse_text
from ..workspace import now_stamp, query_frame, write

STATUSES = {"open": "Open", "doing": "In progress", "done": "Done", "dropped": "Dropped"}
FIELDS = ("title", "owner", "department", "stage", "impact", "effort", "due", "status",
          "source", "note")
SCORE_WORDS = {"low": 1, "medium": 3, "high": 5}


class StaleAction(JourneyError):
    """Someone changed the action after this editor opened it; nothing was overwritten."""


def clean_action(values: dict, *, today: dt.date | None = None, was_due: str | None = None
                 ) -> dict:
    """The action's fields checked and in stored form; ValidationError names what is wrong.

    A due date in the past is refused for an action still to do, unless it is the date
    the action already had (an overdue action can be edited without moving its date).
    """
    clean = {name: values[name] for name in FIELDS if name in values}
    for name in ("title", "owner", "department", "source", "note"):
        if name in clean:
            clean[name] = str(clean[name]).strip() or None if clean[name] is not None else None
    if "title" in clean and not clean["title"]:
        raise ValidationError("An action needs a title: what will be done.")
    if clean.get("stage") is not None:
        stage = str(clean["stage"]).strip().casefold()
        stage = {LABELS[s].casefold(): s for s in ALL_STAGES}.get(stage, stage)
        if stage not in ALL_STAGES:
            raise ValidationError(f"Stage '{clean['stage']}' is not a stage of the journey; "
                                  f"use one of {', '.join(LABELS[s] for s in ALL_STAGES)}.")
        clean["stage"] = stage
    for name in ("impact", "effort"):
        if name in clean:
            clean[name] = _score(name, clean[name])
    if "status" in clean:
        status = str(clean["status"] or "open").strip().casefold()
        status = {label.casefold(): key for key, label in STATUSES.items()}.get(status, status)
        if status not in STATUSES:
            raise ValidationError(f"Status '{clean['status']}' is not one of "
                                  f"{', '.join(STATUSES.values())}.")
        clean["status"] = status
    if "due" in clean:
        clean["due"] = _due(clean["due"], today or dt.date.today(), was_due,
                            clean.get("status", "open"))
    return clean


def _score(name: str, value) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()) or \
            (isinstance(value, float) and pd.isna(value)):
        return None
    word = str(value).strip().casefold()
    if word in SCORE_WORDS:
        return SCORE_WORDS[word]
    try:
        number = float(word)
    except ValueError:
        number = None
    if number is None or number != int(number) or not 1 <= number <= 5:
        raise ValidationError(f"{name.capitalize()} is a score from 1 (low) to 5 (high), "
                              f"not '{value}'.")
    return int(number)


def _due(value, today: dt.date, was_due: str | None, status: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise ValidationError(f"Due date '{value}' is not a date; write it as "
                                  "2026-12-31.") from None
    if day < today and day.isoformat() != was_due and status in ("open", "doing"):
        raise ValidationError(f"The due date {day.isoformat()} is in the past; choose today "
                              "or a later day.")
    return day.isoformat()


def add_action(db: Database, values: dict, *, today: dt.date | None = None) -> int:
    """Add an action (status open unless given); returns its id."""
    clean = clean_action({"status": "open", "title": None, **values}, today=today)
    with write(db):
        return db.table("actions").insert({**clean, "updated_at": now_stamp()}).last_pk


def update_action(db: Database, action_id: int, changes: dict, *, version: int,
                  today: dt.date | None = None) -> int:
    """Change an action the editor saw at ``version``; returns the new version."""
    with write(db):
        now = get_action(db, action_id)
        if moved_on(now, version):
            raise StaleAction("Someone changed this action since you opened it; nothing was "
                              "saved. Look at it again and make your change once more.")
        clean = clean_action({**changes, "status": changes.get("status", now["status"])},
                             today=today, was_due=now["due"])
        db.execute(f"UPDATE actions SET {', '.join(f'[{k}] = ?' for k in clean)}, "
                   "updated_at = ?, version = version + 1 WHERE id = ?",
                   [*clean.values(), now_stamp(), action_id])
        return now["version"] + 1


def delete_action(db: Database, action_id: int, *, version: int) -> None:
    """Remove an action the editor saw at ``version``."""
    with write(db):
        if moved_on(get_action(db, action_id), version):
            raise StaleAction("Someone changed this action since you opened it; it was not "
                              "deleted.")
        db.execute("DELETE FROM actions WHERE id = ?", [action_id])


def get_action(db: Database, action_id: int) -> dict | None:
    cursor = db.execute("SELECT * FROM actions WHERE id = ?", [action_id])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row)) if row else None


def list_actions(db: Database, *, owner: str | None = None, status: str | None = None,
                 today: dt.date | None = None) -> pd.DataFrame:
    """The actions (of one owner, in one status), most impact for least effort first,
    with ``overdue`` marking open work past its due date."""
    where, params = ["1"], []
    if owner:
        where.append("lower(owner) = lower(?)")
        params.append(owner.strip())
    if status:
        where.append("status = ?")
        params.append(status)
    frame = query_frame(
        db, f"SELECT * FROM actions WHERE {' AND '.join(where)} "
        "ORDER BY status IN ('done', 'dropped'), COALESCE(impact, 0) - COALESCE(effort, 5) DESC, "
        "due IS NULL, due, id", params)
    frame = frame.astype(object).where(frame.notna(), None)       # empty is None, not NaN
    for name in ("impact", "effort", "id", "version"):
        frame[name] = [None if v is None else int(v) for v in frame[name]]
    day = (today or dt.date.today()).isoformat()
    frame["overdue"] = [status in ("open", "doing") and due is not None and due < day
                        for status, due in zip(frame["status"], frame["due"])]
    return frame


def action_records(db: Database, **filters) -> list[dict]:
    """The actions as the command line's JSON lists them (DESIGN.md)."""
    keys = ("title", "owner", "department", "stage", "impact", "effort", "due", "status")
    return [{key: row[key] for key in keys}
            for row in list_actions(db, **filters).to_dict("records")]


def owners(db: Database) -> list[str]:
    """Everyone who owns an action, for the follow-up filter."""
    return [r[0] for r in db.execute(            # "ann" and "Ann" are one person
        "SELECT MIN(owner) FROM actions WHERE owner IS NOT NULL GROUP BY lower(owner) "
        "ORDER BY lower(owner)")]


# --- an action made from what the journey shows -------------------------------------------
# A pain point (Touchpoints page), a red or amber sign (Signs page) or a coverage gap
# (Journey map page) becomes an action in one click: ``action_from`` prefills it, the
# page lets the person change the owner, the effort and the due date, and ``add_action``
# saves it with its ``source``, by which ``made_from`` finds it again (so it is not
# offered twice).

DUE_IN = dt.timedelta(weeks=4)                  # a prefilled due date: four weeks out
SIGN_IMPACT = {"red": 5, "amber": 3}            # a red sign's action matters most
GAP_SCORES = {"empty stage": (4, 3), "missing department": (3, 3), "no owner": (3, 1),
              "no department": (2, 1)}          # gap -> (impact, effort)
TITLE_LENGTH = 200


def action_from(source: str, title: str, *, stages=(), departments=(), owner=None,
                impact=None, effort=None, note=None, today: dt.date | None = None) -> dict:
    """An action's values prefilled from what it comes from (``source``: "sign:KEY",
    "gap:...", "touchpoint:ID"): the first of the stages and departments it points at
    (the others go in the note), due ``DUE_IN`` from today. Nothing is saved."""
    stages, departments = [s for s in stages if s], [d for d in departments if d]
    others = [LABELS.get(s, s) for s in stages[1:]] + list(departments[1:])
    if others:
        note = f"{note + '. ' if note else ''}Also: {', '.join(others)}"
    return {"title": str(title).strip()[:TITLE_LENGTH], "owner": owner,
            "department": departments[0] if departments else None,
            "stage": stages[0] if stages else None, "impact": impact, "effort": effort,
            "due": ((today or dt.date.today()) + DUE_IN).isoformat(), "status": "open",
            "source": source, "note": note}


def from_pain_point(stage: str, row: dict) -> dict:
    """A touchpoint's pain point as an action: "Ease: the pain", the touchpoint's stage,
    owner and department, its name as the note; due as entered (none)."""
    return {**action_from(f"touchpoint:{row['id']}", f"Ease: {row['pain_points'].strip()}",
                          stages=[stage], departments=[row.get("department")],
                          owner=row.get("owner"), note=row["touchpoint"]), "due": None}


def sign_source(key: str) -> str:
    return f"sign:{key}"


def from_sign(sign, *, today: dt.date | None = None) -> dict:
    """A red or amber sign (a ``journey.signs.SignResult``) as an action: its next step's
    first instruction (else its title), the stages and departments it points at, impact
    5 when red and 3 when amber, due in four weeks."""
    return action_from(sign_source(sign.key), _instruction(sign.next_step) or sign.title,
                       stages=sign.stages, departments=sign.departments,
                       impact=SIGN_IMPACT.get(sign.status), effort=3,
                       note=f"{sign.status.capitalize()} sign: {sign.title.lower()}",
                       today=today)


def gap_source(gap: dict) -> str:
    return ":".join(["gap", gap["gap"], gap["stage"] or "", gap.get("department") or "",
                     gap.get("touchpoint") or ""])


def from_gap(gap: dict, *, today: dt.date | None = None) -> dict:
    """A coverage gap (a row of ``journey_map.coverage(...).gaps``) as an action."""
    stage = LABELS.get(gap["stage"], gap["stage"])
    touchpoint, department = gap.get("touchpoint"), gap.get("department")
    title = {"empty stage": f"Add a touchpoint at {stage}",
             "missing department": f"Give {department} a touchpoint at {stage}",
             "no owner": f"Name an owner for '{touchpoint}' ({stage})",
             "no department": f"Name the department of '{touchpoint}' ({stage})"}.get(
        gap["gap"], gap["detail"])
    impact, effort = GAP_SCORES.get(gap["gap"], (3, 3))
    return action_from(gap_source(gap), title, stages=[gap["stage"]], departments=[department],
                       impact=impact, effort=effort, note=f"Gap: {gap['detail']}", today=today)


def _instruction(step: str | None) -> str:
    """A next step's first instruction: "Fix this first. Awareness: explain what is
    included, ..." -> "Explain what is included"."""
    text = " ".join((step or "").split())
    for opening in ("Fix this first.", "Worth a look."):
        text = text.removeprefix(opening).strip()
    if ": " in text:
        text = text.split(": ", 1)[1]
    for stop in (". ", ", ", " (", "; "):
        text = text.split(stop, 1)[0]
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] if len(text.split()) >= 3 else ""


def made_from(db: Database) -> dict[str, dict]:
    """Each source an action was made from -> that action (the latest), so a page shows
    it as such instead of offering it again."""
    return {row["source"]: row for row in db.query(
        "SELECT id, title, owner, status, due, source FROM actions "
        "WHERE source IS NOT NULL ORDER BY id")}


# --- the impact/effort matrix -----------------------------------------------------------------

QUADRANTS = {(True, False): "Quick wins", (True, True): "Big bets",
             (False, False): "Fill-ins", (False, True): "Thankless"}   # (high impact, effort)


def quadrant(impact, effort) -> str | None:
    """Where an action sits on the matrix (None without both scores)."""
    if impact is None or effort is None:
        return None
    return QUADRANTS[(int(impact) > MIDPOINT, int(effort) > MIDPOINT)]


def matrix_points(frame: pd.DataFrame) -> pd.DataFrame:
    """The open actions (open or in progress) with both scores, and their quadrant."""
    if frame.empty:
        return frame.assign(quadrant=[])
    open_ones = frame[frame["status"].isin(["open", "doing"])
                      & frame["impact"].notna() & frame["effort"].notna()]
    return open_ones.assign(quadrant=[quadrant(i, e) for i, e in
                                      zip(open_ones["impact"], open_ones["effort"])])


# --- the "Actions" sheet -------------------------------------------------------------------

EXPORT_COLUMNS = {"title": "Action", "owner": "Owner", "department": "Department",
                  "stage": "Stage", "impact": "Impact", "effort": "Effort", "due": "Due",
                  "status": "Status", "note": "Note"}
_HEADERS = {normalise_value(word): field for field, words in {
    "title": "action, title, what, what will be done", "owner": "owner, who",
    "department": "department, team", "stage": "stage", "impact": "impact, impact sales",
    "effort": "effort, effort time", "due": "due, due date, by", "status": "status",
    "note": "note, notes, source, where it came from"}.items() for word in words.split(", ")}


def export_rows(db: Database) -> pd.DataFrame:
    """The "Actions" sheet: every action in the list's order, with human headers
    (``EXPORT_COLUMNS``), stages and statuses as words, empty cells empty."""
    frame = list_actions(db)
    rows = [{"title": a["title"], "owner": a["owner"], "department": a["department"],
             "stage": LABELS.get(a["stage"]) if a["stage"] else None, "impact": a["impact"],
             "effort": a["effort"], "due": a["due"], "status": STATUSES[a["status"]],
             "note": a["note"]} for a in frame.to_dict("records")]
    out = pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))
    return out.astype(object).where(out.notna(), None).rename(columns=EXPORT_COLUMNS)


def import_sheet(db: Database, raw, import_id: int) -> SheetSave:
    """Import an "Actions" sheet (as ``export_rows`` writes it) back: each row updates the
    action of the same title (ignoring case, spaces and punctuation) or adds one; blank
    cells leave a value alone. A due date in the past is kept (a sheet brings back
    history). A row that cannot be used is reported with its reason and not saved. Every
    action saved goes to ``record_change`` so undoing the import takes it back. Runs inside
    the caller's transaction."""
    columns: dict[str, str] = {}
    for header in raw.headers:
        target = _HEADERS.get(normalise_value(header))
        if target and target not in columns.values():
            columns[header] = target
    header_row = (raw.row_numbers[0] - 1) if raw.row_numbers else 1
    if "title" not in columns.values():
        return SheetSave(0, 0, [Problem(header_row, "Action", None,
                                        "The Actions sheet has no Action column, so nothing "
                                        "could be matched or added.")])
    header_of = {f: h for h, f in columns.items()}
    cells = {field: parse_text(raw.frame[header])[0].tolist()
             for header, field in columns.items()}
    problems: list[Problem] = []
    inserted = updated = 0
    for position, row_number in enumerate(raw.row_numbers):
        values = {f: cells[f][position] for f in cells}
        filled = {f: v for f, v in values.items()
                  if v is not None and not (isinstance(v, str) and not v.strip())}
        if not filled:
            continue
        if "title" not in filled:
            problems.append(Problem(row_number, header_of["title"], None,
                                    "This row has no action, so it was not imported."))
            continue
        existing = row_named(db, "actions", "title", filled["title"])
        try:
            clean = clean_action({"status": existing["status"] if existing else "open",
                                  **filled}, today=dt.date.min)
        except ValidationError as error:
            field = next((f for f in ("impact", "effort", "due", "stage", "status")
                          if f in str(error).casefold() and f in header_of), "title")
            problems.append(Problem(row_number, header_of.get(field, field), filled.get(field),
                                    f"{error} The row was not imported."))
            continue
        saved = save_sheet_row(db, import_id, "actions", existing, clean, name_field="title")
        inserted += saved == "inserted"
        updated += saved == "updated"
    return SheetSave(inserted, updated, problems)


