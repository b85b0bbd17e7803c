"""Smaller things earlier sessions noticed and left alone (session 16, B). Each sheet goes
through the command line and is checked against figures worked out by hand before
importing, and against the sentences the import prints; beside each, where it matters, a
sheet where the rule must not fire.

- The "rows marked paid" note counts the rows kept, not those rejected after.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals


# --- the paid note counts the rows kept ----------------------------------------------------

def test_rows_marked_paid_are_counted_after_rejections(tmp_path):
    """Ann (200) and Cy (500) paid, Bob (80) not; Di's row has no date it can be read by:
    rejected (the TOTAL row is set aside as the table's totals). The note counts Ann and Cy,
    2 rows (was 3: Di's Yes counted too)."""
    found = cli_import_text(tmp_path, "work.csv", (
        "Date,Client,Job,Fee,Paid\n"
        "2024-03-01,Ann Lee,Logo,200,Yes\n"
        "2024-03-05,Bob Ray,Flyer,80,No\n"
        "2024-03-09,Cy Tan,Website,500,Yes\n"
        "someday,Di Woo,Card,50,Yes\n"
        ",TOTAL,,830,Yes\n"))
    assert found["rejected"] == 1
    assert "2 rows marked paid in 'Paid' were read as purchases." in found["notes"]
    assert "1 row marked not paid in 'Paid' was read as a contact, not a sale." in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 700.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
