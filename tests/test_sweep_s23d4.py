"""Exports no earlier session tried (session 23, D4), each written as its service writes it
(its headers, its language, its formats) and imported through the command line, checked
against figures worked out by hand; beside each mend, a sheet where it must not fire.

- A marketplace's order lines (Lazada's, Daraz's, Jumia's): "Paid Price" is the amount.
- An Indonesian marketplace's transactions (Bukalapak's): "Dikirim" is an order sent, so a
  status column of Selesai, Dikirim, Dibatalkan, Dikembalikan is a shop's orders.
- An invoice list's "Outstanding" (Quaderno's) is unpaid, not a sale.
- WooCommerce Subscriptions: its "wc-" before each status is left out ("wc-active" is
  Active); "pending-cancel" is a subscriber paid up and cancelling; one with a day its
  trial ends and no payment since is trying, not bought (a trial followed by a payment was
  bought); one whose last payment came after its start (and its trial's end) paid more
  than once, retention (one paid only on its first day bought once).
- A Brazilian ERP's orders (Tiny's): "Nome do contato" is the client's name.
- A Brazilian shop's orders (Loja Integrada's): the word "Pedido" before the status
  ("Pedido Entregue", "Pedido Cancelado") is left out; "Pedido Especial" says nothing.
- A Brazilian ticket list (Sympla's): "Estornado" is money given back.
- A Spanish clinic's appointments (Doctoralia's): "Paciente" is the client, "Cancelada por
  el paciente" a cancellation.
- A Japanese marketplace's orders (Rakuten's): 受注番号, 注文者名字 and 注文者名前 (family
  name first), 発送済 (shipped), 発送待ち (paid, to ship), キャンセル確定 (cancelled).
- A Brazilian gateway's statement (PagBank's): "Valor Bruto" is the amount.
- A Korean shop's orders (Cafe24's): "총 결제금액" is the amount, "입금전" unpaid.
- A Turkish gateway's payments (iyzico's): Başarılı paid, Başarısız failed, Kısmi İade a
  refund in part, of what "İade Tutarı" says.
- A Polish shop's orders (Shoper's): "Wartość zamówienia" is the amount.
- A Kazakh marketplace's orders (Kaspi's): "15 990 ₸" is money (tenge); Выдан is handed
  over (a sale), Передан в доставку with the courier.
- A Saudi shop's orders (Salla's), in Arabic: its headers, statuses and "250.00 ر.س" (money,
  in Saudi riyals).
- Read right before and left as they were: Jumpseller's CLP, KashFlow's invoices, Reverb's
  orders, Pabau's appointments (kept here so they stay right).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

BOM = "\ufeff"


# --- a marketplace's order lines: "Paid Price" ----------------------------------------------

def test_lazada_paid_price_is_the_amount(tmp_path):
    """Maria's order 5001 (two lines, 499 + 150 = 649) and 5004 (220), delivered; Ana's 5003
    (350) returned; Liza's 5005 (1,250) shipped: 4 sales of 2,469 and a refund of 350 (was 4
    sales of no amount). Jose's 5002 canceled, his 5006 pending and Ben's 5007 failed: no
    sale. 5 clients, 3 bought, Maria twice: [5, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "lazada_orders.csv", (
        "Order Item Id,Order Type,Seller SKU,Created at,Order Number,Customer Name,"
        "Customer Email,Payment Method,Paid Price,Unit Price,Shipping Fee,Item Name,Status\n"
        "301001,Normal,MUG-01,03 Apr 2026 14:22,5001,Maria Santos,maria.s@example.ph,COD,"
        "499.00,499.00,45.00,Ceramic mug,delivered\n"
        "301002,Normal,CST-02,03 Apr 2026 14:22,5001,Maria Santos,maria.s@example.ph,COD,"
        "150.00,150.00,0.00,Coaster set,delivered\n"
        "301003,Normal,TPT-05,05 Apr 2026 09:10,5002,Jose Cruz,jose.c@example.ph,GCash,"
        "899.00,899.00,45.00,Teapot,canceled\n"
        "301004,Normal,BWL-03,06 Apr 2026 18:40,5003,Ana Reyes,ana.r@example.ph,Credit Card,"
        "350.00,350.00,45.00,Bowl,returned\n"
        "301005,Normal,SPR-06,20 Apr 2026 08:05,5004,Maria Santos,maria.s@example.ph,COD,"
        "220.00,220.00,45.00,Spoon rest,delivered\n"
        "301006,Normal,VAS-04,22 Apr 2026 13:15,5005,Liza Tan,liza.t@example.ph,GCash,"
        "1250.00,1250.00,45.00,Vase,shipped\n"
        "301007,Normal,MUG-01,25 Apr 2026 20:30,5006,Jose Cruz,jose.c@example.ph,COD,"
        "199.00,199.00,45.00,Mug,pending\n"
        "301008,Normal,BWL-03,26 Apr 2026 10:00,5007,Ben Lim,ben.l@example.ph,COD,"
        "350.00,350.00,45.00,Bowl,failed\n"))
    assert found["mapping"]["Paid Price"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 2469.0)
    assert kind_totals(tmp_path, "refund") == (1, 350.0)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


# --- an Indonesian marketplace: "Dikirim" ----------------------------------------------------

def test_bukalapak_transactions_are_orders(tmp_path):
    """Budi's two orders Selesai (Rp150.000, Rp50.000), Dewi's Dikembalikan (Rp180.000:
    bought, then money back), Agus's Dikirim (Rp320.000, sent): 4 sales of Rp700.000, a
    refund of Rp180.000. Siti's Dibatalkan is cancelled, Rina's Menunggu Pembayaran unpaid.
    5 clients, 3 bought, Budi twice: [5, 3, 3, 1, 0] (was six contacts, [5, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "transaksi.csv", (
        "No. Transaksi,Tanggal,Nama Pembeli,No. HP,Nama Barang,Jumlah,Harga,Total,Status,Kurir\n"
        "BL26040301,03/04/2026,Budi Santoso,081234567801,Kaos Polos,2,Rp75.000,Rp150.000,"
        "Selesai,JNE\n"
        "BL26040502,05/04/2026,Siti Aminah,081234567802,Kemeja Batik,1,Rp225.000,Rp225.000,"
        "Dibatalkan,\n"
        "BL26040803,08/04/2026,Budi Santoso,081234567801,Topi,1,Rp50.000,Rp50.000,Selesai,"
        "SiCepat\n"
        "BL26041004,10/04/2026,Dewi Lestari,081234567803,Celana Chino,1,Rp180.000,Rp180.000,"
        "Dikembalikan,JNE\n"
        "BL26041205,12/04/2026,Agus Wijaya,081234567804,Jaket,1,Rp320.000,Rp320.000,Dikirim,"
        "J&T\n"
        "BL26041506,15/04/2026,Rina Kurnia,081234567805,Kaos Polos,1,Rp75.000,Rp75.000,"
        "Menunggu Pembayaran,\n"))
    assert found["mapping"]["No. Transaksi"] == "order_id"
    assert kind_totals(tmp_path, "purchase") == (4, 700000.0)
    assert kind_totals(tmp_path, "refund") == (1, 180000.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


# --- an invoice outstanding -------------------------------------------------------------------

def test_quaderno_outstanding_invoice_is_not_a_sale(tmp_path):
    """Lena's two invoices (119 + 119 EUR), John's (49 USD) and Emma's (96 GBP) paid: 4
    sales of 383 as written; John's credit note gives 49 back. Paul's INV-0105 (72 EUR) is
    Outstanding: unpaid, a contact (was a fifth sale, 455, [4, 4, 4, 1, 0]). 4 clients, 3
    bought, Lena twice: [4, 3, 3, 1, 0]."""
    cli_import_text(tmp_path, "quaderno_transactions.csv", (
        "Date,Number,Type,Customer,Email,Country,Currency,Subtotal,Taxes,Total,"
        "Payment method,Status\n"
        "2026-04-03,INV-0101,Invoice,Lena Fischer,lena@example.de,DE,EUR,100.00,19.00,119.00,"
        "Credit card,Paid\n"
        "2026-04-04,INV-0102,Invoice,John Carter,john@example.com,US,USD,49.00,0.00,49.00,"
        "PayPal,Paid\n"
        "2026-04-09,INV-0103,Invoice,Emma Wood,emma@example.co.uk,GB,GBP,80.00,16.00,96.00,"
        "Credit card,Paid\n"
        "2026-04-15,CN-0007,Credit note,John Carter,john@example.com,US,USD,-49.00,0.00,"
        "-49.00,PayPal,Refunded\n"
        "2026-05-03,INV-0104,Invoice,Lena Fischer,lena@example.de,DE,EUR,100.00,19.00,"
        "119.00,Credit card,Paid\n"
        "2026-05-06,INV-0105,Invoice,Paul Martin,paul@example.fr,FR,EUR,60.00,12.00,72.00,"
        "Bank transfer,Outstanding\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 383.0)
    assert kind_totals(tmp_path, "refund") == (1, 49.0)
    assert kind_totals(tmp_path, "contact") == (1, 72.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


# --- WooCommerce Subscriptions ------------------------------------------------------------------

_WOO_HEADERS = ("subscription_id,customer_id,subscription_status,start_date,trial_end_date,"
                "next_payment_date,last_payment_date,end_date,billing_period,billing_interval,"
                "order_total,order_currency,billing_first_name,billing_last_name,billing_email\n")


def test_woocommerce_subscriptions_statuses_and_a_trial(tmp_path):
    """Amy (wc-active, paid monthly since 5 January, last on 5 April), Ben (wc-cancelled
    after paying 10 January and 10 February), Dan (wc-on-hold, paid 1 February and 1 March)
    and Eve (wc-pending-cancel: paid 15 February to 15 April, stopping at her period's end)
    paid more than once: retention. Finn (wc-expired) paid once, a year, on his first day:
    bought. Cleo is wc-active in her trial (ends 15 April) with no payment yet: trying,
    consideration. Ben and Eve cancelled what they had paid for: churned, as Finn (since
    session 28; was the outcome cancelled). 6 clients: [6, 6, 5, 4, 0] (was [6, 0, 0, 0, 0]:
    no "wc-" status read)."""
    found = cli_import_text(tmp_path, "subscriptions.csv", _WOO_HEADERS + (
        "1201,11,wc-active,2026-01-05 09:00:00,0,2026-05-05 09:00:00,2026-04-05 09:00:00,0,"
        "month,1,25.00,GBP,Amy,Clark,amy@example.com\n"
        "1202,12,wc-cancelled,2026-01-10 09:00:00,0,0,2026-02-10 09:00:00,2026-03-01 12:00:00,"
        "month,1,25.00,GBP,Ben,Ford,ben@example.com\n"
        "1203,13,wc-active,2026-04-01 09:00:00,2026-04-15 09:00:00,2026-04-15 09:00:00,0,0,"
        "month,1,25.00,GBP,Cleo,Hart,cleo@example.com\n"
        "1204,14,wc-on-hold,2026-02-01 09:00:00,0,2026-05-01 09:00:00,2026-03-01 09:00:00,0,"
        "month,1,25.00,GBP,Dan,Ives,dan@example.com\n"
        "1205,15,wc-pending-cancel,2026-02-15 09:00:00,0,0,2026-04-15 09:00:00,"
        "2026-05-15 09:00:00,month,1,25.00,GBP,Eve,Jones,eve@example.com\n"
        "1206,16,wc-expired,2025-04-01 09:00:00,0,0,2025-04-01 09:00:00,2026-04-01 09:00:00,"
        "year,1,240.00,GBP,Finn,Kerr,finn@example.com\n"))
    assert ("1 client with a day in 'trial_end_date' and no payment on or after it (in "
            "'last_payment_date') was read as trying, not buying (consideration).") in found[
                "notes"]
    assert ("4 clients whose last payment ('last_payment_date') came after their start "
            "('start_date') were read as paid more than once: staying (retention).") in found[
                "notes"]
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, outcome FROM clients "
                                    "ORDER BY name") == [
        ("Amy Clark", "retention", None), ("Ben Ford", "retention", "churned"),
        ("Cleo Hart", "consideration", None), ("Dan Ives", "retention", None),
        ("Eve Jones", "retention", "churned"), ("Finn Kerr", "purchase", "churned")]
    assert cli_funnel(tmp_path) == [6, 6, 5, 4, 0]


def test_a_trial_followed_by_a_payment_was_bought(tmp_path):
    """Gus's trial ended on 15 March and he paid that day; Hal paid on his first day, 1
    March: each bought once, neither trying nor staying. Ida's trial ended on 15 March and
    she paid again on 15 April: bought twice (retention). [3, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "subscriptions.csv", _WOO_HEADERS + (
        "1301,21,wc-active,2026-03-01 09:00:00,2026-03-15 09:00:00,2026-04-15 09:00:00,"
        "2026-03-15 09:00:00,0,month,1,25.00,GBP,Gus,Lane,gus@example.com\n"
        "1302,22,wc-active,2026-03-01 09:00:00,0,2026-04-01 09:00:00,2026-03-01 09:00:00,0,"
        "month,1,25.00,GBP,Hal,Moss,hal@example.com\n"
        "1303,23,wc-active,2026-03-01 09:00:00,2026-03-15 09:00:00,2026-05-15 09:00:00,"
        "2026-04-15 09:00:00,0,month,1,25.00,GBP,Ida,Nash,ida@example.com\n"))
    assert not any("trying" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name") == [
        ("Gus Lane", "purchase"), ("Hal Moss", "purchase"), ("Ida Nash", "retention")]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


# --- a Brazilian ERP's orders: "Nome do contato" ---------------------------------------------------

def test_tiny_orders_name_their_clients(tmp_path):
    """Tiny's "Nome do contato" names each client (was none: the clients were their
    addresses). Carla's Entregue (1.250,00) and Faturado (310,50), João's Aprovado (199,00)
    and Lucas's Enviado (75,00): 4 sales of 1.834,50; Pedro's Cancelado, Mariana's Em
    aberto: none. [5, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "pedidos.csv", BOM + (
        "Número do pedido;Data;Nome do contato;CPF/CNPJ;E-mail;Total;Situação;"
        "Forma de pagamento\n"
        "1001;03/04/2026;Carla Souza;123.456.789-01;carla@example.com.br;1.250,00;Entregue;"
        "Cartão de crédito\n"
        "1002;05/04/2026;Pedro Lima;234.567.890-12;pedro@example.com.br;89,90;Cancelado;"
        "Boleto\n"
        "1003;07/04/2026;Carla Souza;123.456.789-01;carla@example.com.br;310,50;Faturado;Pix\n"
        "1004;09/04/2026;Mariana Alves;345.678.901-23;mariana@example.com.br;459,00;Em aberto;"
        "Boleto\n"
        "1005;12/04/2026;João Rocha;456.789.012-34;joao@example.com.br;199,00;Aprovado;Pix\n"
        "1006;15/04/2026;Lucas Dias;567.890.123-45;lucas@example.com.br;75,00;Enviado;"
        "Cartão de crédito\n"))
    assert found["mapping"]["Nome do contato"] == "name"
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Carla Souza",), ("João Rocha",), ("Lucas Dias",), ("Mariana Alves",), ("Pedro Lima",)]
    assert kind_totals(tmp_path, "purchase") == (4, 1834.5)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


# --- "Pedido" before the status --------------------------------------------------------------------

def test_loja_integrada_order_word_before_the_status(tmp_path):
    """Ana Paula's Pedido Entregue (189,90) and Pedido Pago (59,90), Daniela's Pedido Enviado
    (129,90), Eduardo's Pedido Devolvido (99,90: bought, then given back): 4 sales of 479,60
    and a refund of 99,90. Bruno's Aguardando pagamento and Carlos's Pedido Cancelado: none.
    [5, 3, 3, 1, 0] (was six contacts, [5, 0, 0, 0, 0])."""
    cli_import_text(tmp_path, "pedidos.csv", BOM + (
        "Número;Data;Cliente;E-mail;Telefone;Situação;Valor total;Forma de pagamento\n"
        "2001;03/04/2026 10:12;Ana Paula Costa;anapaula@example.com.br;(11) 99999-1111;"
        "Pedido Entregue;R$ 189,90;Cartão de crédito\n"
        "2002;04/04/2026 15:40;Bruno Teixeira;bruno@example.com.br;(21) 98888-2222;"
        "Aguardando pagamento;R$ 79,90;Boleto\n"
        "2003;06/04/2026 09:05;Carlos Mendes;carlos@example.com.br;(31) 97777-3333;"
        "Pedido Cancelado;R$ 249,00;Pix\n"
        "2004;08/04/2026 20:30;Ana Paula Costa;anapaula@example.com.br;(11) 99999-1111;"
        "Pedido Pago;R$ 59,90;Pix\n"
        "2005;11/04/2026 13:00;Daniela Ramos;daniela@example.com.br;(41) 96666-4444;"
        "Pedido Enviado;R$ 129,90;Cartão de crédito\n"
        "2006;14/04/2026 18:22;Eduardo Nunes;edu@example.com.br;(51) 95555-5555;"
        "Pedido Devolvido;R$ 99,90;Cartão de crédito\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 479.6)
    assert kind_totals(tmp_path, "refund") == (1, 99.9)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_pedido_before_a_word_that_says_nothing(tmp_path):
    """"Pedido Especial" and "Pedido Normal" are kinds of order, no status: nothing says
    what happened, so each row is a contact, no sale (as before)."""
    cli_import_text(tmp_path, "lista.csv", (
        "Número;Data;Cliente;E-mail;Situação;Valor total\n"
        "1;03/04/2026;Ana Costa;ana@example.com.br;Pedido Especial;R$ 10,00\n"
        "2;04/04/2026;Bia Lima;bia@example.com.br;Pedido Normal;R$ 12,00\n"
        "3;05/04/2026;Caio Reis;caio@example.com.br;Pedido Normal;R$ 15,00\n"))
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


# --- a Brazilian ticket list: "Estornado" ----------------------------------------------------------

def test_sympla_tickets(tmp_path):
    """Fernanda (R$ 120,00), Gabriel (R$ 60,00) and Júlia (R$ 120,00, Estornado: bought, then
    given back) bought: 3 sales of 300 and a refund of 120. Helena's Cortesia (R$ 0,00) is
    free, Igor's Cancelado, Kleber's Pendente: no sale. [6, 3, 3, 0, 0] (was six contacts
    and a cancellation, [6, 0, 0, 0, 0])."""
    cli_import_text(tmp_path, "participantes.csv", BOM + (
        "Número do ingresso;Nome;Sobrenome;E-mail;Tipo de ingresso;Valor;Data da compra;"
        "Status do pedido;Check-in\n"
        "SYM-0001;Fernanda;Lima;fernanda@example.com.br;Inteira;R$ 120,00;01/04/2026 10:00;"
        "Aprovado;Sim\n"
        "SYM-0002;Gabriel;Souza;gabriel@example.com.br;Meia-entrada;R$ 60,00;02/04/2026 11:30;"
        "Aprovado;Não\n"
        "SYM-0003;Helena;Martins;helena@example.com.br;Cortesia;R$ 0,00;02/04/2026 12:00;"
        "Aprovado;Sim\n"
        "SYM-0004;Igor;Pereira;igor@example.com.br;Inteira;R$ 120,00;03/04/2026 09:15;"
        "Cancelado;Não\n"
        "SYM-0005;Júlia;Alves;julia@example.com.br;Inteira;R$ 120,00;03/04/2026 14:45;"
        "Estornado;Não\n"
        "SYM-0006;Kleber;Ramos;kleber@example.com.br;Inteira;R$ 120,00;04/04/2026 16:20;"
        "Pendente;Não\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 300.0)
    assert kind_totals(tmp_path, "refund") == (1, 120.0)
    assert cli_funnel(tmp_path) == [6, 3, 3, 0, 0]


# --- a Spanish clinic: "Paciente", "Cancelada por el paciente" ----------------------------------

def test_doctoralia_appointments(tmp_path):
    """Lucía's two visits (60 + 45 €) and Pablo's (60 €) Realizada: 3 sales of 165 €.
    Marta's Cancelada por el paciente is a cancellation (was a sale of 45 €), Javier's No
    asistió and Elena's Confirmada no sale (Elena's a visit to come: consideration). The
    clients are named by 'Paciente' (was their addresses). [5, 3, 2, 1, 0]."""
    found = cli_import_text(tmp_path, "citas.csv", BOM + (
        "Fecha;Hora;Paciente;Teléfono;Email;Servicio;Estado;Precio\n"
        "03/04/2026;09:00;Lucía García;+34 600 111 222;lucia@example.es;Primera visita;"
        "Realizada;60,00 €\n"
        "03/04/2026;10:00;Javier López;+34 600 222 333;javier@example.es;Primera visita;"
        "No asistió;60,00 €\n"
        "07/04/2026;11:30;Marta Sánchez;+34 600 333 444;marta@example.es;Revisión;"
        "Cancelada por el paciente;45,00 €\n"
        "10/04/2026;12:00;Lucía García;+34 600 111 222;lucia@example.es;Revisión;Realizada;"
        "45,00 €\n"
        "14/04/2026;16:00;Pablo Ruiz;+34 600 444 555;pablo@example.es;Primera visita;"
        "Realizada;60,00 €\n"
        "28/04/2026;17:00;Elena Torres;+34 600 555 666;elena@example.es;Primera visita;"
        "Confirmada;60,00 €\n"))
    assert found["mapping"]["Paciente"] == "name"
    assert kind_totals(tmp_path, "purchase") == (3, 165.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 45.0)
    assert cli_funnel(tmp_path) == [5, 3, 2, 1, 0]


# --- a Japanese marketplace ------------------------------------------------------------------------

def test_rakuten_orders(tmp_path):
    """Taro's two orders 発送済 (3,980 + 1,620 yen) and Misaki's 発送待ち (3,980: paid, to
    ship): 3 sales of 9,580. Hanako's キャンセル確定 is cancelled, Ichiro's 支払待ち unpaid.
    Named family name first, "山田 太郎" (was no names). [4, 2, 2, 1, 0] (was five contacts,
    [4, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "rakuten_orders.csv", BOM + (
        "受注番号,注文日時,ステータス,注文者名字,注文者名前,メールアドレス,電話番号,商品名,個数,"
        "合計金額,支払方法\n"
        "123456-20260403-0000001,2026-04-03 10:15:00,発送済,山田,太郎,taro@example.jp,"
        "090-1111-2222,緑茶ギフト,1,\"3,980\",クレジットカード\n"
        "123456-20260404-0000002,2026-04-04 12:00:00,キャンセル確定,佐藤,花子,hanako@example.jp,"
        "090-2222-3333,ほうじ茶,2,\"2,160\",銀行振込\n"
        "123456-20260405-0000003,2026-04-05 18:30:00,支払待ち,鈴木,一郎,ichiro@example.jp,"
        "090-3333-4444,抹茶セット,1,\"5,400\",銀行振込\n"
        "123456-20260420-0000004,2026-04-20 09:45:00,発送済,山田,太郎,taro@example.jp,"
        "090-1111-2222,煎茶,1,\"1,620\",クレジットカード\n"
        "123456-20260422-0000005,2026-04-22 21:10:00,発送待ち,高橋,美咲,misaki@example.jp,"
        "090-4444-5555,緑茶ギフト,1,\"3,980\",楽天ペイ\n"))
    assert found["mapping"]["受注番号"] == "order_id"
    assert ("山田 太郎",) in workspace_rows(tmp_path, "SELECT name FROM clients")
    assert kind_totals(tmp_path, "purchase") == (3, 9580.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


# --- a Brazilian gateway: "Valor Bruto" ---------------------------------------------------------------

def test_pagbank_gross_is_the_amount(tmp_path):
    """Renata's Disponível (150,00) and Paga (75,00), Tatiana's Devolvida (200,00: bought,
    given back), Vânia's Em disputa (300,00, paid, disputed): 4 sales of 725,00 and a refund
    of 200,00, at the gross, before fees (was no amount at all). Sérgio's Cancelada, Ulisses's
    Aguardando pagamento: none. [5, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "extrato.csv", BOM + (
        "Código da Transação;Data da Transação;Tipo de Transação;Status;Nome do Comprador;"
        "Email do Comprador;Meio de Pagamento;Valor Bruto;Valor Taxa;Valor Líquido\n"
        "A1B2C3D4-0001;03/04/2026 10:00:00;Pagamento;Disponível;Renata Gomes;"
        "renata@example.com.br;Cartão de Crédito;150,00;5,99;144,01\n"
        "A1B2C3D4-0002;04/04/2026 11:00:00;Pagamento;Cancelada;Sérgio Pinto;"
        "sergio@example.com.br;Boleto;89,90;0,00;89,90\n"
        "A1B2C3D4-0003;05/04/2026 12:00:00;Pagamento;Devolvida;Tatiana Melo;"
        "tatiana@example.com.br;Cartão de Crédito;200,00;7,98;192,02\n"
        "A1B2C3D4-0004;06/04/2026 13:00:00;Pagamento;Aguardando pagamento;Ulisses Reis;"
        "ulisses@example.com.br;Boleto;59,90;0,00;59,90\n"
        "A1B2C3D4-0005;20/04/2026 14:00:00;Pagamento;Paga;Renata Gomes;renata@example.com.br;"
        "Pix;75,00;0,74;74,26\n"
        "A1B2C3D4-0006;21/04/2026 15:00:00;Pagamento;Em disputa;Vânia Cruz;"
        "vania@example.com.br;Cartão de Crédito;300,00;11,97;288,03\n"))
    assert found["mapping"]["Valor Bruto"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 725.0)
    assert kind_totals(tmp_path, "refund") == (1, 200.0)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


# --- a Korean shop: "총 결제금액" -------------------------------------------------------------------------

def test_cafe24_orders(tmp_path):
    """민준's two 배송완료 (35,000 + 12,000), 하은's 배송중 (42,000) and 지호's 반품완료
    (39,000: bought, returned): 4 sales of 128,000 and a refund of 39,000. 서연's 취소완료
    cancelled, 유나's 입금전 (before paying) none. [5, 3, 3, 1, 0] (was six contacts)."""
    found = cli_import_text(tmp_path, "cafe24_orders.csv", BOM + (
        "주문번호,주문일시,주문자명,주문자 휴대전화,주문자 이메일,상품명,수량,총 결제금액,주문상태\n"
        "20260403-0000011,2026-04-03 10:20:11,김민준,010-1111-2222,minjun@example.kr,니트 가디건,1,"
        "\"35,000\",배송완료\n"
        "20260404-0000012,2026-04-04 14:02:45,이서연,010-2222-3333,seoyeon@example.kr,린넨 셔츠,1,"
        "\"42,000\",취소완료\n"
        "20260406-0000013,2026-04-06 09:11:30,박지호,010-3333-4444,jiho@example.kr,와이드 팬츠,1,"
        "\"39,000\",반품완료\n"
        "20260410-0000014,2026-04-10 19:45:00,김민준,010-1111-2222,minjun@example.kr,양말 세트,2,"
        "\"12,000\",배송완료\n"
        "20260412-0000015,2026-04-12 11:30:00,최유나,010-4444-5555,yuna@example.kr,니트 가디건,1,"
        "\"35,000\",입금전\n"
        "20260413-0000016,2026-04-13 16:00:00,정하은,010-5555-6666,haeun@example.kr,린넨 셔츠,1,"
        "\"42,000\",배송중\n"))
    assert found["mapping"]["총 결제금액"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 128000.0)
    assert kind_totals(tmp_path, "refund") == (1, 39000.0)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


# --- a Turkish gateway ----------------------------------------------------------------------------------

def test_iyzico_payments(tmp_path):
    """Ayşe's two Başarılı (1.250,00 + 320,00), Zeynep's İade Edildi (900,00, all given
    back) and Can's Kısmi İade (2.100,00, 600,00 given back): 4 sales of 4.570,00 and
    refunds of 1.500,00, each what 'İade Tutarı' says. Mehmet's Başarısız failed: no sale
    (was 5 sales of 5.050 and one refund of 900, [4, 4, 4, 1, 0]). [4, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "islemler.csv", BOM + (
        "İşlem Tarihi;Ödeme ID;Sipariş No;Alıcı Adı;Alıcı E-posta;Tutar;Para Birimi;Durum;"
        "İade Tutarı\n"
        "03.04.2026 10:15;18811001;S-1001;Ayşe Yılmaz;ayse@example.com.tr;1.250,00;TRY;"
        "Başarılı;0,00\n"
        "04.04.2026 11:20;18811002;S-1002;Mehmet Demir;mehmet@example.com.tr;480,00;TRY;"
        "Başarısız;0,00\n"
        "06.04.2026 15:40;18811003;S-1003;Zeynep Kaya;zeynep@example.com.tr;900,00;TRY;"
        "İade Edildi;900,00\n"
        "10.04.2026 09:05;18811004;S-1004;Ayşe Yılmaz;ayse@example.com.tr;320,00;TRY;"
        "Başarılı;0,00\n"
        "12.04.2026 17:30;18811005;S-1005;Can Öztürk;can@example.com.tr;2.100,00;TRY;"
        "Kısmi İade;600,00\n"))
    assert found["mapping"]["Alıcı Adı"] == "name"
    assert kind_totals(tmp_path, "purchase") == (4, 4570.0)
    assert kind_totals(tmp_path, "refund") == (2, 1500.0)
    assert kind_totals(tmp_path, "contact") == (1, 480.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


# --- a Polish shop: "Wartość zamówienia" -------------------------------------------------------------

def test_shoper_orders(tmp_path):
    """Anna's two Zrealizowane (249,00 + 89,00 zł), Tomasz's Wysłane (329,00) and Marta's
    Zwrócone (199,00: bought, returned): 4 sales of 866 zł and a refund of 199 zł (was six
    contacts of no amount). Piotr's Anulowane and Katarzyna's Oczekuje na płatność: none.
    [5, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "zamowienia.csv", BOM + (
        "Numer zamówienia;Data zamówienia;Status;Klient;E-mail;Telefon;Wartość zamówienia;"
        "Waluta;Sposób płatności\n"
        "1001;2026-04-03 10:00;Zrealizowane;Anna Kowalska;anna@example.pl;500 100 200;"
        "249,00 zł;PLN;Przelewy24\n"
        "1002;2026-04-04 12:30;Anulowane;Piotr Nowak;piotr@example.pl;500 100 300;99,00 zł;PLN;"
        "Pobranie\n"
        "1003;2026-04-06 08:45;Oczekuje na płatność;Katarzyna Wiśniewska;kasia@example.pl;"
        "500 100 400;159,00 zł;PLN;Przelew\n"
        "1004;2026-04-12 19:10;Wysłane;Tomasz Wójcik;tomek@example.pl;500 100 500;329,00 zł;"
        "PLN;BLIK\n"
        "1005;2026-04-20 21:00;Zrealizowane;Anna Kowalska;anna@example.pl;500 100 200;"
        "89,00 zł;PLN;BLIK\n"
        "1006;2026-04-22 11:11;Zwrócone;Marta Zielińska;marta@example.pl;500 100 600;"
        "199,00 zł;PLN;Przelewy24\n"))
    assert found["mapping"]["Wartość zamówienia"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 866.0)
    assert kind_totals(tmp_path, "refund") == (1, 199.0)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


# --- a Kazakh marketplace: tenge ----------------------------------------------------------------------

def test_kaspi_orders_in_tenge(tmp_path):
    """Айгерим's two Выдан (15 990 ₸ + 9 990 ₸), Данияр's Передан в доставку (24 500 ₸) and
    Мадина's Возврат (18 900 ₸: bought, returned): 4 sales of 69 380 ₸ and a refund of
    18 900 ₸ (was six contacts: "15 990 ₸" not read as money). Ержан's Отменен and Алия's
    Ожидает оплаты: none. [5, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "kaspi_orders.csv", BOM + (
        "№ заказа;Дата;Покупатель;Телефон;Товар;Кол-во;Сумма;Статус;Способ доставки\n"
        "480011;03.04.2026;Айгерим Нурланова;+7 701 111 2233;Чайник электрический;1;15 990 ₸;"
        "Выдан;Kaspi Доставка\n"
        "480012;04.04.2026;Ержан Сапаров;+7 702 222 3344;Утюг;1;12 490 ₸;Отменен;Самовывоз\n"
        "480013;06.04.2026;Мадина Ахметова;+7 705 333 4455;Фен;1;18 900 ₸;Возврат;"
        "Kaspi Доставка\n"
        "480014;09.04.2026;Айгерим Нурланова;+7 701 111 2233;Тостер;1;9 990 ₸;Выдан;Самовывоз\n"
        "480015;12.04.2026;Данияр Касымов;+7 707 444 5566;Блендер;1;24 500 ₸;"
        "Передан в доставку;Kaspi Доставка\n"
        "480016;14.04.2026;Алия Серикова;+7 708 555 6677;Миксер;1;14 200 ₸;Ожидает оплаты;"
        "Kaspi Доставка\n"))
    assert found["mapping"]["Сумма"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 69380.0)
    assert kind_totals(tmp_path, "refund") == (1, 18900.0)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


# --- a Saudi shop, in Arabic ----------------------------------------------------------------------------

def test_salla_orders_in_arabic(tmp_path):
    """محمد's تم التوصيل (250.00 ر.س, delivered) and تم التنفيذ (95.00, done), فهد's جاري
    التوصيل (150.00, on its way) and سارة's مسترجع (410.00: bought, returned): 4 sales of
    905 and a refund of 410. نورة's ملغي (cancelled) and عبدالله's بإنتظار الدفع (awaiting
    payment): none. [5, 3, 3, 1, 0] (was six contacts of no amount); the money is said to be
    in SAR (was not named)."""
    found = cli_import_text(tmp_path, "salla_orders.csv", BOM + (
        "رقم الطلب,تاريخ الطلب,اسم العميل,رقم الجوال,البريد الإلكتروني,حالة الطلب,طريقة الدفع,"
        "الإجمالي\n"
        "90011,2026-04-03,محمد العتيبي,0551112222,mohammed@example.sa,تم التوصيل,مدى,250.00 ر.س\n"
        "90012,2026-04-04,نورة القحطاني,0552223333,noura@example.sa,ملغي,الدفع عند الاستلام,"
        "180.00 ر.س\n"
        "90013,2026-04-06,عبدالله الشهري,0553334444,abdullah@example.sa,بإنتظار الدفع,تحويل بنكي,"
        "320.00 ر.س\n"
        "90014,2026-04-09,محمد العتيبي,0551112222,mohammed@example.sa,تم التنفيذ,Apple Pay,"
        "95.00 ر.س\n"
        "90015,2026-04-12,سارة الدوسري,0554445555,sara@example.sa,مسترجع,مدى,410.00 ر.س\n"
        "90016,2026-04-15,فهد الحربي,0555556666,fahad@example.sa,جاري التوصيل,مدى,150.00 ر.س\n"))
    assert found["mapping"]["اسم العميل"] == "name"
    assert found["mapping"]["حالة الطلب"] == "status"
    assert "Money is shown in SAR: the amounts in this file are written in SAR." in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (4, 905.0)
    assert kind_totals(tmp_path, "refund") == (1, 410.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


# --- read right before: kept so they stay right ---------------------------------------------------

def test_jumpseller_pesos_stay_right(tmp_path):
    """Jumpseller's CLP: Camila's two Pagado ($29.980 + $12.980) and Matías's Despachado
    ($16.490): 3 sales of 59,450 pesos, [5, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "jumpseller_orders.csv", (
        "Pedido,Fecha,Estado,Cliente,Email,Teléfono,Subtotal,Envío,Total,Moneda,Método de pago\n"
        "1001,03-04-2026,Pagado,Camila Rojas,camila@example.cl,+56 9 1111 2222,$25.990,$3.990,"
        "$29.980,CLP,Webpay\n"
        "1002,04-04-2026,Pendiente de pago,Diego Muñoz,diego@example.cl,+56 9 2222 3333,"
        "$15.990,$3.990,$19.980,CLP,Transferencia\n"
        "1003,06-04-2026,Cancelado,Valentina Soto,vale@example.cl,+56 9 3333 4444,$45.000,$0,"
        "$45.000,CLP,Webpay\n"
        "1004,10-04-2026,Despachado,Matías Pérez,matias@example.cl,+56 9 4444 5555,$12.500,"
        "$3.990,$16.490,CLP,Mercado Pago\n"
        "1005,18-04-2026,Pagado,Camila Rojas,camila@example.cl,+56 9 1111 2222,$8.990,$3.990,"
        "$12.980,CLP,Webpay\n"
        "1006,20-04-2026,Abandonado,Fernanda Díaz,fer@example.cl,,$30.000,$0,$30.000,CLP,\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 59450.0)
    assert cli_funnel(tmp_path) == [5, 2, 2, 1, 0]


def test_kashflow_invoices_stay_right(tmp_path):
    """Harper's 1001 (£600) and 1003 (£1,200) paid, Morris's 1004 part paid (£90 of £180):
    3 sales of £1,890; the credit note CN1006 gives £120 back. Green's Unpaid and Taylor's
    Overdue: none. [4, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "kashflow_invoices.csv", (
        "Invoice Number,Invoice Date,Due Date,Customer Code,Customer Name,Customer Reference,"
        "Net Amount,VAT Amount,Gross Amount,Amount Paid,Status\n"
        "1001,03/04/2026,03/05/2026,HAR01,Harper Joinery Ltd,PO-771,£500.00,£100.00,£600.00,"
        "£600.00,Paid\n"
        "1002,07/04/2026,07/05/2026,GRE01,Green & Co,,£250.00,£50.00,£300.00,£0.00,Unpaid\n"
        "1003,10/04/2026,10/04/2026,HAR01,Harper Joinery Ltd,PO-790,£1000.00,£200.00,"
        "£1200.00,£1200.00,Paid\n"
        "1004,14/04/2026,14/05/2026,MOR01,Morris Bakery,,£150.00,£30.00,£180.00,£90.00,"
        "Part Paid\n"
        "1005,01/03/2026,31/03/2026,TAY01,Taylor Florist,,£400.00,£80.00,£480.00,£0.00,Overdue\n"
        "CN1006,20/04/2026,20/04/2026,HAR01,Harper Joinery Ltd,Credit for 1003,-£100.00,"
        "-£20.00,-£120.00,-£120.00,Paid\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 1890.0)
    assert kind_totals(tmp_path, "refund") == (1, 120.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_reverb_orders_stay_right(tmp_path):
    """Reverb: Tom's two orders Received ($684, $26), Cara's Shipped ($55), Mike's Refunded
    ($90, given back): 4 sales of $855, a refund of $90; Anna's Cancelled and Jack's Unpaid
    none. [5, 3, 3, 1, 0]."""
    cli_import_text(tmp_path, "reverb_orders.csv", (
        "Order Number,Order Date,Status,Buyer Name,Product Title,SKU,Quantity,Amount Product,"
        "Amount Shipping,Amount Tax,Total,Currency\n"
        "R-80011,2026-04-03,Received,Tom Baker,Fender Player Stratocaster,FEN-01,1,$649.00,"
        "$35.00,$0.00,$684.00,USD\n"
        "R-80012,2026-04-05,Shipped,Cara Diaz,Boss DS-1 Distortion,BOS-02,1,$45.00,$10.00,"
        "$0.00,$55.00,USD\n"
        "R-80013,2026-04-06,Refunded,Mike Ross,MXR Phase 90,MXR-03,1,$80.00,$10.00,$0.00,"
        "$90.00,USD\n"
        "R-80014,2026-04-09,Cancelled,Anna Berg,Ibanez TS9,IBA-04,1,$99.00,$10.00,$0.00,"
        "$109.00,USD\n"
        "R-80015,2026-04-20,Received,Tom Baker,Ernie Ball strings,ERN-05,3,$21.00,$5.00,$0.00,"
        "$26.00,USD\n"
        "R-80016,2026-04-22,Unpaid,Jack Lee,Vox AC15,VOX-06,1,$550.00,$60.00,$0.00,$610.00,"
        "USD\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 855.0)
    assert kind_totals(tmp_path, "refund") == (1, 90.0)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_pabau_appointments_stay_right(tmp_path):
    """Sophie's anti-wrinkle (£180) and Olivia's microneedling (£150) Completed: 2 sales of
    £330. Sophie's and Grace's free consultations, Olivia's Booked visit: consideration;
    Hannah's No Show and Priya's Cancelled: no sale. [5, 3, 2, 0, 0]."""
    cli_import_text(tmp_path, "pabau_appointments.csv", (
        "Client Name,Email,Mobile,Service,Practitioner,Date,Time,Status,Price\n"
        "Sophie Turner,sophie@example.co.uk,07700 900111,Consultation,Dr Patel,03/04/2026,"
        "10:00,Completed,£0.00\n"
        "Sophie Turner,sophie@example.co.uk,07700 900111,Anti-wrinkle 1 area,Dr Patel,"
        "17/04/2026,10:30,Completed,£180.00\n"
        "Hannah Lee,hannah@example.co.uk,07700 900222,Dermal filler,Dr Patel,05/04/2026,14:00,"
        "No Show,£320.00\n"
        "Priya Shah,priya@example.co.uk,07700 900333,Chemical peel,Nurse Kim,08/04/2026,11:00,"
        "Cancelled,£95.00\n"
        "Olivia Brown,olivia@example.co.uk,07700 900444,Microneedling,Nurse Kim,10/04/2026,"
        "15:00,Completed,£150.00\n"
        "Olivia Brown,olivia@example.co.uk,07700 900444,Microneedling,Nurse Kim,10/05/2026,"
        "15:00,Booked,£150.00\n"
        "Grace Hill,grace@example.co.uk,07700 900555,Consultation,Dr Patel,12/04/2026,09:00,"
        "Completed,£0.00\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 330.0)
    assert cli_funnel(tmp_path) == [5, 3, 2, 0, 0]
