"""User text in one place: the key two spellings of one word share, and text meeting HTML,
escaped (the Markdown escaper, which needs to know Streamlit, is journey_ui.text.md)."""

from __future__ import annotations

import html
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

import pyarrow as pa
import pyarrow.compute as pc


def html_text(value) -> str:
    """Text from a spreadsheet or a person for HTML: st.html, and plotly's labels, legends
    and hovers, which render a few tags (<a href>, <b>, <br>). None is empty."""
    return html.escape("" if value is None else str(value))


def match_key(value) -> str:
    """Letters and digits only, lower-case, accents dropped, in any script: ``' Closed-Won'``
    -> ``'closedwon'``, ``'Négociation'`` -> ``'negociation'``, ``'Выдано'`` -> ``'выдано'``.
    Headers and stage values are compared by it."""
    text = unicodedata.normalize("NFKD", "" if value is None else str(value).casefold())
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def without_accents(text: str) -> str:
    """Lower-case text with its accents dropped, spaces and punctuation kept: ``'Rückgaben
    2024'`` -> ``'ruckgaben 2024'``."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(ch))


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``1 client``, ``2,300 clients``: a count with its noun in the right number."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def percent_rounded(value: float, digits: int = 0) -> Decimal | None:
    """A share rounded once from the exact value, as ``percent_text`` writes it (None where
    it writes "<0.01%" or ">99.99%")."""
    for places in range(digits, digits + 3):
        rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        if not (0 < value < 100 and rounded in (0, 100)):
            return rounded
    return None


def percent_text(value: float, digits: int = 0) -> str:
    """A share as people read it, with ``digits`` decimals: an exact half rounds up ("63%"
    for 62.5, as the charts write it, not to even as Python's format does), and a share
    that is not all or nothing never reads "100%" or "0%": up to two more decimals are
    given instead (99.6 is "99.6%", 0.04 is "0.04%"; closer still, "<0.01%", ">99.99%")."""
    rounded = percent_rounded(value, digits)
    if rounded is not None:
        return f"{rounded}%"
    step = Decimal(1).scaleb(-digits - 2)
    return f"<{step}%" if value < 50 else f">{100 - step}%"


def change_text(value: float, digits: int = 0) -> str:
    """A change on a previous figure, signed, rounded as ``percent_text`` rounds: "+63%" for
    62.5, "-12%", "+0.3%" (a change that is not nothing never reads "+0%"); "0%" for none."""
    if not value:
        return "0%"
    return ("+" if value > 0 else "-") + percent_text(abs(value), digits)


def change_number(value: float, digits: int = 0) -> float:
    """The number ``change_text`` writes: 63.0 for 62.5, -12.0, 0.3 for 0.31 (the exact
    change where it writes "+<0.01%"), for a workbook's cell that shows what the page does."""
    rounded = percent_rounded(abs(value), digits) if value else None
    return value if rounded is None else float(rounded.copy_sign(Decimal(value)))


def days_text(days: float) -> str:
    """A span of days with its unit: "1 day", "2.4 days", "1,234 days" (one decimal at
    most, rounded half up)."""
    tenths = Decimal(str(days)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    text = f"{tenths:,.0f}" if tenths == tenths.to_integral_value() else f"{tenths:,.1f}"
    return f"{text} {'day' if tenths == 1 else 'days'}"


def money_text(value: float, currency: str = "$") -> str:
    """A sum of money as people write it: "£1,234" when whole, "£1,234.50" when not (cents
    rounded half up); "-£20" below nothing."""
    cents = Decimal(str(abs(value))).quantize(Decimal("0.01"), ROUND_HALF_UP)
    text = f"{cents:,.0f}" if cents == cents.to_integral_value() else f"{cents:,.2f}"
    return f"{'-' if value < 0 and cents else ''}{currency}{text}"


def rows_text(numbers: list[int]) -> str:
    """'row 11', 'rows 11, 17 and 24', 'rows 11, 17, 24, 30, 36, ...'."""
    if len(numbers) == 1:
        return f"row {numbers[0]:,}"
    if len(numbers) > 5:
        return "rows " + ", ".join(f"{n:,}" for n in numbers[:5]) + ", ..."
    return "rows " + ", ".join(f"{n:,}" for n in numbers[:-1]) + f" and {numbers[-1]:,}"


def listed(items: list[str], shown: int = 3, joined: str = ", ",
           total: int | None = None) -> str:
    """The first ``shown`` items, and how many more of ``total`` (all the items' count
    unless given): 'a, b, c, and 4 more'."""
    more = (len(items) if total is None else total) - shown
    return joined.join(items[:shown]) + (f"{joined}and {more:,} more" if more > 0 else "")


def was(n: int) -> str:
    """``was`` or ``were``, after a count of ``n``."""
    return "was" if n == 1 else "were"


def its(n: int) -> str:
    """``its`` or ``their``, of a count of ``n``."""
    return "its" if n == 1 else "their"


def part_paid_invoices(count: int, paid: float, billed: float, *, whole: str = "amount",
                       owed_in: str = "", paid_in: str = "") -> str:
    """The note on an invoice list's invoices still owing a part of their ``whole``
    ("amount", "total"), read as sales of what was paid (``paid`` of ``billed``); where the
    owing and the paid were read (``owed_in``, ``paid_in``) when a column says so. Both
    readings write it: ``ingest.rules.paid`` and an invoice list's profile."""
    return (f"{counted(count, 'invoice')} with part of {its(count)} {whole} still owed"
            f"{' ' + owed_in if owed_in else ''} {was(count)} read as "
            f"{'a sale' if count == 1 else 'sales'} of what was paid"
            f"{' ' + paid_in if paid_in else ''} ({paid:,.2f} of {billed:,.2f}).")


def name_key(value: object) -> str | None:
    """A name or ID as clients are matched: case and repeated spaces ignored."""
    if value is None:
        return None
    return " ".join(str(value).casefold().split()) or None


# Spellings of the same legal form at the end of a business's name ("acme limited" is
# "acme ltd"); the key compares the shorter one.
LEGAL_FORM_SPELLINGS = (("limited", "ltd"), ("incorporated", "inc"),
                        ("corporation", "corp"), ("company", "co"))
# Legal forms left out at the end of a name ("quarry labs ltd" is "quarry labs",
# "brightleaf ltd" "brightleaf"); not "co" ("Ana Maria Co" may be a person's surname).
DROPPED_LEGAL_FORMS = ("ltd", "inc", "corp", "llc", "plc", "gmbh", "pty ltd", "pty")


# A person's name written surname first ("morgan, jess", "van-dijk, anna marie", "de
# vries, jan", "garcía lópez, maría"): one to three words (a surname with its particles,
# a double surname), a comma, one or two words; read as "jess morgan". Not a business's
# name with its legal form after a comma ("acme, inc.").
_NAME_WORD = "[\\p{L}'\u2019-]+"
_SURNAME_FIRST = (rf"^({_NAME_WORD}(?: {_NAME_WORD}){{0,2}}), *"
                  rf"({_NAME_WORD}(?: {_NAME_WORD})?)$")
_AFTER_COMMA_FORM = (r", *(?:ltd|limited|inc|incorporated|llc|llp|plc|gmbh|co|company|corp|"
                     r"corporation|pty|lp|sa|sarl|srl|bv|nv|ag|ab|as|oy)\.?$")


# Emoji and pictographs beside a name, with their joiners, variation selectors and skin
# tones (symbols other than letters or digits: "💪", "⭐️", "👩‍🦰").
_EMOJI = r"[\p{So}\p{Sk}\x{200D}\x{FE0E}\x{FE0F}\x{20E3}]+"
# A remark in brackets after a name ("(moved to Tues)", "[VIP]").
_REMARK = r"\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*$"


# A name written in letters alone: no emoji, no symbols beside it.
_LETTERS_ONLY = re.compile(r"[\w\s.,'’&-]+")


def best_written(spellings: list[str]) -> str:
    """Of the spellings of one name (one loosely: ``loose_name_keys``), the best written,
    whatever their order: each also read with its emoji left out ("💪 Sam Green" as "Sam
    Green"); the first of letters alone that is capitalised (neither all lower nor all
    upper case), in its order ("Anna Müller" before "Müller, Anna") and with its accents
    ("Anna Müller" before "Anna Muller"); else the first
    of letters alone; else the first."""
    bare = pc.replace_substring_regex(pa.array(spellings, pa.string()), _EMOJI, "").to_pylist()
    candidates = [" ".join(c.split()) for pair in zip(spellings, bare) for c in pair
                  if c and c.strip()]
    letters = [c for c in candidates if _LETTERS_ONLY.fullmatch(c)]
    cased = sorted((c for c in letters if not (c.islower() or c.isupper())),
                   key=lambda c: ("," in c, len(c) - len(unicodedata.normalize("NFKD", c))))
    return (cased or letters or candidates or spellings)[0]


# A title before a person's first name and surname ("mrs edna hill" is "edna hill"); not
# before an initial or a surname alone ("mrs j allen", "mrs hill": Mr and Mrs stay two).
_TITLE_BEFORE_A_NAME = r"^(?:mr|mrs|ms|miss|mx|dr|prof|rev) (\p{L}{2,} \S.*)$"


def loose_name_keys(keys, remarks: bool = False) -> pa.Array:
    """A name key (``name_key``) as names are matched loosely: a person's name written
    surname first turned round ("Morgan, Jess" is "Jess Morgan"), accents, dots, commas and
    apostrophes left out, "&" read as "and" ("Smith & Co" is "Smith and Co"), a legal
    form spelled one way, and left out after the name (``DROPPED_LEGAL_FORMS``:
    "Quarry Labs Ltd" is "Quarry Labs"), a title before a first name left out ("Mrs Edna
    Hill" is "Edna Hill": ``_TITLE_BEFORE_A_NAME``), emoji an owner put beside a name left out ("💪 Sam
    Green" is "Sam Green"), and with ``remarks`` a remark in brackets after it too ("Jo
    Black (moved to Tues)" is "Jo Black"; not where two names may differ only there:
    "Acme (UK)", "Acme (US)"); a name of nothing else kept (Arrow text, vectorised)."""
    texts = pa.array(keys, pa.string()) if not isinstance(keys, pa.Array) else keys
    texts = pc.replace_substring_regex(pc.utf8_normalize(texts, "NFKD"), r"\p{Mn}+", "")
    bare = pc.replace_substring_regex(texts, _EMOJI, "")
    if remarks:
        bare = pc.replace_substring_regex(bare, _REMARK, "")
    bare = pc.utf8_trim(bare, " ")
    texts = pc.if_else(pc.greater(pc.utf8_length(bare), 0), bare, texts)
    texts = pc.if_else(pc.match_substring_regex(texts, _AFTER_COMMA_FORM), texts,
                       pc.replace_substring_regex(texts, _SURNAME_FIRST, r"\2 \1"))
    texts = pc.replace_substring_regex(texts, "[.,'\u2019]+", "")
    texts = pc.replace_substring_regex(texts, _TITLE_BEFORE_A_NAME, r"\1")
    texts = pc.replace_substring_regex(texts, r"\s*&\s*", " and ")
    texts = pc.utf8_trim(pc.replace_substring_regex(texts, r"\s+", " "), " ")
    for long, short in LEGAL_FORM_SPELLINGS:
        texts = pc.replace_substring_regex(texts, f" {long}$", f" {short}")
    return pc.replace_substring_regex(
        texts, rf"^(\S.*?\S) (?:{'|'.join(DROPPED_LEGAL_FORMS)})$", r"\1")
