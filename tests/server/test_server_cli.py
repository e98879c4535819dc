"""`grassroots server …` and `grassroots audit` on the throwaway server, as a new administrator would use them."""

from __future__ import annotations

import io
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.support import ENTRY, Cli, Result
from tests.engines import ENGINES, POSTGRESQL, Databases, dump, rows
from tests.server.test_row_security import security_findings

pytestmark = pytest.mark.skipif(POSTGRESQL not in ENGINES, reason="no PostgreSQL server can run here (Windows)")
PROVINCE, COMMUNE, OTHER = "Tỉnh Vĩnh Long", "Tỉnh Vĩnh Long/Xã Long Hồ", "Tỉnh Vĩnh Long/Xã Phú Quới"
HAMLET = f"{COMMUNE}/Ấp 1"


def _server(url: str, args: tuple[str, ...]) -> Result:
    """Run `grassroots server COMMAND … --url URL` (the administrator's, or a managing clerk's)."""
    return Cli("unused.sqlite")("server", *args, "--url", url)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """An office's SQLite file: a province, two communes, a hamlet, a cadre in charge of it, a rating."""
    cli = Cli(tmp_path / "office.sqlite")
    assert cli("init", "--model", "two-level").code == 0
    assert cli("units", "add", PROVINCE, "--from", "2025-07-01").code == 0
    for name in ("Xã Long Hồ", "Xã Phú Quới"):
        assert cli("units", "add", name, "--parent", PROVINCE, "--from", "2025-07-01").code == 0
    assert cli("units", "add", "Ấp 1", "--parent", COMMUNE, "--from", "2025-07-01").code == 0
    assert cli("cadres", "add", "Lê Văn Tám", "--tier", "commune").code == 0
    assert cli("assign", "Lê Văn Tám", HAMLET, "--from", "2025-08-01").code == 0
    return cli.db


@pytest.fixture
def empty(pg_databases: Databases) -> Iterator[str]:
    """A new empty database on the server: its administrator's URL."""
    url = pg_databases.create()
    yield url
    pg_databases.drop(url)


def _load(office: Path, url: str) -> None:
    assert _server(url, ("init",)).code == 0
    loaded = _server(url, ("load", str(office)))
    assert loaded.code == 0, loaded.err


def _add_clerk(url: str, monkeypatch: pytest.MonkeyPatch, login: str, *scope_and_flags: str,
               password: str = "mật khẩu") -> Result:
    """Add a clerk, the password on standard input."""
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return _server(url, ("add-clerk", login, *scope_and_flags, "--password-stdin"))


def test_init_is_idempotent_and_leaves_the_security_sound(empty: str) -> None:
    import psycopg  # noqa: PLC0415

    from tests.engines import driver_url  # noqa: PLC0415

    assert _server(empty, ("init",)).code == 0
    assert _server(empty, ("init",)).code == 0
    with psycopg.connect(driver_url(empty), autocommit=True) as admin:
        assert security_findings(admin) == []


def test_server_commands_refuse_a_file_and_create_nothing(tmp_path: Path) -> None:
    target = tmp_path / "khong-co.sqlite"
    refused = _server(str(target), ("init",))
    assert refused.code == 2 and "PostgreSQL" in refused.err
    assert not target.exists()


def test_load_keeps_every_row_and_id_and_refuses_a_second_load(office: Path, empty: str) -> None:
    _load(office, empty)
    for table in ("unit", "unit_link", "cadre", "assignment", "setting", "grasp_rule"):
        assert sorted(rows(empty, f"SELECT * FROM {table}")) == sorted(rows(office, f"SELECT * FROM {table}")), table
    before = dump(empty)
    again = _server(empty, ("load", str(office)))
    assert again.code == 2 and again.err.startswith("Lỗi: ")
    assert dump(empty) == before
    assert rows(empty, "SELECT count(*) FROM grassroots_server.audit_log") == [(0,)]  # a load is not row by row


def test_clerks_see_their_part_write_inside_it_and_are_audited(office: Path, empty: str, pg_databases: Databases,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _load(office, empty)
    assert _add_clerk(empty, monkeypatch, "lan", "--scope", COMMUNE).code == 0
    assert _add_clerk(empty, monkeypatch, "minh", "--scope", OTHER, "--read-only").code == 0
    listed = _server(empty, ("clerks", "--json"))
    assert [(c["login"], c["scope_names"], c["read_only"]) for c in json.loads(listed.out)] == [
        ("lan", ["Tỉnh Vĩnh Long / Xã Long Hồ"], False), ("minh", ["Tỉnh Vĩnh Long / Xã Phú Quới"], True)]
    name = empty.rsplit("/", 1)[1]
    lan = Cli(pg_databases.server.url(name, "lan", "mật khẩu"))
    minh = Cli(pg_databases.server.url(name, "minh", "mật khẩu"))
    assert [row["name"] for row in json.loads(lan("units", "list", "--under", PROVINCE, "--json").out)] == [
        "Xã Long Hồ"]
    assert [row["name"] for row in json.loads(minh("units", "list", "--under", PROVINCE, "--json").out)] == [
        "Xã Phú Quới"]
    added = lan("units", "add", "Ấp 2", "--parent", COMMUNE, "--from", "2026-01-01")
    assert added.code == 0, added.err
    for clerk, where in ((lan, OTHER), (minh, OTHER)):  # outside the scope, or read only: refused, nothing changed
        before = dump(empty)
        refused = clerk("units", "add", "Ấp 9", "--parent", where, "--from", "2026-01-01")
        assert refused.code == 2 and refused.err.startswith("Lỗi: "), refused
        assert dump(empty) == before
    mine = json.loads(lan("audit", "--by", "lan", "--json").out)
    assert {(entry["table"], entry["action"]) for entry in mine} == {("unit", "insert"), ("unit_link", "insert")}
    assert json.loads(minh("audit", "--json").out) == []  # lan's changes lie outside minh's scope
    assert len(json.loads(_server_audit(empty, "--under", COMMUNE).out)) == 2


def _server_audit(url: str, *args: str) -> Result:
    return Cli(url)("audit", *args, "--json")


def test_an_unknown_id_and_an_id_out_of_scope_get_the_same_answer(office: Path, empty: str, pg_databases: Databases,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _load(office, empty)
    assert _add_clerk(empty, monkeypatch, "lan", "--scope", COMMUNE).code == 0
    theirs = rows(empty, "SELECT id FROM unit WHERE name = 'Xã Phú Quới'")[0][0]
    unknown = "0" * 8 + theirs[8:]
    lan = Cli(pg_databases.server.url(empty.rsplit("/", 1)[1], "lan", "mật khẩu"))
    answers = [lan("units", "edit", unit_id, "--households", "5") for unit_id in (theirs, unknown)]
    assert [answer.code for answer in answers] == [2, 2]
    assert answers[0].err.replace(theirs, "ID") == answers[1].err.replace(unknown, "ID")


@pytest.mark.parametrize(("args", "words"), [
    (("Bad-Name", "--scope", COMMUNE), "không thể là tên đăng nhập"),
    (("lan", "--scope", "Tỉnh Không Có"), "Không tìm thấy"),
    (("lan",), "--scope"),
])
def test_add_clerk_refuses_bad_input_with_exit_2(office: Path, empty: str, monkeypatch: pytest.MonkeyPatch,
                                                 args: tuple[str, ...], words: str) -> None:
    _load(office, empty)
    refused = _add_clerk(empty, monkeypatch, *args)
    assert refused.code == 2 and words in refused.err, refused
    assert rows(empty, "SELECT count(*) FROM grassroots_server.clerk") == [(0,)]


def test_a_taken_login_and_an_empty_password_are_refused(office: Path, empty: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _load(office, empty)
    assert _add_clerk(empty, monkeypatch, "lan", "--scope", COMMUNE).code == 0
    assert _add_clerk(empty, monkeypatch, "lan", "--scope", OTHER).code == 2
    assert _add_clerk(empty, monkeypatch, "hoa", "--scope", OTHER, password="").code == 2
    assert rows(empty, "SELECT login FROM grassroots_server.clerk") == [("lan",)]


def test_a_manager_makes_clerks_only_inside_their_scope_and_no_more_than_they_hold(
        office: Path, empty: str, pg_databases: Databases, monkeypatch: pytest.MonkeyPatch) -> None:
    _load(office, empty)
    assert _add_clerk(empty, monkeypatch, "quan", "--scope", COMMUNE, "--manager").code == 0
    assert _add_clerk(empty, monkeypatch, "doc", "--scope", OTHER, "--manager", "--read-only").code == 0
    name = empty.rsplit("/", 1)[1]
    quan = pg_databases.server.url(name, "quan", "mật khẩu")
    doc = pg_databases.server.url(name, "doc", "mật khẩu")
    assert _add_clerk(quan, monkeypatch, "ap_mot", "--scope", HAMLET).code == 0
    assert _add_clerk(quan, monkeypatch, "tinh", "--scope", PROVINCE).code == 2  # above the manager's scope
    assert _add_clerk(quan, monkeypatch, "phu_quoi", "--scope", OTHER).code == 2  # beside it
    assert _add_clerk(doc, monkeypatch, "viet", "--scope", OTHER).code == 2  # writing, from a read-only manager
    assert _add_clerk(doc, monkeypatch, "xem", "--scope", OTHER, "--read-only").code == 0
    assert _server(quan, ("disable-clerk", "xem")).code == 2  # not in quan's scope
    assert _server(quan, ("disable-clerk", "ap_mot")).code == 0
    refused = Cli(pg_databases.server.url(name, "ap_mot", "mật khẩu"))("units", "list")
    assert refused.code == 2 and "từ chối" in refused.err
    assert {row[0] for row in rows(empty, "SELECT login FROM grassroots_server.clerk")} == {
        "quan", "doc", "ap_mot", "xem"}


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="a terminal is needed")
def test_a_clerk_without_a_password_in_the_url_is_asked_for_it(office: Path, empty: str, pg_databases: Databases,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _load(office, empty)
    assert _add_clerk(empty, monkeypatch, "lan", "--scope", COMMUNE).code == 0
    url = pg_databases.server.url(empty.rsplit("/", 1)[1], "lan", password=None)
    environment = {key: value for key, value in os.environ.items() if key != "PGPASSWORD"}
    for typed, code in (("mật khẩu", 0), ("sai", 2)):
        main, terminal = os.openpty()
        process = subprocess.Popen([str(ENTRY), "--db", url, "units", "list", "--under", PROVINCE], stdin=terminal,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment,
                                   start_new_session=True)
        prompt = _read_until(process, b": ")  # typed before the prompt, the terminal would drop it
        assert "lan" in prompt
        os.write(main, f"{typed}\n".encode())
        out, err = process.communicate(timeout=120)
        os.close(main)
        os.close(terminal)
        assert process.returncode == code, err.decode()
        assert ("Xã Long Hồ" in out.decode()) == (code == 0)
        assert typed not in out.decode() + err.decode()  # never echoed


def _read_until(process: subprocess.Popen[bytes], end: bytes) -> str:
    """Read the process's standard error until it ends with `end` (its prompt) and return it."""
    assert process.stderr is not None
    seen = b""
    while not seen.endswith(end):
        byte = process.stderr.read(1)
        assert byte, f"the program ended before asking: {seen!r}"
        seen += byte
    return seen.decode()


def test_a_clerks_search_starts_from_their_scope_and_finds_what_they_see(
        office: Path, empty: str, pg_databases: Databases, monkeypatch: pytest.MonkeyPatch) -> None:
    """The search of a clerk is planned from their scope: the same hits as searching every unit they may read."""
    from datetime import date  # noqa: PLC0415

    from grassroots_app.persistence.database import Database  # noqa: PLC0415
    from grassroots_app.persistence.uow import UnitOfWork  # noqa: PLC0415
    from grassroots_app.services import browse  # noqa: PLC0415

    _load(office, empty)
    assert _add_clerk(empty, monkeypatch, "lan", "--scope", COMMUNE).code == 0
    database = Database.attach(pg_databases.server.url(empty.rsplit("/", 1)[1], "lan", "mật khẩu"))
    try:
        assert database.scoped
        for text in ("ấp", "xã", "vĩnh", "phú quới", "1"):
            with UnitOfWork(database) as uow:
                scoped = [hit.path for hit in browse.search(uow, text, date(2026, 1, 1))]
                uow.browse.scoped = False  # every unit the row security lets through, filtered by the text alone
                plain = [hit.path for hit in browse.search(uow, text, date(2026, 1, 1))]
            assert scoped == plain, text
            assert not any("Phú Quới" in path for path in scoped)
    finally:
        database.close()
    assert not Database.attach(empty).scoped  # the administrator: no scope
