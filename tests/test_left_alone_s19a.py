"""Misreadings the last session noticed and left alone (session 19, A). Each sheet goes
through the command line and is checked against figures worked out by hand before
importing; beside each, where it matters, a sheet where the rule must not fire.

- Bling's orders: "Em andamento" (in progress) beside the unpaid "Em aberto" is an order
  being fulfilled, a sale; "Em aberto" stays unpaid.
- Számlázz.hu's invoices: "Sztornó" igen (the invoice reversed) is a cancellation, not a
  sale, whatever "Kifizetve" says.
- YCLIENTS' clients: a "Категория" of "Потерянный клиент" (lost client) marks the client
  churned; a tag or category saying a client has left does so on any client list.
- A workbook's "Purchases" tab of what the business bought from its suppliers (a
  "Supplier" column) is no sales; a "Purchases" tab naming customers still is.
- "Auftrag" holding order numbers is the order ID, each row an order ("numbers them as
  orders", not "the work done"); holding the work ("Badsanierung") it is still the work.
- Norwegian "Navn" and "Firma": the person is the client's name, the company kept beside
  it, as English "Name" and "Company" are read.
- A paid "Consultation" (a "Type" read as the kind, "Paid" Y) is a sale; an unpaid one
  stays a first talk.
- "Wert" of whole numbers 1 to 5 with no currency is a rating, not money, said in a note;
  "Wert" in euros is still money.
- French "En cours de traitement" on a job list is work in progress (a contact), not a
  status Journey does not know; on a shop's orders, a sale.
- Practice Better's "Archived" client with a last session bought and has left (churned);
  one with no session waits to be mapped.
- A sign-up given as ann@x.com and later ann+shop@x.com keeps the plain address.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"
CARDS = "SELECT name, furthest_stage, outcome FROM clients ORDER BY name"


# --- 1. Bling's "Em andamento" ----------------------------------------------------------

BLING = ("Número;Data;Cliente;CPF/CNPJ;E-mail;Total;Situação;Vendedor\n"
         "1001;03/02/2026;Ana Souza;123.456.789-09;ana@email.com.br;R$ 1.234,56;Atendido;Carla\n"
         "1002;07/02/2026;Bruno Lima;987.654.321-00;bruno@email.com.br;R$ 350,00;Em andamento;"
         "Carla\n"
         "1003;12/02/2026;Ana Souza;123.456.789-09;ana@email.com.br;R$ 89,90;Em andamento;Pedro\n"
         "1004;15/02/2026;Camila Rocha;111.222.333-44;camila@email.com.br;R$ 2.500,00;Cancelado;"
         "Pedro\n"
         "1005;20/02/2026;Diego Alves;555.666.777-88;diego@email.com.br;R$ 480,00;Em aberto;"
         "Carla\n")


def test_bling_orders_em_andamento_beside_em_aberto_are_sales(tmp_path):
    """Atendido 1,234.56 and Em andamento 350 + 89.90: 3 sales of 1,674.46 (Ana on two
    days: retention); Em aberto 480 unpaid, a contact; Cancelado a cancellation.
    [4, 2, 2, 1, 0] (was 1 sale of 1,234.56, [4, 1, 1, 0, 0]: 'Em aberto' among the
    statuses made 'Em andamento' work not yet paid for)."""
    cli_import_text(tmp_path, "pedidos_de_venda.csv", BLING)
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 2500.0), ("contact", 1, 480.0), ("purchase", 3, 1674.46)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_in_progress_beside_paid_is_still_work_not_paid_for(tmp_path):
    """Not fired: beside 'Pago' (paid), 'Em andamento' is an order not yet paid for: Ana's
    Pago 100 the one sale, Bruno's 350 a contact. [2, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "pedidos.csv", (
        "Número;Data;Cliente;E-mail;Total;Situação\n"
        "1;03/02/2026;Ana Souza;ana@email.com.br;R$ 100,00;Pago\n"
        "2;07/02/2026;Bruno Lima;bruno@email.com.br;R$ 350,00;Em andamento\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 100.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


# --- 2. Számlázz.hu's "Sztornó" ---------------------------------------------------------

def test_szamlazz_sztorno_igen_is_a_cancellation(tmp_path):
    """Kifizetve igen: 12,700 + 127,000 + 6,350 = 146,050 (3 sales); Nagy's 10,160 is
    igen too but Sztornó igen: a cancellation, no sale; Tóth's nem a contact. Nagy never
    bought: [4, 2, 2, 1, 0] (was 4 sales of 156,210, [4, 3, 3, 1, 0])."""
    found = cli_import_text(tmp_path, "szamlak.csv", (
        "Számlaszám;Kelt;Vevő neve;Vevő e-mail;Bruttó;Pénznem;Kifizetve;Sztornó\n"
        "E-2026-101;2026.11.03.;Kovács Anna;kovacs.anna@gmail.com;12 700 Ft;HUF;igen;nem\n"
        "E-2026-102;2026.11.05.;Szabó és Társa Kft.;info@szabokft.hu;127 000 Ft;HUF;igen;nem\n"
        "E-2026-103;2026.11.10.;Tóth Péter;;25 400 Ft;HUF;nem;nem\n"
        "E-2026-104;2026.11.16.;Kovács Anna;kovacs.anna@gmail.com;6 350 Ft;HUF;igen;nem\n"
        "E-2026-105;2026.11.20.;Nagy Eszter;nagy.eszter@freemail.hu;10 160 Ft;HUF;igen;igen\n"))
    assert "1 row marked yes in 'Sztornó' was read as a cancellation, not a sale." in found[
        "notes"]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 10160.0), ("contact", 1, 25400.0), ("purchase", 3, 146050.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


# --- 3. YCLIENTS' lost client -------------------------------------------------------------

YCLIENTS = ("Имя;Телефон;Email;Категория;Первый визит;Последний визит;Визитов;Продано\n"
            "Анна Смирнова;+7 916 123-45-67;anna.smirnova@mail.ru;Постоянный клиент;12.03.2025;"
            "28.10.2026;14;38 500 ₽\n"
            "Ольга Иванова;+7 903 222-33-44;;Новый клиент;05.11.2026;05.11.2026;1;2 500 ₽\n"
            "Елена Попова;+7 926 444-55-66;elena.popova@gmail.com;Потерянный клиент;01.02.2024;"
            "15.06.2025;6;15 600 ₽\n")


def test_yclients_lost_client_category_is_churned(tmp_path):
    """Елена's category says lost client: churned (was no outcome), her 6 visits still
    retention; Анна (regular) and Ольга (new) no outcome. Funnel as before, [3, 3, 3, 2,
    0]: leaving lowers no one's furthest stage."""
    found = cli_import_text(tmp_path, "yclients_clients.csv", YCLIENTS)
    assert ("1 client whose 'Категория' says they have left (Потерянный клиент) was read "
            "as churned.") in found["notes"]
    assert workspace_rows(tmp_path, CARDS) == [
        ("Анна Смирнова", "retention", None), ("Елена Попова", "retention", "churned"),
        ("Ольга Иванова", "purchase", None)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 2, 0]


def test_a_tag_saying_former_client_keeps_the_others_stored_status(tmp_path):
    """A client list's Tags 'Former client' marks Bo churned; Ann's 'VIP' says nothing,
    and the status a first file gave her ('lost') stays."""
    cli_import_text(tmp_path, "crm.csv", "Name,Email,Status\nAnn Lee,ann@x.com,Lost\n")
    cli_import_text(tmp_path, "contacts.csv", (
        "Name,Email,Tags\nAnn Lee,ann@x.com,VIP\nBo Tan,bo@x.com,Former client\n"))
    assert workspace_rows(tmp_path, "SELECT name, outcome FROM clients ORDER BY name") == [
        ("Ann Lee", "lost"), ("Bo Tan", "churned")]


# --- 4. a supplier's purchases tab -------------------------------------------------------

def test_a_purchases_tab_from_suppliers_is_no_sales(tmp_path):
    """Sales: Ann 45 + 50 (two days), Bo 30 = 3 sales of 125. Purchases (Supplier: flour,
    butter, boxes, 120.50) is what the bakery bought: reference rows. Was 6 sales of
    245.50. [2, 2, 2, 1, 0]."""
    sales, bought = cli_import_book(tmp_path, "bakery 2025.xlsx", {
        "Sales": [["Date", "Customer", "Item", "Amount"],
                  ["2025-03-01", "Ann Lee", "Cake", 45],
                  ["2025-03-04", "Bo Tan", "Cupcakes x12", 30],
                  ["2025-03-20", "Ann Lee", "Cake", 50]],
        "Purchases": [["Date", "Supplier", "Item", "Amount"],
                      ["2025-03-02", "Flour Mill Ltd", "Flour 25kg", 38],
                      ["2025-03-05", "Dairy Co", "Butter", 22.5],
                      ["2025-03-15", "PackPro", "Boxes", 60]]})
    assert bought["kind"] == "reference"
    assert "'Supplier' names whom the business pays" in bought["explanation"]
    assert kind_totals(tmp_path, "purchase") == (3, 125.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_purchases_tab_of_customers_is_sales(tmp_path):
    """Not fired: a 'Purchases' tab naming customers (no supplier): 2 sales of 75."""
    cli_import_book(tmp_path, "shop.xlsx", {"Purchases": [
        ["Date", "Customer", "Item", "Amount"],
        ["2025-03-01", "Ann Lee", "Cake", 45], ["2025-03-04", "Bo Tan", "Cupcakes", 30]]})
    assert kind_totals(tmp_path, "purchase") == (2, 75.0)


# --- 5. "Auftrag" of order numbers --------------------------------------------------------

def test_auftrag_of_order_numbers_is_the_order_id(tmp_path):
    """'Auftrag' A-2026-001..003: the order ID, each row an order: 3 sales of 2,440 (Müller
    on two days), [2, 2, 2, 1, 0] as before, now said as numbered orders (was 'the work
    done or sold in 'Auftrag'')."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Datum,Kunde,Auftrag,Betrag\n"
        "03.02.2026,Müller GmbH,A-2026-001,\"1.200,00 €\"\n"
        "07.02.2026,Anna Schmidt,A-2026-002,\"350,00 €\"\n"
        "12.02.2026,Müller GmbH,A-2026-003,\"890,00 €\"\n"))
    assert found["mapping"]["Auftrag"] == "order_id"
    assert any("because its column 'Auftrag' numbers them as orders" in n
               for n in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 2440.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_auftrag_of_work_is_still_the_work_done(tmp_path):
    """Not fired: 'Auftrag' Fenster einbauen, Tür reparieren: the work done, kept as extra;
    3 sales of 2,440 as before."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Datum,Kunde,Auftrag,Betrag\n"
        "03.02.2026,Müller GmbH,Fenster einbauen,\"1.200,00 €\"\n"
        "07.02.2026,Anna Schmidt,Tür reparieren,\"350,00 €\"\n"
        "12.02.2026,Müller GmbH,Dach prüfen,\"890,00 €\"\n"))
    assert found["mapping"]["Auftrag"] is None
    assert any("the work done or sold in 'Auftrag'" in n for n in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 2440.0)


# --- 6. Norwegian "Navn" and "Firma" ------------------------------------------------------

def test_navn_is_the_person_and_firma_their_company(tmp_path):
    """Kari Nordmann and Ola Hansen are the names (were 'Nordmann Bakeri AS', 'Hansen Rør
    AS'), their companies kept beside them; Per Berg, no company, himself. 3 leads."""
    cli_import_text(tmp_path, "kunder.csv", (
        "Navn,Firma,E-post,Telefon\n"
        "Kari Nordmann,Nordmann Bakeri AS,kari@bakeri.no,912 34 567\n"
        "Ola Hansen,Hansen Rør AS,ola@hansenror.no,913 45 678\n"
        "Per Berg,,per.berg@gmail.com,914 56 789\n"))
    assert workspace_rows(tmp_path, "SELECT name, json_extract(extra, '$.Firma') FROM clients "
                                    "ORDER BY name") == [
        ("Kari Nordmann", "Nordmann Bakeri AS"), ("Ola Hansen", "Hansen Rør AS"),
        ("Per Berg", None)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_firma_alone_is_the_clients_name(tmp_path):
    """Not fired: 'Firma' with no person's name column is the client's name."""
    cli_import_text(tmp_path, "kunder.csv", "Firma,E-post\nNordmann Bakeri AS,kari@bakeri.no\n")
    assert workspace_rows(tmp_path, "SELECT name FROM clients") == [("Nordmann Bakeri AS",)]


# --- 7. a paid consultation ---------------------------------------------------------------

def test_a_consultation_ticked_paid_is_a_sale(tmp_path):
    """Ann's Consultation 60 (Y) and Treatment 80 (Y), Cy's Consultation 60 (Y): 3 sales
    of 200, the type kept as the touchpoint; Bo's free Consultation, not ticked, a first
    talk (consideration). Ann bought on two days: [3, 3, 2, 1, 0] (was no sale, [3, 3, 0,
    0, 0]: 'Consultation' read as consideration, 'Treatment' as a contact)."""
    found = cli_import_text(tmp_path, "sessions.csv", (
        "Date,Client,Type,Fee,Paid\n"
        "2025-01-07,Ann Lee,Consultation,60,Y\n"
        "2025-01-14,Ann Lee,Treatment,80,Y\n"
        "2025-01-09,Bo Tan,Consultation,0,\n"
        "2025-01-10,Cy Ray,Consultation,60,Y\n"))
    assert "3 rows marked paid in 'Paid' were read as purchases." in found["notes"]
    assert workspace_rows(tmp_path, "SELECT touchpoint, COUNT(*) FROM events WHERE kind = "
                                    "'purchase' GROUP BY touchpoint ORDER BY touchpoint") == [
        ("Consultation", 2), ("Treatment", 1)]
    assert kind_totals(tmp_path, "purchase") == (3, 200.0)
    assert cli_funnel(tmp_path) == [3, 3, 2, 1, 0]


# --- 8. "Wert" of ratings -----------------------------------------------------------------

def test_wert_of_one_to_five_is_a_rating_not_money(tmp_path):
    """'Wert' 5, 3, 1, 4, no currency, no cents: a rating, kept as extra (was revenue of 5
    and 4 for the two customers). 4 clients, 2 customers: [4, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "kontakte.csv", (
        "Name,E-Mail,Wert,Status\n"
        "Anna Weber,anna@beispiel.de,5,Kunde\n"
        "Jonas Klein,jonas@beispiel.de,3,Interessent\n"
        "Lena Vogel,lena@beispiel.de,1,Interessent\n"
        "Paul Schulz,paul@beispiel.de,4,Kunde\n"))
    assert found["mapping"]["Wert"] is None
    assert ("'Wert' holds whole numbers from 1 to 5 with no currency (5, 3): read as a "
            "rating, not money: kept as extra") in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(None, None)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


def test_wert_in_euros_is_money(tmp_path):
    """Not fired: 'Wert' 1.250,00 € and 3.100,00 € for the customers: their revenue,
    4,350."""
    found = cli_import_text(tmp_path, "kontakte.csv", (
        "Name,E-Mail,Wert,Status\n"
        "Anna Weber,anna@beispiel.de,\"1.250,00 €\",Kunde\n"
        "Jonas Klein,jonas@beispiel.de,\"480,00 €\",Interessent\n"
        "Paul Schulz,paul@beispiel.de,\"3.100,00 €\",Kunde\n"))
    assert found["mapping"]["Wert"] == "revenue_potential"
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(4350.0,)]


# --- 9. "En cours de traitement" ----------------------------------------------------------

def test_en_cours_de_traitement_on_a_job_list_is_work_in_progress(tmp_path):
    """Julie's Terminé 2,400 and Payé 600: 2 sales of 3,000 on two days; Marc's job 'En
    cours de traitement' not done yet, a contact; Sophie's quote (Devis envoyé)
    consideration. [3, 2, 1, 1, 0] (was 4 contacts, [3, 1, 0, 0, 0]: the status not
    known, so the column was not read)."""
    cli_import_text(tmp_path, "chantiers.csv", (
        "Date,Client,Chantier,Montant,Statut\n"
        "2026-03-02,Julie Martin,Salle de bain,\"2 400,00 €\",Terminé\n"
        "2026-03-05,Marc Petit,Cuisine,\"5 800,00 €\",En cours de traitement\n"
        "2026-03-09,Sophie Durand,Peinture,\"950,00 €\",Devis envoyé\n"
        "2026-03-12,Julie Martin,Carrelage,\"600,00 €\",Payé\n"))
    assert workspace_rows(tmp_path, KINDS) == [("contact", 2, 6750.0), ("purchase", 2, 3000.0)]
    assert cli_funnel(tmp_path) == [3, 2, 1, 1, 0]


def test_en_cours_de_traitement_on_a_shops_orders_is_a_sale(tmp_path):
    """A shop's orders ('commandes', an order number): 'En cours de traitement' is an order
    placed and being seen to: 2 sales of 80; 'Annulée' none. [3, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "commandes.csv", (
        "N° de commande,Date,Client,E-mail,Total,Statut\n"
        "1001,2026-03-02,Julie Martin,julie@exemple.fr,\"45,00 €\",Livrée\n"
        "1002,2026-03-05,Marc Petit,marc@exemple.fr,\"35,00 €\",En cours de traitement\n"
        "1003,2026-03-09,Sophie Durand,sophie@exemple.fr,\"20,00 €\",Annulée\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 80.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- 10. Practice Better's archived clients -----------------------------------------------

PRACTICE_BETTER = (
    "First Name,Last Name,Email,Status,Date Added,Last Session,Upcoming Sessions\n"
    "Hannah,Lee,hannah.lee@gmail.com,Active,2024-01-10,2024-05-20,1\n"
    "Ian,Moss,ian.moss@yahoo.ca,Lead,2024-05-02,,0\n"
    "Jade,Nolan,jade.n@outlook.com,Archived,2023-06-01,2023-09-15,0\n"
    "Liam,Park,liam.p@gmail.com,Archived,2023-02-01,,0\n")


def test_an_archived_client_with_a_session_bought_and_left(tmp_path):
    """Hannah active (a client); Jade archived with a last session: bought, churned (was
    awareness); Liam archived with no session may have been a lead: awareness, 'Archived'
    waiting to be mapped (1 row, was 2); Ian a lead. [4, 2, 2, 0, 0] (was [4, 1, 1, 0,
    0])."""
    found = cli_import_text(tmp_path, "clients.csv", PRACTICE_BETTER)
    assert ("1 client 'Status' calls Archived, with a last session given, was read as "
            "having bought (purchase) and left (churned).") in found["notes"]
    assert found["unknown_stage_values"] == {"Archived": 1}
    assert workspace_rows(tmp_path, CARDS) == [
        ("Hannah Lee", "purchase", None), ("Ian Moss", "awareness", None),
        ("Jade Nolan", "purchase", "churned"), ("Liam Park", "awareness", None)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


# --- 11. a "+tag" address beside the plain one --------------------------------------------

def test_a_merged_signup_keeps_the_plain_address(tmp_path):
    """Ann signed up as ann@x.com, then ann+shop@x.com: one client (as before), her e-mail
    ann@x.com (was ann+shop@x.com, the last row's); Bo's as given."""
    cli_import_text(tmp_path, "signups.csv", (
        "Email,Name,Signed up,Source\n"
        "ann@x.com,Ann Lee,2025-01-03,Newsletter\n"
        "bo@x.com,Bo Tan,2025-01-04,Instagram\n"
        "ann+shop@x.com,Ann Lee,2025-02-10,Shop\n"))
    assert workspace_rows(tmp_path, "SELECT name, email FROM clients ORDER BY name") == [
        ("Ann Lee", "ann@x.com"), ("Bo Tan", "bo@x.com")]
