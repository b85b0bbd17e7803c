"""The event kinds, declared once: what each is called, which per-client count column
counts it (and how that column is labelled on pages and in the export), and what it
proves about the journey. SQL that names kinds is rendered from this table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str                      # as stored in events.kind
    label: str                     # "Internal complaint"
    counted_as: str | None         # the clients column that counts it ("refund_count")
    count_label: str | None        # that column's label ("Refunds logged")
    purchase: bool = False         # proves a purchase (and a second one on a later day, retention)
    advocacy: bool = False         # proves advocacy (an NPS of 9-10 does too)
    says_stage: bool = False       # places a client on their path without naming a stage
    after_purchase: bool = False   # only a customer has one (a refund): implies a purchase
    of_an_order: bool = False      # undated, it takes the date of its order's purchase
    deal: bool = False             # a sale agreed: a purchase only for a client with no
                                   # purchase of its own (its order or invoice is that sale)


KINDS: tuple[Kind, ...] = (
    Kind("contact", "Contact", "contact_count", "Contacts logged"),
    Kind("stage_change", "Stage change", None, None),
    Kind("purchase", "Purchase", "purchase_count", "Purchases logged", purchase=True,
         says_stage=True),
    Kind("won", "Deal won", "won_count", "Deals won", purchase=True, says_stage=True,
         deal=True),
    Kind("lost", "Deal lost", "lost_count", "Deals lost"),
    Kind("refund", "Refund", "refund_count", "Refunds logged", after_purchase=True,
         of_an_order=True),
    # A cancelled order was mostly never paid: a cancellation alone proves no purchase.
    Kind("cancellation", "Cancellation", "cancellation_count", "Cancellations logged",
         of_an_order=True),
    Kind("complaint", "Complaint", "complaint_count", "Complaints logged"),
    Kind("internal_complaint", "Internal complaint", "internal_complaint_count",
         "Internal complaints"),
    Kind("objection", "Objection", "objection_count", "Objections logged"),
    Kind("referral", "Referral", "referral_count", "Referrals logged", advocacy=True,
         says_stage=True),
    Kind("review", "Review", "review_count", "Reviews logged", advocacy=True, says_stage=True),
    Kind("nps", "NPS answer", None, None, says_stage=True),
)
BY_NAME = {kind.name: kind for kind in KINDS}
PROMOTER_SCORE = 9                 # an NPS answer of 9 or 10 proves advocacy
GOOD_REVIEW = 4                    # a review of 4 or 5 stars does (one without stars too)


def sql_list(names) -> str:
    """``('purchase', 'won')``: names for SQL's IN (they are ours, never user text)."""
    return "(" + ", ".join(f"'{name}'" for name in names) + ")"


PURCHASES = sql_list(k.name for k in KINDS if k.purchase)
# A client's sales: its purchases (orders, invoices, payments), or its won deals where it
# has more of those (journey.derive.BY_PURCHASES). A deal won in the CRM and the invoice
# that bills it are one sale, not two.
SALE_KINDS = tuple(k.name for k in KINDS if k.purchase and not k.deal)
SALES = sql_list(SALE_KINDS)
DEALS = sql_list(k.name for k in KINDS if k.deal)
ADVOCACY = sql_list(k.name for k in KINDS if k.advocacy)
SAYS_STAGE = sql_list(k.name for k in KINDS if k.says_stage)
AFTER_PURCHASE = sql_list(k.name for k in KINDS if k.after_purchase)
OF_AN_ORDER = sql_list(k.name for k in KINDS if k.of_an_order)
# An order's own events, which its number ties together: its sales (lines), refunds and
# cancellations (a ticket's or a deal's number is no order's).
OF_ORDERS = sql_list([*SALE_KINDS, *(k.name for k in KINDS if k.of_an_order)])
# A review of fewer stars than a good one (its stars in amount): it proves no advocacy.
POOR_REVIEW = f"(e.kind = 'review' AND e.amount < {GOOD_REVIEW})"
# An event that proves advocacy (events aliased e).
ADVOCACY_EVENT = (f"((e.kind IN {ADVOCACY} AND NOT COALESCE({POOR_REVIEW}, 0)) "
                  f"OR (e.kind = 'nps' AND e.amount >= {PROMOTER_SCORE}))")
# Per-client count columns and the kinds each counts (purchase_count counts a client's
# sales: journey.derive chooses its purchases or its won deals).
COUNTS = {k.counted_as: sql_list([k.name]) for k in KINDS if k.counted_as}
COUNT_LABELS = {k.counted_as: k.count_label for k in KINDS if k.counted_as}
