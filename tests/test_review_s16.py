"""A hostile review of session 16's new import rules: sheets each rule was not written for,
through the command line, against figures worked out by hand before importing.

- A heading alone on a row over dated rows is a client's block only where no column names
  the client and the heading is no period or part of the business ("January", "Wholesale").
- "Cuota mensual" is a gym's monthly fee, no instalment; one course bought on a payment plan
  in two years is two purchases.
- A "Recipient" or "Vendor" on a sheet named for orders or sales is no payee.
"""

from __future__ import annotations

import datetime as dt

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

D = dt.datetime
NAMES = "SELECT name FROM clients ORDER BY name"


def test_month_headings_beside_a_customer_column_are_no_clients(tmp_path):
    """A year's sheet by month ('January', 'February' alone on a row) with a Customer column:
    Ann 40 + 30, Bob 50: 3 sales of 120, Ann retained, [2, 2, 2, 1, 0] (was 'January' and
    'February' as the clients, Ann and Bob lost)."""
    cli_import_book(tmp_path, "sales.xlsx", {"2024": [
        ["Date", "Customer", "Item", "Amount"], ["January"],
        [D(2024, 1, 3), "Ann Lee", "Mug", 40], [D(2024, 1, 9), "Bob Ray", "Bowl", 50],
        ["February"], [D(2024, 2, 2), "Ann Lee", "Mug", 30]]})
    assert workspace_rows(tmp_path, NAMES) == [("Ann Lee",), ("Bob Ray",)]
    assert kind_totals(tmp_path, "purchase") == (3, 120.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_headings_naming_a_part_of_the_business_are_no_clients(tmp_path):
    """'Wholesale' and 'Retail' head a maker's sales, which name no client: 3 sales of 172
    and no client (were clients 'Wholesale' and 'Retail', [2, 2, 2, 1, 0])."""
    cli_import_book(tmp_path, "sales.xlsx", {"2024": [
        ["Date", "Item", "Amount"], ["Wholesale"], [D(2024, 3, 1), "Mugs x10", 100],
        [D(2024, 3, 5), "Bowls x5", 60], ["Retail"], [D(2024, 3, 2), "Mug", 12]]})
    assert workspace_rows(tmp_path, NAMES) == []
    assert kind_totals(tmp_path, "purchase") == (3, 172.0)


def test_a_groomers_block_per_client_still_reads(tmp_path):
    """The rule's own case, with names that hold no working word: 2 clients, 2 sales of 95."""
    cli_import_book(tmp_path, "grooming.xlsx", {"2024": [
        ["Date", "Service", "Price"], ["Biscuit (Mrs Hall)"], [D(2024, 1, 10), "Groom", 45],
        ["Luna (Tom Reed)"], [D(2024, 2, 1), "Groom", 50]]})
    assert workspace_rows(tmp_path, NAMES) == [("Biscuit (Mrs Hall)",), ("Luna (Tom Reed)",)]
    assert kind_totals(tmp_path, "purchase") == (2, 95.0)


def test_tabs_named_for_parts_of_the_business_are_no_clients(tmp_path):
    """Tabs 'Online' and 'Wholesale' of one header, no client column: no client is made of
    a tab's name (were clients 'Online' and 'Wholesale')."""
    log = ["Date", "Item", "Paid £"]
    cli_import_book(tmp_path, "shop.xlsx", {
        "Online": [log, [D(2024, 1, 3), "Mug", 12]],
        "Wholesale": [log, [D(2024, 1, 4), "Mugs", 100]]})
    assert workspace_rows(tmp_path, NAMES) == []


def test_a_gyms_monthly_fee_is_no_instalment(tmp_path):
    """'Cuota mensual' is a gym's monthly fee: Ana's 3 months are 3 purchases (she stayed),
    Luis's one: 4 purchases of 120, [2, 2, 2, 1, 0] (were Ana's 3 fees one purchase of 90,
    [2, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "pagos.csv", (
        "Fecha,Cliente,Concepto,Tipo,Importe\n"
        "2024-01-05,Ana Ruiz,Gimnasio,Cuota mensual,30\n"
        "2024-02-05,Ana Ruiz,Gimnasio,Cuota mensual,30\n"
        "2024-03-05,Ana Ruiz,Gimnasio,Cuota mensual,30\n"
        "2024-01-07,Luis Gil,Gimnasio,Matrícula,30\n"))
    assert not any("instalments" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (4, 120.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_plan_bought_again_a_year_later_is_a_second_purchase(tmp_path):
    """Dev paid for Pro in 3 monthly instalments of 60 in 2023 and again in 2024: 2
    purchases of 180, a repeat buyer, [1, 1, 1, 1, 0] (was one purchase of 360)."""
    rows = "".join(f"{day},Dev Rao,dev@x.com,Pro,Payment Plan,60,paid\n" for day in (
        "2023-01-05", "2023-02-05", "2023-03-05", "2024-01-05", "2024-02-05", "2024-03-05"))
    found = cli_import_text(tmp_path, "orders.csv", (
        "Date,Customer,Email,Product,Payment Type,Amount,Status\n" + rows))
    assert any("6 rows are instalments of 2 payment plans" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT substr(date, 1, 10), amount FROM events WHERE "
                                    "kind = 'purchase' ORDER BY date") == [
        ("2023-01-05", 180.0), ("2024-01-05", 180.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 1, 0]


def test_a_quarterly_plan_is_still_one_purchase(tmp_path):
    """Instalments three months apart, evenly: one plan, one purchase of 300."""
    rows = "".join(f"{day},Dev Rao,dev@x.com,Pro,Installment,100,paid\n" for day in (
        "2024-01-05", "2024-04-05", "2024-07-05"))
    cli_import_text(tmp_path, "orders.csv", (
        "Date,Customer,Email,Product,Payment Type,Amount,Status\n" + rows))
    assert kind_totals(tmp_path, "purchase") == (1, 300.0)
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


def test_a_recipient_on_an_order_list_is_whom_the_flowers_went_to(tmp_path):
    """A florist's orders.csv: each bouquet's recipient, no buyer named: 3 sales of 135,
    no client (were reference rows, 'Recipient names whom the business pays')."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order No,Date,Recipient,Address,Bouquet,Price\n"
        "1,2024-02-14,Jo Park,1 Elm St,Roses,50\n2,2024-02-14,Sue Kim,2 Oak Rd,Tulips,40\n"
        "3,2024-03-10,Al Bee,3 Ash Ln,Mixed,45\n"))
    assert found["kind"] == "events"
    assert kind_totals(tmp_path, "purchase") == (3, 135.0)


def test_a_vendor_on_a_marketplace_sales_sheet_is_the_seller(tmp_path):
    """A marketplace's sales: 'Vendor' is the shop itself: 2 sales of 32 (were none)."""
    cli_import_text(tmp_path, "marketplace sales.csv", (
        "Date,Vendor,Product,Amount\n2024-02-14,My Shop,Mug,12\n2024-02-15,My Shop,Bowl,20\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 32.0)


def test_outgoing_payments_to_a_recipient_stay_money_out(tmp_path):
    """A bank's outgoing payments to recipients (the rule's own case): no sales."""
    cli_import_text(tmp_path, "outgoing payments.csv", (
        "Date,Recipient,Reference,Amount\n2024-03-01,Paper Co,INV 12,120\n"
        "2024-03-05,Ink Ltd,INV 9,80\n"))
    assert kind_totals(tmp_path, "purchase") == (0, None)


# --- round 2: a note of history, a salon's "Booked by", a printer's order in progress -----

def test_a_note_of_a_quote_taken_up_or_nothing_owed_is_still_a_sale(tmp_path):
    """A bike shop's repairs read as sales: 'as quoted', 'nothing owed' and 'estimate
    accepted' are history, each job done: 4 sales of 200, [4, 4, 4, 0, 0] (were 3 contacts
    and 1 sale of 50, [4, 1, 1, 0, 0])."""
    cli_import_text(tmp_path, "repairs.csv", (
        "Date,Customer,Job,Price,Notes\n2024-03-01,Ann Lee,New chain,40,as quoted\n"
        "2024-03-02,Bob Ray,Service,60,nothing owed\n"
        "2024-03-03,Cy Tan,Brakes,50,estimate accepted on the phone\n"
        "2024-03-04,Di Woo,Tyres,50,\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 200.0)
    assert cli_funnel(tmp_path) == [4, 4, 4, 0, 0]


def test_a_quote_still_waiting_is_still_no_sale(tmp_path):
    """The rule's own case beside one taken up: 'quote - waiting' is a contact, 'as quoted'
    a sale: 1 sale of 40."""
    cli_import_text(tmp_path, "repairs.csv", (
        "Date,Customer,Job,Price,Notes\n2024-03-01,Ann Lee,New chain,40,as quoted\n"
        "2024-03-02,Bob Ray,Wheel build,120,quote - waiting\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 40.0)


def test_booked_by_on_a_salons_appointments_is_no_client(tmp_path):
    """'Booked by' Reception or Online is who took the booking: 2 sales of 100, no client
    (were clients 'Reception' and 'Online', [2, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "appointments.csv", (
        "Date,Service,Price,Booked by\n2024-03-01,Cut,50,Reception\n2024-03-02,Cut,50,Online\n"))
    assert found["mapping"]["Booked by"] is None
    assert kind_totals(tmp_path, "purchase") == (2, 100.0)
    assert workspace_rows(tmp_path, NAMES) == []


def test_an_order_in_progress_beside_paid_ones_is_not_yet_paid(tmp_path):
    """A printer's orders.csv whose statuses say payment (Quote sent, In progress, Paid):
    Bob's order in progress is not paid yet, a contact: 1 sale of 80, [3, 2, 1, 0, 0] (was
    Bob's a sale: 2 of 130, [3, 3, 2, 0, 0])."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order No,Date,Customer,Job,Amount,Status\n"
        "1,2024-03-01,Ann Lee,Flyers,100,Quote sent\n2,2024-03-02,Bob Ray,Cards,50,In progress\n"
        "3,2024-03-03,Cy Tan,Banner,80,Paid\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 80.0)
    assert cli_funnel(tmp_path) == [3, 2, 1, 0, 0]


def test_a_shops_order_in_progress_among_order_states_is_a_sale(tmp_path):
    """Order states alone (open, in progress, completed): the order in progress was placed,
    a sale: 2 sales of 150."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order Number,Order Date,Customer,Email,Total,Order Status\n"
        "1001,2024-03-01,Ann Lee,ann@x.com,100,completed\n"
        "1002,2024-03-02,Bob Ray,bob@x.com,50,in_progress\n"
        "1003,2024-03-03,Cy Tan,cy@x.com,80,open\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 150.0)


# --- round 3: a help desk's own organisation ------------------------------------------------

TICKETS = "Ticket ID,Created,Requester,Requester email,Organization,Subject,Status\n"


def test_a_help_desks_own_name_as_every_tickets_organisation_is_no_client(tmp_path):
    """A Zendesk export whose every ticket's Organization is the business's own name ('Bloom
    Studio', its default), from requesters at different e-mail domains: 3 clients, Ann, Bob
    and Cy, 3 tickets (were one client, 'Bloom Studio', [1, 0, 0, 0, 0])."""
    cli_import_text(tmp_path, "tickets.csv", TICKETS + (
        "1,2024-03-01,Ann Lee,ann@x.com,Bloom Studio,Refund please,Solved\n"
        "2,2024-03-02,Bob Ray,bob@y.com,Bloom Studio,Where is my order,Open\n"
        "3,2024-03-03,Cy Tan,cy@gmail.com,Bloom Studio,Question,Solved\n"))
    assert workspace_rows(tmp_path, NAMES) == [("Ann Lee",), ("Bob Ray",), ("Cy Tan",)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_tickets_for_client_organisations_stay_theirs(tmp_path):
    """A B2B help desk: two requesters at Patel Traders, one at Acme: the 2 organisations
    are the clients."""
    cli_import_text(tmp_path, "tickets.csv", TICKETS + (
        "1,2024-03-01,Dev Patel,dev@patel.com,Patel Traders,Invoice query,Solved\n"
        "2,2024-03-02,Raj Patel,raj@patel.com,Patel Traders,Login broken,Open\n"
        "3,2024-03-03,Jo Bloggs,jo@acme.com,Acme Ltd,Question,Solved\n"))
    assert workspace_rows(tmp_path, NAMES) == [("Acme Ltd",), ("Patel Traders",)]
