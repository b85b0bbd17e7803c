"""A company's own revenue is not what it spent with the business; a funnel of no client
says so on the command line (session 20, M). Each sheet goes through the command line and
is checked against figures worked out by hand; beside each, a sheet where the rule must
not fire.

- A CRM's accounts list (Maven CRM's: account, sector, year_established, revenue,
  employees, office_location, subsidiary_of): its "revenue" beside two or more of a
  company's own details is the company's annual revenue, kept as extra and said; the won
  deals' value stays the revenue (was: the accounts' revenue counted in its place).
  Not fired: a tracker's "Revenue" beside its stage and last contact (one detail, a
  sector); a wholesale client list's "Total spend" beside "Employees" and "Industry".
- ``funnel`` on a workspace with no client prints what the Funnel page shows in place of
  its stages ("No clients to count yet" and why; "No clients in this workspace yet"), and
  ``funnel --json`` keeps its stages (0 clients each) with the same sentence as "note"
  (was: Awareness 0, Consideration 0, nothing said). Not said where there are clients.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, cli_json, run_cli, workspace_rows

from journey.overview import clientless_sentence, no_clients_said, revenue
from journey.workspace import open_workspace

DEALS = ("opportunity_id,sales_agent,account,deal_stage,engage_date,close_date,close_value\n"
         "1,Ann,Acme,Won,2024-01-02,2024-02-01,1200\n"
         "2,Ann,Acme,Won,2024-03-02,2024-04-01,800\n"
         "3,Bob,Betatech,Won,2024-01-10,2024-02-10,500\n"
         "4,Bob,Betatech,Lost,2024-02-10,2024-03-10,0\n"
         "5,Cy,Cobalt,Engaging,2024-05-01,,\n")
ACCOUNTS = ("account,sector,year_established,revenue,employees,office_location,subsidiary_of\n"
            "Acme,technology,1996,1100.04,2822,United States,\n"
            "Betatech,medical,1986,647.18,1185,Kenya,\n"
            "Cobalt,retail,2001,42.5,120,Germany,Acme\n")


def owners_revenue(place) -> float:
    """The revenue the Overview shows (every client's, and sales naming none)."""
    db = open_workspace(str(place / "w.db"), create=False)
    try:
        return round(revenue(db).clients, 2)
    finally:
        db.close()


# --- a company's own revenue on an accounts list ------------------------------------------

def test_an_accounts_lists_revenue_is_the_companys_own_not_spent(tmp_path):
    """Deals: Acme won 1,200 and 800, Betatech won 500 and lost one, Cobalt engaging.
    Revenue by hand = 1,200 + 800 + 500 = $2,500 (was $1,789.72 = 1,100.04 + 647.18 +
    42.50, the accounts' annual revenue in millions). Funnel [3, 3, 2, 1, 0]: all three
    engaged, Acme and Betatech won, Acme won twice on later dates. The accounts' revenue
    is kept as extra (Acme's '1100.04') and said with its five details."""
    cli_import_text(tmp_path, "deals.csv", DEALS)
    found = cli_import_text(tmp_path, "accounts.csv", ACCOUNTS)
    assert found["kind"] == "clients" and found["mapping"]["revenue"] is None
    assert ("'revenue' sits beside each company's own details ('sector', 'year_established', "
            "'employees', 'office_location', 'subsidiary_of'): it is the company's own "
            "revenue, not money spent with you; kept as extra") in found["explanation"]
    assert owners_revenue(tmp_path) == 2500.0
    assert workspace_rows(tmp_path, "SELECT COUNT(revenue_current), "
                                    "json_extract(MAX(extra), '$.revenue') FROM clients "
                                    "WHERE name = 'Acme'") == [(0, "1100.04")]
    assert cli_funnel(tmp_path) == [3, 3, 2, 1, 0]


def test_the_accounts_list_first_then_the_deals(tmp_path):
    """The same files the other way round: still $2,500 and [3, 3, 2, 1, 0]."""
    cli_import_text(tmp_path, "accounts.csv", ACCOUNTS)
    cli_import_text(tmp_path, "deals.csv", DEALS)
    assert owners_revenue(tmp_path) == 2500.0
    assert cli_funnel(tmp_path) == [3, 3, 2, 1, 0]


def test_a_trackers_revenue_beside_its_stage_is_what_clients_paid(tmp_path):
    """Not fired: a tracker's 'Revenue' beside Stage and Last contact, with one company
    detail (Sector): what each paid, $4,200 + $1,300 = $5,500, counted as before."""
    found = cli_import_text(tmp_path, "tracker.csv", (
        "Client,Sector,Stage,Last contact,Revenue\n"
        "North Deli,Food,Customer,2024-03-01,\"$4,200\"\n"
        "South Cafe,Food,Proposal,2024-03-05,\n"
        "East Bar,Drinks,Customer,2024-02-11,\"$1,300\"\n"))
    assert found["mapping"]["Revenue"] == "revenue_current"
    assert "own revenue" not in found["explanation"]
    assert owners_revenue(tmp_path) == 5500.0


def test_a_wholesale_lists_spend_beside_employees_is_what_clients_spent(tmp_path):
    """Not fired: a wholesale client list's 'Total spend' beside Employees, Industry and
    Founded is what each shop spent: $4,200 + $1,300 = $5,500."""
    found = cli_import_text(tmp_path, "wholesale.csv", (
        "Client,Industry,Employees,Founded,Total spend\n"
        "North Deli,Food,12,2010,\"$4,200\"\n"
        "East Bar,Drinks,8,2015,\"$1,300\"\n"))
    assert found["mapping"]["Total spend"] == "revenue_current"
    assert owners_revenue(tmp_path) == 5500.0


def test_maven_crms_pipeline_and_accounts(tmp_path, datasets):
    """Maven CRM's sales pipeline (8,800 deals; 4,238 won, close_value summed by hand
    $10,005,534) with its accounts list (85 accounts, revenue in millions of USD says its
    data dictionary): revenue $10,005,534 either order (was $169,543.80 with the
    accounts), 85 clients, 4,238 sales, funnel [85, 85, 85, 85, 0]."""
    for order in (("sales_pipeline", "accounts"), ("accounts", "sales_pipeline")):
        place = tmp_path / order[0]
        place.mkdir()
        for name in order:
            cli_json(place, "import", str(datasets / f"maven_crm_{name}.csv"))
        assert owners_revenue(place) == 10005534.0
        assert workspace_rows(place, "SELECT COUNT(*), SUM(purchase_count), "
                                     "COUNT(revenue_current) FROM clients") == [(85, 4238, 0)]
        assert cli_funnel(place) == [85, 85, 85, 85, 0]


# --- funnel of no client --------------------------------------------------------------------

def funnel_text(place) -> str:
    """``funnel`` on PLACE/w.db as printed."""
    done = run_cli(place, "funnel", "--workspace", str(place / "w.db"))
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_funnel_of_events_naming_no_client_says_so(tmp_path):
    """Three deals (an ID, a date, a stage) with no client column: 0 clients, 3 events. The command prints the
    Funnel page's title and sentence, no stage of 0; its JSON keeps five stages of 0
    clients and the same as "note"."""
    cli_import_text(tmp_path, "deals.csv", "Deal ID,Created,Stage,Amount\n"
                                           "D1,2024-01-05,Won,300\nD2,2024-01-09,Lost,\n"
                                           "D3,2024-02-01,Won,150\n")
    assert workspace_rows(tmp_path, "SELECT (SELECT COUNT(*) FROM clients), "
                                    "(SELECT COUNT(*) FROM events)") == [(0, 3)]
    assert funnel_text(tmp_path) == f"No clients to count yet.\n  {clientless_sentence(3)}\n"
    found = cli_json(tmp_path, "funnel")
    assert [s["clients"] for s in found["stages"]] == [0, 0, 0, 0, 0]
    assert found["note"] == f"No clients to count yet. {clientless_sentence(3)}"


def test_funnel_of_an_empty_workspace_says_so(tmp_path):
    """Nothing imported: 'No clients in this workspace yet', as the Funnel page says."""
    open_workspace(str(tmp_path / "w.db")).close()
    title, text = no_clients_said(0)
    assert title == "No clients in this workspace yet"
    assert funnel_text(tmp_path) == f"{title}.\n  {text}\n"


def test_funnel_with_clients_says_no_note(tmp_path):
    """Not fired: with clients (the deals above: 3), the stages as before and no note."""
    cli_import_text(tmp_path, "deals.csv", DEALS)
    assert "note" not in cli_json(tmp_path, "funnel")
    assert funnel_text(tmp_path).startswith("All clients\n  Awareness             3")


def test_bitrix24_deals_funnel_says_no_clients(tmp_path, datasets):
    """Bitrix24's deals export names no client: 0 clients, 7,602 events; the command says
    what the pages say (was Awareness 0, Consideration 0)."""
    cli_json(tmp_path, "import", str(datasets / "bitrix24_deals_export_truck_leasing_ru.csv"))
    assert funnel_text(tmp_path) == f"No clients to count yet.\n  {clientless_sentence(7602)}\n"
    assert cli_json(tmp_path, "funnel")["note"] == (
        f"No clients to count yet. {clientless_sentence(7602)}")
