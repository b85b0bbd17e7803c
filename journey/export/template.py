"""The client-tracker template and the filled-in sample workbook (openpyxl).

``write_template`` writes an empty workbook people can fill in: a "Clients" sheet with the
client vocabulary as readable headers, an "Events" sheet with the event fields, and a
"Guide" sheet (one row per column: what to enter and an example). Guidance also sits in a
comment on each header, never in a data row. Dropdowns cover the fields with fixed choices;
they warn rather than refuse, because Journey accepts other values too (it asks what an
unknown stage means).

``write_sample`` writes the same layout filled with 25 clients and 80 of their events from
the demo business (``journey.demo.simulate``), so it imports cleanly. Refunds and
cancellations carry only their order ID, as a returns list would.

Decisions: every header normalises to its field or one of its synonyms
(``journey.fields.match_header``; the columns are ``journey.columns``), so importing the template needs no mapping. The import
skips the Guide sheet (by its name or its headers), so an empty template is refused as
having no rows rather than imported as reference data.

Regenerate both files in ``data/`` with ``python -m journey.export.template``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..charts import BRAND
from ..columns import (ACQUISITION_CHANNELS, CHANNELS, CLIENT_COLUMNS, DEPARTMENTS,
                       EVENT_COLUMNS, GUIDE_HEADERS, GUIDE_SHEET)
from ..demo import simulate
from ..fields import CHOICES, DATE, EVENT_KINDS, MONEY, field_type
from ..stages import LABELS, STAGES

TEMPLATE_NAME = "client-tracker-template.xlsx"
SAMPLE_NAME = "sample-client-tracker.xlsx"
DATA_DIR = Path(__file__).resolve().parents[2] / "data"
LAST_ROW = 1000          # dropdowns and formats reach this row

# field -> choices for a dropdown (warn, do not refuse: other values are still accepted).
CLIENT_DROPDOWNS = {
    "stage": tuple(LABELS[s] for s in STAGES),
    **CHOICES,
    "channel": ACQUISITION_CHANNELS,
}
EVENT_DROPDOWNS = {
    "kind": EVENT_KINDS,
    "stage": tuple(LABELS[s] for s in STAGES),
    "channel": CHANNELS,
    "department": DEPARTMENTS,
}
# field -> (low, high) whole-number ranges
CLIENT_RANGES = {"reward_effort_rank": (1, 5), "nps": (0, 10), "satisfaction": (1, 5)}

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor=BRAND.lstrip("#"))
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"


def write_template(path: str | Path) -> Path:
    """Write the empty client-tracker template to ``path``."""
    return _save(_workbook(clients=[], events=[]), path)


def write_sample(path: str | Path) -> Path:
    """Write the sample tracker (25 clients, 80 events) to ``path``."""
    clients, events = sample_rows()
    return _save(_workbook(clients=clients, events=events), path)


def _save(book: Workbook, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _workbook(clients: list[dict], events: list[dict]) -> Workbook:
    """The three sheets: Clients, Events and Guide."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Clients"
    _fill_sheet(sheet, CLIENT_COLUMNS, clients, CLIENT_DROPDOWNS, CLIENT_RANGES)
    _fill_sheet(book.create_sheet("Events"), EVENT_COLUMNS, events, EVENT_DROPDOWNS, {})
    _fill_guide(book.create_sheet(GUIDE_SHEET))
    return book


def _fill_sheet(sheet, columns: dict, rows: list[dict], dropdowns: dict, ranges: dict) -> None:
    """Headers with comments, the rows, dropdowns, formats, widths and a frozen header."""
    fields = list(columns)
    for number, field in enumerate(fields, start=1):
        label, guidance, example = columns[field]
        cell = sheet.cell(row=1, column=number, value=label)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        comment = Comment(f"{guidance}\nExample: {example}", "Journey")
        comment.width, comment.height = 260, 110
        cell.comment = comment
        sheet.column_dimensions[get_column_letter(number)].width = _width(field, label, rows)
    for row_number, row in enumerate(rows, start=2):
        for number, field in enumerate(fields, start=1):
            value = row.get(field)
            if value is not None and value != "":
                sheet.cell(row=row_number, column=number, value=value)
    _formats(sheet, fields, max(len(rows) + 1, LAST_ROW))
    _validations(sheet, fields, dropdowns, ranges)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{max(len(rows) + 1, 2)}"


def _width(field: str, label: str, rows: list[dict]) -> float:
    """A column width that fits the header and most values (capped)."""
    longest = max([len(str(r.get(field) or "")) for r in rows[:200]] + [len(label) + 4])
    return float(min(max(longest + 2, 10), 48))


def _formats(sheet, fields: list[str], last_row: int) -> None:
    """Date and money number formats down the column, so typed values look right."""
    for number, field in enumerate(fields, start=1):
        kind = field_type(field)
        fmt = DATE_FORMAT if kind == DATE else MONEY_FORMAT if kind == MONEY else None
        if fmt is None:
            continue
        for row in range(2, last_row + 1):
            sheet.cell(row=row, column=number).number_format = fmt


def _validations(sheet, fields: list[str], dropdowns: dict, ranges: dict) -> None:
    """Dropdown lists and whole-number ranges for rows 2..LAST_ROW (warnings, not stops)."""
    for number, field in enumerate(fields, start=1):
        letter = get_column_letter(number)
        area = f"{letter}2:{letter}{LAST_ROW}"
        if field in dropdowns:
            choices = ",".join(dropdowns[field])
            rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True,
                                  errorStyle="warning", showErrorMessage=True)
            rule.error = "That is not one of the usual values; Journey will ask what it means."
        elif field in ranges:
            low, high = ranges[field]
            rule = DataValidation(type="whole", operator="between", formula1=str(low),
                                  formula2=str(high), allow_blank=True, errorStyle="warning",
                                  showErrorMessage=True)
            rule.error = f"Enter a whole number from {low} to {high}."
        else:
            continue
        rule.errorTitle = CLIENT_COLUMNS.get(field, EVENT_COLUMNS.get(field))[0]
        rule.add(area)
        sheet.add_data_validation(rule)


def guide_rows() -> list[tuple[str, str, str, str, str]]:
    """One Guide row per column of the Clients and Events sheets."""
    rows = []
    for sheet, columns in (("Clients", CLIENT_COLUMNS), ("Events", EVENT_COLUMNS)):
        for field, (label, guidance, example) in columns.items():
            rows.append((sheet, label, field, guidance, example))
    return rows


def _fill_guide(sheet) -> None:
    """The Guide sheet: sheet, column, field, what to enter, example."""
    sheet.append(GUIDE_HEADERS)
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for row in guide_rows():
        sheet.append(row)
    for letter, width in zip("ABCDE", (10, 24, 24, 80, 34)):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


# --- the sample -------------------------------------------------------------------------

SAMPLE_EVENTS = 80
# tracker stage -> how many sample clients to take from it
SAMPLE_MIX = {"Promoter": 4, "Repeat customer": 5, "Customer": 6, "Proposal": 6, "Lead": 4}
# event kinds in the order the sample keeps them (routine contacts last)
SAMPLE_PRIORITY = ("purchase", "refund", "cancellation", "won", "lost", "complaint",
                   "internal_complaint", "objection", "nps", "review", "referral",
                   "stage_change", "contact")


def sample_rows(seed: int = 7) -> tuple[list[dict], list[dict]]:
    """25 clients of the demo business (a mix of stages) and 80 of their events."""
    world = simulate(seed=seed)
    chosen = _sample_clients(world)
    ids = {c["client_id"] for c in chosen}
    events = [e for e in world.events if e.get("client_id") in ids]
    clients = [{f: _cell(c.get(f)) for f in CLIENT_COLUMNS} for c in chosen]
    return clients, _sample_events(events)


def _sample_clients(world) -> list[dict]:
    """SAMPLE_MIX clients per stage, preferring ones with a refund, a complaint or an escalation."""
    trouble = {e.get("client_id") for e in world.events
               if e["kind"] in ("refund", "cancellation", "complaint", "internal_complaint")}
    ranked = sorted(world.clients, key=lambda c: (c["client_id"] not in trouble,
                                                  c["client_id"]))
    chosen = []
    for stage, count in SAMPLE_MIX.items():
        chosen += [c for c in ranked if c["stage"] == stage][:count]
    return sorted(chosen, key=lambda c: c["client_id"])


def _sample_events(events: list[dict]) -> list[dict]:
    """SAMPLE_EVENTS events taken kind by kind in turn (so every kind shows), by date.

    A refund or cancellation brings its purchase along and carries only the order ID,
    as a returns list would.
    """
    queues = {kind: [dict(e) for e in events if e["kind"] == kind] for kind in SAMPLE_PRIORITY}
    purchases = {e["order_id"]: e for e in queues["purchase"]}
    chosen: list[dict] = []
    while len(chosen) < SAMPLE_EVENTS and any(queues.values()):
        for kind in SAMPLE_PRIORITY:
            if queues[kind] and len(chosen) < SAMPLE_EVENTS:
                event = queues[kind].pop(0)
                if kind in ("refund", "cancellation"):
                    purchase = purchases[event["order_id"]]
                    if purchase in queues["purchase"]:
                        queues["purchase"].remove(purchase)
                        chosen.append(purchase)
                    event["client_id"] = None
                chosen.append(event)
    chosen.sort(key=lambda e: (e["date"], e.get("client_id") or "", e["kind"]))
    return [{f: _cell(e.get(f)) for f in EVENT_COLUMNS} for e in chosen]


def _cell(value):
    """A value as openpyxl should write it (dates stay dates)."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return value


def main(argv: list[str] | None = None) -> int:
    """Regenerate data/client-tracker-template.xlsx and data/sample-client-tracker.xlsx."""
    folder = Path(argv[0]) if argv else DATA_DIR
    for path in (write_template(folder / TEMPLATE_NAME), write_sample(folder / SAMPLE_NAME)):
        print(f"Wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

