"""A hostile review of session 14's import rules: ordinary files of other small businesses
on which a rule written for one tool misread. Hand-worked figures in each docstring,
through the command line (cumulative funnel: awareness, consideration, purchase,
retention, advocacy)."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


def _names(tmp_path) -> list[str]:
    return [n for (n,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


def test_a_contacts_owner_and_a_software_accounts_admin_are_clients(tmp_path):
    """A B2B contacts list whose Role says Owner on two rows and nothing on two: the owners
    of Lee Bakery and Dee Florist are clients (customers), Bob and Dan leads: 4 clients,
    [4, 2, 2, 0, 0] (before: the owners rejected as the business's own people, [2, 0, 0, 0,
    0]). A software account's users (Company, Role Admin/Member): 4 clients (were 2). A
    sole traders' list with one Owner and blanks: 3 clients, [3, 2, 2, 0, 0] (was 2)."""
    found = cli_import_text(tmp_path, "contacts.csv",
                            "Name,Company,Email,Role,Status\n"
                            "Ann Lee,Lee Bakery,ann@leebakery.com,Owner,Customer\n"
                            "Bob Ray,Ray Plumbing,bob@rayplumb.com,,Lead\n"
                            "Cy Dee,Dee Florist,cy@deeflorist.com,Owner,Customer\n"
                            "Dan Fox,Fox Cafe,dan@foxcafe.com,,Lead\n")
    assert (found["inserted"], found["rejected"]) == (4, 0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]
    users = tmp_path / "users"
    users.mkdir()
    found = cli_import_text(users, "users.csv",
                            "Email,Name,Company,Role,Signed Up\n"
                            "ann@acme.com,Ann Lee,Acme,Admin,2024-01-05\n"
                            "bob@acme.com,Bob Ray,Acme,Member,2024-01-06\n"
                            "cy@beta.io,Cy Dee,Beta,Admin,2024-02-01\n"
                            "dan@beta.io,Dan Fox,Beta,Member,2024-02-03\n")
    assert (found["inserted"], found["rejected"]) == (4, 0)
    sole = tmp_path / "sole"
    sole.mkdir()
    found = cli_import_text(sole, "clients.csv", "Name,Email,Role,Stage\n"
                                                 "Ann Lee,ann@x.com,Owner,Customer\n"
                                                 "Bob Ray,bob@x.com,,Lead\n"
                                                 "Cy Dee,cy@x.com,,Customer\n")
    assert (found["inserted"], found["rejected"]) == (3, 0)
    assert cli_funnel(sole) == [3, 2, 2, 0, 0]


def test_a_community_roster_still_sets_its_admin_aside(tmp_path):
    """The narrowing keeps a roster's own people out: Role Admin, Owner beside Members is a
    community's (2 rejected, 2 clients); Meetup's Organizer beside blanks is the group's
    (1 rejected, 2 clients)."""
    found = cli_import_text(tmp_path, "community.csv",
                            "Name,Email,Role\nAl,al@x.com,Admin\nBo,bo@x.com,Owner\n"
                            "Cy,cy@x.com,Member\nDi,di@x.com,Member\n")
    assert (found["inserted"], found["rejected"]) == (2, 2)
    meetup = tmp_path / "meetup"
    meetup.mkdir()
    found = cli_import_text(meetup, "members.csv", "Name,Title,Joined\nBen,Organizer,2023-01-02\n"
                                                   "Ana,,2023-02-03\nCy,,2023-03-04\n")
    assert (found["inserted"], found["rejected"]) == (2, 1)
    assert _names(meetup) == ["Ana", "Cy"]


def test_a_gift_cards_balance_is_what_is_left_to_spend(tmp_path):
    """Gift cards sold: Ann's 50 (all of it left), Bob's 100 (20 left), Cy's 25 (redeemed):
    three sales of 175, [3, 3, 3, 0, 0] (before: the card's balance was read as still owed,
    Ann's card a contact and Bob's a sale of 80: 2 sales of 105)."""
    cli_import_text(tmp_path, "gift_card_sales.csv",
                    "Code,Customer,Purchase Date,Amount,Balance,Status\n"
                    "GC-101,Ann Lee,2024-03-01,50.00,50.00,Active\n"
                    "GC-102,Bob Ray,2024-03-04,100.00,20.00,Active\n"
                    "GC-103,Cy Dee,2024-03-09,25.00,0.00,Redeemed\n")
    assert kind_totals(tmp_path, "purchase") == (3, 175.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_pending_order_whose_only_money_is_its_amount_paid_is_no_sale(tmp_path):
    """A shop's orders with "Amount Paid" as their only money: Bob's 25 "Pending" order is
    not paid (a contact), Ann's 40 and Cy's 60 are sales: 2 sales of 100, [3, 2, 2, 0, 0]
    (before: the pending order was a sale of 25, its price read as paid so far). Beside a
    Total, "Amount Paid" still says what was paid of it (Workiz, Xero: their own tests)."""
    cli_import_text(tmp_path, "orders.csv", "Order,Date,Customer,Amount Paid,Status\n"
                                            "1001,2024-03-01,Ann Lee,40.00,Completed\n"
                                            "1002,2024-03-04,Bob Ray,25.00,Pending\n"
                                            "1003,2024-03-09,Cy Dee,60.00,Completed\n")
    assert kind_totals(tmp_path, "purchase") == (2, 100.0)
    assert kind_totals(tmp_path, "contact") == (1, 25.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_a_vat_rate_beside_the_net_is_no_money(tmp_path):
    """Invoices of Net 100, 200 and 50 with a "VAT %" of 20, 20 and 0: paid 120 + 240 + 50
    = 410 (before: the rate was added as money, 120 + 220 + 50 = 390; written "20%", no
    amount at all). Both forms now 410."""
    for folder, rate in (("bare", "20"), ("marked", "20%")):
        where = tmp_path / folder
        where.mkdir()
        cli_import_text(where, "invoices.csv", "Invoice,Date,Client,Net,VAT %\n"
                                               f"INV-1,2024-03-01,Lee Bakery,100.00,{rate}\n"
                                               f"INV-2,2024-03-04,Ray Plumbing,200.00,{rate}\n"
                                               "INV-3,2024-03-09,Dee Florist,50.00,0\n")
        assert kind_totals(where, "purchase") == (3, 410.0)


def test_a_plural_before_a_number_sign_is_a_count(tmp_path):
    """A salon's client cards with "Visits #" (5, 1, 2) and "Referrals #" (1, 0, 0): Ann
    referred someone (advocacy), Cy came back (retention), Bob bought once: [3, 3, 3, 2, 1]
    (before: "Referrals #" was read as a referral's number, nothing: [3, 3, 3, 2, 0]).
    "Client #" is still the client's number."""
    found = cli_import_text(tmp_path, "clients.csv",
                            "Client #,Client,Phone,Visits #,Referrals #,Last Visit\n"
                            "C1,Ann Lee,0412 555 101,5,1,2024-03-01\n"
                            "C2,Bob Ray,0412 555 102,1,0,2024-02-11\n"
                            "C3,Cy Dee,0412 555 103,2,0,2024-03-20\n")
    assert found["mapping"]["Visits #"] == "purchases"
    assert found["mapping"]["Referrals #"] == "referrals"
    assert found["mapping"]["Client #"] == "client_id"
    assert cli_funnel(tmp_path) == [3, 3, 3, 2, 1]


def test_a_staff_rota_or_a_supplier_list_with_numbers_is_no_clients(tmp_path):
    """A staff rota (Staff, Mobile, Shift) and a supplier list (Supplier, Phone, Product):
    no clients, both kept as reference (before: 3 and 2 nameless clients keyed by their
    numbers). A list of numbers with visits is still clients (its own test)."""
    found = cli_import_text(tmp_path, "rota.csv", "Staff,Mobile,Shift\n"
                                                  "Anna,0412 555 201,Mon AM\n"
                                                  "Ben,0412 555 202,Tue PM\n"
                                                  "Cara,0412 555 203,Wed AM\n")
    assert found["kind"] == "reference"
    found = cli_import_text(tmp_path, "suppliers.csv", "Supplier,Phone,Product\n"
                                                       "Fresh Farms,0412 555 301,Vegetables\n"
                                                       "Baker Bros,0412 555 302,Bread\n")
    assert found["kind"] == "reference"
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


def test_a_loyalty_tier_beside_points_is_no_paid_plan(tmp_path):
    """A loyalty programme's members (Tier Free, VIP, Plus beside their Points): the tier
    is earned, not paid for; nothing says who bought: [3, 0, 0, 0, 0] (before: Bob and Cy
    read as paying customers, [3, 2, 2, 0, 0], Ann not). Beehiiv's free/premium tiers
    still pay (their own test)."""
    cli_import_text(tmp_path, "loyalty.csv", "Name,Email,Tier,Points\n"
                                             "Ann Lee,ann@x.com,Free,20\n"
                                             "Bob Ray,bob@x.com,VIP,900\n"
                                             "Cy Dee,cy@x.com,Plus,400\n")
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_lead_tracker_with_a_probability_names_people(tmp_path):
    """A lead tracker of people (Name, Company, Stage, Probability, Value; no contact
    column): each person a client. Ann's proposal is consideration, Bob's win a purchase,
    Cy a lead, Dan lost: [4, 2, 1, 0, 0] (before: "Probability" made it a deals export
    whose Name is the deal's, the companies the clients: [3, 1, 1, 0, 0], Ann and Bob one
    client Acme). Nutshell's leads, their contact named apart, stay deals (their test)."""
    cli_import_text(tmp_path, "leads.csv", "Name,Company,Stage,Probability,Value\n"
                                           "Ann Lee,Acme Ltd,Proposal,50%,5000\n"
                                           "Bob Ray,Acme Ltd,Won,100%,3000\n"
                                           "Cy Dee,Beta Co,Lead,10%,2000\n"
                                           "Dan Fox,Gamma Inc,Lost,0%,1000\n")
    assert _names(tmp_path) == ["Ann Lee", "Bob Ray", "Cy Dee", "Dan Fox"]
    assert cli_funnel(tmp_path) == [4, 2, 1, 0, 0]
