"""Use case: build a deterministic, realistic demo dataset: one district, one province or the country.

Besides the hierarchy, the cadres and their assignments (demo.builder, after demo.plan), it holds a year of
field log (demo.fieldlog), which at the national scale covers only a sample of the provinces
(fieldlog.NATIONAL_SAMPLE).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from grassroots_app.demo.builder import DeliberateGap, DemoBuilder
from grassroots_app.demo.fieldlog import LOG_START, NATIONAL_SAMPLE, FieldLog, LogCalendar
from grassroots_app.demo.plan import Scale, choose_gaps, plan_country, plan_totals
from grassroots_app.domain.errors import N_, RuleViolation
from grassroots_app.domain.model import Level, Preset
from grassroots_app.domain.rules import GraspRule
from grassroots_app.domain.settings import Settings
from grassroots_app.persistence import bulk
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import calendar
from grassroots_app.services.setup import init_database

DEMO_DATE = date(2026, 9, 30)
"""The reference day of the demo: on it, exactly the deliberate gaps are uncovered."""

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    """What the demo holds: units per level, clusters, cadres, assignments, the field log, its deliberate gaps."""

    preset: Preset
    scale: Scale
    counts: dict[str, int]
    deliberate_gaps: tuple[DeliberateGap, ...]


def _silent(_stage: str, _done: int, _total: int) -> None:
    """Ignore progress."""


def _prepare(database: Database, preset: Preset) -> tuple[Settings, tuple[GraspRule, ...], LogCalendar]:
    """Return the database's settings, rules and the field log's days, setting it up for the preset if it is new."""
    with UnitOfWork(database, write=True) as uow:
        settings = uow.settings.get()
        if settings is None:
            settings = init_database(uow, preset)
        elif settings.preset is not preset:
            raise RuleViolation(
                N_("This database is set up for the {preset} model, not the {wanted} model."),
                preset=settings.preset,
                wanted=preset,
            )
        end = DEMO_DATE + timedelta(days=1)
        free_days = tuple(free_day.day for free_day in calendar.free_days_between(uow, LOG_START, end))
        days = LogCalendar(free_days, calendar.holiday_table(uow, LOG_START, end), DEMO_DATE)
        return settings, uow.rules.all(), days


def build_demo(
    database: Database,
    preset: Preset,
    seed: int = 1,
    scale: Scale = Scale.DISTRICT,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data, all in one transaction, and describe what was built."""
    report = progress or _silent
    if bulk.count_rows(database, "unit"):
        raise RuleViolation(
            N_("Demo data can only be added to an empty database; this one already holds units.")
        )
    settings, rules, days = _prepare(database, preset)
    rng = random.Random(seed)
    planning = N_("Planning the demo hierarchy")
    report(planning, 0, 1)
    plans = plan_country(rng, preset, scale)
    totals = plan_totals(plans)
    gap_plan = choose_gaps(rng, totals)
    report(planning, 1, 1)
    building, saving = N_("Creating communes, hamlets and groups"), N_("Saving the demo data")
    done = 0

    def commune_done() -> None:
        nonlocal done
        done += 1
        report(building, done, totals[Level.COMMUNE])

    with bulk.bulk_load(database) as out:
        log = FieldLog(seed, out, preset, days, NATIONAL_SAMPLE if scale is Scale.NATIONAL else None)
        builder = DemoBuilder(rng, out, preset, rules, settings.workload_threshold, gap_plan, log)
        report(building, 0, totals[Level.COMMUNE])
        for plan in plans:
            log.province(plan.place.code)
            builder.province(plan, commune_done)
        report(saving, 0, 1)
    report(saving, 1, 1)
    return DemoSummary(preset, scale, {**builder.counts, **log.counts}, tuple(builder.gaps))
