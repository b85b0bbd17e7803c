"""Understand a sheet: what it holds, what its headers mean, what its values say.

The decisions of an import that need no database writes: a sheet's kind (clients,
events, reference, or a workshop sheet by its name), the guess of the mapping of its
headers onto the field vocabulary, guide sheets to skip, and the reading of its values
(typed through ``journey.values``; stage and status cells through the stage aliases and
the workspace's mapping; event kinds from a kind column, a stage cell or the sheet's name).
``journey.ingest.plan`` puts these together for one sheet.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlite_utils import Database

from .. import values
from ..columns import GUIDE_HEADERS
from ..errors import UnreadableFile, ValidationError
from ..fields import (
    CHILD_HEADERS, CLIENT_ONLY, COMMISSION_HEADERS, COMPANY_DETAIL_HEADERS, COMPANY_HEADERS,
    COMPANY_REVENUE, CONTACT_MEANS, CONVERSATION_IDS, EVENT_FIELDS, EVENT_KINDS, EVENT_ONLY,
    FEEDBACK_HEADERS, FUNDING_SOURCE, ORGANISATION_HEADERS, PARENT_HEADERS, PARTY_HEADERS,
    PAYEE_HEADERS, PAYER_HEADERS, PAYMENT_SENDERS, PERIOD_FEE_ALONE, PERSON_NAME_HEADERS,
    QUOTE_HEADERS, REFUNDED_AMOUNT,
    SALE_PRICES,
    SALE_PRICES_ELSEWHERE, SCORE_RANGES, SERVED_HEADERS, SPENT_WITH_US, SURVEY_NAMES,
    TAG_HEADERS, VISIT_TYPE_HEADERS, WHOSE_FIELDS, bare_name_parts, field_type, fields_for,
    match_header, name_part, names_a_birth_date, names_a_coming_date, names_a_latest_date,
    names_a_number, names_a_record_edit, names_an_activity_time, names_people,
    names_when_made, normalise_header, plain_header, without_owner)
from ..journal import stage_mapping
from ..stages import (
    ALL_STAGES, BILLED_ONLY_STATUSES, BOOKED_STATUSES, CLOSED_DEAL, COMING_STATUSES,
    CONSULTATION_WORDS, EXCHANGED, FREE_FIRST_TALKS,
    FINISHED, GOODS_DELIVERED, HIRE_RETURNED, HIRE_WORDS, HIRED_OUT, INVOICE_OWN_STATUSES,
    ON_INVOICE, ORDER_CREATED, ORDER_DELIVERED, ORDER_RECEIVED,
    ORDER_IN_HAND, ORDER_STATUS_KIND, OUTCOMES, PAID_BY, PAID_THROUGH, PAYMENT_APPROVED,
    PAYMENT_STATUSES,
    REFUNDED, REPAIRED, RETURN_STATES, SENT_ON_INVOICE, SERVICE_DONE_UNLESS,
    QUOTE_OWN_WORDS, QUOTE_STATUS, QUOTE_WORDS, RANK, UNDECIDED, UNPAID_STATUSES, VISIT_KEPT,
    normalise_value,
    order_status_key, order_status_kind,
    read_stage_value, said_first, said_parts)
from ..text import counted, its, listed, match_key, name_key, was, without_accents
from .evidence import MOSTLY, code_cells, measure, sample_values
from .line_amounts import map_unit_price, quantity_column
from .profiles import statement_own_account
from .read import RawSheet, base_name

KINDS = ("clients", "events", "reference")
# Workshop sheets, found by their name when the kind is auto: normalised sheet name -> kind.
# Each kind's importer saves the sheet itself (``journey.ingest.plan.WORKSHOP_IMPORTERS``).
WORKSHOP_SHEETS = {"personas": "personas", "touchpoints": "touchpoints",
                   "functionmap": "function_map", "goalskpis": "kpis", "actions": "actions"}
WORKSHOP_KINDS = frozenset(WORKSHOP_SHEETS.values())
# Headers (normalised) a workshop sheet must have besides its name, where a sheet of that
# name could as well be data (a CRM's "Actions" list of calls and meetings).
WORKSHOP_NEEDS = {"actions": {"action", "owner", "status"}, "kpis": {"type", "name", "target"}}


def workshop_kind(raw: RawSheet) -> str | None:
    """The workshop sheet a sheet is, by its name (and headers where the name is common)."""
    kind = WORKSHOP_SHEETS.get(normalise_header(raw.name))
    if kind and WORKSHOP_NEEDS.get(kind, set()) - {normalise_header(h) for h in raw.headers}:
        return None
    return kind
EXTRA = "extra"   # the mapping target that keeps a column with its row, unmapped

# A bare "Type" in the languages the headers are read in (Spanish, Italian and Portuguese
# "Tipo", German "Typ" and "Art", Dutch "Soort", Danish and Swedish "Type" and "Typ"): on an
# events sheet, the events' type where its values name kinds ("Compra", "Kauf").
_TYPE_HEADERS = frozenset({"type", "tipo", "typ", "art", "soort", "tipus"})
# Event kind words -> kind (a ``kind`` column, or a sheet's name).
_KIND_WORDS = {
    "contact": "contact call calls meeting email visit activity activities touch contacts "
               "followup note task message chat sms question request webinar "
               # (a call in Spanish, German, Italian and Portuguese, Dutch)
               "llamada llamadas anruf anrufe telefonat chiamata telefonema gesprek",
    "stage_change": "stagechange stage move",
    "purchase": "purchase purchases order orders sale sales transaction transactions invoice "
                "invoices booking bookings buy bought salesreceipt receipt "
                "appointment appointments job jobs cita citas termin termine agendamento "
                # (a bike's, a boat's or a tool's hire log; not "hires": a firm's new staff)
                "hire rental rentals "
                # (a holiday let's or a host's guests' stays)
                "stay stays "
                "agendamentos transaktion transaktionen transaccion transacciones transacao "
                "transacoes "
                "pedido pedidos venta ventas compra compras factura facturas commande commandes "
                # (a client's purchase in German: "Kauf" beside "Verkauf" on a business's
                # books is its own buying, BOUGHT_IN)
                "kauf kaufe "
                # (Turkish, Romanian, Czech and Indonesian orders: "Sipariş No", "Nr. comandă")
                "siparis siparisler comanda comenzi objednavka objednavky pesanan "
                # (an invoice in the Nordic languages, Polish, Czech and Hungarian:
                # "Fakturanr.", "Számlaszám")
                "faktura fakturaer fakturor faktury fakturanr fakturanummer szamla szamlak "
                "szamlaszam "
                "vente ventes facture factures bestellung bestellungen rechnung rechnungen "
                "umsatz umsatze verkauf verkaufe venda vendas fatura faturas encomenda "
                "encomendas donation donations monthlydonation tip tips shoporder commission "
                "commissions charge charges rebill rebills "
                # a gift card or voucher sold is a sale to its buyer (a sheet's name in two
                # words: "gift_cards.csv")
                "giftcard giftcards giftvoucher giftvouchers giftcertificate giftcertificates "
                # (a receipt or an invoice issued: Chile's "Boleta Electrónica", "Factura
                # Electrónica", an Italian e-invoice)
                "boleta boletas boletaelectronica facturaelectronica fatturaelettronica "
                "fattura fatture vendita vendite ordine ordini acquisto acquisti transazione "
                # (an Italian e-invoice's types, as words and as the exchange's codes
                # "TipoDocumento": TD01 an invoice, TD05 a debit note adding to one, TD06 a
                # professional's fee note, TD07 a simplified invoice, TD09 its debit note,
                # TD24 and TD25 a deferred invoice)
                "fatturadifferita fatturaimmediata fatturaaccompagnatoria fatturasemplificata "
                "parcella parcelle notadidebito notedidebito "
                "td01 td05 td06 td07 td09 td24 td25 "
                "transazioni appuntamento appuntamenti prenotazione prenotazioni "
                "factuur facturen verkoop verkopen bestelling bestellingen aankoop aankopen "
                "transactie transacties afspraak afspraken boeking boekingen "
                # (a sales invoice or a till's receipt: Colombia's "Factura de venta", Poland's
                # "Faktura sprzedaży" and "Paragon", a Japanese till's sale "通常" or "売上")
                "facturadeventa facturadeventaelectronica fakturasprzedazy paragon 通常 売上 "
                # (Portugal's invoice-receipt and simplified invoice: Moloni's)
                "faturarecibo faturasimplificada "
                # (a sale in Norwegian and Danish, Swedish, Finnish: Vipps' "Salg")
                "salg forsaljning myynti "
                # (Argentina's invoices and debit notes by their letter, A, B, C, E or M:
                # Colppy's and Contabilium's "Tipo Comprobante": "Factura B")
                "facturaa facturab facturac facturae facturam notadedebitoa notadedebitob "
                "notadedebitoc notadedebitoe notadedebitom "
                # (a card payment taken by a gateway: Authorize.net's transaction types)
                "authorizationwautocapture authorizationandcapture authcapture "
                "priorauthorizationcapture captureonly",
    "won": "won win closedwon dealwon",
    "lost": "lost loss closedlost deallost",
    "refund": "refund refunds return returns returned chargeback creditmemo creditnote "
              "salescreditnote refundreceipt devolucion devoluciones reembolso reembolsos "
              "remboursement remboursements retour retours erstattung erstattungen "
              "rucksendung rucksendungen ruckerstattung ruckerstattungen devolucao devolucoes "
              "rimborso rimborsi reso resi "
              "terugbetaling terugbetalingen retouren creditnota creditnotas "
              # a credit note in Danish and Norwegian, Swedish, German, French, Dutch,
              # Spanish (Chile's "Nota de Crédito Electrónica") and Italian
              "kreditnota kreditnotaer kreditfaktura gutschrift gutschriften avoir avoirs "
              "creditfactuur notadecredito notasdecredito notadecreditoelectronica "
              "notadicredito notedicredito notadicreditosemplificata "
              # (an Italian credit note's codes: TD04, TD08 a simplified one's)
              "td04 td08 "
              # (Colombia's "Nota crédito", a Czech or Slovak credit note: "Opravný daňový
              # doklad", "Dobropis", Poland's "Korekta faktury sprzedaży", a Hungarian
              # reversing invoice "Sztornó számla", a Japanese till's return "返品")
              "notacredito notacreditoelectronica opravnydanovydoklad dobropis "
              "korektafakturysprzedazy sztornoszamla 返品 "
              # (Argentina's credit notes by their letter: "Nota de Crédito A")
              "notadecreditoa notadecreditob notadecreditoc notadecreditoe notadecreditom "
              # (money the account sent a client who paid it: Cash App's "Sent P2P")
              "sentp2p "
              # (a Nordic payment app's money sent back: MobilePay's "Refundering", Vipps'
              # "Refusjon", Swish's "Återbetalning")
              "refundering refunderinger refusjon refusion aterbetalning",
    "cancellation": "cancellation cancellations cancel cancelled canceled "
                    "取消",      # (a Japanese till's receipt voided)
    "complaint": "complaint complaints customercomplaint issue issues "
                 "queja quejas reclamo reclamos reclamacion reclamaciones plainte plaintes "
                 "reclamation reclamations beschwerde beschwerden reklamation reklamationen "
                 "reclamacao reclamacoes reclami lamentela lamentele klacht klachten "
                 "reklamacja reklamacje skarga skargi klagomal klage klager",
    "internal_complaint": "internalcomplaint internalcomplaints interdepartmental "
                          "escalation escalations",
    "objection": "objection objections",
    "referral": "referral referrals",
    "review": "review reviews testimonial testimonials",
    "nps": "nps npsresponse survey surveys",
}
KIND_OF = {word: kind for kind, words in _KIND_WORDS.items() for word in words.split()}
# ... and the words of a sheet's or file's name: a sheet called "Payments" (of clients'
# payments: a date, a client, an amount) lists sales, as "Sales" does. (A kind cell
# "Payment" beside invoices is the paying of one: resolve_kinds.)
PAYMENT_WORDS = frozenset(
    "payment payments paymentreceived receivepayment customerpayment pago pagos paiement "
    "receivedp2p "      # (money a person sent the account: Cash App's "Received P2P")
    "paiements zahlung zahlungen pagamento pagamentos pagamenti betaling betalingen".split())
SHEET_KIND_OF = {**KIND_OF, **dict.fromkeys(PAYMENT_WORDS, "purchase")}
# A whole sheet's name that says the same of an owner's workbook ("Enquiries", "Paid"):
# read as "Payments" is. ("Paid" among other words may be an advertiser's: "Paid ads".)
_PAID_NAMES = frozenset({("paid",), ("paid", "in"), ("money", "in"), ("paid", "jobs")})
# A kind cell's word for money given back, read so only beside sales ("sale", "credit").
_CREDITS = frozenset({"credit", "credits", "credittransaction"})


def _a_list_of_numbers(raw: RawSheet, mapping: dict[str, str | None]) -> bool:
    """Whether a sheet's phone column holds a number on most rows, each once (a list of
    clients known by their number, not the business's own number on every row), beside
    something Journey knows of a client (a count of visits): a staff rota's or a supplier
    list's numbers beside columns of its own ("Staff", "Shift") are no clients."""
    header = next(h for h, f in mapping.items() if f == "phone")
    numbers = values.phone_keys(raw.frame[header]).dropna()
    return (2 * len(numbers) > len(raw.frame) and not numbers.duplicated().any()
            and bool(set(mapping.values()) - {None, "phone"}))


def headers_key(headers: list[str]) -> str:
    """A key for a set of headers, so next month's file finds this month's mapping."""
    names = sorted(normalise_header(h) for h in headers)
    return hashlib.sha1("\x1f".join(names).encode()).hexdigest()


def detect_kind(raw: RawSheet, mapping: dict[str, str | None], sheet_name: str = "",
                file_name: str = "", key_from_email: bool = False) -> str:
    """Guess whether a sheet holds clients (one row each), events, or reference rows.

    A client key that repeats means events, unless only a few repeat on a sheet where
    nothing happened and whose rows are no items (_repeat_events). The key is the client
    ID when the sheet has one (two clients may share a name), else the name. With unique
    keys, a sheet whose name says its rows are people ("Leads") holds clients, unless it
    has a kind, an order ID, or both a date and an amount; so does a sheet with no date,
    kind or order ID (its amounts are each client's total), unless a yes/no column says
    whether each row was paid ("Paid": ``paid_flag``), which with an amount makes events
    unless the sheet's other client-only fields (phone, country...) outnumber its event ones;
    another is events when it has
    more of the fields that only events have and that say something happened (date, kind,
    amount, order ID) than client-only fields (an e-mail that is the key counts as one): a
    client list with a notes or reason column stays a client list.
    """
    fields = {f for f in mapping.values() if f}
    itemised = _itemised(mapping, sheet_name, file_name)
    people = _names_people(sheet_name)         # "Leads": a date is when each came in
    happened = fields & HAPPENED_FIELDS - ({"date"} if people else set())
    paid = paid_flag(raw, mapping) is not None   # "Paid" Y or N: each row was paid, or not
    happened |= {"paid"} if paid else set()
    keys = [h for h, f in mapping.items() if f in ("client_id", "name")]
    if not keys and "phone" in fields and (happened or "date" in fields):
        return "events"      # appointments, enquiries, messages by number: the number's
    if not keys and "phone" in fields and _a_list_of_numbers(raw, mapping):
        return "clients"     # a phone list that names no one: each number a client's
    if not keys:
        # A sheet or file name ("Returns", "orders-2026.xlsx") makes events only of a sheet
        # that has event columns: a guide or notes sheet in such a file stays reference.
        if "order_id" in fields or (fields & EVENT_FIELDS.keys()
                                    and sheet_kind(sheet_name, file_name)):
            return "events"
        return "reference"
    if _numbers_conversations(raw):
        return "events"      # each row one conversation of its person (Intercom, Crisp...)
    if any(mapping[h] == "client_id" for h in keys):
        keys = [h for h in keys if mapping[h] == "client_id"]
    for header in keys:
        column = raw.frame[header]
        if header in raw.merged_rows:      # a name merged over its contacts' rows: one
            column = column[~raw.merged_rows[header]]
        cells = column.dropna().tolist()
        texts = list(map(str, cells))          # equal texts are equal keys: a quick answer
        repeated = len(cells) - len({t.strip().casefold() for t in texts})
        if _repeat_events(repeated, len(cells), happened, itemised,
                          repeated == 1 and _listed_again(raw.frame, column)):
            return "events"
        if raw.repeats is not None and _repeat_events(*raw.repeats(header), happened, itemised):
            return "events"                    # (the parts after the first say so)
        # (a few clients listed twice on a sheet where nothing happened: a client list)
    if (people and not fields & {"kind", "order_id"}
            and not {"date", "amount"} <= fields):
        return "clients"         # "Leads" with the date each came in, "Kunden" with a total
    if not fields & {"date", "kind", "order_id"} and not paid and not any(
            field is None and not names_a_birth_date(header)
            and measure(raw.frame[header]).is_date for header, field in mapping.items()):
        return "clients"         # one row each, amounts and no dates: each client's total
    event_score = len(fields & EVENT_ONLY & HAPPENED_FIELDS) + paid
    client_score = len(fields & CLIENT_ONLY) + key_from_email
    if "amount" in fields and any(
            field == "client_type" and _names_kinds(raw.frame[header])
            and _names_event_kinds(raw.frame[header]) for header, field in mapping.items()):
        # (a payments export's "Type" of charge, fee beside its "Amount": the rows' kinds,
        # and its "Fee" the provider's cut, no client's total)
        client_score -= len(fields & {"client_type", "revenue_current"})
    if paid and fields & {"amount", "revenue_current"} and len(
            fields & CLIENT_ONLY - {"revenue_current", "email"}) <= event_score:
        return "events"          # each row's amount, paid or not: a job or an invoice
    if not people and work_column(mapping) and len(
            fields & CLIENT_ONLY - {"revenue_current", "email"}) <= 2:
        return "events"          # a date, a price and the job done: a log of sales
    # (not a client tracker whose phone, country and revenue outnumber it: "Paid" there is
    # each client's, and the revenue their total)
    return "events" if event_score > client_score else "clients"


def _listed_again(frame: pd.DataFrame, keys: pd.Series) -> bool:
    """Whether the rows whose key (of ``keys``, a column of ``frame``) is written more than
    once are one row again: every column they both fill says the same (a member listed twice
    further down), not two things done ("Acme, called" and "Acme, again")."""
    filled = keys.dropna().astype(str).str.strip().str.casefold()
    rows = frame.loc[filled.index[filled.duplicated(keep=False)]]
    return all(rows[header].dropna().astype(str).str.strip().nunique() <= 1
               for header in rows.columns)


def _numbers_conversations(raw: RawSheet) -> bool:
    """Whether a column numbers each row's conversation (``CONVERSATION_IDS``: a chat
    tool's "Conversation ID"): a list of conversations (or their messages), events even
    where no person wrote twice."""
    return any(normalise_header(h) in CONVERSATION_IDS and raw.frame[h].notna().any()
               for h in raw.headers)


HAPPENED_FIELDS = frozenset({"date", "kind", "amount", "order_id"})
# A column of yes or no saying whether each row was paid ("Paid?", "Pagado", "Bezahlt").
# ("Paid by", "How paid": a hand-kept column of ways of paying, "Card", "Cash", is one too)
PAID_FLAG = re.compile(r"^(?:is)?(?:paid|paidyn|paidby|paidvia|howpaid|paymentreceived|paidinfull|"
                       r"pagado|pagada|paye|payee|bezahlt|pago|betaald|pagato|pagata|regle|"
                       r"reglee|saldato|"
                       r"zapłacono|opłacono|zapłacone|betalt|betald|incasat|fizetve|kifizetve|"
                       r"支払い|支払|入金)$")


def paid_flag(raw: RawSheet, mapping: dict[str, str | None]) -> str | None:
    """The column no field holds whose header says paid (``PAID_FLAG``) and whose values
    are yes or no (or "x": a tick), if the sheet has one: its rows were each paid or not.
    (A "Paid" column of amounts is no such column.)"""
    header = next((h for h, f in mapping.items()
                   if not f and PAID_FLAG.match(normalise_header(h))), None)
    if header is None:
        return None
    cells = pd.Series(raw.frame[header].dropna().unique(), dtype=object)
    cells = cells[cells.map(normalise_header) != "x"]
    return header if len(cells) < 1000 and not values.parse_bool(cells)[1].any() else None
# A sheet with no date, kind, amount or order ID whose keys repeat on at most this share of
# its rows (one in ten) is a client list with a few clients listed twice, not events.
FEW_REPEATS = 0.1


# A header naming what a row is, when a row is something done or sold for a client
# ("Project Name", "Job #", "Booking date"): a sheet with one is a list of those.
_ITEM_WORDS = frozenset(
    "project projects job jobs order orders booking bookings appointment appointments "
    "ticket tickets invoice invoices deal deals transaction transactions quote quotes "
    "estimate estimates proyecto pedido factura cita projet commande facture devis "
    "auftrag rechnung termin projeto fatura product products item items sku producto "
    "produit produkt artikel produto progetto ordine fattura appuntamento preventivo "
    "prodotto articolo opdracht bestelling factuur afspraak offerte".split())


def _itemised(mapping: dict[str, str | None], sheet: str, file: str = "") -> bool:
    """Whether a sheet's rows are items: projects, jobs, products (a header names one, not
    one of a client's own figures: "Orders", "Last order"), or what its name says happened
    ("sales", "calls"; a contacts list is people)."""
    return (any(word in _ITEM_WORDS for header, field in mapping.items()
                if field not in CLIENT_ONLY for word in _words(str(header)))
            or _sheet_word(sheet, file) not in (None, "contact", "contacts"))


# Words of a header or a sheet's or file's name, and headers, that say its rows are
# invoices: a bill's number, its balance or what was paid of it, its due date.
_INVOICE_WORDS = frozenset("invoice invoices invoiced bill bills factura facturas facture "
                           "factures rechnung rechnungen fattura fatture fatura faturas "
                           "factuur facturen faktura fakturor fakturaer faktury lasku laskut "
                           "faturalar faktur tagihan fakturanr fakturanummer fakturadato "
                           "fakturadatum szamla szamlaszam factuurnummer factuurnr "
                           "factuurdatum rechnungsnummer rechnungsnr rechnungsdatum".split())
_INVOICE_HEADERS = frozenset({"duedate", "paymentdue", "balance", "balancedue", "amountdue",
                              "paidtodate", "amountpaid", "outstanding", "amountoutstanding",
                              # (a due date in the Nordic languages, Finnish, Czech,
                              # Hungarian)
                              "forfallsdato", "forfaldsdato", "forfallodatum", "erapaiva",
                              "splatnost", "fizetesihatarido"})


def about_invoices(headers, sheet: str, file: str = "") -> bool:
    """Whether a sheet's rows are invoices: a header or its sheet's or file's name says
    so ("Invoice #", "invoices.csv"), or a header of a bill's ("Due Date", "Balance",
    "Paid to Date")."""
    return (any(normalise_header(h) in _INVOICE_HEADERS for h in headers)
            or any(word in _INVOICE_WORDS for text in (*headers, sheet, file)
                   for word in _words(str(text or "").lower())))


# A quote list's money column ("Quote Amount", "Estimate Total", "Quoted").
_QUOTE_MONEY = re.compile(r"^(?:quote|quoted|quotation|estimate|estimated)"
                          r"(?:amount|total|value|price|sum)?$")


def quote_statuses(raw: RawSheet, mapping: dict[str, str | None], sheet: str,
                   file: str = "") -> str | None:
    """The status column of a list of quotes or estimates, or None: a header or the
    sheet's or file's name says quotes ("Quote No", "Estimates"), and the column's values
    are mostly a quote's statuses (stages.QUOTE_STATUS), one of them only a quote's
    ("Sent", "Accepted", "Declined", "Expired"). A pipeline's "Proposal, Won" is not."""
    named = any(word in QUOTE_WORDS for text in (*raw.headers, sheet, file)
                for word in _words(str(text or "")))
    if not named:
        return None
    for header, target in mapping.items():
        if target not in ("status", "stage"):
            continue
        said = raw.frame[header].dropna().map(normalise_value)
        said = said[said.ne("")]
        if (len(said) and said.isin(QUOTE_STATUS.keys()).mean() >= MOSTLY_KNOWN
                and said.isin(QUOTE_OWN_WORDS).any()):
            return header
    return None


def returns_statuses(raw: RawSheet, mapping: dict[str, str | None]) -> str | None:
    """The status column of a shop's returns log (every value a return's outcome, one an
    exchange and one a refund: ``_returns_log``), or None: its rows are returns, events
    (resolve_kinds reads each), whatever else the sheet looks like."""
    return next((header for header, target in mapping.items() if target == "status"
                 and _returns_log(raw.frame[header])), None)


def quote_money(raw: RawSheet, mapping: dict[str, str | None],
                chosen: set[str]) -> dict[str, str | None]:
    """A quote list's mapping with its quote's money column ("Quote Amount") as the amount,
    where no column is yet (not a "Quote #" of numbers such as Q-101)."""
    if "amount" in mapping.values():
        return mapping
    for header, target in mapping.items():
        if (header not in chosen and target is None
                and _QUOTE_MONEY.match(normalise_header(header)) and not names_a_number(header)
                and not values.parse_money(raw.frame[header])[1].any()):
            return mapping | {header: "amount"}
    return mapping


# Words of a header naming the work done or the thing sold on each row of a log of sales
# ("Project", "Job", "Service", "Treatment", "Item"); not a person's "Job title".
_WORK_WORDS = frozenset(
    "job jobs project projects service services work treatment treatments commission "
    "assignment gig product products item items proyecto servicio trabajo projet prestation "
    "travail projekt leistung dienstleistung projeto servico trabalho progetto servizio "
    "lavoro opdracht dienst behandeling auftrag arbeit "
    # and the Nordic and Polish ones (a Swedish trade's "Jobb", a Danish "Opgave")
    "jobb uppdrag arbete tjänst tjänster behandling oppdrag arbeid tjeneste tjenester "
    "opgave opgaver arbejde ydelse ydelser usługa usługi zlecenie praca".split())
_NOT_WORK = frozenset({"jobtitle", "jobrole", "jobfunction", "jobposition", "jobdescription"})
# Money that is no one row's price: a client's whole, a rate per period, a hope.
_NOT_ROW_MONEY = re.compile(r"lifetime|ltv|clv|annual|spent|spend|monthly|weekly|yearly|"
                            r"retainer|recurring|potential|budget|forecast|^value$|dealvalue")


# Words of a sheet's or file's name that say its rows are leads or enquiries: a service
# and its price there is what was asked about, not a sale.
_LEAD_NAMES = frozenset("lead leads enquiry enquiries inquiry inquiries prospect prospects "
                        "prospectos consultas demandes anfragen interessenten richieste "
                        "aanvragen".split())
# Those, and a quote's or an estimate's words (``QUOTE_WORDS``): a sheet or file so named
# offered its prices, none was paid (a "Quotes" tab of Date, Client, Qty, Price).
_OFFERED_NAMES = _LEAD_NAMES | QUOTE_WORDS


def _priced_and_dated(mapping: dict[str, str | None]) -> bool:
    """Whether a column gives each row's price (an amount or a fee, not a client's whole
    or a monthly rate) and one its date."""
    return "date" in mapping.values() and any(
        target in ("amount", "revenue_current")
        and not _NOT_ROW_MONEY.search(normalise_header(header))
        for header, target in mapping.items())


def work_column(mapping: dict[str, str | None]) -> str | None:
    """A log of sales' column naming the work done or the thing sold on each row (no
    field's: "Project", "Job", "Service"), when a column gives each row's price and one
    its date (``_priced_and_dated``); else None."""
    if not _priced_and_dated(mapping):
        return None
    return next((header for header, target in mapping.items() if target is None
                 and normalise_header(header) not in _NOT_WORK
                 and any(word in _WORK_WORDS for word in _words(str(header)))), None)


def quantity_sold(mapping: dict[str, str | None]) -> str | None:
    """A log of sales' column of how many were sold on each row ("Qty" beside a price and
    a date: an order line, where a tab or the file names the thing sold: a florist's
    "Roses" tab of Date, Customer, Qty, Price); else None."""
    return quantity_column(mapping) if _priced_and_dated(mapping) else None


def _repeat_events(repeated: int, filled: int, happened: set[str], itemised: bool,
                   one_is_few: bool = False) -> bool:
    """Whether keys that repeat (``repeated`` of ``filled`` cells) make a sheet events: they
    do on a sheet where something happened (``happened``: its fields that say so) or whose
    rows are items (projects, jobs), or when more than a few repeat (with ``one_is_few``,
    one is a few however short the list: a member listed again further down, the same row
    again)."""
    few = max(1.0, filled * FEW_REPEATS) if one_is_few else filled * FEW_REPEATS
    return repeated > 0 and bool(happened or itemised or repeated > few)


def sheet_kind(sheet: str, file: str = "") -> str | None:
    """An event kind named by a sheet or its file's name ("Returns" -> refund)."""
    word = _sheet_word(sheet, file)
    return SHEET_KIND_OF[word] if word else None


def guess_sheet_mapping(headers: list[str], kind: str,
                        kind_decided: bool = True) -> dict[str, str | None]:
    """Map headers onto the fields a kind can hold. Money follows the kind: on a client
    list, an event's amount ("Sales", "Importe", "Umsatz") is what the client brought, its
    current revenue (a "Value", a deal's, is what it may bring: its potential revenue); on
    a sheet decided to hold events, a client's revenue ("Revenue") is what the event
    brought, its amount, unless it is the client's whole ("Lifetime value"). Not while the
    kind is being guessed: "Revenue" on a client list would look like an event. Beside a
    quantity, an event's amount is a line's total, else its price per unit
    (``journey.ingest.line_amounts.map_unit_price``). A "Who" column is the name only where
    no other column is."""
    allowed = fields_for(kind) if kind in ("clients", "events") else set()
    mapping = {}
    fees = []       # (a payments export's "Fee" beside its "Amount" or "Gross": the cut)
    for header in headers:
        found = match_header(header)[0]
        named = normalise_header(plain_header(header))
        if kind == "clients" and found == "amount" and not _RATING.search(named):
            found = "revenue_potential" if DEAL_VALUE.search(named) else "revenue_current"
        elif kind == "events" and kind_decided and found == "revenue_current":
            found = None if CLIENTS_WHOLE.search(named) else "amount"
            fees += [header] if named in ("fee", "fees") else []
        elif kind == "events" and found == "stage" and named in _A_CLIENTS_TYPE:
            found = None            # on a log, "Contact type" is Phone or Email, no stage
        mapping[header] = found if found in allowed else None
    bare = bare_name_parts(headers)         # "First" beside "Last": a name's two parts,
    if "name" in allowed and not any(       # where no other column names the client
            f == "name" and h not in bare and name_part(h) is None for h, f in mapping.items()):
        mapping.update({h: "name" for h in bare if mapping[h] is None})
    if fees and list(mapping.values()).count("amount") > len(fees):
        mapping.update(dict.fromkeys(fees))
    money = "revenue_current" if kind == "clients" else "amount"
    signs = [h for h in headers if _currency_sign_alone(h)]
    if len(signs) == 1 and money in allowed and money not in mapping.values():
        mapping[signs[0]] = money       # an owner's "£" over the prices: the money column
    who = [h for h, f in mapping.items() if f == "name" and normalise_header(h) in _GIVES_WAY]
    if who and len(who) < list(mapping.values()).count("name"):
        mapping.update(dict.fromkeys(who))   # beside "Client": who of ours dealt with it
    if kind == "events" and kind_decided and "amount" in allowed and (
            "amount" not in mapping.values()):
        # A deal's worth on a log of deals ("Estimated value", Teamleader's; "Budget",
        # Kommo's): each deal's amount, what a won one brought (not a quote's "Estimate").
        worth = next((h for h in headers if match_header(h)[0] == "revenue_potential"
                      and normalise_header(plain_header(h)) not in QUOTE_HEADERS), None)
        if worth is not None:
            mapping[worth] = "amount"
    if kind == "events" and kind_decided:
        mapping = map_unit_price(mapping)
    return mapping


def _currency_sign_alone(header: object) -> bool:
    """Whether a header is a currency's sign and nothing else ("£", "$", "€")."""
    sign = str(header).strip().casefold()
    return sign in values.CURRENCY_TOKENS and not any(c.isalpha() for c in sign)


# A hand-kept log's "Who": the client's name, unless another column names the client.
_WHO = frozenset({"who"})
# Headers read as the name only where no other column names the client: "Who", and a
# "Referee" (a referral log's person referred; beside an "Applicant", who vouches for them).
_GIVES_WAY = _WHO | {"referee"}


def who_of_the_business(raw: RawSheet, mapping: dict[str, str | None],
                        chosen: set[str]) -> list[str]:
    """A "Who" column guessed to be the name, beside a client ID or e-mail, that holds
    who of the business dealt with each row: one "Who" (Sarah) on rows of several clients
    and one client with several "Who"s (C1 by Sarah, then Tom). A client's name is not
    spread so. It is kept as extra (``mapping`` changed in place); returns what the import
    says of it. (Only where such a column is: a look at its distinct pairs.)"""
    who = [h for h, f in mapping.items() if f == "name" and h not in chosen
           and normalise_header(h) in _WHO]
    others = [h for h, f in mapping.items() if f in ("client_id", "email")]
    said = []
    for header in who:
        for other in others:
            pairs = raw.frame[[header, other]].dropna().astype(str)
            pairs = pd.DataFrame({c: pairs[c].str.strip().str.casefold() for c in pairs}
                                 ).drop_duplicates()
            if pairs[header].duplicated().any() and pairs[other].duplicated().any():
                mapping[header] = None
                said.append(f"'{header}' names several clients' rows and several names "
                            f"are on one client's: who of the business dealt with each, not "
                            "the client; kept as extra")
                break
    return said


def company_revenue_not_spent(raw: RawSheet, mapping: dict[str, str | None],
                              chosen: set[str]) -> list[str]:
    """On a CRM's accounts or companies list, a "Revenue" beside two of a company's own
    details (sector, employees, year established, office location, parent company) is each
    company's own revenue (Maven CRM's: annual, in millions), not money it spent with the
    business: kept as extra (``mapping`` changed in place), so the sales stay the revenue.
    Returns what the import says of it."""
    details = [h for h in raw.headers if normalise_header(h) in COMPANY_DETAIL_HEADERS]
    if len(details) < 2:
        return []
    shown = listed([f"'{h}'" for h in details], shown=5)
    said = []
    for header, target in mapping.items():
        key = normalise_header(header)
        if (target == "revenue_current" and header not in chosen
                and COMPANY_REVENUE.search(key) and not SPENT_WITH_US.search(key)):
            mapping[header] = None
            said.append(f"'{header}' sits beside each company's own details ({shown}): it "
                        "is the company's own revenue, not money spent with you; kept as "
                        "extra")
    return said


# An amount header that is a review's rating ("Stars"), not money; one that is a deal's
# value to come; a client's revenue that is its whole, never one event's.
_RATING = re.compile(r"star|rating|reviewscore")


# A conversation's rating by the person helped (Intercom's "Conversation rating", 1-5).
_CONVERSATION_RATING = re.compile(r"rating|csat|satisfaction")


def conversation_ratings(raw: RawSheet, mapping: dict[str, str | None],
                         chosen: set[str]) -> list[str]:
    """On a list of conversations (``_numbers_conversations``), a rating column of 1 to 5
    (not its remark) is the person's feedback on being helped: their satisfaction, the
    latest rating given (``rules.tags._latest_satisfaction``); not money, not a review.
    ``mapping`` changed in place; returns what the import says of it."""
    if not _numbers_conversations(raw) or "satisfaction" in mapping.values():
        return []
    for header, target in mapping.items():
        named = normalise_header(plain_header(header))
        if (header in chosen or target not in (None, "amount")
                or not _CONVERSATION_RATING.search(named) or "remark" in named
                or "comment" in named):
            continue
        scores = pd.to_numeric(raw.frame[header], errors="coerce")
        filled = raw.frame[header].notna()
        if scores[filled].notna().all() and scores.dropna().between(1, 5).all() and len(
                scores.dropna()):
            mapping[header] = "satisfaction"
            return [f"'{header}' holds each person's rating of a conversation (1 to 5): read "
                    "as their satisfaction, the latest they gave"]
    return []


def ratings_not_money(raw: RawSheet, mapping: dict[str, str | None], file: str,
                      set_values: dict[str, str], chosen: set[str]) -> list[str]:
    """A "Rating" or "Stars" column is a review's stars (kept as its amount) only where the
    rows are reviews or survey answers: the sheet or its file is named so, every row is set
    to be one, or a kind column may say so. Elsewhere (a job log's 1-5 rating of the work,
    an event's "7-9") it is a score, not money: kept as extra, never a sale's amount; a
    "Paid" column of money, passed over while the rating took the amount, is the amount
    (``_paid_as_amount``). ``mapping`` changed in place; returns what the import says."""
    rated = [h for h, f in mapping.items() if f == "amount" and h not in chosen
             and _RATING.search(normalise_header(plain_header(h)))]
    if not rated or "kind" in mapping.values():
        return []
    kind = set_values.get("kind") or sheet_kind(raw.name, file)
    if KIND_OF.get(normalise_value(kind or ""), kind) in ("review", "nps"):
        return []
    for header in rated:
        mapping[header] = None
    said = [f"'{header}' holds ratings, not money: kept as extra" for header in rated]
    if "amount" not in mapping.values():
        _paid_as_amount(raw, mapping, [h for h in raw.headers if h not in chosen], said)
    return said
# A deal's value on a client list (or a lead's, GoHighLevel's "Lead Value"): what the deal
# may bring (revenue to come), or, for a client who bought, what it brought
# (rules.deals._deal_values_won).
DEAL_VALUE = re.compile(r"^(?:deal|close|opportunity)?value$|(?:deal|opportunity|lead)value$|"
                        r"^(?:valore?|valeur|wert|waarde|varde|affarsvarde|værdi|handelsværdi|"
                        r"verdi|avtaleverdi|arvo)$|"
                        r"^dealsize$|^project(?:fee|value)$|^contractvalue$|^expectedrevenue$|"
                        r"^bidamount$")
# A value header naming what is sold ("Deal value", "Opportunity value", "Bid amount"):
# money by its name, however small its numbers, never a rating.
_VALUE_OF_A_SALE = re.compile(r"deal|opportunit|lead|affar|handel|avtale|project|bid|"
                              r"revenue|size")
# A header naming the business's own people ("Assignee Email", "Owner e-mail", "Created
# by"): their e-mail addresses are not the clients'.
_OUR_PEOPLE = re.compile(r"\b(?:assign(?:ee|ed)?|(?<!pet )owner|rep|sales ?person|agent|"
                         r"created by|author|staff|employee|seller|vendedor|responsable|"
                         r"verk(?:ä|a)ufer|venditore|responsabile|verkoper|eigenaar)\b",
                         re.IGNORECASE)
CLIENTS_WHOLE = re.compile(r"lifetime|ltv|clv|annual|spent|spend")
# A client's type that CRMs use as its stage (Keap's, Copper's Contact Type: Lead, Customer)
_A_CLIENTS_TYPE = {"contacttype", "persontype"}


@dataclass
class Refined:
    """A mapping after the values have had their say, and what they showed."""
    mapping: dict[str, str | None]
    key_from_email: str | None = None     # the header whose e-mails are the client key
    said: list[str] = field(default_factory=list)


# Headers that name an ID (mql_id, Kunden-Nr, customer ref, CustomerID, CUSTNO; not
# "Opened to Paid"): the header's last word is an ID word or ends in one, unless it is an
# ordinary word that happens to ("paid", "piano", "turkey").
_ID_WORD = re.compile(r"(?:id|ref|code|key|no|nr|num|number|numero)$")
_NOT_IDS = frozenset("paid said laid kid lid bid grid void avoid solid liquid valid invalid "
                     "rapid humid hybrid vivid acid fluid cupid squid android period "
                     "casino piano volcano domino studio radio video portfolio "
                     "turkey hockey jockey monkey donkey whiskey "
                     "zipcode postcode postalcode".split())     # (a place's, not a client's)


# Headers that name the kind only loosely: an "Event" or an "Activity" column may as well
# hold what was attended or done (a concert's title, a class's name). Such a column is the
# kind only where its values mostly name kinds or stages (_names_kinds); a "Type" is
# weighed in the same way, on an events sheet, where it was taken for the client's type.
# So is an "Event type": an event business's Wedding, Engagement, Corporate is the client's.
_LOOSE_KIND_HEADERS = frozenset({"event", "events", "activity", "activities", "ereignis",
                                 "eventtype", "typeofevent"})
# A "Receipt type" says what happened (Sale, Refund) or how the receipt went out (Email,
# Printed); a "Record type" or "Entry type" what a row of a transactions sheet is (Order,
# Refund) or what record it is (a CRM's Person Account): the kind only where its values
# mostly name money moving (_names_sales). So is a "Tipo documento": a sales document's
# (Boleta, Factura, Nota de crédito: Bsale's), or a person's ID (RG, CPF, DNI): no kind.
_RECEIPT_KIND_HEADERS = frozenset({"receipttype", "recordtype", "entrytype", "tipodocumento",
                                   "tipodedocumento", "tipodecomprobante", "tipocomprobante",
                                   "typdokladu", "typdokumentu", "rodzajdokumentu", "tipodoc",
                                   "documento", "取引区分",
                                   # (Contabilium's "Comprobante": Factura B, Nota de Crédito B)
                                   "comprobante"})
# A board's column or list ("Section/Column", "List Name") is the stage only where its
# values mostly name stages: a theatre's "Section" (Stalls, Circle) is no stage.
_LOOSE_STAGE_HEADERS = frozenset({"milestone", "sectioncolumn", "section", "listname",
                                  "boardcolumn",
                                  "pipelinecolumn"})
# A sale's status is the status only where its values mostly name an order's (Takealot's
# "Sale Status": Shipped to Customer, Returned): MYOB's "Sale Status" holds its codes (I, O).
_LOOSE_STATUS_HEADERS = frozenset({"salestatus"})
# "Order" and "Receipt" (also "Order #") number orders only where their values are codes.
# (and the German "Auftrag": an order's number, or the work ordered: "Badsanierung")
_LOOSE_ORDER_HEADERS = frozenset({"order", "receipt", "auftrag",
                                  # (Hotmart's "Transação" numbers a sale, HP1771...; a
                                  # bank statement's holds what it was: "PIX recebido")
                                  "transacao"})


def _names_an_id(header: str) -> bool:
    """Whether a header names an ID (see _ID_WORD)."""
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(header))
    words = re.findall(r"[a-z0-9]+", without_accents(spaced))
    return bool(words) and words[-1] not in _NOT_IDS and bool(_ID_WORD.search(words[-1]))


# An ID header of an order or invoice: on an events sheet with no order ID, its order ID.
_ORDER_WORDS = ("order|invoice|receipt|pedido|factura|commande|rechnung|bestellung|ordine|"
                "fattura|factuur|bestelling")
_ORDER_ID = re.compile(_ORDER_WORDS)
# An order's, an invoice's or a job's number in one German, Dutch or Norwegian word
# ("Bestellnummer", "Bestell-Nr.", "Rechnungsnummer", "Auftragsnummer", "Factuurnr",
# "Ordrenr"), or a bare "Auftrag" of
# numbers (read as the order ID): as "Order Number" and "Job Number", each row is one.
_ORDER_NUMBER = re.compile(r"^(?:bestell|bestel|order|ordre|rechnungs|auftrags|factuur)"
                           r"(?:nummer|nr|no)$"
                           r"|^auftrag$")
# An ID header that names a thing that happened or was sold ("amazon-order-id", "Invoice
# No", "Transaction ID", "SKU"): it identifies an event or a product, never a client.
_EVENT_ID = re.compile(_ORDER_WORDS + "|transaction|transaktion|transaccion|transacao|txn|"
                       "ticket|booking|appointment|payment|zahlung|beleg|transazione|"
                       "transactie|pagamento|betaling|"
                       "charge|shipment|item|sku|product|listing|"
                       # (money paid out to the business: Shopify Payments' "Payout ID")
                       "payout|settlement|deposit|"
                       # (a parcel's own number: Meesho's "Packet Id", a courier's AWB)
                       "packet|parcel|tracking|awb|waybill")
_SCORE_HEADERS = {"nps": re.compile(r"recommend|recomend|empfehl|raccomand|consigl|aanbevel|nps"),
                  "satisfaction": re.compile(r"satisf|zufrieden|soddisf|tevreden|csat")}


# A status header that may as well hold the money taken ("Collected": £120.00).
_MONEY_SAID = frozenset({"collected"})


# A column naming the animal a pet business sees ("Dog", "Pet name", "Horse"): beside it,
# "Owner" is the client, not the salesperson a CRM's "Owner" is.
_ANIMAL = re.compile(r"^(?:dog|dogs|pet|pets|cat|cats|horse|puppy|animal|patient)(?:name|s)?$"
                     r"|^(?:dogs|pets|cats|horses|animals)name$")


# A column saying what kind of animal each is ("Species", "Breed").
_ANIMAL_KIND = re.compile(r"^(?:species|breed|animaltype|pettype|kindofanimal)$")
_OWNERS_FIELDS = ("name", "email", "phone")


def _animals_owner(mapping: dict[str, str | None], free: list[str], used: set,
                   said: list[str]) -> None:
    """Beside the animal a pet business sees, its owner is the client: a groomer's or a
    vet's "Owner" names the client (not the salesperson a CRM's "Owner" is), and a
    kennel's "Owner First Name", "Owner Last Name", "Owner Email", "Owner Phone" (Gingr's)
    are the client's name, e-mail and phone."""
    owners = []
    for header in free:
        rest = without_owner(header)
        target = "name" if mapping[header] == "owner" else (
            match_header(rest)[0] if rest and mapping[header] is None else None)
        if target in _OWNERS_FIELDS and (target == "name" or target not in used):
            mapping[header] = target
            used.add(target)
            owners.append(header)
    if owners:
        said.append(f"{' and '.join(repr(h) for h in owners)} "
                    + ("is" if len(owners) == 1 else "are")
                    + " the owner of the animal beside it: read as the client's")


# A bank statement's money columns, in pairs (normalised): money going out and coming in.
_STATEMENT_PAIRS = (("debit", "credit"), ("debits", "credits"), ("withdrawal", "deposit"),
                    ("withdrawals", "deposits"), ("moneyout", "moneyin"),
                    ("paidout", "paidin"), ("debitamount", "creditamount"))


def _own_account(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                 said: list[str]) -> set[str]:
    """A bank statement's (Debit and Credit, Money out and Money in) account column read as
    a client ID or name holding one value on every row (``statement_own_account``:
    "Account Number": 12345678) is the statement's own account, the owner's, not a
    client: kept as extra. Returns those headers."""
    headers = {normalise_header(h) for h in raw.headers}
    found: set[str] = set()
    if not any(out in headers and into in headers for out, into in _STATEMENT_PAIRS):
        return found
    for header in free:
        if mapping[header] not in ("client_id", "name"):
            continue        # (a customer's statement names its one customer: a client)
        if statement_own_account(header, raw.frame[header]):
            filled = raw.frame[header].dropna()
            mapping[header] = None
            found.add(header)
            said.append(f"'{header}' holds one account ({filled.iloc[0]}) on every row of a "
                        "bank statement: the statement's own, not a client's: kept as extra")
    return found


def _paid_as_amount(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                    said: list[str]) -> bool:
    """On an events sheet without an amount, a "Paid" column (``PAID_FLAG``) of money (90,
    11, -11), not of yes or no, is the amount: what was paid. ``mapping`` and ``said``
    changed in place; returns whether it was."""
    for header in free:
        if mapping[header] is None and PAID_FLAG.match(normalise_header(header)):
            money = _money_or_happened(raw.frame[header])
            if money is not None and not money.dropna().isin((0, 1)).all():
                mapping[header] = "amount"
                said.append(f"'{header}' holds amounts of money: read as the amount")
                return True
            return False
    return False


def refine_mapping(raw: RawSheet, mapping: dict[str, str | None], kind: str, *,
                   chosen: set[str] = frozenset(), known_ids=None,
                   measured: dict | None = None) -> Refined:
    """Let the values correct and complete a mapping guessed from headers.

    - a column of e-mail addresses is the e-mail, whatever its header ("Contacto");
    - on a sheet without a date, a column of dates is the date (the first contact on a
      client list);
    - a column whose header names a score ("¿Nos recomendaría?") and whose values are whole
      numbers from 0 to 10 is that score;
    - a column taken for the name whose header does not say it is a name ("Customer", not
      "Customer Name", "firstname": an anonymised export's Name0265 are names) and whose
      values are a system's IDs (``is_system_id``: cus_A1b2C3) is the client ID, or extra
      when the sheet has one; another column names the client;
    - a column whose header names the kind only loosely ("Event", "Activity") is the kind
      only if its values mostly name kinds or stages; else (a concert's title) it is extra;
    - the client key: a client ID column; else a column whose values are the client IDs of
      an earlier import (``known_ids(values) -> matches``), which joins the rows to those
      clients; else the e-mail (case ignored); else an ID column named as one (``mql_id``),
      unique on a client list; else the name.

    Columns a person chose are never changed. ``measured`` keeps each column's evidence
    between calls on one sheet (the kind's guess, then the kind's mapping).
    """
    mapping = dict(mapping)
    said: list[str] = []
    free = [h for h in raw.headers if h not in chosen]
    used = set(mapping.values())
    seen = {} if measured is None else measured

    def values_of(header):
        if header not in seen:
            seen[header] = measure(raw.frame[header])
        return seen[header]

    if "email" not in used:
        for header in free:
            if mapping[header] not in (None, "contact_name", "name", "note") or (
                    _OUR_PEOPLE.search(header)) or not values_of(header).is_email:
                continue
            mapping[header] = "email"
            used.add("email")
            if header != "email":
                said.append(f"'{header}' holds e-mail addresses")
            break
    if kind == "events" and "amount" in used:
        _paid_of_price(raw, mapping, free, said)
    if kind == "events" and "amount" not in used and _paid_as_amount(raw, mapping, free, said):
        used.add("amount")
    if kind == "events" and "amount" not in used:
        for header in free:     # "Collected" £120.00: the money collected, not whether
            if mapping[header] == "status" and normalise_header(header) in _MONEY_SAID:
                if _money_of(raw.frame[header]) is not None:     # it was picked up
                    mapping[header] = "amount"
                    used.add("amount")
                    said.append(f"'{header}' holds amounts of money: read as the amount")
                break
    if kind == "events" and "amount" not in used:
        for header in free:     # a wedding's "Package" £1,800: the package's price
            if (mapping[header] in (None, "product") and _PACKAGE_PRICED.search(
                    normalise_header(header)) and _priced_in_money(raw.frame[header])):
                mapping[header] = "amount"
                used.add("amount")
                said.append(f"'{header}' holds prices: read as the amount")
                break
    if kind == "events" and "amount" not in used:
        for header in free:     # a practice's "Charge" $200.00: each visit's price (a
            if (mapping[header] is None and normalise_header(header) in _CHARGE_HEADERS
                    and _amounts_written(_charged(raw.frame[header]))):  # (of kinds: none)
                mapping[header] = "amount"
                used.add("amount")
                said.append(f"'{header}' holds amounts of money: read as the amount")
                break
    if any(_LANDLORD.search(normalise_header(h)) for h in raw.headers):
        for header in free:     # "Rent" beside "Landlord": rent paid to a landlord (the
            if (mapping[header] in ("revenue_current", "amount")    # business's own, or
                    and _RENT.match(normalise_header(header))):     # a tenant's), not ours
                mapping[header] = None
                said.append(f"'{header}' is rent paid to the landlord beside it, not money "
                            "the business takes: kept as extra")
    subs = [h for h in free if mapping[h] in ("revenue_current", "amount")
            and normalise_header(h) in ("subs", "annualsubs")]
    # (each column read for a currency only where a "Subs" is money: it costs a full read)
    priced = [h for h in raw.headers if _priced_in_money(raw.frame[h])] if subs else []
    for header in subs:         # "Subs" 125,000 beside a "Rate" in £: subscribers counted
        if priced and header not in priced:     # (a creator's), not a member's dues
            mapping[header] = None
            said.append(f"'{header}' counts subscribers (no currency, beside money written "
                        "with one): kept as extra")
    money_read = [h for h in free if mapping[h] in ("revenue_current", "amount",
                                                    "revenue_potential")]
    counting = class_counts(raw.frame, money_read) if money_read else frozenset()
    for header in money_read:   # a studio's "Total" 10 beside "10-class pass" and "Price"
        if header in counting:  # £90: classes in the pass, not money
            target, mapping[header] = mapping[header], None
            if target not in mapping.values():
                used.discard(target)
            said.append(f"'{header}' counts classes, sessions or credits (whole numbers "
                        "with no currency, on a list of passes): kept as extra, not money")
    for header in free:         # a tutor's "Lessons" 10, 4: a count, not lessons learnt
        if mapping[header] == "lessons_learnt" and _whole_counts(raw.frame[header]):
            mapping[header] = None
    if kind == "clients" and "revenue_current" not in used:
        for header in free:     # a livery yard's bare "Monthly" £650: each client's fee
            if (mapping[header] is None and PERIOD_FEE_ALONE.match(normalise_header(header))
                    and _priced_in_money(raw.frame[header])):
                mapping[header] = "revenue_current"
                used.add("revenue_current")
                said.append(f"'{header}' holds prices: read as each client's fee")
                break
    # (a vet's "Patient" read as the name makes way for the owner beside it, where a
    # species or a breed says the patients are animals, not a clinic's people)
    animal_named = [h for h in free if mapping[h] == "name" and _ANIMAL.match(normalise_header(h))]
    if (animal_named and any(_ANIMAL_KIND.match(normalise_header(h)) for h in raw.headers)
            and any(mapping[h] == "owner" or without_owner(h) for h in free)):
        for header in animal_named:
            mapping[header] = None
        used.discard("name")
    if not {"name", "client_id"} & used and any(_ANIMAL.match(normalise_header(h))
                                                for h in raw.headers):
        _animals_owner(mapping, free, used, said)
    commission = next((h for h in raw.headers if normalise_header(h) in _COMMISSION), None)
    for header in free:         # "Sale price" beside "Commission": whose money is not said
        if commission and mapping[header] == "amount" and normalise_header(
                header) in _SALE_PRICE:
            mapping[header] = None
            used.discard("amount")
            if commission not in free:      # (the person chose what the commission is)
                continue
            said.append(f"'{header}' is beside '{commission}': the price each sold at may "
                        "be a client's money, the commission the business's own, so neither "
                        f"is read as the amount (map one to the amount: --map "
                        f"'{commission}=amount')")
    for header in free:         # "Payment": Paid, Refunded are each row's, no terms
        if (mapping[header] == "payment_terms" or mapping[header] is None and match_header(
                header)[0] == "payment_terms") and _payment_statuses(raw.frame[header]):
            mapping[header] = "status" if "status" not in used else None
            used.add(mapping[header])
            said.append(f"'{header}' holds payments' statuses ("
                        f"{_first_values(raw.frame[header])}), not payment terms")
    for header in free:         # "Estado" beside "Cidade": SP, RJ are states, no status
        if mapping[header] == "status" and _state_codes(raw.frame[header]):
            mapping[header] = "region" if kind == "clients" and "region" not in used else None
            said.append(f"'{header}' holds states or provinces ("
                        f"{_first_values(raw.frame[header])}), not a status")
        elif (mapping[header] == "region" and "status" not in used
              and _states_of_work(raw.frame[header])):     # Intercom's "State": open, closed
            mapping[header] = "status" if kind == "events" else None
            said.append(f"'{header}' holds states of work ("
                        f"{_first_values(raw.frame[header])}), not a region")
        elif (mapping[header] == "region" and "status" not in used and kind == "clients"
              and _states_of_work(raw.frame[header], _SUBSCRIBER_STATES)):
            mapping[header] = "status"     # Kit's "state": active, cancelled, bounced
            used.add("status")
            said.append(f"'{header}' holds states of a subscriber ("
                        f"{_first_values(raw.frame[header])}), not a region: read as the "
                        "status")
    bare = bare_name_parts(free)    # "First" and "Last" of days or figures (a club's first
    figures = [h for h in bare if mapping[h] == "name"         # and last match): no name
               and max(values_of(h).dates, values_of(h).numbers, values_of(h).codes) >= MOSTLY]
    if figures:
        mapping.update({h: None for h in bare if mapping[h] == "name"})
        said.append(f"{listed([repr(h) for h in bare], len(bare))} hold "
                    f"{_first_values(raw.frame[figures[0]])}, not a name's two parts: "
                    "no name read from them")
    date_field = {"events": "date", "clients": "first_contact"}.get(kind)
    dated_already = any(field_type(f) == "date" for f in used if f)
    if date_field and (not dated_already or kind == "clients" and "last_contact" not in used):
        # (a patient's DOB: no visit; a client's "Next due": not yet one, where an
        # invoice's "Due date" alone dates it; a "Last modified": the row's, not the
        # client's; beside a date a header named, only a client's latest)
        dated = (h for h in free
                 if mapping[h] is None and not names_a_birth_date(h)
                 and not (kind == "clients" and names_a_coming_date(h))
                 and not names_a_record_edit(h)
                 and (not dated_already or names_a_latest_date(h)) and values_of(h).is_date)
        header = next(dated, None)
        if (header is not None and names_an_activity_time(header)
                and not _kept_or_missed(raw, mapping)):
            # a booking's "Start time" or "Check-in" before its "Creation time" or "Booked
            # on": the day booked, the sale's (the guest's first contact on a client list)
            header = next((h for h in dated if names_when_made(h)), header)
        while header is not None:   # a client's "Last tuning": when last seen, never first
            held = ("last_contact" if kind == "clients" and names_a_latest_date(header)
                    else date_field)
            mapping[header] = held
            said.append(f"'{header}' holds dates: read as the {held.replace('_', ' ')}")
            # ("Enrolled", then "Last attended": the first contact and the last)
            header = (next((h for h in dated if names_a_latest_date(h)), None)
                      if kind == "clients" and held == "first_contact" else None)
    for score, words in _SCORE_HEADERS.items():
        if score in used or (kind in KINDS[:2] and score not in fields_for(kind)):
            continue
        for header in free:
            if (mapping[header] is None and words.search(normalise_header(header))
                    and values_of(header).scores >= MOSTLY):
                mapping[header] = score
                said.append(f"'{header}' holds scores from 0 to 10: read as the "
                            f"{'NPS answer' if score == 'nps' else 'satisfaction score'}")
                break
    if kind == "events":     # an event's "Type" is the event's (an invoice, a follow-up)
        for header in free:
            client_type = mapping[header] == "client_type"
            if normalise_header(header) in _TYPE_HEADERS and (
                    client_type or mapping[header] is None and "kind" not in used):
                # (beside a stage column, a "Type" of stage words only, a deal's New, is
                # no kind: the stage column says where each row stands)
                named = "kind" not in used and _names_kinds(raw.frame[header]) and (
                    "stage" not in mapping.values() or _names_event_kinds(raw.frame[header]))
                mapping[header] = "kind" if named else None
                if named or client_type:
                    said.append(f"'{header}' names what happened: read as the kind" if named
                                else f"'{header}' is the events' type, not the client's: "
                                "kept as extra")
                used.add(mapping[header])
    for header in free:      # "Event" may be a concert's title: the kind only if it says so
        loose_kind = mapping[header] == "kind" and (
            (normalise_header(header) in _LOOSE_KIND_HEADERS
             and not _names_kinds(raw.frame[header]))
            or (normalise_header(header) in _RECEIPT_KIND_HEADERS
                and not _names_sales(raw.frame[header])))
        loose_stage = (mapping[header] == "stage" and normalise_header(header)
                       in _LOOSE_STAGE_HEADERS and not _names_stages(raw.frame[header]))
        loose_status = (mapping[header] == "status" and normalise_header(header)
                        in _LOOSE_STATUS_HEADERS
                        and not _names_order_statuses(raw.frame[header]))
        loose_order = (mapping[header] == "order_id" and normalise_header(header)
                       in _LOOSE_ORDER_HEADERS and (not values_of(header).is_code
                                                    or values_of(header).is_date
                                                    or _amounts_written(raw.frame[header])))
        if loose_order:         # a café's "Order": Latte; a "Receipt": Emailed; an
            # "Auftrag" of 01.03.2024 (the day ordered) or of 1.250,00 (the order's money)
            held = ("date" if values_of(header).is_date else
                    "amount" if _amounts_written(raw.frame[header]) else None)
            mapping[header] = held if held not in mapping.values() else None
            said.append(f"'{header}' holds no order numbers"
                        + (f" but {'dates' if held == 'date' else 'amounts'} "
                           f"({_first_values(raw.frame[header])}): read as each order's "
                           f"{'date' if held == 'date' else 'amount'}"
                           if mapping[header] else ": kept as extra"))
        elif loose_kind or loose_stage or loose_status:
            mapping[header] = None
            examples = _first_values(raw.frame[header], "'{}'")
            # (a column of types whose tags are read: some say what happened, as its note says)
            tags = loose_kind and TAG_HEADERS.match(normalise_header(header)) and any(
                map(tagged_kind, raw.frame[header].dropna().unique()))
            said.append(f"'{header}' holds names{f' ({examples})' if examples else ''}, not "
                        + ("what happened on every row: kept as extra, the complaints, "
                           "referrals and reviews it names read as such" if tags else
                           f"{'what happened' if loose_kind else 'stages' if loose_stage else 'statuses'}"
                           ": kept as extra"))
    for header in free:     # "Customer" holding cus_A1b2C3: a system's IDs, no one's name
        if (mapping[header] == "name" and not _says_name(header)
                and values_of(header).is_system_id and not values_of(header).is_date):
            mapping[header] = "client_id" if "client_id" not in mapping.values() else None
            examples = _first_values(raw.frame[header])
            said.append(f"'{header}' holds IDs ({examples}), not names: "
                        + ("read as the client ID" if mapping[header] else "kept as extra"))
    surveyed = _surveyed(raw, mapping)
    for header in free:     # "Wert" 5, 3, 1: a rating of the contact, not money (not on
        if (mapping[header] in ("amount", "revenue_current", "revenue_potential")
                and DEAL_VALUE.search(normalise_header(header))  # a sheet of sales, whose
                and not _CURRENCY_WRITTEN.search(header)     # "Value" 2, 5 is each sale's
                and not _VALUE_OF_A_SALE.search(normalise_header(header))  # money, nor a
                and (top := _top_rating(raw.frame[header]))  # "Value (€)", a "Deal value")
                and (top == 5 and kind != "events" or surveyed)):
            mapping[header] = None
            said.append(f"'{header}' holds whole numbers from 1 to {top} with no currency "
                        f"({_first_values(raw.frame[header])}"
                        + ("" if top == 5 and kind != "events" else f"; {surveyed}")
                        + "): read as a rating, not money: kept as extra")
    for header in free:     # Kommo's "Lead name": Lead #1001, Lead #1002 — the records'
        if (mapping[header] == "name"                   # own numbers, beside whom they are for
                and sum(f in ("name", "contact_name") for f in mapping.values()) > 1
                and _numbered_labels(raw.frame[header])):
            mapping[header] = None
            said.append(f"'{header}' holds the records' own numbered names "
                        f"({_first_values(raw.frame[header])}), not whom they are for: "
                        "kept as extra")
    for header in free:     # TeamUp's "Lead": Yes, No — a flag, no one's name
        if mapping[header] == "name" and _all_yes_or_no(raw.frame[header]):
            mapping[header] = None
            said.append(f"'{header}' holds yes or no, not names: kept as extra")
    _own_buyer(raw, mapping, free, said)
    if kind == "clients":
        _suppliers_money(raw, mapping, free, said)
    _one_business_named(raw, mapping, free, said)
    _funding_sources_named(raw, mapping, free, said)
    if kind == "events":
        _items_named(raw, mapping, free, said)
        _items_departments(raw, mapping, free, said)
        _parties_named(raw, mapping, free, said)
    _party_named(raw, mapping, free, said)
    _tiers_named(raw, mapping, free, said)
    _primary_contact_named(raw, mapping, free, said)
    _deal_named(raw, mapping, free, said)
    _contact_named(raw, mapping, free, said)
    _deal_is_its_client(raw, mapping, free, said)
    _people_header_named(raw, mapping, free, said)
    _payer_named(raw, mapping, free, said)
    if kind == "events":
        _due_beside_paid(raw, mapping, free, said)
    own_account = _own_account(raw, mapping, free, said)
    _group_says_stage(raw, mapping, free, said)
    if kind == "events" and "order_id" not in mapping.values() and any(
            normalise_header(h) == "transactiontype" for h in raw.headers):
        for header in free:     # QuickBooks' reports: "Num" beside "Transaction Type"
            if (mapping[header] is None and normalise_header(header) == "num"
                    and values_of(header).is_code):
                mapping[header] = "order_id"
                said.append(f"'{header}' beside 'Transaction Type' holds each transaction's "
                            "number (a QuickBooks report's): read as the order ID")
                break
    for header in free:     # Shopify's "Name": #1001, an order or checkout number
        # (on a client list, "#0012" is a member's number, kept as the name: no order there)
        if (kind == "events" and mapping[header] == "name"
                and _order_numbers(raw.frame[header])):
            mapping[header] = "order_id" if "order_id" not in mapping.values() else None
            said.append(f"'{header}' holds order numbers ({_first_values(raw.frame[header])}),"
                        " not names: " + ("read as the order ID" if mapping[header]
                                          else "kept as extra"))
    key_from_email = None
    payee = _names_a_payee(raw)     # (beside a "Vendor", a bare "No." is the bill's)
    if "client_id" not in mapping.values():
        key = _join_column(raw, mapping, free, values_of, known_ids)
        if key is not None:
            header, found, tried = key
            mapping[header] = "client_id"
            said.append(f"'{header}' matches the client IDs of an earlier import ({found:,} of "
                        f"{tried:,} values checked): its rows join those clients")
        elif (email := next((h for h, f in mapping.items() if f == "email"), None)) and (
                values_of(email).is_email and not _one_value(raw.frame[email])):
            key_from_email = email
            said.append(f"clients are matched by e-mail ('{email}', case ignored)")
        elif "name" not in mapping.values() and not payee:
            for header in free:
                if (mapping[header] is None and _names_an_id(header)
                        and header not in own_account
                        and not _EVENT_ID.search(normalise_header(header))
                        and values_of(header).is_code and not values_of(header).is_date
                        and (kind != "clients" or _unique(raw, header))):
                    mapping[header] = "client_id"
                    said.append(f"'{header}' holds IDs: read as the client ID")
                    break
    if kind in ("events", "auto") and "order_id" not in mapping.values():
        for header in free:
            named = normalise_header(header)
            if (mapping[header] is None and _names_an_id(header)
                    and (_ORDER_ID.search(named)
                         or payee and "client_id" not in mapping.values())
                    and values_of(header).is_code and not values_of(header).is_date):
                mapping[header] = "order_id"
                said.append(f"'{header}' holds order numbers: read as the order ID"
                            if _ORDER_ID.search(named) else
                            f"'{header}' beside '{payee}' numbers the bills: read as the "
                            "order ID, no client's")
                break
    return Refined(mapping, key_from_email, said)


def _names_a_payee(raw: RawSheet) -> str | None:
    """The column naming whom the business paid (``PAYEE_HEADERS``: a bill list's
    "Vendor"), or None: beside it a bare number ("No.") is the bill's, no client's ID."""
    return next((h for h in raw.headers if normalise_header(h) in PAYEE_HEADERS
                 and raw.frame[h].notna().any()), None)


def _funding_sources_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                           said: list[str]) -> None:
    """A column taken for the name whose values mostly name a card or a bank account
    (``FUNDING_SOURCE``: Cash App's "Account", "Visa Debit 1234"), beside another name
    column, says which of the account's own the money went through: kept as extra."""
    named = [h for h, f in mapping.items() if f == "name"]
    if len(named) < 2:
        return
    for header in named:
        cells = raw.frame[header].dropna().astype(str)
        if header in free and len(cells) and cells.str.match(FUNDING_SOURCE).mean() >= 0.8:
            mapping[header] = None
            said.append(f"'{header}' names the account's own cards or banks "
                        f"({_first_values(raw.frame[header])}), not clients: kept as extra")


def _one_business_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                        said: list[str]) -> None:
    """A column taken for the name that holds one value on every row ("Business": Fitzroy
    Physio, on a practice's appointments) beside another name column whose values differ
    (the patients) names the business itself, not its clients: kept as extra."""
    named = [h for h, f in mapping.items() if f == "name"]
    if len(named) < 2 or not any(raw.frame[h].dropna().astype(str).str.strip().str.casefold()
                                 .nunique() > 1 for h in named):
        return
    for header in named:
        if header in free and _one_value(raw.frame[header]):
            mapping[header] = None
            said.append(f"'{header}' holds one name on every row "
                        f"({_first_values(raw.frame[header])}), the business's own, not "
                        "its clients': kept as extra")


def _parties_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                   said: list[str]) -> None:
    """A payments statement's "From" and "To" (Venmo's; ``PARTY_HEADERS``), beside an
    amount, where nothing else names the client and the account is paid on some rows
    (``_paid_to_own``): both are mapped to the name, and the import takes the side of each
    row that is not the account's own (rules.people._other_party)."""
    if {"name", "client_id", "email"} & set(mapping.values()) or "amount" not in set(
            mapping.values()):
        return          # (a referrals log's From and To are two clients, no payment's sides)
    normal = {normalise_header(h): h for h in free if mapping[h] is None}
    for a, b in PARTY_HEADERS:
        if a in normal and b in normal and all(
                _names_someone(raw.frame[normal[x]]) for x in (a, b)) and _paid_to_own(
                raw.frame[normal[a]], raw.frame[normal[b]]):
            mapping[normal[a]] = mapping[normal[b]] = "name"
            said.append(f"'{normal[a]}' and '{normal[b]}' name the two sides of each "
                        "payment: the side that is not the account's own names the client")
            return


def _party_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                 said: list[str]) -> None:
    """Capsule's opportunities and cases: "Party" (a person or an organisation, in words)
    is the client each row is for, beside a stage ("Milestone") or a status; the sheet's
    own "Name" names the opportunity, not the client (kept as extra). Not a "Party" of
    numbers (a restaurant's party of 4)."""
    party = next((h for h in free if mapping[h] is None
                  and normalise_header(h) in ("party", "partyname")), None)
    if party is None or not {"stage", "status"} & set(mapping.values()):
        return
    cells = raw.frame[party].dropna().astype(str).str.strip()
    cells = cells[cells != ""]
    if cells.empty or pd.to_numeric(cells, errors="coerce").notna().mean() >= 0.5:
        return
    own = [h for h in free if mapping[h] == "name" and normalise_header(h) == "name"]
    others = [h for h, f in mapping.items() if f == "name" and h not in own]
    if others or (own and not {"milestone", "description"} & {
            normalise_header(h) for h in raw.headers}):
        return      # (a venue's "Party": Birthday party, Wedding, beside the guest's Name)
    for header in own:
        mapping[header] = None
    mapping[party] = "name"
    said.append(f"'{party}' names the client each row is for"
                + (f"; {own[0]!r} names the opportunity itself: kept as extra" if own else ""))


def _tiers_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                 said: list[str]) -> None:
    """A French invoicing tool's list of money (Dolibarr's invoices: "Réf.", "Tiers",
    "Montant TTC", "État") names each row's client in its "Tiers" (the third party); its
    "Nom" or "Titre" names the document, its "Réf." numbers it. Not a "Tiers" of types
    (Client, Prospect), nor beside a person's own name (Nom, Prénom: a contact and the
    company they are at), nor on a sheet whose money is not French ("Montant"); a deals
    sheet's is ``_deal_named``'s."""
    tiers = next((h for h in free if mapping[h] is None
                  and normalise_header(h) in _DEAL_PARTY), None)
    # (its money French, "Montant": an English sheet's "Tiers" are levels, Gold, Silver)
    if (tiers is None or "stage" in mapping.values() or not any(
            f == "amount" and normalise_header(h).startswith("montant")
            for h, f in mapping.items()) or _names_stages(raw.frame[tiers])):
        return
    cells = raw.frame[tiers].dropna().astype(str).str.strip()
    cells = cells[cells != ""]
    if cells.empty or pd.to_numeric(cells, errors="coerce").notna().mean() >= 0.5:
        return
    named = [h for h, f in mapping.items() if f in ("name", "email", "first_name")]
    own = [h for h in named if h in free and normalise_header(h) in ("nom", "titre")]
    if len(named) > len(own) or len(own) > 1 or any(     # (a Tiers left blank where a
            len(cells) < raw.frame[h].notna().sum() for h in own):   # Nom is the person's)
        return
    for header in own:
        mapping[header] = None
    for header in free:      # (Dolibarr's "Réf." is the invoice's, FA2403-0001)
        if mapping[header] == "client_id" and normalise_header(header) in _DOCUMENT_REFS:
            mapping[header] = "order_id" if "order_id" not in mapping.values() else None
    del mapping[tiers]
    mapping[tiers] = "name"
    said.append(f"'{tiers}' names the client each row is for"
                + (f"; {own[0]!r} names the document itself: kept as extra" if own else ""))


# A reference's header, which on a sheet naming its client elsewhere numbers the document.
_DOCUMENT_REFS = frozenset({"ref", "reference"})


def _paid_to_own(payers: pd.Series, payees: pd.Series) -> bool:
    """Whether the name most often on either side (the account's own) is paid on some row:
    where it only ever pays (a list of the business's own payments out to suppliers), the
    other side names no client."""
    payers, payees = (side.dropna().astype(str).str.strip().str.casefold()
                      for side in (payers, payees))
    names = pd.concat([payers, payees]).value_counts()
    return not names.empty and payees.eq(names.index[0]).any()


def _primary_contact_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                           said: list[str]) -> None:
    """A list of jobs or projects (JobNimbus's: "Name" Miller Roof Replacement, "Primary
    Contact" Dan Miller) names each record in its bare "Name" and whom it is for in its
    "Primary Contact": the contact is the client, the record's name kept as extra. Only
    where the sheet's name or a header says its rows are items (``_itemised``: "jobs"; an
    accountant's companies, two of one owner's, stay clients), the contact comes back on
    several records while the names do not, and no e-mail or phone is the Name's."""
    contact = next((h for h in free if mapping[h] == "contact_name"
                    and normalise_header(h) == "primarycontact"), None)
    own = [h for h in free if mapping[h] == "name" and normalise_header(h) == "name"]
    if (contact is None or len(own) != 1 or {"email", "phone"} & set(mapping.values())
            or not _itemised(mapping, raw.name)):
        return
    people = raw.frame[contact].dropna().astype(str).str.strip().str.casefold()
    records = raw.frame[own[0]].dropna().astype(str).str.strip().str.casefold()
    if not people.duplicated().any() or records.duplicated().any() or not _names_someone(
            raw.frame[contact]):
        return
    mapping[own[0]], mapping[contact] = None, "name"
    said.append(f"'{contact}' names the client each record is for (several records are one "
                f"contact's); {own[0]!r} names the record itself: kept as extra")


# A deals export's own name for a deal, and the columns naming whom the deal is for.
_DEAL_OWN_NAME = frozenset({"name", "dealname", "title", "dealtitle", "opportunityname",
                            "nom", "titre"})     # (a French CRM's: Sellsy's "Nom", "Tiers")
_DEAL_ACCOUNT = ORGANISATION_HEADERS | {"primaryaccount", "primarycompany"}
# A deal's party named by a word that names no one elsewhere (a French CRM's "Tiers",
# Sellsy's and Dolibarr's: an English sheet's "Tiers" are levels): the account on a deals
# export only.
_DEAL_PARTY = frozenset({"tiers"})
_DEAL_CONTACTS = frozenset({"relatedcontacts", "contacts", "contact", "contactname",
                            "primarycontact",
                            "maincontact"})     # (Salesflare's opportunities)
_DEAL_OWN_ID = frozenset({"id", "leadid", "dealid", "opportunityid"})
# How headers only a deal has start (Freshsales' "Deal stage"; SuiteCRM's and SugarCRM's
# "opportunity_type" and "sales_stage").
_DEAL_HEADS = ("deal", "opportunity", "salesstage")
# Headers only a deal has (beside those starting "Deal"): how likely it is to be won.
_DEAL_MARKS = frozenset({"confidence", "probability", "winprobability", "closeprobability",
                         "expectedclosedate", "expectedclose",
                         # (French, Spanish, Italian, German)
                         "probabilite", "probabilidad", "probabilita",
                         "wahrscheinlichkeit"})
# An e-mail or phone header that says it is the deal's contact's, not the bare "Name"'s.
_CONTACTS_ADDRESS = re.compile(r"^(?:primary)?contact(?:email|emailaddress|phone|mobile)")


def _deal_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                said: list[str]) -> None:
    """A deals export (Freshsales: "Deal stage", "Deal value"; SuiteCRM: "sales_stage",
    "account_name"; Nutshell's leads: "Confidence",
    "Primary Account") whose bare "Name" names the deal beside an "Account name": the account
    is the client each deal is for (its contact where no account is given), the deal's own
    name is kept as extra."""
    normal = {h: normalise_header(h) for h in raw.headers}
    said_deal = any(n.startswith(_DEAL_HEADS) and n not in _DEAL_OWN_NAME
                    for n in normal.values())
    if "stage" not in mapping.values() or not (
            said_deal or any(n in _DEAL_MARKS for n in normal.values())):
        return
    # (a chance of winning alone marks a deal where its contact is named apart: a lead
    # tracker's "Name, Company, Stage, Probability" names people, each a client)
    if not said_deal and not any(n in _DEAL_CONTACTS or _CONTACTS_ADDRESS.match(n)
                                 for n in normal.values()):
        return
    own = [h for h in free if mapping[h] == "name" and normal[h] in _DEAL_OWN_NAME]
    # (a "Tiers" of Client, Prospect is the party's type, no name)
    account = [h for h, f in mapping.items() if f == "name" and normal[h] in _DEAL_ACCOUNT
               or f is None and h in free and normal[h] in _DEAL_PARTY
               and not _names_stages(raw.frame[h])]
    # (beside a person's e-mail or phone, a bare "Name" is that person, a lead tracker's
    # "Name, Company, Email, Stage, Deal value": a deal has no address; a "Contact Email"
    # is the deal's contact's)
    addressed = [h for h, f in mapping.items() if f in ("email", "phone")
                 and not _CONTACTS_ADDRESS.match(normal[h])]
    contact = next((h for h in free if mapping[h] in (None, "contact_name")
                    and normal[h] in _DEAL_CONTACTS), None)
    # (a "Tiers" of types beside a "Contact": the contact is whom each deal is for)
    party_typed = not account and any(f is None and h in free and normal[h] in _DEAL_PARTY
                                      for h, f in mapping.items())
    if party_typed and contact is not None:
        account, contact = [contact], None
    if not own or not account or addressed:
        return
    for header in own:
        mapping[header] = None
    mapping[account[0]] = "name"
    for header in free:     # (Nutshell's "Lead ID" numbers the deal, not its client)
        if mapping[header] == "client_id" and normal[header] in _DEAL_OWN_ID:
            mapping[header] = None
    if contact is not None:     # (after the account, whose names come first where ranked alike)
        del mapping[contact]
        mapping[contact] = "name"
    said.append(f"'{account[0]}' names the client each deal is for"
                + (f" ('{contact}' where it is blank)" if contact else "")
                + f"; {own[0]!r} names the deal itself: kept as extra")


def _group_says_stage(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                      said: list[str]) -> None:
    """A board's groups (monday.com: "Active deals", "Closed won", "Closed lost", given to
    their rows as column 'Group' by the reader) name each item's stage where the sheet's
    own stage column holds a board's working labels ("Working on it", "Stuck", "Done")
    that name no stage: the group is then the stage (a deal in "Closed lost" is lost,
    whatever its label says), and the labels its status."""
    group = next((h for h in free if mapping[h] is None and normalise_header(h) == "group"),
                 None)
    stage = next((h for h in free if mapping[h] == "stage"), None)
    if group is None or stage is None:
        return
    groups = raw.frame[group].dropna().unique().tolist()
    labels = raw.frame[stage].dropna().unique().tolist()
    if not any(read_stage_value(g).outcome or read_stage_value(g).stage for g in groups) or \
            sum(read_stage_value(v).known for v in labels) * 2 > len(labels):
        return
    mapping[group] = "stage"
    mapping[stage] = "status" if "status" not in mapping.values() else None
    quoted = "'{}'"
    said.append(f"'{group}' (the board's groups: {_first_values(raw.frame[group], quoted)}) "
                f"names each row's stage; {stage!r} holds labels that name none "
                f"({_first_values(raw.frame[stage], quoted)}): read as "
                + ("the status" if mapping[stage] else "extra"))


# A header naming the client's name as a contact's (Xero's "ContactName"; FareHarbor's
# "Contact Name"), even beside a person's first and last name; "Contact" or "Main
# contact" name a person at a company, the client only where nothing else names one.
_CONTACTS_NAME = frozenset({"contactname", "contactfullname"})
# A key of the contact itself (GoHighLevel's opportunities: "Contact ID" beside "Contact
# Name"): the contact is the client it keys, so its name names that client.
_CONTACTS_ID = frozenset({"contactid", "contactrecordid"})


def _deal_is_its_client(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                        said: list[str]) -> None:
    """A pipeline of deals that names no one they are for ("Deal, Stage, Close date,
    Amount"): each deal's name is its client, as a CRM's deals export without its company
    or contact is read (HubSpot's), where the deal column holds words ('Website v2', 'SEO
    2025' hold a digit among words), not amounts, the deals' IDs ('#1041', 'D-1043', one
    word numbered: 'Deal 1041', 'Deal 1042') or stages."""
    if "stage" not in mapping.values() or _WHOSE_OR_CONTACT & set(mapping.values()):
        return
    header = next((h for h in free if mapping[h] is None
                   and normalise_header(h) in _DEAL_ITS_NAME), None)
    if header is None:
        return
    cells = raw.frame[header].dropna().astype(str).str.strip()
    cells = cells[cells.ne("")]
    if cells.empty or _names_stages(cells):
        return
    _, not_money = values.parse_money(cells)
    label = cells.str.replace(r"[\d#/-]+", "", regex=True).str.strip().str.casefold()
    numbered = cells.str.contains(r"\d") & label.duplicated(keep=False)   # ("Deal 1041")
    if (~not_money | code_cells(cells) | numbered).mean() > 0.5:  # (amounts or the IDs)
        return
    mapping[header] = "name"
    said.append(f"'{header}' names each deal, and no column names whom it is for: each "
                "deal's name is its client")


# A deal's own name that says it is a deal's ("Deal", "Deal name", "Opportunity"), on a
# pipeline that names no client (``_deal_is_its_client``).
_DEAL_ITS_NAME = frozenset({"deal", "opportunity"} | {
    name for name in _DEAL_OWN_NAME if name.startswith(_DEAL_HEADS)})
# Fields that say whom a row is for: with one of them, a deal's name is the deal's alone.
_WHOSE_OR_CONTACT = WHOSE_FIELDS | {"contact_name"}


def _contact_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                   said: list[str]) -> None:
    """A contact column names the client where nothing else does (a booking tool's
    "Contact Name", an invoice list's "Contact": Xero's, whose contact is the customer
    billed); a "Contact Name" also where only a first and a last name do (Xero's contacts:
    ContactName is the client, First and Last Name the person there), or where the client
    is keyed by the contact's own ID (GoHighLevel's opportunities)."""
    contacts = [h for h in free if mapping[h] == "contact_name"]
    header = next((h for h in contacts if normalise_header(h) in _CONTACTS_NAME),
                  contacts[0] if contacts else None)
    if header is None:
        return
    named = [h for h, f in mapping.items() if f == "name"]
    beside_a_person = (normalise_header(header) in _CONTACTS_NAME and len(named) == 2
                       and {name_part(h) for h in named} == {"first", "last"})
    keyed_by_contact = any(f == "client_id" and normalise_header(h) in _CONTACTS_ID
                           for h, f in mapping.items())
    if (named or ("client_id" in mapping.values() and not keyed_by_contact)
            ) and not beside_a_person:
        return      # (Xero's "AccountNumber" keys its contacts; ContactName still names them)
    if not _names_someone(raw.frame[header]):
        return
    mapping[header] = "name"
    for person in named:        # (the person's first and last name: kept as extras)
        mapping[person] = None
    said.append(f"'{header}' names the client" + (
        f"; {' and '.join(repr(h) for h in named)} the person there" if named else ""))


# What each row came to, headed as owed ("Due", "Amount due"): beside a column of whether
# each was paid, the money of the row.
_DUE_HEADERS = frozenset({"due", "amountdue", "totaldue"})


def _due_beside_paid(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                     said: list[str]) -> None:
    """On a log with no amount, a "Due" column of money beside a yes/no "Paid" column
    (``paid_flag``: a dog walker's week, "Due" £36, "Paid" ✓) is what each row came to:
    the amount, a sale where ticked paid."""
    if "amount" in mapping.values() or (paid := paid_flag(raw, mapping)) is None:
        return
    for header in free:
        money = values.read_money(raw.frame[header])
        if (mapping[header] is None and normalise_header(header) in _DUE_HEADERS
                and money.values.notna().any() and not money.bad.any()):
            mapping[header] = "amount"
            said.append(f"'{header}' beside '{paid}' is what each row came to: read as the "
                        "amount, paid where ticked")
            return


def _items_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                 said: list[str]) -> None:
    """On orders, a "Name" read as the client's beside a "Company" that names the buyer may
    hold the item ordered ("Espresso beans 1kg"): where most of its names carry a size or a
    pack (``values.PACK_SIZE``), or one of them is ordered by two companies (a person works
    for one), it holds items, not people: kept as extra, the company names the client. An
    invoice to Jane Smith of Acme keeps Jane."""
    company = next((h for h in free if mapping[h] == "name"
                    and normalise_header(h) in COMPANY_HEADERS), None)
    if company is None:
        return
    for header in free:
        if mapping[header] != "name" or normalise_header(header) not in PERSON_NAME_HEADERS:
            continue
        both = raw.frame[[header, company]].dropna().astype(str)
        names = both[header].drop_duplicates()
        sized = names.str.contains(values.PACK_SIZE).mean() > 0.5 if len(names) else False
        shared = both.groupby(header)[company].nunique().gt(1).any()
        if sized or shared:
            mapping[header] = None
            said.append(f"'{header}' holds the items ordered "
                        f"({_first_values(raw.frame[header], chr(39) + '{}' + chr(39))}), "
                        f"not people: kept as extra; '{company}' names the client")
            return


def _items_departments(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                       said: list[str]) -> None:
    """On orders, a column read as the department whose values are all a shop's
    departments (``values.SHOP_DEPARTMENTS``: Poshmark's Men, Women, Kids) says whom each
    item is for, not which team of the business's own served: kept as extra, and so is a
    "Category" read as the client's type beside it (Jeans, Bags: the item's). Not on a
    sheet with no money nor order (a department store's complaints: its own Women's)."""
    header = next((h for h in free if mapping[h] == "department"), None)
    if header is None or not {"amount", "order_id"} & set(mapping.values()):
        return
    cells = values.per_distinct(raw.frame[header].dropna().astype(str), match_key)
    if not len(cells) or not cells.isin(values.SHOP_DEPARTMENTS).all():
        return
    mapping[header] = None
    said.append(f"'{header}' says whom each item is for "
                f"({_first_values(raw.frame[header], chr(39) + '{}' + chr(39))}), "
                "not a team of yours: kept as extra")
    for other in free:
        if mapping[other] == "client_type" and normalise_header(other) in _ITEM_CATEGORY:
            mapping[other] = None
            said.append(f"'{other}' holds the items' categories "
                        f"({_first_values(raw.frame[other], chr(39) + '{}' + chr(39))}), "
                        "not the clients' types: kept as extra")


# Headers of a category ("Category", "Subcategory"): beside a shop's departments, the item's.
_ITEM_CATEGORY = frozenset({"category", "subcategory", "productcategory", "itemcategory"})


def _people_header_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                         said: list[str]) -> None:
    """Where nothing else names the client, a column headed as people are
    (``PEOPLE_HEADERS``: "Customers", "Sold to") whose cells are mostly names, not counts
    (a till summary's "Customers" of 12 and 15, a table's "Guests" of "2 adults": a name
    holds no digit), names each row's client. So does one beside a bare "Contact" read as
    the name (a rehearsal room's "Band" and the "Contact" who books): the band is the
    client, the contact its contact's name."""
    named = [h for h in free if mapping[h] == "name"]
    contact = named[0] if len(named) == 1 and normalise_header(named[0]) in _BARE_CONTACT \
        else None
    if "client_id" in mapping.values() or named and contact is None:
        return
    for header in free:
        cells = raw.frame[header].dropna()
        if (mapping[header] is None and names_people(header)
                and len(cells) and (~cells.astype(str).str.contains(r"\d")).mean() >= 0.8
                and _names_someone(cells) and not _act_not_client(raw, header, cells)):
            mapping[header] = "name"
            if contact is not None:
                mapping[contact] = "contact_name"
                said.append(f"'{header}' holds the clients' names, '{contact}' who books for "
                            "each: read as the client's name and the contact's")
                return
            said.append(f"'{header}' holds people's names: read as the client's name")
            return


# A bare header of the person to contact, read as the name where nothing else names one.
_BARE_CONTACT = frozenset({"contact", "contactname", "contactperson", "bookedby"})


# A header of rent ("Rent", "Rent 2025", "Plot rent": an allotment holder's, what the
# business takes) and one naming a landlord, beside which rent is paid to that landlord (a
# café's premises, a letting agent's landlords' rents), not the business's revenue.
_RENT = re.compile(r"^(?:annual|yearly|monthly|plot|pitch)?rent(?:\d{2,4})?$")
_LANDLORD = re.compile(r"landlord|lessor")


# Headers naming an act or an agency (``PEOPLE_HEADERS``): a studio's or an interpreter's
# client, elsewhere the maker of what is sold or someone the business pays.
_ACTS = frozenset({"artist", "artists", "band", "act", "agency"})
# Headers naming a work sold as goods (a record shop's "Album", "Format": LP, CD; a
# gallery's "Artwork"): beside them an "Artist" made it, the buyer is not named.
_WORKS_SOLD = frozenset({"album", "albumtitle", "format", "label", "recordlabel", "artwork",
                         "painting", "edition"})
# Headers of money the business takes from others or pays out (a venue's "Door takings"
# beside the band's "Fee"; a care home's agency staff at a "Cost").
_TAKINGS_OR_COSTS = re.compile(r"takings$|^ticketsales$|^(?:total)?(?:cost|costs|expense|"
                               r"expenses|spend)$")


def _act_not_client(raw: RawSheet, header: str, cells: pd.Series) -> bool:
    """Whether an "Artist", "Band", "Act" or "Agency" column (``_ACTS``) names no client:
    beside a work sold (``_WORKS_SOLD``: the record shop's artist), beside money taken from
    others or paid out (``_TAKINGS_OR_COSTS``: the venue's band, paid a fee; the agency
    sending staff), or where most of its distinct values are ways a booking came (a
    hotel's "Agency": Booking.com, Expedia, Direct: channels, ``PAID_THROUGH``) or are
    written as things are (a children's entertainer's "Act": Magic show)."""
    if normalise_header(header) not in _ACTS:
        return False
    keys = {normalise_header(h) for h in raw.headers}
    if keys & _WORKS_SOLD or any(_TAKINGS_OR_COSTS.search(key) for key in keys):
        return True
    distinct = pd.Series(pd.unique(cells.astype(str)))
    return bool(distinct.map(lambda v: match_key(v) in (
        PAID_THROUGH | CONTACT_MEANS | {"direct"})).mean() >= 0.5
        or distinct.map(_titled_as_a_thing).mean() > 0.5)


def _titled_as_a_thing(cell: str) -> bool:
    """Whether a cell is written as a thing is ("Magic show", "Balloon modelling": a word
    after the first in small letters, not "of", "the", "and"), not as a name ("The Vines",
    "DJ Kilo", "Sarah Q")."""
    words = cell.split()
    return len(words) > 1 and any(
        word[:1].islower() and word not in ("of", "the", "and", "de", "van", "von", "da")
        for word in words[1:])


def _payer_named(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                 said: list[str]) -> None:
    """A column naming who pays (``PAYER_HEADERS``: "Family", "Bill payer", "Paid by") beside
    the one read as the client's name that names whom the service is for (``SERVED_HEADERS``:
    "Pupil", "Child") names the client instead: the one served is kept as extra. Only where
    it holds names, not yes or no ("Family" Y: a family discount), numbers (a household's
    size) or ways of paying and relations ("Card", "Mum": ``PAID_BY``), and names fewer than
    those served (a family's children together) unless headed as who paid ("Paid by"; a
    child's "Parent": ``PARENT_HEADERS``). Where
    it names someone on some rows only, one of them on two rows or more, the one served is
    the client of the rest (read as the contact's name: ``values.company_else_contact``);
    "Paid by" blank is then not paid (rules.paid._paid_flags)."""
    served = next((h for h in free if mapping[h] == "name"
                   and normalise_header(h) in SERVED_HEADERS), None)
    if served is None:
        return
    named = raw.frame[served].notna()
    parents = PARENT_HEADERS if normalise_header(served) in CHILD_HEADERS else frozenset()
    for header in free:
        cells = raw.frame[header].dropna()
        said_to_pay = PAID_FLAG.match(normalise_header(header)) or (
            normalise_header(header) in parents)
        if not (mapping[header] is None
                and (normalise_header(header) in PAYER_HEADERS or said_to_pay)
                and len(cells) and (~cells.astype(str).str.contains(r"\d")).mean() >= 0.8
                and (cells.nunique() < raw.frame.loc[named, served].nunique() or said_to_pay)
                and not values.parse_bool(cells)[1].eq(False).any()
                and not values.per_distinct(cells, lambda v: match_key(str(v)) in (
                    PAID_BY | ON_INVOICE)).any()):
            continue
        pairs = raw.frame.loc[named, [header, served]].dropna()
        if raw.frame.loc[named, header].notna().all():
            mapping[header], mapping[served] = "name", None
            said.append(f"'{header}' names who pays for '{served}': read as the client's "
                        f"name, '{served}' kept as extra")
        elif pairs[header].duplicated().any() and (
                "contact_name" not in mapping.values()):
            mapping[header], mapping[served] = "name", "contact_name"
            said.append(f"'{header}' names who pays for '{served}': read as the client's "
                        f"name, and '{served}' where it is blank")
        return


# A column of who bought, and one of whom from: beside a supplier, the buyer is the
# business's own (an expenses log: "Purchased By" Sam, "Supplier" Mill Co), not a client.
# (Not "Buyer": a drop-shipper's orders name the customer so beside the supplier.)
_BUYER_HEADERS = frozenset({"purchaser", "purchasername", "purchasedby"})
_SUPPLIER_HEADERS = frozenset({"supplier", "suppliername", "suppliers"})
_CUSTOMER_HEADER = re.compile(r"customer|client")


def _own_buyer(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
               said: list[str]) -> None:
    """A buyer column read as the client's name beside a "Supplier" column names the
    business's own people buying from that supplier: kept as extra."""
    if not _SUPPLIER_HEADERS.intersection(normalise_header(h) for h in raw.headers):
        return
    for header in free:
        if mapping[header] == "name" and normalise_header(header) in _BUYER_HEADERS:
            mapping[header] = None
            said.append(f"'{header}' beside a supplier names who bought for the business, "
                        "not a client: kept as extra")


def _suppliers_money(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                     said: list[str]) -> None:
    """On a list of suppliers (a "Supplier" column), money read as a client's revenue
    ("Annual spend") is what the business spends with each supplier, not revenue it
    brought: kept as extra. The supplier is what each row is about: the "Supplier" column
    opens the list or names its rows. Not where the list's name is a customer's
    ("Customer" beside the "Supplier" that serves each), nor where the supplier is a detail
    of each client's job ("Name", "Email", "Supplier", "Job value": an installer's)."""
    supplier = next((h for h in raw.headers if normalise_header(h) in _SUPPLIER_HEADERS), None)
    if supplier is None or supplier != raw.headers[0] and mapping.get(supplier) not in (
            "name", "company") or any(_CUSTOMER_HEADER.search(normalise_header(h))
                                      for h, f in mapping.items() if f == "name"):
        return
    for header in free:
        if mapping[header] in ("revenue_current", "revenue_potential"):
            mapping[header] = None
            said.append(f"'{header}' beside '{supplier}' is what the business spends with its "
                        "suppliers, not revenue: kept as extra")


def _all_yes_or_no(column: pd.Series) -> bool:
    """Whether a column's filled cells are all yes or no (Yes, No, true, 0...). (Its first
    hundred cells answer for most columns, a name column's 100,000 need not be read.)"""
    cells = column.dropna()
    for part in (cells.head(100), cells):
        part = part[part.astype(str).str.strip() != ""]
        if len(part) and not values.parse_bool(part)[0].notna().all():
            return False
    return bool(len(part))


def _names_someone(column: pd.Series) -> bool:
    """Whether a contact column's values are mostly names (of a person, a company, or a
    phone or address standing for one), not how or when someone got in touch: not dates,
    yes or no, or means of contact (``CONTACT_MEANS``: Phone, Instagram, Walk-in)."""
    cells = column.dropna()
    cells = cells[cells.astype(str).str.strip() != ""]
    if not len(cells):
        return False
    other = (values.parse_dates(cells)[0].notna()
             | values.parse_bool(cells)[0].notna()
             | values.per_distinct(cells, lambda v: match_key(str(v)) in CONTACT_MEANS))
    return bool(other.mean() < 0.5)


_NUMBERED = re.compile(r"#\s?\d+")


def _order_numbers(column: pd.Series) -> bool:
    """Whether a column's values are mostly numbers written "#1001", as a shop names its
    orders and checkouts (never how a person or a company is called)."""
    sample = sample_values(column)
    return len(sample) > 1 and (pd.Series(sample, dtype=object).astype(str).str.strip()
                                .str.fullmatch(_NUMBERED).mean() >= MOSTLY)


# Words of a header that say its column holds names ("Customer Name", "Nombre cliente").
_NAME_WORDS = frozenset({"name", "names", "nombre", "nom", "nome", "vorname", "nachname",
                         "firstname", "lastname", "fullname", "surname"})


def _says_name(header: str) -> bool:
    """Whether a header says its column holds names, not just whose (see _NAME_WORDS;
    fields.name_part: "Customer First Name", "Kundenvorname")."""
    return name_part(header) is not None or bool(_NAME_WORDS.intersection(_words(header)))


def _join_column(raw, mapping, free, values_of, known_ids):
    """The column of which half the values or more are client IDs already in the
    workspace, with how many were found and checked; None when there is none."""
    if known_ids is None:
        return None
    for header in free:
        if mapping[header] is not None or not values_of(header).is_code:
            continue
        tried = sample_values(raw.frame[header])
        found = known_ids(tried)
        if found >= 2 and 2 * found >= len(tried):          # half or more are known
            return header, found, len(tried)
    return None


def _most_said(counts: pd.Series) -> str:
    """The five most common values of ``value_counts``, each with its count: "'Voided' (2),
    'Open' (1)"."""
    return ", ".join(f"'{value}' ({n})" for value, n in counts.head(5).items())


# A column naming the package or course sold, which an owner may fill with its price.
_PACKAGE_PRICED = re.compile(r"(?:package|course|programme|program)$")
# A bare "Charge" (TherapyNotes' appointments): the price of each row where it holds
# amounts written as money, not a payments export's kind of row ("charge", "refund").
_CHARGE_HEADERS = frozenset({"charge", "charges"})
# A currency written beside an amount ("£1,800", "950 EUR").
_CURRENCY_WRITTEN = re.compile(r"[£$€¥₹]|\b[A-Z]{3}\b|\bkr\b")


def _priced_in_money(column: pd.Series) -> bool:
    """Whether a column holds prices: every cell reads as money, and most of those filled
    write a currency ("£1,800"), so a package's number (1, 2, 3) is not one."""
    if _money_of(column) is None:
        return False
    filled = column.dropna().astype(str).str.strip()
    filled = filled[filled.ne("")]
    return len(filled) > 0 and filled.str.contains(_CURRENCY_WRITTEN).mean() > MOSTLY


# Words naming classes, sessions or credits bought ahead in a pass or a pack (a studio's
# "10-class pass", a trainer's "5 PT sessions", a climbing wall's "Punch card", "Bono 10").
_CLASS_WORDS = (r"(?:class(?:es)?|sessions?|credits?|pass(?:es)?|packs?|punch(?:es)?|"
                r"lessons?|bonos?|clases)(?![^\W\d_])")
_CLASS_PASS = re.compile(r"(?i)(?<![^\W\d_])" + _CLASS_WORDS)
_PASS_SIZE = re.compile(r"(?i)(\d+)\s*-?\s*(?:x\s*)?" + _CLASS_WORDS)
_MOST_CLASSES = 100         # more in one pass than this: not a count of classes


def class_counts(frame: pd.DataFrame, headers: list[str]) -> frozenset[str]:
    """Of ``headers``, the columns of a list of passes or packs that count classes,
    sessions or credits (a studio's "Total" 10 classes in the pass, "Balance" 4 left), not
    money: the sheet names passes or classes (a header, or most cells of a column:
    ``_CLASS_PASS``), and the column holds whole numbers up to ``_MOST_CLASSES`` with no
    currency, each below the price a column written in money gives on its row, or each the
    number the row's pass names ("10-class pass": 10), or no more than such a count on its
    row ("Balance" 4 of 10)."""
    named = [h for h in frame.columns if frame[h].dtype == object and _first_filled(
        frame[h], _SAMPLE).map(lambda cell: isinstance(cell, str) and bool(
            _CLASS_PASS.search(cell))).mean() > 0.5]
    if not named and not any(_CLASS_PASS.search(str(h)) for h in frame.columns):
        return frozenset()          # (no pass named: no column is read whole)
    whole = {}
    for header in headers:
        numbers = pd.to_numeric(frame[header], errors="coerce")
        filled = frame[header].notna()
        if (filled.any() and numbers[filled].notna().all() and _whole_counts(frame[header])
                and numbers.max() <= _MOST_CLASSES
                and not frame[header].astype(str).str.contains(_CURRENCY_WRITTEN).any()):
            whole[header] = numbers
    if not whole:
        return frozenset()
    prices = [values.read_money(frame[h]).values for h in frame.columns
              if h not in whole and _priced_in_money(frame[h])]
    sizes = [frame[h].map(_pass_size) for h in named]
    counts = {h for h, numbers in whole.items()
              if any(_each(numbers < price, numbers, price) for price in prices)
              or any(_each(numbers == size, numbers, size, least=2) for size in sizes)}
    return frozenset(counts | {h for h, numbers in whole.items() if any(
        _each(numbers <= whole[count], numbers, whole[count]) for count in counts)})


_SAMPLE = 200               # the cells of a column looked at for words naming passes


def _first_filled(column: pd.Series, count: int) -> pd.Series:
    """A column's first ``count`` cells that are filled (read from its top rows alone where
    they hold that many: a 100,000-row column is not copied whole)."""
    top = column.iloc[:4 * count].dropna()
    return top.head(count) if len(top) >= count else column.dropna().head(count)


def _pass_size(cell: object) -> float:
    """The number of classes a pass's name gives ("10-class pass": 10), else NaN."""
    found = isinstance(cell, str) and _PASS_SIZE.search(cell)
    return float(found[1]) if found else float("nan")


def _each(holds: pd.Series, left: pd.Series, right: pd.Series, least: int = 1) -> bool:
    """Whether ``holds`` is true on every row where both sides are given (``least`` rows
    at least)."""
    both = left.notna() & right.notna()
    return int(both.sum()) >= least and bool(holds[both].all())


def _top_rating(column: pd.Series) -> int | None:
    """The top of the scale a column of ratings is on (5 or 10), or None where it is none:
    three or more cells filled, each a whole number from 1 to 5 (or to 10) written with no
    currency and no cents ("5", not "5,00 €" or "4.50")."""
    filled = column.dropna().astype(str).str.strip()
    filled = filled[filled.ne("")]
    if len(filled) < 3:
        return None
    return next((top for top, scale in ((5, r"[1-5]"), (10, r"[1-9]|10"))
                 if filled.str.fullmatch(f"(?:{scale})(?:\\.0)?").all()), None)


def _surveyed(raw: RawSheet, mapping: dict[str, str | None]) -> str:
    """What says a sheet holds survey answers, not sales: its name ("Umfrage") or a column
    of the person's words on what they rated ("Kommentar", "Feedback"); "" where nothing
    does, or where it numbers orders (a sales sheet)."""
    if "order_id" in mapping.values():
        return ""
    if SURVEY_NAMES.search(raw.name):
        return f"the sheet is called '{raw.name}'"
    beside = next((h for h in raw.headers
                   if FEEDBACK_HEADERS.match(normalise_header(plain_header(h)))), None)
    return f"beside '{beside}'" if beside else ""


def _charged(column: pd.Series) -> pd.Series:
    """A "Charge" column's cells but those saying a visit was free ("No charge", "FOC":
    ``values.FREE_WORDS``)."""
    return column[~column.astype(str).str.strip().str.casefold().isin(values.FREE_WORDS)]


def _amounts_written(column: pd.Series) -> bool:
    """Whether a column's filled cells are all amounts written as money: with cents
    ("1.250,00", "480.50") or a currency ("€ 990"), never an order's number (10045), nor
    one a letter starts ("R150.00": a number the rand's way of writing would read)."""
    filled = column.dropna().astype(str).str.strip()
    filled = filled[filled.ne("")]
    return bool(len(filled)) and not filled.str.match(r"[A-Za-z]\d").any() and (
        _money_of(filled) is not None) and bool(
        filled.str.contains(r"\d[.,]\d{2}$|[$€£¥₹]|\b(?:eur|chf|usd|gbp)\b", case=False).all())


def _whole_counts(column: pd.Series) -> bool:
    """Whether a column's filled cells are all whole numbers from 0 up (some filled)."""
    numbers = pd.to_numeric(column.dropna(), errors="coerce")
    return bool(len(numbers)) and numbers.notna().all() and numbers.ge(0).all() and (
        numbers % 1).eq(0).all()


def _money_of(column: pd.Series) -> pd.Series | None:
    """A column's amounts, where every cell reads as money and some hold it (None else)."""
    money = values.read_money(column)
    return None if money.bad.any() or money.values.isna().all() else money.values


def _status_says_nothing(raw: RawSheet, columns_for: dict[str, list[str]]) -> bool:
    """Whether a sheet has no status column, or one none of whose words names a stage or
    what happened (a driving pupil's test "Result": PASS, "on waiting list")."""
    if "status" not in columns_for:
        return True
    words = pd.unique(raw.frame[columns_for["status"][0]].dropna())
    return not any(isinstance(word, str) and (read_stage_value(word).known
                                              or order_status_kind(word) is not None)
                   for word in words)


# A log's amount headed as the price of what each row sold (not an invoice's "Total" or
# "Amount", beside which "Paid" is a payment's part of a bill its status settles).
_PRICE_OF_ONE = frozenset({"price", "cost", "fee", "charge", "rate"})


def _paid_of_price(raw: RawSheet, mapping: dict[str, str | None], free: list[str],
                   said: list[str]) -> None:
    """Beside the amount, a "Paid" column (``PAID_FLAG``) of money, never more than the
    amount on its row (a driving instructor's block "Price" £350 and "Paid" £175): what was
    paid is each row's amount, the price kept as extra. Not a column of 0 and 1, nor one
    paying more than a price (a tip, another sale)."""
    priced = next((h for h in free if mapping[h] == "amount"
                   and normalise_header(h) in _PRICE_OF_ONE), None)
    paid = next((h for h in free if mapping[h] is None
                 and PAID_FLAG.match(normalise_header(h))), None)
    if priced is None or paid is None:
        return
    money, price = _money_of(raw.frame[paid]), _money_of(raw.frame[priced])
    if money is None or price is None or money.dropna().isin((0, 1)).all():
        return
    both = money.notna() & price.notna()
    if not both.any() or (money[both] > price[both]).any():
        return
    mapping[priced], mapping[paid] = None, "amount"
    said.append(f"'{paid}' holds what was paid of '{priced}': read as the amount, "
                f"'{priced}' kept as extra")


def _money_or_happened(column: pd.Series) -> pd.Series | None:
    """A "Paid" column's amounts, where every cell reads as money (an owner's words beside
    it too: a phone repair's "£89 card", "£40 dep") or as a word saying what happened
    instead (a dog trainer's "refunded", "no show": read so when the rows are), and some
    hold money (None else)."""
    money = values.read_money(column, header=column.name, owners_words=True)
    words = column[money.bad].map(lambda cell: isinstance(cell, str) and order_status_kind(
        cell) in ("refund", "cancellation", "contact"))
    return None if not words.all() or money.values.isna().all() else money.values


def _first_values(column: pd.Series, shown: str = "{}") -> str:
    """A column's first two distinct values, each ``shown`` ("'{}'" quotes them), for an
    explanation: "SP, RJ"."""
    return ", ".join(shown.format(v) for v in column.dropna().unique()[:2])


def _state_codes(column: pd.Series) -> bool:
    """Whether a column's values are mostly two or three capital letters that say nothing
    of a stage (SP, RJ, NSW; not MQL, WON, NEW): a country's states, not statuses."""
    distinct = pd.unique(pd.Series(pd.unique(column.dropna()), dtype=object).astype(str)
                         .str.strip())                  # (each distinct value once)
    codes = sum(bool(re.fullmatch(r"[A-Z]{2,3}", value)) and not read_stage_value(value).known
                and normalise_value(value) not in ORDER_STATUS_KIND for value in distinct)
    return len(distinct) >= 2 and codes >= 0.8 * len(distinct)


_WORK_STATES = {normalise_value(word) for word in (
    "open", "closed", "snoozed", "pending", "resolved", "unresolved", "solved", "new",
    "on hold",     # (a chat's "state": Crisp's resolved, unresolved, pending)
    "in progress", "waiting", "archived", "done", "to do",
    # an appointment's or a booking's (Jane App's "State": Arrived, No Show, Cancelled)
    "arrived", "no show", "noshow", "cancelled", "canceled", "booked", "confirmed",
    "checked in", "attended", "completed", "late cancel", "late cancelled", "late canceled",
    "rescheduled", "scheduled",
    "pending reminder", "pending close", "merged")}     # (a ticket's: Zammad's "State")


# A mailing list's subscriber's or a subscription's states (Kit's "state").
_SUBSCRIBER_STATES = {normalise_value(word) for word in (
    "active", "inactive", "cancelled", "canceled", "unsubscribed", "subscribed", "bounced",
    "complained", "unconfirmed", "confirmed", "pending", "cleaned", "blocked", "paused",
    "expired", "trialing", "past due")}


def _states_of_work(column: pd.Series, states: set[str] = _WORK_STATES) -> bool:
    """Whether a column's values are mostly a ticket's or a task's state (open, closed,
    snoozed; or of ``states``), not places."""
    distinct = {normalise_value(v) for v in column.dropna().astype(str) if v.strip()}
    return bool(distinct) and len(distinct & states) >= 0.8 * len(distinct)


def _one_value(column: pd.Series) -> bool:
    """Whether several filled cells all hold one value (a shop's own e-mail on each of its
    transactions: no one's key)."""
    filled = column.dropna()
    return len(filled) > 2 and filled.astype(str).str.strip().str.casefold().nunique() == 1


def _unique(raw: RawSheet, header: str) -> bool:
    """Whether no two filled cells of a column name the same client (in any part)."""
    keys = raw.frame[header].dropna().map(name_key)
    return not keys.duplicated().any() and not (raw.repeats is not None
                                                and raw.repeats(header)[0])


GUIDE_SHEET_NAMES = frozenset({"guide", "readme", "instructions", "about", "howtouse"})


def is_guide(raw: RawSheet) -> bool:
    """A sheet that explains a workbook (the template's Guide, a Read me) rather than data."""
    return (normalise_header(raw.name) in GUIDE_SHEET_NAMES
            or [normalise_header(h) for h in raw.headers]
            == [normalise_header(h) for h in GUIDE_HEADERS])


def skip_guides(filename: str, sheets: list[RawSheet]) -> list[RawSheet]:
    """The sheets without guides; a skipped guide's notes move to a sheet that is kept.

    Raises UnreadableFile when nothing but guides is left to import.
    """
    kept: list[RawSheet] = []
    pending: list[str] = []
    for raw in sheets:
        if is_guide(raw):
            pending += raw.notes + [f"sheet '{raw.name}' is a guide to filling in the "
                                    "workbook, not data, and was skipped"]
            continue
        raw.notes[:0] = pending
        pending = []
        kept.append(raw)
    if not kept:
        reasons = [re.sub(r",? and was skipped$", "", note) for note in pending
                   if note.endswith("was skipped")]
        raise UnreadableFile(f"{base_name(filename)} has no rows to import: "
                             f"{'; '.join(reasons)}.")
    kept[-1].notes.extend(pending)
    return kept


# --- 2. prepare ------------------------------------------------------------------------

_PARSERS = {
    "number": values.parse_number,
    "percent": values.parse_percent, "count": values.parse_count, "bool": values.parse_bool,
}
REASONS = {
    "money": "is not an amount of money", "number": "is not a number",
    "percent": "is not a percentage", "count": "is not a count (a number of 0 or more)",
    "bool": "is not yes or no", "date": "is not a date Journey understands",
}


def looks_mismapped(bad: pd.Series, column: pd.Series) -> bool:
    """A guessed column where most filled cells fail to parse was probably guessed wrong."""
    if not bad.any():
        return False
    filled = int(column.notna().sum())
    return filled > 0 and int(bad.sum()) > filled / 2


def coerce(target: str, column: pd.Series, day_first, stripped: bool = False):
    """Parse a column for a field; ``stripped``: its cells come from a RawSheet.

    Returns the values, which cells are bad, the order of day and month, and for a money
    field its ``values.MoneyReading`` (whose notes say what was read), else None."""
    kind = field_type(target)
    if kind == "date":
        parsed, bad, decided = values.parse_dates(column, day_first=day_first)
        return parsed, bad, day_first if decided is None else decided, None
    if kind == "money":
        money = values.read_money(column, header=column.name, owners_words=True)
        return money.values, money.bad, day_first, money
    if kind == "score":
        low, high = SCORE_RANGES[target]
        parsed, bad = values.parse_score(column, low, high)
    elif kind == "count":
        # Counts may arrive as totals ("Totalrefunds" 38.33): any number of 0 or more; or
        # as yes or no ("Referred a friend?"): 1 or 0.
        parsed, bad = values.parse_number(column)
        if bad.any():
            said, unsaid = values.parse_bool(column[bad])
            said = said[~unsaid].astype(float)
            parsed, bad = parsed.copy(), bad.copy()
            parsed[said.index], bad[said.index] = said, False
        bad = bad | (parsed < 0)
    elif kind in _PARSERS:
        parsed, bad = _PARSERS[kind](column)
    else:
        parsed, bad = values.parse_text(column, stripped=stripped)
    return parsed, bad, day_first, None


def column_or_blank(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column of ``frame``, or one of None (not NaN) in every row where it has none."""
    if column in frame:
        return frame[column]
    return pd.Series([None] * len(frame), index=frame.index, dtype=object)


def amounts_of(frame: pd.DataFrame) -> pd.Series:
    """The rows' amounts as numbers: NaN where a row has none, or the sheet no amount."""
    if "amount" in frame:
        return pd.to_numeric(frame["amount"], errors="coerce")
    return pd.Series(float("nan"), index=frame.index)


def is_blank(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series(True, index=frame.index)
    return frame[column].isna() | (frame[column].astype(str).str.strip() == "")


# What a spreadsheet's totals row says in its name or ID cell (normalised: "Grand Total:"
# -> "grandtotal"), in the languages of the stage aliases.
TOTAL_WORDS = frozenset(normalise_value(w) for w in (
    "total", "totals", "grand total", "sum", "subtotal", "sub total", "overall total",
    "total general", "totales", "suma", "total général", "somme", "gesamt", "summe",
    "gesamtsumme", "insgesamt", "total geral", "soma", "totale", "totale generale", "somma",
    "totaal", "subtotaal", "eindtotaal",
    # Polish, Nordic, Finnish, Czech, Turkish, Russian, Greek, Japanese, Romanian,
    # Ukrainian, Hungarian, Vietnamese, Indonesian
    "razem", "ogółem", "łącznie", "i alt", "totalt", "summa", "yhteensä", "celkem", "toplam",
    "итого", "всего", "σύνολο", "合計", "総計", "小計", "total general", "разом", "всього",
    "összesen", "tổng cộng", "jumlah", "grand total"))


# Names that stand in for no one ("Anonymous", "N/A", "-"): a row with one has no name.
STAND_IN_NAMES = frozenset(normalise_value(w) for w in (
    "anonymous", "anon", "unknown", "n/a", "none", "null", "guest", "no name", "walk in",
    "walk in customer", "walk in client", "cash customer", "cash sale", "cash sales",
    # a hand-kept sales book's buyer who gave no name, written as how they paid
    "cash", "card", "paid cash", "cash buyer", "passing trade", "market customer",
    "not provided", "anonimo", "desconocido", "anonyme", "inconnu", "anonym", "unbekannt",
    "desconhecido", "sconosciuto", "anoniem", "onbekend",
    "visitor", "website visitor", "unknown visitor",
    "someone",
    # a plot, a pitch, a room or a slot nobody has (an allotment's "Vacant" plot)
    "vacant", "empty", "available", "to let", "unlet", "unoccupied", "free slot", "spare"
    )) | frozenset(      # (a tip jar's supporter who gave no name: Buy Me a Coffee's)
    # a review site's for whoever it will not name:
    normalise_value(f"{article} {who} {person}")     # "A Google user", "Yelp user"
    for article in ("", "a", "an")
    for who in ("google", "facebook", "yelp", "tripadvisor", "trustpilot", "anonymous",
                "deleted", "private")
    for person in ("user", "member", "reviewer", "customer"))


VISITOR_NUMBERED = r"^(?:website)?visitor[0-9a-f]*[0-9][0-9a-f]*$"


def stand_ins_and_totals(column: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Which name or ID cells name no one (a stand-in word, or punctuation alone: "N/A",
    "-") and which are a totals row's ("TOTAL", "Grand total"): each cell compared as
    stage values are (``normalise_value``: case, accents, spaces and punctuation ignored),
    worked out once for the column in pyarrow."""
    texts = pa.array([v if isinstance(v, str) else None for v in column.tolist()], pa.string())
    lowered = pc.utf8_normalize(pc.utf8_lower(texts), "NFKD")
    # (spaces go first, as a plain replace; only cells with other punctuation or accents
    # left take the slower pattern: "Client 12345" needs no more, "N/A" does)
    keys = pc.replace_substring(lowered, " ", "")
    odd = pc.invert(pc.fill_null(pc.utf8_is_alnum(keys), True))
    if pc.any(odd).as_py():
        keys = pc.replace_with_mask(keys, odd, pc.replace_substring_regex(
            pc.filter(lowered, odd), r"[^\p{L}\p{N}]+", ""))
    filled = pc.not_equal(pc.utf8_trim_whitespace(texts), "")

    def among(words: frozenset[str]) -> pd.Series:
        found = pc.and_(pc.is_in(keys, value_set=pa.array(sorted(words), pa.string())), filled)
        return pd.Series(found.fill_null(False).to_numpy(zero_copy_only=False),
                         index=column.index)
    # a chat tool's name for a visitor who gave none ("visitor4821": Crisp's)
    numbered = pd.Series(pc.match_substring_regex(keys, VISITOR_NUMBERED).fill_null(False)
                         .to_numpy(zero_copy_only=False), index=column.index)
    return among(STAND_IN_NAMES | {""}) | numbered, among(TOTAL_WORDS)


def column_label(raw: RawSheet, header: str) -> str:
    letter = raw.column_letters[raw.headers.index(header)]
    return f"{header} ({letter})"


def extra_json(frame: pd.DataFrame, headers: list[str]) -> pd.Series:
    """Unmapped columns, kept with their row as a JSON object of the non-empty cells."""
    if not headers:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    texts = {h: values.parse_text(frame[h], stripped=True)[0] for h in headers}
    records = pd.DataFrame(texts).to_dict("records")
    return pd.Series([json.dumps({k: v for k, v in r.items() if v is not None}, ensure_ascii=False)
                      if any(v is not None for v in r.values()) else None for r in records],
                     index=frame.index, dtype=object)


def resolve_stages(out: pd.DataFrame, kind: str, stage_map: dict[str, str],
                   booked_hired: bool = True) -> dict[str, int]:
    """Turn stage and status cells into a canonical stage and an outcome; count unknowns.

    Each distinct (stage, status) pair is worked out once, in order of first appearance.
    An event's status (a ticket's, an order's) may say it was won, lost or cancelled, but
    never gives it a stage: "Pending" there is no sales stage. ``booked_hired``: whether a
    client list's "Booked" may say hired (``hired_words``; not on a list of appointments).
    On a client list, a status saying the deal was won ("Vendida") beside a stage short of
    purchase ("Fechamento") makes it a purchase.
    """
    n = len(out)
    empty = np.full(n, None, dtype=object)
    stage_raw = out["stage"] if "stage" in out else pd.Series(empty, index=out.index)
    status_raw = out["status"] if "status" in out else pd.Series(empty, index=out.index)
    stage_codes, stage_cells = pd.factorize(stage_raw.to_numpy(dtype=object))   # -1: empty
    status_codes, status_cells = pd.factorize(status_raw.to_numpy(dtype=object))
    pairs = (stage_codes + 1).astype(np.int64) * (len(status_cells) + 1) + status_codes + 1
    distinct, first, inverse, counts = np.unique(pairs, return_index=True,
                                                 return_inverse=True, return_counts=True)
    unknown: dict[str, int] = {}
    # A client list's status column is its stage column when it has no other: its values
    # no alias knows wait to be mapped, as a stage column's do.
    status_is_stage = kind == "clients" and not len(stage_cells)
    if kind == "clients" and booked_hired:   # "Booked" on a client list: hired (yours win)
        stage_map = {**hired_words([*stage_cells, *status_cells]), **stage_map}
    if kind == "clients":       # "Avslutad" beside "Aktiv": the client left (yours win)
        stage_map = {**ended_words(status_cells), **stage_map}
        # "Married", "Delivered": a wedding held, a gallery delivered (yours win)
        stage_map = {**service_done_words([*stage_cells, *status_cells]), **stage_map}
    # "Avslutad" beside "Vunnen" or "Förlorad": a deal closed, won or lost (yours win)
    stage_map = {**closed_deal_words([*stage_cells, *status_cells]), **stage_map}
    spelled: dict[str, str] = {}        # normalised unknown value -> its first spelling
    cache: dict = {}
    read = np.empty((len(distinct), 4), dtype=object)   # stage, outcome, won, status kept
    for at in np.argsort(first, kind="stable"):
        stage_code, status_code = divmod(int(distinct[at]), len(status_cells) + 1)
        pair = (stage_cells[stage_code - 1] if stage_code else None,
                status_cells[status_code - 1] if status_code else None)
        stage = outcome = None
        is_won = False
        for cell, is_stage_column in ((pair[0], True), (pair[1], False)):
            if cell is None:
                continue
            value = cache.get(cell)
            if value is None:
                value = cache[cell] = read_stage_value(cell, stage_map)
            if not value.known:
                if is_stage_column or kind == "clients":   # 'Hot' and 'hot' are one value
                    shown = spelled.setdefault(normalise_value(cell), str(cell))
                    unknown[shown] = unknown.get(shown, 0) + (
                        int(counts[at]) if is_stage_column or status_is_stage else 0)
                continue
            if is_stage_column or kind == "clients":   # an event's status is no stage:
                stage = stage or value.stage           # a ticket "Pending", an order "Paid"
            outcome = outcome or value.outcome or ("active" if value.active else None)
            is_won = is_won or value.won
        if kind == "clients" and is_won and RANK.get(stage, -1) < RANK["purchase"]:
            stage = "purchase"      # a deal at "Closing" whose status says it was sold
        read[at] = (stage, outcome, is_won, outcome if outcome is not None else pair[1])
    out["stage_raw"] = stage_raw
    out["stage"] = pd.Series(read[inverse, 0], index=out.index, dtype=object)
    if kind == "clients":
        out["status"] = pd.Series(read[inverse, 3], index=out.index, dtype=object)
    out["_outcome"] = pd.Series(read[inverse, 1], index=out.index, dtype=object)
    out["_won"] = pd.Series(read[inverse, 2].astype(bool), index=out.index, dtype=bool)
    return {k: v for k, v in unknown.items() if v}


# Words of a header or of a sheet's name that say its rows are appointments, calls or
# meetings: a client list of them ("Name, Appointment, Status: Booked") books a time, it
# does not say hired.
_MEETING_WORDS = frozenset({"meeting", "meetings", "consultation", "consultations", "consult",
                            "call", "calls", "demo", "demos", "rendezvous", "termin", "termine"})
_APPOINTMENT_WORDS = _MEETING_WORDS | {"appointment", "appointments", "appt", "appts", "visit",
                                       "visits", "reservation", "reservations", "cita", "citas"}
# A visit or a reservation, not a meeting or a call (a sales call "attended" is no sale);
# a hotel's or a B&B's stay in a room ("Room", "Nights": a stay "Checked Out" was had).
_VISIT_WORDS = (_APPOINTMENT_WORDS - _MEETING_WORDS) | {"booking", "bookings", "class",
                                                       "classes", "session", "sessions",
                                                       "stay", "stays", "room", "rooms",
                                                       "nights",
                                                       # (a German studio's bookings of a
                                                       # class: Eversports' "Buchungen", "Kurs")
                                                       "buchung", "buchungen", "kurs", "kurse",
                                                       # (a music or driving school's)
                                                       "lesson", "lessons"}


def _say_a_word(words: frozenset[str], headers, names) -> bool:
    """Whether a header or a name (sheet, file) has one of ``words``."""
    return any(word in words for text in (*headers, *names)
               for word in re.findall(r"[a-z]+", str(text or "").casefold()))


def about_visits(headers, *names: str) -> bool:
    """Whether a header or a name (sheet, file) has a word of ``_VISIT_WORDS``."""
    return _say_a_word(_VISIT_WORDS, headers, names)


def about_appointments(headers, *names: str) -> bool:
    """Whether a header or a name (sheet, file) has a word of ``_APPOINTMENT_WORDS``."""
    return _say_a_word(_APPOINTMENT_WORDS, headers, names)


# A client list's stage or status words that say the client hired the business (a wedding
# supplier's, a photographer's "Booked"). On an appointment list, a booking is an
# appointment still to come (stages.BOOKED_STATUSES): these are read on client lists only.
_HIRED = frozenset(normalise_value(w) for w in (
    "booked", "booking confirmed", "confirmed booking", "hired", "deposit received"))
# Words of a list of bookings: a booking's or an enquiry's.
_BOOKING_LIST = _HIRED | frozenset(normalise_value(w) for w in (
    "deposit paid", "retainer paid", "enquiry", "inquiry", "new enquiry", "new inquiry"))


# "Confirmed" and "Done" say hired (the work booked, or done) beside those words: not on a
# mailing list, where an address is confirmed, nor on a task list, where a task is done.
_HIRED_BESIDE_BOOKINGS = frozenset(normalise_value(w) for w in ("confirmed", "done"))


def ended_words(cells) -> dict[str, str]:
    """A client list's stage map of the Nordic words for finished (``FINISHED``) in a
    status column that also says who is active ("Aktiv", "Avslutad"): there the client
    has left (churned), not bought. Elsewhere they are a client's work done (purchase)."""
    if not any(read_stage_value(cell).active for cell in cells):
        return {}
    return {key: "churned" for key in map(normalise_value, cells) if key in FINISHED}


def service_done_words(cells) -> dict[str, str]:
    """A client list's stage map of "Married" and "Delivered" among the distinct ``cells``
    of its stage and status columns: the service done, a purchase (a celebrant's couple, a
    photographer's gallery); not beside the statuses that make either a person's marital
    status or a message's delivery (``SERVICE_DONE_UNLESS``)."""
    found = {normalise_value(cell) for cell in cells}
    return {word: "purchase" for word, unless in SERVICE_DONE_UNLESS.items()
            if word in found and not found & unless}


def closed_deal_words(cells) -> dict[str, str]:
    """A stage map of the words for closed (``CLOSED_DEAL``: "Abgeschlossen", "Cerrado",
    the Nordic "Avslutad") in a deal pipeline's column, one that also says won or lost
    ("Vunnen", "Förlorad"): there it is a deal closed, which may have been won or lost, so
    it is left to the person to map (``UNDECIDED``), not read as bought."""
    said = [read_stage_value(cell) for cell in cells]
    if not any(value.won or value.outcome == "lost" for value in said):
        return {}
    return {key: UNDECIDED for key in map(normalise_value, cells) if key in CLOSED_DEAL}


def closed_deals_said(unknown: dict[str, int], frame: pd.DataFrame,
                      headers: list[str]) -> list[str]:
    """Notes for the values ``closed_deal_words`` left to map among ``unknown`` (value ->
    rows), in the stage or status columns ``headers``: why the person is asked."""
    cells = pd.unique(pd.concat([frame[h] for h in headers]).dropna()) if headers else []
    closed = closed_deal_words(cells)
    notes = []
    for value, count in unknown.items():
        if normalise_value(value) not in closed:
            continue
        header = next((h for h in headers if frame[h].astype(str).eq(value).any()), headers[0])
        notes.append(f"'{value}' ({counted(count, 'row')}) in '{header}' says a deal was "
                     "closed, which may have been won or lost: it was left for you to map "
                     f"(--stage-map '{value}=purchase' where won, '{value}=lost' where lost).")
    return notes


def hired_words(cells) -> dict[str, str]:
    """A client list's stage map of the words that say hired (``_HIRED``; "Confirmed" and
    "Done" where the list also says one of ``_BOOKING_LIST``), for the distinct ``cells``
    of its stage and status columns. Not where the list has its own word for a won deal ("Lead,
    Booked, Proposal sent, Won"): "Booked" there is a call or meeting booked on the way."""
    found = {normalise_value(cell) for cell in cells}
    if any(read_stage_value(cell).won for cell in cells):
        return {}
    hired = found & _HIRED
    if found & _BOOKING_LIST:       # (a task list's "Done" sits beside "To do", never these)
        hired |= found & _HIRED_BESIDE_BOOKINGS
    return dict.fromkeys(hired, "purchase")


# A date column whose header says the row is a purchase ("Date bought", "Purchased on"):
# each row of the sheet is one, as each of an order list is.
# (An "Auftrag" or "Order" of dates or amounts, ``refine_mapping``: each row an order.)
_BOUGHT_ON = re.compile(r"^(?:date|day)?(?:bought|purchased)(?:on|date)?$|^(?:order|auftrag)$")
# An amount column whose header says the money was paid ("Paid £", "Amount paid", "Price
# paid").
_PAID_AMOUNT = re.compile(r"^(?:amount|total|price)?paid(?:amount|total)?(?:[a-z]{3})?$|"
                          r"^(?:order|auftrag)$")


def _first_talks(frame: pd.DataFrame, mapping: dict[str, str | None], combos: list,
                 kinds: list[str], amounts: pd.Series, decided: dict,
                 default: str) -> list[bool]:
    """Rows the sheet's name or numbers alone made purchases (nothing in a kind, status or
    outcome cell) with no price said, that a column of what each visit was
    (``VISIT_TYPE_HEADERS``: YouCanBookMe's "Booking page") names a first talk
    (``CONSULTATION_WORDS``: "Discovery call", "Free consultation"; where no row has a
    price, only one saying it is free or a call, ``FREE_FIRST_TALKS``): a booking list's
    free calls, no sales."""
    header = next((h for h, f in mapping.items() if not f and h in frame
                   and normalise_header(h) in VISIT_TYPE_HEADERS), None)
    if header is None or default != "purchase":
        return [False] * len(kinds)
    talk = values.per_distinct(frame[header].reindex(amounts.index), match_key).isin(
        CONSULTATION_WORDS if amounts.notna().any() else FREE_FIRST_TALKS).tolist()
    return [said and kind == "purchase" and pd.isna(amount) and combo[0] is None
            and not any(combo[2:4]) and combo[5] is None and decided[combo][0] == default
            for said, kind, amount, combo in zip(talk, kinds, amounts.tolist(), combos)]


def resolve_kinds(out, plan, frame, raw, columns_for, stage_map=None,
                  rejected: pd.Series | None = None) -> list[str]:
    """Give every event a kind: its kind column, else its stage cell, else the sheet's.
    Returns notes for the person importing (which leave out the rows in ``rejected``).

    Each distinct (kind cell, stage, outcome, won, order status) combination is worked out
    once. On an order list without a stage column, the status says what happened to an
    order (``journey.stages.ORDER_STATUS_KIND``): a pending or failed order is a contact.
    A kind cell that names a stage ("Proposal sent") is a stage change to it; one Journey
    does not know ("Site visit") is kept as a contact, its text as the touchpoint, never
    dropped. A payment beside invoices or sales is the paying of one (a contact); in a
    list of payments alone, each is a purchase. On an order list, an order of 0 (free) is
    a contact, not a purchase.
    """
    named = None if plan.set_values.get("kind") else _sheet_word(plan.sheet, plan.file)
    paying = named in PAYMENT_WORDS and plan.sales_sheet is not None
    if paying:          # "Payments" beside "Invoices" in one workbook: the paying of them
        named = None
    numbered = None       # an order or invoice number column: each row is one (a purchase)
    if (named is None and not paying and not plan.set_values.get("kind")
            and "order_id" in columns_for):
        header = columns_for["order_id"][0]
        word = _sheet_word(header)
        numbered = (header if word and SHEET_KIND_OF[word] == "purchase"
                    or _ORDER_NUMBER.match(normalise_header(header)) else None)
    if (named is None and numbered is None and not plan.set_values.get("kind")
            and "date" in columns_for and _BOUGHT_ON.match(normalise_header(columns_for["date"][0]))):
        numbered = columns_for["date"][0]       # "Date bought": each row is a purchase
    if (named is None and numbered is None and not plan.set_values.get("kind")
            and not {"kind", "stage", "status"} & set(columns_for)
            and paid_flag(raw, plan.mapping) is None
            and not _OFFERED_NAMES.intersection(_words(f"{plan.sheet} {plan.file or ''}".lower()))):
        numbered = (work_column(plan.mapping)   # a job done, or a quantity sold, at a
                    or quantity_sold(plan.mapping))     # price: each row a sale
    if (named is None and numbered is None and not paying and not plan.set_values.get("kind")
            and plan.sales_sheet is None and not {"kind", "stage"} & set(columns_for)
            and _status_says_nothing(raw, columns_for)
            and paid_flag(raw, plan.mapping) is None and "amount" in columns_for
            and _PAID_AMOUNT.match(normalise_header(columns_for["amount"][0]))):
        numbered = columns_for["amount"][0]     # "Paid £": each row money paid, a sale
    if (named is None and numbered is None and not paying and not plan.set_values.get("kind")
            and not {"kind", "stage", "status"} & set(columns_for) and "amount" in columns_for
            and match_key(columns_for.get("name", [""])[0]) in PAYMENT_SENDERS):
        numbered = columns_for["name"][0]       # "Avsändare": who sent each payment, a sale
    paid_column = numbered if numbered is not None and numbered in columns_for.get(
        "amount", []) else None
    default = plan.set_values.get("kind") or (
        SHEET_KIND_OF[named] if named else "purchase" if numbered else "contact")
    default = KIND_OF.get(normalise_value(default), default)
    has_stage_column = "stage" in columns_for
    # A sheet of amounts whose status speaks of payment (paid, unpaid, refunded) lists
    # orders, whatever it is called: its status says what happened to each.
    paid_by = None
    if (default == "contact" and not named and not plan.set_values.get("kind")
            and not has_stage_column and "amount" in columns_for and "status" in out
            and _speaks_of_payment(out["status"])):
        default, paid_by = "purchase", columns_for["status"][0]
    # A shop's order list whose statuses say where each order is, none of paying (a Spanish
    # shop's "Estado": Entregado, En preparación, Pendiente, Cancelado): each row is what
    # its status says, as an order list's are.
    delivered_by = None
    if (default == "contact" and not named and not plan.set_values.get("kind")
            and not has_stage_column and "status" in out
            and _delivers_orders(plan, columns_for, out["status"], raw.headers)):
        default, delivered_by = "purchase", columns_for["status"][0]
    # A list of visits or reservations whose status says which were kept (a studio's
    # class reservations: Attended, Missed, Late Cancel, Booked): each row is what its
    # status says, as an order list's are; a visit kept is a sale.
    kept_by = None
    if (default == "contact" and not named and not plan.set_values.get("kind")
            and not has_stage_column and "status" in out
            and about_visits(raw.headers, plan.sheet, plan.file or "")
            and _speaks_of_visits(out["status"], priced="amount" in columns_for)):
        default, kept_by = "purchase", columns_for["status"][0]
    # A log of work done at a price (a work column, a price, a date: a salon's services,
    # a trade's jobs) whose status is an order's (Completed, Cancelled, No show): each row
    # is what its status says, work completed a sale. (A task list's Completed has no
    # price; a lead list's service is what was asked about.)
    done_by = None
    if (default == "contact" and not named and not plan.set_values.get("kind")
            and not has_stage_column and "status" in out and "kind" not in columns_for
            and paid_flag(raw, plan.mapping) is None and work_column(plan.mapping)
            and not _LEAD_NAMES.intersection(_words(f"{plan.sheet} {plan.file or ''}".lower()))
            and _mostly_order_statuses(out["status"])):
        default, done_by = "purchase", columns_for["status"][0]
    # A shop's returns log (Order, Customer, Item, Reason, Status Refunded or Exchanged):
    # each row a return of something bought, no sale; refunded, money back.
    returned_by = None
    if (default in ("contact", "purchase") and not named and not plan.set_values.get("kind")
            and not has_stage_column and "status" in out and "kind" not in columns_for
            and _returns_log(out["status"])):
        default, returned_by = "refund", columns_for["status"][0]
    # A refunds log (Client, Refund date, Refund amount: rules.refunds.refunds_logged made
    # its money the amount): each row a refund of that money, the client's money back.
    given_back = None
    if (default == "contact" and not named and not plan.set_values.get("kind")
            and not {"kind", "stage", "status"} & set(columns_for) and "amount" in columns_for
            and REFUNDED_AMOUNT.match(normalise_header(columns_for["amount"][0]))):
        default, given_back = "refund", columns_for["amount"][0]
    # An order list (its rows are purchases unless said otherwise) without a stage column:
    # its status says what happened to each order (paid, refunded, cancelled, pending...).
    # A person's --set kind=... says what every row is: the status then says nothing more.
    by_status = (default == "purchase" and "kind" not in plan.set_values
                 and not has_stage_column and "status" in columns_for)
    billed = by_status and about_invoices(raw.headers, plan.sheet, plan.file or "")
    # each row's status as the word lists read it, worked out once for the two tests below
    status_words = values.per_distinct(out["status"], normalise_value) if by_status else None
    # An order's own number beside the invoice's ("Bestelnummer", "Factuurnummer"): a
    # shop's orders, each billed; a status saying sent there says shipped, unless the
    # statuses are an invoice's own ("Overdue", "Draft": the invoice was sent, not paid).
    # (Only where the headers name the invoice: "Invoices.csv" with an "Order" column is
    # a list of invoices, each naming its order.)
    ordered = (billed and about_invoices(raw.headers, "")
               and any(_ORDER_HEADER.match(normalise_header(h)) for h in raw.headers)
               and not status_words.isin(INVOICE_OWN_STATUSES).any())
    shop_orders = by_status and _shop_orders(plan, columns_for, out["status"], raw.headers)
    # (numbered orders of goods: "Received" is the buyer's, a sale; not a return received)
    # (not goods the business bought in: stock ordered at a "Cost", "Received" from the
    # supplier; there the word stays one Journey does not know, and says so)
    received = (by_status and "order_id" in columns_for and _sells_goods(raw.headers)
                and not any(_COST_HEADER.match(normalise_header(h)) for h in raw.headers))
    # (a tenant's rent "Returned": the payment came back unpaid, whatever the sheet's name
    # says of rentals; no hire, no money back of a sale)
    rents = by_status and any(_RENT.match(normalise_header(h)) for h in raw.headers)
    hires = by_status and not rents and (
        status_words.isin(HIRED_OUT).any()
        or _say_a_word(HIRE_WORDS, raw.headers, (plan.sheet, plan.file or "")))

    # A "credit" in a kind column that also names sales is money given back (Braintree's
    # sale and credit); beside a debit alone (a bank statement's) it is money in.
    credit_is_refund = "kind" in out and any(
        kind_named(normalise_value(cell)) == "purchase" for cell in out["kind"].dropna().unique())

    # An appointment list's type column ("Initial Consultation", "Review", "Follow-up"):
    # its "Review" is a review appointment, not a client's review of the business.
    appointment_types = "kind" in out and about_appointments(
        raw.headers, plan.sheet, plan.file or "") and any(
        kind_named(normalise_value(cell)) is None for cell in out["kind"].dropna().unique())

    def decide(cell, stage, outcome, won, stage_raw, status) -> tuple[str, str | None]:
        """The event's kind, and the stage its kind cell names (or None); the kind is
        UNKNOWN_KIND for a kind cell Journey does not know."""
        if cell is not None:
            kind = kind_named(normalise_value(cell))
            if kind == "review" and appointment_types:
                return UNKNOWN_KIND, None
            if kind is not None:
                return kind, None
            if credit_is_refund and normalise_value(cell) in _CREDITS:
                return "refund", None
            said = read_stage_value(cell, stage_map)
            if said.won:
                return "won", said.stage
            if said.stage == "purchase":               # a sale, whatever it is called
                return STAGE_SALE, said.stage
            if said.stage is not None:
                return "stage_change", said.stage
            if said.outcome == "lost":
                return "lost", None
            if said.outcome in ("cancelled", "churned"):
                return "cancellation", None
            return UNKNOWN_KIND, None
        if by_status and status is not None:
            key = normalise_value(status)
            said = order_status_kind(status)
            if key in BILLED_ONLY_STATUSES and not billed:
                said = None           # (an order "Sent": dispatched, not an invoice unpaid)
            if key in SENT_ON_INVOICE and billed:   # (an order "Sent": shipped, a sale;
                said = "purchase" if ordered else "contact"   # an invoice's: not paid yet)
            if key in ORDER_IN_HAND and shop_orders or key in ORDER_RECEIVED and received:
                said = "purchase"     # (placed and being seen to; a job's is not done yet)
            if key in HIRE_RETURNED and hires:
                said = "purchase"     # (a thing hired, brought back: no order sent back)
            if key in HIRE_RETURNED and rents:
                said = "contact"      # (a rent payment returned: not paid)
            if key in PAYMENT_APPROVED and not billed:
                said = "purchase"     # (a card payment approved; an invoice's awaits one)
            if said is not None:      # (booked, not yet done: a client considering)
                booked = (key in BOOKED_STATUSES | ORDER_CREATED
                          or key in COMING_STATUSES and not billed)
                return said, "consideration" if booked else None
        if won:
            return "won", None
        if outcome == "lost":
            return "lost", None
        if outcome in ("cancelled", "churned"):
            return "cancellation", None
        if stage == "purchase" and has_stage_column:   # "Completed", "Customer": a sale
            return STAGE_SALE, None
        if stage is not None and has_stage_column:
            return "stage_change", None
        if stage_raw is not None and has_stage_column:
            # A stage value Journey does not know (yet): never guess a purchase from an
            # amount beside it. The row is a contact until the value is mapped.
            return "contact", None
        return default, None

    given = out["kind"].tolist() if "kind" in out else [None] * len(out)
    statuses = (out["status"].tolist() if by_status and "status" in out
                else [None] * len(out))
    combos = list(zip(given, out["stage"].tolist(), out["_outcome"].tolist(),
                      out["_won"].tolist(), out["stage_raw"].tolist(), statuses))
    decided = {combo: decide(*combo) for combo in dict.fromkeys(combos)}
    sold = any(kind == "purchase" for kind, _ in decided.values())
    paid = "contact" if sold else "purchase"     # the paying of an invoice, or a sale
    kinds = [decided[combo][0] for combo in combos]
    kinds = [paid if kind == PAYMENT else kind for kind in kinds]
    kinds = _stage_sales(out, kinds, _itemised(plan.mapping, plan.sheet, plan.file))
    undone = None       # (a person's --set kind=purchase is every row's kind, said or not)
    if "kind" not in plan.set_values:
        kinds, undone = _sales_undone(out, given, kinds, columns_for.get("status", [None])[0])
    free = back = [False] * len(kinds)
    amounts = amounts_of(out)
    if default == "purchase" and "amount" in out:
        # A free order (0 paid) is no sale; an order of less than 0 is money going back.
        # (A line of an order of several, a discount of -5 or a free sample, is neither.)
        whole = amounts
        if "order_id" in out:
            whole = amounts.where(out["order_id"].isna()
                                  | ~out["order_id"].duplicated(keep=False))
        free = [kind == "purchase" and cell is None and amount == 0
                for (cell, *_), kind, amount in zip(combos, kinds, whole.tolist())]
        back = [kind == "purchase" and cell is None and amount < 0
                for (cell, *_), kind, amount in zip(combos, kinds, whole.tolist())]
        kinds = ["contact" if was_free else "refund" if went_back else kind
                 for was_free, went_back, kind in zip(free, back, kinds)]
    # A booking list's first talk ("Discovery call") with no price said: no sale, whatever
    # the sheet is called (rules.deals.consultations puts it at consideration).
    talks = _first_talks(frame, plan.mapping, combos, kinds, amounts, decided, default)
    kinds = ["contact" if talk else kind for talk, kind in zip(talks, kinds)]
    happened = (out["_happened"].notna() if "_happened" in out      # (a word over the
                else pd.Series(False, index=out.index))           # price: plan says it)
    if rejected is not None:                                      # (nor rows not imported)
        happened = happened | rejected.reindex(out.index, fill_value=False)
    happened = happened.tolist()
    # A row left blank under "Paid" on a sheet whose rows are sales by what each paid:
    # nothing paid on it (a lesson of a block bought before): a contact, no sale. (Not a
    # word there saying what happened instead: "refunded".)
    unpaid = [paid_column is not None and kind == "purchase" and cell is None
              and pd.isna(amount) and not said for (cell, *_), kind, amount, said in zip(
                  combos, kinds, amounts.tolist(), happened)]
    kinds = ["contact" if blank else kind for blank, kind in zip(unpaid, kinds)]
    booked = [False] * len(kinds)       # (booked, paid or not: rules.paid._booked_and_paid says)
    if "status" in out and not by_status and not has_stage_column:
        booked = (values.per_distinct(out["status"], normalise_value)
                  .isin(BOOKED_STATUSES).tolist())
    said_returns = []
    if default == "refund" and "status" in columns_for:  # (a returns log, or a sheet so named)
        kinds, said_returns = _returns_read(out, kinds, columns_for["status"][0],
                                            returned_by is not None
                                            or _returns_log(out["status"]))
    notes = said_returns or _default_notes(
        plan, combos, decided, default, named, numbered or paid_by or given_back, by_status,
        [f or b or h or u or t or (said and cell is None and kind == "contact")
         for f, b, h, u, t, said, (cell, *_), kind
         in zip(free, back, happened, unpaid, talks, booked, combos, kinds)],
        (frozenset() if billed else PAYMENT_APPROVED)
        | (ORDER_RECEIVED if received else frozenset()))
    if paying and "amount" in plan.mapping.values():
        notes = [note for note in notes if "an amount alone makes no purchase" not in note]
        notes.append(f"Sheet '{plan.sheet}' lists payments beside sheet '{plan.sales_sheet}', "
                     "whose rows are the sales they pay: its rows with nothing saying what "
                     "happened were read as contacts, not as sales again. If they are sales "
                     "of their own, choose 'a purchase' under 'Every row is' "
                     "(--set kind=purchase).")
    if undone:
        notes.append(undone)
    if kept_by and (given_free := _visits_given_free(frame, kinds, amounts)) is not None:
        kinds, said_free = given_free
        notes.append(said_free)
    if kept_by:
        notes.insert(0, f"Column '{kept_by}' says whether each visit was kept: each row was "
                        "read as what its status says (attended: a purchase; a no-show: a "
                        "contact; cancelled: a cancellation; booked: a contact at "
                        "consideration).")
    if done_by:
        notes.insert(0, f"Column '{done_by}' says what became of each piece of work done at "
                        "a price: each row was read as what its status says (completed: a "
                        "purchase; cancelled: a cancellation; pending: a contact).")
    if delivered_by:
        notes.insert(0, f"Column '{delivered_by}' says where each order is, some served or "
                        "delivered: the rows were read as a shop's orders, each what its "
                        "status says (delivered, sent or being prepared: a purchase; pending: "
                        "a contact; cancelled: a cancellation).")
    if paid_by:
        notes.insert(0, f"Column '{paid_by}' says whether each row was paid: the rows were "
                        "read as orders, each what its status says (paid: a purchase; "
                        "refunded: a purchase and its refund; unpaid or pending: a contact).")
    if any(free):       # (said by plan of the rows kept: free_orders_said)
        owed = _owed(frame, plan.mapping)
        before = (_paid_before(out, kinds, amounts) if kept_by
                  else pd.Series(False, index=out.index))
        out["_free_order"] = [("unpaid" if owing > 0 else "prepaid" if earlier else "free")
                              if was_free else None
                              for was_free, owing, earlier in zip(free, owed.tolist(),
                                                                  before.tolist())]
    if any(unpaid):
        count = sum(unpaid)
        notes.append(f"{counted(count, 'row')} with nothing in '{paid_column}' (no money paid "
                     f"on {'it' if count == 1 else 'them'}) {was(count)} read as "
                     f"{'a contact, not a purchase' if count == 1 else 'contacts, not purchases'}"
                     ": the "
                     "service a client had paid for before (a lesson of a block, a visit of "
                     "a pass), or not paid.")
    if any(back):       # (not a statement's own spending, which plan leaves out)
        back = [went_back and not spent for went_back, spent in zip(
            back, spent_from_statement(out, frame)[0].tolist())]
    if any(back):
        notes.append(f"{counted(sum(back), 'row')} of less than 0 {was(sum(back))} read as "
                     + ("a refund (money going back), not a purchase." if sum(back) == 1
                        else "refunds (money going back), not purchases."))
    if by_status:   # a refunded order was bought first: prepare_sheet adds its purchase
        # (a refund of a negative amount is the money going back, a row of its own)
        out["_refunded_order"] = column_or_blank(out, "_refunded_order").fillna(pd.Series([
            ("partial" if "partial" in normalise_value(status) else "full")
            if cell is None and status is not None and kind == "refund" and not amount < 0
            else None
            for (cell, *_, status), kind, amount in zip(combos, kinds, amounts)],
            index=out.index, dtype=object))
    stated = pd.Series([decided[combo][1] for combo in combos], index=out.index, dtype=object)
    if stated.notna().any():                   # the stage a kind cell names
        out["stage"] = out["stage"].where(out["stage"].notna(), stated)
    unknown = pd.Series([kind == UNKNOWN_KIND for kind in kinds], index=out.index)
    if unknown.any():
        touchpoint = out["touchpoint"] if "touchpoint" in out else pd.Series(
            None, index=out.index, dtype=object)
        out["touchpoint"] = touchpoint.where(touchpoint.notna() | ~unknown,
                                             pd.Series(given, index=out.index, dtype=object))
        kinds = ["contact" if kind == UNKNOWN_KIND else kind for kind in kinds]
        # (the account's own money moving, and its own spending, which plan leaves out, are
        # not said here)
        said_kinds = pd.Series(given, index=out.index, dtype=object)
        unknown &= ~own_money_moved(out, said_kinds) & ~provider_fees(out, said_kinds)
        unknown &= ~paid_out_to_others(out.assign(kind=kinds), said_kinds)
        unknown &= ~bought_in_on_books(said_kinds, frame)
    if unknown.any():
        counts = pd.Series(given, index=out.index, dtype=object)[unknown].astype(
            str).value_counts()
        listed = _most_said(counts)
        more = f" and {len(counts) - 5} more" if len(counts) > 5 else ""
        label = column_label(raw, columns_for["kind"][0])
        count = int(unknown.sum())
        notes.append(
            f"{counted(count, 'row')} in column {label} {'names' if count == 1 else 'name'} "
            f"what happened in words Journey does not know as an event kind ({listed}{more}): "
            f"{'it was kept as a contact' if count == 1 else 'they were kept as contacts'}, "
            f"with those words as {its(count)} touchpoint.")
    out["kind"] = pd.Series(kinds, index=out.index, dtype=object)
    return notes


STAGE_SALE = "stage sale"    # (resolve_kinds: a row whose stage is purchase)


def _returns_log(statuses: pd.Series) -> bool:
    """Whether a status column is a returns log's: every value a return's outcome
    (``RETURN_STATES``), one an exchange (``EXCHANGED``), one money back (``REFUNDED``)."""
    said = {normalise_value(value) for value in statuses.dropna().unique()}
    return bool(said) and said <= RETURN_STATES and bool(said & EXCHANGED) and bool(
        said & REFUNDED)


def _returns_read(out: pd.DataFrame, kinds: list[str], header: str, log: bool
                  ) -> tuple[list[str], list[str]]:
    """On rows that are returns (a returns ``log``'s, or a sheet called Returns), an
    exchange in the status ``header`` (``EXCHANGED``) or a repair (``REPAIRED``: a warranty
    log's) is no money back: a contact of a client who bought (at purchase), not a refund; on a returns log, a return not refunded
    or exchanged yet is such a contact too. Returns the kinds and, where either was so, a
    note."""
    said = values.per_distinct(out["status"], normalise_value)
    returned = pd.Series([k == "refund" for k in kinds], index=out.index)
    swapped = said.isin(EXCHANGED) & returned
    mended = said.isin(REPAIRED) & returned
    waiting = (~said.isin(EXCHANGED | REFUNDED | REPAIRED) if log
               else pd.Series(False, index=out.index))
    if not (swapped.any() or mended.any() or waiting.any()):
        return kinds, []
    kinds = ["contact" if s or m or w else kind for s, m, w, kind in zip(
        swapped.tolist(), mended.tolist(), waiting.tolist(), kinds)]
    out["stage"] = out["stage"].where(out["stage"].notna() | ~(swapped | mended | waiting),
                                      "purchase")
    refunds, exchanges, open_ = kinds.count("refund"), int(swapped.sum()), int(waiting.sum())
    repairs = int(mended.sum())
    return kinds, [f"Column '{header}' says what became of each return: "
                   f"{counted(refunds, 'row')} {was(refunds)} read as "
                   f"{'a refund' if refunds == 1 else 'refunds'} (money back), "
                   f"{counted(exchanges, 'row')} exchanged as "
                   f"{'a contact' if exchanges == 1 else 'contacts'} of a client who bought "
                   "(no money back)" + (f", {repairs:,} repaired as "
                                        f"{'a contact' if repairs == 1 else 'contacts'} too"
                                        if repairs else "")
                   + (f", {open_:,} not settled yet as "
                      f"{'a contact' if open_ == 1 else 'contacts'}"
                      if open_ else "") + "; no row is a sale."]


# A status column about the client, not the sale: its header ("Membership Status",
# "Account Status") or its values ("Active" beside "Expired"): a membership sold, then
# lapsed or cancelled, was sold all the same.
_CLIENT_STATUS_HEADER = re.compile(r"^(?:account|membership|member|subscription|plan|patron|"
                                   r"churn|client|customer|lead|contact)status$")
_CLIENT_STATE = frozenset(normalise_value(word) for word in (
    "active", "current", "ongoing", "paused", "frozen", "activo", "activa", "actif",
    "aktiv", "ativo", "ativa", "attivo", "attiva", "actief", "lopend"))


def _sales_undone(out: pd.DataFrame, given: list, kinds: list[str],
                  header: str | None = None) -> tuple[list[str], str | None]:
    """A sale or an invoice (the kind column's word) whose status says it never went
    through is what its status says: voided or cancelled, a cancellation; failed, open,
    overdue or pending, a contact (QuickBooks' Invoice marked Voided, a card reader's
    Sales marked Failed). Not a sale booked, confirmed or scheduled (BOOKED_STATUSES: sold,
    still to be delivered), nor where the status is the client's (_CLIENT_STATUS_HEADER,
    _CLIENT_STATE). Returns the kinds and a note (or None)."""
    if "status" not in out or "kind" not in out:
        return kinds, None
    status = out["status"].astype(object)
    keys = {value: normalise_value(value) for value in status.dropna().unique()}
    if ((header is not None and _CLIENT_STATUS_HEADER.match(normalise_header(header)))
            or _CLIENT_STATE.intersection(keys.values())):
        return kinds, None
    said = status.map({value: None if key in BOOKED_STATUSES else order_status_kind(value)
                       for value, key in keys.items()})
    sales = (pd.Series(kinds, index=out.index).eq("purchase")
             & pd.Series(given, index=out.index).notna())
    undone = sales & said.isin(("cancellation", "contact"))
    # A sale marked refunded (Lydia Pro's "Paiement", "Remboursé") was a sale and its
    # refund, where no row of the sheet is a refund of its own (a card reader's "Refund"
    # row beside the sale it gives back: the money goes back once).
    listed_back = any(kind_named(normalise_value(cell)) == "refund"
                      for cell in {c for c in given if c is not None})
    given_back = sales & said.eq("refund") & ~listed_back
    if given_back.any():
        out["_refunded_order"] = column_or_blank(out, "_refunded_order").where(
            ~given_back, status.map(lambda v: "partial" if "partial" in normalise_value(v)
                                    else "full"))
    if not (undone | given_back).any():
        return kinds, None
    kinds = pd.Series(kinds, index=out.index).where(~(undone | given_back), said).tolist()
    notes = []
    if total := int(undone.sum()):
        notes.append(f"{counted(total, 'sale')} that did not go through by {its(total)} status "
                     f"({_most_said(status[undone].astype(str).value_counts())}) {was(total)} "
                     "read as what the status says (a cancellation, or a contact while unpaid "
                     "or pending), not as a purchase.")
    if back := int(given_back.sum()):
        notes.append(f"{counted(back, 'sale')} marked given back by {its(back)} status "
                     f"({_most_said(status[given_back].astype(str).value_counts())}) {was(back)} "
                     f"read as {'a sale and its refund' if back == 1 else 'sales and their refunds'}"
                     ", no row of the sheet being a refund of its own.")
    return kinds, " ".join(notes)


def _stage_sales(out: pd.DataFrame, kinds: list[str], itemised: bool) -> list[str]:
    """Rows whose stage is purchase ("Completed", "Customer") are won sales: each one on a
    list of items (projects, jobs), where two on different days make a repeat customer; on
    a log of a client's contacts, which repeats the stage it has reached on every row, the
    earliest only, and each later one with an amount of its own (a fee), the others a
    stage change."""
    sales = [i for i, kind in enumerate(kinds) if kind == STAGE_SALE]
    kinds = ["won" if kind == STAGE_SALE else kind for kind in kinds]
    if itemised or len(sales) < 2:
        return kinds
    who = next((out[c] for c in ("client_id", "name") if c in out), None)
    if who is None:
        return kinds
    rows = pd.DataFrame({"who": who.iloc[sales].map(name_key).to_numpy(),
                         "date": (out["date"].iloc[sales].astype(object).fillna("9999")
                                  .astype(str).to_numpy() if "date" in out else ""),
                         "at": sales})
    later = (rows.sort_values(["date", "at"]).duplicated("who").reindex(rows.index)
             & rows["who"].notna())
    if "amount" in out:
        later &= out["amount"].iloc[sales].isna().to_numpy()
    for at in rows.loc[later, "at"]:
        kinds[at] = "stage_change"
    return kinds


# The kinds a tag names where a column of tags says what happened (``TAG_HEADERS``). A tag
# of "refund" is a request, no money back: only these kinds are read.
_TAGGED_KINDS = ("complaint", "referral", "review")


def tagged_kind(cell) -> str | None:
    """The kind the first of a cell's tags names ("Billing, Complaint" -> complaint), of
    ``_TAGGED_KINDS`` only, or None."""
    if not isinstance(cell, str):
        return None
    return next((kind for tag in re.split(r"[,;|/]", cell)
                 if (kind := kind_named(normalise_header(tag))) in _TAGGED_KINDS), None)


# What a payments app calls the account's own money moving to or from its bank (Venmo's
# "Standard Transfer" and "Instant Transfer", Cash App's "Cash Out"), normalised: no
# client's event (plan leaves such rows out).
OWN_TRANSFERS = frozenset(normalise_value(word) for word in (
    "standard transfer", "instant transfer", "transfer to bank", "bank transfer out",
    "transfer to balance", "add funds", "cash out", "payout", "withdrawal", "merchant transfer"))


# What a payment provider calls its own charges to the account (Tazapay's
# "settlement_fee", a monthly fee), normalised: on a row naming no client, the business's
# cost, no client's event (plan leaves such rows out).
PROVIDER_FEES = frozenset(normalise_value(word) for word in (
    "fee", "fees", "settlement fee", "monthly fee", "processing fee", "platform fee",
    "account fee", "payout fee"))


def provider_fees(rows: pd.DataFrame, kinds: pd.Series) -> pd.Series:
    """Rows whose kind cell names the provider's own charge (``PROVIDER_FEES``), that name
    no client and take money out (or say no amount): a fee of more than 0 is money in, a
    member's "Monthly fee" whose name was left blank."""
    paid_in = (pd.to_numeric(rows["amount"], errors="coerce") > 0 if "amount" in rows
               else pd.Series(False, index=rows.index))
    return (values.per_distinct(kinds, normalise_value).isin(PROVIDER_FEES)
            & names_no_one(rows) & ~paid_in)


def own_money_moved(rows: pd.DataFrame, kinds: pd.Series) -> pd.Series:
    """Rows whose kind cell says the account's own money moved to or from its bank
    (``OWN_TRANSFERS``) and that name no client (Venmo's transfer has no other party): a
    client's "Withdrawal" from a course is theirs, money back to them."""
    return values.per_distinct(kinds, normalise_value).isin(OWN_TRANSFERS) & names_no_one(rows)


def names_no_one(rows: pd.DataFrame) -> pd.Series:
    """Rows with no client's ID, name, e-mail address or phone number (a sheet of phone
    numbers names its clients by them)."""
    return (is_blank(rows, "client_id") & is_blank(rows, "name") & is_blank(rows, "email")
            & is_blank(rows, "phone"))


# What a payments app calls money the account sent a person (Cash App's "Sent P2P") or
# spent with its card at a shop (Cash App's "Cash Card Debit"), normalised: a refund to a
# client who paid, else the business's own spending.
SENT_OUT = frozenset({"sentp2p", "paymentsent", "moneysent", "cashcarddebit", "cashcard"})


def paid_out_to_others(rows: pd.DataFrame, kinds: pd.Series) -> pd.Series:
    """Rows whose kind cell says the account sent money (``SENT_OUT``) to a person who paid
    it nothing on the sheet (Cash App's "Sent P2P" to a supplier): no client's event. Sent
    to a client who paid, the row stays a refund."""
    sent = values.per_distinct(kinds, normalise_value).isin(SENT_OUT)
    if not sent.any():
        return sent
    who = _whose(rows)
    payers = set(who[rows["kind"].eq("purchase")].dropna())
    return sent & ~who.isin(payers)


def _whose(rows: pd.DataFrame) -> pd.Series:
    """Each row's client as one text (its ID, else e-mail, else name; case ignored)."""
    who = pd.Series(None, index=rows.index, dtype=object)
    for column in ("client_id", "email", "name"):
        if column in rows:
            who = who.fillna(rows[column].astype(object).where(rows[column].notna())
                             .map(lambda cell: str(cell).strip().casefold(), na_action="ignore"))
    return who


# A bank statement's money columns that say from whose side money moved, the account
# holder's (normalised: money out, money in): Monzo's "Money Out" and "Money In". Not
# "Debit" and "Credit": on a customer's ledger a debit is a sale to them.
_ACCOUNT_HOLDERS_PAIRS = (("moneyout", "moneyin"), ("paidout", "paidin"),
                          ("withdrawn", "paidin"))


def spent_from_statement(rows: pd.DataFrame, frame: pd.DataFrame) -> tuple[pd.Series, str]:
    """Rows of a bank statement naming each line's other party (Monzo's "Name" beside "Money
    Out" and "Money In": ``_ACCOUNT_HOLDERS_PAIRS``) whose money went out, to someone who
    paid nothing in on the sheet (a card payment at Tesco): the business's own spending, no
    client's. Money out to one who paid in stays theirs (a refund). Returns the rows and the
    money-out header."""
    by_normal = {normalise_header(h): h for h in frame.columns}
    pair = next((p for p in _ACCOUNT_HOLDERS_PAIRS if set(p) <= set(by_normal)), None)
    if pair is None:
        return pd.Series(False, index=rows.index), ""
    out, into = (values.parse_money(frame[by_normal[side]])[0].reindex(rows.index)
                 for side in pair)
    went_out = out.fillna(0).ne(0) & into.fillna(0).eq(0)
    who = _whose(rows)
    payers = set(who[into.fillna(0).gt(0)].dropna())
    return went_out & who.notna() & ~who.isin(payers), by_normal[pair[0]]


# What a business's books call what it bought in or spent (Danish "Køb", German "Einkauf",
# "Purchase", "Expense", "Bill"), normalised: beside its sales in one type column, the
# business's own buying, no client's sale.
BOUGHT_IN = frozenset(normalise_value(word) for word in (
    "køb", "indkøb", "udgift", "udgifter", "kjøp", "innkjøp", "utgift", "köp", "inköp",
    "einkauf", "kauf", "ausgabe", "ausgaben", "aufwand", "compra", "compras", "gasto", "gastos",
    "achat", "achats", "dépense", "dépenses", "acquisto", "spesa", "spese", "inkoop",
    "aankoop", "uitgave", "uitgaven", "purchase", "purchases", "expense", "expenses", "bill",
    "bills", "cost", "costs", "supplier invoice", "purchase invoice"))
# What the same books call a sale (normalised): "Salg", "Sale", "Invoice", "Income". Not an
# order, a booking or a transaction: a shop's log of "Order" and "Purchase" is its
# customers' buying.
BOOKS_SALES = frozenset(normalise_value(word) for word in (
    "salg", "sale", "sales", "verkauf", "verkäufe", "venta", "ventas", "vente", "ventes",
    "vendita", "vendite", "verkoop", "venda", "vendas", "försäljning", "invoice",
    "invoices", "sales invoice", "faktura", "factura", "facture", "rechnung", "fattura",
    "factuur", "fatura", "income", "revenue", "indtægt", "einnahme", "ingreso", "ingresos",
    "recette", "recettes", "salesreceipt", "sales receipt"))


def bought_in_on_books(kinds: pd.Series, frame: pd.DataFrame) -> pd.Series:
    """Rows of a business's books (``kinds``: each row's type cell) that are its own buying
    (``BOUGHT_IN``: "Køb" of materials from Bauhaus): the type column also holds its sales
    (``BOOKS_SALES``: "Salg", "Sale", "Invoice"), or the row names a supplier (a
    ``PAYEE_HEADERS`` column of ``frame``: "Supplier"). A shop's events typed "Purchase"
    beside "Order", "Refund" or "Email" are its customers' purchases, not caught."""
    said = values.per_distinct(kinds, normalise_value)
    bought = said.isin(BOUGHT_IN)
    if not bought.any():
        return bought
    sold = said.isin(BOOKS_SALES).any()
    payee = next((h for h in frame.columns if normalise_header(h) in PAYEE_HEADERS), None)
    supplied = (pd.Series(False, index=kinds.index) if payee is None else
                values.parse_text(frame[payee], stripped=True)[0].reindex(kinds.index).notna())
    return bought & (sold | supplied)


def _paid_before(out: pd.DataFrame, kinds: list[str], amounts: pd.Series) -> pd.Series:
    """Whether each row's client paid on an earlier visit of the list (an earlier date, or
    an earlier row of the same day): a visit of 0 is then one of a class card or a pack
    bought before (Eversports' 10er-Karte), not a free one."""
    who = pd.Series(None, index=out.index, dtype=object)
    for column in ("client_id", "email", "name"):
        if column in out:
            who = who.fillna(out[column].astype(object).where(out[column].notna())
                             .map(lambda cell: str(cell).strip().casefold(), na_action="ignore"))
    day = (pd.to_datetime(out["date"], errors="coerce") if "date" in out
           else pd.Series(pd.NaT, index=out.index))
    paid = pd.Series(kinds, index=out.index).eq("purchase") & amounts.gt(0) & who.notna()
    first_paid = pd.DataFrame({"who": who, "day": day, "at": range(len(out))})[paid].groupby(
        "who").agg(day=("day", "min"), at=("at", "min"))
    earliest_day = who.map(first_paid["day"])
    earliest_at = who.map(first_paid["at"])
    at = pd.Series(range(len(out)), index=out.index)
    return (earliest_day.lt(day) | (earliest_day.eq(day) | earliest_day.isna() | day.isna())
            & earliest_at.lt(at)).fillna(False).astype(bool)


def free_orders_said(rows: pd.DataFrame, amount_header: str,
                     by_profile: bool = False) -> tuple[pd.DataFrame, list[str]]:
    """The orders of 0 that ``resolve_kinds`` kept as contacts, said of the rows kept (a
    test order rejected after is not counted): free ones, and those with more owed. After
    an export's profile's rules (``by_profile``), those still contacts; the profile may
    count its orders of 0 as purchases (Shopify counts a free replacement or a 100%-off
    order among its orders): said as such, of every purchase of 0 it kept (an order of
    several lines too, which ``resolve_kinds`` does not mark)."""
    if "_free_order" not in rows:
        return rows, []
    marked = rows["_free_order"]
    kind = rows["kind"] if "kind" in rows else pd.Series("contact", index=rows.index)
    said = marked[kind.eq("contact")].value_counts()
    notes = []
    for n, words in ((int(said.get("free", 0)), "{n} of 0 (free)"),
                     (int(said.get("unpaid", 0)), "{n} with nothing paid yet (0 in "
                                                  f"'{amount_header}', more owed)")):
        if n:
            notes.append(f"{words.format(n=counted(n, 'order'))} {was(n)} kept as "
                         + ("a contact, not a purchase." if n == 1 else
                            "contacts, not purchases."))
    if n := int(said.get("prepaid", 0)):
        notes.append(f"{counted(n, 'visit')} of 0 by "
                     f"{'a client who' if n == 1 else 'clients who'} paid on an earlier visit "
                     f"{was(n)} kept as {'a contact' if n == 1 else 'contacts'}: a visit of "
                     "what they bought before (a class card, a pack), neither free nor a "
                     "purchase of its own.")
    if by_profile and (n := int((kind.eq("purchase") & amounts_of(rows).eq(0)).sum())):
        notes.append(f"{counted(n, 'order')} of 0 (free: a replacement, a sample or 100% "
                     f"off) {was(n)} counted as {'a purchase' if n == 1 else 'purchases'}, "
                     "as the export counts them among its orders.")
    return rows.drop(columns="_free_order"), notes


def kind_named(key: str) -> str | None:
    """The event kind a normalised word names ("invoices" -> purchase), PAYMENT for a
    payment (resolve_kinds decides which), or None."""
    return (key if key in EVENT_KINDS else KIND_OF.get(key) or KIND_OF.get(key.rstrip("s"))
            or (PAYMENT if key in PAYMENT_WORDS else None))


def _names_sales(column: pd.Series) -> bool:
    """Whether most of a column's distinct values name a sale, a refund, a cancellation or
    a payment ("Sale", "Refund"; not "Email", "Printed")."""
    distinct = {normalise_value(v) for v in column.dropna().tolist() if str(v).strip()}
    known = [v for v in distinct
             if kind_named(v) in ("purchase", "refund", "cancellation", PAYMENT)]
    return bool(distinct) and 2 * len(known) >= len(distinct)


def _names_kinds(column: pd.Series) -> bool:
    """Whether most of a column's distinct values name an event kind, a payment or a stage
    ("Invoice", "Payment", "Refund", "Proposal sent")."""
    distinct = {normalise_value(v) for v in column.dropna().tolist() if str(v).strip()}
    codes = {v for v in distinct if _DOCUMENT_TYPE_CODE.fullmatch(v)}
    known = [v for v in distinct - (codes if codes != distinct else set())
             if kind_named(v) is not None or read_stage_value(v).stage is not None]
    return bool(distinct) and 2 * len(known) >= len(distinct)


# An Italian e-invoice's document type code ("TD01", "TD04"): a kind only in a column of
# such codes alone; beside other codes ("TD04", "DR01") a product's model.
_DOCUMENT_TYPE_CODE = re.compile(r"td\d\d")


def _names_event_kinds(column: pd.Series) -> bool:
    """Whether some of a column's values name an event kind, not only a stage."""
    return any(kind_named(normalise_value(v)) is not None
               for v in column.dropna().unique().tolist() if str(v).strip())


def _names_order_statuses(column: pd.Series) -> bool:
    """Whether most of a column's distinct values name what an order's status says
    (``ORDER_STATUS_KIND``: "Shipped", "Cancelled"; not "I", "O")."""
    distinct = {normalise_value(v) for v in column.dropna().tolist() if str(v).strip()}
    known = [v for v in distinct if v in ORDER_STATUS_KIND]
    return bool(distinct) and 2 * len(known) >= len(distinct)


def _numbered_labels(column: pd.Series) -> bool:
    """Whether a column holds one word numbered on every row ("Lead #1001", "Lead #1002"):
    a tool's default names for its records, no one's name. (The first 64 rows turn a
    column of names away: every row is read only where they pass.)"""
    return _labelled_alike(column.iloc[:64], fewest=0) and _labelled_alike(column, fewest=2)


def _labelled_alike(column: pd.Series, fewest: int) -> bool:
    """Whether every filled cell of ``column`` (at least ``fewest``) is one word and a
    number, the same word in each."""
    cells = column.dropna().astype(str).str.strip()
    cells = cells[cells.ne("")]
    label = cells.str.replace(r"[\d#/-]+", "", regex=True).str.strip().str.casefold()
    return (len(cells) >= fewest and bool(cells.str.contains(r"\d").all())
            and label.nunique() <= 1 and (label.empty or bool(label.iloc[0])))


def _names_stages(column: pd.Series) -> bool:
    """Whether most of a column's distinct values name a stage or an outcome."""
    distinct = {str(v) for v in column.dropna().tolist() if str(v).strip()}
    known = [v for v in distinct if read_stage_value(v).known]
    return bool(distinct) and 2 * len(known) >= len(distinct)


# A kind's noun where its name is no word ("read as NPS answers", not "npss").
_KIND_NOUNS = {"nps": "NPS answer"}


def _default_notes(plan, combos: list, decided: dict, default: str, named: str | None,
                   numbered: str | None, by_status: bool, settled: list[bool],
                   known_here: frozenset[str] = frozenset()) -> list[str]:
    """What the import says of the rows no column gave a kind: the sheet's name or its
    order numbers gave them one, or nothing did (an amount alone makes no purchase); and
    an order's status Journey does not know. (``settled``: rows their amount decided, 0
    or less than 0, which their own notes tell; ``known_here``: statuses this kind of
    sheet settles, a payment's "Approved" beside no invoice.)"""
    notes = []
    defaulted = sum(1 for combo, done in zip(combos, settled) if not done
                    and combo[0] is None and not any(combo[2:4])
                    and decided[combo][0] == default and combo[5] is None
                    and (combo[1] is None or by_status))
    if defaulted and "kind" not in plan.set_values:
        if named or numbered:
            why = (_called(plan.sheet, plan.file) if named else
                   f"its column '{numbered}' numbers them as orders"
                   if numbered in plan.mapping and plan.mapping[numbered] == "order_id" else
                   f"its column '{numbered}' gives the day each was bought"
                   if numbered in plan.mapping and plan.mapping[numbered] == "date" else
                   f"each has a date, a price and the work done or sold in '{numbered}'"
                   if plan.mapping.get(numbered) is None and numbered == work_column(
                       plan.mapping) else
                   f"each has a date, a price and the quantity sold in '{numbered}'"
                   if numbered == quantity_sold(plan.mapping) else
                   f"its column '{numbered}' gives the money given back on each"
                   if default == "refund" and plan.mapping.get(numbered) == "amount" else
                   f"its column '{numbered}' gives the money each paid"
                   if plan.mapping.get(numbered) == "amount" else
                   f"its column '{numbered}' names who sent each payment"
                   if match_key(numbered) in PAYMENT_SENDERS else
                   f"its column '{numbered}' says whether each was paid")
            noun = _KIND_NOUNS.get(default, default.replace("_", " "))
            read_as = (f"{'an' if noun[0] in 'aeiouN' else 'a'} {noun}" if defaulted == 1
                       else f"{noun}s")
            notes.append(f"{counted(defaulted, 'row')} with nothing saying what happened "
                         f"{was(defaulted)} read as {read_as}, because "
                         f"{why}; choose "
                         "another under 'Every row is' (--set kind=...) if that is wrong.")
        elif any(combo[0] is None for combo in combos) and "amount" in plan.mapping.values():
            notes.append(f"{counted(defaulted, 'row')} with nothing saying what happened "
                         f"{'was read as a contact' if defaulted == 1 else 'were read as contacts'}"
                         ": an amount alone makes no "
                         "purchase. If each row is "
                         "a sale, choose 'a purchase' under 'Every row is' (--set "
                         "kind=purchase).")
    if by_status:
        unknown = pd.Series([str(c[5]) for c, done in zip(combos, settled)
                             if not done and c[5] is not None and c[0] is None
                             and order_status_kind(c[5]) is None
                             and normalise_value(c[5]) not in known_here
                             and decided[c][0] == default and not any(c[2:4])],
                            dtype=object)
        if len(unknown):
            kind = default.replace('_', ' ')
            notes.append(f"{counted(len(unknown), 'row')} with a status Journey does not know "
                         f"({_most_said(unknown.value_counts())}) {was(len(unknown))} read as "
                         f"{'a ' + kind if len(unknown) == 1 else kind + 's'}, as the sheet's "
                         "rows are.")
    return notes


MOSTLY_KNOWN = 0.8


# A visit list's column naming what each visit was paid with (WellnessLiving's "Purchase
# Option", Mindbody's "Pricing Option"), and its words for a visit given, not bought.
_PAID_WITH = frozenset({"purchaseoption", "pricingoption", "paidwith", "passused", "pass",
                        "paymentoption"})
_GIVEN_FREE = re.compile("|".join(rf"(?<!\w){re.escape(word)}(?!\w)" for word in sorted(
    values.FREE_WORDS | values.TRIAL_WORDS, key=len, reverse=True)), re.IGNORECASE)


def _visits_given_free(frame: pd.DataFrame, kinds: list[str],
                       amounts: pd.Series) -> tuple[list[str], str] | None:
    """A kept visit paid with a free class or a trial ("Free Trial Class") was given, not
    bought: a contact, not a purchase; one with an amount above 0 was bought (a paid
    "Intro Trial"). The kinds changed and a note, or None."""
    header = next((h for h in frame.columns if normalise_header(h) in _PAID_WITH), None)
    if header is None:
        return None
    free = [kind == "purchase" and isinstance(cell, str) and bool(_GIVEN_FREE.search(cell))
            and not amount > 0
            for kind, cell, amount in zip(kinds, frame[header].tolist(), amounts.tolist())]
    if not any(free):
        return None
    n = sum(free)
    return (["contact" if given else kind for given, kind in zip(free, kinds)],
            f"{counted(n, 'visit')} kept but paid with a free class or a trial in "
            f"'{header}' {was(n)} read as {'a contact' if n == 1 else 'contacts'}, not sales.")


def _mostly_order_statuses(statuses: pd.Series) -> bool:
    """Whether a status column's values are mostly order statuses (``MOSTLY_KNOWN``)."""
    counts = statuses.value_counts()            # (each distinct status read once)
    known = sum(n for value, n in zip(counts.index, counts) if order_status_kind(value))
    return bool(len(counts)) and known >= MOSTLY_KNOWN * counts.sum()


# A column of what each row still owes ("Unpaid", "Balance Due", "Amount Outstanding": the
# words of ``values.OWED_WORDS``): beside it, an order of 0 paid is unpaid, not free.
_OWED_HEADER = re.compile(rf"^(?:amount|balance|total)?(?:{'|'.join(sorted(values.OWED_WORDS))})"
                          r"(?:amount|balance|total)?$|^(?:open)?balance(?:due)?$")


def _owed(frame: pd.DataFrame, mapping: dict[str, str | None]) -> pd.Series:
    """What each row still owes, from a column no field holds that says so
    (``_OWED_HEADER``); 0 where none does."""
    header = next((h for h, f in mapping.items()
                   if not f and _OWED_HEADER.match(normalise_header(h))), None)
    if header is None:
        return pd.Series(0.0, index=frame.index)
    return values.parse_money(frame[header])[0].fillna(0)
_ORDER_WORD = re.compile(r"order|bestel|commande|pedido|ordine|encomenda")
# A header naming an order itself ("Order ID", "Bestellnummer", "Nº Pedido"), not one it
# answers ("Purchase order", "PO number"): the rows are a shop's orders.
_ORDER_HEADER = re.compile(r"^(?:n|no|nr|num|numero|numerode)?"
                           r"(?:order|bestel|commande|pedido|ordine|encomenda)")
_WORK_WORD = re.compile(r"work|job|repair|service|ticket|task|project|auftrag")
# Words of a header or a sheet's or file's name that say its rows are support tickets (in
# English, Portuguese and Spanish: "Chamado", "Protocolo", "Assunto", "Incidencia").
_TICKET_WORDS = frozenset("ticket tickets chamado chamados protocolo assunto asunto "
                          "incidencia incidencias prioridade prioridad suporte soporte "
                          "support helpdesk".split())


def _shop_orders(plan, columns_for: dict[str, list[str]], statuses: pd.Series,
                 headers) -> bool:
    """Whether a sheet's rows are a shop's orders, not work orders or jobs, whose statuses
    are the order's alone: its name, its file's or its order number's header says so
    ("orders.csv", "orderNumber"); or, whatever they are called, its statuses say some
    orders were served or delivered (``ORDER_DELIVERED``: Bling's "Atendido", "Entregado")
    on rows of a client and an amount, on a sheet no header or name says is of quotes or
    tickets. Where some statuses say paid ("Paid"), an order "in progress" is work not yet
    paid for (a printer's Quote sent, In progress, Paid); where only some say unpaid
    (Bling's "Em aberto" beside "Em andamento"), the unpaid are told apart from it. A list
    whose statuses name quotes ("Quote sent") is work priced, then done: not a shop's."""
    said = [normalise_header(name) for name in (plan.sheet, plan.file or "",
                                                *columns_for.get("order_id", []))]
    distinct = {normalise_value(value) for value in statuses.dropna().unique()}
    return ((any(_ORDER_WORD.search(name) for name in said)
             or _delivers_orders(plan, columns_for, statuses, headers))
            and not any(_WORK_WORD.search(name) for name in said)
            and not distinct & (PAYMENT_STATUSES - UNPAID_STATUSES)
            and not any(QUOTE_WORDS.intersection(_words(str(value).lower()))
                        for value in statuses.dropna().unique()))


def _delivers_orders(plan, columns_for: dict[str, list[str]], statuses: pd.Series,
                     headers) -> bool:
    """Whether a status column is a shop's order list's by its values, whatever the sheet
    is called: mostly order statuses (``MOSTLY_KNOWN``, an order in hand such as "En
    preparación" among them), some saying an order was served or delivered
    (``ORDER_DELIVERED``: Bling's "Atendido", "Entregado"; English "Delivered" on rows of
    goods, ``GOODS_DELIVERED``), on rows of a client and an amount, on a sheet no header or
    name says is of quotes or support tickets."""
    keys = values.per_distinct(statuses.dropna(), order_status_key)
    known = keys.isin(ORDER_IN_HAND) | values.per_distinct(
        statuses.dropna(), lambda value: order_status_kind(value) is not None).astype(bool)
    delivered = keys.isin(ORDER_DELIVERED).any() or (
        keys.isin(GOODS_DELIVERED).any() and _sells_goods(headers))
    return (bool(len(keys)) and known.mean() >= MOSTLY_KNOWN
            and delivered and "amount" in columns_for
            and any(f in columns_for for f in ("client_id", "name", "email"))
            and not any(word in QUOTE_WORDS | _TICKET_WORDS
                        for text in (*headers, plan.sheet, plan.file or "")
                        for word in _words(str(text or "").lower())))


# Headers of the goods an order line sells (normalised): beside them, "Delivered" is a
# shop's order's; not beside a job's, a project's or a service's (``_WORK_WORD``).
_GOODS_HEADERS = frozenset({"item", "items", "itemname", "product", "products", "productname",
                            "sku", "lineitemname", "variant"})


# A header of what goods cost the business ("Cost", "Unit cost", "Total cost").
_COST_HEADER = re.compile(r"^(?:total|unit|line)?costs?$")


def _sells_goods(headers) -> bool:
    """Whether a sheet's rows are goods sold: a header names the item or product, none a
    job, a project, a service or work."""
    keys = [normalise_header(header) for header in headers]
    return (any(key in _GOODS_HEADERS for key in keys)
            and not any(_WORK_WORD.search(key) for key in keys))


_SALE_PRICE = frozenset(normalise_header(h) for h in SALE_PRICES + SALE_PRICES_ELSEWHERE)
_COMMISSION = frozenset(normalise_header(h) for h in COMMISSION_HEADERS)


def _payment_statuses(column: pd.Series) -> bool:
    """Whether every value of a column is a payment's status (``PAYMENT_STATUSES``: Paid,
    Refunded, Unpaid), as a booking list's "Payment" is; payment terms (Net 30, On
    receipt) never are."""
    said = {normalise_value(value) for value in column.dropna().astype(str).unique()
            if value.strip()}
    return bool(said) and said <= PAYMENT_STATUSES


def _speaks_of_payment(statuses: pd.Series) -> bool:
    """Whether a status column is an order list's: its values mostly order statuses
    (``MOSTLY_KNOWN``), one of them a payment's ("paid", "refunded"). A task list's
    Completed, Pending and Cancelled say nothing of payment."""
    counts = statuses.value_counts()            # (each distinct status read once)
    return (_mostly_order_statuses(statuses)
            and any(order_status_key(value) in PAYMENT_STATUSES
                    or normalise_value(said_first(value)) in PAYMENT_STATUSES
                    or _paid_after(value) for value in counts.index))


def _paid_after(value: object) -> bool:
    """Whether a status's later part is a payment's ("Done - paid")."""
    return any(normalise_value(part) in PAYMENT_STATUSES for part in said_parts(value)[1:])


# A visit's statuses: one not kept (no task is a no-show), and one done, which beside it is
# a visit kept (SevenRooms' reservations: Complete, No Show, Canceled, Booked).
_NO_SHOW_STATES = frozenset(normalise_value(w) for w in ("no show", "noshow", "no-show",
                                                         "did not arrive", "did not attend"))
_DONE_STATES = frozenset(normalise_value(w) for w in ("complete", "completed"))


def _kept_or_missed(raw: RawSheet, mapping: dict[str, str | None]) -> bool:
    """Whether a status column says which visits were kept or missed (Attended, No-show:
    ``VISIT_KEPT``, ``_NO_SHOW_STATES``): each row is then what happened at its start
    time (a salon's appointment paid on the day), not on the day it was booked."""
    said = {normalise_value(value) for header, field in mapping.items() if field == "status"
            for value in raw.frame[header].dropna().unique()}
    return bool(said & (VISIT_KEPT | _NO_SHOW_STATES))


def _speaks_of_visits(statuses: pd.Series, priced: bool = False) -> bool:
    """Whether a status column is a list of visits': its values mostly order statuses
    (``MOSTLY_KNOWN``: attended, no show, late cancel, booked), one of them a visit kept
    (``journey.stages.VISIT_KEPT``). "Completed" only beside a no-show on a sheet that
    prices each visit (``priced``: SevenRooms' "Check Total"): a sales call or a task is
    completed too, but never missed so; and a reservations list without money leaves the
    sales to the till's payments."""
    said = {normalise_value(value) for value in statuses.dropna().unique()}
    return (_mostly_order_statuses(statuses)
            and (bool(said & VISIT_KEPT)
                 or priced and bool(said & _NO_SHOW_STATES) and bool(said & _DONE_STATES)))


def _called(sheet: str, file: str | None) -> str:
    """Whose name gave a sheet's rows their kind (``_sheet_word``), as written: "the sheet
    is called 'Payments'", "the file is called 'gift_cards.csv'" (a CSV's one sheet is its
    file)."""
    stem = Path(file or "").stem
    if _kind_word(_words(sheet)) and sheet != stem:
        return f"the sheet is called '{sheet}'"
    return f"the file is called '{file or sheet}'"


def _sheet_word(sheet: str, file: str = "") -> str | None:
    """The word of a sheet's name that names an event kind ("Returns", "Rückgaben" read
    without accents), else of its file's name, or None. A sheet whose name says its rows
    are people takes no kind from it or its file ("Leads" in leads-and-sales.xlsx, "sales
    leads")."""
    if _names_people(sheet):
        return None
    for name in (sheet, file):
        if found := _kind_word(_words(name)):
            return found
    return None


# Words beside "Payments" in a sheet's name that say they are not clients' payments come
# in: paid out by the business ("Supplier Payments", "Payments to staff") or still owed
# ("Payments Due", "Payment Reminders", "Payment Plan").
_NOT_PAID_IN = values.OWED_WORDS | frozenset(
    "supplier suppliers vendor vendors contractor contractors staff wages salary salaries "
    "payroll rent expense expenses outgoing out made sent tax taxes vat "
    "late missed failed upcoming expected "
    "forecast reminder reminders schedule scheduled plan plans terms method methods".split())


# Words after "gift cards" saying the cards were spent or are held, not sold.
_SPENT = frozenset("redeemed redemption redemptions used spent usage balance balances "
                   "outstanding liability".split())


# Words after "lost" naming things mislaid, not deals lost ("Lost property", "Lost and
# found", "Lost items").
_MISLAID = frozenset("property found and items item".split())


# Words of a sheet's or file's name saying its money went out: a supplier's, an expense's,
# a cost's ("Equipment rental costs": what the business hired, not hires it sold).
MONEY_OUT_NAMES = frozenset(
    "expense expenses outgoing outgoings payable payables cost costs gastos depenses ausgaben "
    "spese despesas uitgaven".split())


def _kind_word(words: list[str]) -> str | None:
    """The first word of a name naming an event kind, or two words that do as one ("gift
    cards") unless a kind word follows them ("Gift Card Refunds": refunds) or a word
    saying they were spent ("Gift Cards Redeemed": ``_SPENT``, no kind). A payments word
    only where no other word says the payments go out or are still owed (``_NOT_PAID_IN``);
    "lost" not of things mislaid ("Lost property": ``_MISLAID``). A name that is only
    "Paid" (``_PAID_NAMES``) is payments; one saying its money went out (``MONEY_OUT_NAMES``:
    "Equipment rental costs") names no kind. "Stays" only where nothing else does
    (``_STAY_WORDS``)."""
    if tuple(words) in _PAID_NAMES:
        return "payments"
    if MONEY_OUT_NAMES.intersection(words):
        return None
    for i, word in enumerate(words):
        if word == "lost" and _MISLAID.intersection(words[i + 1:i + 2]):
            continue
        pair = "".join(words[i:i + 2])
        if i + 1 < len(words) and pair in SHEET_KIND_OF and not _SPENT.intersection(
                words[i + 2:]) and (i + 2 == len(words) or words[i + 2] not in SHEET_KIND_OF):
            return pair
        if word in SHEET_KIND_OF and word not in _STAY_WORDS and not (
                word in PAYMENT_WORDS and _NOT_PAID_IN.intersection(words)):
            return word
    return next((word for i, word in enumerate(words) if word in _STAY_WORDS
                 and words[i + 1:i + 2] != ["in"]), None)


# A host's "Stays": sales, where no other word of the name names a kind ("Stay reviews":
# reviews) and not "stay in" ("Stay in touch log": contacts kept up, not stays sold).
_STAY_WORDS = frozenset({"stay", "stays"})


# Words of a sheet's name that say its rows are people, one each (English, Spanish, French,
# German, Portuguese, Italian, Dutch).
_PEOPLE_WORDS = frozenset(
    "lead leads prospect prospects enquiries inquiries enquiry inquiry contacts clients "
    "customers members subscribers patients students people "
    "clientes prospectos contactos socios adherents membres "
    "kunden interessenten kontakte mitglieder contatos membros "
    "clienti contatti iscritti soci membri klanten relaties contacten leden".split())


def names_sales(sheet: str) -> bool:
    """Whether a sheet's name says its rows are sales ("Sales", "Invoices", "Orders"; not
    "Payments", which may pay them)."""
    return KIND_OF.get(_sheet_word(sheet) or "") == "purchase"


def _names_people(sheet: str) -> bool:
    """Whether a sheet's name says its rows are people ("Leads", "Sales leads"; not
    "Customer orders")."""
    return any(word in _PEOPLE_WORDS for word in _words(sheet))


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z]+", without_accents(name))


UNKNOWN_KIND = "?"          # (resolve_kinds: a kind cell Journey does not know)
PAYMENT = "payment"         # (resolve_kinds: a purchase, or the paying of an invoice)


def check_stage_target(value: str, target: str) -> str:
    target = target.strip().casefold()
    if target not in ALL_STAGES and target not in OUTCOMES and target != "ignore":
        raise ValidationError(
            f"--stage-map {value}={target}: '{target}' is not a stage; use one of "
            f"{', '.join(ALL_STAGES)}, {', '.join(OUTCOMES)} or ignore.")
    return target


# Stage values an export's profile decided: a won or lost deal by the export's own stage
# ids (Bitrix24's "Сделка провалена", "C6:LOSE"), understood at import (plan.py), so not
# waiting to be mapped.
_DECIDED_BY_PROFILE = (
    "SELECT e.stage_raw FROM events e JOIN imports i ON i.id = e.import_id "
    "WHERE i.recognised_as IS NOT NULL AND e.kind IN ('won', 'lost') "
    "AND e.stage_raw IS NOT NULL")


def pending_stage_values(db: Database) -> dict[str, int]:
    """Stage values in the workspace that no alias, mapping or export profile understands
    yet: the values the imports listed as waiting, and no others; those on most rows
    first (the pages list the first few)."""
    mapping = stage_mapping(db)
    counts: dict[str, int] = {}
    for table in ("clients", "events"):
        decided = f" AND stage_raw NOT IN ({_DECIDED_BY_PROFILE})" if table == "events" else ""
        for raw, count in db.execute(
                f"SELECT stage_raw, COUNT(*) FROM {table} WHERE stage IS NULL AND "
                f"stage_raw IS NOT NULL{decided} GROUP BY stage_raw").fetchall():
            if not read_stage_value(raw, mapping).known:
                counts[raw] = counts.get(raw, 0) + count
    return dict(sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))))

