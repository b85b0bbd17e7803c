"""What a workspace decides about its signs: thresholds over the signs' defaults, and the
facilitator's self-assessments of signs the data cannot measure."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from sqlite_utils import Database

from ..errors import ValidationError
from ..workspace import get_setting, set_setting
from .catalogue import SIGNS, sign_by_key

THRESHOLDS_SETTING = "signs_thresholds"
ASSESSMENTS_SETTING = "signs_self_assessments"

THRESHOLD_LABELS = {
    "amber": "Amber from", "red": "Red from",
    "level_amber": "Amber from (no earlier period)", "level_red": "Red from (no earlier period)",
    "conversion_amber": "Conversion amber below", "conversion_red": "Conversion red below",
}


def get_thresholds(db: Database) -> dict[str, dict[str, float]]:
    """Every sign's thresholds: the workspace's changes over the defaults."""
    stored = get_setting(db, THRESHOLDS_SETTING)
    return {sign.key: {**sign.default_thresholds,
                       **{name: float(v) for name, v in (stored.get(sign.key) or {}).items()
                          if name in sign.default_thresholds}}
            for sign in SIGNS}


def check_thresholds(key: str, values: dict) -> dict[str, float]:
    """The thresholds of one sign as numbers, or ValidationError saying what is wrong."""
    sign = sign_by_key(key)
    out = {}
    for name, value in values.items():
        if name not in sign.default_thresholds:
            raise ValidationError(f"'{name}' is not a threshold of the sign '{sign.title}'.")
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number) or number < 0:
            raise ValidationError(f"The {THRESHOLD_LABELS[name].lower()} threshold of "
                                  f"'{sign.title}' must be a number of 0 or more, not "
                                  f"'{value}'.")
        out[name] = number
    merged = {**sign.default_thresholds, **out}
    for prefix, better in sign.threshold_pairs():
        amber, red = merged[f"{prefix}amber"], merged[f"{prefix}red"]
        if (better == "lower" and amber > red) or (better == "higher" and amber < red):
            word = "above" if better == "lower" else "below"
            raise ValidationError(
                f"For '{sign.title}' the red threshold ({red:g}) must be {word} the amber "
                f"threshold ({amber:g}) or equal to it.")
    return out


def set_thresholds(db: Database, changes: dict[str, dict]) -> None:
    """Store threshold changes ``{sign key: {name: number}}`` in one write; a value equal to
    the default is stored too (so the workspace says what it decided)."""
    checked = {key: check_thresholds(key, values) for key, values in changes.items()}
    stored = get_setting(db, THRESHOLDS_SETTING)
    for key, values in checked.items():
        stored[key] = {**(stored.get(key) or {}), **values}
    set_setting(db, THRESHOLDS_SETTING, stored)


def reset_thresholds(db: Database, key: str | None = None) -> None:
    """Back to the defaults, for one sign or (``None``) for all."""
    stored = get_setting(db, THRESHOLDS_SETTING)
    if key is None:
        stored = {}
    else:
        stored.pop(sign_by_key(key).key, None)
    set_setting(db, THRESHOLDS_SETTING, stored)


def thresholds_table(db: Database) -> pd.DataFrame:
    """Every threshold with its default and where the default comes from (for editing)."""
    current = get_thresholds(db)
    rows = []
    for sign in SIGNS:
        for name, default in sign.default_thresholds.items():
            rows.append({"key": sign.key, "name": name, "sign": sign.title,
                         "threshold": THRESHOLD_LABELS[name], "value": current[sign.key][name],
                         "default": default, "unit": sign.threshold_unit(name),
                         "source": sign.source})
    return pd.DataFrame(rows)


def get_self_assessments(db: Database) -> dict[str, dict]:
    """The facilitator's self-assessments: ``{sign key: {"score", "note", "assessed_on"}}``."""
    return get_setting(db, ASSESSMENTS_SETTING)


def save_self_assessment(db: Database, key: str, score, note: str = "",
                         today: dt.date | None = None) -> dict:
    """Save a self-assessment of a sign (1 = a serious problem here, 5 = no sign of it)."""
    sign = sign_by_key(key)
    number = score if isinstance(score, int) and not isinstance(score, bool) else (
        int(score.strip()) if isinstance(score, str) and score.strip().isdigit() else 0)
    if not 1 <= number <= 5:
        raise ValidationError(f"A self-assessment of '{sign.title}' is a whole number from 1 "
                              f"to 5, not '{score}'.")
    note = str(note or "").strip()
    if len(note) > 2000:
        raise ValidationError("The note of a self-assessment can be up to 2,000 characters.")
    entry = {"score": number, "note": note,
             "assessed_on": (today or dt.date.today()).isoformat()}
    stored = get_self_assessments(db)
    stored[key] = entry
    set_setting(db, ASSESSMENTS_SETTING, stored)
    return entry


def clear_self_assessment(db: Database, key: str) -> None:
    """Forget the self-assessment of a sign."""
    stored = get_self_assessments(db)
    stored.pop(sign_by_key(key).key, None)
    set_setting(db, ASSESSMENTS_SETTING, stored)
