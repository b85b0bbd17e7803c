"""The clients sheet in journey.clients: search, sort, filters, paging, detail, timeline and
the reward/effort matrix, on a small workspace imported from CSV built here. Expected
values are worked out by hand from these rows."""

from __future__ import annotations

import pytest

from conftest import csv_bytes
from journey import clients, figures
from journey.clients import ClientQuery
from journey.errors import ValidationError
from journey.filters import Filters
from journey.ingest import import_file

CLIENTS_CSV = """Client ID,Name,Email,Contact,Persona,Client type,Region,Revenue (potential),\
Revenue (current),Reward/effort rank,Stage,Status,Objections,Complaints,First contact,\
Favourite colour
C-1,Acme Dental,hello@acme.example,Ann Lee,Alpha,Clinic,NSW,100,50,5,Purchase,active,,,\
2025-01-10,teal
C-2,Beta Office,info@beta.example,Bo Chen,Alpha,Office,VIC,300,0,2,Proposal,lost,,,\
2025-02-01,
C-3,Gamma Homes,gamma@home.example,Cy Park,Beta,Residential,NSW,200,20,,Lead,,1,1,\
2025-03-05,
C-4,Delta Studio,delta@studio.example,Di Ray,Beta,Residential,QLD,,,,Lead,,,,2025-03-20,
C-5,50% Off Outlet,sales@outlet.example,Ed Moss,Beta,Retail,NSW,40,,,,,,,2025-04-01,
C-6,50 Pct Store,pct@store.example,Fay Wu,Gamma,Retail,VIC,10,,,Lead,,,,2025-04-02,
C-7,Pure_Wool Knits,knits@wool.example,Gus Ng,Gamma,Retail,VIC,,,,Lead,,,,2025-05-01,
C-8,PureXWool Mills,mills@wool.example,Hal Oz,Gamma,Retail,QLD,,,,Lead,,,,2025-05-02,
"""

EVENTS_CSV = """Client ID,Date,Kind,Stage,Amount,Touchpoint,Channel,Reason,Note,Order ID,\
Product line
C-1,2025-01-10,contact,awareness,,Website,web,,First visit,,
C-1,2025-02-01,purchase,,1200,Showroom,in person,,,O-1,Desks
C-1,2025-06-01,purchase,,800,Showroom,in person,,,O-2,Chairs
C-5,2025-04-03,objection,consideration,,Quote,email,Too dear,,,
C-5,2025-04-04,objection,consideration,,Quote,email,Too slow,,,
C-5,2025-04-05,objection,consideration,,Quote,email,Unsure,,,
C-5,2025-05-01,purchase,,75,Online shop,web,,,O-3,
"""


@pytest.fixture
def sheet(db):
    """A workspace with the eight clients and seven events above."""
    import_file(db, "tracker.csv", csv_bytes(CLIENTS_CSV), kind="clients")
    import_file(db, "events.csv", csv_bytes(EVENTS_CSV), kind="events")
    return db


def ids(db, query=ClientQuery(), filters=Filters(), **options) -> list[str]:
    """The client IDs the view lists, in order."""
    frame = clients.client_rows(db, filters, query, ("client_id",), **options)
    return list(frame["Client ID"])


def by_client_id(db) -> dict[str, int]:
    return {cid: i for i, cid in db.execute("SELECT id, client_id FROM clients").fetchall()}


# --- search ------------------------------------------------------------------------------

@pytest.mark.parametrize("search, expected", [
    ("acme", ["C-1"]),                        # name, any case
    ("INFO@BETA", ["C-2"]),                   # email
    ("c-3", ["C-3"]),                         # client ID
    ("cy park", ["C-3"]),                     # contact, two words that both must match
    ("wool", ["C-7", "C-8"]),
    ("50%", ["C-5"]),                         # % is literal: "50 Pct Store" does not match
    ("Pure_Wool", ["C-7"]),                   # _ is literal: "PureXWool" does not match
    ("%", ["C-5"]),
    ("_", ["C-7"]),
    ("nobody", []),
])
def test_search_matches_name_email_client_id_and_contact_literally(sheet, search, expected):
    query = ClientQuery(search=search, sort="client_id")
    assert ids(sheet, query) == expected
    assert clients.count_clients(sheet, query=query) == len(expected)


def test_like_pattern_escapes_wildcards_and_the_escape_character():
    assert clients.like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"


# --- sort ----------------------------------------------------------------------------------

def test_sort_by_money_puts_blanks_last_in_either_direction(sheet):
    down = ids(sheet, ClientQuery(sort="revenue_potential", descending=True))
    assert down == ["C-2", "C-3", "C-1", "C-5", "C-6", "C-4", "C-7", "C-8"]
    up = ids(sheet, ClientQuery(sort="revenue_potential"))
    assert up == ["C-6", "C-5", "C-1", "C-3", "C-2", "C-4", "C-7", "C-8"]


def test_sort_by_name_ignores_case_and_stages_sort_by_their_order(sheet):
    assert ids(sheet, ClientQuery(sort="name")) == [
        "C-6", "C-5", "C-1", "C-2", "C-4", "C-3", "C-7", "C-8"]
    # furthest: C-1 retention (two purchase days), C-5 purchase, C-2 consideration, rest awareness
    by_stage = ids(sheet, ClientQuery(sort="furthest_stage", descending=True))
    assert by_stage[:3] == ["C-1", "C-5", "C-2"]


def test_an_unknown_sort_column_is_refused_in_a_sentence(sheet):
    with pytest.raises(ValidationError, match="Cannot sort by 'id; DROP TABLE'"):
        ids(sheet, ClientQuery(sort="id; DROP TABLE"))
    with pytest.raises(ValidationError, match="not a client column"):
        clients.client_rows(sheet, columns=("name", "extra"))


# --- filters ---------------------------------------------------------------------------------

def test_the_frame_filters_and_the_page_filters_combine(sheet):
    assert ids(sheet, ClientQuery(sort="client_id"), Filters(persona=("Beta",))) == [
        "C-3", "C-4", "C-5"]
    assert ids(sheet, ClientQuery(furthest=("awareness",), sort="client_id"),
               Filters(region=("NSW",))) == ["C-3"]
    assert ids(sheet, ClientQuery(outcomes=("lost",))) == ["C-2"]
    active = ids(sheet, ClientQuery(outcomes=("active",), sort="client_id"))
    assert active == ["C-1", "C-3", "C-4", "C-5", "C-6", "C-7", "C-8"]
    assert ids(sheet, ClientQuery(search="outlet", furthest=("purchase",))) == ["C-5"]
    assert ids(sheet, ClientQuery(furthest=("retention",))) == ["C-1"]
    dated = Filters(date_from="2025-03-01", date_to="2025-04-01")
    assert ids(sheet, ClientQuery(sort="client_id"), dated) == ["C-3", "C-4", "C-5"]


def test_unknown_page_filter_values_are_refused(sheet):
    with pytest.raises(ValidationError, match="'won' is not an outcome"):
        clients.count_clients(sheet, query=ClientQuery(outcomes=("won",)))
    with pytest.raises(ValidationError, match="'sale' is not a stage"):
        clients.count_clients(sheet, query=ClientQuery(furthest=("sale",)))


# --- paging --------------------------------------------------------------------------------------

def test_pages_cover_the_view_once_in_order(sheet):
    query = ClientQuery(sort="region")
    everyone = ids(sheet, query)
    pages = [ids(sheet, query, limit=3, offset=offset) for offset in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 2]
    assert sum(pages, []) == everyone
    assert clients.count_clients(sheet, query=query) == 8
    assert ids(sheet, query, limit=3, offset=9) == []


def test_rows_carry_labels_words_for_stages_and_the_row_id(sheet):
    frame = clients.client_rows(sheet, query=ClientQuery(sort="client_id"), limit=2)
    assert list(frame.columns) == [clients.COLUMN_LABELS[c] for c in clients.DEFAULT_COLUMNS]
    first = frame.iloc[0]
    assert (first["Name"], first["Furthest stage"], first["Outcome"]) == (
        "Acme Dental", "Retention", "Active")
    assert frame.iloc[1]["Outcome"] == "Lost"
    assert (first["First seen"], first["Last seen"], first["Purchases logged"]) == (
        "2025-01-10", "2025-06-01", 2)
    assert list(frame.index) == [by_client_id(sheet)["C-1"], by_client_id(sheet)["C-2"]]


def test_the_download_holds_every_matching_row_not_one_page(sheet):
    query = ClientQuery(search="example", sort="client_id")
    frame = clients.export_rows(sheet, Filters(region=("NSW", "VIC")), query,
                                ("client_id", "name", "revenue_potential"))
    assert list(frame.columns) == ["Client ID", "Name", "Revenue (potential)"]
    assert list(frame["Client ID"]) == ["C-1", "C-2", "C-3", "C-5", "C-6", "C-7"]
    assert list(frame.index) == list(range(6))


# --- one client ----------------------------------------------------------------------------------

def test_detail_has_every_field_the_kept_columns_and_the_stage_dates(sheet):
    acme = by_client_id(sheet)["C-1"]
    detail = clients.client_detail(sheet, acme, currency="$")
    fields = dict(zip(detail["fields"]["Field"], detail["fields"]["Value"]))
    assert len(fields) == len(clients.CLIENT_FIELDS)
    assert fields["Name"] == "Acme Dental"
    assert fields["Revenue (potential)"] == "$100"
    assert fields["Reward/effort rank"] == "5"
    assert fields["Stage"] == "Purchase"
    assert fields["Lessons learnt"] == ""
    assert detail["extra"].values.tolist() == [["Favourite colour", "teal"]]
    # (the tracker's undated "Purchase" gives way to Acme's two purchases since, 02-01 and
    # 06-01: a repeat buyer is at retention now; until session 23 it read purchase)
    assert (detail["furthest_stage"], detail["current_stage"], detail["outcome"]) == (
        "retention", "retention", None)
    assert detail["purchases"] == 2
    assert detail["stages"].values.tolist() == [
        ["Awareness", "2025-01-10", ""],
        ["Consideration", "date not known", ""],
        ["Purchase", "2025-02-01", ""],
        ["Retention", "2025-06-01", "furthest, current"],
        ["Advocacy", "", ""]]
    assert detail["label"] == "Acme Dental (C-1)"
    beta = clients.client_detail(sheet, by_client_id(sheet)["C-2"])["fields"]
    assert beta["Field"].tolist()[27:30] == ["Stage", "Stage as written", "Status"]
    assert beta["Value"].tolist()[27:30] == ["Consideration", "Proposal", "lost"]
    assert clients.client_detail(sheet, 999_999) is None


def test_timeline_lists_the_events_in_date_order_with_their_kept_columns(sheet):
    timeline = clients.client_timeline(sheet, by_client_id(sheet)["C-1"])
    assert list(timeline.columns) == clients.TIMELINE_COLUMNS
    assert timeline["Date"].tolist() == ["2025-01-10", "2025-02-01", "2025-06-01"]
    assert timeline["Kind"].tolist() == ["Contact", "Purchase", "Purchase"]
    assert timeline["Stage"].tolist()[0] == "Awareness" and timeline["Stage"][1:].isna().all()
    assert timeline["Amount"].isna().tolist() == [True, False, False]
    assert timeline["Amount"].tolist()[1:] == [1200.0, 800.0]
    assert timeline["Order ID"].tolist()[1:] == ["O-1", "O-2"]
    assert timeline["More"].tolist()[1:] == ["Product line: Desks", "Product line: Chairs"]
    assert timeline["Note"].tolist()[0] == "First visit"
    figure = figures.timeline_figure(timeline)
    assert [t.name for t in figure.data] == ["Awareness", "(no stage)"]
    assert list(figure.data[1].x) == ["2025-02-01", "2025-06-01"]
    assert figures.timeline_figure(clients.client_timeline(sheet, 999_999)) is None


def test_a_spreadsheet_value_is_escaped_in_plotly_hover_text(db):
    import_file(db, "t.csv", csv_bytes("Client ID,Name,Revenue (potential)\n"
                                       "X-1,<b>Bold</b> & Co,500\n"), kind="clients")
    import_file(db, "e.csv", csv_bytes("Client ID,Date,Kind,Note\n"
                                       "X-1,2025-01-01,contact,<img src=x>\n"), kind="events")
    points = clients.reward_effort(db, by="client")
    figure = figures.matrix_figure(points, by="client")
    assert list(figure.data[0].text) == ["&lt;b&gt;Bold&lt;/b&gt; &amp; Co (X-1)"]
    timeline = clients.client_timeline(db, int(points["id"][0]))
    hover = figures.timeline_figure(timeline).data[0].hovertext[0]
    assert "<img" not in hover and "&lt;img src=x&gt;" in hover


# --- the reward/effort matrix -------------------------------------------------------------------
# Effort by hand: C-1 rank 5 -> 1; C-2 rank 2 -> 4; C-3 no rank, 1 objection + 1 complaint
# -> friction 2 -> 3; C-5 no rank, 3 objection events -> friction 3 -> 4; C-6 no rank, nothing
# -> 1. C-4, C-7 and C-8 have no potential and are not placed.

def test_each_client_is_placed_by_potential_against_effort(sheet):
    points = clients.reward_effort(sheet, by="client")
    table = points[["label", "revenue_potential", "revenue_current", "effort", "ranked"]]
    assert table.values.tolist() == [
        ["Beta Office (C-2)", 300.0, 0.0, 4.0, 1],
        ["Gamma Homes (C-3)", 200.0, 20.0, 3.0, 0],
        ["Acme Dental (C-1)", 100.0, 50.0, 1.0, 1],
        ["50% Off Outlet (C-5)", 40.0, 75.0, 4.0, 0],     # current revenue from its purchase
        ["50 Pct Store (C-6)", 10.0, 0.0, 1.0, 0],
    ]
    # the reward line is the average potential shown: (300+200+100+40+10)/5 = 130
    assert clients.reward_line(points) == 130.0
    assert points["quadrant"].tolist() == [
        "Major projects", "Serve first", "Quick wins", "Reconsider", "Quick wins"]
    assert clients.potential_counts(sheet) == (5, 3)
    caption = clients.matrix_caption(points, "client", 5, 3)
    assert "the 5 with the most potential of the 5 that have one" in caption
    assert "clients without a rank are placed by their objections" in caption  # 2 of 5 ranked
    assert caption.endswith("3 matching clients have no revenue potential and are not placed.")


def test_groups_sum_potential_and_average_effort(sheet):
    points = clients.reward_effort(sheet, by="persona")
    assert points[["label", "clients", "revenue_potential", "revenue_current", "effort"]
                  ].values.tolist() == [
        ["Alpha", 2, 400.0, 50.0, 2.5],      # C-1 and C-2
        ["Beta", 2, 240.0, 95.0, 3.5],       # C-3 and C-5 (C-4 has no potential)
        ["Gamma", 1, 10.0, 0.0, 1.0],        # C-6
    ]
    # line (400 + 240 + 10) / 3 = 216.67: Alpha high and easy, Beta high but effort 3.5
    assert points["quadrant"].tolist() == ["Serve first", "Major projects", "Quick wins"]
    assert "summed over its clients" in clients.matrix_caption(points, "persona", 5, 0)
    only_friction = clients.reward_effort(sheet, Filters(persona=("Gamma",)), by="client")
    assert clients.matrix_caption(only_friction, "client", 1, 0).startswith(
        "Up: each client's revenue potential (the 1 with the most potential of the 1 that "
        "have one). Right: effort. Effort comes from each client's objections and complaints")
    narrowed = clients.reward_effort(sheet, Filters(region=("NSW",)), by="client_type")
    assert narrowed[["label", "clients", "revenue_potential"]].values.tolist() == [
        ["Residential", 1, 200.0], ["Clinic", 1, 100.0], ["Retail", 1, 40.0]]


def test_the_matrix_follows_the_view_and_refuses_unknown_groupings(sheet):
    lost = clients.reward_effort(sheet, query=ClientQuery(outcomes=("lost",)), by="buyer_type")
    assert lost[["label", "clients"]].values.tolist() == [["(not set)", 1]]
    with pytest.raises(ValidationError, match="Cannot group the matrix by 'name'"):
        clients.reward_effort(sheet, by="name")
    empty = clients.reward_effort(sheet, query=ClientQuery(search="nobody"), by="client")
    assert empty.empty
    figure = figures.matrix_figure(empty, by="client")
    assert not figure.data


def test_matrix_figure_places_points_where_the_table_says(sheet):
    points = clients.reward_effort(sheet, by="persona")
    figure = figures.matrix_figure(points, by="persona", currency="€")
    trace = figure.data[0]
    assert list(trace.y) == [400.0, 240.0, 10.0]
    assert list(trace.x) == [2.5, 3.5, 1.0]
    names = {a.text for a in figure.layout.annotations}
    assert names == {"<b>Serve first</b>", "<b>Major projects</b>", "<b>Quick wins</b>",
                     "<b>Reconsider</b>"}
    assert figure.layout.yaxis.tickprefix == "€"
    each = figures.matrix_figure(clients.reward_effort(sheet, by="client"), by="client")
    offsets = [x - e for x, e in zip(each.data[0].x, clients.reward_effort(
        sheet, by="client")["effort"])]
    assert all(abs(o) <= 0.2 for o in offsets) and len(set(offsets)) > 1


def test_format_value_reads_like_a_person_wrote_it():
    assert clients.format_value("revenue_current", 1234.5, "€") == "€1,234.50"
    assert clients.format_value("revenue_current", 1200.0) == "$1,200"
    assert clients.format_value("contract_on_file", 1) == "yes"
    assert clients.format_value("nps", 9.0) == "9"
    assert clients.format_value("furthest_stage", "consideration") == "Consideration"
    assert clients.format_value("outcome", None) == "Active"
    assert clients.format_value("email", None) == ""
