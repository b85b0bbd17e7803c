"""Money gone back and things undone: refunds (a column, a status, a description, a word
over the amount), cancellations, no-shows, reversals and storno invoices, credit notes.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ... import values
from ...fields import CREDIT_DOCUMENTS, DOCUMENT_TYPE, normalise_header
from ...stages import REFUNDED, normalise_value, order_status_kind
from ...text import counted, listed, name_key, was
from ..profiles import OrderRefunds, order_refunds
from ..evidence import measure
from ..read import RawSheet
from ..understand import (amounts_of, column_label, column_or_blank, is_blank, kind_named,
                          sheet_kind)
from .common import (DESCRIBED, REFUNDED_AMOUNT, count_orders, order_keys, reject_rows,
                     unmapped)


def storno_invoices(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame,
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
            reject_rows(found.loc[[index]], out, raw, frame, header,
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


def credits_of_unpaid(out: pd.DataFrame, rejected: pd.Series, notes: list[str]) -> None:
    """A credit note (a row read as a refund whose amount is negative: Axonaut's "Avoir",
    Zervant's "Hyvitetty" of -186) beside the same client's invoice of the amount, on or
    before its day, that was never paid (read as a contact: overdue, sent): no money went
    back, the invoice was called off, a cancellation; so too a credit of part of a larger
    unpaid invoice where the client paid nothing before it. A credit larger than the unpaid
    invoice (the client having paid nothing before it) calls it off to its amount, the rest
    a credit held for the client, not money given back; one dated before an unpaid invoice
    of its amount calls that off where the client paid nothing on the sheet. Beside a paid
    one, or none on the sheet, it stays a refund. ``out`` is changed in place and ``notes``
    says what was read."""
    if "kind" not in out or "amount" not in out:
        return
    amounts = amounts_of(out)
    credit = out["kind"].eq("refund") & amounts.lt(0) & ~rejected
    if not credit.any():
        return
    who = column_or_blank(out, "client_id").where(~is_blank(out, "client_id"),
                                                  column_or_blank(out, "name"))
    who = who.map(name_key, na_action="ignore")
    days = (pd.to_datetime(out["date"], errors="coerce") if "date" in out
            else pd.Series(pd.NaT, index=out.index))
    cents = amounts.round(2)
    may_be = ~rejected & ~credit & who.notna() & cents.gt(0)   # (invoices)
    their = pd.DataFrame({"who": who, "cents": cents, "day": days,
                          "paid": out["kind"].eq("purchase")})[may_be]
    used: set = set()
    called_off = in_part = beyond_count = invoices_off = 0
    beyond = 0.0
    for index in credit[credit].index:
        theirs = their["who"].eq(who[index])
        before = theirs & ~(their["day"] > days[index])
        same = before & their["cents"].eq(-cents[index])
        original = next((i for i in reversed(same[same].index) if i not in used), None)
        whole = original is not None
        over, covered = False, []
        if original is None and not their["paid"][before].any():
            # (a part of an unpaid invoice credited, the client having paid nothing: 100
            # off an overdue 300 gives no money back)
            larger = before & their["cents"].gt(-cents[index])
            original = next((i for i in reversed(larger[larger].index) if i not in used), None)
            # (more than an unpaid invoice credited: -400 on an overdue 300 calls it off,
            # the 100 beyond it is the client's credit, no money back; -500 on her overdue
            # 300 and 200 calls off both, the latest first while the credit covers them)
            smaller = before & ~their["paid"] & their["cents"].lt(-cents[index])
            over = original is None
            covered = _covered_by(their["cents"], [
                i for i in reversed(smaller[smaller].index) if i not in used
                and out.at[i, "kind"] == "contact"], -cents[index]) if over else []
            original = original if not over else next(iter(covered), None)
        if original is None and not their["paid"][theirs].any():
            # (a credit dated before the unpaid invoice of its amount, nothing ever paid)
            later = theirs & their["cents"].eq(-cents[index])
            original = next((i for i in later[later].index if i not in used), None)
            whole, over = original is not None, False
        if original is None:
            continue
        used.update(covered if over else [original])
        if out.at[original, "kind"] == "contact":
            called_off_here = float(their["cents"][covered].sum()) if over else abs(
                amounts[index])
            out.at[index, "kind"] = "cancellation"
            out.at[index, "amount"] = called_off_here
            called_off += 1
            invoices_off += len(covered) if over else 1
            in_part += not whole and not over
            if over and -cents[index] > called_off_here:
                beyond_count += 1
                beyond += -cents[index] - called_off_here
    if called_off:
        invoices_said = ("an invoice" if invoices_off == 1 else "invoices"
                         if invoices_off == called_off else f"{invoices_off} invoices")
        notes.append(f"{counted(called_off, 'credit note')} (a negative amount marked refunded "
                     f"or credited) called off {invoices_said}"
                     f" never paid{f' ({in_part} in part)' if in_part else ''}: read as "
                     f"{'a cancellation' if called_off == 1 else 'cancellations'}"
                     ", no money given back."
                     + (f" {counted(beyond_count, 'credit note')} credited more than "
                        f"{'its invoice' if beyond_count == 1 else 'their invoices'}: "
                        f"{values.amount_text(beyond)} beyond "
                        f"{'it is' if beyond_count == 1 else 'them is'} credit held for the "
                        "client, not counted as money given back." if beyond_count else ""))


def _covered_by(cents: pd.Series, invoices: list, credit: float) -> list:
    """Of ``invoices`` (latest first), those a credit of ``credit`` calls off whole: taken
    in turn while their sum stays within it."""
    taken, total = [], 0.0
    for invoice in invoices:
        if total + cents[invoice] > credit:
            break
        taken.append(invoice)
        total += cents[invoice]
    return taken


_REFUNDED_AT = re.compile(r"^(?:refunded|refund)(?:at|on|date|time)$|^daterefunded$")
_SAYS_MONEY = re.compile(r"amount|total|value|sum")


def _refunded_column(mapping: dict[str, str | None]) -> str | None:
    """The column of what went back (``REFUNDED_AMOUNT``): one whose header says money
    ("Refund Amount") before a bare "Refunded", which may be only yes or no (Toast's
    payments have both)."""
    found = [h for h, target in mapping.items()
             if not target and REFUNDED_AMOUNT.match(normalise_header(h))]
    return next((h for h in found if _SAYS_MONEY.search(normalise_header(h))),
                found[0] if found else None)


# What a refunds log's rows are not: its money another column's (an order list's "Total"
# beside its "Refunded Amount"), or something a column says happened (a kind, a status).
_NOT_A_REFUNDS_LOG = frozenset({"amount", "revenue_current", "revenue_potential", "kind",
                                "stage", "status"})
# A column of each client's refunds added up ("Total refunded", "Refunds total"): a client
# list's, not one refund's.
_ADDED_UP = re.compile(r"total|sum")


def refunds_logged(raw: RawSheet, mapping: dict[str, str | None], file: str = "") -> str | None:
    """The column of money given back (``REFUNDED_AMOUNT``: "Refund amount") of a log of
    refunds ("Client, Refund date, Refund amount"), or None: the sheet's only money, an
    amount on every row that names a client, beside a date (its own or a first contact's,
    or a column of dates); no column says what else happened (a kind, a status, a header
    naming another kind: a complaints log's "Complaint" beside its "Refund (£)"), nor does
    the sheet's or file's name. Each row is a refund of that money on that day, whether or
    not a client is listed twice."""
    fields = set(mapping.values())
    if fields & _NOT_A_REFUNDS_LOG:
        return None
    header = _refunded_column(mapping)
    if header is None or _ADDED_UP.search(normalise_header(header)):
        return None
    if sheet_kind(raw.name, file) not in (None, "refund") or any(
            h != header and f != "order_id"
            and kind_named(normalise_header(h)) not in (None, "refund")
            for h, f in mapping.items()):
        return None
    if not fields & {"date", "first_contact", "last_contact"} and not any(
            f is None and h != header and measure(raw.frame[h]).is_date
            for h, f in mapping.items()):
        return None
    keys = [h for h, f in mapping.items() if f in ("client_id", "name")]
    if not keys:
        return None
    named = raw.frame[keys].notna().any(axis=1)
    money, bad = values.parse_money(raw.frame.loc[named, header])
    if not named.any() or bad.any() or not money.gt(0).all() or money.isin([0, 1]).all():
        return None
    return header


def money_gone_back(rows: pd.DataFrame, frame: pd.DataFrame,
                     mapping: dict[str, str | None], day_first: bool | None
                     ) -> tuple[pd.DataFrame, list[str]]:
    """Orders whose own column says how much went back (``REFUNDED_AMOUNT``) are refunded
    orders, whatever their status says ("Completed" with £20 refunded): fully when it is
    their amount (or the column says only yes or no), else partly; that money is their
    refund's amount (``_refund_amount``), dated by a column of when (``_REFUNDED_AT``)
    where the sheet has one. Returns the rows and notes."""
    said, when = _refunded_column(mapping), unmapped(mapping, _REFUNDED_AT)
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
        amount_header = next((h for h, f in mapping.items() if f == "amount"), None)
        by_line = (amount_header is not None and money
                   and bool(_LINE_AMOUNT.search(normalise_header(amount_header)))
                   and not _ORDERS_OWN.search(normalise_header(said)))
        rows, notes = _refunds_of(rows, back, said if money else None,
                                  amount.where(~_lines_kept(frame, mapping, rows))
                                  if by_line else None)
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


def refunds_beside_said(rows: pd.DataFrame, frame: pd.DataFrame,
                         mapping: dict[str, str | None]) -> list[str]:
    """What the import says of the refunds put beside rows that are no sale (and the
    marker column dropped from ``rows``, in place)."""
    of = rows.pop("_beside").dropna()
    kinds = listed([counted(n, str(k).replace("_", " ")) for k, n in of.value_counts().items()])
    said = _refunded_column(mapping)
    return [f"{kinds} with money gone back in '{said}' {was(len(of))} given a refund beside "
            f"{'it' if len(of) == 1 else 'them'}, of that money "
            f"({amounts_of(rows.loc[of.index]).sum():,.2f} in all)."]


def cancelled_back_said(rows: pd.DataFrame, mapping: dict[str, str | None]) -> list[str]:
    """What the import says of cancellations with money gone back (and the marker column
    dropped from ``rows``, in place)."""
    back = rows.pop("_cancelled_back").dropna()
    return [f"{counted(len(back), 'cancellation')} with money gone back in "
            f"'{_refunded_column(mapping)}' ({back.sum():,.2f} in all) "
            f"{was(len(back))} cancelled and refunded: no sale."]


# An amount header naming a line's own amount ("Line Total", "Item Total", "Lineitem
# price"), not the order's repeated on each line.
_LINE_AMOUNT = re.compile(r"line|item")
# A refund header naming the order's figure ("Order Refunded Amount"), not a line's.
_ORDERS_OWN = re.compile(r"order")
# A column of each line's own status ("Line status", "Item status"), unmapped.
_LINE_STATUS = re.compile(r"^(?:line|item|lineitem|product)status$")


def _lines_kept(frame: pd.DataFrame, mapping: dict[str, str | None],
                rows: pd.DataFrame) -> pd.Series:
    """The lines whose own status says they were kept ("Fulfilled") beside a line of their
    order it says went back ("Refunded": ``REFUNDED``), in the sheet's status column or a
    line's (``_LINE_STATUS``): a refund repeated on such a line is not its own (the order's
    20 on a refunded Mug and a kept Plate is 20 back, not 40). An order's status, the same
    on each of its lines, says nothing of one line."""
    header = (next((h for h, f in mapping.items() if f == "status"), None)
              or unmapped(mapping, _LINE_STATUS))
    if header is None:
        return pd.Series(False, index=rows.index)
    said = values.per_distinct(frame.loc[rows.index, header], normalise_value)
    refunded = said.isin(REFUNDED)
    orders = order_keys(rows, by_kind=False)
    beside = refunded.groupby(orders).transform("any").reindex(rows.index, fill_value=False)
    return said.notna() & ~refunded & beside.astype(bool)


def _refunds_of(rows: pd.DataFrame, back: pd.Series, said: str | None,
                line: pd.Series | None = None) -> tuple[pd.DataFrame, list[str]]:
    """The orders of ``rows`` with money gone back (``back``) marked refunded, fully (all
    their amount) or partly, and that money their refund's (money_gone_back); an order of
    several lines is refunded once, on its first line, of what its lines say went back:
    read from the column ``said`` as ``profiles.order_refunds`` does (added up, or once
    where it is the order's repeated on every line); the amounts of its lines marked
    refunded (``said`` None: a yes or a date on them) added up; ``line``: each line's own
    amount, where the sheet's amounts are its lines'. Returns the rows and what the import
    says of the orders' lines."""
    orders = order_keys(rows, by_kind=False)
    amount = amounts_of(rows)
    notes: list[str] = []
    if orders.notna().any():
        first = orders.isna() | ~orders.duplicated()
        if said is None:
            back = back.where(orders.isna(), back.groupby(orders).transform(
                "sum", min_count=1)).where(first)
        else:
            read = order_refunds(back, orders, line)
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
    if differ := read.added_up - read.lines_in_full:
        one = differ == 1
        notes.append(f"'{said}' differs from line to line of an order: each line's is what "
                     f"went back on it, so the refund{'' if one else 's'} of "
                     f"{counted(differ, 'order')} {'is its' if one else 'are their'} "
                     "lines' added up.")
    if read.lines_in_full:
        one = read.lines_in_full == 1
        notes.append(f"'{said}' is each line's own whole amount on every line of "
                     f"{counted(read.lines_in_full, 'order')}: each line went back in full, "
                     f"so the refund{'' if one else 's'} {'is its' if one else 'are their'} "
                     "lines' added up.")
    if read.read_once:
        notes.append(f"'{said}' is the same on every line of "
                     f"{counted(read.read_once, 'order')}: the order's refund, read once, "
                     "not added up.")
    return notes


# The header of a payment's own number (a refund's "Payment ID", "Charge ID"), normalised;
# not the refund's ("Refund ID").
_PAYMENT_NUMBER = re.compile(r"^(?!.*refund).*(?:payment|charge|transaction|txn)")


# A header naming the payment a row refers back to ("Reference Txn ID", PayPal's; "Original
# transaction"): beside it, the row's own "Transaction ID" is the refund's, not the payment's.
_REFERRED = re.compile(r"^(?:reference|ref|original|orig|parent|related)(?:txn|transaction|"
                       r"payment|charge)")


def refunds_of_payments(out: pd.DataFrame, mapping: dict[str, str | None], sheet: str,
                        file: str) -> list[str]:
    """A list of refunds (its name says so: every row read as a refund, no kind column)
    whose rows each name the payment they give back ("Payment ID", read as the order;
    ``_PAYMENT_NUMBER``) and the amount: each refund is of a payment made, so that payment
    is a purchase beside it, of an amount the sheet does not give (``refunded_orders``
    adds it). A returns list's "Order ID" with no amount is not one (each return takes its
    order's amount), nor a "Transaction ID" beside a "Reference Txn ID" (``_REFERRED``: the
    refund's own number; the payment's is the other). A refund its status says is not made yet ("Pending", "Failed": a
    contact's word), or was refused (a refund request "Declined", read as lost), gave
    nothing back: a contact of the amount asked back, beside its payment's purchase.
    Returns a note."""
    paid_by = next((h for h, f in mapping.items() if f == "order_id"), None)
    if (paid_by is None or not _PAYMENT_NUMBER.search(normalise_header(paid_by))
            or any(_REFERRED.match(normalise_header(h)) for h in mapping if h != paid_by)
            or "order_id" not in out or sheet_kind(sheet, file) != "refund"
            or "_refunded_order" in out):
        return []       # (a returns list's "Order ID": each return takes its order's amount)
    status = column_or_blank(out, "status")
    unmade = status.map(lambda cell: isinstance(cell, str) and order_status_kind(
        cell) == "contact").astype(bool)
    refused = out["kind"].eq("lost") & unmade      # (a refund request "Declined")
    refunds = (out["kind"].eq("refund") | refused) & out["order_id"].notna()
    if (not refunds.any() or not (out["kind"].eq("refund") | out["kind"].isna()
                                  | refused).all()
            or amounts_of(out)[refunds].isna().any()):
        return []
    asked = refunds & unmade
    back = amounts_of(out).abs()
    out["_refunded_order"] = pd.Series(np.where(asked, "asked", "of a payment"),
                                       index=out.index, dtype=object).where(refunds)
    out["_refund_amount"] = back.where(refunds)
    out["amount"] = out["amount"].where(~refunds, None) if "amount" in out else None
    out.loc[asked, "kind"] = "contact"
    made, waiting = int((refunds & ~asked).sum()), int(asked.sum())
    return [f"Sheet '{sheet}' lists refunds, each of the payment its '{paid_by}' names: "
            f"{counted(int(refunds.sum()), 'payment')} {was(int(refunds.sum()))} read as "
            "purchases, of amounts the sheet does not give"
            + (f", {counted(made, 'refund')} beside {'it' if made == 1 else 'them'}"
               if made else "")
            + (f"; {counted(waiting, 'refund')} not made yet (its status says so) "
               f"{was(waiting)} read as {'a contact' if waiting == 1 else 'contacts'}, of "
               "the amount asked back" if waiting else "") + "."]


def refunded_orders(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """An order whose status says it was refunded (``_refunded_order``, from
    understand.resolve_kinds, or a column of what went back: money_gone_back) was bought
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
    orders = order_keys(rows, by_kind=False)      # (an order's lines are one order)
    partly = count_orders(orders[partial])
    both = pd.concat([refunds, purchases], ignore_index=True).drop(
        columns=["_refund_amount", "_refund_date"], errors="ignore")
    given_back = refunded.isin(["full", "partial"])   # (not refunds_of_payments', said there)
    if not given_back.any():
        return both, []
    note = (f"{counted(count_orders(orders[given_back]), 'refunded order')} counted as "
            "a purchase with a refund beside it" + (
                f" ({partly:,} partly refunded: the sheet does not say how much went back, "
                "so " + ("that refund has" if partly == 1 else "those refunds have")
                + " no amount)" if partly else "") + ".")
    return both, [note]


# A column of true/false saying an order was undone (Toast's "Voided", "Is Cancelled"), an
# invoice reversed (Számlázz.hu's "Sztornó" igen/nem, a German "Storniert" ja/nein), or a
# booking deleted from the schedule (SuperSaaS' "Deleted" Yes/No).
_UNDONE_FLAG = re.compile(r"^(?:is)?(?:voided|void|cancell?ed|deleted|storno|sztorno|storniert|"
                          r"stornata|stornato|stornovano)$")
# A column of the day each row was cancelled, blank when it was not (Cliniko's "Cancelled
# At"), and a yes/no of whether the client came (Cliniko's "Did Not Arrive").
_CANCELLED_AT = re.compile(r"^(?:cancell?ed|cancell?ation)(?:at|on|date|time)$|"
                           r"^datecancell?ed$")
_NO_SHOW_FLAG = re.compile(r"^(?:didnotarrive|didnotattend|noshow|dna|markedasnoshow)$")


def flagged_cancellations(out: pd.DataFrame, frame: pd.DataFrame,
                           mapping: dict[str, str | None],
                           day_first: bool | None = None) -> list[str]:
    """Rows a true/false column marks undone (``_UNDONE_FLAG``: "Voided" true) or a column
    of days marks cancelled (``_CANCELLED_AT``: Cliniko's "Cancelled At", a hotel's
    "Cancelled on"), with no kind of their own, are cancellations, not sales, dated on the
    day they were cancelled (not the day booked); rows a yes/no column marks missed
    (``_NO_SHOW_FLAG``: "Did Not Arrive" yes) are contacts. Returns notes."""
    notes = []
    said = unmapped(mapping, _UNDONE_FLAG)
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
    said = unmapped(mapping, _CANCELLED_AT)
    if said is not None:
        # (a day is the mark: "N/A", "-" or "No" in the column is no cancellation)
        # (over a kind that only says what was booked: a clinic's "Type" of Follow-up)
        days = values.parse_dates(frame[said], day_first=day_first)[0]
        if count := _marked(out, days.notna(), "cancellation", over=("contact", "purchase")):
            cancelled = days.notna() & out["kind"].eq("cancellation")
            out["date"] = column_or_blank(out, "date").where(~cancelled, days)
            notes.append(f"{counted(count, 'row')} with a day in '{said}' {was(count)} read as "
                         + ("a cancellation, not a sale" if count == 1 else
                            "cancellations, not sales") + ", dated on that day.")
    said = unmapped(mapping, _NO_SHOW_FLAG)
    if said is not None:
        if count := _marked(out, no_shows(frame, mapping), "contact"):
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


def no_shows(frame: pd.DataFrame, mapping: dict[str, str | None]) -> pd.Series:
    """Rows a yes/no column marks missed (``_NO_SHOW_FLAG``: "Did Not Arrive" yes)."""
    said = unmapped(mapping, _NO_SHOW_FLAG)
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


# A description that says the row is money going back ("Refund - logo design"). The word
# must stand as the row's heading: alone, or before a dash, colon, bracket or
# "of"/"for" ("Refund - logo design", "Refund: deposit", "Refund of deposit"); a note
# that goes on ("Refund policy explained", "Refund requested - declined", "Refunded £20
# for late delivery") says something of a sale, not that the row is money going back.
_CANCELLED_FIRST = r"(?:(?:cancell?ed|canceled)\W*(?:and\s+|&\s*|\+\s*)?)?"
_REFUND_SAID = r"(?i)^\W*" + _CANCELLED_FIRST + \
               r"(?:refund(?:ed)?|reembolso|remboursement|r(?:ü|u)ckerstattung|rimborso|" \
               r"terugbetaling)\s*(?:$|[-–—:;/(\[#,.]|(?:of|for|to|re|on|de|du|des|" \
               r"del|para|per|pour|für|fur|van|voor)\s)"
# (A booking "Cancelled - refunded", "cancelled & refunded": its money went back too.)
# A note that speaks of a refund not made: none given, or one to come or asked for
# ("Refund - no", "Refund to follow if the topper is missing", "Refund requested"), after
# a booking's "Cancelled" too ("Cancelled - refund to follow", "Cancelled - refund: no").
_NO_REFUND_SAID = r"(?i)^\W*" + _CANCELLED_FIRST + \
                  r"refund(?:ed)?\W*(?:no|none|nil|not|n/?a|declined|denied|refused|" \
                  r"pending|requested|asked|to follow|if|when|maybe|tbc)\b"
# Money a note writes with a currency sign ("Refund: $10 for the squashed box").
_MONEY_IN_NOTE = r"((?:[$£€]\s?\d[\d,]*(?:\.\d{1,2})?)|(?:\d[\d,]*(?:\.\d{1,2})?\s?[€£]))"
_REFUND_STEMS = (b"refund", b"reembolso", b"remboursement", b"ckerstattung", b"rimborso",
                 b"terugbetaling")


def credit_documents(out: pd.DataFrame, frame: pd.DataFrame,
                      mapping: dict[str, str | None]) -> list[str]:
    """An invoice list whose document type column (``DOCUMENT_TYPE``: a CFDI list's "Tipo
    de comprobante") says a row is a credit note ("Egreso"), written at its positive
    amount as the CFDI writes it: money given back, a refund, not a sale. Returns a note."""
    header = unmapped(mapping, DOCUMENT_TYPE)
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


def refunds_described(out: pd.DataFrame, frame: pd.DataFrame,
                       mapping: dict[str, str | None]) -> list[str]:
    """On a sheet with no kind column, a purchase (paid, or a sale by the sheet's name)
    whose description begins with "Refund" ("Refund - logo design"; not "Refundable
    deposit") is money going back: a refund, not a sale. But where the sheet names what
    was sold in a column of its own ("Item": "Wedding cake") and only the row's note says
    "Refund for late delivery", the row is that sale, partly refunded: its purchase keeps
    its amount and a refund goes beside it, of the money the note writes with a currency
    sign ("Refund: $10 ...") if it is less, else of no amount (refunded_orders says so).
    Returns a note."""
    said = unmapped(mapping, DESCRIBED)
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
    cancelled = any(column[found.reindex(column.index, fill_value=False)].astype(str)
                    .str.match(r"(?i)\W*cancel").any() for _, column in texts)
    also = " (or 'Cancelled - refunded')" if cancelled else ""
    return [f"{counted(count, 'row')} whose {' or '.join(repr(h) for h, _ in texts)} begins "
            f"with 'Refund'{also} {was(count)} read as "
            f"{'a refund (money going back)' if count == 1 else 'refunds (money going back)'}"
            ", not a sale."]


def happened_for_amount(out: pd.DataFrame, frame: pd.DataFrame, raw: RawSheet, header: str,
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
