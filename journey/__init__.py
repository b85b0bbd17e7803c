"""Journey's domain package: it never imports streamlit, and its modules import downward
(the layers are in .importlinter and the README's developer notes). Import what you need
from its modules: journey.workspace, journey.ingest, journey.funnel, journey.signs, ..."""
