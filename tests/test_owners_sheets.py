"""Sheets as owners and CRMs keep them, read the way the owner means them: hand-worked
funnels through the command line. Each case was a wrong number before (session 10's sweep).

- a "Leads" sheet in a file called leads-and-sales is clients, not purchases;
- a client without an e-mail, on a list matched by e-mail, is matched by name, not dropped;
- money on a client list ("Umsatz", "Spent", "Montant" with a no-break space before the €)
  is the client's revenue; a company's "Annual Revenue" is not;
- a cell that cannot be read leaves the client without it, not out of the workspace;
- a client list's status column is its stage column: its words are read, or listed to map;
- a client listed twice is one client, and the import says so;
- standard CRM and owners' stage words (HubSpot, Salesforce, "hot", "said no");
- a report's footer block, a "Duration (Opened to Paid)" column, "Person - " headers.
"""

from __future__ import annotations

import openpyxl

from conftest import cli_funnel, cli_import_text, cli_json, kind_totals, workspace_rows

CLIENTS = "SELECT name, revenue_current, outcome FROM clients ORDER BY name"


def test_a_leads_sheet_beside_a_sales_sheet_is_clients(tmp_path):
    book = openpyxl.Workbook()
    leads = book.active
    leads.title = "Leads"
    leads.append(["Name", "Email", "Date"])
    for name, day in (("Ann Lee", 8), ("Bob Ray", 15), ("Cat Fox", 22)):
        leads.append([name, f"{name.split()[0].lower()}@example.com", f"2024-01-{day:02d}"])
    sales = book.create_sheet("Sales")
    sales.append(["Date", "Client", "Amount"])
    sales.append(["2024-02-01", "ann lee", 1800])
    sales.append(["2024-03-01", "Ann Lee", 900])
    path = tmp_path / "leads-and-sales.xlsx"
    book.save(path)
    imports = cli_json(tmp_path, "import", str(path))["imports"]
    assert [(i["sheet"], i["kind"], i["inserted"]) for i in imports] == [
        ("Leads", "clients", 3), ("Sales", "events", 2)]
    # Three leads, Ann bought twice: not three purchases from the file's name.
    assert cli_funnel(tmp_path) == [3, 1, 1, 1, 0]
    assert workspace_rows(tmp_path, "SELECT first_contact FROM clients WHERE name = 'Bob Ray'"
                          ) == [("2024-01-15",)]


def test_a_client_without_an_email_is_matched_by_name(tmp_path):
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Stage\n"
        "Harper & Lee,harper@example.com,customer\n"
        "Tom Baker,,customer\n"
        ",,lead\n"
        "Grace Kim,grace@example.com,repeat\n"))
    assert (found["inserted"], found["rejected"]) == (3, 1)
    assert "1 client without an e-mail address matched by name instead." in found["notes"]
    assert found["problems"][0]["reason"] == (
        "the row has no e-mail address or name, and this sheet's clients are matched by e-mail")
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_money_on_a_client_list_is_its_revenue(tmp_path):
    cli_import_text(tmp_path, "kunden.csv", (
        "Kunde;Umsatz;Phase\n"
        "Bäckerei Ott;1.250,50 €;Kunde\n"
        "Metzgerei Kahn;\u00a0890,00\u00a0€;Kunde\n"
        "Café Lutz;;Interessent\n"))
    assert workspace_rows(tmp_path, CLIENTS) == [
        ("Bäckerei Ott", 1250.5, None), ("Café Lutz", None, None),
        ("Metzgerei Kahn", 890.0, None)]


def test_a_companys_annual_revenue_is_not_what_it_spent(tmp_path):
    found = cli_import_text(tmp_path, "companies.csv", (
        "Company name,Annual Revenue,Number of Employees,Lifecycle Stage\n"
        "Acme,12000000,80,Customer\nBeta,500000,5,Lead\n"))
    assert found["mapping"]["Annual Revenue"] is None
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(None,)]


def test_an_unreadable_cell_leaves_the_client_without_it(tmp_path):
    found = cli_import_text(tmp_path, "customers.csv", (
        "Customer,First contact,Spent,Stage\n"
        "Mia Davis,April 3,$1k-2k,customer\n"
        "Noah Park,2024-04-05,$250.00,customer\n"))
    assert (found["inserted"], found["rejected"], found["problems"]) == (2, 0, [])
    assert ("2 cells could not be read and were left empty, its client kept: row 2, First "
            "contact (B): 'April 3' is not a date Journey understands; row 2, Spent (C): '$1k-2k' "
            "is not an amount of money.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name, first_contact, revenue_current FROM clients "
                                    "ORDER BY name") == [("Mia Davis", None, None),
                                                         ("Noah Park", "2024-04-05", 250.0)]


def test_a_client_lists_status_is_its_stage(tmp_path):
    found = cli_import_text(tmp_path, "coach.csv", (
        "Client,Status\n"
        "Amy,hot\nBen,Hot\nCal,said no\nDee,Repeat client\nEd,Former customer\n"
        "Flo,site visit\n"))
    assert found["unknown_stage_values"] == {"site visit": 1}
    # Amy, Ben considering; Cal lost; Dee retained; Ed bought once and churned; Flo aware.
    assert cli_funnel(tmp_path) == [6, 4, 2, 1, 0]
    assert workspace_rows(tmp_path, "SELECT name, outcome FROM clients WHERE outcome IS NOT NULL "
                                    "ORDER BY name") == [("Cal", "lost"), ("Ed", "churned")]


def test_unknown_stage_values_are_listed_once_whatever_their_case(tmp_path):
    found = cli_import_text(tmp_path, "pipeline.csv", (
        "Client,Stage\nAmy,Site visit\nBen,site visit\nCal,SITE VISIT\n"))
    assert found["unknown_stage_values"] == {"Site visit": 3}


def test_a_client_listed_twice_is_one_client(tmp_path):
    """One client in ten listed again (its e-mail in other letters): a client list with a
    repeat, not a log of events; more repeats than that are events (test_ingest)."""
    others = "".join(f"Client {n},c{n}@example.com,Discovery call,\n" for n in range(8))
    found = cli_import_text(tmp_path, "tracker.csv", (
        "Client,Email,Status,Total billed\n"
        "Moss Bakery,hello@moss.example,Signed,1500\n" + others +
        "Quill Books,quill@example.com,Proposal sent,\n"
        "Moss Bakery,Hello@Moss.example,Repeat client,2400\n"))
    assert (found["kind"], found["inserted"], found["updated"]) == ("clients", 10, 1)
    assert ("1 row listed a client again further down the sheet (the first at row 2): each "
            "client is saved once, with the values of its last row.") in found["notes"]
    assert cli_funnel(tmp_path) == [10, 10, 1, 1, 0]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(2400.0,)]


def test_crm_stage_words(tmp_path):
    cli_import_text(tmp_path, "contacts.csv", (
        "Name,Lifecycle Stage\n"
        "A,Subscriber\nB,Lead\nC,Marketing Qualified Lead\nD,Sales Qualified Lead\n"
        "E,Opportunity\nF,Customer\nG,Evangelist\n"))
    assert cli_funnel(tmp_path) == [7, 5, 2, 1, 1]


def test_salesforce_leads_report_with_its_footer(tmp_path):
    found = cli_import_text(tmp_path, "report1711618903114.csv", (
        '"Lead Owner","First Name","Last Name","Company / Account","Email","Lead Status"\n'
        '"Dana","Aaron","Miles","Miles Dental","aaron@example.com","Open - Not Contacted"\n'
        '"Dana","Hana","Ito","Ito Ceramics","hana@example.com","Working - Contacted"\n'
        '"Raj","Laura","Bianchi","Bianchi Events","laura@example.com","Closed - Converted"\n'
        '"Raj","Rita","Moreno","Moreno Florist","rita@example.com","Closed - Not Converted"\n'
        '\n\n'
        '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."\n'
        '"Confidential Information - Do Not Distribute"\n'
        '"Generated By:  Dana Brooks  3/28/2024 9:41 AM"\n'
        '"Summit Office Supply"\n'))
    assert (found["inserted"], found["rejected"]) == (4, 0)
    assert "rows 8-11 below the table (a footer) were not imported" in found["notes"]
    # A converted lead became an opportunity: considering, not bought.
    assert cli_funnel(tmp_path) == [4, 1, 0, 0, 0]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE outcome = 'lost'"
                          ) == [(1,)]


def test_a_duration_ending_in_paid_is_no_client_id(tmp_path):
    found = cli_import_text(tmp_path, "OrderDetails.csv", (
        "Order #,Opened,Duration (Opened to Paid),Amount\n"
        "101,2026-03-05,0:45:00,20.00\n102,2026-03-05,0:45:00,12.50\n"))
    assert found["mapping"]["Duration (Opened to Paid)"] is None
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


def test_pipedrive_person_headers(tmp_path):
    found = cli_import_text(tmp_path, "people-export.csv", (
        "Person - Name,Person - Email - Work,Person - Phone - Mobile,Person - Owner\n"
        "Alice Moe,alice@example.com,555-0100,Sam\nNils Berg,,555-0101,Sam\n"))
    assert {h: f for h, f in found["mapping"].items()} == {
        "Person - Name": "name", "Person - Email - Work": "email",
        "Person - Phone - Mobile": "phone", "Person - Owner": "owner"}
    assert found["inserted"] == 2


def test_a_yes_or_no_referral_column_counts_referrals(tmp_path):
    cli_import_text(tmp_path, "clientes.csv", (
        "Cliente,Etapa,¿Nos recomendó?\n"
        "Ana,cliente,Sí\nBea,cliente,No\nCarla,cliente habitual,si\nDora,interesado,\n"))
    assert workspace_rows(tmp_path, "SELECT name, referrals FROM clients ORDER BY name") == [
        ("Ana", 1.0), ("Bea", 0.0), ("Carla", 1.0), ("Dora", None)]
    # Ana and Carla recommended the business: advocacy (and the stages before it).
    assert cli_funnel(tmp_path) == [4, 4, 3, 2, 2]


def test_a_project_list_with_a_client_twice_is_events_and_a_completed_one_a_sale(tmp_path):
    """HoneyBook-like projects: Daniel's two completed projects on two dates are two sales
    (retention), a project stage of purchase ("Completed", "Retainer Paid") a sale with
    its amount paid, a client named again on a list of projects no duplicate."""
    found = cli_import_text(tmp_path, "projects.csv", (
        "Project Name,Client Name,Client Email,Project Date,Pipeline Stage,Amount Paid\n"
        "Smith Wedding,Emma Smith,emma@example.com,2026-06-20,Completed,\"$4,500.00\"\n"
        "Lee Engagement,Daniel Lee,dlee@example.com,2026-04-02,Completed,$650.00\n"
        "Lee Wedding,Daniel Lee,dlee@example.com,2026-09-12,Completed,\"$5,200.00\"\n"
        "Garcia Portraits,Maria Garcia,mg@example.com,2026-11-30,Retainer Paid,$200.00\n"
        "Khan Headshots,Omar Khan,ok@example.com,2026-12-01,Proposal Sent,\n"
        "Ito Elopement,Yui Ito,yi@example.com,2026-12-02,Inquiry,\n"
        "Park Party,Jin Park,jp@example.com,2026-12-03,Follow Up,\n"
        "Ruiz Wedding,Ana Ruiz,ar@example.com,2026-12-04,Lost,\n"
        "Moss Shoot,Eve Moss,em@example.com,2026-12-05,Inquiry,\n"
        "Nash Wedding,Kit Nash,kn@example.com,2026-12-06,Inquiry,\n"))
    assert found["kind"] == "events"
    assert found["mapping"]["Amount Paid"] == "amount"
    assert workspace_rows(tmp_path, "SELECT COUNT(*), SUM(amount) FROM events WHERE kind = 'won'"
                          ) == [(4, 10550.0)]
    # 9 clients; considering: Emma, Daniel, Maria, Omar, Jin; bought: Emma, Daniel, Maria;
    # Daniel twice on two dates.
    assert cli_funnel(tmp_path) == [9, 5, 3, 1, 0]


def test_a_job_list_counts_completed_jobs_as_sales(tmp_path):
    """Housecall Pro-like jobs: a completed job is a sale of its amount, a canceled one a
    cancellation, a scheduled or unscheduled one not yet anything."""
    cli_import_text(tmp_path, "jobs.csv", (
        "Job #,Customer name,Job status,Scheduled start,Job amount\n"
        "2301,Alan Murphy,Completed,2026-03-10,$129.00\n"
        "2302,Beth Carter,Completed,2026-03-15,\"$1,850.00\"\n"
        "2303,Alan Murphy,Completed,2026-11-02,$340.00\n"
        "2304,Chris Dunn,User canceled,2026-04-01,$99.00\n"
        "2305,Dana Ek,Scheduled,2026-12-20,$450.00\n"
        "2306,Evan Fox,In progress,2026-12-05,$600.00\n"
        "2307,Gus Hale,Pro canceled,2026-05-01,$99.00\n"
        "2308,Ian Jay,Unscheduled,,$75.00\n"))
    assert workspace_rows(tmp_path, "SELECT kind, COUNT(*), SUM(amount) FROM events "
                                    "GROUP BY kind ORDER BY kind") == [
        ("cancellation", 2, 198.0), ("contact", 3, 1125.0), ("purchase", 3, 2319.0)]
    # Dana's job is scheduled: she is considering, not a customer yet
    assert cli_funnel(tmp_path) == [7, 3, 2, 1, 0]


def test_walk_ins_are_no_one(tmp_path):
    found = cli_import_text(tmp_path, "appointments.csv", (
        "Ref #,Scheduled date,Client,Service,Price,Status\n"
        "A1,2026-01-12,Sarah Jones,Cut,£45.00,Completed\n"
        "A2,2026-01-13,Walk-In,Cut,£25.00,Completed\n"
        "A3,2026-01-14,Chloe Ng,Colour,£80.00,Cancelled\n"
        "A4,2026-02-14,Sarah Jones,Cut,£45.00,Confirmed\n"))
    assert "1 row with 'Walk-In' for a name (a stand-in, no one's) was kept without it." in (
        found["notes"])
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Chloe Ng",), ("Sarah Jones",)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*), SUM(amount) FROM events "
                                    "WHERE kind = 'purchase'") == [(2, 70.0)]


# --- where the rules above stop (session 10's adversarial sweep) -----------------------

def test_a_contact_log_repeating_customer_is_one_sale_per_client(tmp_path):
    """A CRM's activity log gives each row the contact's stage at the time: 'Customer' on
    every row after the sale is one sale, not a repeat customer."""
    cli_import_text(tmp_path, "contact_log.csv", (
        "Date,Client,Notes,Stage\n"
        "2025-01-06,Amy Hart,Intro call,Lead\n"
        "2025-01-13,Amy Hart,Sent proposal,Proposal\n"
        "2025-01-20,Amy Hart,Signed,Customer\n"
        "2025-02-20,Amy Hart,Check-in,Customer\n"
        "2025-03-20,Amy Hart,Check-in,Customer\n"
        "2025-01-08,Ben Cole,Intro call,Lead\n"))
    assert workspace_rows(tmp_path, "SELECT kind, COUNT(*) FROM events WHERE stage = "
                                    "'purchase' GROUP BY kind ORDER BY kind") == [
        ("stage_change", 2), ("won", 1)]
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_a_customer_listed_twice_beside_products_is_two_sales(tmp_path):
    found = cli_import_text(tmp_path, "customer_products.csv", (
        "Customer,Product,Revenue\n"
        "Amy,Mug,110\n" + "".join(f"C{n},Plate,{n}0\n" for n in range(1, 10)) +
        "Amy,Bowl,120\n"))
    assert found["kind"] == "events"
    assert workspace_rows(tmp_path, "SELECT SUM(amount) FROM events e JOIN clients c ON "
                                    "c.id = e.client_ref WHERE c.name = 'Amy'") == [(230.0,)]


def test_the_same_price_on_each_line_is_summed_unless_it_is_the_orders_total(tmp_path):
    lines = "".join(f"{o},2025-03-0{o},Buyer {o},Ticket,25\n" * o for o in range(1, 5))
    cli_import_text(tmp_path, "ticket_orders.csv", "Order ID,Date,Buyer,Item,Price\n" + lines)
    assert kind_totals(tmp_path, "purchase") == (4, 250.0)       # 1+2+3+4 tickets at 25


def test_ids_in_capitals(tmp_path):
    found = cli_import_text(tmp_path, "sales.csv", (
        "CUSTNO,DATE,AMOUNT\nA1,2025-01-05,10\nA1,2025-02-05,12\nB2,2025-01-07,30\n"))
    assert found["mapping"]["CUSTNO"] == "client_id"
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_leads_value_is_what_it_may_bring(tmp_path):
    cli_import_text(tmp_path, "Leads.csv", (
        "Name,Email,Value,Stage\nAmy,amy@example.com,5000,Proposal\n"
        "Ben,ben@example.com,2000,Lost\n"))
    # Amy's 5,000 may come; Ben's deal is lost, so his 2,000 is neither brought nor to come
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(None, 5000.0)]


def test_a_client_called_total_after_a_blank_row_is_a_client(tmp_path):
    rows = [["Name", "Email", "Phone", "Stage"],
            *[[f"Client {n}", f"c{n}@example.com", f"555-01{n:02d}", "Customer"]
              for n in range(6)],
            [None, None, None, None],
            ["Total Fitness Ltd", None, None, None],
            ["New from the fair:", None, None, None],
            ["Ann Lee", None, None, None]]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / "clients.xlsx"
    book.save(path)
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    assert found["inserted"] == 9                       # (its label row too: a name alone)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE name IN "
                                    "('Total Fitness Ltd', 'Ann Lee')") == [(2,)]


def test_a_list_of_payments_received_is_events(tmp_path):
    found = cli_import_text(tmp_path, "payments_received.csv", (
        "Client,Date,Amount paid\nAmy,2025-01-05,100\nBen,2025-01-06,50\n"))
    assert found["kind"] == "events"
    assert found["mapping"]["Amount paid"] == "amount"


# --- the second adversarial sweep ------------------------------------------------------

def test_a_clients_orders_count_is_no_item(tmp_path):
    """'Orders' is the client's own count (purchases): a client list with one client entered
    twice stays a client list."""
    rows = "".join(f"Client {n},c{n}@example.com,{n % 3},{n}00\n" for n in range(12))
    found = cli_import_text(tmp_path, "shop_clients.csv", (
        "Name,Email,Orders,Total spent\n" + rows + "Client 1,C1@example.com,2,250\n"))
    assert found["kind"] == "clients"
    # bought: n % 3 > 0; twice: n % 3 == 2, and Client 1, whose later row says 2
    assert cli_funnel(tmp_path)[2:4] == [8, 5]


def test_sales_leads_are_people_not_sales(tmp_path):
    rows = "".join(f"Lead {n},l{n}@example.com,2025-01-{n + 1:02d}\n" for n in range(12))
    found = cli_import_text(tmp_path, "sales_leads.csv", (
        "Name,Email,Date\n" + rows + "Lead 3,L3@example.com,2025-02-01\n"))
    assert found["kind"] == "clients"
    assert cli_funnel(tmp_path) == [12, 0, 0, 0, 0]


def test_stage_abbreviations_are_no_states(tmp_path):
    found = cli_import_text(tmp_path, "pipeline.csv", (
        "Client,Status\nAmy,MQL\nBen,SQL\nCal,WON\nDee,NEW\nEd,SQL\n"))
    assert found["mapping"]["Status"] == "status"
    assert cli_funnel(tmp_path) == [5, 4, 1, 0, 0]


def test_a_completed_project_with_its_own_fee_is_a_sale(tmp_path):
    cli_import_text(tmp_path, "projects_log.csv", (
        "Date,Client,Work,Stage,Fee\n"
        "2025-01-10,Amy,Logo,Completed,£800\n"
        "2025-04-10,Amy,Website,Completed,\"£2,400\"\n"
        "2025-05-01,Amy,Check-in,Completed,\n"
        "2025-02-01,Ben,Logo,Proposal,\n"))
    assert kind_totals(tmp_path, "won") == (2, 3200.0)
    assert cli_funnel(tmp_path) == [2, 2, 1, 1, 0]


def test_an_order_value_repeated_on_each_line_counts_once(tmp_path):
    lines = "".join(f"{o},2025-03-0{o},buyer{o}@example.com,Item {i},{o}0.00\n"
                    for o in range(1, 5) for i in range(2))
    cli_import_text(tmp_path, "orders.csv", "Order ID,Date,Email,Item,Order value\n" + lines)
    assert kind_totals(tmp_path, "purchase") == (4, 100.0)      # 10 + 20 + 30 + 40


def test_a_value_with_a_currency_or_a_year_is_still_a_deals_value(tmp_path):
    cli_import_text(tmp_path, "prospects.csv", (
        "Name,Email,Deal value (GBP),Stage\nAmy,amy@example.com,5000,Proposal\n"
        "Ben,ben@example.com,2000,Lead\n"))
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(None, 7000.0)]


def test_the_latest_years_total_and_money_not_units(tmp_path):
    found = cli_import_text(tmp_path, "wholesale.csv", (
        "Customer,Total 2023,Total 2024,Sales (units),Sales (£)\n"
        "Cedar,,\"4,300\",120,\"1,440\"\nBirch,900,1200,10,120\n"))
    assert found["mapping"]["Sales (units)"] is None
    # the latest year's total first, the other where it is blank; pounds, not units
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients ORDER BY name"
                          ) == [("Birch", 1200.0), ("Cedar", 4300.0)]


def test_a_column_that_only_looked_like_money_says_so_in_words(tmp_path):
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Revenue\nAmy,lots\nBen,plenty\nCal,5\n"))
    assert ("Column 'Revenue' looked like revenue (current), but most of its values are not "
            "an amount of money, so it was kept as an extra column; map it by hand if it "
            "is.") in found["notes"]
