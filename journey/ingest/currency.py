"""The currency a sheet's amounts are written in, and the workspace's currency it may set.

- Reading (``amount_currencies``): each amount's currency, from a column saying it
  ("Currency": GBP, as Stripe and Shopify write), else from the money column's header
  ("Fee (£)", "Amount EUR"), else from the cell itself ("£1,200", "1.200,50 €"). One
  currency is the sheet's (``PreparedSheet.currency``); more than one is said, and the
  amounts are added as written, with no exchange rate.
- Deciding (``settle_currency``): a workspace whose currency nobody has set yet (neither
  its owner, on the Import page or with ``python -m journey settings``, nor an earlier
  import) takes the currency of the first file whose money is in one; the import records
  the setting's row, so undoing it puts back what was there. A currency already set, by
  the owner or by an earlier file, is never switched: the import says so instead.

Only what a sheet writes unambiguously names a currency: "kr" (Swedish, Norwegian or
Danish), "Fr." or "Rs" are read as money but name none here.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlite_utils import Database

from ..fields import CURRENCY_COLUMN, normalise_header
from ..journal import keyed_before, record_keyed_change
from ..text import counted
from ..values import CURRENCY_CODES
from ..workspace import SETTINGS

# Currencies by ISO code: the symbol money is shown with, and the name of its money.
CURRENCIES = {
    "GBP": ("£", "pounds"), "EUR": ("€", "euros"), "USD": ("$", "dollars"),
    "JPY": ("¥", "yen"), "CNY": ("¥", "yuan"), "INR": ("₹", "rupees"),
    "AUD": ("A$", "Australian dollars"), "CAD": ("C$", "Canadian dollars"),
    "NZD": ("NZ$", "New Zealand dollars"), "HKD": ("HK$", "Hong Kong dollars"),
    "SGD": ("S$", "Singapore dollars"), "MXN": ("MX$", "Mexican pesos"),
    "BRL": ("R$", "reais"), "KRW": ("₩", "won"), "RUB": ("₽", "roubles"),
    "TRY": ("₺", "lira"), "ILS": ("₪", "shekels"), "VND": ("₫", "dong"), "THB": ("฿", "baht"),
    "UAH": ("₴", "hryvnias"), "NGN": ("₦", "naira"), "PHP": ("₱", "pesos"),
    "PLN": ("zł", "złoty"), "CZK": ("Kč", "koruna"), "CHF": ("CHF", "Swiss francs"),
    "ZAR": ("R", "rand"), "SEK": ("SEK", "Swedish kronor"), "NOK": ("NOK", "Norwegian kroner"),
    "DKK": ("DKK", "Danish kroner"),
}
# The symbols the Import page offers (the owner may type any other).
COMMON_SYMBOLS = ("$", "£", "€", "¥", "₹", "A$", "C$", "NZ$", "CHF", "R$", "R", "kr")

# What a cell may write beside its amount, each naming one currency (lower case). ISO codes
# stand alone ("EUR 1.200"): a code inside a word is none.
_CELL_TOKENS = {
    "£": "GBP", "€": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "us$": "USD",
    "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD",
    "s$": "SGD", "r$": "BRL", "mx$": "MXN", "¥": "JPY", "円": "JPY", "₹": "INR", "₩": "KRW",
    "₽": "RUB", "руб": "RUB", "₺": "TRY", "₪": "ILS", "₫": "VND", "฿": "THB", "₴": "UAH",
    "грн": "UAH", "₦": "NGN", "₱": "PHP", "zł": "PLN", "kč": "CZK",
}
# (the money reader's codes, values.CURRENCY_CODES, and Latin America's pesos and soles)
_CODES = (*CURRENCY_CODES, "cop", "pen", "clp", "ars")
_TOKEN_CODES = {**_CELL_TOKENS, **{code: code.upper() for code in _CODES}, "rmb": "CNY"}
# (RE2, run by pyarrow) a sign, with the letters that may name its dollar ("NZ$"); else
# a word or code not inside a longer word. Two patterns, each quick on a million cells.
_CELL_SIGN = ("(?P<token>[A-Za-z]{0,3}\\$|["
              + "".join(t for t in _TOKEN_CODES if len(t) == 1 and t != "$") + "])")
_CELL_WORD = (r"(?i)(?:^|[^\p{L}])(?P<token>" + "|".join(
    sorted((t for t in _TOKEN_CODES if t.isalpha() and len(t) > 1), key=len, reverse=True))
    + r")(?:[^\p{L}]|$)")

# A currency a money column's header names ("Fee (£)", "Price EUR").
_HEADER_CURRENCY = re.compile(r"(?<![A-Za-z])(GBP|EUR|USD|CAD|AUD|NZD|CHF|JPY|SEK|NOK|DKK|"
                              r"INR|ZAR)(?![A-Za-z])|([£€¥₹])")
MONEY_FIELDS = ("amount", "revenue_current", "revenue_potential")


def symbol_and_name(code: str) -> tuple[str, str]:
    """A currency's symbol and the name of its money: GBP -> ("£", "pounds")."""
    return CURRENCIES.get(code, (code, code))


def amount_currencies(rows: pd.DataFrame, frame: pd.DataFrame, row_numbers: list[int],
                      mapping: dict[str, str | None]) -> tuple[pd.Series, str]:
    """How many rows with an amount are in each currency (code -> rows, most first), and
    where that was read ("in 'Currency'"). Empty when the sheet names no currency.
    (``rows`` are matched to the sheet by their row numbers: a refunded order's two events
    share one.)"""
    money = [c for c in MONEY_FIELDS if c in rows]
    if not money or "_row" not in rows:
        return pd.Series(dtype=int), ""
    said = next((h for h, target in mapping.items() if not target and h in frame
                 and CURRENCY_COLUMN.match(normalise_header(h))), None)
    if said is not None:
        each, where = frame[said], f"in '{said}'"
    else:
        each, where = _from_headers(frame, mapping, money) or _from_cells(frame, mapping, money)
    by_row = pd.Series(each.to_numpy(), index=row_numbers)
    valued = rows[money].notna().any(axis=1)
    written = rows.loc[valued, "_row"].drop_duplicates().map(by_row)
    counts = written.dropna().astype(str).str.strip().str.upper().value_counts()
    return counts[counts.index != ""], where


def mixed_note(counts: pd.Series, where: str) -> list[str]:
    """What the import says of amounts in more than one currency (nothing for one)."""
    if len(counts) < 2:
        return []
    listed = ", ".join(f"{code} ({counted(int(n), 'row')})" for code, n in counts.items())
    return [f"Amounts are in more than one currency ({listed}, {where}): they were added "
            "together as written, with no exchange rate."]


def _from_headers(frame: pd.DataFrame, mapping: dict[str, str | None],
                  money: list[str]) -> tuple[pd.Series, str] | None:
    """Where the columns read as a money field name their currency ("Fee (£)", "Fee (€)";
    "Amount (GBP)"): each row's currency (that of the first such column holding an amount
    there) and the columns' names, or None."""
    for target in money:
        codes = {}
        for header in (h for h, f in mapping.items() if f == target and h in frame):
            found = _HEADER_CURRENCY.search(str(header))
            if found:
                codes[header] = found[1] or _CELL_TOKENS[found[2]]
        if not codes:
            continue
        each = pd.Series(None, index=frame.index, dtype=object)
        for header, code in reversed(codes.items()):
            filled = frame[header].notna() & frame[header].astype(str).str.strip().ne("")
            each = each.mask(filled, code)
        named = " and ".join(f"'{h}'" for h in codes)
        return each, ("in columns " if len(codes) > 1 else "in column ") + named
    return None


def _from_cells(frame: pd.DataFrame, mapping: dict[str, str | None],
                money: list[str]) -> tuple[pd.Series, str]:
    """Each row's currency as its money cells write it ("£1,200", "950 EUR"): that of the
    first money column whose cell writes one."""
    headers = [h for target in money for h, f in mapping.items() if f == target and h in frame]
    each = pd.Series(None, index=frame.index, dtype=object)
    for header in reversed(headers):
        column = frame[header]
        written_as_text = column.map(lambda cell: isinstance(cell, str))
        if not written_as_text.any():
            continue            # (numbers, as a workbook holds them, write no currency)
        text = pa.array(column.where(written_as_text).to_numpy(), pa.string(),
                        from_pandas=True)
        tokens = _matched(text, _CELL_SIGN)
        missing = pc.is_null(tokens)
        if pc.any(missing).as_py():
            tokens = pc.if_else(missing, _matched(text, _CELL_WORD), tokens)
        found = tokens.dictionary_encode()
        codes = [_token_code(t) for t in found.dictionary.to_pylist()]
        written = pd.Series(pd.Categorical.from_codes(
            found.indices.fill_null(-1).to_numpy(), categories=range(len(codes)))
            if codes else [None] * len(frame), index=frame.index).map(dict(enumerate(codes)))
        each = each.mask(written.notna(), written)
    return each, "as written in " + " and ".join(f"'{h}'" for h in dict.fromkeys(headers))


def _matched(text: pa.Array, pattern: str) -> pa.Array:
    """Each cell's ``token`` the pattern matched, null where it matched nothing."""
    found = pc.extract_regex(text, pattern)
    return pc.if_else(pc.is_valid(found), found.field("token"), pa.scalar(None, pa.string()))


def _token_code(token: str) -> str | None:
    """The code of a currency a cell writes ("£", "NZ$", "eur"); a dollar sign after
    letters that name no dollar ("10k$") is the dollar."""
    token = token.lower()
    return _TOKEN_CODES.get(token) or ("USD" if token.endswith("$") else None)


# --- the workspace's currency -------------------------------------------------------------

def settle_currency(db: Database, import_id: int, code: str | None) -> list[str]:
    """Set the workspace's currency to that of an import's amounts (``code``; None: they
    name none, or more than one) where nobody has set it yet, recording the change for
    undo; where it is set to the same symbol, the import holds it too (undoing the earlier
    one keeps it). Returns what the import says: the currency set, or, where another is
    set (by the owner or an earlier file), that it was kept."""
    if code is None:
        return []
    symbol, name = symbol_and_name(code)
    before = keyed_before(db, "settings", "key", "currency")
    shown = None if before is None else json.loads(before["value"] or "null")
    if shown is not None and shown != symbol:
        return [f"Money is still shown in {shown}, the workspace's currency, though the "
                f"amounts in this file are written in {name} ({symbol}); change the currency "
                f"on the Import page if it should be {symbol}."]
    db.execute("INSERT INTO settings(key, value) VALUES ('currency', ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [json.dumps(symbol)])
    record_keyed_change(db, import_id, "settings", "key", "currency", before)
    if shown is not None or symbol == SETTINGS["currency"].default:
        return []           # (nothing a page shows changes)
    return [f"Money is shown in {symbol}: the amounts in this file are written in {name}."]
