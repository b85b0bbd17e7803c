"""What was paid and what is owed on sales and bookings: paid flags and how, balances and
amounts due, booked and paid, packages, parts paid and deposits, instalments, what was paid
of each order.
"""

from __future__ import annotations

import json
import re
from typing import Callable

import numpy as np
import pandas as pd

from ... import values
from ...fields import (DEPOSIT_HEADERS, INSTALMENT, REST_OF_TOTAL, VISIT_TYPE_HEADERS, base_header_key,
                       normalise_header)
from ...stages import (BALANCE_TO_COME, BILLED_ONLY_STATUSES, BILLED_STATUSES, BOOKED_STATUSES,
                       GIVEN_BACK, HALF_PAID, NOT_PAID_YET, ON_INVOICE, PAID_BY, PAID_IN_PERSON,
                       PAID_THROUGH, PART_PAID_WORDS,
                       PAYMENT_STATUSES, SENT_ON_INVOICE, UNPAID_STATUSES, normalise_value,
                       order_status_kind, said_parts)
from ...text import counted, its, listed, match_key, name_key, part_paid_invoices, was
from ..understand import (EXTRA, PAID_FLAG, about_invoices, amounts_of, column_or_blank, is_blank,
                          kind_named, work_column)
from .common import DESCRIBED, TICK_MARKS, amounts_given_back, order_keys, ticks, unmapped


def instalments(rows: pd.DataFrame, frame: pd.DataFrame,
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


def _booked_types(kinds: pd.Series, mapping: dict[str, str | None],
                  marks: pd.Series, amounts: pd.Series) -> pd.Series:
    """Rows marked paid, at a price, whose kind comes from a column of what each visit was
    (``VISIT_TYPE_HEADERS``: a "Type" of Consultation, Treatment) naming no event kind but
    a contact or a first talk: what was booked, which the paid mark says was bought. The
    type stays said as the row's touchpoint (``paid_flags``). A "Phone call" or an
    "Enquiry" ticked with no price stays a contact (the tick says the account is settled)."""
    header = next((h for h, f in mapping.items() if f == "kind"), None)
    if header is None or normalise_header(header) not in VISIT_TYPE_HEADERS:
        return pd.Series(False, index=kinds.index)
    named = values.per_distinct(kinds, lambda v: kind_named(normalise_value(v)) or "")
    return (kinds.notna() & named.isin(["", "contact"]) & marks.eq("purchase")
            & amounts.gt(0))


def _sales_marked_unpaid(kinds: pd.Series, marks: pd.Series, flags: pd.Series) -> pd.Series:
    """Rows whose kind names a sale (an invoice, an order: Danea Easyfatt's "Tipo doc."
    Fattura) that the column says outright were not paid ("Pagato" No): billed, not
    bought. A blank says nothing of a row with a kind of its own; nor does a yes, which
    leaves a quote a quote."""
    named = values.per_distinct(kinds, lambda v: kind_named(normalise_value(v)) or "")
    return kinds.notna() & named.eq("purchase") & marks.eq("contact") & flags.notna()


# A hand-kept paid cell's words before the day it was paid or is due ("BACS 10/1", "pd
# 30/1", "balance due 1 Mar").
_WORDS_BEFORE_A_DAY = re.compile(r"^(?P<words>\D*?)[\s:,-]*(?:on\s*)?"
                                 r"(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?"
                                 r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?)?\s*$")


def _paid_how(cell: object) -> str | None:
    """What a hand-kept "Paid" or "Paid by" cell that is no tick says: a way of paying, a
    platform paid through or "pd", the day after it or not, a yes before it ("Card", "Bupa",
    "BACS 10/1", "Invoice - pd 30/1", "Y - cash", "Booking.com"), or part paid ("deposit
    £50", "half"), a purchase; billed alone ("Invoice": ``ON_INVOICE``), owed ("owes",
    "TBC", "Invoice sent": ``NOT_PAID_YET``) or free ("FOC"), a contact; else None
    (unread). Called off and the money given back ("Cancelled - refunded"), a refund. An
    aside in brackets is left out where the words are none known with it ("CANCELLED
    (rain) - refunded", "Card (Sarah)")."""
    said = _paid_said(_paid_parts(cell))
    aside = _ASIDE.sub(" ", str(cell)) if isinstance(cell, str) else cell
    return said if said is not None or aside == cell else _paid_said(_paid_parts(aside))


# An aside in brackets in an owner's cell ("(rain)", "(Sarah)").
_ASIDE = re.compile(r"\([^()]*\)")
# Money given back in full, as a "Paid" cell says it (not "partially refunded").
_GIVEN_BACK_IN_FULL = GIVEN_BACK - {"partiallyrefunded", "partialrefund"}


def _paid_said(parts: set[str]) -> str | None:
    """What a "Paid" cell's words (``_paid_parts``) say, as ``_paid_how`` reads them."""
    if not parts:
        return None
    if parts & _GIVEN_BACK_IN_FULL and all(
            part in GIVEN_BACK or order_status_kind(part) == "cancellation" for part in parts):
        return "refund"
    if (parts & NOT_PAID_YET and parts <= NOT_PAID_YET | ON_INVOICE or parts <= _NO_CHARGE
            or parts & _SAID_NO and parts <= _SAID_NO | BALANCE_TO_COME):     # ("No - bal due")
        return "contact"
    if parts <= _PAID_WORDS | ON_INVOICE:
        return "contact" if parts <= ON_INVOICE else "purchase"
    return None


def paid_words(column: pd.Series) -> pd.Series | None:
    """A hand-kept "Paid" column of an owner's words instead of ticks ("pd 9/9", "Card",
    "owes", blank), as ticks: True where a cell says paid (``_paid_how``); None where a
    written cell says neither paid nor owed, or none says paid."""
    written = column.dropna()
    written = written[written.astype(str).str.strip() != ""]
    said = {cell: _paid_how(cell) for cell in written.unique()}
    if not said or None in said.values() or "purchase" not in said.values():
        return None
    return column.map(lambda cell: said.get(cell) == "purchase").astype(bool)


def _paid_parts(cell: object) -> set[str]:
    """A "Paid" cell's words, split at its dashes, commas and "and" (and at its spaces where
    the words together are none known: "paid cash"), a day at its end and money in it left
    out, and the balance still to pay after a part paid left out too ("Y - cash", "deposit
    £50 on 3/2", "£1,000 dep - bal due": {"y", "cash"}, {"deposit"}, {"dep"})."""
    found = _WORDS_BEFORE_A_DAY.match(_MONEY_IN_WORDS.sub(" ", str(cell)).strip())
    parts = set()
    for part in re.split(r"\s*[-–:,;/+&]\s*|\s+and\s+", found["words"] if found else ""):
        key = normalise_value(part)
        parts |= ({key} if key in _PAID_CELL_WORDS | BALANCE_TO_COME
                  else {normalise_value(word) for word in part.split()})
    parts.discard("")
    return parts - BALANCE_TO_COME if parts & _PART_PAID else parts


def said_half(column: pd.Series) -> pd.Series:
    """Which of a "Paid" column's cells say half was paid, with no sum ("half", "paid
    half": ``HALF_PAID``)."""
    return column.map(lambda cell: not _MONEY_IN_WORDS.search(str(cell)) and bool(
        parts := _paid_parts(cell)) and parts <= HALF_PAID, na_action="ignore").fillna(
        False).astype(bool)


def _paid_in_cell(cells: pd.Series, amounts: pd.Series) -> pd.Series:
    """The money a "Paid" cell says was paid of a row's amount where it says part paid with
    the sum ("deposit £50", "half £36"), or says half with no sum ("half", "paid half":
    ``HALF_PAID``, half the amount): that sum where less than the amount, else NaN."""
    written = cells.dropna().astype(str)
    part = written.map(lambda cell: bool(parts := _paid_parts(cell)) and parts <= _PART_PAID)
    summed = written.map(lambda cell: bool(_MONEY_IN_WORDS.search(cell)))
    money = values.parse_money(written[part & summed].map(
        lambda cell: _MONEY_IN_WORDS.search(cell)[0]))[0]
    amounts = amounts.reindex(cells.index)
    half = written[part & ~summed].map(lambda cell: _paid_parts(cell) <= HALF_PAID)
    money = pd.concat([money, amounts[half[half].index] / 2]).reindex(cells.index)
    return money.where(money.gt(0) & money.lt(amounts))


def _part_paid_in_note(frame: pd.DataFrame, mapping: dict[str, str | None], said: str,
                       amounts: pd.Series) -> pd.Series:
    """Where a "Paid" cell says part paid with no sum ("Partial": ``_PART_PAID``, not half),
    the row's note saying a sum received and nothing more ("$1,500 rec'd":
    ``_RECEIVED_IN_NOTE``) is what was paid, where less than the row's amount; else NaN."""
    note = next((h for h, f in mapping.items() if f == "note" and h in frame), None)
    if note is None:
        return pd.Series(float("nan"), index=frame.index)
    part = frame[said].map(lambda cell: not _MONEY_IN_WORDS.search(str(cell)) and bool(
        parts := _paid_parts(cell)) and parts <= _PART_PAID and not parts <= HALF_PAID,
                           na_action="ignore").fillna(False).astype(bool)
    found = frame[note].map(lambda cell: (m := _RECEIVED_IN_NOTE.match(str(cell))) and m["sum"],
                            na_action="ignore").where(part)
    money = values.parse_money(found.where(found.astype(bool), None))[0]
    amounts = amounts.reindex(frame.index)
    return money.where(money.gt(0) & money.lt(amounts))


# A note saying a sum received and nothing more ("$1,500 rec'd", "£200 received").
_RECEIVED_IN_NOTE = re.compile(r"(?i)^\s*(?P<sum>[£$€]\s?\d[\d,]*(?:\.\d{1,2})?)\s+"
                               r"(?:rec'?d|recvd|received|paid|pd)\.?\s*$")


# Money written in a "Paid" cell beside its words ("deposit £50"): a sign and a number.
_MONEY_IN_WORDS = re.compile(r"[£$€]\s?\d[\d,]*(?:\.\d{1,2})?|\d[\d,]*(?:\.\d{1,2})?\s?[£€]")


def _days_and_ways(cells: pd.Series) -> pd.Series | None:
    """Which of a "Paid" column's cells are the day it was paid, where the others are words
    ``_paid_how`` reads ("12/06/2025" beside "paid cash", "owes"; no numbers); else None."""
    if cells.map(type).isin((int, float, bool)).any():
        return None
    dated = values.parse_dates(cells)[0].notna()
    if not dated.any() or dated.all() or not all(
            _paid_how(cell) is not None for cell in cells[~dated].unique()):
        return None
    return dated


def _paid_on_beside_date(frame: pd.DataFrame, mapping: dict[str, str | None]) -> str | None:
    """A column of the day each was paid (``_PAID_ON``: "Paid on"), beside another column
    read as the row's date (a tutor's list of invoices: "Date") or kept aside as holding no
    dates (a gardener's "Paid on": Friday), or itself the only date with some left blank
    (a gardener's jobs, "Paid on" 12/04/2026 or nothing: each job's day is the day it was
    paid), and no status (one saying "Invoiced" is read with it where it says so): whether
    each was paid, a blank not yet; or None."""
    dated = [h for h, target in mapping.items() if target == "date"]
    if "status" in mapping.values():
        return None
    return next((h for h, target in mapping.items() if target in (None, "date")
                 and h in frame and base_header_key(h) in _PAID_ON
                 and (any(other != h for other in dated) or _holds_no_date(frame[h])
                      or (dated == [h] and frame[h].isna().any()))),
                None)


def _holds_no_date(cells: pd.Series) -> bool:
    """Whether a column's written cells hold no date (weekdays and words: "Friday")."""
    written = cells.dropna()
    return bool(len(written)) and bool(values.parse_dates(written)[1].all())


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


def _paid_at_checkout(frame: pd.DataFrame, mapping: dict[str, str | None],
                      collected: str) -> tuple[str, list[str]] | None:
    """A column beside "Collected" saying every order was paid when it was placed: a way of
    paying on each ("Payment": Card, PayPal; ``_paid_how``), not one handed over on
    collecting (``PAID_IN_PERSON``: Cash), or a status of paid on each ("Payment status":
    Paid). Its header and words, or None."""
    for header, target in mapping.items():
        if header == collected or target not in (None, "status") or header not in frame:
            continue
        cells = frame[header]
        if cells.isna().any() or (cells.astype(str).str.strip() == "").any():
            continue
        words = sorted({str(cell).strip() for cell in cells})
        if all(_paid_how(word) == "purchase" and match_key(word) not in PAID_IN_PERSON
               or normalise_value(word) in PAYMENT_STATUSES
               and order_status_kind(word) == "purchase" for word in words):
            return header, words
    return None


def _paid_when(frame: pd.DataFrame, mapping: dict[str, str | None],
               collected: str) -> tuple[str, pd.Series] | None:
    """A column beside "Collected" saying how each order was paid: when it was placed (a
    way of paying: Card, PayPal) or on collecting (``PAID_IN_PERSON``: Cash, Pay on
    collection), on every row. Its header and the rows paid when placed, or None."""
    for header, target in mapping.items():
        if header == collected or target not in (None, "status") or header not in frame:
            continue
        cells = frame[header]
        if cells.isna().any() or (cells.astype(str).str.strip() == "").any():
            continue
        in_person = cells.map(lambda cell: match_key(cell) in PAID_IN_PERSON)
        placed = cells.map(lambda cell: _paid_how(cell) == "purchase") & ~in_person
        if (in_person | placed).all():
            return header, placed
    return None


def paid_flags(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
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
    said = unmapped(mapping, PAID_FLAG)   # ("Paid?", "Pagado", "Bezahlt")
    collected = None
    if said is None:
        said = collected = _collected_flag(frame, mapping)
        checkout = collected and _paid_at_checkout(frame, mapping, collected)
        if checkout:
            (paid_by, words), count = checkout, len(frame)
            return lambda kept: [
                f"'{collected}' says which orders were collected, not whether they were "
                f"paid: '{paid_by}' says each was paid when ordered "
                f"({listed([repr(word) for word in words[:3]])}), so {counted(count, 'order')} "
                f"{'was' if count == 1 else 'were'} read as sales, collected or not."]
    paid_when = collected and _paid_when(frame, mapping, collected)
    if paid_when:       # (those paid when ordered are paid, collected or not)
        frame = frame.assign(**{collected: frame[collected].where(~paid_when[1], "Y")})
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
    elif (len(cells) and (_PAID_ON.intersection({base_header_key(said)})
                          and (dated := ~values.parse_dates(cells)[1]
                               | cells.map(values.is_weekday)).any()
                          or (dated := _days_and_ways(cells)) is not None)):
        # a "Paid on" of days and ways of paying ("05/02/2025", "Friday", "Cash"): a day is
        # a tick
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
        if kind_of[cell] == "contact" and flag is None and (parts := _paid_parts(cell)) and (
                parts <= ON_INVOICE):
            billed.add(cell)
    if kind_of and billed == set(kind_of):
        # "Invoice" on every row written says how each was billed, not that none was paid
        return lambda kept: [f"'{said}' says only how each was billed "
                             f"({listed([repr(cell) for cell in sorted(billed)])}), not "
                             "whether it was paid: not read as paid or not."]
    if kind_of and {normalise_header(cell) for cell in kind_of} == {"x"}:
        kind_of = dict.fromkeys(kind_of, "purchase")   # x or blank: x is the tick
    elif any(str(cell).strip() in TICK_MARKS for cell in kind_of):
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
    said_kind = marks.where((kinds.isna() | _booked_types(kinds, mapping, marks, amounts)
                             | _sales_marked_unpaid(kinds, marks, frame[said]))
                            & ~status_says)
    by_status = pd.Series(None, index=out.index, dtype=object)
    if status_says.any():       # (each distinct status read once)
        read = {cell: order_status_kind(cell) for cell in out["status"].dropna().unique()}
        by_status = out["status"].map(read).where(kinds.isna() & status_says)
    if said in merged_rows:         # ("Paid" merged over a package's sessions: said once)
        said_kind[same_clients_below(out, merged_rows[said])] = None
    # (0 or less than 0 is decided by its amount: a free order, money going back)
    said_kind = said_kind.where(said_kind.eq("cancellation") | amounts.gt(0) | amounts.isna())
    by_status = by_status.where(by_status.ne("purchase") | amounts.gt(0) | amounts.isna())
    typed = said_kind.notna() & kinds.notna()
    if typed.any():     # (what was booked stays said, as its touchpoint)
        touchpoint = column_or_blank(out, "touchpoint")
        out["touchpoint"] = touchpoint.where(touchpoint.notna() | ~typed, kinds)
    out["kind"] = kinds.where(said_kind.isna(), said_kind)
    # ("deposit £50" of a 245 booking: a sale of the 50 paid so far)
    paid_part = _paid_in_cell(frame[said], amounts).where(said_kind.eq("purchase"))
    # ("Partial", and "$1,500 rec'd" in the row's note: the note says what was paid)
    noted = _part_paid_in_note(frame, mapping, said, amounts).where(said_kind.eq("purchase"))
    paid_part = paid_part.where(paid_part.notna(), noted)
    if paid_part.notna().any():
        out["amount"] = amounts.where(paid_part.isna(), paid_part)
    out["kind"] = out["kind"].where(by_status.isna(), by_status)
    # A row marked given back at its price ("Pago?": Estornado, R$ 90) was paid first: a
    # sale and its refund, as an order list's "Refunded" is (refunded_orders adds the sale).
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
    # (rows paid when ordered are said apart, whatever their 'Collected' says)
    placed_rows = paid_when[1] if paid_when else pd.Series(False, index=frame.index)
    blank_said = (f"left blank in '{said}', where the others are ticked," if ticked_only else
                  f"left blank in '{said}' (not marked paid)")

    def say(kept: pd.Series) -> list[str]:
        notes = ([f"'{collected}' says which jobs were collected, paid for when collected "
                  "(no column says what was paid): read as whether each was paid."]
                 if collected and not paid_when else [])
        if paid_when:
            header, placed = paid_when
            ordered = placed[placed].index.intersection(kept[kept].index)
            notes.append(
                f"'{collected}' says which orders were collected, paid for when collected "
                f"as '{header}' says ({listed(sorted(frame.loc[~placed, header].unique()))}): "
                "read as whether each was paid"
                + (f"; {counted(len(ordered), 'order')} '{header}' says {was(len(ordered))} "
                   f"paid when ordered ({listed(sorted(frame.loc[ordered, header].unique()))})"
                   f" {was(len(ordered))} read as paid, collected or not." if len(ordered)
                   else "."))
        part = paid_part.notna() & kept
        if part.any():
            count = int(part.sum())
            written = frame.loc[part[part].index, said].unique()[:3]
            summed = frame.loc[part[part].index, said].map(
                lambda cell: bool(_MONEY_IN_WORDS.search(str(cell))))
            in_note = noted.notna() & part
            notes.append(f"{counted(count, 'row')} marked part paid "
                         + ("with the sum " if summed.all() else
                            "with the sum in its note " if in_note.sum() == count else
                            "(half: half the amount) ") + f"in '{said}' "
                         f"({listed([repr(cell) for cell in written])}) "
                         f"{was(count)} read as {'a purchase' if count == 1 else 'purchases'} "
                         f"of what was paid so far ({paid_part[part].sum():,.2f} of "
                         f"{amounts[part].sum():,.2f}).")
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
            count = int((said_kind.eq(kind) & where & ~placed_rows & kept).sum())
            if count:
                notes.append(f"{counted(count, 'row')} {how} {was(count)} read as "
                             f"{one if count == 1 else many}.")
        return notes
    return say


def read_as_paid_after_all(notes: list[str], demoted: list[str], said: list[str]) -> list[str]:
    """``notes`` without the note that a column only looked like a field ("Column 'Paid on'
    looked like date ... kept as an extra column") where ``said`` (``paid_flags``' notes)
    says which rows that column marks paid: one note of the column, not two at odds."""
    read = [h for h in demoted if any(f"'{h}'" in note for note in said)]
    return [note for note in notes
            if not any(note.startswith(f"Column '{h}' looked like ") for h in read)]


# A money column saying what a booking has been paid so far (FareHarbor's and Rezdy's "Total
# Paid", "Amount Paid", a deposit).
_PAID_SO_FAR = frozenset({"totalpaid", "amountpaid", "paidamount", "paid", "paidtodate",
                          "depositpaid", "amountreceived", "paidvalue",
                          # (an Indian billing app's sale: Vyapar's "Received Amount";
                          # Spanish and German: Contabilium's "Cobrado")
                          "receivedamount", "cobrado", "importecobrado", "bezahlterbetrag"})


def names_paid_so_far(header: object) -> bool:
    """Whether a header names what was paid so far of a sale (``_PAID_SO_FAR``: "Amount
    Paid"), not its whole amount."""
    return base_header_key(str(header)) in _PAID_SO_FAR


# A column of the day each was paid ("Date Paid", "Paid on"): beside a job said billed
# ("Invoiced"), a blank one says nothing is paid yet (normalised, as ``_PAID_SO_FAR``).
_PAID_ON = frozenset({"datepaid", "paiddate", "paidon", "dateofpayment", "paymentdate"})


# An invoice's or an order's status saying it is billed and not (wholly) paid yet: with
# money already paid beside it, part paid (not a no-show's fee, not a failed payment).
_OWED = frozenset(normalise_value(word) for word in (
    "awaiting payment", "unpaid", "not paid", "payment due", "past due", "overdue", "sent",
    "viewed", "open", "due", "outstanding", "pending payment", "waiting for payment",
    "authorised", "authorized", "partially paid", "part paid", "partial", "pending",
    # (a booking's payment still open: Regiondo's "Offen", SuperSaaS' "Payment pending")
    "offen", "unbezahlt", "nicht bezahlt", "payment pending"))


# A money column saying what is still owed of an invoice (normalised; Jobber's "Balance
# ($)", after a record's prefix Zuora's "Invoice: Balance"): where no column says what was
# paid, the amount less the balance was.
_OWED_SO_FAR = frozenset({"balance", "balancedue", "balanceowing", "amountdue", "amountowing",
                          "amountowed", "duevalue", "owing", "amountoutstanding", "outstanding",
                          "outstandingamount", "openbalance", "remainingbalance",
                          "amountremaining",
                          # (Norwegian and Danish: Tripletex's, Dinero's "Utestående")
                          "utestaende", "udestaende", "restbeløp", "restbeløb",
                          # (Swedish: Visma eEkonomi's "Restbelopp"; Vyapar's "Balance
                          # Amount")
                          "restbelopp", "balanceamount",
                          # (German and Spanish: Debitoor's "Offener Betrag",
                          # Contabilium's "Saldo")
                          "offenerbetrag", "saldo", "saldopendiente"})


def names_owed(header: object) -> bool:
    """Whether a header names what is still owed (``_OWED_SO_FAR``, after a record's prefix)."""
    return base_header_key(str(header).rsplit(":", 1)[-1]) in _OWED_SO_FAR


def _balance_column(frame: pd.DataFrame) -> str | None:
    """The column of what is still owed (``_OWED_SO_FAR``), all of it money; else None."""
    for header in frame.columns:
        if names_owed(header) and not values.parse_money(frame[header])[1].any():
            return header
    return None


def _invoices_own_status(frame: pd.DataFrame, header: str | None) -> bool:
    """Whether a status column is an invoice list's own ("Status", "Invoice: Status"):
    not a column of whether something happened ("Collected?": a bakery's order collected
    is a sale, whatever its balance says), nor a till's (a sale "On account" is a sale).
    The sheet's invoices are said by a header other than its balance: a gift card's or a
    voucher's "Balance" is what is left to spend of what was paid."""
    return (header is not None and normalise_header(header).endswith(("status", "state"))
            and about_invoices([h for h in frame.columns if not names_owed(h)], ""))


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


def _payment_stated(frame: pd.DataFrame, status_header: str | None) -> pd.Series | None:
    """A column beside a booking's status, not it, every cell of which is a payment's status
    (``PAYMENT_STATUSES``: Bokun's "Paid type" of PAID_IN_FULL, NOT_PAID, REFUNDED) or says
    it is owed (``_OWED``: "Pending", "Due"), one at least saying paid; else None."""
    for header in frame.columns:
        cells = values.parse_text(frame[header], stripped=True)[0].dropna()
        if header == status_header or not len(cells) or not cells.map(
                normalise_value).isin(PAYMENT_STATUSES | _OWED).all():
            continue
        if cells.map(order_status_kind).eq("purchase").any():
            return frame[header]
    return None


def paid_on_despite_status(out: pd.DataFrame, frame: pd.DataFrame,
                           status_header: str | None) -> list[str]:
    """An invoice its status still calls sent or unpaid ("Sent", "Overdue", "Unpaid") with a
    day in its "Date paid" (``_PAID_DAY``) was paid: the status was not brought up to date.
    A purchase, dated as the row is. Returns a note."""
    header = next((h for h in frame.columns if base_header_key(h) in _PAID_DAY), None)
    if header is None or status_header is None or "kind" not in out or "status" not in out:
        return []
    said = values.per_distinct(out["status"], normalise_value)
    unpaid = out["kind"].eq("contact") & said.isin(_STILL_UNPAID)
    day = values.parse_dates(frame[header].reindex(out.index))[0]
    paid = unpaid & day.notna()
    if not paid.any():
        return []
    out.loc[paid, "kind"] = "purchase"
    count = int(paid.sum())
    words = listed(sorted(pd.unique(out.loc[paid, "status"].astype(str).str.strip())))
    has = "has" if count == 1 else "have"
    return [f"{counted(count, 'row')} whose '{status_header}' says {words} {has} a day in "
            f"'{header}': read as paid ({'a purchase' if count == 1 else 'purchases'}), the "
            "status not brought up to date."]


# A column of the day each was paid, unmistakably: ``_PAID_ON`` less the headers that may
# be the day payment is due ("Payment date"), and the day a payment was received.
_PAID_DAY = (_PAID_ON - {"dateofpayment", "paymentdate"}) | {
    "datepaymentreceived", "paymentreceived", "paymentreceivedon"}
# Statuses of an invoice billed and not yet paid (sent, overdue, unpaid).
_STILL_UNPAID = (SENT_ON_INVOICE | BILLED_ONLY_STATUSES | UNPAID_STATUSES
                 | {normalise_value(w) for w in ("overdue", "outstanding", "due", "invoiced",
                                                 "awaiting payment")})


def booked_and_paid(out: pd.DataFrame, frame: pd.DataFrame,
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
        elif (ticked_paid := ticks(frame[header])) is not None:
            # A "Paid" of yes and no beside a booking's amount: a booking ticked paid has
            # paid all of it (elsewhere the ticks are paid_flags').
            ticked = ticked_paid.reindex(out.index, fill_value=False).astype(bool)
            paid = amounts_of(out).where(booked & ticked)
    elif (stated := _payment_stated(frame, status_header)) is not None:
        # A booking's payment said in words beside its status (Bokun's "Paid type":
        # PAID_IN_FULL, NOT_PAID): a booking said paid has paid all of it.
        said_paid = stated.map(order_status_kind, na_action="ignore").reindex(out.index)
        paid = amounts_of(out).where(booked & said_paid.eq("purchase"))
        paid_in = f"in '{stated.name}'"
        # (one said refunded, Regiondo's "Erstattet": paid, then given back: a sale and
        # its refund, the sale added with the refunded orders)
        back = booked & said_paid.eq("refund")
        if back.any():
            out["kind"] = out["kind"].where(~back, "refund")
            out["_refunded_order"] = column_or_blank(out, "_refunded_order").where(~back, "full")
            booked &= ~back
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
    so_far = (paid + amounts_given_back(frame).reindex(out.index).fillna(0)).round(2)
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
    if not bought and parts_said_in_cell(frame, dict.fromkeys(frame.columns))[0]:
        return notes    # (its parts paid, "£500 pd", are read with them: booked_parts_paid)
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


def owed_without_status(out: pd.DataFrame, frame: pd.DataFrame,
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
            or not about_invoices([h for h in frame.columns if not names_owed(h)], "")
            or "order_id" in out and out["order_id"].dropna().duplicated().any()):
        return []
    amounts = amounts_of(out)
    owed_in = f"in '{owed_header}'"
    if owed_header is None:     # (what was paid alone: "Total Paid" beside the "Total")
        owed_in = f"(its amount less '{header}')"      # (what went back was paid first)
        paid = (said[0].fillna(0) + amounts_given_back(frame)).reindex(out.index).fillna(0)
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
        notes.append(part_paid_invoices(count, paid[part].sum(), billed[part].sum(),
                                        owed_in=owed_in, paid_in=paid_in))
    if unpaid.any():
        count = int(unpaid.sum())
        notes.append(f"{counted(count, 'invoice')} with all of {its(count)} amount still owed "
                     f"{owed_in} {was(count)} read as "
                     f"{'a contact, not a sale' if count == 1 else 'contacts, not sales'} "
                     "(awaiting payment).")
    return notes


def part_paid_beside_type(out: pd.DataFrame, frame: pd.DataFrame, status_header: str | None,
                          type_header: str | None) -> list[str]:
    """An invoice list whose rows a type column says are invoices or credit notes
    (QuickBooks' "Transaction type" of Invoice, Credit Memo, beside its "Status" and "Open
    balance"), read as ``booked_and_paid`` reads one with none: an invoice its own status
    says part paid ("Partially paid") still owing a part of its amount in the balance
    column is a sale of what was paid (the amount less the balance). Returns a note."""
    owed_header = _balance_column(frame)
    types = frame[type_header].dropna().astype(str).unique() if type_header in frame else []
    if ("status" not in out or "kind" not in out or owed_header is None
            or not normalise_header(status_header or "").endswith(("status", "state"))
            or not about_invoices([h for h in frame.columns if not names_owed(h)]
                                  + [*map(str, types)], "")):
        return []
    said = values.per_distinct(out["status"], normalise_value)
    owed = values.parse_money(frame[owed_header])[0].reindex(out.index)
    amounts = amounts_of(out)
    paid = (amounts - owed).round(2)
    part = (out["kind"].eq("purchase") & said.isin(_PART_PAID) & owed.gt(0)
            & paid.gt(0) & paid.lt(amounts))
    if not part.any():
        return []
    out.loc[part, "amount"] = paid[part]
    count = int(part.sum())
    return [f"{counted(count, 'invoice')} said "
            f"{listed(sorted(map(str, out['status'][part].unique())))} with part of "
            f"{its(count)} amount still owed in '{owed_header}' {was(count)} read as "
            f"{'a sale' if count == 1 else 'sales'} of what was paid "
            f"({paid[part].sum():,.2f} of {amounts[part].sum():,.2f})."]


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


def amounts_due(out: pd.DataFrame, frame: pd.DataFrame, status_header: str | None,
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


def same_clients_below(out: pd.DataFrame, merged: np.ndarray) -> np.ndarray:
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


def package_paid_once(out: pd.DataFrame, header: str,
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
# What a "Paid" cell's words say was paid (``_paid_how``): a way of paying, a platform paid
# through, a part paid, or a yes before the way ("Y - cash").
_PAID_WORDS = PAID_BY | PAID_THROUGH | _PART_PAID | {"y", "yes"}
# Nothing charged ("FOC", "free", "no charge": ``values.FREE_WORDS``): not a sale.
_NO_CHARGE = frozenset(normalise_value(word) for word in values.FREE_WORDS)
# A plain no among the words ("Yes", "Half", "No"): not paid. (Not "x": beside Y and N it
# may be a tick or a cross.)
_SAID_NO = frozenset({"no", "n", "notpaid", "unpaid"})
_PAID_CELL_WORDS = _PAID_WORDS | ON_INVOICE | NOT_PAID_YET | _NO_CHARGE | _SAID_NO

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


def unpaid_said(out: pd.DataFrame, frame: pd.DataFrame,
                 mapping: dict[str, str | None]) -> list[str]:
    """On a sheet with no kind or status column, a row read as a purchase (by the sheet's
    name, or as a log of work done and priced) whose note or work column says it is a
    quote or not yet paid ("Quote only", "not collected yet", "owes £20"), and nowhere that
    it was paid, is a contact, not a sale. Returns a note."""
    headers = [h for h, f in mapping.items() if f == "note" and h in frame]
    headers += [h for h in (work_column(mapping), unmapped(mapping, DESCRIBED))
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


def paid_parts(frame: pd.DataFrame, mapping: dict[str, str | None]
                ) -> dict[str, tuple[str, pd.Series]]:
    """Amounts paid in parts, each beside a column saying whether (or when) it was paid
    ("Deposit" and "Deposit paid", "Balance" and "Balance paid"): part's header -> (its
    paid column, the amounts where paid)."""
    by_key = {_part_key(h): h for h, f in mapping.items() if not f and h in frame}
    parts = {}
    for key, header in by_key.items():
        part = key.removesuffix("due")      # ("Balance due" beside "Balance pd")
        paid_by = next((by_key[k] for k in (f"{key}paid", f"{key}paidon", f"{key}received",
                                             f"paid{key}", f"{part}paid") if k in by_key
                        and by_key[k] != header), None)
        if paid_by is None:
            continue
        if (found := _part_paid_where_ticked(frame, header, paid_by)) is not None:
            parts[header] = (paid_by, found)
    return parts or _stage_payments(frame, mapping)


def _part_key(header: str) -> str:
    """A header as ``paid_parts`` pairs a part with its paid column: normalised, an aside
    in brackets left out and "pd" read as paid ("Deposit (25%)" and "Deposit pd": a
    marquee hire's)."""
    key = normalise_header(_ASIDE.sub(" ", header).strip() or header)
    return key.removesuffix("pd") + "paid" if key.endswith("pd") else key


def _part_paid_where_ticked(frame: pd.DataFrame, header: str, paid_by: str) -> pd.Series | None:
    """A part's amounts where the column beside it says it was paid, or None where the part
    is not all money or that column is not one of ticks."""
    money, ticked = values.read_money(frame[header]), ticks(frame[paid_by])
    if ticked is None or money.bad.any() or money.values.isna().all():
        return None
    return money.values.where(ticked)


# A bare "Paid" column, as normalise_header writes it (a second and third made unique:
# "Paid (2)", "paid2").
_BARE_PAID = re.compile(r"^paid\d*\??$")


def _stage_payments(frame: pd.DataFrame, mapping: dict[str, str | None]
                    ) -> dict[str, tuple[str, pd.Series]]:
    """A price paid in stages, each stage's money followed by a bare "Paid" column of its
    own (a web designer's "Deposit 30%", "Paid", "Midpoint 40%", "Paid", "Final 30%",
    "Paid"): as ``paid_parts`` gives them, where two stages at least are so written (one
    alone is a sheet's own "Price" and "Paid")."""
    columns = list(frame.columns)
    parts = {}
    for header, paid_by in zip(columns, columns[1:]):
        if (mapping.get(header) or mapping.get(paid_by)
                or _BARE_PAID.match(normalise_header(header))
                or not _BARE_PAID.match(normalise_header(paid_by))):
            continue
        if (found := _part_paid_where_ticked(frame, header, paid_by)) is not None:
            parts[header] = (paid_by, found)
    return parts if len(parts) >= 2 else {}


def _rest_paid_amounts(frame: pd.DataFrame, mapping: dict[str, str | None]
                       ) -> dict[str, tuple[str, pd.Series]]:
    """A column of the rest of a total paid, as money ("Balance paid" 1500 beside "Deposit"
    and "Deposit paid", with no "Balance" of its own: ``REST_OF_TOTAL``): a part paid, its
    amount where filled (as ``paid_parts`` gives them: header -> (itself, amounts))."""
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


def deposits_taken(frame: pd.DataFrame, mapping: dict[str, str | None]
                    ) -> dict[str, tuple[str, pd.Series]]:
    """A "Deposit" column of money no column says was paid or not: each deposit written
    was taken (as ``paid_parts`` gives them: header -> (itself, amounts))."""
    header = next((h for h, f in mapping.items() if not f and h in frame
                   and normalise_header(h) in DEPOSIT_HEADERS), None)
    if header is None:
        return {}
    money = values.read_money(frame[header])
    if money.bad.any() or not money.values.gt(0).any():
        return {}
    return {header: (header, money.values.where(money.values.gt(0)))}


# The parts of a price an owner writes in columns of their own ("Deposit", "Balance"), as
# normalise_header writes them.
_PARTS_OF_A_PRICE = DEPOSIT_HEADERS | REST_OF_TOTAL
# A part's cell written with its money first, then words ("£500 pd", "£1,200 due 1/6").
_MONEY_THEN_WORDS = re.compile(r"^\s*([£$€]?\s?\d[\d,]*(?:\.\d{1,2})?)\s*(.*)$")


def parts_said_in_cell(frame: pd.DataFrame, mapping: dict[str, str | None]
                       ) -> tuple[dict[str, tuple[str, pd.Series]], pd.Series, pd.Series]:
    """Parts of a price whose cells say themselves whether they were paid ("Deposit" "£500
    pd", "Balance" "£1,200 due 1/6", "£900"): each part's amounts where its cell says paid
    (``_paid_how``), as ``paid_parts`` gives them (header -> (itself, amounts)), the rows
    where any part's cell says paid or owed ("due", "owes": not paid yet), and each row's
    parts not said paid (owed, or a bare sum), summed. A bare sum says neither. A part is
    read only where every cell is money, then words read so, and one cell at least holds
    words; nothing is read unless some part was paid. Beside the row's price (its amount
    column), a deposit above that price on any row is held against damage (a tool hire's
    "£100 returned" on a £60 hire), no part of it: not read."""
    parts, said = {}, pd.Series(False, index=frame.index)
    left = pd.Series(0.0, index=frame.index)
    price = next((values.parse_money(frame[h])[0] for h, f in mapping.items()
                  if f == "amount" and h in frame), None)
    for header, field in mapping.items():
        if field or header not in frame or normalise_header(header) not in _PARTS_OF_A_PRICE:
            continue
        written = frame[header].dropna().astype(str).str.strip()
        written = written[written.ne("")]
        found = written.str.extract(_MONEY_THEN_WORDS)
        if written.empty or found[0].isna().any() or not found[1].ne("").any():
            continue
        how = found[1].map(_part_paid_how)
        if how.isna().any():
            continue
        money = values.parse_money(found[0])[0]
        if price is not None and money.gt(price.reindex(money.index)).any():
            continue
        parts[header] = (header, money.where(how.eq("paid")).reindex(frame.index))
        said |= how.isin(("paid", "owed")).reindex(frame.index, fill_value=False)
        left = left.add(money.where(how.isin(("owed", ""))).reindex(frame.index), fill_value=0)
    if not any(amounts.gt(0).any() for _, amounts in parts.values()):
        return {}, said & False, left * 0
    return parts, said, left


def _part_paid_how(words: str) -> str | None:
    """What a part's words after its sum say: "paid" ("pd", "paid 3/5", "cash"), "owed"
    ("due 1/6", "owes", "TBC"), "back" (given back: "refunded", "returned": ``GIVEN_BACK``,
    neither paid nor owed), "" for none; None for words that say neither."""
    if not words:
        return ""
    if normalise_value(words) in GIVEN_BACK:
        return "back"
    how = _paid_how(words)
    if how is not None:
        return "paid" if how == "purchase" else "owed"
    found = _WORDS_BEFORE_A_DAY.match(words)
    return "owed" if found and normalise_value(found["words"]) in _OWED else None


def booked_parts_paid(rows: pd.DataFrame, frame: pd.DataFrame,
                       mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """On a log of bookings or jobs, amounts paid in parts beside columns saying whether
    each was paid (``paid_parts``: a caterer's "Deposit paid" and "Balance paid" ticks):
    a row with any part paid is a purchase of what was paid (not its whole price); one
    with none paid yet a contact at consideration (agreed, not paid). Rows that say they
    were refunded or cancelled keep that. Returns the rows and a note."""
    parts, rest = paid_parts(frame, mapping), _rest_paid_amounts(frame, mapping)
    if not parts and not rest and (full := unmapped(mapping, _PAID_IN_FULL)):
        return _deposits_not_paid_in_full(rows, frame, mapping, full)
    if not parts and rest:      # a deposit written with no column saying if it was paid,
        parts = deposits_taken(frame, mapping)     # beside the balance paid: taken
    said = None
    if not parts and not rest:  # ("£500 pd" in the "Deposit" column itself)
        parts, said, _ = parts_said_in_cell(frame, mapping)
    if not parts or "kind" not in rows:
        return rows, []
    parts |= rest
    paid = pd.DataFrame({h: v for h, (_, v) in parts.items()}).sum(
        axis=1, min_count=1).reindex(rows.index)
    open_rows = rows["kind"].isin(["purchase", "contact"]) | rows["kind"].isna()
    bought, waiting = open_rows & paid.gt(0), open_rows & ~paid.gt(0)
    if said is not None:        # (a row of bare sums, "£900", is left as its status says)
        waiting &= said.reindex(rows.index, fill_value=False)
    rows = rows.copy()
    rows.loc[bought, "kind"] = "purchase"
    rows.loc[bought, "amount"] = paid[bought].round(2)
    rows.loc[waiting, "kind"] = "contact"
    rows["stage"] = rows["stage"] if "stage" in rows else None
    rows.loc[waiting & rows["stage"].isna(), "stage"] = "consideration"
    pairs = " and ".join(f"'{h}' where '{by}' says so" if by != h else
                         f"'{h}' where its cell says so" if said is not None else f"'{h}'"
                         for h, (by, _) in parts.items())
    unpaid = int(waiting.sum())
    unsaid = 0 if said is None else int((open_rows & ~bought & ~waiting).sum())
    return rows, [f"Each row's sale is what was paid of {pairs} "
                  f"({counted(int(bought.sum()), 'purchase')} of "
                  f"{values.amount_text(float(paid[bought].sum()))})"
                  + (f"; {counted(unpaid, 'row')} with nothing paid yet "
                     f"{'was read as a contact' if unpaid == 1 else 'were read as contacts'}"
                     " at consideration, not sales" if unpaid else "")
                  + (f"; {counted(unsaid, 'row')} with no part said paid or owed (a bare "
                     f"sum or none) {was(unsaid)} read as {its(unsaid)} status says"
                     if unsaid else "") + "."]


# A column saying whether each booking was paid in full ("Paid in full?", "Fully paid").
_PAID_IN_FULL = re.compile(r"^(?:paidinfull|fullypaid)\??$")


def _deposits_not_paid_in_full(rows: pd.DataFrame, frame: pd.DataFrame,
                               mapping: dict[str, str | None], full: str
                               ) -> tuple[pd.DataFrame, list[str]]:
    """On a log of bookings, a "Deposit" of money (``deposits_taken``) beside a column
    saying whether each was paid in full (a retreat's "Paid in full?" Yes, "No - balance
    due 1 Mar"): a booking said not paid in full, its deposit written, is a sale of the
    deposit, not a contact; one paid in full stays a sale of its price, one with no
    deposit (a place on the waiting list) a contact. A blank or a no-show says nothing of
    the deposit being paid. Returns the rows and a note."""
    deposits = deposits_taken(frame, mapping)
    if not deposits:
        return rows, []
    ((header, (_, taken)),) = deposits.items()
    said_unpaid = values.per_distinct(frame[full], _not_in_full_yet)
    took = (rows["kind"].eq("contact") & said_unpaid.reindex(rows.index).fillna(False)
            .astype(bool) & taken.reindex(rows.index).gt(0))
    if not took.any():
        return rows, []
    rows = rows.copy()
    rows.loc[took, "kind"] = "purchase"
    rows.loc[took, "amount"] = taken[took[took].index].round(2)
    count = int(took.sum())
    return rows, [f"{counted(count, 'booking')} not paid in full as '{full}' says, with "
                  f"'{header}' written, {was(count)} read as "
                  f"{'a sale' if count == 1 else 'sales'} of the deposit "
                  f"({values.amount_text(float(taken[took[took].index].sum()))}), not "
                  f"{'a contact' if count == 1 else 'contacts'}."]


def _not_in_full_yet(cell: object) -> bool:
    """Whether a "Paid in full" cell says no, or that the balance is still to come ("No",
    "No - balance due 1 Mar", "bal due"): not a blank, a no-show or another word."""
    parts = _paid_parts(cell) if isinstance(cell, str) else set()
    return bool(parts) and parts <= _SAID_NO | BALANCE_TO_COME


def deposits_balance_owed(rows: pd.DataFrame, frame: pd.DataFrame,
                          mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """On a log of bookings, a sale whose status says its balance is still owed (a chef's
    "Done - balance owed": ``BALANCE_TO_COME``) beside a bare "Deposit" of money below its
    amount is a sale of the deposit paid (£300 of £1,100), not of the whole price; the
    rest is to come. Returns the rows and a note."""
    status = next((h for h, f in mapping.items() if f == "status" and h in frame), None)
    deposit = next((h for h, f in mapping.items() if not f and h in frame
                    and normalise_header(h) in DEPOSIT_HEADERS), None)
    if status is None or deposit is None or not {"kind", "amount"} <= set(rows):
        return rows, []
    money = values.read_money(frame[deposit])
    if money.bad.any():
        return rows, []
    owed = frame[status].map(lambda cell: any(match_key(part) in BALANCE_TO_COME
                                              for part in said_parts(cell)),
                             na_action="ignore").fillna(False).astype(bool)
    got = money.values.reindex(rows.index)
    amounts = amounts_of(rows)
    part = (rows["kind"].eq("purchase") & owed.reindex(rows.index, fill_value=False)
            & got.gt(0) & got.lt(amounts))
    if not part.any():
        return rows, []
    rows = rows.copy()
    rows.loc[part, "amount"] = got[part].round(2)
    count = int(part.sum())
    return rows, [f"{counted(count, 'sale')} whose '{status}' says the balance is still owed "
                  f"{was(count)} read as {'a sale' if count == 1 else 'sales'} of '{deposit}' "
                  f"paid ({values.amount_text(float(got[part].sum()))} of "
                  f"{values.amount_text(float(amounts[part].sum()))}); the rest is to come."]


def paid_of_each_order(rows: pd.DataFrame, frame: pd.DataFrame, amount_header: str | None,
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
    paid = paid + amounts_given_back(frame)
    paid = rows["_row"].map(pd.Series(paid.to_numpy(), index=row_numbers))
    key = order_keys(rows, by_kind=True)
    key = key.where(key.notna(), rows.index.to_series().map(lambda i: f"\x1e{i}"))
    several = key.duplicated(keep=False)
    by_order = paid[several].groupby(key[several])
    repeated = (several.any() and bool(by_order.nunique(dropna=False).eq(1).all())
                and bool(amounts_of(rows)[several].groupby(key[several]).nunique().gt(1).any()))
    each = paid.groupby(key).transform("first" if repeated else "sum")
    return header, each.where(paid.groupby(key).transform("count").gt(0))


def orders_part_paid(rows: pd.DataFrame,
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


def paid_in_parts(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Purchases of one order ID and client on different days (a wedding's retainer and
    its balance, an invoice paid in two payments) are payments of one sale: each later one
    takes the first one's day, so that order_lines makes one sale of them, its amount
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
