"""Whether a client list is of paying people, and its counts of sessions, visits or classes
(as purchases, or not: web analytics, nothing paid).
"""

from __future__ import annotations

import re

import pandas as pd

from ... import values
from ...fields import PAID_COUNT, normalise_header
from ...stages import LIST_UNREACHABLE, normalise_value
from ...text import counted, listed, was, without_accents
from ..read import RawSheet
from .common import clients_counted


# An unmapped column of the day of each client's last session or visit (Practice Better's
# "Last Session"): filled, the client had one.
_LAST_SESSION = re.compile(r"^(?:last|latest|previous|recent)(?:session|visit|appointment|"
                           r"class|lesson|treatment)(?:date|on)?$")
# Words of a header, a sheet's or a file's name: the list is of people who pay (clients,
# members, patients), or of people who have not bought (leads, subscribers).
PAYING_WORDS = frozenset(
    "client clients customer customers patient patients member members membership "
    "memberships student students clientes socios membres kunden mitglieder clienti soci "
    "klanten leden клиент клиенты".split())     # (Cyrillic: read by _names_a_client)
LEAD_WORDS = frozenset(
    "lead leads prospect prospects subscriber subscribers subscribed newsletter mailing "
    "audience enquiry enquiries inquiry inquiries signup signups waitlist prospectos "
    "suscriptores abonnes interessenten iscritti".split())
# A mailing tool's own headers (normalised): Mailchimp's "MEMBER_RATING", "OPTIN_TIME",
# Klaviyo's "Email Marketing Consent", Brevo's "EMAIL_BLACKLISTED"): a list of subscribers,
# its "member" the mailing list's, no paying member.
MAILING_TOOL_HEADERS = frozenset(
    "memberrating optintime optinip confirmtime confirmip leid euid unsubtime "
    "unsubcampaigntitle unsubcampaignid unsubreason unsubreasonother cleantime "
    "cleancampaigntitle cleancampaignid emailmarketingconsent smsmarketingconsent "
    "emailmarketingconsenttimestamp emailblacklisted smsblacklisted doubleoptin".split())
# An unmapped column counting what each client had: sessions, visits, classes.
_HAD_COUNT = re.compile(r"^(?:no|number|total|num)?(?:of)?(?:attended|completed)?"
                        r"(?:sessions|visits|classes|lessons|treatments|appointments|bookings|"
                        r"jobs|orders|attendances)(?:attended|done|had|booked|count|total|"
                        r"todate|bought|purchased)?$|" + PAID_COUNT.pattern)
# (TeamUp's "Attended Sessions", Glofox's "Total Attendances"; a gym member's "Months paid")


# A count of sessions given free or on trial, or of a client's sessions still to come on
# a lead list: no purchases.
_NOT_BOUGHT_COUNT = re.compile(r"trial|free|complimentary|intro|taster|cancel|noshow|missed|"
                               r"remaining|left|upcoming|scheduled")


# A header of a website's analytics beside a count of sessions or visits: those were visits
# to the website (a CRM's "Number of Sessions" beside "Number of Pageviews"), not purchases.
_WEB_ANALYTICS = re.compile(r"pageview|pagesviewed|pageviews|bounce|timeonsite|lastpageseen|"
                            r"firstpageseen|website|webvisit|sitevisit|formsubmission|"
                            r"emailopen|emailclick|utm")


def web_visits_not_purchases(raw: RawSheet, mapping: dict[str, str | None],
                              chosen: set[str], names: list[str]) -> list[str]:
    """On a client list, a count of sessions or visits (``_HAD_COUNT``) is no count of
    purchases where a header speaks of the website's analytics (``_WEB_ANALYTICS``:
    "Number of Pageviews") or a header or the sheet's or file's name says the list is of
    leads (``list_of_payers``): those are visits to the website, or of people who have not
    bought. The column is kept as extra (``mapping`` changed in place), nor read as
    purchases later; returns a note."""
    counts = [h for h, f in mapping.items() if h not in chosen and f in ("purchases", None)
              and re.search(r"sessions|visits", normalise_header(h))
              and _HAD_COUNT.match(normalise_header(h))]
    if not counts:
        return []
    web = next((h for h in raw.headers if h not in counts
                and _WEB_ANALYTICS.search(normalise_header(h))), None)
    said = f"'{web}'" if web else ""
    if web is None:
        others = {h: f for h, f in mapping.items() if h not in counts}
        columns_for: dict[str, list[str]] = {}
        for h, f in others.items():
            if f:
                columns_for.setdefault(f, []).append(h)
        payers, said = list_of_payers(raw.frame.drop(columns=counts), others, columns_for,
                                       names)
        if payers is not False:
            return []
    for header in counts:
        mapping[header] = None
    return [f"{listed([repr(h) for h in counts])} counts visits, not purchases: {said} says "
            "the list is of website visitors or leads; kept as extra"]


def sessions_as_purchases(raw: RawSheet, mapping: dict[str, str | None], chosen: set[str],
                           names: list[str]) -> list[str]:
    """On a client list, an unmapped count of each client's sessions, visits or classes
    (``_HAD_COUNT``: "Sessions", "Classes attended") is its purchases count (1 a customer,
    2 or more a repeat one), where the list is of paying clients: not where a header or the
    sheet's or file's name says leads, nor a count of free, trial or missed ones
    (``_NOT_BOUGHT_COUNT``); a count of sessions "booked" only where money or a word
    (clients, members) says they pay. ``mapping`` is changed in place; returns a note."""
    if "purchases" in mapping.values():
        return []
    counts = [h for h, f in mapping.items() if f is None and h not in chosen
              and _HAD_COUNT.match(normalise_header(h))
              and not _NOT_BOUGHT_COUNT.search(normalise_header(h))]
    # (what each client came to before what they booked: Glofox's "Total Attendances"
    # beside its "Total Bookings")
    header = min(counts, key=lambda h: "book" in normalise_header(h), default=None)
    if header is None:
        return []
    counts = pd.to_numeric(raw.frame[header].dropna(), errors="coerce")
    if not len(counts) or counts.isna().any() or counts.lt(0).any() or (counts % 1).ne(0).any():
        return []
    others = {h: f for h, f in mapping.items() if h != header}
    columns_for: dict[str, list[str]] = {}
    for h, f in others.items():
        if f:
            columns_for.setdefault(f, []).append(h)
    payers, _ = list_of_payers(raw.frame, others, columns_for, names)
    if payers is False or (payers is None and "booked" in normalise_header(header)):
        return []
    mapping[header] = "purchases"
    return [f"'{header}' counts each client's sessions: read as their purchases (1 a "
            "customer, 2 or more a repeat one)"]


# A client's status or stage that says the sessions counted were not paid for.
_UNPAID_STANDING = frozenset(normalise_value(w) for w in (
    *values.FREE_WORDS, *values.TRIAL_WORDS, "lead", "prospect"))


def sessions_not_paid(out: pd.DataFrame, frame: pd.DataFrame,
                       columns_for: dict[str, list[str]]) -> list[str]:
    """A count of sessions read as purchases (``sessions_as_purchases``) counts none for a
    client who paid nothing where the list says what each paid (TeamUp's free taster:
    "Total Paid" £0.00; nothing in any year's, where it says each year's), or whose status
    or stage says trial or lead (Glofox's "Trial"): those sessions were given, not bought.
    ``out`` is changed in place; returns a note."""
    header = columns_for["purchases"][0]
    named = normalise_header(header)
    if not _HAD_COUNT.match(named) or re.search("order|job", named):
        return []       # (a shop's "Total Orders": its customers' orders, paid or free)
    counted_ = pd.to_numeric(out["purchases"], errors="coerce").fillna(0).gt(0)
    unpaid = pd.Series(False, index=out.index)
    if "revenue_current" in out:
        unpaid |= pd.to_numeric(out["revenue_current"], errors="coerce").eq(0)
        for column in columns_for.get("revenue_current", [])[1:]:   # (another year's spend)
            unpaid &= ~values.read_money(frame[column]).values.reindex(out.index).gt(0)
    for said in ("status", "stage"):
        for column in columns_for.get(said, []):
            unpaid |= values.per_distinct(frame[column], normalise_value).isin(_UNPAID_STANDING)
    unpaid &= counted_
    if not unpaid.any():
        return []
    out.loc[unpaid, "purchases"] = 0
    n = clients_counted(out, unpaid)
    return [f"{counted(n, 'client')} with sessions in '{header}' but nothing paid, or on "
            f"trial, {was(n)} not read as having bought them."]


def list_of_payers(frame: pd.DataFrame, mapping: dict[str, str | None],
                    columns_for: dict[str, list[str]], names: list[str]) -> tuple[bool | None, str]:
    """Whether a client list is of people who pay (True), of leads or subscribers (False),
    or cannot tell (None), and what says so: money or a count of purchases or sessions;
    else a word of a header or of ``names`` (its sheet's and file's)."""
    for said in ("revenue_current", "purchases"):
        if said in columns_for:
            return True, f"'{columns_for[said][0]}'"
    for header, target in mapping.items():
        if not target and _HAD_COUNT.match(normalise_header(header)) and (
                pd.to_numeric(frame[header], errors="coerce").gt(0).any()):
            return True, f"'{header}'"
        if not target and sessions_had(frame, header).any():
            return True, f"'{header}'"
    # Who the list is of: first the headers naming each person or where they stand ("Lead
    # name", "Client", "Member ID", "Lead status"), then the sheet's and file's names, and
    # only then the others, where a paying word ("Membership") says more than a lead word:
    # a client list's "Lead source", "Signup date" or "Newsletter" tick is a detail of each
    # client, every one of whom was once a lead.
    # A mailing tool's own header (``MAILING_TOOL_HEADERS``: Mailchimp's "MEMBER_RATING")
    # says subscribers, before the sheet's and file's names ("members_export.csv").
    # Then a status a mailing list gives a subscriber it can no longer reach (Kit's
    # "bounced", "complained"; ``LIST_UNREACHABLE``), before the sheet's and file's names.
    own = [h for h, f in mapping.items() if f in ("name", "client_id", "status", "stage")]
    tool = [h for h in mapping if h not in own and normalise_header(h) in MAILING_TOOL_HEADERS]
    for texts, first in ((own, LEAD_WORDS), (tool, LEAD_WORDS), (names, LEAD_WORDS),
                         ([h for h in mapping if h not in own + tool], PAYING_WORDS)):
        if texts is names and (unreachable := _unreachable_said(frame, columns_for)):
            return False, unreachable
        said = [(word, text) for text in texts
                for word in (["subscribers"] if text in tool else
                             re.findall(r"[a-z]+", without_accents(str(text or "").lower())))]
        for words in (first, LEAD_WORDS if first is PAYING_WORDS else PAYING_WORDS):
            found = next((text for word, text in said if word in words), None)
            if found is not None:
                return words is PAYING_WORDS, f"'{found}'"
    return None, ""


# A mailing list's statuses of a subscriber it can no longer reach, normalised.
_UNREACHABLE = frozenset(normalise_value(word) for word in LIST_UNREACHABLE.split(", "))


def _unreachable_said(frame: pd.DataFrame, columns_for: dict[str, list[str]]) -> str:
    """The status column and its first value saying a mailing list can no longer reach a
    subscriber (``_UNREACHABLE``: "bounced"), as the import says it ("'state' ('bounced')"),
    or "" where no status says so."""
    header = next(iter(columns_for.get("status", [])), None)
    if header is None:
        return ""
    said = values.per_distinct(frame[header], normalise_value)
    found = frame.loc[said.isin(_UNREACHABLE), header]
    return f"'{header}' ('{str(found.iloc[0]).strip()}')" if len(found) else ""


def sessions_had(frame: pd.DataFrame, header: str) -> pd.Series:
    """The rows whose day of a last session (``_LAST_SESSION``: "Last Session") is given:
    those clients had one. False throughout for any other column."""
    if not _LAST_SESSION.match(normalise_header(header)):
        return pd.Series(False, index=frame.index)
    return values.parse_dates(frame[header])[0].notna()
