"""The demo workspace: deterministic, the right size, and telling its story."""

import os
import subprocess
import sys

import pandas as pd
import pytest

from journey import demo
from journey.errors import WorkspaceError
from journey.funnel import biggest_drop, compute_funnel, compute_funnel_by
from journey.stages import STAGES
from sqlite_utils import Database

from journey.workspace import PROJECT_ROOT, open_workspace, query_frame, sqlite3

LAST_6 = ("2026-05-01", "2026-10-31")       # the demo ends on 2026-10-31
PREVIOUS_6 = ("2025-11-01", "2026-04-30")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One demo build shared by the read-only tests: (home folder, path, open workspace)."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JOURNEY_HOME", str(home))
        path = demo.build_demo("demo")
        db = open_workspace("demo", create=False)
        yield home, path, db
        db.close()


def table(path, name: str) -> pd.DataFrame:
    """A whole table without the columns that record when a row was written."""
    with sqlite3.connect(path) as conn:
        frame = query_frame(Database(conn), f"SELECT * FROM {name} ORDER BY id")
    return frame.drop(columns=["updated_at"], errors="ignore")


def count(db, sql: str, params=()) -> int:
    return db.execute(sql, params).fetchone()[0]


def between(db, kinds: tuple[str, ...], window: tuple[str, str], extra: str = "") -> int:
    marks = ", ".join("?" * len(kinds))
    return count(db, f"SELECT COUNT(*) FROM events WHERE kind IN ({marks}) "
                     f"AND date BETWEEN ? AND ? {extra}", [*kinds, *window])


def test_the_build_lands_where_asked(built):
    home, path, _ = built
    assert path == home / "demo.db" and path.exists()


def test_two_builds_are_identical(built, tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(tmp_path))
    again = demo.build_demo("demo")
    for name in ("clients", "events", "personas", "touchpoints"):
        pd.testing.assert_frame_equal(table(built[1], name), table(again, name))


def test_size(built):
    db = built[2]
    assert count(db, "SELECT COUNT(*) FROM clients") == demo.N_CLIENTS == 2000
    assert count(db, "SELECT COUNT(*) FROM events") >= 20_000
    assert count(db, "SELECT MAX(date) FROM events") <= "2026-10-31"
    assert count(db, "SELECT MIN(date) FROM events") >= "2024-11-01"


def test_every_import_was_clean_and_recorded(built):
    db = built[2]
    imports = list(db.query("SELECT file, sheet, kind, rows, inserted, rejected FROM imports"))
    assert len(imports) >= 7
    assert all(i["rejected"] == 0 and i["inserted"] == i["rows"] for i in imports), imports
    assert {i["kind"] for i in imports} == {"clients", "events"}
    assert count(db, "SELECT COUNT(*) FROM import_problems") == 0


def test_order_only_returns_reach_their_clients(built):
    db = built[2]
    assert count(db, "SELECT COUNT(*) FROM events WHERE kind IN ('refund', 'cancellation') "
                     "AND client_ref IS NULL") == 0
    assert count(db, "SELECT SUM(refund_count) FROM clients") == \
        count(db, "SELECT COUNT(*) FROM events WHERE kind = 'refund'") > 0


def test_personas_are_complete_and_match_the_clients(built):
    db = built[2]
    personas = list(db.query("SELECT * FROM personas ORDER BY position"))
    assert len(personas) == 3
    assert [p["position"] for p in personas] == [0, 1, 2]
    for persona in personas:
        empty = [k for k, v in persona.items() if v in (None, "") and k not in ("photo",
                                                                               "photo_type")]
        assert not empty, (persona["name"], empty)
        for column in ("goals", "pain_points", "delights", "key_opportunities"):
            assert len(persona[column].split("\n")) == 3
        assert 1 <= persona["impact"] <= 5 and 1 <= persona["effort"] <= 5
    assert {p["tier"] for p in personas} == {1, 2, 3}
    used = {r[0] for r in db.execute("SELECT DISTINCT persona FROM clients")}
    assert used == {p["name"] for p in personas}


def test_touchpoints_cover_the_journey(built):
    db = built[2]
    rows = list(db.query("SELECT * FROM touchpoints"))
    assert len(rows) >= 30
    assert {r["stage"] for r in rows} == set(STAGES)
    assert {r["state"] for r in rows} == {"current", "future"}
    for row in rows:
        assert all(v not in (None, "") for v in row.values()), row
        assert -2 <= row["emotion"] <= 2
    mood = {stage: sum(r["emotion"] for r in rows if r["stage"] == stage and
                       r["state"] == "current") /
            sum(1 for r in rows if r["stage"] == stage and r["state"] == "current")
            for stage in STAGES}
    assert mood["purchase"] == min(mood.values())   # the curve dips at purchase
    assert mood["advocacy"] == max(mood.values())


def test_biggest_drop_is_between_consideration_and_purchase(built):
    frame = compute_funnel(built[2])
    drop = biggest_drop(frame)
    assert (drop.from_stage, drop.to_stage) == ("consideration", "purchase")
    assert 50 <= drop.pct_lost <= 70
    assert frame.clients.iloc[0] == 2000


def test_one_persona_converts_much_better(built):
    by = compute_funnel_by(built[2], "persona")
    rate = {name: f.set_index("stage").loc["purchase", "pct_of_previous"]
            for name, f in by.items()}
    assert rate["Dr. Jelena"] > 2 * rate["Homeowner Hugo"]


def test_win_rate_is_low(built):
    db = built[2]
    won = count(db, "SELECT COUNT(*) FROM events WHERE kind = 'won'")
    lost = count(db, "SELECT COUNT(*) FROM events WHERE kind = 'lost'")
    assert won > 100
    assert won / (won + lost) < 0.20


def test_refunds_and_cancellations_rose(built):
    db = built[2]
    kinds = ("refund", "cancellation")
    assert between(db, kinds, LAST_6) > 1.5 * between(db, kinds, PREVIOUS_6) > 0


def test_sales_and_operations_escalations_rose(built):
    db = built[2]
    # The escalations log says which team raised it (department) and about whom ("About team").
    about = "json_extract(extra, '$.\"About team\"')"
    pair = (f"AND ((department = 'operations' AND {about} = 'sales') "
            f"OR (department = 'sales' AND {about} = 'operations'))")
    last = between(db, ("internal_complaint",), LAST_6, pair)
    previous = between(db, ("internal_complaint",), PREVIOUS_6, pair)
    assert last > 1.5 * previous > 0


def test_repeat_business_is_falling(built):
    db = built[2]
    repeat = ("AND date > (SELECT MIN(p.date) FROM events p WHERE p.kind = 'purchase' "
              "AND p.client_ref = events.client_ref)")
    share = {window: between(db, ("purchase",), window, repeat) /
             between(db, ("purchase",), window) for window in (PREVIOUS_6, LAST_6)}
    assert share[LAST_6] < 0.8 * share[PREVIOUS_6]


# --- the workshop method (issue 17) --------------------------------------------------------

def test_the_workshop_has_a_goal_kpis_some_met_and_a_dozen_owned_actions(built):
    from journey import scorecard
    from journey.workshop import actions, goal, kpis

    db = built[2]
    set_goal = goal.get_goal(db)
    assert set_goal.objective == "Turn more first purchases into regular clients"
    assert len(set_goal.key_results) == 3
    measured = scorecard.measure_kpis(db, today=demo.END)
    statuses = measured["status"].value_counts().to_dict()
    assert len(measured) == 11
    assert statuses[kpis.MET] >= 3 and statuses[kpis.NOT_MET] >= 3
    assert kpis.NO_EVIDENCE not in statuses                 # every KPI has a figure
    assert measured["source"].tolist().count(kpis.ENTERED) == 1
    assert measured["persona"].dropna().unique().tolist() == ["Dr. Jelena"]
    table = actions.list_actions(db, today=demo.END)
    assert len(table) == 12 and table["owner"].notna().all()
    assert table["owner"].nunique() >= 5
    assert set(table["status"]) == {"open", "doing", "done", "dropped"}


def test_two_closed_sessions_and_what_changed_since_the_follow_up(built):
    from journey import scorecard
    from journey.workshop import sessions

    db = built[2]
    assert sessions.list_sessions(db)["name"].tolist() == ["Follow-up", "Kick-off workshop"]
    kickoff, follow_up = (sessions.get_session(db, i)["snapshot"] for i in (1, 2))
    assert (kickoff["measured_to"], follow_up["measured_to"]) == ("2026-04-30", "2026-07-31")
    assert len(kickoff["actions"]) == 7 and len(follow_up["actions"]) == 11
    changes = scorecard.since_last_time(db, today=demo.END)
    by_kpi = changes.kpis.set_index("KPI")
    assert by_kpi.loc["Conversion from Consideration to Purchase", "Change"].endswith(
        "no longer met")
    assert changes.done == ["One-page proposal summary with a single recommended option",
                            "Ask every promoter for a Google review"]
    assert "Explain the design fee before the first consultation" in changes.overdue
    assert changes.added == 1 and changes.signs


def test_the_guided_session_has_steps_done_ticked_and_open_and_some_answers(built):
    from journey.workshop import method

    db = built[2]
    workshop = {s.step.key: (s.found, s.ticked) for s in method.progress(db, method.WORKSHOP)}
    assert workshop == {"goal": (True, False), "personas": (True, False),
                        "ranking": (True, False), "data": (False, True),
                        "worksheet": (False, False), "map": (True, False),
                        "kpis": (True, False)}
    sales = method.progress(db, method.SALES)
    assert method.summary(sales) == "3 of 4 steps done" and not sales[-1].done
    missing = [s.label for s in method.existing_data(db) if not s.present]
    assert missing == ["Web analytics"]
    answers = method.answers_table(db)
    assert len(answers) == 5 and set(answers["persona"]) == {"", "Homeowner Hugo",
                                                             "Dr. Jelena"}


def test_an_existing_workspace_needs_force(tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(tmp_path))
    monkeypatch.setattr(demo, "N_CLIENTS", 80)           # a small world: this is about files
    path = demo.build_demo("demo")
    with pytest.raises(WorkspaceError, match="A workspace called 'demo' already exists; "
                                             "use --force to rebuild it."):
        demo.build_demo("demo")
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM personas")
    assert demo.build_demo("demo", force=True) == path
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM personas").fetchone()[0] == 3
        assert conn.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 80


def test_a_path_to_a_db_file_works(tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(demo, "N_CLIENTS", 40)
    target = tmp_path / "elsewhere" / "workshop.db"
    assert demo.build_demo(str(target)) == target and target.exists()


def test_the_command_line_builds_the_demo(tmp_path):
    env = {**os.environ, "JOURNEY_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "journey", "demo", "--workspace", "shop"],
                          capture_output=True, text=True, env=env, cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "shop.db").exists()
    again = subprocess.run([sys.executable, "-m", "journey", "demo", "--workspace", "shop"],
                           capture_output=True, text=True, env=env, cwd=PROJECT_ROOT)
    assert again.returncode == 2
    assert again.stderr.strip() == ("A workspace called 'shop' already exists; use --force "
                                    "to rebuild it.")


def test_the_demo_keeps_its_dollars_when_a_file_in_pounds_is_tried_on_it(built, tmp_path):
    """The demo's money is its business's dollars, chosen as an owner would: a Stripe
    export in GBP uploaded to try the demo is imported (3 payments of 250) and told that
    money is still shown in $, instead of the demo's thousands of sales turning into £."""
    import shutil

    from journey.ingest import import_file
    from journey.workspace import get_setting

    _, path, _ = built
    copy = tmp_path / "tried.db"
    shutil.copyfile(path, copy)
    db = open_workspace(copy, create=False)
    assert get_setting(db, "currency") == demo.DEMO_CURRENCY == "$"
    results = import_file(db, "payments.csv", (
        "id,Created (UTC),Amount,Currency,Status,Customer Email,Customer Description\n"
        "ch_1,2026-03-02 10:14:00,120.00,gbp,Paid,ann@lee.co.uk,Ann Lee\n"
        "ch_2,2026-09-05 11:00:00,50.00,gbp,Paid,ann@lee.co.uk,Ann Lee\n"
        "ch_3,2026-04-10 09:30:00,80.00,gbp,Paid,ben@ray.co.uk,Ben Ray\n").encode())
    notes = [note for result in results for note in result.notes]
    assert get_setting(db, "currency") == "$"
    assert any(note.startswith("Money is still shown in $, the workspace's currency, though "
                               "the amounts in this file are written in pounds (£)")
               for note in notes), notes
    assert db.execute("SELECT COUNT(*), SUM(amount) FROM events WHERE import_id = ?",
                      [results[0].import_id]).fetchone() == (3, 250.0)
    db.close()


def test_demo_touchpoints_are_numbered_as_a_save_stores_them(demo_file, tmp_path):
    """The demo's touchpoints are numbered 1..n within each stage and state, as the table
    loads them and a save stores them: editing one row's text in a stage moves no other
    row (session 20's walk saw a first save renumber all 7 rows of a 0-based stage)."""
    import shutil

    from journey.workshop import touchpoints as tp

    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    db = open_workspace(path)
    stored = lambda: dict(db.execute("SELECT id, position FROM touchpoints").fetchall())  # noqa: E731
    before = stored()
    for stage in STAGES:
        for state in ("current", "future"):
            loaded = tp.touchpoint_rows(db, stage, state)
            assert [before[r["id"]] for r in loaded] == list(range(1, len(loaded) + 1))
    base = tp.touchpoint_rows(db, "awareness")
    edited = [dict(r) for r in base]
    edited[0]["touchpoint"] = edited[0]["touchpoint"] + " (edited)"
    assert tp.save_stage(db, "awareness", base, edited).changed == 1
    assert stored() == before
