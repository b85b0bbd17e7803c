"""Event sheets and lists read wrongly, mended in session 27 (R2). Each sheet is imported
through the command line and checked against figures worked out by hand; beside each, a
sheet of another kind where the mend must not fire.

- A refunds log ("Client, Refund date, Refund amount") was a client list when no client
  was listed twice (the refund's day their first contact, the money dropped), and contacts
  with a refund beside them when one was: each row is a refund, of its money, on its day.
- A Spanish "Tipo" or German "Typ" or "Art" beside Cliente/Kunde, Fecha/Datum, Importe/Betrag
  was not read as the events' type: "Compra" and "Kauf" were contacts. It is the kind where
  its values name kinds, as an English "Type" is; "Kauf" beside "Verkauf" on a business's
  books is its own buying, as "Compra" beside "Venta" is.
- On an events sheet, a "Rating" of ranges ("7-9") took the amount and was then put aside as
  no money, leaving "Paid" unread: "Paid" is the amount, each row a sale.
- Klaviyo's profiles ("Email Marketing Consent": SUBSCRIBED, UNSUBSCRIBED, NEVER_SUBSCRIBED)
  kept the consent as an extra: the unsubscribed were not lost. Kit's subscribers ("state":
  active, cancelled, bounced) in a file not named for subscribers left "cancelled" a
  customer's word: a status a mailing list gives an address it cannot reach ("bounced")
  says the list is of subscribers, and cancelled is a lost contact.
- A celebrant's bookings: a "Booking fee" (the deposit paid on booking) was not read as a
  deposit, so couples who paid it had paid nothing. It is read as a "Deposit" is.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

# --- 1. A refunds log -----------------------------------------------------------------------

REFUNDS_ONCE = ("Client,Refund date,Refund amount\n"
                "Ann Fox,03/02/2025,45.00\n"
                "Bob Lee,10/02/2025,120.00\n"
                "Cara Wu,02/04/2025,15.50\n")


def test_a_refunds_log_listing_each_client_once_is_refunds(tmp_path):
    """3 refunds (45 + 120 + 15.50 = 180.50), one per client, on the days given: a refund
    says the client bought first, so 3 clients at purchase, no sales figure: [3, 3, 3, 0, 0]
    (was a client list: 3 clients at awareness, the money dropped: [3, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "export.csv", REFUNDS_ONCE)
    assert found["kind"] == "events"
    assert found["mapping"] == {"Client": "name", "Refund date": "date",
                                "Refund amount": "amount"}
    assert kind_totals(tmp_path, "refund") == (3, 180.5)
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert kind_totals(tmp_path, "contact") == (0, None)
    assert workspace_rows(tmp_path, "SELECT c.name, e.date, e.amount FROM events e JOIN "
                                    "clients c ON c.id = e.client_ref ORDER BY e.date") == [
        ("Ann Fox", "2025-02-03", 45.0), ("Bob Lee", "2025-02-10", 120.0),
        ("Cara Wu", "2025-04-02", 15.5)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]
    assert any("read as refunds, because its column 'Refund amount' gives the money given "
               "back on each" in note for note in found["notes"])


def test_a_refunds_log_naming_a_client_twice_has_no_contacts_beside(tmp_path):
    """Ann Fox refunded twice (45 on 3 Feb, 30 on 21 Mar), Bob Lee once (120), a "Reason"
    beside: 3 refunds of 195, no contact (was 3 contacts, each with a refund beside it);
    2 clients who bought: [2, 2, 2, 0, 0] (the funnel was the same)."""
    found = cli_import_text(tmp_path, "log.csv", (
        "Customer,Date,Refund amount,Reason\n"
        "Ann Fox,2025-02-03,45.00,Damaged\n"
        "Bob Lee,2025-02-10,120.00,Late\n"
        "Ann Fox,2025-03-21,30.00,Wrong size\n"))
    assert found["mapping"]["Refund amount"] == "amount"
    assert kind_totals(tmp_path, "refund") == (3, 195.0)
    assert kind_totals(tmp_path, "contact") == (0, None)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_file_called_refunds_gives_no_purchase_beside_each_refund(tmp_path):
    """Named "refunds.csv", a bare "Refund" column: the same 3 refunds (35), and no
    purchase of no amount made up beside each (was 3 purchases beside them)."""
    cli_import_text(tmp_path, "refunds.csv", ("Client,Date,Refund\n"
                                              "Ann Fox,2025-03-01,10\n"
                                              "Bob Lee,2025-03-02,20\n"
                                              "Cara Wu,2025-03-05,5\n"))
    assert kind_totals(tmp_path, "refund") == (3, 35.0)
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_complaints_log_with_a_refund_on_every_row_stays_complaints(tmp_path):
    """A "Complaint" column (its header names a kind), a refund on each row: 2 contacts
    with a refund beside each (20 + 15), as before, in a file named for nothing."""
    found = cli_import_text(tmp_path, "log.csv", ("Date,Client,Complaint,Refund (£)\n"
                                                  "2024-03-01,Ann Lee,Late delivery,20\n"
                                                  "2024-03-09,Bob Ray,Wrong size,15\n"))
    assert found["mapping"]["Refund (£)"] is None
    assert kind_totals(tmp_path, "refund") == (2, 35.0)
    assert kind_totals(tmp_path, "contact") == (2, None)


def test_sheets_with_other_money_beside_a_refund_column_read_as_before(tmp_path):
    """Must not fire: an order list ("Total" beside "Refunded amount": 3 sales of 160, 1
    full and 1 part refund of 90), a client list's "Total refunded" (3 clients, no events),
    a refunds log whose "Status" says which were paid (kept as it was read: contacts with a
    refund beside)."""
    orders = tmp_path / "orders"
    orders.mkdir()
    cli_import_text(orders, "orders.csv", ("Order,Customer,Date,Total,Refunded amount\n"
                                           "1001,Ann Fox,2025-03-01,50.00,0\n"
                                           "1002,Bob Lee,2025-03-02,80.00,80.00\n"
                                           "1003,Cara Wu,2025-03-04,30.00,10.00\n"))
    assert kind_totals(orders, "purchase") == (3, 160.0)
    assert kind_totals(orders, "refund") == (2, 90.0)
    listed = tmp_path / "listed"
    listed.mkdir()
    found = cli_import_text(listed, "customers.csv", (
        "Customer,Email,Last order,Total refunded\n"
        "Ann Fox,ann@x.com,2025-03-01,10\n"
        "Bob Lee,bob@x.com,2025-03-02,0\n"
        "Cara Wu,cara@x.com,2025-02-01,25\n"))
    assert found["kind"] == "clients"
    assert kind_totals(listed, "refund") == (0, None)
    status = tmp_path / "status"
    status.mkdir()
    found = cli_import_text(status, "export.csv", ("Customer,Refund date,Refund amount,Status\n"
                                                   "Ann Fox,2025-03-01,10,Approved\n"
                                                   "Bob Lee,2025-03-02,20,Pending\n"))
    assert found["mapping"]["Refund amount"] is None


# --- 2. A "Tipo", "Typ" or "Art" of events ----------------------------------------------------

SPANISH = ("Cliente,Fecha,Tipo,Importe\n"
           "Ana García,2025-03-01,Consulta,\n"
           "Ana García,2025-03-05,Compra,120\n"
           "Luis Pérez,2025-03-02,Llamada,\n"
           "Luis Pérez,2025-03-09,Compra,80\n"
           "Luis Pérez,2025-04-10,Compra,60\n"
           "Marta Ruiz,2025-03-03,Devolución,30\n")
GERMAN = ("Kunde,Datum,{type},Betrag\n"
          "Anna Müller,01.03.2025,Anfrage,\n"
          "Anna Müller,05.03.2025,Kauf,120\n"
          "Jonas Weber,02.03.2025,Anruf,\n"
          "Jonas Weber,09.03.2025,Kauf,80\n"
          "Jonas Weber,10.04.2025,Rückerstattung,30\n"
          "Jonas Weber,20.04.2025,Kauf,60\n")


def test_a_spanish_tipo_says_what_happened(tmp_path):
    """Ana: a "Consulta" (an enquiry), then a Compra of 120; Luis: a call, then Compras of
    80 and 60 a month apart (a repeat); Marta: a Devolución of 30 (a refund: she bought).
    3 clients, sales 260, refunds 30: [3, 3, 3, 1, 0] (was 6 contacts: [3, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "movimientos.csv", SPANISH)
    assert found["mapping"]["Tipo"] == "kind"
    assert kind_totals(tmp_path, "purchase") == (3, 260.0)
    assert kind_totals(tmp_path, "refund") == (1, 30.0)
    assert kind_totals(tmp_path, "contact") == (1, None)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_german_typ_or_art_says_what_happened(tmp_path):
    """Anna: an Anfrage, then a Kauf of 120; Jonas: a call, Käufe of 80 and 60 on two days
    and a Rückerstattung of 30 between. 2 clients, sales 260, refunds 30: [2, 2, 2, 1, 0]
    (was 6 contacts: [2, 0, 0, 0, 0]); the same under "Typ" and "Art"."""
    for header in ("Typ", "Art"):
        folder = tmp_path / header
        folder.mkdir()
        found = cli_import_text(folder, "vorgaenge.csv", GERMAN.format(type=header))
        assert found["mapping"][header] == "kind"
        assert kind_totals(folder, "purchase") == (3, 260.0)
        assert kind_totals(folder, "refund") == (1, 30.0)
        assert cli_funnel(folder) == [2, 2, 2, 1, 0]


def test_kauf_beside_verkauf_on_the_books_is_the_business_buying(tmp_path):
    """A German business's books ("Art": Verkauf beside Kauf) and a Spanish one's ("Tipo":
    Venta beside Compra): Hansen 2,500 and Jensen 1,200 are sales; the 800 of materials from
    Bauhaus is the business's own buying, left out: 2 clients, [2, 2, 2, 0, 0] (were 3
    contacts)."""
    books = {"Art": ("Datum,Name,Beschreibung,Art,Betrag\n"
                     '01.03.2025,Hansen GmbH,Rechnung 101,Verkauf,"2.500,00"\n'
                     '03.03.2025,Bauhaus,Material,Kauf,"-800,00"\n'
                     '05.03.2025,Jensen AG,Rechnung 102,Verkauf,"1.200,00"\n'),
             "Tipo": ("Fecha,Nombre,Concepto,Tipo,Importe\n"
                      '01/03/2025,Hansen SL,Factura 101,Venta,"2.500,00"\n'
                      '03/03/2025,Bauhaus,Materiales,Compra,"-800,00"\n'
                      '05/03/2025,Jensen SA,Factura 102,Venta,"1.200,00"\n')}
    for header, text in books.items():
        folder = tmp_path / header
        folder.mkdir()
        found = cli_import_text(folder, "buchhaltung.csv", text)
        assert any("the business's own buying (from Bauhaus; 800 in all)" in note
                   for note in found["notes"])
        assert kind_totals(folder, "purchase") == (2, 3700.0)
        assert cli_funnel(folder) == [2, 2, 2, 0, 0]


def test_a_tipo_of_clients_or_an_art_of_paintings_is_no_kind(tmp_path):
    """Must not fire: a "Tipo" of the client's type (Particular, Empresa) and an "Art" of
    paintings sold (titles) name no kind: kept as extra, the rows read as before (contacts
    with an amount: no purchase from an amount alone)."""
    sheets = {"tipo": ("Cliente,Fecha,Tipo,Importe\n"
                       "Ana García,2025-03-01,Particular,50\n"
                       "Ana García,2025-03-05,Particular,120\n"
                       "Talleres Ruiz SL,2025-03-02,Empresa,300\n"),
              "art": ("Date,Customer,Art,Price\n"
                      "2025-03-01,Ann Fox,Sunset over Whitby,250\n"
                      "2025-03-05,Bob Lee,Portrait of a dog,400\n"
                      "2025-03-09,Ann Fox,Harbour at dawn,180\n")}
    for name, text in sheets.items():
        folder = tmp_path / name
        folder.mkdir()
        found = cli_import_text(folder, "export.csv", text)
        assert "kind" not in found["mapping"].values()
        assert kind_totals(folder, "purchase") == (0, None)
        assert cli_funnel(folder) == [2, 0, 0, 0, 0]


# --- 4. A "Rating" beside "Paid" ------------------------------------------------------------

def test_a_rating_of_ranges_leaves_paid_the_amount(tmp_path):
    """A tasting club's events: Ann paid 45 on 1 and 15 March (a repeat), Bob 60, Cara 60;
    "Rating" 7-9, 9-10 is no money. 4 sales of 210 from 3 clients: [3, 3, 3, 1, 0] (was 4
    contacts of no amount: [3, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "events.csv", (
        "Date,Client,Event,Paid,Rating\n"
        "2025-03-01,Ann Fox,Wine tasting,45,7-9\n"
        "2025-03-08,Bob Lee,Cheese night,60,9-10\n"
        "2025-03-15,Ann Fox,Wine tasting,45,4-6\n"
        "2025-03-22,Cara Wu,Cheese night,60,7-9\n"))
    assert found["mapping"]["Paid"] == "amount"
    assert found["mapping"]["Rating"] is None
    assert kind_totals(tmp_path, "purchase") == (4, 210.0)
    assert workspace_rows(tmp_path, "SELECT name, revenue_events FROM clients ORDER BY name") == [
        ("Ann Fox", 90.0), ("Bob Lee", 60.0), ("Cara Wu", 60.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_rating_beside_paid_yes_or_no_or_a_price_reads_as_before(tmp_path):
    """Must not fire: "Paid" Yes or No beside a 1-5 "Rating" (no amount: Paid says which
    were paid), and "Paid" Yes or No beside a "Price" (the price is the amount); a
    reviews file keeps its "Rating" as the stars."""
    flags = tmp_path / "flags"
    flags.mkdir()
    found = cli_import_text(flags, "jobs.csv", ("Date,Client,Paid,Rating\n"
                                                "2025-03-01,Ann Fox,Yes,4\n"
                                                "2025-03-08,Bob Lee,No,5\n"))
    assert "amount" not in found["mapping"].values()
    priced = tmp_path / "priced"
    priced.mkdir()
    found = cli_import_text(priced, "jobs.csv", ("Date,Client,Price,Paid,Rating\n"
                                                 "2025-03-01,Ann Fox,45,Yes,7-9\n"
                                                 "2025-03-08,Bob Lee,60,No,9-10\n"))
    assert found["mapping"] == {"Date": "date", "Client": "name", "Price": "amount",
                                "Paid": None, "Rating": None}
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    found = cli_import_text(reviews, "reviews.csv", ("Date,Client,Paid,Rating\n"
                                                     "2025-03-01,Ann Fox,45,5\n"))
    assert found["mapping"]["Rating"] == "amount"


# --- 3. Klaviyo's and Kit's subscribers --------------------------------------------------------

KLAVIYO = ("Email,First Name,Last Name,Phone Number,City,Country,Email Marketing Consent,"
           "Email Marketing Consent Timestamp,Profile Created On,Last Active\n"
           "ann@example.com,Ann,Fox,,Leeds,United Kingdom,SUBSCRIBED,2025-01-02 10:00:00,"
           "2025-01-02 10:00:00,2025-03-01 09:00:00\n"
           "bob@example.com,Bob,Lee,,York,United Kingdom,UNSUBSCRIBED,2025-02-10 10:00:00,"
           "2025-01-03 10:00:00,2025-02-10 10:00:00\n"
           "cy@example.com,Cy,Dee,,Hull,United Kingdom,NEVER_SUBSCRIBED,,"
           "2025-01-04 10:00:00,2025-01-20 10:00:00\n"
           "dee@example.com,Dee,Ray,,Bath,United Kingdom,SUBSCRIBED,2025-01-05 10:00:00,"
           "2025-01-05 10:00:00,2025-03-02 10:00:00\n")


def test_klaviyos_unsubscribed_profile_is_a_lost_contact(tmp_path):
    """4 profiles, none bought: all at awareness, [4, 0, 0, 0, 0] (as before); Bob
    unsubscribed is a lost contact (was nothing said), the subscribed are no customers, and
    NEVER_SUBSCRIBED is a contact at awareness, not a value to ask about."""
    found = cli_import_text(tmp_path, "profiles.csv", KLAVIYO)
    assert found["mapping"]["Email Marketing Consent"] == "status"
    assert found["unknown_stage_values"] == {}
    assert any("on a list of leads or subscribers" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, outcome FROM clients "
                                    "ORDER BY name") == [
        ("Ann Fox", "awareness", None), ("Bob Lee", "awareness", "lost"),
        ("Cy Dee", "awareness", None), ("Dee Ray", "awareness", None)]
    assert cli_funnel(tmp_path) == [4, 0, 0, 0, 0]


def test_kits_subscribers_in_a_file_named_for_nothing(tmp_path):
    """Kit's export as "export.csv": Bob cancelled and Cy bounced are lost contacts (Bob
    was "cancelled", a customer's word), Ann and Dee active subscribers, no one bought:
    [4, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "export.csv", (
        "first_name,email_address,state,created_at\n"
        "Ann,ann@example.com,active,2025-01-02 10:00:00 UTC\n"
        "Bob,bob@example.com,cancelled,2025-01-03 10:00:00 UTC\n"
        "Cy,cy@example.com,bounced,2025-01-04 10:00:00 UTC\n"
        "Dee,dee@example.com,active,2025-01-05 10:00:00 UTC\n"))
    assert any("1 contact 'cancelled' was read as lost, not churned" in note
               for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, outcome FROM clients ORDER BY name") == [
        ("Ann", None), ("Bob", "lost"), ("Cy", "lost"), ("Dee", None)]
    assert cli_funnel(tmp_path) == [4, 0, 0, 0, 0]


def test_customers_consent_and_a_gyms_members_read_as_before(tmp_path):
    """Must not fire: customers with "Total Spent" beside their "Email Marketing Consent"
    (Ann 120 and Bob 80 bought, Bob unsubscribed but still a customer; Cy spent 0:
    [3, 2, 2, 0, 0], no one lost); a gym's members whose "Status" says Cancelled stay
    members who paid, Bob's membership cancelled, not a lost lead: [3, 3, 3, 0, 0]. (Bob
    left as a member who had paid: churned, since session 28, was the outcome cancelled.)"""
    shop = tmp_path / "shop"
    shop.mkdir()
    cli_import_text(shop, "customers.csv", ("Name,Email,Total Spent,Email Marketing Consent\n"
                                            "Ann Fox,ann@x.com,120,SUBSCRIBED\n"
                                            "Bob Lee,bob@x.com,80,UNSUBSCRIBED\n"
                                            "Cy Dee,cy@x.com,0,NEVER_SUBSCRIBED\n"))
    assert workspace_rows(shop, "SELECT name, furthest_stage, outcome FROM clients "
                                "ORDER BY name") == [
        ("Ann Fox", "purchase", None), ("Bob Lee", "purchase", None),
        ("Cy Dee", "awareness", None)]
    assert cli_funnel(shop) == [3, 2, 2, 0, 0]
    gym = tmp_path / "gym"
    gym.mkdir()
    cli_import_text(gym, "export.csv", ("Member ID,Name,Status,Membership,Joined\n"
                                        "M1,Ann Fox,Active,Gold,2025-01-02\n"
                                        "M2,Bob Lee,Cancelled,Silver,2025-01-03\n"
                                        "M3,Cy Dee,Active,Gold,2025-01-04\n"))
    assert workspace_rows(gym, "SELECT name, outcome FROM clients ORDER BY name") == [
        ("Ann Fox", None), ("Bob Lee", "churned"), ("Cy Dee", None)]
    assert cli_funnel(gym) == [3, 3, 3, 0, 0]


# --- 5. A celebrant's "Booking fee" ---------------------------------------------------------

CELEBRANT = ("Couple,Ceremony date,Venue,Package,Fee,{deposit},Balance paid,Status\n"
             "Ann & Tom Fox,14/06/2025,Leeds Town Hall,Full ceremony,650,200,450,Married\n"
             "Bob & Sue Lee,20/09/2025,York Barn,Full ceremony,650,200,,Booked\n"
             "Cara & Jo Wu,05/10/2025,Hull Gardens,Simple,350,100,,Booked\n"
             "Dan Ray,12/12/2025,Bath Abbey,Full ceremony,650,,,Enquiry\n")


def test_a_celebrants_booking_fee_is_a_deposit(tmp_path):
    """Ann & Tom paid all 650 (booking fee and balance); Bob & Sue 200 and Cara & Jo 100 of
    their fees, the booking fee; Dan asked only. Revenue paid 650 + 200 + 100 = 950, to come
    450 + 250 + 650 = 1,350 (was 650 paid and 1,650 to come: the booking fees lost), the
    same as under "Deposit"; 3 couples booked: [4, 3, 3, 0, 0]."""
    for deposit in ("Booking fee", "Deposit"):
        folder = tmp_path / deposit.replace(" ", "_")
        folder.mkdir()
        found = cli_import_text(folder, "bookings.csv", CELEBRANT.format(deposit=deposit))
        assert any(f"'{deposit}' (a deposit taken: no column says otherwise)" in note
                   for note in found["notes"])
        assert workspace_rows(folder, "SELECT name, revenue_current, revenue_potential FROM "
                                      "clients ORDER BY name") == [
            ("Ann & Tom Fox", 650.0, None), ("Bob & Sue Lee", 200.0, 450.0),
            ("Cara & Jo Wu", 100.0, 250.0), ("Dan Ray", None, 650.0)]
        assert cli_funnel(folder) == [4, 3, 3, 0, 0]


def test_a_booking_fee_on_a_log_of_events_with_the_balance_owed(tmp_path):
    """A private chef's log: Ann's 1,100 dinner "Done - balance owed" is a sale of the 300
    booking fee paid (was 1,100); Bob's 800 paid in full: sales 1,100, [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "events.csv", ("Client,Event date,Total,Booking fee,Status\n"
                                             "Ann Fox,2025-03-01,1100,300,Done - balance owed\n"
                                             "Bob Lee,2025-03-08,800,200,Paid in full\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 1100.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_ticket_orders_booking_fee_is_no_deposit(tmp_path):
    """Must not fire: a ticket seller's "Booking fee" beside "Ticket price" and "Total" (no
    balance, nothing owed) is part of each order: 3 orders of 88 from 2 buyers, Ann twice
    on two days: [2, 2, 2, 1, 0], as before."""
    cli_import_text(tmp_path, "orders.csv", ("Order,Buyer,Date,Ticket price,Booking fee,Total\n"
                                             "T1,Ann Fox,2025-03-01,25.00,2.50,27.50\n"
                                             "T2,Bob Lee,2025-03-02,25.00,2.50,27.50\n"
                                             "T3,Ann Fox,2025-04-02,30.00,3.00,33.00\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 88.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
