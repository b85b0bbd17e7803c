"""Import spreadsheets into a workspace: read, understand, plan, save.

One job per module, each importing only the ones before it (and the layers below:
``journey.journal``, ``journey.workspace``, ``journey.values``, the vocabulary in
``journey.fields`` and ``journey.stages``, and the workshop importers):

- ``read``: a file's bytes -> ``RawSheet`` objects (CSV/TSV, XLSX/XLSM/XLS/ODS), or one
  ``UnreadableFile`` sentence; ``xlsx_columns`` is its column-at-a-time path for large
  .xlsx sheets.
- ``line_amounts``: an order line priced per unit (a quantity and a unit price, in the
  languages the import reads): its amount, quantity × unit price; shared by the invoice lines
  profile, ``understand`` and ``plan``.
- ``profiles``: well-known exports (Shopify orders and customers, Stripe, WooCommerce,
  Square, HubSpot, Salesforce, Pipedrive, Zoho, Bitrix24, invoice lines, help desks,
  surveys), one table entry each, recognised from
  their headers: who the client is and what each row is.
- ``evidence``: what a column's values are (e-mails, dates, numbers, 0-10 scores, yes/no,
  ID-like codes), measured on a sample.
- ``understand``: what a sheet is (its kind, the guess of its headers' mapping, refined by
  the values' evidence: the e-mail, the date, a score, the client key and a join to an
  earlier import's IDs; guide sheets) and what its values say (typed values, stages,
  outcomes, kinds).
- ``plan``: ``plan_file`` -> one ``SheetPlan`` per sheet, the person's choices over the
  guesses; ``prepare_sheet`` -> typed rows and the rows rejected, with reasons; the table
  of workshop sheet importers.
- ``save``: ``import_file`` writes every sheet in one transaction, recorded in the journal;
  ``undo_import``; stage meanings chosen after an import (``map_stage_values``).
- ``review``: what the Import page shows about a plan and an import (imported as
  ``journey.ingest.review``; not re-exported here).

The names below are the public surface the pages, the command line, the demo and the
tests use.
"""

from ..journal import Problem, list_imports, stage_mapping
from .plan import PreparedSheet, SheetPlan, plan_file, prepare_sheet
from .read import RawSheet, read_tables
from .save import (ImportResult, client_key, client_keys, import_file, map_stage_values,
                   name_key, name_keys, undo_import)
from .understand import EXTRA, KINDS, detect_kind, guess_sheet_mapping, pending_stage_values

__all__ = [
    "EXTRA", "KINDS", "ImportResult", "PreparedSheet", "Problem", "RawSheet", "SheetPlan",
    "client_key", "client_keys", "detect_kind", "guess_sheet_mapping", "import_file",
    "list_imports", "map_stage_values", "name_key", "name_keys", "pending_stage_values",
    "plan_file", "prepare_sheet", "read_tables", "stage_mapping", "undo_import",
]
