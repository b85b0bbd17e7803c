"""What a client list says each client paid: amounts in a paying step, revenue where
paid, parts paid, a price times the periods or visits paid, columns one per period.
"""

from __future__ import annotations

import re

import pandas as pd

from ... import values
from ...fields import (DEPOSIT_HEADERS, PAID_COUNT, PAYEE_HEADERS, REFUNDED_HEADERS, REST_OF_TOTAL,
                       names_price_each,
                       TRIAL_FEE, base_header_key,
                       days_without_year, fee_period, header_year, names_money_paid, normalise_header,
                       period_of, tax_note)
from ...stages import (DEPOSIT_PAID, PAID_IN_FULL, PAID_STEPS, RANK, normalise_value,
                       read_stage_value, said_parts)
from ...text import counted, listed
from ..understand import class_counts, column_or_blank, is_blank
from .common import clients_counted, lift, stage_ranks, ticks
from .paid import (deposits_taken, names_owed, names_paid_so_far, paid_parts, paid_words,
                   parts_said_in_cell, said_half)


def paid_amounts(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                  columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list, a column headed as a paying step ("Paid", "Paid in full":
    ``PAID_STEPS``) that holds amounts of money, not ticks (a driving instructor's "Paid":
    320, 0, 600), says what each client paid: their revenue (current) where no other
    column gave it or one gave what was billed ("Invoiced": not all of it paid), and a
    client with more than 0 there has bought (purchase). Returns a note."""
    for header, target in mapping.items():
        so_far = _paid_to_date(header)
        if target or header not in frame or base_header_key(header) not in PAID_STEPS and (
                not so_far):
            continue
        # (an amount with its remark, "£100 deposit", is that amount: the header says money)
        money = values.read_money(frame[header], header, owners_words=True)
        paid = money.values
        if money.bad.any() or not paid.gt(1).any() or ticks(frame[header]) is not None:
            continue
        said = columns_for.get("revenue_current", [None])[0]
        billed = said is not None and re.search(r"invoic|bill", said, re.IGNORECASE)
        if said is None or billed:
            out["revenue_current"] = paid
            columns_for["revenue_current"] = [header]
        elif ((base_header_key(header) in _DEPOSIT_PAID or so_far)
              and "revenue_potential" not in columns_for):
            rest = None if so_far else _rest_paid_ticks(frame, mapping)
            return _deposit_of_total(out, paid, header, said, columns_for,
                                     "what" if so_far else "the deposit", rest)
        lift(out, paid.gt(0), "purchase")
        count = clients_counted(out, paid.gt(0))
        taxed = f" ({tax_note(header)})" if tax_note(header) else ""
        return [f"'{header}' holds amounts of money{taxed}: "
                + ("" if said and not billed else "each client's revenue (current)"
                   + (f", not '{said}' (what was billed)" if billed else "") + ", and ")
                + f"{counted(count, 'client')} with more than 0 there "
                f"{'has' if count == 1 else 'have'} paid (purchase)."]
    return []


# A column of the deposit paid, as base_header_key writes it ("Deposit paid", "Paid deposit").
_DEPOSIT_PAID = frozenset({"depositpaid", "paiddeposit"})


def _paid_to_date(header: object) -> bool:
    """Whether a header names what a client has paid so far of their total (an architect's
    "Paid to date", "Total paid", "Amount paid": ``names_paid_so_far``), not a bare "Paid"
    (a paying step, read as ``paid_amounts`` says)."""
    return names_paid_so_far(header) and base_header_key(str(header)) not in PAID_STEPS


def _deposit_of_total(out: pd.DataFrame, paid: pd.Series, header: str, said: str,
                      columns_for: dict[str, list[str]], what: str = "the deposit",
                      rest: tuple[str, pd.Series] | None = None) -> list[str]:
    """A client list's total (``said``: a wedding venue's "Price", an architect's "Fee")
    beside the money of the deposit paid ("Deposit paid" £2,000) or of all paid so far
    ("Paid to date"): each client's revenue (current) is what was paid, the rest of the
    total revenue to come (potential), and a client who paid some has bought (purchase).
    Where ``rest`` (``_rest_paid_ticks``: "Balance paid" ✓) says the rest was paid too, all
    the total was. ``out`` and ``columns_for`` are changed in place; returns a note."""
    whole = pd.to_numeric(out["revenue_current"], errors="coerce")
    got = paid.reindex(out.index).where(lambda sums: sums.gt(0))
    settled = (rest[1].reindex(out.index, fill_value=False).astype(bool) & whole.gt(0)
               if rest else pd.Series(False, index=out.index))
    got = got.where(~settled, whole)
    owed = (whole - got).where(lambda left: left.gt(0))
    out["revenue_current"] = got.where(got.notna(), whole.where(whole.le(0))).round(2)
    out["revenue_potential"] = owed.where(owed.notna(), whole.where(got.isna() & whole.gt(0))
                                          ).round(2)
    columns_for["revenue_potential"] = [said]
    lift(out, got.gt(0), "purchase")
    count = clients_counted(out, got.gt(0))
    rest_said = (f" (all of it where '{rest[0]}' says the rest was paid: "
                 f"{counted(int(settled.sum()), 'client')})" if settled.any() else "")
    return [f"'{header}' holds {what} each client paid of '{said}'{rest_said}: "
            f"{counted(count, 'client')} paid {values.amount_text(float(got.sum()))} "
            f"(revenue, current; a purchase), and the "
            f"{values.amount_text(float(out['revenue_potential'].sum()))} not yet paid is "
            "revenue to come (potential)."]


def revenue_where_paid(out: pd.DataFrame, frame: pd.DataFrame,
                        mapping: dict[str, str | None],
                        columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list whose revenue (current) is a money column ("Fee 24/25"), a yes/no
    column headed as paying ("Paid?": ``PAID_STEPS``), or one of ways of paying and days
    ("pd 9/9", "Card": ``paid_words``), says who has paid it: a client not
    marked paid has paid none of it yet, and its amount is revenue to come (potential)
    where no column gives that. Returns a note."""
    said = columns_for.get("revenue_current", [None])[0]
    if said not in frame or "revenue_potential" in columns_for:
        return []
    paid_by = next((h for h, f in mapping.items() if not f and h in frame
                    and base_header_key(h) in PAID_STEPS
                    and (ticks(frame[h]) is not None or paid_words(frame[h]) is not None)),
                   None)
    if paid_by is None:
        return []
    said_paid = ticks(frame[paid_by])       # (or a way of paying, "pd 9/9": paid)
    said_paid = paid_words(frame[paid_by]) if said_paid is None else said_paid
    ticked = said_paid.reindex(out.index, fill_value=False).astype(bool)
    revenue = pd.to_numeric(out["revenue_current"], errors="coerce")
    unpaid = ~ticked & revenue.gt(0)
    half = ticked & revenue.gt(0) & said_half(frame[paid_by]).reindex(out.index,
                                                                      fill_value=False)
    if not (unpaid | half).any():
        return []
    out["revenue_potential"] = revenue.where(unpaid, revenue.where(half) / 2)
    out["revenue_current"] = revenue.where(~unpaid).where(~half, revenue / 2)
    columns_for["revenue_potential"] = [said]
    notes = []
    if unpaid.any():
        count = int(unpaid.sum())
        notes.append(f"{counted(count, 'client')} not marked paid in '{paid_by}' "
                     f"{'has' if count == 1 else 'have'} paid none of '{said}' yet "
                     f"({values.amount_text(float(revenue[unpaid].sum()))}): read as revenue "
                     "to come (potential), not revenue.")
    if half.any():
        count = int(half.sum())
        notes.append(f"{counted(count, 'client')} marked as having paid half in '{paid_by}' "
                     f"({values.amount_text(float(revenue[half].sum()) / 2)} of "
                     f"{values.amount_text(float(revenue[half].sum()))} in '{said}'): half "
                     "read as revenue, the other half as revenue to come (potential).")
    return notes


def parts_paid(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with no revenue column, amounts paid in parts, each beside a column
    saying whether (or when) it was paid (a florist's "Deposit" and "Deposit paid", "Balance"
    and "Balance paid"): each client's revenue (current) is the sum of the parts paid; a
    part not yet paid is no revenue. Returns a note."""
    if "revenue_current" in columns_for:
        return _rest_of_total_paid(out, frame, mapping, columns_for)
    parts = paid_parts(frame, mapping)
    if not parts:
        return _parts_paid_in_cells(out, frame, mapping, columns_for)
    if len(parts) == 1 and (quoted := _quote_as_total(out, frame, mapping, columns_for)):
        return quoted
    out["revenue_current"] = pd.DataFrame({h: v for h, (_, v) in parts.items()}).sum(
        axis=1, min_count=1)
    columns_for["revenue_current"] = list(parts)
    pairs = " and ".join(f"'{h}' where '{paid_by}' says so" for h, (paid_by, _) in parts.items())
    return [f"Each client's revenue (current) is what was paid of {pairs}; a part not yet "
            "paid is no revenue."]


def balances_owed(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                  columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list whose revenue (current) is one column of a price, fee or total (a
    photographer's "Price" £1,200, a tattoo artist's "Total" £1,500), a money column of
    what is still owed of it ("Balance due" £900, "Outstanding", "Balance": ``names_owed``),
    each no more than its price: each client's revenue (current) is the price less the
    balance, and the balance revenue to come (potential). A blank balance says nothing, a
    cell of words where no price is given ("see DMs") is no balance. Not on a list of
    suppliers or of credit held (``_credit_held``: a card's balance is left to spend), nor a
    "Balance" with its "Balance paid" (a part ``parts_paid`` reads), nor a bare "Balance"
    that is the price less a "Deposit" on every row (the rest of the total, paid or not).
    Returns a note."""
    said = _whole_of_parts(columns_for.get("revenue_current", []))
    if (len(said) != 1 or said[0] not in frame or "revenue_potential" in columns_for
            or names_money_paid(said[0]) or base_header_key(said[0]) in PAID_STEPS
            or paid_parts(frame, mapping) or _paid_to_suppliers(frame)
            or _credit_held(frame)):
        return []
    header = next((h for h, f in mapping.items() if not f and h in frame and names_owed(h)),
                  None)
    if header is None or class_counts(frame, [header]):     # ("Balance": 4 classes left)
        return []
    price = (pd.to_numeric(out["revenue_current"], errors="coerce")
             if columns_for["revenue_current"] == said
             else values.read_money(frame[said[0]]).values.reindex(out.index))
    money = values.read_money(frame[header])
    owed = money.values.reindex(out.index)
    bad = money.bad.reindex(out.index, fill_value=False)
    period = fee_period(said[0])
    arrears = period is not None    # (a fee each month: owed months, not part)
    if ((bad & price.notna()).any() or not owed.gt(0).any()
            or owed.gt(price).any() and not arrears
            or (owed.notna() & price.isna()).any() or owed.lt(0).any()
            or _rest_of_price(frame, header, price, owed)):
        return []
    owing = owed.gt(0)
    if not arrears:
        out["revenue_current"] = (price - owed.fillna(0)).where(price.notna()).round(2)
    out["revenue_potential"] = owed.where(owing).round(2)
    columns_for["revenue_current"], columns_for["revenue_potential"] = said, [header]
    # (one owing all of the price was given it and has paid none: considering; not a
    # period's fee owed, a member behind with it)
    stage = column_or_blank(out, "stage")
    priced = (owed.ge(price - 0.005) & owing & stage_ranks(stage).lt(RANK["consideration"])
              & (not arrears))
    out["stage"] = stage.where(~priced, "consideration")
    count = clients_counted(out, owing)
    if arrears:
        return [f"'{header}' says what {counted(count, 'client')} still "
                f"{'owes' if count == 1 else 'owe'} beside '{said[0]}', a fee each "
                f"{period} ({values.amount_text(float(owed[owing].sum()))}): "
                "revenue to come (potential); the fee stays their revenue (current), a "
                "period's fee owed being no part of it."]
    return [f"Each client's revenue (current) is '{said[0]}' less what '{header}' says is "
            f"still owed ({values.amount_text(float(out['revenue_current'].sum()))}); the "
            f"{values.amount_text(float(owed[owing].sum()))} still owed by "
            f"{counted(count, 'client')} is revenue to come (potential)."]


def _whole_of_parts(said: list[str]) -> list[str]:
    """The columns read as revenue, less those naming a part of a price beside it (a
    wedding planner's "Final" instalment beside the "Fee": ``REST_OF_TOTAL``)."""
    whole = [h for h in said if normalise_header(h) not in REST_OF_TOTAL]
    return whole if len(whole) == 1 else said


# Words of credit bought ahead and spent since: a voucher, a gift card, a prepaid pass or
# pack of classes (Spain's "Bono 10 clases", a Dutch "strippenkaart"), a wallet topped up.
_CREDIT_WORDS = re.compile(
    r"(?i)\b(?:vouchers?|gift\s*cards?|gift\s*certificates?|prepaid|pre-paid|store\s+credit|"
    r"account\s+credit|credit\s+(?:balance|left|remaining)|wallet|top[\s-]?ups?|class\s+pass|"
    r"bonos?|tarjeta\s+regalo|gutscheine?|"
    r"guthaben|strippenkaart|cadeaukaart|tegoed)\b")


def _credit_held(frame: pd.DataFrame) -> bool:
    """Whether a list's balance is credit still held, not money owed: a header names a
    voucher, a gift card, a prepaid pack of classes or credit (``_CREDIT_WORDS``: a gym's
    "Bono" beside its "Saldo" €45 left of €90), or a card, its number or its holder
    (``_CARD_HEADER``: "Card holder", "Voucher code")."""
    return any(_CREDIT_WORDS.search(str(h)) or _CARD_HEADER.search(normalise_header(h))
               for h in frame.columns)


def _rest_of_price(frame: pd.DataFrame, header: str, price: pd.Series, owed: pd.Series) -> bool:
    """Whether a bare "Balance" (``REST_OF_TOTAL``) is the price less a "Deposit" on every
    row that has all three: the rest of the total, not what is still owed."""
    if normalise_header(header) not in REST_OF_TOTAL:
        return False
    for deposit in (h for h in frame.columns
                    if normalise_header(h) in DEPOSIT_HEADERS):
        paid = values.read_money(frame[deposit]).values.reindex(price.index)
        rows = price.notna() & paid.notna() & owed.notna()
        if rows.any() and (price - paid - owed)[rows].abs().lt(0.01).all():
            return True
    return False


def _quote_as_total(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                    columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list whose only money is a price quoted (revenue to come: a wedding cake
    maker's "Quote"), a deposit with a column saying it was paid, and one saying the rest
    was ("Balance paid", no "Balance" of its own): the quote is the price agreed, read as ``_rest_of_total_paid``
    reads a total (the deposit and the rest paid, revenue; what is not, to come). Else
    nothing is changed. Returns a note."""
    quote = columns_for.get("revenue_potential", [])
    if len(quote) != 1 or "revenue_potential" not in out:
        return []
    out["revenue_current"] = out.pop("revenue_potential")
    columns_for["revenue_current"] = columns_for.pop("revenue_potential")
    notes = _rest_of_total_paid(out, frame, mapping, columns_for)
    if not notes:
        out["revenue_potential"] = out.pop("revenue_current")
        columns_for["revenue_potential"] = columns_for.pop("revenue_current")
    return notes


def _parts_paid_in_cells(out: pd.DataFrame, frame: pd.DataFrame,
                         mapping: dict[str, str | None],
                         columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with no revenue column, parts of a price whose cells say whether
    they were paid (a make-up artist's "Deposit" "£100 pd", "Balance" "£370":
    ``parts_said_in_cell``): each client's revenue (current) is the parts paid, and a part
    not said paid on such a row revenue to come (potential), where no column gives that.
    Returns a note."""
    parts, _, left = parts_said_in_cell(frame, mapping)
    if not parts or _paid_to_suppliers(frame):
        return []
    paid = pd.DataFrame({h: v for h, (_, v) in parts.items()}).sum(
        axis=1, min_count=1).reindex(out.index)
    out["revenue_current"] = paid.round(2)
    columns_for["revenue_current"] = list(parts)
    owed = left.reindex(out.index).where(lambda sums: sums.gt(0) & paid.gt(0))
    if "revenue_potential" not in columns_for and owed.notna().any():
        out["revenue_potential"] = owed.round(2)
        columns_for["revenue_potential"] = list(parts)
    return [f"Each client's revenue (current) is what was paid of "
            f"{' and '.join(repr(h) for h in parts)} where its cell says so "
            f"({values.amount_text(float(paid.sum()))})"
            + (f"; the {values.amount_text(float(owed.sum()))} not said paid beside a part "
               "paid is revenue to come (potential)" if owed.notna().any() else "") + "."]


def trial_fees_paid(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                    columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with a stage or status, money paid for a trial before the package
    (a make-up artist's "Trial paid" £60: ``TRIAL_FEE``): each client who paid one has
    tried (consideration, where the list says less), and the fee is part of their revenue
    (current), added to what the list says they paid. Returns a note."""
    header = next((h for h, f in mapping.items() if not f and h in frame
                   and TRIAL_FEE.match(normalise_header(h))), None)
    if header is None or "stage" not in out:
        return []
    money = values.read_money(frame[header])
    fees = money.values.reindex(out.index)
    if money.bad.any() or not fees.gt(0).any():
        return []
    tried = fees.gt(0)
    lifted = lift(out, tried, "consideration")
    revenue = (pd.to_numeric(out["revenue_current"], errors="coerce") if "revenue_current" in out
               else pd.Series(float("nan"), index=out.index))
    out["revenue_current"] = revenue.add(fees.where(tried), fill_value=0).where(
        revenue.notna() | tried).round(2)
    columns_for["revenue_current"] = [*columns_for.get("revenue_current", []), header]
    count = clients_counted(out, tried)
    return [f"'{header}' holds what {counted(count, 'client')} paid for a trial "
            f"({values.amount_text(float(fees[tried].sum()))}): added to their revenue "
            f"(current); a trial is trying (consideration), not the package bought"
            + (f" ({counted(int(lifted.sum()), 'client')} with no further stage read so)"
               if lifted.any() else "") + "."]


def _rest_of_total_paid(out: pd.DataFrame, frame: pd.DataFrame,
                        mapping: dict[str, str | None],
                        columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list whose revenue (current) is a total, a deposit beside a column saying
    whether (or when) it was paid, and a column saying the same of the rest ("Balance
    paid") with no amount of its own (a wedding venue's "Total", "Deposit", "Deposit paid",
    "Balance paid"; a band's "Balance" left empty for the owner to work out): each client's
    revenue is what was paid, the deposit and the total less the deposit where each says
    so; what is not yet paid is revenue to come (potential), where no column gives that.
    Returns a note."""
    total = columns_for["revenue_current"]
    parts = paid_parts(frame, mapping)
    if any(normalise_header(paid_by).removesuffix("paid") in REST_OF_TOTAL
           for paid_by, _ in parts.values()) or (
            not parts and _rest_paid_ticks(frame, mapping)):
        # (a "Deposit" no column says was paid, beside the rest's "Balance paid": taken)
        parts = {**deposits_taken(frame, mapping), **parts}
    if len(total) != 1 or not parts or "revenue_potential" in columns_for:
        return []
    if len(parts) > 1:
        return _parts_of_total_paid(out, total[0], parts, columns_for)
    ((deposit, (deposit_paid, deposit_got)),) = parts.items()
    rest_paid, rest_ticked = _rest_paid_ticks(frame, mapping) or (None, None)
    if rest_ticked is None:
        return []
    whole = pd.to_numeric(out["revenue_current"], errors="coerce")
    # (no deposit written, "n/a" or blank: the rest is the whole, paid where ticked)
    rest = (whole - values.read_money(frame[deposit]).values.reindex(out.index).fillna(0)
            ).clip(lower=0)
    paid = pd.concat([deposit_got.reindex(out.index), rest.where(rest_ticked.reindex(
        out.index, fill_value=False).astype(bool))], axis=1).sum(axis=1, min_count=1)
    owed = (whole - paid.fillna(0)).where(lambda left: left.gt(0))
    out["revenue_current"], out["revenue_potential"] = paid.round(2), owed.round(2)
    columns_for["revenue_potential"] = total
    taken = (f"'{deposit}' where '{deposit_paid}' says so" if deposit_paid != deposit
             else f"'{deposit}' (a deposit taken: no column says otherwise)")
    return [f"Each client's revenue (current) is what was paid of '{total[0]}': "
            f"{taken} and the rest where '{rest_paid}' "
            f"says so ({values.amount_text(float(paid.sum()))}); the "
            f"{values.amount_text(float(owed.sum()))} not yet paid is revenue to come "
            "(potential)."]


def _rest_paid_ticks(frame: pd.DataFrame, mapping: dict[str, str | None]
                     ) -> tuple[str, pd.Series] | None:
    """A column of ticks saying the rest of a total was paid ("Balance paid" ✓: ``REST_OF_TOTAL``)
    with no amount of its own (no "Balance", or one left empty): its header and its ticks."""
    by_key = {normalise_header(h): h for h, f in mapping.items() if not f and h in frame}
    rest_paid = next((by_key[f"{rest}{paid}"] for rest in sorted(REST_OF_TOTAL)
                      for paid in ("paid", "paidon", "received") if f"{rest}{paid}" in by_key
                      and (rest not in by_key or is_blank(frame, by_key[rest]).all())), None)
    rest_ticked = ticks(frame[rest_paid]) if rest_paid else None
    return None if rest_ticked is None else (rest_paid, rest_ticked)


def _parts_of_total_paid(out: pd.DataFrame, total: str,
                         parts: dict[str, tuple[str, pd.Series]],
                         columns_for: dict[str, list[str]]) -> list[str]:
    """A total beside its parts, each with a column saying whether it was paid (a band's
    "Fee", "Deposit" and "Deposit paid", "Balance" and "Balance paid"): each client's
    revenue (current) is the parts paid, the rest of the total revenue to come (potential).
    ``out`` is changed in place; returns a note."""
    whole = pd.to_numeric(out["revenue_current"], errors="coerce")
    paid = pd.DataFrame({h: got.reindex(out.index) for h, (_, got) in parts.items()}).sum(
        axis=1, min_count=1)
    owed = (whole - paid.fillna(0)).where(lambda left: left.gt(0))
    if not owed.notna().any():
        return []
    out["revenue_current"], out["revenue_potential"] = paid.round(2), owed.round(2)
    columns_for["revenue_potential"] = [total]
    pairs = " and ".join(f"'{h}' where '{paid_by}' says so" if paid_by != h
                         else f"'{h}' (a deposit taken: no column says otherwise)"
                         for h, (paid_by, _) in parts.items())
    return [f"Each client's revenue (current) is what was paid of '{total}': {pairs} "
            f"({values.amount_text(float(paid.sum()))}); the "
            f"{values.amount_text(float(owed.sum()))} not yet paid is revenue to come "
            "(potential)."]


def parts_paid_by_status(out: pd.DataFrame, frame: pd.DataFrame,
                         mapping: dict[str, str | None],
                         columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with no revenue column, a bare "Deposit" and "Balance" of money
    beside a status that says which of them were paid (a wedding DJ's "Booked - deposit pd",
    "Paid in full": ``DEPOSIT_PAID``, ``PAID_IN_FULL``): each client's revenue (current) is
    the parts paid, and what is left of them (or of a quote read as revenue to come) is
    revenue to come (potential), none where the status says cancelled ("Cancelled - deposit
    refunded"; a lost quote stays what it was); money in a refund column went back, and is taken off what was
    paid. Fires only where some status says a part was paid, and not on a list
    of the business's suppliers (``_paid_to_suppliers``). Returns a note."""
    said = [*columns_for.get("status", []), *columns_for.get("stage", [])]
    by_key = {normalise_header(h): h for h, f in mapping.items() if not f and h in frame}
    deposit = next((by_key[k] for k in sorted(DEPOSIT_HEADERS) if k in by_key), None)
    rest = next((by_key[k] for k in sorted(REST_OF_TOTAL) if k in by_key), None)
    if "revenue_current" in columns_for or not said or said[0] not in frame or not (
            deposit and rest) or _paid_to_suppliers(frame):
        return []
    money = {h: values.read_money(frame[h]) for h in (deposit, rest)}
    if any(m.bad.any() or not m.values.gt(0).any() for m in money.values()):
        return []
    keys = frame[said[0]].map(lambda cell: {normalise_value(part) for part in said_parts(cell)},
                              na_action="ignore")
    whole = keys.map(lambda parts: bool(parts & PAID_IN_FULL), na_action="ignore")
    first = keys.map(lambda parts: bool(parts & DEPOSIT_PAID), na_action="ignore")
    whole, first = (flag.fillna(False).astype(bool).reindex(out.index, fill_value=False)
                    for flag in (whole, first))
    got_deposit, got_rest = (money[h].values.reindex(out.index).fillna(0) for h in (deposit, rest))
    paid = (got_deposit + got_rest).where(whole, got_deposit.where(first)).where(
        lambda sums: sums.gt(0))
    if not paid.notna().any():
        return []
    quoted = pd.to_numeric(out["revenue_potential"], errors="coerce") if (
        "revenue_potential" in out) else pd.Series(float("nan"), index=out.index)
    owed = quoted.where(quoted.notna() | paid.isna(), got_deposit + got_rest)
    owed = owed.where(paid.isna(), owed - paid).where(lambda left: left.gt(0))
    called_off = frame[said[0]].map(lambda cell: read_stage_value(cell).outcome == "cancelled",
                                    na_action="ignore").fillna(False).astype(bool)
    owed = owed.where(~called_off.reindex(out.index, fill_value=False))   # (none to come)
    refund = next((by_key[k] for k in sorted(REFUNDED_HEADERS) if k in by_key), None)
    back = (values.read_money(frame[refund]).values.reindex(out.index).where(paid.notna())
            if refund else pd.Series(float("nan"), index=out.index)).where(lambda m: m.gt(0))
    out["revenue_current"] = (paid - back.fillna(0)).clip(lower=0).round(2)
    out["revenue_potential"] = owed.round(2)
    columns_for["revenue_current"] = [deposit, rest]
    columns_for.setdefault("revenue_potential", [deposit, rest])
    return [f"'{said[0]}' says which of '{deposit}' and '{rest}' were paid (the deposit, or "
            f"all of it: {counted(int(paid.notna().sum()), 'client')}, "
            f"{values.amount_text(float(paid.sum()))}): each client's revenue (current) is "
            "what was paid, and the rest revenue to come (potential)."
            + (f" {counted(int(off), 'client')} whose status says cancelled "
               f"{'has' if off == 1 else 'have'} nothing to come." if (off := int(
                   called_off.sum())) else "")
            + (f" '{refund}' says {values.amount_text(float(back.sum()))} of it went back "
               f"({counted(int(back.notna().sum()), 'client')}): taken off their revenue."
               if back.notna().any() else "")]


# A total that names what was agreed ahead ("Season total", "Contract value", "Course
# total", "Quoted"), as normalise_header writes it: not a cleaner's "Total cost" of visits made.
_AGREED_TOTAL = re.compile(r"season|contract|agreed|quot|package|course|plan|block|term|"
                           r"booked|annual|year|expected")


def counts_priced(out: pd.DataFrame, frame: pd.DataFrame,
                  columns_for: dict[str, list[str]]) -> list[str]:
    """A count read as purchases ("Visits" 16) that, times a price of one beside it
    ("Price/visit" £40), makes a total on every row where all three are filled ("Season
    total" £640), beside another column of what was paid, less than that total on some
    row ("Paid" £320): the count is how many were agreed and priced (a gardener's season's
    contract), not purchases made; it is not read as purchases. Only where the total's
    header names what was agreed (``_AGREED_TOTAL``: a cleaner's "Total cost" of visits made
    beside "Paid" keeps its visits as purchases). Not a count of what was
    paid for ("Months paid": ``PAID_COUNT``), nor where the total is what was paid (a
    salon's "Visits" times "Price" is its "Total spent"). ``out`` and ``columns_for`` are
    changed in place; returns a note."""
    header = columns_for.get("purchases", [None])[0]
    paid_in = columns_for.get("revenue_current", [None])[0]
    if header not in frame or paid_in not in frame or PAID_COUNT.match(normalise_header(header)):
        return []
    others = [h for h in frame.columns if h not in (header, paid_in)]
    agreed = [h for h in others if _AGREED_TOTAL.search(normalise_header(h))]
    totals = _money_columns(frame, agreed)
    if not totals:
        return []                             # (no total agreed: no price is read)
    count = pd.to_numeric(frame[header], errors="coerce")
    paid = pd.to_numeric(out["revenue_current"], errors="coerce").reindex(frame.index)
    read = {**totals, **_money_columns(frame, [h for h in others if h not in totals])}
    money = {h: read[h] for h in others if h in read}          # (in the sheet's order)
    for each, price in money.items():
        for total_header, total in totals.items():
            rows = count.notna() & price.notna() & total.notna() & count.gt(0)
            if (each == total_header or rows.sum() < 2 or not paid.lt(total).any()) or not (
                    (count * price - total)[rows].abs().lt(0.01).all()) or (
                    price[rows].eq(total[rows]).all()):
                continue
            del out["purchases"]
            del columns_for["purchases"]
            return [f"'{header}' times '{each}' is '{total_header}' on every row: the "
                    f"{header.lower()} agreed and priced, not read as purchases made."]
    return []


def _money_columns(frame: pd.DataFrame, headers: list) -> dict[object, pd.Series]:
    """The amounts of those of ``headers`` whose every cell is money or blank, with two or
    more amounts."""
    read = {h: values.money_column(frame[h]) for h in headers}
    return {h: m.values for h, m in read.items() if m is not None and m.values.notna().sum() >= 2}


# A client list's fee of one lesson, session or class ("Lesson fee", "Price per session"),
# as normalise_header writes it, and the unit it names.
_FEE_OF_ONE = re.compile(r"^(?P<unit>lesson|session|class|visit)(?:fee|price|rate)$"
                         r"|^(?:fee|price|rate)per(?P<per>lesson|session|class|visit)$")


def fee_times_count(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                    columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with no stage or status, a fee of one lesson (a tutor's "Lesson
    fee" £30: ``_FEE_OF_ONE``) beside a bare count of them ("Lessons" 10, 4, blank) and
    nothing saying what was paid: each client's revenue (current) is the fee times the
    lessons had (the lessons' worth), and a client with none had none (revenue none, the
    fee revenue to come). The lessons had are no purchases (a count of sessions had is not
    a payment). ``out`` and ``columns_for`` are changed in place; returns a note."""
    said = columns_for.get("revenue_current", [])
    found = _FEE_OF_ONE.match(normalise_header(said[0])) if len(said) == 1 else None
    if found is None or said[0] not in frame or {"stage", "status"} & set(
            columns_for) or "revenue_potential" in columns_for or any(
            base_header_key(h) in PAID_STEPS for h in frame.columns):
        return []
    unit = found["unit"] or found["per"]
    plural = "classes" if unit == "class" else f"{unit}s"
    header = next((h for h, f in mapping.items() if f in (None, "purchases") and h in frame
                   and normalise_header(h) in {plural, f"{plural}had", f"{plural}taken",
                                               f"{plural}done", f"no{plural}"}), None)
    if header is None:
        return []
    count = pd.to_numeric(frame[header], errors="coerce").reindex(out.index)
    filled = frame[header].reindex(out.index).notna()
    if count[filled].isna().any() or count.lt(0).any() or (count.dropna() % 1).ne(0).any() or (
            not count.gt(1).any()):
        return []
    marked = next((h for h in frame.columns if h not in (said[0], header)
                   and names_money_paid(h)), None)     # (a "Block paid" Yes or No)
    paid = pd.Series(True, index=out.index)
    if marked is not None:
        ticked = ticks(frame[marked])
        if ticked is None:
            return []
        paid = ticked.reindex(out.index, fill_value=False)
    fee = pd.to_numeric(out["revenue_current"], errors="coerce")
    had = count.gt(0) & fee.gt(0)
    if columns_for.get("purchases") == [header]:    # (lessons had: none of them a payment)
        del out["purchases"]
        del columns_for["purchases"]
    out["revenue_current"] = (fee * count).where(had & paid).round(2)
    out["revenue_potential"] = fee.where(~had & fee.gt(0), (fee * count).where(
        had & ~paid)).round(2)
    columns_for["revenue_potential"] = [said[0]]
    return [f"'{said[0]}' is the fee of each of '{header}': each client's revenue "
            f"(current) is '{said[0]}' times '{header}' "
            f"({values.amount_text(float(out['revenue_current'].sum()))}, "
            f"{counted(int((had & paid).sum()), 'client')}); a client with none had none yet, "
            "the fee revenue to come (potential)."
            + (f" {counted(int(owing), 'client')} not marked paid in '{marked}': the "
               "lessons' worth is revenue to come (potential)."
               if (owing := int((had & ~paid).sum())) else "")]


# A header naming a gift card or a voucher, its number or its holder ("Card holder", "Card
# number", "Voucher code", "Gift card"): beside it a "Balance" is what is left to spend.
_CARD_HEADER = re.compile(r"^(?:gift)?(?:card|voucher|certificate)(?:holder|number|no|code|"
                          r"id)?$|^gift(?:card|voucher|certificate)")


def _paid_to_suppliers(frame: pd.DataFrame) -> bool:
    """Whether a list names whom the business pays ("Supplier", "Vendor":
    ``PAYEE_HEADERS``): its deposits and balances are the business's own, paid out."""
    return any(normalise_header(h) in PAYEE_HEADERS for h in frame.columns)


# A header that is a period alone (as normalise_header writes it): a column of a wide
# layout, one per period. A year is "year" when it is the whole header.
# A visit's cell saying it was paid, in a round's column per date ("pd", ✓).
_PAID_MARKS = frozenset(("pd", "pd.", "paid", "✓", "✔", "y", "yes"))
# A day written without its year ("03/01", "3.1"), as a fee's day paid is in a month's column.
_DAY_PAID = r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?"


def _price_times_paid(out: pd.DataFrame, paid: pd.Series,
                      columns_for: dict[str, list[str]]) -> str | None:
    """A client list's price of one period or visit beside how many of them each client
    paid for (a window cleaner's round: each date's visit marked paid, ``_visits_paid``; a
    gym's members: "Months paid", ``periods_paid``): where the revenue column is the price
    of one (``PRICE_EACH``: "Price", "Fee", "Monthly fee"; not "Total paid"), each client's
    revenue (current) is that price times the number paid (a blank number is read by
    ``none_bought``). ``out`` is changed in place; returns the price's header, or None
    where the revenue column is no price of one."""
    said = columns_for.get("revenue_current", [None])[0]
    if said is None or not names_price_each(said):
        return None
    price = pd.to_numeric(out["revenue_current"], errors="coerce")
    paid = paid.reindex(out.index)
    out["revenue_current"] = (price * paid).where(paid.notna(), price).round(2)
    return said


def years_paid(out: pd.DataFrame, frame: pd.DataFrame,
               columns_for: dict[str, list[str]]) -> list[str]:
    """A client list's revenue read from two or more columns of one field each naming a year
    ("Fee 22/23", "Fee 23/24", "Fee 24/25": an accountant's fees; the latest year's is the
    revenue): the years with more than 0 are the client's purchases, two or more a repeat
    customer, where no column counts them. Returns a note."""
    headers = [h for h in columns_for.get("revenue_current", []) if h in frame]
    years = {header_year(h) for h in headers}
    if (len(headers) < 2 or 0 in years or len(years) != len(headers)
            or "purchases" in columns_for):
        return []
    money = pd.DataFrame({h: values.read_money(frame[h]).values for h in headers},
                         index=frame.index)
    taken = {h for said in columns_for.values() for h in said}
    marks = {h: mark for h in headers
             if (mark := _year_marked_paid(frame, h, taken)) is not None}
    for h, (mark, ticked) in marks.items():
        money[h] = money[h].where(ticked)
    notes = []
    if marks:       # (the latest year paid is the revenue: a fee not paid is no purchase)
        out["revenue_current"] = money[headers].bfill(axis=1).iloc[:, 0].reindex(out.index)
        said = listed([f"'{mark}'" for mark, _ in reversed(marks.values())])
        notes.append(f"{said} {'says' if len(marks) == 1 else 'say'} whether that year's fee "
                     "was paid: a fee not marked paid is neither revenue nor a purchase.")
    count = money.gt(0).sum(axis=1).reindex(out.index)
    again = count.ge(2)
    if not again.any():
        return notes
    out["purchases"] = count
    n = clients_counted(out, again)
    return [f"'{headers[-1]}' to '{headers[0]}' each hold a year's money: the years with more "
            f"than 0 are each client's purchases ({counted(n, 'client')} in two or more "
            f"years, repeat {'customer' if n == 1 else 'customers'})."] + notes


def _year_marked_paid(frame: pd.DataFrame, header: str,
                      taken: set[str]) -> tuple[str, pd.Series] | None:
    """The column no field holds, naming the same year as a year's fee and saying it was
    paid ("Paid 24/25" of Y and N beside "Fee 24/25"), and its ticks; else None."""
    year = header_year(header)
    for column in frame.columns:
        if (column not in taken and column != header and header_year(column) == year
                and names_money_paid(column) and (ticked := ticks(frame[column])) is not None):
            return column, ticked
    return None


def periods_paid(out: pd.DataFrame, columns_for: dict[str, list[str]]) -> list[str]:
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
    n = clients_counted(out, paid.gt(1) & revenue.gt(0))
    if not n:
        return []
    return [f"'{said}' is the price of each of '{header}': each client's revenue (current) "
            f"is '{said}' times '{header}' ({values.amount_text(float(revenue.sum()))} in "
            f"all; {counted(n, 'client')} paid more than one)."]


def none_bought(out: pd.DataFrame, columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list counting what each client paid for or bought ("No. of months paid",
    "Sessions bought"; a count others fill in) beside a price ("Fee", "Price"), a client
    whose count is 0 or blank bought nothing, the price written alone no sale: left where
    the list places them (awareness), their revenue (current) 0 and the price revenue to
    come (potential), where no column gives that. Returns a note."""
    header = columns_for["purchases"][0]
    said = columns_for.get("revenue_current", [None])[0]
    key = normalise_header(header)
    if said is None or not names_price_each(said) or not (
            PAID_COUNT.match(key) or key.endswith(("bought", "purchased"))):
        return []
    count = pd.to_numeric(out["purchases"], errors="coerce")
    price = pd.to_numeric(out["revenue_current"], errors="coerce")
    none = count.fillna(0).eq(0) & price.gt(0)
    if not count.gt(0).any() or not none.any():
        return []
    if "revenue_potential" not in columns_for:
        out["revenue_potential"] = column_or_blank(out, "revenue_potential").astype(object).where(
            ~none, price)
    out["revenue_current"] = out["revenue_current"].astype(object).where(~none, 0.0)
    n = clients_counted(out, none)
    blank = clients_counted(out, none & count.isna())
    return [f"{counted(n, 'client')} with 0 or nothing in '{header}' ({blank} blank) bought "
            f"nothing: '{said}' alone is no sale, so their revenue (current) is 0"
            + ("" if "revenue_potential" in columns_for else
               f" and their '{said}' ({values.amount_text(float(price[none].sum()))}) "
               "revenue to come (potential)") + "."]


def _visits_paid(out: pd.DataFrame, frame: pd.DataFrame, periods: list[str],
                 columns_for: dict[str, list[str]], each: str) -> list[str]:
    """A round's client list (a window cleaner's: a price per visit, "Price", and a column
    per date) or a list of fees paid each period (a piano teacher's "Fee per term" and a
    column per term, an agency's "Retainer (pm)" and a column per month): three or more
    columns marking each visit or period paid ("pd", ✓) or not ("owes", "x", blank): each
    client's revenue (current) is the price times those marked paid
    (``_price_times_paid``), and their number the client's purchases (two or more, a repeat
    customer), where no column counts those. Returns a note."""
    if len(periods) < 3:
        return []
    marks = {h: frame[h].map(lambda cell: str(cell).strip().casefold(), na_action="ignore")
             for h in periods}
    # (the day a month's or a term's fee was paid, "03/01", is its mark; not under a column
    # that is itself a day)
    paid = {h: m.isin(_PAID_MARKS) | (each != "date") & (
        m.str.fullmatch(_DAY_PAID).fillna(False).astype(bool)
        | values.parse_dates(frame[h])[0].notna()) for h, m in marks.items()}
    marked = pd.DataFrame(paid)
    # (a sum among the marks, fewer than they are: what one period's ad hoc work was paid)
    money = pd.DataFrame({h: values.read_money(frame[h]).values for h in periods})
    billed = money.gt(0)
    if money.notna().sum().sum() >= marked.sum().sum() or not marked.any().any():
        return []
    visits = marked.sum(axis=1)
    said = _price_times_paid(out, visits, columns_for)
    if said is None:
        return []
    if billed.any().any():
        extra = money.where(billed).sum(axis=1, min_count=1).reindex(out.index)
        revenue = pd.to_numeric(out["revenue_current"], errors="coerce")
        out["revenue_current"] = revenue.add(extra, fill_value=0).where(
            revenue.notna() | extra.notna()).round(2)
        visits = (marked | billed).sum(axis=1)
    if "purchases" not in columns_for:
        out["purchases"] = visits.reindex(out.index)
    if each == "date":
        return [f"Columns '{periods[0]}' to '{periods[-1]}' mark each {each}'s visit paid or "
                f"not ({counted(int(visits.sum()), 'visit')} paid): each client's revenue "
                f"(current) is '{said}' times the visits marked paid."]
    sums = int(billed.sum().sum())
    return [f"Columns '{periods[0]}' to '{periods[-1]}' mark each {each} paid or not "
            f"({counted(int(visits.sum()), each)} paid): each client's revenue (current) is "
            f"'{said}' times the {each}s marked paid"
            + (f", and the {counted(sums, 'sum')} written among the marks "
               f"({values.amount_text(float(money.where(billed).sum().sum()))}) "
               f"{'is' if sums == 1 else 'are'} what {'that' if sums == 1 else 'each'} "
               f"{each} was paid" if sums else "")
            + ", and a client who paid for two or more a repeat customer."]


def period_columns(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                    columns_for: dict[str, list[str]]) -> list[str]:
    """A client list with three or more columns that are each a month, a year, a term, a
    quarter, a week or a date ("Jan", "Feb", ...; "2022", "2023"; "Autumn term"; "Q1";
    "04/03/2024": ``period_of``) holding numbers: amounts laid out one column per period,
    which Journey does not read as purchases. Says so, rather than show those clients as
    having bought nothing without a word. Where no total was read (its formulas saved
    without results, or no total column and cells that are money: ``_written_as_money``),
    each client's revenue is the sum of its periods (and one with any, on a list with no
    stage, a customer: ``spenders_bought``). Returns a note."""
    kinds = {h: period_of(h) for h, field in mapping.items() if field is None}
    kinds.update(dict.fromkeys(days_without_year([h for h, k in kinds.items() if not k]),
                               "date"))
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
    if (price := _counted_at_a_price(out, frame, amounts)) is not None:
        return [f"Columns '{numbers[0]}' to '{numbers[-1]}' hold numbers each below the "
                f"row's '{price}' (hours or items at that price, not payments): kept as "
                "extra, not as revenue."]
    said = columns_for.get("revenue_current", [None])[0]
    total_read = "revenue_current" in out and pd.to_numeric(
        out["revenue_current"], errors="coerce").notna().any()
    if (each == "date" or said and names_price_each(said)
            or each in _PAID_ONCE_EACH and not total_read) and (
            _written_as_money(frame, numbers, each)         # (not hours, not visits)
            or _paid_at_the_price(out, frame, amounts)):
        return _amounts_paid(out, amounts, numbers, columns_for, each)
    if total_read or said is None and not _written_as_money(frame, numbers, each):
        return [f"{columns} and has not counted them as purchases. {advice}"]
    summed = pd.DataFrame(amounts).sum(axis=1, min_count=1).reindex(out.index)
    out["revenue_current"] = summed
    columns_for["revenue_current"] = [f"{numbers[0]}' to '{numbers[-1]}"]
    return [f"{columns}, so each client's revenue (current) is their sum"
            + (f" ('{said}' holds no amount)" if said else "")
            + f"; they are not counted as purchases of their own (a second {each} paid is "
            f"not seen as repeat business). {advice}"]


def _price_of_one(out: pd.DataFrame, frame: pd.DataFrame) -> tuple[str | None, pd.Series]:
    """A client list's column of the price of one visit or period ("Price", "Rate",
    "Monthly fee": ``PRICE_EACH``), and each row's amount in it."""
    header = next((h for h in frame.columns if names_price_each(h)), None)
    if header is None:
        return None, pd.Series(dtype=float)
    return header, values.read_money(frame[header]).values.reindex(out.index)


def _paid_at_the_price(out: pd.DataFrame, frame: pd.DataFrame,
                       amounts: dict[str, pd.Series]) -> bool:
    """Whether every number under the period columns is the row's price of one (15 under
    each date Mrs Lowe's round was done, her 'Price' £15): payments written without a
    currency, as an owner keeps a round."""
    header, price = _price_of_one(out, frame)
    if header is None:
        return False
    cells = pd.DataFrame(amounts).reindex(out.index)
    filled = cells.gt(0)
    return bool(filled.any().any()) and bool(cells.eq(price, axis=0)[filled].all().all())


def _counted_at_a_price(out: pd.DataFrame, frame: pd.DataFrame,
                        amounts: dict[str, pd.Series]) -> str | None:
    """The price of one ("Rate", "Price", "Monthly fee": ``PRICE_EACH``) that the numbers
    under the period columns are counts at, not payments: every one of them below the
    row's price (hours 2.5, 3 under a round's dates beside a 'Rate' of £15), with pennies
    among them (a count of whole visits or sessions is read elsewhere); None if not."""
    header, price = _price_of_one(out, frame)
    if header is None:
        return None
    cells = pd.DataFrame(amounts).reindex(out.index)
    filled = cells.gt(0) & price.gt(0).to_numpy()[:, None]
    below = cells.lt(price, axis=0)[filled].stack()
    return header if len(below) and below.all() and cells.stack().mod(1).gt(0).any() else None


def _amounts_paid(out: pd.DataFrame, amounts: dict[str, pd.Series], numbers: list[str],
                  columns_for: dict[str, list[str]], each: str) -> list[str]:
    """Amounts under columns one per date (a round's visits), or one per period beside the
    fee of one ("Fee per term", "Monthly fee": ``PRICE_EACH``): each amount above 0 is one
    visit or period paid (cells written as money, ``_written_as_money``), so each client's revenue (current) is their sum (0 where none is)
    and their number the client's purchases (two or more, a repeat customer), where no
    column counts those. Returns a note."""
    cells = pd.DataFrame(amounts).reindex(out.index)
    paid = cells.gt(0).sum(axis=1)
    said = columns_for.get("revenue_current", [None])[0]
    out["revenue_current"] = cells.where(cells.gt(0)).sum(axis=1).round(2)
    columns_for["revenue_current"] = [f"{numbers[0]}' to '{numbers[-1]}"]
    if "purchases" not in columns_for:
        out["purchases"] = paid
    total = values.amount_text(float(out["revenue_current"].sum()))
    return [f"Columns '{numbers[0]}' to '{numbers[-1]}' hold the amount paid for each {each} "
            f"({counted(int(paid.sum()), 'payment')}, {total}"
            + (f"; '{said}' is the fee of one" if said else "") + "): each client's revenue "
            "(current) is their sum, each amount a purchase, and a client who paid two or "
            "more a repeat customer."]


_DAYS_IN_A_MONTH = 31
# A pupil's marks for a term, as a school writes them (a percentage, or out of 100).
_MARKS_OUT_OF = 100
# Periods a client pays for once each (a school's or a class's term: one fee a term), so
# that an amount under one is one payment even with no fee-of-one column beside; a month's
# or a year's amount may be many sales.
_PAID_ONCE_EACH = frozenset({"term"})
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
    numbers up to 31: "2, 3, 1" is no revenue; "240" is; a year's orders may be 40; a
    term's marks are out of 100: "72, 68" is a pupil's results, not fees)."""
    cells = pd.concat([frame[h] for h in headers]).dropna()
    numbers = pd.to_numeric(cells, errors="coerce")
    most = _MARKS_OUT_OF if each == "term" else _DAYS_IN_A_MONTH
    return bool(numbers.mod(1).gt(0).any() or numbers[cells.map(type).eq(str)].isna().any()
                or each != "year" and numbers.gt(most).any())
