"""The settings a database carries: its hierarchy preset and the local thresholds."""

from __future__ import annotations

from dataclasses import dataclass

from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.model import Preset

MAX_TENURE_MONTHS = 120
MAX_WORKLOAD_THRESHOLD = 1000


@dataclass(frozen=True)
class Settings:
    """Per-database settings, with the defaults of the domain page."""

    preset: Preset
    min_tenure_months: int = 12
    workload_threshold: int = 8

    def __post_init__(self) -> None:
        if not 0 <= self.min_tenure_months <= MAX_TENURE_MONTHS:
            raise InvalidInput(N_("The minimum tenure must be between 0 and 120 months."))
        if not 1 <= self.workload_threshold <= MAX_WORKLOAD_THRESHOLD:
            raise InvalidInput(N_("The workload threshold must be between 1 and {most}."), most=MAX_WORKLOAD_THRESHOLD)
