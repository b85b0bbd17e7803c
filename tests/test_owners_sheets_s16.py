"""Owners' own workbooks, round 3 (session 16): shapes a tutor, a cleaner, a wedding
photographer, a florist, a driving instructor, a web freelancer, a personal trainer and a
hygienist keep by hand. Each file is written in tmp_path, imported through the command
line and checked against figures worked out by hand (cumulative funnel: awareness,
consideration, purchase, retention, advocacy); beside most, a case where the rule must not
fire.

- Terms ("Autumn term", ...), quarters and dates ("04/03/2024") one column each hold
  amounts as months do: each client's revenue is their sum (were nothing, [4, 0, 0, 0, 0]).
- A pipeline's step columns holding the date each step was taken ("Quoted", "Booked",
  "Paid", "Reviewed"; "Deposit paid", "Balance paid") lift the client as ticks do
  (were [5, 0, 0, 0, 0]).
- A "Paid" column of amounts on a client list is what each paid: revenue, and a buyer
  (was dropped: no revenue, [4, 1, 1, 1, 1]); beside "Invoiced", it is the revenue.
- An emoji or a remark in brackets beside a client's name ("💪 Sam Green", "Jo Black
  (moved to Tues)") does not make another client of the payments under "Sam Green" and
  "Jo Black" (were 7 clients, not 4).
- Fees in a column per currency ("Fee (£)", "Fee (€)") are said to be in two currencies
  (were added as one, without a word).
"""

from __future__ import annotations

import datetime as dt

from conftest import cli_funnel, cli_import_book, cli_json, kind_totals, workspace_rows

D = dt.datetime
REVENUE = "SELECT name, revenue_current FROM clients ORDER BY name"


def cli_import_csv(tmp_path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    return found


def test_a_teachers_terms_in_columns_are_each_pupils_revenue(tmp_path):
    """A piano teacher's sheet, as Numbers exports it (a title, a blank row): Lily 3 x 180,
    Noah 180 + 150, Zara 90, Owen nothing: 960, three who paid. Each term's amount is a
    term paid (session 23; this test had [4, 3, 3, 0, 0], the terms summed with no
    purchases counted, and Owen's revenue none): Lily's 3 and Noah's 2 make them repeat
    customers, [4, 3, 3, 2, 0]; Owen, on the list with no term paid, 0."""
    found = cli_import_csv(tmp_path, "Piano pupils 2023-24.csv", (
        "Piano pupils 2023-24,,,,,\n,,,,,\n"
        "Pupil,Parent,Autumn term,Spring term,Summer term,Grade exam\n"
        "Lily Chen,Mrs Chen,£180,£180,£180,Grade 3 - Merit\n"
        "Noah Gray,Mr Gray,£180,£150,,\n"
        "Zara Ali,Ms Ali,,,£90,\n"
        "Owen Bell,Mrs Bell,,,,\n"))
    assert any(note.startswith("Columns 'Autumn term' to 'Summer term' hold the amount paid "
                               "for each term") for note in found["notes"])
    assert workspace_rows(tmp_path, REVENUE) == [
        ("Lily Chen", 540.0), ("Noah Gray", 330.0), ("Owen Bell", 0.0), ("Zara Ali", 90.0)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]


def test_a_cleaners_rota_of_dates_across_is_each_clients_revenue(tmp_path):
    """Dates across, no total: Mrs Hall 4 x 40, Dr Patel 2 x 60, Ms Green 35: 315. Each
    amount under a date is a clean paid (session 23; this test had [4, 3, 3, 0, 0], no
    purchases counted): Mrs Hall's 4 and Dr Patel's 2 make them repeat customers, as a
    purchase count of 2 or more does by design: [4, 3, 3, 2, 0]."""
    found = cli_import_csv(tmp_path, "Cleaning rota - March.csv", (
        "Client,Address,04/03/2024,11/03/2024,18/03/2024,25/03/2024\n"
        "Mrs Hall,12 Elm St,40,40,40,40\nDr Patel,3 Oak Rd,60,,60,\n"
        "Ms Green,8 Ash Ln,,,,35\nMr Stone,1 Yew Ct,,,,\n"))
    assert any("hold the amount paid for each date (7 payments, 315)" in note
               for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(315.0,)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]


def test_lessons_counted_per_quarter_are_no_money(tmp_path):
    """Lessons a quarter (whole numbers up to 31) are counts: no revenue, no buyer."""
    cli_import_csv(tmp_path, "pupils.csv", (
        "Pupil,Q1,Q2,Q3,Q4\nAmy,10,12,11,9\nBen,4,,6,\n"))
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(None,)]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


PIPELINE = [
    ["Couple", "Email", "Enquired", "Quoted", "Booked", "Paid", "Reviewed"],
    ["Ann & Tom Lee", "ann@example.com", D(2023, 9, 1), D(2023, 9, 5), D(2023, 9, 20),
     D(2024, 6, 1), D(2024, 7, 15)],
    ["Bob Ray", "bob@example.com", D(2023, 10, 2), D(2023, 10, 4), None, None, None],
    ["Cat & Sam Fox", "cat@example.com", D(2023, 11, 3), D(2023, 11, 6), D(2023, 12, 1),
     None, None],
    ["Dee Moss", "dee@example.com", D(2024, 1, 8), D(2024, 1, 9), D(2024, 1, 30),
     D(2024, 8, 3), None],
    ["Eve Hart", "eve@example.com", D(2024, 2, 14), None, None, None, None]]


def test_a_pipeline_of_the_date_each_step_was_taken(tmp_path):
    """A wedding photographer's pipeline: Bob quoted and Cat booked (beside a Paid
    column: not yet paid) consider, Ann and Dee paid, Ann reviewed: [5, 4, 2, 1, 1]."""
    (found,) = cli_import_book(tmp_path, "wedding pipeline.xlsx", {"Pipeline": PIPELINE})
    assert ("Yes/no or date columns read as steps of the journey (a tick or a date lifts the "
            "client): 'Quoted' as consideration, 'Booked' as consideration, 'Paid' as "
            "purchase, 'Reviewed' as advocacy.") in found["notes"]
    # 'Quoted' was first taken for a quote's amount: that note is gone
    assert not any(note.startswith("Column 'Quoted' looked like") for note in found["notes"])
    assert cli_funnel(tmp_path) == [5, 4, 2, 1, 1]


def test_a_deposit_and_a_balance_paid_on_dates(tmp_path):
    """A florist: Ann paid both (300 + 900), Bob the deposit (200), Cat nothing yet:
    revenue 1,400 (was none), [3, 2, 2, 0, 0] (was [3, 0, 0, 0, 0])."""
    (found,) = cli_import_book(tmp_path, "weddings.xlsx", {"Bookings": [
        ["Client", "Wedding date", "Quote", "Deposit", "Deposit paid", "Balance",
         "Balance paid"],
        ["Ann Lee", D(2024, 6, 1), 1200, 300, D(2024, 1, 10), 900, D(2024, 5, 1)],
        ["Bob Ray", D(2024, 9, 14), 800, 200, D(2024, 3, 2), 600, None],
        ["Cat Fox", D(2025, 5, 3), 500, 125, None, 375, None]]})
    assert ("Each client's revenue (current) is what was paid of 'Deposit' where 'Deposit "
            "paid' says so and 'Balance' where 'Balance paid' says so; a part not yet paid is "
            "no revenue.") in found["notes"]
    assert workspace_rows(tmp_path, REVENUE) == [
        ("Ann Lee", 1200.0), ("Bob Ray", 200.0), ("Cat Fox", None)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_dates_under_a_header_naming_no_step_lift_no_one(tmp_path):
    """'Wedding date' and 'Next visit' are dates, not steps: three leads."""
    cli_import_book(tmp_path, "clients.xlsx", {"Clients": [
        ["Client", "Next visit", "Last paid"], ["Ann Lee", D(2024, 6, 1), D(2024, 1, 1)],
        ["Bob Ray", D(2024, 7, 1), None], ["Cat Fox", None, None]]})
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_paid_column_of_amounts_is_what_each_client_paid(tmp_path):
    """A driving instructor: Amy 320, Ben 320, Dan 600 paid, Cal's trial 0: 1,240, three
    buyers; Amy left a Google review: [4, 4, 3, 1, 1] (was no revenue, [4, 1, 1, 1, 1]).
    Cal's 'Trial' in 'Block', nothing paid, is trying (consideration), as a trial is by the
    stage model (session 23; this test had [4, 3, 3, 1, 1], Cal left at awareness)."""
    (found,) = cli_import_book(tmp_path, "pupils.xlsx", {"Pupils": [
        ["Pupil", "Phone", "Block", "Paid", "Lessons used", "Google review"],
        ["Amy Lo", "07700 900301", "10 lessons", 320, "10/10", "Yes"],
        ["Ben Hu", "07700 900302", "10 lessons", 320, "4/10", None],
        ["Cal Ng", "07700 900303", "Trial", 0, "1/1", None],
        ["Dan Ek", "07700 900304", "20 lessons", 600, "20/20", None]]})
    assert ("'Paid' holds amounts of money: each client's revenue (current), and 3 clients "
            "with more than 0 there have paid (purchase).") in found["notes"]
    assert workspace_rows(tmp_path, REVENUE) == [
        ("Amy Lo", 320.0), ("Ben Hu", 320.0), ("Cal Ng", 0.0), ("Dan Ek", 600.0)]
    assert cli_funnel(tmp_path) == [4, 4, 3, 1, 1]


def test_paid_beside_invoiced_is_the_revenue(tmp_path):
    """A web freelancer's tracker under a title: Cove was invoiced 2,500 and paid 1,250:
    revenue 4,000 + 1,250 = 5,250, not the 6,500 invoiced."""
    (found,) = cli_import_book(tmp_path, "freelance clients.xlsx", {"Clients": [
        ["PIXEL & CO - client tracker"], ["updated 1 Dec 2024"],
        ["Client", "Email", "Project value", "Invoiced", "Paid", "Outstanding"],
        ["Bell Hotel", "ops@bell.example", 4000, 4000, 4000, 0],
        ["Cove Bar", "hi@cove.example", 2500, 2500, 1250, 1250],
        ["Dock Gym", "dock@gym.example", 3000, 0, 0, 0]]})
    assert ("'Paid' holds amounts of money: each client's revenue (current), not 'Invoiced' "
            "(what was billed), and 2 clients with more than 0 there have paid (purchase)."
            ) in found["notes"]
    assert workspace_rows(tmp_path, REVENUE) == [
        ("Bell Hotel", 4000.0), ("Cove Bar", 1250.0), ("Dock Gym", 0.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_an_emoji_or_a_remark_beside_a_name_is_the_same_client(tmp_path):
    """A personal trainer's list, decorated: Sam's two payments, Ria's and Jo's one are
    theirs: 4 clients, Sam retained, Tom's trial booked considering: [4, 4, 3, 1, 0] (were 7
    clients, the payments' names new ones)."""
    imports = cli_import_book(tmp_path, "PT clients.xlsx", {
        "Clients": [["Name", "Phone", "Status"], ["💪 Sam Green", "07700 900201", "Client"],
                    ["Ria Kaur ⭐️", "07700 900203", "Client"],
                    ["Jo Black (moved to Tues)", "07700 900202", "Client"],
                    ["Tom Wu", "07700 900204", "Trial booked"]],
        "Payments": [["Date", "Name", "Amount"], [D(2024, 2, 1), "Sam Green", 300],
                     [D(2024, 3, 1), "Sam Green", 300], [D(2024, 2, 7), "Ria Kaur", 450],
                     [D(2024, 2, 9), "Jo Black", 150]]})
    assert imports[0]["unknown_stage_values"] == {}
    assert ("3 clients on this sheet known under another ID or name matched to the clients "
            "already here; 3 by a name spelled with or without accents, with '&' for 'and', "
            "with another spelling of its legal form, surname first or with emoji or a remark "
            "in brackets beside it ('Sam Green', 'Ria Kaur', 'Jo Black').") in imports[1]["notes"]
    assert workspace_rows(tmp_path, "SELECT c.name, COUNT(*), SUM(e.amount) FROM events e "
                                    "JOIN clients c ON c.id = e.client_ref GROUP BY c.name "
                                    "ORDER BY c.name") == [
        ("Jo Black (moved to Tues)", 1, 150.0), ("Ria Kaur ⭐️", 1, 450.0),
        ("💪 Sam Green", 2, 600.0)]
    assert cli_funnel(tmp_path) == [4, 4, 3, 1, 0]


def test_a_name_that_two_clients_share_but_for_brackets_is_neither(tmp_path):
    """'Acme (UK)' and 'Acme (US)' are two clients: a payment from 'Acme' is neither's."""
    cli_import_book(tmp_path, "clients.xlsx", {
        "Clients": [["Name", "Stage"], ["Acme (UK)", "lead"], ["Acme (US)", "lead"]],
        "Payments": [["Date", "Name", "Amount"], [D(2024, 2, 1), "Acme", 300]]})
    assert workspace_rows(tmp_path, "SELECT c.name FROM events e JOIN clients c ON c.id = "
                                    "e.client_ref") == [("Acme",)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(3,)]


def test_two_names_that_differ_only_in_brackets_on_one_sheet_are_two_clients(tmp_path):
    """A log of payments from 'Acme (UK)' and 'Acme (US)' is of two clients."""
    cli_import_book(tmp_path, "payments.xlsx", {"Payments": [
        ["Date", "Name", "Amount"], [D(2024, 2, 1), "Acme (UK)", 300],
        [D(2024, 2, 2), "Acme (US)", 200]]})
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Acme (UK)",), ("Acme (US)",)]


def test_names_of_emoji_alone_are_said_not_a_crash(tmp_path):
    """A list whose every name is an emoji alone, then a sheet of payments: each row is
    said to have no name (the import stopped on a Python error before)."""
    imports = cli_import_book(tmp_path, "clients.xlsx", {
        "Clients": [["Name", "Stage"], ["⭐", "lead"], ["💪", "lead"]],
        "Payments": [["Date", "Name", "Amount"], [D(2024, 2, 1), "💪", 10]]})
    assert [(i["inserted"], i["rejected"]) for i in imports] == [(0, 2), (1, 0)]
    assert imports[0]["problems"][0]["reason"] == (
        "the row has no client ID or name, so it cannot be matched to a client")
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


def test_fees_in_a_column_per_currency_are_said_to_be(tmp_path):
    """A hygienist's appointments in pounds and in euros: 65 + 65 + 80 are added as
    written, and the import says they are in two currencies."""
    (found,) = cli_import_book(tmp_path, "hygiene appointments.xlsx", {"Appointments": [
        ["Date", "Patient", "Treatment", "Fee (£)", "Fee (€)", "Paid"],
        [D(2024, 1, 5), "Ann Lee", "Scale & polish", 65, None, "Yes"],
        [D(2024, 1, 6), "Jean Petit", "Scale & polish", None, 80, "Yes"],
        [D(2024, 7, 5), "Ann Lee", "Scale & polish", 65, None, "Yes"],
        [D(2024, 2, 1), "Bob Ray", "Airflow", 90, None, "No"]]})
    assert ("Amounts are in more than one currency (GBP (3 rows), EUR (1 row), in columns "
            "'Fee (£)' and 'Fee (€)'): they were added together as written, with no exchange "
            "rate.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 210.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_two_columns_in_one_currency_are_not_said_to_be_two(tmp_path):
    (found,) = cli_import_book(tmp_path, "sales.xlsx", {"Sales": [
        ["Date", "Client", "Card (£)", "Cash (£)", "Paid"],
        [D(2024, 1, 5), "Ann Lee", 65, None, "Yes"], [D(2024, 1, 6), "Bob Ray", None, 80, "Yes"]]})
    assert not any("more than one currency" in note for note in found["notes"])


def test_a_note_saying_a_job_is_a_quote_or_unpaid_is_no_sale(tmp_path):
    """A bike shop's repairs, read as sales (a date, a price, the job): Ann's 'paid cash
    20/3' and 'paid' and Bob's 'paid card' are 3 sales of 110; Cat's 'not collected yet' and
    Dee's 'quote - waiting' are contacts (were 5 sales of 270), Dee's a quote given ('Quote
    only' in 'Job'), at consideration: [4, 3, 2, 1, 0] (s16 had her at awareness,
    [4, 2, 2, 1, 0]: a quote given is consideration by the stage model)."""
    (found,) = cli_import_book(tmp_path, "bike repairs.xlsx", {"Repairs": [
        ["Date in", "Customer", "Bike", "Job", "Price", "Notes"],
        [D(2024, 3, 18), "Ann Lee", "Raleigh", "Service", 65, "paid cash 20/3"],
        [D(2024, 3, 19), "Bob Ray", "Trek", "Puncture", 15, "paid card"],
        [D(2024, 3, 20), "Cat Fox", "Brompton", "Gears", 40, "not collected yet"],
        [D(2024, 5, 2), "Ann Lee", "Raleigh", "Brakes", 30, "paid"],
        [D(2024, 5, 3), "Dee Moss", "Giant", "Quote only", 120, "quote - waiting"]]})
    assert ("2 rows whose 'Notes' or 'Job' said each was a quote or not yet paid ('not "
            "collected yet', "
            "'quote - waiting') were read as contacts, not sales.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 110.0)
    assert kind_totals(tmp_path, "contact") == (2, 160.0)
    assert cli_funnel(tmp_path) == [4, 3, 2, 1, 0]


def test_a_status_column_says_what_each_job_is_not_its_note(tmp_path):
    """Beside a status that says each job was completed, a note 'quote sent first' is
    history: both jobs are sales."""
    cli_import_book(tmp_path, "jobs.xlsx", {"Jobs": [
        ["Date", "Customer", "Job", "Price", "Status", "Notes"],
        [D(2024, 3, 18), "Ann Lee", "Service", 65, "Completed", "quote sent first"],
        [D(2024, 3, 19), "Bob Ray", "Puncture", 15, "Completed", None]]})
    assert kind_totals(tmp_path, "purchase") == (2, 80.0)


def test_a_word_typed_over_the_price_says_what_happened(tmp_path):
    """A mobile hairdresser's bookings: 'REFUNDED' over Cat's price is a refund, 'no show'
    over Dee's a contact, both clients kept (their rows were rejected, the clients lost):
    4 clients, 3 sales of 100, [4, 3, 3, 1, 0]."""
    (found,) = cli_import_book(tmp_path, "hair bookings.xlsx", {"Bookings": [
        ["Date", "Client", "Service", "Price"],
        [D(2024, 3, 1), "Ann Lee", "Cut & blow dry", 45],
        [D(2024, 3, 2), "Bob Ray", "Gents cut", 20],
        [D(2024, 3, 8), "Cat Fox", "Colour", "REFUNDED"],
        [D(2024, 4, 1), "Ann Lee", "Cut", 35],
        [D(2024, 4, 5), "Dee Moss", "Cut", "no show"],
        [D(2024, 4, 6), "Eve Hart", "Cut", "see diary"]]})
    assert ("2 amounts in Price (D) were words saying what happened, read so, with no amount: "
            "row 4: 'REFUNDED' as a refund; row 6: 'no show' as a contact.") in found["notes"]
    assert ("3 rows with nothing saying what happened were read as purchases, because the "
            "sheet is called 'Bookings'; choose another under 'Every row is' (--set "
            "kind=...) if that is wrong.") in found["notes"]
    # a word that says nothing of what happened is still named, its row not imported
    assert found["problems"] == [{"row": 7, "column": "Price (D)", "value": "see diary",
                                  "reason": "amount is not an amount of money"}]
    assert kind_totals(tmp_path, "purchase") == (3, 100.0)
    assert workspace_rows(tmp_path, "SELECT c.name, e.kind, e.amount FROM events e JOIN "
                                    "clients c ON c.id = e.client_ref WHERE e.kind <> "
                                    "'purchase' ORDER BY c.name") == [
        ("Cat Fox", "refund", None), ("Dee Moss", "contact", None)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


YOGA = ["Date", "Class", "Paid £"]


def test_a_sheet_per_client_is_that_clients(tmp_path):
    """A yoga teacher's workbook, a tab per member named for them, no client column (were 3
    sheets of reference rows, no client): Ann 3 x 12 on two dates and more, Harold 10 (his
    name holds 'old', no working sheet's word), Cat's free taster 0: 3 clients, 4 sales of
    46, Ann retained: [3, 2, 2, 1, 0]."""
    imports = cli_import_book(tmp_path, "yoga members.xlsx", {
        "Ann Lee": [YOGA, [D(2024, 1, 3), "Flow", 12], [D(2024, 1, 10), "Flow", 12],
                    [D(2024, 2, 7), "Yin", 12]],
        "Harold Goldsmith": [YOGA, [D(2024, 1, 4), "Beginners", 10]],
        "Cat Fox": [YOGA, [D(2024, 1, 5), "Taster", 0]]})
    assert [(i["sheet"], i["kind"], i["inserted"]) for i in imports] == [
        ("Ann Lee", "events", 3), ("Harold Goldsmith", "events", 1), ("Cat Fox", "events", 1)]
    assert ("Sheet 'Ann Lee' names no client in its rows, and the workbook has a sheet like "
            "it for each client: its rows were read as those of the client 'Ann Lee', the "
            "sheet's name.") in imports[0]["notes"]
    assert ("3 rows with nothing saying what happened were read as purchases, because its "
            "column 'Paid £' gives the money each paid; choose another under 'Every row is' "
            "(--set kind=...) if that is wrong.") in imports[0]["notes"]
    assert kind_totals(tmp_path, "purchase") == (4, 46.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_sheets_named_for_months_or_a_single_log_are_no_clients(tmp_path):
    """Tabs 'Jan' and 'Feb' of the same header are months, and one tab named for a person
    has no sheet like it: no client is made of a sheet's name."""
    imports = cli_import_book(tmp_path, "classes.xlsx", {
        "Jan": [YOGA, [D(2024, 1, 3), "Flow", 12]], "Feb": [YOGA, [D(2024, 2, 3), "Flow", 12]],
        "Ann Lee": [["Date", "Note"], [D(2024, 1, 3), "Hip injury"]]})
    assert [i["kind"] for i in imports] == ["reference", "reference", "reference"]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


def test_a_year_sheet_with_a_block_per_client(tmp_path):
    """A dog groomer's 2024 sheet: each dog's name alone on a row, its sessions below
    (were reference rows, no client): Biscuit 45 + 25 on two dates, Luna 50, Max's nail
    trim not paid: 3 clients, 3 sales of 120, [3, 2, 2, 1, 0]."""
    (found,) = cli_import_book(tmp_path, "grooming 2024.xlsx", {"2024": [
        ["Pawfect Grooming - 2024"], [], ["Date", "Service", "Price", "Paid"],
        ["Biscuit (Mrs Hall)"], [D(2024, 1, 10), "Full groom", 45, "Y"],
        [D(2024, 3, 12), "Bath & brush", 25, "Y"],
        ["Luna (Tom Reed)"], [D(2024, 2, 1), "Full groom", 50, "Y"],
        ["Max (J. Patel)"], [D(2024, 4, 4), "Nail trim", 10, "N"]]})
    assert ("3 rows holding a name alone in 'Date' above rows of dates were read as the "
            "client of the rows below each, in a new column 'Client', not as rows of their "
            "own") in found["notes"]
    assert found["mapping"]["Client"] == "name"
    assert workspace_rows(tmp_path, "SELECT c.name, COUNT(*), SUM(e.amount) FROM events e "
                                    "JOIN clients c ON c.id = e.client_ref WHERE e.kind = "
                                    "'purchase' GROUP BY c.name ORDER BY c.name") == [
        ("Biscuit (Mrs Hall)", 2, 70.0), ("Luna (Tom Reed)", 1, 50.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_note_alone_under_dated_rows_is_no_client(tmp_path):
    """A log whose first row is a session, with a remark alone further down, keeps its
    rows as they are: the remark heads nothing."""
    (found,) = cli_import_book(tmp_path, "log.xlsx", {"Log": [
        ["Date", "Client", "Price"], [D(2024, 1, 10), "Ann Lee", 45],
        ["closed for holidays"], [D(2024, 2, 1), "Bob Ray", 50]]})
    assert "Client (block)" not in found["mapping"]
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bob Ray",)]
