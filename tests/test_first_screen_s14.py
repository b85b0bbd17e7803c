"""The owner's first screen after an import, walked in a browser on the real exports
(session 14): figures a page gave that another page, or the command line, gave otherwise.
Each file is imported with the command line a user runs, then the pages are rendered with
AppTest. Figures worked out by hand:

ORDERS, an order list whose last date is 2024-06-20 (buyers since 2024-03-22 are too new
to have come back, CHANCE_DAYS = 90):
  ann 2024-01-10 100 and 2024-04-01 100 (came back); bob 2024-01-15 50; cat 2024-02-01 80;
  dan 2024-06-01 60 and eve 2024-06-20 40 (too new); fay a contact, no purchase.
  Funnel: Awareness 6, Consideration 5, Purchase 5, Retention 1, Advocacy not measured.
  After purchase: 5 buyers, 2 too new, 3 had the chance, 1 came back: 2 lost, 67%.
  Before: Awareness -> Consideration 1 of 6 lost, 17%. Headline, on the Overview and the
  Funnel page alike: "67% of clients who bought did not come back." (the Funnel page said
  80%: 4 of 5, the too-new buyers counted lost).
  Revenue per purchase: 430 over 6 purchases = 71.67. Money at stake: Awareness ->
  Consideration 1 x 71.67 = $72; Consideration -> Purchase 0; Purchase -> Retention
  2 x 71.67 = $143 (was 4 lost, $287); Retention -> Advocacy not listed: nothing measures
  advocacy (was 1 lost, $72).
"""

from __future__ import annotations

import contextlib
import io

from conftest import app_test
from journey.__main__ import main

ORDERS = ("Order ID,Email,Order Date,Type,Total\n"
          "1,ann@example.com,2024-01-10,purchase,100\n"
          "2,ann@example.com,2024-04-01,purchase,100\n"
          "3,bob@example.com,2024-01-15,purchase,50\n"
          "4,cat@example.com,2024-02-01,purchase,80\n"
          "5,dan@example.com,2024-06-01,purchase,60\n"
          "6,eve@example.com,2024-06-20,purchase,40\n"
          "7,fay@example.com,2024-03-01,contact,\n")


def cli(*args: str) -> str:
    """``python -m journey ARGS`` in-process (JOURNEY_HOME is the ``home`` fixture's)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    return out.getvalue()


def imported(home, name: str, text: str, workspace: str = "shop") -> None:
    path = home.parent / name
    path.write_text(text, encoding="utf-8")
    cli("import", str(path), "--workspace", workspace)


def page(workspace: str, script: str, **state):
    at = app_test(workspace, script, **state)
    assert not at.exception, at.exception
    return at


def headlines(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def money_rows(at) -> list[tuple[str, str, str, str]]:
    table = next(t.value for t in at.table if "Clients lost" in t.value.columns)
    table = table.map(lambda v: str(v).replace("\\", ""))
    return list(zip(table["From"], table["To"], table["Clients lost"], table["Money at stake"]))


def test_the_overview_and_the_funnel_give_the_same_drop_off(home):
    imported(home, "orders.csv", ORDERS)
    overview = page("shop", "views/overview.py")
    funnel = page("shop", "views/funnel.py")
    for at in (overview, funnel):
        assert "67% of clients who bought did not come back." in headlines(at)
        assert "80%" not in headlines(at)
    assert ("2 clients stopped between Purchase and Retention. 2 who first bought in the "
            "last 90 days are left out") in captions(overview)
    drawn = next(h for h in funnel.get("html") if "How far clients got" in h.proto.body)
    assert "−67%</b><br>2 clients stopped" in drawn.proto.body
    assert ("2 bought in the last 90 days: too new to have come back, so the drop-off "
            "after purchase leaves them out.") in captions(funnel)


def test_money_at_stake_counts_no_loss_into_a_stage_nothing_measures(home):
    imported(home, "orders.csv", ORDERS)
    at = page("shop", "views/funnel.py")
    assert money_rows(at) == [("Awareness", "Consideration", "1", "$72"),
                              ("Consideration", "Purchase", "0", "$0"),
                              ("Purchase", "Retention", "2", "$143")]
    assert ("The most money is at stake between Purchase and Retention: 2 clients lost "
            "there, worth $143 at one purchase each.") in headlines(at)
    assert "The 2 buyers of the last 90 days are not counted lost" in captions(at)


TICKETS = ("Ticket ID,Requester,Subject,Created,Assignee\n"
           "1,ann@example.com,Login fails,2024-05-01,Kim\n"
           "2,bob@example.com,Invoice wrong,2024-05-02,Lee\n"
           "3,ann@example.com,Still failing,2024-05-03,Kim\n")


def test_a_tickets_log_values_no_drop_off_it_cannot_measure(home):
    """A help desk's tickets say who got in touch, nothing about considering or buying:
    no step after Awareness is measured, so no money table (it listed 2 clients "lost"
    on the way to Consideration), and no segment "converts best" (the help desk's agents:
    "Kim converts best: 0% of its 1 clients reached purchase")."""
    imported(home, "tickets.csv", TICKETS)
    at = page("shop", "views/funnel.py")
    assert "Your data measures no step after the first, so no drop-off can be valued." \
        in headlines(at)
    assert not [t for t in at.table if "Clients lost" in t.value.columns]
    assert [s.value for s in at.selectbox if s.label == "Compare by"] == ["owner"]
    assert "converts" not in headlines(at)
    # The segment grid drew 0.0% bars for Consideration to Advocacy, which nothing measures.
    assert "Conversion per segment" not in headlines(at)
    assert ("Your data measures no step after the first, so the segments cannot be "
            "compared.") in [i.value for i in at.info]


def test_a_drop_that_rounds_to_nothing_is_no_headline(home):
    """A month of orders (the pet-supplies Shopify export's shape): 250 buyers, all in the
    last 90 days, buyer0 twice, and one contact who never bought. 249 are too new to have
    come back, so after purchase 1 had the chance and came back: no loss. The only step
    with a loss loses 1 of 251 (0.4%): it said "0% of clients who knew of you did not
    consider buying." and "1 clients stopped"; now there is no headline."""
    rows = [f"{n},buyer{n}@example.com,2024-06-{1 + n % 20:02d},purchase,10"
            for n in range(250)]
    imported(home, "orders.csv", "Order ID,Email,Order Date,Type,Total\n" + "\n".join(
        rows) + "\n998,buyer0@example.com,2024-06-15,purchase,10"
        "\n999,visitor@example.com,2024-06-20,contact,\n")
    at = page("shop", "views/overview.py")
    assert [m.value for m in at.metric][:4] == ["251", "250", "250", "1"]
    assert "0% of clients" not in headlines(at)
    assert ("No step between the stages your data measures loses as much as 1% of its "
            "clients.") in captions(at)
    assert "249 bought in the last 90 days: too new to have come back." in captions(at)
    # 251 purchases of 10 by 250 buyers: 10 a purchase; the one who never bought.
    assert ("The most money is at stake between Awareness and Consideration: 1 client lost "
            "there, worth $10 at one purchase each.") in headlines(page("shop", "views/funnel.py"))


CUSTOMERS = ("Client ID,Name,Region,Purchases\n"
             "A,Ann,North,2\nB,Bob,North,1\nC,Cat,North,1\nD,Dan,North,2\n"
             "E,Eve,South,1\nF,Fay,South,1\nG,Gus,South,3\n")


def test_segments_that_all_bought_are_compared_where_they_differ(home):
    """A customer list (the Shopify customers export's shape, here with regions): every
    client bought, so "North converts best: 100% of its 4 clients reached purchase" said
    nothing (the telecom list: "Los Angeles converts best: 100%"). They differ at coming
    back: North 2 of 4 (50%), South 1 of 3 (33%)."""
    imported(home, "customers.csv", CUSTOMERS)
    at = page("shop", "views/funnel.py")
    assert ("North converts best: 50% of its 4 clients reached retention; South converts "
            "least: 33%.") in headlines(at)
    assert "reached purchase" not in headlines(at)


DEALS = ("ID,STAGE_ID,OPPORTUNITY,CLOSEDATE,CLOSED,TITLE,DATE_CREATE\n"
         "1,C2:WON,1000.00,2021-05-13,Y,Заявка,2021-05-08\n"
         "2,Сделка провалена,0.00,2021-05-14,Y,Заявка,2021-05-09\n"
         "3,C6:LOSE,0.00,2021-05-15,Y,Заявка,2021-05-10\n"
         "4,Подбор техники,,,N,Заявка,2021-05-11\n")


def test_deals_that_name_no_client_are_explained_not_counted_as_nobody(home):
    """A Bitrix24 deals export names no client (the real one: 7,602 deals): 4 events, 0
    clients. The Overview said "No clients match the filters in the sidebar" (none were
    chosen) and the Funnel page "No clients in this workspace yet" after 4 deals were
    imported; both now say the events are there and name no client."""
    imported(home, "deals.csv", DEALS)
    sentence = ("The workspace holds 4 events but no client: no row says whose it is (no "
                "client ID, e-mail or name column), and the funnel counts clients.")
    for script in ("views/overview.py", "views/funnel.py"):
        at = page("shop", script)
        shown = "\n".join(m.value for m in at.markdown)
        assert "No clients to count yet" in shown and sentence in shown, script
        assert "match the filters" not in shown + "".join(i.value for i in at.info)
    overview = page("shop", "views/overview.py")
    assert [m.value for m in overview.metric][:2] == ["0", "4"]     # data health: clients, events


def test_the_command_line_funnel_shows_what_the_pages_show(home):
    """The Stripe payments (and ORDERS) measure no advocacy: the pages show "–" and what to
    import, the command line printed "Advocacy 0 0.0% of previous" (and on a tickets log
    "Consideration 0 0.0% of previous", "Purchase 0"...). Same figures, same words now."""
    imported(home, "orders.csv", ORDERS)
    out = cli("funnel", "--workspace", "shop").splitlines()
    assert out[:5] == ["All clients", "  Awareness             6  ",
                       "  Consideration         5    83.3% of previous",
                       "  Purchase              5   100.0% of previous",
                       "  Retention             1    20.0% of previous"]
    assert out[5] == ("  Advocacy              –  not measured: No referrals, reviews or NPS "
                      "scores in your data: import a referrals list, reviews or an NPS survey "
                      "to measure this.")
    at = page("shop", "views/overview.py")
    assert [m.value for m in at.metric][:5] == ["6", "5", "5", "1", "–"]


def test_stage_values_a_profile_decided_are_not_waiting_to_be_mapped(home):
    """The Bitrix24 import decides won and lost from the export's stage ids and lists the
    other 26 values (945 deals) as unknown; the Overview counted 30 "Stage values to map"
    and the Import page asked what "Сделка провалена" (6,489 lost deals) means. DEALS: one
    won, two lost by the export's ids, one open at "Подбор техники": 1 value to map, as
    the import said (it counted 3)."""
    path = home.parent / "deals.csv"
    path.write_text(DEALS, encoding="utf-8")
    said = cli("import", str(path), "--workspace", "shop")
    assert "stage value 'Подбор техники' (1 row) is not known" in said
    assert said.count("is not known") == 1
    overview = page("shop", "views/overview.py")
    assert {m.label: m.value for m in overview.metric}["Stage values to map"] == "1"
    imports = page("shop", "views/import.py")
    waiting = [s.label for s in imports.selectbox if s.key.startswith("import_pending_")]
    assert waiting == ["Подбор техники (1 row)"]
