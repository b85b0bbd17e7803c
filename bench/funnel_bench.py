"""Funnel speed at 100,000 clients and 1,000,000 events.

Builds (once, cached under /tmp) a workspace with 100,000 clients and 1,000,000 events
inserted directly with ``executemany`` and derived with ``journey.derive.refresh_clients``,
then prints the median of several runs of:

- the funnel with a breakdown by five segments (budget 300 ms),
- the cohort trend (budget 500 ms),
- the Sankey transitions (budget 500 ms),

each beside the naive way measured in the same run (every row loaded into pandas, then
grouped there), with the ratio. Run: ``.venv/bin/python bench/funnel_bench.py [--rebuild]``.
"""

from __future__ import annotations

import os
import datetime as dt
import random
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import arguments, cached_workspace, median_ms  # noqa: E402
from journey import funnel, paths  # noqa: E402
from journey.derive import refresh_clients  # noqa: E402
from journey.derive import refresh_paths  # noqa: E402
from journey.stages import ALL_STAGES, RANK, STAGES  # noqa: E402
from journey.workspace import open_workspace, write  # noqa: E402

CACHE = Path("/tmp/journey_funnel_bench_v2.db")
N_CLIENTS = 100_000
N_EVENTS = 1_000_000
START = dt.date(2024, 1, 1)
REGIONS = ["North", "South", "East", "West", "Central", "Coast", "Islands", "Highlands"]
CHANNELS = ["search", "referral", "social", "event", "walk-in", "email"]
PERSONAS = ["Jelena", "Olivia", "Hugo", "Sam"]
TYPES = ["clinic", "office", "home", "retail"]
OWNERS = [f"Agent {i}" for i in range(12)]
BUDGETS = {"funnel by 5 segments": 300, "cohort trend": 500, "Sankey transitions": 500}


def build(path: Path) -> None:
    """A workspace of N_CLIENTS clients and N_EVENTS events: seeded, written directly."""
    rng = random.Random(7)
    nrng = np.random.default_rng(7)
    path.unlink(missing_ok=True)
    db = open_workspace(path)
    counts = nrng.integers(4, 17, N_CLIENTS)
    surplus = int(counts.sum()) - N_EVENTS               # make it exactly N_EVENTS in all
    chosen = nrng.choice(N_CLIENTS, abs(surplus), replace=False)
    counts[chosen] -= int(np.sign(surplus))
    clients, events = [], []
    for cid in range(1, N_CLIENTS + 1):
        first = START + dt.timedelta(days=rng.randrange(700))
        target = rng.choices([1, 2, 3, 4, 5], [35, 30, 20, 10, 5])[0]
        status = "lost" if target <= 2 and rng.random() < 0.5 else (
            "churned" if target >= 3 and rng.random() < 0.1 else None)
        clients.append((cid, f"id:c{cid}", f"c{cid}", f"Client {cid}", rng.choice(REGIONS),
                        rng.choice(CHANNELS), rng.choice(PERSONAS), rng.choice(TYPES),
                        rng.choice(OWNERS), first.isoformat(), status))
        day, rank = first, 1
        for n in range(int(counts[cid - 1])):
            day += dt.timedelta(days=rng.randrange(0, 20))
            roll = rng.random()
            if roll < 0.15 and rank < target:               # a step forward, sometimes two
                rank = min(target, rank + (2 if rng.random() < 0.15 else 1))
            elif roll < 0.19 and rank > 1:                  # a step back
                rank -= 1
            stage = ALL_STAGES[rank]
            kind = "stage_change" if roll < 0.19 else rng.choice(
                ["contact", "contact", "contact", "objection", "complaint", "nps"])
            if stage == "purchase" and roll < 0.19:
                kind = "purchase"
            events.append((cid, day.isoformat(), kind,
                           None if kind in ("purchase", "complaint", "nps") else stage,
                           _score(rng, rank) if kind == "nps" else None,
                           f"e{len(events)}"))
    start = time.perf_counter()
    with write(db):
        db.conn.executemany(
            "INSERT INTO clients(id, client_key, client_id, name, region, channel, persona, "
            "client_type, owner, first_contact, status) VALUES (?,?,?,?,?,?,?,?,?,?,?)", clients)
        db.conn.executemany(
            "INSERT INTO events(client_ref, date, kind, stage, amount, row_key) "
            "VALUES (?,?,?,?,?,?)", events)
        inserted = time.perf_counter()
        refresh_clients(db)
        refreshed = time.perf_counter()
        refresh_paths(db)
    print(f"inserted in {inserted - start:.1f} s; refresh_clients (with paths) "
          f"{refreshed - inserted:.1f} s, of which the paths alone "
          f"{time.perf_counter() - refreshed:.1f} s")
    db.execute("ANALYZE")
    db.close()


def _score(rng: random.Random, rank: int) -> float:
    """An NPS answer: promoters (9-10) only among customers, and few of them."""
    return float(rng.choice([9, 10]) if rank >= 3 and rng.random() < 0.15
                 else rng.randrange(0, 9))


# --- the naive way: every row into pandas, then grouped -----------------------------------

def naive_funnel_by(db, by: str, top: int = 5):
    frame = pd.read_sql("SELECT * FROM clients", db.conn)
    segment = frame[by].fillna(funnel.MISSING)
    keep = segment.value_counts().index[:top]
    segment = segment.where(segment.isin(keep), funnel.OTHER)
    out = {}
    for name, group in frame.groupby(segment):
        out[name] = {s: int((group["furthest_rank"] >= RANK[s]).sum()) for s in STAGES}
    out["all"] = {s: int((frame["furthest_rank"] >= RANK[s]).sum()) for s in STAGES}
    return out


def naive_cohorts(db):
    frame = pd.read_sql("SELECT * FROM clients", db.conn)
    frame["cohort"] = frame["first_date"].str[:7]
    return {s: frame.assign(hit=frame["furthest_rank"] >= RANK[s])
            .groupby("cohort")["hit"].mean() for s in STAGES}


def naive_transitions(db):
    events = pd.read_sql("SELECT * FROM events", db.conn)
    events = events[events["client_ref"].notna() & events["date"].notna()]
    rank = events["stage"].map(RANK)
    bought = events["kind"].isin(["purchase", "won"])
    day = events["date"].str[:10]
    first_buy = day.where(bought).groupby(events["client_ref"]).transform("min")
    evidence = np.where(bought & (day > first_buy), RANK["retention"],
                        np.where(bought, RANK["purchase"], np.nan))
    advocacy = events["kind"].isin(["referral", "review"]) | (
        (events["kind"] == "nps") & (events["amount"] >= 9))
    evidence = np.where(advocacy, RANK["advocacy"], evidence)
    events = events.assign(rank=rank.fillna(pd.Series(evidence, index=events.index)))
    events = events[events["rank"].notna() & (events["rank"] >= RANK["awareness"])]
    events = events.sort_values(["client_ref", "date", "id"])
    previous = events.groupby("client_ref")["rank"].shift()
    moved = events[previous.notna() & (previous != events["rank"])]
    pairs = pd.DataFrame({"client": moved["client_ref"], "source": previous[moved.index],
                          "target": moved["rank"]})
    return pairs.groupby(["source", "target"]).agg(
        moves=("client", "size"), clients=("client", "nunique"))


def main() -> None:
    parser = arguments(__doc__, runs=7)
    args = parser.parse_args()
    db, n_clients, n_events = cached_workspace(CACHE, build, args.rebuild)
    print(f"{n_clients:,} clients, {n_events:,} events; median of {args.runs} runs\n")
    cases = {
        "funnel by 5 segments": (
            lambda: (funnel.compute_funnel(db), funnel.compute_funnel_by(db, "region", top=5)),
            lambda: naive_funnel_by(db, "region", top=5)),
        "cohort trend": (lambda: funnel.cohort_conversion(db), lambda: naive_cohorts(db)),
        "Sankey transitions": (lambda: paths.stage_transitions(db),
                               lambda: naive_transitions(db)),
    }
    print(f"{'':<22}{'SQLite wall':>12}{'(cpu)':>9}{'budget':>9}{'naive wall':>12}{'(cpu)':>9}"
          f"{'ratio':>8}")
    failed = False
    for name, (fast, naive) in cases.items():
        ours, ours_cpu = median_ms(fast, args.runs)
        theirs, theirs_cpu = median_ms(naive, max(3, args.runs // 2))
        ok = ours <= BUDGETS[name]
        failed |= not ok
        print(f"{name:<22}{ours:>9.0f} ms{ours_cpu:>6.0f} ms{BUDGETS[name]:>6} ms"
              f"{theirs:>9.0f} ms{theirs_cpu:>6.0f} ms{theirs / ours:>7.1f}x  "
              f"{'ok' if ok else 'OVER BUDGET'}")
    load = os.getloadavg()[0]
    print(f"\nload average {load:.1f} on {os.cpu_count()} cores while measuring")
    db.close()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
