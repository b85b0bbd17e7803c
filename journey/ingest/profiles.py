"""Profiles of well-known exports, kept as data: one entry per export in ``PROFILES``.

A profile says how an export is recognised from its headers alone (``needs``: normalised
headers that must all be there, so recognising costs nothing on a large sheet), what its
columns map to (``mapping``: normalised header -> field), and its rules (``rules``): what
each row is (a purchase, a won deal, a refund...) and who the client is, applied to the
typed rows the import prepared. ``explain`` says in one sentence, before anything is
saved, what was understood. Adding a profile is one entry here plus its test in
tests/test_real_exports.py.

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
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from .. import values
from ..fields import normalise_header

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


# --- helpers over the raw frame ---------------------------------------------------------

def _col(frame: pd.DataFrame, *names: str) -> pd.Series:
    """The first column present of normalised names, as stripped text (None when blank)."""
    by_normal = {normalise_header(h): h for h in frame.columns}
    for name in names:
        if name in by_normal:
            return values.parse_text(frame[by_normal[name]], stripped=True)[0]
    return pd.Series([None] * len(frame), index=frame.index, dtype=object)


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


def _n(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else (plural or noun + 's')}"


def _fold_lines(rows: pd.DataFrame, order: pd.Series) -> pd.DataFrame:
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
    return {
        "order": order, "first": first, "email": email,
        "cancelled": first & _col(frame, "cancelledat").notna(),
        "refunded": first & (status.isin(["refunded", "partially_refunded"])
                             | (refunded > 0)),
        "refund_amount": refunded,
    }


def _shopify_orders_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _shopify_orders_facts(frame)
    order = facts["order"]
    rows = rows.copy()
    rows["client_id"] = rows["email"] = facts["email"].reindex(rows.index)
    rows = _keyed_by_id(rows)
    rows["kind"] = "purchase"
    # Order-level fields are blank on an order's other lines; the first line holds them.
    orders = _fold_lines(rows, order.reindex(rows.index))
    cancelled = _with(orders, facts["cancelled"], kind="cancellation", amount=None,
                      date=_dates(frame, "cancelledat"))
    refunds = _with(orders, facts["refunded"], kind="refund",
                    amount=facts["refund_amount"])
    return _stack(orders, cancelled, refunds)


def _shopify_orders_explain(frame: pd.DataFrame) -> str:
    facts = _shopify_orders_facts(frame)
    first = facts["first"]
    emails = facts["email"][first]
    missing = int(emails.isna().sum())
    return (f"Recognised as a Shopify orders export: {_n(int(first.sum()), 'order')} from "
            f"{_n(emails.nunique(), 'customer')} matched by e-mail (case ignored); "
            + (f"{_n(missing, 'order')} without an e-mail kept without a client; "
               if missing else "")
            + f"{int(facts['cancelled'].sum()):,} cancelled, "
            f"{int(facts['refunded'].sum()):,} refunded.")


# --- Stripe payments --------------------------------------------------------------------

_STRIPE_PAID = {"paid", "succeeded", "refunded", "partially refunded", "partially_refunded"}


def _stripe_facts(frame: pd.DataFrame) -> dict:
    said = _col(frame, "captured").str.casefold()
    status = _col(frame, "status").str.casefold()
    # Captured says it; without it (older exports), the status does, for a charge with an
    # id (a row without one is a PaymentIntent that never became a charge).
    paid = said.isin(["true", "yes", "1"]) | (
        said.isna() & status.isin(_STRIPE_PAID) & _col(frame, "id").notna())
    customer = _col(frame, "customerid").fillna(_col(frame, "customeremail").str.casefold())
    refunded = _money(frame, "amountrefunded").fillna(0)
    return {"paid": paid, "customer": customer, "refunded": refunded > 0,
            "refund_amount": refunded}


def _stripe_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _stripe_facts(frame)
    rows = rows.copy()
    rows["client_id"] = facts["customer"].reindex(rows.index)
    rows["email"] = _none(_col(frame, "customeremail").str.casefold()).reindex(rows.index)
    rows = _keyed_by_id(rows)
    rows["kind"] = facts["paid"].reindex(rows.index).map({True: "purchase", False: "contact"})
    refund_date = _dates(frame, "refundeddateutc", "refundeddate")
    refunds = _with(rows, facts["refunded"], kind="refund", amount=facts["refund_amount"],
                    date=refund_date.where(refund_date.notna(), rows["date"]
                                           if "date" in rows else None))
    return _stack(rows, refunds)


def _stripe_explain(frame: pd.DataFrame) -> str:
    facts = _stripe_facts(frame)
    paid = facts["paid"]
    failed = int((~paid & _col(frame, "status").str.casefold().eq("failed")).sum())
    other = int((~paid).sum()) - failed
    unpaid = _n(failed, "failed attempt") + (f" and {_n(other, 'unfinished payment')}"
                                             if other else "")
    return (f"Recognised as a Stripe payments export: {_n(int(paid.sum()), 'payment')} from "
            f"{_n(facts['customer'][paid].nunique(), 'customer')} (by customer ID, else "
            f"e-mail); {unpaid} kept as contacts, not purchases; "
            f"{int(facts['refunded'].sum()):,} refunded.")


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


def _deal_explain(label: str, outcome: Callable[[pd.DataFrame], pd.Series],
                  how: str, client_note: str = "") -> Callable[[pd.DataFrame], str]:
    def explain(frame: pd.DataFrame) -> str:
        said = outcome(frame)
        won, lost = int((said == "won").sum()), int((said == "lost").sum())
        rate = ("unknown" if not won + lost else f"{won / (won + lost):.1%}"
                if won / (won + lost) >= 0.1 else f"{won / (won + lost):.2%}")
        return (f"Recognised as {label}: {_n(len(frame), 'deal')}, {won:,} won and "
                f"{lost:,} lost ({how}), win rate {rate}; "
                f"{_n(len(frame) - won - lost, 'deal')} still open or undecided"
                f"{client_note}.")
    return explain


def _hubspot_outcome(frame: pd.DataFrame) -> pd.Series:
    # Internal ids (closedwon) in API pulls, labels (Closed Won) in the app's exports.
    stage = _col(frame, "dealstage").str.casefold().str.replace(r"[^0-9a-z]", "", regex=True)
    return stage.map({"closedwon": "won", "closedlost": "lost"})


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
_CUSTOMER = ("customerid", "customer", "customerno", "customernumber")


def _invoice_facts(frame: pd.DataFrame) -> dict:
    invoice = _col(frame, *_INVOICE)
    invoice = invoice.str.replace(r"\.0$", "", regex=True)
    first = invoice.notna() & ~invoice.duplicated()
    quantity = values.parse_number(_col(frame, "quantity"))[0]
    price = values.parse_money(_col(frame, *_PRICE))[0]
    line = quantity * price
    total = line.groupby(invoice).transform("sum")
    customer = _col(frame, *_CUSTOMER).str.replace(r"\.0$", "", regex=True)
    customer = _none(customer.groupby(invoice).transform("first"))
    cancelled = invoice.fillna("").str.upper().str.startswith("C")
    return {"invoice": invoice, "first": first, "total": total, "customer": customer,
            "cancelled": cancelled}


def _invoice_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    facts = _invoice_facts(frame)
    rows = rows.copy()
    rows["client_id"] = facts["customer"].reindex(rows.index)
    rows["order_id"] = facts["invoice"].reindex(rows.index)
    cancelled = facts["cancelled"].reindex(rows.index)
    rows["kind"] = cancelled.map({True: "cancellation", False: "purchase"})
    rows["amount"] = facts["total"].reindex(rows.index).abs()
    return _fold_lines(rows, facts["invoice"].reindex(rows.index))


def _invoice_explain(frame: pd.DataFrame) -> str:
    facts = _invoice_facts(frame)
    first = facts["first"]
    customers = facts["customer"][first]
    cancelled = int((first & facts["cancelled"]).sum())
    missing = int(customers.isna().sum())
    return (f"Recognised as invoice lines: {_n(len(frame), 'line')} grouped into "
            f"{_n(int(first.sum()), 'invoice')} from {_n(customers.nunique(), 'customer')} "
            f"(by customer ID); "
            + (f"{_n(missing, 'invoice')} without a customer kept without a client; "
               if missing else "")
            + f"{cancelled:,} cancellation invoices (numbers starting with C).")


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
    return (f"Recognised as a Shopify customers export: {_n(len(frame), 'customer')}, "
            f"{email.nunique():,} by e-mail (case ignored) and "
            f"{int(email.isna().sum()):,} without an e-mail kept by name; "
            f"{int((orders >= 1).sum()):,} have ordered and {int((orders >= 2).sum()):,} "
            f"ordered twice or more (from Total Orders: the export has no order dates).")


# --- help-desk tickets ----------------------------------------------------------------------

_BLANK_MARKS = {"-", "'-", "n/a", "--"}


def _tickets_rules(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Every ticket is a complaint of its requester; "-" placeholders are blanks."""
    rows = rows.copy()
    rows["kind"] = "complaint"
    for column in ("name", "status", "reason", "note", "department", "owner", "channel"):
        if column in rows:
            text = rows[column].astype(object)
            rows[column] = text.where(~text.isin(_BLANK_MARKS), None)
    return rows


def _tickets_explain(frame: pd.DataFrame) -> str:
    requester = _col(frame, *_REQUESTER)
    requester = requester.where(~requester.isin(_BLANK_MARKS))
    missing = int(requester.isna().sum())
    return (f"Recognised as a help-desk tickets export: {_n(len(frame), 'ticket')} from "
            f"{_n(requester.str.casefold().nunique(), 'requester')}, each ticket a complaint "
            f"of its requester (the requester is the client)"
            + (f"; {_n(missing, 'ticket')} without a requester kept without a client"
               if missing else "") + ".")


_REQUESTER = ("requester", "requestername", "solicitante", "demandeur", "anfragender")


# --- the table ----------------------------------------------------------------------------

_SHOPIFY_ORDERS = {"name": "order_id", "createdat": "date", "total": "amount",
                   "billingname": "name"}

PROFILES: tuple[Profile, ...] = (
    Profile("shopify_orders", "a Shopify orders export",
            _all("name", "email", "financialstatus", "createdat", "total", "lineitemname",
                 "cancelledat"),
            _SHOPIFY_ORDERS, _shopify_orders_rules, _shopify_orders_explain),
    Profile("stripe_payments", "a Stripe payments export",
            _all("id", "amount", "amountrefunded", "captured", "status"),
            {"id": "order_id", "createddateutc": "date", "createdutc": "date",
             "created": "date", "amount": "amount",
             "status": "status", "customerdescription": "name"},
            _stripe_rules, _stripe_explain),
    Profile("hubspot_deals", "a HubSpot deals export",
            _all("dealname", "dealstage", "amount", "closedate"),
            {"dealname": "name", "dealstage": "stage", "amount": "amount",
             "closedate": "date", "hsobjectid": "order_id", "pipeline": "channel"},
            _deal_rules(_hubspot_outcome, open_date=("createdate",)),
            _deal_explain("a HubSpot deals export", _hubspot_outcome,
                          "deal stage ids closedwon and closedlost",
                          "; each deal's name is its client"),
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
             _any("quantity", "qty"), _any("invoicedate", "date"), _any(*_PRICE),
             _any(*_CUSTOMER)),
            {"invoicedate": "date", "date": "date"}, _invoice_rules, _invoice_explain),
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
    Profile("shopify_customers", "a Shopify customers export",
            _all("firstname", "lastname", "email", "totalspent", "totalorders"),
            {"email": "client_id", "firstname": "name", "lastname": "name",
             "country": "country", "province": "region", "phone": "phone",
             "totalspent": "revenue_current", "totalorders": "purchases"},
            _shopify_customers_rules, _shopify_customers_explain, kind="clients"),
    Profile("helpdesk_tickets", "a help-desk tickets export",
            (_any("requester", "requestername", "solicitante", "demandeur", "anfragender"),
             _any("ticketstatus", "estadodelticket", "status", "estado", "statut"),
             _any("created", "createdat", "requested", "solicitado", "fechadecreacion",
                  "datedecreation", "erstellt")),
            {"requester": "name", "requestername": "name", "solicitante": "name",
             "demandeur": "name", "anfragender": "name",
             "ticketstatus": "status", "estadodelticket": "status", "status": "status",
             "estado": "status", "statut": "status",
             "created": "date", "createdat": "date", "requested": "date", "solicitado": "date",
             "fechadecreacion": "date", "datedecreation": "date", "erstellt": "date",
             "subject": "note", "asunto": "note", "sujet": "note", "betreff": "note",
             "category": "reason", "categoria": "reason", "group": "department",
             "grupo": "department", "assignee": "owner", "agenteasignado": "owner",
             "channel": "channel", "canal": "channel", "via": "channel",
             "source": "channel"},
            _tickets_rules, _tickets_explain),
)
BY_NAME = {profile.name: profile for profile in PROFILES}


def recognise(headers: list[str]) -> Profile | None:
    """The profile whose headers a sheet has (the most specific one), or None."""
    present = {normalise_header(h) for h in headers}
    found = [p for p in PROFILES if all(alternatives & present for alternatives in p.needs)]
    return max(found, key=lambda p: len(p.needs)) if found else None


def profile_mapping(profile: Profile, headers: list[str]) -> dict[str, str | None]:
    """The profile's mapping of a sheet's headers (None: kept as an extra column)."""
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for header in headers:        # a field goes to the first of its columns in the table
        target = profile.mapping.get(normalise_header(header))
        mapping[header] = target if target not in taken or target == "name" else None
        if target:
            taken.add(target)
    return mapping


def explain(profile: Profile, frame: pd.DataFrame) -> str:
    return profile.explain(frame)

