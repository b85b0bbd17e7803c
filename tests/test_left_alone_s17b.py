"""Misreadings earlier sessions noticed and left alone (session 17, B). Each sheet goes
through the command line and is checked against figures worked out by hand before
importing; beside each, where it matters, a sheet where the rule must not fire.

- A client list's one person written two ways ("💪 Sam Green", "sam green") with one phone
  number or e-mail address is one client.
- A wedding or event business's "Package" column of prices beside a "Paid" tick: the
  price is the sale where ticked.
- A florist's or a trade's list of enquiries, quotes and payments: a quote given is
  consideration, a payment a sale.
- Help-desk tickets without a type: only those whose subject speaks of a complaint are
  complaints; the others are support contacts.
- A Nordic deal pipeline (Steg, Värde): Vunnen won, Förlorad lost, and "Avslutad"
  (closed, won or lost) left for the owner to map, not read as bought.
- A Venmo "Standard Transfer" to the bank is the owner's own money: left out, said.
- A card reader's or a till's tip is taken off the sale's amount, where the amount holds it.
- Timely's appointments are Timely's (was "Square Appointments", or not recognised).
- Smaller: the free orders' note counts the rows kept; a subscriber's "bounced" and a
  subscription's "past_due" are read; "1 row ... was read as a contact"; Zoho Desk's
  "Ticket Owner" is the agent, never the client.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows


# --- one person written two ways, one phone number ------------------------------------------

def test_a_name_written_two_ways_with_one_number_is_one_client(tmp_path):
    """Sam Green is written '💪 Sam Green' and 'sam green', with one number written two ways:
    one client, named as best written, 'Sam Green' (session 18; was 'sam green'). Clients:
    Sam, Ann = 2 (was 3), both bought (a price above 0)."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Phone,Last visit,Service,Price\n"
        "💪 Sam Green,07700 900123,2024-03-01,PT session,40\n"
        "sam green,07700900123,2024-03-15,PT session,40\n"
        "Ann Lee,07700 900456,2024-03-05,PT session,40\n"))
    assert ("1 client written more than one way with the same phone number or e-mail address "
            "was read as one person: 'Sam Green' (also '💪 Sam Green', 'sam green').") in found[
                "notes"]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_name_written_two_ways_with_one_address_is_one_client(tmp_path):
    """'Jo Black' and 'JO BLACK ⭐' with one e-mail address: one client (Jo Black), beside
    Ann: 2 clients, both leads."""
    cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Stage\n"
        "JO BLACK ⭐,jo@example.com,lead\n"
        "Ann Lee,ann@example.com,lead\n"
        "Jo Black,Jo@Example.com,lead\n"))
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Jo Black",)]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_alike_names_with_different_numbers_stay_two_clients(tmp_path):
    """'Sam Green' and '💪 Sam Green' with different numbers may be two people: 2 clients
    kept, and the import says the spellings were kept apart."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Phone\n"
        "Sam Green,07700 900123\n"
        "💪 Sam Green,07700 900999\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]
    assert any("each spelling was kept as a client of its own" in n for n in found["notes"])


# --- a package's price, paid where ticked --------------------------------------------------

def test_a_package_price_is_the_sale_where_ticked_paid(tmp_path):
    """Amy & Tom (£1,800, ✓) and Cara & Eli (£1,800, yes) paid: 2 sales, £3,600 (was 2
    sales of no amount, £0). Beth & Dan (£2,400) and Dee & Fin (£950) are blank: booked,
    not paid, contacts. Funnel: 4 clients, 2 bought."""
    found = cli_import_text(tmp_path, "weddings.csv", (
        "Couple,Wedding date,Venue,Package,Paid\n"
        "Amy & Tom,2024-06-01,Old Barn,\"£1,800\",✓\n"
        "Beth & Dan,2024-07-13,Mill House,\"£2,400\",\n"
        "Cara & Eli,2024-08-10,Old Barn,\"£1,800\",yes\n"
        "Dee & Fin,2024-09-07,Town Hall,£950,\n"))
    assert found["mapping"]["Package"] == "amount"
    assert "'Package' holds prices: read as the amount" in found["explanation"]
    assert kind_totals(tmp_path, "purchase") == (2, 3600.0)
    assert kind_totals(tmp_path, "contact")[0] == 2
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


def test_a_workbook_of_packages_ticked_paid(tmp_path):
    """The same kept in a workbook, prices as text with "£": Ann (£1,200, ✓) paid, Bo
    (£800, blank) did not: 1 sale of £1,200; 2 clients, 1 bought."""
    (found,) = cli_import_book(tmp_path, "bookings.xlsx", {"2024": [
        ["Client", "Event date", "Package", "Paid"],
        ["Ann Lee", "2024-05-04", "£1,200", "✓"],
        ["Bo Tan", "2024-05-11", "£800", None]]})
    assert found["mapping"]["Package"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (1, 1200.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_a_package_of_numbers_is_not_a_price(tmp_path):
    """'Package' 1, 2, 3 (which package, no currency) is not money: no amount read."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        "Client,Date,Package,Paid\n"
        "Amy Lee,2024-06-01,1,yes\n"
        "Bo Tan,2024-06-02,2,no\n"
        "Cy Ray,2024-06-03,3,yes\n"))
    assert found["mapping"]["Package"] is None
    assert kind_totals(tmp_path, "purchase") == (2, None)


# --- a quote given is consideration ----------------------------------------------------------

def test_a_florists_quotes_are_consideration_and_payments_sales(tmp_path):
    """Ann (Quote sent £350) and Bo (Quoted £120) got quotes: consideration. Cy paid £60: a
    sale. Di only asked (Enquiry): awareness. Funnel [4, 3, 1, 0, 0], 1 sale of £60 (was
    [4, 2, 0, 0, 0] and no sale: 'Enquiry' kept the status from being read as orders')."""
    cli_import_text(tmp_path, "quotes.csv", (
        "Date,Client,Occasion,Quote sent,Amount,Status\n"
        "2024-04-02,Ann Lee,Wedding flowers,yes,£350,Quote sent\n"
        "2024-04-05,Bo Tan,Funeral wreath,yes,£120,Quoted\n"
        "2024-04-09,Cy Ray,Birthday bouquet,yes,£60,Paid\n"
        "2024-04-12,Di Woo,Wedding flowers,no,,Enquiry\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 60.0)
    assert cli_funnel(tmp_path) == [4, 3, 1, 0, 0]


def test_quotes_in_an_owners_own_words_are_consideration(tmp_path):
    """'Quotation sent', 'Quote given', 'Sent quote', 'Estimate given': 4 clients quoted,
    consideration (was awareness); 'Enquiry' stays awareness. No sale."""
    cli_import_text(tmp_path, "quotes.csv", (
        "Date,Client,Job,Amount,Status\n"
        "2024-04-02,Ann Lee,Boiler,£350,Quotation sent\n"
        "2024-04-05,Bo Tan,Radiator,£120,Quote given\n"
        "2024-04-06,Cy Ray,Shower,£260,Sent quote\n"
        "2024-04-08,Di Woo,Tap,£40,Estimate given\n"
        "2024-04-09,Ed Fox,Boiler,,Enquiry\n"))
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert cli_funnel(tmp_path) == [5, 4, 0, 0, 0]


# --- help-desk tickets without a type ------------------------------------------------------

def test_tickets_without_a_type_are_complaints_only_by_their_words(tmp_path):
    """Of 5 tickets, 'Parcel never arrived' and 'Mug arrived damaged - refund?' are
    complaints (2, was 5); the invoice copy, the address change and the opening hours are
    support contacts (3). 5 clients, all at awareness."""
    (found,) = cli_import_book(tmp_path, "tickets.xlsx", {"Tickets": [
        ["Ticket ID", "Created", "Requester", "Requester Email", "Subject", "Status"],
        [1001, "2024-05-01", "Ann Lee", "ann@example.com", "Copy of invoice please", "Solved"],
        [1002, "2024-05-02", "Bo Tan", "bo@example.com", "How do I change my address",
         "Closed"],
        [1003, "2024-05-03", "Cy Ray", "cy@example.com", "Parcel never arrived", "Open"],
        [1004, "2024-05-04", "Di Woo", "di@example.com", "Mug arrived damaged - refund?",
         "Solved"],
        [1005, "2024-05-05", "Ed Fox", "ed@example.com", "Question about opening hours",
         "Closed"]]})
    assert found["recognised_as"] == "helpdesk_tickets"
    assert "except 3 questions and requests kept as support contacts" in found["explanation"]
    assert kind_totals(tmp_path, "complaint")[0] == 2
    assert kind_totals(tmp_path, "contact")[0] == 3
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE complaint_count > 0 "
                                    "ORDER BY name") == [("Cy Ray",), ("Di Woo",)]
    assert cli_funnel(tmp_path) == [5, 0, 0, 0, 0]


def test_a_tickets_type_still_says_what_it_is(tmp_path):
    """With a Type column the type decides, whatever the subject: 'Problem' with the subject
    'Copy of invoice' is a complaint, 'Question' with 'Late delivery?' a contact: 1 and 1."""
    cli_import_text(tmp_path, "tickets.csv", (
        "Ticket ID,Created,Requester,Requester Email,Subject,Type,Status\n"
        "1,2024-05-01,Ann Lee,ann@example.com,Copy of invoice,Problem,Solved\n"
        "2,2024-05-02,Bo Tan,bo@example.com,Late delivery?,Question,Solved\n"))
    assert kind_totals(tmp_path, "complaint")[0] == 1
    assert kind_totals(tmp_path, "contact")[0] == 1


# --- Timely's appointments -----------------------------------------------------------------

TIMELY = ("Date,Time,Customer,Customer Email,Customer Mobile,Service,Staff,Location,{status},"
          "Price\n"
          "2024-06-03,10:00,Ann Lee,ann@example.com,0412 345 678,Cut & colour,Mia,Main St,"
          "Completed,$120.00\n"
          "2024-06-04,11:00,Bo Tan,bo@example.com,0412 345 679,Blow wave,Mia,Main St,"
          "Pencilled-in,$45.00\n"
          "2024-06-05,12:00,Cy Ray,cy@example.com,0412 345 680,Cut,Zoe,Main St,Cancelled,"
          "$60.00\n"
          "2024-06-10,09:30,Ann Lee,ann@example.com,0412 345 678,Blow wave,Zoe,Main St,"
          "Completed,$45.00\n")


def test_timely_appointments_are_timelys(tmp_path):
    """Ann's two completed visits are sales ($120 + $45 = $165) on two days: retention;
    Bo's pencilled-in booking is consideration; Cy's cancelled one a cancellation.
    [3, 2, 1, 1, 0] (was not recognised: [3, 0, 0, 0, 0], no sale)."""
    found = cli_import_text(tmp_path, "appointments.csv", TIMELY.format(status="Booking Status"))
    assert found["recognised_as"] == "timely_appointments"
    assert found["explanation"].startswith("Recognised as a Timely appointments export: "
                                           "4 bookings of 3 clients")
    assert kind_totals(tmp_path, "purchase") == (2, 165.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [3, 2, 1, 1, 0]


def test_timely_with_a_plain_status_is_not_square(tmp_path):
    """The same with its status headed "Status": Timely's still (was "a Square Appointments
    export", by the headers both share), and the same figures."""
    found = cli_import_text(tmp_path, "appointments.csv", TIMELY.format(status="Status"))
    assert found["recognised_as"] == "timely_appointments"
    assert kind_totals(tmp_path, "purchase") == (2, 165.0)
    assert cli_funnel(tmp_path) == [3, 2, 1, 1, 0]


def test_square_appointments_stay_squares(tmp_path):
    """Square's own headers (Customer Name, Customer Phone, Status) stay Square's: 1 sale."""
    found = cli_import_text(tmp_path, "appointments.csv", (
        "Date,Time,Service,Staff,Customer Name,Customer Email,Customer Phone,Status,Price\n"
        "2024-06-03,10:00,Cut,Mia,Ann Lee,ann@example.com,0412 345 678,Completed,$50.00\n"
        "2024-06-04,11:00,Cut,Mia,Bo Tan,bo@example.com,0412 345 679,Accepted,$50.00\n"))
    assert found["recognised_as"] == "square_appointments"
    assert kind_totals(tmp_path, "purchase") == (1, 50.0)


# --- a Nordic deal pipeline's "closed" ------------------------------------------------------

def test_a_swedish_pipelines_closed_deal_waits_to_be_mapped(tmp_path):
    """Alfa's deal Vunnen (won): bought; Beta's Förlorad: lost; Delta's Offert skickad:
    consideration; Gamma's Avslutad (closed: won or lost?) is asked about, not bought.
    [4, 2, 1, 0, 0] (was [4, 0, 0, 0, 0]: Steg and Värde unread; with them read, Avslutad
    bought: [4, 3, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "affarer.csv", (
        "Affär,Organisation,Kontaktperson,Värde,Steg,Skapad\n"
        "Webbshop,Alfa AB,Anna Berg,50000,Vunnen,2024-02-01\n"
        "Logotyp,Beta AB,Bo Ek,12000,Förlorad,2024-02-05\n"
        "Hemsida,Gamma AB,Cia Lund,30000,Avslutad,2024-02-09\n"
        "Kampanj,Delta AB,Dan Ström,8000,Offert skickad,2024-02-12\n"))
    assert found["mapping"]["Steg"] == "stage"
    # (s18: 'Värde' is a deal's value, as 'Value' is: revenue brought for the deal won,
    # 50,000; to come for the open and the closed, 8,000 + 30,000; none for the lost. It was
    # read as revenue brought for all four, 100,000.)
    assert found["mapping"]["Värde"] == "revenue_potential"
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(50000.0, 38000.0)]
    assert found["unknown_stage_values"] == {"Avslutad": 1}
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name") == [
        ("Alfa AB", "purchase"), ("Beta AB", "awareness"), ("Delta AB", "consideration"),
        ("Gamma AB", "awareness")]
    assert cli_funnel(tmp_path) == [4, 2, 1, 0, 0]


def test_won_and_lost_in_each_language_of_a_deal_stage(tmp_path):
    """One deal won and one lost in each of Danish, Norwegian, German, French, Spanish
    and Dutch (Vundet/Tabt, Vunnet/Tapt, Gewonnen/Verloren, Gagnée/Perdue, Ganada/
    Perdida, Gewonnen/Verloren): 6 of 12 clients bought."""
    pairs = [("Vundet", "Tabt"), ("Vunnet", "Tapt"), ("Gewonnen", "Verloren"),
             ("Gagnée", "Perdue"), ("Ganada", "Perdida"), ("Gewonnen", "Verloren")]
    lines = ["Client,Deal stage,Value"]
    for n, (won, lost) in enumerate(pairs):
        lines += [f"Won {n} Ltd,{won},1000", f"Lost {n} Ltd,{lost},1000"]
    cli_import_text(tmp_path, "deals.csv", "\n".join(lines) + "\n")
    assert cli_funnel(tmp_path)[:3] == [12, 6, 6]


# --- the account's own money moving to its bank -------------------------------------------

def test_a_venmo_transfer_to_the_bank_is_left_out(tmp_path):
    """Ann paid $30 twice (two days: retention), Bo $60: 3 sales, $120. The Standard
    Transfer of -$60 to Chase is the owner's own money: left out and said (was a contact of
    -60, and a note that it was kept as one)."""
    found = cli_import_text(tmp_path, "venmo_statement.csv", (
        ",ID,Datetime,Type,Status,Note,From,To,Amount (total),Amount (fee),Funding Source,"
        "Destination\n"
        ",4001,2024-03-01T10:00:00,Payment,Complete,Dog walk,Ann Lee,Pat Walker,+ $30.00,,,"
        "Venmo balance\n"
        ",4002,2024-03-03T12:00:00,Payment,Complete,Dog walk x2,Bo Tan,Pat Walker,+ $60.00,,,"
        "Venmo balance\n"
        ",4003,2024-03-05T09:00:00,Standard Transfer,Issued,,,,- $60.00,,Venmo balance,"
        "Chase Bank *1234\n"
        ",4004,2024-03-08T10:00:00,Payment,Complete,Dog walk,Ann Lee,Pat Walker,+ $30.00,,,"
        "Venmo balance\n"))
    assert ("1 row in 'Type' ('Standard Transfer') was the account's own money moving to or "
            "from its bank, no client's: left out.") in found["notes"]
    assert not any("kept as a contact" in n for n in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 120.0)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events") == [(3,)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- a tip is not the sale's price ---------------------------------------------------------

def test_a_card_readers_tips_are_taken_off_the_sales(tmp_path):
    """A SumUp-like export: Ann £33 with a £3 tip and £16.50 with £1.50, Bo £30 with none:
    sales of 30 + 30 + 15 = £75 (was £79.50, the tips counted as sales), and said."""
    found = cli_import_text(tmp_path, "transactions.csv", (
        "Transaction ID,Date,Customer,Description,Amount,Tip,Status\n"
        "T1,2024-04-01,Ann Lee,Haircut,£33.00,£3.00,Successful\n"
        "T2,2024-04-02,Bo Tan,Haircut,£30.00,,Successful\n"
        "T3,2024-04-09,Ann Lee,Beard trim,£16.50,£1.50,Successful\n"))
    assert ("2 tips in 'Tip' (4.50 in all) were taken off their sales' amounts in 'Amount': a "
            "tip is not the sale's price.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 75.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_an_amount_before_the_tip_beside_its_total_is_kept(tmp_path):
    """A Clover-like export: Amount 30 and Tip 3 beside Total 33: the Amount is before the
    tip, kept: sales of 30 + 20 = 50, no tip note."""
    found = cli_import_text(tmp_path, "payments.csv", (
        "Payment ID,Date,Customer,Amount,Tip Amount,Total,Result\n"
        "P1,2024-04-01,Ann Lee,30.00,3.00,33.00,Paid\n"
        "P2,2024-04-02,Bo Tan,20.00,2.00,22.00,Paid\n"))
    assert found["mapping"]["Amount"] == "amount"
    assert not any("tip" in n for n in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 50.0)


# --- smaller ones ---------------------------------------------------------------------------

def test_the_free_orders_note_counts_the_rows_kept(tmp_path):
    """Thinkific: Alan's free course is 1 order of 0; the owner's Test Student's free order
    is rejected, so the note says 1 (was 2)."""
    from test_sweep_s16c import THINKIFIC

    found = cli_import_text(tmp_path, "orders.csv", THINKIFIC)
    assert found["rejected"] == 1
    assert "1 order of 0 (free) was kept as a contact, not a purchase." in found["notes"]
    assert kind_totals(tmp_path, "contact") == (1, 0.0)


def test_a_bounced_subscriber_is_read_and_buys_nothing(tmp_path):
    """Kit's subscribers: Ann active, Bo bounced (no longer reachable), Cy unsubscribed: no
    value left to map (was 'bounced' and 'unsubscribed' asked about); no one bought:
    [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "subscribers.csv", (
        "first_name,email,created_at,status\n"
        "Ann,ann@example.com,2024-01-05,active\n"
        "Bo,bo@example.com,2024-01-06,bounced\n"
        "Cy,cy@example.com,2024-01-07,unsubscribed\n"))
    assert found["unknown_stage_values"] == {}
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_past_due_subscription_is_still_a_customer(tmp_path):
    """Stripe's subscriptions: Ann active and Bo past_due (his payment failed) are
    customers: 2 bought (was 1, 'past_due' asked about); Cy canceled."""
    found = cli_import_text(tmp_path, "subscriptions.csv", (
        "id,Customer ID,Customer Email,Plan,Status,Created (UTC)\n"
        "sub_1,cus_1,ann@example.com,Pro,active,2024-01-05 10:00\n"
        "sub_2,cus_2,bo@example.com,Pro,past_due,2024-01-06 10:00\n"
        "sub_3,cus_3,cy@example.com,Pro,canceled,2024-01-07 10:00\n"))
    assert found["unknown_stage_values"] == {}
    assert workspace_rows(tmp_path, "SELECT client_key, furthest_stage FROM clients "
                                    "ORDER BY client_key")[:2] == [
        ("id:cus_1", "purchase"), ("id:cus_2", "purchase")]


def test_one_row_read_as_a_contact_is_said_in_the_singular(tmp_path):
    """One row of an amount alone: '1 row ... was read as a contact' (was 'were read as
    contacts')."""
    found = cli_import_text(tmp_path, "work.csv", (
        "Date,Client,Amount,Type\n"
        "2024-04-02,Ann Lee,350,Sale\n"
        "2024-04-09,Cy Ray,60,\n"))
    assert any(n.startswith("1 row with nothing saying what happened was read as a contact: ")
               for n in found["notes"]), found["notes"]


def test_zoho_desks_ticket_owner_is_the_agent(tmp_path):
    """Zoho Desk: 'Ticket Owner' (Kim, Sam) is the agent: the owner, never the client. The
    clients are the 3 contacts; Kim and Sam are none."""
    found = cli_import_text(tmp_path, "zoho_tickets.csv", (
        "Ticket Id,Subject,Status,Ticket Owner,Contact Name,Email,Created Time,Priority,"
        "Channel,Classification\n"
        "101,Parcel never arrived,Open,Kim Agent,Ann Lee,ann@example.com,2024-05-01 09:00,"
        "High,Email,Problem\n"
        "102,How do I change my address,Closed,Kim Agent,Bo Tan,bo@example.com,"
        "2024-05-02 10:00,Low,Web,Question\n"
        "103,Broken lid,Closed,Sam Agent,Cy Ray,cy@example.com,2024-05-03 11:00,Medium,"
        "Phone,Problem\n"))
    assert found["mapping"]["Ticket Owner"] == "owner"
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bo Tan",), ("Cy Ray",)]
    assert kind_totals(tmp_path, "complaint")[0] == 2
