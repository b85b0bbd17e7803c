"""Start the app: ``python -m journey_ui.serve [streamlit options]`` (what ``make run`` does).

The same as ``streamlit run app.py``, except that Streamlit is told before the first
session that navigation comes from ``st.navigation`` in app.py, not from the pages/
folder; otherwise the first browser tab of a server process shows Streamlit's automatic
page list until it is reloaded.
"""

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"


def main() -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
