"""The Funnel page's first screen drawn as HTML (journey.figures' funnel_html, current_html,
segment_html): the numbers plotly drew, its hovers, and text from the data escaped."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from journey import figures
from journey.funnel import Drop

HOSTILE = '<img src=x onerror=alert(1)> & "Ann"'


def stages(*clients, labels=None) -> pd.DataFrame:
    keys = ["awareness", "consideration", "purchase", "retention", "advocacy"][:len(clients)]
    labels = labels or [k.capitalize() for k in keys]
    return pd.DataFrame({"stage": keys, "label": labels, "clients": list(clients)})


@pytest.mark.parametrize("value,digits,expected", [
    (12.5, 0, "13"), (0.5, 0, "1"), (63.9, 0, "64"), (26.8, 0, "27"), (57.01, 1, "57.0"),
    (7.55, 1, "7.5"),          # 7.55 is 7.54999... in binary: d3 writes 7.5 as well
    (100.0, 0, "100"), (0.0, 1, "0.0")])
def test_fixed_writes_numbers_as_plotly_does(value, digits, expected):
    assert figures.fixed(value, digits) == expected


def test_the_funnel_shows_each_steps_clients_and_share_of_the_first():
    drawn = figures.funnel_html(stages(2000, 1278, 536, 260, 151))
    for text in ("2,000<br>100%", "1,278<br>64%", "536<br>27%", "260<br>13%", "151<br>8%"):
        assert text in drawn
    # the hover says what plotly's did
    assert "Purchase: 536 clients&#10;26.8% of the first step&#10;41.9% of the step " \
           "before" in drawn
    assert drawn.count("clip-path:polygon(") == 4           # a connector between steps


def test_the_funnel_names_the_biggest_drop_beside_its_step():
    drop = Drop(from_stage="consideration", to_stage="purchase", clients_lost=742,
                pct_lost=58.06, sentence="")
    drawn = figures.funnel_html(stages(2000, 1278, 536), drop)
    assert "<b>◀ −58%</b><br>742 clients stopped<br>after consideration" in drawn
    assert drawn.index("◀") > drawn.index("536<br>27%")


def test_a_funnel_nobody_reached_past_the_first_step_draws():
    drawn = figures.funnel_html(stages(10, 0, 0))
    assert "0<br>0%" in drawn and "nan" not in drawn.lower()
    assert "of the step before" not in drawn.split("Purchase:")[1].split('"')[0]


def test_where_they_are_now_shows_every_count():
    current = pd.DataFrame({"stage": ["awareness", "purchase"], "label": ["Awareness",
                            "Purchase"], "reached": [2000, 536], "furthest": [722, 276],
                            "now": [189, 231], "left": [533, 45]})
    drawn = figures.current_html(current)
    for text in (">722<", "189 active, 533 left", ">276<", "231 active, 45 left",
                 "Got this far (furthest stage)", "Here now, active",
                 "Left from here (lost, churned)"):
        assert text in drawn


def test_where_they_are_now_shows_a_dash_for_a_stage_nothing_measures():
    current = pd.DataFrame({"stage": ["awareness", "advocacy"], "label": ["Awareness",
                            "Advocacy"], "reached": [20, 0], "furthest": [12, 0],
                            "now": [10, 0], "left": [2, 0],
                            "missing": [None, "No referrals in your data."]})
    drawn = figures.current_html(current)
    assert "10 active, 2 left" in drawn and "0 active, 0 left" not in drawn
    assert "Advocacy: not measured&#10;No referrals in your data." in drawn
    assert ">–</span>" in drawn


def test_segments_show_the_share_of_each_segment_reaching_each_step():
    table = pd.DataFrame({
        "segment": ["Hugo"] * 3 + [None] * 3 + ["Empty"] * 3,
        "segment_clients": [977] * 3 + [40] * 3 + [0] * 3,
        "stage": ["awareness", "consideration", "purchase"] * 3,
        "label": ["Awareness", "Consideration", "Purchase"] * 3,
        "clients": [977, 557, 151, 40, 20, 5, 0, 0, 0],
        "pct_of_previous": [math.nan] * 9,
        "pct_of_first": [100.0, 57.01, 15.46, 100.0, 50.0, 12.5, math.nan, math.nan,
                         math.nan]})
    drawn = figures.segment_html(table)
    assert ">Awareness<" not in drawn                      # the first step is everyone
    assert "Hugo, Consideration: 57.0% (557 of 977)" in drawn
    assert ">15.5%<" in drawn and ">12.5%<" in drawn
    assert "nan" not in drawn.lower() and "None" not in drawn
    assert figures.segment_html(table.iloc[0:0]) == ""


def test_text_from_the_data_is_escaped():
    funnel_drawn = figures.funnel_html(stages(10, 5, labels=[HOSTILE, "B"]))
    current = pd.DataFrame({"stage": ["awareness"], "label": [HOSTILE], "reached": [1],
                            "furthest": [1], "now": [1], "left": [0]})
    table = pd.DataFrame({"segment": [HOSTILE] * 2, "segment_clients": [2, 2],
                          "stage": ["awareness", "purchase"], "label": ["A", HOSTILE],
                          "clients": [2, 1], "pct_of_previous": [math.nan, 50.0],
                          "pct_of_first": [100.0, 50.0]})
    for drawn in (funnel_drawn, figures.current_html(current), figures.segment_html(table)):
        assert "<img" not in drawn and '"Ann"' not in drawn
        assert "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Ann&quot;" in drawn


def test_a_step_the_data_cannot_measure_shows_a_dash_and_why():
    frame = stages(10, 6, 3).assign(missing=[None, None, "No purchases in your data."])
    drawn = figures.funnel_html(frame)
    assert "6<br>60%" in drawn and "0<br>0%" not in drawn and "3<br>30%" not in drawn
    assert "Purchase: not measured&#10;No purchases in your data." in drawn
    assert ">–</div>" in drawn
