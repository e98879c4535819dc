"""Write the source the build is made from into the build, as SOURCE-CODE.zip beside LICENSE.txt.

The GPL-3.0 (section 6) asks whoever conveys the program to give its complete source with it; offices pass the
installer around on USB sticks without internet, so the source travels inside it. The archive holds the project's
files as git lists them (tracked and new, not ignored); in a copy without git (the Windows check builds in one),
the folder without what `.gitignore` names (environments, builds, databases). Only the standard library is used.
"""

from __future__ import annotations

import fnmatch
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from grassroots_app.console import run_without_window  # noqa: E402 - standard library only, like this file

SOURCE_NAME = "SOURCE-CODE.zip"


def ignored_patterns(root: Path) -> list[str]:
    """Return the patterns of the root's .gitignore, and .git (negations and nested .gitignore files unsupported)."""
    ignore = root / ".gitignore"
    lines = ignore.read_text(encoding="utf-8").splitlines() if ignore.is_file() else []
    patterns = [line.strip().strip("/") for line in lines if line.strip() and line.strip()[0] not in "#!"]
    return [".git", *patterns]


def ignored(relative: PurePosixPath, patterns: list[str]) -> bool:
    """Return whether a path is ignored: a pattern with a slash matches from the root, one without any part."""
    leading = [PurePosixPath(*relative.parts[:end]).as_posix() for end in range(1, len(relative.parts) + 1)]
    return any(fnmatch.fnmatch(part, pattern)
               for pattern in patterns for part in (leading if "/" in pattern else relative.parts))


def source_files(root: Path) -> list[Path]:
    """Return the project's source files below `root`, sorted: git's list, or the folder less what is ignored."""
    try:
        listed = run_without_window(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=root,
                                    capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    except (OSError, subprocess.CalledProcessError):  # no git, or not a git work tree
        patterns = ignored_patterns(root)
        return sorted(path for path in root.rglob("*")
                      if path.is_file() and not ignored(PurePosixPath(path.relative_to(root).as_posix()), patterns))
    return sorted(path for path in (root / name for name in listed if name) if path.is_file())


def write_source(folder: Path, root: Path = ROOT) -> Path:
    """Write the project's source as a zip at the root of a build and return its path."""
    target = folder / SOURCE_NAME
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in source_files(root):
            archive.write(path, (Path("grassroots") / path.relative_to(root)).as_posix())
    return target
