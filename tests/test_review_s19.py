"""A hostile review of session 19's new recognition rules (tests/test_left_alone_s19a.py):
sheets of other kinds where a rule's words or shapes occur but mean something else, and
sheets where it must fire though worded otherwise. Each goes through the command line and
is checked against figures worked out by hand (the working in each docstring).

Narrowed here (each wrong before this review):
- "In progress" beside "Unpaid" is a sale on a shop's orders, but not where the statuses
  name quotes ("Quote sent"): that is work priced, then done, not yet paid for.
- A "Sztornó" igen invoice and the storno invoice reversing it (the same client, the
  opposite amount) are one cancellation: not a cancellation and a refund besides.
- A tag saying a client has left ("Inactive") does not mark a newsletter's subscriber as
  a customer who churned; a bare word ("Inactive", "Left") needs a list of payers, a tag
  naming a client ("Ex cliente", "Потерянный клиент") only a list not of leads.
- A visit type ticked paid with no price (a "Phone call", an "Enquiry", an "Email") stays
  a contact: only a type at a price is bought.
- A person's "Navn" before a "Firma" only on a client list: on a wholesaler's orders
  "Navn" is the item, "Firma" the client (and Norwegian "Ordrenr" numbers orders).
- Whole numbers 1 to 5 in a "Value" column are each sale's money on a sheet of sales (a
  tip jar, a bake sale, a "Currency" beside it); a rating only on a client list, and not
  where the header names a currency ("Wert (€)").

Right already (kept as tests): awaiting payment beside in progress on shop orders; a
blank Sztornó; "Churn risk" and "At risk" tags; a Purchases tab naming customers beside
a "Supplier" of brands; "Compras" from a "Proveedor"; a class timetable's and a vet's
"Type" with a paid tick; "En cours de réalisation" on a project list; an "Archived" user
of a website whose "Last visit" is read as the last contact; a "+tag" address that is the
only one; French "Nom" and "Entreprise"; a Spanish client list's "Valor" of 1 to 5.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"
CARDS = "SELECT name, furthest_stage, outcome FROM clients ORDER BY name"


# --- "in progress" on orders ------------------------------------------------------------

def test_in_progress_on_a_printers_orders_with_quotes_is_not_a_sale(tmp_path):
    """Quote sent (Ann, 400): a quote, consideration; In progress (Bo, 600) and Unpaid
    (Cy, 250): work not paid for, contacts; Completed (Di, 300): the one sale. [4, 2, 1,
    0, 0], 1 sale of 300 (was 2 sales of 900, [4, 3, 2, 0, 0]: 'Unpaid' no longer made
    'In progress' work unpaid, and the quotes did not say the list was not a shop's)."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Customer,Total,Status\n"
        "101,2026-02-03,Ann Lee,$400.00,Quote sent\n"
        "102,2026-02-04,Bo Tan,$600.00,In progress\n"
        "103,2026-02-05,Cy Ray,$250.00,Unpaid\n"
        "104,2026-02-06,Di Ng,$300.00,Completed\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 300.0)
    assert cli_funnel(tmp_path) == [4, 2, 1, 0, 0]


def test_awaiting_payment_beside_in_progress_on_shop_orders(tmp_path):
    """Right already: 'Aguardando pagamento' (Ana, 100) unpaid, a contact; 'Em andamento'
    (Bruno, 200) and 'Entregue' (Carla, 50) sales: 2 of 250, [3, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "pedidos.csv", (
        "Número do pedido;Data;Cliente;E-mail;Total;Situação\n"
        "1;03/02/2026;Ana Souza;ana@email.com.br;R$ 100,00;Aguardando pagamento\n"
        "2;04/02/2026;Bruno Lima;bruno@email.com.br;R$ 200,00;Em andamento\n"
        "3;05/02/2026;Carla Dias;carla@email.com.br;R$ 50,00;Entregue\n"))
    assert workspace_rows(tmp_path, KINDS) == [("contact", 1, 100.0), ("purchase", 2, 250.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- Sztornó ------------------------------------------------------------------------------

SZAMLAK = "Számlaszám;Kelt;Vevő neve;Bruttó;Kifizetve;Sztornó\n"


def test_a_blank_sztorno_column_cancels_nothing(tmp_path):
    """Right already: Sztornó blank throughout, every invoice paid: 12,700 + 25,400 +
    6,350 = 44,450 in 3 sales, Kovács on two days. [2, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "szamlak.csv", SZAMLAK + (
        "E-1;2026.11.03.;Kovács Anna;12 700 Ft;igen;\n"
        "E-2;2026.11.05.;Tóth Péter;25 400 Ft;igen;\n"
        "E-3;2026.11.10.;Kovács Anna;6 350 Ft;igen;\n"))
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 3, 44450.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_stornoed_invoice_and_its_storno_invoice_are_one_cancellation(tmp_path):
    """Nagy's E-2 (10,160, Sztornó igen) is reversed by the storno invoice E-3 (-10,160):
    one cancellation of 10,160, E-3 set aside as its reversal, no refund. Kovács' 12,700 +
    6,350 = 19,050 in 2 sales; Nagy never bought: [2, 1, 1, 1, 0]. (Was a cancellation
    and a refund of 10,160: the revenue 8,890, Nagy a customer, [2, 2, 2, 1, 0].)"""
    found = cli_import_text(tmp_path, "szamlak.csv", SZAMLAK + (
        "E-1;2026.11.03.;Kovács Anna;12 700 Ft;igen;nem\n"
        "E-2;2026.11.05.;Nagy Eszter;10 160 Ft;igen;igen\n"
        "E-3;2026.11.06.;Nagy Eszter;-10 160 Ft;igen;nem\n"
        "E-4;2026.11.10.;Kovács Anna;6 350 Ft;igen;nem\n"))
    assert ("1 row reversing one marked in 'Sztornó' (the same client, the opposite amount) "
            "was read with it as one cancellation, not a refund.") in found["notes"]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 10160.0), ("purchase", 2, 19050.0)]
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]


def test_the_storno_invoice_marked_cancels_the_invoice_it_reverses(tmp_path):
    """The other way round: the storno invoice E-3 (-10,160) is the one marked igen; the
    invoice it reverses, E-2 (10,160, nem), is no sale either. Same figures: 2 sales of
    19,050, 1 cancellation of 10,160, [2, 1, 1, 1, 0] (was 3 sales of 29,210 and a
    refund of 10,160, Nagy a customer: [2, 2, 2, 1, 0])."""
    found = cli_import_text(tmp_path, "szamlak.csv", SZAMLAK + (
        "E-1;2026.11.03.;Kovács Anna;12 700 Ft;igen;nem\n"
        "E-2;2026.11.05.;Nagy Eszter;10 160 Ft;igen;nem\n"
        "E-3;2026.11.06.;Nagy Eszter;-10 160 Ft;igen;igen\n"
        "E-4;2026.11.10.;Kovács Anna;6 350 Ft;igen;nem\n"))
    assert ("1 row reversed by one marked in 'Sztornó' (the same client, the opposite "
            "amount) was read with it as one cancellation, not a sale.") in found["notes"]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 10160.0), ("purchase", 2, 19050.0)]
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]


def test_a_credit_of_another_amount_is_still_a_refund(tmp_path):
    """Not paired: Kovács' -2,000 reverses no marked invoice (Nagy's is 10,160, another
    client's): a refund of 2,000; Kovács' 12,700 the one sale; Nagy's a cancellation."""
    cli_import_text(tmp_path, "szamlak.csv", SZAMLAK + (
        "E-1;2026.11.03.;Kovács Anna;12 700 Ft;igen;nem\n"
        "E-2;2026.11.05.;Kovács Anna;-2 000 Ft;igen;nem\n"
        "E-3;2026.11.06.;Nagy Eszter;10 160 Ft;igen;igen\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 10160.0), ("purchase", 1, 12700.0), ("refund", 1, 2000.0)]


# --- tags saying a client left ------------------------------------------------------------

def test_inactive_subscribers_are_not_customers_who_left(tmp_path):
    """A newsletter's subscribers tagged 'Inactive' stopped reading; they never bought:
    3 at awareness, no outcome, [3, 0, 0, 0, 0] (was Ann and Cy churned, and so read as
    customers: [3, 2, 2, 0, 0])."""
    cli_import_text(tmp_path, "subscribers.csv", (
        "Email Address,First Name,Last Name,TAGS\n"
        "ann@x.com,Ann,Lee,\"Newsletter, Inactive\"\n"
        "bo@x.com,Bo,Tan,Newsletter\n"
        "cy@x.com,Cy,Ray,Inactive\n"))
    assert workspace_rows(tmp_path, CARDS) == [
        ("Ann Lee", "awareness", None), ("Bo Tan", "awareness", None),
        ("Cy Ray", "awareness", None)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_bare_left_tag_on_a_contact_list_says_nothing(tmp_path):
    """'Left' on a list that says nothing of buying (a left voicemail, a left-hander): no
    one churned, [3, 0, 0, 0, 0] (was Cy churned and a customer, [3, 1, 1, 0, 0])."""
    cli_import_text(tmp_path, "contacts.csv", (
        "Name,Email,Tags\nAnn Lee,ann@x.com,Former address\nBo Tan,bo@x.com,Left voicemail\n"
        "Cy Ray,cy@x.com,Left\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(outcome) FROM clients") == [(0,)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_an_inactive_tag_on_a_list_of_paying_clients_is_churned(tmp_path):
    """Fired: 'Total spent' says these are customers; Bo's 'Inactive' tag: churned. Both
    bought: [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Tags,Total spent\nAnn Lee,ann@x.com,VIP,$500.00\n"
        "Bo Tan,bo@x.com,Inactive,$120.00\n"))
    assert workspace_rows(tmp_path, CARDS) == [
        ("Ann Lee", "purchase", None), ("Bo Tan", "purchase", "churned")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_churn_risk_and_at_risk_tags_are_not_churned(tmp_path):
    """Right already: 'Churn risk' and 'At risk' say a client may leave, not that they
    have; 'Lost & found' nothing. 3 customers by their spend, no outcome."""
    cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Tags,Total spent\nAnn Lee,ann@x.com,\"VIP, Churn risk\",$500.00\n"
        "Bo Tan,bo@x.com,At risk,$120.00\nCy Ray,cy@x.com,Lost & found,$80.00\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(outcome) FROM clients") == [(0,)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_tag_naming_a_former_client_is_churned_on_a_plain_contact_list(tmp_path):
    """Fired, worded otherwise: Spanish 'Ex cliente' names a client who left, so Ana
    bought and churned though nothing else on the list says who pays: [2, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "contactos.csv", (
        "Nombre,Email,Tags\nAna Ruiz,ana@x.es,Ex cliente\nBea Gil,bea@x.es,Newsletter\n"))
    assert workspace_rows(tmp_path, CARDS) == [
        ("Ana Ruiz", "purchase", "churned"), ("Bea Gil", "awareness", None)]
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_a_russian_lost_client_category_without_money(tmp_path):
    """Fired: YCLIENTS' 'Потерянный клиент' (lost client) on a file with no sales figures
    names a client: Елена churned; Анна, a regular, no outcome."""
    cli_import_text(tmp_path, "export.csv", (
        "Имя;Телефон;Категория\nАнна Смирнова;+7 916 123-45-67;Постоянный клиент\n"
        "Елена Попова;+7 926 444-55-66;Потерянный клиент\n"))
    assert workspace_rows(tmp_path, "SELECT name, outcome FROM clients ORDER BY name") == [
        ("Анна Смирнова", None), ("Елена Попова", "churned")]


# --- a paid tick beside a visit's type ---------------------------------------------------

def test_a_call_or_enquiry_ticked_paid_with_no_price_is_no_sale(tmp_path):
    """Ann's Consultation at 60, ticked: the one sale. Her Phone call and Bo's Enquiry,
    ticked, have no price (the tick says the account is settled): no sale (were 2 more
    sales of nothing, Bo a customer: [2, 2, 2, 1, 0]). [2, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "sessions.csv", (
        "Date,Client,Type,Fee,Paid\n"
        "2025-01-07,Ann Lee,Consultation,60,Y\n"
        "2025-01-09,Ann Lee,Phone call,,Y\n"
        "2025-01-10,Bo Tan,Enquiry,,Y\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 60.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_an_email_and_a_meeting_ticked_paid_are_contacts(tmp_path):
    """Cy's Invoice of 200, paid: the one sale; Ann's Email and Bo's Meeting, ticked, no
    amount: contacts. [3, 1, 1, 0, 0] (was 3 sales, [3, 3, 3, 0, 0])."""
    cli_import_text(tmp_path, "log.csv", (
        "Date,Client,Type,Amount,Paid\n"
        "2025-01-07,Ann Lee,Email,,Yes\n"
        "2025-01-09,Bo Tan,Meeting,,Yes\n"
        "2025-01-10,Cy Ray,Invoice,200,Yes\n"))
    assert workspace_rows(tmp_path, KINDS) == [("contact", 2, None), ("purchase", 1, 200.0)]
    assert cli_funnel(tmp_path) == [3, 1, 1, 0, 0]


def test_a_class_timetable_and_a_vets_visits_with_a_paid_tick(tmp_path):
    """Right already: Ann's two Yoga classes at 12, Yes: 2 sales of 24; Bo's Pilates, No:
    a contact. [2, 1, 1, 1, 0]. A vet's: Ann's Vaccination 45 and Check-up 30, Y: 2 sales
    of 75 more; Bo's Check-up, N, a contact."""
    cli_import_text(tmp_path, "classes.csv", (
        "Date,Student,Type,Price,Paid\n2025-01-07,Ann Lee,Yoga,12,Yes\n"
        "2025-01-08,Bo Tan,Pilates,12,No\n2025-01-14,Ann Lee,Yoga,12,Yes\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 24.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]
    cli_import_text(tmp_path, "visits.csv", (
        "Date,Owner,Pet,Type,Fee,Paid\n2025-02-07,Ann Lee,Rex,Vaccination,45,Y\n"
        "2025-02-08,Bo Tan,Tom,Check-up,30,N\n2025-03-07,Ann Lee,Rex,Check-up,30,Y\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 99.0)


# --- 1 to 5 in a value column -------------------------------------------------------------

def test_a_tip_jars_value_of_one_to_five_is_money(tmp_path):
    """A sheet of sales: 'Value' 2, 5, 1 is each tip's money: 3 sales of 8, Ann on two
    days, [2, 2, 2, 1, 0] (was no money: the values read as a rating)."""
    cli_import_text(tmp_path, "tips.csv", (
        "Date,Customer,Value\n2026-01-03,Ann Lee,2\n2026-01-04,Bo Tan,5\n"
        "2026-01-05,Ann Lee,1\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 8.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_value_beside_a_currency_column_is_money(tmp_path):
    """Stickers at 2 and 3 EUR, a badge at 5: 4 sales of 12 (was no money)."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Item,Value,Currency\n2026-01-03,Ann Lee,Sticker,2,EUR\n"
        "2026-01-04,Bo Tan,Badge,5,EUR\n2026-01-05,Ann Lee,Sticker,2,EUR\n"
        "2026-01-06,Cy Ray,Pen,3,EUR\n"))
    assert found["mapping"]["Value"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 12.0)


def test_a_value_in_euros_in_the_header_is_money_on_a_client_list(tmp_path):
    """'Wert (€)' 5, 3, 4: the header names the currency: the deal's value; Anna and Paul
    (Kunde) brought 5 + 4 = 9 (was no money: read as a rating)."""
    found = cli_import_text(tmp_path, "kontakte.csv", (
        "Name,E-Mail,Wert (€),Status\nAnna Weber,anna@x.de,5,Kunde\n"
        "Jonas Klein,jonas@x.de,3,Interessent\nPaul Schulz,paul@x.de,4,Kunde\n"))
    assert found["mapping"]["Wert (€)"] == "revenue_potential"
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(9.0,)]


def test_a_spanish_client_lists_valor_of_one_to_five_is_a_rating(tmp_path):
    """Right already, worded otherwise: 'Valor' 5, 2, 4 on a client list: a rating, no
    money; Ana and Carlos (Cliente) customers: [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "clientes.csv", (
        "Nombre,Email,Valor,Estado\nAna Ruiz,ana@x.es,5,Cliente\n"
        "Bea Gil,bea@x.es,2,Prospecto\nCarlos Paz,carlos@x.es,4,Cliente\n"))
    assert found["mapping"]["Valor"] is None
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(None, None)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- a person's name beside a company --------------------------------------------------

def test_an_item_navn_beside_firma_on_orders_is_not_the_client(tmp_path):
    """A Norwegian wholesaler's orders: 'Navn' names the item sold, 'Firma' the client.
    Kafé Blå AS ordered on two days (400 + 200), Deli AS once (150): 3 sales of 750,
    [2, 2, 2, 1, 0]. (Was 'Espressobønner 1kg' and 'Filterpapir' as the clients: 'Navn'
    sorted before 'Firma' on any sheet; and 3 contacts: 'Ordrenr' was not read as an
    order's number.)"""
    found = cli_import_text(tmp_path, "ordrer.csv", (
        "Ordrenr,Dato,Firma,Navn,Antall,Total\n"
        "1001,2025-01-05,Kafé Blå AS,Espressobønner 1kg,2,\"400,00\"\n"
        "1002,2025-01-09,Deli AS,Filterpapir,5,\"150,00\"\n"
        "1003,2025-02-09,Kafé Blå AS,Espressobønner 1kg,1,\"200,00\"\n"))
    assert found["mapping"]["Ordrenr"] == "order_id"
    assert workspace_rows(tmp_path, CARDS) == [
        ("Deli AS", "purchase", None), ("Kafé Blå AS", "retention", None)]
    assert kind_totals(tmp_path, "purchase") == (3, 750.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- right already ------------------------------------------------------------------------

def test_a_purchases_tab_of_customers_with_a_supplier_of_brands_is_sales(tmp_path):
    """A sports shop's 'Purchases' tab names its customers; 'Supplier' is the brand sold:
    Ann 90 + 10 on two days, Bo 30: 3 sales of 130, [2, 2, 2, 1, 0]."""
    cli_import_book(tmp_path, "shop 2025.xlsx", {"Purchases": [
        ["Date", "Customer", "Supplier", "Item", "Amount"],
        ["2025-03-01", "Ann Lee", "Nike", "Trainers", 90],
        ["2025-03-04", "Bo Tan", "Adidas", "Shirt", 30],
        ["2025-03-20", "Ann Lee", "Nike", "Socks", 10]]})
    assert kind_totals(tmp_path, "purchase") == (3, 130.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_compras_from_a_proveedor_are_no_sales(tmp_path):
    """A Spanish bakery's 'Compras' (flour, butter) from each 'Proveedor': what it bought,
    reference rows; no client, no sale."""
    (bought,) = cli_import_book(tmp_path, "libro.xlsx", {"Compras": [
        ["Fecha", "Proveedor", "Concepto", "Importe"],
        ["2025-03-01", "Harinas SL", "Harina", 38], ["2025-03-05", "Lácteos SA", "Mantequilla",
                                                     22.5]]})
    assert bought["kind"] == "reference"
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_en_cours_de_realisation_on_a_project_list(tmp_path):
    """Julie's finished site, 3,000: a sale; Marc's logo 'En cours de réalisation' (800)
    not done yet: a contact. [2, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "projets.csv", (
        "Projet,Client,Montant,Statut,Date\n"
        "Site web,Julie Martin,\"3 000,00 €\",Terminé,2026-01-10\n"
        "Logo,Marc Petit,\"800,00 €\",En cours de réalisation,2026-02-10\n"))
    assert workspace_rows(tmp_path, KINDS) == [("contact", 1, 800.0), ("purchase", 1, 3000.0)]
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_an_archived_website_user_with_a_last_visit_bought_nothing(tmp_path):
    """A website's users: 'Last visit' is when they last came to the site (the last
    contact), no session bought; Cy 'Archived' waits to be mapped, no one a customer:
    [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "users.csv", (
        "Name,Email,Signed up,Status,Last visit\n"
        "Ann Lee,ann@x.com,2024-01-01,Active,2025-05-01\n"
        "Bo Tan,bo@x.com,2024-02-01,Active,2025-04-01\n"
        "Cy Ray,cy@x.com,2023-03-01,Archived,2024-01-01\n"))
    assert found["unknown_stage_values"] == {"Archived": 1}
    assert workspace_rows(tmp_path, "SELECT COUNT(outcome) FROM clients") == [(0,)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_tagged_address_alone_is_kept_and_nom_entreprise(tmp_path):
    """A '+tag' address with no plain one beside it is the client's e-mail as written;
    French 'Nom' is the person, 'Entreprise' kept beside it."""
    cli_import_text(tmp_path, "signups.csv", (
        "Email,Name,Signed up\nann+shop@x.com,Ann Lee,2025-01-03\nbo@x.com,Bo Tan,2025-01-04\n"))
    assert workspace_rows(tmp_path, "SELECT name, email FROM clients ORDER BY name") == [
        ("Ann Lee", "ann+shop@x.com"), ("Bo Tan", "bo@x.com")]
    cli_import_text(tmp_path, "contacts.csv", (
        "Nom,Entreprise,Email\nJulie Martin,Boulangerie Martin,julie@bm.fr\n"
        "Marc Petit,,marc@gmail.com\n"))
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE email LIKE '%.fr' OR "
                                    "email LIKE '%gmail%' ORDER BY name") == [
        ("Julie Martin",), ("Marc Petit",)]
