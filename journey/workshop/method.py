"""The workshop method as a guided session: its steps, what the data says of each, the
customer worksheet, and the progress a facilitator saves per workspace.

Two tracks, declared once in ``STEPS``: the mapping workshop (seven steps, from the goal to
the KPIs) and the sales team's variant (four). Each ``Step`` says why it matters, where it
is done (``pages``: page names the app links to; ``where``: the same in words) and, where
the workspace can tell, how it is detected (``detect``: the goal is set, the personas have
tiers, the touchpoints have a future state, ...). A step is done when the data shows it
(with the evidence in one sentence) or when the facilitator ticked it (table
``method_steps``); a detector that finds nothing still gives a hint ("2 personas, none with
a tier yet"), and the step can be ticked by hand.

Step 4, the existing data, is an inventory (``existing_data``): for each kind of data the
method asks for (interviews, reviews, orders, web analytics, CRM deals, support tickets,
NPS) what the workspace holds, counted from the events by kind, the client tracker's
columns and the sheets kept as reference rows (by their file and sheet names), or one
sentence on what to import. The import does not record which export profile read a sheet,
so profiles are not used here; the events they made are.

Step 5 is the customer worksheet (``QUESTIONS``): answers typed per question, for every
customer or for one persona (table ``method_answers``, keyed by the persona's name as the
KPIs are; an answer written for a persona later renamed stays, under the old name).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

import pandas as pd
from sqlite_utils import Database

from ..errors import ValidationError
from ..text import counted
from ..workspace import now_stamp, write
from .goal import get_goal

WORKSHOP, SALES = "workshop", "sales"
TRACKS = {WORKSHOP: "The mapping workshop", SALES: "The sales team"}
EVERY_CUSTOMER = ""               # the worksheet's answers for every customer, not a persona
MAX_ANSWER = 2000                 # characters in one answer
FEEDBACK_DAYS = 90                # live feedback: NPS answers and reviews this recent


@dataclass(frozen=True)
class Detected:
    """What the workspace says of a step: done or not, and the evidence or a hint."""
    done: bool
    evidence: str


@dataclass(frozen=True)
class Step:
    track: str
    key: str
    title: str
    why: str                                     # one line
    where: str                                   # where it is done, in words
    pages: tuple[str, ...] = ()                  # pages it is done on (views/NAME.py)
    detect: Callable[[Database], Detected] | None = None


@dataclass(frozen=True)
class StepState:
    """A step as it stands: done when detected in the data or ticked by hand."""
    step: Step
    number: int
    detected: Detected | None
    ticked: bool

    @property
    def found(self) -> bool:
        """Done by the data's own evidence (nothing to tick)."""
        return bool(self.detected and self.detected.done)

    @property
    def done(self) -> bool:
        return self.found or self.ticked


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str                                    # what a useful answer names


QUESTIONS: tuple[Question, ...] = (
    Question("brand", "How do they feel about the brand?",
             "The words they use for you, and whether they would say them to a friend."),
    Question("delight", "Where are they most and least delighted, or most annoyed?",
             "The moments they mention first, good and bad, and at which stage."),
    Question("cancel", "Where do they cancel most?",
             "The step, the offer or the moment after which they drop out or ask for money "
             "back."),
    Question("timing", "When do they interact or book most, and least?",
             "Days, hours, seasons, and the channel they use then."),
    Question("love", "What would they love the business to be?",
             "The thing they wish you did, in their words."),
    Question("intent", "Where is their high intent?",
             "The moment they are ready to buy: what they just did or asked."),
    Question("new_customers", "Why do new customers not buy, or not stay?",
             "What stops a first purchase, and what stops a second one."),
)
QUESTION_BY_KEY = {q.key: q for q in QUESTIONS}


# --- reading the workspace ------------------------------------------------------------------

def _personas(db: Database) -> list[dict]:
    return list(db.query(
        "SELECT name, tier, impact, effort, sales_method FROM personas WHERE archived = 0 "
        "ORDER BY position, id"))


def _scalar(db: Database, sql: str, params=()) -> int:
    return db.execute(sql, params).fetchone()[0] or 0


def _first_ranked(people: list[dict]) -> dict | None:
    """The persona to serve first by the team's scores: impact less effort, then tier."""
    scored = [p for p in people if p["impact"] is not None and p["effort"] is not None]
    if not scored:
        return None
    return min(scored, key=lambda p: (p["effort"] - p["impact"], p["tier"] or 9))


def _goal(db: Database) -> Detected:
    goal = get_goal(db)
    if not goal.set:
        return Detected(False, "No goal yet.")
    results = (f" ({counted(len(goal.key_results), 'key result')})"
               if goal.key_results else ", without key results yet")
    return Detected(True, f"Objective: {goal.objective}{results}.")


def _tiers(db: Database) -> Detected:
    people = _personas(db)
    tiered = sorted((p for p in people if p["tier"] is not None), key=lambda p: p["tier"])
    if not people:
        return Detected(False, "No persona cards yet.")
    if not tiered:
        return Detected(False, f"{counted(len(people), 'persona')}, none with a tier yet.")
    return Detected(True, ", ".join(f"{p['name']} (tier {p['tier']:g})" for p in tiered)
                    + ".")


def _ranking(db: Database) -> Detected:
    people = _personas(db)
    if not people:
        return Detected(False, "No persona cards to rank yet.")
    scored = [p for p in people if p["impact"] is not None and p["effort"] is not None]
    if len(scored) < len(people):
        return Detected(False, f"{len(scored):,} of {counted(len(people), 'persona')} "
                               "scored for impact and effort.")
    first = _first_ranked(people)
    return Detected(True, f"Every persona scored; first: {first['name']} "
                          f"(impact {first['impact']:g}, effort {first['effort']:g}).")


def _data(db: Database) -> Detected:
    sources = existing_data(db)
    missing = [s.label if s.label[:2].isupper() else s.label.lower() for s in sources
               if not s.present]
    present = len(sources) - len(missing)
    if not missing:
        return Detected(True, f"All {len(sources)} kinds of data are in the workspace.")
    return Detected(False, f"{present:,} of {len(sources)} kinds of data in the workspace; "
                           f"missing: {', '.join(missing)}.")


def _worksheet(db: Database) -> Detected:
    answered = _scalar(db, "SELECT COUNT(DISTINCT question) FROM method_answers")
    text = f"{answered:,} of {len(QUESTIONS)} customer questions answered."
    return Detected(answered >= len(QUESTIONS), text)


def _future_state(db: Database) -> Detected:
    current = _scalar(db, "SELECT COUNT(*) FROM touchpoints WHERE state = 'current'")
    future = _scalar(db, "SELECT COUNT(*) FROM touchpoints WHERE state = 'future'")
    if not current and not future:
        return Detected(False, "No touchpoints yet.")
    today = f"{counted(current, 'touchpoint')} as they are today"
    if not future:
        return Detected(False, f"{today}, none in the future state yet.")
    return Detected(bool(current), f"{today}, {future:,} in the future state.")


def _kpis(db: Database) -> Detected:
    total = _scalar(db, "SELECT COUNT(*) FROM kpis")
    dated = _scalar(db, "SELECT COUNT(*) FROM kpis WHERE due IS NOT NULL")
    if not total:
        return Detected(False, "No KPIs yet.")
    if not get_goal(db).set:
        return Detected(False, f"{counted(total, 'KPI')}, but no goal for them to serve: "
                               "set the goal first.")
    return Detected(True, f"{counted(total, 'KPI')} for the goal, {dated:,} with a due date.")


def _sales_methods(db: Database) -> Detected:
    people = _personas(db)
    if not people:
        return Detected(False, "No persona cards yet.")
    with_method = sum(1 for p in people if (p["sales_method"] or "").strip())
    text = (f"{with_method:,} of {counted(len(people), 'persona')} "
            f"{'has' if with_method == 1 else 'have'} a sales method.")
    return Detected(with_method == len(people), text)


def _first_group(db: Database) -> Detected:
    first = _first_ranked(_personas(db))
    if first is None:
        return Detected(False, "Score the personas for impact and effort to see who comes "
                               "first.")
    return Detected(False, f"Ranked first: {first['name']} (impact {first['impact']:g}, "
                           f"effort {first['effort']:g}).")


def _live_feedback(db: Database) -> Detected:
    last = db.execute("SELECT MAX(last_date) FROM clients").fetchone()[0]
    if not last:
        return Detected(False, "No NPS answers or reviews yet.")
    end = dt.date.fromisoformat(str(last)[:10])
    since = (end - dt.timedelta(days=FEEDBACK_DAYS)).isoformat()
    recent = _scalar(db, "SELECT COUNT(*) FROM events WHERE kind IN ('nps', 'review') "
                         "AND date > ?", [since])
    window = f"the {FEEDBACK_DAYS} days to {end.isoformat()}"
    if not recent:
        return Detected(False, f"No NPS answers or reviews in {window}.")
    return Detected(True, f"{counted(recent, 'NPS answer or review', 'NPS answers and reviews')}"
                          f" in {window}.")


def _tier_one(db: Database) -> Detected:
    first = [p["name"] for p in _personas(db) if p["tier"] == 1]
    if not first:
        return Detected(False, "No tier 1 persona yet.")
    return Detected(False, f"Tier 1: {', '.join(first)}.")


STEPS: tuple[Step, ...] = (
    Step(WORKSHOP, "goal", "Define the goal and the problem",
         "A map without a goal is a poster: say what the business wants from the journey, "
         "and what stands in the way.", "the goal, in the This session tab", (), _goal),
    Step(WORKSHOP, "personas", "Define up to three target personas (tier 1, 2, 3)",
         "Each persona has its own journey; three is as many as a team can serve well.",
         "the Personas page", ("personas",), _tiers),
    Step(WORKSHOP, "ranking", "Rank the audience by impact (sales) and effort (time)",
         "Serve first the customers who bring the most for the least effort.",
         "the persona ranking on the Personas page", ("personas",), _ranking),
    Step(WORKSHOP, "data", "Look at the existing data",
         "What is already known, and what is missing, before anyone guesses.",
         "the Import page", ("import",), _data),
    Step(WORKSHOP, "worksheet", "Validate with customers",
         "The map is the team's guess until customers confirm it in their own words.",
         "the Customer questions tab", (), _worksheet),
    Step(WORKSHOP, "map", "Map the current and the future state",
         "Where the journey is today, and where the team wants it to be.",
         "the Touchpoints and Journey map pages", ("touchpoints", "journey_map"),
         _future_state),
    Step(WORKSHOP, "kpis", "Define success with KPIs that align with the objectives",
         "What gets measured against a target gets done after the workshop.",
         "the KPIs, in the This session tab", (), _kpis),
    Step(SALES, "sales_method", "A sales method for each customer group",
         "Each persona buys differently: say how to sell to each.",
         "the sales method on each persona card", ("personas",), _sales_methods),
    Step(SALES, "contact_first", "Contact the high-impact groups first",
         "Time goes where the ranking says the sales are.",
         "the persona ranking on the Personas page", ("personas",), _first_group),
    Step(SALES, "live_feedback", "Evaluate after the sale with live feedback",
         "NPS answers and reviews soon after a purchase show what to fix while it matters.",
         "the Import page (NPS answers and reviews)", ("import",), _live_feedback),
    Step(SALES, "tier_one", "Improve the process, starting with tier 1",
         "Fix the journey of the customers who matter most first.",
         "the action list, in the This session tab", (), _tier_one),
)
STEP_BY_KEY = {(s.track, s.key): s for s in STEPS}


def track_steps(track: str) -> tuple[Step, ...]:
    """A track's steps, in order; ValidationError for a track nobody declared."""
    if track not in TRACKS:
        raise ValidationError(f"There is no track '{track}'; the tracks are "
                              f"{', '.join(TRACKS)}.")
    return tuple(s for s in STEPS if s.track == track)


# --- progress -----------------------------------------------------------------------------

def progress(db: Database, track: str = WORKSHOP) -> list[StepState]:
    """Each step of a track as it stands: what the data shows, and what was ticked."""
    ticked = {step for step, done in db.execute(
        "SELECT step, done FROM method_steps WHERE track = ?", [track]) if done}
    return [StepState(step, number, step.detect(db) if step.detect else None,
                      step.key in ticked)
            for number, step in enumerate(track_steps(track), start=1)]


def summary(states: list[StepState]) -> str:
    """``3 of 7 steps done``."""
    return f"{sum(s.done for s in states):,} of {counted(len(states), 'step')} done"


def set_step(db: Database, track: str, key: str, done: bool, *, at: str | None = None) -> None:
    """Tick a step done, or not (ValidationError for a step nobody declared); ``at``: when
    (now unless given)."""
    track_steps(track)
    if (track, key) not in STEP_BY_KEY:
        raise ValidationError(f"There is no step '{key}' in {TRACKS[track].lower()}.")
    with write(db):
        db.execute("INSERT INTO method_steps(track, step, done, updated_at) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT(track, step) DO UPDATE SET done = excluded.done, "
                   "updated_at = excluded.updated_at",
                   [track, key, int(bool(done)), at or now_stamp()])


# --- the existing data (step 4) -----------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """A kind of data the method asks for, and where the workspace would hold it."""
    key: str
    label: str
    kinds: tuple[tuple[str, str, str], ...]      # (event kind, noun, plural)
    client_checks: tuple[tuple[str, str], ...]   # (SQL condition on clients, what it says)
    names: str                                   # a reference sheet's file or sheet name
    to_import: str                               # one sentence when it is missing


SOURCES: tuple[Source, ...] = (
    Source("interviews", "Interviews", (), (),
           r"interview|focus.?group|customer.?research|voice.?of",
           "Talk to a few customers of each persona and type what they say under Customer "
           "questions, or import your interview notes as a sheet."),
    Source("reviews", "Reviews", (("review", "review", "reviews"),), (), r"review",
           "Import your reviews (Google, Trustpilot, your shop) with the date, the customer "
           "and the rating: each becomes a review on the customer's journey."),
    Source("orders", "Orders", (("purchase", "purchase", "purchases"),),
           (("purchases > 0", "with purchases in the tracker"),), r"order|invoice|transaction",
           "Import your order list or shop export (Shopify, WooCommerce, Stripe, Square): one "
           "row per order with the customer, the date and the amount."),
    Source("web", "Web analytics", (), (),
           r"analytic|traffic|visit|pageview|page.?view|\bga4?\b|landing",
           "Export visits and conversions by channel and landing page from your web "
           "analytics (Google Analytics, say) and import the sheet: it is kept beside the "
           "journey as reference rows."),
    Source("crm", "CRM deals", (("won", "deal won", "deals won"),
                                ("lost", "deal lost", "deals lost"),
                                ("stage_change", "stage change", "stage changes")), (),
           r"deal|crm|pipeline|opportunit",
           "Export your deals from the CRM (HubSpot, Salesforce, Pipedrive, Zoho) with their "
           "stage, amount and close date: won and lost deals show where sales meets the "
           "journey."),
    Source("support", "Support tickets", (("complaint", "complaint", "complaints"),),
           (("complaints > 0", "with complaints in the tracker"),),
           r"ticket|support|complaint|help.?desk",
           "Export your tickets from the help desk (Zendesk, Freshdesk, Help Scout) or import "
           "your complaints log: each complaint is placed on the journey."),
    Source("nps", "NPS", (("nps", "NPS answer", "NPS answers"),),
           (("nps IS NOT NULL", "with an NPS score in the tracker"),), r"nps|net.?promoter",
           "Import your NPS survey answers (the customer's e-mail or ID and the 0-10 score, "
           "one row per answer), or add an NPS column to the client tracker."),
)


@dataclass(frozen=True)
class SourceState:
    key: str
    label: str
    present: bool
    count: int                                   # events, clients or rows found
    sentence: str                                # what is there, or what to import


def existing_data(db: Database) -> list[SourceState]:
    """For each kind of data the method asks for: what the workspace holds (events by kind,
    tracker columns filled, sheets kept as reference rows named for it, and for interviews
    the worksheet's answers), or what to import, in one sentence each."""
    # (a client list's steps dated, ingest.rules.client_lists.steps_taken, are the
    # tracker's, not a CRM's stage changes)
    by_kind = dict(db.execute(
        "SELECT kind, COUNT(*) FROM events WHERE NOT (kind = 'stage_change' AND import_id IN "
        "(SELECT id FROM imports WHERE kind = 'clients')) GROUP BY kind").fetchall())
    checks = [c for s in SOURCES for c, _ in s.client_checks]
    filled = dict(zip(checks, db.execute(
        "SELECT " + ", ".join(f"SUM({c})" for c in checks) + " FROM clients").fetchone()))
    reference = list(db.query(
        "SELECT file, sheet, rows FROM imports WHERE undone_at IS NULL AND kind = 'reference' "
        "ORDER BY id"))
    answers = _scalar(db, "SELECT COUNT(*) FROM method_answers")
    out = []
    for source in SOURCES:
        parts, total = [], 0
        for kind, noun, plural in source.kinds:
            n = by_kind.get(kind, 0)
            if n:
                parts.append(counted(n, noun, plural))
                total += n
        for check, says in source.client_checks:
            n = filled.get(check) or 0
            if n:
                parts.append(f"{counted(n, 'client')} {says}")
                total += n
        for sheet in reference:
            if re.search(source.names, f"{sheet['file']} {sheet['sheet'] or ''}",
                         re.IGNORECASE):
                name = sheet["file"] + (f" [{sheet['sheet']}]" if sheet["sheet"] and
                                        sheet["sheet"] not in sheet["file"] else "")
                parts.append(f"{counted(sheet['rows'] or 0, 'row')} from {name}")
                total += sheet["rows"] or 0
        if source.key == "interviews" and answers:
            parts.append(f"{counted(answers, 'answer')} typed under Customer questions")
            total += answers
        present = bool(parts)
        out.append(SourceState(source.key, source.label, present, total,
                               "; ".join(parts) + "." if present else source.to_import))
    return out


IMPORT_KINDS = {"clients": "Clients", "events": "Events", "reference": "Reference rows",
                "personas": "Personas", "touchpoints": "Touchpoints",
                "function_map": "Function map", "kpis": "Goals & KPIs", "actions": "Actions"}


def imported_sheets(db: Database) -> pd.DataFrame:
    """The sheets imported and not undone, newest first: file, sheet, what they were read
    as, rows, and the day."""
    frame = pd.DataFrame(list(db.query(
        "SELECT file, sheet, kind, rows, substr(created_at, 1, 10) AS imported FROM imports "
        "WHERE undone_at IS NULL ORDER BY id DESC")),
        columns=["file", "sheet", "kind", "rows", "imported"])
    frame["kind"] = frame["kind"].map(lambda k: IMPORT_KINDS.get(k, k))
    return frame


# --- the customer worksheet (step 5) --------------------------------------------------------

def answers_for(db: Database, persona: str = EVERY_CUSTOMER) -> dict[str, str]:
    """The answers typed for every customer (or one persona), by question key."""
    return dict(db.execute("SELECT question, answer FROM method_answers WHERE persona = ?",
                           [persona or EVERY_CUSTOMER]).fetchall())


def save_answers(db: Database, answers: dict[str, str], persona: str = EVERY_CUSTOMER, *,
                 at: str | None = None) -> int:
    """Store the worksheet's answers for every customer (or one persona, by name): an empty
    answer removes the one stored. Returns how many answers changed. ValidationError, and
    nothing stored, for an unknown question or persona, an answer longer than
    ``MAX_ANSWER`` characters, or nothing typed where nothing was stored. ``at``: when (now
    unless given)."""
    persona = (persona or EVERY_CUSTOMER).strip()
    if persona and not db.execute("SELECT 1 FROM personas WHERE name = ?",
                                  [persona]).fetchone():
        raise ValidationError(f"There is no persona called '{persona}' in this workspace.")
    cleaned = {}
    for key, text in answers.items():
        if key not in QUESTION_BY_KEY:
            raise ValidationError(f"There is no customer question '{key}'.")
        text = (text or "").strip()
        if len(text) > MAX_ANSWER:
            raise ValidationError(
                f"The answer to '{QUESTION_BY_KEY[key].text}' is {len(text):,} characters "
                f"long; keep it to {MAX_ANSWER:,} (the gist, and the rest in an imported "
                "sheet).")
        cleaned[key] = text
    stored = answers_for(db, persona)
    if not any(cleaned.values()) and not stored:
        raise ValidationError("Nothing to save: type what customers said under at least one "
                              "question.")
    changed = {k: v for k, v in cleaned.items() if v != stored.get(k, "")}
    now = at or now_stamp()
    with write(db):
        for key, text in changed.items():
            if text:
                db.execute("INSERT INTO method_answers(question, persona, answer, updated_at) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT(question, persona) DO UPDATE "
                           "SET answer = excluded.answer, updated_at = excluded.updated_at",
                           [key, persona, text, now])
            else:
                db.execute("DELETE FROM method_answers WHERE question = ? AND persona = ?",
                           [key, persona])
    return len(changed)


def answers_table(db: Database) -> pd.DataFrame:
    """Every answer, in question order then every customer first, then personas by name:
    question, persona (empty for every customer), answer, last changed."""
    rows = list(db.query("SELECT question, persona, answer, updated_at FROM method_answers"))
    order = {q.key: n for n, q in enumerate(QUESTIONS)}
    rows.sort(key=lambda r: (order.get(r["question"], len(order)), r["persona"]))
    return pd.DataFrame(
        [{"question": QUESTION_BY_KEY[r["question"]].text if r["question"] in QUESTION_BY_KEY
          else r["question"], "persona": r["persona"], "answer": r["answer"],
          "updated": (r["updated_at"] or "")[:10]} for r in rows],
        columns=["question", "persona", "answer", "updated"])
