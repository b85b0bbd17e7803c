"""The workshop's goal: one objective and up to five key results that say how the team
will know it got there (the workspace setting ``workshop_goal``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from ..errors import ValidationError
from ..workspace import get_setting, set_setting

MAX_KEY_RESULTS = 5
GOAL_SETTING = "workshop_goal"       # the workspace setting that holds it


@dataclass(frozen=True)
class Goal:
    objective: str = ""
    key_results: tuple[str, ...] = field(default_factory=tuple)

    @property
    def set(self) -> bool:
        return bool(self.objective)


def get_goal(db: Database) -> Goal:
    stored = get_setting(db, GOAL_SETTING)
    return Goal(str(stored.get("objective") or ""),
                tuple(str(k) for k in stored.get("key_results") or ()))


def set_goal(db: Database, objective: str, key_results: str | list[str]) -> Goal:
    """Store the goal; key results one per line (blank lines ignored). ValidationError
    says what is missing or too much, and nothing is stored."""
    objective = (objective or "").strip()
    if isinstance(key_results, str):
        key_results = key_results.splitlines()
    results = tuple(line.strip().lstrip("-•*").strip() for line in key_results
                    if line and line.strip().lstrip("-•*").strip())
    if not objective:
        raise ValidationError("A goal needs an objective: what the business wants from its "
                              "customers' journey.")
    if len(results) > MAX_KEY_RESULTS:
        raise ValidationError(f"A goal keeps to at most {MAX_KEY_RESULTS} key results; "
                              f"there are {len(results)}.")
    set_setting(db, GOAL_SETTING, {"objective": objective, "key_results": list(results)})
    return Goal(objective, results)
