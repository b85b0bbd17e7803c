"""People, merges and rows misread as people or purchases (session 18, P). Each sheet goes
through the command line and is checked against figures worked out by hand before
importing; beside each, where it matters, a sheet where the rule must not fire.

- A surname with its particles or a double surname written first ("de Vries, Jan",
  "García López, María") is the person another file names "Jan de Vries": one client
  (was two). A company with its legal form after a comma ("Smith & Co, Ltd") is no
  "Ltd Smith & Co", and stays apart from John Smith.
- One person written two ways ("💪 Sam Green", "sam green") is named as best written,
  "Sam Green", whatever the rows' order: on a client list, a dated visits log, and across
  two files.
- A client list keyed by e-mail: "ann+shop@x.com" and "ann@x.com" under one name (two
  spellings) are one client (was two); one mailbox under two names stays two.
- A workbook of one tab per product (Date, Customer, Qty, Price) is orders: each row a
  purchase of Qty x Price (was contacts).
- A client list's count of visits ("Besuche") counts purchases and makes no revenue.
"""

from __future__ import annotations

from datetime import date as D

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

NAMES = "SELECT name FROM clients ORDER BY name"


# --- surname first, with particles ----------------------------------------------------------

def test_a_surname_with_particles_written_first_is_the_same_person(tmp_path):
    """The list writes 'de Vries, Jan', 'van der Berg, Anke', 'García López, María'; the
    sales file 'Jan de Vries', 'Anke van der Berg', 'María García López', each a paid sale
    (50 + 80 + 80 = 210). By hand: 3 clients, each bought once: [3, 3, 3, 0, 0] (was 6
    clients, [6, 4, 4, 0, 0])."""
    cli_import_text(tmp_path, "clients.csv", (
        "Name,Stage\n\"de Vries, Jan\",lead\n\"van der Berg, Anke\",customer\n"
        "\"García López, María\",lead\n"))
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Amount,Status\n2024-03-01,Jan de Vries,50,paid\n"
        "2024-03-02,Anke van der Berg,80,paid\n2024-03-03,María García López,80,paid\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(3,)]
    assert kind_totals(tmp_path, "purchase") == (3, 210.0)
    assert cli_funnel(tmp_path)[:3] == [3, 3, 3]


def test_a_company_with_its_legal_form_after_a_comma_is_no_person(tmp_path):
    """'Smith & Co, Ltd' on the list, 'John Smith' and 'Ltd Smith' nowhere alike: the sale
    of John Smith makes a client of its own. 2 clients."""
    cli_import_text(tmp_path, "clients.csv", "Name,Stage\n\"Smith & Co, Ltd\",lead\n")
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Amount,Status\n2024-03-01,John Smith,50,paid\n"))
    assert workspace_rows(tmp_path, NAMES) == [("John Smith",), ("Smith & Co, Ltd",)]


# --- the best-written name, whatever the order ----------------------------------------------

def test_a_client_list_keeps_the_best_written_name_in_any_order(tmp_path):
    """'sam green' before '💪 Sam Green', one number: one client named 'Sam Green' (was
    'sam green'); either order the same."""
    for order, rows in (("a", ["sam green,07700900123", "💪 Sam Green,07700 900123"]),
                        ("b", ["💪 Sam Green,07700 900123", "sam green,07700900123"])):
        place = tmp_path / order
        place.mkdir()
        cli_import_text(place, "clients.csv", "Name,Phone\n" + "\n".join(rows) + "\n")
        assert workspace_rows(place, NAMES) == [("Sam Green",)], order


def test_a_dated_visits_log_merges_one_person_under_the_best_written_name(tmp_path):
    """A visits log (Date, Name, Phone): '💪 Sam Green' and 'sam green' with one number
    are one client, 'Sam Green' (was 'sam green'); Ann Lee twice. 2 clients."""
    cli_import_text(tmp_path, "visits.csv", (
        "Date,Name,Phone\n2024-03-01,💪 Sam Green,07700 900123\n"
        "2024-03-08,sam green,07700900123\n2024-03-02,Ann Lee,07700 900456\n"
        "2024-03-09,Ann Lee,07700 900456\n"))
    assert workspace_rows(tmp_path, NAMES) == [("Ann Lee",), ("Sam Green",)]


def test_a_later_file_writing_the_name_worse_does_not_rename_the_client(tmp_path):
    """'Sam Green' on the first list, 'sam green' on the second: one client, still 'Sam
    Green' (was renamed 'sam green'); and the other way round it becomes 'Sam Green'."""
    for order, files in (("a", ("Sam Green", "sam green")), ("b", ("sam green", "Sam Green"))):
        place = tmp_path / order
        place.mkdir()
        for number, name in enumerate(files):
            cli_import_text(place, f"list{number}.csv", f"Name,Phone\n{name},07700 900123\n")
        assert workspace_rows(place, NAMES) == [("Sam Green",)], order


# --- one mailbox, one person ----------------------------------------------------------------

def test_a_plus_tag_address_under_one_name_is_one_client(tmp_path):
    """'Ann Lee' at ann+shop@x.com and 'ann lee ⭐' at ann@x.com: one client, Ann Lee at
    ann@x.com; Bob Ray. 2 clients (was 3)."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Stage\nAnn Lee,ann+shop@x.com,lead\nann lee ⭐,ann@x.com,lead\n"
        "Bob Ray,bob@x.com,lead\n"))
    assert workspace_rows(tmp_path, "SELECT name, email FROM clients ORDER BY name") == [
        ("Ann Lee", "ann@x.com"), ("Bob Ray", "bob@x.com")]
    assert any("reach one mailbox" in note for note in found["notes"])


def test_one_mailbox_under_two_names_stays_two_clients(tmp_path):
    """A couple's shared mailbox: 'Ann Lee' at ann+shop@x.com and 'Tom Lee' at ann@x.com
    are two people: 2 clients."""
    cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Stage\nAnn Lee,ann+shop@x.com,lead\nTom Lee,ann@x.com,lead\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]


# --- a tab per product ----------------------------------------------------------------------

def test_a_tab_per_product_of_orders_is_purchases(tmp_path):
    """Roses: Ann 12 x 2.50 = 30, Bob 24 x 2.50 = 60, Ann 6 x 3 = 18; Tulips (a Total
    column): Cat 15, Ann 30. 5 purchases of 153; Ann bought three times: [3, 3, 3, 1, 0]
    (was 5 contacts, [3, 0, 0, 0, 0])."""
    imports = cli_import_book(tmp_path, "flowers.xlsx", {
        "Roses": [["Date", "Customer", "Qty", "Price"], [D(2024, 2, 10), "Ann Lee", 12, 2.5],
                  [D(2024, 2, 14), "Bob Ray", 24, 2.5], [D(2024, 3, 1), "Ann Lee", 6, 3]],
        "Tulips": [["Date", "Customer", "Qty", "Price", "Total"],
                   [D(2024, 3, 5), "Cat Fox", 10, 1.5, 15], [D(2024, 3, 9), "Ann Lee", 20, 1.5, 30]]})
    assert ("3 rows with nothing saying what happened were read as purchases, because each "
            "has a date, a price and the quantity sold in 'Qty'; choose another under 'Every "
            "row is' (--set kind=...) if that is wrong.") in imports[0]["notes"]
    assert kind_totals(tmp_path, "purchase") == (5, 153.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_tab_of_enquiries_with_a_quantity_and_a_price_is_no_sales(tmp_path):
    """An 'Enquiries' tab of the same columns: what was asked about, 2 contacts, no sale."""
    cli_import_book(tmp_path, "flowers.xlsx", {
        "Enquiries": [["Date", "Customer", "Qty", "Price"], [D(2024, 2, 10), "Ann Lee", 12, 2.5],
                      [D(2024, 2, 14), "Bob Ray", 24, 2.5]]})
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert cli_funnel(tmp_path)[:3] == [2, 0, 0]


# --- a count of visits ----------------------------------------------------------------------

def test_a_count_of_visits_counts_purchases_and_makes_no_revenue(tmp_path):
    """A salon's client cards: Besuche 5, 0, 2. A visit to a salon is a service bought, so
    a count of them counts purchases (Ann and Cat bought, both more than once); with no
    money beside it there is no revenue: [3, 2, 2, 2, 0], revenue none."""
    cli_import_text(tmp_path, "kunden.csv", (
        "Name,Email,Besuche\nAnn Lee,ann@x.com,5\nBob Ray,bob@x.com,0\nCat Fox,cat@x.com,2\n"))
    assert cli_funnel(tmp_path) == [3, 2, 2, 2, 0]
    assert workspace_rows(tmp_path, "SELECT COUNT(revenue_current), COUNT(revenue_events) "
                                    "FROM clients") == [(0, 0)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events") == [(0,)]
