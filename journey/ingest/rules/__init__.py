"""The reading rules ``journey.ingest.plan.prepare_sheet`` runs on a planned sheet, one
module per concern (each a layer of ``.importlinter``'s rules contract; ``common`` at the
bottom holds the helpers they share)."""
