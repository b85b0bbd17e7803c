"""Owners outside the English-speaking world (session 17): a German hairdresser's client
sheet, Swiss invoices in francs, a French beautician's client file, a Spanish hairdresser's
list, Fatture in Cloud, Moneybird, a Polish salon's sheet, a Swedish Visma export with a
second currency, a Japanese salon's sheet, InvoiceXpress (Portugal), an Austrian client card
file and SmartBill (Romania). Each through the command line, its figures worked out by hand
before importing (/tmp/s17/workD/EXPECTED.md); "Before" says what the same file gave until
then."""

from __future__ import annotations

import pandas as pd

from conftest import cli_funnel, cli_import_book, cli_import_text, cli_json, workspace_rows
from journey import values

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"
CLIENTS = "SELECT COUNT(*) FROM clients"


def test_a_hairdressers_sheet_with_a_bezahlt_column_and_a_part_payment(tmp_path):
    """Kundin names the client; bezahlt ja is a sale, nein a contact, Teilzahlung (paid in
    part) a sale: 45 + 89,50 + 1.120 + 65 + 35 = 1,354.50; the Summe row no one. Anna and
    Petra came on two days. Before: no names, all six rows sales (1,382.50), [4, 4, 4, 2, 0]."""
    path = tmp_path / "kundenliste.csv"
    path.write_bytes((
        "Termin;Kundin;Telefon;E-Mail;Leistung;Betrag (€);bezahlt\n"
        "03.11.2026;Müller, Anna;0171 2345678;anna.mueller@web.de;Schneiden;45,00 €;ja\n"
        "05.11.2026;Schröder, Petra;0160 9988776;;Färben;89,50 €;ja\n"
        "12.11.2026;Weiß, Jürgen;;j.weiss@gmx.de;Herrenschnitt;28,00 €;nein\n"
        "19.11.2026;Müller, Anna;0171 2345678;anna.mueller@web.de;Strähnen;1.120,00 €;ja\n"
        "24.11.2026;Öztürk, Aylin;0152 1112223;aylin@t-online.de;Hochsteckfrisur;65,00 €;"
        "Teilzahlung\n"
        "26.11.2026;Schröder, Petra;0160 9988776;;Schneiden;35,00 €;ja\n"
        ";;;;Summe;1.382,50 €;\n").encode("cp1252"))
    cli_json(tmp_path, "import", str(path))
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Müller, Anna",), ("Schröder, Petra",), ("Weiß, Jürgen",), ("Öztürk, Aylin",)]
    assert workspace_rows(tmp_path, KINDS) == [("contact", 1, 28.0), ("purchase", 5, 1354.5)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]


def test_swiss_francs_with_a_dash_for_the_cents_and_a_second_currency(tmp_path):
    """"Fr. 45.–", "120.–", "CHF 1'234.50": bezahlt 45 + 1,234.50 + 90 and the Teilzahlung
    of € 480 = 1,849.50 as written (the import says two currencies); the Gutschrift of
    -200.– a refund, storniert a cancellation, offen a contact. Before: no amount at all
    (Betrag unread) and the Gutschrift a sale: [5, 3, 3, 2, 0]."""
    found = cli_import_text(tmp_path, "rechnungen.csv", (
        "Rechnungsdatum;Rechnungs-Nr.;Kunde;E-Mail;Betrag;Währung;Status\n"
        "03.11.2026;R-101;Gasser Reto;reto.gasser@bluewin.ch;Fr. 45.–;CHF;bezahlt\n"
        "04.11.2026;R-102;Bäckerei Zürcher AG;info@zuercher-beck.ch;CHF 1'234.50;CHF;bezahlt\n"
        "10.11.2026;R-103;Huber Monika;m.huber@gmx.ch;120.–;CHF;offen\n"
        "12.11.2026;R-104;Gasser Reto;reto.gasser@bluewin.ch;Fr. 90.–;CHF;bezahlt\n"
        "17.11.2026;R-105;Keller Sandra;;Fr. 250.–;CHF;storniert\n"
        "20.11.2026;R-106;Weber GmbH;einkauf@weber-gmbh.de;€ 480,00;EUR;Teilzahlung\n"
        "24.11.2026;G-007;Bäckerei Zürcher AG;info@zuercher-beck.ch;-200.–;CHF;Gutschrift\n"))
    assert found["mapping"]["Betrag"] == "amount"
    assert any("more than one currency" in note for note in found["notes"])
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 250.0), ("contact", 1, 120.0), ("purchase", 4, 1849.5),
        ("refund", 1, 200.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_a_dash_for_no_cents_is_a_whole_amount():
    """"45.–", "45.-", "45,—" are 45; "45.00-" (a minus written after) stays -45."""
    read, bad = values.parse_money(pd.Series(
        ["Fr. 45.–", "45.-", "45,—", "-200.–", "CHF 1'234.–", "45.00-", "–"], dtype=object))
    assert read.tolist()[:6] == [45.0, 45.0, 45.0, -200.0, 1234.0, -45.0]
    assert pd.isna(read.iloc[6]) and not bad.any()


def test_a_french_client_file_whose_regle_column_says_annule_and_avoir(tmp_path):
    """Réglé: Oui a sale (65 + 35 + "1 080,00 €" = 1,180), Non a contact, Annulé a
    cancellation, Avoir (-35) a refund; the Total row no one. Before: Non and Annulé sales
    too, 1,273 and [4, 4, 4, 1, 0]."""
    cli_import_book(tmp_path, "fichier.xlsx", {"Clients 2026": [
        ["Nom", "Prénom", "Téléphone", "E-mail", "Date du RDV", "Prestation", "Montant TTC",
         "Réglé"],
        ["Dupont", "Marie", "06 12 34 56 78", "marie.dupont@orange.fr", "03/11/2026",
         "Soin visage", 65, "Oui"],
        ["Lefèvre", "Camille", "06 98 76 54 32", None, "04/11/2026", "Épilation", 35, "Oui"],
        ["Martin", "Élodie", None, "elodie.martin@free.fr", "13/11/2026", "Manucure", 28, "Non"],
        ["Dupont", "Marie", "06 12 34 56 78", "marie.dupont@orange.fr", "20/11/2026",
         "Cure 12 massages", "1 080,00 €", "Oui"],
        ["Bernard", "Chloé", "07 11 22 33 44", "chloe.bernard@gmail.com", "25/11/2026",
         "Soin visage", 65, "Annulé"],
        ["Lefèvre", "Camille", "06 98 76 54 32", None, "27/11/2026", "Avoir épilation", -35,
         "Avoir"],
        [None, None, None, None, None, "Total", 1238, None]]})
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 65.0), ("contact", 1, 28.0), ("purchase", 3, 1180.0),
        ("refund", 1, 35.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_a_spanish_hairdressers_pagado_column_with_anulado_and_pago_parcial(tmp_path):
    """Pagado: Sí a sale, No a contact, Anulado a cancellation, Pago parcial a sale: 25 +
    15 + 48,50 + 120 = 208.50. Before: every row a sale, 1,373.50, [4, 4, 4, 2, 0]."""
    cli_import_text(tmp_path, "clientes.csv", (
        "Fecha;Cliente;Teléfono;Email;Servicio;Importe;Pagado\n"
        "03/11/2026;Lucía Fernández;612 345 678;lucia.fdez@gmail.com;Corte;25,00 €;Sí\n"
        "05/11/2026;Javier Ruiz;655 111 222;;Corte caballero;15,00 €;Sí\n"
        "11/11/2026;Carmen López;699 888 777;carmen.lopez@hotmail.es;Mechas;1.150,00 €;No\n"
        "14/11/2026;Lucía Fernández;612 345 678;lucia.fdez@gmail.com;Tinte;48,50 €;Sí\n"
        "21/11/2026;Javier Ruiz;655 111 222;;Corte caballero;15,00 €;Anulado\n"
        "28/11/2026;Marta Gómez;634 222 333;marta.gomez@yahoo.es;Alisado;120,00 €;"
        "Pago parcial\n"
        ";;;;TOTAL;1.373,50 €;\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 15.0), ("contact", 1, 1150.0), ("purchase", 4, 208.5)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_fatture_in_cloud_non_saldato_is_no_sale(tmp_path):
    """Importo totale: Saldato 122 + 1.220 and Saldato parzialmente 305 = 1,647; Non
    saldato a contact; the Nota di credito a refund, Annullato a cancellation. Before: Non
    saldato a sale (2,257), [4, 3, 3, 1, 0]."""
    cli_import_text(tmp_path, "fatture.csv", (
        "Data;Numero;Cliente;Partita IVA;Imponibile;IVA;Importo totale;Stato;Scadenza\n"
        "03/11/2026;1/2026;Rossi Mario;01234567890;100,00;22,00;122,00;Saldato;03/12/2026\n"
        "05/11/2026;2/2026;Bar Centrale;09876543210;1.000,00;220,00;1.220,00;Saldato;"
        "05/12/2026\n"
        "12/11/2026;3/2026;Bianchi Giulia;;500,00;110,00;610,00;Non saldato;12/12/2026\n"
        "18/11/2026;4/2026;Rossi Mario;01234567890;250,00;55,00;305,00;Saldato parzialmente;"
        "18/12/2026\n"
        "25/11/2026;NC 1/2026;Bar Centrale;09876543210;-100,00;-22,00;-122,00;"
        "Nota di credito;\n"
        "27/11/2026;5/2026;Verdi Luca;;80,00;17,60;97,60;Annullato;\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 97.6), ("contact", 1, 610.0), ("purchase", 3, 1647.0),
        ("refund", 1, 122.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_moneybird_te_laat_and_oninbaar_are_no_sales(tmp_path):
    """Betaald 1.210 + 302,50 + 484 = 1,996.50; the credit invoice (Betaald, -302,50) a
    refund; Te laat (overdue), Oninbaar (written off) and Open contacts. Before: Te laat
    and Oninbaar sales (2,274.80), [5, 4, 4, 1, 0]."""
    cli_import_text(tmp_path, "facturen.csv", (
        "Factuurnummer,Factuurdatum,Vervaldatum,Contact,E-mail,Bedrag incl. btw,Status\n"
        '2026-0101,3-11-2026,17-11-2026,Bakkerij de Vries,info@devries.nl,"€ 1.210,00",Betaald\n'
        '2026-0102,5-11-2026,19-11-2026,Jansen B.V.,admin@jansen.nl,"€ 302,50",Betaald\n'
        '2026-0103,10-11-2026,24-11-2026,Fam. Bakker,,"€ 96,80",Te laat\n'
        '2026-0104,20-11-2026,4-12-2026,Bakkerij de Vries,info@devries.nl,"€ 484,00",Betaald\n'
        "2026-0105,23-11-2026,7-12-2026,Café 't Hoekje,hoekje@cafe.nl,\"€ 181,50\",Oninbaar\n"
        '2026-0106,25-11-2026,9-12-2026,Jansen B.V.,admin@jansen.nl,"€ -302,50",Betaald\n'
        '2026-0107,30-11-2026,14-12-2026,Studio Smit,smit@studiosmit.nl,"€ 726,00",Open\n'))
    assert workspace_rows(tmp_path, KINDS) == [
        ("contact", 3, 1004.3), ("purchase", 3, 1996.5), ("refund", 1, 302.5)]
    assert cli_funnel(tmp_path) == [5, 2, 2, 1, 0]


def test_a_polish_salons_zaplacono_column_and_its_razem_row(tmp_path):
    """Imię i nazwisko names the client; Zapłacono tak a sale, nie a contact, anulowano a
    cancellation, częściowo (in part) a sale: 80 + 1 250 + 95,50 + 70 = 1,495.50; the Razem
    row no one. Before: no names, every row a contact, the Razem row among them,
    [4, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "klienci.csv", (
        "Data;Imię i nazwisko;Telefon;E-mail;Usługa;Kwota (zł);Zapłacono\n"
        "03.11.2026;Katarzyna Nowak;501 234 567;k.nowak@wp.pl;Strzyżenie;80,00;tak\n"
        "06.11.2026;Piotr Wiśniewski;602 345 678;;Koloryzacja;1 250,00;tak\n"
        "09.11.2026;Agnieszka Wójcik;;a.wojcik@onet.pl;Manicure;60,00;nie\n"
        "16.11.2026;Katarzyna Nowak;501 234 567;k.nowak@wp.pl;Modelowanie;95,50;tak\n"
        "20.11.2026;Tomasz Kamiński;703 456 789;tomek.k@gmail.com;Strzyżenie;50,00;anulowano\n"
        "27.11.2026;Agnieszka Wójcik;;a.wojcik@onet.pl;Pedicure;70,00;częściowo\n"
        ";;;;Razem;1 605,50;\n"))
    assert workspace_rows(tmp_path, CLIENTS) == [(4,)]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 50.0), ("contact", 1, 60.0), ("purchase", 4, 1495.5)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_visma_invoices_totalt_inkl_moms_in_kronor_and_euros(tmp_path):
    """Totalt inkl. moms ("kr 1 234,50"): Betald 1 234,50 + 12 500 + € 800 and Delbetald
    650 = 15,184.50 as written (two currencies, said); Kreditfaktura a refund, Makulerad a
    cancellation, Obetald a contact. Before: no amount, every row a contact, [5, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "kundfakturor.csv", (
        "Fakturanummer;Kundnamn;Fakturadatum;Förfallodatum;Totalt inkl. moms;Valuta;Status\n"
        "501;Frisör Lind;2026-11-03;2026-12-03;kr 1 234,50;SEK;Betald\n"
        "502;Café Solros AB;2026-11-04;2026-12-04;kr 12 500,00;SEK;Betald\n"
        "503;Nordic Design OY;2026-11-09;2026-12-09;€ 800,00;EUR;Betald\n"
        "504;Frisör Lind;2026-11-20;2026-12-20;kr 650,00;SEK;Delbetald\n"
        "505;Bygg Ek;2026-11-23;2026-12-23;kr 3 000,00;SEK;Makulerad\n"
        "506;Café Solros AB;2026-11-25;2026-12-25;-2 500,00 kr;SEK;Kreditfaktura\n"
        "507;Tandläkare Berg;2026-11-30;2026-12-30;kr 4 400,00;SEK;Obetald\n"))
    assert any("more than one currency" in note for note in found["notes"])
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 3000.0), ("contact", 1, 4400.0), ("purchase", 4, 15184.5),
        ("refund", 1, 2500.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_a_japanese_salons_sheet_paid_column_and_its_total_row(tmp_path):
    """支払い (paid): 済 (done) a sale, 未 (not yet) a contact, キャンセル a cancellation:
    ¥5,500 + ¥8,800 + ¥5,500 = 19,800; the 合計 row no one. Before: every row a contact,
    the 合計 row among them (70,400), [4, 0, 0, 0, 0]."""
    cli_import_book(tmp_path, "kokyaku.xlsx", {"顧客管理": [
        ["日付", "お客様名", "電話番号", "メールアドレス", "メニュー", "金額", "支払い"],
        ["2026/11/03", "山田 花子", "090-1234-5678", "hanako@example.jp", "カット", "¥5,500", "済"],
        ["2026/11/05", "佐藤 健", "080-2222-3333", None, "カラー", "¥8,800", "済"],
        ["2026/11/12", "鈴木 一郎", "070-4444-5555", "ichiro@example.jp", "パーマ", "¥12,100", "未"],
        ["2026/11/19", "山田 花子", "090-1234-5678", "hanako@example.jp", "カット", "¥5,500", "済"],
        ["2026/11/26", "高橋 美咲", None, "misaki@example.jp", "トリートメント", "¥3,300",
         "キャンセル"],
        [None, None, None, None, "合計", "¥35,200", None]]})
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 3300.0), ("contact", 1, 12100.0), ("purchase", 3, 19800.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_invoicexpress_paga_says_the_invoices_are_paid(tmp_path):
    """Estado Paga (paid, feminine) makes the list's statuses an invoice list's: 123 +
    1.230 + 61,50 = 1,414.50; the Nota de Crédito (-123, Finalizada) a refund; Em atraso a
    contact, Anulada a cancellation. (A file named for its export, not "faturas", whose
    name alone would say each row is an invoice.) Before: every row but the cancellation a
    contact, [4, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "export_2026-11.csv", (
        "Data;Tipo;Número;Cliente;NIF;Email;Valor sem IVA;IVA;Total;Estado\n"
        "03/11/2026;Fatura-Recibo;FR 2026/1;Maria Santos;123456789;maria@sapo.pt;100,00 €;"
        "23,00 €;123,00 €;Paga\n"
        "05/11/2026;Fatura;FT 2026/1;Pastelaria Belém;501234567;geral@belem.pt;1.000,00 €;"
        "230,00 €;1.230,00 €;Paga\n"
        "10/11/2026;Fatura;FT 2026/2;Rui Costa;;rui.costa@gmail.com;200,00 €;46,00 €;"
        "246,00 €;Em atraso\n"
        "17/11/2026;Fatura;FT 2026/3;Maria Santos;123456789;maria@sapo.pt;50,00 €;11,50 €;"
        "61,50 €;Paga\n"
        "20/11/2026;Nota de Crédito;NC 2026/1;Pastelaria Belém;501234567;geral@belem.pt;"
        "-100,00 €;-23,00 €;-123,00 €;Finalizada\n"
        "25/11/2026;Fatura;FT 2026/4;Sofia Almeida;;;80,00 €;18,40 €;98,40 €;Anulada\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 98.4), ("contact", 1, 246.0), ("purchase", 3, 1414.5),
        ("refund", 1, 123.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_an_austrian_client_card_file_with_visits_and_who_referred_whom(tmp_path):
    """Besuche (visits) and Umsatz gesamt: Huber 14 visits (1.234,50), Gruber 1 (45),
    Pichler 6 (520, Abgewandert: left) = 1,799.50; Gruber "Empfohlen von" Huber: Huber's
    referral (advocacy); Wagner a prospect; the Gesamt row no one. Before: Besuche, Umsatz
    gesamt, Letzter Besuch and Empfohlen von unread, [4, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "kundenkartei.csv", (
        "Kunde;E-Mail;Telefon;Erstbesuch;Letzter Besuch;Besuche;Umsatz gesamt;Status;"
        "Empfohlen von\n"
        "Huber Maria;maria.huber@aon.at;0664 1234567;12.03.2025;3.11.2026;14;€ 1.234,50;"
        "Stammkundin;\n"
        "Gruber Thomas;;0676 9876543;5.10.2026;5.10.2026;1;€ 45,00;Neukunde;Huber Maria\n"
        "Wagner Eva;eva.wagner@gmx.at;;20.11.2026;;0;€ 0,00;Interessentin;\n"
        "Pichler Sabine;s.pichler@chello.at;0650 1112223;1.2.2024;15.6.2025;6;€ 520,00;"
        "Abgewandert;\n"
        "Gesamt;;;;;21;€ 1.799,50;;\n"))
    assert {h: found["mapping"][h] for h in ("Besuche", "Umsatz gesamt", "Letzter Besuch")} == {
        "Besuche": "purchases", "Umsatz gesamt": "revenue_current",
        "Letzter Besuch": "last_contact"}
    assert workspace_rows(tmp_path, (
        "SELECT name, furthest_stage, purchases, revenue_current, referrals FROM clients "
        "ORDER BY name")) == [
        ("Gruber Thomas", "purchase", 1, 45.0, None),
        ("Huber Maria", "advocacy", 14, 1234.5, 1),
        ("Pichler Sabine", "retention", 6, 520.0, None),
        ("Wagner Eva", "awareness", 0, 0.0, None)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 1]


def test_smartbill_incasata_is_paid(tmp_path):
    """Stare: Încasată (collected) 1.190 + 238 and Încasată parțial 595 = 2,023;
    Neîncasată a contact, Anulată a cancellation. Before: Stare unread, every row a contact,
    [4, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "facturi.csv", (
        "Serie;Număr;Data;Client;CIF;Valoare fără TVA;TVA;Total;Monedă;Stare\n"
        "FCT;0101;03.11.2026;SC Floare SRL;RO12345678;1.000,00;190,00;1.190,00;RON;Încasată\n"
        "FCT;0102;05.11.2026;Ion Popescu;;200,00;38,00;238,00;RON;Încasată\n"
        "FCT;0103;10.11.2026;Maria Ionescu;;150,00;28,50;178,50;RON;Neîncasată\n"
        "FCT;0104;18.11.2026;SC Floare SRL;RO12345678;500,00;95,00;595,00;RON;"
        "Încasată parțial\n"
        "FCT;0105;20.11.2026;Andrei Dumitrescu;;300,00;57,00;357,00;RON;Anulată\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 357.0), ("contact", 1, 178.5), ("purchase", 3, 2023.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]
