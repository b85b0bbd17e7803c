"""Money shown in the owner's currency. The first file whose amounts are in one currency
sets the workspace's (a Currency column, a header or the cells themselves), and the import
says so; a currency already set (by the owner or an earlier file) is never switched, and
the import says that instead; undoing the import puts back what was there. Hand-worked
figures, through the command line a user runs, the pages (AppTest) and the export.

- A Stripe payments export in GBP (Currency "gbp"): Ann 120 + 50 (six months on), Ben 80
  -> 250 in 3 purchases, funnel [2, 2, 2, 1, 0]; shown in £: the workbook's money
  '"£"#,##0.00'; undone -> "$" again. With Ann a Coach and Ben a Club player (a tracker and
  persona cards): the Funnel's Purchase -> Retention step loses Ben, £80 a purchase, £80 at
  stake; the Personas cards' revenue £170 (Coach) and £80 (Club player).
- A tracker in euros ("1.200,50 €", "300 €"): revenue 1,500.50 of 2 buyers, shown in €.
- A tracker with "£100" and "€50": two currencies, no switch ("$" stays), said so.
- GBP after EUR: the workspace stays in €, said so; the owner's "CHF" is kept likewise.
- Two GBP files: undoing the first keeps £ while the second stands.
- The Import page's select and free text change it.
"""

from __future__ import annotations

import contextlib
import io

import openpyxl

from conftest import app_test
from journey.__main__ import main
from journey.export.workbook import export_workbook
from journey.workspace import get_setting, open_workspace

STRIPE_GBP = (
    "id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Converted Amount,"
    "Converted Amount Refunded,Converted Currency,Decline Reason,Description,Fee,"
    "Refunded date (UTC),Statement Descriptor,Status,Seller Message,Taxes On Fee,Card ID,"
    "Customer ID,Customer Description,Customer Email\n"
    "ch_1,2023-05-01 10:00:00,120.00,0.00,gbp,true,120.00,0.00,gbp,,Lesson,3.80,,TENNIS,"
    "Paid,Payment complete.,0.00,card_1,cus_1,Ann Lee,ann@example.com\n"
    "ch_2,2023-05-02 11:00:00,80.00,0.00,gbp,true,80.00,0.00,gbp,,Lesson,2.60,,TENNIS,"
    "Paid,Payment complete.,0.00,card_2,cus_2,Ben Ode,ben@example.com\n"
    "ch_3,2023-11-10 09:30:00,50.00,0.00,gbp,true,50.00,0.00,gbp,,Ball machine,1.70,,"
    "TENNIS,Paid,Payment complete.,0.00,card_1,cus_1,Ann Lee,ann@example.com\n")
EURO_TRACKER = ("Client;Stage;Revenue\n"
                'Anke;Customer;"1.200,50 €"\n'
                "Bram;Customer;300 €\n"
                "Cees;Lead;\n")
TWO_CURRENCIES = ("Client,Stage,Fee\n"
                  "Amy,Customer,£100\n"
                  "Bo,Customer,€50\n")
PERSONAS = ("Client,Email,Persona\n"
            "Ann Lee,ann@example.com,Coach\n"
            "Ben Ode,ben@example.com,Club player\n")
POUNDS = "Money is shown in £: the amounts in this file are written in pounds."


def cli(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    return out.getvalue()


def imported(home, name: str, text: str) -> str:
    path = home.parent / name
    path.write_text(text, encoding="utf-8")
    return cli("import", str(path), "--workspace", "shop")


def shown() -> tuple[str, bool]:
    """The workspace's currency, and whether anything set it (a settings row)."""
    db = open_workspace("shop", create=False)
    try:
        return get_setting(db, "currency"), bool(db.execute(
            "SELECT 1 FROM settings WHERE key = 'currency'").fetchone())
    finally:
        db.close()


def funnel() -> list[int]:
    import json
    found = json.loads(cli("funnel", "--workspace", "shop", "--json"))
    return [s["clients"] for s in found["stages"]]


def test_a_gbp_stripe_export_shows_its_money_in_pounds(home):
    said = imported(home, "payments.csv", STRIPE_GBP)
    assert POUNDS in said
    assert funnel() == [2, 2, 2, 1, 0]
    assert shown() == ("£", True)
    db = open_workspace("shop", create=False)
    try:
        assert db.execute("SELECT COUNT(*), SUM(amount) FROM events WHERE kind = 'purchase'"
                          ).fetchone() == (3, 250.0)
        book = openpyxl.load_workbook(io.BytesIO(export_workbook(db, workspace="shop")))
    finally:
        db.close()
    events = book["Events"]
    amount = [c.value for c in events[1]].index("Amount") + 1
    formats = {events.cell(r, amount).number_format for r in range(2, events.max_row + 1)
               if events.cell(r, amount).value is not None}
    assert formats == {'"£"#,##0.00'}
    cli("undo-import", "1", "--workspace", "shop")
    assert shown() == ("$", False)                   # as before: nothing had set it


def test_the_funnel_and_personas_pages_show_pounds(home):
    imported(home, "payments.csv", STRIPE_GBP)
    (home.parent / "personas.csv").write_text(PERSONAS, encoding="utf-8")
    cli("import", str(home.parent / "personas.csv"), "--kind", "clients", "--workspace", "shop")
    cli("import", str(home.parent / "personas.csv"), "--workspace", "shop")   # the cards
    at = app_test("shop", "views/funnel.py")
    assert not at.exception, at.exception
    money = at.table[0].value
    assert money.iloc[2].tolist() == ["Purchase", "Retention", "1", "£80", "£80"]
    at = app_test("shop", "views/personas.py")
    assert not at.exception, at.exception
    cards = [m.value for m in at.markdown if "Revenue" in m.value]
    assert any("Revenue **£170**" in c for c in cards)
    assert any("Revenue **£80**" in c for c in cards)
    assert not any("$" in c for c in cards)


def test_a_euro_tracker_shows_euros(home):
    said = imported(home, "tracker.csv", EURO_TRACKER)
    assert "Money is shown in €: the amounts in this file are written in euros." in said
    assert shown() == ("€", True)
    assert funnel() == [3, 2, 2, 0, 0]
    db = open_workspace("shop", create=False)
    try:
        assert db.execute("SELECT SUM(revenue_current) FROM clients").fetchone()[0] == 1500.5
    finally:
        db.close()


def test_two_currencies_switch_nothing_and_are_said(home):
    said = imported(home, "fees.csv", TWO_CURRENCIES)
    assert ("Amounts are in more than one currency (GBP (1 row), EUR (1 row), as written "
            "in 'Fee')") in said
    assert "Money is shown" not in said
    assert shown() == ("$", False)


def test_a_later_file_in_another_currency_does_not_switch_it(home):
    imported(home, "tracker.csv", EURO_TRACKER)
    said = imported(home, "payments.csv", STRIPE_GBP)
    assert ("Money is still shown in €, the workspace's currency, though the amounts in "
            "this file are written in pounds (£); change the currency on the Import page "
            "if it should be £.") in said
    assert shown() == ("€", True)
    cli("undo-import", "2", "--workspace", "shop")
    assert shown() == ("€", True)
    cli("undo-import", "1", "--workspace", "shop")
    assert shown() == ("$", False)


def test_the_owners_chf_is_kept(home):
    open_workspace("shop").close()
    cli("settings", "--workspace", "shop", "currency=CHF")
    said = imported(home, "payments.csv", STRIPE_GBP)
    assert "Money is still shown in CHF, the workspace's currency" in said
    assert POUNDS not in said
    assert shown() == ("CHF", True)
    cli("undo-import", "1", "--workspace", "shop")
    assert shown() == ("CHF", True)


def test_the_owners_change_after_an_import_outlives_its_undo(home):
    imported(home, "payments.csv", STRIPE_GBP)
    cli("settings", "--workspace", "shop", "currency=€")
    cli("undo-import", "1", "--workspace", "shop")
    assert shown() == ("€", True)


def test_a_second_file_in_the_same_currency_holds_it(home):
    """Two GBP files: the second says nothing (nothing changes); undoing the first keeps £
    (the second still stands), undoing the second too puts back the default."""
    imported(home, "payments.csv", STRIPE_GBP)
    second = imported(home, "more.csv", STRIPE_GBP.replace("ch_", "py_"))
    assert "Money is" not in second
    cli("undo-import", "1", "--workspace", "shop")
    assert shown() == ("£", True)
    cli("undo-import", "2", "--workspace", "shop")
    assert shown() == ("$", False)


def test_plain_numbers_set_nothing(home):
    said = imported(home, "plain.csv", "Client,Stage,Revenue\nAmy,Customer,1200\n")
    assert "Money is" not in said
    assert shown() == ("$", False)


def test_the_import_page_changes_the_currency(home):
    open_workspace("shop").close()
    at = app_test("shop", "views/import.py")
    assert not at.exception, at.exception
    assert any(e.label == "Money is shown in $" for e in at.expander)
    at.selectbox(key="import_currency_$").set_value("£").run()
    at.button(key="import_currency_save").click().run()
    assert not at.exception, at.exception
    assert shown() == ("£", True)
    assert any(e.label == "Money is shown in £" for e in at.expander)
    at.selectbox(key="import_currency_£").set_value("Another…").run()
    at.text_input(key="import_currency_typed_£").set_value("CHF").run()
    at.button(key="import_currency_save").click().run()
    assert shown() == ("CHF", True)
    # ... and a file in pounds imported now keeps the owner's choice.
    assert "Money is still shown in CHF" in imported(home, "payments.csv", STRIPE_GBP)
