"""A hostile review of session 24's reading rules (A's client lists, D5's exports) on sheets
of other kinds, where their words, headers or shapes also occur (session 25, K11). Each
sheet goes through the command line; its figures were worked out by hand before importing.
Beside each mend, a sheet where the rule must still fire.

- A member's "Outstanding" beside a "Monthly fee" is months owed (arrears), not a part of
  the fee: the fee stays their revenue, the arrears revenue to come.
- A "Saldo" (or "Balance") beside a "Bono" of classes, a voucher or a gift card is credit
  still held, not money owed: the price paid stays the revenue.
- A total paid or invoiced says a client's revenue, not the fee of one lesson or an hour
  ("Lesson fee", "Our fee"); a blank total is no revenue, not the fee. An agent's "Our
  commission" is its revenue, not the artist's gig "Fee" beside it.
- A bare "Monthly" on a list of leads is what each would pay: revenue to come.
- A cleaner's "Visits" times "Price/visit" making a "Total cost" are visits made: only a
  total naming what was agreed ("Season total", "Contract") says they were agreed.
- A market's "Vendor" list with the "Pitch" each rents lists its clients, not suppliers.
- Undo: a value a later import gave (not wrote, the stored one standing) is that import's
  once the import that wrote it is undone; a later list's blank that left a value a log
  gave no longer holds the column. Undo then leaves what the remaining imports alone make.
- Lessons at a fee, with a "Block paid" of Yes and No: a block not marked paid is to come.
- "Cancelled - deposit kept": the deposit was paid (revenue), nothing to come.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, cli_undo, workspace_rows
from test_undo_s21c import _differences, _rows

REVENUE = ("SELECT name, revenue_current, revenue_potential FROM clients ORDER BY name")
STAGES = "SELECT name, furthest_stage FROM clients ORDER BY name"


def test_a_monthly_fee_in_arrears_stays_a_paying_members_fee(tmp_path):
    """Ann: Monthly fee 50, Outstanding 50 (a month behind): revenue 50, 50 to come, still a
    customer (was 0 and 50, at awareness: [3, 2, 2, 0, 0]); Bob 50, Cal 35:
    [3, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "members.csv", (
        "Member,Email,Monthly fee,Outstanding,Joined\n"
        "Ann Fox,ann@mail.com,£50,£50,2024-01-10\n"
        "Bob King,bob@mail.com,£50,£0,2024-03-02\n"
        "Cal Moss,cal@mail.com,£35,,2025-06-01\n"))
    assert any("a fee each month (50): revenue to come" in note for note in found["notes"])
    assert workspace_rows(tmp_path, REVENUE) == [("Ann Fox", 50.0, 50.0),
                                                 ("Bob King", 50.0, None),
                                                 ("Cal Moss", 35.0, None)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_arrears_above_a_monthly_fee_are_still_to_come(tmp_path):
    """Two months behind: Outstanding 100 of a 50 fee (the rule read nothing where a
    balance was above its price): Ann 50 and 100 to come."""
    cli_import_text(tmp_path, "members.csv", (
        "Member,Email,Monthly fee,Outstanding\n"
        "Ann Fox,ann@mail.com,£50,£100\nBob King,bob@mail.com,£50,£0\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Ann Fox", 50.0, 100.0),
                                                 ("Bob King", 50.0, None)]


def test_a_saldo_left_on_a_bono_of_classes_is_credit_not_owed(tmp_path):
    """A Spanish studio's "Bono 10 clases" at €90 with €45 "Saldo" left to use: paid 90
    (was 45, and 45 read as owed); Luis 50."""
    cli_import_text(tmp_path, "clientes.csv", (
        "Cliente,Email,Bono,Precio,Saldo\n"
        "Ana Ruiz,ana@mail.es,Bono 10 clases,€90,€45\n"
        "Luis Gil,luis@mail.es,Bono 5 clases,€50,€0\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Ana Ruiz", 90.0, None),
                                                 ("Luis Gil", 50.0, None)]


def test_a_gift_card_balance_is_left_to_spend(tmp_path):
    """A salon's gift cards sold: Price 100 with 40 "Balance" left on the card: 100 paid
    (was 60 and 40 owed)."""
    cli_import_text(tmp_path, "gift cards.csv", (
        "Customer,Email,Gift card,Price,Balance\n"
        "Ann Fox,ann@mail.com,GC-1,£100,£40\nBob King,bob@mail.com,GC-2,£50,£0\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Ann Fox", 100.0, None),
                                                 ("Bob King", 50.0, None)]


def test_a_dutch_saldo_beside_an_amount_is_still_owed(tmp_path):
    """Must still fire: no credit named, "Saldo" €200 of €500 is owed: 300 + 200 to come."""
    cli_import_text(tmp_path, "klanten.csv", (
        "Klant,E-mail,Bedrag,Saldo\n"
        "Anna de Vries,anna@mail.nl,€500,€200\nPiet Jansen,piet@mail.nl,€300,€0\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Anna de Vries", 300.0, 200.0),
                                                 ("Piet Jansen", 300.0, None)]


def test_what_was_invoiced_is_the_revenue_not_our_fee_an_hour(tmp_path):
    """A bookkeeper's "Our fee" 60 an hour, Hours 10 and 4, "Invoiced" 600 and 240:
    revenue 840 (was 120, the hourly fee read ahead of what was invoiced)."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Our fee,Hours,Invoiced\n"
        "Ann Fox,ann@mail.com,£60,10,£600\nBob King,bob@mail.com,£60,4,£240\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Ann Fox", 600.0, None),
                                                 ("Bob King", 240.0, None)]


def test_a_cleaners_visits_made_at_a_total_cost_stay_purchases(tmp_path):
    """Visits 6, 3, 2 x "Price/visit" = "Total cost", Ann paid 200 of 240: the visits were
    made, each client came back: [3, 3, 3, 3, 0] (was [3, 3, 3, 0, 0], the visits read as
    agreed for a season). Revenue 420 as before. (A gardener's "Season total" still says
    agreed: tests/test_left_alone_s24a.py.)"""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Visits,Price/visit,Total cost,Paid\n"
        "Ann Fox,ann@mail.com,6,£40,£240,£200\nBob King,bob@mail.com,3,£40,£120,£120\n"
        "Cal Moss,cal@mail.com,2,£50,£100,£100\n"))
    assert cli_funnel(tmp_path) == [3, 3, 3, 3, 0]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(420.0,)]


def test_an_agents_commission_is_the_revenue_not_the_artists_fee(tmp_path):
    """A booking agent's artists: the gig's "Fee" 1,000 and 800, "Our commission" 150 and
    120: revenue 270 (was 1,800, the artists' fees read ahead of the agent's own)."""
    cli_import_text(tmp_path, "artists.csv", (
        "Artist,Email,Gig,Fee,Our commission\n"
        "Ann Fox,ann@mail.com,Jazz night,£1000,£150\nBob King,bob@mail.com,Wedding,£800,£120\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Ann Fox", 150.0, None),
                                                 ("Bob King", 120.0, None)]


def test_a_total_paid_is_the_revenue_not_the_lesson_fee(tmp_path):
    """A tutor's "Lesson fee" 30, "Lessons" 10 and 4, "Total paid" 240 and 120: revenue
    360 (was 30 + 30 + 35, the fee of one); Cal had none and paid nothing: no revenue
    (was his fee, 35), not a customer."""
    cli_import_text(tmp_path, "students.csv", (
        "Student,Email,Lesson fee,Lessons,Total paid\n"
        "Ann Fox,ann@mail.com,£30,10,£240\nBob King,bob@mail.com,£30,4,£120\n"
        "Cal Moss,cal@mail.com,£35,0,\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Ann Fox", 240.0, None),
                                                 ("Bob King", 120.0, None),
                                                 ("Cal Moss", None, None)]
    assert dict(workspace_rows(tmp_path, STAGES))["Cal Moss"] == "awareness"


def test_lessons_not_marked_paid_are_revenue_to_come(tmp_path):
    """"Lesson fee" 30 x "Lessons" with "Block paid" Yes and No: Ann 300 paid; Bob's 4
    lessons (120) not paid: revenue to come (was 120 read as paid)."""
    found = cli_import_text(tmp_path, "students.csv", (
        "Student,Email,Lesson fee,Lessons,Block paid\n"
        "Ann Fox,ann@mail.com,£30,10,Yes\nBob King,bob@mail.com,£30,4,No\n"))
    assert any("1 client not marked paid in 'Block paid'" in note for note in found["notes"])
    assert workspace_rows(tmp_path, REVENUE) == [("Ann Fox", 300.0, None),
                                                 ("Bob King", None, 120.0)]


def test_a_booking_cancelled_with_its_deposit_kept_is_the_deposit(tmp_path):
    """'Cancelled - deposit kept': the 150 deposit was paid and stays (was nothing at all;
    before session 24, the 700 quote to come); nothing to come. Amy 650, Priya 150 + 450
    as before. Revenue 950 (was 800)."""
    cli_import_text(tmp_path, "DJ bookings.csv", (
        "Couple,Email,Wedding date,Quote,Status,Deposit,Balance\n"
        "Amy & Rob,amy@mail.com,14/06/25,£650,Paid in full,£150,£500\n"
        "Chloe & Dan,chloe@mail.com,02/08/25,£700,Cancelled - deposit kept,£150,£550\n"
        "Priya & Sam,priya@mail.com,20/09/25,£600,Deposit paid,£150,£450\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Amy & Rob", 650.0, None),
                                                 ("Chloe & Dan", 150.0, None),
                                                 ("Priya & Sam", 150.0, 450.0)]


def test_a_bare_monthly_on_a_list_of_leads_is_revenue_to_come(tmp_path):
    """Leads (New, Contacted) with a bare "Monthly" £2,000 and £1,500, what each would pay:
    revenue to come 3,500, no revenue (was 3,500 revenue from leads who bought nothing)."""
    cli_import_text(tmp_path, "leads.csv", (
        "Company,Contact,Email,Status,Monthly\n"
        "Acme Ltd,Jo Hill,jo@acme.uk,New,£2000\nBolt plc,Sam Roe,sam@bolt.uk,Contacted,£1500\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Acme Ltd", None, 2000.0),
                                                 ("Bolt plc", None, 1500.0)]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_markets_vendors_renting_pitches_are_its_clients(tmp_path):
    """A market's "Vendor" list with the "Pitch" each rents and its "Pitch fee": the
    vendors pay the market, clients (was: kept as reference rows, a list of suppliers);
    two paid: [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "market vendors.csv", (
        "Vendor,Email,Pitch,Pitch fee,Paid\n"
        "Clayworks,hello@clayworks.uk,A1,£40,£40\nKnit Co,knit@co.uk,A2,£40,£20\n"
        "Glow Ltd,glow@ltd.uk,B1,£55,\n"))
    assert found["kind"] == "clients"
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_wedding_suppliers_without_a_pitch_stay_reference_rows(tmp_path):
    """Must still fire: a planner's "Supplier", "Contact", "Deposit", no client: reference."""
    found = cli_import_text(tmp_path, "Wedding suppliers.csv", (
        "Supplier,Contact,Status,Deposit\n"
        "Hill Barn,hill@barn.uk,Booked,£500\nBloom & Co,bloom@co.uk,Paid in full,£100\n"))
    assert found["kind"] == "reference"


# --- undo: what a later import gave and did not write -----------------------------------

TRACKER = "Client,Email,Stage,Country\nCafe Luna,,Customer,Spain\n"
CORRECTED = "Client,Email,Stage,Country\nCafe Luna,luna@cafe.example,Customer,Spain\n"
SALES_LOG = "Date,Customer,Email,Amount,Order\n2024-02-10,Cafe Luna,luna@cafe.example,800,S-3\n"


def test_undoing_the_corrected_list_then_the_log_leaves_the_tracker_alone(tmp_path):
    """Tracker (no e-mail), corrected list (writes luna@cafe.example), sales log (the same
    e-mail: given, not written, the list's standing). Undo the list: the log's e-mail
    stays (as tracker + log alone). Undo the log too: the e-mail goes, as the tracker alone
    makes it (was: kept, no standing import giving it)."""
    both, alone = tmp_path / "both", tmp_path / "alone"
    both.mkdir()
    alone.mkdir()
    for name, text in (("tracker", TRACKER), ("corrected", CORRECTED), ("log", SALES_LOG)):
        cli_import_text(both, f"{name}.csv", text)
    cli_import_text(alone, "tracker.csv", TRACKER)
    cli_undo(both, 2)
    assert workspace_rows(both, "SELECT email FROM clients") == [("luna@cafe.example",)]
    cli_undo(both, 3)
    assert workspace_rows(both, "SELECT email FROM clients") == [(None,)]
    assert _differences(_rows(both), _rows(alone)) == []


def test_undoing_the_tracker_then_the_log_leaves_the_corrected_lists_blank(tmp_path):
    """Tracker (Deli Mar's e-mail), sales log (the same e-mail), corrected list (e-mail
    blank: it clears what the tracker, a client list, wrote). Undo the tracker: the log's
    e-mail comes back (the list's blank leaves what a log gave). Undo the log too: the
    corrected list alone leaves no e-mail (was: deli@mar.example, given by no standing
    import)."""
    tracker = "Client,Email,Stage\nDeli Mar,deli@mar.example,Customer\n"
    log = "Date,Customer,Email,Amount,Order\n2024-03-01,Deli Mar,deli@mar.example,50,S-5\n"
    corrected = "Client,Email,Stage,Country\nDeli Mar,,Customer,Spain\n"
    both, alone = tmp_path / "both", tmp_path / "alone"
    both.mkdir()
    alone.mkdir()
    for name, text in (("tracker", tracker), ("log", log), ("corrected", corrected)):
        cli_import_text(both, f"{name}.csv", text)
    cli_import_text(alone, "corrected.csv", corrected)
    assert workspace_rows(both, "SELECT email FROM clients") == [(None,)]
    cli_undo(both, 1)
    assert workspace_rows(both, "SELECT email FROM clients") == [("deli@mar.example",)]
    cli_undo(both, 2)
    assert workspace_rows(both, "SELECT email, country FROM clients") == [(None, "Spain")]
    assert workspace_rows(alone, "SELECT email, country FROM clients") == [(None, "Spain")]
