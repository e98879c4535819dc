"""Write the source the build is made from into the build, as SOURCE-CODE.zip beside LICENSE.txt.

The GPL-3.0 (section 6) asks whoever conveys the program to give its complete source with it; offices pass the
installer around on USB sticks without internet, so the source travels inside it. The archive holds the project
folder as the build sees it, without what `.gitignore` names (environments, builds, databases) and `.git`.
Only the standard library is used here.
"""

from __future__ import annotations

import fnmatch
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_NAME = "SOURCE-CODE.zip"


def ignored_patterns(root: Path) -> list[str]:
    """Return the patterns of the root's .gitignore (each matched against every part of a path), and .git."""
    ignore = root / ".gitignore"
    lines = ignore.read_text(encoding="utf-8").splitlines() if ignore.is_file() else []
    patterns = [line.strip().rstrip("/") for line in lines if line.strip() and line.strip()[0] not in "#!"]
    return [".git", *patterns]


def source_files(root: Path) -> list[Path]:
    """Return the files of the project below `root` that are source, sorted."""
    patterns = ignored_patterns(root)
    return sorted(path for path in root.rglob("*") if path.is_file() and not any(
        fnmatch.fnmatch(part, pattern) for part in path.relative_to(root).parts for pattern in patterns))


def write_source(folder: Path, root: Path = ROOT) -> Path:
    """Write the project's source as a zip at the root of a build and return its path."""
    target = folder / SOURCE_NAME
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in source_files(root):
            archive.write(path, (Path("grassroots") / path.relative_to(root)).as_posix())
    return target
