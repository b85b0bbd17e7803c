"""The funnel and the journey's moves, on hand-worked workspaces and on the Maven CRM file.

The small workspace (``shop``) is imported through ``journey.ingest.import_file``:

client  first contact  events (as listed in the file)                 furthest     outcome
A       2024-01-01     awareness 01-01, purchase 01-20                purchase     -
B       2024-01-02     purchase 03-01, awareness 01-02,               purchase     -
                       consideration 02-01 (out of order in the file)
C       2024-01-03     awareness 01-03, consideration 01-10, lost     consideration lost
D       2024-01-04     purchase 01-04, purchase 05-04, contact        retention    churned
                       at consideration 06-01 (status churned)
E       2024-01-05     none: stage column "consideration" only         consideration -
F       (events only)  awareness 02-01, consideration 02-15           consideration -
"""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from conftest import REPO, csv_bytes
from journey import figures, funnel, paths
from journey.errors import ValidationError
from journey.filters import Filters
from journey.ingest import import_file, undo_import
from journey.stages import RANK, STAGES
from journey.workspace import open_memory_workspace, open_workspace, set_setting

CLIENTS = """Client ID,Name,Channel,Owner,First contact,Stage,Status
A,Ann,search,Kim,2024-01-01,,
B,Bob,search,Kim,2024-01-02,,
C,Cy,referral,Lee,2024-01-03,,
D,Di,referral,Lee,2024-01-04,,churned
E,Ed,ads,Kim,2024-01-05,consideration,
"""
EVENTS = """Client ID,Date,Kind,Stage
A,2024-01-01,contact,awareness
A,2024-01-20,purchase,
B,2024-03-01,purchase,
B,2024-01-02,contact,awareness
B,2024-02-01,stage_change,consideration
C,2024-01-03,contact,awareness
C,2024-01-10,stage_change,consideration
C,2024-02-10,lost,
D,2024-01-04,purchase,
D,2024-05-04,purchase,
D,2024-06-01,contact,consideration
F,2024-02-01,contact,awareness
F,2024-02-15,stage_change,consideration
"""


def counts(frame: pd.DataFrame) -> list[int]:
    return [int(n) for n in frame["clients"]]


def records(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in row)
            for row in frame[columns].itertuples(index=False, name=None)]


@pytest.fixture(scope="module")
def shop():
    db = open_memory_workspace()
    import_file(db, "clients.csv", csv_bytes(CLIENTS))
    (events,) = import_file(db, "events.csv", csv_bytes(EVENTS), kind="events")
    assert (events.inserted, events.rejected) == (13, 0)
    yield db
    db.close()


def test_the_workspace_is_what_the_table_says(shop):
    rows = shop.execute("SELECT client_id, furthest_stage, outcome, first_date, stage_path "
                        "FROM clients ORDER BY client_id").fetchall()
    assert rows == [("A", "purchase", None, "2024-01-01", "13"),
                    ("B", "purchase", None, "2024-01-02", "123"),
                    ("C", "consideration", "lost", "2024-01-03", "12"),
                    ("D", "retention", "churned", "2024-01-04", "342"),
                    ("E", "consideration", None, "2024-01-05", None),
                    ("F", "consideration", None, "2024-02-01", "12")]


# --- the closed funnel --------------------------------------------------------------------

def test_five_stage_funnel(shop):
    frame = funnel.compute_funnel(shop)
    assert records(frame, funnel.FUNNEL_COLUMNS) == [
        ("awareness", "Awareness", 6, None, 100.0, None),
        ("consideration", "Consideration", 6, 100.0, 100.0, 0),
        ("purchase", "Purchase", 3, 50.0, 50.0, 3),
        ("retention", "Retention", 1, 33.33, 16.67, 2),
        ("advocacy", "Advocacy", 0, 0.0, 0.0, 1)]
    drop = funnel.biggest_drop(frame)
    assert (drop.from_stage, drop.to_stage, drop.pct_lost) == ("retention", "advocacy", 100.0)


def test_six_stage_and_phase_models(shop):
    six = funnel.compute_funnel(shop, model="pre-awareness")
    assert list(six["stage"]) == ["pre-awareness", *STAGES]
    assert counts(six) == [6, 6, 6, 3, 1, 0]
    phases = funnel.compute_funnel(shop, model="phases")
    assert records(phases, ["stage", "label", "clients", "pct_of_previous"]) == [
        ("pre-purchase", "Pre-purchase", 6, None), ("purchase", "Purchase", 3, 50.0),
        ("post-purchase", "Post-purchase", 1, 33.33)]
    assert funnel.biggest_drop(phases).sentence == (
        "67% of clients who bought did not come back or recommend you.")
    with pytest.raises(ValidationError, match="no funnel model 'seven'"):
        funnel.compute_funnel(shop, model="seven")


def test_pre_awareness_clients_count_only_where_the_model_has_that_stage():
    db = open_memory_workspace()
    import_file(db, "targets.csv", csv_bytes("Name,Stage\nTara,target\nUli,lead\n"))
    assert counts(funnel.compute_funnel(db)) == [1, 0, 0, 0, 0]
    assert counts(funnel.compute_funnel(db, model="pre-awareness")) == [2, 1, 0, 0, 0, 0]
    assert counts(funnel.compute_funnel(db, model="phases")) == [1, 0, 0]
    assert counts(funnel.compute_funnel(db, model="phases", pre_awareness=True)) == [2, 0, 0]


def test_conversion_window(shop):
    # 30 days: A bought on day 19, D on day 0; B considered on day 30 (inside) but bought
    # on day 59; D came back on day 121; E's stage has no date, so it proves nothing.
    assert counts(funnel.compute_funnel(shop, window_days=30)) == [6, 5, 2, 0, 0]
    assert counts(funnel.compute_funnel(shop, window_days=29)) == [6, 4, 2, 0, 0]
    assert counts(funnel.compute_funnel(shop, window_days=0)) == [6, 1, 1, 0, 0]   # D
    assert counts(funnel.compute_funnel(shop, window_days=3650)) == [6, 5, 3, 1, 0]
    assert counts(funnel.compute_funnel(shop, model="phases", window_days=30)) == [6, 2, 0]
    with pytest.raises(ValidationError, match="number of days"):
        funnel.compute_funnel(shop, window_days=-1)


def test_filters_select_clients(shop):
    assert counts(funnel.compute_funnel(shop, filters=Filters(channel=("referral",)))) == [
        2, 2, 1, 1, 0]
    # The date range picks clients by first contact: F (February) alone.
    feb = Filters(date_from="2024-02-01", date_to="2024-02-29")
    assert counts(funnel.compute_funnel(shop, filters=feb)) == [1, 1, 0, 0, 0]


# --- breakdowns and cohorts ---------------------------------------------------------------

def test_breakdown_by_channel_largest_first_then_other(shop):
    by = funnel.compute_funnel_by(shop, "channel")
    assert {k: counts(v) for k, v in by.items()} == {
        "referral": [2, 2, 1, 1, 0], "search": [2, 2, 2, 0, 0],
        "(not set)": [1, 1, 0, 0, 0], "ads": [1, 1, 0, 0, 0]}
    assert list(by) == ["referral", "search", "(not set)", "ads"]
    top = funnel.compute_funnel_by(shop, "channel", top=2)
    assert {k: counts(v) for k, v in top.items()} == {
        "referral": [2, 2, 1, 1, 0], "search": [2, 2, 2, 0, 0], "other": [2, 2, 0, 0, 0]}
    best = funnel.best_segment(by)
    assert (best["segment"], best["pct"], best["worst_segment"]) == ("search", 100.0, "ads")
    assert best["sentence"] == ("search converts best: 100% of its 2 clients reached "
                                "purchase; ads converts least: 0%.")
    table = funnel.segment_table(top)
    assert len(table) == 15 and set(table["segment"]) == {"referral", "search", "other"}
    assert table.loc[(table["segment"] == "referral") & (table["stage"] == "purchase"),
                     "pct_of_first"].item() == 50.0
    with pytest.raises(ValidationError, match="'colour'"):
        funnel.compute_funnel_by(shop, "colour")


def test_breakdown_with_window_and_phases(shop):
    by = funnel.compute_funnel_by(shop, "owner", model="phases", window_days=30)
    assert {k: counts(v) for k, v in by.items()} == {"Kim": [3, 1, 0], "(not set)": [1, 0, 0],
                                                     "Lee": [2, 1, 0]}


def test_cohorts_by_month_of_first_contact(shop):
    frame = funnel.cohort_conversion(shop)
    purchase = frame[frame["stage"] == "purchase"]
    assert records(purchase, ["cohort", "cohort_clients", "clients", "pct"]) == [
        ("2024-01", 5, 3, 60.0), ("2024-02", 1, 0, 0.0)]
    assert counts(frame[frame["cohort"] == "2024-01"]) == [5, 5, 3, 1, 0]
    # Nothing in the data is later than 2024-06-01: February has had 90 days, May would not.
    assert not frame["young"].any()
    windowed = funnel.cohort_conversion(shop, window_days=30)
    assert counts(windowed[windowed["cohort"] == "2024-01"]) == [5, 4, 2, 0, 0]


# --- timing, stalled clients, where clients are now ---------------------------------------

def test_median_days_between_stages(shop):
    frame = funnel.stage_durations(shop)
    # Awareness -> consideration: B 30, C 7, D 149, F 14 -> (14 + 30) / 2.
    # Consideration -> purchase: B 29 (D's consideration came after its purchase: left out).
    # Purchase -> retention: D 121. First contact -> purchase: A 19, B 59, D 0.
    assert records(frame, ["from_stage", "to_stage", "clients", "median_days"]) == [
        ("awareness", "consideration", 4, 22.0), ("consideration", "purchase", 1, 29.0),
        ("purchase", "retention", 1, 121.0), ("retention", "advocacy", 0, None),
        ("first contact", "purchase", 3, 19.0)]
    phases = funnel.stage_durations(shop, model="phases")
    assert records(phases, ["label", "clients", "median_days"]) == [
        ("Pre-purchase → Purchase", 3, 19.0), ("Purchase → Post-purchase", 1, 121.0),
        ("First contact → Purchase", 3, 19.0)]


def test_time_to_convert_buckets(shop):
    frame = funnel.time_to_convert(shop)
    assert records(frame, ["bucket", "clients"]) == [
        ("within a week", 1), ("8–30 days", 1), ("31–90 days", 1), ("91–180 days", 0),
        ("over 180 days", 0)]


def test_now_is_never_after_today(shop, monkeypatch):
    """A date after today (a booking, a date typed wrong) is not a contact yet: time in a
    stage is measured to the latest date that is not after today (journey.values.today)."""
    import datetime as dt

    from journey import values

    monkeypatch.setattr(values, "today", lambda: dt.date(2024, 5, 1))
    assert funnel.as_of_date(shop) == "2024-03-01"      # B's; D's 2024-06-01 is after today
    assert records(funnel.stalled_clients(shop, stall_days=30),
                   ["client_id", "days_in_stage"])[:2] == [("E", 56), ("A", 41)]


def test_stalled_clients(shop):
    # As of 2024-06-01 (the latest date in the data). C and D left; E, considering, was
    # last seen on its first contact (2024-01-05: 26 + 29 + 31 + 30 + 31 + 1 days before).
    assert funnel.as_of_date(shop) == "2024-06-01"
    frame = funnel.stalled_clients(shop)
    assert records(frame, ["client_id", "stage", "since", "days_in_stage", "owner",
                           "last_contact"]) == [
        ("E", "consideration", "2024-01-05", 148, "Kim", "2024-01-05"),
        ("A", "purchase", "2024-01-20", 133, "Kim", "2024-01-20"),       # bought once, no more
        ("F", "consideration", "2024-02-15", 107, None, "2024-02-15"),
        ("B", "purchase", "2024-03-01", 92, "Kim", "2024-03-01")]
    assert list(funnel.stalled_clients(shop, stall_days=110)["client_id"]) == ["E", "A"]
    assert list(funnel.stalled_clients(shop, as_of="2024-04-01")["client_id"]) == ["E", "A"]


def test_stall_days_is_a_workspace_setting():
    db = open_memory_workspace()
    import_file(db, "clients.csv", csv_bytes(CLIENTS))
    import_file(db, "events.csv", csv_bytes(EVENTS), kind="events")
    set_setting(db, "stall_days", 100)
    assert list(funnel.stalled_clients(db)["client_id"]) == ["E", "A", "F"]


def test_current_stage_beside_furthest(shop):
    frame = funnel.current_stages(shop)
    assert records(frame, ["stage", "reached", "furthest", "now", "left"]) == [
        ("awareness", 6, 0, 0, 0), ("consideration", 6, 3, 2, 2), ("purchase", 3, 2, 2, 0),
        ("retention", 1, 1, 0, 0), ("advocacy", 0, 0, 0, 0)]
    assert frame["reached"].tolist() == counts(funnel.compute_funnel(shop))


# --- the journey's moves ------------------------------------------------------------------

def test_moves_with_skips_backs_and_departures(shop):
    moves = paths.stage_transitions(shop)
    assert records(moves.links, ["source", "target", "kind", "moves", "clients"]) == [
        ("awareness", "consideration", "forward", 3, 3),      # B, C, F
        ("awareness", "purchase", "skip", 1, 1),              # A
        ("consideration", "purchase", "forward", 1, 1),       # B, ordered by date
        ("purchase", "retention", "forward", 1, 1),           # D's second purchase day
        ("retention", "consideration", "back", 1, 1),         # D
        ("consideration", "lost", "left", 1, 1),              # C
        ("consideration", "churned", "left", 1, 1)]           # D's current stage
    assert (moves.clients_with_path, moves.clients_moved, moves.clients_skipped,
            moves.clients_back, moves.clients_straight) == (5, 5, 1, 1, 3)
    assert moves.left == {"lost": 1, "churned": 1}
    assert moves.sentence == ("Of 5 clients whose events show them moving, 1 skipped a stage "
                              "and 1 went back at least once; 3 went straight ahead.")


def test_moves_between_phases(shop):
    moves = paths.stage_transitions(shop, model="phases")
    assert records(moves.links, ["source", "target", "kind", "moves"]) == [
        ("pre-purchase", "purchase", "forward", 2), ("purchase", "post-purchase", "forward", 1),
        ("post-purchase", "pre-purchase", "back", 1),
        ("pre-purchase", "lost", "left", 1), ("pre-purchase", "churned", "left", 1)]
    assert (moves.clients_moved, moves.clients_skipped, moves.clients_back) == (3, 0, 1)


def test_moves_follow_filters(shop):
    moves = paths.stage_transitions(shop, filters=Filters(channel=("search",)))
    assert records(moves.links, ["source", "target", "moves"]) == [
        ("awareness", "consideration", 1), ("awareness", "purchase", 1),
        ("consideration", "purchase", 1)]


def path_query_plan(db, **kwargs) -> str:
    """The plan SQLite makes for the paths query stage_transitions runs with ``kwargs``."""
    said = []
    db.conn.set_trace_callback(said.append)
    paths.stage_transitions(db, **kwargs)
    db.conn.set_trace_callback(None)
    query = next(q for q in said if "GROUP BY" in q and "stage_path" in q)
    return " ".join(str(r) for r in db.execute("EXPLAIN QUERY PLAN " + query).fetchall())


def test_paths_are_counted_from_their_index_unless_a_filter_picks_the_clients(shop):
    """Every client: the paths are counted from m022's index, in its order, with no sort
    (a million clients: 40 ms, where sorting them took 1.4 s). A filter: the filter's own
    index or a scan, never the path index (which would look up each client in turn). The
    counts are the ones test_moves_with_skips_backs_and_departures and
    test_moves_follow_filters work out by hand."""
    every = path_query_plan(shop)
    assert "COVERING INDEX clients_path" in every and "TEMP B-TREE" not in every
    assert "clients_path" not in path_query_plan(shop, filters=Filters(channel=("search",)))
    assert paths.stage_transitions(shop).clients_with_path == 5
    assert paths.stage_transitions(shop, filters=Filters(channel=("search",))).clients_moved == 2



@pytest.fixture(scope="module")
def bench_workspace(tmp_path_factory):
    """The funnel bench's workspace at 5,000 clients and 50,000 events, analysed: from
    that size up SQLite's statistics make the plans a million clients get."""
    sys.path.insert(0, str(REPO / "bench"))
    from funnel_bench import build
    path = tmp_path_factory.mktemp("bench") / "w.db"
    build(path, 5_000, 50_000)
    db = open_workspace(path)
    db.execute("ANALYZE")
    yield db
    db.close()


def test_the_clients_who_left_are_counted_from_the_covering_index(bench_workspace):
    """The Sankey's links to "lost" and "churned" read every client's furthest stage, stage
    now and outcome. On the funnel bench's workspace (from 5,000 clients up) SQLite's
    statistics chose a skip-scan of the cohort index and a read of each client's row
    (3.8 s of CPU at a million clients), where the (furthest_rank, current_stage, outcome)
    index holds all three (0.25 s). The links are those of a plain scan of every client."""
    db = bench_workspace
    said = []
    db.conn.set_trace_callback(said.append)
    links = paths.stage_transitions(db).links
    db.conn.set_trace_callback(None)
    query = next(q for q in said if "outcome IS NOT NULL" in q)
    plan = " ".join(str(r) for r in db.execute("EXPLAIN QUERY PLAN " + query).fetchall())
    assert "COVERING INDEX clients_now" in plan, plan
    scanned: dict[str, int] = {}
    for _, outcome, n in db.execute(query.replace("INDEXED BY clients_now", "NOT INDEXED")):
        scanned[outcome] = scanned.get(outcome, 0) + n
    left = links[links["kind"] == "left"].groupby("target")["clients"].sum()
    assert left.to_dict() == scanned and sum(scanned.values()) > 1_000


def test_a_period_reads_the_clients_in_turn_not_through_an_index(bench_workspace):
    """No index holds first_date, so with a period SQLite went through one chosen for its
    order (clients_now, the cohort index skip-scanned, a segment's) and looked each client
    up in turn: at a million clients and six months, the funnel's counts 1.45 s where
    reading every client takes 0.43 s. The period's figures read the clients table in
    turn, and are those counted here from every client's row."""
    db = bench_workspace
    last = db.execute("SELECT MAX(substr(first_date, 1, 10)) FROM clients").fetchone()[0]
    start = (pd.Timestamp(last) - pd.Timedelta(days=182)).date().isoformat()
    period = Filters(date_from=start, date_to=last)
    said = []
    db.conn.set_trace_callback(said.append)
    reached = funnel.compute_funnel(db, filters=period)
    by_persona = funnel.compute_funnel_by(db, "persona", filters=period)
    now = funnel.current_stages(db, filters=period)
    cohorts = funnel.cohort_conversion(db, filters=period)
    links = paths.stage_transitions(db, filters=period).links
    db.conn.set_trace_callback(None)
    dated = [q for q in said if start in q and "FROM clients" in q]
    assert len(dated) >= 5
    for query in dated:
        plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + query).fetchall())
        assert "SCAN clients" in plan and "INDEX" not in plan, (query, plan)
    rows = pd.DataFrame(db.execute("SELECT first_date, furthest_rank, persona, outcome "
                                   "FROM clients").fetchall(),
                        columns=["first_date", "furthest_rank", "persona", "outcome"])
    rows = rows[(rows["first_date"] >= start) & (rows["first_date"].str[:10] <= last)]
    assert 500 < len(rows) < 5_000
    expected = [int((rows["furthest_rank"] >= RANK[s]).sum()) for s in STAGES]
    assert reached["clients"].tolist() == expected
    for persona, frame in by_persona.items():
        mine = rows[rows["persona"] == persona]
        assert frame["clients"].tolist() == [int((mine["furthest_rank"] >= RANK[s]).sum())
                                             for s in STAGES]
    assert now["reached"].tolist() == expected
    assert cohorts.groupby("stage")["clients"].sum()[list(STAGES)].tolist() == expected
    left = links[links["kind"] == "left"].groupby("target")["clients"].sum().to_dict()
    gone = rows[rows["outcome"].notna()].groupby("outcome").size().to_dict()
    assert left == {k: v for k, v in gone.items() if k in left} and sum(left.values()) > 0


def test_where_clients_are_now_is_counted_in_the_index_order(bench_workspace):
    """Where clients are now is counted by the stored (furthest_rank, current_stage,
    outcome) in clients_now's order, with no sort of every client (a million clients:
    0.16 s of CPU, where grouping by ranks worked out of them sorted every client:
    0.77 s); only the few groups are then sorted. The counts are a plain count of every
    client's row."""
    db = bench_workspace
    said = []
    db.conn.set_trace_callback(said.append)
    now = funnel.current_stages(db)
    db.conn.set_trace_callback(None)
    query = next(q for q in said if "now_rank" in q)
    plan = db.execute("EXPLAIN QUERY PLAN " + query).fetchall()
    inner = [r for r in plan if "clients_now" in r[3]]
    assert inner and "COVERING INDEX" in inner[0][3], plan
    # (no sort beside the index's read: the one sort is the outer query's, of the groups)
    sorts = [r for r in plan if "TEMP B-TREE" in r[3]]
    assert len(sorts) == 1 and sorts[0][1] != inner[0][1], plan
    rows = pd.DataFrame(db.execute("SELECT furthest_rank, current_stage, outcome "
                                   "FROM clients").fetchall(),
                        columns=["furthest", "current", "outcome"])
    rank_now = rows["current"].map(RANK).fillna(rows["furthest"]).clip(lower=RANK["awareness"])
    active = rows[rows["outcome"].isna()]
    assert now["now"].tolist() == [int((rank_now[active.index] == RANK[s]).sum())
                                   for s in STAGES]
    assert now["left"].tolist() == [int((rank_now[rows["outcome"].notna()] == RANK[s]).sum())
                                    for s in STAGES]
    assert now["furthest"].tolist() == [int((rows["furthest"] == RANK[s]).sum())
                                        for s in STAGES]


def test_the_revenue_per_purchase_reads_the_clients_in_turn(bench_workspace):
    """No index holds the clients' revenue: grouped by persona through clients_persona_rank,
    SQLite looked each customer up in turn (0.60 s at a million clients); read in turn,
    0.24 s. A persona filter still picks its clients through the persona's index."""
    db = bench_workspace
    db.execute("SAVEPOINT money")       # (the bench's clients have no revenue: some, here)
    try:
        db.execute("UPDATE clients SET revenue_current = (id % 7) * 10.0, purchases = id % 3 "
                   "WHERE id % 2 = 0")
        per_persona_read_in_turn(db)
    finally:
        db.execute("ROLLBACK TO money")
        db.execute("RELEASE money")


def per_persona_read_in_turn(db) -> None:
    def plan(**kwargs):
        said = []
        db.conn.set_trace_callback(said.append)
        found = funnel.revenue_per_purchase(db, **kwargs)
        db.conn.set_trace_callback(None)
        query = next(q for q in said if "GROUP BY" in q)
        return found, " / ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + query))
    (per, overall), every = plan()
    assert "INDEX" not in every, every
    rows = pd.DataFrame(db.execute(
        "SELECT persona, COALESCE(revenue_current, MAX(0.0, revenue_events - "
        "COALESCE(refunded_events, 0))), MAX(1, COALESCE(purchases, 0), "
        "COALESCE(purchase_count, 0)) FROM clients WHERE furthest_rank >= 3 "
        "AND COALESCE(revenue_current, revenue_events) > 0").fetchall(),
        columns=["persona", "money", "purchases"])
    assert len(rows) > 300
    sums = rows.groupby("persona")[["money", "purchases"]].sum()
    assert per == pytest.approx((sums["money"] / sums["purchases"]).to_dict())
    assert overall == pytest.approx(rows["money"].sum() / rows["purchases"].sum())
    persona = sums.index[0]
    (chosen, _), one = plan(filters=Filters(persona=(persona,)))
    assert "clients_persona_rank" in one, one
    assert chosen == pytest.approx({persona: per[persona]})


def test_sankey_figure_has_a_node_per_side_and_a_link_per_move(shop):
    moves = paths.stage_transitions(shop)
    figure = figures.sankey_figure(moves)
    sankey = figure.data[0]
    assert list(sankey.node.label) == ["Awareness", "Consideration", "Purchase", "Retention",
                                       "→ Consideration", "→ Purchase", "→ Retention",
                                       "Lost", "Churned"]
    assert list(sankey.link.value) == [3, 1, 1, 1, 1, 1, 1]


def test_a_later_import_refreshes_the_paths():
    db = open_memory_workspace()
    import_file(db, "events.csv", csv_bytes(EVENTS), kind="events")
    import_file(db, "more.csv", csv_bytes("Client ID,Date,Kind,Stage\n"
                                          "F,2024-01-15,contact,consideration\n"
                                          "F,2024-03-01,referral,\n"), kind="events")
    path = db.execute("SELECT stage_path FROM clients WHERE client_id = 'F'").fetchone()[0]
    assert path == "2125"       # consideration 01-15, awareness, consideration, advocacy


def test_undoing_the_events_takes_their_clients_paths_away():
    """A client whose every event is undone has no path (its stored one is cleared, where
    the others' are kept); refresh_paths writes only the paths that changed."""
    db = open_memory_workspace()
    import_file(db, "clients.csv", csv_bytes(CLIENTS))
    import_file(db, "events.csv", csv_bytes(EVENTS), kind="events")
    (more,) = import_file(db, "more.csv", csv_bytes("Client ID,Date,Kind,Stage\n"
                                                    "E,2024-02-01,contact,awareness\n"
                                                    "E,2024-03-01,purchase,\n"), kind="events")
    stored = lambda: dict(db.execute("SELECT client_id, stage_path FROM clients").fetchall())  # noqa: E731
    assert stored()["E"] == "13"
    undo_import(db, more.import_id)
    after = stored()
    assert after["E"] is None and after["A"] == "13" and after["F"] == "12"


def test_same_day_events_keep_file_order():
    db = open_memory_workspace()
    import_file(db, "day.csv", csv_bytes("Client ID,Date,Kind,Stage\n"
                                         "Z,2024-01-01,contact,consideration\n"
                                         "Z,2024-01-01,contact,awareness\n"), kind="events")
    moves = paths.stage_transitions(db)
    assert records(moves.links, ["source", "target", "kind"]) == [
        ("consideration", "awareness", "back")]


# --- edge cases ---------------------------------------------------------------------------

def test_empty_workspace(db):
    assert counts(funnel.compute_funnel(db)) == [0, 0, 0, 0, 0]
    assert funnel.compute_funnel(db)["pct_of_first"].isna().all()
    assert funnel.biggest_drop(funnel.compute_funnel(db)) is None
    assert funnel.compute_funnel_by(db, "channel") == {}
    assert funnel.best_segment({}) is None
    assert funnel.segment_table({}).empty
    assert funnel.cohort_conversion(db).empty
    assert funnel.stage_durations(db)["clients"].tolist() == [0, 0, 0, 0, 0]
    assert funnel.time_to_convert(db)["clients"].sum() == 0
    assert funnel.stalled_clients(db).empty
    assert funnel.current_stages(db)["reached"].sum() == 0
    moves = paths.stage_transitions(db)
    assert moves.links.empty and moves.clients_moved == 0
    assert moves.sentence == "No client's events show a move between stages yet."
    assert len(figures.sankey_figure(moves).data) == 1


def test_one_client():
    db = open_memory_workspace()
    import_file(db, "one.csv", csv_bytes("Client ID,Date,Kind,Stage\n"
                                         "Q,2024-05-01,contact,awareness\n"
                                         "Q,2024-05-03,won,\n"), kind="events")
    assert records(funnel.compute_funnel(db), ["clients", "pct_of_previous"]) == [
        (1, None), (1, 100.0), (1, 100.0), (0, 0.0), (0, None)]
    assert funnel.stage_durations(db)["median_days"].tolist()[-1] == 2.0
    moves = paths.stage_transitions(db)
    assert records(moves.links, ["source", "target", "kind"]) == [
        ("awareness", "purchase", "skip")]
    assert list(funnel.cohort_conversion(db)["cohort"].unique()) == ["2024-05"]
    assert funnel.cohort_conversion(db)["young"].all()       # 2024-05 + 90 days > 2024-05-03


def test_events_only_and_stage_column_only_clients():
    db = open_memory_workspace()
    import_file(db, "tracker.csv", csv_bytes("Name,Stage\nOla,customer\nPia,proposal\n"))
    import_file(db, "log.csv", csv_bytes("Name,Date,Kind\nRex,2024-02-01,purchase\n"
                                         "Rex,2024-02-09,purchase\n"), kind="events")
    assert counts(funnel.compute_funnel(db)) == [3, 3, 2, 1, 0]
    # Stage-column clients have no dates: inside no window, not timed, never stalled.
    assert counts(funnel.compute_funnel(db, window_days=365)) == [3, 1, 1, 1, 0]
    assert funnel.stage_durations(db)["clients"].tolist() == [0, 0, 1, 0, 1]
    assert list(funnel.stalled_clients(db, stall_days=0)["name"]) == []
    moves = paths.stage_transitions(db)
    assert records(moves.links, ["source", "target"]) == [("purchase", "retention")]
    assert moves.clients_with_path == 1


# --- two files, mapped as the command line's --map and --set do ---------------------------

LEADS = b"""Ref,Lead name,Came from,Created
L1,Ann,search,2024-01-01
L2,Bob,search,2024-01-05
L3,Cy,referral,2024-01-07
L4,Di,referral,2024-02-01
L5,Eve,ads,2024-02-03
"""
WON = b"""Lead,Closed on,Value
L1,2024-02-01,100
L3,2024-01-20,50
L3,2024-04-02,70
L5,2024-02-03,30
"""


@pytest.fixture(scope="module")
def leads():
    db = open_memory_workspace()
    (lead_list,) = import_file(db, "leads.csv", LEADS, mapping={
        "Ref": "client_id", "Lead name": "name", "Came from": "channel",
        "Created": "first_contact"})
    (won,) = import_file(db, "won.csv", WON, kind="events", set_values={"kind": "won"},
                         mapping={"Lead": "client_id", "Closed on": "date", "Value": "amount"})
    assert (lead_list.inserted, won.inserted, won.rejected) == (5, 4, 0)
    yield db
    db.close()


def test_two_files_give_the_hand_worked_funnel(leads):
    # Five leads; L1, L3, L5 won (purchase implies consideration); L3 won on two days.
    assert counts(funnel.compute_funnel(leads)) == [5, 3, 3, 1, 0]
    by = funnel.compute_funnel_by(leads, "channel")
    assert {k: counts(v) for k, v in by.items()} == {
        "referral": [2, 1, 1, 1, 0], "search": [2, 1, 1, 0, 0], "ads": [1, 1, 1, 0, 0]}
    assert funnel.best_segment(by, "purchase")["segment"] == "ads"
    # Within 30 days of the lead: L1 won on day 31 (out), L3 on day 13, L5 on day 0.
    assert counts(funnel.compute_funnel(leads, window_days=30)) == [5, 2, 2, 0, 0]
    assert funnel.stage_durations(leads)["median_days"].tolist()[-1] == 13.0


def test_two_files_through_the_command_line_json(leads, home, tmp_path, capsys):
    import json

    from journey.__main__ import main
    (tmp_path / "leads.csv").write_bytes(LEADS)
    (tmp_path / "won.csv").write_bytes(WON)
    assert main(["import", str(tmp_path / "leads.csv"), "--workspace", "shop",
                 "--map", "Ref=client_id", "--map", "Came from=channel",
                 "--map", "Created=first_contact", "--map", "Lead name=name"]) == 0
    assert main(["import", str(tmp_path / "won.csv"), "--workspace", "shop",
                 "--kind", "events", "--set", "kind=won", "--map", "Lead=client_id",
                 "--map", "Closed on=date", "--map", "Value=amount"]) == 0
    capsys.readouterr()
    assert main(["funnel", "--workspace", "shop", "--by", "channel", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["stages"] == funnel.funnel_records(funnel.compute_funnel(leads))
    assert out["stages"][1] == {"stage": "consideration", "clients": 3,
                                "pct_of_previous": 60.0, "pct_of_first": 60.0}
    assert {k: [s["clients"] for s in v] for k, v in out["by"].items()} == {
        "referral": [2, 1, 1, 1, 0], "search": [2, 1, 1, 0, 0], "ads": [1, 1, 1, 0, 0]}


# --- the Maven CRM sales pipeline, against an independent pandas computation --------------

@pytest.fixture(scope="module")
def crm(datasets):
    path = datasets / "maven_crm_sales_pipeline.csv"
    db = open_memory_workspace()
    import_file(db, path.name, path.read_bytes())
    frame = pd.read_csv(path)
    yield db, frame[frame["account"].notna()].reset_index(drop=True)
    db.close()


def crm_ranked(deals: pd.DataFrame) -> pd.DataFrame:
    """Each deal as (account, date, rank), the way the file says it: prospecting is aware,
    engaging is considering, a won deal is a purchase (a retention on a later day than the
    account's first win); lost deals name no stage."""
    deals = deals.assign(date=deals["close_date"].fillna(deals["engage_date"]))
    won = deals["deal_stage"] == "Won"
    first_win = deals["date"].where(won).groupby(deals["account"]).transform("min")
    rank = deals["deal_stage"].map({"Prospecting": RANK["awareness"],
                                    "Engaging": RANK["consideration"]})
    rank = rank.mask(won, RANK["purchase"]).mask(won & (deals["date"] > first_win),
                                                 RANK["retention"])
    return deals.assign(rank=rank)


def test_crm_funnel_matches_pandas(crm):
    db, deals = crm
    ranked = crm_ranked(deals)
    furthest = ranked.groupby("account")["rank"].max().fillna(RANK["awareness"])
    expected = [int((furthest >= RANK[s]).sum()) for s in STAGES]
    assert counts(funnel.compute_funnel(db)) == expected
    phases = [expected[0], expected[2], expected[3]]
    assert counts(funnel.compute_funnel(db, model="phases")) == phases


def test_crm_cohorts_match_pandas(crm):
    db, deals = crm
    ranked = crm_ranked(deals)
    per_account = ranked.groupby("account").agg(
        first=("date", "min"), rank=("rank", "max"))
    per_account["cohort"] = per_account["first"].str[:7]
    expected = per_account.groupby("cohort").agg(
        clients=("rank", "size"), bought=("rank", lambda r: int((r >= RANK["purchase"]).sum())))
    frame = funnel.cohort_conversion(db)
    purchase = frame[frame["stage"] == "purchase"].set_index("cohort")
    assert purchase["cohort_clients"].to_dict() == expected["clients"].to_dict()
    assert purchase["clients"].to_dict() == expected["bought"].to_dict()


def test_crm_moves_match_pandas(crm):
    db, deals = crm
    ranked = crm_ranked(deals).reset_index(names="row")
    ranked = ranked[ranked["rank"].notna() & ranked["date"].notna()]
    ranked = ranked.sort_values(["account", "date", "row"], kind="stable")
    previous = ranked.groupby("account")["rank"].shift()
    moved = ranked[previous.notna() & (previous != ranked["rank"])]
    pairs = pd.DataFrame({"account": moved["account"], "source": previous[moved.index],
                          "target": moved["rank"]})
    expected = {(STAGES[int(s) - 1], STAGES[int(t) - 1]): n
                for (s, t), n in pairs.groupby(["source", "target"]).size().items()}
    moves = paths.stage_transitions(db)
    got = {(r.source, r.target): r.moves for r in moves.links.itertuples() if r.kind != "left"}
    assert got == expected
    went_back = pairs[pairs["target"] < pairs["source"]]["account"].nunique()
    assert moves.clients_back == went_back
    assert moves.clients_moved == pairs["account"].nunique()
