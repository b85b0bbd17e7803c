"""The import reads what a column's values are, not only its header, and understands
headers and stage words in Spanish, French, German and Portuguese (issue 15, item 1). Each
hand-made file goes through the command a user runs, with no options unless said."""

from __future__ import annotations

import contextlib
import io
import json

import pandas as pd
import pytest

from journey.__main__ import main
from journey.ingest.evidence import measure
from journey.workspace import open_workspace
from test_more_profiles import customers, funnel, kinds, one, repeat


def imported(tmp_path, name, text, *options, workspace="w"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", str(path), "--workspace", str(tmp_path / f"{workspace}.db"),
                     "--json", *options]) == 0
    (found,) = json.loads(out.getvalue())["imports"]
    return open_workspace(str(tmp_path / f"{workspace}.db"), create=False), found


def test_measure_tells_what_values_are():
    emails = measure(pd.Series(["ana@x.es", "Bo@Y.com", None, "cy@z.org"]))
    assert (emails.filled, emails.is_email, emails.is_date) == (3, True, False)
    dates = measure(pd.Series(["2024-01-03", "03/02/2024", "2024-02-11 10:00"]))
    assert dates.is_date and not dates.is_email
    years = measure(pd.Series([2019, 2020, 2021]))          # numbers are never dates
    assert not years.is_date and years.numbers == 1.0
    scores = measure(pd.Series([0, 7, 10, 9, "8"]))
    assert scores.scores == 1.0
    codes = measure(pd.Series(["C-001", "c-002", "C-003", "free text here"]))
    assert codes.codes == 0.75 and not codes.is_code        # under the 80% that decides
    assert measure(pd.Series([None, None])).filled == 0


SPANISH_ORDERS = (
    "Nº de pedido,Fecha,Correo electrónico,Importe,Estado\n"
    "1001,03/01/2024,Ana@Ejemplo.es,\"45,50 €\",Pagado\n"
    "1002,05/01/2024,luis@ejemplo.es,\"12,00 €\",pagado\n"
    "1003,07/02/2024,ana@ejemplo.es,\"30,00 €\",Reembolsado\n"
    "1004,09/02/2024,marta@ejemplo.es,\"80,00 €\",Enviado\n"
    "1005,10/02/2024,pablo@ejemplo.es,\"20,00 €\",Pendiente\n"
    "1006,11/02/2024,ana@ejemplo.es,\"15,00 €\",Cancelado\n")


def test_a_spanish_order_list_is_keyed_by_email_and_read_by_its_status(tmp_path):
    db, found = imported(tmp_path, "pedidos.csv", SPANISH_ORDERS)
    assert found["kind"] == "events" and found["rejected"] == 0
    assert found["mapping"] == {"Nº de pedido": "order_id", "Fecha": "date",
                                "Correo electrónico": "email", "Importe": "amount",
                                "Estado": "status"}
    # Ana's two spellings are one client; the pending order is a contact, never a purchase;
    # the refunded one was bought first (a purchase beside its refund): Ana bought again.
    assert one(db, "SELECT COUNT(*) FROM clients") == 4
    assert kinds(db) == {"purchase": 4, "refund": 1, "contact": 1, "cancellation": 1}
    assert customers(db) == 3 and repeat(db) == 1
    assert one(db, "SELECT amount FROM events WHERE order_id = '1001'") == 45.5
    assert one(db, "SELECT date FROM events WHERE order_id = '1002'") == "2024-01-05"
    assert "clients are matched by e-mail ('Correo electrónico', case ignored)" in (
        found["explanation"])


def test_next_months_file_is_keyed_the_same_way(tmp_path):
    # The second import of these headers uses the remembered mapping; the e-mails are
    # still the key, so the same orders are the same events of the same clients.
    imported(tmp_path, "pedidos.csv", SPANISH_ORDERS)
    db, found = imported(tmp_path, "pedidos.csv", SPANISH_ORDERS.replace(
        "1006,11/02/2024", "1007,12/03/2024"))
    assert (found["inserted"], found["updated"], found["rejected"]) == (1, 6, 0)
    assert one(db, "SELECT COUNT(*) FROM clients") == 4
    assert one(db, "SELECT COUNT(*) FROM events") == 8     # (1003: a purchase and a refund)
    assert one(db, "SELECT c.email FROM events e JOIN clients c ON c.id = e.client_ref "
                   "WHERE e.order_id = '1007'") == "ana@ejemplo.es"


def test_french_german_and_portuguese_client_lists(tmp_path):
    db, found = imported(tmp_path, "clients.csv", (
        "Nom du client,Courriel,Téléphone,Date de création,Étape,Canal\n"
        "Dupont SARL,contact@dupont.fr,0102030405,02/03/2024,Gagné,Salon\n"
        "Martin & Fils,info@martin.fr,0607080910,05/03/2024,Perdu,Site web\n"
        "Atelier Roux,roux@atelier.fr,,06/03/2024,Devis,Site web\n"), workspace="fr")
    assert found["kind"] == "clients"
    assert found["mapping"] == {"Nom du client": "name", "Courriel": "email",
                                "Téléphone": "phone", "Date de création": "first_contact",
                                "Étape": "stage", "Canal": "channel"}
    assert funnel(db)["purchase"] == 1 and funnel(db)["consideration"] == 2
    assert one(db, "SELECT outcome FROM clients WHERE email = 'info@martin.fr'") == "lost"

    db, found = imported(tmp_path, "kunden.csv", (
        "Kundennummer,Firmenname,Datum,Betrag,Phase\n"
        "K-1,Müller GmbH,2024-01-10,\"1.200,00\",Gewonnen\n"
        "K-2,Schmidt AG,2024-01-12,\"800,00\",Verloren\n"
        "K-3,Weber KG,2024-01-15,\"500,00\",Angebot\n"), workspace="de")
    assert found["mapping"]["Kundennummer"] == "client_id"
    assert found["mapping"]["Phase"] == "stage" and found["mapping"]["Betrag"] == "amount"
    assert funnel(db)["purchase"] == 1 and funnel(db)["consideration"] == 2
    assert kinds(db)["lost"] == 1

    db, found = imported(tmp_path, "contatos.csv", (
        "Nome do cliente,E-mail,Cidade,Estágio,Data de cadastro\n"
        "Loja Azul,azul@loja.br,Recife,Ganho,2024-05-01\n"
        "Café Verde,verde@cafe.br,Natal,Novo,2024-05-02\n"), workspace="pt")
    assert found["mapping"] == {"Nome do cliente": "name", "E-mail": "email",
                                "Cidade": "region", "Estágio": "stage",
                                "Data de cadastro": "first_contact"}
    assert funnel(db)["awareness"] == 2 and funnel(db)["purchase"] == 1


def test_values_speak_where_headers_do_not(tmp_path):
    # "Contacto" holds e-mails and "Cuándo" dates; neither header says so.
    db, found = imported(tmp_path, "ventas.csv", (
        "Contacto,Cuándo,Importe\n"
        "ana@x.es,2024-03-01,10.00\n"
        "ana@x.es,2024-03-20,12.00\n"
        "bo@x.es,2024-03-05,8.00\n"))
    assert found["mapping"] == {"Contacto": "email", "Cuándo": "date", "Importe": "amount"}
    assert "'Contacto' holds e-mail addresses" in found["explanation"]
    assert "'Cuándo' holds dates: read as the date" in found["explanation"]
    assert customers(db) == 2 and repeat(db) == 1
    # A header that names a score, over whole numbers from 0 to 10, is that score.
    db, found = imported(tmp_path, "clientes.csv", (
        "Cliente,¿Nos recomendaría? (0-10)\nAna,9\nBo,4\n"), workspace="nps")
    assert found["mapping"]["¿Nos recomendaría? (0-10)"] == "nps"
    assert dict(db.execute("SELECT name, nps FROM clients").fetchall()) == {"Ana": 9, "Bo": 4}


def test_a_person_still_decides(tmp_path):
    # Mapped by hand to an extra column, the e-mails are neither the e-mail nor the key.
    db, found = imported(tmp_path, "ventas.csv", (
        "Cliente,Contacto,Fecha,Importe\n"
        "Ana,ana@x.es,2024-03-01,10.00\n"
        "Bo,bo@x.es,2024-03-05,8.00\n"), "--map", "Contacto=extra")
    assert found["mapping"]["Contacto"] is None
    assert one(db, "SELECT group_concat(client_key) FROM clients") == "name:ana,name:bo"


LEADS = ("mql_id,first_contact_date,landing_page_id,origin\n"
         "a1b2c3d4e5,2024-01-02,lp99,organic_search\n"
         "f6a7b8c9d0,2024-01-05,lp99,paid_search\n"
         "0a1b2c3d4f,2024-02-01,lp12,social\n"
         "9z8y7x6w5v,2024-02-03,lp12,email\n")
WON = ("seller_id,mql_id,won_date,business_segment\n"
       "s1x2,a1b2c3d4e5,2024-02-10,pet\n"
       "s1x2,0a1b2c3d4f,2024-03-01,home_decor\n")


def test_an_id_column_joins_the_clients_of_an_earlier_import(tmp_path):
    db, leads = imported(tmp_path, "leads.csv", LEADS)
    assert leads["kind"] == "clients" and leads["mapping"]["mql_id"] == "client_id"
    assert "'mql_id' holds IDs: read as the client ID" in leads["explanation"]
    db, won = imported(tmp_path, "closed_deals.csv", WON, "--set", "kind=won")
    # seller_id comes first but matches nothing; mql_id matches both leads.
    assert won["mapping"]["mql_id"] == "client_id" and won["mapping"]["seller_id"] is None
    assert ("'mql_id' matches the client IDs of an earlier import (2 of 2 values checked)"
            in won["explanation"])
    assert one(db, "SELECT COUNT(*) FROM clients") == 4
    assert funnel(db)["purchase"] == 2
    assert one(db, "SELECT purchase_at FROM clients WHERE client_id = 'a1b2c3d4e5'") == (
        "2024-02-10")


def test_without_an_earlier_import_nothing_is_joined(tmp_path):
    db, won = imported(tmp_path, "closed_deals.csv", WON, "--set", "kind=won")
    assert "earlier import" not in won["explanation"]


@pytest.mark.parametrize("header", ["Customer ref", "Lead-Nr", "mql_id"])
def test_an_id_header_names_the_key_only_when_its_values_are_ids(tmp_path, header):
    db, found = imported(tmp_path, "list.csv", (
        f"{header},Stage\nC-1,lead\nC-2,won\n"), workspace=header.replace(" ", ""))
    assert found["mapping"][header] == "client_id"
    db, found = imported(tmp_path, "list.csv", (
        f"{header},Stage\nsome words,lead\nmore words,won\n"),
        workspace=header.replace(" ", "") + "2")
    assert found["mapping"][header] != "client_id"


def test_an_order_number_is_never_the_client(tmp_path):
    """A marketplace's order report names no buyer: its 'sale-order-id' identifies the
    orders, not 3 made-up clients (before: 3 clients, and every order a contact)."""
    db, found = imported(tmp_path, "report.txt", (
        "sale-order-id\tpurchase-date\torder-status\tproduct-name\n"
        "111-1\t2024-01-05T10:00:00+00:00\tShipped\tMug\n"
        "111-2\t2024-01-06T10:00:00+00:00\tShipped\tCup\n"
        "111-3\t2024-01-07T10:00:00+00:00\tCancelled\tCup\n"))
    assert found["kind"] == "events" and found["mapping"]["sale-order-id"] == "order_id"
    assert "'sale-order-id' holds order numbers: read as the order ID" in found["explanation"]
    assert one(db, "SELECT COUNT(*) FROM clients") == 0
    assert kinds(db) == {"purchase": 2, "cancellation": 1}
