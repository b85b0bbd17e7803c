"""The workshop: what a team builds together and edits live, kept beside the data.

What belongs here, one module each:

- ``personas``: the persona cards, their live figures from the clients behind them, the
  impact/effort ranking, and the "Personas" sheet (import and export);
- ``touchpoints``: the per-stage touchpoint tables and the function map (which stages
  each function should serve), saves that never overwrite someone else's edit, undo of
  the last save, named snapshots, and the "Touchpoints" and "Function map" sheets;
- ``journey_map``: the map as a facilitator presents it (lanes per stage, the KPI lane),
  the coverage of departments over stages, and the emotion curves;
- ``goal``: the workshop's objective and its key results (a workspace setting);
- ``kpis``: the KPIs per stage and persona, with targets and due dates, checked and stored,
  judged against their targets (met, not met, no evidence), and the "Goals & KPIs" sheet;
- ``actions``: the action list that outlives the workshop, and the "Actions" sheet;
- ``sessions``: closed sessions (the figures each kept) and what changed since;
- ``method``: the guided session: the method's steps (and the sales team's) as data, each
  done when the data shows it or ticked by hand, the inventory of the data a workshop
  looks at, and the customer-validation worksheet's questions and answers.

What the KPIs and sessions measure comes from the analyses above the workshop (the funnel,
the signs): ``journey.scorecard`` measures it and hands it to these modules.

The workshop imports downward only: the database, the stage model, the filters and the
undo journal (``journey.journal``), never the import (``journey.ingest``), which calls the
workshop's sheet importers. Its figures are drawn by ``journey.charts``. Import a module:
``from journey.workshop import personas``.
"""
