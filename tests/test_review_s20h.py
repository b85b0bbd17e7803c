"""Session 20, H: R5's rules for exports never tried, attacked with sheets an owner or
another export might really have. Each goes through the command line and is checked
against figures worked out by hand (cumulative funnel: awareness, consideration,
purchase, retention, advocacy; sales and revenue are the clients', each sale once).

Misread by R5's rules, narrowed:
- A provider's fee naming no client: a sheet naming its clients by phone number lost a
  client's "Fee" of 15 (the phone was not looked at); a "fee" of more than 0 naming no
  one is money in (a member's fee, the name left blank), kept.
- "Valor de compra" (bare) was read as the amount: beside "Valor de venta" it is a
  reseller's cost price; only Hotmart's "Valor de compra com impostos" is.
- "Transação" holding words ("PIX recebido") made every row a numbered order: it
  numbers orders only where its values are codes, as "Order" and "Receipt" do.
- A Sellsy "Tiers" of types (Client, Prospect) named two clients "Client", "Prospect":
  a Tiers of types names no one; the deal's "Contact" names its client.
- An "Order" column of codes like "R150.00" was read as amounts in rand.

Should have fired and did not, widened:
- A French invoice list's "Tiers" (Dolibarr's) names the client (was: no client or the
  invoice's "Nom"); not beside a person's Nom and Prénom, nor an English "Tiers" of levels.
- An English "Credit note" status was unknown (the sheet's statuses unread); a credit of
  part of an unpaid invoice, the client having paid nothing, is a cancellation, not a
  refund; beside an earlier payment it stays a refund.
- Polish "Wysłana" (an invoice sent) is unpaid.
- A music school's "Lesson" list of Attended and Absent is a list of visits (as "Class").

Checked and right, kept as tests: Brazilian "R$ 150,00", rand "R 1 250,00", a Magento grid
without e-mails (the bill-to name, not a gift's recipient), an order list's "Closed"
elsewhere, Planity's Honoré / Absent / Annulé, Billbee's Angeboten beside Bezahlt.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, sales_and_refunds, workspace_rows


def names(tmp_path) -> list[str]:
    return [row[0] for row in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


def contacts(tmp_path) -> tuple:
    return kind_totals(tmp_path, "contact")


# --- a provider's fee ------------------------------------------------------------------------

def test_a_fee_on_a_sheet_of_phone_numbers_is_the_clients(tmp_path):
    """Clients named by phone: 07700 900123 paid 40 and a fee of 15, 900456 paid 40; a fee
    of -2 names no one (the provider's, left out). Contacts: the fee of 15 (was left out,
    the phone not looked at). [2, 2, 2, 0, 0]; 2 sales, 80."""
    found = cli_import_text(tmp_path, "payments.csv", (
        "Date,Phone,Type,Amount\n"
        "2024-03-01,07700 900123,Payment,40.00\n"
        "2024-03-02,07700 900456,Payment,40.00\n"
        "2024-03-03,07700 900123,Fee,15.00\n"
        "2024-03-04,,Fee,-2.00\n"))
    assert contacts(tmp_path) == (1, 15.0)
    assert "1 row in 'Type' ('Fee') was the provider's fee to the account, no client's: " \
           "left out." in found["notes"]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
    assert sales_and_refunds(tmp_path) == ((2, 80.0), (0, None))


def test_a_fee_of_money_in_naming_no_one_is_kept(tmp_path):
    """A "fee" of 15 naming no one is money in (a member's, the name left blank): kept as
    a contact of no client; the fee of -2 is the provider's, left out (was: both left
    out). Amy and Ben: 2 charges, 80."""
    cli_import_text(tmp_path, "payments.csv", (
        "Date,Customer,Type,Amount\n"
        "2024-03-01,Amy Ross,charge,40.00\n"
        "2024-03-01,Ben Hart,charge,40.00\n"
        "2024-03-01,,fee,15.00\n"
        "2024-03-04,,fee,-2.00\n"))
    assert contacts(tmp_path) == (1, 15.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
    assert sales_and_refunds(tmp_path) == ((2, 80.0), (0, None))


# --- amount and order headers -------------------------------------------------------------------

def test_a_cost_price_is_not_the_amount(tmp_path):
    """A Spanish reseller's sheet: "Valor de compra" (40, 120, 15) is what the shop paid,
    "Valor de venta" what it sold for. The cost is no sale's amount (was 175 of revenue):
    3 sales of 95 + 250 + 35 = 380, what each sold for (session 21 B: was 3 sales of no
    amount, "Valor de venta" unread)."""
    found = cli_import_text(tmp_path, "ventas.csv", (
        "Fecha,Cliente,Producto,Valor de compra,Valor de venta\n"
        "2024-03-01,Ana Ruiz,Silla,40.00,95.00\n"
        "2024-03-02,Luis Gil,Mesa,120.00,250.00\n"
        "2024-03-05,Ana Ruiz,Lámpara,15.00,35.00\n"))
    assert found["mapping"]["Valor de compra"] is None
    assert sales_and_refunds(tmp_path)[0] == (3, 380.0)


def test_a_transacao_of_words_numbers_no_order(tmp_path):
    """"Transação" says what each line was ("PIX recebido"): no order numbers, so nothing
    makes the rows sales (was 3 sales, 380, "because 'Transação' numbers them as
    orders"): 3 contacts of 380, as before R5. (Hotmart's codes, HP1111111111, still
    number its sales: test_sweep_s20r5.)"""
    found = cli_import_text(tmp_path, "extrato.csv", (
        "Data,Transação,Cliente,Valor\n"
        "01/03/2024,PIX recebido,Ana Souza,\"150,00\"\n"
        "02/03/2024,PIX recebido,Bruno Lima,\"80,00\"\n"
        "05/03/2024,Boleto pago,Ana Souza,\"150,00\"\n"))
    assert found["mapping"]["Transação"] is None
    assert contacts(tmp_path) == (3, 380.0)
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_order_codes_a_letter_starts_are_no_amounts(tmp_path):
    """An "Order" column of R150.00, R220.50, R310.25 holds codes, not rand (was read as
    the amount: 680.75 of revenue, "written in rand"). 3 paid orders of no amount."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order,Customer,Date,Status\n"
        "R150.00,Ann Lee,2024-03-01,Paid\n"
        "R220.50,Bob Ray,2024-03-02,Paid\n"
        "R310.25,Ann Lee,2024-03-09,Paid\n"))
    assert found["mapping"]["Order"] == "order_id"
    assert not any("rand" in note for note in found["notes"])
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
    assert sales_and_refunds(tmp_path) == ((3, None), (0, None))


# --- "Tiers" -------------------------------------------------------------------------------

def test_a_tiers_of_types_names_no_client_the_contact_does(tmp_path):
    """A Sellsy deals export whose "Tiers" says Client or Prospect: the "Contact" is whom
    each deal is for (was 2 clients named "Client" and "Prospect"). Marie's and Julie's
    deals won (5,000 + 700), Paul's at Proposition: [3, 3, 2, 0, 0]; 2 won, 5,700."""
    cli_import_text(tmp_path, "opportunites.csv", (
        "Nom,Tiers,Contact,Montant,Probabilité,Étape,Date de clôture prévue\n"
        "Refonte site,Client,Marie Dupont,5000,80,Gagné,2024-03-01\n"
        "Audit SEO,Prospect,Paul Martin,1200,20,Proposition,2024-03-15\n"
        "Logo,Client,Julie Bernard,700,100,Gagné,2024-03-20\n"))
    assert names(tmp_path) == ["Julie Bernard", "Marie Dupont", "Paul Martin"]
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]
    assert kind_totals(tmp_path, "won") == (2, 5700.0)


def test_a_french_invoice_lists_tiers_is_the_client(tmp_path):
    """Dolibarr's invoices: "Tiers" names the client (was: none, "Réf." read as three
    clients' IDs). Boulangerie Martin paid 1,200 and 300 (retention), Café du Port's 450
    unpaid: [2, 1, 1, 1, 0]; 2 sales, 1,500; a contact of 450."""
    found = cli_import_text(tmp_path, "factures.csv", (
        "Réf.,Tiers,Date facturation,Montant TTC,État\n"
        "FA2403-0001,Boulangerie Martin,01/03/2024,\"1 200,00\",Payée\n"
        "FA2403-0002,Café du Port,05/03/2024,\"450,00\",Impayée\n"
        "FA2403-0003,Boulangerie Martin,12/03/2024,\"300,00\",Payée\n"))
    assert found["mapping"]["Tiers"] == "name"
    assert names(tmp_path) == ["Boulangerie Martin", "Café du Port"]
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]
    assert sales_and_refunds(tmp_path) == ((2, 1500.0), (0, None))
    assert contacts(tmp_path) == (1, 450.0)


def test_tiers_beside_the_invoices_nom(tmp_path):
    """"Nom" names the invoice ("Facture mars"), "Tiers" the client (was 2 clients named
    "Facture mars" and "Facture avril"): as Dolibarr's above, [2, 1, 1, 1, 0]; 2 / 1,500."""
    cli_import_text(tmp_path, "factures.csv", (
        "Nom,Tiers,Date,Montant,Statut\n"
        "Facture mars,Boulangerie Martin,01/03/2024,\"1 200,00\",Payée\n"
        "Facture mars,Café du Port,05/03/2024,\"450,00\",Impayée\n"
        "Facture avril,Boulangerie Martin,02/04/2024,\"300,00\",Payée\n"))
    assert names(tmp_path) == ["Boulangerie Martin", "Café du Port"]
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]
    assert sales_and_refunds(tmp_path) == ((2, 1500.0), (0, None))


def test_tiers_beside_a_persons_nom_and_prenom_is_not_the_client(tmp_path):
    """Nom and Prénom name a person; "Tiers" is the company they are at: Marie Dupont (120
    and 60 paid) and Paul Martin (80 unpaid) stay the clients. [2, 1, 1, 1, 0]; 2 / 180."""
    cli_import_text(tmp_path, "ventes.csv", (
        "Nom,Prénom,Tiers,Date,Montant,Statut\n"
        "Dupont,Marie,Boulangerie Martin,2024-03-01,\"120,00\",Payée\n"
        "Martin,Paul,Café du Port,2024-03-02,\"80,00\",Impayée\n"
        "Dupont,Marie,Boulangerie Martin,2024-03-09,\"60,00\",Payée\n"))
    assert names(tmp_path) == ["Marie Dupont", "Paul Martin"]
    assert sales_and_refunds(tmp_path) == ((2, 180.0), (0, None))


def test_a_tiers_mostly_blank_beside_a_nom_is_not_the_client(tmp_path):
    """"Nom" names each person, "Tiers" (their company) is filled once: the Nom stays the
    client (Marie 120, Julie 60 paid; Paul 80 unpaid): 3 clients, [3, 2, 2, 0, 0]; 2 / 180."""
    cli_import_text(tmp_path, "ventes.csv", (
        "Nom,Tiers,Date,Montant,Statut\n"
        "Marie Dupont,,2024-03-01,\"120,00\",Payée\n"
        "Paul Martin,Café du Port,2024-03-02,\"80,00\",Impayée\n"
        "Julie Bernard,,2024-03-09,\"60,00\",Payée\n"))
    assert names(tmp_path) == ["Julie Bernard", "Marie Dupont", "Paul Martin"]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_an_english_tiers_of_levels_names_no_one(tmp_path):
    """"Tiers" of Gold and Silver beside "Name": the names are the clients (Ann 120 and
    Cy 60 paid, Bob 80 unpaid): [3, 2, 2, 0, 0]; 2 / 180."""
    cli_import_text(tmp_path, "orders.csv", (
        "Name,Tiers,Date,Amount,Status\n"
        "Ann Lee,Gold,2024-03-01,120.00,Paid\n"
        "Bob Ray,Silver,2024-03-02,80.00,Unpaid\n"
        "Cy Gold,Gold,2024-03-09,60.00,Paid\n"))
    assert names(tmp_path) == ["Ann Lee", "Bob Ray", "Cy Gold"]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- credit notes ----------------------------------------------------------------------------

def test_an_english_credit_note_of_an_unpaid_invoice(tmp_path):
    """No invoice numbers: Alice's 300 overdue, then a "Credit note" of -300; Bruno paid
    500. The credit calls Alice's invoice off (a cancellation of 300), she never paid
    (was: no status read, all 3 rows contacts). [2, 1, 1, 0, 0]; 1 / 500; no refund."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Client,Date,Amount,Status\n"
        "Alice Roy,2024-03-01,300.00,Overdue\n"
        "Alice Roy,2024-03-10,-300.00,Credit note\n"
        "Bruno Petit,2024-03-02,500.00,Paid\n"))
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]
    assert sales_and_refunds(tmp_path) == ((1, 500.0), (0, None))
    assert kind_totals(tmp_path, "cancellation") == (1, 300.0)
    assert any(note.startswith("1 credit note") for note in found["notes"])


def test_a_credit_of_part_of_an_unpaid_invoice_gives_no_money_back(tmp_path):
    """Alice's 300 overdue, then a credit note of -100: 100 of it called off, nothing paid
    back (was a refund of 100, Alice at purchase). [2, 1, 1, 0, 0]; 1 / 500; a
    cancellation of 100, the note says "(1 in part)"."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Client,Date,Amount,Status\n"
        "Alice Roy,2024-03-01,300.00,Overdue\n"
        "Alice Roy,2024-03-10,-100.00,Credit note\n"
        "Bruno Petit,2024-03-02,500.00,Paid\n"))
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]
    assert sales_and_refunds(tmp_path) == ((1, 500.0), (0, None))
    assert kind_totals(tmp_path, "cancellation") == (1, 100.0)
    assert any("(1 in part)" in note for note in found["notes"])


def test_a_part_credit_after_a_payment_stays_a_refund(tmp_path):
    """Alice paid 200 in January before her 300 went overdue: the -100 may give part of
    that back, so it stays a refund of 100. [2, 2, 2, 0, 0]; 2 / 700."""
    cli_import_text(tmp_path, "invoices.csv", (
        "Client,Date,Amount,Status\n"
        "Alice Roy,2024-01-05,200.00,Paid\n"
        "Alice Roy,2024-03-01,300.00,Overdue\n"
        "Alice Roy,2024-03-10,-100.00,Credit note\n"
        "Bruno Petit,2024-03-02,500.00,Paid\n"))
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
    assert sales_and_refunds(tmp_path) == ((2, 700.0), (1, 100.0))


# --- status words ------------------------------------------------------------------------------

def test_a_polish_invoice_sent_is_unpaid(tmp_path):
    """"Wysłana" (an invoice sent) is not paid (was a purchase, "a status Journey does not
    know"): Anna's 500 Opłacona paid; Piotr's 300 a contact. [2, 1, 1, 0, 0]; 1 / 500."""
    cli_import_text(tmp_path, "faktury.csv", (
        "Numer faktury,Klient,Data wystawienia,Kwota brutto,Status\n"
        "FV/1/2024,Anna Nowak,2024-03-01,\"500,00\",Opłacona\n"
        "FV/2/2024,Piotr Zięba,2024-03-02,\"300,00\",Wysłana\n"))
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]
    assert sales_and_refunds(tmp_path) == ((1, 500.0), (0, None))


def test_a_music_schools_lessons_attended_and_absent(tmp_path):
    """A "Lesson" list with Attended and Absent: a lesson kept is a sale at its price,
    an absence a no-show (was: 4 contacts, no sales). Amy 2 lessons, 50 (retention);
    Ben and Cara absent: [3, 1, 1, 1, 0]; 2 / 50."""
    cli_import_text(tmp_path, "lessons.csv", (
        "Pupil,Date,Lesson,Price,Status\n"
        "Amy Ross,2024-03-01,Piano,25,Attended\n"
        "Ben Hart,2024-03-01,Piano,25,Absent\n"
        "Amy Ross,2024-03-08,Piano,25,Attended\n"
        "Cara Moss,2024-03-08,Piano,25,Absent\n"))
    assert cli_funnel(tmp_path) == [3, 1, 1, 1, 0]
    assert sales_and_refunds(tmp_path) == ((2, 50.0), (0, None))


# --- read right, kept -----------------------------------------------------------------------

def test_reais_and_rand_with_a_space(tmp_path):
    """"R$ 150,00" is reais (Ana 150, Bruno 80.50 paid, Carla's pending): 2 / 230.50; a
    sheet of "R 1 250,00" is rand: Lerato 1,250 and Thabo 150 paid: 2 / 1,400."""
    found = cli_import_text(tmp_path, "vendas.csv", (
        "Cliente,Data,Produto,Valor,Status\n"
        "Ana Souza,2024-03-01,Bolo,\"R$ 150,00\",Pago\n"
        "Bruno Lima,2024-03-02,Torta,\"R$ 80,50\",Pago\n"
        "Carla Dias,2024-03-05,Bolo,\"R$ 150,00\",Pendente\n"))
    assert "Money is shown in R$: the amounts in this file are written in reais." in found[
        "notes"]
    assert sales_and_refunds(tmp_path) == ((2, 230.5), (0, None))
    rand = tmp_path / "rand"
    rand.mkdir()
    found = cli_import_text(rand, "sales.csv", (
        "Customer,Date,Service,Amount,Status\n"
        "Thabo Nkosi,2024-03-01,Haircut,R 150.00,Paid\n"
        "Lerato Dube,2024-03-02,Colour,\"R 1 250,00\",Paid\n"
        "Sipho Khumalo,2024-03-05,Haircut,R 150.00,Unpaid\n"))
    assert "Money is shown in R: the amounts in this file are written in rand." in found[
        "notes"]
    assert sales_and_refunds(rand) == ((2, 1400.0), (0, None))


def test_a_magento_grid_without_emails_names_the_bill_to(tmp_path):
    """No Customer Email: Anna Berg's order shipped to Tom Berg (a gift) is Anna's.
    Anna 120 and 60 (retention), Ben's 80 Closed (refunded in full): [2, 2, 2, 1, 0];
    3 / 260; a refund of 80."""
    cli_import_text(tmp_path, "orders.csv", (
        "ID,Purchase Point,Purchase Date,Bill-to Name,Ship-to Name,Grand Total (Base),"
        "Grand Total (Purchased),Status\n"
        '000000201,Main Website,"Mar 2, 2024 10:15:22 AM",Anna Berg,Tom Berg,$120.00,'
        "$120.00,Complete\n"
        '000000202,Main Website,"Mar 3, 2024 11:02:10 AM",Ben Cole,Ben Cole,$80.00,$80.00,'
        "Closed\n"
        '000000203,Main Website,"Mar 9, 2024 4:20:31 PM",Anna Berg,Anna Berg,$60.00,$60.00,'
        "Complete\n"))
    assert names(tmp_path) == ["Anna Berg", "Ben Cole"]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
    assert sales_and_refunds(tmp_path) == ((3, 260.0), (1, 80.0))


def test_closed_elsewhere_is_no_refund(tmp_path):
    """An order list's "Closed" (not Magento's grid) stays a sale, said as unknown: Anna
    120 and 60, Ben 80; Cara's 45.50 Open a contact. [3, 2, 2, 1, 0]; 3 / 260; no refund."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Customer,Email,Total,Status\n"
        "1001,2024-03-01,Anna Berg,anna@example.com,120.00,Closed\n"
        "1002,2024-03-03,Ben Cole,ben@example.com,80.00,Closed\n"
        "1003,2024-03-05,Cara Diaz,cara@example.com,45.50,Open\n"
        "1004,2024-03-09,Anna Berg,anna@example.com,60.00,Closed\n"))
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]
    assert sales_and_refunds(tmp_path) == ((3, 260.0), (0, None))


def test_a_salons_honore_absent_annule(tmp_path):
    """A French salon's own list: Marie's cut Honoré twice (45 + 45, retention), Paul
    Absent (a no-show), Julie's Annulé (a cancellation). [3, 1, 1, 1, 0]; 2 / 90."""
    cli_import_text(tmp_path, "rendez-vous.csv", (
        "Client,Date,Prestation,Prix,Statut\n"
        "Marie Dupont,2024-03-01,Coupe,\"45,00\",Honoré\n"
        "Paul Martin,2024-03-02,Couleur,\"60,00\",Absent\n"
        "Julie Bernard,2024-03-05,Coupe,\"45,00\",Annulé\n"
        "Marie Dupont,2024-03-20,Coupe,\"45,00\",Honoré\n"))
    assert cli_funnel(tmp_path) == [3, 1, 1, 1, 0]
    assert sales_and_refunds(tmp_path) == ((2, 90.0), (0, None))
    assert kind_totals(tmp_path, "cancellation") == (1, 45.0)


def test_angeboten_beside_bezahlt(tmp_path):
    """Jonas was offered 80 (Angeboten), then paid it: Anna 120, Lena 45, Jonas 80 paid;
    [3, 3, 3, 0, 0]; 3 / 245; the offer a contact of 80."""
    cli_import_text(tmp_path, "bestellungen.csv", (
        "Kunde,Datum,Betrag,Status\n"
        "Anna Müller,2024-03-01,\"120,00\",Bezahlt\n"
        "Jonas Weber,2024-03-02,\"80,00\",Angeboten\n"
        "Lena Fischer,2024-03-05,\"45,00\",Bezahlt\n"
        "Jonas Weber,2024-03-09,\"80,00\",Bezahlt\n"))
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]
    assert sales_and_refunds(tmp_path) == ((3, 245.0), (0, None))
    assert contacts(tmp_path) == (1, 80.0)


# --- a payments export's "Fee" column -----------------------------------------------------------

def test_a_payments_export_with_gross_fee_and_net(tmp_path):
    """Date, Customer, Type (charge, fee), Gross, Fee, Net: Ann's charge of 100 and Bob's
    of 50 are sales at their gross; the "Fee" column is the provider's cut, and the "fee"
    row of -10 naming no one the provider's, left out (was a client list: the "Fee" read
    as each client's revenue, no sales). [2, 2, 2, 0, 0]; 2 / 150."""
    found = cli_import_text(tmp_path, "balance.csv", (
        "Date,Customer,Type,Gross,Fee,Net\n"
        "2024-03-01,Ann Lee,charge,100.00,-3.20,96.80\n"
        "2024-03-02,Bob Ray,charge,50.00,-1.75,48.25\n"
        "2024-03-31,,fee,-10.00,0,-10.00\n"))
    assert found["kind"] == "events"
    assert found["mapping"]["Gross"] == "amount" and found["mapping"]["Fee"] is None
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
    assert sales_and_refunds(tmp_path) == ((2, 150.0), (0, None))


def test_a_fee_alone_and_a_client_lists_fee_are_kept(tmp_path):
    """A class log's "Fee" is each visit's price (Amy 12 twice, paid: 2 / 24); a client
    list's "Type" of Member, Lead keeps it a client list."""
    cli_import_text(tmp_path, "classes.csv", (
        "Date,Member,Class,Fee,Paid\n"
        "2024-03-01,Amy Ross,Spin,12.00,yes\n"
        "2024-03-08,Amy Ross,Spin,12.00,yes\n"
        "2024-03-02,Ben Hart,Yoga,15.00,no\n"))
    assert sales_and_refunds(tmp_path) == ((2, 24.0), (0, None))
    members = tmp_path / "members"
    members.mkdir()
    found = cli_import_text(members, "members.csv", (
        "Name,Type,Fee,Start date,Amount\n"
        "Amy Ross,Member,40.00,2024-01-01,480.00\n"
        "Ben Hart,Lead,40.00,2024-02-01,0\n"))
    assert found["kind"] == "clients"


def test_whole_rand_under_an_amount_header(tmp_path):
    """A South African salon's "Amount" of R150, R450 (no cents): rand, read where the
    header says money (was no amount at all). Thabo 150 and Lerato 450 paid, Sipho's 150
    unpaid: [3, 2, 2, 0, 0]; 2 / 600; named as rand. A "Room" of R1, R2 stays no money
    (test_sweep_s20r5: "R101" is none)."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Customer,Date,Service,Amount,Status\n"
        "Thabo Nkosi,2024-03-01,Haircut,R150,Paid\n"
        "Lerato Dube,2024-03-02,Colour,R450,Paid\n"
        "Sipho Khumalo,2024-03-05,Haircut,R150,Unpaid\n"))
    assert found["mapping"]["Amount"] == "amount"
    assert "Money is shown in R: the amounts in this file are written in rand." in found[
        "notes"]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]
    assert sales_and_refunds(tmp_path) == ((2, 600.0), (0, None))
    rooms = tmp_path / "rooms"
    rooms.mkdir()
    found = cli_import_text(rooms, "classes.csv", (
        "Member,Date,Class,Room,Price,Status\n"
        "Amy Ross,2024-03-01,Spin,R1,12.00,Paid\n"
        "Ben Hart,2024-03-02,Yoga,R2,12.00,Paid\n"))
    assert found["mapping"]["Room"] is None
    assert sales_and_refunds(rooms) == ((2, 24.0), (0, None))
