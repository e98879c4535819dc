"""The field-log commands of `grassroots`: activities, attendance and residents' recommendations."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    Parser,
    add_command,
    add_group,
    emit,
    integer,
    iso,
    lazy_services,
    optional_day,
    parse_day,
    period_arguments,
    period_text,
    target_id,
    tr,
    values_of,
)
from grassroots_app.domain.activities import ActivityFilter, ActivityKind
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.recommendations import (
    RecommendationField,
    RecommendationFilter,
    RecommendationStatus,
    StatusChange,
)

if TYPE_CHECKING:
    from grassroots_app.services import activities, cadres, clusters, recommendations, session, units
    from grassroots_app.services.activities import ActivityView
    from grassroots_app.services.recommendations import RecommendationView
    from grassroots_app.services.session import Database
else:
    (activities, cadres, clusters, recommendations, session, units) = lazy_services(
        "activities", "cadres", "clusters", "recommendations", "session", "units"
    )


def _span(args: argparse.Namespace) -> tuple[date | None, date | None]:
    """Return --from and --to as a half-open span of days (the --to day included)."""
    last = optional_day(args, "to")
    return optional_day(args, "start"), last + timedelta(days=1) if last else None


def _named(uow: session.UnitOfWork, args: argparse.Namespace) -> dict[str, str | None]:
    """Return the ids of the cadre, unit and cluster that --cadre, --unit and --cluster name (None if not given)."""
    return {
        "cadre_id": cadres.resolve_cadre(uow, args.cadre).id if args.cadre is not None else None,
        "unit_id": units.resolve_unit(uow, args.unit).id if args.unit is not None else None,
        "cluster_id": clusters.resolve_cluster(uow, args.cluster).id if args.cluster is not None else None,
    }


def _activity_json(view: ActivityView) -> dict[str, Any]:
    item = view.activity
    return {
        "id": item.id, "date": item.day.isoformat(), "cadre_id": item.cadre_id, "cadre": view.cadre_name,
        "kind": item.kind.value, "target_id": item.target_id, "target": view.target_name, "path": view.target_path,
        "duration_minutes": item.duration_minutes, "notes": item.notes, "visit_id": item.visit_id,
        "planned": view.planned,
    }


def _activity_line(view: ActivityView) -> str:
    item = view.activity
    parts = [format_date(item.day), view.cadre_name, tr(item.kind.label), view.target_path]
    if item.duration_minutes:
        parts.append(tr("{minutes} min").format(minutes=item.duration_minutes))
    if view.planned:
        parts.append(tr("(planned visit)"))
    return "  ".join([*parts, *([item.notes] if item.notes else []), item.id])


def cmd_log_add(args: argparse.Namespace, db: Database) -> None:
    """Record what a cadre did at a unit or cluster on a day."""
    day = parse_day(args.date)
    with session.UnitOfWork(db, write=True) as uow:
        cadre = cadres.resolve_cadre(uow, args.cadre)
        target = target_id(uow, args.target)
        view = activities.record_activity(
            uow, cadre.id, target, ActivityKind(args.kind), day, args.minutes, args.notes)
    emit(args, _activity_json(view), [tr("Recorded: {activity}").format(activity=_activity_line(view))])


def cmd_log_list(args: argparse.Namespace, db: Database) -> None:
    """List the activities, newest first."""
    start, end = _span(args)
    kind = ActivityKind(args.kind) if args.kind else None
    with session.UnitOfWork(db) as uow:
        views = activities.list_activities(uow, ActivityFilter(start, end, kind=kind, **_named(uow, args)), args.limit)
    emit(args, [_activity_json(view) for view in views], [_activity_line(view) for view in views]
         or [tr("No activities.")])


def cmd_attendance(args: argparse.Namespace, db: Database) -> None:
    """Show each cadre's meetings attended in a year or quarter against their target."""
    with session.UnitOfWork(db) as uow:
        rows = activities.attendance(uow, args.year, args.quarter)
    data: dict[str, Any] = {"year": args.year, **({"quarter": args.quarter} if args.quarter is not None else {})}
    data["cadres"] = [{"cadre_id": row.cadre_id, "name": row.name, "tier": row.tier.value,
                       "attended": row.attended, "target": row.target, "met": row.met} for row in rows]
    lines = [tr("Party meetings attended in {period}, against the target:").format(
        period=period_text(args.year, args.quarter))]
    for row in rows:
        verdict = tr("met") if row.met else tr("{missing} short").format(missing=row.target - row.attended)
        verdict = verdict if row.target else ""
        lines.append(f"  {row.name:<30} {tr(row.tier.label):<16} {row.attended:>3}/{row.target:<3} {verdict}")
    emit(args, data, lines if rows else [tr("No cadre has an attendance target.")])


def _recommendation_json(view: RecommendationView) -> dict[str, Any]:
    rec = view.recommendation
    return {
        "id": rec.id, "unit_id": rec.unit_id, "unit": view.unit_name, "path": view.unit_path,
        "raised_on": rec.raised_on.isoformat(), "cadre_id": rec.cadre_id, "cadre": view.cadre_name,
        "content": rec.content, "field": rec.field.value, "due": iso(rec.due), "status": rec.status.value,
        "overdue": view.overdue, "forwarded_to": rec.forwarded_to, "forwarded_on": iso(rec.forwarded_on),
        "answered_on": iso(rec.answered_on), "answer": rec.answer, "resolved_on": iso(rec.resolved_on),
        "closed_on": iso(rec.closed_on),
    }


def _recommendation_lines(view: RecommendationView) -> list[str]:
    rec = view.recommendation
    head = [format_date(rec.raised_on), f"[{tr(rec.status.label)}]", tr(rec.field.label), view.unit_path, view.cadre_name]
    if rec.due:
        head.append(tr("due {day}").format(day=format_date(rec.due)))
    if view.overdue:
        head.append(tr("OVERDUE"))
    lines = ["  ".join([*head, rec.id]), f"    {rec.content}"]
    if rec.forwarded_to:
        forwarded = tr("forwarded to {body} on {day}")
        lines.append(f"    {forwarded.format(body=rec.forwarded_to, day=format_date(rec.forwarded_on))}")
    if rec.answer:
        lines.append(f"    {tr('answered on {day}: {answer}').format(day=format_date(rec.answered_on), answer=rec.answer)}")
    return lines


def cmd_recommendations_add(args: argparse.Namespace, db: Database) -> None:
    """Record a recommendation residents raised at a unit through a cadre."""
    day, due = parse_day(args.date), optional_day(args, "due")
    with session.UnitOfWork(db, write=True) as uow:
        unit = units.resolve_unit(uow, args.unit)
        cadre = cadres.resolve_cadre(uow, args.cadre)
        view = recommendations.raise_recommendation(
            uow, unit.id, day, cadre.id, args.content, RecommendationField(args.field), due)
    emit(args, _recommendation_json(view), [tr("Recorded the recommendation:"), *_recommendation_lines(view)])


def cmd_recommendations_list(args: argparse.Namespace, db: Database) -> None:
    """List the recommendations, newest first, the overdue ones flagged."""
    start, end = _span(args)
    status = RecommendationStatus(args.status) if args.status else None
    with session.UnitOfWork(db) as uow:
        wanted = RecommendationFilter(start=start, end=end, status=status, overdue=args.overdue,
                                      on=optional_day(args, "on"), **_named(uow, args))
        views = recommendations.list_recommendations(uow, wanted)
    lines = [line for view in views for line in _recommendation_lines(view)]
    emit(args, [_recommendation_json(view) for view in views], lines or [tr("No recommendations.")])


def cmd_recommendations_step(args: argparse.Namespace, db: Database) -> None:
    """Take a recommendation one step: resolve, forward, answer or close it."""
    day = parse_day(args.date)
    text = {name: getattr(args, name) for name in ("body", "answer") if name in args}
    with session.UnitOfWork(db, write=True) as uow:
        view = getattr(recommendations, args.step)(uow, args.recommendation, day, note=args.note, **text)
    status = tr(view.recommendation.status.label)
    emit(args, _recommendation_json(view), [tr("The recommendation is now {status}.").format(status=status),
                                            *_recommendation_lines(view)])


def _step_json(step: StatusChange) -> dict[str, Any]:
    old = step.old.value if step.old else None
    return {"date": step.on.isoformat(), "from": old, "to": step.new.value, "note": step.note}


def _step_line(step: StatusChange) -> str:
    change = tr(step.new.label) if step.old is None else f"{tr(step.old.label)} → {tr(step.new.label)}"
    return "  ".join(["  " + format_date(step.on), change, *([step.note] if step.note else [])])


def cmd_recommendations_history(args: argparse.Namespace, db: Database) -> None:
    """Show a recommendation and the steps it went through."""
    with session.UnitOfWork(db) as uow:
        view = recommendations.get_recommendation(uow, args.recommendation)
        steps = recommendations.history(uow, args.recommendation)
    data = {"recommendation": _recommendation_json(view), "history": [_step_json(step) for step in steps]}
    emit(args, data, [*_recommendation_lines(view), tr("History:"), *(_step_line(step) for step in steps)])


def _place_filters(parser: Parser) -> None:
    """Add the filters shared by the lists of the field log: days, cadre, unit, cluster."""
    parser.add_argument("--from", dest="start", help=tr(N_("first day (YYYY-MM-DD)")))
    parser.add_argument("--to", help=tr(N_("last day, included (YYYY-MM-DD)")))
    parser.add_argument("--cadre", help=tr(N_("cadre id or full name")))
    parser.add_argument("--unit", help=tr(N_("only at this unit and below it (id, code or path)")))
    parser.add_argument("--cluster", help=tr(N_("only in this cluster and its communes (id or name)")))


def add_parsers(sub: Any) -> None:
    """Add `log add|list`, `attendance` and `recommendations add|list|resolve|forward|answer|close|history`."""
    group = add_group(sub, "log", N_("the field log: what cadres did at the base"))
    add = add_command(group, "add", N_("record an activity"), cmd_log_add, json_flag=True)
    add.add_argument("--cadre", required=True, help=tr(N_("cadre id or full name")))
    add.add_argument("--target", required=True, help=tr(N_("unit (id, code or path) or cluster (id or name)")))
    add.add_argument("--kind", required=True, choices=values_of(ActivityKind))
    add.add_argument("--date", required=True, help=tr(N_("the day (YYYY-MM-DD)")))
    add.add_argument("--minutes", type=integer, default=0, help=tr(N_("how long it took, in minutes")))
    add.add_argument("--notes", default="")
    listing = add_command(group, "list", N_("list the activities, newest first"), cmd_log_list, json_flag=True)
    _place_filters(listing)
    listing.add_argument("--kind", choices=values_of(ActivityKind))
    listing.add_argument("--limit", type=integer, help=tr(N_("at most this many, the newest")))
    attendance = add_command(sub, "attendance", N_("party meetings each cadre attended against the target"),
                             cmd_attendance, json_flag=True)
    period_arguments(attendance)
    _recommendation_parsers(sub)


def _recommendation_parsers(sub: Any) -> None:
    group = add_group(sub, "recommendations", N_("residents' recommendations"))
    add = add_command(group, "add", N_("record a recommendation"), cmd_recommendations_add, json_flag=True)
    add.add_argument("--unit", required=True, help=tr(N_("unit (id, code or path)")))
    add.add_argument("--date", required=True, help=tr(N_("the day it was raised (YYYY-MM-DD)")))
    add.add_argument("--cadre", required=True, help=tr(N_("cadre id or full name")))
    add.add_argument("--field", required=True, choices=values_of(RecommendationField))
    add.add_argument("--content", required=True)
    add.add_argument("--due", help=tr(N_("the day it should be settled by (YYYY-MM-DD)")))
    listing = add_command(group, "list", N_("list the recommendations, newest first"), cmd_recommendations_list,
                          json_flag=True)
    _place_filters(listing)
    listing.add_argument("--status", choices=values_of(RecommendationStatus))
    listing.add_argument("--overdue", action="store_true", help=tr(N_("only those still waiting after their due date")))
    listing.add_argument("--on", help=tr(N_("the day overdue is judged on (default: today)")))
    steps = (  # each runs the use case of that name in services.recommendations
        ("resolve", N_("mark a recommendation resolved at the base"), "resolve_recommendation", ()),
        ("forward", N_("forward a recommendation to the body that can settle it"),
         "forward_recommendation", ("--body", N_("the body it is forwarded to"))),
        ("answer", N_("record the answer a forwarded recommendation received"),
         "answer_recommendation", ("--answer", N_("the answer received"))),
        ("close", N_("close a resolved or answered recommendation"), "close_recommendation", ()),
    )
    for name, help_text, service, text in steps:
        step = add_command(group, name, help_text, cmd_recommendations_step, json_flag=True)
        step.set_defaults(step=service)
        step.add_argument("recommendation", help=tr(N_("recommendation id")))
        step.add_argument("--date", required=True, help=tr(N_("the day of this step (YYYY-MM-DD)")))
        step.add_argument("--note", default="")
        if text:
            step.add_argument(text[0], default="", help=tr(text[1]))
    history = add_command(group, "history", N_("show a recommendation's steps"), cmd_recommendations_history,
                          json_flag=True)
    history.add_argument("recommendation", help=tr(N_("recommendation id")))
