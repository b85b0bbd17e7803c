"""Save an import: every sheet of a file in one transaction, recorded for undo.

``import_file`` plans a file (or takes the plans the page or the command line made),
prepares each sheet, and writes clients, events, workshop sheets (through their
importers) and reference rows; then links events to clients through their order IDs
and refreshes the derived per-client figures. Each sheet is recorded as an import, with
before-images of what it overwrote in ``journey.journal``; ``undo_import`` takes one back.
``dry_run`` runs the same writes and rolls them back. A sheet read in parts (too large to
hold at once) is prepared and saved part after part, as one import; a client named in two
parts takes its id from the first (read whole, from the last row naming it), with the same
values.

Decisions (also in the README): clients are identified by their ID, else by their name;
events by their content, so re-importing the same rows updates nothing twice, or, in a
sheet whose order IDs identify its events, by their kind and order, so an order listed
again with new values is updated (``_event_keys``). An event
with no client but an ``order_id`` belongs to the client of the purchase with that order.
An event with neither (a deal with no account, an anonymous complaint) is kept without a
client: it counts in event figures, not in the client funnel.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlite_utils import Database

from .. import values
from ..derive import VISIT_SALE_KEY, insert_new_clients, refresh_clients
from ..fields import CLIENT_FIELDS, EVENT_FIELDS, PROFILE_FIELDS, QUOTE_HEADERS, normalise_header
from ..kinds import COUNTS, OF_ORDERS, SALE_KINDS, SALES
from ..journal import (
    BOOKKEEPING, JOINED, LINKED, NOT_BLANKED, Detached, Problem, Undone, check_undoable, encode_image,
    joined_by, keyed_before, last_writers, record_changes, record_held_events, record_keyed_change,
    stage_mapping, stored_columns, take_back_import)
from ..stages import RANK, normalise_value, read_stage_value
from ..text import (DROPPED_LEGAL_FORMS, LEGAL_FORM_SPELLINGS, best_written, counted, listed,
                    loose_name_keys, money_text, name_key)
from ..workspace import get_setting, now_stamp, write
from .profiles import BY_NAME as PROFILES, WRITERS_ONLY
from .rules.client_lists import STEP_TAKEN, VISIT_SALE
from .plan import (BILLS_A_JOB, WORKSHOP_IMPORTERS, PreparedSheet, SheetPlan,
                   details_of_stored_jobs, no_client_note, plan_file, prepare_sheet,
                   rows_naming_no_client)
from .currency import earlier_imports_note, mixed_note, one_currency_each, settle_currency
from .read import WORKBOOK_EXTENSIONS, blank_note, whole_sheet
from .understand import EXTRA, WORKSHOP_KINDS, check_stage_target, headers_key

Progress = Callable[[float, str], None]


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
    # The clients whose derived figures need working out again (those it changed).
    clients: list[int] = field(default_factory=list, repr=False)
    recognised_as: str | None = None     # the export profile that recognised the sheet
    explanation: str = ""                # what was understood, in one sentence
    # The cells, as text, of rejected rows beyond the first part of a sheet read in parts
    # (row -> header -> text; the plan holds the first part's): for the rejected-rows file.
    rejected_cells: dict[int, dict[str, str | None]] = field(default_factory=dict, repr=False)
    joined: int = 0          # clients brought in twice that this import joined into others
    unchanged: int = 0       # of the clients or events updated, those already as the sheet has them

    def as_dict(self) -> dict:
        return {"import_id": self.import_id, "file": self.file, "sheet": self.sheet,
                "kind": self.kind, "mapping": self.mapping, "rows": self.rows,
                "inserted": self.inserted, "updated": self.updated, "joined": self.joined,
                "rejected": self.rejected,
                "recognised_as": self.recognised_as, "explanation": self.explanation,
                "problems": [p.as_dict() for p in self.problems],
                "unknown_stage_values": self.unknown_stages, "notes": self.notes,
                "dry_run": self.dry_run}

CLIENT_COLUMNS = [*CLIENT_FIELDS, "stage_raw"]
EVENT_COLUMNS = [*EVENT_FIELDS, "stage_raw"]


def client_keys(ids: pd.Series | None, names: pd.Series | None, n: int,
                name_keys_: list | None = None) -> list[str | None]:
    """``client_key`` for whole columns (``name_keys_``: the names' keys, if known)."""
    none = pa.nulls(n, pa.string())
    id_keys = _name_key_array(ids) if ids is not None else none
    if name_keys_ is not None:
        by_name = pa.array(name_keys_, pa.string())
    else:
        by_name = _name_key_array(names) if names is not None else none
    return pc.coalesce(pc.binary_join_element_wise("id:", id_keys, ""),
                       pc.binary_join_element_wise("name:", by_name, "")).to_pylist()


def name_keys(values) -> list[str | None]:
    """``name_key`` of every value of a column."""
    return _name_key_array(values).to_pylist()


def _name_key_array(values) -> pa.Array:
    """``name_key`` of every value, as Arrow text (null: no key). A column of ASCII texts
    is worked out in pyarrow (lower case, runs of whitespace as one space, trimmed: what
    casefold and split do to ASCII); any other, one distinct value at a time."""
    items = values.to_numpy(dtype=object) if hasattr(values, "to_numpy") else list(values)
    try:
        texts = pa.array(items, pa.string())          # texts and None only, else an error
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        texts = None
    if texts is not None and pc.all(pc.string_is_ascii(texts)).as_py() is not False:
        keys = pc.utf8_trim(pc.replace_substring_regex(pc.ascii_lower(texts), _ASCII_SPACE, " "),
                            " ")
        return pc.if_else(pc.equal(keys, ""), pa.scalar(None, pa.string()), keys)
    found: dict = {}
    return pa.array([(found[v] if v in found else found.setdefault(v, name_key(v)))
                     if type(v) is str else name_key(v) for v in items], pa.string())


# What str.split() splits ASCII text on (str.isspace), as an RE2 class.
_ASCII_SPACE = "[\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f ]+"


def gives_way_to(name: object, other: object) -> bool:
    """Whether a person's name ``name`` says less of them than ``other`` or writes it
    worse, so that a client called ``name`` takes ``other`` and one called ``other`` keeps
    it: a first name alone, one word that begins as ``other``'s first word does, or that
    word as it ("Emma" of "Emma Walsh", "Jonathan" of "Jon Barker": a subscriber list's
    first_name column); the first name with the surname's initial ("Fay G." of "Fay
    Green": a reviews app's); ``other`` written surname first ("Jones, Sue" of "Sue
    Jones": a hand-kept sheet's); or ``other`` the same name better written ("sam green"
    of "Sam Green": ``_written_worse``)."""
    if not isinstance(name, str) or not isinstance(other, str):
        return False
    word, full = name_key(name), name_key(other) or ""
    words = full.split(" ")
    if not word or len(words) < 2:
        return bool(word) and _written_worse(name, other)
    if " " not in word:
        return words[0].startswith(word) or word.startswith(words[0])
    if (initialled := _INITIALLED.match(word)) and _IN_FULL.match(full):
        return initialled[1] == words[0] and words[-1].startswith(initialled[2])
    if "," in word and "," not in full:
        turned, kept = loose_name_keys([word, full]).to_pylist()
        return turned == kept
    return _written_worse(name, other)


def _name_given(kind: str, stored: str, given: str) -> bool:
    """Whether an import of ``kind`` naming a client ``given`` writes that name over the
    ``stored`` one (for undo, ``journal.take_back_import``): an events sheet only where the
    stored name gives way to it (``_profile_updates``), a client list unless its own gives
    way to the stored one (``_full_names_kept``)."""
    return gives_way_to(stored, given) if kind == "events" else not gives_way_to(given, stored)


def _one_case(name: str) -> bool:
    """Whether a name is written all in lower or all in upper case."""
    return name.islower() or name.isupper()


def _written_worse(name: str, other: str) -> bool:
    """Whether ``name`` is ``other`` loosely (``loose_name_keys``) written all in lower or
    all in upper case, and ``other`` capitalised ("sam green", "SAM GREEN" of "Sam Green";
    an owner's emoji beside a name, "💪 Sam Green", is theirs to keep)."""
    if not _one_case(name) or _one_case(other):
        return False
    if name_key(name) == name_key(other):
        return True
    first, second = loose_name_keys([name_key(name), name_key(other)]).to_pylist()
    return first == second


def client_key(client_id: object, name: object) -> str | None:
    """``id:<id>`` when there is an ID, else ``name:<name>``, compared case-insensitively."""
    for prefix, value in (("id", client_id), ("name", name)):
        if value is not None and str(value).strip():
            return f"{prefix}:{name_key(value)}"
    return None


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
    stage_map = {normalise_value(k): check_stage_target(k, v) for k, v in (stage_map or {}).items()}
    combined = stage_mapping(db) | stage_map
    day_first = get_setting(db, "day_first")
    prepared = []
    for number, plan in enumerate(plans):
        progress(0.1 + 0.3 * number / len(plans), f"Checking sheet {plan.sheet}")
        details_of_stored_jobs(db, plan)    # (the jobs in a file imported since it was read)
        if plan.raw.more is not None and (plan.recognised_as or plan.kind in WORKSHOP_KINDS):
            # An export's rules may group rows across parts (the lines of one order): the
            # whole sheet at once.
            plan = replace(plan, raw=whole_sheet(plan.raw))
        prepared.append(prepare_sheet(plan, stage_map=combined, day_first=day_first))
    _quotes_paid_in_other_sheets(prepared)
    results = []
    parted = any(plan.raw.more is not None for plan in plans)
    with write(db, keep=not dry_run), _import_cache(db, PARTED_CACHE_KIB if parted else None):
        indexes = _SetAside(db)
        for number, sheet_rows in enumerate(prepared):
            share = (0.4 + 0.5 * number / len(prepared), 0.5 / len(prepared))
            progress(share[0], f"Saving sheet {sheet_rows.plan.sheet}")
            indexes.restore()               # the sheets before may have set some aside
            more = _later_parts(sheet_rows, combined, share, progress)
            results.append(_save_sheet(db, sheet_rows, dry_run, indexes, more))
            prepared[number] = None             # its rows are saved: their memory is free
        for key, target in stage_map.items():
            _save_stage_mapping(db, key, target, results[0].import_id if results else None)
        if parted:                          # the parts are saved: speed for the rest
            db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        indexes.restore("events")
        linked = _link_orders_by_name(db, [r.import_id for r in results],
                                      results[-1].notes if results else None)
        linked += _link_orders(db, [r.import_id for r in results])
        linked += _price_whole_order_returns(db, results)
        linked += _join_by_quoted_orders(db, [r.import_id for r in results],
                                         results[-1].notes if results else None)
        linked += _join_reviewers_by_initial(db, [r.import_id for r in results],
                                             results[-1].notes if results else None)
        progress(0.92, "Updating client figures")
        refresh_clients(db, _scope({i for r in results for i in r.clients} | set(linked), db))
        indexes.restore()
    progress(1.0, "Done")
    for result in results:
        result.dry_run = dry_run
        if dry_run:
            result.import_id = None
    return results


def _quotes_paid_in_other_sheets(prepared: list[PreparedSheet]) -> None:
    """In a workbook whose client list gives each client's quote as revenue to come (a
    photo booth's "Enquiries": "Quoted" £495, ``QUOTE_HEADERS``) and another sheet the sales
    (its "Bookings": £495 paid in full, a £100 deposit), what a client paid of the quote
    is no longer to come: their revenue to come is the quote less their sales in the
    workbook's other sheets, none below 0 (the rows of ``prepared`` are changed, and the
    client list's note says so). Worked out before anything is saved, so the sheets in
    either order give the same figures."""
    quoting = {id(sheet): quoted for sheet in prepared if sheet.plan.kind == "clients"
               and sheet.plan.raw.more is None and "revenue_potential" in sheet.rows
               and (quoted := [h for h, f in sheet.plan.mapping.items()
                               if f == "revenue_potential"
                               and normalise_header(h) in QUOTE_HEADERS])}
    if not quoting:
        return                          # (no quote to come: no sheet's sales are read)
    paid: dict[str, float] = {}
    for sheet in prepared:
        rows = sheet.rows
        if (sheet.plan.kind != "events" or sheet.plan.raw.more is not None  # (in parts:
                or "kind" not in rows or "amount" not in rows):           # left as read)
            continue
        sales = rows["kind"].isin(SALE_KINDS) & pd.to_numeric(rows["amount"],
                                                              errors="coerce").gt(0)
        if not sales.any():
            continue
        keys = client_keys(rows["client_id"][sales] if "client_id" in rows else None,
                           rows["name"][sales] if "name" in rows else None, int(sales.sum()))
        for key, amount in zip(keys, pd.to_numeric(rows["amount"][sales])):
            if key is not None:
                paid[key] = paid.get(key, 0.0) + float(amount)
    if not paid:
        return
    for sheet in prepared:
        rows, quoted = sheet.rows, quoting.get(id(sheet))
        if not quoted:
            continue
        keys = pd.Series(client_keys(rows["client_id"] if "client_id" in rows else None,
                                     rows["name"] if "name" in rows else None, len(rows)),
                         index=rows.index)
        got = keys.map(paid).astype(float)
        potential = pd.to_numeric(rows["revenue_potential"], errors="coerce")
        revenue = (pd.to_numeric(rows["revenue_current"], errors="coerce")
                   if "revenue_current" in rows else pd.Series(float("nan"), index=rows.index))
        taken = got.notna() & potential.gt(0) & ~revenue.gt(0)  # (none paid on the list)
        if not taken.any():
            continue
        left = (potential - got).round(2)
        rows.loc[taken, "revenue_potential"] = left.where(left.gt(0))[taken]
        count = int(taken.sum())
        sheet.notes.append(
            f"{counted(count, 'client')} quoted in '{quoted[0]}' "
            f"{'has' if count == 1 else 'have'} bought on another sheet of the workbook "
            f"({values.amount_text(float(got[taken].sum()))} paid): what was paid of the "
            "quote is no longer revenue to come (potential); "
            f"{values.amount_text(float(left[taken].clip(lower=0).sum()))} of it still is.")


def _scope(client_ids: set[int], db: Database) -> list[int] | None:
    """The clients to refresh: None (all of them) when the import touched every client,
    which spares refresh_clients its table of ids (a first import of 100,000 clients)."""
    stored = db.execute("SELECT COUNT(*) FROM clients").fetchone()[0]
    return None if stored and len(client_ids) >= stored else sorted(client_ids)


IMPORT_CACHE_KIB = 128 * 1024   # SQLite's page cache during an import (default: 2 MiB)
PARTED_CACHE_KIB = 32 * 1024    # ... of a sheet too large to hold at once: memory first
BULK_ROWS = 20_000              # an insert this large sets a table's plain indexes aside


@contextlib.contextmanager
def _import_cache(db: Database, kib: int | None = None):
    """A larger page cache while an import writes: a 100k-row insert touches more pages
    than the default 2 MiB holds, and every page evicted mid-transaction is written twice
    (``kib``: another size). The temporary tables the import builds (the new clients
    with their figures) get as much."""
    before = {schema: db.execute(f"PRAGMA {schema}.cache_size").fetchone()[0]
              for schema in ("main", "temp")}
    for schema in before:
        db.execute(f"PRAGMA {schema}.cache_size = -{kib or IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        for schema, size in before.items():
            db.execute(f"PRAGMA {schema}.cache_size = {int(size)}")


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


def _save_stage_mapping(db: Database, key: str, target: str,
                        import_id: int | None = None) -> None:
    before = keyed_before(db, "stage_mappings", "value_key", key)
    db.execute("INSERT INTO stage_mappings(value_key, raw_value, target) VALUES (?, ?, ?) "
               "ON CONFLICT(value_key) DO UPDATE SET target = excluded.target",
               [key, key, target])
    if import_id is not None:
        record_keyed_change(db, import_id, "stage_mappings", "value_key", key, before)


def remember_mapping(db: Database, plan: SheetPlan, import_id: int | None = None) -> None:
    """Remember a sheet's kind and mapping for the next file with the same headers.

    With ``import_id`` the previous mapping is kept for undo.
    """
    key = headers_key(plan.headers)
    before = keyed_before(db, "saved_mappings", "headers_key", key)
    db.execute(
        "INSERT INTO saved_mappings(headers_key, kind, mapping, updated_at) "
        "VALUES (?, ?, ?, datetime('now')) ON CONFLICT(headers_key) DO UPDATE SET "
        "kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at",
        [key, plan.kind, json.dumps(plan.mapping)])
    if import_id is not None:
        record_keyed_change(db, import_id, "saved_mappings", "headers_key", key, before)


def _later_parts(first: PreparedSheet, stage_map: dict[str, str], share: tuple[float, float],
                 progress: Progress) -> Callable[[], Iterator[PreparedSheet]]:
    """The parts after the first of a sheet read in parts, each prepared as it is read
    (with the first part's decisions), telling the progress by rows."""
    plan = first.plan

    def parts() -> Iterator[PreparedSheet]:
        if plan.raw.more is None:
            return
        done = len(plan.raw.frame)
        for raw in plan.raw.more():
            done += len(raw.frame) + raw.blank_rows
            yield prepare_sheet(replace(plan, raw=raw), stage_map=stage_map, decided=first)
            progress(share[0] + share[1] * min(1.0, done / max(plan.raw.rows, 1)),
                     f"Saving sheet {plan.sheet}: {done:,} of {plan.raw.rows:,} rows")
    return parts


def _save_sheet(db: Database, prepared: PreparedSheet, dry_run: bool,
                indexes: _SetAside | None = None,
                more: Callable[[], Iterator[PreparedSheet]] | None = None) -> ImportResult:
    """Save one prepared sheet (and, for a sheet read in parts, the parts ``more`` gives)
    as one import."""
    _EARLIER_CLIENTS[id(db.conn)] = db.execute(
        "SELECT COALESCE(MAX(id), 0) FROM clients").fetchone()[0]
    try:
        return _save_parts(db, prepared, dry_run, indexes, more)
    finally:
        _EARLIER_CLIENTS.pop(id(db.conn), None)


def _save_parts(db: Database, prepared: PreparedSheet, dry_run: bool,
                indexes: _SetAside | None,
                more: Callable[[], Iterator[PreparedSheet]] | None) -> ImportResult:
    """``_save_sheet``'s work: the import's record, then each part's rows."""
    plan = prepared.plan
    import_id = db.table("imports").insert({
        "file": plan.file, "sheet": plan.sheet, "kind": plan.kind, "checksum": plan.checksum,
        "mapping": json.dumps(plan.mapping), "set_values": json.dumps(plan.set_values),
        "recognised_as": plan.recognised_as,
    }).last_pk
    rejected_cells: dict[int, dict[str, str | None]] = {}
    currency_rows: dict[str, int] = {}   # rows with an amount in each currency, every part
    currency_where = ""
    if plan.kind in WORKSHOP_KINDS:
        saved = WORKSHOP_IMPORTERS[plan.kind](db, plan.raw, import_id)
        inserted, updated, touched, unchanged = saved.inserted, saved.updated, [], 0
        problems = sorted(saved.problems, key=lambda p: p.row)
        rejected, rows_read, unknown = len({p.row for p in saved.problems}), len(plan.raw.frame), {}
        notes = list(plan.raw.notes) + prepared.notes
    else:
        inserted = updated = unchanged = rejected = rows_read = blank = 0
        touched, problems, notes, unknown = [], [], list(plan.raw.notes), {}
        no_client: list[int] = []       # rows of events naming no client, every part
        seen = _Seen() if plan.raw.more is not None else None
        if indexes is not None and plan.raw.more is not None and plan.kind != "reference":
            indexes.before_write(plan.kind, plan.raw.rows)   # every part, not each one
        for part in itertools.chain([prepared], more() if more else []):
            if part is not prepared and part.problems:
                rejected_cells.update(cells_of_rows(part.plan.raw, {p.row for p in part.problems},
                                                    MAX_REJECTED_CELLS - len(rejected_cells)))
            added, changed, clients, same = _save_rows(db, part, import_id, indexes, seen)
            inserted, updated, touched = inserted + added, updated + changed, touched + clients
            unchanged += same
            rows_read += len(part.plan.raw.frame)
            blank += part.plan.raw.blank_rows
            no_client += rows_naming_no_client(part)
            rejected += (part.rejected if part.rejected is not None
                         else len(part.plan.raw.frame) - len(part.rows))
            problems += part.problems
            notes += [n for n in (part.notes if part is prepared else part.plan.raw.notes
                                  + part.notes) if n not in notes]
            for value, count in part.unknown_stages.items():
                unknown[value] = unknown.get(value, 0) + count
            for code, count in part.currency_rows.items():
                currency_rows[code] = currency_rows.get(code, 0) + count
            currency_where = currency_where or part.currency_where
        if plan.raw.more is not None and blank:
            notes.append(blank_note(blank))
        if no_client:
            notes.append(no_client_note(plan.sheet, no_client))
        if indexes is not None:
            indexes.restore("events")
    currencies = one_currency_each(currency_rows)     # (a sheet's parts' together)
    notes += mixed_note(currencies, currency_where)
    db.execute("UPDATE imports SET rows = ?, inserted = ?, updated = ?, unchanged = ?, "
               "rejected = ?, currencies = ? WHERE id = ?",
               [rows_read, inserted, updated, unchanged, rejected,
                ", ".join(sorted(currencies.index)) or None, import_id])
    db.conn.executemany(
        "INSERT INTO import_problems(import_id, row, [column], value, reason) VALUES (?,?,?,?,?)",
        [(import_id, p.row, p.column, None if p.value is None else str(p.value)[:1000], p.reason)
         for p in problems])
    if not dry_run and plan.kind in ("clients", "events"):
        remember_mapping(db, plan, import_id)
    if plan.kind in ("clients", "events"):
        notes += earlier_imports_note(db, import_id, currencies)
        notes += settle_currency(
            db, import_id, currencies.index[0] if len(currencies) == 1 else None, dry_run,
            plan.sheet if Path(plan.file).suffix.lower() in WORKBOOK_EXTENSIONS else None)
    if plan.kind == "reference":
        profile = PROFILES.get(plan.recognised_as or "")
        notes.append(plan.kept_because or (
            f"Sheet '{plan.sheet}' is {profile.label}, so its rows were kept as reference "
            "data and do not appear as clients." if profile else
            f"Sheet '{plan.sheet}' has no client or event columns, so its rows were "
            "kept as reference data and do not appear as clients."))
    # (a column whose values were not what its header said was kept as extra: said so)
    # (and one read for a field in place of the mapped one: the unit price for an empty Total)
    mapping = {h: None if h in prepared.demoted else prepared.read_instead.get(h, t)
               for h, t in plan.mapping.items()}
    return ImportResult(import_id, plan.file, plan.sheet, plan.kind, mapping,
                        rows_read, inserted, updated, rejected, problems, unknown, notes,
                        clients=touched, recognised_as=plan.recognised_as,
                        explanation=plan.explanation, rejected_cells=rejected_cells,
                        joined=joined_by(db, import_id) if plan.kind == "clients" else 0,
                        unchanged=unchanged)


MAX_REJECTED_CELLS = 10_000    # rejected rows of later parts whose cells are kept, at most


def cells_of_rows(raw, rows: set[int], most: int | None = None) -> dict[int, dict[str, str | None]]:
    """Row number -> {header: cell as text} for some rows of a sheet (at most ``most``)."""
    positions = [i for i, row in enumerate(raw.row_numbers) if row in rows]
    positions = positions if most is None else positions[:max(most, 0)]
    part = raw.frame.iloc[positions]
    texts = pd.DataFrame({h: values.parse_text(part[h])[0].tolist() for h in raw.headers})
    return {raw.row_numbers[i]: record for i, record in zip(positions, texts.to_dict("records"))}


def _save_rows(db: Database, prepared: PreparedSheet, import_id: int,
               indexes: _SetAside | None, seen: _Seen | None
               ) -> tuple[int, int, list[int], int]:
    """Save the rows of one prepared sheet (or part): inserted, updated, clients touched,
    and of the clients or events updated those that were as the sheet has them already."""
    if prepared.plan.kind == "clients":
        saved = _save_clients(db, prepared.rows, import_id, indexes, prepared.notes)
        if prepared.happened is None or prepared.happened.empty:
            return saved
        # (what its rows say happened, sales and steps taken: events of the clients just saved)
        touched = _save_events(db, prepared.happened, import_id, None, seen, prepared.notes)[2]
        return (*saved[:2], sorted({*saved[2], *touched}), saved[3])
    if prepared.plan.kind == "events":
        return _save_events(db, prepared.rows, import_id, indexes, seen, prepared.notes)
    return _save_reference(db, prepared.plan, import_id), 0, [], 0


def _records(rows: pd.DataFrame, columns: list[str], once: bool = False
             ) -> tuple[list[str], Iterable[tuple]]:
    """The columns present and the rows as tuples, with NaN/NaT/NA as None. ``once``: an
    iterator for one pass (an ``executemany``), each tuple made as it is read, and made
    again in place of the last where nothing holds that (100,000 rows: 0.1 s less, and no
    list of them all held)."""
    present = [c for c in columns if c in rows]
    if not present:
        return present, [()] * len(rows)
    tuples = zip(*map(_cells, (rows[c] for c in present)))
    return present, tuples if once else list(tuples)


def _cells(column: pd.Series) -> list:
    """A column's values as a list of Python values, NaN/NaT/NA as None (without copying
    an object column, or boxing a float column without gaps, first)."""
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else ""
    if kind in ("f", "i", "u", "b", "O"):
        values = column.to_numpy(copy=False)
        if kind in "iub" or (kind == "f" and not np.isnan(values).any()):
            return values.tolist()
        values = values.astype(object)              # a copy: the frame is left alone
    else:                                           # datetimes, extension dtypes
        values = column.to_numpy(dtype=object)
    missing = pd.isna(values)
    if missing.any():
        values[missing] = None
    return values.tolist()


def _save_clients(db: Database, rows: pd.DataFrame, import_id: int,
                  indexes: _SetAside | None = None, notes: list[str] | None = None):
    """Insert new clients and update known ones (only the columns this sheet carries). A
    client listed twice on the sheet takes its last row (``notes`` says so)."""
    names = name_keys(rows["name"]) if "name" in rows else [None] * len(rows)
    keys = client_keys(rows.get("client_id"), None, len(rows), names)
    phones = _Phones(db, rows["phone"]) if "phone" in rows else None
    if phones is not None:      # (a row that names no one: its number's, as an event's)
        keys = _by_number(keys, rows, phones)
    rows = rows.assign(client_key=keys, name_key=names)
    repeated = rows["client_key"].duplicated(keep="last")
    if repeated.any():
        rows = _merge_extras_of_repeats(rows)
        if notes is not None:
            first = rows.loc[repeated, "_row"].iloc[0] if "_row" in rows else None
            notes.append(f"{counted(int(repeated.sum()), 'row')} listed a client again "
                         "further down the sheet" + (f" (the first at row {first})" if first
                                                     else "")
                         + ": each client is saved once, with the values of its last row.")
    rows = rows[~repeated]
    duplicates = len(keys) - len(rows)
    columns = ["client_key", "name_key", *[c for c in CLIENT_COLUMNS if c in rows], EXTRA]
    existing = _existing_ids(db, "clients", "client_key", rows["client_key"].tolist())
    adopted = _adopt_by_name(db, rows, existing)
    by_email, taken = _clients_by_email(db, rows, existing, adopted)
    adopted.update(taken)               # (keyed by that e-mail or name only: takes the ID)
    if (by_email or taken) and notes is not None:
        notes.append(f"{counted(len(by_email) + len(taken), 'client')} of this sheet "
                     "matched by e-mail address to clients already here under another ID "
                     "or name.")
    if phones is not None:
        kept, taken = _clients_by_phone(db, rows, existing | adopted | by_email, phones, notes)
        by_email.update(kept)
        adopted.update(taken)       # (known by that number alone: takes the sheet's key)
    by_email.update(_clients_by_name(db, rows, existing | adopted | by_email, notes))
    known = existing | adopted | by_email       # (every row's client that is here already)
    is_new = ~values.isin(rows["client_key"], known)
    as_given = rows
    rows = _lifted_stages(db, rows, known)
    said_nothing = {"status"} if "_status_lift" in rows else set()
    rows = rows.drop(columns="_status_lift", errors="ignore")
    rows = _full_names_kept(db, rows, known)
    rows = _earliest_first_contacts(db, rows, known, import_id)
    gave = _outranked(as_given[~is_new], rows[~is_new])    # (of the clients stored already)
    new_rows, old_rows = rows[is_new], rows[values.isin(rows["client_key"], existing)]
    if notes is not None and "name" in new_rows:
        notes += _initials_alike(db, new_rows["name"], new_rows["name_key"])
    # (known by another ID or spelling: the stored key stays; blanks as by key, ``_Blanks``)
    elsewhere = rows[values.isin(rows["client_key"], by_email)]
    adopt_rows = rows[values.isin(rows["client_key"], adopted)]
    twice = _people_twice(db, rows, known, phones)
    _say_namesakes_kept_apart(db, new_rows, notes)
    present, records = _records(new_rows, columns, once=True)
    if indexes is not None:
        indexes.before_write("clients", len(new_rows))
    first_new = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM clients").fetchone()[0]
    insert_new_clients(db, present, records, {"import_id": import_id, "updated_at": now_stamp()})
    new_ids = _inserted_ids(db, "clients", first_new, len(new_rows))
    ids = [existing[k] for k in old_rows["client_key"]]
    if indexes is not None:
        indexes.before_write("clients", len(ids))
    blanks = _Blanks(db, said_nothing)
    # (a sheet with no names leaves a stored client's name and its key alone)
    updating = [c for c in columns if c != "name_key" or "name" in rows]
    written = blanks.update(ids, old_rows, [c for c in updating if c != "client_key"],
                            import_id, gave.loc[old_rows.index])
    written += blanks.update([adopted[k] for k in adopt_rows["client_key"]], adopt_rows,
                             updating, import_id, gave.loc[adopt_rows.index])
    written += blanks.update([by_email[k] for k in elsewhere["client_key"]], elsewhere,
                             [c for c in updating if c != "client_key"], import_id,
                             gave.loc[elsewhere.index].assign(
                                 client_key=elsewhere["client_key"].astype(object)),
                             elsewhere=True)
    if notes is not None:
        notes += blanks.notes()
    joined = _join_same_people(db, twice, import_id, notes)
    if new_ids is None:
        touched = list(_existing_ids(db, "clients", "client_key",
                                     rows["client_key"].tolist()).values()) + list(
                                         by_email.values())
    else:               # (the new clients' figures went in with them)
        touched = [*ids, *(adopted[k] for k in adopt_rows["client_key"]), *by_email.values()]
    touched += joined
    updated = len(old_rows) + len(adopt_rows) + len(elsewhere)
    return len(new_rows), updated + duplicates, touched, updated - written


class _Blanks:
    """A client list's blank cells on clients stored already. A blank clears a stored value
    only when a client list wrote it (an owner's corrected list may clear what their earlier
    list said); a value another kind of import gave (a sales log's e-mail, a CRM's phone)
    stays, and the blank is no column the import wrote. The same whichever way the row
    found its client: by its key, or by e-mail or name under another key."""

    def __init__(self, db: Database, said_nothing: set[str]) -> None:
        self.db, self.said_nothing = db, said_nothing
        self.cleared: list[str] = []        # "Delta Freight's country (was Germany)"
        self.kept: list[str] = []

    def update(self, ids: list[int], rows: pd.DataFrame, columns: list[str], import_id: int,
               gave: pd.DataFrame, elsewhere: bool = False) -> int:
        """``_update_rows`` for these rows, each leaving the values its blanks keep; rows
        found under another key (``elsewhere``) leave the client's name and ID as well."""
        kept_anyway = self.said_nothing | ({"name", "name_key", "client_id"} if elsewhere
                                           else set())
        keeps = self._keeps(ids, rows, [c for c in columns if c not in kept_anyway])
        written = 0
        for kept in dict.fromkeys(keeps):
            at = [i for i, k in enumerate(keeps) if k == kept]
            written += _update_rows(self.db, "clients", [ids[i] for i in at], rows.iloc[at],
                                    columns, import_id, only_filled=kept_anyway | kept,
                                    gave=gave.iloc[at])
        return written

    def _keeps(self, ids: list[int], rows: pd.DataFrame, columns: list[str]
               ) -> list[frozenset]:
        """Per row, the columns whose blank leaves the stored value."""
        none = frozenset()
        fields = [c for c in columns if c in rows and c not in NOT_BLANKED]
        if not ids or not fields:
            return [none] * len(ids)
        blank = rows[fields].isna().to_numpy()
        at = np.flatnonzero(blank.any(axis=1))
        if not len(at):
            return [none] * len(ids)
        stored = _fetch_before(self.db, "clients", [ids[i] for i in at], [*fields, "name"])
        held = pd.DataFrame([stored[ids[i]] for i in at], columns=[*fields, "name"])
        clears = blank[at] & held[fields].notna().to_numpy()    # (a stored value to clear)
        clearing = {at[n]: [c for c, yes in zip(fields, clears[n]) if yes]
                    for n in np.flatnonzero(clears.any(axis=1))}
        writers = last_writers(self.db, [ids[i] for i in clearing])
        keeps = [none] * len(ids)
        for i, cs in clearing.items():
            image, kinds = stored[ids[i]], writers.get(ids[i], {})
            kept = frozenset(c for c in cs if kinds.get(c, kinds.get(None)) != "clients")
            keeps[i] = kept
            for c in cs:
                whose = f"{image.get('name') or ids[i]}'s {_label(c)}"
                if c in kept:
                    self.kept.append(f"{whose} ({image[c]})")
                else:
                    self.cleared.append(f"{whose} (was {image[c]})")
        return keeps

    def notes(self) -> list[str]:
        """What the blanks cleared and left, in plain sentences."""
        said = []
        if self.cleared:
            said.append(f"{counted(len(self.cleared), 'value')} cleared by blank cells (a "
                        f"client list had written {'it' if len(self.cleared) == 1 else 'them'}):"
                        f" {listed(self.cleared, 5)}.")
        if self.kept:
            one = len(self.kept) == 1
            gave = "the value another kind of import" if one else "values other kinds of import"
            said.append(f"{counted(len(self.kept), 'blank cell')} left {gave}"
                        " gave (a blank clears only what a client list wrote): "
                        f"{listed(self.kept, 5)}.")
        return said


def _label(field: str) -> str:
    """A client field as the notes name it: 'email', 'client type'."""
    return field.replace("_", " ")


def _outranked(given: pd.DataFrame, saved: pd.DataFrame) -> pd.DataFrame:
    """A client list's names, stages and first contacts that the stored ones outranked
    (``_full_names_kept``, ``_lifted_stages``, ``_earliest_first_contacts``): the values
    given, where they differ from those saved, for ``_update_rows``' ``gave``."""
    return pd.DataFrame({c: given[c].astype(object).where(
        given[c].notna() & (given[c].astype(object) != saved[c].astype(object)), None)
        for c in ("name", "name_key", "stage", "first_contact") if c in given and c in saved},
        index=given.index)


def _merge_extras_of_repeats(rows: pd.DataFrame) -> pd.DataFrame:
    """A client's last row on a sheet that lists it more than once, with the extra columns
    of all its rows merged (later ones win), as an update of a client merges them."""
    if EXTRA not in rows:
        return rows
    repeats = rows["client_key"].duplicated(keep=False) & rows[EXTRA].notna()
    merged: dict = {}
    for key, extra in zip(rows.loc[repeats, "client_key"], rows.loc[repeats, EXTRA]):
        merged.setdefault(key, {}).update(json.loads(extra))
    last = values.isin(rows["client_key"], merged) & ~rows["client_key"].duplicated(keep="last")
    rows = rows.copy()
    rows.loc[last, EXTRA] = [json.dumps(merged[key], ensure_ascii=False)
                             for key in rows.loc[last, "client_key"]]
    return rows


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
    creates clients keyed by name; the list's row with an ID and the same name, or the
    same loosely (``_name_only_loosely``: "Kim Architects" for a deal's "Kim Architects
    Ltd"), is that client, not a new one. Only names that occur once in the sheet are
    matched.
    """
    if "client_id" not in rows or not _has_name_only_clients(db):
        return {}
    once = ~rows["name_key"].duplicated(keep=False) & rows["name_key"].notna()
    candidates = rows[once & ~values.isin(rows["client_key"], existing)
                      & rows["client_key"].str.startswith("id:")]
    if not len(candidates):
        return {}
    found = _existing_ids(db, "clients", "client_key",
                          [f"name:{n}" for n in candidates["name_key"]])
    found.update(_name_only_loosely(db, candidates["name_key"][
        ~values.isin(("name:" + candidates["name_key"]), found)]))
    return {key: found[f"name:{n}"] for key, n in zip(candidates["client_key"],
                                                     candidates["name_key"])
            if f"name:{n}" in found}


def _clients_by_email(db: Database, rows: pd.DataFrame, existing: dict,
                      adopted: dict) -> tuple[dict, dict]:
    """Rows of a client list whose key is not known but whose e-mail address (once on
    the sheet) is that of exactly one client no other row of the sheet names: the same
    client under another system's ID (a member list's M001, a shop's customer keyed by
    e-mail). Returns two maps client_key -> id: clients that keep their stored key (an ID
    of their own), and clients known by that e-mail or name alone, which take the sheet's
    ID (as ``_adopt_by_name``)."""
    if "email" not in rows or len(existing) + len(adopted) == len(rows) or not _has_clients(db):
        return {}, {}
    emails = _addresses(rows["email"])
    rest = ~values.isin(rows["client_key"], existing | adopted) & (
        emails.notna() & ~emails.duplicated(keep=False))
    if not rest.any():
        return {}, {}
    held = _sole_holders(db, emails[rest])
    named = set(existing.values()) | set(adopted.values())
    kept, taken = {}, {}
    for key, email in zip(rows.loc[rest, "client_key"], emails[rest]):
        if email in held and held[email][0] not in named:
            client, stored = held[email]
            own = stored.startswith("name:") or (stored.startswith("id:")
                                                 and values.mailbox(stored[3:]) == values.mailbox(email))
            (taken if own else kept)[key] = client
    return kept, taken


def _clients_by_name(db: Database, rows: pd.DataFrame, known: dict,
                     notes: list[str] | None = None) -> dict:
    """Rows of a client list known by name alone (no ID, no e-mail) that no client has
    as its key, whose name, exactly or loosely (``loose_name_keys``), is that of exactly
    one client another import brought under an ID: that client (it keeps its key), as an
    events sheet's name-only rows are matched. Runs only where such rows are left."""
    if len(known) == len(rows) or not _has_clients(db):
        return {}
    named = rows[rows["client_key"].str.startswith("name:", na=False)
                 & ~values.isin(rows["client_key"], known)]
    if not len(named):
        return {}
    found = _ids_by_name(db, named, known, notes)
    found.update(_ids_by_loose_name(db, named, known | found))
    taken = set(known.values())
    found = {key: client for key, client in found.items() if client not in taken}
    if found and notes is not None:
        notes.append(f"{counted(len(found), 'client')} of this sheet known by name only "
                     "matched to the client of that name already here (" + listed(
                         [f"'{n}'" for n in named.loc[named['client_key'].isin(found),
                                                      'name'].astype(str)], 3) + ").")
    return found


def _full_names_kept(db: Database, rows: pd.DataFrame, known: dict) -> pd.DataFrame:
    """A stored client's row whose name says less of that client or writes it worse
    (``gives_way_to``: a subscriber list's "Emma" for "Emma Walsh", a review's "Fay G.")
    keeps the stored name."""
    if "name" not in rows:
        return rows
    ids = rows["client_key"].map(known)
    if not ids.notna().any():         # (no stored client among the rows: nothing to keep)
        return rows
    written = rows["name"].astype("string")
    short = ids.notna() & rows["name_key"].notna() & (rows["name_key"].astype(
        "string").str.contains(r"^\S+$|^\S+ \S\.?$|,", na=False)   # (keyless names: NaN)
        | written.str.islower().fillna(False) | written.str.isupper().fillna(False))
    if not short.any():
        return rows
    known_ids = ids[short].astype(int)
    full = known_ids.map(dict(db.execute(       # (the stored names alone: no whole rows)
        "SELECT t.id, t.name FROM json_each(?) AS k JOIN clients AS t ON t.id = k.value",
        [json.dumps(known_ids.tolist())]).fetchall()))
    kept = [i for i, name, given in zip(full.index, full, rows.loc[short, "name"])
            if gives_way_to(given, name)]
    if not kept:
        return rows
    rows = rows.copy()
    rows.loc[kept, "name"] = full[kept]
    rows.loc[kept, "name_key"] = name_keys(full[kept])
    return rows


def _lifted_stages(db: Database, rows: pd.DataFrame, known: dict) -> pd.DataFrame:
    """A sheet whose only stages are its tick columns' (``rules.client_lists._ticked_steps`` on a sheet
    with no stage column: ``_stage_lift``) lifts a stored client's stage, never lowers or
    blanks it: a client not ticked, or ticked at a step short of their stored stage, keeps
    it."""
    if "_stage_lift" not in rows:
        return rows
    rows = rows.drop(columns="_stage_lift")
    ids = rows["client_key"].map(known)
    if not ids.notna().any():
        return rows
    had = ids.map(_stored(db, ids, "stage"))
    rank = RANK.get
    kept = had.notna() & (had.map(lambda v: rank(v, -1)) >= rows["stage"].map(
        lambda v: rank(v, -1)))
    return rows.assign(stage=rows["stage"].where(~kept, had))


def _earliest_first_contacts(db: Database, rows: pd.DataFrame, known: dict,
                             import_id: int) -> pd.DataFrame:
    """A client's first contact is the earliest date any import gives: a later sheet's
    date (a venue's Bookings tab giving the wedding day after the Enquiries tab's enquiry)
    never moves a stored first contact later; an earlier one moves it back. The same sheet
    of the same file imported again, its columns alike (a date corrected in the tracker:
    02/01 -> 01/02), gives its own date, as every other column it gives."""
    if "first_contact" not in rows:
        return rows
    ids = rows["client_key"].map(known)
    if not ids.notna().any():
        return rows
    had = ids.map(_stored(db, ids, "first_contact"))
    given = rows["first_contact"]
    again = ids.isin(_written_by_this_sheet(db, ids, import_id))
    kept = had.notna() & ~again & (given.isna() | (had.astype(str) < given.astype(str)))
    return rows.assign(first_contact=given.astype(object).where(~kept, had))


def _written_by_this_sheet(db: Database, ids: pd.Series, import_id: int) -> set:
    """Of the stored clients ``ids`` names, those last written by this import (an earlier
    part of a sheet saved in parts) or by an earlier import of the same sheet of a file of
    the same name, its columns read alike, as import ``import_id``'s (not two tools'
    exports both called "contacts.csv")."""
    return {row[0] for row in db.execute(
        "SELECT c.id FROM clients c JOIN imports i ON i.id = c.import_id "
        "JOIN imports n ON n.id = ? WHERE c.id IN (SELECT value FROM json_each(?)) "
        "AND i.file = n.file AND i.sheet IS n.sheet "
        "AND i.mapping IS n.mapping",
        [import_id, json.dumps([int(i) for i in ids.dropna()])]).fetchall()}


def _stored(db: Database, ids: pd.Series, column: str) -> dict:
    """A column of the stored clients ``ids`` names (NaN: none): client id -> value."""
    return dict(db.execute(
        f"SELECT id, [{column}] FROM clients WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps([int(i) for i in ids.dropna()])]).fetchall())


def _clients_by_phone(db: Database, rows: pd.DataFrame, known: dict, phones: _Phones,
                      notes: list[str] | None = None) -> tuple[dict, dict]:
    """Rows of a client list whose key is not known but whose number (once on the sheet)
    exactly one client no other row names holds (``_by_phone``): that client. Returns two
    maps client_key -> id, as ``_clients_by_email``: clients that keep their stored key,
    and clients known by that number alone (an appointments export's), which take the
    sheet's key. Runs only where such rows are left."""
    if len(known) == len(rows) or not _has_clients(db):
        return {}, {}
    rest = ~values.isin(rows["client_key"], known) & rows["phone"].notna()
    if not rest.any():
        return {}, {}
    given = phones.keys(rows["phone"])
    rest &= given.notna() & ~given.duplicated(keep=False)
    matched = _by_phone(db, rows, rest, phones, notes, given)
    matched = matched[~values.isin(matched["id"], set(known.values()))
                      & ~matched["id"].duplicated(keep=False)]
    own = matched["held_by"].str.startswith(PHONE_KEY)
    kept = dict(zip(matched.loc[~own, "client_key"], matched.loc[~own, "id"].astype(int)))
    taken = dict(zip(matched.loc[own, "client_key"], matched.loc[own, "id"].astype(int)))
    if matched.shape[0] and notes is not None:
        notes.append(f"{counted(len(matched), 'client')} of this sheet matched by phone "
                     "number to clients already here under another ID or name, or known by "
                     "their number alone.")
    return kept, taken


def _people_twice(db: Database, rows: pd.DataFrame, matched: dict,
                  phones: _Phones | None = None, numbers_only: bool = False) -> dict:
    """The clients that earlier imports brought in twice and this list's rows show to be
    one person, before the rows are saved: other client -> (the client its row matched,
    by ID, e-mail or name; the row's name key; its e-mail; whether the name found it).
    Another client is one known by name alone (a complaints log's) with the row's name,
    one known by its e-mail alone (orders keyed by e-mail) with the row's address, or the
    one client holding the row's address when the row's own client has none (attendance by
    member ID brought M-101 with no address, Stripe brought cus_K1 with it: the member
    list's M-101 row with that address shows them to be one). A name or address the sheet
    gives twice finds no one. So does one client known by its number alone (an appointments
    export's) holding the row's number (``phones``); with ``numbers_only`` (an events
    sheet's rows), only that one."""
    if not matched or not _has_clients(db):
        return {}
    by_names = not numbers_only and "name_key" in rows and _has_name_only_clients(db)
    by_numbers = phones is not None and _has_phone_keyed_clients(db)
    keyed_by_address = not numbers_only and "email" in rows and _has_email_keyed_clients(db)
    without_address = not numbers_only and "email" in rows and db.execute(
        "SELECT 1 FROM clients WHERE email IS NULL LIMIT 1").fetchone() is not None
    by_addresses = keyed_by_address or without_address
    if not matched or not (by_names or by_addresses or by_numbers):
        return {}
    survivor = pd.Series(rows["client_key"].to_numpy(dtype=object), index=rows.index).map(
        matched)                                  # (one map of plain objects, not isin)
    numbers = pd.Series(None, index=rows.index, dtype=object)
    if by_numbers and "phone" in rows:            # (a number the sheet gives twice: no one's)
        numbers = phones.keys(rows["phone"])
        numbers = numbers.where(~numbers.duplicated(keep=False))[survivor.notna()]
    rows, survivor = rows[survivor.notna()], survivor[survivor.notna()].astype(np.int64)
    hit = pd.Series(False, index=rows.index)
    names = emails = pd.Series(None, index=rows.index, dtype=object)
    by_name, by_address = {}, {}
    if by_names:
        names = rows["name_key"].where(~rows["name_key"].duplicated(keep=False))
        by_name = _existing_ids(db, "clients", "client_key",
                                [f"name:{n}" for n in names.dropna()])
        by_name.update(_name_only_loosely(db, names[~values.isin(("name:" + names), by_name)]))
        hit |= values.isin(("name:" + names), by_name)
    if by_addresses:
        emails = _addresses(rows["email"])
        emails = emails.where(~emails.duplicated(keep=False))
        keyed = set(emails.dropna()) if keyed_by_address else set()
        bare = (set(emails.where(values.isin(survivor, _without_email(
            db, survivor[emails.notna()]))).dropna()) if without_address else set())
        by_address = {email: client for email, (client, key) in _sole_holders(
            db, pd.Series(sorted(keyed | bare), dtype=object)).items()
            if (key.startswith("id:") and values.mailbox(key[3:]) == values.mailbox(email))
            or email in bare}
        hit |= values.isin(emails, by_address)
    numbers = numbers.reindex(rows.index)
    by_number = {}
    if by_numbers:
        held = phones.holders(numbers)
        held = held[held["holders"].eq(1) & held["client_key"].str.startswith(PHONE_KEY)]
        by_number = dict(zip(held["phone_key"], held["id"].astype(int)))
        hit |= values.isin(numbers, by_number)
    pairs: dict[int, tuple[int, object, object, bool]] = {}
    taken = set(matched.values())
    named = rows["name_key"] if "name_key" in rows else names
    for client, name, once, email, number in zip(survivor[hit], named[hit], names[hit],
                                                 emails[hit], numbers[hit]):
        for other, by_its_name in ((by_name.get(f"name:{once}"), True),
                                   (by_address.get(email), False),
                                   (by_number.get(number), False)):
            if other is not None and other not in taken and other not in pairs:
                pairs[other] = (int(client), name, email, by_its_name)
    return pairs


def _name_only_loosely(db: Database, names: pd.Series) -> dict:
    """"name:<key>" -> id for name keys that are, loosely (``loose_name_keys``), the name
    of exactly one client, one known by name alone, and of no other of these names: an
    invoice list's "Meridian Health Ltd" for a contact list's "Meridian Health"."""
    names = names.dropna()
    if not len(names):
        return {}
    loose = dict(zip(names, loose_name_keys(names.tolist()).to_pylist()))
    stored = _loose_candidates(db, sorted({k for k in loose.values() if k}))
    if not len(stored):
        return {}
    stored["loose"] = loose_name_keys(stored["name_key"].tolist()).to_pylist()
    stored = stored[stored["loose"].notna() & ~stored["loose"].duplicated(keep=False)
                    & stored["name_only"].astype(bool)].set_index("loose")["id"]
    twice = {key for key, n in pd.Series(list(loose.values())).value_counts().items() if n > 1}
    return {f"name:{name}": int(stored[key]) for name, key in loose.items()
            if key in stored and key not in twice}


def _same_name(stored_key: object, name: object) -> bool:
    """Whether a stored client's name key is ``name``'s key, or is it loosely."""
    if stored_key == name:
        return True
    if stored_key is None or name is None:
        return False
    first, second = loose_name_keys([stored_key, name]).to_pylist()
    return first is not None and first == second


def _without_email(db: Database, clients: pd.Series) -> set[int]:
    """Those of these clients that hold no e-mail address."""
    if not len(clients):
        return set()
    return {i for (i,) in db.execute(
        "SELECT t.id FROM json_each(?) AS k JOIN clients AS t ON t.id = k.value "
        "WHERE t.email IS NULL", [json.dumps([int(i) for i in clients])]).fetchall()}


def _join_same_people(db: Database, pairs: dict, import_id: int,
                      notes: list[str] | None) -> list[int]:
    """Join each pair of ``_people_twice`` once this list's rows are saved: the other
    client's events move to the matched one, which takes the other's values where it has
    none, and the other goes; undoing this import separates them again
    (``journal.JOINED``). Not joined: another client whose e-mail or name differs from the
    row's (a name that says less, "Dan" of "Dan Moss", found by the same address is not
    another), one found by its name when a third client also has that name (an address found
    decides alone), or one set in a persona by hand. Returns the clients that took others
    in."""
    if not pairs:
        return []
    stored = _fetch_before(db, "clients", [*pairs, *(s for s, *_ in pairs.values())])
    assigned = {r[0] for r in db.execute(
        "SELECT client_ref FROM persona_assignments WHERE client_ref IN "
        "(SELECT value FROM json_each(?))", [json.dumps(list(pairs))]).fetchall()}
    namesakes = _name_counts(db, [n for _, n, _, _ in pairs.values() if n is not None])
    joined, survivors = [], set()
    for other, (survivor, name, email, by_its_name) in pairs.items():
        if survivor in survivors:       # (it took one in already: as it is now)
            stored[survivor] = _fetch_before(db, "clients", [survivor])[survivor]
        them, us = stored[other], stored[survivor]
        theirs, ours, given = (None if e is None else values.mailbox(str(e).strip().lower())
                               for e in (them["email"], us["email"], email))
        if (other in assigned
                or theirs not in (None, given or ours) or (ours and theirs not in (None, ours))
                or (them["name_key"] is not None and not _same_name(them["name_key"], name)
                    and not (email and gives_way_to(them["name_key"], name)))
                or (by_its_name and namesakes.get(them["name_key"], 0)
                    > 1 + (us["name_key"] == them["name_key"]))):
            continue
        survivors.add(survivor)
        _join(db, survivor, other, us, them, import_id)
        joined.append((survivor, them["name"] or us["name"]))
    if joined and notes is not None:
        notes.append(f"{counted(len(joined), 'client')} that earlier imports brought in twice "
                     "(once by name, once by e-mail, ID or phone number) joined as one, as this sheet "
                     "shows them to be (" + listed([f"'{n}'" for _, n in joined], 3)
                     + "); undoing this import separates them again.")
    return [survivor for survivor, _ in joined]


_KEPT_APART = "kept apart, as nothing but the name says they are one person."


def _say_namesakes_kept_apart(db: Database, new: pd.DataFrame,
                              notes: list[str] | None) -> None:
    """Tell (in ``notes``) which new clients under an ID or e-mail address of their own
    have the name of a client already here: kept apart, as nothing but the name says they
    are one person (Ana Costa writing from her work address, a Square customer named as a
    loyalty member is). Name-only rows are told of where they are matched."""
    if notes is None or "name_key" not in new or not len(new) or not _has_clients(db):
        return
    own = new[new["client_key"].str.startswith("id:", na=False) & new["name_key"].notna()]
    if not len(own):
        return
    held = {key for (key,) in db.execute(
        "SELECT DISTINCT name_key FROM clients WHERE name_key IN (SELECT value FROM "
        "json_each(?))", [json.dumps(sorted(set(own["name_key"])))]).fetchall()}
    named = own.loc[values.isin(own["name_key"], held), "name"].astype(str)
    if len(named):
        notes.append(f"{counted(len(named), 'new client')} under an ID or e-mail address of "
                     f"{'its' if len(named) == 1 else 'their'} own "
                     f"{'has' if len(named) == 1 else 'have'} the name of a client already "
                     "here (" + listed([f"'{n}'" for n in named], 3) + "): " + _KEPT_APART)


def _name_counts(db: Database, keys: list[str]) -> dict[str, int]:
    """How many clients have each of these name keys."""
    return dict(db.execute("SELECT name_key, COUNT(*) FROM clients WHERE name_key IN "
                           "(SELECT value FROM json_each(?)) GROUP BY name_key",
                           [json.dumps(keys)]).fetchall())


def _join(db: Database, survivor: int, other: int, us: dict, them: dict,
          import_id: int) -> None:
    """Move ``other``'s events to ``survivor``, fill the survivor's empty fields with the
    other's values and delete the other, recording each step for undo."""
    events = [i for (i,) in db.execute("SELECT id FROM events WHERE client_ref = ?",
                                       [other]).fetchall()]
    if events:
        before = _fetch_before(db, "events", events)
        moved = json.dumps({"client_ref": survivor})
        record_changes(db, [(import_id, "events", i, encode_image(before[i]), moved)
                            for i in events])
        db.execute("UPDATE events SET client_ref = ? WHERE client_ref = ?", [survivor, other])
    filled = {c: v for c, v in them.items() if v is not None and us.get(c) is None
              and c not in BOOKKEEPING and c not in ("client_key", "name_key")}
    if filled:
        record_changes(db, [(import_id, "clients", survivor, encode_image(us),
                             json.dumps(list(filled)))])
        db.execute(f"UPDATE clients SET {', '.join(f'[{c}] = ?' for c in filled)}, "
                   "updated_at = datetime('now') WHERE id = ?", [*filled.values(), survivor])
    record_changes(db, [(import_id, "clients", other, encode_image(them), JOINED)])
    db.execute("DELETE FROM clients WHERE id = ?", [other])


def _addresses(column: pd.Series) -> pd.Series:
    """E-mail addresses as clients are matched by them: trimmed, lower case (None kept)."""
    return column.astype(str).str.strip().str.lower().where(column.notna())


# A stored address as one mailbox (``values.mailbox``): lower case, trimmed, "+tag" left out.
_ADDRESS_SQL = "lower(trim(email))"
_MAILBOX_SQL = (f"CASE WHEN instr({_ADDRESS_SQL}, '+') > 1 AND instr({_ADDRESS_SQL}, '+') < "
                f"instr({_ADDRESS_SQL}, '@') THEN substr({_ADDRESS_SQL}, 1, "
                f"instr({_ADDRESS_SQL}, '+') - 1) || substr({_ADDRESS_SQL}, "
                f"instr({_ADDRESS_SQL}, '@')) ELSE {_ADDRESS_SQL} END")


def _sole_holders(db: Database, emails: pd.Series) -> dict[str, tuple[int, str]]:
    """address -> (id, client_key) of the one client that holds each of these addresses
    (``_addresses``; case, spaces and a "+tag" ignored: ``values.mailbox``); an address two
    clients hold is no one's."""
    boxes = {email: values.mailbox(email) for email in set(emails.dropna())}
    held = {box: (client, key) for box, client, key, count in db.execute(
        f"SELECT {_MAILBOX_SQL}, MIN(id), MIN(client_key), COUNT(*) FROM clients "
        f"WHERE email IS NOT NULL AND {_MAILBOX_SQL} IN (SELECT value FROM json_each(?)) "
        "GROUP BY 1", [json.dumps(sorted(set(boxes.values())))]).fetchall() if count == 1}
    return {email: held[box] for email, box in boxes.items() if box in held}


# --- phone numbers --------------------------------------------------------------------------

PHONE_KEY = "phone:"        # the key of a client known by its number alone (an appointment)
# Rows naming no one, at least this many, that all give one number: it is the business's.
_BUSINESS_NUMBER_ROWS = 3


# A stored number's digits in SQL, the usual separators left out ("07700 900-123").
_PHONE_DIGITS_SQL = ("replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), "
                     "'.', ''), '(', ''), ')', ''), '/', '')")


class _Phones:
    """Phone numbers read one way for one sheet (``values.phone_keys``): in the workspace's
    country, else in the country most numbers written with a calling code give, on the
    sheet and among the clients here (``values.said_country``). The clients' numbers are
    read once, when first needed, and only those of clients that have one."""

    def __init__(self, db: Database, given: pd.Series | None) -> None:
        self.db = db
        self.given = given
        self._country: tuple | None | bool = False
        self._held: pd.DataFrame | None = None
        self._asked: set = set()

    @property
    def country(self) -> tuple[str, str] | None:
        if self._country is False:
            said = values.phone_country(get_setting(self.db, "country"))
            if said is None:
                numbers = pd.Series([p for (p,) in self.db.execute(
                    "SELECT phone FROM clients WHERE phone LIKE '+%' OR phone LIKE '00%'")],
                    dtype=object)
                if self.given is not None:
                    numbers = pd.concat([self.given.astype(object), numbers], ignore_index=True)
                said = values.said_country(numbers) if len(numbers) else None
            self._country = said
        return self._country

    def keys(self, column: pd.Series) -> pd.Series:
        return values.phone_keys(column, self.country)

    def holders(self, keys: pd.Series) -> pd.DataFrame:
        """The clients holding each of these numbers (keys): phone_key, id, client_key,
        name_key, holders (how many clients hold the number)."""
        if self._held is None:
            # Only the clients whose number ends as one of these does (its last six digits,
            # spaces, dashes, dots and brackets aside) or has other characters in it (an
            # extension, a remark) can hold one: read through a scan in SQL, not in Python.
            ends = sorted({k[-6:] for k in keys.dropna()})
            stored = pd.DataFrame(self.db.execute(
                f"SELECT id, client_key, name_key, phone FROM clients WHERE phone IS NOT NULL "
                f"AND (substr({_PHONE_DIGITS_SQL}, -6) IN (SELECT value FROM json_each(?)) "
                "OR phone GLOB '*[^0-9 ()+./-]*')", [json.dumps(ends)]).fetchall(),
                columns=["id", "client_key", "name_key", "phone"])
            stored["phone_key"] = self.keys(stored["phone"]) if len(stored) else []
            stored = stored[stored["phone_key"].notna()]
            stored["holders"] = stored.groupby("phone_key")["id"].transform("size")
            self._held = stored.drop(columns="phone")
            self._asked = set(keys.dropna())
        elif not set(keys.dropna()) <= self._asked:
            self._held = None                   # (numbers not asked about before: again)
            return self.holders(keys)
        return self._held[values.isin(self._held["phone_key"], keys.dropna())]


def _phone_rows(rows: pd.DataFrame, phones: _Phones, rest: pd.Series,
                numbers: pd.Series | None = None) -> pd.DataFrame:
    """The ``rest`` rows with a number: client_key, name_key, phone_key; a number the sheet
    gives to clients of different names (a family's, an office's) is left out.
    ``numbers``: the rows' numbers, read already."""
    keys = phones.keys(rows.loc[rest, "phone"]) if numbers is None else numbers[rest]
    keys = keys[keys.notna()]
    if "name_key" in rows:
        names = rows.loc[keys.index, "name_key"]
    elif "name" in rows:
        names = pd.Series(name_keys(rows.loc[keys.index, "name"]), index=keys.index, dtype=object)
    else:
        names = pd.Series(None, index=keys.index, dtype=object)
    found = pd.DataFrame({"client_key": rows.loc[keys.index, "client_key"], "name_key": names,
                          "phone_key": keys})
    people = found.groupby("phone_key")["name_key"].transform("nunique")
    return found[people <= 1]


def _first_words(keys: pd.Series) -> pd.Series:
    """A name key's first word, accents and dots left out (None for None)."""
    loose = pd.Series(loose_name_keys(keys.astype(object).where(keys.notna(), None).tolist())
                      .to_pylist(), index=keys.index, dtype=object)
    return loose.str.split(" ").str[0]


def _by_phone(db: Database, rows: pd.DataFrame, rest: pd.Series, phones: _Phones,
              notes: list[str] | None, numbers: pd.Series | None = None) -> pd.DataFrame:
    """The ``rest`` rows whose number exactly one client holds and whose name (if both are
    named) has the holder's first name: client_key, id and the holder's key. A number two
    clients hold (a shared landline) is no one's, nor one held by a client of another
    first name (a parent's phone booking a child); ``notes`` says so."""
    if "phone" not in rows or not rest.any():
        return pd.DataFrame(columns=["client_key", "id", "held_by"])
    found = _phone_rows(rows, phones, rest, numbers)
    held = phones.holders(found["phone_key"]).drop_duplicates("phone_key")
    found = found.merge(held.rename(columns={"name_key": "holder_name", "client_key": "held_by"}),
                        on="phone_key", how="inner")
    shared = found[found["holders"] > 1]
    other = (found["holders"].eq(1) & found["name_key"].notna() & found["holder_name"].notna()
             & _first_words(found["name_key"]).ne(_first_words(found["holder_name"])))
    if notes is not None and len(shared):
        notes.append(f"{counted(shared['phone_key'].nunique(), 'phone number')} on this sheet "
                     f"{'is' if shared['phone_key'].nunique() == 1 else 'are'} held by more "
                     "than one client (a shared landline, a family's phone): the rows were not "
                     "matched to any of them by it.")
    if notes is not None and other.any():
        notes.append(f"{counted(int(other.sum()), 'row')} gave the number of a client of "
                     "another name (" + listed([f"'{n}'" for n in rows.set_index("client_key")
                                                .loc[found.loc[other, "client_key"], "name"]
                                                .astype(str)], 3)
                     + "): not matched to that client by it, as a number may be a family's.")
    return found.loc[found["holders"].eq(1) & ~other, ["client_key", "id", "held_by"]]


def _has_phone_keyed_clients(db: Database) -> bool:
    """Whether any client is known by its number alone (keys "phone:...")."""
    return db.execute("SELECT 1 FROM clients WHERE client_key >= 'phone:' "
                      "AND client_key < 'phone;' LIMIT 1").fetchone() is not None


def _has_clients(db: Database) -> bool:
    """Whether clients are here to match a sheet's rows against: while a sheet is saved,
    clients earlier imports brought (those its own earlier parts added are its rows, not
    others': a 500,000-row tracker read in 26 parts matched none of them, but looked for
    e-mails, numbers and names among them 25 times, 20 s of CPU)."""
    earlier = _EARLIER_CLIENTS.get(id(db.conn))
    if earlier is not None:
        return earlier > 0
    return db.execute("SELECT 1 FROM clients LIMIT 1").fetchone() is not None


# The largest client id when the sheet being saved began, by connection (_save_sheet).
_EARLIER_CLIENTS: dict[int, int] = {}


def _has_email_keyed_clients(db: Database) -> bool:
    """Whether any client is keyed by an e-mail address ("id:ann@x.com": orders by e-mail)."""
    return db.execute("SELECT 1 FROM clients WHERE client_key >= 'id:' AND client_key < 'id;' "
                      "AND instr(client_key, '@') LIMIT 1").fetchone() is not None


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


_UPDATE_ROWS = 20_000      # rows updated at a time: their before-images held at once


def _update_rows(db: Database, table: str, ids: list[int], rows: pd.DataFrame,
                 columns: list[str], import_id: int, only_filled: bool | set[str] = False,
                 gave: pd.DataFrame | None = None) -> int:
    """Update rows by id (returns how many changed), recording for undo each row's
    before-image of the columns the import writes (and its time) and those columns (a
    list: the values are in the row).
    A row that would not change is not written (a tracker imported again leaves its
    unchanged clients and their times alone), but is recorded all the same: the import
    holds its values, so undoing an earlier one keeps them.

    Extra columns are merged into the row's existing extras. With ``only_filled``,
    empty cells leave the stored value alone (profile fields from an events sheet); or
    those of the columns it names (a tags sheet's status where it says nothing), and
    such a cell is no column the import wrote.
    ``gave`` (clients; ``rows``' index): the values each row gave that the stored ones
    outranked or that the update leaves out (a name kept, the client ID an order's e-mail
    gave, the key it was matched under; empty: none). The record's list then ends with
    them as a dict (``journal.GIVEN``), so that undoing an earlier import leaves the client
    as this import alone would have made it.
    """
    if not ids:
        return 0
    present, records = _records(rows, columns)
    given = None if gave is None else [
        {c: v for c, v in zip(gave.columns, values) if v is not None}
        for values in (zip(*map(_cells, (gave[c] for c in gave.columns))) if len(gave.columns)
                       else [()] * len(gave))]
    before_columns = [*present, *([] if gave is None else gave.columns), "updated_at",
                      "import_id"]
    filled_only = set(present) if only_filled is True else set(only_filled or ())
    kept_when_empty = {EXTRA} | filled_only
    # which cells are empty -> the columns written, JSON: alone, and ending with no GIVEN
    carried: dict[tuple, tuple[str, str]] = {}
    sets, differs = [], []
    for at, column in enumerate(present, start=1):
        if column == EXTRA:
            value = (f"CASE WHEN ?{at} IS NULL THEN extra WHEN extra IS NULL THEN ?{at} "
                     f"ELSE json_patch(extra, ?{at}) END")
            differs.append(f"json(extra) IS NOT json({value})")
        elif column in filled_only:
            value = f"COALESCE(?{at}, [{column}])"
            differs.append(f"(?{at} IS NOT NULL AND [{column}] IS NOT ?{at})")
        else:
            value = f"?{at}"
            differs.append(f"[{column}] IS NOT ?{at}")
        sets.append(f"[{column}] = {value}")
    if table == "clients":
        sets.append("updated_at = datetime('now')")
    update = (f"UPDATE [{table}] SET {', '.join(sets)} WHERE id = ?{len(present) + 1} "
              f"AND ({' OR '.join(differs)})")
    written = 0
    for start in range(0, len(ids), _UPDATE_ROWS):       # (the images a part at a time)
        part = list(zip(ids[start:start + _UPDATE_ROWS], records[start:start + _UPDATE_ROWS]))
        before = _fetch_before(db, table, [row_id for row_id, _ in part], before_columns)
        changes = []
        for at, (row_id, record) in enumerate(part, start=start):
            image = before[row_id]
            if image.get("import_id") == import_id:
                continue    # (a row this import added, in an earlier part of a sheet read
                #             in parts, goes whole when it is undone: nothing to put back)
            empty = tuple(v is None for v in record)
            if empty not in carried:
                listed = [c for c, none in zip(present, empty)
                          if not none or c not in kept_when_empty]
                carried[empty] = (json.dumps(listed), json.dumps([*listed, {}]))
            alone, none_given = carried[empty]
            after = (alone if given is None else none_given if not given[at]
                     else encode_image([*json.loads(alone), given[at]]))
            changes.append((import_id, table, row_id, encode_image(image), after))
        record_changes(db, changes)
        if not present:
            continue        # (it gave only what ``gave`` holds: recorded, nothing written)
        changed_before = db.conn.total_changes
        db.conn.executemany(update, [(*record, row_id) for row_id, record in part])
        written += db.conn.total_changes - changed_before
    return written


def _fetch_before(db: Database, table: str, ids: list[int],
                  columns: list[str] | None = None) -> dict[int, dict]:
    """Each row's stored columns (or those of ``columns`` that are stored) by id (one
    query, the ids as JSON)."""
    stored = stored_columns(db, table)
    columns = stored if columns is None else ["id", *(c for c in stored if c in columns)]
    cursor = db.execute(f"SELECT {', '.join(f't.[{c}]' for c in columns)} FROM "
                        f"json_each(?) AS k JOIN [{table}] AS t ON t.id = k.value",
                        [json.dumps([int(i) for i in ids])])
    return {row[0]: dict(zip(columns, row)) for row in cursor.fetchall()}


def _by_number(keys: list, rows: pd.DataFrame, phones: _Phones | None,
               notes: list[str] | None = None, business: bool = False) -> list:
    """Rows with neither an ID nor a name are their phone number's (PHONE_KEY), where they
    have one: an appointment's, a phone list's. With ``business`` (events), one number on
    every such row is the business's own (a log of sales with the shop's number): no
    client's, the rows stay no one's."""
    keyless = np.flatnonzero(pd.isna(np.array(keys, dtype=object))) if phones else []
    if not len(keyless):
        return keys
    numbers = phones.keys(rows["phone"].iloc[keyless])
    if business and _BUSINESS_NUMBER_ROWS <= len(keyless) == numbers.notna().sum() and (
            numbers.nunique() == 1):
        numbers = pd.Series(None, index=numbers.index, dtype=object)
        if notes is not None:
            notes.append(f"'{rows['phone'].iloc[keyless[0]]}' is the only phone number, "
                         f"on all {len(keyless):,} rows that name no one: the business's "
                         "own, not a client's; no client was made of it.")
    keys = np.array(keys, dtype=object)
    keys[keyless] = (PHONE_KEY + numbers).where(numbers.notna(), None).to_numpy()
    return keys.tolist()


def _save_events(db: Database, rows: pd.DataFrame, import_id: int,
                 indexes: _SetAside | None = None, seen: _Seen | None = None,
                 notes: list[str] | None = None):
    """Insert events and link them to clients. An event is identified by its order (see
    ``_event_keys``): an order listed again with new values (fulfilled since, its amount
    corrected) is updated, not added twice, and ``notes`` says how many were. Other events
    are identified by their content. Returns inserted, already there, the clients touched
    and, of those already there, the events left as they were."""
    n = len(rows)
    phones = _Phones(db, rows["phone"]) if "phone" in rows else None
    keys = _by_number(client_keys(rows.get("client_id"), rows.get("name"), n), rows, phones,
                      notes, business=True)
    keys = _loose_names_as_one(keys)
    if "name" in rows:
        rows = rows.assign(name=_best_written_names(rows["name"], keys))
    refs = _client_refs(db, rows, keys, import_id, notes, phones)
    rows = rows.assign(client_ref=refs)
    event_columns = ["client_ref", *[c for c in EVENT_COLUMNS if c in rows], EXTRA]
    present = [c for c in event_columns if c in rows]
    rows = rows.assign(row_key=_event_keys(rows, present, seen))
    _, records = _records(rows, [*present, "row_key"])
    if indexes is not None:
        indexes.before_write("events", len(records))
    moved = _update_orders(db, rows, present, records, import_id)
    if moved and notes is not None:
        notes.append(f"{counted(len(moved), 'event')} of orders imported before had changed "
                     "since (a status, an amount): the new values replace the old ones, and "
                     "undoing this import puts the old ones back.")
    before = db.execute("SELECT total_changes()").fetchone()[0]
    db.conn.executemany(
        f"INSERT INTO events({', '.join(f'[{c}]' for c in present)}, row_key, import_id) "
        f"VALUES ({', '.join('?' * (len(present) + 1))}, {int(import_id)}) "
        "ON CONFLICT(row_key) DO NOTHING", records)
    inserted = db.execute("SELECT total_changes()").fetchone()[0] - before
    if inserted < n:
        record_held_events(db, import_id, [record[-1] for record in records])
    touched = sorted({r for r in [*refs, *moved] if r is not None})
    # Of the events already there, those this sheet gave no new value (the rest: ``moved``).
    return inserted, n - inserted, touched, n - inserted - len(moved)


# An event's key when it is identified by its order: ORDER_KEY, its kind, its order ID and
# its place among the events of that kind and order in the sheet ("order:purchase:#1001:0").
ORDER_KEY = "order:"
# A step a client list dated (rules.client_lists.steps_taken): under ORDER_KEY, so listed
# again with another day it is updated, as an order is.
STEP_KEY = ORDER_KEY + "stage_change:step:"


def _best_written_names(names: pd.Series, keys: list) -> pd.Series:
    """An events sheet's names, each client known by name written the best way the sheet
    writes it (``best_written``: "💪 Sam Green" and "sam green" are "Sam Green"), whatever
    the rows' order."""
    found = pd.DataFrame({"key": keys, "name": names.to_numpy(dtype=object)},
                         index=names.index).dropna()
    found = found[found["key"].astype(str).str.startswith("name:")]
    spellings = found.groupby("key", sort=False)["name"].agg(lambda n: list(dict.fromkeys(n)))
    spellings = spellings[spellings.map(len) > 1]
    if spellings.empty:
        return names
    best = found["key"].map(spellings.map(best_written)).dropna()
    return names.astype(object).where(~names.index.isin(best.index),
                                      best.reindex(names.index))


def _loose_names_as_one(keys: list) -> list:
    """An events sheet's name-only keys that are one name loosely (``loose_name_keys``:
    "Harbour Coffee Company" and "Harbour Coffee Co.", "Quarry Labs Ltd" and "Quarry Labs")
    as the first of them: one client, as a stored client's name matches them both."""
    named = sorted({k for k in keys if k is not None and k.startswith("name:")})
    if len(named) < 2:
        return keys
    loose = loose_name_keys([k[5:] for k in named]).to_pylist()
    if len(set(loose)) == len(named):
        return keys
    by_loose, first = dict(zip(named, loose)), {}
    for key in dict.fromkeys(k for k in keys if k in by_loose):     # (in the sheet's order)
        first.setdefault(by_loose[key], key)
    return [first[by_loose[k]] if k in by_loose else k for k in keys]


def _event_keys(rows: pd.DataFrame, columns: list[str], seen: _Seen | None = None) -> list[str]:
    """A key per event; the n-th event of the same identity gets its own key (counted
    across the parts of a sheet read in parts with ``seen``).

    An event of a sheet whose order IDs identify its events (``_orders_identify``) is
    identified by its kind and order; any other by its content: two independent 64-bit
    row hashes (pandas, vectorised) make collisions negligible.
    """
    identity = _content_keys(rows[[c for c in columns if c != "client_ref"]])
    if VISIT_SALE in rows:
        # (a client list's fee paid on the last visit's day: its client and day, whatever
        # the fee, so a fee corrected later is updated, not added as a second sale)
        who = _content_keys(rows[[c for c in columns if c not in ("client_ref", "amount")]])
        identity = identity.where(~rows[VISIT_SALE].fillna(False).to_numpy(dtype=bool),
                                  VISIT_SALE_KEY + who)
    if STEP_TAKEN in rows:
        # (a client list's step taken on a day: its client and stage, whatever the day)
        who = _content_keys(rows[[c for c in columns if c not in ("client_ref", "date")]])
        identity = identity.where(~rows[STEP_TAKEN].fillna(False).to_numpy(dtype=bool),
                                  STEP_KEY + who)
    if _orders_identify(rows):
        order = rows["order_id"].reset_index(drop=True)
        kind = rows["kind"].reset_index(drop=True).fillna("").astype(str)
        identity = identity.where(order.isna(), ORDER_KEY + kind + ":" + order.astype(str))
    occurrences = identity.groupby(identity, sort=False).cumcount()
    if seen is not None:
        occurrences = occurrences + seen.before(identity)
    return [f"{d}:{n}" for d, n in zip(identity.tolist(), occurrences.tolist())]


def _content_keys(content: pd.DataFrame) -> pd.Series:
    """Each row's identity by its content: two independent 64-bit hashes, as hex."""
    content = content.astype(object)
    content = content.where(content.notna(), None).astype(str)
    pair = np.empty((len(content), 2), dtype=">u8")     # big-endian: hex reads as the number
    pair[:, 0] = pd.util.hash_pandas_object(content, index=False, hash_key="journey-events-1")
    pair[:, 1] = pd.util.hash_pandas_object(content, index=False, hash_key="journey-events-2")
    text = pair.tobytes().hex()
    return pd.Series([text[start:start + 32] for start in range(0, len(text), 32)])


# Order IDs identify a sheet's events when there are at most this many events per order
# on average: an order list, invoices, payments. A column of a few repeated values ("paid",
# "sent") mapped as the order ID does not, and its events keep their content keys.
EVENTS_PER_ORDER = 5


def _orders_identify(rows: pd.DataFrame) -> bool:
    """Whether the sheet's order IDs identify its events (see EVENTS_PER_ORDER)."""
    if "order_id" not in rows or "kind" not in rows:
        return False
    orders = rows["order_id"].dropna()
    return len(orders) > 0 and EVENTS_PER_ORDER * orders.nunique() >= len(orders)


def _update_orders(db: Database, rows: pd.DataFrame, present: list[str], records: list[tuple],
                   import_id: int) -> list[int]:
    """Write the new values of events an earlier import brought that this sheet lists
    again by their order (``records``: ``present``'s values and the row key, in the order
    of ``rows``); empty cells leave a value alone, extras are merged; recorded for undo.
    Returns the clients the updated events belonged to before. The rows are compared in
    SQL (a temporary table of the sheet's ordered rows beside the events). An invoice's row
    that bills a job (``BILLS_A_JOB``) leaves the stored sale's date alone: the sale was
    made the day the job was done, whichever file came first."""
    ordered = [i for i, record in enumerate(records) if record[-1].startswith(ORDER_KEY)]
    if BILLS_A_JOB in rows and "date" in present and rows[BILLS_A_JOB].any():
        # (an invoice billing a job done before: the sale's day is the job's, kept)
        at, billing = present.index("date"), rows[BILLS_A_JOB].to_numpy()
        records = [(*r[:at], None, *r[at + 1:]) if bills else r
                   for r, bills in zip(records, billing)]
        rows = rows.assign(date=rows["date"].where(~rows[BILLS_A_JOB], None))
    if not ordered or db.execute("SELECT 1 FROM events WHERE row_key >= ? AND row_key < ? "
                                 "LIMIT 1", [ORDER_KEY, ORDER_KEY[:-1] + ";"]).fetchone() is None:
        return []
    names = [*present, "row_key"]
    db.execute("DROP TABLE IF EXISTS temp._again")
    db.execute("CREATE TEMP TABLE _again (position INTEGER PRIMARY KEY, "
               + ", ".join(f"[{c}]" for c in names) + ")")
    db.conn.executemany(f"INSERT INTO temp._again VALUES (?, {', '.join('?' * len(names))})",
                        ((i, *records[i]) for i in ordered))
    differs = [f"(a.[{c}] IS NOT NULL AND a.[{c}] IS NOT e.[{c}])" for c in present if c != EXTRA]
    if EXTRA in present:
        differs.append("(a.extra IS NOT NULL AND json(json_patch(COALESCE(e.extra, '{}'), "
                       "a.extra)) IS NOT json(COALESCE(e.extra, '{}')))")
    changed = db.execute(
        "SELECT a.position, e.id, e.client_ref FROM temp._again a JOIN events e "
        f"ON e.row_key = a.row_key WHERE {' OR '.join(differs)} ORDER BY a.position").fetchall()
    db.execute("DROP TABLE temp._again")
    if changed:
        _update_rows(db, "events", [row_id for _, row_id, _ in changed],
                     rows.iloc[[position for position, _, _ in changed]], present, import_id,
                     only_filled=True)
    return [client for _, _, client in changed]


class _Seen:
    """How many events of each identity the parts before of a sheet read in parts had:
    the n-th event of the same identity gets its own key, whichever part it is in."""

    def __init__(self) -> None:
        self.counts = pd.Series(dtype="int64")      # identity -> rows

    def before(self, identities: pd.Series) -> np.ndarray:
        """The rows of each identity in the parts before, and count these in."""
        earlier = self.counts.reindex(identities.to_numpy()).fillna(0).to_numpy(dtype="int64")
        self.counts = self.counts.add(identities.value_counts(), fill_value=0).astype("int64")
        return earlier


def _client_refs(db: Database, rows: pd.DataFrame, keys: list, import_id: int,
                 notes: list[str] | None = None, phones: _Phones | None = None) -> list:
    """The client id of each event row, creating clients that are not known yet (a row
    whose ID or name is not known may still be a known client: ``_match_unknown``).

    Profile fields on the rows (a customer's name or segment) update the client.
    """
    profile = [c for c in ("client_id", *sorted(PROFILE_FIELDS)) if c in rows]
    frame = rows.assign(client_key=keys)
    known = frame[frame["client_key"].notna()]
    latest = known.drop_duplicates("client_key", keep="last")
    if profile and len(latest) < len(known) and known[profile].isna().any().any():
        # A client's later row with a blank name (an order's second line) keeps the name
        # its earlier rows gave: each field's last value given.
        given = known.groupby("client_key", sort=False)[profile].last()
        latest = latest.assign(**{c: given[c].reindex(latest["client_key"]).to_numpy()
                                  for c in profile})
    existing = _existing_ids(db, "clients", "client_key", latest["client_key"].tolist())
    by_name = _match_unknown(db, latest, existing, notes, phones)
    existing.update(by_name)
    twice = (_people_twice(db, latest.assign(name_key=name_keys(latest["name"])) if "name" in
                           latest else latest, existing, phones, numbers_only=True)
             if phones is not None else {})
    new = latest[~values.isin(latest["client_key"], existing)]
    new = new.assign(name_key=name_keys(new["name"]) if "name" in new else [None] * len(new))
    if notes is not None and "name" in new:
        notes += _initials_alike(db, new["name"], new["name_key"])
    _say_namesakes_kept_apart(db, new, notes)
    columns = ["client_key", "name_key", *profile]
    present, records = _records(new, columns)
    _insert_event_clients(db, present, records, import_id)
    old = latest[values.isin(latest["client_key"], existing)]
    fields = [c for c in profile if c != "client_id"]
    if profile and len(old):
        updates = _profile_updates(db, old, existing, fields)
        if "name" in fields:        # (a name filled in: its key, that names match it by)
            updates, fields = updates.assign(name_key=name_keys(updates["name"])), [
                *fields, "name_key"]
        _update_rows(db, "clients", [existing[k] for k in updates["client_key"]], updates,
                     fields, import_id, only_filled=True,
                     gave=_given_not_written(old, updates, by_name))
    _join_same_people(db, twice, import_id, notes)
    all_ids = _existing_ids(db, "clients", "client_key", latest["client_key"].tolist())
    all_ids.update(by_name)
    return [all_ids.get(k) if k else None for k in keys]


# A person's name with the surname cut to its initial ("priya s.", a name key), and one
# written in full ("priya shah", "anne o'neil"): letters only ("client 3" is no initial of
# "client 32"); the first name and the initial are compared.
_INITIALLED = re.compile(r"^([^\W\d_]{2,}) ([^\W\d_])\.?$")
_IN_FULL = re.compile(r"^([^\W\d_]{2,}) ([^\W\d_])(?:[^\W\d_]|['\u2019-])*[^\W\d_]$")
# A first name alone ("grace"), as a reviewer may sign.
_FIRST_NAME_ALONE = re.compile(r"^[^\W\d_]{2,}$")
# At most this many new initialled names are looked up among the stored clients.
INITIALLED_LOOKED_UP = 200


def _initials_alike(db: Database, names: pd.Series, keys: pd.Series) -> list[str]:
    """New clients' names (and their name keys) that are another client's with the surname
    cut to its initial ("Priya S." beside "Priya Shah"), among themselves or with the
    clients already here. They are not merged (an initial may be someone else's), but the
    import says so. Only names of two words are looked at (found in pyarrow: a list of
    100,000 businesses costs a few milliseconds)."""
    two_words = pc.fill_null(pc.match_substring_regex(
        pa.array(keys.to_numpy(dtype=object), pa.string(), from_pandas=True),
        r"^[^\s\d]{2,} [^\s\d]+$"), False)
    at = np.flatnonzero(two_words.to_numpy(zero_copy_only=False))
    new = {key: str(name) for key, name in zip(keys.iloc[at], names.iloc[at]) if key}
    short = {key: m[1] + " " + m[2] for key in new if (m := _INITIALLED.match(key))}
    full = {key: m[1] + " " + m[2] for key in new if (m := _IN_FULL.match(key))}
    by_initial: dict[str, list[str]] = {}
    for key, initial in short.items():
        by_initial.setdefault(initial, []).append(new[key])
    if full:                    # stored initialled names, for new ones written in full
        stored = db.execute("SELECT name, name_key FROM clients WHERE name_key GLOB '* ?' "
                            "OR name_key GLOB '* ?.'").fetchall()
        for name, key in stored:
            if (m := _INITIALLED.match(key or "")) and key not in new:
                by_initial.setdefault(m[1] + " " + m[2], []).append(name)
    pairs = [(new[f], n) for f, a in full.items() for n in by_initial.get(a, [])]
    for key, initial in list(short.items())[:INITIALLED_LOOKED_UP]:   # stored full names
        for name, stored_key in db.execute(
                "SELECT name, name_key FROM clients WHERE name_key > ? AND name_key < ?",
                [initial, initial + "\uffff"]).fetchall():
            if _IN_FULL.match(stored_key or "") and stored_key not in new:
                pairs.append((name, new[key]))
    if not pairs:
        return []
    shown = listed([f"'{a}' and '{b}'" for a, b in pairs], 3, "; ")
    return [f"{counted(len(pairs), 'pair')} of names may be one client written in full and "
            f"with the surname cut to its initial ({shown}): each was kept as a client of "
            "its own, as an initial may be someone else's; give them one spelling and "
            "import again if they are one client."]


def _insert_event_clients(db: Database, present: list[str], records: list[tuple],
                          import_id: int) -> None:
    """Insert the clients an event list names that are new (values for the ``present``
    columns), stamped with the import; the refresh after the import works out their
    figures, with their events."""
    db.conn.executemany(
        f"INSERT INTO clients({', '.join(f'[{c}]' for c in present)}, import_id, updated_at) "
        f"VALUES ({', '.join('?' * len(present))}, {int(import_id)}, datetime('now'))", records)


def _match_unknown(db: Database, latest: pd.DataFrame, existing: dict,
                   notes: list[str] | None = None, phones: _Phones | None = None) -> dict:
    """client_key -> id of known clients for an events sheet's keys that are not known
    themselves, in this order of trust: the same e-mail address (another system's ID for
    the same person: a Stripe customer, a tracker's row keyed by its e-mail), the same phone
    number (``_by_phone``: an appointments export by mobile), the same name
    (a name-only row, such as a review), the same name but for accents or the spelling of a
    legal form ("Cafe Luna", "Acme Limited"). Only a match to exactly one client counts:
    two clients of the same name are left apart and ``notes`` says so. Runs only where some
    keys are not known and the workspace has clients."""
    if not len(latest) or len(existing) == len(latest) or not _has_clients(db):
        return {}
    found = _ids_by_given_id(db, latest, existing)
    by_id = len(found)
    found.update(_ids_by_email(db, latest, existing | found))
    by_email = len(found) - by_id
    if phones is not None:
        rest = ~values.isin(latest["client_key"], existing | found) & latest["phone"].notna()
        matched = _by_phone(db, latest, rest, phones, notes)
        found.update(zip(matched["client_key"], matched["id"].astype(int)))
    said = ", ".join(f"{counted(n, 'client')} by {how}" for n, how in (
        (by_id, "the ID a client list gave"), (by_email, "e-mail"),
        (len(found) - by_id - by_email, "phone number")) if n)
    said = f" ({said})" if said else ""
    found.update(_ids_by_name(db, latest, existing | found, notes))
    loose = _ids_by_loose_name(db, latest, existing | found)
    found.update(loose)
    if found and notes is not None and (said or loose):
        notes.append(f"{counted(len(found), 'client')} on this sheet known under another ID or "
                     f"name matched to the clients already here{said}"
                     + (f"; {len(loose):,} by a name spelled with or without accents, with "
                        "'&' for 'and', with another spelling of its legal form, surname "
                        "first or with emoji or a remark in brackets beside it (" + listed(
                            [f"'{n}'" for n in latest.loc[latest['client_key'].isin(loose),
                                                          'name'].astype(str)], 3) + ")"
                        if loose else "") + ".")
    return found


def _ids_by_given_id(db: Database, latest: pd.DataFrame, known: dict) -> dict:
    """client_key -> id for rows whose ID is no client's key but is the ID a client list
    gave a client known under another (a member list's M001 on the Stripe customer it
    matched by e-mail, whose key stays cus_...), where exactly one client holds it."""
    missing = [k[3:] for k in latest["client_key"] if k not in known and k.startswith("id:")]
    if not missing or not db.execute(          # (no client holds an ID but its key's)
            "SELECT 1 FROM clients WHERE client_id IS NOT NULL AND "
            "client_key != 'id:' || lower(trim(client_id)) LIMIT 1").fetchone():
        return {}
    return {f"id:{given}": client for given, client, count in db.execute(
        "SELECT lower(trim(client_id)), MIN(id), COUNT(*) FROM clients "
        "WHERE client_id IS NOT NULL AND lower(trim(client_id)) IN "
        "(SELECT value FROM json_each(?)) GROUP BY 1", [json.dumps(missing)]).fetchall()
        if count == 1}


def _ids_by_email(db: Database, latest: pd.DataFrame, known: dict) -> dict:
    """client_key -> id for rows not known by their key whose e-mail address (case
    ignored) is that of exactly one client, and not shared on the sheet by clients of
    different names: an address given to two people (a family's, a firm's accounts@:
    Stripe's cus_1 John and cus_2 Mary Smith) is no one's in particular, so neither is
    matched by it (the same person under two customer IDs still is)."""
    if "email" not in latest:
        return {}
    given = _addresses(latest["email"])
    rest = ~values.isin(latest["client_key"], known) & given.notna()
    shared = given.duplicated(keep=False) & given.notna()
    if shared.any() and "name" in latest:      # (two of the sheet's clients: told apart?)
        names = pd.Series(name_keys(latest["name"]), index=latest.index)[shared]
        told_apart = names.groupby(given[shared]).nunique().loc[lambda n: n > 1].index
        rest &= ~values.isin(given, told_apart)
    if not rest.any():
        return {}
    rest, emails = latest[rest], given[rest]
    held = _sole_holders(db, emails)
    return {key: held[email][0] for key, email in zip(rest["client_key"], emails)
            if email in held}


def _ids_by_name(db: Database, latest: pd.DataFrame, existing: dict,
                 notes: list[str] | None = None) -> dict:
    """Name-only rows match a client that has an ID and the same name, if only one has
    it: a name two clients share (two Tom Reeds, told apart by their e-mails) is nobody's
    in particular, so its rows stay a client of their own (``notes`` says so)."""
    missing = [k for k in latest["client_key"] if k not in existing and k.startswith("name:")]
    if not missing:
        return {}
    held = db.execute("SELECT t.name_key, MIN(t.id), COUNT(*), MIN(t.name) FROM json_each(?) "
                      "AS k CROSS JOIN clients AS t ON t.name_key = k.value GROUP BY t.name_key",
                      [json.dumps([k[5:] for k in missing])]).fetchall()
    shared = [(name, count) for _, _, count, name in held if count > 1]
    if shared and notes is not None:
        notes.append(f"{counted(len(shared), 'name')} on this sheet "
                     + ("is" if len(shared) == 1 else "are") + " the name of more than one "
                     "client (" + listed([f"'{n}': {c}" for n, c in shared], 3)
                     + "): the rows were not given to any of them, and are kept as a client "
                     "of their own.")
    return {f"name:{key}": client for key, client, count, _ in held if count == 1}


def _ids_by_loose_name(db: Database, latest: pd.DataFrame, known: dict) -> dict:
    """client_key -> id for rows not known otherwise whose name, loosely
    (``loose_name_keys``), is that of exactly one client: a name-only row matches any such
    client; a row with an ID no client has matches one known by its name alone (a
    tracker's "Northwind Ltd" for Stripe's "Northwind Limited", cus_N1) when the sheet
    gives that name to this ID only. A stored name is read without a remark in brackets
    after it too. Only when some rows are left, and only the clients whose names can match
    are read (``_loose_candidates``)."""
    if "name" not in latest:
        return {}
    rest = latest[~values.isin(latest["client_key"], known) & latest["name"].notna()]
    if not len(rest):
        return {}
    by_id = rest["client_key"].str.startswith("id:").to_numpy()
    if by_id.all() and not _has_name_only_clients(db):
        return {}
    loose = pd.Series(loose_name_keys(name_keys(rest["name"])).to_pylist(), index=rest.index)
    stored = _loose_candidates(db, sorted(set(loose.dropna())))
    if not len(stored):
        return {}
    # (a stored name's remark in brackets left out: "Jo Black (moved to Tues)" is the
    # "Jo Black" of a payment, when no other client is "Jo Black" but for its remark)
    stored["loose"] = loose_name_keys(stored["name_key"].tolist(), remarks=True).to_pylist()
    stored = stored[stored["loose"].notna() & ~stored["loose"].duplicated(keep=False)]
    stored = stored.set_index("loose")
    target = loose.map(stored["id"])
    name_only = loose.map(stored["name_only"]).fillna(0).astype(bool)
    one_id = rest["client_key"].groupby(loose).transform("nunique").eq(1)
    match = target.notna() & (~by_id | (name_only & one_id))
    return dict(zip(rest.loc[match, "client_key"], target[match].astype(int)))


# A name key that ``loose_name_keys`` changes: a character beyond ASCII, a dot, comma,
# apostrophe or "&", a remark in brackets at its end, or a legal form spelled out or left
# out at its end (SQLite GLOB and LIKE).
_NOT_LOOSE = ("name_key GLOB '*[^ -~]*' OR name_key GLOB '*[.,''&]*' OR "
              "name_key LIKE '%)' OR name_key LIKE '%]' OR "
              + " OR ".join(f"name_key LIKE '% {form}'" for form in (
                  *(long for long, _ in LEGAL_FORM_SPELLINGS), *DROPPED_LEGAL_FORMS)))


def _loose_candidates(db: Database, keys: list[str]) -> pd.DataFrame:
    """Every client whose name, loosely, may be one of these loose keys: those whose name
    key is one of them (through the name index), and those whose name key is not its own
    loose key (a scan of the name index; rare names). Any client with one of the keys as
    its loose key is among them, so a key two clients share is seen as shared."""
    if not keys:
        return pd.DataFrame(columns=["id", "name_key", "name_only"])
    name_only = "client_key >= 'name:' AND client_key < 'name;'"
    return pd.DataFrame(db.execute(
        f"SELECT id, name_key, {name_only} FROM clients WHERE name_key IN "
        f"(SELECT value FROM json_each(?)) UNION "
        f"SELECT id, name_key, {name_only} FROM clients WHERE {_NOT_LOOSE}",
        [json.dumps(keys)]).fetchall(), columns=["id", "name_key", "name_only"])


def _given_not_written(given: pd.DataFrame, updates: pd.DataFrame,
                       matched_elsewhere: dict) -> pd.DataFrame:
    """What an events sheet's rows gave their known clients that the update leaves out
    (``_update_rows``' ``gave``): a name, e-mail or phone the stored one outranked (with the
    name's key), the client ID (never written over a known client's), and the key of a row
    matched to a client stored under another (by e-mail, phone or name)."""
    gave = {}
    for column in ("client_id", "name", "email", "phone"):
        if column in given:
            left = given[column] if column == "client_id" else given[column].where(
                updates[column].isna())
            gave[column] = left.astype(object).where(left.notna(), None)
    if "name" in gave:
        gave["name_key"] = pd.Series(name_keys(gave["name"]), index=given.index, dtype=object)
    gave["client_key"] = given["client_key"].where(
        values.isin(given["client_key"], matched_elsewhere), None).astype(object)
    return pd.DataFrame(gave, index=given.index)


def _profile_updates(db, old: pd.DataFrame, existing: dict, fields: list[str]) -> pd.DataFrame:
    """The rows as they update their stored clients' profile fields (every row: the import
    holds the clients it names, changed or not). A client's name,
    e-mail address and phone number are only filled where it has none: an events sheet
    names a client as it was matched (a ticket's requester, the log's spelling, an
    invoice's accounts address, a booking's way of writing the number), not as the client
    list calls it, and the list's address and number stay the ones it is matched by. A
    stored name that gives way to the one given (``gives_way_to``: a first name alone,
    "Fay G.", "Jones, Sue") takes it."""
    ids = [existing[k] for k in old["client_key"]]
    stored = _fetch_before(db, "clients", ids)
    for given in ("name", "email", "phone"):
        if given in fields:
            named = np.array([bool(stored.get(i, {}).get(given)) for i in ids], dtype=bool)
            if given == "name":     # (but "Emma", "Fay G." give way to the full name)
                named &= ~np.array([gives_way_to(stored.get(i, {}).get("name"), full)
                                    for i, full in zip(ids, old["name"])], dtype=bool)
            old = old.assign(**{given: old[given].astype(object).where(~named, None)})
    return old


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
    """Events of an order (its lines, refunds and cancellations) with an order ID and no
    client belong to the client of that order's sale. Other events' numbers are not an
    order's, however they were mapped (a ticket's or a deal's: 'Ticket #' 12 is not order 12).

    Each link is recorded under the import that brought the order's purchase, whichever
    came first (so undoing that import unlinks the events again, and undoing the events'
    import drops the record with them; a linked event does not make its import hold the
    client, see ``undo_import``). Returns the clients that gained events, whose figures
    need refreshing.
    """
    found = db.execute(f"""
        SELECT e.id, p.client_ref, p.import_id FROM events e
        JOIN events p ON p.id = (
            SELECT q.id FROM events q
            WHERE q.order_id = e.order_id AND q.client_ref IS NOT NULL AND q.kind IN {SALES}
            ORDER BY q.id LIMIT 1)
        WHERE e.client_ref IS NULL AND e.order_id IS NOT NULL
          AND e.kind IN {OF_ORDERS}""").fetchall()
    if not found:
        return []
    fallback = max(import_ids) if import_ids else None
    record_changes(db, [(owner or fallback, "events", event, '{"client_ref": null}', LINKED)
                        for event, _, owner in found])
    db.conn.executemany("UPDATE events SET client_ref = ? WHERE id = ?",
                        [(client, event) for event, client, _ in found])
    return sorted({client for _, client, _ in found})


def _link_orders_by_name(db: Database, import_ids: list[int],
                         notes: list[str] | None) -> list[int]:
    """An order kept without a client because it has no e-mail (a Shopify order whose
    Email is blank keeps its billing name in its extras) is the client's of that name known
    by name alone, with no e-mail or ID either: the same shop's customers export lists such
    a customer so, with their Total Spent (counting the order again would count the money
    twice). A name only clients with an e-mail or ID hold (another customer record, or
    someone else), or more than one client known by name alone, gives the order to no one.

    Recorded under the import that brought the client, as an order's link is
    (``_link_orders``), so undoing either import takes it back. Said on the last sheet
    imported, when this import brought the order or the client. Returns the clients that
    gained events.
    """
    found = db.execute(f"""
        SELECT id, COALESCE(order_id, id), kind, import_id, json_extract(extra, '$.name')
        FROM events WHERE client_ref IS NULL AND kind IN {OF_ORDERS} AND extra IS NOT NULL
          AND json_valid(extra) AND json_type(extra, '$.name') = 'text'""").fetchall()
    if not found:
        return []
    keys = name_keys([named for *_, named in found])
    alone = "t.client_key LIKE 'name:%' AND COALESCE(t.email, '') = ''"
    held = {key: rest for key, *rest in db.execute(
        f"SELECT t.name_key, SUM({alone}), MIN(CASE WHEN {alone} THEN t.id END), "
        f"MIN(CASE WHEN {alone} THEN t.import_id END), MIN(t.import_id), MIN(t.name) "
        "FROM json_each(?) AS k CROSS JOIN clients AS t ON t.name_key = k.value "
        "GROUP BY t.name_key", [json.dumps(sorted({k for k in keys if k}))]).fetchall()}
    ours = set(import_ids)
    given, left = [], {}
    for (event, order, kind, brought, _), key in zip(found, keys):
        if key not in held:
            continue
        by_name, client, owner, first, name = held[key]
        if by_name == 1:
            given.append((event, client, owner, order, kind, brought))
        elif kind in SALE_KINDS and (brought in ours or first in ours):
            left.setdefault(name, set()).add(order)
    orders = {order for _, _, owner, order, kind, brought in given if kind in SALE_KINDS
              and (brought in ours or owner in ours)}
    if notes is not None and orders:
        notes.append(f"{counted(len(orders), 'order')} without an e-mail "
                     f"{'was' if len(orders) == 1 else 'were'} given to the client of the "
                     "same name known by name alone, with no e-mail either ("
                     f"{counted(len({c for _, c, *_ in given}), 'client')}), as the shop's "
                     "customers export lists them: their money is counted once.")
    if notes is not None and left:
        n = sum(map(len, left.values()))
        notes.append(f"{counted(n, 'order')} without an e-mail {'bears' if n == 1 else 'bear'}"
                     " the name of a client with an e-mail or ID ("
                     + listed([f"'{name}'" for name in sorted(left)], 3)
                     + f"): kept without a client, as nothing but the name says whose "
                     f"{'it is' if n == 1 else 'they are'}.")
    if not given:
        return []
    fallback = max(import_ids) if import_ids else None
    record_changes(db, [(owner or fallback, "events", event, '{"client_ref": null}', LINKED)
                        for event, _, owner, *_ in given])
    db.conn.executemany("UPDATE events SET client_ref = ? WHERE id = ?",
                        [(client, event) for event, client, *_ in given])
    return sorted({client for _, client, *_ in given})


# The refunds naming an order that say no amount (a returns list: "Returned, Order ID"),
# each with the order's sales of the same client (or of no client, when it has none): their
# amounts summed (the order's lines'), its date, and the import that brought them. Only the
# first such refund of an order; none of an order a refund with an amount names (the money
# given back is known, or the order was counted once already), nor one the order's own
# sheet lists beside its sale (an order list's "partially refunded": not the whole order).
_WHOLE_ORDER_RETURNS = f"""
SELECT r.id, r.import_id, r.client_ref, r.order_id, r.date, o.amount, o.day, o.owner
FROM (SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.order_id ORDER BY e.id) AS n
      FROM events e
      WHERE e.kind IN {COUNTS['refund_count']} AND e.amount IS NULL AND e.order_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM events g WHERE g.order_id = e.order_id
                        AND (g.kind IN {COUNTS['refund_count']} AND g.amount IS NOT NULL
                             OR g.kind IN {SALES} AND g.import_id = e.import_id))) r
LEFT JOIN (SELECT s.order_id, s.client_ref, SUM(s.amount) AS amount, MIN(s.date) AS day,
                  MAX(s.import_id) AS owner
           FROM events s WHERE s.kind IN {SALES} AND s.order_id IS NOT NULL
             AND s.order_id IN (SELECT order_id FROM events WHERE kind IN {COUNTS['refund_count']}
                                AND amount IS NULL)
           GROUP BY s.order_id, s.client_ref) o
  ON o.order_id = r.order_id AND o.client_ref IS r.client_ref
WHERE r.n = 1
"""


def _price_whole_order_returns(db: Database, results: list[ImportResult] = ()) -> list[int]:
    """A refund that names an order and says no amount is the whole order returned: it
    takes the order's amount (its sales' amounts summed) and, where it has no date, the
    order's date, in whichever order the returns and the orders came. Recorded under the
    import that brought the order's sales, as a link is (``_link_orders``), so undoing
    either import takes it back. Said in a note on the import that brought the refunds
    (else the orders); so is a refund of this import naming an order the workspace does
    not have, which keeps no amount. Returns the clients whose figures change."""
    current = {r.import_id: r for r in results}
    priced: dict[int, list[float]] = {}
    unknown: dict[int, list[str]] = {}
    changes, updates = [], []
    for event, brought, client, order, date, amount, day, owner in db.execute(
            _WHOLE_ORDER_RETURNS).fetchall():
        if amount is None:
            if brought in current:
                unknown.setdefault(brought, []).append(order)
            continue
        changes.append((owner, "events", event, encode_image(
            {"amount": None, "date": date}), '["amount", "date"]'))
        updates.append((amount, date or day, event))
        told = brought if brought in current else owner if owner in current else None
        if told is not None:
            priced.setdefault(told, []).append(amount)
    record_changes(db, changes)
    db.conn.executemany("UPDATE events SET amount = ?, date = ? WHERE id = ?", updates)
    for import_id, amounts in priced.items():
        one = len(amounts) == 1
        current[import_id].notes.append(
            f"{counted(len(amounts), 'return')} {'names' if one else 'name'} an order and no "
            f"amount: {'it' if one else 'each'} was read as the whole order returned (its "
            f"amount and, where {'it' if one else 'the return'} had none, its date), "
            f"{money_text(sum(amounts), '')} in all.")
    for import_id, orders in unknown.items():
        current[import_id].notes.append(
            f"{counted(len(orders), 'return')} {'names' if len(orders) == 1 else 'name'} an "
            f"order the workspace does not have ({listed(orders)}) and no amount: "
            f"{'it keeps' if len(orders) == 1 else 'they keep'} no amount until that order "
            "is imported.")
    if not updates:
        return []
    return sorted({c for (c,) in db.execute(
        "SELECT DISTINCT client_ref FROM events WHERE client_ref IS NOT NULL AND id IN "
        "(SELECT value FROM json_each(?))", [json.dumps([e for _, _, e in updates])])})


# An order number a ticket's subject (its note) quotes: "Where is my order #1002?",
# "Refund for order 1005", "Pedido nº 1007": a "#" and digits, or a word for order and digits.
_QUOTED_ORDER = re.compile(
    r"(?i)(?:#\s?(\d{3,})\b|\b(?:order|bestellung|pedido|commande|ordine)"
    r"\s*(?:no\.?|nr\.?|n[º°o]\.?|number|num[eé]ro|numero)?\s*:?\s*(\d{3,})\b)")


def _join_by_quoted_orders(db: Database, import_ids: list[int],
                           notes: list[str] | None) -> list[int]:
    """A client who has bought nothing, whose help-desk ticket quotes an order number in
    its subject ("Where is my order #1002?") and whose name is, loosely, that of the
    client of the sale with that number, is that client under another address (a work
    e-mail on the ticket, a personal one on the order): joined into it, in whichever order
    the tickets and the orders came. Undoing this import separates them again. Returns
    the clients that took others in."""
    tickets = ("SELECT id FROM imports WHERE recognised_as IN "
               f"({', '.join(repr(name) for name in WRITERS_ONLY)}) AND undone_at IS NULL")
    if not import_ids or db.execute(f"SELECT 1 FROM ({tickets}) LIMIT 1").fetchone() is None:
        return []
    quoted = []
    for client, import_id, note in db.execute(f"""
            SELECT t.client_ref, t.import_id, t.note FROM events t
            WHERE t.import_id IN ({tickets}) AND t.client_ref IS NOT NULL
              AND t.note IS NOT NULL AND t.kind IN ('complaint', 'contact')
              AND NOT EXISTS (SELECT 1 FROM events s WHERE s.client_ref = t.client_ref
                              AND s.kind IN {SALES})""").fetchall():
        if (found := _QUOTED_ORDER.search(str(note))):
            quoted.append((client, import_id, found[1] or found[2]))
    survivors: dict[int, set[int]] = {}
    for other, ticket_import, number in quoted:
        for survivor, sale_import in db.execute(
                f"SELECT client_ref, import_id FROM events WHERE order_id IN (?, ?) "
                f"AND kind IN {SALES} AND client_ref IS NOT NULL", [number, f"#{number}"]):
            if survivor != other and (ticket_import in import_ids or sale_import in import_ids):
                survivors.setdefault(other, set()).add(survivor)
    pairs = {other: next(iter(them)) for other, them in survivors.items() if len(them) == 1}
    if not pairs:
        return []
    assigned = {r[0] for r in db.execute(
        "SELECT client_ref FROM persona_assignments WHERE client_ref IN "
        "(SELECT value FROM json_each(?))", [json.dumps(list(pairs))]).fetchall()}
    joined = [(us["id"], us["name"]) for us, _ in _join_pairs(
        db, pairs, max(import_ids), lambda us, them: them["id"] not in assigned
        and _same_name(us["name_key"], them["name_key"]))]
    if joined and notes is not None:
        names = {f"'{n}'" for _, n in joined}          # (no longer kept apart: not said so)
        notes[:] = [n for n in notes if not (_KEPT_APART in n and set(
            re.findall(r"'[^']*'", n.split("(", 1)[-1].split(")", 1)[0])) <= names)]
        notes.append(f"{counted(len(joined), 'client')} writing under another address about "
                     "an order of a client of the same name joined as that client ("
                     + listed([f"'{n}'" for _, n in joined], 3)
                     + "); undoing this import separates them again.")
    return sorted({survivor for survivor, _ in joined})


def _join_pairs(db: Database, pairs: dict[int, int], import_id: int,
                fits: Callable[[dict, dict], bool] | None = None) -> list[tuple[dict, dict]]:
    """Join each client of ``pairs`` (other -> the client it is) into that client, where
    both are still stored and ``fits(survivor's row, other's row)``; returns the stored
    rows (survivor's, other's) of the pairs joined."""
    joined = []
    for other, survivor in pairs.items():
        stored = _fetch_before(db, "clients", [other, survivor])
        us, them = stored.get(survivor), stored.get(other)
        if us is None or them is None or (fits is not None and not fits(us, them)):
            continue
        _join(db, survivor, other, us, them, import_id)
        joined.append((us, them))
    return joined


def _join_reviewers_by_initial(db: Database, import_ids: list[int],
                               notes: list[str] | None) -> list[int]:
    """A reviewer known by name alone, first name and the surname's initial ("Jess M.",
    "Sophie T": how review sites sign), with nothing but reviews (and the complaints a
    poor one counts as), is the one client whose name is written in full with that first
    name and initial ("Jess Morgan"): joined into it, in whichever order the reviews and
    the other files came. So is one signed with a first name alone ("Grace", "Sophie") and
    the one client whose name begins with it ("Grace Hall"; a couple's "Sophie Turner &
    Dan Webb"). Two such clients, or none: kept apart (``_initials_alike`` says so of
    initials). Not an invoice's or a list's "Priya S.", whose initial may be someone
    else's. Undoing this import separates them again. Returns the clients that took
    others in."""
    if not import_ids or db.execute(
            "SELECT 1 FROM events WHERE kind = 'review' LIMIT 1").fetchone() is None:
        return []
    reviewers = db.execute(f"""
        SELECT c.id, c.name_key FROM clients c
        WHERE c.client_key >= 'name:' AND c.client_key < 'name;'
          AND (c.name_key GLOB '* ?' OR c.name_key GLOB '* ?.'
               OR c.name_key NOT GLOB '*[ 0-9]*')
          AND EXISTS (SELECT 1 FROM events e WHERE e.client_ref = c.id AND e.kind = 'review')
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.client_ref = c.id
                          AND e.kind NOT IN ('review', 'complaint'))
        LIMIT {INITIALLED_LOOKED_UP}""").fetchall()
    pairs = {}
    for other, key in reviewers:
        if (initialled := _INITIALLED.match(key or "")):
            short = f"{initialled[1]} {initialled[2]}"
        elif _FIRST_NAME_ALONE.match(key or ""):
            short = f"{key} "
        else:
            continue
        full = [client for client, stored in db.execute(
            "SELECT id, name_key FROM clients WHERE name_key > ? AND name_key < ?",
            [short, short + "\uffff"]).fetchall()
            if stored != key and not _INITIALLED.match(stored) and (
                _IN_FULL.match(stored or "") or not initialled)]
        if len(full) == 1:
            pairs[other] = full[0]
    joined = [(us["name"], them["name"]) for us, them in _join_pairs(db, pairs, max(import_ids))]
    if joined and notes is not None:
        said = {f"'{full}' and '{short}'" for full, short in joined}
        notes[:] = [n for n in notes if not ("surname cut to its initial" in n and set(
            re.findall(r"'[^']*' and '[^']*'", n)) <= said)]
        notes.append(f"{counted(len(joined), 'review')} signed with a first name (alone or "
                     "with the surname's initial) joined the one client of that name in full ("
                     + listed([f"'{short}' as '{full}'" for full, short in joined], 3)
                     + "); undoing this import separates them again.")
    return sorted({survivor for survivor in pairs.values()})


def undo_import(db: Database, import_id: int) -> Undone:
    """Undo an import in one transaction: take out what it brought and put back what it
    overwrote, never what came after it (the rules: ``journey.journal.take_back_import``),
    then refresh the figures of the clients it touched.

    Raises WorkspaceError if the import does not exist or was undone already.
    """
    check_undoable(db, import_id)
    with write(db):
        # Many clients go: their plain indexes are built again after, rather than updated
        # for each (the events' stay: deleting a client looks its events up by them).
        indexes = _SetAside(db)
        indexes.before_write("clients", db.execute(
            "SELECT COUNT(*) FROM clients WHERE import_id = ?", [import_id]).fetchone()[0])
        summary, clients, detached = take_back_import(db, import_id, _name_given)
        touched, own, elsewhere = _match_again(db, detached)
        clients.update(touched)
        summary = replace(summary, own=tuple(own), elsewhere=tuple(elsewhere))
        # The orders it took back may stand in a later import that lists them too: the
        # events naming them are linked and priced again, under that import; so are the
        # orders given by name to a client a later import holds now.
        clients.update(_link_orders_by_name(db, [], None) + _link_orders(db, [])
                       + _price_whole_order_returns(db))
        refresh_clients(db, sorted(clients))
        indexes.restore()
    return summary


def _match_again(db: Database, detached: list[Detached]
                 ) -> tuple[list[int], list[str], list[str]]:
    """Later imports' rows that matched a client through a value an undone import gave
    (``journal.Detached``), matched again as their import would without it: saved again
    through the import's own rules (``_save_clients`` for a client list's row,
    ``_client_refs`` for an events sheet's), with what the row gave, under their import
    and recorded for it. So a row that finds another client writes its values there (and
    undoing its import takes them back), a row that finds the same client again keeps
    them, and one that finds none is a client of its own. Their events of the client they
    let go of follow. Returns the clients whose figures change, and the rows now clients
    of their own and those now with another client, as ``Undone`` lists them."""
    touched, own, elsewhere = [], [], []
    for row in sorted(detached, key=lambda d: d.import_id):
        frame = pd.DataFrame([{c: v for c, v in row.values.items()
                               if c not in ("client_key", "name_key")}])
        newest = db.execute("SELECT COALESCE(MAX(id), 0) FROM clients").fetchone()[0]
        if row.kind == "events":
            target = _client_refs(db, frame, [row.key], row.import_id)[0]
        else:
            if EXTRA not in frame:
                frame[EXTRA] = None
            found = _save_clients(db, frame, row.import_id)[2]
            target = _existing_ids(db, "clients", "client_key", [row.key]).get(row.key) or (
                found[0] if found else None)
        if target is None:
            continue
        db.execute("UPDATE events SET client_ref = ? WHERE id IN "
                   "(SELECT value FROM json_each(?))", [target, json.dumps(_keyed(db, row))])
        touched += [target, row.client]
        if target != row.client:
            name, file = db.execute(
                "SELECT c.name, i.file FROM clients c, imports i WHERE c.id = ? AND i.id = ?",
                [target, row.import_id]).fetchone()
            said = f"{row.values.get('name') or name or row.key.partition(':')[2]} ({file})"
            (own if target > newest else elsewhere).append(said)
    return touched, own, elsewhere


def _keyed(db: Database, row: Detached) -> list[int]:
    """Of a detached row's events, those its key names (all, when the key was read from
    the sheet in a way the events do not keep, a phone number's)."""
    events = db.execute("SELECT id, client_id, name FROM events WHERE id IN "
                        "(SELECT value FROM json_each(?))", [json.dumps(row.events)]).fetchall()
    keys = client_keys(pd.Series([e[1] for e in events], dtype=object),
                       pd.Series([e[2] for e in events], dtype=object), len(events))
    named = [e[0] for e, key in zip(events, keys) if key == row.key]
    return named or [e[0] for e in events]


def map_stage_values(db: Database, mapping: dict[str, str]) -> int:
    """Remember what stage values mean and apply it to the rows already imported.

    Returns the number of rows whose stage changed.
    """
    checked = {normalise_value(k): check_stage_target(k, v) for k, v in mapping.items()}
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

