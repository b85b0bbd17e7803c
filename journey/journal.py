"""The undo journal of imports: what each import changed, and taking it back.

Bottom layer: it imports only the workspace, the errors and the values, so that the
import (``journey.ingest``) and the workshop importers (``journey.workshop.personas``,
``journey.workshop.touchpoints``) both write to it downward.

- An import's rows in clients and events are stamped with its id; every other row it adds,
  changes or holds is recorded in ``import_changes`` by ``record_change`` (a before-image
  and what the import carried into the row). ``HELD`` marks an event an import listed
  again unchanged.
- ``check_undoable`` and ``take_back_import`` undo one import, field by field, keeping
  what came after it (the rules are in ``take_back_import``). The caller holds the
  transaction and refreshes the derived client figures of the clients it returns
  (``journey.ingest.undo_import`` does both).
- Workshop table saves keep their own before-images (``workshop_save_rows``); an undo of an
  import keeps them in step (``forget_import``, ``follow_version``).
- The contract of a workshop sheet's importer, ``fn(db, raw, import_id) -> SheetSave``,
  and the ``Problem`` it reports per rejected row, live here too, so the importers need
  nothing above this module; and so does the workspace's remembered stage mapping
  (``stage_mapping``), a keyed table the journal records.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field

from sqlite_utils import Database

from .errors import WorkspaceError
from .fields import PROFILE_FIELDS
from .values import to_sql_value
from .workspace import DERIVED_CLIENT_COLUMNS


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
    db.execute("INSERT INTO import_changes(import_id, table_name, row_id, before, after) "
               "VALUES (?, ?, ?, ?, ?)", [import_id, table, rowid, encode_image(before),
                                          None if after is None else encode_image(after)])


def encode_image(image: dict | None) -> str:
    """A before-image as JSON; bytes (a persona's photo) become {"$base64": text}."""
    def encode(value):
        if isinstance(value, (bytes, bytearray, memoryview)):
            return {"$base64": base64.b64encode(bytes(value)).decode("ascii")}
        raise TypeError(f"cannot keep a {type(value).__name__} for undo")
    return json.dumps(image, default=encode)


def _decode_image(text: str) -> dict | None:
    return json.loads(text, object_hook=lambda d: base64.b64decode(d["$base64"])
                      if d.keys() == {"$base64"} else d)


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
# Columns undo never takes back field by field: identity, bookkeeping, recomputed figures.
BOOKKEEPING = frozenset({"id", "version", "updated_at", "import_id", "row_key", "stage_path"})
# Tables whose rows a workshop table save also changes (its journal: ``forget_import``).
SAVED_TABLES = ("touchpoints", "function_map")


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


def take_back_import(db: Database, import_id: int) -> tuple[dict, set[int]]:
    """Undo an import: take out what it brought and put back what it overwrote, never
    what came after it. Run it inside the caller's transaction, after ``check_undoable``;
    returns the summary and the clients whose derived figures need refreshing.

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
    """
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
    return ({"import_id": import_id, "events_removed": removed_events,
             "clients_removed": removed_clients, "rows_restored": undo.restored},
            undo.clients)

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
    """One import being undone (see ``take_back_import``): rows it added, rows it changed."""

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
                                [encode_image(touch.before), None if touch.after is None
                                 else encode_image(touch.after), touch.rowid])

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
                            [encode_image(before), later])
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
                                   set(stored_columns(self.db, table)))
        return self._schema[table]


_STANDING = "(SELECT id FROM imports WHERE undone_at IS NULL)"


def _same(a, b) -> bool:
    """Equal as stored (1 and 1.0 are the same number)."""
    return a == b if a is not None and b is not None else a is None and b is None


# --- the workshop saves' journal, kept in step with an undo ------------------------------

def comparable(value):
    """A stored value as a workshop save compares it: blank text is None, 2.0 is 2."""
    value = to_sql_value(value)
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def follow_version(db: Database, table: str, row_id: int, old: int, new: int) -> None:
    """A row went from version ``old`` to ``new`` by an undo, which kept or put back what
    the saves that left it at ``old`` wrote: they now left it at ``new``, so they can
    still be undone (a row changed in any other way refuses their undo)."""
    db.execute("UPDATE workshop_save_rows SET after_version = ? WHERE row_id = ? "
               "AND after_version = ? AND save_id IN (SELECT id FROM workshop_saves "
               "WHERE table_name = ? AND undone_at IS NULL)", [new, row_id, old, table])


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
        image = json.loads(before)
        changed = {f: without for f, (mine, without) in values.items()
                   if f in image and comparable(image[f]) == comparable(mine)}
        if changed:
            db.execute("UPDATE workshop_save_rows SET before = ? WHERE rowid = ?",
                       [json.dumps({**image, **changed}), rowid])
