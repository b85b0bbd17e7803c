"""What a column's values are, measured on a sample of its filled cells.

Headers say what a column is meant to hold; values say what it holds. ``measure`` reads up
to ``SAMPLE`` filled cells of a column and gives the share that are e-mail addresses,
dates, numbers, whole numbers from 0 to 10, yes/no answers, ID-like codes and a system's
IDs (``cus_A1b2C3``). ``journey.ingest.understand.refine_mapping`` combines these with the header
guesses to choose the client key, the date and the e-mail column of a sheet that no export
profile recognises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .. import values

SAMPLE = 1000          # filled cells read per column: enough to judge, cheap at 500k rows
MOSTLY = 0.8           # a share of the filled cells that says what a column holds

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
# A code: letters, digits and joiners, with a digit somewhere (C-0042, 8f3a9c..., 10045).
_CODE = re.compile(r"^(?=.*\d)[\w\-./:#]{2,64}$")
# A system's ID: a short word and "_" before the rest, no spaces (Stripe's cus_A1b2C3,
# in_1Oa, sub_A); a column's IDs share the word (_system_ids).
_PREFIXED = re.compile(r"^([a-z]{1,8}_)[\w\-]+$")


@dataclass(frozen=True)
class ColumnValues:
    """The evidence of one column's values (shares are of its sampled filled cells)."""
    filled: int           # filled cells in the whole column
    emails: float
    dates: float          # dates that are not plain numbers (a year or an amount is not one)
    numbers: float
    scores: float         # whole numbers from 0 to 10
    yes_no: float
    codes: float          # ID-like codes (no spaces, a digit somewhere)
    system_ids: float = 0.0     # a system's IDs: codes of 4 characters or more, or one prefix

    @property
    def is_email(self) -> bool:
        return self.filled > 0 and self.emails >= MOSTLY

    @property
    def is_date(self) -> bool:
        return self.filled > 0 and self.dates >= MOSTLY

    @property
    def is_code(self) -> bool:
        return self.filled > 0 and self.codes >= MOSTLY and self.emails < MOSTLY

    @property
    def is_system_id(self) -> bool:
        """A system's IDs rather than names (cus_A1b2C3, CUST0001, 10045; cus_A and cus_B:
        one prefix), not an owner's short labels (C1, C2)."""
        return self.filled > 1 and self.system_ids >= MOSTLY and self.emails < MOSTLY


EMPTY = ColumnValues(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)


def measure(column: pd.Series) -> ColumnValues:
    """The evidence of a column's values, from a sample of its filled cells."""
    filled = column.dropna()
    if not len(filled):
        return EMPTY
    sample = filled.iloc[:SAMPLE]
    texts = sample.astype(str).str.strip().str.casefold()
    n = len(sample)

    def share(mask) -> float:
        return float(pd.Series(mask).sum()) / n

    numbers, bad_number = values.parse_number(sample)
    is_number = ~bad_number
    _, bad_date, _ = values.parse_dates(sample, day_first=None)
    whole = numbers.where(is_number)
    scores = is_number & (whole % 1 == 0) & whole.between(0, 10)
    _, bad_bool = values.parse_bool(sample)
    return ColumnValues(
        filled=len(filled),
        emails=share(texts.str.match(_EMAIL) | texts.str.match(values.NAMED_ADDRESS)),
        dates=share(~bad_date & ~is_number),
        numbers=share(is_number),
        scores=share(scores),
        yes_no=share(~bad_bool),
        codes=share(code_cells(texts)),
        system_ids=share(_system_ids(texts)))


def code_cells(texts: pd.Series) -> pd.Series:
    """Which cells (text, stripped) are ID-like codes: no spaces, a digit somewhere (C-0042,
    #1041, 10045); 'Website v2' and 'SEO 2025' are words, not codes."""
    return texts.str.match(_CODE)


def _system_ids(texts: pd.Series) -> pd.Series:
    """Which cells are a system's IDs: codes of 4 characters or more, or cells with the
    column's most common prefix (``_PREFIXED``: "cus_" of cus_A and cus_B)."""
    prefixes = texts.str.extract(_PREFIXED, expand=False)
    common = prefixes.eq(prefixes.mode().iloc[0]) if prefixes.notna().any() else False
    return (code_cells(texts) & texts.str.len().ge(4)) | common


def sample_values(column: pd.Series, limit: int = 200) -> list[str]:
    """Up to ``limit`` distinct filled values of a column as text, for matching against IDs
    already in the workspace."""
    texts = column.dropna().astype(str).str.strip()
    return list(dict.fromkeys(texts[texts != ""].tolist()))[:limit]
