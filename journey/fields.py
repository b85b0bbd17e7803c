"""The field vocabulary: client and event fields, their types, and header synonyms.

Headers match case-, space- and punctuation-insensitively (``normalise_header``).
Synonyms are listed in priority order: when two columns of one sheet map to the same
field, the column matching the earlier synonym wins where both have a value.
"""

from __future__ import annotations

import re

from .kinds import KINDS
from .text import match_key

# Field types drive value coercion in ``journey.values``.
TEXT, NUMBER, MONEY, PERCENT, DATE, BOOL, COUNT, SCORE = (
    "text", "number", "money", "percent", "date", "bool", "count", "score")

CLIENT_FIELDS: dict[str, str] = {
    "client_id": TEXT,
    "name": TEXT,
    "client_type": TEXT,
    "purchasing_frequency": TEXT,
    "country": TEXT,
    "region": TEXT,
    "persona": TEXT,
    "contact_name": TEXT,
    "email": TEXT,
    "phone": TEXT,
    "revenue_current": MONEY,
    "revenue_potential": MONEY,
    "communication": TEXT,
    "preferred_channel": TEXT,
    "discounts": TEXT,
    "behaviour": TEXT,
    "key_decision_maker": TEXT,
    "payment_terms": TEXT,
    "contract_on_file": BOOL,
    "sla": TEXT,
    "sales_volume_per_week": NUMBER,
    "net_profit_per_week": MONEY,
    "buyer_type": TEXT,
    "peak_reason": TEXT,
    "dip_reason": TEXT,
    "lessons_learnt": TEXT,
    "reward_effort_rank": SCORE,
    "stage": TEXT,
    "status": TEXT,
    "channel": TEXT,
    "owner": TEXT,
    "first_contact": DATE,
    "last_contact": DATE,
    "satisfaction": NUMBER,
    "nps": SCORE,
    "purchases": COUNT,
    "referrals": COUNT,
    "complaints": COUNT,
    "objections": COUNT,
    "refunds": COUNT,
}

EVENT_FIELDS: dict[str, str] = {
    "client_id": TEXT,
    "name": TEXT,
    "date": DATE,
    "kind": TEXT,
    "stage": TEXT,
    "channel": TEXT,
    "touchpoint": TEXT,
    "department": TEXT,
    "amount": MONEY,
    "status": TEXT,
    "reason": TEXT,
    "note": TEXT,
    "order_id": TEXT,
}

EVENT_KINDS = tuple(kind.name for kind in KINDS)     # declared in journey.kinds

# Score ranges: values outside are rejected.
SCORE_RANGES = {"reward_effort_rank": (1, 5), "nps": (0, 10)}

# Fixed choices for a few client fields (the template's dropdowns; free text is still accepted).
CHOICES = {
    "purchasing_frequency": ("new", "existing", "to onboard", "prospect"),
    "buyer_type": ("seasonal", "mature", "promo only"),
    "status": ("active", "lost", "churned"),
    "contract_on_file": ("yes", "no"),
}

# field -> synonyms in priority order (the field name itself always matches first).
# A trade's job or work order number: the sale its invoice bills, so the number the invoice
# and the job share ties them into one sale (an order_id).
_JOB_NUMBERS = ("job number", "job no", "job id", "job ref", "job reference",
                "work order number", "work order no", "work order id", "wo number", "wo no")
JOB_NUMBERS = frozenset(map(match_key, _JOB_NUMBERS))

# What each was sold at ("Sale price", "Valor de venta", "Prix de vente"), never what it cost
# ("Cost price", "Valor de compra"): the amount where no other amount is, and not beside a
# commission (``COMMISSION_HEADERS``: an agent's, a consignment shop's or a gallery's own
# money is the commission on a price its client is paid).
SALE_PRICES = ("sale price", "selling price", "sales price")
SALE_PRICES_ELSEWHERE = ("valor de venta", "precio de venta", "importe de venta",
                         "valor de venda", "preco de venda", "prix de vente",
                         "montant de vente", "verkaufspreis", "prezzo di vendita",
                         "verkoopprijs")
COMMISSION_HEADERS = ("commission", "commissions", "commission earned", "commission amount",
                      "our commission", "comision", "comissao", "provision", "provvigione")

SYNONYMS: dict[str, tuple[str, ...]] = {
    "client_id": ("client id", "customer id", "customerid", "account id", "client number",
                  "customer number", "customer no", "client ref", "client code", "customer code",
                  "member id", "lead id", "contact id", "cust id",
                  # (a clinic's, a club's, a school's, an accountant's own number for each
                  # client: "Patient ID", "Member #", "Student No", "Account Number")
                  "patient id", "patient number", "patient no", "member number", "member no",
                  "membership number", "membership no", "client no", "account number",
                  "account no", "student id", "student number", "student no"),
    "name": ("client", "client name", "customer", "customer name", "company", "company name",
             "card name", "card title", "user name", "display name", "couple",
             # (a wedding trade's bookings: a makeup artist's, a dressmaker's)
             "bride", "bride name", "brides name", "bride's name", "bride and groom",
             "buyer username",     # (a marketplace's buyer by handle: TikTok Shop's)
             "account", "account name",
             "name of sender/receiver",     # (a payments app's other party: Cash App's)
             "primary account", "primary company",   # (whom a Nutshell lead, a deal, is for)
             "business", "business name", "organisation",
             "organization", "buyer", "buyer name", "purchaser", "purchaser name",
             "purchased by", "lead", "lead name", "full name", "your name",
             "first name", "given name", "last name", "surname", "family name",
             "co./last name",    # (MYOB's: a company, or a person's last name)
             "member",
             "member name", "invitee name", "attendee name", "buyer name", "customer full name",
             "reviewer", "reviewer name", "patron name", "subscriber", "subscriber name",
             "student",
             "student name", "pupil", "patient", "patient name",
             # (a children's class's: a parent's column, where there is one, names the
             # client instead: understand._payer_named)
             "child", "child name", "childs name", "child's name",
             "who",       # (a hand-kept log's; understand.guess_sheet_mapping: not beside a name)
             "new client", "new customer", "referred client", "client referred", "referee",
             # (a wholesaler's buyer, a restaurant's guest, an organisation named in full)
             "organization name", "organisation name", "retailer", "retailer name",
             # (a maker's or a wholesaler's shops that stock its goods)
             "stockist", "stockist name", "trade customer", "wholesale customer",
             "guest name", "billing name", "consumer name",
             # (who paid by card: a card gateway's, Helcim's "Card Holder Name")
             "card holder name", "cardholder name", "cardholder", "card holder", "name on card",
             "review consumer name",     # (Trustpilot's reviewer)
             # (who booked: a class's or an event's booking tool, Bookwhen's)
             # (not "Booked by": a salon's or a clinic's is its staff or "Online")
             "booker", "booker name", "lead booker", "lead booker name",
             # (a booking's manifest, a row per person: save's booking is its first's)
             "participant", "participant name", "passenger", "passenger name",
             "attendee",      # (an event's attendee list: each row the person who came)
             "traveller name", "traveler name",
             "nickname",     # (a chat tool's name for its visitor: Crisp's)
             # (a tip jar's or a payment processor's payer: Buy Me a Coffee's, Adyen's)
             "supporter name", "shopper name",
             # (an applications list's: a loan's, a course's, a tenancy's applicant)
             "applicant", "applicant name", "applicant full name",
             "bill to name"),     # (Magento's order grid: "Bill-to Name"; not "Ship-to Name")
    "client_type": ("type", "client type", "customer type", "segment", "customer segment",
                    "category", "sector", "industry"),
    "purchasing_frequency": ("purchasing frequency", "purchase frequency", "frequency",
                             "new or existing", "new existing"),
    "country": ("country", "nation"),
    "region": ("region", "state", "province", "area", "territory", "city", "location",
               "office location"),
    "persona": ("persona", "buyer persona", "target persona", "persona name", "audience"),
    "contact_name": ("contact", "contact name", "contact person", "main contact",
                     "primary contact",
                     # (a training course's person booked: the client is the company
                     # where one is named, else the delegate)
                     "delegate", "delegate name", "delegates"),
    "email": ("email", "e mail", "email address", "mail", "supporter email", "shopper email",
              "booker email", "lead booker email", "review consumer email"),
    "phone": ("phone", "telephone", "phone number", "mobile", "tel", "cell",
              # (an appointments export's, an SMS or WhatsApp log's, a trade's enquiries)
              "mobile number", "mobile phone", "mobile no", "phone no", "telephone number",
              "telephone no", "tel no", "cell phone", "cell number", "contact number",
              "contact phone", "client phone", "client mobile", "customer phone",
              "customer mobile", "caller id", "caller number", "from number", "whatsapp",
              "whatsapp number", "sms number", "booker phone", "booker phone number"),
    # (not "annual revenue": in a CRM's companies list it is the company's own turnover)
    "revenue_current": ("revenue", "current revenue", "revenue current", "total revenue",
                        "totalrevenue", "spend", "total spend", "spend to date", "spent to date",
                        "lifetime value", "ltv", "clv", "spent", "amount spent",
                        "total spent", "fee", "fees", "monthly fee",
                        # (the business's own fee beside the price of what the client
                        # bought through it: a conveyancer's house "Price", an agent's)
                        "our fee", "our fees", "my fee", "my fees", "our charge",
                        "our commission", "my commission",
                        "mrr", "monthly recurring revenue",    # (a subscriber's, ChartMogul's)
                        "retainer", "monthly retainer", "retainer fee",
                        # (a teacher's or a school's fee for each term)
                        "fee per term", "term fee", "termly fee", "fee per month",
                        # (a salon's, a swim school's or a tutor's price of one session,
                        # lesson, class or block of them)
                        "price per session", "price per lesson", "price per class",
                        "price per visit", "session price", "lesson price", "class price",
                        "session fee", "lesson fee", "class fee", "block fee",
                        # (a subscription box's or a round's price each month or week)
                        "monthly price", "price per month", "weekly price", "price per week",
                        "weekly fee", "fee per week", "price/week", "price/wk", "price/month",
                        "price/mth", "fee/week", "fee/wk", "fee/month", "fee/mth",
                        "total fees", "total billed", "amount billed", "won deals amount",
                        "transaction total", "lifetime revenue",
                        "historic customer lifetime value", "total customer lifetime value",
                        # (what a client spends with you a year: a wholesale list's)
                        "annual spend", "yearly spend", "spend per year", "annual spend with us",
                        # (a club's or a society's yearly dues; an allotment's or a site's
                        # plot or pitch rent each holder pays: "Rent 2025")
                        "annual fee", "yearly fee", "membership fee", "subs", "annual subs",
                        "rent", "annual rent", "plot rent", "pitch fee"),
    "revenue_potential": ("potential revenue", "revenue potential", "potential",
                          "potential value", "opportunity value", "pipeline value",
                          "quote", "quote value", "quoted", "estimate", "estimate value",
                          "est value", "estimated value", "est deal value",
                          # (what a lead may spend: Kommo's and amoCRM's "Budget")
                          "budget", "lead budget", "бюджет"),
    "communication": ("communication", "communication style", "communications"),
    "preferred_channel": ("preferred channel", "preferred contact", "contact preference",
                          "preferred contact method", "contact method"),
    "discounts": ("discounts", "discount", "discount terms"),
    "behaviour": ("behaviour", "behavior", "buying behaviour", "buying behavior"),
    "key_decision_maker": ("key decision maker", "decision maker", "kdm"),
    "payment_terms": ("payment terms", "terms", "payment"),
    "contract_on_file": ("contract on file", "has contract", "contract signed"),
    "sla": ("sla", "service level", "service level agreement"),
    "sales_volume_per_week": ("sales volume per week", "weekly sales volume",
                              "sales volume", "volume per week", "units per week"),
    "net_profit_per_week": ("net profit per week", "weekly net profit", "net profit",
                            "profit per week"),
    "buyer_type": ("buyer type", "type of buyer", "buying pattern"),
    "peak_reason": ("peak reason", "reason for peak", "peaks", "why peak"),
    "dip_reason": ("dip reason", "reason for dip", "dips", "why dip"),
    "lessons_learnt": ("lessons learnt", "lessons learned", "lessons", "learnings"),
    "reward_effort_rank": ("reward effort rank", "reward effort", "reward to effort",
                           "effort rank", "rank"),
    "stage": ("stage", "deal stage", "dealstage", "lifecycle stage", "journey stage",
              "pipeline stage", "pipeline status", "funnel stage", "status", "customer status", "customerstatus",
              "client status", "lead status", "opportunity stage", "sales stage",
              "contact type", "person type", "section/column", "section", "list name",
              "status label", "lead status label",
              "board column", "pipeline column", "project stage",
              "milestone"),    # (Capsule's; understand: only when its values name stages)
    "status": ("outcome", "result", "account status", "churn status", "membership status",
               "member status", "subscription status", "patron status", "payment status",
               "financial status", "order status", "transaction status", "booking status",
               "appointment status", "job status", "visit status", "payment state",
               "order payment state", "order state", "payment status code",
               # (what was paid says more than what was booked; Keap's "Pay Status")
               "invoice status", "opportunity state", "pay status",
               # (a booking tool's or a studio's: Pike13's "Visit State": completed, noshow)
               "visit state", "booking state", "appointment state", "reservation status",
               # a hand-kept sheet's column of whether it happened: Yes, No show, Cancelled
               "attended", "attendance", "showed up", "turned up", "collected",
               "picked up",
               "state machine state",   # (Shopware's "stateMachineState.technicalName")
               # (a marketplace's order line: Flipkart's "Order Item Status", Takealot's
               # "Sale Status")
               "order item status", "sale status",
               # (Meesho's orders: "Reason for Credit Entry", DELIVERED, RTO_COMPLETE)
               "reason for credit entry",
               "last payment status",   # (a payment provider's, ICEPAY's: OK, OPEN, ERR)
               # (a mailing tool's subscriber: Klaviyo's SUBSCRIBED, UNSUBSCRIBED,
               # NEVER_SUBSCRIBED; Mailchimp's "Status" is read as "status" already)
               "email marketing consent", "email subscription status",
               "email marketing status"),
    "channel": ("channel", "source", "lead source", "origin", "received via", "acquisition channel",
                "how found", "how found us", "how did you hear", "how did you hear about us",
                "how did you hear about this event", "where did you hear about us",
                "how did you find us", "referral source", "medium", "utm source",
                # (an owner's own sheet, of the client: "How did they hear about us?")
                "how did they hear", "how did they hear about us", "how they heard",
                "how they heard about us", "where did they hear about us",
                "how did they find us", "how they found us", "how did you find out about us",
                "heard about us", "heard about us via", "heard via", "found us via",
                "found us through", "found via"),
    "owner": ("owner", "account owner", "sales agent", "salesagent", "sales rep", "rep",
              "account manager", "assigned to", "salesperson", "sales person", "agent",
              "assignee", "assignee name", "task owner"),
    "first_contact": ("first contact", "first contact date", "created", "created date",
                      "date created", "create date", "signup date", "sign up date", "joined",
                      "customer since", "client since", "start date", "date added", "lead date",
                      "created time", "join date", "joined on", "member since",
                      "enquiry date", "inquiry date", "date of enquiry", "date of inquiry",
                      "first visit"),
    "last_contact": ("last contact", "last contact date", "last contacted", "last activity",
                     "last activity time", "last active",
                     "last activity date", "last touch", "last seen", "last visit",
                     "last visit date", "last order", "last order date", "last purchase",
                     "last purchase date"),
    "satisfaction": ("satisfaction", "satisfaction score", "csat", "customer satisfaction"),
    "nps": ("nps", "nps score", "net promoter score", "likelihood to recommend"),
    "purchases": ("purchases", "number of purchases", "purchase count", "orders",
                  "number of orders", "no of orders", "nr of orders", "order count",
                  "orders count", "total orders", "transactions", "payment count",
                  "number of payments", "historic number of orders", "won deals",
                  "transaction count",
                  # a salon's or a clinic's client list: the visits each client paid for
                  # (a gym's check-ins are the member profiles', not purchases)
                  "visits", "total visits", "number of visits", "no of visits",
                  "visit count", "visits count",
                  # a café's or a shop's loyalty card: a stamp for each purchase
                  "stamps", "stamps collected", "loyalty stamps", "coffee stamps"),
    "referrals": ("referrals", "number of referrals", "numberofreferrals", "referral count",
                  "referrals made", "referred a friend", "referred someone", "has referred",
                  "referred us", "recommended us", "has recommended us"),
    "complaints": ("complaints", "number of complaints", "complaint count"),
    "objections": ("objections", "number of objections", "objection count"),
    "refunds": ("refunds", "number of refunds", "total refunds", "totalrefunds", "refund count",
                "returns", "number of returns"),
    # event-only fields
    "date": ("date", "close date", "closedate", "closed date", "order date", "orderdate",
             "transaction date", "trans date", "transdate", "purchase date", "event date",
             "activity date", "complaint date", "date received", "received", "timestamp",
             "engage date", "engagedate", "created at", "date time", "datetime",
             # (the sale's own date, before when it was paid or the work was done)
             "invoice date", "invoiced date", "issue date", "date issued", "issued date",
             "issued on", "sale date", "sales date", "date of sale",
             "sold date", "date sold", "billing date", "payment date", "date paid",
             "paid date", "paid on", "date of payment",
             # (when an appointment took place, not when it was booked: Fresha's)
             "scheduled date", "appointment date", "service date", "visit date",
             # (an order made to be collected: a cake's, on the day it is collected)
             "collect", "collect on", "collect date", "collection date", "pickup date",
             "pick up date",
             # (the day a repair or an alteration was brought in: a workshop's ticket)
             "in", "date in", "booked in date", "dropped off", "drop off", "drop off date"),
    "kind": ("kind", "event", "event type", "event kind", "activity", "activity type",
             "interaction type", "transaction type", "receipt type", "record type",
             "entry type"),
    "touchpoint": ("touchpoint", "touch point", "interaction", "campaign"),
    "department": ("department", "dept", "team", "function", "business unit"),
    "amount": ("amount", "close value", "closevalue", "value", "sales", "sale amount",
               # (a gift card's value when sold: its "Balance" is what is left to spend)
               "initial value", "gift card value", "card value", "face value",
               "tran amount", "tranamount", "transaction amount", "order value",
               "order total", "order amount", "total", "line total", "line amount",
               "line value",
               # (a repair's price when done, beside the "Est" it was estimated at)
               "final", "final price", "final cost", "final amount", "final bill",
               # (an order's "Total price" beside its "Item total", the goods before
               # shipping and tax: Big Cartel's; what the buyer paid comes first)
               "invoice total", "total price", "item total", "extended price",
               "extended amount", "ext price",
               # (what was paid after a coupon, before the list price beside it:
               # Teachable's "Final Price", Payhip's "Amount Paid", a studio's booking's
               # "Price Paid", Arketa's; a marketplace's "Paid Price" beside its item's
               # "Unit Price" or "Price": Lazada's, Daraz's and Jumia's order lines)
               "final price", "amount paid", "price paid", "paid price",
               "price", "service price",
               # (a resale app's sale with no quantity beside it: Mercari's "Item Price")
               "item price",
               # (a marketplace's sale, Poshmark's "Order Price" beside the seller's "Net
               # Earnings")
               "order price", "deal value", "job amount", "job total", "jobs total",
               # (a trade's job list: what the job was invoiced at, Tradify's)
               "invoiced", "amount invoiced", "invoiced amount", "total invoiced",
               "approved invoice total",     # (JobNimbus's job: what its invoice came to)
               "total paid", "total amount", "grand total",
               "deal size", "amount charged", "charged", "opportunity value", "project fee",
               # (a freelancer's board, Notion's or Airtable's: what the project is worth)
               "project value", "contract value",
               "lead value",        # (GoHighLevel's opportunity: what it is worth)
               # (a rental or hire business's price of each rental: its deposit, given
               # back, is not the sale)
               "rental fee", "rental price", "rental charge", "hire fee", "hire price",
               "hire charge",
               "primary opportunity value",
               # (what the client paid, tax included, beside the amount before tax)
               "amount inc vat", "amount incl vat", "amount including vat", "total inc vat",
               "total incl vat", "total including vat", "price inc vat", "price incl vat",
               "amount inc gst", "amount incl gst", "total inc gst", "total incl gst",
               "price inc gst", "price ttc",
               "inc-tax total", "inc-tax amount", "total inc tax", "total incl tax",
               "amount inc tax", "amount incl tax",     # (MYOB's "Inc-Tax Total")
               "booking total", "booking amount", "booking value", "reservation total",
               "job value", "package price", "package fee", "package cost", "course fee",
               "course price", "total value", "bid amount", "expected revenue",
               "total collected", "gross", "gross amount", "gross total", "invoice total",
               "invoice amount", "stars", "star rating",
               "review stars", "review rating",
               # (a review of the business's service beside its product's: Feefo's)
               "service rating", "rating", "review score", "product rating",
               # (a donation's gross, before the platform's fees: Donorbox's)
               "donated amount", "donation amount", "amount donated", "gift amount",
               # (what a studio is paid for a visit booked through ClassPass)
               "payout",
               # (a restaurant's bill: Resy's, a POS's; a POS's item sales after discounts)
               "ticket total", "check total", "bill total", "net sales",
               # (Braintree's: what was taken, beside what was only authorised)
               "amount submitted for settlement",
               # (Authorize.net's: what was settled, beside the "Authorization Amount")
               "settlement amount",
               # (what each was sold at, last: any other amount says more; never the
               # "Cost price" or "Purchase price" of goods bought in)
               *SALE_PRICES),
    "reason": ("reason", "loss reason", "lost reason", "churn reason", "churnreason",
               "complaint reason", "cause", "objection", "issue"),
    "note": ("note", "notes", "comment", "comments", "description", "details", "summary"),
    "order_id": ("order id", "orderid", "order number", "order no",
                 *_JOB_NUMBERS,
                 "invoice", "invoice id",
                 "invoice number", "transaction id", "payment id", "opportunity id", "deal id", "order",
                 "order code", "order ref", "order reference", "sales order", "sales order number", "invoice no",
                 "inv no", "receipt", "receipt number", "receipt no", "sale id",
                 "sale number",
                 # (a tour's or a venue's booking: its people and payments are one sale)
                 "booking id", "booking number", "booking reference", "booking ref",
                 "reservation id", "reservation number",
                 # (a restaurant's bill: its lines are one sale; TouchBistro's "Bill #")
                 "bill number", "bill no", "bill id", "check number", "check no"),
}

# The same fields in the other languages small businesses write in (Spanish, French, German,
# Portuguese, then Italian and Dutch), matched after the English ones; accents and case do
# not matter.
OTHER_LANGUAGES: dict[str, tuple[str, ...]] = {
    "client_id": ("id cliente", "id del cliente", "cliente id", "numero de cliente", "kd nr",
                  "kdnr", "kunden nummer",
                  "codigo cliente", "codigo de cliente", "id client", "identifiant client",
                  "numero client", "numero de client", "n client", "code client",
                  "kundennummer",
                  "kunden nr", "kundennr", "kunden id", "id do cliente", "codigo do cliente",
                  "numero do cliente",
                  "codice cliente", "cod cliente", "numero cliente", "n cliente",
                  "klantnummer", "klantnr", "klant id", "klantcode", "debiteurnummer", "debiteurnr",
                  "relatienummer"),
    "name": ("cliente", "nombre", "nombre del cliente", "nombre cliente", "razon social",
             "comprador", "acheteur", "kaufer", "comprador nome",
             "empresa", "organizacion", "organizacao", "organizzazione", "nom", "nom du client", "nom client", "societe", "entreprise",
             "raison sociale", "kunde", "kundenname", "firma", "firmenname", "unternehmen",
             "nome", "nome do cliente", "nome cliente", "apellido", "apellidos", "prenom",
             "nom de famille", "vorname", "nachname", "sobrenome",
             "ragione sociale", "denominazione", "azienda", "ditta", "societa", "nominativo",
             "intestatario", "acquirente", "cognome",
             "klant", "klantnaam", "naam klant", "naam", "bedrijf", "bedrijfsnaam", "organisatie",
             "debiteur", "relatie", "koper", "voornaam", "achternaam", "naam consument"),
    "email": ("correo", "correo electronico", "courriel", "adresse email", "adresse e mail",
              "e mail adresse", "email adresse", "mail adresse", "endereco de email",
              "endereco de e mail",
              "indirizzo email", "posta elettronica",
              "e mailadres", "mailadres"),
    "phone": ("telefono", "telefon", "telefone", "movil", "celular", "portable", "handy",
              "handynummer", "mobilnummer", "numero de telefono", "numero de movil",
              "cellulare", "numero di telefono",
              "telefoon", "telefoonnummer", "mobiel", "mobiel nummer", "gsm"),
    "country": ("pais", "pays", "land",
                "paese", "nazione"),
    "region": ("ciudad", "provincia", "ville", "stadt", "bundesland", "cidade", "ort",
               "citta", "regione", "comune", "localita",
               "plaats", "woonplaats", "stad", "provincie", "regio", "gemeente",
               "vestigingsplaats"),
    "contact_name": ("contacto", "persona de contacto", "interlocuteur", "ansprechpartner",
                     "contato", "nome do contato",     # (Tiny ERP's: its clients are contacts)
                     "referente", "contatto", "persona di riferimento",
                     "contactpersoon"),
    "client_type": ("tipo de cliente", "tipo cliente", "segmento", "type de client",
                    "kundentyp", "kundensegment", "categoria", "categorie", "kategorie",
                    "branche", "setor",
                    "tipologia cliente", "settore",
                    "klanttype", "type klant", "soort klant"),
    "owner": ("responsable", "vendedor", "comercial", "propietario", "commercial",
              "proprietaire", "verkaufer", "verantwortlich", "zustandig", "responsavel",
              "dono do lead", "dono",
              "responsabile", "commerciale", "venditore", "agente", "assegnato a",
              "eigenaar", "verkoper", "verantwoordelijke", "behandelaar", "toegewezen aan"),
    "first_contact": ("fecha de alta", "fecha alta", "cliente desde", "date de creation",
                      "erstkontakt", "erster kontakt",
                      "date d inscription", "client depuis", "angelegt am", "kunde seit",
                      "data de cadastro",
                      "cliente dal", "cliente da", "data di creazione", "data creazione",
                      "data registrazione", "data di registrazione", "data inserimento",
                      "primo contatto", "data primo contatto",
                      "klant sinds", "aangemaakt op", "aanmaakdatum", "datum aangemaakt",
                      "inschrijfdatum", "eerste contact", "datum eerste contact"),
    "revenue_current": ("ingresos", "facturacion", "chiffre d affaires", "receita",
                        "faturamento", "gastado", "total gastado", "honorarios",
                        "honoraires", "honorar",
                        "fatturato", "totale speso", "speso", "ricavi",
                        "totaal besteed", "besteed",
                        # a client's "Total Spent" in French, German, Spanish, Portuguese,
                        # Italian and Dutch
                        "total depense", "montant depense", "total des depenses",
                        "gesamtausgaben", "ausgaben gesamt", "ausgaben insgesamt",
                        "gastado total", "total gasto", "gasto total", "valor gasto",
                        "speso totale", "totaal uitgegeven", "uitgegeven",
                        # a member's monthly fee (a gym's, a club's): as "Monthly fee"
                        "cuota", "cuota mensual", "mensalidade", "cotisation",
                        "cotisation mensuelle", "monatsbeitrag", "quota mensile",
                        "maandcontributie"),
    "revenue_potential": ("presupuesto", "devis", "angebot", "orcamento",
                          "preventivo", "offerta", "valore potenziale",
                          "offerte", "offertebedrag"),
    "last_contact": ("ultimo contacto", "ultima compra", "ultimo pedido", "dernier contact",
                     "derniere commande", "letzter kontakt", "letzter auftrag",
                     "letzte bestellung", "ultimo contato",
                     "ultimo contatto", "data ultimo contatto", "ultimo ordine", "ultimo acquisto",
                     "laatste contact", "datum laatste contact", "laatste bestelling",
                     "laatste aankoop"),
    "stage": ("etapa", "fase", "etape", "stade", "phase", "stufe", "vertriebsphase",
              "estagio", "estagio no funil", "etapa do funil", "etapa del embudo",
              "fase del embudo", "etape du pipeline",
              "stadio", "fase di vendita", "fase del funnel", "fase della trattativa",
              "verkoopfase", "stadium", "pijplijnfase"),
    "status": ("estado", "statut", "etat", "zustand", "situacao", "resultado", "resultat",
               "ergebnis", "estado del pago", "estado de pago", "estado de la orden",
               "estado del pedido", "estado de la factura", "estado de la cita",
               "status do pagamento", "status do pedido", "situacao do pagamento",
               "estado da encomenda", "statut du paiement", "statut de la commande",
               "etat de la commande", "zahlungsstatus", "bestellstatus",
               "stato", "esito", "stato pagamento", "stato del pagamento", "stato ordine",
               "stato dell ordine", "stato fattura", "stato della fattura",
               "betaalstatus", "betalingsstatus", "bestelstatus", "factuurstatus", "resultaat",
               "uitkomst"),
    "channel": ("canal", "origen", "fuente", "medio", "quelle", "kanal", "herkunft", "origem",
                "fonte", "provenance", "origem da primeira conversao", "origem do lead",
                "canale", "origine", "provenienza", "come ci ha conosciuto",
                "kanaal", "bron", "herkomst", "hoe gevonden", "hoe heeft u ons gevonden"),
    "satisfaction": ("satisfaccion", "satisfacao", "zufriedenheit", "note de satisfaction",
                     "soddisfazione", "soddisfazione cliente",
                     "tevredenheid", "klanttevredenheid"),
    "nps": ("puntuacion nps", "probabilidad de recomendar", "recomendaria", "recommandation",
            "weiterempfehlung", "recomendacao",
            "punteggio nps", "probabilita di raccomandarci", "ci consiglierebbe",
            "aanbevelingsscore", "zou u ons aanbevelen"),
    "purchases": ("pedidos", "numero de pedidos", "compras", "commandes",
                  "nombre de commandes", "bestellungen", "anzahl bestellungen", "auftrage",
                  "anzahl auftrage", "encomendas", "numero de encomendas",
                  "ordini", "numero ordini", "numero di ordini", "acquisti", "numero acquisti",
                  "numero di acquisti",
                  "bestellingen", "aantal bestellingen", "aankopen", "aantal aankopen",
                  "aantal orders"),
    "referrals": ("referidos", "nos recomendo", "recomendo", "parrainages",
                  "a recommande", "nous a recommande", "empfehlungen", "weiterempfohlen",
                  "indicacoes", "indicou",
                  "ci ha consigliato", "ci ha raccomandato", "clienti presentati",
                  "doorverwijzingen", "aanbevelingen", "heeft ons aanbevolen"),
    "complaints": ("reclamaciones", "quejas", "reclamations", "plaintes", "beschwerden",
                   "reklamationen", "reclamacoes",
                   "reclami", "lamentele", "numero reclami",
                   "klachten", "aantal klachten"),
    "refunds": ("devoluciones", "reembolsos", "remboursements", "retours", "erstattungen",
                "rucksendungen", "devolucoes",
                "rimborsi", "resi", "numero resi",
                "terugbetalingen", "restituties", "retouren", "creditnotas"),
    "date": ("fecha", "fecha de pedido", "fecha pedido", "fecha de compra", "fecha de venta",
             "fecha de la cita", "fecha de factura", "date de facture", "rechnungsdatum",
             "belegdatum", "data da venda", "data do agendamento", "data",
             "fecha de creacion", "date de commande", "date commande", "date d achat",
             "datum", "bestelldatum", "kaufdatum", "buchungstag", "buchungsdatum",
             "fecha operacion", "fecha de operacion", "date operation", "date de operation",
             "erstellt am", "data do pedido", "data da compra", "data de criacao",
             "data fattura", "data documento", "data emissione", "data ordine", "data acquisto",
             "data vendita", "data pagamento", "data appuntamento",
             "factuurdatum", "orderdatum", "besteldatum", "aankoopdatum", "verkoopdatum",
             "boekingsdatum", "transactiedatum", "afspraakdatum"),
    "kind": ("tipo de evento", "type d evenement", "ereignis", "ereignistyp",
             "tipo evento", "tipo di evento",
             # a sales document's type: a receipt, an invoice or a credit note (Bsale's
             # "Tipo Documento", an Italian e-invoice list's "Tipo documento")
             "tipo documento", "tipo de documento",
             "type gebeurtenis", "gebeurtenis"),
    "department": ("departamento", "departement", "abteilung", "equipo", "equipe",
                   "reparto", "ufficio",
                   "afdeling"),
    "amount": ("importe", "importe total", "monto", "total pedido", "total linea", "importe linea",
               "precio total", "total ligne", "montant ligne", "prix total", "gesamtpreis",
               "positionsbetrag", "total da linha", "valor da linha", "preco total",
               "precio", "valor", "valor total",
               "betrag inkl mwst", "betrag brutto", "bruttobetrag", "montant ttc", "prix ttc",
               "montant", "montant total", "prix", "total ttc", "betrag", "gesamtbetrag",
               "wert", "valeur",
               "summe", "gesamtsumme", "bestellsumme", "preis", "umsatz", "valor do pedido",
               "preco",
               # an order's total, a product's price before fees (Omie's "Valor Total do
               # Pedido", Kiwify's "Preço base do produto")
               "valor total do pedido", "total do pedido", "preco base do produto",
               "preco do produto",
               "importo", "importo totale", "totale", "totale fattura", "totale documento",
               "totale riga", "importo riga", "prezzo totale", "prezzo", "valore", "importo ivato",
               "importo lordo",
               "bedrag", "totaal", "totaalbedrag", "factuurbedrag", "bedrag incl btw",
               "totaal incl btw", "bruto bedrag", "prijs", "totaalprijs", "waarde", "omzet",
               "regeltotaal"),
    "reason": ("motivo", "razon", "causa", "raison", "motif", "grund", "ursache", "razao",
               "motivo de perdida", "motivo de la perdida", "motif de perte",
               "raison de la perte", "verlustgrund", "grund fur verlust", "motivo da perda",
               "ragione", "motivo della perdita", "motivo perdita",
               "reden", "oorzaak", "reden verlies", "reden van verlies"),
    "note": ("nota", "notas", "comentario", "comentarios", "observaciones", "commentaire",
             "commentaires", "remarque", "notiz", "notizen", "kommentar", "bemerkung",
             "observacoes",
             "commento", "commenti", "osservazioni", "descrizione",
             "notitie", "notities", "opmerking", "opmerkingen", "omschrijving", "toelichting"),
    "order_id": ("pedido", "numero de pedido", "no de pedido", "n de pedido", "id pedido",
                 "id del pedido", "factura", "numero de venta", "n de venta", "de venta",
                 "belegnummer", "rechnungsnr", "numero da encomenda",
                 "numero de factura", "commande", "numero de commande", "no commande",
                 "n commande", "n de commande", "no de commande", "facture", "numero de facture", "bestellnummer", "bestell nr",
                 "bestellung", "auftrag",
                 "auftragsnummer", "rechnungsnummer", "rechnung", "numero do pedido",
                 "fatura", "numero da fatura",
                 "fattura", "numero fattura", "n fattura", "nr fattura", "num fattura", "ordine",
                 "numero ordine", "n ordine", "id ordine", "numero documento", "n documento",
                 "factuur", "factuurnummer", "factuurnr", "ordernummer", "ordernr", "bestelnummer",
                 "ordrenummer", "ordrenr",          # (Norwegian, Danish)
                 "bestelling", "bonnummer"),
}

# Who sent a payment, in a Nordic payment app's report (Swish's "Avsändare", Vipps' and
# MobilePay's "Avsender", "Afsender"): the client, each row money they paid.
_PAYMENT_SENDERS = ("avsändare", "avsändarens namn", "betalare", "betalarens namn", "avsender",
                    "avsenders navn", "afsender", "afsenders navn")
PAYMENT_SENDERS = frozenset(map(match_key, _PAYMENT_SENDERS))

# ... and in Polish, Swedish, Danish and Norwegian, and Japanese, with a few more of the other
# languages' invoicing tools (lexoffice's "Brutto", a Mexican CFDI list's "Razón Social
# Receptor" and "Folio", Google Forms' timestamp in each language), after those above.
_MORE_LANGUAGES: dict[str, tuple[str, ...]] = {
    "client_id": ("kundnr", "kundnummer", "kundenr", "kundenummer", "numer klienta",
                  "id klienta", "kod klienta", "顧客番号", "顧客id", "顧客コード"),
    "name": ("kund", "kundnamn", "kundenavn", "klient", "namn", "navn", "företag",
             "företagsnamn", "virksomhed", "firmanavn", "nazwa klienta", "nabywca",
             "kontrahent", "nazwa kontrahenta", "razon social receptor", "receptor",
             "nombre receptor", "nombre del receptor", "nombre o razon social del receptor",
             "consumidor", "顧客名", "顧客", "お客様名", "氏名", "名前", "会社名", "取引先",
             "取引先名", *_PAYMENT_SENDERS),
    "contact_name": ("kontakt", "kontaktperson", "osoba kontaktowa", "担当者名"),
    # a deal pipeline's stage and value (Pipedrive's and Lime CRM's in Swedish, Danish,
    # Norwegian: "Steg", "Fas", "Trin", "Värde", "Værdi", "Verdi")
    "stage": ("steg", "affärssteg", "säljsteg", "fas", "affärsfas", "trin", "salgstrin",
              "salgsfase", "affär steg", "affär fas", "handel trin", "avtale fase"),
    "email": ("e post", "e postadress", "adres e mail", "adres email", "メールアドレス",
              "メール"),
    "phone": ("telefonnummer", "numer telefonu", "電話番号", "電話"),
    "region": ("miasto", "miejscowosc", "都道府県"),
    "status": ("estatus", "estado del comprobante", "支払状況", "ステータス", "状態",
               "注文状況", "入金状況",
               "対応状況",      # (a Japanese shop's order handled or not: BASE's)
               # an invoice's payment status in Polish (wFirma's "Status płatności")
               "status płatności", "stan płatności", "status faktury"),
    "date": ("fakturadatum", "fakturadato", "dato", "data wystawienia", "data sprzedazy",
             "data faktury", "fecha de emision", "fecha emision", "注文日", "日付", "請求日",
             "購入日", "発行日", "受注日",
             # Google Forms' own first column, when each answer came
             "informazioni cronologiche", "marca temporal", "carimbo de data hora",
             "horodateur", "zeitstempel", "tijdstempel", "sygnatura czasowa", "tidsstampel",
             "tidsstempel", "タイムスタンプ",
             # a payment's day in Swedish, Norwegian and Danish reports (Swish's)
             "transaktionsdatum", "transaktionsdag", "betalningsdatum", "betalningsdag",
             "transaksjonsdato", "transaktionsdato", "betalingsdato"),
    "amount": ("brutto", "rechnungsbetrag", "gesamt brutto", "betrag inkl ust",
               "kwota", "kwota brutto", "wartość brutto", "do zapłaty",
               "belopp", "belopp inkl moms", "totalt", "summa", "att betala",
               "beløb", "beløb inkl moms", "total inkl moms", "beløp", "beløp inkl mva",
               "sum inkl mva", "totalbeløp", "värde", "affärsvärde", "værdi", "handelsværdi",
               "verdi", "avtaleverdi",
               "金額", "合計金額", "合計", "請求金額", "売上金額", "税込金額"),
    "note": ("detalle", "detalles", "beskrivelse", "beskrivning", "opis", "uwagi", "備考",
             "メモ", "meddelande", "melding", "meddelelse", "besked"),
    "order_id": ("fakturanr", "fakturanummer", "faktura nr", "numer faktury", "nr faktury",
                 "folio", "n facture", "no facture", "注文番号", "請求書番号", "伝票番号"),
}
# ... and a client list's own headers in Swedish, Danish, Norwegian and Polish, then Finnish,
# Czech, Turkish, Russian and Ukrainian (amoCRM's and KeyCRM's deals too), Greek and
# Indonesian, after those above.
_FURTHER_LANGUAGES: dict[str, tuple[str, ...]] = {
    "client_id": ("asiakasnumero", "asiakasnro", "cislo zakaznika", "musteri no",
                  "musteri kodu", "номер клиента", "код клиента", "κωδικος πελατη",
                  "id pelanggan", "kode pelanggan"),
    "name": ("asiakas", "asiakkaan nimi", "asiakasnimi", "nimi", "yritys", "zakaznik",
             "odberatel",
             "jmeno zakaznika", "nazev firmy", "müşteri", "müşteri adı", "müşteri adı soyadı",
             "ad soyad", "firma adı", "alıcı",
             # (a Turkish driving school's or course's list of its students)
             "öğrenci", "öğrenci adı", "öğrenci adı soyadı", "ogrenci", "ogrenci adi",
             "клиент", "покупатель", "заказчик", "компания",
             "название компании", "организация", "фио", "клієнт", "покупець", "замовник",
             "компанія", "піб", "επωνυμια", "πελατης", "ονομα πελατη", "ονοματεπωνυμο",
             "επωνυμια πελατη", "pelanggan", "nama pelanggan", "nama", "nama customer",
             "pembeli"),
    # (amoCRM's deal names its client by its contact: understand._contact_named)
    "contact_name": ("yhteyshenkilo", "kontaktni osoba", "yetkili", "контакт",
                     "контактное лицо", "полное имя контакта", "имя контакта",
                     "основной контакт",
                     "контактна особа"),
    "email": ("sahkoposti", "sahkopostiosoite", "e posta", "e posta adresi",
              "электронная почта", "рабочий email", "личный email", "електронна пошта"),
    "phone": ("puhelin", "puhelinnumero", "telefonni cislo", "cep telefonu", "telefon numarası",
              "телефон", "рабочий телефон", "мобильный телефон", "номер телефона",
              "номер телефону", "мобільний", "τηλεφωνο", "κινητο", "no hp", "nomor hp",
              "nomor telepon", "telepon"),
    "region": ("kaupunki", "paikkakunta", "mesto", "şehir", "город", "місто", "πολη",
               "περιοχη", "kota"),
    "country": ("maa", "zeme", "ülke", "страна", "країна", "χωρα", "negara"),
    "status": ("tila", "maksun tila", "tilauksen tila", "laskun tila", "stav", "stav uhrady",
               "stav objednavky", "durum", "sipariş durumu", "ödeme durumu", "fatura durumu",
               "статус", "статус оплаты", "статус заказа", "статус оплати",
               "статус замовлення", "κατασταση", "κατασταση παραγγελιας",
               "κατασταση πληρωμης", "status pembayaran", "status pesanan"),
    "stage": ("vaihe", "myyntivaihe", "faze", "faze obchodu", "aşama", "satış aşaması",
              "этап", "этап сделки", "стадия", "стадия сделки", "етап", "етап угоди",
              "стадія", "σταδιο", "tahap"),
    "owner": ("myyja", "vastuuhenkilo", "obchodnik", "sorumlu", "satış temsilcisi",
              "ответственный", "менеджер", "відповідальний", "υπευθυνος", "πωλητης"),
    "channel": ("lahde", "zdroj", "kaynak", "источник", "джерело", "πηγη", "sumber"),
    "first_contact": ("kund sedan", "kunde siden", "skapad", "registrerad", "oprettet",
                      "opprettet", "klient od", "asiakas alkaen", "zakaznikem od",
                      "kayıt tarihi", "клиент с", "дата регистрации", "клієнт з",
                      "πελατης απο", "ημερομηνια εγγραφης", "pelanggan sejak"),
    "last_contact": ("senaste köp", "senaste order", "senaste kontakt", "sidste ordre",
                     "sidste køb", "seneste ordre", "sidste kontakt", "siste ordre",
                     "siste kjøp", "siste kontakt", "ostatnie zamówienie", "ostatni zakup",
                     "viimeisin tilaus", "viimeisin osto", "posledni objednavka",
                     "posledni nakup", "son sipariş", "son alışveriş", "последний заказ",
                     "последняя покупка", "последний контакт", "останнє замовлення",
                     "τελευταια παραγγελια", "τελευταια αγορα", "pesanan terakhir"),
    "revenue_current": ("total försäljning", "omsättning", "omsætning", "samlet omsætning",
                        "omsetning", "łączna sprzedaż", "obrót", "liikevaihto",
                        "ostot yhteensa", "obrat", "ciro", "toplam harcama", "выручка",
                        "сумма покупок", "виручка", "τζιρος", "συνολο αγορων",
                        "total belanja", "wartosc zamowien", "wartość zakupów"),
    "purchases": ("antal köp", "antal order", "antal ordrar", "antal ordrer", "antal køb",
                  "antall ordrer", "antall kjøp", "liczba zamówień", "tilaukset",
                  "tilausten maara", "pocet objednavek", "sipariş sayısı", "toplam sipariş",
                  "количество заказов", "кількість замовлень", "αριθμος παραγγελιων",
                  "παραγγελιες", "jumlah pesanan", "jumlah transaksi"),
    "referrals": ("anbefalet os", "har anbefalet os", "anbefalte oss", "har anbefalt oss",
                  "rekommenderade oss", "har rekommenderat oss", "μας συστησε"),
    "complaints": ("reklamationer", "klager", "reklamacje", "reklamace", "şikayetler",
                   "жалобы", "скарги", "παραπονα", "keluhan"),
    "date": ("försäljningsdatum", "salgsdato", "ordredato", "paivamaara", "pvm",
             "laskun paivamaara", "tilauspaiva", "myyntipaiva", "datum vystaveni", "vystaveno",
             "datum objednavky", "datum prodeje", "tarih", "sipariş tarihi", "fatura tarihi",
             "satış tarihi", "işlem tarihi", "дата", "дата заказа", "дата оплаты",
             "дата закрытия", "дата продажи", "дата замовлення", "дата продажу",
             "ημερομηνια", "ημερομηνια παραγγελιας", "ημερομηνια τιμολογιου", "tanggal",
             "tanggal transaksi", "tanggal pesanan"),
    "amount": ("yhteensa", "loppusumma", "summa yhteensa", "hinta", "arvo", "castka", "celkem",
               "castka celkem", "k uhrade", "tutar", "toplam", "toplam tutar", "genel toplam",
               "fiyat", "ücret", "ucret", "бюджет", "сумма", "сумма сделки", "итого", "стоимость", "сума",
               "вартість", "ποσο", "συνολο", "αξια", "total harga",
               "harga"),
    "note": ("huomautukset", "lisatiedot", "poznamka", "açıklama", "примечание",
             "комментарий", "коментар", "σημειωσεις", "σχολια", "catatan", "keterangan"),
    "order_id": ("laskunumero", "laskun numero", "tilausnumero", "cislo faktury",
                 "cislo objednavky", "cislo dokladu", "sipariş no", "sipariş numarası",
                 "fatura no", "fatura numarası", "номер заказа", "номер счета",
                 "номер замовлення", "номер рахунку", "αριθμος παραγγελιας",
                 "αριθμος τιμολογιου", "no pesanan", "nomor pesanan", "no invoice",
                 "no faktur"),
    "reason": ("syy", "duvod", "neden", "причина", "причина отказа", "причина відмови",
               "αιτια", "alasan"),
}
# ... and Romanian invoicing (SmartBill's "Stare", "Total cu TVA"), a salon's client cards
# (visits, first and last visit) in German, French, Spanish, Italian and Dutch, and a few
# owners' headers more (a hairdresser's "Kundin", Polish "Imię i nazwisko"), after those above.
_STILL_MORE_LANGUAGES: dict[str, tuple[str, ...]] = {
    "name": ("kundin", "imie i nazwisko", "nazwisko i imie", "nume client", "denumire client",
             "nume si prenume",
             # a member, a pupil (a club's, a gym's, a school's list: "Member", "Student")
             "socio", "socia", "mitglied", "membre", "adherent", "aluno", "aluna", "alumno",
             "alumna", "eleve", "schuler", "schueler", "allievo", "iscritto"),
    "status": ("stare", "stare factura", "stare plata", "status plata"),
    "amount": ("totalt inkl moms", "total cu tva", "valoare cu tva", "total de plata"),
    "date": ("data emiterii", "data facturii", "data emitere"),
    "purchases": ("besuche", "anzahl besuche", "visites", "nombre de visites", "visitas",
                  "numero de visitas", "visite", "numero visite", "bezoeken",
                  "aantal bezoeken"),
    "first_contact": ("erstbesuch", "erster besuch", "premiere visite", "primera visita",
                      "prima visita", "eerste bezoek"),
    "last_contact": ("letzter besuch", "letzter termin", "derniere visite", "ultima visita",
                     "laatste bezoek"),
    "revenue_current": ("umsatz gesamt", "gesamtumsatz", "umsatz insgesamt",
                        # a Portuguese clinic's, a Russian salon's (YCLIENTS' "Продано")
                        "total faturado", "total gasto", "продано", "сумма продаж"),
}
# ... then Portuguese, Russian and Ukrainian client cards (visits), Vietnamese and
# Indonesian order lists, Hungarian invoices (Számlázz.hu's), Tiendanube's orders.
_OWNERS_CARDS_AND_ORDERS: dict[str, tuple[str, ...]] = {
    "purchases": ("consultas", "n º de consultas", "numero de consultas", "визитов", "визиты",
                  "количество визитов", "всего визитов", "візитів", "кількість візитів"),
    "first_contact": ("data de inscricao", "data de registo", "первый визит", "перший візит"),
    "last_contact": ("последний визит", "останній візит"),
    "name": ("khach hang", "ten khach hang", "nama pembeli", "vevo", "vevo neve"),
    "phone": ("so đien thoai", "sđt"),
    "date": ("ngay", "ngay đat", "ngay đat hang", "kelt", "szamla kelte", "kiallitas datuma"),
    "amount": ("thanh tien", "tong tien", "total bayar", "total pembayaran",
               # what each was sold at ("Valor de venta", "Prix de vente"), never what it
               # cost ("Valor de compra", "Precio de costo")
               *SALE_PRICES_ELSEWHERE,
               # a Turkish marketplace's (Trendyol's "Faturalanacak Tutar"), a Brazilian
               # course platform's price paid (Hotmart's "Valor de compra com impostos"; a
               # bare "Valor de compra" is a reseller's cost price beside "Valor de venda")
               "faturalanacak tutar", "valor de compra com impostos"),
    "status": ("trang thai", "trang thai đon hang",
               "sipariş statüsü"),      # (Trendyol's)
    "note": ("ghi chu",),
    "order_id": ("ma đon", "ma đon hang", "szamlaszam", "numero de orden",
                 # Polish (Allegro's "Numer zamówienia"), a Brazilian course platform's
                 # sale (Hotmart's "Transação")
                 "numer zamowienia", "nr zamowienia", "transacao", "codigo da transacao"),
}
# ... then a till's or a card reader's transaction number in Spanish, Portuguese, French,
# Italian and Polish (Clip's "ID de transacción", as "Transaction ID"), Colombian invoices
# (Siigo's "Nombre tercero", "Fecha elaboración"), Czech and Slovak totals with VAT
# (iDoklad's "Celkem s DPH", SuperFaktúra's "Suma s DPH"), a Hungarian invoice list's
# (Billingo's), Turkish and Indonesian statuses (Paraşüt's "Tahsilat Durumu",
# Tokopedia's "Status Terakhir"), a Japanese till's member (Smaregi's "会員名") and a
# Korean shop's orders (Naver Smart Store's).
_TILLS_INVOICES_AND_MARKETS: dict[str, tuple[str, ...]] = {
    "order_id": ("id de transaccion", "id de la transaccion", "numero de transaccion",
                 "id da transacao", "id de transaction", "id transazione", "id transakcji",
                 "sorszam", "bizonylatszam", "取引id", "取引番号", "주문번호", "상품주문번호"),
    "name": ("nombre tercero", "nombre del tercero", "partner neve", "会員名", "구매자명",
             "구매자", "주문자명",
             # who paid, on a payment app's list (Lydia Pro's "Nom du payeur")
             "nom du payeur", "payer name", "nombre del pagador", "nome do pagador"),
    "date": ("fecha elaboracion", "fecha de elaboracion", "kelte", "取引日時", "주문일시",
             "결제일시", "결제일"),
    "amount": ("celkem s dph", "celkem vcetne dph", "suma s dph", "celkom s dph",
               "최종 상품별 총 주문금액", "총 주문금액", "주문금액",
               "결제금액", "결제액"),      # (Coupang's "결제액", the sum paid)
    "status": ("fizetesi allapot", "fizetes allapota", "tahsilat durumu", "status terakhir",
               "주문상태", "결제상태", "estado dian"),
    # a sales document's type, read as the kind only where its values mostly name money
    # moving (understand._RECEIPT_KIND_HEADERS): Siigo's "Tipo de comprobante", iDoklad's
    # "Typ dokladu", Subiekt's "Rodzaj dokumentu", Danea Easyfatt's "Tipo doc.", Moloni's
    # "Documento" (Fatura, Fatura-Recibo, Nota de Crédito; a person's ID: no kind), Smaregi's
    # "取引区分" (a sale, a return, a void)
    "kind": ("tipo de comprobante", "tipo comprobante", "comprobante", "typ dokladu",
             "typ dokumentu",
             "rodzaj dokumentu", "tipo doc", "documento", "取引区分"),
}
# ... then a payment gateway's gross (PagBank's "Valor Bruto" beside its
# "Valor Líquido", what was left after fees), a Korean, a Polish and a Saudi shop's order
# total (Cafe24's "총 결제금액", Shoper's "Wartość zamówienia", Salla's "الإجمالي"), a
# clinic's patient (Doctoralia's "Paciente"), and a Japanese, a Saudi and an Indonesian
# shop's order number, status, customer and mobile (Rakuten's "受注番号", Salla's "رقم
# الطلب", "حالة الطلب", "اسم العميل", "رقم الجوال"; Bukalapak's "No. Transaksi").
_MARKETPLACES_AND_GATEWAYS: dict[str, tuple[str, ...]] = {
    "amount": ("valor bruto", "총 결제금액", "wartość zamówienia",
               "الإجمالي"),
    "name": ("paciente", "nombre del paciente", "nome do paciente", "اسم العميل"),
    "order_id": ("受注番号", "رقم الطلب", "no transaksi"),
    "status": ("حالة الطلب",),
    "phone": ("رقم الجوال",),
}
for _more in (_MORE_LANGUAGES, _FURTHER_LANGUAGES, _STILL_MORE_LANGUAGES,
              _OWNERS_CARDS_AND_ORDERS, _TILLS_INVOICES_AND_MARKETS, _MARKETPLACES_AND_GATEWAYS):
    for _field, _words in _more.items():
        OTHER_LANGUAGES[_field] = OTHER_LANGUAGES.get(_field, ()) + _words

CLIENT_ONLY = frozenset(CLIENT_FIELDS) - frozenset(EVENT_FIELDS)
EVENT_ONLY = frozenset(EVENT_FIELDS) - frozenset(CLIENT_FIELDS)
ALL_FIELDS = tuple(dict.fromkeys([*CLIENT_FIELDS, *EVENT_FIELDS]))


def field_type(field: str) -> str:
    """The value type of a vocabulary field (client types win where both define it)."""
    return CLIENT_FIELDS.get(field) or EVENT_FIELDS[field]


# A column saying which currency each amount is in ("Currency", "Moneda", "Devise";
# Salesforce's "CurrencyIsoCode"), as headers are compared: it stays an extra column, read
# by journey.ingest.currency.
CURRENCY_COLUMN = re.compile(r"^(?:currency|currencycode|currencyisocode|isocurrencycode|"
                             r"paymentcurrency|transactioncurrency|ordercurrency|chargecurrency|"
                             r"moneda|divisa|devise|wahrung|moeda|valuta)$")


def normalise_header(header: object) -> str:
    """A header as it is compared (journey.text.match_key): ``' Customer-ID '`` ->
    ``'customerid'``, ``'Teléfono'`` -> ``'telefono'``, ``'Стадия'`` -> ``'стадия'``."""
    return match_key(header)


def _build_index() -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for field in ALL_FIELDS:
        index.setdefault(normalise_header(field), (field, 0))
    for field, words in SYNONYMS.items():
        for priority, word in enumerate(words, start=1):
            index.setdefault(normalise_header(word), (field, priority))
    for field, words in OTHER_LANGUAGES.items():
        for priority, word in enumerate(words, start=len(SYNONYMS[field]) + 1):
            index.setdefault(normalise_header(word), (field, priority))
    return index


_INDEX = _build_index()


def match_header(header: object) -> tuple[str | None, int]:
    """The field a header names and its priority (lower wins), or ``(None, 99)``. A header
    a CRM prefixes with the record it belongs to ("Person - Name", "Deal - Value") is
    matched by what follows the prefix."""
    found = _INDEX.get(normalise_header(header), (None, 99))
    if found[0] == "order_id" and isinstance(header, str) and _MONEY_SIGN.search(header):
        return "amount", found[1]       # "Invoice £": the invoice's money, not its number
    if isinstance(header, str) and (numbered := _NUMBER_SIGN.fullmatch(header)):
        # "Client #", "Quote No.": the thing's number, as "Client number" is (the mark is
        # lost to the comparison, and "Client" alone is a name, "Quote" an amount); but
        # "Visits #", "Referrals #": how many, as "Visits" alone is (a count)
        number = _INDEX.get(normalise_header(f"{numbered.group(1)} number"), (None, 99))
        if number[0] or found[0] not in (None, *_NUMBER_FIELDS) and field_type(found[0]) != COUNT:
            return number
    if found[0] is None and isinstance(header, str):
        if _MONEY_PER.fullmatch(header.strip()):      # "£/month": the fee of one month
            return _INDEX.get("fee", (None, 99))
        if pair := _CAMEL_PAIR.fullmatch(header.strip()):   # "amountTotal": "total amount"
            return _INDEX.get(normalise_header(f"{pair[2]} {pair[1]}"), (None, 99))
        if _PATH.fullmatch(header.strip()):     # an API's path: "orderCustomer.firstName"
            *entities, attribute = header.strip().split(".")
            if normalise_header(attribute) in _ATTRIBUTES:   # "stateMachineState.name": the state's
                return match_header(entities[-1])
            if _staff_path(header):     # "owner.email": the business's own person's, no client's
                return None, 99
            return match_header(attribute)
        if prefixed := _RECORD_PREFIX.match(header):
            return match_header(prefixed.group(1))
        if part := name_part(header):       # "Customer First Name": as "First Name" is
            return _INDEX[normalise_header(f"{part} name")]
        # "Total (ARS)", "Betrag (brutto)", "Umsatz 2023": what the header says around a
        # currency, a note in brackets or a year
        plain = plain_header(header)
        if plain != header.strip():
            found = _INDEX.get(normalise_header(plain), (None, 99))
            if found[0] and field_type(found[0]) == MONEY and _COUNTED.search(header):
                return None, 99             # "Sales (units)": a count, not money
    return found


_MONEY_SIGN = re.compile(r"[£$€¥₹]")
# A price of one period or visit written as a currency sign over it ("£/month", "$ per
# session", "€/wk"): a fee of one, as "Monthly fee" is.
_MONEY_PER = re.compile(r"[£$€¥₹]\s*(?:/|per\s|a\s)\s*(?:month|mo|mth|week|wk|year|yr|term|"
                        r"session|visit|lesson|class|clean)\.?", re.IGNORECASE)
_NUMBER_FIELDS = ("order_id", "client_id", "phone")   # fields whose values are numbers given
# A header that is an export's path to a field ("orderCustomer.email", Shopware's): matched
# by its last part, or, where that is only a thing's name or code ("salesChannel.name"), by
# the thing it belongs to.
_PATH = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
# An API's field of two words, the thing first and what of it after ("amountTotal").
_CAMEL_PAIR = re.compile(r"([a-z]+)([A-Z][a-z]+)")
_ATTRIBUTES = frozenset({"name", "technicalname", "label", "title", "value", "code", "key",
                         "displayname", "id"})


def _staff_path(header: str) -> bool:
    """Whether a path header's thing is the business's own person ("owner.email",
    "assignee.phone", "createdBy.firstName"), whose details are not the client's."""
    thing = re.sub(r"id$", "", normalise_header(header.strip().split(".")[-2]))  # "owner_id"
    return thing in _STAFF_THINGS or _INDEX.get(thing, (None,))[0] == "owner"


# Things of an export's paths that are the business's own people (beside ``owner``'s synonyms).
_STAFF_THINGS = frozenset({"user", "createdby", "updatedby", "modifiedby", "creator", "staff",
                           "employee", "seller", "salesperson", "agent", "assignee", "owner"})


def names_a_number(header: object) -> bool:
    """Whether a header names a thing's number by a mark the comparison loses ("Quote #",
    "Client No.")."""
    return bool(_NUMBER_SIGN.fullmatch(str(header)))


# A person's date of birth: who they are, not something that happened with the business.
_BIRTH_DATE = re.compile(r"^(?:dob|dateofbirth|birthdate|birthday|born|geburtsdatum|"
                         r"fechadenacimiento|datedenaissance|datadinascita|datadenascimento|"
                         r"geboortedatum)$")


def names_a_birth_date(header: object) -> bool:
    """Whether a header names a person's date of birth ("Date of Birth", "DOB")."""
    return bool(_BIRTH_DATE.match(normalise_header(header)))


# A date headed as the latest of something ("Last tuning", "Last service", "Most recent
# visit", "Último servicio", "Dernière intervention", "Letzte Wartung", "Laatste onderhoud"):
# when the client was last seen, never their first contact.
_LATEST_DATE = re.compile(r"^(?:last|latest|mostrecent|ultim[oa]|dernier|derniere|letzte|"
                          r"laatste|senaste|seneste|sidste|siste|viimeisin)(?!names?$)")
# A date still to come ("Next due", "Next service", "Due", "Próxima visita", "Prochaine
# visite", "Nächster Termin", "Volgende afspraak"): a reminder, not something that happened.
_COMING_DATE = re.compile(r"^(?:next|upcoming|proxim[oa]|prochain|nachste|naechste|volgende|"
                          r"due(?:date|on|by)?$)")


def names_a_latest_date(header: object) -> bool:
    """Whether a header names the latest time something was done ("Last tuning"), also
    in brackets under a header over two columns ("Date (Last tuning)"); not the time the
    row itself was last edited ("Last modified": ``names_a_record_edit``)."""
    return not names_a_record_edit(header) and any(
        _LATEST_DATE.match(normalise_header(part))
        for part in (header, *re.findall(r"\(([^)]*)\)", str(header))))


# Of those, the latest time the client was only in touch ("Last contact", "Last call",
# "Last email", "Last login", "Last seen", an accountant's "Last meeting"), no visit or
# work done (normalised).
_LATEST_TOUCH = re.compile(r"contact|call|mail|message|login|seen|activity|touch|interaction|"
                           r"spoke|chat|repl|click|open|meeting|catchup")
# A fee for one visit or piece of work ("Fee", "Fee (Last tuning)", a window cleaner's
# "Price" or "Price per clean"), not a total, a month's or a year's (normalised: "Monthly
# fee", "Total fees", "Price per month" are not).
_VISIT_FEE = re.compile(r"^(?:fee|price|charge)(?:per(?:visit|clean|service|session|lesson|"
                        r"tuning|cut|walk|treatment|job))?(?:last\w*)?$")


# Money a client paid ("Total paid", "Amount paid", "Paid to date", "Payments"), not
# owed ("Unpaid", "Amount due"), normalised.
_MONEY_PAID = re.compile(r"(?<!un)paid|payments?(?:received|made)?$")


def names_money_paid(header: object) -> bool:
    """Whether a client list's money header says the money was paid ("Total paid")."""
    return bool(_MONEY_PAID.search(normalise_header(header)))


# What a client was billed in all ("Invoiced", "Total billed"), normalised.
_MONEY_BILLED = re.compile(r"^(?:total|amount)?(?:invoiced|billed)(?:amount|todate)?$")
# The business's own fee or charge to a client ("Our fee", "My commission"), normalised.
_OWN_FEE = re.compile(r"^(?:our|my)(?:fees?|charges?|commissions?)$")


def names_a_total_before_a_fee(header: object) -> bool:
    """Whether a client list's money header is a total paid, spent or billed ("Total
    paid", "Invoiced"), which says each client's revenue ahead of a price of one."""
    return names_money_spent(header) or bool(_MONEY_BILLED.match(normalise_header(header)))


def names_our_fee(header: object) -> bool:
    """Whether a client list's money header is the business's own fee ("Our fee", "My
    commission"), its revenue beside the price or fee of what the client bought through
    it (a house's "Price", an artist's gig "Fee")."""
    return bool(_OWN_FEE.match(normalise_header(header)))


def names_a_fee_of_one(header: object) -> bool:
    """Whether a client list's money header is the price of one period, visit or piece of
    work ("Lesson fee", "Monthly fee": ``PRICE_EACH``; "Our fee")."""
    return bool(PRICE_EACH.match(normalise_header(header))) or names_our_fee(header)


def names_money_spent(header: object) -> bool:
    """Whether a client list's money header says what the client spent or paid ("Total
    spent", "Spend to date", "Lifetime value", "Total paid"), not a price or a fee quoted."""
    key = normalise_header(header)
    return bool(_MONEY_PAID.search(key) or _MONEY_SPENT.search(key))


_MONEY_SPENT = re.compile(r"spen[dt]|lifetime|^(?:ltv|clv)$")


def names_a_last_visit(header: object) -> bool:
    """Whether a header names the day of the latest visit or piece of work done for the
    client ("Last tuning", "Last service"), not the latest time they were in touch."""
    return names_a_latest_date(header) and not _LATEST_TOUCH.search(normalise_header(header))


def names_a_visit_fee(header: object) -> bool:
    """Whether a header names what one visit costs the client ("Fee")."""
    return bool(_VISIT_FEE.match(normalise_header(header)))


# When a row was last edited in the sheet or the system ("Last modified", "Last updated",
# "Date modified", "Updated at", "Last status change", "Geändert am", "Modifié le"): the
# record's time, no contact with the client.
_RECORD_EDIT = re.compile(
    r"(?:modified|modification|update[ds]?|(?<!cr)edit(?:ed)?|(?<!ex)changed?|sync(?:ed)?|"
    r"geandert|geaendert|anderung|aenderung|aktualisiert|modifie|modificado|modificacion|"
    r"modificacao|actualizado|actualizacion|atualizado|atualizacao|aggiornato|aggiornamento|"
    r"gewijzigd|wijziging|bijgewerkt)(?:at|on|am|le|el|em|op|date|time|datetime)?$"
    r"|^(?:datemodified|dateupdated|datechanged)")


def names_a_record_edit(header: object) -> bool:
    """Whether a header names when a row was last edited ("Last modified", "Updated at")."""
    return bool(_RECORD_EDIT.search(normalise_header(header)))


def names_a_coming_date(header: object) -> bool:
    """Whether a header names a date still to come ("Next due", "Próxima visita")."""
    return bool(_COMING_DATE.match(normalise_header(header)))


# When a booked activity takes place ("Start time", "End date", "Check-in", "Arrival"), and
# when the booking was made ("Creation time", "Booked on", "Date booked", "Placed at"): the
# day it was booked and paid for, the sale's day.
_ACTIVITY_TIME = re.compile(r"^(?:start|begin|end|finish|checkin|checkout|arrival|departure|"
                            r"activitydate|eventdate|tourdate|sessiondate)")
_MADE_ON_DATE = re.compile(r"^(?:creat|booked|datebooked|bookedon|bookingdate|bookingmade|"
                           r"placed|dateplaced|ordered|dateordered)")


def names_an_activity_time(header: object) -> bool:
    """Whether a header names when a booked activity takes place ("Start time")."""
    return bool(_ACTIVITY_TIME.match(normalise_header(header)))


def names_when_made(header: object) -> bool:
    """Whether a header names when a row was made ("Creation time", "Booked on")."""
    return bool(_MADE_ON_DATE.match(normalise_header(header)))


def plain_header(header: object) -> str:
    """A header without a note in brackets or a year beside it: "Value (est.)" -> "Value"
    (the header itself when nothing else is left)."""
    return _ASIDE.sub(" ", str(header)).strip() or str(header).strip()


# A money header saying its amount is before tax ("Total (ex GST)", "Amount excl. VAT",
# "Net of tax"): beside the same amount with tax, the one with tax is what was paid.
_BEFORE_TAX = re.compile(r"\b(?:ex|exc|excl|excluding|exclusive\s+of|before|pre|without|w/o|"
                         r"net\s+of|sans|ohne|hors)\.?[\s-]*(?:tax|taxes|gst|vat|hst|"
                         r"sales\s+tax|iva|tva|btw|mwst|ust|taxe)\b|\bht\b|"
                         r"\bveroton\b", re.IGNORECASE)      # (Finnish: "Summa (veroton)")


def before_tax(header: object) -> bool:
    """Whether a money header says its amount is before tax (``_BEFORE_TAX``)."""
    return bool(_BEFORE_TAX.search(str(header)))


# A money header's note in brackets of whether tax is in it ("Paid (inc GST)", "Total
# (incl. VAT)", "Paid (ex GST)"): the header is its base ("Paid"); group 1 says which.
_TAX_NOTE = re.compile(r"\s*\(\s*(inc|incl|including|inclusive\s+of|ex|exc|excl|excluding|"
                       r"exclusive\s+of)\.?\s*(?:tax|taxes|gst|vat|hst|sales\s+tax|iva|tva|"
                       r"btw|mwst|ust|moms|mva)\.?\s*\)", re.IGNORECASE)


def base_header_key(header: object) -> str:
    """A header as it is compared with a column's words, without a note of tax in brackets
    (``_TAX_NOTE``): "Paid (inc GST)" -> ``'paid'``."""
    return normalise_header(_TAX_NOTE.sub(" ", str(header)))


def tax_note(header: object) -> str | None:
    """What a header's note of tax says: "tax included" ("(inc GST)"), "before tax"
    ("(ex GST)"), or None without one."""
    found = _TAX_NOTE.search(str(header))
    if found is None:
        return None
    return "tax included" if found.group(1).lower().startswith("inc") else "before tax"


# An invoice list's amount before tax and its tax, in two columns with no total beside them.
NET_HEADERS = frozenset(normalise_header(h) for h in (
    "net", "net amount", "net total", "net value", "net price", "subtotal", "sub total",
    "amount net", "netto", "netto betrag", "importe neto", "montant ht"))
# A column of the tax on each row ("Tax", "tax_amount", "VAT Amount"), normalised.
_TAXES = ("tax", "vat", "gst", "hst", "iva", "tva", "mwst", "ust", "btw", "sales tax")
TAX_HEADERS = frozenset(normalise_header(f"{tax} {what}") for tax in _TAXES
                        for what in ("", "amount", "total", "value")) | frozenset(
    normalise_header(h) for h in ("taxes", "total vat", "total tax", "montant tva",
                                  "importe iva"))
# A column that holds a rate ("VAT %", "Tax rate", "Tip (%)"), not the money.
RATE_HEADER = re.compile(r"%|\b(?:rate|percent|percentage|pct)\b", re.IGNORECASE)


def names_tax(header: object) -> bool:
    """Whether a header names a column of the tax on each row (``TAX_HEADERS``; not its
    rate)."""
    return normalise_header(header) in TAX_HEADERS and not RATE_HEADER.search(str(header))


def names_tax_rate(header: object) -> bool:
    """Whether a header names the rate of tax on each row ("VAT %", "Tax rate")."""
    return bool(RATE_HEADER.search(str(header))) and normalise_header(
        RATE_HEADER.sub(" ", str(header))) in TAX_HEADERS


def net_and_tax(headers) -> tuple[str, str] | None:
    """The columns of an amount before tax and of its tax or its rate ("Amount ex VAT" and
    "VAT amount", "Subtotal" and "Tax", "Net" and "VAT %"), the first of each, or None where
    either is missing."""
    net = next((h for h in headers if normalise_header(h) in NET_HEADERS or before_tax(h)), None)
    tax = next((h for h in headers if names_tax(h)),
               next((h for h in headers if names_tax_rate(h)), None))
    return (net, tax) if net is not None and tax is not None else None


# A column naming each person on a booking (a tour's manifest: "Participant First Name",
# "Guest", "Passenger Name"), compared as headers are: its rows are people, not sales.
_PARTICIPANT = re.compile(r"^(?:participant|guest|attendee|passenger|travell?er|rider|diver)s?"
                          r"(?:first|last|full)?(?:name)?$")


def names_a_participant(header: object) -> bool:
    """Whether a header names each person on a booking (``_PARTICIPANT``)."""
    return bool(_PARTICIPANT.match(normalise_header(header)))


def header_year(header: object) -> int:
    """The year a header names ("Total 2024", "FY2024"), or the year a financial or a school
    year written across two ends in ("Fee 24/25", "2023-24": 2025, 2024), else 0."""
    text = str(header)
    across = [2000 + int(second) for first, second in _YEAR_ACROSS.findall(text)
              if (int(first[-2:]) + 1) % 100 == int(second)]
    return max([*map(int, re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text)), *across],
               default=0)


# A year written across two ("24/25", "2023-24", "2023/24"), as a fee's or an accounts' year.
_YEAR_ACROSS = re.compile(r"(?<![\d/.-])((?:19|20)?\d\d)[/-](\d\d)(?![\d/.-])")


# Words of a cash book's line that name money moving, no one who paid ("Opening Balance",
# "Bank Interest", "Gift Aid", "Till Float"): a line's capitalised words holding one name
# no payer. Compared as match_key writes each word.
NOT_A_PAYER = frozenset(
    "balance opening closing interest float bank transfer loan grant aid sales takings till "
    "vat tax refund capital drawings petty cash card total subtotal brought forward carried "
    "deposit rent wages payment payments income donation donations tips raffle sundry "
    "sundries misc fee fees change "
    # pay and money returned, not a sale ("SALARY ACME LTD", "REVERSAL OF FEE", "Gift from Nan")
    "salary pension dividend dividends cashback reversal reversed returned chargeback gift "
    "nomina salaire gehalt lohn "
    # card processors' and marketplaces' payouts ("STRIPE PAYMENTS UK", "ETSY UK")
    "payout payouts settlement shopify etsy amazon ebay gocardless worldpay dojo klarna "
    "clearpay uk "
    # the owner's own accounts, moved between ("Transfer from 0123456789 - SAVINGS ACCOUNT")
    "savings account".split())
# Of NOT_A_PAYER, the words that are also people's names ("Gift Mokoena", "Hugh Grant",
# "Till Becker"): read as a name only beside another payer's name sharing its other word.
# Never "Sarah Deposit" or "Jones Refund", however the book's payers are named.
NAMES_AMONG_MONEY_WORDS = frozenset("gift grant till".split())
# What a line of a cash book says was sold, written in capitals after the payer's name
# ("Anna Lee Hair Cut", "Tom Reed Driving Lesson", "Emma Hart Wedding Cake"): the line's
# last word one of these, its first two words are the payer (not "The Foundation Gym").
SOLD_AFTER_A_PAYER = frozenset(
    "cut haircut trim colour color highlights perm blowdry lesson lessons class classes "
    "session sessions cake cakes treatment massage facial nails wax consultation consult "
    "tuition course booking order repair service clean cleaning walk walks groom training "
    "shoot portrait photos photography hire invoice tickets ticket party".split())
# A person's title before a surname ("Mrs Hall", "Dr. Lee"): the name of a person whose first
# name is not written. Compared as match_key writes each word.
NAME_TITLES = frozenset("mr mrs ms miss mx dr".split())
# Words naming a body, not a person ("Arts Council", "Heritage Fund"): a payer's name
# holding one lends none of its words to a name among money words ("Arts Grant" is money
# from a funder, no one's name). Compared as match_key writes each word.
BODIES = frozenset(
    "council councils trust foundation fund lottery society association charity board "
    "agency authority ministry department institute university college academy commission "
    "committee federation institution".split())
# Of those, bodies whose name says they give money ("Lottery Fund", "Nuffield Foundation"): on
# a line naming nothing bought, a funder. Compared as match_key writes each word.
FUNDER_BODIES = frozenset("fund funds foundation lottery".split())
# Money given, not paid for anything ("Heritage Fund - grant"): a body whose line names it is
# a funder, no customer. Compared as match_key writes each word.
FUNDING_WORDS = frozenset("grant grants funding donation donations award bursary subsidy aid "
                          "sponsorship".split())
# Words a bank's line or an owner's writes before who paid ("FASTER PAYMENT J SMITH", "BANK
# GIRO CREDIT MRS A HALL", "Payment from"), beyond stages.PAID_BY's ways of paying: passed
# over to the payer. Compared as match_key writes each word.
BEFORE_A_PAYER = frozenset(
    "payment payments from faster fps fp fpi bgc giro credit tfr trf received receipt ref "
    "so standing order inward counter cr "
    # a Spanish, French or German bank's ("TRANSFERENCIA DE JUAN PEREZ", "VIR SEPA DE MME
    # MARIE MARTIN", "Überweisung von Anna Schmidt") and the titles before the name
    "transferencia transf abono ingreso de del vir virement sepa recu gutschrift uberweisung "
    "ueberweisung von sr sra srta mme mlle madame monsieur herr frau".split())
# Of BEFORE_A_PAYER, the words passed over only after another ("TRANSFERENCIA DE", "VIR DE",
# "Überweisung von"): opening a line they are a name's own ("De Vries", "Von Trapp").
AFTER_A_BANK_WORD = frozenset("de del von".split())
# The fields that say whose a row is: a sheet holding one names its clients.
WHOSE_FIELDS = frozenset({"name", "client_id", "email", "phone"})
# A sheet's name or a heading that names no client: a workbook's summary, lists and working
# sheets, and the parts a business sells through ("Wholesale", "Retail", "Online"). A tab
# or a heading row so named is no client's (plan's sheet per client, read's block per client).
NAMES_NO_CLIENT = re.compile(
    r"(?i)^(?:sheet|tab|blad|hoja|feuille|tabelle|foglio)\s*\d*$|\b(?:summary|overview|"
    r"totals?|template|notes?|data|lists?|prices?|settings|instructions|readme|dashboard|"
    r"archive|old|copy|backup|index|contents|calendar|diary|rota|schedule|clients?|"
    r"customers?|members?|students?|pupils?|payments?|invoices?|sales|orders?|bookings?|"
    r"expenses?|income|accounts?|classes|sessions|lessons|attendance|log)\b|"
    # (whole: "Commercial Cleaning Ltd" may be a client, "Commercial" alone is a part)
    r"^\s*(?:wholesale|retail|online|web|website|in[- ]?store|shop|markets?|fairs?|events?|"
    r"trade|stockists?|corporate|private|commercial|domestic|residential|products?|"
    r"services?|stock|misc|miscellaneous|other|others|general|sundries|refunds?|returns?)"
    r"\s*(?:work|jobs?)?\s*$")
# A sheet's name that ends in a place or an occasion of selling ("Farmers Market", "Craft
# Fair", "High Street Shop", "Summer Festival", "Mercado", "Marché", "Wochenmarkt"): the
# business's own outlet, not a person.
PLACES_OF_SALE = re.compile(r"(?i)(?:\b(?:market|fair|shop|store|stall|branch|festival|expo|"
                            r"outlet|boutique|pop[- ]?up|online|website|mercado|mercadillo|"
                            r"feria|tienda|puesto|march[eé]|foire|magasin|car ?boot|"
                            r"bazaar)s?|"
                            r"(?:markt|messe|laden|stand))\s*$")


_YEAR = r"(?:19|20)\d\d"
_PERIOD_HEADERS = (
    ("month", re.compile(
        r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        rf"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:fy)?{_YEAR})$")),
    # a school's or a teacher's terms: "Autumn term", "Spring Term 2024", "Term 2"
    # (a season alone, "Autumn", "Spring", "Summer", is a term: three or more make a layout)
    ("term", re.compile(rf"^(?:(?:autumn|fall|winter|spring|summer|michaelmas|lent|easter|"
                        rf"trinity)(?:term)?|term[1-6])(?:{_YEAR}|\d\d)?$")),   # ("Spring 25")
    ("quarter", re.compile(rf"^(?:q|qtr|quarter)[1-4](?:{_YEAR})?$|^{_YEAR}q[1-4]$")),
    ("week", re.compile(r"^(?:week|wk|w)\d{1,2}$")),
)
# Months and seasons (terms: ``_PERIOD_HEADERS``) that are also people's given names: alone
# on a row over a column of names ("June", "Summer"; not "JUNE"), a person with nothing else
# written, not a heading (unless other periods head rows there: "Jan" beside "Feb").
PERIODS_ALSO_NAMES = frozenset({"jan", "april", "may", "june", "july", "august", "summer",
                                "autumn"})
# A header that is a date (a calendar's or a rota's columns: "04/03/2024", "2024-03-11").
_DATE_HEADER = re.compile(r"^\s*(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d\d)?\d\d|\d{4}-\d\d-\d\d)\s*$")


# A day and its month without a year ("01/02", "15.02"), as a round's columns are headed.
_DAY_MONTH_HEADER = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})\s*$")


def days_without_year(headers: list[str]) -> list[str]:
    """The headers that are days written without their year ("01/02", "08/02", "15/02": a
    window cleaner's round, a column per visit), where three or more are: each a day and a
    month one way or the other, and not all one step apart, as a year's span is ("10/11",
    "11/12", "12/13") and a clothing size ("6/8", "8/10", "10/12")."""
    days = {h: (int(m[1]), int(m[2])) for h in headers
            if (m := _DAY_MONTH_HEADER.match(str(h)))}
    days = {h: (a, b) for h, (a, b) in days.items()
            if 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12}
    if len(days) < 3 or len({b - a for a, b in days.values()}) == 1:
        return []
    return list(days)


def period_of(header: str) -> str | None:
    """What period a column of a wide layout is one of (month, year, term, quarter, week,
    date), from its header, or None."""
    if _DATE_HEADER.match(header):
        return "date"
    key = normalise_header(header)
    for each, pattern in _PERIOD_HEADERS:
        if pattern.match(key):
            return "year" if each == "month" and header_year(key) else each
    return None


_COUNTED = re.compile(r"\((?:[^)]*\b(?:units?|qty|quantity|pcs|pieces|items|count|"
                      r"st(?:ü|ue)ck|unidades|unites)\b[^)]*)\)", re.IGNORECASE)
# (not "(2)": the import's name for a header repeated, "company (2)", is another column)
_ASIDE = re.compile(r"\((?!\s*\d+\s*\))[^)]*\)|\[[^\]]*\]"
                    r"|(?<![\w/])(?:(?:19|20)?\d\d)\s*[/-]\s*\d\d(?![\w/])"   # ("Fee 24/25")
                    r"|(?<!\w)(?:19|20)\d\d(?!\w)")
_NUMBER_SIGN = re.compile(r"\s*(\w[\w ]*?)\s*(?:#|no\.)\s*", re.IGNORECASE)   # "Client #"
# The record a CRM's header names before what it holds (Pipedrive: "Person - Email - Work",
# and its activities' "Activity - Contact person"). HubSpot's "Associated Company" is the
# company the record belongs to.
_RECORD_PREFIX = re.compile(r"\s*(?:(?:person|organi[sz]ation|lead|deal|contact|company|"
                            r"account|activity)\s+-|associated)\s+(.+?)(?:\s+-\s+(?:work|home|other|"
                            r"mobile|personal|main))?\s*$", re.IGNORECASE)


# A name in two parts, compared as headers are: "First Name" and "Last Name", bare or with
# the person they belong to before them ("Customer First Name", "Billing Last Name") or
# after them ("Prénom du client", "Apellido cliente", "Vorname Kunde").
FIRST_NAMES = frozenset({"firstname", "givenname", "forename", "nombre", "prenom", "vorname",
                         "nome", "voornaam",
                         # Nordic, Polish, Czech, Finnish, Turkish, Russian, Ukrainian, Greek
                         # and Indonesian ("Imię", "Müşteri Adı", "Имя")
                         "fornamn", "fornavn", "imie", "jmeno", "etunimi", "adı", "isim",
                         "имя", "імя", "ονομα", "namadepan",
                         # Japanese: the given name, alone or of the full name ("氏名(名)")
                         "名", "氏名名", "お名前名",
                         "注文者名前"})     # (the buyer's given name: Rakuten's)
LAST_NAMES = frozenset({"lastname", "surname", "familyname", "apellido", "apellidos", "nom",
                        "nomdefamille", "nachname", "sobrenome", "cognome", "achternaam",
                        "efternamn", "efternavn", "etternavn", "nazwisko", "prijmeni",
                        "sukunimi", "soyadı", "soyad", "фамилия", "прізвище", "επωνυμο",
                        "namabelakang",
                        "姓", "氏名姓", "お名前姓",     # (Japanese: the family name)
                        "注文者名字",     # (the buyer's family name: Rakuten's)
                        "colastname"})    # (MYOB's "Co./Last Name": a company, else a surname)
# Family-name headers of a language that writes the family name first (Japanese: 山田 花子),
# as normalise_header writes them: the full name is the family name, then the given one.
FAMILY_NAME_FIRST = frozenset({"姓", "氏名姓", "お名前姓", "注文者名字"})
_PERSON_BEFORE = ("customers?|clients?|billing|contact|buyers?|person|kunden?|musteri|asiakkaan|"
                  "alıcı")      # (Turkish: the buyer, iyzico's "Alıcı Adı")
_PERSON_AFTER = ("(?:du|de|del|do|da|des)?(?:cliente|client|kunden?|comprador|acheteur|kaufer|"
                 "customer|billing|buyer|klienta|zakaznika|клиента)")
# (not "Nombre de clientes": how many)
_NAME_PART = re.compile(
    rf"(?:{_PERSON_BEFORE})?(?:(?P<first>{'|'.join(sorted(FIRST_NAMES, key=len, reverse=True))})"
    rf"|(?P<last>{'|'.join(sorted(LAST_NAMES, key=len, reverse=True))}))(?:{_PERSON_AFTER})?")


# A name's two parts headed by one word each ("First" and "Last", "Given" and "Family",
# "First" and "Surname"): read as a name's parts only as a pair, on one sheet; alone,
# "First" or "Last" says nothing of a name (and "First visit", "Last order" are dates).
_BARE_NAME_PARTS = {"first": "first", "given": "first", "last": "last", "family": "last"}


def bare_name_parts(headers) -> dict[str, str]:
    """{header: "first" or "last"} for a sheet's one-word headers of a name's parts where
    they come as a pair ("First" beside "Last" or "Surname"; ``_BARE_NAME_PARTS``), else {}."""
    bare = {h: _BARE_NAME_PARTS[normalise_header(h)] for h in headers
            if isinstance(h, str) and normalise_header(h) in _BARE_NAME_PARTS}
    parts = list(bare.values()) + [name_part(h) for h in headers if h not in bare]
    if not bare or parts.count("first") != 1 or parts.count("last") != 1:
        return {}
    return bare


# "Owner First Name", "Owner's Email": a header about an owner, the animal's beside a pet
# business's "Animal Name" (understand._animals_owner), else the business's own person.
_OWNERS = re.compile(r"^\s*owner(?:'?s)?\b[\s_:.-]*", re.IGNORECASE)


def without_owner(header: str) -> str | None:
    """What an owner's header says of the owner ("Owner First Name": "First Name"), or None
    for a header not about an owner."""
    return _OWNERS.sub("", header) if _OWNERS.match(header) else None


def name_part(header: object) -> str | None:
    """"first" or "last" for a header naming a person's first or last name (``FIRST_NAMES``,
    ``LAST_NAMES``, bare or with whose: "Customer First Name"), else None."""
    if isinstance(header, str) and _PATH.fullmatch(header.strip()):
        if _staff_path(header):                         # "owner.firstName": no client's
            return None
        header = header.strip().rsplit(".", 1)[1]      # "orderCustomer.firstName"
    found = _NAME_PART.fullmatch(normalise_header(header))
    return None if found is None else "first" if found["first"] else "last"


# A card reader's or a till's tip column (SumUp, Zettle, Clover, Toast, Stripe Terminal),
# compared as headers are: the tip is the staff's, not the sale's price.
TIP_HEADERS = frozenset({"tip", "tips", "tipamount", "tipsamount", "tiptotal", "gratuity",
                         "gratuities", "gratuityamount", "trinkgeld", "propina", "propinas",
                         "pourboire", "pourboires", "dricks", "drikkepenge", "drikkepenger",
                         "fooi", "mancia", "gorjeta"})
# A client list's money column of the price a client was quoted ("Quote", "Estimate"):
# a price given is a client considering (normalised, as normalise_header).
QUOTE_HEADERS = frozenset({"quote", "quotevalue", "quoted", "quoteamount", "quotedprice",
                           "quotation", "estimate", "estimatevalue", "estimateamount"})
# A money header naming a guess at a deal's worth ("Est. value", "Estimated value",
# "Estimate"), as normalise_header writes it: beside a plain "Value", the guess fills in
# only where the value is blank.
ESTIMATED_VALUE = re.compile(r"^(?:est|estd|estimated?)(?:deal)?(?:value|amount)?$")
# A column of the part of a price paid to secure a booking, as normalise_header writes it:
# a "Deposit", a celebrant's or a photographer's "Booking fee", a venue's "Holding deposit".
DEPOSIT_HEADERS = frozenset({"deposit", "depositamount", "bookingfee", "bookingdeposit",
                             "holdingdeposit", "reservationfee", "reservationdeposit"})
# The part of a total left after a deposit ("Balance", "Remainder"): on a sheet with a
# "Balance paid" column and no "Balance" of its own, the total less the deposit.
REST_OF_TOTAL = frozenset({"balance", "remainder", "rest", "finalpayment", "final"})
# A client list's column of money given back to a client ("Refund", "Amount refunded"), as
# normalise_header writes it (not "Refunds", a count).
REFUNDED_HEADERS = frozenset({"refund", "refunded", "refundamount", "amountrefunded",
                              "refundedamount", "refundgiven", "refundpaid"})
# A client list's header that is a period alone, or with how it is paid ("Monthly", "DD
# monthly", as normalise_header writes it): the fee each period where it holds prices (a
# livery yard's £650), not a yes or no.
PERIOD_FEE_ALONE = re.compile(r"^(?:dd|directdebit|so|standingorder)?(?:monthly|weekly|"
                              r"permonth|perweek)(?:dd|directdebit)?$")
# The period a fee's header says each amount is for ("Monthly fee", "Fee per week",
# "Annual fee", as normalise_header writes them).
_FEE_PERIODS = (("month", re.compile(r"monthly|permonth|month$|mth$|pm$|pcm$")),
                ("week", re.compile(r"weekly|perweek|week$|wk$|pw$")),
                ("year", re.compile(r"yearly|annual|peryear|year$|pa$|perannum")))


def fee_period(header: object) -> str | None:
    """"month", "week" or "year": the period a money header says each amount is for
    ("Monthly fee", "DD monthly", "Annual fee"), or None."""
    key = normalise_header(str(header))
    return next((period for period, pattern in _FEE_PERIODS if pattern.search(key)), None)


# A client list's money column that is the price of one period or visit ("Fee", "Monthly
# fee", "Membership fee"), not a total ("Total paid", "Spend to date"), as
# normalise_header writes it.
PRICE_EACH = re.compile(
    r"^(?:monthly|weekly|yearly|annual|membership|member|class|session|visit|lesson|clean|"
    r"term|termly)?"
    r"(?:fee|price|rate|dues|cost|charge|subscription|retainer)s?"
    r"(?:per(?:month|week|year|visit|session|class|lesson|clean|term)|each|pm|pw|week|wk|"
    r"month|mth)?$"
    r"|^(?:cuota(?:mensual)?|mensalidade|cotisation(?:mensuelle)?|monatsbeitrag|"
    r"quotamensile|maandcontributie)$"
    r"|" + PERIOD_FEE_ALONE.pattern)
# A client list's money paid for a trial or a taster before the package ("Trial paid",
# "Trial fee", "Taster price"), as normalise_header writes it.
TRIAL_FEE = re.compile(r"^(?:trial|taster)(?:session|class|lesson)?(?:paid|fee|price|cost)$")
# A header naming when a client started or joined ("Started", "Joined", "Member since",
# "Date joined"), as normalise_header writes it: a month and a year there is its 1st day.
STARTED_HEADER = re.compile(r"join|start|since|began|signedup|signup|enrol")
# A count of the periods or visits a client paid for ("Months paid", "No. of months paid",
# "Visits paid", "Meses pagados"), as normalise_header writes it; not one of sessions left,
# used or booked.
PAID_COUNT = re.compile(
    r"^(?:no|number|total|num)?(?:of)?(?:months|weeks|terms|years|visits|sessions|classes|"
    r"lessons|cleans)paid(?:for)?$"
    r"|^(?:mesespagados|mesespagos|moispayes|monatebezahlt|bezahltemonate|mesipagati|maandenbetaald)$")
# An amount header that says the tip is not in it ("Amount excl. tip", "Subtotal", "Net"),
# or names the service's own price ("Fee", "Cost", "Rate": a salon's sheet of fees).
TIP_NOT_IN_AMOUNT = r"excl|without|before|subtotal|net|base|sale(?:s)?amount|price|fee|cost|rate"
# A payments statement's funding source, in a column an alias takes for the name (Cash
# App's "Account": "Visa Debit 1234", "Checking 5678", "Your Cash"): the account's own card
# or bank, not a client.
FUNDING_SOURCE = re.compile(
    r"^\s*(?:(?:visa|mastercard|amex|discover|debit|credit|checking|savings|bank|card)\b.*"
    r"\d{4}|(?:your |cash app )?(?:cash|balance)|(?:venmo|paypal|cash app) balance)\s*$",
    re.IGNORECASE)
# A payments statement's two parties, compared as headers are (Venmo's "From" and "To"):
# the account's own name is on one side of most rows, the client on the other.
PARTY_HEADERS = (("from", "to"), ("sender", "recipient"), ("sender", "receiver"),
                 ("payer", "payee"))
# Headers naming people by a word no alias takes alone, as the values say: a plural of
# whom a business serves ("Customers", "Clients": their names on each row, where a count of
# them is not) or a sale's other party ("Sold to"). Not "Person": Superstore's "People" tab
# names its own regional managers so. Compared as headers are.
# Headers naming what each visit of a log was ("Type", "Session type", "Treatment"; the
# page a booking was made on, one per kind of meeting: YouCanBookMe's "Booking page").
VISIT_TYPE_HEADERS = frozenset(map(match_key, (
    "type", "session type", "appointment type", "visit type", "booking type", "service",
    "treatment", "session", "appointment", "booking page")))
PEOPLE_HEADERS = frozenset(map(match_key, (
    "customers", "clients", "buyers", "guests", "members", "students", "pupils", "patients",
    "guest", "parent", "parents", "parent name",    # (a holiday let's, a children's party's)
    "customer names", "client names", "sold to", "bought by", "billed to", "bill to",
    "invoiced to", "clientes", "kunden",
    # (a recording studio's acts; an interpreter's or a freelancer's agencies that book them)
    "artist", "artists", "band", "act", "agency")))


def names_price_each(header: object) -> bool:
    """Whether a header names the price of one period or visit (``PRICE_EACH``: "Monthly
    fee", "Price"; or a currency sign over the period: "£/month")."""
    return bool(PRICE_EACH.match(normalise_header(header))
                or isinstance(header, str) and _MONEY_PER.fullmatch(header.strip()))


def names_people(header: object) -> bool:
    """Whether a header names people as ``PEOPLE_HEADERS`` do, or as two or more such
    headers or the client's name written together ("Agency / Client", "Band or artist"), or
    with one naming who pays ("Couple/Family": a celebrant's couples and families)."""
    if normalise_header(header) in PEOPLE_HEADERS:
        return True
    parts = re.split(r"\s*/\s*|\s+or\s+", str(header).strip()) if header is not None else []
    return len(parts) > 1 and all(normalise_header(part) in PEOPLE_HEADERS | PAYER_HEADERS
                                  or match_header(part)[0] == "name" for part in parts)
# Headers naming the account that pays for another ("Family", "Bill payer", "Paid by"), and
# headers naming the one served ("Pupil", "Child"): beside each other, the account is the client (a
# tutor's invoices per family). Not "Parent": a teacher's list of pupils names each pupil's
# parent beside them, the pupil its client. Compared as headers are.
PAYER_HEADERS = frozenset(map(match_key, (
    "family", "family name", "household", "bill payer", "account holder", "payer",
    "paid by")))
# A child's, and its parent's (a children's class, a party entertainer's bookings): beside a
# child, the parent named pays, the client (a pupil's parent is not: see above).
CHILD_HEADERS = frozenset(map(match_key, ("child", "children", "child name", "childs name")))
PARENT_HEADERS = frozenset(map(match_key, (
    "parent", "parents", "parent name", "parent/guardian", "guardian", "parent or guardian")))
SERVED_HEADERS = frozenset(map(match_key, (
    "pupil", "pupils", "pupil(s)", "pupil name", "student", "students", "student name",
    "child", "children", "child name", "childs name", "learner", "swimmer", "player")))
# Headers numbering each row as one conversation of a chat or help-desk tool (Intercom's
# and Drift's "Conversation ID", Crisp's "session_id", Front's "Conversation ID"): a sheet
# holding one lists conversations, each an event of its person, never a list of clients.
CONVERSATION_IDS = frozenset(map(match_key, (
    "conversation id", "conversation number", "conversation no", "chat id", "chat number",
    "session id", "thread id", "ticket id", "ticket number", "ticket no")))
# A header numbering a business's own support tickets or cases ("Ticket #", "Case number",
# Portuguese "Chamado" or "Nº do protocolo", Spanish "Nº incidencia", German "Anfrage-Nr."),
# normalised: beside a subject or a priority and ticket states, a log of tickets
# (profiles._ticket_list_check). Alone it may number an event's tickets or a lawyer's cases.
TICKET_NUMBER_HEADER = re.compile(
    r"^(?:no|n|nr|num|numero|id)?(?:de|do|da|du)?"
    r"(?:ticket|case|chamado|protocolo|incidencia|incidente|incident|caso|anfrage)"
    r"(?:no|nr|number|num|numero|nummer|id)?$")
# A ticket's subject and its priority, in English, Spanish, Portuguese, French, German,
# Italian and Dutch (normalised headers).
SUBJECT_HEADERS = frozenset({"subject", "asunto", "assunto", "sujet", "objet", "betreff",
                             "oggetto", "onderwerp"})
# A ticket's problem in a log numbered only by "ID": a subject only beside a ticket's
# resolved state (profiles._ticket_list_check; a lawyer's "Issue": Divorce is a matter).
ISSUE_HEADERS = frozenset({"issue", "problem", "problema", "probleme", "anliegen"})
# The day a problem was reported (normalised): beside such an "Issue" worded as a problem
# and several ticket states, a log of tickets though none is resolved yet. Not "Received",
# which a repair shop's intake says of the thing handed in, nor a bare "Logged" (hours).
REPORTED_DATE_HEADERS = frozenset({"reported", "datereported", "reportedon", "reporteddate",
                                   "reportedat", "raised", "dateraised", "raisedon",
                                   "datelogged", "loggedon"})
# Where a job is done (normalised): beside an "Issue" of a fault ("Broken window", "Leaking
# tap") and no ticket resolved, a trade's jobs at its clients' homes, not tickets of
# complaints about the business.
WORK_PLACE_HEADERS = frozenset({"address", "siteaddress", "jobaddress", "propertyaddress",
                                "property", "site", "street", "streetaddress", "postcode",
                                "zip", "zipcode", "direccion", "endereco", "adresse",
                                "anschrift", "adres", "indirizzo"})
PRIORITY_HEADERS = frozenset({"priority", "prioridad", "prioridade", "priorite", "prioritat",
                              "prioritaet", "priorita", "prioriteit", "urgency", "urgencia",
                              "urgence", "dringlichkeit"})
# Headers naming whom the business paid, on a sheet that names no payer: its money went
# out (a bank's outgoing payments, a bill list's "Vendor"), compared as headers are.
PAYEE_HEADERS = frozenset(map(match_key, (
    "payee", "payee name", "paid to", "pay to", "recipient", "recipient name", "beneficiary",
    "beneficiary name", "creditor", "supplier", "supplier name", "vendor", "vendor name",
    "proveedor", "fournisseur", "beneficiaire", "lieferant", "empfanger", "fornitore",
    "fornecedor", "leverancier", "begunstigde")))
# A value saying a row is one instalment of a payment plan ("Payment Plan", "Installment 2
# of 3", "Ratenzahlung"), compared as headers are, from its start. (Not a bare "Cuota": a
# Spanish gym's "Cuota mensual" is its monthly fee, each month a purchase.)
INSTALMENT = re.compile(r"^(?:paymentplan|instal+ments?|splitpayments?|payinparts|"
                        r"plandepagos?|cuotas$|cuota\d|(?:pago)?(?:en|a)(?:cuotas|plazos)|"
                        r"paiementenplusieursfois|paiementfractionne|"
                        r"ratenzahlung|ratenkauf|pagamentoarate|rateizzato|termijnbetaling|"
                        r"gespreidebetaling)")
# Headers of a row's count of sales (a till's daily summary: "Transactions" 12): each row
# is a period's totals, not one sale.
SALES_TALLY_HEADERS = frozenset(map(match_key, (
    "transactions", "transaction count", "number of transactions", "no of transactions",
    "orders", "order count", "number of orders", "no of orders", "sales count",
    "number of sales", "no of sales", "receipts", "receipt count", "number of receipts",
    "customers", "customer count", "number of customers",
    "transacciones", "pedidos", "ventas totales", "commandes", "transaktionen",
    "bestellungen", "transazioni", "ordini", "transacoes", "transacties", "bestellingen")))


# How someone got in touch ("Contact": Phone, Instagram, Walk-in), compared as headers are:
# a "Contact" column of these names no one (understand._contact_named).
CONTACT_MEANS = frozenset(match_key(w) for w in (
    "email", "e-mail", "mail", "phone", "phone call", "call", "called", "text", "sms",
    "whatsapp", "instagram", "insta", "ig", "facebook", "fb", "messenger", "dm", "tiktok",
    "linkedin", "website", "web", "online", "web form", "form", "walk in", "walk-in",
    "in person", "in store", "shop", "store", "google", "referral", "word of mouth",
    "letter", "post", "chat", "live chat", "none", "n/a"))
# A help desk's "Via" naming a way in by its first word ("Phone call (inbound)", "Web
# Widget", "Mobile SDK", "API"): with ``CONTACT_MEANS``, a channel (not "Royal Mail", "DPD":
# the courier an order went by).
CHANNEL_FIRST_WORDS = CONTACT_MEANS | frozenset({"api", "mobile", "voicemail", "twitter",
                                                 "portal", "widget", "x"})
# Groups of customers an owner sorts clients into ("VIP", "Wholesale"), compared by
# match_key: a ticket list's "Group" of these is the client's, not the team's (department).
CUSTOMER_GROUPS = frozenset({"vip", "vips", "wholesale", "retail", "trade", "b2b", "b2c",
                             "gold", "silver", "bronze", "platinum", "premium", "standard",
                             "regular", "new", "loyal", "corporate", "private", "business",
                             "consumer", "member", "members", "guest", "guests", "keyaccount",
                             "reseller", "resellers", "distributor", "distributors"})


# Columns flagging a row made in a tool's test mode (Lemon Squeezy's "Test Mode": Yes), not
# a real order (normalised headers); Stripe's "livemode" says the opposite (false: a test).
# Not "Is live": a studio's class streamed live or on demand says nothing of a test.
TEST_FLAGS = frozenset({"testmode", "istest", "testorder", "testpayment", "testtransaction",
                        "sandbox", "sandboxmode"})
LIVE_FLAGS = frozenset({"livemode"})
# Columns flagging a row as spam (a chat tool's "is_blocked" visitor: Crisp's), no one's.
# Not a bare "Blocked": a task blocked is still a task.
SPAM_FLAGS = frozenset({"isspam", "spam", "markedasspam", "isblocked"})

# A community's or a group's roles (Meetup's "Title", Skool's and Circle's "Role"): the
# column's normalised headers, the roles of its members, and those of the business's own
# people who run it. A yes in a column of the own people's flags ("Assistant Organizer",
# "Is Admin") says the same.
ROLE_HEADERS = frozenset({"title", "role", "memberrole", "membershiprole", "userrole",
                          "grouprole", "communityrole", "accesslevel", "membertype",
                          "roles"})       # (a course platform's users: Thinkific's)
MEMBER_ROLES = frozenset({"member", "members", "attendee", "guest", "subscriber", "student",
                          "participant", "learner", "regular", "regularmember", "follower"})
OWN_ROLES = frozenset({"organizer", "organiser", "coorganizer", "coorganiser", "cohost",
                       "assistantorganizer", "assistantorganiser", "eventorganizer", "host",
                       "moderator", "admin", "administrator", "owner", "staff", "groupadmin",
                       "communitymanager", "teammember", "coach", "instructor",
                       # a course platform's own (Thinkific's Site Admin, Course Admin;
                       # Teachable's Primary Owner and Author, who teaches)
                       "siteadmin", "siteowner", "courseadmin", "schooladmin", "schoolowner",
                       "primaryowner", "author", "teacher"})
# Of those, the roles a client also has in their own business or team (a contacts list's
# "Owner" of Lee Bakery, a software account's "Admin"): the business's own people only in
# a column that also names members (a roster), not beside blanks alone.
JOB_ROLES = frozenset({"owner", "admin", "administrator", "staff", "teammember"})
# Columns naming the organisation each person belongs to: beside them, a role is the
# person's role there (a B2B contacts list's, a software account's users'), normalised;
# "Organization" as Spanish, Portuguese, Italian and Dutch help desks write it (French and
# German write "Organisation").
ORGANISATION_HEADERS = frozenset({"account", "accountname", "organization", "organisation",
                                  "organizationname", "organisationname", "company",
                                  "companyname", "organizacion", "organizacao",
                                  "organizzazione", "organisatie"})
# A person's name and a company's, in a few languages, normalised: beside a bare "Navn"
# or "Name" (the person), a "Firma" or "Company" is the client's organisation, not their
# name, whatever order the synonyms rank them in (plan.prepare sorts the name first).
PERSON_NAME_HEADERS = frozenset({"name", "fullname", "navn", "namn", "nimi", "naam", "nom",
                                 "nomcomplet", "nome", "nomecompleto", "nombre",
                                 "nombrecompleto", "imieinazwisko", "jmeno", "nev"})
# A list of the business's own people (a car-hire firm's drivers, a salon's stylists): a
# column of each one's job beside one of their pay, or either on a sheet named for staff.
# Normalised headers, and a sheet's or file's name's words. (Not "Title": a client's Mr or
# Mrs; not "Rate" alone: a client's rate; not "rota" or "team": a dog walker's round, a
# club's players.)
STAFF_ROLE_HEADERS = frozenset({"role", "jobrole", "jobtitle", "position", "staffrole",
                                # Turkish: a duty, a post, a title ("Görev", "Pozisyon")
                                "gorev", "gorevi", "pozisyon", "unvan", "unvanı"})
STAFF_PAY_HEADERS = frozenset({"hourlyrate", "hourlypay", "hourlywage", "payrate", "rateofpay",
                               "payperhour", "wage", "wages", "salary", "annualsalary",
                               # Turkish: a salary ("Maaş"; "Ücret", a wage or a fee, is
                               # pay only beside a role or on a sheet named for staff)
                               "maas", "brutmaas", "netmaas", "ucret"})
STAFF_NAMES = frozenset({"staff", "employee", "employees", "payroll", "drivers",
                         "personel", "calisanlar", "calisan"})
# A member's yearly fee as a client list writes it (a club's "Annual fee", "Subs",
# "Membership fee", normalised, a year after it left off): above 0, on a list of members
# (its names headed "Member", ``MEMBER_HEADERS``) each has joined, whatever step a tick
# beside it says (a wine club's "Tasting", an event members go to; not a gym's list of
# names whose "Trial class" ticked is a step before joining).
MEMBERS_FEES = frozenset({"annualfee", "yearlyfee", "membershipfee", "subs", "annualsubs"})
MEMBER_HEADERS = frozenset({"member", "members", "membername", "memberfullname"})
# Words of a sheet's or file's name, or of the header naming each person, that say the people
# are clients ("Learner drivers", "Coaching clients", "Applicant"): a role and a salary
# there are the client's own (a career coach's, a mortgage broker's), never staff.
CLIENT_WORDS = frozenset({"client", "clients", "customer", "customers", "applicant",
                          "applicants", "learner", "learners", "pupil", "pupils", "student",
                          "students", "patient", "patients", "ogrenci", "ogrenciler"})
COMPANY_HEADERS = frozenset({"company", "companyname", "firma", "firmenname", "unternehmen",
                             "entreprise", "societe", "empresa", "azienda", "bedrijf",
                             "bedrijfsnaam", "foretag", "foretagsnamn", "virksomhed",
                             "firmanavn", "yritys", "organization", "organisation"})
# Headers of a company's size beside its "Revenue", normalised: the company's turnover (a
# lead list's firmographics), not what it spent with the business.
FIRMOGRAPHIC_HEADERS = frozenset({"employees", "numberofemployees", "noofemployees",
                                  "employeecount", "companysize", "headcount", "industry",
                                  "foundedyear", "founded"})
# A company's own details on a CRM's accounts or companies list (Maven CRM's accounts:
# sector, year_established, employees, office_location, subsidiary_of), normalised: two of
# them beside a "Revenue" say it is each company's own revenue.
COMPANY_DETAIL_HEADERS = FIRMOGRAPHIC_HEADERS | frozenset({
    "sector", "yearestablished", "established", "yearfounded", "foundedin", "officelocation",
    "headquarters", "headquarter", "hq", "hqlocation", "subsidiaryof", "parentcompany",
    "parentaccount", "ownershiptype", "marketcap", "stockticker", "tickersymbol"})
# A "Revenue" header that can be a company's own (not "Spend", "Lifetime revenue", "MRR",
# "Won deals amount": those are what a client spent with the business).
COMPANY_REVENUE = re.compile(r"revenue|turnover|umsatz|omsattning|omsaetning|omsætning|"
                             r"chiffredaffaires|ingresos|facturacion|receita|fatturato|omzet")
SPENT_WITH_US = re.compile(r"spen[dt]|lifetime|recurring|mrr|won|billed|fee|paid|ltv|clv|"
                           r"customer|client|transaction")
OWN_ROLE_FLAGS = frozenset({"assistantorganizer", "assistantorganiser", "isorganizer",
                            "isadmin", "isstaff", "ishost", "ismoderator", "organizer"})

# A column of tags, labels or categories, some of which may say what happened (Intercom's
# "Complaint"), or a case's or a ticket's type (Salesforce's "Case Record Type": Complaint,
# Support; not a bare "Type", whose "Review" may be a clinic's review appointment):
# normalised headers, matched from their start.
TAG_HEADERS = re.compile(r".*(?:tags?|labels?|category|categories|segments|recordtype|casetype|"
                         r"tickettype|requesttype|issuetype|feedbacktype)$|"
                         # (a Russian client list's "Категория", YCLIENTS')
                         r"^(?:категория|категорияклиента|метки|теги)$|"
                         # (es, pt, fr, de)
                         r"^(?:etiquetas?|marcadores|etiquettes?|schlagworter|schlagworte)$")


# A sheet's or file's name saying it holds survey answers ("nps_test.csv", "Umfrage").
SURVEY_NAMES = re.compile(r"(?i)nps|net.?promoter|promoters?|surveys?|feedback|recommend|csat|"
                          r"umfrage|encuesta|enqu[eê]te|sondaggio")

# Headers of a person's words on what they rated (normalised): beside a column of whole
# numbers from 1 to 10, they make it a rating, not money.
FEEDBACK_HEADERS = re.compile(r"^(?:comments?|feedback|review|opinion|kommentar|meinung|"
                              r"bewertung|commentaires?|avis|comentarios?|opiniao|"
                              r"rating|stars|sterne)$")

# Columns saying which level of an order a row is (Lightspeed X-Series' and Vend's "Line
# Type": Sale, Sale Line, Payment), normalised headers; and the values naming the order's
# own row, whose figures are the order's. The other rows (its items, payments, taxes) are
# parts of it, not orders.
ROW_LEVEL_HEADERS = frozenset({"linetype", "rowtype", "recordtype", "lineleveltype",
                               "linekind", "rowkind", "recordkind"})
ORDER_ROW_VALUES = frozenset({"sale", "order", "invoice", "transaction", "receipt", "header",
                              "orderheader", "invoiceheader", "salesorder", "return",
                              "refund", "creditnote"})


# A column of each document's type on an invoice list (a Mexican CFDI list's "Tipo de
# comprobante": I Ingreso, E Egreso, P Pago), compared as headers are: an anchored pattern;
# and the types, normalised, that are a credit note written at its positive amount.
DOCUMENT_TYPE = re.compile(r"^tipo(?:de)?(?:comprobante|cfdi)$|^efecto(?:del)?comprobante$")
CREDIT_DOCUMENTS = frozenset({"e", "egreso", "notadecredito"})


# Client fields an events sheet may carry (a customer's name or segment on an order line);
# they update the client. Other client fields on an events sheet stay with the event.
PROFILE_FIELDS = frozenset({"name", "client_type", "country", "region", "persona",
                            "contact_name", "email", "phone", "owner", "preferred_channel",
                            "satisfaction"})


def fields_for(kind: str) -> frozenset[str]:
    """The fields a sheet of this kind ("clients" or "events") can map onto."""
    if kind == "events":
        return frozenset(EVENT_FIELDS) | PROFILE_FIELDS
    return frozenset(CLIENT_FIELDS)


def guess_mapping(headers: list[str], kind: str | None = None) -> dict[str, str | None]:
    """Map each header to a field (None keeps it as an extra column).

    With a kind, fields that kind cannot hold map to None.
    """
    allowed = fields_for(kind) if kind else frozenset(ALL_FIELDS)
    mapping = {}
    for header in headers:
        field = match_header(header)[0]
        mapping[header] = field if field in allowed else None
    return mapping


# An order list's own columns of what went back: "Refunded Amount", "Refunds Total" (its
# money) and "Refunded At" (its day). Unmapped columns, compared as headers are.
# (an order's own: TikTok Shop's "Order Refund Amount"; to whom: Depop's "Refunded to buyer
# amount")
REFUNDED_AMOUNT = re.compile(r"^(?:order)?(?:refunded|refunds?)(?:tobuyer|tocustomer)?"
                              r"(?:amount|total|value|sum)?$|"
                              r"^(?:amount|total|sum)refunded$|^refundtotal$|^totalrefunds?$|"
                              # (Turkish: iyzico's "İade Tutarı"; Portuguese, Spanish)
                              r"^iadetutar[ıi]$|^(?:valor|monto|importe)(?:estornado|reembolsado|"
                              r"devuelto)$")
