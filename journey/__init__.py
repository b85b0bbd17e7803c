"""Journey: a customer-journey dashboard's domain package (never imports streamlit)."""

from .errors import JourneyError, UnreadableFile, ValidationError, WorkspaceError
from .filters import Filters
from .funnel import compute_funnel, compute_funnel_by
from .ingest import import_file, plan_file, undo_import
from .stages import STAGES, furthest_stage
from .workspace import open_workspace

__all__ = [
    "Filters", "JourneyError", "STAGES", "UnreadableFile", "ValidationError", "WorkspaceError",
    "compute_funnel", "compute_funnel_by", "furthest_stage", "import_file", "open_workspace",
    "plan_file", "undo_import",
]
