"""Sheets of businesses in Italy and the Netherlands (and Flanders), read as they mean them:
their headers, status and stage words, sheet names, written-out dates, sì/no and ja/nee.
Hand-worked figures through the command line; the first two are a tester's files (session
11's second sweep), whose rows all became contacts or reference data before."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, cli_json, workspace_rows, xlsx_bytes

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"
CLIENTS = "SELECT COUNT(*) FROM clients"


def import_bytes(tmp_path, name: str, data: bytes) -> dict:
    """Write ``data`` to TMP/NAME and import it with the command line: its one sheet's JSON."""
    path = tmp_path / name
    path.write_bytes(data)
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    return found


# The tester's Italian invoice list: ';', Windows-1252 ("già"), Italian money and d/m dates.
FATTURE = (
    "Cliente;Fattura;Data;Importo;Stato;Note\n"
    "Rossi Srl;FT 1/2024;05/01/2024;1.220,00;Pagata;\n"
    "Bar Centrale;FT 2/2024;10/01/2024;244,00;Pagata;\n"
    "Studio Verdi;FT 3/2024;18/01/2024;3.050,00;Da pagare;sollecito inviato\n"
    "Rossi Srl;FT 4/2024;14/02/2024;610,00;Pagata;\n"
    "Ottica Neri;FT 5/2024;20/02/2024;450,00;Stornata;emessa per errore\n"
    "Bar Centrale;FT 6/2024;05/03/2024;244,00;Pagata;\n"
    "Hotel Lago;FT 7/2024;13/03/2024;5.490,00;Pagata;caparra già ricevuta\n"
    "Ottica Neri;FT 8/2024;21/03/2024;450,00;Pagata;sostituisce FT 5\n")


def test_the_testers_italian_invoices(tmp_path):
    """EXPECTED.md 28: 5 clients; Pagata 6 = 8,258; Da pagare no sale; Stornata a
    cancellation; customers Rossi, Bar, Hotel, Ottica; Rossi and Bar bought again."""
    found = import_bytes(tmp_path, "fatture_clienti.csv", FATTURE.encode("cp1252"))
    assert found["kind"] == "events"
    assert found["mapping"] == {"Cliente": "name", "Fattura": "order_id", "Data": "date",
                                "Importo": "amount", "Stato": "status", "Note": "note"}
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 450.0), ("contact", 1, 3050.0), ("purchase", 6, 8258.0)]
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name") == [
        ("Bar Centrale", "retention"), ("Hotel Lago", "purchase"), ("Ottica Neri", "purchase"),
        ("Rossi Srl", "retention"), ("Studio Verdi", "awareness")]
    assert cli_funnel(tmp_path) == [5, 4, 4, 2, 0]
    assert workspace_rows(tmp_path, "SELECT date, note FROM events WHERE order_id = 'FT 7/2024'"
                          ) == [("2024-03-13", "caparra già ricevuta")]


# The tester's Dutch invoice list: money as text "€ 1.250,00", dates dd-mm-yyyy, a title.
FACTUREN = [
    ["Klant", "Factuurnummer", "Factuurdatum", "Bedrag", "Betaald", "Status"],
    ["Bakkerij de Vries", "F2024-001", "08-01-2024", "€ 1.250,00", "ja", "betaald"],
    ["Kapsalon Mooi", "F2024-002", "15-01-2024", "€ 320,50", "ja", "betaald"],
    ["Bakkerij de Vries", "F2024-003", "12-02-2024", "€ 980,00", "ja", "betaald"],
    ["Fietsen Jansen", "F2024-004", "20-02-2024", "€ 2.400,00", "nee", "open"],
    ["Tandarts Bos", "F2024-005", "01-03-2024", "€ 650,00", "nee", "vervallen"],
    ["Kapsalon Mooi", "F2024-006", "13-03-2024", "€ 320,50", "ja", "betaald"],
    ["Hotel Zeezicht", "F2024-007", "18-03-2024", "€ 4.100,00", "ja", "betaald"],
    ["Hotel Zeezicht", "F2024-008", "25-03-2024", "-€ 400,00", "nee", "gecrediteerd"],
    ["Café 't Hoekje", "F2024-009", "02-04-2024", "€ 89,95", "ja", "betaald"]]


def test_the_testers_dutch_invoices(tmp_path):
    """EXPECTED.md 27: 6 clients; betaald 6 = 7,060.95; open and vervallen not paid; the
    credit of -€ 400 a refund of 400 (the money gone back, whatever its sign),
    not a purchase; customers Bakkerij, Kapsalon, Hotel, Café; Bakkerij and Kapsalon
    bought again; 13-03 says the dates are day first."""
    found = import_bytes(tmp_path, "facturen_klanten.xlsx", xlsx_bytes({"Facturen 2024": FACTUREN}))
    assert found["kind"] == "events"
    assert found["mapping"] == {"Klant": "name", "Factuurnummer": "order_id",
                                "Factuurdatum": "date", "Bedrag": "amount", "Betaald": None,
                                "Status": "status"}
    assert workspace_rows(tmp_path, CLIENTS) == [(6,)]
    assert workspace_rows(tmp_path, KINDS) == [
        ("contact", 2, 3050.0), ("purchase", 6, 7060.95), ("refund", 1, 400.0)]
    assert cli_funnel(tmp_path) == [6, 4, 4, 2, 0]
    assert workspace_rows(tmp_path, "SELECT order_id, date FROM events WHERE order_id IN "
                                    "('F2024-001', 'F2024-006') ORDER BY order_id") == [
        ("F2024-001", "2024-01-08"), ("F2024-006", "2024-03-13")]


def test_an_italian_client_list_with_its_own_headers_and_stages(tmp_path):
    """Nome and Cognome are one name; Fase says the stage (Perso: lost, where the client
    left); 'Ci ha consigliato' sì/no counts a referral; dates written out in Italian."""
    found = cli_import_text(tmp_path, "clienti.csv", (
        "Nome;Cognome;Email;Telefono;Città;Fase;Responsabile;Fonte;Primo contatto;"
        "Ultimo contatto;Ordini;Reclami;Ci ha consigliato\n"
        "Anna;Rossi;anna@example.it;333 111 2222;Milano;Potenziale cliente;Gianni;Instagram;"
        "5 marzo 2024;12 mar 2024;0;0;no\n"
        "Marco;Bianchi;marco@example.it;333 111 3333;Torino;In trattativa;Gianni;Fiera;"
        "3 gennaio 2024;20 feb 2024;0;0;no\n"
        "Giulia;Verdi;giulia@example.it;;Roma;Cliente;Paola;Sito;"
        "10 gen 2024;2 maggio 2024;1;1;no\n"
        "Luca;Neri;luca@example.it;;Roma;Cliente abituale;Paola;Passaparola;"
        "1 ottobre 2023;7 mag 2024;3;0;no\n"
        "Sara;Galli;sara@example.it;;Napoli;Perso;Gianni;Instagram;"
        "15 novembre 2023;1 dicembre 2023;0;0;no\n"
        "Paolo;Conti;paolo@example.it;;Milano;Cliente;Paola;Sito;"
        "2 settembre 2023;30 giu 2024;1;0;sì\n"))
    assert found["kind"] == "clients"
    assert found["mapping"] == {
        "Nome": "name", "Cognome": "name", "Email": "email", "Telefono": "phone",
        "Città": "region", "Fase": "stage", "Responsabile": "owner", "Fonte": "channel",
        "Primo contatto": "first_contact", "Ultimo contatto": "last_contact",
        "Ordini": "purchases", "Reclami": "complaints", "Ci ha consigliato": "referrals"}
    assert found["problems"] == []
    assert found["unknown_stage_values"] == {}
    assert workspace_rows(tmp_path, "SELECT name, first_contact, last_contact, referrals, "
                                    "furthest_stage, outcome FROM clients ORDER BY name") == [
        ("Anna Rossi", "2024-03-05", "2024-03-12", 0, "awareness", None),
        ("Giulia Verdi", "2024-01-10", "2024-05-02", 0, "purchase", None),
        ("Luca Neri", "2023-10-01", "2024-05-07", 0, "retention", None),
        ("Marco Bianchi", "2024-01-03", "2024-02-20", 0, "consideration", None),
        ("Paolo Conti", "2023-09-02", "2024-06-30", 1, "advocacy", None),
        ("Sara Galli", "2023-11-15", "2023-12-01", 0, "awareness", "lost")]
    assert cli_funnel(tmp_path) == [6, 4, 3, 2, 1]


def test_a_dutch_client_list_with_its_own_headers_and_stages(tmp_path):
    found = cli_import_text(tmp_path, "klanten.csv", (
        "Klantnummer;Bedrijfsnaam;E-mailadres;Telefoonnummer;Plaats;Fase;Eigenaar;Bron;"
        "Klant sinds;Aantal bestellingen;Klachten;Heeft ons aanbevolen\n"
        "K-01;Bloemen Bakker;info@bakker.nl;06 1234 5678;Utrecht;Nieuw;Sanne;Google;"
        "5 maart 2024;0;0;nee\n"
        "K-02;Garage Smit;info@smit.nl;;Gent;Offerte verstuurd;Sanne;Beurs;"
        "12 mrt 2024;0;0;nee\n"
        "K-03;Drukkerij Visser;info@visser.nl;;Leiden;Klant;Joost;Google;"
        "3 januari 2024;1;2;nee\n"
        "K-04;Yoga Mulder;info@mulder.nl;;Antwerpen;Vaste klant;Joost;Via via;"
        "20 okt 2023;4;0;ja\n"
        "K-05;Schilder de Jong;info@dejong.nl;;Delft;Verloren;Sanne;Beurs;"
        "1 mei 2024;0;0;nee\n"))
    assert found["kind"] == "clients"
    assert found["mapping"] == {
        "Klantnummer": "client_id", "Bedrijfsnaam": "name", "E-mailadres": "email",
        "Telefoonnummer": "phone", "Plaats": "region", "Fase": "stage", "Eigenaar": "owner",
        "Bron": "channel", "Klant sinds": "first_contact",
        "Aantal bestellingen": "purchases", "Klachten": "complaints",
        "Heeft ons aanbevolen": "referrals"}
    assert found["problems"] == []
    assert found["unknown_stage_values"] == {}
    assert workspace_rows(tmp_path, "SELECT client_id, first_contact, referrals, "
                                    "furthest_stage, outcome FROM clients ORDER BY client_id"
                          ) == [
        ("K-01", "2024-03-05", 0, "awareness", None),
        ("K-02", "2024-03-12", 0, "consideration", None),
        ("K-03", "2024-01-03", 0, "purchase", None),
        ("K-04", "2023-10-20", 1, "advocacy", None),
        ("K-05", "2024-05-01", 0, "awareness", "lost")]
    assert cli_funnel(tmp_path) == [5, 3, 2, 1, 1]


def test_italian_order_statuses(tmp_path):
    """Pagato and Spedito are sales; Rimborsato a sale and its refund; Annullato a
    cancellation; In attesa di pagamento, Non pagata and Scaduta no sale yet."""
    cli_import_text(tmp_path, "ordini.csv", (
        "N. ordine;Data ordine;Cliente;Totale;Stato ordine\n"
        "1001;02/04/2024;Elena;€ 80,00;Pagato\n"
        "1002;03/04/2024;Elena;€ 20,00;Spedito\n"
        "1003;03/04/2024;Franco;€ 45,50;Rimborsato\n"
        "1004;04/04/2024;Franco;€ 30,00;Annullato\n"
        "1005;05/04/2024;Irene;€ 99,00;In attesa di pagamento\n"
        "1006;06/04/2024;Irene;€ 15,00;Non pagata\n"
        "1007;07/04/2024;Carla;€ 60,00;Scaduta\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 30.0), ("contact", 3, 174.0), ("purchase", 3, 145.5),
        ("refund", 1, 45.5)]
    assert workspace_rows(tmp_path, CLIENTS) == [(4,)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]     # Elena bought on the 2nd and 3rd


def test_dutch_order_statuses(tmp_path):
    cli_import_text(tmp_path, "webshop.csv", (
        "Bestelnummer,Besteldatum,Klantnaam,Totaalbedrag,Bestelstatus\n"
        "5001,02-04-2024,Anouk,\"€ 80,00\",Betaald\n"
        "5002,13-04-2024,Anouk,\"€ 20,00\",Verzonden\n"
        "5003,03-04-2024,Bram,\"€ 45,50\",Terugbetaald\n"
        "5004,04-04-2024,Bram,\"€ 30,00\",Geannuleerd\n"
        "5005,05-04-2024,Daan,\"€ 99,00\",Openstaand\n"
        "5006,06-04-2024,Daan,\"€ 15,00\",Onbetaald\n"
        "5007,07-04-2024,Eva,\"€ 60,00\",Vervallen\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 30.0), ("contact", 3, 174.0), ("purchase", 3, 145.5),
        ("refund", 1, 45.5)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]     # Anouk bought on the 2nd and 13th


def test_a_sheet_named_for_its_sales_and_its_totals_row(tmp_path):
    """'Vendite' and 'Verkopen' say each row is a sale (no status column); a 'Totale' or
    'Totaal' row is no client and no sale."""
    found = import_bytes(tmp_path, "negozio.xlsx", xlsx_bytes({"Vendite": [
        ["Data", "Cliente", "Importo"],
        ["02/04/2024", "Elena", 80], ["03/05/2024", "Elena", 20], ["03/04/2024", "Franco", 45],
        ["Totale", None, 145]]}))
    assert found["kind"] == "events"
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 3, 145.0)]
    assert workspace_rows(tmp_path, CLIENTS) == [(2,)]
    found = import_bytes(tmp_path, "winkel.xlsx", xlsx_bytes({"Verkopen": [
        ["Klant", "Datum", "Bedrag"],
        ["Anouk", "02-04-2024", 10], ["Bram", "13-04-2024", 25], ["Totaal", None, 35]]}))
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 5, 180.0)]
    assert workspace_rows(tmp_path, CLIENTS) == [(4,)]


def test_crm_stages_and_outcomes_in_italian_and_dutch(tmp_path):
    cli_import_text(tmp_path, "pipeline.csv", (
        "Azienda,Email,Fase,Esito\n"
        "Alfa,alfa@example.com,Nuovo contatto,\n"
        "Beta,beta@example.com,Preventivo inviato,\n"
        "Gamma,gamma@example.com,Chiuso vinto,\n"
        "Delta,delta@example.com,Trattativa,Persa\n"
        "Epsilon,eps@example.com,Lead,Non interessato\n"
        "Zeta,zeta@example.com,Cliente fedele,\n"
        "Noord,noord@example.nl,Potentiële klant,\n"
        "Oost,oost@example.nl,In onderhandeling,\n"
        "Zuid,zuid@example.nl,Gewonnen,\n"
        "West,west@example.nl,Offerte,Afgewezen\n"))
    assert workspace_rows(tmp_path, "SELECT name, stage, outcome FROM clients ORDER BY id") == [
        ("Alfa", "awareness", None), ("Beta", "consideration", None),
        ("Gamma", "purchase", None), ("Delta", "consideration", "lost"),
        ("Epsilon", "awareness", "lost"), ("Zeta", "retention", None),
        ("Noord", "awareness", None), ("Oost", "consideration", None),
        ("Zuid", "purchase", None), ("West", "consideration", "lost")]
    assert cli_funnel(tmp_path) == [10, 7, 3, 1, 0]


def test_dates_written_out_in_italian_and_dutch(tmp_path):
    cli_import_text(tmp_path, "vendite.csv", (
        "Data;Cliente;Importo\n"
        "5 marzo 2024;Elena;10\n5 mar 2024;Elena;10\n1 gennaio 2024;Elena;10\n"
        "9 ago 2024;Elena;10\n5 maart 2024;Anouk;10\n5 mrt 2024;Anouk;10\n"
        "17 mei 2024;Anouk;10\n1 okt. 2024;Anouk;10\n"))
    assert workspace_rows(tmp_path, "SELECT date, COUNT(*) FROM events GROUP BY date") == [
        ("2024-01-01", 1), ("2024-03-05", 4), ("2024-05-17", 1), ("2024-08-09", 1),
        ("2024-10-01", 1)]


def test_order_lines_priced_per_unit(tmp_path):
    """Quantità × Prezzo unitario, Aantal × Stukprijs: each line's amount."""
    cli_import_text(tmp_path, "righe_ordini.csv", (
        "Ordine;Data;Cliente;Prodotto;Quantità;Prezzo unitario;Stato\n"
        "1;02/04/2024;Elena;Caffè;3;4,50;Pagato\n"
        "2;03/04/2024;Franco;Tè;2;3,00;Pagato\n"))
    cli_import_text(tmp_path, "orderregels.csv", (
        "Bestelling;Datum;Klant;Artikel;Aantal;Stukprijs;Status\n"
        "7;02-04-2024;Anouk;Koffie;4;2,50;Betaald\n"))
    assert workspace_rows(tmp_path, "SELECT order_id, amount FROM events ORDER BY amount") == [
        ("2", 6.0), ("7", 10.0), ("1", 13.5)]
