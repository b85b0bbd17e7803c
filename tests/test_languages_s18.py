"""Owners' files in languages and from tools not tried before (session 18): a Brazilian
salon's planilha with a "Pago?" column, a Portuguese clinic's client cards, a Turkish shop's
sipariş list, Greek invoices, Fakturoid (Czech), a Romanian shop's comenzi, Számlázz.hu
(Hungary), Dinero (Denmark), Tripletex (Norway), Netvisor (Finland), an Indonesian shop's
pesanan, a Vietnamese shop's đơn hàng, Tiendanube (Argentina), a Mexican CFDI list,
YCLIENTS (a Russian salon's clients) and a Ukrainian shop's замовлення. Each through the
command line, its figures worked out by hand before importing (/tmp/s18/workL/REPORT.md);
"Before" says what the same file gave until then. Not firing: a credit note's
"Utestående" of 0 is no running balance, but a balance above an invoice's amount still is
one; a cash book's "Tipo" Egreso is no credit note."""

from __future__ import annotations

import pandas as pd

from conftest import cli_funnel, cli_import_text, workspace_rows
from journey import values

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"
CLIENTS = "SELECT COUNT(*) FROM clients"
CARDS = ("SELECT name, furthest_stage, outcome, purchases, revenue_current FROM clients "
         "ORDER BY name")


def test_a_brazilian_salons_pago_column_with_estornado_and_a_total_row(tmp_path):
    """Pago? Sim a sale (60 + 1.250 + 80), Não a contact, Cancelado a cancellation,
    Estornado (paid, then given back, R$ 90) a sale and its refund: 4 sales of 1,480; the
    TOTAL row no one. Ana came twice. Before: Estornado a refund alone, 3 sales of 1,390
    (the funnel the same)."""
    cli_import_text(tmp_path, "planilha_salao.csv", (
        "Data;Cliente;Celular;Serviço;Valor;Pago?;Observação\n"
        "03/11/2026;Ana Paula Souza;(11) 98765-4321;Escova;R$ 60,00;Sim;\n"
        "05/11/2026;Juliana Lima;(11) 97654-3210;Mechas;R$ 1.250,00;Sim;\n"
        "08/11/2026;Fernanda Costa;(21) 99876-5432;Manicure;R$ 35,00;Não;fiado\n"
        "12/11/2026;Ana Paula Souza;(11) 98765-4321;Corte;R$ 80,00;Sim;\n"
        "19/11/2026;Camila Rocha;(31) 98888-7777;Progressiva;R$ 350,00;Cancelado;\n"
        "26/11/2026;Patrícia Alves;(11) 96666-5555;Hidratação;R$ 90,00;Estornado;cobrou errado\n"
        ";;;TOTAL;R$ 1.865,00;;\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 350.0), ("contact", 1, 35.0), ("purchase", 4, 1480.0),
        ("refund", 1, 90.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]

def test_a_portuguese_clinics_client_cards_with_visits_and_who_left(tmp_path):
    """N.º de consultas (visits) and Total faturado: Maria João 12 (1.140), Rui 1 (95),
    Tiago 5 (475, Desistiu: gave up, churned) = 1,710; Rui "Recomendado por" Maria João:
    her referral; Inês a prospect; the Total row no one. Before: visits, revenue and the
    first visit unread, Tiago a prospect: [4, 2, 2, 1, 1]."""
    cli_import_text(tmp_path, "clientes_clinica.csv", (
        "Nome;Telemóvel;E-mail;Data de inscrição;Última visita;N.º de consultas;Total faturado;"
        "Estado;Recomendado por\n"
        "Maria João Ferreira;912 345 678;mj.ferreira@sapo.pt;15/01/2025;28/10/2026;12;1.140,00 €;"
        "Ativa;\n"
        "Rui Pedro Santos;936 111 222;;03/09/2026;03/09/2026;1;95,00 €;Ativo;Maria João Ferreira\n"
        "Inês Carvalho;965 222 333;ines.c@gmail.com;20/11/2026;;0;0,00 €;Potencial;\n"
        "Tiago Sousa;917 333 444;tiago.sousa@outlook.pt;10/02/2024;12/05/2025;5;475,00 €;Desistiu;"
        "\n"
        "Total;;;;;18;1.710,00 €;;\n"))
    assert workspace_rows(tmp_path, CARDS) == [
        ("Inês Carvalho", "awareness", None, 0, 0.0),
        ("Maria João Ferreira", "advocacy", None, 12, 1140.0),
        ("Rui Pedro Santos", "purchase", None, 1, 95.0),
        ("Tiago Sousa", "retention", "churned", 5, 475.0)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 1]

def test_a_turkish_shops_siparis_list_with_its_toplam_row_under_the_emails(tmp_path):
    """Durum: Teslim edildi 1.250 + 320 and Hazırlanıyor (being packed, paid by card)
    450,50 sales, İade 450,50 a sale and its refund: 4 sales of 2,471; Ödeme bekleniyor a
    contact, İptal a cancellation; the Toplam row, written in the e-mail column left of the
    amounts, no one. Before: 7 contacts (10,941.80), the Toplam row a client:
    [6, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "siparisler.csv", (
        "Sipariş No;Sipariş Tarihi;Müşteri;Telefon;E-posta;Tutar;Ödeme;Durum\n"
        "#10231;01.11.2026;Ayşe Yılmaz;0532 123 45 67;ayse.yilmaz@gmail.com;₺1.250,00;Kredi Kartı;"
        "Teslim edildi\n"
        "#10232;03.11.2026;Mehmet Kaya;0543 222 33 44;;₺450,50;Kredi Kartı;Hazırlanıyor\n"
        "#10233;07.11.2026;Zeynep Demir;0555 333 44 55;zeynep.d@hotmail.com;₺2.100,00;Havale/EFT;"
        "Ödeme bekleniyor\n"
        "#10234;12.11.2026;Ayşe Yılmaz;0532 123 45 67;ayse.yilmaz@gmail.com;₺320,00;Kredi Kartı;"
        "Teslim edildi\n"
        "#10235;18.11.2026;Can Öztürk;0506 444 55 66;can.ozturk@yandex.com;₺899,90;Kapıda Ödeme;"
        "İptal\n"
        "#10236;22.11.2026;Elif Şahin;0533 777 88 99;elif.sahin@gmail.com;₺450,50;Kredi Kartı;"
        "İade\n"
        ";;;;Toplam;₺5.470,90;;\n"))
    assert workspace_rows(tmp_path, CLIENTS) == [(5,)]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 899.9), ("contact", 1, 2100.0), ("purchase", 4, 2471.0),
        ("refund", 1, 450.5)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]

def test_greek_invoices_partly_paid(tmp_path):
    """Σύνολο: Εξοφλημένο 124 + 1.240 + 62 and Μερικώς εξοφλημένο (partly paid) 310 =
    1,736; the credit invoice (-124) a refund; Ανεξόφλητο a contact, Ακυρωμένο a
    cancellation. (Right before, but "Μερικώς εξοφλημένο" said to be a status Journey
    does not know.)"""
    found = cli_import_text(tmp_path, "parastatika.csv", (
        "Ημερομηνία;Παραστατικό;Αριθμός;Πελάτης;ΑΦΜ;Καθαρή αξία;ΦΠΑ;Σύνολο;Κατάσταση\n"
        "03/11/2026;Τιμολόγιο Πώλησης;Α-101;Παπαδόπουλος Γιώργος;123456789;100,00;24,00;124,00 €;"
        "Εξοφλημένο\n"
        "05/11/2026;Τιμολόγιο Πώλησης;Α-102;Καφέ Ακρόπολις ΟΕ;987654321;1.000,00;240,00;1.240,"
        "00 €;Εξοφλημένο\n"
        "10/11/2026;Απόδειξη Λιανικής;Β-55;Νικολάου Μαρία;;50,00;12,00;62,00 €;Εξοφλημένο\n"
        "14/11/2026;Τιμολόγιο Πώλησης;Α-103;Γεωργίου Ελένη;555666777;400,00;96,00;496,00 €;"
        "Ανεξόφλητο\n"
        "20/11/2026;Πιστωτικό Τιμολόγιο;Π-7;Καφέ Ακρόπολις ΟΕ;987654321;-100,00;-24,00;-124,00 €;"
        "Εξοφλημένο\n"
        "24/11/2026;Τιμολόγιο Πώλησης;Α-104;Παπαδόπουλος Γιώργος;123456789;250,00;60,00;310,00 €;"
        "Μερικώς εξοφλημένο\n"
        "27/11/2026;Τιμολόγιο Πώλησης;Α-105;Δημητρίου Κώστας;;80,00;19,20;99,20 €;Ακυρωμένο\n"))
    assert not [note for note in found["notes"] if "does not know" in note]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 99.2), ("contact", 1, 496.0), ("purchase", 4, 1736.0),
        ("refund", 1, 124.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]

def test_fakturoid_uhrazena_otevrena_and_castecne_uhrazena(tmp_path):
    """Stav: Uhrazená 12 100 + 1 500 and Částečně uhrazená 2 420 = 16,020 Kč; Jan's
    corrective invoice (-500, Uhrazená) a refund; Po splatnosti and Otevřená (€ 200)
    contacts; Stornovaná a cancellation. Before: Otevřená and Částečně uhrazená unknown, so
    the column was not read: 7 contacts of 20,150, [5, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "fakturoid_export.csv", (
        "Číslo;Vystaveno;Splatnost;Odběratel;IČO;E-mail;Celkem;Měna;Stav\n"
        "2026-0101;3. 11. 2026;17. 11. 2026;Kavárna U Lípy s.r.o.;12345678;info@ulipy.cz;12 100,"
        "00 Kč;CZK;Uhrazená\n"
        "2026-0102;5. 11. 2026;19. 11. 2026;Jan Novák;;jan.novak@seznam.cz;1 500,00 Kč;CZK;"
        "Uhrazená\n"
        "2026-0103;10. 11. 2026;24. 11. 2026;Petra Svobodová;;petra.s@email.cz;3 630,00 Kč;CZK;"
        "Po splatnosti\n"
        "2026-0104;18. 11. 2026;2. 12. 2026;Kavárna U Lípy s.r.o.;12345678;info@ulipy.cz;2 420,"
        "00 Kč;CZK;Částečně uhrazená\n"
        "2026-0105;20. 11. 2026;4. 12. 2026;Martin Dvořák;;;800,00 Kč;CZK;Stornovaná\n"
        "2026-0106;25. 11. 2026;9. 12. 2026;Jan Novák;;jan.novak@seznam.cz;-500,00 Kč;CZK;"
        "Uhrazená\n"
        "2026-0107;30. 11. 2026;14. 12. 2026;Lucie Černá;;lucie.cerna@gmail.com;€ 200,00;EUR;"
        "Otevřená\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 800.0), ("contact", 2, 3830.0), ("purchase", 3, 16020.0),
        ("refund", 1, 500.0)]
    assert cli_funnel(tmp_path) == [5, 2, 2, 1, 0]

def test_a_romanian_shops_comenzi_delivered_returned_and_refused(tmp_path):
    """Status: Livrată 349,99 + 129,50 and Finalizată 1.249 sales, Returnată 560 a sale
    and its refund: 4 sales of 2,288.49 lei; Anulată and "Refuzată la livrare" (the parcel
    refused at the door, cash on delivery: no money came) cancellations; În așteptare a
    contact. Before: 7 contacts, [5, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "comenzi.csv", (
        "Nr. comandă,Data,Client,Telefon,Email,Total,Status,Plată\n"
        "1001,02.11.2026,Andreea Popa,0722 123 456,andreea.popa@yahoo.com,\"349,99 lei\",Livrată,"
        "Card\n"
        "1002,04.11.2026,Mihai Ionescu,0733 222 333,,\"1.249,00 lei\",Finalizată,Ramburs\n"
        "1003,09.11.2026,Elena Stan,0744 333 444,elena.stan@gmail.com,\"89,90 lei\",Anulată,"
        "Ramburs\n"
        "1004,13.11.2026,Andreea Popa,0722 123 456,andreea.popa@yahoo.com,\"129,50 lei\",Livrată,"
        "Card\n"
        "1005,19.11.2026,Cristian Dobre,0755 444 555,cristi.dobre@gmail.com,\"560,00 lei\","
        "Returnată,Card\n"
        "1006,25.11.2026,Mihai Ionescu,0733 222 333,,\"75,00 lei\",Refuzată la livrare,Ramburs\n"
        "1007,27.11.2026,Ioana Marin,0766 555 666,ioana.marin@gmail.com,\"210,00 lei\","
        "În așteptare,Ordin de plată\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 2, 164.9), ("contact", 1, 210.0), ("purchase", 4, 2288.49),
        ("refund", 1, 560.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]

def test_szamlazz_invoices_kifizetve_igen_and_dates_with_a_last_dot(tmp_path):
    """Kifizetve (paid) igen: 12 700 + 127 000 + 6 350 Ft = 146,050; the credit invoice
    (-12 700, igen) a refund; Tóth's nem a contact; Nagy's 10 160, which Sztornó igen says
    was reversed, a cancellation (session 19; was a contact). Kelt "2026.11.03." is the
    date: Anna bought on two days. Before: no name, no date, 6 contacts, [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "szamlak.csv", (
        "Számlaszám;Kelt;Fizetési határidő;Vevő neve;Vevő e-mail;Nettó;Bruttó;Pénznem;"
        "Fizetési mód;Kifizetve;Sztornó\n"
        "E-2026-101;2026.11.03.;2026.11.11.;Kovács Anna;kovacs.anna@gmail.com;10 000 Ft;12 700 Ft;"
        "HUF;átutalás;igen;nem\n"
        "E-2026-102;2026.11.05.;2026.11.13.;Szabó és Társa Kft.;info@szabokft.hu;100 000 Ft;"
        "127 000 Ft;HUF;átutalás;igen;nem\n"
        "E-2026-103;2026.11.10.;2026.11.18.;Tóth Péter;;20 000 Ft;25 400 Ft;HUF;készpénz;nem;nem\n"
        "E-2026-104;2026.11.16.;2026.11.24.;Kovács Anna;kovacs.anna@gmail.com;5 000 Ft;6 350 Ft;"
        "HUF;bankkártya;igen;nem\n"
        "E-2026-105;2026.11.20.;2026.11.28.;Nagy Eszter;nagy.eszter@freemail.hu;8 000 Ft;"
        "10 160 Ft;HUF;átutalás;nem;igen\n"
        "E-2026-106;2026.11.23.;2026.12.01.;Szabó és Társa Kft.;info@szabokft.hu;-10 000 Ft;"
        "-12 700 Ft;HUF;átutalás;igen;nem\n"))
    assert found["mapping"]["Kelt"] == "date"
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 10160.0), ("contact", 1, 25400.0), ("purchase", 3, 146050.0),
        ("refund", 1, 12700.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]

def test_dinero_invoices_kept_right(tmp_path):
    """Total inkl. moms: Betalt 1.250 + 10.000 + 750 = 12,000 kr.; Kreditnota (-1.000) a
    refund; Overskredet, Kladde and Ikke betalt contacts (3,400). (Right before; kept
    right.)"""
    cli_import_text(tmp_path, "dinero_fakturaer.csv", (
        "Nummer;Dato;Kontakt;E-mail;Beløb ekskl. moms;Total inkl. moms;Status\n"
        "1042;03-11-2026;Frisør Hansen;kontakt@frisorhansen.dk;1.000,00 kr.;1.250,00 kr.;Betalt\n"
        "1043;05-11-2026;Café Nørrebro ApS;info@cafenorrebro.dk;8.000,00 kr.;10.000,00 kr.;"
        "Betalt\n"
        "1044;10-11-2026;Mette Jensen;mette.j@hotmail.dk;400,00 kr.;500,00 kr.;Overskredet\n"
        "1045;17-11-2026;Frisør Hansen;kontakt@frisorhansen.dk;600,00 kr.;750,00 kr.;Betalt\n"
        "1046;20-11-2026;Lars Nielsen;;2.000,00 kr.;2.500,00 kr.;Kladde\n"
        "1047;24-11-2026;Café Nørrebro ApS;info@cafenorrebro.dk;-800,00 kr.;-1.000,00 kr.;"
        "Kreditnota\n"
        "1048;28-11-2026;Sofie Madsen;sofie@madsen.dk;320,00 kr.;400,00 kr.;Ikke betalt\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("contact", 3, 3400.0), ("purchase", 3, 12000.0), ("refund", 1, 1000.0)]
    assert cli_funnel(tmp_path) == [5, 2, 2, 1, 0]

def test_tripletex_invoices_read_by_what_is_still_owed(tmp_path):
    """No status; Utestående (outstanding) says what is owed of each invoice (Beløp inkl.
    mva): Olsen 10 000 and Kari 1 250 paid, Olsen's 3 000 with 1 000 owed a sale of
    2 000: 3 sales of 13,250; Ola 2 000 and Eva 500 owed in full, contacts; Kari's credit
    note (-1 000, nothing owed) a refund. Before: 6 contacts (15,750), [4, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "tripletex_faktura.csv", (
        "Fakturanr.;Fakturadato;Forfallsdato;Kundenr.;Kunde;Beløp eks. mva;Beløp inkl. mva;"
        "Utestående;Valuta\n"
        "10045;03.11.2026;17.11.2026;10001;Bakeri Olsen AS;8 000,00;10 000,00;0,00;NOK\n"
        "10046;05.11.2026;19.11.2026;10002;Kari Nordmann;1 000,00;1 250,00;0,00;NOK\n"
        "10047;10.11.2026;24.11.2026;10003;Ola Hansen;1 600,00;2 000,00;2 000,00;NOK\n"
        "10048;18.11.2026;02.12.2026;10001;Bakeri Olsen AS;2 400,00;3 000,00;1 000,00;NOK\n"
        "10049;24.11.2026;08.12.2026;10002;Kari Nordmann;-800,00;-1 000,00;0,00;NOK\n"
        "10050;27.11.2026;11.12.2026;10004;Eva Berg;400,00;500,00;500,00;NOK\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("contact", 2, 2500.0), ("purchase", 3, 13250.0), ("refund", 1, 1000.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]

def test_netvisor_the_amount_with_vat_not_the_one_without(tmp_path):
    """Summa (verollinen), with VAT, is what was paid, not Summa (veroton): Maksettu 1 255
    + 5 020 and Osittain maksettu 627,50 = 6,902.50; Hyvityslasku (credit invoice, -502) a
    refund; Erääntynyt and Avoin contacts, Mitätöity a cancellation. Before: the amounts
    without VAT (5,500) and Hyvityslasku a status Journey did not know."""
    found = cli_import_text(tmp_path, "netvisor_myyntilaskut.csv", (
        "Laskunro;Laskun päivämäärä;Eräpäivä;Asiakas;Y-tunnus;Summa (veroton);Summa (verollinen);"
        "Tila\n"
        "1001;3.11.2026;17.11.2026;Parturi Virtanen;1234567-8;1 000,00;1 255,00 €;Maksettu\n"
        "1002;5.11.2026;19.11.2026;Kahvila Kulma Oy;2345678-9;4 000,00;5 020,00 €;Maksettu\n"
        "1003;10.11.2026;24.11.2026;Matti Korhonen;;200,00;251,00 €;Erääntynyt\n"
        "1004;18.11.2026;2.12.2026;Parturi Virtanen;1234567-8;500,00;627,50 €;Osittain maksettu\n"
        "1005;20.11.2026;4.12.2026;Liisa Mäkinen;;300,00;376,50 €;Mitätöity\n"
        "1006;24.11.2026;8.12.2026;Kahvila Kulma Oy;2345678-9;-400,00;-502,00 €;Hyvityslasku\n"
        "1007;28.11.2026;12.12.2026;Anna Laine;;100,00;125,50 €;Avoin\n"))
    assert not [note for note in found["notes"] if "does not know" in note]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 376.5), ("contact", 2, 376.5), ("purchase", 3, 6902.5),
        ("refund", 1, 502.0)]
    assert cli_funnel(tmp_path) == [5, 2, 2, 1, 0]

def test_an_indonesian_shops_pesanan_in_rupiah(tmp_path):
    """Nama Pembeli names the client, Total Bayar is the amount: Selesai 125.000 +
    275.000, Dikirim (shipped) 350.000, Pengembalian Dana (money back) 450.000 a sale and
    its refund: 4 sales of 1,200,000; Belum Bayar a contact, Dibatalkan a cancellation; the
    TOTAL row no one. Before: no name, no amount, 6 contacts, [5, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "pesanan.csv", (
        "No. Pesanan;Tanggal;Nama Pembeli;No. HP;Produk;Total Bayar;Status Pesanan\n"
        "INV/20261103/001;03/11/2026;Siti Rahayu;0812-3456-7890;Hijab Voal;Rp125.000;Selesai\n"
        "INV/20261104/002;04/11/2026;Budi Santoso;0813-2222-3333;Kemeja Batik;Rp350.000;Dikirim\n"
        "INV/20261108/003;08/11/2026;Dewi Lestari;0857-4444-5555;Gamis;Rp1.250.000;Belum Bayar\n"
        "INV/20261115/004;15/11/2026;Siti Rahayu;0812-3456-7890;Mukena;Rp275.000;Selesai\n"
        "INV/20261120/005;20/11/2026;Agus Pratama;0821-6666-7777;Sarung;Rp180.000;Dibatalkan\n"
        "INV/20261126/006;26/11/2026;Rina Wulandari;0878-8888-9999;Tas Anyaman;Rp450.000;"
        "Pengembalian Dana\n"
        ";;;;TOTAL;Rp2.630.000;\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 180000.0), ("contact", 1, 1250000.0), ("purchase", 4, 1200000.0),
        ("refund", 1, 450000.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]

def test_a_vietnamese_shops_don_hang_in_dong(tmp_path):
    """Khách hàng, Thành tiền, Trạng thái: Đã thanh toán 1.250.000 + 320.000, Đã giao
    hàng (delivered) 850.000, Hoàn tiền 540.000 a sale and its refund: 4 sales of
    2,960,000 ₫; Chưa thanh toán a contact, Đã hủy a cancellation; the Tổng cộng row no one.
    Before: no column read, the rows kept as reference, no client."""
    cli_import_text(tmp_path, "don_hang.csv", (
        "Ngày;Mã đơn;Khách hàng;Số điện thoại;Sản phẩm;Thành tiền;Trạng thái\n"
        "03/11/2026;DH001;Nguyễn Thị Lan;0901 234 567;Áo dài;1.250.000₫;Đã thanh toán\n"
        "05/11/2026;DH002;Trần Văn Minh;0912 345 678;Giày;850.000₫;Đã giao hàng\n"
        "09/11/2026;DH003;Lê Thu Hà;0987 654 321;Túi xách;620.000₫;Chưa thanh toán\n"
        "14/11/2026;DH004;Nguyễn Thị Lan;0901 234 567;Khăn lụa;320.000₫;Đã thanh toán\n"
        "20/11/2026;DH005;Phạm Quốc Bảo;0938 111 222;Đồng hồ;2.100.000₫;Đã hủy\n"
        "25/11/2026;DH006;Võ Ngọc Anh;0909 333 444;Váy;540.000₫;Hoàn tiền\n"
        ";;;;Tổng cộng;5.680.000₫;\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 2100000.0), ("contact", 1, 620000.0),
        ("purchase", 4, 2960000.0), ("refund", 1, 540000.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]

def test_tiendanube_orders_a_second_product_line_is_no_second_sale(tmp_path):
    """Número de orden joins Diego's two product lines into one order: Pagado 18.499 +
    40.500 + 9.500 and Reembolsado 22.000 a sale and its refund = 4 sales of 90,499 pesos;
    Pendiente a contact, Anulado a cancellation. Before: the product line a fifth sale of
    no amount."""
    cli_import_text(tmp_path, "ventas.csv", (
        "Número de orden,Email,Fecha,Estado de la orden,Estado del pago,Estado del envío,Moneda,"
        "Subtotal de productos,Descuento,Costo de envío,Total,Nombre del comprador,DNI / CUIT,"
        "Teléfono,Ciudad,Provincia,Medio de pago,Nombre del producto,Precio del producto,"
        "Cantidad del producto\n"
        "1201,lucia.fer@gmail.com,02/11/2026 10:05:00,Cerrada,Pagado,Entregado,ARS,\"15.999,00\","
        "\"0,00\",\"2.500,00\",\"18.499,00\",Lucía Fernández,27301234564,11 5555-1111,CABA,"
        "Capital Federal,Mercado Pago,Remera,\"15.999,00\",1\n"
        "1202,diego.gomez@hotmail.com,04/11/2026 18:30:00,Abierta,Pagado,No está empaquetado,ARS,"
        "\"45.000,00\",\"4.500,00\",\"0,00\",\"40.500,00\",Diego Gómez,20298765433,351 444-2222,"
        "Córdoba,Córdoba,Tarjeta de crédito,Zapatillas,\"30.000,00\",1\n"
        "1202,diego.gomez@hotmail.com,,,,,,,,,,,,,,,,Medias,\"7.500,00\",2\n"
        "1203,sofi.ruiz@yahoo.com.ar,09/11/2026 09:12:00,Abierta,Pendiente,No está empaquetado,"
        "ARS,\"12.000,00\",\"0,00\",\"1.800,00\",\"13.800,00\",Sofía Ruiz,,341 333-4444,Rosario,"
        "Santa Fe,Transferencia,Buzo,\"12.000,00\",1\n"
        "1204,lucia.fer@gmail.com,16/11/2026 20:45:00,Cerrada,Pagado,Entregado,ARS,\"9.500,00\","
        "\"0,00\",\"0,00\",\"9.500,00\",Lucía Fernández,27301234564,11 5555-1111,CABA,"
        "Capital Federal,Mercado Pago,Gorra,\"9.500,00\",1\n"
        "1205,martin.p@gmail.com,20/11/2026 13:00:00,Cancelada,Reembolsado,No está empaquetado,"
        "ARS,\"22.000,00\",\"0,00\",\"0,00\",\"22.000,00\",Martín Pérez,20335556667,11 6666-7777,"
        "La Plata,Buenos Aires,Mercado Pago,Campera,\"22.000,00\",1\n"
        "1206,vale.r@gmail.com,25/11/2026 08:15:00,Cancelada,Anulado,No está empaquetado,ARS,"
        "\"7.200,00\",\"0,00\",\"0,00\",\"7.200,00\",Valentina Romero,,261 777-8888,Mendoza,"
        "Mendoza,Efectivo,Cinturón,\"7.200,00\",1\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 7200.0), ("contact", 1, 13800.0), ("purchase", 4, 90499.0),
        ("refund", 1, 22000.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]

def test_yclients_client_list_visits_and_sales(tmp_path):
    """Визитов (visits) and Продано (sold): Анна 14 (38 500 ₽), Ольга 1 (2 500), Елена 6
    (15 600) = 56,600; Мария never came; the Итого row no one. Before: visits, sales and
    the last visit unread, [4, 0, 0, 0, 0]. Категория "Потерянный клиент" (lost client):
    Елена churned (session 19; was not read)."""
    cli_import_text(tmp_path, "yclients_clients.csv", (
        "Имя;Телефон;Email;Категория;Первый визит;Последний визит;Визитов;Продано;Оплачено;Скидка;"
        "Комментарий\n"
        "Анна Смирнова;+7 916 123-45-67;anna.smirnova@mail.ru;Постоянный клиент;12.03.2025;"
        "28.10.2026;14;38 500 ₽;38 500 ₽;10%;\n"
        "Ольга Иванова;+7 903 222-33-44;;Новый клиент;05.11.2026;05.11.2026;1;2 500 ₽;2 500 ₽;0%;"
        "по рекомендации Анны\n"
        "Мария Кузнецова;+7 925 333-44-55;m.kuz@yandex.ru;;20.11.2026;;0;0 ₽;0 ₽;;записалась,"
        " не пришла\n"
        "Елена Попова;+7 926 444-55-66;elena.popova@gmail.com;Потерянный клиент;01.02.2024;"
        "15.06.2025;6;15 600 ₽;15 600 ₽;5%;\n"
        "Итого;;;;;;21;56 600 ₽;56 600 ₽;;\n"))
    assert workspace_rows(tmp_path, CARDS) == [
        ("Анна Смирнова", "retention", None, 14, 38500.0),
        ("Елена Попова", "retention", "churned", 6, 15600.0),
        ("Мария Кузнецова", "awareness", None, 0, 0.0),
        ("Ольга Иванова", "purchase", None, 1, 2500.0)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]

def test_a_ukrainian_shops_orders_new_and_returned(tmp_path):
    """Статус: Виконано 1 250 + 450 and Оплачено 3 499 sales, Повернення (returned) 999 a
    sale and its refund: 4 sales of 6,198 грн; Нове (new, not confirmed) a contact,
    Скасовано a cancellation; the Разом row in the e-mail column no one. Before: 7
    contacts, the Разом row a client, [6, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "zamovlennia.csv", (
        "Номер замовлення;Дата;Покупець;Телефон;Email;Сума;Статус;Спосіб оплати\n"
        "10501;02.11.2026;Оксана Шевченко;+380 67 123 4567;oksana.sh@ukr.net;1 250,00 грн;"
        "Виконано;Накладений платіж\n"
        "10502;04.11.2026;Андрій Коваленко;+380 50 222 3344;;3 499,00 грн;Оплачено;Картка\n"
        "10503;09.11.2026;Ірина Бондаренко;+380 63 333 4455;iryna.b@gmail.com;780,00 грн;Нове;"
        "Накладений платіж\n"
        "10504;15.11.2026;Оксана Шевченко;+380 67 123 4567;oksana.sh@ukr.net;450,00 грн;Виконано;"
        "Картка\n"
        "10505;19.11.2026;Дмитро Мельник;+380 93 444 5566;d.melnyk@i.ua;2 100,00 грн;Скасовано;"
        "Накладений платіж\n"
        "10506;25.11.2026;Наталія Ткаченко;+380 97 555 6677;;999,00 грн;Повернення;Картка\n"
        ";;;;Разом;9 078,00 грн;;\n"))
    assert workspace_rows(tmp_path, CLIENTS) == [(5,)]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 2100.0), ("contact", 1, 780.0), ("purchase", 4, 6198.0),
        ("refund", 1, 999.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]

def test_a_cfdi_list_its_egreso_a_credit_note_at_a_positive_amount(tmp_path):
    """SAT's CFDI list writes a credit note (Tipo de comprobante: Egreso) at its positive
    total: Taquería's Egreso of $1,160 is a refund, not a sale. Vigente Ingreso 1,160 +
    11,600 + 580 + 3,480 = 4 sales of 16,820; Cancelado a cancellation. Before: the Egreso
    a fifth sale (17,980), Taquería a repeat customer: [4, 3, 3, 2, 0]."""
    cli_import_text(tmp_path, "cfdi_emitidos.csv", (
        "Fecha de emisión,Serie,Folio,UUID,RFC receptor,Nombre receptor,Tipo de comprobante,"
        "Subtotal,IVA,Total,Método de pago,Estatus\n"
        "2026-11-03T10:15:00,A,101,6F1C2A3B-1111-4A2B-9C3D-000000000101,GOMM800101AB1,"
        "María González Martínez,Ingreso,\"$1,000.00\",$160.00,\"$1,160.00\",PUE,Vigente\n"
        "2026-11-05T12:40:00,A,102,6F1C2A3B-1111-4A2B-9C3D-000000000102,TEG150320XY9,"
        "Taquería El Güero SA de CV,Ingreso,\"$10,000.00\",\"$1,600.00\",\"$11,600.00\",PUE,"
        "Vigente\n"
        "2026-11-10T09:05:00,A,103,6F1C2A3B-1111-4A2B-9C3D-000000000103,RAMJ900215CD3,"
        "Jorge Ramírez López,Ingreso,\"$2,000.00\",$320.00,\"$2,320.00\",PUE,Cancelado\n"
        "2026-11-17T17:30:00,A,104,6F1C2A3B-1111-4A2B-9C3D-000000000104,GOMM800101AB1,"
        "María González Martínez,Ingreso,$500.00,$80.00,$580.00,PUE,Vigente\n"
        "2026-11-20T11:00:00,NC,5,6F1C2A3B-1111-4A2B-9C3D-000000000105,TEG150320XY9,"
        "Taquería El Güero SA de CV,Egreso,\"$1,000.00\",$160.00,\"$1,160.00\",PUE,Vigente\n"
        "2026-11-24T16:20:00,A,105,6F1C2A3B-1111-4A2B-9C3D-000000000106,HELL850710EF5,"
        "Laura Hernández Luna,Ingreso,\"$3,000.00\",$480.00,\"$3,480.00\",PUE,Vigente\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 2320.0), ("purchase", 4, 16820.0), ("refund", 1, 1160.0)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]

def test_a_cash_books_egreso_is_not_a_credit_note(tmp_path):
    """Not firing: a column called "Tipo" (a cash book's Ingreso and Egreso, money in and
    out) is no CFDI type: the rows stay what the sheet says, its Egreso no refund."""
    cli_import_text(tmp_path, "ventas.csv", (
        "Fecha,Cliente,Tipo,Total\n"
        "03/11/2026,Ana López,Ingreso,100.00\n"
        "10/11/2026,Ana López,Egreso,40.00\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE kind = 'refund'") == [(0,)]


def test_a_hungarian_date_with_a_dot_after_the_day():
    """"2026.11.03." and "2026. 11. 03." are 3 November 2026; "1.2.3." stays no date."""
    read, bad, _ = values.parse_dates(pd.Series(
        ["2026.11.03.", "2026. 11. 03.", "2026.11.03. 10:15", "1.2.3."], dtype=object))
    assert read.tolist()[:3] == ["2026-11-03", "2026-11-03", "2026-11-03 10:15:00"]
    assert bad.tolist() == [False, False, False, True]


def test_a_balance_above_an_invoices_amount_is_still_a_running_balance(tmp_path):
    """Not firing: beside a credit note owing nothing, a "Balance" above another row's
    amount (300 on an invoice of 200) is the client's account, not what is owed: the two
    invoices stay sales of 500, the credit note a refund of 50."""
    cli_import_text(tmp_path, "invoices.csv", (
        "Invoice No,Date,Customer,Amount,Balance\n"
        "1,03/11/2026,Ann,300.00,300.00\n"
        "2,10/11/2026,Ann,200.00,500.00\n"
        "3,17/11/2026,Ann,-50.00,0.00\n"))
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 2, 500.0), ("refund", 1, 50.0)]
