"""A read's result crosses from the worker process in a file: a long list in slices, anything else whole, its large
columns as raw buffers."""

from __future__ import annotations

import io
import pickle
from datetime import date

from grassroots_app.domain.model import Cadre, Tier
from grassroots_app.services.isolated import SLICE_ITEMS, dump_result, load_result
from grassroots_app.services.roster import TextColumn


def _round_trip(result: object) -> tuple[object, int]:
    """Return the result read back and how many times the reader was given a turn between slices."""
    file = io.BytesIO()
    dump_result(result, file)
    file.seek(0)
    turns: list[None] = []
    loaded = load_result(file, lambda: turns.append(None))
    assert file.read() == b"", "everything written was read"
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


def test_a_large_column_crosses_as_raw_buffers_read_from_the_file_as_they_are() -> None:
    names = [f"Cán bộ {number}" for number in range(100_000)]
    file = io.BytesIO()
    dump_result(TextColumn.of(names), file)
    loaded, turns = _round_trip(TextColumn.of(names))
    assert (list(loaded), turns) == (names, 0)
    assert type(loaded.data) is bytes
    assert type(loaded.ends.obj) is bytes  # a view of the bytes read, not an array rebuilt by copying them
    file.seek(0)
    raw = sum(pickle.load(file))
    assert len(file.getvalue()) - raw < 1_000  # the megabytes are raw buffers; what is unpickled is a few hundred bytes
