"""The demo workspace: Harbour & Pine, an interior-design and furniture studio.

``build_demo`` simulates 24 months of a believable small business (seeded, so identical on
every run, ending on the fixed date ``END``), writes the spreadsheets such a business
keeps (a client tracker in Journey's template layout, a CRM activity export, an order list,
a returns and cancellations workbook with only order numbers, a complaints log keyed by
client name, internal escalations, client feedback) and imports each one through
``journey.ingest.import_file``, so the demo has a real import history. Personas and the
touchpoint map are written directly.

The story the data tells (tests/test_demo.py checks it):

- Three personas: Dr. Jelena (clinic owners) converts well, Office Manager Olivia is
  middling, Homeowner Hugo (half the leads) rarely buys: he does not understand what the
  design fee includes and is confused by the pricing tiers.
- The biggest drop is between consideration and purchase: most people who receive a
  proposal never buy.
- Red signs: the win rate (won / (won + lost) deals) is about 15%; refunds and
  cancellations in the last six months are more than double the six before; escalations
  between sales and operations ("sales promised a delivery date operations could not
  meet") are rising; repeat business is falling.
- The workshop method (``_insert_workshop``): a goal (more first purchases turned into
  regulars) with three key results, eleven KPIs with targets (some met, some not, one
  entered by hand), a dozen actions with owners, and two closed sessions to compare with:
  a kick-off on 2026-05-15 and a follow-up on 2026-08-14. Each was measured over the data
  as it stood at the end of the month before (clients first seen by then, the signs over
  the 12 months to then), so since the last session conversion to purchase has slipped
  below its target, actions have been done, and some are overdue.
- The guided session (``_insert_method``): most of the method's steps show as done from the
  data (the goal, tiered and ranked personas, a future state, KPIs); the team ticked "look
  at the existing data" by hand (web analytics is still missing), and has answered five of
  the seven customer questions, so validating with customers is still open. The sales
  team's track has a sales method per persona and recent NPS answers, and contacts the
  high-impact groups first; improving the process for tier 1 is still to do.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import xlsxwriter

from .errors import WorkspaceError
from .filters import Filters
from .ingest import import_file
from .columns import CLIENT_COLUMNS
from .scorecard import close_session
from .workshop import actions as action_list
from .workshop import kpis as kpi_store
from .workshop import method
from .workshop.goal import set_goal
from .workspace import delete_workspace, open_workspace, set_setting, workspace_path, write

BUSINESS = "Harbour & Pine"
END = dt.date(2026, 10, 31)           # the demo's "today": fixed, so every build is identical
START = dt.date(2024, 11, 1)          # 24 months before END
RED_FROM = dt.date(2026, 5, 1)        # the last six months, where things go wrong
DECLINE_FROM = dt.date(2025, 11, 1)   # repeat business starts falling here
N_CLIENTS = 2000
STAMP = "2026-10-31 09:00:00"         # updated_at of personas and touchpoints


@dataclass(frozen=True)
class Persona:
    """How one persona behaves in the simulation."""
    name: str
    share: float
    types: tuple[str, ...]
    channels: dict[str, float]
    consider: float          # chance a lead moves to consideration
    buy: float               # chance a considering lead buys
    order_median: float
    repeat: float            # chance of another order after each order (before decline)
    won_logged: float        # chance a first purchase is logged as a won deal in the CRM
    objection: float         # chance of objections while considering
    nps_mean: float
    b2b: bool


PERSONAS = (
    Persona("Dr. Jelena", 0.20, ("Clinic", "Dental practice", "Vet clinic"),
            {"referral": .42, "events": .2, "search": .16, "website": .12, "social": .05,
             "ads": .05}, consider=.80, buy=.76, order_median=52000, repeat=.75,
            won_logged=.95, objection=.30, nps_mean=8.9, b2b=True),
    Persona("Office Manager Olivia", 0.32, ("Office", "Hospitality", "Retail"),
            {"search": .3, "website": .2, "events": .2, "referral": .14, "ads": .1,
             "social": .06}, consider=.66, buy=.5, order_median=36000, repeat=.7,
            won_logged=.8, objection=.5, nps_mean=8.0, b2b=True),
    Persona("Homeowner Hugo", 0.48, ("Residential",),
            {"social": .3, "ads": .25, "search": .2, "website": .15, "referral": .07,
             "events": .03}, consider=.6, buy=.27, order_median=7200, repeat=.6,
            won_logged=.15, objection=.75, nps_mean=7.9, b2b=False),
)
PERSONA_BY_NAME = {p.name: p for p in PERSONAS}

OWNERS_B2B = ("Maya Chen", "Tom Walsh", "Priya Nair")
OWNERS_B2C = ("Luca Romano", "Grace Okafor", "Tom Walsh")
REGIONS = {"Australia": (("NSW", .42), ("VIC", .28), ("QLD", .18), ("WA", .12)),
           "New Zealand": (("Auckland", .6), ("Wellington", .25), ("Canterbury", .15))}

PLACES = ("Harbourside", "Bayview", "Northside", "Bluegum", "Wattle", "Kingfisher", "Ironbark",
          "Coastal", "Southbank", "Riverside", "Hillcrest", "Parkside", "Seabreeze", "Redgum",
          "Lakeside", "Eastwood", "Westgate", "Summit", "Banksia", "Jacaranda", "Sandstone",
          "Driftwood", "Saltbush", "Tidewater", "Greenway", "Marina", "Oakridge", "Laneway",
          "Cove", "Headland", "Tasman", "Coral", "Albany", "Kauri", "Rimu", "Pohutukawa",
          "Totara", "Manuka", "Kowhai", "Matai")
BUSINESS_WORDS = {
    "Clinic": ("Family Medical", "Skin Clinic", "Physio", "Eye Care", "Podiatry",
               "Osteopathy", "Medical Centre", "Health Hub", "Hearing", "Chiropractic"),
    "Dental practice": ("Dental", "Dental Studio", "Orthodontics", "Smiles", "Dental Care"),
    "Vet clinic": ("Vet Clinic", "Animal Hospital", "Vets", "Pet Clinic"),
    "Office": ("Accounting", "Legal", "Architects", "Consulting", "Property Group",
               "Partners", "Digital", "Logistics", "Realty", "Co-working"),
    "Hospitality": ("Cafe", "Bistro", "Hotel", "Wine Bar", "Eatery", "Bakery"),
    "Retail": ("Boutique", "Florist", "Books", "Design Store", "Wellness", "Gallery",
               "Homewares", "Optometrist"),
}
FIRST_NAMES = ("Sarah", "James", "Olivia", "Noah", "Chloe", "Liam", "Emma", "Jack", "Mia",
               "Ethan", "Zoe", "Lucas", "Ella", "Mason", "Grace", "Oliver", "Ruby", "Leo",
               "Isla", "Hamish", "Aroha", "Tane", "Priya", "Arjun", "Mei", "Wei", "Sofia",
               "Marco", "Hannah", "Daniel", "Amira", "Omar", "Freya", "Finn", "Lily", "Sam",
               "Charlotte", "Henry", "Ava", "Kai")
LAST_NAMES = ("Mitchell", "Nguyen", "Smith", "Brown", "Wilson", "Taylor", "Anderson", "Walker",
              "Harris", "Clarke", "Patel", "Singh", "Chen", "Wang", "Kaur", "Murphy", "Kelly",
              "O'Brien", "Ryan", "Campbell", "Stewart", "Robinson", "Wright", "Thompson",
              "White", "Martin", "Lee", "Young", "King", "Scott", "Green", "Baker", "Hall",
              "Ngata", "Parata", "Rossi", "Russo", "Kowalski", "Novak", "Fischer")

# Event vocabulary --------------------------------------------------------------------------
FIRST_TOUCH = {"search": ("search", "Google search & reviews"),
               "social": ("social", "Instagram & Pinterest posts"),
               "ads": ("ads", "Facebook & Google ads"),
               "website": ("website", "Website & lookbook"),
               "events": ("events", "Design expo stand"),
               "referral": ("in person", "Client referral")}
AWARE_CONTACTS = (("email", "Website & lookbook", "marketing"),
                  ("email", "Enquiry form & first call", "marketing"),
                  ("phone", "Enquiry form & first call", "sales"),
                  ("social", "Instagram & Pinterest posts", "marketing"))
CONSIDER_CONTACTS = (("in person", "Showroom visit", "sales"),
                     ("in person", "Design consultation", "sales"),
                     ("in person", "Mood board & samples", "product"),
                     ("email", "Proposal & quote", "sales"),
                     ("phone", "Follow-up call", "sales"),
                     ("website", "Pricing tiers page", "marketing"))
AFTER_ORDER = (("phone", "Delivery scheduling", "operations", 3, 12),
               ("in person", "Delivery & installation", "operations", 20, 70),
               ("in person", "Handover walkthrough", "CX and account management", 21, 75))
CHECK_INS = (("phone", "6-month check-in", "CX and account management"),
             ("email", "Aftercare email & care guide", "CX and account management"),
             ("email", "Seasonal refresh offer", "marketing"),
             ("phone", "Warranty & repairs", "support"))
AWARE_LOST = ("No response after three follow-ups", "Just browsing for ideas",
              "Outside our service area", "Budget too small for a designed fit-out",
              "Went quiet after the lookbook")
CONSIDER_LOST = (("Went with a cheaper competitor", 5), ("Quote came in over budget", 4),
                 ("Didn't understand what's included in the design fee", 4),
                 ("Confused about pricing tiers", 3), ("Project postponed", 3),
                 ("Lead time too long", 2), ("No response after the quote", 4),
                 ("Decided to do it themselves", 2))
OBJECTIONS = (("Didn't understand what's included", 5), ("Confused about pricing tiers", 5),
              ("Design fee feels high before seeing drawings", 3),
              ("Unclear what happens after the deposit", 2),
              ("Wants to compare three quotes", 3),
              ("Worried about disruption during the install", 2))
PURCHASE_OBJECTIONS = ("50% deposit is too much up front", "10-week lead time is too long",
                       "Wants the install date written into the contract")
COMPLAINTS = (("Delivery arrived late", "operations", 5),
              ("Installer missed the appointment", "operations", 3),
              ("Wrong fabric colour delivered", "operations", 2),
              ("Invoice didn't match the quote", "sales", 2),
              ("Chair arrived damaged", "support", 2),
              ("Nobody called back about a fault", "support", 2),
              ("Account manager changed without notice", "CX and account management", 1))
# (raised by, about, reason, weight before RED_FROM, weight after)
ESCALATIONS = (
    ("operations", "sales", "Sales promised a delivery date operations could not meet", 3, 10),
    ("operations", "sales", "Order handed over without final measurements", 2, 6),
    ("sales", "operations", "Operations moved the install date without telling the client",
     2, 6),
    ("operations", "sales", "Sales sold a discontinued fabric", 1, 3),
    ("CX and account management", "sales",
     "Client was promised a free design revision that sales never logged", 1, 2),
    ("sales", "marketing", "Marketing leads arrive without a budget or timeline", 2, 2),
    ("marketing", "sales", "Event leads not followed up within a week", 2, 1),
    ("support", "product", "Warranty terms differ between the website and the contract", 1, 1),
    ("product", "sales", "Custom sizes sold that the workshop cannot make", 1, 2),
    ("leadership", "sales", "Discounts approved outside the pricing policy", 1, 1),
)
PRODUCT_LINES = {True: ("Clinic fit-out", "Reception & waiting room", "Consult room furniture",
                        "Workstations", "Meeting room package", "Breakout area"),
                 False: ("Living room package", "Sofa & lounge", "Dining set",
                         "Bedroom package", "Custom joinery", "Soft furnishings")}
REVIEW_NOTES = ("Five stars on Google: on time and beautiful work", "Lovely team, would use "
                "again", "Posted before/after photos on Instagram", "Case study for the website",
                "Four stars: great result, install ran a day over")


@dataclass
class World:
    """The simulated business: client rows and event rows in vocabulary field names."""
    clients: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)


# --- the simulation ----------------------------------------------------------------------

def simulate(seed: int = 7, n_clients: int = N_CLIENTS) -> World:
    """Simulate the business: clients with their journeys, deterministic for a seed."""
    rng = random.Random(seed)
    world = World()
    names = _name_pool(rng)
    orders = iter(range(10001, 10_000_000))
    for number, first in enumerate(sorted(_first_contacts(rng, n_clients)), start=1):
        client = _new_client(rng, number, first, names)
        events = _journey(rng, client, orders)
        _summarise(rng, client, events)
        world.clients.append(client)
        world.events += events
    world.events += _anonymous_escalations(rng)
    world.events.sort(key=lambda e: (e["date"], e.get("client_id") or "", e["kind"]))
    return world


def _first_contacts(rng: random.Random, n: int) -> list[dt.date]:
    """First-contact dates over the 24 months, leads growing over time."""
    span = (END - START).days
    return [START + dt.timedelta(days=int(span * rng.random() ** 0.8)) for _ in range(n)]


def _name_pool(rng: random.Random) -> dict[str, list[str]]:
    """Unique shuffled client names per client type, and person names for everyone."""
    pool = {kind: [f"{p} {w}" for p in PLACES for w in words]
            for kind, words in BUSINESS_WORDS.items()}
    pool["people"] = [f"{f} {s}" for f in FIRST_NAMES for s in LAST_NAMES]
    for names in pool.values():
        rng.shuffle(names)
    return pool


def _pick(rng: random.Random, weighted) -> str:
    """One key of a {value: weight} dict or one value of (value, weight) pairs."""
    items = list(weighted.items()) if isinstance(weighted, dict) else list(weighted)
    return rng.choices([i[0] for i in items], weights=[i[-1] for i in items])[0]


def _new_client(rng: random.Random, number: int, first: dt.date, names: dict) -> dict:
    """A client's profile: who they are, where, how they found the studio."""
    persona = rng.choices(PERSONAS, weights=[p.share for p in PERSONAS])[0]
    client_type = rng.choice(persona.types)
    country = "Australia" if rng.random() < 0.78 else "New Zealand"
    if persona.b2b:
        person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        pool = names[client_type]
        name = pool.pop() if pool else f"{rng.choice(PLACES)} {client_type} {number}"
    else:
        pool = names["people"]
        person = name = pool.pop() if pool else f"Client {number}"
    contact = f"Dr. {person}" if persona.name == "Dr. Jelena" else person
    return {
        "client_id": f"HP-{number:04d}", "name": name, "client_type": client_type,
        "country": country, "region": _pick(rng, REGIONS[country]), "persona": persona.name,
        "contact_name": contact, "email": _email(name, person, persona.b2b, country),
        "phone": _phone(rng, country), "channel": _pick(rng, persona.channels),
        "owner": rng.choice(OWNERS_B2B if persona.b2b else OWNERS_B2C),
        "first_contact": first, "_persona": persona,
    }


def _email(name: str, person: str, b2b: bool, country: str) -> str:
    """A believable address: the business's domain, or a person's webmail."""
    slug = "".join(ch for ch in name.lower() if ch.isalnum())
    if b2b:
        return f"hello@{slug}.{'com.au' if country == 'Australia' else 'co.nz'}"
    first, _, last = person.lower().replace("'", "").partition(" ")
    return f"{first}.{last}@{'gmail.com' if len(slug) % 2 else 'outlook.com'}"


def _phone(rng: random.Random, country: str) -> str:
    """An Australian or New Zealand mobile number."""
    if country == "Australia":
        return f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    return f"021 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _days(day: dt.date, low: int, high: int, rng: random.Random) -> dt.date:
    """A day between ``low`` and ``high`` days after ``day``."""
    return day + dt.timedelta(days=rng.randint(low, high))


def _event(client: dict, day: dt.date, kind: str, **values) -> dict:
    """One event row of a client."""
    return {"client_id": client["client_id"], "date": day, "kind": kind, **values}


def _journey(rng: random.Random, client: dict, orders) -> list[dict]:
    """Every event of one client: awareness, maybe consideration, maybe orders."""
    persona: Persona = client["_persona"]
    events = _awareness(rng, client)
    start = _days(client["first_contact"], 4, 40, rng)
    if rng.random() >= persona.consider or start > END:
        events += _lost_lead(rng, client)
        return [e for e in events if e["date"] <= END]
    decision = _days(start, 14, 80, rng)
    events += _consideration(rng, client, start, min(decision, END))
    if decision > END:                            # still deciding
        return [e for e in events if e["date"] <= END]
    if rng.random() < persona.buy:
        if rng.random() < 0.3:
            events.append(_lost_quote(rng, client, _days(start, 3, 12, rng)))
        events += _orders(rng, client, decision, orders)
    else:
        events.append(_lost_quote(rng, client, decision))
        if rng.random() < 0.8:
            events.append(_lost_quote(rng, client, _days(start, 2, 12, rng)))
    return [e for e in events if e["date"] <= END]


def _awareness(rng: random.Random, client: dict) -> list[dict]:
    """The first touch (a new lead in the CRM) and a few marketing contacts."""
    first = client["first_contact"]
    channel, touchpoint = FIRST_TOUCH[client["channel"]]
    events = [_event(client, first, "stage_change", stage="New lead", channel=channel,
                     touchpoint=touchpoint, department="marketing"),
              _event(client, first, "contact", stage="awareness", channel=channel,
                     touchpoint=touchpoint, department="marketing")]
    for _ in range(rng.randint(0, 3)):
        channel, touchpoint, department = rng.choice(AWARE_CONTACTS)
        events.append(_event(client, _days(first, 1, 25, rng), "contact", stage="awareness",
                             channel=channel, touchpoint=touchpoint, department=department))
    return events


def _lost_lead(rng: random.Random, client: dict) -> list[dict]:
    """A lead that never considered buying: usually closed as lost in the CRM."""
    if rng.random() >= 0.9:
        return []
    return [_event(client, _days(client["first_contact"], 20, 120, rng), "lost",
                   reason=rng.choice(AWARE_LOST), department="sales",
                   note="Closed by the weekly pipeline clean-up")]


def _consideration(rng: random.Random, client: dict, start: dt.date,
                   decision: dt.date) -> list[dict]:
    """Qualified, showroom and consultation contacts, a proposal, and objections."""
    persona: Persona = client["_persona"]
    window = max((decision - start).days, 1)
    events = [_event(client, start, "stage_change", stage="Qualified", channel="phone",
                     touchpoint="Enquiry form & first call", department="sales")]
    for _ in range(rng.randint(3, 8)):
        channel, touchpoint, department = rng.choice(CONSIDER_CONTACTS)
        events.append(_event(client, _days(start, 0, window, rng), "contact",
                             stage="consideration", channel=channel, touchpoint=touchpoint,
                             department=department))
    if rng.random() < persona.objection:
        for _ in range(rng.choice((1, 1, 2))):
            events.append(_event(client, _days(start, 1, window, rng), "objection",
                                 stage="consideration", channel="in person",
                                 touchpoint="Proposal & quote", department="sales",
                                 reason=_pick(rng, OBJECTIONS)))
    return events


def _lost_quote(rng: random.Random, client: dict, day: dt.date) -> dict:
    """A proposal closed as lost."""
    return _event(client, day, "lost", stage="Proposal", touchpoint="Proposal & quote",
                  department="sales", reason=_pick(rng, CONSIDER_LOST))


def _late(day: dt.date) -> bool:
    """Whether a day falls in the last six months, where things go wrong."""
    return day >= RED_FROM


def _repeat_trend(day: dt.date) -> float:
    """1 until DECLINE_FROM, then falling to 0.25 at END: repeat business is going down."""
    if day < DECLINE_FROM:
        return 1.0
    return 1.0 - 0.75 * (day - DECLINE_FROM).days / (END - DECLINE_FROM).days


def _orders(rng: random.Random, client: dict, first: dt.date, orders) -> list[dict]:
    """The first order and any repeat orders, each with what followed it."""
    persona: Persona = client["_persona"]
    events, day, number = [], first, 0
    while day <= END:
        order_id = f"HP-O-{next(orders)}"
        amount = round(rng.lognormvariate(0, 0.45) * persona.order_median * (0.6 if number else 1),
                       -1)
        stage = "purchase" if number == 0 else "retention"
        line = rng.choice(PRODUCT_LINES[persona.b2b])
        channel = "website" if not persona.b2b and rng.random() < 0.3 else "in person"
        events.append(_event(client, day, "purchase", stage=stage, channel=channel,
                             touchpoint="Contract & deposit invoice", department="sales",
                             amount=amount, order_id=order_id, note=line))
        if number == 0:
            events += _first_order_extras(rng, client, day)
        trouble, after = _after_order(rng, client, day, order_id, amount, stage)
        events += after
        following = _days(day, 45, 180, rng)
        chance = persona.repeat * _repeat_trend(following) * (0.4 if trouble else 1.0)
        if number >= 4 or following > END or rng.random() >= chance:
            break
        if rng.random() < 0.25:
            events.append(_lost_quote(rng, client, _days(day, 30, 120, rng)))
        day, number = following, number + 1
    events += _check_ins(rng, client, first, day)
    return events


def _first_order_extras(rng: random.Random, client: dict, day: dt.date) -> list[dict]:
    """A won deal in the CRM (most B2B sales) and a last objection before signing."""
    persona: Persona = client["_persona"]
    events = []
    if rng.random() < persona.won_logged:
        events.append(_event(client, day, "won", stage="Closed won", department="sales",
                             touchpoint="Contract & deposit invoice", note="Proposal accepted"))
    if rng.random() < 0.25:
        events.append(_event(client, day - dt.timedelta(days=rng.randint(1, 6)), "objection",
                             stage="purchase", channel="phone",
                             touchpoint="Contract & deposit invoice", department="sales",
                             reason=rng.choice(PURCHASE_OBJECTIONS)))
    return events


def _after_order(rng: random.Random, client: dict, day: dt.date, order_id: str,
                 amount: float, stage: str) -> tuple[bool, list[dict]]:
    """Delivery, install, cancellations, refunds, complaints, escalations and feedback.

    Returns whether the order went wrong, and the events.
    """
    late = _late(day)
    if rng.random() < (0.1 if late else 0.025):
        return True, [_event(client, _days(day, 2, 14, rng), "cancellation", order_id=order_id,
                             reason=rng.choice(("Install date slipped twice",
                                                "Found it cheaper elsewhere",
                                                "Changed their mind about the design",
                                                "Delivery date no longer works")))]
    events = [_event(client, _days(day, low, high, rng), "contact", stage=stage, channel=channel,
                     touchpoint=touchpoint, department=department)
              for channel, touchpoint, department, low, high in AFTER_ORDER]
    trouble = False
    if rng.random() < (0.13 if late else 0.035):
        trouble = True
        share = rng.choice((0.2, 0.35, 0.5, 1.0))
        events.append(_event(client, _days(day, 25, 70, rng), "refund", order_id=order_id,
                             amount=round(amount * share, -1),
                             reason=rng.choice(("Damaged on delivery", "Wrong size delivered",
                                                "Fabric not as sampled",
                                                "Install not completed on time"))))
    if rng.random() < (0.2 if late else 0.1):
        trouble = True
        reason, department, _ = _pick_complaint(rng)
        events.append(_event(client, _days(day, 10, 60, rng), "complaint", stage=stage,
                             channel=rng.choice(("email", "phone")), department=department,
                             reason=reason, order_id=order_id,
                             status="open" if rng.random() < 0.2 else "resolved"))
    if rng.random() < (0.17 if late else 0.05):
        events.append(_escalation(rng, _days(day, 3, 40, rng), client, order_id))
    events += _feedback(rng, client, day, first=stage == "purchase", trouble=trouble)
    return trouble, events


def _pick_complaint(rng: random.Random):
    """A (reason, department, weight) complaint, weighted."""
    return rng.choices(COMPLAINTS, weights=[c[2] for c in COMPLAINTS])[0]


def _escalation(rng: random.Random, day: dt.date, client: dict | None = None,
                order_id: str | None = None) -> dict:
    """An internal complaint: one team about another; sales vs operations grows late on."""
    weights = [e[4] if _late(day) else e[3] for e in ESCALATIONS]
    raised_by, about, reason, *_ = rng.choices(ESCALATIONS, weights=weights)[0]
    return {"client_id": client["client_id"] if client else None, "date": day,
            "kind": "internal_complaint", "department": raised_by, "about": about,
            "reason": reason, "order_id": order_id,
            "note": f"Raised by {raised_by} about {about}"}


def _anonymous_escalations(rng: random.Random) -> list[dict]:
    """Escalations about no particular client: a few a month, more in the last six."""
    events = []
    month = START
    while month <= END:
        for _ in range(rng.randint(2, 5) + (4 if _late(month) else 0)):
            day = month + dt.timedelta(days=rng.randint(0, 27))
            if day <= END:
                events.append(_escalation(rng, day))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return events


def _feedback(rng: random.Random, client: dict, day: dt.date, *, first: bool,
              trouble: bool) -> list[dict]:
    """An NPS answer after some orders; promoters may review and refer."""
    persona: Persona = client["_persona"]
    if rng.random() >= (0.62 if first else 0.35):
        return []
    asked = _days(day, 25, 50, rng)
    score = round(rng.gauss(persona.nps_mean - (3.5 if trouble else 0), 1.4))
    score = max(0, min(10, score))
    events = [_event(client, asked, "nps", amount=score, channel="email",
                     touchpoint="NPS survey", department="CX and account management")]
    if score >= 9:
        if rng.random() < 0.45:
            events.append(_event(client, _days(asked, 2, 30, rng), "review", stage="advocacy",
                                 channel="website", touchpoint="Google review request",
                                 note=rng.choice(REVIEW_NOTES)))
        if rng.random() < 0.4:
            referred = rng.choice(FIRST_NAMES) + " " + rng.choice(LAST_NAMES)
            events.append(_event(client, _days(asked, 10, 120, rng), "referral",
                                 stage="advocacy", channel="in person",
                                 touchpoint="Referral reward", note=f"Referred {referred}"))
    return events


def _check_ins(rng: random.Random, client: dict, first: dt.date, last: dt.date) -> list[dict]:
    """Account check-ins every few months while the client is looked after."""
    events = []
    day = _days(first, 60, 120, rng)
    until = min(END, last + dt.timedelta(days=300))
    while day <= until:
        channel, touchpoint, department = rng.choice(CHECK_INS)
        events.append(_event(client, day, "contact", channel=channel, touchpoint=touchpoint,
                             department=department))
        day = _days(day, 60, 130, rng)
    return events


# --- the client tracker row ------------------------------------------------------------

TRACKER_STAGES = {"awareness": "Lead", "consideration": "Proposal", "purchase": "Customer",
                  "retention": "Repeat customer", "advocacy": "Promoter"}


def _summarise(rng: random.Random, client: dict, events: list[dict]) -> None:
    """Fill the tracker columns from the client's events (counts, stage, status, money)."""
    persona: Persona = client.pop("_persona")
    kinds = [e["kind"] for e in events]
    purchases = [e for e in events if e["kind"] == "purchase"]
    scores = [e["amount"] for e in sorted(events, key=lambda e: e["date"]) if e["kind"] == "nps"]
    stage = _furthest(events, purchases, scores)
    revenue = sum(e["amount"] for e in purchases) - sum(
        e["amount"] for e in events if e["kind"] == "refund")
    last_purchase = max((e["date"] for e in purchases), default=None)
    client.update({
        "stage": TRACKER_STAGES[stage],
        "status": _status(kinds, last_purchase, rng),
        "purchasing_frequency": _frequency(purchases, kinds),
        "purchases": len(purchases), "referrals": kinds.count("referral"),
        "complaints": kinds.count("complaint"), "objections": kinds.count("objection"),
        "refunds": kinds.count("refund"),
        "revenue_current": float(revenue) if purchases else 0.0,
        "revenue_potential": _potential(rng, persona, revenue),
        "nps": scores[-1] if scores else None,
        "satisfaction": _satisfaction(rng, scores, stage, kinds),
        "last_contact": max(e["date"] for e in events),
        "buyer_type": _pick(rng, {"mature": .5, "seasonal": .3, "promo only": .2}
                            if not persona.b2b else {"mature": .7, "seasonal": .25,
                                                     "promo only": .05}),
        "contract_on_file": "yes" if purchases and (persona.b2b or rng.random() < .4) else "no",
        "reward_effort_rank": _reward_effort(rng, persona, revenue),
    })
    client.update(_profile_text(rng, persona, client, revenue))


def _furthest(events: list[dict], purchases: list[dict], scores: list) -> str:
    """The stage the tracker shows: the furthest the events prove."""
    kinds = {e["kind"] for e in events}
    if kinds & {"review", "referral"} or any(s >= 9 for s in scores):
        return "advocacy"
    if len({e["date"] for e in purchases}) >= 2:
        return "retention"
    if purchases:
        return "purchase"
    if any(e["kind"] == "stage_change" and e.get("stage") == "Qualified" for e in events):
        return "consideration"
    return "awareness"


def _status(kinds: list[str], last_purchase: dt.date | None, rng: random.Random) -> str:
    """active, lost (never bought, a lost deal) or churned (cancelled, or quiet 14 months)."""
    if last_purchase is None:
        return "lost" if "lost" in kinds else "active"
    quiet = (END - last_purchase).days
    if "cancellation" in kinds and kinds.count("purchase") == 1:
        return "churned"
    return "churned" if quiet > 420 and rng.random() < 0.6 else "active"


def _frequency(purchases: list[dict], kinds: list[str]) -> str:
    """prospect, to onboard (bought in the last 45 days), new or existing."""
    if not purchases:
        return "prospect"
    if len(purchases) >= 2:
        return "existing"
    return "to onboard" if (END - purchases[0]["date"]).days < 45 else "new"


def _potential(rng: random.Random, persona: Persona, revenue: float) -> float:
    """What the owner thinks the client could spend."""
    base = max(revenue, persona.order_median * rng.uniform(0.6, 1.4))
    return float(round(base * rng.uniform(1.3, 3.0), -2))


def _satisfaction(rng: random.Random, scores: list, stage: str, kinds: list[str]):
    """1-5, from the latest NPS answer when there is one; blank for most leads."""
    if scores:
        return max(1, min(5, round(1 + scores[-1] / 2.4)))
    if stage in ("awareness",) or rng.random() < 0.4:
        return None
    return max(1, min(5, 3 + rng.choice((-1, 0, 0, 1)) - ("complaint" in kinds)))


def _reward_effort(rng: random.Random, persona: Persona, revenue: float) -> int:
    """1-5: clinics reward the effort most, homeowners least."""
    base = {"Dr. Jelena": 4, "Office Manager Olivia": 3, "Homeowner Hugo": 2}[persona.name]
    return max(1, min(5, base + (revenue > persona.order_median * 2) + rng.choice((-1, 0, 0, 1))))


COMMUNICATION = {True: ("Short emails with a one-page summary", "Scheduled calls, agenda first",
                        "Phone between appointments", "Formal proposals by email"),
                 False: ("Instagram DMs and SMS", "Evenings and weekends by phone",
                         "Email with lots of photos", "Prefers to visit the showroom")}
BEHAVIOUR = {"Dr. Jelena": ("Decides fast once she trusts you", "Asks colleagues for referrals"),
             "Office Manager Olivia": ("Compares three quotes", "Needs director sign-off"),
             "Homeowner Hugo": ("Researches for weeks on Instagram",
                                "Price-sensitive, waits for promotions")}
PEAKS = ("New site opening", "End of financial year budget", "Spring refresh",
         "Pre-Christmas deadline", "Lease renewal")
DIPS = ("Budget freeze after EOFY", "Winter slowdown", "Waiting on a builder",
        "Cash flow after a big install")
LESSONS = ("Confirm install dates in writing", "Send the pricing tiers on one page",
           "Explain the design fee before the first meeting",
           "Book operations into the proposal meeting", "Follow up within 48 hours")


def _profile_text(rng: random.Random, persona: Persona, client: dict, revenue: float) -> dict:
    """Free-text and terms columns, filled the way a busy team fills them."""
    b2b = persona.b2b
    bought = client["purchases"] > 0
    weeks = 104 if bought else 0
    return {
        "communication": rng.choice(COMMUNICATION[b2b]),
        "preferred_channel": rng.choice(("email", "phone", "in person") if b2b
                                        else ("SMS", "social", "email", "phone")),
        "discounts": rng.choice(("5% trade discount", "None", "Free delivery")) if b2b
        else rng.choice(("None", "None", "10% launch promo", "Seasonal sale")),
        "behaviour": rng.choice(BEHAVIOUR[persona.name]),
        "key_decision_maker": ("Practice owner" if persona.name == "Dr. Jelena" else
                               "Managing director" if b2b else "Household"),
        "payment_terms": rng.choice(("50% deposit, balance on install", "Net 30")) if b2b
        else "50% deposit, balance on delivery",
        "sla": rng.choice(("Install within 10 weeks", "Priority install", "Standard"))
        if b2b and bought else None,
        "sales_volume_per_week": round(client["purchases"] / weeks, 3) if weeks and b2b else None,
        "net_profit_per_week": round(revenue * 0.22 / weeks, 2) if weeks and b2b else None,
        "peak_reason": rng.choice(PEAKS) if bought and rng.random() < 0.3 else None,
        "dip_reason": rng.choice(DIPS) if bought and rng.random() < 0.2 else None,
        "lessons_learnt": rng.choice(LESSONS) if rng.random() < 0.08 else None,
    }


# --- the spreadsheets the business keeps ---------------------------------------------

CRM_KIND = {"stage_change": "Stage change", "objection": "Objection", "won": "Closed won",
            "lost": "Closed lost"}
CRM_CONTACT = {"email": "Email", "phone": "Call", "in person": "Meeting"}


def _frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """Rows as a DataFrame with the business's own headers (field -> header)."""
    return pd.DataFrame([{header: row.get(f) for f, header in columns.items()} for row in rows],
                        columns=list(columns.values()))


def _xlsx(sheets: dict[str, pd.DataFrame]) -> bytes:
    """Sheets written with xlsxwriter cell by cell (pandas' to_excel is 10x slower)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold, day = book.add_format({"bold": True}), book.add_format({"num_format": "yyyy-mm-dd"})
    for name, frame in sheets.items():
        sheet = book.add_worksheet(name)
        sheet.write_row(0, 0, list(frame.columns), bold)
        for r, row in enumerate(frame.itertuples(index=False, name=None), start=1):
            for c, value in enumerate(row):
                _write_cell(sheet, r, c, value, day)
    book.close()
    return buffer.getvalue()


def _write_cell(sheet, row: int, column: int, value, day_format) -> None:
    """One cell with the xlsxwriter method for its type (blank for None/NaN)."""
    if value is None or (isinstance(value, float) and value != value):
        return
    if isinstance(value, dt.date):
        sheet.write_datetime(row, column, dt.datetime(value.year, value.month, value.day),
                             day_format)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(row, column, value)
    else:
        sheet.write_string(row, column, str(value))


def _csv(frame: pd.DataFrame) -> bytes:
    """A UTF-8 CSV file."""
    return frame.to_csv(index=False).encode("utf-8")


def demo_files(world: World) -> list[tuple[str, bytes, dict]]:
    """(file name, bytes, import options) for each spreadsheet, in import order.

    A file with nothing to put in it (possible in a tiny simulation) is left out.
    """
    by_kind: dict[str, list[dict]] = {}
    for event in world.events:
        by_kind.setdefault(event["kind"], []).append(event)
    names = {c["client_id"]: c["name"] for c in world.clients}
    files = [
        ("harbour-and-pine-client-tracker.xlsx", _tracker, world.clients, {"kind": "clients"}),
        ("orders-2024-2026.xlsx", _orders_file, by_kind.get("purchase"), {"kind": "events"}),
        ("crm-activity-export.csv", _crm, world.events, {"kind": "events"}),
        ("returns-and-cancellations.xlsx", _returns, by_kind, {"kind": "events"}),
        ("customer-complaints-log.csv", lambda rows: _complaints(rows, names),
         by_kind.get("complaint"), {"kind": "events"}),
        ("internal-escalations.xlsx", _escalations, by_kind.get("internal_complaint"),
         {"kind": "events"}),
        ("client-feedback.csv", _feedback_file, world.events,
         {"kind": "events", "mapping": {"Score": "amount"}}),
    ]
    return [(name, data, options) for name, write_file, rows, options in files
            if rows and (data := write_file(rows)) is not None]


def _tracker(clients: list[dict]) -> bytes:
    """The client tracker, in the layout of Journey's template."""
    columns = {f: label for f, (label, _, _) in CLIENT_COLUMNS.items()}
    return _xlsx({"Clients": _frame(clients, columns)})


def _orders_file(purchases: list[dict]) -> bytes:
    """The order list: the sheet name says these are purchases."""
    columns = {"order_id": "Order number", "client_id": "Client ID", "date": "Order date",
               "amount": "Order value", "channel": "Channel", "note": "Product line"}
    frame = _frame(purchases, columns)
    return _xlsx({"Orders": frame})


def _crm(events: list[dict]) -> bytes:
    """The CRM's activity export: contacts, stage changes, objections, won and lost deals."""
    rows = []
    for e in events:
        if e["kind"] == "contact":
            rows.append({**e, "kind": CRM_CONTACT.get(e.get("channel"), "Contact")})
        elif e["kind"] in CRM_KIND:
            rows.append({**e, "kind": CRM_KIND[e["kind"]]})
    columns = {"client_id": "Client ID", "date": "Activity date", "kind": "Activity type",
               "stage": "Stage", "channel": "Channel", "touchpoint": "Touchpoint",
               "department": "Team", "reason": "Reason", "note": "Notes"}
    frame = _frame(rows, columns)
    frame["Activity date"] = [d.isoformat() for d in frame["Activity date"]]
    return _csv(frame)


def _returns(by_kind: dict[str, list[dict]]) -> bytes:
    """Returns and cancellations: only the order number ties them to a client."""
    columns = {"order_id": "Order number", "date": "Date", "amount": "Amount",
               "reason": "Reason"}
    sheets = {"Returns": _frame(by_kind.get("refund", []), columns),
              "Cancellations": _frame(by_kind.get("cancellation", []),
                                      {k: v for k, v in columns.items() if k != "amount"})}
    sheets = {name: frame for name, frame in sheets.items() if len(frame)}
    return _xlsx(sheets) if sheets else None


def _complaints(complaints: list[dict], names: dict[str, str]) -> bytes:
    """The complaints log: dd/mm/yyyy dates and the customer's name, not an ID."""
    rows = [{**e, "name": names[e["client_id"]], "date": e["date"].strftime("%d/%m/%Y")}
            for e in complaints]
    columns = {"date": "Date received", "name": "Customer", "order_id": "Order number",
               "department": "Department", "reason": "Issue", "channel": "Received via",
               "status": "Status"}
    return _csv(_frame(rows, columns))


def _escalations(escalations: list[dict]) -> bytes:
    """Internal escalations: which team raised it, about which team, and why."""
    columns = {"date": "Date", "client_id": "Client ID", "order_id": "Order number",
               "department": "Department", "about": "About team", "reason": "Reason",
               "note": "Note"}
    return _xlsx({"Escalations": _frame(escalations, columns)})


def _feedback_file(events: list[dict]) -> bytes:
    """NPS answers (the score), reviews and referrals."""
    labels = {"nps": "NPS", "review": "Review", "referral": "Referral"}
    rows = [{**e, "kind": labels[e["kind"]]} for e in events if e["kind"] in labels]
    if not rows:
        return None
    columns = {"client_id": "Client ID", "date": "Date", "kind": "Event", "amount": "Score",
               "channel": "Channel", "touchpoint": "Touchpoint", "stage": "Stage",
               "note": "Comment"}
    frame = _frame(rows, columns)
    frame["Date"] = [d.isoformat() for d in frame["Date"]]
    return _csv(frame)


# --- building the workspace ------------------------------------------------------------

DEMO_CURRENCY = "$"          # Harbour & Pine sells in Australia and New Zealand


def build_demo(name_or_path: str, *, force: bool = False, seed: int = 7) -> Path:
    """Build the demo workspace; WorkspaceError if it exists and ``force`` is not set."""
    path = workspace_path(name_or_path)
    if path.exists():
        if not force:
            raise WorkspaceError(f"A workspace called '{path.stem}' already exists; "
                                 "use --force to rebuild it.")
        delete_workspace(str(name_or_path))
    world = simulate(seed, N_CLIENTS)
    db = open_workspace(path)
    try:
        # The business's dollars, as an owner would choose them: its files' plain numbers
        # name no currency, and a file in another uploaded to try the demo must not turn
        # its money into pounds (journey.ingest.currency says so instead).
        set_setting(db, "currency", DEMO_CURRENCY)
        for filename, data, options in demo_files(world):
            _import(db, filename, data, options)
        with write(db):
            _insert_personas(db)
            _insert_touchpoints(db)
        _insert_workshop(db)
        _insert_method(db)
    finally:
        db.close()
    return path


def _import(db, filename: str, data: bytes, options: dict) -> None:
    """Import one file; a rejected row or an unknown stage is a bug in the demo."""
    for result in import_file(db, filename, data, **options):
        if result.rejected or result.unknown_stages:
            first = result.problems[0].as_dict() if result.problems else result.unknown_stages
            raise RuntimeError(f"The demo's {filename} [{result.sheet}] did not import "
                               f"cleanly: {result.rejected} rejected, first: {first}")


# The workshop's KPIs: (measure, stage, persona, target, due, entered actual, name).
DEMO_KPIS = (
    ("conversion", "awareness", None, 60, "2027-03-31", None, None),
    ("conversion", "consideration", None, 45, "2027-03-31", None, None),
    ("time_to_next", "consideration", None, 35, "2027-03-31", None, None),
    ("conversion", "consideration", "Dr. Jelena", 65, "2027-06-30", None, None),
    ("revenue_per_customer", "purchase", "Dr. Jelena", 60000, "2027-06-30", None, None),
    ("conversion", "purchase", None, 55, "2027-06-30", None, None),
    ("visit_frequency", "retention", None, 1.5, "2027-06-30", None, None),
    ("satisfaction", "retention", None, 4.0, "2027-06-30", None, None),
    ("complaints", "retention", None, 5, "2027-06-30", None, None),
    ("nps", "advocacy", None, 20, "2027-06-30", None, None),
    ("entered", "awareness", None, 20, "2027-06-30", 14, "Google reviews from clinics"),
)
# The action list: (title, owner, department, stage, impact, effort, due, where it came from
# (the action's note), then the status after the kick-off, the status after the follow-up;
# None: added later).
DEMO_ACTIONS = (
    ("Call back every enquiry within 4 hours", "Priya Nair", "sales", "consideration",
     4, 2, "2026-06-30", "Pain point: call-back takes two days", "done", "done"),
    ("Put 'from $' prices on project posts", "Nina Brooks", "marketing", "awareness",
     3, 1, "2026-06-15", "Pain point: cannot tell what a room like that costs", "done", "done"),
    ("One-page proposal summary with a single recommended option", "Maya Chen", "sales",
     "consideration", 5, 3, "2026-08-31", "Pain point: three pricing tiers confuse people",
     "doing", "doing"),
    ("Explain the design fee before the first consultation", "Priya Nair", "sales",
     "consideration", 5, 2, "2026-09-30", "Red sign: uneducated leads", "open", "open"),
    ("Agree delivery dates with operations before quoting", "Tom Walsh", "operations",
     "purchase", 5, 4, "2026-10-31", "Red sign: interdepartmental complaints", "open",
     "doing"),
    ("Sample box posted within 3 days", "Ava Lim", "product", "consideration", 3, 3,
     "2027-01-31", "Pain point: samples arrive late", "open", "open"),
    ("Ask every promoter for a Google review", "Nina Brooks", "marketing", "advocacy", 3, 1,
     "2026-12-31", "Pain point: few reviews from clinics", "doing", "doing"),
    ("Follow up expo leads within 48 hours", "Maya Chen", "marketing", "awareness", 2, 1,
     "2026-09-15", "Pain point: no follow-up for a week", None, "done"),
    ("Answer the top five objections in the proposal", "Luca Romano", "sales",
     "consideration", 4, 2, "2026-11-30", "Red sign: purchase objections", None, "open"),
    ("Check-in call 60 days after delivery", "Ava Lim", "CX and account management",
     "retention", 4, 3, "2027-02-28", "Red sign: low retention", None, "open"),
    ("Saturday showroom appointments", "Luca Romano", "sales", "consideration", 2, 4,
     "2027-03-31", "Pain point: limited weekend hours", None, "dropped"),
    ("Referral reward for both sides", "Tom Walsh", "sales", "advocacy", 3, 2, "2027-01-31",
     "Pain point: referral not thanked", None, None),
)
# The two closed sessions: (name, closed at, measured to, note).
DEMO_SESSIONS = (
    ("Kick-off workshop", "2026-05-15 16:00:00", "2026-04-30",
     "Goal, KPIs and the first seven actions agreed with the whole team."),
    ("Follow-up", "2026-08-14 16:00:00", "2026-07-31",
     "Quick wins done; the proposal and the delivery dates are the next push."),
)


def _insert_workshop(db) -> None:
    """The goal, the KPIs, the actions and two closed sessions (see the module docstring):
    each session is closed after the actions it knew of reached their status of the day."""
    kickoff = dt.date(2026, 5, 15)
    set_goal(db, "Turn more first purchases into regular clients", [
        "Conversion from consideration to purchase at 45% or more by March 2027",
        "Purchase to retention at 55% or more by June 2027",
        "Net Promoter Score above 20"])
    for measure, stage, persona, target, due, actual, name in DEMO_KPIS:
        kpi_store.add_kpi(db, {"measure": measure, "stage": stage, "persona": persona,
                               "target": target, "due": due, "actual": actual,
                               "name": name}, today=kickoff)
    ids = {}
    for session_index, (name, closed_at, measured_to, note) in enumerate(DEMO_SESSIONS):
        day = dt.date.fromisoformat(closed_at[:10])
        for title, owner, department, stage, impact, effort, due, source, *statuses in \
                DEMO_ACTIONS:
            status = statuses[session_index]
            if status is None:
                continue
            if title not in ids:
                ids[title] = action_list.add_action(db, {
                    "title": title, "owner": owner, "department": department,
                    "stage": stage, "impact": impact, "effort": effort, "due": due,
                    "note": source}, today=day)
            action_list.update_action(db, ids[title], {"status": status},
                                      version=action_list.get_action(db, ids[title])["version"],
                                      today=day)
        close_session(db, name, note, filters=Filters(date_to=measured_to), today=day,
                      closed_at=closed_at)
    now = END
    for title, owner, department, stage, impact, effort, due, source, *_ in DEMO_ACTIONS:
        if title not in ids:
            ids[title] = action_list.add_action(db, {
                "title": title, "owner": owner, "department": department, "stage": stage,
                "impact": impact, "effort": effort, "due": due, "note": source}, today=now)
    for title in ("One-page proposal summary with a single recommended option",
                  "Ask every promoter for a Google review"):
        action_list.update_action(db, ids[title], {"status": "done"},
                                  version=action_list.get_action(db, ids[title])["version"],
                                  today=now)


# The steps the team ticked by hand: (track, step); the others show from the data.
DEMO_TICKED = ((method.WORKSHOP, "data"), (method.SALES, "contact_first"))
# The customer worksheet: (persona, or "" for every customer; question; answer).
DEMO_ANSWERS = (
    ("", "brand", "Beautiful work, but 'probably expensive' and 'not for a normal house'. "
                  "Clinic owners call us 'the people who did the Harbour Street practice'."),
    ("", "delight", "Most delighted on install day when the room comes together; most "
                    "annoyed when a delivery date moves after they told their staff or "
                    "patients."),
    ("Homeowner Hugo", "new_customers",
     "They do not know what the design fee buys, and the three pricing tiers look like "
     "three different projects. Many stop at the proposal."),
    ("Homeowner Hugo", "cancel", "After the proposal, when the total lands, and after a "
                                 "delivery date slips."),
    ("Dr. Jelena", "intent", "Right after signing the lease for a new site: she needs a "
                             "fixed opening date and calls two studios that week."),
)


def _insert_method(db) -> None:
    """The guided session's ticks and the customer worksheet (see the module docstring)."""
    for track, step in DEMO_TICKED:
        method.set_step(db, track, step, True, at=STAMP)
    for persona in dict.fromkeys(p for p, _, _ in DEMO_ANSWERS):
        method.save_answers(db, {q: a for p, q, a in DEMO_ANSWERS if p == persona}, persona,
                            at=STAMP)


def _insert_personas(db) -> None:
    """The three persona cards, in order."""
    for position, persona in enumerate(PERSONA_CARDS):
        db["personas"].insert({**persona, "position": position, "archived": 0,
                               "updated_at": STAMP})


def _insert_touchpoints(db) -> None:
    """The touchpoint map, numbered 1..n within each stage and state, as a save stores
    them (so a first save moves only the rows it moves)."""
    positions: dict[tuple[str, str], int] = {}
    for row in TOUCHPOINTS:
        (stage, touchpoint, channel, department, action, feels, emotion, pains, delights,
         opportunities, kpi, owner, state) = row
        position = positions[stage, state] = positions.get((stage, state), 0) + 1
        db["touchpoints"].insert({
            "stage": stage, "position": position, "touchpoint": touchpoint,
            "channel": channel, "department": department, "customer_action": action,
            "thinks_feels": feels, "emotion": emotion, "pain_points": pains,
            "delights": delights, "opportunities": opportunities, "kpi": kpi,
            "owner": owner, "state": state, "updated_at": STAMP})


PERSONA_CARDS = (
    {"name": "Dr. Jelena", "title": "Growth Partner", "icon": "🩺",
     "description": "Owns a growing clinic (dental, physio or vet) and is fitting out a new or "
                    "second site. Time-poor, decides fast once she trusts you, and refers "
                    "colleagues when it goes well.",
     "goals": "Open the new site on the date she announced to patients\n"
              "A calm, professional space patients remember\n"
              "One partner for design, furniture and install",
     "pain_points": "Builders and suppliers who blame each other\n"
                    "Install dates that slip after patients are booked\n"
                    "Surprise costs after the contract is signed",
     "delights": "A fixed install date that holds\n"
                 "One contact who answers the same day\n"
                 "Patients complimenting the new waiting room",
     "preferred_contact": "Phone between patients; email for drawings",
     "key_opportunities": "Second-site and refurbishment packages\n"
                          "Referral programme through practice-owner networks\n"
                          "Aftercare plan for chairs and upholstery",
     "sales_tips": "Lead with finished clinic case studies and the install timeline. Put the "
                   "date in the contract. Never make her chase.",
     "sales_method": "Consultative: site visit, fixed-fee concept, then a staged proposal",
     "target_revenue": 60000, "target_visit_frequency": 4, "target_satisfaction": 4.6,
     "impact": 5, "effort": 2, "tier": 1},
    {"name": "Office Manager Olivia", "title": "Fit-out Coordinator", "icon": "🗂️",
     "description": "Runs an office move or refresh for 20–80 people (offices, cafés, boutique "
                    "hotels). Needs her director's sign-off and compares three quotes line by "
                    "line.",
     "goals": "Deliver the fit-out on budget and on time\n"
              "Furniture the team actually likes\n"
              "No disruption to the working week",
     "pain_points": "Quotes she cannot compare like for like\n"
                    "Chasing approvals from her director\n"
                    "Deliveries that arrive in the wrong order",
     "delights": "A quote laid out the way her director reads it\n"
                 "Weekend installs\n"
                 "A named coordinator on install day",
     "preferred_contact": "Email with a one-page summary; scheduled calls",
     "key_opportunities": "Multi-site framework agreements\n"
                          "Workplace refresh every three to five years\n"
                          "Trade account with standard pricing",
     "sales_tips": "Give her a comparison sheet she can forward. Offer a staged install. "
                   "Confirm everything in writing.",
     "sales_method": "Solution selling: formal proposal and a director presentation",
     "target_revenue": 40000, "target_visit_frequency": 2, "target_satisfaction": 4.2,
     "impact": 4, "effort": 3, "tier": 2},
    {"name": "Homeowner Hugo", "title": "Weekend Renovator", "icon": "🏡",
     "description": "Renovating his home, inspired by Instagram and Pinterest. Price-sensitive "
                    "and unsure what a design fee buys him; half of all leads, few of the "
                    "sales.",
     "goals": "A home that looks like the pictures he saved\n"
              "Know the total cost before committing\n"
              "Finish before the family visits at Christmas",
     "pain_points": "Does not understand what the design fee includes\n"
                    "Pricing tiers that read like a puzzle\n"
                    "Long lead times on custom pieces",
     "delights": "A 3D render of his own living room\n"
                 "Fabric samples posted to his door\n"
                 "Installers who clean up after themselves",
     "preferred_contact": "Instagram DM and SMS, evenings and weekends",
     "key_opportunities": "Fixed-price room packages with one clear price\n"
                          "Seasonal refresh offers for past clients\n"
                          "Reviews and before/after posts",
     "sales_tips": "Show one price per room package and what is included on one page. Follow "
                   "up within 48 hours.",
     "sales_method": "Transactional: showroom visit and packages rather than custom quotes",
     "target_revenue": 9000, "target_visit_frequency": 1, "target_satisfaction": 4.0,
     "impact": 2, "effort": 4, "tier": 3},
)

_CX = "CX and account management"
# (stage, touchpoint, channel, department, customer action, thinks & feels, emotion,
#  pain points, delights, opportunities, kpi, owner, state)
TOUCHPOINTS = (
    ("awareness", "Instagram & Pinterest posts", "social", "marketing",
     "Saves photos of finished rooms", "That's the look I want", 1,
     "Cannot tell what a room like that costs", "Real client projects, not stock photos",
     "Add 'from $' prices to project posts", "Saves and profile visits", "Nina Brooks",
     "current"),
    ("awareness", "Google search & reviews", "search", "marketing",
     "Searches 'clinic fit-out Sydney'", "Who is good and local?", 1,
     "Few reviews from clinics", "4.8 stars with photos", "Ask every promoter for a review",
     "Search clicks", "Nina Brooks", "current"),
    ("awareness", "Facebook & Google ads", "ads", "marketing",
     "Clicks a room-package ad", "Looks nice, probably expensive", 0,
     "Ad price differs from the website", "Seasonal offer", "One price across ads and site",
     "Cost per lead", "Nina Brooks", "current"),
    ("awareness", "Design expo stand", "events", "marketing",
     "Chats at the stand and leaves a card", "Friendly people, nice samples", 1,
     "No follow-up for a week", "Touching real fabrics", "Follow up expo leads in 48 hours",
     "Leads per event", "Maya Chen", "current"),
    ("awareness", "Client referral", "in person", "sales",
     "Hears about the studio from a colleague", "If she trusts them, so can I", 2,
     "Referral not thanked", "Warm introduction", "Referral reward for both sides",
     "Referred leads", "Maya Chen", "current"),
    ("awareness", "Website & lookbook", "website", "marketing",
     "Browses projects and downloads the lookbook", "Inspiring, but what does it cost?", 1,
     "Pricing page hard to find", "Beautiful lookbook", "Pricing tiers on one page",
     "Lookbook downloads", "Nina Brooks", "current"),
    ("awareness", "Architect & builder partners", "in person", "sales",
     "Is recommended by their builder", "The builder says they're reliable", 1,
     "Partners not kept up to date", "Trusted recommendation", "Partner newsletter",
     "Partner-referred leads", "Tom Walsh", "current"),
    ("consideration", "Enquiry form & first call", "website", "sales",
     "Fills in the enquiry form and takes a call", "Will they get back to me?", 0,
     "Call-back takes two days", "Knowledgeable first call", "Call back within 4 hours",
     "Time to first call", "Priya Nair", "current"),
    ("consideration", "Showroom visit", "in person", "sales",
     "Visits the Surry Hills showroom", "I can see it working in my space", 1,
     "Parking; limited weekend hours", "Sitting on the real chairs", "Saturday appointments",
     "Visit-to-proposal rate", "Luca Romano", "current"),
    ("consideration", "Design consultation", "in person", "sales",
     "Meets a designer on site", "They understand what I need", 1,
     "Does not know what the design fee includes", "Quick sketches on the spot",
     "Explain the design fee before the meeting", "Consultations booked", "Priya Nair",
     "current"),
    ("consideration", "Mood board & samples", "in person", "product",
     "Reviews the mood board and fabric samples", "This is exciting", 1,
     "Samples arrive late", "Samples posted to the door", "Sample box within 3 days",
     "Sample turnaround", "Ava Lim", "current"),
    ("consideration", "Proposal & quote", "email", "sales",
     "Reads the proposal and pricing tiers", "I'm not sure what's included", -1,
     "Three pricing tiers confuse people; unclear inclusions",
     "Itemised drawings", "One-page summary with a single recommended option",
     "Proposal win rate", "Maya Chen", "current"),
    ("consideration", "Follow-up call", "phone", "sales",
     "Talks through questions on the quote", "Are they pushing me?", -1,
     "Follow-up feels like a hard sell", "Honest answers on lead times",
     "Answer the top five objections in the proposal", "Objections resolved", "Luca Romano",
     "current"),
    ("consideration", "Pricing tiers page", "website", "marketing",
     "Compares Essential, Signature and Bespoke", "What's the difference?", -1,
     "Tiers overlap; design fee shown separately", "Example rooms per tier",
     "Merge to two tiers with examples", "Pricing page exits", "Nina Brooks", "current"),
    ("purchase", "Contract & deposit invoice", "email", "sales",
     "Signs the contract and pays the 50% deposit", "Big commitment; hope it's right", -1,
     "Deposit too high; install date not in the contract", "Clear payment schedule",
     "Write the install date into the contract", "Deposit paid within 7 days", "Tom Walsh",
     "current"),
    ("purchase", "Order confirmation", "email", "operations",
     "Receives the order confirmation", "Good, it's happening", 0,
     "Confirmation has a different date to the sales promise", "Itemised list with photos",
     "Confirm dates from the production schedule", "Confirmation within 24 h",
     "Ollie Grant", "current"),
    ("purchase", "Delivery scheduling", "phone", "operations",
     "Gets a call to book delivery", "That's not the date sales told me", -2,
     "Sales promised dates operations cannot meet", "Flexible time windows",
     "Sales sees the production calendar when quoting", "Deliveries on the promised date",
     "Ollie Grant", "current"),
    ("purchase", "SMS delivery updates", "SMS", "operations",
     "Receives delivery-day messages", "At least I know when they're coming", 0,
     "Messages stop if the truck is late", "Driver's ETA", "Live ETA link",
     "Messages delivered", "Ollie Grant", "current"),
    ("purchase", "Delivery & installation", "in person", "operations",
     "Has the furniture delivered and installed", "Finally! (if it all arrived)", -1,
     "Missing items; a second visit needed", "Installers clean up",
     "Pre-delivery checklist signed by operations and sales", "First-time-right installs",
     "Ollie Grant", "current"),
    ("purchase", "Handover walkthrough", "in person", _CX,
     "Walks through the finished space with the designer", "It looks like the render", 2,
     "Snag list takes weeks", "Flowers and a care kit", "Close snags within 10 days",
     "Snags closed in 10 days", "Ava Lim", "current"),
    ("retention", "Aftercare email & care guide", "email", _CX,
     "Receives the care guide", "Nice touch", 1, "Generic content",
     "Fabric-specific care tips", "Personalise by product line", "Open rate", "Ava Lim",
     "current"),
    ("retention", "Warranty & repairs", "phone", "support",
     "Calls about a wobbly chair", "Will they fix it quickly?", -1,
     "Warranty terms differ from the contract", "Repair booked in one call",
     "One warranty wording everywhere", "Repair turnaround", "Sam Patel", "current"),
    ("retention", "6-month check-in", "phone", _CX,
     "Takes a check-in call from the account manager", "They remembered me", 1,
     "Calls stopped when the account manager changed", "Proactive fixes",
     "Check-ins in the CRM for every client", "Check-ins done on time", "Ava Lim", "current"),
    ("retention", "Seasonal refresh offer", "email", "marketing",
     "Receives a refresh offer for cushions and throws", "Tempting", 1,
     "Offers not relevant to clinics", "Past-client pricing", "Segment offers by persona",
     "Repeat purchase rate", "Nina Brooks", "current"),
    ("retention", "Account manager review", "in person", _CX,
     "Annual review of the space and plans", "They care about the long term", 1,
     "Only for the largest accounts", "Plans for the next site",
     "Offer reviews to every tier-1 client", "Reviews held", "Maya Chen", "current"),
    ("retention", "Trade account portal", "in-app", _CX,
     "Reorders chairs through the portal", "Easy", 1, "Portal does not show lead times",
     "Saved specifications", "Show stock and lead times", "Portal reorders", "Ava Lim",
     "current"),
    ("advocacy", "NPS survey", "email", _CX,
     "Answers 'how likely are you to recommend us?'", "Happy to help", 1,
     "Sent before the snags are fixed", "Short: one question and a comment",
     "Send after snags are closed", "Response rate and NPS", "Ava Lim", "current"),
    ("advocacy", "Google review request", "email", "marketing",
     "Leaves a review with photos", "Proud of the space", 2, "Asked at the wrong moment",
     "One-click review link", "Ask promoters within a week of the NPS answer",
     "Reviews per month", "Nina Brooks", "current"),
    ("advocacy", "Referral reward", "email", "marketing",
     "Refers a colleague", "Glad to recommend them", 2, "Reward arrives late",
     "Reward for both sides", "Practice-owner referral club", "Referred clients",
     "Maya Chen", "current"),
    ("advocacy", "Project case study", "website", "marketing",
     "Features in a case study", "Great publicity for my clinic", 2,
     "Photo shoot hard to schedule", "Professional photos they can use",
     "Case study for every tier-1 install", "Case studies published", "Nina Brooks",
     "current"),
    ("advocacy", "VIP client evening", "VIP service", "leadership",
     "Attends the annual client evening", "I'm part of something", 2,
     "Same faces every year", "Previews of new ranges", "Invite promoters and their guests",
     "Referrals from attendees", "Harriet Pine", "current"),
    ("consideration", "Online pricing calculator", "website", "product",
     "Builds a room package and sees one price", "Now I get it", 1,
     "Today: 'didn't understand what's included' is a top objection",
     "Instant price with inclusions listed", "Cut 'didn't understand the offer' losses",
     "Calculator-to-enquiry rate", "Ava Lim", "future"),
    ("purchase", "Sales-to-operations handover checklist", "other", "operations",
     "(behind the scenes) Sales and operations agree the install date before signing",
     "The date they promised is the date they came", 1,
     "Today: sales promise dates operations cannot meet", "No surprises",
     "Fewer escalations, cancellations and refunds",
     "Escalations per month", "Ollie Grant", "future"),
    ("purchase", "Delivery tracker in the portal", "in-app", "operations",
     "Tracks the order from workshop to install", "I always know where it is", 1,
     "Today: clients call to ask where their order is", "Live status and photos",
     "Fewer 'where is my order' calls",
     "Status page views", "Ollie Grant", "future"),
    ("retention", "Install-date confirmation SMS", "SMS", "operations",
     "Confirms or moves the install date by reply", "Easy to change", 1,
     "Today: installers arrive when nobody is home", "Two-way SMS",
     "Fewer missed appointments", "Missed appointments",
     "Sam Patel", "future"),
)
