"""Session 22, K4: today's new reading rules (A's and B's) probed with sheets an owner or an
export might have, where they could fire wrongly or fail to fire. Each sheet goes through
the command line and is checked against figures worked out by hand (the working in each
docstring); beside each mended rule, a sheet where it must still fire.

- An invoice's "sent" (Verzonden, Versendet, Enviado) on an order list that also carries
  each order's invoice number (Bestelnummer beside Factuurnummer; Pedido beside Factura)
  is shipped: a sale, as on an order list without one.
- Italian document type codes (TD04, TD08) are kinds only in a column of such codes: a
  'Type' of product models (TD04, TD08, DR01) is no refund.
- A shop's departments (Men, Women, Kids) are kept as extra on orders only: a department
  store's complaints log keeps its own departments.
- A cash book's funder (A's rule): a body's line naming a grant is no sale, but its line
  naming what it bought ("Parish Council - hall hire") is; "award dinner" and "first aid
  course" name things, not money given; a till's times of one day are one day (A's
  dates written two ways); a body cut from the payer's name ("St Mary's Trust
  - donation": St Mary's) is still a body.
- A product catalogue (A's profile): WooCommerce's full export, with its settings "Allow
  customer reviews?" and "Backorders allowed?", is one; a product report's "Units sold"
  and "Total sales" are said to be each product's totals, not "no sale".
- A booking list's unpriced first talk (B's rule): on a list pricing nothing, only a talk
  said to be free or a call ("Discovery call") is no sale; a physiotherapist's "Initial
  assessment" stays a visit bought. On a priced list, an unpriced "Consultation" is free.
- "Applicant" (A's name header) beside a "Referee": the applicant is the client, the
  referee who vouches for them is not; a referral log's "Referee" alone still names.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

PAID = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"


# --- B's invoice "sent" words on an order list that carries invoice numbers -----------------------

def test_dutch_orders_shipped_beside_their_invoice_numbers_are_sales(tmp_path):
    """Bestelnummer, Factuurnummer, Status: two orders Verzonden (100, 200), one Geannuleerd
    (50). The order number says these are a shop's orders: Verzonden is shipped, a sale.
    2 sales of 300, 1 cancellation, [3, 2, 2, 0, 0] (was 2 contacts, [3, 0, 0, 0, 0])."""
    cli_import_text(tmp_path, "bestellingen.csv", (
        "Bestelnummer,Factuurnummer,Datum,Klant,Status,Totaal\n"
        "1001,F-2026-01,02-03-2026,Ann de Vries,Verzonden,100\n"
        "1002,F-2026-02,03-03-2026,Bo Jansen,Verzonden,200\n"
        "1003,F-2026-03,04-03-2026,Cy Bakker,Geannuleerd,50\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 300.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_german_orders_versendet_beside_rechnungsnummer_are_sales(tmp_path):
    """Bestellnummer, Rechnungsnummer: Versendet 100 and 200 shipped (sales), Offen 50 a
    contact: 2 sales of 300, [3, 2, 2, 0, 0] (was 3 contacts, [3, 0, 0, 0, 0])."""
    cli_import_text(tmp_path, "bestellungen.csv", (
        "Bestellnummer,Rechnungsnummer,Datum,Kunde,Status,Betrag\n"
        "1001,R-01,02.03.2026,Anna Weber,Versendet,100\n"
        "1002,R-02,03.03.2026,Ben Koch,Versendet,200\n"
        "1003,,04.03.2026,Carl Wolf,Offen,50\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 300.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_spanish_orders_enviado_beside_factura_are_sales(tmp_path):
    """Pedido, Factura, Estado: Enviado 100 and 50, Entregado 200: 3 sales of 350,
    [3, 3, 3, 0, 0] (was Enviado 2 contacts, 1 sale of 200, [3, 1, 1, 0, 0])."""
    cli_import_text(tmp_path, "pedidos.csv", (
        "Pedido,Fecha,Cliente,Factura,Estado,Total\n"
        "1001,02/03/2026,Ana Ruiz,F-01,Enviado,100\n"
        "1002,03/03/2026,Bea Gil,F-02,Entregado,200\n"
        "1003,04/03/2026,Carla Paz,F-03,Enviado,50\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 350.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_dutch_invoices_verzonden_with_no_order_number_stay_contacts(tmp_path):
    """Still fires: Factuurnummer beside the client's own purchase order (Inkooporder: no
    order of the shop's), Betaald 100 and 300 sales, Verzonden 200 and 50 bills sent, not
    paid: 2 sales of 400, 2 contacts of 250, 4 clients, [4, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "facturen.csv", (
        "Factuurnummer,Inkooporder,Datum,Klant,Status,Bedrag\n"
        "F-01,PO-7,02-03-2026,Ann de Vries,Betaald,100\n"
        "F-02,PO-8,03-03-2026,Bo Jansen,Verzonden,200\n"
        "F-03,,04-03-2026,Cy Bakker,Betaald,300\n"
        "F-04,PO-9,05-03-2026,Dirk Smit,Verzonden,50\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 400.0)
    assert kind_totals(tmp_path, "contact") == (2, 250.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


# --- B's Italian document type codes -------------------------------------------------------------

def test_product_models_named_like_document_codes_are_no_refunds(tmp_path):
    """A 'Type' of product models (TD04 and TD08 torque drivers, a DR01 drill) beside
    other codes is no document type: 3 sales of 80 + 95 + 60 = 235, [3, 3, 3, 0, 0] (was 2
    refunds of 175 and a contact, no sale, [3, 2, 2, 0, 0])."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Product,Type,Amount\n"
        "02/03/2026,Ann Lee,Torque driver,TD04,80\n"
        "03/03/2026,Bo Chan,Torque driver,TD08,95\n"
        "04/03/2026,Cy Dee,Drill,DR01,60\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 235.0)
    assert kind_totals(tmp_path, "refund") == (0, None)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_type_of_document_codes_alone_is_still_read(tmp_path):
    """Still fires: a 'Type' of codes alone (TD01 100, TD01 200, TD04 50): 2 sales of 300
    and a credit note, a refund of 50 (Rossi's), [2, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "fatture.csv", (
        "Date,Customer,Type,Amount\n"
        "02/03/2026,Rossi Srl,TD01,100\n"
        "03/03/2026,Bianchi Spa,TD01,200\n"
        "04/03/2026,Rossi Srl,TD04,50\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 300.0)
    assert kind_totals(tmp_path, "refund") == (1, 50.0)


# --- B's shop departments -----------------------------------------------------------------------

def test_a_department_stores_complaints_keep_its_departments(tmp_path):
    """A complaints log's Department (Women, Men, Kids) on rows of no money and no order is
    the store's own department, where each complaint arose: kept as the department (was
    kept as extra, "whom each item is for"). 3 complaints, [3, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "complaints.csv", (
        "Date,Customer,Department,Complaint,Status\n"
        "02/03/2026,Ann Lee,Women,Zip broke,Open\n"
        "03/03/2026,Bo Chan,Men,Rude staff,Closed\n"
        "04/03/2026,Cy Dee,Kids,Wrong size,Closed\n"))
    assert workspace_rows(tmp_path, "SELECT department, COUNT(*) FROM events GROUP BY 1 "
                                    "ORDER BY 1") == [("Kids", 1), ("Men", 1), ("Women", 1)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_orders_shop_departments_still_kept_as_extra(tmp_path):
    """Still fires: orders with money, Department Women and Kids: whom each item is for, no
    team of the shop's: no event has a department; 2 sales of 50, [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "orders.csv", (
        "Date,Customer,Department,Item,Total\n"
        "02/03/2026,Ann Lee,Women,Dress,20\n03/03/2026,Bo Chan,Kids,Shoes,30\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE department IS NOT NULL"
                          ) == [(0,)]
    assert kind_totals(tmp_path, "purchase") == (2, 50.0)


# --- A's funders in a cash book -------------------------------------------------------------------

BOOK = "Date,Details,In,Out\n"


def test_a_councils_hall_hire_beside_its_grant_stays_a_sale(tmp_path):
    """'Parish Council - hall hire' 50 twice and 'Parish Council - grant' 500: the grant is
    no sale, the hall hire is. Parish Council 2 of 100, Jane Smith 80: 3 sales of 180,
    [2, 2, 2, 1, 0] (was the council a funder on every line: Jane alone, [1, 1, 1, 0, 0])."""
    found = cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "02/03/2026,Parish Council - hall hire,50,\n09/03/2026,Parish Council - hall hire,50,\n"
        "15/03/2026,Parish Council - grant,500,\n20/03/2026,Jane Smith - party,80,\n"))
    assert "1 line of money in naming no one (500) left out" in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [("Jane Smith", 1, 80.0), ("Parish Council", 2, 100.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_an_award_dinner_is_catering_not_an_award(tmp_path):
    """'Sports Association - award dinner' 800: 'award' names the dinner, not money given:
    a sale. Sports Association 800, Ben Cole 60: [2, 2, 2, 0, 0] (was 800 a grant,
    [1, 1, 1, 0, 0])."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "02/03/2026,Sports Association - award dinner,800,\n09/04/2026,Ben Cole - catering,60,\n"))
    assert workspace_rows(tmp_path, PAID) == [("Ben Cole", 1, 60.0),
                                              ("Sports Association", 1, 800.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_trusts_donation_is_no_sale(tmp_path):
    """'St Mary's Trust - donation' 250: the payer is read as "St Mary's" but the line names
    a trust giving: no sale, 250 naming no one (a donation). Ben Cole 30 alone,
    [1, 1, 1, 0, 0] (was St Mary's a client of 250, [2, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "02/03/2026,St Mary's Trust - donation,250,\n09/04/2026,Ben Cole - lesson,30,\n"))
    assert "(a grant or a donation" in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [("Ben Cole", 1, 30.0)]


def test_a_grant_paid_in_parts_is_still_a_grant(tmp_path):
    """Still fires: 'Heritage Fund - grant payment 2' 1,000 and 'Heritage Fund' 500 (a
    funder's bare line): no sale; Mary Smith 30 alone, [1, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "02/03/2026,Heritage Fund - grant payment 2,1000,\n09/03/2026,Heritage Fund,500,\n"
        "10/03/2026,Mary Smith - lesson,30,\n"))
    assert workspace_rows(tmp_path, PAID) == [("Mary Smith", 1, 30.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


# --- A's product catalogue ------------------------------------------------------------------------

WOO = ("ID,Type,SKU,Name,Published,Visibility in catalog,Date sale price starts,In stock?,"
       "Stock,Backorders allowed?,Allow customer reviews?,Purchase note,Sale price,"
       "Regular price,Categories\n"
       "11,simple,MUG-1,Mug,1,visible,,1,40,0,1,,,12,Kitchen\n"
       "12,simple,PL-2,Plate,1,visible,,1,5,0,1,,10,15,Kitchen\n"
       "13,simple,BW-3,Bowl,1,visible,,0,0,0,1,,,9,Kitchen\n")


def test_woocommerces_full_product_export_is_a_catalogue(tmp_path):
    """WooCommerce's product export with its settings columns ('Allow customer reviews?',
    'Backorders allowed?'): 3 products, no customer: no client, no sale, [0, 0, 0, 0, 0]
    (was a client list, the products Mug, Plate, Bowl as clients, [3, 1, 1, 0, 0])."""
    found = cli_import_text(tmp_path, "wc-product-export.csv", WOO)
    assert "product catalogue" in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_a_catalogue_with_a_customer_column_still_sells(tmp_path):
    """Not fired: the same columns with a 'Customer' on each line (Ann Lee, Bo Chan, Cy
    Dee) and a date: sales, 3 clients, no catalogue."""
    text = WOO.replace("Categories\n", "Categories,Customer,Date\n").replace(
        "Kitchen\n", "Kitchen,{},02/03/2026\n")
    found = cli_import_text(tmp_path, "sales.csv", text.format("Ann Lee", "Bo Chan", "Cy Dee"))
    assert "product catalogue" not in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(3,)]


def test_a_product_reports_sales_are_said_to_be_the_products(tmp_path):
    """Product title, SKU, Price, Inventory, Units sold, Total sales (120 + 60 + 54): no
    one to whom they were sold: reference rows, 0 clients; the note names the two sales
    columns as each product's totals (was 'naming no customer and no sale')."""
    found = cli_import_text(tmp_path, "product_sales.csv", (
        "Product title,SKU,Price,Inventory,Units sold,Total sales\n"
        "Mug,MUG-1,12,40,10,120\nPlate,PL-2,15,5,4,60\nBowl,BW-3,9,0,6,54\n"))
    assert ("'Units sold', 'Total sales' are each product's totals, naming no one it was "
            "sold to") in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


# --- A's "Applicant" beside a "Referee" -----------------------------------------------------------

def test_an_applicant_not_the_referee_is_the_client(tmp_path):
    """Date, Applicant, Referee, Email, Course, Status: Ann Lee (Accepted) and Bo Chan
    (Pending) applied; Dr Brown and Ms Green vouch for them. Clients Ann Lee and Bo Chan,
    [2, 1, 0, 0, 0] (was Dr Brown and Ms Green, the applicants' e-mails on them)."""
    cli_import_text(tmp_path, "applications.csv", (
        "Date,Applicant,Referee,Email,Course,Status\n"
        "02/03/2026,Ann Lee,Dr Brown,ann@x.com,Pottery,Accepted\n"
        "03/03/2026,Bo Chan,Ms Green,bo@x.com,Pottery,Pending\n"))
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bo Chan",)]


def test_a_referral_logs_referee_alone_still_names_the_client(tmp_path):
    """Not fired: Date, Referee, Referred by (no other name): the referee is the new
    client, Cy Dee and Di Fox; 2 clients."""
    cli_import_text(tmp_path, "referrals.csv", (
        "Date,Referee,Referred by\n02/03/2026,Cy Dee,Ann Lee\n03/03/2026,Di Fox,Ann Lee\n"))
    names = [n for (n,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]
    assert "Cy Dee" in names and "Di Fox" in names


# --- A's days of a book ---------------------------------------------------------------------------

def test_a_market_day_written_with_times_is_one_day(tmp_path):
    """'Victoria Sponge' 4 twice and 'Honey Jar' 6 twice on 06/04/2026 at four times of
    day: one market day, goods (20 naming no one); Mrs Hall 45 the one sale,
    [1, 1, 1, 0, 0] (was each time a day of its own: the goods 2 clients)."""
    found = cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026 09:10,Victoria Sponge,4,\n06/04/2026 10:20,Victoria Sponge,4,\n"
        "06/04/2026 11:00,Honey Jar,6,\n06/04/2026 12:30,Honey Jar,6,\n"
        "13/04/2026 10:00,Mrs Hall - birthday cake,45,\n"))
    assert "4 lines of money in naming no one (20) left out" in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [("Mrs Hall", 1, 45.0)]


def test_a_pupil_paying_twice_at_two_times_of_a_day_is_a_payer(tmp_path):
    """Not fired: 'John Smith' 30 at 09:00 and 10:00 on 06/04 (two lessons), no other name
    twice that day: a person, John Smith 2 of 60."""
    cli_import_text(tmp_path, "cashbook.csv", BOOK + (
        "06/04/2026 09:00,John Smith,30,\n06/04/2026 10:00,John Smith,30,\n"))
    assert workspace_rows(tmp_path, PAID) == [("John Smith", 2, 60.0)]


# --- B's free first talks on a booking list -------------------------------------------------------

def test_a_physios_unpriced_initial_assessments_stay_visits(tmp_path):
    """appointments_export.csv: Date, Patient, Appointment type, Practitioner, no price:
    Ann Lee's Initial assessment and Follow-up, Bo Chan's Initial assessment. Nothing says
    the assessment is free (a physiotherapist's first visit is paid): 3 visits bought,
    Ann 2, Bo 1, [2, 2, 2, 1, 0] (was the assessments 2 contacts, [2, 2, 1, 0, 0])."""
    cli_import_text(tmp_path, "appointments_export.csv", (
        "Date,Patient,Appointment type,Practitioner\n"
        "02/03/2026,Ann Lee,Initial assessment,Sam\n09/03/2026,Ann Lee,Follow-up,Sam\n"
        "03/03/2026,Bo Chan,Initial assessment,Sam\n"))
    assert workspace_rows(tmp_path, "SELECT name, purchase_count FROM clients ORDER BY name"
                          ) == [("Ann Lee", 2), ("Bo Chan", 1)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_an_unpriced_consultation_on_a_priced_list_is_free(tmp_path):
    """Still fires: a salon's Cut & colour 85, Cut 40 and a Consultation with no price: the
    consultation a contact at consideration, 2 sales of 125, [3, 3, 2, 0, 0]."""
    cli_import_text(tmp_path, "appointments.csv", (
        "Date,Client,Service,Price\n02/03/2026,Ann Lee,Cut & colour,85\n"
        "03/03/2026,Bo Chan,Consultation,\n04/03/2026,Cy Dee,Cut,40\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 125.0)
    assert kind_totals(tmp_path, "contact") == (1, None)
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]
