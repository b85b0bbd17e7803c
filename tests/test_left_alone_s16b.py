"""Smaller things earlier sessions noticed and left alone (session 16, B). Each sheet goes
through the command line and is checked against figures worked out by hand before
importing, and against the sentences the import prints; beside each, where it matters, a
sheet where the rule must not fire.

- The "rows marked paid" note counts the rows kept, not those rejected after.
- An empty Total beside Qty and Unit price: the mapping and the note say the unit price
  was used, not "Total".
- A sheet's kind taken from its name says the name as written ("the file is called
  'gift_cards.csv'", not "called 'giftcards'").
- A "Record Type" kept as extra, whose complaints are read: the explanation says so.
- A job and the invoice that bills it: the sale's day is the job's, in either order.
- Month names in Russian, Ukrainian and Turkish.
- Nordic "finished" (Avslutad, Afsluttet, Avsluttet, Valmis), read by its column: a job's
  or a client's work done, or beside "Aktiv" a client who left; "in progress" (Pågående).
- A materials file of job numbers imported after the jobs: the jobs' details, not sales.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

SALES = "SELECT substr(date, 1, 10), order_id, amount FROM events WHERE kind = 'purchase' " \
        "ORDER BY date"


# --- the paid note counts the rows kept ----------------------------------------------------

def test_rows_marked_paid_are_counted_after_rejections(tmp_path):
    """Ann (200) and Cy (500) paid, Bob (80) not; Di's row has no date it can be read by:
    rejected (the TOTAL row is set aside as the table's totals). The note counts Ann and Cy,
    2 rows (was 3: Di's Yes counted too)."""
    found = cli_import_text(tmp_path, "work.csv", (
        "Date,Client,Job,Fee,Paid\n"
        "2024-03-01,Ann Lee,Logo,200,Yes\n"
        "2024-03-05,Bob Ray,Flyer,80,No\n"
        "2024-03-09,Cy Tan,Website,500,Yes\n"
        "someday,Di Woo,Card,50,Yes\n"
        ",TOTAL,,830,Yes\n"))
    assert found["rejected"] == 1
    assert "2 rows marked paid in 'Paid' were read as purchases." in found["notes"]
    assert "1 row marked not paid in 'Paid' was read as a contact, not a sale." in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 700.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- an empty Total filled from Qty × Unit price -------------------------------------------

def test_an_empty_total_says_the_unit_price_was_used(tmp_path):
    """Total is empty: Ann's mugs 2 × 10 and bowl 1 × 7.50, Bob's plates 3 × 5: 42.50 in all.
    The mapping shows Unit price as the amount and Total as kept (was Total as the amount)."""
    found = cli_import_text(tmp_path, "lines.csv", (
        "Date,Customer,Product,Qty,Unit price,Total\n"
        "2024-03-01,Ann Lee,Mug,2,10,\n"
        "2024-03-05,Bob Ray,Plate,3,5,\n"
        "2024-03-09,Ann Lee,Bowl,1,7.50,\n"))
    assert found["mapping"]["Unit price"] == "amount"
    assert found["mapping"]["Total"] is None
    assert ("Amounts are Qty × Unit price for each line ('Total' is empty in every row)."
            in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 42.5)


def test_a_filled_total_stays_the_amount(tmp_path):
    """Where Total is filled it is each line's amount: 25 + 15 = 40 (not 2 × 10 + 3 × 5)."""
    found = cli_import_text(tmp_path, "lines.csv", (
        "Date,Customer,Product,Qty,Unit price,Total\n"
        "2024-03-01,Ann Lee,Mug,2,10,25\n"
        "2024-03-05,Bob Ray,Plate,3,5,15\n"))
    assert found["mapping"]["Total"] == "amount"
    assert found["mapping"]["Unit price"] is None
    assert kind_totals(tmp_path, "purchase") == (2, 40.0)


# --- a sheet's kind from its name ----------------------------------------------------------

def test_a_gift_card_file_says_its_name_as_written(tmp_path):
    """gift_cards.csv: two cards sold, 50 + 25 = 75, said by the file's own name."""
    found = cli_import_text(tmp_path, "gift_cards.csv", (
        "Date,Buyer,Email,Amount\n"
        "2024-12-01,Ann Lee,ann@x.com,50\n"
        "2024-12-03,Bob Ray,bob@x.com,25\n"))
    assert ("2 rows with nothing saying what happened were read as purchases, because the "
            "file is called 'gift_cards.csv'; choose another under 'Every row is' "
            "(--set kind=...) if that is wrong.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 75.0)


def test_a_gift_card_sheet_says_the_sheet_name(tmp_path):
    """A workbook's "Gift Cards" sheet: one card of 40 sold, said by the sheet's name."""
    (found,) = cli_import_book(tmp_path, "shop.xlsx", {
        "Gift Cards": [["Date", "Buyer", "Email", "Amount"],
                       ["2024-12-01", "Ann Lee", "ann@x.com", 40]]})
    assert ("1 row with nothing saying what happened was read as a purchase, because the "
            "sheet is called 'Gift Cards'; choose another under 'Every row is' "
            "(--set kind=...) if that is wrong.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (1, 40.0)


# --- a Record Type whose complaints are read -----------------------------------------------

CASES = ("Case Number,Record Type,Subject,Status,Contact Name,Account Name,Date/Time Opened\n"
         "00001001,Complaint,Parcel arrived damaged,Closed,Ann Lee,Acme Ltd,2024-03-01 09:00\n"
         "00001002,Support,How do I reset my password,Closed,Bo Ek,Beta Co,2024-03-02 10:00\n"
         "00001003,Complaint,Invoice charged twice,Escalated,Cy Tan,Cole & Sons,"
         "2024-03-04 11:00\n"
         "00001004,Feature Request,Export to PDF please,New,Ann Lee,Acme Ltd,2024-03-05 12:00\n")


def test_a_record_type_explained_as_the_note_reads_it(tmp_path):
    """Acme's first case and Cole's are complaints, Beta's case and Acme's feature request
    contacts; the explanation says the
    column names what happened on some rows (was "not what happened" above the note that
    read two complaints from it)."""
    found = cli_import_text(tmp_path, "cases.csv", CASES)
    assert ("'Record Type' holds names ('Complaint', 'Support'), not what happened on every "
            "row: kept as extra, the complaints, referrals and reviews it names read as such"
            in found["explanation"])
    assert "not what happened: kept as extra" not in found["explanation"]
    assert "2 rows tagged with what happened in 'Record Type' were read as such: 2 complaints." \
        in found["notes"]
    assert kind_totals(tmp_path, "complaint") == (2, None)


def test_a_record_type_naming_no_kind_is_said_as_before(tmp_path):
    """Record types naming no complaint, referral or review (Billing, Technical): kept as
    extra, "not what happened", every case a contact."""
    found = cli_import_text(tmp_path, "cases.csv", CASES.replace("Complaint", "Billing")
                            .replace("Support", "Technical").replace("Feature Request", "Billing"))
    assert ("'Record Type' holds names ('Billing', 'Technical'), not what happened: kept as "
            "extra" in found["explanation"])
    assert kind_totals(tmp_path, "contact") == (4, None)


# --- a job and its invoice: the day of the sale --------------------------------------------

JOBS = ("Job No,Date,Customer,Job,Status,Amount\n"
        "J-101,2024-03-04,Ann Lee,Fix leaking tap,Done,120\n"
        "J-102,2024-03-06,Bob Ray,Boiler service,Done,90\n"
        "J-103,2024-03-11,Ann Lee,Replace toilet,Done,340\n")
JOB_INVOICES = ("Invoice No,Job No,Invoice Date,Customer,Amount,Status\n"
                "INV-1,J-101,2024-03-08,Ann Lee,120,Paid\n"
                "INV-2,J-102,2024-03-13,Bob Ray,90,Paid\n"
                "INV-3,J-103,2024-04-02,Ann Lee,340,Paid\n")


def test_a_job_and_its_invoice_are_sold_the_day_the_job_was_done(tmp_path):
    """The work done is the sale; the invoice bills it later. 3 sales on 4, 6 and 11 March
    (the jobs' days) whichever file came first (were 8, 13 March and 2 April when the
    invoices came last: J-103 moved into April)."""
    for first, second in (("jobs", "invoices"), ("invoices", "jobs")):
        place = tmp_path / first
        place.mkdir()
        texts = {"jobs": JOBS, "invoices": JOB_INVOICES}
        cli_import_text(place, f"{first}.csv", texts[first])
        cli_import_text(place, f"{second}.csv", texts[second])
        assert workspace_rows(place, SALES) == [
            ("2024-03-04", "J-101", 120.0), ("2024-03-06", "J-102", 90.0),
            ("2024-03-11", "J-103", 340.0)], first
        assert workspace_rows(place, "SELECT name, substr(last_date, 1, 10) FROM clients "
                                     "ORDER BY name") == [
            ("Ann Lee", "2024-03-11"), ("Bob Ray", "2024-03-06")], first
        assert cli_funnel(place) == [2, 2, 2, 1, 0], first


def test_an_order_listed_again_takes_its_new_day(tmp_path):
    """An order list imported again with a corrected day (no job billed): the new day."""
    cli_import_text(tmp_path, "orders.csv", "Order No,Date,Customer,Amount,Status\n"
                                            "1001,2024-03-04,Ann Lee,120,Paid\n")
    cli_import_text(tmp_path, "orders.csv", "Order No,Date,Customer,Amount,Status\n"
                                            "1001,2024-03-05,Ann Lee,120,Paid\n")
    assert workspace_rows(tmp_path, SALES) == [("2024-03-05", "1001", 120.0)]


# --- month names in Russian, Ukrainian and Turkish -----------------------------------------

def test_cyrillic_and_turkish_month_names_are_read(tmp_path):
    """Seven orders whose days are written with month names in Russian ("5 марта 2024",
    "12 января 2024 г.", "3 янв. 2025"), Ukrainian ("7 лютого 2024") and Turkish ("1 Şubat
    2024", "14 Ağustos 2024", "20 Kasım 2024"): every one read (was the column kept as
    extra, "most of its values are not a date", and the 7 sales without a day)."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order No,Date,Customer,Amount,Status\n"
        "1,5 марта 2024,Ann Lee,10,Paid\n"
        "2,12 января 2024 г.,Bob Ray,10,Paid\n"
        "3,3 янв. 2025,Cy Tan,10,Paid\n"
        "4,7 лютого 2024,Di Woo,10,Paid\n"
        "5,1 Şubat 2024,Ed Fox,10,Paid\n"
        "6,14 Ağustos 2024,Flo Gee,10,Paid\n"
        "7,20 Kasım 2024,Gus Hay,10,Paid\n"))
    assert found["mapping"]["Date"] == "date"
    assert not any("not a date" in note for note in found["notes"])
    assert [row[0] for row in workspace_rows(tmp_path, SALES)] == [
        "2024-01-12", "2024-02-01", "2024-02-07", "2024-03-05", "2024-08-14", "2024-11-20",
        "2025-01-03"]


# --- Nordic finished and in progress -------------------------------------------------------

def test_a_swedish_job_list_finished_is_a_sale(tmp_path):
    """Anna's two jobs "Avslutad" (finished: 1,200 and 500) are sales, Erik's "Pågående" (in
    progress: 800) is not yet: 2 sales of 1,700, Anna a repeat client: [2, 1, 1, 1, 0]
    (were 3 sales of 2,500 with "a status Journey does not know", Erik a customer:
    [2, 2, 2, 1, 0])."""
    cli_import_text(tmp_path, "jobs.csv", (
        "Job,Date,Customer,Status,Amount\n"
        "Kitchen,2024-03-04,Anna Berg,Avslutad,1200\n"
        "Bathroom,2024-03-06,Erik Lund,Pågående,800\n"
        "Hall,2024-03-11,Anna Berg,Avslutad,500\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 1700.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]


def test_a_nordic_client_whose_work_is_finished_bought(tmp_path):
    """A tracker's stages: Danish "Afsluttet", Norwegian "Avsluttet", Finnish "Valmis" are a
    client whose work is done (as "Completed"): 3 customers and a lead: [4, 3, 3, 0, 0]
    (were three values left to map: [4, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Stage\n"
        "Ann Lee,ann@x.com,Afsluttet\n"
        "Bob Ray,bob@x.com,Avsluttet\n"
        "Cy Tan,cy@x.com,Valmis\n"
        "Di Woo,di@x.com,Lead\n"))
    assert found["unknown_stage_values"] == {}
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_nordic_client_list_ended_beside_active_left(tmp_path):
    """A client list's Status: Aktiv, Avslutad, Prospekt. Beside "Aktiv", "Avslutad" says
    Erik has left: churned, not a value left to map (was {'Avslutad': 1} waiting)."""
    found = cli_import_text(tmp_path, "kunder.csv", (
        "Kund,E-post,Status\n"
        "Anna Berg,anna@x.se,Aktiv\n"
        "Erik Lund,erik@x.se,Avslutad\n"
        "Ola Nord,ola@x.se,Prospekt\n"))
    assert found["unknown_stage_values"] == {}
    assert workspace_rows(tmp_path, "SELECT name, status FROM clients ORDER BY name") == [
        ("Anna Berg", "active"), ("Erik Lund", "churned"), ("Ola Nord", "Prospekt")]


# --- a materials file of jobs imported before ----------------------------------------------

MATERIALS = ("Job No,Date,Item,Amount\n"
             "J-101,2024-03-04,Washer,4.50\n"
             "J-103,2024-03-11,Toilet pan,180\n"
             "J-103,2024-03-11,Seal kit,12\n")


def test_a_materials_file_after_the_jobs_is_their_details(tmp_path):
    """jobs.csv, then materials.csv naming no client, only job numbers the jobs carry: the
    materials are kept as reference rows, the jobs' 3 sales of 120 + 90 + 340 = 550 stay
    (were 3 rows read as purchases tying to the jobs, J-101's price 120 replaced by 4.50 and
    J-103's 340 by 180 + 12: 3 sales of 286.50)."""
    cli_import_text(tmp_path, "jobs.csv", JOBS)
    found = cli_import_text(tmp_path, "materials.csv", MATERIALS)
    assert found["kind"] == "reference"
    assert ("Sheet 'materials' names no client, only the numbers in 'Job No' of jobs an "
            "earlier import brought with their clients: its rows are those jobs' details "
            "(hours, costs), kept as reference rows, not sales.") in " ".join(found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 550.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_materials_of_jobs_not_imported_stay_rows_of_their_own(tmp_path):
    """The same materials file where no job with those numbers was imported: read as
    before (rows of their own, no reference rows)."""
    found = cli_import_text(tmp_path, "materials.csv", MATERIALS)
    assert found["kind"] == "events"
