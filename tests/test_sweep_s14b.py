"""Sheets from a sweep of service businesses' exports nobody had tried (session 14, B),
whose import gave wrong figures. Hand-worked figures, through the command line (cumulative
funnel: awareness, consideration, purchase, retention, advocacy).

- Zenoti sales (invoice lines): "Sales (Exc. Tax)" beside "Sales (Inc. Tax)" is before tax;
  the with-tax one is the amount: 4 purchases of 384.80 (118.80 + 79 + 108 + 79) and a
  refund of 108 (was 368 and 100).
- Jotform survey: "Submission Date" and "Submission ID" make it a survey's responses; the
  "How likely are you to recommend us" answer is an NPS event: 5 answers, promoters Ada
  (10, then 9) and Cid (9) -> [4, 2, 2, 2, 2] (was 5 scoreless events, [4, 0, 0, 0, 0]).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals


ZENOTI = (
    'Center Name,Invoice No,Invoice Date,Guest Code,Guest Name,Item Type,Item Name,Qty,'
    'Unit Price,Discount,Sales (Exc. Tax),Tax,Sales (Inc. Tax),Payment Type,Invoice Status\n'
    'Downtown,INV-1001,03/13/2024,G001,Hana Ito,Service,Deep Tissue 60 Min,1,90.00,0.00,'
    '90.00,7.20,97.20,Card,Closed\n'
    'Downtown,INV-1001,03/13/2024,G001,Hana Ito,Product,Aromatherapy Oil,1,20.00,0.00,'
    '20.00,1.60,21.60,Card,Closed\n'
    'Downtown,INV-1002,03/14/2024,G002,Ian Jett,Membership,Monthly Wellness Membership,1,'
    '79.00,0.00,79.00,0.00,79.00,Card,Closed\n'
    'Downtown,INV-1003,03/15/2024,G003,Jun Kim,Service,Hydrating Facial,1,110.00,10.00,'
    '100.00,8.00,108.00,Cash,Closed\n'
    'Downtown,INV-1004,03/18/2024,G004,Kai Lim,Service,Hydrating Facial,1,110.00,0.00,'
    '110.00,8.80,118.80,,Open\n'
    'Downtown,INV-1006,03/20/2024,G003,Jun Kim,Refund,Hydrating Facial,-1,110.00,10.00,'
    '-100.00,-8.00,-108.00,Cash,Closed\n'
    'Downtown,INV-1005,04/14/2024,G002,Ian Jett,Membership,Monthly Wellness Membership,1,'
    '79.00,0.00,79.00,0.00,79.00,Card,Closed\n'
)


def test_zenoti_sales_are_counted_with_tax(tmp_path):
    found = cli_import_text(tmp_path, "zenoti_sales.csv", ZENOTI)
    assert found["mapping"]["Sales (Inc. Tax)"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 384.8)
    assert kind_totals(tmp_path, "refund") == (1, 108.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]      # Ian's membership paid twice


def test_before_tax_spelt_exc(tmp_path):
    """"Total (exc. VAT)" beside "Total": the one with tax is the amount (2 sales of 120)."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Order,Total (exc. VAT),Total,Status\n"
        "2024-03-01,Ann Lee,1001,100.00,120.00,Paid\n"
        "2024-03-05,Bob Ray,1002,100.00,120.00,Paid\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 240.0)


JOTFORM = (
    'Submission Date,Name,E-mail,How likely are you to recommend us to a friend or colleague?,'
    'How satisfied were you with your visit?,What could we do better?,Submission ID\n'
    '"Mar 4, 2024",Ada Moss,ada@moss.net,10,Very Satisfied,Nothing!,5831100000000000001\n'
    '"Mar 5, 2024",Ben Nye,ben@nye.net,7,Satisfied,Longer hours,5831100000000000002\n'
    '"Mar 6, 2024",Cid Orr,cid@orr.net,9,Very Satisfied,,5831100000000000003\n'
    '"Mar 8, 2024",Dee Pike,dee@pike.net,3,Dissatisfied,Waited 40 minutes,5831100000000000004\n'
    '"Mar 20, 2024",Ada Moss,ada@moss.net,9,Satisfied,,5831100000000000005\n'
)


def test_jotform_recommend_answers_are_nps(tmp_path):
    found = cli_import_text(tmp_path, "responses.csv", JOTFORM)
    assert found["recognised_as"] == "nps_survey"
    assert kind_totals(tmp_path, "nps") == (5, 38.0)        # 10 + 7 + 9 + 3 + 9
    assert cli_funnel(tmp_path) == [4, 2, 2, 2, 2]
