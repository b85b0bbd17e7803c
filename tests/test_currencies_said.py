"""Money in more than one currency is added as written, with no rate: the import says so
(test_sales_reports), and so do the pages that show sums of money, for as long as the
import that brought them stands. Through the command line and AppTest."""

from __future__ import annotations

import contextlib
import io

from conftest import app_test
from journey.__main__ import main

ORDERS = ("Order ID,Date,Email,Total,Currency\n"
          "1001,2024-03-04,ana@example.com,49.00,USD\n"
          "1002,2024-03-05,ben@example.com,99.00,usd\n"
          "1003,2024-03-06,cy@example.com,39.00,EUR\n"
          "1004,2024-03-07,di@example.com,12.00,MXN\n")
SAID = ("Amounts are in more than one currency (EUR, MXN, USD): sums of money add them as "
        "written, with no exchange rate.")


def cli(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    return out.getvalue()


def page(script: str):
    at = app_test("shop", script)
    assert not at.exception, at.exception
    return at


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


def test_the_pages_say_money_in_three_currencies_is_added_as_written(home):
    """Orders in USD (2, one written 'usd'), EUR and MXN: 199 in all, added as written.
    The Overview's data health and the Funnel's money at stake warn of it, and the Personas
    page beside its money; after the import is undone, no page does."""
    path = home.parent / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8")
    assert "Amounts are in more than one currency (USD (2 rows), EUR (1 row), MXN (1 row)" \
        in cli("import", str(path), "--workspace", "shop")
    assert SAID in warnings(page("views/overview.py"))
    assert SAID in warnings(page("views/funnel.py"))
    cli("undo-import", "1", "--workspace", "shop")
    assert SAID not in warnings(page("views/overview.py"))
    assert SAID not in warnings(page("views/funnel.py"))


def test_the_personas_ranking_says_so_beside_its_money(demo_home):
    """The demo's personas rank by money at stake; orders in three currencies imported
    into it: the ranking's caption says the sums add them as written."""
    path = demo_home.parent / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8")
    cli("import", str(path), "--workspace", "demo")
    at = app_test("demo", "views/personas.py")
    assert not at.exception, at.exception
    assert any(SAID in c.value for c in at.caption)


def test_one_currency_is_not_warned_of(home):
    path = home.parent / "orders.csv"
    path.write_text(ORDERS.replace("EUR", "USD").replace("MXN", "USD"), encoding="utf-8")
    cli("import", str(path), "--workspace", "shop")
    assert not [w for w in warnings(page("views/overview.py")) if "currency" in w]


def test_the_salesforce_export_says_its_four_currencies(datasets, home):
    """The Salesforce opportunities (TRUTH: MXN/COP/PEN/USD amounts): the import says the
    four currencies, with their rows (MXN 212, COP 107, USD 102, PEN 80), and the Funnel
    page's money at stake is said to add them as written."""
    said = cli("import", str(datasets / "salesforce_opportunities_retail_media_latam.csv"),
               "--workspace", "shop")
    assert ("Amounts are in more than one currency (MXN (212 rows), COP (107 rows), USD "
            "(102 rows), PEN (80 rows), in 'CurrencyIsoCode')") in said
    assert ("Amounts are in more than one currency (COP, MXN, PEN, USD): sums of money add "
            "them as written, with no exchange rate.") in warnings(page("views/funnel.py"))
