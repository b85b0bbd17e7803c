"""The import pipeline: mapping, kinds, values, options, rejected rows, re-import, undo.

Every file is built in the test. Expected values are worked out by hand from the rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from conftest import clients, csv_bytes, dump, funnel_counts, xlsx_bytes
from journey.errors import UnreadableFile, ValidationError, WorkspaceError
from journey.ingest import (
    guess_sheet_mapping, import_file, list_imports, map_stage_values, pending_stage_values,
    plan_file, stage_mapping, undo_import)
from journey.ingest.plan import WORKSHOP_IMPORTERS
from journey.journal import Problem, SheetSave, Undone, record_change
from journey.workspace import set_setting

# imports, import_changes and import_problems are the history an undo leaves behind.
HISTORY = ("imports", "import_changes", "import_problems")


def one(results):
    assert len(results) == 1
    return results[0]


def problems(result):
    return [p.as_dict() for p in result.problems]


# --- headers and kinds -------------------------------------------------------------------

def test_header_synonyms_ignore_case_spaces_punctuation_and_trailing_blanks():
    headers = ["Customer ID ", "Company", "Lifecycle Stage", "Lead Source", "Received via",
               "E-mail", "Numberofreferrals ", "Totalrefunds ", "Customerstatus ",
               "ACCOUNT OWNER", "Customer Since", "NPS score", "favourite colour"]
    assert guess_sheet_mapping(headers, "clients") == {
        "Customer ID ": "client_id", "Company": "name", "Lifecycle Stage": "stage",
        "Lead Source": "channel", "Received via": "channel", "E-mail": "email",
        "Numberofreferrals ": "referrals", "Totalrefunds ": "refunds",
        "Customerstatus ": "stage", "ACCOUNT OWNER": "owner",
        "Customer Since": "first_contact", "NPS score": "nps", "favourite colour": None}


def test_event_headers_and_client_fields_an_events_sheet_may_not_hold():
    headers = ["Order ID", "Order Date", "Customer ID", "Customer Name", "Sales", "Deal stage",
               "Loss reason", "Referrals"]
    assert guess_sheet_mapping(headers, "events") == {
        "Order ID": "order_id", "Order Date": "date", "Customer ID": "client_id",
        "Customer Name": "name", "Sales": "amount", "Deal stage": "stage",
        "Loss reason": "reason", "Referrals": None}


def test_squashed_headers_with_trailing_spaces_are_mapped_in_a_file(db):
    data = csv_bytes("Customerid ,Numberofreferrals ,Totalrefunds ,Customerstatus \n"
                     "A-1,2,0,Stayed\nA-2,0,38.33,Churned\n")
    result = one(import_file(db, "churn.csv", data))
    assert (result.kind, result.mapping) == ("clients", {
        "Customerid": "client_id", "Numberofreferrals": "referrals", "Totalrefunds": "refunds",
        "Customerstatus": "stage"})
    assert clients(db, "client_id, referrals, refunds, stage, status, furthest_stage") == [
        ("A-1", 2.0, 0.0, "retention", None, "advocacy"),
        ("A-2", 0.0, 38.33, None, "churned", "purchase")]


@pytest.mark.parametrize("name,text,kind", [
    ("client list", "Customer ID,Company,Email\nC1,Acme,a@x\nC2,Beta,b@x\n", "clients"),
    ("client list with notes", "Customer ID,Company,Notes\nC1,Acme,x\nC2,Beta,y\n", "clients"),
    ("two clients share a name", "Customer ID,Company\nC1,Acme\nC2,Acme\n", "clients"),
    ("repeating client key", "Customer,Notes\nAcme,called\nAcme,again\nBeta,hi\n", "events"),
    ("one order per customer", "Customer ID,Order ID,Order Date,Sales\nC1,O1,2024-01-01,5\n"
     "C2,O2,2024-01-02,6\n", "events"),
    ("order ids only", "Order ID,Returned\nO1,Yes\nO2,Yes\n", "events"),
    ("no client or event columns", "Person,Region\nAnna,West\nChuck,East\n", "reference"),
])
def test_kind_detection(db, name, text, kind):
    plan, = plan_file("data.csv", csv_bytes(text), db=db)
    assert plan.kind == kind


def test_sheet_named_returns_is_refunds_and_people_sheet_is_reference(db):
    data = xlsx_bytes({"Orders": [["Order ID", "Customer ID", "Order Date", "Sales"],
                                  ["O1", "C1", dt.datetime(2024, 1, 5), 10],
                                  ["O2", "C1", dt.datetime(2024, 2, 5), 20]],
                       "Returns": [["Returned", "Order ID"], ["Yes", "O2"]],
                       "People": [["Person", "Region"], ["Anna", "West"]]})
    results = import_file(db, "shop.xlsx", data)
    assert [(r.sheet, r.kind, r.inserted) for r in results] == [
        ("Orders", "events", 2), ("Returns", "events", 1), ("People", "reference", 1)]
    assert db.execute("SELECT kind, order_id, client_ref FROM events ORDER BY id").fetchall() \
        == [("purchase", "O1", 1), ("purchase", "O2", 1), ("refund", "O2", 1)]
    assert db.execute("SELECT sheet, row, data FROM reference_rows").fetchall() == [
        ("People", 2, '{"Person": "Anna", "Region": "West"}')]
    assert db.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 1
    assert "reference data" in results[2].notes[-1]


@pytest.mark.parametrize("filename", ["sales-tracker.xlsx", "orders-2026.xlsx"])
def test_a_file_name_makes_events_only_of_sheets_with_event_columns(db, filename):
    data = xlsx_bytes({"Orders": [["Order Date", "Sales", "Customer ID"],
                                  [dt.datetime(2024, 1, 5), 10, "C1"]],
                       "Notes": [["Topic", "Remark"], ["Prices", "Up in May"]],
                       "Amounts": [["Order Date", "Sales"], [dt.datetime(2024, 1, 6), 12]]})
    assert [(p.sheet, p.kind) for p in plan_file(filename, data, db=db)] == [
        ("Orders", "events"), ("Notes", "reference"), ("Amounts", "events")]


@pytest.mark.parametrize("guide", [
    ("Read me", [["Topic", "Remark"], ["Dates", "Use dd/mm/yyyy"]]),
    ("Instructions", [["Step"], ["Fill in one row per order"]]),
    ("Help", [["Sheet", "Column", "Field", "What to enter", "Example"],
              ["Orders", "Sales", "amount", "The order's value", "$10"]]),
])
def test_guide_sheets_are_skipped_with_a_note(db, guide):
    name, rows = guide
    data = xlsx_bytes({name: rows, "Orders": [["Order ID", "Customer ID", "Sales"],
                                              ["O1", "C1", 10]]})
    result = one(import_file(db, "orders.xlsx", data))
    assert (result.sheet, result.kind, result.inserted) == ("Orders", "events", 1)
    assert f"sheet '{name}' is a guide to filling in the workbook, not data, and was " \
           "skipped" in result.notes
    assert db.execute("SELECT COUNT(*) FROM reference_rows").fetchone()[0] == 0
    with pytest.raises(UnreadableFile, match=f"^guide.xlsx has no rows to import: sheet "
                                             f"'{name}' is a guide"):
        import_file(db, "guide.xlsx", xlsx_bytes({name: rows}))


# --- values --------------------------------------------------------------------------------

def test_money_in_both_decimal_styles_and_yes_no(db):
    data = csv_bytes('Client ID,Revenue,Contract on file\n'
                     'A,"$1,200.50",yes\nB,"1.200,50 €",No\nC,"€ 3,5",TRUE\nD,250,0\n'
                     'E,"(1,000.00)",Y\nF,,n\n')
    one(import_file(db, "money.csv", data))
    assert clients(db, "client_id, revenue_current, contract_on_file") == [
        ("A", 1200.5, 1), ("B", 1200.5, 0), ("C", 3.5, 1), ("D", 250.0, 0),
        ("E", -1000.0, 1), ("F", None, 0)]


def test_dates_of_every_design_format(db):
    data = xlsx_bytes({"Orders": [
        ["Customer ID", "Order Date", "Sales"],
        ["A", 45000, 1],                              # Excel serial number
        ["B", dt.datetime(2017, 2, 11), 1],           # a real Excel date cell
        ["C", "11-Feb-17", 1],
        ["D", "2018.02.26 19:58", 1],
        ["E", "2024-03-15", 1],
        ["F", "25/12/2023", 1],
    ]})
    one(import_file(db, "orders.xlsx", data))
    assert db.execute("SELECT c.client_id, e.date FROM events e JOIN clients c "
                      "ON c.id = e.client_ref ORDER BY 1").fetchall() == [
        ("A", "2023-03-15"), ("B", "2017-02-11"), ("C", "2017-02-11"),
        ("D", "2018-02-26 19:58:00"), ("E", "2024-03-15"), ("F", "2023-12-25")]


def test_day_over_12_settles_month_first_for_the_whole_column(db):
    # The workspace default is day-first; 02/13 can only be month-first, so 03/04 is 4 March.
    data = csv_bytes("Client ID,Customer Since\nA,02/13/2024\nB,03/04/2024\nC,12/31/2023\n")
    one(import_file(db, "c.csv", data))
    assert clients(db, "client_id, first_contact") == [
        ("A", "2024-02-13"), ("B", "2024-03-04"), ("C", "2023-12-31")]


def test_day_over_12_settles_day_first_against_the_setting(db):
    set_setting(db, "day_first", False)
    data = csv_bytes("Client ID,Customer Since\nA,13/02/2024\nB,03/04/2024\n")
    one(import_file(db, "c.csv", data))
    assert clients(db, "client_id, first_contact") == [("A", "2024-02-13"), ("B", "2024-04-03")]


@pytest.mark.parametrize("day_first,expected", [(True, "2024-04-03"), (False, "2024-03-04")])
def test_ambiguous_column_follows_the_workspace_setting(db, day_first, expected):
    set_setting(db, "day_first", day_first)
    one(import_file(db, "c.csv", csv_bytes("Client ID,Customer Since\nA,03/04/2024\n")))
    assert clients(db, "first_contact") == [(expected,)]


def test_a_settled_column_settles_the_ambiguous_date_columns_after_it(db):
    data = csv_bytes("Client ID,Customer Since,Last contact\nA,02/13/2024,05/06/2024\n")
    one(import_file(db, "c.csv", data))
    assert clients(db, "first_contact, last_contact") == [("2024-02-13", "2024-05-06")]


# --- rejected rows ---------------------------------------------------------------------

def test_rejected_rows_name_sheet_row_column_value_and_reason(db):
    """On a client list, a cell that cannot be read is left empty and its client kept (the
    note says where); a row with no one to match is rejected, by sheet row and column."""
    # Row 1 is the header and row 3 is blank: the bad cells are on spreadsheet rows 4 and 6.
    data = csv_bytes("Client ID,Revenue,Customer Since,NPS\n"
                     "A,100,2024-01-01,9\n"
                     "\n"
                     "B,lots,2024-01-02,3\n"
                     "C,5,2024-01-03,\n"
                     "D,7,31/02/2024,11\n"
                     ",8,2024-01-05,1\n")
    result = one(import_file(db, "clients.csv", data))
    assert (result.sheet, result.rows, result.inserted, result.updated, result.rejected) == (
        "clients", 5, 4, 0, 1)
    assert problems(result) == [
        {"row": 7, "column": "client ID or name", "value": None,
         "reason": "the row has no client ID or name, so it cannot be matched to a client"}]
    assert ("3 cells could not be read and were left empty, their clients kept: row 4, "
            "Revenue (B): 'lots' is not an amount of money; row 6, Customer Since (C): "
            "'31/02/2024' is not a date Journey understands; row 6, NPS (D): '11' is not a "
            "score from 0 to 10.") in result.notes
    assert clients(db, "client_id, revenue_current, first_contact, nps") == [
        ("A", 100.0, "2024-01-01", 9.0), ("B", None, "2024-01-02", 3.0),
        ("C", 5.0, "2024-01-03", None), ("D", 7.0, None, None)]
    stored = db.execute("SELECT i.file, i.sheet, p.row, p.[column], p.value, p.reason "
                        "FROM import_problems p JOIN imports i ON i.id = p.import_id "
                        "ORDER BY p.id").fetchall()
    assert [s[:5] for s in stored] == [("clients.csv", "clients", 7, "client ID or name", None)]


def test_rejected_rows_in_a_workbook_use_spreadsheet_row_numbers(db):
    data = xlsx_bytes({"Orders": [
        [None, None, None],                                  # row 1 blank
        ["Customer ID", "Order Date", "Sales"],              # row 2 header
        ["A", dt.datetime(2024, 1, 5), 10],                  # row 3
        [None, None, None],                                  # row 4 blank
        ["B", "not a date", 20],                             # row 5
        ["C", dt.datetime(2024, 1, 7), "ten"],               # row 6
        ["A", dt.datetime(2024, 2, 5), 30],                  # row 7
    ]})
    result = one(import_file(db, "orders.xlsx", data))
    assert (result.rows, result.inserted, result.rejected) == (4, 2, 2)
    assert problems(result) == [
        {"row": 5, "column": "Order Date (B)", "value": "not a date",
         "reason": "date is not a date Journey understands"},
        {"row": 6, "column": "Sales (C)", "value": "ten",
         "reason": "amount is not an amount of money"}]
    assert clients(db, "client_id, purchase_count, furthest_stage") == [("A", 2, "retention")]


def test_an_unknown_event_kind_is_kept_as_a_contact_and_said(db):
    """Nothing a user uploads is dropped: an activity Journey does not know is a contact,
    its words kept as the touchpoint, and the import says so."""
    data = csv_bytes("Customer,Kind,Date\nAcme,complaint,2024-01-01\nAcme,teleport,2024-01-02\n"
                     "Beta,Site visit,2024-01-03\n")
    result = one(import_file(db, "log.csv", data))
    assert result.rejected == 0 and result.inserted == 3
    assert db.execute("SELECT kind, touchpoint FROM events ORDER BY id").fetchall() == [
        ("complaint", None), ("contact", "teleport"), ("contact", "Site visit")]
    assert any("2 rows in column Kind (B)" in note and "'teleport' (1)" in note
               and "kept as contacts" in note for note in result.notes)


def test_an_activity_that_names_a_stage_moves_the_client_there(db):
    """An activity log's "Proposal sent" is a stage change to consideration; "Gewonnen" a
    won deal; a payment beside invoices is the paying of one, not a second sale."""
    data = csv_bytes("Customer,Activity,Date,Amount\nAcme,Proposal sent,2024-01-02,\n"
                     "Beta,Gewonnen,2024-01-03,500\nGamma,Invoice,2024-01-04,100\n"
                     "Gamma,Payment,2024-01-20,100\n")
    one(import_file(db, "activities.csv", data))
    assert db.execute("SELECT c.name, e.kind, e.stage FROM events e JOIN clients c "
                      "ON c.id = e.client_ref ORDER BY e.id").fetchall() == [
        ("Acme", "stage_change", "consideration"), ("Beta", "won", "purchase"),
        ("Gamma", "purchase", None), ("Gamma", "contact", None)]
    assert clients(db, "name, furthest_stage") == [
        ("Acme", "consideration"), ("Beta", "purchase"), ("Gamma", "purchase")]


def test_payments_alone_are_purchases(db):
    data = csv_bytes("Customer,Type,Date,Amount\nAcme,Payment,2024-01-02,50\n"
                     "Acme,Payment,2024-02-02,50\n")
    one(import_file(db, "payments.csv", data, kind="events",
                    mapping={"Type": "kind"}))
    assert clients(db, "name, purchase_count, furthest_stage") == [("Acme", 2, "retention")]


# --- options ---------------------------------------------------------------------------

def test_map_overrides_a_guess_and_extra_keeps_a_column(db):
    data = csv_bytes("Ref,Company,Source,Hobby\nR1,Acme,Web,golf\n")
    result = one(import_file(db, "c.csv", data, mapping={"ref": "client_id", "Source": "extra"}))
    assert result.mapping == {"Ref": "client_id", "Company": "name", "Source": None,
                              "Hobby": None}
    assert clients(db, "client_id, name, channel, extra") == [
        ("R1", "Acme", None, '{"Source": "Web", "Hobby": "golf"}')]


def test_map_to_an_unknown_field_or_column_is_refused(db):
    data = csv_bytes("Ref,Company\nR1,Acme\n")
    with pytest.raises(ValidationError, match="'colour' is not a field"):
        import_file(db, "c.csv", data, mapping={"Ref": "colour"})
    with pytest.raises(ValidationError, match="has no column 'Nope'"):
        import_file(db, "c.csv", data, mapping={"Nope": "name"})
    with pytest.raises(ValidationError, match="cannot be mapped to 'amount'"):
        import_file(db, "c.csv", data, mapping={"Ref": "amount"}, kind="clients")
    assert db.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 0


def test_set_gives_every_row_a_value_and_is_checked(db):
    data = csv_bytes("Customer ID,Company\nC1,Acme\nC2,Beta\n")
    one(import_file(db, "c.csv", data, set_values={"channel": "Trade fair",
                                                  "first_contact": "2024-05-01"}))
    assert clients(db, "client_id, channel, first_contact") == [
        ("C1", "Trade fair", "2024-05-01"), ("C2", "Trade fair", "2024-05-01")]
    with pytest.raises(ValidationError, match="--set nps=lots"):
        import_file(db, "c.csv", data, set_values={"nps": "lots"})
    with pytest.raises(ValidationError, match="'colour' is not a field"):
        import_file(db, "c.csv", data, set_values={"colour": "red"})


def test_kind_option_overrides_the_guess(db):
    data = csv_bytes("Customer ID,Company,Notes\nC1,Acme,called\nC2,Beta,emailed\n")
    assert one(plan_file("c.csv", data, db=db)).kind == "clients"
    result = one(import_file(db, "c.csv", data, kind="events"))
    assert (result.kind, result.inserted) == ("events", 2)
    assert db.execute("SELECT kind, note FROM events ORDER BY id").fetchall() == [
        ("contact", "called"), ("contact", "emailed")]
    assert clients(db, "client_id, name") == [("C1", "Acme"), ("C2", "Beta")]
    with pytest.raises(ValidationError, match="--kind"):
        import_file(db, "c.csv", data, kind="people")


def test_sheet_option_imports_one_sheet(db):
    data = xlsx_bytes({"Clients": [["Customer ID", "Company"], ["C1", "Acme"]],
                       "Orders": [["Customer ID", "Order Date", "Sales"],
                                  ["C1", dt.datetime(2024, 1, 1), 5]]})
    result = one(import_file(db, "book.xlsx", data, sheet="Orders"))
    assert (result.sheet, result.kind) == ("Orders", "events")
    assert clients(db, "client_id, name, purchase_count") == [("C1", None, 1)]
    with pytest.raises(UnreadableFile):
        import_file(db, "book.xlsx", data, sheet="Nope")


def test_dry_run_reports_but_keeps_nothing(db):
    one(import_file(db, "a.csv", csv_bytes("Customer ID,Company\nC1,Acme\n")))
    before = dump(db)
    data = csv_bytes("Customer ID,Company,Stage\nC1,Acme Ltd,Hot\nC2,Beta,Won\n,,Lead\n")
    result = one(import_file(db, "b.csv", data, dry_run=True, stage_map={"Hot": "consideration"}))
    assert (result.dry_run, result.import_id, result.inserted, result.updated,
            result.rejected) == (True, None, 1, 1, 1)
    assert dump(db) == before


def test_stage_map_option_maps_and_is_remembered(db):
    data = csv_bytes("Customer ID,Stage\nC1,Hot\nC2,Cold call\nC3,Won\n")
    result = one(import_file(db, "c.csv", data, stage_map={"HOT": "Consideration"}))
    assert result.unknown_stages == {"Cold call": 1}
    assert stage_mapping(db) == {"hot": "consideration"}
    assert clients(db, "client_id, stage, stage_raw, furthest_stage") == [
        ("C1", "consideration", "Hot", "consideration"), ("C2", None, "Cold call", "awareness"),
        ("C3", "purchase", "Won", "purchase")]
    later = one(import_file(db, "d.csv", csv_bytes("Customer ID,Stage\nC9,hot\n")))
    assert later.unknown_stages == {}
    with pytest.raises(ValidationError, match="is not a stage"):
        import_file(db, "c.csv", data, stage_map={"Hot": "warm"})


def test_unknown_stage_values_are_reported_and_mapped_later(db):
    data = csv_bytes("Customer ID,Deal stage\nC1,Pitching\nC2,pitching \nC3,Lead\nC4,Parked\n")
    result = one(import_file(db, "c.csv", data))
    assert result.unknown_stages == {"Pitching": 2, "Parked": 1}      # one value, two spellings
    assert pending_stage_values(db) == {"Pitching": 1, "pitching": 1, "Parked": 1}
    assert clients(db, "client_id, stage, furthest_stage") == [
        ("C1", None, "awareness"), ("C2", None, "awareness"), ("C3", "awareness", "awareness"),
        ("C4", None, "awareness")]
    assert map_stage_values(db, {"Pitching": "purchase", "parked": "lost"}) == 3
    assert clients(db, "client_id, stage, status, furthest_stage") == [
        ("C1", "purchase", None, "purchase"), ("C2", "purchase", None, "purchase"),
        ("C3", "awareness", None, "awareness"), ("C4", None, "lost", "awareness")]
    assert pending_stage_values(db) == {}


def test_events_stage_values_waiting_are_read_from_their_index(db):
    """The events' stage values waiting to be mapped are read from the index of events with
    a stage value and no stage (m025: at ten million events 0.18 s of CPU, where reading
    every event took 0.9 s): the same values, and none once they are mapped."""
    data = csv_bytes("Client ID,Date,Kind,Stage\nC1,2024-01-02,contact,Pitching\n"
                     "C1,2024-01-05,contact,Lead\nC2,2024-01-03,contact,Parked\n"
                     "C3,2024-01-04,contact,Pitching\n")
    import_file(db, "e.csv", data, kind="events")
    said = []
    db.conn.set_trace_callback(said.append)
    assert pending_stage_values(db) == {"Pitching": 2, "Parked": 1}
    db.conn.set_trace_callback(None)
    query = next(q for q in said if "FROM events WHERE stage IS NULL" in q)
    plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + query))
    assert "INDEX events_stage_waiting" in plan and "SCAN events" not in plan, plan
    map_stage_values(db, {"Pitching": "consideration", "Parked": "lost"})
    assert pending_stage_values(db) == {}


def test_an_amount_beside_an_unknown_stage_is_never_a_purchase(db):
    """Issue 15, item 3: open deals with amounts and stage values Journey does not know stay
    contacts (listed for mapping); only won deals count as purchases in the funnel."""
    data = csv_bytes(
        "Deal ID,Account,Deal stage,Amount,Close date\n"
        "D1,Acme,Pitching,1200,2024-03-01\n"          # unknown stage, with an amount
        "D2,Beta,Pitching,800,2024-03-02\n"
        "D3,Gamma,Verbal yes,5000,2024-03-03\n"
        "D4,Delta,Won,2500,2024-03-04\n"
        "D5,Epsilon,Closed Won,900,2024-03-05\n"
        "D6,Zeta,Lost,300,2024-03-06\n"
        "D7,Eta,Closed Lost,,2024-03-07\n"
        "D8,Theta,Proposal,700,2024-03-08\n")       # a known stage: a stage change
    result = one(import_file(db, "deals.csv", data))
    assert result.kind == "events" and result.rejected == 0
    assert result.unknown_stages == {"Pitching": 2, "Verbal yes": 1}
    kinds = dict(db.execute("SELECT order_id, kind FROM events").fetchall())
    assert kinds == {"D1": "contact", "D2": "contact", "D3": "contact", "D4": "won",
                     "D5": "won", "D6": "lost", "D7": "lost", "D8": "stage_change"}
    assert funnel_counts(db)["purchase"] == 2
    assert sorted(clients(db, "name, purchase_count, furthest_stage")) == sorted([
        ("Acme", 0, "awareness"), ("Beta", 0, "awareness"), ("Gamma", 0, "awareness"),
        ("Delta", 1, "purchase"), ("Epsilon", 1, "purchase"), ("Zeta", 0, "awareness"),
        ("Eta", 0, "awareness"), ("Theta", 0, "consideration")])
    # Mapped later, the value moves the deal's stage; the deal is still no purchase event.
    map_stage_values(db, {"Verbal yes": "consideration"})
    assert funnel_counts(db)["purchase"] == 2
    assert funnel_counts(db)["consideration"] == 4      # Gamma, Theta and the two won


def test_mappings_are_remembered_for_the_same_set_of_headers(db):
    first = csv_bytes("Ref,Company,Tier\nR1,Acme,Gold\n")
    one(import_file(db, "jan.csv", first, mapping={"Ref": "client_id", "Tier": "client_type"}))
    # Next month's file: the same headers in another order, no --map needed.
    second = csv_bytes("Tier,Ref,Company\nSilver,R2,Beta\nPlatinum,R1,Acme\n")
    plan = one(plan_file("feb.csv", second, db=db))
    assert plan.remembered
    assert plan.mapping == {"Tier": "client_type", "Ref": "client_id", "Company": "name"}
    result = one(import_file(db, "feb.csv", second))
    assert (result.inserted, result.updated) == (1, 1)
    assert clients(db, "client_id, name, client_type") == [
        ("R1", "Acme", "Platinum"), ("R2", "Beta", "Silver")]
    # Other headers are not affected.
    other = one(plan_file("x.csv", csv_bytes("Ref,Company\nR3,Gamma\n"), db=db))
    assert not other.remembered and other.mapping == {"Ref": None, "Company": "name"}


# --- re-import, extras, import records -----------------------------------------------------

CLIENTS_CSV = csv_bytes("Customer ID,Company,Deal stage,Lead Source,Shoe size\n"
                        "C1,Acme,Lead,Web,42\nC2,Beta,Proposal,Referral,\nC3,Gamma,Won,Web,39\n")
ORDERS_CSV = csv_bytes("Order ID,Customer ID,Order Date,Sales,Gift wrap\n"
                       "O1,C1,2024-01-05,10,yes\nO2,C1,2024-02-05,20,\nO3,C3,2024-01-07,30,no\n"
                       "O3,C3,2024-01-07,30,no\n")


def test_reimporting_the_same_file_updates_and_never_duplicates(db):
    first = one(import_file(db, "clients.csv", CLIENTS_CSV))
    orders = one(import_file(db, "orders.csv", ORDERS_CSV))
    # (O3's two lines are one order: journey.ingest.rules.orders.order_lines)
    assert (first.inserted, first.updated, orders.inserted, orders.updated) == (3, 0, 3, 0)
    state = dump(db, HISTORY + ("saved_mappings",))
    again = one(import_file(db, "clients.csv", CLIENTS_CSV))
    orders_again = one(import_file(db, "orders.csv", ORDERS_CSV))
    assert (again.inserted, again.updated, again.rejected) == (0, 3, 0)
    assert (orders_again.inserted, orders_again.updated, orders_again.rejected) == (0, 3, 0)
    assert db.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 3
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 3
    after = dump(db, HISTORY + ("saved_mappings",))
    assert after["events"] == state["events"]
    # Clients are the same but for the time they were updated and how the extras JSON is
    # spaced (an update merges extras with SQLite's json_patch).
    columns = [c.name for c in db["clients"].columns]

    def comparable(rows):
        return [{c: json.loads(v) if c == "extra" and v else v
                 for c, v in zip(columns, row) if c != "updated_at"} for row in rows]
    assert comparable(after["clients"]) == comparable(state["clients"])


def test_reimport_with_changes_updates_only_the_changed_values(db):
    one(import_file(db, "clients.csv", CLIENTS_CSV))
    changed = csv_bytes("Customer ID,Company,Deal stage,Lead Source,Shoe size\n"
                        "c1,Acme,Qualified,Web,43\nC4,Delta,Lead,Event,\n")
    result = one(import_file(db, "clients.csv", changed))
    assert (result.inserted, result.updated) == (1, 1)    # IDs match ignoring case
    assert [(*row[:3], row[3] and json.loads(row[3]))
            for row in clients(db, "client_id, stage, channel, extra")] == [
        ("C2", "consideration", "Referral", None),
        ("C3", "purchase", "Web", {"Shoe size": "39"}),
        ("C4", "awareness", "Event", None),
        ("c1", "consideration", "Web", {"Shoe size": "43"})]


def test_unmapped_columns_are_kept_with_their_rows(db):
    one(import_file(db, "clients.csv", CLIENTS_CSV))
    one(import_file(db, "orders.csv", ORDERS_CSV))
    assert clients(db, "client_id, extra") == [
        ("C1", '{"Shoe size": "42"}'), ("C2", None), ("C3", '{"Shoe size": "39"}')]
    # O3's two lines are one order of 30 + 30, each line's own columns in its extras.
    assert [(o, json.loads(e) if e else e) for o, e in db.execute(
        "SELECT order_id, extra FROM events ORDER BY id").fetchall()] == [
        ("O1", {"Gift wrap": "yes"}), ("O2", None),
        ("O3", {"Gift wrap": "no", "Sales": 30.0,
                "line items": [{"Gift wrap": "no", "Sales": 30.0}]})]


def test_every_sheet_is_recorded_as_an_import(db):
    data = xlsx_bytes({"Clients": [["Customer ID", "Company"], ["C1", "Acme"], ["C2", None]],
                       "Orders": [["Customer ID", "Order Date", "Sales"],
                                  ["C1", dt.datetime(2024, 1, 1), 5],
                                  ["C2", "nope", 6]]})
    results = import_file(db, "book.xlsx", data)
    checksum = hashlib.sha256(data).hexdigest()
    rows = list_imports(db)
    assert [(r["id"], r["file"], r["sheet"], r["kind"], r["checksum"], json.loads(r["mapping"]),
             r["rows"], r["inserted"], r["updated"], r["rejected"], r["undone_at"])
            for r in rows] == [
        (2, "book.xlsx", "Orders", "events", checksum,
         {"Customer ID": "client_id", "Order Date": "date", "Sales": "amount"},
         2, 1, 0, 1, None),
        (1, "book.xlsx", "Clients", "clients", checksum,
         {"Customer ID": "client_id", "Company": "name"}, 2, 2, 0, 0, None)]
    assert [r.import_id for r in results] == [1, 2]


# --- orders, returns, and two-file joins ------------------------------------------------

RETURNS_CSV = csv_bytes("Order ID,Returned\nO2,Yes\nO3,Yes\nO9,Yes\n")


@pytest.mark.parametrize("order", [("orders", "returns"), ("returns", "orders")])
def test_returns_join_the_client_of_the_order_in_either_order(db, order):
    files = {"orders": ("orders.csv", ORDERS_CSV), "returns": ("returns.csv", RETURNS_CSV)}
    for name in order:
        import_file(db, *files[name])
    assert db.execute("SELECT e.order_id, c.client_id FROM events e LEFT JOIN clients c "
                      "ON c.id = e.client_ref WHERE e.kind = 'refund' ORDER BY 1").fetchall() \
        == [("O2", "C1"), ("O3", "C3"), ("O9", None)]
    assert clients(db, "client_id, purchase_count, refund_count, furthest_stage") == [
        ("C1", 2, 1, "retention"), ("C3", 1, 1, "purchase")]


def test_lead_list_and_won_deals_give_the_funnel_by_channel(db):
    """A lead list (one row per lead, with its channel) and a list of won deals joined by
    the lead ID. By hand: L1, L5 new leads (awareness); L2, L3, L4 qualified or with a
    proposal (consideration); L6 lost at awareness. Won deals: L2 once, L3 on two dates
    (retention), L4 once. So 6 aware, 3 considered, 3 bought, 1 came back."""
    leads = csv_bytes("Lead ID,Lead Name,Source,Stage\n"
                      "L1,Ann,Web,New\nL2,Bob,Web,Qualified\nL3,Cat,Referral,Qualified\n"
                      "L4,Dan,Referral,Proposal\nL5,Eve,Event,New lead\nL6,Fay,Web,Lost\n")
    deals = csv_bytes("Ref,Closed,Value,Deal\n"
                      "L2,2024-01-10,500,D1\nL3,2024-02-01,800,D2\nL3,2024-05-01,300,D3\n"
                      "L4,2024-03-03,1000,D4\n")
    assert one(import_file(db, "leads.csv", leads)).kind == "clients"
    result = one(import_file(db, "won.csv", deals, set_values={"kind": "won"},
                             mapping={"Ref": "client_id", "Closed": "date",
                                      "Deal": "order_id"}))
    assert (result.kind, result.inserted, result.rejected) == ("events", 4, 0)
    assert db.execute("SELECT DISTINCT kind FROM events").fetchall() == [("won",)]
    assert db.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 6
    assert funnel_counts(db) == {"awareness": 6, "consideration": 3, "purchase": 3,
                                 "retention": 1, "advocacy": 0}
    assert funnel_counts(db, by="channel") == {
        "Web": {"awareness": 3, "consideration": 1, "purchase": 1, "retention": 0,
                "advocacy": 0},
        "Referral": {"awareness": 2, "consideration": 2, "purchase": 2, "retention": 1,
                     "advocacy": 0},
        "Event": {"awareness": 1, "consideration": 0, "purchase": 0, "retention": 0,
                  "advocacy": 0}}
    assert clients(db, "client_id, status, outcome") == [
        ("L1", None, None), ("L2", None, None), ("L3", None, None), ("L4", None, None),
        ("L5", None, None), ("L6", "lost", "lost")]


# --- undo --------------------------------------------------------------------------------

def test_undo_restores_exactly_what_the_import_changed(db):
    one(import_file(db, "clients.csv", CLIENTS_CSV))
    before = dump(db, HISTORY)
    update = csv_bytes("Customer ID,Company,Deal stage,Lead Source,Shoe size,NPS\n"
                       "C1,Acme Ltd,Won,Fair,44,10\nC9,New Co,Lead,Web,,\n")
    result = one(import_file(db, "update.csv", update, stage_map={"Fair": "ignore"}))
    assert (result.inserted, result.updated) == (1, 1)
    assert dump(db, HISTORY) != before
    done = undo_import(db, result.import_id)
    assert done == Undone(result.import_id, clients_removed=1, events_removed=0,
                          rows_restored=1)
    assert dump(db, HISTORY) == before
    assert list_imports(db)[0]["undone_at"] is not None
    with pytest.raises(WorkspaceError, match="already undone"):
        undo_import(db, result.import_id)


def test_undo_of_events_restores_derived_figures(db):
    one(import_file(db, "clients.csv", CLIENTS_CSV))
    before = dump(db, HISTORY)
    orders = one(import_file(db, "orders.csv", ORDERS_CSV))
    assert clients(db, "client_id, furthest_stage") == [
        ("C1", "retention"), ("C2", "consideration"), ("C3", "purchase")]
    undo_import(db, orders.import_id)
    assert dump(db, HISTORY) == before


def test_undo_a_chain_newest_first(db):
    original = dump(db, HISTORY)
    a = one(import_file(db, "clients.csv", CLIENTS_CSV))
    after_a = dump(db, HISTORY)
    b_data = csv_bytes("Customer ID,Company,Deal stage,Lead Source,Shoe size\n"
                       "C2,Beta,Won,Referral,40\nC5,Echo,Lead,Web,\n")
    b = one(import_file(db, "clients-b.csv", b_data))
    c = one(import_file(db, "orders.csv", ORDERS_CSV))
    undo_import(db, c.import_id)
    undo_import(db, b.import_id)
    assert dump(db, HISTORY) == after_a
    undo_import(db, a.import_id)
    assert dump(db, HISTORY) == original
    with pytest.raises(WorkspaceError, match="no import 99"):
        undo_import(db, 99)


def test_undo_of_orders_unlinks_returns_imported_before_them(db):
    original = dump(db, HISTORY)
    one(import_file(db, "clients.csv", CLIENTS_CSV))
    returns = one(import_file(db, "returns.csv", RETURNS_CSV))
    after_returns = dump(db, HISTORY)
    orders = one(import_file(db, "orders.csv", ORDERS_CSV))
    assert db.execute("SELECT COUNT(*) FROM events WHERE kind = 'refund' "
                      "AND client_ref IS NOT NULL").fetchone()[0] == 2
    undo_import(db, orders.import_id)
    assert dump(db, HISTORY) == after_returns
    undo_import(db, returns.import_id)
    undo_import(db, 1)
    assert dump(db, HISTORY) == original


def test_undo_of_an_events_import_that_created_clients(db):
    original = dump(db, HISTORY)
    result = one(import_file(db, "orders.csv", ORDERS_CSV))
    assert db.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 2
    undo_import(db, result.import_id)
    assert dump(db, HISTORY) == original


@pytest.mark.parametrize("newest_first", [True, False])
def test_undo_of_a_workbook_sheet_by_sheet(db, newest_first):
    original = dump(db, HISTORY)
    data = xlsx_bytes({"Orders": [["Order ID", "Customer ID", "Order Date", "Sales"],
                                  ["O1", "C1", dt.datetime(2024, 1, 5), 10]],
                       "Returns": [["Returned", "Order ID"], ["Yes", "O1"]],
                       "People": [["Person", "Region"], ["Anna", "West"]]})
    results = import_file(db, "shop.xlsx", data)
    for result in reversed(results) if newest_first else results:
        undo_import(db, result.import_id)            # orders first: the return loses O1's client
    assert dump(db, HISTORY) == original


@pytest.mark.parametrize("log_first", [True, False])
def test_a_name_only_log_and_a_client_list_give_one_client_in_either_order(db, log_first):
    log = csv_bytes("Customer,Date,Kind\n"
                    "Acme Ltd,2024-01-01,complaint\nBeta,2024-01-02,complaint\n")
    client_list = csv_bytes("Customer ID,Company\nC1,ACME  Ltd\nC2,Gamma\n")
    original = dump(db, HISTORY)
    first, second = (log, client_list) if log_first else (client_list, log)
    a = one(import_file(db, "first.csv", first))
    after_first = dump(db, HISTORY)
    b = one(import_file(db, "second.csv", second))
    assert clients(db, "client_id, name_key, complaint_count") == [
        ("C1", "acme ltd", 1), ("C2", "gamma", 0), (None, "beta", 1)]
    undo_import(db, b.import_id)
    assert dump(db, HISTORY) == after_first
    undo_import(db, a.import_id)
    assert dump(db, HISTORY) == original


def test_two_listed_clients_with_one_name_do_not_take_over_a_name_only_client(db):
    one(import_file(db, "log.csv", csv_bytes("Customer,Kind\nJo Smith,complaint\n")))
    one(import_file(db, "list.csv", csv_bytes("Customer ID,Name\nC1,Jo Smith\nC2,Jo Smith\n")))
    assert clients(db, "client_id, name, complaint_count") == [
        ("C1", "Jo Smith", 0), ("C2", "Jo Smith", 0), (None, "Jo Smith", 1)]


def test_remembered_mappings_do_not_block_undo_and_follow_the_imports_left(db):
    """Two monthly files with the same headers: undoing January keeps February's
    remembered mapping; undoing February too forgets it."""
    jan = one(import_file(db, "jan.csv", csv_bytes("Ref,Company\nR1,Acme\n"),
                          mapping={"Ref": "client_id"}))
    feb = one(import_file(db, "feb.csv", csv_bytes("Ref,Company\nR2,Beta\n"),
                          mapping={"Ref": "client_id"}, stage_map={"Hot": "consideration"}))
    undo_import(db, jan.import_id)
    assert clients(db, "client_id") == [("R2",)]
    assert one(plan_file("mar.csv", csv_bytes("Ref,Company\nR3,Gamma\n"), db=db)).remembered
    assert stage_mapping(db) == {"hot": "consideration"}
    undo_import(db, feb.import_id)
    assert db.execute("SELECT COUNT(*) FROM saved_mappings").fetchone()[0] == 0
    assert stage_mapping(db) == {}


# --- workshop sheets (Personas, Touchpoints, Function map) --------------------------------
# The real importers live in journey.workshop (personas, touchpoints); these fakes follow
# the same contract (``journey.ingest.plan.WORKSHOP_IMPORTERS``) so that the dispatch, the
# transaction and undo are tested on their own.

def _fake_personas(db, raw, import_id):
    """Upsert personas by name; a row without a name is a problem."""
    inserted = updated = 0
    problems = []
    for row, record in zip(raw.row_numbers, raw.frame.to_dict("records")):
        name = record.get("Name")
        if not name:
            problems.append(Problem(row, "Name (A)", None, "a persona needs a name"))
            continue
        values = {"goals": record.get("Goals"),
                  "photo": record["Photo"].encode() if record.get("Photo") else None}
        cursor = db.execute("SELECT * FROM personas WHERE name = ?", [name])
        found = cursor.fetchone()
        if found is None:
            db.execute("INSERT INTO personas(name, goals, photo) VALUES (?, ?, ?)",
                       [name, values["goals"], values["photo"]])
            record_change(db, import_id, "personas",
                          db.execute("SELECT last_insert_rowid()").fetchone()[0], None)
            inserted += 1
        else:
            before = dict(zip([d[0] for d in cursor.description], found))
            record_change(db, import_id, "personas", before["id"], before)
            db.execute("UPDATE personas SET goals = ?, photo = ?, version = version + 1 "
                       "WHERE id = ?", [values["goals"], values["photo"], before["id"]])
            updated += 1
    return SheetSave(inserted, updated, problems)


def _fake_function_map(db, raw, import_id):
    """Replace a whole table with the sheet's rows (deletes are undone too); the table,
    made by the fixture, has no INTEGER PRIMARY KEY, so undo must keep its rowids."""
    cursor = db.execute("SELECT rowid, * FROM wall_map")
    names = [d[0] for d in cursor.description]
    for row in cursor.fetchall():
        record_change(db, import_id, "wall_map", row[0], dict(zip(names[1:], row[1:])))
    db.execute("DELETE FROM wall_map")
    for record in raw.frame.to_dict("records"):
        db.execute("INSERT INTO wall_map(stage, department) VALUES (?, ?)",
                   [record["Stage"], record["Department"]])
        record_change(db, import_id, "wall_map",
                      db.execute("SELECT last_insert_rowid()").fetchone()[0], None)
    return SheetSave(len(raw.frame), 0, [])


@pytest.fixture
def workshop(db, monkeypatch):
    """Fake importers for personas and the function map, and none for touchpoints."""
    monkeypatch.setitem(WORKSHOP_IMPORTERS, "personas", _fake_personas)
    monkeypatch.setitem(WORKSHOP_IMPORTERS, "function_map", _fake_function_map)
    monkeypatch.delitem(WORKSHOP_IMPORTERS, "touchpoints")
    db.execute("CREATE TABLE wall_map (stage TEXT, department TEXT)")
    return db


def workshop_book(personas, function_map=None):
    sheets = {"Personas": [["Name", "Goals", "Photo"], *personas],
              "Touchpoints": [["Stage", "Touchpoint"], ["Awareness", "Flyer"]],
              "Clients": [["Customer ID", "Company"], ["C1", "Acme"]]}
    if function_map:
        sheets["Function map"] = [["Stage", "Department"], *function_map]
    return xlsx_bytes(sheets)


def test_workshop_sheets_go_to_their_importers_and_undo(workshop):
    db = workshop
    db.execute("INSERT INTO wall_map VALUES ('awareness', 'marketing')")
    original = dump(db, HISTORY)
    data = workshop_book([["Dr. Jelena", "Fewer no-shows", "jpeg-1"], [None, "orphan", None]],
                         [["Awareness", "Sales"], ["Purchase", "Operations"]])
    results = {r.sheet: r for r in import_file(db, "workshop.xlsx", data)}
    assert {s: (r.kind, r.rows, r.inserted, r.updated, r.rejected) for s, r in results.items()} == {
        "Personas": ("personas", 2, 1, 0, 1), "Touchpoints": ("reference", 1, 1, 0, 0),
        "Clients": ("clients", 1, 1, 0, 0), "Function map": ("function_map", 2, 2, 0, 0)}
    assert problems(results["Personas"]) == [
        {"row": 3, "column": "Name (A)", "value": None, "reason": "a persona needs a name"}]
    assert results["Personas"].as_dict()["kind"] == "personas"
    assert db.execute("SELECT row, reason FROM import_problems").fetchall() == [
        (3, "a persona needs a name")]
    assert db.execute("SELECT name, goals, photo FROM personas").fetchall() == [
        ("Dr. Jelena", "Fewer no-shows", b"jpeg-1")]
    assert db.execute("SELECT * FROM wall_map").fetchall() == [
        ("Awareness", "Sales"), ("Purchase", "Operations")]
    assert db.execute("SELECT sheet FROM reference_rows").fetchall() == [("Touchpoints",)]
    for result in reversed(list(results.values())):
        undo_import(db, result.import_id)
    assert dump(db, HISTORY) == original


def test_a_workshop_reimport_updates_and_undo_restores_the_before_image(workshop):
    db = workshop
    original = dump(db, HISTORY)
    one_persona = [["Dr. Jelena", "Fewer no-shows", "jpeg-1"]]
    first = {r.sheet: r for r in import_file(db, "a.xlsx", workshop_book(one_persona))}
    changed = [["Dr. Jelena", "Full diary", "jpeg-2"], ["Sam", "Cheap", None]]
    second = {r.sheet: r for r in import_file(db, "b.xlsx", workshop_book(changed))}
    assert (second["Personas"].inserted, second["Personas"].updated) == (1, 1)
    assert db.execute("SELECT name, goals, photo, version FROM personas ORDER BY id").fetchall() \
        == [("Dr. Jelena", "Full diary", b"jpeg-2", 2), ("Sam", "Cheap", None, 1)]
    # Undoing the first import while the second stands hands its before-image on.
    undo_import(db, first["Personas"].import_id)
    assert db.execute("SELECT COUNT(*) FROM personas").fetchone()[0] == 2
    for result in reversed(list(second.values())):
        undo_import(db, result.import_id)
    assert db.execute("SELECT COUNT(*) FROM personas").fetchone()[0] == 0
    undo_import(db, first["Clients"].import_id)
    undo_import(db, first["Touchpoints"].import_id)
    assert dump(db, HISTORY) == original


def test_undo_of_a_workshop_reimport_restores_the_row_exactly(workshop):
    db = workshop
    import_file(db, "a.xlsx", workshop_book([["Dr. Jelena", "Fewer no-shows", "jpeg-1"]]))
    after_first = dump(db, HISTORY)
    second = import_file(db, "b.xlsx", workshop_book([["Dr. Jelena", "Full diary", None]]))
    for result in reversed(second):
        undo_import(db, result.import_id)
    assert dump(db, HISTORY) == after_first


def test_a_workshop_dry_run_keeps_nothing(workshop):
    db = workshop
    before = dump(db)
    results = import_file(db, "a.xlsx", workshop_book([["Sam", "Cheap", None]],
                                                      [["Awareness", "Sales"]]), dry_run=True)
    assert [(r.kind, r.inserted, r.import_id) for r in results] == [
        ("personas", 1, None), ("reference", 1, None), ("clients", 1, None),
        ("function_map", 1, None)]
    assert dump(db) == before


def test_workshop_sheets_without_an_importer_are_reference_rows(db, monkeypatch):
    for kind in list(WORKSHOP_IMPORTERS):                            # none registered
        monkeypatch.delitem(WORKSHOP_IMPORTERS, kind)
    results = import_file(db, "a.xlsx", workshop_book([["Sam", "Cheap", None]]))
    assert [(r.sheet, r.kind) for r in results] == [
        ("Personas", "reference"), ("Touchpoints", "reference"), ("Clients", "clients")]
    assert clients(db, "client_id, name") == [("C1", "Acme")]       # no client called Sam
    assert db.execute("SELECT COUNT(*) FROM personas").fetchone()[0] == 0


def test_an_explicit_kind_is_not_sent_to_a_workshop_importer(workshop):
    results = import_file(workshop, "a.xlsx", workshop_book([["Sam", "Cheap", None]]),
                          kind="reference")
    assert {r.kind for r in results} == {"reference"}
    assert workshop.execute("SELECT COUNT(*) FROM personas").fetchone()[0] == 0
