"""Temporary files beside a target: one recognisable name, and the sweep of those a killed process left.

Every file the application writes whole (reports, workbooks, calendars, backups, the copy a restore checks)
is first written under a hidden temporary name beside its target, then renamed onto it. A process killed in
between leaves the temporary file behind; the next writer into that folder sweeps it away: at once when
the process that made it is gone, else once it is older than any write takes.

The results of reads in worker processes (services.isolated) go through the shared temporary folder, named
after the window that deletes them; a window killed mid-read leaves one, swept when the next window starts
its workers, under the same rule.
"""

from __future__ import annotations

import os
import re
import time
from contextlib import suppress
from pathlib import Path
from uuid import uuid4

MARK = ".grassroots-tmp-"  # then the process id, a random token, ".tmp" (and SQLite's -journal of a copy)
STALE_AFTER_S = 3600  # a file still being written is touched far more often than this
NAME_BYTES = 100  # of the target's name kept in the temporary one: the whole stays under 255 bytes
OURS = re.compile(r"\..*\.grassroots-tmp-(?P<pid>\d+)-[0-9a-f]{12}\.tmp(-journal|-wal|-shm)?", re.DOTALL)
EARLIER = re.compile(r"\..*\.[0-9a-f]{12}\.tmp(-journal|-wal|-shm)?", re.DOTALL)  # names before the mark
WRITES = (OURS, EARLIER)
READ_PREFIX = "grassroots-read-"  # then the window's process id, a random part, ".pickle"
READ_RESULT = re.compile(rf"{READ_PREFIX}(?P<pid>\d+)-\w+\.pickle")


def temporary_name(target: Path) -> Path:
    """Return a new hidden temporary name beside the target, naming this process."""
    kept = target.name.encode("utf-8")[:NAME_BYTES].decode("utf-8", errors="ignore")
    return target.with_name(f".{kept}{MARK}{os.getpid()}-{uuid4().hex[:12]}.tmp")


def temporary_beside(target: Path) -> Path:
    """Sweep the stale temporary files of the target's folder, then return a new temporary name for it."""
    sweep_stale(target.parent)
    return temporary_name(target)


def sweep_read_results(folder: Path) -> list[Path]:
    """Delete the read results killed windows left in the (shared) temporary folder; return those deleted."""
    return sweep_stale(folder, names=(READ_RESULT,))


def sweep_stale(folder: Path, now: float | None = None, names: tuple[re.Pattern[str], ...] = WRITES) -> list[Path]:
    """Delete the temporary files (named as `names`) killed processes left in a folder; return those deleted."""
    moment = time.time() if now is None else now
    removed = []
    with suppress(OSError):
        for entry in os.scandir(folder):
            path = Path(entry.path)
            with suppress(OSError):
                if entry.is_file(follow_symlinks=False) and _stale(entry.name, entry.stat().st_mtime, moment, names):
                    path.unlink()
                    removed.append(path)
    return removed


def _stale(name: str, modified: float, now: float, names: tuple[re.Pattern[str], ...]) -> bool:
    """Return whether a file is a temporary file of ours no process will finish."""
    found = next((match for pattern in names if (match := pattern.fullmatch(name))), None)
    if found is None:
        return False
    if now - modified > STALE_AFTER_S:
        return True
    pid = found.groupdict().get("pid")
    return pid is not None and not _running(int(pid))


def _running(pid: int) -> bool:
    """Return whether a process with this id runs (always true where that cannot be asked safely)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill would end the process on Windows: wait for the age limit there
        return True
    try:
        os.kill(pid, 0)
    except PermissionError:  # another user's process
        return True
    except (ProcessLookupError, OverflowError):  # none, or a number no process can have
        return False
    return True
