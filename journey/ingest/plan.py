"""Plan an import: what each sheet of a file becomes, before anything is saved.

``plan_file`` reads a file (``journey.ingest.read``) and makes a ``SheetPlan`` per sheet:
its kind and the mapping of its headers (guessed by ``journey.ingest.understand``, or
remembered from an earlier file with the same headers), with the person's choices over
the guesses. ``prepare_sheet`` turns a plan into typed rows ready to save and the rows it
must reject, with sheet, row, column, value and reason. The Import page shows plans
(``journey.ingest.review``); ``journey.ingest.save`` writes prepared sheets.

Workshop sheets (Personas, Touchpoints, Function map) are found by their name and saved
by their own importers, registered in ``WORKSHOP_IMPORTERS`` (the workshop modules sit
below the import and know nothing of it: they write through ``journey.journal``).
"""

from __future__ import annotations

import hashlib
import json
import itertools
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlite_utils import Database

from .. import values
from ..columns import FIELD_LABELS
from ..errors import ValidationError
from ..fields import (
    CLIENT_FIELDS, COMPANY_HEADERS, COUNT, CREDIT_DOCUMENTS, DOCUMENT_TYPE, EVENT_FIELDS, MONEY, EVENT_ONLY,
    JOB_ROLES, LIVE_FLAGS, MEMBER_ROLES,
    JOB_NUMBERS, ORDER_ROW_VALUES, ORGANISATION_HEADERS, OWN_ROLE_FLAGS, OWN_ROLES,
    PERSON_NAME_HEADERS,
    INSTALMENT, NAMES_NO_CLIENT, PAID_COUNT, PRICE_EACH, QUOTE_HEADERS, REST_OF_TOTAL,
    PARTY_HEADERS, PLACES_OF_SALE, PAYEE_HEADERS, RATE_HEADER, ROLE_HEADERS,
    SALES_TALLY_HEADERS,
    ROW_LEVEL_HEADERS,
    SCORE_RANGES, SPAM_FLAGS, SURVEY_NAMES, TAG_HEADERS, TEST_FLAGS, TIP_HEADERS, TIP_NOT_IN_AMOUNT,
    VISIT_TYPE_HEADERS, WHOSE_FIELDS,
    base_header_key, before_tax, field_type, fields_for, header_year, match_header, name_part, names_a_participant,
    without_owner,
    names_tax, names_tax_rate, net_and_tax, normalise_header, period_of, plain_header,
    tax_note)
from ..journal import Problem, SheetSave
from ..kinds import GOOD_REVIEW
from ..stages import (
    ACTIVE_OF, BILLED_STATUSES, BOOKED_STATUSES, ON_INVOICE, OPEN_WORDS, PAID_BY,
    PAID_STEPS, PART_PAID_WORDS,
    CONSULTATION_WORDS, OUTCOME_OF, QUOTE_ACCEPTED, QUOTE_STATUS, QUOTE_TURNED_DOWN, QUOTE_WORDS, RANK, STAGE_ALIASES, TICK_STEPS, normalise_value, order_status_kind,
    read_stage_value)
from ..text import (best_written, counted, its, listed, loose_name_keys, match_key, name_key,
                    rows_text, was, without_accents)
from ..workshop.actions import import_sheet as import_actions
from ..workshop.kpis import import_sheet as import_kpis
from ..workshop.personas import import_sheet as import_personas
from ..workshop.touchpoints import import_function_map, import_sheet as import_touchpoints
from ..workspace import get_setting
from .currency import amount_currencies
from .line_amounts import line_amounts, names_a_unit_price, priced_per_unit, quantity_column
from .profiles import (BY_NAME as PROFILES, OrderRefunds, fold_lines, order_refunds,
                       profile_mapping, recognise)
from .read import DEFAULT_MAX_BYTES, RawSheet, read_tables
from .understand import (
    DEAL_VALUE, EXTRA, KINDS, PAID_FLAG, REASONS, WORKSHOP_KINDS, about_appointments,
    about_invoices, amounts_of, coerce, column_label, column_or_blank, conversation_ratings,
    closed_deals_said, detect_kind, extra_json, free_orders_said, guess_sheet_mapping,
    headers_key, is_blank, kind_named, looks_mismapped, names_sales, own_money_moved,
    paid_out_to_others,
    quote_money, quote_statuses,
    ratings_not_money, refine_mapping, Refined, resolve_kinds,
    resolve_stages, sheet_kind, skip_guides, stand_ins_and_totals, tagged_kind,
    who_of_the_business, work_column, workshop_kind)

# The importer of each workshop sheet kind: ``fn(db, raw, import_id) -> SheetSave``. It runs
# inside the import's transaction and records every row it writes with
# ``journey.journal.record_change``. A kind without an importer is kept as reference rows.
WORKSHOP_IMPORTERS: dict[str, Callable[[Database, RawSheet, int], SheetSave]] = {
    "personas": import_personas,
    "touchpoints": import_touchpoints,
    "function_map": import_function_map,
    "kpis": import_kpis,
    "actions": import_actions,
}


@dataclass
class SheetPlan:
    """What will be imported from one sheet, and how."""
    file: str
    sheet: str
    raw: RawSheet
    kind: str
    mapping: dict[str, str | None]
    set_values: dict[str, str] = field(default_factory=dict)
    checksum: str = ""
    remembered: bool = False     # the mapping came from an earlier import of these headers
    chosen: set[str] = field(default_factory=set)   # headers mapped by a person, not guessed
    recognised_as: str | None = None   # the export profile (``journey.ingest.profiles``)
    explanation: str = ""              # what was understood, in one sentence
    key_from_email: str | None = None  # the header whose e-mails are the client key
    sales_sheet: str | None = None     # another sheet of the file named for sales (Invoices)
    kept_because: str | None = None    # why a sheet with events' columns is kept as reference
    said: list[str] = field(default_factory=list)   # what planning decided, to be said

    @property
    def headers(self) -> list[str]:
        return self.raw.headers


@dataclass
class PreparedSheet:
    """Typed rows ready to save, and the rows rejected with their reasons."""
    plan: SheetPlan
    rows: pd.DataFrame                       # vocabulary columns + extra + _row
    problems: list[Problem]
    unknown_stages: dict[str, int]           # raw value -> rows, waiting to be mapped
    day_first: bool | None = None
    notes: list[str] = field(default_factory=list)
    rejected: int | None = None     # rows rejected (a profile may group or add rows)
    demoted: list[str] = field(default_factory=list)   # mapped columns kept as extra
    read_instead: dict[str, str | None] = field(default_factory=dict)  # column -> what it gave
    currency_rows: dict[str, int] = field(default_factory=dict)  # rows with an amount in each
    currency_where: str = ""         # where the currencies were read ("in 'Currency'")


# A sheet or file of marks (a tutor's quiz results, a class's test scores): its bare
# "Score" out of 10 is a mark, not how likely someone is to recommend the business.
_GRADED = re.compile(r"(?i)(?<![a-z])(?:quiz(?:zes)?|exams?|tests?|grades?|marks|"
                     r"assessments?|homework|examen|ex[aá]menes|notas|noten|pr[uü]fung|"
                     r"toets|cijfers|voti)(?![a-z])")


# ... unless the name also says the sheet is a survey of customers ("nps_test.csv", a
# trial export of one): then "test" is no class's (``SURVEY_NAMES``).


def plan_file(filename: str, data: bytes, *, db: Database | None = None, kind: str = "auto",
              mapping: dict[str, str] | None = None, set_values: dict[str, str] | None = None,
              sheet: str | None = None, max_bytes: int | None = None) -> list[SheetPlan]:
    """Read a file and plan the import of each sheet. Raises UnreadableFile, ValidationError.

    ``mapping`` overrides header -> field (``"extra"`` keeps a column unmapped);
    ``set_values`` sets a field to one value on every row.
    """
    if kind not in ("auto", *KINDS):
        raise ValidationError(f"--kind must be auto, clients or events, not '{kind}'.")
    if max_bytes is None:
        max_bytes = get_setting(db, "max_upload_mb") * 1024 * 1024 if db else DEFAULT_MAX_BYTES
    limits = {"max_rows": get_setting(db, "max_import_rows"),
              "max_cells": get_setting(db, "max_import_cells")} if db else {}
    sheets = read_tables(filename, data, max_bytes=max_bytes, sheet=sheet, **limits)
    checksum = hashlib.sha256(data).hexdigest()
    mapping = mapping or {}
    set_values = set_values or {}
    sheets = skip_guides(filename, sheets)
    _check_overrides(filename, sheets, mapping, set_values)
    plans = []
    for raw in sheets:
        plans.append(_plan_sheet(db, filename, raw, kind, mapping, set_values, checksum))
    if kind == "auto" and "name" not in set_values:
        plans = [_plan_sheet(db, filename, plan.raw, "events", mapping,
                             {**set_values, "name": plan.sheet}, checksum)
                 if plan.sheet in _sheets_named_for_clients(plans) else plan
                 for plan in plans]
        for plan in plans:
            if plan.set_values.get("name") == plan.sheet and "name" not in set_values:
                plan.said.append(
                    f"Sheet '{plan.sheet}' names no client in its rows, and the workbook has "
                    "a sheet like it for each client: its rows were read as those of the "
                    f"client '{plan.sheet}', the sheet's name.")
    for plan in plans:      # (a "Payments" sheet beside "Invoices" pays them: understand)
        plan.sales_sheet = next((other.sheet for other in plans if other is not plan
                                 and other.kind == "events" and names_sales(other.sheet)),
                                None)
        _details_of_jobs(plan, plans)
        if db is not None:
            details_of_stored_jobs(db, plan)
        _no_clients_purchases(plan, kind)
    return plans


def _sheets_named_for_clients(plans: list[SheetPlan]) -> set[str]:
    """The sheets of a workbook kept one per client (a yoga teacher's "Ann Lee", "Bob Ray"
    tabs, each a log of dates and payments with no client column): two or more sheets of
    the same headers, with a date among them and no column of a client's, each named as a
    person is (``_PERSONS_NAME``: "Ann Lee", "Mrs Hall"; a word alone, "Roses" or "Sarah",
    may as well be a product's), not as a period, a working sheet or a place of sale
    ("Farmers Market": ``PLACES_OF_SALE``); where another sheet
    names clients, one of those. Their names."""
    named = _names_listed(plans)
    candidates: dict[tuple, list[str]] = {}
    for plan in plans:
        if (plan.kind not in ("reference", "events") or plan.kept_because
                or workshop_kind(plan.raw)
                or "date" not in guess_sheet_mapping(plan.headers, "events").values()):
            continue
        name = " ".join(plan.sheet.split())
        if (not _PERSONS_NAME.fullmatch(name) or NAMES_NO_CLIENT.search(name)
                or PLACES_OF_SALE.search(name)
                or period_of(name) or named is not None and name.casefold() not in named):
            continue
        key = tuple(normalise_header(h) for h in plan.headers)
        candidates.setdefault(key, []).append(plan.sheet)
    return {sheet for sheets in candidates.values() if len(sheets) >= 2 for sheet in sheets}


# A sheet's name as a person is named: two to four words, each capitalised, or a title
# and a surname ("Ann Lee", "Harold Goldsmith", "Mrs Hall", "Ann & Tom Reed").
_PERSONS_NAME = re.compile(r"(?:[A-Z][^\W\d_]*[.'\u2019-]?[^\W\d_]*\s+(?:(?:&|and)\s+)?){1,3}"
                           r"[A-Z][^\W\d_]*(?:['\u2019-][^\W\d_]+)?")
def _names_listed(plans: list[SheetPlan]) -> set[str] | None:
    """The clients' names (casefolded) the workbook's sheets with a client column give,
    or None where no sheet has one."""
    named, any_whose = set(), False
    for plan in plans:
        any_whose |= bool(WHOSE_FIELDS & set(plan.mapping.values()))
        for header in (h for h, f in plan.mapping.items() if f == "name"):
            named |= {" ".join(str(v).split()).casefold()
                      for v in plan.raw.frame[header].dropna().unique()}
    return named if any_whose else None


def _details_of_jobs(plan: SheetPlan, plans: list[SheetPlan]) -> None:
    """A sheet of a workbook that names no client, only the numbers of jobs another sheet
    lists with their clients ("Timesheet", "Materials": Job No, hours, costs), and whose
    own name names no sale, holds those jobs' details, not sales: its rows would otherwise
    tie to the jobs by their number and replace their price with a cost. Kept as reference
    rows, said so (``kept_because``)."""
    numbers = _job_numbers_alone(plan)
    if numbers is None:
        return
    ours = set(plan.raw.frame[numbers].dropna().astype(str).str.strip())
    for other in plans:
        theirs = next((h for h, f in other.mapping.items() if f == "order_id"), None)
        if (other is plan or other.kind != "events" or theirs is None
                or not WHOSE_FIELDS & set(other.mapping.values())):
            continue
        if ours & set(other.raw.frame[theirs].dropna().astype(str).str.strip()):
            _kept_as_details(plan, numbers, f"that sheet '{other.sheet}' lists")
            return


def details_of_stored_jobs(db: Database, plan: SheetPlan) -> None:
    """As ``_details_of_jobs``, where the jobs came in an earlier import (jobs.xlsx, then
    materials.csv with the job numbers): a sheet whose job numbers are those of events the
    workspace holds with their clients holds those jobs' details, kept as reference rows."""
    numbers = _job_numbers_alone(plan)
    if numbers is None:
        return
    ours = sorted(set(plan.raw.frame[numbers].dropna().astype(str).str.strip()))
    if db.execute("SELECT 1 FROM events WHERE order_id IN (SELECT value FROM json_each(?)) "
                  "AND client_ref IS NOT NULL LIMIT 1", [json.dumps(ours)]).fetchone():
        _kept_as_details(plan, numbers, "an earlier import brought")


def _job_numbers_alone(plan: SheetPlan) -> str | None:
    """The header of an events sheet's job numbers (``JOB_NUMBERS``, not one a person
    chose) where nothing on it names a client and its name names no sale, else None."""
    if plan.kind != "events" or plan.set_values.get("kind") or WHOSE_FIELDS & set(
            plan.mapping.values()) or names_sales(plan.sheet):
        return None
    numbers = next((h for h, f in plan.mapping.items()
                    if f == "order_id" and normalise_header(h) in JOB_NUMBERS), None)
    return None if numbers is None or numbers in plan.chosen else numbers


def _kept_as_details(plan: SheetPlan, numbers: str, listed_by: str) -> None:
    """Keep a sheet of jobs' details as reference rows, and say why."""
    plan.kind = "reference"
    plan.kept_because = (
        f"Sheet '{plan.sheet}' names no client, only the numbers in '{numbers}' of "
        f"jobs {listed_by} with their clients: its rows are those "
        "jobs' details (hours, costs), kept as reference rows, not sales. If they are "
        "sales, choose 'a purchase' under 'Every row is' (--set kind=purchase).")


# Words of a sheet's or file's name saying its money went out: a supplier's, an expense's.
_MONEY_OUT_WORDS = frozenset(
    "expense expenses outgoing outgoings payable payables gastos depenses ausgaben spese "
    "despesas uitgaven".split())
# A sheet's name saying what the business bought in ("Purchases", "Bills"): beside a
# supplier column (``PAYEE_HEADERS``) its rows are bought from suppliers, not sold.
_BOUGHT_IN_WORDS = frozenset(
    "purchase purchases purchasing bill bills compras achats einkauf einkaufe acquisti "
    "inkoop inkopen aankopen".split())


# A sheet's name saying it lists prices, not sales: "Prices", "Price list", "Tariff".
_PRICE_LIST = re.compile(r"(?i)^\s*(?:our\s+)?(?:prices?(?:\s+(?:list|guide))?|pricelist|"
                         r"pricing|tariffs?|rates?(?:\s+card)?|price\s+menu|treatment\s+"
                         r"menu|services?\s+(?:and|&)\s+prices?)\s*(?:\d{4})?\s*$")


def _no_clients_purchases(plan: SheetPlan, kind: str) -> None:
    """A sheet of money that names no client, which no profile knows and whose rows would be
    sales, holds none where its money went out (a header names whom the business paid,
    ``PAYEE_HEADERS``, or its name says so, ``_MONEY_OUT_WORDS``: outgoing payments, bills
    from suppliers; not a header alone on a sheet whose name says sales or orders, where a
    "Vendor" is the seller, a "Recipient" whom the goods went to) or where each row counts
    several sales (``SALES_TALLY_HEADERS``: a till's daily summary, a period's totals).
    Kept as reference rows, said so (``kept_because``), with the totals a summary comes to."""
    if (plan.kind != "events" or kind != "auto" or plan.set_values.get("kind")
            or plan.recognised_as or WHOSE_FIELDS & set(plan.mapping.values())
            or "amount" not in plan.mapping.values()
            or sheet_kind(plan.sheet, plan.file) not in (None, "purchase")):
        return
    undo = ("If they are sales, choose 'a purchase' under 'Every row is' "
            "(--set kind=purchase).")
    frame = plan.raw.frame
    if _PRICE_LIST.match(plan.sheet):
        plan.kind = "reference"
        plan.kept_because = (
            f"Sheet '{plan.sheet}' names no client, and its name says it lists prices: its "
            "rows are what things cost, not sales, kept as reference rows. " + undo)
        plan.explanation = plan.kept_because
        return
    payee = next((h for h in plan.headers if normalise_header(h) in PAYEE_HEADERS
                  and frame[h].notna().any()), None)
    named = next((name for name in (plan.sheet, Path(plan.file or "").stem)
                  if _MONEY_OUT_WORDS & set(re.findall(r"[a-z]+", without_accents(
                      name.lower())))), None)
    bought_in = any(_BOUGHT_IN_WORDS & set(re.findall(r"[a-z]+", without_accents(name.lower())))
                    for name in (plan.sheet, Path(plan.file or "").stem))
    if (payee and not named and not bought_in
            and any(map(names_sales, (plan.sheet, Path(plan.file or "").stem)))):
        payee = None        # ("orders.csv": a marketplace's Vendor sold, a Recipient was sent)
    if payee or named:
        plan.kind = "reference"
        why = (f"'{payee}' names whom the business pays" if payee
               else f"'{named}' says its money went out")
        plan.kept_because = (
            f"Sheet '{plan.sheet}' names no client, and {why}: its rows are money the "
            "business pays out (to suppliers, for expenses), not sales, kept as reference "
            "rows. " + undo)
        plan.explanation = plan.kept_because
        return
    if "order_id" in plan.mapping.values():
        return                              # (each row one numbered order)
    for header in plan.headers:
        if normalise_header(header) not in SALES_TALLY_HEADERS or plan.mapping[header] not in (
                None, "purchases"):
            continue
        counts, bad = values.parse_count(frame[header])
        if bad.any() or counts.isna().any() or not (counts > 1).any():
            continue
        money = next(h for h, f in plan.mapping.items() if f == "amount")
        total = values.parse_money(frame[money])[0].sum()
        plan.kind = "reference"
        plan.kept_because = (
            f"Sheet '{plan.sheet}' names no client and each row counts several sales "
            f"('{header}': {values.amount_text(counts.sum())} in all): its rows are totals "
            f"(of a day, a week), not clients' purchases, kept as reference rows; '{money}' "
            f"comes to {values.amount_text(total)}. " + undo)
        plan.explanation = plan.kept_because
        return


def _plan_sheet(db, filename, raw, kind, overrides, set_values, checksum) -> SheetPlan:
    remembered = _remembered_mapping(db, raw.headers) if db is not None else None
    by_normal = {normalise_header(h): h for h in raw.headers}
    chosen_targets = {}
    for source, target in overrides.items():
        header = by_normal.get(normalise_header(source))
        if header is not None:
            chosen_targets[header] = None if target in (EXTRA, "", None) else target
    sheet_kind = kind
    workshop = workshop_kind(raw) if kind == "auto" else None
    if workshop:
        # A workshop sheet ("Personas") is saved by its own importer; without one (yet),
        # its rows are kept as reference rows rather than guessed to be clients.
        found = workshop if workshop in WORKSHOP_IMPORTERS else "reference"
        return SheetPlan(file=filename, sheet=raw.name, raw=raw, kind=found,
                         mapping={h: None for h in raw.headers}, set_values=dict(set_values),
                         checksum=checksum)
    profile = recognise(raw.headers, raw.frame)
    named = f"{raw.name} {Path(filename or '').stem}"
    if (profile is not None and profile.name == "nps_scores" and _GRADED.search(named)
            and not SURVEY_NAMES.search(named)):
        profile = None            # a quiz's or a class's marks out of 10: no NPS answers
    if profile is not None and kind in ("auto", profile.kind):
        # A well-known export: its profile decides the kind and the mapping (a person's
        # remembered choices for these headers still win over the profile's mapping).
        sheet_kind = profile.kind
    else:
        profile = None
    known_ids = _known_ids(db)
    measured: dict = {}                  # each column's value evidence, measured once
    if sheet_kind == "auto" and remembered:
        sheet_kind = remembered["kind"]
    elif sheet_kind == "auto":
        # A header names at most one field; keep it if either kind can hold it (a plain
        # dict union would let the clients guess blank out every event-only field).
        events, clients = (guess_sheet_mapping(raw.headers, k, kind_decided=False)
                           for k in ("events", "clients"))
        guess = {h: events[h] or clients[h] for h in raw.headers} | chosen_targets
        who_of_the_business(raw, guess, set(chosen_targets))
        if profile is None:
            refined = refine_mapping(raw, guess, "auto", chosen=set(chosen_targets),
                                     known_ids=known_ids, measured=measured)
            guess = refined.mapping
            if refined.key_from_email:            # the e-mails are the client key
                guess = guess | {refined.key_from_email: "client_id"}
        sheet_kind = detect_kind(raw, guess, raw.name, filename,
                                 key_from_email=profile is None and bool(refined.key_from_email))
        if profile is None and quote_statuses(raw, guess, raw.name, filename):
            sheet_kind = "events"          # each row a quote given, whoever it was for
        if sheet_kind != "events" and EVENT_ONLY.intersection(set_values):
            sheet_kind = "events"          # --set kind=won, --set date=...: rows are events
    if remembered and remembered["kind"] == sheet_kind:
        mapping = {h: remembered["mapping"].get(h) for h in raw.headers}
    elif profile is not None:
        mapping = profile_mapping(profile, raw.headers)
    else:
        mapping = guess_sheet_mapping(raw.headers, sheet_kind)
    chosen = set(raw.headers) if remembered else set()
    mapping.update(chosen_targets)
    chosen.update(chosen_targets)
    refined = Refined(mapping)
    if profile is None and sheet_kind in ("clients", "events"):
        # A remembered mapping is all chosen: the values then only say what the key is.
        refined = refine_mapping(raw, mapping, sheet_kind, chosen=chosen, known_ids=known_ids,
                                 measured=measured)
        mapping = refined.mapping
    if profile is None and sheet_kind == "events" and quote_statuses(raw, mapping, raw.name,
                                                                     filename):
        mapping = quote_money(raw, mapping, chosen)
    if profile is None and sheet_kind in ("clients", "events"):
        refined.said += who_of_the_business(raw, mapping, chosen)
    if profile is None and sheet_kind == "events":
        refined.said += conversation_ratings(raw, mapping, chosen)
        refined.said += ratings_not_money(mapping, raw.name, filename, set_values, chosen)
    if profile is None and sheet_kind == "clients":
        names = [raw.name, Path(filename or "").stem]
        sessions = _sessions_as_purchases(raw, mapping, chosen, names)
        refined.said += _web_visits_not_purchases(raw, mapping, chosen, names) or sessions
    allowed = fields_for(sheet_kind) if sheet_kind in ("clients", "events") else set()
    for header, target in mapping.items():
        if target is not None and target not in allowed:
            raise ValidationError(
                f"Column '{header}' of sheet '{raw.name}' cannot be mapped to '{target}' "
                f"on a {sheet_kind} sheet; choose one of: {', '.join(sorted(allowed))}.")
    return SheetPlan(file=filename, sheet=raw.name, raw=raw, kind=sheet_kind, mapping=mapping,
                     set_values=dict(set_values), checksum=checksum,
                     remembered=bool(remembered), chosen=chosen,
                     recognised_as=profile.name if profile else None,
                     explanation=profile.explain(raw.frame) if profile else
                     _plain_explanation(raw, sheet_kind, mapping, refined.said),
                     key_from_email=refined.key_from_email)


def _known_ids(db: Database | None):
    """``values -> how many are client IDs in the workspace`` (None without clients)."""
    if db is None or db.execute("SELECT 1 FROM clients WHERE client_key >= 'id:' "
                                "AND client_key < 'id;' LIMIT 1").fetchone() is None:
        return None

    def count(texts: list[str]) -> int:
        keys = [f"id:{key}" for text in texts if (key := name_key(text))]
        return db.execute("SELECT COUNT(*) FROM clients WHERE client_key IN "
                          "(SELECT value FROM json_each(?))", [json.dumps(keys)]).fetchone()[0]
    return count


def _plain_explanation(raw: RawSheet, kind: str, mapping: dict[str, str | None],
                       shown: list[str] = ()) -> str:
    """One sentence for a sheet no profile recognises: what it was read as, from what (and
    what its values showed)."""
    what = {"clients": "clients (one row per client)",
            "events": "events (one row per thing that happened)",
            "reference": "reference rows (no client or event columns found)"}.get(
        kind, kind.replace("_", " "))
    used = [f for f in dict.fromkeys(mapping.values()) if f]
    fields = (f" from its headers: {', '.join(f.replace('_', ' ') for f in used[:6])}"
            f"{' and more' if len(used) > 6 else ''}") if used else ""
    shown = f"; {'; '.join(shown)}" if shown else ""
    return f"Not a known export: read as {what}{fields}{shown}."


def _check_overrides(filename, sheets, mapping, set_values) -> None:
    known = {normalise_header(h) for raw in sheets for h in raw.headers}
    for source, target in mapping.items():
        if normalise_header(source) not in known:
            raise ValidationError(
                f"--map {source}={target}: {filename} has no column '{source}'.")
        if target not in (EXTRA, "") and target not in CLIENT_FIELDS and target not in EVENT_FIELDS:
            raise ValidationError(f"--map {source}={target}: '{target}' is not a field; "
                                  "see the field list in the README.")
    for target in set_values:
        if target not in CLIENT_FIELDS and target not in EVENT_FIELDS:
            raise ValidationError(f"--set {target}=...: '{target}' is not a field.")


def _remembered_mapping(db: Database, headers: list[str]) -> dict | None:
    row = db.execute("SELECT kind, mapping FROM saved_mappings WHERE headers_key = ?",
                     [headers_key(headers)]).fetchone()
    return {"kind": row[0], "mapping": json.loads(row[1])} if row else None


# Headers of a login handle, not a name (beside a first and a last name).
_LOGIN_HANDLES = frozenset({"username", "userlogin", "login", "loginname", "handle",
                            "screenname", "nickname"})


def _other_party(cells: dict[str, pd.Series]) -> dict[str, pd.Series] | None:
    """A payments statement's two parties mapped to the name (Venmo's "From" and "To",
    ``PARTY_HEADERS``): the account's own name is on one side of most rows, and the other
    side of each row names the client (the payer of a payment, the payee of a refund).
    None where the sheet has no such pair or no name on most rows' one side."""
    normal = {normalise_header(h): h for h in cells}
    pair = next(((normal[a], normal[b]) for a, b in PARTY_HEADERS
                 if a in normal and b in normal), None)
    if pair is None:
        return None
    sides = [values.parse_text(cells[h], stripped=True)[0] for h in pair]
    keys = [side.str.casefold() for side in sides]
    either = sides[0].notna() | sides[1].notna()
    counts = pd.concat(keys).value_counts()
    if counts.empty or 2 * counts.iloc[0] < either.sum():
        return None
    own = counts.index[0]
    other = sides[1].where(keys[0] == own, sides[0])
    other = other.where(other.str.casefold() != own, None).astype(object)
    return {pair[0]: other} | {h: column for h, column in cells.items() if h not in pair}


def _full_names(cells: dict[str, pd.Series]) -> dict[str, pd.Series]:
    """A first-name and a last-name column mapped to the name (bare or "Customer First
    Name": fields.name_part; a bare "Name" beside a "Last name" is the first name) are one
    name, "Ann Lee", in the first one's place (a mailing list's or a form's people); a
    payment's two parties are its other party's name (``_other_party``)."""
    if (parties := _other_party(cells)) is not None:
        return parties
    # ("Owner First Name" read as the name: the animal's owner, Gingr's)
    part_of = {h: name_part(h) or name_part(without_owner(h) or "") for h in cells}
    first = next((h for h in cells if part_of[h] == "first"), None)
    last = next((h for h in cells if part_of[h] == "last" and h != first), None)
    if first is None and last is not None:     # MailerLite's "Name" beside "Last name"
        first = next((h for h in cells if normalise_header(h) == "name"), None)
    if first is None or last is None:
        return cells
    parts = [values.parse_text(cells[h], stripped=True)[0] for h in (first, last)]
    joined = (parts[0].fillna("") + " " + parts[1].fillna("")).str.strip()
    joined = joined.where(joined != "", None).astype(object)
    named = {(first if h == first else h): (joined if h == first else column)
             for h, column in cells.items() if h != last}
    # A company filled in on fewer than half the rows (a shop's customers, one of whom
    # gave a company) names no one, nor does one company of several people on a list of
    # people (a marketing list): the people's names come first, the company after.
    # A login handle ("username": MemberPress's, WordPress's) beside them names no one
    # either: "alice" is Alice Wren's handle.
    others = [column for h, column in named.items() if h != first]
    if 2 * max((c.notna().sum() for c in others), default=0) < joined.notna().sum() or any(
            _people_of_one_company(c, joined) for c in others) or any(
            normalise_header(h) in _LOGIN_HANDLES for h in named if h != first):
        named = {first: named[first]} | named
    return named


def _test_rows(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame, rejected: pd.Series,
               problems: list) -> pd.Series:
    """Rows a tool flags as made in its test mode ("Test Mode": Yes; "livemode": false)
    or as spam ("is_blocked": true), among real ones: no one's order, contact or sale, each
    rejected with its reason."""
    found = pd.Series(False, index=frame.index)
    kept = ~rejected.reindex(frame.index, fill_value=False)
    for header in frame.columns:
        named = normalise_header(header)
        if named not in TEST_FLAGS | LIVE_FLAGS | SPAM_FLAGS:
            continue
        test = values.parse_bool(frame[header])[0].eq(named not in LIVE_FLAGS) & kept
        if test[kept].all():    # (every row a test: the sheet is the test, import it as is)
            continue
        reason = ("the row is marked spam or blocked, no one's" if named in SPAM_FLAGS
                  else "the row was made in test mode, not a real order")
        _reject_rows(test, out, raw, frame, header, reason, problems)
        found |= test
    return found


# A made-up person an owner enters to try a checkout or a booking page ("Test Student",
# test@example.com): the name's first word and the e-mail's local part both say test.
_TEST_NAME = re.compile(r"^\s*test\b", re.IGNORECASE)
_TEST_EMAIL = re.compile(r"^\s*test[\w.+-]*@", re.IGNORECASE)
# A lead ad's test lead, its cells filled by the ad platform (Meta's "<test lead: dummy data
# for full_name>"): a test whatever its e-mail says.
_PLACEHOLDER_TEST = re.compile(r"^\s*<\s*test lead\b", re.IGNORECASE)
# Where no name is given (a digital shop's orders keyed by e-mail alone: Sellfy's), a test@
# address at a domain kept for examples (RFC 2606: example.com, .test, .invalid) says test.
_TEST_RESERVED_EMAIL = re.compile(
    r"^\s*test[\w.+-]*@(?:[\w-]+\.)*(?:example\.(?:com|net|org)|[\w-]+\.(?:test|example|invalid))"
    r"\s*$", re.IGNORECASE)
# An e-mail header, a form's question too ("Your email"), normalised.
_EMAIL_ASKED = re.compile(r"e?mail(?:address)?$")


def _test_people(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame, rejected: pd.Series,
                 columns_for: dict[str, list[str]], problems: list) -> pd.Series:
    """Rows of a test person (``_TEST_NAME`` and ``_TEST_EMAIL``; without a name, a test@
    address at an example domain: ``_TEST_RESERVED_EMAIL``; or a platform's test lead:
    ``_PLACEHOLDER_TEST``) among real people: no one's order, booking or contact, each
    rejected with its reason. A real "Test Valley Ltd" has no test@ address; a sheet of
    test people alone is imported as it is."""
    found = pd.Series(False, index=frame.index)
    named = "name" in out and bool(columns_for.get("name"))
    if not (named or columns_for.get("email")):
        return found
    kept = ~rejected.reindex(frame.index, fill_value=False)
    name = (out["name"].astype(object).where(out["name"].notna(), "").astype(str) if named
            else pd.Series("", index=out.index))
    asked = next((h for h in frame.columns if _EMAIL_ASKED.search(normalise_header(h))), None)
    said = (out["email"] if "email" in out else   # (else a form's "Your email", which
            frame[asked].reindex(out.index) if asked is not None   # its profile reads)
            else pd.Series(None, index=out.index, dtype=object))
    email = said.astype(object).where(said.notna(), "").astype(str)
    unnamed = name.str.strip().eq("") & email.str.match(_TEST_RESERVED_EMAIL)
    test = ((name.str.match(_TEST_NAME) & email.str.match(_TEST_EMAIL))
            | name.str.match(_PLACEHOLDER_TEST) | unnamed) & kept
    if not test.any() or test[kept].all():
        return found
    placeholder = name.str.match(_PLACEHOLDER_TEST)
    for marked, reason, header in (
            (test & ~placeholder & ~unnamed, "its name and e-mail say so", "name"),
            (test & placeholder, "an ad platform's test lead", "name"),
            (test & unnamed, "a test address at an example domain", "email")):
        if marked.any():
            column = (columns_for.get(header) or columns_for.get("name")
                      or columns_for["email"])[0]
            _reject_rows(marked, out, raw, frame, column,
                         f"the row is a test ({reason}), no real client", problems)
    return test


def _reject_rows(marked: pd.Series, out: pd.DataFrame, raw: RawSheet, frame: pd.DataFrame,
                 header: str, reason: str, problems: list) -> None:
    """A problem at ``header``'s cell, for ``reason``, of each row ``marked``."""
    for index in marked[marked].index:
        problems.append(Problem(int(out.at[index, "_row"]), column_label(raw, header),
                                frame.at[index, header], reason))


def _nothing_happened(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame,
                      rejected: pd.Series, problems: list,
                      mapping: dict[str, str | None]) -> pd.Series:
    """Rows of events blank in every column a field holds, filled only in columns kept as
    extra that are blank on the other rows (a statement's beginning or ending balance, the
    small print under its table; not a complaints log's "Complaint" of every row): nothing
    happened on them. Each rejected with its reason, at its first filled cell."""
    mapped = [h for h, f in mapping.items() if f and h in frame]
    if not mapped:
        return pd.Series(False, index=frame.index)
    empty = pd.concat([is_blank(frame, h) for h in mapped], axis=1).all(axis=1)
    found = empty & ~rejected.reindex(frame.index, fill_value=False)
    if not found.any():
        return found
    for header in frame.columns:
        filled = ~is_blank(frame, header)
        if (filled & ~empty).any():             # (a column of the events' own)
            found &= ~filled
    for index in found[found].index:
        header = next((h for h in frame.columns if not is_blank(frame.loc[[index]], h).iat[0]),
                      mapped[0])
        _reject_rows(found.loc[[index]], out, raw, frame, header, "the row holds no date, "
                     "client, kind or amount: a balance or a note, not something that "
                     "happened", problems)
    return found


def _storno_invoices(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame,
                     rejected: pd.Series, problems: list, notes: list[str],
                     header: str) -> pd.Series:
    """A storno invoice (a row read as a cancellation whose amount is negative: SmartBill's
    "Stornată", a German "Storniert" of -119) beside the invoice it reverses (the same
    client's, of the amount, on or before its day): where that invoice was paid, the money
    was given back (a refund); where it is marked cancelled too, it is that cancellation
    written twice (rejected, with its reason, at ``header``: the amount's column); where it
    was never paid (or is not on the sheet), a cancellation of the amount. Returns the rows
    rejected; ``out`` is changed in place and ``notes`` says what was read."""
    found = pd.Series(False, index=out.index)
    if "kind" not in out or "amount" not in out:
        return found
    amounts = amounts_of(out)
    storno = out["kind"].eq("cancellation") & amounts.lt(0) & ~rejected
    if not storno.any():
        return found
    who = column_or_blank(out, "client_id").where(~is_blank(out, "client_id"),
                                                  column_or_blank(out, "name"))
    who = who.map(name_key, na_action="ignore")
    days = (pd.to_datetime(out["date"], errors="coerce") if "date" in out
            else pd.Series(pd.NaT, index=out.index))
    cents = amounts.round(2)
    may_be = ~rejected & ~storno & who.notna() & cents.isin(-cents[storno])   # (originals)
    their = pd.DataFrame({"who": who, "cents": cents, "day": days})[may_be]
    used: set = set()
    refunds = 0
    for index in storno[storno].index:
        same = (their["who"].eq(who[index]) & their["cents"].eq(-cents[index])
                & ~(their["day"] > days[index]))
        original = next((i for i in reversed(same[same].index) if i not in used), None)
        kind = out.at[original, "kind"] if original is not None else None
        if kind == "purchase":
            out.at[index, "kind"] = "refund"
            refunds += 1
        elif kind == "cancellation":
            found[index] = True
            _reject_rows(found.loc[[index]], out, raw, frame, header,
                         f"the row reverses the invoice at row {int(out.at[original, '_row'])},"
                         " already read as cancelled: one cancellation, not two", problems)
        if original is not None:
            used.add(original)
        out.at[index, "amount"] = abs(amounts[index])
    if refunds:
        notes.append(f"{counted(refunds, 'storno invoice')} (a negative amount marked "
                     f"cancelled) reversed {'an invoice' if refunds == 1 else 'invoices'} "
                     f"that {was(refunds)} paid: read as "
                     f"{'a refund' if refunds == 1 else 'refunds'}, the money given back.")
    return found


def _own_people_rows(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame,
                     rejected: pd.Series, problems: list) -> pd.Series:
    """Rows of the business's own people on a list of a group's members (Meetup's Organizer,
    a community's Admin): a role column whose other rows are members' roles or blank
    (``fields.MEMBER_ROLES``: "Owner" on a contacts list is the client's owner), or a yes in
    an own people's flag ("Assistant Organizer"). A role a client also has in their own
    business (``fields.JOB_ROLES``: Owner, Admin) counts only beside members' roles, and
    none does on a list naming each person's company (a B2B contacts list, a software
    account's users: their roles are there). Not clients, each rejected with its reason; a
    sheet of such rows alone is imported as it is."""
    found = pd.Series(False, index=frame.index)
    kept = ~rejected.reindex(frame.index, fill_value=False)
    if any(normalise_header(h) in ORGANISATION_HEADERS and 2 * frame[h].notna().sum() > len(frame)
           for h in frame.columns):
        return found
    for header in frame.columns:
        named = normalise_header(header)
        if named in ROLE_HEADERS:
            roles = values.per_distinct(frame[header], normalise_header).where(
                frame[header].notna(), "")
            members = roles.isin(MEMBER_ROLES)
            own = roles.isin(OWN_ROLES - (set() if members.any() else JOB_ROLES)) & kept
            if not (own.any() and (members | roles.eq("") | own)[kept].all()):
                continue
        elif named in OWN_ROLE_FLAGS:
            own = values.parse_bool(frame[header])[0].eq(True) & kept
        else:
            continue
        if own[kept].all():
            continue
        _reject_rows(own & ~found, out, raw, frame, header, "the row is one of the business's "
                     "own people, who run the group, not a client", problems)
        found |= own
    return found


# A contact list's column of what each contact is to the business (17hats' "Contact Type":
# Client, Lead, Vendor), and its words for a business that sells to it.
_CONTACT_TYPE_HEADERS = frozenset({"contacttype", "type", "relationship", "contactcategory",
                                   "category", "clienttype", "recordtype"})
_SUPPLIERS = frozenset({"vendor", "vendors", "supplier", "suppliers", "proveedor",
                        "fournisseur", "lieferant", "fornecedor", "fornitore", "leverancier"})


def _own_money_moved(rows: pd.DataFrame, frame: pd.DataFrame,
                     kind_headers: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """Rows whose type says the account's own money moved to or from its bank
    (``OWN_TRANSFERS``: a Venmo "Standard Transfer" of -60) and that name no client: no
    client's event, left out, and the import says so. A client's row keeps its type (a
    student's "Withdrawal" from a course, money back to them)."""
    notes = []
    for header in kind_headers[:1]:
        moved = own_money_moved(rows, frame[header].reindex(rows.index))
        if moved.any():
            said = sorted(set(frame.loc[moved[moved].index, header].astype(str)))
            count = int(moved.sum())
            rows = rows[~moved]
            notes.append(
                f"{counted(count, 'row')} in '{header}' ({', '.join(repr(w) for w in said)}) "
                f"{was(count)} the account's own money moving to or from its bank, no "
                f"client's: left out.")
        spent = paid_out_to_others(rows, frame[header].reindex(rows.index))
        if spent.any():
            count = int(spent.sum())
            people = sorted(set(rows.loc[spent, "name"].dropna().astype(str))) if (
                "name" in rows) else []
            rows = rows[~spent]
            notes.append(
                f"{counted(count, 'row')} in '{header}' {was(count)} money the account sent to "
                f"someone who paid it nothing here ({', '.join(people) or 'no name'}): the "
                "business's own spending, no client's: left out.")
    return rows, notes


# A card reader's fee column, compared as headers are.
_FEE_HEADERS = frozenset({"fee", "fees", "feeamount", "processingfee", "processingfees",
                          "transactionfee", "transactionfees"})


def _tips_taken_off(rows: pd.DataFrame, frame: pd.DataFrame,
                    amount_headers: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """A sale's tip (a "Tip" column, ``TIP_HEADERS``: a card reader's or a till's export)
    taken off its amount, which holds it (SumUp's, Zettle's, Stripe Terminal's total), so
    a sale is its price; not where the amount's header says it is before the tip
    (``TIP_NOT_IN_AMOUNT``), nor where another money column is the amount and the tip
    together (Clover's and Toast's Amount beside their Total) or that less the fee (a
    payout of amount + tip - fee). The import says so."""
    tip_header = next((h for h in frame.columns      # ("Tip (GBP)": Zettle's)
                       if normalise_header(plain_header(h)) in TIP_HEADERS
                       and not RATE_HEADER.search(str(h))      # ("Tip (%)": no money)
                       and h not in amount_headers), None)
    if tip_header is None or not amount_headers or "amount" not in rows:
        return rows, []
    if re.search(TIP_NOT_IN_AMOUNT, normalise_header(amount_headers[0])):
        return rows, []
    tips = values.parse_money(frame[tip_header])[0].reindex(rows.index)
    amounts = amounts_of(rows)
    tipped = tips.gt(0) & amounts.gt(tips)
    if "kind" in rows:
        tipped &= rows["kind"].eq("purchase")
    if not tipped.any():
        return rows, []
    fee_header = next((h for h in frame.columns if normalise_header(h) in _FEE_HEADERS), None)
    fees = (values.parse_money(frame[fee_header])[0].reindex(rows.index).fillna(0)
            if fee_header is not None else pd.Series(0.0, index=rows.index))
    with_tip = (amounts + tips)[tipped]
    for header in frame.columns:        # (a Total that is the amount and the tip, or a
        if header in (tip_header, amount_headers[0], fee_header):   # payout that is that
            continue                    # less the fee: the amount is before the tip)
        other = values.parse_money(frame[header])[0].reindex(rows.index)[tipped]
        if other.notna().all() and (np.allclose(other, with_tip) or np.allclose(
                other, with_tip - fees[tipped].abs())):
            return rows, []
    rows = rows.assign(amount=amounts.where(~tipped, (amounts - tips).round(2)))
    orders = _order_keys(rows, by_kind=False)[tipped]     # (an order's lines repeat its tip:
    once = ~(orders.notna() & pd.DataFrame({"o": orders, "t": tips[tipped]}).duplicated())
    count = _count_orders(orders)                         # one tip per order, said once)
    return rows, [f"{counted(count, 'tip')} in '{tip_header}' ({float(tips[tipped][once].sum()):,.2f}"
                  f" in all) {was(count)} taken off "
                  + ("its sale's amount" if count == 1 else "their sales' amounts")
                  + f" in '{amount_headers[0]}': a tip is not the sale's price."]


def _supplier_rows(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame,
                   rejected: pd.Series, problems: list) -> pd.Series:
    """Rows a contact list's type column marks as a vendor or supplier (``_SUPPLIERS``)
    beside clients or leads (a type that is a stage: Client, Lead, Customer): a business
    the owner buys from, not a client, each rejected with its reason. A sheet of suppliers
    alone, or beside other types only (a market's stallholders, "Vendor", beside a
    "Sponsor": the organiser's customers), is imported as it is."""
    found = pd.Series(False, index=frame.index)
    kept = ~rejected.reindex(frame.index, fill_value=False)
    for header in frame.columns:
        if normalise_header(header) not in _CONTACT_TYPE_HEADERS:
            continue
        types = values.per_distinct(frame[header], normalise_value)
        supplier = types.isin(_SUPPLIERS) & kept
        if not supplier.any() or not types[kept & ~supplier].isin(STAGE_ALIASES).any():
            continue
        _reject_rows(supplier & ~found, out, raw, frame, header, "the row is a supplier the "
                     "business buys from, not a client", problems)
        found |= supplier
    return found


def _part_rows(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame, rejected: pd.Series,
               problems: list) -> pd.Series:
    """Rows a column of row levels ("Line Type": Sale, Sale Line, Payment) marks as a part
    of an order (its item lines, its payments) beside the order's own row, the same order
    number on both: the order's row holds its figures, so its parts are no orders of their
    own, each rejected with its reason (counted, a sale would be counted once more for each
    line and payment). A row of another type no order's number ties to an order's row (an
    enquiry, a subscription on an activity log's "Record Type") is kept."""
    found = pd.Series(False, index=frame.index)
    if "order_id" not in out:
        return found
    kept = ~rejected.reindex(frame.index, fill_value=False)
    for header in frame.columns:
        if normalise_header(header) not in ROW_LEVEL_HEADERS:
            continue
        level = frame[header].map(lambda v: re.sub(r"[^a-z]", "", str(v).casefold())
                                  if isinstance(v, str) else "")
        orders = level.isin(ORDER_ROW_VALUES) & kept
        numbers = out["order_id"].reindex(frame.index)
        parts = (~orders & level.ne("") & kept
                 & values.isin(numbers, set(numbers[orders].dropna())) & numbers.notna())
        if not orders.any() or not parts.any():
            continue
        _reject_rows(parts, out, raw, frame, header, "the row is a part of an order (a line or "
                     "a payment), counted in the order's own row", problems)
        found |= parts
    return found


def _people_of_one_company(company: pd.Series, people: pd.Series) -> bool:
    """Whether one company is named on the rows of two people or more, on a list where no
    person is named twice (a company's people on a marketing list, not a log of a
    company's contacts or a tracker of one row per company)."""
    both = company.notna() & people.notna()
    keyed = pd.DataFrame({c: s[both].astype(str).str.strip().str.casefold()
                          for c, s in (("company", company), ("person", people))})
    if keyed.empty or keyed["person"].duplicated().any():
        return False
    return bool((keyed.groupby("company")["person"].nunique() >= 2).any())


def _order_keys(rows: pd.DataFrame, *, by_kind: bool) -> pd.Series:
    """Each row's order as one text: its order ID, client and day (and its kind, with
    ``by_kind``: a refunded order's purchase and refund are two events of one order);
    None for a row without an order ID."""
    if "order_id" not in rows:
        return pd.Series(None, index=rows.index, dtype=object)
    columns = ("order_id", "kind", "client_id", "name") if by_kind else (
        "order_id", "client_id", "name")
    parts = [rows[c] for c in columns if c in rows]
    if "date" in rows:
        parts.append(rows["date"].astype(object).where(rows["date"].notna(), "")
                     .astype(str).str[:10])
    key = pd.Series("", index=rows.index, dtype=object)
    for part in parts:
        key = key + "\x1f" + part.astype(object).where(part.notna(), "").astype(str)
    return key.where(rows["order_id"].notna())


def _count_orders(keys: pd.Series) -> int:
    """How many orders rows with these ``_order_keys`` are: one per key, and one per row
    without an order ID."""
    return int(keys.nunique() + keys.isna().sum())


def _unmapped(mapping: dict[str, str | None], pattern: re.Pattern) -> str | None:
    """The first column kept as an extra whose header (compared as headers are) matches
    ``pattern`` from its start: a column no field holds that says something of the rows."""
    return next((h for h, target in mapping.items()
                 if not target and pattern.match(normalise_header(h))), None)


# An order list's own columns of what went back: "Refunded Amount", "Refunds Total" (its
# money) and "Refunded At" (its day). Unmapped columns, compared as headers are.
# (an order's own: TikTok Shop's "Order Refund Amount"; to whom: Depop's "Refunded to buyer
# amount")
_REFUNDED_AMOUNT = re.compile(r"^(?:order)?(?:refunded|refunds?)(?:tobuyer|tocustomer)?"
                              r"(?:amount|total|value|sum)?$|"
                              r"^(?:amount|total|sum)refunded$|^refundtotal$|^totalrefunds?$")
_REFUNDED_AT = re.compile(r"^(?:refunded|refund)(?:at|on|date|time)$|^daterefunded$")
_SAYS_MONEY = re.compile(r"amount|total|value|sum")


def _given_back(frame: pd.DataFrame) -> pd.Series:
    """What each row's column of money gone back (``_REFUNDED_AMOUNT``) says went back: 0
    where it says nothing, or where there is no such column."""
    header = next((h for h in frame.columns if _REFUNDED_AMOUNT.match(normalise_header(h))),
                  None)
    if header is None:
        return pd.Series(0.0, index=frame.index)
    return values.parse_money(frame[header])[0].fillna(0)


def _refunded_column(mapping: dict[str, str | None]) -> str | None:
    """The column of what went back (``_REFUNDED_AMOUNT``): one whose header says money
    ("Refund Amount") before a bare "Refunded", which may be only yes or no (Toast's
    payments have both)."""
    found = [h for h, target in mapping.items()
             if not target and _REFUNDED_AMOUNT.match(normalise_header(h))]
    return next((h for h in found if _SAYS_MONEY.search(normalise_header(h))),
                found[0] if found else None)


def _money_gone_back(rows: pd.DataFrame, frame: pd.DataFrame,
                     mapping: dict[str, str | None], day_first: bool | None
                     ) -> tuple[pd.DataFrame, list[str]]:
    """Orders whose own column says how much went back (``_REFUNDED_AMOUNT``) are refunded
    orders, whatever their status says ("Completed" with £20 refunded): fully when it is
    their amount (or the column says only yes or no), else partly; that money is their
    refund's amount (``_refund_amount``), dated by a column of when (``_REFUNDED_AT``)
    where the sheet has one. Returns the rows and notes."""
    said, when = _refunded_column(mapping), _unmapped(mapping, _REFUNDED_AT)
    notes: list[str] = []
    if (said is None and when is None) or "kind" not in rows or rows.empty:
        return rows, notes
    rows = rows.copy()
    amount = amounts_of(rows)
    dated = (values.parse_dates(frame.loc[rows.index, when], day_first=day_first)[0]
             if when is not None else None)
    if said is not None:
        cells = frame.loc[rows.index, said]
        back = values.parse_money(cells)[0].abs()
        flags, not_flags = values.parse_bool(cells)
        dates, not_dates = values.parse_dates(cells, day_first=day_first)[:2]
        money = True
        if not not_flags.any() and back.dropna().isin([0, 1]).all():   # "Refunded": Yes/No
            back, money = amount.abs().where(flags.eq(True)), False
        elif back.isna().all() and dates.notna().any() and not not_dates.any():
            back, dated = amount.abs().where(dates.notna()), dates    # "Refunded": its day
            money = False
        rows, notes = _refunds_of(rows, back, said if money else None)
        rows = _refunds_beside(rows, back, dated)
    if dated is not None and "_refunded_order" in rows:
        rows["_refund_date"] = dated.where(rows["_refunded_order"].notna())
    return rows, notes


def _refunds_beside(rows: pd.DataFrame, back: pd.Series, dated: pd.Series | None
                    ) -> pd.DataFrame:
    """A row that is no sale (a complaint, a contact) with money gone back in its refund
    column (a complaints log's "Refund (£)") has a refund beside it, of that money, on the
    day the sheet says it went back or else the row's. On a list of sales (bookings,
    orders: some rows are purchases) a cancelled row is a sale that never was (a booking
    paid, cancelled and refunded): it has no refund beside it (a refund would say the
    client bought), only a mark of that money (``_cancelled_back``) for the note. A
    cancellation with no amount of its own (a member's log: "Cancelled", 50 refunded) is of
    a sale on another row: its refund stays beside it."""
    back = back.reindex(rows.index)
    cancelled = (back.gt(0) & rows["kind"].eq("cancellation") & amounts_of(rows).gt(0)
                 & rows["kind"].eq("purchase").any())
    if cancelled.any():
        rows = rows.assign(_cancelled_back=back.where(cancelled))
    beside = back.gt(0) & ~rows["kind"].isin(["purchase", "refund", "won"]) & ~cancelled
    if not beside.any():
        return rows
    refunds = rows[beside].assign(kind="refund", amount=back[beside], _beside=rows["kind"])
    if dated is not None and "date" in rows:
        refunds["date"] = dated[beside].where(dated[beside].notna(), refunds["date"])
    return pd.concat([rows, refunds.drop(columns=["_refunded_order"], errors="ignore")],
                     ignore_index=True)


def _refunds_beside_said(rows: pd.DataFrame, frame: pd.DataFrame,
                         mapping: dict[str, str | None]) -> list[str]:
    """What the import says of the refunds put beside rows that are no sale (and the
    marker column dropped from ``rows``, in place)."""
    of = rows.pop("_beside").dropna()
    kinds = listed([counted(n, str(k).replace("_", " ")) for k, n in of.value_counts().items()])
    said = _refunded_column(mapping)
    return [f"{kinds} with money gone back in '{said}' {was(len(of))} given a refund beside "
            f"{'it' if len(of) == 1 else 'them'}, of that money "
            f"({amounts_of(rows.loc[of.index]).sum():,.2f} in all)."]


# A date a deal is expected to close ("Expected Close Date"), and the day one did
# ("Closed On", "Actual Close Date", "Date Closed"), compared as headers are.
_EXPECTED_DATE = re.compile(r"expected|estimated|projected|forecast|target")
_CLOSED_ON = re.compile(r"^(?:actual)?(?:close|closed|closing)(?:date|on|at)?$|^dateclosed$|"
                        r"^actualclos")


def _closed_on(rows: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
               day_first: bool | None) -> tuple[pd.DataFrame, list[str]]:
    """A deal dated by the day it was expected to close is dated by the day it did where
    the sheet also says that (Capsule's "Closed On" beside its "Expected Close Date"): a
    won deal is a sale on the day it was won. Open deals keep their expected date."""
    dated = next((h for h, target in mapping.items() if target == "date"), None)
    closed = _unmapped(mapping, _CLOSED_ON)
    if (dated is None or closed is None or "date" not in rows
            or not _EXPECTED_DATE.search(normalise_header(dated))):
        return rows, []
    day = values.parse_dates(frame.loc[rows.index, closed], day_first=day_first)[0]
    moved = day.notna() & day.ne(rows["date"])
    if not moved.any():
        return rows, []
    rows = rows.copy()
    rows.loc[moved, "date"] = day[moved]
    count = int(moved.sum())
    return rows, [f"{counted(count, 'closed deal')} {was(count)} dated by '{closed}', the day "
                  f"{'it' if count == 1 else 'they'} closed, not by '{dated}'."]


def _cancelled_back_said(rows: pd.DataFrame, mapping: dict[str, str | None]) -> list[str]:
    """What the import says of cancellations with money gone back (and the marker column
    dropped from ``rows``, in place)."""
    back = rows.pop("_cancelled_back").dropna()
    return [f"{counted(len(back), 'cancellation')} with money gone back in "
            f"'{_refunded_column(mapping)}' ({back.sum():,.2f} in all) "
            f"{was(len(back))} cancelled and refunded: no sale."]


def _refunds_of(rows: pd.DataFrame, back: pd.Series, said: str | None
                ) -> tuple[pd.DataFrame, list[str]]:
    """The orders of ``rows`` with money gone back (``back``) marked refunded, fully (all
    their amount) or partly, and that money their refund's (_money_gone_back); an order of
    several lines is refunded once, on its first line, of what its lines say went back:
    read from the column ``said`` as ``profiles.order_refunds`` does (added up, or once
    where it is the order's repeated on every line); the amounts of its lines marked
    refunded (``said`` None: a yes or a date on them) added up. Returns the rows and what
    the import says of the orders' lines."""
    orders = _order_keys(rows, by_kind=False)
    amount = amounts_of(rows)
    notes: list[str] = []
    if orders.notna().any():
        first = orders.isna() | ~orders.duplicated()
        if said is None:
            back = back.where(orders.isna(), back.groupby(orders).transform(
                "sum", min_count=1)).where(first)
        else:
            read = order_refunds(back, orders)
            back, notes = read.amount, _order_refunds_said(read, said)
        amount = amount.where(orders.isna(), amount.groupby(orders).transform("sum"))
    gone = back.gt(0) & rows["kind"].isin(["purchase", "refund"])
    if not gone.any():
        return rows, []
    refunded = (rows["_refunded_order"] if "_refunded_order" in rows
                else pd.Series(None, index=rows.index, dtype=object))
    whole = back.ge(amount.abs() - 0.005)
    rows["_refunded_order"] = refunded.where(~gone | refunded.notna() & ~rows["kind"].eq(
        "purchase"), whole.map({True: "full", False: "partial"}))
    rows.loc[gone, "kind"] = "refund"
    rows["_refund_amount"] = back.where(gone)
    return rows, notes


def _order_refunds_said(read: OrderRefunds, said: str) -> list[str]:
    """What the import says of how an order's lines gave its refund (``order_refunds``)."""
    notes = []
    if read.added_up:
        one = read.added_up == 1
        notes.append(f"'{said}' differs from line to line of an order: each line's is what "
                     f"went back on it, so the refund{'' if one else 's'} of "
                     f"{counted(read.added_up, 'order')} {'is its' if one else 'are their'} "
                     "lines' added up.")
    if read.read_once:
        notes.append(f"'{said}' is the same on every line of "
                     f"{counted(read.read_once, 'order')}: the order's refund, read once, "
                     "not added up.")
    return notes


def _still_unknown(unknown: dict[str, int], kept: pd.Series) -> dict[str, int]:
    """The stage values waiting to be mapped, counted on the rows kept: a rejected row's
    (a supplier's "Vendor") is not asked about."""
    counts = kept.dropna().astype(str).value_counts()
    return {value: int(counts[value]) for value in unknown if value in counts.index}


def _instalments(rows: pd.DataFrame, frame: pd.DataFrame,
                 mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """Purchases a column marks as instalments of a payment plan (``INSTALMENT``: Thinkific's
    "Payment Type" Payment Plan), of one client and one thing sold (``work_column``, where
    the sheet names it), are one purchase paid in parts: dated by the first, its amount
    theirs added up, the others kept in its extras (not a repeat purchase each month).
    Returns the rows and a note."""
    marker = next((h for h, f in mapping.items() if f is None and _marks_instalments(frame[h])),
                  None)
    who = next((c for c in ("client_id", "email", "name") if c in rows), None)
    if marker is None or who is None or "kind" not in rows:
        return rows, []
    marked = (values.per_distinct(frame.loc[rows.index, marker],
                                  lambda v: bool(INSTALMENT.match(match_key(v))))
              .astype(bool) & rows["kind"].eq("purchase") & rows[who].notna())
    item = work_column(mapping)
    key = rows[who].astype(str).str.strip().str.casefold()
    if item is not None:
        key = key + "\x1f" + frame.loc[rows.index, item].astype(str).str.strip().str.casefold()
    key = _plans_apart(key.where(marked), rows.get("date"))
    plans = key[key.duplicated(keep=False) & key.notna()]
    if plans.empty:
        return rows, []
    rows = rows.copy()
    order = rows.loc[plans.index].sort_values("date", kind="stable") if "date" in rows else (
        rows.loc[plans.index])
    heads = order.index[~plans[order.index].duplicated()]
    parts: dict = {}
    for index in order.index.difference(heads, sort=False):
        extra = json.loads(rows.at[index, EXTRA]) if rows.at[index, EXTRA] else {}
        parts.setdefault(plans[index], []).append(
            {field: rows.at[index, field] for field in ("order_id", "date", "amount")
             if field in rows} | extra)
    for head in heads:
        record = json.loads(rows.at[head, EXTRA]) if rows.at[head, EXTRA] else {}
        record["instalments"] = parts[plans[head]]
        rows.at[head, EXTRA] = json.dumps(record, ensure_ascii=False, default=str)
    if "amount" in rows:
        total = rows.loc[plans.index, "amount"].groupby(plans).sum(min_count=1)
        rows.loc[heads, "amount"] = total[plans[heads]].to_numpy()
    said = frame.loc[plans.index, marker].dropna().astype(str).value_counts().index[0]
    note = (f"{counted(len(plans), 'row')} are instalments of "
            f"{counted(len(heads), 'payment plan')} ('{marker}': {said}): each plan is one "
            "purchase, dated by its first instalment, its amount theirs added up, the others "
            "kept in its extras.")
    return rows.drop(index=plans.index.difference(heads)), [note]


def _plans_apart(key: pd.Series, dates: pd.Series | None) -> pd.Series:
    """Each client's instalments of one thing split into plans where a gap between two is
    more than twice the shortest between theirs and over a month (the same course bought on
    a plan in 2023 and again in 2024 is two purchases): the key with the plan's number."""
    if dates is None or key.isna().all():
        return key
    day = pd.to_datetime(dates, errors="coerce")
    marked = key.dropna()
    order = day[marked.index].sort_values(kind="stable").index
    gaps = day[order].groupby(marked[order]).diff().dt.days
    shortest = gaps.groupby(marked[order]).transform("min")
    apart = (gaps > (2 * shortest).clip(lower=31)).astype(int)
    number = apart.groupby(marked[order]).cumsum()
    return key.where(key.isna(), key + "\x1f" + number.reindex(key.index).astype("Int64").astype(str))


def _marks_instalments(column: pd.Series) -> bool:
    """Whether a column's values (a few kinds of payment, not free text) mark some rows as
    instalments of a payment plan (``INSTALMENT``)."""
    distinct = column.dropna().unique()
    return 0 < len(distinct) <= 50 and any(
        isinstance(v, str) and INSTALMENT.match(match_key(v)) for v in distinct)


def _refunded_orders(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """An order whose status says it was refunded (``_refunded_order``, from
    understand.resolve_kinds, or a column of what went back: _money_gone_back) was bought
    first: its purchase goes beside its refund, as an export's profile does. A partly
    refunded one's refund has no amount unless the sheet says what went back
    (``_refund_amount``; the order's total is not it). Returns the rows and a note."""
    refunded = rows["_refunded_order"]
    if refunded.isna().all():
        return rows, []
    partial = refunded.eq("partial")
    given = rows.get("_refund_amount", pd.Series(float("nan"), index=rows.index))
    refunds = rows.assign(amount=given.where(given.notna(), rows["amount"].where(~partial, None))
                          ) if "amount" in rows else rows.assign(amount=given)
    if "_refund_date" in rows:
        refunds["date"] = rows["_refund_date"].where(rows["_refund_date"].notna(),
                                                     rows.get("date"))
    partial &= given.isna()
    purchases = rows[refunded.notna()].assign(kind="purchase")
    orders = _order_keys(rows, by_kind=False)      # (an order's lines are one order)
    partly = _count_orders(orders[partial])
    note = (f"{counted(_count_orders(orders[refunded.notna()]), 'refunded order')} counted as "
            "a purchase with a refund beside it" + (
                f" ({partly:,} partly refunded: the sheet does not say how much went back, "
                "so " + ("that refund has" if partly == 1 else "those refunds have")
                + " no amount)" if partly else "") + ".")
    both = pd.concat([refunds, purchases], ignore_index=True)
    return both.drop(columns=["_refund_amount", "_refund_date"], errors="ignore"), [note]


# A column naming who sent each row's client ("Referred by", "Referrer"), and what such a
# column may say instead of a person: how the client found the business (its channel).
_REFERRED_BY = re.compile(r"^(?:referredby|referrer|referrername|referredfrom|recommendedby|"
                          r"referralfrom|introducedby|invitedby|"
                          # (German, French, Spanish, Portuguese, Italian, Dutch, Nordic)
                          r"empfohlenvon|empfohlendurch|recommandepar|recomendadopor|"
                          r"recomendadapor|indicadopor|indicadapor|consigliatoda|"
                          r"aanbevolendoor|anbefaletaf|rekommenderadav)$")
_NOT_REFERRERS = frozenset(normalise_header(w) for w in (
    "google", "instagram", "facebook", "tiktok", "linkedin", "youtube", "pinterest", "yelp",
    "website", "web", "online", "internet", "search", "social media", "advert", "ad", "ads",
    "flyer", "leaflet", "newspaper", "radio", "walk in", "walked in", "word of mouth",
    "friend", "a friend", "family", "self", "none", "n/a", "unknown", "other", "event",
    "show", "fair", "email", "newsletter", "directory"))


# What says a sheet is a log of referrals (its rows are the clients referred): the name
# column's header, or a word in the sheet's or file's name.
_REFERRAL_LOG_NAMES = frozenset(normalise_header(w) for w in (
    "new client", "new customer", "referred client", "client referred", "referee"))
_REFERRAL_LOG = re.compile(r"referr|newclient|newcustomer")


def _referral_log(mapping: dict[str, str | None], sheet: str, file: str) -> bool:
    """Whether a sheet is a referral log ("New client", "Referred by"; "referrals.xlsx",
    "New clients"), whose every referrer is a client, known or not."""
    return any(f == "name" and normalise_header(h) in _REFERRAL_LOG_NAMES
               for h, f in mapping.items()) or bool(
        _REFERRAL_LOG.search(normalise_header(sheet or ""))
        or _REFERRAL_LOG.search(normalise_header(Path(file or "").stem)))


def _referrers_credited(rows: pd.DataFrame, frame: pd.DataFrame,
                        mapping: dict[str, str | None], has_kind: bool, log: bool = True
                        ) -> tuple[pd.DataFrame, list[str]]:
    """A referral log ("New client", "Referred by", "Date"): each row is its client's
    first contact, come by referral (the channel, where none is given), and the person who
    referred them is credited with a referral (advocacy) on that day, matched by name (or
    by the e-mail of a row of theirs). A row named a referral by the sheet's name alone is
    the referred client's contact, not a referral of theirs. A referrer cell that names a
    channel ("Instagram", "Word of mouth") is the row's channel, no one's referral. A
    client referred on several rows (three orders of Bob's) is one referral, on the first.
    On a sheet that is no referral log (``log`` False: a clinic's visits, a shop's orders)
    only a referrer who is a client of the sheet is credited: another ("Dr Patel", "Google
    Ads", "Checkatrade") is how the row's client came, its channel.
    Returns the rows and a note."""
    said = _unmapped(mapping, _REFERRED_BY)
    if said is None or "name" not in rows or rows.empty:
        return rows, []
    referrer = values.parse_text(frame.loc[rows.index, said], stripped=True)[0]
    keys = referrer.map(name_key)
    names = rows["name"].map(name_key)
    channel_said = keys.map(normalise_header).isin(_NOT_REFERRERS) & referrer.notna()
    outside = referrer.notna() & ~channel_said & ~values.isin(keys, set(names.dropna()))
    if not log:        # (no one of this sheet: a GP, an advert, a directory)
        channel_said |= outside
    credited = referrer.notna() & ~channel_said & keys.ne(names)
    if not (credited | channel_said).any():
        return rows, []
    rows = rows.copy()
    channel = column_or_blank(rows, "channel")
    rows["channel"] = channel.where(channel.notna() | ~credited, "Referral").where(
        channel.notna() | ~channel_said, referrer)
    notes = []
    if not log and outside.any():
        count = int(outside.sum())
        notes.append(f"{counted(count, 'row')} whose '{said}' names no client of this sheet "
                     f"({listed(sorted(set(referrer[outside])), 3)}) {was(count)} given it as "
                     "the channel the client came by, no one credited with a referral.")
    referred = (credited | channel_said) & rows["kind"].eq("referral") & (not has_kind)
    if referred.any():            # ("referrals.xlsx": the rows are the referred, not theirs)
        rows.loc[referred, "kind"] = "contact"
        count = int(referred.sum())
        notes.append(f"{counted(count, 'row')} of the referral log {was(count)} read as "
                     f"{'the referred client' if count == 1 else 'the referred clients'}' "
                     "first contacts, not as referrals of their own.")
    if not credited.any():
        return rows, notes
    credited &= ~pd.DataFrame({"by": keys, "of": names}).duplicated()   # (once each)
    given = rows.loc[credited]
    referrals = pd.DataFrame({"name": referrer[credited], "kind": "referral",
                              "note": "referred " + given["name"].fillna("").astype(str),
                              "_row": given["_row"]}, index=given.index)
    if "date" in rows:
        referrals["date"] = given["date"]
    if "client_id" in rows:       # a referrer who is a client of the sheet: their ID
        ids = rows.dropna(subset=["client_id"]).drop_duplicates("name")
        referrals["client_id"] = keys[credited].map(
            dict(zip(ids["name"].map(name_key), ids["client_id"])))
    count = int(credited.sum())
    people = referrer[credited].map(name_key).nunique()
    return pd.concat([rows, referrals], ignore_index=True), notes + [
        f"{counted(count, 'row')} in '{said}' name who referred the row's client: "
        f"{counted(people, 'client')} credited with {counted(count, 'referral')} "
        "(advocacy); the referred clients' channel is Referral where none is given."]


def _loosely(names: pd.Series) -> pd.Series:
    """Names as they are matched loosely (``loose_name_keys``), None where there is none."""
    keys = [key if isinstance(key, str) else None
            for key in names.map(name_key, na_action="ignore")]
    loose = loose_name_keys(keys).to_pylist()
    return pd.Series(loose, index=names.index, dtype=object)


def _referrers_counted(rows: pd.DataFrame, frame: pd.DataFrame,
                       mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """A client list's "Referred By" or "Invited By" naming another client of the list (a
    salon's client cards: Max "Referred By" Lia Moore; Skool's members) gives that client a
    referral (advocacy), counted into their referrals where the list gives no count of its
    own; so does a "Referral Source" read as the channel (Salon Iris's: "Instagram" for
    most, a client's name for some). A name of no client of the list, or a channel
    ("Instagram"), credits no one. Returns the rows and a note."""
    said = _unmapped(mapping, _REFERRED_BY) or next(
        (h for h, f in mapping.items() if f == "channel" and "referr" in normalise_header(h)),
        None)
    if said is None or "name" not in rows or rows.empty or "referrals" in mapping.values():
        return rows, []
    keys = _loosely(values.parse_text(frame.loc[rows.index, said], stripped=True)[0])
    names = _loosely(rows["name"])         # ("Hart Plumbing" is "Hart Plumbing Ltd")
    credited = keys.notna() & values.isin(keys, set(names.dropna())) & keys.ne(names)
    if not credited.any():
        return rows, []
    made = keys[credited].value_counts()
    rows = rows.copy()
    rows["referrals"] = names.map(made).where(lambda n: n > 0)
    count = int(credited.sum())
    return rows, [f"{counted(count, 'row')} in '{said}' {'names' if count == 1 else 'name'} "
                  "another client of the list who referred them:"
                  f" {counted(len(made), 'client')} credited with "
                  f"{counted(count, 'referral')} (advocacy)."]


# The cells left empty that a note names, at most.
LEFT_EMPTY_SHOWN = 5


def _unit_price(plan: SheetPlan, columns_for: dict[str, list[str]]) -> str | None:
    """The header of an events sheet's amount when it is a price per unit beside a quantity
    column (``journey.ingest.line_amounts``), else None."""
    price_header = columns_for.get("amount", [None])[0]
    if (plan.kind != "events" or plan.recognised_as or price_header is None
            or quantity_column(plan.mapping) is None or not priced_per_unit(price_header)):
        return None
    return price_header


def _empty_total_priced_per_unit(out: pd.DataFrame, frame: pd.DataFrame, plan: SheetPlan,
                                 columns_for: dict[str, list[str]]) -> str | None:
    """An events sheet whose amount column holds nothing (a "Total" of formulas saved
    without their results, or left blank) beside a quantity and a unit price: the unit
    price is the amount, to be multiplied by the quantity (``_unit_price``); ``out`` and
    ``columns_for`` changed in place. Returns the empty amount column's header, or None."""
    if (plan.kind != "events" or plan.recognised_as or "amount" not in out
            or out["amount"].notna().any() or quantity_column(plan.mapping) is None):
        return None
    unit = next((h for h, f in plan.mapping.items() if not f and names_a_unit_price(h)), None)
    if unit is None:
        return None
    money = values.read_money(frame[unit], header=unit)
    if money.values.notna().any() and not money.bad.any():
        empty = columns_for["amount"][0]
        out["amount"] = money.values
        columns_for["amount"] = [unit]
        return empty
    return None


def _lines_priced_per_unit(out: pd.DataFrame, frame: pd.DataFrame,
                           mapping: dict[str, str | None], price_header: str,
                           empty: str | None = None) -> tuple[list[str], str]:
    """Each line's amount is its quantity × its unit price (``price_header``: _unit_price;
    the unit price is kept in its extras); ``out`` changed in place. A line with a price
    but no quantity that could be read is left without an amount, and the note names its
    row. ``empty``: the line total's column, left empty. Returns notes, and what each
    line's amount is called ("Qty × Unit Price")."""
    quantity = quantity_column(mapping)
    out["amount"], unread = line_amounts(frame[quantity], out["amount"])
    named = f"{quantity} × {price_header}"
    why = (f"'{empty}' is empty in every row" if empty else
           "no column gave a line's total") + (
        "" if names_a_unit_price(price_header) else
        f", so '{price_header}' beside a quantity is each unit's price")
    notes = [f"Amounts are {named} for each line ({why})."]
    if unread.any():
        n = int(unread.sum())
        written = values.parse_text(frame.loc[unread[unread].index, quantity],
                                    stripped=True)[0].head(LEFT_EMPTY_SHOWN)
        shown = listed([f"row {row} ({'blank' if text is None else repr(text)})"
                        for row, text in zip(out.loc[written.index, "_row"], written)],
                       LEFT_EMPTY_SHOWN, "; ", total=n)
        notes.append(f"{counted(n, 'line')} with a price but no quantity that could be read "
                     f"in '{quantity}' {was(n)} left without an amount (a blank quantity is "
                     "not taken to be 1), and "
                     + ("its order's total leaves it" if n == 1 else
                        "their orders' totals leave them")
                     + f" out: {shown}. Fill in the quantity and import again.")
    return notes, named


# At least this many orders with several lines, nearly all (REPEATED_SHARE) repeating one
# amount on each line, under a header naming a total ("Order Total", not "Line total" or
# "Price": four tickets at £25 are £100), say the column is the order's total.
REPEATED_ORDERS, REPEATED_SHARE = 3, 0.9
_ORDER_TOTAL = re.compile(r"^(?!.*(?:line|item|sub|unit)).*(?:total|ordervalue|orderamount)")
# A header naming the order's own total ("Order Total", "Order Amount"): on a sheet of order
# lines it is the whole order's, repeated on each line, even where one order has lines.
_NAMED_ORDER_TOTAL = re.compile(r"^(?!.*(?:line|item|sub|unit))order(?:total|amount|value)")


# What a line typed below an order's first line leaves blank, as an order's own (its
# number, day and client); it keeps its own amount, note and item (the extra columns).
_ORDER_OWN = ("order_id", "date", "client_id", "name", "email")
_LINE_OWN = ("amount", "note", EXTRA, "_row")


def _continued_orders(out: pd.DataFrame, totals: pd.Series) -> tuple[pd.DataFrame, list[str]]:
    """Rows with no order number, day or client right below an order's row (or below
    another such row) are more lines of that order, as a person types them: they take the
    order's number, day, client and what else they leave blank, and _order_lines makes one
    event of them; not a totals row (``totals``). Returns the rows and a note."""
    if "order_id" not in out or out["order_id"].isna().all():
        return out, []
    out, numbered = _numbered_lines(out)
    own = [c for c in _ORDER_OWN if c in out]
    # a line of its own: blank where an order's own values go, with an item or a note of
    # its own (a row of an amount alone is a sum, no line)
    bare = ~totals & (out[EXTRA].notna() | (out["note"].notna() if "note" in out else False))
    for column in own:
        bare = bare & out[column].isna()
    if not bare.any():
        return out, numbered
    # the order each row belongs to: the row above it that is no such line, if that row
    # has an order number (bare rows below one)
    leader = (~bare).cumsum()
    order = out["order_id"].where(~bare).groupby(leader).transform("first")
    continued = bare & order.notna() & leader.gt(0)
    if not continued.any():
        return out, numbered
    out = out.copy()
    for column in [c for c in out.columns if c not in _LINE_OWN]:
        out[column] = out[column].where(
            ~continued, out[column].where(~bare).groupby(leader).transform("first"))
    rows = [int(r) for r in out.loc[continued, "_row"]]
    return out, numbered + [f"{counted(len(rows), 'row')} with no order number, date or "
                            f"client ({rows_text(rows)}) {was(len(rows))} read as more lines "
                            f"of the order above {'it' if len(rows) == 1 else 'them'}."]


def _numbered_lines(out: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Rows right below an order's first row with its order number that leave blank some
    of the order's own values that row gives (its day, client or name: an order export's
    further lines, Shopify-like) and give none that differ: more lines of that order, they
    take what they leave blank from its first row (their own amount, note and item kept),
    and _order_lines makes one event of them. Returns the rows and a note."""
    order = out["order_id"]
    starts = order.isna() | order.ne(order.shift())
    head = out.loc[out.index.to_series().where(starts).ffill().to_numpy()].set_axis(out.index)
    line = ~starts & order.notna()
    blank = pd.Series(False, index=out.index)
    for column in [c for c in _ORDER_OWN if c in out and c != "order_id"]:
        mine, its = out[column], head[column]
        blank |= mine.isna() & its.notna()
        line &= ~(mine.notna() & its.notna() & mine.astype(str).str.casefold().ne(
            its.astype(str).str.casefold()))
    line &= blank
    if not line.any():
        return out, []
    out = out.copy()
    for column in [c for c in out.columns if c not in _LINE_OWN]:
        out[column] = out[column].where(~line | out[column].notna(), head[column])
    rows = [int(r) for r in out.loc[line, "_row"]]
    return out, [f"{counted(len(rows), 'row')} repeating the order number of the row above "
                 f"with its day, client or name left blank ({rows_text(rows)}) "
                 f"{was(len(rows))} read as more lines of that order."]


# A cell that says its row is a total: "Total", "Grand Total", "Anna Total", "Subtotal:",
# "Summe" (a sales report's subtotal per salesperson, or its last line).
_TOTAL_LABEL = re.compile(r"^(?:\S+\s+){0,3}(?:grand\s*|sub\s*)?(?:totals?|gesamt|summe|suma|"
                          r"somme)(?:\s+(?:general|geral|g[ée]n[ée]ral))?\s*:?\s*$",
                          re.IGNORECASE)


def _shared_addresses(out: pd.DataFrame) -> pd.Series:
    """Rows whose e-mail address the sheet gives to people of different first names (Mary
    and Patrick O'Brien's invoices to obriens@...): the address is no one's key, each row
    is its name's. First names one of which begins the other ("Jon", "Jonathan", "C.")
    may be one person's and keep the address; so does a name of one word (a mailbox's
    "Accounts", a first name alone)."""
    given = out["email"].str.casefold()
    firsts = out["name"].map(name_key).str.extract(r"^([^\W\d_]+)\s+\S", expand=False)
    many = given.notna() & firsts.notna() & given.duplicated(keep=False)
    many &= firsts.groupby(given).transform("nunique").gt(1)
    shared = set()
    for address, names in firsts[many].groupby(given[many]):
        words = sorted(set(names), key=len)
        if any(not long.startswith(short) for i, short in enumerate(words)
               for long in words[i + 1:]):
            shared.add(address)
    return values.isin(given, shared) & firsts.notna()


def _labelled_totals(frame: pd.DataFrame, out: pd.DataFrame) -> pd.Series:
    """Rows of an events sheet with no client and no date whose cells say they are a total
    (``_TOTAL_LABEL``: a report's subtotal per salesperson, its "Total" line under the
    dates; or a totals word in any language, ``TOTAL_WORDS``: "Razem", "合計"), or that
    hold an amount alone, the sum of the amounts above it: the header of the cell that
    says so, else None."""
    found = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    # (an owner's "Toplam" typed in the e-mail column, the one left of the amounts, is no
    # one's address)
    no_address = is_blank(out, "email")
    if "email" in out:
        no_address |= stand_ins_and_totals(out["email"])[1]
    keyless = is_blank(out, "client_id") & is_blank(out, "name") & no_address
    candidates = keyless & is_blank(out, "date")
    if not candidates.any():
        return found
    for header in frame.columns:
        cells = frame.loc[candidates & found.isna(), header]
        texts = cells[cells.map(type).eq(str)]
        said = texts[texts.str.match(_TOTAL_LABEL) | stand_ins_and_totals(texts)[1]]
        found[said.index] = header
    if "amount" in out:     # a sum with no label: an amount alone, the sum of those above
        amounts = amounts_of(out)
        filled = frame.loc[candidates].notna().sum(axis=1).reindex(frame.index, fill_value=0)
        alone = candidates & found.isna() & amounts.notna() & filled.eq(1)
        above = amounts.where(found.isna() & ~alone).fillna(0).cumsum().shift(fill_value=0)
        summed = alone & (amounts - above).abs().lt(0.005) & above.ne(0)
        found[summed] = next((h for h in frame.columns
                              if frame.loc[summed, h].notna().any()), None)
    return found


# Words a person's or a firm's name may begin with in lower case ("van der Berg").
_NAME_PARTICLES = frozenset(("van", "von", "de", "der", "den", "da", "das", "di", "do", "dos",
                             "del", "della", "la", "le", "du", "ter", "ten", "bin", "al",
                             "el", "mc", "ap", "zu", "e"))


# What marks a note rather than a name written in lower case: punctuation or a digit, or
# a word of a sentence ("call back after Easter", "met at the fair", "wants a quote").
_NOTE_WORDS = re.compile(
    r"[,.;:!?()/\d]|\b(?:a|an|the|to|at|for|after|before|back|again|about|with|from|on|in|"
    r"of|if|is|was|will|wants?|wanted|needs?|asked|said|says|call|called|ring|rang|email|"
    r"emailed|phone|phoned|met|maybe|next|week|month|not|no|sent|send|quote|follow|up|"
    r"chase|left|message)\b")


def _note_rows(frame: pd.DataFrame, name_header: str) -> list:
    """Rows of a client list that are a note written under the client above, not a client:
    the name cell is the row's only cell, begins in lower case with a word no name begins
    with, runs to three words or more ("call back after Easter", "met at the fair, wants
    a quote"), and the row above is a client's, with more than its name. Returns their
    index labels. (A name begins in capitals; a client with only a name is still one.)"""
    if len(frame.columns) < 3:
        return []
    # (the cheap check, column by column over the rows still in question: rows whose
    # name is their only cell, under a row of more)
    alone = np.flatnonzero(frame[name_header].notna().to_numpy())
    alone = alone[alone > 0]
    for at, header in enumerate(frame.columns):
        if not len(alone):
            return []
        if header != name_header:
            alone = alone[frame.iloc[alone, at].isna().to_numpy()]
    alone = alone[frame.iloc[alone - 1].notna().sum(axis=1).gt(1).to_numpy()]
    if not len(alone):
        return []
    names = frame[name_header].iloc[alone]
    texts = names[names.map(type).eq(str)]
    first = texts.str.extract(r"^\s*(\S+)", expand=False).fillna("")
    words = texts.str.split().str.len()
    # (a note reads as a sentence: a comma, a digit or a word no name has, "call", "after",
    # "at"; "mary ann jones", a client written in lower case, has none of them)
    said = texts.str.casefold().str.contains(_NOTE_WORDS)
    return list(texts.index[first.str.match(r"^[a-zß-ÿ]") & words.ge(3) & said
                            & ~first.str.casefold().isin(_NAME_PARTICLES)])


def _named_subtotals(out: pd.DataFrame) -> pd.Series:
    """Rows of an events sheet whose name cell says it is a subtotal ("January total",
    "Week 3 subtotal": ``_TOTAL_LABEL``) and which have no date of their own, where the
    sheet has dates: a hand-kept sheet's sum under each month, not a client's sale."""
    if "date" not in out:
        return pd.Series(False, index=out.index)
    found = pd.Series(False, index=out.index)
    undated = is_blank(out, "date")
    if not undated.any():               # (the cheap check: most sheets date every row)
        return found
    names = out.loc[undated, "name"]
    texts = names[names.map(type).eq(str)]
    found[texts.index] = texts.str.match(_TOTAL_LABEL).to_numpy(dtype=bool)
    return found


_FIRST_YEAR, _FIRST_SERIAL = 1910, 3654     # 1910-01-01, and as an Excel serial


def _doubtful(target: str, bad: pd.Series, column: pd.Series, parsed: pd.Series) -> pd.Series:
    """The cells of a column guessed to be a field that cannot be it: those that failed
    to parse and, for a date, numbers too small to be a day of a business's records (Ko-fi's
    "Received" 5.00 is an amount, not 1900-01-05; a column of them is no date). ``parsed``:
    the column as parsed (ISO dates), which says at once whether any is that early."""
    if field_type(target) != "date":
        return bad
    dates = parsed.dropna()
    if dates.empty or dates.min() >= f"{_FIRST_YEAR}":
        return bad
    numbers = pd.to_numeric(column.where(column.map(type).isin((int, float, str))),
                            errors="coerce")
    return bad | numbers.between(2, _FIRST_SERIAL - 1)


# A column of true/false saying an order was undone (Toast's "Voided", "Is Cancelled"), or
# an invoice reversed (Számlázz.hu's "Sztornó" igen/nem, a German "Storniert" ja/nein).
_UNDONE_FLAG = re.compile(r"^(?:is)?(?:voided|void|cancell?ed|storno|sztorno|storniert|"
                          r"stornata|stornato|stornovano)$")
# A column of the day each row was cancelled, blank when it was not (Cliniko's "Cancelled
# At"), and a yes/no of whether the client came (Cliniko's "Did Not Arrive").
_CANCELLED_AT = re.compile(r"^(?:cancell?ed|cancell?ation)(?:at|on|date|time)$|"
                           r"^datecancell?ed$")
_NO_SHOW_FLAG = re.compile(r"^(?:didnotarrive|didnotattend|noshow|dna|markedasnoshow)$")


def _flagged_cancellations(out: pd.DataFrame, frame: pd.DataFrame,
                           mapping: dict[str, str | None]) -> list[str]:
    """Rows a true/false column marks undone (``_UNDONE_FLAG``: "Voided" true) or a column
    of days marks cancelled (``_CANCELLED_AT``: Cliniko's "Cancelled At"), with no kind of
    their own, are cancellations, not sales; rows a yes/no column marks missed
    (``_NO_SHOW_FLAG``: "Did Not Arrive" yes) are contacts. Returns notes."""
    notes = []
    said = _unmapped(mapping, _UNDONE_FLAG)
    if said is not None and values.parse_bool(frame[said])[1].any() and (
            paired := _reversed_by_number(out, frame[said])).any():     # (not 0 and 1)
        if count := _marked(out, paired, "cancellation"):
            pairs = int((paired & frame[said].notna()).sum())
            notes.append(f"{counted(count, 'row')} paired by the invoice numbers in '{said}' "
                         f"(an invoice and the one reversing it) {was(count)} read as "
                         f"{counted(pairs, 'cancellation')}, not sales or refunds.")
    elif said is not None:
        flags, bad = values.parse_bool(frame[said])        # (a column of true, false)
        undone = flags.eq(True) & ~bad.any()
        paired = _reversals(out, undone)
        if count := _marked(out, undone, "cancellation"):
            mark = ("true" if frame[said].astype(str).str.strip().str.lower().eq("true").any()
                    else "yes")                             # (Sztornó's "igen")
            notes.append(f"{counted(count, 'row')} marked {mark} in '{said}' {was(count)} read "
                         "as " + ("a cancellation, not a sale" if count == 1 else
                                  "cancellations, not sales") + ".")
        reversing = paired & amounts_of(out).lt(0)
        _marked(out, paired, "cancellation")
        for rows, what, not_ in ((reversing, "reversing", "a refund"),
                                 (paired & ~reversing, "reversed by", "a sale")):
            if count := int(rows.sum()):
                notes.append(f"{counted(count, 'row')} {what} one marked in '{said}' (the same "
                             f"client, the opposite amount) {was(count)} read with it as one "
                             f"cancellation, not {not_}.")
    said = _unmapped(mapping, _CANCELLED_AT)
    if said is not None:
        # (a day is the mark: "N/A", "-" or "No" in the column is no cancellation)
        # (over a kind that only says what was booked: a clinic's "Type" of Follow-up)
        if count := _marked(out, values.parse_dates(frame[said])[0].notna(), "cancellation",
                            over=("contact", "purchase")):
            notes.append(f"{counted(count, 'row')} with a day in '{said}' {was(count)} read as "
                         + ("a cancellation, not a sale." if count == 1 else
                            "cancellations, not sales."))
    said = _unmapped(mapping, _NO_SHOW_FLAG)
    if said is not None:
        if count := _marked(out, _no_shows(frame, mapping), "contact"):
            notes.append(f"{counted(count, 'row')} marked yes in '{said}' (the client did not "
                         f"come) {was(count)} read as " + (
                             "a contact, not a sale." if count == 1 else
                             "contacts, not sales."))
    return notes


def _reversals(out: pd.DataFrame, undone: pd.Series) -> pd.Series:
    """Rows not marked ``undone`` that pair with one that is: the same client, the opposite
    amount (Számlázz.hu's storno invoice of -10,160 beside the original marked Sztornó
    igen, or the original beside its storno invoice marked so). Each undone row pairs with
    at most one."""
    amounts = amounts_of(out)
    who = next((out[column] for column in ("client_id", "email", "name") if column in out),
               None)
    paired = pd.Series(False, index=out.index)
    if who is None or not undone.any():
        return paired
    who = who.astype(str).str.strip().str.lower().where(who.notna())
    free = (~undone & who.notna() & amounts.notna() & amounts.ne(0)
            & column_or_blank(out, "kind").isna())
    for row in undone[undone & who.notna() & amounts.notna()].index:
        match = free & ~paired & who.eq(who[row]) & amounts.round(2).eq(-round(amounts[row], 2))
        if match.any():
            paired[match.idxmax()] = True
    return paired


def _reversed_by_number(out: pd.DataFrame, named: pd.Series) -> pd.Series:
    """The rows a "Storno" column of invoice numbers pairs: a row whose cell names another
    row's number (the invoice it reverses, or the one reversing it), and that row. Both
    are one cancellation; a number named that no row holds pairs nothing."""
    paired = pd.Series(False, index=out.index)
    if "order_id" not in out:
        return paired
    numbers = out["order_id"].astype(str).str.strip().where(out["order_id"].notna())
    naming = named.astype(str).str.strip().where(named.notna())
    naming = naming.where(naming.isin(set(numbers.dropna())) & naming.ne(numbers))
    return naming.notna() | numbers.isin(set(naming.dropna()))


def _no_shows(frame: pd.DataFrame, mapping: dict[str, str | None]) -> pd.Series:
    """Rows a yes/no column marks missed (``_NO_SHOW_FLAG``: "Did Not Arrive" yes)."""
    said = _unmapped(mapping, _NO_SHOW_FLAG)
    if said is None:
        return pd.Series(False, index=frame.index)
    flags, bad = values.parse_bool(frame[said])
    return flags.eq(True) & ~bad.any()


def _marked(out: pd.DataFrame, marked: pd.Series, kind: str, over: tuple[str, ...] = ()) -> int:
    """The rows ``marked`` that have no kind of their own, or (with ``over``) one that
    names one of those kinds or none (an appointment's type, read as a contact), take
    ``kind`` (``out`` changed in place). Returns how many did."""
    kinds = column_or_blank(out, "kind")
    taken = marked & kinds.isna()
    if over:
        named = kinds.dropna().map(lambda v: kind_named(normalise_value(v)))
        over_kind = marked & (named.isna() | values.isin(named, over)).reindex(kinds.index,
                                                                       fill_value=False)
        if over_kind.any():     # (what was booked stays said, as its touchpoint)
            touchpoint = column_or_blank(out, "touchpoint")
            out["touchpoint"] = touchpoint.where(touchpoint.notna() | ~over_kind, kinds)
        taken |= over_kind
    if taken.any():
        out["kind"] = kinds.where(~taken, kind)
    return int(taken.sum())


_TICK_MARKS = frozenset("✓✔☑✅")


def _booked_types(kinds: pd.Series, mapping: dict[str, str | None],
                  marks: pd.Series, amounts: pd.Series) -> pd.Series:
    """Rows marked paid, at a price, whose kind comes from a column of what each visit was
    (``VISIT_TYPE_HEADERS``: a "Type" of Consultation, Treatment) naming no event kind but
    a contact or a first talk: what was booked, which the paid mark says was bought. The
    type stays said as the row's touchpoint (``_paid_flags``). A "Phone call" or an
    "Enquiry" ticked with no price stays a contact (the tick says the account is settled)."""
    header = next((h for h, f in mapping.items() if f == "kind"), None)
    if header is None or normalise_header(header) not in VISIT_TYPE_HEADERS:
        return pd.Series(False, index=kinds.index)
    named = values.per_distinct(kinds, lambda v: kind_named(normalise_value(v)) or "")
    return (kinds.notna() & named.isin(["", "contact"]) & marks.eq("purchase")
            & amounts.gt(0))


# A hand-kept paid cell's words before the day it was paid ("BACS 10/1", "pd 30/1").
_WORDS_BEFORE_A_DAY = re.compile(r"^(?P<words>\D*?)[\s:,-]*(?:on\s*)?"
                                 r"(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?\s*$")


def _paid_how(cell: object) -> str | None:
    """What a hand-kept "Paid" or "Paid by" cell that is no tick says: a way of paying or
    "pd", the day after it or not ("Card", "Bupa", "BACS 10/1", "Invoice - pd 30/1"), a
    purchase; billed alone ("Invoice": ``ON_INVOICE``), a contact; else None (unread)."""
    found = _WORDS_BEFORE_A_DAY.match(str(cell).strip())
    parts = {normalise_value(part) for part in re.split(r"\s*[-–:,;/+&]\s*|\s+and\s+",
                                                         found["words"] if found else "")}
    parts.discard("")
    if not parts:
        return None
    if parts <= PAID_BY | ON_INVOICE:
        return "contact" if parts <= ON_INVOICE else "purchase"
    return None


def _paid_on_beside_date(frame: pd.DataFrame, mapping: dict[str, str | None]) -> str | None:
    """A column of the day each was paid (``_PAID_ON``: "Paid on"), beside another column
    read as the row's date (a tutor's list of invoices: "Date") and no status (one saying
    "Invoiced" is read with it where it says so): whether each was paid, a blank not yet;
    or None."""
    dated = [h for h, target in mapping.items() if target == "date"]
    if "status" in mapping.values():
        return None
    return next((h for h, target in mapping.items() if target in (None, "date")
                 and h in frame and base_header_key(h) in _PAID_ON
                 and any(other != h for other in dated)), None)


# A workshop's yes/no of the jobs collected, paid for when collected ("Collected"), where no
# column says what was paid (normalised, as normalise_header).
_COLLECTED_FLAG = re.compile(r"^(?:collected|pickedup|collectedpaid|collectedandpaid)$")


def _collected_flag(frame: pd.DataFrame, mapping: dict[str, str | None]) -> str | None:
    """The column of yes or no saying which jobs were collected (``_COLLECTED_FLAG``), kept
    as an extra or taken for the status, or None."""
    said = next((h for h, target in mapping.items() if target in (None, "status")
                 and h in frame and _COLLECTED_FLAG.match(normalise_header(h))), None)
    if said is None or not frame[said].notna().any():
        return None
    return said if not values.parse_bool(frame[said])[1].any() else None


def _paid_flags(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                merged_rows: dict[str, np.ndarray]) -> Callable[[pd.Series], list[str]]:
    """Rows with no kind of their own that a yes/no column says were not paid ("Paid?" N,
    "Pagado" No, ❌) are contacts, not sales, whatever the sheet's rows are; those it says
    were paid (or partly: "Part") are purchases, and so are those marked "x" in a column of
    x or blank (a hand-kept tick); a "void" one is a cancellation. A row whose
    status says what happened is read by its status (a studio's visits: "completed",
    "noshow", "late_canceled"), even on a sheet whose statuses are not read otherwise; a
    row whose amount is 0 or less is left to it, and so is a
    row that has the cell only as part of a range merged over several rows. Not a column
    with other words in it. Returns what to say of the rows kept (a row rejected after,
    for its date, say, is not counted): a function of the rows kept."""
    said = _unmapped(mapping, PAID_FLAG)   # ("Paid?", "Pagado", "Bezahlt")
    collected = None
    if said is None:
        said = collected = _collected_flag(frame, mapping)
    said = said or _paid_on_beside_date(frame, mapping)
    payer = said is None and next((h for h, target in mapping.items() if target == "name"
                                   and PAID_FLAG.match(normalise_header(h))), None)
    if payer:       # "Paid by" read as who pays (understand._payer_named): a name is the tick
        said = payer
        frame = frame.assign(**{said: frame[said].where(frame[said].isna(), "x")})
    if said is None:
        return lambda kept: []
    cells = frame[said].dropna()
    if (len(cells) and not cells.map(type).isin((int, float, bool)).any()
            and not cells.astype(str).str.fullmatch(r"\s*-?[\d.,]+\s*").any()
            and values.parse_dates(cells)[1].eq(False).all()):
        # a hand-kept "Paid" column of the day it was paid: a date is the tick
        cells = pd.Series("x", index=cells.index, dtype=object)
        frame = frame.assign(**{said: frame[said].where(frame[said].isna(), "x")})
    elif (len(cells) and _PAID_ON.intersection({base_header_key(said)})
          and (dated := ~values.parse_dates(cells)[1]).any()):
        # a "Paid on" of days and ways of paying ("05/02/2025", "Cash"): a day is a tick
        cells = cells.where(~dated, "✓")
        frame = frame.assign(**{said: frame[said].where(frame[said].isna() | ~dated.reindex(
            frame.index, fill_value=False), "✓")})
    kind_of, billed = {}, set()
    for cell in cells.unique():
        key = normalise_header(cell)
        flag = values.parse_bool(pd.Series([cell], dtype=object))[0].iloc[0]
        status = order_status_kind(cell)           # ("Overdue" among the ticks)
        kind_of[cell] = ("purchase" if flag is True or key in _PART_PAID else
                         "contact" if flag is False else
                         status if status in ("purchase", "contact", "cancellation",
                                              "refund")     # ("Avoir": a credit note)
                         else _paid_how(cell))
        if kind_of[cell] == "contact" and _paid_how(cell) == "contact" and flag is None:
            billed.add(cell)
    if kind_of and billed == set(kind_of):
        # "Invoice" on every row written says how each was billed, not that none was paid
        return lambda kept: [f"'{said}' says only how each was billed "
                             f"({listed([repr(cell) for cell in sorted(billed)])}), not "
                             "whether it was paid: not read as paid or not."]
    if kind_of and {normalise_header(cell) for cell in kind_of} == {"x"}:
        kind_of = dict.fromkeys(kind_of, "purchase")   # x or blank: x is the tick
    elif any(str(cell).strip() in _TICK_MARKS for cell in kind_of):
        # x beside a tick mark (✓ and x) is the cross: not paid
        kind_of.update({cell: "contact" for cell in kind_of if normalise_header(cell) == "x"})
    # "n/a": nothing was due (a free first session)
    kind_of.update({cell: "contact" for cell in kind_of
                    if normalise_header(cell) in ("na", "notapplicable")})
    if not kind_of or None in kind_of.values():    # not a column of yes and no
        return lambda kept: []
    kinds = column_or_blank(out, "kind")
    # (a status that says what happened says more: "refunded", "gecrediteerd"; not one
    # saying it was billed, "Invoiced": the column says whether it was paid)
    status_says = (out["status"].map(order_status_kind).notna()
                   & ~values.per_distinct(out["status"], normalise_value).isin(BILLED_STATUSES)
                   if "status" in out else pd.Series(False, index=out.index))
    marks = frame[said].map(kind_of)
    ticked_only = set(kind_of.values()) == {"purchase"}    # ✓ or blank: blank is unpaid
    # A blank is not marked paid: a contact (beside ✓ and ✗ too; a sale unticked is unpaid)
    left_blank = frame[said].isna()
    marks = marks.where(~left_blank, "contact")
    # (where the status says, it decides, whatever the sheet's rows are otherwise: a
    # studio's visits "completed" and paid, "noshow", "late_canceled")
    amounts = amounts_of(out)
    said_kind = marks.where((kinds.isna() | _booked_types(kinds, mapping, marks, amounts))
                            & ~status_says)
    by_status = pd.Series(None, index=out.index, dtype=object)
    if status_says.any():       # (each distinct status read once)
        read = {cell: order_status_kind(cell) for cell in out["status"].dropna().unique()}
        by_status = out["status"].map(read).where(kinds.isna() & status_says)
    if said in merged_rows:         # ("Paid" merged over a package's sessions: said once)
        said_kind[_same_clients_below(out, merged_rows[said])] = None
    # (0 or less than 0 is decided by its amount: a free order, money going back)
    said_kind = said_kind.where(said_kind.eq("cancellation") | amounts.gt(0) | amounts.isna())
    by_status = by_status.where(by_status.ne("purchase") | amounts.gt(0) | amounts.isna())
    typed = said_kind.notna() & kinds.notna()
    if typed.any():     # (what was booked stays said, as its touchpoint)
        touchpoint = column_or_blank(out, "touchpoint")
        out["touchpoint"] = touchpoint.where(touchpoint.notna() | ~typed, kinds)
    out["kind"] = kinds.where(said_kind.isna(), said_kind)
    out["kind"] = out["kind"].where(by_status.isna(), by_status)
    # A row marked given back at its price ("Pago?": Estornado, R$ 90) was paid first: a
    # sale and its refund, as an order list's "Refunded" is (_refunded_orders adds the sale).
    given_back = said_kind.eq("refund") & amounts.gt(0)
    if given_back.any():
        out["_refunded_order"] = column_or_blank(out, "_refunded_order").where(~given_back,
                                                                               "full")
    if "stage" in out and "status" in out:
        # A quote or a job booked, not yet done, is a client considering (as resolve_kinds
        # reads a booked status on an order list).
        booked = by_status.notna() & out["status"].map(match_key).isin(BOOKED_STATUSES)
        out["stage"] = out["stage"].where(~booked | out["stage"].notna(), "consideration")
    statuses = out["status"] if "status" in out else None
    blank_said = (f"left blank in '{said}', where the others are ticked," if ticked_only else
                  f"left blank in '{said}' (not marked paid)")

    def say(kept: pd.Series) -> list[str]:
        notes = ([f"'{collected}' says which jobs were collected, paid for when collected "
                  "(no column says what was paid): read as whether each was paid."]
                 if collected else [])
        read = by_status.notna() & kept
        if read.any():
            count = int(read.sum())
            notes.append(f"{counted(count, 'row')} whose status says what happened "
                         f"({', '.join(map(str, statuses[read].unique()[:3]))}) "
                         f"{was(count)} read by {its(count)} status, not by '{said}'.")
        for kind, how, one, many, where in (
                ("contact", f"marked not paid in '{said}'", "a contact, not a sale",
                 "contacts, not sales", ~left_blank),
                ("contact", blank_said, "a contact, not a sale", "contacts, not sales",
                 left_blank),
                ("purchase", f"marked paid in '{said}'", "a purchase", "purchases", ~left_blank),
                ("cancellation", f"marked void in '{said}'", "a cancellation", "cancellations",
                 ~left_blank)):
            count = int((said_kind.eq(kind) & where & kept).sum())
            if count:
                notes.append(f"{counted(count, 'row')} {how} {was(count)} read as "
                             f"{one if count == 1 else many}.")
        return notes
    return say


# A money column saying what a booking has been paid so far (FareHarbor's and Rezdy's "Total
# Paid", "Amount Paid", a deposit).
_PAID_SO_FAR = frozenset({"totalpaid", "amountpaid", "paidamount", "paid", "paidtodate",
                          "depositpaid", "amountreceived", "paidvalue"})


# A column of the day each was paid ("Date Paid", "Paid on"): beside a job said billed
# ("Invoiced"), a blank one says nothing is paid yet (normalised, as ``_PAID_SO_FAR``).
_PAID_ON = frozenset({"datepaid", "paiddate", "paidon", "dateofpayment", "paymentdate"})


# An invoice's or an order's status saying it is billed and not (wholly) paid yet: with
# money already paid beside it, part paid (not a no-show's fee, not a failed payment).
_OWED = frozenset(normalise_value(word) for word in (
    "awaiting payment", "unpaid", "not paid", "payment due", "past due", "overdue", "sent",
    "viewed", "open", "due", "outstanding", "pending payment", "waiting for payment",
    "authorised", "authorized", "partially paid", "part paid", "partial", "pending"))


# A money column saying what is still owed of an invoice (normalised; Jobber's "Balance
# ($)", after a record's prefix Zuora's "Invoice: Balance"): where no column says what was
# paid, the amount less the balance was.
_OWED_SO_FAR = frozenset({"balance", "balancedue", "balanceowing", "amountdue", "amountowing",
                          "amountowed", "duevalue", "owing", "amountoutstanding", "outstanding",
                          "outstandingamount", "openbalance", "remainingbalance",
                          "amountremaining",
                          # (Norwegian and Danish: Tripletex's, Dinero's "Utestående")
                          "utestaende", "udestaende", "restbeløp", "restbeløb"})


def _owes(header: object) -> bool:
    """Whether a header names what is still owed (``_OWED_SO_FAR``, after a record's prefix)."""
    return base_header_key(str(header).rsplit(":", 1)[-1]) in _OWED_SO_FAR


def _balance_column(frame: pd.DataFrame) -> str | None:
    """The column of what is still owed (``_OWED_SO_FAR``), all of it money; else None."""
    for header in frame.columns:
        if _owes(header) and not values.parse_money(frame[header])[1].any():
            return header
    return None


def _invoices_own_status(frame: pd.DataFrame, header: str | None) -> bool:
    """Whether a status column is an invoice list's own ("Status", "Invoice: Status"):
    not a column of whether something happened ("Collected?": a bakery's order collected
    is a sale, whatever its balance says), nor a till's (a sale "On account" is a sale).
    The sheet's invoices are said by a header other than its balance: a gift card's or a
    voucher's "Balance" is what is left to spend of what was paid."""
    return (header is not None and normalise_header(header).endswith(("status", "state"))
            and about_invoices([h for h in frame.columns if not _owes(h)], ""))


def _owed_in_full(out: pd.DataFrame, paid: pd.Series) -> list[str]:
    """Sales read so only because their status says nothing of payment ("Posted",
    "Closed": not a word of ``journey.stages.ORDER_STATUS_KIND``) of which a money column
    says nothing was paid (a "Paid Amount" of 0, a "Balance" of all of it): contacts, as
    an invoice awaiting payment is. Returns a note."""
    amounts = amounts_of(out)
    owed = (out["kind"].eq("purchase") & paid.le(0) & amounts.gt(0)
            & ~out["status"].map(order_status_kind, na_action="ignore").notna()
            & out["status"].notna())
    return _unpaid_as_contacts(out, owed, lambda count: f"of {its(count)} amount", "")


def _booked_and_paid(out: pd.DataFrame, frame: pd.DataFrame,
                     status_header: str | None = None,
                     amount_header: str | None = None) -> list[str]:
    """Rows read as contacts because their status says booked or confirmed (a tour's
    "Booked", Rezdy's "CONFIRMED": a time still to come) are a client considering (stage
    consideration). Those for which a money column says something was already paid
    (``_PAID_SO_FAR``, more than 0) are purchases of what was paid so far (with what a
    refunded column says went back of it: the refund is a row of its own), never more than
    the booking's amount: a deposit is a sale of the deposit; the rest is one when paid
    (importing the bookings again then updates it); one a "Paid" of yes and no ticks has
    paid its whole amount. An order its status leaves unpaid ("Pending", "Awaiting
    payment") is no sale by a paid column read as its amount (``amount_header``: a shop's
    "Amount Paid" alone is the order's price). Returns a note."""
    if "status" not in out or "kind" not in out:
        return []
    statuses = out["status"].dropna()
    booked_words = {cell for cell in statuses.unique() if match_key(cell) in BOOKED_STATUSES}
    booked = out["kind"].eq("contact") & values.isin(out["status"], booked_words)
    header = next((h for h in frame.columns if base_header_key(h) in _PAID_SO_FAR), None)
    paid = pd.Series(np.nan, index=out.index)
    paid_in = f"in '{header}'"
    if header is not None:
        said, bad = values.parse_money(frame[header])
        if not bad.any():
            paid = said.reindex(out.index)
        elif (ticks := _ticks(frame[header])) is not None:
            # A "Paid" of yes and no beside a booking's amount: a booking ticked paid has
            # paid all of it (elsewhere the ticks are _paid_flags').
            ticked = ticks.reindex(out.index, fill_value=False).astype(bool)
            paid = amounts_of(out).where(booked & ticked)
    elif (owed_header := _balance_column(frame)) is not None:
        # What is still owed ("Balance": Jobber's, Zuora's, Harvest's): paid is the rest
        owed = values.parse_money(frame[owed_header])[0].reindex(out.index)
        paid = (amounts_of(out) - owed).clip(lower=0).round(2)
        paid_in = f"(the amount less its '{owed_header}')"
    # An invoice or order its status leaves unpaid ("Awaiting Payment", "Overdue") with
    # part paid already: a sale of what was paid, as a booking's deposit is.
    said = values.per_distinct(out["status"], normalise_value)
    by_paid = header is None or header != amount_header
    # A job or an order said billed ("Invoiced"): a sale of what was paid of it, none
    # where nothing was
    billed = out["kind"].eq("purchase") & said.isin(BILLED_STATUSES) & by_paid
    when = next((h for h in frame.columns if base_header_key(h) in _PAID_ON), None)
    if billed.any() and paid.isna().all() and when is not None:
        dated = values.parse_dates(frame[when])[0].reindex(out.index).notna()
        paid = paid.where(~billed, amounts_of(out).where(dated, 0))
        paid_in = f"(no day in '{when}')"
    unpaid = (paid.gt(0) & ~booked & (out["kind"].eq("contact") & said.isin(_OWED)
                                      | out["kind"].eq("purchase") & said.isin(_PART_PAID)
                                      | billed & paid.lt(amounts_of(out)))
              & by_paid)
    notes = _billed_unpaid(out, billed & paid.le(0) & amounts_of(out).gt(0), paid_in)
    if _invoices_own_status(frame, status_header):
        notes += _owed_in_full(out, paid)
        # A sale by a status that says nothing of payment ("Posted", "Closed") part paid
        unpaid |= (out["kind"].eq("purchase") & paid.gt(0) & paid.lt(amounts_of(out))
                   & ~out["status"].map(order_status_kind, na_action="ignore").notna())
    if not (booked.any() or unpaid.any()):
        return notes
    turned = booked & paid.gt(0)
    so_far = (paid + _given_back(frame).reindex(out.index).fillna(0)).round(2)
    amounts = amounts_of(out)
    part = (turned | unpaid) & amounts.notna() & so_far.lt(amounts)
    out["kind"] = out["kind"].where(~(turned | unpaid), "purchase")
    out["amount"] = amounts.where(~(part | ((turned | unpaid) & amounts.isna())), so_far)
    out.loc[booked & ~turned & out["stage"].isna(), "stage"] = "consideration"
    if unpaid.any():
        count = int(unpaid.sum())
        shown = (f" ({so_far[unpaid & part].sum():,.2f} of {amounts[unpaid & part].sum():,.2f})"
                 if (unpaid & part).any() else "")
        notes.append(f"{counted(count, 'row')} said "
                     f"{listed(sorted(map(str, out['status'][unpaid].unique())))} with money "
                     f"already paid {paid_in}: {'read as a purchase' if count == 1 else 'read as purchases'} "
                     f"of what was paid so far{shown}.")
    if not booked.any():
        return notes
    count, bought, parts = int(booked.sum()), int(turned.sum()), int(part.sum())
    waiting = count - bought
    words = listed(sorted(map(str, booked_words)))
    if not bought:
        return notes + [f"{counted(count, 'booking')} said {words} with nothing paid"
                f"{f' in {header!r}' if header else ''}: {was(count)} read as "
                f"{'a contact' if count == 1 else 'contacts'} at consideration (a time to "
                "come), not as sales."]
    part_said = (f" ({parts:,} of them a part, {amounts_of(out)[part].sum():,.2f} of "
                 f"{amounts[part].sum():,.2f})" if parts else "")
    waiting_said = (f", and {waiting:,} with nothing paid yet as "
                    f"{'a contact' if waiting == 1 else 'contacts'} at consideration"
                    if waiting else "")
    return notes + [f"{counted(count, 'booking')} said {words}: {bought:,} with money paid "
            f"{paid_in} {was(bought)} read as "
            f"{'a purchase' if bought == 1 else 'purchases'} of what was paid so far"
            f"{part_said}{waiting_said}."]


def _owed_without_status(out: pd.DataFrame, frame: pd.DataFrame,
                         amount_header: str | None) -> list[str]:
    """An invoice list with no status, one row an invoice, read as sales, whose balance
    column ("Balance Due") says what is still owed of each: an invoice owing all of its
    amount is a contact, as one awaiting payment is; one owing a part, a sale of what was
    paid (its paid column, "Amount Paid", else the amount less the balance). Not a sheet
    whose balance is more than an amount (a running balance), nor an invoice's lines (an
    order ID twice: the balance is the invoice's, the amount the line's). With no balance,
    a column of what was paid ("Total Paid" beside the "Total") says the same (an empty
    cell is nothing paid). The reading is _by_what_was_paid's. Returns a note."""
    owed_header = _balance_column(frame)
    header = next((h for h in frame.columns if base_header_key(h) in _PAID_SO_FAR
                   and h != amount_header), None)
    said = values.parse_money(frame[header]) if header is not None else None
    if said is not None and said[1].any():
        said = None
    if ("status" in out or "kind" not in out or owed_header is None and said is None
            or not about_invoices([h for h in frame.columns if not _owes(h)], "")
            or "order_id" in out and out["order_id"].dropna().duplicated().any()):
        return []
    amounts = amounts_of(out)
    owed_in = f"in '{owed_header}'"
    if owed_header is None:     # (what was paid alone: "Total Paid" beside the "Total")
        owed_in = f"(its amount less '{header}')"      # (what went back was paid first)
        paid = (said[0].fillna(0) + _given_back(frame)).reindex(out.index).fillna(0)
        owed = (amounts - paid).clip(lower=0).round(2)
        if paid.gt(amounts.fillna(0) + 0.005).any():
            return []
    else:
        owed = values.parse_money(frame[owed_header])[0].reindex(out.index)
        credited = amounts.lt(0) & owed.eq(0)   # (a credit note owes nothing: Tripletex's)
        if (owed.gt(amounts.fillna(0) + 0.005) & ~credited).any():
            return []
        paid = (said[0].reindex(out.index) if said is not None
                else (amounts - owed).clip(lower=0).round(2))
    paid_in = (f"in '{header}'" if said is not None
               else f"(the amount less its '{owed_header}')")
    unpaid, part, billed = _by_what_was_paid(out, paid, owing=owed.gt(0))
    notes = []
    if part.any():
        count = int(part.sum())
        notes.append(f"{counted(count, 'invoice')} with part of {its(count)} amount still owed "
                     f"{owed_in} {was(count)} read as "
                     f"{'a sale' if count == 1 else 'sales'} of what was paid {paid_in} "
                     f"({paid[part].sum():,.2f} of {billed[part].sum():,.2f}).")
    if unpaid.any():
        count = int(unpaid.sum())
        notes.append(f"{counted(count, 'invoice')} with all of {its(count)} amount still owed "
                     f"{owed_in} {was(count)} read as "
                     f"{'a contact, not a sale' if count == 1 else 'contacts, not sales'} "
                     "(awaiting payment).")
    return notes


def _by_what_was_paid(rows: pd.DataFrame, paid: pd.Series, owing: pd.Series | None = None
                      ) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The one reading of a paid column on sales no status decides (an invoice list's
    "Total Paid" or balance, an invoice's lines' "Amount Paid" added together): ``paid``
    is what was paid of each sale, with what went back of it (NaN where nothing says).
    A sale still owing (``owing``: a balance more than 0; else less paid than its amount)
    of which nothing was paid is a contact, as an invoice awaiting payment is; one of
    which a part was paid, a sale of what was paid. A status of the row's own is a reason
    of its own, as on an invoice list (the rule is for one with none): a sale "Paid",
    "Closed" or "On account" (a till's sale on credit) with nothing paid stays one.
    ``rows`` is changed in place; returns the rows read as contacts, those read as a part,
    and the amounts before."""
    amounts = amounts_of(rows)
    if owing is None:
        owing = paid.lt(amounts - 0.005)
    owing = rows["kind"].eq("purchase") & amounts.gt(0) & owing
    unpaid, part = owing & paid.le(0), owing & paid.gt(0) & paid.lt(amounts)
    if "status" in rows:
        unpaid &= is_blank(rows, "status")
    rows.loc[part, "amount"] = paid[part]
    rows.loc[unpaid, "kind"] = "contact"
    return unpaid, part, amounts


def _billed_unpaid(out: pd.DataFrame, unpaid: pd.Series, paid_in: str) -> list[str]:
    """Rows said billed ("Invoiced") of which nothing is paid (``unpaid``): contacts, as an
    invoice awaiting payment is. Returns a note."""
    return _unpaid_as_contacts(out, unpaid, lambda count: paid_in, " (billed, not paid yet)")


def _unpaid_as_contacts(out: pd.DataFrame, unpaid: pd.Series, where: Callable[[int], str],
                        why: str) -> list[str]:
    """The sales ``unpaid`` are contacts (``out`` changed in place); the note says what
    their status said and that nothing was paid (``where``, of how many: "in 'Paid'")."""
    if not unpaid.any():
        return []
    out.loc[unpaid, "kind"] = "contact"
    count = int(unpaid.sum())
    return [f"{counted(count, 'row')} said "
            f"{listed(sorted(map(str, out['status'][unpaid].unique())))} with nothing paid "
            f"{where(count)}: read as "
            f"{'a contact, not a sale' if count == 1 else 'contacts, not sales'}{why}."]


# A column of what an invoice asks to be paid (Stripe's "Amount Due": its total less
# credits), or the balance still owed on it (QuickBooks', Xero's): which, the paid
# invoices tell. A "Balance Due" is only ever a balance.
_DUE_HEADERS = frozenset({"amountdue", "dueamount", "totaldue"})


def _amounts_due(out: pd.DataFrame, frame: pd.DataFrame, status_header: str | None,
                 amount_header: str | None) -> list[str]:
    """An invoice list's "Amount Due" as the amount of invoices no other column prices.
    Where every invoice its status says is paid ("Paid", not "Partially paid") has more
    than 0 due, the column is what each invoice billed, not a balance (a paid invoice
    owes nothing): it is the amount of every invoice where no amount is mapped; where
    the amount is a paid column ("Amount Paid"), of the invoices not read as sales that
    paid nothing (open, void, draft: still no sales). Returns a note."""
    due_header = next((h for h in frame.columns if base_header_key(h) in _DUE_HEADERS), None)
    if (due_header is None or "kind" not in out or "status" not in out
            or not _invoices_own_status(frame, status_header)):
        return []
    by_paid = amount_header is not None and base_header_key(amount_header) in _PAID_SO_FAR
    if amount_header is not None and not by_paid:
        return []
    due, bad = values.parse_money(frame[due_header])
    if bad.any():
        return []
    due = due.reindex(out.index)
    said = values.per_distinct(out["status"], normalise_value)
    paid = (out["kind"].eq("purchase") & ~said.isin(_PART_PAID)
            & out["status"].map(order_status_kind, na_action="ignore").eq("purchase"))
    if not paid.any() or not due[paid].gt(0).all():
        return []
    amounts = amounts_of(out)
    taken = due.gt(0) & (~out["kind"].eq("purchase") & amounts.fillna(0).eq(0) if by_paid
                         else amounts.isna())
    if not taken.any():
        return []
    out["amount"] = amounts.where(~taken, due)
    count = int(taken.sum())
    if by_paid:
        return [f"{counted(count, 'invoice')} not paid "
                f"({listed(sorted(map(str, out['status'][taken].unique())))}) "
                f"{'takes its' if count == 1 else 'take their'} amount from '{due_header}' "
                f"({due[taken].sum():,.2f}), not the nothing '{amount_header}' says: "
                f"still no {'sale' if count == 1 else 'sales'}."]
    return [f"'{due_header}' read as what each invoice billed, as the paid invoices show "
            f"(none of them 0 due, so not a balance left): the amount of "
            f"{counted(count, 'invoice')}."]


def _same_clients_below(out: pd.DataFrame, merged: np.ndarray) -> np.ndarray:
    """The rows that have a cell only from a range merged over several rows (``merged``)
    and are the same client as the range's first row: a package's later sessions, not
    the other members of a class whose price was merged over them."""
    own = ~pd.Series(merged, index=out.index)
    who = _whose(out)
    first = who.where(own).groupby(own.cumsum()).transform("first")
    return (~own & who.eq(first)).to_numpy()


def _whose(out: pd.DataFrame) -> pd.Series:
    """Each row's client as one text (its ID, e-mail and name keys joined; "" for a row
    that names no one), to tell one client's rows from another's."""
    who = pd.Series("", index=out.index, dtype=object)
    for column in ("client_id", "email", "name"):
        if column in out:
            who = who + "\x1f" + out[column].map(name_key).fillna("")
    return who


# An amount header naming the price of a package or course of sessions, not of a row; a
# column naming the package or course each row is of ("Course": Pottery 1, Pottery 2).
_PACKAGE = re.compile(r"^(?:package|course)(?:price|fee|cost)$")
_PACKAGE_NAMED = re.compile(r"^(?:package|course|programme|program)(?:name|title)?$")


def _package_paid_once(out: pd.DataFrame, header: str,
                       frame: pd.DataFrame | None = None) -> list[str]:
    """A package's price written again on each of its sessions' rows ("Package price" 300
    on Ann's sessions 1, 2 and 3) is paid once: on the client's first row; a later row of
    theirs that repeats the price of the row before it is a session of that package and
    has no amount of its own (as a price merged over a client's sessions). A new price is
    a new package, and so is a row of another package or course where a column names it
    (Ann's "Pottery 1" then "Pottery 2", both 200, are two courses). (Not a "Price" header:
    each row's own.) Returns a note."""
    if not _PACKAGE.match(normalise_header(header)) or out["amount"].isna().all():
        return []
    who = _whose(out)
    named = [h for h in (frame.columns if frame is not None else [])
             if h != header and _PACKAGE_NAMED.match(normalise_header(str(h)))]
    for column in named[:1]:           # (the package or course of each row)
        who = who + "\x1f" + frame.loc[out.index, column].map(name_key).fillna("")
    amount = amounts_of(out)
    again = amount.notna() & amount.eq(amount.groupby(who).shift()) & who.ne("")
    if not again.any():
        return []
    out.loc[again, "amount"] = None
    count = int(again.sum())
    return [f"{counted(count, 'row')} repeating the client's package price in '{header}' "
            f"{was(count)} read as sessions of a package paid once (no amount of "
            f"{its(count)} own)."]


_PART_PAID = frozenset(normalise_value(w) for w in PART_PAID_WORDS.split(","))


# A column naming the row a row belongs under (Asana's "Parent task"): the row is a subtask,
# where the column names rows of the sheet (not a child's "Parent" at a swim school).
_PARENT = re.compile(r"^(?:parent(?:task|item|card)|subtaskof)$")


def _subtasks_as_contacts(out: pd.DataFrame, parents: pd.Series, subtasks: pd.Series,
                          header: str) -> str:
    """A board's subtasks ("Send contract" under the deal "Delta Gym") are things done for
    their parent's client: contacts of it, named by the task, whatever stage they repeat
    (``out`` changed in place). Returns a note."""
    out["touchpoint"] = column_or_blank(out, "touchpoint").where(~subtasks, out["name"])
    out["name"] = out["name"].where(~subtasks, parents.astype(str).str.strip())
    for column in ("client_id", "email", "stage", "status", "amount", "order_id"):
        if column in out:
            out[column] = out[column].where(~subtasks, None)
    out["kind"] = column_or_blank(out, "kind").where(~subtasks, "contact")
    count = int(subtasks.sum())
    return (f"{counted(count, 'row')} with a '{header}' {was(count)} read as "
            f"{'a task' if count == 1 else 'tasks'} done for that row's client (contacts), "
            "not as deals of their own.")


# A row's flag: an invoice that bills a job by its number (save keeps the job's day).
BILLS_A_JOB = "_bills_a_job"


def _bills_a_job(rows: pd.DataFrame, frame: pd.DataFrame,
                 columns_for: dict[str, list[str]]) -> pd.DataFrame:
    """Rows whose order is a job's number ("Job No", ``JOB_NUMBERS``) beside a number of
    their own (an invoice's "Invoice No") bill that job: the sale is the job, made the day
    it was done, not the day it was billed (``BILLS_A_JOB``)."""
    numbers = columns_for.get("order_id", [])
    if len(numbers) < 2 or normalise_header(numbers[0]) not in JOB_NUMBERS:
        return rows
    own = frame[numbers[1]].reindex(rows.index).notna()
    return rows.assign(**{BILLS_A_JOB: rows["order_id"].notna() & own})


def _latest_satisfaction(rows: pd.DataFrame) -> pd.DataFrame:
    """Events that carry a person's satisfaction (a conversation's rating) keep it only on
    each person's latest rated row (by date, then the sheet's order), so the client's
    satisfaction is the latest they gave, whichever way the export sorts its rows."""
    rated = rows["satisfaction"].notna()
    person = pd.Series(None, index=rows.index, dtype=object)
    for whose in ("client_id", "email", "name"):
        if whose in rows:
            person = person.fillna(rows[whose].astype(object).where(
                rows[whose].notna()).map(lambda v: str(v).strip().casefold(),
                                         na_action="ignore"))
    order = (pd.to_datetime(rows["date"], errors="coerce") if "date" in rows
             else pd.Series(pd.NaT, index=rows.index))
    ranked = pd.DataFrame({"person": person, "order": order,
                           "at": range(len(rows))}, index=rows.index)[rated]
    latest = ranked.sort_values(["order", "at"], na_position="first").drop_duplicates(
        "person", keep="last").index
    return rows.assign(satisfaction=rows["satisfaction"].where(
        rows.index.isin(latest) | person.isna(), None))


def _tagged_kinds(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                  counted_rows: pd.Series) -> list[str]:
    """Contacts (rows nothing else made a sale, a refund...) whose tags name a kind (a
    conversation tagged "Complaint", a ticket in the category "Complaint") are that kind
    (``understand.tagged_kind``); ``counted_rows``: the rows not set aside (totals).
    Returns a note."""
    said = _unmapped(mapping, TAG_HEADERS)
    if said is None:
        return []
    named = {cell: tagged_kind(cell) for cell in frame[said].dropna().unique()}
    found = frame[said].map(named).where(out["kind"].eq("contact") & counted_rows)
    if found.isna().all():
        return []
    out["kind"] = out["kind"].where(found.isna(), found)
    listed = ", ".join(f"{counted(n, k)}" for k, n in found.value_counts().items())
    count = int(found.notna().sum())
    return [f"{counted(count, 'row')} tagged with what happened in '{said}' "
            f"{was(count)} read as such: {listed}."]


# The stages a client list's tag may say (a CRM's or a mailing list's "Customer", "Lead",
# "Purchased: Pottery Course"); not advocacy: a "Referral" tag may say how they came.
_TAGGED_STAGES = ("awareness", "consideration", "purchase", "retention")
# Between the tags of a cell: commas, semicolons, bars, Google Contacts' ":::".
_TAG_SEPARATORS = r"[,;|]|:::"
# The tags that say who a person is to the business, not what a conversation or a visit
# was about: an Intercom conversation tagged "onboarding" or "trial" places no one.
_STANDING_TAGS = frozenset(normalise_value(word) for word in (
    "lead", "prospect", "cold lead", "hot lead", "qualified lead", "customer", "client",
    "buyer", "purchased", "past customer", "repeat customer", "subscriber"))


def _standing_tag(said: str) -> str | None:
    """A tag's word for who a person is, a group's plural read as one of it (a contact
    book's label "Clients", "Leads": Google's, Outlook's, Wix's); None for other tags."""
    key = normalise_value(said)
    for word in (key, key[:-1] if key.endswith("s") else key):
        if word in _STANDING_TAGS:
            return word
    return None


def _tag_stage(cell: object) -> str | None:
    """The furthest stage a cell of tags names, one tag (or its head before a colon) at a
    time: "Customer, VIP" -> purchase; Google Contacts' labels "* myContacts ::: Clients"
    -> purchase; None when no tag is a stage's word."""
    found = None
    for tag in re.split(_TAG_SEPARATORS, str(cell)):
        for said in (tag, tag.split(":")[0]):
            word = _standing_tag(said)
            if word is None:
                continue
            stage = STAGE_ALIASES.get(word)
            if stage in _TAGGED_STAGES and (found is None or RANK[stage] > RANK[found]):
                found = stage
    return found


def _stage_tags(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with no stage column, a column of tags that names a stage (Agile
    CRM's "Customer", Kit's "Purchased: ...") says each tagged client's stage. Returns a
    note."""
    said = _unmapped(mapping, TAG_HEADERS)
    if said is None or "stage" in columns_for:
        return []
    named = {cell: _tag_stage(cell) for cell in frame[said].dropna().unique()}
    found = frame[said].map(named).astype(object)
    if "stage" in out:
        found = found.where(out["stage"].isna())
    if found.isna().all():
        return []
    out["stage"] = found if "stage" not in out else out["stage"].where(found.isna(), found)
    listed = ", ".join(f"{n:,} at {stage}" for stage, n in found.value_counts().items())
    count = _clients_counted(out, found.notna())
    return [f"{counted(count, 'client')} tagged with a stage in '{said}' {was(count)} read "
            f"so: {listed}."]


def _churned_tags(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                  columns_for: dict[str, list[str]], names: list[str]) -> list[str]:
    """On a client list with no status column, a tag or category naming a client who has
    left (YCLIENTS' "Потерянный клиент", "Former client", "Inactive") marks that client
    churned; the others' stored status stays (``_status_lift``). Not on a list of leads or
    subscribers (``_list_of_payers``: a newsletter's "Inactive" reader bought nothing); a
    bare word ("Inactive", "Left") only where the list is of payers, one naming a client
    ("Former client", "Ex cliente") also where nothing says who the list is of. A category
    read as the client's type ("Category": "Lapsed", "Kategorie": "Ehemaliger Kunde") says
    so too. Returns a note."""
    said = _unmapped(mapping, TAG_HEADERS) or next(
        (h for h, target in mapping.items() if target == "client_type"
         and _CATEGORY_HEADER.match(normalise_header(h))), None)
    if said is None or "status" in columns_for or "status" in out:
        return []
    payers, _ = _list_of_payers(frame, mapping, columns_for, names)
    if payers is False:
        return []

    def churned(cell: object) -> bool:     # (a group's plural too: "Former clients")
        return any((OUTCOME_OF.get(key) == "churned" or key.endswith("s")
                    and OUTCOME_OF.get(key[:-1]) == "churned")
                   and (payers or _names_a_client(tag))
                   for tag in re.split(_TAG_SEPARATORS, str(cell))
                   for key in [normalise_value(tag)])

    named = {cell: churned(cell) for cell in frame[said].dropna().unique()}
    left = frame[said].map(named).eq(True)
    if not left.any():
        return []
    out["status"] = pd.Series("churned", index=out.index, dtype=object).where(left)
    out["_status_lift"] = True
    count = _clients_counted(out, left)
    return [f"{counted(count, 'client')} whose '{said}' says they have left "
            f"({listed(sorted(frame.loc[left, said].astype(str).unique()))}) "
            f"{was(count)} read as churned."]


# A client list's category, read as the client's type ("Category", "Kategorie", "Categoría"),
# compared as headers are.
_CATEGORY_HEADER = re.compile(r"^(?:client|customer|kunden)?(?:category|categories|kategorie|"
                              r"categoria|categorie)$")


def _names_a_client(text: str) -> bool:
    """Whether a tag names a paying client (``_PAYING_WORDS``, singular or plural: "Former
    client", "Ex cliente", "Ehemaliger Kunde"), not only a state ("Inactive")."""
    return any(word in _PAYING_WORDS or (len(word) >= 5 and any(
        paying.startswith(word) for paying in _PAYING_WORDS))
        for word in re.findall(r"\w+", without_accents(text.lower())))


def _reviews_saying_nothing(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Rows read as reviews by the sheet (its name, its profile) with no stars and no
    words (no amount, note, reason or column kept beside them: a name and a day alone) are
    no reviews: contacts, the person kept. A review in words with no stars is still one,
    and so is a row a kind column says is one. Returns the rows and a note."""
    if "kind" not in rows:
        return rows, []
    said = pd.Series(False, index=rows.index)
    for column in ("amount", "note", "reason", EXTRA):
        if column in rows:
            said |= ~is_blank(rows, column)
    empty = rows["kind"].eq("review") & ~said
    if not empty.any():
        return rows, []
    rows = rows.assign(kind=rows["kind"].where(~empty, "contact"))
    count = int(empty.sum())
    return rows, [f"{counted(count, 'row')} of reviews with no stars and no words "
                  f"{'was read as a contact, not a review' if count == 1 else 'were read as contacts, not reviews'}"
                  "."]


# A column describing what each row was for ("Item", "Product"; a "Description" is the
# note), and a description that says the row is money going back ("Refund - logo design").
_DESCRIBED = re.compile(r"^(?:item|items|product|service|particulars|lineitem|"
                        r"itemdescription|itemname|productname|what)$")
# The word must stand as the row's heading: alone, or before a dash, colon, bracket or
# "of"/"for" ("Refund - logo design", "Refund: deposit", "Refund of deposit"); a note
# that goes on ("Refund policy explained", "Refund requested - declined", "Refunded £20
# for late delivery") says something of a sale, not that the row is money going back.
_REFUND_SAID = r"(?i)^\W*(?:refund(?:ed)?|reembolso|remboursement|r(?:ü|u)ckerstattung|rimborso|" \
               r"terugbetaling)\s*(?:$|[-–—:;/(\[#,.]|(?:of|for|to|re|on|de|du|des|" \
               r"del|para|per|pour|für|fur|van|voor)\s)"
# A note that speaks of a refund not made: none given, or one to come or asked for
# ("Refund - no", "Refund to follow if the topper is missing", "Refund requested").
_NO_REFUND_SAID = r"(?i)^\W*refund(?:ed)?\W*(?:no|none|nil|not|n/?a|declined|denied|refused|" \
                  r"pending|requested|asked|to follow|if|when|maybe|tbc)\b"
# Money a note writes with a currency sign ("Refund: $10 for the squashed box").
_MONEY_IN_NOTE = r"((?:[$£€]\s?\d[\d,]*(?:\.\d{1,2})?)|(?:\d[\d,]*(?:\.\d{1,2})?\s?[€£]))"
_REFUND_STEMS = (b"refund", b"reembolso", b"remboursement", b"ckerstattung", b"rimborso",
                 b"terugbetaling")


def _credit_documents(out: pd.DataFrame, frame: pd.DataFrame,
                      mapping: dict[str, str | None]) -> list[str]:
    """An invoice list whose document type column (``DOCUMENT_TYPE``: a CFDI list's "Tipo
    de comprobante") says a row is a credit note ("Egreso"), written at its positive
    amount as the CFDI writes it: money given back, a refund, not a sale. Returns a note."""
    header = _unmapped(mapping, DOCUMENT_TYPE)
    if header is None:
        return []
    credit = (values.per_distinct(frame[header].astype("string"), normalise_value)
              .isin(CREDIT_DOCUMENTS).reindex(out.index, fill_value=False)
              & out["kind"].eq("purchase") & amounts_of(out).gt(0))
    if not credit.any():
        return []
    out.loc[credit, "kind"] = "refund"
    count = int(credit.sum())
    written = ", ".join(f"'{v}'" for v in frame.loc[credit[credit].index, header].unique()[:2])
    return [f"{counted(count, 'row')} of type {written} in '{header}' (a credit note) "
            f"{was(count)} read as " + ("a refund (money given back), not a sale." if count == 1
                                        else "refunds (money given back), not sales.")]


def _refunds_described(out: pd.DataFrame, frame: pd.DataFrame,
                       mapping: dict[str, str | None]) -> list[str]:
    """On a sheet with no kind column, a purchase (paid, or a sale by the sheet's name)
    whose description begins with "Refund" ("Refund - logo design"; not "Refundable
    deposit") is money going back: a refund, not a sale. But where the sheet names what
    was sold in a column of its own ("Item": "Wedding cake") and only the row's note says
    "Refund for late delivery", the row is that sale, partly refunded: its purchase keeps
    its amount and a refund goes beside it, of the money the note writes with a currency
    sign ("Refund: $10 ...") if it is less, else of no amount (_refunded_orders says so).
    Returns a note."""
    said = _unmapped(mapping, _DESCRIBED)
    texts = [(h, out["note"]) for h in [next((h for h, f in mapping.items() if f == "note"),
                                             None)] if h and "note" in out]
    texts += [(said, frame[said])] if said else []
    bought = out["kind"].eq("purchase")
    if not texts or not bought.any():
        return []
    found = pd.Series(False, index=out.index)
    in_note = pd.Series(False, index=out.index)
    for header, column in texts:
        try:
            cells = pa.array(column, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):        # (numbers among the texts)
            cells = None
        if isinstance(cells, pa.ChunkedArray):
            cells = cells.combine_chunks()
        if cells is None or cells.type != pa.string():
            cells = pa.array(values.parse_text(column)[0].to_numpy(dtype=object), pa.string())
        written = values.written_bytes(cells).lower()   # (no such word: no scan)
        if any(stem in written for stem in _REFUND_STEMS):
            said_here = (pc.fill_null(pc.match_substring_regex(cells, _REFUND_SAID), False
                                      ).to_numpy(zero_copy_only=False)
                         & ~pc.fill_null(pc.match_substring_regex(cells, _NO_REFUND_SAID),
                                         False).to_numpy(zero_copy_only=False))
            found |= said_here
            if header != said:
                in_note |= said_here
    found &= bought
    if not found.any():
        return []
    sold = in_note & found & ~is_blank(frame, said) if said else in_note & False
    if said:
        sold &= ~pc.fill_null(pc.match_substring_regex(pa.array(
            values.parse_text(frame[said])[0].to_numpy(dtype=object), pa.string()),
            _REFUND_SAID), False).to_numpy(zero_copy_only=False)
    found &= ~sold
    if sold.any():
        out["_refunded_order"] = column_or_blank(out, "_refunded_order").where(~sold, "partial")
        written = out.loc[sold, "note"].astype(str).str.extract(_MONEY_IN_NOTE, expand=False)
        back = values.parse_money(written)[0]
        back = back.where(back.abs().lt(amounts_of(out.loc[sold]).abs()))
        given = out["_refund_amount"] if "_refund_amount" in out else pd.Series(
            np.nan, index=out.index)
        out["_refund_amount"] = given.where(~sold, back.abs().reindex(out.index))
        out.loc[sold, "kind"] = "refund"
    if not found.any():
        return []
    out.loc[found, "kind"] = "refund"
    count = int(found.sum())
    return [f"{counted(count, 'row')} whose {' or '.join(repr(h) for h, _ in texts)} begins "
            f"with 'Refund' {was(count)} read as "
            f"{'a refund (money going back)' if count == 1 else 'refunds (money going back)'}"
            ", not a sale."]


# A row's own words that it was not (yet) a sale: a quote, an estimate, money not yet paid
# ("quote - waiting", "not collected yet", "owes £20", "awaiting payment").
_UNPAID_SAID = re.compile(r"(?i)\b(?:quote|quoted|estimate|not (?:yet )?paid|unpaid|"
                          r"awaiting payment|payment due|to be paid|owes|owing|owed|"
                          r"not (?:yet )?collected|not picked up)\b")
# ... and that it was ("paid cash 20/3", "paid by card"), or that a quote was taken up or
# nothing is owed ("as quoted", "estimate accepted", "nothing owed"), which says more.
_PAID_SAID = re.compile(r"(?i)(?<!not )(?<!not yet )(?<!un)\bpaid\b|"
                        r"\b(?:as|per|from) (?:the |our |my |a )?(?:quote|quoted|estimate)\b|"
                        r"\b(?:quote|estimate)d? (?:was )?(?:accepted|agreed|approved|signed|"
                        r"confirmed|ok)\b|\b(?:nothing|no balance|no money|none) (?:is )?"
                        r"(?:owed|owing|due|outstanding)\b|\bowes nothing\b")


def _unpaid_said(out: pd.DataFrame, frame: pd.DataFrame,
                 mapping: dict[str, str | None]) -> list[str]:
    """On a sheet with no kind or status column, a row read as a purchase (by the sheet's
    name, or as a log of work done and priced) whose note or work column says it is a
    quote or not yet paid ("Quote only", "not collected yet", "owes £20"), and nowhere that
    it was paid, is a contact, not a sale. Returns a note."""
    headers = [h for h, f in mapping.items() if f == "note" and h in frame]
    headers += [h for h in (work_column(mapping), _unmapped(mapping, _DESCRIBED))
                if h and h in frame and h not in headers]
    bought = column_or_blank(out, "kind").eq("purchase")
    if not headers or not bought.any():
        return []
    texts = pd.DataFrame({h: frame[h].where(frame[h].map(lambda c: isinstance(c, str)))
                          .fillna("") for h in headers})
    says = texts.apply(lambda column: column.str.contains(_UNPAID_SAID))
    unpaid = bought & says.any(axis=1) & ~texts.apply(
        lambda column: column.str.contains(_PAID_SAID)).any(axis=1)
    if not unpaid.any():
        return []
    out.loc[unpaid, "kind"] = "contact"
    count = int(unpaid.sum())
    where = [h for h in headers if (says[h] & unpaid).any()]
    shown = listed(list(dict.fromkeys(repr(texts.at[i, next(h for h in where if says.at[i, h])])
                                      for i in unpaid[unpaid].index)), 3)
    return [f"{counted(count, 'row')} whose {' or '.join(repr(h) for h in where)} said "
            f"{'it' if count == 1 else 'each'} was a quote or not yet paid ({shown}) "
            f"{was(count)} read as {'a contact' if count == 1 else 'contacts'}, not "
            f"{'a sale' if count == 1 else 'sales'}."]


def _happened_for_amount(out: pd.DataFrame, frame: pd.DataFrame, raw: RawSheet, header: str,
                         bad: pd.Series, notes: list[str]) -> pd.Series:
    """An amount cell holding a word that says what happened instead of a price (a
    hairdresser's "REFUNDED", "no show", "cancelled" typed over it): the row is that (a
    refund, a contact, a cancellation) with no amount, its client kept, and the import
    says so; not a row rejected, nor a sale. Returns the cells still not read."""
    kinds = frame.loc[bad, header].map(
        lambda cell: order_status_kind(cell) if isinstance(cell, str) else None)
    kinds = kinds[kinds.isin(("refund", "cancellation", "contact"))]
    if not len(kinds):
        return bad
    out["_happened"] = kinds.reindex(out.index)     # (its kind, once kinds are given)
    out.loc[kinds.index, "amount"] = None
    words = {"refund": "a refund", "cancellation": "a cancellation", "contact": "a contact"}
    shown = listed([f"row {int(out.at[i, '_row'])}: '{frame.at[i, header]}' as {words[k]}"
                    for i, k in kinds.items()], 3, "; ")
    notes.append(f"{counted(len(kinds), 'amount')} in {column_label(raw, header)} "
                 f"{'was a word' if len(kinds) == 1 else 'were words'} saying what happened, "
                 f"read so, with no amount: {shown}.")
    return bad & ~bad.index.isin(kinds.index)


# Words that make no difference to whom a name names: a company's legal form.
_LEGAL_FORMS = frozenset("ltd limited inc incorporated llc gmbh company corp corporation "
                         "plc srl sarl".split())


def _names_alike(names: pd.Series, events: bool = False) -> list[str]:
    """Names that differ only in case, punctuation, "&" or a legal form ("Acme Ltd", "ACME
    Ltd.", "Acme Limited"), on a sheet whose clients are matched by name: they stay apart
    (they may be two clients), and the import says so; but on an events sheet those that
    are one name loosely (``loose_name_keys``) are one client, as a client already here is
    matched by any of them (save's ``_loose_names_as_one``), and the import says that."""
    distinct = pd.Series(names.dropna().astype(str).unique())
    if len(distinct) < 2:
        return []
    said = []
    if events:
        keys = distinct.map(name_key)
        distinct = distinct[~keys.duplicated()].reset_index(drop=True)    # (one per key)
        loose = pd.Series(loose_name_keys(distinct.map(name_key).tolist()).to_pylist())
        one = loose.duplicated(keep=False)
        groups = distinct[one].groupby(loose[one], sort=False).agg(list).tolist()
        if groups:
            shown = listed([", ".join(f"'{n}'" for n in group) for group in groups], 3, "; ")
            said = [f"{counted(len(groups), 'name')} {'is' if len(groups) == 1 else 'are'} "
                    f"spelled more than one way, differing only in case, accents, "
                    f"punctuation, '&' or a legal form ({shown}): each was read as one "
                    "client, as a client already here is matched by any of its spellings."]
        distinct = distinct[~loose.duplicated()].reset_index(drop=True)
        if len(distinct) < 2:
            return said
    loose = (distinct.str.casefold().str.replace("&", " and ", regex=False)
             .str.replace(r"['’]", "", regex=True).str.replace(r"[^\w\s]", " ", regex=True)
             .str.split()
             .map(lambda words: " ".join(w for w in words if w not in _LEGAL_FORMS)))
    spelled = pd.DataFrame({"name": distinct, "loose": loose, "key": distinct.map(name_key)})
    spelled = spelled.drop_duplicates(["loose", "key"])
    spelled = spelled[spelled["loose"].duplicated(keep=False)]
    groups = spelled.groupby("loose", sort=False)["name"].agg(list).tolist()
    if not groups:
        return said
    shown = listed([", ".join(f"'{n}'" for n in group) for group in groups], 3, "; ")
    return said + [f"{counted(len(groups), 'name')} {'is' if len(groups) == 1 else 'are'} "
                   f"spelled more than one way ({shown}): each spelling was kept as a client "
                   "of its own; give them one spelling and import again if they are one "
                   "client."]


def _clients_counted(out: pd.DataFrame, these: pd.Series) -> int:
    """How many clients ``these`` rows of a client list are: one per client ID or name (a
    client listed twice, or written two ways and joined by ``_one_person_by_contact``, is
    one), and one per row with neither."""
    keys = (out["client_id"] if "client_id" in out else pd.Series(None, index=out.index))
    if "name" in out:
        keys = keys.where(keys.notna(), out["name"])
    keys = keys[these].map(name_key, na_action="ignore")
    return int(keys.nunique() + keys.isna().sum())


# People a client list writes more than one way, joined as one: (who is kept, the other
# ways they are written, the rows joined).
Joined = list[tuple[str, list[str], pd.Index]]


def _one_person_by_contact(rows: pd.DataFrame) -> tuple[pd.DataFrame, Joined]:
    """A client list's rows whose names are one loosely (``loose_name_keys``: case, emoji,
    accents, punctuation: "💪 Sam Green", "sam green") and that give the same phone number
    or e-mail address (its mailbox: ``values.mailbox_keys``) are one person: each takes
    the best-written spelling (``best_written``: "Sam Green"), so the list saves them
    once; the import says so (``_people_joined_said``). Alike names without a shared
    number or address stay apart (``_names_alike``)."""
    named = rows["name"].notna()
    if named.sum() < 2:
        return rows, []
    keys = rows.loc[named, "name"].map(name_key).astype(object)
    loose = pd.Series(loose_name_keys(keys.tolist()).to_pylist(), index=keys.index, dtype=object)
    spellings = keys.groupby(loose).transform("nunique")
    alike = loose[spellings > 1]
    if not len(alike):
        return rows, []
    contacts = []
    if "phone" in rows:
        column = rows.loc[alike.index, "phone"]
        contacts.append(values.phone_keys(column, values.said_country(column)))
    if "email" in rows:
        contacts.append(values.mailbox_keys(rows.loc[alike.index, "email"]))
    written = rows.loc[alike.index, "name"].astype(str)
    rows, joined = rows.copy(), []
    for contact in contacts:
        found = pd.DataFrame({"loose": alike, "contact": contact,
                              "name": written}).dropna(subset=["contact"])
        found = found[found.groupby(["loose", "contact"])["name"].transform("nunique") > 1]
        for _, group in found.groupby(["loose", "contact"], sort=False):
            kept = best_written(group["name"].unique().tolist())
            others = [n for n in group["name"].unique() if n != kept]
            if others:
                rows.loc[group.index, "name"] = kept
                rows = _kept_whole(rows, pd.Series(kept, index=group.index))
                joined.append((kept, others, group.index))
    return rows, joined


def _kept_whole(rows: pd.DataFrame, person: pd.Series) -> pd.DataFrame:
    """Rows read as one person (``person``: one label on each of that person's rows) keep
    what each said, though the list saves one of them (its last): a blank is filled from the
    person's other rows, and money or a count takes the largest any row gives (a second
    sign-up's 0 or blank beside the first's 300 undoes no sale; nothing is counted twice)."""
    rows = rows.copy()
    for column in rows.columns.intersection(list(CLIENT_FIELDS)):
        cells = rows.loc[person.index, column]
        if field_type(column) in (MONEY, COUNT):
            merged = pd.to_numeric(cells, errors="coerce").groupby(person).transform("max")
        else:
            merged = cells.groupby(person).transform(lambda said: said.ffill().bfill())
        rows.loc[person.index, column] = merged.where(merged.notna(), cells)
    return rows


def _one_mailbox_one_client(rows: pd.DataFrame) -> tuple[pd.DataFrame, Joined]:
    """On a client list keyed by e-mail, rows of one name (loosely: ``loose_name_keys``)
    whose addresses reach one mailbox ("ann+shop@x.com" and "ann@x.com":
    ``values.mailbox``) are one client, keyed by the plain address where one is given,
    else the first; the import says so (``_people_joined_said``)."""
    keyed = rows["client_id"].notna() & rows["name"].notna()
    if keyed.sum() < 2:
        return rows, []
    found = pd.DataFrame({"box": values.mailbox_keys(rows.loc[keyed, "email"]),
                          "key": rows.loc[keyed, "client_id"],
                          "loose": loose_name_keys(rows.loc[keyed, "name"].map(name_key)
                                                   .tolist()).to_pylist()},
                         index=rows.index[keyed]).dropna()
    found = found[found.groupby(["box", "loose"])["key"].transform("nunique") > 1]
    if found.empty:
        return rows, []
    plain = found.assign(tagged=found["key"].ne(found["box"])).sort_values("tagged",
                                                                           kind="stable")
    kept = plain.groupby(["box", "loose"])["key"].transform("first").reindex(found.index)
    rows = rows.copy()
    if "email" in rows:     # (the plain address as written is the e-mail, whichever row
        written = rows.loc[found.index, "email"].where(found["key"].eq(kept))   # is last)
        rows.loc[found.index, "email"] = kept.map(written.groupby(kept).first()).fillna(
            rows.loc[found.index, "email"])
    rows.loc[found.index, "client_id"] = kept
    rows = _kept_whole(rows, kept)
    return rows, [(key, [k for k in group.unique() if k != key], group.index)
                  for key, group in found["key"].groupby(kept, sort=False)]


def _people_joined_said(by_name: Joined, by_mailbox: Joined, rows: pd.DataFrame,
                        written: pd.Series) -> list[str]:
    """What the import says of the people joined by their phone number or address
    (``_one_person_by_contact``) and by their mailbox (``_one_mailbox_one_client``): one
    sentence each, and one for a person joined both ways ('Ann Lee' at ann+shop@x.com and
    'ann lee ⭐' at ann@x.com: 'Ann Lee' at ann@x.com, also 'ann lee ⭐' and
    ann+shop@x.com), with each way they were written (``written``: the names before they
    were joined)."""
    both = [(key, boxes, index) for key, boxes, index in by_mailbox
            if written[index].nunique() > 1]
    in_both = pd.Index([]).append([index for *_, index in both]) if both else pd.Index([])
    by_name = [j for j in by_name if not j[2].isin(in_both).any()]
    by_mailbox = [j for j in by_mailbox if not j[2].isin(in_both).any()]
    notes = []
    if by_name:
        notes.append(f"{counted(len(by_name), 'client')} written more than one way with the "
                     f"same phone number or e-mail address {was(len(by_name))} read as one "
                     "person: " + listed([f"'{kept}' (also {', '.join(map(repr, others))})"
                                          for kept, others, _ in by_name], 3, "; ") + ".")
    if by_mailbox:
        notes.append(f"{counted(len(by_mailbox), 'client')} given addresses that reach one "
                     f"mailbox (a \"+tag\" before the \"@\" left out) under one name "
                     f"{was(len(by_mailbox))} read as one person: "
                     + listed([f"'{kept}' (also {', '.join(map(repr, others))})"
                               for kept, others, _ in by_mailbox], 3, "; ") + ".")
    if both:
        said = []
        for key, boxes, index in both:     # (the other addresses, as the keys they gave)
            name = rows.at[index[0], "name"]
            others = [repr(n) for n in dict.fromkeys(written[index]) if n != name] + boxes
            said.append(f"'{name}' at {key} (also {listed(others)})")
        notes.append(f"{counted(len(both), 'client')} written more than one way, with "
                     "addresses that reach one mailbox (a \"+tag\" before the \"@\" left "
                     f"out), {was(len(both))} read as one person: " + listed(said, 3, "; ")
                     + ".")
    return notes


# A reason column whose header says it is the reason a deal was lost ("Lost Reason",
# "Reason for loss", "Closed lost reason"), compared as headers are.
_LOST_REASON = re.compile(r"lost|loss")
# A client list's column of why a lead was lost ("Lost reason", "Reason lost"), which no
# client field holds (compared as headers are).
_CLIENT_LOST_REASON = re.compile(r"^(?:lost|loss|closedlost)reason|^reason(?:for)?(?:lost|loss)")


def _lost_by_reason(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                    columns_for: dict[str, list[str]]) -> list[str]:
    """A deal with a reason it was lost is lost (Odoo archives a lost opportunity and keeps
    its stage, "Qualified", beside its Lost Reason), unless its stage or status says it
    was won or bought; so is a client on a list with a "Lost reason" (its status lost, its
    stage kept). Returns a note."""
    said = columns_for.get("reason", [None])[0]
    reasons = out.get("reason")
    if said is None and "status" in out:
        said = _unmapped(mapping, _CLIENT_LOST_REASON)
        if said is not None:
            reasons = values.parse_text(frame[said])[0]
            reasons = reasons.where(~reasons.map(normalise_value, na_action="ignore")
                                    .isin(["", "na", "none", "no", "nil"]))
    if said is None or not _LOST_REASON.search(normalise_header(said)) or "_outcome" not in out:
        return []
    bought = out["stage"].isin(["purchase", "retention", "advocacy"]) | out["_won"]
    lost = reasons.notna() & ~bought & ~out["_outcome"].eq("lost")
    if "reason" not in columns_for:     # (a client said to be active is, whatever reason
        lost &= ~out["_outcome"].eq("active")   # an old deal was lost for)
    if not lost.any():
        return []
    out["_outcome"] = out["_outcome"].where(~lost, "lost")
    if "status" in out:
        out["status"] = out["status"].where(~lost, "lost")
    count = int(lost.sum())
    return [f"{counted(count, 'row')} with a reason in '{said}' {was(count)} read as lost: "
            "a deal lost keeps the stage it reached."]


# A pipeline's bare amount ("Montant", "Amount" beside a stage column): each deal's sum,
# as a deal's value is (not "Sales" or "Umsatz", a client's revenue).
_PIPELINE_AMOUNT = re.compile(r"^(?:amount|montant|importe|monto|betrag|importo|bedrag|"
                              r"kwota|belopp|beløb|beløp)$")


def _deal_values_won(out: pd.DataFrame, columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with a deal's value (``DEAL_VALUE``: revenue to come; or a bare
    amount beside a stage column, ``_PIPELINE_AMOUNT``) and no column of revenue, the value
    of a client who bought (a stage of purchase or later) is what they brought: their
    current revenue, not potential; a lost deal's is neither. Returns a note."""
    said = columns_for.get("revenue_potential", [None])[0]
    amount = columns_for.get("revenue_current", [None])[0]
    staged = "stage" in columns_for or ("status" in columns_for and "stage" in out
                                        and out["stage"].notna().any())   # (a deal's status)
    if (said is None and amount is not None and staged
            and _PIPELINE_AMOUNT.match(normalise_header(plain_header(amount)))):
        said = amount
        out["revenue_potential"] = out.pop("revenue_current")
        columns_for["revenue_potential"] = columns_for.pop("revenue_current")
    elif (said is None or "revenue_current" in out or "stage" not in out
            or not DEAL_VALUE.search(normalise_header(plain_header(said)))):
        return []
    valued = out["revenue_potential"].notna()
    bought = out["stage"].isin(["purchase", "retention", "advocacy"]) & valued
    lost = out["_outcome"].eq("lost") & valued & ~bought
    if not (bought.any() or lost.any()):
        return []
    out["revenue_current"] = out["revenue_potential"].where(bought)
    out["revenue_potential"] = out["revenue_potential"].where(~bought & ~lost)
    parts = [f"for the {counted(_clients_counted(out, bought), 'client')} who bought, the revenue they "
             "brought"] if bought.any() else []
    parts += [f"for the {int(lost.sum()):,} lost, no revenue to come"] if lost.any() else []
    others = "; for the others, revenue to come" if (valued & ~bought & ~lost).any() else ""
    return [f"'{said}' was read as a deal's value: {'; '.join(parts)}{others}."]


# Words of a header or a sheet's or file's name saying a list is of suppliers, whose
# money is what the business pays them.
_SUPPLIER_WORDS = frozenset("supplier suppliers vendor vendors proveedor proveedores "
                            "fournisseur fournisseurs lieferant lieferanten fornitore fornitori "
                            "fornecedor fornecedores leverancier leveranciers".split())
# Headers of a company's size beside its "Revenue": the company's turnover (a lead list's
# firmographics), not what it spent with the business.
_FIRMOGRAPHICS = frozenset({"employees", "numberofemployees", "noofemployees", "employeecount",
                            "companysize", "headcount", "industry", "foundedyear", "founded"})


def _money_not_spent(headers, mapping: dict[str, str | None], names: list) -> bool:
    """Whether a client list's money is not what its people spent with the business: the
    list is of leads or suppliers (a word of its name or person's header: "leads.csv",
    "Supplier"), or its "Revenue" sits beside a company's size (an "Employees" count)."""
    own = [h for h, f in mapping.items() if f in ("name", "client_id", "company")]
    said = {word for text in (*own, *names)
            for word in re.findall(r"[a-z]+", without_accents(str(text or "").lower()))}
    return bool(said & (_LEAD_WORDS | _SUPPLIER_WORDS)) or any(
        normalise_header(h) in _FIRMOGRAPHICS for h in headers)


def _quoted_considering(out: pd.DataFrame, columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with no columns of steps taken (ticks, dates or parts paid, which
    say more), a client quoted a price (more than 0 in a revenue-to-come column headed
    "Quote" or "Estimate": ``QUOTE_HEADERS``) with no stage further said is considering:
    their stage is consideration. Not a client who spent or bought (more than 0 in the
    revenue or the purchases column: a customer's estimate for the next job). Returns a
    note."""
    said = columns_for.get("revenue_potential", [None])[0]
    if said is None or normalise_header(said) not in QUOTE_HEADERS:
        return []
    bought = pd.Series(False, index=out.index)
    for column in ("revenue_current", "purchases"):
        if column in out:
            bought |= pd.to_numeric(out[column], errors="coerce").gt(0)
    quoted = (pd.to_numeric(out["revenue_potential"], errors="coerce").gt(0) & ~bought
              & out["stage"].map(lambda stage: RANK.get(stage, -1)).lt(RANK["consideration"]))
    if not quoted.any():
        return []
    out["stage"] = out["stage"].where(~quoted, "consideration")
    count = _clients_counted(out, quoted)
    return [f"{counted(count, 'client')} quoted a price in '{said}' {was(count)} read as "
            "considering (consideration), as no column says a further stage."]


def _spenders_bought(out: pd.DataFrame, columns_for: dict[str, list[str]],
                     by_status: bool = True) -> list[str]:
    """On a client list with no stage column, a client whose revenue is above 0 (a "Total
    spend", a "Monthly fee") has bought: their stage is purchase. With a status column
    (``by_status``), only where it says they are or were active (Active, Paused, Ended;
    not a word Journey does not know, such as "Tentative"); with none, the money alone
    says it, and it only lifts a stored client's stage (``save._lifted_stages``). Returns
    a note."""
    said = columns_for.get("revenue_current", [None])[0]
    if said is None:
        return []
    spent = (pd.to_numeric(out["revenue_current"], errors="coerce").gt(0)
             & out["stage"].isna())
    if by_status:
        spent &= out["_outcome"].isin(["active", "churned", "cancelled"])
    if not spent.any():
        return []
    out["stage"] = out["stage"].where(~spent, "purchase")
    count = _clients_counted(out, spent)
    return [f"{counted(count, 'client')} with more than 0 in '{said}' {was(count)} read as "
            f"{'a customer' if count == 1 else 'customers'} (purchase): no column says "
            f"{its(count)} stage."]


# A client list's column of the tier each is on (Beehiiv's "subscription_tier", Skool's
# "Tier"), normalised; a tier that is paid for, beside a free one.
_TIER_HEADERS = frozenset({"tier", "subscriptiontier", "membershiptier", "plantier",
                           "pricingtier", "subscriptiontype", "membershiptype",
                           # a members list's or an app's plan ("Plan": Free, Pro)
                           "plan", "planname", "plantype", "membershipplan",
                           "subscriptionplan", "pricingplan", "membershiplevel",
                           "accounttype", "membership", "subscription",
                           # a trainer's or a studio's pack of sessions ("10 sessions")
                           "pack", "package", "packtype", "packagetype"})
_FREE_TIERS = frozenset({"free", "freetier", "freeplan", "freemember", "freesubscriber"})
# A loyalty programme's points (Smile.io, LoyaltyLion, Square Loyalty), normalised: beside
# them, a tier ("VIP", "Plus") is a level earned by spending, not a plan paid for.
_POINTS_HEADERS = frozenset({"points", "loyaltypoints", "rewardpoints", "rewardspoints",
                             "pointsbalance", "pointsearned", "stamps"})
_PAID_TIERS = frozenset(normalise_value(word) for word in (
    "premium", "paid", "pro", "plus", "founding", "founding member", "supporter", "vip",
    "paid subscriber", "premium member", "paying",
    # a plan's names beside a free one (Free, Starter, Pro, Business)
    "basic", "starter", "standard", "professional", "business", "team", "enterprise",
    "growth", "pro plan", "premium plan", "plus plan", "monthly", "annual", "yearly"))


def _paid_tiers_bought(out: pd.DataFrame, frame: pd.DataFrame,
                       mapping: dict[str, str | None]) -> list[str]:
    """On a client list without a stage column, a tier column of free and paid tiers
    ("free", "premium"): a client on a paid tier pays, their stage is purchase (a free
    one says nothing more); not beside a loyalty programme's points. Returns a note."""
    said = next((h for h, target in mapping.items()
                 if not target and normalise_header(h) in _TIER_HEADERS), None)
    if said is None or any(normalise_header(h) in _POINTS_HEADERS for h in frame.columns):
        return []
    tiers = frame[said].map(normalise_value, na_action="ignore")
    if not (tiers.isin(_FREE_TIERS).any() and tiers.isin(_PAID_TIERS).any()):
        return []
    paying = tiers.isin(_PAID_TIERS) & out["stage"].isna()
    if not paying.any():
        return []
    out["stage"] = out["stage"].where(~paying, "purchase")
    count = _clients_counted(out, paying)
    return [f"{counted(count, 'client')} on a paid tier in '{said}' "
            f"({listed(sorted(set(frame[said][paying].astype(str))))}) {was(count)} read as "
            f"{'a customer' if count == 1 else 'customers'} (purchase)."]


def _trial_tiers_considering(out: pd.DataFrame, frame: pd.DataFrame,
                             mapping: dict[str, str | None]) -> list[str]:
    """On a client list without a stage column, a client on a trial in a tier or pack column
    (``values.TRIAL_WORDS``: a trainer's "Taster", free) who paid nothing has tried, not
    bought: their stage is consideration. Returns a note."""
    said = next((h for h, target in mapping.items()
                 if not target and normalise_header(h) in _TIER_HEADERS), None)
    if said is None:
        return []
    tiers = frame[said].map(normalise_value, na_action="ignore")
    paid = (pd.to_numeric(out["revenue_current"], errors="coerce").gt(0)
            if "revenue_current" in out else pd.Series(False, index=out.index))
    trying = (tiers.isin({normalise_value(word) for word in values.TRIAL_WORDS}) & ~paid
              & out["stage"].map(lambda stage: RANK.get(stage, -1)).lt(RANK["consideration"]))
    if not trying.any():
        return []
    out["stage"] = out["stage"].where(~trying, "consideration")
    count = _clients_counted(out, trying)
    return [f"{counted(count, 'client')} on a trial in '{said}' "
            f"({listed(sorted(set(frame[said][trying].astype(str))))}) with nothing paid "
            f"{was(count)} read as trying, not buying (consideration)."]


# "Inactive" and its kin: on a client list it says only that the person is no longer
# with the business, as "Active" (stages.ACTIVE_WORDS) says only that they are.
_OPEN = frozenset(normalise_value(word) for word in OPEN_WORDS)
_INACTIVE = frozenset(normalise_value(word) for word in (
    "inactive", "inactivo", "inactiva", "inactif", "inaktiv", "inativo", "inativa",
    "inattivo", "inattiva", "inactief"))
# A client's record put away (Practice Better's "Archived"), beside "Active": their status,
# no longer seen (churned), not a stage; a client who bought only where a session shows it.
_ARCHIVED = frozenset(normalise_value(word) for word in (
    "archived", "archiviert", "archivé", "archivado", "archivada", "archiviato",
    "archiviata", "gearchiveerd", "arkiverad", "arkiveret", "arkivert"))
# An unmapped column of the day of each client's last session or visit (Practice Better's
# "Last Session"): filled, the client had one.
_LAST_SESSION = re.compile(r"^(?:last|latest|previous|recent)(?:session|visit|appointment|"
                           r"class|lesson|treatment)(?:date|on)?$")
# Words of a header, a sheet's or a file's name: the list is of people who pay (clients,
# members, patients), or of people who have not bought (leads, subscribers).
_PAYING_WORDS = frozenset(
    "client clients customer customers patient patients member members membership "
    "memberships student students clientes socios membres kunden mitglieder clienti soci "
    "klanten leden клиент клиенты".split())     # (Cyrillic: read by _names_a_client)
_LEAD_WORDS = frozenset(
    "lead leads prospect prospects subscriber subscribers subscribed newsletter mailing "
    "audience enquiry enquiries inquiry inquiries signup signups waitlist prospectos "
    "suscriptores abonnes interessenten iscritti".split())
# An unmapped column counting what each client had: sessions, visits, classes.
_HAD_COUNT = re.compile(r"^(?:no|number|total|num)?(?:of)?(?:attended|completed)?"
                        r"(?:sessions|visits|classes|lessons|treatments|appointments|bookings|"
                        r"jobs|orders|attendances)(?:attended|done|had|booked|count|total|"
                        r"todate)?$|" + PAID_COUNT.pattern)
# (TeamUp's "Attended Sessions", Glofox's "Total Attendances"; a gym member's "Months paid")


# A count of sessions given free or on trial, or of a client's sessions still to come on
# a lead list: no purchases.
_NOT_BOUGHT_COUNT = re.compile(r"trial|free|complimentary|intro|taster|cancel|noshow|missed|"
                               r"remaining|left|upcoming|scheduled")


# A header of a website's analytics beside a count of sessions or visits: those were visits
# to the website (a CRM's "Number of Sessions" beside "Number of Pageviews"), not purchases.
_WEB_ANALYTICS = re.compile(r"pageview|pagesviewed|pageviews|bounce|timeonsite|lastpageseen|"
                            r"firstpageseen|website|webvisit|sitevisit|formsubmission|"
                            r"emailopen|emailclick|utm")


def _web_visits_not_purchases(raw: RawSheet, mapping: dict[str, str | None],
                              chosen: set[str], names: list[str]) -> list[str]:
    """On a client list, a count of sessions or visits (``_HAD_COUNT``) is no count of
    purchases where a header speaks of the website's analytics (``_WEB_ANALYTICS``:
    "Number of Pageviews") or a header or the sheet's or file's name says the list is of
    leads (``_list_of_payers``): those are visits to the website, or of people who have not
    bought. The column is kept as extra (``mapping`` changed in place), nor read as
    purchases later; returns a note."""
    counts = [h for h, f in mapping.items() if h not in chosen and f in ("purchases", None)
              and re.search(r"sessions|visits", normalise_header(h))
              and _HAD_COUNT.match(normalise_header(h))]
    if not counts:
        return []
    web = next((h for h in raw.headers if h not in counts
                and _WEB_ANALYTICS.search(normalise_header(h))), None)
    said = f"'{web}'" if web else ""
    if web is None:
        others = {h: f for h, f in mapping.items() if h not in counts}
        columns_for: dict[str, list[str]] = {}
        for h, f in others.items():
            if f:
                columns_for.setdefault(f, []).append(h)
        payers, said = _list_of_payers(raw.frame.drop(columns=counts), others, columns_for,
                                       names)
        if payers is not False:
            return []
    for header in counts:
        mapping[header] = None
    return [f"{listed([repr(h) for h in counts])} counts visits, not purchases: {said} says "
            "the list is of website visitors or leads; kept as extra"]


def _sessions_as_purchases(raw: RawSheet, mapping: dict[str, str | None], chosen: set[str],
                           names: list[str]) -> list[str]:
    """On a client list, an unmapped count of each client's sessions, visits or classes
    (``_HAD_COUNT``: "Sessions", "Classes attended") is its purchases count (1 a customer,
    2 or more a repeat one), where the list is of paying clients: not where a header or the
    sheet's or file's name says leads, nor a count of free, trial or missed ones
    (``_NOT_BOUGHT_COUNT``); a count of sessions "booked" only where money or a word
    (clients, members) says they pay. ``mapping`` is changed in place; returns a note."""
    if "purchases" in mapping.values():
        return []
    counts = [h for h, f in mapping.items() if f is None and h not in chosen
              and _HAD_COUNT.match(normalise_header(h))
              and not _NOT_BOUGHT_COUNT.search(normalise_header(h))]
    # (what each client came to before what they booked: Glofox's "Total Attendances"
    # beside its "Total Bookings")
    header = min(counts, key=lambda h: "book" in normalise_header(h), default=None)
    if header is None:
        return []
    counts = pd.to_numeric(raw.frame[header].dropna(), errors="coerce")
    if not len(counts) or counts.isna().any() or counts.lt(0).any() or (counts % 1).ne(0).any():
        return []
    others = {h: f for h, f in mapping.items() if h != header}
    columns_for: dict[str, list[str]] = {}
    for h, f in others.items():
        if f:
            columns_for.setdefault(f, []).append(h)
    payers, _ = _list_of_payers(raw.frame, others, columns_for, names)
    if payers is False or (payers is None and "booked" in normalise_header(header)):
        return []
    mapping[header] = "purchases"
    return [f"'{header}' counts each client's sessions: read as their purchases (1 a "
            "customer, 2 or more a repeat one)"]


# A client's status or stage that says the sessions counted were not paid for.
_UNPAID_STANDING = frozenset(normalise_value(w) for w in (
    *values.FREE_WORDS, *values.TRIAL_WORDS, "lead", "prospect"))


def _sessions_not_paid(out: pd.DataFrame, frame: pd.DataFrame,
                       columns_for: dict[str, list[str]]) -> list[str]:
    """A count of sessions read as purchases (``_sessions_as_purchases``) counts none for a
    client who paid nothing where the list says what each paid (TeamUp's free taster:
    "Total Paid" £0.00; nothing in any year's, where it says each year's), or whose status
    or stage says trial or lead (Glofox's "Trial"): those sessions were given, not bought.
    ``out`` is changed in place; returns a note."""
    header = columns_for["purchases"][0]
    named = normalise_header(header)
    if not _HAD_COUNT.match(named) or re.search("order|job", named):
        return []       # (a shop's "Total Orders": its customers' orders, paid or free)
    counted_ = pd.to_numeric(out["purchases"], errors="coerce").fillna(0).gt(0)
    unpaid = pd.Series(False, index=out.index)
    if "revenue_current" in out:
        unpaid |= pd.to_numeric(out["revenue_current"], errors="coerce").eq(0)
        for column in columns_for.get("revenue_current", [])[1:]:   # (another year's spend)
            unpaid &= ~values.read_money(frame[column]).values.reindex(out.index).gt(0)
    for said in ("status", "stage"):
        for column in columns_for.get(said, []):
            unpaid |= values.per_distinct(frame[column], normalise_value).isin(_UNPAID_STANDING)
    unpaid &= counted_
    if not unpaid.any():
        return []
    out.loc[unpaid, "purchases"] = 0
    n = _clients_counted(out, unpaid)
    return [f"{counted(n, 'client')} with sessions in '{header}' but nothing paid, or on "
            f"trial, {was(n)} not read as having bought them."]


def _list_of_payers(frame: pd.DataFrame, mapping: dict[str, str | None],
                    columns_for: dict[str, list[str]], names: list[str]) -> tuple[bool | None, str]:
    """Whether a client list is of people who pay (True), of leads or subscribers (False),
    or cannot tell (None), and what says so: money or a count of purchases or sessions;
    else a word of a header or of ``names`` (its sheet's and file's)."""
    for said in ("revenue_current", "purchases"):
        if said in columns_for:
            return True, f"'{columns_for[said][0]}'"
    for header, target in mapping.items():
        if not target and _HAD_COUNT.match(normalise_header(header)) and (
                pd.to_numeric(frame[header], errors="coerce").gt(0).any()):
            return True, f"'{header}'"
        if not target and _sessions_had(frame, header).any():
            return True, f"'{header}'"
    # Who the list is of: first the headers naming each person or where they stand ("Lead
    # name", "Client", "Member ID", "Lead status"), then the sheet's and file's names, and
    # only then the others, where a paying word ("Membership") says more than a lead word:
    # a client list's "Lead source", "Signup date" or "Newsletter" tick is a detail of each
    # client, every one of whom was once a lead.
    own = [h for h, f in mapping.items() if f in ("name", "client_id", "status", "stage")]
    for texts, first in ((own, _LEAD_WORDS), (names, _LEAD_WORDS),
                         ([h for h in mapping if h not in own], _PAYING_WORDS)):
        said = [(word, text) for text in texts
                for word in re.findall(r"[a-z]+", without_accents(str(text or "").lower()))]
        for words in (first, _LEAD_WORDS if first is _PAYING_WORDS else _PAYING_WORDS):
            found = next((text for word, text in said if word in words), None)
            if found is not None:
                return words is _PAYING_WORDS, f"'{found}'"
    return None, ""


def _sessions_had(frame: pd.DataFrame, header: str) -> pd.Series:
    """The rows whose day of a last session (``_LAST_SESSION``: "Last Session") is given:
    those clients had one. False throughout for any other column."""
    if not _LAST_SESSION.match(normalise_header(header)):
        return pd.Series(False, index=frame.index)
    return values.parse_dates(frame[header])[0].notna()


def _archived_with_sessions(out: pd.DataFrame, frame: pd.DataFrame, header: str,
                            mapping: dict[str, str | None], archived: pd.Series) -> list[str]:
    """Clients whose status says their record was archived (``_ARCHIVED``), beside others
    active, who had a session (a last session's day given: ``_sessions_had``): they bought
    (purchase) and have left (churned), their status, not their stage. An archived record
    with no session may have been a lead's: it waits to be mapped. Returns a note."""
    had = pd.Series(False, index=frame.index)
    for column, target in mapping.items():
        if not target:
            had |= _sessions_had(frame, column)
    left = archived & had
    if not left.any():
        return []
    out.loc[left, "status"] = "churned"
    out.loc[left, "_outcome"] = "churned"
    out.loc[left & out["stage"].isna(), "stage"] = "purchase"
    out["_read_after"] = frame[header].where(left)     # (no longer waiting to be mapped)
    count = _clients_counted(out, left)
    return [f"{counted(count, 'client')} '{header}' calls Archived, with a last session "
            f"given, {was(count)} read as having bought (purchase) and left (churned)."]


def _numbered_stages(unknown: dict[str, int], frame: pd.DataFrame,
                     headers: list[str]) -> list[str]:
    """A stage column of whole numbers alone ("Steg": 1, 2, 3, each deal's step in the
    owner's own pipeline) names no stage Journey can tell: its numbers, among ``unknown``
    (value -> rows), wait for the owner to map them, and the note says why."""
    notes = []
    for header in headers if unknown else []:
        cells = pd.Series(pd.unique(frame[header].dropna()), dtype=object)
        said = {normalise_value(cell) for cell in cells}
        waiting = [value for value in unknown if normalise_value(value) in said]
        if not waiting:
            continue
        steps = pd.to_numeric(cells, errors="coerce")
        if not len(steps) or steps.isna().any() or (steps % 1).ne(0).any():
            continue
        rows = sum(unknown[value] for value in waiting)
        notes.append(f"'{header}' holds numbers ({int(steps.min()):,} to {int(steps.max()):,}), "
                     f"not stage names: no stage was read from them ({counted(rows, 'row')}). Say "
                     f"which stage each number is, for example --stage-map "
                     f"'{waiting[0]}=awareness', and import again.")
    return notes


def _open_deals(column: pd.Series, said: pd.Series, active: pd.Series, inactive: pd.Series,
                stage_map: dict[str, str], payers: bool | None) -> bool:
    """Whether a status column is a deal's outcome: some value says won or lost ("Won",
    "Gewonnen", "Perdu"), none says inactive, and every active one says open
    (``OPEN_WORDS``: "Open", "Offen", "En curso"). There an open deal is still being
    worked: no client the column calls active has bought, and none is read as one. On a
    list of paying clients (``payers``) lost alone says no deal: a shop's customer accounts
    "Open", "Closed" or "Lost" (a customer lost) are its customers'."""
    if inactive.any() or not said[active].isin(_OPEN).all():
        return False
    read = [read_stage_value(cell, stage_map) for cell in pd.unique(column.dropna())]
    return any(value.won for value in read) or (
        not payers and any(value.outcome == "lost" for value in read))


def _active_in_a_pipeline(out: pd.DataFrame, frame: pd.DataFrame, header: str,
                          columns_for: dict[str, list[str]], active: pd.Series,
                          stage_map: dict[str, str]) -> list[str]:
    """A stage column whose other values name steps before buying ("Lead", "Trial") and
    whose word of being active is no open deal's ("Subscribed", "Active"; not "Open"): the
    active ones are the pipeline's customers (purchase), where no stage says more. ``out``
    is changed in place; returns a note."""
    if header not in columns_for.get("stage", []):
        return []
    live = active & ~values.per_distinct(frame[header], normalise_value).isin(_OPEN)
    earlier = [cell for cell in frame.loc[~active, header].dropna().unique()
               if read_stage_value(cell, stage_map).stage in ("awareness", "consideration")]
    lifted = live & out["stage"].isna()
    if not lifted.any() or not earlier:
        return []
    out.loc[lifted, "stage"] = "purchase"
    count = _clients_counted(out, lifted)
    words = listed([repr(cell) for cell in pd.unique(frame.loc[lifted, header])])
    return [f"{counted(count, 'client')} at {words} in '{header}', the step after "
            f"({listed([repr(cell) for cell in earlier])}), {was(count)} read as "
            f"{'a customer' if count == 1 else 'customers'} (purchase)."]


def _active_or_inactive(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                        columns_for: dict[str, list[str]], names: list[str],
                        stage_map: dict[str, str]) -> list[str]:
    """A client list's "Active" or "Inactive" (a status, or a stage column saying only that)
    is read one way for the whole list. On a list of paying clients (``_list_of_payers``)
    both say the person was a client: those no stage places are at purchase, and Inactive
    marks where they left (churned). On a list of leads or subscribers, or one that does not
    say, neither says anything of buying: Inactive is not read as a churned customer. Values
    a person mapped (``stage_map``) are theirs. Returns a note."""
    header = next((columns_for[f][0] for f in ("status", "stage") if f in columns_for), None)
    if header is None:
        return []
    said = values.per_distinct(frame[header], normalise_value)
    active, inactive = said.isin(ACTIVE_OF), said.isin(_INACTIVE)
    mapped = values.isin(said, set(stage_map))
    active, inactive = active & ~mapped, inactive & ~mapped
    archived = said.isin(_ARCHIVED) & ~mapped
    notes = (_archived_with_sessions(out, frame, header, mapping, archived)
             if archived.any() and active.any() else [])
    if not (active | inactive).any():
        return notes
    bought = _active_in_a_pipeline(out, frame, header, columns_for, active, stage_map)
    if bought:
        return notes + bought
    payers, why = _list_of_payers(frame, mapping, columns_for, names)
    if _open_deals(frame[header], said, active, inactive, stage_map, payers):
        count = int(active.sum())
        words = listed([f"'{cell}'" for cell in pd.unique(frame.loc[active, header])])
        return notes + [f"'{header}' says which deals were won or lost: {counted(count, 'row')} "
                f"saying a deal is still open ({words}) {was(count)} read as "
                f"{'a deal' if count == 1 else 'deals'} being worked, not as "
                f"{'a customer' if count == 1 else 'customers'}."]
    if payers:
        money = (pd.to_numeric(out["revenue_current"], errors="coerce")
                 if "revenue_current" in out else pd.Series(np.nan, index=out.index))
        lifted = (active | inactive) & out["stage"].isna() & ~money.eq(0)
        out.loc[lifted, "stage"] = "purchase"
        count, left = _clients_counted(out, lifted), _clients_counted(out, lifted & inactive)
        if not count:
            return notes
        return notes + [f"'{header}' says Active or Inactive on a list of paying clients ({why} "
                f"says so): {counted(count, 'client')} {was(count)} read as "
                f"{'a customer' if count == 1 else 'customers'} (purchase)"
                + (f", and {left:,} Inactive as having left (churned)." if left else ".")]
    undone = inactive & out["_outcome"].eq("churned")
    out.loc[undone, "_outcome"] = None
    out.loc[undone, "status"] = frame.loc[undone, header]
    if payers is False:
        return notes + [f"'{header}' says Active or Inactive on a list of leads or subscribers "
                f"({why} says so): that says nothing about buying, so no one was read as a "
                "customer from it, and Inactive not as a customer who left."]
    # (in the sheet's own words: AWeber's "Subscribed", a box's "Cancelled")
    words = [str(frame.loc[rows, header].dropna().iloc[0]).strip() if rows.any() else None
             for rows in (active, inactive)]
    maps = " ".join(f"--stage-map {shlex.quote(f'{word}={stage}')}"
                    for word, stage in zip(words, ("purchase", "churned")) if word)
    return notes + [f"'{header}' says Active or Inactive"
            + ("" if words == ["Active", "Inactive"] else
               f" ({listed([repr(word) for word in words if word])})")
            + ", but nothing on the sheet says these people "
            "paid (no money, no sessions, no word such as clients or members): no one was "
            f"read as a customer from it. If they are your clients, import again with {maps}."]


def _quotes_considered(out: pd.DataFrame, header: str) -> list[str]:
    """A quote list's rows: every quote puts its client at consideration (a declined or
    expired one is lost there); an accepted one is a job agreed, not yet paid, so no sale:
    the invoice or payment for it is (stages.QUOTE_STATUS). Returns a note."""
    out["stage"] = out["stage"].where(out["stage"].notna() | ~values.isin(out["kind"], 
        ("contact", "lost", "stage_change")), "consideration")
    accepted = int(out["status"].map(normalise_value).isin(QUOTE_ACCEPTED).sum())
    lost = int(out["kind"].eq("lost").sum())
    return [f"'{header}' holds the quotes' statuses: each quote puts its client at "
            f"consideration; {counted(accepted, 'quote')} accepted {'is a job' if accepted == 1 else 'are jobs'} "
            "agreed, not yet paid (the invoice or payment for it is the sale), and "
            f"{counted(lost, 'quote')} declined or expired {was(lost)} read as lost."]


def _ticks(column: pd.Series) -> pd.Series | None:
    """A yes/no column's ticks (True where ticked: Yes, TRUE, ✓, 1; or x in a column of x
    or blank; or a date, when the step was taken, in a column of dates or blank), or None if
    the column is not one of ticks (other words, no tick at all)."""
    cells = column.dropna()
    cells = cells[cells.astype(str).str.strip() != ""]
    if not len(cells):
        return None
    if values.per_distinct(cells, normalise_header).eq("x").all():
        ticked = values.per_distinct(column, normalise_header).eq("x")
    elif _dated(cells):
        ticked = column.index.isin(cells.index)
        ticked = pd.Series(ticked, index=column.index)
    else:
        flags, bad = values.parse_bool(column)
        if bad.any():
            return None
        ticked = flags.eq(True)
    return ticked if ticked.any() else None


def _paid_amounts(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                  columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list, a column headed as a paying step ("Paid", "Paid in full":
    ``PAID_STEPS``) that holds amounts of money, not ticks (a driving instructor's "Paid":
    320, 0, 600), says what each client paid: their revenue (current) where no other
    column gave it or one gave what was billed ("Invoiced": not all of it paid), and a
    client with more than 0 there has bought (purchase). Returns a note."""
    for header, target in mapping.items():
        if target or header not in frame or base_header_key(header) not in PAID_STEPS:
            continue
        money = values.read_money(frame[header])
        paid = money.values
        if money.bad.any() or not paid.gt(1).any() or _ticks(frame[header]) is not None:
            continue
        said = columns_for.get("revenue_current", [None])[0]
        billed = said is not None and re.search(r"invoic|bill", said, re.IGNORECASE)
        if said is None or billed:
            out["revenue_current"] = paid
            columns_for["revenue_current"] = [header]
        lifted = paid.gt(0) & out["stage"].map(lambda s: RANK.get(s, -1)).lt(RANK["purchase"])
        out.loc[lifted, "stage"] = "purchase"
        count = _clients_counted(out, paid.gt(0))
        taxed = f" ({tax_note(header)})" if tax_note(header) else ""
        return [f"'{header}' holds amounts of money{taxed}: "
                + ("" if said and not billed else "each client's revenue (current)"
                   + (f", not '{said}' (what was billed)" if billed else "") + ", and ")
                + f"{counted(count, 'client')} with more than 0 there "
                f"{'has' if count == 1 else 'have'} paid (purchase)."]
    return []


def _revenue_where_paid(out: pd.DataFrame, frame: pd.DataFrame,
                        mapping: dict[str, str | None],
                        columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list whose revenue (current) is a money column ("Fee 24/25"), a yes/no
    column headed as paying ("Paid?": ``PAID_STEPS``) says who has paid it: a client not
    marked paid has paid none of it yet, and its amount is revenue to come (potential)
    where no column gives that. Returns a note."""
    said = columns_for.get("revenue_current", [None])[0]
    if said not in frame or "revenue_potential" in columns_for:
        return []
    paid_by = next((h for h, f in mapping.items() if not f and h in frame
                    and base_header_key(h) in PAID_STEPS and _ticks(frame[h]) is not None),
                   None)
    if paid_by is None:
        return []
    ticked = _ticks(frame[paid_by]).reindex(out.index, fill_value=False).astype(bool)
    revenue = pd.to_numeric(out["revenue_current"], errors="coerce")
    unpaid = ~ticked & revenue.gt(0)
    if not unpaid.any():
        return []
    out["revenue_potential"] = revenue.where(unpaid)
    out["revenue_current"] = revenue.where(~unpaid)
    columns_for["revenue_potential"] = [said]
    count = int(unpaid.sum())
    return [f"{counted(count, 'client')} not marked paid in '{paid_by}' "
            f"{'has' if count == 1 else 'have'} paid none of '{said}' yet "
            f"({values.amount_text(float(revenue[unpaid].sum()))}): read as revenue to "
            "come (potential), not revenue."]


def _paid_parts(frame: pd.DataFrame, mapping: dict[str, str | None]
                ) -> dict[str, tuple[str, pd.Series]]:
    """Amounts paid in parts, each beside a column saying whether (or when) it was paid
    ("Deposit" and "Deposit paid", "Balance" and "Balance paid"): part's header -> (its
    paid column, the amounts where paid)."""
    by_key = {normalise_header(h): h for h, f in mapping.items() if not f and h in frame}
    parts = {}
    for key, header in by_key.items():
        paid_by = next((by_key[k] for k in (f"{key}paid", f"{key}paidon", f"{key}received",
                                             f"paid{key}") if k in by_key), None)
        if paid_by is None:
            continue
        money, ticked = values.read_money(frame[header]), _ticks(frame[paid_by])
        if ticked is None or money.bad.any() or money.values.isna().all():
            continue
        parts[header] = (paid_by, money.values.where(ticked))
    return parts


def _rest_paid_amounts(frame: pd.DataFrame, mapping: dict[str, str | None]
                       ) -> dict[str, tuple[str, pd.Series]]:
    """A column of the rest of a total paid, as money ("Balance paid" 1500 beside "Deposit"
    and "Deposit paid", with no "Balance" of its own: ``REST_OF_TOTAL``): a part paid, its
    amount where filled (as ``_paid_parts`` gives them: header -> (itself, amounts))."""
    by_key = {normalise_header(h): h for h, f in mapping.items() if not f and h in frame}
    parts = {}
    for rest in sorted(REST_OF_TOTAL):
        header = next((by_key[f"{rest}{paid}"] for paid in ("paid", "received")
                       if f"{rest}{paid}" in by_key and rest not in by_key), None)
        if header is None:
            continue
        money = values.read_money(frame[header])
        if not money.bad.any() and money.values.gt(1).any():
            parts[header] = (header, money.values.where(money.values.gt(0)))
    return parts


def _deposits_taken(frame: pd.DataFrame, mapping: dict[str, str | None]
                    ) -> dict[str, tuple[str, pd.Series]]:
    """A "Deposit" column of money no column says was paid or not: each deposit written
    was taken (as ``_paid_parts`` gives them: header -> (itself, amounts))."""
    header = next((h for h, f in mapping.items() if not f and h in frame
                   and normalise_header(h) in ("deposit", "depositamount")), None)
    if header is None:
        return {}
    money = values.read_money(frame[header])
    if money.bad.any() or not money.values.gt(0).any():
        return {}
    return {header: (header, money.values.where(money.values.gt(0)))}


def _booked_parts_paid(rows: pd.DataFrame, frame: pd.DataFrame,
                       mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """On a log of bookings or jobs, amounts paid in parts beside columns saying whether
    each was paid (``_paid_parts``: a caterer's "Deposit paid" and "Balance paid" ticks):
    a row with any part paid is a purchase of what was paid (not its whole price); one
    with none paid yet a contact at consideration (agreed, not paid). Rows that say they
    were refunded or cancelled keep that. Returns the rows and a note."""
    parts, rest = _paid_parts(frame, mapping), _rest_paid_amounts(frame, mapping)
    if not parts and rest:      # a deposit written with no column saying if it was paid,
        parts = _deposits_taken(frame, mapping)     # beside the balance paid: taken
    if not parts or "kind" not in rows:
        return rows, []
    parts |= rest
    paid = pd.DataFrame({h: v for h, (_, v) in parts.items()}).sum(
        axis=1, min_count=1).reindex(rows.index)
    open_rows = rows["kind"].isin(["purchase", "contact"]) | rows["kind"].isna()
    bought, waiting = open_rows & paid.gt(0), open_rows & ~paid.gt(0)
    rows = rows.copy()
    rows.loc[bought, "kind"] = "purchase"
    rows.loc[bought, "amount"] = paid[bought].round(2)
    rows.loc[waiting, "kind"] = "contact"
    rows["stage"] = rows["stage"] if "stage" in rows else None
    rows.loc[waiting & rows["stage"].isna(), "stage"] = "consideration"
    pairs = " and ".join(f"'{h}' where '{by}' says so" if by != h else f"'{h}'"
                         for h, (by, _) in parts.items())
    unpaid = int(waiting.sum())
    return rows, [f"Each row's sale is what was paid of {pairs} "
                  f"({counted(int(bought.sum()), 'purchase')} of "
                  f"{values.amount_text(float(paid[bought].sum()))})"
                  + (f"; {counted(unpaid, 'row')} with nothing paid yet "
                     f"{'was read as a contact' if unpaid == 1 else 'were read as contacts'}"
                     " at consideration, not sales." if unpaid else ".")]


def _parts_paid(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with no revenue column, amounts paid in parts, each beside a column
    saying whether (or when) it was paid (a florist's "Deposit" and "Deposit paid", "Balance"
    and "Balance paid"): each client's revenue (current) is the sum of the parts paid; a
    part not yet paid is no revenue. Returns a note."""
    if "revenue_current" in columns_for:
        return _rest_of_total_paid(out, frame, mapping, columns_for)
    parts = _paid_parts(frame, mapping)
    if not parts:
        return []
    out["revenue_current"] = pd.DataFrame({h: v for h, (_, v) in parts.items()}).sum(
        axis=1, min_count=1)
    columns_for["revenue_current"] = list(parts)
    pairs = " and ".join(f"'{h}' where '{paid_by}' says so" for h, (paid_by, _) in parts.items())
    return [f"Each client's revenue (current) is what was paid of {pairs}; a part not yet "
            "paid is no revenue."]


def _rest_of_total_paid(out: pd.DataFrame, frame: pd.DataFrame,
                        mapping: dict[str, str | None],
                        columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list whose revenue (current) is a total, a deposit beside a column saying
    whether (or when) it was paid, and a column saying the same of the rest ("Balance
    paid") with no amount of its own (a wedding venue's "Total", "Deposit", "Deposit paid",
    "Balance paid"): each client's revenue is what was paid, the deposit and the total less
    the deposit where each says so; what is not yet paid is revenue to come (potential),
    where no column gives that. Returns a note."""
    total = columns_for["revenue_current"]
    parts = _paid_parts(frame, mapping)
    if len(total) != 1 or len(parts) != 1 or "revenue_potential" in columns_for:
        return []
    ((deposit, (deposit_paid, deposit_got)),) = parts.items()
    by_key = {normalise_header(h): h for h, f in mapping.items() if not f and h in frame}
    rest_paid = next((by_key[f"{rest}{paid}"] for rest in sorted(REST_OF_TOTAL)
                      for paid in ("paid", "paidon", "received") if f"{rest}{paid}" in by_key
                      and rest not in by_key), None)
    rest_ticked = _ticks(frame[rest_paid]) if rest_paid else None
    if rest_ticked is None:
        return []
    whole = pd.to_numeric(out["revenue_current"], errors="coerce")
    rest = (whole - values.read_money(frame[deposit]).values.reindex(out.index)).clip(lower=0)
    paid = pd.concat([deposit_got.reindex(out.index), rest.where(rest_ticked.reindex(
        out.index, fill_value=False).astype(bool))], axis=1).sum(axis=1, min_count=1)
    owed = (whole - paid.fillna(0)).where(lambda left: left.gt(0))
    out["revenue_current"], out["revenue_potential"] = paid.round(2), owed.round(2)
    columns_for["revenue_potential"] = total
    return [f"Each client's revenue (current) is what was paid of '{total[0]}': "
            f"'{deposit}' where '{deposit_paid}' says so and the rest where '{rest_paid}' "
            f"says so ({values.amount_text(float(paid.sum()))}); the "
            f"{values.amount_text(float(owed.sum()))} not yet paid is revenue to come "
            "(potential)."]


def _dated(cells: pd.Series) -> bool:
    """Whether filled cells are all dates written as dates (date cells or text such as
    "2024-03-01", "4/3/24"; not numbers, which may be counts or serials of anything)."""
    if cells.map(lambda cell: isinstance(cell, (int, float, np.number))).any():
        return False
    found, bad, _ = values.parse_dates(cells)
    return not bad.any() and found.notna().all()


def _ticked_steps(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                  demoted: list[str], notes: list[str]) -> list[str]:
    """On a client list, yes/no columns whose header names a step of the journey
    (``TICK_STEPS``: "Booked call", "Proposal sent", "Paid", "Left review") lift each
    client ticked there to that step's stage, if it is further than the stage said
    otherwise; so do columns of dates under such a header (a pipeline's "Quoted",
    "Booked", "Paid": when each step was taken), one that only looked like a field
    (``demoted``: "Quoted" taken for a quote's amount) too, its note in ``notes`` dropped.
    Tick columns naming no step are kept as extras. Returns a note saying which columns
    were read as what (and which were not)."""
    mapping = {**mapping, **dict.fromkeys(demoted)}
    steps, unnamed = {}, []
    # "Booked" beside a "Paid" column of its own is the step before paying: consideration
    paid_apart = any(base_header_key(h) in PAID_STEPS for h, f in mapping.items() if not f)
    for header, target in mapping.items():
        if target or header not in frame:
            continue
        ticked = _ticks(frame[header])
        if ticked is None:
            continue
        stage = TICK_STEPS.get(normalise_header(header))
        if stage is None:
            unnamed.append(header)
            continue
        if paid_apart and normalise_header(header) == "booked":
            stage = "consideration"
        steps[header] = stage
        lifted = ticked & out["stage"].map(lambda s: RANK.get(s, -1)).lt(RANK[stage])
        out.loc[lifted, "stage"] = stage
    if not steps:
        return []
    notes[:] = [note for note in notes
                if not any(note.startswith(f"Column '{h}' looked like ") for h in steps)]
    read = listed([f"'{h}' as {s}" for h, s in steps.items()], len(steps))
    dated = any(_dated(frame[h].dropna()) for h in steps)
    note = (f"Yes/no {'or date ' if dated else ''}columns read as steps of the journey (a tick "
            f"{'or a date ' if dated else ''}lifts the client): {read}.")
    if unnamed:
        note += (f" {listed([repr(h) for h in unnamed], len(unnamed))} "
                 f"{'names' if len(unnamed) == 1 else 'name'} no step: kept as extra.")
    return [note]


# A header that is a period alone (as normalise_header writes it): a column of a wide
# layout, one per period. A year is "year" when it is the whole header.
# A visit's cell saying it was paid, in a round's column per date ("pd", ✓).
_PAID_MARKS = frozenset(("pd", "pd.", "paid", "✓", "✔", "y", "yes"))


def _price_times_paid(out: pd.DataFrame, paid: pd.Series,
                      columns_for: dict[str, list[str]]) -> str | None:
    """A client list's price of one period or visit beside how many of them each client
    paid for (a window cleaner's round: each date's visit marked paid, ``_visits_paid``; a
    gym's members: "Months paid", ``_periods_paid``): where the revenue column is the price
    of one (``PRICE_EACH``: "Price", "Fee", "Monthly fee"; not "Total paid"), each client's
    revenue (current) is that price times the number paid; a client whose number is blank
    keeps the price. ``out`` is changed in place; returns the price's header, or None where
    the revenue column is no price of one."""
    said = columns_for.get("revenue_current", [None])[0]
    if said is None or not PRICE_EACH.match(normalise_header(said)):
        return None
    price = pd.to_numeric(out["revenue_current"], errors="coerce")
    paid = paid.reindex(out.index)
    out["revenue_current"] = (price * paid).where(paid.notna(), price).round(2)
    return said


def _periods_paid(out: pd.DataFrame, columns_for: dict[str, list[str]]) -> list[str]:
    """A count of the periods or visits each client paid for, read as their purchases
    (``PAID_COUNT``: a gym's "Months paid"), beside the price of one (``_price_times_paid``:
    "Fee"): each client's revenue (current) is the price times the count. A count of
    sessions had, used or left ("Visits", "Sessions left") says nothing paid: not read so.
    Returns a note."""
    header = columns_for["purchases"][0]
    if not PAID_COUNT.match(normalise_header(header)):
        return []
    paid = pd.to_numeric(out["purchases"], errors="coerce")
    if paid.lt(0).any() or (paid.dropna() % 1).ne(0).any():
        return []
    said = _price_times_paid(out, paid, columns_for)
    if said is None:
        return []
    revenue = pd.to_numeric(out["revenue_current"], errors="coerce")
    n = _clients_counted(out, paid.gt(1) & revenue.gt(0))
    if not n:
        return []
    return [f"'{said}' is the price of each of '{header}': each client's revenue (current) "
            f"is '{said}' times '{header}' ({values.amount_text(float(revenue.sum()))} in "
            f"all; {counted(n, 'client')} paid more than one)."]


def _visits_paid(out: pd.DataFrame, frame: pd.DataFrame, periods: list[str],
                 columns_for: dict[str, list[str]], each: str) -> list[str]:
    """A round's client list (a window cleaner's): a price per visit ("Price") and three or
    more columns, one per date, marking each visit paid ("pd", ✓) or not ("owes", "x",
    blank): each client's revenue (current) is the price times the visits marked paid
    (``_price_times_paid``). Returns a note."""
    if len(periods) < 3:
        return []
    marks = {h: frame[h].map(lambda cell: str(cell).strip().casefold(), na_action="ignore")
             for h in periods}
    if any(values.read_money(frame[h]).values.notna().any() for h in periods) or not any(
            m.isin(_PAID_MARKS).any() for m in marks.values()):
        return []
    visits = pd.DataFrame({h: m.isin(_PAID_MARKS) for h, m in marks.items()}).sum(axis=1)
    said = _price_times_paid(out, visits, columns_for)
    if said is None:
        return []
    return [f"Columns '{periods[0]}' to '{periods[-1]}' mark each {each}'s visit paid or "
            f"not ({counted(int(visits.sum()), 'visit')} paid): each client's revenue "
            f"(current) is '{said}' times the visits marked paid."]


def _period_columns(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                    columns_for: dict[str, list[str]]) -> list[str]:
    """A client list with three or more columns that are each a month, a year, a term, a
    quarter, a week or a date ("Jan", "Feb", ...; "2022", "2023"; "Autumn term"; "Q1";
    "04/03/2024": ``period_of``) holding numbers: amounts laid out one column per period,
    which Journey does not read as purchases. Says so, rather than show those clients as
    having bought nothing without a word. Where no total was read (its formulas saved
    without results, or no total column and cells that are money: ``_written_as_money``),
    each client's revenue is the sum of its periods (and one with any, on a list with no
    stage, a customer: ``_spenders_bought``). Returns a note."""
    kinds = {h: period_of(h) for h, field in mapping.items() if field is None}
    counts = pd.Series([k for k in kinds.values() if k], dtype=object).value_counts()
    if not len(counts) or counts.iloc[0] < 3:
        return []
    each = counts.index[0]
    periods = [h for h, k in kinds.items() if k == each]
    amounts = {h: money.values for h in periods
               if (money := values.read_money(frame[h])).values.notna().any()
               and not money.bad.any()}
    numbers = list(amounts)
    if len(numbers) < 3:
        return _visits_paid(out, frame, periods, columns_for, each)
    if each in _MEASURED_EACH and _measured(frame, numbers):
        return [f"Columns '{numbers[0]}' to '{numbers[-1]}' hold a measure taken each {each} "
                "(on each row, numbers that differ a little from one to the next, as a "
                "weight does), not money: kept as extra, not as revenue."]
    columns = f"Columns '{numbers[0]}' to '{numbers[-1]}' hold an amount for each {each}, " \
              f"one column per {each}: Journey reads one row per client"
    advice = ("To see them in the funnel, list each payment on a row of its own (date, client, "
              "amount) and import that.")
    said = columns_for.get("revenue_current", [None])[0]
    if "revenue_current" in out and pd.to_numeric(out["revenue_current"],
                                                  errors="coerce").notna().any() or (
            said is None and not _written_as_money(frame, numbers, each)):
        return [f"{columns} and has not counted them as purchases. {advice}"]
    summed = pd.DataFrame(amounts).sum(axis=1, min_count=1).reindex(out.index)
    out["revenue_current"] = summed
    columns_for["revenue_current"] = [f"{numbers[0]}' to '{numbers[-1]}"]
    return [f"{columns}, so each client's revenue (current) is their sum"
            + (f" ('{said}' holds no amount)" if said else "")
            + f"; they are not counted as purchases of their own (a second {each} paid is "
            f"not seen as repeat business). {advice}"]


_DAYS_IN_A_MONTH = 31
# How far apart a row's measures may be (the largest over the smallest), and one reading
# from the next: a body weight taken each week moves by a few per cent, in small steps; a
# fee is the same each time, or not paid, or moves with the hours billed (96, 108, 102).
_MEASURE_SPREAD, _MEASURE_STEP = 1.15, 1.05
# The periods a measure is taken in: a client's weeks or the days of a weigh-in. Money is
# kept by the calendar's months, quarters, terms and years (a monthly fee sheet).
_MEASURED_EACH = frozenset({"week", "date"})


def _measured(frame: pd.DataFrame, headers: list[str]) -> bool:
    """Whether columns one per period hold measures, not money (a trainer's "Week 1",
    "Week 2": 82.5, 81.9, 81.2): no cell written with a currency, and on every row with
    two or more, all different, within ``_MEASURE_SPREAD`` of each other and each within
    ``_MEASURE_STEP`` of the one before, on two rows or more. A fee repeats (40, 40, 40),
    is left blank when not paid, or moves by more (960, 1080, 1020)."""
    cells = frame[headers]
    numbers = cells.apply(pd.to_numeric, errors="coerce")
    if (cells.notna() & numbers.isna()).any().any():
        return False                  # "£40", "40 paid": written as money (or words)
    rows = [row.dropna() for _, row in numbers.iterrows()]
    rows = [row for row in rows if len(row) >= 2]
    return len(rows) >= 2 and all(
        row.nunique() == len(row) and row.min() > 0
        and row.max() <= row.min() * _MEASURE_SPREAD
        and all(max(a, b) <= min(a, b) * _MEASURE_STEP for a, b in zip(row, row.iloc[1:]))
        for row in rows)


def _written_as_money(frame: pd.DataFrame, headers: list[str], each: str) -> bool:
    """Whether the cells of columns one per period (``each``: month, year, term, ...) are
    money, not counts: pennies, a currency beside the number ("£100"), or, a period shorter
    than a year, a number above a month's days (visits, sessions or days a month are whole
    numbers up to 31: "2, 3, 1" is no revenue; "240" is; a year's orders may be 40)."""
    cells = pd.concat([frame[h] for h in headers]).dropna()
    numbers = pd.to_numeric(cells, errors="coerce")
    return bool(numbers.mod(1).gt(0).any() or numbers[cells.map(type).eq(str)].isna().any()
                or each != "year" and numbers.gt(_DAYS_IN_A_MONTH).any())


def _demoted_money(out: pd.DataFrame, frame: pd.DataFrame, demoted: list[str],
                   columns_for: dict[str, list[str]], notes: list[str]) -> None:
    """An events sheet with no amount, one of whose columns only looked like another field
    and holds amounts of money in every filled cell (Ko-fi's "Received" 5.00, taken for a
    date), has its amounts there; its note says so instead."""
    for header in demoted:
        money = values.read_money(frame[header])
        if money.values.notna().any() and not money.bad.any():
            out["amount"] = money.values
            columns_for["amount"] = [header]
            demoted.remove(header)
            said = f"Column '{header}' looked like "
            notes[:] = [note for note in notes if not note.startswith(said)]
            notes.append(f"Column '{header}' holds amounts of money, and the sheet has no "
                         "other amount: read as each row's amount.")
            return


def _net_plus_tax(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                  columns_for: dict[str, list[str]], notes: list[str]) -> None:
    """An events sheet whose only amount is before tax, with the tax in a column of its own
    and no total (an invoice list's "Amount ex VAT" and "VAT amount", "Subtotal" and "Tax"):
    what was paid is their sum, a blank tax none; with the tax's rate instead ("VAT %": 20),
    the amount and that share of it."""
    found = net_and_tax([h for h, f in mapping.items() if f in (None, "amount")])
    if found is None:
        return
    rate = names_tax_rate(found[1])
    net = values.read_money(frame[found[0]])
    tax, bad = (values.parse_percent if rate else values.parse_money)(frame[found[1]])
    if net.bad.any() or bad.any() or net.values.isna().all():
        return
    out["amount"] = ((net.values * (1 + tax.fillna(0))).round(2) if rate
                     else net.values + tax.fillna(0))
    columns_for["amount"] = [found[0]]
    notes.append(f"'{found[0]}' is before tax and '{found[1]}' the tax"
                 + (" rate" if rate else "") + ", with no total beside them: each row's "
                 + ("amount is the one with that rate of tax added" if rate else
                    "amount is their sum") + ", what was paid.")


def _looked_like(header: str, target: str) -> str:
    """What the import says of a column that only looked like a field."""
    reason = REASONS.get(field_type(target), "is not valid").removeprefix("is ")
    return (f"Column '{header}' looked like {FIELD_LABELS.get(target, target).lower()}, but "
            f"most of its values are {reason}, so it was kept as an extra column; map it by "
            "hand if it is.")


_PERSON_FIELDS = ("client_id", "name", "email", "phone", "contact_name")


def _bookers(rows: pd.DataFrame, headers: dict[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """A booking's manifest naming each person on a booking in the client's column ("Guest
    Name" beside a "Booking ID", a row per person): the booking is its first person's (who
    booked it), the others its party, each one's name and e-mail kept in their line's
    extras (under ``headers``, field -> its column); the rows then fold as one booking's
    lines (``_order_lines``). Returns the rows and a note."""
    if "order_id" not in rows or rows["order_id"].isna().all():
        return rows, []
    booking = rows["order_id"]
    party = booking.notna() & booking.duplicated(keep=False)
    if not party.any():
        return rows, []
    rows = rows.copy()
    people = [c for c in _PERSON_FIELDS if c in rows]
    first = rows.index.to_series().groupby(booking).transform("first")
    others = party & (rows.index.to_series() != first)
    rows.loc[others, EXTRA] = [
        json.dumps({**(json.loads(e) if e else {}),
                    **{headers[f]: v for f, v in person.items() if f in headers and pd.notna(v)}},
                   ensure_ascii=False)
        for e, person in zip(rows.loc[others, EXTRA], rows.loc[others, people].to_dict("records"))]
    rows.loc[others, people] = rows.loc[first[others], people].to_numpy()
    bookings = int(booking[party].nunique())
    return rows, [f"'{headers['name']}' names each person on a booking: "
                  f"{counted(int(party.sum()), 'row')} are the people of "
                  f"{counted(bookings, 'booking')}, each booking its first person's (who "
                  "booked it), the others kept in its extras."]


def _order_lines(rows: pd.DataFrame, amount_header: str | None,
                 per_person: bool = False) -> tuple[pd.DataFrame, list[str]]:
    """Rows of one order (the same order ID, kind, client and day) are the lines of one
    order: one event, as an export's profile makes it, so that purchases and refunds count
    orders rather than lines. Its amount is its lines' sum; or, where the orders' lines
    each repeat one amount under a header naming a total (the order's total on every line),
    that amount: said by a few such orders, or by one where each line is a person on the
    booking (``per_person``: a tour's manifest) or whose header names the order's total
    ("Order Total", Square Online's). Each line's own amount stays in its extras,
    under ``amount_header``. Returns the rows and a note."""
    totals = bool(amount_header) and bool(_ORDER_TOTAL.search(normalise_header(amount_header)))
    named_order = bool(amount_header) and bool(
        _NAMED_ORDER_TOTAL.match(normalise_header(amount_header)))
    if "order_id" not in rows or "kind" not in rows or rows["order_id"].isna().all():
        return rows, []
    key = _order_keys(rows, by_kind=True)
    lines = key.notna() & key.duplicated(keep=False)
    if not lines.any():
        return rows, []
    rows = rows.copy()
    repeated = False
    if "amount" in rows:
        amounts = rows.loc[lines, "amount"].groupby(key[lines])
        several = amounts.count() >= 2
        same = (amounts.nunique() == 1) & several
        repeated = (totals and several.sum() >= (1 if per_person or named_order
                                                 else REPEATED_ORDERS)
                    and same.sum() >= REPEATED_SHARE * several.sum())
        if not repeated:
            if amount_header:
                rows.loc[lines, EXTRA] = [
                    json.dumps({**(json.loads(e) if e else {}), amount_header: a},
                               ensure_ascii=False) if pd.notna(a) else e
                    for e, a in zip(rows.loc[lines, EXTRA], rows.loc[lines, "amount"])]
            total = rows["amount"].groupby(key).transform("sum")
            known = rows["amount"].notna().groupby(key).transform("any").astype(bool)
            rows.loc[lines, "amount"] = total[lines].where(known[lines])
    # Counted in the sheet's rows and orders: a refunded order's lines were read twice,
    # as its purchase and as its refund (_refunded_orders).
    sheet_rows = rows.loc[lines, "_row"].nunique()
    orders = _count_orders(_order_keys(rows, by_kind=False)[lines])
    folded = fold_lines(rows, key)
    how = (" (every line repeats the order's amount, so it counts once)" if repeated else
           ", its amount the sum of its lines'" if "amount" in rows else "")
    return folded, [f"{counted(sheet_rows, 'row')} are the lines of "
                    f"{counted(orders, 'order')} (the same order ID, client and day): each "
                    f"order is one event{how}, its lines kept in its extras."]


def _consultations(rows: pd.DataFrame, frame: pd.DataFrame,
                   mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """Contacts of a log, nothing paid and not missed, that its column of what each visit was
    (``VISIT_TYPE_HEADERS``: "Type") names a first talk (``CONSULTATION_WORDS``: a free
    "Assessment") are at consideration. Returns the rows and a note."""
    header = next((h for h, f in mapping.items() if not f and h in frame
                   and normalise_header(h) in VISIT_TYPE_HEADERS), None)
    if header is None or "kind" not in rows:
        return rows, []
    talk = values.per_distinct(frame[header].reindex(rows.index), match_key).isin(
        CONSULTATION_WORDS)
    paid = pd.to_numeric(rows["amount"], errors="coerce").gt(0) if "amount" in rows else False
    talk &= rows["kind"].eq("contact") & ~paid & ~_no_shows(frame, mapping).reindex(
        rows.index, fill_value=False)           # (a first talk missed is no talk)
    rows, talk = _at_consideration(rows, talk)
    if not talk.any():
        return rows, []
    count = int(talk.sum())
    said = listed(sorted(map(str, frame[header].reindex(rows.index)[talk].unique())))
    return rows, [f"{counted(count, 'row')} that '{header}' calls {said}, with nothing paid, "
                  f"{'was read as a contact' if count == 1 else 'were read as contacts'} at "
                  "consideration (a first talk), not sales."]


def _quotes_turned_down(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Rows whose status says a quote was turned down ("Quote not accepted":
    ``QUOTE_TURNED_DOWN``), contacts, are at consideration: the client asked for a price.
    Returns the rows and a note."""
    if "status" not in rows or "kind" not in rows:
        return rows, []
    down = (rows["kind"].eq("contact")
            & values.per_distinct(rows["status"], match_key).isin(QUOTE_TURNED_DOWN))
    rows, down = _at_consideration(rows, down)
    if not down.any():
        return rows, []
    count = int(down.sum())
    return rows, [f"{counted(count, 'row')} whose status says a quote was turned down "
                  f"({listed(sorted(map(str, rows['status'][down].unique())))}) "
                  f"{'was read as a contact' if count == 1 else 'were read as contacts'} at "
                  "consideration (a price was asked for), not as sales."]


def _quotes_in_work(rows: pd.DataFrame, frame: pd.DataFrame,
                    mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """Contacts with nothing paid whose column of the work done (``work_column``: "Job",
    "Service") says the row was a quote or an estimate (``QUOTE_WORDS``: "Quote for safe",
    "Devis toiture", "Presupuesto baño") are at consideration: a price was given. A job
    paid is a sale whatever its cell says. Returns the rows and a note."""
    header = next((h for h in (work_column(mapping), _unmapped(mapping, _DESCRIBED))
                   if h and h in frame), None)
    if header is None or "kind" not in rows:
        return rows, []
    cells = frame[header].reindex(rows.index)
    quoted = values.per_distinct(cells, lambda cell: isinstance(cell, str) and bool(
        QUOTE_WORDS & set(re.findall(r"[a-z]+", without_accents(cell.lower()))))).eq(True)
    rows, quoted = _at_consideration(rows, quoted & rows["kind"].eq("contact"))
    if not quoted.any():
        return rows, []
    count = int(quoted.sum())
    said = listed([repr(c) for c in sorted(map(str, cells[quoted].unique()))], 3)
    return rows, [f"{counted(count, 'row')} that '{header}' calls a quote or an estimate "
                  f"({said}), with nothing paid, "
                  f"{'was read as a contact' if count == 1 else 'were read as contacts'} at "
                  f"consideration (a price was given), not {'a sale' if count == 1 else 'sales'}."]


def _at_consideration(rows: pd.DataFrame, marked: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
    """The rows ``marked`` that have no stage of their own put at consideration; returns
    the rows and those it put there."""
    if "stage" in rows:
        marked = marked & rows["stage"].isna()
    if not marked.any():
        return rows, marked
    rows = rows.copy()
    rows["stage"] = rows["stage"] if "stage" in rows else None
    rows.loc[marked, "stage"] = "consideration"
    return rows, marked


# A star rating written by hand ("5*", "4 stars", "★★★★★", "⭐⭐⭐⭐"): a review was left.
_STARS = re.compile(r"^\s*(?:[1-5](?:\.\d)?\s*(?:\*|★|⭐|stars?)|(?:[★⭐]\ufe0f?){1,5}"
                    r"|[1-5]\s*/\s*5)\s*$",
                    re.IGNORECASE)


def _stars_given(cell: str) -> float:
    """The stars a hand-written rating gives: "4*", "4.5 stars", "4/5" -> 4, 4.5, 4;
    "⭐⭐⭐" -> 3."""
    number = re.match(r"\s*([1-5](?:\.\d)?)", cell)
    return float(number[1]) if number else float(len(re.findall("[★⭐]", cell)))


def _reviews_ticked(rows: pd.DataFrame, frame: pd.DataFrame,
                    mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """On a log of bookings or sales, a column left unmapped whose header names a review
    or a testimonial (``TICK_STEPS`` at advocacy: "Review?", "Left review") holding ticks
    or star ratings ("Y", "✓", "5*") says the client of each row so marked left one: that
    row's stage is advocacy (a blank, "N" or ✗ says nothing, nor a rating under 4 stars:
    ``kinds.GOOD_REVIEW``). Returns the rows and a note."""
    for header, target in mapping.items():
        if (target or header not in frame
                or TICK_STEPS.get(normalise_header(header)) != "advocacy"):
            continue
        cells = frame[header].astype(object).where(frame[header].notna(), "").astype(str)
        starred = cells.str.match(_STARS)
        ticked = _ticks(frame[header].where(~starred)) if (~starred).any() else None
        stars = cells[starred].map(_stars_given)
        # (a lone ⭐ on every review is a tick; among ratings, 1 to 3 stars is no praise)
        good = starred if stars.eq(1).all() and not cells[starred].str.contains(
            r"\d").any() else starred & stars.reindex(cells.index).ge(GOOD_REVIEW)
        marked = good | (ticked if ticked is not None else False)
        if ticked is None and (cells.str.strip().ne("") & ~starred).any():
            continue        # words of their own: not ticks nor stars
        marked = marked.reindex(rows.index, fill_value=False).astype(bool)
        if not marked.any():
            continue
        rows = rows.copy()
        rows["stage"] = rows["stage"] if "stage" in rows else None
        rows.loc[marked, "stage"] = "advocacy"
        count, poor = int(marked.sum()), int((starred & ~good).sum())
        return rows, [f"{counted(count, 'row')} marked in '{header}' (a review left) "
                      f"{'lifts its client' if count == 1 else 'lift their clients'} to "
                      "advocacy" + (f"; {counted(poor, 'rating')} under {GOOD_REVIEW} stars "
                                    f"{'lifts' if poor == 1 else 'lift'} no one." if poor
                                    else ".")]
    return rows, []


def _paid_of_each_order(rows: pd.DataFrame, frame: pd.DataFrame, amount_header: str | None,
                        row_numbers: list[int], mapping: dict[str, str | None]
                        ) -> tuple[str, pd.Series] | None:
    """What was paid of each order, at each of its lines, by a paid column other than the
    amount ("Amount Paid", ``_PAID_SO_FAR``), with what a refunded column says went back of
    it (the refund is a row of its own), with its header; None where there is none or it
    holds more than money. Each row's figure is its sheet row's (``row_numbers``: the
    frame's rows'), a refunded order's purchase and refund both. An invoice's own figure
    repeated on every line (MYOB's item
    sales: "Amount Paid" 77 beside lines of 66 and 11) is read once: so it is where every
    order of several lines repeats one paid figure, beside lines of different amounts in
    some; else each line's paid figure is its own, added together (two lines of 10, each
    paid 10, are 20 paid). A "Deposit paid" beside a "Balance paid" of money
    (``_rest_paid_amounts``) is what was paid with it."""
    header = next((h for h in frame.columns if base_header_key(h) in _PAID_SO_FAR
                   and h != amount_header), None)
    if header is None or "amount" not in rows:
        return None
    paid, bad = values.parse_money(frame[header])
    if bad.any():
        return None
    if base_header_key(header) == "depositpaid":
        for _, rest in _rest_paid_amounts(frame, mapping).values():
            paid = paid.add(rest, fill_value=0)
    paid = paid + _given_back(frame)
    paid = rows["_row"].map(pd.Series(paid.to_numpy(), index=row_numbers))
    key = _order_keys(rows, by_kind=True)
    key = key.where(key.notna(), rows.index.to_series().map(lambda i: f"\x1e{i}"))
    several = key.duplicated(keep=False)
    by_order = paid[several].groupby(key[several])
    repeated = (several.any() and bool(by_order.nunique(dropna=False).eq(1).all())
                and bool(amounts_of(rows)[several].groupby(key[several]).nunique().gt(1).any()))
    each = paid.groupby(key).transform("first" if repeated else "sum")
    return header, each.where(paid.groupby(key).transform("count").gt(0))


def _orders_part_paid(rows: pd.DataFrame,
                      paid_by_order: tuple[str, pd.Series] | None) -> list[str]:
    """Sales (an invoice, its lines added together) read by their paid column as an
    invoice list's are (_by_what_was_paid): a part paid a sale of what was paid, nothing
    paid a contact. Returns a note."""
    if paid_by_order is None or "kind" not in rows:
        return []
    header, paid = paid_by_order
    unpaid, part, amounts = _by_what_was_paid(rows, paid.reindex(rows.index))
    notes = []
    if part.any():
        count = int(part.sum())
        notes.append(f"{counted(count, 'sale')} with less paid in '{header}' than {its(count)} "
                     f"amount {was(count)} read as {'a sale' if count == 1 else 'sales'} of "
                     f"what was paid ({rows['amount'][part].sum():,.2f} of "
                     f"{amounts[part].sum():,.2f}).")
    if unpaid.any():
        count = int(unpaid.sum())
        notes.append(f"{counted(count, 'sale')} with nothing paid in '{header}' {was(count)} "
                     f"read as {'a contact' if count == 1 else 'contacts'} instead (awaiting "
                     "payment).")
    return notes


def _paid_in_parts(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Purchases of one order ID and client on different days (a wedding's retainer and
    its balance, an invoice paid in two payments) are payments of one sale: each later one
    takes the first one's day, so that _order_lines makes one sale of them, its amount
    what was paid in all; each payment's own day stays in its extras. Returns the rows and
    a note."""
    if not {"order_id", "kind", "date"} <= set(rows) or rows["order_id"].isna().all():
        return rows, []
    sale = rows["kind"].eq("purchase") & rows["order_id"].notna() & rows["date"].notna()
    who = [c for c in ("client_id", "name", "email") if c in rows]
    if not sale.any() or not who:
        return rows, []
    key = rows["order_id"].astype(str).str.strip().str.casefold()
    for column in who:
        key = key + "\x1f" + rows[column].astype(object).where(rows[column].notna(), ""
                                                               ).astype(str).str.casefold()
    key = key.where(sale)
    day = rows["date"].astype(object).where(sale).astype(str).str[:10]
    first = rows["date"].where(sale).groupby(key).transform("min")
    later = sale & day.ne(first.astype(object).astype(str).str[:10])
    if not later.any():
        return rows, []
    rows = rows.copy()
    rows.loc[later, EXTRA] = [
        json.dumps({**(json.loads(e) if e else {}), "paid on": str(d)[:10]},
                   ensure_ascii=False) for e, d in zip(rows.loc[later, EXTRA],
                                                       rows.loc[later, "date"])]
    rows.loc[later, "date"] = first[later]
    orders = int(key[later].nunique())
    return rows, [f"{counted(int(later.sum()), 'later payment')} of "
                  f"{counted(orders, 'order')} paid in parts (the same order ID and client "
                  f"on a later day) {was(int(later.sum()))} read as part of "
                  f"{'its' if orders == 1 else 'their'} first payment's sale: one sale each, "
                  "its amount what was paid in all."]


def _with_tax(frame: pd.DataFrame, headers: list[str]) -> str | None:
    """Of the money columns mapped to the amount, the one that is another plus the sheet's
    tax column on every row (MemberPress's "total" = "amount" + "tax_amount"), tax being
    more than 0 somewhere: what the client paid, tax included. None when no column is."""
    taxes = [h for h in frame.columns if names_tax(h)]
    if len(taxes) != 1 or len(headers) < 2:
        return None
    tax = values.parse_money(frame[taxes[0]])[0]
    if not tax.fillna(0).ne(0).any():
        return None
    money = {h: values.parse_money(frame[h])[0] for h in headers}
    for total, amount in itertools.permutations(headers, 2):
        known = money[total].notna() & money[amount].notna()
        if known.sum() and ((money[amount] + tax.fillna(0) - money[total]).abs()[known]
                            .lt(0.005).all()):
            return total
    return None


def prepare_sheet(plan: SheetPlan, *, stage_map: dict[str, str] | None = None,
                  day_first: bool | None = True,
                  decided: PreparedSheet | None = None) -> PreparedSheet:
    """Coerce a planned sheet's values; reject rows that cannot be used, saying why.

    ``decided``: the first part of a sheet read in parts, prepared; a later part takes its
    decisions (the order of day and month, the columns kept as extra) rather than its own.
    """
    raw = plan.raw
    if decided is not None:
        day_first = decided.day_first
    frame = raw.frame
    if plan.kind in WORKSHOP_KINDS:          # its importer reads the sheet itself
        return PreparedSheet(plan, pd.DataFrame(index=frame.index), [], {})
    out = pd.DataFrame(index=frame.index)
    bad_cells: list[tuple[pd.Series, str, str]] = []
    notes: list[str] = list(plan.said)
    demoted: list[str] = []
    behind: list[str] = []                   # a company the people's names come before
    columns_for: dict[str, list[str]] = {}
    totals_of: dict[str, pd.Series] = {}     # name or ID -> its cells that say "TOTAL"
    settled = values.sheet_day_first(frame) if decided is None else None
    if settled is not None:     # the sheet's own dates say it, in whichever column
        day_first = settled[0]
    for header, target in plan.mapping.items():
        if target:
            columns_for.setdefault(target, []).append(header)
    for target, headers in list(columns_for.items()):
        # (a person's "Navn" before a "Firma" on a client list; not in a pipeline, whose
        # "Nome" is a deal's, nor on orders, whose "Navn" may be the item's)
        person = (target == "name" and plan.kind == "clients"
                  and "stage" not in columns_for) and any(
            normalise_header(h) in PERSON_NAME_HEADERS for h in headers)
        headers.sort(key=lambda h: (before_tax(h),     # "Total (inc GST)" before "(ex GST)"
                                    person and normalise_header(h) in COMPANY_HEADERS,
                                    match_header(h)[1] if match_header(h)[0] == target else 50,
                                    -header_year(h)))       # "Total 2024" before "Total 2023"
        if (target == "amount" and decided is None and not plan.chosen.intersection(headers)
                and (taxed := _with_tax(frame, headers)) is not None):
            headers.sort(key=lambda h: h != taxed)      # what was paid, tax included
        while True:             # (a column that only looked like the field makes way)
            merged = None
            named = (_full_names if target == "name" else dict)({h: frame[h] for h in headers})
            for column in named.values():
                merged = column if merged is None else merged.where(merged.notna(), column)
            parsed, bad, day_first, money = coerce(target, merged, day_first, stripped=True)
            first = frame[headers[0]]
            if (len(headers) < 2 or decided is not None or headers[0] in plan.chosen
                    or not looks_mismapped(
                        _doubtful(target, bad, first, parsed) & first.notna(), first)):
                break
            notes.append(_looked_like(headers[0], target))
            demoted.append(headers.pop(0))
            columns_for[target] = headers
        if field_type(target) == "date" and decided is None and (
                example := values.unsettled_day_month(merged)):
            order = "day" if day_first else "month"
            notes.append(
                f"Dates in '{headers[0]}' such as {example} read either way: they were read "
                f"{order} first, as '{settled[1]}' on the same sheet shows ({settled[2]})."
                if settled is not None else
                f"Dates in '{headers[0]}' such as {example} read either way, and none "
                f"settles it: they were read {order} first, "
                "as the workspace's setting for dates like 03/04 says; change it "
                "there and import again if that is wrong.")
        if (set(headers) & set(decided.demoted) if decided is not None else
                looks_mismapped(_doubtful(target, bad, merged, parsed), merged)
                and not plan.chosen.intersection(headers)):
            notes.append(_looked_like(headers[0], target))
            demoted += headers
            del columns_for[target]
            continue
        if next(iter(named)) != headers[0]:     # people named before a company: it is kept
            behind.append(headers[0])           # as extra too, not lost behind their names
        if money is not None:       # '$1k', 'KD 12.500', and amounts that read two ways
            notes += money.notes(headers[0], column_label(raw, headers[0]), raw.row_numbers)
        if field_type(target) == "date":          # 9999-12-31 and its kin: "no date"
            parsed, bad, placeholder_notes = values.blank_placeholder_dates(
                headers[0], merged, parsed, bad)
            notes += placeholder_notes
        if target in ("name", "client_id"):     # "Anonymous", "N/A": no one's name
            stand_in, totals_of[target] = stand_ins_and_totals(parsed)
            if stand_in.any():
                parsed = parsed.where(~stand_in, None)
                notes.append(f"{counted(int(stand_in.sum()), 'row')} with "
                             f"'{merged[stand_in].iloc[0]}' for a {target.replace('_', ' ')} "
                             f"(a stand-in, no one's) {was(int(stand_in.sum()))} "
                             "kept without it.")
        elif target == "order_id":               # a report's "Totals" row under its IDs
            totals_of[target] = stand_ins_and_totals(parsed)[1]
        out[target] = parsed
        if bad.any():
            bad_cells.append((bad, target, headers[0]))
    if plan.kind == "events" and all(map(before_tax, columns_for.get("amount", []))):
        _net_plus_tax(out, frame, plan.mapping, columns_for, notes if decided is None else [])
    if plan.kind == "events" and "amount" not in columns_for and decided is None:
        _demoted_money(out, frame, demoted, columns_for, notes)
    for target, constant in plan.set_values.items():
        parsed, bad, day_first, _ = coerce(target, pd.Series([constant] * len(frame),
                                                              index=frame.index, dtype=object),
                                            day_first)
        if bad.any():
            raise ValidationError(f"--set {target}={constant}: '{constant}' "
                                  f"{REASONS.get(field_type(target), 'is not valid')}.")
        out[target] = parsed
    if plan.kind == "events" and "amount" in out:   # a price merged over a client's
        for header in columns_for.get("amount", []):    # sessions: paid once, on the first
            if header in raw.merged_rows:
                out.loc[_same_clients_below(out, raw.merged_rows[header]), "amount"] = None
        notes += _package_paid_once(out, columns_for["amount"][0], frame)
    if "email" in out:         # "Jane Doe (jane@acme.com)": the address, and a name
        out["email"], named = values.split_named_addresses(out["email"])
        if named.notna().any():     # the person's, and the client's where none is given
            if "contact_name" not in columns_for:
                out["contact_name"] = named
            out["name"] = out["name"].where(out["name"].notna(), named) if (
                "name" in out) else named
    if "name" in out and "contact_name" in out:    # no company named: its contact is the
        out["name"] = values.company_else_contact(out["name"], out["contact_name"])  # client
    read_instead = {}
    empty_total = _empty_total_priced_per_unit(out, frame, plan, columns_for)
    if empty_total:         # (the unit price was read for it: the mapping shown says so)
        read_instead = {empty_total: None, columns_for["amount"][0]: "amount"}
    unit_price = _unit_price(plan, columns_for)
    extras = [h for h, t in plan.mapping.items() if not t] + demoted + behind + [
        h for hs in columns_for.values() for h in hs[1:]] + ([unit_price] if unit_price else [])
    out[EXTRA] = extra_json(frame, extras)
    out["_row"] = raw.row_numbers
    line_amount = columns_for.get("amount", [None])[0]
    if unit_price:        # (before the kinds: a line of -1 × 30 is a refund, as -30 is)
        said, line_amount = _lines_priced_per_unit(out, frame, plan.mapping, unit_price,
                                                   empty_total)
        notes += said
    labelled = (_labelled_totals(frame, out) if plan.kind == "events"
                else pd.Series([None] * len(frame), index=frame.index, dtype=object))
    if plan.kind == "events" and plan.recognised_as is None:
        out, said = _continued_orders(out, labelled.notna())
        notes += said
    parent = _unmapped(plan.mapping, _PARENT)
    subtasks = pd.Series(False, index=frame.index)
    if parent and "name" in out and plan.recognised_as is None:
        parents = frame[parent].map(name_key)
        if parents.notna().any() and parents.dropna().isin(out["name"].map(name_key)).mean() > 0.5:
            subtasks = parents.notna()
    if subtasks.any() and plan.kind == "events":
        notes.append(_subtasks_as_contacts(out, frame[parent], subtasks, parent))
    if plan.key_from_email and "email" in out and "client_id" not in out:
        out["client_id"] = out["email"].str.casefold()      # the e-mail is the client
        if plan.kind == "events" and "name" in out:         # but for a couple's address
            out.loc[_shared_addresses(out), "client_id"] = None

    problems = []
    left_empty: list[tuple] = []      # (row, column, value, reason) of a client's cell
    rejected = pd.Series(False, index=frame.index)
    if plan.kind == "clients" and "name" in columns_for:   # "call back after Easter"
        for index in _note_rows(frame, columns_for["name"][0]):
            problems.append(Problem(int(out.at[index, "_row"]),
                                    column_label(raw, columns_for["name"][0]),
                                    frame.at[index, columns_for["name"][0]],
                                    "the row is a note under the client above, not a client"))
            rejected[index] = True
    if subtasks.any() and plan.kind == "clients":       # a task of a client's, no client
        for index in subtasks[subtasks].index:
            problems.append(Problem(int(out.at[index, "_row"]), column_label(raw, parent),
                                    frame.at[index, parent],
                                    "the row is a subtask of another row, not a client"))
        rejected |= subtasks
    for bad, target, header in bad_cells:
        reason = REASONS.get(field_type(target), "is not valid")
        if target in SCORE_RANGES:
            low, high = SCORE_RANGES[target]
            reason = f"is not a score from {low} to {high}"
        if plan.kind == "clients":      # the client is kept, without that cell
            left_empty += [(int(out.at[index, "_row"]), column_label(raw, header),
                            frame.at[index, header], reason) for index in bad[bad].index]
            out.loc[bad, target] = None
            continue
        bad = bad & labelled.isna()              # (a total's row is said to be one)
        if target == "amount" and "kind" not in columns_for:
            bad = _happened_for_amount(out, frame, raw, header, bad, notes)
        for index in bad[bad].index:
            problems.append(Problem(int(out.at[index, "_row"]),
                                    column_label(raw, header), frame.at[index, header],
                                    f"{target.replace('_', ' ')} {reason}"))
        rejected |= bad
    if left_empty:
        left_empty.sort(key=lambda cell: cell[0])
        shown = listed([f"row {row}, {column}: '{value}' {reason}"
                        for row, column, value, reason in left_empty], LEFT_EMPTY_SHOWN, "; ")
        notes.append(f"{counted(len(left_empty), 'cell')} could not be read and "
                     f"{was(len(left_empty))} left empty, "
                     f"{'its client' if len({c[0] for c in left_empty}) == 1 else 'their clients'}"
                     " kept: "
                     f"{shown}.")
    profile = PROFILES.get(plan.recognised_as)
    if profile is not None and (profile.kind != plan.kind or "kind" in plan.set_values
                                or any(plan.mapping.get(h) == "kind" for h in plan.chosen)):
        profile = None          # a person chose another kind, or says what every row is
    if profile is not None and profile.stages:      # the export's own stage ids; yours win
        stage_map = {**profile.stages, **(stage_map or {})}
    quoted = (quote_statuses(raw, plan.mapping, plan.sheet, plan.file or "")
              if profile is None and plan.kind == "events" and "stage" not in columns_for
              else None)
    if quoted:          # a quote's status is its stage: sent or accepted, lost (yours win)
        out["stage"] = out["status"]
        columns_for["stage"] = columns_for["status"]
        stage_map = {**QUOTE_STATUS, **(stage_map or {})}
    unknown = resolve_stages(out, plan.kind, stage_map or {}, booked_hired=not about_appointments(
        raw.headers, plan.sheet, Path(plan.file or "").stem))
    notes += closed_deals_said(unknown, frame,
                               [*columns_for.get("stage", []), *columns_for.get("status", [])])
    notes += _numbered_stages(unknown, frame, columns_for.get("stage", []))
    if profile is None:
        notes += _lost_by_reason(out, frame, plan.mapping, columns_for)
    if (plan.kind == "clients" and "name" in out and ("client_id" not in out
                                                      or plan.key_from_email)):
        written = out["name"].copy()
        out, by_name = _one_person_by_contact(out)  # (before the notes that count clients)
        by_mailbox = []
        if plan.key_from_email and "client_id" in out:
            out, by_mailbox = _one_mailbox_one_client(out)
        notes += _people_joined_said(by_name, by_mailbox, out, written)
    ticked = (_ticked_steps(out, frame, plan.mapping, demoted, notes)        # (ticks, dates
              + _paid_amounts(out, frame, plan.mapping, columns_for)      # or amounts paid)
              + _parts_paid(out, frame, plan.mapping, columns_for)
              + _revenue_where_paid(out, frame, plan.mapping, columns_for)
              if plan.kind == "clients" else [])
    notes += ticked
    priced = (_quoted_considering(out, columns_for)       # (steps taken say more)
              if plan.kind == "clients" and not ticked else [])
    notes += priced
    if plan.kind == "clients":
        notes += _deal_values_won(out, columns_for)
        notes += _period_columns(out, frame, plan.mapping, columns_for)
    unstaged = plan.kind == "clients" and not {"stage", "status"} & (
        set(columns_for) | set(plan.set_values))
    spent = (_spenders_bought(out, columns_for, by_status=False)
             if unstaged and "purchases" not in columns_for     # (a count says who)
             and not _money_not_spent(raw.headers, plan.mapping, [plan.sheet, plan.file])
             else [])
    if unstaged:                                        # (the rest, by their paid tier)
        spent += _paid_tiers_bought(out, frame, plan.mapping)
        spent += _trial_tiers_considering(out, frame, plan.mapping)
    notes += spent
    if unstaged and not ticked and not spent and not priced:
        # No stage or status in the sheet (a phone list): the stored ones stay as they are.
        out = out.drop(columns=["stage", "stage_raw", "status"])
    elif unstaged:
        # Only ticks or money spent say a stage: they lift a stored client's, never lower
        # or blank it (save._lifted_stages); the stored status stays.
        out = out.drop(columns=["stage_raw", "status"]).assign(_stage_lift=True)
    elif plan.kind == "clients" and "stage" not in columns_for:
        notes += _spenders_bought(out, columns_for)
        notes += _paid_tiers_bought(out, frame, plan.mapping)
    if plan.kind == "clients" and "purchases" in columns_for:
        notes += _sessions_not_paid(out, frame, columns_for)
        notes += _periods_paid(out, columns_for)
    if plan.kind == "clients" and "status" in out:
        notes += _active_or_inactive(out, frame, plan.mapping, columns_for,
                                     [plan.sheet, Path(plan.file or "").stem], stage_map or {})
    paid_said = None
    if plan.kind == "clients" and profile is None:
        notes += _stage_tags(out, frame, plan.mapping, columns_for)
        notes += _churned_tags(out, frame, plan.mapping, columns_for,
                               [plan.sheet, Path(plan.file or "").stem])
    if plan.kind == "events" and "kind" not in plan.set_values and not plan.recognised_as:
        notes += _flagged_cancellations(out, frame, plan.mapping)   # (a profile's rules
        paid_said = _paid_flags(out, frame, plan.mapping, raw.merged_rows)  # say what
        paid_at = len(notes)                                           # each row is)
    if plan.kind == "events" and "name" in totals_of:    # "January total" under the names
        totals_of["name"] = totals_of["name"] | _named_subtotals(out)
    totals = labelled.notna()       # a totals row: "TOTAL" for a name or an ID, or labelled
    for found in totals_of.values():
        totals |= found
    if plan.kind == "events" and totals.any():   # (rejected below: no order to count)
        out["kind"] = column_or_blank(out, "kind").where(~totals, "contact")
    if plan.kind == "events":
        parts = _part_rows(frame, raw, out, rejected, problems)
        if parts.any() and "order_id" in out:   # (the order's own row is its one row)
            out["order_id"] = out["order_id"].where(~parts, None)
        rejected |= parts
        said = resolve_kinds(out, plan, frame, raw, columns_for, stage_map, rejected)
        if "_happened" in out:      # (a word in the amount cell: _happened_for_amount)
            out["kind"] = out.pop("_happened").fillna(out["kind"])
        if quoted:
            notes += _quotes_considered(out, quoted)
        if profile is None:     # (a profile's rules say what each row is, and its sentence)
            notes += said
            if "kind" not in plan.set_values and "kind" not in columns_for:
                notes += _booked_and_paid(out, frame, columns_for.get("status", [None])[0],
                                          columns_for.get("amount", [None])[0])
                notes += _amounts_due(out, frame, columns_for.get("status", [None])[0],
                                      columns_for.get("amount", [None])[0])
                notes += _owed_without_status(out, frame, columns_for.get("amount", [None])[0])
            if "kind" not in plan.set_values:
                notes += _tagged_kinds(out, frame, plan.mapping, ~totals)
                if "kind" not in columns_for:
                    notes += _refunds_described(out, frame, plan.mapping)
                    notes += _credit_documents(out, frame, plan.mapping)
                if not {"kind", "status"} & set(columns_for) and _unmapped(
                        plan.mapping, PAID_FLAG) is None:   # (they say what each row is)
                    notes += _unpaid_said(out, frame, plan.mapping)
    if plan.kind == "clients":
        no_key = is_blank(out, "client_id") & is_blank(out, "name")
        where, why = "client ID or name", ("the row has no client ID or name, so it cannot be "
                                           "matched to a client")
        if plan.key_from_email:   # a client without an e-mail is matched by name, if any
            by_name = is_blank(out, "client_id") & ~no_key & ~totals & ~rejected  # (a total: no one)
            if by_name.any():
                notes.append(f"{counted(int(by_name.sum()), 'client')} without an e-mail "
                             "address matched by name instead.")
            or_name = " or name" if "name" in columns_for else ""
            where = column_label(raw, plan.key_from_email) + or_name
            why = (f"the row has no e-mail address{or_name}, and this sheet's clients are "
                   "matched by e-mail")
        if "phone" in out and "client_id" not in columns_for and not plan.key_from_email:
            # (a row of a list kept by name and number that names no one: its number's;
            # on a sheet keyed by ID or e-mail, a row without one is incomplete)
            no_key &= values.phone_keys(out["phone"]).isna()
        for index in no_key[no_key].index:
            problems.append(Problem(int(out.at[index, "_row"]), where, None, why))
        rejected |= no_key
    totals &= ~rejected
    for index in totals[totals].index:
        said = next((h for f in ("name", "client_id", "order_id") for h in columns_for.get(f, [])
                     if f in totals_of and totals_of[f][index]
                     and isinstance(frame.at[index, h], str)), labelled.get(index))
        problems.append(Problem(int(out.at[index, "_row"]),
                                column_label(raw, said) if said else "client ID or name",
                                frame.at[index, said] if said else None,
                                "the row is a total, not an order"
                                if plan.kind == "events" else
                                "the row is a total, not a client"))
    rejected |= totals
    if plan.kind == "events":
        rejected |= _test_rows(frame, raw, out, rejected, problems)
    rejected |= _test_people(frame, raw, out, rejected, columns_for, problems)
    if profile is None and plan.kind == "events":
        rejected |= _nothing_happened(frame, raw, out, rejected, problems, plan.mapping)
        rejected |= _storno_invoices(frame, raw, out, rejected, problems, notes,
                                     columns_for.get("amount", [frame.columns[0]])[0])
    if profile is None:
        rejected |= _own_people_rows(frame, raw, out, rejected, problems)
        rejected |= _supplier_rows(frame, raw, out, rejected, problems)
    rows = out[~rejected]
    if paid_said is not None:      # (said of the rows kept, where the rest were said)
        notes[paid_at:paid_at] = paid_said(~rejected)
    rows, said = free_orders_said(rows, columns_for.get("amount", [""])[0])
    notes += said
    if unknown and rejected.any() and "stage_raw" in out:
        unknown = _still_unknown(unknown, rows["stage_raw"])
    if "_read_after" in rows:
        read = rows["_read_after"].dropna().astype(str).value_counts()
        rows = rows.drop(columns="_read_after")
        unknown = {value: count - int(read.get(value, 0)) for value, count in unknown.items()
                   if count > read.get(value, 0)}
    if profile is None and plan.kind == "events":
        rows, said = _own_money_moved(rows, frame, columns_for.get("kind", []))
        notes += said
        rows, said = _tips_taken_off(rows, frame, columns_for.get("amount", []))
        notes += said
        rows, said = _instalments(rows, frame, plan.mapping)
        notes += said
        rows, said = _referrers_credited(rows, frame, plan.mapping, "kind" in columns_for,
                                         _referral_log(plan.mapping, plan.sheet, plan.file))
        if said and said[0].endswith("not as referrals of their own."):   # (not as the
            notes = [n for n in notes if "were read as referrals, because" not in n   # name
                     and "was read as a referral, because" not in n]           # said)
        notes += said
        rows, said = _closed_on(rows, frame, plan.mapping, day_first)
        notes += said
        rows, said = _money_gone_back(rows, frame, plan.mapping, day_first)
        notes += said
        if "_beside" in rows:
            notes += _refunds_beside_said(rows, frame, plan.mapping)
        if "_cancelled_back" in rows:
            notes += _cancelled_back_said(rows, plan.mapping)
    if profile is None and plan.kind == "clients":
        rows, said = _referrers_counted(rows, frame, plan.mapping)
        notes += said
    if profile is None and "_refunded_order" in rows:
        rows, said = _refunded_orders(rows)
        notes += said
    if profile is None and plan.kind == "events" and any(
            map(names_a_participant, columns_for.get("name", []))):
        rows, said = _bookers(rows, {f: columns_for[f][0] for f in _PERSON_FIELDS
                                     if f in columns_for})
        notes += said
    if profile is None and plan.kind == "events":
        rows, said = _paid_in_parts(rows)
        notes += said
        rows, said = _reviews_ticked(rows, frame, plan.mapping)
        notes += said
        rows, said = _quotes_turned_down(rows)
        notes += said
        rows, said = _consultations(rows, frame, plan.mapping)
        notes += said
        rows, said = _quotes_in_work(rows, frame, plan.mapping)
        notes += said
        rows, said = _booked_parts_paid(rows, frame, plan.mapping)
        notes += said
        paid_by_order = _paid_of_each_order(rows, frame, line_amount, raw.row_numbers,
                                            plan.mapping)
        rows, said = _order_lines(rows, line_amount,
                                  per_person=any(map(names_a_participant, plan.mapping)))
        notes += said
        notes += _orders_part_paid(rows, paid_by_order)
    if profile is not None:
        rows = profile.rules(rows, frame)
        # Stage values the profile decided (won or lost by the export's own ids, such as
        # Bitrix24's "C6:WON"; a stage by the export's own status type, such as Close's
        # active opportunities) are understood, not waiting to be mapped.
        decided = (rows["kind"].isin(["won", "lost"])
                   | (rows["stage"].notna() if "stage" in rows else False)
                   if "stage_raw" in rows and "kind" in rows else None)
        if decided is not None and decided.any():
            known = {str(v) for v in rows.loc[decided, "stage_raw"].dropna().unique()}
            unknown = {k: v for k, v in unknown.items() if k not in known}
            won = rows["kind"].eq("won") & rows["stage"].isna()
            rows.loc[won, "stage"] = "purchase"
    if profile is None and plan.kind == "events":
        rows = _bills_a_job(rows, frame, columns_for)
    if plan.kind == "events" and "satisfaction" in rows:
        rows = _latest_satisfaction(rows)
    if plan.kind == "events" and "kind" not in plan.set_values and "kind" not in columns_for:
        rows, said = _reviews_saying_nothing(rows)
        notes += said
    if "kind" in rows and "amount" in rows:   # a refund's amount is the money gone back,
        refund = rows["kind"].eq("refund")     # however the sheet wrote it: -12 is 12
        if refund.any():
            rows = rows.assign(amount=rows["amount"].where(
                ~refund, amounts_of(rows).abs()))
    currencies, where = (amount_currencies(rows, frame, raw.row_numbers, plan.mapping)
                         if plan.kind in ("events", "clients") else (pd.Series(dtype=int), ""))
    if "name" in rows and "client_id" not in rows and not plan.key_from_email:
        notes += _names_alike(rows["name"], events=plan.kind == "events")
    problems.sort(key=lambda p: p.row)
    return PreparedSheet(plan, rows, problems, unknown, day_first, notes,
                         rejected=int(rejected.sum()), demoted=demoted,
                         currency_rows=currencies.to_dict(), currency_where=where,
                         read_instead=read_instead)
