"""Importing the rows of the units and clusters sheets, under the same rules as units typed in the window."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from grassroots_app.domain import hierarchy
from grassroots_app.domain.errors import N_, DomainError, InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.model import Assignment, Cadre, Cluster, Level, Preset, Unit, UnitAttributes
from grassroots_app.domain.rules import GraspRule
from grassroots_app.domain.sheets import ID, ID_LENGTH, parse_count, parse_date, parse_flag, parse_level
from grassroots_app.domain.text import fold
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import clusters
from grassroots_app.services.assignments import Target
from grassroots_app.services.sheet_index import FLUSH_EVERY, UnitIndex
from grassroots_app.services.sheet_rows import RowContext, RowFailed
from grassroots_app.services.units import NewUnit, build_unit, check_attributes, check_code, stage_unit_edit

COUNTS = ("households", "population", "party_members")


@dataclass
class Job:
    """What every row of one import shares: the transaction, the preset, the units seen so far."""

    uow: UnitOfWork
    preset: Preset
    index: UnitIndex
    rules: tuple[GraspRule, ...] = ()
    clusters: dict[tuple[str, str], Cluster] = field(default_factory=dict)
    cadres: dict[str, Cadre] = field(default_factory=dict)
    targets: dict[str, Target] = field(default_factory=dict)
    held: dict[str, list[Assignment]] = field(default_factory=dict)
    claimed: dict[str, int] = field(default_factory=dict)  # unit id -> the row that stands for it
    new_clusters: set[str] = field(default_factory=set)
    stored_assignments: set[str] = field(default_factory=set)  # ids the assignments sheet gives that are stored
    pending: list[Assignment] = field(default_factory=list)  # new assignments not yet written
    cadre_rows: dict[str, int] = field(default_factory=dict)  # cadre id -> the row of the file that stands for it
    namesakes: dict[str, list[tuple[int, tuple[int | None, str]]]] = field(default_factory=dict)  # folded name -> rows without id
    assignment_rows: dict[str, int] = field(default_factory=dict)  # assignment id -> its row in the file

    def assignments_on(self, target_id: str) -> list[Assignment]:
        """Return a place's assignments, stored and added so far (a place new in this import has none stored)."""
        held = self.held.get(target_id)
        if held is None:
            new = target_id in self.index.added or target_id in self.new_clusters
            held = self.held[target_id] = [] if new else self.uow.assignments.for_target(target_id)
        return held

    def add_assignment(self, assignment: Assignment) -> None:
        """Stage a new assignment (written in batches) and count it on its place."""
        self.assignments_on(assignment.target_id).append(assignment)
        self.pending.append(assignment)
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write the staged new units and assignments into the transaction."""
        self.index.flush()
        self.uow.assignments.add_many(self.pending)
        self.pending = []


def new_record_id(row: RowContext, given: str) -> str | None:
    """Return the id a sheet gives a new record (kept so records travel between offices), or None."""
    if given and len(given) > ID_LENGTH:
        row.issue(ID, InvalidInput(N_("'{value}' is not an id: ids are at most {limit} characters."),
                                   value=given, limit=ID_LENGTH))
        raise RowFailed
    return given or None


def find_unit(job: Job, row: RowContext, path_key: str, code_key: str) -> Unit | None:
    """Return the unit a row names by official code or path (code first); None when both are empty."""
    code = row.text(code_key)
    if code:
        with row.blame(code_key):
            found = job.index.by_code(code)
            if found is None:
                raise NotFound(N_("No unit bears the official code {code}."), code=code)
            return found
    path = row.text(path_key)
    if not path:
        return None
    with row.blame(path_key):
        return job.index.resolve_path(path)


def _attributes(row: RowContext, stored: UnitAttributes) -> UnitAttributes:
    """Return the unit's attributes: the sheet's columns where it has them, the stored values elsewhere."""
    values = {key: row.read(key, parse_count) if row.has(key) else getattr(stored, key) for key in COUNTS}
    remote = row.read("remote", parse_flag) if row.has("remote") else stored.is_remote
    row.stop_if_failed()
    attributes = UnitAttributes(bool(remote), **values)
    try:
        check_attributes(attributes)
    except DomainError:
        for key in COUNTS:
            with row.blame(key):
                check_attributes(UnitAttributes(False, **{key: values[key]}))
    return attributes


def import_unit(job: Job, row: RowContext) -> None:
    """Match a units-sheet row by id, official code or path; add the unit or stage its changed fields."""
    name = row.require("name")
    level = row.read("level", parse_level)
    start = row.read("start", parse_date)
    row.stop_if_failed()
    parent = find_unit(job, row, "parent", "parent_code")
    code = row.text("code") or None
    existing, by_key = _matching_unit(job, row, name, parent, code)
    if level is not None:
        with row.blame("level"):
            hierarchy.check_parent(job.preset, level, parent.level if parent else None)
            if existing is not None and existing.level is not level:
                raise RuleViolation(N_("'{name}' is a {actual} in the database, not a {level}."),
                                    name=existing.name, actual=existing.level, level=level)
    if existing is None:
        existing = _add_unit(job, row, name, parent, code, start)
    else:
        _update_unit(job, row, existing, name if by_key else existing.name, code)
    job.claimed[existing.id] = row.outcome.row


def _matching_unit(
    job: Job, row: RowContext, name: str, parent: Unit | None, code: str | None
) -> tuple[Unit | None, bool]:
    """Return the unit a row stands for (by id, official code, then path) and whether id or code found it."""
    given = row.text(ID)
    by_id = job.index.get(given) if given else None
    existing = by_id or (job.index.by_code(code) if code else None)
    if existing is None:
        with row.blame("name"):
            existing = job.index.child_named(parent.id if parent else None, name, name)
            if existing is not None and existing.id in job.claimed:
                hierarchy.check_sibling_name(name, [existing.name])
        return existing, False
    if existing.id in job.claimed:
        _refuse_second_claim(row, existing, ID if by_id else "code")
    if parent is not None and existing.parent_id != parent.id:
        row.issue("parent", RuleViolation(
            N_("'{name}' is under another unit in the database; move it in the window, with the day of the move."),
            name=existing.name))
        raise RowFailed
    return existing, True


def _refuse_second_claim(row: RowContext, unit: Unit, key: str) -> None:
    """Refuse a row naming, by id or official code, a unit an earlier row of the file already stands for."""
    if key == "code":
        row.issue(key, RuleViolation(N_("The official code {code} already belongs to '{name}'."),
                                     code=unit.code, name=unit.name))
    else:
        row.issue(key, RuleViolation(N_("The id {id} is already used by an earlier row."), id=unit.id))
    raise RowFailed


def _add_unit(job: Job, row: RowContext, name: str, parent: Unit | None, code: str | None, start: date | None) -> Unit:
    unit_id = new_record_id(row, row.text(ID))
    attributes = _attributes(row, UnitAttributes())
    if start is None:
        if parent is None:
            row.issue("start", InvalidInput(N_("A unit at the top of the hierarchy needs its start date.")))
            raise RowFailed
        start = parent.period.start
    parent_id = parent.id if parent else None
    holder = job.index.by_code(code) if code else None
    clashes = job.index.clashing_names(parent_id, name, start)
    new = NewUnit(name, parent_id, start, row.text("kind") or None, code, attributes)
    default_kind = None if new.kind else job.index.default_kind(parent, job.preset)
    try:
        unit = build_unit(job.preset, new, parent, clashes, holder, unit_id, default_kind)
    except DomainError:
        _blame_new_unit(job, row, new, parent, clashes, holder)
        raise
    job.index.add(unit)
    row.settle(unit.name, new=True)
    return unit


def _blame_new_unit(
    job: Job, row: RowContext, new: NewUnit, parent: Unit | None, clashes: list[str], holder: Unit | None
) -> None:
    """Pin the refusal of a new unit to its column, checking one column at a time (stops with the row)."""
    with row.blame("parent"):
        level = hierarchy.child_level(job.preset, parent.level) if parent else Level.PROVINCE
        if level is None and parent is not None:
            raise RuleViolation(N_("A {level} cannot have units under it."), level=parent.level)
    if new.kind and level is not None:
        with row.blame("kind"):
            hierarchy.clean_kind(level, new.kind)
    with row.blame("code"):
        check_code(new.code, holder, None)
    with row.blame("name"):
        hierarchy.check_sibling_name(hierarchy.clean_name(new.name), clashes)
    with row.blame("parent"):
        build_unit(job.preset, new, parent, clashes, holder)


def _update_unit(job: Job, row: RowContext, unit: Unit, name: str, code: str | None) -> None:
    attributes = _attributes(row, unit.attributes)
    changes: dict[str, object] = {}
    if name != unit.name:
        changes["name"] = name
    kind = row.text("kind")
    if kind:
        with row.blame("kind"):
            if hierarchy.clean_kind(unit.level, kind) != unit.kind:
                changes["kind"] = kind
    if row.has("code") and code != unit.code:
        with row.blame("code"):
            check_code(code, job.index.by_code(code) if code else None, unit.id)
        changes["code"] = code or ""
    if attributes != unit.attributes:
        changes["attributes"] = attributes
    if changes:
        with row.blame("name"):
            job.index.flush()
            updated = stage_unit_edit(job.uow, unit.id, **changes)  # type: ignore[arg-type]
        job.index.changed(updated)
    keys = {"attributes": [key for key in (*COUNTS, "remote") if _differs(key, attributes, unit.attributes)]}
    row.settle(unit.name, [column for change in changes for column in keys.get(change, [change])])


def _differs(key: str, new: UnitAttributes, old: UnitAttributes) -> bool:
    field_name = "is_remote" if key == "remote" else key
    return bool(getattr(new, field_name) != getattr(old, field_name))


def import_cluster(job: Job, row: RowContext) -> None:
    """Match a clusters-sheet row's cluster (adding it when new) and put its commune into it."""
    name = row.require("name")
    start = row.read("start", parse_date)
    joined = row.read("joined", parse_date)
    row.stop_if_failed()
    parent = find_unit(job, row, "parent", "")
    if parent is None:
        row.require("parent")
        return
    cluster, is_new, renamed = _cluster(job, row, name, parent, start)
    commune = find_unit(job, row, "commune", "commune_code")
    joins = commune is not None and not any(
        member == commune.id for member in job.uow.clusters.members(cluster.id, joined or date.today()))
    if commune is not None and joins:
        day = joined or max(cluster.period.start, commune.period.start)
        with row.blame("commune"):
            clusters.stage_member(job.uow, cluster.id, commune.id, day)
    label = f"{cluster.name} – {commune.name}" if commune else cluster.name
    row.settle(label, ["name"] if renamed else [], new=is_new or joins)


def _cluster(
    job: Job, row: RowContext, name: str, parent: Unit, start: date | None
) -> tuple[Cluster, bool, bool]:
    """Return the row's cluster (by id, else by name under its parent), whether this row adds or renames it."""
    given = row.text(ID)
    key = (parent.id, given or fold(name))
    known = job.clusters.get(key)
    if known is not None:
        return known, False, False
    found = job.uow.clusters.get(given) if given else None
    if found is None:
        same_name = [c for c in job.uow.clusters.all(parent.id) if c.period.end is None and fold(c.name) == fold(name)]
        found = same_name[0] if same_name else None
    is_new, renamed = found is None, False
    if found is None:
        cluster_id = new_record_id(row, given)
        with row.blame("name"):
            found = clusters.stage_cluster(job.uow, name, parent.id, start or parent.period.start, cluster_id)
        job.new_clusters.add(found.id)
    elif found.name != name:
        with row.blame("name"):
            found = clusters.stage_rename(job.uow, found.id, name)
        renamed = True
    job.clusters[key] = found
    return found, is_new, renamed
