"""The commands that set up a database: `init` and `demo`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    COUNT_LABELS,
    add_command,
    emit,
    integer,
    lazy_services,
    tr,
)
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_number
from grassroots_app.domain.model import Preset

if TYPE_CHECKING:
    from grassroots_app.services import session, setup
    from grassroots_app.services.session import Database
else:
    session, setup = lazy_services("session", "setup")


def cmd_init(args: argparse.Namespace, db: Database) -> None:
    """Set up an empty database for a model."""
    with session.UnitOfWork(db, write=True) as uow:
        settings = setup.init_database(uow, Preset(args.model))
    print(tr("The database is ready for the {model} model.").format(model=tr(settings.preset.label)))


def cmd_demo(args: argparse.Namespace, db: Database) -> None:
    """Build the demo dataset."""
    from grassroots_app.demo.build import Scale, build_demo

    summary = build_demo(db, Preset(args.model), args.seed, Scale(args.scale))
    gaps = [{"unit_id": gap.target_id, "level": gap.level.value, "role": gap.role}
            for gap in summary.deliberate_gaps]
    data = {"preset": summary.preset.value, "scale": summary.scale.value, "counts": summary.counts,
            "deliberate_gaps": gaps}
    lines = [tr("Demo data built:")]
    lines += [f"  {tr(COUNT_LABELS.get(key, key))}: {format_number(value)}"
              for key, value in summary.counts.items()]
    emit(args, data, lines)


def add_parsers(sub: Any) -> None:
    """Add `init` and `demo`: the commands that may create the database file."""
    init = add_command(sub, "init", N_("set up a new database"), cmd_init)
    init.add_argument("--model", required=True, choices=[p.value for p in Preset])
    demo = add_command(sub, "demo", N_("build the demo data"), cmd_demo, json_flag=True)
    demo.add_argument("--model", choices=[p.value for p in Preset], default=Preset.TWO_LEVEL.value)
    demo.add_argument("--seed", type=integer, default=1)
    demo.add_argument("--scale", choices=["district", "province", "national"], default="district")
    for command in (init, demo):
        command.set_defaults(create=True)
