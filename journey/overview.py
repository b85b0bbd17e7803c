"""What the overview page shows: the stage tiles against the previous period, the data's
date span, the filter choices, and the workspace's data health."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from .derive import client_revenue_sql, of_sales
from .filters import FILTER_FIELDS, NO_FILTERS, Filters
from .funnel import (CHANCE_DAYS, Drop, as_of_date, biggest_drop, compute_funnel,  # noqa: F401
                     too_new_buyers, unmeasured_stages)
from .ingest import pending_stage_values
from .ingest.currency import imports_currencies
from .kinds import COUNTS, SALES
from .stages import PHASES
from .text import counted, listed, money_text
from .values import add_days, stored_day

# What shows that clients reached a stage, and the sentence a stage says when nothing in the
# workspace does: then its count is not a measurement (0 clients who came back in a list of
# won deals says nothing about coming back), so it is shown as unknown and no drop-off is
# worked out into it. Stages before purchase are told apart by a stage column or events,
# and a funnel always has its first stage.
STAGE_EVIDENCE = {
    "consideration": "Nothing in your data says who considered buying (no stages, deals, "
                     "quotes or purchases): import a client tracker with stages or your "
                     "CRM's deals to measure this.",
    "purchase": "No purchases or won deals in your data: import an order list or your won "
                "deals to measure this.",
    "retention": "No repeat purchases in your data: import an order list to measure this.",
    "advocacy": "No referrals, reviews or NPS scores in your data: import a referrals list, "
                "reviews or an NPS survey to measure this.",
}
# The same in a few words, for a table's cell (the funnel as a table): the whole sentence,
# with what to import, is said beside the table.
STAGE_EVIDENCE_SHORT = {
    "consideration": "Nothing in your data says who considered buying.",
    "purchase": "No purchases or won deals in your data.",
    "retention": "No repeat purchases in your data.",
    "advocacy": "No referrals, reviews or NPS scores in your data.",
}
# Clients who arrived in a period have had the chance to come back or recommend you only
# when the data runs at least CHANCE_DAYS after it: otherwise those stages' change on the
# previous period compares a young cohort with an older one and is not shown.
AFTER_PURCHASE_STAGES = ("retention", "advocacy")
# The step a buyer takes next, in the stage and the phase models: where buyers too new to
# have come back are left out of the drop-off.
AFTER_PURCHASE_STEPS = ("retention", "post-purchase")


def data_span(db: Database) -> tuple[str | None, str | None]:
    """The first and last date any client or event carries (ISO dates, None when there is
    none), however far: 0001-01-01 and 9999-12-31 too."""
    row = db.execute("SELECT MIN(d), MAX(d) FROM (SELECT MIN(first_date) AS d FROM clients "
                     "UNION ALL SELECT MAX(last_date) FROM clients)").fetchone()
    return stored_day(row[0]), stored_day(row[1])


def filter_options(db: Database) -> dict[str, list[str]]:
    """The values each sidebar filter can take, most common first."""
    options = {}
    for name in FILTER_FIELDS:
        options[name] = [r[0] for r in db.execute(
            f"SELECT [{name}] FROM clients WHERE [{name}] IS NOT NULL AND TRIM([{name}]) != '' "
            f"GROUP BY [{name}] ORDER BY COUNT(*) DESC, [{name}] LIMIT 200").fetchall()]
    return options


def stage_tiles(db: Database, filters: Filters = NO_FILTERS,
                pre_awareness: bool = False) -> pd.DataFrame:
    """The funnel with each stage's count in the previous period of the same length.

    ``previous`` and ``change`` are empty when no date range is chosen (nothing to compare).
    ``missing`` is the sentence of a stage nothing in the data measures (its change is
    empty too); ``note`` says why a stage's change is not shown (clients too new).
    """
    now = compute_funnel(db, filters=filters, pre_awareness=pre_awareness)
    missing = missing_evidence(db)
    # Object columns: a text column would read None back as NaN, which is truthy.
    now["missing"] = pd.Series([missing.get(stage) for stage in now["stage"]], dtype=object)
    now["note"] = pd.Series([None] * len(now), dtype=object)
    now = with_too_new(now, too_new_buyers(db, filters))
    before = filters.shifted_back()
    if before is None:
        now["previous"] = pd.NA
        now["change_pct"] = pd.NA
        return now
    earlier = compute_funnel(db, filters=before, pre_awareness=pre_awareness)
    now["previous"] = earlier["clients"].to_numpy()
    now["change_pct"] = [None if not p else 100.0 * (c - p) / p     # (exact: rounded once,
                         for c, p in zip(now["clients"], now["previous"])]  # where shown)
    too_new = too_new_to_compare(db, filters)
    for index, stage in enumerate(now["stage"]):
        if isinstance(now.at[index, "missing"], str):
            now.at[index, "change_pct"] = None
        elif too_new and stage in AFTER_PURCHASE_STAGES:
            now.at[index, "change_pct"] = None
            now.at[index, "note"] = too_new
    return now


def missing_evidence(db: Database) -> dict[str, str]:
    """``{stage: sentence}`` for the stages nothing in the workspace measures
    (``funnel.unmeasured_stages``): ``STAGE_EVIDENCE``."""
    unmeasured = unmeasured_stages(db)
    return {stage: sentence for stage, sentence in STAGE_EVIDENCE.items()
            if stage in unmeasured}


def unmeasured(stages: pd.DataFrame, missing: dict[str, str]) -> pd.Series:
    """For each row of a funnel (``compute_funnel``'s, of stages or of phases), the
    sentence of ``missing_evidence`` when nothing in the data measures it (a phase: none
    of its stages), else None; an object column (a text one reads None back as NaN)."""
    return pd.Series([" ".join(dict.fromkeys(missing[s] for s in PHASES.get(stage, (stage,))))
                      if all(s in missing for s in PHASES.get(stage, (stage,))) else None
                      for stage in stages["stage"]], index=stages.index, dtype=object)


def without_unmeasured(stages: pd.DataFrame, missing: dict[str, str]) -> pd.DataFrame:
    """The funnel (of stages or of phases) as a table shows it: a stage nothing in the data
    measures has no count, share or drop-off (empty, never 0: "0 clients came back" from a
    list without repeat purchases is no measurement), nor has the stage after it a share of
    it or a drop-off from it; ``missing`` (``missing_evidence``) gives the column saying
    why."""
    out = stages.copy()
    out["missing"] = unmeasured(out, missing)
    gone = out["missing"].notna()
    after = gone.shift(1, fill_value=False)
    for column, blank in (("clients", gone), ("pct_of_first", gone),
                          ("pct_of_previous", gone | after), ("drop_off", gone | after)):
        if column in out:
            out[column] = out[column].astype(float).where(~blank)
    return out


def too_new_to_compare(db: Database, filters: Filters) -> str | None:
    """The sentence saying why the period's clients are too new to compare their coming back
    with the period before's, or None when the data runs ``CHANCE_DAYS`` past the period."""
    if not filters.date_to:
        return None
    latest = as_of_date(db)
    if latest < add_days(dt.date.fromisoformat(filters.date_to), CHANCE_DAYS).isoformat():
        return (f"Too soon to compare: clients who arrived in this period have had less "
                f"than {CHANCE_DAYS} days to come back.")
    return None


def with_too_new(stages: pd.DataFrame, too_new: int) -> pd.DataFrame:
    """The funnel (of stages or of phases) with ``too_new``: the ``too_new_buyers`` on the
    step after purchase, 0 on the others; what ``measured_drop`` leaves out."""
    return stages.assign(too_new=[too_new if stage in AFTER_PURCHASE_STEPS else 0
                                  for stage in stages["stage"]])


def measured_drop(tiles: pd.DataFrame) -> Drop | None:
    """The biggest drop-off among the stages the data can measure: the funnel up to the
    first stage without evidence (``missing``), so "100% of clients who bought did not come
    back" is never read from a workspace with no repeat purchases in it. A step's clients
    too new to have had the chance to take it (``too_new``: buyers of the last
    ``CHANCE_DAYS``) are left out of it, as a cohort table leaves out a young cohort;
    ``too_new`` in the result says how many. None when no step loses as much as 1% of
    its clients (the one client of 3,602 who did not go on is no headline: "0% of ...")."""
    if "missing" in tiles:
        unknown = [i for i, m in enumerate(tiles["missing"]) if isinstance(m, str)]
        if unknown:
            tiles = tiles.iloc[:unknown[0]]
    tiles = tiles.reset_index(drop=True)
    best = None
    for i in range(1, len(tiles)):
        step = tiles.iloc[i - 1:i + 1].reset_index(drop=True).copy()
        too_new = int(step.at[1, "too_new"]) if "too_new" in step else 0
        step.at[0, "clients"] = step.at[0, "clients"] - too_new
        drop = biggest_drop(step)
        if drop is not None and (best is None or drop.pct_lost > best.pct_lost):
            best = dataclasses.replace(drop, too_new=too_new)
    return best if best is not None and best.clients_lost > 0 and best.pct_lost >= 0.5 \
        else None


@dataclass(frozen=True)
class LastImport:
    file: str
    sheet: str | None
    created_at: str
    inserted: int
    updated: int
    rejected: int


@dataclass(frozen=True)
class DataHealth:
    """What the workspace holds, and what still needs a person's attention."""
    clients: int
    events: int
    personas: int
    touchpoints: int
    imports: int                       # not undone
    last_import: LastImport | None
    rejected_rows: int
    pending_stage_values: dict[str, int]   # stage values waiting to be mapped -> rows
    currencies: list[str]              # of the amounts, where imports found more than one


def no_clients_said(events: int) -> tuple[str, str]:
    """What the pages and the command line say in place of a funnel of no client: a title
    and why (events that name no client, or nothing imported yet)."""
    if events:
        return "No clients to count yet", clientless_sentence(events)
    return ("No clients in this workspace yet",
            "Import a client list, a CRM export or an order list on the Import page; the "
            "funnel shows how far each client got.")


def clientless_sentence(events: int) -> str:
    """Why the stages count nobody in a workspace of events that name no client (a deals
    export with no customer column, such as Bitrix24's), and what would change it."""
    return (f"The workspace holds {counted(events, 'event')} but no client: no row says "
            "whose it is (no client ID, e-mail or name column), and the funnel counts "
            "clients. The Signs page reads the events as they are. To see the funnel, "
            "import a list that names your clients, or map the column that does to "
            "Client ID or Name on the Import page.")


def data_health(db: Database) -> DataHealth:
    """Row counts, the last import, rejected rows and stage values waiting to be mapped."""
    count = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    last = db.execute("SELECT file, sheet, created_at, inserted, updated, rejected "
                      "FROM imports WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1").fetchone()
    return DataHealth(
        clients=count("SELECT COUNT(*) FROM clients"),
        events=count("SELECT COUNT(*) FROM events"),
        personas=count("SELECT COUNT(*) FROM personas WHERE archived = 0"),
        touchpoints=count("SELECT COUNT(*) FROM touchpoints"),
        imports=count("SELECT COUNT(*) FROM imports WHERE undone_at IS NULL"),
        last_import=None if last is None else LastImport(*last),
        rejected_rows=int(count("SELECT COALESCE(SUM(rejected), 0) FROM imports "
                                "WHERE undone_at IS NULL")),
        pending_stage_values=pending_stage_values(db),
        currencies=currencies_added(db))


def currencies_added(db: Database) -> list[str]:
    """The currencies of the workspace's amounts where its imports (not undone) found more
    than one, in one sheet or between sheets (one in euros, one in pounds): its sums of
    money add them as written."""
    named = imports_currencies(db)
    return sorted(named.index) if len(named) > 1 else []


def currencies_sentence(codes: list[str]) -> str:
    """What a sum of money over amounts in these currencies is (empty for none)."""
    return (f"Amounts are in more than one currency ({', '.join(codes)}): sums of money "
            "add them as written, with no exchange rate." if codes else "")


@dataclass(frozen=True)
class Revenue:
    """The business's revenue: its clients' (``derive.client_revenue_sql``, net of refunds)
    and its sales that name no client (a walk-in sale, a payment with no customer), net of
    the refunds that name none either (with no such sale, they are taken off the clients')."""
    clients: float | None              # None: no client has a revenue
    clientless: float | None           # None: no sale nor refund with an amount names no client
    clientless_sales: int
    left_out: bool                     # the filters choose clients: the clientless are not in
    clientless_refunds: int = 0        # the refunds naming no client
    refunded: float = 0.0              # what they gave back
    unpriced_refunds: int = 0          # refunds in the total's scope that say no amount
    orders_missing: tuple[str, ...] = ()   # of those, the orders they name that no sale has
    missing_refunds: int = 0           # how many of them name such an order
    tracker_over_sales: int = 0        # clients whose tracker's revenue is not their sales
    tracker_revenue: float = 0.0       # what their tracker's revenue column says (counted)
    their_sales: float = 0.0           # their sales less refunds (not counted)

    @property
    def total(self) -> float | None:
        """What the business took (None: nothing in the data says)."""
        if self.clients is None and (self.clientless is None or self.left_out):
            return None
        return (self.clients or 0.0) + (0.0 if self.left_out else self.clientless or 0.0)

    def sentence(self, currency: str) -> str:
        """Where the total comes from, with the sales and refunds that name no client
        counted apart, and the refunds that say no amount (nothing is taken off for them:
        a returns list that names only the order), and the clients whose revenue column
        is counted where their sales say otherwise (an accounts list's company revenue
        beside a deals export)."""
        said = [self._source(currency)]
        unpriced = self.unpriced_refunds
        if unpriced:
            said.append(f"{counted(unpriced, 'refund')} "
                        f"{'says' if unpriced == 1 else 'say'} no amount, so nothing is "
                        f"taken off for {'it' if unpriced == 1 else 'them'}: "
                        + self._what_to_do())
        if self.tracker_over_sales:
            many = self.tracker_over_sales != 1
            said.append(f"For {counted(self.tracker_over_sales, 'client')} the revenue "
                        f"column of a client list is counted "
                        f"({money_text(self.tracker_revenue, currency)}), not "
                        f"{'their' if many else 'its'} sales less refunds "
                        f"({money_text(self.their_sales, currency)}).")
        return " ".join(said)

    def _what_to_do(self) -> str:
        """How the refunds that say no amount can take one: those naming an order no sale
        has, by importing that order (a refund naming a whole order takes its amount:
        ``ingest.save._price_whole_order_returns``); the others, by their amounts."""
        unpriced, missing = self.unpriced_refunds, self.missing_refunds
        orders = f"({listed(list(self.orders_missing))})"
        one_order = len(self.orders_missing) == 1
        if missing == unpriced:
            return (f"{'it names an order' if missing == 1 else 'they name orders'} no sale "
                    f"in the workspace has {orders}; import "
                    f"{'that order' if one_order else 'those orders'} and "
                    f"{'it takes the' if missing == 1 else 'each takes its'} order's amount.")
        rest = unpriced - missing
        if not missing:
            return (f"give {'it its amount' if rest == 1 else 'them their amounts'} in your "
                    "sheet and import it again.")
        return (f"{missing:,} of them {'names an order' if missing == 1 else 'name orders'} "
                f"no sale in the workspace has {orders}: import "
                f"{'it' if one_order else 'them'} and {'it takes the' if missing == 1 else 'each takes its'} "
                f"order's amount; give the other {'one its amount' if rest == 1 else f'{rest:,} their amounts'} "
                "in your sheet and import it again.")

    def _source(self, currency: str) -> str:
        if self.clientless is None:
            return "Your clients' revenue: a tracker's, or their sales less refunds."
        sales = counted(self.clientless_sales, "sale")
        refunds = counted(self.clientless_refunds, "refund")
        if self.left_out:
            named, count = ((f"{sales} naming no client ({money_text(self.clientless, currency)})",
                             self.clientless_sales) if self.clientless_sales else
                            (f"{refunds} naming no client ({money_text(self.refunded, currency)})",
                             self.clientless_refunds))
            return (f"Of your clients who match the filters. {named} "
                    f"{'is' if count == 1 else 'are'} left out: the filters choose clients.")
        if self.clientless_sales and self.clientless >= 0:
            return (f"Of which {money_text(self.clientless, currency)} from {sales} naming "
                    "no client (a walk-in sale or a payment with no customer), less their "
                    "refunds.")
        took = (f", more than the {sales} naming no client took "
                f"({money_text(self.clientless + self.refunded, currency)})"
                if self.clientless_sales else "")
        return (f"Your clients' revenue, less {money_text(self.refunded, currency)} given "
                f"back by {refunds} naming no client{took}.")


def revenue(db: Database, filters: Filters = NO_FILTERS) -> Revenue:
    """The business's revenue over the clients ``filters`` select; the sales and refunds
    that name no client count only when nothing is filtered (as the workbook's Events
    sheet keeps the events of no client), and are said apart either way."""
    where, params = filters.where("c")
    clients = db.execute(f"SELECT SUM({client_revenue_sql('c')}) FROM {filters.clients('c')} "
                         f"WHERE {where}", params).fetchone()[0]
    sales, amount, refunds, refunded = db.execute(f"""
    SELECT {of_sales("SUM(e.kind IN {kinds} AND e.amount IS NOT NULL)")},
      {of_sales("SUM(CASE WHEN e.kind IN {kinds} THEN e.amount END)")},
      SUM(e.kind IN {COUNTS['refund_count']} AND e.amount > 0),
      SUM(CASE WHEN e.kind IN {COUNTS['refund_count']} AND e.amount > 0 THEN e.amount END)
    FROM events e WHERE e.client_ref IS NULL""").fetchone()
    clientless = (None if not (sales or refunds)
                  else round((amount or 0.0) - (refunded or 0.0), 2))
    # A refund naming no client is in the total only when nothing is filtered: then the
    # filter is "1"; otherwise its client's columns are NULL and the filter leaves it out.
    unpriced, missing, orders = db.execute(f"""
    SELECT COUNT(*), SUM(missing), json_group_array(DISTINCT order_id) FILTER (WHERE missing)
    FROM (SELECT e.order_id, e.order_id IS NOT NULL AND NOT EXISTS (
                   SELECT 1 FROM events s WHERE s.order_id = e.order_id
                   AND s.kind IN {SALES}) AS missing
          FROM events e LEFT JOIN {filters.clients('c')} ON c.id = e.client_ref
          WHERE e.kind IN {COUNTS['refund_count']} AND e.amount IS NULL AND {where})""",
                                      params).fetchone()
    sales_less_refunds = "MAX(0.0, c.revenue_events - COALESCE(c.refunded_events, 0))"
    over, tracker, their = db.execute(f"""
    SELECT COUNT(*), SUM(c.revenue_current), SUM({sales_less_refunds})
    FROM {filters.clients('c')}
    WHERE {where} AND c.revenue_current IS NOT NULL AND c.revenue_events IS NOT NULL
      AND ABS(c.revenue_current - {sales_less_refunds}) >= 0.005""", params).fetchone()
    return Revenue(clients, clientless, int(sales or 0),
                   left_out=clientless is not None and where != "1",
                   clientless_refunds=int(refunds or 0), refunded=float(refunded or 0.0),
                   unpriced_refunds=int(unpriced or 0),
                   orders_missing=tuple(sorted(json.loads(orders or "[]"))),
                   missing_refunds=int(missing or 0), tracker_over_sales=int(over or 0),
                   tracker_revenue=float(tracker or 0.0), their_sales=float(their or 0.0))
