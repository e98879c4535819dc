"""The quality-rating commands of `grassroots`: rate a commune or hamlet, summarize the grades."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    add_command,
    add_group,
    emit,
    lazy_services,
    parse_number,
    period_arguments,
    period_text,
    tr,
    values_of,
)
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_score
from grassroots_app.domain.model import Level
from grassroots_app.domain.ratings import GRADES, Grade, Rating, format_share, good_or_better

if TYPE_CHECKING:
    from grassroots_app.services import ratings, session, units
    from grassroots_app.services.session import Database
else:
    ratings, session, units = lazy_services("ratings", "session", "units")


def _rating_json(rating: Rating, path: str) -> dict[str, Any]:
    return {"id": rating.id, "unit_id": rating.unit_id, "path": path, "year": rating.year,
            "quarter": rating.quarter, "grade": rating.grade.value, "score": rating.score, "note": rating.note}


def cmd_ratings_set(args: argparse.Namespace, db: Database) -> None:
    """Rate a commune or hamlet for a year or a quarter."""
    score = parse_number(args.score) if args.score is not None else None
    grade = Grade(args.grade) if args.grade else None
    with session.UnitOfWork(db, write=True) as uow:
        unit = units.resolve_unit(uow, args.unit)
        rated = ratings.set_rating(uow, unit.id, args.year, args.quarter, grade, score, args.note)
        path = units.unit_path(uow, unit.id, max(unit.period.start, date(args.year, 1, 1)))
    shown = tr(rated.grade.label)
    if rated.score is not None:
        shown += " " + tr("({score} points)").format(score=format_score(rated.score))
    line = tr("{path}, {period}: {grade}.").format(path=path, period=period_text(args.year, args.quarter), grade=shown)
    emit(args, _rating_json(rated, path), [line])


def _summary_lines(summary: dict[str, Any], period: str) -> list[str]:
    """Return the grade shares as reports print them ("18/21 = 85,71 %"), per level."""
    lines = [tr("Quality ratings for {period}:").format(period=period)]
    for level, figures in summary["levels"].items():
        total = figures["total"]
        lines.append(f"  {tr(Level(level).label)} ({total})")
        lines += [f"    {tr(grade.label):<34} {format_share(figures[grade.value]['count'], total)}" for grade in GRADES]
        well = good_or_better({grade: figures[grade.value]["count"] for grade in GRADES})
        lines.append(f"    {tr('Completed tasks well or better'):<34} {format_share(well, total)}")
    return lines if summary["levels"] else [tr("No ratings for {period}.").format(period=period)]


def cmd_ratings_summary(args: argparse.Namespace, db: Database) -> None:
    """Print the count and share of each grade per level, for the whole database or under a unit."""
    with session.UnitOfWork(db) as uow:
        under = units.resolve_unit(uow, args.under).id if args.under is not None else None
        summary = ratings.rating_summary(uow, args.year, args.quarter, under)
    emit(args, summary, _summary_lines(summary, period_text(args.year, args.quarter)))


def add_parsers(sub: Any) -> None:
    """Add `ratings set|summary`."""
    group = add_group(sub, "ratings", N_("quality ratings of communes and hamlets"))
    rate = add_command(group, "set", N_("rate a commune or hamlet for a year or quarter"), cmd_ratings_set,
                       json_flag=True)
    rate.add_argument("--unit", required=True, help=tr(N_("unit (id, code or path)")))
    period_arguments(rate)
    rate.add_argument("--grade", choices=values_of(Grade))
    rate.add_argument("--score", help=tr(N_("points out of 100 (the grade follows from it when not given)")))
    rate.add_argument("--note", default="")
    summary = add_command(group, "summary", N_("count and share of each grade per level"), cmd_ratings_summary,
                          json_flag=True)
    period_arguments(summary)
    summary.add_argument("--under", help=tr(N_("only this unit and below it (id, code or path)")))
