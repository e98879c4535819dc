"""Exporting the data standing on one day (all of it, or one unit's subtree) in the import's own sheets.

A last sheet, for reading only, lists the merges made by that day; the import skips it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from grassroots_app.domain import hierarchy
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Assignment, Cadre, Cluster, Merge, Period, Unit
from grassroots_app.domain.sheets import (
    ASSIGNMENTS,
    CADRES,
    CLUSTERS,
    GENDER_WORDS,
    LEVEL_WORDS,
    MERGES,
    STATUS_WORDS,
    TIER_WORDS,
    UNITS,
    YES_WORD,
    SheetSpec,
)
from grassroots_app.domain.text import natural_key, person_sort_key
from grassroots_app.persistence.backup_copies import Location, output_guard
from grassroots_app.persistence.files import OutputGuard
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.files import save_workbook, workbook_target
from grassroots_app.services.units import PATH_SEPARATOR, get_unit
from grassroots_app.spreadsheets.writing import SheetContent

Values = list[object]


@dataclass(frozen=True)
class ExportSheet:
    """One sheet to write: its spec and its rows of values, in the order of the spec's columns."""

    spec: SheetSpec
    rows: list[Values]


@dataclass
class _Tree:
    """The units standing on the day: those exported, their paths, and the day each stands in its place from."""

    known: dict[str, Unit]
    units: dict[str, Unit] = field(default_factory=dict)
    starts: dict[str, date] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)

    def path(self, unit_id: str | None) -> str:
        """Return a unit's path ('' for none)."""
        return self.paths.get(unit_id or "", "")


def export_sheets(uow: UnitOfWork, on: date, under: str | None = None) -> list[ExportSheet]:
    """Return the units, clusters, cadres and assignments standing on a day, all or under one unit, then the merges."""
    root = get_unit(uow, under) if under else None
    if root is not None:
        hierarchy.check_open_on(root.period, on, root.name)
    tree = _tree(uow.sheet_queries.units_on(on), root.id if root else None)
    clusters = [c for c in uow.sheet_queries.clusters_on(on) if c.parent_id in tree.units]
    cluster_starts = {c.id: max(c.period.start, tree.starts[c.parent_id]) for c in clusters}
    levels = {unit.id: unit.level for unit in tree.units.values()}
    held = [a for a in uow.sheet_queries.assignments_on(on, levels) if a.target_id in tree.units or a.target_id in
            cluster_starts]
    cadres = uow.sheet_queries.cadres()
    if under:
        wanted = {a.cadre_id for a in held}
        cadres = [c for c in cadres if c.id in wanted or c.home_unit_id in tree.units]
    names = {c.id: c.name for c in clusters}
    return [
        ExportSheet(UNITS, [_unit_row(tree, unit) for unit in _ordered(tree)]),
        ExportSheet(CLUSTERS, _cluster_rows(uow, on, tree, clusters, cluster_starts)),
        ExportSheet(CADRES, [_cadre_row(tree, c) for c in sorted(cadres, key=_cadre_order)]),
        ExportSheet(ASSIGNMENTS, _assignment_rows(tree, held, {c.id: c for c in cadres}, names, cluster_starts,
                                                  {c.id: c.parent_id for c in clusters})),
        ExportSheet(MERGES, _merge_rows(uow, on, None if root is None else set(tree.units))),
    ]


def _tree(standing: list[tuple[Unit, Period]], root: str | None) -> _Tree:
    """Return the units on the day under the root (all without one), with paths and start days from the top."""
    tree = _Tree({unit.id: unit for unit, _placement in standing})
    placed = {unit.id: placement.start for unit, placement in standing}
    children: dict[str | None, list[Unit]] = {}
    for unit in tree.known.values():
        children.setdefault(unit.parent_id if unit.parent_id in tree.known else None, []).append(unit)
    ancestors: list[str] = []
    current = tree.known[root].parent_id if root else None
    while current in tree.known and len(ancestors) < 10:
        ancestors.insert(0, current)
        current = tree.known[current].parent_id
    for depth, ancestor in enumerate(ancestors):
        tree.paths[ancestor] = f" {PATH_SEPARATOR} ".join(tree.known[a].name for a in ancestors[: depth + 1])
    frontier = [tree.known[root]] if root else list(children.get(None, []))
    while frontier:
        unit = frontier.pop()
        parent_path = tree.path(unit.parent_id)
        tree.units[unit.id] = unit
        tree.paths[unit.id] = f"{parent_path} {PATH_SEPARATOR} {unit.name}" if parent_path else unit.name
        parent_start = tree.starts.get(unit.parent_id or "", date.min)
        tree.starts[unit.id] = max(placed[unit.id], parent_start)
        frontier.extend(children.get(unit.id, []))
    return tree


def _ordered(tree: _Tree) -> list[Unit]:
    """Return the units parents first, each level in natural order of paths."""
    depth = {key: path.count(PATH_SEPARATOR) for key, path in tree.paths.items()}
    return sorted(tree.units.values(), key=lambda unit: (depth[unit.id], natural_key(tree.paths[unit.id])))


def _flag(value: bool) -> str:
    return YES_WORD if value else ""


def _unit_row(tree: _Tree, unit: Unit) -> Values:
    parent = tree.known.get(unit.parent_id or "")
    parent_code = parent.code if parent else None
    attributes = unit.attributes
    return [unit.id, tree.path(unit.parent_id), parent_code or "", unit.name, LEVEL_WORDS[unit.level], unit.kind,
            unit.code or "", tree.starts[unit.id], _flag(attributes.is_remote), attributes.households,
            attributes.population, attributes.party_members]


def _cluster_rows(uow: UnitOfWork, on: date, tree: _Tree, clusters: list[Cluster],
                  starts: dict[str, date]) -> list[Values]:
    members: dict[str, list[tuple[str, date]]] = {}
    for cluster_id, commune_id, joined in uow.sheet_queries.members_on(on):
        if commune_id in tree.units:
            members.setdefault(cluster_id, []).append((commune_id, joined))
    rows: list[Values] = []
    for cluster in sorted(clusters, key=lambda c: (natural_key(tree.path(c.parent_id)), natural_key(c.name))):
        head: Values = [cluster.id, cluster.name, tree.path(cluster.parent_id), starts[cluster.id]]
        communes = sorted(members.get(cluster.id, []), key=lambda member: natural_key(tree.path(member[0])))
        for commune_id, joined in communes:
            commune = tree.units[commune_id]
            rows.append([*head, tree.path(commune_id), commune.code or "",
                         max(joined, starts[cluster.id], tree.starts[commune_id])])
        if not communes:
            rows.append([*head, "", "", None])
    return rows


def _cadre_order(cadre: Cadre) -> tuple[tuple[object, ...], str]:
    """Return a cadre's place on the sheet: by name, namesakes by id (not in the order the engine hands rows over)."""
    return person_sort_key(cadre.full_name), cadre.id


def _cadre_row(tree: _Tree, cadre: Cadre) -> Values:
    return [cadre.id, cadre.full_name, cadre.birth_year, GENDER_WORDS[cadre.gender] if cadre.gender else "",
            TIER_WORDS[cadre.tier], cadre.position, cadre.workplace, _flag(cadre.is_standing),
            _flag(cadre.is_committee), _flag(cadre.is_party_member), cadre.phone, STATUS_WORDS[cadre.status],
            cadre.status_date if cadre.status.value == "left" else None, tree.path(cadre.home_unit_id)]


def _assignment_rows(
    tree: _Tree, held: list[Assignment], cadres: dict[str, Cadre], cluster_names: dict[str, str],
    cluster_starts: dict[str, date], cluster_parents: dict[str, str],
) -> list[Values]:
    def place(a: Assignment) -> str:
        if a.target_id in cluster_names:
            return f"{tree.path(cluster_parents[a.target_id])} {PATH_SEPARATOR} {cluster_names[a.target_id]}"
        return tree.path(a.target_id)

    def start(a: Assignment) -> date:
        return max(a.period.start, cluster_starts.get(a.target_id) or tree.starts[a.target_id])

    rows: list[Values] = []
    for a in sorted(held, key=lambda a: (natural_key(place(a)), a.role, person_sort_key(cadres[a.cadre_id].full_name),
                                         a.period.start)):
        code = tree.units[a.target_id].code if a.target_id in tree.units else None
        rows.append([a.id, a.cadre_id, cadres[a.cadre_id].full_name, place(a), code or a.target_id, a.role, start(a),
                     a.period.end, a.decision.number, a.decision.signed_on, a.note, a.end_reason])
    return rows


def _merge_rows(uow: UnitOfWork, on: date, within: set[str] | None) -> list[Values]:
    """Return the merges made by the day (those into or out of the units within, when given), oldest first.

    Each unit is named by its path on the day of the merge and its official code.
    """
    merges = [found for found in uow.sheet_queries.merges_until(on)
              if within is None or found[0].source_id in within or found[0].target_id in within]
    named: dict[date, set[str]] = {}
    for merge, _source_code, _target_code in merges:
        named.setdefault(merge.on, set()).update((merge.source_id, merge.target_id))
    paths = {day: uow.queries.paths(ids, day) for day, ids in named.items()}

    def path(merge: Merge, unit_id: str) -> str:
        return paths[merge.on].get(unit_id, "")

    return [[merge.on, path(merge, merge.source_id), source_code or "", path(merge, merge.target_id), target_code or "",
             merge.note] for merge, source_code, target_code in merges]


TITLES = {
    UNITS.kind: "DANH SÁCH ĐƠN VỊ HÀNH CHÍNH",
    CLUSTERS.kind: "CÁC CỤM VÀ XÃ, PHƯỜNG TRONG CỤM",
    CADRES.kind: "DANH SÁCH CÁN BỘ",
    ASSIGNMENTS.kind: "PHÂN CÔNG CÁN BỘ PHỤ TRÁCH ĐỊA BÀN",
    MERGES.kind: "CÁC ĐƠN VỊ ĐÃ SÁP NHẬP",
}
GUIDE = (
    "Mỗi trang tính một loại dữ liệu; có thể để trống các trang không dùng, đổi thứ tự cột, thêm dòng tiêu đề "
    "phía trên dòng tên cột.",
    "Đơn vị cấp trên ghi theo đường dẫn tên, ví dụ: Tỉnh Lạng Sơn / Xã Tân Đoàn / Thôn Bản Nầm; "
    "hoặc ghi mã đơn vị cấp trên.",
    "Dòng đã có được nhận ra theo Mã định danh, rồi theo mã đơn vị, rồi theo đường dẫn tên.",
    "Ngày ghi dd/mm/yyyy. Cột có/không ghi x (có) hoặc để trống (không).",
    "Từ ngày chỉ dùng khi tạo mới; để trống thì lấy ngày của đơn vị cấp trên.",
    "Nhập thử trước: mỗi dòng được báo mới, thay đổi, không đổi hoặc lỗi; chỉ khi không còn lỗi mới ghi vào.",
)


def _content(spec: SheetSpec, rows: list[Values], subtitle: str) -> SheetContent:
    title = f"{TITLES[spec.kind]}{subtitle}"
    return SheetContent(spec.title, title, [(column.header, column.width) for column in spec.columns], rows)


def write_export(uow: UnitOfWork, path: Path, on: date, under: str | None = None) -> dict[str, int]:
    """Write the data standing on a day (all, or under one unit) to an .xlsx file; return the rows per sheet.

    The merges' sheet is left out when there is no merge to list.
    """
    sheets = export_sheets(uow, on, under)
    subtitle = f" (số liệu ngày {format_date(on)})"
    written = [sheet for sheet in sheets if sheet.rows or sheet.spec is not MERGES]
    save_workbook([_content(sheet.spec, sheet.rows, subtitle) for sheet in written], path, output_guard(uow.database))
    return {sheet.spec.kind.value: len(sheet.rows) for sheet in sheets}


def workbook_file(location: Location, chosen: Path | str) -> Path:
    """Return the .xlsx file to write for a name chosen (.xlsx added when missing), never the database or a backup."""
    return workbook_target(chosen, output_guard(location))


def write_template_file(location: Location, chosen: Path | str) -> Path:
    """Write the empty exchange workbook to a name chosen (see workbook_file); return the file written."""
    guard = output_guard(location)
    path = workbook_target(chosen, guard)
    write_template(path, guard)
    return path


def write_template(path: Path, guard: OutputGuard) -> None:
    """Write the empty workbook to fill in, with a sheet that explains how to fill it."""
    guide_rows = [[line] for line in GUIDE] + [[]] + [
        [f"{spec.title} ▸ {column.header}", "bắt buộc" if column.required else ""]  # one cell: never a header
        for spec in (UNITS, CLUSTERS, CADRES, ASSIGNMENTS) for column in spec.columns
    ]
    guide = SheetContent("Hướng dẫn", "HƯỚNG DẪN NHẬP DỮ LIỆU", [("Trang ▸ cột", 40), ("", 10)], guide_rows)
    save_workbook([*(_content(spec, [], "") for spec in (UNITS, CLUSTERS, CADRES, ASSIGNMENTS)), guide], path, guard)
