"""Sheets small businesses outside the English-speaking world keep and export (sweep s13 E),
whose import gave wrong figures. Hand-worked figures, through the command line (cumulative
funnel: awareness, consideration, purchase, retention, advocacy). File names are neutral
("export.csv") where a name would otherwise say what the rows are.

- A French invoice list's "En retard" and "Envoyée" (overdue, sent: not paid), a quote
  ("cotización") and a Brazilian order "Em aberto" are no sales (they were read as
  purchases, the sheet's rows being invoices or orders).
- Polish (Fakturownia), Swedish (Fortnox), Danish (Billy), Japanese and Mexican (CFDI)
  invoice and order lists are read by their headers and statuses (they were reference rows,
  or every row a contact, or clients named by invoice numbers).
- lexoffice's "Brutto" is the invoice's amount (revenue was none).
- bexio's "Kontakt" names the client where nothing else does (its invoice numbers were
  the clients).
- A complaints log named in another language ("Klachten", "reclamaciones") is complaints.
- A client list whose status says a deal was sold ("Vendida") beside a stage short of
  purchase ("Fechamento") is a customer (RD Station CRM's deals).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, cli_json, workspace_rows, xlsx_bytes

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"


def _names(tmp_path) -> list[str]:
    return [name for (name,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


def test_a_french_invoice_overdue_or_sent_is_no_sale(tmp_path):
    """Payée 1 234,56 (narrow no-break space) + 450 + 600 + 180 = 2,464.56; En retard 3,000
    and Envoyée 12,000 unpaid; Annulée a cancellation; Martin bought in Jan and Feb.
    Before: 6 purchases of 17,464.56, [5, 5, 5, 1, 0]."""
    nb = "\u202f"
    cli_import_text(tmp_path, "factures_2026.csv", (
        "N° facture;Date;Client;Montant HT;TVA;Montant TTC;Statut\n"
        f"F-1;08/01/2026;Boulangerie Martin;1{nb}028,80 €;205,76 €;1{nb}234,56 €;Payée\n"
        "F-2;15/01/2026;Garage Dupuis;375,00 €;75,00 €;450,00 €;Payée\n"
        f"F-3;02/02/2026;Cabinet Leroy;2{nb}500,00 €;500,00 €;3{nb}000,00 €;En retard\n"
        "F-4;13/02/2026;Boulangerie Martin;500,00 €;100,00 €;600,00 €;Payée\n"
        "F-5;20/02/2026;Fleurs Petit;150,00 €;30,00 €;180,00 €;Annulée\n"
        f"F-6;04/03/2026;Hôtel Bellevue;10{nb}000,00 €;2{nb}000,00 €;12{nb}000,00 €;Envoyée\n"
        "F-7;18/03/2026;Fleurs Petit;150,00 €;30,00 €;180,00 €;Payée\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 180.0), ("contact", 2, 15000.0), ("purchase", 4, 2464.56)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_a_quote_on_a_sales_sheet_is_a_client_considering(tmp_path):
    """'cotización' (a quote sent) is no sale but consideration: pagado 18.500 + 6.200,50
    = 24,700.50 (Lucía, twice); Martín considering. Before: no sale at all (3 contacts:
    the quote, a status no alias knew, kept the sheet from being read as sales)."""
    cli_import_text(tmp_path, "export.csv", (
        "Fecha;Cliente;Producto;Importe;Estado\n"
        "2 de marzo de 2026;Lucía Fernández;Torta;$ 18.500,00;pagado\n"
        "5 de marzo de 2026;Martín Sosa;Catering 20 personas;$ 125.000,00;cotización\n"
        "9 de marzo de 2026;Lucía Fernández;Alfajores;$ 6.200,50;pagado\n"))
    assert workspace_rows(tmp_path, KINDS) == [("contact", 1, 125000.0), ("purchase", 2, 24700.5)]
    assert cli_funnel(tmp_path) == [2, 2, 1, 1, 0]


def test_a_brazilian_order_em_aberto_is_no_sale(tmp_path):
    """Bling-like orders: Atendido (fulfilled) 1.234,56 + 350 + 89,90 + 12.000 = 13,674.46;
    Em aberto (open) 480 a contact; Cancelado a cancellation; the CPF no money. Before: 5
    purchases of 14,154.46, [5, 4, 4, 1, 0]."""
    cli_import_text(tmp_path, "export.csv", (
        "Número;Data;Cliente;CPF/CNPJ;E-mail;Total;Situação;Vendedor\n"
        "1001;03/02/2026;Ana Souza;123.456.789-09;ana@email.com.br;R$ 1.234,56;Atendido;Carla\n"
        "1002;07/02/2026;Bruno Lima;987.654.321-00;bruno@email.com.br;R$ 350,00;Atendido;Carla\n"
        "1003;12/02/2026;Ana Souza;123.456.789-09;ana@email.com.br;R$ 89,90;Atendido;Pedro\n"
        "1004;15/02/2026;Camila Rocha;111.222.333-44;camila@email.com.br;R$ 2.500,00;Cancelado;"
        "Pedro\n"
        "1005;20/02/2026;Diego Alves;555.666.777-88;diego@email.com.br;R$ 480,00;Em aberto;Carla\n"
        "1006;25/02/2026;Empório Verde;12.345.678/0001-90;compras@emporio.com.br;R$ 12.000,00;"
        "Atendido;Pedro\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 2500.0), ("contact", 1, 480.0), ("purchase", 4, 13674.46)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_a_polish_invoice_list(tmp_path):
    """Fakturownia-like: opłacona 1 234,56 + 5 000 + 500 = 6,734.56 (brutto), wystawiona
    (issued, unpaid) a contact, anulowana a cancellation. Before: reference rows, no
    client."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Numer;Data wystawienia;Termin płatności;Nabywca;NIP nabywcy;Wartość netto;"
        "Wartość brutto;Waluta;Status\n"
        "FV 1/01/2026;07.01.2026;21.01.2026;Piekarnia Kowalski;5213456789;1 003,71 zł;"
        "1 234,56 zł;PLN;opłacona\n"
        "FV 2/01/2026;19.01.2026;02.02.2026;Hurtownia Nowak;7010203040;4 065,04 zł;"
        "5 000,00 zł;PLN;opłacona\n"
        "FV 1/02/2026;04.02.2026;18.02.2026;Salon Urody Anna;9512345678;650,41 zł;800,00 zł;"
        "PLN;wystawiona\n"
        "FV 2/02/2026;16.02.2026;02.03.2026;Piekarnia Kowalski;5213456789;406,50 zł;500,00 zł;"
        "PLN;opłacona\n"
        "FV 1/03/2026;05.03.2026;19.03.2026;Warsztat Wiśniewski;8881234567;1 626,02 zł;"
        "2 000,00 zł;PLN;anulowana\n"))
    assert found["kind"] == "events"
    assert found["mapping"]["Nabywca"] == "name"
    assert found["mapping"]["Wartość brutto"] == "amount"
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 2000.0), ("contact", 1, 800.0), ("purchase", 3, 6734.56)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_a_swedish_invoice_list(tmp_path):
    """Fortnox-like: Betald 12 500 + 1 234,56 + 3 750 = 17,484.56; Förfallen and Obetald
    unpaid; Makulerad (voided) a cancellation; the clients are the Kund, keyed by Kundnr.
    Before: 6 clients named by the invoice numbers, no sale."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Fakturanr;Kundnr;Kund;Fakturadatum;Förfallodatum;Belopp;Valuta;Status\n"
        "1001;501;Café Solros AB;2026-01-09;2026-02-08;12 500,00 kr;SEK;Betald\n"
        "1002;502;Frisörsalong Lind;2026-01-20;2026-02-19;1 234,56 kr;SEK;Betald\n"
        "1003;503;Bygg & Måleri Ek;2026-02-02;2026-03-04;45 000,00 kr;SEK;Förfallen\n"
        "1004;501;Café Solros AB;2026-02-16;2026-03-18;3 750,00 kr;SEK;Betald\n"
        "1005;504;Tandläkare Berg;2026-03-02;2026-04-01;8 900,00 kr;SEK;Makulerad\n"
        "1006;502;Frisörsalong Lind;2026-03-10;2026-04-09;1 234,56 kr;SEK;Obetald\n"))
    assert (found["mapping"]["Fakturanr"], found["mapping"]["Kundnr"],
            found["mapping"]["Kund"]) == ("order_id", "client_id", "name")
    assert _names(tmp_path) == ["Bygg & Måleri Ek", "Café Solros AB", "Frisörsalong Lind",
                                "Tandläkare Berg"]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 8900.0), ("contact", 2, 46234.56), ("purchase", 3, 17484.56)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def _import_xlsx(tmp_path, name: str, sheets: dict) -> dict:
    path = tmp_path / name
    path.write_bytes(xlsx_bytes(sheets))
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    return found


def test_a_danish_invoice_list_with_an_amount_typed_as_text(tmp_path):
    """Billy-like: Betalt 10.000 + 1.500 ("1.500,00 kr." typed as text) + 1.000 = 12,500
    (inkl. moms); Overskredet (overdue) and Kladde (draft) no sale; 05-01-2026 the 5th of
    January. Before: 5 contacts with no amount."""
    found = _import_xlsx(tmp_path, "export.xlsx", {"Ark1": [
        ["Nr.", "Dato", "Forfaldsdato", "Kunde", "Beløb ekskl. moms", "Beløb inkl. moms",
         "Status"],
        [1, "05-01-2026", "13-01-2026", "Hansens Bageri ApS", 8000, 10000, "Betalt"],
        [2, "14-01-2026", "22-01-2026", "Tømrer Jensen", "1.200,00 kr.", "1.500,00 kr.",
         "Betalt"],
        [3, "02-02-2026", "10-02-2026", "Nielsen Revision", 2400, 3000, "Overskredet"],
        [4, "13-02-2026", "21-02-2026", "Hansens Bageri ApS", 800, 1000, "Betalt"],
        [5, "03-03-2026", "11-03-2026", "Café Pedersen", 400, 500, "Kladde"]]})
    assert found["mapping"]["Beløb inkl. moms"] == "amount"
    assert found["mapping"]["Beløb ekskl. moms"] is None
    assert workspace_rows(tmp_path, KINDS) == [("contact", 2, 3500.0), ("purchase", 3, 12500.0)]
    assert workspace_rows(tmp_path, "SELECT MIN(date) FROM events") == [("2026-01-05",)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_japanese_headers_and_statuses(tmp_path):
    """支払済み (paid) 12,800 + 3,300 + 5,500 = 21,600; キャンセル a cancellation; 未払い
    (unpaid) a contact; 顧客名 the name. Before: 5 contacts keyed by e-mail, no amount."""
    found = cli_import_text(tmp_path, "export.csv", (
        "注文番号,注文日,顧客名,メールアドレス,合計金額,支払状況\n"
        "A-0001,2026/03/01,Tanaka Yuki,yuki@example.jp,\"¥12,800\",支払済み\n"
        "A-0002,2026/03/03,Sato Hiroshi,sato@example.jp,\"¥3,300\",支払済み\n"
        "A-0003,2026/03/05,Tanaka Yuki,yuki@example.jp,\"¥5,500\",支払済み\n"
        "A-0004,2026/03/08,Suzuki Aiko,aiko@example.jp,\"¥8,800\",キャンセル\n"
        "A-0005,2026/03/12,Kobayashi Ken,ken@example.jp,\"¥22,000\",未払い\n"))
    assert found["mapping"] == {"注文番号": "order_id", "注文日": "date", "顧客名": "name",
                                "メールアドレス": "email", "合計金額": "amount",
                                "支払状況": "status"}
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 8800.0), ("contact", 1, 22000.0), ("purchase", 3, 21600.0)]
    assert _names(tmp_path) == ["Kobayashi Ken", "Sato Hiroshi", "Suzuki Aiko", "Tanaka Yuki"]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_a_mexican_cfdi_list(tmp_path):
    """Facturama-like: a CFDI "Vigente" (in force) is an invoice issued, a sale: 1,160 +
    12,500 + 2,320 + 580 = 16,560 in US-style pesos; "Cancelada" a cancellation; the client
    the Razón Social Receptor. Before: reference rows, no client."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Serie,Folio,Fecha,RFC Receptor,Razón Social Receptor,Subtotal,IVA,Total,Moneda,"
        "Método de Pago,Estatus\n"
        "A,101,2026-01-10T10:15:00,GOMJ800101AB1,Juan Gómez,\"$1,000.00\",$160.00,"
        "\"$1,160.00\",MXN,PUE,Vigente\n"
        "A,102,2026-01-18T12:00:00,FEL901231XY2,Ferretería El Clavo,\"$10,775.86\","
        "\"$1,724.14\",\"$12,500.00\",MXN,PUE,Vigente\n"
        "A,103,2026-02-03T09:30:00,ROLM850505CD3,María Rodríguez,$500.00,$80.00,$580.00,MXN,"
        "PUE,Cancelada\n"
        "A,104,2026-02-14T16:45:00,GOMJ800101AB1,Juan Gómez,\"$2,000.00\",$320.00,"
        "\"$2,320.00\",MXN,PUE,Vigente\n"
        "A,105,2026-03-01T11:00:00,ROLM850505CD3,María Rodríguez,$500.00,$80.00,$580.00,MXN,"
        "PUE,Vigente\n"))
    assert found["kind"] == "events"
    assert (found["mapping"]["Razón Social Receptor"], found["mapping"]["Folio"],
            found["mapping"]["Estatus"]) == ("name", "order_id", "status")
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 580.0), ("purchase", 4, 16560.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_lexoffices_brutto_is_the_amount(tmp_path):
    """Netto, USt. and Brutto: the amount paid is the Brutto: 1.234,51 + 499,80 = 1,734.31
    (Netto would be 1,457.40). Before: no amount at all."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Rechnungsnummer;Rechnungsdatum;Kundennummer;Kunde;Netto;USt.;Brutto;Status\n"
        "RE-1;05.01.2026;10001;Bäckerei Ott;1.037,40;197,11;1.234,51;bezahlt\n"
        "RE-2;12.01.2026;10002;Metzgerei Kahn;420,00;79,80;499,80;bezahlt\n"
        "RE-3;03.02.2026;10003;Café Lutz;2.100,00;399,00;2.499,00;überfällig\n"))
    assert (found["mapping"]["Brutto"], found["mapping"]["Netto"]) == ("amount", None)
    assert workspace_rows(tmp_path, KINDS) == [("contact", 1, 2499.0), ("purchase", 2, 1734.31)]


def test_bexios_kontakt_names_the_client(tmp_path):
    """bexio's invoices: "Kontakt" is the customer, "Nr." the invoice's number. Bezahlt
    1'234.50 + 12'000 + 450 and Teilweise bezahlt 1’500 = 15,184.50; Huber bought twice.
    Before: 6 clients named RE-00031..., [6, 4, 4, 0, 0]."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Nr.;Titel;Kontakt;Datum;Fällig am;Total;Status\n"
        "RE-00031;Webdesign;Gärtnerei Huber AG;08.01.2026;07.02.2026;CHF 1'234.50;Bezahlt\n"
        "RE-00032;Beratung;Müller Treuhand GmbH;20.01.2026;19.02.2026;CHF 12'000.00;Bezahlt\n"
        "RE-00033;Hosting;Gärtnerei Huber AG;03.02.2026;05.03.2026;CHF 450.00;Bezahlt\n"
        "RE-00034;Workshop;Käserei Zürcher;16.02.2026;18.03.2026;CHF 2’800.00;Offen\n"
        "RE-00035;Fotos;Hotel Alpenblick;02.03.2026;01.04.2026;CHF 980.00;Storniert\n"
        "RE-00036;Logo;Hotel Alpenblick;12.03.2026;11.04.2026;CHF 1’500.00;Teilweise bezahlt\n"))
    assert found["mapping"]["Kontakt"] == "name"
    assert _names(tmp_path) == ["Gärtnerei Huber AG", "Hotel Alpenblick", "Käserei Zürcher",
                                "Müller Treuhand GmbH"]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 980.0), ("contact", 1, 2800.0), ("purchase", 4, 15184.5)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_a_kontakt_beside_the_firm_is_the_person_there(tmp_path):
    """Where a column names the client ("Firma"), "Kontakt" is the person at it."""
    cli_import_text(tmp_path, "kunden.csv", (
        "Firma;Kontakt;E-Mail;Status\n"
        "Bäckerei Ott;Hans Ott;hans@ott.example;Kunde\n"
        "Café Lutz;Eva Lutz;eva@lutz.example;Interessent\n"))
    assert workspace_rows(tmp_path, "SELECT name, contact_name FROM clients ORDER BY name") == [
        ("Bäckerei Ott", "Hans Ott"), ("Café Lutz", "Eva Lutz")]


def test_complaint_logs_named_in_other_languages(tmp_path):
    """A Dutch sheet "Klachten 2026" and a Peruvian "libro de reclamaciones": each row a
    complaint (4 + 4), not a contact; no sale from the disputed amount. Before: 8 contacts."""
    _import_xlsx(tmp_path, "register.xlsx", {"Klachten 2026": [
        ["Datum melding", "Klantnaam", "Omschrijving klacht", "Behandelaar", "Status"],
        ["06-01-2026", "Familie de Boer", "Monteur te laat", "Sanne", "Afgehandeld"],
        ["14-01-2026", "Jan Visser", "Factuur klopt niet", "Joost", "Afgehandeld"],
        ["03-02-2026", "Familie de Boer", "Lekkage na reparatie", "Sanne", "In behandeling"],
        ["13-02-2026", "Petra Smit", "Onvriendelijk", "Joost", "Afgehandeld"]]})
    cli_import_text(tmp_path, "libro_reclamaciones.csv", (
        "N° Hoja;Fecha;Consumidor;DNI;Correo;Tipo;Detalle;Monto reclamado;Estado\n"
        "001-2026;15 de enero de 2026;Rosa Quispe;45678912;rosa@example.pe;Reclamo;"
        "Producto dañado;S/ 150,00;Atendido\n"
        "002-2026;3 de febrero de 2026;Jorge Huamán;41234567;jorge@example.pe;Queja;"
        "Mala atención;;Atendido\n"
        "003-2026;20 de febrero de 2026;Rosa Quispe;45678912;rosa@example.pe;Reclamo;"
        "Cobro duplicado;S/ 89,90;En proceso\n"
        "004-2026;2 de marzo de 2026;Ana Torres;70123456;ana@example.pe;Queja;Demora;;"
        "Atendido\n"))
    assert workspace_rows(tmp_path, "SELECT kind, COUNT(*) FROM events GROUP BY kind") == [
        ("complaint", 8)]
    assert workspace_rows(tmp_path, "SELECT date FROM events WHERE date LIKE '2026-02%' "
                                    "ORDER BY date") == [
        ("2026-02-03",), ("2026-02-03",), ("2026-02-13",), ("2026-02-20",)]
    assert len(_names(tmp_path)) == 6
    assert cli_funnel(tmp_path) == [6, 0, 0, 0, 0]


def test_a_deal_sold_at_its_closing_stage_is_a_customer(tmp_path):
    """RD Station CRM's deals: Estado "Vendida" at Etapa "Fechamento" is won (Clínica, Auto
    Center); Perdida a lost deal at Negociação (consideration); Em andamento open;
    the deal's "Nome" is no client. Before: [5, 4, 0, 0, 0] ("Fechamento" left to map,
    before that [5, 3, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "export.csv", (
        "Nome,Empresa,Valor Único,Funil de vendas,Etapa,Estado,Data de criação,Responsável\n"
        "Site novo,Padaria Pão Quente,\"R$ 4.500,00\",Funil padrão,Proposta enviada,"
        "Em andamento,05/01/2026,Rafael\n"
        "Consultoria SEO,Clínica Vida,\"R$ 2.000,00\",Funil padrão,Fechamento,Vendida,"
        "10/01/2026,Rafael\n"
        "Loja virtual,Moda Bella,\"R$ 9.800,00\",Funil padrão,Negociação,Perdida,15/01/2026,"
        "Juliana\n"
        "Manutenção,Auto Center Sul,\"R$ 1.200,00\",Funil padrão,Fechamento,Vendida,"
        "01/02/2026,Juliana\n"
        "Landing page,Escola Aprender,\"R$ 1.500,00\",Funil padrão,Sem contato,Em andamento,"
        "03/03/2026,Rafael\n"))
    assert found["unknown_stage_values"] == {}
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, outcome FROM clients "
                                    "ORDER BY name") == [
        ("Auto Center Sul", "purchase", None), ("Clínica Vida", "purchase", None),
        ("Escola Aprender", "awareness", None), ("Moda Bella", "consideration", "lost"),
        ("Padaria Pão Quente", "consideration", None)]
    assert cli_funnel(tmp_path) == [5, 4, 2, 0, 0]


def test_a_pipelines_bare_amount_is_revenue_only_where_the_deal_was_won(tmp_path):
    """A French pipeline's "Montant" beside its "Étape": Gagnée 3 200 + 15 000 = 18,200
    brought; Premier contact, Devis envoyé and Négociation 5 000 + 12 500 + 8 000 = 25,500
    to come; Perdue 4 500 neither. Before: 48,200 of current revenue (every deal's sum)."""
    found = cli_import_text(tmp_path, "pipeline.csv", (
        "Société;Contact;E-mail;Étape;Montant;Date de création\n"
        "Agence Moreau;Claire;claire@moreau.example;Premier contact;5 000 €;05/01/2026\n"
        "Imprimerie Blanc;Paul;paul@blanc.example;Devis envoyé;12 500 €;12/01/2026\n"
        "Studio Garnier;Léa;lea@garnier.example;Négociation;8 000 €;20/01/2026\n"
        "Traiteur Roux;Marc;marc@roux.example;Gagnée;3 200 €;02/02/2026\n"
        "Pharmacie Faure;Anne;anne@faure.example;Perdue;4 500 €;10/02/2026\n"
        "Cave Mercier;Hugo;hugo@mercier.example;Gagnée;15 000 €;01/03/2026\n"))
    assert found["kind"] == "clients"
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(18200.0, 25500.0)]
    assert cli_funnel(tmp_path) == [6, 4, 2, 0, 0]


def test_a_client_lists_sales_beside_a_stage_stay_its_revenue(tmp_path):
    """"Umsatz" (turnover) is each client's revenue, whatever their stage."""
    cli_import_text(tmp_path, "kunden.csv", (
        "Firma;Phase;Umsatz\nBäckerei Ott;Interessent;1.200,00\nCafé Lutz;Kunde;800,00\n"))
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(2000.0, None)]
