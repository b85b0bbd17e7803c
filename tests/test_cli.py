"""The command line (``python -m journey``): help, the --json contracts, exit statuses.

End-to-end runs are separate processes with ``JOURNEY_HOME`` in tmp; they are started
together where they do not depend on each other. Option handling is also checked in-process
through ``journey.__main__.main`` (the same code the process runs), which is quicker.
"""

from __future__ import annotations

import concurrent.futures
import json
import subprocess

import pytest

from conftest import run_cli as run
from journey.__main__ import EXAMPLES, main
from journey.workspace import get_setting, open_workspace

COMMANDS = ["demo", "import", "undo-import", "funnel"]
LEADS = ("Lead ID,Lead Name,Source,Stage\n"
         "L1,Ann,Web,New\nL2,Bob,Web,Qualified\nL3,Cat,Referral,Qualified\n"
         "L4,Dan,Referral,Proposal\nL5,Eve,Event,New\nL6,Fay,Web,Lost\nL7,,Web,New\n")
WON = ("Ref,Closed,Value,Deal\n"
       "L2,2024-01-10,500,D1\nL3,2024-02-01,800,D2\nL3,2024-05-01,300,D3\nL4,2024-03-03,1000,D4\n"
       "L4,someday,5,D5\n")


def refused(done: subprocess.CompletedProcess) -> str:
    """The one sentence on stderr of a run that exited 2."""
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].endswith("."), done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    """Import the lead list and won deals once, then run the other commands together."""
    home = tmp_path_factory.mktemp("cli-home")
    (home / "leads.csv").write_text(LEADS)
    (home / "won.csv").write_text(WON)
    leads = run(home, "import", str(home / "leads.csv"), "--workspace", "shop", "--json")
    won = run(home, "import", str(home / "won.csv"), "--workspace", "shop", "--map",
              "Ref=client_id", "--map", "Closed=date", "--map", "Deal=order_id",
              "--set", "kind=won", "--json")
    runs = {
        "funnel": ("funnel", "--workspace", "shop", "--json"),
        "funnel-by": ("funnel", "--workspace", "shop", "--by", "channel", "--json"),
        "unknown-workspace": ("funnel", "--workspace", "nowhere"),
        "undo-missing": ("undo-import", "99", "--workspace", "shop"),
        "help-import": ("import", "--help"),
    }
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        futures = {key: pool.submit(run, home, *args) for key, args in runs.items()}
        done = {key: f.result() for key, f in futures.items()}
    done["import-leads"], done["import-won"] = leads, won
    done["home"] = home
    return done


def test_help_through_a_process(session):
    done = session["help-import"]
    assert done.returncode == 0 and done.stderr == ""
    assert f"example: {EXAMPLES['import']}" in " ".join(done.stdout.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(capsys, command):
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    out, err = capsys.readouterr()
    assert exited.value.code == 0 and err == ""
    text = " ".join(out.split())
    assert "--workspace" in text
    assert f"example: {EXAMPLES[command]}" in text


def test_top_level_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


def test_import_json_contract(session):
    outputs = []
    for key in ("import-leads", "import-won"):
        done = session[key]
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        outputs.append(json.loads(done.stdout))
        assert set(outputs[-1]) >= {"imports"} and len(outputs[-1]["imports"]) == 1
    (leads,), (won,) = (out["imports"] for out in outputs)
    contract = {"import_id", "file", "sheet", "kind", "mapping", "rows", "inserted", "updated",
                "rejected", "problems"}
    for item in (leads, won):
        assert set(item) >= contract
        for problem in item["problems"]:
            assert set(problem) >= {"row", "column", "value", "reason"}
    assert {k: leads[k] for k in contract} == {
        "import_id": 1, "file": "leads.csv", "sheet": "leads", "kind": "clients",
        "mapping": {"Lead ID": "client_id", "Lead Name": "name", "Source": "channel",
                    "Stage": "stage"},
        "rows": 7, "inserted": 7, "updated": 0, "rejected": 0, "problems": []}
    assert {k: won[k] for k in contract} == {
        "import_id": 2, "file": "won.csv", "sheet": "won", "kind": "events",
        "mapping": {"Ref": "client_id", "Closed": "date", "Value": "amount", "Deal": "order_id"},
        "rows": 5, "inserted": 4, "updated": 0, "rejected": 1,
        "problems": [{"row": 6, "column": "Closed (B)", "value": "someday",
                      "reason": "date is not a date Journey understands"}]}


def test_funnel_json_contract(session):
    """By hand: 7 leads (L7 has no name but an ID); L2-L4 qualified or with a proposal;
    L2, L3, L4 won; L3 won on two dates."""
    done = session["funnel"]
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert set(out) == {"stages"}
    assert out["stages"] == [
        {"stage": "awareness", "clients": 7, "pct_of_previous": None, "pct_of_first": 100.0},
        {"stage": "consideration", "clients": 3, "pct_of_previous": 42.86,
         "pct_of_first": 42.86},
        {"stage": "purchase", "clients": 3, "pct_of_previous": 100.0, "pct_of_first": 42.86},
        {"stage": "retention", "clients": 1, "pct_of_previous": 33.33, "pct_of_first": 14.29},
        {"stage": "advocacy", "clients": 0, "pct_of_previous": 0.0, "pct_of_first": 0.0}]


def test_funnel_by_json_contract(session):
    done = session["funnel-by"]
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert set(out) == {"stages", "by"}
    assert out["stages"] == json.loads(session["funnel"].stdout)["stages"]
    counts = {segment: [s["clients"] for s in stages] for segment, stages in out["by"].items()}
    assert counts == {"Web": [4, 1, 1, 0, 0], "Referral": [2, 2, 2, 1, 0],
                      "Event": [1, 0, 0, 0, 0]}
    for stages in out["by"].values():
        assert [s["stage"] for s in stages] == ["awareness", "consideration", "purchase",
                                                "retention", "advocacy"]
        assert all(set(s) == {"stage", "clients", "pct_of_previous", "pct_of_first"}
                   for s in stages)


@pytest.mark.parametrize("key,words", [
    ("unknown-workspace", "no workspace 'nowhere'"),
    ("undo-missing", "no import 99"),
])
def test_refusals_exit_2_with_one_sentence(session, key, words):
    assert words in refused(session[key])
    assert session[key].stdout == ""
    assert not (session["home"] / "nowhere.db").exists()


# --- in-process: option handling ------------------------------------------------------------

def call(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(home):
    (home / "leads.csv").write_text(LEADS)
    (home / "won.csv").write_text(WON)
    open_workspace("shop").close()              # an empty workspace called shop
    return home


def counts(home):
    db = open_workspace(home / "shop.db", create=False)
    try:
        return (db.execute("SELECT COUNT(*) FROM clients").fetchone()[0],
                db.execute("SELECT COUNT(*) FROM events").fetchone()[0],
                db.execute("SELECT COUNT(*) FROM imports WHERE undone_at IS NULL").fetchone()[0])
    finally:
        db.close()


def test_import_text_output_dry_run_and_undo(capsys, files):
    code, out, err = call(capsys, "import", str(files / "leads.csv"), "--workspace", "shop",
                          "--dry-run")
    assert (code, err) == (0, "")
    assert out.startswith("Would import leads.csv [leads] as clients: 7 rows, 7 new")
    assert counts(files) == (0, 0, 0)
    code, out, err = call(capsys, "import", str(files / "won.csv"), "--workspace", "shop",
                          "--map", "Ref=client_id", "--map", "Closed=date", "--set", "kind=won")
    assert code == 0
    assert out.splitlines() == [
        "Import 1: won.csv [won] as events: 5 rows, 4 new, 0 updated, 1 rejected.",
        "  row 6, Closed (B): 'someday' date is not a date Journey understands"]
    assert counts(files) == (3, 4, 1)
    code, out, err = call(capsys, "undo-import", "1", "--workspace", "shop")
    assert (code, err) == (0, "")
    assert out == "Undid import 1: removed 3 clients and 4 events.\n"
    assert counts(files) == (0, 0, 0)
    code, out, err = call(capsys, "undo-import", "1", "--workspace", "shop")
    assert code == 2 and "already undone" in err


def test_funnel_text(capsys, files):
    (files / "hot.csv").write_text("Client ID,Stage,Source\nH1,Lead,Web\nH2,Won,Web\n")
    assert call(capsys, "import", str(files / "hot.csv"), "--workspace", "shop")[0] == 0
    code, out, err = call(capsys, "funnel", "--workspace", "shop", "--by", "channel")
    assert (code, err) == (0, "")
    assert out.splitlines()[:4] == [
        "All clients", "  Awareness             2  ",
        "  Consideration         1    50.0% of previous",
        "  Purchase              1   100.0% of previous"]
    assert "channel = Web" in out


def test_stage_map_option_and_unknown_stage_hint(capsys, files):
    (files / "hot.csv").write_text("Client ID,Stage\nH1,Pitching\nH2,Parked\n")
    code, out, _ = call(capsys, "import", str(files / "hot.csv"), "--workspace", "shop",
                        "--stage-map", "Pitching=consideration")
    assert code == 0
    assert "stage value 'Parked' (1 row) is not known: add --stage-map 'Parked=STAGE'." in out
    db = open_workspace(files / "shop.db")
    assert db.execute("SELECT client_id, furthest_stage FROM clients ORDER BY 1").fetchall() == [
        ("H1", "consideration"), ("H2", "awareness")]
    db.close()


def test_map_splits_on_the_last_equals_sign(capsys, files):
    (files / "odd.csv").write_text("Client ID,a=b\nX1,Web\n")
    code, out, err = call(capsys, "import", str(files / "odd.csv"), "--workspace", "shop",
                          "--map", "a=b=channel", "--json")
    assert code == 0, err
    assert json.loads(out)["imports"][0]["mapping"] == {"Client ID": "client_id",
                                                        "a=b": "channel"}


@pytest.mark.parametrize("args,words", [
    (("import", "missing.csv", "--workspace", "shop"), "There is no file"),
    (("import", "{leads}", "--workspace", "shop", "--map", "nonsense"), "SOURCE=TARGET"),
    (("import", "{leads}", "--workspace", "shop", "--kind", "people"), "invalid choice"),
    (("import", "{leads}", "--workspace", "shop", "--stage-map", "Hot=warm"), "not a stage"),
    (("import", "{leads}", "--workspace", "shop", "--set", "colour=red"), "not a field"),
    (("import", "{leads}"), "--workspace"),
    (("undo-import", "one", "--workspace", "shop"), "invalid int"),
    (("funnel", "--workspace", "shop", "--bogus"), "unrecognized arguments"),
    (("funnel", "--workspace", "nowhere"), "no workspace 'nowhere'"),
    (("undo-import", "1", "--workspace", "nowhere"), "no workspace 'nowhere'"),
    (("funnel", "--workspace", "../etc"), "cannot be a workspace name"),
    (("import", "{leads}", "--workspace", "a/b"), "cannot be a workspace name"),
    # 64 four-byte letters: 259 bytes of file name, once a traceback (issue 13.8)
    (("import", "{leads}", "--workspace", "\U00020000" * 64), "too long for a workspace name"),
    (("funnel", "--workspace", "shop", "--by", "colour"), "'colour'"),
    ((), "required"),
])
def test_usage_errors_exit_2_with_one_sentence(capsys, files, args, words):
    args = [a.replace("{leads}", str(files / "leads.csv")) for a in args]
    code, out, err = call(capsys, *args)
    assert code == 2 and out == ""
    assert words.lower() in err.lower() and len(err.splitlines()) == 1 and err.strip().endswith(".")


def test_a_refused_file_among_several_imports_nothing(capsys, files):
    (files / "empty.csv").write_bytes(b"")
    code, out, err = call(capsys, "import", str(files / "leads.csv"), str(files / "empty.csv"),
                          "--workspace", "shop")
    assert code == 2 and out == "" and "empty.csv is empty" in err
    assert counts(files) == (0, 0, 0)


def test_a_refused_file_does_not_create_a_workspace(capsys, files):
    (files / "empty.csv").write_bytes(b"")
    code, out, err = call(capsys, "import", str(files / "empty.csv"), "--workspace", "fresh")
    assert code == 2 and "empty.csv is empty" in err
    assert not (files / "fresh.db").exists()
    code, out, err = call(capsys, "import", str(files / "leads.csv"), "--workspace", "fresh")
    assert code == 0 and (files / "fresh.db").exists()


def test_settings_are_shown_and_changed_by_name(capsys, files):
    code, out, err = call(capsys, "settings", "--workspace", "shop")
    assert code == 0 and err == ""
    assert out.splitlines()[3].split()[:2] == ["max_import_rows", "1000000"]
    code, out, err = call(capsys, "settings", "--workspace", "shop", "max_import_rows=600,000",
                          "day_first=no")
    assert code == 0
    db = open_workspace("shop")
    assert (get_setting(db, "max_import_rows"), get_setting(db, "day_first")) == (600_000, False)
    db.close()


@pytest.mark.parametrize("change,words", [
    ("colour=red", "'colour' is not a setting you can change here"),
    ("editing_passcode=1234", "'editing_passcode' is not a setting you can change here"),
    ("stall_days=-3", "stall_days=-3: stall_days needs a whole number above 0."),
    ("pre_awareness=maybe", "pre_awareness needs yes or no."),
    ("stall_days", "settings takes KEY=VALUE, not 'stall_days'."),
])
def test_a_setting_that_cannot_be_used_is_refused_and_nothing_changes(capsys, files, change,
                                                                      words):
    code, out, err = call(capsys, "settings", "--workspace", "shop", "stall_days=30", change)
    assert code == 2 and out == "" and words in err
    db = open_workspace("shop")
    assert get_setting(db, "stall_days") == 60          # the valid change was not made either
    db.close()
