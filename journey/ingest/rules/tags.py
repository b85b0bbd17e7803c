"""What tags, categories and reviews say: kinds and stages named by tags, clients who left,
reviews with nothing in them or ticked, each person's latest satisfaction, stars.
"""

from __future__ import annotations

import re

import pandas as pd

from ...fields import TAG_HEADERS, normalise_header
from ...kinds import GOOD_REVIEW
from ...stages import OUTCOME_OF, RANK, STAGE_ALIASES, TICK_STEPS, normalise_value
from ...text import counted, listed, was, without_accents
from ..understand import EXTRA, is_blank, tagged_kind
from .common import clients_counted, ticks, unmapped
from .payers import PAYING_WORDS, list_of_payers


def latest_satisfaction(rows: pd.DataFrame) -> pd.DataFrame:
    """Events that carry a person's satisfaction (a conversation's rating) keep it only on
    each person's latest rated row (by date, then the sheet's order), so the client's
    satisfaction is the latest they gave, whichever way the export sorts its rows."""
    rated = rows["satisfaction"].notna()
    person = pd.Series(None, index=rows.index, dtype=object)
    for whose in ("client_id", "email", "name"):
        if whose in rows:
            person = person.fillna(rows[whose].astype(object).where(
                rows[whose].notna()).map(lambda v: str(v).strip().casefold(),
                                         na_action="ignore"))
    order = (pd.to_datetime(rows["date"], errors="coerce") if "date" in rows
             else pd.Series(pd.NaT, index=rows.index))
    ranked = pd.DataFrame({"person": person, "order": order,
                           "at": range(len(rows))}, index=rows.index)[rated]
    latest = ranked.sort_values(["order", "at"], na_position="first").drop_duplicates(
        "person", keep="last").index
    return rows.assign(satisfaction=rows["satisfaction"].where(
        rows.index.isin(latest) | person.isna(), None))


def tagged_kinds(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                  counted_rows: pd.Series) -> list[str]:
    """Contacts (rows nothing else made a sale, a refund...) whose tags name a kind (a
    conversation tagged "Complaint", a ticket in the category "Complaint") are that kind
    (``understand.tagged_kind``); ``counted_rows``: the rows not set aside (totals).
    Returns a note."""
    said = unmapped(mapping, TAG_HEADERS)
    if said is None:
        return []
    named = {cell: tagged_kind(cell) for cell in frame[said].dropna().unique()}
    found = frame[said].map(named).where(out["kind"].eq("contact") & counted_rows)
    if found.isna().all():
        return []
    out["kind"] = out["kind"].where(found.isna(), found)
    listed = ", ".join(f"{counted(n, k)}" for k, n in found.value_counts().items())
    count = int(found.notna().sum())
    return [f"{counted(count, 'row')} tagged with what happened in '{said}' "
            f"{was(count)} read as such: {listed}."]


# The stages a client list's tag may say (a CRM's or a mailing list's "Customer", "Lead",
# "Purchased: Pottery Course"); not advocacy: a "Referral" tag may say how they came.
_TAGGED_STAGES = ("awareness", "consideration", "purchase", "retention")
# Between the tags of a cell: commas, semicolons, bars, Google Contacts' ":::".
_TAG_SEPARATORS = r"[,;|]|:::"
# The tags that say who a person is to the business, not what a conversation or a visit
# was about: an Intercom conversation tagged "onboarding" or "trial" places no one.
_STANDING_TAGS = frozenset(normalise_value(word) for word in (
    "lead", "prospect", "cold lead", "hot lead", "qualified lead", "customer", "client",
    "buyer", "purchased", "past customer", "repeat customer", "subscriber"))


def _standing_tag(said: str) -> str | None:
    """A tag's word for who a person is, a group's plural read as one of it (a contact
    book's label "Clients", "Leads": Google's, Outlook's, Wix's); None for other tags."""
    key = normalise_value(said)
    for word in (key, key[:-1] if key.endswith("s") else key):
        if word in _STANDING_TAGS:
            return word
    return None


def _tag_stage(cell: object) -> str | None:
    """The furthest stage a cell of tags names, one tag (or its head before a colon) at a
    time: "Customer, VIP" -> purchase; Google Contacts' labels "* myContacts ::: Clients"
    -> purchase; None when no tag is a stage's word."""
    found = None
    for tag in re.split(_TAG_SEPARATORS, str(cell)):
        for said in (tag, tag.split(":")[0]):
            word = _standing_tag(said)
            if word is None:
                continue
            stage = STAGE_ALIASES.get(word)
            if stage in _TAGGED_STAGES and (found is None or RANK[stage] > RANK[found]):
                found = stage
    return found


def stage_tags(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                columns_for: dict[str, list[str]]) -> list[str]:
    """On a client list with no stage column, a column of tags that names a stage (Agile
    CRM's "Customer", Kit's "Purchased: ...") says each tagged client's stage. Returns a
    note."""
    said = unmapped(mapping, TAG_HEADERS)
    if said is None or "stage" in columns_for:
        return []
    named = {cell: _tag_stage(cell) for cell in frame[said].dropna().unique()}
    found = frame[said].map(named).astype(object)
    if "stage" in out:
        found = found.where(out["stage"].isna())
    if found.isna().all():
        return []
    out["stage"] = found if "stage" not in out else out["stage"].where(found.isna(), found)
    listed = ", ".join(f"{n:,} at {stage}" for stage, n in found.value_counts().items())
    count = clients_counted(out, found.notna())
    return [f"{counted(count, 'client')} tagged with a stage in '{said}' {was(count)} read "
            f"so: {listed}."]


def churned_tags(out: pd.DataFrame, frame: pd.DataFrame, mapping: dict[str, str | None],
                  columns_for: dict[str, list[str]], names: list[str]) -> list[str]:
    """On a client list with no status column, a tag or category naming a client who has
    left (YCLIENTS' "Потерянный клиент", "Former client", "Inactive") marks that client
    churned; the others' stored status stays (``_status_lift``). Not on a list of leads or
    subscribers (``list_of_payers``: a newsletter's "Inactive" reader bought nothing); a
    bare word ("Inactive", "Left") only where the list is of payers, one naming a client
    ("Former client", "Ex cliente") also where nothing says who the list is of. A category
    read as the client's type ("Category": "Lapsed", "Kategorie": "Ehemaliger Kunde") says
    so too. A tag naming a lead lost ("Lost", "Lost lead", "Lead - lost") marks that one lost,
    on any list. Returns notes."""
    said = unmapped(mapping, TAG_HEADERS) or next(
        (h for h, target in mapping.items() if target == "client_type"
         and _CATEGORY_HEADER.match(normalise_header(h))), None)
    if said is None or "status" in columns_for or "status" in out:
        return []
    payers, _ = list_of_payers(frame, mapping, columns_for, names)

    def outcome(tag: str) -> str | None:    # (a group's plural too: "Former clients")
        key = normalise_value(tag)
        return OUTCOME_OF.get(key) or (OUTCOME_OF.get(key[:-1]) if key.endswith("s") else None)

    def left_as(cell: object) -> str | None:
        said_of = [(outcome(tag), tag) for tag in re.split(_TAG_SEPARATORS, str(cell))]
        if payers is not False and any(found == "churned" and (payers or _names_a_client(tag))
                                       for found, tag in said_of):
            return "churned"
        if not any(found == "lost" for found, _ in said_of):
            return None
        # a client's tags, one lost ("Client; Lost contact"): a client who left, no lead lost
        client = any(found is None and _names_a_client(tag) for found, tag in said_of)
        return ("churned" if payers is not False else None) if client else "lost"

    named = {cell: left_as(cell) for cell in frame[said].dropna().unique()}
    status = frame[said].map(named)
    if status.isna().all():
        return []
    out["status"] = status.astype(object).reindex(out.index)
    out["_status_lift"] = True
    notes = []
    for word, what in (("churned", "they have left"), ("lost", "they were lost as leads")):
        left = status.eq(word)
        if left.any():
            count = clients_counted(out, left)
            notes.append(f"{counted(count, 'client')} whose '{said}' says {what} "
                         f"({listed(sorted(frame.loc[left, said].astype(str).unique()))}) "
                         f"{was(count)} read as {word}.")
    return notes


# A client list's category, read as the client's type ("Category", "Kategorie", "Categoría"),
# compared as headers are.
_CATEGORY_HEADER = re.compile(r"^(?:client|customer|kunden)?(?:category|categories|kategorie|"
                              r"categoria|categorie)$")


def _names_a_client(text: str) -> bool:
    """Whether a tag names a paying client (``PAYING_WORDS``, singular or plural: "Former
    client", "Ex cliente", "Ehemaliger Kunde"), not only a state ("Inactive")."""
    return any(word in PAYING_WORDS or (len(word) >= 5 and any(
        paying.startswith(word) for paying in PAYING_WORDS))
        for word in re.findall(r"\w+", without_accents(text.lower())))


def reviews_saying_nothing(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Rows read as reviews by the sheet (its name, its profile) with no stars and no
    words (no amount, note, reason or column kept beside them: a name and a day alone) are
    no reviews: contacts, the person kept. A review in words with no stars is still one,
    and so is a row a kind column says is one. Returns the rows and a note."""
    if "kind" not in rows:
        return rows, []
    said = pd.Series(False, index=rows.index)
    for column in ("amount", "note", "reason", EXTRA):
        if column in rows:
            said |= ~is_blank(rows, column)
    empty = rows["kind"].eq("review") & ~said
    if not empty.any():
        return rows, []
    rows = rows.assign(kind=rows["kind"].where(~empty, "contact"))
    count = int(empty.sum())
    return rows, [f"{counted(count, 'row')} of reviews with no stars and no words "
                  f"{'was read as a contact, not a review' if count == 1 else 'were read as contacts, not reviews'}"
                  "."]


# A star rating written by hand ("5*", "4 stars", "★★★★★", "⭐⭐⭐⭐"): a review was left.
_STARS = re.compile(r"^\s*(?:[1-5](?:\.\d)?\s*(?:\*|★|⭐|stars?)|(?:[★⭐]\ufe0f?){1,5}"
                    r"|[1-5]\s*/\s*5)\s*$",
                    re.IGNORECASE)


def _stars_given(cell: str) -> float:
    """The stars a hand-written rating gives: "4*", "4.5 stars", "4/5" -> 4, 4.5, 4;
    "⭐⭐⭐" -> 3."""
    number = re.match(r"\s*([1-5](?:\.\d)?)", cell)
    return float(number[1]) if number else float(len(re.findall("[★⭐]", cell)))


def reviews_ticked(rows: pd.DataFrame, frame: pd.DataFrame,
                    mapping: dict[str, str | None]) -> tuple[pd.DataFrame, list[str]]:
    """On a log of bookings or sales, a column left unmapped whose header names a review
    or a testimonial (``TICK_STEPS`` at advocacy: "Review?", "Left review") holding ticks
    or star ratings ("Y", "✓", "5*") says the client of each row so marked left one: that
    row's stage is advocacy (a blank, "N" or ✗ says nothing, nor a rating under 4 stars:
    ``kinds.GOOD_REVIEW``). Returns the rows and a note."""
    for header, target in mapping.items():
        if (target or header not in frame
                or TICK_STEPS.get(normalise_header(header)) != "advocacy"):
            continue
        cells = frame[header].astype(object).where(frame[header].notna(), "").astype(str)
        starred = cells.str.match(_STARS)
        ticked = ticks(frame[header].where(~starred)) if (~starred).any() else None
        stars = cells[starred].map(_stars_given)
        # (a lone ⭐ on every review is a tick; among ratings, 1 to 3 stars is no praise)
        good = starred if stars.eq(1).all() and not cells[starred].str.contains(
            r"\d").any() else starred & stars.reindex(cells.index).ge(GOOD_REVIEW)
        marked = good | (ticked if ticked is not None else False)
        if ticked is None and (cells.str.strip().ne("") & ~starred).any():
            continue        # words of their own: not ticks nor stars
        marked = marked.reindex(rows.index, fill_value=False).astype(bool)
        if not marked.any():
            continue
        rows = rows.copy()
        rows["stage"] = rows["stage"] if "stage" in rows else None
        rows.loc[marked, "stage"] = "advocacy"
        count, poor = int(marked.sum()), int((starred & ~good).sum())
        return rows, [f"{counted(count, 'row')} marked in '{header}' (a review left) "
                      f"{'lifts its client' if count == 1 else 'lift their clients'} to "
                      "advocacy" + (f"; {counted(poor, 'rating')} under {GOOD_REVIEW} stars "
                                    f"{'lifts' if poor == 1 else 'lift'} no one." if poor
                                    else ".")]
    return rows, []
