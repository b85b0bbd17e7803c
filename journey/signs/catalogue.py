"""The eight signs of misalignment, one class each, and ``SIGNS``, the tuple that
registers them in the order they are listed. A sign's class holds its definition (title,
stages, thresholds and which way is better), how it is measured and worked out, and what
differs from ``base.Sign`` in its judging, next steps and evidence. A new sign is a new
class here, added to ``SIGNS``."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlite_utils import Database

from ..derive import BY_PURCHASES
from ..errors import ValidationError
from ..filters import Filters
from ..kinds import PURCHASES, SALES
from ..workspace import query_frame
from .base import (
    DAYS_PER_MONTH, STATUSES, Measure, Sign, count, days_in, fmt, level_status, ratio,
    rule_text, towards_red)
from .evidence import (
    CLIENT_SELECT, P_SPAN, EventQuery, EvidenceTable, clients_of_events, first_clients_of_events,
    first_rows, in_span)
from .keywords import get_keyword_classes, reason_classifier
from .source import CONSIDERING, CUSTOMER, ORDER_DATE, Source, client_scope

RULE_OF_THUMB = "Journey's rule of thumb (no published benchmark): "


class InterdepartmentalComplaints(Sign):
    key = "interdepartmental_complaints"
    title = "Complaints between departments"
    definition = (
        "Internal complaints (one team complaining about another: marketing and sales, sales "
        "and operations or service) per month, and how that changed on the period before.")
    value_label = "internal complaints per month"
    unit = "per month"
    stages = ("purchase", "retention")
    departments = ("marketing", "sales", "operations", "service")
    judged_on, better = "change", "lower"
    default_thresholds = {"amber": 10.0, "red": 50.0, "level_amber": 2.0, "level_red": 5.0}
    source = (
        RULE_OF_THUMB + "a rise of 10% on the period before is a warning and 50% a problem; "
        "with nothing to compare, 2 a month is a warning and 5 a month a problem for a small "
        "business.")
    measured_by = ("an internal escalations log: events of kind internal_complaint with a date "
                   "and the department that raised it")
    next_step = (
        "At the handover from sales to delivery (purchase → retention): put the departments "
        "named most often in one room for 30 minutes, go through last month's escalations and "
        "agree who may promise what (dates, specifications, discounts) before an order is "
        "signed.")
    evidence_kinds = reason_kinds = ("internal_complaint",)
    department_kind = "internal_complaint"

    def measure(self, src: Source, window) -> Measure:
        if not src.has_kind["internal_complaint"]:
            return Measure(None, missing="The workspace has no internal complaints.")
        n = src.events("internal_complaint", window)
        if window is None:
            return Measure(None, {"complaints": n}, n,
                           missing="Internal complaints per month need dated complaints.")
        months = days_in(window) / DAYS_PER_MONTH
        return Measure(n / months, {"complaints": n, "months": months}, n)

    def arithmetic(self, m: Measure) -> str:
        p = m.parts
        return (f"{count(p['complaints'])} internal complaints over {p['months']:.1f} months"
                f"{self.equals_figure(m)}.")


class UneducatedLeads(Sign):
    """Judged by the worse of two checks: the share of reasons saying the lead did not
    understand, and the awareness → consideration conversion."""
    key = "uneducated_leads"
    title = "Leads uneducated about the solution"
    definition = (
        "Of the lost deals and objections that give a reason, the share whose reason says the "
        "lead did not understand the offer (matched by keyword classes the workspace can "
        "edit), together with the awareness → consideration conversion: of the leads who "
        "arrived in the period, the share who went on to consider buying.")
    value_label = "reasons saying the lead did not understand"
    unit = "%"
    stages = ("awareness", "consideration")
    departments = ("marketing", "sales")
    judged_on, better = "level", "lower"
    default_thresholds = {"amber": 10.0, "red": 25.0, "conversion_amber": 50.0,
                          "conversion_red": 30.0}
    source = (
        RULE_OF_THUMB + "more than 1 in 10 reasons saying the lead did not understand is a "
        "warning, 1 in 4 a problem; fewer than half of new leads considering buying is a "
        "warning, fewer than 3 in 10 a problem.")
    measured_by = (
        "lost deals or objections with a reason (event kinds lost and objection with a reason "
        "column), or a client stage column for the awareness → consideration conversion")
    next_step = (
        "Awareness and consideration content: explain what is included and how pricing works "
        "before the first sales conversation (a one-page guide, a pricing FAQ, a short "
        "video), and check each lead has seen it before the proposal.")
    evidence_kinds = reason_kinds = ("lost", "objection")

    def measure(self, src: Source, window) -> Measure:
        matched, with_reason = src.matched_reasons(window)
        share = ratio(matched, with_reason)
        conversion = arrived = converted = None
        if src.has_leads:
            arrived = src.clients_in("first", window)
            converted = src.clients_in("converted", window)
            conversion = ratio(converted, arrived)
        parts = {"matched": matched, "with_reason": with_reason, "arrived": arrived,
                 "converted": converted, "conversion": conversion, "share": share}
        if share is not None:
            return Measure(share, parts, with_reason)
        if conversion is not None:
            return Measure(conversion, parts, arrived, basis="conversion")
        if not src.has_leads:
            return Measure(None, parts, missing="No lost deal or objection gives a reason, "
                                                "and the clients' stages do not tell leads "
                                                "from clients who considered buying.")
        return Measure(None, parts, missing="No lost deals or objections give a reason, and "
                                            "no leads arrived in the period.")

    def arithmetic(self, m: Measure) -> str:
        p, out = m.parts, []
        if p["share"] is not None:
            out.append(f"{count(p['matched'])} of {count(p['with_reason'])} lost deals and "
                       f"objections with a reason say the lead did not understand = "
                       f"{fmt(p['share'], '%')}")
        if p["conversion"] is not None:
            out.append(f"{count(p['converted'])} of {count(p['arrived'])} new leads went on "
                       f"to consider buying = {fmt(p['conversion'], '%')}")
        return "; ".join(out) + "."

    def label(self, current: Measure) -> str:
        if current.basis == "conversion":
            return "awareness → consideration conversion"
        return self.value_label

    def value_better(self, current: Measure) -> str:
        """A conversion is better higher; the share of reasons is better lower."""
        return "higher" if current.basis == "conversion" else self.better

    def judge_measured(self, thresholds: dict, current: Measure,
                       previous: Measure | None) -> tuple[str, str]:
        parts = current.parts
        statuses, rules = [], []
        if parts.get("share") is not None:
            statuses.append(level_status(parts["share"], thresholds["amber"],
                                         thresholds["red"], "lower"))
            rules.append("reasons: " + rule_text("lower", thresholds["amber"],
                                                 thresholds["red"], "%"))
        if parts.get("conversion") is not None:
            statuses.append(level_status(parts["conversion"], thresholds["conversion_amber"],
                                         thresholds["conversion_red"], "higher"))
            rules.append("conversion: " + rule_text("higher", thresholds["conversion_amber"],
                                                    thresholds["conversion_red"], "%"))
        worst = min(statuses, key=STATUSES.index)
        return worst, "The worse of two checks; " + "; ".join(rules)

    def severity_measured(self, thresholds: dict, current: Measure,
                          previous: Measure | None) -> float:
        parts, found = current.parts, []
        if parts.get("share") is not None:
            found.append(towards_red(parts["share"], thresholds["red"], "lower"))
        if parts.get("conversion") is not None:
            found.append(towards_red(parts["conversion"], thresholds["conversion_red"],
                                     "higher"))
        return max(found)

    def threshold_pairs(self) -> list[tuple[str, str]]:
        return [*super().threshold_pairs(), ("conversion_", "higher")]

    def threshold_unit(self, name: str) -> str:
        return "% converted" if name.startswith("conversion") else super().threshold_unit(name)

    def trend_lines(self, thresholds: dict) -> dict[str, float]:
        return {}          # a month's point is the share or the conversion: no one pair fits

    def quoted_reasons(self, details: dict) -> list[tuple[str, int]]:
        classify = reason_classifier(details["keywords"])
        return [c for c in super().quoted_reasons(details) if classify(c[0]) is not None]

    def event_query(self, kinds: tuple[str, ...]) -> EventQuery:
        return EventQuery(kinds, condition="AND e.reason IS NOT NULL AND TRIM(e.reason) != ''")

    def with_event_columns(self, db: Database, query: EventQuery,
                           events: pd.DataFrame) -> pd.DataFrame:
        """Which keyword class, if any, says the lead did not understand."""
        if not query.kinds:
            return events
        classify = reason_classifier(get_keyword_classes(db))
        events.insert(events.columns.get_loc("reason") + 1, "did_not_understand",
                      [classify(r) or "" for r in events["reason"]])
        return events

    def counted_clients(self, where: str, params: list, span,
                        has_events: bool) -> tuple[str, list, str] | None:
        if not span:
            return super().counted_clients(where, params, span, has_events)
        return (f"SELECT {CLIENT_SELECT}, c.furthest_rank >= {CONSIDERING} AS considered "
                f"FROM clients c WHERE {where} AND c.awareness_at >= ? "
                f"AND substr(c.awareness_at, 1, 10) <= ?", [*params, *span], "c.id")


class EventsPer100Clients(Sign):
    """A sign measured as events of one kind (or a client column counting them) per 100
    clients of a base; a subclass names the kind, the column, the base and their words."""

    counted: str                 # the events' word and part name ("objections")
    base_part: str               # the base's part name ("considered")
    base_words: str              # "clients who reached consideration"
    no_events: str               # why nothing can be measured without the events
    no_base: str                 # why nothing can be measured without the base

    def base(self, src: Source, window) -> int:
        raise NotImplementedError

    def no_base_evidence(self, src: Source) -> str | None:
        """Why the data cannot give the base at all (None: it can)."""
        return None

    def measure(self, src: Source, window) -> Measure:
        events, basis, evidence = src.events_or_column(self.evidence_kinds[0],
                                                       self.evidence_column, window)
        if events is None:
            return Measure(None, missing=self.no_events)
        if (why := self.no_base_evidence(src)) is not None:
            return Measure(None, {self.counted: events}, evidence, basis, missing=why)
        base = self.base(src, window)
        parts = {self.counted: events, self.base_part: base}
        value = ratio(events, base)
        if value is None:
            return Measure(None, parts, evidence, basis, missing=self.no_base)
        return Measure(value, parts, evidence, basis)

    def arithmetic(self, m: Measure) -> str:
        worked = (f"{count(m.parts[self.counted])} {self.counted} ÷ "
                  f"{count(m.parts[self.base_part])} {self.base_words}")
        return f"{worked}{self.equals_figure(m)}."


class PurchaseObjections(EventsPer100Clients):
    key = "purchase_objections"
    title = "Objections at the point of purchase"
    definition = ("Objections raised in the period, per 100 clients who reached consideration "
                  "in it.")
    value_label = "objections per 100 considering clients"
    unit = "per 100 clients"
    stages = ("consideration", "purchase")
    departments = ("sales",)
    judged_on, better = "level", "lower"
    default_thresholds = {"amber": 50.0, "red": 100.0}
    source = (RULE_OF_THUMB + "one objection for every two considering clients is a warning, "
              "one each a problem.")
    measured_by = ("objection events (or an objections column on the client tracker) and "
                   "clients who reached consideration")
    next_step = (
        "The purchase stage's touchpoints (proposal, quote, contract, deposit): answer the "
        "most common objection in the proposal and the contract themselves, before the client "
        "has to raise it.")
    evidence_kinds = reason_kinds = ("objection",)
    evidence_column = "objections"
    counted, base_part = "objections", "considered"
    base_words = "clients who reached consideration"
    no_events = "The workspace has no objections."
    no_base = "No clients reached consideration in the period."

    def base(self, src: Source, window) -> int:
        return src.clients_in("considered", window)


class LowWinRate(Sign):
    key = "low_win_rate"
    title = "Low win rate"
    definition = "Deals won ÷ (deals won + deals lost) in the period."
    value_label = "win rate"
    unit = "%"
    stages = ("consideration", "purchase")
    departments = ("sales", "marketing")
    judged_on, better = "level", "higher"
    default_thresholds = {"amber": 30.0, "red": 20.0}
    source = ("A win rate of about 20% is a commonly cited average for B2B sales: below it is "
              "red, below 30% amber.")
    measured_by = ("won and lost deals (event kinds won and lost, for example a CRM export "
                   "with a deal stage), or a client tracker with stages and a lost status")
    next_step = (
        "From consideration to purchase: review the last ten lost deals with sales, qualify "
        "leads before writing a proposal, and follow up every proposal within a week.")
    evidence_kinds = ("won", "lost")
    reason_kinds = ("lost",)

    def measure(self, src: Source, window) -> Measure:
        if src.has_kind["lost"]:
            lost, lost_basis = src.events("lost", window), "events"
        elif len(src.lost_clients()):
            days = src.lost_clients()
            lost = len(days) if window is None else int(((days >= window[0])
                                                         & (days <= window[1])).sum())
            lost_basis = "clients"
        else:
            return Measure(None, missing="Nothing in the workspace says which deals were lost.")
        if src.has_kind["won"]:
            won, won_basis = src.events("won", window), "events"
        else:
            won = src.clients_in("bought", window)
            won_basis = "clients"
        parts = {"won": won, "lost": lost, "won_basis": won_basis, "lost_basis": lost_basis}
        value = ratio(won, won + lost)
        basis = "events" if (won_basis, lost_basis) == ("events", "events") else "clients"
        if value is None:
            return Measure(None, parts, 0, basis,
                           missing="No deals were won or lost in the period.")
        return Measure(value, parts, won + lost, basis)

    def arithmetic(self, m: Measure) -> str:
        p = m.parts
        return (f"{count(p['won'])} won ÷ ({count(p['won'])} won + {count(p['lost'])} lost)"
                f"{self.equals_figure(m)}.")

    def notes(self, current: Measure) -> list[str]:
        lines = []
        if current.parts.get("won_basis") == "clients":
            lines.append("There are no won deals in the workspace, so each client's first "
                         "purchase counts as a won deal.")
        if current.parts.get("lost_basis") == "clients":
            lines.append("There are no lost deals in the workspace, so each client marked lost "
                         "counts as a lost deal (dated by its last date).")
        return lines

    def counted_clients(self, where: str, params: list, span,
                        has_events: bool) -> tuple[str, list, str] | None:
        if has_events:
            return super().counted_clients(where, params, span, has_events)
        return (f"SELECT {CLIENT_SELECT}, c.outcome FROM clients c WHERE {where} AND ("
                f"(c.outcome = 'lost' AND {in_span('c.last_date', span)}) OR (c.furthest_rank >= "
                f"{CUSTOMER} AND {in_span('COALESCE(c.purchase_at, c.first_date)', span)}))",
                [*params, *(span or ()), *(span or ())], "c.id")


class HighComplaints(EventsPer100Clients):
    key = "high_complaints"
    title = "High customer complaints"
    definition = ("Customer complaints ÷ clients active in the period (clients with any "
                  "contact or event in it), as a percentage.")
    value_label = "complaints per 100 active clients"
    unit = "%"
    stages = ("purchase", "retention")
    departments = ("operations", "service", "support")
    judged_on, better = "level", "lower"
    default_thresholds = {"amber": 5.0, "red": 10.0}
    source = (RULE_OF_THUMB + "one complaint for every 20 active clients is a warning, one for "
              "every 10 a problem.")
    measured_by = ("complaint events (a complaints log) or a complaints column on the client "
                   "tracker")
    next_step = (
        "After the purchase (delivery and retention touchpoints): fix the most common "
        "complaint at its source, and call every client who complains back within two "
        "working days.")
    evidence_kinds = reason_kinds = ("complaint",)
    evidence_column = "complaints"
    trailing_trend = True
    counted, base_part, base_words = "complaints", "active", "active clients"
    no_events = "The workspace has no customer complaints."
    no_base = "No clients were active in the period."

    def base(self, src: Source, window) -> int:
        return src.active(window)

    def no_base_evidence(self, src: Source) -> str | None:
        if src.knows_clients_beyond(("complaint", "internal_complaint")):
            return None
        return ("Your data has complaints but nothing about the clients who did not "
                "complain: import your client list or orders to measure complaints per 100 "
                "clients.")


def deals_not_counted(deals: int) -> str:
    """What the refunds sign says of the deals won in a period that it does not count."""
    return (f"The period's {count(deals)} deal{'s' * (deals != 1)} won "
            f"{'are' if deals != 1 else 'is'} not counted: where the workspace has purchases, "
            f"refunds and cancellations are set against those alone, so a deal and the "
            f"invoice that bills it do not count twice.")


class RefundsCancellationsUp(Sign):
    key = "refunds_cancellations_up"
    title = "Refunds and cancellations going up"
    definition = ("(Refunds + cancellations) ÷ purchases in the period, judged by how much it "
                  "changed on the period before.")
    value_label = "refunds and cancellations per 100 purchases"
    unit = "%"
    stages = ("purchase", "retention")
    departments = ("operations", "sales", "service")
    judged_on, better = "change", "lower"
    default_thresholds = {"amber": 10.0, "red": 50.0, "level_amber": 5.0, "level_red": 10.0}
    source = (
        RULE_OF_THUMB + "a rise of 10% on the period before is a warning and 50% a problem; "
        "with nothing to compare, 5 per 100 purchases is a warning and 10 a problem.")
    measured_by = ("refund or cancellation events (a returns list) or a refunds column, and "
                   "purchases")
    next_step = (
        "The purchase and delivery touchpoints: compare what was promised at purchase with "
        "what was delivered for each refund and cancellation, and fix the promise or the "
        "delivery behind the most common reason.")
    evidence_kinds = reason_kinds = ("refund", "cancellation")
    evidence_column = "refunds"

    def measure(self, src: Source, window) -> Measure:
        refunds, refund_basis, refund_rows = src.events_or_column("refund", "refunds", window)
        cancellations, _, cancel_rows = src.events_or_column("cancellation", None, window)
        if refunds is None and cancellations is None:
            return Measure(None, missing="The workspace has no refunds or cancellations.")
        refunds, cancellations = refunds or 0, cancellations or 0
        purchases, purchase_basis = src.purchases(window)
        parts = {"refunds": refunds, "cancellations": cancellations, "purchases": purchases,
                 "purchase_basis": purchase_basis,
                 "refunds_are_amounts": refund_basis == "column" and src.refunds_are_amounts,
                 "deals_left_out": self.deals_left_out(src, window, purchase_basis)}
        value = ratio(refunds + cancellations, purchases)
        basis = "column" if refund_basis == "column" else "events"
        if value is None:
            return Measure(None, parts, refund_rows + cancel_rows, basis,
                           missing=self.nothing_bought(parts["deals_left_out"]),
                           measured_elsewhere=purchase_basis != "clients who bought"
                           or src.has_customers)
        return Measure(value, parts, refund_rows + cancel_rows, basis)

    @staticmethod
    def deals_left_out(src: Source, window, purchase_basis: str) -> int:
        """Deals won in the window that are not its purchases: where the workspace has
        purchase events (orders, invoices, payments), those are what refunds and
        cancellations are set against, so a deal won and the invoice that bills it are
        not counted twice (``Source.purchases``)."""
        if purchase_basis != "purchase events" or not src.has_kind["won"]:
            return 0
        return src.events("won", window)

    @staticmethod
    def nothing_bought(deals_left_out: int) -> str:
        """Why the window has no figure: nothing bought, or (a shop's orders beside a CRM's
        deals, the orders in other periods) no purchase, only deals won."""
        if not deals_left_out:
            return "Nothing was bought in the period."
        return ("No purchase (order, invoice or payment) in the period to set refunds and "
                f"cancellations against. {deals_not_counted(deals_left_out)}")

    def arithmetic(self, m: Measure) -> str:
        p = m.parts
        return (f"({count(p['refunds'])} refunds + {count(p['cancellations'])} cancellations) "
                f"÷ {count(p['purchases'])} purchases ({p['purchase_basis']})"
                f"{self.equals_figure(m)}.")

    def notes(self, current: Measure) -> list[str]:
        lines = []
        if current.parts.get("refunds_are_amounts"):
            lines.append("The refunds column holds amounts, not counts, so each client with "
                         "a refund counts once.")
        if current.value is not None and current.parts.get("deals_left_out"):
            lines.append(deals_not_counted(current.parts["deals_left_out"]))
        return lines

    def event_query(self, kinds: tuple[str, ...]) -> EventQuery:
        # Undated returns take their order's date.
        return EventQuery(kinds, day=f"COALESCE(e.date, {ORDER_DATE})")


# The retention evidence's order: the customers by how far they went, then where they are
# now, then as added (the clients_now index's order, as the list came before it was set).
CUSTOMERS_ORDER = "c.furthest_rank, c.current_stage, c.outcome, c.id"


class LowRetention(Sign):
    key = "low_retention"
    title = "Low customer retention"
    definition = (
        "(Customers at the end − new customers) ÷ customers at the start: the share of the "
        "customers you had when the period began who are still customers at its end.")
    value_label = "retention rate"
    unit = "%"
    stages = ("retention",)
    departments = ("service", "account management")
    judged_on, better = "level", "higher"
    default_thresholds = {"amber": 85.0, "red": 75.0}
    source = ("A retention rate below 75% is below the commonly cited cross-industry average: "
              "below it is red, below 85% amber.")
    measured_by = ("clients who bought (purchase events or a stage column) and a status column "
                   "saying who churned or cancelled")
    next_step = (
        "The retention stage: call every new customer within 90 days of their purchase, "
        "schedule regular check-ins, and ask each customer who leaves why.")
    trailing_trend = True

    def measure(self, src: Source, window) -> Measure:
        if not src.has_customers:
            return Measure(None, missing="No client has bought yet.")
        if not src.has_status:
            return Measure(None, missing="Nothing says which customers left (no status "
                                         "column).")
        parts = self.counts(src, window)
        value = ratio(parts["end"] - parts["new"], parts["start"])
        if value is None:
            return Measure(None, parts, parts["new"], "clients",
                           missing="There were no customers at the start of the period.")
        return Measure(value, parts, parts["start"] + parts["new"], "clients")

    @staticmethod
    def counts(src: Source, window) -> dict[str, int]:
        """Customers at the start, customers at the end, and how many of those at the end
        are new (bought first in the window). New customers who left again are in neither,
        so (end − new) ÷ start is the share of the starting customers still there; the
        working says how many they are (``new_left``)."""
        if window is None:
            c = src.clients
            customer, left = c["rank"] >= CUSTOMER, c["left"] == 1
            new = customer & ~left & (c["new"] == 1)
            start = int((customer & ~new).sum())
            end = int((customer & ~left).sum())
            return {"start": start, "new": int(new.sum()), "end": end,
                    "left": int((customer & left).sum()), "new_left": 0}
        # A customer's first purchase comes no later than its last date, so "gone before the
        # window" and "gone by its end" are counts of the left customers' last dates.
        first, last = window
        bought, gone = src.sorted["bought"], src.sorted["left_last"]
        start = bought.below(first) - gone.below(first)
        end = bought.upto(last) - gone.upto(last)
        new_left = int(np.sum((src.left_bought >= first) & (src.left_last <= last)))
        left_now = int(np.sum((src.left_bought < first) & (src.left_last >= first)
                              & (src.left_last <= last)))
        return {"start": start, "new": bought.count(window) - new_left, "end": end,
                "left": left_now, "new_left": new_left}

    def arithmetic(self, m: Measure) -> str:
        p = m.parts
        return (f"({count(p['end'])} customers at the end − {count(p['new'])} of them new) ÷ "
                f"{count(p['start'])} at the start{self.equals_figure(m)} "
                f"({count(p['left'])} of those at the start left).")

    def notes(self, current: Measure) -> list[str]:
        gone = current.parts.get("new_left")
        if not gone:
            return []
        return [f"{count(gone)} customer{'s' * (gone != 1)} who first bought in the period "
                f"and left within it {'are' if gone != 1 else 'is'} in neither count (not a "
                f"customer at its start, nor at its end), so the evidence does not list "
                f"{'them' if gone != 1 else 'it'}."]

    def evidence_clients(self, db: Database, filters: Filters, span, events: pd.DataFrame,
                         has_events: bool) -> pd.DataFrame:
        """Every customer in the retention figure, with how it counted (not those new in
        the period who left within it: they count nowhere)."""
        where, params, _ = client_scope(filters)
        frame = query_frame(
            db, f"SELECT {CLIENT_SELECT}, c.outcome, c.current_stage, c.purchasing_frequency, "
            f"substr(COALESCE(c.purchase_at, c.first_date), 1, 10) AS customer_since "
            f"FROM clients c WHERE {where} AND c.furthest_rank >= {CUSTOMER} "
            f"ORDER BY {CUSTOMERS_ORDER}", params)
        left = frame["outcome"].isin(["churned", "cancelled"])
        last = frame["last_date"].fillna("").str[:10]
        since = frame["customer_since"].fillna("")
        if span is None:
            new = ~left & ((frame["current_stage"] == "purchase")
                           | frame["purchasing_frequency"].isin(["new", "to onboard"]))
            counted = pd.Series("customer at the start, stayed", index=frame.index)
            counted[left] = "customer at the start, left"
            counted[new] = "new"
        else:
            start, end = span
            at_start = (since < start) & (since != "") & ~(left & (last < start))
            new = (since >= start) & (since <= end)
            gone = left & (last <= end)
            counted = pd.Series("", index=frame.index)
            counted[at_start] = "customer at the start, stayed"
            counted[at_start & gone] = "customer at the start, left in the period"
            counted[new & ~gone] = "new in the period"
        frame.insert(2, "counted_as", counted)
        frame = frame[frame["counted_as"] != ""]
        return frame.drop(columns=["current_stage", "purchasing_frequency"]).reset_index(
            drop=True)

    def first_evidence_clients(self, db: Database, filters: Filters, span,
                               kinds: tuple[str, ...], rows: int) -> EvidenceTable:
        """``evidence_clients``' customers, each classed by SQLite as it classes them."""
        where, params, _ = client_scope(filters)
        since = "COALESCE(substr(COALESCE(c.purchase_at, c.first_date), 1, 10), '')"
        left = "COALESCE(c.outcome IN ('churned', 'cancelled'), 0)"
        if span is None:
            counted_as = (f"CASE WHEN {left} THEN 'customer at the start, left' "
                          "WHEN c.current_stage = 'purchase' OR c.purchasing_frequency "
                          "IN ('new', 'to onboard') THEN 'new' "
                          "ELSE 'customer at the start, stayed' END")
            counted_params = []
        else:
            start, end = span
            last = "COALESCE(substr(c.last_date, 1, 10), '')"
            at_start = f"({since} < ? AND {since} != '' AND NOT ({left} AND {last} < ?))"
            new = f"({since} >= ? AND {since} <= ?)"
            gone = f"({left} AND {last} <= ?)"
            counted_as = (f"CASE WHEN {new} AND {gone} THEN '' WHEN {new} THEN 'new in the "
                          f"period' "
                          f"WHEN {at_start} AND {gone} THEN 'customer at the start, left in "
                          f"the period' WHEN {at_start} THEN 'customer at the start, stayed' "
                          f"ELSE '' END")
            counted_params = [start, end, end, start, end, start, start, end, start, start]
        first, second, *rest = CLIENT_SELECT.split(", ")
        customers = (f"SELECT {first}, {second}, {counted_as} AS counted_as, "
                     f"{', '.join(rest)}, c.outcome, substr(COALESCE(c.purchase_at, "
                     f"c.first_date), 1, 10) AS customer_since FROM clients c WHERE {where} "
                     f"AND {{rank}} >= {CUSTOMER} AND {counted_as} != ''")
        # The first rows along the clients_now index, in its order; the count reads the
        # table straight through ("+": not along the index, a random read per customer).
        return first_rows(db, customers.format(rank="c.furthest_rank"),
                          [*counted_params, *params, *counted_params], CUSTOMERS_ORDER, rows,
                          counted=customers.format(rank="+c.furthest_rank"))


class RepeatBusinessDown(Sign):
    key = "repeat_business_down"
    title = "Repeat business going down"
    definition = (
        "Clients with two or more purchases ÷ clients with any: of the clients who bought in "
        "the period, the share who have bought on two or more different days in it, judged "
        "by its change on the period before. Clients too new to have had the chance to come "
        "back (a first purchase less than 90 days, or half the period, before its end) are "
        "left out; with no repeat purchase anywhere in the data it is not measured.")
    value_label = "repeat purchase rate"
    unit = "%"
    stages = ("retention", "advocacy")
    departments = ("marketing", "account management")
    judged_on, better = "change", "higher"
    default_thresholds = {"amber": 10.0, "red": 25.0, "level_amber": 40.0, "level_red": 20.0}
    source = (
        RULE_OF_THUMB + "a fall of 10% on the period before is a warning and 25% a problem; "
        "with nothing to compare, fewer than 40% repeat buyers is a warning and fewer than "
        "20% a problem.")
    measured_by = "purchase events with dates and clients (an order list), or a purchases column"
    next_step = (
        "Retention and advocacy: give every buyer a reason to come back (a follow-up offer "
        "timed to their buying cycle, a care plan, a referral reward) and track who does.")
    evidence_kinds = ("purchase", "won")
    trailing_trend = True

    # A buyer has had the chance to come back when its first purchase was at least this
    # many days before the window's end (half the window when that is shorter): buyers
    # newer than that are left out, as a cohort table leaves out a cohort too young.
    CHANCE_DAYS = 90
    NO_REPEATS = ("No repeat purchases in your data: import an order list (every order with "
                  "its client and date) to measure this.")

    def chance_days(self, window) -> int:
        """How long before the window's end a buyer must first have bought to count."""
        return int(min(self.CHANCE_DAYS, days_in(window) // 2))

    def measure(self, src: Source, window) -> Measure:
        if not src.has_repeat:
            return Measure(None, missing=self.NO_REPEATS)
        if window is not None and (src.has_kind["purchase"] or src.has_kind["won"]):
            low = np.searchsorted(src.purchase_days, window[0], side="left")
            high = np.searchsorted(src.purchase_days, window[1], side="right")
            days_per_client = np.bincount(src.purchase_clients[low:high])
            bought = days_per_client >= 1
            first = src.first_purchase_days()[:len(days_per_client)]
            old_enough = ~(first > window[1] - self.chance_days(window))
            buyers = int(np.count_nonzero(bought & old_enough))
            repeat = int(np.count_nonzero((days_per_client >= 2) & old_enough))
            parts = {"buyers": buyers, "repeat": repeat,
                     "too_new": int(np.count_nonzero(bought)) - buyers,
                     "chance_days": self.chance_days(window)}
            value = ratio(repeat, buyers)
            if value is None:
                return Measure(None, parts, 0, "events", missing=(
                    "Nobody who bought in the period had bought long enough before its end "
                    "to have had the chance to come back." if parts["too_new"]
                    else "Nobody bought in the period."))
            return Measure(value, parts, buyers, "events")
        elif window is None:
            customer = src.clients["rank"] >= CUSTOMER
            buyers = int(customer.sum())
            repeat = int((customer & (src.clients["retained"] == 1)).sum())
            basis = "clients"
        elif src.has_column("purchases"):
            days, values = src.column("purchases")
            in_window = (days >= window[0]) & (days <= window[1])
            buyers = int((in_window & (values >= 1)).sum())
            repeat = int((in_window & (values >= 2)).sum())
            basis = "column"
        else:
            return Measure(None, missing="The workspace has no purchases.")
        parts = {"buyers": buyers, "repeat": repeat}
        value = ratio(repeat, buyers)
        if value is None:
            return Measure(None, parts, 0, basis, missing="Nobody bought in the period.")
        return Measure(value, parts, buyers, basis)

    def arithmetic(self, m: Measure) -> str:
        p = m.parts
        text = (f"{count(p['repeat'])} of {count(p['buyers'])} clients who bought have bought "
                f"on two or more days{self.equals_figure(m)}.")
        if p.get("too_new"):
            text += (f" {count(p['too_new'])} who first bought in the last "
                     f"{p['chance_days']} days are left out: too new to have come back.")
        return text

    def event_query(self, kinds: tuple[str, ...]) -> EventQuery:
        # Each client's sales, as the figure counts them (Source._load_purchases): its
        # purchases, or its won deals where it has more of those (a shop's orders beside a
        # CRM's deals: both clients' sales, and a deal and its invoice once).
        if len(kinds) > 1:
            return EventQuery(kinds, clients_only=True, condition=(
                f"AND (e.kind IN {SALES}) = (e.client_ref IN (SELECT p.client_ref FROM events p "
                f"WHERE p.kind IN {PURCHASES} AND {P_SPAN} GROUP BY p.client_ref "
                f"HAVING {BY_PURCHASES.replace('e.kind', 'p.kind')}))"))
        return EventQuery(kinds, clients_only=True)

    def evidence_clients(self, db: Database, filters: Filters, span, events: pd.DataFrame,
                         has_events: bool) -> pd.DataFrame:
        if events.empty:
            return super().evidence_clients(db, filters, span, events, has_events)
        frame = clients_of_events(db, filters, events,
                                  ", c.purchase_days AS purchase_days_ever")
        days = events.assign(day=events["date"].astype(str).str[:10]).groupby(
            "client_ref")["day"].nunique()
        frame.insert(2, "purchase_days_in_period",
                     frame.pop("client_ref").map(days).fillna(0).astype("int64"))
        frame.insert(3, "repeat_buyer", (frame["purchase_days_in_period"] >= 2).map(
            {True: "yes", False: "no"}))
        return frame.sort_values("purchase_days_in_period", ascending=False, kind="stable")

    def first_evidence_clients(self, db: Database, filters: Filters, span,
                               kinds: tuple[str, ...], rows: int) -> EvidenceTable:
        query = self.event_query(kinds)
        if query.kinds:
            # (undated purchases count as one more day, as the whole table counts them)
            table = first_clients_of_events(
                db, filters, span, query, rows, "purchase_days_in_period",
                "COUNT(DISTINCT COALESCE(substr(e.date, 1, 10), ''))",
                ", c.purchase_days AS purchase_days_ever")
            if table.count:
                table.first.insert(3, "repeat_buyer", (
                    table.first["purchase_days_in_period"] >= 2).map({True: "yes", False: "no"}))
                return table
        return super().first_evidence_clients(db, filters, span, kinds, rows)


SIGNS: tuple[Sign, ...] = (
    InterdepartmentalComplaints(), UneducatedLeads(), PurchaseObjections(), LowWinRate(),
    HighComplaints(), RefundsCancellationsUp(), LowRetention(), RepeatBusinessDown())
SIGN_KEYS = tuple(sign.key for sign in SIGNS)
SIGN_BY_KEY = {sign.key: sign for sign in SIGNS}


def sign_by_key(key: str) -> Sign:
    """The sign with this key, or ValidationError naming the signs there are."""
    if key not in SIGN_BY_KEY:
        raise ValidationError(f"'{key}' is not a sign; the signs are {', '.join(SIGN_KEYS)}.")
    return SIGN_BY_KEY[key]
