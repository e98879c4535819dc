"""Settings validation: the preset and the local thresholds with their defaults."""

from __future__ import annotations

import pytest

from grassroots_app.domain.errors import InvalidInput
from grassroots_app.domain.model import Preset
from grassroots_app.domain.settings import Settings


def test_defaults_follow_the_domain_page() -> None:
    settings = Settings(Preset.TWO_LEVEL)
    assert settings.min_tenure_months == 12
    assert settings.workload_threshold == 8


@pytest.mark.parametrize("months", [0, 12, 120])
def test_tenure_bounds_are_accepted(months: int) -> None:
    assert Settings(Preset.THREE_LEVEL, min_tenure_months=months).min_tenure_months == months


@pytest.mark.parametrize("months", [-1, 121])
def test_tenure_out_of_range_is_refused(months: int) -> None:
    with pytest.raises(InvalidInput, match="between 0 and 120 months"):
        Settings(Preset.THREE_LEVEL, min_tenure_months=months)


def test_workload_threshold_must_be_positive() -> None:
    assert Settings(Preset.TWO_LEVEL, workload_threshold=1).workload_threshold == 1
    with pytest.raises(InvalidInput, match="between 1 and 1000"):
        Settings(Preset.TWO_LEVEL, workload_threshold=0)
