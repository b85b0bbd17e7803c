"""The stage model: five journey stages, an optional pre-awareness stage, three phases,
the aliases that spreadsheets use, and the furthest-stage rule.

Stages are stored by name; ``RANK`` orders them. Outcomes (lost, churned, cancelled)
are not stages: they say where a client left, never lower how far they got.
"""

from __future__ import annotations

import functools
import re

from dataclasses import dataclass

from .text import match_key

PRE_AWARENESS = "pre-awareness"
STAGES = ("awareness", "consideration", "purchase", "retention", "advocacy")
ALL_STAGES = (PRE_AWARENESS, *STAGES)
RANK = {stage: rank for rank, stage in enumerate(ALL_STAGES)}
LABELS = {stage: stage.replace("-", " ").capitalize().replace("Pre awareness", "Pre-awareness")
          for stage in ALL_STAGES}

PHASES = {
    "pre-purchase": (PRE_AWARENESS, "awareness", "consideration"),
    "purchase": ("purchase",),
    "post-purchase": ("retention", "advocacy"),
}
PHASE_OF = {stage: phase for phase, members in PHASES.items() for stage in members}

OUTCOMES = ("lost", "churned", "cancelled")

# Swedish, Danish, Norwegian and Finnish "finished", read by the column they sit in: a
# client's work done in a stage column (as "completed"), an order or a job done in its
# status; beside "Aktiv" in a client list's status, a client who has left (``ended_words``).
FINISHED_WORDS = "avslutad, afsluttet, avsluttet, valmis"
FINISHED = frozenset(match_key(word) for word in FINISHED_WORDS.split(","))
# "Closed" in a deal pipeline, in German, French, Spanish, Dutch and Italian, and the Nordic
# "finished": beside won and lost words a deal closed, won or lost (no stage alias).
CLOSED_DEAL = FINISHED | frozenset(match_key(word) for word in (
    "abgeschlossen", "clôturé", "clôturée", "cerrado", "cerrada", "afgesloten", "chiuso",
    "chiusa"))
# ... and "in progress" (a deal's stage: consideration; a job's status: not done yet), in
# the Nordic languages, German, Dutch, Portuguese, Spanish, Italian, Polish and French.
IN_PROGRESS_WORDS = ("pågående, igangværende, pågår, käynnissä, in bearbeitung, in arbeit, "
                     "in behandeling, in uitvoering, em andamento, en proceso, in lavorazione, "
                     "w toku, en cours de traitement, en traitement, en cours de réalisation")
# "Ongoing" in Spanish, Italian, French and Polish: on a client list a client still active
# (ACTIVE_WORDS), beside won and lost a deal still open, on a job list a job not done yet.
ONGOING_WORDS = ("en curso", "in corso", "en cours", "w trakcie")
# "Open" in English, German, French, Spanish, Portuguese, Italian, Dutch, the Nordic
# languages and Finnish, and the words for ongoing: beside a won or lost deal, a deal still open
# (rules.deals._open_deals), else as ACTIVE_WORDS say.
OPEN_WORDS = ("open", "ongoing", "offen", "ouvert", "ouverte", "abierto", "abierta", "aberto",
              "aberta", "aperto", "aperta", "lopend", "öppen", "åpen", "åben", "avoin",
              *ONGOING_WORDS)
# The Swedish, Danish and Norwegian "done" (as "Completed"): a client's work done on a
# client list (purchase), a job done on a job list. Not "finished" (FINISHED_WORDS).
DONE_WORDS = "klar, färdig, ferdig, færdig, utförd, utført, udført"

# Normalised value -> stage. Keys are compared after ``normalise_value``. Each list has the
# English words, then Spanish, French, German and Portuguese ones, then Italian and Dutch.
STAGE_ALIASES: dict[str, str] = {}
# An owner's own words for a step, in a status cell ("paid in full") or as a tick column's
# header ("Left a review": ✓): read by the stage aliases below and by TICK_STEPS.
OWNERS_STEP_WORDS = {
    "purchase": "paid in full, fully paid, paid up, deposit taken, deposit received, "
                "deposit paid, paid deposit, invoice paid, payment received, balance paid, "
                "paid balance, final payment, final payment received, booked and paid, "
                "booked paid, confirmed and paid",
    "advocacy": "left a review, left review, review left, gave a review, wrote a review, "
                "wrote review, left a testimonial, gave testimonial, referred a friend, "
                "referred someone, referred others, made referral, made a referral, "
                "gave referral, recommended us",
}
# A job's, an order's or a client's work billed ("Invoiced"), in English, Spanish, French,
# German, Portuguese, Italian, Dutch and Nordic: a purchase (a stage word, an order's
# status), where nothing else says what was paid (``BILLED_STATUSES``).
BILLED_WORDS = ("invoiced, facturado, facturada, facture, facturee, fakturiert, "
                "in rechnung gestellt, faturado, faturada, fatturato, fatturata, gefactureerd, "
                "fakturerad, faktureret, fakturert")
# A quote or an estimate given, not yet taken up: a client considering (a stage word, an
# order's or a booking's status with nothing paid).
QUOTE_GIVEN_WORDS = ("quote, quoted, quote sent, sent quote, quote given, quote emailed, "
                     "quotation, quotation sent, quotation given, estimate, estimate sent, "
                     "sent estimate, estimate given, proposal, proposal sent, "
                     "offer sent, sent offer, offer made")     # (Teamleader's "Offer sent")
# Words of a header, a sheet's name or a job's own cell ("Quote for safe", "Devis
# toiture") that say its rows, or the row, are quotes or estimates (lower case, unaccented).
QUOTE_WORDS = frozenset(
    "quote quotes quotation quotations estimate estimates devis presupuesto presupuestos "
    "cotizacion cotizaciones angebot angebote orcamento orcamentos preventivo preventivi "
    "offerte offertes".split())
# A service business's own words for its work done: the wedding or the event held, the
# shoot taken, the photos or the project handed over (a celebrant's, a photographer's, a
# planner's client tracker, "Enquiry, Booked, Event held"; a freelancer's board). The
# service was delivered: a purchase made and kept, as a stage word and as a job's status.
SERVICE_DONE_WORDS = ("event held, event done, event complete, event completed, event finished, "
                      "event over, wedding held, wedding done, wedding complete, "
                      "wedding completed, ceremony held, ceremony done, ceremony complete, "
                      "ceremony completed, ceremony performed, shoot done, shoot complete, "
                      "shoot completed, shoot finished, photographed, gallery delivered, "
                      "gallery sent, photos delivered, images delivered, album delivered, "
                      "video delivered, film delivered, files delivered, post event, "
                      "post wedding, "
                      # (a freelancer's or an agency's project handed over)
                      "project complete, project completed, project done, project delivered, "
                      "completed project, project finished")
# "Married" and "Delivered" alone say the same on a client list (the couple married, the
# gallery delivered), unless the statuses beside them are a person's marital status
# (Single, Divorced) or a message's (a mailing's recipients: Opened, Bounced):
# word -> the statuses that make it something else (understand.service_done_words).
SERVICE_DONE_UNLESS = {
    match_key(word): frozenset(match_key(other) for other in others.split(", "))
    for word, others in (
        ("married", "single, divorced, widowed, widow, widower, separated, de facto, "
                    "civil partnership, domestic partnership"),
        ("delivered", "sent, queued, opened, clicked, read, bounced, soft bounce, "
                      "hard bounce, undelivered, not delivered, delivery failed, failed, "
                      "deferred, dropped, spam, spam report, unsubscribed"))}
_ALIAS_WORDS = {
    PRE_AWARENESS: "pre-awareness, preawareness, unaware, target, suspect, audience",
    "awareness": "awareness, aware, lead, leads, new lead, new leads, prospect, prospects, "
                 "prospecting, subscriber, "
                 # (a mailing tool's profile never opted in: Klaviyo's NEVER_SUBSCRIBED)
                 "never subscribed, "
                 "visitor, contacted, inquiry, enquiry, new, raw lead, marketing lead, "
                 # a lead's temperature: a cold one is known, a warm or hot one considering
                 "cold, cold lead, new enquiry, new inquiry, not contacted, open not contacted, "
                 "attempted to contact, attempting contact, contact in future, working contacted, "
                 "potential customer, potential client, potential, "
                 "nueva consulta, nouvelle demande, neue anfrage, nova consulta, "
                 "premier contact, primer contacto, primeiro contato, erstkontakt, "
                 "nuevo, prospecto, contactado, consulta, nouveau, contacte, demande, neu, "
                 "interessent, kontaktiert, anfrage, novo, contatado, "
                 "nuovo contatto, nuova richiesta, primo contatto, potenziale cliente, nuovo, "
                 "contattato, richiesta, da contattare, non contattato, nieuwe lead, "
                 "nieuwe aanvraag, eerste contact, potentiele klant, nieuw, gecontacteerd, "
                 "benaderd, aanvraag, niet gecontacteerd, "
                 "sem contato, contato feito, "     # (RD Station CRM's first stages)
                 "contato, "                        # (Agendor's first stage)
                 # then Nordic, Polish, Finnish, Czech, Turkish, Russian and Ukrainian
                 # (amoCRM's first stages), Greek and Indonesian
                 "prospekt, potentiell kund, potentiel kunde, mulig kunde, "
                 "potencjalny klient, liidi, prospekti, potencialni zakaznik, "
                 "potansiyel müşteri, неразобранное, первичный контакт, новый лид, "
                 "первинний контакт, новий лід, υποψηφιος, υποψηφιος πελατης, prospek, "
                 "calon pelanggan, ny lead, nytt lead, nyt lead, ny, "
                 "lead in, leads in, "             # (Pipedrive's first stage)
                 # (Kommo's first stages, amoCRM's in English)
                 "incoming leads, incoming lead, initial contact",
    "consideration": "consideration, considering, engaging, engaged, evaluation, evaluating, "
                     "qualified, qualification, qualify, qualifying, mql, sql, opportunity, opportunities, "
                     "marketing qualified lead, sales qualified lead, sales accepted lead, "
                     "qualified lead, pre qualified, "
                     # a Salesforce lead converted becomes an opportunity, not yet a sale
                     "closed converted, "
                     "hot, warm, hot lead, warm lead, discovery call, consultation, consult, "
                     "trial booked, trial class booked, trial session booked, "
                     "consultation booked, call booked, trial session, trial class, "
                     "follow up, followed up, booked, booked in, booking confirmed, "
                     "presupuesto enviado, devis envoye, angebot verschickt, angebot gesendet, "
                     "orcamento enviado, relance, lead qualificado, lead calificado, "
                     "lead qualifie, proposition envoyee, propuesta enviada, "
                     "proposta enviada, signature, "
                     "proposal, proposals, presentation, demo scheduled, demo booked, "
                     # a CRM's default pipeline: Pipedrive's (after Lead In or Qualified,
                     # so a contact made there is a deal being worked), Salesforce's, HubSpot's
                     "contact made, made contact, needs defined, proposal made, "
                     "proposal presented, negotiations started, negotiation started, "
                     "negotiations, in negotiation, meeting scheduled, meeting booked, "
                     "meeting arranged, needs analysis, value proposition, id decision makers, "
                     "perception analysis, appointment scheduled, qualified to buy, "
                     # (GoHighLevel's pipeline: the lead has a meeting booked with us)
                     "appointment booked, appointment set, "
                     "presentation scheduled, decision maker bought in, "
                     "demo done, contract sent, pitched, pitch sent, "
                     # a hand-kept pipeline's own words, in the order people say them
                     "sent proposal, sent quote, sent contract, sent estimate, "
                     "first call booked, first call, thinking about it, thinking it over, "
                     + QUOTE_GIVEN_WORDS + ", "
                     "negotiation, negotiating, demo, trial, en negociation, "
                     # (a SaaS account on its free trial: Baremetrics', Outseta's "Trialing")
                     "trialing, trialling, in trial, on trial, free trial, "
                     # (a bride's make-up trial, a class's taster, taken without the rest)
                     "trial only, taster only, "
                     "interested, meeting, discovery, in progress, pending, "
                     + IN_PROGRESS_WORDS + ", "
                     "calificado, cualificado, propuesta, cotizacion, presupuesto, "
                     "negociacion, demostracion, interesado, reunion, en progreso, qualifie, "
                     "proposition, devis, negociation, essai, interesse, rendez vous, "
                     "qualifiziert, angebot, verhandlung, interessiert, termin, "
                     "qualificado, proposta, orcamento, negociacao, "
                     "interessado, reuniao, "
                     "qualificato, lead qualificato, preventivo, preventivo inviato, offerta, "
                     "offerta inviata, proposta inviata, trattativa, in trattativa, negoziazione, "
                     "interessato, incontro, appuntamento, dimostrazione, prova, gekwalificeerd, "
                     "offerte, offerte verstuurd, offerte verzonden, voorstel, voorstel verstuurd, "
                     "onderhandeling, in onderhandeling, geinteresseerd, afspraak, "
                     "afspraak gepland, proefperiode, "
                     "identificacao do interesse, apresentacao, fechamento, "
                     "envio de proposta, "     # (Agendor's: a proposal being sent)
                     "förhandling, offert skickad, forhandling, tilbud sendt, negocjacje, "
                     "kvalificerad, kvalificeret, kvalifisert, möte bokat, møde booket, "
                     "møte booket, demo bokad, offert, tilbud, "
                     "oferta wysłana, neuvottelu, tarjous lähetetty, tarjous, jednani, "
                     "nabidka odeslana, görüşme, teklif gönderildi, переговоры, "
                     "принимают решение, согласование договора, "
                     # (Kommo's stages: amoCRM's above, in English)
                     "discussions, decision making, contract discussion, "
                     "коммерческое предложение, переговори, ухвалюють рішення, "
                     "приймають рішення, узгодження договору, комерційна пропозиція, "
                     "διαπραγματευση, προσφορα, negosiasi, penawaran",
    "purchase": "purchase, purchased, conversion, converted, won, closed won, closedwon, "
                "customer, sale, sold, buyer, paid, joined, onboarded, onboarding, client, "
                "signed, deal won, first purchase, current customer, completed, complete, "
                "finished, "        # (a package or a course finished: bought, as completed)
                "retainer paid, proposal signed, contract signed, job, booked job, "
                "auftrag erteilt, beauftragt, neukunde, ganada, gagnee, ganha, "
                "ganado, cerrado ganado, venta, vendido, vendida, cliente, comprado, firmado, gagne, "
                "affaire gagnee, fechado ganho, "
                "vendu, signe, gewonnen, verkauft, kunde, unterschrieben, ganho, assinado, "
                "acquistato, venduto, vinto, vinta, chiuso vinto, trattativa vinta, firmato, "
                "contratto firmato, nuovo cliente, cliente acquisito, convertito, klant, verkocht, "
                "deal gewonnen, getekend, ondertekend, gekocht, nieuwe klant, contract getekend, "
                # a service business's client whose work is done (not one who left)
                "past client, past customer, previous client, previous customer, "
                # a client now (a freelancer's board: Notion's "Active client"), as a
                # current customer
                "active client, current client, ongoing client, "
                + FINISHED_WORDS + ", "      # (the Nordic "finished": work done)
                + DONE_WORDS + ", "          # (the Nordic "done", as "completed")
                "kund, klient, asiakas, zakaznik, müşteri, клиент, клієнт, πελατης, "
                "pelanggan, vunnen, vundet, vunnet, voitettu, успешно реализовано, сделка успешна, "
                "успішно реалізовано, "
                + OWNERS_STEP_WORDS["purchase"] + ", " + BILLED_WORDS + ", "
                + SERVICE_DONE_WORDS,
    "retention": "retention, retained, repeat, repeat customer, customer - repeat, "
                 "client - repeat, loyal, stayed, renewal, "
                 "renewed, returning, existing, active customer, recurring, "
                 "repeat client, regular, regular client, regular customer, returning client, "
                 "cliente habitual, cliente recurrente, cliente fiel, client fidele, "
                 "client regulier, habitue, "
                 "recurrente, renovado, fiel, fidele, renouvele, recurrent, stammkunde, "
                 "wiederkehrend, recorrente, "
                 "cliente abituale, cliente fedele, cliente ricorrente, abituale, fedele, "
                 "ricorrente, rinnovato, fidelizzato, vaste klant, terugkerende klant, "
                 "trouwe klant, terugkerend, trouw, verlengd, "
                 "stamkund, fast kunde, stały klient, kanta asiakas, stály zakaznik, "
                 "sadık müşteri, постоянный клиент, постійний клієнт, μονιμος πελατης, "
                 "pelanggan tetap",
    "advocacy": "advocacy, promoter, referral, referrer, advocate, evangelist, ambassador, "
                "fan, champion, reviewer, promotor, embajador, prescripteur, ambassadeur, "
                "promoteur, botschafter, embaixador, "
                "promotore, ambasciatore, sostenitore, aanbeveler, "
                + OWNERS_STEP_WORDS["advocacy"],
}
# A mailing list's subscriber no longer reachable (Kit's, Mailchimp's statuses): lost as
# a lead; one who spent with the business is still a customer, not one who left.
LIST_UNREACHABLE = "unsubscribed, bounced, complained, cleaned"
OUTCOME_ALIASES = {
    "lost": "lost, closed lost, closedlost, deal lost, lost deal, rejected, disqualified, "
            "unqualified, dead, no deal, declined, perdido, cerrado perdido, rechazado, "
            "said no, not interested, no interest, gone quiet, went quiet, ghosted, no response, "
            "no reply, no answer, not proceeding, not going ahead, went elsewhere, "
            # a mailing list's subscriber no longer reachable, who never bought there
            # (Kit's, Mailchimp's): a lead lost, not a customer who left
            + LIST_UNREACHABLE + ", "
            "closed not converted, not converted, junk lead, junk, lost lead, lead lost, "
            "lost prospect, prospect lost, not qualified, "
            # a lead's reason ("Lost interest", "Lost contact": lost touch)
            "lost interest, lost contact, lost touch, lost to competitor, lost to a competitor, "
            "bad fit, no contesta, sin respuesta, no interesado, sin interes, sans suite, "
            "pas interesse, pas de reponse, kein interesse, keine antwort, abgesprungen, "
            "perdida, perdue, abandoned, "
            "descartado, perdu, rejete, verloren, abgelehnt, rejeitado, recusado, "
            "perso, persa, chiuso perso, trattativa persa, rifiutato, rifiutata, non interessato, "
            "nessuna risposta, non risponde, scartato, squalificato, afgewezen, "
            "niet geinteresseerd, geen interesse, geen reactie, afgevallen, gediskwalificeerd, "
            "deal verloren, "
            "förlorad, tabt, tapt, przegrana, menetetty, ztraceno, kaybedildi, "
            "закрыто и не реализовано, сделка провалена, закрито і не реалізовано",
    "churned": "churned, churn, left, inactive, lapsed, expired, cancelled customer, former, "
               "ended, retainer ended, "
               "former member, former patron, ex customer, former customer, "
               "former client, ex client, lapsed client, lapsed customer, lapsed member, "
               # a contact book's label for a client who left ("Client - lost")
               "client lost, lost client, former client lost, customer lost, lost customer, "
               "former customer lost, member lost, lost member, "
               "dado de baja, inactivo, inactif, resilie, gekundigt, inaktiv, abgewandert, "
               "ehemalig, ehemaliger kunde, ehemalige kundin, ehemalige kunden, "
               "antiguo cliente, ancien client, "
               "inativo, "
               "inattivo, inattiva, ex cliente, cessato, disdetto, disdetta, inactief, opgezegd, "
               "ex klant, voormalige klant, vertrokken, verlopen, "
               "tidigare kund, tidligere kunde, były klient, entinen asiakas, "
               "byvaly zakaznik, eski müşteri, неактивный, бывший клиент, неактивний, "
               "колишній клієнт, ανενεργος, ανενεργη, πρωην πελατης, tidak aktif, "
               "mantan pelanggan, desistiu, desistente, потерянный клиент",
    "cancelled": "cancelled, canceled, cancellation, cancelled order, cancelado, anulado, "
                 "annule, storniert, cancelada, anulada, annulee, "
                 "annullato, annullata, cancellato, cancellata, stornato, stornata, geannuleerd, "
                 "gecanceld, "
                 # (a subscription paid to its period's end, then to stop: WooCommerce's)
                 "pending cancel, pending cancellation",
}
# A visit's or an appointment's statuses saying it was kept (Jane App's "Arrived", a class
# "Attended", Vagaro's "Show"): a sale on an order list, and what marks a list of visits.
# (a restaurant's reservation: Resy's "Finished", the party seated and gone; a boarding
# kennel's or a daycare's stay "Checked Out": Gingr's, the pet gone home)
VISIT_KEPT_WORDS = ("arrived, checked in, attended, signed in, show, showed, showed up, "
                    "finished, seated, checked out, "
                    # (a French salon's appointment "Honoré": Planity's; a German studio's
                    # class "Teilgenommen": Eversports')
                    "honore, honoree, teilgenommen, "
                    # (a German salon's appointment kept: Shore's "Erschienen")
                    "erschienen, "
                    # (a nursery's or a childminder's session had, a day's or half of one)
                    "full day, half day")

# An order's statuses that speak of payment (paid, not paid, refunded), by the kind each
# says happened: on a sheet of amounts, they make its statuses an order list's (a task
# list's Completed, Pending and Cancelled say nothing of payment). Part of
# ORDER_STATUS_WORDS below.
# Paid in part: a sale of what was paid (a booking's "Deposit": Checkfront's), in a status
# or a "Paid" column; in English, then German, Spanish, French, Polish, Italian, Dutch,
# Nordic, Romanian, Turkish and Russian.
# A booking's deposit said paid, in a status ("Booked - deposit pd") or a "Paid" column.
DEPOSIT_PAID_WORDS = ("deposit paid, deposit received, deposit taken, paid deposit, deposit pd, "
                      "dep pd, dep paid, "
                      # (a booking called off whose deposit the business keeps: it was paid)
                      "deposit kept, deposit retained, deposit forfeited, kept deposit, "
                      "deposit non refundable, deposit lost")
PART_PAID_WORDS = ("part, partial, partly, part paid, partly paid, partially paid, parcial, "
                   "deposit, dep, " + DEPOSIT_PAID_WORDS + ", half, half paid, paid half, "
                   "teilzahlung, teilweise, teilweise bezahlt, teilbezahlt, pago parcial, "
                   "parcialmente pagado, parcialmente pagada, partiellement payée, "
                   "partiellement réglée, partiellement réglé, częściowo, częściowo zapłacono, "
                   "saldato parzialmente, saldata parzialmente, parzialmente saldato, "
                   "parzialmente saldata, parzialmente pagato, gedeeltelijk betaald, "
                   "deels betaald, delbetald, delbetalt, delvis betalt, încasată parțial, "
                   "încasat parțial, cobrada parcialmente, cobrado parcialmente, "
                   "parcialmente cobrada, kısmen ödendi, частично оплачен, "
                   # Finnish, Czech, Greek, Hungarian
                   "osittain maksettu, částečně uhrazeno, částečně uhrazená, "
                   "μερικώς εξοφλημένο, μερικώς εξοφλημένη, részben fizetve, "
                   "részben kifizetve")
# Ways of paying, written in a hand-kept "Paid" or "Paid by" column instead of a tick (a
# physio's "Card", "Cash", an insurer who pays: "Bupa"; who paid: "Mum"): the row was paid. "Invoice" alone
# is billed, not yet paid (ON_INVOICE).
PAID_BY = frozenset(match_key(word) for word in (
    "card, cash, bacs, bank transfer, transfer, bank, cheque, check, paypal, stripe, sumup, "
    "square, zettle, izettle, apple pay, google pay, contactless, debit card, credit card, "
    "visa, mastercard, amex, direct debit, standing order, voucher, gift card, gift voucher, "
    "venmo, zelle, bizum, revolut, monzo, faster payment, online, ewallet, "
    # Australian and Canadian bank payments
    "eft, bpay, payid, osko, interac, e transfer, etransfer, "
    "insurer, insurance, bupa, axa, axa ppp, aviva, vitality, simplyhealth, cigna, wpa, "
    "allianz, healthshield, paid, pd, "
    # paid when the job was done or before ("paid on the day": a hire's, a call-out's)
    "paid on the day, paid on day, paid on the night, paid on arrival, paid at the door, "
    "paid on completion, paid on collection, paid in advance, paid upfront, paid up front, "
    # who paid, where not the client ("Paid by": Mum, the delegate's company, self-pay)
    "self, self pay, self funded, mum, dad, mother, father, parent, parents, grandma, "
    "grandad, grandparents, company, employer").split(", "))
# Platforms a booking or an order was paid through, written in a hand-kept "Paid" column (a
# B&B's "Booking.com", a maker's "Etsy"): the row was paid, the platform holding the money.
PAID_THROUGH = frozenset(match_key(word) for word in (
    "booking.com, airbnb, vrbo, expedia, hotels.com, etsy, ebay, vinted, depop, not on the "
    "high street, amazon, klarna, clearpay, gocardless").split(", "))
# Owed, or not known yet, written in a hand-kept "Paid" column ("owes", "TBC", "pay next
# time", "Invoice sent", "see email"): not marked paid.
NOT_PAID_YET = frozenset(match_key(word) for word in (
    "owes, owed, owing, outstanding, not yet, tbc, tba, to pay, pay next time, pay later, "
    "chasing, invoice sent, inv sent, invoice emailed, invoice due, see email, "
    "see emails, overdue, "
    # a market trader's or a café's customer running a tab, to settle later
    "on tab, tab, on the tab, put on tab, "
    # a payment that came back unpaid
    "bounced, cheque bounced, check bounced, payment bounced, "
    # not come, so nothing to pay (a no-show written in the "Paid" column)
    "no show, noshow, dna, did not attend, did not arrive, "
    # waiting for a place, so nothing paid yet (a retreat's or a course's waiting list)
    "waitlist, waitlisted, wait list, waiting list, on waiting list").split(", "))
# The rest still to pay, written after a part paid in a hand-kept "Paid" cell ("£1,000 dep -
# bal due"): the cell says part paid.
BALANCE_TO_COME = frozenset(match_key(word) for word in (
    "bal due, balance due, bal owed, balance owed, bal to pay, balance to pay, "
    "bal outstanding, balance outstanding, rest due, rest to pay").split(", "))
# Ways of paying handed over in person, on collecting an order or when the job is done:
# beside "Collected", no sign an order was paid when it was placed.
PAID_IN_PERSON = frozenset(match_key(word) for word in (
    "cash", "cheque", "check", "cash on collection", "cash on delivery", "cod",
    "pay on collection", "pay at collection", "pay on pickup", "pay at pickup",
    "pay in store", "pay in person", "pay on delivery", "cash on pickup"))
# Billed and not yet paid, written in a "Paid" or "Paid by" column (a locksmith's landlord
# "Invoice" until it is paid: then "Invoice - pd 30/1").
ON_INVOICE = frozenset(match_key(word) for word in (
    "invoice", "on invoice", "invoiced", "to invoice", "inv", "account", "on account"))
PAYMENT_STATUS_WORDS = {
    "purchase": "paid, paid out, paid in full, fully paid, " + PART_PAID_WORDS + ", pagado, pagada, paye, bezahlt, "
                "pago, cobrada, cobrado, pagata, pagato, betaald, "
                "vigente, "      # (a Mexican CFDI in force: the invoice was issued and stands)
                "opłacona, zapłacona, betald, betalt, 支払済み, 入金済み, maksettu, zaplaceno, "
                "zaplacena, uhrazeno, uhrazena, ödendi, оплачен, оплачено, оплачений, "
                "πληρωθηκε, εξοφλημενο, lunas, dibayar, "
                # Portuguese and Romanian invoices paid
                "paga, încasată, încasat, achitată, achitat, plătită, "
                # Hungarian, Vietnamese
                "fizetve, kifizetve, đã thanh toán, "
                # Slovak and Czech paid or part paid (SuperFaktúra's "Uhradená", iDoklad's
                # "Částečně uhrazeno"), Turkish collected (Paraşüt's "Tahsil edildi", "Kısmen
                # tahsil edildi"), Polish settled (Subiekt's "Rozliczony")
                "uhradená, uhradené, čiastočne uhradená, částečně uhrazeno, "
                "částečně uhrazena, tahsil edildi, kısmen tahsil edildi, rozliczony, "
                "rozliczona, "
                # a Brazilian payment cleared, its money available (PagBank's "Disponível"),
                # or paid and contested by the buyer, not decided (its "Em disputa": a
                # dispute lost comes as "Devolvida", a refund)
                "disponível, em disputa",
    "refund": "refunded, partially refunded, charged back, reembolsado, rembourse, erstattet, "
              "rimborsato, rimborsata, terugbetaald, hyvitetty, iade edildi, iade, "
              # Vietnamese, Indonesian (money given back)
              "hoàn tiền, đã hoàn tiền, pengembalian dana, dana dikembalikan, "
              # a Brazilian payment reversed (Sympla's, PagBank's "Estornado")
              "estornado, estornada",
    "contact": "unpaid, not paid, not yet paid, not yet, payment due, non pagata, onbetaald, "
               "impayee, em aberto, outstanding, "     # (Quaderno's invoice not paid)
               "unbezahlt, nieopłacona, obetald, ubetalt, 未払い, 未入金, maksamatta, "
               "nezaplaceno, neuhrazeno, ödenmedi, не оплачено, απληρωτο, belum lunas, "
               "non saldato, non saldata, neîncasată, neîncasat, neachitată, "
               # Turkish, Hungarian, Vietnamese, Indonesian
               "ödeme bekleniyor, nem fizetve, fizetetlen, chưa thanh toán, belum bayar, "
               # not settled (Henrri's "Non réglée"), an invoice open (Eduzz's "Aberta")
               "non reglee, non regle, aberta, aberto, "
               "niezapłacona, niezapłacone, "     # (Polish: not paid, wFirma's)
               # Slovak, Turkish, Polish and Hungarian not paid or late (SuperFaktúra's
               # "Neuhradená", Paraşüt's "Tahsil edilmedi", Subiekt's "Nierozliczony",
               # Billingo's "Késésben")
               "neuhradená, neuhradené, tahsil edilmedi, nierozliczony, nierozliczona, "
               "késésben, lejárt, gecikmiş, "
               # a Romanian document issued, nothing said of its being paid (Oblio's
               # proforma "Emisă"), a Portuguese draft (Moloni's "Rascunho")
               "emisă, emisa, emis, rascunho",
}

# What an order's status says happened, on an order list without a stage column (a
# status column beside an amount): normalised value -> event kind. A pending, failed or
# abandoned order is a contact, never a purchase.
ORDER_STATUS_WORDS = {
    "purchase": PAYMENT_STATUS_WORDS["purchase"] + ", " + BILLED_WORDS + ", "
                "completed, complete, processing, procesando, processando, shipped, "
                "partially shipped, fulfilled, partially fulfilled, delivered, settled, "
                "succeeded, "
                "success, successful, captured, "
                # (a payment gateway's money taken: Midtrans' "settlement", "capture"; an
                # Italian app's payment approved: Satispay's "Approvato"; a South African
                # marketplace's order sent or being packed: Takealot's)
                "settlement, capture, approvato, approvata, shipped to customer, "
                "preparing for customer, "
                # (a card payment taken: Braintree's)
                "submitted for settlement, settling, settlement pending, settlement confirmed, completado, enviado, entregado, "
                # (a card payment settled, or captured and waiting for the day's batch:
                # Authorize.net's)
                "settled successfully, captured pending settlement, "
                "expedie, livre, abgeschlossen, versandt, "
                "versendet, geliefert, zugestellt, concluido, entregue, "
                "awaiting fulfillment, awaiting shipment, awaiting pickup, unshipped, "
                "shipping, "      # (an invoice part paid, Invoice Ninja's: PART_PAID_WORDS)
                f"{VISIT_KEPT_WORDS}, "
                "done, job done, "               # (a job done: Workiz's)
                "paid and closed, paid & closed, "    # (a job paid for: JobNimbus's)
                # the feminine forms (una factura pagada, une commande payée) and tools' own
                "realizada, realizado, completada, entregada, "
                "enviada, aprobado, aprobada, acreditado, acreditada, recibido, "
                "payee, livree, expediee, terminee, termine, paiement accepte, "
                "preparation en cours, en preparation, erfolgreich, erledigt, "
                "concluida, enviado, aprovado, aprovada, pagamento aprovado, "
                "em processamento, "
                "saldata, saldato, incassata, incassato, completato, completata, "
                "evaso, evasa, spedito, spedita, consegnato, consegnata, "
                "parzialmente pagata, parzialmente pagato, pagamento ricevuto, voldaan, "
                "afgerond, voltooid, verzonden, geleverd, afgeleverd, deels betaald, "
                "gedeeltelijk betaald, betaling ontvangen, "
                # then French, Spanish and Portuguese ones more, Polish, Swedish, Danish and
                # Norwegian, and Japanese (an invoice settled, an order fulfilled)
                "partiellement payee, partiellement paye, reglee, encaissee, soldee, "
                "parcialmente pagada, parcialmente pagado, pagada parcialmente, liquidada, "
                "atendido, atendida, pago parcialmente, parcialmente pago, quitado, quitada, "
                "teilbezahlt, beglichen, "
                "opłacone, opłacony, zapłacone, zapłacono, "
                "częściowo opłacona, częściowo zapłacona, zrealizowane, zrealizowana, "
                "betalda, slutbetald, delbetald, delvist betalt, delvis betalt, "
                "支払済, 支払い済み, 入金済, 決済済み, 決済完了, 発送済み, "
                "発送済, 対応済, 対応済み, "     # (an order seen to: BASE's)
                # then Finnish, Czech, Turkish, Russian, Ukrainian, Greek and Indonesian, with
                # a few more Polish, Spanish and Nordic ones (an order being fulfilled: paid)
                "toimitettu, "
                "castecne zaplaceno, vyrizeno, vyrizena, "
                "tamamlandı, teslim edildi, kargoya verildi, "
                # an order being packed, delivered or done (Turkish, Romanian, Vietnamese,
                # Indonesian: a shop's own list)
                "hazırlanıyor, kargoda, livrată, livrat, finalizată, finalizat, expediată, "
                # (Portuguese and Spanish: dispatched, on its way: ORDER_DELIVERED)
                "despachado, despachada, em transito, em transporte, en camino, en transito, "
                "en reparto, "
                "đã giao hàng, đã giao, hoàn thành, dikirim, sedang dikirim, "
                # an Indonesian marketplace's order done or sent (Tokopedia's "Pesanan
                # Selesai", "Pesanan Dikirim"); a Korean one's paid, sent, delivered or
                # confirmed by the buyer (Naver Smart Store's)
                "pesanan selesai, pesanan dikirim, pesanan tiba, "
                "결제완료, 발송대기, 배송준비중, 배송중, 배송완료, 구매확정, "
                "оплачена, выполнен, доставлен, "
                # a payment taken (Turkish: iyzico's "Başarılı"), an order handed to the
                # buyer or to the courier (Kaspi's "Выдан", "Передан в доставку"), a Japanese
                # order paid and awaiting shipment (Rakuten's "発送待ち"), an Arabic shop's
                # order delivered, done, on its way or shipped (Salla's)
                "başarılı, выдан, передан в доставку, 発送待ち, "
                "تم التوصيل, تم التنفيذ, جاري التوصيل, تم الشحن, "
                "виконано, доставлено, εξοφληθηκε, "
                "εξοφλημενη, ολοκληρωθηκε, παραδοθηκε, sudah dibayar, "
                "selesai, w realizacji, wysłane, wysłano, dostarczone, "
                "levererad, leveret, levert, "
                + DONE_WORDS + ", "     # (a job done)
                "済, "              # (a Japanese sheet's "done")
                + FINISHED_WORDS + ", "      # (a job finished: done)
                + SERVICE_DONE_WORDS,        # (an event held, a shoot's photos delivered)
    "refund": PAYMENT_STATUS_WORDS["refund"] + ", "
              "partial refund, refund, returned, customer return, "
              # (a card refund settled or waiting for the day's batch: Authorize.net's)
              "refund settled successfully, refund pending settlement, "
              "chargeback, devuelto, retourne, "
              "zuruckerstattet, ruckerstattet, retourniert, retoure, devolvido, estornado, estornada, "
              "reembolsada, devuelta, devolvida, remboursee, "
              "parzialmente rimborsato, parzialmente rimborsata, reso, "
              "restituito, restituita, nota di credito, gedeeltelijk terugbetaald, "
              "deels terugbetaald, geretourneerd, retour, gecrediteerd, creditnota, terugbetaling, "
              "zwrócone, zwrócona, zwrot, krediterad, återbetald, krediteret, refunderet, "
              "kreditert, refundert, 返金済み, 返金, "
              "palautettu, vraceno, refundovano, возврат, "
              "возвращен, возвращено, повернено, επιστραφηκε, επιστροφη, dikembalikan, "
              "returnerad, returneret, returnert, "
              # an order sent back (Romanian, Ukrainian), a credit invoice (Finnish, Greek)
              "returnată, returnat, повернення, повернуто, hyvityslasku, "
              "πιστωτικό τιμολόγιο, "
              # a Korean order returned or refunded (Naver Smart Store's)
              "반품완료, 환불완료, "
              # a Turkish payment refunded in part (iyzico's "Kısmi İade"), an Arabic
              # shop's order returned (Salla's "مسترجع")
              "kısmi iade, مسترجع, مرتجع, "
              # a credit note (English, German, French, Danish and Norwegian, Swedish,
              # Dutch, Spanish and Portuguese, Romanian)
              "credit note, credit memo, credited, "
              "gutschrift, avoir, kreditnota, kreditfaktura, creditfactuur, nota de crédito, "
              "factură storno",
    "cancellation": "cancelled, canceled, cancel, cancelled order, voided, void, "
                    "cancelled by customer, "
                    "reversed, "   # (an invoice reversed: Invoice Ninja's, cancelled by a credit)
                    "canceled by customer, cancelled by client, canceled by invitee, "
                    "cancelled by seller, canceled by seller, cancelado, anulado, annule, "
                    "storniert, user canceled, user cancelled, pro canceled, pro cancelled, "
                    "customer canceled, customer cancelled, client canceled, client cancelled, "
                    "canceled by client, cancelled by staff, canceled by staff, late cancel, "
                    "late cancellation, late cancelled, late canceled, cancelada, anulada, "
                    "annulee, "
                    "annullato, annullata, annullato dal cliente, annullata dal cliente, stornato, "
                    "stornata, cancellato, cancellata, geannuleerd, gecanceld, "
                    "geannuleerd door klant, "
                    "anulowana, anulowane, anulowany, makulerad, annullerad, annulleret, "
                    "annullert, kansellert, キャンセル, キャンセル済み, 取消, 取り消し, "
                    "peruttu, peruutettu, mitatoity, stornovano, stornovana, storno, zruseno, "
                    "zrusena, iptal, iptal edildi, отменен, отменено, отменена, аннулирован, "
                    "скасовано, скасований, ακυρωθηκε, ακυρωμενη, ακυρωμενο, ακυρωση, batal, "
                    "dibatalkan, anulowano, anulată, anulat, "
                    # (Vietnamese; a Romanian parcel refused at the door, paid on delivery:
                    # no money came; a Hungarian invoice reversed)
                    "đã hủy, hủy, refuzată la livrare, refuzată, sztornó, sztornózva, "
                    # (a Nordic job broken off, a booking called off)
                    "avbruten, avbrutt, afbrudt, avbokad, avbestilt, afbestilt, inställd, "
                    "avlyst, aflyst, "
                    # (a German appointment called off: Shore's "Abgesagt")
                    "abgesagt, "
                    # (an Indian marketplace's parcel sent back undelivered, "return to
                    # origin": Meesho's "RTO_COMPLETE"; no money came)
                    "rto, rto complete, rto locked, return to origin, "
                    # (an Indonesian order cancelled by the buyer or the seller: Tokopedia's;
                    # a Korean one: Naver Smart Store's)
                    "dibatalkan pembeli, dibatalkan penjual, dibatalkan sistem, 취소완료, "
                    "취소, "
                    # (a Japanese order's cancelling confirmed: Rakuten's "キャンセル確定"; an
                    # Arabic shop's cancelled; a Spanish or Portuguese visit called off by
                    # the patient or the client: Doctoralia's "Cancelada por el paciente")
                    "キャンセル確定, ملغي, ملغى, cancelada por el paciente, "
                    "cancelado por el paciente, cancelada por el cliente, "
                    "cancelado por el cliente, cancelada pelo paciente, "
                    "cancelado pelo paciente, cancelada pelo cliente, cancelado pelo cliente",
    "contact": PAYMENT_STATUS_WORDS["contact"] + ", "
               "pending, pend, pending supplier, pending payment, payment pending, awaiting payment, "
               # (a payment failed: iyzico's "Başarısız"; a Korean order before its money came:
               # Cafe24's "입금전"; an Arabic shop's awaiting payment: Salla's)
               "başarısız, 입금전, بإنتظار الدفع, بانتظار الدفع, "
               "past due, on hold, failed, payment failed, "
               # (a checkout left before paying, an order held: Shift4Shop's, 3dcart's)
               "not completed, hold, "
               # (a card payment refused: Braintree's)
               "processor declined, gateway rejected, settlement declined, "
               "authorization expired, authorisation expired, pending submission, "
               "pending customer approval, customer approval denied, declined, denied, no show, noshow, "
               "declinada, declinado, "     # (a card declined, in Mexico: Clip's)
               "dna, did not attend, "      # (a clinic's or a salon's no-show)
               "did not arrive, "           # (Cliniko's no-show)
               "absent, absente, nicht erschienen, "   # (French, German: Planity's, Eversports')
               "err, error, "       # (a payment failed: ICEPAY's "ERR")
               "general error, communication error, "  # (a card payment failed: Authorize.net's)
               # (a payment not made: Midtrans' "expire", "deny", "failure"; a payment page
               # left before paying: PayU's "bounced", "dropped")
               "expire, deny, failure, bounced, dropped, "
               "missed, "     # (a class reservation not kept: ClassPass's)
               "trial, in trial, on trial, trialing, free trial, abandoned, abandoned checkout, checkout draft, "
               "draft, expired, authorized, authorised, pendiente, pago pendiente, fallido, "
               "created, "      # (an order or a payment made, not paid yet: ORDER_CREATED)
               "abandonado, en attente, echoue, abandonne, ausstehend, fehlgeschlagen, "
               "abgebrochen, pendente, falhou, overdue, manual verification required, "
               "incomplete, bad debt, written off, write off, uncollectible, uncollected, "
               "open, open order, awaiting transfer, awaiting bank transfer, "
               # a quote or a proposal not yet taken up, a job not yet done, a lost one
               + QUOTE_GIVEN_WORDS + ", "
               "work order, unsuccessful, rejected, not accepted, "
               "quote not accepted, quote declined, quote rejected, estimate declined, "
               "estimate rejected, booked in, "
               "lead, new lead, "       # (a job still a lead: JobNimbus's)
               "enquiry, inquiry, new enquiry, new inquiry, enquired, inquired, "
               "consult, consultation, free consultation, "     # (a first talk, no sale yet)
               "awaiting bank wire payment, awaiting check payment, awaiting cheque payment, "
               "waiting for payment, pending transfer, "
               "en attente de paiement par virement bancaire, "
               "en attente de paiement par cheque bancaire, "
               # a job or an appointment not done yet
               "scheduled, unscheduled, rescheduled, in progress, confirmed, booked, upcoming, "
               + IN_PROGRESS_WORDS + ", " + ", ".join(ONGOING_WORDS) + ", "
               # (being prepared or picked: on a shop's order list a sale, ORDER_IN_HAND)
               "en preparacion, em preparacao, em separacao, pronto para o manuseio, "
               "preparando entrega, "
               "not started, requested, tentative, awaiting confirmation, needs scheduling, "
               "tbc, to be confirmed, provisional, pencilled in, penciled in, "
               "vencida, vencido, impaga, impago, no pagada, pendiente de pago, confirmada, "
               "confirmado, reservada, reservado, no se presento, no asistio, "
               "en attente de paiement, en attente de virement, en attente, erreur de paiement, "
               "en attente de virement bancaire, en attente du paiement par cheque, "
               "en attente du paiement, en attente de paiement par cheque, "
               "offen, uberfallig, entwurf, aguardando pagamento, pagamento pendente, "
               # (WooCommerce's pending payment, on hold and failed, in German, Spanish,
               # French, Dutch and Portuguese)
               "zahlung ausstehend, in wartestellung, en espera, echouee, wachten op betaling, "
               "in de wacht, aguardando, malsucedido, "
               "nao compareceu, agendado, agendada, recusado, recusada, rechazado, rechazada, "
               "refuse, refusee, abgelehnt, "
               "in attesa, in attesa di pagamento, non pagato, da pagare, "
               "da incassare, insoluta, insoluto, scaduta, scaduto, bozza, aperta, aperto, "
               "in sospeso, fallito, fallita, pagamento fallito, rifiutato, rifiutata, prenotato, "
               "prenotata, confermato, confermata, programmato, programmata, non presentato, "
               "non presentata, niet betaald, openstaand, te betalen, vervallen, "
               "achterstallig, verlopen, in afwachting, in afwachting van betaling, "
               "wacht op betaling, concept, mislukt, betaling mislukt, geweigerd, afgewezen, "
               "gepland, ingepland, bevestigd, geboekt, niet verschenen, "
               # (a German appointment confirmed, to come: Shore's "Bestätigt")
               "bestatigt, gebucht, "
               # an invoice sent and not paid yet, overdue, a draft; a quote
               "sent, viewed, billed, "
               "en retard, envoyee, envoye, impaye, a payer, non payee, brouillon, "
               "devis, devis envoye, sin pagar, por cobrar, no cobrada, borrador, cotizacion, "
               "cotizado, cotizada, presupuesto, presupuesto enviado, propuesta enviada, "
               "em atraso, atrasado, nao pago, orcamento, orcamento enviado, "
               "proposta enviada, nicht bezahlt, gemahnt, angebot, angeboten, "
               "angebot verschickt, angebot gesendet, preventivo, preventivo inviato, "
               "offerta inviata, offerte, offerte verstuurd, offerte verzonden, "
               "wystawiona, wystawione, wysłana, nieopłacone, "
               "przeterminowana, po terminie, szkic, obetalda, förfallen, "
               "förfallna, ej betald, utkast, ikke betalt, overskredet, forfalden, "
               "forfalt, kladde, udkast, 未払, 入金待ち, 支払待ち, 支払い待ち, "
               "下書き, 見積, 見積もり, "
               # Finnish, Czech, Turkish, Russian, Ukrainian, Greek, Indonesian, Polish;
               # an invoice not yet due (Pennylane's "À venir")
               "avoin, erääntynyt, myöhässä, odottaa maksua, luonnos, "
               "nezaplacena, neuhrazena, po splatnosti, ceka na platbu, koncept, "
               "odeslano, odeslana, beklemede, ödeme bekleniyor, vadesi geçti, "
               "taslak, не оплачен, ожидает оплаты, просрочен, черновик, "
               "очікує оплати, прострочено, чернетка, σε αναμονη, ανεξοφλητο, "
               "εκκρεμει, belum dibayar, menunggu pembayaran, jatuh tempo, "
               "oczekuje na płatność, oczekuje na wpłatę, a venir, "
               # an invoice open (Czech), an order waiting or new (Romanian, Ukrainian)
               "otevřená, otevřeno, în așteptare, нове, новий, "
               # an invoice late or written off (Dutch), a Japanese sheet's 未 (not yet)
               "te laat, oninbaar, 未, "
               # an invoice sent, not paid (Tellow's "Verstuurd": BILLED_ONLY_STATUSES), an
               # Italian e-invoice rejected by the exchange (SdI's "Scartata": never issued),
               # an order not yet seen to (BASE's "未対応": ORDER_IN_HAND)
               "verstuurd, scartata, scartato, 未対応",
}
# Statuses of a booking or a job not done yet: no purchase, but a client considering.
BOOKED_STATUSES = frozenset(match_key(word) for word in (
    "booked", "confirmed", "scheduled", "rescheduled", "upcoming", "requested", "tentative",
    *QUOTE_GIVEN_WORDS.split(", "), "work order",
    "awaiting confirmation", "booked in", "consult", "consultation", "free consultation",
    # a first lesson or call booked on an enquiries log (a tutor's, a gym's)
    "trial booked", "trial lesson booked", "trial class booked", "trial session booked",
    "consultation booked", "call booked",
    # a date held, not confirmed ("TBC": a caterer's or a band's booking pencilled in)
    "tbc", "to be confirmed", "provisional", "pencilled in", "penciled in",
    "reservada", "reservado", "confirmada", "confirmado", "agendado",
    "agendada", "prenotato", "prenotata", "confermato", "confermata", "programmato",
    "programmata", "geboekt", "bevestigd", "gepland", "ingepland", "bestatigt", "gebucht",
    # a quote sent, not yet taken up (Spanish, French, German, Portuguese, Italian, Dutch,
    # Japanese)
    "cotizacion", "cotizado", "cotizada", "presupuesto", "presupuesto enviado",
    "propuesta enviada", "devis", "devis envoye", "angebot", "angeboten", "angebot verschickt",
    "angebot gesendet", "orcamento", "orcamento enviado", "proposta enviada", "preventivo",
    "preventivo inviato", "offerta inviata", "offerte", "offerte verstuurd",
    "offerte verzonden", "見積", "見積もり"))
# A quote's or an estimate's status on a tradesperson's quote list -> stage or outcome.
# Every quote puts its client at consideration (they asked for a price); an accepted one
# is a job agreed, not yet paid: consideration still (the invoice or payment is the sale,
# so a quote list and an invoice list imported together count one sale, not two); a
# declined or expired one is lost. Words not here ("Won", "Paid") keep their own meaning.
QUOTE_STATUS_WORDS = {
    "consideration": "draft, sent, quote sent, estimate sent, awaiting response, "
                     "awaiting approval, awaiting acceptance, pending, viewed, opened, open, "
                     "changes requested, revised, follow up, accepted, approved, agreed, "
                     "quote accepted, estimate approved, converted, "
                     "enviado, aceptado, aprobado, envoye, accepte, gesendet, angenommen, "
                     "akzeptiert, aceito, aprovado, inviato, accettato, verstuurd, "
                     "geaccepteerd, akkoord, "
                     # waiting for the client's answer, and accepted or signed (a French
                     # devis list's "En attente", "Acceptée", "Signé")
                     "en attente, en attente de reponse, en attente de signature, acceptee, "
                     "signe, pendiente, en espera, pendente, aguardando, aguardando resposta, "
                     "ausstehend, offen, in attesa, in afwachting",
    "lost": "declined, rejected, expired, lost, withdrawn, not accepted, quote declined, "
            "estimate rejected, rechazado, caducado, vencido, refuse, refusee, expiree, "
            "abgelehnt, "
            "abgelaufen, recusado, expirado, rifiutato, scaduto, afgewezen, verlopen",
}
# A first session's or a visit's name saying it was a talk before buying (a therapist's
# free "Assessment", a coach's "Discovery call"): a client considering.
CONSULTATION_WORDS = frozenset(match_key(word) for word in (
    "assessment", "initial assessment", "free assessment", "consultation", "consult",
    "free consultation", "initial consultation", "discovery call", "intro call",
    "introductory call", "first consultation", "free consult", "initial consult",
    # (a laser clinic's or a colourist's test on the skin before the first treatment)
    "patch test", "skin test", "allergy test"))
# Of them, those that say the talk is free or a call, on a list that prices nothing: an
# unpriced "Initial assessment" may be a physiotherapist's paid first visit.
FREE_FIRST_TALKS = frozenset(match_key(word) for word in (
    "free assessment", "free consultation", "discovery call", "intro call",
    "introductory call"))
# An order's or a job's status saying a quote was turned down: no sale, but the client
# asked for a price (considering), and left.
QUOTE_TURNED_DOWN = frozenset(match_key(word) for word in (
    "quote not accepted", "quote declined", "quote rejected", "estimate declined",
    "estimate rejected", "quote refused"))
# Values that say the client is still active: a status, not a stage.
ACTIVE_WORDS = ("active", "current", "frozen", "paused", "active patron", *OPEN_WORDS,
                # a subscription whose last payment failed: a customer still (Stripe's)
                "past due", "past_due",
                # a subscriber's state: on a mailing list no word of buying (AWeber's)
                "subscribed",
                "activo", "actif", "aktiv", "ativo", "ativa", "attivo", "attiva", "actief",
                "aktywny", "aktiivinen", "aktivni", "aktif", "активный", "активний",
                "ενεργος", "ενεργη")


def normalise_value(value: object) -> str:
    """A stage value as it is compared (journey.text.match_key): ``'Closed-Won '`` ->
    ``'closedwon'``; a value in another script keeps its letters. WooCommerce's own prefix
    on its statuses is left out (``'wc-on-hold'`` -> ``'onhold'``: its Subscriptions
    export's "wc-active", "wc-cancelled")."""
    if isinstance(value, str) and value[:3].lower() == "wc-":
        value = value[3:]
    return match_key(value)


for _stage, _words in _ALIAS_WORDS.items():
    for _word in _words.split(","):
        STAGE_ALIASES[normalise_value(_word)] = _stage
OUTCOME_OF: dict[str, str] = {}
for _outcome, _words in OUTCOME_ALIASES.items():
    for _word in _words.split(","):
        OUTCOME_OF[normalise_value(_word)] = _outcome
ACTIVE_OF = {normalise_value(word) for word in ACTIVE_WORDS}
# A job's state under way ("In progress", "In Bearbeitung"): beside it in a client list's
# status, "Open" (OPEN_WORDS) is a job not done yet, not a client still active
# (rules.client_lists.active_or_inactive).
JOB_UNDER_WAY = frozenset(normalise_value(word)
                          for word in ("in progress", *IN_PROGRESS_WORDS.split(",")))
OPEN_OF = frozenset(normalise_value(word) for word in OPEN_WORDS)

# A yes/no (tick) column of a client list whose header names a step of the journey: a tick
# there lifts the client to that step's stage (rules.client_lists._ticked_steps). Headers are compared as
# headers are (normalise_header); a tick column whose header is not here is kept as extra.
# Not "Referral" or "Referred" (a tick there mostly says the client CAME by referral, how
# they found the business, not that they sent anyone), nor "Returned" (on a shop's list,
# sent the goods back).
_TICK_STEP_WORDS = {
    "awareness": "enquired, inquired, enquiry, inquiry, enquiry received, contacted, "
                 "first contact, made contact, lead",
    "consideration": "booked call, call booked, booked a call, booked consultation, "
                     "consultation booked, consultation, consultation done, had call, "
                     "call done, had consultation, discovery call, discovery call booked, "
                     "booked discovery call, proposal sent, sent proposal, quote sent, "
                     "sent quote, quoted, estimate sent, sent estimate, demo booked, "
                     "booked demo, demo done, had demo, trial, trial booked, trial class, "
                     "trial session, meeting booked, booked meeting, had meeting, qualified, "
                     "interested, followed up, contract sent, sent contract, viewing, viewed, "
                     "viewing booked, site visit, show round, "
                     # (a wedding cake maker's or a caterer's tasting before ordering)
                     "tasting, tasting done, tasting booked, had tasting, "
                     # (a therapist's or a coach's first talk: and CONSULTATION_WORDS)
                     "consult done, consult booked, free call",
    "purchase": "paid, booked, signed, signed up and paid, contract signed, signed contract, "
                "proposal signed, bought, "
                "purchased, customer, client, converted, won, hired, "
                "enrolled, joined, became client, became customer, first purchase, "
                "first order, ordered, booked job, "
                # a client list's day each client paid, blank where not yet
                "paid on, date paid, paid date, payment date, date of payment, "
                + OWNERS_STEP_WORDS["purchase"],
    "retention": "repeat, repeat customer, repeat client, repeat booking, repeat order, "
                 "repeat purchase, rebooked, re booked, booked again, returning, "
                 "returned customer, returning customer, "
                 "renewed, came back, bought again, ordered again, second purchase, "
                 "re enrolled, enrolled again, rejoined, "
                 "second order, second booking",
    "advocacy": "review, reviewed, google review, left google review, testimonial, promoter, "
                + OWNERS_STEP_WORDS["advocacy"],
}
TICK_STEPS: dict[str, str] = {match_key(word): stage
                              for stage, words in _TICK_STEP_WORDS.items()
                              for word in words.split(",")}
TICK_STEPS.update(dict.fromkeys(CONSULTATION_WORDS - set(TICK_STEPS), "consideration"))
# A client list's date column saying since when each client has been one ("Customer since"):
# the day of the first purchase of a client the sheet shows as a customer (read by
# rules.client_lists.customers_since), whatever field the header was mapped to.
CUSTOMER_SINCE = frozenset(match_key(word) for word in (
    "customer since", "client since", "customer since date", "client since date",
    "became customer on", "became client on", "customer from", "client from"))
# Tick columns that say the client paid (of the purchase steps above, those of paying):
# beside one, a "Booked" tick is the step before.
PAID_STEPS = frozenset(key for key, stage in TICK_STEPS.items()
                       if stage == "purchase" and re.search("paid|payment", key))
ORDER_STATUS_KIND = {normalise_value(word): kind for kind, words in ORDER_STATUS_WORDS.items()
                     for word in words.split(",")}
# Of the statuses read as a purchase, those saying a job or an order was billed, not that
# it was paid: a sale where nothing else says, but beside a column saying what was paid
# (a "Paid" of no, an "Amount Paid" of 0 or a part) that column decides.
BILLED_STATUSES = frozenset(normalise_value(word) for word in BILLED_WORDS.split(","))
PAYMENT_STATUSES = frozenset(normalise_value(word) for words in PAYMENT_STATUS_WORDS.values()
                             for word in words.split(","))
# Of those, the ones saying an order is not paid yet ("Unpaid", "Em aberto").
UNPAID_STATUSES = frozenset(normalise_value(word)
                            for word in PAYMENT_STATUS_WORDS["contact"].split(","))
# An invoice's statuses that say it is billed and unpaid ("Sent", "Viewed": Invoice Ninja's)
# and only that on a list of invoices: a shop's order "Sent" has been dispatched, a sale.
# Paddle's "billed": an invoice issued, its payment still to come.
# An order's statuses saying it was placed and is being seen to (Shopware's in_progress,
# its German "In Bearbeitung"): a sale on a shop's order list, whose payment has a status
# of its own; elsewhere (a job, a deal) work not done yet.
ORDER_IN_HAND = frozenset(normalise_value(word) for word in (
    "in progress", "in bearbeitung", "en cours", "en cours de traitement", "en proceso",
    "em andamento", "in lavorazione", "in behandeling",
    # being prepared or picked, in Spanish and Portuguese
    "en preparación", "em preparação", "em separação",
    # (a Brazilian shop's order paid and ready to pack or being readied to send: VTEX's)
    "pronto para o manuseio", "preparando entrega",
    "未対応"))      # (Japanese: not yet seen to, BASE's)
# An order's statuses saying it was served, dispatched or delivered, in Portuguese and
# Spanish (Bling's "Atendido"; "Entregue", "Despachado", "Entregado", "En camino"): said of
# a shop's orders, not of a quote or a support ticket. A status column with one of them
# beside an order in hand ("Em andamento") is a shop's order list whatever its file is
# called (understand._shop_orders).
ORDER_DELIVERED = frozenset(normalise_value(word) for word in (
    "atendido", "atendida", "entregue", "despachado", "despachada", "em transito",
    "em transporte", "entregado", "entregada", "en camino", "en transito", "en reparto",
    # (Polish: a marketplace's order sent, delivered: Allegro's "Wysłane", "Dostarczone")
    "wysłane", "wysłano", "dostarczone", "doręczone",
    # (an Indonesian marketplace's order done or sent: Tokopedia's "Pesanan Selesai"; a
    # Korean one's delivered or confirmed by the buyer: Naver Smart Store's "구매확정")
    "pesanan selesai", "pesanan dikirim", "pesanan tiba", "배송중", "배송완료", "구매확정",
    # (an Indonesian order sent: Bukalapak's "Dikirim"; a Japanese one shipped: Rakuten's
    # "発送済"; a Kazakh one handed to the buyer or the courier: Kaspi's; an Arabic one
    # delivered, on its way or shipped: Salla's)
    "dikirim", "sedang dikirim", "発送済", "発送済み", "выдан", "передан в доставку",
    "تم التوصيل", "جاري التوصيل", "تم الشحن"))
# The same in English ("Delivered", "Shipped"): a printer's or a trade's job is delivered
# too, so these say a shop's orders only on rows of goods (an "Item", a "Product", a "SKU":
# understand._sells_goods).
GOODS_DELIVERED = frozenset(normalise_value(word) for word in (
    "delivered", "shipped", "dispatched", "in transit", "out for delivery"))
# A support ticket's states, in English (Zendesk's New, Open, Pending, On-hold, Solved,
# Closed; Freshdesk's Resolved), Portuguese, Spanish, French and German, with the words for
# open, ongoing and in progress: a status column of these on a sheet numbering tickets is a
# ticket log's (profiles._ticket_list_check), never its requesters' stages.
TICKET_STATES = frozenset(normalise_value(word) for word in (
    "new", "open", "reopened", "pending", "on hold", "waiting", "waiting on customer",
    "awaiting reply", "in progress", "escalated", "unresolved", "solved", "resolved", "closed",
    "novo", "em aberto", "pendente", "aguardando", "aguardando cliente", "em atendimento",
    "resolvido", "fechado", "encerrado", "concluído",
    "nuevo", "pendiente", "en espera", "resuelto", "cerrado",
    "nouveau", "en attente", "résolu", "fermé", "clos", "clôturé",
    "neu", "wartend", "gelöst", "geschlossen", "erledigt",
    # (answered and waiting, put off, or marked spam: LiveAgent's)
    "answered", "postponed", "spam", "junk",
    # (waiting on a reminder or to close, or merged into another: Zammad's)
    "pending reminder", "pending close", "merged",
    *OPEN_WORDS, *IN_PROGRESS_WORDS.split(",")))
# A ticket's states that only a ticket has: solved (an order, a job or a matter is done,
# closed or finished, never "resolved").
TICKET_RESOLVED = frozenset(normalise_value(word) for word in (
    "solved", "resolved", "resolvido", "resuelto", "résolu", "gelöst"))
# A payment's status saying the card was approved (Yoco's "Approved"): a paid sale on a list
# of orders or payments; an invoice "Approved" is one cleared to send, awaiting payment,
# and a quote's its being taken up (``QUOTE_ACCEPTED``).
PAYMENT_APPROVED = frozenset(normalise_value(word) for word in ("approved",))
# An order or a payment created and not paid yet (Razorpay's "created", before it is
# authorised and captured): no sale, a client considering.
ORDER_CREATED = frozenset(normalise_value(word) for word in ("created",))
# An order's "Received" on a shop's order list (Reverb's: the buyer has it): a sale. (On a
# returns log it is the return received, RETURN_STATES; not read elsewhere.)
ORDER_RECEIVED = frozenset(normalise_value(word) for word in ("received",))
# An appointment still to come (Planity's "À venir"): a booking, a client considering; on
# a list of invoices the same words say an invoice not yet due (Pennylane's), no booking.
COMING_STATUSES = frozenset(normalise_value(word) for word in ("à venir", "a venir"))
# A slot in an appointment book that nobody has booked ("Available"; a Brazilian salon's
# "Disponível", which PagBank's statement writes for money cleared): on a row naming no
# client, nothing happened.
FREE_SLOTS = frozenset(normalise_value(word) for word in (
    "available", "free slot", "open slot", "slot free", "disponível", "disponivel", "livre",
    "libre", "disponible", "frei", "vrij"))
BILLED_ONLY_STATUSES = frozenset(normalise_value(word) for word in (
    "sent", "viewed", "billed", "odeslano", "odeslana",      # (Czech: sent)
    "verstuurd"))     # (Dutch: sent; an order's, shipped)
# Words saying a thing was sent: an order's shipped (a sale), an invoice's sent to the
# client and not paid yet (a contact) on a list of invoices (Dutch "Verzonden", German
# "Versendet", French "Envoyée", Spanish and Portuguese "Enviada", Italian "Inviata",
# Polish "Wysłana").
SENT_ON_INVOICE = frozenset(normalise_value(word) for word in (
    "sent", "verzonden", "verstuurd", "versendet", "versandt", "verschickt", "gesendet",
    "envoyee", "envoye", "enviada", "enviado", "inviata", "inviato", "wyslana", "wysłana",
    "wysłane", "wysłano", "skickad", "skickat", "sendt", "lähetetty", "odeslano", "odeslana"))
# An invoice's own statuses, never an order's ("Overdue", "Draft", "Viewed"): beside them a
# sent word (SENT_ON_INVOICE) is the invoice's, sent and not paid, even where the sheet
# also numbers each order.
INVOICE_OWN_STATUSES = frozenset(normalise_value(word) for word in (
    "overdue", "past due", "draft", "viewed", "en retard", "brouillon", "vue", "vencida",
    "vencido", "borrador", "scaduta", "bozza", "vervallen", "concept", "überfällig",
    "entwurf"))
VISIT_KEPT = frozenset(normalise_value(word) for word in VISIT_KEPT_WORDS.split(","))
# A booking's status (or a part of it, ``said_parts``) saying its deposit was paid, or all
# of it: which of its parts, "Deposit" and "Balance", were paid.
DEPOSIT_PAID = frozenset(normalise_value(word) for word in DEPOSIT_PAID_WORDS.split(","))
PAID_IN_FULL = frozenset(normalise_value(word) for word in (
    "paid", "pd", "paid in full", "fully paid", "paid up", "balance paid", "paid balance",
    "final payment received", "booked and paid", "confirmed and paid"))
# Part paid (``PART_PAID_WORDS``) saying half, with no sum: a sale of half the amount.
HALF_PAID = frozenset(normalise_value(word) for word in ("half", "half paid", "paid half"))
# A hire's or a loan's statuses: out with the client ("Checked Out", "On hire"), then back
# ("Returned"). Beside one out, "Returned" is the hire over, kept (a sale), not an order
# sent back for a refund.
HIRED_OUT = frozenset(normalise_value(word) for word in (
    "checked out", "on hire", "out on hire", "hired out", "rented out", "on loan", "on rent"))
HIRE_RETURNED = frozenset(normalise_value(word) for word in ("returned", "returned on time",
                                                             "returned late"))
# Words of a header or a name (sheet, file) that say the rows are hires ("Hire fee",
# "Tool hire.xlsx", "Rentals"): there "Returned" is the hire over even with no status
# saying out, a sale, not an order sent back for a refund.
HIRE_WORDS = frozenset(("hire", "rental", "rentals"))   # (not "hires": new staff)
# A return's outcome on a shop's returns log (Order, Customer, Item, Reason, Status): the
# item swapped for another, no money back (``EXCHANGED``), money back (``REFUNDED``), or
# the return still being seen to. A status column of these alone, one an exchange, is
# a returns log (understand.resolve_kinds); a warranty log's too (``REPAIRED``).
EXCHANGED = frozenset(normalise_value(word) for word in (
    "exchanged", "exchange", "exchange sent", "replaced", "replacement", "replacement sent",
    "swapped", "umgetauscht", "cambiado", "cambiada", "échangé", "échangée", "sostituito",
    "omgeruild"))
REFUNDED = frozenset(normalise_value(word) for word in (
    "refunded", "refund", "refund issued", "refund sent", "partially refunded",
    "partial refund", "store credit", "credited", "erstattet", "reembolsado", "remboursé",
    "rimborsato", "terugbetaald"))
# A part of a price (a deposit) given back, in its own cell ("£150 refunded", "£100
# returned"): paid and handed back, no sale.
GIVEN_BACK = REFUNDED | frozenset(normalise_value(word) for word in (
    "returned", "given back", "paid back", "repaid"))
# A warranty claim's outcome beside them: the item mended and handed back, no money back.
REPAIRED = frozenset(normalise_value(word) for word in (
    "repaired", "repair", "repaired under warranty", "fixed", "mended", "repair completed",
    "repariert", "reparado", "reparada", "réparé", "riparato", "gerepareerd"))
RETURN_STATES = EXCHANGED | REFUNDED | REPAIRED | frozenset(normalise_value(word) for word in (
    "returned", "return received", "received", "awaiting return", "awaiting item",
    "pending", "open", "requested", "approved", "in transit", "rejected", "declined",
    "denied", "closed"))
QUOTE_STATUS = {normalise_value(word): target for target, words in QUOTE_STATUS_WORDS.items()
                for word in words.split(",")}
# A quote's status saying it was accepted: a job agreed (counted in the import's note).
QUOTE_ACCEPTED = frozenset(normalise_value(word) for word in (
    "accepted", "approved", "agreed", "quote accepted", "estimate approved", "converted",
    "aceptado", "aprobado", "accepte", "acceptee", "signe", "angenommen", "akzeptiert",
    "aceito", "aprovado", "accettato", "geaccepteerd", "akkoord"))
# The words only a quote's status has (not an order's or a deal's): one of them must be
# there for a status column to be read as quotes'.
QUOTE_OWN_WORDS = frozenset(normalise_value(word) for word in (
    "sent", "accepted", "declined", "expired", "approved", "quote sent", "estimate sent",
    "awaiting response", "changes requested", "quote accepted", "estimate approved",
    "aceptado", "accepte", "acceptee", "angenommen", "aceito", "accettato", "geaccepteerd"))


@dataclass(frozen=True)
class StageValue:
    """What a stage-ish cell says: a stage, an outcome, both or neither.

    ``won`` is True for values that mean a won deal (an event kind hint).
    ``known`` is False for values that need the user to map them.
    """
    stage: str | None = None
    outcome: str | None = None
    active: bool = False
    won: bool = False
    known: bool = True


WON_WORDS = {normalise_value(w) for w in (
    "won", "closed won", "closedwon", "deal won", "ganado", "cerrado ganado", "gagne",
    "affaire gagnee", "gewonnen", "ganho", "fechado ganho", "vinto", "vinta", "chiuso vinto",
    "trattativa vinta", "deal gewonnen", "gagnee", "ganada",
    "vendida", "vendido",      # (a deal sold: RD Station CRM's "Vendida")
    "vunnen", "vundet", "vunnet", "voitettu", "успешно реализовано", "сделка успешна",
    "успішно реалізовано")}   # (amoCRM's won stage, in Russian and Ukrainian)


# A mapping's target for a value that says no one thing here (a deal pipeline's "Avslutad",
# closed won or lost): it waits for the person to map it, as a value no alias knows.
UNDECIDED = "undecided"


def read_stage_value(value: object, mapping: dict[str, str] | None = None) -> StageValue:
    """Interpret a stage or status cell through the aliases and the workspace's mapping.

    ``mapping`` maps normalised values to a stage name, an outcome, or ``"ignore"``.
    """
    key = normalise_value(value)
    if not key:
        return StageValue()
    target = (mapping or {}).get(key)
    if target is not None:
        if target in RANK:
            return StageValue(stage=target)
        if target in OUTCOMES:
            return StageValue(outcome=target)
        if target == UNDECIDED:
            return StageValue(known=False)
        return StageValue()  # "ignore"
    if key in STAGE_ALIASES:
        return StageValue(stage=STAGE_ALIASES[key], won=key in WON_WORDS)
    if key in OUTCOME_OF:
        return StageValue(outcome=OUTCOME_OF[key])
    if key in ACTIVE_OF:
        return StageValue(active=True)
    if isinstance(value, str) and (when := _WHEN_AFTER.search(value)) and (
            said := read_stage_value(value[:when.start()], mapping)).outcome:
        return said             # "Left Dec", "Cancelled 3/4": the outcome, when said after
    if paid_said := _paid_beside_frequency(key):
        return read_stage_value(paid_said, mapping)     # "One-off, paid": as "paid" says
    parts = said_parts(value)
    if len(parts) > 1:          # "Lost - price", "Paid/Payé", "Repeat ✓"; not "Lead - lost"
        reads = [read_stage_value(part, mapping) for part in parts]
        first = reads[0]
        if first.outcome is None and RANK.get(first.stage, -1) < RANK["purchase"] and any(
                normalise_value(part) in _PAID_AFTER for part in parts[1:]):
            return StageValue(stage="purchase")     # "Booked - deposit pd": bought
        if first.known and not _settled_after(parts) and all(
                not said.known or said == first for said in reads[1:]):
            return first
    return StageValue(known=False)


# When something happened, written after it in a status ("Left Dec", "Left in March 24",
# "Cancelled 3/4"): a month, with a year or not, or a day.
_WHEN_AFTER = re.compile(
    r"(?i)\s+(?:in\s+|on\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"(?:\s*'?\d{2}(?:\d{2})?)?|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2}(?:\d{2})?)?)\s*$")


# Where a value's parts meet: a dash or a colon between spaces, a slash, a bar, a bracket,
# a mark ("Lost - price", "Paid/Payé", "Won (upsell)", "Repeat ✓").
_PARTS = re.compile(r"\s+[-–—:]\s+|\s*[/|()\[\]]\s*|\s+[✓✔✗✘❌✅]")
# Words after the first part that settle or reverse it ("Quote - accepted").
_SETTLES = frozenset(normalise_value(w) for w in (
    "accepted", "approved", "converted", "signed", "agreed", "refunded", "returned",
    "reversed", "credited", "charged back", "won", "lost", "churned", "cancelled",
    "canceled", "paid", "unpaid", "not paid"))


# Words after a booking or a quote that say money was paid ("Booked - deposit pd"): bought.
_PAID_AFTER = frozenset(normalise_value(w) for w in (
    "paid", "pd", "paid in full", *PART_PAID_WORDS.split(",")))


# How often a job is done, written beside a payment's word in a status ("One-off, paid",
# "Paid, one-off", "Single visit paid", "Monthly - paid"): it says no stage of its own (a
# one-off is no retention), so the payment's word is read alone.
FREQUENCY_WORDS = frozenset(normalise_value(w) for w in (
    "one off, one-off, oneoff, one time, one-time, once, single, single visit, single job, "
    "single call out, single callout, single treatment, single session, single booking, "
    "ad hoc, ad-hoc, adhoc, payg, pay as you go, weekly, fortnightly, monthly, quarterly, "
    "annual, annually, yearly").split(","))


def _paid_beside_frequency(key: str) -> str | None:
    """A status's payment word (``PAYMENT_STATUSES``: paid, unpaid, refunded...) where the
    rest of it (``key``, normalised) is a frequency (``FREQUENCY_WORDS``); else None."""
    for word in FREQUENCY_WORDS:
        if key != word and (key.startswith(word) or key.endswith(word)):
            rest = key[len(word):] if key.startswith(word) else key[:-len(word)]
            if rest in PAYMENT_STATUSES:
                return rest
    return None


def said_parts(value: object) -> list[str]:
    """A text cell's parts (see ``_PARTS``), empty ones left out; [value] for no text."""
    if not isinstance(value, str):
        return [value]
    return [part for part in _PARTS.split(value) if part.strip()] or [value]


def said_first(value: object) -> object:
    """A text cell's first part (see ``said_parts``)."""
    return said_parts(value)[0]


def _settled_after(parts: list) -> bool:
    return any(normalise_value(part) in _SETTLES for part in parts[1:])


# The word "order" written before an order's status ("Pedido Entregue", "Pedido Cancelado":
# Loja Integrada's; "Order Shipped"), as normalise_value writes it.
_ORDER_WORD_FIRST = re.compile(r"^(?:pedido|order|pesanan|commande|bestellung|encomenda|"
                               r"ordine|zamowienie)(?=.)")


def order_status_key(value: object) -> str:
    """An order's status as compared (normalise_value), less the word "order" before it
    where the rest is an order's status (ORDER_STATUS_KIND): "Pedido Entregue": "entregue"."""
    key = normalise_value(value)
    if key not in ORDER_STATUS_KIND and (paid_said := _paid_beside_frequency(key)):
        return paid_said                                # ("One-off, paid": "paid")
    rest = _ORDER_WORD_FIRST.sub("", key, count=1)
    return rest if key not in ORDER_STATUS_KIND and rest in ORDER_STATUS_KIND else key


@functools.lru_cache(maxsize=4096)
def order_status_kind(value: object) -> str | None:
    """The event kind an order's status names (ORDER_STATUS_KIND): the whole value (less
    the word "order" before it: order_status_key), else its first part when no other part
    names another kind or settles it ("Paid/Payé", "Pending (bank)"; not "Completed -
    refunded", "Quote - accepted", "Paid/Unpaid"), or where every part names the same kind
    ("Done - paid")."""
    kind = ORDER_STATUS_KIND.get(order_status_key(value))
    parts = said_parts(value)
    if kind is None and len(parts) > 1:
        kinds = [ORDER_STATUS_KIND.get(normalise_value(part)) for part in parts]
        if kinds[0] is not None and all(k == kinds[0] for k in kinds[1:]):
            kind = kinds[0]
        elif _settled_after(parts):
            return None
        elif kinds[0] is not None and all(k is None or k == kinds[0] for k in kinds[1:]):
            kind = kinds[0]
        elif kinds[0] == "contact" and any(       # "Booked - deposit pd": bought, as
                normalise_value(part) in _PAID_AFTER for part in parts[1:]):  # read_stage_value
            kind = "purchase"
    return kind


def stage_at_column(stage: str) -> str:
    """The client column holding the date a stage was first reached: ``purchase_at``."""
    return stage.replace("-", "_") + "_at"


def stage_model(pre_awareness: bool = False) -> tuple[str, ...]:
    """The ordered stages of the model in use."""
    return ALL_STAGES if pre_awareness else STAGES


# --- the furthest-stage rule ----------------------------------------------------------

@dataclass
class Evidence:
    """What is known about one client, as the furthest-stage rule needs it."""
    stage: str | None = None                 # the client's own stage column
    event_stages: tuple[str, ...] = ()       # stages named on its events
    purchase_dates: tuple[str, ...] = ()     # dates of purchase events ("" if unknown)
    won_dates: tuple[str, ...] = ()          # dates of won deals: its sales where it has
                                             # more of them than purchases (a deal and its
                                             # invoice: one sale)
    purchases: float | None = None           # a purchase count column
    referrals: float | None = None
    nps: float | None = None
    retained: bool = False                   # a retained status ("stayed")
    advocacy_events: int = 0                 # referral and review events, NPS events of 9-10
    outcome: str | None = None               # lost, churned or cancelled
    bought: bool = False                     # other evidence of a purchase (refunds, churn)


def furthest_stage(evidence: Evidence) -> str:
    """The highest stage a client reached; awareness when nothing says more.

    The rule of DESIGN.md, in order of strength: the stage column and event stages;
    a purchase or won deal -> purchase; a second sale on a later date (its sales are
    its purchases, or its won deals where it has more of those), a purchase count of 2
    or more, or a retained status -> retention; a referral, a review or an NPS of 9 or 10 -> advocacy.
    Lost and churned never lower it. This pure version is the reference for the SQL in
    ``journey.derive``, which must agree with it.
    """
    ranks = [RANK["awareness"]]
    if evidence.stage in RANK:
        ranks.append(RANK[evidence.stage])
    ranks += [RANK[s] for s in evidence.event_stages if s in RANK]
    by_purchases = len(evidence.purchase_dates) >= max(len(evidence.won_dates), 1)
    sales = evidence.purchase_dates if by_purchases else evidence.won_dates
    distinct_dates = {d[:10] for d in sales if d}          # days, not moments
    if sales or (evidence.purchases or 0) >= 1 or evidence.bought \
            or evidence.outcome == "churned":
        ranks.append(RANK["purchase"])
    if len(distinct_dates) >= 2 or (evidence.purchases or 0) >= 2 or evidence.retained:
        ranks.append(RANK["retention"])
    if evidence.advocacy_events or (evidence.referrals or 0) >= 1 \
            or (evidence.nps is not None and evidence.nps >= 9):
        ranks.append(RANK["advocacy"])
    # A stated pre-awareness stage with no other evidence stays pre-awareness (events that
    # also say pre-awareness are no other evidence; the SQL in journey.derive agrees).
    if evidence.stage == PRE_AWARENESS and max(ranks[1:], default=0) == 0:
        return PRE_AWARENESS
    return ALL_STAGES[max(ranks)]
