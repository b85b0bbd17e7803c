"""Session 15, read once more: an appointment list's type column names a review appointment
"Review" (an optician's, a physiotherapist's follow-up), which is no client's review of the
business; a reviews sheet's "Review" beside a date of visit stays a review."""

from conftest import cli_funnel, cli_import_text, kind_totals


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
