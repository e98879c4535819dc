"""The figures of a quarterly report, read as everything stood in the quarter (the read side).

For a cluster, its member communes over the days they were members; for a district or a province, every
commune under it (in a cluster or not). Assignments, activities, recommendations count where their place
stood on their own day; coverage is taken on each commune's last day inside the area in the quarter (the
quarter's last day, unless it left or closed earlier) and on the day before the quarter. Enum labels come
in Vietnamese through the application's catalog (the report is always Vietnamese); the document's own
phrases are Vietnamese data in the builders.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from grassroots_app.domain.calendar import quarter_span
from grassroots_app.domain.coverage import Coverage
from grassroots_app.domain.errors import N_, InvalidInput, Labelled, RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Level, Period
from grassroots_app.domain.reports import recommendations, rows
from grassroots_app.domain.reports.model import CoverageRow, QuarterRef, ReportFigures, ReportKind
from grassroots_app.domain.reports.records import report_kind
from grassroots_app.domain.reports.scope import Scope
from grassroots_app.domain.reports.wording import in_sentence
from grassroots_app.domain.rules import GraspRule
from grassroots_app.domain.text import natural_key
from grassroots_app.i18n import Translator
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import calendar
from grassroots_app.services.activities import attendance_targets
from grassroots_app.services.clusters import get_cluster
from grassroots_app.services.setup import require_settings
from grassroots_app.services.units import get_unit

CHARGE_LEVELS = (Level.CLUSTER, Level.COMMUNE, Level.HAMLET)  # the committee's assignments (groups: the commune's)
AREA_LEVELS = (Level.DISTRICT, Level.PROVINCE)
ONE_DAY = timedelta(days=1)
REPORT_LANGUAGE = "vi"  # a report is always in Vietnamese, whatever the window's language


def vietnamese(member: Labelled) -> str:
    """Return an enum member's label in Vietnamese (the catalog is read once, then cached)."""
    return Translator(REPORT_LANGUAGE)(member.label)


def quarter_ref(year: int, quarter: int) -> QuarterRef:
    """Return a quarter that has begun, or refuse a bad quarter or one still to come."""
    first, end = quarter_span(year, quarter)
    if first > date.today():
        raise InvalidInput(N_("Quarter {quarter} of {year} has not begun yet."), quarter=quarter, year=year)
    return QuarterRef(year, quarter, first, end)


def _check_existed(period: Period, name: str, quarter: QuarterRef) -> None:
    """Refuse a cluster or unit that did not exist on any day of the quarter."""
    if not period.overlaps(Period(quarter.first, quarter.end)):
        raise RuleViolation(N_("'{name}' did not exist between {start} and {end}."), name=name,
                            start=format_date(quarter.first), end=format_date(quarter.end - ONE_DAY))


def check_scope(uow: UnitOfWork, kind: ReportKind, scope_id: str, quarter: QuarterRef) -> str:
    """Return the name of what a report covers, or refuse an unknown one, the wrong level or the wrong quarter."""
    if kind is ReportKind.CLUSTER:
        found = get_cluster(uow, scope_id)
        _check_existed(found.period, found.name, quarter)
        return found.name
    unit = get_unit(uow, scope_id)
    if unit.level not in AREA_LEVELS:
        raise RuleViolation(N_("A report covers a cluster, a district or a province, not a {level}."), level=unit.level)
    _check_existed(unit.period, unit.name, quarter)
    return unit.name


def cluster_figures(uow: UnitOfWork, cluster_id: str, year: int, quarter: int) -> ReportFigures:
    """Return the figures of a cluster's quarterly report: its communes over the days they were members."""
    return figures(uow, ReportKind.CLUSTER, cluster_id, year, quarter)


def area_figures(uow: UnitOfWork, unit_id: str, year: int, quarter: int) -> ReportFigures:
    """Return the figures of a district's or province's quarterly report: all its communes, clustered or not."""
    return figures(uow, ReportKind.AREA, unit_id, year, quarter)


def figures(uow: UnitOfWork, kind: ReportKind, scope_id: str, year: int, quarter: int) -> ReportFigures:
    """Return the figures of a report of either kind."""
    require_settings(uow)
    kind = report_kind(kind)
    ref = quarter_ref(year, quarter)
    name = check_scope(uow, kind, scope_id, ref)
    window = (ref.first - ONE_DAY, ref.end)
    is_cluster = kind is ReportKind.CLUSTER
    walk = uow.report_queries.cluster_scope if is_cluster else uow.report_queries.area_scope
    scope = Scope(walk(scope_id, window), ref, root=None if is_cluster else scope_id)
    titles = _cluster_titles(uow, scope)
    if is_cluster:
        return _figures(uow, kind, titles.get(scope_id, name), scope, ())
    return _figures(uow, kind, name, scope, tuple(sorted(titles.values(), key=natural_key)))


def _cluster_titles(uow: UnitOfWork, scope: Scope) -> dict[str, str]:
    """Return the title of each cluster inside the area: "Cụm số 1 (xã A, xã B)"."""
    members: dict[str, list[str]] = defaultdict(list)
    for cluster_id, name, kind in uow.report_queries.cluster_communes((scope.quarter.first, scope.quarter.end)):
        members[cluster_id].append(in_sentence(name, kind))
    titles = {}
    for row in scope.present(Level.CLUSTER):
        communes = sorted(members.get(row.id, []), key=natural_key)
        titles[row.id] = f"{row.name} ({', '.join(communes)})" if communes else row.name
    return titles


def _coverage_on(uow: UnitOfWork, communes_by_day: Mapping[date, Sequence[str]], rules: Sequence[GraspRule]
                 ) -> dict[str, Coverage]:
    """Return the coverage of each commune on its day (counted in SQL: targets per level, candidate gaps)."""
    found: dict[str, Coverage] = {}
    for day, communes in communes_by_day.items():
        if communes:
            totals = uow.report_queries.level_totals(day, communes)
            lacking = uow.report_queries.lacking(day, communes, rules)
            found.update(rows.commune_coverage(day, totals, lacking, rules))
    return found


def _coverage(uow: UnitOfWork, scope: Scope) -> tuple[CoverageRow, ...]:
    """Return each commune's coverage at the end of its days in the quarter and at the previous quarter's end."""
    rules = [rule for rule in uow.rules.all() if rule.target_level is not Level.CLUSTER]
    at_end: dict[date, list[str]] = defaultdict(list)
    for commune in scope.present(Level.COMMUNE):
        at_end[scope.last_day(commune.id)].append(commune.id)
    eve = scope.quarter.first - ONE_DAY
    before = [item for item, placed in scope.rows.items()
              if placed[0].level is Level.COMMUNE and scope.row_on(item, eve) is not None]
    return rows.coverage_rows(scope, _coverage_on(uow, at_end, rules), _coverage_on(uow, {eve: before}, rules))


def _figures(
    uow: UnitOfWork, kind: ReportKind, title: str, scope: Scope, clusters: tuple[str, ...]
) -> ReportFigures:
    """Read and build everything the report states, once the area is in the scope table."""
    quarter, queries = scope.quarter, uow.report_queries
    span = (quarter.first, quarter.end)
    held = queries.held(span, CHARGE_LEVELS)
    free = calendar.free_days_between(uow, quarter.first, quarter.end)
    days = [item.day for item in free]
    placed = queries.recommendations(span)
    followed = recommendations.follow(placed, queries.histories(span))
    ratings_year, rated = queries.ratings(span, quarter.year)
    communes = [row.name for row in scope.present(Level.COMMUNE)]
    return ReportFigures(
        kind=kind,
        title=title,
        quarter=quarter,
        communes=tuple(sorted(communes, key=natural_key)),
        charges=rows.charge_rows(held, scope),
        coverage=_coverage(uow, scope),
        attendance=rows.attendance_rows(held, queries.attended(span), attendance_targets(uow), scope, vietnamese),
        base_days=rows.base_day_rows(free, queries.visits_on(span, days), queries.activities_on(span, days)),
        recommendations=recommendations.recommendation_figures(followed, vietnamese),
        recommendation_rows=recommendations.recommendation_rows(followed, scope, vietnamese),
        ratings_year=ratings_year,
        ratings=rows.rating_rows(rated, vietnamese),
        clusters=clusters,
        hamlet_kinds=tuple(sorted({row.kind for row in scope.present(Level.HAMLET)})),
    )
