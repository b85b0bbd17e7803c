"""Text from spreadsheets, file, sheet and workspace names that looks like Markdown (a link,
an image, a formula, an icon, HTML) shows as the characters it holds, on every page.

The escaper ``journey_ui.text.md`` is checked against a Markdown parser (markdown-it-py with
math, as Streamlit parses), plus the syntax only Streamlit has (directives, icons, emoji,
GitHub's autolinks). Then a workspace full of hostile values is walked page by page with
AppTest, and every Markdown string an element carries is checked.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from conftest import PAGES, app_test, xlsx_bytes
from journey.workshop import actions, personas
from journey.workshop.goal import set_goal
from journey.workshop import touchpoints as tp
from journey.ingest import import_file
from journey.workspace import create_workspace, open_workspace
from journey_ui.text import WORD_JOINER, md

HOSTILE = [
    "![x](https://example.com/x.png)",
    "[link](https://example.com)",
    r"$\href{https://example.com}{x}$",
    ":material/home:",
    ":red[alarm]",
    "<img src=x onerror=alert(1)>",
    '<a href="https://example.com">a</a>',
    r"back\slash",
    r"C:\path\*name",
    "**bold**",
    "# heading",
]
WORKSPACE = "__bold__ & ws (1)"          # workspace names allow only a few punctuation marks
SHEET = "$x$ <b>#1 ~~s~~ !"               # sheet names may not hold [ ] : * ? / \
REFUSED = "![x](x.png) [link](https:example.com) $x^2$ :red[alarm] **b**.xlsx"   # no / or \
MARKDOWN_FIELDS = {"body", "label", "help", "text", "delta", "title", "delta_description"}
PLAIN_ELEMENTS = {"Text", "Code", "Json", "Arrow", "PlotlyChart", "Html", "Exception"}
FORBIDDEN_TOKENS = {"link_open", "image", "math_inline", "math_block", "math_inline_double",
                    "math_block_label", "html_inline", "html_block"}
# Streamlit's syntax that markdown-it does not know, looked for outside backslash escapes:
# directives, icons, emoji shortcodes and scheme:// autolinks; and the ones the data holds.
STREAMLIT_ONLY = re.compile(r":[A-Za-z][\w-]*\[|:material[/_]|:[\w+-]+:|https?:/")
FROM_DATA = re.compile(r":red\[|:material[/_]home|https?:/")
# GitHub's autolink literals, which Streamlit finds in each text node after the escapes are
# read (mdast-util-gfm-autolink-literal; JavaScript's \w is ASCII); each counts only after
# the start, a space, punctuation or a symbol.
AUTOLINK = re.compile(r"(?i)(?:https?://|www(?=\.))[-.\w]+|[-.\w+]+@[-\w]+(?:\.[-\w]+)+",
                      re.ASCII)
PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(
    dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True)


def tokens(source: str):
    """Every token of ``source`` as Streamlit reads it (it rewrites ':material/' first)."""
    for token in PARSER.parse(source.replace(":material/", ":material_")):
        yield token
        yield from token.children or []


def texts(found) -> list[str]:
    """The text nodes of parsed tokens: runs of text between other inline tokens."""
    runs = [""]
    for token in found:
        if token.type == "text":
            runs[-1] += token.content
        elif runs[-1]:
            runs.append("")
    return [run for run in runs if run]


def autolinks(found) -> list[str]:
    """The autolinks Streamlit would make of the text nodes of parsed tokens."""
    return [match.group(0) for text in texts(found) for match in AUTOLINK.finditer(text)
            if match.start() == 0 or text[match.start() - 1].isspace()
            or unicodedata.category(text[match.start() - 1])[0] in "PS"]


def unescaped(source: str) -> str:
    """``source`` with each backslash escape blanked out: what is left is live syntax."""
    return re.sub(r"\\[!-/:-@\[-`{-~]", "\x00", source)


def raw(text: str, source: str) -> bool:
    """Whether ``text`` occurs in ``source`` other than behind a backslash escape."""
    for match in re.finditer(re.escape(text), source):
        before = source[:match.start()]
        if (len(before) - len(before.rstrip("\\"))) % 2 == 0:
            return True
    return False


def literal(source: str) -> str:
    """The text ``source`` shows, when it is plain text with escapes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", source).replace(WORD_JOINER, "")


# --- the escaper -----------------------------------------------------------------------------

TRICKY = [*HOSTILE, WORKSPACE, SHEET, "", "plain words", "Row 3: 1.5 at 10:30", "$1,200.50",
          "100% & more", "&amp; &#91; &copy;", "a\\", "\\\\", "`code`", "~~gone~~", "_x_",
          "| a | b |", "<https://example.com>", "www.example.com", "ann@example.com",
          "https://example.com", ":smile: :+1:", "::: note", ":small[x]", "1) one", "2. two",
          "+ plus", "- minus", "> quote", "=== ", "---", "***", "    indented", "#hashtag",
          "Dr. Jelena (Growth) — 5 * 3", "line one\n# two\n- three\n10. four\n===",
          ":material/home: at line end:", "tab\there", "x ::: y", "12.5", "- - -", "1.\tx",
          "[a]: https://example.com", "<!-- c -->", "x\n[a]: https://example.com",
          "Order #12 #", "ends with a star *"]


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_text_renders_as_exactly_itself(text):
    source = md(text)
    found = list(tokens(source))
    assert [t.type for t in found if t.type not in ("text", "softbreak")] == (
        ["paragraph_open", "inline", "paragraph_close"] if text.strip() else [])
    shown = "".join("\n" if t.type == "softbreak" else t.content
                    for t in found if t.type in ("text", "softbreak"))
    assert shown.replace(WORD_JOINER, "") == re.sub(r"[ \t]*\n[ \t]*", "\n", text.strip())
    assert autolinks(found) == []
    assert not STREAMLIT_ONLY.search(unescaped(source)), source
    assert ":material/" not in source, "Streamlit would rewrite it before parsing"


@pytest.mark.parametrize("template, shows", [("### {}", "{}"), ("**{}**", "{}"), ("*{}*", "{}"),
                                             ("- {}", "{}"), ("{} (3 rows)", "{} (3 rows)")])
def test_escaped_text_keeps_its_characters_inside_page_markup(template, shows):
    for text in [t for t in TRICKY if t.strip() and "\n" not in t]:
        source = template.format(md(text))
        found = list(tokens(source))
        assert not [t.type for t in found if t.type in FORBIDDEN_TOKENS | {"code_inline"}]
        assert autolinks(found) == []
        assert "".join(t.content for t in found if t.type == "text").replace(
            WORD_JOINER, "") == shows.format(text.strip()), source


def test_ordinary_punctuation_is_left_readable():
    assert md("Row 3: 1.5 at 10 o'clock, (maybe); 50% off?") == (
        "Row 3: 1.5 at 10 o'clock, (maybe); 50% off?")
    assert md(None) == "" and md(12.5) == "12.5"


# --- a hostile workspace ---------------------------------------------------------------------

def csv_data(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def hostile_clients() -> bytes:
    rows = [["Client ID", "Name", "Stage", "Channel", "Region", "Persona", "Status",
             "Client type"]]
    for number, text in enumerate(HOSTILE):
        rows.append([f"C{number}", text, text, text, text, text, text, text])
        rows.append([f"D{number}", f"{text} 2", "purchase", text, text,
                     HOSTILE[number % 3], "lost" if number % 2 else "", text])
    return csv_data(rows)


def hostile_events() -> bytes:
    rows = [["Client ID", "Date", "Kind", "Stage", "Channel", "Reason", "Note", "Touchpoint"]]
    for number, text in enumerate(HOSTILE):
        day = number % 9 + 1
        rows.append([f"D{number}", f"2026-01-0{day}", "objection", "consideration", text,
                     text, text, text])
        rows.append([f"D{number}", f"2026-02-0{day}", "purchase", text, text, text, text,
                     text])
    return csv_data(rows)


@pytest.fixture(scope="module")
def hostile_home(tmp_path_factory):
    """A JOURNEY_HOME holding one workspace whose every text is hostile."""
    folder = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JOURNEY_HOME", str(folder))
        create_workspace(WORKSPACE)
        db = open_workspace(WORKSPACE)
        import_file(db, f"{HOSTILE[0]}.csv", hostile_clients())
        import_file(db, f"{HOSTILE[1]} events.csv", hostile_events())
        import_file(db, "sheets.xlsx", xlsx_bytes({SHEET: [["Name", "Stage"],
                                                          ["Sheet client", HOSTILE[2]]]}))
        for number, text in enumerate(HOSTILE[:3]):
            three = "\n".join(HOSTILE[3 * number:3 * number + 3])
            personas.create_persona(db, {
                "name": text, "title": HOSTILE[number + 3], "description": HOSTILE[number + 6],
                "goals": "\n".join(HOSTILE), "pain_points": three, "delights": three,
                "key_opportunities": three, "preferred_contact": HOSTILE[5],
                "sales_tips": HOSTILE[6], "sales_method": HOSTILE[7], "impact": 3, "effort": 2,
                "tier": 1, "icon": "$x$"})
        for text in HOSTILE[3:]:
            personas.create_persona(db, {"name": text, "title": text}, archived=True)
        touchpoints = [{"touchpoint": text, "channel": "email", "department": "sales",
                        "emotion": 1, "customer_action": text, "thinks_feels": text,
                        "pain_points": text, "delights": text, "opportunities": text,
                        "kpi": text, "owner": text, "state": "current", "stage": "awareness"}
                       for text in HOSTILE]
        assert tp.save_stage(db, "awareness", [], touchpoints).ok
        tp.save_snapshot(db, HOSTILE[4], HOSTILE[0])
        set_goal(db, HOSTILE[0], "\n".join(HOSTILE[1:6]))
        for number, text in enumerate(HOSTILE):
            actions.add_action(db, {"title": text, "owner": HOSTILE[-1 - number],
                                    "note": text, "impact": 1 + number % 5})
        db.close()
        yield folder


def nodes(node):
    """An AppTest tree's blocks and elements, depth first."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from nodes(child)


def strings(proto):
    """The Markdown strings of an element or block proto, with their field names."""
    for descriptor, value in proto.ListFields():
        if descriptor.message_type is not None:
            for item in (value if descriptor.is_repeated else [value]):
                yield from strings(item)
        elif descriptor.name in MARKDOWN_FIELDS and isinstance(value, str):
            yield descriptor.name, value


def problems(at) -> list[str]:
    """What on the page shows hostile text as something other than text."""
    found = []
    for node in nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        kind = proto.DESCRIPTOR.name
        if kind == "Exception":
            found.append(f"exception: {proto.message}")
        if kind == "Html" or (kind == "Markdown" and proto.allow_html):
            found += [f"HTML not escaped: {proto.body!r}" for tag in ("<img src=x", "<a href")
                      if tag in proto.body]
        if kind == "PlotlyChart" and '<a href="https' in str(json.loads(proto.spec)):
            found.append("a chart links to where the data says")     # plotly renders <a>
        if kind in PLAIN_ELEMENTS:
            continue
        for name, value in strings(proto):
            found += [f"{kind}.{name} holds {text!r} raw: {value!r}"
                      for text in HOSTILE + [WORKSPACE, SHEET, REFUSED] if raw(text, value)]
            found += [f"{kind}.{name} renders a {t.type}: {value!r}"
                      for t in tokens(value) if t.type in FORBIDDEN_TOKENS]
            found += [f"{kind}.{name} autolinks {link!r}: {value!r}"
                      for link in autolinks(tokens(value))]
            found += [f"{kind}.{name} has a live {live!r}: {value!r}"
                      for live in FROM_DATA.findall(unescaped(value))]
    return found


def shown(at) -> str:
    """Every Markdown string on the page, as the text it shows."""
    return "\n".join(literal(value) for node in nodes(at._tree)
                     if getattr(node, "proto", None) is not None
                     and node.proto.DESCRIPTOR.name not in PLAIN_ELEMENTS
                     for _, value in strings(node.proto))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_hostile_text_as_text(hostile_home, monkeypatch, page):
    monkeypatch.setenv("JOURNEY_HOME", str(hostile_home))
    at = app_test(WORKSPACE, page)
    assert not at.exception, at.exception
    assert problems(at) == []


def test_the_overview_names_hostile_stage_values_literally(hostile_home, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(hostile_home))
    at = app_test(WORKSPACE, "views/overview.py")
    waiting = literal(at.main.warning[0].value)
    assert sum(f"'{value}'" in waiting for value in HOSTILE) == 5, waiting
    assert f"› {SHEET} on " in shown(at), "the last import's sheet, after its file"


def test_filters_and_an_open_client_show_hostile_text_as_text(hostile_home, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(hostile_home))
    at = app_test(WORKSPACE, "views/export.py", filter_channel=HOSTILE[:4])
    assert not at.exception, at.exception
    assert problems(at) == []
    assert HOSTILE[0] in shown(at), "the filters are described"
    at.switch_page("views/clients.py").run()
    for client in (1, 2, 3, 4, 5):
        at.session_state["client_open"] = client
        at.run()
        assert not at.exception, at.exception
        assert problems(at) == []


def test_the_import_page_shows_hostile_files_as_text(hostile_home, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(hostile_home))
    at = app_test(WORKSPACE, "views/import.py")
    workbook = xlsx_bytes({SHEET: [["Client ID", "Stage", HOSTILE[3]],
                                   ["X1", HOSTILE[0], HOSTILE[4]]],
                           "Second $y$": [["Name", "Channel"], [HOSTILE[5], HOSTILE[6]]]})
    uploads = [(f"{HOSTILE[0]}.csv", hostile_clients(), "text/csv"),
               (f"{HOSTILE[2]}.xlsx", workbook, "application/octet-stream"),
               (REFUSED, b"PK\x03\x04 broken zip", "application/octet-stream")]
    for name, data, mime in uploads:
        at.file_uploader[0].upload(name, data, mime)
    at.run()
    assert not at.exception, at.exception
    assert len(at.main.error) == 1, "the file that is not a workbook is refused"
    assert REFUSED in literal(at.main.error[0].value)
    assert problems(at) == []
    at.button(key="import_check").click().run()
    assert not at.exception, at.exception
    assert at.main.info and at.main.info[-1].value.startswith("Checked 2 files")
    assert problems(at) == []


def test_refused_workspace_names_are_quoted_as_text(hostile_home, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(hostile_home))
    at = app_test(WORKSPACE)
    at.sidebar.text_input[0].input(HOSTILE[0])
    at.sidebar.button[0].click().run()
    assert not at.exception, at.exception
    assert at.sidebar.error and HOSTILE[0] in literal(at.sidebar.error[0].value)
    assert problems(at) == []


def test_messages_that_quote_hostile_values_show_them_as_text(hostile_home, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(hostile_home))
    at = app_test(WORKSPACE, "views/touchpoints.py")
    at.text_input(key="snapshot_name").input(HOSTILE[4])
    at.button(key="save_snapshot").click().run()
    assert HOSTILE[4] in literal(at.main.error[0].value), "that name is taken"
    assert problems(at) == []
    at.text_input(key="snapshot_name").input(HOSTILE[0])
    at.button(key="save_snapshot").click().run()
    assert literal(at.main.success[0].value) == f"Snapshot '{HOSTILE[0]}' saved."
    assert problems(at) == []
    at.switch_page("views/personas.py").run()
    at.text_input(key="pnew_name").input(HOSTILE[1])
    at.button(key="FormSubmitter:new_persona-Create card").click().run()
    assert not at.exception, at.exception
    assert HOSTILE[1] in literal(at.main.error[0].value), "that name is taken"
    assert problems(at) == []
