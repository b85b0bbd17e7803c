"""Sheets of businesses in Spain, Latin America, France, Germany and Brazil, read as they
mean them: the tools' own headers and status words (feminine forms too), pesos written
"$ 15.999", dotted dates. Hand-worked figures through the command line (session 10's sweep
of such files found each of these wrong)."""

from __future__ import annotations

import contextlib
import io

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows
from journey.__main__ import main
from journey.workspace import open_workspace

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"


def test_spanish_invoices_say_what_happened_in_the_feminine(tmp_path):
    """Holded-like facturas: pagada (2), vencida, anulada, pendiente de pago."""
    cli_import_text(tmp_path, "facturas.csv", (
        "Nº factura;Fecha;Cliente;Total;Estado\n"
        "F-1;05/03/2024;Ana Ruiz;1.210,00 €;Pagada\n"
        "F-2;12/03/2024;Ana Ruiz;605,00 €;Pagada\n"
        "F-3;15/03/2024;Luis Gil;181,50 €;Vencida\n"
        "F-4;20/03/2024;Marta Sol;90,00 €;Anulada\n"
        "F-5;25/03/2024;Pablo Río;300,00 €;Pendiente de pago\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 90.0), ("contact", 2, 481.5), ("purchase", 2, 1815.0)]
    assert cli_funnel(tmp_path) == [4, 1, 1, 1, 0]


def test_a_store_export_with_a_payment_status_header_in_portuguese(tmp_path):
    """Nuvemshop-like: 'Status do Pagamento' says what happened; Estornado is a refund
    beside its purchase, Aguardando pagamento nothing yet."""
    cli_import_text(tmp_path, "pedidos.csv", (
        "Número do Pedido,E-mail,Data,Status do Pagamento,Total\n"
        "101,bia@example.com,01/04/2024,Pago,\"R$ 120,00\"\n"
        "102,bia@example.com,15/05/2024,Pago,\"R$ 80,00\"\n"
        "103,caio@example.com,03/04/2024,Estornado,\"R$ 50,00\"\n"
        "104,duda@example.com,05/04/2024,Aguardando pagamento,\"R$ 70,00\"\n"))
    assert workspace_rows(tmp_path, KINDS) == [
        ("contact", 1, 70.0), ("purchase", 3, 250.0), ("refund", 1, 50.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_german_client_list_with_its_own_headers(tmp_path):
    found = cli_import_text(tmp_path, "kundenliste.csv", (
        "Kd.-Nr.;Firma;Ort;Anzahl Aufträge;Umsatz 2023;Letzter Auftrag\n"
        "K-1;Bäckerei Ott;Köln;3;\"4.250,50\";14.11.2023\n"
        "K-2;Metzgerei Kahn;Bonn;1;\"890,00\";02.05.2023\n"
        "K-3;Café Lutz;Köln;;;\n"))
    assert found["mapping"] == {
        "Kd.-Nr.": "client_id", "Firma": "name", "Ort": "region",
        "Anzahl Aufträge": "purchases", "Umsatz 2023": "revenue_current",
        "Letzter Auftrag": "last_contact"}
    assert workspace_rows(tmp_path, "SELECT client_id, revenue_current, last_contact FROM "
                                    "clients ORDER BY client_id") == [
        ("K-1", 4250.5, "2023-11-14"), ("K-2", 890.0, "2023-05-02"), ("K-3", None, None)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_dotted_dates_are_day_first_whatever_the_setting(tmp_path):
    open_workspace(str(tmp_path / "w.db")).close()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):          # dates like 03/04 are month first here
        assert main(["settings", "day_first=false", "--workspace", str(tmp_path / "w.db")]) == 0
    found = cli_import_text(tmp_path, "rechnungen.csv", (
        "Rechnungsnr;Kunde;Rechnungsdatum;Betrag (brutto);Status\n"
        "R-1;Ott;02.05.2024;100,00;bezahlt\nR-2;Kahn;03.04.2024;50,00;offen\n"))
    assert not any("read either way" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT order_id, date, kind, amount FROM events "
                                    "ORDER BY order_id") == [
        ("R-1", "2024-05-02", "purchase", 100.0), ("R-2", "2024-04-03", "contact", 50.0)]


def test_pesos_with_a_thousands_dot(tmp_path):
    cli_import_text(tmp_path, "ventas.csv", (
        "Fecha,Cliente,Total,Estado\n"
        "01/03/2024,Sofía,$ 15.999,Pagada\n01/04/2024,Sofía,$ 8.500,Pagada\n"
        "02/03/2024,Tomás,$ 113.599,Pagada\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 138098.0)


def test_a_later_row_with_a_blank_name_keeps_the_clients_name(tmp_path):
    """An order's second product on its own row, with the order number and e-mail only."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Email,Name,Phone,Date,Amount\n"
        "1,val@example.com,Valentina Sosa,555-0101,2024-03-01,10\n"
        "2,val@example.com,,,2024-04-01,20\n"))
    assert workspace_rows(tmp_path, "SELECT name, phone FROM clients") == [
        ("Valentina Sosa", "555-0101")]


def test_crm_funnel_stages_in_portuguese_and_spanish(tmp_path):
    found = cli_import_text(tmp_path, "leads.csv", (
        "Nome,Email,Estágio no funil,Dono do Lead\n"
        "Ana,ana@example.com,Lead,Rui\nBeto,beto@example.com,Lead Qualificado,Rui\n"
        "Caio,caio@example.com,Cliente,Rui\nDani,dani@example.com,Lead,Rui\n"))
    assert found["mapping"]["Estágio no funil"] == "stage"
    assert found["mapping"]["Dono do Lead"] == "owner"
    assert found["unknown_stage_values"] == {}
    assert cli_funnel(tmp_path) == [4, 2, 1, 0, 0]


def test_a_states_column_called_estado_is_no_status(tmp_path):
    found = cli_import_text(tmp_path, "pedidos_loja.csv", (
        "Pedido;E-mail;Data;Cidade;Estado;Status do Pagamento;Total\n"
        "1;bia@example.com;01/04/2024;São Paulo;SP;Pago;100,00\n"
        "2;caio@example.com;02/04/2024;Rio;RJ;Recusado;50,00\n"
        "3;duda@example.com;03/04/2024;Curitiba;PR;Pago;70,00\n"))
    assert found["mapping"]["Estado"] is None
    assert found["mapping"]["Status do Pagamento"] == "status"
    assert "'Estado' holds states or provinces (SP, RJ), not a status" in found["explanation"]
    assert workspace_rows(tmp_path, KINDS) == [("contact", 1, 50.0), ("purchase", 2, 170.0)]


def test_the_shops_own_email_on_every_transaction_is_no_client(tmp_path):
    """SumUp-like: the merchant's account e-mail on each row; card payments are anonymous."""
    cli_import_text(tmp_path, "sumup_transaktionen.csv", (
        "E-Mail;Datum;Transaktions-ID;Status;Betrag inkl. MwSt.\n"
        "shop@example.de;02.05.2024 11:05;TX1;Erfolgreich;7,80\n"
        "shop@example.de;02.05.2024 11:40;TX2;Erfolgreich;9,50\n"
        "shop@example.de;03.05.2024 09:10;TX3;Fehlgeschlagen;4,00\n"
        "shop@example.de;03.05.2024 10:00;TX4;Storniert;3,20\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 3.2), ("contact", 1, 4.0), ("purchase", 2, 17.3)]


def test_dates_written_out_in_other_languages(tmp_path):
    cli_import_text(tmp_path, "ventas.csv", (
        "Fecha de venta,Comprador,Total,Estado\n"
        "5 de marzo de 2024 14:22 hs.,Diego,\"$ 12.000\",Pagada\n"
        "12 de marzo de 2024 09:05 hs.,Diego,\"$ 8.000\",Pagada\n"
        "5. März 2024,Lena,\"$ 1.000\",Pagada\n"
        "3 de março de 2024,Rui,\"$ 2.000\",Pagada\n"
        "14 févr. 2024,Zoé,\"$ 3.000\",Pagada\n"))
    assert workspace_rows(tmp_path, "SELECT substr(date, 1, 16) FROM events ORDER BY date") == [
        ("2024-02-14",), ("2024-03-03",), ("2024-03-05",), ("2024-03-05 14:22",),
        ("2024-03-12 09:05",)]
    assert cli_funnel(tmp_path) == [4, 4, 4, 1, 0]
