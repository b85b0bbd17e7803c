"""Import spreadsheets into a workspace.

Three steps, each testable alone:

1. ``plan_file`` reads a file (``journey.readers``) and, for each sheet, guesses its kind
   (clients, events, or reference) and the mapping of its headers onto the field
   vocabulary; options override the guesses.
2. ``prepare_sheet`` coerces the values (``journey.values``), resolves stages through the
   aliases and the workspace's mapping, and lists the rows it must reject, with sheet,
   row, column, value and reason.
3. ``import_file`` writes every usable row of every sheet in one transaction, records each
   sheet as an import (with before-images of what it overwrote) and refreshes the derived
   per-client figures. ``dry_run`` runs the same writes and rolls them back.

Decisions (also in the README): clients are identified by their ID, else by their name;
events by their content, so re-importing the same rows updates nothing twice. An event
with no client but an ``order_id`` belongs to the client of the purchase with that order.
An event with neither (a deal with no account, an anonymous complaint) is kept without a
client: it counts in event figures, not in the client funnel.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd
from sqlite_utils import Database

from . import values
from .derive import refresh_clients
from .errors import UnreadableFile, ValidationError, WorkspaceError
from .fields import (
    CLIENT_FIELDS, CLIENT_ONLY, EVENT_FIELDS, EVENT_KINDS, EVENT_ONLY, PROFILE_FIELDS,
    SCORE_RANGES, field_type, fields_for, match_header, normalise_header)
from .readers import DEFAULT_MAX_BYTES, RawSheet, _base_name, read_tables
from .stages import ALL_STAGES, OUTCOMES, normalise_value, read_stage_value
from .workspace import get_setting, write

KINDS = ("clients", "events", "reference")
# Workshop sheets, found by their name when the kind is auto: normalised sheet name ->
# (kind, module, function). The function saves the sheet itself (``SheetSave``).
WORKSHOP_SHEETS = {
    "personas": ("personas", "journey.personas", "import_sheet"),
    "touchpoints": ("touchpoints", "journey.touchpoints", "import_sheet"),
    "functionmap": ("function_map", "journey.touchpoints", "import_function_map"),
}
WORKSHOP_KINDS = {kind: (module, function) for kind, module, function in WORKSHOP_SHEETS.values()}
EXTRA = "extra"   # the mapping target that keeps a column with its row, unmapped

Progress = Callable[[float, str], None]

# Event kind words -> kind (a ``kind`` column, or a sheet's name).
_KIND_WORDS = {
    "contact": "contact call calls meeting email visit activity activities touch contacts",
    "stage_change": "stagechange stage move",
    "purchase": "purchase purchases order orders sale sales transaction transactions invoice "
                "invoices booking bookings buy bought",
    "won": "won win closedwon dealwon",
    "lost": "lost loss closedlost deallost",
    "refund": "refund refunds return returns returned chargeback",
    "cancellation": "cancellation cancellations cancel cancelled canceled",
    "complaint": "complaint complaints customercomplaint issue issues",
    "internal_complaint": "internalcomplaint internalcomplaints interdepartmental "
                          "escalation escalations",
    "objection": "objection objections",
    "referral": "referral referrals",
    "review": "review reviews testimonial testimonials",
    "nps": "nps npsresponse survey surveys",
}
KIND_OF = {word: kind for kind, words in _KIND_WORDS.items() for word in words.split()}


@dataclass
class SheetPlan:
    """What will be imported from one sheet, and how."""
    file: str
    sheet: str
    raw: RawSheet
    kind: str
    mapping: dict[str, str | None]
    set_values: dict[str, str] = field(default_factory=dict)
    checksum: str = ""
    remembered: bool = False     # the mapping came from an earlier import of these headers
    chosen: set[str] = field(default_factory=set)   # headers mapped by a person, not guessed

    @property
    def headers(self) -> list[str]:
        return self.raw.headers


@dataclass
class Problem:
    row: int
    column: str
    value: object
    reason: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column,
                "value": None if self.value is None else str(self.value)[:200],
                "reason": self.reason}


@dataclass
class SheetSave:
    """What a workshop sheet's importer saved: ``fn(db, raw, import_id) -> SheetSave``.

    The importer runs inside the import's transaction and calls ``record_change`` for
    every row it adds, changes or deletes, so that undo can put them back.
    """
    inserted: int
    updated: int
    problems: list[Problem] = field(default_factory=list)


def workshop_importer(kind: str) -> Callable | None:
    """The function that imports a workshop sheet of this kind, or None if there is none yet."""
    if kind not in WORKSHOP_KINDS:
        return None
    module_name, function = WORKSHOP_KINDS[kind]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    return getattr(module, function, None)


@dataclass
class PreparedSheet:
    """Typed rows ready to save, and the rows rejected with their reasons."""
    plan: SheetPlan
    rows: pd.DataFrame                       # vocabulary columns + extra + _row
    problems: list[Problem]
    unknown_stages: dict[str, int]           # raw value -> rows, waiting to be mapped
    day_first: bool | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    import_id: int | None
    file: str
    sheet: str
    kind: str
    mapping: dict[str, str | None]
    rows: int
    inserted: int
    updated: int
    rejected: int
    problems: list[Problem]
    unknown_stages: dict[str, int]
    notes: list[str]
    dry_run: bool = False
    clients: list[int] = field(default_factory=list, repr=False)   # ids touched

    def as_dict(self) -> dict:
        return {"import_id": self.import_id, "file": self.file, "sheet": self.sheet,
                "kind": self.kind, "mapping": self.mapping, "rows": self.rows,
                "inserted": self.inserted, "updated": self.updated,
                "rejected": self.rejected,
                "problems": [p.as_dict() for p in self.problems],
                "unknown_stage_values": self.unknown_stages, "notes": self.notes,
                "dry_run": self.dry_run}


# --- 1. plan ---------------------------------------------------------------------------

def headers_key(headers: list[str]) -> str:
    """A key for a set of headers, so next month's file finds this month's mapping."""
    names = sorted(normalise_header(h) for h in headers)
    return hashlib.sha1("\x1f".join(names).encode()).hexdigest()


def detect_kind(raw: RawSheet, mapping: dict[str, str | None], sheet_name: str = "") -> str:
    """Guess whether a sheet holds clients (one row each), events, or reference rows.

    A client key that repeats means events. The key is the client ID when the sheet has
    one (two clients may share a name), else the name. With unique keys, the sheet is
    events when it has more of the fields that only events have and that say something
    happened (date, kind, amount, order ID) than client-only fields: a client list with a
    notes or reason column stays a client list.
    """
    fields = {f for f in mapping.values() if f}
    keys = [h for h, f in mapping.items() if f in ("client_id", "name")]
    if not keys:
        # A sheet or file name ("Returns", "orders-2026.xlsx") makes events only of a sheet
        # that has event columns: a guide or notes sheet in such a file stays reference.
        if "order_id" in fields or (fields & EVENT_FIELDS.keys() and _sheet_kind(sheet_name)):
            return "events"
        return "reference"
    if any(mapping[h] == "client_id" for h in keys):
        keys = [h for h in keys if mapping[h] == "client_id"]
    for header in keys:
        cells = raw.frame[header].dropna().tolist()
        texts = list(map(str, cells))          # equal texts are equal keys: a quick answer
        if (len(set(texts)) < len(cells)
                or len({t.strip().casefold() for t in texts}) < len(cells)):
            return "events"
    event_score = len(fields & EVENT_ONLY & HAPPENED_FIELDS)
    client_score = len(fields & CLIENT_ONLY)
    return "events" if event_score > client_score else "clients"


HAPPENED_FIELDS = frozenset({"date", "kind", "amount", "order_id"})


def _sheet_kind(name: str) -> str | None:
    """An event kind named by a sheet or file name ("Returns" -> refund)."""
    for word in re.findall(r"[a-z]+", name.casefold()):
        if word in KIND_OF:
            return KIND_OF[word]
    return None


def guess_sheet_mapping(headers: list[str], kind: str) -> dict[str, str | None]:
    """Map headers onto the fields a kind can hold; a field goes to its best column."""
    allowed = fields_for(kind) if kind in ("clients", "events") else set()
    return {h: (f if (f := match_header(h)[0]) in allowed else None) for h in headers}


def plan_file(filename: str, data: bytes, *, db: Database | None = None, kind: str = "auto",
              mapping: dict[str, str] | None = None, set_values: dict[str, str] | None = None,
              sheet: str | None = None, max_bytes: int | None = None) -> list[SheetPlan]:
    """Read a file and plan the import of each sheet. Raises UnreadableFile, ValidationError.

    ``mapping`` overrides header -> field (``"extra"`` keeps a column unmapped);
    ``set_values`` sets a field to one value on every row.
    """
    if kind not in ("auto", *KINDS):
        raise ValidationError(f"--kind must be auto, clients or events, not '{kind}'.")
    if max_bytes is None:
        max_bytes = int(get_setting(db, "max_upload_mb") * 1024 * 1024) if db else DEFAULT_MAX_BYTES
    limits = {"max_rows": get_setting(db, "max_import_rows"),
              "max_cells": get_setting(db, "max_import_cells")} if db else {}
    sheets = read_tables(filename, data, max_bytes=max_bytes, sheet=sheet, **limits)
    checksum = hashlib.sha256(data).hexdigest()
    mapping = mapping or {}
    set_values = set_values or {}
    sheets = _skip_guides(filename, sheets)
    _check_overrides(filename, sheets, mapping, set_values)
    plans = []
    for raw in sheets:
        plans.append(_plan_sheet(db, filename, raw, kind, mapping, set_values, checksum))
    return plans


GUIDE_SHEET_NAMES = frozenset({"guide", "readme", "instructions", "about", "howtouse"})


def is_guide(raw: RawSheet) -> bool:
    """A sheet that explains a workbook (the template's Guide, a Read me) rather than data."""
    from .templates import GUIDE_HEADERS
    return (normalise_header(raw.name) in GUIDE_SHEET_NAMES
            or [normalise_header(h) for h in raw.headers]
            == [normalise_header(h) for h in GUIDE_HEADERS])


def _skip_guides(filename: str, sheets: list[RawSheet]) -> list[RawSheet]:
    """The sheets without guides; a skipped guide's notes move to a sheet that is kept.

    Raises UnreadableFile when nothing but guides is left to import.
    """
    kept: list[RawSheet] = []
    pending: list[str] = []
    for raw in sheets:
        if is_guide(raw):
            pending += raw.notes + [f"sheet '{raw.name}' is a guide to filling in the "
                                    "workbook, not data, and was skipped"]
            continue
        raw.notes[:0] = pending
        pending = []
        kept.append(raw)
    if not kept:
        reasons = [re.sub(r",? and was skipped$", "", note) for note in pending
                   if note.endswith("was skipped")]
        raise UnreadableFile(f"{_base_name(filename)} has no rows to import: "
                             f"{'; '.join(reasons)}.")
    kept[-1].notes.extend(pending)
    return kept


def _plan_sheet(db, filename, raw, kind, overrides, set_values, checksum) -> SheetPlan:
    remembered = _remembered_mapping(db, raw.headers) if db is not None else None
    by_normal = {normalise_header(h): h for h in raw.headers}
    chosen_targets = {}
    for source, target in overrides.items():
        header = by_normal.get(normalise_header(source))
        if header is not None:
            chosen_targets[header] = None if target in (EXTRA, "", None) else target
    sheet_kind = kind
    workshop = WORKSHOP_SHEETS.get(normalise_header(raw.name)) if kind == "auto" else None
    if workshop:
        # A workshop sheet ("Personas") is saved by its own importer; without one (yet),
        # its rows are kept as reference rows rather than guessed to be clients.
        found = workshop[0] if workshop_importer(workshop[0]) else "reference"
        return SheetPlan(file=filename, sheet=raw.name, raw=raw, kind=found,
                         mapping={h: None for h in raw.headers}, set_values=dict(set_values),
                         checksum=checksum)
    if sheet_kind == "auto" and remembered:
        sheet_kind = remembered["kind"]
    elif sheet_kind == "auto":
        # A header names at most one field; keep it if either kind can hold it (a plain
        # dict union would let the clients guess blank out every event-only field).
        events, clients = (guess_sheet_mapping(raw.headers, k) for k in ("events", "clients"))
        guess = {h: events[h] or clients[h] for h in raw.headers} | chosen_targets
        sheet_kind = detect_kind(raw, guess, f"{raw.name} {filename}")
        if sheet_kind != "events" and EVENT_ONLY.intersection(set_values):
            sheet_kind = "events"          # --set kind=won, --set date=...: rows are events
    if remembered and remembered["kind"] == sheet_kind:
        mapping = {h: remembered["mapping"].get(h) for h in raw.headers}
    else:
        mapping = guess_sheet_mapping(raw.headers, sheet_kind)
    chosen = set(raw.headers) if remembered else set()
    mapping.update(chosen_targets)
    chosen.update(chosen_targets)
    allowed = fields_for(sheet_kind) if sheet_kind in ("clients", "events") else set()
    for header, target in mapping.items():
        if target is not None and target not in allowed:
            raise ValidationError(
                f"Column '{header}' of sheet '{raw.name}' cannot be mapped to '{target}' "
                f"on a {sheet_kind} sheet; choose one of: {', '.join(sorted(allowed))}.")
    return SheetPlan(file=filename, sheet=raw.name, raw=raw, kind=sheet_kind, mapping=mapping,
                     set_values=dict(set_values), checksum=checksum,
                     remembered=bool(remembered), chosen=chosen)


def _check_overrides(filename, sheets, mapping, set_values) -> None:
    known = {normalise_header(h) for raw in sheets for h in raw.headers}
    for source, target in mapping.items():
        if normalise_header(source) not in known:
            raise ValidationError(
                f"--map {source}={target}: {filename} has no column '{source}'.")
        if target not in (EXTRA, "") and target not in CLIENT_FIELDS and target not in EVENT_FIELDS:
            raise ValidationError(f"--map {source}={target}: '{target}' is not a field; "
                                  "see the field list in the README.")
    for target in set_values:
        if target not in CLIENT_FIELDS and target not in EVENT_FIELDS:
            raise ValidationError(f"--set {target}=...: '{target}' is not a field.")


def _remembered_mapping(db: Database, headers: list[str]) -> dict | None:
    row = db.execute("SELECT kind, mapping FROM saved_mappings WHERE headers_key = ?",
                     [headers_key(headers)]).fetchone()
    return {"kind": row[0], "mapping": json.loads(row[1])} if row else None


def remember_mapping(db: Database, plan: SheetPlan, import_id: int | None = None) -> None:
    """Remember a sheet's kind and mapping for the next file with the same headers.

    With ``import_id`` the previous mapping is kept for undo.
    """
    key = headers_key(plan.headers)
    before = _keyed_before(db, "saved_mappings", "headers_key", key)
    db.execute(
        "INSERT INTO saved_mappings(headers_key, kind, mapping, updated_at) "
        "VALUES (?, ?, ?, datetime('now')) ON CONFLICT(headers_key) DO UPDATE SET "
        "kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at",
        [key, plan.kind, json.dumps(plan.mapping)])
    if import_id is not None:
        _record_keyed_change(db, import_id, "saved_mappings", "headers_key", key, before)


# Remembered mappings, keyed by text; their changes go through ``record_change`` too, but an
# undo does not count them as rows restored.
KEYED_TABLES = ("saved_mappings", "stage_mappings")


def record_change(db: Database, import_id: int, table: str, rowid: int,
                  before: dict | None, after: dict | None = None) -> None:
    """Record a row an import is changing, so that undoing the import puts it back.

    ``before`` is the row as it was (every column; ``None`` when the import adds the row).
    ``after`` is what the import's row carried into it: field -> value as stored, the
    fields it left as they were included (a row it matched and did not change is recorded
    too: the import holds it). Call it for each row added, changed or held in any table
    but clients and events (which the import tracks itself). Undo then takes back only the
    fields that still hold the import's values and keeps what came after it (see
    ``undo_import``). Without ``after`` (older records) undo puts the row back whole, or,
    when a later import changed it too, hands the before-image on to that import.
    """
    db.execute("INSERT INTO import_changes(import_id, table_name, row_id, before, after) "
               "VALUES (?, ?, ?, ?, ?)", [import_id, table, rowid, _encode_image(before),
                                          None if after is None else _encode_image(after)])


def _encode_image(image: dict | None) -> str:
    """A before-image as JSON; bytes (a persona's photo) become {"$base64": text}."""
    def encode(value):
        if isinstance(value, (bytes, bytearray, memoryview)):
            return {"$base64": base64.b64encode(bytes(value)).decode("ascii")}
        raise TypeError(f"cannot keep a {type(value).__name__} for undo")
    return json.dumps(image, default=encode)


def _decode_image(text: str) -> dict | None:
    return json.loads(text, object_hook=lambda d: base64.b64decode(d["$base64"])
                      if d.keys() == {"$base64"} else d)


def _keyed_before(db: Database, table: str, key_column: str, key: str) -> dict | None:
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE [{key_column}] = ?", [key])
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row)) if row else None


def _record_keyed_change(db: Database, import_id: int, table: str, key_column: str, key: str,
                         before: dict | None) -> None:
    """Record a remembered mapping an import just wrote (``before``: as it was)."""
    rowid = db.execute(f"SELECT rowid FROM [{table}] WHERE [{key_column}] = ?", [key]).fetchone()[0]
    after = {k: v for k, v in _keyed_before(db, table, key_column, key).items()
             if k not in BOOKKEEPING}
    record_change(db, import_id, table, rowid, before, after)


def _restore_image(db: Database, table: str, rowid: int, image: dict | None) -> None:
    """Put a row back as its before-image says (delete it when the image is None)."""
    db.execute(f"DELETE FROM [{table}] WHERE rowid = ?", [rowid])
    if image is None:
        return
    image = {k: v for k, v in image.items() if k not in ("_rowid", "rowid")}
    alias = _rowid_alias(db, table)
    if alias is not None:
        image[alias] = rowid
    columns = list(image) if alias is not None else ["rowid", *image]
    params = list(image.values()) if alias is not None else [rowid, *image.values()]
    db.execute(f"INSERT INTO [{table}]({', '.join(f'[{c}]' for c in columns)}) "
               f"VALUES ({', '.join('?' * len(columns))})", params)


def _rowid_alias(db: Database, table: str) -> str | None:
    """The INTEGER PRIMARY KEY column (another name for rowid), if the table has one."""
    keys = [(name, kind) for _, name, kind, _, _, pk in
            db.execute(f"PRAGMA table_info([{table}])").fetchall() if pk]
    if len(keys) == 1 and keys[0][1].upper() == "INTEGER":
        return keys[0][0]
    return None


# --- 2. prepare ------------------------------------------------------------------------

_PARSERS = {
    "money": values.parse_money, "number": values.parse_number,
    "percent": values.parse_percent, "count": values.parse_count, "bool": values.parse_bool,
}
_REASONS = {
    "money": "is not an amount of money", "number": "is not a number",
    "percent": "is not a percentage", "count": "is not a count (a number of 0 or more)",
    "bool": "is not yes or no", "date": "is not a date Journey understands",
}


def stage_mapping(db: Database | None) -> dict[str, str]:
    """The workspace's remembered stage-value mapping (normalised value -> target)."""
    if db is None:
        return {}
    return dict(db.execute("SELECT value_key, target FROM stage_mappings").fetchall())


def prepare_sheet(plan: SheetPlan, *, stage_map: dict[str, str] | None = None,
                  day_first: bool | None = True) -> PreparedSheet:
    """Coerce a planned sheet's values; reject rows that cannot be used, saying why."""
    raw = plan.raw
    frame = raw.frame
    if plan.kind in WORKSHOP_KINDS:          # its importer reads the sheet itself
        return PreparedSheet(plan, pd.DataFrame(index=frame.index), [], {})
    out = pd.DataFrame(index=frame.index)
    bad_cells: list[tuple[pd.Series, str, str]] = []
    notes: list[str] = []
    demoted: list[str] = []
    columns_for: dict[str, list[str]] = {}
    for header, target in plan.mapping.items():
        if target:
            columns_for.setdefault(target, []).append(header)
    for target, headers in list(columns_for.items()):
        headers.sort(key=lambda h: match_header(h)[1] if match_header(h)[0] == target else 50)
        merged = frame[headers[0]]
        for other in headers[1:]:
            merged = merged.where(merged.notna(), frame[other])
        parsed, bad, day_first = _coerce(target, merged, day_first, stripped=True)
        if _looks_mismapped(bad, merged) and not plan.chosen.intersection(headers):
            notes.append(f"Column '{headers[0]}' looked like {target.replace('_', ' ')}, but most "
                         f"of its values {_REASONS.get(field_type(target), 'are not valid')[3:]}, "
                         "so it was kept as an extra column; map it by hand if it is.")
            demoted += headers
            del columns_for[target]
            continue
        if field_type(target) == "date":          # 9999-12-31 and its kin: "no date"
            parsed, bad, placeholder_notes = values.blank_placeholder_dates(
                headers[0], merged, parsed, bad)
            notes += placeholder_notes
        out[target] = parsed
        if bad.any():
            bad_cells.append((bad, target, headers[0]))
    for target, constant in plan.set_values.items():
        parsed, bad, day_first = _coerce(target, pd.Series([constant] * len(frame),
                                                           index=frame.index, dtype=object),
                                         day_first)
        if bad.any():
            raise ValidationError(f"--set {target}={constant}: '{constant}' "
                                  f"{_REASONS.get(field_type(target), 'is not valid')}.")
        out[target] = parsed
    extras = [h for h, t in plan.mapping.items() if not t] + demoted + [
        h for hs in columns_for.values() for h in hs[1:]]
    out[EXTRA] = _extra_json(frame, extras)
    out["_row"] = raw.row_numbers

    problems = []
    rejected = pd.Series(False, index=frame.index)
    for bad, target, header in bad_cells:
        reason = _REASONS.get(field_type(target), "is not valid")
        if target in SCORE_RANGES:
            low, high = SCORE_RANGES[target]
            reason = f"is not a score from {low} to {high}"
        for index in bad[bad].index:
            problems.append(Problem(int(out.at[index, "_row"]),
                                    _column_label(raw, header), frame.at[index, header],
                                    f"{target.replace('_', ' ')} {reason}"))
        rejected |= bad
    unknown = _resolve_stages(out, plan.kind, stage_map or {})
    if plan.kind == "events":
        problems += _resolve_kinds(out, plan, frame, raw, columns_for)
    if plan.kind == "clients":
        no_key = _blank(out, "client_id") & _blank(out, "name")
        for index in no_key[no_key].index:
            problems.append(Problem(int(out.at[index, "_row"]), "client ID or name", None,
                                    "the row has no client ID or name, so it cannot be "
                                    "matched to a client"))
        rejected |= no_key
    rejected |= out.get("_bad_kind", pd.Series(False, index=out.index))
    rows = out[~rejected].drop(columns=["_bad_kind"], errors="ignore")
    problems.sort(key=lambda p: p.row)
    return PreparedSheet(plan, rows, problems, unknown, day_first, notes)


def _looks_mismapped(bad: pd.Series, column: pd.Series) -> bool:
    """A guessed column where most filled cells fail to parse was probably guessed wrong."""
    if not bad.any():
        return False
    filled = int(column.notna().sum())
    return filled > 0 and int(bad.sum()) > filled / 2


def _coerce(target: str, column: pd.Series, day_first, stripped: bool = False):
    """Parse a column for a field; ``stripped``: its cells come from a RawSheet."""
    kind = field_type(target)
    if kind == "date":
        parsed, bad, decided = values.parse_dates(column, day_first=day_first)
        return parsed, bad, day_first if decided is None else decided
    if kind == "score":
        low, high = SCORE_RANGES[target]
        parsed, bad = values.parse_score(column, low, high)
    elif kind == "count":
        # Counts may arrive as totals ("Totalrefunds" 38.33): any number of 0 or more.
        parsed, bad = values.parse_number(column)
        bad = bad | (parsed < 0)
    elif kind in _PARSERS:
        parsed, bad = _PARSERS[kind](column)
    else:
        parsed, bad = values.parse_text(column, stripped=stripped)
    return parsed, bad, day_first


def _blank(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series(True, index=frame.index)
    return frame[column].isna() | (frame[column].astype(str).str.strip() == "")


def _column_label(raw: RawSheet, header: str) -> str:
    letter = raw.column_letters[raw.headers.index(header)]
    return f"{header} ({letter})"


def _extra_json(frame: pd.DataFrame, headers: list[str]) -> pd.Series:
    """Unmapped columns, kept with their row as a JSON object of the non-empty cells."""
    if not headers:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    texts = {h: values.parse_text(frame[h], stripped=True)[0] for h in headers}
    records = pd.DataFrame(texts).to_dict("records")
    return pd.Series([json.dumps({k: v for k, v in r.items() if v is not None}, ensure_ascii=False)
                      if any(v is not None for v in r.values()) else None for r in records],
                     index=frame.index, dtype=object)


def _resolve_stages(out: pd.DataFrame, kind: str, stage_map: dict[str, str]) -> dict[str, int]:
    """Turn stage and status cells into a canonical stage and an outcome; count unknowns.

    Each distinct (stage, status) pair is worked out once.
    """
    n = len(out)
    stage_raw = out["stage"] if "stage" in out else pd.Series([None] * n, index=out.index)
    status_raw = out["status"] if "status" in out else pd.Series([None] * n, index=out.index)
    statuses = status_raw.tolist()
    pairs = list(zip(stage_raw.tolist(), statuses))
    counts = Counter(pairs)                       # in order of first appearance
    unknown: dict[str, int] = {}
    cache: dict = {}
    read: dict[tuple, tuple] = {}
    for pair, count in counts.items():
        stage = outcome = None
        is_won = False
        for cell, is_stage_column in ((pair[0], True), (pair[1], False)):
            if cell is None:
                continue
            value = cache.get(cell)
            if value is None:
                value = cache[cell] = read_stage_value(cell, stage_map)
            if not value.known:
                if is_stage_column or kind == "clients":
                    unknown[str(cell)] = unknown.get(str(cell), 0) + (
                        count if is_stage_column else 0)
                continue
            stage = stage or value.stage
            outcome = outcome or value.outcome or ("active" if value.active else None)
            is_won = is_won or value.won
        read[pair] = (stage, outcome, is_won)
    resolved = [read[pair] for pair in pairs]
    outcomes = [r[1] for r in resolved]
    out["stage_raw"] = stage_raw
    out["stage"] = pd.Series([r[0] for r in resolved], index=out.index, dtype=object)
    if kind == "clients":
        out["status"] = pd.Series(
            [o if o is not None else s for o, s in zip(outcomes, statuses)],
            index=out.index, dtype=object)
    out["_outcome"] = pd.Series(outcomes, index=out.index, dtype=object)
    out["_won"] = pd.Series([r[2] for r in resolved], index=out.index, dtype=bool)
    return {k: v for k, v in unknown.items() if v}


def _resolve_kinds(out, plan, frame, raw, columns_for) -> list[Problem]:
    """Give every event a kind: its kind column, else its stage cell, else the sheet's.

    Each distinct (kind cell, stage, outcome, won) combination is worked out once.
    """
    default = plan.set_values.get("kind") or _sheet_kind(f"{plan.sheet} {plan.file}")
    if default is None:
        default = "purchase" if "amount" in out else "contact"
    default = KIND_OF.get(normalise_value(default), default)
    has_stage_column = "stage" in columns_for

    def decide(cell, stage, outcome, won) -> str | None:
        """The event's kind; None for a kind cell Journey does not know."""
        if cell is not None:
            key = normalise_value(cell)
            return key if key in EVENT_KINDS else KIND_OF.get(key) or KIND_OF.get(key.rstrip("s"))
        if won:
            return "won"
        if outcome == "lost":
            return "lost"
        if outcome in ("cancelled", "churned"):
            return "cancellation"
        if stage is not None and has_stage_column:
            return "stage_change"
        return default

    given = out["kind"].tolist() if "kind" in out else [None] * len(out)
    combos = list(zip(given, out["stage"].tolist(), out["_outcome"].tolist(),
                      out["_won"].tolist()))
    decided = {combo: decide(*combo) for combo in dict.fromkeys(combos)}
    kinds = [decided[combo] for combo in combos]
    bad = [kind is None for kind in kinds]
    problems = []
    if any(bad):
        label = _column_label(raw, columns_for["kind"][0])
        for row, cell, is_bad in zip(out["_row"].tolist(), given, bad):
            if is_bad:
                problems.append(Problem(int(row), label, cell, "kind is not an event kind "
                                        f"Journey knows; use one of {', '.join(EVENT_KINDS)}"))
    out["kind"] = pd.Series(kinds, index=out.index, dtype=object)
    out["_bad_kind"] = pd.Series(bad, index=out.index, dtype=bool)
    return problems


# --- 3. save ---------------------------------------------------------------------------

CLIENT_COLUMNS = [*CLIENT_FIELDS, "stage_raw"]
EVENT_COLUMNS = [*EVENT_FIELDS, "stage_raw"]


def client_keys(ids: pd.Series | None, names: pd.Series | None, n: int,
                name_keys_: list | None = None) -> list[str | None]:
    """``client_key`` for whole columns (``name_keys_``: the names' keys, if known)."""
    id_keys = name_keys(ids) if ids is not None else [None] * n
    if name_keys_ is None:
        name_keys_ = name_keys(names) if names is not None else [None] * n
    return [f"id:{i}" if i else f"name:{m}" if m else None for i, m in zip(id_keys, name_keys_)]


def name_keys(values) -> list[str | None]:
    """``name_key`` of every value of a column (each distinct value worked out once)."""
    found: dict[str, str | None] = {}
    return [(found[v] if v in found else found.setdefault(v, name_key(v)))
            if type(v) is str else name_key(v)
            for v in (values.tolist() if hasattr(values, "tolist") else values)]


def client_key(client_id: object, name: object) -> str | None:
    """``id:<id>`` when there is an ID, else ``name:<name>``, compared case-insensitively."""
    for prefix, value in (("id", client_id), ("name", name)):
        if value is not None and str(value).strip():
            return f"{prefix}:{name_key(value)}"
    return None


def name_key(value: object) -> str | None:
    """A name compared ignoring case and repeated spaces."""
    if value is None:
        return None
    return " ".join(str(value).casefold().split()) or None


def import_file(db: Database, filename: str, data: bytes, *, kind: str = "auto",
                mapping: dict[str, str] | None = None, stage_map: dict[str, str] | None = None,
                set_values: dict[str, str] | None = None, sheet: str | None = None,
                dry_run: bool = False, progress: Progress | None = None,
                plans: list[SheetPlan] | None = None) -> list[ImportResult]:
    """Import every sheet of a file in one transaction; one result per sheet.

    Raises UnreadableFile or ValidationError before anything is written.
    ``stage_map`` maps raw stage values to a stage, an outcome or "ignore" and is
    remembered by the workspace. With ``dry_run`` nothing is kept.
    """
    progress = progress or (lambda fraction, message: None)
    progress(0.0, f"Reading {filename}")
    if plans is None:
        plans = plan_file(filename, data, db=db, kind=kind, mapping=mapping,
                          set_values=set_values, sheet=sheet)
    stage_map = {normalise_value(k): _check_stage_target(k, v) for k, v in (stage_map or {}).items()}
    combined = stage_mapping(db) | stage_map
    day_first = get_setting(db, "day_first")
    prepared = []
    for number, plan in enumerate(plans):
        progress(0.1 + 0.3 * number / len(plans), f"Checking sheet {plan.sheet}")
        prepared.append(prepare_sheet(plan, stage_map=combined, day_first=day_first))
    results = []
    with write(db, keep=not dry_run), _import_cache(db):
        indexes = _SetAside(db)
        for number, sheet_rows in enumerate(prepared):
            progress(0.4 + 0.5 * number / len(prepared), f"Saving sheet {sheet_rows.plan.sheet}")
            indexes.restore()               # the sheets before may have set some aside
            results.append(_save_sheet(db, sheet_rows, dry_run, indexes))
        for key, target in stage_map.items():
            _save_stage_mapping(db, key, target, results[0].import_id if results else None)
        indexes.restore("events")
        linked = _link_orders(db, [r.import_id for r in results])
        progress(0.92, "Updating client figures")
        refresh_clients(db, sorted({i for r in results for i in r.clients} | set(linked)))
        indexes.restore()
    progress(1.0, "Done")
    for result in results:
        result.dry_run = dry_run
        if dry_run:
            result.import_id = None
    return results


IMPORT_CACHE_KIB = 128 * 1024   # SQLite's page cache during an import (default: 2 MiB)
BULK_ROWS = 20_000              # an insert this large sets a table's plain indexes aside


@contextlib.contextmanager
def _import_cache(db: Database):
    """A larger page cache while an import writes: a 100k-row insert touches more pages
    than the default 2 MiB holds, and every page evicted mid-transaction is written twice."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


class _SetAside:
    """Plain indexes dropped for a large insert and built again after it, in the same
    transaction (a rollback or a dry run puts them back as they were).

    Building an index once from sorted keys is several times faster than updating it for
    every row of a 100,000-row insert. Only non-unique indexes are set aside; the unique
    ones are constraints the insert relies on (client_key, row_key).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.dropped: dict[str, list[str]] = {}      # table -> CREATE INDEX statements

    def before_write(self, table: str, new_rows: int) -> None:
        """Drop the table's plain indexes when ``new_rows`` (to insert or update) is large
        for the table."""
        if new_rows < BULK_ROWS or table in self.dropped:
            return
        stored = self.db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]
        if new_rows < stored / 2:
            return
        found = self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'", [table]).fetchall()
        for name, _ in found:
            self.db.execute(f"DROP INDEX [{name}]")
        self.dropped[table] = [sql for _, sql in found]

    def restore(self, table: str | None = None) -> None:
        """Build the indexes set aside (for one table, or all) again."""
        for name in [table] if table else list(self.dropped):
            for sql in self.dropped.pop(name, []):
                self.db.execute(sql)


def _check_stage_target(value: str, target: str) -> str:
    target = target.strip().casefold()
    if target not in ALL_STAGES and target not in OUTCOMES and target != "ignore":
        raise ValidationError(
            f"--stage-map {value}={target}: '{target}' is not a stage; use one of "
            f"{', '.join(ALL_STAGES)}, {', '.join(OUTCOMES)} or ignore.")
    return target


def _save_stage_mapping(db: Database, key: str, target: str,
                        import_id: int | None = None) -> None:
    before = _keyed_before(db, "stage_mappings", "value_key", key)
    db.execute("INSERT INTO stage_mappings(value_key, raw_value, target) VALUES (?, ?, ?) "
               "ON CONFLICT(value_key) DO UPDATE SET target = excluded.target",
               [key, key, target])
    if import_id is not None:
        _record_keyed_change(db, import_id, "stage_mappings", "value_key", key, before)


def _save_sheet(db: Database, prepared: PreparedSheet, dry_run: bool,
                indexes: _SetAside | None = None) -> ImportResult:
    plan = prepared.plan
    import_id = db.table("imports").insert({
        "file": plan.file, "sheet": plan.sheet, "kind": plan.kind, "checksum": plan.checksum,
        "mapping": json.dumps(plan.mapping), "set_values": json.dumps(plan.set_values),
    }).last_pk
    rows = prepared.rows
    rejected = len(plan.raw.frame) - len(rows)
    if plan.kind == "clients":
        inserted, updated, touched = _save_clients(db, rows, import_id, indexes)
    elif plan.kind == "events":
        inserted, updated, touched = _save_events(db, rows, import_id, indexes)
    elif plan.kind in WORKSHOP_KINDS:
        saved = workshop_importer(plan.kind)(db, plan.raw, import_id)
        inserted, updated, touched = saved.inserted, saved.updated, []
        prepared.problems = sorted(saved.problems, key=lambda p: p.row)
        rejected = len({p.row for p in saved.problems})
    else:
        inserted, updated, touched = _save_reference(db, plan, import_id), 0, []
    db.execute("UPDATE imports SET rows = ?, inserted = ?, updated = ?, rejected = ? "
               "WHERE id = ?", [len(plan.raw.frame), inserted, updated, rejected, import_id])
    db.conn.executemany(
        "INSERT INTO import_problems(import_id, row, [column], value, reason) VALUES (?,?,?,?,?)",
        [(import_id, p.row, p.column, None if p.value is None else str(p.value)[:1000], p.reason)
         for p in prepared.problems])
    if not dry_run and plan.kind in ("clients", "events"):
        remember_mapping(db, plan, import_id)
    notes = list(plan.raw.notes) + prepared.notes
    if plan.kind == "reference":
        notes.append(f"Sheet '{plan.sheet}' has no client or event columns, so its rows were "
                     "kept as reference data and do not appear as clients.")
    result = ImportResult(import_id, plan.file, plan.sheet, plan.kind, plan.mapping,
                          len(plan.raw.frame), inserted, updated, rejected, prepared.problems,
                          prepared.unknown_stages, notes, clients=touched)
    return result


def _records(rows: pd.DataFrame, columns: list[str]) -> tuple[list[str], list[tuple]]:
    """The columns present and the rows as tuples, with NaN/NaT/NA as None."""
    present = [c for c in columns if c in rows]
    cells = []
    for column in present:
        values = rows[column].to_numpy(dtype=object)
        missing = pd.isna(values)
        if missing.any():
            values = values.copy()
            values[missing] = None
        cells.append(values.tolist())
    return present, list(zip(*cells)) if cells else [()] * len(rows)


def _save_clients(db: Database, rows: pd.DataFrame, import_id: int,
                  indexes: _SetAside | None = None):
    """Insert new clients and update known ones (only the columns this sheet carries)."""
    names = name_keys(rows["name"]) if "name" in rows else [None] * len(rows)
    keys = client_keys(rows.get("client_id"), None, len(rows), names)
    rows = rows.assign(client_key=keys, name_key=names)
    rows = rows.drop_duplicates("client_key", keep="last")
    duplicates = len(keys) - len(rows)
    columns = ["client_key", "name_key", *[c for c in CLIENT_COLUMNS if c in rows], EXTRA]
    existing = _existing_ids(db, "clients", "client_key", rows["client_key"].tolist())
    adopted = _adopt_by_name(db, rows, existing)
    is_new = ~rows["client_key"].isin(existing) & ~rows["client_key"].isin(adopted)
    new_rows, old_rows = rows[is_new], rows[rows["client_key"].isin(existing)]
    adopt_rows = rows[rows["client_key"].isin(adopted)]
    present, records = _records(new_rows, columns)
    if indexes is not None:
        indexes.before_write("clients", len(records))
    first_new = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM clients").fetchone()[0]
    _insert_clients(db, present, records, import_id)
    new_ids = _inserted_ids(db, "clients", first_new, len(records))
    ids = [existing[k] for k in old_rows["client_key"]]
    if indexes is not None:
        indexes.before_write("clients", len(ids))
    _update_rows(db, "clients", ids, old_rows, [c for c in columns if c != "client_key"],
                 import_id)
    _update_rows(db, "clients", [adopted[k] for k in adopt_rows["client_key"]], adopt_rows,
                 columns, import_id)
    if new_ids is None:
        touched = list(_existing_ids(db, "clients", "client_key",
                                     rows["client_key"].tolist()).values())
    else:
        touched = [*new_ids, *ids, *(adopted[k] for k in adopt_rows["client_key"])]
    return len(new_rows), len(old_rows) + len(adopt_rows) + duplicates, touched


def _insert_clients(db: Database, present: list[str], records: list[tuple],
                    import_id: int) -> None:
    """Insert new clients (values for the ``present`` columns), stamped with the import."""
    db.conn.executemany(
        f"INSERT INTO clients({', '.join(f'[{c}]' for c in present)}, import_id, updated_at) "
        f"VALUES ({', '.join('?' * len(present))}, {int(import_id)}, datetime('now'))", records)


def _inserted_ids(db: Database, table: str, first: int, count: int) -> range | None:
    """The ids of ``count`` rows just inserted (without ids) into a table whose largest id
    was ``first - 1``: SQLite numbers them on from there. None if that is not so."""
    last = db.execute(f"SELECT MAX(id), COUNT(*) FROM [{table}] WHERE id >= ?",
                      [first]).fetchone()
    if count and last == (first + count - 1, count):
        return range(first, first + count)
    return None if count else range(0)


def _adopt_by_name(db: Database, rows: pd.DataFrame, existing: dict) -> dict:
    """client_key -> id of a client known only by its name that a new ID row takes over.

    An events sheet with names only (a complaints log) imported before the client list
    creates clients keyed by name; the list's row with an ID and the same name is that
    client, not a new one. Only names that occur once in the sheet are matched.
    """
    if "client_id" not in rows or not _has_name_only_clients(db):
        return {}
    once = ~rows["name_key"].duplicated(keep=False) & rows["name_key"].notna()
    candidates = rows[once & ~rows["client_key"].isin(existing)
                      & rows["client_key"].str.startswith("id:")]
    if not len(candidates):
        return {}
    found = _existing_ids(db, "clients", "client_key",
                          [f"name:{n}" for n in candidates["name_key"]])
    return {key: found[f"name:{n}"] for key, n in zip(candidates["client_key"],
                                                     candidates["name_key"])
            if f"name:{n}" in found}


def _has_name_only_clients(db: Database) -> bool:
    """Whether any client is known by its name alone (keys "name:..."; uses the key index)."""
    return db.execute("SELECT 1 FROM clients WHERE client_key >= 'name:' "
                      "AND client_key < 'name;' LIMIT 1").fetchone() is not None


def _existing_ids(db: Database, table: str, key_column: str, keys: list) -> dict:
    """key -> id for the keys (text) that exist: one query with the keys as a JSON array,
    each looked up through the column's index (fast for 100k keys)."""
    keys = [k for k in keys if k]
    if not keys or db.execute(f"SELECT 1 FROM [{table}] LIMIT 1").fetchone() is None:
        return {}
    return dict(db.execute(f"SELECT t.[{key_column}], t.id FROM json_each(?) AS k "
                           f"CROSS JOIN [{table}] AS t ON t.[{key_column}] = k.value",
                           [json.dumps(keys)]).fetchall())


def _update_rows(db: Database, table: str, ids: list[int], rows: pd.DataFrame,
                 columns: list[str], import_id: int, only_filled: bool = False) -> None:
    """Update rows by id, recording for undo each row's before-image and the columns
    written into it (a list: the values are in the row).

    Extra columns are merged into the row's existing extras. With ``only_filled``,
    empty cells leave the stored value alone (profile fields from an events sheet).
    """
    if not ids:
        return
    present, records = _records(rows, columns)
    before = _fetch_before(db, table, ids)
    kept_when_empty = {EXTRA} | (set(present) if only_filled else set())
    db.conn.executemany(
        "INSERT INTO import_changes(import_id, table_name, row_id, before, after) "
        "VALUES (?, ?, ?, ?, ?)",
        [(import_id, table, row_id, json.dumps(before[row_id]),
          json.dumps([c for c, v in zip(present, record)
                      if v is not None or c not in kept_when_empty]))
         for row_id, record in zip(ids, records)])
    sets = []
    for column in present:
        if column == EXTRA:
            sets.append("extra = CASE WHEN ? IS NULL THEN extra WHEN extra IS NULL THEN ? "
                        "ELSE json_patch(extra, ?) END")
        elif only_filled:
            sets.append(f"[{column}] = COALESCE(?, [{column}])")
        else:
            sets.append(f"[{column}] = ?")
    params = []
    for row_id, record in zip(ids, records):
        flat = []
        for column, value in zip(present, record):
            flat += [value, value, value] if column == EXTRA else [value]
        params.append((*flat, row_id))
    db.conn.executemany(f"UPDATE [{table}] SET {', '.join(sets)}, updated_at = datetime('now') "
                        "WHERE id = ?" if table == "clients" else
                        f"UPDATE [{table}] SET {', '.join(sets)} WHERE id = ?", params)


def _fetch_before(db: Database, table: str, ids: list[int]) -> dict[int, dict]:
    columns = _stored_columns(db, table)
    found = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        cursor = db.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}] "
                            f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        for row in cursor.fetchall():
            found[row[0]] = dict(zip(columns, row))
    return found


def _stored_columns(db: Database, table: str) -> list[str]:
    """The columns an undo restores: everything but the derived figures (recomputed)."""
    from .workspace import DERIVED_CLIENT_COLUMNS
    columns = [c.name for c in db[table].columns]
    return [c for c in columns if c not in DERIVED_CLIENT_COLUMNS]


def _save_events(db: Database, rows: pd.DataFrame, import_id: int,
                 indexes: _SetAside | None = None):
    """Insert events (identified by their content) and link them to clients."""
    n = len(rows)
    keys = client_keys(rows.get("client_id"), rows.get("name"), n)
    refs = _client_refs(db, rows, keys, import_id)
    rows = rows.assign(client_ref=refs)
    event_columns = ["client_ref", *[c for c in EVENT_COLUMNS if c in rows], EXTRA]
    present = [c for c in event_columns if c in rows]
    _, records = _records(rows.assign(row_key=_event_keys(rows, present)), [*present, "row_key"])
    if indexes is not None:
        indexes.before_write("events", len(records))
    before = db.execute("SELECT total_changes()").fetchone()[0]
    db.conn.executemany(
        f"INSERT INTO events({', '.join(f'[{c}]' for c in present)}, row_key, import_id) "
        f"VALUES ({', '.join('?' * (len(present) + 1))}, {int(import_id)}) "
        "ON CONFLICT(row_key) DO NOTHING", records)
    inserted = db.execute("SELECT total_changes()").fetchone()[0] - before
    if indexes is not None:
        indexes.restore("events")
    if inserted < n:
        _record_held_events(db, import_id, [record[-1] for record in records])
    touched = sorted({r for r in refs if r is not None})
    return inserted, n - inserted, touched


def _record_held_events(db: Database, import_id: int, row_keys: list[str]) -> None:
    """Record the events an earlier import brought that this one lists again (reported as
    updated): this import holds them too, so undoing the earlier one keeps them."""
    db.execute("INSERT INTO import_changes(import_id, table_name, row_id, before, after) "
               "SELECT ?, 'events', e.id, ?, ? FROM json_each(?) AS k "
               "CROSS JOIN events AS e ON e.row_key = k.value WHERE e.import_id != ?",
               [import_id, HELD, HELD, json.dumps(row_keys), import_id])


def _event_keys(rows: pd.DataFrame, columns: list[str]) -> list[str]:
    """A key per event from its content; the n-th identical row gets its own key.

    Two independent 64-bit row hashes (pandas, vectorised) make collisions negligible.
    """
    content = rows[[c for c in columns if c != "client_ref"]].astype(object)
    content = content.where(content.notna(), None).astype(str)
    pair = np.empty((len(content), 2), dtype=">u8")     # big-endian: hex reads as the number
    pair[:, 0] = pd.util.hash_pandas_object(content, index=False, hash_key="journey-events-1")
    pair[:, 1] = pd.util.hash_pandas_object(content, index=False, hash_key="journey-events-2")
    text = pair.tobytes().hex()
    digests = pd.Series([text[start:start + 32] for start in range(0, len(text), 32)])
    occurrences = digests.groupby(digests, sort=False).cumcount()
    return [f"{d}:{n}" for d, n in zip(digests.tolist(), occurrences.tolist())]


def _client_refs(db: Database, rows: pd.DataFrame, keys: list, import_id: int) -> list:
    """The client id of each event row, creating clients that are not known yet.

    Profile fields on the rows (a customer's name or segment) update the client.
    """
    profile = [c for c in ("client_id", *sorted(PROFILE_FIELDS)) if c in rows]
    frame = rows.assign(client_key=keys)
    known = frame[frame["client_key"].notna()]
    latest = known.drop_duplicates("client_key", keep="last")
    existing = _existing_ids(db, "clients", "client_key", latest["client_key"].tolist())
    by_name = _ids_by_name(db, latest, existing)
    existing.update(by_name)
    new = latest[~latest["client_key"].isin(existing)]
    new = new.assign(name_key=name_keys(new["name"]) if "name" in new else [None] * len(new))
    columns = ["client_key", "name_key", *profile]
    present, records = _records(new, columns)
    _insert_clients(db, present, records, import_id)
    old = latest[latest["client_key"].isin(existing)]
    fields = [c for c in profile if c != "client_id"]
    if fields and len(old):
        changed = _profile_changes(db, old, existing, fields)
        _update_rows(db, "clients", [existing[k] for k in changed["client_key"]], changed,
                     fields, import_id, only_filled=True)
    all_ids = _existing_ids(db, "clients", "client_key", latest["client_key"].tolist())
    all_ids.update(by_name)
    return [all_ids.get(k) if k else None for k in keys]


def _ids_by_name(db: Database, latest: pd.DataFrame, existing: dict) -> dict:
    """Name-only rows match a client that has an ID and the same name."""
    missing = [k for k in latest["client_key"] if k not in existing and k.startswith("name:")]
    if not missing:
        return {}
    found = _existing_ids(db, "clients", "name_key", [k[5:] for k in missing])
    return {f"name:{name}": client for name, client in found.items()}


def _profile_changes(db, old: pd.DataFrame, existing: dict, fields: list[str]) -> pd.DataFrame:
    """The rows whose filled profile fields differ from what is stored."""
    ids = [existing[k] for k in old["client_key"]]
    stored = _fetch_before(db, "clients", ids)
    keep = []
    for row_id, record in zip(ids, old[fields].astype(object).itertuples(index=False, name=None)):
        current = stored.get(row_id, {})
        keep.append(any(v is not None and not (isinstance(v, float) and v != v)
                        and current.get(f) != v for f, v in zip(fields, record)))
    return old[keep]


def _save_reference(db: Database, plan: SheetPlan, import_id: int) -> int:
    frame = plan.raw.frame
    texts = pd.DataFrame({h: values.parse_text(frame[h], stripped=True)[0]
                          for h in plan.headers})
    db.conn.executemany(
        "INSERT INTO reference_rows(import_id, sheet, row, data) VALUES (?, ?, ?, ?)",
        [(import_id, plan.sheet, row, json.dumps(record, ensure_ascii=False))
         for row, record in zip(plan.raw.row_numbers, texts.to_dict("records"))])
    return len(frame)


def _link_orders(db: Database, import_ids: list[int]) -> list[int]:
    """Events with an order ID and no client belong to the client of that order's purchase.

    Each link is recorded under the import that brought the order's purchase (so undoing
    that import unlinks the events again; a linked event does not make its import hold
    the client, see ``undo_import``). Returns the clients that gained events, whose
    figures need refreshing.
    """
    found = db.execute("""
        SELECT e.id, e.import_id, p.client_ref, p.import_id FROM events e
        JOIN events p ON p.id = (
            SELECT q.id FROM events q
            WHERE q.order_id = e.order_id AND q.client_ref IS NOT NULL ORDER BY q.id LIMIT 1)
        WHERE e.client_ref IS NULL AND e.order_id IS NOT NULL""").fetchall()
    if not found:
        return []
    current = set(import_ids)
    fallback = max(current) if current else None
    db.conn.executemany(
        "INSERT INTO import_changes(import_id, table_name, row_id, before, after) "
        "VALUES (?, 'events', ?, '{\"client_ref\": null}', '[\"client_ref\"]')",
        [(owner if owner in current else fallback, event)
         for event, event_import, _, owner in found])
    db.conn.executemany("UPDATE events SET client_ref = ? WHERE id = ?",
                        [(client, event) for event, _, client, _ in found])
    return sorted({client for _, _, client, _ in found})


# --- undo ------------------------------------------------------------------------------

# The record of an event an import listed again as it was: it changed nothing but holds it.
HELD = "{}"
# Columns undo never takes back field by field: identity, bookkeeping, recomputed figures.
BOOKKEEPING = frozenset({"id", "version", "updated_at", "import_id", "row_key", "stage_path"})
# Tables whose rows a workshop table save also changes (journey.touchpoints keeps those).
SAVED_TABLES = ("touchpoints", "function_map")


def list_imports(db: Database) -> list[dict]:
    """Every import, newest first."""
    return list(db.query("SELECT * FROM imports ORDER BY id DESC"))


def undo_import(db: Database, import_id: int) -> dict:
    """Undo an import: take out what it brought and put back what it overwrote, never
    what came after it.

    - A row it added is deleted, unless a later import (not undone) holds it too: lists the
      same event again, lists the client, or has events of the client (an event linked to
      the client only through its order ID does not count). Then the row stays and passes
      to the earliest such import, and its fields that no later import carries are
      emptied (they were this import's alone).
    - A field it wrote goes back to its value before the import, unless it changed since:
      a later import's value stays (and that import's record takes over the value from
      before this one, so undoing it later puts that back), and so does a hand edit of a
      persona, touchpoint or function (a row it added that was edited by hand since stays,
      with the hand edits).
    - A row whose fields go back gets the next version (versions only go up), so an
      editor who opened it before the undo is refused instead of overwriting it.

    Raises WorkspaceError if the import does not exist or was undone already.
    """
    row = db.execute("SELECT file, sheet, undone_at FROM imports WHERE id = ?",
                     [import_id]).fetchone()
    if row is None:
        raise WorkspaceError(f"There is no import {import_id} in this workspace.")
    if row[2]:
        raise WorkspaceError(f"Import {import_id} ({row[0]}) was already undone on {row[2]}.")
    with write(db):
        undo = _Undo(db, import_id)
        removed_events = undo.events_added()
        touches = {"clients": undo.client_touches()}
        for table, row_id, before, after in db.execute(
                "SELECT table_name, row_id, before, after FROM import_changes "
                "WHERE import_id = ? ORDER BY rowid DESC", [import_id]).fetchall():
            if before == HELD:
                continue                    # an event it listed again: nothing to put back
            before = _decode_image(before)
            if after is None and table not in ("clients", "events"):
                undo.put_back_whole(table, row_id, before)
                continue
            if table not in touches:
                touches[table] = undo.later_records(
                    table, "SELECT row_id FROM import_changes WHERE import_id = :n "
                           "AND table_name = :t")
            undo.take_back(table, row_id, before, None if after is None else
                           _decode_image(after), touches[table].get(row_id, []))
        removed_clients = undo.clients_added(touches["clients"])
        db.execute("DELETE FROM reference_rows WHERE import_id = ?", [import_id])
        db.execute("UPDATE imports SET undone_at = datetime('now') WHERE id = ?", [import_id])
        refresh_clients(db, sorted(undo.clients))
    return {"import_id": import_id, "events_removed": removed_events,
            "clients_removed": removed_clients, "rows_restored": undo.restored}


@dataclass
class _Touch:
    """A later import's hold on a row: its record (``rowid``; before- and after-image), or,
    for a client whose events it has, no record and the client columns its sheet carries."""
    import_id: int
    rowid: int | None = None
    before: dict | None = None
    after: dict | list | None = None     # what it carried into the row; None: everything
    changed: bool = False                # its record must be written back

    def carries(self, column: str) -> bool:
        return self.after is None or column in self.after


class _Undo:
    """One import being undone (see ``undo_import``): rows it added, rows it changed."""

    def __init__(self, db: Database, import_id: int) -> None:
        self.db, self.id = db, import_id
        self.clients: set[int] = set()          # clients whose figures need refreshing
        self.restored = 0
        self._carried: dict[int, list[str]] = {}
        self._schema: dict[str, tuple[set[str], set[str]]] = {}

    # --- the rows it added: events and clients (stamped with the import) -----------------

    def events_added(self) -> int:
        """Hand the events a later import lists too to the earliest of them; delete the
        rest (and the later links of those). Returns how many were deleted."""
        db, n = self.db, self.id
        self.clients.update(r[0] for r in db.execute(
            "SELECT DISTINCT client_ref FROM events WHERE import_id = ? "
            "AND client_ref IS NOT NULL", [n]).fetchall())
        heirs = db.execute(f"""
            SELECT e.id, MIN(m.import_id) FROM events e
            JOIN import_changes m ON m.table_name = 'events' AND m.row_id = e.id
            WHERE e.import_id = :n AND m.before = '{HELD}' AND m.import_id > :n
              AND m.import_id IN {_STANDING} GROUP BY e.id""", {"n": n}).fetchall()
        db.conn.executemany("UPDATE events SET import_id = ? WHERE id = ?",
                            [(heir, event) for event, heir in heirs])
        db.conn.executemany("DELETE FROM import_changes WHERE import_id = ? AND row_id = ? "
                            f"AND table_name = 'events' AND before = '{HELD}'",
                            [(heir, event) for event, heir in heirs])
        db.execute(f"DELETE FROM import_changes WHERE table_name = 'events' AND import_id > ? "
                   f"AND import_id IN {_STANDING} AND row_id IN "
                   "(SELECT id FROM events WHERE import_id = ?)", [n, n])
        return db.execute("DELETE FROM events WHERE import_id = ?", [n]).rowcount

    def client_touches(self) -> dict[int, list[_Touch]]:
        """Later imports' holds on the clients this import added or changed, in order:
        their records, and their events of the client (not linked by order ID)."""
        mine = ("SELECT id FROM clients WHERE import_id = :n UNION SELECT row_id FROM "
                "import_changes WHERE import_id = :n AND table_name = 'clients'")
        touches = self.later_records("clients", mine)
        linked = ("EXISTS (SELECT 1 FROM import_changes l WHERE l.table_name = 'events' "
                  f"AND l.row_id = e.id AND l.before != '{HELD}' AND l.import_id IN {_STANDING})")
        for client, later in self.db.execute(f"""
                SELECT e.client_ref, e.import_id FROM events e
                WHERE e.client_ref IN ({mine}) AND e.import_id > :n
                  AND e.import_id IN {_STANDING} AND NOT {linked}
                UNION
                SELECT e.client_ref, m.import_id FROM import_changes m
                JOIN events e ON e.id = m.row_id
                WHERE m.table_name = 'events' AND m.before = '{HELD}' AND m.import_id > :n
                  AND m.import_id IN {_STANDING} AND e.client_ref IN ({mine}) AND NOT {linked}
                """, {"n": self.id}).fetchall():
            found = touches.setdefault(client, [])
            if all(t.import_id != later for t in found):
                found.append(_Touch(later, after=self.carried(later)))
                found.sort(key=lambda t: (t.import_id, t.rowid or 0))
        return touches

    def clients_added(self, touches: dict[int, list[_Touch]]) -> int:
        """Clients this import added: those a later import holds pass to it (see
        ``take_back``), the rest are deleted. Returns how many were deleted."""
        for (client,) in self.db.execute("SELECT id FROM clients WHERE import_id = ?",
                                         [self.id]).fetchall():
            if touches.get(client):
                self.take_back("clients", client, None, None, touches[client])
        return self.db.execute("DELETE FROM clients WHERE import_id = ?", [self.id]).rowcount

    def carried(self, import_id: int) -> list[str]:
        """The client columns an events import's rows carry: its mapped profile fields."""
        if import_id not in self._carried:
            mapping, set_values = self.db.execute(
                "SELECT mapping, set_values FROM imports WHERE id = ?", [import_id]).fetchone()
            fields = ({f for f in json.loads(mapping or "{}").values() if f}
                      | set(json.loads(set_values or "{}"))) & (PROFILE_FIELDS | {"client_id"})
            self._carried[import_id] = sorted(fields | ({"name_key"} if "name" in fields
                                                       else set()))
        return self._carried[import_id]

    # --- the rows it changed (and workshop rows it added) -------------------------------

    def later_records(self, table: str, rows: str) -> dict[int, list[_Touch]]:
        """Records of later imports (not undone) on the rows the SQL ``rows`` selects
        (it may use :n, this import, and :t, the table), in order."""
        found: dict[int, list[_Touch]] = {}
        for rowid, later, row_id, before, after in self.db.execute(f"""
                SELECT rowid, import_id, row_id, before, after FROM import_changes
                WHERE table_name = :t AND import_id > :n AND import_id IN {_STANDING}
                  AND row_id IN ({rows}) ORDER BY import_id, rowid""",
                {"t": table, "n": self.id}).fetchall():
            found.setdefault(row_id, []).append(_Touch(
                later, rowid, _decode_image(before), None if after is None else
                _decode_image(after)))
        return found

    def take_back(self, table: str, row_id: int, before: dict | None,
                  after: dict | list | None, later: list[_Touch]) -> None:
        """Undo this import's part in one row, field by field.

        ``before``: the row before the import (None: the import added it); ``after``: what
        the import carried into it (a dict with the values, a list of columns, or None for
        every column); ``later``: later imports' holds on the row, in order. A field goes
        back to its value before the import unless a later import carries it (that
        import's record then remembers the value from before this one) or it no longer
        holds the import's value (a hand edit). A row the import added is deleted when
        nothing later holds it; else it passes to the first later import.
        """
        now = self.row(table, row_id)
        if table == "clients":
            self.clients.add(row_id)
        elif table == "events" and now is not None and now.get("client_ref") is not None:
            self.clients.add(now["client_ref"])
        not_null, columns = self.schema(table)
        fields = [c for c in (after if after is not None else before or now or {})
                  if c in columns and c not in BOOKKEEPING]
        back, edited, gone, kept = {}, {}, {}, False
        for column in fields:
            mine = after[column] if isinstance(after, dict) else (now or {}).get(column)
            without = None if before is None else before.get(column)
            carrier = next((t for t in later if t.carries(column)), None)
            if carrier is not None:
                kept = True
                if (carrier.before is not None and column in carrier.before
                        and (not isinstance(after, dict)
                             or _same(carrier.before[column], mine))):
                    carrier.before[column] = without
                    carrier.changed = True
                continue
            gone[column] = (mine, without)
            if now is None:
                continue
            if not _same(now[column], mine):
                edited[column] = mine                # changed by hand since: it stays
            elif before is None and column in not_null:
                kept = True                          # a name the row cannot lose
            elif not _same(now[column], without):
                back[column] = without
        if table in SAVED_TABLES:
            from .touchpoints import forget_import
            forget_import(self.db, table, row_id, gone, added=before is None and not later)
        if now is None:
            pass
        elif before is None and not later and not edited:
            self.db.execute(f"DELETE FROM [{table}] WHERE rowid = ?", [row_id])
        else:
            if before is None and later:
                self.hand_on(table, row_id, later[0], edited, after)
            whole = before is not None and not kept and not edited
            self.write(table, row_id, now, back, before if whole else None)
            self.restored += bool(back) and before is not None and table not in KEYED_TABLES
        for touch in later:
            if touch.changed and touch.rowid is not None:
                self.db.execute("UPDATE import_changes SET before = ?, after = ? WHERE rowid = ?",
                                [_encode_image(touch.before), None if touch.after is None
                                 else _encode_image(touch.after), touch.rowid])

    def hand_on(self, table: str, row_id: int, heir: _Touch, edited: dict, after) -> None:
        """A row this import added passes to the first later import that holds it: to
        that import it is now a row it added. Fields edited by hand since stay marked as
        this import's values, so undoing the heir keeps them too."""
        if table in ("clients", "events"):
            self.db.execute(f"UPDATE [{table}] SET import_id = ? WHERE id = ?",
                            [heir.import_id, row_id])
            if heir.rowid is not None:
                self.db.execute("DELETE FROM import_changes WHERE rowid = ?", [heir.rowid])
                heir.rowid = None
            return
        heir.before = None
        if isinstance(heir.after, dict) and isinstance(after, dict):
            heir.after = {**edited, **heir.after}
        heir.changed = True

    def write(self, table: str, row_id: int, now: dict, back: dict,
              whole: dict | None) -> None:
        """Put fields back. A versioned row gets the next version (unless only its place
        changed); ``whole`` is the before-image when every field went back, and then a
        row without versions (a client) gets its old time back too."""
        values = dict(back)
        _, columns = self.schema(table)
        if "version" in columns and any(c != "position" for c in back):
            values["version"] = now["version"] + 1
            values["updated_at"] = self.db.execute(
                "SELECT strftime('%Y-%m-%d %H:%M:%S', 'now')").fetchone()[0]
            if table in SAVED_TABLES:
                from .touchpoints import follow_version
                follow_version(self.db, table, row_id, now["version"], values["version"])
        elif (whole is not None and "version" not in columns
              and not _same(whole.get("updated_at"), now.get("updated_at"))):
            values["updated_at"] = whole["updated_at"]
        if not values:
            return
        self.db.execute(f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in values)} "
                        "WHERE rowid = ?", [*values.values(), row_id])

    def put_back_whole(self, table: str, row_id: int, before: dict | None) -> None:
        """An older record without an after-image: the row goes back as its before-image
        says, or, when a later import changed it too, that import's record takes the
        before-image over and the row is left as it is."""
        later = self.db.execute(
            f"SELECT MIN(rowid) FROM import_changes WHERE table_name = ? AND row_id = ? "
            f"AND import_id > ? AND import_id IN {_STANDING}", [table, row_id, self.id]
        ).fetchone()[0]
        if later is not None:
            self.db.execute("UPDATE import_changes SET before = ? WHERE rowid = ?",
                            [_encode_image(before), later])
            return
        _restore_image(self.db, table, row_id, before)
        self.restored += before is not None and table not in KEYED_TABLES

    def row(self, table: str, row_id: int) -> dict | None:
        """The row as it is now (None: deleted since)."""
        cursor = self.db.execute(f"SELECT * FROM [{table}] WHERE rowid = ?", [row_id])
        found = cursor.fetchone()
        return dict(zip([d[0] for d in cursor.description], found)) if found else None

    def schema(self, table: str) -> tuple[set[str], set[str]]:
        """(columns that cannot be emptied: NOT NULL or the key, every stored column)."""
        if table not in self._schema:
            info = self.db.execute(f"PRAGMA table_info([{table}])").fetchall()
            self._schema[table] = ({name for _, name, _, notnull, _, pk in info
                                    if notnull or pk},
                                   set(_stored_columns(self.db, table)))
        return self._schema[table]


_STANDING = "(SELECT id FROM imports WHERE undone_at IS NULL)"


def _same(a, b) -> bool:
    """Equal as stored (1 and 1.0 are the same number)."""
    return a == b if a is not None and b is not None else a is None and b is None


def pending_stage_values(db: Database) -> dict[str, int]:
    """Stage values in the workspace that no alias or mapping understands yet."""
    mapping = stage_mapping(db)
    counts: dict[str, int] = {}
    for table in ("clients", "events"):
        for raw, count in db.execute(
                f"SELECT stage_raw, COUNT(*) FROM {table} WHERE stage IS NULL AND "
                "stage_raw IS NOT NULL GROUP BY stage_raw").fetchall():
            if not read_stage_value(raw, mapping).known:
                counts[raw] = counts.get(raw, 0) + count
    return counts


def map_stage_values(db: Database, mapping: dict[str, str]) -> int:
    """Remember what stage values mean and apply it to the rows already imported.

    Returns the number of rows whose stage changed.
    """
    checked = {normalise_value(k): _check_stage_target(k, v) for k, v in mapping.items()}
    changed = 0
    with write(db):
        for key, target in checked.items():
            _save_stage_mapping(db, key, target)
        full = stage_mapping(db)
        touched = set()
        for table in ("clients", "events"):
            ref = "id" if table == "clients" else "client_ref"
            rows = db.execute(f"SELECT id, {ref}, stage_raw FROM {table} "
                              "WHERE stage_raw IS NOT NULL").fetchall()
            for row_id, client, raw in rows:
                if normalise_value(raw) not in checked:
                    continue
                value = read_stage_value(raw, full)
                sets = {"stage": value.stage}
                if value.outcome and table == "clients":
                    sets["status"] = value.outcome
                db[table].update(row_id, sets)
                changed += 1
                if client is not None:
                    touched.add(client)
        refresh_clients(db, sorted(touched))
    return changed
