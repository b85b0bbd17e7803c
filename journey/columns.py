"""The spreadsheet columns of the field vocabulary: each client and event field's header,
what to enter and an example (the template's headers and comments, the export's columns,
the import review's labels), the channel and department words, and the Guide sheet's
headers (the import skips a sheet with them).

Every header normalises to its field or one of its synonyms
(``journey.fields.match_header``), so a sheet with these headers imports with no mapping.
The workbooks themselves are written by ``journey.export.template`` and
``journey.export.workbook``.
"""

from __future__ import annotations

from .fields import EVENT_KINDS

GUIDE_SHEET = "Guide"
GUIDE_HEADERS = ("Sheet", "Column", "Field", "What to enter", "Example")

CHANNELS = ("email", "phone", "in person", "website", "social", "ads", "SMS", "in-app",
            "search", "events", "VIP service", "other")
ACQUISITION_CHANNELS = ("referral", "search", "social", "events", "ads", "website")
DEPARTMENTS = ("marketing", "sales", "CX and account management", "operations", "product",
               "support", "leadership")

# field -> (header, what to enter, example)
CLIENT_COLUMNS: dict[str, tuple[str, str, str]] = {
    "client_id": ("Client ID", "Your own reference for the client; one row per client, "
                  "never reused.", "HP-0042"),
    "name": ("Name", "The company's or the person's name.", "Bayview Dental"),
    "client_type": ("Client type", "Your segment for the client.", "Clinic"),
    "purchasing_frequency": ("Purchasing frequency", "new, existing, to onboard or prospect.",
                             "existing"),
    "country": ("Country", "The client's country.", "Australia"),
    "region": ("Region", "State, region or city.", "NSW"),
    "persona": ("Persona", "The persona this client is most like (the persona's name).",
                "Dr. Jelena"),
    "contact_name": ("Contact name", "The person you deal with.", "Dr. Jelena Markovic"),
    "email": ("Email", "The contact's email address.", "jelena@bayviewdental.com.au"),
    "phone": ("Phone", "The contact's phone number.", "0412 345 678"),
    "revenue_current": ("Revenue (current)", "What the client has spent with you so far. "
                        "$ signs and thousands separators are fine.", "$48,500"),
    "revenue_potential": ("Revenue (potential)", "What the client could spend with you.",
                          "$120,000"),
    "communication": ("Communication", "How they like to be communicated with.",
                      "Short emails with photos"),
    "preferred_channel": ("Preferred channel", "Email, phone, in person, SMS, social ...",
                          "phone"),
    "discounts": ("Discounts", "Discounts or special terms they have.", "5% trade discount"),
    "behaviour": ("Behaviour", "How they buy: research, urgency, who they compare you with.",
                  "Decides fast once she trusts you"),
    "key_decision_maker": ("Key decision maker", "Who signs off on a purchase.",
                           "Practice owner"),
    "payment_terms": ("Payment terms", "Deposit and payment terms agreed.",
                      "50% deposit, balance on install"),
    "contract_on_file": ("Contract on file", "yes or no.", "yes"),
    "sla": ("SLA", "The service level you promised, if any.", "Install within 10 weeks"),
    "sales_volume_per_week": ("Sales volume per week", "Average units or orders a week.",
                              "2"),
    "net_profit_per_week": ("Net profit per week", "Average net profit a week.", "$450"),
    "buyer_type": ("Buyer type", "seasonal, mature or promo only.", "mature"),
    "peak_reason": ("Peak reason", "Why their buying peaks (when it does).",
                    "New clinic opening"),
    "dip_reason": ("Dip reason", "Why their buying dips (when it does).",
                   "End of financial year freeze"),
    "lessons_learnt": ("Lessons learnt", "What you learnt working with them.",
                       "Confirm install dates in writing"),
    "reward_effort_rank": ("Reward/effort rank", "1 (low reward for the effort) to 5 "
                           "(high reward for the effort).", "4"),
    "stage": ("Stage", "Where they are in the journey: Awareness, Consideration, Purchase, "
              "Retention or Advocacy (your own words like Lead or Proposal work too).",
              "Purchase"),
    "status": ("Status", "active, lost or churned.", "active"),
    "channel": ("Channel", "How they found you: referral, search, social, events, ads or "
                "website.", "referral"),
    "owner": ("Owner", "The salesperson or account manager responsible.", "Maya Chen"),
    "first_contact": ("First contact", "Date of the first contact (any date format).",
                      "2025-03-14"),
    "last_contact": ("Last contact", "Date of the latest contact.", "2026-09-02"),
    "satisfaction": ("Satisfaction", "1 (very unhappy) to 5 (delighted).", "4"),
    "nps": ("NPS", "Their latest 'how likely to recommend us' score, 0 to 10.", "9"),
    "purchases": ("Purchases", "Number of purchases so far.", "2"),
    "referrals": ("Referrals", "Number of clients they referred to you.", "1"),
    "complaints": ("Complaints", "Number of complaints they made.", "0"),
    "objections": ("Objections", "Number of objections they raised while deciding.", "1"),
    "refunds": ("Refunds", "Number of refunds or returns.", "0"),
}

EVENT_COLUMNS: dict[str, tuple[str, str, str]] = {
    "client_id": ("Client ID", "The client's ID as on the Clients sheet (or leave empty and "
                  "give the name or an order ID).", "HP-0042"),
    "name": ("Name", "The client's name, if there is no client ID.", "Bayview Dental"),
    "date": ("Date", "When it happened (any date format).", "2026-04-02"),
    "kind": ("Kind", "What happened: " + ", ".join(EVENT_KINDS) + ".", "purchase"),
    "stage": ("Stage", "The journey stage it belongs to, if any.", "Consideration"),
    "channel": ("Channel", "Where it happened: " + ", ".join(CHANNELS) + ".", "in person"),
    "touchpoint": ("Touchpoint", "The touchpoint, as named on your journey map.",
                   "Showroom visit"),
    "department": ("Department", "The team involved: " + ", ".join(DEPARTMENTS) + ".",
                   "sales"),
    "amount": ("Amount", "Money for purchases and refunds; the score for an NPS answer.",
               "$12,400"),
    "status": ("Status", "Optional status of the event (e.g. open, resolved).", "resolved"),
    "reason": ("Reason", "Why: the reason for a loss, objection, complaint or refund.",
               "Confused about pricing tiers"),
    "note": ("Note", "Anything else worth keeping.", "Wants a weekend install"),
    "order_id": ("Order ID", "The order or invoice number; refunds and cancellations with "
                 "only an order ID are matched to the client of that order.", "HP-O-10231"),
}

# What people call each field: the template's header for it.
FIELD_LABELS = {field: header for field, (header, _, _) in {**EVENT_COLUMNS, **CLIENT_COLUMNS}
                .items()}
