"""The installed `grassroots` command on a database in a Vietnamese-named folder, output redirected to files.

What a clerk does on Windows: `grassroots --db "C:\\Dữ liệu xã\\Sổ cơ sở.sqlite" … > nhật ký.txt`, a backup, and a
restore refused while the window holds the database (nothing changed), done once the window is closed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from grassroots_app.persistence.locations import FOLDER_VARIABLE
from tests.cli.support import ENTRY, Cli

# Holds the database open as the window does: opened with Database.open, a pooled connection kept after a read.
WINDOW_STAND_IN = """
import sys
from sqlalchemy import text
from grassroots_app.persistence.database import Database

database = Database.open(sys.argv[1], daily=False, create=False)
with database.engine.connect() as connection:
    connection.execute(text("SELECT count(*) FROM unit")).scalar_one()
print("open", flush=True)
sys.stdin.read()
database.close()
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The clerk's data folder, named in Vietnamese."""
    path = tmp_path / "Dữ liệu xã"
    path.mkdir()
    return path


def grassroots(folder: Path, output: str, *args: str) -> tuple[int, str, str]:
    """Run the installed command with its standard output redirected to a file of the folder; return what it wrote."""
    target = folder / output
    environment = {key: value for key, value in os.environ.items() if key not in {"PYTHONUTF8", "PYTHONIOENCODING"}}
    environment[FOLDER_VARIABLE] = str(folder / "Bản sao lưu")
    with target.open("wb") as file:
        done = subprocess.run([str(ENTRY), "--db", str(folder / "Sổ cơ sở.sqlite"), *args], stdout=file,
                              stderr=subprocess.PIPE, env=environment, timeout=300)
    return done.returncode, target.read_text(encoding="utf-8"), done.stderr.decode("utf-8")


def test_vietnamese_paths_redirected_output_a_backup_and_a_refused_restore(folder: Path) -> None:
    database = folder / "Sổ cơ sở.sqlite"
    assert grassroots(folder, "khởi tạo.txt", "init", "--model", "two-level")[:2] == (
        0, "Cơ sở dữ liệu đã sẵn sàng theo mô hình hai cấp.\n")
    assert grassroots(folder, "thêm.txt", "units", "add", "Tỉnh Vĩnh Long", "--from", "2025-07-01")[0] == 0
    code, listed, _ = grassroots(folder, "đơn vị.json", "units", "list", "--json")
    assert code == 0 and [unit["name"] for unit in json.loads(listed)] == ["Tỉnh Vĩnh Long"]

    code, made, _ = grassroots(folder, "sao lưu.json", "backup", "--json")
    copy = Path(json.loads(made)["path"])
    assert code == 0 and copy.parent == folder / "Bản sao lưu" and copy.is_file()
    assert grassroots(folder, "thêm 2.txt", "units", "add", "Tỉnh Cao Bằng", "--from", "2025-07-01")[0] == 0
    before, backups = Cli(database).dump(), sorted((folder / "Bản sao lưu").iterdir())

    with subprocess.Popen([sys.executable, "-c", WINDOW_STAND_IN, str(database)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True, encoding="utf-8") as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        code, out, err = grassroots(folder, "khôi phục.txt", "restore", str(copy), "--yes")
        holder.communicate(timeout=60)
    assert (code, out) == (2, "")
    assert f"Cơ sở dữ liệu '{database}' đang được mở trong một chương trình khác; hãy đóng lại trước khi khôi phục" \
        in err and "Traceback" not in err
    assert Cli(database).dump() == before and sorted((folder / "Bản sao lưu").iterdir()) == backups

    code, out, err = grassroots(folder, "khôi phục 2.txt", "restore", str(copy), "--yes")
    assert code == 0, err
    assert out.startswith("Đã khôi phục bản sao lưu lúc ") and str(database) in out
    assert "Tỉnh Cao Bằng" not in "\n".join(Cli(database).dump())


@pytest.mark.skipif(os.name != "nt", reason="only Windows refuses to replace a file another program holds open")
def test_a_restore_over_a_file_held_open_elsewhere_is_refused_in_vietnamese(folder: Path) -> None:
    """Another program holding the file without sharing its deletion: a sharing violation, said, not a traceback."""
    database = folder / "Sổ cơ sở.sqlite"
    assert grassroots(folder, "khởi tạo.txt", "init", "--model", "two-level")[0] == 0
    code, made, _ = grassroots(folder, "sao lưu.json", "backup", "--json")
    assert grassroots(folder, "thêm.txt", "units", "add", "Tỉnh Cao Bằng", "--from", "2025-07-01")[0] == 0
    before = Cli(database).dump()
    with database.open("rb"):
        code, out, err = grassroots(folder, "khôi phục.txt", "restore", json.loads(made)["path"], "--yes")
    assert (code, out) == (2, "")
    assert f"Không thay được cơ sở dữ liệu '{database}': " in err and "Traceback" not in err
    assert Cli(database).dump() == before
