"""A sign's evidence as the Signs page shows it (session 21, P): the count of each table and
its first rows, asked of SQLite (``first_sign_evidence``), are the whole tables'
(``sign_evidence``, the downloads, built in pandas as before) -- the same rows in the same
order, and the same counts -- for every sign:

- on a small workspace imported through the command line, worked out by hand, whole and
  cut to its first row or two, with and without a persona chosen;
- on real exports from ../shared/datasets (Shopify orders, a Salesforce pipeline, a
  telecom's churn list, help-desk tickets), cut to 7 rows and to the page's 1,000;
- the signs' own figures stay as they were (the hand-worked workspace's).

The small workspace: four clients (Ann and Cid are Olivia, Bob and Dee Hugo; Bob churned,
Dee was lost) and their events; the latest date, 2024-12-31, makes the period 2024.
"""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import cli_json
from journey import signs
from journey.filters import Filters
from journey.workspace import open_workspace

CLIENTS = """Client ID,Name,Status,Persona,First contact,Last contact
a,Ann,active,Olivia,2023-06-01,2024-11-01
b,Bob,churned,Hugo,2023-05-01,2024-06-01
c,Cid,active,Olivia,2024-03-01,2024-10-01
d,Dee,lost,Hugo,2024-02-01,2024-04-01
"""
EVENTS = """Client ID,Date,Kind,Stage,Reason,Department,Order ID
a,2023-07-01,purchase,,,,A1
a,2024-02-01,purchase,,,,A2
a,2024-05-01,purchase,,,,A3
b,2023-06-01,purchase,,,,B1
c,2024-03-10,purchase,,,,C1
a,2024-03-01,complaint,,Late delivery,operations,
b,2024-04-01,complaint,,Rude driver,operations,
a,2024-06-01,complaint,,Late again,operations,
,2024-07-01,internal_complaint,,Sales promised a date,sales,
d,2024-03-15,lost,,Didn't understand what's included,,
d,2024-03-20,objection,,Too expensive,,
c,2024-03-05,objection,,Not sure what they get,,
c,2024-03-08,won,,,,
a,2024-06-10,refund,,Broken,,A3
,2024-12-31,contact,,,,
"""

# Worked out by hand for 2024: (event dates and clients in order, clients' IDs in order).
# Clients come with the most events (or purchase days) first, then in the order they were
# added (a, b, c, d).
BY_HAND = {
    # one internal complaint, of no client: no client to show
    "interdepartmental_complaints": (["2024-07-01"], []),
    # lost and objections with a reason: Cid's objection, Dee's lost deal and objection;
    # Dee has 2, Cid 1
    "uneducated_leads": (["2024-03-05", "2024-03-15", "2024-03-20"], ["d", "c"]),
    # objections: Cid 03-05, Dee 03-20; one each, Cid added first
    "purchase_objections": (["2024-03-05", "2024-03-20"], ["c", "d"]),
    # won and lost: Cid won 03-08, Dee lost 03-15
    "low_win_rate": (["2024-03-08", "2024-03-15"], ["c", "d"]),
    # complaints: Ann 03-01 and 06-01, Bob 04-01: Ann 2, Bob 1
    "high_complaints": (["2024-03-01", "2024-04-01", "2024-06-01"], ["a", "b"]),
    # Ann's refund of A3
    "refunds_cancellations_up": (["2024-06-10"], ["a"]),
    # customers: Ann (bought 2023, stayed), Bob (bought 2023, churned in 2024), Cid (new);
    # listed by the stage reached (Cid and Bob purchase, Ann retention), then where they are
    # now (Cid still a customer before Bob, churned), then as added
    "low_retention": ([], ["c", "b", "a"]),
    # purchases of 2024: Ann 02-01 and 05-01 (2 days), Cid 03-10 (1 day)
    "repeat_business_down": (["2024-02-01", "2024-03-10", "2024-05-01"], ["a", "c"]),
}
RETENTION_BY_HAND = ["new in the period", "customer at the start, left in the period",
                     "customer at the start, stayed"]


def same_evidence(db, key: str, rows: int, filters: Filters = Filters()) -> dict:
    """Checks the page's evidence against the whole tables; returns the whole tables."""
    whole = signs.sign_evidence(db, key, filters)
    page = signs.first_sign_evidence(db, key, filters, rows=rows)
    for name in ("events", "clients"):
        expected, shown = whole[name], page[name]
        assert shown.count == len(expected), (key, name)
        expected = expected.head(rows).reset_index(drop=True)
        assert list(shown.first.columns) == list(expected.columns), (key, name)
        assert cells(shown.first) == cells(expected), (key, name)
    return whole


def cells(frame: pd.DataFrame) -> list[list]:
    """The rows' values, a missing one as None (a column of one row reads None where the
    whole table's reads NaN) and a whole number as an int."""
    return [[None if pd.isna(v) else int(v) if isinstance(v, float) and v.is_integer() else v
             for v in row] for row in frame.astype(object).itertuples(index=False)]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    for name, text in (("clients.csv", CLIENTS), ("events.csv", EVENTS)):
        (folder / name).write_text(text, encoding="utf-8")
    cli_json(folder, "import", str(folder / "clients.csv"), str(folder / "events.csv"))
    db = open_workspace(str(folder / "w.db"), create=False)
    yield db
    db.close()


@pytest.mark.parametrize("key", signs.SIGN_KEYS)
@pytest.mark.parametrize("rows", [1, 2, 1000])
def test_the_page_shows_the_hand_worked_evidence(small, key, rows):
    whole = same_evidence(small, key, rows)
    dates, clients = BY_HAND[key]
    assert whole["events"]["date"].tolist() == dates
    assert whole["clients"]["client_id"].tolist() == clients


def test_the_hand_worked_figures_beside_the_evidence(small):
    """The figures behind each list, as the clients' columns give them: events per client,
    purchase days, and how each customer counted for retention."""
    def clients(key, rows=1000):
        return signs.first_sign_evidence(small, key, rows=rows)["clients"].first

    assert clients("uneducated_leads")["events_in_period"].tolist() == [2, 1]
    assert clients("high_complaints")["events_in_period"].tolist() == [2, 1]
    repeat = clients("repeat_business_down")
    assert repeat[["purchase_days_in_period", "repeat_buyer"]].values.tolist() == [
        [2, "yes"], [1, "no"]]
    assert clients("low_retention")["counted_as"].tolist() == RETENTION_BY_HAND
    events = signs.first_sign_evidence(small, "uneducated_leads", rows=2)["events"]
    assert events.count == 3 and events.first["order_id"].isna().all()
    assert events.first["did_not_understand"].tolist()[1] != ""   # "Didn't understand"


def test_the_signs_own_figures_are_as_before(small):
    """Win rate 1 won ÷ (1 + 1 lost) = 50%; complaints 3 in 2024; refunds 1 of 3 purchases
    (Ann's two, Cid's one) = 33.3%; retention (2 at the end, Ann and Cid, − 1 new, Cid) ÷ 2
    at the start (Ann, Bob) = 50%."""
    report = signs.compute_signs(small)
    assert report.by_key("low_win_rate").value == 50.0
    assert report.by_key("high_complaints").parts["complaints"] == 3
    assert report.by_key("refunds_cancellations_up").value == pytest.approx(100 / 3)
    assert report.by_key("low_retention").value == 50.0


@pytest.mark.parametrize("key", signs.SIGN_KEYS)
def test_a_persona_keeps_its_clients_events(small, key):
    """Olivia (Ann, Cid): Ann's two complaints, not Bob's; Cid's objection, not Dee's."""
    whole = same_evidence(small, key, 1, Filters(persona=("Olivia",)))
    assert set(whole["clients"]["client_id"]) <= {"a", "c"}
    if key == "high_complaints":
        assert whole["events"]["date"].tolist() == ["2024-03-01", "2024-06-01"]
    if key == "purchase_objections":
        assert whole["events"]["date"].tolist() == ["2024-03-05"]


def test_no_events_of_a_kind_and_no_clients_say_so(tmp_path):
    """A workspace of one contact: no sign has events behind it, counted 0, never an error;
    only the uneducated leads' conversion lists a client: x, the one lead who arrived."""
    (tmp_path / "contacts.csv").write_text("Client ID,Date,Kind\nx,2024-01-05,contact\n")
    cli_json(tmp_path, "import", str(tmp_path / "contacts.csv"))
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    for key in signs.SIGN_KEYS:
        page = signs.first_sign_evidence(db, key, rows=10)
        leads = key == "uneducated_leads"
        assert (page["events"].count, page["clients"].count) == (0, int(leads)), key
        assert page["clients"].first["client_id"].tolist() == (["x"] if leads else [])
        same_evidence(db, key, 10)


REAL = ("shopify_orders_export_activewear.csv", "salesforce_opportunities_retail_media_latam.csv",
        "maven_telecom_customer_churn.csv", "helpdesk_tickets_export_b2b_saas_es.csv")


@pytest.mark.parametrize("name", REAL)
def test_real_exports_evidence_is_the_same(datasets, tmp_path, name):
    """Every sign on each export: the page's first 7 and first 1,000 rows and its counts are
    the whole tables'. (Between them they list purchases, refunds and cancellations, won
    and lost deals, complaints and every kind of client list the signs fall back on.)"""
    cli_json(tmp_path, "import", str(datasets / name))
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    listed = 0
    for key in signs.SIGN_KEYS:
        for rows in (7, 1000):
            whole = same_evidence(db, key, rows)
        listed += len(whole["events"]) + len(whole["clients"])
    assert listed


# --- clients known by name alone ------------------------------------------------------------

def test_clients_known_by_name_alone_are_behind_their_events(tmp_path):
    """A complaints log naming people, with no client ID: Ann Lee complained twice, Bob
    Stone once (Cat Moss bought). The 3 complaints' clients are Ann (2) and Bob (1); the
    evidence listed no client before (it matched the events' clients by client ID, which
    a client known by name has not: the help-desk export's 9 clients behind its complaints
    and the HubSpot deals' 128 companies behind their won and lost deals were missing)."""
    (tmp_path / "log.csv").write_text(
        "Name,Date,Kind,Reason\nAnn Lee,2024-03-01,complaint,Late\n"
        "Bob Stone,2024-04-01,complaint,Rude\nAnn Lee,2024-05-01,complaint,Late again\n"
        "Cat Moss,2024-06-01,purchase,\n")
    cli_json(tmp_path, "import", str(tmp_path / "log.csv"))
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    whole = same_evidence(db, "high_complaints", 1)
    assert whole["clients"][["name", "events_in_period"]].values.tolist() == [
        ["Ann Lee", 2], ["Bob Stone", 1]]
    assert len(whole["events"]) == 3
    repeat = same_evidence(db, "repeat_business_down", 5)["clients"]
    assert repeat["name"].tolist() == ["Cat Moss"]
