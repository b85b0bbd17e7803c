"""What a client list's status and columns say of each client's stage: money not spent,
spenders, tiers, active or inactive, archived, ticked steps.
"""

from __future__ import annotations

import re
import shlex

import numpy as np
import pandas as pd

from ... import values
from ...fields import (FIRMOGRAPHIC_HEADERS, MEMBER_HEADERS, MEMBERS_FEES, PERIOD_FEE_ALONE,
                       TAG_HEADERS, base_header_key, match_header,
                       names_a_last_visit, names_a_visit_fee, names_money_paid,
                       names_money_spent, normalise_header)
from ...stages import (ACTIVE_OF, CUSTOMER_SINCE, JOB_UNDER_WAY, LIST_UNREACHABLE, OPEN_OF,
                       PAID_STEPS, QUOTE_GIVEN_WORDS, TICK_STEPS, normalise_value)
from ...text import counted, its, listed, name_key, was, without_accents
from .common import before, clients_counted, dated, lift, ticks
from .deals import active_in_a_pipeline, open_deals
from .payers import LEAD_WORDS, list_of_payers, sessions_had


# Words of a header or a sheet's or file's name saying a list is of suppliers, whose
# money is what the business pays them.
_SUPPLIER_WORDS = frozenset("supplier suppliers vendor vendors proveedor proveedores "
                            "fournisseur fournisseurs lieferant lieferanten fornitore fornitori "
                            "fornecedor fornecedores leverancier leveranciers".split())

def money_not_spent(headers, mapping: dict[str, str | None], names: list) -> bool:
    """Whether a client list's money is not what its people spent with the business: the
    list is of leads or suppliers (a word of its name or person's header: "leads.csv",
    "Supplier"), or its "Revenue" sits beside a company's size (an "Employees" count)."""
    def words(texts) -> set[str]:
        return {word for text in texts
                for word in re.findall(r"[a-z]+", without_accents(str(text or "").lower()))}

    own = [h for h, f in mapping.items() if f in ("name", "client_id", "company")]
    # (any header naming suppliers: a bare "Supplier" beside the "Contact" named)
    return (bool(words([*own, *names]) & (LEAD_WORDS | _SUPPLIER_WORDS))
            or bool(words(headers) & _SUPPLIER_WORDS)
            or any(normalise_header(h) in FIRMOGRAPHIC_HEADERS for h in headers))


# A client list's money header naming what someone spends ("Annual spend", "Total spend").
_SPEND = re.compile(r"spend|spent")
# A sum a year ("Annual spend", "Yearly spend", "Spend per year"), not money spent to date.
_YEARLY = re.compile(r"annual|yearly|peryear")


def prospects_spend(out: pd.DataFrame, columns_for: dict[str, list[str]]) -> list[str]:
    """On a list of prospects (a stage or status column saying so, no one on it at purchase
    or later, nor having left), what each spends (``_SPEND``: a lead list's "Annual spend")
    is not revenue they brought, nothing having been bought: it is revenue to come
    (potential), where no column gives that. Beside a customer, a sum a year (``_YEARLY``)
    is still the prospects' revenue to come, the customers' revenue; any other spend is
    what the list's people spent with the business (an owner's tracker: a lead's too),
    revenue. Returns a note."""
    said = columns_for.get("revenue_current", [None])[0]
    if (said is None or "revenue_potential" in columns_for
            or not {"stage", "status"} & set(columns_for)
            or not (_SPEND.search(normalise_header(said))
                    or PERIOD_FEE_ALONE.match(normalise_header(said)))
            or names_money_paid(said)):
        return []       # (a bare "Monthly" £2,000 on a list of leads: what each would pay)
    revenue = pd.to_numeric(out["revenue_current"], errors="coerce")
    prospect = (revenue.gt(0) & out["stage"].isin(["awareness", "consideration"])
                & out["_outcome"].isna())
    bought = out["stage"].isin(["purchase", "retention", "advocacy"]) | out["_outcome"].isin(
        ["active", "churned", "cancelled"])
    if not prospect.any() or bought.any() and not _YEARLY.search(normalise_header(said)):
        return []
    count = _revenue_to_come(out, columns_for, said, revenue, prospect)
    return [f"{counted(count, 'client')} at awareness or consideration with more than 0 in "
            f"'{said}' ({values.amount_text(float(revenue[prospect].sum()))}) "
            f"{'has' if count == 1 else 'have'} bought nothing yet: what they spend is read "
            "as revenue to come (potential), not revenue."]


def _revenue_to_come(out: pd.DataFrame, columns_for: dict[str, list[str]], said: str,
                     revenue: pd.Series, rows: pd.Series) -> int:
    """The rows' money in ``said`` made revenue to come (potential), no revenue; how many
    clients they are."""
    out["revenue_potential"] = revenue.where(rows)
    out["revenue_current"] = revenue.where(~rows)
    columns_for["revenue_potential"] = [said]
    return clients_counted(out, rows)


_QUOTE_GIVEN = frozenset(normalise_value(word) for word in QUOTE_GIVEN_WORDS.split(", "))


def quoted_fees(out: pd.DataFrame, frame: pd.DataFrame,
                columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list, a client whose status says only that a quote or a proposal was
    given ("Quote sent": ``QUOTE_GIVEN_WORDS``) with more than 0 in the revenue column of
    a fee or a price (a pest controller's "Annual fee"; not money paid or spent) has
    bought nothing yet: the money is the price quoted, revenue to come (potential), where
    no column gives that. Returns a note."""
    said = columns_for.get("revenue_current", [None])[0]
    status = columns_for.get("status", [None])[0]
    if (said is None or status not in frame or "revenue_potential" in columns_for
            or names_money_paid(said) or names_money_spent(said)):
        return []
    revenue = pd.to_numeric(out["revenue_current"], errors="coerce")
    quoted = (revenue.gt(0) & values.per_distinct(frame[status], normalise_value).isin(
        _QUOTE_GIVEN).reindex(out.index, fill_value=False).astype(bool)
              & before(out, "purchase"))
    if not quoted.any():
        return []
    count = _revenue_to_come(out, columns_for, said, revenue, quoted)
    return [f"{counted(count, 'client')} whose '{status}' says a quote was given, with "
            f"more than 0 in '{said}' ({values.amount_text(float(revenue[quoted].sum()))}), "
            f"{'has' if count == 1 else 'have'} bought nothing yet: read as revenue to come "
            "(potential), not revenue."]


def spenders_bought(out: pd.DataFrame, columns_for: dict[str, list[str]],
                     by_status: bool = True) -> list[str]:
    """On a client list with no stage column, a client whose revenue is above 0 (a "Total
    spend", a "Monthly fee") has bought: their stage is purchase. With a status column
    (``by_status``), only where it says they are or were active (Active, Paused, Ended;
    not a word Journey does not know, such as "Tentative"); with none, the money alone
    says it, and it only lifts a stored client's stage (``save._lifted_stages``); a
    member's fee (``MEMBERS_FEES``) lifts past a step ticked (a wine club's "Tasting").
    Returns a note."""
    said = columns_for.get("revenue_current", [None])[0]
    if said is None:
        return []
    money = pd.to_numeric(out["revenue_current"], errors="coerce").gt(0)
    joined = not by_status and (names_money_spent(said) or (   # (money spent, or a
        re.sub(r"\d+$", "", normalise_header(said)) in MEMBERS_FEES  # member's fee: a step
        and any(normalise_header(h) in MEMBER_HEADERS                 # ticked does not
                for h in columns_for.get("name", []))))               # hold them back)
    spent = money & (out["stage"].isna() | joined & out["stage"].isin(
        ["awareness", "consideration"]))
    paid = pd.Series(False, index=out.index)
    if by_status:
        spent &= out["_outcome"].isin(["active", "churned", "cancelled"])
        if names_money_paid(said):      # "Total paid" beside a job's Open or In progress
            paid = money & ~spent & out["_outcome"].isna() & (
                out["stage"].isna() | out["stage"].isin(["awareness", "consideration"]))
    if not (spent | paid).any():
        return []
    out["stage"] = out["stage"].where(~(spent | paid), "purchase")
    notes = []
    if spent.any():
        count = clients_counted(out, spent)
        notes.append(f"{counted(count, 'client')} with more than 0 in '{said}' {was(count)} "
                     f"read as {'a customer' if count == 1 else 'customers'} (purchase): no "
                     f"column says {its(count)} stage.")
    if paid.any():
        count = clients_counted(out, paid)
        notes.append(f"{counted(count, 'client')} who paid more than 0 ('{said}') {was(count)} "
                     f"read as {'a customer' if count == 1 else 'customers'} (purchase), "
                     "whatever the status says of the work: money paid is a purchase.")
    return notes


def spenders_lost(out: pd.DataFrame, frame: pd.DataFrame,
                  columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with a status and no stage column, a client the status calls lost
    ("Went elsewhere", "Lost", "Gone quiet") with more than 0 spent or paid ("Total spent",
    "Lifetime value": ``names_money_spent``; not a "Fee" quoted) bought and then left: a
    customer churned (purchase), not a lead lost; a sum a year ("Annual spend") only beside
    a client who bought (on a lead list it is what each spends anywhere). A mailing list's "Unsubscribed" or
    "Bounced" (``LIST_UNREACHABLE``) is a customer still, who left the list, not the
    business. Returns a note."""
    said = columns_for.get("revenue_current", [None])[0]
    header = columns_for.get("status", [None])[0]
    if said is None or header is None or not names_money_spent(said):
        return []
    money = pd.to_numeric(out["revenue_current"], errors="coerce").gt(0)
    bought = out["stage"].isin(["purchase", "retention", "advocacy"]) | out["_outcome"].isin(
        ["active", "churned", "cancelled"])
    if _YEARLY.search(normalise_header(said)) and not bought.any():
        return []       # (a lead list's "Annual spend": what each spends a year, anywhere)
    unreached = values.per_distinct(frame[header], normalise_value).isin(_LIST_UNREACHABLE)
    lost = money & out["_outcome"].eq("lost") & (
        out["stage"].isna() | out["stage"].isin(["awareness", "consideration"]))
    left, off_list = lost & ~unreached, lost & unreached
    out.loc[lost, "stage"] = "purchase"
    out.loc[left, "_outcome"] = "churned"
    out.loc[off_list, "_outcome"] = None
    if "status" in out:
        out.loc[left, "status"] = "churned"
        out.loc[off_list, "status"] = frame.loc[off_list, header]
    notes = []
    for rows, read_as in ((left, "who left (purchase, churned)"),
                          (off_list, "(purchase), off the mailing list, not gone")):
        if rows.any():
            count = clients_counted(out, rows)
            words = listed(sorted(pd.unique(frame.loc[rows, header].astype(str).str.strip())))
            notes.append(f"{counted(count, 'client')} with more than 0 in '{said}' whom "
                         f"'{header}' calls {words} {was(count)} read as "
                         f"{'a customer' if count == 1 else 'customers'} {read_as}: money "
                         "spent is a purchase.")
    return notes


_LIST_UNREACHABLE = frozenset(normalise_value(w) for w in LIST_UNREACHABLE.split(", "))


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


def paid_tiers_bought(out: pd.DataFrame, frame: pd.DataFrame,
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
    count = clients_counted(out, paying)
    return [f"{counted(count, 'client')} on a paid tier in '{said}' "
            f"({listed(sorted(set(frame[said][paying].astype(str))))}) {was(count)} read as "
            f"{'a customer' if count == 1 else 'customers'} (purchase)."]


def trial_tiers_considering(out: pd.DataFrame, frame: pd.DataFrame,
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
              & before(out, "consideration"))
    if not trying.any():
        return []
    out["stage"] = out["stage"].where(~trying, "consideration")
    count = clients_counted(out, trying)
    return [f"{counted(count, 'client')} on a trial in '{said}' "
            f"({listed(sorted(set(frame[said][trying].astype(str))))}) with nothing paid "
            f"{was(count)} read as trying, not buying (consideration)."]


_SHORT_CELL_WORDS = 3


def trials_in_cells(out: pd.DataFrame, frame: pd.DataFrame,
                    mapping: dict[str, str | None]) -> list[str]:
    """On a client list without a stage column, a short cell naming a trial in a column of
    courses, classes or terms (a language school's "Trial class", a pottery class's "taster
    only": ``values.TRIAL_NAMED``), for a client who paid nothing: they have tried, not
    bought (consideration). In notes or tags, the owner's remarks, only a cell that says a
    trial and no more ("trial lesson 12/9", "free taster"; not "trial booked", "trial only -
    went elsewhere"). Not in a column where a trial's cell names more than a session
    (``values.TRIAL_SESSION_WORDS``): a restaurant's "Taster menu", a shop's "Trial Pack"
    are things sold. Returns a note."""
    paid = pd.Series(False, index=out.index)
    for bought in ("revenue_current", "purchases"):     # (money paid, or orders counted)
        if bought in out:
            paid |= pd.to_numeric(out[bought], errors="coerce").gt(0)
    below = before(out, "consideration")
    notes = []
    for header, target in mapping.items():
        remarks = target == "note" or match_header(header)[0] == "note" or bool(
            TAG_HEADERS.match(normalise_header(header)))
        if (target and target != "note") or header not in frame:
            continue
        words = frame[header].map(lambda cell: str(cell).lower().split()
                                  if isinstance(cell, str) else [], na_action="ignore")
        named = words.map(lambda said: 0 < len(said) <= _SHORT_CELL_WORDS
                          and bool(values.TRIAL_NAMED.intersection(said)),
                          na_action="ignore").fillna(False).astype(bool)
        beyond = words.map(lambda said: bool(set(re.findall(r"[^\W\d_]+", " ".join(said)))
                                             - values.TRIAL_NAMED - values.TRIAL_SESSION_WORDS),
                           na_action="ignore").fillna(False).astype(bool)
        if remarks:         # (a remark read only where it says a trial and no more)
            named &= ~beyond
        elif (named & beyond).any():
            continue
        trying = named.reindex(out.index, fill_value=False) & ~paid & below
        if not trying.any():
            continue
        out.loc[trying, "stage"] = "consideration"
        below &= ~trying
        count = clients_counted(out, trying)
        notes.append(f"{counted(count, 'client')} with a trial in '{header}' "
                     f"({listed(sorted(set(frame[header][trying].astype(str))))}) and nothing "
                     f"paid {was(count)} read as trying, not buying (consideration).")
    return notes


# A client list's count of appointments or bookings still to come ("Upcoming
# Appointments": Setmore's, Jane's), or the day of the next one ("Next appointment"), as
# headers are compared. Not a reminder ("Next due": a groomer's; "Next visit": a tuner's
# or a window cleaner's round, a day planned, not booked), nor a call to come.
_BOOKED_TO_COME = re.compile(r"^(?:upcoming|future|scheduled)(?:appointments?|appts?|"
                             r"bookings?|visits?|sessions?|classes|lessons?)(?:count)?$|"
                             r"^next(?:appointment|appt|booking|session|class|lesson)"
                             r"(?:date|day|on|at)?$")


def booked_to_come(out: pd.DataFrame, frame: pd.DataFrame,
                   mapping: dict[str, str | None]) -> list[str]:
    """On a client list, a client with an appointment or a booking to come (more than 0
    under "Upcoming appointments", a day under "Next appointment": ``_BOOKED_TO_COME``),
    none had yet (no count of visits, no last one) and no stage past awareness has booked a
    time: consideration, as an appointment booked and unpaid is on a list of visits.
    Returns a note."""
    headers = [h for h, f in mapping.items()
               if f is None and _BOOKED_TO_COME.match(normalise_header(h))]
    if not headers:
        return []
    booked = pd.Series(False, index=out.index)
    for header in headers:
        counts = values.parse_count(frame[header])[0]
        booked |= (counts.gt(0) if counts.notna().any()
                   else values.parse_dates(frame[header])[0].notna()).reindex(
            out.index, fill_value=False)
    if not booked.any():
        return []
    if "purchases" in out:      # (a visit had already: their count says how far they got)
        booked &= ~pd.to_numeric(out["purchases"], errors="coerce").gt(0)
    if "last_contact" in out:   # (a last visit or class attended: not their first to come)
        booked &= out["last_contact"].isna()
    stage = out["stage"][booked]     # (only the booked rows read: a long list stays quick)
    lifted = booked & (stage.isna() | stage.isin(["pre-awareness", "awareness"])).reindex(
        out.index, fill_value=False)
    out.loc[lifted, "stage"] = "consideration"
    if not lifted.any():
        return []
    count = clients_counted(out, lifted)
    return [f"{counted(count, 'client')} with an appointment or a booking to come in "
            f"{listed([repr(h) for h in headers])} and none had yet {was(count)} read as "
            "considering (consideration): a time booked, nothing bought yet."]


# A subscription's day its trial ends and the day of its last payment, as headers are
# compared (WooCommerce Subscriptions' "trial_end_date", "last_payment_date").
_TRIAL_END = re.compile(r"^trial(?:end|ends|ended|expires|expiry)(?:date|day|at|on|utc|gmt)?$")
_LAST_PAID = re.compile(r"^last(?:payment|paid|charge|charged)(?:date|day|at|on|utc|gmt)?$")


def trials_not_paid(out: pd.DataFrame, frame: pd.DataFrame,
                    mapping: dict[str, str | None]) -> list[str]:
    """On a client list of subscriptions, one with a day its trial ends (``_TRIAL_END``) and
    no payment on or after it (its last payment's day, ``_LAST_PAID``, empty or earlier) is
    trying, not bought (consideration), whatever its status or its plan's price says; a
    trial followed by a payment was bought. Its plan's price is revenue to come (potential),
    not revenue: nothing was paid. Returns a note."""
    headers = [h for h in mapping if isinstance(h, str)]
    trial = next((h for h in headers if _TRIAL_END.match(normalise_header(h))), None)
    if trial is None or "stage" not in out:
        return []
    ends = values.parse_dates(frame[trial])[0]
    paid_header = next((h for h in headers if _LAST_PAID.match(normalise_header(h))), None)
    paid = (values.parse_dates(frame[paid_header])[0] if paid_header is not None
            else pd.Series(None, index=frame.index, dtype=object))
    paid_after = paid.notna() & (paid.fillna("") >= ends.fillna(""))
    trying = (ends.notna() & ~paid_after
              & before(out, "retention"))
    if not trying.any():
        return []
    out["stage"] = out["stage"].where(~trying, "consideration")
    count = clients_counted(out, trying)
    notes = [f"{counted(count, 'client')} with a day in '{trial}' and no payment on or after "
             f"it{f' (in {paid_header!r})' if paid_header else ''} {was(count)} read as "
             "trying, not buying (consideration)."]
    revenue = pd.to_numeric(out.get("revenue_current"), errors="coerce")
    if revenue is not None and (unpaid := revenue.where(trying & revenue.gt(0))).notna().any():
        potential = pd.to_numeric(out.get("revenue_potential", pd.Series(None, index=out.index,
                                                                         dtype=float)),
                                  errors="coerce")
        out["revenue_potential"] = potential.where(unpaid.isna(), unpaid)
        out["revenue_current"] = revenue.where(unpaid.isna())
        whose = "That client's plan price" if count == 1 else "Those clients' plan prices"
        notes.append(f"{whose} ({values.amount_text(float(unpaid.sum()))}) "
                     f"{was(count)} read as revenue to come (potential), not revenue: "
                     "nothing was paid.")
    return notes


def paid_on_a_day(out: pd.DataFrame, frame: pd.DataFrame,
                  mapping: dict[str, str | None]) -> list[str]:
    """On a client list with a stage or status, a day of the last payment (a builder's
    "Last payment": ``_LAST_PAID``) says a client with a day there has paid: bought
    (purchase), where the status says less ("In progress": a job paid in stages, begun).
    Not on a list of trials (``trials_not_paid`` reads those). Returns a note."""
    headers = [h for h in mapping if isinstance(h, str)]
    paid_header = next((h for h in headers if _LAST_PAID.match(normalise_header(h))), None)
    if paid_header is None or "stage" not in out or any(
            _TRIAL_END.match(normalise_header(h)) for h in headers):
        return []
    paid = values.parse_dates(frame[paid_header])[0].reindex(out.index)
    lifted = lift(out, paid.notna(), "purchase")
    if not lifted.any():
        return []
    count = clients_counted(out, lifted)
    return [f"{counted(count, 'client')} with a day in '{paid_header}' {was(count)} read as "
            "having paid (purchase), above what the status says."]


# The day a subscription or a membership started, as headers are compared
# (WooCommerce Subscriptions' "start_date", a gym's "Membership start").
_STARTED = re.compile(r"^(?:subscription|membership|plan)?start(?:ed)?(?:date|day|at|on|utc|gmt)?$")
# Headers saying a list is of subscriptions or memberships, not of jobs begun and paid in
# stages (a builder's "Start date", "Last payment"): its billing period or interval, its
# next payment or renewal, its plan, a trial's end, or a start named for the subscription.
_SUBSCRIBED = re.compile(r"^(?:billing)?(?:period|interval|cycle|frequency)$|"
                         r"^next(?:payment|paid|charge|billing|renewal)|^renewal|^plan(?:name)?$|"
                         r"^(?:subscription|membership|plan)start|^trial")
# A billing period's days, by the words its column writes (WooCommerce's "month" beside its
# "billing_interval" 1; "Annual", "Weekly"), the first that matches: the least a renewal
# comes after the payment before it (a month at its shortest). No period named: a week.
_PERIOD_DAYS = ((re.compile(r"(?i)year|annual"), 365), (re.compile(r"(?i)quarter"), 89),
                (re.compile(r"(?i)month"), 28), (re.compile(r"(?i)week"), 7),
                (re.compile(r"(?i)day|daily"), 1))
_PERIOD = re.compile(r"^(?:billing)?(?:period|cycle|frequency)$")
_INTERVAL = re.compile(r"^(?:billing)?interval$")


def _period_days(frame: pd.DataFrame, headers: list[str]) -> pd.Series:
    """Each row's billing period in days (``_PERIOD_DAYS``, times its interval where a column
    gives one: "month" and 3 are 84), a week where no column says."""
    period = next((h for h in headers if _PERIOD.match(normalise_header(h))), None)
    interval = next((h for h in headers if _INTERVAL.match(normalise_header(h))), None)
    days = pd.Series(7.0, index=frame.index)
    if period is None and interval is not None and not pd.to_numeric(
            frame[interval], errors="coerce").notna().any():
        period, interval = interval, None       # (Stripe's "Interval": month, year)
    if period is not None:
        said = frame[period].astype("string").fillna("")
        found = pd.Series(float("nan"), index=frame.index)
        for pattern, length in _PERIOD_DAYS:
            found = found.where(found.notna() | ~said.str.contains(pattern), float(length))
        days = found.fillna(7.0)
    if interval is not None:
        days = days * pd.to_numeric(frame[interval], errors="coerce").where(
            lambda n: n.ge(1), 1).fillna(1)
    return days


def renewals_paid(out: pd.DataFrame, frame: pd.DataFrame,
                  mapping: dict[str, str | None]) -> list[str]:
    """On a client list of subscriptions or memberships (``_SUBSCRIBED``), one whose last
    payment (``_LAST_PAID``) came a billing period or more (``_period_days``) after its
    start (``_STARTED``) and its trial's end (``_TRIAL_END``) was paid at least twice, at
    the start or the trial's end and again: a client who stayed (retention). One paid only
    once (its last payment on its first day, or an annual plan's first charge taken two
    days late) bought. Returns a note."""
    headers = [h for h in mapping if isinstance(h, str)]
    found = {name: next((h for h in headers if pattern.match(normalise_header(h))), None)
             for name, pattern in (("start", _STARTED), ("paid", _LAST_PAID),
                                   ("trial", _TRIAL_END))}
    if (found["start"] is None or found["paid"] is None or "stage" not in out
            or not any(_SUBSCRIBED.match(normalise_header(h)) for h in headers)):
        return []
    days = {name: pd.to_datetime(values.parse_dates(frame[header])[0].str[:10],
                                 errors="coerce")
            for name, header in found.items() if header is not None}
    first = days["start"]
    if "trial" in days:
        first = first.where(days["trial"].isna() | (days["trial"] < first), days["trial"])
    gap = (days["paid"] - first).dt.days
    again = gap.ge(_period_days(frame, headers))
    again &= before(out, "retention")
    if not again.any():
        return []
    out["stage"] = out["stage"].where(~again, "retention")
    count = clients_counted(out, again)
    return [f"{counted(count, 'client')} whose last payment ('{found['paid']}') came after "
            f"{'its' if count == 1 else 'their'} start ('{found['start']}') "
            f"{was(count)} read as paid more than once: staying (retention)."]


_INACTIVE = frozenset(normalise_value(word) for word in (
    "inactive", "inactivo", "inactiva", "inactif", "inaktiv", "inativo", "inativa",
    "inattivo", "inattiva", "inactief"))
# A client's record put away (Practice Better's "Archived"), beside "Active": their status,
# no longer seen (churned), not a stage; a client who bought only where a session shows it.
# Beside "Active" on a list of paying clients, a client who stopped ("Cancelled", "Stopped":
# a cleaner's or a subscription box's regulars) or paused ("On hold"): a client, Inactive or
# Active as those are.
_ENDED_BESIDE_ACTIVE = frozenset(normalise_value(word) for word in (
    "cancelled", "canceled", "stopped", "ended", "left",
    # (a subscription paid to its period's end, then to stop: WooCommerce's)
    "pending cancel", "pending cancellation"))
_PAUSED_BESIDE_ACTIVE = frozenset(normalise_value(word) for word in (
    "on hold", "paused", "suspended", "on a break"))
# A member's or a subscription's status saying it runs, beside one that stopped or paused
# (``_ENDED_BESIDE_ACTIVE``, ``_PAUSED_BESIDE_ACTIVE``): Active, in other words.
_LIVE = frozenset(normalise_value(word) for word in ("live", "running", "ongoing"))
_ARCHIVED = frozenset(normalise_value(word) for word in (
    "archived", "archiviert", "archivé", "archivado", "archivada", "archiviato",
    "archiviata", "gearchiveerd", "arkiverad", "arkiveret", "arkivert"))


def _archived_with_sessions(out: pd.DataFrame, frame: pd.DataFrame, header: str,
                            mapping: dict[str, str | None], archived: pd.Series) -> list[str]:
    """Clients whose status says their record was archived (``_ARCHIVED``), beside others
    active, who had a session (a last session's day given: ``sessions_had``): they bought
    (purchase) and have left (churned), their status, not their stage. An archived record
    with no session may have been a lead's: it waits to be mapped. Returns a note."""
    had = pd.Series(False, index=frame.index)
    for column, target in mapping.items():
        # (kept as an extra; or read as the last contact where it names a session, not a
        # "Last visit", which on a website's list of users is a visit to the site)
        if target is None or (target == "last_contact"
                               and "visit" not in normalise_header(column)):
            had |= sessions_had(frame, column)
    left = archived & had
    if not left.any():
        return []
    out.loc[left, "status"] = "churned"
    out.loc[left, "_outcome"] = "churned"
    out.loc[left & out["stage"].isna(), "stage"] = "purchase"
    out["_read_after"] = frame[header].where(left)     # (no longer waiting to be mapped)
    count = clients_counted(out, left)
    return [f"{counted(count, 'client')} '{header}' calls Archived, with a last session "
            f"given, {was(count)} read as having bought (purchase) and left (churned)."]


def active_or_inactive(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                        columns_for: dict[str, list[str]], names: list[str],
                        stage_map: dict[str, str]) -> list[str]:
    """A client list's "Active" or "Inactive" (a status, or a stage column saying only that)
    is read one way for the whole list. On a list of paying clients (``list_of_payers``)
    both say the person was a client: those no stage places are at purchase, and Inactive
    marks where they left (churned). On a list of leads or subscribers, or one that does not
    say, neither says anything of buying: Inactive is not read as a churned customer. Values
    a person mapped (``stage_map``) are theirs. There a paying client who "Cancelled"
    beside Active ones (a gym's member, a cleaner's regular) cancelled what they had paid
    for: they left (churned), as an Inactive one did; the outcome cancelled stays for what
    was called off before it was paid for (a booking), and with nothing spent. Returns a
    note."""
    header = next((columns_for[f][0] for f in ("status", "stage") if f in columns_for), None)
    if header is None:
        return []
    said = values.per_distinct(frame[header], normalise_value)
    active, inactive = said.isin(ACTIVE_OF), said.isin(_INACTIVE)
    if (said.isin(_ENDED_BESIDE_ACTIVE) | said.isin(_PAUSED_BESIDE_ACTIVE)).any():
        active |= said.isin(_LIVE)      # ("Live" beside "On hold", "Cancelled": members';
        # beside "Active" too: one member's written one way, another's the other)
    if active.any():        # ("Cancelled", "On hold" beside "Active": regulars who stopped)
        inactive |= said.isin(_ENDED_BESIDE_ACTIVE)
        active |= said.isin(_PAUSED_BESIDE_ACTIVE)
    if said.isin(JOB_UNDER_WAY).any():      # "Open" beside "In progress": a job's, not done
        active &= ~said.isin(OPEN_OF)
    mapped = values.isin(said, set(stage_map))
    active, inactive = active & ~mapped, inactive & ~mapped
    archived = said.isin(_ARCHIVED) & ~mapped
    notes = (_archived_with_sessions(out, frame, header, mapping, archived)
             if archived.any() and active.any() else [])
    if not (active | inactive).any():
        return notes
    bought = active_in_a_pipeline(out, frame, header, columns_for, active, stage_map)
    if bought:
        return notes + bought
    payers, why = list_of_payers(frame, mapping, columns_for, names)
    if open_deals(frame[header], said, active, inactive, stage_map, payers):
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
        left = inactive & ~money.eq(0)
        if left.any():      # (a paying client who cancelled: left, churned)
            left &= out["_outcome"].eq("cancelled") & out["stage"].isin(
                ["purchase", "retention", "advocacy"])
            out.loc[left, [c for c in ("_outcome", "status") if c in out]] = "churned"
        count, left = clients_counted(out, lifted), clients_counted(out, lifted & inactive)
        left_as = [str(word).strip() for word in pd.unique(frame.loc[inactive, header].dropna())]
        if not count:
            return notes
        return notes + [f"'{header}' says Active or Inactive on a list of paying clients ({why} "
                f"says so): {counted(count, 'client')} {was(count)} read as "
                f"{'a customer' if count == 1 else 'customers'} (purchase)"
                + (f", and {left:,} {listed(left_as)} as having left (churned)." if left
                   else ".")]
    undone = inactive & out["_outcome"].eq("churned")
    out.loc[undone, "_outcome"] = None
    out.loc[undone, "status"] = frame.loc[undone, header]
    if payers is False:
        # (a subscriber who cancelled, Kit's "cancelled", left the list before buying: lost)
        stopped = inactive & out["_outcome"].isin(["cancelled", "churned"])
        out.loc[stopped, ["_outcome", "status"]] = "lost"
        count = clients_counted(out, stopped)
        return notes + [f"'{header}' says Active or Inactive on a list of leads or subscribers "
                f"({why} says so): that says nothing about buying, so no one was read as a "
                "customer from it, and Inactive not as a customer who left" + (
                    f"; {counted(count, 'contact')} "
                    f"{listed([repr(w) for w in sorted(frame.loc[stopped, header].astype(str).unique())])} "
                    f"{was(count)} read as lost, not churned." if count else ".")]
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


def ticked_steps(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                  demoted: list[str], notes: list[str], day_first: bool | None) -> list[str]:
    """On a client list, yes/no columns whose header names a step of the journey
    (``TICK_STEPS``: "Booked call", "Proposal sent", "Paid", "Left review") lift each
    client ticked there to that step's stage, if it is further than the stage said
    otherwise; so do columns of dates under such a header (a pipeline's "Quoted",
    "Booked", "Paid", a "First purchase": when each step was taken), one that only looked
    like a field (``demoted``: "Quoted" taken for a quote's amount) too, its note in
    ``notes`` dropped. The day of each step is kept (``STEP_ON``, saved by
    ``steps_taken``). Tick columns naming no step are kept as extras. Returns a note saying
    which columns were read as what (and which were not)."""
    mapping = {**mapping, **dict.fromkeys(demoted)}
    steps, unnamed, days_of = {}, [], []
    # "Booked" beside a "Paid" column of its own is the step before paying: consideration
    paid_apart = any(base_header_key(h) in PAID_STEPS for h, f in mapping.items() if not f)
    for header, target in mapping.items():
        if target or header not in frame:
            continue
        ticked = ticks(frame[header])
        if ticked is None:
            continue
        stage = TICK_STEPS.get(normalise_header(header))
        if stage is None:
            unnamed.append(header)
            continue
        if paid_apart and normalise_header(header) == "booked":
            stage = "consideration"
        steps[header] = stage
        lift(out, ticked, stage)
        if dated(frame.loc[ticked[ticked].index, header], digits=False):
            days_of.append(header)
            _keep_step_days(out, stage, values.parse_dates(
                frame[header].where(ticked), day_first=day_first)[0])
    if not steps:
        return []
    notes[:] = [note for note in notes
                if not any(note.startswith(f"Column '{h}' looked like ") for h in steps)]
    read = listed([f"'{h}' as {s}" for h, s in steps.items()], len(steps))
    any_dated = any(dated(frame[h].dropna(), digits=False) for h in steps)
    note = (f"Yes/no {'or date ' if any_dated else ''}columns read as steps of the journey (a tick "
            f"{'or a date ' if any_dated else ''}lifts the client): {read}.")
    if unnamed:
        note += (f" {listed([repr(h) for h in unnamed], len(unnamed))} "
                 f"{'names' if len(unnamed) == 1 else 'name'} no step: kept as extra.")
    if not days_of:
        return [note]
    count = clients_counted(out, out[[c for c in out if c.startswith(STEP_ON)]].notna().any(
        axis=1))
    return [note, f"The days in {listed([repr(h) for h in days_of], len(days_of))} were kept "
                  f"as the day {'the client' if count == 1 else f'each of {count:,} clients'} "
                  "took that step (the stage's date; no sale, no amount)."]


# The hidden columns of a client list's rows holding the day each client took a step
# ("_on:purchase": the day in its "First purchase"), the earliest where two columns say.
STEP_ON = "_on:"
# The mark on the stage change saved of such a day: it is known by its client and stage,
# whatever the day, so a day corrected later is updated, not added (save).
STEP_TAKEN = "_step_taken"


def _keep_step_days(out: pd.DataFrame, stage: str, days: pd.Series) -> None:
    """Keep the days clients took a step of this stage (``STEP_ON``; the earlier of two)."""
    column = STEP_ON + stage
    days = days.reindex(out.index)
    if column in out:
        kept = out[column]
        earlier = kept.notna() & (days.isna() | (kept.fillna("") <= days.fillna("")))
        days = kept.where(earlier, days)
    out[column] = days


def steps_taken(rows: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                day_first: bool | None) -> tuple[pd.DataFrame, pd.DataFrame | None, list[str]]:
    """The days a client list says each client took a step (``STEP_ON``, kept by
    ``ticked_steps``; and a "Customer since", ``CUSTOMER_SINCE``, as the first purchase of
    the clients the sheet shows as customers: stage purchase or further, or a purchase
    counted) as a stage change of the client on that day, saved beside the clients (save):
    the stage's date, as a stage column of events gives it. No sale, no amount: purchases
    and revenue stay as they were. Returns the rows without those columns, the events
    (None where none) and a note."""
    notes = []
    since = next((h for h, f in mapping.items() if f in (None, "first_contact")
                  and normalise_header(h) in CUSTOMER_SINCE and h in frame), None)
    if since is not None:
        days = (rows["first_contact"] if mapping[since] == "first_contact"
                else values.parse_dates(frame.loc[rows.index, since], day_first=day_first)[0])
        reached = (~before(rows, "purchase")
                   if "stage" in rows else pd.Series(False, index=rows.index))
        if "purchases" in rows:
            reached |= pd.to_numeric(rows["purchases"], errors="coerce").ge(1)
        days = days.where(reached)
        if days.notna().any():
            rows = rows.copy()
            _keep_step_days(rows, "purchase", days)
            count = clients_counted(rows, days.notna())
            apart = clients_counted(rows, days.isna() & frame.loc[rows.index, since].notna())
            notes.append(f"'{since}' was read as the day of the first purchase of the "
                         f"{counted(count, 'client')} the sheet shows as "
                         f"{'a customer' if count == 1 else 'customers'} (no sale, no amount)"
                         + (f"; {apart:,} not shown as one kept it as the first contact only."
                            if apart and mapping[since] == "first_contact" else "."))
    columns = [c for c in rows if c.startswith(STEP_ON)]
    if not columns:
        return rows, None, notes
    taken = []
    for column in columns:
        picked = _one_row_each(rows[rows[column].notna()])
        taken.append(pd.DataFrame({
            **{field: picked[field] for field in _BUYER_FIELDS if field in picked},
            "date": picked[column], "kind": "stage_change", "stage": column[len(STEP_ON):],
            "extra": None, "_row": picked["_row"], STEP_TAKEN: True}))
    events = pd.concat(taken, ignore_index=True)
    return rows.drop(columns=columns), (events if len(events) else None), notes


# What a client's row says of each who bought, kept with the sale made of it.
_BUYER_FIELDS = ("client_id", "name", "email", "phone")
# The mark on such a sale: it is known by its client and day, whatever the fee (save).
VISIT_SALE = "_visit_sale"


def _one_row_each(rows: pd.DataFrame) -> pd.DataFrame:
    """Of rows of a client list, one per client: a client written twice on the list is one
    client, its last row."""
    who = rows["client_id"] if "client_id" in rows else pd.Series(None, index=rows.index)
    if "name" in rows:
        who = who.where(who.notna(), rows["name"].map(
            lambda name: None if pd.isna(name) else name_key(str(name))))
    return rows[who.isna() | ~who.duplicated(keep="last")]


def last_visits_sold(rows: pd.DataFrame, columns_for: dict[str, list[str]]
                     ) -> tuple[pd.DataFrame | None, list[str]]:
    """A client list's fee for a visit beside the day of its last one (a piano tuner's
    "Fee" beside "Last tuning"; ``names_a_visit_fee``, ``names_a_last_visit``): each client
    it made a customer (stage purchase) paid it that day, a sale dated then, saved beside
    the client (save). Not a fee beside the last time they were only in touch ("Last
    contact"): no visit. Returns the sales (None where none) and a note."""
    day_header = columns_for.get("last_contact", [None])[0]
    fee_header = columns_for.get("revenue_current", [None])[0]
    if (day_header is None or fee_header is None or "stage" not in rows
            or not names_a_last_visit(day_header) or not names_a_visit_fee(fee_header)):
        return None, []
    fee = pd.to_numeric(rows["revenue_current"], errors="coerce")
    sold = fee.gt(0) & rows["last_contact"].notna() & rows["stage"].eq("purchase")
    if not sold.any():
        return None, []
    picked = _one_row_each(rows[sold])      # (one sale each)
    sold = sold & rows.index.isin(picked.index)
    sales = pd.DataFrame({
        **{field: picked[field] for field in _BUYER_FIELDS if field in picked},
        "date": picked["last_contact"], "kind": "purchase", "amount": fee[sold],
        "extra": None, "_row": picked["_row"], VISIT_SALE: True})
    count = int(sold.sum())
    return sales, [f"{counted(count, 'client')} with a fee in '{fee_header}' beside a day in "
                   f"'{day_header}' {was(count)} read as paying that fee that day: "
                   f"{'a sale' if count == 1 else 'sales'} dated then "
                   f"({sales['amount'].sum():,.2f} in all)."]
