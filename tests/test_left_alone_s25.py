"""Misreadings left alone in session 24, mended in session 25 (mine). Each sheet is imported
through the command line and checked against figures worked out by hand; beside each, a
sheet where the mend must not fire.

- A shopkeeper's credit ledger (Khatabook's "You Gave" and "You Got"): what was given on
  credit is a sale, what was got the customer paying toward it (was six contacts, no sale).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

KHATA = ("Date,Name,Phone Number,Details,You Gave ₹,You Got ₹,Balance\n"
         "01/03/2026,Ramesh Kumar,9876543210,Rice 10kg + oil,1250,,1250\n"
         "05/03/2026,Ramesh Kumar,9876543210,Cash,,1000,250\n"
         "07/03/2026,Sunita Devi,9812345678,Monthly ration,2400,,2400\n"
         "15/03/2026,Sunita Devi,9812345678,UPI,,2400,0\n"
         "18/03/2026,Ramesh Kumar,9876543210,Atta 5kg,300,,550\n"
         "20/03/2026,Mohd Irfan,9898989898,Biscuits,180,,180\n")


def test_a_credit_ledgers_goods_given_are_sales_and_money_got_is_no_second_sale(tmp_path):
    """Given on credit: Ramesh 1,250 and 300, Sunita 2,400, Irfan 180: 4 sales of 4,130
    (was 6 contacts, no sale); Ramesh's 1,000 and Sunita's 2,400 got are payments toward
    them, contacts. Ramesh bought on two days: [3, 3, 3, 1, 0] (was [3, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "Khatabook report.csv", KHATA)
    assert found["recognised_as"] == "credit_ledger"
    assert found["explanation"] == (
        "Recognised as a credit ledger (Khatabook's You Gave and You Got): 4 lines given on "
        "credit read as sales (4,130); 2 payments got (3,400) were money paid toward those "
        "sales, kept as contacts, not counted as sales again.")
    assert kind_totals(tmp_path, "purchase") == (4, 4130.0)
    assert kind_totals(tmp_path, "contact") == (2, None)
    assert workspace_rows(tmp_path, "SELECT name, revenue_events FROM clients ORDER BY name") == [
        ("Mohd Irfan", 180.0), ("Ramesh Kumar", 1550.0), ("Sunita Devi", 2400.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_gift_list_with_you_gave_alone_is_no_credit_ledger(tmp_path):
    """A family's wedding gift list ("Guest", "Gift received", "You gave"): no "You Got",
    so no ledger: nothing read as a sale."""
    found = cli_import_text(tmp_path, "Gifts.csv", (
        "Date,Guest,Gift received,You gave\n"
        "01/03/2026,Anil Shah,Dinner set,500\n02/03/2026,Priya Rao,Cash,1100\n"))
    assert found["recognised_as"] is None
    assert kind_totals(tmp_path, "purchase")[0] == 0
