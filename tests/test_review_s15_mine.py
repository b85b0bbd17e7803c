"""Session 15, read once more: an appointment list's type column names a review appointment
"Review" (an optician's, a physiotherapist's follow-up), which is no client's review of the
business; a reviews sheet's "Review" beside a date of visit stays a review."""

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


def test_a_review_appointment_is_no_review(tmp_path):
    """Ann came to an Initial Consultation and a Review, Bob to a Follow-up: three visits,
    no review, nobody an advocate: [2, 0, 0, 0, 0] (the Review was a review, Ann an
    advocate: [2, 1, 1, 1, 1])."""
    cli_import_text(tmp_path, "appointments.csv",
                    "Date,Patient,Type,Status\n"
                    "2024-03-01,Ann Lee,Initial Consultation,Arrived\n"
                    "2024-03-08,Ann Lee,Review,Arrived\n"
                    "2024-03-09,Bob Ray,Follow-up,Arrived\n")
    assert kind_totals(tmp_path, "review") == (0, None)
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_reviews_with_a_date_of_visit_stay_reviews(tmp_path):
    """A restaurant's feedback (Type Review or Complaint, a Date of visit, a rating): Ann's
    two reviews (5 and 4 stars) stay reviews, Ann an advocate; Bob's complaint: [2, 1, 1,
    1, 1]."""
    cli_import_text(tmp_path, "reviews.csv",
                    "Date of visit,Customer,Type,Rating\n"
                    "2024-03-01,Ann Lee,Review,5\n"
                    "2024-03-09,Ann Lee,Review,4\n"
                    "2024-03-03,Bob Ray,Complaint,1\n")
    assert kind_totals(tmp_path, "review") == (2, 9.0)
    assert kind_totals(tmp_path, "complaint") == (1, 1.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 1]


DEALS = ("ID,Deal name,Amount,Owner,Created,Status,Pipeline,Main contact,Company\n"
         '1,Deal #1,"50,000",Ivan,10.01.2025 12:00,Closed won,Pipeline,Anna Smirnova,Cafe Uyut\n'
         '2,Deal #2,"20,000",Ivan,11.01.2025 12:00,Negotiation,Pipeline,Oleg Ivanov,\n'
         '3,Deal #3,"70,000",Maria,12.01.2025 12:00,Closed lost,Pipeline,Pavel Kozlov,'
         'Romashka LLC\n'
         '4,Deal #4,"10,000",Maria,13.01.2025 12:00,New lead,Pipeline,Elena Orlova,\n')


def test_a_deal_with_no_company_is_its_contacts_and_only_won_deals_are_revenue(tmp_path):
    """A CRM's deals (amoCRM-like, in English): the deals with no company are their main
    contact's, Oleg's and Elena's (were rejected rows); the Amount of a deal its Status
    says is won (Cafe Uyut, 50,000) is revenue, the lost one's (70,000) nothing, the open
    ones' (20,000 and 10,000) revenue to come (all 120,000 of the two kept were revenue):
    4 clients, [4, 2, 1, 0, 0], revenue 50,000, to come 30,000."""
    found = cli_import_text(tmp_path, "deals.csv", DEALS)
    assert (found["inserted"], found["rejected"]) == (4, 0)
    assert workspace_rows(tmp_path, "SELECT name, revenue_current, revenue_potential "
                                    "FROM clients ORDER BY id") == [
        ("Cafe Uyut", 50000.0, None), ("Oleg Ivanov", None, 20000.0),
        ("Romashka LLC", None, None), ("Elena Orlova", None, 10000.0)]
    assert cli_funnel(tmp_path)[:3] == [4, 2, 1]


def test_a_trackers_amount_beside_an_active_status_stays_what_was_spent(tmp_path):
    """A client tracker's Amount beside a Status of Active or Lost (no stage said): what
    each spent, as before: revenue 300 and 120."""
    cli_import_text(tmp_path, "clients.csv", "Client,Amount,Status\nAnn Lee,300,Active\n"
                                             "Bob Ray,120,Lost\n")
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients "
                                    "ORDER BY id") == [("Ann Lee", 300.0), ("Bob Ray", 120.0)]
