"""A virtual X screen (Xvfb at 1366x768, a laptop's) and a PNG of what it shows, standard library only."""

from __future__ import annotations

import struct
import subprocess
import time
import zlib
from pathlib import Path

WIDTH, HEIGHT = 1366, 768


class Display:
    """An Xvfb server whose framebuffer is an XWD file (`-fbdir`), so a screenshot needs no other program."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.process: subprocess.Popen[bytes] | None = None
        self.name = ""

    def start(self) -> None:
        """Start Xvfb on the first free display number."""
        self.folder.mkdir(parents=True, exist_ok=True)
        number = next(n for n in range(90, 200) if not Path(f"/tmp/.X{n}-lock").exists())
        self.name = f":{number}"
        self.process = subprocess.Popen(
            ["Xvfb", self.name, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-fbdir", str(self.folder), "-nolisten",
             "tcp"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if (self.folder / "Xvfb_screen0").exists():
                return
            time.sleep(0.1)
        raise RuntimeError("Xvfb did not start")

    def stop(self) -> None:
        """Stop the server."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def screenshot(self, path: Path) -> Path:
        """Save what the screen shows as a PNG."""
        width, height, rows = read_xwd((self.folder / "Xvfb_screen0").read_bytes())
        write_png(path, width, height, rows)
        return path


def read_xwd(data: bytes) -> tuple[int, int, list[bytes]]:
    """Return the width, height and RGB rows of a 32-bit-per-pixel XWD image (what Xvfb writes for depth 24)."""
    fields = struct.unpack(">25I", data[:100])
    header, width, height, byte_order, bits, per_line, colours = (
        fields[0], fields[4], fields[5], fields[7], fields[11], fields[12], fields[19])
    if bits != 32:
        raise ValueError(f"XWD with {bits} bits per pixel")
    start = header + 12 * colours
    rows = []
    for y in range(height):
        line = data[start + y * per_line:start + y * per_line + 4 * width]
        if byte_order == 0:  # least significant byte first: B G R x
            rgb = bytearray(3 * width)
            rgb[0::3], rgb[1::3], rgb[2::3] = line[2::4], line[1::4], line[0::4]
        else:  # x R G B
            rgb = bytearray(3 * width)
            rgb[0::3], rgb[1::3], rgb[2::3] = line[1::4], line[2::4], line[3::4]
        rows.append(bytes(rgb))
    return width, height, rows


def write_png(path: Path, width: int, height: int, rows: list[bytes]) -> None:
    """Write RGB rows as a PNG file."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\0" + row for row in rows)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
