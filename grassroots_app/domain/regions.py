"""Which part of the country a province lies in, for the words its hamlets are called by.

The north and the centre (the Central Highlands included) call their villages thôn (also xóm, bản, buôn,
plei) and the quarters of their towns tổ dân phố; the south (Nam Bộ) says ấp, and khu phố in towns.
"""

from __future__ import annotations

from grassroots_app.domain.text import fold

# The provinces of Nam Bộ, before and after the merger of 2025, without "tỉnh" or "thành phố".
SOUTHERN_PROVINCES = frozenset(fold(name) for name in (
    "Hồ Chí Minh", "Đồng Nai", "Bình Dương", "Bình Phước", "Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu", "Tây Ninh",
    "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang",
    "Cần Thơ", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
))
PROVINCE_PREFIXES = ("thanh pho ", "tp. ", "tp.", "tp ", "tinh ")
URBAN_COMMUNE_KINDS = frozenset({"phường", "thị trấn"})


def is_southern(province: str) -> bool:
    """Return whether a province (named with or without "Tỉnh", "Thành phố", "TP.") lies in the south."""
    folded = fold(province).strip()
    for prefix in PROVINCE_PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix):].strip()
            break
    return folded in SOUTHERN_PROVINCES


def regional_hamlet_kind(province: str | None, commune_kind: str | None) -> str:
    """Return the kind a hamlet most likely has in a province, in a commune of a kind (ward or rural)."""
    southern = province is not None and is_southern(province)
    if commune_kind in URBAN_COMMUNE_KINDS:
        return "khu phố" if southern else "tổ dân phố"
    return "ấp" if southern else "thôn"
