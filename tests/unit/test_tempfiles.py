"""Temporary files: a recognisable name beside the target, and the sweep of those killed processes left."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grassroots_app.tempfiles import (
    STALE_AFTER_S,
    sweep_read_results,
    sweep_stale,
    temporary_beside,
    temporary_name,
)


def dead_pid() -> int:
    """Return the id of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    return int(done.stdout)


def aged(path: Path, seconds: float) -> Path:
    """Write a file and make it look that old."""
    path.write_bytes(b"half a file")
    moment = time.time() - seconds
    os.utime(path, (moment, moment))
    return path


def test_the_name_is_hidden_beside_the_target_and_names_this_process(tmp_path: Path) -> None:
    name = temporary_name(tmp_path / "báo cáo.pdf")
    assert name.parent == tmp_path
    assert name.name.startswith(f".báo cáo.pdf.grassroots-tmp-{os.getpid()}-") and name.suffix == ".tmp"
    assert temporary_name(tmp_path / "báo cáo.pdf") != name


def test_the_name_of_a_long_target_stays_a_valid_file_name(tmp_path: Path) -> None:
    target = tmp_path / ("đ" * 125 + ".pdf")  # 254 bytes in UTF-8: a valid name, near the limit
    name = temporary_name(target)
    assert len(name.name.encode()) <= 255
    name.write_bytes(b"ok")  # the system takes it


@pytest.mark.skipif(os.name != "posix", reason="the process id is asked only where it is safe")
def test_a_dead_writers_file_goes_at_once_a_live_ones_stays(tmp_path: Path) -> None:
    dead = tmp_path / f".a.pdf.grassroots-tmp-{dead_pid()}-0123456789ab.tmp"
    dead_journal = Path(f"{dead}-journal")
    live = tmp_path / f".b.pdf.grassroots-tmp-{os.getpid()}-0123456789ab.tmp"
    for path in (dead, dead_journal, live):
        path.write_bytes(b"half a file")
    assert sorted(sweep_stale(tmp_path)) == sorted([dead, dead_journal])
    assert [path.name for path in tmp_path.iterdir()] == [live.name]


def test_any_of_ours_older_than_the_limit_goes(tmp_path: Path) -> None:
    old_live = aged(tmp_path / f".b.pdf.grassroots-tmp-{os.getpid()}-0123456789ab.tmp", STALE_AFTER_S + 60)
    old_earlier = aged(tmp_path / ".c.xlsx.0123456789ab.tmp", STALE_AFTER_S + 60)  # the names before the mark
    fresh_earlier = aged(tmp_path / ".d.xlsx.ba9876543210.tmp", 60)
    assert sorted(sweep_stale(tmp_path)) == sorted([old_live, old_earlier])
    assert [path.name for path in tmp_path.iterdir()] == [fresh_earlier.name]


def test_files_not_ours_are_never_touched(tmp_path: Path) -> None:
    names = ["report.pdf", ".hidden", "x.tmp", ".x.tmp", "db.sqlite-journal", ".a.pdf.grassroots-tmp-x-1.tmp",
             ".grassroots-2026-12-03T101500-daily-a1b2c3.sqlite"]
    for name in names:
        aged(tmp_path / name, STALE_AFTER_S * 10)
    (tmp_path / f".folder.grassroots-tmp-{dead_pid()}-0123456789ab.tmp").mkdir()
    assert sweep_stale(tmp_path) == []
    assert len(list(tmp_path.iterdir())) == len(names) + 1


def test_a_missing_folder_sweeps_nothing(tmp_path: Path) -> None:
    assert sweep_stale(tmp_path / "missing") == []


def test_a_new_temporary_name_sweeps_its_folder_first(tmp_path: Path) -> None:
    old = aged(tmp_path / ".a.pdf.grassroots-tmp-1-0123456789ab.tmp", STALE_AFTER_S + 60)
    temporary_beside(tmp_path / "a.pdf")
    assert not old.exists()


def test_read_results_left_by_a_killed_window_go_and_nothing_else_of_the_shared_folder(tmp_path: Path) -> None:
    old = aged(tmp_path / f"grassroots-read-{os.getpid()}-abc123.pickle", STALE_AFTER_S + 60)
    fresh = aged(tmp_path / f"grassroots-read-{os.getpid()}-def456.pickle", 60)  # this window's, being read
    others = [aged(tmp_path / name, STALE_AFTER_S * 10) for name in
              (".x.pdf.0123456789ab.tmp", f".a.pdf.grassroots-tmp-{dead_pid()}-0123456789ab.tmp", "read.pickle")]
    assert sweep_read_results(tmp_path) == [old]
    assert sorted(tmp_path.iterdir()) == sorted([fresh, *others])


@pytest.mark.skipif(os.name != "posix", reason="the process id is asked only where it is safe")
def test_the_read_results_of_a_dead_window_go_at_once(tmp_path: Path) -> None:
    dead = aged(tmp_path / f"grassroots-read-{dead_pid()}-abc123.pickle", 60)
    assert sweep_read_results(tmp_path) == [dead]
