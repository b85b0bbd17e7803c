"""Review 3 of session 12's rules: sheets where a new rule read what it must not.

- A party venue's bookings: "Party" (Birthday party, Wedding) beside the guest's "Name" is
  the kind of party, not the client (Capsule's "Party" still is, beside its "Milestone").
- "Cancelled At" / "Cancellation Date" of "N/A", "-" or "No" is no cancellation: only a day
  marks one.
- A client written in lower case ("mary ann jones") under a fuller row is a client, not a
  note; "call back after Easter" still is a note.
- A "Collected" column of money is the amount collected, not a status.
"""
from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


def names(tmp_path) -> list[str]:
    return [name for (name,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


def test_a_party_venues_party_is_no_client(tmp_path):
    """4 guests (Name); 3 paid bookings of 3,250 and Cat's cancellation. The party's kind
    named 3 "clients" (Wedding, Birthday party, Christening) and Cat was lost."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        "Name,Party,Date,Status,Amount\n"
        "Ann Lee,Birthday party,2024-03-02,Paid,450\n"
        "Bob Ray,Wedding,2024-04-10,Paid,2200\n"
        "Cat Moss,Birthday party,2024-05-01,Cancelled,0\n"
        "Dan Ode,Christening,2024-06-12,Paid,600\n"))
    assert found["mapping"]["Name"] == "name" and found["mapping"]["Party"] != "name"
    assert names(tmp_path) == ["Ann Lee", "Bob Ray", "Cat Moss", "Dan Ode"]
    assert kind_totals(tmp_path, "purchase") == (3, 3250.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_cancelled_at_of_na_is_no_cancellation(tmp_path):
    """Only Cat's row has a day in "Cancelled At"; "N/A", "-", "no" and blank are not
    cancelled: 1 cancellation of 45 (it was 4, 225)."""
    cli_import_text(tmp_path, "spa.csv", (
        "Date,Client,Service,Amount,Cancelled At\n"
        "2024-02-01,Ann Lee,Massage,60,N/A\n"
        "2024-02-08,Bob Ray,Massage,60,-\n"
        "2024-02-15,Cat Moss,Facial,45,2024-02-14\n"
        "2024-02-22,Dan Ode,Massage,60,no\n"
        "2024-03-01,Eve Fox,Facial,45,\n"))
    assert kind_totals(tmp_path, "cancellation") == (1, 45.0)


def test_a_client_written_in_lower_case_is_no_note(tmp_path):
    """5 clients: "mary ann jones" (only a name, lower case) is a client; "call back after
    Easter" is a note on Cat, rejected."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Phone,Stage\n"
        "Ann Lee,ann@x.example,0711,Customer\n"
        "van der Berg Holdings,,,\n"
        "Bob Ray,bob@x.example,0722,Lead\n"
        "mary ann jones,,,\n"
        "Cat Moss,cat@x.example,0733,Prospect\n"
        "call back after Easter,,,\n"))
    assert [(p["row"], p["value"]) for p in found["problems"]] == [
        (7, "call back after Easter")]
    assert names(tmp_path) == ["Ann Lee", "Bob Ray", "Cat Moss", "mary ann jones",
                               "van der Berg Holdings"]


def test_collected_money_is_the_amount(tmp_path):
    """Invoices with the money collected: Ann 120 + 120, Bob 80 (3 sales, 320); Cat's 0
    collected is no sale. "Collected" was read as a status and the money lost."""
    found = cli_import_text(tmp_path, "collections.csv", (
        "Date,Customer,Invoice,Collected\n"
        "2024-01-05,Ann Lee,INV-001,£120.00\n"
        "2024-01-19,Bob Ray,INV-002,£80.00\n"
        "2024-02-02,Ann Lee,INV-003,£120.00\n"
        "2024-02-16,Cat Moss,INV-004,£0.00\n"))
    assert found["mapping"]["Collected"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (3, 320.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]
