"""Start the app: ``python -m journey_ui.serve [--passcode] [streamlit options]`` (what
``make run`` does).

The same as ``streamlit run app.py``, with one option of its own: ``--passcode`` asks for
the facilitator's passcode (not echoed, and kept only as a hash): everyone else can then
only view (journey.access).
"""

import getpass
import os
import sys
from pathlib import Path

from streamlit.web import cli

from journey import access
from journey.errors import JourneyError
from journey_ui import warm

APP = Path(__file__).resolve().parent.parent / "app.py"


def main() -> None:
    options = sys.argv[1:]
    if "--passcode" in options:
        options.remove("--passcode")
        typed = os.environ.pop(access.PLAIN_VARIABLE, None) or getpass.getpass(
            "Facilitator's passcode (others can only view without it): ")
        try:
            os.environ[access.SERVER_HASH_VARIABLE] = access.hash_passcode(typed)
        except JourneyError as error:
            sys.exit(str(error))
    sys.argv = ["streamlit", "run", str(APP), *options]
    warm.start()        # the pages' first figures, computed while the server starts
    cli.main()


if __name__ == "__main__":
    main()
