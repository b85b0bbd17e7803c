"""The Excel export: everything in a workspace in one workbook that looks made by hand and
imports back, and the template and sample workbooks people start from.

Sheets, in order: Overview (the stage tiles, the biggest drop-off, the revenue, the
alignment score, what the workbook holds), Funnel (the table and a native Excel funnel
chart), Signs (the eight, worst first, coloured by status with conditional formatting),
Personas (the cards and their live figures), Touchpoints, Function map, Clients (the
filters applied; every vocabulary field, then the derived stage columns), Events (the filtered clients' events) and Imports (the history).
Each sheet is made by one small function; every table has a styled, frozen header row, an
autofilter, column widths that fit and number and date formats.

Every sheet prints (``printing.set_up_printing``, which each sheet writer calls, so a new
table sheet prints the same way): its print area, one page wide, the header row on every
page, landscape when wider than a portrait page, and the workbook, the sheet and "Page 3
of 12" on every page. The Overview and the Funnel (its table and its chart) print on one
page each; the data sheets run as many pages as their rows need.

What belongs here, one module each (imports point down the list):

- ``formats``: column kinds, number formats, the workbook's styles, a column turned into
  typed cells, and text always written as text;
- ``sheets``: what goes in each sheet, read from the workspace into ``Table``s (no writing);
- ``bulk``: large tables written as sheet XML in bulk and spliced in;
- ``printing``: how every sheet prints;
- ``workbook``: the sheets written in order, the funnel chart, the status colours, the file;
- ``template``: the empty client-tracker template and the filled-in sample (openpyxl),
  regenerated with ``python -m journey.export.template``.

The public names are imported here: ``from journey.export import export_workbook``.

Decisions, written down here because DESIGN.md is silent on them:

- The frame's filters apply to everything measured from clients: the Overview, Funnel,
  Signs, Clients and Events sheets (the events of the filtered clients; events that
  belong to no client only when nothing is filtered) and the Personas sheet's live
  figures. The persona cards, touchpoints, the function map and the import history are
  the whole workspace's.
- Round trip: the Clients and Events sheets use the template's headers, so importing the
  workbook into an empty workspace gives the same clients, events, funnel and signs, and
  the Personas, Touchpoints and Function map sheets go to their own importers. Stages are
  written as stage labels (``Purchase``), never as the business's own words, because the
  workspace's stage mapping does not travel with the workbook. A client's persona is the
  persona assigned by hand when there is one (so persona figures survive the trip). An
  event names its client by the client's ID and name. Columns a spreadsheet brought that
  map to no field (kept in ``extra``) come back as their own columns. The summary sheets
  (Overview, Funnel, Signs, Imports) use headers that name no field, so an import keeps
  them as reference rows whatever the file is called. The derived columns on the Clients
  sheet (furthest stage, first activity, ...) name no field either: they come back as
  extra columns of the client (see ``sheets.DERIVED_HEADERS``), and are computed afresh.
- Text from people is always written as text: a name starting with ``=``, ``+``, ``-`` or
  ``@`` stays a string cell, never a formula.

Speed: writing a million cells one by one through XlsxWriter costs several seconds, so
the large tables (Clients, Events) are written as sheet XML in bulk with pyarrow's string
kernels and spliced into the workbook XlsxWriter made (which still writes their header
row, widths, filters, frozen panes and formats). Their text goes into the shared string
table. They are read straight into Arrow columns (see ``sheets._read``), an event's client
named from one small query rather than a join per event; their XML is built a chunk at
a time while another thread compresses the chunk before. Small tables are written cell
by cell by XlsxWriter, so charts keep cached values (see ``bulk``).
bench/export_bench.py measures 10,000 clients and 100,000 events.
"""

from .sheets import SHEETS, SUMMARY_SHEETS, Table, describe_filters, workbook_contents
from .workbook import (LARGE_WORKSPACE_ROWS, XLSX_MIME, Workbook, build_workbook,
                       export_filename, export_workbook, workbook_notes, write_workbook_file)

__all__ = ["LARGE_WORKSPACE_ROWS", "SHEETS", "SUMMARY_SHEETS", "Table", "XLSX_MIME",
           "Workbook", "build_workbook", "describe_filters", "export_filename",
           "export_workbook", "workbook_contents", "workbook_notes", "write_workbook_file"]
