"""Touchpoints: the per-stage tables a workshop edits, the function map, saves that never
overwrite someone else's edit, undo of the last save, named snapshots, and the
"Touchpoints" and "Function map" spreadsheet sheets.

Decisions:

- A table is saved as a whole (rows added, changed, deleted and reordered) in one
  transaction. Each row carries a ``version``; a save compares the versions it started
  from with the workspace's. A row that someone else changed (or deleted) since, and that
  this save also changed, is a *conflict*: the save is refused, nothing is written, and
  ``SaveResult.conflicts`` says field by field what each side changed. Rows only the
  other side changed are left as they are; a save writes only the rows it changed.
- ``position`` as loaded is the row's place (1, 2, 3 ...) within its stage and state; a
  save orders the rows by the positions typed (ties keep the table's order) and stores
  1..n. Renumbering alone does not count as a change and does not bump versions.
- A blank state means ``current``; channel, department and emotion may be blank (not yet
  known in the workshop), but when given must come from the lists.
- Every save is recorded in the one undo journal (``journey.journal``: ``record_save``,
  ``record_save_row``), which also holds the imports. ``undo_last_save`` undoes the latest
  save not undone yet under the journal's rules (``take_back_save``): it refuses when a
  row was changed again after it by a save or import still standing (undo that first),
  versions only go up, and the actions before it follow the row's new version, so they
  can be undone next. Undoing an import keeps the changes saves made after it, and takes
  its values out of those saves' before-images (``journey.journal.forget_import``).
- The function map is seeded with the seven functions of ``FUNCTION_MAP_DEFAULTS`` by the
  workspace migration ``m003_workshop``. Its ``stages`` column is the coverage rule: the
  stages each function should serve (see ``journey.workshop.journey_map.coverage``).
- A snapshot stores every touchpoint and the function map as JSON under a name;
  ``compare_snapshot`` diffs it with now, touchpoints matched by their id.
- An imported "Touchpoints" row is the same touchpoint as a stored one with the same
  stage, state and name (compared case- and punctuation-insensitively): it updates it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Callable, Iterable

import pandas as pd
from sqlite_utils import Database

from ..columns import CHANNELS, DEPARTMENTS
from ..errors import ValidationError
from ..fields import normalise_header
from ..journal import (Problem, SheetSave, comparable, last_save, moved_on, record_change,
                       record_save, record_save_row, stage_mapping, take_back_save)
from ..stages import ALL_STAGES, LABELS, RANK, normalise_value, read_stage_value
from ..values import is_blank, to_sql_value
from ..workspace import now_stamp, sqlite3, write

STATES = ("current", "future")
EMOTION_LOW, EMOTION_HIGH = -2, 2
TOUCHPOINT_FIELDS = (
    "stage", "position", "touchpoint", "channel", "department", "customer_action",
    "thinks_feels", "emotion", "pain_points", "delights", "opportunities", "kpi", "owner",
    "state")
TEXT_FIELDS = ("touchpoint", "customer_action", "thinks_feels", "pain_points", "delights",
               "opportunities", "kpi", "owner")
# Field -> the header used on the sheet (export) and in the tables.
HEADERS = {
    "stage": "Stage", "position": "Position", "touchpoint": "Touchpoint",
    "channel": "Channel", "department": "Department", "customer_action": "Customer action",
    "thinks_feels": "Thinks and feels", "emotion": "Emotion", "pain_points": "Pain points",
    "delights": "Delights", "opportunities": "Opportunities", "kpi": "KPI",
    "owner": "Owner", "state": "State",
}
FUNCTION_FIELDS = ("department", "uses", "outcome", "stages")
FUNCTION_HEADERS = {"department": "Department", "uses": "Uses", "outcome": "Outcome",
                    "stages": "Stages"}

# The seven functions: how each uses the map, the outcome it seeks, and the stages it
# should serve (the coverage rule; leadership serves none in particular).
FUNCTION_MAP_DEFAULTS = (
    ("marketing", "Awareness and lead generation", "Better targeting",
     "awareness, consideration, advocacy"),
    ("sales", "The buying decision path", "A faster close rate", "consideration, purchase"),
    ("CX and account management", "Retention and satisfaction", "Higher loyalty",
     "purchase, retention, advocacy"),
    ("operations", "Service delivery", "Better efficiency", "purchase, retention"),
    ("product", "Offers around pain points", "More valuable services",
     "consideration, retention"),
    ("support", "Responsiveness and tone", "Fewer complaints", "purchase, retention"),
    ("leadership", "Teams aligned around customer value", "A unified strategy", None),
)

# Words people write for the list values (compared after ``normalise_value``).
_CHANNEL_WORDS = {
    "email": "e-mail, mail, newsletter", "phone": "telephone, call, calls, phone call",
    "in person": "in-person, face to face, showroom, store, in store, visit, on site",
    "website": "web, web site, online, site", "social": "social media, instagram, facebook",
    "ads": "ad, advert, adverts, advertising, paid", "SMS": "text, text message",
    "in-app": "app, portal", "search": "google, seo", "events": "event, expo, trade show",
    "VIP service": "vip", "other": "",
}
_DEPARTMENT_WORDS = {
    "marketing": "mktg", "sales": "sales team, business development",
    "CX and account management": "cx, customer experience, account management, "
                                 "account managers, customer success, cx & account management",
    "operations": "ops, delivery, logistics, fulfilment, fulfillment",
    "product": "product team, design", "support": "customer support, customer service, "
                                                  "service, help desk, helpdesk",
    "leadership": "management, executive, executives, owner, owners, leadership team",
}
_STATE_WORDS = {"current": "today, now, as is, as-is, existing",
                "future": "to be, to-be, target, planned, proposed, tomorrow"}


def _vocabulary(words: dict[str, str]) -> dict[str, str]:
    index = {}
    for value, synonyms in words.items():
        for word in [value, *synonyms.split(",")]:
            if word.strip():
                index[normalise_value(word)] = value
    return index


CHANNEL_OF = _vocabulary(_CHANNEL_WORDS)
DEPARTMENT_OF = _vocabulary(_DEPARTMENT_WORDS)
STATE_OF = _vocabulary(_STATE_WORDS)
assert set(CHANNEL_OF.values()) == set(CHANNELS)
assert set(DEPARTMENT_OF.values()) == set(DEPARTMENTS)


# --- values --------------------------------------------------------------------------

@dataclass
class RowProblem:
    """Why one row of an edited table cannot be saved (``row`` counts from 0)."""
    row: int
    field: str
    value: object
    reason: str

    def sentence(self) -> str:
        return f"Row {self.row + 1}: {self.reason}"


def _text(value) -> str | None:
    """Text as stored: stripped, blank as None, whole numbers without '.0'."""
    value = to_sql_value(value)
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _choice(value, index: dict[str, str], what: str, choices: Iterable[str]):
    """(canonical value or None, reason or None)."""
    if is_blank(value):
        return None, None
    found = index.get(normalise_value(value))
    if found is None:
        return None, f"'{value}' is not a {what}; choose one of {', '.join(choices)}."
    return found, None


def _emotion(value):
    """(whole number from -2 to +2 or None, reason or None)."""
    value = to_sql_value(value)
    if is_blank(value):
        return None, None
    reason = f"emotion '{value}' must be a whole number from -2 to +2."
    if isinstance(value, bool):
        return None, reason
    if isinstance(value, str):
        text = value.strip().replace("\u2212", "-").replace("+", "", 1)
        try:
            value = float(text)
        except ValueError:
            return None, reason
    if not isinstance(value, (int, float)) or math.isnan(value) or not float(value).is_integer():
        return None, reason
    if not EMOTION_LOW <= value <= EMOTION_HIGH:
        return None, reason
    return int(value), None


def _stage(value, mapping: dict[str, str] | None = None):
    """(stage name or None, reason or None)."""
    if is_blank(value):
        return None, "the stage is missing."
    stage = read_stage_value(value, mapping).stage
    if stage is None:
        labels = ", ".join(LABELS[s] for s in ALL_STAGES[1:])
        return None, f"'{value}' is not a journey stage; use one of {labels}."
    return stage, None


def _number(value):
    """(a float or None, reason or None): a position typed in the table."""
    value = to_sql_value(value)
    if is_blank(value):
        return None, None
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None, f"position '{value}' is not a number."
    return (None, None) if math.isnan(number) else (number, None)


def normalise_touchpoint(raw: dict, row: int = 0, stage: str | None = None,
                         stage_map: dict[str, str] | None = None
                         ) -> tuple[dict, list[RowProblem]]:
    """One touchpoint row with canonical values, and what is wrong with it.

    ``stage`` fills a blank stage (the stage whose table is being edited).
    """
    out: dict = {"id": _id(raw.get("id"))}
    problems: list[RowProblem] = []

    def check(name: str, result) -> None:
        value, reason = result
        out[name] = value
        if reason:
            problems.append(RowProblem(row, name, raw.get(name), reason))

    for name in TEXT_FIELDS:
        out[name] = _text(raw.get(name))
    if out["touchpoint"] is None:
        problems.append(RowProblem(row, "touchpoint", raw.get("touchpoint"),
                                   "the touchpoint needs a name."))
    stage_value = raw.get("stage")
    check("stage", _stage(stage if is_blank(stage_value) and stage else stage_value, stage_map))
    check("position", _number(raw.get("position")))
    check("channel", _choice(raw.get("channel"), CHANNEL_OF, "channel", CHANNELS))
    check("department", _choice(raw.get("department"), DEPARTMENT_OF, "department",
                                DEPARTMENTS))
    check("emotion", _emotion(raw.get("emotion")))
    state, reason = _choice(raw.get("state"), STATE_OF, "state", STATES)
    check("state", (state or (None if reason else "current"), reason))
    return out, problems


def validate_touchpoints(rows, stage: str | None = None) -> list[RowProblem]:
    """What is wrong with each row of an edited table (empty when all rows can be saved)."""
    problems = []
    for index, raw in enumerate(_records(rows)):
        problems += normalise_touchpoint(raw, index, stage)[1]
    return problems


def _id(value) -> int | None:
    value = to_sql_value(value)
    if is_blank(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _records(rows) -> list[dict]:
    """A DataFrame or an iterable of mappings as a list of plain dicts (NaN as None)."""
    if rows is None:
        return []
    if isinstance(rows, pd.DataFrame):
        rows = rows.to_dict("records")
    return [{k: to_sql_value(v) for k, v in dict(r).items()} for r in rows]


# --- loading -------------------------------------------------------------------------

def touchpoint_rows(db: Database, stage: str | None = None, state: str | None = None
                    ) -> list[dict]:
    """Touchpoints as dicts (id, version and the fields), ``position`` numbered 1..n
    within each stage and state, in journey order."""
    clauses, params = [], []
    if stage is not None:
        clauses.append("stage = ?")
        params.append(stage)
    if state is not None:
        clauses.append("state = ?")
        params.append(state)
    where = " AND ".join(clauses) or "1"
    rows = list(db.query(
        f"SELECT id, version, {', '.join(TOUCHPOINT_FIELDS)} FROM touchpoints WHERE {where} "
        "ORDER BY state, position, id", params))
    places: dict[tuple, int] = {}
    for row in rows:
        group = (row["stage"], row["state"])
        places[group] = places.get(group, 0) + 1
        row["position"] = places[group]
    rows.sort(key=lambda r: (RANK.get(r["stage"], 99), STATES.index(r["state"])
                             if r["state"] in STATES else 9, r["position"]))
    return rows


def load_touchpoints(db: Database, stage: str | None = None, state: str | None = None
                     ) -> pd.DataFrame:
    """Touchpoints as a table: id, version, then the fields (see ``touchpoint_rows``)."""
    columns = ["id", "version", *TOUCHPOINT_FIELDS]
    frame = pd.DataFrame(touchpoint_rows(db, stage, state), columns=columns)
    frame["emotion"] = frame["emotion"].astype("Int64")
    return frame


def function_map_rows(db: Database) -> list[dict]:
    """The function map as dicts (id, version and the fields), in table order."""
    return list(db.query(f"SELECT id, version, {', '.join(FUNCTION_FIELDS)} "
                         "FROM function_map ORDER BY position, id"))


def load_function_map(db: Database) -> pd.DataFrame:
    """The function map: department, how it uses the map, the outcome, stages it serves."""
    return pd.DataFrame(function_map_rows(db), columns=["id", "version", *FUNCTION_FIELDS])


def department_stages(db: Database) -> dict[str, tuple[str, ...]]:
    """Department -> the stages it should serve, from the function map."""
    out = {}
    for row in function_map_rows(db):
        stages, _ = parse_stages(row["stages"])
        out[row["department"]] = stages
    return out


def parse_stages(text) -> tuple[tuple[str, ...], list[str]]:
    """'Awareness; consideration' -> (('awareness', 'consideration'), unknown words)."""
    stages, unknown = [], []
    for word in str(text or "").replace(";", ",").replace("\n", ",").split(","):
        if not word.strip():
            continue
        stage = read_stage_value(word).stage
        if stage is None:
            unknown.append(word.strip())
        elif stage not in stages:
            stages.append(stage)
    return tuple(sorted(stages, key=RANK.get)), unknown


def normalise_function(raw: dict, row: int = 0) -> tuple[dict, list[RowProblem]]:
    """One function-map row with canonical values, and what is wrong with it."""
    out = {"id": _id(raw.get("id")), "uses": _text(raw.get("uses")),
           "outcome": _text(raw.get("outcome"))}
    problems = []
    department, reason = _choice(raw.get("department"), DEPARTMENT_OF, "department",
                                 DEPARTMENTS)
    if department is None and not reason:
        reason = "the department is missing."
    if reason:
        problems.append(RowProblem(row, "department", raw.get("department"), reason))
    out["department"] = department
    stages, unknown = parse_stages(raw.get("stages"))
    if unknown:
        problems.append(RowProblem(row, "stages", raw.get("stages"),
                                   f"{', '.join(repr(w) for w in unknown)} "
                                   f"{'is' if len(unknown) == 1 else 'are'} not a journey stage."))
    out["stages"] = ", ".join(stages) or None
    return out, problems


def _unique_departments(rows: list[dict]) -> list[RowProblem]:
    seen: dict[str, int] = {}
    problems = []
    for index, row in enumerate(rows):
        name = row.get("department")
        if name is None:
            continue
        if name in seen:
            problems.append(RowProblem(index, "department", name,
                                       f"{name} is already on row {seen[name] + 1}."))
        seen.setdefault(name, index)
    return problems


# --- saving ----------------------------------------------------------------------------

@dataclass
class Conflict:
    """A row both this save and someone else changed since the table was loaded."""
    id: int
    name: str
    mine: dict[str, tuple]           # field -> (as loaded, my value)
    theirs: dict[str, tuple]         # field -> (as loaded, their value)
    mine_deleted: bool = False
    theirs_deleted: bool = False

    def sentence(self) -> str:
        if self.theirs_deleted:
            return f"'{self.name}' was deleted by someone else while you edited it."
        what = ", ".join(self.theirs) or "it"
        mine = "deleted it" if self.mine_deleted else "changed " + ", ".join(self.mine)
        return f"'{self.name}': someone else changed {what} while you {mine}."


def conflict_table(conflicts: list[Conflict]) -> pd.DataFrame:
    """One row per conflicting field: the value as loaded, yours and theirs (as text)."""
    def text(value) -> str:
        return "" if value is None else str(value)

    rows = []
    for conflict in conflicts:
        if conflict.mine_deleted or conflict.theirs_deleted:
            rows.append((conflict.name, "(the whole row)", "",
                         "deleted" if conflict.mine_deleted else "changed",
                         "deleted" if conflict.theirs_deleted else "changed"))
        for name in dict.fromkeys([*conflict.mine, *conflict.theirs]):
            loaded = (conflict.mine.get(name) or conflict.theirs.get(name))[0]
            rows.append((conflict.name, name, text(loaded),
                         text(conflict.mine[name][1]) if name in conflict.mine else "(as loaded)",
                         text(conflict.theirs[name][1]) if name in conflict.theirs
                         else "(as loaded)"))
    return pd.DataFrame(rows, columns=["row", "field", "as loaded", "yours", "theirs"])


@dataclass
class SaveResult:
    """What a save did: status is saved, unchanged, invalid or conflict."""
    status: str
    save_id: int | None = None
    added: int = 0
    changed: int = 0
    deleted: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("saved", "unchanged")

    def message(self) -> str:
        if self.status == "saved":
            return (f"Saved: {self.added} added, {self.changed} changed, "
                    f"{self.deleted} deleted.")
        if self.status == "unchanged":
            return "Nothing to save: the table is as it was."
        if self.status == "invalid":
            rows = len({p.row for p in self.problems})
            return (f"Not saved: {rows} row{'s' if rows != 1 else ''} need fixing "
                    "(your edits are kept).")
        return (f"Not saved: someone else changed {len(self.conflicts)} of the rows you "
                "changed. Nothing was overwritten; choose whose version to keep.")


@dataclass(frozen=True)
class _Table:
    """How one editable table is checked, identified and ordered."""
    name: str
    fields: tuple[str, ...]
    name_field: str
    normalise: Callable[[dict, int, str | None], tuple[dict, list[RowProblem]]]
    check_all: Callable[[list[dict]], list[RowProblem]] = lambda rows: []
    grouped: bool = False            # positions are numbered within (stage, state)


TOUCHPOINTS = _Table("touchpoints", TOUCHPOINT_FIELDS, "touchpoint",
                     lambda raw, row, scope: normalise_touchpoint(raw, row, scope),
                     grouped=True)
FUNCTION_MAP = _Table("function_map", FUNCTION_FIELDS, "department",
                      lambda raw, row, scope: normalise_function(raw, row),
                      check_all=_unique_departments)
TABLES = {t.name: t for t in (TOUCHPOINTS, FUNCTION_MAP)}


class _Refused(Exception):
    """Internal: roll a save back because of conflicts."""

    def __init__(self, conflicts: list[Conflict]):
        super().__init__(len(conflicts))
        self.conflicts = conflicts


def _diff(before: dict, after: dict, fields: Iterable[str]) -> dict[str, tuple]:
    """Field -> (before, after) for the fields whose values differ."""
    return {f: (before.get(f), after.get(f)) for f in fields
            if _same_value(before.get(f)) != _same_value(after.get(f))}


_same_value = comparable      # one comparison for the saves' journal and an import's undo


def _group(row: dict) -> tuple:
    return (row.get("stage"), row.get("state"))


def _ordered(rows: list[dict], loaded: dict | None = None) -> None:
    """Give rows their place 1..n within each stage and state, by the typed positions
    (blank last). On a tie a row whose position was typed (it differs from ``loaded``,
    or the row is new) goes first, so typing 1 puts a row at the top; else table order."""
    loaded = loaded or {}
    groups: dict[tuple, list[tuple]] = {}
    for index, row in enumerate(rows):
        place = row.get("position")
        old = loaded.get(row.get("id"))
        typed = old is None or _same_value(old.get("position")) != _same_value(place)
        groups.setdefault(_group(row), []).append(
            (place if place is not None else math.inf, not typed, index, row))
    for members in groups.values():
        for rank, member in enumerate(sorted(members, key=lambda m: m[:3]), start=1):
            member[3]["position"] = rank


def _moved(old_rows: Iterable[dict], new_rows: Iterable[dict], key=lambda r: r["id"]) -> set:
    """Keys of rows that changed place within their stage and state: the rows outside a
    longest run that kept its relative order (moving one row moves one row, and rows
    added or deleted around the others move nothing)."""
    def by_group(rows):
        groups: dict[tuple, list] = {}
        for row in sorted(rows, key=lambda r: r.get("position") or 0):
            groups.setdefault(_group(row), []).append(key(row))
        return groups

    old_groups = by_group(old_rows)
    moved = set()
    for group, keys in by_group(new_rows).items():
        rank = {k: i for i, k in enumerate(old_groups.get(group, []))}
        sequence = [k for k in keys if k in rank]
        moved |= set(sequence) - set(_longest_rising(sequence, rank))
    return moved


def _longest_rising(sequence: list, rank: dict) -> list:
    """The longest subsequence whose ranks rise (patience sorting)."""
    tails: list[int] = []          # index into sequence of the smallest tail per length
    parent: list[int | None] = []
    for index, item in enumerate(sequence):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if rank[sequence[tails[middle]]] < rank[item]:
                low = middle + 1
            else:
                high = middle
        parent.append(tails[low - 1] if low else None)
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    out, index = [], tails[-1] if tails else None
    while index is not None:
        out.append(sequence[index])
        index = parent[index]
    return out[::-1]


def _changes(spec: "_Table", loaded: dict, row: dict, moved: set) -> dict[str, tuple]:
    """Field -> (as loaded, now) for one row; position only when the row moved."""
    diff = _diff(loaded, row, [f for f in spec.fields if f != "position"])
    if row["id"] in moved:
        diff["position"] = (loaded.get("position"), row.get("position"))
    return diff


def _stored(db: Database, table: str, ids: Iterable[int]) -> dict[int, dict]:
    ids = list(ids)
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {row["id"]: row for row in db.query(f"SELECT * FROM [{table}] WHERE id IN ({marks})",
                                               ids)}


def _save(db: Database, spec: _Table, base, edited, scope: str | None = None) -> SaveResult:
    """Save an edited table against the rows it was loaded from (see the module notes)."""
    base_rows = _records(base)
    rows, problems = [], []
    for index, raw in enumerate(_records(edited)):
        row, row_problems = spec.normalise(raw, index, scope)
        rows.append(row)
        problems += row_problems
    problems += spec.check_all(rows)
    if problems:
        return SaveResult("invalid", problems=sorted(problems, key=lambda p: p.row))
    loaded = {r["id"]: r for r in base_rows if r.get("id") is not None}
    if spec.grouped:
        _ordered(list(loaded.values()))    # places as loaded, whatever was passed in
        _ordered(rows, loaded)
    changes: dict[int, dict] = {}
    kept: set[int] = set()
    added = []
    for row in rows:                         # unknown or repeated ids: new rows
        if row["id"] not in loaded or row["id"] in kept:
            row["id"] = None
        else:
            kept.add(row["id"])
    moved = _moved(loaded.values(), [r for r in rows if r["id"]]) if spec.grouped else set()
    for row in rows:
        if row["id"] is not None:
            diff = _changes(spec, loaded[row["id"]], row, moved)
            if diff:
                changes[row["id"]] = diff
        else:
            added.append(row)
    deleted = [row_id for row_id in loaded if row_id not in kept]
    if not (changes or added or deleted):
        return SaveResult("unchanged")
    try:
        with write(db):
            stored = _stored(db, spec.name, [*changes, *deleted])
            conflicts = _conflicts(spec, loaded, stored, changes, deleted)
            if conflicts:
                raise _Refused(conflicts)
            save_id = _record_save(db, spec.name, scope, len(added), len(changes), len(deleted))
            recorded: set[int] = set()
            for row_id in deleted:
                record_save_row(db, save_id, stored[row_id], None)
                recorded.add(row_id)
                db.execute(f"DELETE FROM [{spec.name}] WHERE id = ?", [row_id])
            stamp = now_stamp()
            for row_id, diff in changes.items():
                values = {f: to_sql_value(after) for f, (_, after) in diff.items()
                          if f != "position"}
                record_save_row(db, save_id, stored[row_id], stored[row_id]["version"] + 1)
                recorded.add(row_id)
                sets = "".join(f"[{f}] = ?, " for f in values)
                db.execute(f"UPDATE [{spec.name}] SET {sets}version = version + 1, "
                           "updated_at = ? WHERE id = ?", [*values.values(), stamp, row_id])
            for row in added:
                values = {f: row.get(f) for f in spec.fields}
                if not spec.grouped:
                    values["position"] = _next_position(db, spec.name)
                row["id"] = db[spec.name].insert({**values, "updated_at": stamp,
                                                  "version": 1}).last_pk
                record_save_row(db, save_id, None, 1, row_id=row["id"])
                recorded.add(row["id"])
            if spec.grouped:
                _renumber_after_save(db, save_id, rows, loaded, scope, recorded)
    except _Refused as refused:
        return SaveResult("conflict", conflicts=refused.conflicts)
    except sqlite3.IntegrityError:          # e.g. a department someone else added meanwhile
        return SaveResult("invalid", problems=_clashes(db, spec, rows))
    return SaveResult("saved", save_id=save_id, added=len(added), changed=len(changes),
                      deleted=len(deleted))


def _clashes(db: Database, spec: _Table, rows: list[dict]) -> list[RowProblem]:
    """Rows whose name another stored row already has (the function map's departments)."""
    problems = []
    for index, row in enumerate(rows):
        value = row.get(spec.name_field)
        other = db.execute(f"SELECT id FROM [{spec.name}] WHERE [{spec.name_field}] = ?",
                           [value]).fetchone()
        if other is not None and other[0] != row.get("id"):
            problems.append(RowProblem(index, spec.name_field, value,
                                       f"{value} was added by someone else meanwhile; "
                                       "delete this row or reload the table."))
    return problems or [RowProblem(0, spec.name_field, None, "the table changed meanwhile; "
                                                             "reload it and save again.")]


def _conflicts(spec: _Table, loaded: dict, stored: dict, changes: dict,
               deleted: list[int]) -> list[Conflict]:
    """Rows this save changes that someone else changed or deleted since they were loaded."""
    out = []
    for row_id in [*changes, *deleted]:
        before = loaded[row_id]
        now = stored.get(row_id)
        if not moved_on(now, before.get("version")):
            continue
        theirs = {} if now is None else _diff(
            before, now, [f for f in spec.fields if f != "position"])
        if now is not None and not theirs:
            continue                          # saved again with the same values
        out.append(Conflict(row_id, str(before.get(spec.name_field) or row_id),
                            mine=changes.get(row_id, {}), theirs=theirs,
                            mine_deleted=row_id in deleted, theirs_deleted=now is None))
    return out


def _next_position(db: Database, table: str) -> int:
    return (db.execute(f"SELECT MAX(position) FROM [{table}]").fetchone()[0] or 0) + 1


def _record_save(db: Database, table: str, scope, added: int, changed: int,
                 deleted: int) -> int:
    where = f" ({LABELS.get(scope, scope)})" if scope else ""
    title = "Touchpoints" if table == "touchpoints" else "Function map"
    return record_save(db, table, scope, f"{title}{where}: {added} added, {changed} changed, "
                                         f"{deleted} deleted")


def _renumber_after_save(db: Database, save_id: int, rows: list[dict], loaded: dict,
                         scope: str | None, recorded: set[int]) -> None:
    """Store positions 1..n in every stage and state the save touched.

    In the edited stage the saved rows come first, in their new order, then rows someone
    else added meanwhile; a row moved to another stage goes to the end there.
    """
    groups: dict[tuple, list[int]] = {}
    for row in sorted(rows, key=lambda r: r["position"]):
        groups.setdefault(_group(row), []).append(row["id"])
    for row in loaded.values():
        groups.setdefault(_group(row), [])
    for group, mine in groups.items():
        others = [r[0] for r in db.execute(
            "SELECT id FROM touchpoints WHERE stage = ? AND state = ? ORDER BY position, id",
            list(group)).fetchall() if r[0] not in mine]
        order = mine + others if group[0] == scope else others + mine
        _store_positions(db, order, lambda row, place: row["id"] in recorded
                         or record_save_row(db, save_id, row, row["version"],
                                            position_only=True))


def _store_positions(db: Database, order: list[int],
                     remember: Callable[[dict, int], object]) -> None:
    """Positions 1..n for the ids in order; ``remember(row, place)`` first for each row
    that moves."""
    stored = _stored(db, "touchpoints", order)
    for place, row_id in enumerate(order, start=1):
        if stored[row_id]["position"] != place:
            remember(stored[row_id], place)
            db.execute("UPDATE touchpoints SET position = ? WHERE id = ?", [place, row_id])


def save_stage(db: Database, stage: str, base, edited) -> SaveResult:
    """Save a stage's edited touchpoint table (both states) in one transaction.

    ``base`` is the rows as loaded (``touchpoint_rows(db, stage)``, with id and version);
    ``edited`` the rows as they are now (a row without an id is new; a loaded row missing
    from it is deleted). Invalid rows or conflicts refuse the whole save (see SaveResult).
    """
    if stage not in RANK:
        raise ValidationError(f"'{stage}' is not a journey stage.")
    return _save(db, TOUCHPOINTS, base, edited, stage)


def save_function_map(db: Database, base, edited) -> SaveResult:
    """Save the edited function map, like ``save_stage``."""
    return _save(db, FUNCTION_MAP, base, edited)


def rebase(db: Database, table: str, base, edited, keep: str, scope: str | None = None
           ) -> tuple[list[dict], list[dict]]:
    """After a conflict: ``(new base, new draft)`` to edit and save again.

    The new base is the table as stored now. The draft keeps every change of yours that
    did not conflict; for the conflicting rows it keeps your changes (``keep="mine"``, on
    top of theirs field by field) or theirs (``keep="theirs"``). Rows others added appear.
    """
    if keep not in ("mine", "theirs"):
        raise ValidationError("Choose to keep 'mine' or 'theirs'.")
    spec = TABLES[table]
    everything = touchpoint_rows(db) if spec.grouped else function_map_rows(db)
    now_by_id = {r["id"]: r for r in everything}
    now = [r for r in everything if scope is None or r.get("stage") == scope]
    loaded = {r["id"]: r for r in _records(base) if r.get("id") is not None}
    edited_rows = _records(edited)
    for row in edited_rows:
        row["id"] = _id(row.get("id"))
    moved = set()
    if spec.grouped:
        _ordered(list(loaded.values()))
        ranked = [dict(r) for r in edited_rows if r["id"] in loaded]
        _ordered(ranked, loaded)
        moved = _moved(loaded.values(), ranked)
    draft, seen = [], set()
    for raw in edited_rows:
        row_id = raw["id"]
        if row_id not in loaded or row_id in seen:
            draft.append({**raw, "id": None})
            continue
        seen.add(row_id)
        mine = _changes(spec, loaded[row_id], raw, moved)
        current = now_by_id.get(row_id)
        theirs = current is not None and _diff(
            loaded[row_id], current, [f for f in spec.fields if f != "position"])
        conflict = mine and (current is None or (theirs and current["version"]
                                                 != loaded[row_id].get("version")))
        if current is None:
            if conflict and keep == "mine":
                draft.append({**raw, "id": None, "version": None})
            continue
        if conflict and keep == "theirs":
            mine = {}
        draft.append({**current, **{f: after for f, (_, after) in mine.items()}})
    for row_id in loaded:
        if row_id not in seen and row_id in now_by_id:
            changed = _diff(loaded[row_id], now_by_id[row_id],
                            [f for f in spec.fields if f != "position"])
            if changed and keep == "theirs":
                draft.append(dict(now_by_id[row_id]))   # they changed what you deleted
    draft += [dict(r) for r in now if r["id"] not in loaded and r["id"] not in seen]
    if spec.grouped:
        for row in draft:
            row["position"] = row.get("position") if row.get("position") is not None \
                else math.inf
        _ordered(draft)
    return now, draft


# --- undo ------------------------------------------------------------------------------

def undo_last_save(db: Database) -> dict:
    """Undo the latest save not undone yet (``journey.journal.last_save``): restore what it
    changed or deleted, remove what it added. Raises ValidationError when there is nothing
    to undo, or when a row it wrote was changed again afterwards (nothing is changed then;
    the rules: ``journey.journal.take_back_save``)."""
    save = last_save(db)
    if save is None:
        raise ValidationError("There is no save to undo.")
    with write(db):
        try:
            take_back_save(db, save, TABLES[save["table_name"]].name_field, now_stamp())
        except sqlite3.IntegrityError:
            raise ValidationError(f"Cannot undo '{save['summary']}': a row it would put "
                                  "back has been added again since.") from None
    return save


# --- snapshots -------------------------------------------------------------------------

@dataclass
class MapDiff:
    """Touchpoints added, removed and changed (field by field) between two maps."""
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)   # {id, stage, state, touchpoint, fields}

    COLUMNS = ["change", "stage", "state", "touchpoint", "field", "before", "after"]

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.removed)} removed, "
                f"{len(self.changed)} changed")

    def frame(self) -> pd.DataFrame:
        """One row per added or removed touchpoint and per changed field."""
        rows = []
        for kind, members in (("added", self.added), ("removed", self.removed)):
            for row in members:
                rows.append({"change": kind, "stage": row.get("stage"),
                             "state": row.get("state"), "touchpoint": row.get("touchpoint"),
                             "field": None, "before": None, "after": None})
        for row in self.changed:
            for name, (before, after) in row["fields"].items():
                rows.append({"change": "changed", "stage": row["stage"], "state": row["state"],
                             "touchpoint": row["touchpoint"], "field": name,
                             "before": before, "after": after})
        return pd.DataFrame(rows, columns=self.COLUMNS, dtype=object)


def _map_key(row: dict):
    if row.get("id") is not None:
        return ("id", int(row["id"]))
    return ("name", row.get("stage"), row.get("state") or "current",
            normalise_value(row.get("touchpoint")))


def compare_maps(before: list[dict], after: list[dict]) -> MapDiff:
    """What changed from one map (a list of touchpoint dicts) to another.

    Touchpoints are matched by id (rows without one by stage, state and name); every
    field of TOUCHPOINT_FIELDS is compared, the position only when the touchpoint moved
    relative to the others (not when rows were added or removed around it).
    """
    old = {_map_key(r): r for r in before}
    new = {_map_key(r): r for r in after}
    order = lambda r: (RANK.get(r.get("stage"), 99), r.get("state") or "",  # noqa: E731
                       r.get("position") or 0, str(r.get("touchpoint")))
    diff = MapDiff(added=sorted((new[k] for k in new if k not in old), key=order),
                   removed=sorted((old[k] for k in old if k not in new), key=order))
    both = [k for k in new if k in old]
    moved = _moved([old[k] for k in both], [new[k] for k in both], key=_map_key)
    for key in sorted(both, key=lambda k: order(new[k])):
        fields = _diff(old[key], new[key], [f for f in TOUCHPOINT_FIELDS if f != "position"])
        if key in moved:
            fields["position"] = (old[key].get("position"), new[key].get("position"))
        if fields:
            row = new[key]
            diff.changed.append({"id": row.get("id"), "stage": row.get("stage"),
                                 "state": row.get("state"), "touchpoint": row.get("touchpoint"),
                                 "fields": fields})
    return diff


def save_snapshot(db: Database, name: str, note: str = "") -> int:
    """Save the whole map (touchpoints and function map) under a name; returns its id.

    Raises ValidationError for a blank name or one already used.
    """
    name = (name or "").strip()
    if not name:
        raise ValidationError("A snapshot needs a name, for example 'Before the workshop'.")
    if db.execute("SELECT 1 FROM map_snapshots WHERE name = ?", [name]).fetchone():
        raise ValidationError(f"There is already a snapshot called '{name}'; "
                              "choose another name.")
    data = {"touchpoints": touchpoint_rows(db), "function_map": function_map_rows(db)}
    with write(db):
        return db.execute("INSERT INTO map_snapshots(name, note, data) VALUES (?, ?, ?)",
                          [name, note or None, json.dumps(data)]).lastrowid


def list_snapshots(db: Database) -> pd.DataFrame:
    """Saved snapshots, newest first: id, name, note, created_at, touchpoints."""
    rows = db.execute("SELECT id, name, note, created_at, "
                      "json_array_length(data, '$.touchpoints') FROM map_snapshots "
                      "ORDER BY id DESC").fetchall()
    return pd.DataFrame(rows, columns=["id", "name", "note", "created_at", "touchpoints"])


def snapshot_rows(db: Database, snapshot_id: int) -> list[dict]:
    """The touchpoints stored in a snapshot. Raises ValidationError if there is none."""
    row = db.execute("SELECT data FROM map_snapshots WHERE id = ?", [snapshot_id]).fetchone()
    if row is None:
        raise ValidationError(f"There is no snapshot {snapshot_id} in this workspace.")
    return json.loads(row[0])["touchpoints"]


def compare_snapshot(db: Database, snapshot_id: int) -> MapDiff:
    """The changes from a snapshot to the map as it is now."""
    return compare_maps(snapshot_rows(db, snapshot_id), touchpoint_rows(db))


def delete_snapshot(db: Database, snapshot_id: int) -> None:
    """Forget a snapshot."""
    with write(db):
        db.execute("DELETE FROM map_snapshots WHERE id = ?", [snapshot_id])


# --- spreadsheets ----------------------------------------------------------------------

_TOUCHPOINT_SYNONYMS = {
    "touchpoint": "touch point, touchpoint name, name", "customer_action": "action, "
    "customer actions, what the customer does, doing", "thinks_feels": "thoughts and "
    "feelings, thinks and feels, thinking and feeling, thoughts, feelings",
    "emotion": "emotion score, score, feeling score", "pain_points": "pain point, pains",
    "delights": "delight, gains", "opportunities": "opportunity, ideas", "kpi": "kpis, metric",
    "owner": "responsible, who", "state": "current or future", "position": "order, step, #",
    "stage": "journey stage, phase", "channel": "channels", "department": "team, function",
}
_FUNCTION_SYNONYMS = {
    "department": "function, team", "uses": "how it uses the map, uses the map for, use",
    "outcome": "outcome it seeks, outcomes, goal", "stages": "stages it serves, serves",
}


def _header_index(labels: dict[str, str], synonyms: dict[str, str]) -> dict[str, str]:
    index = {}
    for name, label in labels.items():
        for word in [name, label, *synonyms.get(name, "").split(",")]:
            if word.strip():
                index.setdefault(normalise_header(word), name)
    return index


TOUCHPOINT_HEADER_OF = _header_index(HEADERS, _TOUCHPOINT_SYNONYMS)
FUNCTION_HEADER_OF = _header_index(FUNCTION_HEADERS, _FUNCTION_SYNONYMS)


def _sheet_rows(raw, index: dict[str, str]) -> tuple[dict[str, str], list[tuple[int, dict]]]:
    """(field -> header, [(row number, {field: value})]); the first matching header wins."""
    columns: dict[str, str] = {}
    for header in raw.headers:
        name = index.get(normalise_header(header))
        if name and name not in columns:
            columns[name] = header
    frame = raw.frame
    rows = []
    for position, number in enumerate(raw.row_numbers):
        rows.append((number, {name: frame[header].iloc[position]
                              for name, header in columns.items()}))
    return columns, rows


def _problems(number: int, columns: dict[str, str], problems: list[RowProblem], Problem):
    return [Problem(number, columns.get(p.field, HEADERS.get(p.field, p.field)), p.value,
                    p.reason[0].upper() + p.reason[1:]) for p in problems]


def import_sheet(db: Database, raw, import_id: int):
    """Import a "Touchpoints" sheet: new touchpoints are added, ones with the same stage,
    state and name are updated; rows that do not validate are returned as problems.
    Returns ``journey.journal.SheetSave``. Every row it adds, matches (changed or not)
    or moves goes to ``record_change`` with what the sheet carried into it."""
    columns, rows = _sheet_rows(raw, TOUCHPOINT_HEADER_OF)
    if "touchpoint" not in columns or "stage" not in columns:
        missing = " and ".join(HEADERS[f] for f in ("touchpoint", "stage") if f not in columns)
        return SheetSave(0, 0, [Problem(1, "", None, f"The Touchpoints sheet has no "
                                        f"{missing} column, so no row was imported.")])
    mapping = stage_mapping(db)
    existing = {(r["stage"], r["state"], normalise_value(r["touchpoint"])): r
                for r in touchpoint_rows(db)}
    problems, accepted, seen = [], [], {}
    for number, values in rows:
        if all(is_blank(v) for v in values.values()):
            continue
        row, row_problems = normalise_touchpoint(values, number, stage_map=mapping)
        key = (row["stage"], row["state"], normalise_value(row["touchpoint"]))
        if not row_problems and key in seen:
            row_problems = [RowProblem(number, "touchpoint", values.get("touchpoint"),
                                       f"'{row['touchpoint']}' is already on row {seen[key]} "
                                       "for the same stage and state; this row was skipped.")]
        if row_problems:
            problems += _problems(number, columns, row_problems, Problem)
            continue
        seen[key] = number
        accepted.append((key, row))
    inserted = updated = 0
    records: dict[int, tuple[dict | None, dict]] = {}    # row id -> (before, after)

    def moved(before: dict, place: int) -> None:
        found = records.setdefault(before["id"], (before, {}))
        if found[0] is not None:                # a row it added keeps its place on undo
            found[1]["position"] = place

    with write(db):
        stamp = now_stamp()
        placed: dict[tuple, list[tuple]] = {}
        for key, row in accepted:
            values = {f: row[f] for f in TOUCHPOINT_FIELDS if f != "position"
                      and (f in columns or f == "state")}
            old = existing.get(key)
            if old is None:
                row_id = db["touchpoints"].insert({**values, "position": 0,
                                                   "updated_at": stamp, "version": 1}).last_pk
                records[row_id] = (None, values)
                inserted += 1
            else:
                row_id = old["id"]
                records[row_id] = (_stored(db, "touchpoints", [row_id])[row_id], dict(values))
                changes = _diff(old, values, values)
                if changes or (row["position"] is not None
                               and row["position"] != old["position"]):
                    sets = "".join(f"[{f}] = ?, " for f in changes)
                    db.execute(f"UPDATE touchpoints SET {sets}version = version + 1, "
                               "updated_at = ? WHERE id = ?",
                               [*(values[f] for f in changes), stamp, row_id])
                    updated += 1
            placed.setdefault(_group(row), []).append((row_id, row["position"], old is None))
        for group, members in placed.items():
            _place_imported(db, group, members, moved)
        for row_id, (before, after) in records.items():
            record_change(db, import_id, "touchpoints", row_id, before, after)
    return SheetSave(inserted, updated, problems)


def _place_imported(db: Database, group: tuple, members: list[tuple], remember) -> None:
    """Order a stage and state after an import: rows with a position on the sheet go to
    that place (the others close up around them), new rows without one go last."""
    current = [r[0] for r in db.execute(
        "SELECT id FROM touchpoints WHERE stage = ? AND state = ? ORDER BY position, id",
        list(group)).fetchall()]
    placed = {row_id: position for row_id, position, _ in members if position is not None}
    appended = [row_id for row_id, position, is_new in members if is_new and position is None]
    order = [i for i in current if i not in placed and i not in appended]
    for row_id, position in sorted(placed.items(), key=lambda item: item[1]):
        order.insert(min(max(int(position) - 1, 0), len(order)), row_id)
    _store_positions(db, order + appended, remember)


def import_function_map(db: Database, raw, import_id: int):
    """Import a "Function map" sheet: rows update the function of the same department
    (or add it). Returns ``journey.journal.SheetSave``; every row it adds or matches goes
    to ``record_change`` with what the sheet carried into it."""
    columns, rows = _sheet_rows(raw, FUNCTION_HEADER_OF)
    if "department" not in columns:
        return SheetSave(0, 0, [Problem(1, "", None, "The Function map sheet has no "
                                        "Department column, so no row was imported.")])
    existing = {r["department"]: r for r in function_map_rows(db)}
    inserted = updated = 0
    problems, seen = [], {}
    with write(db):
        stamp = now_stamp()
        for number, values in rows:
            if all(is_blank(v) for v in values.values()):
                continue
            row, row_problems = normalise_function(values, number)
            if not row_problems and row["department"] in seen:
                row_problems = [RowProblem(number, "department", values.get("department"),
                                           f"{row['department']} is already on row "
                                           f"{seen[row['department']]}; this row was skipped.")]
            if row_problems:
                problems += _problems(number, {**columns}, row_problems, Problem)
                continue
            seen[row["department"]] = number
            fields = {f: row[f] for f in FUNCTION_FIELDS if f in columns}
            old = existing.get(row["department"])
            if old is None:
                row_id = db["function_map"].insert({
                    **fields, "position": _next_position(db, "function_map"),
                    "updated_at": stamp, "version": 1}).last_pk
                record_change(db, import_id, "function_map", row_id, None, fields)
                inserted += 1
                continue
            record_change(db, import_id, "function_map", old["id"],
                          _stored(db, "function_map", [old["id"]])[old["id"]], fields)
            changes = _diff(old, fields, fields)
            if changes:
                sets = "".join(f"[{f}] = ?, " for f in changes)
                db.execute(f"UPDATE function_map SET {sets}version = version + 1, "
                           "updated_at = ? WHERE id = ?",
                           [*(fields[f] for f in changes), stamp, old["id"]])
                updated += 1
    return SheetSave(inserted, updated, problems)


def export_rows(db: Database) -> pd.DataFrame:
    """Every touchpoint with the sheet's headers, stages as labels, in journey order."""
    rows = touchpoint_rows(db)
    for row in rows:
        row["stage"] = LABELS.get(row["stage"], row["stage"])
    frame = pd.DataFrame(rows, columns=list(TOUCHPOINT_FIELDS))
    frame["emotion"] = frame["emotion"].astype("Int64")
    return frame.rename(columns=HEADERS)


def export_function_map(db: Database) -> pd.DataFrame:
    """The function map with the sheet's headers."""
    return load_function_map(db)[list(FUNCTION_FIELDS)].rename(columns=FUNCTION_HEADERS)
