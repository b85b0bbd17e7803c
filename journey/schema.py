"""The workspace schema: numbered migrations, each frozen with the SQL it was written with.

A migration never reads live code (field lists, stage ranks, a module's SQL): what it
created on the day it was written is what it creates on every workspace it ever upgrades,
however the code moves on. A change to the schema is a new migration at the end.
tests/test_migrations.py upgrades a workspace made at every older step and compares it
with a fresh one.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("journey")


def run_script(db: Database, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the migration's transaction)."""
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


@migrations()
def m001_create_tables(db: Database) -> None:
    """Clients (the tracker's fields and the figures derived from events), events, the
    imports and their undo records, reference rows, settings, mappings, personas and
    touchpoints."""
    run_script(db, """
CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  client_key TEXT NOT NULL UNIQUE,
  name_key TEXT,
  [client_id] TEXT,
  [name] TEXT,
  [client_type] TEXT,
  [purchasing_frequency] TEXT,
  [country] TEXT,
  [region] TEXT,
  [persona] TEXT,
  [contact_name] TEXT,
  [email] TEXT,
  [phone] TEXT,
  [revenue_current] REAL,
  [revenue_potential] REAL,
  [communication] TEXT,
  [preferred_channel] TEXT,
  [discounts] TEXT,
  [behaviour] TEXT,
  [key_decision_maker] TEXT,
  [payment_terms] TEXT,
  [contract_on_file] INTEGER,
  [sla] TEXT,
  [sales_volume_per_week] REAL,
  [net_profit_per_week] REAL,
  [buyer_type] TEXT,
  [peak_reason] TEXT,
  [dip_reason] TEXT,
  [lessons_learnt] TEXT,
  [reward_effort_rank] REAL,
  [stage] TEXT,
  [status] TEXT,
  [channel] TEXT,
  [owner] TEXT,
  [first_contact] TEXT,
  [last_contact] TEXT,
  [satisfaction] REAL,
  [nps] REAL,
  [purchases] REAL,
  [referrals] REAL,
  [complaints] REAL,
  [objections] REAL,
  [refunds] REAL,
  stage_raw TEXT,
  extra TEXT,
  import_id INTEGER,
  updated_at TEXT,
  [furthest_stage] TEXT,
  [furthest_rank] INTEGER,
  [current_stage] TEXT,
  [outcome] TEXT,
  [first_date] TEXT,
  [last_date] TEXT,
  [event_count] INTEGER,
  [purchase_count] INTEGER,
  [purchase_days] INTEGER,
  [revenue_events] REAL,
  [won_count] INTEGER,
  [lost_count] INTEGER,
  [complaint_count] INTEGER,
  [internal_complaint_count] INTEGER,
  [refund_count] INTEGER,
  [cancellation_count] INTEGER,
  [objection_count] INTEGER,
  [referral_count] INTEGER,
  [review_count] INTEGER,
  [contact_count] INTEGER,
  [stage_since] TEXT,
  [pre_awareness_at] TEXT,
  [awareness_at] TEXT,
  [consideration_at] TEXT,
  [purchase_at] TEXT,
  [retention_at] TEXT,
  [advocacy_at] TEXT
);
CREATE INDEX clients_name_key ON clients(name_key);
CREATE INDEX clients_furthest ON clients(furthest_rank);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  client_ref INTEGER REFERENCES clients(id) ON DELETE SET NULL,
  [client_id] TEXT,
  [name] TEXT,
  [date] TEXT,
  [kind] TEXT,
  [stage] TEXT,
  [channel] TEXT,
  [touchpoint] TEXT,
  [department] TEXT,
  [amount] REAL,
  [status] TEXT,
  [reason] TEXT,
  [note] TEXT,
  [order_id] TEXT,
  stage_raw TEXT,
  extra TEXT,
  row_key TEXT NOT NULL UNIQUE,
  import_id INTEGER
);
CREATE INDEX events_client ON events(client_ref, kind, date);
CREATE INDEX events_kind_date ON events(kind, date);
CREATE INDEX events_order ON events(order_id);
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  sheet TEXT,
  kind TEXT NOT NULL,
  checksum TEXT,
  mapping TEXT,
  stage_map TEXT,
  set_values TEXT,
  rows INTEGER, inserted INTEGER, updated INTEGER, rejected INTEGER,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
  undone_at TEXT
);
CREATE TABLE import_problems (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  row INTEGER, [column] TEXT, value TEXT, reason TEXT
);
CREATE INDEX import_problems_import ON import_problems(import_id);
-- before-images of rows an import updated, for undo
CREATE TABLE import_changes (
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  before TEXT NOT NULL
);
CREATE INDEX import_changes_row ON import_changes(table_name, row_id);
CREATE INDEX import_changes_import ON import_changes(import_id);
-- sheets that are neither clients nor events, kept as they came
CREATE TABLE reference_rows (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  sheet TEXT, row INTEGER, data TEXT
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE stage_mappings (value_key TEXT PRIMARY KEY, raw_value TEXT, target TEXT NOT NULL);
CREATE TABLE saved_mappings (
  headers_key TEXT PRIMARY KEY, kind TEXT, mapping TEXT, updated_at TEXT
);
CREATE TABLE personas (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL, title TEXT, icon TEXT, photo BLOB, photo_type TEXT,
  description TEXT, goals TEXT, pain_points TEXT, delights TEXT,
  preferred_contact TEXT, key_opportunities TEXT, sales_tips TEXT, sales_method TEXT,
  target_revenue REAL, target_visit_frequency REAL, target_satisfaction REAL,
  impact INTEGER, effort INTEGER,
  tier INTEGER, archived INTEGER NOT NULL DEFAULT 0, position INTEGER,
  updated_at TEXT, version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE touchpoints (
  id INTEGER PRIMARY KEY,
  stage TEXT NOT NULL, position INTEGER,
  touchpoint TEXT NOT NULL, channel TEXT, department TEXT, customer_action TEXT,
  thinks_feels TEXT, emotion INTEGER, pain_points TEXT, delights TEXT, opportunities TEXT,
  kpi TEXT, owner TEXT, state TEXT NOT NULL DEFAULT 'current',
  updated_at TEXT, version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX touchpoints_stage ON touchpoints(stage, position)
""")


@migrations()
def m002_personas(db: Database) -> None:
    """Clients assigned to a persona by hand (they win over the tracker's persona column).
    No foreign key on persona_id: undoing a Personas import deletes and re-inserts the
    persona row, which must not take its assignments with it."""
    run_script(db, """
CREATE TABLE persona_assignments (
  client_ref INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
  persona_id INTEGER NOT NULL
);
CREATE INDEX persona_assignments_persona ON persona_assignments(persona_id)
""")


@migrations()
def m003_workshop(db: Database) -> None:
    """The function map (seeded with seven functions), touchpoint-table saves for undo,
    and named snapshots of the journey map."""
    run_script(db, """
CREATE TABLE function_map (
  id INTEGER PRIMARY KEY,
  department TEXT NOT NULL UNIQUE, uses TEXT, outcome TEXT, stages TEXT,
  position INTEGER, updated_at TEXT, version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE workshop_saves (
  id INTEGER PRIMARY KEY,
  table_name TEXT NOT NULL, scope TEXT, summary TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
  undone_at TEXT
);
-- before-images of the rows a save changed (before NULL: the save added the row)
CREATE TABLE workshop_save_rows (
  save_id INTEGER NOT NULL REFERENCES workshop_saves(id) ON DELETE CASCADE,
  row_id INTEGER NOT NULL, before TEXT, after_version INTEGER,
  position_only INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX workshop_save_rows_save ON workshop_save_rows(save_id);
CREATE TABLE map_snapshots (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE, note TEXT, data TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);
INSERT INTO function_map(department, uses, outcome, stages, position) VALUES
  ('marketing', 'Awareness and lead generation', 'Better targeting', 'awareness, consideration, advocacy', 1);
INSERT INTO function_map(department, uses, outcome, stages, position) VALUES
  ('sales', 'The buying decision path', 'A faster close rate', 'consideration, purchase', 2);
INSERT INTO function_map(department, uses, outcome, stages, position) VALUES
  ('CX and account management', 'Retention and satisfaction', 'Higher loyalty', 'purchase, retention, advocacy', 3);
INSERT INTO function_map(department, uses, outcome, stages, position) VALUES
  ('operations', 'Service delivery', 'Better efficiency', 'purchase, retention', 4);
INSERT INTO function_map(department, uses, outcome, stages, position) VALUES
  ('product', 'Offers around pain points', 'More valuable services', 'consideration, retention', 5);
INSERT INTO function_map(department, uses, outcome, stages, position) VALUES
  ('support', 'Responsiveness and tone', 'Fewer complaints', 'purchase, retention', 6);
INSERT INTO function_map(department, uses, outcome, stages, position) VALUES
  ('leadership', 'Teams aligned around customer value', 'A unified strategy', NULL, 7)
""")


@migrations()
def m004_funnel_indexes(db: Database) -> None:
    """Each client's stored path through the stages (``clients.stage_path``) and the
    indexes that keep the funnel page fast at 100,000 clients; the paths of the clients
    already there are computed as journey.paths computed them on the day."""
    if "stage_path" not in {c.name for c in db["clients"].columns}:
        db.execute("ALTER TABLE clients ADD COLUMN stage_path TEXT")
    run_script(db, """
CREATE INDEX IF NOT EXISTS events_path ON events(client_ref, date, id, stage, kind, amount)
  WHERE client_ref IS NOT NULL AND date IS NOT NULL
    AND (stage IS NOT NULL OR kind IN ('purchase', 'won', 'referral', 'review', 'nps'));
CREATE INDEX IF NOT EXISTS clients_persona_rank ON clients(persona, furthest_rank);
CREATE INDEX IF NOT EXISTS clients_now ON clients(furthest_rank, current_stage, outcome);
CREATE INDEX IF NOT EXISTS clients_last_date ON clients(last_date)
""")
    db.execute("""CREATE TEMP TABLE _first_buy AS
        SELECT e.client_ref AS id, MIN(substr(e.date, 1, 10)) AS day FROM events e
        WHERE e.kind IN ('purchase', 'won') AND e.client_ref IS NOT NULL AND e.date IS NOT NULL
          AND (e.stage IS NOT NULL OR e.kind IN ('purchase', 'won', 'referral', 'review', 'nps'))
        GROUP BY e.client_ref""")
    db.execute("""CREATE TEMP TABLE _path AS
        SELECT e.client_ref AS id, group_concat(NULLIF(MAX(
          COALESCE(CASE e.stage WHEN 'pre-awareness' THEN 0 WHEN 'awareness' THEN 1
            WHEN 'consideration' THEN 2 WHEN 'purchase' THEN 3 WHEN 'retention' THEN 4
            WHEN 'advocacy' THEN 5 END, -1),
          CASE WHEN e.kind IN ('purchase', 'won') THEN
            CASE WHEN substr(e.date, 1, 10) > f.day THEN 4 ELSE 3 END
          WHEN (e.kind IN ('referral', 'review') OR (e.kind = 'nps' AND e.amount >= 9)) THEN 5
          ELSE -1 END), -1), '') AS path
        FROM events e INDEXED BY events_path LEFT JOIN _first_buy f ON f.id = e.client_ref
        WHERE e.client_ref IS NOT NULL AND e.date IS NOT NULL
          AND (e.stage IS NOT NULL OR e.kind IN ('purchase', 'won', 'referral', 'review', 'nps'))
        GROUP BY e.client_ref""")
    while db.execute("""UPDATE _path SET path = replace(replace(replace(replace(replace(
          replace(path, '00', '0'), '11', '1'), '22', '2'), '33', '3'), '44', '4'), '55', '5')
        WHERE instr(path, '00') OR instr(path, '11') OR instr(path, '22') OR instr(path, '33')
          OR instr(path, '44') OR instr(path, '55')""").rowcount:      # repeats collapsed
        pass
    db.execute("""UPDATE clients SET stage_path = p.path FROM (
                     SELECT c.id, _path.path FROM clients c LEFT JOIN _path ON _path.id = c.id
                     WHERE 1 ) AS p
                   WHERE clients.id = p.id AND clients.stage_path IS NOT p.path""")
    run_script(db, "DROP TABLE temp._first_buy;\nDROP TABLE temp._path")


@migrations()
def m005_signs_indexes(db: Database) -> None:
    """Covering indexes for the signs of misalignment: events by kind and date with their
    client, events with a reason, and the signs' per-client dates and flags as one indexed
    expression (it must stay equal to journey.signs.CLIENT_DAYS for SQLite to use it; a
    test checks)."""
    run_script(db, """
CREATE INDEX IF NOT EXISTS events_kind_date_client ON events(kind, date, client_ref);
CREATE INDEX IF NOT EXISTS events_kind_date_reason ON events(kind, date, reason, client_ref)
  WHERE reason IS NOT NULL;
CREATE INDEX IF NOT EXISTS clients_signs_days ON clients(
  COALESCE(substr(first_date, 1, 10), '          ')
  || COALESCE(substr(last_date, 1, 10), '          ')
  || COALESCE(substr(COALESCE(purchase_at, first_date), 1, 10), '          ')
  || COALESCE(substr(COALESCE(consideration_at, purchase_at, retention_at, advocacy_at,
                              first_date), 1, 10), '          ')
  || COALESCE(furthest_rank, 1) || COALESCE(outcome IN ('churned', 'cancelled'), 0))
""")


@migrations()
def m006_undo_after_images(db: Database) -> None:
    """What an import wrote into each row it changed (``import_changes.after``), so that
    undo tells the import's values from changes made since (see journey.ingest.undo_import)."""
    db.execute("ALTER TABLE import_changes ADD COLUMN after TEXT")


@migrations()
def m007_actions(db: Database) -> None:
    """The workshop's action list (journey.workshop.actions)."""
    run_script(db, """
CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL, owner TEXT, department TEXT, stage TEXT,
  impact INTEGER, effort INTEGER, due TEXT,
  status TEXT NOT NULL DEFAULT 'open', source TEXT, note TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
  updated_at TEXT, version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX actions_owner ON actions(owner, status)
""")


@migrations()
def m008_kpis_and_sessions(db: Database) -> None:
    """The workshop's KPIs (journey.workshop.kpis: a measure, an optional stage and persona,
    a target, a due date, and an actual entered by hand where the data has none) and its
    closed sessions (journey.workshop.sessions: the figures each one kept, as JSON)."""
    run_script(db, """
CREATE TABLE kpis (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL, measure TEXT NOT NULL, stage TEXT, persona TEXT,
  target REAL NOT NULL, unit TEXT, better TEXT NOT NULL DEFAULT 'higher', due TEXT,
  actual REAL, actual_on TEXT, note TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
  updated_at TEXT, version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE workshop_sessions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL, note TEXT, measured_to TEXT, snapshot TEXT NOT NULL,
  closed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
)
""")


@migrations()
def m009_method(db: Database) -> None:
    """The workshop method's guided session (journey.workshop.method): the steps a
    facilitator ticked done, per track, and the answers typed on the customer worksheet,
    per question and persona (the persona's name; '' for every customer)."""
    run_script(db, """
CREATE TABLE method_steps (
  track TEXT NOT NULL, step TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT,
  PRIMARY KEY (track, step)
);
CREATE TABLE method_answers (
  question TEXT NOT NULL, persona TEXT NOT NULL DEFAULT '', answer TEXT NOT NULL,
  updated_at TEXT,
  PRIMARY KEY (question, persona)
)
""")


@migrations()
def m010_scale_indexes(db: Database) -> None:
    """Issue 18 at a million clients and ten million events. The funnel broken down by a
    client type, region or channel (the segments the sidebar also filters by) reads its
    (field, furthest_rank) index instead of sorting every client, as persona's has since
    m004; each holds only the clients with a value, so a field a workspace does not use
    costs its imports nothing (the other segment fields have none: each such index costs a
    100,000-client import about 80 ms). And the events that name a department, by kind and
    date: the signs name the departments raising internal complaints without reading the
    events themselves (events without a department cost nothing)."""
    run_script(db, """
CREATE INDEX IF NOT EXISTS clients_client_type_rank ON clients(client_type, furthest_rank)
  WHERE client_type IS NOT NULL;
CREATE INDEX IF NOT EXISTS clients_region_rank ON clients(region, furthest_rank)
  WHERE region IS NOT NULL;
CREATE INDEX IF NOT EXISTS clients_channel_rank ON clients(channel, furthest_rank)
  WHERE channel IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_kind_date_department ON events(kind, date, department,
  client_ref) WHERE department IS NOT NULL
""")


@migrations()
def m011_one_rank_index(db: Database) -> None:
    """Issue 18: clients_furthest (furthest_rank) leaves. clients_now (furthest_rank,
    current_stage, outcome) begins with the same column, so it serves every query the
    other did, and an import of 100,000 clients builds one index fewer (about 40 ms)."""
    db.execute("DROP INDEX IF EXISTS clients_furthest")


@migrations()
def m012_last_seen_at_first_contact(db: Database) -> None:
    """A client seen once, on its first contact, was last seen then: last_date is never
    before first_contact (journey.derive works it out so from now on). Without it, a
    tracker's clients with a first contact date only were never active in any window."""
    db.execute("UPDATE clients SET last_date = first_contact WHERE first_contact IS NOT NULL "
               "AND (last_date IS NULL OR last_date < first_contact)")


@migrations()
def m013_imports_recognised_as(db: Database) -> None:
    """The export profile that recognised an import's sheet (journey.ingest.profiles), kept
    with it: what its rows can say depends on it (a help desk's contacts are only the
    people who wrote in)."""
    db.execute("ALTER TABLE imports ADD COLUMN recognised_as TEXT")


@migrations()
def m014_first_seen_by_last_contact(db: Database) -> None:
    """A client known only by its last contact was first seen by then: first_date is never
    after last_contact (journey.derive works it out so from now on). Without it, a
    tracker with a last contact date alone never dated its customers' purchases, and its
    win rate counted the lost ones only."""
    db.execute("UPDATE clients SET first_date = last_contact WHERE last_contact IS NOT NULL "
               "AND (first_date IS NULL OR first_date > last_contact)")


@migrations()
def m015_events_keyed_by_order(db: Database) -> None:
    """An event with an order ID is identified by its kind and order, not its content
    (journey.ingest.save._event_keys), so an order listed again with new values is updated
    instead of added twice. The events of imports whose order IDs identify them (at most
    five events per order, as the import decides) take such keys: the n-th event of a kind
    and order, in the order they were saved."""
    db.execute("""
        UPDATE events SET row_key = 'order:' || COALESCE(r.kind, '') || ':' || r.order_id
                                    || ':' || (r.n - 1)
        FROM (SELECT id, kind, order_id,
                     ROW_NUMBER() OVER (PARTITION BY kind, order_id ORDER BY id) AS n
              FROM events WHERE order_id IS NOT NULL AND import_id IN (
                SELECT import_id FROM events WHERE order_id IS NOT NULL GROUP BY import_id
                HAVING 5 * COUNT(DISTINCT order_id) >= COUNT(*))) AS r
        WHERE events.id = r.id""")


@migrations()
def m016_a_deal_and_its_invoice_are_one_sale(db: Database) -> None:
    """A deal won and the invoice that bills it are one sale: a client's sales are its
    purchases or its won deals, whichever it has more of (journey.derive counts so from now
    on; before, both counted). A workspace holding won deals asks for its clients' figures
    to be worked out again; journey.derive does it the next time the workspace opens
    (``workspace.after_open``)."""
    db.execute("INSERT OR REPLACE INTO settings(key, value) SELECT '_refigure', '1' "
               "WHERE EXISTS (SELECT 1 FROM events WHERE kind = 'won')")


@migrations()
def m017_a_visit_and_its_bill_are_one_sale(db: Database) -> None:
    """A sale with no amount and another import's sale with an amount, for the same client
    on the same day, are one sale (journey.derive counts so from now on). A workspace whose
    sales came from more than one import asks for its figures to be worked out again."""
    db.execute("INSERT OR REPLACE INTO settings(key, value) SELECT '_refigure', '1' "
               "WHERE (SELECT COUNT(*) FROM imports WHERE kind = 'events') > 1")


@migrations()
def m018_imports_currencies(db: Database) -> None:
    """The currencies of an import's amounts where it found more than one (added together
    as written: the pages say so beside the money they show)."""
    db.execute("ALTER TABLE imports ADD COLUMN currencies TEXT")


@migrations()
def m019_imports_unchanged(db: Database) -> None:
    """Of the clients an import updated, those already as its sheet had them (nothing
    written): an owner's tracker uploaded again shows what changed. 0 for earlier imports,
    which did not tell."""
    db.execute("ALTER TABLE imports ADD COLUMN unchanged INTEGER NOT NULL DEFAULT 0")


@migrations()
def m020_clients_refunded(db: Database) -> None:
    """The money each client's refunds gave back (``refunded_events``), stored with its
    other figures so that revenue net of refunds (``derive.client_revenue_sql``) is read,
    not summed again for every client on every page. Worked out the next time the
    workspace opens (``workspace.after_open``)."""
    db.execute("ALTER TABLE clients ADD COLUMN refunded_events REAL")
    db.execute("INSERT OR REPLACE INTO settings(key, value) SELECT '_refigure', '1' "
               "WHERE EXISTS (SELECT 1 FROM events WHERE kind = 'refund')")


@migrations()
def m021_clients_cohort_index(db: Database) -> None:
    """Clients by the month of their first contact and how far they got: the funnel's
    monthly cohorts (``funnel.cohort_conversion``) are read in the index's order, with no
    sort of every client: on SQLite 3.51, whose temporary store is in memory, that sort
    took 1.4 s at a million clients, the index's order 73 ms."""
    db.execute("CREATE INDEX IF NOT EXISTS clients_cohort "
               "ON clients(substr(first_date, 1, 7), furthest_rank)")


@migrations()
def m022_clients_path_index(db: Database) -> None:
    """Each client's stored path, in order, for the clients who have one: the Sankey's
    transitions (``paths.stage_transitions``) count the clients per path from the index
    alone, with no sort of every client (at a million clients on SQLite 3.51: 1.4 s, the
    index 40 ms). A tracker's clients have no path, so its imports build almost nothing."""
    db.execute("CREATE INDEX IF NOT EXISTS clients_path ON clients(stage_path) "
               "WHERE stage_path IS NOT NULL")


@migrations()
def m023_a_repeat_won_deal_is_retention_now(db: Database) -> None:
    """A client whose latest sale states its stage (a won deal's "closed won") and came on
    a later day than its first is now at retention, as one whose latest purchase states
    none (journey.derive read the stated stage, purchase). A workspace holding such sales
    asks for its clients' figures to be worked out again the next time it opens."""
    db.execute("INSERT OR REPLACE INTO settings(key, value) SELECT '_refigure', '1' "
               "WHERE EXISTS (SELECT 1 FROM events WHERE kind IN ('purchase', 'won') "
               "AND stage = 'purchase')")


@migrations()
def m024_whole_order_returns_priced(db: Database) -> None:
    """A refund that names an order and says no amount (Superstore's Returns sheet: the
    whole order returned) takes the order's amount, its sales' amounts summed (those of the
    refund's client, or of no client when it has none), and the order's date where it has
    none. Imports do so since session 20, over every event stored
    (``journey.ingest.save._price_whole_order_returns``); this prices the returns a
    workspace held before exactly as its next import would: the same rule (frozen here) over
    the same events. Not priced: a second such refund of one order, an order a refund with an
    amount names, a refund the order's own sheet lists beside its sale, an order the
    workspace does not have. Each price is recorded for undo under the import that brought
    the order's sales, as an import records it, and the workspace works its clients'
    figures out again the next time it opens."""
    db.execute("""
        CREATE TEMP TABLE _whole_order_returns AS
        SELECT r.id, r.date, o.amount, o.day, o.owner
        FROM (SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.order_id ORDER BY e.id) AS n
              FROM events e
              WHERE e.kind = 'refund' AND e.amount IS NULL AND e.order_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM events g WHERE g.order_id = e.order_id
                                AND (g.kind = 'refund' AND g.amount IS NOT NULL
                                     OR g.kind = 'purchase' AND g.import_id = e.import_id))) r
        JOIN (SELECT s.order_id, s.client_ref, SUM(s.amount) AS amount, MIN(s.date) AS day,
                     MAX(s.import_id) AS owner
              FROM events s WHERE s.kind = 'purchase' AND s.order_id IS NOT NULL
                AND s.order_id IN (SELECT order_id FROM events WHERE kind = 'refund'
                                   AND amount IS NULL)
              GROUP BY s.order_id, s.client_ref) o
          ON o.order_id = r.order_id AND o.client_ref IS r.client_ref
        WHERE r.n = 1 AND o.amount IS NOT NULL""")
    db.execute("INSERT INTO import_changes(import_id, table_name, row_id, before, after) "
               "SELECT owner, 'events', id, json_object('amount', NULL, 'date', date), "
               "'[\"amount\", \"date\"]' FROM temp._whole_order_returns ORDER BY id")
    db.execute("UPDATE events SET amount = p.amount, date = COALESCE(events.date, p.day) "
               "FROM temp._whole_order_returns AS p WHERE events.id = p.id")
    db.execute("INSERT OR REPLACE INTO settings(key, value) SELECT '_refigure', '1' "
               "WHERE EXISTS (SELECT 1 FROM temp._whole_order_returns)")
    db.execute("DROP TABLE temp._whole_order_returns")


@migrations()
def m025_events_stage_values_waiting(db: Database) -> None:
    """The events whose stage value nothing understands yet (a stage_raw without a stage),
    almost always none: the values waiting to be mapped
    (``journey.ingest.pending_stage_values``, on the first visit to the Overview, Funnel
    and Import pages) are read from this index, where every event was read (0.72-0.91 s of
    CPU at ten million events)."""
    db.execute("CREATE INDEX IF NOT EXISTS events_stage_waiting ON events(stage_raw) "
               "WHERE stage IS NULL AND stage_raw IS NOT NULL")
