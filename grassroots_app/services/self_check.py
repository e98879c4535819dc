"""The self-check of an installation: every bundled resource found and working, on a scratch database.

The window's `--self-check` runs these checks and adds the Qt ones (`grassroots_app.ui.files.self_check`). Each
check returns what it saw, or raises; a missing file is named by its path.
"""

from __future__ import annotations

import importlib.resources
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from grassroots_app.domain.errors import N_, DomainError
from grassroots_app.domain.formats import format_date, format_time
from grassroots_app.domain.reports.model import ReportKind
from grassroots_app.domain.sheets import Fate
from grassroots_app.i18n import LANGUAGES, Translator, catalog_path
from grassroots_app.paths import app_icon, fonts_dir, is_frozen, migrations_dir, official_units_file
from grassroots_app.persistence.backup_copies import output_guard
from grassroots_app.persistence.database import Database, head_revision, stored_revision
from grassroots_app.persistence.files import write_file
from grassroots_app.persistence.uow import UnitOfWork

PROVINCE = "Lai Châu"  # the official province with the fewest communes: a quick import
QUARTER = (2025, 3)  # the first quarter of the official list (units valid from 1 July 2025)
KNOWN_MESSAGE = ("commune", "xã")  # a message and its Vietnamese translation
NATIONAL_DAY = (9, 2)
ZONE_NAME = "Asia/Ho_Chi_Minh"

tr = Translator()  # the `.ts` catalog: the outcome reads in Vietnamese even when Qt's compiled one is missing
Check = Callable[[], str]


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome: its name, whether it passed, and what it saw or what went wrong."""

    name: str
    passed: bool
    detail: str


class MissingFiles(FileNotFoundError):
    """Files the installation should hold are absent."""

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__(", ".join(str(path) for path in paths))
        self.paths = tuple(paths)


def required_files() -> list[Path]:
    """Return the files the application cannot work without, wherever the resources live."""
    from grassroots_app.reports.pdf_style import FONT_FILES  # noqa: PLC0415 - loads reportlab

    catalogs = [catalog_path(language) for language in LANGUAGES if language != "en"]
    return [
        *(fonts_dir() / name for name in FONT_FILES.values()),
        *catalogs,
        app_icon(),
        migrations_dir() / "env.py",
        official_units_file(),
    ]


def describe(error: BaseException) -> str:
    """Return what went wrong, naming the missing file when there is one."""
    if isinstance(error, MissingFiles):
        return tr("missing: {files}").format(files=", ".join(str(path) for path in error.paths))
    if isinstance(error, FileNotFoundError) and (error.filename or len(error.args) == 1):
        return tr("missing: {files}").format(files=error.filename or error.args[0])
    if isinstance(error, DomainError):
        return error.render(tr)
    return f"{type(error).__name__}: {error}"


def run_checks(checks: Sequence[tuple[str, Check]]) -> list[CheckResult]:
    """Run each named check in turn and return the outcomes; a failure does not stop the others."""
    results = []
    for name, check in checks:
        try:
            results.append(CheckResult(tr(name), True, check()))
        except Exception as error:  # noqa: BLE001 - every failure is reported, the next check still runs
            results.append(CheckResult(tr(name), False, describe(error)))
    return results


class SelfCheck:
    """The checks that need no window, run against a scratch database in a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.database: Database | None = None
        self.cluster_id = ""

    def checks(self) -> list[tuple[str, Check]]:
        """Return the checks in the order they run (later ones use the scratch database)."""
        return [
            (N_("UTF-8 mode"), self.utf8_mode),
            (N_("Bundled files"), self.files),
            (N_("Database and migrations"), self.migrations),
            (N_("Official list of units"), self.official_units),
            (N_("Public holidays"), self.holidays),
            (N_("Time zone"), self.time_zone),
            (N_("Report fonts"), self.fonts),
            (N_("Translation catalog"), self.catalog),
            (N_("Report PDF and Excel"), self.report),
            (N_("Spreadsheet export and import"), self.spreadsheet),
        ]

    def utf8_mode(self) -> str:
        """Check that a frozen build runs in Python's UTF-8 mode: its Vietnamese output to a pipe or a file is UTF-8."""
        mode = sys.flags.utf8_mode
        if is_frozen() and not mode:
            raise RuntimeError(tr("the frozen program is not in Python's UTF-8 mode"))
        encoding = getattr(sys.stdout, "encoding", None) or "-"
        return tr("UTF-8 mode {mode}; standard output in {encoding}").format(mode=mode, encoding=encoding)

    def files(self) -> str:
        """Check that every required file exists."""
        files = required_files()
        missing = [path for path in files if not path.is_file()]
        if missing:
            raise MissingFiles(missing)
        return tr("{count} files under {folder}").format(count=len(files), folder=migrations_dir().parent)

    def migrations(self) -> str:
        """Create the scratch database, which runs every migration."""
        self.database = Database.open(str(self.folder / "self-check.sqlite"), backup=False)
        revision = stored_revision(self.database.engine)
        if revision != head_revision():
            raise RuntimeError(tr("the database is at revision {revision}").format(revision=revision))
        return tr("migrated to revision {revision}").format(revision=revision)

    def official_units(self) -> str:
        """Import a province of the official list and put two of its communes in a cluster."""
        from grassroots_app.services import clusters, official, official_list  # noqa: PLC0415

        with UnitOfWork(self.scratch()) as uow:
            imported = official.start_with_province(uow, PROVINCE)
        start = official.REFORM_DATE
        with UnitOfWork(self.scratch()) as uow:
            cluster = clusters.add_cluster(uow, "Cụm 1", imported.province.id, start)
            for commune in uow.units.children(imported.province.id)[:2]:
                clusters.add_member(uow, cluster.id, commune.id, start)
        self.cluster_id = cluster.id
        imported_text = tr("{province}: {count} units imported").format(province=imported.province.name,
                                                                         count=imported.added)
        before_reform = tr("{count} provinces in the pre-July-2025 list").format(
            count=len(official_list.pre_reform_provinces()))
        return f"{imported_text}; {before_reform}"

    def holidays(self) -> str:
        """Find this year's National Day among the package's public holidays."""
        from grassroots_app.services.calendar import package_table  # noqa: PLC0415

        year = date.today().year
        days_off, _working = package_table([year])
        national_day = date(year, *NATIONAL_DAY)
        if national_day not in days_off:
            raise RuntimeError(tr("no National Day among {count} days off").format(count=len(days_off)))
        return f"{format_date(national_day)}: {days_off[national_day]}"

    def time_zone(self) -> str:
        """Load Vietnam's time zone from the bundled tz database (Windows has no system one)."""
        from grassroots_app.services.ics import ZONE  # noqa: PLC0415 - loads icalendar

        source = importlib.resources.files("tzdata").joinpath("zoneinfo", *ZONE_NAME.split("/"))
        if not source.is_file():
            raise FileNotFoundError(2, "tzdata", str(source))
        now = datetime.now(ZONE)
        return f"{ZONE.key}: {format_time(now)} UTC{now:%z}"

    def fonts(self) -> str:
        """Register the report's font faces with reportlab."""
        from grassroots_app.reports.pdf_style import FONT_FILES, register_fonts  # noqa: PLC0415

        return tr("{count} faces of {family}").format(count=len(FONT_FILES), family=register_fonts())

    def catalog(self) -> str:
        """Translate a known message to Vietnamese from the `.ts` catalog the command line reads."""
        source, expected = KNOWN_MESSAGE
        translated = Translator("vi")(source)
        if translated != expected:
            raise RuntimeError(f"'{source}' -> '{translated}' ≠ '{expected}'")
        return f"'{source}' -> '{translated}'"

    def report(self) -> str:
        """Render the scratch cluster's quarterly report as a PDF, rasterize it, and write its Excel tables."""
        from grassroots_app.reports.pdf import pdf_bytes  # noqa: PLC0415
        from grassroots_app.reports.raster import rasterize  # noqa: PLC0415
        from grassroots_app.reports.xlsx import write_xlsx  # noqa: PLC0415
        from grassroots_app.services import reports  # noqa: PLC0415

        if not self.cluster_id:
            raise RuntimeError(tr("no scratch cluster to report on"))
        with UnitOfWork(self.scratch()) as uow:
            draft, figures = reports.draft_with_figures(uow, ReportKind.CLUSTER, self.cluster_id, *QUARTER)
        document = reports.compose(draft, figures)
        pdf = pdf_bytes(document)
        pages = rasterize(pdf, 36)
        workbook = self.folder / "self-check.xlsx"
        write_file(workbook, output_guard(self.scratch()), lambda temporary: write_xlsx(document, temporary))
        return tr("{pages} page(s), {size} KB of PDF; {workbook}").format(
            pages=len(pages), size=len(pdf) // 1024, workbook=workbook.name)

    def spreadsheet(self) -> str:
        """Export the scratch data to an .xlsx file and check it back: every row must read as unchanged."""
        from grassroots_app.services import sheet_export, sheet_import  # noqa: PLC0415

        workbook = self.folder / "self-check-export.xlsx"
        with UnitOfWork(self.scratch()) as uow:
            sheet_export.write_export(uow, workbook, date.today())
            report = sheet_import.check_file(uow, workbook)
        counts = report.counts()
        if report.errors() or counts[Fate.UNCHANGED] != len(report.outcomes):
            raise RuntimeError(sheet_import.summary_text(report, tr))
        return tr("{rows} rows written and read back unchanged").format(rows=len(report.outcomes))

    def scratch(self) -> Database:
        """Return the scratch database, or refuse when its check failed."""
        if self.database is None:
            raise RuntimeError(tr("the scratch database could not be made"))
        return self.database

    def close(self) -> None:
        """Release the scratch database."""
        if self.database is not None:
            self.database.close()
