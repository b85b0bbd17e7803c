"""The workshop: what a team builds together and edits live, kept beside the data.

What belongs here, one module each:

- ``personas``: the persona cards, their live figures from the clients behind them, the
  impact/effort ranking, and the "Personas" sheet (import and export);
- ``touchpoints``: the per-stage touchpoint tables and the function map (which stages
  each function should serve), saves that never overwrite someone else's edit, undo of
  the last save, named snapshots, and the "Touchpoints" and "Function map" sheets;
- ``journey_map``: the map as a facilitator presents it (lanes per stage), the coverage
  of departments over stages, and the emotion curves.

The workshop imports downward only: the database, the stage model, the filters and the
undo journal (``journey.journal``), never the import (``journey.ingest``), which calls the
workshop's sheet importers. Its figures are drawn by ``journey.charts``. Import a module:
``from journey.workshop import personas``.
"""
