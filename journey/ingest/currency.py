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

A name several countries write for their money names no one currency: "kr" (the Swedish,
Norwegian and Danish krone) and "Rs" (the Indian, Pakistani, Sri Lankan and Nepalese
rupee) are shown as written, and the import says which currencies they may be; beside a
code of one of them (a Currency column saying SEK, "SEK 900" in another row) they are
that one. "Fr." is the Swiss franc (CHF), the one franc written so today.
"""

from __future__ import annotations

import json
import re
from typing import Mapping

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
    "DKK": ("DKK", "Danish kroner"), "PKR": ("PKR", "Pakistani rupees"),
    "LKR": ("LKR", "Sri Lankan rupees"), "NPR": ("NPR", "Nepalese rupees"),
    "CLP": ("CLP", "Chilean pesos"), "COP": ("COP", "Colombian pesos"),
    "ARS": ("ARS", "Argentine pesos"), "PEN": ("S/", "soles"), "KZT": ("₸", "tenge"),
    "MYR": ("RM", "ringgit"),
}
# Money named as several countries write it (kept as written, in place of a code): what
# the import calls it, and the codes it may be.
SHARED_NAMES = {
    "kr": ("the Swedish, Norwegian and Danish krone alike", ("SEK", "NOK", "DKK")),
    "Rs": ("the Indian, Pakistani, Sri Lankan and Nepalese rupee alike",
           ("INR", "PKR", "LKR", "NPR")),
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
    "грн": "UAH", "₦": "NGN", "₱": "PHP", "₸": "KZT", "zł": "PLN", "kč": "CZK", "fr": "CHF",
    "ر.س": "SAR", "د.إ": "AED",      # (the riyal and the dirham as Arabic shops write them)
    "rm": "MYR",                      # (the ringgit as Malaysian tills write it: "RM 45.00")
    **{name.lower(): name for name in SHARED_NAMES},
}
_TOKEN_CODES = {**{code: code.upper() for code in CURRENCY_CODES}, **_CELL_TOKENS, "rmb": "CNY"}
# (RE2, run by pyarrow) a sign, with the letters that may name its dollar ("NZ$"); else
# a word or code not inside a longer word. Two patterns, each quick on a million cells.
_CELL_SIGN = ("(?P<token>[A-Za-z]{0,3}\\$|["
              + "".join(t for t in _TOKEN_CODES if len(t) == 1 and t != "$") + "])")
_CELL_WORD = (r"(?i)(?:^|[^\p{L}])(?P<token>" + "|".join(
    sorted((re.escape(t) for t in _TOKEN_CODES if t.replace(".", "").isalpha() and len(t) > 1),
           key=len, reverse=True))
    + r")(?:[^\p{L}]|$)")

# A cell of digits, spaces and separators alone ("6513.97", "(1,200)"), which names no
# currency: the patterns above are not searched in it.
_PLAIN_NUMBER = r"^[\d\s.,'+()-]*$"

# The rand's "R" before an amount ("R150.00": a South African till's, Yoco's), in a column
# read as money (values reads it so only with cents): no single-letter sign elsewhere.
_CELL_RAND = r"^[-+]?\s*(?P<token>R)\s?\d"

# Headers a Brazilian owner's sheet writes (as normalise_header writes them: "Valor",
# "Cliente", "Data", "Forma de pagamento"): two or more on a sheet, its "R 150" is reais
# (R$ without its $), not the rand an English or Afrikaans sheet's is.
_PORTUGUESE_HEADERS = frozenset(
    "valor valortotal valorpago cliente clientes nome nomedocliente data datadavenda "
    "datadopagamento venda vendas pagamento formadepagamento produto produtos servico "
    "servicos quantidade telefone preco pedido recebido pago observacao observacoes".split())

# A currency a money column's header names ("Fee (£)", "Price EUR", "Pris (kr)").
_HEADER_CURRENCY = re.compile(
    r"(?<![A-Za-z])(" + "|".join(c.upper() for c in CURRENCY_CODES if c != "rmb")
    + "|" + "|".join(SHARED_NAMES) + r")(?![A-Za-z])|([£€¥₹])")
MONEY_FIELDS = ("amount", "revenue_current", "revenue_potential")


def symbol_and_name(code: str) -> tuple[str, str]:
    """A currency's symbol and the name of its money: GBP -> ("£", "pounds"); a name
    several countries write is its own symbol: kr -> ("kr", "kr")."""
    return CURRENCIES.get(code, (code, code))


def one_currency_each(counts: Mapping[str, int]) -> pd.Series:
    """Rows in each currency (code -> rows, most first), a name several countries write
    ("kr") counted as the one of them the rest name ("SEK"), if they name one."""
    counts = dict(counts)
    for name, (_, codes) in SHARED_NAMES.items():
        named = [code for code in codes if code in counts]
        if name in counts and len(named) == 1:
            counts[named[0]] += counts.pop(name)
    return pd.Series(counts, dtype=int).sort_values(ascending=False, kind="stable")


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
    codes = written.dropna().astype(str).str.strip().str.upper()
    counts = codes.replace({name.upper(): name for name in SHARED_NAMES}).value_counts()
    return one_currency_each(counts[counts.index != ""]), where


def mixed_note(counts: pd.Series, where: str) -> list[str]:
    """What the import says of amounts in more than one currency (nothing for one)."""
    if len(counts) < 2:
        return []
    listed = ", ".join(f"{code} ({counted(int(n), 'row')})" for code, n in counts.items())
    return [f"Amounts are in more than one currency ({listed}, {where}): they were added "
            "together as written, with no exchange rate."]


def imports_currencies(db: Database, but: int | None = None) -> pd.Series:
    """The currencies the workspace's imports (not undone; not import ``but``) found their
    amounts in, one row each (a name several countries write counted as the one of them
    the rest name)."""
    found = db.execute("SELECT currencies FROM imports WHERE undone_at IS NULL "
                       "AND currencies IS NOT NULL AND id IS NOT ?", [but]).fetchall()
    return one_currency_each(dict.fromkeys(
        (code.strip() for (codes,) in found for code in codes.split(",")), 1))


def earlier_imports_note(db: Database, import_id: int, counts: pd.Series) -> list[str]:
    """What an import says of amounts in a currency the workspace's earlier imports did
    not use (a workbook's second sheet in pounds, its first in euros): nothing where they
    are in one currency together."""
    earlier = imports_currencies(db, but=import_id)
    together = one_currency_each(dict.fromkeys([*earlier.index, *counts.index], 1))
    if earlier.empty or len(together) < 2 or counts.index.isin(earlier.index).all():
        return []
    return [f"The amounts of this sheet are in {', '.join(counts.index)}, those of earlier "
            f"imports in {', '.join(sorted(earlier.index))}: sums of money add them together "
            "as written, with no exchange rate."]


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
                codes[header] = found[1] if found[1] in SHARED_NAMES else (
                    found[1] or _CELL_TOKENS[found[2]]).upper()
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
    real = sum(normalise_header(h) in _PORTUGUESE_HEADERS for h in frame.columns) >= 2
    for header in reversed(headers):
        column = frame[header]
        written_as_text = column.map(lambda cell: isinstance(cell, str))
        if not written_as_text.any():
            continue            # (numbers, as a workbook holds them, write no currency)
        text = pa.array(column.where(written_as_text).to_numpy(), pa.string(),
                        from_pandas=True)
        text = pc.if_else(pc.match_substring_regex(text, _PLAIN_NUMBER),   # (none to find)
                          pa.scalar(None, pa.string()), text)
        tokens = _matched(text, _CELL_SIGN)
        missing = pc.is_null(tokens)
        if pc.any(missing).as_py():
            tokens = pc.if_else(missing, _matched(text, _CELL_WORD), tokens)
        missing = pc.is_null(tokens)
        if pc.any(missing).as_py():
            tokens = pc.if_else(missing, _matched(text, _CELL_RAND), tokens)
        found = tokens.dictionary_encode()
        codes = [_token_code(t, real) for t in found.dictionary.to_pylist()]
        written = pd.Series(pd.Categorical.from_codes(
            found.indices.fill_null(-1).to_numpy(), categories=range(len(codes)))
            if codes else [None] * len(frame), index=frame.index).map(dict(enumerate(codes)))
        each = each.mask(written.notna(), written)
    return each, "as written in " + " and ".join(f"'{h}'" for h in dict.fromkeys(headers))


def _matched(text: pa.Array, pattern: str) -> pa.Array:
    """Each cell's ``token`` the pattern matched, null where it matched nothing."""
    found = pc.extract_regex(text, pattern)
    return pc.if_else(pc.is_valid(found), found.field("token"), pa.scalar(None, pa.string()))


def _token_code(token: str, real: bool = False) -> str | None:
    """The code of a currency a cell writes ("£", "NZ$", "eur"); a dollar sign after
    letters that name no dollar ("10k$") is the dollar; a bare "R" the rand, or the real
    where the sheet's headers are Portuguese (``real``: ``_PORTUGUESE_HEADERS``)."""
    if token == "R":            # (_CELL_RAND's)
        return "BRL" if real else "ZAR"
    token = token.lower()
    return _TOKEN_CODES.get(token) or ("USD" if token.endswith("$") else None)


# --- the workspace's currency -------------------------------------------------------------

def settle_currency(db: Database, import_id: int, code: str | None,
                    dry_run: bool = False, sheet: str | None = None) -> list[str]:
    """Set the workspace's currency to that of an import's amounts (``code``; None: they
    name none, or more than one) where nobody has set it yet, recording the change for
    undo; where it is set to the same symbol, the import holds it too (undoing the earlier
    one keeps it). Returns what the import says (in a dry run, what it would do): the
    currency set, or, where another is set (by the owner or an earlier file), that it was
    kept. A name several countries write ("kr") is set as written, and said to be so; it
    says nothing beside the code of one of them ("SEK"). ``sheet``: the sheet's name where
    the import is one sheet of a workbook (its amounts are that sheet's, not the file's)."""
    amounts_in = f"sheet '{sheet}'" if sheet else "this file"
    if code is None:
        return []
    symbol, name = symbol_and_name(code)
    before = keyed_before(db, "settings", "key", "currency")
    shown = None if before is None else json.loads(before["value"] or "null")
    if shown is not None and code in SHARED_NAMES and shown in {
            symbol_and_name(one)[0] for one in SHARED_NAMES[code][1]}:
        return []
    if shown is not None and shown != symbol:
        return [f"Money is still shown in {shown}, the workspace's currency, though the "
                f"amounts in {amounts_in} are written in {_written_in(code)}; change the "
                f"currency on the Import page if it should be {symbol}."]
    db.execute("INSERT INTO settings(key, value) VALUES ('currency', ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [json.dumps(symbol)])
    record_keyed_change(db, import_id, "settings", "key", "currency", before)
    if shown is not None or symbol == SETTINGS["currency"].default:
        return []           # (nothing a page shows changes)
    shown_in = f"Money {'would be' if dry_run else 'is'} shown in {symbol}"
    if code in SHARED_NAMES:
        meaning, codes = SHARED_NAMES[code]
        return [f"{shown_in}, as the amounts in {amounts_in} write it: {code} is written "
                f"for {meaning}, and the {'sheet' if sheet else 'file'} does not say which "
                f"({', '.join(codes[:-1])} or "
                f"{codes[-1]}), so none was assumed."]
    return [f"{shown_in}: the amounts in {amounts_in} are written in {name}."]


def _written_in(code: str) -> str:
    """What the amounts are written in, for a sentence: "pounds (£)", "kr"."""
    symbol, name = symbol_and_name(code)
    return symbol if code in SHARED_NAMES else f"{name} ({symbol})"
