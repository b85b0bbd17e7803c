"""A review of the fourth sweep's rules (a sale undone by its status, a "Name" of #1001
numbers, a wholesale price before the retail one, Receipt type as the kind) on sheets of
the same kinds they were not written from: a membership's or an account's status beside
sales; a sale booked or confirmed; a Receipt type saying how the receipt went out; a
Yes/No "Wholesale" column; a shop's Unit Cost beside the Retail Price it sold at; a club's
member numbers written #0012. Hand-worked figures, through the command line."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


def test_a_membership_status_beside_sales_does_not_undo_them(tmp_path):
    """A studio's sales: the Membership Status is the member's today (Expired, Cancelled,
    Trial), not the sale's: every Sale is a purchase, the Refund a refund."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Client,Type,Item,Amount,Membership Status\n"
        "2024-01-05,Ana Ruiz,Sale,10-class pass,120,Active\n"
        "2024-01-09,Ben Cole,Sale,Monthly unlimited,90,Expired\n"
        "2024-02-11,Ben Cole,Sale,Monthly unlimited,90,Expired\n"
        "2024-02-14,Cara Diaz,Sale,Annual,900,Cancelled\n"
        "2024-03-01,Dev Patel,Sale,Drop-in,20,Trial\n"
        "2024-03-03,Ana Ruiz,Refund,10-class pass,-120,Active\n"))
    assert kind_totals(tmp_path, "purchase") == (5, 1220.0)
    assert kind_totals(tmp_path, "refund")[0] == 1
    assert kind_totals(tmp_path, "cancellation") == (0, None)
    assert cli_funnel(tmp_path) == [4, 4, 4, 1, 0]


def test_an_account_status_beside_sales_does_not_undo_them(tmp_path):
    """An account closed (Cancelled) or behind (Past due) today was sold to all the same."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Transaction Type,Amount,Account Status\n"
        "2023-05-01,Acme Ltd,Sale,500,Active\n"
        "2023-06-01,Bolt Inc,Sale,300,Cancelled\n"
        "2023-07-01,Bolt Inc,Sale,300,Cancelled\n"
        "2023-08-01,Core GmbH,Sale,250,Past due\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 1350.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_plain_status_of_active_and_expired_is_the_memberships(tmp_path):
    """A "Status" of Active beside Expired and Cancelled speaks of memberships (no sale is
    "Active"): the sales stand."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Client,Type,Item,Amount,Status\n"
        "2024-01-05,Ana Ruiz,Sale,10-class pass,120,Active\n"
        "2024-01-09,Ben Cole,Sale,Monthly unlimited,90,Expired\n"
        "2024-02-11,Ben Cole,Sale,Monthly unlimited,90,Expired\n"
        "2024-02-14,Cara Diaz,Sale,Annual,900,Cancelled\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 1200.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_sale_booked_or_confirmed_is_a_sale_but_a_voided_one_is_not(tmp_path):
    """A Sale Confirmed or Booked was sold (to be delivered); Voided is a cancellation and
    Failed a contact, as the sweep said."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Type,Amount,Status\n"
        "2024-01-01,Ned Park,Sale,50,Confirmed\n"
        "2024-01-02,Oli Reed,Sale,40,Booked\n"
        "2024-01-03,Pia Sand,Sale,30,Completed\n"
        "2024-01-04,Quin Ray,Sale,20,Voided\n"
        "2024-01-05,Rex Hale,Sale,10,Failed\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 120.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 20.0)
    assert kind_totals(tmp_path, "contact") == (1, 10.0)


def test_a_receipt_type_saying_how_it_went_out_is_not_the_kind(tmp_path):
    """A "Receipt Type" of Email and Printed says how the receipt was sent: the paid orders
    stay purchases (Loyverse's Sale and Refund are still the kind: test_sweep_s12)."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Date,Order ID,Customer,Receipt Type,Total,Payment Status\n"
        "2024-03-01,X1,Sara Lind,Email,12.00,Paid\n"
        "2024-03-02,X2,Tom Weir,Printed,8.00,Paid\n"
        "2024-03-03,X3,Uma Ng,Email,15.00,Paid\n"))
    assert found["mapping"]["Receipt Type"] is None
    assert kind_totals(tmp_path, "purchase") == (3, 35.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_yes_no_wholesale_column_is_no_price(tmp_path):
    """A "Wholesale" flag (Yes/No) before the Unit Price: each line is Qty x Unit Price."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Customer,Wholesale,Product,Qty,Unit Price\n"
        "W1,2024-04-01,Shop One,Yes,Candle,10,6.00\n"
        "W2,2024-04-02,Pat Quinn,No,Candle,1,12.00\n"
        "W3,2024-04-03,Shop Two,Yes,Soap,20,3.00\n"))
    assert found["mapping"]["Unit Price"] == "amount"
    assert found["mapping"]["Wholesale"] is None
    assert kind_totals(tmp_path, "purchase") == (3, 132.0)


def test_a_shops_unit_cost_is_not_the_price_it_sold_at(tmp_path):
    """A shop's sales with the Retail Price it sold at and the Unit Cost it paid, in either
    order: each line is Qty x Retail Price."""
    for name, header, rows in (
            ("a.csv", "Qty,Retail Price,Unit Cost", ("2,12.00,4.00", "3,6.00,1.50")),
            ("b.csv", "Qty,Unit Cost,Retail Price", ("2,4.00,12.00", "3,1.50,6.00"))):
        where = tmp_path / name[0]
        where.mkdir()
        cli_import_text(where, name, (
            f"Sale ID,Date,Customer,Item,{header}\n"
            f"S1,2024-05-01,Tina Marsh,Candle,{rows[0]}\n"
            f"S2,2024-05-02,Umar Diaz,Soap,{rows[1]}\n"))
        assert kind_totals(where, "purchase") == (2, 42.0), name


def test_member_numbers_on_a_client_list_are_no_order_numbers(tmp_path):
    """A club's client list whose Name holds member numbers (#0012) is imported as before
    (it was refused: an order ID on a clients sheet)."""
    found = cli_import_text(tmp_path, "members.csv", (
        "Name,Email,Joined,Stage\n"
        "#0012,amy@example.com,2023-01-01,Customer\n"
        "#0013,bob@example.com,2023-02-01,Lead\n"
        "#0014,cat@example.com,2023-03-01,Customer\n"))
    assert found["kind"] == "clients" and found["rejected"] == 0
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(3,)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
