"""Files of a course seller, an agency, a plumber and a florist imported together (helper
E's sweep of session 14), in several orders. Figures worked out by hand before importing
(cumulative funnel: awareness, consideration, purchase, retention, advocacy).

- A subscriber list giving only first names ("Emma", "Jonathan") keeps the full names the
  sales give ("Emma Walsh", "Jon Barker") in either order (was "Emma", "Jonathan").
- Invoices naming one company "Harbour Coffee Company" and "Harbour Coffee Co.", and a
  payments sheet "Harbour Coffee Co"; "Quarry Labs Ltd" and "Quarry Labs": 4 clients (was
  5 to 6, by order), Harbour Roasters and Quarry Lab Supplies Ltd kept apart.
- Jobs by phone, quotes by name and phone, invoices by name: 3 clients in every order
  (was 3 or 4, a nameless or second Jenny Harper).
- An order export whose second line of order #2 leaves the order's day and name blank: 3
  sales of 270 (was 4).
"""

from __future__ import annotations

import itertools

from conftest import cli_funnel, cli_import_text, cli_json, kind_totals, workspace_rows

SUBSCRIBERS = ("first_name,email_address,created_at,state\n"
               "Emma,emma@walsh.me,2024-01-05,active\n"
               "Jonathan,jb@barker.me,2024-01-20,active\n"
               "Dan,dan@okafor.me,2024-02-15,active\n")
SALES = ("Sale ID,Purchased At,Course,User Name,User Email,Final Price,Status\n"
         "S-1,2024-02-01 10:00:00,Basics,Emma Walsh,emma@walsh.me,49.00,paid\n"
         "S-2,2024-02-03 21:00:00,Basics,Jon Barker,jb@barker.me,49.00,paid\n"
         "S-3,2024-03-10 08:00:00,Masterclass,Emma Walsh,EMMA@walsh.me,129.00,paid\n")


def test_a_first_name_alone_keeps_the_full_name_in_either_order(tmp_path):
    """The subscriber list's "Emma" is the first word of the sales' "Emma Walsh", and
    "Jonathan" begins as "Jon Barker" does: one-word names that say less, so the full names
    stay (list after the sales) or come in (sales after the list). Dan is only "Dan".
    3 clients, Emma 49 + 129 (Feb, Mar: retention), Jon 49: [3, 2, 2, 1, 0], 3 sales of
    227. Before: "Emma" and "Jonathan" in either order."""
    texts = {"subscribers": SUBSCRIBERS, "sales": SALES}
    for order in (("subscribers", "sales"), ("sales", "subscribers")):
        place = tmp_path / "-".join(order)
        place.mkdir()
        for name in order:
            cli_import_text(place, f"{name}.csv", texts[name])
        assert workspace_rows(place, "SELECT email, name, purchase_count FROM clients "
                                     "ORDER BY email") == [
            ("dan@okafor.me", "Dan", 0), ("emma@walsh.me", "Emma Walsh", 2),
            ("jb@barker.me", "Jon Barker", 1)], order
        assert cli_funnel(place) == [3, 2, 2, 1, 0], order
        assert kind_totals(place, "purchase") == (3, 227.0), order


COMPANY_INVOICES = ("Invoice #,Client,Date,Amount\n"
                    "INV-1,Harbour Coffee Company,20/02/2024,4000.00\n"
                    "INV-2,Harbour Coffee Co.,15/05/2024,12000.00\n"
                    "INV-3,Quarry Labs Ltd,30/03/2024,9500.00\n"
                    "INV-4,Harbour Roasters,01/04/2024,700.00\n")
COMPANY_PAYMENTS = ("Payment ID,Company,Date,Amount,Status\n"
                    "P-1,Harbour Coffee Co,10/06/2024,500.00,Paid\n"
                    "P-2,Quarry Labs,12/06/2024,300.00,Paid\n"
                    "P-3,Quarry Lab Supplies Ltd,14/06/2024,200.00,Paid\n")
COMPANIES = [("harbour coffee", 3, 16500.0), ("harbour roasters", 1, 700.0),
             ("quarry lab supplies", 1, 200.0), ("quarry labs", 2, 9800.0)]


def _companies(place) -> list[tuple]:
    return [(" ".join(w for w in name.lower().replace(".", "").split()
                      if w not in ("co", "company", "ltd")), count, revenue)
            for name, count, revenue in workspace_rows(
                place, "SELECT name, purchase_count, ROUND(revenue_events, 2) FROM clients "
                       "ORDER BY name_key")]


def test_company_names_differing_by_legal_form_are_one_client_in_every_order(tmp_path):
    """"Harbour Coffee Company", "Harbour Coffee Co." and "Harbour Coffee Co" are one
    company (4,000 + 12,000 + 500, Feb, May, Jun), "Quarry Labs Ltd" and "Quarry Labs" one
    (9,500 + 300, Mar, Jun); Harbour Roasters (700) and Quarry Lab Supplies Ltd (200) are
    others. 4 clients, [4, 4, 4, 2, 0], 7 sales of 27,200, whether the two sheets come in
    either order or in one run. Before: 6 clients (invoices first), 5 (payments first)."""
    texts = {"invoices": COMPANY_INVOICES, "payments": COMPANY_PAYMENTS}
    for order in (("invoices", "payments"), ("payments", "invoices"), ("one run",)):
        place = tmp_path / "-".join(order)
        place.mkdir()
        if order == ("one run",):
            paths = []
            for name, text in texts.items():
                paths.append(place / f"{name}.csv")
                paths[-1].write_text(text, encoding="utf-8")
            cli_json(place, "import", *map(str, paths))
        else:
            for name in order:
                cli_import_text(place, f"{name}.csv", texts[name])
        assert _companies(place) == COMPANIES, order
        assert cli_funnel(place) == [4, 4, 4, 2, 0], order
        assert kind_totals(place, "purchase") == (7, 27200.0), order


JOBS = ("Date,Customer phone,Address,Job,Status\n"
        "01/03/2024,0412 555 101,12 Elm St,Blocked drain,Done\n"
        "04/03/2024,+61 412 555 102,8 Oak Ave,Hot water system replaced,Done\n"
        "20/03/2024,0412 555 104,40 King St,Quote visit - bathroom,Quoted\n")
QUOTES = ("Quote #,Date,Customer,Phone,Description,Amount,Status\n"
          'Q-501,02/03/2024,Jenny Harper,0412 555 102,Hot water system,"1,850.00",Accepted\n'
          'Q-502,20/03/2024,Coastal Property Management,0412 555 104,Bathroom,"6,400.00",'
          "Declined\n")
INVOICES = ("Invoice #,Date,Customer,Phone,Amount,Paid\n"
            "1101,01/03/2024,Tony Russo,0412 555 101,240,Yes\n"
            '1102,04/03/2024,Jenny Harper,,"1,850.00",Yes\n')


def test_jobs_by_phone_quotes_and_invoices_by_name_are_the_same_clients_in_every_order(
        tmp_path):
    """The quotes give 0412 555 102 (the jobs' +61 412 555 102) to Jenny Harper and
    0412 555 104 to Coastal Property Management; the invoices give 0412 555 101 to Tony
    Russo and name Jenny Harper. 3 clients in all 6 orders: Tony (240) and Jenny (1,850)
    bought, each on one day (job and invoice the same day), Coastal quoted:
    [3, 3, 2, 0, 0], revenue 2,090. Before: invoices before the quotes left a nameless
    client of Jenny's number beside her; jobs, quotes, invoices a second Jenny Harper."""
    texts = {"jobs": JOBS, "quotes": QUOTES, "invoices": INVOICES}
    for order in itertools.permutations(texts):
        place = tmp_path / "-".join(order)
        place.mkdir()
        for name in order:
            cli_import_text(place, f"{name}.csv", texts[name])
        assert workspace_rows(place, "SELECT name, ROUND(revenue_events, 2) FROM clients "
                                     "ORDER BY name_key") == [
            ("Coastal Property Management", None), ("Jenny Harper", 1850.0),
            ("Tony Russo", 240.0)], order
        assert cli_funnel(place) == [3, 3, 2, 0, 0], order
        assert workspace_rows(place, "SELECT ROUND(SUM(amount), 2) FROM events "
                                     "WHERE kind = 'purchase'") == [(2090.0,)], order


ORDERS = ("Name,Email,Financial Status,Paid at,Total,Lineitem quantity,Lineitem name,"
          "Lineitem price,Billing Name\n"
          "#1001,ann@lee.me,paid,2024-02-13 09:12:00 +0000,85.00,1,Roses,75.00,Ann Lee\n"
          "#1002,bob@ray.me,paid,2024-02-14 08:01:00 +0000,120.00,1,Peony box,80.00,Bob Ray\n"
          "#1002,bob@ray.me,,,,1,Greeting card,30.00,\n"
          "#1003,ann@lee.me,paid,2024-05-10 15:30:00 +0000,65.00,1,Posy,65.00,Ann Lee\n")


def test_an_orders_later_line_leaving_its_day_and_name_blank_is_no_sale_of_its_own(tmp_path):
    """Order #1002's second line repeats its number and e-mail but leaves the day, status,
    total and name blank, as an order export writes an order's further lines: one sale of
    120, not two. 3 sales of 270 (85 + 120 + 65); Ann bought in Feb and May (retention),
    Bob once: [2, 2, 2, 1, 0]. Before: 4 sales, Bob's second without a day or amount."""
    cli_import_text(tmp_path, "orders.csv", ORDERS)
    assert kind_totals(tmp_path, "purchase") == (3, 270.0)
    assert workspace_rows(tmp_path, "SELECT email, name, purchase_count, "
                                    "ROUND(revenue_events, 2) FROM clients ORDER BY email") == [
        ("ann@lee.me", "Ann Lee", 2, 150.0), ("bob@ray.me", "Bob Ray", 1, 120.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
