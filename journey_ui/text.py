"""User text meeting Streamlit, escaped in one place.

``md`` is for every string Streamlit reads as Markdown: st.markdown, st.caption,
st.write, alerts, toasts, spinners, progress texts, and the labels, help texts and metric
values of widgets, tabs and expanders. ``html`` is for st.html.

Streamlit's Markdown is GitHub's plus math (``$…$``), directives (``:red[…]``), icons
(``:material/home:``) and emoji shortcodes; a spreadsheet value, a file name or an error
message quoting one must show as the characters it holds, never as a link, an image, a
formula, an icon or HTML. ``md`` puts a backslash before each character that could start
such a thing and leaves the rest alone, so "Row 3: 1.5" stays readable in the source.
GitHub's autolinks (``https://…``, ``www.…``, ``ann@example.com``) are found in the text
after the escapes are read, so no backslash stops them: an invisible word joiner (U+2060)
before the address, or before the e-mail's ``@``, does.
"""

from __future__ import annotations

import re

from journey.text import html_text as html      # the one HTML escaper, for st.html

__all__ = ["html", "md"]

_MARKDOWN = re.compile(
    r"[\\`*_\[\]<>|~$!#]"               # escapes, code, emphasis, links, HTML, tables,
                                        # strikethrough, math, headings
    r"|:(?!\s)"                         # directives, icons, emoji, scheme:// autolinks
    r"|(?<=material)/"                  # Streamlit rewrites ":material/" before parsing
    r"|&(?=[#A-Za-z0-9])"               # entities (&lt;, &#91;)
)
_AUTOLINK = re.compile(r"(?i)(?=https?://|www\.|@)")
WORD_JOINER = "\u2060"
_EDGE_SPACE = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)   # code blocks, line breaks
# A list, thematic break or setext underline starts a line with one of these.
_BLOCK_MARK = re.compile(r"^(\d{0,9})([+\-=.)])(?=[\s\-=]|$)", re.MULTILINE)


def md(text) -> str:
    """``text`` (any value; None is empty) for Markdown: it renders as exactly itself, less
    the spaces that start or end a line (HTML does not show them anyway) and with a word
    joiner before each web address and ``@``."""
    text = _EDGE_SPACE.sub("", "" if text is None else str(text))
    text = _AUTOLINK.sub(WORD_JOINER, text)
    text = _MARKDOWN.sub(lambda match: "\\" + match.group(0), text)
    return _BLOCK_MARK.sub(r"\1\\\2", text)
