"""The command line: ``python -m journey COMMAND ...`` (see ``--help`` of each command).

Exit status 0 on success (an import with rejected rows is a success and says so),
2 for refused input or a usage error, with one sentence on stderr and no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import JourneyError, ValidationError
from .text import counted

EXAMPLES = {
    "demo": "python -m journey demo --workspace demo",
    "import": "python -m journey import clients.xlsx --workspace shop "
              "--map 'Lead Source=channel' --stage-map 'Hot=consideration'",
    "undo-import": "python -m journey undo-import 3 --workspace shop",
    "funnel": "python -m journey funnel --workspace shop --by channel --json",
    "signs": "python -m journey signs --workspace shop --json",
    "export": "python -m journey export --workspace shop -o shop-journey.xlsx",
    "settings": "python -m journey settings --workspace shop max_import_rows=600000",
    "actions": "python -m journey actions --workspace shop --owner Sam --json",
    "kpis": "python -m journey kpis --workspace shop --json",
}


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one plain sentence instead of usage text."""

    def error(self, message: str):
        raise ValidationError(f"{message[0].upper()}{message[1:]} (see --help).")


def _pairs(values: list[str], option: str, shape: str = "SOURCE=TARGET") -> dict[str, str]:
    pairs = {}
    for value in values or []:
        if "=" not in value:
            raise ValidationError(f"{option} takes {shape}, not '{value}'.")
        source, target = value.rsplit("=", 1) if option == "--map" else value.split("=", 1)
        pairs[source.strip()] = target.strip()
    return pairs


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m journey", description="Journey's command line.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, help_text: str):
        sub = commands.add_parser(name, help=help_text, description=help_text,
                                  epilog=f"example: {EXAMPLES[name]}")
        sub.add_argument("--workspace", required=True,
                         help="a workspace name (in $JOURNEY_HOME or data/workspaces) "
                              "or a path to a .db file")
        return sub

    demo = command("demo", "Build the demo workspace: a small business with 24 months of data.")
    demo.add_argument("--force", action="store_true", help="replace an existing workspace")

    imp = command("import", "Import spreadsheets (CSV, TSV, XLSX, XLSM, XLS, ODS).")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--kind", default="auto", choices=["auto", "clients", "events"])
    imp.add_argument("--map", action="append", metavar="SOURCE=FIELD",
                     help="map a column onto a field (FIELD 'extra' keeps it unmapped)")
    imp.add_argument("--stage-map", action="append", metavar="VALUE=STAGE",
                     help="say what a stage value means (a stage, lost, churned, "
                          "cancelled or ignore); the workspace remembers it")
    imp.add_argument("--set", action="append", metavar="FIELD=VALUE",
                     help="set a field on every row (e.g. kind=won)")
    imp.add_argument("--sheet", help="import only this sheet of a workbook")
    imp.add_argument("--dry-run", action="store_true", help="check everything, keep nothing")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")

    undo = command("undo-import", "Undo an import: remove what it added, restore what it changed.")
    undo.add_argument("import_id", type=int, metavar="IMPORT_ID")

    funnel = command("funnel", "Clients reaching each stage of the journey.")
    funnel.add_argument("--by", metavar="FIELD", help="break down by a client field")
    funnel.add_argument("--json", action="store_true")

    signs = command("signs", "The eight signs of misalignment over the last 12 months, "
                             "each green, amber, red or unknown.")
    signs.add_argument("--json", action="store_true", help="print the result as JSON")

    export = command("export", "Export the whole workspace to one Excel workbook (it imports "
                               "back into an empty workspace).")
    export.add_argument("-o", "--output", required=True, metavar="OUT.xlsx",
                        help="the workbook to write (replaced if it exists)")
    settings = command("settings", "Show the workspace's settings, or change them with "
                                   "KEY=VALUE.")
    settings.add_argument("changes", nargs="*", metavar="KEY=VALUE")

    actions = command("actions", "The workshop's action list, most impact for least effort "
                                 "first.")
    actions.add_argument("--owner", help="only this person's actions (the follow-up meeting)")
    actions.add_argument("--json", action="store_true", help="print the result as JSON")

    kpis = command("kpis", "The workshop's KPIs: each target, its actual from the data (or "
                           "as entered by hand) and its status.")
    kpis.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run_demo(args) -> int:
    try:
        from .demo import build_demo
    except ImportError:
        raise JourneyError("The demo workspace is not part of this version yet.")
    path = build_demo(args.workspace, force=args.force)
    print(f"Built the demo workspace at {path}.")
    return 0


def run_import(args) -> int:
    from .ingest import import_file, plan_file
    from .workspace import open_workspace, workspace_path
    mapping = _pairs(args.map, "--map")
    stage_map = _pairs(args.stage_map, "--stage-map")
    set_values = _pairs(args.set, "--set")
    files = [Path(f) for f in args.files]
    for path in files:
        if not path.is_file():
            raise ValidationError(f"There is no file {path}.")
    # Read and check every file before importing any (or creating a new workspace), so a
    # refused file never leaves the files before it imported behind an exit status of 2.
    db = open_workspace(args.workspace) if workspace_path(args.workspace).exists() else None
    plans = [plan_file(path.name, path.read_bytes(), db=db, kind=args.kind, mapping=mapping,
                       set_values=set_values, sheet=args.sheet) for path in files]
    if db is None:
        db = open_workspace(args.workspace)
    results = []
    for path, file_plans in zip(files, plans):
        results += import_file(db, path.name, b"", stage_map=stage_map,
                               dry_run=args.dry_run, plans=file_plans)
    if args.json:
        print(json.dumps({"imports": [r.as_dict() for r in results]}, indent=2,
                         ensure_ascii=False))
        return 0
    for r in results:
        verb = "Would import" if args.dry_run else f"Import {r.import_id}:"
        print(f"{verb} {r.file} [{r.sheet}] as {r.kind}: {counted(r.rows, 'row')}, "
              f"{r.inserted:,} new, {r.updated:,} updated"
              + (f" ({r.unchanged:,} of them unchanged)" if r.unchanged else "") + ", "
              + (f"{r.joined:,} joined into others, " if r.joined else "")
              + f"{r.rejected:,} rejected.")
        if r.recognised_as:
            print(f"  {r.explanation}")
        for problem in r.problems[:20]:
            value = "" if problem.value is None else f"{problem.value!r} "
            print(f"  row {problem.row}, {problem.column}: {value}{problem.reason}")
        if len(r.problems) > 20:
            print(f"  ... and {len(r.problems) - 20} more problems (use --json to see all).")
        for value, count in r.unknown_stages.items():
            print(f"  stage value {value!r} ({counted(count, 'row')}) is not known: "
                  f"add --stage-map '{value}=STAGE'.")
        for note in r.notes:
            print(f"  note: {note}")
    return 0


def run_undo(args) -> int:
    from .ingest import undo_import
    from .workspace import open_workspace
    print(undo_import(open_workspace(args.workspace, create=False), args.import_id).sentence())
    return 0


def run_funnel(args) -> int:
    from .funnel import compute_funnel, compute_funnel_by, funnel_records
    from .workspace import get_setting, open_workspace
    db = open_workspace(args.workspace, create=False)
    pre = get_setting(db, "pre_awareness")
    frame = compute_funnel(db, pre_awareness=pre)
    by = compute_funnel_by(db, args.by, pre_awareness=pre) if args.by else None
    from .overview import data_health, missing_evidence, no_clients_said
    health = data_health(db)
    # No client at all: what the pages say in place of a funnel of zeros (the JSON keeps
    # its stages, of 0 clients each, and says it beside them as "note").
    empty = None if health.clients else no_clients_said(health.events)
    if args.json:
        out = {"stages": funnel_records(frame)}
        if by is not None:
            out["by"] = {segment: funnel_records(f) for segment, f in by.items()}
        if empty:
            out["note"] = f"{empty[0]}. {empty[1]}"
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if empty:
        print(f"{empty[0]}.\n  {empty[1]}")
        return 0
    missing = missing_evidence(db)
    _print_funnel("All clients", frame, missing)
    for segment, f in (by or {}).items():
        _print_funnel(f"{args.by} = {segment}", f, missing)
    return 0


def _print_funnel(title: str, frame, missing: dict[str, str]) -> None:
    """The funnel as the pages show it: a stage nothing in the data measures is "–" and
    what would measure it (``overview.missing_evidence``), not 0 clients."""
    print(title)
    for r in frame.itertuples():
        if r.stage in missing:
            print(f"  {r.label:<14} {'–':>8}  not measured: {missing[r.stage]}")
            continue
        previous = "" if r.pct_of_previous is None or r.pct_of_previous != r.pct_of_previous \
            else f"{r.pct_of_previous:6.1f}% of previous"
        print(f"  {r.label:<14} {r.clients:>8}  {previous}")


def run_signs(args) -> int:
    from .signs import compute_signs, signs_records
    from .workspace import open_workspace
    report = compute_signs(open_workspace(args.workspace, create=False))
    if args.json:
        print(json.dumps({"signs": signs_records(report)}, indent=2, ensure_ascii=False))
        return 0
    print(report.period.note)
    print(f"  {'status':<8} {'sign':<38} {'value':>14} {'previous':>14}  stages")
    for sign in report.signs:
        value, previous = (sign.figure(v) for v in (sign.value, sign.previous))
        print(f"  {sign.status:<8} {sign.title:<38} {value:>14} {previous:>14}  "
              f"{sign.stage_labels}")
    print(f"Alignment score: {report.score.sentence}")
    return 0


def run_export(args) -> int:
    from .export import workbook_contents, write_workbook_file
    from .workspace import open_workspace, workspace_path
    db = open_workspace(args.workspace, create=False)
    path, notes = write_workbook_file(db, args.output,
                                      workspace=workspace_path(args.workspace).stem)
    rows = workbook_contents(db).set_index("Sheet")["Rows"]
    print(f"Wrote {path}: {len(rows) + bool(notes)} sheets, {rows['Clients']:,} clients, "
          f"{rows['Events']:,} events.")
    for note in notes:
        print(note)
    return 0


def run_settings(args) -> int:
    from .workspace import (PLAIN_SETTINGS, SETTINGS, get_setting, open_workspace,
                            parse_setting, set_setting)
    changes = {key.strip(): parse_setting(key.strip(), value)
               for key, value in _pairs(args.changes, "settings", "KEY=VALUE").items()}
    db = open_workspace(args.workspace, create=False)
    for key, value in changes.items():
        set_setting(db, key, value)
    for key in PLAIN_SETTINGS:
        print(f"{key:18} {get_setting(db, key)!s:>10}   {SETTINGS[key].meaning}")
    return 0


def run_actions(args) -> int:
    from .workshop.actions import STATUSES, action_records, list_actions
    from .workspace import open_workspace
    db = open_workspace(args.workspace, create=False)
    if args.json:
        print(json.dumps({"actions": action_records(db, owner=args.owner)}, indent=2,
                         ensure_ascii=False))
        return 0
    table = list_actions(db, owner=args.owner)
    if table.empty:
        print("No actions yet" + (f" for {args.owner}." if args.owner else "."))
    for row in table.itertuples():
        late = " (overdue)" if row.overdue else ""
        print(f"{STATUSES[row.status]:12} {row.title}  [{row.owner or 'no owner'}"
              f"{', due ' + row.due if row.due else ''}{late}]")
    return 0


def run_kpis(args) -> int:
    from .scorecard import kpi_records, kpi_table, measure_kpis
    from .workspace import get_setting, open_workspace
    db = open_workspace(args.workspace, create=False)
    if args.json:
        print(json.dumps({"kpis": kpi_records(db)}, indent=2, ensure_ascii=False))
        return 0
    table = kpi_table(measure_kpis(db), get_setting(db, "currency"))
    if table.empty:
        print("No KPIs yet.")
    for row in table.to_dict("records"):
        scope = ", ".join(v for v in (row["Stage"], row["Persona"]) if v)
        actual = row["Actual"] or "no evidence"
        source = f", from {row['From']}" if row["From"] else ""
        due = f", due {row['Due']}" if row["Due"] else ""
        print(f"{row['Status']:18} {row['KPI']}{f' [{scope}]' if scope else ''}: "
              f"{actual} against a target of {row['Target']}{source}{due}")
        if row["Why no evidence"]:
            print(f"{'':18} {row['Why no evidence']}")
    return 0


HANDLERS = {"demo": run_demo, "import": run_import, "undo-import": run_undo,
            "funnel": run_funnel, "signs": run_signs, "export": run_export,
            "settings": run_settings, "actions": run_actions, "kpis": run_kpis}


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return HANDLERS[args.command](args)
    except JourneyError as error:
        print(str(error), file=sys.stderr)
        return 2
    except BrokenPipeError:          # output piped into `head`
        sys.stderr.close()
        return 0
    except OSError as error:         # a file that cannot be read (permissions, a device)
        print(f"{error.filename or 'A file'} cannot be read: {error.strerror or error}.",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
