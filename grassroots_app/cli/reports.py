"""The report commands of `grassroots`: a cluster's or an area's quarterly report as a draft."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    Parser,
    add_command,
    add_group,
    day_option,
    emit,
    lazy_services,
    path_text,
    period_text,
    tr,
)
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.model import Cluster, Unit
from grassroots_app.domain.reports.model import ReportKind, ReportStatus
from grassroots_app.domain.reports.records import ReportDraft, clean_draft

if TYPE_CHECKING:
    from grassroots_app.services import clusters, files, reports, session, units
    from grassroots_app.services.session import Database
else:
    clusters, files, reports, session, units = lazy_services("clusters", "files", "reports", "session", "units")

QUARTER_TEXT = re.compile(r"(\d{4})-[Qq]([1-4])", re.ASCII)
Scoped = Callable[["session.UnitOfWork"], Cluster | Unit]  # finds what a report covers


def parse_quarter(text: str) -> tuple[int, int]:
    """Parse YYYY-Qn (the Q in either case) as (year, quarter)."""
    match = QUARTER_TEXT.fullmatch(text.strip())
    if match is None:
        raise InvalidInput(N_("'{text}' is not a quarter; write it as 2026-Q3."), text=text)
    return int(match[1]), int(match[2])


def _output_paths(args: argparse.Namespace, db: Database) -> tuple[Path, Path | None]:
    """Return the PDF and the optional workbook to write, checked before anything is read."""
    pdf = files.output_target(db, args.out)
    workbook = files.output_target(db, args.xlsx) if args.xlsx else None
    if workbook is not None and workbook == pdf:
        raise InvalidInput(N_("--out and --xlsx name the same file '{path}'."), path=args.out)
    return pdf, workbook


def _with_overrides(draft: ReportDraft, place: str | None, signer: str | None) -> ReportDraft:
    """Return the draft with the place and the signer's name given on the command line, cleaned and checked."""
    if place is not None:
        draft = replace(draft, place=place)
    if signer is not None:
        narrative = draft.narrative
        draft = replace(draft, narrative=replace(narrative, signer=replace(narrative.signer, name=signer)))
    return clean_draft(draft)


def _write_report(args: argparse.Namespace, db: Database, kind: ReportKind, scoped: Scoped) -> None:
    """Write the unnumbered draft of a quarterly report as a PDF and, with --xlsx, its tables; store nothing."""
    from grassroots_app.reports.pdf import write_pdf
    from grassroots_app.reports.xlsx import write_xlsx

    year, quarter = parse_quarter(args.quarter)
    pdf, workbook = _output_paths(args, db)
    with session.UnitOfWork(db) as uow:
        scope = scoped(uow)
        draft, figures = reports.draft_with_figures(uow, kind, scope.id, year, quarter, day_option(args))
    document = reports.compose(_with_overrides(draft, args.place, args.signer), figures, None, ReportStatus.DRAFT)
    outputs: list[tuple[Path, files.Fill]] = [(pdf, lambda temporary: write_pdf(document, temporary))]
    if workbook:
        outputs.append((workbook, lambda temporary: write_xlsx(document, temporary)))
    files.write_files(outputs, db)
    data = {"pdf": str(pdf), "xlsx": str(workbook) if workbook else None, kind.value: scope.name,
            "quarter": f"{year}-Q{quarter}"}
    lines = [tr("Wrote the draft report of {name} for {period} to {path}.").format(
        name=scope.name, period=period_text(year, quarter), path=pdf)]
    if workbook:
        lines.append(tr("Wrote its tables to {path}.").format(path=workbook))
    emit(args, data, lines)


def cmd_report_cluster(args: argparse.Namespace, db: Database) -> None:
    """Write the draft quarterly report of one cluster."""
    _write_report(args, db, ReportKind.CLUSTER, lambda uow: clusters.resolve_cluster(uow, args.cluster))


def cmd_report_area(args: argparse.Namespace, db: Database) -> None:
    """Write the draft quarterly report of a district or province, all its communes."""
    _write_report(args, db, ReportKind.AREA, lambda uow: units.resolve_unit(uow, args.under))


def _report_arguments(parser: Parser) -> None:
    """Add the arguments both kinds of report take: quarter, files, place, signer, date."""
    parser.add_argument("--quarter", required=True, help=tr(N_("the quarter, as 2026-Q3")))
    parser.add_argument("--out", required=True, type=path_text, help=tr(N_("the PDF file to write")))
    parser.add_argument("--xlsx", type=path_text, help=tr(N_("also write the annexed tables to this .xlsx file")))
    parser.add_argument("--place", help=tr(N_("the place on the place-and-date line "
                                               "(default: the last saved report's, else the province)")))
    parser.add_argument("--signer", help=tr(N_("the signer's full name")))
    parser.add_argument("--on", help=tr(N_("the date of the report (default: today)")))


def add_parsers(sub: Any) -> None:
    """Add `report cluster|area`."""
    group = add_group(sub, "report", N_("write a quarterly report as an unnumbered draft (nothing is stored)"))
    cluster = add_command(group, "cluster", N_("the report of one cluster"), cmd_report_cluster, json_flag=True)
    cluster.add_argument("--cluster", required=True, help=tr(N_("cluster id or name")))
    _report_arguments(cluster)
    area = add_command(group, "area", N_("the report of a district or province, all its communes"), cmd_report_area,
                       json_flag=True)
    area.add_argument("--under", required=True, help=tr(N_("district or province (id, code or path)")))
    _report_arguments(area)
