"""Owners' own workbooks, round 2 (session 15): shapes people make in Excel, Google Sheets
or LibreOffice that earlier sweeps had not tried. Each workbook is written in tmp_path,
imported through the command line and checked against figures worked out by hand
(cumulative funnel: awareness, consideration, purchase, retention, advocacy); beside most,
a sheet where the rule must not fire.

- "How did they hear?" is the channel; an owner's status words (booked in, paid in full,
  left a review, no reply) are stages (were listed to map, funnel [8, 3, 2, 1, 0]).
- "w/c 4/3/24" (week commencing) and "3rd of March 2024" are dates (the row was rejected).
- A sheet called "Payments" of date, client and amount lists sales (were contacts);
  beside an "Invoices" sheet in the same workbook, it pays them (contacts, said so).
- An amount with a remark ("350 (paid cash)", "£200 deposit") is the amount, and "free"
  is 0; a remark that changes the meaning ("£300 owed") is not read (the column was
  dropped as not money when most cells had a remark; "free" rejected its row).
- A blank in a "Paid?" column of ✓ and ✗ is not paid (was a sale, from the file's name).
- A "Booked" tick beside a "Paid" tick is the step before paying (was a purchase).
- Amounts one column per month, with a total of formulas saved without results: each
  client's revenue is the months' sum (was none at all).
- An order's total of formulas saved without results beside a quantity and a unit price:
  quantity x unit price (was no amount).
"""

from __future__ import annotations

import datetime as dt

from conftest import cli_funnel, cli_import_book, kind_totals, workspace_rows

D = dt.datetime


def test_how_they_heard_and_an_owners_status_words(tmp_path):
    """Ann deposit paid and Hal paid in full bought; Bob booked in and Gus quoted are
    considering; Dee repeat; Eve left a review (advocacy); Cat ghosted (lost); Fay an
    enquiry: [8, 6, 4, 2, 1], nothing left to map."""
    (found,) = cli_import_book(tmp_path, "enquiries.xlsx", {"Enquiries": [
        ["Name", "Phone", "How did they hear about us?", "Status"],
        ["Ann Lee", "07700 900101", "Instagram", "deposit paid"],
        ["Bob Ray", "07700 900102", "Facebook", "booked in"],
        ["Cat Fox", "07700 900103", "Google", "ghosted"],
        ["Dee Moss", "07700 900104", "Friend", "repeat"],
        ["Eve Hart", "07700 900105", "Instagram", "left a review"],
        ["Fay Gold", "07700 900106", "Google", "enquiry"],
        ["Gus Hale", "07700 900107", "word of mouth", "quoted"],
        ["Hal Ives", "07700 900108", "Instagram", "paid in full"]]})
    assert found["mapping"]["How did they hear about us?"] == "channel"
    assert found["unknown_stage_values"] == {}
    assert cli_funnel(tmp_path) == [8, 6, 4, 2, 1]
    assert workspace_rows(tmp_path, "SELECT channel, COUNT(*) FROM clients GROUP BY channel "
                                    "ORDER BY channel") == [
        ("Facebook", 1), ("Friend", 1), ("Google", 2), ("Instagram", 3), ("word of mouth", 1)]


def test_a_week_commencing_and_an_ordinal_of_are_dates(tmp_path):
    """Two sheets a year, the 2024 one with "w/c 4/3/24" and "3rd of March 2024": Ann
    (2023 and 2024), Bob, Cat, Eve paid, Dee not: 5 purchases of 45 + 60 + 45 + 60 + 30 =
    240, Dee a contact, [5, 4, 4, 1, 0]; "wk 4/3" (no week word) stays unread, named."""
    header = ["Date", "Client", "Treatment", "Price", "Paid?"]
    imports = cli_import_book(tmp_path, "treatments 2023-24.xlsx", {
        "2023": [header, [D(2023, 11, 3), "Ann Lee", "Facial", 45, "Y"],
                 [D(2023, 12, 1), "Bob Ray", "Massage", 60, "Y"]],
        "2024": [header, [D(2024, 1, 5), "Ann Lee", "Facial", 45, "Y"],
                 ["w/c 4/3/24", "Cat Fox", "Massage", 60, "Y"],
                 [D(2024, 3, 20), "Dee Moss", "Facial", 45, "N"],
                 ["3rd of March 2024", "Eve Hart", "Brows", 30, "Y"],
                 ["wk 4/3", "Fay Gold", "Brows", 30, "Y"]]})
    assert [(i["sheet"], i["inserted"], i["rejected"]) for i in imports] == [
        ("2023", 2, 0), ("2024", 4, 1)]
    assert imports[1]["problems"] == [{"row": 6, "column": "Date (A)", "value": "wk 4/3",
                                       "reason": "date is not a date Journey understands"}]
    assert kind_totals(tmp_path, "purchase") == (5, 240.0)
    assert workspace_rows(tmp_path, "SELECT c.name, substr(e.date, 1, 10) FROM events e JOIN "
                                    "clients c ON c.id = e.client_ref WHERE c.name IN "
                                    "('Cat Fox', 'Eve Hart') ORDER BY c.name") == [
        ("Cat Fox", "2024-03-04"), ("Eve Hart", "2024-03-03")]
    assert cli_funnel(tmp_path) == [5, 4, 4, 1, 0]


def test_a_payments_sheet_beside_the_client_list_is_sales(tmp_path):
    """John paid 300 in February and 200 in March (his name in other letters there): 2
    purchases of 500, John retained; Sarah a customer, Mary repeat, two leads:
    [5, 3, 3, 2, 0] (was [5, 3, 3, 1, 0], the payments contacts)."""
    imports = cli_import_book(tmp_path, "Clients.xlsx", {
        "Clients": [["Name", "Phone", "Stage"], ["SMITH, John", "07700 900001", "customer"],
                    ["Mr & Mrs Patel", "07700 900002", "lead"],
                    ["Jo (Sarah's sister)", None, "lead"],
                    ["Sarah Jones", "07700 900004", "customer"],
                    ["O'Brien, Mary", "07700 900005", "repeat"]],
        "Payments": [["Date", "Client", "Amount"], [D(2024, 2, 1), "Smith, John", 300],
                     [D(2024, 3, 1), "SMITH, John", 200]]})
    assert ("2 rows with nothing saying what happened were read as purchases, because the "
            "sheet is called 'Payments'; choose another under 'Every row is' "
            "(--set kind=...) if that is wrong.") in imports[1]["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 500.0)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(5,)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 2, 0]


def test_amounts_with_a_remark_and_free(tmp_path):
    """A work log: '350 (paid cash)' is 350, '£200 deposit' 200, 'free' 0 (a contact, as
    an order of 0 is), '£300 owed' and 'see email' are not read: their rows are rejected and
    named. Ann 350 + 150 (two days), Cat 200: 3 purchases of 700, [3, 2, 2, 1, 0]."""
    (found,) = cli_import_book(tmp_path, "work log.xlsx", {"Work": [
        ["Date", "Client", "Amount", "Paid"],
        [D(2024, 5, 3), "Ann Lee", "350 (paid cash)", "Y"],
        [D(2024, 5, 10), "Cat Fox", "£200 deposit", "Y"],
        [D(2024, 5, 17), "Dee Moss", "see email", "Y"],
        [D(2024, 5, 20), "Eve Hart", "£300 owed", "Y"],
        [D(2024, 5, 22), "Fay Gold", "free", "Y"],
        [D(2024, 5, 24), "Ann Lee", 150, "Y"]]})
    assert found["mapping"]["Amount"] == "amount"
    assert ("Column 'Amount': 3 amounts written with words were read so: '350 (paid cash)' "
            "as 350, '£200 deposit' as 200, 'free' as 0; correct the cell and import again "
            "if that is wrong.") in found["notes"]
    assert [(p["row"], p["value"]) for p in found["problems"]] == [
        (4, "see email"), (5, "£300 owed")]
    assert kind_totals(tmp_path, "purchase") == (3, 700.0)
    assert kind_totals(tmp_path, "contact") == (1, 0.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_blank_beside_ticks_and_crosses_is_not_paid(tmp_path):
    """jobs.xlsx: ✓ and TRUE paid (Ann 200 + 60 on two days, Cat 900), ✗ and FALSE not
    (Bob, Eve), Dee's blank not marked paid: 3 purchases of 1,160, 3 contacts of 350,
    [5, 2, 2, 1, 0] (Dee's 120 was a sale, from the file's name)."""
    (found,) = cli_import_book(tmp_path, "jobs.xlsx", {"Jobs": [
        ["Date", "Customer", "Job", "Price", "Paid?"],
        [D(2024, 4, 2), "Ann Lee", "Logo", 200, "✓"], [D(2024, 4, 9), "Bob Ray", "Flyer", 80, "✗"],
        [D(2024, 4, 16), "Cat Fox", "Website", 900, True],
        [D(2024, 5, 1), "Ann Lee", "Cards", 60, "✓"],
        [D(2024, 5, 8), "Dee Moss", "Poster", 120, None],
        [D(2024, 5, 15), "Eve Hart", "Banner", 150, False]]})
    assert ("1 row left blank in 'Paid?' (not marked paid) was read as a contact, not a sale."
            in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 1160.0)
    assert kind_totals(tmp_path, "contact") == (3, 350.0)
    assert cli_funnel(tmp_path) == [5, 2, 2, 1, 0]


PIPELINE = [["Client", "Email", "Enquired", "Booked", "Paid", "Left review"],
            ["Ann Lee", "ann@example.com", True, True, True, True],
            ["Bob Ray", "bob@example.com", True, True, False, False],
            ["Cat Fox", "cat@example.com", True, False, False, False],
            ["Dee Moss", "dee@example.com", True, True, True, False]]


def test_booked_beside_paid_is_the_step_before_paying(tmp_path):
    """Checkboxes (Google Sheets saves them TRUE/FALSE): Bob booked, not paid, considers;
    Ann and Dee paid, Ann reviewed: [4, 3, 2, 1, 1] (was [4, 3, 3, 1, 1])."""
    (found,) = cli_import_book(tmp_path, "pipeline.xlsx", {"Pipeline": PIPELINE})
    assert ("Yes/no columns read as steps of the journey (a tick lifts the client): "
            "'Enquired' as awareness, 'Booked' as consideration, 'Paid' as purchase, "
            "'Left review' as advocacy.") in found["notes"]
    assert cli_funnel(tmp_path) == [4, 3, 2, 1, 1]


def test_booked_without_a_paid_column_is_still_hired(tmp_path):
    """The same sheet without 'Paid': Booked is what says they bought, [4, 3, 3, 1, 1]."""
    cli_import_book(tmp_path, "pipeline.xlsx", {"Pipeline": [
        [cell for k, cell in enumerate(row) if k != 4] for row in PIPELINE]})
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 1]


def test_months_in_columns_with_a_total_of_unsaved_formulas(tmp_path):
    """One column per month, Total =SUM(...) written without results (openpyxl, as many
    programs): Ann 300, Bob 250, Dee 40 + 60 = 100, Cat nothing: 650 in all, three
    customers, [4, 3, 3, 0, 0] (was no revenue and [4, 0, 0, 0, 0])."""
    rows = [["Client", "How did they hear?", "Jan", "Feb", "Mar", "Apr", "Total"],
            ["Ann Lee", "Instagram", 100, 100, 100, None], ["Bob Ray", "Referral", None, 250],
            ["Cat Fox", "Google"], ["Dee Moss", "Instagram", 40, None, None, 60]]
    for n, row in enumerate(rows[1:], start=2):
        row.extend([None] * (6 - len(row)) + [f"=SUM(C{n}:F{n})"])
    (found,) = cli_import_book(tmp_path, "clients by month.xlsx", {"2024": rows})
    assert ("Columns 'Jan' to 'Apr' hold an amount for each month, one column per month: "
            "Journey reads one row per client, so each client's revenue (current) is their sum "
            "('Total' holds no amount); they are not counted as purchases of their own (a "
            "second month paid is not seen as repeat business). To see them in the funnel, "
            "list each payment on a row of its own (date, client, amount) and import that."
            ) in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name, revenue_current, channel FROM clients "
                                    "ORDER BY name") == [
        ("Ann Lee", 300.0, "Instagram"), ("Bob Ray", 250.0, "Referral"),
        ("Cat Fox", None, "Google"), ("Dee Moss", 100.0, "Instagram")]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_months_in_columns_with_a_total_that_holds_amounts_keep_the_total(tmp_path):
    """The total as typed (Ann 320, not 300: a fee outside the months) is the revenue."""
    cli_import_book(tmp_path, "clients by month.xlsx", {"2024": [
        ["Client", "Jan", "Feb", "Mar", "Total"], ["Ann Lee", 100, 100, 100, 320],
        ["Bob Ray", None, 250, None, 250]]})
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients ORDER BY name"
                          ) == [("Ann Lee", 320.0), ("Bob Ray", 250.0)]


def test_a_total_of_unsaved_formulas_is_quantity_times_unit_price(tmp_path):
    """Orders: Total =C*D saved without results; Ann 2 x 15 and 3 x 15, Bob 1 x 40: 3
    purchases of 115, [2, 2, 2, 1, 0] (was 3 purchases of no amount)."""
    rows = [["Date", "Client", "Qty", "Unit price", "Total"],
            [D(2024, 6, 1), "Ann Lee", 2, 15], [D(2024, 6, 3), "Bob Ray", 1, 40],
            [D(2024, 7, 8), "Ann Lee", 3, 15]]
    for n, row in enumerate(rows[1:], start=2):
        row.append(f"=C{n}*D{n}")
    (found,) = cli_import_book(tmp_path, "orders.xlsx", {"Orders": rows})
    assert any("formulas saved without their results" in note for note in found["notes"])
    assert "Amounts are Qty × Unit price for each line ('Total' is empty in every row)." in (
        found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 115.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_payments_beside_invoices_in_one_workbook_pay_them(tmp_path):
    """Invoices (Ann 500, Bob 300) and the Payments sheet of the same money: 2 sales of
    800, not 4 of 1,600; the payments are contacts, and the import says why: [2, 2, 2, 0, 0]."""
    imports = cli_import_book(tmp_path, "accounts.xlsx", {
        "Invoices": [["Invoice #", "Client", "Date", "Amount"],
                     ["INV-1", "Ann Lee", D(2024, 1, 10), 500],
                     ["INV-2", "Bob Ray", D(2024, 1, 20), 300]],
        "Payments": [["Date", "Client", "Amount"], [D(2024, 1, 25), "Ann Lee", 500],
                     [D(2024, 2, 5), "Bob Ray", 300]]})
    assert ("Sheet 'Payments' lists payments beside sheet 'Invoices', whose rows are the sales "
            "they pay: its rows with nothing saying what happened were read as contacts, not "
            "as sales again. If they are sales of their own, choose 'a purchase' under 'Every "
            "row is' (--set kind=purchase).") in imports[1]["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 800.0)
    assert kind_totals(tmp_path, "contact") == (2, 800.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
