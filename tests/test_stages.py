"""The stage model: aliases, outcomes, workspace mappings, and the furthest-stage rule.

The rule's pure version (``stages.furthest_stage``) is checked on hand-worked cases, and
the SQL that stores it per client (``derive.refresh_clients``) must agree on the same cases.
"""

from __future__ import annotations

import pytest

from journey import stages
from journey.derive import refresh_clients
from journey.ingest import map_stage_values, stage_mapping
from journey.stages import Evidence, StageValue, furthest_stage, read_stage_value

ALIASES = {
    "purchase": ["conversion", "won", "closed won", "customer", "sale"],
    "awareness": ["lead", "prospect", "prospecting", "subscriber"],
    "consideration": ["engaging", "evaluation", "qualified", "mql", "sql", "opportunity",
                      "proposal", "negotiation"],
    "retention": ["repeat", "loyal", "stayed", "renewal"],
    "advocacy": ["promoter", "referral", "advocate", "evangelist"],
}


@pytest.mark.parametrize("value,stage", [(v, s) for s, vs in ALIASES.items() for v in vs])
def test_design_aliases(value, stage):
    assert read_stage_value(value).stage == stage
    assert read_stage_value(value.upper()).stage == stage
    assert read_stage_value(f"  {value.title()} ").stage == stage


@pytest.mark.parametrize("value", ["Closed-Won ", "closed_won", "CLOSED WON", "Closed.Won",
                                   "closedwon"])
def test_matching_ignores_case_space_and_punctuation(value):
    assert read_stage_value(value) == StageValue(stage="purchase", won=True)


def test_won_values_are_flagged_as_won_deals_and_other_purchases_are_not():
    assert read_stage_value("Won").won
    assert not read_stage_value("Customer").won
    assert not read_stage_value("Sale").won


@pytest.mark.parametrize("value,outcome", [("Lost", "lost"), ("Closed Lost", "lost"),
                                           ("churned", "churned"), ("Cancelled", "cancelled"),
                                           ("canceled", "cancelled")])
def test_lost_churned_cancelled_are_outcomes_not_stages(value, outcome):
    assert read_stage_value(value) == StageValue(outcome=outcome)


def test_stage_names_themselves_and_empty_and_unknown_values():
    for stage in stages.ALL_STAGES:
        assert read_stage_value(stage).stage == stage
    assert read_stage_value("Pre Awareness").stage == "pre-awareness"
    assert read_stage_value(None) == StageValue()
    assert read_stage_value("  ") == StageValue()
    assert read_stage_value("Active") == StageValue(active=True)
    assert read_stage_value("Site visit!") == StageValue(known=False)


def test_workspace_mapping_overrides_aliases_and_names_unknown_values():
    mapping = {"hotlead": "consideration", "lead": "consideration", "won": "retention",
               "onhold": "lost", "test": "ignore"}
    assert read_stage_value("Hot lead!", mapping) == StageValue(stage="consideration")
    assert read_stage_value("LEAD", mapping) == StageValue(stage="consideration")
    assert read_stage_value("Won", mapping) == StageValue(stage="retention")
    assert read_stage_value("On hold", mapping) == StageValue(outcome="lost")
    assert read_stage_value("Test", mapping) == StageValue()
    assert read_stage_value("Prospect", mapping).stage == "awareness"   # untouched alias


def test_workspace_remembers_stage_mapping(db):
    map_stage_values(db, {"Hot Lead": "Consideration", "On hold": "lost"})
    assert stage_mapping(db) == {"hotlead": "consideration", "onhold": "lost"}
    assert read_stage_value("hot-lead", stage_mapping(db)).stage == "consideration"


def test_phases_and_model():
    assert stages.STAGES == ("awareness", "consideration", "purchase", "retention", "advocacy")
    assert stages.stage_model() == stages.STAGES
    assert stages.stage_model(True) == ("pre-awareness", *stages.STAGES)
    assert stages.PHASE_OF == {
        "pre-awareness": "pre-purchase", "awareness": "pre-purchase",
        "consideration": "pre-purchase", "purchase": "purchase",
        "retention": "post-purchase", "advocacy": "post-purchase"}
    assert [stages.LABELS[s] for s in stages.ALL_STAGES] == [
        "Pre-awareness", "Awareness", "Consideration", "Purchase", "Retention", "Advocacy"]


# --- the furthest-stage rule: hand-worked cases -----------------------------------------
# Each case: (name, Evidence for the pure rule, client row, events, expected stage).
# Events are (kind, date, stage, amount). The client row and events say the same as the
# Evidence, so the SQL in journey.derive must reach the same stage.

CASES = [
    ("nothing known", Evidence(), {}, [], "awareness"),
    ("stage column only", Evidence(stage="consideration"), {"stage": "consideration"}, [],
     "consideration"),
    ("skipped stages: a lead who bought",
     Evidence(stage="awareness", purchase_dates=("2024-01-05",)),
     {"stage": "awareness"}, [("purchase", "2024-01-05", None, 100)], "purchase"),
    ("skipped stages: a review with no purchase",
     Evidence(advocacy_events=1), {}, [("review", "2024-02-01", None, None)], "advocacy"),
    ("events out of order: later purchase listed first",
     Evidence(purchase_dates=("2024-03-01", "2024-01-05")), {},
     [("purchase", "2024-03-01", None, 50), ("purchase", "2024-01-05", None, 70)],
     "retention"),
    ("event stages out of order",
     Evidence(event_stages=("retention", "awareness", "consideration")), {},
     [("stage_change", "2024-01-01", "retention", None),
      ("stage_change", "2024-02-01", "awareness", None),
      ("stage_change", "2024-03-01", "consideration", None)], "retention"),
    ("two purchases on one day are not a repeat",
     Evidence(purchase_dates=("2024-01-05", "2024-01-05")), {},
     [("purchase", "2024-01-05", None, 10), ("purchase", "2024-01-05", None, 20)],
     "purchase"),
    ("two purchases at two times of one day are not a repeat",
     Evidence(purchase_dates=("2024-01-05 09:00:00", "2024-01-05 17:30:00")), {},
     [("purchase", "2024-01-05 09:00:00", None, 10), ("purchase", "2024-01-05 17:30:00", None, 20)],
     "purchase"),
    ("a won deal is a purchase", Evidence(won_dates=("2024-01-05",)), {},
     [("won", "2024-01-05", None, 900)], "purchase"),
    ("won deals on two dates are retention",
     Evidence(won_dates=("2024-01-05", "2024-06-30")), {},
     [("won", "2024-06-30", None, 900), ("won", "2024-01-05", None, 300)], "retention"),
    ("a deal won, then its invoice: one sale",
     Evidence(purchase_dates=("2024-01-20",), won_dates=("2024-01-05",)), {},
     [("won", "2024-01-05", None, 900), ("purchase", "2024-01-20", None, 900)], "purchase"),
    ("an invoice, then the deal closed in the CRM: one sale",
     Evidence(purchase_dates=("2024-01-05",), won_dates=("2024-02-01",)), {},
     [("purchase", "2024-01-05", None, 900), ("won", "2024-02-01", None, 900)], "purchase"),
    ("two deals won, one invoiced so far: two sales",
     Evidence(purchase_dates=("2024-01-20",), won_dates=("2024-01-05", "2024-06-01")), {},
     [("won", "2024-01-05", None, 900), ("purchase", "2024-01-20", None, 900),
      ("won", "2024-06-01", None, 300)], "retention"),
    ("two consulting deals and one shop order: the deals are the sales",
     Evidence(purchase_dates=("2024-03-01",), won_dates=("2023-02-01", "2025-02-01")), {},
     [("won", "2023-02-01", None, 5000), ("purchase", "2024-03-01", None, 40),
      ("won", "2025-02-01", None, 6000)], "retention"),
    ("a deal won and invoiced twice on later days: a repeat",
     Evidence(purchase_dates=("2024-01-20", "2024-03-20"), won_dates=("2024-01-05",)), {},
     [("won", "2024-01-05", None, 900), ("purchase", "2024-01-20", None, 450),
      ("purchase", "2024-03-20", None, 450)], "retention"),
    ("a purchase without a date", Evidence(purchase_dates=("",)), {},
     [("purchase", None, None, 10)], "purchase"),
    ("lost deal after consideration stays at consideration",
     Evidence(stage="consideration", outcome="lost"),
     {"stage": "consideration", "status": "lost"}, [("lost", "2024-02-01", None, None)],
     "consideration"),
    ("lost after a won deal does not lower",
     Evidence(won_dates=("2024-01-05",), outcome="lost"), {"status": "lost"},
     [("won", "2024-01-05", None, 100), ("lost", "2024-03-01", None, None)], "purchase"),
    ("churned client bought", Evidence(outcome="churned"), {"status": "churned"}, [],
     "purchase"),
    ("churned loyal client stays at retention",
     Evidence(stage="retention", outcome="churned"),
     {"stage": "retention", "status": "churned"}, [], "retention"),
    ("purchase count of 1", Evidence(purchases=1), {"purchases": 1}, [], "purchase"),
    ("purchase count of 2", Evidence(purchases=2), {"purchases": 2}, [], "retention"),
    ("purchase count 0 with an awareness stage", Evidence(stage="awareness", purchases=0),
     {"stage": "awareness", "purchases": 0}, [], "awareness"),
    ("count column and events do not add up: 1 + 1 purchase is not a repeat",
     Evidence(purchases=1, purchase_dates=("2024-01-05",)), {"purchases": 1},
     [("purchase", "2024-01-05", None, 10)], "purchase"),
    ("referral count", Evidence(referrals=1), {"referrals": 1}, [], "advocacy"),
    ("NPS 9 in the client column", Evidence(nps=9), {"nps": 9}, [], "advocacy"),
    ("NPS 8 is not advocacy", Evidence(nps=8), {"nps": 8}, [], "awareness"),
    ("NPS event of 10", Evidence(advocacy_events=1), {}, [("nps", "2024-01-01", None, 10)],
     "advocacy"),
    ("NPS event of 7 is not advocacy", Evidence(), {}, [("nps", "2024-01-01", None, 7)],
     "awareness"),
    ("referral event", Evidence(advocacy_events=1), {},
     [("referral", "2024-01-01", None, None)], "advocacy"),
    ("a review of 5 stars", Evidence(advocacy_events=1), {},
     [("review", "2024-01-01", None, 5)], "advocacy"),
    ("a review of 2 stars is not advocacy", Evidence(), {},
     [("review", "2024-01-01", None, 2)], "awareness"),
    ("a cancelled order alone is no purchase", Evidence(), {},
     [("cancellation", "2024-01-01", None, 20)], "awareness"),
    ("a refund proves a purchase", Evidence(bought=True), {},
     [("refund", "2024-01-01", None, 20)], "purchase"),
    ("a refund count proves a purchase", Evidence(bought=True), {"refunds": 1}, [],
     "purchase"),
    ("complaints and contacts prove nothing", Evidence(stage="consideration"),
     {"stage": "consideration"},
     [("complaint", "2024-01-01", None, None), ("contact", "2024-01-02", None, None)],
     "consideration"),
    ("pre-awareness, nothing else", Evidence(stage="pre-awareness"),
     {"stage": "pre-awareness"}, [], "pre-awareness"),
    ("pre-awareness column and pre-awareness events",
     Evidence(stage="pre-awareness", event_stages=("pre-awareness",)),
     {"stage": "pre-awareness"}, [("stage_change", "2024-01-01", "pre-awareness", None)],
     "pre-awareness"),
    ("pre-awareness only on events: a known client is at least aware",
     Evidence(event_stages=("pre-awareness",)), {},
     [("stage_change", "2024-01-01", "pre-awareness", None)], "awareness"),
    ("pre-awareness client who became aware",
     Evidence(stage="pre-awareness", event_stages=("awareness",)),
     {"stage": "pre-awareness"}, [("stage_change", "2024-01-01", "awareness", None)],
     "awareness"),
    ("pre-awareness client who bought",
     Evidence(stage="pre-awareness", purchase_dates=("2024-01-05",)),
     {"stage": "pre-awareness"}, [("purchase", "2024-01-05", None, 10)], "purchase"),
    ("everything at once",
     Evidence(stage="consideration", event_stages=("awareness",),
               purchase_dates=("2024-01-05", "2024-02-05"), referrals=2, outcome="churned"),
     {"stage": "consideration", "referrals": 2, "status": "churned"},
     [("stage_change", "2023-12-01", "awareness", None), ("purchase", "2024-01-05", None, 1),
      ("purchase", "2024-02-05", None, 1)], "advocacy"),
]


@pytest.mark.parametrize("name,evidence,client,events,expected", CASES,
                         ids=[c[0] for c in CASES])
def test_furthest_stage_rule(name, evidence, client, events, expected):
    assert furthest_stage(evidence) == expected


def test_retained_status_is_retention():
    assert furthest_stage(Evidence(retained=True)) == "retention"
    assert furthest_stage(Evidence(retained=True, outcome="churned")) == "retention"


def _load_cases(db):
    """One client per case, with its events; returns {case name: client id}."""
    ids = {}
    for number, (name, _, client, events, _) in enumerate(CASES):
        row = {"client_key": f"id:c{number}", "client_id": f"c{number}", "name": name, **client}
        ids[name] = db["clients"].insert(row).last_pk
        for position, (kind, date, stage, amount) in enumerate(events):
            db["events"].insert({"client_ref": ids[name], "kind": kind, "date": date,
                                 "stage": stage, "amount": amount,
                                 "row_key": f"{number}:{position}"})
    return ids


def test_sql_agrees_with_the_pure_rule(db):
    ids = _load_cases(db)
    refresh_clients(db)
    stored = dict(db.execute("SELECT id, furthest_stage FROM clients").fetchall())
    found = {name: stored[ids[name]] for name in ids}
    assert found == {name: furthest_stage(evidence) for name, evidence, *_ in CASES}
    assert found == {name: expected for name, *_, expected in CASES}


def test_sql_refresh_of_some_clients_only(db):
    ids = _load_cases(db)
    chosen = [ids["purchase count of 2"], ids["referral event"]]
    refresh_clients(db, chosen)
    stored = dict(db.execute("SELECT id, furthest_stage FROM clients").fetchall())
    assert stored[chosen[0]] == "retention"
    assert stored[chosen[1]] == "advocacy"
    assert stored[ids["nothing known"]] is None           # not refreshed
    assert sum(v is not None for v in stored.values()) == 2


def test_derived_figures_of_one_client(db):
    client = db["clients"].insert({"client_key": "id:x", "client_id": "x",
                                   "first_contact": "2023-11-20"}).last_pk
    rows = [("contact", "2023-12-01", None, None), ("purchase", "2024-03-01", None, 50.0),
            ("purchase", "2024-01-05", None, 70.0), ("refund", "2024-03-10", None, 50.0),
            ("review", "2024-04-01", None, None), ("lost", "2024-05-01", None, None),
            ("stage_change", "2023-12-15", "consideration", None)]
    for n, (kind, date, stage, amount) in enumerate(rows):
        db["events"].insert({"client_ref": client, "kind": kind, "date": date, "stage": stage,
                             "amount": amount, "row_key": str(n)})
    refresh_clients(db)
    row = db["clients"].get(client)
    figures = {k: row[k] for k in (
        "furthest_stage", "furthest_rank", "current_stage", "outcome", "first_date",
        "last_date", "event_count", "purchase_count", "purchase_days", "revenue_events",
        "refund_count", "review_count", "contact_count", "lost_count", "awareness_at",
        "consideration_at", "purchase_at", "retention_at", "advocacy_at", "stage_since")}
    assert figures == {
        "furthest_stage": "advocacy", "furthest_rank": stages.RANK["advocacy"],
        "current_stage": "advocacy",           # the latest event that shows a stage: the review
        "outcome": None,                       # lost after buying is not a lost client
        "first_date": "2023-11-20", "last_date": "2024-05-01", "event_count": 7,
        "purchase_count": 2, "purchase_days": 2, "revenue_events": 120.0,
        "refund_count": 1, "review_count": 1, "contact_count": 1, "lost_count": 1,
        "awareness_at": "2023-11-20", "consideration_at": "2023-12-15",
        "purchase_at": "2024-01-05", "retention_at": "2024-03-01",
        "advocacy_at": "2024-04-01", "stage_since": "2024-04-01"}


def test_a_deal_won_and_the_invoice_that_bills_it_are_one_sale(db):
    """Acme: a deal won on 01-05 for 8,000 (the CRM) and its invoice of 8,000 on 01-20
    (the accounts): one sale of 8,000 on the deal's day, no repeat. Bo: two deals won
    (03-01 and 06-01, 500 each) and one shop order of 40 (04-01): more deals than
    purchases, so the deals are its sales: two of 1,000 in all, a repeat."""
    acme = db["clients"].insert({"client_key": "id:acme", "client_id": "acme"}).last_pk
    bo = db["clients"].insert({"client_key": "id:bo", "client_id": "bo"}).last_pk
    rows = [(acme, "won", "2024-01-05", 8000.0), (acme, "purchase", "2024-01-20", 8000.0),
            (bo, "won", "2024-03-01", 500.0), (bo, "purchase", "2024-04-01", 40.0),
            (bo, "won", "2024-06-01", 500.0)]
    for n, (client, kind, date, amount) in enumerate(rows):
        db["events"].insert({"client_ref": client, "kind": kind, "date": date,
                             "amount": amount, "row_key": f"s{n}"})
    refresh_clients(db)
    columns = ("furthest_stage", "purchase_count", "won_count", "purchase_days",
               "revenue_events", "purchase_at", "retention_at", "stage_path")
    found = {c: [db["clients"].get(i)[c] for i in (acme, bo)] for c in columns}
    assert found == {
        "furthest_stage": ["purchase", "retention"], "purchase_count": [1, 2],
        "won_count": [1, 2], "purchase_days": [1, 2], "revenue_events": [8000.0, 1000.0],
        "purchase_at": ["2024-01-05", "2024-03-01"], "retention_at": [None, "2024-06-01"],
        "stage_path": ["3", "34"]}


def test_the_current_stage_follows_purchases_after_a_staged_contact(db):
    """An awareness contact, then a purchase with no stage: the client is at purchase now;
    a second purchase on a later day puts a repeat buyer at retention."""
    client = db["clients"].insert({"client_key": "id:y", "client_id": "y"}).last_pk
    events = [("contact", "2024-01-02", "awareness"), ("purchase", "2024-02-01", None)]
    for n, (kind, date, stage) in enumerate(events):
        db["events"].insert({"client_ref": client, "kind": kind, "date": date, "stage": stage,
                             "row_key": f"y{n}"})
    refresh_clients(db)
    assert db["clients"].get(client)["current_stage"] == "purchase"
    db["events"].insert({"client_ref": client, "kind": "purchase", "date": "2024-06-01",
                         "row_key": "y9"})
    refresh_clients(db)
    row = db["clients"].get(client)
    assert (row["current_stage"], row["stage_since"]) == ("retention", "2024-06-01")


@pytest.mark.parametrize("text,key", [
    (" Closed-Won ", "closedwon"), ("Négociation", "negociation"), ("Выдано", "выдано"),
    ("成交", "成交"), ("Straße", "strasse"), (None, ""),
])
def test_values_and_headers_are_compared_by_their_letters_in_any_script(text, key):
    from journey.fields import normalise_header
    from journey.stages import normalise_value

    assert normalise_value(text) == key and normalise_header(text) == key


def test_a_stage_value_in_another_script_is_listed_for_mapping_not_taken_as_known(db):
    """Cyrillic letters used to be stripped, so 'Отложенные' became '' and passed as known."""
    from journey.ingest import import_file

    done = import_file(db, "deals.csv", "Name,Stage\nA,Отложенные\nB,Отложенные\n".encode())
    assert done[0].unknown_stages == {"Отложенные": 2}


def test_a_value_is_read_by_what_it_says_first():
    """An owner's status with a reason or a second language after it: 'Lost - price' is
    lost, 'Paid/Payé' paid, 'Repeat ✓' repeat; a whole alias still wins ('Closed - Won')."""
    from journey.stages import order_status_kind, read_stage_value
    assert read_stage_value("Lost - price").outcome == "lost"
    assert read_stage_value("Repeat ✓").stage == "retention"
    assert read_stage_value("Won (upsell)").won
    assert read_stage_value("Closed - Won").stage == "purchase"
    assert not read_stage_value("Referred 2 friends").known
    assert order_status_kind("Paid/Payé") == "purchase"
    assert order_status_kind("Cancelled / Annulé") == "cancellation"
    assert order_status_kind("Pending (bank)") == "contact"
    assert order_status_kind("Total Fitness") is None
