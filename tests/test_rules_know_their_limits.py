"""Where the import's newer rules must not fire (found by a review of them): a child's
"Parent" is no parent task, a tag is no sale, a discount line no refund, a theatre's
"Section" no stage, "Total Body Workout DVD" no total, a pet owner's e-mail the client's.
Each sheet is imported through the command line and checked against figures worked out
by hand."""

from __future__ import annotations

from conftest import cli_import_text, kind_totals, workspace_rows

EVENTS = "SELECT kind, order_id, amount, date FROM events ORDER BY order_id, kind"


def test_a_childs_parent_is_no_parent_task(tmp_path):
    """A swim school: 'Parent' names the one who pays, not a row of the sheet."""
    cli_import_text(tmp_path, "bookings.csv", (
        "Date,Name,Parent,Email,Invoice,Amount\n"
        "2024-03-01,Mia Bloggs,Jo Bloggs,jo@x.com,INV-1,40\n"
        "2024-03-02,Leo Ray,Sam Ray,sam@x.com,INV-2,40\n"
        "2024-03-03,Ava Tan,,kim@x.com,INV-3,40\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 120.0)


def test_a_tag_on_an_order_is_no_kind_of_its_own(tmp_path):
    """A 'referral' or 'review' tag on an order list leaves each order a purchase."""
    cli_import_text(tmp_path, "orders.csv", (
        "Date,Customer,Email,Order ID,Item,Amount,Tags\n"
        '2024-03-01,Ann Lee,ann@x.com,1001,Mug,20,"referral, vip"\n'
        "2024-03-02,Bob Ray,bob@x.com,1002,Tee,30,\n"
        "2024-03-03,Cy Tan,cy@x.com,1003,Cap,15,review\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 65.0)


def test_what_went_back_on_every_line_of_an_order_went_back_once(tmp_path):
    cli_import_text(tmp_path, "orders.csv", (
        "Date,Customer,Email,Order ID,Item,Amount,Refunded Amount\n"
        "2024-03-01,Ann Lee,ann@x.com,1001,Mug,10,20\n"
        "2024-03-01,Ann Lee,ann@x.com,1001,Tee,10,20\n"
        "2024-03-01,Ann Lee,ann@x.com,1001,Cap,10,20\n"
        "2024-03-02,Bob Ray,bob@x.com,1002,Tee,30,0\n"))
    assert workspace_rows(tmp_path, EVENTS) == [
        ("purchase", "1001", 30.0, "2024-03-01"), ("refund", "1001", 20.0, "2024-03-01"),
        ("purchase", "1002", 30.0, "2024-03-02")]


def test_a_refunded_column_of_flags_or_days(tmp_path):
    """'Refunded' 1/0 is a flag (the whole order went back), not 1.00 of money; a column
    of days says when."""
    cli_import_text(tmp_path, "flags.csv", (
        "Date,Customer,Email,Order ID,Amount,Refunded\n"
        "2024-03-01,Ann Lee,ann@x.com,1001,20,1\n"
        "2024-03-02,Bob Ray,bob@x.com,1002,30,0\n"))
    assert kind_totals(tmp_path, "refund") == (1, 20.0)
    (tmp_path / "w.db").unlink()
    cli_import_text(tmp_path, "days.csv", (
        "Date,Customer,Email,Order ID,Amount,Refunded\n"
        "2024-03-01,Ann Lee,ann@x.com,1001,20,2024-03-05\n"
        "2024-03-02,Bob Ray,bob@x.com,1002,30,\n"))
    assert workspace_rows(tmp_path, EVENTS) == [
        ("purchase", "1001", 20.0, "2024-03-01"), ("refund", "1001", 20.0, "2024-03-05"),
        ("purchase", "1002", 30.0, "2024-03-02")]


def test_a_discount_line_and_a_free_sample_belong_to_their_order(tmp_path):
    cli_import_text(tmp_path, "orders.csv", (
        "Date,Customer,Email,Order ID,Item,Amount\n"
        "2024-03-01,Ann Lee,ann@x.com,1001,Mug,20\n"
        "2024-03-01,Ann Lee,ann@x.com,1001,Discount,-5\n"
        "2024-03-01,Ann Lee,ann@x.com,1001,Free sample,0\n"
        "2024-03-02,Bob Ray,bob@x.com,1002,Tee,30\n"))
    assert workspace_rows(tmp_path, EVENTS) == [
        ("purchase", "1001", 15.0, "2024-03-01"), ("purchase", "1002", 30.0, "2024-03-02")]


def test_a_line_of_minus_one_at_thirty_is_a_refund(tmp_path):
    """Quantity × unit price is worked out before what each line is: -1 × 30 is money
    going back, 0 × 15 an order of nothing."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Email,Qty,Unit Price\n"
        "1001,2024-03-01,ann@x.com,2,10\n"
        "1002,2024-03-02,bob@x.com,-1,30\n"
        "1003,2024-03-03,cy@x.com,0,15\n"))
    assert workspace_rows(tmp_path, "SELECT kind, order_id, amount FROM events "
                                    "ORDER BY order_id") == [
        ("purchase", "1001", 20.0), ("refund", "1002", 30.0), ("contact", "1003", 0.0)]


def test_a_theatres_section_is_no_stage(tmp_path):
    cli_import_text(tmp_path, "tickets.csv", (
        "Order ID,Date,Customer,Email,Section,Seat,Amount\n"
        "T1,2024-03-01,Ann Lee,ann@x.com,Stalls,A12,45\n"
        "T2,2024-03-02,Bob Ray,bob@x.com,Circle,C3,30\n"
        "T3,2024-03-03,Cy Tan,cy@x.com,Stalls,B7,45\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 120.0)


def test_a_product_called_total_is_a_line_and_a_bare_sum_a_total(tmp_path):
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Customer,Email,Item,Amount\n"
        "1001,2024-03-01,Ann Lee,ann@x.com,Yoga mat,20\n"
        ",,,,Total Body Workout DVD,15\n"
        "1002,2024-03-02,Bob Ray,bob@x.com,Tee,30\n"
        ",,,,,65\n"))
    assert [(p["row"], p["value"]) for p in found["problems"]] == [(5, "65")]
    assert workspace_rows(tmp_path, EVENTS) == [
        ("purchase", "1001", 35.0, "2024-03-01"), ("purchase", "1002", 30.0, "2024-03-02")]


def test_a_line_below_a_sale_without_an_order_number_is_no_line_of_another(tmp_path):
    """The Cap is below Bob's cash sale, which has no order number: it joins no order, and
    certainly not Ann's with Bob's name."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Customer,Email,Item,Amount\n"
        "1001,2024-03-01,Ann Lee,ann@x.com,Mug,20\n"
        ",2024-03-05,Bob Ray,bob@x.com,Cash sale,30\n"
        ",,,,Cap,15\n"))
    assert not any("more lines" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT order_id, amount FROM events WHERE order_id "
                                    "IS NOT NULL") == [("1001", 20.0)]


def test_a_header_with_a_blank_last_cell_is_no_row_of_groups(tmp_path):
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,City,Phone,\n"
        "Ann Lee,Bristol,n/a,VIP\n"
        "Bob Ray,Leeds,07700 900123,Regular\n"
        "Cy Tan,York,07700 900456,VIP\n"
        "Dee Fox,Bath,07700 900789,\n"))
    assert found["kind"] == "clients"
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(4,)]


def test_leads_below_a_blank_row_are_no_second_table(tmp_path):
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Phone,Deal value,Stage\n"
        "Ann Lee,07700 900001,100,Won\n"
        "Bob Ray,07700 900002,200,Won\n"
        "Cy Tan,07700 900003,150,Won\n"
        ",,,\n"
        "Dee Fox,,TBC,Lead\n"
        "Eve Hill,,TBC,Lead\n"
        "Fay Lo,,TBC,Lead\n"))
    assert not any("second table" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(6,)]


def test_a_pet_owners_e_mail_is_the_clients(tmp_path):
    """'Owner' names the business's own people only as a word of its own, not a pet's
    owner; 'author' is no 'Authorised' contact."""
    cli_import_text(tmp_path, "pets.csv", (
        "Client,Pet,Pet Owner Email,Phone\n"
        "Jo Bloggs,Rex,jo@x.com,07700 900001\n"
        "Sam Ray,Tom,sam@x.com,07700 900002\n"))
    assert workspace_rows(tmp_path, "SELECT name, email FROM clients ORDER BY name") == [
        ("Jo Bloggs", "jo@x.com"), ("Sam Ray", "sam@x.com")]
    (tmp_path / "w.db").unlink()
    cli_import_text(tmp_path, "accounts.csv", (
        "Client,Authorised Contact Email,Phone\n"
        "Acme Ltd,jo@acme.com,07700 900001\n"
        "Beta plc,sam@beta.com,07700 900002\n"))
    assert workspace_rows(tmp_path, "SELECT name, email FROM clients ORDER BY name") == [
        ("Acme Ltd", "jo@acme.com"), ("Beta plc", "sam@beta.com")]


def test_a_cafes_order_is_what_was_ordered(tmp_path):
    """'Order' numbers orders only where it holds codes: a café's Latte and Flat white
    are no order numbers, and two lattes are no lines of one order."""
    cli_import_text(tmp_path, "till.csv", (
        "Date,Customer,Order,Amount\n"
        "2024-03-01,Ann Lee,Latte,3.50\n"
        "2024-03-01,Ann Lee,Latte,3.50\n"
        "2024-03-01,Bob Ray,Flat white,3.20\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*), SUM(amount) FROM events "
                                    "WHERE order_id IS NULL") == [(3, 10.2)]
