"""Money at stake (issue 17.3): what each step's drop-off costs, worked by hand on a small
workspace, and what is said when the data holds no revenue.

Nine clients (an NPS of 9 or 10 proves advocacy, so Ann and Di are advocates):

client  persona  furthest       revenue   persona's revenue per purchase
Ann     Pro      advocacy       1,000     Pro: 1,000 / 1 purchase = 1,000
Bob     Pro      consideration
Cy      Pro      awareness
Di      Home     advocacy       3,000     Home: (3,000 + 2,000) / 2 purchases = 2,500
Ed      Home     consideration
Flo     Home     awareness
Gus     Home     awareness
Hal     Home     retention      2,000
Ivy     (none)   awareness                no revenue of its own: the business's average,
                                          6,000 / 3 purchases = 2,000

Lost on each step, × the value of the lost client's persona:

Awareness -> Consideration   Cy 1 × 1,000 + Flo, Gus 2 × 2,500 + Ivy 1 × 2,000 = 8,000
Consideration -> Purchase    Bob 1 × 1,000 + Ed 1 × 2,500                      = 3,500
Purchase -> Retention        nobody                                              =     0
Retention -> Advocacy        Hal 1 × 2,500                                      = 2,500
"""

from __future__ import annotations


from journey import funnel
from journey.ingest import import_file
from journey.workshop import personas
from journey.workspace import open_memory_workspace

CLIENTS = """Client ID,Name,Persona,Stage,Current revenue,Satisfaction,NPS
A,Ann,Pro,purchase,1000,4,10
B,Bob,Pro,consideration,,2,6
C,Cy,Pro,awareness,,,
D,Di,Home,purchase,3000,5,9
E,Ed,Home,consideration,,,7
F,Flo,Home,awareness,,,
G,Gus,Home,awareness,,,
H,Hal,Home,retention,2000,3,8
I,Ivy,,awareness,,,
"""


def shop(text: str = CLIENTS):
    db = open_memory_workspace()
    [result] = import_file(db, "clients.csv", text.encode())
    assert result.rejected == 0
    return db


def test_money_at_stake_is_clients_lost_times_their_personas_revenue_per_purchase():
    stake = funnel.money_at_stake(shop())
    assert stake.has_revenue and stake.average == 2000.0
    assert [(r["stage"], r["next_stage"], r["clients_lost"], r["money"], r["at_average"])
            for r in stake.steps.to_dict("records")] == [
        ("awareness", "consideration", 4, 8000.0, 1),
        ("consideration", "purchase", 2, 3500.0, 0),
        ("purchase", "retention", 0, 0.0, 0),
        ("retention", "advocacy", 1, 2500.0, 0)]
    assert stake.by_segment() == {"Pro": 2000.0, "Home": 10000.0, "(not set)": 2000.0}
    assert stake.sentence == ("The most money is at stake between Awareness and Consideration: "
                              "4 clients lost there, worth $8,000 at one purchase each.")


def test_revenue_per_purchase_divides_by_purchases_not_customers():
    text = """Client ID,Persona,Stage,Current revenue,Purchases
A,Pro,purchase,1000,4
D,Home,purchase,3000,
H,Home,retention,2000,2
K,Home,consideration,,
"""
    per, average = funnel.revenue_per_purchase(shop(text))
    assert per == {"Pro": 250.0, "Home": 5000 / 3}       # Ann: 1,000 over 4 purchases
    assert average == 6000 / 7


def test_without_revenue_there_is_no_figure_and_a_sentence_says_why():
    text = CLIENTS.replace(",1000,", ",,").replace(",3000,", ",,").replace(",2000,", ",,")
    stake = funnel.money_at_stake(shop(text))
    assert not stake.has_revenue and stake.average is None
    assert stake.steps["money"].isna().all()                 # never 0 as a figure
    assert stake.steps["clients_lost"].tolist() == [4, 2, 0, 1]
    assert stake.sentence.startswith("The data holds no revenue, so what the drop-off costs "
                                     "cannot be said")
    assert stake.by_segment() == {}


def test_the_filters_and_the_segment_field_are_the_funnels():
    from journey.filters import Filters
    stake = funnel.money_at_stake(shop(), filters=Filters(persona=("Pro",)))
    assert stake.steps["money"].tolist() == [1000.0, 1000.0, 0.0, 0.0]
    assert stake.average == 1000.0


def test_money_at_stake_feeds_the_rankings_impact_axis():
    db = shop()
    personas.create_persona(db, {"name": "Pro", "effort": 2})             # no impact score
    personas.create_persona(db, {"name": "Home", "impact": 2, "effort": 4})
    ranking = personas.rank_personas(db, money_at_stake=funnel.money_at_stake(db).by_segment())
    rows = ranking.set_index("name")
    assert rows.loc["Pro", "money_at_stake"] == 2000.0
    assert rows.loc["Pro", "impact_from_money"] == 1                # 5 × 2,000 / 10,000
    assert rows.loc["Pro", "impact"] == 1
    assert rows.loc["Home", "impact_from_money"] == 5
    assert rows.loc["Home", "impact"] == 2                          # the team's score wins
    without = personas.rank_personas(db).set_index("name")
    assert without.loc["Pro", "impact"] is None or without["impact"].isna()["Pro"]
