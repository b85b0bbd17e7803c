"""Everything the signs need from a workspace, read once for the whole span (the period,
the one before and the 12 trend months): events grouped by kind and day along the m005
indexes, clients as one fixed-width string (``CLIENT_DAYS``, an indexed expression) decoded
by numpy. Every window is then a lookup in a running count per day (``SortedDays``)."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from sqlite_utils import Database

from ..derive import PATH_EVENTS
from ..filters import Filters
from ..ingest.profiles import WRITERS_ONLY
from ..kinds import KINDS, OF_AN_ORDER, PURCHASES, SALE_KINDS
from ..stages import RANK
from ..values import joined_ints, stored_day
from .keywords import reason_classifier
from .period import Period, date_bounds, day_numbers, fixed_width_days

CUSTOMER = RANK["purchase"]
CONSIDERING = RANK["consideration"]

COUNTED_KINDS = ("won", "lost", "purchase", "complaint", "internal_complaint", "refund",
                 "cancellation", "objection")
REASON_KINDS = ("lost", "objection")
PURCHASE_KINDS = tuple(kind.name for kind in KINDS if kind.purchase)


def client_days(pad: str) -> str:
    """A client's dates and flags as one fixed-width text: first, last, first purchase and
    consideration dates (10 characters each, ``pad`` says how), the furthest rank, and 1
    when the client left (churned or cancelled)."""
    dates = ("first_date", "last_date", "COALESCE(purchase_at, first_date)",
             "COALESCE(consideration_at, purchase_at, retention_at, advocacy_at, first_date)")
    return " || ".join([pad.format(d) for d in dates]
                       + [f"COALESCE(furthest_rank, {RANK['awareness']})",
                          "COALESCE(outcome IN ('churned', 'cancelled'), 0)"])


# Indexed by the migration m005_signs_indexes, so SQLite keeps it with every client and
# reads it back without working it out again (about 20 ms for 100,000 clients instead of
# 200). A query reads it from the index only when it uses this text exactly.
CLIENT_DAYS = client_days("COALESCE(substr({}, 1, 10), '          ')")
CLIENT_DAYS_WIDTH = 42
# One more digit in a snapshot: 1 a first purchase only (or new by purchasing frequency),
# 2 bought again.
SNAPSHOT_FLAGS = ("(COALESCE(current_stage = 'purchase' OR purchasing_frequency "
                  "IN ('new', 'to onboard'), 0) + 2 * COALESCE(purchase_days >= 2 "
                  "OR purchases >= 2 OR retention_at IS NOT NULL OR stage = 'retention', 0))")

# The date of an event's order: its earliest purchase ("+p.kind" keeps SQLite on the order
# index; on the kind index it would read every purchase once per refund).
ORDER_DATE = ("(SELECT MIN(p.date) FROM events p WHERE p.order_id = e.order_id "
              f"AND +p.kind IN {PURCHASES})")


def client_scope(filters: Filters) -> tuple[str, list, bool]:
    """``(where on clients c, params, restricted)`` for persona, type, region, channel."""
    where, params = dataclasses.replace(filters, date_from=None, date_to=None).where("c")
    return where, params, where != "1"


def event_scope(filters: Filters) -> tuple[str, list]:
    """``(where on events e, params)`` keeping the filtered clients' events; ``"1"`` (every
    event, those of no client too) when no client filter is set. The ``+`` keeps SQLite on
    the (kind, date) indexes, reading the span once, rather than going client by client."""
    where, params, restricted = client_scope(filters)
    if not restricted:
        return "1", []
    return f"+e.client_ref IN (SELECT c.id FROM clients c WHERE {where})", params


def _cumulative(days: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Days sorted (missing last) and the running total of their counts, for windows."""
    order = np.argsort(days, kind="stable")
    return days[order], np.concatenate([[0], np.cumsum(counts[order])])


class SortedDays:
    """Day numbers (missing ones dropped), counted in any window without sorting them: a
    running count per day, when the days span a range not much wider than their number
    (a few years of dates: the usual case), else the days sorted once and bisected. Both
    count the same; the running count spares a sort per client date (a million clients:
    about 3 ms instead of 40 each)."""

    def __init__(self, days: np.ndarray):
        known = days[~np.isnan(days)]
        self.total = len(known)
        self.low, self.running, self.days = 0, None, None
        if self.total:
            low, high = float(known.min()), float(known.max())
            if high - low <= max(4 * self.total, 4096):
                self.low = int(low)
                self.running = np.concatenate(
                    [[0], np.cumsum(np.bincount((known - low).astype(np.int64)))])
                return
        self.days = np.sort(known)

    def below(self, day: float) -> int:
        """How many are before ``day``."""
        if self.running is None:
            return int(np.searchsorted(self.days, day, side="left"))
        at = min(max(math.ceil(day - self.low), 0), len(self.running) - 1)
        return int(self.running[at])

    def upto(self, day: float) -> int:
        """How many are on ``day`` or before it."""
        if self.running is None:
            return int(np.searchsorted(self.days, day, side="right"))
        at = min(max(math.floor(day - self.low) + 1, 0), len(self.running) - 1)
        return int(self.running[at])

    def count(self, window) -> int:
        """How many fall in the window (all of them when ``None``)."""
        if window is None:
            return self.total
        return self.upto(window[1]) - self.below(window[0])


class Source:
    """Everything the signs need, read once: daily event counts per kind, daily reason
    counts, each filtered client's dates and flags, and purchase days per client.

    The event queries group by kind and date, the order of the (kind, date, ...) indexes,
    so SQLite streams them without sorting; Python only sees one row per day.
    """

    def __init__(self, db: Database, filters: Filters, period: Period,
                 span: tuple[str, str] | None, keywords: dict[str, list[str]],
                 purchase_span: tuple[str, str] | None):
        self.db, self.filters, self.snapshot = db, filters, period.snapshot
        self._columns: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.refunds_are_amounts = False
        self._lost: np.ndarray | None = None
        self._known_beyond: dict[tuple[str, ...], bool] = {}
        scope, params = event_scope(filters)
        dates, date_params = date_bounds(span)
        self.has_kind = {k: db.execute("SELECT 1 FROM events WHERE kind = ? LIMIT 1",
                                       [k]).fetchone() is not None for k in COUNTED_KINDS}
        # With a span, purchases and won deals are counted as their days are read for
        # repeat business (``_load_purchases``), over a span at least as long.
        kinds = [k for k in COUNTED_KINDS if span is None or k not in PURCHASE_KINDS]
        marks = ", ".join("?" * len(kinds))
        rows = db.execute(
            f"SELECT e.kind, substr(e.date, 1, 10), COUNT(*) FROM events e "
            f"WHERE e.kind IN ({marks}) AND {dates} AND {scope} GROUP BY e.kind, e.date",
            [*kinds, *date_params, *params]).fetchall()
        self.undated: dict[str, int] = {}
        if span is not None:
            rows += self._dated_by_order(scope, params, span)
            rows += self._load_purchases(purchase_span)
        self.kind_days = {}
        for kind in COUNTED_KINDS:
            picked = [(day, n) for k, day, n in rows if k == kind]
            self.kind_days[kind] = _cumulative(day_numbers([d for d, _ in picked]),
                                               np.array([n for _, n in picked], dtype=np.int64))
        marks = ", ".join("?" * len(REASON_KINDS))
        rows = [r for r in db.execute(
            f"SELECT substr(e.date, 1, 10), e.reason, COUNT(*), e.kind FROM events e "
            f"WHERE e.kind IN ({marks}) AND e.reason IS NOT NULL AND {dates} AND {scope} "
            f"GROUP BY e.kind, e.date, e.reason", [*REASON_KINDS, *date_params, *params])
            .fetchall() if str(r[1]).strip()]
        classify = reason_classifier(keywords)
        says = {reason: classify(reason) is not None for reason in {r[1] for r in rows}}
        days = day_numbers([r[0] for r in rows])
        order = np.argsort(days, kind="stable")
        self.reason_days = days[order]
        self.reason_matched = np.array([says[r[1]] for r in rows], dtype=bool)[order]
        self.reason_counts = np.array([r[2] for r in rows], dtype=np.int64)[order]
        self.reason_rows = [rows[i] for i in order]
        self._load_clients()
        self._sort_clients()

    def _dated_by_order(self, scope: str, params: list,
                        span: tuple[str, str]) -> list[tuple[str, str, int]]:
        """Undated events: refunds and cancellations take the date of their order's
        purchase (a returns list often has only order numbers); the rest are counted in
        ``self.undated`` and left out of every period."""
        marks = ", ".join("?" * len(COUNTED_KINDS))
        rows = self.db.execute(
            f"SELECT e.kind, CASE WHEN e.kind IN {OF_AN_ORDER} THEN "
            f"substr({ORDER_DATE}, 1, 10) END AS order_date, COUNT(*) FROM events e "
            f"WHERE e.kind IN ({marks}) AND e.date IS NULL AND {scope} GROUP BY 1, 2",
            [*COUNTED_KINDS, *params]).fetchall()
        dated = []
        for kind, day, n in rows:
            if stored_day(day) is None:
                self.undated[kind] = self.undated.get(kind, 0) + n
            elif span[0] <= day <= span[1]:
                dated.append((kind, day, n))
        return dated

    def _load_clients(self) -> None:
        """Each filtered client's dates (as day numbers) and flags, read as one fixed-width
        string (``CLIENT_DAYS`` per client) decoded by numpy: a hundred thousand clients
        cost no Python object each. The condition on ``CLIENT_DAYS`` makes SQLite read the
        text from its index, and the filter then probes the filtered clients' ids."""
        where, params, restricted = client_scope(self.filters)
        chosen = f"+c.id IN (SELECT c.id FROM clients c WHERE {where})" if restricted else "1"
        width = CLIENT_DAYS_WIDTH + self.snapshot
        for days in (CLIENT_DAYS, client_days("printf('%-!10.10s', COALESCE({}, ''))")):
            row = days if not self.snapshot else f"{days} || {SNAPSHOT_FLAGS}"
            from_index = f"{days} >= ' ' AND " if days == CLIENT_DAYS else ""
            # As bytes (no text object to encode again), with the clients' ids in the
            # same order (for first_purchase_days).
            found, ids = self.db.execute(
                f"SELECT CAST(group_concat({row}, '') AS BLOB), group_concat(c.id) "
                f"FROM clients c WHERE {from_index}{chosen}", params).fetchone()
            found = found or b""
            if not found.isascii():            # each character one byte, as before
                found = found.decode("utf-8", "replace").encode("ascii", "replace")
            raw = np.frombuffer(found, dtype=np.uint8)
            if len(raw) % width == 0:
                table = raw.reshape(-1, width)
                dashes = table[:, [4, 7, 14, 17, 24, 27, 34, 37]]
                if np.all((dashes == 45) | (dashes == 32)):
                    break      # lined up; a date not in ISO form would shift the columns
        self.client_ids = joined_ints(ids)
        rank, left = table[:, 40].astype(np.int64) - 48, table[:, 41].astype(np.int64) - 48
        if self.snapshot:
            extra = table[:, 42].astype(np.int64) - 48
            new, retained = (extra & 1).astype(float), (extra >> 1 & 1).astype(float)
        else:                                    # only a snapshot reads them
            new, retained = np.zeros(len(rank)), np.zeros(len(rank))
        first, last, bought, considered = fixed_width_days(
            table[:, :40].reshape(-1, 10)).reshape(-1, 4).T
        bought[rank < CUSTOMER] = np.nan
        considered[rank < CONSIDERING] = np.nan
        self.clients = {"first": first, "last": last, "bought": bought,
                        "considered": considered, "rank": rank.astype(float),
                        "left": left.astype(float), "new": new, "retained": retained}
        exists = "EXISTS(SELECT 1 FROM clients c WHERE {} AND {})"
        row = self.db.execute("SELECT " + ", ".join(exists.format(where, test) for test in (
            f"c.furthest_rank < {CONSIDERING}", f"c.furthest_rank >= {CONSIDERING}",
            f"c.furthest_rank >= {CUSTOMER}", f"c.furthest_rank >= {CUSTOMER} AND "
            f"(c.status IS NOT NULL OR c.outcome IS NOT NULL)")), params * 4).fetchone()
        # The conversion needs stages that tell leads from clients who considered buying:
        # some stated (a stage column's, an event's), not only what orders prove (an order
        # list's cancelled order leaves a client at awareness, but no lead was listed).
        # (Events first, on their path index: where stages are stated, one is found at
        # once; a workspace without any reads both tables through.)
        leads = "stage IN ('pre-awareness', 'awareness', 'consideration')"
        self.has_leads = bool(row[0] and row[1]) and any(self.db.execute(
            f"SELECT EXISTS(SELECT 1 FROM {table} WHERE {where})").fetchone()[0]
            for table, where in (("events e", f"{PATH_EVENTS} AND e.{leads}"),
                                 ("clients", leads)))
        self.has_customers, self.has_status = bool(row[2]), bool(row[3])
        # Evidence of repeat business anywhere in the workspace (whatever the filters): a
        # client who bought on two days, a purchases count of 2 or more, or (in a snapshot,
        # where no window is measured) a retention stage or status. Without any, a repeat
        # rate of 0% would be read from absent evidence.
        stated = " OR retention_at IS NOT NULL" if self.snapshot else ""
        self.has_repeat = self.db.execute(
            f"SELECT EXISTS(SELECT 1 FROM clients WHERE purchase_days >= 2 OR purchases >= 2"
            f"{stated})").fetchone()[0] == 1

    def _sort_clients(self) -> None:
        """The client dates each window counts, sorted: a window is then two bisections."""
        c = self.clients
        dated = ~np.isnan(c["first"]) & ~np.isnan(c["last"])
        gone = (c["left"] == 1) & ~np.isnan(c["bought"])
        self.sorted = {
            "first": SortedDays(c["first"]),
            "converted": SortedDays(c["first"][c["rank"] >= CONSIDERING]),
            "considered": SortedDays(c["considered"]), "bought": SortedDays(c["bought"]),
            "active_first": SortedDays(c["first"][dated]),
            "active_last": SortedDays(c["last"][dated]),
            "left_last": SortedDays(c["last"][gone])}
        self.left_bought, self.left_last = c["bought"][gone], c["last"][gone]

    def clients_in(self, name: str, window) -> int:
        """Clients whose date ``name`` falls in the window; with ``None`` (a snapshot,
        where dates may be missing) every client the date belongs to, dated or not."""
        if window is None:
            lowest = {"first": 0, "converted": CONSIDERING, "considered": CONSIDERING,
                      "bought": CUSTOMER}[name]
            return int((self.clients["rank"] >= lowest).sum())
        return self.sorted[name].count(window)

    def active(self, window) -> int:
        """Clients active in the window: first seen by its end, last seen from its start
        (every client in a snapshot)."""
        if window is None:
            return len(self.clients["rank"])
        return self.sorted["active_first"].upto(window[1]) - self.sorted["active_last"].below(
            window[0])

    def lost_clients(self) -> np.ndarray:
        """The last days of the filtered clients marked lost (for a win rate without lost
        deals)."""
        if self._lost is None:
            where, params, _ = client_scope(self.filters)
            self._lost = day_numbers([r[0] for r in self.db.execute(
                f"SELECT substr(c.last_date, 1, 10) FROM clients c WHERE {where} "
                f"AND c.outcome = 'lost'", params).fetchall()])
        return self._lost

    def _load_purchases(self, span: tuple[str, str]) -> list[tuple[str, str, int]]:
        """Distinct (client, day) of each client's sales in the span (its purchases, or
        its won deals where it has more of those), ordered by day, into ``purchase_days`` and
        ``purchase_clients``; returns the daily counts of purchases and won deals.

        One row per kind and day, its clients joined by ``group_concat`` and split by numpy:
        Python never sees a row per purchase."""
        self.purchase_days = self.purchase_clients = np.array([], dtype=np.int64)
        scope, params = event_scope(self.filters)
        dates, date_params = date_bounds(span)
        rows = self.db.execute(
            f"SELECT e.kind, substr(e.date, 1, 10), COUNT(*), group_concat(e.client_ref) "
            f"FROM events e WHERE e.kind IN {PURCHASES} AND {dates} AND {scope} "
            f"GROUP BY e.kind, e.date", [*date_params, *params]).fetchall()
        bought = [(day, refs, kind in SALE_KINDS) for kind, day, _, refs in rows if refs]
        if bought:
            clients = joined_ints(",".join(refs for _, refs, _ in bought))
            counts = [refs.count(",") + 1 for _, refs, _ in bought]
            days = np.repeat(day_numbers([day for day, _, _ in bought]).astype(np.int64), counts)
            # A client's sales: its purchases, or its won deals where the span holds more
            # of those (journey.derive.BY_PURCHASES): a deal and the invoice that bills it
            # are one sale, not a repeat.
            sale = np.repeat(np.array([s for _, _, s in bought], dtype=bool), counts)
            if not sale.all():
                size = int(clients.max()) + 1
                by_deals = (np.bincount(clients[~sale], minlength=size)
                            > np.bincount(clients[sale], minlength=size))
                kept = sale != by_deals[clients]
                days, clients = days[kept], clients[kept]
            # By day, then client: the index hands each kind's purchases over in that
            # order already, so the stable sort (a merge of sorted runs) is nearly free.
            keys = np.sort(days * (1 << 32) + clients, kind="stable")
            keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]  # each pair once
            self.purchase_days, self.purchase_clients = keys >> 32, keys & ((1 << 32) - 1)
        self._first_purchase: np.ndarray | None = None
        return [(kind, day, n) for kind, day, n, _ in rows]

    def first_purchase_days(self) -> np.ndarray:
        """Each bought client's first purchase day, indexed by client id (NaN for the rest):
        the client's stored first purchase date, or its earliest purchase read, if earlier.

        The stored date is the one ``_load_clients`` read (``bought``: the purchase date of
        a client who reached the purchase stage). Only clients with a purchase read are
        looked up, and each of them has its purchase date stored (journey.derive keeps
        ``purchase_at`` with every write), so this is the ``purchase_at`` of every client
        that counts, without reading the clients again."""
        if getattr(self, "_first_purchase", None) is None:
            ids = self.client_ids
            read_max = int(self.purchase_clients.max()) if len(self.purchase_clients) else 0
            top = max(int(ids.max()) if len(ids) else 0, read_max)
            first = np.full(top + 1, np.nan)
            first[ids] = self.clients["bought"]
            if len(self.purchase_clients):
                read = np.full(top + 1, np.inf)
                np.minimum.at(read, self.purchase_clients, self.purchase_days.astype(float))
                first = np.where(np.isnan(first) | (read < first), read, first)
                first[np.isinf(first)] = np.nan
            self._first_purchase = first
        return self._first_purchase

    # --- windows -------------------------------------------------------------------

    def top_reasons(self, kind: str, window) -> list[tuple[str, int]]:
        """Reasons of lost deals or objections in a window, most common first."""
        low, high = 0, len(self.reason_days)
        if window is not None:
            low = np.searchsorted(self.reason_days, window[0], side="left")
            high = np.searchsorted(self.reason_days, window[1], side="right")
        totals: dict[str, int] = {}
        for _, reason, n, row_kind in self.reason_rows[low:high]:
            if row_kind == kind:
                totals[reason] = totals.get(reason, 0) + n
        return sorted(totals.items(), key=lambda item: -item[1])

    def matched_reasons(self, window) -> tuple[int, int]:
        """Reasons of lost deals and objections in a window: ``(how many match a keyword
        class, how many there are)``."""
        days, matched, counts = self.reason_days, self.reason_matched, self.reason_counts
        if window is not None:
            low = np.searchsorted(days, window[0], side="left")
            high = np.searchsorted(days, window[1], side="right")
            matched, counts = matched[low:high], counts[low:high]
        return int(counts[matched].sum()), int(counts.sum())

    def events(self, kind: str, window) -> int:
        """Events of a kind in a window of day numbers (``None``: all, in a snapshot)."""
        days, cumulative = self.kind_days[kind]
        if window is None:
            return int(cumulative[-1])
        low = np.searchsorted(days, window[0], side="left")
        high = np.searchsorted(days, window[1], side="right")
        return int(cumulative[high] - cumulative[low])

    def column(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """A client count column (clients with a value only): their last days and values.
        A refunds column holding amounts counts each client with a refund once."""
        if name not in self._columns:
            where, params, _ = client_scope(self.filters)
            rows = self.db.execute(f"SELECT substr(c.last_date, 1, 10), c.[{name}] FROM clients c "
                                   f"WHERE {where} AND c.[{name}] IS NOT NULL", params).fetchall()
            values = np.array([r[1] for r in rows], dtype=float)
            if name == "refunds":
                self.refunds_are_amounts = bool(np.any(values != np.round(values)))
                if self.refunds_are_amounts:
                    values = (values > 0).astype(float)
            self._columns[name] = (day_numbers([r[0] for r in rows]), values)
        return self._columns[name]

    def column_sum(self, name: str, window) -> tuple[float, int]:
        """A client count column summed over clients whose last date is in the window, and
        how many clients carry a value."""
        days, values = self.column(name)
        mask = np.ones(len(values), dtype=bool) if window is None else (
            (days >= window[0]) & (days <= window[1]))
        return float(values[mask].sum()), int(mask.sum())

    def knows_clients_beyond(self, kinds: tuple[str, ...]) -> bool:
        """Whether the workspace knows its clients from more than events of these kinds: a
        client list, or events of any other kind (a complaints log alone knows only the
        clients who complained), but for a help desk's contacts (its questions: only the
        people who wrote in). Asked once per source, whatever the windows measured."""
        if kinds not in self._known_beyond:
            marks = ", ".join("?" * len(kinds))
            writers = ", ".join("?" * len(WRITERS_ONLY))
            self._known_beyond[kinds] = self.db.execute(
                "SELECT EXISTS (SELECT 1 FROM imports WHERE kind = 'clients' AND undone_at "
                f"IS NULL) OR EXISTS (SELECT 1 FROM events WHERE kind NOT IN ({marks}, "
                "'contact')) OR EXISTS (SELECT 1 FROM events WHERE kind = 'contact' AND "
                "COALESCE(import_id, 0) NOT IN (SELECT id FROM imports WHERE recognised_as "
                f"IN ({writers})))", [*kinds, *WRITERS_ONLY]).fetchone()[0] == 1
        return self._known_beyond[kinds]

    def has_column(self, name: str) -> bool:
        return bool(len(self.column(name)[1]))

    def events_or_column(self, kind: str, column: str | None,
                         window) -> tuple[float | None, str, int]:
        """Events of a kind, or the client column when the workspace has none of that kind:
        ``(number or None, where it came from, evidence rows)``."""
        if self.has_kind[kind]:
            n = self.events(kind, window)
            return n, "events", n
        if column and self.has_column(column):
            total, clients = self.column_sum(column, window)
            return total, "column", clients
        return None, "", 0

    def purchases(self, window) -> tuple[float | None, str]:
        """Purchases in a window and what counted them: purchase events, else won deals,
        else the purchases column, else clients who bought."""
        if self.has_kind["purchase"]:
            return self.events("purchase", window), "purchase events"
        if self.has_kind["won"]:
            return self.events("won", window), "won deals"
        if self.has_column("purchases"):
            return self.column_sum("purchases", window)[0], "the purchases column"
        return float(self.clients_in("bought", window)), "clients who bought"
