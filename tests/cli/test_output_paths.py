"""Every file the command line writes, pointed at the database, its side files or a backup: refused, nothing changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.persistence import backup
from tests.cli.support import ENTRY, Cli
from tests.faults import limit_file_size

QUARTER = f"{DEMO_DATE.year}-Q{(DEMO_DATE.month - 1) // 3 + 1}"
OUTPUTS = (b"%PDF", b"PK\x03\x04", b"BEGIN:VCALENDAR", b"SQLite format 3")
HAS_FIFO = hasattr(os, "mkfifo")  # not on Windows, whose file system has no FIFO
REASONS = ("là cơ sở dữ liệu đang mở", "nằm trong thư mục sao lưu", "là một thư mục",
           "là một cơ sở dữ liệu hoặc một bản sao lưu", "là tệp làm việc của một cơ sở dữ liệu SQLite",
           "không phải là một tệp thông thường")


class Place:
    """The demo database, its backup folder with one backup, and a folder of other files (a USB drive)."""

    def __init__(self, cli: Cli, usb: Path) -> None:
        self.cli, self.usb = cli, usb
        self.folder = backup.backup_folder()
        self.cluster = cli("clusters", "list", "--json").json()[0]["id"]
        (province,) = cli("units", "list", "--json").json()
        self.province = province["id"]
        (self.backup, *_older) = [info.path for info in backup.list_backups(cli.db)]  # the day's backup
        self.copied = usb / "ban-sao-cu.sqlite"
        shutil.copyfile(self.backup, self.copied)
        self.fifo = usb / "ong-dan"
        if HAS_FIFO:
            os.mkfifo(self.fifo)

    def fingerprint(self) -> dict[str, str]:
        """Return a digest of every file that must not change: the database and the backups.

        (SQLite itself may leave an empty -wal and a -shm beside the database after a command.)
        """
        paths = [self.cli.db, *self.folder.iterdir(), self.copied]
        return {str(path): hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(paths)}

    def side_files_hold_no_output(self) -> bool:
        """Return whether none of the database's side files holds a PDF, a workbook, a calendar or a copy."""
        sides = [Path(f"{self.cli.db}{end}") for end in ("-wal", "-shm", "-journal")]
        return not any(path.read_bytes().startswith(OUTPUTS) for path in sides if path.is_file())


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Place:
    """The demo data on a real SQLite file, built once (every command here is refused: nothing changes)."""
    cli = Cli(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    assert cli("demo").code == 0
    assert cli("units", "list").code == 0  # the day's backup
    return Place(cli, tmp_path_factory.mktemp("usb"))


TARGETS: dict[str, Callable[[Place], Path]] = {
    "the database": lambda place: place.cli.db,
    "-wal": lambda place: Path(f"{place.cli.db}-wal"),
    "-shm": lambda place: Path(f"{place.cli.db}-shm"),
    "-journal": lambda place: Path(f"{place.cli.db}-journal"),
    "the database by another way": lambda place: place.usb / ".." / place.cli.db.parent.name / place.cli.db.name,
    "a backup in the backup folder": lambda place: place.backup,
    "a new file in the backup folder": lambda place: place.folder / "bao-cao",
    "the backup folder itself": lambda place: place.folder,
    "an existing backup elsewhere": lambda place: place.copied,
    "another database's -wal": lambda place: Path(f"{place.copied}-wal"),
    "another database's -journal": lambda place: Path(f"{place.copied}-journal"),
    "a FIFO": lambda place: place.fifo,
}

COMMANDS: dict[str, Callable[[Place, str], list[str]]] = {
    "report cluster --out": lambda place, target: [
        "report", "cluster", "--cluster", place.cluster, "--quarter", QUARTER, "--out", target],
    "report cluster --xlsx": lambda place, target: [
        "report", "cluster", "--cluster", place.cluster, "--quarter", QUARTER, "--out", str(place.usb / "r.pdf"),
        "--xlsx", target],
    "report area --out": lambda place, target: [
        "report", "area", "--under", place.province, "--quarter", QUARTER, "--out", target],
    "report area --xlsx": lambda place, target: [
        "report", "area", "--under", place.province, "--quarter", QUARTER, "--out", str(place.usb / "r.pdf"),
        "--xlsx", target],
    "calendar export-ics --out": lambda _place, target: ["calendar", "export-ics", "--out", target],
    "export --out": lambda _place, target: ["export", "--out", target],
    "template --out": lambda _place, target: ["template", "--out", target],
    "backup --to": lambda _place, target: ["backup", "--to", target],
}


@pytest.mark.parametrize("target", [
    pytest.param(name, marks=pytest.mark.skipif(not HAS_FIFO, reason="Windows has no FIFO")) if name == "a FIFO"
    else name for name in TARGETS])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_output_onto_the_database_or_a_backup_is_refused(place: Place, command: str, target: str) -> None:
    before = place.fingerprint()
    usb_before = sorted(os.listdir(place.usb))
    path = TARGETS[target](place)
    result = place.cli(*COMMANDS[command](place, str(path)))
    assert result.code == 2, result
    assert result.out == "" and "Traceback" not in result.err
    assert any(reason in result.err for reason in REASONS), result.err
    assert path.name in result.err or str(place.folder) in result.err  # the message names the file
    assert place.fingerprint() == before and place.side_files_hold_no_output()
    assert sorted(os.listdir(place.usb)) == usb_before  # not even the PDF named beside a refused workbook


@pytest.mark.skipif(os.name == "nt", reason="RLIMIT_FSIZE is a POSIX limit")
@pytest.mark.parametrize("command, limit", [("export", 64 * 1024), ("template", 4 * 1024)])
def test_a_workbook_failing_midway_prints_one_vietnamese_line_and_no_traceback(
    place: Place, command: str, limit: int
) -> None:
    target = place.usb / f"{command}.xlsx"
    done = subprocess.run(
        [str(ENTRY), "--db", str(place.cli.db), command, "--out", str(target)],
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
        preexec_fn=lambda: limit_file_size(limit),  # noqa: PLW1509
    )
    assert done.returncode == 2 and done.stdout == "", done
    assert done.stderr.splitlines() == [
        f"Lỗi: '{target}' sẽ lớn hơn mức hệ thống cho phép với một tệp: chưa có gì được ghi. "
        "Hãy nhờ người quản lý máy này nới giới hạn, hoặc ghi vào ổ đĩa khác."], done.stderr
    assert not target.exists() and not any(path.name.startswith(".") for path in place.usb.iterdir())
