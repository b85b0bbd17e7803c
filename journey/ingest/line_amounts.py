"""An order line priced per unit: its amount is its quantity × its unit price.

The one place that knows a quantity column ("Qty", "Cantidad", "Menge") and a per-unit
price ("Unit Price", "Price each", "Prix unitaire", "Einzelpreis"), in the languages the
import reads (English, Spanish, French, German, Portuguese, Italian, Dutch), and multiplies
them: the generic events path (``journey.ingest.understand.guess_sheet_mapping`` maps a unit
price onto the amount; ``journey.ingest.plan`` multiplies it) and the invoice lines profile
(``journey.ingest.profiles``) share it.

Decisions (also in the README):
- A column giving a line's total ("Amount", "Line Total", "Total") wins: a unit price
  beside it is kept as an extra column and never summed as the amount.
- "Price" (and "Precio", "Prix", "Preis", "Preço") is a line's price on a sheet without a
  quantity, as it always was; beside a quantity column it is per unit.
- A blank or unreadable quantity is not taken to be 1: the line is left without an amount
  and the import names its row (a blank on a sheet that states quantities is more likely
  missing than one, and a guess would put a figure in the revenue that nobody wrote).
- Signs are kept as written, as amounts' are: a returned line's quantity of -1 at 20.00
  is -20.00.
"""

from __future__ import annotations

import pandas as pd

from .. import values
from ..fields import normalise_header, plain_header


def _keys(*headers: str) -> frozenset[str]:
    return frozenset(normalise_header(h) for h in headers)


QUANTITY_HEADERS = _keys(
    "quantity", "qty", "quantity ordered", "qty ordered", "quantity sold", "qty sold",
    "quantity purchased", "units", "units sold", "number of units", "no of units", "pcs",
    "pieces",
    "cantidad", "cant", "unidades", "cantidad vendida", "cantidad pedida",      # Spanish
    "quantite", "qte", "quantite commandee", "quantite vendue",                 # French
    "menge", "anzahl", "stuck", "stuckzahl", "bestellmenge",                    # German
    "quantidade", "qtd", "qtde", "quantidade vendida",                         # Portuguese
    "quantita", "qta", "pezzi", "quantita venduta",                            # Italian
    "aantal", "hoeveelheid", "stuks", "aantal stuks",                          # Dutch
    # Finnish, Czech, Turkish, Russian, Ukrainian, Greek, Indonesian (Shopee's "Jumlah")
    "maara", "kpl", "pocet", "mnozstvi", "adet", "miktar", "количество", "кол во",
    "кількість", "ποσοτητα", "jumlah", "jumlah produk", "jumlah barang", "kuantitas")

# Per unit whatever sits beside them.
UNIT_PRICE_HEADERS = _keys(
    "unit price", "price each", "each", "price per unit", "price per item", "item price",
    "unit cost", "cost per unit", "unit rate", "unit amount", "unit value", "sale price",
    "selling price", "sales price", "wholesale price", "trade price",
    "retail price",
    "precio unitario", "precio unidad", "precio por unidad", "precio unit", "p unitario",
    "costo unitario", "coste unitario", "valor unitario", "importe unitario",
    "precio de venta",
    "prix unitaire", "prix unitaire ht", "prix unitaire ttc", "pu", "pu ht",
    "prix a l unite", "cout unitaire", "prix de vente",
    "einzelpreis", "stuckpreis", "preis pro stuck", "preis je stuck", "einheitspreis",
    "preis pro einheit", "preis je einheit", "verkaufspreis",
    "preco unitario", "preco por unidade", "custo unitario", "preco de venda",
    "prezzo unitario", "prezzo unita", "prezzo per unita", "prezzo di vendita",
    "stukprijs", "prijs per stuk", "eenheidsprijs", "prijs per eenheid", "verkoopprijs")

# (Not a bare "Wholesale": as often a Yes/No flag or the client's type as a price.)
# The price a buyer resells at, printed on a wholesale order beside the price paid: never
# the line's price when another unit price is there.
RESALE_PRICES = _keys("retail price", "rrp", "msrp", "recommended retail price")
# What a unit cost the business (a shop's sales list: Unit Cost beside the Retail Price it
# sold at): the line's price only when no other unit price is there (an invoice's "Unit
# Cost" alone is the price charged).
UNIT_COSTS = _keys("unit cost", "cost per unit", "costo unitario", "coste unitario",
                   "cout unitaire", "custo unitario")

# A line's price without a quantity beside it (an amount synonym in journey.fields); per
# unit beside one.
PRICE_HEADERS = _keys("price", "item price", "precio", "prix", "preis", "preco", "prezzo", "prijs",
                      "hinta", "fiyat", "harga")


def _key(header: object) -> str:
    """A header as compared here: "Unit Price (EUR)" -> "unitprice"."""
    return normalise_header(plain_header(header))


def names_a_quantity(header: object) -> bool:
    """Whether a header names a line's quantity ("Qty", "Quantité", "Menge")."""
    return _key(header) in QUANTITY_HEADERS


def names_a_unit_price(header: object) -> bool:
    """Whether a header names a price per unit whatever sits beside it ("Unit Price")."""
    return _key(header) in UNIT_PRICE_HEADERS


def priced_per_unit(header: object) -> bool:
    """Whether a header, beside a quantity column, names a price per unit: a unit price,
    or a plain "Price"."""
    return _key(header) in UNIT_PRICE_HEADERS | PRICE_HEADERS


def quantity_column(mapping: dict[str, str | None]) -> str | None:
    """The first column naming a quantity that maps to no field, or None."""
    return next((h for h, field in mapping.items() if field is None and names_a_quantity(h)),
                None)


def map_unit_price(mapping: dict[str, str | None]) -> dict[str, str | None]:
    """An events sheet's mapping, its amount decided beside a quantity column: a column
    giving the line's total stays the amount and a price per unit beside it is kept as an
    extra column; without one, the price per unit is the amount (``line_amounts`` then
    multiplies it by the quantity). Without a quantity column, the mapping as it was."""
    if quantity_column(mapping) is None:
        return mapping
    amounts = [h for h, field in mapping.items() if field == "amount"]
    if any(not priced_per_unit(h) for h in amounts):          # a line's total wins
        return {h: None if h in amounts and priced_per_unit(h) else field
                for h, field in mapping.items()}
    if not amounts:        # (a wholesaler's price before the retail price it suggests,
        # the price sold at before what the unit cost)
        units = [h for h, field in mapping.items() if field is None and names_a_unit_price(h)]
        unit = min(units, key=lambda h: 2 if _key(h) in UNIT_COSTS
                   else 1 if _key(h) in RESALE_PRICES else 0, default=None)
        if unit is not None:
            return {**mapping, unit: "amount"}
    return mapping


def line_amounts(quantities: pd.Series, unit_prices: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Each line's amount, quantity × unit price (``unit_prices`` already numbers; the
    quantities as written, read with ``journey.values.parse_number``), and where a line
    has a unit price but no quantity that could be read (its amount left empty)."""
    quantity = values.parse_number(quantities)[0]
    return quantity * unit_prices, unit_prices.notna() & quantity.isna()
