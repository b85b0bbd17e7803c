"""Errors meant for people. Pages catch only these and show ``str(error)``."""


class JourneyError(Exception):
    """Base class: the message is one plain sentence a user can act on."""


class UnreadableFile(JourneyError):
    """A file that cannot be read at all (corrupt, encrypted, too large, not a spreadsheet)."""


class ValidationError(JourneyError):
    """Input that was read but cannot be used as asked (a bad mapping, an unknown field)."""


class WorkspaceError(JourneyError):
    """A workspace name or file that cannot be used (bad name, missing, already exists)."""


class WorkspaceBusy(WorkspaceError):
    """Another import or save holds the workspace's write lock longer than we wait."""
