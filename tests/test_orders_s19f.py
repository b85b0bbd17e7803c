"""Refunds written on an order's lines, and a shop's orders that no name calls orders
(session 19, F). Each sheet goes through the command line and is checked against figures
worked out by hand before importing; beside each, a sheet where the rule must not fire.

- A column of money gone back written per line (60 on one line of an order, 40 on the
  other) is the order's refund added up (100), not its first line's (60): the lines of one
  order carrying different amounts say the column is per line. An amount the same on every
  line of an order is the order's own, repeated: read once, never doubled. On the first
  line only (Shopify's way) it reads as before; so does a refund row of its own with a
  negative amount. The same on a WooCommerce orders export.
- A Portuguese or Spanish shop's order list read by its values on a file called
  'export.csv': a status saying some orders were served or delivered ("Atendido",
  "Entregado") makes "Em andamento" and "En preparación" orders being fulfilled (sales), and
  a Spanish list naming no payment at all is read as orders. A list of quotes or support
  tickets with "Em aberto" and "Em andamento", or one with no such status, is not.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows
from test_left_alone_s19a import BLING

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"


# --- 1. refunds on an order's lines ---------------------------------------------------------

PER_LINE = """Order ID,Date,Customer,Email,Item,Line Total,Amount Refunded
5001,2025-04-02,Ann Lee,ann@x.com,Mug,30.00,30.00
5001,2025-04-02,Ann Lee,ann@x.com,Plate,20.00,0
5001,2025-04-02,Ann Lee,ann@x.com,Bowl,25.00,10.00
5002,2025-04-05,Ben Cho,ben@x.com,Mug,30.00,
5003,2025-05-10,Ann Lee,ann@x.com,Vase,45.00,45.00
5004,2025-05-12,Cy Dee,cy@x.com,Plate,20.00,0
"""


def test_refunds_written_per_line_are_added_up(tmp_path):
    """Order 5001: lines 30 + 20 + 25 = 75, refunded 30 and 10 on two of them: a refund of
    40 (was 30, its first line's). 5003's 45 refunded in full. Purchases 75 + 30 + 45 + 20
    = 170 (4); refunds 40 + 45 = 85 (2; was 75). Ann bought on 2 April and 10 May:
    retention. [3, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "orders.csv", PER_LINE)
    assert ("'Amount Refunded' differs from line to line of an order: each line's is what "
            "went back on it, so the refund of 1 order is its lines' added up."
            ) in found["notes"]
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 4, 170.0), ("refund", 2, 85.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_the_sessions_sheet_of_a_refund_over_two_lines(tmp_path):
    """Helper C's sheet: 1001's lines 60 + 40, refunded 60 and 40: 100 went back, the whole
    order (was 60); 1002's 50 paid. 2 purchases of 150, 1 refund of 100."""
    cli_import_text(tmp_path, "sales.csv", (
        "Customer,Order ID,Date,Item,Line total,Amount paid,Amount refunded\n"
        "Ann Lee,1001,2024-03-01,Candle,60.00,0,60.00\n"
        "Ann Lee,1001,2024-03-01,Lamp,40.00,0,40.00\n"
        "Bob Ray,1002,2024-03-02,Lamp,50.00,50.00,0\n"))
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 2, 150.0), ("refund", 1, 100.0)]


def test_an_orders_refund_repeated_on_every_line_is_read_once(tmp_path):
    """Not fired: 6001's 'Refund Amount' is 25 on both its lines (30 + 20 = 50): the
    order's 25, not 50; 6003's 30 on both lines of 15 + 15 is the whole order, 30 (adding
    up would give 60, twice the order). Refunds 25 + 30 = 55 (2), purchases 50 + 40 + 30 =
    120 (3). [3, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order Number,Order Date,Customer,Email,Item,Item Total,Refund Amount\n"
        "6001,2025-04-02,Ann Lee,ann@x.com,Mug,30.00,25.00\n"
        "6001,2025-04-02,Ann Lee,ann@x.com,Plate,20.00,25.00\n"
        "6002,2025-04-05,Ben Cho,ben@x.com,Bowl,40.00,0\n"
        "6003,2025-04-09,Cy Dee,cy@x.com,Cup,15.00,30.00\n"
        "6003,2025-04-09,Cy Dee,cy@x.com,Cup,15.00,30.00\n"))
    assert ("'Refund Amount' is the same on every line of 2 orders: the order's refund, read "
            "once, not added up.") in found["notes"]
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 3, 120.0), ("refund", 2, 55.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_an_orders_refund_on_its_first_line_only_reads_as_before(tmp_path):
    """Not changed: 8001's 25 on its first line, its second blank (Shopify's way): a
    refund of 25 of the order's 50; no note of lines added up. Purchases 50 + 40 + 15 =
    105 (3)."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Customer,Email,Item,Line Total,Refunded Amount\n"
        "8001,2025-04-02,Ann Lee,ann@x.com,Mug,30.00,25.00\n"
        "8001,2025-04-02,Ann Lee,ann@x.com,Plate,20.00,\n"
        "8002,2025-04-05,Ben Cho,ben@x.com,Bowl,40.00,0\n"
        "8003,2025-04-09,Cy Dee,cy@x.com,Cup,15.00,\n"))
    assert not any("line to line" in note or "same on every line" in note
                   for note in found["notes"])
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 3, 105.0), ("refund", 1, 25.0)]


def test_a_refund_row_of_its_own_reads_as_before(tmp_path):
    """Not changed: 7001's lines 30 + 20 and, on 20 April, a row 'Refund' of -20 under the
    same order: a purchase of 50 and a refund of 20; Ben's 25. [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Customer,Email,Item,Amount\n"
        "7001,2025-04-02,Ann Lee,ann@x.com,Mug,30.00\n"
        "7001,2025-04-02,Ann Lee,ann@x.com,Plate,20.00\n"
        "7001,2025-04-20,Ann Lee,ann@x.com,Refund,-20.00\n"
        "7002,2025-04-05,Ben Cho,ben@x.com,Bowl,25.00\n"))
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 2, 75.0), ("refund", 1, 20.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


WOO = """Order Number,Order Status,Order Date,Billing Email,Billing First Name,Billing Last Name,Item Name,Item Total,Order Total,Refund Amount
9001,completed,2025-05-01,ann@x.com,Ann,Lee,Mug,30.00,50.00,30.00
9001,completed,2025-05-01,ann@x.com,Ann,Lee,Plate,20.00,50.00,5.00
9002,completed,2025-05-03,ben@x.com,Ben,Cho,Bowl,40.00,40.00,0
9003,refunded,2025-05-06,cy@x.com,Cy,Dee,Cup,15.00,15.00,15.00
"""


def test_woocommerce_line_refunds_are_added_up(tmp_path):
    """WooCommerce, one row per item: 9001's items refunded 30 and 5: 35 went back (was
    30); 9003 refunded 15. Purchases by Order Total 50 + 40 + 15 = 105 (3); refunds 35 + 15
    = 50 (2; was 45). [3, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "orders.csv", WOO)
    assert found["recognised_as"] == "woocommerce_orders"
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 3, 105.0), ("refund", 2, 50.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_woocommerce_order_refund_repeated_on_each_item_is_read_once(tmp_path):
    """Not fired: 9001's order refund of 35 repeated on both its items: 35, not 70.
    Refunds 35 + 15 = 50 (2)."""
    cli_import_text(tmp_path, "orders.csv", WOO.replace(",30.00,50.00,30.00", ",30.00,50.00,35.00")
                    .replace(",20.00,50.00,5.00", ",20.00,50.00,35.00"))
    assert kind_totals(tmp_path, "refund") == (2, 50.0)


# --- 2. a shop's order list by its values ----------------------------------------------------



def test_bling_orders_on_a_file_called_export_are_orders(tmp_path):
    """Bling's order list saved as 'export.csv': 'Atendido' (served) says its rows are a
    shop's orders, so 'Em andamento' is an order being fulfilled: Atendido 1,234.56 and Em
    andamento 350 + 89.90, 3 sales of 1,674.46 (was 1 of 1,234.56, the two in progress read
    as unpaid); Em aberto 480 unpaid, a contact; Cancelado a cancellation. Ana on 3 and 12
    February: retention. [4, 2, 2, 1, 0] (was [4, 1, 1, 0, 0])."""
    cli_import_text(tmp_path, "export.csv", BLING)
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 2500.0), ("contact", 1, 480.0), ("purchase", 3, 1674.46)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_a_spanish_shops_orders_naming_no_payment_are_orders(tmp_path):
    """'Estado' says where each order is, none of paying: Entregado 45 and Enviado 30
    (Lucía, 2 and 9 March: retention), En preparación 120 (Marta, being prepared: a sale):
    3 purchases of 195; Pendiente 60 a contact, Cancelado 80 a cancellation.
    [4, 2, 2, 1, 0] (was 4 contacts and a cancellation, [4, 0, 0, 0, 0]: an amount alone
    makes no purchase)."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Nº;Fecha;Cliente;Email;Total;Estado\n"
        "301;02/03/2026;Lucía Gómez;lucia@correo.es;45,00 €;Entregado\n"
        "302;04/03/2026;Marta Ruiz;marta@correo.es;120,00 €;En preparación\n"
        "303;09/03/2026;Lucía Gómez;lucia@correo.es;30,00 €;Enviado\n"
        "304;11/03/2026;Pablo Díaz;pablo@correo.es;60,00 €;Pendiente\n"
        "305;15/03/2026;Sara Vidal;sara@correo.es;80,00 €;Cancelado\n"))
    assert found["notes"][0].startswith("Column 'Estado' says where each order is")
    assert not any("does not know" in note for note in found["notes"])
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 80.0), ("contact", 1, 60.0), ("purchase", 3, 195.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_spanish_statuses_with_nothing_delivered_are_not_orders(tmp_path):
    """Not fired: Pendiente, En proceso, En preparación and Cancelado say nothing was served
    or delivered: no purchase, as before. [3, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "export.csv", (
        "Nº;Fecha;Cliente;Email;Total;Estado\n"
        "301;02/03/2026;Lucía Gómez;lucia@correo.es;45,00 €;Pendiente\n"
        "302;04/03/2026;Marta Ruiz;marta@correo.es;120,00 €;En proceso\n"
        "303;09/03/2026;Lucía Gómez;lucia@correo.es;30,00 €;En preparación\n"
        "304;11/03/2026;Pablo Díaz;pablo@correo.es;60,00 €;Cancelado\n"))
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_open_quotes_are_not_orders(tmp_path):
    """Not fired: a list of quotes ('Validade do orçamento'): Em aberto 1,200 and Em
    andamento 800 are quotes still open (contacts), not sales; Atendido 450 is read as a
    sale as it always was; Cancelado a cancellation. [4, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "export.csv", (
        "Número;Data;Cliente;E-mail;Total;Situação;Validade do orçamento\n"
        "51;03/02/2026;Ana Souza;ana@email.com.br;R$ 1.200,00;Em aberto;03/03/2026\n"
        "52;07/02/2026;Bruno Lima;bruno@email.com.br;R$ 800,00;Em andamento;07/03/2026\n"
        "53;12/02/2026;Camila Rocha;camila@email.com.br;R$ 450,00;Atendido;12/03/2026\n"
        "54;15/02/2026;Diego Alves;diego@email.com.br;R$ 300,00;Cancelado;15/03/2026\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 300.0), ("contact", 2, 2000.0), ("purchase", 1, 450.0)]
    assert cli_funnel(tmp_path) == [4, 1, 1, 0, 0]


def test_support_tickets_in_progress_are_not_orders(tmp_path):
    """Not fired: tickets ('Assunto') with a value: Em andamento 350 stays a contact, as Em
    aberto 120 does; only Atendido reads as before. Purchases (1, 89.90)."""
    cli_import_text(tmp_path, "export.csv", (
        "Número;Data;Cliente;E-mail;Assunto;Valor;Situação\n"
        "801;03/02/2026;Ana Souza;ana@email.com.br;Troca de tamanho;R$ 120,00;Em aberto\n"
        "802;07/02/2026;Bruno Lima;bruno@email.com.br;Atraso na entrega;R$ 350,00;"
        "Em andamento\n"
        "803;12/02/2026;Camila Rocha;camila@email.com.br;Produto com defeito;R$ 89,90;"
        "Atendido\n"))
    assert workspace_rows(tmp_path, KINDS) == [("contact", 2, 470.0), ("purchase", 1, 89.9)]


def test_em_andamento_with_nothing_served_stays_unpaid(tmp_path):
    """Not fired: Em aberto, Em andamento and Cancelado on 'export.csv', nothing served or
    delivered: no sale. [3, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "export.csv", (
        "Número;Data;Cliente;E-mail;Total;Situação\n"
        "1;03/02/2026;Ana Souza;ana@email.com.br;R$ 100,00;Em aberto\n"
        "2;07/02/2026;Bruno Lima;bruno@email.com.br;R$ 350,00;Em andamento\n"
        "3;12/02/2026;Camila Rocha;camila@email.com.br;R$ 200,00;Cancelado\n"))
    assert workspace_rows(tmp_path, KINDS) == [("cancellation", 1, 200.0),
                                               ("contact", 2, 450.0)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]
