"""A read's result crosses from the worker process in a file: a long list in slices, anything else whole, its raw
buffers handed over without a copy."""

from __future__ import annotations

import io
from datetime import date

from grassroots_app.domain.model import Cadre, Tier
from grassroots_app.services.isolated import SLICE_ITEMS, dump_result, load_result
from grassroots_app.services.roster import TextColumn


def _round_trip(result: object) -> tuple[object, int]:
    """Return the result read back and how many times the reader was given a turn between slices."""
    file = io.BytesIO()
    dump_result(result, file)
    turns: list[None] = []
    loaded = load_result(file.getvalue(), lambda: turns.append(None))
    return loaded, len(turns)


def test_a_long_list_comes_back_equal_in_slices_with_a_turn_before_each() -> None:
    cadres = [Cadre(f"id-{number}", f"Cán bộ {number}", Tier.COMMUNE) for number in range(25_001)]
    assert SLICE_ITEMS == 10_000
    loaded, turns = _round_trip(cadres)
    assert loaded == cadres
    assert turns == 3  # 10,000 + 10,000 + 5,001


def test_a_list_of_one_slice_or_less_and_other_results_come_back_whole() -> None:
    for result in ([1] * 10_000, [], {"a": [1, 2]}, (date(2026, 1, 1),), None, "văn bản"):
        assert _round_trip(result) == (result, 0)


def test_raw_buffers_come_back_as_views_of_the_bytes_read_not_copies() -> None:
    names = ["Nguyễn Văn An", "Trần Thị Bình", "xa", "aa"]
    file = io.BytesIO()
    dump_result(TextColumn.of(names), file)
    packed = file.getvalue()
    loaded = load_result(packed, lambda: None)
    assert list(loaded) == names
    assert loaded.data.obj is packed
    assert loaded.ends.obj is packed
    assert loaded.find("aa") == 3  # "xaa" across two rows holds it first
