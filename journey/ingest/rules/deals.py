"""What a deal's or quote's status says: lost by reason, values won, quotes considered,
turned down or in work, consultations, open deals, numbered stages, closing days, subtasks.
"""

from __future__ import annotations

import re

import pandas as pd

from ... import values
from ...fields import (ESTIMATED_VALUE, QUOTE_HEADERS, VISIT_TYPE_HEADERS, normalise_header,
                       plain_header)
from ...stages import (CONSULTATION_WORDS, OPEN_WORDS, QUOTE_ACCEPTED, QUOTE_TURNED_DOWN,
                       QUOTE_WORDS, normalise_value, read_stage_value)
from ...text import counted, listed, match_key, was, without_accents
from ..understand import DEAL_VALUE, column_or_blank, work_column
from .common import DESCRIBED, before, clients_counted, unmapped
from .refunds import no_shows


def pipeline_statuses(statuses: pd.Series) -> bool:
    """Whether a log's status column holds a pipeline's stages (Kommo's leads: "Incoming
    leads", "Discussions", "Closed - won"): nearly every distinct value a stage or an
    outcome, one a deal won and one a stage before buying. Not a ticket's or an order's
    statuses ("Open", "Closed", "Paid"), which win no deal."""
    distinct = [v for v in statuses.dropna().unique().tolist() if str(v).strip()]
    said = [read_stage_value(v) for v in distinct]
    return (bool(said) and sum(r.known for r in said) >= 0.8 * len(said)
            and any(r.won for r in said)
            and any(r.stage in ("awareness", "consideration") for r in said))


# A date a deal is expected to close ("Expected Close Date"), and the day one did
# ("Closed On", "Actual Close Date", "Date Closed"), compared as headers are.
_EXPECTED_DATE = re.compile(r"expected|estimated|projected|forecast|target")
_CLOSED_ON = re.compile(r"^(?:actual)?(?:close|closed|closing)(?:date|on|at)?$|^dateclosed$|"
                        r"^actualclos")


def closed_on(rows: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
               day_first: bool | None) -> tuple[pd.DataFrame, list[str]]:
    """A deal dated by the day it was expected to close is dated by the day it did where
    the sheet also says that (Capsule's "Closed On" beside its "Expected Close Date"): a
    won deal is a sale on the day it was won. Open deals keep their expected date."""
    dated = next((h for h, target in mapping.items() if target == "date"), None)
    closed = unmapped(mapping, _CLOSED_ON)
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


# A column naming the row a row belongs under (Asana's "Parent task"): the row is a subtask,
# where the column names rows of the sheet (not a child's "Parent" at a swim school).
PARENT = re.compile(r"^(?:parent(?:task|item|card)|subtaskof)$")


def subtasks_as_contacts(out: pd.DataFrame, parents: pd.Series, subtasks: pd.Series,
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


# A reason column whose header says it is the reason a deal was lost ("Lost Reason",
# "Reason for loss", "Closed lost reason"), compared as headers are.
_LOST_REASON = re.compile(r"lost|loss")
# A client list's column of why a lead was lost ("Lost reason", "Reason lost"), which no
# client field holds (compared as headers are).
_CLIENT_LOST_REASON = re.compile(r"^(?:lost|loss|closedlost)reason|^reason(?:for)?(?:lost|loss)")


def lost_by_reason(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                    columns_for: dict[str, list[str]]) -> list[str]:
    """A deal with a reason it was lost is lost (Odoo archives a lost opportunity and keeps
    its stage, "Qualified", beside its Lost Reason), unless its stage or status says it
    was won or bought; so is a client on a list with a "Lost reason" (its status lost, its
    stage kept). Returns a note."""
    said = columns_for.get("reason", [None])[0]
    reasons = out.get("reason")
    if said is None and "status" in out:
        said = unmapped(mapping, _CLIENT_LOST_REASON)
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


def _deal_valued(key: str) -> bool:
    """Whether a normalised header names a deal's value (``DEAL_VALUE``), or a guess at it
    ("Est. value", "Estimated value": ``ESTIMATED_VALUE``; not a bare "Estimate", a quote)."""
    return bool(DEAL_VALUE.search(key) or ESTIMATED_VALUE.match(key) and "value" in key)


def deal_values_won(out: pd.DataFrame, columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with a deal's value (``DEAL_VALUE``: revenue to come; or a bare
    amount beside a stage column, ``_PIPELINE_AMOUNT``) and no column of revenue, the value
    of a client who bought (a stage of purchase or later, or one who left) is what they
    brought: their current revenue, not potential; a lost deal's is neither. Returns a
    note."""
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
            or not _deal_valued(normalise_header(plain_header(said)))):
        return []
    valued = out["revenue_potential"].notna()
    # (a client who left, "Client - lost", had bought)
    bought = (out["stage"].isin(["purchase", "retention", "advocacy"])
              | out["_outcome"].eq("churned")) & valued
    lost = out["_outcome"].eq("lost") & valued & ~bought
    if not (bought.any() or lost.any()):
        return []
    out["revenue_current"] = out["revenue_potential"].where(bought)
    out["revenue_potential"] = out["revenue_potential"].where(~bought & ~lost)
    parts = [f"for the {counted(clients_counted(out, bought), 'client')} who bought, the revenue they "
             "brought"] if bought.any() else []
    parts += [f"for the {int(lost.sum()):,} lost, no revenue to come"] if lost.any() else []
    others = "; for the others, revenue to come" if (valued & ~bought & ~lost).any() else ""
    return [f"'{said}' was read as a deal's value: {'; '.join(parts)}{others}."]


def quoted_considering(out: pd.DataFrame, columns_for: dict[str, list[str]]) -> list[str]:
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
              & before(out, "consideration"))
    if not quoted.any():
        return []
    out["stage"] = out["stage"].where(~quoted, "consideration")
    count = clients_counted(out, quoted)
    return [f"{counted(count, 'client')} quoted a price in '{said}' {was(count)} read as "
            "considering (consideration), as no column says a further stage."]


# "Inactive" and its kin: on a client list it says only that the person is no longer
# with the business, as "Active" (stages.ACTIVE_WORDS) says only that they are.
_OPEN = frozenset(normalise_value(word) for word in OPEN_WORDS)


def numbered_stages(unknown: dict[str, int], frame: pd.DataFrame,
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


def open_deals(column: pd.Series, said: pd.Series, active: pd.Series, inactive: pd.Series,
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


def active_in_a_pipeline(out: pd.DataFrame, frame: pd.DataFrame, header: str,
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
    count = clients_counted(out, lifted)
    words = listed([repr(cell) for cell in pd.unique(frame.loc[lifted, header])])
    return [f"{counted(count, 'client')} at {words} in '{header}', the step after "
            f"({listed([repr(cell) for cell in earlier])}), {was(count)} read as "
            f"{'a customer' if count == 1 else 'customers'} (purchase)."]


def quotes_considered(out: pd.DataFrame, header: str) -> list[str]:
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


def consultations(rows: pd.DataFrame, frame: pd.DataFrame,
                   mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """Contacts of a log, nothing paid and not missed, that its column of what each visit was
    (``VISIT_TYPE_HEADERS``: "Type") names a first talk (``CONSULTATION_WORDS``: a free
    "Assessment") are at consideration. Returns the rows and a note."""
    header = next((h for h, f in mapping.items() if not f and h in frame
                   and normalise_header(h) in VISIT_TYPE_HEADERS), None)
    if header is None or "kind" not in rows:
        return rows, []
    talk = values.per_distinct(frame[header].reindex(rows.index), _first_talk).fillna(
        False).astype(bool)
    paid = pd.to_numeric(rows["amount"], errors="coerce").gt(0) if "amount" in rows else False
    talk &= rows["kind"].eq("contact") & ~paid & ~no_shows(frame, mapping).reindex(
        rows.index, fill_value=False)           # (a first talk missed is no talk)
    rows, talk = _at_consideration(rows, talk)
    if not talk.any():
        return rows, []
    count = int(talk.sum())
    said = listed(sorted(map(str, frame[header].reindex(rows.index)[talk].unique())))
    return rows, [f"{counted(count, 'row')} that '{header}' calls {said}, with nothing paid, "
                  f"{'was read as a contact' if count == 1 else 'were read as contacts'} at "
                  f"consideration (a first talk), not {'a sale' if count == 1 else 'sales'}."]


def _first_talk(cell: object) -> bool:
    """Whether a visit's name is a first talk (``CONSULTATION_WORDS``), alone or joined
    with another ("Patch test + consult", "Consultation & patch test")."""
    parts = re.split(r"\s*(?:[+&/,]|\band\b)\s*", str(cell).strip())
    return all(match_key(part) in CONSULTATION_WORDS for part in parts)


def quotes_turned_down(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
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


def quotes_in_work(rows: pd.DataFrame, frame: pd.DataFrame,
                    mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """Contacts with nothing paid whose column of the work done (``work_column``: "Job",
    "Service") says the row was a quote or an estimate (``QUOTE_WORDS``: "Quote for safe",
    "Devis toiture", "Presupuesto baño") are at consideration: a price was given. A job
    paid is a sale whatever its cell says. Returns the rows and a note."""
    header = next((h for h in (work_column(mapping), unmapped(mapping, DESCRIBED))
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


def quotes_priced(rows: pd.DataFrame, frame: pd.DataFrame,
                  mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """Contacts of a job book whose column of the price quoted (``QUOTE_HEADERS``: "Quote",
    "Estimate", beside what was invoiced) holds money are at consideration: a price was
    given (an electrician's quote sent, or turned down). A job paid is a sale whatever its
    quote. Returns the rows and a note."""
    header = next((h for h, f in mapping.items() if h in frame and f in (None, "revenue_potential")
                   and normalise_header(h) in QUOTE_HEADERS), None)
    if header is None or "kind" not in rows:
        return rows, []
    money = values.read_money(frame[header]).values.reindex(rows.index)
    notes = _quoted_jobs_done(rows, money, header) if "amount" not in mapping.values() else []
    rows, quoted = _at_consideration(rows, money.gt(0) & rows["kind"].eq("contact"))
    if not quoted.any():
        return rows, notes
    count = int(quoted.sum())
    return rows, notes + [
        f"{counted(count, 'row')} with a price in '{header}' and nothing paid "
        f"{'was read as a contact' if count == 1 else 'were read as contacts'} at "
        "consideration (a price was given), not "
        f"{'a sale' if count == 1 else 'sales'}."]


def _quoted_jobs_done(rows: pd.DataFrame, money: pd.Series, header: str) -> list[str]:
    """On a job book with no column of what was invoiced or paid, each job done (a
    purchase) is a sale of the price quoted for it: a fencer's "Quote" £800 beside "Done".
    ``rows`` is changed in place; returns a note."""
    done = rows["kind"].eq("purchase") & money.gt(0)
    if "amount" in rows:
        done &= pd.to_numeric(rows["amount"], errors="coerce").isna()
    if not done.any():
        return []
    rows.loc[done, "amount"] = money[done]
    count = int(done.sum())
    return [f"{counted(count, 'job')} done with no other amount {was(count)} read at the "
            f"price in '{header}' ({values.amount_text(float(money[done].sum()))}): no column "
            "says what was invoiced or paid."]


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
