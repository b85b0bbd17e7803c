"""The command line and the app's entry point on a small hand-made workspace."""

import json
import subprocess
import sys

from streamlit.testing.v1 import AppTest

LEADS = b"Lead ID,Name,Lead source\nL1,Ann,search\nL2,Bob,search\nL3,Cy,referral\nL4,Di,referral\n"
WON = b"Lead ID,Close date,Amount\nL1,2024-03-01,100\nL3,2024-03-02,50\nL3,2024-05-02,70\n"


def run(*args, home):
    return subprocess.run([sys.executable, "-m", "journey", *args], capture_output=True,
                          text=True, env={"JOURNEY_HOME": str(home), "PATH": "/usr/bin"})


def test_two_files_give_the_hand_worked_funnel(tmp_path):
    (tmp_path / "leads.csv").write_bytes(LEADS)
    (tmp_path / "won.csv").write_bytes(WON)
    assert run("import", str(tmp_path / "leads.csv"), "--workspace", "shop",
               home=tmp_path).returncode == 0
    done = run("import", str(tmp_path / "won.csv"), "--workspace", "shop", "--kind", "events",
               "--set", "kind=won", "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)["imports"][0]
    assert (result["rows"], result["inserted"], result["rejected"]) == (3, 3, 0)
    funnel = json.loads(run("funnel", "--workspace", "shop", "--by", "channel", "--json",
                            home=tmp_path).stdout)
    # 4 leads; L1 and L3 won (purchase); L3 won on two dates (retention).
    # Reaching purchase implies consideration, so consideration counts them too.
    assert [s["clients"] for s in funnel["stages"]] == [4, 2, 2, 1, 0]
    assert funnel["stages"][1]["pct_of_previous"] == 50.0
    assert [s["clients"] for s in funnel["by"]["referral"]] == [2, 1, 1, 1, 0]
    assert [s["clients"] for s in funnel["by"]["search"]] == [2, 1, 1, 0, 0]


def test_refused_input_exits_2_with_one_sentence(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    done = run("import", str(tmp_path / "empty.csv"), "--workspace", "shop", home=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert run("funnel", "--workspace", "missing", home=tmp_path).returncode == 2


def test_app_shows_the_workspace_figures(tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(tmp_path))
    (tmp_path / "leads.csv").write_bytes(LEADS)
    assert run("import", str(tmp_path / "leads.csv"), "--workspace", "shop",
               home=tmp_path).returncode == 0
    at = AppTest.from_file("../app.py", default_timeout=30).run()
    assert not at.exception
    # Leads alone: all four aware; nothing says who considered buying (no stages, deals
    # or purchases), so consideration is not shown as 0.
    assert [m.value for m in at.metric][:2] == ["4", "–"]
