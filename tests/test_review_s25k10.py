"""A hostile review of session 24's reading rules (B's and O4's), on sheets of other kinds
they were not written for (session 25, K10). Each sheet is one a real business keeps, whose
words, headers or shape the rule's own sheet shares; imported through the command line and
checked against figures worked out by hand (clients; cumulative funnel: awareness,
consideration, purchase, retention, advocacy; sales and revenue). Each mend keeps the rule
for its own sheet (its tests in test_left_alone_s24b.py, test_owners_sheets_s24o4.py) and
narrows it where it misread another:

- a staff list (role beside pay): a career coach's or a mortgage broker's clients (their own
  job and salary), learner drivers' hourly rate; a Turkish staff list (Görev, Ücret) is one;
- "Stays" names sales: not "Stay reviews", not a "Stay in touch" log;
- "Artist", "Band", "Agency" name the client: not a record shop's artist beside "Album", a
  venue's band beside its "Door takings", an agency's staff at a "Cost", a hotel's
  "Agency" of Booking.com and Expedia (channels);
- "Rent" is a holder's revenue: not beside a "Landlord" (rent the business pays, or a
  letting agent's landlords' tenants pay);
- a "Balance" owed off a client list's "Total": not a gift card's balance left to spend;
- "Cancelled - refunded" is a refund: "Cancelled - refund to follow" and "Cancelled -
  refund: no" are not;
- a cash book's payer of three or four names in full: not a name and what was sold
  ("Anna Lee Hair Cut").
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows
from test_owners_sheets_s18 import REVENUE, count_clients
from test_owners_sheets_s23o3 import revenue_of

NAMES = "SELECT name FROM clients ORDER BY name"
SALES = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"


# --- 1. a staff list (dc16f4f): role and pay that are a client's own -----------------------

def test_a_career_coachs_clients_with_their_own_role_and_salary_are_clients(tmp_path):
    """'career coaching clients.csv': Name, Email, Role, Salary (the client's job now),
    Package, Fee: 3 clients, each paid the fee (450 + 150 + 200 = 800): [3, 3, 3, 0, 0]
    (was kept as the business's staff: 0 clients)."""
    found = cli_import_text(tmp_path, "career coaching clients.csv", (
        "Name,Email,Role,Salary,Package,Fee\n"
        'Dana Hurst,dana@mail.com,Marketing manager,"£48,000",CV + interview,£450\n'
        'Eli Marr,eli@mail.com,Software engineer,"£62,000",CV only,£150\n'
        'Fay Cole,fay@mail.com,Nurse,"£34,000",Interview prep,£200\n'))
    assert found["kind"] == "clients"
    assert workspace_rows(tmp_path, REVENUE) == [(800.0,)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_mortgage_brokers_applicants_are_clients(tmp_path):
    """'Applicant' names the client; 'Position' and 'Annual salary' are the applicant's: 3
    clients (was 0, a staff list); Gus Hart's mortgage Completed: at purchase."""
    found = cli_import_text(tmp_path, "mortgage cases.csv", (
        "Applicant,Email,Position,Annual salary,Loan amount,Status\n"
        'Gus Hart,gus@mail.com,Teacher,"£39,000","£210,000",Completed\n'
        'Hana Iqbal,hana@mail.com,Electrician,"£45,000","£260,000",Offer\n'
        'Ivo Jansen,ivo@mail.com,Chef,"£31,000","£150,000",Enquiry\n'))
    assert found["kind"] == "clients"
    assert count_clients(tmp_path) == 3
    assert workspace_rows(tmp_path, "SELECT furthest_stage FROM clients WHERE name = "
                                    "'Gus Hart'") == [("purchase",)]


def test_learner_drivers_hourly_rate_is_what_they_pay(tmp_path):
    """'learner drivers.csv' (the name says drivers, 'Hourly rate' the lesson's price): the
    learners are the school's clients, 3 (was 0, kept as staff)."""
    found = cli_import_text(tmp_path, "learner drivers.csv", (
        "Name,Phone,Test date,Hourly rate,Lessons booked\n"
        "Amy Shaw,07700 900101,2025-05-10,£38,10\nBen Ortiz,07700 900102,2025-06-02,£38,20\n"
        "Cara Lund,07700 900103,2025-06-20,£35,5\n"))
    assert found["kind"] == "clients"
    assert count_clients(tmp_path) == 3


def test_a_turkish_staff_list_is_no_clients(tmp_path):
    """'personel.csv': Ad Soyad, Görev (each one's post), İşe Giriş (started), Ücret (wage):
    the business's own people, 0 clients (were 3 clients with contacts of 98,000, the
    wages read as money they brought since 'Ücret' became an amount)."""
    found = cli_import_text(tmp_path, "personel.csv", (
        "Ad Soyad,Görev,İşe Giriş,Ücret\nAhmet Yılmaz,Eğitmen,2023-02-01,₺35.000\n"
        "Zeynep Kara,Sekreter,2024-01-15,₺28.000\nCan Öz,Eğitmen,2024-09-01,₺35.000\n"))
    assert found["kind"] == "reference"
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_a_team_members_list_is_still_staff(tmp_path):
    """Must still fire: 'team members.csv' (Name, Role, Hourly rate): the business's own
    people, 0 clients ('members' names no client)."""
    found = cli_import_text(tmp_path, "team members.csv", (
        "Name,Role,Hourly rate\nDee Ray,Coach,£15\nEd Sun,Reception,£12\n"))
    assert found["kind"] == "reference"


# --- 2. "Stays" (c41a664): only where nothing else names the kind --------------------------

def test_stay_reviews_are_reviews(tmp_path):
    """'stay reviews.csv': two guests' reviews (5 and 4 stars): reviews, advocacy
    [2, 2, 2, 2, 2] (were read as purchases, 'stay' the first word naming a kind:
    [2, 2, 2, 0, 0] and no review)."""
    cli_import_text(tmp_path, "stay reviews.csv", (
        "Date,Guest,Rating,Review\n2025-03-01,Pia Lowe,5,Lovely cottage\n"
        "2025-03-09,Quin Hale,4,Great views\n"))
    assert kind_totals(tmp_path, "review")[0] == 2
    assert kind_totals(tmp_path, "purchase")[0] == 0
    assert cli_funnel(tmp_path) == [2, 2, 2, 2, 2]


def test_a_stay_in_touch_log_is_contacts(tmp_path):
    """'stay in touch log.csv': three contacts kept up (an offer e-mailed, a call, a
    card): contacts, [2, 0, 0, 0, 0] (were 3 purchases: Pia at retention)."""
    cli_import_text(tmp_path, "stay in touch log.csv", (
        "Date,Client,Channel,Note\n2025-03-01,Pia Lowe,Email,Sent spring offer\n"
        "2025-03-08,Quin Hale,Phone,Asked about June\n2025-03-15,Pia Lowe,Email,Birthday card\n"))
    assert kind_totals(tmp_path, "purchase")[0] == 0
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_hosts_guest_stays_still_sell(tmp_path):
    """Must still fire: 'guest stays.csv' (no other kind word): 2 stays sold, 300."""
    cli_import_text(tmp_path, "guest stays.csv", (
        "Check in,Guest,Nights,Total\n2025-03-01,Pia Lowe,2,£180\n"
        "2025-03-09,Quin Hale,1,£120\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 300.0)


# --- 3. "Artist", "Band", "Agency" (c41a664): where they are not the client ----------------

def test_a_record_shops_artists_are_not_its_customers(tmp_path):
    """A record shop's takings: Artist beside Album and Format is who made the record, not
    who bought it: no client (was 3 clients, Fleetwood Mac, Radiohead and Nina Simone);
    the sheet names no buyer, as before."""
    cli_import_text(tmp_path, "record shop takings.csv", (
        "Date,Artist,Album,Format,Price\n2025-03-01,Fleetwood Mac,Rumours,LP,£28\n"
        "2025-03-01,Radiohead,OK Computer,LP,£30\n2025-03-02,Fleetwood Mac,Tusk,CD,£9\n"
        "2025-03-03,Nina Simone,Pastel Blues,LP,£25\n"))
    assert count_clients(tmp_path) == 0


def test_a_venues_bands_paid_a_fee_are_not_its_customers(tmp_path):
    """A pub's gig diary: the Band is paid its Fee, the audience pays the Door takings: no
    client (was 2 bands as clients, their fees 800 as contacts)."""
    cli_import_text(tmp_path, "gig diary.csv", (
        "Date,Band,Genre,Fee,Door takings\n2025-03-07,The Wombats,Indie,£300,£820\n"
        "2025-03-14,Blue Harbour,Jazz,£200,£410\n2025-03-21,The Wombats,Indie,£300,£760\n"))
    assert count_clients(tmp_path) == 0


def test_a_care_homes_staffing_agencies_are_suppliers(tmp_path):
    """Agency shifts at a Cost: Reed and Hays send staff, paid by the home: no client
    (were 2 clients)."""
    cli_import_text(tmp_path, "agency shifts.csv", (
        "Date,Shift,Agency,Worker,Hours,Rate,Cost\n"
        "2025-03-01,Night,Reed Care Staffing,Jo Park,12,£22,£264\n"
        "2025-03-02,Day,Hays Healthcare,Li Wei,8,£21,£168\n"
        "2025-03-05,Night,Reed Care Staffing,Jo Park,12,£22,£264\n"))
    assert count_clients(tmp_path) == 0


def test_a_hotels_booking_agency_is_a_channel_not_a_guest(tmp_path):
    """A hotel's bookings whose 'Agency' is Booking.com, Expedia, Direct (how each came)
    name no guest: no client (were 3 clients called Booking.com, Expedia and Direct); the
    two Confirmed unpaid contacts of 570 and the cancellation as before."""
    cli_import_text(tmp_path, "room bookings.csv", (
        "Booking ref,Arrival,Nights,Agency,Room,Total,Status\n"
        "B-1,2025-05-01,2,Booking.com,Double,£240,Confirmed\n"
        "B-2,2025-05-03,3,Expedia,Twin,£330,Confirmed\n"
        "B-3,2025-05-04,1,Direct,Single,£90,Cancelled\n"))
    assert count_clients(tmp_path) == 0
    assert kind_totals(tmp_path, "contact") == (2, 570.0)


def test_a_childrens_entertainers_acts_are_shows_not_clients(tmp_path):
    """A children's entertainer's bookings: 'Act' is the show booked (Magic show, Balloon
    modelling), no client is named: no client (were 2 clients called 'Magic show' and
    'Balloon modelling')."""
    cli_import_text(tmp_path, "party bookings.csv", (
        "Date,Act,Venue,Fee,Paid\n2025-05-03,Magic show,Village hall,£180,Y\n"
        "2025-05-10,Balloon modelling,Scout hut,£120,Y\n"
        "2025-05-17,Magic show,Community centre,£180,N\n"))
    assert count_clients(tmp_path) == 0


# --- 4. "Rent" (c41a664): not rent paid to a landlord ------------------------------------

def test_rent_paid_to_a_landlord_is_no_revenue(tmp_path):
    """A café's premises: Site, Landlord, Email, Rent, Lease end: the rent goes out, no
    client brought it: revenue none, no one at purchase (was 4,150 and 3 customers)."""
    cli_import_text(tmp_path, "premises.csv", (
        "Site,Landlord,Email,Rent,Lease end\n"
        'High St café,Gold Estates,rent@goldestates.co.uk,"£2,400",2028-03-31\n'
        "Market kiosk,City Council,markets@city.gov.uk,£650,2026-09-30\n"
        'Bakehouse,Pike Holdings,accounts@pike.co.uk,"£1,100",2027-01-31\n'))
    assert workspace_rows(tmp_path, REVENUE) == [(None,)]
    assert cli_funnel(tmp_path)[2] == 0


def test_a_letting_agents_landlords_rent_is_not_the_agents(tmp_path):
    """A letting agent's landlords: the Rent is the tenants' to the landlord, the agent
    takes a 'Management fee' of 10-12%: the rents (2,950) are not the agent's revenue
    (were each landlord's revenue, all at purchase)."""
    cli_import_text(tmp_path, "landlords.csv", (
        "Landlord,Email,Property,Rent,Management fee\n"
        "Vic Hale,vic@mail.com,12 High St,£950,10%\n"
        'Wyn Ross,wyn@mail.com,4 Mill Lane,"£1,200",12%\n'
        "Xan Yeo,xan@mail.com,9 Park Rd,£800,10%\n"))
    assert workspace_rows(tmp_path, REVENUE) == [(None,)]


def test_a_creators_subs_are_subscribers_not_dues(tmp_path):
    """An agency's creators: 'Subs' 125,000 and 48,000 (subscribers, no currency) beside a
    'Rate per post' in £: no revenue, no one at purchase (were 173,000 of revenue)."""
    cli_import_text(tmp_path, "creators.csv", (
        "Creator,Email,Platform,Subs,Rate per post\n"
        'Mia Vlogs,mia@mail.com,YouTube,"125,000",£800\n'
        'Tom Eats,tom@mail.com,YouTube,"48,000",£300\n'))
    assert workspace_rows(tmp_path, REVENUE) == [(None,)]
    assert cli_funnel(tmp_path)[2] == 0


def test_a_clubs_subs_in_pounds_are_still_dues(tmp_path):
    """Must still fire: a club's 'Subs' £40 and £20: each member's revenue, 60."""
    cli_import_text(tmp_path, "club.csv", (
        "Member,Email,Subs\nAnn Bell,ann@mail.com,£40\nBo Chan,bo@mail.com,£20\n"))
    assert workspace_rows(tmp_path, REVENUE) == [(60.0,)]


# --- 5. a balance owed off a total (c41a664, balances_owed): not a gift card's --------------

def test_a_gift_cards_balance_is_left_to_spend_not_owed(tmp_path):
    """Gift cards sold: Total 50, 100, 25 paid; 'Balance' 20, 100, 0 left to spend: revenue
    175, nothing to come, all three bought: [3, 3, 3, 0, 0] (was 55 and 120 'still owed',
    Bo Chan's card read as unpaid: [3, 2, 2, 0, 0])."""
    cli_import_text(tmp_path, "gift cards.csv", (
        "Card holder,Email,Card number,Total,Balance\n"
        "Ann Bell,ann@mail.com,GC-001,£50,£20\nBo Chan,bo@mail.com,GC-002,£100,£100\n"
        "Cy Doe,cy@mail.com,GC-003,£25,£0\n"))
    assert workspace_rows(tmp_path, "SELECT ROUND(SUM(revenue_current), 2), "
                                    "SUM(revenue_potential) FROM clients") == [(175.0, None)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_balance_owed_beside_a_total_still_comes_off(tmp_path):
    """Must still fire: a client list's Total and Balance with no card named: Kai 800,
    Tom 1,500 less 1,350 owed: revenue 950, 1,350 to come."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Total,Balance\nKai Evans,kai@mail.com,£800,£0\n"
        'Tom Wu,tom@mail.com,"£1,500","£1,350"\n'))
    assert revenue_of(tmp_path) == [("Kai Evans", 800.0, None), ("Tom Wu", 150.0, 1350.0)]


# --- 6. "Cancelled - refunded" (3f13e38): not a refund still to come, nor none ------------

def test_a_cancelled_booking_whose_refund_is_to_follow_or_refused_is_no_refund(tmp_path):
    """A cottage's bookings: Mia 240 stayed; Ned 360 'Cancelled - refund to follow' (the
    money not back yet) and Ola 220 'Cancelled - refund: no (non-refundable)' stay sales;
    Pam 120 'Cancelled & refunded' a refund: 3 sales of 820, 1 refund of 120 (were 1 sale
    of 240 and 3 refunds of 700)."""
    cli_import_text(tmp_path, "bookings.csv", (
        "Date,Guest,Nights,Total,Notes\n2025-04-01,Mia Nash,2,£240,\n"
        "2025-04-10,Ned Orr,3,£360,Cancelled - refund to follow\n"
        "2025-04-20,Ola Penn,2,£220,Cancelled - refund: no (non-refundable)\n"
        "2025-05-02,Pam Quin,1,£120,Cancelled & refunded\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 820.0)
    assert kind_totals(tmp_path, "refund") == (1, 120.0)


# --- 7. a cash book's payer of three or four names (212b14c): not a name and what was sold -

def test_a_cash_books_line_of_a_name_and_what_was_sold_names_two(tmp_path):
    """'Anna Lee Hair Cut' (35 twice), 'Tom Reed Driving Lesson' (40), 'Emma Hart Wedding
    Cake' (300): the payers are Anna Lee, Tom Reed and Emma Hart (were named with what
    they bought); the Stripe payout and the rent are no sale: 4 sales of 410."""
    cli_import_text(tmp_path, "cash book.csv", (
        "Date,Details,In,Out\n06/04/2025,Anna Lee Hair Cut,35,\n"
        "07/04/2025,Tom Reed Driving Lesson,40,\n08/04/2025,Anna Lee Hair Cut,35,\n"
        "09/04/2025,Stripe Payout Transfer,120,\n10/04/2025,Emma Hart Wedding Cake,300,\n"
        "11/04/2025,Rent,,500\n"))
    assert workspace_rows(tmp_path, SALES) == [
        ("Anna Lee", 2, 70.0), ("Emma Hart", 1, 300.0), ("Tom Reed", 1, 40.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


# --- 8. PagBank's "Disponível" (809e7ef): a salon's free slot is no sale -----------------

def test_a_salons_free_slots_are_no_sales(tmp_path):
    """A Brazilian salon's diary: Ana 80 and Bia 60 Concluído; two slots 'Disponível' with
    no client (the service's price written in): nobody booked them: 2 sales of 140, the
    free slots rejected with their reason (were 4 sales of 280, read as payments cleared
    since 'Disponível' became PagBank's word)."""
    found = cli_import_text(tmp_path, "agenda.csv", (
        "Data;Horário;Cliente;Serviço;Valor;Status\n"
        "03/04/2026;09:00;Ana Souza;Corte;80,00;Concluído\n"
        "03/04/2026;10:00;;Corte;80,00;Disponível\n"
        "03/04/2026;11:00;Bia Lima;Escova;60,00;Concluído\n"
        "03/04/2026;14:00;;Escova;60,00;Disponível\n"))
    assert found["rejected"] == 2
    assert {p["reason"] for p in found["problems"]} == {
        "the slot is free: nobody booked it, nothing happened"}
    assert kind_totals(tmp_path, "purchase") == (2, 140.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_an_appointment_books_available_slot_is_no_sale(tmp_path):
    """The same in English: 'Available' with no client (was an anonymous sale of 40, with a
    note of a status Journey does not know): 2 sales of 100."""
    found = cli_import_text(tmp_path, "appointments.csv", (
        "Date,Time,Client,Service,Price,Status\n"
        "2025-04-03,09:00,Ann Bell,Cut,£40,Completed\n2025-04-03,10:00,,Cut,£40,Available\n"
        "2025-04-03,11:00,Bo Chan,Colour,£60,Completed\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 100.0)
    assert not any("does not know" in note for note in found["notes"])


def test_a_slot_written_available_for_the_client_is_no_sale(tmp_path):
    """'Available' written in the Client column (O4 made it no one's name: the row stayed
    an anonymous sale of 40): the slot nobody booked is rejected: 2 sales of 100."""
    found = cli_import_text(tmp_path, "diary.csv", (
        "Date,Time,Client,Service,Price\n2025-04-03,09:00,Ann Bell,Cut,£40\n"
        "2025-04-03,10:00,Available,Cut,£40\n2025-04-03,11:00,Bo Chan,Colour,£60\n"))
    assert found["rejected"] == 1
    assert kind_totals(tmp_path, "purchase") == (2, 100.0)


# --- 9. a hire log's "Returned" (d068438): not a tenant's rent returned unpaid ------------

def test_a_rent_ledgers_returned_payment_is_not_paid(tmp_path):
    """'rental ledger.csv' (the name says rental): Raj's April rent 'Returned' (the direct
    debit came back) is no payment, a contact; Kim paid 850 twice, Raj 900 in May: 3 sales
    of 2,600, [2, 2, 2, 1, 0] (was read as a hire done: 4 sales of 3,500, Raj at
    retention)."""
    cli_import_text(tmp_path, "rental ledger.csv", (
        "Date,Name,Property,Rent,Status\n2025-04-01,Kim Lowe,Flat 1,£850,Paid\n"
        "2025-04-01,Raj Patel,Flat 2,£900,Returned\n2025-05-01,Kim Lowe,Flat 1,£850,Paid\n"
        "2025-05-01,Raj Patel,Flat 2,£900,Paid\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 2600.0)
    assert kind_totals(tmp_path, "refund") == (0, None)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- 10. the earliest first contact (6b2d6ce): not over the same list corrected -------------

def test_a_client_list_imported_again_with_a_date_corrected_gives_that_date(tmp_path):
    """'clients.csv' gave Ann Bell's first contact as 02/01/2025 (a slip); the owner
    corrects it to 01/02/2025 and imports the same file again: 2025-02-01 (was kept at
    2025-01-02, the earlier date outranking the list's own correction)."""
    first, second = tmp_path / "first", tmp_path / "second"
    for place in (first, second):
        place.mkdir()
    cli_import_text(first, "clients.csv", "Name,Email,First contact\n"
                                          "Ann Bell,ann@mail.com,2025-01-02\n")
    (second / "w.db").write_bytes((first / "w.db").read_bytes())
    cli_import_text(second, "clients.csv", "Name,Email,First contact\n"
                                           "Ann Bell,ann@mail.com,2025-02-01\n")
    assert workspace_rows(second, "SELECT name, first_contact FROM clients") == [
        ("Ann Bell", "2025-02-01")]


def test_another_lists_later_date_still_leaves_the_first_contact(tmp_path):
    """Must still fire: 'enquiries.csv' 02/01/2025, then 'bookings.csv' 14/06/2026: the
    enquiry stays the first contact."""
    cli_import_text(tmp_path, "enquiries.csv", "Name,Email,First contact\n"
                                               "Ann Bell,ann@mail.com,2025-01-02\n")
    cli_import_text(tmp_path, "bookings.csv", "Name,Email,First contact\n"
                                              "Ann Bell,ann@mail.com,2026-06-14\n")
    assert workspace_rows(tmp_path, "SELECT first_contact FROM clients") == [("2025-01-02",)]


def test_another_tools_export_of_the_same_name_is_no_correction(tmp_path):
    """Must still fire: 'clients.csv' gave 02/01/2025; another 'clients.csv' whose columns
    differ (Email, Name, Signed up: another tool's export) gives 05/03/2025: the first
    contact stays 2025-01-02."""
    first, second = tmp_path / "first", tmp_path / "second"
    for place in (first, second):
        place.mkdir()
    cli_import_text(first, "clients.csv", "Name,Email,First contact\n"
                                          "Ann Bell,ann@mail.com,2025-01-02\n")
    (second / "w.db").write_bytes((first / "w.db").read_bytes())
    cli_import_text(second, "clients.csv", "Email,Name,Signed up\n"
                                           "ann@mail.com,Ann Bell,2025-03-05\n")
    assert workspace_rows(second, "SELECT first_contact FROM clients") == [("2025-01-02",)]


# --- 11. "Tasting" at consideration (c41a664): not a wine club's members' event ------------

def test_a_wine_clubs_members_who_went_to_a_tasting_have_joined(tmp_path):
    """A wine club: each member pays the Annual fee of 120; Gil and Hu ticked 'Tasting' (an
    event for members): all three members bought: [3, 3, 3, 0, 0], revenue 360 (Gil and Hu
    were held at consideration by the tick: [3, 3, 1, 0, 0])."""
    cli_import_text(tmp_path, "wine club.csv", (
        "Member,Email,Joined,Tasting,Annual fee\n"
        "Gil Amos,gil@mail.com,2024-02-01,✓,£120\nHu Bo,hu@mail.com,2024-05-11,✓,£120\n"
        "Ida Cho,ida@mail.com,2025-01-09,,£120\n"))
    assert workspace_rows(tmp_path, REVENUE) == [(360.0,)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_gyms_trial_ticked_beside_its_fee_still_considers(tmp_path):
    """Must not fire: a gym's list of names (not headed 'Member') with 'Trial class' ticked
    and the 'Membership fee' each would pay: Al and Cal tried a class, at consideration,
    as before ([3, 3, 1, 0, 0]: Bea, no tick, read as a customer by the fee alone)."""
    cli_import_text(tmp_path, "gym list.csv", (
        "Name,Email,Trial class,Membership fee\nAl Roe,al@mail.com,✓,£40\n"
        "Bea Sim,bea@mail.com,,£40\nCal Tye,cal@mail.com,✓,£40\n"))
    assert cli_funnel(tmp_path) == [3, 3, 1, 0, 0]


# --- 12. a refunds export naming each payment (7a4e892): a refund request declined --------

def test_a_refund_request_declined_leaves_the_payment_made(tmp_path):
    """'refund requests.csv' naming each 'Transaction ID': Ann's Approved 40 a refund;
    Bo's Declined 60 and Cy's Pending 25 gave nothing back: contacts of 85; each payment
    a purchase: 3 purchases, 1 refund of 40, [3, 3, 3, 0, 0] (were 2 refunds of 65, Cy's
    pending one among them, and Bo's a lost deal: [3, 2, 2, 0, 0])."""
    cli_import_text(tmp_path, "refund requests.csv", (
        "Request date,Customer,Transaction ID,Amount,Status\n"
        "2025-03-01,Ann Bell,TX-1001,£40,Approved\n2025-03-02,Bo Chan,TX-1002,£60,Declined\n"
        "2025-03-03,Cy Doe,TX-1003,£25,Pending\n"))
    assert kind_totals(tmp_path, "refund") == (1, 40.0)
    assert kind_totals(tmp_path, "purchase")[0] == 3
    assert kind_totals(tmp_path, "contact") == (2, 85.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 13. Reverb's "Received" (809e7ef): not stock received from a supplier ---------------

def test_stock_received_from_a_supplier_keeps_the_unknown_word_note(tmp_path):
    """Stock orders at a 'Cost' (beans and cups bought in) 'Received': not the buyer's
    word; the note that Journey does not know 'Received' is back (it had gone, the rows
    silently read as sales). The rows are still read as sales of the companies named:
    left alone, the note says so."""
    found = cli_import_text(tmp_path, "stock orders.csv", (
        "Order No,Company,Product,SKU,Qty,Cost,Status\n"
        "SO-1,Bean Co,Coffee beans,BEAN-2,20,£240,Received\n"
        "SO-2,Acme Wholesale,Cups,CUP-1,1000,£80,Received\n"
        "SO-3,Acme Wholesale,Lids,LID-1,1000,£40,On order\n"))
    assert any("does not know ('Received' (2)" in note for note in found["notes"])


# --- 14. "Tasting" (c41a664): a step ticked holds no one back who spent money ------------

def test_a_wine_merchants_customer_who_spent_after_a_tasting_bought(tmp_path):
    """A wine merchant's customers: Gil ticked 'Tasting' and spent 300 (bought), Hu ticked
    it and spent nothing (considering), Ida spent 120: [3, 3, 2, 0, 0] (Gil was held at
    consideration by the tick: [3, 3, 1, 0, 0]; before 'Tasting' was read, [3, 2, 2, 0, 0])."""
    cli_import_text(tmp_path, "customers.csv", (
        "Customer,Email,Tasting,Total spend\nGil Amos,gil@mail.com,✓,£300\n"
        "Hu Bo,hu@mail.com,✓,£0\nIda Cho,ida@mail.com,,£120\n"))
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY "
                                    "name") == [("Gil Amos", "purchase"),
                                                ("Hu Bo", "consideration"),
                                                ("Ida Cho", "purchase")]
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


# --- 15. refunds naming each payment (7a4e892): not the refund's own "Transaction ID" ------

def test_a_refunds_own_transaction_id_beside_its_reference_is_no_payment(tmp_path):
    """PayPal's refunds, each with its own 'Transaction ID' and the payment's in 'Reference
    Txn ID', then the payments: Ann's 25 is one purchase with its refund of 25 beside it:
    [2, 2, 2, 0, 0] (the refund's own number was read as a second payment of no amount:
    Ann at retention, [2, 2, 2, 1, 0])."""
    cli_import_text(tmp_path, "refunds.csv", (
        "Date,Name,Transaction ID,Reference Txn ID,Gross,Status\n"
        "2025-03-05,Ann Bell,9RF111,4PY111,-25.00,Completed\n"))
    cli_import_text(tmp_path, "payments.csv", (
        "Date,Name,Transaction ID,Gross,Status\n2025-03-01,Ann Bell,4PY111,25.00,Completed\n"
        "2025-03-02,Bo Chan,4PY222,40.00,Completed\n"))
    assert workspace_rows(tmp_path, SALES) == [("Ann Bell", 1, 25.0), ("Bo Chan", 1, 40.0)]
    assert kind_totals(tmp_path, "refund") == (1, 25.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
