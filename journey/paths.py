"""The journey is not a straight line: how clients moved between stages, from their events.

Each client's events are put in order (date, then id; undated events cannot be placed and
are left out) and each event is read as a stage: the stage it names, or what it proves
(a purchase or won deal -> purchase, a sale on a later day than the first -> retention,
where a client's sales are its purchases or, with none, its won deals; a referral, a
review or an NPS of 9-10 -> advocacy), whichever is higher; events that say
nothing about a stage (a complaint, an unscored contact) are skipped. Repeats collapse, so
a move is a change of stage. A move forward by more than one step is a skip, a move to an
earlier step is a move back. Clients who left (lost, churned, cancelled) add a last move
from their current stage to where they went.

Ordering a million events per client on every page view costs seconds in SQLite (window
functions over 1,000,000 rows), so, like the furthest stage, the path is a derived
per-client figure: ``journey.derive.refresh_paths`` (run by ``refresh_clients``) stores
it as ``clients.stage_path``, and ``stage_transitions`` groups clients by path.
``sankey_figure`` draws the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from sqlite_utils import Database

from .filters import NO_FILTERS, Filters
from .funnel import CURRENT_RANK, funnel_steps, step_of_rank
from .stages import OUTCOMES

LINK_COLUMNS = ["source", "source_label", "target", "target_label", "kind", "moves", "clients"]
OUTCOME_LABELS = {"lost": "Lost", "churned": "Churned", "cancelled": "Cancelled"}



@dataclass
class Transitions:
    """Moves between steps (``links``, one row per source/target pair) and client counts."""
    links: pd.DataFrame
    steps: tuple = ()
    clients_with_path: int = 0      # clients with at least one event that names a stage
    clients_moved: int = 0          # ... and at least one change of stage
    clients_skipped: int = 0        # ... that skipped a step at least once
    clients_back: int = 0           # ... that went back at least once
    clients_straight: int = 0       # moved, only ever one step forward
    left: dict = field(default_factory=dict)   # outcome -> clients who left that way

    @property
    def sentence(self) -> str:
        """What the moves say, in words."""
        if not self.clients_moved:
            return "No client's events show a move between stages yet."
        return (f"Of {self.clients_moved:,} clients whose events show them moving, "
                f"{self.clients_skipped:,} skipped a stage and {self.clients_back:,} went "
                f"back at least once; {self.clients_straight:,} went straight ahead.")


def stage_transitions(db: Database, *, filters: Filters = NO_FILTERS,
                      pre_awareness: bool = False, model: str | None = None) -> Transitions:
    """How clients moved between the steps of a model, from their stored paths.

    SQLite counts the clients per distinct path (a few hundred distinct paths for
    100,000 clients); each distinct path is then read as moves between the model's steps.
    """
    steps = funnel_steps(model, pre_awareness)
    step_of = step_of_rank(steps)
    where, params = filters.where()
    # Every client: counted from m022's index of paths. Some clients: found by the
    # filter's own index, or read in turn (the path index would look each one up, 1.3 s
    # at a million clients where a scan takes 0.9 s): "+" keeps the planner off it.
    path = "stage_path" if where == "1" else "+stage_path"
    rows = db.execute(f"SELECT stage_path, COUNT(*) FROM {filters.clients()} "
                      f"WHERE {path} IS NOT NULL AND {where} GROUP BY {path}",
                      params).fetchall()
    moves: dict[tuple[int, int], list[int]] = {}          # (from, to) -> [moves, clients]
    with_path = moved = skipped = back = straight = 0
    for path, n in rows:
        sequence = [step_of[int(c)] for c in path if int(c) in step_of]
        sequence = [s for i, s in enumerate(sequence) if i == 0 or s != sequence[i - 1]]
        if not sequence:
            continue
        with_path += n
        pairs = list(zip(sequence, sequence[1:]))
        if not pairs:
            continue
        skips, backs = any(b > a + 1 for a, b in pairs), any(b < a for a, b in pairs)
        moved += n
        skipped += n * skips
        back += n * backs
        straight += n * (not skips and not backs)
        for pair in pairs:
            moves.setdefault(pair, [0, 0])[0] += n
        for pair in set(pairs):
            moves[pair][1] += n
    links = [(steps[a].key, steps[a].label, steps[b].key, steps[b].label,
              "skip" if b > a + 1 else "back" if b < a else "forward", m, c)
             for (a, b), (m, c) in sorted(moves.items())]
    links += _outcome_links(db, filters, steps, step_of)
    frame = pd.DataFrame(links, columns=LINK_COLUMNS)
    return Transitions(
        links=frame, steps=steps, clients_with_path=with_path, clients_moved=moved,
        clients_skipped=skipped, clients_back=back, clients_straight=straight,
        left={o: int(frame.loc[frame["target"] == o, "clients"].sum()) for o in OUTCOMES
              if (frame["target"] == o).any()})


def _outcome_links(db, filters, steps, step_of) -> list[tuple]:
    """One link per (current step, outcome) for the clients who left."""
    where, params = filters.where()
    # Every client: read from the (furthest_rank, current_stage, outcome) index alone. Left
    # to its statistics, SQLite skip-scans the cohort index by month for furthest_rank and
    # reads every client's row: 3.8 s of CPU at a million clients, this index 0.25 s.
    source = "clients INDEXED BY clients_now" if where == "1" else filters.clients()
    # (grouped by the index's columns first, in its order, then by the ranks: as
    # funnel.current_stages)
    rows = db.execute(
        f"SELECT MAX({CURRENT_RANK}, ?) AS r, outcome, SUM(n) FROM ("
        f"  SELECT furthest_rank, current_stage, outcome, COUNT(*) AS n FROM {source} "
        f"  WHERE outcome IS NOT NULL AND furthest_rank >= ? AND {where} "
        f"  GROUP BY furthest_rank, current_stage, outcome) GROUP BY 1, 2",
        [steps[0].rank, steps[0].rank, *params]).fetchall()
    left: dict[tuple[int, str], int] = {}
    for rank, outcome, n in rows:
        if outcome in OUTCOME_LABELS:
            key = (step_of[rank], outcome)
            left[key] = left.get(key, 0) + n
    return [(steps[i].key, steps[i].label, outcome, OUTCOME_LABELS[outcome], "left", n, n)
            for (i, outcome), n in sorted(left.items(),
                                          key=lambda kv: (kv[0][0], OUTCOMES.index(kv[0][1])))]
