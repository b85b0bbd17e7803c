"""Orders and their lines: continued orders, numbered lines, lines of one order, total and
subtotal rows, rows that are parts of an order, empty rows, lines that bill a job.
"""

from __future__ import annotations

import json
import re

import pandas as pd

from ... import values
from ...fields import JOB_NUMBERS, ORDER_ROW_VALUES, ROW_LEVEL_HEADERS, normalise_header
from ...stages import FREE_SLOTS, normalise_value
from ...text import counted, rows_text, was
from ..profiles import fold_lines
from ..read import RawSheet
from ..understand import EXTRA, amounts_of, is_blank, stand_ins_and_totals
from .common import count_orders, order_keys, reject_rows, unmapped


def nothing_happened(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame,
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
        reject_rows(found.loc[[index]], out, raw, frame, header, "the row holds no date, "
                     "client, kind or amount: a balance or a note, not something that "
                     "happened", problems)
    return found


def free_slots(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame, rejected: pd.Series,
               problems: list, mapping: dict[str, str | None]) -> pd.Series:
    """Rows of an appointment book naming no client whose status says the slot was free
    (``FREE_SLOTS``: "Available", "Disponível"), or whose client's cell says so instead of
    a name ("Available", "Vacant"): nobody booked it, nothing happened, though the
    service's price is written. Each rejected with its reason, at the status or the name."""
    found = pd.Series(False, index=frame.index)
    nobody = pd.concat([is_blank(out, field) for field in ("name", "client_id", "email",
                                                           "phone") if field in out]
                       + [pd.Series(True, index=out.index)], axis=1).all(axis=1)
    for field, words in (("status", FREE_SLOTS), ("name", FREE_SLOTS | _NO_ONE_BOOKED)):
        header = next((h for h, f in mapping.items() if f == field and h in frame), None)
        if header is None:
            continue
        free = (nobody & values.per_distinct(frame[header], normalise_value).isin(words)
                & ~rejected.reindex(frame.index, fill_value=False) & ~found)
        reject_rows(free, out, raw, frame, header, "the slot is free: nobody booked it, "
                    "nothing happened", problems)
        found |= free
    return found


# Written for the client in a slot nobody booked ("Vacant", "Free"), beside FREE_SLOTS.
_NO_ONE_BOOKED = frozenset(normalise_value(word) for word in ("vacant", "free", "empty",
                                                               "spare", "no one", "nobody"))


def part_rows(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame, rejected: pd.Series,
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
        reject_rows(parts, out, raw, frame, header, "the row is a part of an order (a line or "
                     "a payment), counted in the order's own row", problems)
        found |= parts
    return found


# At least this many orders with several lines, nearly all (REPEATED_SHARE) repeating one
# amount on each line, under a header naming a total ("Order Total", not "Line total" or
# "Price": four tickets at £25 are £100), say the column is the order's total.
REPEATED_ORDERS, REPEATED_SHARE = 3, 0.9
_ORDER_TOTAL = re.compile(r"^(?!.*(?:line|item|sub|unit)).*(?:total|ordervalue|orderamount)")
# A header naming the order's own total ("Order Total", "Order Amount"): on a sheet of order
# lines it is the whole order's, repeated on each line, even where one order has lines.
_NAMED_ORDER_TOTAL = re.compile(r"^(?!.*(?:line|item|sub|unit))order(?:total|amount|value)")


# A column no field holds of each line's own amount ("SKU Total Price", VTEX's; "Item Total",
# "Line Total", "Item Subtotal"): where an order's lines add up in it to the one amount each
# repeats, that amount is the order's total.
_LINE_TOTAL = re.compile(r"^(?:sku|item|line|product)(?:total|sub|subtotal)?"
                         r"(?:price|total|amount|value|subtotal)$")


def line_totals(rows: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                row_numbers: list[int]) -> pd.Series | None:
    """Each row's own line amount, from a column no field holds naming one (``_LINE_TOTAL``),
    at its sheet row (``row_numbers``: the frame's rows'); None where there is none or it
    holds more than money."""
    header = unmapped(mapping, _LINE_TOTAL)
    if header is None or "_row" not in rows:
        return None
    found, bad = values.parse_money(frame[header])
    if bad.any() or found.isna().all():
        return None
    return rows["_row"].map(pd.Series(found.to_numpy(), index=row_numbers))


# What a line typed below an order's first line leaves blank, as an order's own (its
# number, day and client); it keeps its own amount, note and item (the extra columns).
_ORDER_OWN = ("order_id", "date", "client_id", "name", "email")
_LINE_OWN = ("amount", "note", EXTRA, "_row")


def continued_orders(out: pd.DataFrame, totals: pd.Series) -> tuple[pd.DataFrame, list[str]]:
    """Rows with no order number, day or client right below an order's row (or below
    another such row) are more lines of that order, as a person types them: they take the
    order's number, day, client and what else they leave blank, and order_lines makes one
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
    and order_lines makes one event of them. Returns the rows and a note."""
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


def labelled_totals(frame: pd.DataFrame, out: pd.DataFrame) -> pd.Series:
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


def named_subtotals(out: pd.DataFrame) -> pd.Series:
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


# A row's flag: an invoice that bills a job by its number (save keeps the job's day).
BILLS_A_JOB = "bills_a_job"


def bills_a_job(rows: pd.DataFrame, frame: pd.DataFrame,
                 columns_for: dict[str, list[str]]) -> pd.DataFrame:
    """Rows whose order is a job's number ("Job No", ``JOB_NUMBERS``) beside a number of
    their own (an invoice's "Invoice No") bill that job: the sale is the job, made the day
    it was done, not the day it was billed (``BILLS_A_JOB``)."""
    numbers = columns_for.get("order_id", [])
    if len(numbers) < 2 or normalise_header(numbers[0]) not in JOB_NUMBERS:
        return rows
    own = frame[numbers[1]].reindex(rows.index).notna()
    return rows.assign(**{BILLS_A_JOB: rows["order_id"].notna() & own})


def order_lines(rows: pd.DataFrame, amount_header: str | None, per_person: bool = False,
                own_lines: pd.Series | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Rows of one order (the same order ID, kind, client and day) are the lines of one
    order: one event, as an export's profile makes it, so that purchases and refunds count
    orders rather than lines. Its amount is its lines' sum; or, where the orders' lines
    each repeat one amount under a header naming a total (the order's total on every line),
    that amount: said by a few such orders, or by one where each line is a person on the
    booking (``per_person``: a tour's manifest) or whose header names the order's total
    ("Order Total", Square Online's), or by one whose lines' own amounts (``own_lines``:
    ``line_totals``) add up to it. Each line's own amount stays in its extras, under
    ``amount_header``. Returns the rows and a note."""
    totals = bool(amount_header) and bool(_ORDER_TOTAL.search(normalise_header(amount_header)))
    named_order = bool(amount_header) and bool(
        _NAMED_ORDER_TOTAL.match(normalise_header(amount_header)))
    if "order_id" not in rows or "kind" not in rows or rows["order_id"].isna().all():
        return rows, []
    key = order_keys(rows, by_kind=True)
    lines = key.notna() & key.duplicated(keep=False)
    if not lines.any():
        return rows, []
    rows = rows.copy()
    repeated = False
    if "amount" in rows:
        amounts = rows.loc[lines, "amount"].groupby(key[lines])
        several = amounts.count() >= 2
        same = (amounts.nunique() == 1) & several
        added_up = pd.Series(False, index=same.index)
        if own_lines is not None:
            parts = own_lines.reindex(rows.index)[lines].groupby(key[lines]).sum(min_count=1)
            added_up = same & (parts - amounts.first()).abs().lt(0.005)
        repeated = (totals and several.sum() >= (1 if per_person or named_order
                                                 or added_up.any() else REPEATED_ORDERS)
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
    # as its purchase and as its refund (refunded_orders).
    sheet_rows = rows.loc[lines, "_row"].nunique()
    orders = count_orders(order_keys(rows, by_kind=False)[lines])
    folded = fold_lines(rows, key)
    how = (" (every line repeats the order's amount, so it counts once)" if repeated else
           ", its amount the sum of its lines'" if "amount" in rows else "")
    return folded, [f"{counted(sheet_rows, 'row')} are the lines of "
                    f"{counted(orders, 'order')} (the same order ID, client and day): each "
                    f"order is one event{how}, its lines kept in its extras."]
