"""`grassroots template | export | import` on real files: Vietnamese messages, JSON, exit 2 and nothing changed."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.cli.support import Cli


def set_up(cli: Cli) -> None:
    assert cli("init", "--model", "two-level").code == 0
    assert cli("units", "add", "Tỉnh Lạng Sơn", "--code", "20", "--from", "2020-01-01").code == 0
    assert cli("units", "add", "Xã Tân Đoàn", "--parent", "20", "--code", "06010", "--from", "2020-01-01").code == 0


def units_sheet(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Đơn vị"
    sheet.append(["Đơn vị cấp trên", "Tên đơn vị", "Từ ngày"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_the_template_holds_every_sheet_and_a_guide(cli: Cli, tmp_path: Path) -> None:
    result = cli("template", "--out", str(tmp_path / "mau.xlsx"))
    assert result.code == 0 and "mau.xlsx" in result.out
    book = load_workbook(tmp_path / "mau.xlsx", read_only=True)
    assert book.sheetnames == ["Đơn vị", "Cụm", "Cán bộ", "Phân công", "Hướng dẫn"]
    header = next(book["Cán bộ"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert header[:3] == ("Mã định danh", "Họ và tên", "Năm sinh")
    assert cli("init", "--model", "two-level").code == 0
    untouched = cli("import", str(tmp_path / "mau.xlsx"), "--dry-run", "--json")
    assert untouched.code == 0 and untouched.json()["counts"]["new"] == 0
    assert [(i["sheet"], i["warning"]) for i in untouched.json()["issues"]] == [("Hướng dẫn", True)]


def test_a_dry_run_then_an_import(cli: Cli, tmp_path: Path) -> None:
    set_up(cli)
    path = units_sheet(tmp_path / "thon.xlsx", [["Tỉnh Lạng Sơn / Xã Tân Đoàn", "Thôn Bản Nầm", "01/01/2024"]])
    before = cli.dump()
    checked = cli("import", str(path), "--dry-run", "--json")
    assert checked.code == 0 and checked.json()["counts"]["new"] == 1 and not checked.json()["committed"]
    assert cli.dump() == before
    done = cli("import", str(path))
    assert done.code == 0 and "1 dòng: thêm 1, sửa 0, 0 không đổi (bỏ qua), 0 bị từ chối." in done.out
    assert "Đã nhập xong." in done.out
    listed = cli("units", "list", "--under", "06010")
    assert "Thôn Bản Nầm" in listed.out


def test_errors_are_named_in_vietnamese_and_nothing_changes(cli: Cli, tmp_path: Path) -> None:
    set_up(cli)
    path = units_sheet(tmp_path / "thon.xlsx", [["Tỉnh Lạng Sơn / Xã Tân Đoàn", "Thôn 1", "01/01/2024"],
                                                ["Tỉnh Lạng Sơn / Xã Không Có", "Thôn 2", "32/01/2024"]])
    before = cli.dump()
    result = cli("import", str(path))
    assert result.code == 2
    assert "Trang 'Đơn vị', dòng 3, cột 'Từ ngày' (C): '32/01/2024'" in result.out
    assert "không phải là ngày" in result.out and "Chưa nhập gì" in result.out
    assert "cơ sở dữ liệu không thay đổi" in result.err
    assert cli.dump() == before
    issues = cli("import", str(path), "--json").json()["issues"]
    assert [(i["row"], i["column"], i["letter"]) for i in issues] == [(3, "Từ ngày", "C")]


def test_export_writes_the_data_of_a_day(cli: Cli, tmp_path: Path) -> None:
    set_up(cli)
    result = cli("export", "--out", str(tmp_path / "ra"), "--on", "2026-01-01", "--json")
    assert result.code == 0 and result.json()["rows"]["units"] == 2
    rows = list(load_workbook(tmp_path / "ra.xlsx", read_only=True)["Đơn vị"].iter_rows(values_only=True))
    assert rows[0][0] == "DANH SÁCH ĐƠN VỊ HÀNH CHÍNH (số liệu ngày 01/01/2026)"
    assert [row[3] for row in rows[2:]] == ["Tỉnh Lạng Sơn", "Xã Tân Đoàn"]


def test_bad_files_and_places_are_refused(cli: Cli, tmp_path: Path) -> None:
    set_up(cli)
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    assert cli("import", str(tmp_path / "a.pdf")).code == 2
    assert cli("import", str(tmp_path / "none.xlsx")).code == 2
    refused = cli("export", "--out", str(tmp_path / "no" / "x.xlsx"))
    assert refused.code == 2 and "no" in refused.err
    assert cli("export", "--out", str(tmp_path / "x.xlsx"), "--under", "Tỉnh Không Có").code == 2
