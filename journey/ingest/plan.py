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
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd
from sqlite_utils import Database

from .. import values
from ..errors import ValidationError
from ..fields import (CLIENT_FIELDS, CLIENT_WORDS, COMPANY_HEADERS, ESTIMATED_VALUE,
                      EVENT_FIELDS, EVENT_ONLY, JOB_NUMBERS, NAMES_NO_CLIENT, PAYEE_HEADERS, PERSON_NAME_HEADERS,
                      PLACES_OF_SALE, SALES_TALLY_HEADERS, SCORE_RANGES, STAFF_NAMES,
                      STAFF_PAY_HEADERS, STAFF_ROLE_HEADERS, SURVEY_NAMES, WHOSE_FIELDS,
                      before_tax, fee_period, field_type, fields_for, header_year,
                      match_header, names_a_fee_of_one, names_a_participant, names_our_fee,
                      names_a_total_before_a_fee, normalise_header, period_of)
from ..journal import Problem, SheetSave
from ..stages import QUOTE_STATUS
from ..text import counted, listed, name_key, was, without_accents
from ..workshop.actions import import_sheet as import_actions
from ..workshop.kpis import import_sheet as import_kpis
from ..workshop.personas import import_sheet as import_personas
from ..workshop.touchpoints import import_function_map, import_sheet as import_touchpoints
from ..workspace import get_setting
from .currency import amount_currencies
from .line_amounts import names_a_unit_price, priced_per_unit, quantity_column
from .profiles import BY_NAME as PROFILES, explain_and_read, profile_mapping, recognise
from .read import DEFAULT_MAX_BYTES, RawSheet, read_tables
from .rules.amounts import (LEFT_EMPTY_SHOWN, demoted_money, doubtful, lines_priced_per_unit,
                            looked_like, net_plus_tax, tips_taken_off, with_tax)
from .rules.client_lists import (active_or_inactive, booked_to_come, last_visits_sold,
                                 money_not_spent, paid_on_a_day, paid_tiers_bought,
                                 prospects_spend, quoted_fees, renewals_paid, spenders_bought,
                                 spenders_lost, steps_taken, ticked_steps,
                                 trial_tiers_considering, trials_in_cells, trials_not_paid)
from .rules.client_money import (balances_owed, counts_priced, fee_times_count, none_bought,
                                 paid_amounts, parts_paid, parts_paid_by_status, period_columns,
                                 periods_paid, revenue_where_paid, trial_fees_paid, years_paid)
from .rules.common import unmapped
from .rules.deals import (PARENT, closed_on, consultations, deal_values_won, lost_by_reason,
                          numbered_stages, pipeline_statuses, quoted_considering, quotes_considered,
                          quotes_in_work, quotes_priced, quotes_turned_down,
                          subtasks_as_contacts)
from .rules.orders import BILLS_A_JOB as BILLS_A_JOB   # imported from here by save
from .rules.orders import (bills_a_job, continued_orders, free_slots, labelled_totals,
                           line_totals, named_subtotals, nothing_happened, order_lines,
                           part_rows)
from .rules.paid import (amounts_due, booked_and_paid, booked_parts_paid, deposits_balance_owed,
                         instalments, names_paid_so_far, orders_part_paid, owed_without_status,
                         package_paid_once, paid_flags, part_paid_beside_type,
                         paid_in_parts, paid_of_each_order, paid_on_despite_status,
                         read_as_paid_after_all, same_clients_below, unpaid_said)
from .rules.payers import sessions_as_purchases, sessions_not_paid, web_visits_not_purchases
from .rules.people import (PERSON_FIELDS, bookers, full_names, names_alike, note_rows,
                           one_mailbox_one_client, one_person_by_contact, one_person_by_phone,
                           own_money_rows_left_out, statement_spending_left_out,
                           own_people_rows, people_joined_said, referral_log, referrers_counted,
                           referrers_credited, shared_addresses, supplier_rows, test_people,
                           test_rows)
from .rules.refunds import (cancelled_back_said, credit_documents, credits_of_unpaid,
                            flagged_cancellations, happened_for_amount, money_gone_back,
                            refunded_orders, refunds_beside_said, refunds_logged, refunds_described,
                            refunds_of_payments, storno_invoices)
from .rules.tags import (churned_tags, latest_satisfaction, reviews_saying_nothing,
                         reviews_ticked, stage_tags, tagged_kinds)
from .understand import (EXTRA, KINDS, PAID_FLAG, REASONS, WORKSHOP_KINDS, Refined,
                         about_appointments, about_invoices, amounts_of, closed_deals_said,
                         coerce, column_label,
                         company_revenue_not_spent,
                         column_or_blank, conversation_ratings, detect_kind, extra_json,
                         free_orders_said, guess_sheet_mapping, headers_key, is_blank,
                         looks_mismapped, MONEY_OUT_NAMES, names_no_one, names_sales, quote_money, quote_statuses,
                         ratings_not_money, returns_statuses, refine_mapping, resolve_kinds, resolve_stages,
                         sheet_kind, skip_guides, stand_ins_and_totals, who_of_the_business,
                         workshop_kind)


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
    read_by_profile: tuple[str, ...] = ()   # columns the profile's rules read, mapped or not

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
    # What a client list's rows say happened (a fee paid on the last visit's day, a step
    # taken on a day): events saved beside the clients, under the same import.
    happened: pd.DataFrame | None = None


def rows_naming_no_client(prepared: PreparedSheet) -> list[int]:
    """The sheet's row numbers of events kept that name no client (no ID, name, e-mail
    address or phone number, and no order that may belong to one), on an events sheet
    whose other rows name clients: kept without a client, so out of the clients and the
    funnel. None on a sheet that names no one at all (its explanation says so)."""
    rows = prepared.rows
    given = set(prepared.plan.mapping.values()) | set(prepared.plan.set_values)
    if prepared.plan.kind != "events" or "_row" not in rows or not WHOSE_FIELDS & given:
        return []
    no_one = names_no_one(rows) & is_blank(rows, "order_id")
    return sorted({int(r) for r in rows.loc[no_one, "_row"].dropna()})


def no_client_note(sheet: str, numbers: list[int], most: int = 10) -> str:
    """'2 rows of 'Bookings' name no client ...', its rows listed (the first ``most``)."""
    shown = ", ".join(map(str, numbers[:most])) + (", ..." if len(numbers) > most else "")
    n = len(numbers)
    return (f"{counted(n, 'row')} of '{sheet}' {'names' if n == 1 else 'name'} no client (no "
            f"ID, name or e-mail address) and {was(n)} left out of the clients and the "
            f"funnel, kept as {'an event' if n == 1 else 'events'} of no one: "
            f"{'row' if n == 1 else 'rows'} {shown}.")


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
        _staff_list(plan, kind)
        _suppliers_listed(plan, kind)
    return plans


def _sheets_named_for_clients(plans: list[SheetPlan]) -> set[str]:
    """The sheets of a workbook kept one per client (a yoga teacher's "Ann Lee", "Bob Ray"
    tabs, each a log of dates and payments with no client column): two or more sheets of
    the same headers, with a date among them and no column of a client's, each named as a
    person is (``_PERSONS_NAME``: "Ann Lee", "Mrs Hall"; a word alone, "Roses" or "Sarah",
    may as well be a product's), not as a period, a working sheet or a place of sale
    ("Farmers Market": ``PLACES_OF_SALE``); where another sheet
    names clients, one of those. Their names."""
    candidates: dict[tuple, list[str]] = {}
    for plan in plans:
        if (plan.kind not in ("reference", "events") or plan.kept_because
                or workshop_kind(plan.raw)
                or "date" not in guess_sheet_mapping(plan.headers, "events").values()):
            continue
        name = " ".join(plan.sheet.split())
        if (not _PERSONS_NAME.fullmatch(name) or NAMES_NO_CLIENT.search(name)
                or PLACES_OF_SALE.search(name)
                or period_of(name)):
            continue
        key = tuple(normalise_header(h) for h in plan.headers)
        candidates.setdefault(key, []).append(plan.sheet)
    if all(len(sheets) < 2 for sheets in candidates.values()):
        return set()                # (the names listed are looked up only where it matters)
    named = _names_listed(plans)
    if named is not None:
        candidates = {key: [s for s in sheets if " ".join(s.split()).casefold() in named]
                      for key, sheets in candidates.items()}
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


def _staff_list(plan: SheetPlan, kind: str) -> None:
    """A list of the business's own people (a car-hire firm's "Name, Role, Hourly rate"):
    a column of each one's job (``STAFF_ROLE_HEADERS``) beside one of their pay
    (``STAFF_PAY_HEADERS``), or either on a sheet or file named for staff (``STAFF_NAMES``),
    with no column of a company (where a role is a client's contact's, at their firm). Its
    people are staff, not clients: kept as reference rows, said so (``kept_because``)."""
    if (plan.kind not in ("clients", "events") or kind != "auto" or plan.recognised_as
            or plan.set_values or plan.chosen):
        return
    headers = {normalise_header(h): h for h in plan.headers}
    role = next((headers[h] for h in headers if h in STAFF_ROLE_HEADERS), None)
    pay = next((headers[h] for h in headers if h in STAFF_PAY_HEADERS), None)
    names = (plan.sheet, Path(plan.file or "").stem)
    named = any(STAFF_NAMES & set(words) and not CLIENT_WORDS & set(words)
                for words in map(_name_words, names))  # (not "learner drivers")
    clients = any(CLIENT_WORDS & set(_name_words(name)) for name in (
        *names, *(h for h, f in plan.mapping.items() if f == "name")))
    if (not (role and pay or named and (role or pay)) or COMPANY_HEADERS & headers.keys()
            or clients and not named):  # (a learner driver's rate, a coaching client's job)
        return
    said = " beside ".join(f"'{h}'" for h in (role, pay) if h)
    plan.kind = "reference"
    plan.kept_because = (
        f"Sheet '{plan.sheet}' lists the business's own people ({said}"
        f"{' and its name says staff' if named else ''}): staff, not clients, kept as "
        "reference rows. If they are clients, import it as 'Clients: one row per client' "
        "under 'Import this sheet as' (--kind clients).")
    plan.explanation = plan.kept_because


def _name_words(name: object) -> list[str]:
    """The words of a name or a header, in lower case without accents."""
    return re.findall(r"[a-z]+", without_accents(str(name or "").lower()))


# A sheet's name saying what the business bought in ("Purchases", "Bills"): beside a
# supplier column (``PAYEE_HEADERS``) its rows are bought from suppliers, not sold.
_BOUGHT_IN_WORDS = frozenset(
    "purchase purchases purchasing bill bills compras achats einkauf einkaufe acquisti "
    "inkoop inkopen aankopen".split())


# A sheet's name saying it lists prices, not sales: "Prices", "Price list", "Tariff".
_PRICE_LIST = re.compile(r"(?i)^\s*(?:our\s+)?(?:prices?(?:\s+(?:list|guide))?|pricelist|"
                         r"pricing|tariffs?|rates?(?:\s+card)?|price\s+menu|treatment\s+"
                         r"menu|services?\s+(?:and|&)\s+prices?)\s*(?:\d{4})?\s*$")


def _fees_per_period(out: pd.DataFrame, frame: pd.DataFrame, bad: pd.Series, target: str,
                     header: str, reasons: dict) -> tuple[pd.Series, dict]:
    """A client list's money cells written with a period ("£35/month", "£300/yr":
    ``values.amount_per_period``): read as the amount where the header says the same
    period ("Monthly fee"), else left empty with the reason said (a yearly fee is not a
    month's). Returns the cells still bad and each one's reason."""
    each = fee_period(header)
    bad = bad.copy()
    for index in bad[bad].index:
        found = values.amount_per_period(frame.at[index, header])
        if found is None:
            continue
        amount, period = found
        if period == each:
            out.at[index, target] = amount
            bad[index] = False
        else:
            reasons[index] = (f"is a fee per {period}, not read as one amount"
                              + (f" of '{header}' (a fee per {each})" if each else ""))
    return bad, reasons


# A place a vendor rents from the business that lists them, as normalise_header writes it:
# a market's or a fair's "Pitch", "Stall", "Booth" (their vendors are its clients).
_RENTED_PLACE = re.compile(r"^(?:pitch|stall|booth|stand|plot)(?:no|number|size|type|fee|"
                           r"rent|price)?$")


def _suppliers_listed(plan: SheetPlan, kind: str) -> None:
    """A sheet that names whom the business pays (a wedding planner's "Supplier":
    ``PAYEE_HEADERS``) and no client, its other columns the suppliers' own (a "Contact"
    e-mail, a "Status" Booked or Paid in full, a "Deposit"), lists suppliers: the money
    in it went out, and none of its rows is a client's purchase. Kept as reference rows,
    said so (``kept_because``); not where the sheet's or file's name says sales."""
    if (plan.kind not in ("clients", "events") or kind != "auto" or plan.set_values.get("kind")
            or plan.recognised_as or {"name", "client_id"} & set(plan.mapping.values())):
        return
    frame = plan.raw.frame
    payee = next((h for h in plan.headers if normalise_header(h) in PAYEE_HEADERS
                  and frame[h].notna().any()), None)
    if payee is None or any(map(names_sales, (plan.sheet, Path(plan.file or "").stem))) or any(
            _RENTED_PLACE.match(normalise_header(h)) for h in plan.headers):
        return      # (a market's vendors renting a "Pitch" pay the business: its clients
    plan.kind = "reference"
    plan.kept_because = (
        f"Sheet '{plan.sheet}' names no client, and '{payee}' names whom the business pays: "
        "its rows are suppliers (their contacts, what was booked and paid to them), not "
        "clients or sales, kept as reference rows. If they are clients, choose 'Clients' "
        "under 'Import this sheet as' (--kind clients).")
    plan.explanation = plan.kept_because


def _no_clients_purchases(plan: SheetPlan, kind: str) -> None:
    """A sheet of money that names no client, which no profile knows and whose rows would be
    sales, holds none where its money went out (a header names whom the business paid,
    ``PAYEE_HEADERS``, or its name says so, ``MONEY_OUT_NAMES``: outgoing payments, bills
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
                  if MONEY_OUT_NAMES & set(re.findall(r"[a-z]+", without_accents(
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
        if profile is None and refunds_logged(raw, guess, filename):
            sheet_kind = "events"          # each row a refund given, whoever is listed once
        if profile is None and quote_statuses(raw, guess, raw.name, filename):
            sheet_kind = "events"          # each row a quote given, whoever it was for
        if profile is None and returns_statuses(raw, guess):
            sheet_kind = "events"          # each row a return: refunded or exchanged
        if sheet_kind != "events" and EVENT_ONLY.intersection(set_values):
            sheet_kind = "events"          # --set kind=won, --set date=...: rows are events
    if remembered and remembered["kind"] == sheet_kind:
        mapping = {h: remembered["mapping"].get(h) for h in raw.headers}
    elif profile is not None:
        mapping = profile_mapping(profile, raw.headers, raw.frame)
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
    if (profile is None and sheet_kind == "events" and not remembered
            and (given_back := refunds_logged(raw, mapping, filename)) and given_back not in chosen):
        mapping[given_back] = "amount"
        refined.said.append(f"'{given_back}' is the only money, on every row: each row a "
                            "refund of it")
    if profile is None and sheet_kind == "events" and quote_statuses(raw, mapping, raw.name,
                                                                     filename):
        mapping = quote_money(raw, mapping, chosen)
    if profile is None and sheet_kind in ("clients", "events"):
        refined.said += who_of_the_business(raw, mapping, chosen)
    if profile is None and sheet_kind == "events":
        refined.said += conversation_ratings(raw, mapping, chosen)
        refined.said += ratings_not_money(raw, mapping, filename, set_values, chosen)
    if profile is None and sheet_kind == "clients":
        refined.said += company_revenue_not_spent(raw, mapping, chosen)
        names = [raw.name, Path(filename or "").stem]
        sessions = sessions_as_purchases(raw, mapping, chosen, names)
        refined.said += web_visits_not_purchases(raw, mapping, chosen, names) or sessions
    allowed = fields_for(sheet_kind) if sheet_kind in ("clients", "events") else set()
    for header, target in mapping.items():
        if target is not None and target not in allowed:
            raise ValidationError(
                f"Column '{header}' of sheet '{raw.name}' cannot be mapped to '{target}' "
                f"on a {sheet_kind} sheet; choose one of: {', '.join(sorted(allowed))}.")
    explanation, read = (explain_and_read(profile, raw.frame) if profile else
                         (_plain_explanation(raw, sheet_kind, mapping, refined.said), ()))
    return SheetPlan(file=filename, sheet=raw.name, raw=raw, kind=sheet_kind, mapping=mapping,
                     set_values=dict(set_values), checksum=checksum,
                     remembered=bool(remembered), chosen=chosen,
                     recognised_as=profile.name if profile else None,
                     explanation=explanation, key_from_email=refined.key_from_email,
                     read_by_profile=read)


def profile_applied(plan: SheetPlan):
    """The export profile that reads a planned sheet, or None: none was recognised, or a
    person chose another kind, says what every row is, or chose the column of kinds."""
    profile = PROFILES.get(plan.recognised_as or "")
    if profile is not None and (profile.kind != plan.kind or "kind" in plan.set_values
                                or any(plan.mapping.get(h) == "kind" for h in plan.chosen)):
        return None
    return profile


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


def _still_unknown(unknown: dict[str, int], kept: pd.Series) -> dict[str, int]:
    """The stage values waiting to be mapped, counted on the rows kept: a rejected row's
    (a supplier's "Vendor") is not asked about."""
    counts = kept.dropna().astype(str).value_counts()
    return {value: int(counts[value]) for value in unknown if value in counts.index}


def _unit_price(plan: SheetPlan, columns_for: dict[str, list[str]],
                totalled: frozenset[str]) -> str | None:
    """The header of an events sheet's amount when it is a price per unit beside a quantity
    column (``journey.ingest.line_amounts``), else None. A plain "Price" the table's totals
    row adds up (``totalled``) is each line's price, not a unit's: no one totals unit prices
    (a print shop's 500 cards at "£45")."""
    price_header = columns_for.get("amount", [None])[0]
    if (plan.kind != "events" or plan.recognised_as or price_header is None
            or quantity_column(plan.mapping) is None or not priced_per_unit(price_header)
            or (price_header in totalled and not names_a_unit_price(price_header))):
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
    # (an invoice list's own amount before what was paid of it, KashFlow's "Gross Amount"
    # before its "Amount Paid": that is read as the part paid, rules.paid.paid_of_each_order;
    # the invoices said by more than what was paid, as a shop's sales after a coupon are not)
    invoices = plan.kind == "events" and about_invoices(
        [h for h in frame.columns if not names_paid_so_far(h)], plan.sheet, plan.file or "")
    for target, headers in list(columns_for.items()):
        # (a person's "Navn" before a "Firma" on a client list; not in a pipeline, whose
        # "Nome" is a deal's, nor on orders, whose "Navn" may be the item's)
        person = (target == "name" and plan.kind == "clients"
                  and "stage" not in columns_for) and any(
            normalise_header(h) in PERSON_NAME_HEADERS for h in headers)
        if (target == "revenue_current" and plan.kind == "clients"
                and any(map(names_a_total_before_a_fee, headers))):
            # (a tutor's "Total paid" says the revenue, not the "Lesson fee" of one, nor
            # a bookkeeper's "Our fee" an hour beside "Invoiced"; a blank total is none)
            fees = [h for h in headers if names_a_fee_of_one(h)]
            if fees and len(fees) < len(headers):
                demoted += fees
                headers[:] = [h for h in headers if h not in fees]
        headers.sort(key=lambda h: (target == "amount" and invoices and names_paid_so_far(h),
                                    # (an agent's "Our commission" before the gig's "Fee")
                                    target == "revenue_current" and plan.kind == "clients"
                                    and not names_our_fee(h),
                                    before_tax(h),     # "Total (inc GST)" before "(ex GST)"
                                    person and normalise_header(h) in COMPANY_HEADERS,
                                    # ("Est. value" beside a deal's "Value": the value first)
                                    target == "revenue_potential"
                                    and bool(ESTIMATED_VALUE.match(normalise_header(h))),
                                    match_header(h)[1] if match_header(h)[0] == target else 50,
                                    -header_year(h)))       # "Total 2024" before "Total 2023"
        if (target == "amount" and decided is None and not plan.chosen.intersection(headers)
                and (taxed := with_tax(frame, headers)) is not None):
            headers.sort(key=lambda h: h != taxed)      # what was paid, tax included
        while True:             # (a column that only looked like the field makes way)
            merged = None
            named = (full_names if target == "name" else dict)({h: frame[h] for h in headers})
            for column in named.values():
                merged = column if merged is None else merged.where(merged.notna(), column)
            parsed, bad, day_first, money = coerce(target, merged, day_first, stripped=True)
            first = frame[headers[0]]
            if (len(headers) < 2 or decided is not None or headers[0] in plan.chosen
                    or not looks_mismapped(
                        doubtful(target, bad, first, parsed) & first.notna(), first)):
                break
            if headers[0] not in raw.yearless:     # (its days' want of a year is said)
                notes.append(looked_like(headers[0], target))
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
                looks_mismapped(doubtful(target, bad, merged, parsed), merged)
                and not plan.chosen.intersection(headers)):
            if headers[0] not in raw.yearless:
                notes.append(looked_like(headers[0], target))
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
        net_plus_tax(out, frame, plan.mapping, columns_for, notes if decided is None else [])
    if plan.kind == "events" and "amount" not in columns_for and decided is None:
        demoted_money(out, frame, demoted, columns_for, notes)
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
                out.loc[same_clients_below(out, raw.merged_rows[header]), "amount"] = None
        notes += package_paid_once(out, columns_for["amount"][0], frame)
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
    unit_price = _unit_price(plan, columns_for, raw.totalled)
    if not unit_price and (price := _unit_price(plan, columns_for, frozenset())):
        notes.append(f"'{price}' is each line's price, not each unit's: the table's totals "
                     f"row adds it up, so it was not multiplied by "
                     f"'{quantity_column(plan.mapping)}'.")
    extras = [h for h, t in plan.mapping.items() if not t] + demoted + behind + [
        h for hs in columns_for.values() for h in hs[1:]] + ([unit_price] if unit_price else [])
    out[EXTRA] = extra_json(frame, extras)
    out["_row"] = raw.row_numbers
    line_amount = columns_for.get("amount", [None])[0]
    if unit_price:        # (before the kinds: a line of -1 × 30 is a refund, as -30 is)
        said, line_amount = lines_priced_per_unit(out, frame, plan.mapping, unit_price,
                                                   empty_total)
        notes += said
    labelled = (labelled_totals(frame, out) if plan.kind == "events"
                else pd.Series([None] * len(frame), index=frame.index, dtype=object))
    if plan.kind == "events" and plan.recognised_as is None:
        out, said = continued_orders(out, labelled.notna())
        notes += said
    parent = unmapped(plan.mapping, PARENT)
    subtasks = pd.Series(False, index=frame.index)
    if parent and "name" in out and plan.recognised_as is None:
        parents = frame[parent].map(name_key)
        if parents.notna().any() and parents.dropna().isin(out["name"].map(name_key)).mean() > 0.5:
            subtasks = parents.notna()
    if subtasks.any() and plan.kind == "events":
        notes.append(subtasks_as_contacts(out, frame[parent], subtasks, parent))
    if plan.key_from_email and "email" in out and "client_id" not in out:
        out["client_id"] = out["email"].str.casefold()      # the e-mail is the client
        if plan.kind == "events" and "name" in out:         # but for a couple's address
            out.loc[shared_addresses(out), "client_id"] = None

    problems = []
    left_empty: list[tuple] = []      # (row, column, value, reason) of a client's cell
    rejected = pd.Series(False, index=frame.index)
    if plan.kind == "clients" and "name" in columns_for:   # "call back after Easter"
        for index in note_rows(frame, columns_for["name"][0]):
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
            reasons = {index: reason for index in bad[bad].index}
            if field_type(target) == "money":     # ("£300/yr" under "Monthly fee")
                bad, reasons = _fees_per_period(out, frame, bad, target, header, reasons)
            left_empty += [(int(out.at[index, "_row"]), column_label(raw, header),
                            frame.at[index, header], reasons[index]) for index in bad[bad].index]
            out.loc[bad, target] = None
            continue
        bad = bad & labelled.isna()              # (a total's row is said to be one)
        if target == "amount" and "kind" not in columns_for:
            bad = happened_for_amount(out, frame, raw, header, bad, notes)
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
    profile = profile_applied(plan)
    if profile is not None and profile.stages:      # the export's own stage ids; yours win
        stage_map = {**profile.stages, **(stage_map or {})}
    quoted = (quote_statuses(raw, plan.mapping, plan.sheet, plan.file or "")
              if profile is None and plan.kind == "events" and "stage" not in columns_for
              else None)
    if quoted:          # a quote's status is its stage: sent or accepted, lost (yours win)
        out["stage"] = out["status"]
        columns_for["stage"] = columns_for["status"]
        stage_map = {**QUOTE_STATUS, **(stage_map or {})}
    elif (profile is None and plan.kind == "events" and "stage" not in columns_for
            and "status" in columns_for and pipeline_statuses(out["status"])):
        out["stage"] = out["status"]    # a lead's status is its stage in the pipeline
        columns_for["stage"] = columns_for["status"]
        notes.append(f"'{columns_for['status'][0]}' names each deal's stage in the pipeline "
                     "(won, lost, or a stage before): read as its stage.")
    unknown = resolve_stages(out, plan.kind, stage_map or {}, booked_hired=not about_appointments(
        raw.headers, plan.sheet, Path(plan.file or "").stem))
    notes += closed_deals_said(unknown, frame,
                               [*columns_for.get("stage", []), *columns_for.get("status", [])])
    notes += numbered_stages(unknown, frame, columns_for.get("stage", []))
    if profile is None:
        notes += lost_by_reason(out, frame, plan.mapping, columns_for)
    if (plan.kind == "clients" and "name" in out and ("client_id" not in out
                                                      or plan.key_from_email)):
        written = out["name"].copy()
        out, by_name = one_person_by_contact(out)  # (before the notes that count clients)
        by_mailbox = []
        if plan.key_from_email and "client_id" in out:
            out, by_mailbox = one_mailbox_one_client(out)
        notes += people_joined_said(by_name, by_mailbox, out, written)
    if plan.kind == "events" and "name" in out and "client_id" not in out:
        written = out["name"].copy()        # (a log's "Mrs Hall" at Jane Hall's number)
        out, by_phone = one_person_by_phone(out)
        notes += people_joined_said(by_phone, [], out, written)
    clients_list = plan.kind == "clients"
    # (ticks or dates of steps taken; amounts paid; parts paid, or a fee marked paid)
    steps = (ticked_steps(out, frame, plan.mapping, demoted, notes, day_first)
             if clients_list else [])
    paid = paid_amounts(out, frame, plan.mapping, columns_for) if clients_list else []
    parts = (parts_paid(out, frame, plan.mapping, columns_for)
             + revenue_where_paid(out, frame, plan.mapping, columns_for)
             + balances_owed(out, frame, plan.mapping, columns_for) if clients_list else [])
    ticked = steps + paid + parts
    notes += ticked
    # (steps taken say more; amounts paid say only who bought: the others quoted consider)
    priced = (quoted_considering(out, columns_for)
              if clients_list and not (steps or parts) else [])
    notes += priced
    if plan.kind == "clients":
        notes += deal_values_won(out, columns_for)
        notes += prospects_spend(out, columns_for)
        notes += quoted_fees(out, frame, columns_for)
        notes += parts_paid_by_status(out, frame, plan.mapping, columns_for)
        notes += period_columns(out, frame, plan.mapping, columns_for)
        notes += years_paid(out, frame, columns_for)
    if plan.kind == "clients" and "purchases" in columns_for:
        notes += counts_priced(out, frame, columns_for)
    if plan.kind == "clients":
        notes += fee_times_count(out, frame, plan.mapping, columns_for)
    unstaged = plan.kind == "clients" and not {"stage", "status"} & (
        set(columns_for) | set(plan.set_values))
    spent = (spenders_bought(out, columns_for, by_status=False)
             if unstaged and "purchases" not in columns_for     # (a count says who)
             and not money_not_spent(raw.headers, plan.mapping, [plan.sheet, plan.file])
             else [])
    if unstaged:                                        # (the rest, by their paid tier)
        spent += paid_tiers_bought(out, frame, plan.mapping)
        spent += trial_tiers_considering(out, frame, plan.mapping)
        spent += trials_in_cells(out, frame, plan.mapping)
        spent += booked_to_come(out, frame, plan.mapping)     # (a lift, as money's)
    notes += spent
    if unstaged and not ticked and not spent and not priced:
        # No stage or status in the sheet (a phone list): the stored ones stay as they are.
        out = out.drop(columns=["stage", "stage_raw", "status"])
    elif unstaged:
        # Only ticks or money spent say a stage: they lift a stored client's, never lower
        # or blank it (save._lifted_stages); the stored status stays.
        out = out.drop(columns=["stage_raw", "status"]).assign(_stage_lift=True)
    elif plan.kind == "clients" and "stage" not in columns_for:
        notes += spenders_lost(out, frame, columns_for)
        notes += spenders_bought(out, columns_for)
        notes += paid_tiers_bought(out, frame, plan.mapping)
    if plan.kind == "clients":      # (after spenders: a trial's fee buys no package)
        notes += trial_fees_paid(out, frame, plan.mapping, columns_for)
    if plan.kind == "clients" and "purchases" in columns_for:
        notes += sessions_not_paid(out, frame, columns_for)
        notes += none_bought(out, columns_for)
        notes += periods_paid(out, columns_for)
    if plan.kind == "clients":      # (before Active says a paying client: not one trying)
        notes += trials_not_paid(out, frame, plan.mapping)
        notes += paid_on_a_day(out, frame, plan.mapping)
        notes += renewals_paid(out, frame, plan.mapping)
    if plan.kind == "clients" and "status" in out:
        notes += active_or_inactive(out, frame, plan.mapping, columns_for,
                                     [plan.sheet, Path(plan.file or "").stem], stage_map or {})
    if plan.kind == "clients" and not unstaged:     # (after Active: a client who paid)
        notes += booked_to_come(out, frame, plan.mapping)
    paid_said = None
    if plan.kind == "clients" and profile is None:
        notes += stage_tags(out, frame, plan.mapping, columns_for)
        notes += churned_tags(out, frame, plan.mapping, columns_for,
                               [plan.sheet, Path(plan.file or "").stem])
    if plan.kind == "events" and "kind" not in plan.set_values and not plan.recognised_as:
        notes += flagged_cancellations(out, frame, plan.mapping,   # (a profile's rules
                                       day_first)    # say what each row is)
        paid_said = paid_flags(out, frame, plan.mapping, raw.merged_rows)
        paid_at = len(notes)
    if plan.kind == "events" and "name" in totals_of:    # "January total" under the names
        totals_of["name"] = totals_of["name"] | named_subtotals(out)
    totals = labelled.notna()       # a totals row: "TOTAL" for a name or an ID, or labelled
    for found in totals_of.values():
        totals |= found
    if plan.kind == "events" and totals.any():   # (rejected below: no order to count)
        out["kind"] = column_or_blank(out, "kind").where(~totals, "contact")
    if plan.kind == "events":
        parts = part_rows(frame, raw, out, rejected, problems)
        if parts.any() and "order_id" in out:   # (the order's own row is its one row)
            out["order_id"] = out["order_id"].where(~parts, None)
        rejected |= parts
        if profile is None:     # (a free slot: no one's, its status no word of the sheet's)
            rejected |= free_slots(frame, raw, out, rejected, problems, plan.mapping)
        said = resolve_kinds(out, plan, frame, raw, columns_for, stage_map, rejected)
        if "_happened" in out:      # (a word in the amount cell: happened_for_amount)
            out["kind"] = out.pop("_happened").fillna(out["kind"])
        if quoted:
            notes += quotes_considered(out, quoted)
        if profile is None:     # (a profile's rules say what each row is, and its sentence)
            notes += said
            if "kind" not in plan.set_values and "kind" not in columns_for:
                notes += booked_and_paid(out, frame, columns_for.get("status", [None])[0],
                                          columns_for.get("amount", [None])[0])
                notes += amounts_due(out, frame, columns_for.get("status", [None])[0],
                                      columns_for.get("amount", [None])[0])
                notes += paid_on_despite_status(out, frame, columns_for.get("status", [None])[0])
                notes += owed_without_status(out, frame, columns_for.get("amount", [None])[0])
            elif "kind" not in plan.set_values:     # (a type column: Invoice, Credit Memo)
                notes += part_paid_beside_type(out, frame, columns_for.get("status", [None])[0],
                                               columns_for["kind"][0])
            if "kind" not in plan.set_values:
                notes += tagged_kinds(out, frame, plan.mapping, ~totals)
                if "kind" not in columns_for:
                    notes += refunds_described(out, frame, plan.mapping)
                    notes += refunds_of_payments(out, plan.mapping, plan.sheet, plan.file or "")
                    notes += credit_documents(out, frame, plan.mapping)
                if not {"kind", "status"} & set(columns_for) and unmapped(
                        plan.mapping, PAID_FLAG) is None:   # (they say what each row is)
                    notes += unpaid_said(out, frame, plan.mapping)
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
        rejected |= test_rows(frame, raw, out, rejected, problems)
    rejected |= test_people(frame, raw, out, rejected, columns_for, problems)
    if profile is None and plan.kind == "events":
        rejected |= nothing_happened(frame, raw, out, rejected, problems, plan.mapping)
        rejected |= storno_invoices(frame, raw, out, rejected, problems, notes,
                                     columns_for.get("amount", [frame.columns[0]])[0])
        credits_of_unpaid(out, rejected, notes)
    if profile is None:
        rejected |= own_people_rows(frame, raw, out, rejected, problems)
        rejected |= supplier_rows(frame, raw, out, rejected, problems)
    rows = out[~rejected]
    if paid_said is not None:      # (said of the rows kept, where the rest were said)
        said_of_paid = paid_said(~rejected)
        notes[paid_at:paid_at] = said_of_paid
        notes[:] = read_as_paid_after_all(notes, demoted, said_of_paid)
    if profile is None:     # (a profile's rules say what each order is: said after them)
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
        rows, said = own_money_rows_left_out(rows, frame, columns_for.get("kind", []))
        notes += said
        rows, said = statement_spending_left_out(rows, frame)
        notes += said
        rows, said = tips_taken_off(rows, frame, columns_for.get("amount", []))
        notes += said
        rows, said = instalments(rows, frame, plan.mapping)
        notes += said
        rows, said = referrers_credited(rows, frame, plan.mapping, "kind" in columns_for,
                                         referral_log(plan.mapping, plan.sheet, plan.file))
        if said and said[0].endswith("not as referrals of their own."):   # (not as the
            notes = [n for n in notes if "were read as referrals, because" not in n   # name
                     and "was read as a referral, because" not in n]           # said)
        notes += said
        rows, said = closed_on(rows, frame, plan.mapping, day_first)
        notes += said
        rows, said = money_gone_back(rows, frame, plan.mapping, day_first)
        notes += said
        if "_beside" in rows:
            notes += refunds_beside_said(rows, frame, plan.mapping)
        if "_cancelled_back" in rows:
            notes += cancelled_back_said(rows, plan.mapping)
    happened = None
    if plan.kind == "clients":
        sales = None
        if profile is None:
            rows, said = referrers_counted(rows, frame, plan.mapping)
            notes += said
            sales, said = last_visits_sold(rows, columns_for)
            notes += said
        rows, steps, said = steps_taken(rows, frame, plan.mapping, day_first)
        notes += said
        found = [events for events in (sales, steps) if events is not None]
        happened = pd.concat(found, ignore_index=True) if found else None
    if profile is None and "_refunded_order" in rows:
        rows, said = refunded_orders(rows)
        notes += said
    if profile is None and plan.kind == "events" and any(
            map(names_a_participant, columns_for.get("name", []))):
        rows, said = bookers(rows, {f: columns_for[f][0] for f in PERSON_FIELDS
                                     if f in columns_for})
        notes += said
    if profile is None and plan.kind == "events":
        rows, said = paid_in_parts(rows)
        notes += said
        rows, said = reviews_ticked(rows, frame, plan.mapping)
        notes += said
        rows, said = quotes_turned_down(rows)
        notes += said
        rows, said = consultations(rows, frame, plan.mapping)
        notes += said
        rows, said = quotes_in_work(rows, frame, plan.mapping)
        notes += said
        rows, said = quotes_priced(rows, frame, plan.mapping)
        notes += said
        rows, said = booked_parts_paid(rows, frame, plan.mapping)
        notes += said
        rows, said = deposits_balance_owed(rows, frame, plan.mapping)
        notes += said
        paid_by_order = paid_of_each_order(rows, frame, line_amount, raw.row_numbers,
                                            plan.mapping)
        rows, said = order_lines(rows, line_amount,
                                  per_person=any(map(names_a_participant, plan.mapping)),
                                  own_lines=line_totals(rows, frame, plan.mapping,
                                                        raw.row_numbers))
        notes += said
        notes += orders_part_paid(rows, paid_by_order)
    if profile is not None:
        rows = profile.rules(rows, frame)
        rows, said = free_orders_said(rows, columns_for.get("amount", [""])[0],
                                      by_profile=True)
        notes += said
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
        rows = bills_a_job(rows, frame, columns_for)
    if plan.kind == "events" and "satisfaction" in rows:
        rows = latest_satisfaction(rows)
    if plan.kind == "events" and "kind" not in plan.set_values and "kind" not in columns_for:
        rows, said = reviews_saying_nothing(rows)
        notes += said
    if "kind" in rows and "amount" in rows:   # a refund's amount is the money gone back,
        refund = rows["kind"].eq("refund")     # however the sheet wrote it: -12 is 12
        if refund.any():
            rows = rows.assign(amount=rows["amount"].where(
                ~refund, amounts_of(rows).abs()))
    currencies, where = (amount_currencies(rows, frame, raw.row_numbers, plan.mapping)
                         if plan.kind in ("events", "clients") else (pd.Series(dtype=int), ""))
    if "name" in rows and "client_id" not in rows and not plan.key_from_email:
        notes += names_alike(rows["name"], events=plan.kind == "events")
    problems.sort(key=lambda p: p.row)
    return PreparedSheet(plan, rows, problems, unknown, day_first, notes,
                         rejected=int(rejected.sum()), demoted=demoted,
                         currency_rows=currencies.to_dict(), currency_where=where,
                         read_instead=read_instead, happened=happened)
