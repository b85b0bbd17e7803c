"""Who may edit: the facilitator's passcode, stored only as a salted hash.

A passcode can be set for the whole server (``python -m journey_ui.serve --passcode``,
or ``JOURNEY_PASSCODE`` in the environment; the server keeps only its hash) and for one
workspace (the workspace setting ``editing_passcode``, which holds the hash). A
workspace's own passcode wins over the server's. Without either, everyone may edit, as
on a laptop nobody else can reach.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

from sqlite_utils import Database

from .errors import ValidationError
from .workspace import get_setting, set_setting

ITERATIONS = 200_000
SERVER_HASH_VARIABLE = "JOURNEY_PASSCODE_HASH"   # set by journey_ui.serve from --passcode
PLAIN_VARIABLE = "JOURNEY_PASSCODE"
MIN_LENGTH = 4


def hash_passcode(passcode: str) -> str:
    """``pbkdf2_sha256$iterations$salt$digest`` for a passcode."""
    check_passcode(passcode)
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", passcode.encode(), bytes.fromhex(salt), ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${salt}${digest.hex()}"


def matches(passcode: str, stored: str | None) -> bool:
    """Whether ``passcode`` is the one ``stored`` was made from (constant time)."""
    try:
        scheme, iterations, salt, digest = (stored or "").split("$")
        if scheme != "pbkdf2_sha256":
            return False
        tried = hashlib.pbkdf2_hmac("sha256", (passcode or "").encode(), bytes.fromhex(salt),
                                    int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(tried.hex(), digest)


def check_passcode(passcode: str) -> None:
    """ValidationError unless the passcode is long enough to be one."""
    if len((passcode or "").strip()) < MIN_LENGTH:
        raise ValidationError(f"A passcode needs at least {MIN_LENGTH} characters.")


def server_hash() -> str | None:
    """The server's passcode hash: from journey_ui.serve, or made from JOURNEY_PASSCODE."""
    stored = os.environ.get(SERVER_HASH_VARIABLE)
    if not stored and os.environ.get(PLAIN_VARIABLE):
        stored = os.environ[SERVER_HASH_VARIABLE] = hash_passcode(os.environ[PLAIN_VARIABLE])
        os.environ.pop(PLAIN_VARIABLE)
    return stored or None


def required_hash(db: Database) -> str | None:
    """The hash a person must match to edit this workspace, or None if anyone may."""
    return get_setting(db, "editing_passcode") or server_hash()


def set_workspace_passcode(db: Database, passcode: str | None) -> None:
    """Set this workspace's own passcode (None removes it: the server's applies again)."""
    set_setting(db, "editing_passcode", hash_passcode(passcode) if passcode else None)
