"""A hostile review of session 23's morning rules (O2's owners' books, D4's exports): sheets
their authors did not write, aimed at each rule's edges, imported through the command line
and checked against figures worked out by hand (clients; cumulative funnel: awareness,
consideration, purchase, retention, advocacy; sales and revenue).

Mended (was -> now, each for its kind of sheet):
- A totals row under "Price" beside "Qty" whose figure is not the prices added (a baker's
  88 under 2.50, 3 and 40: each price times its quantity) leaves the price per unit
  (O2's rule read it as each line's: 45.50).
- A day with no year ("12 Jan") between two dates a year's end apart in a diary in order
  (15/12/25 above, 19/01/26 below) is of the year that keeps it between them (the row
  was rejected: O2's rule takes the title's year only where all other days are of it).
- A job book's "Quote" is the price of the jobs done where no column says what was
  invoiced or paid (jobs done were sales of no amount).
- A fee beside "Deposit" and "Deposit paid" and a "Balance" column left empty beside
  "Balance paid": the deposit paid is revenue, the rest to come (the whole fee was revenue).
- A sheet named for its costs ("Equipment rental costs") names no sale, though "rental"
  is a hire business's word (O2's: the costs were purchases of no client).
- "Paid Price" beside "Price" is the amount (D4's synonym came after "Price": a discount
  code's ticket counted at its list price).
- A last payment after a subscription's start is a renewal only a billing period or more
  after it, and only on a list of subscriptions (D4's rule: an annual plan charged two
  days late, and a builder's job started and paid in stages, were read as retention).
- A trial never paid for is no revenue: its plan's price is revenue to come (D4's rule
  moved its stage to consideration but kept the price as revenue).

Read right (kept as guards): a valeter's "Outstanding" ratings, an invoice list's
"Outstanding" balance, "Pedido ..." and "Order ..." statuses, a clinic's "Paciente" and
its cancellation by the patient, PagBank's "Valor Bruto" with an "Estornado", a seller's
"Stamps" of postage, a "Paid" tab of suppliers, a Paid column of Yes, Half and No, a
company named beside its "Nome do contato", "Invoice No" beside "Invoice £", tenge in a
product's name.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows
from test_owners_sheets_s18 import notes_of

D = dt.datetime


def stages_of(tmp_path) -> list[tuple]:
    return workspace_rows(tmp_path, "SELECT COALESCE(name, email), furthest_stage FROM clients "
                                    "ORDER BY 1")


def revenue_of(tmp_path) -> list[tuple]:
    return workspace_rows(tmp_path, "SELECT COALESCE(name, email), revenue_current, "
                                    "revenue_potential FROM clients ORDER BY 1")


# --- O2: a totals row under a price per unit ----------------------------------------------

def bakes(total_under_price: float) -> dict:
    return {"Orders": [
        ["Bakes by Bea - orders 2025"],
        ["Date", "Customer", "Item", "Qty", "Price"],
        [D(2025, 3, 1), "Ann Lee", "Cupcakes", 12, 2.5],
        [D(2025, 3, 2), "Tom Hay", "Brownies", 6, 3],
        [D(2025, 3, 9), "Ann Lee", "Cake", 1, 40],
        [None, "TOTAL", None, 19, total_under_price]]}


def test_a_totals_figure_of_prices_times_quantities_keeps_the_price_per_unit(tmp_path):
    """The totals row's 88 under 'Price' is 12 x 2.50 + 6 x 3 + 1 x 40, not 2.50 + 3 + 40
    (45.50): the prices are each unit's, the total what was taken. 3 sales of 88 (was
    45.50), Ann Lee twice: [2, 2, 2, 1, 0]."""
    found = cli_import_book(tmp_path, "orders.xlsx", bakes(88))
    assert not any("each line's price" in note for note in notes_of(found))
    assert kind_totals(tmp_path, "purchase") == (3, 88.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_totals_figure_that_adds_the_prices_keeps_o2s_reading(tmp_path):
    """Must not fire: the totals row's 45.50 is the prices added, so (O2's rule) 'Price' is
    each line's: 3 sales of 45.50."""
    found = cli_import_book(tmp_path, "orders.xlsx", bakes(45.5))
    assert any("each line's price" in note for note in notes_of(found))
    assert kind_totals(tmp_path, "purchase") == (3, 45.5)


# --- O2: a day without a year at the year's end -----------------------------------------------

def diary(first: str, last: str) -> dict:
    return {"Diary": [
        ["Appointment diary 2025"],
        ["Date", "Client", "Service", "Price", "Paid"],
        ["03/11/25", "Mrs Patel", "Cut", "£30", "Y"],
        [first, "Jean Fox", "Perm", "£60", "Y"],
        ["12 Jan", "Mrs Patel", "Trim", "£20", "Y"],
        [last, "Sue Hart", "Colour", "£55", "Y"]]}


def test_a_day_without_a_year_between_december_and_january_takes_the_year_between(tmp_path):
    """'12 Jan' between 15/12/25 and 19/01/26 in a diary in order is 12/01/2026 (2025, the
    title's, would put it before November; the row was rejected, Mrs Patel's trim lost).
    Mrs Patel 30 + 20, Jean Fox 60, Sue Hart 55: 4 sales of 165, [3, 3, 3, 1, 0] (was 3
    sales of 145, [3, 3, 3, 0, 0])."""
    found = cli_import_book(tmp_path, "Diary.xlsx", diary("15/12/25", "19/01/26"))
    assert ("1 date in 'Date' written without a year (12 Jan) was read in 2026: the dates "
            "around it, in order, are a year's end apart, and only that year keeps the diary "
            "in order.") in notes_of(found)
    assert found[0]["rejected"] == 0
    assert workspace_rows(tmp_path, "SELECT substr(date, 1, 10) FROM events "
                                    "WHERE amount = 20") == [("2026-01-12",)]
    assert kind_totals(tmp_path, "purchase") == (4, 165.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_day_without_a_year_between_days_of_one_year_is_left_to_the_title(tmp_path):
    """Must not fire: '12 Jan' between 05/01/26 and 19/01/26 has no year's end around it;
    the title names 2025 and the other days are not all of it, so (as before) it is not
    guessed: its row is rejected."""
    found = cli_import_book(tmp_path, "Diary.xlsx", diary("05/01/26", "19/01/26"))
    assert not any("year's end" in note for note in notes_of(found))
    assert found[0]["rejected"] == 1


# --- O2: a job book's quote --------------------------------------------------------------

def test_a_job_books_quote_is_the_price_of_the_jobs_done(tmp_path):
    """Ann Bell's fence (Done, £800) and shed base (Completed, £600) are sales at their
    quotes, no column saying what was invoiced: 2 sales of 1,400 (were of no amount).
    Joe Carr declined his quote, Kim Dale is booked: consideration. [3, 3, 1, 1, 0]."""
    found = cli_import_book(tmp_path, "jobs.xlsx", {"Jobs": [
        ["Date", "Customer", "Job", "Quote", "Status"],
        [D(2025, 4, 2), "Ann Bell", "Fence", "£800", "Done"],
        [D(2025, 4, 9), "Joe Carr", "Decking", "£2,400", "Declined"],
        [D(2025, 4, 16), "Kim Dale", "Gate", "£350", "Booked"],
        [D(2025, 4, 30), "Ann Bell", "Shed base", "£600", "Completed"]]})
    assert ("2 jobs done with no other amount were read at the price in 'Quote' (1,400): "
            "no column says what was invoiced or paid.") in notes_of(found)
    assert kind_totals(tmp_path, "purchase") == (2, 1400.0)
    assert cli_funnel(tmp_path) == [3, 3, 1, 1, 0]


def test_a_quote_beside_what_was_invoiced_is_not_the_price(tmp_path):
    """Must not fire: Bob Ray's sockets were quoted at £200 and invoiced at £220, paid: the
    sale is 220. Bob 1,200 + 220 = 2 sales of 1,420; Lyn Oak invoiced and not paid, Sam
    Hill quoted: consideration. [3, 3, 1, 1, 0]."""
    found = cli_import_book(tmp_path, "jobs.xlsx", {"Jobs 2025": [
        ["Date", "Customer", "Job", "Quote", "Invoiced", "Paid"],
        [D(2025, 2, 3), "Bob Ray", "Rewire kitchen", "£1,200", "£1,200", "✓"],
        [D(2025, 2, 10), "Lyn Oak", "Fuse board", "£450", "£450", None],
        [D(2025, 2, 17), "Sam Hill", "Outside light", "£120", None, None],
        [D(2025, 3, 1), "Bob Ray", "Sockets", "£200", "£220", "✓"]]})
    assert not any("read at the price in 'Quote'" in note for note in notes_of(found))
    assert kind_totals(tmp_path, "purchase") == (2, 1420.0)
    assert cli_funnel(tmp_path) == [3, 3, 1, 1, 0]


# --- O2: a fee in parts, its balance left empty ---------------------------------------------

def gigs(balances: list) -> dict:
    return {"Gigs": [
        ["Date", "Client", "Fee", "Deposit", "Deposit paid", "Balance", "Balance paid"],
        [D(2025, 5, 3), "Kate Moss", 1500, 300, "✓", balances[0], "✓"],
        [D(2025, 6, 14), "Rob Dunn", 1800, 400, "✓", balances[1], None],
        [D(2025, 7, 5), "Ali Shah", 1200, 250, None, balances[2], None]]}


@pytest.mark.parametrize("balances", [[None, None, None], [1200, 1400, 950]])
def test_a_fee_paid_in_parts_with_or_without_the_balance_written(tmp_path, balances):
    """Kate paid her deposit and the balance: 1,500. Rob paid his deposit only: 400 paid,
    1,400 to come (was all 1,800 revenue where the owner left 'Balance' empty). Ali paid
    nothing: 1,200 to come. Revenue 1,900, 2,600 to come, [3, 2, 2, 0, 0], whether the
    balance is written (O2's rule) or left empty."""
    cli_import_book(tmp_path, "gigs.xlsx", gigs(balances))
    assert revenue_of(tmp_path) == [("Ali Shah", None, 1200.0), ("Kate Moss", 1500.0, None),
                                    ("Rob Dunn", 400.0, 1400.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- O2: "rental" in a file's name ----------------------------------------------------------

def test_a_rental_costs_ledger_is_no_sales(tmp_path):
    """A builder's 'Equipment rental costs' (a supplier, an item, a cost): what the business
    hired, not hires it sold; no client named. Kept as reference rows (was 2 purchases of
    no client and no amount, and a contact)."""
    found = cli_import_text(tmp_path, "Equipment rental costs.csv",
                            "Date,Supplier,Item,Cost,Paid\n"
                            "2025-02-03,HSS Hire,Cement mixer,£65.00,Y\n"
                            "2025-02-10,Speedy,Scaffold tower,£140.00,Y\n"
                            "2025-03-01,HSS Hire,Floor sander,£80.00,N\n")
    assert found["kind"] == "reference"
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events") == [(0,)]


# --- D4: "Paid Price" beside "Price" ----------------------------------------------------------

def test_the_paid_price_beside_the_list_price_is_the_amount(tmp_path):
    """Ian's ticket listed at 25.00 was paid 20.00 with a code: Ola 25 + 10 (refunded, 10
    given back), Ian 20: 3 sales of 55 (was 60, the list prices). [2, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "tickets.csv",
                    "Order ID,Date,Buyer,Ticket,Price,Discount code,Paid Price,Status\n"
                    "T1,2025-06-01,Ola Berg,Adult,25.00,,25.00,Paid\n"
                    "T2,2025-06-01,Ian Muir,Adult,25.00,EARLY5,20.00,Paid\n"
                    "T3,2025-06-02,Ola Berg,Child,10.00,,10.00,Refunded\n")
    assert kind_totals(tmp_path, "purchase") == (3, 55.0)
    assert kind_totals(tmp_path, "refund") == (1, 10.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- D4: subscriptions renewed, trials not paid -------------------------------------------------

def test_a_renewal_comes_a_billing_period_after_the_start(tmp_path):
    """Amy's annual plan began 10 January and was first charged 12 January (a retry): paid
    once, bought (was retention). Ben's annual plan, 1 February 2024, paid again 1 February
    2025, and Dee's monthly plan, 5 January, paid 5 March: renewed, retention. Cal paid
    once on his first day: bought. [4, 4, 4, 2, 0] (was [4, 4, 4, 3, 0])."""
    cli_import_text(tmp_path, "subscriptions.csv",
                    "subscription_id,status,customer_email,start_date,trial_end_date,"
                    "next_payment_date,last_payment_date,billing_period,billing_interval,"
                    "order_total\n"
                    "101,wc-active,amy@example.com,2025-01-10,,2026-01-12,2025-01-12,year,1,"
                    "120.00\n"
                    "102,wc-active,ben@example.com,2024-02-01,,2026-02-01,2025-02-01,year,1,"
                    "120.00\n"
                    "103,wc-active,cal@example.com,2025-03-05,,2025-04-05,2025-03-05,month,1,"
                    "12.00\n"
                    "104,wc-active,dee@example.com,2025-01-05,,2025-04-05,2025-03-05,month,1,"
                    "12.00\n")
    assert stages_of(tmp_path) == [
        ("amy@example.com", "purchase"), ("ben@example.com", "retention"),
        ("cal@example.com", "purchase"), ("dee@example.com", "retention")]
    assert cli_funnel(tmp_path) == [4, 4, 4, 2, 0]


def test_a_job_started_and_last_paid_later_is_no_renewal(tmp_path):
    """A builder's clients: the Wards' extension began 3 February and its last payment came
    30 May, one job paid in stages, and nothing says this is a list of subscriptions: not
    retention (was). Jo Pratt's loft 'In progress' with a last payment on 7 April: paid, a
    purchase (session 24; was consideration); Len Aziz 'Quoted': consideration.
    [3, 3, 2, 0, 0] (was [3, 3, 1, 1, 0])."""
    found = cli_import_book(tmp_path, "clients.xlsx", {"Clients": [
        ["Client", "Project", "Start date", "Contract value", "Last payment", "Status"],
        ["Ward family", "Extension", D(2025, 2, 3), 38000, D(2025, 5, 30), "Complete"],
        ["Jo Pratt", "Loft", D(2025, 4, 7), 24000, D(2025, 4, 7), "In progress"],
        ["Len Aziz", "Kitchen", D(2025, 6, 2), 15000, None, "Quoted"]]})
    assert not any("paid more than once" in note for note in notes_of(found))
    assert ("Ward family", "purchase") in stages_of(tmp_path)
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


def test_a_trial_never_paid_is_no_revenue(tmp_path):
    """Eva's trial ended 15 January, never paid, cancelled: consideration, her plan's 20
    revenue to come, not revenue (was revenue). Fay paid on 15 March after her trial:
    retention; Gus paid on the day his trial ended: bought. Revenue 40, 20 to come;
    [3, 3, 2, 1, 0]."""
    found = cli_import_text(tmp_path, "subscriptions.csv",
                            "subscription_id,status,customer_email,start_date,trial_end_date,"
                            "last_payment_date,billing_period,order_total\n"
                            "201,cancelled,eva@example.com,2025-01-01,2025-01-15,,month,20.00\n"
                            "202,active,fay@example.com,2025-01-01,2025-01-15,2025-03-15,month,"
                            "20.00\n"
                            "203,active,gus@example.com,2025-02-01,2025-02-15,2025-02-15,month,"
                            "20.00\n")
    assert ("That client's plan price (20) was read as revenue to come (potential), not "
            "revenue: nothing was paid.") in found["notes"]
    assert revenue_of(tmp_path) == [("eva@example.com", None, 20.0),
                                    ("fay@example.com", 20.0, None),
                                    ("gus@example.com", 20.0, None)]
    assert cli_funnel(tmp_path) == [3, 3, 2, 1, 0]


# --- read right before and after (guards) ---------------------------------------------------

GUARDS = {
    # a valeter's customers' ratings: "Outstanding" is praise, not money owed
    "ratings": ("jobs.csv", "Date,Customer,Service,Price,Rating\n"
                "2025-04-01,Tim Cox,Full valet,£80,Outstanding\n"
                "2025-04-03,Gail Pugh,Mini valet,£35,Good\n"
                "2025-04-08,Tim Cox,Mini valet,£35,Outstanding\n"
                "2025-04-10,Hal Ames,Full valet,£80,Excellent\n",
                [3, 3, 3, 1, 0], (4, 230.0)),
    # an invoice list's "Outstanding" balance: Beta paid 100 of 300, Acme's second nothing
    "balance": ("invoices.csv", "Invoice,Date,Client,Total,Paid,Outstanding\n"
                "INV-101,2025-03-01,Acme Ltd,500.00,500.00,0.00\n"
                "INV-102,2025-03-08,Beta Co,300.00,100.00,200.00\n"
                "INV-103,2025-03-15,Acme Ltd,250.00,0.00,250.00\n",
                [2, 2, 2, 0, 0], (2, 600.0)),
    # "Pedido Entregue", "Pedido Pago" sold; "Pedido Cancelado" cancelled
    "pedido": ("pedidos.csv", "Número do Pedido;Data;Cliente;Valor Total;Situação\n"
               "5001;01/04/2025;Ana Souza;R$ 150,00;Pedido Entregue\n"
               "5002;02/04/2025;Bruno Lima;R$ 90,00;Pedido Cancelado\n"
               "5003;03/04/2025;Ana Souza;R$ 60,00;Pedido Pago\n"
               "5004;04/04/2025;Carla Dias;R$ 200,00;Aguardando Pagamento\n",
               [3, 1, 1, 1, 0], (2, 210.0)),
    # "Order received" (unknown: a purchase, as the rows are), "Order cancelled" cancelled
    "order": ("cake orders.csv", "Order #,Date,Customer,Item,Total,Status\n"
              "1001,2025-05-01,Pam Lee,Birthday cake,£45.00,Collected\n"
              "1002,2025-05-02,Ron Fox,Cupcakes x12,£30.00,Order received\n"
              "1003,2025-05-03,Pam Lee,Brownies,£18.00,Order cancelled\n"
              "1004,2025-05-04,Ivy Holt,Wedding cake,£320.00,Order paid\n",
              [3, 3, 3, 0, 0], (3, 395.0)),
    # a clinic's appointments: the patient is the client, the professional not
    "citas": ("citas.csv", "Fecha;Hora;Paciente;Profesional;Servicio;Importe;Estado\n"
              "03/03/2025;10:00;Lucía Gómez;Dra. Ruiz;Limpieza;60,00 €;Realizada\n"
              "05/03/2025;11:00;Pablo Díaz;Dr. Sanz;Revisión;40,00 €;Cancelada por el paciente\n"
              "10/03/2025;09:30;Lucía Gómez;Dra. Ruiz;Empaste;90,00 €;Realizada\n",
              [2, 1, 1, 1, 0], (2, 150.0)),
    # PagBank's gross beside its fee and net; the reversed payment a refund beside its sale
    "bruto": ("extrato.csv", "Data;Código da transação;Cliente;Valor Bruto;Taxa;Valor Líquido;"
              "Status\n"
              "01/05/2025;A1;Ana Souza;100,00;4,99;95,01;Paga\n"
              "02/05/2025;A2;Bruno Lima;200,00;9,98;190,02;Estornado\n"
              "05/05/2025;A3;Ana Souza;50,00;2,50;47,50;Paga\n",
              [2, 2, 2, 1, 0], (3, 350.0)),
    # a company's orders beside the name of its contact: the company is the client
    "empresa": ("pedidos b2b.csv", "Número do pedido;Data;Empresa;Nome do contato;Total;Situação\n"
                "7001;03/04/2025;Padaria Sol Ltda;Carla Souza;1.200,00;Entregue\n"
                "7002;10/04/2025;Mercado Bom Preço;Carla Souza;800,00;Entregue\n"
                "7003;17/04/2025;Padaria Sol Ltda;João Lima;450,00;Cancelado\n",
                [2, 2, 2, 0, 0], (2, 2000.0)),
    # tenge in a product's name and in the amounts
    "tenge": ("заказы.csv", "Номер заказа,Дата,Покупатель,Товар,Сумма,Статус\n"
              "K1,01.04.2025,Айгуль Садыкова,Подарочный сертификат 5000 ₸,5 000 ₸,Выдан\n"
              "K2,02.04.2025,Ержан Ахметов,Чехол,3 500 ₸,Отменён\n"
              "K3,05.04.2025,Айгуль Садыкова,Наушники,12 990 ₸,Выдан\n",
              [2, 1, 1, 1, 0], (2, 17990.0)),
}


@pytest.mark.parametrize("key", list(GUARDS))
def test_exports_read_right(tmp_path, key):
    """Each as worked out in its comment in GUARDS: the funnel and the sales."""
    name, text, funnel, sales = GUARDS[key]
    cli_import_text(tmp_path, name, text)
    assert cli_funnel(tmp_path) == funnel
    assert kind_totals(tmp_path, "purchase") == sales


BOOKS = {
    # a seller's "Stamps": the postage on each order, not purchases counted
    "stamps": ({"Orders": [["Date", "Customer", "Item", "Price", "Stamps"],
                           [D(2025, 5, 2), "Kay Moss", "Card set", "£12.00", "£1.35"],
                           [D(2025, 5, 3), "Dan Webb", "Print A4", "£18.00", "£2.70"],
                           [D(2025, 5, 9), "Kay Moss", "Card set", "£12.00", "£1.35"]]},
               [2, 2, 2, 1, 0], (3, 42.0)),
    # a "Paid" tab of bills paid to suppliers: no sales
    "paid tab": ({"Customers": [["Customer", "Phone", "First job"],
                                ["Rob King", "07700 900111", D(2025, 1, 10)],
                                ["Zoe Hart", "07700 900222", D(2025, 2, 2)]],
                  "Paid": [["Date", "Supplier", "What for", "Amount"],
                           [D(2025, 1, 5), "Screwfix", "Screws, sealant", "£42.10"],
                           [D(2025, 1, 19), "Travis Perkins", "Timber", "£310.00"]]},
                 [2, 0, 0, 0, 0], (0, None)),
    # "Invoice No" is the number, "Invoice £" the money
    "invoice £": ({"Invoices": [["Date", "Invoice No", "Customer", "Invoice £", "Paid"],
                                [D(2025, 2, 1), "INV-7", "Ruth Bly", 1200, "Y"],
                                [D(2025, 2, 20), "INV-8", "Carl Eady", 650, "N"],
                                [D(2025, 3, 3), "INV-9", "Ruth Bly", 300, "Y"]]},
                  [2, 1, 1, 1, 0], (2, 1500.0)),
}


@pytest.mark.parametrize("key", list(BOOKS))
def test_owners_books_read_right(tmp_path, key):
    """Each as worked out in its comment in BOOKS: the funnel and the sales."""
    sheets, funnel, sales = BOOKS[key]
    cli_import_book(tmp_path, "book.xlsx", sheets)
    assert cli_funnel(tmp_path) == funnel
    assert kind_totals(tmp_path, "purchase") == sales


def test_half_and_no_in_a_paid_column_and_re_enrolled(tmp_path):
    """Ana paid 240 and re-enrolled (retention); Ben paid half: 120, 120 to come; Cat paid
    nothing: 240 to come. Revenue 360, 360 to come; [3, 2, 2, 1, 0]."""
    cli_import_book(tmp_path, "book.xlsx", {"Clients": [
        ["Client", "Course", "Fee", "Paid", "Re-enrolled?"],
        ["Ana Ruiz", "Spanish A1", 240, "Yes", "Yes"],
        ["Ben Cho", "Spanish A2", 240, "Half", "No"],
        ["Cat Dunn", "Spanish A1", 240, "No", "No"]]})
    assert revenue_of(tmp_path) == [("Ana Ruiz", 240.0, None), ("Ben Cho", 120.0, 120.0),
                                    ("Cat Dunn", None, 240.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]
