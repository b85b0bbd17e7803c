"""Persona cards: the target personas, kept honest by the clients behind them.

A card holds who the persona is (name, title, an emoji or a photo, description, goals),
the top three pain points, delights and key opportunities (stored one per line), how to
sell to them (preferred contact, sales tips, sales method), KPI targets, a tier (1-3) and
the team's impact and effort scores (1-5) for the ranking matrix.

Rules:

- At most ``MAX_ACTIVE`` (three) personas are active; more can be kept archived.
- Saves are optimistic: ``update_persona`` takes the version the editor saw and refuses
  a save when someone saved in between (``StaleEdit``), so nobody overwrites unseen work.
- A client belongs to a persona when assigned by hand (``persona_assignments``), or else
  when its tracker ``persona`` matches the persona's name ignoring case, spaces and
  punctuation ("dr jelena" is "Dr. Jelena").

Live figures (``persona_figures``), over the clients that pass the shared filters:

- conversion: the share of clients whose furthest stage reached purchase;
- revenue: the clients' current revenue (the tracker's ``revenue_current``, or the sum of
  their purchase events) against their potential; the KPI is revenue per customer
  against ``target_revenue`` (a per-customer target);
- satisfaction: the average ``satisfaction`` of the clients who have one, against
  ``target_satisfaction`` (same scale as the data);
- NPS: each client's latest score (the tracker's ``nps``, or the latest NPS event);
  the Net Promoter Score is % promoters (9-10) minus % detractors (0-6);
- visit frequency: purchases per customer per year. A visit is a day with a purchase
  (or the tracker's purchase count when it is larger, and at least one for a customer),
  counted from each customer's first purchase to the workspace's last date (at least a
  month each), pooled over the persona's customers; against ``target_visit_frequency``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pandas as pd
from PIL import Image
from sqlite_utils import Database

from ..charts import MIDPOINT, QUADRANTS
from ..derive import client_revenue_sql
from ..errors import JourneyError, UnreadableFile, ValidationError
from ..filters import NO_FILTERS, Filters
from ..journal import Problem, SheetSave, moved_on, record_change, row_named
from ..stages import RANK, normalise_value
from ..values import is_blank, parse_bool, parse_money, parse_text
from ..workspace import query_frame, write

MAX_ACTIVE = 3
MAX_ITEMS = 3
MAX_PHOTO_BYTES = 2 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
PHOTO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
DEFAULT_ICON = "👤"

# Editable fields with their human labels, in card order.
LABELS = {
    "name": "Name", "title": "Title", "icon": "Icon",
    "description": "Description", "goals": "Goals",
    "pain_points": "Pain points", "delights": "Delights",
    "preferred_contact": "Preferred contact", "key_opportunities": "Key opportunities",
    "sales_tips": "Sales tips", "sales_method": "Sales method",
    "target_revenue": "Target revenue", "target_visit_frequency": "Target visit frequency",
    "target_satisfaction": "Target satisfaction",
    "impact": "Impact", "effort": "Effort", "tier": "Tier",
}
FIELDS = tuple(LABELS)
TEXT_LIMITS = {"name": 80, "title": 80, "icon": 16, "description": 600, "goals": 800,
               "preferred_contact": 300, "sales_tips": 800, "sales_method": 300}
LIST_FIELDS = ("pain_points", "delights", "key_opportunities")
ITEM_LIMIT = 200
TARGET_FIELDS = ("target_revenue", "target_visit_frequency", "target_satisfaction")
SCORE_RANGES = {"impact": (1, 5), "effort": (1, 5), "tier": (1, 3)}
EXPORT_COLUMNS = [*FIELDS, "archived"]
_EXPORT_ORDER = "ORDER BY archived, position, id"      # the Personas sheet's rows

# Spreadsheet headers: field names and labels, plus a few words people use.
_HEADER_WORDS = {
    "name": "persona, persona name", "title": "role, job title, tagline",
    "icon": "emoji, symbol", "goals": "goal, expectations",
    "pain_points": "pains, pain point, top pain points, frustrations",
    "delights": "delight, gains, top delights",
    "preferred_contact": "contact, best contact, decision maker",
    "key_opportunities": "opportunities, opportunity, growth areas",
    "sales_tips": "tips, how to approach", "sales_method": "method, sales approach",
    "target_revenue": "revenue target, kpi revenue",
    "target_visit_frequency": "visit frequency, visit frequency target, kpi visit frequency",
    "target_satisfaction": "satisfaction target, kpi satisfaction",
    "impact": "impact score, sales impact", "effort": "effort score", "tier": "priority tier",
    "archived": "archive, status",
}
HEADER_FIELDS = {normalise_value(word): name
                 for name in EXPORT_COLUMNS
                 for word in [name, LABELS.get(name, name),
                              *filter(None, _HEADER_WORDS.get(name, "").split(", "))]}


class InvalidPersona(ValidationError):
    """A card that cannot be saved as it is; ``errors`` maps each field to its sentence."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()))


class StaleEdit(JourneyError):
    """Someone saved the card after this editor opened it; nothing was overwritten."""


# --- reading ---------------------------------------------------------------------------

def list_personas(db: Database, *, archived: bool = False) -> list[dict]:
    """The active personas (or the archived ones), in card order, photos included."""
    return list(db.query("SELECT * FROM personas WHERE archived = ? ORDER BY position, id",
                         [int(archived)]))


def get_persona(db: Database, persona_id: int) -> dict:
    """One persona; ValidationError if there is none with that id."""
    rows = list(db.query("SELECT * FROM personas WHERE id = ?", [persona_id]))
    if not rows:
        raise ValidationError(f"There is no persona number {persona_id} in this workspace.")
    return rows[0]


def split_items(text) -> list[str]:
    """A stored list (one item per line) as items; bullets and blank lines dropped."""
    if text is None:
        return []
    if isinstance(text, (list, tuple)):
        lines = [str(item) for item in text]
    else:
        text = str(text)
        lines = text.splitlines() if "\n" in text or "\r" in text else text.split(";")
    return [item for item in (re.sub(r"^\s*(?:[-*•·]|\d+[.)])\s+", "", line).strip()
                              for line in lines) if item]


def active_count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM personas WHERE archived = 0").fetchone()[0]


# --- validation --------------------------------------------------------------------------

def clean_persona(values: dict) -> dict:
    """The fields of ``values`` checked and tidied for saving; InvalidPersona lists every
    problem, each naming its field. Only the fields present are returned."""
    errors: dict[str, str] = {}
    clean: dict = {}
    for name, value in values.items():
        if name not in LABELS:
            errors[name] = f"'{name}' is not a persona field."
            continue
        label = LABELS[name]
        try:
            clean[name] = _clean_field(name, value, label)
        except ValueError as error:
            errors[name] = str(error)
    if "name" in values and "name" not in errors and not clean.get("name"):
        errors["name"] = "Name: a persona needs a name, for example \"Dr. Jelena\"."
    if errors:
        raise InvalidPersona(errors)
    return clean


def _clean_field(name: str, value, label: str):
    if name in LIST_FIELDS:
        items = [] if is_blank(value) else split_items(value)
        if len(items) > MAX_ITEMS:
            raise ValueError(f"{label}: keep the top {MAX_ITEMS}, one per line "
                             f"(there are {len(items)}).")
        for item in items:
            if len(item) > ITEM_LIMIT:
                raise ValueError(f"{label}: each item can be up to {ITEM_LIMIT} characters "
                                 f"(\"{item[:30]}…\" has {len(item)}).")
        return "\n".join(items) or None
    if name in TEXT_LIMITS:
        text = None if is_blank(value) else str(value).strip()
        if text and len(text) > TEXT_LIMITS[name]:
            raise ValueError(f"{label}: up to {TEXT_LIMITS[name]} characters "
                             f"(this has {len(text)}).")
        return text
    if is_blank(value):
        return None
    number = _number(value)
    if number is None:
        raise ValueError(f"{label}: '{value}' is not a number.")
    if name in SCORE_RANGES:
        low, high = SCORE_RANGES[name]
        if number != int(number) or not low <= number <= high:
            raise ValueError(f"{label}: choose a whole number from {low} to {high} "
                             f"('{value}' is not).")
        return int(number)
    if number < 0:
        raise ValueError(f"{label}: a target cannot be negative ('{value}').")
    return float(number)


def _number(value) -> float | None:
    """A single cell or widget value as a number (money and thousands separators too)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value == value and abs(value) != float("inf") else None
    parsed, bad = parse_money(pd.Series([value], dtype=object))
    return None if bad.iloc[0] or pd.isna(parsed.iloc[0]) else float(parsed.iloc[0])


def _check_unique_name(db: Database, name: str, persona_id: int | None) -> None:
    key = normalise_value(name)
    for other_id, other in db.execute("SELECT id, name FROM personas").fetchall():
        if other_id != persona_id and normalise_value(other) == key:
            raise InvalidPersona({"name": f"Name: there is already a persona called "
                                          f"'{other}'; give this one a different name."})


def _limit_sentence(db: Database) -> str:
    names = [r[0] for r in db.execute(
        "SELECT name FROM personas WHERE archived = 0 ORDER BY position, id").fetchall()]
    return (f"There are already {MAX_ACTIVE} active personas ({', '.join(names)}): "
            f"archive one first, then try again.")


# --- writing -----------------------------------------------------------------------------

def create_persona(db: Database, values: dict, *, archived: bool = False) -> int:
    """Save a new card and return its id. InvalidPersona for bad fields; ValidationError
    when three personas are active already (archive one first)."""
    clean = clean_persona({"name": values.get("name"), **values})
    with write(db):
        _check_unique_name(db, clean["name"], None)
        if not archived and active_count(db) >= MAX_ACTIVE:
            raise ValidationError(_limit_sentence(db))
        return _insert(db, clean, archived=archived)


def _insert(db: Database, clean: dict, *, archived: bool) -> int:
    """Add a checked card last; hand assignments left by a deleted persona are dropped
    first, so a new card never inherits them through a reused id."""
    db.execute("DELETE FROM persona_assignments WHERE persona_id NOT IN "
               "(SELECT id FROM personas)")
    position = db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM personas").fetchone()[0]
    return db["personas"].insert({
        **clean, "icon": clean.get("icon") or DEFAULT_ICON, "archived": int(archived),
        "position": position, "version": 1, "updated_at": _now(db)}).last_pk


def update_persona(db: Database, persona_id: int, changes: dict, *, version: int) -> int:
    """Save changed fields of a card opened at ``version``; returns the new version.

    InvalidPersona for bad fields; StaleEdit if the card was saved since (nothing is
    overwritten); ValidationError if the card does not exist.
    """
    clean = clean_persona(changes)
    with write(db):
        current = get_persona(db, persona_id)
        if "name" in clean:
            _check_unique_name(db, clean["name"], persona_id)
        return _save_version(db, current, clean, version)


def _save_version(db: Database, current: dict, values: dict, version: int) -> int:
    if moved_on(current, version):              # the journal's one conflict rule
        raise StaleEdit(
            f"'{current['name']}' was changed by someone else (at {current['updated_at']}) "
            "after you opened it, so your changes were not saved. Reload the card to see "
            "the latest version, then make your changes again.")
    new_version = int(version) + 1
    assignments = {**values, "version": new_version, "updated_at": _now(db)}
    columns = ", ".join(f"[{c}] = ?" for c in assignments)
    cursor = db.execute(f"UPDATE personas SET {columns} WHERE id = ? AND version = ?",
                        [*assignments.values(), current["id"], int(version)])
    if cursor.rowcount != 1:
        raise StaleEdit(f"'{current['name']}' was changed by someone else while you saved; "
                        "reload the card and try again.")
    return new_version


def archive_persona(db: Database, persona_id: int, *, version: int | None = None) -> int:
    """Archive a card (kept, off the wall); returns the new version."""
    with write(db):
        current = get_persona(db, persona_id)
        return _save_version(db, current, {"archived": 1},
                             current["version"] if version is None else version)


def restore_persona(db: Database, persona_id: int, *, version: int | None = None) -> int:
    """Bring an archived card back; ValidationError when three are active already."""
    with write(db):
        current = get_persona(db, persona_id)
        if current["archived"] and active_count(db) >= MAX_ACTIVE:
            raise ValidationError(_limit_sentence(db))
        return _save_version(db, current, {"archived": 0},
                             current["version"] if version is None else version)


def _now(db: Database) -> str:
    return db.execute("SELECT strftime('%Y-%m-%d %H:%M:%S', 'now')").fetchone()[0]


# --- photos ------------------------------------------------------------------------------

def check_photo(data: bytes, filename: str = "the photo") -> tuple[bytes, str]:
    """The photo and its MIME type if it is a PNG, JPEG or WebP image up to 2 MB that
    decodes; UnreadableFile with a sentence saying why not."""
    name = str(filename or "the photo")
    data = bytes(data or b"")
    if not data:
        raise UnreadableFile(f"{name} is empty.")
    if len(data) > MAX_PHOTO_BYTES:
        raise UnreadableFile(f"{name} is {len(data) / 1024 / 1024:.1f} MB; a persona photo "
                             "can be up to 2 MB.")
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format
            if kind not in PHOTO_TYPES:
                raise UnreadableFile(f"{name} is a {kind} image; use a PNG, JPEG or WebP.")
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise UnreadableFile(f"{name} is {width}×{height} pixels, too large to show; "
                                     "use a smaller picture.")
            image.load()
    except UnreadableFile:
        raise
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for undecodable data
        raise UnreadableFile(f"{name} is not a picture Journey can read: upload a PNG, JPEG "
                             "or WebP image.") from None
    return data, PHOTO_TYPES[kind]


def set_photo(db: Database, persona_id: int, data: bytes, filename: str, *,
              version: int) -> int:
    """Store a checked photo on a card; returns the new version."""
    photo, kind = check_photo(data, filename)
    with write(db):
        return _save_version(db, get_persona(db, persona_id),
                             {"photo": photo, "photo_type": kind}, version)


def remove_photo(db: Database, persona_id: int, *, version: int) -> int:
    """Take the photo off a card (the icon shows again)."""
    with write(db):
        return _save_version(db, get_persona(db, persona_id),
                             {"photo": None, "photo_type": None}, version)


# --- clients behind each persona ---------------------------------------------------------

def assign_clients(db: Database, persona_id: int, client_ids: list[int]) -> int:
    """Assign clients to a persona by hand (replacing earlier hand assignments of those
    clients); returns how many were assigned."""
    with write(db):
        get_persona(db, persona_id)
        db.conn.executemany(
            "INSERT INTO persona_assignments(client_ref, persona_id) "
            "SELECT id, ? FROM clients WHERE id = ? "
            "ON CONFLICT(client_ref) DO UPDATE SET persona_id = excluded.persona_id",
            [(persona_id, int(i)) for i in client_ids])
    return len(client_ids)


def unassign_clients(db: Database, client_ids: list[int]) -> None:
    """Drop hand assignments: these clients follow their persona column again."""
    with write(db):
        db.conn.executemany("DELETE FROM persona_assignments WHERE client_ref = ?",
                            [(int(i),) for i in client_ids])


def assigned_clients(db: Database, persona_id: int) -> list[int]:
    """Ids of the clients assigned to a persona by hand."""
    return [r[0] for r in db.execute(
        "SELECT client_ref FROM persona_assignments WHERE persona_id = ? ORDER BY client_ref",
        [persona_id]).fetchall()]


def assignable_clients(db: Database, limit: int = 5000) -> pd.DataFrame:
    """Clients a person may assign by hand: id and a label "name (client id)"; those
    without a matching persona first."""
    matched = _column_matches(db)
    frame = query_frame(
        db, "SELECT id, name, client_id, persona FROM clients ORDER BY name LIMIT ?", [limit])
    frame["matched"] = frame["persona"].map(lambda v: v in matched)
    frame["label"] = [f"{n or '(no name)'} ({c})" if c else (n or f"client {i}")
                      for i, n, c in zip(frame["id"], frame["name"], frame["client_id"])]
    return frame.sort_values(["matched", "label"])[["id", "label", "persona"]].reset_index(
        drop=True)


def _column_matches(db: Database) -> dict[str, int]:
    """Each distinct tracker persona value -> the persona it names (normalised match)."""
    by_key = {normalise_value(name): persona_id
              for persona_id, name in db.execute("SELECT id, name FROM personas").fetchall()}
    found = {}
    for (value,) in db.execute("SELECT DISTINCT persona FROM clients "
                               "WHERE persona IS NOT NULL").fetchall():
        persona_id = by_key.get(normalise_value(value))
        if persona_id is not None:
            found[value] = persona_id
    return found


# --- live figures ------------------------------------------------------------------------

FIGURE_COLUMNS = [
    "clients", "customers", "conversion_pct", "revenue_current", "revenue_potential",
    "revenue_per_customer", "potential_realised_pct", "satisfaction_avg",
    "satisfaction_answers", "nps_avg", "nps_score", "nps_answers", "visit_frequency",
    "revenue_progress", "satisfaction_progress", "visit_progress",
]
# The card's live figures as the Personas page shows them and the workbook heads them.
FIGURE_LABELS = {"clients": "Clients", "conversion_pct": "Share who bought",
                 "revenue_current": "Revenue", "revenue_potential": "Revenue potential",
                 "nps_score": "NPS score", "nps_answers": "NPS answers"}


def persona_figures(db: Database, filters: Filters = NO_FILTERS, *,
                    archived: bool = False) -> pd.DataFrame:
    """One row per persona (active, or archived) with its card fields (no photo) and the
    live figures of its clients that pass ``filters`` (see the module docstring)."""
    stats = _client_stats(db, filters)
    rows = []
    for persona in list_personas(db, archived=archived):
        row = {k: v for k, v in persona.items() if k != "photo"}
        got = stats.get(persona["id"], {})
        row.update({
            "clients": got.get("clients", 0), "customers": got.get("customers") or 0,
            "revenue_current": got.get("revenue_current") or 0.0,
            "revenue_potential": got.get("revenue_potential") or 0.0,
            "satisfaction_avg": _rounded(got.get("satisfaction_avg"), 2),
            "satisfaction_answers": got.get("satisfaction_answers", 0),
            "nps_avg": _rounded(got.get("nps_avg"), 2),
            "nps_answers": got.get("nps_answers", 0)})
        row["conversion_pct"] = _ratio(row["customers"], row["clients"], 100)
        row["revenue_per_customer"] = _ratio(row["revenue_current"], row["customers"])
        row["potential_realised_pct"] = _ratio(row["revenue_current"],
                                               row["revenue_potential"], 100)
        row["nps_score"] = _ratio((got.get("promoters") or 0) - (got.get("detractors") or 0),
                                  row["nps_answers"], 100)
        row["visit_frequency"] = _ratio((got.get("visits") or 0) * 365.25,
                                        got.get("exposure_days"))
        row["revenue_progress"] = _ratio(row["revenue_per_customer"], row["target_revenue"])
        row["satisfaction_progress"] = _ratio(row["satisfaction_avg"],
                                              row["target_satisfaction"])
        row["visit_progress"] = _ratio(row["visit_frequency"], row["target_visit_frequency"])
        rows.append(row)
    if not rows:
        return pd.DataFrame(columns=["id", *FIELDS, *FIGURE_COLUMNS])
    return pd.DataFrame(rows)


def _rounded(value, digits: int):
    return None if value is None else round(value, digits)


def _ratio(part, whole, scale: float = 1.0) -> float | None:
    """part / whole * scale, rounded (percentages to 2 places, the rest to 4); None when
    either is missing or the whole is not positive."""
    if _none(part) or _none(whole) or whole <= 0:
        return None
    return round(part * scale / whole, 2 if scale == 100 else 4)


def _client_stats(db: Database, filters: Filters) -> dict[int, dict]:
    """Sums per persona id over its clients (hand assignment first, then the column match)."""
    matches = _column_matches(db)
    pairs = ", ".join("(?, ?)" for _ in matches)
    matched = f"VALUES {pairs}" if matches else "SELECT NULL, NULL WHERE 0"
    where, params = filters.where("c")
    as_of = db.execute("SELECT MAX(last_date) FROM clients").fetchone()[0]
    purchase = RANK["purchase"]
    sql = f"""
    WITH matched(value, persona_id) AS ({matched}),
    member AS (
      SELECT COALESCE(a.persona_id, m.persona_id) AS persona_id,
        c.furthest_rank >= {purchase} AS customer,
        {client_revenue_sql('c')} AS revenue,
        c.revenue_potential AS potential,
        c.satisfaction AS satisfaction,
        COALESCE(c.nps, (SELECT e.amount FROM events e WHERE e.client_ref = c.id
                         AND e.kind = 'nps' AND e.amount IS NOT NULL
                         ORDER BY e.date DESC, e.id DESC LIMIT 1)) AS nps,
        MAX(1, COALESCE(c.purchase_days, 0), COALESCE(c.purchases, 0)) AS visits,
        COALESCE(c.purchase_at, c.first_date) AS since
      FROM {filters.clients("c")}
      LEFT JOIN persona_assignments a ON a.client_ref = c.id
        AND a.persona_id IN (SELECT id FROM personas)
      LEFT JOIN matched m ON m.value = c.persona
      WHERE ({where}) AND COALESCE(a.persona_id, m.persona_id) IS NOT NULL
    )
    SELECT persona_id, COUNT(*) AS clients, SUM(customer) AS customers,
      SUM(revenue) AS revenue_current, SUM(potential) AS revenue_potential,
      AVG(satisfaction) AS satisfaction_avg, COUNT(satisfaction) AS satisfaction_answers,
      AVG(nps) AS nps_avg, COUNT(nps) AS nps_answers,
      SUM(nps >= 9) AS promoters, SUM(nps <= 6) AS detractors,
      SUM(CASE WHEN customer AND since IS NOT NULL THEN visits END) AS visits,
      SUM(CASE WHEN customer AND since IS NOT NULL
          THEN MAX(30.0, julianday(?) - julianday(substr(since, 1, 10))) END)
        AS exposure_days
    FROM member GROUP BY persona_id
    """
    bound = [v for pair in matches.items() for v in pair] + params + [
        as_of[:10] if as_of else None]
    rows = db.execute(sql, bound).fetchall()
    columns = ["persona_id", "clients", "customers", "revenue_current", "revenue_potential",
               "satisfaction_avg", "satisfaction_answers", "nps_avg", "nps_answers",
               "promoters", "detractors", "visits", "exposure_days"]
    return {row[0]: dict(zip(columns, row)) for row in rows}


@dataclass(frozen=True)
class Kpi:
    """One KPI line of a card: the live value against its target."""
    key: str
    label: str
    value: str
    target: str | None
    progress: float | None      # value / target (may exceed 1), None without both

    @property
    def bar(self) -> float:
        """The progress for a bar, between 0 and 1."""
        return 0.0 if self.progress is None else max(0.0, min(1.0, float(self.progress)))

    @property
    def sentence(self) -> str:
        if self.progress is None:
            return f"{self.label}: {self.value}" + (f" (target {self.target})"
                                                   if self.target else " (no target set)")
        return f"{self.label}: {self.value} of {self.target} ({self.progress:.0%})"


def card_kpis(row: dict, currency: str = "$") -> list[Kpi]:
    """The three KPIs of a card (revenue per customer, visit frequency, satisfaction) with
    their progress toward target, from a ``persona_figures`` row."""
    def money(v):
        return "—" if _none(v) else f"{currency}{v:,.0f}"

    def plain(v, digits=1):
        return "—" if _none(v) else f"{v:,.{digits}f}"

    return [
        Kpi("revenue", "Revenue per customer", money(row.get("revenue_per_customer")),
            None if _none(row.get("target_revenue")) else money(row["target_revenue"]),
            _value(row.get("revenue_progress"))),
        Kpi("visits", "Visits per customer per year", plain(row.get("visit_frequency")),
            None if _none(row.get("target_visit_frequency"))
            else plain(row["target_visit_frequency"]), _value(row.get("visit_progress"))),
        Kpi("satisfaction", "Average satisfaction", plain(row.get("satisfaction_avg")),
            None if _none(row.get("target_satisfaction"))
            else plain(row["target_satisfaction"]), _value(row.get("satisfaction_progress"))),
    ]


def _none(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _value(value) -> float | None:
    return None if _none(value) else float(value)


# --- ranking -----------------------------------------------------------------------------

def quadrant(impact, effort) -> str | None:
    """The matrix quadrant of an impact and an effort score (1-5; above 3 is high)."""
    if _none(impact) or _none(effort):
        return None
    return QUADRANTS[(impact > MIDPOINT, effort > MIDPOINT)]


def rank_personas(db: Database, filters: Filters = NO_FILTERS,
                  money_at_stake: dict[str, float] | None = None) -> pd.DataFrame:
    """The active personas ranked for the impact (sales) × effort matrix: quadrant,
    rank (1 = serve first: impact minus effort, then tier, then revenue), live revenue.

    ``money_at_stake`` (persona name -> what its clients' drop-off costs,
    ``journey.funnel.money_at_stake(...).by_segment()``) feeds the impact axis: a card
    without the team's impact score is placed at 1-5 by its share of the largest sum
    (``impact_from_money``; the team's own score always wins)."""
    figures = persona_figures(db, filters)
    columns = ["rank", "name", "impact", "effort", "tier", "quadrant", "clients",
               "revenue_current", "conversion_pct", "money_at_stake", "impact_from_money"]
    if figures.empty:
        return pd.DataFrame(columns=columns)
    frame = figures[["name", "impact", "effort", "tier", "clients", "revenue_current",
                     "conversion_pct"]].copy()
    stake = {normalise_value(k): v for k, v in (money_at_stake or {}).items()}
    frame["money_at_stake"] = [stake.get(normalise_value(n)) for n in frame["name"]]
    top = max((v for v in stake.values() if v), default=0)
    frame["impact_from_money"] = [None if not top or v is None else max(1, -(-5 * v // top))
                                  for v in frame["money_at_stake"]]
    frame["impact"] = [i if not _none(i) else m
                       for i, m in zip(frame["impact"], frame["impact_from_money"])]
    frame["quadrant"] = [quadrant(i, e) for i, e in zip(frame["impact"], frame["effort"])]
    score = pd.to_numeric(frame["impact"]) - pd.to_numeric(frame["effort"])
    frame = frame.assign(_score=score.fillna(-99), _tier=pd.to_numeric(frame["tier"]).fillna(9))
    frame = frame.sort_values(["_score", "_tier", "revenue_current"],
                              ascending=[False, True, False])
    frame["rank"] = range(1, len(frame) + 1)
    return frame[columns].reset_index(drop=True)


# --- spreadsheets --------------------------------------------------------------------------

def export_rows(db: Database) -> pd.DataFrame:
    """Every persona (active first) with the field names as headers; photos stay behind."""
    rows = list(db.query(
        f"SELECT {', '.join(f'[{c}]' for c in EXPORT_COLUMNS)} FROM personas {_EXPORT_ORDER}"))
    frame = pd.DataFrame(rows, columns=EXPORT_COLUMNS)
    frame["archived"] = frame["archived"].map(lambda v: "yes" if v else "no")
    return frame


def export_figures(db: Database, filters: Filters = NO_FILTERS, *,
                   revenue_known: bool = True) -> pd.DataFrame:
    """The live figures of ``export_rows``' personas, row for row (``FIGURE_LABELS``' fields,
    from ``persona_figures`` over ``filters``, as the cards show them). A figure with no
    evidence is empty, as on the card: every figure but the count of a persona with no
    clients, a revenue when ``revenue_known`` is False (nothing in the workspace has one),
    a potential of 0 (no potential column)."""
    order = [row_id for (row_id,) in db.execute(f"SELECT id FROM personas {_EXPORT_ORDER}")]
    live = pd.concat([persona_figures(db, filters),
                      persona_figures(db, filters, archived=True)])
    live = live.set_index("id").reindex(order)[list(FIGURE_LABELS)].astype(object)
    live = live.where(live.notna(), None)
    live.loc[live["clients"] == 0, [f for f in FIGURE_LABELS if f != "clients"]] = None
    if not revenue_known:
        live["revenue_current"] = None
    live.loc[live["revenue_potential"] == 0, "revenue_potential"] = None
    return live.reset_index(drop=True)


def import_sheet(db: Database, raw, import_id: int):
    """Import a "Personas" sheet (headers: field names or labels): rows update the
    persona of the same name (ignoring case, spaces and punctuation) or add one. Blank
    cells leave a value alone; columns that are not persona fields are ignored. A row
    that cannot be used (a bad value, or a fourth active persona) is reported with its
    reason and not saved. Every persona a row adds or matches (changed or not) goes to
    ``record_change`` with the fields the row carried, so undo takes back only those that
    still hold the sheet's values (see ``journey.ingest.undo_import``). Returns
    ``journey.journal.SheetSave``. Runs inside the caller's transaction."""
    columns = {}
    problems: list[Problem] = []
    header_row = (raw.row_numbers[0] - 1) if raw.row_numbers else 1
    for header in raw.headers:
        target = HEADER_FIELDS.get(normalise_value(header))
        if target and target not in columns.values():
            columns[header] = target
    if "name" not in columns.values():
        problems.append(Problem(header_row, "name", None,
                                "The Personas sheet has no name column, so no persona could "
                                "be matched or added."))
        return SheetSave(0, 0, problems)
    cells = _sheet_cells(raw.frame, columns)
    header_of = {f: h for h, f in columns.items()}
    inserted = updated = 0
    for position, row_number in enumerate(raw.row_numbers):
        values = {field: cells[field][position] for field in cells}
        archived = values.pop("archived", None)
        if all(is_blank(v) for v in values.values()):
            continue
        if is_blank(values.get("name")):
            problems.append(Problem(row_number, header_of["name"], None,
                                    "This row has no persona name, so it was not imported."))
            continue
        if archived == "bad":
            problems.append(Problem(row_number, header_of["archived"],
                                    raw.frame.iloc[position][header_of["archived"]],
                                    "archived must be yes or no; the row was not imported."))
            continue
        filled = {f: v for f, v in values.items() if not is_blank(v)}
        try:
            clean = clean_persona(filled)
        except InvalidPersona as error:
            for field, reason in error.errors.items():
                problems.append(Problem(row_number, header_of.get(field, field),
                                        filled.get(field), f"{reason} The row was not imported."))
            continue
        existing = row_named(db, "personas", "name", clean["name"])
        becomes_active = (not archived if existing is None
                          else bool(existing["archived"]) and archived is False)
        if becomes_active and active_count(db) >= MAX_ACTIVE:
            problems.append(Problem(row_number, header_of["name"], clean["name"],
                                    f"{_limit_sentence(db)} (Or mark this row archived in an "
                                    "archived column.) The row was not imported."))
            continue
        carried = clean if archived is None else {**clean, "archived": int(bool(archived))}
        if existing is None:
            new_id = _insert(db, clean, archived=bool(archived))
            record_change(db, import_id, "personas", new_id, None, carried)
            inserted += 1
            continue
        record_change(db, import_id, "personas", existing["id"], existing,
                      {**carried, "name": existing["name"]})
        changes = {f: v for f, v in carried.items() if existing.get(f) != v and f != "name"}
        if changes:
            _save_version(db, existing, changes, existing["version"])
            updated += 1
    return SheetSave(inserted, updated, problems)


def _sheet_cells(frame: pd.DataFrame, columns: dict[str, str]) -> dict[str, list]:
    """The sheet's cells per field: text stripped, numbers parsed (bad -> the raw text,
    which validation then names), archived as True/False/None or "bad"."""

    cells: dict[str, list] = {}
    for header, field in columns.items():
        column = frame[header]
        if field == "archived":
            flags, bad = parse_bool(column)
            cells[field] = ["bad" if b else (None if f is None else bool(f))
                            for f, b in zip(flags.tolist(), bad.tolist())]
        elif field in TARGET_FIELDS or field in SCORE_RANGES:
            numbers, bad = parse_money(column)
            text, _ = parse_text(column)
            cells[field] = [t if b else (None if pd.isna(n) else float(n))
                            for n, b, t in zip(numbers.tolist(), bad.tolist(), text.tolist())]
        else:
            text, _ = parse_text(column)
            cells[field] = text.tolist()
    return cells


