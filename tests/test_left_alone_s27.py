"""Left alone, mended in session 27: a "Balance paid" column holding the balance's money
("450") was read as a column of dates (Excel's day 450, 1901-03-25), and kept as the day the
client bought: the couple's first contact became 1901-03-25. Imported through the command a
user runs; figures worked by hand."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, workspace_rows

BOOKINGS = ("Couple,Ceremony date,Fee,Deposit,Balance paid,Status\n"
            "Ann & Tom Fox,14/06/2025,650,200,{paid},Booked\n"
            "Bob & Sue Lee,20/09/2025,650,200,,Booked\n"
            "Dan Ray,12/12/2025,650,,,Enquiry\n")


def test_the_balance_paid_as_money_is_no_day(tmp_path):
    """Ann & Tom paid the 450 balance: a tick, not a day. Their first and last days are the
    ceremony's, 2025-06-14; no event is dated 1901. Revenue 650 + 200 = 850 paid, 450 + 650
    to come; [3, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "bookings.csv", BOOKINGS.format(paid="450"))
    assert workspace_rows(tmp_path, "SELECT name, first_date, last_date, revenue_current, "
                                    "revenue_potential FROM clients ORDER BY name") == [
        ("Ann & Tom Fox", "2025-06-14", "2025-06-14", 650.0, None),
        ("Bob & Sue Lee", "2025-09-20", "2025-09-20", 200.0, 450.0),
        ("Dan Ray", "2025-12-12", "2025-12-12", None, 650.0)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE date < '2000'") == [(0,)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_a_day_written_in_balance_paid_is_still_the_day_it_was_paid(tmp_path):
    """Must not fire: the day the balance was paid, written as a date or as a compact
    day (20250601), is kept as the day Ann & Tom bought (before the ceremony: their first
    day)."""
    for written in ("01/06/2025", "20250601"):
        folder = tmp_path / written.replace("/", "-")
        folder.mkdir()
        cli_import_text(folder, "bookings.csv", BOOKINGS.format(paid=written))
        assert workspace_rows(folder, "SELECT first_date, revenue_current FROM clients "
                                      "WHERE name = 'Ann & Tom Fox'") == [
            ("2025-06-01", 650.0)], written
