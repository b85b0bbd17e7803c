"""Misreadings session 21's reviews (B's, K's, K2's) found and left alone (session 22, A).
Each sheet goes through the command line and is checked against figures worked out by hand
(the working in each docstring); beside each, a sheet where the new reading must not fire.

- A cash book: a family's bare names ("Tom Hall", "Amy Hall"), each twice on one day at one
  fee, are people, not a market day's goods; goods sharing a word ("Apple Pie", "Cherry
  Pie") priced apart still are goods.
- A grant is a funder's money, not a sale: "Arts Grant" beside "Arts Council" names no
  one, nor does a body's line naming a grant ("Heritage Fund - grant"); "Hugh Grant"
  beside "Hugh Jones" is still a person.
- "Bread - Tom" each week is Tom's where Tom pays elsewhere ("Tom - lesson"); "Sarah -
  Tom" stays Sarah's where Sarah opens lines of her own.
- One day written two ways ("6/4/2026" and "06/04/2026"; "6/4" and "06/04") is one day.
- A product catalogue (WooCommerce's, Shopify's products export) names no customer: kept
  as reference rows, no client; a sales sheet with a SKU and a stock column still sells.
- A warranty log (Refunded, Exchanged, Repaired) is a returns log: one refund, the repair
  and the exchange contacts of clients who bought; a repair shop's jobs are not.
- An order's refund repeated on its lines, beside a line's status saying one line was
  kept ("Fulfilled"), is the order's, read once (20, not 40); lines all "Refunded" in
  full still add up.
- What prospects spend (a lead list's "Annual spend", no one on it at purchase) is revenue
  to come, not revenue; a customer's beside them (session 23: the prospects' too, before),
  and a wholesale list's, stay revenue.
- "Applicant" is the name of an applications list's person; "Applicant ID" is not.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

PAID = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"
BOOK = "Date,Details,In,Out\n"


# --- 1. a family's bare names in a cash book -------------------------------------------------------

def test_a_familys_names_twice_on_one_day_are_people(tmp_path):
    """'Tom Hall' and 'Amy Hall' 25 each twice on 06/04 and once on 13/04: two first names
    before one last name, every line that day 25 (one fee): a family paying, not goods.
    Tom Hall and Amy Hall 3 of 75 each, 6 sales of 150, [2, 2, 2, 2, 0] (was no one: 150
    naming no one, [0, 0, 0, 0, 0])."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Tom Hall,25,\n06/04/2026,Tom Hall,25,\n06/04/2026,Amy Hall,25,\n"
        "06/04/2026,Amy Hall,25,\n13/04/2026,Tom Hall,25,\n13/04/2026,Amy Hall,25,\n"
        "15/04/2026,Books,,12\n"))
    assert workspace_rows(tmp_path, PAID) == [("Amy Hall", 3, 75.0), ("Tom Hall", 3, 75.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 2, 0]


def test_goods_sharing_a_word_priced_apart_stay_goods(tmp_path):
    """Not fired: 'Apple Pie' 3.50 twice and 'Cherry Pie' 4 twice on 06/04 share a last
    word but not a price: a market day's goods (15 naming no one); Mrs Hall's cake 45 the
    one sale, [1, 1, 1, 0, 0]."""
    found = cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Apple Pie,3.50,\n06/04/2026,Apple Pie,3.50,\n06/04/2026,Cherry Pie,4,\n"
        "06/04/2026,Cherry Pie,4,\n13/04/2026,Mrs Hall - birthday cake,45,\n"
        "14/04/2026,Flour,,22\n"))
    assert "4 lines of money in naming no one (15) left out" in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [("Mrs Hall", 1, 45.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


def test_goods_sharing_a_word_beside_other_goods_stay_goods(tmp_path):
    """Not fired: 'White Loaf' and 'Brown Loaf' 2.50 twice each on 06/04 (one price), beside
    'Honey Jar' 6 twice that day: not the only names twice that day, goods (27 naming no
    one); Mrs Hall's 45 the one sale, [1, 1, 1, 0, 0]."""
    found = cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,White Loaf,2.50,\n06/04/2026,White Loaf,2.50,\n06/04/2026,Brown Loaf,2.50,\n"
        "06/04/2026,Brown Loaf,2.50,\n06/04/2026,Honey Jar,6,\n06/04/2026,Honey Jar,6,\n"
        "13/04/2026,Mrs Hall - birthday cake,45,\n"))
    assert "6 lines of money in naming no one (22) left out" in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [("Mrs Hall", 1, 45.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


# --- 2. a grant is a funder's money ---------------------------------------------------------------

def test_a_grant_beside_its_funder_is_no_ones(tmp_path):
    """'Arts Grant' 1,000 beside 'Arts Council - project' 2,000: 'Arts' is a body's word
    ('Council'), lent to no name among money words: the grant names no one (was a client,
    'Arts Grant'). Arts Council 2,000 and Mary Smith 30: 2 sales of 2,030, [2, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Arts Council - project,2000,\n08/04/2026,Arts Grant,1000,\n"
        "09/04/2026,Mary Smith - workshop,30,\n"))
    assert ("1 line of money in naming no one (1,000) left out, not counted as sales (a grant "
            "or a donation: money given by a funder" in found["explanation"])
    assert workspace_rows(tmp_path, PAID) == [("Arts Council", 1, 2000.0), ("Mary Smith", 1, 30.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_body_paying_a_grant_is_a_funder_on_every_line(tmp_path):
    """'Grant - Arts Council' 2,000 and 'Arts Council' 500: a body whose line names a grant
    is a funder, no payer on any line; 'Lottery Grant' 1,000 no one. Mary Smith 30 the one
    sale, 3,500 naming no one, [1, 1, 1, 0, 0] (was Arts Council 2 sales of 2,500, at
    retention: [2, 2, 2, 1, 0])."""
    found = cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Grant - Arts Council,2000,\n07/04/2026,Arts Council,500,\n"
        "08/04/2026,Lottery Grant,1000,\n09/04/2026,Mary Smith - workshop,30,\n"
        "10/04/2026,Hall hire,,40\n"))
    assert ("3 lines of money in naming no one (3,500) left out, not counted as sales (of "
            "them, 2 grants or donations, 3,000: money given by a funder" in found["explanation"])
    assert workspace_rows(tmp_path, PAID) == [("Mary Smith", 1, 30.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


def test_a_person_called_grant_and_a_council_paying_a_fee_stay_payers(tmp_path):
    """Not fired: 'Hugh Grant - lesson' beside 'Hugh Jones - lesson' (30 each, 'Hugh' a
    person's word) and 'Oak Trust - hall hire' 100 (a body paying for something, no grant):
    3 sales of 160; 'Grant Payment' 500 no one. [3, 3, 3, 0, 0]."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Hugh Grant - lesson,30,\n07/04/2026,Hugh Jones - lesson,30,\n"
        "08/04/2026,Grant Payment,500,\n09/04/2026,Oak Trust - hall hire,100,\n"))
    assert workspace_rows(tmp_path, PAID) == [
        ("Hugh Grant", 1, 30.0), ("Hugh Jones", 1, 30.0), ("Oak Trust", 1, 100.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 3. goods before a first name, each week ----------------------------------------------------

def test_goods_before_a_payer_each_week_are_the_payers(tmp_path):
    """'Bread - Tom' 5 on 06/04 and 13/04, 'Tom - lesson' 30: Tom pays elsewhere, 'Bread'
    only on the lines beside Tom (not elsewhere): Tom's, 3 sales of 40, [1, 1, 1, 1, 0]
    (was Bread 2 of 10 and Tom 30 apart: [2, 2, 2, 1, 0])."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Bread - Tom,5,\n13/04/2026,Bread - Tom,5,\n09/04/2026,Tom - lesson,30,\n"
        "11/04/2026,Flour,,12\n"))
    assert workspace_rows(tmp_path, PAID) == [("Tom", 3, 40.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 1, 0]


def test_a_payer_who_opens_lines_of_her_own_keeps_them(tmp_path):
    """Not fired: 'Sarah - Tom' 20 twice (Sarah paying for Tom), 'Sarah - lesson' 30 and
    'Tom - lesson' 30: Sarah opens a line beside no other name, so the lines stay hers:
    Sarah 3 of 70, Tom 30, [2, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026,Sarah - Tom,20,\n13/04/2026,Sarah - Tom,20,\n07/04/2026,Sarah - lesson,30,\n"
        "08/04/2026,Tom - lesson,30,\n"))
    assert workspace_rows(tmp_path, PAID) == [("Sarah", 3, 70.0), ("Tom", 1, 30.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- 4. one day written two ways --------------------------------------------------------------

def test_one_day_written_two_ways_is_one_day(tmp_path):
    """'Victoria Sponge' 18 and 'Honey Jar' 6 each on '6/4/2026' and '06/04/2026': one day,
    each twice on it, a market day's goods (48 naming no one); Mrs Hall's 45 the one sale,
    [1, 1, 1, 0, 0] (was 3 clients, Victoria Sponge and Honey Jar twice each: 5 of 93).
    The same with no year ('6/4', '06/04')."""
    lines = ("{d},Victoria Sponge,18,\n{D},Victoria Sponge,18,\n{d},Honey Jar,6,\n"
             "{D},Honey Jar,6,\n13/04{y},Mrs Hall - birthday cake,45,\n14/04{y},Flour,,22\n")
    for place, (day, written, year) in enumerate((("6/4/2026", "06/04/2026", "/2026"),
                                                 ("6/4", "06/04", ""))):
        book = tmp_path / str(place)
        book.mkdir()
        found = cli_import_text(book, "cashbook.csv", BOOK + lines.format(
            d=day, D=written, y=year))
        assert "4 lines of money in naming no one (48) left out" in found["explanation"]
        assert workspace_rows(book, PAID) == [("Mrs Hall", 1, 45.0)]
        assert cli_funnel(book) == [1, 1, 1, 0, 0]


def test_days_that_differ_stay_apart(tmp_path):
    """Not fired: 'Sarah Jones' 30 on '6/4/2026' and '16/04/2026', 'Tom Brown' 30 on
    '6/4/2026' and '06/05/2026': never twice on one day, people: 2 of 60 each,
    [2, 2, 2, 2, 0]."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "6/4/2026,Sarah Jones,30,\n16/04/2026,Sarah Jones,30,\n6/4/2026,Tom Brown,30,\n"
        "06/05/2026,Tom Brown,30,\n14/04/2026,Books,,22\n"))
    assert workspace_rows(tmp_path, PAID) == [("Sarah Jones", 2, 60.0), ("Tom Brown", 2, 60.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 2, 0]


# --- 5. a product catalogue --------------------------------------------------------------------

WOO_PRODUCTS = (
    "ID,Type,SKU,Name,Published,Is featured?,Visibility in catalog,Short description,"
    "Description,Sale price,Regular price,Categories,Stock\n"
    "101,simple,VS-01,Victoria Sponge,1,0,visible,A light sponge,Jam and cream,16,18,Cakes,4\n"
    "102,simple,HJ-01,Honey Jar,1,0,visible,Local honey,340g,,6,Pantry,20\n"
    "103,variable,SL-01,Sourdough Loaf,1,1,visible,Slow bread,Baked daily,,4.50,Bread,12\n")


def test_a_product_catalogue_names_no_customer(tmp_path):
    """WooCommerce's product export (ID, Type, SKU, Name, Published, Sale and Regular
    price, Stock): 3 products, no customer, no sale: kept as reference rows, 0 clients,
    [0, 0, 0, 0, 0] (was 3 products as clients, Victoria Sponge's sale price 16 its
    revenue: [3, 1, 1, 0, 0]). Shopify's products export (Handle, Title, Variant SKU,
    Variant Inventory Qty, Variant Price) the same: 2 products, 0 clients."""
    found = cli_import_text(tmp_path, "wc-product-export.csv", WOO_PRODUCTS)
    assert (found["kind"], found["recognised_as"]) == ("reference", "product_catalogue")
    assert "3 products, naming no customer and no sale" in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]
    shopify = tmp_path / "shopify"
    shopify.mkdir()
    found = cli_import_text(shopify, "products_export.csv", (
        "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Variant SKU,"
        "Variant Inventory Qty,Variant Price\n"
        "victoria-sponge,Victoria Sponge,<p>Light</p>,Bakery,Cake,,TRUE,VS-01,4,18\n"
        "honey-jar,Honey Jar,<p>Local</p>,Bakery,Pantry,,TRUE,HJ-01,20,6\n"))
    assert "2 products" in found["explanation"]
    assert workspace_rows(shopify, "SELECT COUNT(*) FROM clients") == [(0,)]


def test_sales_with_a_sku_and_stock_still_sell(tmp_path):
    """Not fired: Date, Customer, SKU, Item, Price, Stock: a customer named, sales (18 + 6
    = 24 from 2 clients, [2, 2, 2, 0, 0]). Stockists (Name, SKU, Price, Status Active):
    no stock or published column, still a client list of 2."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,SKU,Item,Price,Stock\n01/03/2026,Ann Lee,VS-01,Victoria Sponge,18,3\n"
        "02/03/2026,Bob Day,HJ-01,Honey Jar,6,19\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 24.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
    stockists = tmp_path / "stockists"
    stockists.mkdir()
    found = cli_import_text(stockists, "stockists.csv", (
        "Name,SKU,Price,Status\nCorner Deli,VS-01,14,Active\nFarm Shop,HJ-01,5,Active\n"))
    assert found["kind"] == "clients"
    assert workspace_rows(stockists, "SELECT name FROM clients ORDER BY name") == [
        ("Corner Deli",), ("Farm Shop",)]


# --- 6. a warranty log --------------------------------------------------------------------------

def test_a_warranty_log_is_a_returns_log(tmp_path):
    """Claim, Customer, Product, Fault, Status, Amount: Ann's kettle Refunded 35, Bo's
    toaster Exchanged 28, Cy's blender Repaired 60. Each claimant bought what they claim
    on (purchase); only Ann got money back: 1 refund of 35, the exchange and the repair
    contacts, no sale. [3, 3, 3, 0, 0] (was a client list: [3, 0, 0, 0, 0], 123 of
    'revenue')."""
    found = cli_import_text(tmp_path, "warranty.csv", (
        "Claim,Customer,Product,Fault,Status,Amount\n"
        "W1,Ann Lee,Kettle,Stopped heating,Refunded,35.00\n"
        "W2,Bo Chan,Toaster,Broken lever,Exchanged,28.00\n"
        "W3,Cy Dee,Blender,Motor noise,Repaired,60.00\n"))
    assert found["kind"] == "events"
    assert "1 repaired as a contact too; no row is a sale" in " ".join(found["notes"])
    assert kind_totals(tmp_path, "refund") == (1, 35.0)
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert kind_totals(tmp_path, "contact")[0] == 2
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_repair_shops_jobs_are_no_returns(tmp_path):
    """Not fired: a repair shop's jobs, Repaired and In progress, no refund or exchange:
    not a returns log, no refund ([3, 1, 0, 0, 0] as before: a client list)."""
    cli_import_text(tmp_path, "repairs.csv", (
        "Job,Customer,Item,Fault,Status,Price\nJ1,Ann Lee,Phone,Cracked screen,Repaired,80\n"
        "J2,Bo Chan,Laptop,No power,Repaired,120\nJ3,Cy Dee,Tablet,Battery,In progress,60\n"))
    assert kind_totals(tmp_path, "refund") == (0, None)
    assert cli_funnel(tmp_path) == [3, 1, 0, 0, 0]


# --- 7. a line's status beside an order's refund repeated on its lines -------------------------

LINES = "Order ID,Date,Customer,Email,Item,Line Total,Amount Refunded,Line status\n"


def test_a_refund_repeated_beside_a_kept_line_is_the_orders(tmp_path):
    """Order 7001: Mug 20 'Refunded', Plate 20 'Fulfilled', 'Amount Refunded' 20 on both
    lines. The Plate was kept: the 20 is the Mug's, the order's refund 20, not each line's
    in full (was 40). Order 7002 Bowl 40, nothing back. Purchases 2 of 80, refund 1 of 20,
    [2, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "orders.csv", LINES + (
        "7001,2025-04-02,Ann Lee,ann@x.com,Mug,20.00,20.00,Refunded\n"
        "7001,2025-04-02,Ann Lee,ann@x.com,Plate,20.00,20.00,Fulfilled\n"
        "7002,2025-04-05,Ben Cho,ben@x.com,Bowl,40.00,0,Fulfilled\n"))
    assert "the order's refund, read once" in " ".join(found["notes"])
    assert kind_totals(tmp_path, "refund") == (1, 20.0)
    assert kind_totals(tmp_path, "purchase") == (2, 80.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_lines_each_refunded_in_full_still_add_up(tmp_path):
    """Not fired: Mug and Plate both 'Refunded', 20 back on each: each line went back in
    full, 40 (as G's reading without a status). Nor an order's own status, 'Completed' on
    both lines of 7001 beside 7002 'Refunded' (40 back): it says nothing of one line, so
    7001's lines still add up: refunds 40 + 40 = 2 of 80."""
    cli_import_text(tmp_path, "orders.csv", LINES + (
        "7001,2025-04-02,Ann Lee,ann@x.com,Mug,20.00,20.00,Refunded\n"
        "7001,2025-04-02,Ann Lee,ann@x.com,Plate,20.00,20.00,Refunded\n"
        "7002,2025-04-05,Ben Cho,ben@x.com,Bowl,40.00,0,Fulfilled\n"))
    assert kind_totals(tmp_path, "refund") == (1, 40.0)
    by_order = tmp_path / "by_order"
    by_order.mkdir()
    cli_import_text(by_order, "orders.csv", LINES.replace("Line status", "Status") + (
        "7001,2025-04-02,Ann Lee,ann@x.com,Mug,20.00,20.00,Completed\n"
        "7001,2025-04-02,Ann Lee,ann@x.com,Plate,20.00,20.00,Completed\n"
        "7002,2025-04-05,Ben Cho,ben@x.com,Bowl,40.00,40,Refunded\n"))
    assert kind_totals(by_order, "refund") == (2, 80.0)


# --- 8. a prospect's spend -----------------------------------------------------------------------

SPEND = "SELECT name, revenue_current, revenue_potential FROM clients ORDER BY name"


def test_what_a_prospect_spends_is_revenue_to_come(tmp_path):
    """A lead list: Acme 'Annual spend' 50,000 at Prospect, Beta 20,000 at Qualified: no one
    has bought, so no revenue: 70,000 to come (potential), current none (was 70,000 of
    current revenue on non-customers). Funnel as before, [2, 1, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "leads.csv", (
        "Company,Contact,Email,Annual spend,Stage\n"
        "Acme Ltd,Jo Hart,jo@acme.co,50000,Prospect\nBeta plc,Max Bell,max@beta.co,20000,Qualified\n"))
    assert "(70,000) have bought nothing yet" in " ".join(found["notes"])
    assert workspace_rows(tmp_path, SPEND) == [("Acme Ltd", None, 50000.0),
                                               ("Beta plc", None, 20000.0)]
    assert cli_funnel(tmp_path) == [2, 1, 0, 0, 0]


def test_annual_spend_beside_a_customer_is_theirs_alone(tmp_path):
    """Beside a customer: Acme 50,000 at Customer is revenue (current), as before. Beta
    20,000 at Prospect has bought nothing: what it spends a year is revenue to come
    (session 23: this test had it revenue, which by hand it cannot be; a tracker's plain
    'Spend' beside a customer still is, test_unseen_exports). A wholesale list with no
    stage column (Shop, Annual spend 5,000 and 2,000) keeps both as revenue, its shops
    customers, [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "clients.csv", (
        "Company,Contact,Email,Annual spend,Stage\n"
        "Acme Ltd,Jo Hart,jo@acme.co,50000,Customer\nBeta plc,Max Bell,max@beta.co,20000,Prospect\n"))
    assert workspace_rows(tmp_path, SPEND) == [("Acme Ltd", 50000.0, None),
                                               ("Beta plc", None, 20000.0)]
    shops = tmp_path / "shops"
    shops.mkdir()
    cli_import_text(shops, "stockists.csv", (
        "Shop,Contact,Email,Annual spend\nCorner Deli,Jo Hart,jo@deli.co,5000\n"
        "Farm Shop,Max Bell,max@farm.co,2000\n"))
    assert [row[1:] for row in workspace_rows(shops, SPEND)] == [(5000.0, None), (2000.0, None)]
    assert cli_funnel(shops) == [2, 2, 2, 0, 0]


# --- 9. an applicant is a person ---------------------------------------------------------------

def test_an_applicant_is_the_name(tmp_path):
    """Application, Date, Applicant, Email, Loan amount, Status: 'Applicant' names each
    row's person: Ann Lee, Bo Chan, Cy Dee (were 3 clients of no name). Funnel as before,
    [3, 1, 0, 0, 0]. Beside a 'Name', an 'Applicant ID' stays no name."""
    found = cli_import_text(tmp_path, "applications.csv", (
        "Application,Date,Applicant,Email,Loan amount,Status\n"
        "A1,2025-03-01,Ann Lee,ann@x.com,150000,Approved\n"
        "A2,2025-03-02,Bo Chan,bo@x.com,90000,Pending\n"
        "A3,2025-03-03,Cy Dee,cy@x.com,200000,Declined\n"))
    assert found["mapping"]["Applicant"] == "name"
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bo Chan",), ("Cy Dee",)]
    assert cli_funnel(tmp_path) == [3, 1, 0, 0, 0]
    ids = tmp_path / "ids"
    ids.mkdir()
    found = cli_import_text(ids, "applicants.csv", (
        "Applicant ID,Name,Email,Status\nA1,Ann Lee,ann@x.com,New\nA2,Bo Chan,bo@x.com,New\n"))
    assert found["mapping"]["Name"] == "name"
    assert found["mapping"]["Applicant ID"] != "name"
