"""Import: upload spreadsheets, check how Journey reads them, import, and undo.

Uploaded files move from the drop zone into a list kept in session state (keyed by name
and checksum), with the person's choices for each (kind, mapping, stage meanings), so
reruns and page switches lose nothing. The outcome of the last import or check stays
on the page until it is dismissed.
"""

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from journey.errors import JourneyError
from journey.ingest.currency import COMMON_SYMBOLS
from journey.ingest import (import_file, map_stage_values, pending_stage_values, plan_file,
                            review, stage_mapping, undo_import)
from journey.stages import normalise_value
from journey.export.template import DATA_DIR, SAMPLE_NAME, TEMPLATE_NAME
from journey.workspace import get_setting, parse_setting, set_setting
from journey_ui import frame, jobs, widgets
from journey_ui.text import WORD_JOINER, md

FILE_TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_STAGE_VALUES = 30   # unknown stage values offered per file; more means a wrong column
COUNTS = {name: st.column_config.NumberColumn(format="localized", width=width)   # 100,000
          for name, width in (("Rows", 72), ("Added", 72), ("Updated", 72), ("Unchanged", 95),
                              ("Rejected", 72))}
# A row's or an import's number is an address, not a quantity: no thousands separator.
ROW_NUMBER = st.column_config.NumberColumn(format="%d")
# The history's "From" (a workbook's name and its sheet's) is shown whole: a name longer
# than its column wraps onto as many lines as it takes (the grid wraps text only in rows
# taller than 4rem, so the rows grow only when a name needs it). The column stays as wide
# as the other columns leave on a laptop's screen, so that none is scrolled out of sight.
FROM_WIDTH, FROM_CHARACTERS, LINE_HEIGHT = 200, 26, 20
PRESENTER_WRAPPED_ROW = 120     # over 4rem in presenter mode on screens up to 2,000 pixels
HISTORY_LAYOUT = {
    "Import": st.column_config.NumberColumn(format="%d", width=60, pinned=True),
    "When (UTC)": st.column_config.TextColumn(width=130, pinned=True),
    "From": st.column_config.TextColumn(width=FROM_WIDTH),
    "Imported as": st.column_config.TextColumn(width=110),
    **COUNTS,
    "Undone": st.column_config.TextColumn(width=90),
}

ctx = frame.page_context()
state = st.session_state
files: dict = state.setdefault("import_files", {})      # key -> {"name", "data"}
edits: dict = state.setdefault("import_edits", {})      # key -> {"kind", "mapping", "stages"}


def take_uploads(key: str) -> None:
    """Move the files just dropped into the list below, and empty the drop zone."""
    for upload in state.get(key) or []:
        data = upload.getvalue()
        state["import_files"].setdefault(review.file_key(upload.name, data),
                                         {"name": upload.name, "data": data})
    state["import_uploader_n"] = state.get("import_uploader_n", 0) + 1


def forget(key: str) -> None:
    """Drop a file from the list, with its choices and its plan."""
    for store in ("import_files", "import_edits", "import_plans"):
        state.get(store, {}).pop(key, None)


def planned(key: str, entry: dict):
    """The file's planned sheets (re-read after any write), or the sentence refusing it."""
    cache = state.setdefault("import_plans", {})
    stamp = (str(ctx.path), ctx.version)
    if key in cache and cache[key][0] == stamp:
        return cache[key][1]
    try:
        with st.spinner(f"Reading {md(entry['name'])}…"):
            plans = plan_file(entry["name"], entry["data"], db=ctx.db)
    except JourneyError as error:
        plans = str(error)
    cache[key] = (stamp, plans)
    return plans


def review_sheet(key: str, index: int, plan):
    """Kind, preview and mapping of one sheet; returns the plan with the person's choices."""
    mine = edits.setdefault(key, {"kind": {}, "mapping": {}, "stages": {}, "every_row": {}})
    options = review.kind_options(plan)
    current = mine["kind"].get(index, plan.kind)
    # Half the width: the longest choice ("Read from each row (its kind, stage or status)")
    # shows whole at 1280 px beside the sidebar; two fifths cut its end.
    left, right = st.columns(2, vertical_alignment="bottom")
    kind = left.selectbox("Import this sheet as", options,
                          index=options.index(current) if current in options else 0,
                          format_func=review.KIND_LABELS.get, key=f"import_kind_{key}_{index}",
                          help="Journey guessed this from the headers and whether the "
                               "client column repeats.")
    mine["kind"][index] = kind
    detected = "" if kind == plan.kind else f" Journey detected {plan.kind.replace('_', ' ')}."
    right.caption(f"{plan.raw.rows:,} rows, {len(plan.headers)} columns.{detected}")
    if plan.remembered and kind == plan.kind:
        st.info("Using the mapping from your last import of these columns.",
                icon=":material/history:")
    every_row = None
    if kind == "events":
        choices = list(review.EVERY_ROW)
        current = mine["every_row"].get(index, plan.set_values.get("kind"))
        every_row = left.selectbox(
            "Every row is", choices, index=choices.index(current) if current in choices else 0,
            format_func=review.EVERY_ROW.get, key=f"import_every_row_{key}_{index}",
            help="Say what every row is when the sheet does not: a list of won deals, a "
                 "complaints log. The sheet's own kind, stage or status columns then say "
                 "nothing more about it.")
        mine["every_row"][index] = every_row
    if every_row and plan.recognised_as:
        st.caption(f"Every row will be imported as {md(review.EVERY_ROW[every_row]).lower()}; "
                   "the export's own statuses are not used.")
    elif plan.explanation and kind == plan.kind:
        st.info(md(plan.explanation),
                icon=":material/verified:" if plan.recognised_as else ":material/lightbulb:")
    st.caption("The first rows, as in the file")
    preview = review.preview_frame(plan.raw)
    # The file's own headers, as written (a preview shows the file, not Journey's words).
    widgets.table(preview, {column: column for column in preview.columns}, height=200,
                  column_config={"Row": ROW_NUMBER})
    mapping = None
    if kind in ("clients", "events"):
        guessed = review.apply_choices(plan, kind).mapping
        shown = mine["mapping"].get((index, kind), guessed)
        read = review.read_as(review.apply_choices(plan, kind, shown, every_row))
        st.caption("What each column means. Change a guess with the dropdown; "
                   "'Keep as extra column' keeps the values with the row"
                   + ("; 'Read as' says how Journey still reads such a column." if read
                      else " without using them."))
        edited = widgets.editor(
            review.mapping_rows(plan.raw, shown, read), key=f"import_map_{key}_{index}_{kind}",
            height=min(40 + 35 * len(plan.headers), 530), num_rows="fixed",
            disabled=["Letter", "Column", "Example values", "Read as"],
            column_config={
                "Letter": st.column_config.TextColumn("Letter", width=60),
                "Column": st.column_config.TextColumn("Column in the file"),
                "Maps to": st.column_config.SelectboxColumn(
                    "Maps to", options=review.field_options(kind), required=True,
                    format_func=review.field_label, width="medium"),
            })
        mapping = review.mapping_from_rows(edited)
        mine["mapping"][(index, kind)] = mapping
    elif kind == "reference":
        st.caption("The rows are kept as they are, for reference; they add no clients or events.")
    else:
        st.caption("A workshop sheet: its rows go to the workshop pages, column by column.")
    for note in plan.raw.notes:
        st.caption(f":material/info: {md(note)}")
    return review.apply_choices(plan, kind, mapping, every_row)


def stage_choices(key: str, unknown: dict[str, int]) -> dict[str, str]:
    """Dropdowns for the stage values nothing understands; returns value -> meaning."""
    if not unknown:
        return {}
    mine = edits[key]["stages"]
    st.markdown("**Stage values Journey does not know yet**")
    st.caption("Say what each one means and those clients count in the funnel. The workspace "
               "remembers it for next time. 'Decide later' imports them without a stage.")
    options = [None, *review.STAGE_TARGETS]
    columns = st.columns(3)
    chosen = {}
    for number, (value, rows) in enumerate(list(unknown.items())[:MAX_STAGE_VALUES]):
        current = mine.get(value)
        picked = columns[number % 3].selectbox(
            f"{md(value)} ({rows:,} row{'s' if rows != 1 else ''})", options,
            index=options.index(current) if current in options else 0,
            format_func=lambda t: "Decide later" if t is None else review.STAGE_TARGETS[t],
            key=f"import_stage_{key}_{normalise_value(value)}")
        mine[value] = picked
        if picked:
            chosen[value] = picked
    if len(unknown) > MAX_STAGE_VALUES:
        st.caption(f"…and {len(unknown) - MAX_STAGE_VALUES:,} more values. If this column is "
                   "not really a stage, map it to another field or keep it as an extra column.")
    return chosen


def review_file(key: str, entry: dict):
    """One uploaded file's card; returns (key, name, plans, stage map) or None if refused."""
    with st.container(border=True):
        head, remove = st.columns([6, 1], vertical_alignment="center")
        size = len(entry["data"])
        shown = f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size} bytes"
        head.markdown(f":material/description: **{md(entry['name'])}** · {shown}")
        remove.button("Remove", key=f"import_remove_{key}", icon=":material/close:",
                      on_click=forget, args=(key,))
        plans = planned(key, entry)
        if isinstance(plans, str):
            st.error(md(plans), icon=":material/block:")
            return None
        tabs = st.tabs([md(p.sheet) for p in plans]) if len(plans) > 1 else [st.container()]
        chosen = []
        try:
            for index, (plan, tab) in enumerate(zip(plans, tabs)):
                with tab:
                    chosen.append(review_sheet(key, index, plan))
        except JourneyError as error:
            st.error(md(error))
            return None
        known = stage_mapping(ctx.db)
        unknown = review.merge_counts(*(review.unknown_stage_values(p, known) for p in chosen))
        return key, entry["name"], chosen, stage_choices(key, unknown)


def perform(ready: list, dry_run: bool) -> None:
    """Check or import the reviewed files on a job of their own (journey_ui.jobs), so that
    a rerun cannot cut the import off half-way; ``follow_job`` shows its progress."""
    def work(db, job) -> review.ImportOutcome:
        results, used, errors, done = [], [], [], []
        for number, (key, name, plans, stage_map) in enumerate(ready):
            def progress(fraction: float, message: str, number=number, name=name) -> None:
                job.progress((number + fraction) / len(ready), f"{name}: {message}")
            try:
                out = import_file(db, name, b"", plans=plans, stage_map=stage_map,
                                  dry_run=dry_run, progress=progress)
            except JourneyError as error:
                errors.append(str(error))
                continue
            results += out
            used += plans
            done.append(key)
        return review.ImportOutcome(
            str(ctx.path), results, dry_run, errors, done, review.workspace_totals(db),
            review.rejected_workbook(results, used) if any(r.problems for r in results)
            else None)

    files_text = f"{len(ready)} file{'s' if len(ready) != 1 else ''}"
    label = f"Checking {files_text}" if dry_run else f"Importing {files_text}"
    try:
        jobs.start(str(ctx.path), session_id(), label, work)
    except JourneyError as error:
        st.error(md(error), icon=":material/hourglass_top:")


def session_id() -> str:
    """This browser session's id (the owner of the jobs it starts)."""
    run = get_script_run_ctx()
    return run.session_id if run else "local"


def follow_job() -> None:
    """Show the progress of the job working on this workspace until it ends; when it is
    this session's, keep its outcome for display and start a fresh run."""
    job = jobs.current(str(ctx.path))
    if job is None:
        return
    if not job.done:
        bar = st.progress(job.fraction, text=md(f"{job.label}: {job.message}"))
        while not job.finished.wait(0.25):      # a rerun stops this loop, not the job
            bar.progress(job.fraction, text=md(f"{job.label}: {job.message}"))
        bar.empty()
    finished = jobs.take(str(ctx.path), session_id())
    if finished is None:
        return
    outcome = finished.result or review.ImportOutcome(str(ctx.path), [], dry_run=True,
                                                      errors=[finished.error])
    state["import_outcome"] = outcome
    if not outcome.dry_run:
        for key in outcome.done:
            forget(key)
    st.rerun()


def outcome_table(results: list[review.ImportResult]):
    """What each sheet was imported as and what happened to its rows, the sheet named as
    the history names it ("From": a CSV's file alone, a workbook's file › sheet), so a long
    file name wraps where "File" and "Sheet" side by side pushed "Rejected" out of sight."""
    table = review.results_frame(results)
    table.insert(0, "From", [review.source_name(file, sheet)
                             for file, sheet in zip(table["File"], table["Sheet"])])
    return table.drop(columns=["File", "Sheet"])


def show_outcome(outcome: review.ImportOutcome) -> None:
    """What the last check or import did, with its problems and the rejected rows."""
    results, dry_run = outcome.results, outcome.dry_run
    with st.container(border=True):
        for error in outcome.errors:
            st.error(md(error), icon=":material/block:")
        if results:
            (st.info if dry_run else st.success)(
                review.outcome_sentence(results, dry_run),
                icon=":material/fact_check:" if dry_run else ":material/check_circle:")
            table = outcome_table(results)
            widgets.table(table, column_config=HISTORY_LAYOUT,
                          row_height=from_row_height(table, ctx.presenter))
            if not dry_run:
                st.caption(review.totals_sentence(outcome.totals))
        problems = review.problems_frame(results)
        if len(problems):
            st.markdown(f"**{len(problems):,} problem{'s' if len(problems) != 1 else ''}"
                        f"{' would reject' if dry_run else ' rejected'} these rows**")
            widgets.table(problems.head(1000), column_config={"Row": ROW_NUMBER})
            offered = widgets.downloads_shown()
            if len(problems) > 1000:
                st.caption(f"The first 1,000 of {len(problems):,}"
                           + ("; the workbook has them all." if offered else "."))
            if offered:
                st.download_button("Download the rejected rows, with why (Excel)",
                                   outcome.workbook, "rejected-rows.xlsx", XLSX_MIME,
                                   key="import_rejected_download",
                                   icon=":material/download:")
        for result in results:
            waiting = result.unknown_stages
            if waiting:
                st.caption(f"{md(result.sheet)}: stage values not mapped yet: "
                           + ", ".join(md(v) for v in list(waiting)[:8])
                           + ("" if dry_run else " (say what they mean below)"))
            for note in result.notes:
                st.caption(f":material/info: {md(note[:1].upper() + note[1:])}")
        st.button("Dismiss", key="import_dismiss", icon=":material/close:",
                  on_click=lambda: state.pop("import_outcome", None))


def waiting_stage_values() -> None:
    """Stage values from earlier imports that still need a meaning."""
    pending = frame.cached(pending_stage_values)(ctx)
    if not pending:
        return
    st.subheader("Stage values waiting to be mapped")
    st.caption("Earlier imports brought these values and nothing says what they mean, so those "
               "rows do not count in the funnel yet. Journey remembers your answer.")
    options = [None, *review.STAGE_TARGETS]
    with st.form("import_pending_stages"):
        columns = st.columns(3)
        keys = {}
        for number, (value, rows) in enumerate(list(pending.items())[:MAX_STAGE_VALUES]):
            keys[value] = f"import_pending_{normalise_value(value)}"
            columns[number % 3].selectbox(
                f"{md(value)} ({rows:,} row{'s' if rows != 1 else ''})", options,
                format_func=lambda t: "Decide later" if t is None else review.STAGE_TARGETS[t],
                key=keys[value])
        if st.form_submit_button("Save what they mean", icon=":material/save:"):
            chosen = {value: state[key] for value, key in keys.items() if state.get(key)}
            try:
                changed = map_stage_values(ctx.db, chosen) if chosen else 0
            except JourneyError as error:
                st.error(md(error))
            else:
                widgets.flash(f"Saved. {changed:,} imported "
                                           f"row{'s' if changed != 1 else ''} updated.")
                st.rerun()


OTHER_SYMBOL = "Another…"


def currency_choice() -> None:
    """The symbol money is shown with on every page and in the export: the first file
    whose money is in one currency sets it; an owner or facilitator changes it here (a
    file never changes a currency chosen)."""
    shown = frame.cached(get_setting)(ctx, "currency") or "$"
    with st.expander(f"Money is shown in {shown}", icon=":material/payments:"):
        st.caption("The first file whose amounts are in one currency sets it; later files "
                   "never change it. Amounts are shown as written, never converted.")
        options = [*COMMON_SYMBOLS, OTHER_SYMBOL]
        picked = st.selectbox("Currency symbol", options, key=f"import_currency_{shown}",
                              index=options.index(shown) if shown in options
                              else len(options) - 1)
        typed = st.text_input("Another symbol", value="" if shown in options else shown,
                              key=f"import_currency_typed_{shown}", max_chars=8,
                              disabled=picked != OTHER_SYMBOL)
        if st.button("Save the currency", key="import_currency_save", icon=":material/save:"):
            try:
                chosen = parse_setting("currency", typed if picked == OTHER_SYMBOL else picked)
                set_setting(ctx.db, "currency", chosen)
            except JourneyError as error:
                st.error(md(error))
            else:
                widgets.flash(f"Money is now shown in {chosen}.")
                st.rerun()


def from_row_height(table, presenter: bool = False) -> int | None:
    """The history's row height: the lines its longest "From" takes at FROM_WIDTH (more
    than 4rem, so that the grid wraps it), or the grid's own where every name fits.
    Presenter mode's root font is max(20px, 1.45vw): 4rem is 84 px on a 1440-pixel
    screen and 112 on a 1920 one, so its rows are at least PRESENTER_WRAPPED_ROW."""
    lines = -(-int(table["From"].str.len().max()) // FROM_CHARACTERS)
    least = PRESENTER_WRAPPED_ROW if presenter else 66
    return None if lines < 2 else max(least, lines * LINE_HEIGHT + 12)


def history() -> None:
    """Every import, newest first; undo (with confirmation) outside presenter mode."""
    st.subheader("Import history")
    table = frame.cached(review.history_frame)(ctx)
    if table.empty:
        widgets.empty_state("No imports yet", "Each import you make is listed here, and any "
                            "of them can be undone.", icon=":material/history:")
        return
    if len(table) <= widgets.WHOLE_TABLE_ROWS:      # its text wraps: it fits a laptop's screen
        days = {c: table[c].str.replace("-", "-" + WORD_JOINER) for c in ("When (UTC)", "Undone")}
        widgets.static_table(table.assign(**days), {column: column for column in table.columns},
                             formats={"Import": "text", "Undone": "text"})
    else:
        st.caption("Scroll the history sideways for every column; the first two stay put.")
        widgets.table(table, column_config=HISTORY_LAYOUT,
                      row_height=from_row_height(table, ctx.presenter))
    if not ctx.editing:
        return
    open_imports = table[table["Undone"] == ""]
    if open_imports.empty:
        return
    labels = {int(row["Import"]): f"Import {row['Import']}: {row['From']} "
              f"({row['When (UTC)']})" for _, row in open_imports.iterrows()}
    # A new key whenever the list changes, so the picker starts again at the newest import.
    picked = st.selectbox("Choose an import", list(labels), format_func=labels.get,
                          key=f"import_undo_pick_{len(labels)}_{max(labels)}")
    rejected = frame.cached(review.import_problems)(ctx, picked)
    if len(rejected):
        with st.expander(f"Rows import {picked} rejected ({len(rejected):,})"):
            widgets.table(rejected.head(1000), column_config={"Row": ROW_NUMBER})
            widgets.download_table(rejected, f"import-{picked}-rejected-rows",
                                   key=f"import_problems_{picked}")
    pending = (str(ctx.path), picked)
    if state.get("import_undo_pending") != pending:
        st.button("Undo this import…", key="import_undo", icon=":material/undo:",
                  on_click=state.update, kwargs={"import_undo_pending": pending})
        return
    st.warning(f"Undo import {picked}? What it added is removed and what it changed is put "
               "back as it was; what later imports and edits changed since is kept.",
               icon=":material/warning:")
    yes, no, _ = st.columns([1, 1, 3])
    if yes.button("Yes, undo it", type="primary", key="import_undo_yes",
                  icon=":material/undo:"):
        state.pop("import_undo_pending", None)
        try:
            done = undo_import(ctx.db, picked)
        except JourneyError as error:
            st.error(md(error), icon=":material/block:")
            return
        widgets.flash(done.sentence())
        outcome = state.get("import_outcome")
        if outcome and any(r.import_id == picked for r in outcome.results):
            state.pop("import_outcome")          # its figures no longer hold
        st.rerun()
    no.button("Cancel", key="import_undo_no",
              on_click=lambda: state.pop("import_undo_pending", None))


# --- the page --------------------------------------------------------------------------

st.title("Import")
if not ctx.editing:
    st.write("Where this workspace's data came from: every import, newest first.")
else:
    st.write("Bring in the spreadsheets you already keep: a client tracker, a CRM export, an "
             "order list, a complaints log. Journey guesses what each column means; check its "
             "guesses, then import. Every import can be undone.")
widgets.show_flashes()

follow_job()       # an import started before this run shows its progress here

if ctx.editing:
    with st.expander("No spreadsheet yet? Start from the template",
                     icon=":material/table_view:"):
        st.write("The template has every column Journey understands, with dropdowns and a "
                 "guide. The sample is the same workbook filled in for 25 clients.")
        template, sample, _ = st.columns([1, 1, 2])
        for column, name, label in ((template, TEMPLATE_NAME, "Download the template"),
                                    (sample, SAMPLE_NAME, "Download the sample")):
            path = DATA_DIR / name
            if path.exists():
                column.download_button(label, path.read_bytes(), name, XLSX_MIME,
                                       key=f"import_{name}", icon=":material/download:")

    uploader = f"import_uploader_{state.get('import_uploader_n', 0)}"
    st.file_uploader("Spreadsheets to import", type=FILE_TYPES, accept_multiple_files=True,
                     key=uploader, on_change=take_uploads, args=(uploader,),
                     help="CSV or TSV, Excel (xlsx, xlsm, xls) or OpenDocument (ods); "
                          "several at once is fine.")
    ready = [reviewed for key, entry in list(files.items())
             if (reviewed := review_file(key, entry))]
    if files:
        refused = len(files) - len(ready)
        actions = st.container(horizontal=True)
        dry_run = actions.button("Check first (dry run)", key="import_check",
                                 icon=":material/fact_check:", disabled=not ready,
                                 help="Reads everything and lists the problems; "
                                      "changes nothing.")
        go = actions.button(f"Import {len(ready)} file{'s' if len(ready) != 1 else ''}",
                            key="import_run", type="primary", icon=":material/upload:",
                            disabled=not ready)
        if refused:
            st.caption(f"{refused} file{'s were' if refused != 1 else ' was'} refused and will "
                       f"not be imported: remove {'them' if refused != 1 else 'it'}, or upload "
                       "a copy that opens.")
        if dry_run or go:
            perform(ready, dry_run=dry_run)
            follow_job()

if (outcome := state.get("import_outcome")) and outcome.workspace == str(ctx.path):
    show_outcome(outcome)

if ctx.editing:
    waiting_stage_values()
    currency_choice()
history()
