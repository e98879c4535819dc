"""Use case: the coverage of a subtree (or everything) on a day, with the paths of the gaps."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date

from grassroots_app.domain.coverage import Coverage, Gap, compute_coverage, fewest_overloading
from grassroots_app.domain.text import natural_key
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.setup import require_settings


@dataclass(frozen=True)
class CoverageReport:
    """Coverage figures and the path of every target with a gap."""

    coverage: Coverage
    paths: dict[str, str]

    def gaps_by_path(self) -> list[Gap]:
        """Return the gaps as lists show them: by the path of their target, then by role."""
        return sorted(self.coverage.gaps, key=lambda gap: (natural_key(self.paths.get(gap.target_id, "")),
                                                           natural_key(gap.role)))


def coverage(uow: UnitOfWork, on: date, under: str | None = None, every_cadre: bool = False) -> CoverageReport:
    """Compute the coverage on a day under a unit (None: the whole database).

    The workload lists the overloaded cadres only, counted in SQL; with `every_cadre`, every cadre in charge of
    some target (the whole country has some 300,000).
    """
    settings = require_settings(uow)
    rules = uow.rules.all()
    fewest = 1 if every_cadre else fewest_overloading(settings.workload_threshold)
    # Every cadre's workload in the whole country makes some 300,000 rows, then as many ranked ones, none of
    # them in a cycle: the collector would only walk them again and again (about 0.8 s of 4 on the national demo).
    collecting = gc.isenabled()
    gc.disable()
    try:
        inputs = uow.queries.coverage_inputs(under, on, rules, fewest)
        result = compute_coverage(
            on, inputs.totals, inputs.shortfalls, rules, inputs.workload, settings.workload_threshold
        )
    finally:
        if collecting:
            gc.enable()
    paths = uow.queries.paths(sorted({gap.target_id for gap in result.gaps}), on)
    return CoverageReport(result, paths)
