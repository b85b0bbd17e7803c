"""What the Import page shows before and after an import, built from its plans and results.

Before: a preview of a sheet's first rows, its column mapping as table rows, the person's
choices (kind, mapping) applied to a planned sheet, and the stage values in it that no
alias or remembered mapping understands. After: the results and problems as tables, the
rejected rows as a workbook that says why, and the import history.

Decisions: the rejected-rows workbook has one line per problem (a row with two bad cells
appears twice, each line saying which cell and why), the explanation first (file, sheet,
row, column, value, why), then the row's original cells under their original headers.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field

import pandas as pd
from sqlite_utils import Database

from .. import values
from ..columns import FIELD_LABELS
from ..errors import ValidationError
from ..fields import ALL_FIELDS, CURRENCY_COLUMN, fields_for, normalise_header
from ..journal import Problem, list_imports
from ..kinds import KINDS
from ..stages import ALL_STAGES, LABELS, OUTCOMES, normalise_value, read_stage_value
from ..tables import to_xlsx_bytes
from ..text import counted
from .plan import SheetPlan, profile_applied
from .read import RawSheet
from .save import ImportResult, cells_of_rows
from .understand import EXTRA, WORKSHOP_KINDS, guess_sheet_mapping

PREVIEW_ROWS = 8
EXAMPLES = 3
IGNORE = "ignore"

KIND_LABELS = {
    "clients": "Clients: one row per client",
    "events": "Events: one row per thing that happened",
    "reference": "Reference: keep the rows, no clients or events",
    "personas": "Personas: workshop sheet",
    "touchpoints": "Touchpoints: workshop sheet",
    "function_map": "Function map: workshop sheet",
    "kpis": "Goals & KPIs: workshop sheet",
    "actions": "Actions: workshop sheet",
}
# What a stage value can be mapped to (``journey.ingest.map_stage_values`` accepts exactly these).
STAGE_TARGETS = {
    **{stage: LABELS[stage] for stage in ALL_STAGES},
    **{outcome: f"{outcome.capitalize()} (an outcome, not a stage)" for outcome in OUTCOMES},
    IGNORE: "Ignore (not a stage)",
}
STAGE_TARGETS["pre-awareness"] = "Pre-awareness (before awareness)"

REASON_HEADER = "Why not imported"
PROBLEM_COLUMNS = ["File", "Sheet", "Row", "Column", "Value", REASON_HEADER]


# What every row of an events sheet can be said to be (the person's choice; None: each
# row's kind, stage or status column says).
EVERY_ROW = {None: "Read from each row (its kind, stage or status)",
             **{k.name: k.label for k in KINDS if k.name != "stage_change"}}


def file_key(name: str, data: bytes) -> str:
    """A key for an uploaded file: its name and the start of its checksum."""
    return f"{name}:{hashlib.sha256(data).hexdigest()[:12]}"


def kind_options(plan: SheetPlan) -> list[str]:
    """The kinds a sheet can be imported as (a workshop sheet keeps its own kind too)."""
    options = ["clients", "events", "reference"]
    return options + [plan.kind] if plan.kind in WORKSHOP_KINDS else options


def field_label(field: str) -> str:
    """``revenue_current`` -> ``Revenue (current)``; ``extra`` -> keep as an extra column."""
    if field == EXTRA or not field:
        return "Keep as extra column"
    return FIELD_LABELS.get(field, field.replace("_", " ").capitalize())


def field_options(kind: str) -> list[str]:
    """The mapping targets of a kind: keep as extra, then its fields in vocabulary order."""
    allowed = fields_for(kind) if kind in ("clients", "events") else frozenset()
    return [EXTRA, *[f for f in ALL_FIELDS if f in allowed]]


def preview_frame(raw: RawSheet, rows: int = PREVIEW_ROWS) -> pd.DataFrame:
    """The first rows as the person wrote them (as text), with their row numbers."""
    head = raw.frame.head(rows)
    shown = pd.DataFrame({f"{header} ({letter})": values.parse_text(head[header])[0]
                          for header, letter in zip(raw.headers, raw.column_letters)},
                         index=head.index)
    shown.insert(0, "Row", raw.row_numbers[:len(head)])
    return shown.fillna("").reset_index(drop=True)


def read_as(plan: SheetPlan) -> dict[str, str]:
    """What the import still reads in columns its mapping keeps as extra, header -> how:
    an export's own rules read them (a Revolut statement's Type, State and Amount), or
    they give each amount's currency ("Payment currency": journey.ingest.currency)."""
    profile = profile_applied(plan)
    said = {header: f"Read by the rules for {profile.label}"
            for header in plan.read_by_profile if profile and not plan.mapping.get(header)}
    for header in plan.headers:
        if not plan.mapping.get(header) and CURRENCY_COLUMN.match(normalise_header(header)):
            said.setdefault(header, "The currency of each amount")
    return said


def mapping_rows(raw: RawSheet, mapping: dict[str, str | None],
                 read: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per column: its letter, header, a few example values, the field it maps to
    and, for a column kept as extra that the import still reads (``read_as``), how."""
    examples = []
    for header in raw.headers:
        texts = values.parse_text(raw.frame[header].head(200))[0].dropna()
        shown = list(dict.fromkeys(t[:40] for t in texts))[:EXAMPLES]
        examples.append(", ".join(shown))
    return pd.DataFrame({
        "Letter": raw.column_letters,
        "Column": raw.headers,
        "Example values": examples,
        "Maps to": [mapping.get(h) or EXTRA for h in raw.headers],
        "Read as": [("" if mapping.get(h) else (read or {}).get(h, "")) for h in raw.headers],
    })


def mapping_from_rows(rows: pd.DataFrame) -> dict[str, str | None]:
    """The edited mapping table back to header -> field (None keeps a column as extra)."""
    return {header: (None if not isinstance(target, str) or target in (EXTRA, "") else target)
            for header, target in zip(rows["Column"], rows["Maps to"])}


def apply_choices(plan: SheetPlan, kind: str | None = None,
                  mapping: dict[str, str | None] | None = None,
                  every_row: str | None = None) -> SheetPlan:
    """The planned sheet with the person's kind, mapping and what every row is (an event
    kind, as ``--set kind=...``). Raises ValidationError.

    A new kind starts from the guessed mapping for that kind; columns whose target the
    person changed count as chosen, so the importer never second-guesses them.
    """
    kind = kind or plan.kind
    if kind == plan.kind:
        base = dict(plan.mapping)
    elif kind in ("clients", "events"):
        base = guess_sheet_mapping(plan.headers, kind)
    else:
        base = {h: None for h in plan.headers}
    chosen = set(plan.chosen) if kind == plan.kind else set()
    if mapping:
        allowed = fields_for(kind) if kind in ("clients", "events") else frozenset()
        for header, target in mapping.items():
            if header not in base:
                continue
            target = None if target in (EXTRA, "") else target
            if target is not None and target not in allowed:
                raise ValidationError(
                    f"Column '{header}' of sheet '{plan.sheet}' cannot be mapped to "
                    f"{field_label(target)} on a {kind} sheet.")
            if target != base[header]:
                chosen.add(header)
            base[header] = target
    same = kind == plan.kind       # another kind: the export profile no longer applies
    set_values = dict(plan.set_values)
    if every_row and kind == "events":
        set_values["kind"] = every_row
    return dataclasses.replace(plan, kind=kind, mapping=base, chosen=chosen,
                               set_values=set_values,
                               remembered=plan.remembered and same,
                               recognised_as=plan.recognised_as if same else None,
                               explanation=plan.explanation if same else "",
                               read_by_profile=plan.read_by_profile if same else ())


def unknown_stage_values(plan: SheetPlan, stage_map: dict[str, str] | None = None
                         ) -> dict[str, int]:
    """Values of the columns mapped to stage that nothing understands yet: value -> rows.

    Spellings that mean the same value ("Hot lead", "hot-lead") count as one, under the
    first spelling met; the most frequent values come first.
    """
    if plan.kind not in ("clients", "events"):
        return {}
    counts: dict[str, int] = {}
    for header, target in plan.mapping.items():
        if target != "stage":
            continue
        texts = values.parse_text(plan.raw.frame[header])[0].dropna()
        for value, count in texts.value_counts(sort=False).items():
            if not read_stage_value(value, stage_map).known:
                counts[value] = counts.get(value, 0) + int(count)
    return merge_counts(counts)


def merge_counts(*counts: dict[str, int]) -> dict[str, int]:
    """Value counts of several sheets as one, spellings of the same value together."""
    merged: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for part in counts:
        for value, count in part.items():
            key = normalise_value(value)
            spelling.setdefault(key, value)
            merged[key] = merged.get(key, 0) + count
    ordered = sorted(merged, key=lambda k: (-merged[k], spelling[k].casefold()))
    return {spelling[key]: merged[key] for key in ordered}


# --- after an import -------------------------------------------------------------------

@dataclass
class ImportOutcome:
    """What a check or an import from the page did, kept for display until dismissed."""
    workspace: str                         # the workspace file it was made in
    results: list[ImportResult]
    dry_run: bool
    errors: list[str] = field(default_factory=list)   # files refused, one sentence each
    done: list[str] = field(default_factory=list)     # the page's keys of the files imported
    totals: dict[str, int] = field(default_factory=dict)   # workspace_totals afterwards
    workbook: bytes | None = None          # the rejected rows, when there are any


def results_frame(results: list[ImportResult]) -> pd.DataFrame:
    """One row per imported sheet: what it was imported as and what happened to its rows."""
    return pd.DataFrame([{
        "File": r.file, "Sheet": r.sheet,
        "Imported as": r.kind.replace("_", " "), "Rows": r.rows,
        "Added": r.inserted, "Updated": r.updated - r.unchanged, "Unchanged": r.unchanged,
        "Rejected": r.rejected,
    } for r in results], columns=["File", "Sheet", "Imported as", "Rows", "Added", "Updated",
                                  "Unchanged", "Rejected"])


def problems_frame(results: list[ImportResult]) -> pd.DataFrame:
    """Every problem of every sheet, by file, sheet, row and column."""
    return pd.DataFrame([_problem_line(r, p) for r in results for p in r.problems],
                        columns=PROBLEM_COLUMNS)


def _problem_line(result: ImportResult, problem: Problem) -> dict:
    shown = problem.as_dict()                  # the value as text, cut at 200 characters
    return {"File": result.file, "Sheet": result.sheet, "Row": shown["row"],
            "Column": shown["column"], "Value": shown["value"], REASON_HEADER: shown["reason"]}


def rejected_rows(results: list[ImportResult], plans: list[SheetPlan]) -> pd.DataFrame:
    """The rejected rows with their original cells, one line per problem, saying why."""
    by_sheet = {(p.file, p.sheet): p.raw for p in plans}
    lines = []
    originals: list[str] = []
    for result in results:
        cells = _original_cells(by_sheet.get((result.file, result.sheet)),
                                {p.row for p in result.problems})
        cells |= {row: {_original_name(h): text for h, text in record.items()}
                  for row, record in result.rejected_cells.items()}
        for name in (cells[next(iter(cells))] if cells else {}):
            if name not in originals:
                originals.append(name)
        for problem in result.problems:
            lines.append({**_problem_line(result, problem), **cells.get(problem.row, {})})
    return pd.DataFrame(lines, columns=[*PROBLEM_COLUMNS, *originals])


def _original_cells(raw: RawSheet | None, rows: set[int]) -> dict[int, dict[str, str]]:
    """Row number -> {header: cell as text} for the given rows of a sheet."""
    if raw is None or not rows:
        return {}
    return {row: {_original_name(h): text for h, text in record.items()}
            for row, record in cells_of_rows(raw, rows).items()}


def _original_name(header: str) -> str:
    """A sheet's header as a column beside the problem's own (Row, Column, ...)."""
    return header if header not in PROBLEM_COLUMNS else f"{header} (original)"


def rejected_workbook(results: list[ImportResult], plans: list[SheetPlan]) -> bytes:
    """The rejected rows as a workbook (formula-safe), one line per problem."""
    return to_xlsx_bytes(rejected_rows(results, plans), "Rejected rows")


def outcome_sentence(results: list[ImportResult], dry_run: bool) -> str:
    """One sentence: what the import added, updated and rejected (or would have)."""
    parts = []
    for kind in dict.fromkeys(r.kind for r in results):
        added = sum(r.inserted for r in results if r.kind == kind)
        updated = sum(r.updated for r in results if r.kind == kind)
        noun = OUTCOME_NOUNS.get(kind, kind.replace("_", " ") + " row")
        if added or not updated:
            parts.append(f"{counted(added, noun)} added")
        unchanged = sum(r.unchanged for r in results if r.kind == kind)
        if kind == "events":    # (those with new values since: the import's note says so)
            if updated:
                parts.append(f"{counted(updated, noun)} already there")
        else:
            if updated > unchanged:
                parts.append(f"{counted(updated - unchanged, noun)} updated")
            if unchanged:
                parts.append(f"{counted(unchanged, noun)} already there, unchanged")
        if joined := sum(r.joined for r in results if r.kind == kind):
            parts.append(f"{counted(joined, noun)} found twice joined into "
                         + ("one" if joined == 1 else "others"))
    rejected = sum(r.rejected for r in results)
    parts.append(f"{rejected:,} row{'s' if rejected != 1 else ''} rejected" if rejected
                 else "no rows rejected")
    files = len({r.file for r in results})
    what = f"{files} file{'s' if files != 1 else ''}: {', '.join(parts[:-1])}; {parts[-1]}"
    if dry_run:
        return f"Checked {what}. Nothing was changed: import to keep it."
    return f"Imported {what}."


# What one row of each kind of sheet is, in the outcome's sentence ("1 event added").
OUTCOME_NOUNS = {"clients": "client", "events": "event", "reference": "reference row",
                 "personas": "persona", "touchpoints": "touchpoint",
                 "function_map": "function map row"}


def workspace_totals(db: Database) -> dict[str, int]:
    """How many clients and events the workspace holds."""
    return {table: db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]
            for table in ("clients", "events")}


def totals_sentence(totals: dict[str, int]) -> str:
    """``The workspace now holds 14,810 clients and 144,090 events.`` (events sheets add
    the clients they name, so this can be more than the clients sheets added)."""
    return (f"The workspace now holds {counted(totals['clients'], 'client')} and "
            f"{counted(totals['events'], 'event')}.")


# --- history ---------------------------------------------------------------------------

HISTORY_COLUMNS = ["Import", "When (UTC)", "From", "Imported as", "Rows", "Added", "Updated",
                   "Unchanged", "Rejected", "Undone"]


def history_frame(db: Database) -> pd.DataFrame:
    """Every import, newest first, as a table for people ("From" is the file and sheet)."""
    return pd.DataFrame([[
        i["id"], (i["created_at"] or "")[:16], source_name(i["file"], i["sheet"]),
        (i["kind"] or "").replace("_", " "), i["rows"], i["inserted"],
        None if i["updated"] is None else i["updated"] - (i["unchanged"] or 0), i["unchanged"],
        i["rejected"], (i["undone_at"] or "")[:10]]
        for i in list_imports(db)], columns=HISTORY_COLUMNS)


def source_name(file: str, sheet: str | None) -> str:
    """``orders.xlsx › Returns``; a CSV's one sheet (named after the file) is left out."""
    stem = file.rsplit(".", 1)[0]
    return file if not sheet or sheet == stem else f"{file} › {sheet}"


def import_problems(db: Database, import_id: int) -> pd.DataFrame:
    """The rows an earlier import rejected, by row and column, saying why."""
    return pd.DataFrame(db.execute(
        "SELECT row, [column], value, reason FROM import_problems WHERE import_id = ? "
        "ORDER BY row, id", [import_id]).fetchall(),
        columns=["Row", "Column", "Value", REASON_HEADER])
