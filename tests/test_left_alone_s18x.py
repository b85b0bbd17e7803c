"""Smaller misreadings earlier sessions noticed and left alone (session 18, X). Each sheet
goes through the command line and is checked against figures worked out by hand before
importing; beside each, where it matters, a sheet where the rule must not fire.

- A help desk's "Organización" (Organização, Organizzazione, Organisatie) is the business
  a ticket was written for, as an English "Organization" is: the ticket is the
  organisation's, its requester the contact.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

NAMES = "SELECT name FROM clients ORDER BY name"


# --- a help desk's organisation, in other languages ------------------------------------------

def test_a_spanish_help_desks_organisation_is_the_client(tmp_path):
    """Two requesters at Kiabi, one at Naterial, one with no organisation: the tickets are
    Kiabi's (2), Naterial's (1) and Luis's (1), 3 clients (were 4, each requester), Kiabi's
    contact its requester."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "ID,Organización,Solicitante,Correo del solicitante,Asunto,Estado,Solicitado\n"
        "1,Kiabi,Ana Ruiz,ana@kiabi.es,Error en la factura,Resuelto,2024-03-01\n"
        "2,Kiabi,Pablo Gil,pablo@kiabi.es,Acceso nuevo,Abierto,2024-03-02\n"
        "3,Naterial,Marta Sanz,marta@naterial.es,No funciona,Resuelto,2024-03-03\n"
        "4,,Luis Mora,luis@gmail.com,Consulta,Resuelto,2024-03-04\n"))
    assert found["recognised_as"] == "helpdesk_tickets"
    assert "3 tickets written for an organisation the export names" in found["explanation"]
    assert workspace_rows(tmp_path, NAMES) == [("Kiabi",), ("Luis Mora",), ("Naterial",)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_help_desks_own_name_as_every_tickets_organizacion_is_no_client(tmp_path):
    """Every ticket's Organización is the help desk's own ('Tienda Sol', its default), from
    requesters at three e-mail domains: as in English, the requesters are the 3 clients."""
    cli_import_text(tmp_path, "tickets.csv", (
        "ID,Organización,Solicitante,Correo del solicitante,Asunto,Estado,Solicitado\n"
        "1,Tienda Sol,Ana Lima,ana@x.es,Pedido retrasado,Resuelto,2024-03-01\n"
        "2,Tienda Sol,Rui Reis,rui@y.es,Duda,Abierto,2024-03-02\n"
        "3,Tienda Sol,Eva Dias,eva@gmail.com,Cambio,Resuelto,2024-03-03\n"))
    assert workspace_rows(tmp_path, NAMES) == [("Ana Lima",), ("Eva Dias",), ("Rui Reis",)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]
