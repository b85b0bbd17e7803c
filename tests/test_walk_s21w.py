"""Helper W's walk in Chromium (session 21): the Workshop page's action list.

Seen in the walk (the demo's 12 actions, 1440 and 1280 px, normal and presenter mode): the
list was a grid whose cells cut their text off: 'One-page proposal summary with a single
recommended option' and 'CX and account management' at 1440 in both modes, 'In progress,
overdue' in presenter mode; at 1280 with the sidebar open the grid scrolled sideways, so
Effort, Department and the 'overdue' of 'In progress, overdue' were off the page. Checked
here:

- a list shown whole (up to 25 actions) is a static table whose cells wrap, so each cell
  holds its whole text: a 200-character title, 'In progress, overdue', a long department;
  in presenter mode the same without the department; a due date is not broken over two
  lines at its hyphens (a word joiner after each);
- must not fire: a list of 26 actions stays a scrolling grid (st.dataframe), every row there.

And the Funnel page under its chart: a market stall's cash book whose one payer is Mrs Hall
(test_left_alone_s21b's sheet) read "1 clients. Each stage counts..."; now "1 client.";
two clients still "2 clients.".
"""

import pytest
from conftest import cli_import_text

from journey.workshop import actions
from journey.workspace import open_workspace

LONG_TITLE = ("Ring the three lost dental practices back and ask what would change "
              "their minds about the quote, then write what they said on a lost-deals "
              "sheet so the team can read it before next month's review, Sam")


def fill(count: int, late: bool = False) -> None:
    """``count`` actions in workspace 'shop'; the first has the long title, a long department,
    and (``late``) is in progress and past its due date."""
    db = open_workspace("shop")
    first = actions.add_action(db, {"title": LONG_TITLE, "owner": "Sam",
                                    "department": "CX and account management",
                                    "impact": 5, "effort": 1, "due": "2099-01-01"})
    for n in range(1, count):
        actions.add_action(db, {"title": f"Action {n}", "owner": "Ann", "impact": 1,
                                "effort": 5})
    if late:
        db.execute("UPDATE actions SET due = '2020-01-01', status = 'doing' WHERE id = ?",
                   [first])
        db.conn.commit()
    db.close()


@pytest.mark.parametrize("presenter", [False, True])
def test_a_list_shown_whole_holds_each_cells_whole_text(home, presenter):
    """2 actions: the first row reads in full, title (200 characters: the longest allowed),
    'In progress, overdue' and, outside presenter mode, the department."""
    from conftest import app_test

    fill(2, late=True)
    at = app_test("shop", "views/workshop.py", presenter=presenter)
    assert not at.exception
    assert not at.main.dataframe                       # no grid cutting cells off
    listed = at.main.table[0].value
    first = listed.iloc[0].to_dict()
    assert len(LONG_TITLE) == actions.TITLE_LENGTH
    assert first["Action"] == LONG_TITLE and first["Status"] == "In progress, overdue"
    assert (first["Impact"], first["Effort"]) == ("5", "1")
    if presenter:
        assert "Department" not in listed.columns
    else:
        assert first["Department"] == "CX and account management"
    assert listed["Action"].tolist() == [LONG_TITLE, "Action 1"]
    assert first["Due"] == "2020-\u206001-\u206001"     # a date never broken at its hyphens


def test_a_list_longer_than_25_stays_a_grid_with_every_row(home):
    """26 actions: too long to show whole, so the scrolling grid, all 26 rows in it."""
    from conftest import app_test

    fill(26)
    at = app_test("shop", "views/workshop.py")
    assert not at.exception
    assert not at.main.table
    grid = next(d.value for d in at.main.dataframe if "Action" in d.value.columns)
    assert len(grid) == 26 and grid["Action"].iloc[0] == LONG_TITLE


CASH_BOOK = ("Date,Details,In,Out\n06/04/2026,Victoria Sponge,18,\n06/04/2026,Honey Jar,6,\n"
             "06/04/2026,Victoria Sponge,18,\n06/04/2026,Sourdough Loaf,4.50,\n"
             "06/04/2026,Honey Jar,12,\n13/04/2026,Sourdough Loaf,4.50,\n"
             "13/04/2026,Sourdough Loaf,9,\n13/04/2026,Mrs Hall - birthday cake,45,\n"
             "14/04/2026,Flour,,22\n")


@pytest.mark.parametrize("sheet,sentence", [
    (CASH_BOOK, "1 client. Each stage counts the clients who reached it"),
    ("Client,Date,Amount\nAnn Lee,2026-03-01,40\nBo Chen,2026-03-02,25\n",
     "2 clients. Each stage counts the clients who reached it")])
def test_the_funnel_counts_its_clients_in_the_right_number(home, sheet, sentence):
    """The cash book: Mrs Hall's 45 is the one sale, the goods name no one: 1 client. Two
    payers: 2 clients."""
    from conftest import app_test

    cli_import_text(home, "cashbook.csv", sheet)
    at = app_test("w", "views/funnel.py")
    assert not at.exception
    assert any(c.value.startswith(sentence) for c in at.main.caption)


def test_a_download_of_a_signs_evidence_does_not_rerun_the_page(home):
    """Seen in the walk: clicking a sign's evidence CSV or Excel reran the page, the rerun
    registered the buttons' files afresh, and the file clicked was sometimes gone ("Deferred
    file ... not found" in the server's log, nothing downloaded: 8 times in ~100 clicks on
    the demo and the four real exports). Every download of the evidence (and of every table,
    widgets.download_table) now leaves the page as it is, its file built on click."""
    from conftest import app_test
    from journey.demo import build_demo

    build_demo("demo")
    at = app_test("demo", "views/signs.py", details_interdepartmental_complaints=True,
                  evidence_interdepartmental_complaints=True)
    assert not at.exception
    buttons = [e.proto for e in at.main.get("download_button")]
    assert len(buttons) == 4                   # events and clients, CSV and Excel each
    assert all(b.ignore_rerun and b.deferred_file_id for b in buttons)


ORDERS = "Client,Date,Amount\nAnn Lee,2026-01-05,40\nBo Chen,2026-02-01,30\nAnn Lee,2026-03-10,25\n"
NOT_MEASURED = "Not measured (see the working), so no figure rests on these"


def test_an_unmeasured_signs_evidence_says_no_figure_rests_on_it(home):
    """Seen in the walk: Shopify's orders list 296 clients under 'Low customer retention',
    Unknown (no status column says who left), as 'the clients behind the figure', with no
    figure. Here 3 orders of Ann and Bo: retention is not measured, its evidence lists the
    2 customers (Ann, Bo), and says no figure rests on them."""
    from conftest import app_test

    cli_import_text(home, "orders.csv", ORDERS)
    at = app_test("w", "views/signs.py", details_low_retention=True,
                  evidence_low_retention=True)
    assert not at.exception
    assert any(m.value == "**Clients** (2)" for m in at.main.markdown)
    assert sum(c.value.startswith(NOT_MEASURED) for c in at.main.caption) == 1


def test_a_measured_signs_evidence_says_nothing_of_the_kind(home):
    """Not fired: the demo's complaints between departments are measured (a figure and its
    working): its evidence has no such sentence."""
    from conftest import app_test
    from journey.demo import build_demo

    build_demo("demo")
    at = app_test("demo", "views/signs.py", details_interdepartmental_complaints=True,
                  evidence_interdepartmental_complaints=True)
    assert not at.exception
    assert any(m.value.startswith("**Events** (") for m in at.main.markdown)
    assert not any(c.value.startswith(NOT_MEASURED) for c in at.main.caption)


def test_the_import_page_counts_one_client_and_one_event_in_the_singular():
    """After a cash book with one payer the Import page said "1 clients and 1 events"
    (walk W's write-up 1)."""
    from journey.ingest.review import totals_sentence

    assert totals_sentence({"clients": 1, "events": 1}) == (
        "The workspace now holds 1 client and 1 event.")
    assert totals_sentence({"clients": 14810, "events": 2}) == (
        "The workspace now holds 14,810 clients and 2 events.")


def test_a_payment_currency_column_names_the_money(tmp_path):
    """A statement's 'Payment currency' of GBP (Revolut Business writes one beside its
    'Amount'): money is shown in pounds (walk W's write-up 2: the page said $850). A
    'Currency' header was read already; 'Payment currency' was not."""
    from conftest import cli_import_text

    from journey.workspace import get_setting, open_workspace

    cli_import_text(tmp_path, "sales.csv", "Date,Customer,Amount,Payment currency\n"
                    "2026-03-01,Ann Lee,100.00,GBP\n2026-03-05,Bo Chan,50.00,GBP\n")
    assert get_setting(open_workspace(str(tmp_path / "w.db"), create=False), "currency") == "£"
