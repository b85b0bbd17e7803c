"""Long work on a thread of its own: an import started from the page.

A Streamlit rerun starts a new script run while the old one may still be working, and
stops the old one at its next Streamlit call. Work done inside a script run can
therefore be cut off half-way, and a second press of "Import" would start a second
import. A job runs on its own thread instead, with its own workspace connection, so a
rerun cannot interrupt it; every run of every session finds it by workspace and shows
its progress; only one job runs per workspace at a time, in this server process.
Imports from the command line or another server wait on SQLite's write lock instead.
"""

from __future__ import annotations

import logging
import threading
import traceback
from dataclasses import dataclass, field
from typing import Callable

from journey.errors import JourneyError
from journey.workspace import open_workspace

LOG = logging.getLogger(__name__)


@dataclass
class Job:
    """One piece of work on a workspace, and how far it has got."""
    workspace: str                 # the workspace file's path: one job per workspace
    owner: str                     # the session that started it (it receives the result)
    label: str                     # "Importing 2 files", shown to every session
    fraction: float = 0.0
    message: str = "Starting…"
    result: object = None
    error: str | None = None
    finished: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def done(self) -> bool:
        return self.finished.is_set()

    def progress(self, fraction: float, message: str) -> None:
        """Called by the work as it goes (from the job's thread)."""
        self.fraction, self.message = max(0.0, min(1.0, fraction)), message


class JobRunning(JourneyError):
    """Another job is working on this workspace."""


_jobs: dict[str, Job] = {}
_lock = threading.Lock()


def start(workspace: str, owner: str, label: str, work: Callable) -> Job:
    """Run ``work(db, job)`` on a new thread with a connection of its own to ``workspace``.

    Raises JobRunning if a job is still working on that workspace. The result (or the
    sentence of a JourneyError, or a short message for anything else) is kept on the job
    until its owner takes it with ``take``.
    """
    with _lock:
        running = _jobs.get(workspace)
        if running is not None and not running.done:
            raise JobRunning(f"{running.label} is still running in this workspace; "
                             "try again when it ends.")
        job = _jobs[workspace] = Job(workspace, owner, label)
    threading.Thread(target=_run, args=(job, work), name=f"journey-job {label}",
                     daemon=True).start()
    return job


def _run(job: Job, work: Callable) -> None:
    try:
        db = open_workspace(job.workspace, create=False)
        try:
            job.result = work(db, job)
        finally:
            db.close()
    except JourneyError as error:
        job.error = str(error)
    except Exception as error:            # a bug: say so, keep the server alive
        LOG.error("%s failed:\n%s", job.label, traceback.format_exc())
        job.error = (f"{job.label} stopped because of an error in Journey "
                     f"({type(error).__name__}: {error}). Nothing was changed.")
    finally:
        job.finished.set()


def current(workspace: str) -> Job | None:
    """The job working on (or last finished on) this workspace, if any."""
    return _jobs.get(workspace)


def take(workspace: str, owner: str) -> Job | None:
    """The finished job this session started on the workspace, removed from the list."""
    with _lock:
        job = _jobs.get(workspace)
        if job is None or not job.done or job.owner != owner:
            return None
        del _jobs[workspace]
        return job
