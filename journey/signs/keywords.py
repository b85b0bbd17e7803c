"""Keyword classes for "the lead did not understand the offer": the defaults, the
workspace's own (a setting), and the classifier that matches them in a reason."""

from __future__ import annotations

import re

from sqlite_utils import Database

from ..errors import ValidationError
from ..workspace import get_setting, set_setting

KEYWORDS_SETTING = "signs_uneducated_keywords"

# Matched case-insensitively anywhere in a lost deal's or an objection's reason. Each
# list has the English words, then Spanish, French, German and Portuguese ones (as the
# stage aliases do).
DEFAULT_KEYWORD_CLASSES: dict[str, list[str]] = {
    "did not understand the offer": [
        "didn't understand", "did not understand", "don't understand", "not understand",
        "misunderstood", "not sure what", "unclear", "not clear", "wasn't clear",
        "no entend", "poco claro", "no estaba claro", "pas compris", "pas clair",
        "nicht verstanden", "unklar", "nicht klar", "não entend", "nao entend",
        "não ficou claro", "nao ficou claro"],
    "unclear what is included": [
        "what's included", "what is included", "what was included", "included in the",
        "what they get", "what happens after", "qué incluye", "que incluye",
        "ce qui est inclus", "was enthalten", "leistungsumfang", "o que inclui"],
    "confused by pricing": [
        "confused", "confusing", "pricing tiers", "price structure", "pricing structure",
        "hidden cost", "confundid", "precios confusos", "tarifs confus", "coûts cachés",
        "verwirr", "versteckte kosten", "preços confusos", "custos ocultos"],
    "wrong expectations": [
        "not what they expected", "expected something", "thought it was", "thought it would",
        "didn't know", "did not know", "wrong expectations", "esperaba otra",
        "no sabía", "no sabia", "s'attendait", "ne savait pas", "anders erwartet",
        "wusste nicht", "esperava outra", "não sabia", "nao sabia"],
}


def get_keyword_classes(db: Database) -> dict[str, list[str]]:
    """The uneducated-leads keyword classes: the workspace's, or the defaults."""
    stored = get_setting(db, KEYWORDS_SETTING)
    return {name: list(words) for name, words in (stored or DEFAULT_KEYWORD_CLASSES).items()}


def set_keyword_classes(db: Database, classes: dict[str, list[str]] | None) -> None:
    """Store the keyword classes (``None`` restores the defaults); ValidationError if a
    class has no name or no keyword."""
    if classes is None:
        set_setting(db, KEYWORDS_SETTING, None)
        return
    clean: dict[str, list[str]] = {}
    for name, words in classes.items():
        name = str(name or "").strip()
        words = [str(w).strip() for w in (words or []) if str(w or "").strip()]
        if not name:
            raise ValidationError("Every keyword class needs a name.")
        if not words:
            raise ValidationError(f"The keyword class '{name}' needs at least one keyword.")
        if any(len(w) > 100 for w in words):
            raise ValidationError(f"A keyword of the class '{name}' is longer than 100 "
                                  "characters; use a shorter phrase.")
        clean[name] = words
    if not clean:
        raise ValidationError("Keep at least one keyword class (or restore the defaults).")
    set_setting(db, KEYWORDS_SETTING, clean)


def reason_classifier(classes: dict[str, list[str]]):
    """``classify(reason)``: the first keyword class with a keyword found in the reason
    (case-insensitive, typographic apostrophes straightened), or None."""
    prepared = [(name, [w for w in map(_plain, words) if w]) for name, words in classes.items()]

    def classify(reason) -> str | None:
        text = _plain(reason)
        for name, words in prepared:
            if any(word in text for word in words):
                return name
        return None
    return classify


def _plain(text) -> str:
    """Lower-case with typographic apostrophes straightened and spaces squeezed."""
    text = str(text or "").casefold().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip()
