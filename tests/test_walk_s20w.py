"""What a new owner's and a facilitator's walk through the app found (session 20, W): the
five real exports' Overview, Funnel and Signs figures matched TRUTH_exports.txt and the
command line; these two did not hold up.

- A returns list that names only the order (Superstore's "Returns" sheet: Returned, Order
  ID; since session 20 G, an order the workspace does not have) is read as refunds with
  no amount: nothing can be taken off the revenue for them,
  and the Overview's "their sales less refunds" said nothing of it. Now the sentence says
  how many refunds say no amount. Beside it, a returns list with its amounts (taken off,
  no such sentence), and a filter that leaves the refund's client out (no such sentence).
- The Clients page showed each client's "Revenue (current)", the tracker's column: blank
  for every client of an order list or a payments export, and the open client's Revenue
  tile "—", while the Overview counted their sales (Shopify activewear: a client of 15
  orders, $3,012.60 less $106.25 refunded, showed "—"). Now the list's "Revenue" and the
  tile are the client's revenue as every page counts it (the tracker's, else sales less
  refunds); a tracker's revenue is kept as it is.
- A facilitator who adds an action by mistake in front of the room could only mark it
  "Dropped": it stayed on the list. Now the tab that added it can undo the add, which
  removes exactly that row; not once anyone has moved the action on.
"""

from __future__ import annotations

import pandas as pd
from conftest import app_test, run_cli, xlsx_bytes

from journey import clients
from journey.filters import Filters
from journey.overview import revenue
from journey.workspace import open_workspace
from journey_ui.text import md

ORDERS = [["Order ID", "Order Date", "Customer ID", "Customer Name", "Sales"],
          ["O-1", "2024-01-05", "C1", "Ann Lee", 100],
          ["O-2", "2024-02-05", "C1", "Ann Lee", 50],
          ["O-3", "2024-01-10", "C2", "Bob Ray", 80]]
UNPRICED = ("1 refund says no amount, so nothing is taken off for it: it names an order no "
            "sale in the workspace has (O-9); import that order and it takes the order's "
            "amount.")  # (session 21 C: the note says what to do)


def import_shop(home, returns: list[list]) -> None:
    """The orders and a returns sheet, imported into workspace "shop" by the command line."""
    path = home.parent / "shop.xlsx"
    path.write_bytes(xlsx_bytes({"Orders": ORDERS, "Returns": returns}))
    done = run_cli(home, "import", str(path), "--workspace", "shop")
    assert done.returncode == 0, done.stderr


def test_a_returns_list_naming_only_the_order_says_its_refund_takes_nothing_off(home):
    """Sales 100 + 50 (Ann) + 80 (Bob) = 230; an order O-9 the workspace does not have is
    returned, with no amount: the revenue stays 230 and says why (was: 230, 'their sales
    less refunds' alone). (Session 20 G: a return naming an order the workspace has is
    that whole order returned, tests/test_walk_fixes_s20g.py; this test named Bob's O-3.)"""
    import_shop(home, [["Returned", "Order ID"], ["Yes", "O-9"]])
    db = open_workspace("shop")
    assert db.execute("SELECT kind, amount, order_id FROM events WHERE kind = 'refund'"
                      ).fetchall() == [("refund", None, "O-9")]
    takings = revenue(db)
    db.close()
    assert takings.total == 230
    assert takings.sentence("$") == ("Your clients' revenue: a tracker's, or their sales less "
                                     f"refunds. {UNPRICED}")
    at = app_test("shop")                                   # the Overview, as shown
    assert not at.exception
    assert "$230" in [m.value for m in at.main.metric if m.label == "Revenue"]
    assert any(UNPRICED in c.value for c in at.main.caption)


def test_a_returns_list_with_its_amounts_takes_them_off_and_says_nothing_more(home):
    """The same return with 'Refund amount' 30: 230 - 30 = 200, no sentence of refunds
    without an amount."""
    import_shop(home, [["Returned", "Order ID", "Refund amount"], ["Yes", "O-3", 30]])
    db = open_workspace("shop")
    takings = revenue(db)
    db.close()
    assert takings.total == 200
    assert "no amount" not in takings.sentence("$")


def test_a_refund_of_a_client_the_filters_leave_out_is_not_mentioned(home):
    """First contact 2024-01-01..01-07 chooses Ann alone (first order 01-05; Bob's is
    01-10): her 150, and Bob's return is not in that figure, so not in its sentence."""
    import_shop(home, [["Returned", "Order ID"], ["Yes", "O-3"]])
    db = open_workspace("shop")
    takings = revenue(db, Filters(date_from="2024-01-01", date_to="2024-01-07"))
    db.close()
    assert takings.total == 150
    assert "no amount" not in takings.sentence("$")


# --- the Clients page: each client's revenue ------------------------------------------------

def test_the_clients_page_shows_each_buyers_revenue_as_the_overview_counts_it(home):
    """Ann bought 100 + 50 = 150; Bob 80 with his order refunded 30: 50. Their revenues
    add up to the Overview's 200 (was: blank in the list, "—" on the open client)."""
    import_shop(home, [["Returned", "Order ID", "Refund amount"], ["Yes", "O-3", 30]])
    at = app_test("shop", "views/clients.py")
    assert not at.exception
    table = at.main.dataframe[0].value
    assert dict(zip(table["Client ID"], table["Revenue"])) == {"C1": 150, "C2": 50}
    ann = int(table.index[table["Client ID"] == "C1"][0])
    at.selectbox(key="client_open").set_value(ann).run()
    assert not at.exception
    assert {m.label: m.value for m in at.main.metric}["Revenue"] == md("$150")


def test_a_trackers_revenue_stays_the_clients_revenue(home):
    """A tracker says Ann's revenue is 900 and lists no sales: 900 is hers; Bob's blank
    stays blank (no evidence, not 0)."""
    path = home.parent / "tracker.csv"
    path.write_text("Name,Email,Stage,Revenue\nAnn Lee,ann@example.org,Purchase,900\n"
                    "Bob Ray,bob@example.org,Consideration,\n")
    assert run_cli(home, "import", str(path), "--workspace", "shop").returncode == 0
    db = open_workspace("shop")
    table = clients.client_rows(db)
    db.close()
    revenue = table.set_index("Name")["Revenue"]
    assert revenue["Ann Lee"] == 900 and pd.isna(revenue["Bob Ray"])


# --- the facilitator's undo of an action added by mistake -------------------------------

def add_on_the_page(at, title: str, owner: str):
    at.text_input(key="action_title").input(title)
    at.text_input(key="action_owner").input(owner)
    next(b for b in at.main.button if b.label == "Add the action").click().run()
    assert not at.exception
    return at


def undo_button(at):
    return [b for b in at.main.button if b.label.startswith("Undo adding")]


def test_the_tab_that_added_an_action_can_undo_it_and_the_list_is_as_before(home):
    """One action kept ('Call lost deals back', Sam); 'Send a thank-you card' (Walker)
    added and undone: the actions table is again exactly the one row it was."""
    from journey.workshop import actions

    db = open_workspace("shop")
    actions.add_action(db, {"title": "Call lost deals back", "owner": "Sam"})
    before = db.execute("SELECT * FROM actions").fetchall()
    db.close()
    at = add_on_the_page(app_test("shop", "views/workshop.py"),
                         "Send a thank-you card", "Walker")
    assert [b.label for b in undo_button(at)] == ["Undo adding 'Send a thank-you card'"]
    assert sorted(at.main.table[0].value["Action"]) == [
        "Call lost deals back", "Send a thank-you card"]
    undo_button(at)[0].click().run()
    assert not at.exception
    assert [s.value for s in at.main.success] == [
        "Undone: 'Send a thank-you card' is no longer on the action list."]
    assert not undo_button(at)
    db = open_workspace("shop")
    assert db.execute("SELECT * FROM actions").fetchall() == before
    db.close()


def test_an_action_moved_on_since_it_was_added_is_not_offered_for_undo(home):
    """Added, then moved to 'Done': the add is no longer the last word on it, so no undo
    (the row stays, done)."""
    open_workspace("shop").close()
    at = add_on_the_page(app_test("shop", "views/workshop.py"), "Send a welcome pack", "Sam")
    assert undo_button(at)
    at.selectbox(key="action_new_status").set_value("done")
    [b for b in at.main.button if b.label == "Save"][-1].click().run()    # the action's
    assert not at.exception and not undo_button(at)
    db = open_workspace("shop")
    assert db.execute("SELECT title, status FROM actions").fetchall() == [
        ("Send a welcome pack", "done")]
    db.close()


def test_an_action_added_elsewhere_is_not_offered_for_undo(home):
    """An action added by the command line or another tab: this tab added nothing."""
    from journey.workshop import actions

    db = open_workspace("shop")
    actions.add_action(db, {"title": "Quick win", "owner": "Sam"})
    db.close()
    at = app_test("shop", "views/workshop.py")
    assert not at.exception and not undo_button(at)


# --- empty lists on a projector ----------------------------------------------------------

HINT = "Switch on 'Edit live' (top right) to add them with the room."


def test_on_a_projector_an_empty_list_tells_the_facilitator_how_to_add_to_it(home):
    """Presenter mode hides the forms until 'Edit live' is on: the empty action list no
    longer says 'Add the first one above' (nothing is above), nor the empty touchpoints
    and persona cards say nothing of how to add them."""
    open_workspace("shop").close()
    at = app_test("shop", "views/workshop.py", presenter=True)
    box = " ".join(m.value for m in at.main.markdown)
    assert HINT in box and "Add the first one above" not in box
    at = app_test("shop", "views/touchpoints.py", presenter=True)
    assert any(c.value == f"No touchpoints yet in this stage. {HINT}" for c in at.main.caption)
    at = app_test("shop", "views/personas.py", presenter=True)
    assert any(HINT in m.value for m in at.main.markdown)


def test_with_edit_live_on_or_off_the_projector_the_hint_is_not_shown(home):
    """Edit live on: the forms are there, so no hint; out of presenter mode the same."""
    open_workspace("shop").close()
    for state in ({"presenter": True, "edit_live": True}, {}):
        for page in ("views/workshop.py", "views/touchpoints.py", "views/personas.py"):
            at = app_test("shop", page, **state)
            assert not at.exception
            texts = [m.value for m in at.main.markdown] + [c.value for c in at.main.caption]
            assert not any(HINT in t for t in texts), (page, state)


def test_on_a_projector_the_goal_kpis_and_sessions_say_how_to_edit_them(home):
    """The goal, the KPIs and the first session's box say the same as the lists (session
    20's walk: 'Close this one at the end (below)' pointed at a form Edit live hides)."""
    open_workspace("shop").close()
    at = app_test("shop", "views/workshop.py", presenter=True)
    boxes = [box.value for box in at.main.info]
    live = " Switch on 'Edit live' (top right) to {} with the room."
    assert any(b.startswith("No goal yet.") and b.endswith(live.format("set it")) for b in boxes)
    assert any(b.startswith("No KPIs yet") and b.endswith(live.format("add them")) for b in boxes)
    first = next(b for b in boxes if b.startswith("No session has been closed"))
    assert "(below)" not in first and first.endswith(live.format("close it"))
    at = app_test("shop", "views/workshop.py")          # out of presenter mode: the form is below
    first = next(b.value for b in at.main.info if b.value.startswith("No session has been"))
    assert "at the end (below), and" in first and "Edit live" not in first
