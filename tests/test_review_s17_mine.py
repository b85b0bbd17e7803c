"""What the session-17 review of the helpers' rules noticed and the lead mended: a rental or
hire business's log ("Rental fee", "Hire fee", "Hire charge": each rental's price, its
deposit given back no sale) and a Nordic trade's job list (its "Jobb" column, its "Klar",
"Fakturerad" and "Avbruten"). Figures worked out by hand before importing, through the
command line."""

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


def test_a_rental_log_with_a_deposit_beside_the_fee(tmp_path):
    """Ann hired a kayak on 2 and 20 October (45 each), Bob a paddleboard (35): 3 sales of
    125, Ann a repeat customer; the deposits of 100 are no sale. Before: 3 contacts of no
    amount, [2, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "rentals.csv", (
        "Date,Customer,Email,Item,Rental fee,Deposit paid,Returned\n"
        "2026-10-02,Ann Lee,ann@lee.com,Kayak,45,100,yes\n"
        "2026-10-09,Bob Ray,bob@ray.com,Paddleboard,35,100,yes\n"
        "2026-10-20,Ann Lee,ann@lee.com,Kayak,45,100,no\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 125.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_hire_log_whose_hire_charge_is_each_hires_price(tmp_path):
    """Three hires charged 60, 60 and 90, two of them Mrs Hall's on different days: 3 sales
    of 210, [2, 2, 2, 1, 0]. (A bare "Charge" is not read so: beside "Paid" in
    SimplePractice's export it is what was billed, not what was paid.)"""
    cli_import_text(tmp_path, "hires.csv", (
        "Date,Client,Item,Hire charge\n"
        "2026-09-01,Mrs Hall,Carpet cleaner,60\n"
        "2026-09-08,Mrs Hall,Carpet cleaner,60\n"
        "2026-09-10,Tom Reid,Floor sander,90\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 210.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]


def test_a_swedish_trades_job_list_read_by_its_status(tmp_path):
    """Anna's bathroom (Klar, done, 1,200) and hall (Klar, 500) a month apart, Björn's
    kitchen invoiced (Fakturerad, 800), Cecilia's roof broken off (Avbruten, 300): 3 sales
    of 2,500 and a cancellation; Anna a repeat customer, Cecilia at awareness. Before: 'Jobb'
    was no work column and the statuses unknown: 4 contacts, [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "jobb.csv", (
        "Datum,Kund,E-post,Jobb,Belopp,Status\n"
        "2026-09-01,Anna Berg,anna@berg.se,Badrum,1200,Klar\n"
        "2026-09-05,Björn Ek,bjorn@ek.se,Kök,800,Fakturerad\n"
        "2026-10-02,Anna Berg,anna@berg.se,Hall,500,Klar\n"
        "2026-10-10,Cecilia Lind,cecilia@lind.se,Tak,300,Avbruten\n"))
    assert found["mapping"]["Status"] == "status"
    assert kind_totals(tmp_path, "purchase") == (3, 2500.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 300.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]
