"""Left alone, mended in session 27, each imported through the command a user runs, the
figures worked by hand:

- a "Balance paid" column holding the balance's money ("450") was read as a column of dates
  (Excel's day 450, 1901-03-25), kept as the day the client bought: the couple's first
  contact became 1901-03-25;
- Xero's invoice export writes its statuses as its screens do ("Awaiting Payment"), not as
  its API does (AUTHORISED): an invoice part paid was a contact, its money lost, and the
  explanation counted an unpaid one among the drafts;
- a studio's member on an intro offer who had paid for it (£30 in "Lifetime Value") was kept
  at consideration, "no purchase", while the import said the clients with more than 0 there
  were read as customers.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, workspace_rows

BOOKINGS = ("Couple,Ceremony date,Fee,Deposit,Balance paid,Status\n"
            "Ann & Tom Fox,14/06/2025,650,200,{paid},Booked\n"
            "Bob & Sue Lee,20/09/2025,650,200,,Booked\n"
            "Dan Ray,12/12/2025,650,,,Enquiry\n")


def test_the_balance_paid_as_money_is_no_day(tmp_path):
    """Ann & Tom paid the 450 balance: a tick, not a day. Their first and last days are the
    ceremony's, 2025-06-14; no event is dated 1901. Revenue 650 + 200 = 850 paid, 450 + 650
    to come; [3, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "bookings.csv", BOOKINGS.format(paid="450"))
    assert workspace_rows(tmp_path, "SELECT name, first_date, last_date, revenue_current, "
                                    "revenue_potential FROM clients ORDER BY name") == [
        ("Ann & Tom Fox", "2025-06-14", "2025-06-14", 650.0, None),
        ("Bob & Sue Lee", "2025-09-20", "2025-09-20", 200.0, 450.0),
        ("Dan Ray", "2025-12-12", "2025-12-12", None, 650.0)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE date < '2000'") == [(0,)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_a_day_written_in_balance_paid_is_still_the_day_it_was_paid(tmp_path):
    """Must not fire: the day the balance was paid, written as a date or as a compact
    day (20250601), is kept as the day Ann & Tom bought (before the ceremony: their first
    day)."""
    for written in ("01/06/2025", "20250601"):
        folder = tmp_path / written.replace("/", "-")
        folder.mkdir()
        cli_import_text(folder, "bookings.csv", BOOKINGS.format(paid=written))
        assert workspace_rows(folder, "SELECT first_date, revenue_current FROM clients "
                                      "WHERE name = 'Ann & Tom Fox'") == [
            ("2025-06-01", 650.0)], written


XERO = ("*ContactName,EmailAddress,*InvoiceNumber,*InvoiceDate,*DueDate,Total,TaxTotal,"
        "InvoiceAmountPaid,InvoiceAmountDue,*Description,*Quantity,*UnitAmount,*AccountCode,"
        "Currency,Type,Status\n"
        "Ann Fox Design,ann@fox.co.uk,INV-0001,15/01/2025,14/02/2025,600.00,100.00,600.00,0.00,"
        "Logo design,1,500.00,200,GBP,Sales invoice,Paid\n"
        "Bob Lee Ltd,bob@lee.com,INV-0002,03/02/2025,05/03/2025,1200.00,200.00,{bob_paid},"
        "{bob_due},Website build,1,1000.00,200,GBP,Sales invoice,Awaiting Payment\n"
        "Ann Fox Design,ann@fox.co.uk,INV-0003,10/03/2025,09/04/2025,240.00,40.00,240.00,0.00,"
        "Business cards,2,100.00,200,GBP,Sales invoice,Paid\n"
        "Cy Wu,cy@wu.com,INV-0004,01/04/2025,01/05/2025,360.00,60.00,0.00,0.00,Brochure,1,"
        "300.00,200,GBP,Sales invoice,Voided\n"
        "Di Ray,di@ray.com,INV-0005,02/04/2025,02/05/2025,90.00,15.00,0.00,90.00,Flyer,1,"
        "75.00,200,GBP,Sales invoice,Awaiting Approval\n")


def test_a_xero_invoice_awaiting_payment_with_some_paid_is_a_sale_of_what_was_paid(tmp_path):
    """Bob Lee Ltd paid 300 of its 1,200 invoice, "Awaiting Payment": a sale of 300 (was a
    contact). Ann's two paid invoices 600 + 240; Cy's voided, Di's awaiting approval.
    Sales 1,140; [4, 2, 2, 1, 0] (Ann bought twice)."""
    found = cli_import_text(tmp_path, "Invoices.csv", XERO.format(bob_paid="300.00",
                                                                   bob_due="900.00"))
    assert workspace_rows(tmp_path, "SELECT c.name, e.amount FROM events e JOIN clients c ON "
                                    "c.id = e.client_ref WHERE e.kind = 'purchase' "
                                    "ORDER BY e.date") == [
        ("Ann Fox Design", 600.0), ("Bob Lee Ltd", 300.0), ("Ann Fox Design", 240.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]
    assert found["recognised_as"] == "xero_sales_invoices"
    assert ("3 paid invoices counted as purchases (1 invoice part paid, at what was paid so "
            "far: 300)") in found["explanation"]


def test_a_xero_invoice_awaiting_payment_with_nothing_paid_is_counted_as_awaiting(tmp_path):
    """Bob's invoice, nothing paid: a contact, said as awaiting payment, not as a draft
    (was "0 invoices awaiting payment ... 2 draft or deleted invoices"); Di's awaiting
    approval is the draft. [4, 1, 1, 1, 0]."""
    found = cli_import_text(tmp_path, "Invoices.csv", XERO.format(bob_paid="0.00",
                                                                   bob_due="1200.00"))
    said = found["explanation"]
    assert "1 invoice awaiting payment (AUTHORISED" in said
    assert "1 draft or deleted invoice as contacts" in said
    assert cli_funnel(tmp_path) == [4, 1, 1, 1, 0]


MEMBERS = ("Client ID,First Name,Last Name,Email,Membership,Membership Start,Membership End,"
           "Status,Last Visit,Total Visits,Lifetime Value\n"
           "1001,Ann,Fox,ann@fox.co.uk,Unlimited Monthly,2024-01-05,,Active,2025-03-01,85,"
           "\"£1,140.00\"\n"
           "1003,Cy,Wu,cy@wu.com,Intro Offer,2025-02-20,2025-03-20,Active,2025-02-25,2,{cy}\n"
           "1004,Di,Ray,di@ray.com,,,,Prospect,,0,£0.00\n")


def test_a_member_who_paid_for_an_intro_offer_bought_it(tmp_path):
    """Cy paid £30 for the intro offer: a customer (purchase, active), revenue 30, as the
    import's note says (was consideration, "no purchase"). Ann's unlimited plan since
    2024-01-05 to a last visit on 2025-03-01: retention. Di a prospect. [3, 2, 2, 1, 0]."""
    found = cli_import_text(tmp_path, "members.csv", MEMBERS.format(cy="£30.00"))
    assert "2 members on a paid membership counted as customers" in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, revenue_current FROM "
                                    "clients ORDER BY name") == [
        ("Ann Fox", "retention", 1140.0), ("Cy Wu", "purchase", 30.0),
        ("Di Ray", "awareness", 0.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_member_on_an_intro_offer_who_paid_nothing_tried_it(tmp_path):
    """Must not fire: Cy's intro offer at £0 (or not said) is a trial, consideration:
    [3, 2, 1, 1, 0]."""
    for cy in ("£0.00", ""):
        folder = tmp_path / (cy or "blank")
        folder.mkdir()
        cli_import_text(folder, "members.csv", MEMBERS.format(cy=cy))
        assert workspace_rows(folder, "SELECT furthest_stage FROM clients WHERE name = "
                                      "'Cy Wu'") == [("consideration",)], cy
        assert cli_funnel(folder) == [3, 2, 1, 1, 0], cy
