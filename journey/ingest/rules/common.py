"""Small helpers the reading rules share: rejecting rows, telling orders apart, the first
unmapped column of a kind, counting clients, ticks and dates, money given back, descriptions.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ... import values
from ...fields import REFUNDED_AMOUNT as REFUNDED_AMOUNT
from ...fields import normalise_header
from ...journal import Problem
from ...stages import RANK
from ...text import name_key
from ..read import RawSheet
from ..understand import column_label


def reject_rows(marked: pd.Series, out: pd.DataFrame, raw: RawSheet, frame: pd.DataFrame,
                 header: str, reason: str, problems: list) -> None:
    """A problem at ``header``'s cell, for ``reason``, of each row ``marked``."""
    for index in marked[marked].index:
        problems.append(Problem(int(out.at[index, "_row"]), column_label(raw, header),
                                frame.at[index, header], reason))


def order_keys(rows: pd.DataFrame, *, by_kind: bool) -> pd.Series:
    """Each row's order as one text: its order ID, client and day (and its kind, with
    ``by_kind``: a refunded order's purchase and refund are two events of one order);
    None for a row without an order ID."""
    if "order_id" not in rows:
        return pd.Series(None, index=rows.index, dtype=object)
    columns = ("order_id", "kind", "client_id", "name") if by_kind else (
        "order_id", "client_id", "name")
    parts = [rows[c] for c in columns if c in rows]
    if "date" in rows:
        parts.append(rows["date"].astype(object).where(rows["date"].notna(), "")
                     .astype(str).str[:10])
    key = pd.Series("", index=rows.index, dtype=object)
    for part in parts:
        key = key + "\x1f" + part.astype(object).where(part.notna(), "").astype(str)
    return key.where(rows["order_id"].notna())


def count_orders(keys: pd.Series) -> int:
    """How many orders rows with these ``order_keys`` are: one per key, and one per row
    without an order ID."""
    return int(keys.nunique() + keys.isna().sum())


def unmapped(mapping: dict[str, str | None], pattern: re.Pattern) -> str | None:
    """The first column kept as an extra whose header (compared as headers are) matches
    ``pattern`` from its start: a column no field holds that says something of the rows."""
    return next((h for h, target in mapping.items()
                 if not target and pattern.match(normalise_header(h))), None)


def amounts_given_back(frame: pd.DataFrame) -> pd.Series:
    """What each row's column of money gone back (``REFUNDED_AMOUNT``) says went back: 0
    where it says nothing, or where there is no such column."""
    header = next((h for h in frame.columns if REFUNDED_AMOUNT.match(normalise_header(h))),
                  None)
    if header is None:
        return pd.Series(0.0, index=frame.index)
    return values.parse_money(frame[header])[0].fillna(0)


# A column describing what each row was for ("Item", "Product"; a "Description" is the
# note).
DESCRIBED = re.compile(r"^(?:item|items|product|service|particulars|lineitem|"
                        r"itemdescription|itemname|productname|what)$")


def stage_ranks(stages: pd.Series) -> pd.Series:
    """Each row's stage rank so far (RANK), -1 where it has none."""
    return stages.map(lambda stage: RANK.get(stage, -1))


def before(out: pd.DataFrame, stage: str) -> pd.Series:
    """Rows of ``out`` whose stage so far comes before ``stage``, or that have none."""
    return stage_ranks(out["stage"]).lt(RANK[stage])


def lift(out: pd.DataFrame, these: pd.Series, stage: str) -> pd.Series:
    """Move ``these`` rows up to ``stage`` where their stage so far comes before it
    (``out`` is changed in place); returns the rows moved."""
    lifted = these & before(out, stage)
    out.loc[lifted, "stage"] = stage
    return lifted


def clients_counted(out: pd.DataFrame, these: pd.Series) -> int:
    """How many clients ``these`` rows of a client list are: one per client ID or name (a
    client listed twice, or written two ways and joined by ``one_person_by_contact``, is
    one), and one per row with neither."""
    keys = (out["client_id"] if "client_id" in out else pd.Series(None, index=out.index))
    if "name" in out:
        keys = keys.where(keys.notna(), out["name"])
    keys = keys[these].map(name_key, na_action="ignore")
    return int(keys.nunique() + keys.isna().sum())


# Tick marks: beside one, an "x" is the cross (not ticked).
TICK_MARKS = frozenset("✓✔☑✅")


def ticks(column: pd.Series) -> pd.Series | None:
    """A yes/no column's ticks (True where ticked: Yes, TRUE, ✓, 1; or x in a column of x
    or blank; or a date, when the step was taken, in a column of dates or blank), or None if
    the column is not one of ticks (other words, no tick at all). Beside a tick mark, "x"
    is the cross."""
    cells = column.dropna()
    cells = cells[cells.astype(str).str.strip() != ""]
    if not len(cells):
        return None
    if values.per_distinct(cells, normalise_header).eq("x").all():
        ticked = values.per_distinct(column, normalise_header).eq("x")
    elif dated(cells):
        ticked = column.index.isin(cells.index)
        ticked = pd.Series(ticked, index=column.index)
    else:
        if values.per_distinct(cells, lambda cell: str(cell).strip() in TICK_MARKS).any():
            column = column.where(values.per_distinct(column, normalise_header).ne("x"), False)
        flags, bad = values.parse_bool(column)
        if bad.any():
            return None
        ticked = flags.eq(True)
    return ticked if ticked.any() else None


def dated(cells: pd.Series, digits: bool = True) -> bool:
    """Whether filled cells are all dates written as dates (date cells or text such as
    "2024-03-01", "4/3/24"; not numbers, which may be counts or serials of anything). With
    ``digits`` False, not text of digits alone either (``_DIGITS``: a CSV's "450" under
    "Balance paid", the balance paid, is Excel's day 450, 1901-03-25), but for a compact
    day ("20250614")."""
    if cells.map(lambda cell: isinstance(cell, (int, float, np.number)) or (
            not digits and isinstance(cell, str) and _DIGITS.match(cell) is not None)).any():
        return False
    found, bad, _ = values.parse_dates(cells)
    return not bad.any() and found.notna().all()


# Text of digits alone, with a fraction or not, but for eight digits (a compact day).
_DIGITS = re.compile(r"^\s*(?!\d{8}\s*$)\d+(?:[.,]\d+)?\s*$")
