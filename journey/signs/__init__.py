"""Signs of misalignment: eight health checks of how well the sales process fits the journey.

What belongs in this package: the signs and everything needed to measure and judge them
from a workspace. It imports downward only (workspace, kinds, stages, fields, values,
filters, errors, charts' palette); only the pages, the figures (journey.figures draws a
sign's trend), the export, the command line and the demo import it, through the names
below. Inside, modules import in this order, each from those after it: engine, settings,
catalogue, base, evidence, source, then period and keywords.

- ``catalogue``: one class per sign (its definition, measure, working, judging where it
  differs, next-step reasons and evidence), registered in the ``SIGNS`` tuple;
- ``base``: the ``Sign`` base class with the defaults, ``Measure``, judging words and numbers;
- ``engine``: ``compute_signs`` (every sign over the period, the one before and 12 trend
  months), the alignment score, ``sign_evidence`` and ``first_sign_evidence``, the JSON
  records;
- ``source``: the workspace read once (``Source``) and ``CLIENT_DAYS``;
- ``period``: the period, the one before, the trend months, day numbers;
- ``settings`` and ``keywords``: thresholds, self-assessments and keyword classes;
- ``evidence``: the evidence queries the signs share.

Each sign is a metric for the selected period and for the previous period of the same
length, judged green, amber or red against thresholds the workspace can change, or
"unknown" when nothing in the workspace measures it (then a facilitator's self-assessment,
1 to 5 with a note, may stand in: it is always shown as assessed, never as measured).

Decisions, written down here because DESIGN.md is silent on them:

- The period is the sidebar's date range, compared with the same number of days before it.
  With none, it is the last 12 months up to the latest date in the workspace, compared
  with the 12 months before. A workspace with no dates at all is measured over all its
  data, with nothing to compare (a snapshot) and no trend.
- The sidebar's persona, client type, region and channel restrict the clients, and the
  events counted are those clients' events. With none of them chosen, events that belong to
  no client (an anonymous complaints log, deals without an account) count too.
- Client-level counts (the ``complaints``, ``objections``, ``refunds`` and ``purchases``
  columns of a client tracker) are used when the workspace has no events of that kind at
  all, never added to events (the demo's tracker repeats its event counts). A client's
  counts belong to the period holding the client's last date. A ``refunds`` column holding
  amounts rather than whole numbers counts each client with a refund once.
- Events count on their day; a period includes both of its end days. A refund or
  cancellation without a date takes the date of its order's purchase.
- Refunds and cancellations are set against purchases (orders, invoices, payments) where
  the workspace has any, else against won deals, so a deal and the invoice that bills it
  are not counted twice; the working names the deals won it leaves out, and a period with
  deals won but no purchase has no figure and says so. Repeat business counts each client's
  sales (its purchases, or its won deals where it has more), and lists them as evidence.
- A customer is a client who reached the purchase stage, from its first purchase (or its
  first date when no purchase is dated). It has left when its status says churned or
  cancelled, on its last date. Retention's "new" customers are those at the end who first
  bought in the period, so (end − new) ÷ start is the share of the starting customers
  still there.
- Without reasons that say so, "uneducated leads" falls back on the awareness →
  consideration conversion, but only where clients' stages tell leads from clients who
  considered buying (a list of customers only has no leads to follow).
- Trends are 12 monthly points; for complaints, retention and repeat business each point
  covers a window as long as the period up to that month's end, so it compares with the
  period's figure and its thresholds.
- A sign is measured only from evidence of its kind: with none in the data (no repeat
  purchase anywhere, say) it is "unknown", with a sentence saying what to import, never a
  0% judged red. A repeat rate leaves out buyers too new to have had the chance to come
  back (their first purchase less than 90 days, or half the period, before its end).
- The alignment score leaves unknown signs out, says how many signs it rests on, and is
  not given under ``MIN_MEASURED`` measured signs. A change is coloured by which way the
  figure shown is better (``SignResult.value_better``: a conversion shown for uneducated
  leads is better higher, though the sign's share of reasons is better lower).
- Signs of the same status are ordered by how far they have gone towards red
  (``severity``), so the first red sign is the one to fix first.
- Thresholds, keyword classes and self-assessments are workspace settings
  (``THRESHOLDS_SETTING``, ``KEYWORDS_SETTING``, ``ASSESSMENTS_SETTING``).

Speed: each source is read once for the whole span (period, previous period and the 12
trend months): events grouped by kind and day along the m005 indexes, clients as one
fixed-width string (``CLIENT_DAYS``, an indexed expression, with the clients' ids beside
it) decoded by numpy. Every window is then a lookup in a running count per day (or a pair
of binary searches). The period's top reasons and departments are counted per day along
their indexes (m005, m010) before they are summed per value, so no event is sorted.
bench/signs_bench.py measures all eight signs with trends at 100,000 clients and
1,000,000 events, and at 1,000,000 clients and 10,000,000 events.

A sign's evidence on the page is each table's count and first rows (``first_sign_evidence``):
the events along their (kind, date) index, the clients' figures grouped per client along it
and only the first clients read whole (under half a second of CPU per sign at a million
clients, against several seconds for ``sign_evidence``'s whole tables, which the downloads
build when clicked); bench/evidence_bench.py measures both and checks they agree.
"""

from .base import STATUSES, Measure, Sign, change_pct, format_value
from .catalogue import SIGN_KEYS, SIGNS, sign_by_key
from .engine import (
    MIN_MEASURED, POINTS, AlignmentScore, SignResult, SignsReport, alignment_score, compute_signs,
    first_sign_evidence, sign_evidence, signs_records)
from .evidence import EvidenceTable
from .keywords import (
    DEFAULT_KEYWORD_CLASSES, KEYWORDS_SETTING, get_keyword_classes, reason_classifier,
    set_keyword_classes)
from .period import Period, latest_date, resolve_period
from .settings import (
    ASSESSMENTS_SETTING, THRESHOLD_LABELS, THRESHOLDS_SETTING, check_thresholds,
    clear_self_assessment, get_self_assessments, get_thresholds, reset_thresholds,
    save_self_assessment, set_thresholds, thresholds_table)
from .source import CLIENT_DAYS

__all__ = [
    "ASSESSMENTS_SETTING", "CLIENT_DAYS", "DEFAULT_KEYWORD_CLASSES", "KEYWORDS_SETTING",
    "MIN_MEASURED", "POINTS", "SIGNS", "SIGN_KEYS", "STATUSES", "THRESHOLDS_SETTING",
    "THRESHOLD_LABELS", "AlignmentScore", "EvidenceTable", "Measure", "Period", "Sign",
    "SignResult", "SignsReport", "alignment_score", "change_pct", "check_thresholds",
    "clear_self_assessment", "compute_signs", "first_sign_evidence", "format_value",
    "get_keyword_classes", "get_self_assessments", "get_thresholds", "latest_date",
    "reason_classifier", "reset_thresholds", "resolve_period", "save_self_assessment",
    "set_keyword_classes", "set_thresholds", "sign_by_key", "sign_evidence",
    "signs_records", "thresholds_table"]
