"""The one undo journal: what each import and each table save changed, taking it back,
and the one conflict rule.

Bottom layer: it imports only the workspace, the errors and the values, so that the
import (``journey.ingest``) and the workshop (``journey.workshop.personas``,
``journey.workshop.touchpoints``) both write to it downward.

- Recording. Every undoable action keeps, per row it changes, the row's before-image
  (``None``: the action added it) and what it left: an import's record (``record_change``,
  table ``import_changes``) holds what its row carried into the row (``HELD``: an event it
  listed again unchanged; its clients and events are stamped with its id instead); a table
  save's (``record_save``, ``record_save_row``; tables ``workshop_saves``,
  ``workshop_save_rows``) holds the version it left the row at, which stands for the row
  as it left it. The images are encoded one way (``encode_image``).
- Undoing. An undo restores exactly what the undone action changed, never what came
  after it; a field changed since keeps the newer value; versions only go up (a row
  whose fields go back gets the next version, so an editor who opened it before is
  refused). ``take_back_import`` takes an import back field by field (its rules are
  there); ``take_back_save`` takes back a save. After either, the actions still standing
  on the row follow its new version (``follow_version``), and an undone import's values
  leave the before-images of the saves made since (``forget_import``). The caller holds
  the transaction (``journey.ingest.undo_import`` also refreshes the clients' figures).
- Conflicts. ``moved_on``: a save, an undo of a save, or a persona card's edit against a
  row whose version moved on since it started (a save or import still standing came
  after it, or someone else saved) is refused and changes nothing. Undoing an import
  starts from no version anyone saw, so it is never refused: it keeps what came after.
- The contract of a workshop sheet's importer, ``fn(db, raw, import_id) -> SheetSave``,
  and the ``Problem`` it reports per rejected row, live here too, so the importers need
  nothing above this module; and so does the workspace's remembered stage mapping
  (``stage_mapping``), a keyed table the journal records.

Two record tables, one code: ``import_changes`` rows hang on ``imports`` (deleted with it)
and are written in bulk by the import's client and event writers (``journey.ingest.save``,
the same columns as ``record_change``) and read by name by its tests and history checks; a
save's rows hang on ``workshop_saves``. One table would need a migration moving the rows
and a rewrite of those writers for no change in what an undo does, so both stay; every
undo reads them here, and every other record is written here.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Callable

import orjson
from sqlite_utils import Database

from .errors import ValidationError, WorkspaceError
from .fields import PROFILE_FIELDS
from .stages import RANK
from .text import counted, listed, loose_name_keys, match_key, name_key, was
from .values import mailbox, to_sql_value
from .workspace import DERIVED_CLIENT_COLUMNS, now_stamp


@dataclass
class Problem:
    """A row that cannot be used: its sheet row number, column, value and the reason why."""
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


def stage_mapping(db: Database | None) -> dict[str, str]:
    """The workspace's remembered stage-value mapping (normalised value -> target)."""
    if db is None:
        return {}
    return dict(db.execute("SELECT value_key, target FROM stage_mappings").fetchall())


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
    ``take_back_import``). Without ``after`` (older records) undo puts the row back whole, or,
    when a later import changed it too, hands the before-image on to that import.
    """
    record_changes(db, [(import_id, table, rowid, encode_image(before),
                         None if after is None else encode_image(after))])


def record_changes(db: Database, changes) -> None:
    """Record many changes at once, each ``(import id, table, row id, before, after)`` with
    the images already JSON (a bulk import's clients and events; the rules as for
    ``record_change``)."""
    db.conn.executemany("INSERT INTO import_changes(import_id, table_name, row_id, before, "
                        "after) VALUES (?, ?, ?, ?, ?)", changes)


def record_held_events(db: Database, import_id: int, row_keys: list[str]) -> None:
    """Record the events an earlier import brought that this one lists again (by their row
    keys): this import holds them too, so undoing the earlier one keeps them."""
    db.execute("INSERT INTO import_changes(import_id, table_name, row_id, before, after) "
               "SELECT ?, 'events', e.id, ?, ? FROM json_each(?) AS k "
               "CROSS JOIN events AS e ON e.row_key = k.value WHERE e.import_id != ?",
               [import_id, HELD, HELD, json.dumps(row_keys), import_id])


def encode_image(image: dict | None) -> str:
    """A before-image as JSON; bytes (a persona's photo) become {"$base64": text}. (By
    orjson: an import of 100,000 known clients writes as many images, 0.1 s instead of
    0.9 with json; the text reads back to the same values.)"""
    return orjson.dumps(image, default=_encode_bytes).decode()


def _encode_bytes(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$base64": base64.b64encode(bytes(value)).decode("ascii")}
    raise TypeError(f"cannot keep a {type(value).__name__} for undo")


def _decode_image(text: str | None) -> dict | None:
    if text is None:
        return None
    return json.loads(text, object_hook=lambda d: base64.b64decode(d["$base64"])
                      if d.keys() == {"$base64"} else d)


def row_named(db: Database, table: str, column: str, name: str) -> dict | None:
    """The first row whose ``column`` is ``name``, case, spaces and punctuation ignored: the
    row a workshop sheet's row updates."""
    key = match_key(name)
    for row in db.query(f"SELECT * FROM [{table}] ORDER BY id"):
        if match_key(row[column]) == key:
            return row
    return None


def save_sheet_row(db: Database, import_id: int, table: str, existing: dict | None,
                   clean: dict, *, name_field: str | None = None) -> str | None:
    """Add a workshop sheet's row, or update ``existing`` (the row it names), recording
    either for undo: "inserted", "updated", or None when nothing changed. ``name_field``
    keeps the stored spelling of the name the row was matched by."""
    if existing is None:
        new_id = db.table(table).insert({**clean, "updated_at": now_stamp()}).last_pk
        record_change(db, import_id, table, new_id, None, clean)
        return "inserted"
    carried = clean if name_field is None else {**clean, name_field: existing[name_field]}
    record_change(db, import_id, table, existing["id"], existing, carried)
    changes = {k: v for k, v in carried.items() if existing.get(k) != v}
    if not changes:
        return None
    db.execute(f"UPDATE [{table}] SET {', '.join(f'[{k}] = ?' for k in changes)}, "
               "updated_at = ?, version = version + 1 WHERE id = ?",
               [*changes.values(), now_stamp(), existing["id"]])
    return "updated"


def keyed_before(db: Database, table: str, key_column: str, key: str) -> dict | None:
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE [{key_column}] = ?", [key])
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row)) if row else None


def record_keyed_change(db: Database, import_id: int, table: str, key_column: str, key: str,
                         before: dict | None) -> None:
    """Record a remembered mapping an import just wrote (``before``: as it was)."""
    rowid = db.execute(f"SELECT rowid FROM [{table}] WHERE [{key_column}] = ?", [key]).fetchone()[0]
    after = {k: v for k, v in keyed_before(db, table, key_column, key).items()
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


def stored_columns(db: Database, table: str) -> list[str]:
    """The columns an undo restores: everything but the derived figures (recomputed)."""
    columns = [c.name for c in db[table].columns]
    return [c for c in columns if c not in DERIVED_CLIENT_COLUMNS]


# --- undoing an import ---------------------------------------------------------------

# The record of an event an import listed again as it was: it changed nothing but holds it.
HELD = "{}"
# The after-image of an event linked to a client through its order ID (ingest.save).
LINKED = '["client_ref"]'
# The after-image of a client an import joined to another (ingest.save._join_same_people).
JOINED = '"joined"'
# A client's record (a list of the columns the import wrote) may end with a dict, GIVEN:
# the values its rows gave that it did not write (a name the stored one outranked, the
# client ID an order's e-mail gave, the key the row was matched under). Undoing an earlier
# import then leaves the client as this import alone would have made it.
GIVEN = dict


def _given(after) -> dict:
    """The GIVEN values a record ends with (none for other records)."""
    return after[-1] if isinstance(after, list) and after and isinstance(
        after[-1], GIVEN) else {}
# Client columns a client list's blank cell always writes (keys, name) or never (extra
# columns): no other column's blank clears a value another kind of import gave
# (``journey.ingest.save._Blanks``).
NOT_BLANKED = frozenset({"client_key", "name_key", "name", "extra"})
# Columns undo never takes back field by field: identity, bookkeeping, recomputed figures.
BOOKKEEPING = frozenset({"id", "version", "updated_at", "import_id", "row_key", "stage_path"})
# Tables whose rows a workshop table save also changes (``forget_import``, ``follow_version``).
SAVED_TABLES = ("touchpoints", "function_map")


def joined_by(db: Database, import_id: int) -> int:
    """How many clients an import joined into others (each recorded as ``JOINED``)."""
    return db.execute("SELECT COUNT(*) FROM import_changes WHERE import_id = ? AND after = ?",
                      [import_id, JOINED]).fetchone()[0]


def last_writers(db: Database, ids: list[int], until: int | None = None
                 ) -> dict[int, dict[str | None, str]]:
    """client id -> column -> the kind of the standing import (before import ``until``)
    that last wrote it, as its record lists it; under None, the kind of the import that
    added the client."""
    if not ids:
        return {}
    found: dict[int, dict[str | None, str]] = {}
    for client, kind in db.execute(
            "SELECT c.id, i.kind FROM json_each(?) AS k JOIN clients AS c ON c.id = k.value "
            "JOIN imports AS i ON i.id = c.import_id", [json.dumps(ids)]).fetchall():
        found[client] = {None: kind}
    for client, after, kind in db.execute(
            "SELECT m.row_id, m.after, i.kind FROM json_each(?) AS k "
            "JOIN import_changes AS m ON m.table_name = 'clients' AND m.row_id = k.value "
            "JOIN imports AS i ON i.id = m.import_id WHERE i.undone_at IS NULL "
            "AND m.import_id < ? ORDER BY m.import_id, m.rowid",
            [json.dumps(ids), until or 2 ** 62]).fetchall():
        after = _decode_image(after)
        if after is None:
            found[client] = {None: kind}
        elif isinstance(after, list):
            found.setdefault(client, {}).update(
                {c: kind for c in after if isinstance(c, str) and c not in _given(after)})
    return found


def list_imports(db: Database) -> list[dict]:
    """Every import, newest first."""
    return list(db.query("SELECT * FROM imports ORDER BY id DESC"))


def check_undoable(db: Database, import_id: int) -> None:
    """Raise WorkspaceError if the import does not exist or was undone already."""
    row = db.execute("SELECT file, sheet, undone_at FROM imports WHERE id = ?",
                     [import_id]).fetchone()
    if row is None:
        raise WorkspaceError(f"There is no import {import_id} in this workspace.")
    if row[2]:
        raise WorkspaceError(f"Import {import_id} ({row[0]}) was already undone on {row[2]}.")


@dataclass(frozen=True)
class Undone:
    """What undoing an import did. ``own`` and ``elsewhere``: later imports' rows that had
    matched a client through it (``Detached``), as "Emma Walsh (sales.csv)", now clients of
    their own, or now with another client already there."""
    import_id: int
    clients_removed: int
    events_removed: int
    rows_restored: int
    own: tuple[str, ...] = ()
    elsewhere: tuple[str, ...] = ()

    def sentence(self) -> str:
        """``Undid import 4: removed 25 clients and 80 events, and put back 1 row as it was.
        1 row of a later import that had matched a client through it is now a client of its
        own: emma walsh (sales.csv).``"""
        removed = " and ".join(counted(n, noun) for n, noun in
                               ((self.clients_removed, "client"), (self.events_removed, "event"))
                               if n)
        parts = [f"removed {removed}"] if removed else []
        if self.rows_restored:
            parts.append(f"put back {counted(self.rows_restored, 'row')} as "
                         + ("it was" if self.rows_restored == 1 else "they were"))
        text = (f"Undid import {self.import_id}: "
                f"{', and '.join(parts) or 'it had nothing left to remove'}.")
        for rows, now in ((self.own, ("is now a client of its own",
                                      "are now clients of their own")),
                          (self.elsewhere, ("now goes with another client already there",
                                            "now go with other clients already there"))):
            if rows:
                whose = "a later import" if len(rows) == 1 else "later imports"
                text += (f" {counted(len(rows), 'row')} of {whose} that had matched a client "
                         f"through it {now[len(rows) != 1]}: {listed(list(rows), 5)}.")
        return text


@dataclass(frozen=True)
class Detached:
    """A later import's row that matched a client through a value the undone import gave
    it (``take_back_import``): without that import it was never that client's, so it is
    matched again (``journey.ingest.undo_import``)."""
    import_id: int
    kind: str                   # the later import's: clients or events
    client: int                 # the client it had matched
    key: str                    # the key the row was matched under
    values: dict                # what the row gave the client: written and GIVEN
    events: tuple[int, ...]     # the later import's events of the client


def take_back_import(db: Database, import_id: int,
                     names_given: Callable[[str, str, str], bool] | None = None
                     ) -> tuple[Undone, set[int], list[Detached]]:
    """Undo an import: take out what it brought and put back what it overwrote, never
    what came after it. Run it inside the caller's transaction, after ``check_undoable``;
    returns the summary, the clients whose derived figures need refreshing and the later
    imports' rows to match again (``Detached``).

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
    - A later import's row matched to a client it added or changed, through a value this
      import gave (the name, e-mail or key as the later row found them, ``_Undo.detach``),
      lets go of the client: what it wrote goes back as this import's values do, and the
      row is returned to be matched again.
    - A row whose fields go back gets the next version (versions only go up), so an
      editor who opened it before the undo is refused instead of overwriting it.
    """
    undo = _Undo(db, import_id, names_given)
    removed_events = undo.events_added()
    touches = {"clients": undo.client_touches()}
    detached = undo.detach(touches["clients"])
    for table, row_id, before, after in db.execute(
            "SELECT table_name, row_id, before, after FROM import_changes "
            "WHERE import_id = ? ORDER BY rowid DESC", [import_id]).fetchall():
        if before == HELD:
            continue                    # an event it listed again: nothing to put back
        before = _decode_image(before)
        if after == JOINED:
            undo.put_back_joined(row_id, before)
            continue
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
    return (Undone(import_id, removed_clients, removed_events, len(undo.restored)),
            undo.clients, detached)

@dataclass
class _Touch:
    """A later import's hold on a row: its record (``rowid``; before- and after-image), or,
    for a client whose events it has, no record and the client columns its sheet carries."""
    import_id: int
    rowid: int | None = None
    before: dict | None = None
    after: dict | list | None = None     # what it carried into the row; None: everything
    changed: bool = False                # its record must be written back

    @property
    def gave(self) -> dict:
        """What its rows gave the client and it did not write (``GIVEN``)."""
        return _given(self.after)

    @property
    def complete(self) -> bool:
        """Its record lists every column it set (ends with ``GIVEN``; older ones do not)."""
        return isinstance(self.after, list) and bool(self.after) and isinstance(
            self.after[-1], GIVEN)

    def carries(self, column: str) -> bool:
        return self.after is None or column in self.after or column in self.gave

    def wrote(self, column: str) -> bool:
        return self.after is None or (column in self.after and column not in self.gave)


def _takes_over(touch: _Touch, column: str) -> None:
    """A later import that gave a column's value it did not write (``GIVEN``: the stored
    one, the same or outranking it, stood) holds that value once the import that wrote it
    is undone: its record lists the column as written, so undoing it too takes the value
    back (a sales log's e-mail a corrected list had written first)."""
    if not isinstance(touch.after, list) or column not in touch.gave:
        return
    given = {c: v for c, v in touch.gave.items() if c != column}
    touch.after = [*(c for c in touch.after[:-1] if c != column), column, given]
    touch.changed = True


class _Undo:
    """One import being undone (see ``take_back_import``): rows it added, rows it changed."""

    def __init__(self, db: Database, import_id: int,
                 names_given: Callable[[str, str, str], bool] | None = None) -> None:
        self.db, self.id, self.names_given = db, import_id, names_given
        self.clients: set[int] = set()          # clients whose figures need refreshing
        self.restored: set[tuple[str, int]] = set()   # rows put back (one record or two)
        self._carried: dict[int, list[str]] = {}
        self._schema: dict[str, tuple[set[str], set[str]]] = {}
        # client -> column -> (its value before a later import let go of the client
        # (``detach``), that import)
        self.released: dict[int, dict[str, tuple[object, int]]] = {}

    # --- the rows it added: events and clients (stamped with the import) -----------------

    def events_added(self) -> int:
        """Hand the events a later import lists too to the earliest of them; delete the
        rest (and other imports' links of those). Returns how many were deleted."""
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
        # Other imports' records on the events it deletes go with them: a later import's,
        # and an earlier one's that linked or priced them through their order (ingest.save).
        db.execute(f"DELETE FROM import_changes WHERE table_name = 'events' AND import_id != ? "
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
                  f"AND l.row_id = e.id AND l.after = '{LINKED}' AND l.import_id IN {_STANDING})")
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
            record = next((t for t in found if t.import_id == later), None)
            if record is None:
                found.append(_Touch(later, after=self.carried(later)))
                found.sort(key=lambda t: (t.import_id, t.rowid or 0))
            elif isinstance(record.after, list) and not record.complete:
                # (its record lists the columns it changed; its sheet carries more, the
                # same name an order's billing name repeats: those stay with the client too)
                record.after = sorted(set(record.after) | set(self.carried(later)))
        return touches

    def detach(self, touches: dict[int, list[_Touch]]) -> list[Detached]:
        """Later imports' rows matched to a client this import added or changed, judged in
        order against the client as it would be without this import (``_identity_without``):
        one whose key (the key it was matched under, or the client's own) no longer finds
        it (``_finds``) lets go of the client. Its hold leaves ``touches``, its record goes,
        and what it wrote is taken back with this import's values (``released``). The first
        import after one that added the client makes the client: it never lets go."""
        records = {row_id: (_decode_image(before), _decode_image(after)) for row_id, before,
                   after in self.db.execute("SELECT row_id, before, after FROM import_changes "
                                            "WHERE import_id = ? AND table_name = 'clients'",
                                            [self.id]).fetchall()}
        judged = [c for c, later in touches.items()
                  if any(t.rowid is not None for t in later[c not in records:])]
        now_rows = {row["id"]: row for row in self.db.query(
            "SELECT * FROM clients WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(judged)])}
        found = []
        for client in judged:
            now, later = now_rows.get(client), touches[client]
            if now is None or (client not in records and now["import_id"] != self.id):
                continue
            before, after = records.get(client, (None, None))
            kept: list[_Touch] = []
            for touch in later:
                key = touch.gave.get("client_key") or now["client_key"]
                name = touch.gave.get("name") or (now["name"] if isinstance(
                    touch.after, list) and "name" in touch.after else None)
                if (touch.rowid is None or (before is None and not kept) or _finds(
                        key, self._identity_without(now, before, after, kept, touch), name)):
                    kept.append(touch)
                else:
                    found.append(self._let_go(client, touch, later, now, key))
            later[:] = kept
        return found

    def _identity_without(self, now: dict, before: dict | None, after, kept: list[_Touch],
                          touch: _Touch) -> dict:
        """The client's key, name, ID and e-mail as a later import's row found them, had
        this import not been: as the imports kept before it left them, else as before this
        import, else (it added the client) as the first later import gave them."""
        found_by = (touch.before or {}).get
        image = {}
        for column in IDENTITY:
            if any(t.wrote(column) for t in kept):
                image[column] = found_by(column, now[column])
            elif before is None:
                image[column] = kept[0].gave.get(
                    column, now[column] if column == "client_key" else None)
            elif after is None or (column in after and column not in _given(after)):
                image[column] = before.get(column)
            else:
                image[column] = found_by(column, now[column])
        return image

    def _let_go(self, client: int, touch: _Touch, later: list[_Touch], now: dict,
                key: str) -> Detached:
        """A later import's row lets go of a client (``detach``): what the row gave it (each
        column it wrote as it left it, and its ``GIVEN``) and its events of the client."""
        written = [c for c in touch.after if isinstance(c, str)] if isinstance(
            touch.after, list) else []
        after_it = later[later.index(touch) + 1:]
        values = {}
        for column in written:
            found = next((t for t in after_it if t.before and column in t.before), None)
            values[column] = found.before[column] if found else now.get(column)
            self.released.setdefault(client, {}).setdefault(
                column, ((touch.before or {}).get(column), touch.import_id))
        values.update({c: v for c, v in touch.gave.items() if c != "client_key"})
        self.db.execute("DELETE FROM import_changes WHERE rowid = ?", [touch.rowid])
        events = tuple(r[0] for r in self.db.execute(
            "SELECT id FROM events WHERE client_ref = ? AND import_id = ?",
            [client, touch.import_id]).fetchall())
        return Detached(touch.import_id, self.kind(touch.import_id), client, key, values,
                        events)

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
        elif table == "events":     # (an order listed again may have moved to a client)
            self.clients.update(row["client_ref"] for row in (now, before)
                                if row is not None and row.get("client_ref") is not None)
        not_null, columns = self.schema(table)
        fields = [c for c in (after if after is not None else before or now or {})
                  if isinstance(c, str) and c in columns and c not in BOOKKEEPING
                  and c not in _given(after)]
        back, edited, gone, kept = {}, {}, {}, False
        released = self.released.get(row_id, {}) if table == "clients" else {}
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
                if now is not None and self.blank_kept(table, row_id, column, without,
                                                       now[column], later):
                    back[column] = without
                elif now is not None and _same(now[column], mine):
                    self.as_given(table, row_id, column, before, later, back, mine)
                continue
            gone[column] = (mine, without)
            if now is None:
                continue
            if not _same(now[column], mine) and column not in released:
                edited[column] = mine                # changed by hand since: it stays
            elif before is None and column in not_null:
                kept = True                          # a name the row cannot lose
            elif not _same(now[column], without):
                back[column] = without
        # A later row that let go: the value before it, unless a later import still carries
        # the column or this import's part put it back already.
        for column, (value, by) in released.items():
            if (now is not None and column in columns and column not in gone.keys() | back.keys()
                    and not any(t.carries(column) for t in later if t.import_id > by)
                    and not _same(now[column], value)):
                back[column] = value
        if back.get("client_ref") is not None and table == "events" and not self.db.execute(
                "SELECT 1 FROM clients WHERE id = ?", [back["client_ref"]]).fetchone():
            del back["client_ref"]          # its client did not come back (put_back_joined)
        if table in SAVED_TABLES:
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
            if back and before is not None and table not in KEYED_TABLES:
                self.restored.add((table, row_id))
        for touch in later:
            if touch.changed and touch.rowid is not None:
                self.db.execute("UPDATE import_changes SET before = ?, after = ? WHERE rowid = ?",
                                [encode_image(touch.before), None if touch.after is None
                                 else encode_image(touch.after), touch.rowid])

    def as_given(self, table: str, row_id: int, column: str, before: dict | None,
                 later: list[_Touch], back: dict, mine) -> None:
        """A field still holding this import's value, that later imports hold too: where
        none of them wrote it and one gave a value it did not write (``GIVEN``: the stored
        one outranked it), the field takes that value when it had none before this import
        (a name, the client ID), and its value from before otherwise (the value that would
        have outranked it). A name (and its key) goes through the later imports in order as
        they would have written it over the name before (``names_given``, by the import's
        kind: a first name alone or a name in one case gives way). A client this import
        added is, without it, the first later import's: the key its row was matched under
        (a later client list's ID row takes it over from a name) and the client ID it gave
        (an events sheet never writes one over a known client's); a client it changed
        keeps its key unless every later import matched it under another (by e-mail or
        name): the first one's key, and the client ID from before. A stage the later
        imports' ticks gave lifts the one before, never lowers it."""
        if column == "client_key" and before is not None:
            if any(column not in t.gave for t in later):
                return
        elif any(t.wrote(column) for t in later):
            if not self.blank_over_given(column, before, later, mine):
                return
            for touch in later:     # (their blank leaves the value given: none written)
                if touch.wrote(column) and isinstance(touch.after, list):
                    touch.after = [c for c in touch.after if c != column]
                    touch.changed = True
        without = None if before is None else before.get(column)
        if column == "client_key" and before is None:
            value = later[0].gave.get(column, mine)
            for touch in later[1:]:     # (a list's ID row takes over a client named alone)
                key = touch.gave.get(column, mine)
                if (value.startswith("name:") and key.startswith("id:")
                        and self.kind(touch.import_id) == "clients"):
                    value = key
        elif column == "client_id":
            value = later[0].gave.get(column) if before is None else without
        else:
            giver = next((t for t in later if column in t.gave), None)
            if giver is None:
                return
            value = giver.gave[column] if without is None else without
            if without is None and column not in ("stage", "name", "name_key"):
                _takes_over(giver, column)
            if column == "stage":       # (ticks lift a stage, never lower it, in order)
                for touch in later:
                    given = touch.gave.get("stage")
                    if RANK.get(given, -1) > RANK.get(value, -1):
                        value = given
        if column in ("name", "name_key") and self.names_given is not None:
            name = None if before is None else before.get("name")
            for touch in later:
                given = touch.gave.get("name")
                if given is not None and (name is None or self.names_given(
                        self.kind(touch.import_id), name, given)):
                    name = given
            value = name if column == "name" else name_key(name)
        if _same(value, mine):
            return
        if column == "client_key" and self.db.execute(
                f"SELECT 1 FROM [{table}] WHERE client_key = ? AND rowid != ?",
                [value, row_id]).fetchone():
            return                  # (another client holds that key: this one keeps its own)
        back[column] = value

    def blank_kept(self, table: str, row_id: int, column: str, without, now,
                   later: list[_Touch]) -> bool:
        """Later client lists' blank cleared this client list's value of a client column,
        where another kind of import gave the value from before it: without this import
        the blank would have left that value (``journey.ingest.save._Blanks``), so it comes
        back, and the column leaves those lists' records."""
        if (table != "clients" or now is not None or without is None
                or column in NOT_BLANKED or self.kind(self.id) != "clients"):
            return False
        writers = [t for t in later if t.wrote(column)]
        if not writers or any(self.kind(t.import_id) != "clients" or not isinstance(
                t.after, list) for t in writers) or (writers[0].before or {}).get(column) is None:
            return False        # (the first list's blank found no value to clear)
        kinds = last_writers(self.db, [row_id], self.id).get(row_id, {})
        if kinds.get(column, kinds.get(None)) in ("clients", None):
            return False
        for touch in writers:
            touch.after = [c for c in touch.after if c != column]
            touch.changed = True
        return True

    def blank_over_given(self, column: str, before: dict | None, later: list[_Touch],
                         mine) -> bool:
        """Every later import that wrote the column is a client list that left it blank,
        after another kind of import gave it a value: without this import that value
        would be stored, and a client list's blank clears only what a client list wrote
        (``journey.ingest.save._Blanks``)."""
        writers = [t for t in later if t.wrote(column)]
        if mine is not None or column in NOT_BLANKED or any(self.kind(t.import_id) != "clients" for t in writers):
            return False
        giver = (later[0] if column == "client_id" and before is None
                 else next((t for t in later if column in t.gave), None))
        return (giver is not None and column in giver.gave
                and giver.import_id < writers[0].import_id
                and self.kind(giver.import_id) != "clients")

    def kind(self, import_id: int) -> str:
        """An import's kind (clients, events)."""
        return self.db.execute("SELECT kind FROM imports WHERE id = ?", [import_id]).fetchone()[0]

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
                follow_version(self.db, table, row_id, values["version"], self.id)
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
                            [encode_image(before), later])
            return
        _restore_image(self.db, table, row_id, before)
        if before is not None and table not in KEYED_TABLES:
            self.restored.add((table, row_id))

    def put_back_joined(self, row_id: int, before: dict) -> None:
        """A client this import joined to another comes back as it was (its events follow
        through their own records), unless the import that brought it was undone since or
        another client has taken its key."""
        if self.db.execute(
                f"SELECT 1 WHERE ? IN {_STANDING} AND NOT EXISTS (SELECT 1 FROM clients "
                "WHERE id = ? OR client_key = ?)",
                [before.get("import_id"), row_id, before.get("client_key")]).fetchone():
            _restore_image(self.db, "clients", row_id, before)
            self.clients.add(row_id)
            self.restored.add(("clients", row_id))

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
                                   set(stored_columns(self.db, table)))
        return self._schema[table]


_STANDING = "(SELECT id FROM imports WHERE undone_at IS NULL)"
# The client values a row is matched by (``_Undo.detach``).
IDENTITY = ("client_key", "name_key", "client_id", "email")


def _finds(key: str, image: dict, name: str | None) -> bool:
    """Whether a row's key (and the name it gave) finds a client as ``image`` has it: its
    key; a name key the client's name, exactly or loosely; an ID its client ID or e-mail
    address, or a row's name, loosely, a client known by name alone (as ``journey.ingest``
    matches). Other keys (a phone number's) are not judged: they find it."""
    if key == image["client_key"]:
        return True
    kind, _, value = key.partition(":")
    stored = image["name_key"]
    if kind == "name":
        return stored is not None and _loosely(value, stored)
    if kind != "id":
        return True
    if image["client_id"] is not None and str(image["client_id"]).strip().lower() == value:
        return True
    if image["email"] and "@" in value and mailbox(str(image["email"]).strip().casefold()) == mailbox(value):
        return True
    return (str(image["client_key"]).startswith("name:") and name is not None
            and stored is not None and _loosely(name_key(name), stored))


def _loosely(key: str | None, other: str) -> bool:
    """Two name keys the same, or the same loosely (``loose_name_keys``)."""
    if key is None or key == other:
        return key is not None
    first, second = loose_name_keys([key, other]).to_pylist()
    return first is not None and first == second


def _same(a, b) -> bool:
    """Equal as stored (1 and 1.0 are the same number)."""
    return a == b if a is not None and b is not None else a is None and b is None


# --- the one conflict rule, and versions after an undo ---------------------------------

def moved_on(now: dict | None, version) -> bool:
    """The one conflict rule: the row is gone, or its version is no longer the one an
    action started from (a table save: the version it loaded; undoing a save: the version
    the save left; a persona card: the version the editor opened). Such an action is
    refused, never written over what came after it. (Undoing an import starts from no
    version anyone saw: it takes back field by field and keeps what came after it.)"""
    return now is None or version is None or int(now["version"]) != int(version)


def follow_version(db: Database, table: str, row_id: int, new: int,
                   undoing: int | None = None) -> None:
    """An undo (of a save, or of import ``undoing``) moved a row on to version ``new``;
    what it kept and put back is what the actions still standing left. The saves still
    standing on the row that no standing import came after follow to ``new``, so they
    can be undone next; a save an import came after waits until that import is undone.

    Order: an action that found the row at a higher version came later (a save that found
    the version an import also found came after it: it changed the row, the import held it)."""
    imports = [(_decode_image(before) or {}).get("version") or 0 for (before,) in db.execute(
        f"SELECT before FROM import_changes WHERE table_name = ? AND row_id = ? "
        f"AND import_id IN {_STANDING} AND import_id IS NOT ?", [table, row_id, undoing])]
    latest_import = max(imports, default=-1)
    for rowid, before in db.execute(
            "SELECT r.rowid, r.before FROM workshop_save_rows r JOIN workshop_saves s "
            "ON s.id = r.save_id WHERE s.table_name = ? AND r.row_id = ? "
            "AND s.undone_at IS NULL AND r.after_version IS NOT NULL",
            [table, row_id]).fetchall():
        if ((_decode_image(before) or {}).get("version") or 0) >= latest_import:
            db.execute("UPDATE workshop_save_rows SET after_version = ? WHERE rowid = ?",
                       [new, rowid])


# --- the table saves' records (workshop_saves, workshop_save_rows) ----------------------

def comparable(value):
    """A stored value as a workshop save compares it: blank text is None, 2.0 is 2."""
    value = to_sql_value(value)
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def record_save(db: Database, table: str, scope: str | None, summary: str) -> int:
    """Start the record of a table save (inside its transaction); returns its id."""
    return db.execute("INSERT INTO workshop_saves(table_name, scope, summary) VALUES (?, ?, ?)",
                      [table, scope, summary]).lastrowid


def record_save_row(db: Database, save_id: int, before: dict | None, after_version,
                    row_id: int | None = None, position_only: bool = False) -> None:
    """Record a row a save is changing: its before-image (``None``: the save adds it) and
    the version the save leaves it at (``None``: the save deletes it). The after-image is
    the row at that version: undo refuses a row that moved on (``moved_on``), so the two
    images are what ``record_change`` keeps for an import. ``position_only``: the save
    only renumbered the row."""
    db.execute("INSERT INTO workshop_save_rows(save_id, row_id, before, after_version, "
               "position_only) VALUES (?, ?, ?, ?, ?)",
               [save_id, before["id"] if before else row_id,
                None if before is None else encode_image(before), after_version,
                int(position_only)])


def last_save(db: Database) -> dict | None:
    """The latest save that can still be undone (id, table_name, scope, summary, created_at)."""
    rows = list(db.query("SELECT id, table_name, scope, summary, created_at FROM "
                         "workshop_saves WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1"))
    return rows[0] if rows else None


def take_back_save(db: Database, save: dict, name_field: str, now: str) -> None:
    """Undo a table save (``last_save``): restore what it changed or deleted, remove what
    it added. Run it inside the caller's transaction. Raises ValidationError, changing
    nothing, when a row it wrote moved on since (``moved_on``: undo the later save or
    import first). A row put back gets the version after its current one (versions only
    go up) and the actions before it follow (``follow_version``)."""
    table = save["table_name"]
    recorded = [(row_id, _decode_image(before), after_version,
                 bool(position_only)) for row_id, before, after_version, position_only in
                db.execute("SELECT row_id, before, after_version, position_only FROM "
                           "workshop_save_rows WHERE save_id = ? ORDER BY rowid DESC",
                           [save["id"]]).fetchall()]
    stored = {}
    for row_id, *_ in recorded:
        cursor = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        found = cursor.fetchone()
        if found:
            stored[row_id] = dict(zip([d[0] for d in cursor.description], found))
    later = [str((stored.get(row_id) or before or {}).get(name_field) or row_id)
             for row_id, before, after_version, position_only in recorded
             if not (position_only or after_version is None
                     or (before is None and row_id not in stored))
             and moved_on(stored.get(row_id), after_version)]
    if later:
        raise ValidationError(
            f"Cannot undo '{save['summary']}': {', '.join(sorted(set(later)))} "
            f"{was(len(later))} changed again after it.")
    db.execute("UPDATE workshop_saves SET undone_at = ? WHERE id = ?", [now, save["id"]])
    for row_id, before, after_version, position_only in recorded:
        row = stored.get(row_id)
        if position_only:
            if not moved_on(row, after_version):
                db.execute(f"UPDATE [{table}] SET position = ? WHERE id = ?",
                           [before["position"], row_id])
        elif before is None:                         # the save added it
            db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
        else:
            values = {k: v for k, v in before.items() if k != "id"}
            values["updated_at"] = now
            if after_version is None:                # the save deleted it: put it back
                values["version"] = before["version"] + 1
                taken = db.execute(f"SELECT 1 FROM [{table}] WHERE id = ?",
                                   [row_id]).fetchone()
                new_id = db[table].insert(values if taken else {"id": row_id, **values}).last_pk
            else:
                values["version"] = row["version"] + 1
                sets = ", ".join(f"[{k}] = ?" for k in values)
                db.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?",
                           [*values.values(), row_id])
                new_id = row_id
            if new_id == row_id:
                follow_version(db, table, row_id, values["version"])


def forget_import(db: Database, table: str, row_id: int, values: dict[str, tuple],
                  added: bool) -> None:
    """An import that is being undone wrote ``values`` (field -> (its value, the value
    before it)) into a row: the saves made since forget its values, so undoing them never
    brings those back. A field a save's before-image holds with the import's value gets
    the value from before the import; a row the import added that a save deleted is not
    put back by undoing that save (``added``)."""
    saves = db.execute(
        "SELECT r.rowid, r.before, r.after_version FROM workshop_save_rows r "
        "JOIN workshop_saves s ON s.id = r.save_id WHERE s.table_name = ? AND r.row_id = ? "
        "AND s.undone_at IS NULL AND r.before IS NOT NULL", [table, row_id]).fetchall()
    for rowid, before, after_version in saves:
        if added and after_version is None:
            db.execute("UPDATE workshop_save_rows SET before = NULL WHERE rowid = ?", [rowid])
            continue
        image = _decode_image(before)
        changed = {f: without for f, (mine, without) in values.items()
                   if f in image and comparable(image[f]) == comparable(mine)}
        if changed:
            db.execute("UPDATE workshop_save_rows SET before = ? WHERE rowid = ?",
                       [encode_image({**image, **changed}), rowid])
