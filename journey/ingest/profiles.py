"""Profiles of well-known exports, kept as data: one entry per export in ``PROFILES``.

A profile says how an export is recognised from its headers alone (``needs``: normalised
headers that must all be there, so recognising costs nothing on a large sheet), what its
columns map to (``mapping``: normalised header -> field), and its rules (``rules``): what
each row is (a purchase, a won deal, a refund...) and who the client is, applied to the
typed rows the import prepared. ``explain`` says in one sentence, before anything is
saved, what was understood. Adding a profile is one entry here plus its test in
tests/test_real_exports.py (or, for exports the team has no sample of, in
tests/test_more_profiles.py).

Decisions (also in the README):
- Line items (a Shopify order's lines, an invoice's lines) are grouped by their order: the
  order is one event, dated and valued from its order-level fields; the other lines of
  the order are kept in that event's extra columns (under "line items"), not dropped.
- A refund or a cancellation is an event of its own beside the order's purchase (the
  order was placed; it was then refunded or cancelled), dated when the export says
  (Stripe's refund date, Shopify's ``Cancelled at``), else on the order's date.
- A failed payment attempt is a contact, never a purchase.
- Won and lost come from the export's own fields (HubSpot's ``closedwon``/``closedlost``
  stage ids, Salesforce's ``IsWon``/``IsClosed``, Bitrix24's ``WON``/``LOSE`` stage ids
  with any pipeline prefix such as ``C6:``); other stages keep their value, and a value
  no alias knows is listed for mapping and leaves the deal a contact.
- A HubSpot deal's client is its associated company, else its associated contact (with
  the e-mail HubSpot writes beside the name); the deal's name is then its note. Only an
  export with no association columns, or a deal with neither, names the client after
  the deal.
- An order's status says what happened to it (``journey.stages.ORDER_STATUS_KIND``):
  paid, processing, completed, shipped -> a purchase; refunded -> the purchase and a refund
  beside it; cancelled, voided -> a cancellation (no purchase: such orders are mostly
  never paid); pending, failed, on hold, abandoned -> a contact, never a purchase.
- A help-desk ticket (Zendesk, Freshdesk, Help Scout, or in Spanish, French, German) is a
  complaint of its requester (by e-mail when the export has one, else by name), unless
  its type says it is a question or a request: then a support contact. One no type or
  category speaks for (Help Scout's "Type" of email, chat or phone says how it came) is a
  complaint only when its words speak of one. A task with no requester is the team's own
  work: left out, said. A
  ticket's satisfaction rating (Good 4 and Bad 2 of 5, Great 5, Okay 3, or a number of 1
  to 5) is its requester's satisfaction, the latest they gave. An owner's own ticket log
  (``ticket_list``, known by its columns and values: ``_ticket_list_check``) is read the
  same way; its statuses stay on its tickets, never a client's stage or status. Its order
  number, channel ("Received via") and department are the ticket's, as a help desk's are.
- A team's own issue tracker (Jira, Linear, GitHub issues, a bug list: issues, an
  assignee, a reporter, no customer) is kept as reference rows: its reporters are staff,
  no clients.
- Shopify test orders (paid through the "Bogus" test gateway, or tagged "test") are left
  out, and the explanation says how many. A Shopify order's Financial Status says if it
  was paid: pending is a contact, voided a cancellation (no sale); authorized, paid and
  partially or wholly refunded are sales.
- A survey's 0-10 "recommend" answer is an nps event of its respondent (amount = the
  score; 9-10 proves advocacy); a 1-5 satisfaction answer without one sets the
  respondent's satisfaction (their latest answer).
- A booking (Acuity, Square Appointments, SimplyBook.me) is a purchase only when its
  export says it was paid; booked and unpaid (accepted, pending, a no-show) it is a contact
  at consideration, as a Calendly call is; cancelled, a cancellation; paid and refunded, a
  purchase with a refund beside it. An Eventbrite order is its buyer's purchase; the other
  attendees on it are contacts of their own; a free ticket is a contact.
- A member list (Mindbody, a gym's own sheet), Patreon and Substack say who paid, not
  when: a paying member is a customer (churned once the membership ended after paying), a
  free member or trial is not; repeat payments are counted only where the export shows
  them (Patreon's Lifetime Amount ÷ Pledge Amount, Substack's paid periods to the expiry).
  "Referred By" naming another member is that member's referral, and the channel of the
  one referred; "How did you hear" is a channel, never a referral.
- Store order lists (Squarespace, Wix Stores, BigCommerce, Amazon's All Orders, eBay's
  orders report) and invoice lists (FreshBooks, Wave, Zoho Invoice and Zoho Books) are
  read by status, an order or invoice being one event whatever its lines: paid (or part
  paid, or paid and awaiting fulfilment) is a purchase; refunded, a purchase with a refund
  beside it; cancelled or void before payment, a cancellation; pending, awaiting payment,
  declined, draft, sent, viewed or overdue, a contact. eBay says paid by its Paid On Date.
  Amazon names no buyer: its orders are kept without a client, counted as events
  (purchases, revenue), never as clients.
- A hand-kept cash book (Date, Details, In, Out) names who paid inside its details ("Cash -
  J Smith lesson"): money in naming someone is a sale from them; money in naming no one
  ("Balance b/f", "Cash sales") and money out (the business's own spending) are left out,
  and the explanation says how many and how much. A bank's export of one signed amount
  beside its own account (Barclays' "Account" and "Memo") is read the same way.
- A bank statement naming each line's other party in a column (Starling's "Counter Party",
  DKB's "Zahlungspflichtige*r" and "Zahlungsempfänger*in"): money in is its payer's sale,
  money out the business's own spending (left out, said), or a refund to one who paid in.
- A ledger of each client's account (a Spanish "cuenta corriente": Cliente, Debe, Haber;
  an English customer ledger's Debit and Credit; Khatabook's You Gave and You Got): what
  the client was charged is a sale, what they paid a contact, no second sale.
- freee's deals (取引, Japan) list money in (収入) and out (支出) together: money in settled
  (完了) is a sale from its partner (取引先), not yet settled (未決済) a contact; money out is
  the business's own spending, left out (its partners are suppliers), said with its total.
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from .. import values
from ..fields import (AFTER_A_BANK_WORD, BEFORE_A_PAYER, BODIES, CHANNEL_FIRST_WORDS,
                      COMPANY_HEADERS, CONTACT_MEANS, CUSTOMER_GROUPS, EVENT_FIELDS,
                      FUNDER_BODIES, FUNDING_WORDS, ISSUE_HEADERS, NAMES_AMONG_MONEY_WORDS, NOT_A_PAYER,
                      ORGANISATION_HEADERS, PLACES_OF_SALE, PRIORITY_HEADERS,
                      REPORTED_DATE_HEADERS, SOLD_AFTER_A_PAYER, SUBJECT_HEADERS, TICKET_NUMBER_HEADER,
                      WHOSE_FIELDS, WORK_PLACE_HEADERS, match_header, normalise_header)
from ..stages import (ORDER_STATUS_KIND, OUTCOME_OF, PAID_BY, TICKET_RESOLVED, TICKET_STATES,
                      WON_WORDS, normalise_value)
from ..text import (counted, match_key, name_key, part_paid_invoices, percent_text, was,
                    without_accents)
from .line_amounts import line_amounts

Rules = Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame]


@dataclass(frozen=True)
class Profile:
    name: str                       # "shopify_orders": the import JSON's recognised_as
    label: str                      # "a Shopify orders export"
    needs: tuple[frozenset[str], ...]   # each: normalised headers, one of which is present
    mapping: dict[str, str]         # normalised header -> field (absent headers skipped)
    rules: Rules                    # (typed rows, raw frame) -> the rows to save
    explain: Callable[[pd.DataFrame], str]   # raw frame -> what was understood
    kind: str = "events"
    stages: dict[str, str] = field(default_factory=dict)   # the export's own stage ids
    # Regular expressions each matching some normalised header: a column whose header is
    # free text (a survey's question, "How likely are you to recommend us...?").
    patterns: tuple[str, ...] = ()
    # A further test of the normalised headers and, when the caller passes them, the
    # sheet's values (``check(headers, frame_or_None)``): a column known by its values.
    check: Callable[[set[str], pd.DataFrame | None], bool] | None = None
    # Its clients are only the people who wrote in (a help desk's requesters): its contacts
    # say nothing of the business's other clients (see the complaints sign).
    writers_only: bool = False
    # Fields that a header the mapping does not know fills by its synonym (``match_header``),
    # before the mapping's own headers of that field: an owner's ticket list's "Order
    # number" is its order_id, its "Ticket #" then kept as the ticket's own column.
    by_synonym: frozenset[str] = frozenset()


# --- helpers over the raw frame ---------------------------------------------------------

# The headers ``_col`` reads while ``explain_and_read`` listens (None: no one listens).
_READ: ContextVar[set[str] | None] = ContextVar("profile_columns_read", default=None)


def _col(frame: pd.DataFrame, *names: str) -> pd.Series:
    """The first column present of normalised names, as stripped text (None when blank)."""
    by_normal = {normalise_header(h): h for h in frame.columns}
    for name in names:
        if name in by_normal:
            if (read := _READ.get()) is not None:
                read.add(by_normal[name])
            return values.parse_text(frame[by_normal[name]], stripped=True)[0]
    return pd.Series([None] * len(frame), index=frame.index, dtype=object)


def explain_and_read(profile: Profile, frame: pd.DataFrame) -> tuple[str, tuple[str, ...]]:
    """A profile's sentence on a sheet, and the columns its rules read in working it out
    (in the sheet's order): the Import page says those are read, not merely kept, where
    the profile's mapping leaves them out (a Revolut statement's Type, State, Amount)."""
    token = _READ.set(set())
    try:
        said = profile.explain(frame)
        read = _READ.get()
    finally:
        _READ.reset(token)
    return said, tuple(header for header in frame.columns if header in read)


def _money(frame: pd.DataFrame, *names: str) -> pd.Series:
    return values.parse_money(_col(frame, *names))[0]


def _dates(frame: pd.DataFrame, *names: str) -> pd.Series:
    return values.parse_dates(_col(frame, *names), day_first=False)[0]


def _all(*names: str) -> tuple[frozenset[str], ...]:
    """Needs: every one of these headers."""
    return tuple(frozenset([name]) for name in names)


def _any(*names: str) -> frozenset[str]:
    """One need: any one of these headers (the same column in several tools or languages)."""
    return frozenset(names)


def _none(series: pd.Series) -> pd.Series:
    """Missing values as None (pandas' NaN would become the text "nan" in a key)."""
    return series.astype(object).where(series.notna(), None)


def fold_lines(rows: pd.DataFrame, order: pd.Series) -> pd.DataFrame:
    """Keep each order's first line as its event; the other lines go into its extras.

    The first line kept, that is: when an order's first line was rejected, its next one
    stands for the order rather than the order's lines vanishing with it.
    """
    first = order.notna() & ~order.duplicated()
    rest = rows[~first & order.notna()]
    if len(rest):
        lines: dict = {}
        for key, extra in zip(order[rest.index].tolist(), rest["extra"].tolist()):
            lines.setdefault(key, []).append(json.loads(extra) if extra else {})
        heads = rows[first]
        merged = []
        for key, extra in zip(order[heads.index].tolist(), heads["extra"].tolist()):
            found = lines.get(key)
            if not found:
                merged.append(extra)
                continue
            record = json.loads(extra) if extra else {}
            record["line items"] = found
            merged.append(json.dumps(record, ensure_ascii=False))
        rows = rows.copy()
        rows.loc[heads.index, "extra"] = merged
    return rows[first | order.isna()]


@dataclass(frozen=True)
class OrderRefunds:
    """What went back on each order, from a column of money gone back on its lines
    (``order_refunds``): on the order's first line (NaN on its others; a row of no order
    keeps its own), and how many orders' lines were added up or read once, and of those
    added up how many because each line gave back its own whole amount."""
    amount: pd.Series
    added_up: int
    read_once: int
    lines_in_full: int = 0


def order_refunds(back: pd.Series, order: pd.Series,
                  line: pd.Series | None = None) -> OrderRefunds:
    """Each order's refund from what its lines say went back. An export writes it per line
    (WooCommerce's line refunds, 60 on one line and 40 on the other: 100), on the order's
    first line only (Shopify's: the lines added up are that line's) or as the order's
    figure repeated on every line (then adding up would count it twice). The evidence:
    an order whose lines carry different amounts gone back writes them per line, and then
    the whole column is read so; so does an order each of whose lines gave back its own
    whole amount (``line``: each line's amount, where the sheet's amounts are its lines';
    two lines of 20, 20 back on each: 40); otherwise an amount the same on every line of an
    order is the order's, read once."""
    said = back.where(order.notna())
    lines = said.groupby(order)
    counted_lines = order.map(order.value_counts())
    same = (order.map(lines.nunique()).eq(1)
            & order.map(lines.count()).eq(counted_lines) & counted_lines.gt(1))
    in_full = pd.Series(False, index=order.index)
    if line is not None:
        whole = (said.gt(0) & said.sub(line).abs().lt(0.005)).groupby(order).all()
        in_full = same & order.map(whole).fillna(False).astype(bool)
    per_line = said.where(said.ne(0)).groupby(order).nunique().gt(1).any()
    once = same & ~per_line & ~in_full
    total = order.map(lines.sum(min_count=1)).where(~once, said)
    first = order.notna() & ~order.duplicated()
    gone = first & total.gt(0)
    several = first & order.map(said.where(said.ne(0)).groupby(order).count()).gt(1)
    return OrderRefunds(
        amount=back.where(order.isna(), total.where(first)),
        added_up=int((gone & several & ~once).sum()), read_once=int((gone & once).sum()),
        lines_in_full=int((gone & in_full & ~per_line).sum()))


def _with(rows: pd.DataFrame, mask: pd.Series, **columns) -> pd.DataFrame:
    """Copies of the rows where ``mask`` holds, with some columns set (a refund beside its
    order's purchase)."""
    picked = rows[mask.reindex(rows.index, fill_value=False)].copy()
    for column, value in columns.items():
        picked[column] = value.reindex(picked.index) if isinstance(value, pd.Series) else value
    return picked


def _keyed_by_id(rows: pd.DataFrame) -> pd.DataFrame:
    """The profile's client ID is the client: a row without one has no client (its name,
    such as a billing name, stays with the row but does not make a client of its own)."""
    if "name" in rows and "client_id" in rows:
        blank = rows["client_id"].isna()
        if blank.any():
            extra = [json.dumps({**(json.loads(e) if e else {}), "name": n},
                                ensure_ascii=False) if n is not None else e
                     for e, n in zip(rows.loc[blank, "extra"], rows.loc[blank, "name"])]
            rows.loc[blank, "extra"] = extra
            rows.loc[blank, "name"] = None
    return rows


def _stack(*parts: pd.DataFrame) -> pd.DataFrame:
    return pd.concat([p for p in parts if len(p)] or parts[:1], ignore_index=True)


# --- Shopify orders ---------------------------------------------------------------------

def _shopify_orders_facts(frame: pd.DataFrame) -> dict:
    order = _col(frame, "name")
    first = order.notna() & ~order.duplicated()
    email = _col(frame, "email").str.casefold()
    email = _none(email.where(first).groupby(order).transform("first"))  # order-level
    status = _col(frame, "financialstatus").str.casefold()
    refunded = _money(frame, "refundedamount").fillna(0)
    # Test orders: paid through Shopify's test gateway ("Bogus") or tagged "test".
    gateway = _col(frame, "paymentmethod", "gateway").str.casefold().fillna("")
    tags = _col(frame, "tags").str.casefold().fillna("").str.split(r"\s*,\s*")
    test = first & (gateway.str.contains("bogus")
                    | tags.map(lambda tagged: bool({"test", "test order"} & set(tagged))))
    test = order.isin(set(order[test])) & order.notna()
    first &= ~test
    # The Financial Status says whether the order was paid: pending (or an expired
    # payment) is not yet a sale, voided is a cancellation. Authorized is a sale: Shopify
    # holds the money and counts the order, and it is captured when it ships.
    said = _order_status_kind(status).where(status != "authorized", "purchase")
    unpaid = first & said.eq("contact")
    voided = first & said.eq("cancellation")
    return {
        "order": order, "first": first, "email": email, "test": test,
        "unpaid": unpaid, "voided": voided,
        "cancelled": first & (_col(frame, "cancelledat").notna() | voided),
        "refunded": first & ~unpaid & ~voided
        & (status.isin(["refunded", "partially_refunded"]) | (refunded > 0)),
        "refund_amount": refunded,
    }


def _shopify_orders_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _shopify_orders_facts(frame)
    order = facts["order"]
    rows = rows[~facts["test"].reindex(rows.index, fill_value=False)].copy()
    rows["client_id"] = rows["email"] = facts["email"].reindex(rows.index)
    rows = _keyed_by_id(rows)
    rows["kind"] = "purchase"
    rows.loc[facts["unpaid"].reindex(rows.index, fill_value=False), "kind"] = "contact"
    # Order-level fields are blank on an order's other lines; the first line holds them.
    orders = fold_lines(rows, order.reindex(rows.index))
    cancelled_at = _dates(frame, "cancelledat")
    cancelled = _with(orders, facts["cancelled"], kind="cancellation", amount=None,
                      date=cancelled_at.where(cancelled_at.notna(), orders.get("date")))
    # A voided order was never paid: its cancellation stands in for the sale.
    orders = orders[~facts["voided"].reindex(orders.index, fill_value=False)]
    refunds = _with(orders, facts["refunded"], kind="refund",
                    amount=facts["refund_amount"])
    return _stack(orders, cancelled, refunds)


def _shopify_orders_explain(frame: pd.DataFrame) -> str:
    facts = _shopify_orders_facts(frame)
    first = facts["first"]
    emails = facts["email"][first]
    missing = int(emails.isna().sum())
    return (f"Recognised as a Shopify orders export: {counted(int(first.sum()), 'order')} from "
            f"{counted(emails.nunique(), 'customer')} matched by e-mail (case ignored); "
            + (f"{counted(missing, 'order')} without an e-mail kept without a client; "
               if missing else "")
            + f"{int(facts['cancelled'].sum()):,} cancelled"
            + (f" ({int(voided):,} voided, never paid)" if (voided := facts["voided"].sum())
               else "")
            + f", {int(facts['refunded'].sum()):,} refunded"
            + (f"; {counted(int(unpaid), 'pending order')} not yet paid, kept as "
               + ("a contact" if unpaid == 1 else "contacts")
               if (unpaid := facts["unpaid"].sum()) else "")
            + (f"; {counted(tests, 'test order')} left out (Bogus gateway or tagged test)"
               if (tests := facts["order"][facts["test"]].nunique()) else "") + ".")


# --- Stripe payments --------------------------------------------------------------------

_STRIPE_PAID = {"paid", "succeeded", "refunded", "partially refunded", "partially_refunded"}


def _stripe_email(frame: pd.DataFrame) -> pd.Series:
    """The payer's e-mail, case ignored: Stripe's "Customer Email", or the bare "email" of
    an export written with the API's field names (Razorpay's payments)."""
    return _col(frame, "customeremail", "email").str.casefold()


def _stripe_facts(frame: pd.DataFrame) -> dict:
    said = _col(frame, "captured").str.casefold()
    status = _col(frame, "status").str.casefold()
    # Captured says it; without it (older exports), the status does, for a charge with an
    # id (a row without one is a PaymentIntent that never became a charge).
    paid = said.isin(["true", "yes", "1"]) | (
        said.isna() & status.isin(_STRIPE_PAID) & _col(frame, "id").notna())
    customer = _col(frame, "customerid").fillna(_stripe_email(frame))
    refunded = _money(frame, "amountrefunded").fillna(0)
    # A dispute the business lost is money taken back (a chargeback): a refund, dated
    # when it was disputed, unless the amount refunded already counts it.
    lost = _col(frame, "disputestatus").str.casefold().isin(["lost", "charge_refunded"])
    disputed = _money(frame, "disputedamount").fillna(0).where(lost & (refunded == 0), 0)
    return {"paid": paid, "customer": customer, "refunded": refunded > 0,
            "refund_amount": refunded, "charged_back": disputed > 0,
            "chargeback_amount": disputed}


def _stripe_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _stripe_facts(frame)
    rows = rows.copy()
    rows["client_id"] = facts["customer"].reindex(rows.index)
    rows["email"] = _none(_stripe_email(frame)).reindex(rows.index)
    rows = _keyed_by_id(_contact_named(rows))
    rows["kind"] = facts["paid"].reindex(rows.index).map({True: "purchase", False: "contact"})
    refund_date = _dates(frame, "refundeddateutc", "refundeddate")
    refunds = _with(rows, facts["refunded"], kind="refund", amount=facts["refund_amount"],
                    date=refund_date.where(refund_date.notna(), rows["date"]
                                           if "date" in rows else None))
    dispute_date = _dates(frame, "disputedateutc", "disputedate")
    chargebacks = _with(rows, facts["charged_back"], kind="refund",
                        amount=facts["chargeback_amount"], reason="chargeback (dispute lost)",
                        date=dispute_date.where(dispute_date.notna(), rows["date"]
                                                if "date" in rows else None))
    return _stack(rows, refunds, chargebacks)


def _contact_named(rows: pd.DataFrame) -> pd.DataFrame:
    """Razorpay's 'contact' is the payer's phone; one holding no phone number anywhere but
    words (a payer's name, as a sheet kept by hand in Razorpay's columns writes it) names
    the payer instead, where nothing else does."""
    if "phone" not in rows or rows["phone"].isna().all():
        return rows
    said = rows["phone"].astype(object).where(rows["phone"].notna())
    if values.phone_keys(said).notna().any() or not said.str.contains(r"[^\W\d_]",
                                                                      na=False).any():
        return rows
    rows = rows.copy()
    rows["name"] = rows["name"].where(rows["name"].notna(), said) if "name" in rows else said
    rows["phone"] = None
    return rows


def _stripe_explain(frame: pd.DataFrame) -> str:
    facts = _stripe_facts(frame)
    paid = facts["paid"]
    failed = int((~paid & _col(frame, "status").str.casefold().eq("failed")).sum())
    other = int((~paid).sum()) - failed
    unpaid = counted(failed, "failed attempt") + (f" and {counted(other, 'unfinished payment')}"
                                             if other else "")
    # (Razorpay writes the API's names: a bare "email", "created_at")
    which = ("a Stripe payments export" if _col(frame, "customeremail").notna().any()
             or not _col(frame, "createdat").notna().any()
             else "a payments export in Stripe's columns (as Razorpay's)")
    return (f"Recognised as {which}: "
            f"{counted(int(paid.sum()), 'payment')} from "
            f"{counted(facts['customer'][paid].nunique(), 'customer')} (by customer ID, else "
            f"e-mail); {unpaid} kept as contacts, not purchases; "
            f"{int(facts['refunded'].sum()):,} refunded"
            + (f", {counted(int(facts['charged_back'].sum()), 'dispute')} lost (chargebacks, "
               "counted as refunds)" if facts["charged_back"].any() else "") + ".")


# --- Instamojo payments -----------------------------------------------------------------

# Instamojo's payment statuses: "Credit" is a payment that went through (credited to the
# seller); "Refunded" one that went through and was given back. Failed, Pending and
# Initiated never paid.
_INSTAMOJO_PAID = frozenset({"credit", "refunded"})
_INSTAMOJO_STATUSES = _INSTAMOJO_PAID | frozenset({"failed", "pending", "initiated"})


def _instamojo_statuses(present: set[str], frame: pd.DataFrame | None) -> bool:
    """Whether every status is one of Instamojo's own, one at least "Credit": an owner's
    payments sheet under the same headers ("Paid", "Unpaid") or a wallet's ("Credit",
    "Debit") is read as any other."""
    if frame is None:
        return True
    said = set(_col(frame, "status").dropna().astype(str).str.strip().str.casefold())
    return "credit" in said and said <= _INSTAMOJO_STATUSES


def _instamojo_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    status = _col(frame, "status").str.casefold()
    paid = status.isin(_INSTAMOJO_PAID)
    rows = rows.copy()
    rows["kind"] = paid.reindex(rows.index).map({True: "purchase", False: "contact"})
    return _stack(rows, _with(rows, status.eq("refunded"), kind="refund"))


def _instamojo_explain(frame: pd.DataFrame) -> str:
    written = _col(frame, "status")
    status = written.str.casefold()
    paid, refunded = status.isin(_INSTAMOJO_PAID), status.eq("refunded")
    unpaid = sorted(set(written[~paid].dropna()))
    return (f"Recognised as an Instamojo payments export: {counted(int(paid.sum()), 'payment')} "
            f"went through (status Credit or Refunded), {int(refunded.sum()):,} of them "
            f"refunded (a sale, then its refund); {counted(int((~paid).sum()), 'payment')} "
            "that never went through"
            + (f" ({', '.join(unpaid)})" if unpaid else "") + " kept as contacts, not "
            "purchases.")


# --- a ledger of what each client was charged and paid: You Gave, You Got; Debe, Haber ------

# A shopkeeper's ledger of each customer's credit (Khatabook's "You Gave" and "You Got"), and
# a business's account of each client in its books (a Spanish "cuenta corriente de clientes":
# Debe and Haber; an English customer ledger's Debit and Credit; German Soll and Haben): what
# the client was charged (given on credit) is a sale; what they paid (got) is the client
# paying toward it, no second sale, kept as a contact with the client. Normalised (charged,
# paid) pairs.
_LEDGER_PAIRS = (("yougave", "yougot"), ("debe", "haber"), ("debit", "credit"),
                 ("debitamount", "creditamount"), ("soll", "haben"), ("dare", "avere"),
                 ("debito", "credito"), ("debet", "credit"), ("cargo", "abono"),
                 ("cargos", "abonos"))
# The pairs of an account in the books (Khatabook's You Gave and You Got are a shopkeeper's).
_BOOKS_PAIRS = tuple(pair for pair in _LEDGER_PAIRS if pair[0] != "yougave")
# Headers naming a bank statement's other party: on a bank's statement "Debit" is money out
# of the account, not a client charged (a bank's "Debe" the same), so a ledger's client is
# named under a header of none of these.
_BANK_PARTY = re.compile(r"counterpart|tegenpartij|payee|payer|beneficiar|ordenante|empfanger|"
                         r"zahlungspflichtig|auftraggeber")


def _ledger_pair(present: set[str]) -> tuple[str, str] | None:
    return next((pair for pair in _LEDGER_PAIRS if set(pair) <= present), None)


def _ledger_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """Khatabook's You Gave and You Got; or a pair of a client's account in the books
    (``_LEDGER_PAIRS``: Debe and Haber) beside a column naming the client (its synonym a
    client's name, ID or e-mail address) that names no bank's party (``_BANK_PARTY``: a
    statement's "Counter Party" beside "Debit" and "Credit" is the bank's, its debit money
    out), and no column of accounts (``_ACCOUNT_HEADER``: a statement's own "Account"; a
    journal's "Account" of the books, "Accounts Receivable" beside "Sales", where each sale
    is written twice) but one naming customers (``_accounts_of_customers``). With the rows,
    something charged."""
    pair = _ledger_pair(present)
    if pair is None or pair[0] == "yougave":
        return pair is not None
    accounts = [h for h in present if _ACCOUNT_HEADER.search(h)]
    return ((not accounts or frame is not None and len(accounts) == 1
             and _accounts_of_customers(_col(frame, accounts[0])))
            and any(match_header(h)[0] in WHOSE_FIELDS and not _BANK_PARTY.search(h)
                    for h in present)
            and (frame is None or bool(_money(frame, pair[0]).gt(0).any())))


# Words of an account of the books or of a bank, not of a customer ("Sales", "Accounts
# Receivable", "Business Current Account", "VAT Control", "Petty Cash").
_BOOKS_WORDS = re.compile(r"\b(?:accounts?|sales?|revenue|income|receivables?|payables?|"
                          r"debtors?|creditors?|bank|cash|current|savings?|deposit|vat|gst|"
                          r"tax|wages|salaries|expenses?|costs?|suspense|control|capital|"
                          r"loan|equity|funds|ventas|clientes|caja|banco|erl[oö]se|kasse|"
                          r"forderungen)\b", re.IGNORECASE)


def _accounts_of_customers(accounts: pd.Series) -> bool:
    """Whether a ledger's "Account" names its customers (a sub-ledger of receivables: "Ann
    Fox", "Bob Lee"): two or more, none written with digits (an account's number: "20-32-06
    13152170", "1200") nor in an account's words (``_BOOKS_WORDS``: "Sales", "Business
    Current Account")."""
    named = accounts.dropna().astype(str).unique()
    return len(named) >= 2 and not any(
        re.search(r"\d", name) or _BOOKS_WORDS.search(name) for name in named)


# An account of the business's spending ("Office Supplies", "Rent", "Advertising"), and a
# company's suffix ("Capital Cars Ltd": a customer, whatever its words).
_SPENDING_WORDS = re.compile(r"\b(?:suppl(?:y|ies)|rent|advertising|marketing|travel|"
                             r"utilities|insurance|software|subscriptions?|postage|telephone|"
                             r"repairs|depreciation|drawings|inventory|purchases|materials|"
                             r"equipment|fuel|entertainment|professional|charges|fees|"
                             r"payroll|pension|dues|mileage|printing)\b", re.IGNORECASE)
_COMPANY_SUFFIX = re.compile(r"\b(?:ltd|limited|llc|llp|inc|plc|gmbh|corp|co)\b\.?",
                             re.IGNORECASE)
# The business's own accounts at a bank ("Business Current Account", "Savings", "Petty
# Cash", "20-32-06 13152170"): a statement's, money in on the Credit side.
_BANK_ACCOUNT = re.compile(r"\b(?:bank|current|savings?|deposit|cash|checking|chequing|"
                           r"cheque|giro|girokonto|tagesgeld|corriente|ahorros?)\b|"
                           r"^[\d\s*#x/-]{4,}$", re.IGNORECASE)


def _own_accounts(accounts: pd.Series, words: re.Pattern) -> bool:
    """Whether every account a column names (one or more) is the business's own by
    ``words``, none a company's name (``_COMPANY_SUFFIX``)."""
    named = {str(name).strip() for name in accounts.dropna().unique()} - {""}
    return bool(named) and all(
        words.search(name) and not _COMPANY_SUFFIX.search(name) for name in named)


# Details saying money came in ("Payment from Ann Fox", "Received from ...").
_CAME_IN = re.compile(r"\b(?:from|received|receipt)\b", re.IGNORECASE)


def _debits_came_in(frame: pd.DataFrame) -> bool:
    """Whether a line on the Debit side says money came in: the books' view of a bank
    account, a debit money in, not a bank's statement (its Debit money out)."""
    debit = _money(frame, "debit", "debitamount")
    said = _col(frame, *_CASH_DETAILS)[debit.gt(0)]
    return bool(said.str.contains(_CAME_IN, na=False).any())


_BOOKS_OWN = re.compile(rf"{_BOOKS_WORDS.pattern}|{_SPENDING_WORDS.pattern}|\d",
                        re.IGNORECASE)


def _books_lines_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """Lines on the business's own accounts naming no customer: an account column
    (``_BOOKS_ACCOUNT``), a debit and credit pair, no column naming each line's party or a
    client; with the rows, every account the books' own (``_BOOKS_OWN``: "Sales", "Accounts
    Receivable", "Office Supplies", "4000") and not all the bank's (those a statement of
    several accounts, read as a cash book: ``_cash_book_check``) unless its debits came in
    (``_debits_came_in``: the books' view of the bank)."""
    pair = _ledger_pair(present)
    if pair is None or pair[0] == "yougave" or _books_party(present) is not None:
        return False
    accounts = [h for h in _BOOKS_ACCOUNT if h in present]
    if not accounts or any(match_header(h)[0] in WHOSE_FIELDS for h in present
                           if h not in accounts):
        return False
    if frame is None:
        return True
    column = _col(frame, accounts[0])
    return _own_accounts(column, _BOOKS_OWN) and (
        not _own_accounts(column, _BANK_ACCOUNT) or _debits_came_in(frame))


def _books_lines_explain(frame: pd.DataFrame) -> str:
    header = next(h for h in frame.columns if normalise_header(h) in _BOOKS_ACCOUNT)
    named = list(dict.fromkeys(frame[header].dropna().astype(str).str.strip()))
    return (f"Read as lines on the business's own accounts ('{header}': "
            f"{', '.join(named[:3])}{', ...' if len(named) > 3 else ''}), no column naming "
            "a customer: "
            "entries of its books, not clients nor their sales, so no client made and no sale "
            "counted; kept as reference rows.")


# A line on the paid side that is a credit note, not a payment: the client's sale reduced,
# money given back ("Abono factura 102", Spain's "factura de abono"; "Credit note CN-3";
# "Gutschrift zu RE 14"). "Abono a ..." and an "abono" naming a payment ("Abono - pago en
# efectivo") are a client paying toward the account, as Latin America writes it.
_CREDIT_NOTE = re.compile(r"\b(?:credit\s*(?:note|memo)|nota\s+de\s+(?:cr[eé]dito|abono)|"
                          r"factura\s+rectificativa|abono(?!\s+a\b)|gutschrift|avoir|"
                          r"nota\s+di\s+credito|creditnota|kreditnota|storno)\b", re.IGNORECASE)
_PAYMENT_SAID = re.compile(r"\b(?:pago|cobro|transferencia|efectivo|dep[oó]sito|cheque|"
                           r"payment|zahlung|[uü]berweisung)\b", re.IGNORECASE)
_LEDGER_NOTES = ("concepto", "details", "entry", "remarks", "note", "description",
                 "reference", "libelle", "buchungstext", "descrizione")


def _ledger_credited(frame: pd.DataFrame, paid: pd.Series) -> pd.Series:
    """The lines of the paid side whose words say a credit note (``_CREDIT_NOTE``)."""
    said = _col(frame, *_LEDGER_NOTES).fillna("")
    noted = said[paid]
    return paid & (noted.str.contains(_CREDIT_NOTE) & ~noted.str.contains(_PAYMENT_SAID)
                   ).reindex(paid.index, fill_value=False)


# A total row's first words ("Total", "Total for Sales", "Grand total").
_TOTAL_WORD = re.compile(r"\s*(?:grand\s+)?totals?\b", re.IGNORECASE)


def _report_rows(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    """A report's first column as text ("" where blank), its rows with nothing but that
    (a section's heading, or an aside), and its total rows (``_TOTAL_WORD``)."""
    first = values.parse_text(frame.iloc[:, 0], stripped=True)[0]
    text = first.where(first.notna(), "").astype(str)
    return (text, first.notna() & frame.iloc[:, 1:].isna().all(axis=1),
            text.str.match(_TOTAL_WORD))


def _headings_and_totals(frame: pd.DataFrame) -> pd.Series:
    """Rows of a report's sections, no line of it: a heading alone in the first column ("Ann
    Fox", "Account: Sales") and a total ("Total Ann Fox", "Total for Sales")."""
    _, alone, total = _report_rows(frame)
    return alone | total


def _ledger_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    pair = _ledger_pair({normalise_header(h) for h in frame.columns})
    lines = ~_headings_and_totals(frame)
    rows = rows[lines.reindex(rows.index, fill_value=True)]
    gave, got = _money(frame, pair[0]).where(lines), _money(frame, pair[1]).where(lines)
    credited = _ledger_credited(frame, got.gt(0) & ~gave.gt(0)).reindex(
        rows.index, fill_value=False)
    gave, got = gave.reindex(rows.index), got.reindex(rows.index)
    rows = rows.copy()
    rows["kind"] = "purchase"
    rows["amount"] = gave.where(gave.gt(0))
    rows.loc[~gave.gt(0), "kind"] = "contact"
    rows.loc[credited, "kind"] = "refund"
    rows.loc[credited, "amount"] = got[credited]
    return rows


def _ledger_explain(frame: pd.DataFrame) -> str:
    by_normal = {normalise_header(h): h for h in frame.columns}
    pair = _ledger_pair(set(by_normal))
    lines = ~_headings_and_totals(frame)
    gave, got = _money(frame, pair[0]).where(lines), _money(frame, pair[1]).where(lines)
    sold, paid = gave.gt(0), got.gt(0) & ~gave.gt(0)
    credited = _ledger_credited(frame, paid)
    paid &= ~credited
    what = ("a credit ledger (Khatabook's You Gave and You Got): "
            f"{counted(int(sold.sum()), 'line')} given on credit" if pair[0] == "yougave" else
            f"a ledger of each client's account ('{by_normal[pair[0]]}' what the client was "
            f"charged, '{by_normal[pair[1]]}' what they paid): "
            f"{counted(int(sold.sum()), 'charge')}")
    return (f"Recognised as {what} read as sales "
            f"({values.amount_text(float(gave[sold].sum()))}); "
            f"{counted(int(paid.sum()), 'payment')} "
            f"{'got' if pair[0] == 'yougave' else 'made'} "
            f"({values.amount_text(float(got[paid].sum()))}) {was(int(paid.sum()))} money paid "
            "toward those sales, kept as contacts, not counted as sales again"
            + (f"; {counted(int(credited.sum()), 'credit note')} "
               f"({values.amount_text(float(got[credited].sum()))}) read as "
               f"{'a refund' if int(credited.sum()) == 1 else 'refunds'}: money given back, "
               "the sale reduced, not a payment" if credited.any() else "") + ".")


# A ledger of the business's suppliers (a Spanish "cuenta de proveedores": "Proveedor",
# "Debe", "Haber"; "Supplier", "Debit", "Credit"; "Lieferant", "Soll", "Haben"): on a
# supplier's account the credit side is what the supplier billed the business and the debit
# what it paid them. Its own buying: no client's sale, its suppliers no clients.
_SUPPLIER = ("proveedor", "proveedores", "supplier", "suppliername", "vendor", "vendorname",
             "lieferant", "lieferantenname", "kreditor", "fournisseur", "fornitore",
             "fornecedor", "leverancier", "acreedor", "creditor")


def _supplier_ledger_explain(frame: pd.DataFrame) -> str:
    by_normal = {normalise_header(h): h for h in frame.columns}
    paid_header, billed_header = _ledger_pair(set(by_normal))
    billed, paid = _money(frame, billed_header), _money(frame, paid_header)
    named = next(h for h in _SUPPLIER if h in by_normal)
    supplier = _col(frame, named)
    return (f"Read as a ledger of the business's suppliers ('{by_normal[named]}'): "
            f"what {counted(int(supplier.nunique()), 'supplier')} billed it "
            f"('{by_normal[billed_header]}', {values.amount_text(float(billed.sum()))}) and "
            f"what it paid them ('{by_normal[paid_header]}', "
            f"{values.amount_text(float(paid.sum()))}) are the business's own buying: no "
            "sale counted and no supplier made a client; kept as reference rows.")

# --- the books' own accounts: a journal, a general ledger -------------------------------------

# An accounting package's report of its books writes each transaction on its accounts: a
# journal (QuickBooks' "Journal": "Name", "Account", "Debit", "Credit"; Xero's and Sage's
# with "Contact" and "Account"/"Ledger Account") writes an invoice twice, a debit to Accounts
# Receivable and a credit to Sales, and a payment twice, a debit to the bank and a credit to
# Accounts Receivable; a general ledger writes a section per account (a row naming it,
# "Sales" or "Account: Sales", its lines, then "Total for Sales"). The sales are the lines
# on an income account (``_INCOME_ACCOUNT``), each transaction's once, of the customer it
# names: a credit to it a sale, a debit to it money given back; the other accounts' lines
# (receivables, the bank, expenses) are the same sales written again, payments toward them
# and the business's own spending, left out. Normalised headers.
_BOOKS_ACCOUNT = ("account", "accountname", "ledgeraccount", "nominalaccount", "nominal")
_BOOKS_PARTY = ("name", "contact", "contactname", "customer", "customername", "client",
                "cliente", "kunde", "nombre", "tiers", "party", "partyname")
_BOOKS_TYPE = ("transactiontype", "type", "source", "tipo", "typ")
_BOOKS_NUMBER = ("num", "number", "no", "reference", "ref", "invoiceno", "documentno",
                 "numero", "belegnummer", "beleg")
_BOOKS_BALANCE = ("balance", "runningbalance", "saldo")
# A profile's needs: either side of the books' pairs (Debit, Credit; Debe, Haber ...).
# How a journal's and a general ledger's columns are read (normalised header -> field).
_BOOKS_READ = {"date": "date", "memodescription": "note", "memo": "note", "description": "note",
               "details": "note", **dict.fromkeys(_BOOKS_NUMBER, "order_id")}
_BOOKS_DEBIT = _any(*(pair[0] for pair in _BOOKS_PAIRS))
_BOOKS_CREDIT = _any(*(pair[1] for pair in _BOOKS_PAIRS))
_INCOME_ACCOUNT = re.compile(r"\b(?:sales?|revenues?|income|turnover|ventas?|ingresos?|"
                             r"erl[oö]se|umsatzerl[oö]se|ventes|vendite|ricavi|omzet|"
                             r"receitas?|vendas)\b", re.IGNORECASE)
# Accounts of those words that hold no customer's sale: cost of sales, sales tax, discounts
# given, interest earned, receivables.
_NOT_INCOME = re.compile(r"\bcosts?\b|\btax\b|\bvat\b|\bgst\b|\bhst\b|receivable|payable|"
                         r"discount|interest", re.IGNORECASE)
_SECTION_TOTAL = re.compile(r"\s*total(?:\s+for)?\s+(.+?)\s*$", re.IGNORECASE)
_SECTION_NAMED = re.compile(r"^\s*(?:account|cuenta|konto|compte|conto)\s*:\s*", re.IGNORECASE)
_SECTION_ASIDE = re.compile(r"\s*(?:opening|closing|starting|ending)\s+balance|\s*balance\b",
                            re.IGNORECASE)


def _income_account(account: object) -> bool:
    """Whether an account of the books holds sales ("Sales", "Sales of Product Income",
    "4000 Revenue"), not "Cost of Sales" nor "Sales Tax Payable"."""
    return isinstance(account, str) and bool(_INCOME_ACCOUNT.search(account)) and not (
        _NOT_INCOME.search(account))


def _books_party(present) -> str | None:
    """The normalised header naming each line's customer or supplier."""
    return next((h for h in _BOOKS_PARTY if h in present), None)


def _journal_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """An account column, a debit and credit pair (``_LEDGER_PAIRS``) and a column naming
    each line's party; with the rows, both an income account and another among the
    accounts (an "Account" naming customers, a sub-ledger, is none of these)."""
    pair = _ledger_pair(present)
    if pair is None or pair[0] == "yougave" or _books_party(present) is None:
        return False
    if frame is None:
        return True
    accounts = _col(frame, *_BOOKS_ACCOUNT).dropna().unique()
    income = [_income_account(a) for a in accounts]
    return any(income) and not all(income)


def _ledger_sections(frame: pd.DataFrame) -> pd.Series | None:
    """Each line's account in a general ledger written in sections (a row naming the account
    alone in the first column, "Sales" or "Account: Sales", its lines, then "Total for
    Sales"): None on the headings, totals and lines of no section. None where no heading is
    closed by its total."""
    text, alone, total = _report_rows(frame)
    aside = text.str.match(_SECTION_ASIDE)       # (a section's opening balance: its own)
    heading = alone & ~total & ~aside
    if not heading.any():
        return None
    named = text[heading].str.replace(_SECTION_NAMED, "", regex=True).str.strip()
    closed = {_SECTION_NAMED.sub("", m.group(1)).casefold()
              for m in text[total].map(_SECTION_TOTAL.match) if m}
    if not set(named.str.casefold()) & closed:
        return None
    account = pd.Series(None, index=frame.index, dtype=object)
    account[heading] = named
    account[total] = ""
    account = account.ffill()
    return account.where(~heading & ~total & ~aside & account.ne("")).where(
        lambda a: a.notna(), None)


def _accounts_of_lines(frame: pd.DataFrame) -> pd.Series | None:
    """Each line's account of the books: a journal's column of them (``_BOOKS_ACCOUNT``), a
    general ledger's sections (``_ledger_sections``), or the column the reader made of a
    report grouped by account without a header (QuickBooks' General Ledger: each account
    alone on a row above its lines, given to each of them, under "column 1"); None."""
    present = {normalise_header(h) for h in frame.columns}
    if present & set(_BOOKS_ACCOUNT):
        return _col(frame, *_BOOKS_ACCOUNT)
    sections = _ledger_sections(frame)
    if sections is None and re.fullmatch(r"column\d+", normalise_header(frame.columns[0])):
        return _col(frame, normalise_header(frame.columns[0]))
    return sections


def _general_ledger_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """A balance, money and a column naming each line's party (the needs); with the rows,
    accounts of its lines (``_accounts_of_lines``) of which one is an income account."""
    if frame is None:
        return True
    accounts = _accounts_of_lines(frame)
    return accounts is not None and any(map(_income_account, accounts.dropna().unique()))


def _books_facts(frame: pd.DataFrame) -> dict:
    """Each line's account and party, and the sales: per transaction and customer, the net of
    what its income lines credited (a signed "Amount" as it is), on its first income line."""
    by_normal = {normalise_header(h): h for h in frame.columns}
    present = set(by_normal)
    account = _accounts_of_lines(frame)
    pair = _ledger_pair(present)
    net = (_money(frame, pair[1]).fillna(0) - _money(frame, pair[0]).fillna(0)
           if pair is not None else _money(frame, "amount").fillna(0))
    dated = [h for h in by_normal if match_header(h)[0] == "date"]
    dates = _col(frame, *dated)
    # A journal writes a transaction's date, type, number and party on its first line only
    # (QuickBooks'): its other lines (an account and money, no date) are the same one's.
    going_on = dates.isna() & account.notna() & bool(dated)
    opened = pd.Series(range(len(frame)), index=frame.index).where(~going_on).ffill().fillna(
        0).astype(int)
    key = opened.astype(str)
    if not going_on.any():
        key = dates.fillna("") + "|" + _col(frame, *_BOOKS_TYPE).fillna("") + "|" + _col(
            frame, *_BOOKS_NUMBER).fillna("")
    party = _col(frame, _books_party(present) or "name").map(_statement_party,
                                                              na_action="ignore")
    party = party.fillna(party.groupby(key).transform("first"))
    income = account.map(_income_account, na_action="ignore").fillna(False).astype(bool)
    selling = income & net.ne(0)
    named = selling & party.notna()
    group = key + "|" + party.fillna("").str.casefold()
    summed = net.where(selling).groupby(group).transform("sum")
    first = named & ~group[named].duplicated().reindex(frame.index, fill_value=True)
    return {"account": account, "party": party, "net": summed, "sale": first & summed.gt(0),
            "opening": pd.Series(frame.index[opened.to_numpy()], index=frame.index),
            "back": first & summed.lt(0), "unnamed": selling & party.isna(),
            "other": account.notna() & ~income & net.ne(0)}


def _books_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """A sale of each transaction's income lines, to the customer it names; money given back
    on them a refund; the other accounts' lines left out."""
    facts = _books_facts(frame)
    dated = rows["date"] if "date" in rows else None
    rows = _sales_and_refunds(rows, facts, "party", "net")
    if dated is not None:       # (a line going on from its transaction's first: its date)
        opening = facts["opening"].reindex(rows.index).to_numpy()
        rows["date"] = pd.Series(dated.reindex(opening).to_numpy(), index=rows.index).where(
            lambda d: d.notna(), rows["date"])
    return rows


def _sales_and_refunds(rows: pd.DataFrame, facts: dict, party: str, amount: str
                       ) -> pd.DataFrame:
    """The rows ``facts`` says are a sale or money given back ("sale", "back"): each a sale
    (purchase) or refund of the party ``facts[party]`` names, of ``facts[amount]``."""
    sale = facts["sale"].reindex(rows.index, fill_value=False)
    rows = rows[sale | facts["back"].reindex(rows.index, fill_value=False)].copy()
    rows["name"] = _none(facts[party]).reindex(rows.index)
    rows["kind"] = sale[rows.index].map({True: "purchase", False: "refund"})
    rows["amount"] = facts[amount].abs().reindex(rows.index)
    return rows


def _books_explain(frame: pd.DataFrame) -> str:
    facts = _books_facts(frame)
    account, party, net = facts["account"], facts["party"], facts["net"].abs()
    sale, back, unnamed, other = (facts[k] for k in ("sale", "back", "unnamed", "other"))
    journal = bool({normalise_header(h) for h in frame.columns} & set(_BOOKS_ACCOUNT))
    incomes = ", ".join(dict.fromkeys(account[sale | back | unnamed].dropna()))
    others = list(dict.fromkeys(account[other].dropna()))
    parts = [f"{counted(int(sale.sum()), 'transaction')} on its income "
             f"{'account' if incomes.count(',') == 0 else 'accounts'} ({incomes or 'none'}) "
             f"read as sales, each once, from {counted(int(party[sale].nunique()), 'customer')} "
             f"({values.amount_text(float(net[sale].sum()))})"]
    if back.any():
        parts.append(f"{counted(int(back.sum()), 'debit')} to an income account "
                     f"({values.amount_text(float(net[back].sum()))}), money given back, read "
                     f"as {'a refund' if int(back.sum()) == 1 else 'refunds'}")
    if unnamed.any():
        parts.append(f"{counted(int(unnamed.sum()), 'income line')} naming no customer "
                     "left out")
    if other.any():
        parts.append(f"{counted(int(other.sum()), 'line')} on its other accounts "
                     f"({', '.join(others[:3])}{', ...' if len(others) > 3 else ''}) left out: "
                     "the same sales written again, tax, payments toward them and the "
                     "business's own spending, no client's sale")
    what = ("a journal of the books (each transaction written on two accounts or more)"
            if journal else "a general ledger (a section per account of the books)")
    return f"Read as {what}: " + "; ".join(parts) + "."


# --- Mercado Pago's money reports -----------------------------------------------------

# Mercado Pago's release and settlement reports (SOURCE_ID, DESCRIPTION, GROSS_AMOUNT) name
# no payer: each row is a movement of the account's money, its DESCRIPTION what moved. A
# payment is a sale; a refund or a chargeback gives one back (of the payment with the same
# SOURCE_ID); a payout to the bank, a fee or a reserve is the account's own money, no client's.
_MERCADOPAGO_KINDS = {"payment": "purchase", "refund": "refund", "chargeback": "refund"}


def _mercadopago_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    described = _col(frame, "description").str.casefold().reindex(rows.index)
    rows = rows.copy()
    rows["kind"] = described.map(_MERCADOPAGO_KINDS).fillna("contact")
    rows["amount"] = rows["amount"].abs()
    return rows


def _mercadopago_explain(frame: pd.DataFrame) -> str:
    described = _col(frame, "description").str.casefold()
    kind = described.map(_MERCADOPAGO_KINDS)
    gross = _money(frame, "grossamount").abs()
    other = sorted(set(_col(frame, "description")[kind.isna()].dropna()))
    own = int(kind.isna().sum())
    return ("Recognised as a Mercado Pago money report (no payer named: no clients): "
            f"{counted(int(kind.eq('purchase').sum()), 'payment')} read as sales of "
            f"{gross[kind.eq('purchase')].sum():,.2f}, "
            f"{counted(int(kind.eq('refund').sum()), 'refund or chargeback', 'refunds or chargebacks')}"
            f" as refunds of {gross[kind.eq('refund')].sum():,.2f}"
            + (f"; {counted(own, 'movement')} of the account's own money "
               f"({', '.join(other)}) kept as {'a contact, not a sale' if own == 1 else 'contacts, not sales'}"
               if other else "") + ".")


# --- Stripe customers -------------------------------------------------------------------

def _stripe_customers_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The customer's id (cus_...) is the client, as the payments export's Customer ID;
    the e-mail is kept, case ignored."""
    rows = rows.copy()
    rows["client_id"] = _col(frame, "id").reindex(rows.index)
    rows["email"] = _none(_col(frame, "email").str.casefold()).reindex(rows.index)
    return rows


def _stripe_customers_explain(frame: pd.DataFrame) -> str:
    count = values.parse_number(_col(frame, "paymentcount"))[0]
    return (f"Recognised as a Stripe customers export: {counted(len(frame), 'customer')} by "
            f"customer ID (cus_..., as the payments export's Customer ID); "
            f"{int((count >= 1).sum()):,} have paid and {int((count >= 2).sum()):,} paid twice "
            "or more (from Payment Count: the export has no payment dates); Total Spend is "
            "their revenue.")


# --- reviews: Trustpilot, Google ---------------------------------------------------------

_STAR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_STARS = ("reviewstars", "starrating", "stars", "rating", "reviewscore")
_REVIEWER_EMAIL = ("consumeremail", "revieweremail", "reviewconsumeremail", "email",
                   "emailaddress")


def _review_facts(frame: pd.DataFrame) -> dict:
    """Each review's stars (a number, or Google's word: FIVE) and its reviewer (their
    e-mail, case ignored, where the export has one; else their name)."""
    said = _col(frame, *_STARS)
    number = values.parse_number(said)[0]
    stars = number.where(number.notna(), said.str.casefold().map(_STAR_WORDS.get))
    email = _col(frame, *_REVIEWER_EMAIL).str.casefold()
    return {"stars": pd.to_numeric(stars, errors="coerce"),
            "email": email.where(email.fillna("").str.contains("@"))}


def _stars_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """Most rows have a rating, and most filled ratings are stars, 1 to 5 (a number or a
    word): not a help desk's satisfaction rating of "good" or "bad", nor a column left
    blank on most rows (a blog's list of posts, an author and a rating now and then)."""
    if frame is None:
        return True
    said = _col(frame, *_STARS)
    filled = said.notna() & said.astype(str).str.strip().ne("")
    stars = _review_facts(frame)["stars"][filled]
    return 2 * int(filled.sum()) > len(frame) and stars.between(1, 5).mean() >= 0.8


# What a help desk or a reviews app marks a row it took for spam (Help Scout's status,
# Judge.me's "curated"): no one's conversation or review, left out.
_SPAM = {"spam", "junk"}
# A ticket merged into another (Zammad's state "merged"): the other holds it, left out.
_MERGED = {"merged"}
# A review's moderation column: Judge.me's "curated" (spam), Okendo's "Status" (rejected:
# a review the shop turned away, spam or abuse, never published).
_MODERATED = ("curated", "status", "reviewstatus", "moderationstatus")
_REVIEW_TURNED_AWAY = _SPAM | {"rejected"}
# A review's mark that its reviewer bought (Reviews.io's and Okendo's "Verified Buyer": Yes,
# Yotpo's "verified_buyer", Loox's "verified_purchase"): compared as headers are, read yes
# or no. A bare "Verified" (an e-mail or an account checked) says so only in words naming a
# buyer ("Verified Buyer").
_VERIFIED = ("verifiedbuyer", "verifiedpurchase", "verifiedpurchaser")
_BUYER_WORDS = frozenset({"buyer", "verified buyer", "verified purchase", "verified purchaser"})


def _spam(frame: pd.DataFrame, *names: str, words=_SPAM) -> pd.Series:
    """Rows whose column of ``names`` (the first present) says spam (one of ``words``)."""
    return _col(frame, *names).str.casefold().isin(words)


def _left_out_spam(frame: pd.DataFrame, *names: str, words=_SPAM) -> str:
    """"; 1 marked spam left out" for an explanation, or nothing."""
    spam = int(_spam(frame, *names, words=words).sum())
    return f"; {counted(spam, 'row')} marked spam left out" if spam else ""


def _review_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Every row is a review of its reviewer, its stars kept as its amount: one of 4 or 5
    stars proves advocacy (journey.kinds.GOOD_REVIEW); one of 1 or 2 is also a complaint.
    One the app marks a verified buyer's places its reviewer at purchase at least (a
    1-star review of what they bought). A review the app curated as spam, or the shop
    rejected, is left out."""
    facts = _review_facts(frame)
    turned_away = _spam(frame, *_MODERATED, words=_REVIEW_TURNED_AWAY)
    rows = rows[~turned_away.reindex(rows.index, fill_value=False)].copy()
    rows["kind"] = "review"
    bought = _verified_buyers(frame).reindex(rows.index, fill_value=False)
    if bought.any():
        rows["stage"] = pd.Series(None, index=rows.index, dtype=object).mask(bought, "purchase")
    rows["amount"] = facts["stars"].reindex(rows.index)
    if facts["email"].notna().any():
        rows["client_id"] = rows["email"] = _none(facts["email"]).reindex(rows.index)
    complaints = _with(rows, facts["stars"] <= 2, kind="complaint", amount=None)
    return _stack(rows, complaints)


def _verified_buyers(frame: pd.DataFrame) -> pd.Series:
    """Reviews marked as a verified buyer's (``_VERIFIED``: yes, true; or "Verified Buyer")."""
    yes = values.parse_bool(_col(frame, *_VERIFIED))[0].eq(True)
    return yes | _col(frame, *_VERIFIED, "verified").str.casefold().isin(_BUYER_WORDS)


def _review_explain(frame: pd.DataFrame) -> str:
    kept = ~_spam(frame, *_MODERATED, words=_REVIEW_TURNED_AWAY)
    stars = _review_facts(frame)["stars"][kept]
    return (f"Recognised as a reviews export: {counted(int(kept.sum()), 'review')}, "
            f"{counted(int((stars >= 4).sum()), 'review')} of 4 or 5 stars (advocacy), "
            f"{int(stars.between(3, 3).sum()):,} of 3 and "
            f"{int((stars <= 2).sum()):,} of 1 or 2 stars (also counted as complaints); "
            "the reviewer is the client"
            + (" (by e-mail, case ignored)" if _review_facts(frame)["email"].notna().any()
               else " (by name)")
            + (f"; {counted(bought, 'review')} marked a verified buyer's: that reviewer "
               "bought (purchase at least)" if (bought := int(
                   (_verified_buyers(frame) & kept).sum())) else "")
            + _left_out_spam(frame, *_MODERATED, words=_REVIEW_TURNED_AWAY) + ".")


# --- deals: HubSpot, Salesforce, Bitrix24 -----------------------------------------------

def _deal_rules(outcome: Callable[[pd.DataFrame], pd.Series],
                client: Callable[[pd.DataFrame], pd.Series] | None = None,
                open_date: tuple[str, ...] = ()) -> Rules:
    """Rules for a deals export: ``outcome(frame)`` is "won", "lost" or None per row.

    Won and lost deals become won and lost events; an open deal keeps the kind the import
    gave it from its stage (a known stage: a stage change; an unknown one: a contact).
    Open deals, and closed ones without a close date, are dated by ``open_date``.
    """
    def rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
        rows = rows.copy()
        said = outcome(frame).reindex(rows.index)
        rows["kind"] = said.where(said.notna(), rows["kind"])
        if client is not None:
            rows["client_id"] = client(frame).reindex(rows.index)
        if open_date:
            created = _dates(frame, *open_date).reindex(rows.index)
            closed = rows["date"] if "date" in rows else pd.Series(None, index=rows.index)
            rows["date"] = closed.where(closed.notna() & said.notna(), created)
            rows["date"] = rows["date"].where(rows["date"].notna(), closed)
        return rows
    return rules


def _deal_explain(label: str, outcome: Callable[[pd.DataFrame], pd.Series], how: str,
                  client_note: str | Callable[[pd.DataFrame], str] = ""
                  ) -> Callable[[pd.DataFrame], str]:
    """``client_note``: how clients are known, or a function of the frame that says it."""
    def explain(frame: pd.DataFrame) -> str:
        said = outcome(frame)
        note = client_note(frame) if callable(client_note) else client_note
        won, lost = int((said == "won").sum()), int((said == "lost").sum())
        share = 100 * won / (won + lost) if won + lost else None
        rate = ("unknown" if share is None else percent_text(share, 1 if share >= 10 else 2))
        return (f"Recognised as {label}: {counted(len(frame), 'deal')}, {won:,} won and "
                f"{lost:,} lost ({how}), win rate {rate}; "
                f"{counted(len(frame) - won - lost, 'deal')} still open or undecided"
                f"{note}.")
    return explain


def _hubspot_outcome(frame: pd.DataFrame) -> pd.Series:
    # Internal ids (closedwon) in API pulls, labels (Closed Won) in the app's exports.
    stage = _col(frame, "dealstage").str.casefold().str.replace(r"[^0-9a-z]", "", regex=True)
    return stage.map({"closedwon": "won", "closedlost": "lost"})


_HUBSPOT_COMPANY = ("associatedcompanyprimary", "associatedcompany", "companyname",
                    "company")
_HUBSPOT_CONTACT = ("associatedcontactprimary", "associatedcontact", "contactname",
                    "contact")

def _hubspot_client(frame: pd.DataFrame) -> pd.DataFrame | None:
    """Each deal's client from its associated records (None: the export has none): the
    (first) associated company, else the (first) associated contact, whose e-mail comes
    with them; the contact named beside a company is its contact name."""
    present = {normalise_header(h) for h in frame.columns}
    if not present & {*_HUBSPOT_COMPANY, *_HUBSPOT_CONTACT}:
        return None
    company = _col(frame, *_HUBSPOT_COMPANY).str.split(";").str[0].str.strip()
    contact = _col(frame, *_HUBSPOT_CONTACT).str.split(";").str[0].str.strip()
    address, named = values.split_named_addresses(contact)    # "Jane Doe (jane@acme.com)"
    email = address.where(address.fillna("").str.contains("@"))
    person = _none(named.where(named.notna(), contact.where(email.isna())).replace("", None))
    email = _none(email.str.casefold())
    company = company.replace("", None)
    return pd.DataFrame({"name": _none(values.company_else_contact(company, person)),
                         "contact_name": person,
                         "email": email.where(company.isna())}, index=frame.index)


def _hubspot_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """A deal's client is its associated company or contact where the export lists them
    (the deal's name is then the deal, kept as its note); else its name, as before."""
    rows = _deal_rules(_hubspot_outcome, open_date=("createdate",))(rows, frame)
    client = _hubspot_client(frame)
    if client is None:
        return rows
    client = client.reindex(rows.index)
    deal = _col(frame, "dealname").reindex(rows.index)
    if "note" not in rows or rows["note"].isna().all():
        rows["note"] = deal
    rows["name"] = client["name"].where(client["name"].notna(), deal)
    rows["contact_name"] = client["contact_name"]
    rows["email"] = client["email"]
    return rows


def _hubspot_client_note(frame: pd.DataFrame) -> str:
    client = _hubspot_client(frame)
    if client is None:
        return "; each deal's name is its client"
    named = client["name"].notna()
    return ("; clients by associated company, else contact"
            + ("" if named.all() else
               f" ({counted(int((~named).sum()), 'deal')} with neither named after the "
               "deal)"))


def _salesforce_outcome(frame: pd.DataFrame) -> pd.Series:
    yes = {"1", "true", "yes"}
    won = _col(frame, "iswon").str.casefold().isin(yes)
    closed = _col(frame, "isclosed").str.casefold().isin(yes)
    return pd.Series(None, index=frame.index, dtype=object).mask(
        closed & ~won, "lost").mask(won, "won")


def _salesforce_account(frame: pd.DataFrame) -> pd.Series:
    """AccountId, with Salesforce's all-zero "null" ids (000000000000000AAA) blank."""
    account = _col(frame, "accountid")
    return account.where(~account.fillna("").str.fullmatch(r"0{15}A{3}|0+"))


_BITRIX_WON = {"выдано", "won", "успешно", "сделка успешна"}
_BITRIX_LOST = {"сделка провалена", "lose", "lost", "apology", "провалена"}


def _bitrix_outcome(frame: pd.DataFrame) -> pd.Series:
    stage = _col(frame, "stageid").str.casefold()
    # A pipeline prefix ("C6:") names the pipeline, not the stage.
    bare = stage.str.replace(r"^c\d+:", "", regex=True)
    return pd.Series(None, index=frame.index, dtype=object).mask(
        bare.isin(_BITRIX_LOST), "lost").mask(bare.isin(_BITRIX_WON), "won")


# --- invoice lines (UCI Online Retail and its kin) --------------------------------------

_INVOICE = ("invoiceno", "invoice", "invoicenumber")
_PRICE = ("unitprice", "price")
_QUANTITY = ("quantity", "qty")
_CUSTOMER = ("customerid", "customer", "customerno", "customernumber")


def _invoice_facts(frame: pd.DataFrame) -> dict:
    invoice = _col(frame, *_INVOICE)
    invoice = invoice.str.replace(r"\.0$", "", regex=True)
    first = invoice.notna() & ~invoice.duplicated()
    line = line_amounts(_col(frame, *_QUANTITY), _money(frame, *_PRICE))[0]
    total = line.groupby(invoice).transform("sum")
    customer = _col(frame, *_CUSTOMER).str.replace(r"\.0$", "", regex=True)
    customer = _none(customer.groupby(invoice).transform("first"))
    cancelled = invoice.fillna("").str.upper().str.startswith("C")
    # An invoice's status (Sage, QuickBooks: Paid, Overdue, Void, Draft) says what it is:
    # a void one is a cancellation, a draft or an unpaid one (sent, overdue) no purchase (a
    # contact); a status no alias knows leaves it a purchase: the invoice was issued.
    status = _col(frame, "status", "invoicestatus")
    said = _status_kind(status, _INVOICE_STATUS_KIND).groupby(invoice).transform("first")
    kind = pd.Series("purchase", index=frame.index, dtype=object)
    kind = kind.mask(said.isin(["cancellation", "contact"]), said)
    kind = kind.mask(cancelled, "cancellation")
    return {"invoice": invoice, "first": first, "total": total, "customer": customer,
            "cancelled": cancelled, "kind": kind, "has_status": bool(status.notna().any())}


def _invoice_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _invoice_facts(frame)
    rows = rows.copy()
    rows["client_id"] = facts["customer"].reindex(rows.index)
    rows["order_id"] = facts["invoice"].reindex(rows.index)
    rows["kind"] = facts["kind"].reindex(rows.index)
    rows["amount"] = facts["total"].reindex(rows.index).abs()
    return fold_lines(rows, facts["invoice"].reindex(rows.index))


def _invoice_explain(frame: pd.DataFrame) -> str:
    facts = _invoice_facts(frame)
    first = facts["first"]
    customers = facts["customer"][first]
    cancelled = int((first & facts["cancelled"]).sum())
    missing = int(customers.isna().sum())
    kind = facts["kind"][first & ~facts["cancelled"]]
    return (f"Recognised as invoice lines: {counted(len(frame), 'line')} grouped into "
            f"{counted(int(first.sum()), 'invoice')} from {counted(customers.nunique(), 'customer')} "
            f"(by customer ID); "
            + (f"{counted(missing, 'invoice')} without a customer kept without a client; "
               if missing else "")
            + (f"by their status, {counted(int((kind == 'purchase').sum()), 'invoice')} "
               f"counted as purchases, {counted(int((kind == 'cancellation').sum()), 'void invoice')}"
               f" as cancellations and "
               f"{counted(int((kind == 'contact').sum()), 'draft or unpaid invoice')} as "
               "contacts; " if facts["has_status"] else "")
            + f"{cancelled:,} cancellation invoices (numbers starting with C).")


# --- Xero sales invoices ----------------------------------------------------------------

# Statuses as Xero's screens (and their CSV export) write them -> as its API does.
_XERO_SHOWN_STATUS = {"AWAITING PAYMENT": "AUTHORISED", "AWAITING APPROVAL": "SUBMITTED"}

def _xero_facts(frame: pd.DataFrame) -> dict:
    """Each invoice's lines share its number; the contact (Xero's contact names are
    unique) is the client. What an invoice is, from Type and Status: a paid sales invoice
    is a purchase, one part paid a purchase of what was paid so far; an approved one with nothing paid yet (AUTHORISED)
    is not yet one (a contact); a voided one is a cancellation; a draft, one awaiting
    approval or a deleted one is a contact; a sales credit note is a refund."""
    invoice = _col(frame, "invoicenumber")
    first = invoice.notna() & ~invoice.duplicated()
    status = _col(frame, "status").str.upper().str.strip().replace(_XERO_SHOWN_STATUS)
    paid = _money(frame, "invoiceamountpaid").fillna(0)
    credit = _col(frame, "type").str.casefold().fillna("").str.contains("credit")
    kind = pd.Series("contact", index=frame.index, dtype=object)
    kind = kind.mask(status.eq("PAID") | (status.eq("AUTHORISED") & (paid > 0)), "purchase")
    kind = kind.mask(status.eq("VOIDED"), "cancellation")
    kind = kind.mask(credit & status.isin(["PAID", "AUTHORISED"]), "refund")
    kind = kind.mask(credit & ~status.isin(["PAID", "AUTHORISED"]), "contact")
    kind = kind.groupby(invoice).transform("first").where(invoice.notna(), kind)
    awaiting = ~credit & status.eq("AUTHORISED") & ~(paid > 0)
    # Part paid (AUTHORISED, some paid): a sale of what was paid so far, as a booking's
    # deposit is (rules.paid._booked_and_paid), not of the whole Total.
    total = _money(frame, "total")
    part = ~credit & status.eq("AUTHORISED") & (paid > 0) & (paid < total)
    return {"invoice": invoice, "first": first | invoice.isna(), "kind": kind,
            "credit": credit, "awaiting": awaiting, "part": part, "paid": paid,
            "client": _col(frame, "contactname").str.casefold()}


def _xero_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _xero_facts(frame)
    rows = rows.copy()
    rows["kind"] = facts["kind"].reindex(rows.index)
    part = facts["part"].reindex(rows.index).fillna(False).astype(bool)
    if "amount" in rows:
        rows["amount"] = rows["amount"].where(~part, facts["paid"].reindex(rows.index))
    if "email" in rows:
        rows["email"] = rows["email"].astype(object).str.casefold()
    # Total (and the invoice's other fields) is on every line: the invoice counts once.
    return fold_lines(rows, facts["invoice"].reindex(rows.index))


def _xero_explain(frame: pd.DataFrame) -> str:
    facts = _xero_facts(frame)
    first = facts["first"]
    kind = facts["kind"][first]
    credit = facts["credit"][first]
    invoices, notes = int((~credit).sum()), int(credit.sum())
    awaiting = int((facts["awaiting"] & first).sum())
    drafts = int(((kind == "contact") & ~credit).sum()) - awaiting
    lines = len(frame) - int(first.sum())
    part = facts["part"] & first
    part_said = (f" ({counted(int(part.sum()), 'invoice')} part paid, at what was paid so far: "
                 f"{values.amount_text(float(facts['paid'][part].sum()))})" if part.any() else "")
    return (f"Recognised as a Xero sales invoices export: {counted(invoices, 'invoice')} and "
            f"{counted(notes, 'credit note')}"
            + (f" (from {counted(len(frame), 'line')})" if lines > 0 else "")
            + f" from {counted(facts['client'][first].nunique(), 'contact')} (by contact name, "
            f"each Total counted once); {counted(int((kind == 'purchase').sum()), 'paid invoice')} "
            f"counted as purchases{part_said}; {counted(awaiting, 'invoice')} awaiting payment (AUTHORISED, "
            "nothing paid yet) kept as contacts, not yet purchases; "
            f"{counted(int((kind == 'cancellation').sum()), 'voided invoice')} kept as "
            f"cancellations and {counted(drafts, 'draft or deleted invoice')} as contacts; "
            f"{counted(int((kind == 'refund').sum()), 'credit note')} counted as refunds.")


# --- Shopify customers -------------------------------------------------------------------

def _shopify_customers_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The name is First Name and Last Name together (the mapping took either one)."""
    first, last = _col(frame, "firstname"), _col(frame, "lastname")
    both = (first.fillna("") + " " + last.fillna("")).str.strip()
    rows = rows.copy()
    rows["name"] = _none(both.where(both != "")).reindex(rows.index)
    return rows


def _shopify_customers_explain(frame: pd.DataFrame) -> str:
    email = _col(frame, "email").str.casefold()
    orders = values.parse_number(_col(frame, "totalorders"))[0]
    return (f"Recognised as a Shopify customers export: {counted(len(frame), 'customer')}, "
            f"{email.nunique():,} by e-mail (case ignored) and "
            f"{int(email.isna().sum()):,} without an e-mail kept by name; "
            f"{int((orders >= 1).sum()):,} have ordered and {int((orders >= 2).sum()):,} "
            f"ordered twice or more (from Total Orders: the export has no order dates).")


# --- help-desk tickets ----------------------------------------------------------------------

_BLANK_MARKS = {"-", "'-", "n/a", "--"}


def _tickets_facts(frame: pd.DataFrame) -> dict:
    """The requester (their e-mail, case ignored, else their name), the business they
    write for (a B2B help desk's "Organization": the client, the requester its contact),
    and what each ticket is: a question or request is a support contact, anything else a
    complaint; one its type, category or tags call internal (a colleague's) an internal
    complaint, of no client."""
    named = (normalise_header(h) for h in frame.columns   # (an "ID" log's "Member", "Student")
             if match_header(h)[0] == "name" and normalise_header(h) not in COMPANY_HEADERS)
    name = _col(frame, *_REQUESTER, *_OWN_REQUESTER, *filter(None, [next(named, None)]))
    name = name.where(~name.isin(_BLANK_MARKS))
    email = _col(frame, *_REQUESTER_EMAIL, *_OWN_EMAIL).str.casefold()
    kind = _col(frame, *_TICKET_TYPE).map(_ticket_kind, na_action="ignore")
    category = _col(frame, "category", "categoria", "categorie", "kategorie")
    kind = kind.fillna(category.map(_ticket_kind, na_action="ignore"))
    # (a ticket no type or category speaks for: its words say)
    by_words = kind.isna()
    kind = kind.fillna(_told_of_by_words(frame).where(by_words)).fillna("complaint")
    internal = pd.Series(False, index=frame.index)
    for header in (*_TICKET_TYPE, "category", "categoria", "tags"):
        internal |= _col(frame, header).fillna("").str.contains(_INTERNAL, case=False)
    kind = kind.mask(internal & (kind == "complaint"), "internal_complaint")
    said = _col(frame, *_TICKET_TYPE).fillna(category)
    refund_asked = said.map(lambda v: bool(_ticket_parts(v) & _REFUND_ASKED),
                            na_action="ignore").fillna(False).astype(bool) & kind.eq("complaint")
    company = _col(frame, *sorted(ORGANISATION_HEADERS))
    company = company.where(~company.isin(_BLANK_MARKS))
    if _own_organisation(company, email):
        company = pd.Series(None, index=company.index, dtype=object)
    return {"name": name, "email": email, "by_email": bool(email.notna().any()),
            "kind": kind, "by_words": by_words, "internal": internal,
            "refund_asked": refund_asked,
            "company": company,
            # (one tagged internal stays a colleague's complaint, even from an agent)
            "own_work": _own_work(frame, name, email) & ~internal}


# A ticket's satisfaction rating by its requester (Zendesk's "Satisfaction Score", Gorgias'
# "Satisfaction survey score", Help Scout's "Rating"), normalised; not its comment.
# (Jira Service Management's "Satisfaction date" is the day it was rated, no rating.)
_TICKET_RATING = r"^(?!.*(?:comment|reason|remark|date))(?:.*satisf.*|.*csat.*|rating)$"


def _ticket_ratings(frame: pd.DataFrame) -> pd.Series:
    """Each ticket's satisfaction rating, 1 to 5: a number, or a help desk's word
    (``_SATISFIED``: Good 4, Bad 2); None where none was given (Zendesk's "Offered",
    "Unoffered"). Numbers on another scale (``_rated_off_scale``) are none read: a 3 of 10
    is no 3 of 5."""
    said = _column_matching(frame, _TICKET_RATING)
    number = values.parse_score(said, 1, 5)[0]
    if _rated_off_scale(said):
        number = pd.Series(float("nan"), index=said.index)
    words = said.map(lambda v: _SATISFIED.get(normalise_value(v)), na_action="ignore")
    return number.where(number.notna(), pd.to_numeric(words, errors="coerce"))


def _own_work(frame: pd.DataFrame, name: pd.Series, email: pd.Series) -> pd.Series:
    """Tickets that are the team's own work, no customer's contact: tasks (``_TASKS``) no
    one asked for (no requester). A ticket an agent requested stays theirs, as the help
    desk counts it (its requesters and tickets are the export's own)."""
    task = _col(frame, *_TICKET_TYPE).map(lambda v: bool(_ticket_parts(v) & _TASKS),
                                          na_action="ignore").fillna(False).astype(bool)
    return task & name.isna() & email.isna()


def _own_organisation(company: pd.Series, email: pd.Series) -> bool:
    """Whether a tickets export's one "Organization", on every ticket, is the help desk's
    own (the business's name, its default): its requesters write from more than one e-mail
    domain, so it is no business they all work for."""
    named = company.dropna()
    if named.nunique() != 1 or len(named) < len(company):
        return False
    return email.dropna().str.rsplit("@", n=1).str[-1].nunique() > 1


# A ticket from a colleague: its type, category or tags say internal.
_INTERNAL = r"\b(?:internal|interno|interna|interne|intern)\b"


def _tickets_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Every ticket is a complaint or a support contact of its requester; "-" placeholders
    are blanks; one whose status says spam, or the help desk's own sample ticket, is left
    out."""
    facts = _tickets_facts(frame)
    left_out = (_spam(frame, "status") | _spam(frame, *_TICKET_STATUS, words=_MERGED)
                | _sample_tickets(frame) | facts["own_work"])
    rows = rows[~left_out.reindex(rows.index, fill_value=False)].copy()
    rows["kind"] = facts["kind"].reindex(rows.index)
    for column in ("name", "status", "reason", "note", "department", "owner", "channel"):
        if column in rows:
            text = rows[column].astype(object)
            rows[column] = text.where(~text.isin(_BLANK_MARKS), None)
    came_by = _came_by(frame).reindex(rows.index)
    if came_by.notna().any() and ("channel" not in rows or rows["channel"].isna().all()):
        rows["channel"] = came_by
    if facts["by_email"]:
        rows["client_id"] = rows["email"] = _none(facts["email"]).reindex(rows.index)
    colleague = facts["internal"].reindex(rows.index, fill_value=False)
    company = facts["company"].reindex(rows.index)
    if company.notna().any():      # a business's ticket is the business's, by its name
        rows["contact_name"] = rows["name"] if "name" in rows else None
        by_company = company.notna()
        for column in ("client_id", "email", "phone"):
            if column in rows:
                rows[column] = rows[column].astype(object).where(~by_company, None)
        rows["name"] = company.where(by_company, rows["name"] if "name" in rows else None)
        rows["contact_name"] = rows["contact_name"].where(by_company, None)
    for column in ("client_id", "name", "email", "contact_name"):    # a colleague is no client
        if column in rows:
            rows[column] = rows[column].astype(object).where(~colleague, None)
    rating = _ticket_ratings(frame).reindex(rows.index)
    if rating.notna().any():     # (rules.tags._latest_satisfaction keeps each one's latest)
        rows["satisfaction"] = _none(rating.where(~colleague))
    return rows


def _came_by(frame: pd.DataFrame) -> pd.Series:
    """How each conversation came, by a type naming a way of getting in touch (Help Scout's
    "Type" of email, chat or phone: ``CONTACT_MEANS``), as written; None for any other type
    ("Incident", "Question") or none. The ticket's channel where no column says one."""
    said = _col(frame, *_TICKET_TYPE)
    return said.where(said.map(lambda v: match_key(v) in CONTACT_MEANS
                               and v.casefold() not in _NO_MEANS, na_action="ignore")
                      .fillna(False).astype(bool), None)


# Of ``CONTACT_MEANS``, the words saying there was none (casefolded): no channel.
_NO_MEANS = frozenset({"none", "n/a"})


def _tickets_explain(frame: pd.DataFrame, label: str = "a help-desk tickets export") -> str:
    facts = _tickets_facts(frame)
    requester = facts["email"].fillna(facts["name"].str.casefold())
    missing = int((requester.isna() & ~facts["own_work"]).sum())
    questions = int(((facts["kind"] == "contact") & ~facts["own_work"]).sum())
    internal = int((facts["kind"] == "internal_complaint").sum())
    requester = requester.where(~facts["internal"] & ~_sample_tickets(frame)
                                & ~facts["own_work"])
    return (f"Recognised as {label}: {counted(len(frame), 'ticket')} from "
            f"{counted(requester.nunique(), 'requester')}"
            + (" (by e-mail, case ignored)" if facts["by_email"] else "")
            + ", each ticket a complaint of its requester (the requester is the client"
            + (f"; {counted(written, 'ticket')} written for an organisation the export names "
               "are that organisation's, the requester its contact"
               if (written := int(facts["company"].notna().sum())) else "") + ")"
            + (f", except {counted(questions, 'question or request', 'questions and requests')}"
               f" kept as {'a support contact' if questions == 1 else 'support contacts'}"
               if questions else "")
            + (f" ({_untyped(facts['by_words'])}: those whose subject speaks of a complaint, "
               "a late, damaged or wrong order or a refund, are complaints)"
               if questions and facts["by_words"].any() else "")
            + (f"; {counted(asked, 'request')} for a refund read as "
               f"{'a complaint' if asked == 1 else 'complaints'} (money asked back, not a "
               "refund made)" if (asked := int(facts["refund_asked"].sum())) else "")
            + (f"; {counted(internal, 'ticket')} from colleagues (internal) kept as internal "
               "complaints, of no client" if internal else "")
            + _ratings_said(frame, requester) + _came_by_said(frame)
            + (f"; {counted(missing, 'ticket')} without a requester kept without a client"
               if missing else "") + _left_out_spam(frame, "status")
            + (f"; {counted(merged, 'ticket')} merged into another left out"
               if (merged := int(_spam(frame, *_TICKET_STATUS, words=_MERGED).sum())) else "")
            + (f"; {counted(samples, 'sample ticket')} (the help desk's own example, no "
               "client's) left out" if (samples := int(_sample_tickets(frame).sum())) else "")
            + (f"; {counted(own, 'task')} with no requester (the team's own work) left out, "
               "no client's"
               if (own := int(facts["own_work"].sum())) else "")
            + ".")


def _came_by_said(frame: pd.DataFrame) -> str:
    """The explanation's words for ``_came_by``: where no column says a channel, the
    type's ways of getting in touch are the tickets' channels, with how many of each."""
    came_by = _came_by(frame)
    if not came_by.notna().any() or _col(frame, "channel", "canal", "via",
                                          "source").notna().any():
        return ""
    each = came_by.str.casefold().value_counts()
    return (f"; the type's way of getting in touch read as the channel of "
            f"{counted(int(came_by.notna().sum()), 'ticket')} ("
            + ", ".join(f"{name} {count:,}" for name, count in each.items()) + ")")


def _rated_off_scale(said: pd.Series) -> bool:
    """Whether a ticket's ratings are numbers on a scale other than 1 to 5: some number
    above 5 (of 10) or a percentage."""
    return bool(values.parse_number(said)[0].gt(5).any()
                or said.str.contains("%", regex=False, na=False).any())


def _ratings_said(frame: pd.DataFrame, requester: pd.Series) -> str:
    """"; 3 satisfaction ratings from 2 requesters, ..." for an explanation, or nothing."""
    said = _column_matching(frame, _TICKET_RATING)
    if _rated_off_scale(said):
        number = values.parse_number(said.str.rstrip("%"))[0]
        count = int(number.notna().sum())
        return (f"; {counted(count, 'satisfaction rating')} on a scale other than 1 to 5 "
                f"(as high as '{said[number.idxmax()]}') {'was' if count == 1 else 'were'} "
                "not read as satisfaction")
    rating = _ticket_ratings(frame).where(requester.notna() & ~_spam(frame, "status"))
    if rating.isna().all():
        return ""
    said = _column_matching(frame, _TICKET_RATING)[rating.notna()].unique()
    words = sorted(((_SATISFIED[normalise_value(v)], v) for v in said
                    if normalise_value(v) in _SATISFIED), key=lambda w: -w[0])
    return (f"; {counted(int(rating.notna().sum()), 'satisfaction rating')} from "
            f"{counted(requester[rating.notna()].nunique(), 'requester')}, each one's latest "
            "kept as their satisfaction (1 to 5"
            + ("; " + ", ".join(f"'{word}' as {score}" for score, word in words)
               if words else "") + ")")


def _untyped(by_words: pd.Series) -> str:
    """"no type says what a ticket is", or how many tickets have none among typed ones."""
    if by_words.all():
        return "no type says what a ticket is"
    return (f"{counted(int(by_words.sum()), 'ticket')} "
            f"{'has' if by_words.sum() == 1 else 'have'} no type or category")


def _sample_tickets(frame: pd.DataFrame) -> pd.Series:
    """The example ticket a help desk makes itself on a new account (Zendesk's "Sample
    ticket: Meet the ticket", via "Sample ticket"): its requester is no client."""
    via = _col(frame, "via", "channel", "source").str.casefold().str.replace("_", " ")
    subject = _col(frame, "subject").str.casefold()
    return via.isin(["sample ticket", "sample interaction"]) | subject.str.startswith(
        "sample ticket:", na=False)


# A ticket's type: Zoho Desk calls it "Classifications" (Question, Problem, Feature, Others).
_TICKET_TYPE = ("tickettype", "type", "tipo", "typ", "classification", "classifications")
# A service desk's request type ("Report a problem", "Get help"), read as words beside the
# summary: a type's own words say little alone (``_SERVICE_DESK_SAID``).
_SERVICE_REQUEST = ("requesttype", "customerrequesttype")
_REQUESTER = ("requester", "requestername", "solicitante", "demandeur", "anfragender",
              "customername", "customer", "fullname", "contactname")
_REQUESTER_EMAIL = ("requesteremail", "customeremail", "contactemail", "email",
                    "correodelsolicitante")
# The requester as a business's own log of tickets names them, after the help desks' words.
_OWN_REQUESTER = ("client", "cliente", "kunde", "contact", "contato", "contacto", "kontakt",
                  "name", "nome", "nom", "nombre", "clientname", "nomecliente", "nombrecliente",
                  "nomclient", "kundenname")
_OWN_EMAIL = ("emailaddress", "correo", "correoelectronico", "courriel", "mail",
              "emailadresse")
# Ticket types of a to-do (Zendesk's "Task"): a customer's request when a customer asked it,
# else the team's own work (``_own_work``).
_TASKS = {"task", "tasks", "tarea", "tareas", "tache", "taches", "aufgabe", "aufgaben"}
# Ticket types (or, without a type, categories) that are a question or a request rather
# than a complaint: the whole value or one of its parts ("Dudas - Consultas").
_QUESTIONS = {"question", "questions", "pregunta", "preguntas", "consulta", "consultas",
              "duda", "dudas", "frage", "fragen", "questao", "duvida", "duvidas", "inquiry",
              "enquiry", "how to", "feature request", "featurerequest", "feature",
              # (HappyFox's category "General Enquiry")
              "enquiries", "inquiries", "general enquiry", "general inquiry",
              "general enquiries", "general inquiries", "general question",
              "request",
              "solicitud", "demande",
              # a question before buying (Re:amaze's, Gorgias' category "Pre-sales")
              "pre-sales", "presales", "pre sales", "pre-sale", "presale",
              "sales question", "product question"} | _TASKS


# Ticket types or categories (or one of their parts) that ask for money back ("Request -
# Refund", "Refund request", "Returns"): a customer unhappy enough to want it, so a
# complaint, even under "Request"; not a refund (nothing says the money went back).
_REFUND_ASKED = {"refund", "refunds", "refund request", "refund requests", "refund requested",
                 "request refund", "request a refund", "money back",
                 "return", "returns", "return request", "chargeback", "chargebacks",
                 "reembolso", "reembolsos", "devolucion", "devoluciones", "remboursement",
                 "erstattung", "ruckerstattung", "rückerstattung", "rimborso", "terugbetaling",
                 "retour", "retouren"}


# Words of a complaint in a ticket's subject or description, where no type or category
# says what it is ("Parcel never arrived", "Mug arrived damaged"); a ticket without one
# ("Copy of invoice please", "How do I change my address") is a support contact. Stems,
# matched at a word's start, in lower case, accents dropped. These say a complaint even
# in a question ("Can I get a refund?").
_COMPLAINT_WORDS = re.compile(
    r"\b(?:refund|money back|broke|broken|damage|faulty|defect|complain|"
    r"unhappy|not happy|disappoint|dissatisf|never arrived|not arrived|hasnt arrived|"
    r"has not arrived|didnt arrive|did not arrive|not received|never received|"
    r"terrible|awful|rude|not working|doesnt work|does not work|stopped working|"
    r"charged twice|double charged|overcharg|chargeback|still waiting|"
    r"(?:where is|wheres) my (?:order|parcel|package|delivery|refund|money|item)|"
    r"havent received|have not received|crash|cannot log|cant log|"
    r"reembolso|rot[oa]\b|danad|defectuos|queja|reclamacion|"
    r"rembourse|cassee?\b|endommage|defectueu|plainte|reclamation|"
    r"erstatt|kaputt|beschadigt|defekt|beschwerde|reklamation|funktioniert nicht|"
    r"defeit|quebrad|danificad|estragad|reclama|nao funciona|nao chegou|"
    r"ne fonctionne pas|ne marche pas|"
    r"kapot|beschadigd|klacht|rimborso|rotto|danneggiat|reclamo)")
# Words that speak of a complaint only where the sentence asks nothing: "My order is late",
# "Wrong size sent"; not "Can I change my late booking?", "How do I return a gift?".
_COMPLAINT_HINTS = re.compile(
    r"\b(?:late\b|delay|wrong|missing|poor|return|problem|error|erro\b|erreur|fehler|"
    r"atraso|atrasad|bugs?\b|fail|falla|fallo|cant access|cannot access|wont let me|"
    r"will not let me|locked out|"
    r"caido|tarde\b|retraso|incorrect|retard|verspat|falsch|te laat)")
# A sentence that asks (a question mark, or a question's first word); "Why...?" is a
# complaint's question ("Why is my order late?").
_ASKS = re.compile(r"\?\s*$|^\s*(?:¿|(?:can|could|how|do|does|is|are|what|when|where|which|"
                   r"will|would|may|should|puedo|puede|como|cuando|donde|kann|konnen|wie|"
                   r"wann|gibt|puis|pouvez|comment|quand)\b)")
_TICKET_TEXT = (*sorted(SUBJECT_HEADERS), *sorted(ISSUE_HEADERS), "description", "descripcion", "beschreibung",
                "descricao", "tags", *_SERVICE_REQUEST)


def _complains(text: str) -> bool:
    """Whether a ticket's words speak of a complaint: ``_COMPLAINT_WORDS`` anywhere, or
    ``_COMPLAINT_HINTS`` in a sentence that does not ask (``_ASKS``) unless it asks why."""
    plain = without_accents(text).casefold().replace("'", "").replace("’", "")
    if _COMPLAINT_WORDS.search(plain):
        return True
    return any(_COMPLAINT_HINTS.search(sentence) and (
        not _ASKS.search(sentence) or sentence.lstrip().startswith("why"))
        for sentence in re.split(r"(?<=[.!?])\s+|\n|\s+-\s+", plain))


def _told_of_by_words(frame: pd.DataFrame) -> pd.Series:
    """Each ticket's kind by its subject and description (``_complains``): a complaint,
    else a support contact. Read only in an export where no ticket has a type or a
    category."""
    text = pd.Series("", index=frame.index, dtype=object)
    for header in _TICKET_TEXT:
        found = _col(frame, header)
        if found.notna().any():
            text = text + "\n" + found.fillna("")
    return text.map(_complains).map({True: "complaint", False: "contact"})


def _ticket_parts(value: object) -> set[str]:
    text = str(value).strip().casefold()
    return {text, *(part.strip() for part in re.split(r"[-/|,;]", text))}


def _ticket_kind(value: object) -> str | None:
    """A ticket's type or category: a complaint when it (or one of its parts, split at
    dashes, slashes and commas) asks for money back (``_REFUND_ASKED``), else a support
    contact when it names a question or request, else a complaint. None for a way of
    getting in touch (``CONTACT_MEANS``: Help Scout's and a chat tool's "Type" of email,
    chat or phone), which says how a conversation came, not what it is."""
    if match_key(value) in CONTACT_MEANS:
        return None
    parts = _ticket_parts(value)
    return "contact" if parts & _QUESTIONS and not parts & _REFUND_ASKED else "complaint"


def _no_deal_outcomes(present: set[str], frame: pd.DataFrame | None) -> bool:
    """Whether no ticket's status is a deal's outcome (Won, Lost): a CRM's deals with a
    subject and a contact's e-mail are no help desk's tickets."""
    if frame is None:
        return True
    keys = {normalise_value(v) for v in _col(frame, *_TICKET_STATUS).dropna().unique()}
    return not any(key in WON_WORDS or OUTCOME_OF.get(key) == "lost" for key in keys)


# --- a business's own log of support tickets --------------------------------------------------

_TICKET_STATUS = ("ticketstatus", "estadodelticket", "status", "estado", "statut", "situacao",
                  "situacion", "etat", "stato", "zustand",
                  "state")      # (Zammad's: new, open, pending reminder, closed, merged)
_RECORD_TYPE = re.compile(r"(?:recordtype|casetype)$")
_TICKET_LIST_SAID = ("a list of support tickets (each status is its ticket's, not a client's "
                     "stage or status)")
_TICKET_LIST_MAPPING = {
    **{header: "name" for header in (*_REQUESTER, *_OWN_REQUESTER)},
    **{header: "email" for header in (*_REQUESTER_EMAIL, *_OWN_EMAIL)},
    **{header: "status" for header in _TICKET_STATUS},
    **{header: "note" for header in (*SUBJECT_HEADERS, *ISSUE_HEADERS, "title")},
    **{header: "order_id" for header in (
        "ticket", "ticketno", "ticketnr", "ticketnumber", "ticketid", "ticketnummer",
        "noticket", "case", "caseno", "casenumber", "caseid", "chamado", "nochamado",
        "nodochamado", "numerodochamado", "protocolo", "noprotocolo", "incidencia",
        "noincidencia", "numincidencia", "anfrage", "anfragenr", "anfragenummer")},
    **{header: "date" for header in (
        "created", "createdat", "createdon", "createddate", "datecreated", "requested",
        "opened", "openedon",
        "dateopened", "datetimeopened", "opendate",
        "date", "data", "dataabertura", "datadeabertura", "fecha", "fechadecreacion",
        "fechaapertura", "fechadeapertura", "datedecreation", "dateouverture",
        "datedouverture", "datum", "erstellt", "erstelltam", "eingang",
        "received", "datereceived", "receivedon", *sorted(REPORTED_DATE_HEADERS))},
    "category": "reason", "categoria": "reason", "categorie": "reason", "kategorie": "reason",
    "assignee": "owner", "assignedto": "owner", "agent": "owner", "responsavel": "owner",
    "responsable": "owner", "bearbeiter": "owner",
    "channel": "channel", "canal": "channel", "source": "channel", "kanal": "channel",
    "via": "channel", "group": "department", "grupo": "department"}


def _ticket_list_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """A business's own log of support tickets, which no help desk's profile knows: a subject
    or a priority beside a column numbering tickets (``TICKET_NUMBER_HEADER``: "Ticket #",
    "Chamado", "Nº incidencia"), or both without one; a requester (a name or an e-mail); no
    money; and a status whose values are mostly a ticket's states (``TICKET_STATES``: Open,
    Pending, Solved; Em andamento, Resolvido; En cours; In Bearbeitung, Gelöst). Not cases
    of a record type (Salesforce's "Case Record Type": Complaint, Support): the import reads
    the kinds that names as it reads tags. A log numbered only by "ID" with an "Issue"
    (``ISSUE_HEADERS``) of words is one too, where some ticket is resolved
    (``TICKET_RESOLVED``) or its problems were reported (``_reported_problems``): a
    lawyer's matters (Issue: Divorce; Open, Closed) are not."""
    if frame is None or any(_RECORD_TYPE.search(header) for header in present):
        return False
    numbered = any(TICKET_NUMBER_HEADER.match(header) for header in present)
    subject, priority = bool(present & SUBJECT_HEADERS), bool(present & PRIORITY_HEADERS)
    subject |= priority and "title" in present      # (a ticket's "Title" beside its priority:
                                                    # Zammad's)
    issue = next(iter(sorted(present & ISSUE_HEADERS)), None) if "id" in present else None
    if not (subject or priority or issue) or not (numbered or subject and priority or issue):
        return False
    if not present & {*_REQUESTER, *_OWN_REQUESTER, *_REQUESTER_EMAIL, *_OWN_EMAIL} and not (
            issue and any(match_header(header)[0] == "name" for header in present)):
        return False            # (an "ID" log of issues: any header naming people will do)
    if any(match_header(header)[0] in ("amount", "revenue_current") for header in present):
        return False
    said = {normalise_value(v) for v in _col(frame, *_TICKET_STATUS).dropna().unique()}
    if not said or len(said & TICKET_STATES) < 0.8 * len(said):
        return False
    if subject or priority:
        return True
    issues = _col(frame, issue)
    return _worded(issues) and (bool(said & TICKET_RESOLVED)
                                or _reported_problems(present, said, issues))


def _reported_problems(present: set[str], said: set[str], issues: pd.Series) -> bool:
    """Whether a log of issues numbered by "ID", none resolved yet, is one of tickets all
    the same: a date the problem was reported (``REPORTED_DATE_HEADERS``), two ticket
    states or more (Open, In progress, Waiting on customer), and at least half its issues
    reading as a problem (``_complains``: "Parcel arrived damaged", "Can't log in"; not a
    lawyer's "Divorce" nor a job's "New radiator"). Not beside the address the work is done
    at (``WORK_PLACE_HEADERS``): a handyman's "Broken window" is a job asked for."""
    return (bool(present & REPORTED_DATE_HEADERS) and not present & WORK_PLACE_HEADERS
            and len(said & TICKET_STATES) >= 2
            and issues.dropna().astype(str).map(_complains).mean() >= 0.5)


def _worded(column: pd.Series) -> bool:
    """Whether most of a column's cells are words, not numbers (a magazine's Issue 12)."""
    filled = column.dropna().astype(str)
    return bool(len(filled)) and filled.str.contains(r"[^\W\d_]{3}").mean() >= 0.8


# --- an issue tracker's own issues -------------------------------------------------------------

# An issue tracker's columns (Jira, Linear, GitHub, YouTrack; an owner's own bug list),
# normalised: the issue, whom it is assigned to, who reported it.
_TRACKED_ISSUE = ("issue", "issuekey", "issueid", "summary", "title", "bug", "bugid")
_ASSIGNEE = ("assignee", "assignees", "assignedto")
_REPORTER = ("reporter", "reportedby", "creator", "createdby", "author", "raisedby",
             "loggedby")


def _issue_tracker_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """A team's own list of issues (a bug tracker): issues assigned to and reported by its
    staff; no requester, customer or organisation beside them, nothing of a service desk's
    (``_SERVICE_DESK``: Jira Service Management's reporter is its customer), no money, and
    any e-mails of one domain (the team's own), no public mail provider's
    (``values.PUBLIC_MAIL_DOMAINS``: a feedback board's authors at gmail.com are customers)."""
    if frame is None:
        return False
    present = present - _empty_columns(frame)   # (Jira's custom fields of a service desk
    if present & {*_REQUESTER, *_OWN_REQUESTER, *ORGANISATION_HEADERS} or any(  # left empty)
            _SERVICE_DESK.search(header) or match_header(header)[0] in (
                "amount", "revenue_current", "name") for header in present):
        return False
    email = _col(frame, *sorted(h for h in present if "email" in h))
    domains = set(email.dropna().str.rsplit("@", n=1).str[-1].str.casefold())
    return len(domains) <= 1 and not domains & values.PUBLIC_MAIL_DOMAINS


# Headers of a service desk's issues, normalised: a customer's request type, the
# organisations it serves, their satisfaction.
_SERVICE_DESK = re.compile(r"requesttype|organi[sz]ations?$|satisf|customer|client")


# --- a service desk's requests (Jira Service Management) ----------------------------------------

# Jira's CSV names its custom fields "Custom field (Request Type)"; normalised, the field's
# own name follows this.
_JIRA_CUSTOM = "customfield"


def _jira_headers(*names: str) -> tuple[str, ...]:
    """Normalised headers as Jira writes them: plain, and as its custom field."""
    return (*names, *(_JIRA_CUSTOM + name for name in names))


# The one column only a service desk's requests have: what the customer asked for.
_REQUEST_TYPE = _jira_headers("requesttype", "customerrequesttype")
_JSM_OWN = re.compile(r"^(?:customfield)?(?:(?:customer)?requesttype|satisfaction(?:rating)?|"
                      r"organi[sz]ations)$")


def _empty_columns(frame: pd.DataFrame) -> set[str]:
    """The normalised headers of a sheet's columns that hold nothing."""
    return {normalise_header(header) for header in frame.columns
            if not frame[header].dropna().astype(str).str.strip().ne("").any()}


def _service_desk_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """Whether a service desk's own column holds something: a developer's Jira on a site
    that also runs Jira Service Management exports them all, empty."""
    return frame is None or any(_JSM_OWN.match(header)
                                for header in present - _empty_columns(frame))


def _service_desk_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The export as the tickets' rules read it: Jira's custom fields by their own names
    ("Custom field (Organizations)" as "Organizations"), its "Reporter" (the customer who
    raised the request) as the requester and its "Summary" as the subject."""
    renamed = {}
    for header in frame.columns:
        key = normalise_header(header)
        key = key.removeprefix(_JIRA_CUSTOM) if _JSM_OWN.match(key) else key
        renamed[header] = {"reporter": "requester", "summary": "subject",
                           "organizations": "organization",
                           "organisations": "organisation"}.get(key, key)
    return frame.rename(columns=renamed)


def _service_desk_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    return _tickets_rules(rows, _service_desk_frame(frame))


def _service_desk_explain(frame: pd.DataFrame) -> str:
    return _tickets_explain(_service_desk_frame(frame), _SERVICE_DESK_SAID)


_SERVICE_DESK_SAID = ("a Jira Service Management export (its Reporter is the customer who "
                      "raised the request; a request is a complaint or a question by its "
                      "request type and summary)")


def _issue_tracker_explain(frame: pd.DataFrame) -> str:
    reporters = _col(frame, *_REPORTER).nunique()
    return (f"Recognised as an issue tracker's list (a bug tracker: Jira, Linear, GitHub): "
            f"{counted(len(frame), 'issue')} reported by {counted(reporters, 'person', 'people')}"
            " and assigned within the team, naming no customer: kept as reference rows, "
            "no one made a client.")


# --- a product catalogue: WooCommerce's product export, Shopify's products export -----------

# What a catalogue lists of each product (normalised): its code, its price, and whether it is
# for sale (stock, published), none of which an order or a client list holds all three of.
_PRODUCT_CODE = ("sku", "variantsku", "productsku", "itemsku")
_LIST_PRICE = ("regularprice", "saleprice", "price", "variantprice", "listprice", "retailprice",
               "unitprice", "sellingprice")
_ON_SALE = ("stock", "stockquantity", "instock", "stockstatus", "variantinventoryqty",
            "inventory", "inventoryquantity", "quantityinstock", "qtyinstock", "published",
            "visibilityincatalog")
# Headers that name someone a product went to, or an order: a sheet of sales, not a catalogue
# (not a catalogue's settings: WooCommerce's "Allow customer reviews?", "Backorders allowed?").
_SOLD_TO = re.compile(r"customer(?!reviews?(?:allowed)?$)|client|buyer|billing"
                      r"|shipping(?:name|address)|(?<!back)order|email|recipient|purchaser")


def _catalogue_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """A list of products, naming no one they were sold to (``_SOLD_TO``) and no date of a
    sale: a shop's catalogue, not its orders."""
    return not any(_SOLD_TO.search(header) or match_header(header)[0] in (
        WHOSE_FIELDS - {"name"}) | {"date", "order_id"} for header in present)


# A catalogue's figures of what each product sold ("Units sold", "Total sales"): no sale's.
_SOLD_FIGURE = re.compile(r"sold|sales|revenue")


def _catalogue_explain(frame: pd.DataFrame) -> str:
    totals = [str(h) for h in frame.columns if _SOLD_FIGURE.search(normalise_header(h))]
    return (f"Recognised as a product catalogue (what the shop sells: each product's code, "
            f"price and stock): {counted(len(frame), 'product')}, naming no customer"
            + (f"; {', '.join(repr(h) for h in totals)} {'is' if len(totals) == 1 else 'are'}"
               " each product's totals, naming no one it was sold to" if totals else " and no sale")
            + ": kept as reference rows, no one made a client and no sale counted.")


# --- a cash book: Date, Details, In, Out ----------------------------------------------------

# A hand-kept cash book's money columns (normalised): money coming in, and going out; and a
# bank statement's, whose lines name the payer in capitals ("FASTER PAYMENT J SMITH").
_CASH_IN_OUT = (("in", "out"), ("moneyin", "moneyout"), ("cashin", "cashout"),
                ("receipts", "payments"), ("credit", "debit"), ("paidin", "paidout"),
                ("ingresos", "gastos"), ("entradas", "salidas"), ("recettes", "depenses"),
                ("einnahmen", "ausgaben"), ("haber", "debe"), ("haben", "soll"),
                ("paidin", "withdrawn"), ("creditamount", "debitamount"))
# (a Spanish bank's Debe and Haber, a German's Soll and Haben; a French's Débit and Crédit;
# a mobile-money statement's Paid In and Withdrawn: M-Pesa's; Lloyds' and Halifax's Credit
# Amount and Debit Amount)
_BANK_IN_OUT = (("credit", "debit"), ("paidin", "paidout"), ("haber", "debe"),
                ("haben", "soll"), ("paidin", "withdrawn"), ("creditamount", "debitamount"))
# A statement's day of each line under a header of its own (M-Pesa's "Completion Time"), and
# its column of whether the money moved (M-Pesa's "Transaction Status": Completed, Failed).
_BOOK_DATES = ("completiontime", "transactiondate")
_BOOK_STATUS = ("transactionstatus",)
_STOCK_HEADER = re.compile(r"stock|item|product|sku|qty|quantity|units")
_CASH_DETAILS = ("details", "detail", "description", "particulars", "narrative", "memo",
                 "concepto", "descripcion", "libelle", "verwendungszweck", "buchungstext",
                 "transactiondescription")
# A payer as an owner writes one in a line of details: a company ("Green Gardens Ltd",
# "Brown & Co"), a title and a name ("Mrs Hall"), initials and a surname ("J Smith", "A.B.
# Cole"), or a first name and a surname ("Hans Müller").
_CAPITAL, _SMALL = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME = rf"[{_CAPITAL}][{_SMALL}][\w'\u2019-]*"
_PAYER = re.compile(rf"(?:{_NAME}(?:\s+(?:{_NAME}|&))*\s+(?:Ltd|Limited|Llp|Plc|Inc|Llc|Co)\b\.?"
                    # (a body's name in full: "Leeds City Council", not "Leeds City";
                    # "Leeds Teaching Hospitals NHS Trust", its initials among the words)
                    rf"|(?:(?:{_NAME}|[A-Z]{{2,5}})\s+)+(?:{'|'.join(sorted(w.title() for w in BODIES))})\b"
                    rf"|(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+(?:[A-Z]\.?\s*)?{_NAME}"
                    rf"|(?:[A-Z]\.\s*|[A-Z]\s+){{1,2}}{_NAME}|{_NAME}\s+{_NAME})")
# A payer of two names ("Mary Smith"), and a part of a line that is three or four names and
# nothing else ("The Foundation Gym", "Mary Ann Smith"): the payer in full.
_TWO_NAMES = re.compile(rf"{_NAME}\s+{_NAME}")
_NAMES_ONLY = re.compile(rf"\s*{_NAME}(?:\s+{_NAME}){{2,3}}\s*")
# A payer written by first name alone ("Sarah - deposit").
_FIRST_NAME = re.compile(rf"[{_CAPITAL}][{_SMALL}]+")


def _cash_pair(present: set[str]) -> tuple[str, str] | None:
    return next((pair for pair in _CASH_IN_OUT if set(pair) <= present), None)


_ACCOUNT_HEADER = re.compile("account|iban|konto|cuenta|compte|conto|rekening")


def statement_own_account(header: str, column: pd.Series) -> bool:
    """Whether a column of a bank statement is its own account, the owner's, no client's:
    an account header (``_ACCOUNT_HEADER``: "Account Number", "IBAN") holding one value on
    every row, of two or more."""
    if not _ACCOUNT_HEADER.search(normalise_header(header)):
        return False
    filled = column.dropna()
    filled = filled[filled.astype(str).str.strip().ne("")]
    return len(filled) >= 2 and len(filled) == len(column) and filled.nunique() == 1


def _cash_in_out(frame: pd.DataFrame, present: set[str]) -> tuple[pd.Series, pd.Series] | None:
    """A cash book's money in and money out: its pair of columns (``_CASH_IN_OUT``), or a
    bank statement's one signed "Amount" beside the statement's own account
    (``statement_own_account``: Barclays' "Account", one sort code and number on every
    line), more than 0 in and less than 0 out."""
    pair = _cash_pair(present)
    if pair is not None:
        return _money(frame, pair[0]), _money(frame, pair[1])
    if "amount" not in present or not any(
            statement_own_account(h, frame[h]) and re.search(r"\d", str(frame[h].iloc[0]))
            for h in frame.columns):
        return None
    amount = _money(frame, "amount")
    return amount.where(amount.gt(0)), (-amount).where(amount.lt(0))


def _cash_book_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """A hand-kept cash book: a date, a line of details, money in and money out
    (``_cash_in_out``), and no column naming whose each line is (the payer is in the
    details: "Cash - J Smith lesson"), but for a bank statement's own account
    (``statement_own_account``: Lloyds' "Account Number")."""
    if frame is None or not present & set(_CASH_DETAILS) or (
            _cash_pair(present) is None and not (
                "amount" in present and any(_ACCOUNT_HEADER.search(h) for h in present))):
        return False
    own = {normalise_header(h) for h in frame.columns if statement_own_account(h, frame[h])
           or _ACCOUNT_HEADER.search(normalise_header(h))
           and _own_accounts(frame[h], _BANK_ACCOUNT) and not _debits_came_in(frame)}
    if any(match_header(h)[0] in WHOSE_FIELDS and h not in own or _STOCK_HEADER.search(h)
           for h in present) or (
            not any(match_header(h)[0] == "date" or h in _BOOK_DATES for h in present)):
        return False        # (a stock book's In and Out are counts of goods)
    in_out = _cash_in_out(frame, present)
    if in_out is None:
        return False
    money_in, money_out = in_out
    # (a page of a book with nothing spent yet: its Out column wholly blank)
    pair = _cash_pair(present)
    spent_nothing = pair is not None and _col(frame, pair[1]).isna().all()
    return bool(money_in.notna().any() and (money_out.notna().any() or spent_nothing))


_PHONE_PART = re.compile(r"\+?\d[\d ]{6,}")


def _details_parts(written: str) -> list[str]:
    """A line of details cut where its parts meet (dashes, colons, commas, "from"); a part
    in capitals after a phone number or after "from", in a line otherwise in small letters,
    is a name, read as a person writes one (M-Pesa's "Funds received from 254712345678 -
    JOHN KAMAU", a UK bank's "Faster payment from ANN FOX")."""
    parts = re.split(r"(\s*[-\u2013:,;/()]\s+|\s+[-\u2013]\s*|\s+from\s+)", written,
                     flags=re.IGNORECASE)
    parts, cuts = parts[::2], ["", *parts[1::2]]
    return [part.title() if place and not re.search(r"[a-z]", part) and (
                _PHONE_PART.fullmatch(parts[place - 1])
                or cuts[place].strip().lower() == "from") else part
            for place, part in enumerate(parts)]


def payer_in_details(details: object,
                     named: frozenset[tuple[int, str]] = frozenset()) -> str | None:
    """Who paid, as a line of a cash book or a bank statement names them ("Cash - J Smith
    lesson" -> "J Smith", "Mrs Hall: piano" -> "Mrs Hall", "PAYMENT FROM J SMITH" -> "J
    Smith"): the first part (between dashes, colons, commas) that, past a way of paying
    (``PAID_BY``: Cash, Card) or a bank's words (``BEFORE_A_PAYER``: Faster Payment), starts
    with a person's name; else a first name alone opening the line ("Sarah - deposit"). None
    where the words name money moving (``NOT_A_PAYER``: "Opening Balance", "Bank Interest"),
    unless the name is two words, the other one a name ``named`` holds in its place (the
    words of the book's other payers' names: "Gift Mokoena" beside "Lerato Mokoena", "Hugh
    Grant" beside "Hugh Jones"; ``_named_beside``). A line in capitals is read as a person
    writes names ("J SMITH" is "J Smith")."""
    if not isinstance(details, str):
        return None
    written = details.strip()
    if not re.search(r"[a-z]", written):
        written = written.title()
    first_name = None
    parts = _details_parts(written)
    from_someone = bool(re.search(r"\sfrom\s", written, flags=re.IGNORECASE))
    for place, part in enumerate(parts):
        words, passed = part.split(), []
        while words and (match_key(words[0]) in PAID_BY | BEFORE_A_PAYER and (
                passed or match_key(words[0]) not in AFTER_A_BANK_WORD) or (
                words[0].rstrip(".") == "M" and passed[-1:] == ["de"] and len(words) > 2)):
            passed.append(match_key(words.pop(0)))      # ("DE M JEAN DUPONT": Monsieur)
        found = _PAYER.match(" ".join(words))
        candidates = [found.group(0)] if found else []
        if (found and _TWO_NAMES.fullmatch(found.group(0))
                and _NAMES_ONLY.fullmatch(" ".join(words))
                and match_key(words[-1]) not in SOLD_AFTER_A_PAYER):
            candidates.insert(0, " ".join(words))   # ("The Foundation Gym" in full)
        for name in candidates:
            if not PLACES_OF_SALE.search(name) and (
                    not {match_key(w) for w in name.split()} & (NOT_A_PAYER | PAID_BY)
                    or _named_beside(name, named)):
                return name             # (not where it was sold: "Farmers Market")
        if place == 0 and not passed and len(words) == 1 and _first_name_opening(
                words[0], parts[1:], from_someone):
            first_name = words[0]
    return first_name


def _named_beside(name: str, named: frozenset[tuple[int, str]]) -> bool:
    """Whether a name of two words, one of them a word of money moving that is also a
    person's name (``NAMES_AMONG_MONEY_WORDS``: "Gift", "Grant"), is a person's: the other
    word is one the book's other payers hold in the same place (``named``: "Mokoena" last,
    as in "Lerato Mokoena"; "Hugh" first, as in "Hugh Jones"). "Sarah Deposit" and "Jones
    Refund" never are."""
    words = name.split()
    moving = [w for w in words if match_key(w) in NOT_A_PAYER | PAID_BY]
    if len(words) != 2 or len(moving) != 1 or match_key(
            moving[0]) not in NAMES_AMONG_MONEY_WORDS:
        return False
    place = 1 - words.index(moving[0])
    return (place, words[place]) in named


def _first_name_opening(word: str, rest: list[str], from_someone: bool) -> bool:
    """Whether a word opening a line is a payer's first name ("Sarah - deposit"): not a word
    of money moving (``NOT_A_PAYER``, ``PAID_BY``), and the line goes on, not to where it was
    sold ("Eggs - market": ``PLACES_OF_SALE``) nor to whom it came from ("Gift from Nan");
    a word alone on its line ("Eggs") names no one."""
    return bool(rest and _FIRST_NAME.fullmatch(word) and not from_someone
                and match_key(word) not in NOT_A_PAYER | PAID_BY
                and not any(PLACES_OF_SALE.search(part) for part in rest))


def _first_names_in_full(payer: pd.Series) -> pd.Series:
    """A payer written by first name alone ("Sarah") is the one person the book names in full
    with that first name ("Sarah Jones"), where it names exactly one; else the first name."""
    full = [name for name in payer.dropna().unique() if " " in name]
    def in_full(name: str) -> str:
        named = [whole for whole in full if whole.split()[0] == name]
        return named[0] if len(named) == 1 else name
    return payer.map(in_full, na_action="ignore")


def _payers_of_book(details: pd.Series, dates: pd.Series | None,
                    paid: pd.Series) -> pd.Series:
    """Who paid each line of a cash book (``payer_in_details``; ``paid``: each line's money
    in), the book read whole to tell people from what was sold (a line's goods written as a
    name: "Victoria Sponge"):

    - a name holding a word of money moving is a person's where the book's other payers
      hold its other word ("Gift Mokoena" beside "Lerato Mokoena"), a person's name, not a
      body's ("Arts Grant" beside "Arts Council" is a funder's money: ``BODIES``);
    - a body paying money of no sale ("Heritage Fund - grant") is a funder, no payer on any
      of its lines;
    - a name the book elsewhere writes as what was sold (the rest of a line naming its
      payer, "Mrs Hall - Victoria sponge"; a line naming no one, "Eggs - market") is no one
      (a first name alone is not: "Sarah" on a line of her own names no one either);
    - a first name opening a line before another single name ("Cakes - Sarah") gives way
      to it where the book writes the first as what was sold ("Cakes" alone), or the
      second, not the first, as a payer elsewhere ("Sarah - lesson"; the first's own lines
      beside that name are not elsewhere: "Bread - Tom" each week);
    - two capitalised words alone on a line are goods sold where they come on two or more
      lines of one day and stand alone on a market day (a day on which two or more such
      names each come twice: "Victoria Sponge" and "Honey Jar"), or come twice on each of
      two days ("Sourdough Loaf"). One name twice on one day is a person paying twice
      ("John Smith" 120 and 85: two invoices; a pupil's two lessons); so are a family's
      names each twice on one day (``_families``: "Tom Hall" and "Amy Hall" at one fee).
      A day is one however written (``_days_of_book``).

    Never no one: a name opening a line before what it bought ("Priya Patel - lesson"), a
    person's way of writing a line, not goods' (so "Mrs Patel - Priya Patel" leaves her
    a payer)."""
    payer = details.map(payer_in_details, na_action="ignore")
    came_in = paid.gt(0)
    named = frozenset((place, word) for name in payer[came_in].dropna().unique()
                      if len(words := name.split()) == 2
                      and not {match_key(w) for w in words} & BODIES
                      for place, word in enumerate(words))
    missed = payer.isna() & details.notna()
    payer[missed] = details[missed].map(lambda line: payer_in_details(line, named))
    lines = details.where(came_in).dropna().map(
        lambda line: _details_parts(line.strip() if re.search(r"[a-z]", line) else
                                    line.strip().title()))
    funders = {payer[row] for row, parts in lines.items()    # ("Heritage Fund - grant")
               if isinstance(payer.get(row), str)
               and any(payer[row] in part and {match_key(w) for w in part.split()} & BODIES
                       for part in parts)
               and any(_names_funding(part) or _funder_named(part) for part in parts)}
    payer = payer.where(~payer.isin(funders) | lines.reindex(payer.index).map(   # (but its
        lambda parts: isinstance(parts, list) and any(                            # "hall hire")
            not _names_funding(part) and not {match_key(w) for w in part.split()} & BODIES
            for part in parts[1:])))
    sold = set()
    for row, parts in lines.items():     # (not beside a first name alone: "Cakes - Sarah")
        who = payer.get(row)
        if not isinstance(who, str) or " " in who:
            sold.update(match_key(part) for part in parts
                        if not isinstance(who, str) or who not in part)
    buyers = {payer[row] for row, parts in lines.items()
              if len(parts) > 1 and isinstance(payer.get(row), str)
              and parts[0].strip() == payer[row]}
    openers = payer.where(payer.map(lambda who: isinstance(who, str) and " " not in who))
    first_words = payer.dropna().map(lambda who: who.split()[0]).value_counts()
    payer = payer.where(~payer.map(lambda who: isinstance(who, str) and " " in who
                                   and match_key(who) in sold and who not in buyers))
    pairs = pd.Series({row: (openers.get(row), parts[1].strip()) for row, parts in lines.items()
                       if len(parts) == 2 and isinstance(openers.get(row), str)}, dtype=object)
    written_so = pairs.value_counts()   # (lines of each first name before that second one)
    for row, (who, second) in pairs.items():
        if _FIRST_NAME.fullmatch(second) and (
                match_key(who) in sold or (first_words.get(second, 0) and first_words.get(
                    who, 0) == written_so[(who, second)])):
            payer[row] = second
    if dates is not None:
        bare = payer.notna() & details.str.strip().eq(payer) & payer.str.fullmatch(
            rf"{_NAME}\s+{_NAME}").fillna(False).astype(bool)
        alone = pd.DataFrame({"who": payer[bare], "day": _days_of_book(dates[bare]),
                              "paid": paid[bare]})
        twice = alone[alone.duplicated(["who", "day"], keep=False)].drop_duplicates(
            ["who", "day"])
        market_days = set(twice["day"][twice["day"].duplicated()])
        goods = ((set(twice["who"]) & set(alone["who"][alone["day"].isin(market_days)]))
                 | set(twice["who"][twice["who"].duplicated()])) - buyers - _families(alone)
        payer = payer.where(~payer.isin(goods))
    return payer


def _names_funding(part: str) -> bool:
    """Whether a part of a line names money given (``FUNDING_WORDS``: "grant", "Lottery
    grant", "grant payment 2"), not a thing the word names ("award dinner", "first aid
    course"): a funding word with nothing after it but money words or figures."""
    words = [match_key(word) for word in re.findall(r"[\w']+", part)]
    funding = [place for place, word in enumerate(words) if word in FUNDING_WORDS]
    return bool(funding) and all(word in NOT_A_PAYER or re.search(r"\d", word)
                                 for word in words[funding[-1] + 1:])


def _funder_named(part: str) -> bool:
    """Whether a part of a line names a body that gives money by its name (``FUNDER_BODIES``:
    "Lottery Fund", "Nuffield Foundation", "National Lottery 2025"), not a council or a
    trust that may buy: the funder's word ends the name, so a business named after one
    ("The Foundation Gym", "Lottery Cafe") is a customer."""
    words = [match_key(word) for word in re.findall(r"[\w']+", part)]
    while words and (words[-1] in NOT_A_PAYER or re.search(r"\d", words[-1])):
        words.pop()
    return bool(words) and words[-1] in FUNDER_BODIES


def _days_of_book(written: pd.Series) -> pd.Series:
    """The day each line of a book is dated, one however written ("6/4/2026" and
    "06/04/2026"; "6/4" and "06/04" where no year is given; "06/04/2026 09:10" and
    "06/04/2026 12:30" a till's times of one day)."""
    day = values.parse_dates(written)[0].map(     # (ISO text: the day, not the time)
        lambda when: when[:10] if isinstance(when, str) else when)
    return day.fillna(written.astype(str).str.strip().str.replace(
        r"(?<!\d)0+(?=\d)", "", regex=True))


def _families(alone: pd.DataFrame) -> set[str]:
    """Bare names that are a family's on a day when each comes twice ("Tom Hall" and "Amy
    Hall"): two or more first names before one last name, the only names twice that day,
    every line of theirs that day of one amount (a lesson's fee). Goods sharing a word
    are priced apart ("Apple Pie" 3.50, "Cherry Pie" 4) or sold beside other goods."""
    twice = alone[alone.duplicated(["who", "day"], keep=False)].assign(
        last=lambda lines: lines["who"].str.split().str[-1])
    family = twice.groupby("day").filter(
        lambda lines: lines["last"].nunique() == 1 and lines["who"].nunique() > 1
        and lines["paid"].nunique() == 1)
    return set(family["who"])


def _cash_book_facts(frame: pd.DataFrame) -> dict:
    present = {normalise_header(h) for h in frame.columns}
    money_in, money_out = _cash_in_out(frame, present)
    # (a line its status says failed or was reversed moved no money: M-Pesa's "Failed")
    moved = ~_order_status_kind(_col(frame, *_BOOK_STATUS)).isin(["contact", "cancellation"])
    came_in = money_in.gt(0) & moved
    dated = next((h for h in frame.columns if match_header(h)[0] == "date"
                  or normalise_header(h) in _BOOK_DATES), None)
    payer = _first_names_in_full(_payers_of_book(
        _col(frame, *_CASH_DETAILS), None if dated is None else _col(frame, normalise_header(dated)),
        money_in))
    details = _col(frame, *_CASH_DETAILS)
    given = details.map(lambda line: isinstance(line, str) and any(
        _names_funding(part) or _funder_named(part) for part in _details_parts(line)))
    return {"in": money_in, "payer": payer, "sale": came_in & payer.notna(),
            "unnamed": came_in & payer.isna(), "given": came_in & payer.isna() & given,
            "out": ~came_in & money_out.gt(0), "out_total": money_out.where(~came_in).sum(),
            "failed": money_in.gt(0) & ~moved, "tried": money_in.gt(0) & ~moved & payer.notna()}


def _cash_book_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Each line of money in naming who paid is a sale; one that did not go through (a
    failed M-Pesa payment) keeps its payer as a contact, no money in."""
    facts = _cash_book_facts(frame)
    sale = facts["sale"].reindex(rows.index, fill_value=False)
    rows = rows[sale | facts["tried"].reindex(rows.index, fill_value=False)].copy()
    rows["name"] = _none(facts["payer"]).reindex(rows.index)
    rows["kind"] = "purchase"
    rows["amount"] = facts["in"].reindex(rows.index)
    rows.loc[~sale[rows.index], ["kind", "amount"]] = ["contact", None]
    return rows


def _cash_book_explain(frame: pd.DataFrame) -> str:
    facts = _cash_book_facts(frame)
    sale, unnamed, out = facts["sale"], facts["unnamed"], facts["out"]
    details = _col(frame, *_CASH_DETAILS)
    example = (f" (\"{details[sale].iloc[0]}\": {facts['payer'][sale].iloc[0]})"
               if sale.any() else "")
    parts = [f"who paid each line of money in is read from its details{example}; "
             f"{counted(int(sale.sum()), 'line')} of money in naming who paid counted as "
             f"sales ({values.amount_text(float(facts['in'][sale].sum()))}) from "
             f"{counted(int(facts['payer'][sale].nunique()), 'client')}" if sale.any() else
             "no line of money in names who paid: no sale counted"]
    if unnamed.any():
        given, funded = int(facts["given"].sum()), float(facts["in"][facts["given"]].sum())
        grants = "a grant or a donation" if given == 1 else "grants or donations"
        parts.append(f"{counted(int(unnamed.sum()), 'line')} of money in naming no one "
                     f"({values.amount_text(float(facts['in'][unnamed].sum()))}) left out, "
                     "not counted as sales" + (
                         "" if not given else f" ({grants}: money given by a funder, not a "
                         "sale to a customer)" if given == int(unnamed.sum()) else
                         f" (of them, {given:,} {grants}, {values.amount_text(funded)}: money "
                         "given by a funder, not a sale to a customer)"))
    if facts["failed"].any():
        failed = facts["failed"]
        status = next(h for h in frame.columns if normalise_header(h) in _BOOK_STATUS)
        tried = int(facts["tried"].sum())
        parts.append(f"{counted(int(failed.sum()), 'line')} of money in that did not go "
                     f"through by its '{status}' "
                     f"({values.amount_text(float(facts['in'][failed].sum()))}) not counted as "
                     "sales" + (f", {counted(tried, 'payer')} kept as "
                                f"{'a contact' if tried == 1 else 'contacts'}" if tried else ""))
    if out.any():
        parts.append(f"{counted(int(out.sum()), 'line')} of money out "
                     f"({values.amount_text(float(facts['out_total']))}), the business's own "
                     "spending, left out")
    bank = _cash_pair({normalise_header(h) for h in frame.columns}) in (*_BANK_IN_OUT, None)
    return f"Read as a {'bank statement' if bank else 'cash book'}: " + "; ".join(parts) + "."


# --- a bank statement naming each line's other party: Starling, DKB, Wise ----------------------

# A bank's export whose lines name the other party in a column of its own, money in and out
# in one signed amount (Starling's "Counter Party" and "Amount (GBP)"; DKB's
# "Zahlungspflichtige*r", who paid, "Zahlungsempfänger*in", who was paid, and "Betrag (€)";
# Wise's "Payer Name" and "Payee Name"; Sparkasse's "Beguenstigter/Zahlungspflichtiger"):
# money in from a payer is that payer's sale, money out the business's own spending, or a
# refund where it went to someone who paid in. Normalised (who paid in, who was paid out).
_STATEMENT_PARTIES = (("counterparty", "counterparty"),
                      ("zahlungspflichtiger", "zahlungsempfangerin"),
                      ("auftraggeberbegunstigter", "auftraggeberbegunstigter"),
                      ("beguenstigterzahlungspflichtiger", "beguenstigterzahlungspflichtiger"),
                      ("payername", "payeename"))
# The signed amount ("Amount (GBP)", "Betrag (€)", "Betrag (EUR)"), and a line's words (a
# statement's sign: a deals list naming a counterparty has none of these).
_STATEMENT_AMOUNT = re.compile(r"^(?:amount|betrag)(?:[a-z]{3})?$")
_STATEMENT_WORDS = ("reference", "verwendungszweck", "buchungstext", "description",
                    "paymentreference")


def _statement_columns(present: set[str]) -> tuple[tuple[str, str], str] | None:
    """The statement's party pair (``_STATEMENT_PARTIES``) and its amount header."""
    pair = next((p for p in _STATEMENT_PARTIES if set(p) <= present), None)
    amount = next((h for h in sorted(present) if _STATEMENT_AMOUNT.match(h)), None)
    return None if pair is None or amount is None else (pair, amount)


def _statement_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """A party pair, a signed amount, a line's words (``_STATEMENT_WORDS``) and a date; with
    the rows, money both in and out, or a balance (a statement of money in alone)."""
    found = _statement_columns(present)
    if found is None or not present & set(_STATEMENT_WORDS) or not any(
            match_header(h)[0] == "date" for h in present):
        return False
    if frame is None:
        return True
    amount = _money(frame, found[1])
    return bool(amount.gt(0).any() and (amount.lt(0).any() or any(
        h.startswith(("balance", "runningbalance", "saldo", "kontostand")) for h in present)))


def _statement_party(name: object) -> str | None:
    """A line's other party as a person writes it ("ANN FOX" is "Ann Fox"), None where its
    words name money moving, no one (``NOT_A_PAYER``: "SAVINGS ACCOUNT", "STRIPE PAYMENTS
    UK")."""
    if not isinstance(name, str) or not name.strip():
        return None
    written = name.strip() if re.search(r"[a-z]", name) else name.strip().title()
    return None if {match_key(w) for w in written.split()} & NOT_A_PAYER else written


def _statement_facts(frame: pd.DataFrame) -> dict:
    """Each line's other party, and which lines are sales, refunds, spending. Where the
    statement names payer and payee apart (DKB's), the payer of its money out is the
    account's holder: money in from the holder is its own money moved, no sale."""
    (payer, payee), header = _statement_columns({normalise_header(h) for h in frame.columns})
    amount = _money(frame, header)
    came_in, went_out = amount.gt(0), amount.lt(0)
    paying = _col(frame, payer)
    holder = set() if payer == payee else set(paying[went_out].dropna().str.casefold())
    who = paying.where(~paying.str.casefold().isin(holder)).where(
        came_in, _col(frame, payee)).map(_statement_party, na_action="ignore")
    paid_in = set(who[came_in].dropna().str.casefold())
    back = went_out & who.str.casefold().isin(paid_in).fillna(False).astype(bool)
    return {"amount": amount, "who": who, "sale": came_in & who.notna(),
            "unnamed": came_in & who.isna(), "back": back, "spent": went_out & ~back}


def _statement_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Money in from a payer is a sale; money out to one who paid in a refund; the rest of
    money out (the business's spending) and money in naming no one are left out."""
    return _sales_and_refunds(rows, _statement_facts(frame), "who", "amount")


def _statement_explain(frame: pd.DataFrame) -> str:
    facts = _statement_facts(frame)
    amount, who = facts["amount"].abs(), facts["who"]
    sale, unnamed, back, spent = (facts[k] for k in ("sale", "unnamed", "back", "spent"))
    parts = [f"{counted(int(sale.sum()), 'line')} of money in from "
             f"{counted(int(who[sale].nunique()), 'payer')} counted as their sales "
             f"({values.amount_text(float(amount[sale].sum()))})"]
    if unnamed.any():
        parts.append(f"{counted(int(unnamed.sum()), 'line')} of money in naming no customer "
                     f"({values.amount_text(float(amount[unnamed].sum()))}) left out, not "
                     "counted as sales")
    if back.any():
        parts.append(f"{counted(int(back.sum()), 'line')} of money out to one who paid in "
                     f"({values.amount_text(float(amount[back].sum()))}) read as "
                     f"{'a refund' if int(back.sum()) == 1 else 'refunds'}")
    if spent.any():
        parts.append(f"{counted(int(spent.sum()), 'line')} of money out "
                     f"({values.amount_text(float(amount[spent].sum()))}), the business's own "
                     "spending, left out")
    return ("Read as a bank statement naming each line's other party: " + "; ".join(parts)
            + ".")


# --- orders by status: WooCommerce, Square ----------------------------------------------------

def _order_status_kind(status: pd.Series) -> pd.Series:
    """What each order's status says happened (None: a status no alias knows)."""
    key = status.map(lambda v: None if v is None else
                     normalise_value(re.sub(r"^wc-", "", str(v).strip(), flags=re.I)))
    return key.map(ORDER_STATUS_KIND)


# An invoice's status beyond journey.stages.ORDER_STATUS_WORDS (normalised), words that
# mean other things on an order list: issued and not paid (sent, viewed, open) is no
# purchase; part paid (partial) is one; Zoho calls a paid invoice closed.
_INVOICE_STATUS_KIND = {"sent": "contact", "viewed": "contact", "unsent": "contact",
                        "saved": "contact", "open": "contact", "disputed": "contact",
                        "retry": "contact", "partial": "purchase", "autopaid": "purchase",
                        "closed": "purchase"}


def _status_kind(status: pd.Series, more: dict[str, str]) -> pd.Series:
    """What each status says happened: ``_order_status_kind``, then the export's own words
    (None: a status no one knows)."""
    said = _order_status_kind(status)
    return said.fillna(status.map(lambda v: None if v is None else
                                  more.get(normalise_value(v))))


_WOO_ORDER = ("ordernumber", "orderid", "order", "ordernumberformatted")
_WOO_STATUS = ("orderstatus", "status")
_WOO_EMAIL = ("billingemail", "billingemailaddress", "emailbilling", "customeremail")
_WOO_TOTAL = ("ordertotal", "ordertotalamount", "total", "netsales", "ordersubtotal")


def _woo_facts(frame: pd.DataFrame) -> dict:
    order = _col(frame, *_WOO_ORDER).str.replace(r"^#", "", regex=True)
    first = order.notna() & ~order.duplicated()
    email = _col(frame, *_WOO_EMAIL).str.casefold()
    # The customer: the billing e-mail, else the store's customer ID (0 is a guest), else
    # the name the analytics export gives.
    user = _col(frame, "customeruserid", "customerid", "customeruser")
    user = user.where(~user.isin(["0", "0.0"]))
    client = email.fillna(user).fillna(_col(frame, "customer").str.casefold())
    client = _none(client.where(first).groupby(order).transform("first"))
    said = _order_status_kind(_col(frame, *_WOO_STATUS))
    kind = said.fillna("purchase")
    refunded = _money(frame, "orderrefund", "orderrefundamount", "refundamount", "refunded",
                      "totalrefunded")
    # WooCommerce Analytics lists a refund as a row of its own under the order's number
    # (Status Refunded, negative Net Sales), dated when it was refunded.
    refund_row = (order.notna() & ~first & (said == "refund")
                  & (_money(frame, *_WOO_TOTAL) < 0))
    refunded = order_refunds(refunded.abs().where(~refund_row), order).amount.fillna(0)
    return {"order": order, "first": first, "client": client, "said": said,
            "unknown": first & said.isna() & _col(frame, *_WOO_STATUS).notna(),
            "kind": kind, "refund": first & ((said == "refund") | (refunded > 0)),
            "refund_row": refund_row,
            "refund_amount": refunded, "by_email": bool(email.notna().any())}


def _woo_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _woo_facts(frame)
    rows = rows.copy()
    rows["client_id"] = facts["client"].reindex(rows.index)
    if facts["by_email"]:
        rows["email"] = rows["client_id"]
    first = _col(frame, "billingfirstname", "firstnamebilling")
    last = _col(frame, "billinglastname", "lastnamebilling")
    both = (first.fillna("") + " " + last.fillna("")).str.strip()
    if (both != "").any():           # the billing name is First Name and Last Name together
        rows["name"] = _none(both.where(both != "")).reindex(rows.index)
    rows = _keyed_by_id(rows)
    # A refunded order was paid: its purchase stands, with a refund beside it. A status no
    # alias knows leaves the order a purchase (the export lists orders), and it is said.
    kind = facts["kind"].reindex(rows.index)
    rows["kind"] = kind.where(kind != "refund", "purchase")
    refund_row = facts["refund_row"].reindex(rows.index, fill_value=False)
    own = rows[refund_row].copy()
    own["kind"] = "refund"
    own["amount"] = _money(frame, *_WOO_TOTAL).abs().reindex(own.index)
    orders = fold_lines(rows[~refund_row], facts["order"].reindex(rows.index)[~refund_row])
    full = facts["refund_amount"].where(facts["refund_amount"] > 0,
                                        _money(frame, *_WOO_TOTAL).abs())
    refunds = _with(orders, facts["refund"], kind="refund", amount=full)
    return _stack(orders, refunds, own)


def _woo_explain(frame: pd.DataFrame) -> str:
    facts = _woo_facts(frame)
    first = facts["first"]
    kind = facts["kind"][first]
    paid = first & facts["kind"].isin(["purchase", "refund"])
    clients = facts["client"][paid]
    missing = int(facts["client"][first].isna().sum())
    unknown = int(facts["unknown"].sum())
    own = int(facts["refund_row"].sum())
    lines = len(frame) - int(first.sum()) - own
    return (f"Recognised as a WooCommerce orders export: {counted(int(first.sum()), 'order')}"
            + (f" (from {counted(len(frame), 'line')})" if lines > 0 else "")
            + f", {counted(int(paid.sum()), 'paid order')} from "
            f"{counted(clients.nunique(), 'customer')} matched by "
            + ("billing e-mail (case ignored)" if facts["by_email"] else "customer")
            + f"; {int(facts['refund'].sum()) + own:,} refunded, "
            f"{int((kind == 'cancellation').sum()):,} cancelled; "
            f"{counted(int((kind == 'contact').sum()), 'pending, on-hold or failed order')} kept "
            "as contacts, not purchases"
            + (f"; {counted(missing, 'order')} without a customer kept without a client"
               if missing else "")
            + (f"; {counted(unknown, 'order')} with a status Journey does not know counted as "
               "purchases" if unknown else "") + ".")


def _square_facts(frame: pd.DataFrame) -> dict:
    """Square's payments: each one's amount what was collected less its tip (a tip is not
    the sale's price, and a visit booked elsewhere at its price is the same sale:
    journey.derive), else its gross sales."""
    payment = _col(frame, "transactionid", "paymentid")
    first = payment.notna() & ~payment.duplicated()
    client = _col(frame, "customerid").fillna(_col(frame, "customername"))
    client = _none(client.groupby(payment).transform("first"))
    event = _col(frame, "eventtype").str.casefold()
    money = _money(frame, "totalcollected", "grosssales")
    tips = (_money(frame, "tip", "tips").fillna(0) if "totalcollected" in map(
        normalise_header, frame.columns) else pd.Series(0.0, index=frame.index))
    money = money - tips
    total = money.groupby(payment).transform("sum").where(payment.notna(), money)
    refund_row = event.eq("refund") | (event.isna() & (total < 0))
    partial = _money(frame, "partialrefunds", "refunds").fillna(0).abs()
    partial = partial.groupby(payment).transform("sum").where(payment.notna(), partial)
    return {"payment": payment, "first": first | payment.isna(), "client": client,
            "refund": refund_row, "partial": ~refund_row & (partial > 0),
            "partial_amount": partial, "total": total.abs(), "tips": tips}


def _square_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _square_facts(frame)
    rows = rows.copy()
    rows["client_id"] = facts["client"].reindex(rows.index)
    rows = _keyed_by_id(rows)
    # Square lists completed payments and refunds (Event Type): a payment is a purchase.
    rows["kind"] = facts["refund"].reindex(rows.index).map({True: "refund", False: "purchase"})
    rows["amount"] = facts["total"].reindex(rows.index)
    date = _col(frame, "date").fillna("") + " " + _col(frame, "time").fillna("")
    date = date.str.strip()
    parsed = values.parse_dates(date.where(date != "", None), day_first=False)[0]
    rows["date"] = parsed.reindex(rows.index).where(
        parsed.reindex(rows.index).notna(), rows["date"] if "date" in rows else None)
    payments = fold_lines(rows, facts["payment"].reindex(rows.index))
    partial = _with(payments, facts["partial"], kind="refund",
                    amount=facts["partial_amount"])
    return _stack(payments, partial)


def _square_explain(frame: pd.DataFrame) -> str:
    facts = _square_facts(frame)
    first = facts["first"]
    paid = first & ~facts["refund"]
    missing = int(facts["client"][paid].isna().sum())
    return (f"Recognised as a Square transactions export: {counted(int(paid.sum()), 'payment')} "
            f"from {counted(facts['client'][paid].nunique(), 'customer')} (by customer ID, else "
            f"name); "
            + (f"{counted(missing, 'payment')} without a customer kept without a client; "
               if missing else "")
            + f"{counted(int((first & facts['refund']).sum()), 'refund')} and "
            f"{counted(int((first & facts['partial']).sum()), 'partial refund')}"
            + (f"; {counted(int(tipped.sum()), 'tip')} of "
               f"{values.amount_text(facts['tips'][tipped].sum())} left out of the amounts "
               "(a tip is not the sale's price)" if (tipped := facts["tips"].gt(0)).any()
               else "") + ".")


# --- deals: Pipedrive, Zoho CRM ----------------------------------------------------------------

_PIPEDRIVE_WON = {"won", "ganado", "gagne", "gewonnen", "ganho", "vinto"}
_PIPEDRIVE_LOST = {"lost", "perdido", "perdu", "verloren", "perso"}


def _pipedrive_outcome(frame: pd.DataFrame) -> pd.Series:
    status = _col(frame, "dealstatus", "status").map(
        lambda v: None if v is None else normalise_value(v))
    return pd.Series(None, index=frame.index, dtype=object).mask(
        status.isin(_PIPEDRIVE_LOST), "lost").mask(status.isin(_PIPEDRIVE_WON), "won")


def _pipedrive_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Won and lost from Status; dated when won or lost, an open deal when created; the
    client is the organisation, else the contact person; a lost deal keeps its reason."""
    rows = _deal_rules(_pipedrive_outcome)(rows, frame)
    said = _pipedrive_outcome(frame).reindex(rows.index)
    won = _dates(frame, "dealwontime", "wontime").reindex(rows.index)
    lost = _dates(frame, "deallosttime", "losttime").reindex(rows.index)
    created = _dates(frame, "dealdealcreated", "dealcreated", "dealaddtime",
                     "addtime").reindex(rows.index)
    date = won.where(said == "won", lost.where(said == "lost"))
    rows["date"] = date.where(date.notna(), created)
    if "reason" in rows:
        rows["reason"] = rows["reason"].where(said == "lost", None)
    return rows


def _zoho_outcome(frame: pd.DataFrame) -> pd.Series:
    stage = _col(frame, "stage").map(lambda v: None if v is None else normalise_value(v))
    return pd.Series(None, index=frame.index, dtype=object).mask(
        stage.fillna("").str.startswith("closedlost"), "lost").mask(
        stage.fillna("").str.startswith("closedwon"), "won")


def _zoho_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    rows = _deal_rules(_zoho_outcome, open_date=("createdtime", "createddate"))(rows, frame)
    if "reason" in rows:
        rows["reason"] = rows["reason"].where(
            _zoho_outcome(frame).reindex(rows.index) == "lost", None)
    return rows


def _close_outcome(frame: pd.DataFrame) -> pd.Series:
    """Close's status_type: won, lost or active, whatever its own status_label says."""
    kind = _col(frame, "statustype").str.casefold()
    return kind.where(kind.isin(["won", "lost"]), None)


def _close_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Won and lost from status_type; an active opportunity, whatever its own status
    label, is consideration; Close keeps money in cents (value 500000 is the $5,000 of
    value_formatted), so the value is divided by 100; dated when won, else when created."""
    rows = _deal_rules(_close_outcome, open_date=("datecreated",))(rows, frame)
    active = _col(frame, "statustype").str.casefold().eq("active").reindex(rows.index)
    unplaced = active & (rows["stage"].isna() if "stage" in rows else True)
    rows.loc[unplaced, "stage"] = "consideration"
    undecided = rows["kind"].isna() | rows["kind"].eq("contact")
    rows.loc[unplaced & undecided, "kind"] = "stage_change"
    rows["amount"] = (_money(frame, "value") / 100).reindex(rows.index)
    return rows


# --- surveys: NPS and satisfaction -------------------------------------------------------------

_NPS_HEADER = r"recommend|netpromoter|^nps|nps$|npsscore"
_SATISFACTION_HEADER = r"satisf|^csat|csat$"
# Columns that make a sheet a survey's responses (Typeform, SurveyMonkey, Google Forms,
# Delighted, Qualtrics, Jotform), not a client list that happens to hold a score.
# (Not an "End Date" alone: a client list of contracts has one.)
_SURVEY_MARKS = ("respondentid", "responseid", "collectorid", "submitdateutc", "submitdate",
                 "submittedat", "datesubmitted", "networkid", "timestamp", "marcatemporal",
                 "horodateur", "zeitstempel", "responsedate", "responsetimestamp",
                 "recordeddate", "surveytype", "submissiondate", "submissionid")
_RESPONDENT = ("email", "emailaddress", "respondentemail", "e-mail", "correo",
               "correoelectronico", "recipientemail", "customeremail",
               "user")      # (Hotjar's: the e-mail of a user it knows, else blank)
_RESPONDENT_ID = ("customerid", "userid", "personid", "contactid", "respondentid",
                  "responseid", "submissionid", "externaldatareference", "externalreference")
# An e-mail question in the survey's own words ("What's your email address?").
_EMAIL_HEADER = r"e?mail(?:address)?$|correo"
# A response's own ID (Delighted, Qualtrics; Jotform's submission), not a person's: it stands for the respondent
# only in a survey that asks no e-mail; where e-mails are asked, a response without one is
# anonymous (kept without a client).
_RESPONSE_ONLY = ("responseid", "submissionid")
# An NPS answer headed only "Score", "Rating" or "Answer" (Delighted, AskNicely) is an NPS answer when the sheet
# says it is an NPS survey: a survey type (Delighted's "Survey type": NPS, eNPS) or a
# survey or question column that names NPS. A CRM's lead "Score" never has one.
# An NPS tool's campaign ("Q2 NPS": Retently's) names it too, and so does a column that
# calls each answer a promoter or a detractor (its status, tags or segment).
_SCORE_HEADERS = ("score", "rating",
                  "answer")     # (AskNicely's: the 0-10 answer beside its "Survey": NPS)
_SURVEY_TYPE = ("surveytype", "survey", "surveyname", "question", "type", "campaign",
                "campaignname", "status", "tags", "segment", "category")
_NPS_WORDS = r"\bnps\b|enps|net\s*promoter|recommend"
_NPS_GROUPS = r"^(?:promoters?|detractors?)\b"
# SurveyMonkey's second header row: the kind of each question's answer.
_SUBHEADER_WORDS = {"response", "open-ended response", "other (please specify)"}
_SURVEY_DATE = ("submitdateutc", "submitdate", "submissiondate", "submittedat", "datesubmitted", "enddate",
                "responsedate", "responsetimestamp", "recordeddate", "timestamp",
                "marcatemporal", "horodateur", "zeitstempel", "createdat", "date",
                "startdate", "startdateutc",
                "responded")        # (AskNicely's: when the answer came, after its "Sent")
# A name asked as a question (Tally's and Typeform's "What's your name?").
_NAME_QUESTIONS = ("yourname", "yourfullname", "whatsyourname", "whatisyourname",
                   "whatsyourfullname", "whatisyourfullname", "fullname")
# The respondent's columns: the first in the sheet is the client ID the import checks for
# (the rules then key each response by e-mail, else ID).
_SURVEY_KEYS = {**{h: "client_id" for h in _RESPONDENT + _RESPONDENT_ID},
                "firstname": "name", "lastname": "name", "name": "name",
                "recipientfirstname": "name", "recipientlastname": "name",   # (Qualtrics')
                **dict.fromkeys(_NAME_QUESTIONS, "name")}
_SATISFIED = {"verysatisfied": 5, "extremelysatisfied": 5, "satisfied": 4, "somewhatsatisfied": 4,
              "neutral": 3, "neithersatisfiednordissatisfied": 3, "dissatisfied": 2,
              "somewhatdissatisfied": 2, "unsatisfied": 2, "verydissatisfied": 1,
              "extremelydissatisfied": 1, "veryunsatisfied": 1,
              # a help desk's rating of a ticket: Zendesk's Good or Bad (satisfied or not),
              # Help Scout's Great, Okay or Not Good, Freshdesk's happy faces
              "great": 5, "good": 4, "okay": 3, "notgood": 2, "bad": 2,
              "extremelyhappy": 5, "veryhappy": 5, "happy": 4, "unhappy": 2,
              "veryunhappy": 1, "extremelyunhappy": 1}


def _column_matching(frame: pd.DataFrame, pattern: str) -> pd.Series:
    by_normal = {normalise_header(h): h for h in frame.columns}
    header = _header_matching(set(by_normal), pattern)
    if header is None:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    return values.parse_text(frame[by_normal[header]], stripped=True)[0]


def _survey_email_header(present: set[str]) -> str | None:
    """The normalised header of the respondent's e-mail: a known one, else a question."""
    return next((h for h in _RESPONDENT if h in present), None) or _header_matching(
        present, _EMAIL_HEADER)


def _survey_score_header(present: set[str], frame: pd.DataFrame | None = None) -> str | None:
    """The normalised header of the 0-10 answer: one that says recommend or NPS, else a
    "Score" or "Rating" column of a sheet that says it is an NPS survey (and, with the
    values at hand, holds whole numbers from 0 to 10)."""
    grouped = next((h[:-len("npsgroup")] for h in sorted(present)
                    if h.endswith("npsgroup") and h[:-len("npsgroup")] in present), None)
    if grouped:         # Qualtrics' "Q1_NPS_GROUP" (Promoter, Passive, Detractor) of "Q1"
        return grouped
    said = _header_matching(present, _NPS_HEADER)
    if said:
        return said
    score = next((h for h in _SCORE_HEADERS if h in present), None)
    types = [h for h in _SURVEY_TYPE if h in present]
    if score is not None and not types and frame is not None and present & set(_RESPONSE_ONLY):
        return score if _scores_to_ten(frame, score) else None
    if score is None or not types:
        return None
    if frame is None:                 # headers alone: Delighted's "Survey type" says it
        return score if "surveytype" in types else None
    by_normal = {normalise_header(h): h for h in frame.columns}
    said = [values.parse_text(frame[by_normal[h]], stripped=True)[0].fillna("") for h in types]
    named = any(column.str.contains(_NPS_WORDS, case=False, regex=True).any()
                or column.str.contains(_NPS_GROUPS, case=False, regex=True).any()
                for column in said)
    text = values.parse_text(frame[by_normal[score]], stripped=True)[0].dropna()
    whole = text.str.fullmatch(r"(?:10|\d)(?:\.0+)?")
    return score if named and len(text) and whole.mean() >= 0.9 else None


def _scores_to_ten(frame: pd.DataFrame, score: str) -> bool:
    """Whether a survey's one plain "Score" or "Rating" column (``score``, normalised) is
    an NPS answer beside its responses' own IDs (Delighted's export: "Response ID", "Email",
    "Score", no survey type): whole numbers from 0 to 10, one above 5 (a rating out of 5
    is no NPS answer)."""
    by_normal = {normalise_header(h): h for h in frame.columns}
    text = values.parse_text(frame[by_normal[score]], stripped=True)[0].dropna()
    whole = text.str.fullmatch(r"(?:10|\d)(?:\.0+)?")
    return bool(len(text)) and whole.mean() >= 0.9 and pd.to_numeric(text[whole]).max() > 5


# A sheet of nothing but who answered and a 0-10 score ("Email, Score", "Email, Rating
# 0-10", "Email, How likely are you to recommend us?"), kept by hand or pasted from a form:
# an NPS survey's answers, not a client list. Its score header (normalised), and the only
# other columns it may have: a name, a date, a comment.
_BARE_SCORE = r"^(?:nps|npsscore|score|rating|likelihoodtorecommend)(?:010|outof10|10)?$"
_SAYS_NPS = r"recommend|nps|010|outof10"
_BARE_OTHERS = r"^(?:(?:first|last|full)?name|date|datesubmitted|submitted|timestamp|" \
               r"comments?|feedback|reason|why|notes?|anycomments)$"


def _bare_score_header(present: set[str], frame: pd.DataFrame | None) -> str | None:
    """The score header of a bare sheet of scores (``_BARE_SCORE``, or one that says
    recommend or NPS) with a respondent and nothing else but ``_BARE_OTHERS``: with the
    values at hand, a column of whole numbers from 0 to 10 (and, under a plain "Score" or
    "Rating", one above 5: a rating out of 5 is no NPS answer)."""
    respondent = _survey_email_header(present)
    rest = present - {respondent}
    scores = [h for h in rest if re.search(_BARE_SCORE, h) or re.search(_NPS_HEADER, h)]
    if respondent is None or len(scores) != 1 or any(
            h not in scores and not re.search(_BARE_OTHERS, h) for h in rest):
        return None
    score = scores[0]
    if frame is None:
        return score if re.search(_SAYS_NPS, score) else None
    by_normal = {normalise_header(h): h for h in frame.columns}
    text = values.parse_text(frame[by_normal[score]], stripped=True)[0].dropna()
    whole = text.str.fullmatch(r"(?:10|\d)(?:\.0+)?")
    if not len(text) or whole.mean() < 0.9:
        return None
    return score if re.search(_SAYS_NPS, score) or (
        pd.to_numeric(text[whole]).max() > 5) else None


def _bare_nps_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    return _bare_score_header(present, frame) is not None


def _has_respondent(present: set[str]) -> bool:
    return _survey_email_header(present) is not None or bool(present & set(_RESPONDENT_ID))


def _nps_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """A respondent (an e-mail, an e-mail question, an ID) and a 0-10 answer."""
    return _has_respondent(present) and _survey_score_header(present, frame) is not None


def _satisfaction_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """A respondent and a satisfaction answer (an NPS survey wins when both are asked)."""
    return _has_respondent(present) and _header_matching(present,
                                                         _SATISFACTION_HEADER) is not None


def _subheader(frame: pd.DataFrame) -> pd.Series:
    """SurveyMonkey's second header row ("Response", "Open-Ended Response"): the first row,
    with no respondent and no date, whose cells name kinds of answer. Qualtrics' two
    (``_label_rows``) too."""
    found = _label_rows(frame)
    if not len(frame) or found.any():
        return found
    top = frame.iloc[0]
    cells = {str(v).strip().casefold() for v in top.tolist() if v is not None and str(v).strip()}
    blank = all(_col(frame.iloc[:1], *names).isna().all()
                for names in (_RESPONDENT, _RESPONDENT_ID, _SURVEY_DATE))
    if blank and cells and cells & _SUBHEADER_WORDS:
        found.iloc[0] = True
    return found


def _label_rows(frame: pd.DataFrame) -> pd.Series:
    """Qualtrics' rows under its headers, before the first response: each column's label
    ("Response ID" under "ResponseId", the question's words under "Q1") and its import
    ID ('{"ImportId":"QID1"}'). Each of the first two rows of which most cells either
    say their own column's header (compared as headers are) or are such an import ID."""
    found = pd.Series(False, index=frame.index)
    headers = [normalise_header(h) for h in frame.columns]
    for at in range(min(2, len(frame))):
        cells = [(h, str(v).strip()) for h, v in zip(headers, frame.iloc[at].tolist())
                 if v is not None and str(v).strip() and str(v) != "nan"]
        labels = sum(normalise_header(cell) == h or cell.startswith('{"ImportId"')
                     for h, cell in cells)
        if not cells or labels * 2 <= len(cells):
            break
        found.iloc[at] = True
    return found


def _survey_facts(frame: pd.DataFrame) -> dict:
    subheader = _subheader(frame)
    frame = frame[~subheader]
    present = {normalise_header(h) for h in frame.columns}
    email_header = _survey_email_header(present)
    email = _col(frame, email_header).str.casefold() if email_header else _col(frame)
    email = email.where(email.fillna("").str.contains("@"))
    ids = [h for h in _RESPONDENT_ID if not (email_header and h in _RESPONSE_ONLY)]
    respondent = _none(email.fillna(_col(frame, *ids)))
    score_header = (_survey_score_header(present, frame)
                    or _bare_score_header(present, frame))
    score = _col(frame, score_header) if score_header else _col(frame)
    nps = values.parse_score(score.str.extract(r"^\s*(\d+(?:\.0+)?)", expand=False),
                             0, 10)[0]
    kind = _col(frame, "surveytype").fillna("")
    nps = nps.where((kind == "") | kind.str.contains(_NPS_WORDS, case=False, regex=True))
    said = _column_matching(frame, _SATISFACTION_HEADER)
    words = said.map(lambda v: None if v is None else _SATISFIED.get(normalise_value(v)))
    satisfaction = values.parse_score(said.str.extract(r"^\s*(\d+(?:\.\d+)?)", expand=False),
                                      1, 5)[0]
    satisfaction = satisfaction.where(satisfaction.notna(), words.astype(float))
    date = pd.Series(None, index=frame.index, dtype=object)
    for header in _SURVEY_DATE:        # the answer's date, else when it was started
        date = date.where(date.notna(), _dates(frame, header))
    recipient = (_col(frame, "recipientfirstname").fillna("") + " "
                 + _col(frame, "recipientlastname").fillna("")).str.strip()
    return {"respondent": respondent, "by_email": email.notna(), "nps": nps,
            "satisfaction": satisfaction, "date": date, "subheader": subheader,
            "recipient": _none(recipient.where(recipient != ""))}


def _nps_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Each response with a 0-10 answer is an nps event of its respondent (the score is
    its amount); a response without one is a contact. A satisfaction answer stays in the
    event's extra columns."""
    facts = _survey_facts(frame)
    rows = rows[~facts["subheader"].reindex(rows.index, fill_value=False)].copy()
    rows["client_id"] = facts["respondent"].reindex(rows.index)
    rows["email"] = _none(facts["respondent"].where(facts["by_email"])).reindex(rows.index)
    rows = _keyed_by_id(rows)
    score = facts["nps"].reindex(rows.index)
    rows["kind"] = score.notna().map({True: "nps", False: "contact"})
    rows["amount"] = score
    rows["date"] = facts["date"].reindex(rows.index)
    if "name" in rows:      # (Qualtrics' recipient, in two columns: "Ann" "Lee", Ann Lee)
        rows["name"] = facts["recipient"].reindex(rows.index).fillna(rows["name"])
    return rows


def _nps_explain(frame: pd.DataFrame, said: str = "an NPS survey export") -> str:
    facts = _survey_facts(frame)
    nps = facts["nps"]
    answered = nps.notna()
    promoters, detractors = int((nps >= 9).sum()), int((nps <= 6).sum())
    score = (round(100 * (promoters - detractors) / int(answered.sum()))
             if answered.any() else None)
    missing = int(facts["respondent"].isna().sum())
    return (f"Recognised as {said}: {counted(int(answered.sum()), 'answer')} from "
            f"{counted(facts['respondent'][answered].nunique(), 'respondent')} (by e-mail, case "
            f"ignored, else respondent ID), each an NPS event; {counted(promoters, 'promoter')} (9-10, "
            f"advocacy), {counted(detractors, 'detractor')} (0-6)"
            + (f", NPS {score:+d}" if score is not None else "")
            + (f"; {counted(int((~answered).sum()), 'response')} without a score kept as "
               "contacts"
               if (~answered).any() else "")
            + (f"; {counted(missing, 'response')} without an e-mail or ID kept without a client"
               if missing else "")
            + (f"; {counted(labels, 'row')} under the headers naming each column (no answer) "
               "left out" if (labels := int(_label_rows(frame).sum())) else "") + ".")


def _satisfaction_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """A respondent is a client with their satisfaction (1-5), their latest answer."""
    facts = _survey_facts(frame)
    rows = rows[~facts["subheader"].reindex(rows.index, fill_value=False)].copy()
    rows["client_id"] = facts["respondent"].reindex(rows.index)
    rows["email"] = _none(facts["respondent"].where(facts["by_email"])).reindex(rows.index)
    rows["satisfaction"] = facts["satisfaction"].reindex(rows.index)
    rows["last_contact"] = facts["date"].reindex(rows.index)
    rows = rows[rows["client_id"].notna()]
    order = rows["last_contact"].fillna("")
    rows = rows.loc[order.sort_values(kind="stable").index]
    return rows[~rows["client_id"].duplicated(keep="last")].sort_index()


def _satisfaction_explain(frame: pd.DataFrame) -> str:
    facts = _survey_facts(frame)
    answered = facts["satisfaction"].notna()
    respondents = facts["respondent"].dropna().nunique()
    average = facts["satisfaction"].mean()
    responses = len(frame) - int(facts["subheader"].sum())
    return (f"Recognised as a satisfaction survey export: {counted(responses, 'response')} from "
            f"{counted(respondents, 'respondent')} (by e-mail, case ignored, else respondent ID), "
            f"{int(answered.sum()):,} with a 1-5 satisfaction answer"
            + (f" (average {average:.1f})" if answered.any() else "")
            + "; each respondent's latest answer is their satisfaction"
            + (f"; {counted(int(facts['respondent'].isna().sum()), 'response')} without an "
               "e-mail or ID skipped" if facts["respondent"].isna().any() else "") + ".")


# --- subscription billing: Chargebee subscriptions and invoices, Recurly, Recharge ----------------------

def _both(name: str, prefix: str) -> tuple[str, str]:
    """A Chargebee header as its plain export writes it and as the dotted one does
    ("Status", "subscriptions.status")."""
    return (name, prefix + name)


def _cb(frame: pd.DataFrame, name: str, prefix: str = "subscriptions") -> pd.Series:
    return _col(frame, *_both(name, prefix))


# Chargebee's and Recurly's own words for a subscription's state.
_SUB_LIVE = {"active", "nonrenewing", "paused", "live",
             "pastdue",     # (Stripe's: the last renewal failed, the customer not gone yet)
             "frozen", "onhold", "suspended"}   # (a gym's member paused, paid before)
_SUB_ENDED = {"cancelled", "canceled", "expired"}
_SUB_TRIAL = {"intrial", "trial", "trialing"}
# Headers only Recharge's subscriptions export has among these.
_RECHARGE_MARKS = frozenset({"nextchargescheduledat", "orderintervalunit",
                             "chargeintervalfrequency"})
_TEST_EMAIL = r"^test@|@(?:chargebee|recurly|calendly)\.com$|@example\.(?:com|org|net)$"


def _subscription_facts(frame: pd.DataFrame) -> dict:
    """One subscription per row. Chargebee (plain or dotted headers), Recurly and Recharge
    say the same things under other names: who the customer is, its state, when it was activated
    (paid for the first time: a trial that never converted has no activation) and when it
    was cancelled."""
    headers = {normalise_header(h) for h in frame.columns}
    recurly = "accountcode" in headers
    # Recharge (a Shopify store's subscriptions) has no activation: a subscription is made
    # at a paid checkout, so its created_at is its first charge; so has another shop's
    # plain export of them (``plain_subscriptions``: subscription_id, status, created_at,
    # cancelled_at).
    activation = any(h.endswith("activatedat") for h in headers)   # (Chargebee's, dotted too)
    recharge = not activation and (bool(headers & _RECHARGE_MARKS) or not (
        headers & {"accountcode", "currentperiodstartutc"}))
    renewals = pd.Series(0, index=frame.index)
    if "currentperiodstartutc" in headers:
        # Stripe's: no activation either; a subscription was paid from its start, or from
        # its trial's end where its current period began after that (the trial converted).
        # One still incomplete, or expired so, was never paid (no state _SUB_LIVE knows).
        customer = _col(frame, "customerid")
        email = _col(frame, "customeremail")
        first = last = pd.Series(None, index=frame.index, dtype=object)
        company = _col(frame, "customerdescription", "customername")
        state = _col(frame, "status")
        created = _dates(frame, "createdutc", "startutc")
        trial = _dates(frame, "trialstartutc")
        trial_end = _dates(frame, "trialendutc")
        period = _dates(frame, "currentperiodstartutc")
        activated = _dates(frame, "startutc").where(
            trial_end.isna(), trial_end.where(period >= trial_end))
        cancelled = _dates(frame, "canceledatutc", "endedatutc")
        renewals = _periods_renewed(activated, period, _col(frame, "interval"))
    elif recharge:
        customer = _col(frame, "customerid")
        email = _col(frame, "email", "customeremail")
        first, last = _col(frame, "firstname"), _col(frame, "lastname")
        company = _col(frame, "company")
        state = _col(frame, "status")
        created = activated = _dates(frame, "createdat")
        cancelled = _dates(frame, "cancelledat", "canceledat")
        trial = pd.Series(pd.NaT, index=frame.index)
    elif recurly:
        customer = _col(frame, "accountcode")
        email = _col(frame, "accountemail")
        first, last = _col(frame, "accountfirstname"), _col(frame, "accountlastname")
        company = _col(frame, "accountcompanyname")
        state = _col(frame, "subscriptionstate")
        created = _dates(frame, "trialstartedat")
        activated = _dates(frame, "subscriptionactivatedat")
        cancelled = _dates(frame, "subscriptioncanceledat", "subscriptionexpiresat")
        trial = _dates(frame, "trialstartedat")
    else:
        customer = _cb(frame, "customerid")
        email = _col(frame, "customeremail", "customersemail")
        first = _col(frame, "customerfirstname", "customersfirstname")
        last = _col(frame, "customerlastname", "customerslastname")
        company = _col(frame, "customercompany", "customerscompany")
        state = _cb(frame, "status")
        created = _dates(frame, *_both("createdat", "subscriptions"))
        activated = _dates(frame, *_both("activatedat", "subscriptions"))
        cancelled = _dates(frame, *_both("cancelledat", "subscriptions"))
        trial = _dates(frame, *_both("trialstart", "subscriptions"))
    created = created.where(created.notna(), activated)
    email = email.str.casefold()
    by = "customer ID"
    if customer.isna().all():       # (a plain export names each customer by e-mail alone:
        customer, by = email, "e-mail"      # the e-mail is the client, as plan keys it)
    state = state.map(lambda v: None if v is None else normalise_value(v))
    test = email.fillna("").str.contains(_TEST_EMAIL, regex=True)
    # Paid: activated (a trial that converted, or a plan bought outright) in a state that
    # a paying subscription has; a trial never activated was never paid for.
    paid = ~test & activated.notna() & (state.isin(_SUB_LIVE | _SUB_ENDED))
    trialling = ~test & ~paid & (state.isin(_SUB_TRIAL) | trial.notna())
    person = (first.fillna("") + " " + last.fillna("")).str.strip()
    person = person.where(person != "")
    if recharge:    # (a plain export's one name column: a gym's "member_name")
        person = person.fillna(_col(frame, "name", "fullname", "customername", "membername"))
    return {"customer": customer, "by": by, "email": email, "state": state, "test": test,
            "paid": paid, "trialling": trialling, "live": paid & state.isin(_SUB_LIVE),
            # (each paid subscription's payments: its first, and each renewal the export
            # shows paid; one whose last renewal failed has not paid for its current period)
            "payments": (1 + renewals - state.eq("pastdue").astype(int)).clip(lower=1)
            .where(paid, 0),
            "ended": paid & state.isin(_SUB_ENDED), "created": created,
            "cancelled": cancelled, "name": company.fillna(person), "person": person,
            "recurly": recurly}


def _periods_renewed(start: pd.Series, period: pd.Series, interval: pd.Series) -> pd.Series:
    """How many billing periods (Stripe's "Interval": day, week, month or year, else a
    month) lie between a subscription's first payment and the start of its current period:
    each a renewal (Ann's monthly plan from 5 Jan to a period begun 5 Apr: 3; a weekly one:
    13)."""
    start = pd.to_datetime(start, errors="coerce")
    period = pd.to_datetime(period, errors="coerce")
    months = ((period.dt.year - start.dt.year) * 12 + period.dt.month - start.dt.month
              - (period.dt.day < start.dt.day))
    said = interval.fillna("").str.casefold()
    length = said.map(lambda v: 12 if v.startswith("year") else 3 if v.startswith("quarter")
                      else 1)
    renewed = months // length
    days = (period.dt.normalize() - start.dt.normalize()).dt.days
    renewed = renewed.mask(said.str.startswith("week"), days // 7).mask(
        said.str.startswith("day"), days)
    return renewed.where(renewed.gt(0), 0).fillna(0).astype(int)


def _subscription_customers(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per customer (test subscriptions left out): its paid subscriptions and
    their payments, whether any is still live, whether it trialled, when it came and when
    it cancelled."""
    facts = _subscription_facts(frame)
    keep = ~facts["test"] & facts["customer"].notna()
    table = pd.DataFrame({key: facts[key] for key in (
        "customer", "paid", "payments", "live", "ended", "trialling", "created",
        "cancelled")})[keep]
    ended_on = table["cancelled"].where(table["ended"])
    table = table.assign(ended_on=ended_on)
    if table.empty:     # (every subscription a test one: no customer, no crash)
        return pd.DataFrame(columns=["first", "paid", "payments", "live", "trialling",
                                     "created", "ended_on", "churned"])
    grouped = table.groupby("customer", sort=False)
    out = pd.DataFrame({
        "first": grouped.apply(lambda g: g.index[0], include_groups=False),
        "paid": grouped["paid"].sum(), "payments": grouped["payments"].sum(),
        "live": grouped["live"].any(),
        "trialling": grouped["trialling"].any(), "created": grouped["created"].min(),
        "ended_on": grouped["ended_on"].max()})
    out["churned"] = (out["paid"] > 0) & ~out["live"]
    return out


def _subscription_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """A customer who paid for a subscription bought (purchases = its paid subscriptions'
    payments: one each, and each renewal the export shows, Stripe's);
    one whose paid subscriptions all ended churned, on the day the last was cancelled; a
    customer only ever on a trial is considering (no purchase, and no customer lost)."""
    facts = _subscription_facts(frame)
    customers = _subscription_customers(frame)
    customers = customers[customers["first"].isin(rows.index)]
    out = rows.loc[customers["first"].tolist()].copy()
    out["client_id"] = customers["first"].map(facts["customer"]).tolist()
    out["email"] = _none(facts["email"]).reindex(out.index)
    out["name"] = _none(facts["name"]).reindex(out.index)
    out["contact_name"] = _none(facts["person"]).reindex(out.index)
    out["purchases"] = customers["payments"].astype(float).tolist()
    out["first_contact"] = _none(customers["created"]).tolist()
    out["stage"] = [None if paid else ("consideration" if trial else None)
                    for paid, trial in zip(customers["paid"], customers["trialling"])]
    out["stage_raw"] = out["stage"]
    out["status"] = ["churned" if churned else ("active" if live else None)
                     for churned, live in zip(customers["churned"], customers["live"])]
    out["last_contact"] = [ended if churned else None for ended, churned in
                           zip(_none(customers["ended_on"]), customers["churned"])]
    return out


def _subscription_explain(label: str) -> Callable[[pd.DataFrame], str]:
    def explain(frame: pd.DataFrame) -> str:
        facts = _subscription_facts(frame)
        customers = _subscription_customers(frame)
        tests = int(facts["test"].sum())
        trial_only = int(((customers["paid"] == 0) & customers["trialling"]).sum())
        return (f"Recognised as {label}: {counted(int((~facts['test']).sum()), 'subscription')}"
                f" of {counted(len(customers), 'customer')} (by {facts['by']}); "
                f"{counted(int((customers['paid'] > 0).sum()), 'customer')} paid for one "
                "(activated: purchases), "
                f"{counted(int(customers['churned'].sum()), 'customer')} of them churned (every "
                "paid subscription cancelled, dated when cancelled), "
                + (f"{renewed:,} of them renewed (each period paid from the start to the "
                   "current period's a purchase: repeat customers), "
                   if (renewed := int((customers["payments"] > customers["paid"]).sum()))
                   else "")
                + f"{counted(trial_only, 'customer')} only ever on a trial kept at consideration "
                "(no purchase, no customer lost); amounts are the invoices' (plan amounts kept "
                "as extra columns)"
                + (f"; {counted(tests, 'test subscription')} left out" if tests else "") + ".")
    return explain


def _chargebee_invoice_facts(frame: pd.DataFrame) -> dict:
    """A paid invoice of more than nothing is a purchase (a renewal a repeat one); a voided
    one a cancellation; one not paid, payment due, pending or of $0 a contact."""
    status = _cb(frame, "status", "invoices").map(
        lambda v: None if v is None else normalise_value(v))
    total = _money(frame, *_both("total", "invoices"))
    paid_amount = _money(frame, *_both("amountpaid", "invoices"))
    amount = paid_amount.where(paid_amount > 0, total)
    email = _col(frame, "customeremail", "customersemail", "invoicescustomeremail").str.casefold()
    test = email.fillna("").str.contains(_TEST_EMAIL, regex=True)
    kind = pd.Series("contact", index=frame.index, dtype=object)
    kind = kind.mask(status.eq("paid") & (amount.fillna(0) > 0), "purchase")
    kind = kind.mask(status.isin(["voided", "void"]), "cancellation")
    return {"kind": kind, "amount": amount, "email": email, "test": test,
            "customer": _col(frame, "customerid", "invoicescustomerid"),
            "free": status.eq("paid") & ~(amount.fillna(0) > 0)}


def _chargebee_invoice_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _chargebee_invoice_facts(frame)
    rows = rows[~facts["test"].reindex(rows.index, fill_value=False)].copy()
    rows["client_id"] = facts["customer"].reindex(rows.index)
    rows["email"] = _none(facts["email"]).reindex(rows.index)
    rows["kind"] = facts["kind"].reindex(rows.index)
    rows["amount"] = facts["amount"].reindex(rows.index)
    paid_at = _dates(frame, *_both("paidat", "invoices")).reindex(rows.index)
    rows["date"] = paid_at.where(paid_at.notna(), rows["date"] if "date" in rows else None)
    return _keyed_by_id(rows)


def _chargebee_invoice_explain(frame: pd.DataFrame) -> str:
    facts = _chargebee_invoice_facts(frame)
    kind = facts["kind"][~facts["test"]]
    paid = kind == "purchase"
    return (f"Recognised as a Chargebee invoices export: {counted(len(kind), 'invoice')} of "
            f"{counted(facts['customer'][~facts['test']].nunique(), 'customer')} (by customer "
            f"ID); {counted(int(paid.sum()), 'paid invoice')} counted as purchases (renewals are "
            f"repeat purchases), {counted(int((kind == 'cancellation').sum()), 'voided invoice')}"
            f" as cancellations, "
            f"{counted(int((kind == 'contact').sum()), 'unpaid or $0 invoice')} as contacts, "
            "not purchases"
            + (f"; {counted(int(facts['test'].sum()), 'test invoice')} left out"
               if facts["test"].any() else "") + ".")


# --- Gumroad sales ----------------------------------------------------------------------------

_YES = {"1", "true", "yes", "y", "1.0"}


def _gumroad_facts(frame: pd.DataFrame) -> dict:
    """Each row is a sale of the buyer (Purchase Email, case ignored). A sale for $0 (a
    free product) or a free-trial sign-up is no purchase; a refunded, partly refunded or
    disputed (and not won) sale was paid, with a refund beside it."""
    price = _money(frame, "saleprice", "price").fillna(0)
    yes = {name: _col(frame, name).str.casefold().isin(_YES)
           for name in ("refunded", "fullyrefunded", "disputed", "disputewon",
                        "freetrialpurchase")}
    partial = _money(frame, "partialrefund").fillna(0).abs()
    paid = (price > 0) & ~yes["freetrialpurchase"]
    full = paid & (yes["fullyrefunded"] | (yes["refunded"] & ~(partial > 0)))
    part = paid & ~full & (partial > 0)
    chargeback = paid & ~full & ~part & yes["disputed"] & ~yes["disputewon"]
    email = _col(frame, "purchaseemail", "buyeremail", "email").str.casefold()
    return {"paid": paid, "full": full, "partial": part, "chargeback": chargeback,
            "price": price, "partial_amount": partial, "email": email}


def _gumroad_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _gumroad_facts(frame)
    rows = rows.copy()
    rows["client_id"] = rows["email"] = _none(facts["email"]).reindex(rows.index)
    rows = _keyed_by_id(rows)
    rows["kind"] = facts["paid"].reindex(rows.index).map({True: "purchase", False: "contact"})
    rows["amount"] = facts["price"].reindex(rows.index)
    when = (_col(frame, "purchasedate").fillna("") + " "
            + _col(frame, "purchasetimeutctimezone", "purchasetime").fillna("")).str.strip()
    when = values.parse_dates(when.where(when != "", None), day_first=False)[0]
    rows["date"] = when.reindex(rows.index).where(
        when.reindex(rows.index).notna(), rows["date"] if "date" in rows else None)
    full = _with(rows, facts["full"], kind="refund", amount=facts["price"])
    part = _with(rows, facts["partial"], kind="refund", amount=facts["partial_amount"],
                 reason="partial refund")
    lost = _with(rows, facts["chargeback"], kind="refund", amount=facts["price"],
                 reason="chargeback (dispute lost)")
    return _stack(rows, full, part, lost)


def _gumroad_explain(frame: pd.DataFrame) -> str:
    facts = _gumroad_facts(frame)
    paid = facts["paid"]
    return (f"Recognised as a Gumroad sales export: {counted(int(paid.sum()), 'paid sale')} "
            f"from {counted(facts['email'][paid].nunique(), 'buyer')} (by purchase e-mail, case "
            f"ignored); {counted(int((~paid).sum()), 'free sale or trial', 'free sales or trials')}"
            " ($0) kept as contacts, not purchases; "
            f"{counted(int(facts['full'].sum()), 'full refund')}, "
            f"{counted(int(facts['partial'].sum()), 'partial refund')} and "
            f"{counted(int(facts['chargeback'].sum()), 'dispute')} lost (a chargeback) counted "
            "as refunds.")


# --- Etsy: Sold Orders and Sold Order Items ------------------------------------------------

# The columns of an Etsy order's purchase, the same from either export: an order is one
# event whichever export comes first (events with an order ID are keyed by kind and order,
# so the second import adds its own columns to the order, and counts nothing twice).
_ETSY_PURCHASE = ("client_id", "name", "date", "kind", "amount", "order_id", "extra")
_EVENT_CONTENT = (*EVENT_FIELDS, "stage_raw", "extra")
# Both exports' mapping (the rules set the rest, the same way for both).
_ETSY_MAPPING = {"buyer": "client_id", "saledate": "date", "shipcountry": "country",
                 "shipstate": "region"}


def _etsy_rows(rows: pd.DataFrame, frame: pd.DataFrame, order: pd.Series,
               person: pd.Series) -> pd.DataFrame:
    """Rows with only the columns an Etsy purchase has (and the export's others as
    extras), the buyer's username its client
    (and name: a shipping name may be a gift's recipient), the person's name kept as the
    client's contact name."""
    rows = rows.drop(columns=[c for c in _EVENT_CONTENT if c in rows and c != "extra"])
    rows = rows.assign(extra=rows["extra"] if "extra" in rows else None)
    buyer = _col(frame, "buyer").reindex(rows.index)
    rows["client_id"] = rows["name"] = buyer
    rows["date"] = _dates(frame, "saledate").reindex(rows.index)
    rows["order_id"] = order.reindex(rows.index)
    rows["contact_name"] = _none(person).reindex(rows.index)
    for column in ("email", "country"):
        if column in rows:
            rows[column] = rows[column].astype(object)
    return rows


def _etsy_items_facts(frame: pd.DataFrame) -> dict:
    order = _col(frame, "orderid")
    first = order.notna() & ~order.duplicated()
    total = _money(frame, "itemtotal").fillna(0).groupby(order).transform("sum").round(2)
    paid = _col(frame, "datepaid").notna().groupby(order).transform("any")
    return {"order": order, "first": first, "total": total, "paid": paid}


def _etsy_items_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The lines of one Order ID are one order: a purchase when paid (Date Paid), valued
    at its items' totals (the Sold Orders export's Order Value); an unpaid one a contact."""
    facts = _etsy_items_facts(frame)
    rows = _etsy_rows(fold_lines(rows, facts["order"]), frame, facts["order"],
                      _col(frame, "shipname"))
    rows["kind"] = facts["paid"].reindex(rows.index).map({True: "purchase", False: "contact"})
    rows["amount"] = facts["total"].reindex(rows.index)
    return rows[[c for c in rows if c not in _EVENT_CONTENT] + list(_ETSY_PURCHASE)]


def _etsy_items_explain(frame: pd.DataFrame) -> str:
    facts = _etsy_items_facts(frame)
    first = facts["first"]
    paid = first & facts["paid"]
    buyers = _col(frame, "buyer")
    return (f"Recognised as an Etsy sold order items export: {counted(len(frame), 'line')} "
            f"grouped into {counted(int(first.sum()), 'order')} (by Order ID), "
            f"{counted(int(paid.sum()), 'paid order')} from "
            f"{counted(buyers[paid].nunique(), 'buyer')} (by Etsy username) counted as "
            f"purchases; {counted(int((first & ~paid).sum()), 'order')} without a Date Paid "
            "kept as contacts, not purchases; importing the Sold Orders export too counts "
            "each order once, with both exports' columns.")


def _etsy_orders_facts(frame: pd.DataFrame) -> dict:
    status = _col(frame, "status").map(lambda v: None if v is None else normalise_value(v))
    said = _order_status_kind(status)
    cancelled = said.eq("cancellation")
    total = _money(frame, "ordertotal")
    adjusted = _money(frame, "adjustedordertotal")
    value = _money(frame, "ordervalue").round(2)
    refunded = (total - adjusted).where(adjusted.notna() & ~cancelled).round(2)
    refunded = refunded.where(refunded > 0)
    # A refund is counted on the sale's basis, Order Value (the items, without shipping
    # and tax): a whole order refunded gives back its value; a part, what went back, never
    # more than the value (the refund of the shipping and tax is no sale's).
    full = (said.eq("refund") & refunded.isna()) | (refunded >= total)
    refunded = refunded.where(~full, value.where(value.notna(), total))
    refunded = refunded.where(refunded.isna() | value.isna() | (refunded <= value), value)
    return {"order": _col(frame, "orderid"), "cancelled": cancelled,
            "paid": ~cancelled & ~said.eq("contact"),
            "value": value, "refund": refunded.notna(),
            "refund_amount": refunded, "partial": refunded.notna() & ~full}


def _etsy_orders_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Each order is a purchase of its buyer (valued at Order Value, as the items export
    sums it) unless cancelled (a cancellation, no purchase) or pending; an Adjusted Order
    Total below the Order Total is a refund beside the purchase, on the same basis: of
    the whole Order Value when nothing is left (0), else of the difference, never more
    than the Order Value."""
    facts = _etsy_orders_facts(frame)
    person = _col(frame, "fullname")
    rows = _etsy_rows(rows, frame, facts["order"], person)
    kind = facts["paid"].map({True: "purchase", False: "contact"}).mask(
        facts["cancelled"], "cancellation")
    rows["kind"] = kind.reindex(rows.index)
    rows["amount"] = facts["value"].reindex(rows.index).where(
        rows["kind"].eq("purchase"), None)
    rows = rows[[c for c in rows if c not in _EVENT_CONTENT] + list(_ETSY_PURCHASE)]
    refunds = _with(rows, facts["refund"] & facts["paid"], kind="refund",
                    amount=facts["refund_amount"])
    return _stack(rows, refunds)


def _etsy_orders_explain(frame: pd.DataFrame) -> str:
    facts = _etsy_orders_facts(frame)
    paid = facts["paid"]
    refunds = facts["refund"] & paid
    partial = int((refunds & facts["partial"]).sum())
    return (f"Recognised as an Etsy sold orders export: {counted(len(frame), 'order')}, "
            f"{counted(int(paid.sum()), 'paid order')} from "
            f"{counted(_col(frame, 'buyer')[paid].nunique(), 'buyer')} (by Etsy username) "
            f"counted as purchases; {counted(int(facts['cancelled'].sum()), 'cancelled order')}"
            f" kept as cancellations, not purchases; {counted(int(refunds.sum()), 'refund')} "
            f"({partial:,} partial: Adjusted Order Total below Order Total); importing the "
            "Sold Order Items export too counts each order once, with both exports' columns.")


# --- PayPal activity download ------------------------------------------------------------------

_PAYPAL_BACK = r"refund|reversal|chargeback"
_PAYPAL_NOT_SALES = r"fee|withdrawal|conversion|transfer|hold|deposit|authori[sz]ation"


def _paypal_facts(frame: pd.DataFrame) -> dict:
    """What each line of the account's activity is. A payment received (a Type naming a
    payment, a positive Gross) is a sale to its payer (From Email Address), a purchase once
    Completed (Denied, Pending: a contact). A refund, reversal or chargeback sends money
    back to the customer (To Email Address). Everything else (withdrawals, currency
    conversions, fees, holds, and payments the account sent) is the merchant's own
    money, not a customer's event: left out."""
    kind_said = _col(frame, "type").str.casefold().fillna("")
    status = _col(frame, "status").str.casefold().fillna("")
    gross = _money(frame, "gross")
    back = kind_said.str.contains(_PAYPAL_BACK) & ~kind_said.str.contains("fee") & (gross < 0)
    received = (kind_said.str.contains("payment") & ~kind_said.str.contains(_PAYPAL_BACK)
                & ~kind_said.str.contains(_PAYPAL_NOT_SALES) & (gross > 0))
    done = status.isin(["completed", "cleared", "success"])
    payer = _col(frame, "fromemailaddress").str.casefold()
    payee = _col(frame, "toemailaddress").str.casefold()
    return {"received": received, "paid": received & done, "back": back & done,
            "client": payer.where(received, payee.where(back)),
            "dropped": ~received & ~(back & done), "gross": gross.abs()}


def _paypal_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _paypal_facts(frame)
    rows = rows[~facts["dropped"].reindex(rows.index, fill_value=True)].copy()
    rows["client_id"] = rows["email"] = _none(facts["client"]).reindex(rows.index)
    rows = _keyed_by_id(rows)
    kind = facts["paid"].map({True: "purchase", False: "contact"}).mask(facts["back"], "refund")
    rows["kind"] = kind.reindex(rows.index)
    rows["amount"] = facts["gross"].reindex(rows.index)
    when = (_col(frame, "date").fillna("") + " " + _col(frame, "time").fillna("")).str.strip()
    when = values.parse_dates(when.where(when != "", None), day_first=False)[0]
    rows["date"] = when.reindex(rows.index).where(
        when.reindex(rows.index).notna(), rows["date"] if "date" in rows else None)
    # A refund belongs to the payment it refunds (Reference Txn ID).
    reference = _col(frame, "referencetxnid").reindex(rows.index)
    back = rows["kind"].eq("refund")
    rows.loc[back, "order_id"] = reference[back].where(reference[back].notna(),
                                                       rows.loc[back, "order_id"]
                                                       if "order_id" in rows else None)
    return rows


def _paypal_explain(frame: pd.DataFrame) -> str:
    facts = _paypal_facts(frame)
    paid, received = facts["paid"], facts["received"]
    return (f"Recognised as a PayPal activity download: "
            f"{counted(int(paid.sum()), 'payment')} received from "
            f"{counted(facts['client'][paid].nunique(), 'customer')} (by the payer's e-mail, "
            f"case ignored) counted as purchases; "
            f"{counted(int((received & ~paid).sum()), 'payment')} denied or pending kept as "
            f"contacts; {counted(int(facts['back'].sum()), 'refund')} to customers (by the "
            f"recipient's e-mail); {counted(int(facts['dropped'].sum()), 'line')} of the "
            "account's own money (withdrawals, currency conversions, fees, payments sent) "
            "left out.")


# --- a bank account's statement in one signed column: Revolut (Business and personal) -------

# The types of a Revolut line (normalised) that move the owner's own money: a top-up, a
# currency exchange, a fee, interest, cashback, a merchant's refund of the owner's card
# payment, cash from a machine. Money coming in by any other type (a transfer) is a client's,
# and so is a personal account's top-up its description says came from someone ("TOPUP":
# "Payment from John Doe", a bank transfer in; never "Top-Up by *4421", the owner's card).
_OWN_MONEY_TYPES = {"topup", "exchange", "fee", "interest", "cashback", "refund", "cardrefund",
                    "atm", "tax", "charge", "reward", "transferbetweenaccounts"}
# The states of a Revolut line: a sheet whose "State" holds anything else (a US job's "TX")
# is no Revolut statement.
_REVOLUT_STATES = {"completed", "pending", "reverted", "declined", "failed"}
# Who sent a transfer, as its description says it ("Money from BERG BAKERY LTD").
_SENT_FROM = re.compile(r"\bfrom\s+(.+?)\s*$", re.IGNORECASE)


def _sender(description: object) -> str | None:
    """Who sent money in, by the line's description: what follows "from" (in capitals,
    read as a person writes names: "BERG BAKERY LTD" is "Berg Bakery Ltd"), else a payer
    named as a bank statement's lines name one (``payer_in_details``)."""
    if not isinstance(description, str):
        return None
    if found := _SENT_FROM.search(description):
        sender = found.group(1)
        return sender.title() if not re.search(r"[a-z]", sender) else sender
    return payer_in_details(description)


def _revolut_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """Revolut's statement, by its values: every State a Revolut line's (COMPLETED,
    PENDING, REVERTED...), not a US state ("TX") of a job list with a "Started Date"."""
    if frame is None:
        return True
    states = _col(frame, "state").dropna().str.strip().str.casefold()
    return bool(len(states)) and states.isin(_REVOLUT_STATES).all()


def _revolut_facts(frame: pd.DataFrame) -> dict:
    """What each line of the statement is. Money coming in (an amount above 0) by a
    transfer is a client's payment, from whom the description names: a purchase once
    COMPLETED, a contact while PENDING, REVERTED or DECLINED (money that never arrived).
    Everything else (card payments and transfers out, fees, top-ups, exchanges, a
    merchant's refund of the owner's own spending) is the business's own money: left out,
    as is money in that names no one."""
    kind_said = _col(frame, "type").map(normalise_value, na_action="ignore").fillna("")
    state = _col(frame, "state").str.casefold().fillna("")
    amount = _money(frame, "amount")
    sender = _col(frame, "description").map(_sender, na_action="ignore")
    sent_in = kind_said.eq("topup") & _col(frame, "description").map(
        lambda said: isinstance(said, str) and bool(_SENT_FROM.search(said)))
    came_in = amount.gt(0) & (~kind_said.isin(_OWN_MONEY_TYPES) | sent_in)
    received = came_in & sender.notna()
    when = _dates(frame, "datecompletedutc", "completeddate")
    when = when.where(when.notna(), _dates(frame, "datestartedutc", "starteddate"))
    return {"received": received, "paid": received & state.eq("completed"),
            "unnamed": came_in & sender.isna(), "sender": sender, "amount": amount,
            "date": when}


def _revolut_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _revolut_facts(frame)
    rows = rows[facts["received"].reindex(rows.index, fill_value=False)].copy()
    rows["name"] = _none(facts["sender"]).reindex(rows.index)
    rows["kind"] = facts["paid"].map({True: "purchase", False: "contact"}).reindex(rows.index)
    rows["amount"] = facts["amount"].reindex(rows.index)
    rows["date"] = facts["date"].reindex(rows.index)
    return rows


def _revolut_explain(frame: pd.DataFrame) -> str:
    facts = _revolut_facts(frame)
    paid, received, unnamed = facts["paid"], facts["received"], facts["unnamed"]
    own = len(frame) - int(received.sum()) - int(unnamed.sum())
    return (f"Recognised as a Revolut statement: {counted(int(paid.sum()), 'payment')} "
            f"received ({values.amount_text(float(facts['amount'][paid].sum()))}) from "
            f"{counted(facts['sender'][paid].nunique(), 'client')} (who sent each, by its "
            f"description) counted as purchases"
            + (f"; {counted(waiting, 'payment')} pending, reverted or declined kept as "
               + ("a contact" if waiting == 1 else "contacts")
               if (waiting := int((received & ~paid).sum())) else "")
            + (f"; {counted(int(unnamed.sum()), 'payment')} in naming no one left out"
               if unnamed.any() else "")
            + (f"; {counted(own, 'line')} of the business's own money (card payments and "
               "transfers out, fees, top-ups, exchanges) left out" if own else "") + ".")


# --- a payment processor's lifecycle report: Adyen's payment accounting report ----------

# Each payment is on several rows, one per step ("Record Type"): received, authorised,
# sent for settlement, settled; refused, cancelled or expired; refunded, charged back.
_TAKEN_STEPS = {"sentforsettle", "settled", "settledbulk", "settledexternally", "capture",
                "captured"}
_BACK_STEPS = {"refunded", "refundedbulk", "refundedexternally", "chargeback",
               "secondchargeback", "sentforrefund"}
_FAILED_STEPS = {"refused", "cancelled", "canceled", "expired", "error", "authorisationfailed"}


def _lifecycle_facts(frame: pd.DataFrame) -> dict:
    """One event per payment (its Psp Reference) of the steps its rows record: a payment
    sent for settlement or settled is a purchase, dated when it was received; a refund or
    a chargeback is a refund of it (one per reference, SentForRefund only where nothing
    later says refunded); a payment refused, cancelled or expired, or only authorised so
    far, is a contact. Its other steps' rows are left out. The client is the shopper (by
    e-mail, case ignored, else the shopper's reference)."""
    step = _col(frame, "recordtype").str.casefold().str.replace(r"[^a-z]", "", regex=True)
    psp = _col(frame, "pspreference")
    psp = psp.where(psp.notna(), pd.Series(frame.index.astype(str), index=frame.index))
    when = values.parse_dates(_col(frame, "bookingdate", "creationdate"), day_first=False)[0]
    taken = step.isin(_TAKEN_STEPS)
    back = step.isin(_BACK_STEPS)
    back &= ~(step.eq("sentforrefund")
              & (back & step.ne("sentforrefund")).groupby(psp).transform("any"))
    sold_ref = taken.groupby(psp).transform("any")
    back_ref = back.groupby(psp).transform("any")
    failed = step.isin(_FAILED_STEPS) & ~sold_ref & ~back_ref
    waiting = ~sold_ref & ~back_ref & ~failed.groupby(psp).transform("any")

    def once(mask: pd.Series) -> pd.Series:     # a payment's first row of these steps
        return mask & ~psp.where(mask).duplicated()
    client = _col(frame, "shopperemail").str.casefold()
    client = client.where(client.notna(), _col(frame, "shopperreference"))
    return {"purchase": once(taken), "refund": once(back),
            "contact": once(failed) | (waiting & ~psp.duplicated(keep="last")),
            "received": when.groupby(psp).transform("first"), "when": when, "client": client,
            "amount": _money(frame, "mainamount", "capturedpc", "authorisedpc").abs()}


def _lifecycle_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _lifecycle_facts(frame)
    kept = (facts["purchase"] | facts["refund"] | facts["contact"]).reindex(
        rows.index, fill_value=False)
    rows = rows[kept].copy()
    kind = pd.Series("contact", index=frame.index).mask(facts["purchase"], "purchase").mask(
        facts["refund"], "refund")
    rows["kind"] = kind.reindex(rows.index)
    rows["client_id"] = rows["email"] = _none(facts["client"]).reindex(rows.index)
    rows = _keyed_by_id(rows)
    rows["amount"] = facts["amount"].reindex(rows.index)
    # (a sale or a refused payment is dated when it was received; a refund when made)
    date = facts["received"].where(~facts["refund"], facts["when"]).reindex(rows.index)
    rows["date"] = date.where(date.notna(), rows["date"] if "date" in rows else None)
    return rows


def _lifecycle_explain(frame: pd.DataFrame) -> str:
    facts = _lifecycle_facts(frame)
    paid = facts["purchase"]
    return (f"Recognised as a payment accounting report (Adyen's), each payment on several "
            f"rows, one per step: {counted(int(paid.sum()), 'payment')} sent for settlement "
            f"or settled, from {counted(facts['client'][paid].nunique(), 'shopper')} (by "
            f"e-mail, case ignored, else the shopper's reference), counted as purchases; "
            f"{counted(int(facts['refund'].sum()), 'refund')} or chargebacks; "
            f"{counted(int(facts['contact'].sum()), 'payment')} refused, cancelled or only "
            f"authorised kept as contacts; the other {counted(int(len(frame) - paid.sum() - facts['refund'].sum() - facts['contact'].sum()), 'row')} "
            "(the same payments' earlier steps) left out.")


# --- Calendly scheduled events ------------------------------------------------------------------

_PAID_WORDS = {"paid", "succeeded", "completed", "captured", "yes", "true"}


def _calendly_facts(frame: pd.DataFrame) -> dict:
    """Each row is a booking of its invitee (by e-mail, case ignored). A canceled one is a
    cancellation; one that happened a contact at consideration (a booked call), a purchase
    only where a payment column says it was paid (an Event Price alone says what it would
    cost, not that it was paid). Calendly's own test bookings are left out."""
    email = _col(frame, "inviteeemail").str.casefold()
    test = email.fillna("").str.contains(_TEST_EMAIL, regex=True)
    cancelled = _col(frame, "canceled", "cancelled").str.casefold().isin(_YES)
    said = _col(frame, "paymentstatus", "paid", "paymentstate").str.casefold()
    paid = said.isin(_PAID_WORDS) | (_money(frame, "amountpaid", "paymentamount").fillna(0) > 0)
    no_show = _col(frame, "markedasnoshow").str.casefold().isin(_YES)
    return {"email": email, "test": test, "cancelled": ~test & cancelled,
            "paid": ~test & ~cancelled & paid, "no_show": ~test & ~cancelled & no_show,
            "met": ~test & ~cancelled & ~paid}


def _calendly_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _calendly_facts(frame)
    rows = rows[~facts["test"].reindex(rows.index, fill_value=True)].copy()
    rows["client_id"] = rows["email"] = _none(facts["email"]).reindex(rows.index)
    rows = _keyed_by_id(rows)
    kind = pd.Series("contact", index=frame.index, dtype=object)
    kind = kind.mask(facts["paid"], "purchase").mask(facts["cancelled"], "cancellation")
    rows["kind"] = kind.reindex(rows.index)
    rows["stage"] = pd.Series(None, index=frame.index, dtype=object).mask(
        facts["met"], "consideration").reindex(rows.index)
    rows["status"] = pd.Series(None, index=frame.index, dtype=object).mask(
        facts["no_show"], "no show").reindex(rows.index)
    amount = _money(frame, "amountpaid", "paymentamount", "eventprice")
    rows["amount"] = amount.where(facts["paid"]).reindex(rows.index)
    return rows


def _calendly_explain(frame: pd.DataFrame) -> str:
    facts = _calendly_facts(frame)
    booked = ~facts["test"]
    return (f"Recognised as a Calendly events export: {counted(int(booked.sum()), 'booking')} "
            f"of {counted(facts['email'][booked].nunique(), 'invitee')} (by e-mail, case "
            f"ignored); {counted(int(facts['met'].sum()), 'booking')} not canceled kept as "
            f"contacts at consideration (booked calls; "
            f"{counted(int(facts['no_show'].sum()), 'no-show')}), "
            f"{counted(int(facts['paid'].sum()), 'paid booking')} counted as purchases (an Event "
            "Price alone is no payment), "
            f"{counted(int(facts['cancelled'].sum()), 'canceled booking')} as cancellations"
            + (f"; {counted(int(facts['test'].sum()), 'test booking')} left out"
               if facts["test"].any() else "") + ".")


# --- bookings: Acuity Scheduling, Square Appointments, SimplyBook.me ------------------------

@dataclass(frozen=True)
class _BookingColumns:
    """Where a booking export says who booked and what happened (normalised headers; every
    one present is read)."""
    email: tuple[str, ...]
    status: tuple[str, ...]               # the booking's own words: its status, its label
    paid: tuple[str, ...] = ()            # a paid yes/no, a payment status
    paid_amount: tuple[str, ...] = ()     # the money paid (online, a deposit)
    price: tuple[str, ...] = ()           # what the booking costs
    cancelled: tuple[str, ...] = ()       # a canceled yes/no (or when) column


_NO = {"0", "0.0", "false", "no", "n", "none"}
_NO_SHOW = {"noshow", "noshowed", "didnotshow", "missed", "absent"}
_DECLINED = {"declined", "rejected", "denied"}


def _each(frame: pd.DataFrame, names: tuple[str, ...]) -> list[pd.Series]:
    """Every column present of these normalised names, as stripped text."""
    present = {normalise_header(h) for h in frame.columns}
    return [_col(frame, name) for name in names if name in present]


def _booking_facts(frame: pd.DataFrame, columns: _BookingColumns) -> dict:
    """What happened to each booking. Cancelled, declined, refunded, a no-show: its status
    or label says so. Paid: a paid column says yes (or paid), money was paid, or (in an
    export with no payment column) its status says completed or paid; a booking of $0 is
    no purchase. A booking neither paid, cancelled nor declined (accepted, approved,
    pending, a no-show) was booked: a contact at consideration, as a booked call is (a
    price alone says what it would cost, not that it was paid)."""
    none = pd.Series(False, index=frame.index)
    words = [s.map(lambda v: None if v is None else normalise_value(v))
             for s in _each(frame, columns.status)]
    said = [_order_status_kind(word) for word in words]
    payments = [s.str.casefold() for s in _each(frame, columns.paid)]
    paying = [_order_status_kind(s) for s in payments]
    cancelled = refunded = no_show = declined = paid_said = none
    for word, kind in zip(words, said):        # ("Canceled by client", "Refunded in full")
        cancelled = cancelled | kind.eq("cancellation") | word.fillna("").str.startswith(
            "cancel")
        refunded = refunded | kind.eq("refund") | word.fillna("").str.startswith("refund")
        no_show = no_show | word.isin(_NO_SHOW)
        declined = declined | word.isin(_DECLINED)
    for s in _each(frame, columns.cancelled):
        cancelled = cancelled | (s.notna() & ~s.str.casefold().isin(_NO))
    for payment, kind in zip(payments, paying):
        refunded = refunded | kind.eq("refund")
        paid_said = paid_said | payment.isin(_PAID_WORDS | _YES) | kind.eq("purchase")
    paid_amount = _money(frame, *columns.paid_amount)
    if not payments and paid_amount.isna().all():     # no payment column: the status says
        for kind in said:
            paid_said = paid_said | kind.eq("purchase")
    price = _money(frame, *columns.price)
    amount = price.where(paid_said & (price > 0), paid_amount.where(paid_amount > 0, price))
    paid = (paid_said | refunded | (paid_amount > 0)) & (amount > 0)
    email = _col(frame, *columns.email).str.casefold()
    cancelled &= ~(paid & refunded)
    return {"email": email.where(email.fillna("").str.contains("@")), "paid": paid,
            "refunded": paid & refunded, "cancelled": cancelled,
            "no_show": no_show & ~cancelled & ~paid,
            "booked": ~cancelled & ~paid & ~declined, "amount": amount}


def _booking_rules(columns: _BookingColumns) -> Rules:
    """Each booking is an event of its client (by e-mail, case ignored, else by name): a
    purchase when paid, with a refund beside it when the money went back (no cancellation
    too: the refund says it), or a cancellation beside it when a cancelled booking's money
    was kept; a cancellation when cancelled unpaid; else a contact, at consideration when
    booked."""
    def rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
        facts = _booking_facts(frame, columns)
        rows = rows.copy()
        rows["client_id"] = rows["email"] = _none(facts["email"]).reindex(rows.index)
        kind = pd.Series("contact", index=frame.index, dtype=object)
        kind = kind.mask(facts["cancelled"], "cancellation").mask(facts["paid"], "purchase")
        rows["kind"] = kind.reindex(rows.index)
        rows["stage"] = pd.Series(None, index=frame.index, dtype=object).mask(
            facts["booked"], "consideration").reindex(rows.index)
        rows["amount"] = facts["amount"].where(facts["paid"]).reindex(rows.index)
        rows["status"] = _col(frame, *columns.status).reindex(rows.index)  # as written
        refunds = _with(rows, facts["refunded"], kind="refund", stage=None)
        kept = _with(rows, facts["cancelled"] & facts["paid"], kind="cancellation",
                     stage=None, amount=None)
        return _stack(rows, refunds, kept)
    return rules


def _booking_explain(label: str, columns: _BookingColumns,
                     paid_how: str) -> Callable[[pd.DataFrame], str]:
    def explain(frame: pd.DataFrame) -> str:
        facts = _booking_facts(frame, columns)
        email = facts["email"]
        named = int(email.isna().sum())
        no_shows = int(facts["no_show"].sum())
        return (f"Recognised as {label}: {counted(len(frame), 'booking')} of "
                f"{counted(email.nunique(), 'client')} by e-mail (case ignored)"
                + (f", {counted(named, 'booking')} without one kept by name" if named else "")
                + f"; {counted(int(facts['paid'].sum()), 'paid booking')} counted as purchases "
                f"({paid_how}), {int(facts['refunded'].sum()):,} of them refunded; "
                f"{counted(int(facts['booked'].sum()), 'booking')} neither paid nor cancelled "
                "kept as contacts at consideration, not purchases (booked"
                + (f"; {counted(no_shows, 'no-show')}" if no_shows else "") + "); "
                f"{counted(int(facts['cancelled'].sum()), 'cancelled booking')} kept as "
                f"{'a cancellation' if facts['cancelled'].sum() == 1 else 'cancellations'}.")
    return explain


_ACUITY = _BookingColumns(
    email=("email",), status=("label", "status", "appointmentstatus"),
    paid=("paid", "paymentstatus"), paid_amount=("amountpaidonline", "amountpaid"),
    price=("appointmentprice", "price"), cancelled=("canceled", "cancelled"))
_SQUARE_APPOINTMENTS = _BookingColumns(
    email=("customeremail", "email", "clientemail"),
    status=("status", "appointmentstatus", "bookingstatus"),
    paid=("paymentstatus", "paid"), paid_amount=("amountpaid", "paidamount"),
    price=("price", "serviceprice", "total", "cost", "servicecost"))   # (Setmore's "Cost")
_SIMPLYBOOK = _BookingColumns(
    email=("clientemail", "email"), status=("bookingstatus", "status"),
    paid=("ispaid", "paymentstatus"), paid_amount=("amountpaid", "paidamount"),
    price=("price", "amount", "total", "cost"))


# --- holiday-rental reservations (Airbnb, Booking.com, Vrbo) --------------------------------

# Columns of a holiday-rental platform's reservations export, normalised: the reservation's
# code, the stay's first and last day, the guest who booked, the money the host earns.
_STAY_CODE = ("confirmationcode", "booknumber", "bookingnumber", "reservationid",
              "reservationnumber", "reservationcode", "bookingid")
_STAY_START = ("startdate", "arrival", "checkin", "checkindate", "arrivaldate")
_STAY_END = ("enddate", "departure", "checkout", "checkoutdate", "departuredate")
_STAY_GUEST = ("guestname", "bookername", "guest", "travelername")
_STAY_BOOKED = ("booked", "bookedon", "bookingdate", "reservationdate", "createdat",
                "created", "datebooked")
_STAY_CANCELLED = ("cancellationdate", "cancelledon", "canceledon", "cancelledat",
                   "canceledat", "datecancelled")
_STAY_MONEY = ("earnings", "price", "payout", "totalpayout", "hostpayout", "total",
               "revenue", "amount")
# A reservation's status that is no stay: cancelled (Airbnb's "Canceled by guest",
# Booking.com's "cancelled_by_guest"), or asked and not taken up (of those, the requests
# turned down or left to expire: never booked, so no cancellation).
_STAY_NOT_TAKEN = re.compile(r"^(?:cancel|declined|expired|withdrawn|denied|rejected|"
                             r"noshow|notaccepted)")
_STAY_TURNED_DOWN = re.compile(r"^(?:declined|expired|withdrawn|denied|rejected|notaccepted)")
_STAY_ASKED = re.compile(r"^(?:inquiry|enquiry|request|pending|awaiting|preapproved|"
                         r"specialoffer)")


def _stays_facts(frame: pd.DataFrame) -> dict:
    """Each reservation's status read: a cancelled or declined one is no stay (a
    cancellation), an inquiry or a request not yet accepted a guest considering (a
    contact), any other (Confirmed, Past guest, Currently hosting, ok) a stay sold, where
    the host earns something from it."""
    status = _col(frame, "status", "reservationstatus", "bookingstatus").map(
        lambda v: None if v is None else normalise_value(v).replace(" ", ""))
    status = status.fillna("")
    money = _money(frame, *_STAY_MONEY)
    turned_down = status.str.match(_STAY_TURNED_DOWN)
    cancelled = status.str.match(_STAY_NOT_TAKEN) & ~turned_down
    asked = status.str.match(_STAY_ASKED) & ~cancelled & ~turned_down
    sold = ~cancelled & ~asked & ~turned_down & money.gt(0)
    return {"cancelled": cancelled, "turned_down": turned_down,
            "asked": asked | (~cancelled & ~turned_down & ~sold), "sold": sold, "money": money}


def _stays_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Each reservation is an event of its guest, dated on the day it was booked (else on
    the stay's first day; a cancellation on the day cancelled, where given): a purchase of what the host earns when stayed or to be stayed, a
    cancellation (no money) when cancelled, else a contact at consideration. A guest who
    stayed twice bought twice: retention."""
    facts = _stays_facts(frame)
    rows = rows.copy()
    kind = pd.Series("contact", index=frame.index, dtype=object).mask(
        facts["cancelled"], "cancellation").mask(facts["sold"], "purchase").mask(
        facts["turned_down"], "lost")
    rows["kind"] = kind.reindex(rows.index)
    rows["amount"] = facts["money"].where(facts["sold"]).reindex(rows.index)
    rows["stage"] = pd.Series(None, index=frame.index, dtype=object).mask(
        facts["asked"] | facts["turned_down"], "consideration").reindex(rows.index)
    settled = values.sheet_day_first(frame)
    start = values.parse_dates(_col(frame, *_STAY_START),
                               day_first=settled[0] if settled else None)[0]
    booked = rows["date"] if "date" in rows else pd.Series(None, index=rows.index,
                                                           dtype=object)
    rows["date"] = booked.where(booked.notna(), start.reindex(rows.index))
    called_off = values.parse_dates(_col(frame, *_STAY_CANCELLED),     # (Booking.com's
                                    day_first=settled[0] if settled else None)[0]  # day)
    off = (facts["cancelled"] & called_off.notna()).reindex(rows.index, fill_value=False)
    rows["date"] = rows["date"].where(~off, called_off.reindex(rows.index))
    rows["status"] = _col(frame, "status", "reservationstatus", "bookingstatus").reindex(
        rows.index)
    return rows


def _stays_explain(frame: pd.DataFrame) -> str:
    facts = _stays_facts(frame)
    guests = _col(frame, *_STAY_GUEST).str.casefold()
    sold, cancelled = int(facts["sold"].sum()), int(facts["cancelled"].sum())
    asked, down = int(facts["asked"].sum()), int(facts["turned_down"].sum())
    return (f"Recognised as a holiday-rental reservations export: "
            f"{counted(len(frame), 'reservation')} of {counted(guests.nunique(), 'guest')} "
            f"(by name), each dated on the day it was booked; {counted(sold, 'stay')} booked "
            f"or stayed counted as {'a purchase' if sold == 1 else 'purchases'} of what you "
            f"earn, {counted(cancelled, 'cancelled reservation')} as "
            f"{'a cancellation' if cancelled == 1 else 'cancellations'} (no money)"
            + (f", {counted(asked, 'request')} not yet taken up or earning nothing as "
               f"{'a contact' if asked == 1 else 'contacts'} at consideration"
               if asked else "")
            + (f", {counted(down, 'request')} declined or left to expire as "
               f"{'a request' if down == 1 else 'requests'} lost (never booked: no "
               "cancellation)" if down else "") + ".")


# Timely (a salon's booking software): its "Customer", "Customer Mobile", "Booking Status"
# (Pencilled-in, Confirmed, Arrived, Completed, No show, Cancelled) and "Booking Value".
_TIMELY = _BookingColumns(
    email=("customeremail", "email"), status=("bookingstatus", "status", "appointmentstatus"),
    paid=("paymentstatus", "paid", "invoicestatus"), paid_amount=("amountpaid", "paidamount"),
    price=("price", "bookingvalue", "servicevalue", "value", "total", "cost"))
# Headers Timely's appointments have and Square's do not.
_TIMELY_OWN = ("customermobile", "bookingstatus", "bookingreference", "bookingvalue",
               "bookingsource")


def _appointment_rules(columns: _BookingColumns) -> Rules:
    """A booking tool's appointments (Square's, Timely's): Date (read in the sheet's order
    of day and month) at Time, then each booking as ``_booking_rules`` reads it."""
    def rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
        if "date" in rows:
            day = rows["date"].astype(object)
            when = (day.fillna("") + " " + _col(frame, "time", "starttime").reindex(
                rows.index).fillna("")).str.strip()
            at = values.parse_dates(when.where(day.notna(), None), day_first=False)[0]
            rows = rows.assign(date=at.where(at.notna(), day))
        return _booking_rules(columns)(rows, frame)
    return rules


# --- Eventbrite attendees -----------------------------------------------------------------

_EVENTBRITE_ORDER = ("order", "ordernumber", "orderid", "orderno")
# Orders Eventbrite collected nothing for (manual and offline ones: paid elsewhere, if at
# all) or not yet.
_FREE_ORDER = r"free|complimentary|\bcomp\b|manual|offline|pending|unpaid|abandoned"
_TICKET_CANCELLED = {"notattending", "deleted", "cancelled", "canceled", "void", "voided"}


def _full_name(frame: pd.DataFrame, first: str, last: str, *whole: str) -> pd.Series:
    """First and last name together ("Ann Lee"), else a whole-name column."""
    both = (_col(frame, first).fillna("") + " " + _col(frame, last).fillna("")).str.strip()
    return _none(both.where(both != "", _col(frame, *whole)) if whole else
                 both.where(both != ""))


def _eventbrite_facts(frame: pd.DataFrame) -> dict:
    """One row per attendee (ticket); the tickets of one Order # are one order, bought by
    its buyer (Buyer Email, else the order's first attendee). A ticket paid for (Total Paid
    above 0 on an order that is not free, complimentary or manual) and still valid
    (Attending, Checked In) or refunded counts in its order's purchase; a refunded one is
    a refund beside it; one Not Attending (deleted, cancelled) is no purchase: a
    cancellation of its order."""
    order = _col(frame, *_EVENTBRITE_ORDER).str.replace(r"\.0$", "", regex=True)
    order = order.where(order.notna(), pd.Series(frame.index, index=frame.index).map(
        lambda i: f"row {i}"))                     # a row without one is its own order
    first = ~order.duplicated()
    email = _col(frame, "email", "attendeeemail").str.casefold()
    email = email.where(email.fillna("").str.contains("@"))
    name = _full_name(frame, "firstname", "lastname", "name", "attendeename")
    buyer_email = _col(frame, "buyeremail", "purchaseremail").str.casefold()
    buyer_email = buyer_email.where(buyer_email.fillna("").str.contains("@"))
    buyer_name = _full_name(frame, "buyerfirstname", "buyerlastname", "buyername")
    by_order = pd.DataFrame({"order": order, "email": email, "name": name,
                             "buyer_email": buyer_email, "buyer_name": buyer_name})
    heads = by_order[first].set_index("order")
    has_buyer = buyer_email.notna().any() or buyer_name.notna().any()
    buyer_email = order.map(heads["buyer_email"] if has_buyer else heads["email"])
    buyer_name = order.map(heads["buyer_name"] if has_buyer else heads["name"])
    status = _col(frame, "attendeestatus").map(
        lambda v: None if v is None else normalise_value(v))
    refunded = _order_status_kind(status).eq("refund")
    cancelled = status.isin(_TICKET_CANCELLED) | _order_status_kind(status).eq(
        "cancellation")
    moved = status.fillna("").str.startswith("transfer")
    free = _col(frame, "ordertype").fillna("").str.contains(_FREE_ORDER, case=False)
    paid = _money(frame, "totalpaid", "grosspaid", "ticketprice").fillna(0)
    ticket_paid = (paid > 0) & ~free & ~cancelled & ~moved
    order_paid = paid.where(ticket_paid, 0).groupby(order).transform("sum")
    order_refund = paid.where(ticket_paid & refunded, 0).groupby(order).transform("sum")
    attendee = email.fillna(name.str.casefold())
    buyer = buyer_email.fillna(buyer_name.str.casefold())
    return {"order": order, "first": first, "buyer_email": buyer_email,
            "buyer_name": buyer_name, "paid": first & (order_paid > 0),
            "amount": order_paid, "refund": first & (order_refund > 0),
            "refund_amount": order_refund,
            "cancelled": first & cancelled.groupby(order).transform("any"),
            "guest": attendee.notna() & (attendee != buyer), "email": email, "name": name,
            "buyer": buyer}


def _eventbrite_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Each order is an event of its buyer: a purchase of its paid tickets (a refund beside
    it for the refunded ones, a cancellation for the cancelled ones), else a cancellation,
    else (a free order) a contact. An attendee who is not the buyer is a contact of their
    own (they came on someone else's ticket: no purchase of theirs)."""
    facts = _eventbrite_facts(frame)
    order = facts["order"].reindex(rows.index)
    rows = rows.copy()
    rows["order_id"] = order.where(~order.str.startswith("row "), None)
    rows["status"] = _col(frame, "attendeestatus").reindex(rows.index)   # as written
    orders = fold_lines(rows, order)
    orders["client_id"] = orders["email"] = facts["buyer_email"].reindex(orders.index)
    orders["name"] = facts["buyer_name"].reindex(orders.index)
    paid = facts["paid"].reindex(orders.index)
    cancelled = facts["cancelled"].reindex(orders.index)
    orders["kind"] = pd.Series("contact", index=orders.index, dtype=object).mask(
        cancelled, "cancellation").mask(paid, "purchase")
    orders["amount"] = facts["amount"].reindex(orders.index).where(paid)
    refunds = _with(orders, facts["refund"], kind="refund", amount=facts["refund_amount"])
    kept = _with(orders, cancelled & paid, kind="cancellation", amount=None)
    guests = rows[facts["guest"].reindex(rows.index, fill_value=False)].copy()
    guests["client_id"] = guests["email"] = facts["email"].reindex(guests.index)
    guests["name"] = facts["name"].reindex(guests.index)
    guests["kind"], guests["amount"], guests["order_id"] = "contact", None, None
    return _stack(orders, refunds, kept, guests)


def _eventbrite_explain(frame: pd.DataFrame) -> str:
    facts = _eventbrite_facts(frame)
    first, paid = facts["first"], facts["paid"]
    free = first & ~paid & ~facts["cancelled"]
    guests = facts["email"].fillna(facts["name"].str.casefold())[facts["guest"]]
    return (f"Recognised as an Eventbrite attendee report: {counted(len(frame), 'attendee')} "
            f"on {counted(int(first.sum()), 'order')}, each order its buyer's (Buyer Email, "
            f"else its first attendee's; case ignored); {counted(int(paid.sum()), 'paid order')}"
            f" from "
            f"{counted(facts['buyer'][paid].nunique(), 'buyer')} counted as purchases "
            f"(Total Paid), {int(facts['refund'].sum()):,} with refunded tickets (a refund "
            f"beside the purchase); {counted(int((first & facts['cancelled']).sum()), 'order')}"
            f" with tickets Not Attending kept as cancellations; "
            f"{counted(int(free.sum()), 'free or complimentary order')} kept as contacts, not "
            f"purchases; {counted(guests.nunique(), 'attendee')} on someone else's order kept "
            "as contacts of their own; 'How did you hear' is the channel, not a referral.")


# --- memberships: Mindbody clients, gym and studio member lists --------------------------------

# A plan's billing period in months, by the words of its name (Substack's "Yearly", a gym's
# "Annual", "Quarterly", "Monthly"), the first that matches.
_PLAN_MONTHS = ((r"year|annual|founding|jahr|anual|annuel|annuale|jaar", 12),
                (r"quarter|trimest|quartal|kwartaal", 3), (r"month|monat|mensual|mensuel|"
                                                           r"mensile|maand", 1))
# A plan that is no running membership but a number of visits bought once (a "10-Class
# Pack", a "5 Class Pass", a drop-in, a punch card).
_VISITS_PLAN = (r"\bpack\b|\d+\s*-?\s*(?:class|session|visit)|punch|drop.?in|\bcredits?\b")


def _plan_months(plan: pd.Series, default: float | None = None) -> pd.Series:
    """Each plan's billing period in months (``_PLAN_MONTHS``), else ``default``."""
    months = pd.Series(None, index=plan.index, dtype=float)
    for pattern, length in _PLAN_MONTHS:
        months = months.where(months.notna() | ~plan.fillna("").str.contains(pattern, case=False),
                              length)
    return months.fillna(default) if default is not None else months


_MEMBER_STATUS = ("membershipstatus", "memberstatus", "contractstatus", "status",
                  "clientstatus")     # (Wodify's)
_MEMBERSHIP = ("membershipname", "membership", "membershiptype", "membershipplan",
               "contractname", "plan", "pass")
_MEMBER_FEE = ("monthlyfee", "membershipfee", "fee", "monthlyprice", "monthlydues", "dues",
               "price")
_MEMBER_NAME = ("member", "membername", "name", "clientname", "fullname", "client")
# What each member has paid so far (PushPress's "Lifetime Value"): the client's revenue.
_MEMBER_REVENUE = ("lifetimevalue", "ltv", "totalspent", "lifetimerevenue", "totalrevenue",
                   "totalpaid")
_MEMBER_VISITS = ("lastvisit", "firstvisit", "totalvisits", "visits", "lastcheckin",
                  "checkins", "totalcheckins", "classesattended", "lastattended",
                  "lastattendance")     # (Zen Planner's, Wodify's)
_REFERRED = ("referredby", "referrer", "referredbyname")
# Headers that say a sheet's people are members (its plain "Status" is then theirs).
_MEMBER_WORDS = {"membershipname", "membership", "membershiptype", "membershipplan",
                 "member", "membername", "memberid", "membersince"}
# A membership that still runs (paused or frozen ones too), one whose payment failed (a
# member still, not yet lost), one that has ended, and a trial.
_MEMBER_LIVE = {"active", "current", "suspended", "suspension", "frozen", "freeze", "paused",
                "onhold", "hold", "activemember", "member"}     # (Zen Planner's "Member")
_MEMBER_UNPAID = {"declined", "pastdue", "overdue", "unpaid", "paymentfailed"}
_MEMBER_ENDED = {"terminated", "cancelled", "canceled", "expired", "inactive", "lapsed",
                 "ended", "former", "formermember", "churned", "left", "deactivated", "closed",
                 "alumni", "alumnus", "alum"}     # (Zen Planner's former members)
_MEMBER_TRIAL = {"trial", "intrial", "trialing", "freetrial"}
# When a membership began (not "Date Created", a client's record, nor a first visit, which
# may be a drop-in before it).
_MEMBER_START = ("membersince", "membershipstart", "membershipstartdate", "startdate",
                 "joined", "joindate", "joinedon", "datejoined")
_MEMBER_LAST_VISIT = ("lastvisit", "lastcheckin", "lastattended", "lastattendance")
_FREE_PLAN = r"\bfree\b|trial|\bintro\b|\bguest\b|\bcomp\b|complimentary|taster"
_REFERRAL_WORDS = r"friend|referr|word of mouth|member"

# The columns of a member list, in the words of Mindbody and of a studio's own sheet.
_MEMBER_MAPPING = {
    "clientid": "client_id", "memberid": "client_id", "email": "email",
    "emailaddress": "email", "firstname": "name", "lastname": "name", "member": "name",
    "membername": "name", "name": "name", "fullname": "name", "clientname": "name",
    "mobilephone": "phone", "phone": "phone", "homephone": "phone",
    "datecreated": "first_contact", "joined": "first_contact", "joindate": "first_contact",
    "joinedon": "first_contact", "membersince": "first_contact", "startdate": "first_contact",
    "lastvisit": "last_contact", "lastcheckin": "last_contact", "homelocation": "region",
    "lastattendance": "last_contact", "client": "name",
    "membershipstart": "first_contact", "membershipstartdate": "first_contact",
    "location": "region", "source": "channel", "leadsource": "channel",
    "howdidyouhearaboutus": "channel",
    **dict.fromkeys(_MEMBER_REVENUE, "revenue_current")}


def _member_check(present: set[str], frame: pd.DataFrame | None) -> bool:
    """A member list: a membership status (or a status beside a membership or member
    column) and a visit or check-in column."""
    status = bool(present & {"membershipstatus", "memberstatus", "contractstatus"}) or (
        bool(present & {"status", "clientstatus"}) and bool(present & _MEMBER_WORDS))
    return status and bool(present & set(_MEMBER_VISITS))


def _member_facts(frame: pd.DataFrame) -> dict:
    """A member whose membership runs (active, suspended, frozen; or its payment failed)
    or ran (terminated, cancelled, expired) on a paid plan is a customer, churned when it
    ended; one on a free plan (a free trial, an intro week, a fee of 0) or a trial status
    trialled: consideration, no customer lost, unless the list says it has paid something
    (``_MEMBER_REVENUE``); one with no membership is a contact.
    Referred By naming another member of the list (by name or e-mail) is that member's
    referral and this one's channel ("Referral"); any other value is the channel. A paid
    member's payments: ``_member_payments``."""
    status = _col(frame, *_MEMBER_STATUS).map(
        lambda v: None if v is None else normalise_value(v))
    plan = _col(frame, *_MEMBERSHIP)
    fee = _money(frame, *_MEMBER_FEE)
    # (what a member has paid so far, more than 0, says the plan was paid for: an intro
    # offer at £30 is a purchase, whatever its name)
    free = (plan.fillna("").str.contains(_FREE_PLAN, case=False) | fee.eq(0)
            | status.isin(_MEMBER_TRIAL)) & ~_money(frame, *_MEMBER_REVENUE).gt(0)
    member = status.isin(_MEMBER_LIVE | _MEMBER_UNPAID | _MEMBER_ENDED | _MEMBER_TRIAL)
    if _each(frame, _MEMBERSHIP):           # a blank membership there: no membership
        member &= plan.notna()
    paid = member & ~free
    keys = _full_name(frame, "firstname", "lastname", *_MEMBER_NAME).map(name_key)
    email = _col(frame, "email", "emailaddress").str.casefold()
    said = _col(frame, *_REFERRED)
    referrer = said.map(name_key)
    referrer = referrer.where(referrer.isin(set(keys.dropna()) | set(email.dropna())))
    made = referrer.value_counts()
    referrals = (keys.map(made).fillna(0) + email.map(made).fillna(0)).where(lambda n: n > 0)
    channel = said.mask(referrer.notna() | said.fillna("").str.contains(
        _REFERRAL_WORDS, case=False), "Referral")
    return {"paid": paid, "payments": _member_payments(frame, plan).where(paid),
            "trial": member & free, "live": paid & status.isin(_MEMBER_LIVE),
            "churned": paid & status.isin(_MEMBER_ENDED), "referrals": referrals,
            "channel": channel, "referred": referrer.notna(), "email": email}


def _member_payments(frame: pd.DataFrame, plan: pd.Series) -> pd.Series:
    """How many times each member has paid: one for each billing period begun from the
    membership's start (``_MEMBER_START``) to the member's last visit, which shows it
    still ran then (Ivy, from 2023-08-01 to a last check-in on 2024-05-30: 10), the period
    the plan's (``_PLAN_MONTHS``: a yearly plan's a year), else a month, as gyms and
    studios bill; one where the list gives no start or no last visit, or the plan is
    visits bought once (``_VISITS_PLAN``: a class pack)."""
    months = _plan_months(plan, default=1).where(
        ~plan.fillna("").str.contains(_VISITS_PLAN, case=False))
    start = pd.to_datetime(_dates(frame, *_MEMBER_START), errors="coerce")
    end = pd.to_datetime(_dates(frame, *_MEMBER_LAST_VISIT), errors="coerce")
    run = ((end.dt.year - start.dt.year) * 12 + end.dt.month - start.dt.month
           - (end.dt.day < start.dt.day))
    return (run // months + 1).where(run.ge(0)).fillna(1)


def _member_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """A paying member bought, once for each period its membership has run
    (``_member_payments``); its status is active or churned (dated by the last visit); a
    trial is at consideration."""
    facts = _member_facts(frame)
    rows = rows.copy()
    email = _none(facts["email"]).reindex(rows.index)
    rows["email"] = email
    rows["client_id"] = (rows["client_id"] if "client_id" in rows else email).where(
        lambda ids: ids.notna(), email)
    rows["purchases"] = facts["payments"].reindex(rows.index)
    rows["stage"] = rows["stage_raw"] = facts["trial"].map(
        {True: "consideration", False: None}).reindex(rows.index)
    rows["status"] = pd.Series(None, index=frame.index, dtype=object).mask(
        facts["live"], "active").mask(facts["churned"], "churned").reindex(rows.index)
    rows["referrals"] = facts["referrals"].reindex(rows.index)
    channel = facts["channel"].reindex(rows.index)
    rows["channel"] = channel.where(channel.notna(), rows["channel"] if "channel" in rows
                                    else None)
    if "first_contact" not in rows or rows["first_contact"].isna().any():
        visit = _dates(frame, "firstvisit").reindex(rows.index)
        known = rows["first_contact"] if "first_contact" in rows else visit
        rows["first_contact"] = known.where(known.notna(), visit)
    return rows


def _member_revenue_said(frame: pd.DataFrame) -> str:
    """Where the list's revenue is: a column of what each member paid, or nowhere."""
    by_normal = {normalise_header(h): h for h in frame.columns}
    header = next((by_normal[n] for n in _MEMBER_REVENUE if n in by_normal), None)
    if header is None or _money(frame, normalise_header(header)).isna().all():
        return "revenue is not in the list (fees kept as extra columns)"
    return f"'{header}' is what each member has paid so far: read as their revenue"


def _member_explain(label: str) -> Callable[[pd.DataFrame], str]:
    def explain(frame: pd.DataFrame) -> str:
        facts = _member_facts(frame)
        paid = facts["paid"]
        unpaid = int((paid & ~facts["live"] & ~facts["churned"]).sum())
        repeat = int(facts["payments"].gt(1).sum())
        return (f"Recognised as {label}: {counted(len(frame), 'client')}; "
                f"{counted(int(paid.sum()), 'member')} on a paid membership counted as "
                + (f"customers (one purchase for each month a membership has run, or each "
                   "year or quarter of a plan named so, from its start to the member's last "
                   f"visit: {counted(repeat, 'member')} paid more than once, repeat "
                   "customers), "
                   if repeat else
                   "customers (one purchase each: the list has no payment dates), ")
                + f"{int(facts['churned'].sum()):,} of them churned (terminated, cancelled or "
                f"expired, dated by their last visit), "
                f"{int(facts['live'].sum()):,} still members (active, suspended or frozen)"
                + (f" and {unpaid:,} whose payment failed (declined, past due: not counted as "
                   "churned)" if unpaid else "") + "; "
                f"{counted(int(facts['trial'].sum()), 'member')} on a free trial or intro "
                "offer kept at consideration (no purchase, no customer lost); "
                f"{counted(int((~paid & ~facts['trial']).sum()), 'client')} without a "
                f"membership kept as contacts; {counted(int(facts['referred'].sum()), 'client')}"
                " referred by another member: that member's referral (advocacy), their "
                "channel Referral; " + _member_revenue_said(frame) + ".")
    return explain


# --- Patreon members ------------------------------------------------------------------------

_PATRON_LIVE = {"activepatron", "active"}
_PATRON_FORMER = {"formerpatron", "former", "deletedpatron", "cancelled", "canceled"}


def _patreon_facts(frame: pd.DataFrame) -> dict:
    """A member who has paid (Lifetime Amount above 0) is a customer: an active patron
    still, a former one churned (dated by the last charge), a declined one (the last
    charge failed) neither. Charges: Lifetime Amount ÷ Pledge Amount, rounded (at least
    one); a refunded last charge is a refund. A free member or follower is a contact; an
    active patron not yet charged (a free trial) is at consideration."""
    status = _col(frame, "patronstatus", "status").map(
        lambda v: None if v is None else normalise_value(v))
    lifetime = _money(frame, "lifetimeamount", "lifetime")
    pledge = _money(frame, "pledgeamount", "pledge", "currentpledge")
    paid = lifetime > 0
    charges = (lifetime / pledge.where(pledge > 0)).round().clip(lower=1).fillna(1)
    email = _col(frame, "email").str.casefold()
    return {"paid": paid, "charges": charges.where(paid), "lifetime": lifetime,
            "live": paid & status.isin(_PATRON_LIVE),
            "churned": paid & status.isin(_PATRON_FORMER),
            "declined": paid & status.eq("declinedpatron"),
            "trial": ~paid & status.isin(_PATRON_LIVE),
            "refunded": paid & _col(frame, "lastchargestatus").str.casefold().eq("refunded"),
            "email": email.where(email.fillna("").str.contains("@"))}


def _patreon_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _patreon_facts(frame)
    rows = rows.copy()
    email = _none(facts["email"]).reindex(rows.index)
    rows["email"] = email
    rows["client_id"] = email.where(email.notna(), rows.get("client_id"))
    rows["purchases"] = facts["charges"].reindex(rows.index)
    rows["revenue_current"] = facts["lifetime"].reindex(rows.index)
    rows["refunds"] = facts["refunded"].map({True: 1.0, False: None}).reindex(rows.index)
    rows["stage"] = rows["stage_raw"] = facts["trial"].map(
        {True: "consideration", False: None}).reindex(rows.index)
    rows["status"] = pd.Series(None, index=frame.index, dtype=object).mask(
        facts["live"], "active").mask(facts["churned"], "churned").reindex(rows.index)
    rows["first_contact"] = _dates(frame, "patronagesincedate", "patronsince"
                                   ).reindex(rows.index)
    rows["last_contact"] = _dates(frame, "lastchargedate").reindex(rows.index)
    return rows


def _patreon_explain(frame: pd.DataFrame) -> str:
    facts = _patreon_facts(frame)
    paid = facts["paid"]
    repeat = int((facts["charges"] >= 2).sum())
    return (f"Recognised as a Patreon members export: {counted(len(frame), 'member')} by "
            f"e-mail (case ignored); {counted(int(paid.sum()), 'patron')} who paid (Lifetime "
            f"Amount) counted as customers, {repeat:,} charged more than once (Lifetime "
            f"Amount ÷ Pledge Amount), {int(facts['live'].sum()):,} active, "
            f"{int(facts['churned'].sum()):,} former patrons churned (dated by their last "
            f"charge), {int(facts['declined'].sum()):,} declined (last charge failed: not "
            f"counted as churned), {counted(int(facts['refunded'].sum()), 'refund')}; "
            f"{counted(int(facts['trial'].sum()), 'patron')} not yet charged (a free trial) "
            f"kept at consideration; {counted(int((~paid & ~facts['trial']).sum()), 'member')}"
            " free or former without a payment kept as contacts; Lifetime Amount is each "
            "patron's revenue.")


# --- Substack subscribers -------------------------------------------------------------------

def _substack_facts(frame: pd.DataFrame) -> dict:
    """A subscriber with a first payment paid: a customer, churned when the subscription
    is no longer active (dated by its expiry); the payments are the plan's periods from
    the first payment to the expiry (a yearly plan paid from 2023-01-10 to 2025-01-10:
    two). A free subscriber, or a comp or gift one never paid, is a contact."""
    plan = _col(frame, "plan", "subscriptiontype", "subscriptioninterval").fillna("")
    months = _plan_months(plan)
    first = pd.to_datetime(_dates(frame, "firstpaymentat"), errors="coerce")
    expiry_text = _dates(frame, "expiry", "expiresat")
    expiry = pd.to_datetime(expiry_text, errors="coerce")
    span = (expiry.dt.year - first.dt.year) * 12 + expiry.dt.month - first.dt.month
    paid = first.notna()
    payments = (span / months).round().clip(lower=1).fillna(1).where(paid)
    active = _col(frame, "activesubscription").str.casefold().isin(_YES)
    email = _col(frame, "email").str.casefold()
    comp = ~paid & plan.str.contains(r"comp|gift", case=False)
    return {"paid": paid, "payments": payments, "live": paid & active,
            "churned": paid & ~active, "ended": expiry_text, "comp": comp,
            "trial": ~paid & ~comp & active & months.notna(),
            "email": email.where(email.fillna("").str.contains("@"))}


def _substack_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _substack_facts(frame)
    rows = rows.copy()
    rows["client_id"] = rows["email"] = _none(facts["email"]).reindex(rows.index)
    rows["purchases"] = facts["payments"].reindex(rows.index)
    rows["stage"] = rows["stage_raw"] = facts["trial"].map(
        {True: "consideration", False: None}).reindex(rows.index)
    rows["status"] = pd.Series(None, index=frame.index, dtype=object).mask(
        facts["live"], "active").mask(facts["churned"], "churned").reindex(rows.index)
    rows["last_contact"] = facts["ended"].where(facts["churned"]).reindex(rows.index)
    return rows


def _substack_explain(frame: pd.DataFrame) -> str:
    facts = _substack_facts(frame)
    paid = facts["paid"]
    return (f"Recognised as a Substack subscribers export: {counted(len(frame), 'subscriber')}"
            f" by e-mail (case ignored); {counted(int(paid.sum()), 'paid subscriber')} (a "
            f"first payment) counted as customers, "
            f"{int((facts['payments'] >= 2).sum()):,} paid more than once (the plan's periods "
            f"from the first payment to the expiry), {int(facts['churned'].sum()):,} no longer "
            f"active churned (dated by the expiry); "
            f"{counted(int(facts['trial'].sum()), 'subscriber')} on a paid plan's free trial "
            f"kept at consideration; "
            f"{counted(int((~paid & ~facts['trial']).sum()), 'free subscriber')} (comp and "
            f"gift ones too: {int(facts['comp'].sum()):,}) kept as contacts; the export has "
            "no amounts, so revenue stays unknown.")


# --- order lists by status: Squarespace, Wix, BigCommerce, Amazon, eBay ---------------------

def _order_facts(order: pd.Series, said: pd.Series, amount: pd.Series, *,
                 client: pd.Series | None = None, refund_amount: pd.Series | None = None,
                 cancelled: pd.Series | None = None, unknown: str = "purchase") -> dict:
    """An order list's facts, order by order (an order's other lines take its first
    line's): the kind its status says (``said``), a refunded order being a purchase with
    a refund beside it (of the refunded amount, its lines' read as ``order_refunds`` does,
    else of the whole order when it was fully refunded), and a cancelled one a
    cancellation, or, when it had been paid, a purchase with a cancellation beside it. A
    status no one knows makes the order ``unknown``."""
    first = order.notna() & ~order.duplicated()

    def level(series: pd.Series) -> pd.Series:
        return series.groupby(order).transform("first").where(order.notna())

    said, amount = level(said), level(amount)
    refunded = (level(order_refunds(refund_amount.abs(), order).amount).fillna(0)
                if refund_amount is not None else pd.Series(0.0, index=order.index))
    kind = said.fillna(unknown).replace({"refund": "purchase"})
    stopped = (level(cancelled.astype(object)).fillna(False).astype(bool)
               if cancelled is not None else pd.Series(False, index=order.index))
    kind = kind.mask(stopped & (kind != "purchase"), "cancellation")
    refund = first & kind.eq("purchase") & (said.eq("refund") | (refunded > 0))
    return {"order": order, "first": first, "kind": kind, "amount": amount,
            "client": None if client is None else _none(level(client)),
            "refund": refund, "refund_amount": refunded.where(refunded > 0),
            "cancelled_paid": first & stopped & kind.eq("purchase"),
            "unknown": first & said.isna()}


def _order_rows(rows: pd.DataFrame, facts: dict, by_email: bool = False) -> pd.DataFrame:
    """Each order one event of its kind (its other lines in its extras), with a refund
    and a cancellation beside it where it had them. Rows of no order (a report's footer)
    are left out."""
    order = facts["order"]
    rows = rows[order.reindex(rows.index).notna()].copy()
    rows["order_id"] = order.reindex(rows.index)
    if facts["client"] is not None:
        rows["client_id"] = facts["client"].reindex(rows.index)
        if by_email:
            rows["email"] = rows["client_id"]
        rows = _keyed_by_id(rows)
    rows["kind"] = facts["kind"].reindex(rows.index)
    rows["amount"] = facts["amount"].reindex(rows.index)
    orders = fold_lines(rows, order.reindex(rows.index))
    refunds = _with(orders, facts["refund"], kind="refund", amount=facts["refund_amount"])
    cancelled = _with(orders, facts["cancelled_paid"], kind="cancellation", amount=None)
    return _stack(orders, refunds, cancelled)


def _orders_explain(label: str, facts: dict, lines: int, by: str | None,
                    skipped: int = 0) -> str:
    """The sentence of an order list: orders, paid ones and their buyers, refunds,
    cancellations, unpaid ones, orders without a buyer and statuses no one knows."""
    first = facts["first"]
    kind = facts["kind"][first]
    paid = first & facts["kind"].eq("purchase")
    buyers = (f"from {counted(facts['client'][paid].nunique(), 'customer')} matched by {by}"
              if by else "(the export names no buyer, so every order is kept without a "
              "client: orders count as events, in purchases and revenue, not as clients)")
    missing = int(facts["client"][first].isna().sum()) if by else 0
    unknown = int((facts["unknown"] & paid).sum())
    return (f"Recognised as {label}: {counted(int(first.sum()), 'order')}"
            + (f" (from {counted(lines, 'line')})" if lines > int(first.sum()) else "")
            + f"; {counted(int(paid.sum()), 'paid order')} counted as purchases {buyers}; "
            f"{int(facts['refund'].sum()):,} refunded (a refund beside the purchase); "
            f"{counted(int((kind == 'cancellation').sum()), 'cancelled order')} kept as "
            "cancellations, not purchases"
            + (f", {int(facts['cancelled_paid'].sum()):,} paid then cancelled"
               if facts["cancelled_paid"].any() else "")
            + f"; {counted(int((kind == 'contact').sum()), 'unpaid order')} kept as contacts, "
            "not purchases"
            + (f"; {counted(missing, 'order')} without a customer kept without a client"
               if missing else "")
            + (f"; {counted(unknown, 'order')} with a status Journey does not know counted "
               "as purchases" if unknown else "")
            + (f"; {counted(skipped, 'row')} of no order number (a footer) left out"
               if skipped else "") + ".")


def _squarespace_facts(frame: pd.DataFrame) -> dict:
    """Squarespace Commerce: one row per line item, by Order ID; the buyer by e-mail; the
    Financial Status says paid, pending, refunded or partly refunded; Fulfillment Status
    CANCELED (or a Cancelled at date) cancels the order."""
    cancelled = (_col(frame, "fulfillmentstatus").str.casefold().isin(["canceled", "cancelled"])
                 | _col(frame, "cancelledat", "canceledat").notna())
    return _order_facts(_col(frame, "orderid").str.lstrip("#"),
                        _order_status_kind(_col(frame, "financialstatus")),
                        _money(frame, "total"), client=_col(frame, "email").str.casefold(),
                        refund_amount=_money(frame, "refundedamount"), cancelled=cancelled)


def _wix_facts(frame: pd.DataFrame) -> dict:
    """Wix Stores: one row per item, by Order number, each row carrying the order's Total;
    the buyer by Contact email, else the billing customer's name; Payment status Paid, Not
    paid, Refunded or Partially refunded (whose amount the export does not give);
    Fulfillment status Canceled cancels the order."""
    status = _col(frame, "paymentstatus")
    total = _money(frame, "total")
    full = status.map(lambda v: normalise_value(v) == "refunded" if v else False)
    client = _col(frame, "contactemail", "buyeremail").str.casefold()
    return _order_facts(_col(frame, "ordernumber").str.lstrip("#"),
                        _order_status_kind(status), total,
                        client=client.fillna(_col(frame, "billingcustomer", "buyername")),
                        refund_amount=_money(frame, "refundedamount", "refundamount")
                        .fillna(total.where(full)),
                        cancelled=_col(frame, "fulfillmentstatus").str.casefold()
                        .isin(["canceled", "cancelled"]))


def _bigcommerce_facts(frame: pd.DataFrame) -> dict:
    """BigCommerce: one row per order; the customer by e-mail, else Customer ID (0 is a
    guest), else name; Order Status: Completed, Shipped and Awaiting Fulfillment/Shipment/
    Pickup were paid; Awaiting Payment, Pending, Declined and Manual Verification Required
    were not; Refunded and Partially Refunded beside the purchase (Refund Amount)."""
    status = _col(frame, "orderstatus")
    total = _money(frame, "ordertotalinctax", "ordertotalextax")
    full = status.map(lambda v: normalise_value(v) == "refunded" if v else False)
    user = _col(frame, "customerid")
    user = user.where(~user.isin(["0", "0.0"]))
    client = (_col(frame, "customeremail").str.casefold().fillna(user)
              .fillna(_col(frame, "customername")))
    return _order_facts(_col(frame, "orderid"), _order_status_kind(status),
                        total, client=client,
                        refund_amount=_money(frame, "refundamount").fillna(total.where(full)))


# Magento's (Adobe Commerce) order statuses beyond journey.stages.ORDER_STATUS_WORDS
# (normalised): "Closed" is an order refunded in full (a credit memo for all of it), not one
# completed; Payment Review, Suspected Fraud and On Hold are held, not yet paid.
_MAGENTO_STATUS_KIND = {"closed": "refund", "paymentreview": "contact",
                        "suspectedfraud": "contact", "holded": "contact",
                        "pendingpayment": "contact"}


def _magento_facts(frame: pd.DataFrame) -> dict:
    """Magento's order grid (Sales > Orders, exported): one row per order, by ID; the
    customer by Customer Email where the grid shows it, else Bill-to Name (not Ship-to
    Name: a gift's recipient); Complete and Processing were paid, Pending not yet, Canceled
    a cancellation, Closed refunded in full. The amount is Grand Total (Purchased), the
    customer's own currency's, else Grand Total (Base)."""
    said = _status_kind(_col(frame, "status"), _MAGENTO_STATUS_KIND)
    total = _money(frame, "grandtotalpurchased", "grandtotalbase")
    client = _col(frame, "customeremail").str.casefold().fillna(_col(frame, "billtoname"))
    return _order_facts(_col(frame, "id"), said, total, client=client,
                        refund_amount=total.where(said.eq("refund")))


def _amazon_facts(frame: pd.DataFrame) -> dict:
    """Amazon's All Orders report: one row per item, by amazon-order-id; no buyer at all.
    order-status Shipped (and its variants "Shipped - Delivered to Buyer"...), Unshipped
    and Shipping were paid; Pending was not; Cancelled is a cancellation. An order's value
    is its items' item-price (each already for its quantity): product sales, without tax
    and shipping."""
    order = _col(frame, "amazonorderid")
    status = _col(frame, "orderstatus")
    said = _order_status_kind(status)
    said = said.fillna(status.str.casefold().str.startswith("shipped")
                       .map({True: "purchase"}))
    price = _money(frame, "itemprice")
    total = price.groupby(order).transform(lambda s: s.sum(min_count=1))
    return _order_facts(order, said, total)


def _ebay_facts(frame: pd.DataFrame) -> dict:
    """eBay's orders report: a one-item order is one row; a basket is a row for the
    order (its Total Price) and a row per item, all under one Order Number. The buyer is
    the Buyer Username (eBay masks e-mails); an order with a Paid On Date was paid, one
    without is not yet a purchase. Rows of no order number (the footer's "4 record(s)
    downloaded", "Seller ID") are left out."""
    number = _col(frame, "ordernumber")
    record = _col(frame, "salesrecordnumber")
    order = number.where(number.str.fullmatch(r"[\d-]+")).fillna(
        record.where(record.str.fullmatch(r"\d+")))
    paid = _col(frame, "paidondate").notna().groupby(order).transform("max")
    said = paid.map({True: "purchase", False: "contact"})
    total = _money(frame, "totalprice")
    return _order_facts(order, said, total.groupby(order).transform("max"),
                        client=_col(frame, "buyerusername").str.casefold(), unknown="contact")


def _order_list(facts: Callable[[pd.DataFrame], dict], label: str, by: str | None,
                by_email: bool = False) -> tuple[Rules, Callable[[pd.DataFrame], str]]:
    """A profile's rules and explanation from its facts."""
    def rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
        return _order_rows(rows, facts(frame), by_email)

    def explain(frame: pd.DataFrame) -> str:
        found = facts(frame)
        lines = int(found["order"].notna().sum())
        return _orders_explain(label, found, lines, by, skipped=len(frame) - lines)
    return rules, explain


# --- invoice lists by status: FreshBooks, Wave, Zoho Invoice and Zoho Books -----------------

def _invoice_list_facts(frame: pd.DataFrame) -> dict:
    """One row per invoice (or per line, the invoice's Total on each); its status says
    what it is: paid or part paid, a purchase; draft, sent, viewed or overdue, a contact;
    void, a cancellation. A status no one knows is a purchase when nothing is left to pay
    (Balance Due, Outstanding), else a contact. The client is the export's (by name)."""
    invoice = _col(frame, "invoicenumber", "invoice", "invoiceno")
    total = _money(frame, "total", "amount")
    lines = _money(frame, "itemtotal", "linetotal")
    total = total.fillna(lines.groupby(invoice).transform("sum"))
    due = _money(frame, "balancedue", "balance", "outstanding", "amountdue")
    said = _status_kind(_col(frame, "invoicestatus", "status"), _INVOICE_STATUS_KIND)
    settled = (due.fillna(1) == 0) & (total > 0)
    facts = _order_facts(invoice, said.fillna(settled.map({True: "purchase"})), total,
                         unknown="contact")
    facts["unknown"] = facts["first"] & said.isna()
    return _invoices_by_what_was_paid(facts, frame, invoice, due)


def _invoices_by_what_was_paid(facts: dict, frame: pd.DataFrame, invoice: pd.Series,
                               due: pd.Series) -> dict:
    """An invoice list's part-paid invoices and credit notes, read as the project reads
    them elsewhere (``rules.paid._by_what_was_paid``): a sale still owing a part (its
    "Paid", else its total less its balance) is a sale of what was paid; an invoice of a
    negative total (Zoho's "CN-00001", a credit note) is money given back, a refund of
    its amount, never a sale. ``facts`` gains "part" (the invoices read as a part, their
    totals in "billed") and "credit" (the credit notes)."""
    def level(series: pd.Series) -> pd.Series:
        return series.groupby(invoice).transform("first").where(invoice.notna())

    total, kind = facts["amount"], facts["kind"]
    paid = level(_money(frame, "paid", "amountpaid", "totalpaid"))
    paid = paid.fillna(total - level(due)).round(2)
    owing = level(due).fillna(total - paid).gt(0.005)     # (not a discount: nothing owed)
    part = (kind.eq("purchase") & total.gt(0) & owing & paid.gt(0)
            & paid.lt(total - 0.005))
    credit = kind.isin(["purchase", "contact"]) & total.lt(0)
    facts["billed"] = total.where(part)
    facts["amount"] = total.mask(part, paid).mask(credit, total.abs())
    facts["kind"] = kind.mask(credit, "refund")
    facts["part"], facts["credit"] = facts["first"] & part, facts["first"] & credit
    facts["refund"] = facts["refund"] & ~credit
    return facts


def _invoice_list_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    return _order_rows(rows, _invoice_list_facts(frame))


def _invoice_list_explain(label: str) -> Callable[[pd.DataFrame], str]:
    def explain(frame: pd.DataFrame) -> str:
        facts = _invoice_list_facts(frame)
        first = facts["first"]
        kind = facts["kind"][first]
        clients = _col(frame, "customername", "clientname", "customer")[first]
        lines = int(facts["order"].notna().sum()) - int(first.sum())
        unknown = int(facts["unknown"].sum())
        said = (f"Recognised as {label}: {counted(int(first.sum()), 'invoice')}"
                + (f" (from {counted(lines + int(first.sum()), 'line')})" if lines else "")
                + f" of {counted(clients.nunique(), 'client')} (by name, each total counted "
                f"once); {counted(int((kind == 'purchase').sum()), 'paid or part-paid invoice')}"
                f" counted as purchases, {counted(int((kind == 'cancellation').sum()), 'void invoice')}"
                f" as cancellations and "
                f"{counted(int((kind == 'contact').sum()), 'draft, sent or overdue invoice')} as "
                "contacts, not purchases"
                + (f"; {counted(unknown, 'invoice')} with a status Journey does not know read "
                   "by its balance (nothing left to pay: a purchase)" if unknown else "")
                + ".")
        part, credit = facts["part"], facts["credit"]
        if part.any():
            count = int(part.sum())
            said += " " + part_paid_invoices(count, facts["amount"][part].sum(),
                                             facts["billed"][part].sum(), whole="total")
        if credit.any():
            count = int(credit.sum())
            said += (f" {counted(count, 'credit note')} (a negative total) {was(count)} read "
                     f"as {'a refund' if count == 1 else 'refunds'} of "
                     f"{facts['amount'][credit].sum():,.2f}, not as "
                     f"{'a sale' if count == 1 else 'sales'}.")
        return said
    return explain


_SQUARESPACE = _order_list(_squarespace_facts, "a Squarespace orders export",
                           "e-mail (case ignored)", by_email=True)
_WIX = _order_list(_wix_facts, "a Wix Stores orders export",
                   "contact e-mail (case ignored)", by_email=True)
_BIGCOMMERCE = _order_list(_bigcommerce_facts, "a BigCommerce orders export",
                           "e-mail (case ignored), else customer ID")
_AMAZON = _order_list(_amazon_facts, "an Amazon All Orders report", None)
_MAGENTO = _order_list(_magento_facts, "a Magento orders export",
                       "e-mail (case ignored), else bill-to name")
_EBAY = _order_list(_ebay_facts, "an eBay orders report", "buyer username")


# --- the table ----------------------------------------------------------------------------

_SHOPIFY_ORDERS = {"name": "order_id", "createdat": "date", "total": "amount",
                   "billingname": "name"}

PROFILES: tuple[Profile, ...] = (
    Profile("shopify_orders", "a Shopify orders export",
            _all("name", "email", "financialstatus", "createdat", "total", "lineitemname",
                 "cancelledat"),
            _SHOPIFY_ORDERS, _shopify_orders_rules, _shopify_orders_explain),
    Profile("stripe_payments", "a Stripe (or Razorpay) payments export",
            _all("id", "amount", "amountrefunded", "captured", "status"),
            # Razorpay writes the API's names: created_at, and the payer's phone as contact.
            {"id": "order_id", "createddateutc": "date", "createdutc": "date",
             "created": "date", "createdat": "date", "contact": "phone", "amount": "amount",
             "status": "status", "customerdescription": "name"},
            _stripe_rules, _stripe_explain),
    Profile("instamojo_payments", "an Instamojo payments export",
            _all("paymentid", "buyername", "buyeremail", "amount", "status"),
            {"paymentid": "order_id", "createdat": "date", "buyername": "name",
             "buyeremail": "email", "buyerphone": "phone", "amount": "amount",
             "status": "status", "purpose": "note"},
            _instamojo_rules, _instamojo_explain, check=_instamojo_statuses),
    Profile("mercadopago_report", "a Mercado Pago money report",
            _all("sourceid", "description", "grossamount"),
            {"sourceid": "order_id", "date": "date", "grossamount": "amount",
             "paymentmethod": "channel"},
            _mercadopago_rules, _mercadopago_explain),
    Profile("credit_ledger", "a ledger of each client's credit (Khatabook; Debe and Haber)",
            (_any(*(pair[0] for pair in _LEDGER_PAIRS)),
             _any(*(pair[1] for pair in _LEDGER_PAIRS))),
            {"date": "date", "name": "name", "customername": "name", "customer": "name",
             "partyname": "name", "phonenumber": "phone", "phone": "phone", "mobile": "phone",
             "details": "note", "entry": "note", "remarks": "note", "note": "note",
             "concepto": "note", "description": "note", "reference": "note",
             "libelle": "note", "buchungstext": "note", "descrizione": "note"},
            _ledger_rules, _ledger_explain, check=_ledger_check,
            by_synonym=frozenset({"date", "client_id", "name", "email"})),
    Profile("supplier_ledger", "a ledger of the business's suppliers",
            (_any(*_SUPPLIER), _BOOKS_DEBIT, _BOOKS_CREDIT),
            {}, lambda rows, frame: rows, _supplier_ledger_explain, kind="reference"),
    Profile("books_lines", "lines on the business's own accounts, naming no customer",
            (_any(*_BOOKS_ACCOUNT), _BOOKS_DEBIT, _BOOKS_CREDIT),
            {}, lambda rows, frame: rows, _books_lines_explain, kind="reference",
            check=_books_lines_check),
    Profile("journal", "a journal of the books (QuickBooks', Xero's, Sage's)",
            (_any(*_BOOKS_ACCOUNT), _BOOKS_DEBIT, _BOOKS_CREDIT),
            _BOOKS_READ, _books_rules, _books_explain, check=_journal_check,
            by_synonym=frozenset({"date"})),
    Profile("general_ledger", "a general ledger (a section per account)",
            (_any(*_BOOKS_BALANCE), _any("amount", *(pair[0] for pair in _BOOKS_PAIRS)),
             _any(*_BOOKS_PARTY)),
            _BOOKS_READ, _books_rules, _books_explain, check=_general_ledger_check,
            by_synonym=frozenset({"date"})),
    Profile("hubspot_deals", "a HubSpot deals export",
            _all("dealname", "dealstage", "amount", "closedate"),
            {"dealname": "name", "dealstage": "stage", "amount": "amount",
             "closedate": "date", "hsobjectid": "order_id", "recordid": "order_id",
             "pipeline": "channel", "dealowner": "owner"},
            _hubspot_rules,
            _deal_explain("a HubSpot deals export", _hubspot_outcome,
                          "deal stage ids closedwon and closedlost", _hubspot_client_note),
            stages={"appointmentscheduled": "consideration", "qualifiedtobuy": "consideration",
                    "presentationscheduled": "consideration",
                    "decisionmakerboughtin": "consideration", "contractsent": "consideration",
                    "closedwon": "purchase", "closedlost": "lost"}),
    Profile("salesforce_opportunities", "a Salesforce opportunities export",
            _all("stagename", "iswon", "isclosed", "accountid"),
            {"id": "order_id", "accountid": "client_id", "stagename": "stage",
             "amount": "amount", "closedate": "date", "leadsource": "channel",
             "ownerid": "owner"},
            _deal_rules(_salesforce_outcome, client=_salesforce_account,
                        open_date=("createddate",)),
            _deal_explain("a Salesforce opportunities export", _salesforce_outcome,
                          "from IsWon and IsClosed", "; clients by AccountId")),
    Profile("invoice_lines", "invoice lines",
            (_any(*_INVOICE), _any("stockcode", "sku", "productcode", "itemcode"),
             _any(*_QUANTITY), _any("invoicedate", "date"), _any(*_PRICE),
             _any(*_CUSTOMER)),
            {"invoicedate": "date", "date": "date", "customername": "name", "customer": "name",
             "status": "status", "invoicestatus": "status"},
            _invoice_rules, _invoice_explain),
    Profile("bitrix24_deals", "a Bitrix24 deals export",
            _all("id", "stageid", "closed", "opportunity", "title", "datecreate"),
            {"id": "order_id", "stageid": "stage", "opportunity": "amount",
             "closedate": "date", "sourceid": "channel", "assignedbyid": "owner"},
            _deal_rules(_bitrix_outcome, open_date=("datecreate",)),
            _deal_explain("a Bitrix24 deals export", _bitrix_outcome,
                          "from the stage ids, any pipeline prefix such as C6: set aside",
                          "; no customer ID or e-mail, so deals are kept without a "
                          "client")),
)
PROFILES += (
    Profile("xero_sales_invoices", "a Xero sales invoices export",
            _all("contactname", "invoicenumber", "invoicedate", "total", "invoiceamountpaid",
                 "type", "status"),
            {"contactname": "name", "emailaddress": "email", "invoicenumber": "order_id",
             "invoicedate": "date", "total": "amount", "status": "status",
             "reference": "note", "pocountry": "country", "pocity": "region"},
            _xero_rules, _xero_explain),
    Profile("trustpilot_reviews", "a Trustpilot reviews export",
            _all("reviewstars", "reviewcreatedutc"),
            {"reviewcreatedutc": "date", "consumername": "name", "consumeremail": "email",
             "reviewcontent": "note", "location": "country", "referenceid": "order_id"},
            _review_rules, _review_explain),
    Profile("google_reviews", "a Google reviews export",
            (_any("reviewer", "reviewername", "author"), _any("starrating", "stars", "rating"),
             _any("reviewdate", "date", "createtime", "published")),
            {"reviewer": "name", "reviewername": "name", "author": "name",
             "reviewdate": "date", "date": "date", "createtime": "date", "published": "date",
             "comment": "note", "review": "note", "text": "note"},
            _review_rules, _review_explain, check=_stars_check),
    # (Loox's: the review's text is "review", the reviewer's "full_name" beside the
    # "nickname" shown on the shop)
    Profile("product_reviews", "a product reviews export (Yotpo, Okendo, Stamped, Loox)",
            (_any("reviewscore", "reviewstars", "starrating", "stars", "rating"),
             _any("displayname", "reviewername", "reviewer", "nickname", "author"),
             _any("reviewcontent", "reviewbody", "reviewtitle", "body", "content", "review"),
             _any("date", "reviewdate", "createdat", "submittedat", "datecreated")),
            {"displayname": "name", "reviewername": "name", "reviewer": "name",
             "nickname": "name", "author": "name", "fullname": "name", "email": "email",
             "revieweremail": "email", "date": "date", "reviewdate": "date",
             "createdat": "date", "submittedat": "date", "datecreated": "date",
             "reviewcontent": "note",
             "reviewbody": "note", "body": "note", "content": "note", "review": "note",
             "producttitle": "touchpoint", "productname": "touchpoint",
             "orderid": "order_id"},
            _review_rules, _review_explain, check=_stars_check),
    Profile("stripe_customers", "a Stripe customers export",
            _all("id", "email", "totalspend", "paymentcount"),
            {"id": "client_id", "email": "email", "name": "name", "createdutc": "first_contact",
             "created": "first_contact", "totalspend": "revenue_current",
             "paymentcount": "purchases", "status": "status",
             "addresscountrymetadata": "country", "phone": "phone"},
            _stripe_customers_rules, _stripe_customers_explain, kind="clients"),
    Profile("shopify_customers", "a Shopify customers export",
            _all("firstname", "lastname", "email", "totalspent", "totalorders"),
            {"email": "client_id", "firstname": "name", "lastname": "name",
             "country": "country", "province": "region", "phone": "phone",
             "totalspent": "revenue_current", "totalorders": "purchases"},
            _shopify_customers_rules, _shopify_customers_explain, kind="clients"),
    Profile("helpdesk_tickets", "a help-desk tickets export",
            (_any(*_REQUESTER, *_REQUESTER_EMAIL[:3]),
             _any("ticketstatus", "estadodelticket", "status", "estado", "statut"),
             _any("created", "createdat", "createdtime", "createdutc", "requested",
                  "solicitado", "fechadecreacion", "datedecreation", "erstellt"),
             _any("subject", "asunto", "sujet", "betreff", "assunto", "ticketid",
                  "ticketnumber", "conversationid", "conversationnumber")),
            {**{header: "name" for header in _REQUESTER},
             "ticketstatus": "status", "estadodelticket": "status", "status": "status",
             "estado": "status", "statut": "status",
             "created": "date", "createdat": "date", "createdtime": "date",
             "createdutc": "date", "requested": "date", "solicitado": "date",
             "fechadecreacion": "date", "datedecreation": "date", "erstellt": "date",
             "subject": "note", "asunto": "note", "sujet": "note", "betreff": "note",
             "assunto": "note", "category": "reason", "categoria": "reason",
             "group": "department", "grupo": "department", "mailbox": "department",
             "assignee": "owner", "agenteasignado": "owner", "agent": "owner",
             "ticketowner": "owner",        # (Zoho Desk's agent, never the client)
             "assignedto": "owner", "channel": "channel", "canal": "channel", "via": "channel",
             "source": "channel", "ticketid": "order_id", "id": "order_id",
             "conversationid": "order_id", "conversationnumber": "order_id"},
            _tickets_rules, _tickets_explain, check=_no_deal_outcomes, writers_only=True),
    Profile("ticket_list", "a list of support tickets", (), _TICKET_LIST_MAPPING,
            _tickets_rules, lambda frame: _tickets_explain(frame, _TICKET_LIST_SAID),
            check=_ticket_list_check, writers_only=True,
            by_synonym=frozenset({"order_id", "channel", "department"})),
    Profile("issue_tracker", "an issue tracker's list", (
        _any(*_TRACKED_ISSUE), _any(*_ASSIGNEE), _any(*_REPORTER), _any(*_TICKET_STATUS,
                                                                        "state")),
            {}, lambda rows, frame: rows, _issue_tracker_explain, kind="reference",
            check=_issue_tracker_check),
    Profile("product_catalogue", "a product catalogue", (
        _any(*_PRODUCT_CODE), _any(*_LIST_PRICE), _any(*_ON_SALE)),
            {}, lambda rows, frame: rows, _catalogue_explain, kind="reference",
            check=_catalogue_check),
    Profile("jira_service_desk", "a Jira Service Management export", (
        _any("issuekey", "key"), _any("reporter"), _any("summary"), _any(*_TICKET_STATUS)),
            {"reporter": "name", "summary": "note", "issuekey": "order_id", "key": "order_id",
             "status": "status", "created": "date", "assignee": "owner",
             **dict.fromkeys(_REQUEST_TYPE, "reason")},
            _service_desk_rules, _service_desk_explain, patterns=(_JSM_OWN.pattern,),
            check=_service_desk_check, writers_only=True),
    Profile("bank_statement", "a bank statement naming each line's other party", (),
            {"date": "date", **dict.fromkeys(_STATEMENT_WORDS, "note")},
            _statement_rules, _statement_explain, check=_statement_check,
            by_synonym=frozenset({"date"})),
    Profile("cash_book", "a cash book", (),
            {"date": "date", **dict.fromkeys(_BOOK_DATES, "date"),
             **dict.fromkeys(_CASH_DETAILS, "note")},
            _cash_book_rules, _cash_book_explain, check=_cash_book_check),
)
PROFILES += (
    Profile("woocommerce_orders", "a WooCommerce orders export",
            (_any(*_WOO_ORDER), _any(*_WOO_STATUS),
             _any("orderdate", "date", "datecreated", "paiddate"), _any(*_WOO_TOTAL),
             _any("billingemail", "billingemailaddress", "emailbilling", "customertype")),
            {"ordernumber": "order_id", "orderid": "order_id", "order": "order_id",
             "orderdate": "date", "date": "date", "datecreated": "date",
             "ordertotal": "amount", "ordertotalamount": "amount", "total": "amount",
             "netsales": "amount", "orderstatus": "status", "status": "status",
             "billingfirstname": "name", "firstnamebilling": "name", "customer": "name",
             "billingcountry": "country", "countrycodebilling": "country",
             "paymentmethodtitle": "channel", "paymentmethod": "channel",
             "customernote": "note"},
            _woo_rules, _woo_explain),
    Profile("square_transactions", "a Square transactions export",
            (*_all("transactionid", "grosssales", "netsales"),
             _any("customerid", "customername")),
            {"transactionid": "order_id", "date": "date", "customername": "name",
             "eventtype": "status", "source": "channel", "location": "department",
             "staffname": "owner", "description": "note"},
            _square_rules, _square_explain),
    Profile("pipedrive_deals", "a Pipedrive deals export",
            (_any("dealstatus", "status"), _any("dealwontime", "wontime"),
             _any("deallosttime", "losttime"), _any("dealvalue", "value"),
             _any("dealtitle", "title")),
            {"dealid": "order_id", "id": "order_id", "dealorganization": "name",
             "organization": "name", "dealorganisation": "name", "organisation": "name",
             "dealcontactperson": "name", "contactperson": "name", "dealstage": "stage",
             "stage": "stage", "dealvalue": "amount", "value": "amount",
             "deallostreason": "reason", "lostreason": "reason", "dealowner": "owner",
             "owner": "owner", "dealpipeline": "channel", "pipeline": "channel",
             "dealsource": "channel", "source": "channel"},
            _pipedrive_rules,
            _deal_explain("a Pipedrive deals export", _pipedrive_outcome,
                          "from Status; dated by Won time and Lost time",
                          "; clients by organisation, else contact person"),
            stages={"qualified": "consideration", "contactmade": "consideration",
                    "demoscheduled": "consideration", "proposalmade": "consideration",
                    "negotiationsstarted": "consideration"}),
    Profile("zoho_deals", "a Zoho CRM deals export",
            _all("dealname", "stage", "closingdate", "accountname"),
            {"recordid": "order_id", "dealid": "order_id", "id": "order_id",
             "accountname": "name", "contactname": "name", "stage": "stage",
             "amount": "amount", "closingdate": "date", "leadsource": "channel",
             "dealowner": "owner", "reasonforloss": "reason", "lostreason": "reason"},
            _zoho_rules,
            _deal_explain("a Zoho CRM deals export", _zoho_outcome,
                          "stages Closed Won and Closed Lost", "; clients by Account Name"),
            stages={"qualification": "consideration", "needsanalysis": "consideration",
                    "valueproposition": "consideration",
                    "identifydecisionmakers": "consideration",
                    "iddecisionmakers": "consideration",
                    "proposalpricequote": "consideration",
                    "negotiationreview": "consideration", "closedwon": "purchase",
                    "closedlost": "lost", "closedlosttocompetition": "lost"}),
    Profile("nps_survey", "an NPS survey export",
            (_any(*_SURVEY_MARKS),),
            {**_SURVEY_KEYS, "comment": "note", "reason": "note"},
            _nps_rules, _nps_explain, check=_nps_check),
    Profile("nps_scores", "a sheet of NPS scores",
            (_any(*_RESPONDENT),),
            {**_SURVEY_KEYS, "comment": "note", "comments": "note", "feedback": "note",
             "reason": "note"},
            _nps_rules, lambda frame: _nps_explain(frame, "a sheet of NPS scores (who "
                                                   "answered and a score from 0 to 10)"),
            check=_bare_nps_check),
    Profile("satisfaction_survey", "a satisfaction survey export",
            (_any(*_SURVEY_MARKS),),
            _SURVEY_KEYS, _satisfaction_rules, _satisfaction_explain, kind="clients",
            check=_satisfaction_check),
)
PROFILES += (
    Profile("chargebee_subscriptions", "a Chargebee subscriptions export",
            (_any(*_both("id", "subscriptions")[1:], "subscriptionid"),
             _any(*_both("customerid", "subscriptions")),
             _any(*_both("status", "subscriptions")),
             _any(*_both("activatedat", "subscriptions")),
             _any(*_both("cancelledat", "subscriptions")),
             _any(*_both("currenttermend", "subscriptions")),
             _any(*_both("planid", "subscriptions"))),
            {"customerid": "client_id", "subscriptionscustomerid": "client_id",
             "customeremail": "email", "customersemail": "email"},
            _subscription_rules, _subscription_explain("a Chargebee subscriptions export"),
            kind="clients"),
    Profile("recurly_subscriptions", "a Recurly subscriptions export",
            _all("accountcode", "subscriptionstate", "subscriptionactivatedat",
                 "subscriptioncanceledat", "plancode"),
            {"accountcode": "client_id", "accountemail": "email"},
            _subscription_rules, _subscription_explain("a Recurly subscriptions export"),
            kind="clients"),
    Profile("stripe_subscriptions", "a Stripe subscriptions export",
            _all("customerid", "status", "startutc", "currentperiodstartutc",
                 "currentperiodendutc"),
            {"customerid": "client_id", "customeremail": "email"},
            _subscription_rules, _subscription_explain("a Stripe subscriptions export"),
            kind="clients"),
    Profile("recharge_subscriptions", "a Recharge subscriptions export",
            (_any("subscriptionid"), _any("customerid"), _any("status"), _any("createdat"),
             _any("cancelledat"), _any(*_RECHARGE_MARKS)),
            {"customerid": "client_id", "email": "email"},
            _subscription_rules, _subscription_explain("a Recharge subscriptions export"),
            kind="clients"),
    # (another shop's subscriptions, one a row: no tool's own header; the customer's e-mail
    # is the client, as an e-mail is where no ID is: ``_subscription_facts``)
    Profile("plain_subscriptions", "a subscriptions export",
            (_any("subscriptionid"), _any("status"), _any("createdat"),
             _any("cancelledat", "canceledat"), _any("email", "customeremail")),
            {"customerid": "client_id", "email": "client_id", "customeremail": "client_id"},
            _subscription_rules, _subscription_explain("a subscriptions export"),
            kind="clients"),
    Profile("chargebee_invoices", "a Chargebee invoices export",
            (_any("invoicenumber", "invoicesid"), _any(*_both("customerid", "invoices")),
             _any(*_both("subscriptionid", "invoices")), _any(*_both("status", "invoices")),
             _any(*_both("amountpaid", "invoices")), _any(*_both("amountdue", "invoices")),
             _any(*_both("paidat", "invoices"))),
            {"invoicenumber": "order_id", "invoicesid": "order_id",
             "invoicedate": "date", "invoicesdate": "date", "status": "status",
             "invoicesstatus": "status", "customerid": "client_id",
             "invoicescustomerid": "client_id", "customeremail": "email",
             "customersemail": "email"},
            _chargebee_invoice_rules, _chargebee_invoice_explain),
    Profile("gumroad_sales", "a Gumroad sales export",
            _all("purchaseemail", "saleprice", "refunded", "fullyrefunded", "partialrefund",
                 "disputed", "saleid"),
            {"buyername": "name", "purchaseemail": "email", "purchasedate": "date",
             "saleprice": "amount", "ordernumber": "order_id", "referrer": "channel",
             "country": "country", "itemname": "note"},
            _gumroad_rules, _gumroad_explain),
    Profile("etsy_order_items", "an Etsy sold order items export",
            _all("transactionid", "listingid", "datepaid", "orderid", "itemtotal", "buyer",
                 "saledate"),
            _ETSY_MAPPING, _etsy_items_rules, _etsy_items_explain),
    Profile("etsy_orders", "an Etsy sold orders export",
            _all("orderid", "buyeruserid", "ordervalue", "adjustedordertotal",
                 "numberofitems", "buyer", "saledate"),
            _ETSY_MAPPING, _etsy_orders_rules, _etsy_orders_explain),
    Profile("paypal_activity", "a PayPal activity download",
            _all("gross", "fromemailaddress", "toemailaddress", "transactionid",
                 "referencetxnid", "type", "status"),
            {"name": "name", "date": "date", "transactionid": "order_id",
             "itemtitle": "note", "countrycode": "country"},
            _paypal_rules, _paypal_explain),
    Profile("revolut_statement", "a Revolut statement",
            (*_all("type", "state", "description", "amount"),
             _any("datestartedutc", "starteddate")),
            {"id": "order_id", "reference": "note"},
            _revolut_rules, _revolut_explain, check=_revolut_check),
    Profile("payment_lifecycle", "a payment accounting report (Adyen)",
            _all("pspreference", "merchantreference", "recordtype"),
            {"merchantreference": "order_id", "bookingdate": "date", "shopperemail": "email",
             "shopperreference": "client_id", "shoppername": "name",
             "paymentmethod": "touchpoint", "recordtype": "status"},
            _lifecycle_rules, _lifecycle_explain),
    Profile("calendly_events", "a Calendly events export",
            _all("inviteename", "inviteeemail", "eventtypename", "startdatetime", "canceled"),
            {"inviteename": "name", "startdatetime": "date", "eventtypename": "note",
             "cancellationreason": "reason", "utmsource": "channel"},
            _calendly_rules, _calendly_explain),
)
PROFILES += (
    Profile("acuity_appointments", "an Acuity Scheduling appointments export",
            (*_all("starttime", "type", "calendar", "appointmentprice"),
             _any("paid", "amountpaidonline", "datescheduled", "appointmentid")),
            {"starttime": "date", "firstname": "name", "lastname": "name", "email": "email",
             "phone": "phone", "type": "touchpoint", "calendar": "owner", "notes": "note",
             "appointmentid": "order_id"},
            _booking_rules(_ACUITY),
            _booking_explain("an Acuity Scheduling appointments export", _ACUITY,
                             "Paid? yes, or paid online")),
    Profile("square_appointments", "a Square Appointments export",
            (_any("service", "servicename"), _any("staff", "staffname", "teammember"),
             _any("status", "appointmentstatus"),
             _any("customername", "customeremail", "customer"),
             _any("date", "appointmentdate", "startdate")),
            {"date": "date", "appointmentdate": "date", "startdate": "date",
             "customername": "name", "customer": "name", "customeremail": "email",
             "customerphone": "phone", "service": "touchpoint", "servicename": "touchpoint",
             "staff": "owner", "staffname": "owner", "teammember": "owner", "notes": "note"},
            _appointment_rules(_SQUARE_APPOINTMENTS),
            _booking_explain("a Square Appointments export", _SQUARE_APPOINTMENTS,
                             "status Completed or Paid; an accepted appointment is not "
                             "said to be paid: Square's transactions say that")),
    Profile("timely_appointments", "a Timely appointments export",
            (_any("service", "servicename"), _any("staff", "staffmember", "staffname"),
             _any("bookingstatus", "status", "appointmentstatus"),
             _any("customer", "customername", "customeremail"),
             _any("date", "appointmentdate", "startdate"), _any(*_TIMELY_OWN)),
            {"date": "date", "appointmentdate": "date", "startdate": "date",
             "customer": "name", "customername": "name", "customeremail": "email",
             "customermobile": "phone", "customerphone": "phone", "service": "touchpoint",
             "servicename": "touchpoint", "staff": "owner", "staffmember": "owner",
             "staffname": "owner", "notes": "note", "bookingreference": "order_id"},
            _appointment_rules(_TIMELY),
            _booking_explain("a Timely appointments export", _TIMELY,
                             "booking status Completed, or paid; a pencilled-in or confirmed "
                             "booking is not said to be paid")),
    Profile("simplybook_bookings", "a SimplyBook.me bookings export",
            (*_all("code", "service", "startdate"),
             _any("provider", "serviceprovider", "performer"),
             _any("client", "clientname", "clientemail"),
             _any("bookingstatus", "status", "ispaid", "paymentstatus")),
            {"code": "order_id", "startdate": "date", "service": "touchpoint",
             "provider": "owner", "serviceprovider": "owner", "performer": "owner",
             "client": "name", "clientname": "name", "clientemail": "email",
             "clientphone": "phone", "comment": "note"},
            _booking_rules(_SIMPLYBOOK),
            _booking_explain("a SimplyBook.me bookings export", _SIMPLYBOOK,
                             "Is paid, or a payment status of paid")),
    Profile("rental_reservations", "a holiday-rental reservations export (Airbnb, "
            "Booking.com, Vrbo)",
            (_any(*_STAY_CODE), _any(*_STAY_START), _any(*_STAY_END), _any(*_STAY_GUEST),
             _any("status", "reservationstatus", "bookingstatus"), _any(*_STAY_MONEY)),
            {**{header: "date" for header in _STAY_BOOKED},
             **{header: "order_id" for header in _STAY_CODE},
             "guestname": "name", "bookername": "name", "guest": "name",
             "travelername": "name", "email": "email", "guestemail": "email",
             "contact": "phone", "phone": "phone", "phonenumber": "phone",
             "listing": "touchpoint", "property": "touchpoint", "unittype": "touchpoint",
             "status": "status", "reservationstatus": "status", "bookingstatus": "status",
             **{header: "amount" for header in _STAY_MONEY}},
            _stays_rules, _stays_explain),
    Profile("eventbrite_attendees", "an Eventbrite attendee report",
            (*_all("attendeestatus", "orderdate", "tickettype"), _any(*_EVENTBRITE_ORDER)),
            {"orderdate": "date", "firstname": "name", "lastname": "name", "email": "email",
             "eventname": "touchpoint", "howdidyouhearaboutthisevent": "channel",
             "howdidyouhearaboutus": "channel", "howdidyouhear": "channel"},
            _eventbrite_rules, _eventbrite_explain),
    Profile("mindbody_clients", "a Mindbody client list",
            (*_all("clientid", "membershipstatus"),
             _any("firstvisit", "lastvisit", "totalvisits"),
             _any("datecreated", "referredby", "homelocation", "membershipname")),
            _MEMBER_MAPPING, _member_rules, _member_explain("a Mindbody client list"),
            kind="clients"),
    Profile("member_list", "a gym or studio member list",
            (_any(*_MEMBER_STATUS), _any(*_MEMBER_VISITS)),
            _MEMBER_MAPPING, _member_rules, _member_explain("a gym or studio member list"),
            kind="clients", check=_member_check),
    Profile("patreon_members", "a Patreon members export",
            (_any("lifetimeamount", "lifetime"), _any("pledgeamount", "pledge"),
             _any("patronstatus", "patronagesincedate")),
            {"name": "name", "email": "email", "userid": "client_id", "phone": "phone",
             "country": "country", "tier": "client_type"},
            _patreon_rules, _patreon_explain, kind="clients"),
    Profile("substack_subscribers", "a Substack subscribers export",
            _all("email", "activesubscription", "firstpaymentat"),
            {"email": "client_id", "name": "name", "createdat": "first_contact"},
            _substack_rules, _substack_explain, kind="clients"),
)
PROFILES += (
    Profile("squarespace_orders", "a Squarespace orders export",
            _all("orderid", "email", "financialstatus", "fulfillmentstatus", "createdat",
                 "total", "lineitemname"),
            {"orderid": "order_id", "email": "email", "createdat": "date", "total": "amount",
             "billingname": "name", "financialstatus": "status",
             "billingcountry": "country", "billingprovince": "region"},
            *_SQUARESPACE),
    Profile("wix_orders", "a Wix Stores orders export",
            (*_all("ordernumber", "datecreated", "paymentstatus", "fulfillmentstatus", "total"),
             _any("contactemail", "billingcustomer"), _any("item", "qty")),
            {"ordernumber": "order_id", "datecreated": "date", "contactemail": "email",
             "billingcustomer": "name", "total": "amount", "paymentstatus": "status",
             "billingcountry": "country", "notestoseller": "note"},
            *_WIX),
    Profile("bigcommerce_orders", "a BigCommerce orders export",
            (*_all("orderid", "customerid", "orderstatus", "orderdate"),
             _any("ordertotalinctax", "ordertotalextax"), _any("customeremail", "customername")),
            {"orderid": "order_id", "orderdate": "date", "customername": "name",
             "customeremail": "email", "customerphone": "phone",
             "ordertotalinctax": "amount", "orderstatus": "status",
             "billingcountry": "country", "ordernotes": "note"},
            *_BIGCOMMERCE),
    Profile("magento_orders", "a Magento orders export",
            (*_all("id", "purchasepoint", "purchasedate", "billtoname", "status"),
             _any("grandtotalpurchased", "grandtotalbase")),
            {"id": "order_id", "purchasedate": "date", "billtoname": "name",
             "customeremail": "email", "grandtotalpurchased": "amount", "status": "status"},
            *_MAGENTO),
    Profile("amazon_orders", "an Amazon All Orders report",
            _all("amazonorderid", "purchasedate", "orderstatus", "itemprice"),
            {"amazonorderid": "order_id", "purchasedate": "date", "orderstatus": "status",
             "saleschannel": "channel", "shipcountry": "country", "shipstate": "region",
             "productname": "note"},
            *_AMAZON),
    Profile("ebay_orders", "an eBay orders report",
            _all("salesrecordnumber", "ordernumber", "buyerusername", "totalprice",
                 "saledate"),
            {"ordernumber": "order_id", "buyerusername": "client_id", "buyername": "name",
             "buyeremail": "email", "saledate": "date", "totalprice": "amount",
             "buyercountry": "country", "itemtitle": "note"},
            *_EBAY),
    Profile("freshbooks_invoices", "a FreshBooks invoices export",
            (*_all("clientname", "dateissued", "invoicestatus"),
             _any("invoice", "invoicenumber"), _any("amount", "linetotal")),
            {"clientname": "name", "invoice": "order_id", "invoicenumber": "order_id",
             "dateissued": "date", "invoicestatus": "status"},
            _invoice_list_rules, _invoice_list_explain("a FreshBooks invoices export")),
    Profile("invoice_list", "an invoices export (Wave, Zoho Invoice, Zoho Books)",
            (*_all("invoicenumber", "customername", "total"),
             _any("invoicestatus", "status"), _any("balancedue", "balance", "outstanding"),
             _any("invoicedate", "date")),
            {"invoicenumber": "order_id", "customername": "name", "customerid": "client_id",
             "invoicedate": "date", "date": "date", "invoicestatus": "status",
             "status": "status", "total": "amount"},
            _invoice_list_rules,
            _invoice_list_explain("an invoices export (Wave, Zoho Invoice, Zoho Books)")),
    Profile("close_opportunities", "a Close opportunities export",
            _all("leadname", "statustype", "value", "valueformatted"),
            {"id": "order_id", "leadid": "client_id", "leadname": "name",
             "statuslabel": "stage", "datewon": "date", "contactname": "contact_name",
             "username": "owner", "note": "note"},
            _close_rules,
            _deal_explain("a Close opportunities export", _close_outcome,
                          "from status_type; an active one is consideration",
                          "; clients by lead; values in cents, divided by 100")),
)

# --- freee's deals (取引): money in and out ------------------------------------------------

# A freee deal's side (収支区分): 収入 money in, a sale; 支出 money out, the business's own
# spending, whose partner (取引先) is a supplier, no client. Its settlement (決済状況):
# 完了 settled (paid), 未決済 not yet.
_FREEE_MONEY_IN, _FREEE_SETTLED = "収入", "完了"


def _freee_facts(frame: pd.DataFrame) -> dict:
    came_in = _col(frame, "収支区分").eq(_FREEE_MONEY_IN)
    settled = _col(frame, "決済状況").eq(_FREEE_SETTLED)
    return {"in": came_in, "sale": came_in & settled, "open": came_in & ~settled,
            "amount": _money(frame, "金額")}


def _freee_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _freee_facts(frame)
    rows = rows[facts["in"].reindex(rows.index, fill_value=False)].copy()
    rows["kind"] = facts["sale"].reindex(rows.index).map({True: "purchase", False: "contact"})
    return rows


def _freee_explain(frame: pd.DataFrame) -> str:
    facts = _freee_facts(frame)
    sale, still_open, amount = facts["sale"], facts["open"], facts["amount"]
    out = ~facts["in"]
    parts = [f"{counted(int(sale.sum()), 'deal')} of money in (収入) settled (完了) counted "
             f"as sales ({values.amount_text(float(amount[sale].sum()))})"]
    if still_open.any():
        parts.append(f"{counted(int(still_open.sum()), 'deal')} of money in not yet settled "
                     f"({values.amount_text(float(amount[still_open].sum()))}) kept as "
                     "contacts")
    if out.any():
        parts.append(f"{counted(int(out.sum()), 'deal')} of money out (支出, "
                     f"{values.amount_text(float(amount[out].sum()))}), the business's own "
                     "spending, left out: its partners are suppliers, not clients")
    return "Recognised as a freee deals (取引) export: " + "; ".join(parts) + "."


PROFILES += (
    Profile("freee_deals", "a freee deals (取引) export",
            _all("収支区分", "発生日", "取引先", "金額"),
            {"発生日": "date", "取引先": "name", "金額": "amount", "決済状況": "status",
             "管理番号": "order_id", "備考": "note"},
            _freee_rules, _freee_explain),
)
BY_NAME = {profile.name: profile for profile in PROFILES}
WRITERS_ONLY = tuple(profile.name for profile in PROFILES if profile.writers_only)


def recognise(headers: list[str], frame: pd.DataFrame | None = None) -> Profile | None:
    """The profile whose headers a sheet has (the most specific one), or None.

    ``frame``: the sheet's rows (or its first part), for the profiles that also look at
    values (an NPS "Score" column holds 0-10 whole numbers); without it those profiles
    go by their headers alone.
    """
    present = {normalise_header(h) for h in headers}
    found = [p for p in PROFILES if all(alternatives & present for alternatives in p.needs)
             and all(_header_matching(present, pattern) for pattern in p.patterns)
             and (p.check is None or p.check(present, frame))]
    return max(found, key=lambda p: len(p.needs) + len(p.patterns) + (p.check is not None)
               ) if found else None


def _header_matching(present, pattern: str) -> str | None:
    """The first normalised header (in sorted order) that a pattern finds, or None."""
    return next((h for h in sorted(present) if re.search(pattern, h)), None)


# Who a row is: where the export names it under a header its profile does not know (a
# reviews export's "Email Address" beside Trustpilot's "Consumer Email"), the field
# vocabulary's synonym says it.
_WHO_FIELDS = ("name", "email")


def profile_mapping(profile: Profile, headers: list[str],
                    frame: pd.DataFrame | None = None) -> dict[str, str | None]:
    """The profile's mapping of a sheet's headers (None: kept as an extra column); a who
    field the profile reads (``_WHO_FIELDS``) that none of its headers fill is taken from
    the first other header whose synonym names it. Fields the profile takes by synonym
    (``Profile.by_synonym``) go first to the headers its table does not know. On tickets,
    with the sheet's ``frame``, a channel or a department its values deny is kept as an
    extra (``_not_the_tickets``)."""
    mapping = _profile_mapping(profile, headers)
    if profile.writers_only and frame is not None:
        mapping.update(dict.fromkeys(_not_the_tickets(frame, mapping)))
    return mapping


def _not_the_tickets(frame: pd.DataFrame, mapping: dict[str, str | None]) -> list[str]:
    """Headers a ticket list maps to the channel or the department whose values say
    otherwise: a "Via" none of whose values is a way of getting in touch (the courier,
    Royal Mail, DPD: ``CHANNEL_FIRST_WORDS``), a "Group" whose values are all groups of
    customers (VIP, Wholesale: ``CUSTOMER_GROUPS``)."""
    found = []
    for header, target in mapping.items():
        said = values.parse_text(frame[header], stripped=True)[0].dropna().astype(str)
        if said.empty:
            continue
        if target == "channel" and not said.map(_names_a_channel).any():
            found.append(header)
        elif target == "department" and said.map(match_key).isin(CUSTOMER_GROUPS).all():
            found.append(header)
    return found


def _names_a_channel(value: str) -> bool:
    """Whether a ticket's "Via" names a way of getting in touch, whole ("E-mail") or by its
    first word ("Phone call (inbound)", "Web Widget")."""
    words = value.split()
    return match_key(value) in CONTACT_MEANS or bool(words) and (
        match_key(words[0]) in CHANNEL_FIRST_WORDS)


def _profile_mapping(profile: Profile, headers: list[str]) -> dict[str, str | None]:
    """``profile_mapping`` by the headers alone."""
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for header in headers if profile.by_synonym else ():
        target = (None if normalise_header(header) in profile.mapping
                  else match_header(header)[0])
        if target in profile.by_synonym and target not in taken:
            mapping[header] = target
            taken.add(target)
    for header in (h for h in headers if h not in mapping):
        # a field goes to the first of its columns in the table
        target = profile.mapping.get(normalise_header(header))
        mapping[header] = target if target not in taken or target == "name" else None
        if target:
            taken.add(target)
    wanted = set(profile.mapping.values())
    for who in _WHO_FIELDS:
        if who in wanted and who not in taken:
            header = next((h for h in headers if mapping[h] is None
                           and normalise_header(h) not in profile.mapping
                           and match_header(h)[0] == who), None)
            if header is not None:
                mapping[header] = who
                taken.add(who)
    return {header: mapping[header] for header in headers}


def explain(profile: Profile, frame: pd.DataFrame) -> str:
    return profile.explain(frame)

