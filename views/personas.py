"""Personas: up to three target persona cards with live figures from their clients, an
editing form per card, the archive, and the impact × effort matrix.

User text is shown through ``md`` (journey_ui.text), so a ``<script>`` or a link in a
pain point is just text. Each card's form remembers the version it was filled from; a
save after someone else's is refused (``StaleEdit``) instead of overwriting.
"""

import pandas as pd
import streamlit as st

from journey import charts, funnel, overview, scorecard
from journey.figures import persona_matrix_figure
from journey.workshop import kpis, personas
from journey.errors import JourneyError
from journey.text import counted, percent_text
from journey.workspace import get_setting
from journey_ui import frame, widgets
from journey_ui.text import html, md

ctx = frame.page_context()
currency = get_setting(ctx.db, "currency")
# Without any revenue in the workspace a persona's revenue is not known, not 0.
has_revenue = frame.cached(scorecard.has_revenue)(ctx)
LIST_ICONS = {"pain_points": "😣", "delights": "😊", "key_opportunities": "🚀"}
SCORES = {"impact": (1, 2, 3, 4, 5), "effort": (1, 2, 3, 4, 5), "tier": (1, 2, 3)}
PHOTO_MB = personas.MAX_PHOTO_BYTES // (1024 * 1024)     # 2: Streamlit's MB are MiB
RANKING_LABELS = {"rank": "Rank", "name": "Persona", "impact": "Impact", "effort": "Effort",
                  "tier": "Tier", "quadrant": "Quadrant",
                  **{f: personas.FIGURE_LABELS[f]
                     for f in ("clients", "revenue_current", "conversion_pct")},
                  "money_at_stake": "Money at stake"}


def money(value) -> str:
    if value is None or value != value:
        return "—"
    for size, suffix in ((1e6, "M"), (1e4, "k")):
        if abs(value) >= size:
            return f"{currency}{value / size:,.1f}{suffix}"
    return f"{currency}{value:,.0f}"


def records(table) -> list[dict]:
    """Rows as dicts, with missing values (NaN in pandas' columns) as None."""
    return [{k: None if isinstance(v, float) and v != v else v for k, v in row.items()}
            for row in table.to_dict("records")]


# --- reading ------------------------------------------------------------------------------

figures = frame.cached(personas.persona_figures)(ctx, ctx.filters)
archived = frame.cached(personas.persona_figures)(ctx, ctx.filters, archived=True)
photos = {p["id"]: (p["photo"], p["photo_type"])
          for p in frame.cached(personas.list_personas)(ctx) if p["photo"]}
stake = frame.cached(funnel.money_at_stake)(ctx, by="persona", filters=ctx.filters)
ranking = frame.cached(personas.rank_personas)(ctx, ctx.filters, stake.by_segment())
measured = frame.cached(scorecard.measure_kpis)(ctx)
quadrants = dict(zip(ranking["name"], ranking["quadrant"]))

st.title("Personas")
widgets.show_flashes()
filtered = any([ctx.filters.date_from, ctx.filters.persona, ctx.filters.client_type,
                ctx.filters.region, ctx.filters.channel])
st.caption(f"Up to {personas.MAX_ACTIVE} target personas. Live figures come from the "
           "clients linked to each one (the tracker's persona column, or assigned by hand)"
           + ((", within the filters chosen." if ctx.presenter
               else ", within the sidebar's filters.") if filtered else "."))


# --- the card -------------------------------------------------------------------------------

def show_list(label: str, field: str, text) -> None:
    items = personas.split_items(text)
    if items:
        st.markdown(f"**{LIST_ICONS[field]} {label}**\n\n"
                    + "\n".join(f"- {md(item)}" for item in items))


def show_text(label: str, text) -> None:
    if text:
        lines = "  \n".join(md(line) for line in str(text).splitlines() if line.strip())
        st.markdown(f"**{label}**  \n{lines}")


def show_card(card: dict) -> None:
    photo = photos.get(card["id"])
    if photo:
        st.image(photo[0], width=140)
    else:
        st.html(f"<div style='font-size:3.2rem;line-height:1.1'>"
                f"{html(card['icon'] or personas.DEFAULT_ICON)}</div>")
    st.markdown(f"### {md(card['name'])}")
    if card["title"]:
        st.markdown(f"*{md(card['title'])}*")
    badges = st.container(horizontal=True)
    if card["tier"]:
        badges.badge(f"Tier {int(card['tier'])}", color=["green", "blue", "gray"][
            int(card["tier"]) - 1])
    if isinstance(quadrants.get(card["name"]), str):
        badges.badge(quadrants[card["name"]], color="violet")
    if card["description"]:
        st.markdown(md(card["description"]))
    show_text("🎯 Goals", card["goals"])
    for field in personas.LIST_FIELDS[:2]:
        show_list(personas.LABELS[field], field, card[field])
    show_text("📞 Preferred contact", card["preferred_contact"])
    show_list(personas.LABELS["key_opportunities"], "key_opportunities",
              card["key_opportunities"])
    show_text("💡 Sales tips", card["sales_tips"])
    show_text("🤝 Sales method", card["sales_method"])
    show_figures(card)


def show_figures(card: dict) -> None:
    st.markdown("**📈 Live figures**")
    if not card["clients"]:
        st.caption("No clients are linked to this persona yet: put its name in the tracker's "
                   "persona column, or assign clients by hand.")
    else:
        nps = card["nps_score"]
        # A potential only where the persona's clients have one ("of $0 potential" would
        # read as a potential of nothing when the tracker has no such column).
        potential = (f" of {md(money(card['revenue_potential']))} potential"
                     if card["revenue_potential"] else "")
        st.markdown(
            f"**{card['clients']:,}** clients · **{percent_text(card['conversion_pct'])}** "
            "bought  \n"
            + (f"Revenue **{md(money(card['revenue_current']))}**{potential}  \n"
               if has_revenue else "Revenue **—** (no revenue in the data)  \n")
            + ("NPS **—**" if nps is None else
               f"NPS **{nps:+.0f}** (average {card['nps_avg']:.1f}, "
               f"{counted(card['nps_answers'], 'answer')})"))
    for kpi in personas.card_kpis(card, currency):
        st.progress(kpi.bar, text=md(kpi.sentence))
    show_workshop_kpis(card["name"])


STATUS_MARKS = {kpis.MET: ":green[Met]", kpis.NOT_MET: ":red[Not met]",
                kpis.NO_EVIDENCE: "No evidence"}


def show_workshop_kpis(name: str) -> None:
    """The workshop's KPIs for this persona (set on the Workshop page), with their status."""
    own = scorecard.kpis_of_persona(measured, name)
    if own.empty:
        return
    lines = []
    for k in own.to_dict("records"):
        actual = kpis.format_figure(k["actual"], k["unit"], currency) or "no evidence"
        target = kpis.format_figure(k["target"], k["unit"], currency)
        lines.append(f"- {STATUS_MARKS[k['status']]}: {md(k['name'])}, {md(actual)} "
                     f"(target {md(target)})")
    st.markdown("**🏁 Workshop KPIs**\n\n" + "\n".join(lines))


# --- editing --------------------------------------------------------------------------------
# Saves run in widget callbacks, before the script draws anything: the messages they leave
# in session state are shown by the run that follows.

def widget_value(card: dict, field: str):
    value = card.get(field)
    if value is None or (isinstance(value, float) and value != value):
        return None if field in SCORES else ""
    if field in SCORES:
        return int(value)
    if field in personas.TARGET_FIELDS:
        return f"{value:g}"
    return str(value)


def prepare_form(prefix: str, card: dict) -> None:
    """Fill the form's widgets from the card once, remembering the version they show."""
    if f"{prefix}name" not in st.session_state:
        for field in personas.FIELDS:
            st.session_state[f"{prefix}{field}"] = widget_value(card, field)
        st.session_state[f"{prefix}seen"] = card.get("version", 0)


def forget_form(prefix: str) -> None:
    """Drop a form's widget values and messages: the next run fills it afresh."""
    for key in [k for k in st.session_state if str(k).startswith((prefix, f"_{prefix}"))]:
        del st.session_state[key]


def entered(prefix: str) -> dict:
    return {field: st.session_state.get(f"{prefix}{field}") for field in personas.FIELDS}


def in_workspace(action):
    """Run ``action(db)`` on a connection of its own (callbacks run outside the page)."""
    with frame.connection(ctx) as db:
        return action(db)


def on_save(card_id: int, prefix: str, has_photo: bool) -> None:
    values = entered(prefix)
    upload = st.session_state.get(f"{prefix}photo")
    remove = st.session_state.get(f"{prefix}nophoto")
    for key in ("errors", "stale"):
        st.session_state.pop(f"_{prefix}{key}", None)

    def save(db):
        if upload is not None:           # a bad photo refuses the whole save
            personas.check_photo(upload.getvalue(), upload.name)
        version = personas.update_persona(db, card_id, values,
                                          version=st.session_state[f"{prefix}seen"])
        st.session_state[f"{prefix}seen"] = version
        if upload is not None:
            version = personas.set_photo(db, card_id, upload.getvalue(), upload.name,
                                         version=version)
        elif remove and has_photo:
            version = personas.remove_photo(db, card_id, version=version)
        st.session_state[f"{prefix}seen"] = version
    try:
        in_workspace(save)
    except personas.InvalidPersona as error:
        st.session_state[f"_{prefix}errors"] = error.errors
    except personas.StaleEdit as error:
        st.session_state[f"_{prefix}stale"] = str(error)
    except JourneyError as error:
        st.session_state[f"_{prefix}errors"] = {"photo": str(error)}
    else:
        widgets.flash(f"Saved {str(values['name']).strip()}.")


def on_create(prefix: str) -> None:
    values = entered(prefix)
    st.session_state.pop(f"_{prefix}errors", None)
    try:
        in_workspace(lambda db: personas.create_persona(
            db, values, archived=bool(st.session_state.get(f"{prefix}archived"))))
    except personas.InvalidPersona as error:
        st.session_state[f"_{prefix}errors"] = error.errors
    except JourneyError as error:
        st.session_state[f"_{prefix}errors"] = {"name": str(error)}
    else:
        forget_form(prefix)
        widgets.flash(f"Created {str(values['name']).strip()}.")


def on_action(action, message: str) -> None:
    try:
        in_workspace(action)
    except JourneyError as error:
        widgets.flash(str(error), "error")
    else:
        widgets.flash(message)


def on_assign(card_id: int, name: str, current: list[int]) -> None:
    chosen = st.session_state.get(f"assigned_{card_id}") or []
    added = [i for i in chosen if i not in current]
    dropped = [i for i in current if i not in chosen]

    def apply(db):
        personas.assign_clients(db, card_id, added)
        personas.unassign_clients(db, dropped)
    on_action(apply, f"{len(added)} clients assigned to {name} by hand, {len(dropped)} "
                     "no longer.")


def form_fields(prefix: str, errors: dict, narrow: bool = False) -> None:
    """The card's inputs (values live in session state under ``prefix``). ``narrow``: a
    card's third of the page at presenter size, where three targets side by side would
    break their labels mid-word, so each target has a row of its own."""
    def note(field):
        if field in errors:
            st.error(md(errors[field]), icon=":material/error:")

    left, right = st.columns([3, 1])
    left.text_input("Name", key=f"{prefix}name", max_chars=80, placeholder="e.g. Dr. Jelena")
    right.text_input("Icon", key=f"{prefix}icon", max_chars=16,
                     help="An emoji, shown when there is no photo.")
    note("name")
    note("icon")
    st.text_input("Title", key=f"{prefix}title", max_chars=80,
                  placeholder="e.g. Growth Partner")
    note("title")
    for field, help_text in (
            ("description", "Two or three lines: who they are."),
            ("goals", "What you and they expect."),
            ("pain_points", "The top three, one per line."),
            ("delights", "The top three, one per line."),
            ("preferred_contact", "The key decision maker and the person most available."),
            ("key_opportunities", "The top three growth or high-income areas, one per line."),
            ("sales_tips", "How to approach them, what to offer."),
            ("sales_method", "The sales method for this group.")):
        st.text_area(personas.LABELS[field], key=f"{prefix}{field}", help=help_text,
                     height=90)
        note(field)
    st.markdown("**KPI targets**")
    places = [st.container() for _ in range(3)] if narrow else st.columns(3)
    for column, field, help_text in zip(places, personas.TARGET_FIELDS, (
            f"Revenue per customer, in {currency}.", "Purchases per customer per year.",
            "Average satisfaction, on the scale your tracker uses.")):
        column.text_input(personas.LABELS[field], key=f"{prefix}{field}", help=help_text)
    for field in personas.TARGET_FIELDS:
        note(field)
    for column, field, help_text in zip(st.columns(3), ("impact", "effort", "tier"), (
            "Sales impact, 1 (low) to 5 (high).", "Time and effort to serve, 1 to 5.",
            "1 = most important.")):
        column.selectbox(personas.LABELS[field], (None, *SCORES[field]), key=f"{prefix}{field}",
                         help=help_text, format_func=lambda v: "—" if v is None else str(v))
    for field in ("impact", "effort", "tier"):
        note(field)


def edit_card(card: dict) -> None:
    prefix = f"pe{card['id']}_"
    prepare_form(prefix, card)
    errors = st.session_state.get(f"_{prefix}errors", {})
    stale = st.session_state.get(f"_{prefix}stale")
    has_photo = card["id"] in photos
    with st.expander("Edit card", icon=":material/edit:", expanded=bool(errors or stale)):
        with st.form(f"edit_{card['id']}", border=False):
            form_fields(prefix, errors, narrow=ctx.presenter)
            # The box says and enforces the limit the save checks (personas.check_photo).
            st.file_uploader(f"Photo (PNG, JPEG or WebP, up to {PHOTO_MB} MB)",
                             type=["png", "jpg", "jpeg", "webp"], key=f"{prefix}photo",
                             max_upload_size=PHOTO_MB)
            if "photo" in errors:
                st.error(md(errors["photo"]), icon=":material/error:")
            st.checkbox("Remove the photo", key=f"{prefix}nophoto", disabled=not has_photo)
            st.form_submit_button("Save card", icon=":material/save:", type="primary",
                                  on_click=on_save, args=(card["id"], prefix, has_photo))
        if stale:
            st.warning(md(stale), icon=":material/sync_problem:")
            st.button("Load the latest version", key=f"reload_{card['id']}",
                      icon=":material/refresh:", on_click=forget_form, args=(prefix,))
        assign_by_hand(card)
        st.button("Archive this card", key=f"archive_{card['id']}", icon=":material/archive:",
                  help="Archived cards are kept and can be brought back.",
                  on_click=on_action, args=(
                      lambda db, card_id=card["id"]: personas.archive_persona(db, card_id),
                      f"Archived {card['name']}."))


def assign_by_hand(card: dict) -> None:
    options = frame.cached(personas.assignable_clients)(ctx)
    labels = dict(zip(options["id"].tolist(), options["label"]))
    current = [i for i in frame.cached(personas.assigned_clients)(ctx, card["id"])
               if i in labels]
    with st.form(f"assign_form_{card['id']}", border=False):
        st.multiselect("Clients assigned by hand", list(labels), default=current,
                       format_func=labels.get, key=f"assigned_{card['id']}",
                       help="These clients count for this persona whatever the tracker's "
                            "persona column says.", placeholder="Choose clients")
        st.form_submit_button("Save assignments", icon=":material/group_add:",
                              on_click=on_assign, args=(card["id"], card["name"], current))


def new_card() -> None:
    prefix = "pnew_"
    prepare_form(prefix, {})
    errors = st.session_state.get(f"_{prefix}errors", {})
    full = len(figures) >= personas.MAX_ACTIVE
    with st.expander("New persona card", icon=":material/add_card:",
                     expanded=bool(errors) or figures.empty):
        if full:
            st.info(f"{personas.MAX_ACTIVE} personas are active, as good practice advises: "
                    "archive one to add another, or keep the new card archived for later.")
        with st.form("new_persona", border=False):
            form_fields(prefix, errors)
            st.checkbox("Keep it archived", key=f"{prefix}archived")
            st.form_submit_button("Create card", icon=":material/add:", type="primary",
                                  on_click=on_create, args=(prefix,))


# --- the page -------------------------------------------------------------------------------

if figures.empty:
    widgets.empty_state("No persona cards yet",
                        "Make a card for each of your (up to three) target personas: who "
                        "they are, what they want, and how to sell to them. Or import a "
                        "'Personas' sheet on the Import page." + ctx.live_hint,
                        icon=":material/groups:")
else:
    for column, card in zip(st.columns(personas.MAX_ACTIVE), records(figures)):
        card["id"] = int(card["id"])
        with column:
            with st.container(border=True):
                show_card(card)
            if ctx.editing:
                edit_card(card)

if ctx.editing:
    new_card()
    if not archived.empty:
        with st.expander(f"Archived personas ({len(archived)})", icon=":material/inventory_2:"):
            for card in records(archived):
                left, right = st.columns([4, 1])
                left.markdown(f"{md(card['icon'] or '')} **{md(card['name'])}**"
                              + (f" · {md(card['title'])}" if card["title"] else ""))
                right.button("Restore", key=f"restore_{card['id']}",
                             icon=":material/unarchive:", on_click=on_action, args=(
                                 lambda db, card_id=card["id"]: personas.restore_persona(
                                     db, card_id), f"Restored {card['name']}."))

if not ranking.empty:
    st.subheader("Which persona to serve first")
    st.caption("Impact is the sales a persona brings, effort the time and effort it takes "
               "(the team's 1–5 scores on each card; a card without an impact score is "
               "placed by the money at stake in its clients' drop-off, the largest at 5); "
               "bubbles grow with current revenue.")
    matrix = persona_matrix_figure(ranking, presenter=ctx.presenter)
    st.plotly_chart(charts.for_presenter(matrix) if ctx.presenter else matrix,
                    key="persona_matrix")
    # Money at stake is an estimate: whole units of money, not cents.
    table = ranking.drop(columns=["impact_from_money"]).assign(
        money_at_stake=pd.to_numeric(ranking["money_at_stake"], errors="coerce").round())
    if not stake.has_revenue:
        table = table.drop(columns=["money_at_stake"])
    widgets.table(table, RANKING_LABELS, currency=currency,
                  formats={"revenue_current": "money", "money_at_stake": "money",
                           "impact": "count", "effort": "count", "tier": "count"},
                  column_config={"money_at_stake": {
                      "help": "What the drop-off of this persona's clients costs at one "
                              "purchase each (see the Funnel page)."}}
                  if stake.has_revenue else None)
    if not stake.has_revenue:
        st.caption(md(stake.sentence))
    if mixed := frame.cached(overview.currencies_added)(ctx):
        st.caption(f":material/currency_exchange: {md(overview.currencies_sentence(mixed))}")

if widgets.downloads_shown() and not (figures.empty and archived.empty):
    st.caption("The cards as a spreadsheet (the same columns a 'Personas' sheet imports):")
    widgets.download_table(frame.cached(personas.export_rows)(ctx), "personas", "personas_dl")
