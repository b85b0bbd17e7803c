"""Misreadings today's reviewers left alone (session 19, J). Each sheet goes through the
command line and is checked against figures worked out by hand before importing; beside
each, where it matters, a sheet where the rule must not fire.

- A children's class list ("Date, Child, Class, Fee, Paid by"; "Family, Child"): the child
  is a name column; the family or the parent paying, where a column names one, is the
  client, the child the client of a row naming no payer. "Paid by" of Mum, Card stays a
  way of paying: the children are the clients.
- A training company's "Delegate": the person booked, the client where no company is named.
- A cash book ("Date, Details, In, Out", the payer inside the details): money in naming
  someone is a sale from them; money out and money in naming no one are left out, said.
- A deposits sheet whose "Balance paid" holds the money paid: the deposit and the balance
  are one sale of their sum (a deposit with no column saying if it was paid: taken).
- A monthly fee in Spanish, Portuguese, French, German ("Cuota mensual", "Mensalidade",
  "Cotisation mensuelle", "Monatsbeitrag") times the months paid is the revenue, as "Fee"
  times "Months paid" is.
- A French devis list: "Accepté" and "En attente" are quotes (consideration: the invoice is
  the sale, as an English quote list reads), "Refusé" lost.
- "Deal value" of small numbers (5, 3, 2) is money, not a rating.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

REVENUE = "SELECT name, revenue_current FROM clients ORDER BY name"


def names(tmp_path) -> list[str]:
    return [name for (name,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


# --- 1. "Child", "Family", "Paid by", "Delegate" ------------------------------------------

def test_a_class_list_paid_by_parents_names_the_parents(tmp_path):
    """Sarah Jones paid Mia's ballet 12 on 6 and 13 Jan (two days: retention); Raj Patel paid
    Leo's swim 15; Tom Reid's 15 names no payer: not paid, Tom the client. 3 clients, 3
    sales of 39, [3, 2, 2, 1, 0] (was reference rows, 0 clients)."""
    found = cli_import_text(tmp_path, "classes.csv", (
        "Date,Child,Class,Fee,Paid by\n"
        "06/01/2026,Mia Jones,Ballet,12,Sarah Jones\n06/01/2026,Leo Patel,Swim,15,Raj Patel\n"
        "13/01/2026,Mia Jones,Ballet,12,Sarah Jones\n13/01/2026,Tom Reid,Swim,15,\n"))
    assert "'Paid by' names who pays for 'Child'" in found["explanation"]
    assert names(tmp_path) == ["Raj Patel", "Sarah Jones", "Tom Reid"]
    assert kind_totals(tmp_path, "purchase") == (3, 39.0)
    assert kind_totals(tmp_path, "contact") == (1, 15.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_paid_by_mum_or_card_leaves_the_children_the_clients(tmp_path):
    """Not fired: 'Paid by' Mum, Card, Dad says how or by whom in the family it was paid, no
    one's name: Mia (12 + 12, two days), Leo 15 paid; Tom's blank not paid. 3 sales of 39,
    [3, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "classes.csv", (
        "Date,Child,Class,Fee,Paid by\n"
        "06/01/2026,Mia Jones,Ballet,12,Mum\n06/01/2026,Leo Patel,Swim,15,Card\n"
        "13/01/2026,Mia Jones,Ballet,12,Dad\n13/01/2026,Tom Reid,Swim,15,\n"))
    assert names(tmp_path) == ["Leo Patel", "Mia Jones", "Tom Reid"]
    assert kind_totals(tmp_path, "purchase") == (3, 39.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_family_column_beside_child_names_the_family(tmp_path):
    """Jones pay for Mia and Ella (40 + 40, paid), Patel's 45 not paid, Reid's 45 paid:
    3 families, 3 sales of 125, [3, 2, 2, 0, 0] (was reference rows, 0 clients)."""
    cli_import_text(tmp_path, "family.csv", (
        "Family,Child,Class,Fee,Paid\n"
        "Jones,Mia,Ballet,40,Yes\nJones,Ella,Tap,40,Yes\nPatel,Leo,Swim,45,No\n"
        "Reid,Tom,Swim,45,Yes\n"))
    assert names(tmp_path) == ["Jones", "Patel", "Reid"]
    assert kind_totals(tmp_path, "purchase") == (3, 125.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_a_delegate_is_booked_for_the_company_named(tmp_path):
    """Acme Ltd booked Amy and Ben (250 + 250, paid), Bright Co's Cara 180 not paid, Dan Fox
    booked himself (no company) 120 paid: 3 clients, 3 sales of 620, [3, 2, 2, 0, 0] (was
    Dan's sale kept with no client: 2 clients)."""
    cli_import_text(tmp_path, "delegates.csv", (
        "Course,Date,Delegate,Company,Price,Paid\n"
        "First Aid,10/02/2026,Amy Cole,Acme Ltd,250,Yes\n"
        "First Aid,10/02/2026,Ben Dyer,Acme Ltd,250,Yes\n"
        "Fire Safety,17/02/2026,Cara Holt,Bright Co,180,No\n"
        "Manual Handling,03/03/2026,Dan Fox,,120,Yes\n"))
    assert names(tmp_path) == ["Acme Ltd", "Bright Co", "Dan Fox"]
    assert kind_totals(tmp_path, "purchase") == (3, 620.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_delegates_with_no_company_are_the_clients(tmp_path):
    """Amy paid 250 on 10 Feb and 3 Mar (retention), Cara's 180 not paid: 2 clients, 2
    sales of 500, [2, 1, 1, 1, 0]."""
    cli_import_text(tmp_path, "delegates.csv", (
        "Course,Date,Delegate,Price,Paid\n"
        "First Aid,10/02/2026,Amy Cole,250,Yes\nFire Safety,17/02/2026,Cara Holt,180,No\n"
        "First Aid,03/03/2026,Amy Cole,250,Yes\n"))
    assert names(tmp_path) == ["Amy Cole", "Cara Holt"]
    assert kind_totals(tmp_path, "purchase") == (2, 500.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]


# --- 2. a cash book -------------------------------------------------------------------------

CASH_BOOK = ("Date,Details,In,Out\n"
             "01/03/2026,Balance b/f,200,\n02/03/2026,Cash - J Smith lesson,30,\n"
             "03/03/2026,Petrol,,45\n04/03/2026,Cash sales,55,\n"
             "05/03/2026,BACS - Mrs Hall piano,40,\n09/03/2026,J Smith - lesson,30,\n"
             "10/03/2026,Tesco - cleaning,,12.50\n")


def test_a_cash_book_counts_money_in_from_someone_named(tmp_path):
    """In naming someone: J Smith 30 on 2 and 9 Mar (retention), Mrs Hall 40: 3 sales of
    100 from 2 clients, [2, 2, 2, 1, 0]. 'Balance b/f' 200 and 'Cash sales' 55 name no one:
    left out (255); Petrol 45 and Tesco 12.50 out (57.50): the business's spending, left
    out (was reference rows, 0 clients)."""
    found = cli_import_text(tmp_path, "cashbook.csv", CASH_BOOK)
    assert found["recognised_as"] == "cash_book"
    assert "2 lines of money in naming no one (255) left out" in found["explanation"]
    assert "2 lines of money out (57.5" in found["explanation"]
    assert names(tmp_path) == ["J Smith", "Mrs Hall"]
    assert kind_totals(tmp_path, "purchase") == (3, 100.0)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events")[0] == (3,)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_stock_book_of_in_and_out_is_no_cash_book(tmp_path):
    """Not fired: a stock book's In and Out beside a 'Product' are goods counted, its
    details a supplier's delivery: no sales, no clients."""
    found = cli_import_text(tmp_path, "stock.csv", (
        "Date,Product,Details,In,Out\n02/03/2026,Candles,Delivery from Acme Ltd,20,\n"
        "03/03/2026,Candles,Sold - Ann Lee,,2\n05/03/2026,Soap,Delivery from Bee Co,30,\n"))
    assert found["recognised_as"] != "cash_book"
    assert kind_totals(tmp_path, "purchase") == (0, None)


# --- 3. a deposit and a balance paid ---------------------------------------------------------

def test_a_balance_paid_in_money_is_added_to_the_deposit(tmp_path):
    """Ann's deposit 500 and balance 1,500 paid: one sale of 2,000; Bo's deposit 400 paid:
    400; Cy nothing paid: a contact at consideration. 2 sales of 2,400, [3, 3, 2, 0, 0]
    (was 2 sales of 900: the balance paid unread)."""
    cli_import_text(tmp_path, "deposits.csv", (
        "Client,Event date,Total,Deposit,Deposit paid,Balance paid\n"
        "Ann Lee,2025-06-01,2000,500,500,1500\nBo Tan,2025-07-01,1800,400,400,\n"
        "Cy Ray,2025-08-01,1500,300,,\n"))
    assert workspace_rows(tmp_path, "SELECT amount FROM events WHERE kind = 'purchase' "
                                    "ORDER BY amount") == [(400.0,), (2000.0,)]
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


def test_a_balance_paid_of_days_ticks_the_balance(tmp_path):
    """Not fired: 'Balance paid' of days beside 'Balance' ticks it paid: Emma 500 + 1,500,
    Tom 400 (balance not paid), Lucy nothing: 2 sales of 2,400, [3, 3, 2, 0, 0]."""
    cli_import_text(tmp_path, "deposits.csv", (
        "Client,Event date,Deposit,Deposit paid,Balance,Balance paid\n"
        "Emma Hart,14/06/2026,500,01/02/2026,1500,01/05/2026\n"
        "Tom Vale,20/07/2026,400,10/03/2026,1200,\nLucy Reed,02/08/2026,300,,900,\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 2400.0)
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


def test_a_deposit_with_no_tick_beside_a_balance_paid_was_taken(tmp_path):
    """'Deposit' with no column saying if it was paid, beside 'Balance paid' of money: each
    deposit was taken. Emma 500 + 1,500 = 2,000, Tom 400, Lucy 300 + 900 = 1,200: 3 sales of
    3,600, [3, 3, 3, 0, 0] (were 3 contacts with no money, [3, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "deposits.csv", (
        "Client,Date,Deposit,Balance paid\nEmma Hart,01/02/2026,500,1500\n"
        "Tom Vale,10/03/2026,400,\nLucy Reed,12/03/2026,300,900\n"))
    assert ("Each row's sale is what was paid of 'Deposit' and 'Balance paid' (3 purchases "
            "of 3,600).") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT amount FROM events WHERE kind = 'purchase' "
                                    "ORDER BY amount") == [(400.0,), (1200.0,), (2000.0,)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_deposit_alone_is_no_sale(tmp_path):
    """Not fired: a 'Deposit' with no balance paid beside it says nothing of what was paid:
    3 contacts, no sale."""
    cli_import_text(tmp_path, "deposits.csv", (
        "Client,Date,Deposit\nEmma Hart,01/02/2026,500\nTom Vale,10/03/2026,400\n"
        "Lucy Reed,12/03/2026,300\n"))
    assert kind_totals(tmp_path, "purchase") == (0, None)


# --- 4. a monthly fee in other languages -------------------------------------------------------

def test_cuota_mensual_times_meses_pagados_is_the_revenue(tmp_path):
    """Ana 40 x 3 = 120, Luis 35 x 2 = 70, Marta 40 with no months written: no month paid,
    as a 0 reads (session 20, R3: was the fee kept as her revenue while she sat at
    awareness), revenue 0 and the 40 to come: 190; Ana and Luis paid more than once: [3, 2,
    2, 2, 0] (was reference rows, 0 clients: 'Socio' and 'Cuota mensual' unread)."""
    cli_import_text(tmp_path, "socios.csv", (
        "Socio,Fecha de alta,Cuota mensual,Meses pagados\n"
        "Ana García,01/01/2026,40,3\nLuis Pérez,01/02/2026,35,2\nMarta Ruiz,01/03/2026,40,\n"))
    assert workspace_rows(tmp_path, REVENUE) == [
        ("Ana García", 120.0), ("Luis Pérez", 70.0), ("Marta Ruiz", 0.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 2, 0]


def test_mensalidade_cotisation_monatsbeitrag_times_months_paid(tmp_path):
    """Mensalidade: Ana 150 x 4 = 600, Bruno 120 x 1; Cotisation mensuelle: Claire 30 x 5 =
    150, Paul 30 x 2 = 60; Monatsbeitrag: Anna 45 x 6 = 270, Jonas 45 x 1 (were reference
    rows, or each client the fee once)."""
    cli_import_text(tmp_path, "alunos.csv", (
        "Aluno,Data de início,Mensalidade,Meses pagos\n"
        "Ana Souza,10/01/2026,150,4\nBruno Lima,05/02/2026,120,1\n"))
    cli_import_text(tmp_path, "adherents.csv", (
        "Nom,Date d'inscription,Cotisation mensuelle,Mois payés\n"
        "Claire Martin,15/01/2026,30,5\nPaul Durand,01/03/2026,30,2\n"))
    cli_import_text(tmp_path, "mitglieder.csv", (
        "Mitglied,Eintritt,Monatsbeitrag,Monate bezahlt\n"
        "Anna Schmidt,01.01.2026,45,6\nJonas Weber,01.04.2026,45,1\n"))
    assert workspace_rows(tmp_path, REVENUE) == [
        ("Ana Souza", 600.0), ("Anna Schmidt", 270.0), ("Bruno Lima", 120.0),
        ("Claire Martin", 150.0), ("Jonas Weber", 45.0), ("Paul Durand", 60.0)]


def test_cuota_beside_classes_left_stays_the_fee(tmp_path):
    """Not fired: 'Clases restantes' (classes left) says nothing paid: the fee stays the
    revenue, 40 and 35; both paid a fee: [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "socios.csv", (
        "Socio,Cuota mensual,Clases restantes\nAna García,40,3\nLuis Pérez,35,2\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Ana García", 40.0), ("Luis Pérez", 35.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- 5. a French devis list ---------------------------------------------------------------------

def test_a_devis_list_reads_accepte_refuse_en_attente(tmp_path):
    """Every quote puts its client at consideration (Accepté: a job agreed, the invoice its
    sale, as an English quote list reads); Martin's Refusé is lost there. 4 clients at
    consideration, no sale, [4, 4, 0, 0, 0] (was 4 contacts, [4, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "devis.csv", (
        "N° devis,Date,Client,Montant,Statut\n"
        "D-001,05/01/2026,Dupont SARL,1200,Accepté\nD-002,09/01/2026,Martin,800,Refusé\n"
        "D-003,15/01/2026,Bernard,450,En attente\nD-004,20/01/2026,Petit,300,Accepté\n"))
    assert "2 quotes accepted" in " ".join(found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, outcome FROM clients "
                                    "ORDER BY name") == [
        ("Bernard", "consideration", None), ("Dupont SARL", "consideration", None),
        ("Martin", "consideration", "lost"), ("Petit", "consideration", None)]
    assert cli_funnel(tmp_path) == [4, 4, 0, 0, 0]


def test_en_attente_on_orders_stays_unpaid(tmp_path):
    """Not fired: an order list ('N° commande') is no quote list: Payée 120 a sale,
    'En attente' 80 an order not yet paid, a contact. [2, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "commandes.csv", (
        "N° commande,Date,Client,Montant,Statut\n"
        "C-1,05/01/2026,Dupont,120,Payée\nC-2,09/01/2026,Martin,80,En attente\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 120.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


# --- 6. "Deal value" of small numbers ---------------------------------------------------------

def test_a_deal_value_of_small_numbers_is_money(tmp_path):
    """Acme won its deal of 5: revenue 5; Bravo's proposal of 3: revenue to come; Cobalt
    lost. [3, 2, 1, 0, 0] (was the same funnel with 'Deal value' kept as a rating)."""
    cli_import_text(tmp_path, "deals.csv", (
        "Deal,Organisation,Stage,Deal value,Created\n"
        "Website,Acme,Won,5,05/01/2026\nLogo,Bravo,Proposal,3,09/01/2026\n"
        "Audit,Cobalt,Lost,2,15/01/2026\n"))
    assert workspace_rows(tmp_path, "SELECT name, revenue_current, revenue_potential FROM "
                                    "clients ORDER BY name") == [
        ("Acme", 5.0, None), ("Bravo", None, 3.0), ("Cobalt", None, None)]
    assert cli_funnel(tmp_path) == [3, 2, 1, 0, 0]


def test_a_bare_value_of_one_to_five_stays_a_rating(tmp_path):
    """Not fired: a client list's bare 'Value' of 5, 3, 4 is a rating: no revenue."""
    found = cli_import_text(tmp_path, "customers.csv", (
        "Customer,Email,Value\nAnn Lee,ann@x.com,5\nBo Tan,bo@x.com,3\nCy Ray,cy@x.com,4\n"))
    assert "read as a rating" in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(None,)]
