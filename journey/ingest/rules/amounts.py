"""What a sheet's amount column holds: a unit price times a quantity, money kept as another
field, net plus tax, a total with tax, tips and fees, cells that cannot be the field.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pandas as pd

from ... import values
from ...columns import FIELD_LABELS
from ...fields import (RATE_HEADER, TIP_HEADERS, TIP_NOT_IN_AMOUNT, field_type, names_tax,
                       names_tax_rate, net_and_tax, normalise_header, plain_header)
from ...text import counted, listed, was
from ..line_amounts import line_amounts, names_a_unit_price, quantity_column
from ..understand import REASONS, amounts_of
from .common import count_orders, order_keys


# A card reader's fee column, compared as headers are.
_FEE_HEADERS = frozenset({"fee", "fees", "feeamount", "processingfee", "processingfees",
                          "transactionfee", "transactionfees"})


def tips_taken_off(rows: pd.DataFrame, frame: pd.DataFrame,
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
    if "kind" in rows:      # (and a sale marked refunded, bought first: its price went back)
        refunded = (rows["_refunded_order"].notna() if "_refunded_order" in rows
                    else pd.Series(False, index=rows.index))
        tipped &= rows["kind"].eq("purchase") | rows["kind"].eq("refund") & refunded
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
    orders = order_keys(rows, by_kind=False)[tipped]     # (an order's lines repeat its tip:
    once = ~(orders.notna() & pd.DataFrame({"o": orders, "t": tips[tipped]}).duplicated())
    count = count_orders(orders)                         # one tip per order, said once)
    return rows, [f"{counted(count, 'tip')} in '{tip_header}' ({float(tips[tipped][once].sum()):,.2f}"
                  f" in all) {was(count)} taken off "
                  + ("its sale's amount" if count == 1 else "their sales' amounts")
                  + f" in '{amount_headers[0]}': a tip is not the sale's price."]


# The cells left empty that a note names, at most.
LEFT_EMPTY_SHOWN = 5


def lines_priced_per_unit(out: pd.DataFrame, frame: pd.DataFrame,
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


_FIRST_YEAR, _FIRST_SERIAL = 1910, 3654     # 1910-01-01, and as an Excel serial


def doubtful(target: str, bad: pd.Series, column: pd.Series, parsed: pd.Series) -> pd.Series:
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


def demoted_money(out: pd.DataFrame, frame: pd.DataFrame, demoted: list[str],
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


def net_plus_tax(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
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


def looked_like(header: str, target: str) -> str:
    """What the import says of a column that only looked like a field."""
    reason = REASONS.get(field_type(target), "is not valid").removeprefix("is ")
    return (f"Column '{header}' looked like {FIELD_LABELS.get(target, target).lower()}, but "
            f"most of its values are {reason}, so it was kept as an extra column; map it by "
            "hand if it is.")


def with_tax(frame: pd.DataFrame, headers: list[str]) -> str | None:
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
