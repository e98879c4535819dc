"""A commune-office clerk's day in the real window, driven with xdotool under Xvfb at 1366x768: re-run it to try
the application end to end as a new user would (issue #15, "What it must show" 4). Not part of the pytest suite.

How to run (Linux, from the repository, after `python3 run.py test --co -q` has made `.venv`):

    apt-get install -y xvfb xdotool openbox poppler-utils   # openbox: focus returns to the window after a dialog
    .venv/bin/python tools/clerks_day_xdotool.py --out /tmp/clerks-day [--display :98] [--keep]

It starts Xvfb on the display (unless one already answers there) with openbox when installed, and the
application with a fresh home folder (so a new, empty database in the data folder and the first-run dialog),
then works through the day, mostly by keyboard, taking a screenshot after each step into OUT/NN-step.png:
the official list (two-level, Tỉnh Cao Bằng), a xóm and a bản under Xã Nguyên Bình, two cadres, a cluster
with two communes, an assignment through the Assign dialog (the refused pick on the commune first), a meeting
on a meeting-free day (the warning), an activity in the field log, a recommendation raised, forwarded,
answered and closed, two ratings, and the cluster report for the quarter: sections, preview, the PDF saved
and rendered page by page with pdftoppm (OUT/pdf-N.png). Look at every picture: the script drives, it does
not judge. Positions clicked are those of the 1366x768 layout; a step that finds the window elsewhere shows
it in its picture. With --keep the application is left running at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import ImageGrab

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / ".venv" / "bin" / "grassroots-app"
SIZE = "1366x768x24"
STEP_PAUSE = 0.6


class Day:
    """Drives the window of one display and photographs each step."""

    def __init__(self, display: str, out: Path) -> None:
        self.display, self.out, self.count = display, out, 0
        self.env = {**os.environ, "DISPLAY": display}

    def xdo(self, *args: str) -> None:
        """Run one xdotool command on the display."""
        subprocess.run(["xdotool", *args], env=self.env, check=True)

    def keys(self, *names: str) -> None:
        """Press keys one after the other (xdotool names: Tab, Return, ctrl+f, shift+F10…)."""
        self.xdo("key", "--delay", "80", *names)
        time.sleep(STEP_PAUSE)

    def type(self, text: str) -> None:
        """Type text as the keyboard would, Vietnamese letters included."""
        self.xdo("type", "--delay", "40", text)
        time.sleep(0.3)

    def click(self, x: int, y: int, twice: bool = False) -> None:
        """Click (or double-click) at a point of the 1366x768 screen."""
        self.xdo("mousemove", str(x), str(y), "click", *(["--repeat", "2", "--delay", "80"] if twice else []), "1")
        time.sleep(STEP_PAUSE)

    def drag(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        """Drag with the left button from one point to another, in small moves as a hand does."""
        self.xdo("mousemove", *map(str, start), "mousedown", "1")
        for step in range(1, 6):
            x = start[0] + (end[0] - start[0]) * step // 5
            y = start[1] + (end[1] - start[1]) * step // 5
            time.sleep(0.2)
            self.xdo("mousemove", str(x), str(y))
        time.sleep(0.4)
        self.xdo("mouseup", "1")
        time.sleep(1.5)

    def shot(self, name: str, wait: float = 1.0) -> None:
        """Wait for the window to settle, then save the screen as OUT/NN-name.png."""
        time.sleep(wait)
        self.count += 1
        ImageGrab.grab(xdisplay=self.display).save(self.out / f"{self.count:02d}-{name}.png")


def start_display(display: str) -> list[subprocess.Popen[bytes]]:
    """Start Xvfb (and openbox when installed) unless an X server already answers on the display."""
    env = {**os.environ, "DISPLAY": display}
    if subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True).returncode == 0:
        return []
    started = [subprocess.Popen(["Xvfb", display, "-screen", "0", SIZE])]
    time.sleep(2)
    if shutil.which("openbox"):
        started.append(subprocess.Popen(["openbox"], env=env))
        time.sleep(1)
    return started


def first_run(day: Day) -> None:
    """A new database: two-level model, Tỉnh Cao Bằng from the official list, typed by a word of its name."""
    day.shot("first-run-dialog", wait=8)
    day.keys("Tab", "Tab")
    day.type("Cao")
    day.shot("province-typed")
    day.keys("Return")
    day.shot("imported", wait=6)


def units(day: Day) -> None:
    """A xóm and a bản under Xã Nguyên Bình, from the tree's menu (Shift+F10)."""
    day.keys("ctrl+f")
    day.type("nguyen binh")
    day.keys("Return", "Escape", "Tab")
    for name, start in (("Xóm Nà Vài", "01/07/2025"), ("Bản Khuổi Ký", "01/07/2025")):
        day.keys("shift+F10", "Down", "Return")
        day.type(name)  # the kind follows the name's first word
        day.keys("Tab", "Tab", "Tab", "ctrl+a")
        day.type(start)
        day.shot("add-unit")
        day.keys("Return")
        day.shot("unit-added")


def cadres(day: Day) -> None:
    """Two commune cadres, typed field by field."""
    for name, gender, born, position, workplace in (
            ("Nông Văn Thắng", "n", "1980", "Phó Bí thư Đảng ủy xã", "Đảng ủy xã Nguyên Bình"),
            ("Hoàng Thị Mai", "nữ", "1988", "Ủy viên BCH Đảng bộ xã", "UBND xã Nguyên Bình")):
        day.click(678, 734)  # Add cadre…
        day.type(name)
        day.keys("Tab")
        day.type(gender)
        day.keys("Tab")
        day.type(born)
        day.keys("Tab")
        day.type(position)
        day.keys("Tab")
        day.type(workplace)
        day.keys("Tab")
        day.type("x")  # "cấp xã"
        day.keys("Tab", "Tab", "space", "Tab", "space")
        day.shot("cadre-form")
        day.keys("Return")
        day.shot("cadre-added")


def cluster(day: Day) -> None:
    """Cụm số 1 under the province, then two communes added by keyboard, in the group-by-cluster view."""
    day.keys("ctrl+f", "ctrl+a")
    day.type("tinh cao bang")
    day.keys("Return", "Tab", "shift+F10", "Down", "Down", "Down", "Return")
    day.type("Cụm số 1")
    day.keys("Tab")
    day.type("01/07/2025")
    day.shot("new-cluster")
    day.keys("Return")
    day.keys("ctrl+g")
    day.shot("grouped-by-cluster", wait=1.5)
    day.click(75, 162)
    day.keys("shift+F10", "Down", "Down", "Return")
    for commune in ("nguyen binh", "hoa an"):
        day.keys("ctrl+a")
        day.type(commune)
        day.keys("Down", "space", "shift+Tab")
    day.keys("Tab", "Tab")
    day.type("01/10/2025")
    day.shot("communes-ticked")
    day.keys("Return")
    day.shot("cluster-members", wait=1.5)


def assignments(day: Day) -> None:
    """The refused pick (a commune cadre on a commune, by drag), then Thắng on Xóm Nà Vài by the Assign dialog."""
    day.click(75, 162)
    day.keys("Right", "Down", "Down")  # Xã Nguyên Bình
    day.keys("Right")
    day.drag((50, 582), (113, 190))
    day.shot("assign-refused")
    day.keys("Escape")
    day.click(120, 218)  # Xóm Nà Vài
    day.keys("shift+F10", "Up", "Return")
    day.type("thang")
    day.keys("Return")
    day.shot("assign-dialog", wait=1.5)
    day.keys("Tab")
    day.type("01/08/2025")
    day.keys("Tab")
    day.type("15-QĐ/ĐU")
    day.shot("assign-filled")
    day.keys("Return")
    day.shot("assigned", wait=1.5)


def calendar(day: Day) -> None:
    """A meeting put on the 15th, a meeting-free day: the warning, then the reason and the allowed kind."""
    day.click(149, 82)
    day.click(200, 390)
    day.keys("Return")
    day.shot("meeting-warning", wait=1.5)
    day.type("Họp Đảng ủy xã bàn công tác cuối năm")
    day.keys("Tab")
    day.type("Đảng ủy xã Nguyên Bình")
    day.keys("Tab", "Tab", "Tab", "Tab")
    day.type("UBND xa")
    day.keys("Tab", "alt+Down", "Down", "Down", "Down", "Return", "Tab")
    day.type("Tinh uy trieu tap")
    day.keys("Tab")
    day.type("thang")
    day.keys("Down", "space")
    day.shot("meeting-filled")
    day.keys("Tab", "Tab", "Return")
    day.shot("meeting-saved", wait=1.5)


def field_log(day: Day) -> None:
    """An activity typed with the keyboard alone: cadre, place, kind, date, minutes, notes, Enter."""
    day.click(384, 82)
    day.keys("alt+c")
    day.type("thang")
    day.keys("Return", "Tab", "Tab")
    day.type("sinh")
    day.keys("Tab")
    day.type("03/12/2026")
    day.keys("Tab")
    day.type("120")
    day.keys("Tab")
    day.type("Du sinh hoat chi bo xom Na Vai")
    day.shot("activity-typed")
    day.keys("Return")
    day.shot("activity-recorded", wait=1.5)


def recommendation(day: Day) -> None:
    """A recommendation raised, forwarded, answered and closed."""
    day.click(478, 82)
    day.click(50, 172)  # New…
    day.type("na vai")
    day.keys("Return", "Tab")
    day.type("04/12/2026")
    day.keys("Tab")
    day.type("thang")
    day.keys("Return", "Tab")
    day.type("k")  # kết cấu hạ tầng
    day.keys("Tab")
    day.type("Nhan dan xom Na Vai de nghi sua duong lien xom bi sat lo sau mua lu")
    day.shot("recommendation-raised")
    day.keys("Tab", "Return")  # from the text to the deadline's box; Enter presses OK
    for x, text in ((277, "UBND xã Nguyên Bình"), (354, "UBND xa da bo tri kinh phi sua duong"), (420, "")):
        day.click(x, 172)
        day.type(text)
        day.shot("recommendation-step")
        day.keys("Tab", "Return") if x == 354 else day.keys("Return")
    day.shot("recommendation-closed", wait=1.5)


def ratings(day: Day) -> None:
    """Two communes' grades typed as their numbers."""
    day.click(555, 82)
    day.click(190, 202)
    day.type("2")
    day.keys("Return", "Down")
    day.type("1")
    day.keys("Return")
    day.shot("ratings", wait=1.5)


def report(day: Day, home: Path) -> Path:
    """The cluster's report for the quarter: a draft, a sentence added, the preview, the PDF saved and rendered."""
    day.click(627, 82)
    day.click(200, 237)  # New draft
    day.shot("report-draft", wait=5)
    day.click(860, 450)
    day.keys("ctrl+End")
    day.type(" Tinh hinh on dinh.")
    day.keys("alt+r")
    day.shot("report-preview", wait=4)
    day.keys("alt+p")
    day.shot("save-pdf-dialog", wait=2)
    day.keys("Return")
    day.shot("report-saved", wait=4)
    found = sorted(home.rglob("*.pdf"))
    if found:
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(found[-1]), str(day.out / "pdf")], check=True)
    return found[-1] if found else Path()


def main() -> int:
    """Run the day; return 0 when the PDF was saved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the screenshots")
    parser.add_argument("--display", default=":98")
    parser.add_argument("--keep", action="store_true", help="leave the application running at the end")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    servers = start_display(options.display)
    home = Path(tempfile.mkdtemp(prefix="clerks-day-"))
    day = Day(options.display, options.out)
    app = subprocess.Popen([str(APP)], env={**day.env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                                            "XDG_DATA_HOME": str(home / ".local/share")})
    try:
        first_run(day)
        units(day)
        cadres(day)
        cluster(day)
        assignments(day)
        calendar(day)
        field_log(day)
        recommendation(day)
        ratings(day)
        pdf = report(day, home)
    finally:
        if not options.keep:
            app.terminate()
            for server in reversed(servers):
                server.terminate()
    print(f"screenshots in {options.out}; PDF: {pdf or 'not saved'}")
    return 0 if pdf.name else 1


if __name__ == "__main__":
    sys.exit(main())
