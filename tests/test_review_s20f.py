"""Session 20 review (F) of the rules added for cash books, bank statements, "Paid on",
"Collected" and lost labels: sheets owners keep where those rules fired wrongly or should
have fired and did not. Each goes through the command line and is checked against figures
worked out by hand (the working in each docstring); beside each, where it matters, a sheet
where the rule must still fire.

- A market stall's cash book: what was sold where ("Eggs - market", "Honey - farmers
  market"), a word alone on its line ("Eggs"), where it was sold ("Farmers Market",
  "Christmas Fair", "Car Boot"), a float, card takings, card processors' payouts and a loan
  name no payer; a tutor's book of first names ("Sarah - lesson") still does.
- Bank statements: pay and money returned ("SALARY ACME LTD", "REVERSAL OF FEE", "MOBILE
  CHEQUE DEPOSIT", "RETURNED DD", "CASHBACK") and card processors' payouts ("STRIPE
  PAYMENTS UK", "SUMUP PAYMENTS LTD", "SQUARE INC", "ETSY UK") name no client; companies
  are named whole ("FASTER PAYMENT GREEN GARDENS LTD": Green Gardens Ltd, "BROWN & CO INV
  1043": Brown & Co).
- Spanish, French and German statements (Concepto, Debe, Haber; Libellé, Débit, Crédit;
  Buchungstag, Verwendungszweck, Soll, Haben) and a Spanish cash book (Ingresos, Gastos)
  are read as English ones are ("TRANSFERENCIA DE JUAN PEREZ", "VIR SEPA DE M JEAN
  DUPONT", "Gutschrift Hans Müller"); a book whose Out column is wholly blank is one.
- Family money in a cash book ("Gift from Nan", "Loan from Dad", "Mum - birthday money").
- "Paid on" of weekdays ("Friday") and "Not yet" on a gardener's jobs: paid or not.
- "Collected" beside a "Payment" of Cash (paid on collecting): still says what was paid;
  beside Card or PayPal on some orders and "Pay on collection" on others, says it for those.
- Tags "Lost interest", "Lost contact" are leads lost; "Client; lost contact" a client who
  left, not a lead lost. A file called "lost property" names no deals lost.
- A deal list's "Client - lost": its value is what the client brought.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

STANDING = "SELECT name, furthest_stage, outcome FROM clients ORDER BY name"
PAID = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"


def names(tmp_path) -> list[str]:
    return [name for (name,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


# --- 1. a market stall's cash book ---------------------------------------------------------------

def test_a_market_stalls_cash_book_names_no_client(tmp_path):
    """Float 50, 'Eggs - market' 36.50, Card takings 84, SumUp payout 120.40, Stripe payout
    63.10, Loan from Dad 500, 'Honey - farmers market' 42, 'Jam - market' 18 in (914); a
    refund to J Smith and a pitch fee out (31). No line of money in names who paid: no
    sale, no client, [0, 0, 0, 0, 0] (was Eggs, Honey and Jam 3 clients, 96.50)."""
    found = cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Float,50,\n06/04/2026,Eggs - market,36.50,\n"
        "06/04/2026,Card takings,84.00,\n07/04/2026,SumUp payout,120.40,\n"
        "08/04/2026,Stripe payout,63.10,\n09/04/2026,Refund to J Smith,,6.00\n"
        "10/04/2026,Loan from Dad,500,\n11/04/2026,Honey - farmers market,42,\n"
        "12/04/2026,Pitch fee,,25\n13/04/2026,Jam - market,18,\n"))
    assert found["recognised_as"] == "cash_book"
    assert ("no line of money in names who paid: no sale counted; 8 lines of money in naming "
            "no one (914) left out") in found["explanation"]
    assert names(tmp_path) == []
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_goods_alone_and_places_of_sale_are_no_payers(tmp_path):
    """'Eggs', 'Cakes', 'Farmers Market', 'Christmas Fair', 'Car Boot' name what was sold or
    where: no payer; 'Mrs Hall - birthday cake' 45 the one sale. [1, 1, 1, 0, 0] (was 6
    clients: Eggs, Cakes, Farmers Market, Christmas Fair, Car Boot, Mrs Hall)."""
    cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Eggs,36.50,\n07/04/2026,Cakes,22,\n"
        "08/04/2026,Farmers Market,120,\n09/04/2026,Christmas Fair,85,\n"
        "10/04/2026,Car Boot,40,\n11/04/2026,Flour,,22\n12/04/2026,Mrs Hall - birthday cake,45,\n"))
    assert workspace_rows(tmp_path, PAID) == [("Mrs Hall", 1, 45.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


def test_a_tutors_first_names_are_still_clients(tmp_path):
    """Still fired: 'Sarah - lesson' 30 twice (retention), 'Tom - lesson', 'Amy - lesson'
    30 each: 4 sales of 120 from 3 clients, [3, 3, 3, 1, 0]; books 12 out."""
    cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Sarah - lesson,30,\n07/04/2026,Tom - lesson,30,\n"
        "08/04/2026,Amy - lesson,30,\n13/04/2026,Sarah - lesson,30,\n14/04/2026,Books,,12\n"))
    assert workspace_rows(tmp_path, PAID) == [
        ("Amy", 1, 30.0), ("Sarah", 2, 60.0), ("Tom", 1, 30.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_book_with_nothing_spent_and_a_market_line(tmp_path):
    """Out wholly blank (nothing spent that week): still a cash book. 'Sarah - cake order'
    30 twice (retention), 'Tom - deposit' 20; 'Eggs - market' 36 names no one. 3 sales of
    80 from 2 clients, [2, 2, 2, 1, 0] (was reference rows, 0 clients)."""
    cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n06/04/2026,Sarah - cake order,30,\n07/04/2026,Eggs - market,36,\n"
        "08/04/2026,Tom - deposit,20,\n09/04/2026,Sarah - cake order,30,\n"))
    assert workspace_rows(tmp_path, PAID) == [("Sarah", 2, 60.0), ("Tom", 1, 20.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_family_money_is_no_sale(tmp_path):
    """'Loan from Dad' 500, 'Mum - birthday money' 50, 'Grant - council' 1000, 'Gift from
    Nan' 20: no payer; 'Mrs Hall - piano' 30 the one sale. [1, 1, 1, 0, 0] (was 'Gift' a
    client of 20 too: [2, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n01/04/2026,Loan from Dad,500,\n02/04/2026,Mum - birthday money,50,\n"
        "03/04/2026,Grant - council,1000,\n04/04/2026,Gift from Nan,20,\n"
        "05/04/2026,Mrs Hall - piano,30,\n06/04/2026,Rent,,400\n"))
    assert "4 lines of money in naming no one (1,570) left out" in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [("Mrs Hall", 1, 30.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


# --- 2. bank statements -----------------------------------------------------------------------

def test_a_personal_statements_salary_and_refunds_are_no_sales(tmp_path):
    """Credits: SALARY ACME LTD 2450 (pay), REFUND AMAZON 23.99, Interest paid 0.42: no
    payer; TRANSFER FROM J SMITH 40 the one sale. Rent, TFL, AMAZON, NETFLIX, HMRC and a
    transfer to savings out. [1, 1, 1, 0, 0], 1 sale of 40 (was 'Salary Acme' a client of
    2450: 2 sales of 2490)."""
    cli_import_text(tmp_path, "statement.csv", (
        "Date,Description,Debit,Credit,Balance\n"
        "01/04/2026,SALARY ACME LTD,,2450.00,2600.00\n02/04/2026,RENT,950.00,,1650.00\n"
        "03/04/2026,TFL TRAVEL CHARGE,6.80,,1643.20\n03/04/2026,AMAZON MKTPLACE,23.99,,1619.21\n"
        "04/04/2026,NETFLIX.COM,10.99,,1608.22\n05/04/2026,HMRC SELF ASSESSMENT,300.00,,1308.22\n"
        "06/04/2026,Transfer to savings,200.00,,1108.22\n07/04/2026,REFUND AMAZON,,23.99,1132.21\n"
        "08/04/2026,TRANSFER FROM J SMITH,,40.00,1172.21\n09/04/2026,Interest paid,,0.42,1172.63\n"))
    assert workspace_rows(tmp_path, PAID) == [("J Smith", 1, 40.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


def test_deposits_reversals_and_cashback_name_no_one(tmp_path):
    """MOBILE CHEQUE DEPOSIT 120, CHQ DEPOSIT 80, RETURNED DD 45, REVERSAL OF FEE 5,
    CASHBACK 2: no payer (252 left out); FASTER PAYMENT J SMITH 60 the one sale.
    [1, 1, 1, 0, 0] (was 'Mobile Cheque', 'Returned Dd', 'Reversal Of', 'Cashback' clients
    too: 5 sales of 232)."""
    found = cli_import_text(tmp_path, "statement.csv", (
        "Date,Description,Debit,Credit,Balance\n"
        "01/04/2026,MOBILE CHEQUE DEPOSIT,,120.00,1120.00\n02/04/2026,CHQ DEPOSIT,,80.00,1200.00\n"
        "03/04/2026,RETURNED DD,,45.00,1245.00\n04/04/2026,REVERSAL OF FEE,,5.00,1250.00\n"
        "05/04/2026,FASTER PAYMENT J SMITH,,60.00,1310.00\n06/04/2026,CASHBACK,,2.00,1312.00\n"
        "07/04/2026,DD BRITISH GAS,70.00,,1242.00\n"))
    assert "5 lines of money in naming no one (252) left out" in found["explanation"]
    assert workspace_rows(tmp_path, PAID) == [("J Smith", 1, 60.0)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


def test_card_processors_payouts_are_no_clients(tmp_path):
    """Stripe 412.50, SumUp 96, PayPal 55, Square 210, Zettle 80, Shopify 330, Amazon 120,
    Etsy 64 paid in: the takings of many buyers, no client (1,367.50 left out).
    [0, 0, 0, 0, 0] (was 'Uk', 'Ltd', 'Inc', 'Payout', 'Etsy Uk' 5 clients, 862.50)."""
    found = cli_import_text(tmp_path, "statement.csv", (
        "Date,Description,Debit,Credit,Balance\n"
        "01/04/2026,STRIPE PAYMENTS UK,,412.50,1412.50\n02/04/2026,SUMUP PAYMENTS LTD,,96.00,1508.50\n"
        "03/04/2026,PAYPAL TRANSFER,,55.00,1563.50\n04/04/2026,SQUARE INC,,210.00,1773.50\n"
        "05/04/2026,ZETTLE PAYOUT,,80.00,1853.50\n06/04/2026,SHOPIFY PAYMENTS,,330.00,2183.50\n"
        "07/04/2026,Amazon Payments UK,,120.00,2303.50\n08/04/2026,ETSY UK,,64.00,2367.50\n"
        "09/04/2026,CARD PAYMENT SCREWFIX,44.00,,2323.50\n"))
    assert "8 lines of money in naming no one (1,367.5" in found["explanation"]
    assert names(tmp_path) == []
    assert kind_totals(tmp_path, "purchase") == (0, None)


def test_companies_paying_are_named_whole(tmp_path):
    """ACME LTD INV 1042 1200 and INV 1051 800: Acme Ltd twice (retention, 2000); BROWN &
    CO INV 1043 450: Brown & Co; FASTER PAYMENT GREEN GARDENS LTD 300: Green Gardens Ltd.
    4 sales of 2750 from 3 clients, [3, 3, 3, 1, 0] (was Brown & Co unread and 'Green
    Gardens': 3 sales of 2300 from 2)."""
    cli_import_text(tmp_path, "statement.csv", (
        "Date,Description,Debit,Credit,Balance\n"
        "01/04/2026,ACME LTD INV 1042,,1200.00,5200.00\n03/04/2026,BROWN & CO INV 1043,,450.00,5650.00\n"
        "05/04/2026,FASTER PAYMENT GREEN GARDENS LTD,,300.00,5950.00\n"
        "06/04/2026,DD XERO UK,26.00,,5924.00\n08/04/2026,ACME LTD INV 1051,,800.00,6724.00\n"
        "09/04/2026,HMRC VAT,1200.00,,5524.00\n"))
    assert workspace_rows(tmp_path, PAID) == [
        ("Acme Ltd", 2, 2000.0), ("Brown & Co", 1, 450.0), ("Green Gardens Ltd", 1, 300.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_surname_opening_with_de_or_von_is_kept_whole(tmp_path):
    """'DE VRIES J' 50 and 'Von Trapp - lesson' 30: De Vries and Von Trapp ('de', 'von'
    are passed over only after a bank's word: 'TRANSFERENCIA DE'). 2 sales of 80,
    [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "statement.csv", (
        "Date,Description,Debit,Credit,Balance\n01/04/2026,DE VRIES J,,50.00,1050.00\n"
        "02/04/2026,Von Trapp - lesson,,30.00,1080.00\n03/04/2026,TESCO,12.00,,1068.00\n"))
    assert workspace_rows(tmp_path, PAID) == [("De Vries", 1, 50.0), ("Von Trapp", 1, 30.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- 3. statements and books in Spanish, French, German ------------------------------------------

def test_a_spanish_statement(tmp_path):
    """Haber: TRANSFERENCIA DE JUAN PEREZ 120, DE MARIA LOPEZ 80 (2 sales of 200); NOMINA
    1500 (pay) left out; Debe: a bill and a fee out. [2, 2, 2, 0, 0] (was reference rows)."""
    found = cli_import_text(tmp_path, "movimientos.csv", (
        "Fecha,Concepto,Debe,Haber,Saldo\n01/04/2026,TRANSFERENCIA DE JUAN PEREZ,,120.00,1120.00\n"
        "02/04/2026,RECIBO IBERDROLA,65.00,,1055.00\n"
        "03/04/2026,TRANSFERENCIA DE MARIA LOPEZ,,80.00,1135.00\n04/04/2026,NOMINA,,1500.00,2635.00\n"
        "05/04/2026,COMISION MANTENIMIENTO,5.00,,2630.00\n"))
    assert found["explanation"].startswith("Read as a bank statement:")
    assert workspace_rows(tmp_path, PAID) == [("Juan Perez", 1, 120.0), ("Maria Lopez", 1, 80.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_french_statement(tmp_path):
    """Crédit: VIR SEPA DE M JEAN DUPONT 120 (M: Monsieur), VIR DE MME MARIE MARTIN 80;
    Débit: EDF, Carrefour out. 2 sales of 200, [2, 2, 2, 0, 0] (was reference rows)."""
    cli_import_text(tmp_path, "releve.csv", (
        "Date,Libellé,Débit,Crédit,Solde\n01/04/2026,VIR SEPA DE M JEAN DUPONT,,120.00,1120.00\n"
        "02/04/2026,PRLV EDF,65.00,,1055.00\n03/04/2026,VIR DE MME MARIE MARTIN,,80.00,1135.00\n"
        "04/04/2026,CB CARREFOUR,32.10,,1102.90\n"))
    assert workspace_rows(tmp_path, PAID) == [("Jean Dupont", 1, 120.0), ("Marie Martin", 1, 80.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_german_statement(tmp_path):
    """Haben: 'Gutschrift Hans Müller Rechnung 12' 120, 'Überweisung von Anna Schmidt' 80;
    Soll: Stadtwerke, Miete out. 2 sales of 200, [2, 2, 2, 0, 0] (was reference rows)."""
    cli_import_text(tmp_path, "umsaetze.csv", (
        "Buchungstag,Verwendungszweck,Soll,Haben,Saldo\n"
        "01.04.2026,Gutschrift Hans Müller Rechnung 12,,120.00,1120.00\n"
        "02.04.2026,Lastschrift Stadtwerke,65.00,,1055.00\n"
        "03.04.2026,Überweisung von Anna Schmidt,,80.00,1135.00\n04.04.2026,Miete April,700.00,,435.00\n"))
    assert workspace_rows(tmp_path, PAID) == [("Anna Schmidt", 1, 80.0), ("Hans Müller", 1, 120.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_spanish_cash_book_and_its_market(tmp_path):
    """Ingresos: 'Clase - Lucia Garcia' 30, 'Pablo - clase' 30 (2 sales of 60); 'Huevos -
    mercado' 25 sold at the market, no payer; Gastos: Alquiler 400. [2, 2, 2, 0, 0] (was
    reference rows)."""
    cli_import_text(tmp_path, "caja.csv", (
        "Fecha,Concepto,Ingresos,Gastos\n01/04/2026,Clase - Lucia Garcia,30,\n"
        "02/04/2026,Alquiler,,400\n03/04/2026,Huevos - mercado,25,\n04/04/2026,Pablo - clase,30,\n"))
    assert workspace_rows(tmp_path, PAID) == [("Lucia Garcia", 1, 30.0), ("Pablo", 1, 30.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- 4. "Paid on" and "Collected" -------------------------------------------------------------

def test_paid_on_of_weekdays_says_who_paid(tmp_path):
    """A gardener's jobs: Ann paid 60 'Friday', Cy 80 'Monday'; Bob's 45 blank and Dee's 45
    'Not yet' unpaid (contacts). 2 sales of 140, [4, 2, 2, 0, 0] (was every job a sale:
    4 of 230, 'Paid on' kept aside)."""
    cli_import_text(tmp_path, "jobs.csv", (
        "Client,Job,Price,Paid on\nAnn Lee,Hedge,60,Friday\nBob Tan,Lawn,45,\n"
        "Cy Ray,Gutters,80,Monday\nDee Fox,Lawn,45,Not yet\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 140.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


def test_collected_beside_cash_is_still_payment(tmp_path):
    """'Payment' Cash on every order: paid when collected, so 'Collected' says which were
    paid: Ann 24.50 and Cy 32 sales, Bob and Dee contacts. [4, 2, 2, 0, 0] (was cash read
    as paid at checkout: 4 sales of 86.50)."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Customer,Total,Payment,Collected\n1001,02/03/2026,Ann Lee,24.50,Cash,Y\n"
        "1002,02/03/2026,Bob Tan,18.00,Cash,N\n1003,03/03/2026,Cy Ray,32.00,Cash,Y\n"
        "1004,04/03/2026,Dee Fox,12.00,Cash,N\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 56.5)
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


def test_collected_beside_card_and_pay_on_collection(tmp_path):
    """'Payment' Card, PayPal (paid when ordered) or 'Pay on collection': Ann 24.50 (Card,
    collected) and Dee 12 (PayPal, not collected) paid when ordered; Cy 32 paid on
    collecting (Y), Bob 18 not collected, not paid. 3 sales of 68.50, [4, 3, 3, 0, 0] (was
    'Collected' alone deciding: 2 sales of 56.50, Dee's PayPal order unpaid)."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Customer,Total,Payment,Collected\n1001,02/03/2026,Ann Lee,24.50,Card,Y\n"
        "1002,02/03/2026,Bob Tan,18.00,Pay on collection,N\n"
        "1003,03/03/2026,Cy Ray,32.00,Pay on collection,Y\n1004,04/03/2026,Dee Fox,12.00,PayPal,N\n"))
    assert ("'Collected' says which orders were collected, paid for when collected as 'Payment' "
            "says (Pay on collection): read as whether each was paid; 2 orders 'Payment' says "
            "were paid when ordered (Card, PayPal) were read as paid, collected or not.") \
        in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 68.5)
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


# --- 5. lost ----------------------------------------------------------------------------------

def test_lost_interest_and_lost_contact(tmp_path):
    """Tags: Bob 'Lost interest', Cy 'Lost contact': leads lost (awareness, lost); Eve
    'Client; lost contact' a client who left (purchase, churned), not a lead lost; Ann
    'Client', Dee 'Lead'. [5, 2, 2, 0, 0] (was Bob and Cy no outcome)."""
    cli_import_text(tmp_path, "contacts.csv", (
        "Name,Email,Tags\nAnn Lee,ann@x.com,Client\nBob Tan,bob@x.com,Lost interest\n"
        "Cy Ray,cy@x.com,Lost contact\nDee Fox,dee@x.com,Lead\n"
        "Eve Moss,eve@x.com,Client; lost contact\n"))
    assert workspace_rows(tmp_path, STANDING) == [
        ("Ann Lee", "purchase", None), ("Bob Tan", "awareness", "lost"),
        ("Cy Ray", "awareness", "lost"), ("Dee Fox", "awareness", None),
        ("Eve Moss", "purchase", "churned")]
    assert cli_funnel(tmp_path) == [5, 2, 2, 0, 0]


def test_a_lost_property_file_names_no_deal_lost(tmp_path):
    """'lost_property.csv': Bob's scarf 'Returned' is no deal lost (was read as lost for
    the file's name); all three people at awareness, [3, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "lost_property.csv", (
        "Date,Item,Found by,Name,Status\n02/03/2026,Umbrella,Staff,Ann Lee,Lost\n"
        "03/03/2026,Scarf,Staff,Bob Tan,Returned\n04/03/2026,Keys,Cleaner,Cy Ray,Lost\n"))
    assert ("Bob Tan", "awareness", None) in workspace_rows(tmp_path, STANDING)
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_deal_lists_client_lost_brought_its_value(tmp_path):
    """Stage: Ann 'Won' 1200 (revenue), Bob 'Lost' 400 (none), Cy 'Client - lost' 800: a
    client who left had bought: 800 revenue, not 800 to come. [3, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "deals.csv", (
        "Deal,Contact,Value,Stage\nWebsite,Ann Lee,1200,Won\nLogo,Bob Tan,400,Lost\n"
        "SEO,Cy Ray,800,Client - lost\n"))
    assert workspace_rows(tmp_path, "SELECT name, outcome, revenue_current, revenue_potential "
                                    "FROM clients ORDER BY name") == [
        ("Ann Lee", None, 1200.0, None), ("Bob Tan", "lost", None, None),
        ("Cy Ray", "churned", 800.0, None)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
