"""User text meeting HTML, escaped in one place (the Markdown escaper, which needs to know
Streamlit, is journey_ui.text.md)."""

from __future__ import annotations

import html


def html_text(value) -> str:
    """Text from a spreadsheet or a person for HTML: st.html, and plotly's labels, legends
    and hovers, which render a few tags (<a href>, <b>, <br>). None is empty."""
    return html.escape("" if value is None else str(value))
