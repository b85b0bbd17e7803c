"""Who the clients are called: small hand-made sheets imported through the command line,
checked for the exact names stored (a tester's sweep found the counts right and the people
wrong: e-mails where names should be, Stripe's customer IDs, a company for each of its
people, and one client made of every anonymous Google reviewer)."""

from __future__ import annotations

import json

import pytest

from conftest import cli_import_text, workspace_rows


def names(tmp_path) -> list[tuple]:
    return workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")


# A person's first and last name under the person they belong to: one name, as the bare
# "First Name" and "Last Name" are.
@pytest.mark.parametrize("first, last", [
    ("Customer First Name", "Customer Last Name"),           # SamCart
    ("Billing First Name", "Billing Last Name"),
    ("Client First Name", "Client Surname"),
    ("Contact First Name", "Contact Last Name"),
    ("Buyer First Name", "Buyer Last Name"),
    ("Prénom du client", "Nom du client"),
    ("Nombre del cliente", "Apellido del cliente"),
    ("Kunde Vorname", "Kunde Nachname"),
])
def test_a_customers_first_and_last_name_are_one_name(tmp_path, first, last):
    cli_import_text(tmp_path, "orders.csv", (
        f"Order ID,Order Date,{first},{last},Customer Email,Order Total\n"
        "1001,2024-03-01,Gina,Ross,gina@ross.net,$197.00\n"
        "1002,2024-03-02,Hugo,Bell,hugo@bell.co,$197.00\n"
        "1003,2024-03-14,Gina,Ross,GINA@ross.net,$47.00\n"))
    assert names(tmp_path) == [("Gina Ross",), ("Hugo Bell",)]


def test_a_list_of_customers_first_and_last_names_without_e_mails(tmp_path):
    """No e-mail to match by: the joined name is the client, both rows of Ann one client."""
    cli_import_text(tmp_path, "customers.csv", (
        "Customer First Name,Customer Last Name,Customer Phone\n"
        "Ann,Lee,555-0101\nBo,Kim,555-0102\n"))
    assert names(tmp_path) == [("Ann Lee",), ("Bo Kim",)]


STRIPE = """id,Customer,Customer Name,Customer Email,Amount Paid,Status,Date (UTC)
in_1Oa,cus_A,Ann Lee,ann@lee.co,49.00,paid,2024-01-01 10:00
in_1Ob,cus_A,Ann Lee,ann@lee.co,49.00,paid,2024-02-01 10:00
in_1Oc,cus_B,Bo Kim,bo@kim.kr,199.00,paid,2024-01-15 09:00
in_1Od,cus_C,Cal Wu,cal@wu.tw,99.00,paid,2024-01-22 09:00
"""


def test_stripes_customer_ids_are_the_client_id_not_the_name(tmp_path):
    """Stripe's 'Customer' holds its customer IDs; 'Customer Name' names the client."""
    found = cli_import_text(tmp_path, "invoices.csv", STRIPE)
    assert found["mapping"]["Customer"] == "client_id"
    assert "'Customer' holds IDs (cus_A, cus_B), not names: read as the client ID" in (
        found["explanation"])
    assert workspace_rows(tmp_path, "SELECT client_id, name FROM clients ORDER BY client_id, name") == [
        ("cus_A", "Ann Lee"), ("cus_B", "Bo Kim"), ("cus_C", "Cal Wu")]


def test_ids_beside_a_client_id_are_kept_as_extra(tmp_path):
    """With a client ID already mapped, the IDs under 'Customer' are an extra column."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Customer ID,Customer,Customer Name,Amount Paid,Status,Date\n"
        "7,CUST-0001,Ann Lee,49.00,paid,2024-01-01\n"
        "8,CUST-0002,Bo Kim,199.00,paid,2024-01-15\n"))
    assert found["mapping"]["Customer"] is None
    assert workspace_rows(tmp_path, "SELECT client_id, name FROM clients ORDER BY client_id, name") == [
        ("7", "Ann Lee"), ("8", "Bo Kim")]
    extras = workspace_rows(tmp_path, "SELECT extra FROM events ORDER BY date")
    assert [json.loads(e)["Customer"] for (e,) in extras] == ["CUST-0001", "CUST-0002"]


def test_a_sole_column_of_ids_is_the_client_id(tmp_path):
    cli_import_text(tmp_path, "sales.csv", (
        "Customer,Date,Amount\nCUST0001,2024-01-01,10\nCUST0002,2024-01-02,20\n"
        "CUST0001,2024-02-01,30\n"))
    assert workspace_rows(tmp_path, "SELECT client_id, name FROM clients ORDER BY client_id, name") == [
        ("CUST0001", None), ("CUST0002", None)]


@pytest.mark.parametrize("header, customers", [
    ("Customer", ["Acme", "Brew", "Acme"]),                 # one word each: still names
    ("Customer", ["Jean-Luc", "Jean-Paul", "Jean-Luc"]),    # one first word: no prefix
    ("Customer", ["Amy", "C1", "Amy"]),                     # an owner's short labels
    ("Customer Name", ["Name0265", "Name0016", "Name0265"]),    # names, says the header
])
def test_names_without_spaces_stay_names(tmp_path, header, customers):
    cli_import_text(tmp_path, "sales.csv", f"{header},Date,Amount\n" + "".join(
        f"{who},2024-01-0{day},10\n" for day, who in enumerate(customers, start=1)))
    assert workspace_rows(tmp_path, "SELECT client_id, name FROM clients ORDER BY client_id, name") == [
        (None, who) for who in sorted(set(customers))]


ACTIVECAMPAIGN = """Email,First Name,Last Name,Organization,Date Created
sara@brightdental.com,Sara,Nunes,Bright Dental,2023-11-02 09:12:44
tom@brightdental.com,Tom,Reyes,Bright Dental,2023-11-05 14:00:00
uli@harbor.io,Uli,Stein,Harbor IO,2024-01-10 08:00:00
vera@moss.co,Vera,Moss,,2024-01-12 09:00:00
zoe@quill.ink,Zoe,Quill,Quill Ink,2024-02-18 12:00:00
"""


def test_a_companys_people_on_a_mailing_list_are_the_clients(tmp_path):
    """Two people at Bright Dental are two clients named as themselves, on a list where
    most rows give a company; the company is kept beside each person."""
    cli_import_text(tmp_path, "contacts.csv", ACTIVECAMPAIGN)
    assert names(tmp_path) == [("Sara Nunes",), ("Tom Reyes",), ("Uli Stein",),
                               ("Vera Moss",), ("Zoe Quill",)]
    extras = workspace_rows(tmp_path, "SELECT extra FROM clients ORDER BY name")
    assert [json.loads(e).get("Organization") for (e,) in extras] == [
        "Bright Dental", "Bright Dental", "Harbor IO", None, "Quill Ink"]


def test_a_tracker_of_one_row_per_company_is_named_by_company(tmp_path):
    cli_import_text(tmp_path, "accounts.csv", (
        "Company,Contact First Name,Contact Last Name,Email\n"
        "Acme Ltd,Amelia,Hart,amelia@acme.example\n"
        "Brew Co,Felix,Brandt,felix@brew.example\n"
        "Cedar Inc,Cleo,Ivers,cleo@cedar.example\n"))
    assert names(tmp_path) == [("Acme Ltd",), ("Brew Co",), ("Cedar Inc",)]


def test_a_log_of_a_companys_contacts_is_named_by_company(tmp_path):
    """The same people again and again: a log of calls with a company's people, the
    company the client."""
    cli_import_text(tmp_path, "calls.csv", (
        "Company,First Name,Last Name,Date,Activity\n"
        "Acme Ltd,Amelia,Hart,2024-01-02,Call\n"
        "Acme Ltd,Bob,Ray,2024-01-05,Meeting\n"
        "Acme Ltd,Amelia,Hart,2024-02-02,Call\n"
        "Brew Co,Felix,Brandt,2024-01-03,Email\n"))
    assert names(tmp_path) == [("Acme Ltd",), ("Brew Co",)]


@pytest.mark.parametrize("stand_in", ["A Google user", "Google User", "A Facebook user",
                                      "Anonymous user", "Yelp user"])
def test_a_review_sites_stand_in_names_no_one(tmp_path, stand_in):
    """Two reviews by 'A Google user' are two anonymous reviews, not one client who
    reviewed twice."""
    found = cli_import_text(tmp_path, "reviews.csv", (
        "reviewer_name,star_rating,comment,create_time\n"
        "Marta Silva,FIVE,Best in town,2024-02-01T10:11:12.123Z\n"
        f"{stand_in},ONE,Rude staff,2024-02-05T17:30:00.000Z\n"
        f"{stand_in},THREE,Ok,2024-02-12T12:00:00.000Z\n"
        "Rui Costa,FOUR,Nice,2024-02-15T09:00:00.000Z\n"))
    assert (f"2 rows with '{stand_in}' for a name (a stand-in, no one's) were kept "
            "without it.") in found["notes"]
    assert names(tmp_path) == [("Marta Silva",), ("Rui Costa",)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*), COUNT(client_ref) FROM events "
                                    "WHERE kind = 'review'") == [(4, 2)]
