"""Setting up a database: its preset, its default rules, and reading its settings."""

from __future__ import annotations

from grassroots_app.domain.errors import N_, RuleViolation
from grassroots_app.domain.model import Preset
from grassroots_app.domain.rules import DEFAULT_RULES
from grassroots_app.domain.settings import Settings
from grassroots_app.persistence.uow import UnitOfWork


def init_database(uow: UnitOfWork, preset: Preset) -> Settings:
    """Give an empty database its hierarchy preset and the default grasp rules."""
    settings = stage_settings(uow, preset)
    uow.commit()
    return settings


def stage_settings(uow: UnitOfWork, preset: Preset) -> Settings:
    """Stage the preset and default rules of an empty database in the caller's transaction."""
    existing = uow.settings.get()
    if existing is not None:
        raise RuleViolation(
            N_("This database is already set up for the {preset} model."), preset=existing.preset
        )
    settings = Settings(preset)
    uow.settings.save(settings)
    uow.rules.replace_all(DEFAULT_RULES[preset])
    return settings


def require_settings(uow: UnitOfWork) -> Settings:
    """Return the settings, or refuse to work on a database that was never set up."""
    settings = uow.settings.get()
    if settings is None:
        raise RuleViolation(
            N_("This database is not set up yet: choose the two-level or three-level model first.")
        )
    return settings
