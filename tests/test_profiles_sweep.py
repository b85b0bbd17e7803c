"""Exports a sweep of realistic files found misread (Stripe customers, invoice lines with a
status, Xero sales invoices, Delighted, Typeform and SurveyMonkey NPS surveys, WooCommerce
refunds), each tried on a small hand-made file with the export's own headers, imported
through the command a user runs (``python -m journey import FILE --workspace W --json``,
then ``funnel --json``, called in-process). Funnel figures are worked out by hand in each
test's comment, in stage order: awareness, consideration, purchase, retention, advocacy.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from conftest import cli_funnel as funnel
from conftest import cli_import_text as import_text
from conftest import workspace_rows as rows
from journey.ingest.profiles import recognise


# --- Stripe customers -----------------------------------------------------------------------

STRIPE_CUSTOMERS = (
    "id,Description,Email,Name,Created (UTC),Card ID,Account Balance,Currency,Delinquent,"
    "Total Spend,Payment Count,Refunded Volume,Dispute Losses,Plan,Status\n"
    "cus_A,,Ann@Mail.com,Ann Lee,2024-02-01 10:00,card_1,0.00,usd,false,100.00,2,0.00,0.00,"
    "Box,active\n"
    "cus_B,,bo@mail.com,Bo Li,2024-02-02 10:00,card_2,0.00,usd,false,30.00,1,0.00,0.00,"
    "Box,active\n"
    "cus_C,,cy@mail.com,Cy Ng,2024-02-03 10:00,,0.00,usd,true,0.00,0,0.00,0.00,,\n"
    "cus_D,,di@mail.com,Di Ho,2024-02-04 10:00,card_4,0.00,usd,false,40.00,1,40.00,0.00,"
    ",canceled\n")

STRIPE_PAYMENTS = (
    "id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Customer ID,"
    "Customer Description,Customer Email,Captured\n"
    "ch_1,2024-03-01 10:00:00,50.00,0.00,usd,Paid,cus_A,Ann Lee,ann@mail.com,true\n"
    "ch_2,2024-03-20 10:00:00,50.00,0.00,usd,Paid,cus_A,Ann Lee,ann@mail.com,true\n"
    "ch_3,2024-03-02 10:00:00,30.00,0.00,usd,Failed,cus_C,Cy Ng,cy@mail.com,false\n")


def test_stripe_customers_are_keyed_by_their_id(tmp_path):
    found = import_text(tmp_path, "unified_customers.csv", STRIPE_CUSTOMERS)
    assert found["recognised_as"] == "stripe_customers" and found["kind"] == "clients"
    assert found["rejected"] == 0
    assert rows(tmp_path, "SELECT client_id, email, name, purchases, revenue_current FROM "
                          "clients ORDER BY client_id") == [
        ("cus_A", "ann@mail.com", "Ann Lee", 2, 100.0), ("cus_B", "bo@mail.com", "Bo Li", 1, 30.0),
        ("cus_C", "cy@mail.com", "Cy Ng", 0, 0.0), ("cus_D", "di@mail.com", "Di Ho", 1, 40.0)]
    # 4 customers; A, B and D paid (Payment Count >= 1); A paid twice.
    assert funnel(tmp_path) == [4, 3, 3, 1, 0]
    assert found["explanation"] == (
        "Recognised as a Stripe customers export: 4 customers by customer ID (cus_..., as "
        "the payments export's Customer ID); 3 have paid and 1 paid twice or more (from "
        "Payment Count: the export has no payment dates); Total Spend is their revenue.")


def test_stripe_customers_and_payments_are_the_same_clients(tmp_path):
    import_text(tmp_path, "unified_customers.csv", STRIPE_CUSTOMERS)
    found = import_text(tmp_path, "unified_payments.csv", STRIPE_PAYMENTS)
    assert found["recognised_as"] == "stripe_payments"
    # The payments' Customer IDs are the customers' ids: still 4 clients.
    assert rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(4,)]
    assert funnel(tmp_path) == [4, 3, 3, 1, 0]


# --- invoice lines with a status (Sage) --------------------------------------------------------

SAGE = (
    "Invoice No,Invoice Date,Customer ID,Customer,Stock Code,Description,Quantity,"
    "Unit Price,Net,VAT,Status\n"
    "INV001,05/02/2024,CUST01,Apex Ltd,WID-10,Widget,10,£2.50,£25.00,£5.00,Paid\n"
    "INV001,05/02/2024,CUST01,Apex Ltd,SVC,Installation,1,£120.00,£120.00,£24.00,Paid\n"
    "INV002,06/02/2024,CUST02,Bolt plc,WID-20,Widget,5,£4.00,£20.00,£4.00,Void\n"
    "INV003,07/02/2024,CUST03,Core LLP,WID-10,Widget,3,£2.50,£7.50,£1.50,Draft\n"
    "INV004,14/02/2024,CUST04,Echo Ltd,WID-20,Widget,50,£4.00,£200.00,£40.00,Overdue\n"
    "INV005,20/03/2024,CUST01,Apex Ltd,WID-10,Widget,20,£2.50,£50.00,£10.00,Paid\n")


def test_invoice_lines_status_says_what_each_invoice_is(tmp_path):
    found = import_text(tmp_path, "sales_invoice_lines.csv", SAGE)
    assert found["recognised_as"] == "invoice_lines" and found["rejected"] == 0
    assert rows(tmp_path, "SELECT order_id, kind, amount FROM events ORDER BY order_id") == [
        ("INV001", "purchase", 145.0), ("INV002", "cancellation", 20.0),
        ("INV003", "contact", 7.5), ("INV004", "contact", 200.0),
        ("INV005", "purchase", 50.0)]
    # The Customer column is the client's name.
    assert rows(tmp_path, "SELECT client_id, name FROM clients ORDER BY client_id") == [
        ("CUST01", "Apex Ltd"), ("CUST02", "Bolt plc"), ("CUST03", "Core LLP"),
        ("CUST04", "Echo Ltd")]
    # 4 clients; Apex bought twice, on two dates; the void, the draft and the overdue
    # invoice (unpaid, as "past due" is: as Xero's, FreshBooks' and Wave's) are no purchases.
    assert funnel(tmp_path) == [4, 1, 1, 1, 0]
    assert ("by their status, 2 invoices counted as purchases, 1 void invoice as "
            "cancellations and 2 draft or unpaid invoices as contacts;") in found["explanation"]


# --- Xero sales invoices ------------------------------------------------------------------------

XERO = (
    "ContactName,EmailAddress,POCountry,InvoiceNumber,Reference,InvoiceDate,DueDate,Total,"
    "TaxTotal,InvoiceAmountPaid,InvoiceAmountDue,InventoryItemCode,Description,Quantity,"
    "UnitAmount,LineAmount,Currency,Type,Sent,Status\n"
    "Harbour Cafe,acc@harbour.nz,New Zealand,INV-0001,,05/01/2024,20/01/2024,230.00,30.00,"
    "230.00,0.00,CATER,Catering,2,50,100.00,NZD,Sales invoice,Sent,PAID\n"
    "Harbour Cafe,acc@harbour.nz,New Zealand,INV-0001,,05/01/2024,20/01/2024,230.00,30.00,"
    "230.00,0.00,COFFEE,Coffee,1,100,100.00,NZD,Sales invoice,Sent,PAID\n"
    "Kiwi Builders,ops@kiwi.nz,New Zealand,INV-0002,,09/01/2024,24/01/2024,460.00,60.00,"
    "0.00,460.00,CATER,Catering,1,400,400.00,NZD,Sales invoice,Sent,AUTHORISED\n"
    "Tui Design,hi@tui.nz,New Zealand,INV-0003,,10/01/2024,25/01/2024,57.50,7.50,0.00,"
    "57.50,CATER,Catering,1,50,50.00,NZD,Sales invoice,,DRAFT\n"
    "Moana Surf,m@surf.nz,New Zealand,INV-0004,,15/01/2024,30/01/2024,115.00,15.00,0.00,"
    "115.00,COFFEE,Coffee,1,100,100.00,NZD,Sales invoice,Sent,VOIDED\n"
    "Harbour Cafe,acc@harbour.nz,New Zealand,CN-0001,,20/01/2024,,57.50,7.50,57.50,0.00,"
    "CATER,Catering,1,50,50.00,NZD,Sales credit note,Sent,PAID\n"
    "Harbour Cafe,acc@harbour.nz,New Zealand,INV-0005,,14/02/2024,29/02/2024,115.00,15.00,"
    "115.00,0.00,COFFEE,Coffee,1,100,100.00,NZD,Sales invoice,Sent,PAID\n"
    "Fern & Co,fern@fern.nz,New Zealand,INV-0006,,01/03/2024,16/03/2024,57.50,7.50,20.00,"
    "37.50,CATER,Catering,1,50,50.00,NZD,Sales invoice,Sent,AUTHORISED\n")


def test_xero_sales_invoices(tmp_path):
    found = import_text(tmp_path, "Sales Invoices.csv", XERO)
    assert found["recognised_as"] == "xero_sales_invoices" and found["rejected"] == 0
    # Lines grouped by invoice, its Total counted once; a credit note is a refund; an
    # approved invoice with nothing paid is not yet a purchase, a part-paid one is.
    assert rows(tmp_path, "SELECT order_id, kind, amount, substr(date, 1, 10) FROM events "
                          "ORDER BY order_id") == [
        ("CN-0001", "refund", 57.5, "2024-01-20"),
        ("INV-0001", "purchase", 230.0, "2024-01-05"),
        ("INV-0002", "contact", 460.0, "2024-01-09"),
        ("INV-0003", "contact", 57.5, "2024-01-10"),
        ("INV-0004", "cancellation", 115.0, "2024-01-15"),
        ("INV-0005", "purchase", 115.0, "2024-02-14"),
        ("INV-0006", "purchase", 20.0, "2024-03-01")]     # (20 of 57.50 paid so far)
    # ContactName is the client's name, not a contact person; Type is not a client type.
    assert rows(tmp_path, "SELECT name, email, contact_name, client_type FROM clients "
                          "ORDER BY name") == [
        ("Fern & Co", "fern@fern.nz", None, None),
        ("Harbour Cafe", "acc@harbour.nz", None, None),
        ("Kiwi Builders", "ops@kiwi.nz", None, None),
        ("Moana Surf", "m@surf.nz", None, None), ("Tui Design", "hi@tui.nz", None, None)]
    # 5 contacts; Harbour (twice) and Fern (part paid) bought; Harbour came back.
    assert funnel(tmp_path) == [5, 2, 2, 1, 0]
    assert found["explanation"] == (
        "Recognised as a Xero sales invoices export: 6 invoices and 1 credit note (from 8 "
        "lines) from 5 contacts (by contact name, each Total counted once); 3 paid invoices "
        "counted as purchases (1 invoice part paid, at what was paid so far: 20); 1 invoice "
        "awaiting payment (AUTHORISED, nothing paid yet) "
        "kept as contacts, not yet purchases; 1 voided invoice kept as cancellations and "
        "1 draft or deleted invoice as contacts; 1 credit note counted as refunds.")


# --- NPS surveys ------------------------------------------------------------------------------

DELIGHTED = (
    "Response ID,Email,Name,Score,Comment,Permalink,Response timestamp,Updated timestamp,"
    "Tags,Notes,Survey type,Country\n"
    "501,ana@mail.com,Ana,10,Great,https://delighted.com/r/501,2025-10-01T08:00:00-05:00,"
    "2025-10-01T08:00:00-05:00,,,NPS,US\n"
    "502,bo@mail.com,Bo,9,,https://delighted.com/r/502,2025-10-02T08:00:00-05:00,"
    "2025-10-02T08:00:00-05:00,,,NPS,US\n"
    "503,cy@mail.com,Cy,6,Slow,https://delighted.com/r/503,2025-10-03T08:00:00-05:00,"
    "2025-10-03T08:00:00-05:00,,,NPS,US\n"
    "504,,,10,Anonymous fan,https://delighted.com/r/504,2025-10-04T08:00:00-05:00,"
    "2025-10-04T08:00:00-05:00,,,NPS,US\n"
    "505,Ana@Mail.com,Ana,8,,https://delighted.com/r/505,2025-11-01T08:00:00-05:00,"
    "2025-11-01T08:00:00-05:00,,,NPS,US\n")


def test_delighted_nps_score_column(tmp_path):
    found = import_text(tmp_path, "delighted-data.csv", DELIGHTED)
    assert found["recognised_as"] == "nps_survey" and found["rejected"] == 0
    # By e-mail, case ignored; the anonymous answer's Response ID names the response, not
    # a person, so it has no client.
    assert rows(tmp_path, "SELECT client_id, name FROM clients ORDER BY client_id") == [
        ("ana@mail.com", "Ana"), ("bo@mail.com", "Bo"), ("cy@mail.com", "Cy")]
    assert rows(tmp_path, "SELECT kind, COUNT(*) FROM events GROUP BY kind") == [("nps", 5)]
    # 3 respondents; Ana (10, later 8) and Bo (9) are promoters: advocacy.
    assert funnel(tmp_path) == [3, 2, 2, 2, 2]
    assert found["explanation"].startswith(
        "Recognised as an NPS survey export: 5 answers from 3 respondents")


TYPEFORM = (
    "#,How likely are you to recommend Brightway to a friend or colleague?,What is the main "
    "reason for your score?,What's your email address?,Response Type,Start Date (UTC),"
    "Stage Date (UTC),Submit Date (UTC),Network ID,Tags\n"
    "a1,10,Great,ana@mail.com,completed,2025-10-01 08:00:00,2025-10-01 08:00:00,"
    "2025-10-02 09:00:00,n1,\n"
    "a2,3,Broke,bo@mail.com,completed,2025-10-03 08:00:00,2025-10-03 08:00:00,"
    "2025-10-03 08:05:00,n2,\n"
    "a3,,,cy@mail.com,partial,2025-10-04 08:00:00,2025-10-04 08:00:00,,n3,\n")


def test_typeform_nps_with_an_email_question(tmp_path):
    found = import_text(tmp_path, "responses.csv", TYPEFORM)
    assert found["recognised_as"] == "nps_survey" and found["rejected"] == 0
    # Dated when submitted (a partial answer, never submitted, when it was started).
    assert rows(tmp_path, "SELECT c.client_id, e.kind, e.amount, e.date FROM events e "
                          "JOIN clients c ON c.id = e.client_ref ORDER BY c.client_id") == [
        ("ana@mail.com", "nps", 10.0, "2025-10-02 09:00:00"),
        ("bo@mail.com", "nps", 3.0, "2025-10-03 08:05:00"),
        ("cy@mail.com", "contact", None, "2025-10-04 08:00:00")]
    assert funnel(tmp_path) == [3, 1, 1, 1, 1]


SURVEYMONKEY = (
    "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,"
    "Last Name,How likely is it that you would recommend us to a friend or colleague?,"
    "What is the primary reason for your score?\n"
    ",,,,,,,,Response,Open-Ended Response\n"
    "114001,4312,10/01/2025 08:00:00 AM,10/01/2025 08:05:00 AM,203.0.113.1,ana@mail.com,,,"
    "10,Great\n"
    "114002,4312,10/02/2025 08:00:00 AM,10/02/2025 08:05:00 AM,203.0.113.2,bo@mail.com,,,"
    "5,Pricey\n")


def test_surveymonkey_second_header_row_is_not_a_response(tmp_path):
    found = import_text(tmp_path, "Brightway NPS.csv", SURVEYMONKEY)
    assert found["recognised_as"] == "nps_survey" and found["rejected"] == 0
    assert rows(tmp_path, "SELECT kind, COUNT(*) FROM events GROUP BY kind") == [("nps", 2)]
    assert funnel(tmp_path) == [2, 1, 1, 1, 1]
    assert found["explanation"] == (
        "Recognised as an NPS survey export: 2 answers from 2 respondents (by e-mail, case "
        "ignored, else respondent ID), each an NPS event; 1 promoter (9-10, advocacy), "
        "1 detractor (0-6), NPS +0.")


LEADS = (
    "Contact ID,Email,First Name,Company,Score,Type,Lifecycle Stage,Created At,Timestamp\n"
    "L1,ana@corp.com,Ana,Corp,9,Inbound,Lead,2024-01-01,2024-01-01 10:00\n"
    "L2,bo@corp.com,Bo,Corp,10,Outbound,Opportunity,2024-01-02,2024-01-02 10:00\n"
    "L3,cy@corp.com,Cy,Corp,4,Inbound,Customer,2024-01-03,2024-01-03 10:00\n")


def test_a_crm_lead_score_is_not_an_nps_answer(tmp_path):
    found = import_text(tmp_path, "contacts.csv", LEADS)
    assert found["recognised_as"] is None
    assert rows(tmp_path, "SELECT COUNT(*) FROM events WHERE kind = 'nps'") in ([(0,)], [])
    # Nor when the values are looked at: 0-10 whole numbers, but nothing says NPS.
    frame = pd.read_csv(io.StringIO(LEADS), dtype=str)
    assert recognise(list(frame.columns), frame) is None


@pytest.mark.parametrize("survey, scores, found", [
    ("NPS Q3", ["9", "10", "3"], "nps_survey"),       # a survey that names NPS
    ("CSAT", ["4", "5", "3"], None),                  # a satisfaction survey's stars
    ("NPS Q3", ["9.5", "high", "3"], None),           # not 0-10 whole numbers
])
def test_a_rating_column_is_nps_by_its_values(survey, scores, found):
    frame = pd.DataFrame({"Response ID": ["1", "2", "3"],
                          "Email": ["a@x.com", "b@x.com", "c@x.com"],
                          "Rating": scores, "Survey": [survey] * 3,
                          "Submitted At": ["2024-01-01"] * 3})
    profile = recognise(list(frame.columns), frame)
    assert (profile.name if profile else None) == found


# --- WooCommerce refunds ----------------------------------------------------------------------

def test_woocommerce_order_refund_amount_header(tmp_path):
    found = import_text(tmp_path, "orders-export.csv", (
        '"Order Number","Order Status","Order Date","First Name (Billing)",'
        '"Last Name (Billing)","Billing Email","Order Refund Amount","Order Total Amount",'
        '"Item Name"\n'
        '"1001","Completed","2024-01-05 14:22","Ana","Diaz","ana@mail.com","0.00","54.95",'
        '"Mug"\n'
        '"1002","Refunded","2024-01-10 18:45","Bo","Li","bo@mail.com","-40.00","40.00","Pot"\n'
        '"1003","Completed","2024-02-01 12:12","Cy","Ng","cy@mail.com","-10.00","54.95",'
        '"Tea"\n'
        '"1003","Completed","2024-02-01 12:12","Cy","Ng","cy@mail.com","-10.00","54.95",'
        '"Mug"\n'))
    assert found["recognised_as"] == "woocommerce_orders"
    assert rows(tmp_path, "SELECT order_id, amount FROM events WHERE kind = 'refund' "
                          "ORDER BY order_id") == [("1002", 40.0), ("1003", 10.0)]
    assert funnel(tmp_path) == [3, 3, 3, 0, 0]
    assert "3 paid orders from 3 customers" in found["explanation"]
    assert "; 2 refunded, 0 cancelled;" in found["explanation"]


def test_woocommerce_analytics_refund_row(tmp_path):
    found = import_text(tmp_path, "wc-orders-report-export.csv", (
        "Date,Order #,Status,Customer,Customer type,Product(s),Items sold,Coupon(s),"
        "Net Sales\n"
        "2024-04-02,2051,Completed,Amira Haddad,new,Mug,1,,50\n"
        "2024-04-05,2053,Completed,Chloe Dubois,new,Teapot,1,,40\n"
        "2024-04-09,2053,Refunded,Chloe Dubois,new,Teapot,-1,,-40\n"
        "2024-04-20,2059,Completed,Chloe Dubois,returning,Tea,1,,20\n"))
    assert found["recognised_as"] == "woocommerce_orders"
    # The refund row is a refund of its own, dated when refunded, not a line of the order.
    assert rows(tmp_path, "SELECT order_id, kind, amount, substr(date, 1, 10) FROM events "
                          "ORDER BY order_id, kind") == [
        ("2051", "purchase", 50.0, "2024-04-02"), ("2053", "purchase", 40.0, "2024-04-05"),
        ("2053", "refund", 40.0, "2024-04-09"), ("2059", "purchase", 20.0, "2024-04-20")]
    # Chloe bought twice (the refund does not undo her return visit).
    assert funnel(tmp_path) == [2, 2, 2, 1, 0]
    assert found["explanation"].startswith(
        "Recognised as a WooCommerce orders export: 3 orders, 3 paid orders from 2 "
        "customers matched by customer; 1 refunded,")
