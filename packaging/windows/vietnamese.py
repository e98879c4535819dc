"""The frozen grassroots.exe on a database whose path and file names are Vietnamese, and the window on it."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from check import Check

FOLDER = "C:\\Dữ liệu xã"
DATABASE = FOLDER + "\\Hồ sơ đảng viên.sqlite"
REPORT = FOLDER + "\\Báo cáo độ phủ.json"
LOG = FOLDER + "\\Nhật ký khởi tạo.txt"
BACKUP = FOLDER + "\\Bản sao lưu.sqlite"
HELD_OPEN = "đang được mở trong một chương trình khác"  # the restore's refusal while the window holds the file
# Windows Python hands the frozen program a real Windows file as its stdout, as `> file` in a console does.
REDIRECT = ("import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:-1], "
            "stdout=open(sys.argv[-1], 'wb'), stderr=subprocess.STDOUT).returncode)")


def check(run: Check) -> None:
    """Init, a command redirected to a file read back as UTF-8, a backup, the window, a restore it refuses."""
    prefix, expect = run.prefix, run.report.expect
    cli = prefix.windows(run.dist / "grassroots.exe")
    prefix.linux(FOLDER).mkdir(parents=True, exist_ok=True)

    def grassroots(*arguments: str) -> tuple[int, str]:
        done = prefix.run([cli, "--db", DATABASE, *arguments], display=False, timeout=600)
        print(f"$ grassroots {' '.join(arguments)}: exit {done.code}\n{done.out.strip()[:600]}")
        return done.code, done.out

    def redirected(target: str, *arguments: str) -> tuple[int, str]:
        code = prefix.run([str(run.python), "-c", REDIRECT, cli, "--db", DATABASE, *arguments, target],
                          display=False, timeout=600).code
        text = prefix.linux(target).read_bytes()
        try:
            return code, text.decode("utf-8")
        except UnicodeDecodeError as error:
            return code, f"not UTF-8 ({error}): {text[:300]!r}"

    code, text = redirected(LOG, "init", "--model", "two-level")
    expect(code == 0 and "Traceback" not in text, f"grassroots init > '{LOG}': exit {code}: {text.strip()[:160]}")
    code, _out = grassroots("units", "import-official", "--province", "Lai Châu")
    expect(code == 0, f"grassroots units import-official --province 'Lai Châu': exit {code}")
    code, text = redirected(REPORT, "coverage", "--json")
    expect(code == 0 and _is_json(text), f"grassroots coverage --json > '{REPORT}' read back as UTF-8 JSON: exit "
           f"{code}: {text.strip()[:160]}")
    code, _out = grassroots("backup", "--to", BACKUP)
    expect(code == 0 and prefix.linux(BACKUP).is_file(), f"grassroots backup --to '{BACKUP}': exit {code}")

    database = prefix.linux(DATABASE)
    window = prefix.start([prefix.windows(run.dist / "grassroots-app.exe"), "--db", DATABASE])
    time.sleep(30)
    shot = run.shots / "grassroots-window.png"
    run.display.screenshot(shot)
    expect(window.poll() is None, f"the window runs on '{DATABASE}'; screenshot {shot}")
    before = _digest(database)
    code, out = grassroots("restore", BACKUP, "--yes")
    expect(code == 2 and HELD_OPEN in out and _digest(database) == before,
           f"restore refused while the window holds the file: exit {code}, database unchanged: "
           f"{_digest(database) == before}: {out.strip()[:200]}")
    prefix.run(["taskkill", "/F", "/IM", "grassroots-app.exe"], display=False)
    window.wait(timeout=120)
    prefix.wait_idle()


def _is_json(text: str) -> bool:
    """Return whether a text is JSON."""
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _digest(path: Path) -> str:
    """Return a file's sha256."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
