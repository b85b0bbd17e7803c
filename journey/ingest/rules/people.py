"""Who the rows are: test and placeholder people, the business's own people and money,
suppliers, full names from parts, names alike, one person by contact or mailbox, bookers,
notes under a client, shared addresses and referrers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ... import values
from ...fields import (CLIENT_FIELDS, COUNT, FAMILY_NAME_FIRST, JOB_ROLES, LIVE_FLAGS,
                       MEMBER_ROLES, MONEY, NAME_TITLES, ORGANISATION_HEADERS, OWN_ROLES, OWN_ROLE_FLAGS,
                       PARTY_HEADERS, ROLE_HEADERS, SPAM_FLAGS, TEST_FLAGS, bare_name_parts,
                       field_type, name_part, normalise_header, without_owner)
from ...stages import STAGE_ALIASES, normalise_value
from ...text import best_written, counted, listed, loose_name_keys, match_key, name_key, was
from ..read import RawSheet
from ..understand import (EXTRA, amounts_of, bought_in_on_books, column_or_blank,
                          own_money_moved, paid_out_to_others, provider_fees,
                          spent_from_statement)
from .common import reject_rows, unmapped


# Headers of a login handle, not a name (beside a first and a last name).
_LOGIN_HANDLES = frozenset({"username", "userlogin", "login", "loginname", "handle",
                            "screenname", "nickname"})


def _other_party(cells: dict[str, pd.Series]) -> dict[str, pd.Series] | None:
    """A payments statement's two parties mapped to the name (Venmo's "From" and "To",
    ``PARTY_HEADERS``): the account's own name is on one side of most rows, and the other
    side of each row names the client (the payer of a payment, the payee of a refund).
    None where the sheet has no such pair or no name on most rows' one side."""
    normal = {normalise_header(h): h for h in cells}
    pair = next(((normal[a], normal[b]) for a, b in PARTY_HEADERS
                 if a in normal and b in normal), None)
    if pair is None:
        return None
    sides = [values.parse_text(cells[h], stripped=True)[0] for h in pair]
    keys = [side.str.casefold() for side in sides]
    either = sides[0].notna() | sides[1].notna()
    counts = pd.concat(keys).value_counts()
    if counts.empty or 2 * counts.iloc[0] < either.sum():
        return None
    own = counts.index[0]
    other = sides[1].where(keys[0] == own, sides[0])
    other = other.where(other.str.casefold() != own, None).astype(object)
    return {pair[0]: other} | {h: column for h, column in cells.items() if h not in pair}


def full_names(cells: dict[str, pd.Series]) -> dict[str, pd.Series]:
    """A first-name and a last-name column mapped to the name (bare or "Customer First
    Name": fields.name_part; a bare "Name" beside a "Last name" is the first name) are one
    name, "Ann Lee", in the first one's place (a mailing list's or a form's people); a
    payment's two parties are its other party's name (``_other_party``)."""
    if (parties := _other_party(cells)) is not None:
        return parties
    # ("Owner First Name" read as the name: the animal's owner, Gingr's)
    bare = bare_name_parts(list(cells))         # "First" beside "Last"
    part_of = {h: bare.get(h) or name_part(h) or name_part(without_owner(h) or "")
               for h in cells}
    first = next((h for h in cells if part_of[h] == "first"), None)
    last = next((h for h in cells if part_of[h] == "last" and h != first), None)
    if first is None and last is not None:     # MailerLite's "Name" beside "Last name",
        bare_first = normalise_header(last).replace("last", "", 1)  # VTEX's "Client Name"
        first = next((h for h in cells if normalise_header(h) in ("name", bare_first)    # beside
                      and h != last), None)                          # "Client Last Name"
    if first is None or last is None:
        return cells
    order = (last, first) if normalise_header(last) in FAMILY_NAME_FIRST else (first, last)
    parts = [values.parse_text(cells[h], stripped=True)[0] for h in order]
    joined = (parts[0].fillna("") + " " + parts[1].fillna("")).str.strip()
    joined = joined.where(joined != "", None).astype(object)
    named = {(first if h == first else h): (joined if h == first else column)
             for h, column in cells.items() if h != last}
    # A company filled in on fewer than half the rows (a shop's customers, one of whom
    # gave a company) names no one, nor does one company of several people on a list of
    # people (a marketing list): the people's names come first, the company after.
    # A login handle ("username": MemberPress's, WordPress's) beside them names no one
    # either: "alice" is Alice Wren's handle.
    others = [column for h, column in named.items() if h != first]
    if 2 * max((c.notna().sum() for c in others), default=0) < joined.notna().sum() or any(
            _people_of_one_company(c, joined) for c in others) or any(
            normalise_header(h) in _LOGIN_HANDLES for h in named if h != first):
        named = {first: named[first]} | named
    return named


def test_rows(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame, rejected: pd.Series,
               problems: list) -> pd.Series:
    """Rows a tool flags as made in its test mode ("Test Mode": Yes; "livemode": false)
    or as spam ("is_blocked": true), among real ones: no one's order, contact or sale, each
    rejected with its reason."""
    found = pd.Series(False, index=frame.index)
    kept = ~rejected.reindex(frame.index, fill_value=False)
    for header in frame.columns:
        named = normalise_header(header)
        if named not in TEST_FLAGS | LIVE_FLAGS | SPAM_FLAGS:
            continue
        test = values.parse_bool(frame[header])[0].eq(named not in LIVE_FLAGS) & kept
        if test[kept].all():    # (every row a test: the sheet is the test, import it as is)
            continue
        reason = ("the row is marked spam or blocked, no one's" if named in SPAM_FLAGS
                  else "the row was made in test mode, not a real order")
        reject_rows(test, out, raw, frame, header, reason, problems)
        found |= test
    return found


# A made-up person an owner enters to try a checkout or a booking page ("Test Student",
# test@example.com): the name's first word and the e-mail's local part both say test.
_TEST_NAME = re.compile(r"^\s*test\b", re.IGNORECASE)
_TEST_EMAIL = re.compile(r"^\s*test[\w.+-]*@", re.IGNORECASE)
# A lead ad's test lead, its cells filled by the ad platform (Meta's "<test lead: dummy data
# for full_name>"): a test whatever its e-mail says.
_PLACEHOLDER_TEST = re.compile(r"^\s*<\s*test lead\b", re.IGNORECASE)
# Where no name is given (a digital shop's orders keyed by e-mail alone: Sellfy's), a test@
# address at a domain kept for examples (RFC 2606: example.com, .test, .invalid) says test.
_TEST_RESERVED_EMAIL = re.compile(
    r"^\s*test[\w.+-]*@(?:[\w-]+\.)*(?:example\.(?:com|net|org)|[\w-]+\.(?:test|example|invalid))"
    r"\s*$", re.IGNORECASE)
# An e-mail header, a form's question too ("Your email"), normalised.
_EMAIL_ASKED = re.compile(r"e?mail(?:address)?$")


def test_people(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame, rejected: pd.Series,
                 columns_for: dict[str, list[str]], problems: list) -> pd.Series:
    """Rows of a test person (``_TEST_NAME`` and ``_TEST_EMAIL``; without a name, a test@
    address at an example domain: ``_TEST_RESERVED_EMAIL``; or a platform's test lead:
    ``_PLACEHOLDER_TEST``) among real people: no one's order, booking or contact, each
    rejected with its reason. A real "Test Valley Ltd" has no test@ address; a sheet of
    test people alone is imported as it is."""
    found = pd.Series(False, index=frame.index)
    named = "name" in out and bool(columns_for.get("name"))
    if not (named or columns_for.get("email")):
        return found
    kept = ~rejected.reindex(frame.index, fill_value=False)
    name = (out["name"].astype(object).where(out["name"].notna(), "").astype(str) if named
            else pd.Series("", index=out.index))
    asked = next((h for h in frame.columns if _EMAIL_ASKED.search(normalise_header(h))), None)
    said = (out["email"] if "email" in out else   # (else a form's "Your email", which
            frame[asked].reindex(out.index) if asked is not None   # its profile reads)
            else pd.Series(None, index=out.index, dtype=object))
    email = said.astype(object).where(said.notna(), "").astype(str)
    if not any("test" in "\n".join(cells.tolist()).casefold() for cells in (name, email)):
        return found               # (every pattern needs the word: one look at each column)
    unnamed = name.str.strip().eq("") & email.str.match(_TEST_RESERVED_EMAIL)
    test = ((name.str.match(_TEST_NAME) & email.str.match(_TEST_EMAIL))
            | name.str.match(_PLACEHOLDER_TEST) | unnamed) & kept
    if not test.any() or test[kept].all():
        return found
    placeholder = name.str.match(_PLACEHOLDER_TEST)
    for marked, reason, header in (
            (test & ~placeholder & ~unnamed, "its name and e-mail say so", "name"),
            (test & placeholder, "an ad platform's test lead", "name"),
            (test & unnamed, "a test address at an example domain", "email")):
        if marked.any():
            column = (columns_for.get(header) or columns_for.get("name")
                      or columns_for["email"])[0]
            reject_rows(marked, out, raw, frame, column,
                         f"the row is a test ({reason}), no real client", problems)
    return test


def own_people_rows(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame,
                     rejected: pd.Series, problems: list) -> pd.Series:
    """Rows of the business's own people on a list of a group's members (Meetup's Organizer,
    a community's Admin): a role column whose other rows are members' roles or blank
    (``fields.MEMBER_ROLES``: "Owner" on a contacts list is the client's owner), or a yes in
    an own people's flag ("Assistant Organizer"). A role a client also has in their own
    business (``fields.JOB_ROLES``: Owner, Admin) counts only beside members' roles, and
    none does on a list naming each person's company (a B2B contacts list, a software
    account's users: their roles are there). Not clients, each rejected with its reason; a
    sheet of such rows alone is imported as it is."""
    found = pd.Series(False, index=frame.index)
    kept = ~rejected.reindex(frame.index, fill_value=False)
    if any(normalise_header(h) in ORGANISATION_HEADERS and 2 * frame[h].notna().sum() > len(frame)
           for h in frame.columns):
        return found
    for header in frame.columns:
        named = normalise_header(header)
        if named in ROLE_HEADERS:
            roles = values.per_distinct(frame[header], normalise_header).where(
                frame[header].notna(), "")
            members = roles.isin(MEMBER_ROLES)
            own = roles.isin(OWN_ROLES - (set() if members.any() else JOB_ROLES)) & kept
            if not (own.any() and (members | roles.eq("") | own)[kept].all()):
                continue
        elif named in OWN_ROLE_FLAGS:
            own = values.parse_bool(frame[header])[0].eq(True) & kept
        else:
            continue
        if own[kept].all():
            continue
        reject_rows(own & ~found, out, raw, frame, header, "the row is one of the business's "
                     "own people, who run the group, not a client", problems)
        found |= own
    return found


# A contact list's column of what each contact is to the business (17hats' "Contact Type":
# Client, Lead, Vendor), and its words for a business that sells to it.
_CONTACT_TYPE_HEADERS = frozenset({"contacttype", "type", "relationship", "contactcategory",
                                   "category", "clienttype", "recordtype"})
_SUPPLIERS = frozenset({"vendor", "vendors", "supplier", "suppliers", "proveedor",
                        "fournisseur", "lieferant", "fornecedor", "fornitore", "leverancier"})


def own_money_rows_left_out(rows: pd.DataFrame, frame: pd.DataFrame,
                     kind_headers: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """Rows whose type says the account's own money moved to or from its bank
    (``OWN_TRANSFERS``: a Venmo "Standard Transfer" of -60), or names the provider's fee to
    it (``PROVIDER_FEES``: Tazapay's "settlement_fee"), and that name no client: no
    client's event, left out, and the import says so. A client's row keeps its type (a
    student's "Withdrawal" from a course, money back to them). So are the business's own
    buying on its books (``bought_in_on_books``: a "Køb" from Bauhaus beside its "Salg"),
    whoever they name."""
    notes = []
    for header in kind_headers[:1]:
        for found, what in ((own_money_moved, "the account's own money moving to or from its "
                                              "bank"),
                            (provider_fees, "the provider's fee to the account")):
            marked = found(rows, frame[header].reindex(rows.index))
            if marked.any():
                said = sorted(set(frame.loc[marked[marked].index, header].astype(str)))
                count = int(marked.sum())
                rows = rows[~marked]
                notes.append(f"{counted(count, 'row')} in '{header}' "
                             f"({', '.join(repr(w) for w in said)}) {was(count)} {what}, no "
                             "client's: left out.")
        bought = bought_in_on_books(frame[header].reindex(rows.index), frame)
        if bought.any():
            count = int(bought.sum())
            said = sorted(set(frame.loc[bought[bought].index, header].astype(str)))
            sellers = listed(sorted(set(rows.loc[bought, "name"].dropna().astype(str)))) if (
                "name" in rows) else ""
            spent_on = abs(float(amounts_of(rows[bought]).sum()))
            rows = rows[~bought]
            whom = [f"from {sellers}"] if sellers else []
            whom += [f"{values.amount_text(spent_on)} in all"] if spent_on else []
            notes.append(
                f"{counted(count, 'row')} in '{header}' ({', '.join(repr(w) for w in said)}) "
                f"{was(count)} the business's own buying" + (
                    f" ({'; '.join(whom)})" if whom else "") + ": no client's sale, left "
                "out of clients and revenue.")
        spent = paid_out_to_others(rows, frame[header].reindex(rows.index))
        if spent.any():
            count = int(spent.sum())
            people = sorted(set(rows.loc[spent, "name"].dropna().astype(str))) if (
                "name" in rows) else []
            rows = rows[~spent]
            notes.append(
                f"{counted(count, 'row')} in '{header}' {was(count)} money the account sent to "
                f"someone who paid it nothing here ({', '.join(people) or 'no name'}): the "
                "business's own spending, no client's: left out.")
    return rows, notes


def statement_spending_left_out(rows: pd.DataFrame, frame: pd.DataFrame
                                ) -> tuple[pd.DataFrame, list[str]]:
    """A bank statement's lines of money out to someone who paid nothing in
    (``spent_from_statement``: Monzo's card payment at Tesco) are the business's own
    spending: left out, and the import says so."""
    spent, header = spent_from_statement(rows, frame)
    if not spent.any():
        return rows, []
    count = int(spent.sum())
    whom = listed(sorted(set(rows.loc[spent, "name"].dropna().astype(str)))) if (
        "name" in rows) else ""
    total = abs(float(values.parse_money(frame.loc[spent[spent].index, header])[0].sum()))
    return rows[~spent], [
        f"{counted(count, 'line')} of '{header}' {was(count)} money the business paid out "
        f"({values.amount_text(total)}{f', to {whom}' if whom else ''}), to someone who paid "
        "nothing in here: its own spending, no client's: left out."]


def supplier_rows(frame: pd.DataFrame, raw: RawSheet, out: pd.DataFrame,
                   rejected: pd.Series, problems: list) -> pd.Series:
    """Rows a contact list's type column marks as a vendor or supplier (``_SUPPLIERS``)
    beside clients or leads (a type that is a stage: Client, Lead, Customer): a business
    the owner buys from, not a client, each rejected with its reason. A sheet of suppliers
    alone, or beside other types only (a market's stallholders, "Vendor", beside a
    "Sponsor": the organiser's customers), is imported as it is."""
    found = pd.Series(False, index=frame.index)
    kept = ~rejected.reindex(frame.index, fill_value=False)
    for header in frame.columns:
        if normalise_header(header) not in _CONTACT_TYPE_HEADERS:
            continue
        types = values.per_distinct(frame[header], normalise_value)
        supplier = types.isin(_SUPPLIERS) & kept
        if not supplier.any() or not types[kept & ~supplier].isin(STAGE_ALIASES).any():
            continue
        reject_rows(supplier & ~found, out, raw, frame, header, "the row is a supplier the "
                     "business buys from, not a client", problems)
        found |= supplier
    return found


def _people_of_one_company(company: pd.Series, people: pd.Series) -> bool:
    """Whether one company is named on the rows of two people or more, on a list where no
    person is named twice (a company's people on a marketing list, not a log of a
    company's contacts or a tracker of one row per company)."""
    both = company.notna() & people.notna()
    keyed = pd.DataFrame({c: s[both].astype(str).str.strip().str.casefold()
                          for c, s in (("company", company), ("person", people))})
    if keyed.empty or keyed["person"].duplicated().any():
        return False
    return bool((keyed.groupby("company")["person"].nunique() >= 2).any())


# A column naming who sent each row's client ("Referred by", "Referrer"), and what such a
# column may say instead of a person: how the client found the business (its channel).
_REFERRED_BY = re.compile(r"^(?:referredby|referrer|referrername|referredfrom|recommendedby|"
                          r"referralfrom|introducedby|invitedby|"
                          # (German, French, Spanish, Portuguese, Italian, Dutch, Nordic)
                          r"empfohlenvon|empfohlendurch|recommandepar|recomendadopor|"
                          r"recomendadapor|indicadopor|indicadapor|consigliatoda|"
                          r"aanbevolendoor|anbefaletaf|rekommenderadav)$")
_NOT_REFERRERS = frozenset(normalise_header(w) for w in (
    "google", "instagram", "facebook", "tiktok", "linkedin", "youtube", "pinterest", "yelp",
    "website", "web", "online", "internet", "search", "social media", "advert", "ad", "ads",
    "flyer", "leaflet", "newspaper", "radio", "walk in", "walked in", "word of mouth",
    "friend", "a friend", "family", "self", "none", "n/a", "unknown", "other", "event",
    "show", "fair", "email", "newsletter", "directory"))


# What says a sheet is a log of referrals (its rows are the clients referred): the name
# column's header, or a word in the sheet's or file's name.
_REFERRAL_LOG_NAMES = frozenset(normalise_header(w) for w in (
    "new client", "new customer", "referred client", "client referred", "referee"))
_REFERRAL_LOG = re.compile(r"referr|newclient|newcustomer")


def referral_log(mapping: dict[str, str | None], sheet: str, file: str) -> bool:
    """Whether a sheet is a referral log ("New client", "Referred by"; "referrals.xlsx",
    "New clients"), whose every referrer is a client, known or not."""
    return any(f == "name" and normalise_header(h) in _REFERRAL_LOG_NAMES
               for h, f in mapping.items()) or bool(
        _REFERRAL_LOG.search(normalise_header(sheet or ""))
        or _REFERRAL_LOG.search(normalise_header(Path(file or "").stem)))


def referrers_credited(rows: pd.DataFrame, frame: pd.DataFrame,
                        mapping: dict[str, str | None], has_kind: bool, log: bool = True
                        ) -> tuple[pd.DataFrame, list[str]]:
    """A referral log ("New client", "Referred by", "Date"): each row is its client's
    first contact, come by referral (the channel, where none is given), and the person who
    referred them is credited with a referral (advocacy) on that day, matched by name (or
    by the e-mail of a row of theirs). A row named a referral by the sheet's name alone is
    the referred client's contact, not a referral of theirs. A referrer cell that names a
    channel ("Instagram", "Word of mouth") is the row's channel, no one's referral. A
    client referred on several rows (three orders of Bob's) is one referral, on the first.
    On a sheet that is no referral log (``log`` False: a clinic's visits, a shop's orders)
    only a referrer who is a client of the sheet is credited: another ("Dr Patel", "Google
    Ads", "Checkatrade") is how the row's client came, its channel.
    Returns the rows and a note."""
    said = unmapped(mapping, _REFERRED_BY)
    if said is None or "name" not in rows or rows.empty:
        return rows, []
    referrer = values.parse_text(frame.loc[rows.index, said], stripped=True)[0]
    keys = referrer.map(name_key)
    names = rows["name"].map(name_key)
    channel_said = keys.map(normalise_header).isin(_NOT_REFERRERS) & referrer.notna()
    outside = referrer.notna() & ~channel_said & ~values.isin(keys, set(names.dropna()))
    if not log:        # (no one of this sheet: a GP, an advert, a directory)
        channel_said |= outside
    credited = referrer.notna() & ~channel_said & keys.ne(names)
    if not (credited | channel_said).any():
        return rows, []
    rows = rows.copy()
    channel = column_or_blank(rows, "channel")
    rows["channel"] = channel.where(channel.notna() | ~credited, "Referral").where(
        channel.notna() | ~channel_said, referrer)
    notes = []
    if not log and outside.any():
        count = int(outside.sum())
        notes.append(f"{counted(count, 'row')} whose '{said}' names no client of this sheet "
                     f"({listed(sorted(set(referrer[outside])), 3)}) {was(count)} given it as "
                     "the channel the client came by, no one credited with a referral.")
    referred = (credited | channel_said) & rows["kind"].eq("referral") & (not has_kind)
    if referred.any():            # ("referrals.xlsx": the rows are the referred, not theirs)
        rows.loc[referred, "kind"] = "contact"
        count = int(referred.sum())
        notes.append(f"{counted(count, 'row')} of the referral log {was(count)} read as "
                     f"{'the referred client' if count == 1 else 'the referred clients'}' "
                     "first contacts, not as referrals of their own.")
    if not credited.any():
        return rows, notes
    credited &= ~pd.DataFrame({"by": keys, "of": names}).duplicated()   # (once each)
    given = rows.loc[credited]
    referrals = pd.DataFrame({"name": referrer[credited], "kind": "referral",
                              "note": "referred " + given["name"].fillna("").astype(str),
                              "_row": given["_row"]}, index=given.index)
    if "date" in rows:
        referrals["date"] = given["date"]
    if "client_id" in rows:       # a referrer who is a client of the sheet: their ID
        ids = rows.dropna(subset=["client_id"]).drop_duplicates("name")
        referrals["client_id"] = keys[credited].map(
            dict(zip(ids["name"].map(name_key), ids["client_id"])))
    count = int(credited.sum())
    people = referrer[credited].map(name_key).nunique()
    return pd.concat([rows, referrals], ignore_index=True), notes + [
        f"{counted(count, 'row')} in '{said}' name who referred the row's client: "
        f"{counted(people, 'client')} credited with {counted(count, 'referral')} "
        "(advocacy); the referred clients' channel is Referral where none is given."]


def _loosely(names: pd.Series) -> pd.Series:
    """Names as they are matched loosely (``loose_name_keys``), None where there is none."""
    keys = [key if isinstance(key, str) else None
            for key in names.map(name_key, na_action="ignore")]
    loose = loose_name_keys(keys).to_pylist()
    return pd.Series(loose, index=names.index, dtype=object)


def referrers_counted(rows: pd.DataFrame, frame: pd.DataFrame,
                       mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """A client list's "Referred By" or "Invited By" naming another client of the list (a
    salon's client cards: Max "Referred By" Lia Moore; Skool's members) gives that client a
    referral (advocacy), counted into their referrals where the list gives no count of its
    own; so does a "Referral Source" read as the channel (Salon Iris's: "Instagram" for
    most, a client's name for some). A name of no client of the list, or a channel
    ("Instagram"), credits no one. Returns the rows and a note."""
    said = unmapped(mapping, _REFERRED_BY) or next(
        (h for h, f in mapping.items() if f == "channel" and "referr" in normalise_header(h)),
        None)
    if said is None or "name" not in rows or rows.empty or "referrals" in mapping.values():
        return rows, []
    keys = _loosely(values.parse_text(frame.loc[rows.index, said], stripped=True)[0])
    names = _loosely(rows["name"])         # ("Hart Plumbing" is "Hart Plumbing Ltd")
    credited = keys.notna() & values.isin(keys, set(names.dropna())) & keys.ne(names)
    if not credited.any():
        return rows, []
    made = keys[credited].value_counts()
    rows = rows.copy()
    rows["referrals"] = names.map(made).where(lambda n: n > 0)
    count = int(credited.sum())
    return rows, [f"{counted(count, 'row')} in '{said}' {'names' if count == 1 else 'name'} "
                  "another client of the list who referred them:"
                  f" {counted(len(made), 'client')} credited with "
                  f"{counted(count, 'referral')} (advocacy)."]


def shared_addresses(out: pd.DataFrame) -> pd.Series:
    """Rows whose e-mail address the sheet gives to people of different first names (Mary
    and Patrick O'Brien's invoices to obriens@...): the address is no one's key, each row
    is its name's. First names one of which begins the other ("Jon", "Jonathan", "C.")
    may be one person's and keep the address; so does a name of one word (a mailbox's
    "Accounts", a first name alone)."""
    given = out["email"].str.casefold()
    firsts = out["name"].map(name_key).str.extract(r"^([^\W\d_]+)\s+\S", expand=False)
    many = given.notna() & firsts.notna() & given.duplicated(keep=False)
    many &= firsts.groupby(given).transform("nunique").gt(1)
    shared = set()
    for address, names in firsts[many].groupby(given[many]):
        words = sorted(set(names), key=len)
        if any(not long.startswith(short) for i, short in enumerate(words)
               for long in words[i + 1:]):
            shared.add(address)
    return values.isin(given, shared) & firsts.notna()


# Words a person's or a firm's name may begin with in lower case ("van der Berg").
_NAME_PARTICLES = frozenset(("van", "von", "de", "der", "den", "da", "das", "di", "do", "dos",
                             "del", "della", "la", "le", "du", "ter", "ten", "bin", "al",
                             "el", "mc", "ap", "zu", "e"))


# What marks a note rather than a name written in lower case: punctuation or a digit, or
# a word of a sentence ("call back after Easter", "met at the fair", "wants a quote").
_NOTE_WORDS = re.compile(
    r"[,.;:!?()/\d]|\b(?:a|an|the|to|at|for|after|before|back|again|about|with|from|on|in|"
    r"of|if|is|was|will|wants?|wanted|needs?|asked|said|says|call|called|ring|rang|email|"
    r"emailed|phone|phoned|met|maybe|next|week|month|not|no|sent|send|quote|follow|up|"
    r"chase|left|message)\b")


def note_rows(frame: pd.DataFrame, name_header: str) -> list:
    """Rows of a client list that are a note written under the client above, not a client:
    the name cell is the row's only cell, begins in lower case with a word no name begins
    with, runs to three words or more ("call back after Easter", "met at the fair, wants
    a quote"), and the row above is a client's, with more than its name. Returns their
    index labels. (A name begins in capitals; a client with only a name is still one.)"""
    if len(frame.columns) < 3:
        return []
    # (the cheap check, column by column over the rows still in question: rows whose
    # name is their only cell, under a row of more)
    alone = np.flatnonzero(frame[name_header].notna().to_numpy())
    alone = alone[alone > 0]
    for at, header in enumerate(frame.columns):
        if not len(alone):
            return []
        if header != name_header:
            alone = alone[frame.iloc[alone, at].isna().to_numpy()]
    alone = alone[frame.iloc[alone - 1].notna().sum(axis=1).gt(1).to_numpy()]
    if not len(alone):
        return []
    names = frame[name_header].iloc[alone]
    texts = names[names.map(type).eq(str)]
    first = texts.str.extract(r"^\s*(\S+)", expand=False).fillna("")
    words = texts.str.split().str.len()
    # (a note reads as a sentence: a comma, a digit or a word no name has, "call", "after",
    # "at"; "mary ann jones", a client written in lower case, has none of them)
    said = texts.str.casefold().str.contains(_NOTE_WORDS)
    return list(texts.index[first.str.match(r"^[a-zß-ÿ]") & words.ge(3) & said
                            & ~first.str.casefold().isin(_NAME_PARTICLES)])


# Words that make no difference to whom a name names: a company's legal form.
_LEGAL_FORMS = frozenset("ltd limited inc incorporated llc gmbh company corp corporation "
                         "plc srl sarl".split())


def names_alike(names: pd.Series, events: bool = False) -> list[str]:
    """Names that differ only in case, punctuation, "&" or a legal form ("Acme Ltd", "ACME
    Ltd.", "Acme Limited"), on a sheet whose clients are matched by name: they stay apart
    (they may be two clients), and the import says so; but on an events sheet those that
    are one name loosely (``loose_name_keys``) are one client, as a client already here is
    matched by any of them (save's ``_loose_names_as_one``), and the import says that."""
    distinct = pd.Series(names.dropna().astype(str).unique())
    if len(distinct) < 2:
        return []
    said = []
    if events:
        keys = distinct.map(name_key)
        distinct = distinct[~keys.duplicated()].reset_index(drop=True)    # (one per key)
        loose = pd.Series(loose_name_keys(distinct.map(name_key).tolist()).to_pylist())
        one = loose.duplicated(keep=False)
        groups = distinct[one].groupby(loose[one], sort=False).agg(list).tolist()
        if groups:
            shown = listed([", ".join(f"'{n}'" for n in group) for group in groups], 3, "; ")
            said = [f"{counted(len(groups), 'name')} {'is' if len(groups) == 1 else 'are'} "
                    f"spelled more than one way, differing only in case, accents, "
                    f"punctuation, '&', a title or a legal form ({shown}): each was read as one "
                    "client, as a client already here is matched by any of its spellings."]
        distinct = distinct[~loose.duplicated()].reset_index(drop=True)
        if len(distinct) < 2:
            return said
    loose = (distinct.str.casefold().str.replace("&", " and ", regex=False)
             .str.replace(r"['’]", "", regex=True).str.replace(r"[^\w\s]", " ", regex=True)
             .str.split()
             .map(lambda words: " ".join(w for w in words if w not in _LEGAL_FORMS)))
    spelled = pd.DataFrame({"name": distinct, "loose": loose, "key": distinct.map(name_key)})
    spelled = spelled.drop_duplicates(["loose", "key"])
    spelled = spelled[spelled["loose"].duplicated(keep=False)]
    groups = spelled.groupby("loose", sort=False)["name"].agg(list).tolist()
    if not groups:
        return said
    shown = listed([", ".join(f"'{n}'" for n in group) for group in groups], 3, "; ")
    return said + [f"{counted(len(groups), 'name')} {'is' if len(groups) == 1 else 'are'} "
                   f"spelled more than one way ({shown}): each spelling was kept as a client "
                   "of its own; give them one spelling and import again if they are one "
                   "client."]


# People a client list writes more than one way, joined as one: (who is kept, the other
# ways they are written, the rows joined).
Joined = list[tuple[str, list[str], pd.Index]]


def one_person_by_contact(rows: pd.DataFrame) -> tuple[pd.DataFrame, Joined]:
    """A client list's rows whose names are one loosely (``loose_name_keys``: case, emoji,
    accents, punctuation: "💪 Sam Green", "sam green") and that give the same phone number
    or e-mail address (its mailbox: ``values.mailbox_keys``) are one person: each takes
    the best-written spelling (``best_written``: "Sam Green"), so the list saves them
    once; the import says so (``people_joined_said``). Alike names without a shared
    number or address stay apart (``names_alike``)."""
    named = rows["name"].notna()
    if named.sum() < 2:
        return rows, []
    keys = rows.loc[named, "name"].map(name_key).astype(object)
    loose = pd.Series(loose_name_keys(keys.tolist()).to_pylist(), index=keys.index, dtype=object)
    spellings = keys.groupby(loose).transform("nunique")
    alike = loose[spellings > 1]
    if not len(alike):
        return rows, []
    contacts = []
    if "phone" in rows:
        column = rows.loc[alike.index, "phone"]
        contacts.append(values.phone_keys(column, values.said_country(column)))
    if "email" in rows:
        contacts.append(values.mailbox_keys(rows.loc[alike.index, "email"]))
    written = rows.loc[alike.index, "name"].astype(str)
    rows, joined = rows.copy(), []
    for contact in contacts:
        found = pd.DataFrame({"loose": alike, "contact": contact,
                              "name": written}).dropna(subset=["contact"])
        found = found[found.groupby(["loose", "contact"])["name"].transform("nunique") > 1]
        for _, group in found.groupby(["loose", "contact"], sort=False):
            kept = best_written(group["name"].unique().tolist())
            others = [n for n in group["name"].unique() if n != kept]
            if others:
                rows.loc[group.index, "name"] = kept
                rows = _kept_whole(rows, pd.Series(kept, index=group.index))
                joined.append((kept, others, group.index))
    return rows, joined


def one_person_by_phone(rows: pd.DataFrame) -> tuple[pd.DataFrame, Joined]:
    """A log's rows (bookings, jobs) naming someone short ("Mrs Hall", "J Hall", "Kev
    Morris") with the phone number of a name written in full ("Jane Hall", "Kevin Morris":
    the same surname, a first name the short one's title, initial or first letters fit) are
    that person's, where the number names one such person only: each short name takes the
    full one on all its rows. A family sharing a number ("Tom Hall", "Amy Hall"), "Mr
    Hall" beside "Mrs Hall", or "Mrs Hall" beside both stay apart."""
    if "phone" not in rows or "name" not in rows or rows["phone"].notna().sum() < 2:
        return rows, []
    numbered = rows["phone"].notna() & rows["name"].notna()
    column = rows.loc[numbered, "phone"]
    found = pd.DataFrame({"number": values.phone_keys(column, values.said_country(column)),
                          "name": rows.loc[numbered, "name"].astype(str).str.strip()}
                         ).dropna().drop_duplicates()
    numbers = found["number"].reindex(rows.index)
    elsewhere = found.groupby("name")["number"].agg(set)    # (every number each name has)
    found = found[found.duplicated("number", keep=False)]     # (numbers of two names)
    fits: dict[str, set[str]] = {}
    at: dict[str, set[str]] = {}
    for number, names in found.groupby("number")["name"]:
        for short in names:
            fitting = {full for full in names if _short_for(short, full)}
            fits.setdefault(short, set()).update(fitting)
            if fitting:
                at.setdefault(short, set()).add(number)
    taken = {short: next(iter(full)) for short, full in fits.items() if len(full) == 1}
    if not taken:
        return rows, []
    written = rows["name"].astype(str).str.strip()
    rows, joined = rows.copy(), []
    for full in dict.fromkeys(taken.values()):
        others = [short for short, kept in taken.items() if kept == full]
        # (a short name also written at a number of no such person, "J Smith" at two
        # numbers, is someone else there: only its rows at the full name's number join)
        strays = {short for short in others if elsewhere[short] - at[short]}
        shared = written.isin(others) & (numbers.isin(set().union(*(at[short] for short in others)))
                                         | numbers.isna() & ~written.isin(strays))
        index = rows.index[written.eq(full) | shared]
        rows.loc[index, "name"] = full
        joined.append((full, others, index))
    return rows, joined


def _short_for(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` written short: the same surname after a title ("Mrs
    Hall" for "Jane Hall"), an initial ("J Hall", "J. Hall") or the first letters of its
    first name ("Kev Morris" for "Kevin Morris"); two words each, the full one's first a
    name, not a title or an initial."""
    said, whole = short.split(), full.split()
    if len(said) != 2 or len(whole) != 2 or said[1].casefold() != whole[1].casefold():
        return False
    first, given = said[0].rstrip(".").casefold(), whole[0].rstrip(".").casefold()
    if len(given) < 2 or match_key(given) in NAME_TITLES or first == given:
        return False
    return (match_key(first) in NAME_TITLES or len(first) == 1 and given.startswith(first)
            or len(first) >= 3 and given.startswith(first))


def _kept_whole(rows: pd.DataFrame, person: pd.Series) -> pd.DataFrame:
    """Rows read as one person (``person``: one label on each of that person's rows) keep
    what each said, though the list saves one of them (its last): a blank is filled from the
    person's other rows, and money or a count takes the largest any row gives (a second
    sign-up's 0 or blank beside the first's 300 undoes no sale; nothing is counted twice)."""
    rows = rows.copy()
    for column in rows.columns.intersection(list(CLIENT_FIELDS)):
        cells = rows.loc[person.index, column]
        if field_type(column) in (MONEY, COUNT):
            merged = pd.to_numeric(cells, errors="coerce").groupby(person).transform("max")
        else:
            merged = cells.groupby(person).transform(lambda said: said.ffill().bfill())
        rows.loc[person.index, column] = merged.where(merged.notna(), cells)
    return rows


def one_mailbox_one_client(rows: pd.DataFrame) -> tuple[pd.DataFrame, Joined]:
    """On a client list keyed by e-mail, rows of one name (loosely: ``loose_name_keys``)
    whose addresses reach one mailbox ("ann+shop@x.com" and "ann@x.com":
    ``values.mailbox``) are one client, keyed by the plain address where one is given,
    else the first; the import says so (``people_joined_said``)."""
    keyed = rows["client_id"].notna() & rows["name"].notna()
    if keyed.sum() < 2:
        return rows, []
    found = pd.DataFrame({"box": values.mailbox_keys(rows.loc[keyed, "email"]),
                          "key": rows.loc[keyed, "client_id"],
                          "loose": loose_name_keys(rows.loc[keyed, "name"].map(name_key)
                                                   .tolist()).to_pylist()},
                         index=rows.index[keyed]).dropna()
    found = found[found.groupby(["box", "loose"])["key"].transform("nunique") > 1]
    if found.empty:
        return rows, []
    plain = found.assign(tagged=found["key"].ne(found["box"])).sort_values("tagged",
                                                                           kind="stable")
    kept = plain.groupby(["box", "loose"])["key"].transform("first").reindex(found.index)
    rows = rows.copy()
    if "email" in rows:     # (the plain address as written is the e-mail, whichever row
        written = rows.loc[found.index, "email"].where(found["key"].eq(kept))   # is last)
        rows.loc[found.index, "email"] = kept.map(written.groupby(kept).first()).fillna(
            rows.loc[found.index, "email"])
    rows.loc[found.index, "client_id"] = kept
    rows = _kept_whole(rows, kept)
    return rows, [(key, [k for k in group.unique() if k != key], group.index)
                  for key, group in found["key"].groupby(kept, sort=False)]


def people_joined_said(by_name: Joined, by_mailbox: Joined, rows: pd.DataFrame,
                        written: pd.Series) -> list[str]:
    """What the import says of the people joined by their phone number or address
    (``one_person_by_contact``) and by their mailbox (``one_mailbox_one_client``): one
    sentence each, and one for a person joined both ways ('Ann Lee' at ann+shop@x.com and
    'ann lee ⭐' at ann@x.com: 'Ann Lee' at ann@x.com, also 'ann lee ⭐' and
    ann+shop@x.com), with each way they were written (``written``: the names before they
    were joined)."""
    both = [(key, boxes, index) for key, boxes, index in by_mailbox
            if written[index].nunique() > 1]
    in_both = pd.Index([]).append([index for *_, index in both]) if both else pd.Index([])
    by_name = [j for j in by_name if not j[2].isin(in_both).any()]
    by_mailbox = [j for j in by_mailbox if not j[2].isin(in_both).any()]
    notes = []
    if by_name:
        notes.append(f"{counted(len(by_name), 'client')} written more than one way with the "
                     f"same phone number or e-mail address {was(len(by_name))} read as one "
                     "person: " + listed([f"'{kept}' (also {', '.join(map(repr, others))})"
                                          for kept, others, _ in by_name], 3, "; ") + ".")
    if by_mailbox:
        notes.append(f"{counted(len(by_mailbox), 'client')} given addresses that reach one "
                     f"mailbox (a \"+tag\" before the \"@\" left out) under one name "
                     f"{was(len(by_mailbox))} read as one person: "
                     + listed([f"'{kept}' (also {', '.join(map(repr, others))})"
                               for kept, others, _ in by_mailbox], 3, "; ") + ".")
    if both:
        said = []
        for key, boxes, index in both:     # (the other addresses, as the keys they gave)
            name = rows.at[index[0], "name"]
            others = [repr(n) for n in dict.fromkeys(written[index]) if n != name] + boxes
            said.append(f"'{name}' at {key} (also {listed(others)})")
        notes.append(f"{counted(len(both), 'client')} written more than one way, with "
                     "addresses that reach one mailbox (a \"+tag\" before the \"@\" left "
                     f"out), {was(len(both))} read as one person: " + listed(said, 3, "; ")
                     + ".")
    return notes


PERSON_FIELDS = ("client_id", "name", "email", "phone", "contact_name")


def bookers(rows: pd.DataFrame, headers: dict[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """A booking's manifest naming each person on a booking in the client's column ("Guest
    Name" beside a "Booking ID", a row per person): the booking is its first person's (who
    booked it), the others its party, each one's name and e-mail kept in their line's
    extras (under ``headers``, field -> its column); the rows then fold as one booking's
    lines (``order_lines``). Returns the rows and a note."""
    if "order_id" not in rows or rows["order_id"].isna().all():
        return rows, []
    booking = rows["order_id"]
    party = booking.notna() & booking.duplicated(keep=False)
    if not party.any():
        return rows, []
    rows = rows.copy()
    people = [c for c in PERSON_FIELDS if c in rows]
    first = rows.index.to_series().groupby(booking).transform("first")
    others = party & (rows.index.to_series() != first)
    rows.loc[others, EXTRA] = [
        json.dumps({**(json.loads(e) if e else {}),
                    **{headers[f]: v for f, v in person.items() if f in headers and pd.notna(v)}},
                   ensure_ascii=False)
        for e, person in zip(rows.loc[others, EXTRA], rows.loc[others, people].to_dict("records"))]
    rows.loc[others, people] = rows.loc[first[others], people].to_numpy()
    bookings = int(booking[party].nunique())
    return rows, [f"'{headers['name']}' names each person on a booking: "
                  f"{counted(int(party.sum()), 'row')} are the people of "
                  f"{counted(bookings, 'booking')}, each booking its first person's (who "
                  "booked it), the others kept in its extras."]
