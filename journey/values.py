"""Vectorised coercion of raw spreadsheet columns into typed values.

Every ``parse_*`` function takes one column (a pandas Series, usually of dtype object
holding str, int, float, bool, date, datetime or None as python-calamine or a CSV reader
gives them) and returns ``(values, bad)`` aligned on the input index. ``bad`` is True
where a non-empty cell could not be used. Empty cells (None, NaN, NaT, blank strings and,
in typed columns, markers such as ``n/a``, ``-``, ``null`` or ``#N/A``) are never bad and
give None/NaN.

Speed: string cells go through pyarrow compute kernels (RE2 regexes, casts, trims) and
numbers through numpy. Python runs per cell only to sort the cells of a mixed-type column
into kinds and for the rare leftovers no vectorised pattern understood. Date strings are
parsed once per distinct value. Nothing here raises on odd input: long strings, HTML,
formulas and mixed types simply come back bad (or, for text, unchanged).

Decisions worth knowing (see also each function's docstring):

- Separators are read per cell where the cell is unambiguous (``1,200.50``, ``1.200,50``,
  ``3,5``, ``1,200,000``) and per column where it is not: ``1,200`` and ``1.200`` follow
  the column's decimal-comma style when it has decimal-comma cells and no decimal-point
  cells; otherwise ``1,200`` is 1200 and ``1.200`` is 1.2. Spaces, non-breaking spaces
  and apostrophes group thousands (``1 200``, ``1'200``); Indian grouping (``1,23,456``)
  is accepted.
- Money (``read_money``): amounts written short are read in full ('$1k', '£2.5k', '€1.2m',
  '1,5 mil', '10k€'; ``MONEY_UNITS``), the letter right after the number or a space and
  nothing after it but a currency ('5 kg', '10 km', '2m²' are not money). Currencies
  counted in thousandths ('KD 12.500', 'BHD 1.250'; ``THREE_DECIMAL_CURRENCIES``) read a
  dot and three digits as decimals. An amount that reads two ways in its column ('$ 1.500'
  beside '$ 12.50') is left empty, not bad, and the import names it.
- Counts must be whole numbers: 2.5 purchases is bad, as is -1.
- Dates in an ambiguous d/m column: cells with a part over 12 are evidence; when a column
  has evidence both ways the side with more rows wins (a tie falls back to the setting)
  and the cells impossible in the chosen order are bad.
- Timezone-aware datetimes keep their wall-clock time and drop the offset; times are
  rounded to the second.
- ``parse_dates`` reads every date as written, 9999-12-31 too; ``blank_placeholder_dates``
  is the import's step that empties those meaning "no date" (see "Dates far from today").
"""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
import math
import numbers
import re
import string
import time
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .text import counted, listed, match_key, was, without_accents

__all__ = ["parse_number", "parse_money", "read_money", "parse_percent", "parse_count",
           "parse_score", "parse_bool", "parse_dates", "parse_text", "to_sql_value", "placeholder_dates",
           "blank_placeholder_dates", "stored_day", "add_days", "add_months", "phone_keys",
           "phone_country", "said_country", "sheet_day_first"]

# Cell kinds.
EMPTY, STR, NUM, BOOL, DATE, TIME, OTHER = range(7)

# Strings that mean "no value" in a typed column (stripped; as here, upper or title case).
NULL_TOKENS = ("", "-", "--", "—", "–", "n/a", "n.a.", "na", "#n/a", "null", "none", "nil",
               "nan", "nat")

# Currencies by their ISO code, as a cell may write them ("EUR 1.200"); each names its
# currency (journey.ingest.currency).
CURRENCY_CODES = (
    "usd", "eur", "gbp", "aud", "cad", "nzd", "chf", "jpy", "cny", "rmb", "inr", "zar",
    "sek", "nok", "dkk", "pln", "czk", "huf", "sgd", "hkd", "mxn", "brl", "rub", "try",
    "ils", "aed", "sar", "kes", "ngn", "php", "thb", "myr", "idr", "krw", "ron", "bgn",
    "kwd", "bhd", "omr", "jod", "tnd", "lyd", "iqd", "cop", "pen", "clp", "ars", "kzt",
)
CURRENCY_TOKENS = (
    "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "฿", "₴", "₦", "₱", "¢", "₣", "₡", "₲",
    "₸",     # (the Kazakh tenge: Kaspi's "15 990 ₸")
    "us$", "a$", "au$", "c$", "ca$", "nz$", "hk$", "s$", "r$", "mx$",
    *CURRENCY_CODES,
    "kr", "kr.", "rs", "rs.", "fr", "fr.", "zł", "kč", "lei", "ft", "euro", "euros",
    "円", "tl", "rp", "rp.", "грн", "грн.", "руб", "руб.", "р.",
    "rm",    # (the Malaysian ringgit as its tills write it: StoreHub's "RM 45.00")
    "kd", "bd", "jd", "dt", "ld", "ro", "r.o.",
    # the Saudi riyal and the Emirati dirham as Arabic shops write them (Salla's "250.00 ر.س")
    "ر.س", "د.إ",
)

# Currencies counted in thousandths (ISO 4217 gives them three decimals), by code and by the
# abbreviation written where they are used ("KD 12.500" is twelve and a half Kuwaiti dinars).
# Not the Iraqi dinar: ISO gives it three decimals too, but its fils are long out of use and
# prices run into thousands, so "IQD 25.000" is read as pesos are, 25,000.
THREE_DECIMAL_CURRENCIES = ("kwd", "bhd", "omr", "jod", "tnd", "lyd", "kd", "bd", "jd", "dt",
                            "ld", "ro", "r.o.")

# Currencies with no minor unit in use, by code and by the sign written where they are used
# (ISO 4217 gives most no decimals; the forint's and the rupiah's are out of use): a dot
# before three digits ("CLP 45.000", "₩ 12.500") can only group thousands. Not "¥" alone,
# which is the yuan's sign too (fen and jiao), nor "kr" (öre, øre).
NO_MINOR_UNIT_CURRENCIES = ("clp", "jpy", "krw", "isk", "huf", "vnd", "idr", "pyg", "ugx",
                            "rwf", "gnf", "bif", "djf", "kmf", "xof", "xaf", "xpf", "vuv",
                            "₩", "₫", "₲", "円", "rp", "ft")

# Amounts written short in a money column ("$1k", "€1.2m", "1,5 mil", "10k€"), each letter's
# multiple. "m" and "M" are both a million: only columns a header names as money are read so,
# where "2m" is not two metres. "mil" is the Spanish and Portuguese thousand ("R$ 1,5 mil"),
# not English slang for a million. Not "b" or "B" for a billion (rare here, and a bare letter).
MONEY_UNITS = {"k": 1e3, "mil": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
SHORT_UNIT_WORDS = {"k": "a thousand", "m": "a million", "mn": "a million",
                    "mil": "a thousand, as in Spanish and Portuguese", "bn": "a billion"}
# What ``read_money`` marks in a money column: amounts written short, amounts read in
# thousandths for their currency, and amounts that read two ways (left empty).
MONEY_MARKS = ("short", "thousandths", "two_way", "grouped")

TRUE_TOKENS = ("yes", "y", "true", "t", "1", "1.0", "on", "✓", "✔", "✔️", "✅", "☑", "☑️",
               "👍", "si", "sí", "oui", "ja", "sim", "sì", "tak", "kyllä", "ano", "evet", "да",
               "так", "ναι", "はい", "ya", "igen", "có")
FALSE_TOKENS = ("no", "n", "false", "f", "0", "0.0", "off", "✗", "✘", "❌", "✖", "✖️", "❎",
                "👎", "non", "nein", "nao", "não", "nee", "nej", "nei", "nie", "ei", "ne",
                "hayır", "нет", "ні", "όχι", "οχι", "いいえ", "tidak", "nem", "không")

# --- number patterns (RE2 syntax, run by pyarrow) ---------------------------------------
_GROUP = " \u00a0\u202f\u2009'’"        # thousands grouping besides ',' and '.'
_SPACES = " \t\u00a0\u202f\u2009"
_FAST_NUMBER = r"^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d{1,3})?$"
_AMBIGUOUS_DOT = r"^[-+]?[1-9]\d{0,2}\.\d{3}$"
# A plain amount whose dot can only be a decimal point with three decimals after it
# ('0.750', '1250.500'): the column writes money to three decimals.
_THREE_DECIMALS = r"^[-+]?(?:0|\d{4,})\.\d{3}$"
_BODY = rf"(?:\d{{1,3}}(?:[{_GROUP}]\d{{3}})+(?:[.,]\d+)?|\d[\d.,]*\d|\d)"
_CUR = "(?:" + "|".join(re.escape(c) for c in sorted(CURRENCY_TOKENS, key=len, reverse=True)) + ")"
_S = f"[{_SPACES}]*"        # (RE2's \s is ASCII: "890,00\u00a0€" as French Excel writes it)
_SIGN, _TAIL = rf"(?:[-+−]{_S})?", rf"(?:{_S}[-−])?"
_NUMBER_SHAPE = rf"^{_SIGN}(?:\({_S}{_BODY}{_S}\)|{_BODY}){_TAIL}$"
_MONEY_SHAPE = (rf"(?i)^{_SIGN}(?:{_CUR}{_S})?{_SIGN}"
                rf"(?:\({_S}(?:{_CUR}{_S})?{_BODY}(?:{_S}{_CUR})?{_S}\)|{_BODY})"
                rf"{_TAIL}(?:{_S}{_CUR})?{_TAIL}$")
# The rand's "R" before an amount with cents ("R150.00", "R 1 250,00": a South African
# till's, Yoco's): a capital R, then digits, grouped or not, and two decimals; not "R101"
# (a room or a receipt) nor "R2" alone. ("R$" is the real's, above.)
_RAND_SHAPE = rf"^{_SIGN}R{_S}(?:\d{{1,3}}(?:[{_GROUP},]\d{{3}})+|\d+)[.,]\d{{2}}{_TAIL}$"
# Everything a valid shape may have around its digits (the body starts and ends with one).
_DECORATION = "".join(sorted(set("".join(CURRENCY_TOKENS) + string.ascii_letters
                                   + "ZŁČ()+-−.," + _SPACES)))
_UNSIGNED_DECORATION = "".join(c for c in _DECORATION if c not in "-−(")
_UNIT = "(?:" + "|".join(sorted(MONEY_UNITS, key=len, reverse=True)) + ")"
# The letter must follow the number (or a space after it), and only a currency may follow it:
# not "5 kg", "10 km", "3 months" or "2m²".
_SHORT_BODY = rf"{_SIGN}(?:{_CUR}{_S})?{_SIGN}{_BODY}{_S}{_UNIT}(?:{_S}{_CUR})?"
_SHORT_MONEY = rf"(?i)^(?:{_SHORT_BODY}|\({_S}{_SHORT_BODY}{_S}\))$"   # ('($2k)': -2,000)
_UNIT_AFTER_DIGIT = rf"(?i)(\d){_S}{_UNIT}"
_NAMED_UNIT = rf"(?i)\d{_S}(?P<unit>{_UNIT})"
_UNIT_NAMES, _UNIT_SCALES = pa.array(list(MONEY_UNITS)), np.array(list(MONEY_UNITS.values()))
_THREE_DECIMAL_CUR = (r"(?i)(?:^|[^\p{L}])(?:" + "|".join(
    re.escape(c) for c in sorted(THREE_DECIMAL_CURRENCIES, key=len, reverse=True))
    + r")(?:[^\p{L}]|$)")
# A header naming such a currency by its ISO code or "KD" ("Amount (KWD)", "Total KD").
_THREE_DECIMAL_HEADER = re.compile(r"(?<![^\W\d_])(?:kwd|bhd|omr|jod|tnd|lyd|kd)(?![^\W\d_])",
                                   re.IGNORECASE)
# A cell or a header naming a currency with no minor unit ("CLP 45.000", "Monto (CLP)").
_NO_MINOR_UNIT = re.compile(r"(?<![^\W\d_])(?:" + "|".join(
    re.escape(c) for c in sorted(NO_MINOR_UNIT_CURRENCIES, key=len, reverse=True))
    + r")(?![^\W\d_])", re.IGNORECASE)
_POINT_STYLE = r"^(?:[1-9]\d{0,2}(?:,\d{2})*(?:,\d{3})+|\d+)(?:\.\d+)?$"
_COMMA_STYLE = r"^(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?$"

# --- date patterns (matched on lower-cased strings) -------------------------------------
_CLOCK = r"(?:(?:t|\s+|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s*[ap]\.?m\.?)?)?"
_NUMERIC_DATE = r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}" + _CLOCK + "$"
_SERIAL = r"^\d{1,8}(?:\.\d{1,12})?$"
_NAMED_DATE = (r"^(?:[a-z]+\.?,?\s+)?"                                    # weekday
               r"(?:\d{1,2}(?:st|nd|rd|th)?[\s\-/.]+[a-z]+\.?[\s\-/.,]+"     # 11th feb
               r"|[a-z]+\.?[\s\-/.]+\d{1,2}(?:st|nd|rd|th)?[\s\-/.,]+)"      # feb 11,
               r"(?:\d{4}|\d{2})" + _CLOCK + "$")
_DOTTED_DATE = r"^\d{1,2}\.\d{1,2}\.\d{2,4}"
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?$"
_AM_PM = r"\s*[ap]\.?m\.?$"
_PM = r"p\.?m\.?$"
# A time zone's name (and offset) after a date or time: "2024-03-31 23:30:00 UTC",
# "Mon, 4 Mar 2024 10:00:00 GMT", "10:00 EST" (each name holds a "t").
_ZONE_NAME = (r"(\d|\b[ap]\.?m\.?)\s*(?:utc|gmt|[ecmp][sd]t|bst|[cew]est|[cew]et|ist|jst|aest|aedt|nzst|"
              r"nzdt)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?$")

_MONTHS = {"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
           "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
           "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
           "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12}
# ... and in Spanish, French, German and Portuguese (read without accents: "März" is marz),
# then Italian and Dutch
for _number, _names in enumerate((
        "enero ene janvier janv januar janeiro gennaio gen januari",
        "febrero fevrier fevr februar fevereiro fev febbraio februari",
        "marzo mars marz maerz marco maart mrt", "abril abr avril avr aprile",
        "mayo mai maio maggio mag mei", "junio juin juni junho giugno giu",
        "julio juillet juil juli julho luglio lug", "agosto ago aout augustus",
        "septiembre setiembre set septembre setembro settembre sett",
        "octubre octobre okt oktober outubro out ottobre ott",
        "noviembre novembre novembro", "diciembre dic decembre dezember dez dezembro dicembre"),
        start=1):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))
# ... and in Turkish, read as the others are (accents dropped, the dotless ı as i: "Şubat" is
# subat, "Kasım" kasim), in full and cut to three letters
for _number, _names in enumerate((
        "ocak oca", "subat sub", "mart", "nisan nis", "mayis", "haziran haz", "temmuz tem",
        "agustos agu", "eylul eyl", "ekim eki", "kasim kas", "aralik ara"), start=1):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))
# Month names in Cyrillic (Russian, then Ukrainian; the month's own name, the "of" form a
# date takes, "5 марта 2024", and the short one, "янв."), read without accents (й as и):
# each stands for the English name the readers below know.
_CYRILLIC_MONTHS = {without_accents(word): _number for _number, _names in enumerate((
    "январь января янв січень січня", "февраль февраля фев февр лютий лютого лют",
    "март марта мар березень березня бер", "апрель апреля апр квітень квітня квіт",
    "май мая травень травня трав", "июнь июня июн червень червня черв",
    "июль июля июл липень липня лип", "август августа авг серпень серпня серп",
    "сентябрь сентября сен сент вересень вересня вер",
    "октябрь октября окт жовтень жовтня жовт", "ноябрь ноября ноя нояб листопад листопада лист",
    "декабрь декабря дек грудень грудня груд"), start=1) for word in _names.split()}
_CYRILLIC_MONTH = re.compile(r"(?<!\w)(" + "|".join(sorted(_CYRILLIC_MONTHS, key=len, reverse=True))
                             + r")\.?(?!\w)")
_ENGLISH_MONTHS = ("", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                   "nov", "dec")
_MONTH_NAMES = pa.array(list(_MONTHS))
_MONTH_NUMBERS = np.array([0, *_MONTHS.values()], dtype=np.int64)     # index_in + 1
_WEEKDAYS = ("", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu",
             "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday")
_DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)
_EXCEL_EPOCH = 25569                     # days from 1899-12-30 to 1970-01-01
_MAX_SERIAL = 2958465                    # 9999-12-31
_MAX_TS = np.datetime64("9999-12-31T23:59:59", "s")


# ---------------------------------------------------------------------------------------
# Cells: sort a column into kinds once
# ---------------------------------------------------------------------------------------

class _Cells:
    """A column's cells as an object array plus one kind code per cell."""

    def __init__(self, s: pd.Series):
        if not isinstance(s, pd.Series):
            s = pd.Series(s, dtype=object)
        self.index = s.index
        self.values = s.to_numpy(dtype=object)
        self.kind = _kinds_of(s, self.values)

    def __len__(self) -> int:
        return len(self.kind)

    def pick(self, kind: int) -> np.ndarray:
        """Positions of the cells of one kind."""
        return np.flatnonzero(self.kind == kind)

    def floats(self, positions: np.ndarray) -> np.ndarray:
        """Numeric cells as float64 (non-finite or unconvertible ones as NaN)."""
        raw = self.values[positions]
        try:
            out = raw.astype(np.float64)
        except (TypeError, ValueError, OverflowError):
            out = np.array([_float_or_nan(v) for v in raw], dtype=np.float64)
        out[~np.isfinite(out)] = np.nan
        return out

    def strings(self) -> tuple[np.ndarray, pa.Array]:
        """Positions of the string cells and those strings, trimmed, as a pyarrow array."""
        pos = self.pick(STR)
        raw = self.values[pos]
        try:
            arr = pa.array(raw, type=pa.string(), from_pandas=True)
        except (UnicodeError, pa.ArrowException, TypeError):
            arr = pa.array([_safe_str(v) for v in raw], type=pa.string())
        return pos, pc.utf8_trim_whitespace(arr)

    def texts(self) -> tuple[np.ndarray, np.ndarray]:
        """Positions of the string cells and those strings trimmed, blank -> None, as an
        object array. A plain str that needs no trimming is kept as the same object
        (readers strip cells already, so most are kept: no copy of a 100k-row column)."""
        pos = self.pick(STR)
        raw = self.values[pos]
        try:
            arr = pa.array(raw, type=pa.string(), from_pandas=True)
            exact = set(map(type, raw)) <= {str}
        except (UnicodeError, pa.ArrowException, TypeError):
            arr = pa.array([_safe_str(v) for v in raw], type=pa.string())
            exact = False
        trimmed = pc.utf8_trim_whitespace(arr)
        if exact:
            out = raw.copy()
            changed = _np(pc.not_equal(pc.binary_length(arr), pc.binary_length(trimmed)))
            if changed.any():
                out[changed] = _where(trimmed, changed).to_numpy(zero_copy_only=False)
        else:
            out = trimmed.to_numpy(zero_copy_only=False).astype(object)
        out[_np(pc.equal(trimmed, ""))] = None
        return pos, out


_WHOLE_KINDS = {"string": STR, "integer": NUM, "floating": NUM, "mixed-integer-float": NUM,
                "decimal": NUM, "boolean": BOOL, "datetime": DATE, "date": DATE,
                "datetime64": DATE, "empty": EMPTY}


def _kinds_of(s: pd.Series, values: np.ndarray) -> np.ndarray:
    """One kind code per cell: from the dtype when it says enough, else per cell."""
    dtype = s.dtype
    if pd.api.types.is_bool_dtype(dtype):
        whole = BOOL
    elif pd.api.types.is_numeric_dtype(dtype):
        whole = NUM
    elif pd.api.types.is_datetime64_any_dtype(dtype):
        whole = DATE
    elif pd.api.types.is_string_dtype(dtype) and dtype is not np.dtype(object):
        whole = STR
    else:
        whole = _WHOLE_KINDS.get(pd.api.types.infer_dtype(values, skipna=True))
    if whole is None:
        types = list(map(type, values))
        table = {t: _kind_of_type(t) for t in set(types)}
        kind = np.fromiter(map(table.__getitem__, types), np.int8, len(types))
    else:
        kind = np.full(len(values), whole, dtype=np.int8)
    kind[pd.isna(values)] = EMPTY
    return kind


def _kind_of_type(t: type) -> int:
    """The kind of cells of one Python type (used for mixed-type columns)."""
    if issubclass(t, str):
        return STR
    if issubclass(t, (bool, np.bool_)):
        return BOOL
    if issubclass(t, (dt.date, np.datetime64)):
        return DATE
    if issubclass(t, dt.time):
        return TIME
    if issubclass(t, (numbers.Real, decimal.Decimal)):
        return NUM
    if t is type(None):
        return EMPTY
    return OTHER


def _safe_str(v: object) -> str:
    """A string pyarrow can store (lone surrogates replaced)."""
    return str(v).encode("utf-8", "replace").decode("utf-8")


def _float_or_nan(v: object) -> float:
    try:
        return float(v)
    except (TypeError, ValueError, OverflowError):
        return math.nan


def _np(mask: pa.Array) -> np.ndarray:
    """A pyarrow boolean array as a numpy bool array (null -> False)."""
    return pc.fill_null(mask, False).to_numpy(zero_copy_only=False)


def _match(arr: pa.Array, pattern: str) -> np.ndarray:
    return _np(pc.match_substring_regex(arr, pattern))


def _has(arr: pa.Array, text: str) -> np.ndarray:
    return _np(pc.match_substring(arr, text))


def joined_ints(text: str | None) -> np.ndarray:
    """The whole numbers SQLite's ``group_concat`` joined with commas, as an int64 array
    (empty for NULL): split in C, where a row fetched per number costs a Python tuple."""
    return (np.fromstring(text, dtype=np.int64, sep=",") if text
            else np.array([], dtype=np.int64))


def isin(column: pd.Series, among) -> pd.Series:
    """``column.isin(among)``, quick for a str column too: pandas' own (3.x) makes an Arrow
    scalar of every value looked for (0.4 s for 100,000 client keys); as Python objects
    the same test takes 0.03 s."""
    if isinstance(column.dtype, pd.StringDtype):
        column = column.astype(object)
    return column.isin(among)


def per_distinct(column: pd.Series, fn) -> pd.Series:
    """``fn`` of every cell, worked out once per distinct value (a status of a few words
    down 100,000 rows costs a few calls, not 100,000); missing cells stay missing."""
    distinct = column.dropna().unique()
    return column.map(dict(zip(distinct, map(fn, distinct))))


def written_bytes(arr: pa.Array) -> bytes:
    """The bytes of a string array's data buffer, copied once (b"" when it has none): a
    quick look for a mark before a scan. It may hold bytes outside the array's slice, so a
    mark found there may be in no string, but one not found is in none."""
    data = arr.buffers()[2]
    return data.to_pybytes() if data is not None else b""


def _anywhere(arr: pa.Array, text: str) -> bool:
    """Whether any string may contain ``text`` (``written_bytes``: never False wrongly)."""
    return text.encode() in written_bytes(arr)


def _lengths(arr: pa.Array, low: int, high: int) -> np.ndarray:
    """Strings whose byte length is within [low, high]."""
    n = pc.binary_length(arr).to_numpy(zero_copy_only=False)
    return (n >= low) & (n <= high)


def _matching(arr: pa.Array, pattern: str, among: np.ndarray) -> np.ndarray:
    """Like ``_match`` but only tries the strings marked in ``among``."""
    out = np.zeros(len(arr), dtype=bool)
    if among.any():
        out[among] = _match(_where(arr, among), pattern)
    return out


def _where(arr: pa.Array, mask: np.ndarray) -> pa.Array:
    return arr.filter(pa.array(mask, type=pa.bool_()))


_NULL_SET = pa.array(sorted({v for t in NULL_TOKENS for v in (t, t.upper(), t.title())}))


def _blank(arr: pa.Array) -> np.ndarray:
    """Strings that mean "no value" in a typed column (as written, upper or title case)."""
    return _np(pc.is_in(arr, value_set=_NULL_SET))


def _to_float(arr: pa.Array) -> np.ndarray:
    """Cast numeric strings to float64; anything uncastable or non-finite -> NaN."""
    try:
        out = np.array(pc.cast(arr, pa.float64()).to_numpy(zero_copy_only=False), dtype=np.float64)
    except pa.ArrowException:
        out = np.array([_float_or_nan(v) for v in arr.to_pylist()], dtype=np.float64)
    out[~np.isfinite(out)] = np.nan
    return out


def _series(values: np.ndarray, bad: np.ndarray, index: pd.Index) -> tuple[pd.Series, pd.Series]:
    return pd.Series(values, index=index), pd.Series(bad, index=index, dtype=bool)


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------

def _number_strings(t: pa.Array, *, money: bool, thousandths: bool = False
                    ) -> tuple[np.ndarray, np.ndarray, dict]:
    """Parse trimmed number strings: (float64 values, bad mask, money marks).

    The marks (``MONEY_MARKS``, all False unless ``money``) say which cells were written
    short, which were read in thousandths for their currency, and which read two ways in
    this column (left empty, not bad: see ``read_money``)."""
    values = np.full(len(t), np.nan)
    marks = {mark: np.zeros(len(t), dtype=bool) for mark in MONEY_MARKS}
    either = np.full(len(t), np.nan)       # a two-way cell's larger reading
    empty = _blank(t)
    if money:
        t = _dash_for_cents(t)
    fast = _match(t, _FAST_NUMBER) & ~empty
    scale = None
    if money and (~fast & ~empty).any():
        t, scale = _unshortened(t, ~fast & ~empty)
        if scale is not None:
            marks["short"] = scale != 1
            fast = _match(t, _FAST_NUMBER) & ~empty
    # A plain '1.500' is read as '$ 1.500' is, by the column's style (below), unless the
    # column plainly writes three decimals ('0.750' beside it) or its header names a
    # currency counted in thousandths ('Amount (KWD)'): then it is 1.5.
    if money and not thousandths:
        dotted = fast & _has(t, ".")
        if not _matching(t, _THREE_DECIMALS, dotted).any():
            fast &= ~_matching(t, _AMBIGUOUS_DOT, dotted)
    values[fast] = _to_float(_where(t, fast))
    rest = ~fast & ~empty
    if rest.any():
        formatted = _where(t, rest)
        parsed = _formatted_numbers(formatted, money=money)
        comma = False
        ambiguous = parsed["ambiguous"]
        # Money whose every dotted amount has three digits after its dot ("$ 15.999", as
        # Latin America writes pesos) and no amount with cents: the dot groups thousands.
        dotted_thousands = (money and ambiguous.any() and not parsed["point_only"].any()
                            and not (ambiguous & ~parsed["dotted"]).any())
        if dotted_thousands or (parsed["comma_only"].any() and not parsed["point_only"].any()):
            plain_dot = fast & _has(t, ".")
            dots = _matching(t, _AMBIGUOUS_DOT, plain_dot)
            comma = not (plain_dot & ~dots).any()
            if comma and dots.any():        # '1.200' in a decimal-comma column is 1200
                values[dots] = _to_float(pc.replace_substring(_where(t, dots), ".", ""))
        read = np.where(ambiguous & comma, parsed["comma"], parsed["value"])
        if money:
            # An amount this column's style would read to three decimals ('$ 1.500' beside
            # '$ 12.50'; '1,500 €' beside '3,5 €'): money is rarely written so (dinars are
            # read above), so its separator may as well group thousands. Neither is safe.
            two_way = ambiguous & (parsed["dotted"] != comma)
            either[np.flatnonzero(rest)[two_way]] = np.fmax(
                np.abs(parsed["value"][two_way]), np.abs(parsed["comma"][two_way]))
            read[two_way] = np.nan
            marks["two_way"][rest] = two_way
            marks["thousandths"][rest] = parsed["thousandths"]
            marks["grouped"][rest] = ambiguous & parsed["dotted"] & comma
        values[rest] = read
    if scale is not None:
        values = np.round(values * scale, 6)
        either *= scale
    marks["either"] = either
    return values, ~empty & np.isnan(values) & ~marks["two_way"], marks


# A dash for no cents after the decimal mark ("Fr. 45.–", "120.-", "45,—": Swiss and German
# price tags and invoices): the amount is whole. Not "45.00-", a minus written after.
_DASH_CENTS = r"(\d[.,])(?:--|[-–—])([^\d]*)$"


def _dash_for_cents(t: pa.Array) -> pa.Array:
    """Money written with a dash for its cents ("Fr. 45.–") as with two zeros ("Fr. 45.00")."""
    if not (_anywhere(t, "-") or _anywhere(t, "–") or _anywhere(t, "—")):
        return t
    return pc.replace_substring_regex(t, _DASH_CENTS, r"\100\2")


def _unshortened(t: pa.Array, among: np.ndarray) -> tuple[pa.Array, np.ndarray | None]:
    """Money written short among the marked strings ('$1k', '€1.2m', '1,5 mil', '10k€'):
    the strings without the letter, and each one's multiple (None when there are none)."""
    data = t.buffers()[2]
    letters = data.to_pybytes() if data is not None else b""
    if not any(c in letters for c in b"kKmMbB"):        # (a quick look before the regex)
        return t, None
    short = _matching(t, _SHORT_MONEY, among)
    if not short.any():
        return t, None
    found = pc.extract_regex(_where(t, short), _NAMED_UNIT)
    units = pc.index_in(pc.utf8_lower(pc.struct_field(found, [0])), value_set=_UNIT_NAMES)
    scale = np.ones(len(t))
    scale[short] = _UNIT_SCALES[units.to_numpy(zero_copy_only=False)]
    bare = pc.replace_substring_regex(t, _UNIT_AFTER_DIGIT, r"\1", max_replacements=1)
    return pc.if_else(pa.array(short), bare, t), scale


def _formatted_numbers(r: pa.Array, *, money: bool) -> dict[str, np.ndarray]:
    """Numbers with currency, grouping, decimal commas, signs or parentheses.

    Returns each cell's value (decimal point where both readings are possible), its
    decimal-comma reading, and which cells are ambiguous, only fit one style, have a dot
    as their one separator, or are money counted in thousandths ('KD 12.500': 12.5)."""
    n = len(r)
    out = {"value": np.full(n, np.nan), "comma": np.full(n, np.nan),
           "ambiguous": np.zeros(n, dtype=bool), "point_only": np.zeros(n, dtype=bool),
           "comma_only": np.zeros(n, dtype=bool), "dotted": np.zeros(n, dtype=bool),
           "thousandths": np.zeros(n, dtype=bool)}
    ok = _match(r, _MONEY_SHAPE if money else _NUMBER_SHAPE)
    if money:
        ok |= _match(r, _RAND_SHAPE)
    if not ok.any():
        return out
    s = _where(r, ok)
    core = pc.utf8_trim(s, characters=_DECORATION)
    # A minus or an opening parenthesis is the only decoration a shorter trim keeps.
    negative = _np(pc.not_equal(pc.utf8_trim(s, characters=_UNSIGNED_DECORATION), core))
    sign = np.where(negative, -1.0, 1.0)
    core = _ungroup(core)
    point = _match(core, _POINT_STYLE)
    ambiguous = _matching(core, r"^[1-9]\d{0,2}[.,]\d{3}$", _lengths(core, 5, 7))
    dotted = ambiguous & _has(core, ".")
    thousandths = np.zeros(len(s), dtype=bool)
    if money and dotted.any():          # its dot is a decimal point, whatever the column's
        thousandths = _matching(s, _THREE_DECIMAL_CUR, dotted)
        ambiguous &= ~thousandths
    comma = ambiguous.copy()
    maybe = ~point
    comma[maybe] = _match(_where(core, maybe), _COMMA_STYLE)
    sep = _has(core, ".") | _has(core, ",")
    values = np.full(len(s), np.nan)
    values[point] = _to_float(pc.replace_substring(_where(core, point), ",", ""))
    comma_values = np.full(len(s), np.nan)
    comma_values[comma] = _to_float(pc.replace_substring(
        pc.replace_substring(_where(core, comma), ".", ""), ",", "."))
    values = np.where(point, values, comma_values)
    out["value"][ok] = values * sign
    out["comma"][ok] = comma_values * sign
    out["ambiguous"][ok] = ambiguous
    out["point_only"][ok] = point & sep & ~ambiguous
    out["comma_only"][ok] = comma & sep & ~ambiguous
    out["dotted"][ok] = dotted
    out["thousandths"][ok] = thousandths
    return out


def _ungroup(core: pa.Array) -> pa.Array:
    """Drop thousands grouping by spaces and apostrophes ('1 200', "1'200")."""
    written = written_bytes(core)            # (one copy of the cells for every mark)
    for ch in _GROUP:
        if ch.encode() in written:
            core = pc.replace_substring(core, ch, "")
    return core


def _numeric(s: pd.Series, *, money: bool = False, percent: bool = False,
             thousandths: bool = False):
    """Floats for number and string cells (other kinds are bad), plus the cells, for
    percent columns which cells carried a '%', and the money marks of ``_number_strings``."""
    cells = _Cells(s)
    values = np.full(len(cells), np.nan)
    bad = np.isin(cells.kind, (BOOL, DATE, TIME, OTHER))
    explicit = np.zeros(len(cells), dtype=bool)
    marks = {mark: np.zeros(len(cells), dtype=bool) for mark in MONEY_MARKS}
    marks["either"] = np.full(len(cells), np.nan)
    num = cells.pick(NUM)
    if len(num):
        values[num] = cells.floats(num)
        bad[num] = np.isnan(values[num])
    pos, t = cells.strings()
    if len(pos):
        if percent:
            marked = _np(pc.ends_with(t, "%"))
            explicit[pos] = marked
            t = pc.if_else(pa.array(marked), pc.utf8_rtrim_whitespace(pc.utf8_rtrim(t, characters="%")), t)
        values[pos], bad[pos], said = _number_strings(t, money=money, thousandths=thousandths)
        for mark, where in said.items():
            marks[mark][pos] = where
        if percent:
            bad[pos] |= explicit[pos] & _blank(t)      # a bare '%'
    return values, bad, cells, explicit, marks


def parse_number(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Plain numbers: '1,200.50', '1.200,50', '1 200', '(50)' negative. float64; no '%'."""
    values, bad, cells, *_ = _numeric(s)
    return _series(values, bad, cells.index)


def parse_money(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Money: '$1,200.50', '1.200,50 €', '£12', 'USD 1,000', '-$5', '€ 3,5', '$1.5k',
    'KD 12.500'. float64. What ``read_money`` reads, without its notes: an amount that
    reads two ways in its column is NaN and not bad."""
    money = read_money(s)
    return money.values, money.bad


@dataclass(frozen=True)
class MoneyReading:
    """A money column as ``read_money`` read it: its values (float64, NaN where empty,
    bad or two-way), which cells are not money (``bad``) and which were read in a way
    worth saying (``short``, ``thousandths``, ``two_way``, ``grouped``: a dot read as
    grouping thousands, each a boolean Series)."""
    cells: pd.Series
    values: pd.Series
    bad: pd.Series
    short: pd.Series
    thousandths: pd.Series
    two_way: pd.Series
    grouped: pd.Series
    either: pd.Series          # a two-way cell's larger reading (the other is 1,000 times less)
    worded: pd.Series | None = None     # read from an owner's words (``_owners_amounts``)

    def notes(self, header: str, label: str, rows: list[int]) -> list[str]:
        """What the import says about the column ``header`` (``label``: its header and
        letter), its cells on sheet rows ``rows``: amounts written short, amounts in
        thousandths of their currency, and the two-way amounts left empty, by row."""
        notes = []
        short = self.short & self.values.notna()
        if short.any():
            said = [_plain_str(c) for c in self.cells[short]]
            units = {_short_unit(c) for c in said}
            meaning = ", ".join(f"'{u}' {SHORT_UNIT_WORDS[u]}" for u in SHORT_UNIT_WORDS
                                if u in units)
            notes.append(f"Column '{header}': {counted(int(short.sum()), 'amount')} written "
                         f"short {was(int(short.sum()))} read in full ({meaning}): "
                         + listed([f"'{c}' as {amount_text(v)}" for c, v
                                      in zip(said, self.values[short])]) + ".")
        if self.thousandths.any():
            cell, value = self.cells[self.thousandths].iloc[0], self.values[self.thousandths].iloc[0]
            more = int(self.thousandths.sum()) - 1
            notes.append(f"Column '{header}': '{_plain_str(cell)}' was read as "
                         f"{amount_text(value)}, not {amount_text(value * 1000)}: its currency "
                         "is counted in thousandths"
                         + (f" (and {counted(more, 'more amount')} like it)" if more else "")
                         + ".")
        grouped = self.grouped & self.values.notna() & ~self.short
        if _NO_MINOR_UNIT.search(str(header)):      # (a dot before three digits of pesos,
            grouped[:] = False                      # yen or won groups thousands: no doubt)
        elif grouped.any():         # (only the cells in question: a column is 100,000)
            named = self.cells[grouped].map(lambda c: bool(_NO_MINOR_UNIT.search(_plain_str(c))))
            grouped.loc[named.index[named.to_numpy(dtype=bool)]] = False
        if grouped.any():
            n = int(grouped.sum())
            notes.append(f"Column '{header}': {counted(n, 'amount')} with three digits after "
                         f"a dot {was(n)} read in thousands, as no amount in the column has "
                         "cents: " + listed([f"'{_plain_str(c)}' as {amount_text(v)}"
                                             for c, v in zip(self.cells[grouped],
                                                             self.values[grouped])])
                         + ". If the dot marks decimals there, write the amounts with two "
                         "decimals ('1.50') and import again.")
        if self.worded is not None and self.worded.any():
            n = int(self.worded.sum())
            notes.append(f"Column '{header}': {counted(n, 'amount')} written with words "
                         f"{was(n)} read so: " + listed(
                             [f"'{_plain_str(c)}' as {amount_text(v)}"
                              + (" (before tax)" if _PLUS_TAX.match(
                                  " ".join(_plain_str(c).split()).casefold()) else "")
                              for c, v in zip(self.cells[self.worded],
                                              self.values[self.worded])])
                         + "; correct the cell and import again if that is wrong.")
        if self.two_way.any():
            where = np.flatnonzero(self.two_way.to_numpy())
            n = len(where)
            cells = [_plain_str(self.cells.iat[i]) for i in where]
            sep = re.search(r"\d([.,])\d", cells[0])[1]
            shown = listed([f"row {rows[i]}, {label}: '{c}' ({amount_text(self.either.iat[i])} "
                               f"or {amount_text(self.either.iat[i] / 1000)}?)"
                               for i, c in zip(where, cells)], joined="; ")
            notes.append(f"Column '{header}': {counted(n, 'amount')} could be read two ways, "
                         f"so {'it was' if n == 1 else 'they were'} left empty, "
                         f"{'its row' if n == 1 else 'their rows'} kept: {shown}. Elsewhere in "
                         f"the column '{sep}' marks decimals, but money is rarely written to "
                         f"three decimals, so here '{sep}' may group thousands; type "
                         f"{'it' if n == 1 else 'them'} without the '{sep}' or with two "
                         "decimals and import again.")
        return notes


def read_money(s: pd.Series, header: object = None,
               owners_words: bool = False) -> MoneyReading:
    """A money column read as ``parse_money`` reads it, with what is worth saying.

    An amount whose separator could mark decimals or group thousands ('$ 1.500', '1,500 €')
    and that the column's style would read to three decimals (the column writes '$ 12.50'
    or '3,5 €' elsewhere) is left empty and named, not guessed: the column's style says 1.5,
    the amount's shape says 1,500, and a figure 1,000 times too small or too large would
    quietly skew every total built on it, while an empty cell named in a note is seen and
    fixed. Currencies counted in thousandths (``THREE_DECIMAL_CURRENCIES``) are read to
    three decimals. Amounts written short ('$1k', '€1.2m', '1,5 mil') are read in full
    (``MONEY_UNITS``), and so is a column whose ``header`` names such a currency
    ('Amount (KWD)': '12.500' is 12.5). With ``owners_words`` (a column whose header says it
    holds money), 'free' and an amount with a remark are read too (``_owners_amounts``)."""
    in_thousandths = header is not None and bool(_THREE_DECIMAL_HEADER.search(str(header)))
    values, bad, cells, _, marks = _numeric(s, money=True, thousandths=in_thousandths)
    index = cells.index
    worded = (_owners_amounts(cells.values, values, bad, in_thousandths) if owners_words
              else np.zeros(len(cells), dtype=bool))
    return MoneyReading(pd.Series(cells.values, index=index, dtype=object),
                        *_series(values, bad, index),
                        *(pd.Series(marks[m], index=index, dtype=bool) for m in MONEY_MARKS),
                        pd.Series(marks["either"], index=index),
                        pd.Series(worded, index=index, dtype=bool))


# The cells ``money_column`` reads first: one of them that is not money settles it.
_FIRST_CELLS = 64


def money_column(s: pd.Series) -> MoneyReading | None:
    """``read_money`` of a column every cell of which is money or blank, else None. Whether
    a cell is money is its own (the column's style only chooses between two readings of an
    amount, or leaves it empty as two-way: neither is bad), so a column whose first cells
    hold one that is not is turned away after reading those alone: a 100,000-row sheet's
    text columns cost 5 ms each, not 50."""
    if len(s) > _FIRST_CELLS and read_money(s.iloc[:_FIRST_CELLS]).bad.any():
        return None
    money = read_money(s)
    return None if money.bad.any() else money


# An amount written with the period it is paid for ("£300/yr", "£35 per month", "£8 pw",
# "300 pa"): its amount and the period's word.
_AMOUNT_PER_PERIOD = re.compile(
    r"^\s*(?P<amount>[£$€]?\s?\d[\d,]*(?:\.\d{1,2})?\s?[£€]?)\s*(?:/|per|a|an|p\.?)\s*"
    r"(?P<period>yr|year|annum|month|mth|mo|week|wk)\.?\s*$|"
    r"^\s*(?P<amount2>[£$€]?\s?\d[\d,]*(?:\.\d{1,2})?\s?[£€]?)\s*(?P<period2>pa|pcm|pm|pw)\.?\s*$",
    re.IGNORECASE)
_PERIOD_WORDS = {"yr": "year", "year": "year", "annum": "year", "pa": "year", "month": "month",
                 "mth": "month", "mo": "month", "pcm": "month", "pm": "month", "week": "week",
                 "wk": "week", "pw": "week"}


def amount_per_period(cell: object) -> tuple[float, str] | None:
    """An amount written with the period it is paid for ("£300/yr": 300.0, "year"; "£35 per
    month", "£8 pw"), or None."""
    found = _AMOUNT_PER_PERIOD.match(cell) if isinstance(cell, str) else None
    if found is None:
        return None
    amount = parse_money(pd.Series([found["amount"] or found["amount2"]], dtype=object))[0].iloc[0]
    period = (found["period"] or found["period2"]).lower()
    return None if pd.isna(amount) else (float(amount), _PERIOD_WORDS[period])


# An amount an owner typed as a word: nothing was charged.
FREE_WORDS = frozenset(("free", "no charge", "foc", "f.o.c.", "f.o.c", "complimentary",
                        "free of charge", "gratis", "gratuit", "kostenlos", "gratuito"))
# ... and words for a visit or a standing given to try, not bought (a "Free Trial Class", a
# client "on trial"): with those, understand._visits_given_free's and rules.payers._sessions_not_paid's.
TRIAL_WORDS = frozenset(("trial", "free trial", "in trial", "trialing", "taster", "comp",
                         "guest pass"))
# ... and the words that name a trial inside a short cell of a course, a class or a term
# ("Trial class", "taster only").
TRIAL_NAMED = frozenset(("trial", "taster"))
# ... the words that may stand beside them there, saying a session or a first box tried
# ("Trial lesson", "free taster", "taster only", "Taster case"); any other ("Taster menu",
# a restaurant's; "Trial Pack 50ml", a product's size) names a thing sold, and the column
# holds what was sold, not trials.
TRIAL_SESSION_WORDS = frozenset((
    "class", "classes", "lesson", "lessons", "session", "sessions", "only", "free", "day",
    "week", "month", "visit", "pass", "period", "workout", "ride", "swim", "shoot", "sitting",
    "appointment", "consultation", "box", "case", "pack", "kit", "a", "one"))
# Words saying money is still owed, not paid (beside an amount, in a sheet's name).
OWED_WORDS = frozenset("unpaid owed owing due outstanding overdue pending".split())
# Words beside an amount that change what it means (a rate, a quantity, money not paid,
# given back or let off, a guess): such a cell stays unread and is named, never read as
# the number.
_ASIDE_STOP = OWED_WORDS | frozenset(
    "each per x ea unit units pcs pc pieces piece item items hour hours hr hrs h day days "
    "week weeks wk month months mo year years yr pp pw pm pa pcm ph pn "
    "balance refund refunded refunds credit discount off "
    "not no cancelled canceled cancel void voided waived written declined bounced disputed "
    "quote quoted estimate est approx approximately about around tbc tba "
    "less minus plus kg g lb lbs oz ml l litre litres liter liters km mi sqm sqft ft "
    "people guests pax kids adults nights tip tips tipped gratuity gratuities".split())
# A remark after a bare amount saying it was paid ('55 pd', '40 paid cash'): the amount.
_PAID_REMARK = frozenset(("pd", "paid", "pd.", "recd", "rec'd", "received"))
# Words before a tip that say the amount holds it ('£50 incl tip': what was paid).
_WITH_TIP = frozenset("inc incl including includes with".split())
# An amount with the tax still to add ('£45 + VAT', '200 plus GST'): read as the price before
# tax, and said so; the rate is not given, so the tax is not guessed.
_PLUS_TAX = re.compile(r"^(?P<amount>[^a-z]*\d[^a-z+]*?)\s*(?:\+|plus)\s*"
                       r"(?:vat|tax|taxes|gst|hst|pst|iva|tva|mwst|ust|btw|sales tax)\.?$")


# Whole rand an owner typed under a money header ("R150", "R1,250": a South African
# salon's): read there only, where the header says money ("R101" elsewhere is a room).
_RAND_WHOLE = re.compile(r"^R ?(\d{1,3}(?:[ ,]\d{3})+|\d+)$")


def _owners_amounts(cells: np.ndarray, values: np.ndarray, bad: np.ndarray,
                    in_thousandths: bool) -> np.ndarray:
    """Read, in place, the unread cells an owner typed with words: 'free' (``FREE_WORDS``)
    as 0, whole rand ('R150', ``_RAND_WHOLE``) and an amount followed by a remark in
    brackets or after a dash ('350 (paid cash)') or beside a currency sign ('£200
    deposit') as the amount, unless a word of the remark changes what it means
    (``_ASIDE_STOP``). Returns which cells were read so."""
    worded = np.zeros(len(cells), dtype=bool)
    remarked: dict[int, str] = {}           # position -> the amount before its remark
    for i in np.flatnonzero(bad):
        if not isinstance(cells[i], str):
            continue
        text = " ".join(cells[i].split()).casefold()
        if text in FREE_WORDS:
            values[i], bad[i], worded[i] = 0.0, False, True
        elif found := _RAND_WHOLE.match(cells[i].strip()):
            values[i], bad[i], worded[i] = float(re.sub(r"\D", "", found[1])), False, True
        elif found := _PLUS_TAX.match(text):
            remarked[i] = found["amount"]
        elif ((found := _AMOUNT_THEN_WORDS.match(text))
              and (found["aside"] or _CURRENCY_SIGN.search(found["amount"])
                   or found["words"].split()[0] in _PAID_REMARK)
              and not _changes_meaning(re.findall(r"[a-z]+", found["words"]))):
            remarked[i] = found["amount"]       # (a bare '5 kg' may be no money at all)
    if remarked:
        amounts, unread, *_ = _numeric(pd.Series(list(remarked.values()), dtype=object),
                                       money=True, thousandths=in_thousandths)
        for i, amount, no in zip(remarked, amounts, unread):
            if not no and not np.isnan(amount):
                values[i], bad[i], worded[i] = amount, False, True
    return worded


def _changes_meaning(words: list[str]) -> bool:
    """Whether a remark beside an amount changes what it means (``_ASIDE_STOP``: '£300
    owed', '£30 tip': a tip is not the price), a tip the amount includes aside ('£50 incl
    tip')."""
    stops = _ASIDE_STOP.intersection(words)
    if stops and stops <= {"tip", "tips", "gratuity", "gratuities"}:
        return not _WITH_TIP.intersection(words[:words.index(min(stops, key=words.index))])
    return bool(stops)


# An amount, then words with no digit in them, maybe in brackets or after a dash.
_AMOUNT_THEN_WORDS = re.compile(r"^(?P<amount>[^a-z]*\d[^a-z(\-–:,]*?)\s*(?P<aside>[-–(:,])?\s*"
                                r"(?P<words>[a-z][^\d]*?)\)?\.?$")
_CURRENCY_SIGN = re.compile(r"[$€£¥₹₩₽₺₪₫฿₴₦₱¢₣₡₲₸]")


# A product's size or pack written in its name: "Espresso beans 1kg", "Oat milk 1L",
# "Filter papers x100", "Cups 12-pack", "Candles (6 pcs)". (A person's name holds none.)
PACK_SIZE = re.compile(r"(?i)(?<![a-z])(?:\d+(?:[.,]\d+)?\s*(?:kg|g|mg|l|ml|cl|dl|oz|lb|lbs|"
                       r"pcs|pc|pack|pk|st|stk|stück|count|ct)\b|x\s*\d+\b|\d+\s*x\b|"
                       r"\d+\s*-\s*pack\b)")


def _short_unit(cell: str) -> str:
    """The letter of an amount written short ('€1.2M' -> 'm')."""
    return re.search(_NAMED_UNIT, cell)["unit"].lower()


def amount_text(x: float) -> str:
    """1500.0 -> '1,500'; 1.25 -> '1.25' (an amount as a note shows it)."""
    return f"{x:,.6f}".rstrip("0").rstrip(".")


def parse_percent(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Fractions: '45%' -> 0.45. Cells without '%' are divided by 100 when the largest of
    them (in absolute value) is over 1, so 45 -> 0.45 but a column of 0.45 stays."""
    values, bad, cells, explicit, _ = _numeric(s, percent=True)
    bare = ~explicit & ~np.isnan(values)
    if bare.any() and np.abs(values[bare]).max() > 1:
        values[bare] /= 100
    values[explicit] /= 100
    return _series(values, bad, cells.index)


def parse_count(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Whole non-negative numbers as float64; negative or fractional -> bad."""
    values, bad, cells, *_ = _numeric(s)
    rounded = np.round(values)
    wrong = ~np.isnan(values) & ((values < 0) | (np.abs(values - rounded) > 1e-9))
    return _series(np.where(wrong, np.nan, rounded), bad | wrong, cells.index)


def parse_score(s: pd.Series, low: int, high: int) -> tuple[pd.Series, pd.Series]:
    """Numbers in [low, high] as float64; outside -> bad."""
    values, bad, cells, *_ = _numeric(s)
    wrong = ~np.isnan(values) & ((values < low) | (values > high))
    return _series(np.where(wrong, np.nan, values), bad | wrong, cells.index)


# ---------------------------------------------------------------------------------------
# Booleans
# ---------------------------------------------------------------------------------------

def parse_bool(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """yes/no/true/false/1/0/y/n (any case, padded), also t/f, on/off, ✓/✗; True/False
    cells; the numbers 1 and 0. Object Series of True/False/None."""
    cells = _Cells(s)
    values = np.full(len(cells), None, dtype=object)
    bad = np.isin(cells.kind, (DATE, TIME, OTHER))
    flags = cells.pick(BOOL)
    values[flags] = [bool(v) for v in cells.values[flags]]
    num = cells.pick(NUM)
    if len(num):
        f = cells.floats(num)
        values[num] = np.where(f == 1, True, np.where(f == 0, False, None))
        bad[num] = (f != 1) & (f != 0)
    pos, t = cells.strings()
    if len(pos):
        low = pc.utf8_lower(t)
        yes = _np(pc.is_in(low, value_set=pa.array(TRUE_TOKENS)))
        no = _np(pc.is_in(low, value_set=pa.array(FALSE_TOKENS)))
        values[pos] = np.where(yes, True, np.where(no, False, None))
        bad[pos] = ~yes & ~no & ~_blank(t)
    return pd.Series(values, index=cells.index, dtype=object), pd.Series(bad, index=cells.index)


# ---------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------

def _civil(y, m, d, secs) -> tuple[np.ndarray, np.ndarray]:
    """datetime64[s] from year, month, day and seconds-of-day arrays, plus validity."""
    y, m, d, secs = (np.asarray(a, dtype=np.int64) for a in (y, m, d, secs))
    ok = (y >= 1) & (y <= 9999) & (m >= 1) & (m <= 12) & (d >= 1)
    yy, mm = np.clip(y, 1, 9999), np.clip(m, 1, 12)
    leap = (yy % 4 == 0) & ((yy % 100 != 0) | (yy % 400 == 0))
    ok &= d <= _DAYS_IN_MONTH[mm - 1] + ((mm == 2) & leap)
    ok &= (secs >= 0) & (secs < 86400)
    days = _days_from_civil(yy, mm, np.clip(d, 1, 31))
    return (days * 86400 + np.where(ok, secs, 0)).astype("datetime64[s]"), ok


def _days_from_civil(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of proleptic Gregorian dates (H. Hinnant's algorithm)."""
    y = y - (m <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + np.where(m > 2, -3, 9)) + 2) // 5 + d - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def _serials(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Excel 1900-system serials: 1 is 1900-01-01; 60 is Excel's fake 1900-02-29 (bad);
    from 61 on the origin is 1899-12-30. Fractions are times of day."""
    x = np.asarray(x, dtype=np.float64)
    ok = np.isfinite(x) & (x >= 1) & (x < _MAX_SERIAL + 1) & ~((x >= 60) & (x < 61))
    x = np.where(ok, x, 61.0)
    whole = np.floor(x)
    days = whole.astype(np.int64) - _EXCEL_EPOCH + (x < 60)
    secs = np.round((x - whole) * 86400).astype(np.int64)
    ts = (days * 86400 + secs).astype("datetime64[s]")
    return np.minimum(ts, _MAX_TS), ok


def _serials_or_compact(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Excel serials, except that whole 8-digit numbers such as 20170301 are YYYYMMDD."""
    ts, ok = _serials(x)
    compact = (x >= 10_000_101) & (x <= 99_991_231) & (np.floor(x) == x)
    if compact.any():
        n = x[compact].astype(np.int64)
        ts[compact], ok[compact] = _civil(n // 10_000, n // 100 % 100, n % 100, 0)
    return ts, ok


def _years(y: np.ndarray, digits: np.ndarray) -> np.ndarray:
    """Two-digit years as strptime reads them: 69-99 -> 1900s, 00-68 -> 2000s."""
    return np.where(digits <= 2, np.where(y <= 68, 2000 + y, 1900 + y), y)


_DAY_MONTH = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b")


def unsettled_day_month(column: pd.Series) -> str | None:
    """A cell of a date column that reads either way (03/06/2024) when no cell settles
    the order of day and month (a part over 12), else None: its dates were read by the
    workspace setting, which the import should say. (Dotted dates, 03.06.2024, are day
    first, whatever the setting.)"""
    example = None
    dotted = True
    for cell in pd.unique(column.dropna().to_numpy(dtype=object)):
        found = _DAY_MONTH.match(cell) if isinstance(cell, str) else None
        if found is None:
            continue
        dotted = dotted and re.match(_DOTTED_DATE, cell.strip()) is not None
        first, second = int(found.group(1)), int(found.group(2))
        if first > 12 or second > 12:
            return None                             # this column says which is which
        if example is None and first != second:
            example = cell.strip()
    return None if dotted else example


def sheet_day_first(frame: pd.DataFrame) -> tuple[bool, str, str] | None:
    """The order of day and month a sheet's own dates settle, whichever column they are in
    (a Keap "Order Date" of 03/02/2024 beside a "Last Updated" of 03/20/2024 is month
    first): (day first, the column, a cell that settles it), from the columns of written
    dates that have a part over 12 in one place only; None where none does, or where they
    disagree as much one way as the other."""
    votes = {True: 0, False: 0}
    said: dict[bool, tuple[str, str]] = {}
    for header in frame.columns:
        column = frame[header]
        if column.dtype != object:
            continue
        head = column.iloc[:500].dropna()           # (the first 50 cells with a value,
        if len(head) < 50:                          # without reading the whole column)
            head = column.dropna()
        head = head.head(50).astype(str)
        if not len(head) or 2 * head.str.match(_DAY_MONTH).sum() <= len(head):
            continue                                    # not a column of written dates
        cells = pd.Series(pd.unique(column.dropna().astype(str).to_numpy()))
        parts = cells.str.extract(_DAY_MONTH).dropna().astype(int)
        if parts.empty:
            continue
        first, second = parts[0], parts[1]
        for day_first, over in ((True, (first > 12) & (first <= 31) & (second <= 12)),
                                (False, (second > 12) & (second <= 31) & (first <= 12))):
            if over.any():
                votes[day_first] += int(over.sum())
                said.setdefault(day_first, (str(header), cells[over.idxmax()].strip()))
    if votes[True] == votes[False]:
        return None
    day_first = votes[True] > votes[False]
    return (day_first, *said[day_first])


def _decide_day_first(a, b, weight, setting: bool | None) -> bool:
    """A part over 12 (and at most 31) is a day: the side with more such rows wins."""
    day = int(weight[(a > 12) & (a <= 31) & (b <= 12)].sum())
    month = int(weight[(b > 12) & (b <= 31) & (a <= 12)].sum())
    if day != month:
        return day > month
    return True if setting is None else bool(setting)


def _latin_months(text: str) -> str:
    """A date with a month named in Cyrillic as the readers take it: "5 марта 2024 г." is
    "5 mar 2024" (``_CYRILLIC_MONTHS``; the year's "г." left out), and the dotless ı as i."""
    text = text.replace("ı", "i")
    if not _CYRILLIC_MONTH.search(text):
        return text
    text = _CYRILLIC_MONTH.sub(lambda found: _ENGLISH_MONTHS[_CYRILLIC_MONTHS[found[1]]], text)
    return re.sub(r"(\d)\s*(?:гг?|р)\.?$", r"\1", text)


def _other_languages(u: pa.Array, accented: bool) -> pa.Array:
    """Dates written in Spanish, French, German or Portuguese as an English reader takes
    them: accents dropped ("5. März 2024", when some string is ``accented``), "de" between
    the parts ("5 de marzo de 2024") and a clock's "hs." or "Uhr" after it left out."""
    if accented:
        u = pa.array([None if v is None else _latin_months(without_accents(v))
                      for v in u.to_pylist()], type=pa.string())
    u = pc.replace_substring_regex(u, r"(\d\.?)\s+del?\s+([a-z])", r"\1 \2")
    u = pc.replace_substring_regex(u, r"([a-z])\s+del?\s+(\d)", r"\1 \2")
    return pc.replace_substring_regex(u, r"(\d:\d\d)\s*(?:hs?\.?|uhr)$", r"\1")


# Dates written with their parts' own marks, as the ISO and dotted dates they are: Japanese,
# Chinese and Korean "2025年1月5日", "2025년 1월 5일"; Czech and Slovak "5. 1. 2025".
_CJK_DATE = r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"
_SPACED_DOTS = r"^(\d{1,2})\.\s+(\d{1,2})\.\s*(\d{2,4})\b"
# Hungarian writes a dot after the day too: "2026.11.03." (and "2026. 11. 03.").
_HUNGARIAN_DATE = r"^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.(\s|$)"


# An owner's words around a date: the week it starts or ends ("w/c 4/3/24", "Week
# commencing 4 March", "w/e 10/3") stands for that day; "3rd of March" is 3rd March.
_WEEK_OF = (r"^(?:w\s?/\s?[cbe]|w\.[cbe]\.|wc|wb|we|wk\s+of|week\s+of|"
            r"week\s+(?:commencing|beginning|starting|ending))\.?[:\s]+(\d)")


def _owners_words(u: pa.Array) -> pa.Array:
    """Dates as owners write them, as the readers below take them (``_WEEK_OF``)."""
    u = pc.replace_substring_regex(u, _WEEK_OF, r"\1")
    return pc.replace_substring_regex(u, r"(\d(?:st|nd|rd|th)?)\s+of\s+([a-z])", r"\1 \2")


class _DateStrings:
    """Parse distinct, trimmed, lower-cased date strings family by family."""

    def __init__(self, u: pa.Array, weight: np.ndarray):
        n = len(u)
        if _anywhere(u, "t"):       # a zone named after the time ("10:00:00 UTC"): dropped,
            u = pc.replace_substring_regex(u, _ZONE_NAME, r"\1")    # as an offset is
        if _anywhere(u, "月") or _anywhere(u, "월"):
            u = pc.replace_substring_regex(u, _CJK_DATE, r"\1-\2-\3")
        if _anywhere(u, ". "):
            u = pc.replace_substring_regex(u, _SPACED_DOTS, r"\1.\2.\3")
        if _anywhere(u, "."):
            u = pc.replace_substring_regex(u, _HUNGARIAN_DATE, r"\1.\2.\3\4")
        accented = not pc.all(pc.string_is_ascii(u)).as_py()
        if accented or _anywhere(u, "de"):
            u = _other_languages(u, accented)
        if _anywhere(u, "w") or _anywhere(u, " of "):
            u = _owners_words(u)
        self.u, self.weight = u, weight
        self.ts = np.zeros(n, dtype="datetime64[s]")
        self.ok = np.zeros(n, dtype=bool)
        self.empty = _blank(u)
        self.left = ~self.empty
        self.day_first: bool | None = None

    def take(self, pattern: str) -> np.ndarray:
        """Positions of cells still left that match a (capture-free) pattern."""
        hit = self.left & _match(self.u, pattern)
        self.left &= ~hit
        return np.flatnonzero(hit)

    def put(self, pos: np.ndarray, ts: np.ndarray, ok: np.ndarray) -> None:
        self.ts[pos], self.ok[pos] = ts, ok

    def run(self, day_first: bool | None) -> None:
        if self.left.any():
            self.serial()
        if self.left.any():
            self.iso()
        if self.left.any():
            self.numeric(day_first)
        if self.left.any():
            self.fallback()

    def serial(self) -> None:
        """'42794' or '42794.5' are Excel serials; 8-digit '20170301' is YYYYMMDD."""
        pos = self.take(_SERIAL)
        if len(pos):
            self.put(pos, *_serials_or_compact(_to_float(self.u.take(pa.array(pos)))))

    def iso(self) -> None:
        """Plain ISO dates and times through pandas' fast ISO parser; whatever it cannot
        hold (years outside 1677-2262) goes on to ``numeric``."""
        pos = self.take(_ISO_DATE)
        if not len(pos):
            return
        sub = self.u.take(pa.array(pos))
        if _anywhere(sub, "t"):
            sub = pc.replace_substring(sub, "t", " ")
        raw = pd.Series(sub.to_numpy(zero_copy_only=False), dtype=object)
        stamps = pd.to_datetime(raw, format="ISO8601", errors="coerce")
        ok = stamps.notna().to_numpy()
        self.left[pos[~ok]] = True
        ts = stamps[ok].dt.floor("s").to_numpy().astype("datetime64[s]")
        self.put(pos[ok], ts, np.ones(len(ts), dtype=bool))

    def numeric(self, day_first: bool | None) -> None:
        """ISO, 'YYYY.MM.DD HH:MM', d/m/y, m/d/y and month-name dates, with optional
        time and am/pm: split into words and read by position."""
        numeric = self.left & _match(self.u, _NUMERIC_DATE)
        named = _matching(self.u, _NAMED_DATE, self.left & ~numeric)
        pos = np.flatnonzero(numeric | named)
        if not len(pos):
            return
        self.left[pos] = False
        sub = self.u.take(pa.array(pos))
        is_numeric = numeric[pos]
        ap = pm = np.zeros(len(pos), dtype=bool)
        if _anywhere(sub, "m"):
            ap = _match(sub, _AM_PM)
            if ap.any():
                pm = ap & _match(sub, _PM)        # its suffix's p: not Apr's or Sep's
                sub = pc.if_else(pa.array(ap), pc.replace_substring_regex(sub, _AM_PM, ""), sub)
        # 02.05.2024: dotted dates are written day first wherever they are written
        dotted = is_numeric & _match(sub, _DOTTED_DATE)
        for ch in "/-.:,":
            if _anywhere(sub, ch):
                sub = pc.replace_substring(sub, ch, " ")
        if is_numeric.any() and _anywhere(sub, "t"):       # the ISO 'T' (numeric rows only)
            sub = pc.if_else(pa.array(is_numeric), pc.replace_substring(sub, "t", " "), sub)
        words = _Words(pc.ascii_split_whitespace(sub))
        ts, ok = self._read(words, is_numeric, ap, pm, day_first, pos, dotted)
        self.put(pos, ts, ok)

    def _read(self, w: "_Words", is_numeric, ap, pm, day_first, pos, dotted):
        """Dates from words: [weekday] d mon y | [weekday] mon d y | y m d | a b y, then
        H M [S [fraction]]."""
        named = ~is_numeric
        weekday = named & w.alpha(0) & (w.alpha(1) | w.alpha(2))
        good = ~weekday | w.is_in(0, _WEEKDAYS)
        b = weekday.astype(np.int64)                       # index of the first date word
        month_first = named & w.alpha(b)
        p0, p1, p2 = w.ints(b), w.ints(b + 1), w.ints(b + 2)
        month_name = w.month(np.where(month_first, b, b + 1)) if named.any() else 0
        h, mi, sec = w.ints(b + 3), w.ints(b + 4), w.ints(b + 5)
        y_digits = w.digits(b + 2)
        ymd = is_numeric & (w.digits(b) == 4)
        y = np.where(ymd, p0, _years(p2, y_digits))
        good &= np.where(ymd, y_digits <= 2, np.isin(y_digits, (2, 4)))
        good &= np.where(ap, (h >= 1) & (h <= 12), h <= 23) & (mi <= 59) & (sec <= 59)
        h = np.where(ap, h % 12 + np.where(pm, 12, 0), h)
        m = np.where(is_numeric, p1, month_name)
        d = np.where(is_numeric, p2, np.where(month_first, p1, p0))
        dmy = is_numeric & ~ymd
        if dmy.any():
            if dotted[dmy].all():
                day_first = True
            self.day_first = _decide_day_first(p0[dmy], p1[dmy], self.weight[pos][dmy], day_first)
            m[dmy], d[dmy] = (p1[dmy], p0[dmy]) if self.day_first else (p0[dmy], p1[dmy])
        ts, ok = _civil(y, m, d, h * 3600 + mi * 60 + sec)
        return ts, ok & good

    def fallback(self) -> None:
        """Per cell, leftovers only: other ISO 8601 forms such as '2017-03-01T10:00:00Z'."""
        for p in np.flatnonzero(self.left & _match(self.u, r"^\d{4}-?\d{2}-?\d{2}[t ]")):
            value = _iso_or_none(self.u[int(p)].as_py())
            if value is not None:
                self.ts[p], self.ok[p] = value, True


class _Words:
    """The words of date strings, read by position within each string."""

    def __init__(self, lists: pa.ListArray):
        self.count = pc.list_value_length(lists).to_numpy(zero_copy_only=False).astype(np.int64)
        self.start = np.asarray(lists.offsets)[:-1].astype(np.int64)
        flat = pc.list_flatten(lists)
        self.flat = flat
        digit = _np(pc.ascii_is_decimal(flat))
        self.is_alpha = _np(pc.ascii_is_alpha(flat))
        ordinal = ~digit & ~self.is_alpha
        if ordinal.any():                                  # '11th' -> '11'
            flat = pc.if_else(pa.array(ordinal), pc.utf8_rtrim(flat, characters="stndrh"), flat)
            digit = _np(pc.ascii_is_decimal(flat))
        self.len = pc.binary_length(flat).to_numpy(zero_copy_only=False).astype(np.int64)
        self.val = _ints(pc.if_else(pa.array(digit), flat, "-1"))
        self.val[~digit] = -1
        self._month = None

    def _index(self, k) -> tuple[np.ndarray, np.ndarray]:
        k = np.broadcast_to(np.asarray(k, dtype=np.int64), self.count.shape)
        has = self.count > k
        return has, np.where(has, self.start + k, 0)

    def _at(self, k, source: np.ndarray, default) -> np.ndarray:
        has, idx = self._index(k)
        if not len(source):
            return np.full(len(self.count), default, dtype=np.asarray(default).dtype)
        return np.where(has, source[idx], default)

    def ints(self, k) -> np.ndarray:
        """Word k as a number (0 when missing, -1 when not all digits)."""
        return self._at(k, self.val, 0)

    def digits(self, k) -> np.ndarray:
        return self._at(k, self.len, 0)

    def alpha(self, k) -> np.ndarray:
        return self._at(k, self.is_alpha, False)

    def is_in(self, k, words) -> np.ndarray:
        has, idx = self._index(k)
        member = self.is_alpha.copy()
        if member.any():
            member[member] = _np(pc.is_in(_where(self.flat, member), value_set=pa.array(words)))
        return has & member[idx] if len(member) else has

    def month(self, k) -> np.ndarray:
        """Word k as a month number (0 when it is no month name)."""
        if self._month is None:
            self._month = np.zeros(len(self.is_alpha), dtype=np.int64)
            if self.is_alpha.any():
                idx = pc.index_in(_where(self.flat, self.is_alpha), value_set=_MONTH_NAMES)
                self._month[self.is_alpha] = _MONTH_NUMBERS[
                    pc.fill_null(idx, -1).to_numpy(zero_copy_only=False) + 1]
        return self._at(k, self._month, 0)


def _ints(arr: pa.Array) -> np.ndarray:
    """All-digit strings as int64 (empty -> 0; anything else, or too long, -> -1)."""
    arr = pc.fill_null(arr, "")
    arr = pc.if_else(pc.equal(arr, ""), "0", arr)
    try:
        return pc.cast(arr, pa.int64()).to_numpy(zero_copy_only=False).astype(np.int64)
    except pa.ArrowException:
        return np.array([int(v) if v.isdigit() and len(v) < 18 else -1 for v in arr.to_pylist()],
                        dtype=np.int64)


def _iso_or_none(text: str) -> np.datetime64 | None:
    if len(text) > 64:
        return None
    try:
        value = dt.datetime.fromisoformat(text.upper())
    except ValueError:
        return None
    return np.datetime64(value.replace(tzinfo=None, microsecond=0), "s")


def _date_objects(objs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """date/datetime/Timestamp/datetime64 cells -> datetime64[s] (rounded) and validity."""
    try:
        idx = pd.DatetimeIndex(pd.to_datetime(pd.Series(objs, dtype=object)))
        if idx.tz is not None:
            idx = idx.tz_localize(None)
    except (ValueError, TypeError, OverflowError):
        idx = pd.DatetimeIndex([_naive(v) for v in objs])
    ok = ~np.asarray(idx.isna())
    floor = idx.floor("s").to_numpy().astype("datetime64[s]")
    try:
        rounded = idx.round("s").to_numpy().astype("datetime64[s]")
    except (ValueError, OverflowError):
        rounded = floor
    ts = np.where(rounded > _MAX_TS, floor, rounded)
    return np.where(ok, ts, np.datetime64(0, "s")), ok


def _naive(v: object) -> pd.Timestamp:
    """One cell as a naive Timestamp (NaT when impossible)."""
    try:
        ts = pd.Timestamp(v)
        return ts.tz_localize(None) if ts.tz is not None else ts
    except (ValueError, TypeError, OverflowError):
        return pd.NaT


def _iso(ts: np.ndarray) -> np.ndarray:
    """datetime64[s] -> 'YYYY-MM-DD', or 'YYYY-MM-DD HH:MM:SS' when not midnight (object).
    Each distinct moment is formatted once."""
    seconds = np.asarray(ts, dtype="datetime64[s]").view(np.int64)
    codes, uniques = pd.factorize(seconds)
    if len(uniques) < len(seconds):
        return _iso_distinct(uniques)[codes]
    return _iso_distinct(seconds)


def _iso_distinct(seconds: np.ndarray) -> np.ndarray:
    full = pc.cast(pa.array(seconds.astype("datetime64[s]")), pa.string())
    timed = pa.array(seconds % 86400 != 0)
    out = pc.if_else(timed, full, pc.utf8_slice_codeunits(full, 0, 10))
    return out.to_numpy(zero_copy_only=False)


def _iso_cells(objs: np.ndarray, parse) -> tuple[np.ndarray, np.ndarray]:
    """ISO strings (None where impossible) and validity for cells parsed by ``parse``."""
    ts, ok = parse(objs)
    text = np.full(len(objs), None, dtype=object)
    if ok.any():
        text[ok] = _iso(ts[ok])
    return text, ok


def parse_dates(s: pd.Series, *, day_first: bool | None = None
                ) -> tuple[pd.Series, pd.Series, bool | None]:
    """Dates to ISO strings ('YYYY-MM-DD', or 'YYYY-MM-DD HH:MM:SS' when not midnight).

    Accepts date objects; Excel serials (numbers or numeric strings 1..2958465);
    YYYYMMDD as an 8-digit number or string; ISO (also with a timezone, which is dropped) and 'YYYY.MM.DD HH:MM'; d/m/y or m/d/y with '/', '-' or '.' and 2- or
    4-digit years, optionally with a time and am/pm; month names ('11-Feb-17',
    '11 Feb 2017', 'Feb 11, 2017', 'February 11 2017'); '2017年2月11日' and Czech
    '11. 2. 2017' (``_CJK_DATE``, ``_SPACED_DOTS``). The third element is the d/m order
    used for numeric d/m/y cells (None if there were none): a part over 12 decides, else
    ``day_first``, else day-first. Impossible dates are bad.
    """
    cells = _Cells(s)
    values = np.full(len(cells), None, dtype=object)
    bad = np.isin(cells.kind, (BOOL, TIME, OTHER))
    num = cells.pick(NUM)
    if len(num):
        values[num], ok = _iso_cells(cells.floats(num), _serials_or_compact)
        bad[num] = ~ok
    objs = cells.pick(DATE)
    if len(objs):
        values[objs], ok = _iso_cells(cells.values[objs], _date_objects)
        bad[objs] = ~ok
    pos, t = cells.strings()
    decision = None
    if len(pos):
        encoded = pc.dictionary_encode(t)
        inverse = encoded.indices.to_numpy(zero_copy_only=False)
        parser = _DateStrings(pc.utf8_lower(encoded.dictionary),
                              np.bincount(inverse, minlength=len(encoded.dictionary)))
        parser.run(day_first)
        text = np.full(len(parser.ok), None, dtype=object)
        if parser.ok.any():
            text[parser.ok] = _iso(parser.ts[parser.ok])
        values[pos] = text[inverse]
        bad[pos] = (~parser.ok & ~parser.empty)[inverse]
        decision = parser.day_first
    return (pd.Series(values, index=cells.index, dtype=object),
            pd.Series(bad, index=cells.index), decision)


# ---------------------------------------------------------------------------------------
# Dates far from today
# ---------------------------------------------------------------------------------------
# The policy (also in the README's Decisions): a date that stands for "no date" is left
# empty on import, with a note per column saying how many and why; every other date, however
# far (1500, 1850, 2150, 9998), is kept as written, and whatever moves a date by days or
# months holds it within the calendar, 0001-01-01 to 9999-12-31, instead of raising.

PLACEHOLDER_DAYS = (
    "0001-01-01",                  # the calendar's first day: "minimum" dates of .NET, Java, SQL
    "1753-01-01",                  # SQL Server datetime's minimum
    "1899-12-30", "1899-12-31",    # day zero of Excel and OLE serials, as tools write it out
    "1900-01-01",                  # Excel serial 1, SQL Server's default date
)
PLACEHOLDER_YEAR = "9999-"         # 9999-12-31 and its kin: "no end date"
_PLACEHOLDER_DAYS = pa.array(PLACEHOLDER_DAYS)
# Zero dates, which no calendar holds: Excel serial 0, MySQL's 0000-00-00, 00/00/0000, and
# Excel's own 1900-01-00.
_ZERO_DATE = re.compile(r"0+(?:[-/.]0+){0,2}(?:[ t]0+(?::0+){1,2})?|1900-01-00|00/01/1900")
# A day not fixed yet, written where the date goes (a private chef's event "TBC", "T.B.A.",
# "to be confirmed"): no date yet, as a placeholder is.
_DAY_NOT_FIXED = re.compile(r"t\.?b\.?[acd]\.?\??|to be (?:confirmed|arranged|decided|agreed)|"
                            r"date tbc|date to be confirmed")


def placeholder_dates(raw: pd.Series, parsed: pd.Series, bad: pd.Series) -> pd.Series:
    """True where a date cell stands for "no date": any day of the year 9999, a day of
    ``PLACEHOLDER_DAYS`` (at any time), a zero date or a day not fixed yet ("TBC"; both of
    which ``parse_dates`` calls bad).
    ``parsed`` and ``bad`` are what ``parse_dates`` made of ``raw``."""
    text = pa.array(parsed.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
    hit = _np(pc.is_in(pc.utf8_slice_codeunits(text, 0, 10), value_set=_PLACEHOLDER_DAYS))
    hit |= _np(pc.starts_with(text, PLACEHOLDER_YEAR))
    for i in np.flatnonzero(bad.to_numpy(dtype=bool)):
        hit[i] = _is_zero_date(raw.iat[i])
    return pd.Series(hit, index=raw.index)


def _is_zero_date(cell: object) -> bool:
    if isinstance(cell, (bool, np.bool_)):
        return False
    if isinstance(cell, numbers.Real):
        return cell == 0
    return isinstance(cell, str) and (_ZERO_DATE.fullmatch(cell.strip().lower()) is not None
                                      or _DAY_NOT_FIXED.fullmatch(cell.strip().lower()) is not None)


def blank_placeholder_dates(header: str, raw: pd.Series, parsed: pd.Series, bad: pd.Series
                            ) -> tuple[pd.Series, pd.Series, list[str]]:
    """``parsed`` and ``bad`` with placeholder dates (``placeholder_dates``) made empty,
    and the note that says so for the column ``header`` (none when there were none)."""
    placeholder = placeholder_dates(raw, parsed, bad)
    count = int(placeholder.sum())
    if not count:
        return parsed, bad, []
    shown = [str(p)[:10] if p is not None else "0" if isinstance(r, numbers.Real)
             else _plain_str(r) for p, r in zip(parsed[placeholder], raw[placeholder])]
    distinct = list(dict.fromkeys(shown))
    examples = ", ".join(distinct[:3]) + (", …" if len(distinct) > 3 else "")
    what, it = (("date was a placeholder that means", "it was") if count == 1
                else ("dates were placeholders that mean", "they were"))
    note = (f"Column '{header}': {count:,} {what} \"no date\" ({examples}), so {it} "
            "left empty.")
    return parsed.mask(placeholder, None), bad & ~placeholder, [note]


# --- arithmetic held within the calendar -----------------------------------------------

def stored_day(value: object) -> str | None:
    """The ISO day at the start of a stored date ('YYYY-MM-DD…'), or None when it is none."""
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None


def today() -> dt.date:
    """Today's date: where the data's dates end when they run on into the future (a
    booking, a planned project: things not done yet). A function, so tests can fix it."""
    return dt.date.today()


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days`` (back when negative), held within the calendar
    (0001-01-01 to 9999-12-31) where plain date arithmetic would raise."""
    ordinal = day.toordinal() + int(days)
    return dt.date.fromordinal(min(max(ordinal, 1), dt.date.max.toordinal()))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (earlier when negative; the month's last day when it
    is shorter), held within the calendar."""
    total = day.year * 12 + day.month - 1 + int(months)
    if total < 12:
        return dt.date.min
    if total >= 10_000 * 12:
        return dt.date.max
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


# ---------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------

# An address with its owner's name: "Jane Doe (jane@acme.com)", "Jane Doe <jane@acme.com>".
NAMED_ADDRESS = re.compile(r"^\s*([^<>()@]*?)\s*[<(]\s*([^@\s,;<>()]+@[^@\s,;<>()]+\.[^@\s,;<>()]+)"
                           r"\s*[>)]\s*$")


# An address with a note after it: "jane@acme.com (work)", "jane@acme.com [old]".
NOTED_ADDRESS = re.compile(r"^\s*([^@\s,;<>()]+@[^@\s,;<>()]+\.[^@\s,;<>()\[\]]+)"
                           r"\s*[(\[][^()\[\]@]*[)\]]\s*$")
# A shop's departments, whom an item is for (Poshmark's "Department": Men, Women, Kids): the
# item's category on an order, never a team of the business's own.
SHOP_DEPARTMENTS = frozenset(match_key(w) for w in (
    "men", "mens", "men's", "women", "womens", "women's", "kids", "kid", "children", "baby",
    "babies", "boys", "girls", "unisex", "juniors", "teens", "home", "pets", "herren",
    "damen", "kinder", "homme", "femme", "enfant", "enfants", "hombre", "mujer", "ninos",
    "nina", "nino", "uomo", "donna", "bambini", "heren", "dames"))
# What a shared mailbox is labelled before its address ("Accounts (ann@acme.com)"): a
# department's, no person's name.
MAILBOX_LABELS = frozenset(match_key(w) for w in (
    "accounts", "account", "accounts payable", "accounts receivable", "accounts dept",
    "accounts department", "billing", "invoices", "invoicing", "payments", "finance", "admin",
    "administration", "office", "info", "information", "enquiries", "inquiries", "sales",
    "support", "help", "helpdesk", "hello", "team", "reception", "bookings", "orders",
    "contact", "general", "noreply", "no reply", "work", "home", "personal", "main", "other"))


# Mail providers anyone may sign up to: addresses there are people's own, so many of one of
# these is no team's domain (an issue tracker's staff share their business's).
PUBLIC_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com",
    "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.ca", "yahoo.fr", "yahoo.es", "ymail.com",
    "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de",
    "gmx.net", "gmx.com", "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net",
    "btinternet.com", "sky.com", "bigpond.com", "mail.com", "zoho.com", "yandex.ru",
    "mail.ru", "qq.com", "163.com", "uol.com.br", "bol.com.br", "terra.com.br",
    "libero.it", "hotmail.fr", "hotmail.es", "outlook.fr", "outlook.es"})


def mailbox(address: str) -> str:
    """An address as the mailbox it reaches: a "+tag" before the "@" left out
    ("tom.baker+gym@gmail.com" is tom.baker@gmail.com: a sign-up's or a billing contact's
    sub-address)."""
    local, at, domain = address.partition("@")
    plus = local.find("+")
    return f"{local[:plus]}@{domain}" if at and plus > 0 else address


def mailbox_keys(column: pd.Series) -> pd.Series:
    """E-mail addresses as one person is known by them: trimmed, lower case, the mailbox
    each reaches (``mailbox``); None kept."""
    return (column.astype(str).str.strip().str.casefold().map(mailbox)
            .where(column.notna()).astype(object))


def company_else_contact(company: pd.Series, contact: pd.Series) -> pd.Series:
    """Whom a deal (or a row of a CRM) is for: its company, else its contact person."""
    return company.where(company.notna(), contact)


def split_named_addresses(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Each cell's e-mail address and the name before it ("Jane Doe (jane@acme.com)" ->
    "jane@acme.com", "Jane Doe"); a cell of an address alone keeps it, with no name, and
    so does one with a note after it ("jane@acme.com (work)"). A shared mailbox's label
    ("Accounts (jane@acme.com)", ``MAILBOX_LABELS``) is no one's name. (A column with no
    "<", "(" or "[" in it is given back at once.)"""
    try:
        cells = pa.array(s.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
        written = written_bytes(cells)
        if not any(mark in written for mark in (b"<", b"(", b"[")):
            return s, pd.Series([None] * len(s), index=s.index, dtype=object)
    except (pa.ArrowInvalid, pa.ArrowTypeError):     # (cells that are no text: look at all)
        pass
    text = s.where(s.map(type).eq(str))
    parts = text.str.extract(NAMED_ADDRESS)
    noted = text.str.extract(NOTED_ADDRESS)[0]
    addresses = parts[1].where(parts[1].notna(), noted.where(noted.notna(), s))
    names = parts[0].where(parts[0].fillna("").str.strip().ne(""))
    labels = names.notna()
    labels[labels] = names[labels].map(match_key).isin(MAILBOX_LABELS)
    return addresses.astype(object), names.where(~labels).astype(object)


def parse_text(s: pd.Series, stripped: bool = False) -> tuple[pd.Series, pd.Series]:
    """Strings stripped (blank -> None); 42420.0 -> '42420'; dates -> ISO; TRUE/FALSE for
    booleans; never bad. Text is kept as written: formulas ('=cmd|...') and HTML are not
    escaped here (the export and the pages do that where it matters).

    ``stripped``: the strings are known to be stripped and never blank (a RawSheet's
    cells); a column of nothing but such strings and None is then returned as it is.
    """
    if stripped and not isinstance(s.dtype, pd.CategoricalDtype):
        cells = s.to_numpy(dtype=object)
        if set(map(type, cells)) <= {str, type(None)}:
            return (pd.Series(cells, index=s.index, dtype=object),
                    pd.Series(np.zeros(len(cells), bool), index=s.index))
    cells = _Cells(s)
    n = len(cells)
    values = np.full(n, None, dtype=object)
    pos, text = cells.texts()
    if len(pos):
        values[pos] = text
    num = cells.pick(NUM)
    if len(num):
        f = cells.floats(num)
        text = _number_text(f)
        # Huge numbers and infinities: as Python writes the original (exact for ints).
        odd = np.flatnonzero(pd.isna(text) | (np.abs(np.nan_to_num(f)) >= 1e15))
        text[odd] = [_plain_str(v) for v in cells.values[num[odd]]]
        values[num] = text
    flags = cells.pick(BOOL)
    values[flags] = ["TRUE" if v else "FALSE" for v in cells.values[flags]]
    objs = cells.pick(DATE)
    if len(objs):
        values[objs], _ = _iso_cells(cells.values[objs], _date_objects)
    for kind in (TIME, OTHER):
        where = cells.pick(kind)
        values[where] = [_plain_str(v) for v in cells.values[where]]
    return pd.Series(values, index=cells.index, dtype=object), pd.Series(np.zeros(n, bool), index=cells.index)


def _number_text(f: np.ndarray) -> np.ndarray:
    """Floats as people wrote them: whole ones without '.0', others in shortest form."""
    out = np.full(len(f), None, dtype=object)
    finite = np.isfinite(f)
    whole = finite & (np.floor(f) == f) & (np.abs(f) < 1e15)
    out[whole] = f[whole].astype(np.int64).astype(str).astype(object)
    frac = finite & ~whole
    out[frac] = f[frac].astype(str).astype(object)
    return out


def _plain_str(v: object) -> str | None:
    try:
        text = v.isoformat() if isinstance(v, dt.time) else str(v)
    except Exception:  # noqa: BLE001 - a cell's __str__ must never break an import
        return None
    return text.strip() or None


# ---------------------------------------------------------------------------------------
# Database boundary
# ---------------------------------------------------------------------------------------

def is_blank(value: object) -> bool:
    """A cell that holds nothing: None, NaN or NA, or only spaces."""
    if value is None:
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):          # a list or an array: not one missing value
        pass
    return isinstance(value, str) and not value.strip()


# --- phone numbers, as clients are matched by them ------------------------------------------

# The calling code and the national trunk prefix of the countries a business may name as its
# own (the workspace's ``country`` setting: an ISO code or an English name). A trunk of ""
# means numbers are dialled at home as abroad, without the code (Spain; Italy, whose
# leading 0 belongs to the number).
PHONE_COUNTRIES = {
    "gb": ("44", "0"), "uk": ("44", "0"), "united kingdom": ("44", "0"), "ie": ("353", "0"),
    "ireland": ("353", "0"), "us": ("1", "1"), "usa": ("1", "1"),
    "united states": ("1", "1"), "ca": ("1", "1"), "canada": ("1", "1"),
    "au": ("61", "0"), "australia": ("61", "0"), "nz": ("64", "0"),
    "new zealand": ("64", "0"), "de": ("49", "0"), "germany": ("49", "0"),
    "at": ("43", "0"), "austria": ("43", "0"), "ch": ("41", "0"), "switzerland": ("41", "0"),
    "fr": ("33", "0"), "france": ("33", "0"), "nl": ("31", "0"), "netherlands": ("31", "0"),
    "be": ("32", "0"), "belgium": ("32", "0"), "es": ("34", ""), "spain": ("34", ""),
    "pt": ("351", ""), "portugal": ("351", ""), "it": ("39", ""), "italy": ("39", ""),
    "in": ("91", "0"), "india": ("91", "0"), "za": ("27", "0"), "south africa": ("27", "0"),
    "se": ("46", "0"), "sweden": ("46", "0"), "dk": ("45", ""), "denmark": ("45", ""),
    "no": ("47", ""), "norway": ("47", ""), "pl": ("48", ""), "poland": ("48", ""),
    "sg": ("65", ""), "singapore": ("65", ""), "br": ("55", "0"), "brazil": ("55", "0"),
    "mx": ("52", ""), "mexico": ("52", ""), "jp": ("81", "0"), "japan": ("81", "0"),
}
# Calling codes of one and of two digits (ITU-T E.164; no code is the start of another):
# every other code has three.
_ONE_DIGIT_CODES = pa.array(["1", "7"])
_TWO_DIGIT_CODES = pa.array(
    "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 "
    "60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98".split())
# Countries whose numbers keep their leading 0 after the calling code ("+39 06 1234 5678").
_ZERO_KEPT = pa.array(["39", "378", "379"])
# A national number (without its trunk prefix) has this many digits, at least and at most,
# as most are; one longer written without "+" starts with its calling code (WhatsApp's
# 447700900123); a number of more than _LONGEST digits is none.
PHONE_DIGITS = (7, 10)
_LONGEST = 13
# No number: one digit repeated (0000000000), and placeholders typed where none was known.
_NO_NUMBERS = pa.array(sorted({d * n for d in "0123456789" for n in range(1, _LONGEST + 1)}
                              | {"123456789", "1234567890", "0123456789", "12345678",
                                 "1234567"}))
# Where the number ends: an extension ("ext. 204", "x12", "#3"), a second number ("/ 020...",
# "; ", " or "), a remark ("(mum)", "work").
_NUMBER_ENDS = (r"(?i)(?:\s*(?:ext|extn|extension|x|#|/|;|,|\bor\b|\band\b)|"
                r"\s*\([^\d)][^)]*\)|\s+[^\W\d]{2,}).*$")


def phone_country(country: object) -> tuple[str, str] | None:
    """(calling code, trunk prefix) of a country named by its ISO code or English name
    (``PHONE_COUNTRIES``) or by its calling code ("+44"); None if not known."""
    word = " ".join(str(country or "").casefold().replace(".", "").split())
    if word.lstrip("+").isdigit():
        code = word.lstrip("+")
        return code, next((t for c, t in PHONE_COUNTRIES.values() if c == code), "0")
    return PHONE_COUNTRIES.get(word)


def phone_keys(column: pd.Series, country: tuple[str, str] | None = None) -> pd.Series:
    """Phone numbers as clients are matched by them: digits only, calling code first
    ("+44 7700 900123", "0044 7700 900123", "447700900123", "+44 (0)7700 900123" ->
    "447700900123"). A number written the national way ("07700 900123", "(07700) 900-123",
    "7700900123") takes ``country``'s calling code (``phone_country``), its trunk prefix
    dropped; with no country known it is "0" and the national number ("07700900123"): a
    key no number with a calling code has. An extension, a second number or a remark after
    the number is dropped; blanks, "n/a", fewer than 7 digits, one digit repeated
    ("0000000000") and placeholders ("1234567890") are no number (None). Vectorised."""
    texts = pa.array(parse_text(column)[0].to_numpy(dtype=object), pa.string())
    texts = pc.replace_substring_regex(texts, r"^\+\s*(\d{1,3})[\s.-]*\(\s*0\s*\)", r"+\1 ")
    texts = pc.replace_substring_regex(texts, _NUMBER_ENDS, "")
    abroad = pc.fill_null(pc.match_substring_regex(texts, r"^\s*(?:\+|00[1-9])"), False)
    digits = pc.replace_substring_regex(texts, r"\D+", "")
    digits = pc.if_else(pc.and_(abroad, pc.starts_with(digits, "00")),
                        pc.utf8_slice_codeunits(digits, 2), digits)
    length = pc.utf8_length(digits)
    by_zero = pc.starts_with(digits, "0")
    code, trunk = country or (None, None)
    # Written without "+": longer than a national number, or beginning with the country's
    # own code and as long as one of its numbers after it (not itself one: 4420... in GB).
    longest = PHONE_DIGITS[1] + (len(trunk) if trunk and trunk != "0" else 0)
    international = pc.or_(abroad, pc.and_(pc.greater(length, longest), pc.invert(by_zero)))
    if code:
        rest = pc.subtract(length, len(code))
        own = pc.and_(pc.starts_with(digits, code), pc.and_(
            pc.greater_equal(rest, PHONE_DIGITS[0]), pc.less_equal(rest, PHONE_DIGITS[1])))
        national_length = pc.and_(pc.greater_equal(length, PHONE_DIGITS[0]),
                                  pc.less_equal(length, PHONE_DIGITS[1]))
        international = pc.or_(international, pc.and_(own, pc.invert(national_length)))
    international = pc.fill_null(international, False)
    cc = pc.if_else(pc.is_in(pc.utf8_slice_codeunits(digits, 0, 1), _ONE_DIGIT_CODES),
                    pc.utf8_slice_codeunits(digits, 0, 1),
                    pc.if_else(pc.is_in(pc.utf8_slice_codeunits(digits, 0, 2), _TWO_DIGIT_CODES),
                               pc.utf8_slice_codeunits(digits, 0, 2),
                               pc.utf8_slice_codeunits(digits, 0, 3)))
    cc_length = pc.utf8_length(cc)
    after_code = pc.if_else(pc.equal(cc_length, 1), pc.utf8_slice_codeunits(digits, 1),
                            pc.if_else(pc.equal(cc_length, 2), pc.utf8_slice_codeunits(digits, 2),
                                       pc.utf8_slice_codeunits(digits, 3)))
    # ("+44 07700 ...": the trunk prefix written too)
    after_code = pc.if_else(pc.and_(pc.starts_with(after_code, "0"),
                                    pc.invert(pc.is_in(cc, _ZERO_KEPT))),
                            pc.utf8_slice_codeunits(after_code, 1), after_code)
    if trunk:               # the national way: the trunk prefix dropped ("1" before 10 digits)
        drop = pc.starts_with(digits, trunk)
        if trunk != "0":
            drop = pc.and_(drop, pc.equal(length, PHONE_DIGITS[1] + len(trunk)))
        at_home = pc.if_else(drop, pc.utf8_slice_codeunits(digits, len(trunk)), digits)
    elif code:              # (Spain, Italy: as written)
        at_home = digits
    else:                   # no country known: a leading 0 is a trunk prefix
        at_home = pc.if_else(by_zero, pc.utf8_slice_codeunits(digits, 1), digits)
    national = pc.if_else(international, after_code, at_home)
    prefix = pc.if_else(international, cc, pa.scalar(code or "0"))
    digits_in = pc.utf8_length(national)
    usable = pc.and_(pc.and_(pc.greater_equal(digits_in, PHONE_DIGITS[0]),
                             pc.less_equal(digits_in, _LONGEST)),
                     pc.invert(pc.is_in(national, _NO_NUMBERS)))
    keys = pc.if_else(pc.fill_null(usable, False),
                      pc.binary_join_element_wise(prefix, national, ""), pa.scalar(None, pa.string()))
    return pd.Series(keys.to_numpy(zero_copy_only=False), index=column.index, dtype=object)


def said_country(column: pd.Series) -> tuple[str, str] | None:
    """The country (as ``phone_country`` gives it) of the calling code that more than half
    of a column's numbers written with one ("+44 ...", "0044 ...") give: the numbers say
    where those written the national way are. None if none does."""
    texts = pa.array(parse_text(column)[0].to_numpy(dtype=object), pa.string())
    written = _np(pc.fill_null(pc.match_substring_regex(texts, r"^\s*(?:\+|00[1-9])"), False))
    if not written.any():
        return None
    keys = phone_keys(pd.Series(column.to_numpy(dtype=object)[written], dtype=object)).dropna()
    if not len(keys):
        return None
    one, two = keys.str[:1], keys.str[:2]
    codes = one.where(one.isin(_ONE_DIGIT_CODES.to_pylist()),
                      two.where(two.isin(_TWO_DIGIT_CODES.to_pylist()), keys.str[:3]))
    counts = codes.value_counts()
    return phone_country(counts.index[0]) if counts.iloc[0] * 2 > len(keys) else None


def to_sql_value(value: object) -> object:
    """NaN/NaT/pd.NA/None -> None; numpy scalars -> Python int/float/bool; else unchanged."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.generic):
        if isinstance(value, (np.datetime64, np.timedelta64)):
            return None if np.isnat(value) else value
        item = value.item()
        if isinstance(item, float) and math.isnan(item):
            return None
        return item
    return value


# ---------------------------------------------------------------------------------------
# Timing (by hand: python -m journey.values)
# ---------------------------------------------------------------------------------------

def _timing(rows: int = 100_000) -> None:
    """Print how long each parser takes on typical columns of ``rows`` distinct-ish cells."""
    rng = np.random.default_rng(0)
    amounts = rng.random(rows) * 20_000
    stamps = np.datetime64("2015-01-01T00:00") + rng.integers(0, 5_000_000, rows).astype("timedelta64[m]")
    days = pd.Series(stamps.astype("datetime64[D]"))
    stamp_s = pd.Series(stamps)

    def obj(values):
        return pd.Series(np.asarray(values, dtype=object), dtype=object)

    cases = [
        ("number: floats", parse_number, obj(amounts)),
        ("number: '1234.5' strings", parse_number, obj([f"{x:.2f}" for x in amounts])),
        ("money: '$1,234.50'", parse_money, obj([f"${x:,.2f}" for x in amounts])),
        ("money: '1.234,50 €'", parse_money,
         obj([f"{x:,.2f} €".replace(",", "_").replace(".", ",").replace("_", ".") for x in amounts])),
        ("percent: '45.3%'", parse_percent, obj([f"{x / 200:.1f}%" for x in amounts])),
        ("count: ints", parse_count, obj(rng.integers(0, 9, rows).tolist())),
        ("score: '0'..'10' strings", lambda c: parse_score(c, 0, 10), obj(rng.integers(0, 11, rows).astype(str))),
        ("bool: yes/no strings", parse_bool, obj(rng.choice(["Yes", "no", "Y", "TRUE ", ""], rows))),
        ("dates: datetime objects", parse_dates, obj(stamp_s.dt.to_pydatetime())),
        ("dates: serial floats", parse_dates, obj(rng.integers(40000, 45000, rows).astype(float))),
        ("dates: 'dd/mm/yyyy'", parse_dates, obj(days.dt.strftime("%d/%m/%Y"))),
        ("dates: 'dd/mm/yyyy HH:MM' (distinct)", parse_dates, obj(stamp_s.dt.strftime("%d/%m/%Y %H:%M"))),
        ("dates: ISO datetime (distinct)", parse_dates, obj(stamp_s.dt.strftime("%Y-%m-%dT%H:%M:%S"))),
        ("dates: '11-Feb-17'", parse_dates, obj(days.dt.strftime("%d-%b-%y"))),
        ("dates: 'Feb 11, 2017 HH:MM' (distinct)", parse_dates, obj(stamp_s.dt.strftime("%b %d, %Y %H:%M"))),
        ("text: strings", parse_text, obj([f" Client {i} " for i in range(rows)])),
        ("text: mixed types", parse_text,
         obj(rng.choice(np.array(["Acme", 42420.0, 3, dt.date(2017, 1, 1), None, True], dtype=object), rows))),
    ]
    for name, fn, col in cases:
        fn(col)                                  # warm up regex caches
        best = math.inf
        for _ in range(5):
            start = time.perf_counter()
            fn(col)
            best = min(best, time.perf_counter() - start)
        print(f"{name:40s} {best * 1000:7.1f} ms for {rows:,} rows (best of 5)")


if __name__ == "__main__":
    _timing()


# A day and a month with no year, as an owner writes them in a month's or a year's sheet:
# "2/1", "16-1", "3 Mar", "March 3", "3rd of March", "Sat 5 Apr".
_DAY_MONTH_NUMBERS = re.compile(r"^\s*\d{1,2}\s*([/.-])\s*\d{1,2}\s*$")
_DAY_MONTH_WORDS = re.compile(r"^\s*(?:([a-z]+)\.?,?\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?"
                              r"(?:\s+|-)([a-z]+)\.?|([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?)\s*$")
# ... and a month's word before the day with a dash ("Feb-24"), which alone is more often a
# month and a year (Excel's "mmm-yy"): a day only beside days written "24-Feb".
_MONTH_DASH_DAY = re.compile(r"^\s*([a-z]+)-(\d{1,2})\s*$")
# A month and a year with no day ("Jan 2024", "January 2024", "Feb-24", "Jun '24",
# "02/2024", "2024-02"): a month's word and a year of two or four digits, or a month's
# number and a year of four.
_MONTH_YEAR = re.compile(r"^\s*(?:(?P<word>[a-z]+)\.?(?:[\s,]*(?P<year>(?:19|20)\d\d)|\s*(?:[-/]|\s')"
                         r"\s*'?(?P<yy>\d\d))|(?P<month>\d{1,2})\s*[/.-]\s*(?P<year_after>(?:19|20)"
                         r"\d\d)|(?P<year_before>(?:19|20)\d\d)\s*[/.-]\s*(?P<month_after>\d{1,2}))\s*$")
_A_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEARS_SPAN = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-/–]\s*(?:(?:19|20)?\d\d)(?!\d)")


def year_named(text: object) -> int | None:
    """The one year a title, a sheet's or a file's name names ("Cake orders - March 2025":
    2025), or None where it names none or several."""
    if _YEARS_SPAN.search(str(text or "")):
        return None                     # ("2024-25", a tax year: which of the two?)
    years = set(_A_YEAR.findall(str(text or "")))
    return int(years.pop()) if len(years) == 1 else None


def with_year(cell: object, year: int, month_dash_day: bool = False) -> str | None:
    """A day and a month written without a year ("2/1", "3 Mar", "24-Feb", "March 3") with
    ``year`` added ("2/1/2025", "3 Mar 2025"), or None where the cell is no such date.
    "Feb-24" is a day only where ``month_dash_day`` says so (beside days written "24-Feb")."""
    if not isinstance(cell, str):
        return None
    written = " ".join(cell.split())
    text = written.casefold()
    if found := _DAY_MONTH_NUMBERS.match(text):
        return f"{written}{found[1]}{year}"
    if month_dash_day and (found := _MONTH_DASH_DAY.match(text)) and found[1] in _MONTHS:
        return f"{found[1]} {found[2]} {year}"
    found = _DAY_MONTH_WORDS.match(text)
    if not found or found[1] and found[1] not in _WEEKDAYS:
        return None
    month = found[3] or found[4]
    return f"{written.replace('-', ' ')} {year}" if month in _MONTHS else None


def is_weekday(cell: object) -> bool:
    """Whether a cell is a day of the week alone ("Friday", "Mon")."""
    return isinstance(cell, str) and cell.strip().rstrip(".").casefold() in _WEEKDAYS[1:]


def is_day_dash_month(cell: object) -> bool:
    """Whether a cell is a day, a dash and a month's word with no year ("24-Feb")."""
    found = isinstance(cell, str) and _DAY_MONTH_WORDS.match(cell.strip().casefold())
    return bool(found) and "-" in cell and found[3] in _MONTHS


def month_year_start(cell: object) -> str | None:
    """The first day of a month written with its year and no day ("Jan 2024", "Feb-24",
    "02/2024", "2024-02": "2024-02-01"), as ISO; None for anything else."""
    if not isinstance(cell, str):
        return None
    found = _MONTH_YEAR.match(cell.casefold())
    if not found:
        return None
    if found["word"] is not None:
        month = _MONTHS.get(found["word"])
        year = int(found["year"]) if found["year"] else int(found["yy"]) + (
            2000 if int(found["yy"]) <= today().year % 100 + 1 else 1900)
    else:
        month = int(found["month"] or found["month_after"])
        year = int(found["year_after"] or found["year_before"])
    return f"{year:04d}-{month:02d}-01" if month and 1 <= month <= 12 else None


# A stay or a booking written as a range of days: "10-14 Apr 2025", "3–5 May",
# "28 Apr - 2 May 2025", "Apr 10-14, 2025", "10/04/2025 - 14/04/2025". Its first day is the
# booking's date. A range needs a month's word on its days, or a whole date on each side:
# "7-9" (a score), "2025-104" (an invoice) and "9-5" (hours) are none.
_TO = r"\s*[-–—]\s*|\s+(?:to|until|till|thru|through)\s+"
_WEEKDAY_BEFORE = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR_AFTER = r"(?:,?\s+((?:19|20)\d\d))?"
_DAYS_THEN_MONTH = re.compile(
    rf"(?i)^{_WEEKDAY_BEFORE}{_DAY}(?:\s+([a-z]+)\.?{_YEAR_AFTER})?(?:{_TO})"
    rf"{_WEEKDAY_BEFORE}{_DAY}\s+([a-z]+)\.?{_YEAR_AFTER}$")
_MONTH_THEN_DAYS = re.compile(
    rf"(?i)^{_WEEKDAY_BEFORE}([a-z]+)\.?\s+{_DAY}{_YEAR_AFTER}(?:{_TO})"
    rf"(?:([a-z]+)\.?\s+)?{_DAY}{_YEAR_AFTER}$")
_WHOLE_DATES = re.compile(r"^(\d{1,4}([/.-])\d{1,2}\2\d{2,4})(?:\s+[-–—]\s+|\s*[–—]\s*|\s+to\s+|"
                          r"(?<=\d[/.]\d\d)-|(?<=\d[/.]\d\d\d\d)-)(\d{1,4}\2\d{1,2}\2\d{2,4})$",
                          re.IGNORECASE)


# What every range of days holds, and a date alone does not ("2025-04-10", "10:00 -0500"): a
# long dash after a day, a dash or a "to" between spaces, two days joined by a dash
# ("10-14"), or two dates written with slashes joined by one: a quick look that spares the
# reading of columns of none.
_RANGE_HINT = (r"(?i)\d\s*[–—]|\s(?:-|to|until|till|thru|through)\s+(?:[a-z]+\.?,?\s+)?\d|"
               r"(?:^|[^\d/.-])\d{1,2}(?:st|nd|rd|th)?-\d{1,2}(?:$|[^\d/.:-])|\d[/.]\d{2,4}-\d")


def date_range_starts(column: pd.Series) -> pd.Series:
    """``date_range_start`` of each cell of a column (None where it is no range); quick on a
    column with none."""
    texts = [cell for cell in pd.unique(column.dropna()) if isinstance(cell, str)]
    if not texts or not _match(pa.array(texts, pa.string()), _RANGE_HINT).any():
        return pd.Series(None, index=column.index, dtype=object)
    return per_distinct(column, date_range_start)


def date_range_start(cell: object) -> str | None:
    """The first day of a range of days written in one cell ("10-14 Apr 2025": "10 Apr 2025",
    "Apr 28 - May 2, 2025": "28 Apr 2025", "30 Dec - 2 Jan 2025": "30 Dec 2024",
    "3–5 May": "3 May", "10/04/2025 - 14/04/2025": "10/04/2025"), as written for
    ``parse_dates`` (or ``with_year`` where no year is given); None for anything else, and
    for a range that ends before it starts."""
    if not isinstance(cell, str) or not any(ch.isdigit() for ch in cell):
        return None
    text = " ".join(cell.split())
    if found := _WHOLE_DATES.match(text):
        return found[1]
    if found := _DAYS_THEN_MONTH.match(text):
        day, month, year, last_day, last_month, last_year = found.groups()
    elif found := _MONTH_THEN_DAYS.match(text):
        month, day, year, last_month, last_day, last_year = found.groups()
    else:
        return None
    month = month or last_month
    last_month = last_month or month
    number, last_number = _MONTHS.get(month.casefold()), _MONTHS.get(last_month.casefold())
    if not number or not last_number or not (1 <= int(day) <= 31 and 1 <= int(last_day) <= 31):
        return None
    if year is None and last_year is not None:
        year = str(int(last_year) - (number > last_number))     # (over a year's end,
        if number > last_number and number - last_number < 9:  # within a season: not
            return None                                         # "2 May - 28 Apr 2025")
    if (int(year or 0), number, int(day)) >= (int(last_year or year or 0), last_number,
                                               int(last_day)):
        return None
    return f"{int(day)} {month} {year}" if year else f"{int(day)} {month}"
