"""Misreadings of hand-kept sheets that earlier sessions noted and left (session 13, B):
yes/no step columns of a client list, "Active"/"Inactive" on lists of clients and of leads,
money written '1.500' beside '12.50' or '($2k)', two sheets naming one client differently,
a bare e-mail-and-score sheet, and a help desk's refund requests. Each sheet goes through
the command line and is checked against figures worked out by hand beforehand."""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


# --- 1. yes/no step columns ------------------------------------------------------------

TICKS = (
    "Name,Email,Enquired,Booked call,Proposal sent,Paid,Left review,Newsletter\n"
    "Ann Lee,ann@x.com,TRUE,TRUE,TRUE,TRUE,TRUE,TRUE\n"
    "Bob Ray,bob@x.com,TRUE,TRUE,FALSE,FALSE,FALSE,FALSE\n"
    "Cy Tan,cy@x.com,TRUE,TRUE,TRUE,FALSE,FALSE,TRUE\n"
    "Dee Fox,dee@x.com,TRUE,FALSE,FALSE,FALSE,FALSE,TRUE\n"
    "Eve Hart,eve@x.com,TRUE,TRUE,TRUE,TRUE,FALSE,FALSE\n"
    "Fay Lim,fay@x.com,TRUE,TRUE,TRUE,TRUE,FALSE,TRUE\n")


def test_ticked_steps_lift_each_client(tmp_path):
    """Google Sheets checkboxes exported TRUE/FALSE. By hand: Ann paid and left a review
    (advocacy); Bob booked a call and Cy had a proposal (consideration); Dee only enquired
    (awareness); Eve and Fay paid (purchase). Reached: 6, 5 (all but Dee), 3 (Ann, Eve,
    Fay), 1, 1 (Ann). 'Newsletter' names no step: it lifts no one, and the note says so.
    A client list with no amounts: no purchase events, no revenue."""
    found = cli_import_text(tmp_path, "clients.csv", TICKS)
    assert found["kind"] == "clients"
    assert cli_funnel(tmp_path) == [6, 5, 3, 1, 1]
    (note,) = [n for n in found["notes"] if "Yes/no columns" in n]
    for said in ("'Booked call' as consideration", "'Proposal sent' as consideration",
                 "'Paid' as purchase", "'Left review' as advocacy",
                 "'Newsletter' names no step: kept as extra"):
        assert said in note
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert workspace_rows(tmp_path, "SELECT furthest_stage FROM clients ORDER BY name") == [
        ("advocacy",), ("consideration",), ("consideration",), ("awareness",),
        ("purchase",), ("purchase",)]


def test_ticks_written_yes_no_tick_marks_and_x(tmp_path):
    """Yes/No, ✓ or blank, x or blank, as owners type them; 'Rebooked' is a repeat
    (retention), 'Referred someone' a referral (advocacy). By hand: Ann ✓ paid, x rebooked
    (retention); Bob Yes signed (purchase); Cy referred someone (advocacy); Dee nothing
    ticked (awareness). Reached: 4, 3, 3, 2 (Ann, Cy), 1 (Cy)."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Phone,Signed,Paid,Rebooked,Referred someone\n"
        "Ann Lee,0412 111 222,No,✓,x,No\n"
        "Bob Ray,0412 333 444,Yes,,,No\n"
        "Cy Tan,0412 555 666,Yes,✓,,Yes\n"
        "Dee Fox,0412 777 888,No,,,No\n"))
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 1]


def test_tick_columns_naming_no_step_change_nothing(tmp_path):
    """'VIP' and 'Newsletter' ticks say nothing of the journey: all three stay at
    awareness, and no note claims a step."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,VIP,Newsletter\n"
        "Ann Lee,ann@x.com,TRUE,TRUE\n"
        "Bob Ray,bob@x.com,FALSE,TRUE\n"
        "Cy Tan,cy@x.com,TRUE,FALSE\n"))
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]
    assert not [n for n in found["notes"] if "Yes/no columns" in n]


def test_a_step_column_of_other_words_is_no_tick(tmp_path):
    """A 'Paid' column of amounts or words is not a tick column: Ann's 'Paid' of 'partly'
    and Bob's of 'soon' lift no one."""
    cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Paid\n"
        "Ann Lee,ann@x.com,partly\n"
        "Bob Ray,bob@x.com,soon\n"))
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_tick_never_lowers_a_stage_column(tmp_path):
    """Bob's stage says Customer; his 'Booked call' tick (consideration) does not lower
    him: Bob purchase, Ann (ticked only the call) consideration. Reached 2, 2, 1."""
    cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Stage,Booked call\n"
        "Ann Lee,ann@x.com,Lead,Yes\n"
        "Bob Ray,bob@x.com,Customer,Yes\n"))
    assert cli_funnel(tmp_path) == [2, 2, 1, 0, 0]


# --- 2. "Active" and "Inactive" ------------------------------------------------------------

def test_active_and_inactive_on_a_therapists_clients_are_both_clients(tmp_path):
    """A therapist's list with a count of sessions: everyone on it was a client. By hand:
    all 5 at purchase; Bob and Dee (Inactive) left: churned, still reached purchase.
    (Before: the 2 Inactive read as churned customers, the 3 Active as mere contacts.)
    The sessions are their purchases (s13f): all but Dee (1) had 2 or more, retention 4."""
    found = cli_import_text(tmp_path, "therapy.csv", (
        "Client,Email,Phone,Status,Sessions,Start date\n"
        "Ann Lee,ann@x.com,0412 111 222,Active,12,2023-02-01\n"
        "Bob Ray,bob@x.com,0412 333 444,Inactive,4,2022-09-15\n"
        "Cy Tan,cy@x.com,0412 555 666,Active,7,2023-06-10\n"
        "Dee Fox,dee@x.com,0412 777 888,Inactive,1,2023-01-20\n"
        "Eve Hart,eve@x.com,,Active,3,2024-01-08\n"))
    assert cli_funnel(tmp_path) == [5, 5, 5, 4, 0]
    assert workspace_rows(tmp_path, "SELECT name, outcome FROM clients WHERE outcome IS NOT NULL "
                                    "ORDER BY name") == [("Bob Ray", "churned"),
                                                         ("Dee Fox", "churned")]
    assert ("'Status' says Active or Inactive on a list of paying clients ('Sessions' says "
            "so): 5 clients were read as customers (purchase), and 2 Inactive as having left "
            "(churned).") in found["notes"]


def test_a_client_list_named_so_reads_active_as_a_client(tmp_path):
    """No money or sessions, but the file is 'clients': Ann, Bob and Cy all purchase."""
    cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Status\n"
        "Ann Lee,ann@x.com,Active\n"
        "Bob Ray,bob@x.com,Inactive\n"
        "Cy Tan,cy@x.com,Active\n"))
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_active_and_inactive_on_a_lead_list_say_nothing_of_buying(tmp_path):
    """A lead list: no one bought. By hand: 4 at awareness, none further, and no one
    churned (before: the 2 Inactive leads read as customers who left)."""
    found = cli_import_text(tmp_path, "enquiries.csv", (
        "Lead name,Email,Source,Status\n"
        "Ann Lee,ann@x.com,Instagram,Active\n"
        "Bob Ray,bob@x.com,Website,Inactive\n"
        "Cy Tan,cy@x.com,Referral,Active\n"
        "Dee Fox,dee@x.com,Website,Inactive\n"))
    assert cli_funnel(tmp_path) == [4, 0, 0, 0, 0]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE outcome = 'churned'") == [
        (0,)]
    assert any("on a list of leads or subscribers ('Lead name' says so)" in n
               for n in found["notes"])


def test_a_newsletter_list_active_or_not_is_no_customer(tmp_path):
    """Subscribers: 3 at awareness, no one churned."""
    cli_import_text(tmp_path, "list.csv", (
        "Email,First name,Subscribed,Status\n"
        "ann@x.com,Ann,2023-01-04,Active\n"
        "bob@x.com,Bob,2023-02-11,Inactive\n"
        "cy@x.com,Cy,2023-03-20,Active\n"))
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_list_that_does_not_say_is_read_as_contacts_and_says_how_to_change_it(tmp_path):
    """Nothing says these people paid or not: they stay contacts (3 at awareness), and the
    note tells the owner how to read them as clients."""
    found = cli_import_text(tmp_path, "people.csv", (
        "Name,Email,Status\n"
        "Ann Lee,ann@x.com,Active\n"
        "Bob Ray,bob@x.com,Inactive\n"
        "Cy Tan,cy@x.com,Active\n"))
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]
    assert any("--stage-map Active=purchase --stage-map Inactive=churned" in n
               for n in found["notes"])


# --- 3. money as owners type it ------------------------------------------------------------

def test_a_dot_grouping_thousands_beside_a_decimal_point_is_named_not_guessed(tmp_path):
    """'12.50' and '24.00' use the dot for cents; '1.500' and '2.250' would be 1.5 and 2.25
    in that style, but money is not written to three decimals, so they may be 1,500 and
    2,250. Before: read silently as 1.5 and 2.25 (revenue 40.25). Now: left empty and
    named; 4 purchases, 36.50 of revenue read."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Item,Amount\n"
        "2024-03-01,Ann Lee,Cake,12.50\n"
        "2024-03-02,Bob Ray,Wedding cake,1.500\n"
        "2024-03-05,Cy Tan,Cupcakes,24.00\n"
        "2024-03-09,Dee Fox,Catering,2.250\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 36.5)
    assert any("'1.500' (1,500 or 1.5?)" in n and "'2.250' (2,250 or 2.25?)" in n
               for n in found["notes"])


def test_a_dot_grouping_thousands_where_no_amount_has_cents(tmp_path):
    """No amount has cents and the others are whole: '1.500' is 1,500 (as '$ 1.500' was
    already read). By hand: 250 + 1,500 + 2,250 = 4,000; the note says how it was read."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Item,Amount\n"
        "2024-03-01,Ann Lee,Cake,250\n"
        "2024-03-02,Bob Ray,Wedding cake,1.500\n"
        "2024-03-05,Cy Tan,Catering,2.250\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 4000.0)
    assert any("2 amounts with three digits after a dot were read in thousands" in n
               for n in found["notes"])


def test_money_written_short_and_in_brackets(tmp_path):
    """A designer's job log: '$2k' 2,000, '2.5k' 2,500, '$350' 350 paid; '($2k)' in
    brackets is 2,000 going back (a refund). By hand: 3 purchases, 4,850; 1 refund, 2,000.
    Before: '($2k)' could not be read."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Date,Client,Project,Fee,Paid\n"
        "2024-03-01,Ann Lee,Website,$2k,Yes\n"
        "2024-03-04,Ann Lee,Website refund,($2k),Yes\n"
        "2024-03-08,Cy Tan,Rebrand,2.5k,Yes\n"
        "2024-03-12,Dee Fox,Flyer,$350,Yes\n"))
    assert found["problems"] == []
    assert kind_totals(tmp_path, "purchase") == (3, 4850.0)
    assert kind_totals(tmp_path, "refund") == (1, 2000.0)


# --- 4. one client named two ways on two sheets ---------------------------------------------

def _import_file(tmp_path, name, text):
    return cli_import_text(tmp_path, name, text)


def test_smith_and_co_on_two_sheets_is_one_client_priya_s_is_not_merged(tmp_path):
    """An accountant's invoices, January then February. 'Smith & Co' and 'Smith and
    Company' are one firm, as 'Jones Ltd' and 'Jones Limited' are: 2 invoices each
    (retention). 'Priya S.' and 'Priya Shah' may be one person but an initial may be
    someone else's: kept apart, and the February import says so. By hand: 4 clients
    (Smith, Jones, Priya S., Priya Shah), all purchase, Smith and Jones retention;
    6 purchases, 300 + 450 + 200 + 300 + 250 + 200 = 1,700. (Before: Smith was two clients,
    5 in all, and nothing said Priya might be one.)"""
    _import_file(tmp_path, "invoices-jan.csv", (
        "Invoice date,Client,Description,Amount\n"
        "2024-01-05,Smith & Co,Bookkeeping,300\n"
        "2024-01-12,Priya S.,Tax return,450\n"
        "2024-01-20,Jones Ltd,Payroll,200\n"))
    found = _import_file(tmp_path, "invoices-feb.csv", (
        "Invoice date,Client,Description,Amount\n"
        "2024-02-05,Smith and Company,Bookkeeping,300\n"
        "2024-02-14,Priya Shah,BAS,250\n"
        "2024-02-21,Jones Limited,Payroll,200\n"))
    assert cli_funnel(tmp_path) == [4, 4, 4, 2, 0]
    assert kind_totals(tmp_path, "purchase") == (6, 1700.0)
    assert workspace_rows(tmp_path, "SELECT name, purchase_count FROM clients ORDER BY id") == [
        ("Smith & Co", 2), ("Priya S.", 1), ("Jones Ltd", 2), ("Priya Shah", 1)]
    assert any("'Priya Shah' and 'Priya S.'" in n and "kept as a client of its own" in n
               for n in found["notes"])


def test_a_client_list_after_an_invoice_list_ampersand_and_initials(tmp_path):
    """The other way round and on a client list: 'Smith and Company' invoiced first, then a
    client list with 'Smith & Co' (matched: still 1 purchase, now with its phone and the
    client list's spelling) and 'Priya S.' beside the invoiced 'Priya Shah' (kept apart,
    said). By hand: 3 clients (Smith, Priya Shah, Priya S.); 2 purchases, 550."""
    _import_file(tmp_path, "invoices.csv", (
        "Invoice date,Client,Description,Amount\n"
        "2024-02-05,Smith and Company,Bookkeeping,300\n"
        "2024-02-14,Priya Shah,BAS,250\n"))
    found = _import_file(tmp_path, "clients.csv", (
        "Client,Phone\n"
        "Smith & Co,02 9999 0000\n"
        "Priya S.,0412 000 111\n"))
    assert workspace_rows(tmp_path, "SELECT name, phone FROM clients ORDER BY id") == [
        ("Smith & Co", "02 9999 0000"), ("Priya Shah", None),
        ("Priya S.", "0412 000 111")]
    assert kind_totals(tmp_path, "purchase") == (2, 550.0)
    assert any("'Priya Shah' and 'Priya S.'" in n for n in found["notes"])


# --- 5. a bare sheet of e-mails and scores ------------------------------------------------

SCORES = "ann@x.com,10\nbob@x.com,9\ncy@x.com,7\ndee@x.com,3\neve@x.com,8\n"


def test_email_and_score_is_an_nps_survey(tmp_path):
    """By hand: 5 answers; Ann 10 and Bob 9 promoters (advocacy), Dee 3 a detractor;
    NPS (2 - 1) / 5 = +20. Funnel: 5 reached awareness, 2 advocacy (and so every stage
    before it). Before: a client list of 5 e-mails, the scores kept as an extra, all 5 at
    awareness."""
    found = cli_import_text(tmp_path, "scores.csv", "Email,Score\n" + SCORES)
    assert (found["kind"], found["recognised_as"]) == ("events", "nps_scores")
    assert "2 promoters (9-10, advocacy), 1 detractor (0-6), NPS +20" in found["explanation"]
    assert kind_totals(tmp_path, "nps") == (5, 37.0)
    assert cli_funnel(tmp_path) == [5, 2, 2, 2, 2]


def test_rating_0_10_and_recommend_headers_are_nps_too(tmp_path):
    """'Rating 0-10' with a comment column, then 'How likely are you to recommend us?'
    with a name, into one workspace: 4 + 3 answers by 5 people (Ann and Bob answered
    both). By hand: promoters Ann (10, 9) and Cy (9): 2 at advocacy of 5."""
    cli_import_text(tmp_path, "feedback.csv", (
        "Email,Rating 0-10,Comments\n"
        "ann@x.com,10,Lovely\n"
        "bob@x.com,6,\n"
        "dee@x.com,2,Late\n"
        "eve@x.com,8,\n"))
    found = cli_import_text(tmp_path, "survey.csv", (
        "Name,Email,How likely are you to recommend us?\n"
        "Ann,ann@x.com,9\n"
        "Bob,bob@x.com,7\n"
        "Cy,cy@x.com,9\n"))
    assert found["recognised_as"] == "nps_scores"
    assert kind_totals(tmp_path, "nps") == (7, 51.0)
    assert cli_funnel(tmp_path) == [5, 2, 2, 2, 2]


def test_a_star_rating_or_a_lead_score_is_no_nps(tmp_path):
    """'Rating' of 1 to 5 stars, or a lead 'Score' out of 100, is no NPS answer: both
    sheets stay client lists, no NPS events, everyone at awareness."""
    found = cli_import_text(tmp_path, "ratings.csv", (
        "Email,Rating\nann@x.com,5\nbob@x.com,4\ncy@x.com,2\n"))
    assert (found["kind"], found["recognised_as"]) == ("clients", None)
    found = cli_import_text(tmp_path, "leads.csv", (
        "Email,Score\nann@x.com,85\nbob@x.com,40\ndee@x.com,12\n"))
    assert (found["kind"], found["recognised_as"]) == ("clients", None)
    assert kind_totals(tmp_path, "nps") == (0, None)
    assert cli_funnel(tmp_path) == [4, 0, 0, 0, 0]


def test_a_client_list_with_a_score_among_other_columns_is_still_a_client_list(tmp_path):
    """Phone and Stage say this is a client list: the score is not read as NPS answers
    here (Ann the customer at purchase, Bob a lead)."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Email,Phone,Stage,Score\n"
        "ann@x.com,0412 111 222,Customer,9\n"
        "bob@x.com,0412 333 444,Lead,7\n"))
    assert found["recognised_as"] is None
    assert kind_totals(tmp_path, "nps") == (0, None)
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


# --- 6. refunds asked for, and refunds mentioned on a sale ----------------------------------

def test_a_help_desks_refund_request_is_a_complaint(tmp_path):
    """Categories 'Request - Refund' ask for money back: a complaint (not a question, and
    not a refund made: nothing says the money went back). By hand: Bob's and Dee's refund
    requests and Cy's damaged item are 3 complaints; Ann's shipping question and Eve's
    account request 2 contacts; no refunds. Before: 1 complaint, 4 contacts."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "Ticket ID,Created,Requester,Requester email,Subject,Category,Status\n"
        "1001,2024-03-01,Ann Lee,ann@x.com,Where is my order?,Question - Shipping,Solved\n"
        "1002,2024-03-02,Bob Ray,bob@x.com,I want my money back,Request - Refund,Open\n"
        "1003,2024-03-04,Cy Tan,cy@x.com,Broken on arrival,Problem - Damaged item,Solved\n"
        "1004,2024-03-06,Dee Fox,dee@x.com,Refund please,Request - Refund,Solved\n"
        "1005,2024-03-08,Eve Hart,eve@x.com,Change my address,Request - Account,Solved\n"))
    assert found["recognised_as"] == "helpdesk_tickets"
    assert kind_totals(tmp_path, "complaint") == (3, None)
    assert kind_totals(tmp_path, "contact") == (2, None)
    assert kind_totals(tmp_path, "refund") == (0, None)
    assert "2 requests for a refund read as complaints" in found["explanation"]


def test_a_sale_whose_note_mentions_a_refund_stays_a_sale(tmp_path):
    """A bakery's sales with an Item column and a Notes column. Ann's wedding cake (450)
    was sold; its note says a refund was given for late delivery, but not how much: a
    purchase of 450 and a refund of no amount beside it. Dee's cupcakes (40), 'Refund:
    $10 for squashed box': a purchase of 40 and a refund of 10. Cy's row whose Item is
    'Refund for late delivery' is itself money going back (50). By hand: purchases Ann 450,
    Bob 60, Dee 40 = 3, 550; refunds 3 (Ann none, Cy 50, Dee 10) = 60. Before: Ann's and
    Dee's sales read as refunds of 450 and 40 (purchases 1, 60; refunds 540)."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Item,Amount,Notes\n"
        "2024-03-01,Ann Lee,Wedding cake,450,Refund for late delivery\n"
        "2024-03-03,Bob Ray,Birthday cake,60,\n"
        "2024-03-05,Cy Tan,Refund for late delivery,50,\n"
        "2024-03-07,Dee Fox,Cupcakes,40,Refund: $10 for squashed box\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 550.0)
    assert kind_totals(tmp_path, "refund") == (3, 60.0)
    assert any("2 refunded orders counted as a purchase with a refund beside it" in n
               for n in found["notes"])


def test_a_description_that_is_the_refund_is_still_a_refund(tmp_path):
    """With one description column, 'Refund for late delivery' is the row: money going
    back. By hand: purchases 450 + 60 + 40 = 550 (the cupcakes' note does not begin with
    Refund); refunds Ann 50 (written -50) and Bob 50 = 100."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Description,Amount\n"
        "2024-03-01,Ann Lee,Wedding cake,450\n"
        "2024-03-03,Bob Ray,Birthday cake,60\n"
        "2024-03-05,Ann Lee,Refund for late delivery,-50\n"
        "2024-03-07,Cy Tan,Cupcakes (refund for late delivery applied),40\n"
        "2024-03-09,Bob Ray,Refund for late delivery,50\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 550.0)
    assert kind_totals(tmp_path, "refund") == (2, 100.0)


def test_numbered_names_are_no_initials(tmp_path):
    """'Client 3' is no initial of 'Client 32' (nor 'Unit 7' of 'Unit 70'): no note."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Date,Client,Amount\n"
        "2024-03-01,Client 3,10\n"
        "2024-03-02,Client 32,20\n"
        "2024-03-03,Unit 7,30\n"
        "2024-03-04,Unit 70,40\n"))
    assert not [n for n in found["notes"] if "cut to its initial" in n]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(4,)]
