"""What a second new owner's walk through the app found (session 20, W2): eleven more real
exports uploaded through the Import page, their Overview, Funnel, Signs and Personas
figures compared with TRUTH_exports.txt and the command line.

- A contact list alone (HubSpot's contacts export: 12,224 contacts, no deal, order or
  stage) measures Awareness only; the Overview said "No step between the stages your data
  measures loses as much as 1% of its clients", a reassurance about steps that nothing
  measures. Now it says only the first stage is measured and the tiles say what to
  import. Beside it, a tracker whose stages measure the steps and lose nobody keeps the
  old sentence.
"""

from __future__ import annotations

from conftest import app_test, run_cli

ONLY_FIRST = ("Your data measures only Awareness, so no step between stages can be measured "
              "yet: each tile above says what to import.")
NO_BIG_STEP = "No step between the stages your data measures loses as much as 1% of its"


def import_csv(home, name: str, text: str) -> None:
    """A CSV written beside the workspaces, imported into workspace "w" by the command line."""
    path = home.parent / name
    path.write_text(text, encoding="utf-8")
    done = run_cli(home, "import", str(path), "--workspace", "w")
    assert done.returncode == 0, done.stderr


def overview_captions(home) -> list[str]:
    at = app_test("w")
    assert not at.exception
    return [c.value for c in at.main.caption]


def test_a_contact_list_alone_says_only_awareness_is_measured(home):
    """Three contacts (e-mail, first name, created), nothing else: Awareness 3, the other
    four stages not measured (was: 'no step ... loses as much as 1%')."""
    import_csv(home, "contacts.csv", "email,firstname,createdate\n"
               "ann@a.example,Ann,2024-01-02\nbob@b.example,Bob,2024-01-03\n"
               "cy@c.example,Cy,2024-01-04\n")
    captions = overview_captions(home)
    assert ONLY_FIRST in captions
    assert not any(NO_BIG_STEP in c for c in captions)


def test_a_tracker_whose_steps_lose_nobody_keeps_the_no_big_step_sentence(home):
    """Two clients both at Retention by their stage column: Awareness 2 = Consideration 2
    = Purchase 2 = Retention 2, every measured step loses 0%."""
    import_csv(home, "tracker.csv", "Client,Stage\nAnn,Retention\nBob,Retention\n")
    captions = overview_captions(home)
    assert any(NO_BIG_STEP in c for c in captions)
    assert ONLY_FIRST not in captions
