"""The report commands: a cluster's and an area's draft report as PDF and .xlsx, written whole or not at all."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import pypdf
import pytest

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.reports.formatting import place_and_date
from tests.cli.support import Cli
from tests.engines import NewDatabase

QUARTER = f"{DEMO_DATE.year}-Q{(DEMO_DATE.month - 1) // 3 + 1}"  # 2026-Q3, the demo's last quarter
PLACE = "Vĩnh Long"
SIGNER = "Nguyễn Văn An"


@pytest.fixture(scope="module")
def demo(request: pytest.FixtureRequest, engine: str, new_database: NewDatabase) -> Cli:
    """The demo data, built once for the module and engine: the report commands store nothing."""
    cli = Cli(new_database(request, engine))
    built = cli("demo")
    assert built.code == 0, built.err
    return cli


@pytest.fixture(scope="module")
def cluster(demo: Cli) -> dict:
    """The demo's first cluster as `clusters list --json` prints it."""
    return demo("clusters", "list", "--json").json()[0]


@pytest.fixture(scope="module")
def province(demo: Cli) -> dict:
    """The demo's province as `units list --json` prints it."""
    (root,) = demo("units", "list", "--json").json()
    return root


def pdf_text(path: Path) -> str:
    """Return the text of every page of a PDF."""
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def next_quarter(day: date) -> str:
    """Return the first quarter that begins after a day, as YYYY-Qn."""
    quarter = (day.month - 1) // 3 + 1
    return f"{day.year + 1}-Q1" if quarter == 4 else f"{day.year}-Q{quarter + 1}"


def test_cluster_report_writes_the_pdf_and_the_workbook(demo: Cli, cluster: dict, tmp_path: Path) -> None:
    before = demo.dump()
    pdf, workbook = tmp_path / "cum.pdf", tmp_path / "cum.xlsx"
    result = demo("report", "cluster", "--cluster", cluster["name"].lower(), "--quarter", QUARTER, "--out", str(pdf),
                  "--xlsx", str(workbook), "--place", PLACE, "--signer", SIGNER, "--on", "2026-10-05")
    assert result.code == 0, result.err
    assert str(pdf) in result.out and str(workbook) in result.out and cluster["name"] in result.out
    assert "Đã ghi dự thảo báo cáo quý 3/2026" in result.out
    assert pdf.read_bytes().startswith(b"%PDF")
    text = pdf_text(pdf)
    for words in ("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "quý III năm 2026", cluster["name"], SIGNER,
                  "Vĩnh Long, ngày 05 tháng 10 năm 2026"):
        assert words in text, words
    assert re.search(r"Số\s+-BC/", text), "a draft carries no number"
    sheets = openpyxl.load_workbook(workbook).sheetnames
    assert len(sheets) >= 5 and any("Phân công" in name for name in sheets)
    assert sorted(item.name for item in tmp_path.iterdir()) == ["cum.pdf", "cum.xlsx"]  # no temporary left
    assert demo.dump() == before


def test_cluster_report_by_id_prints_json(demo: Cli, cluster: dict, tmp_path: Path) -> None:
    pdf = tmp_path / "cum.pdf"
    result = demo("report", "cluster", "--cluster", cluster["id"], "--quarter", QUARTER, "--out", str(pdf), "--json")
    assert result.code == 0, result.err
    assert result.json() == {"pdf": str(pdf), "xlsx": None, "cluster": cluster["name"], "quarter": "2026-Q3"}
    assert pdf.read_bytes().startswith(b"%PDF")
    assert [item.name for item in tmp_path.iterdir()] == ["cum.pdf"]


def test_area_report_under_the_province_takes_its_place_and_today_by_default(
    demo: Cli, province: dict, tmp_path: Path
) -> None:
    pdf, workbook = tmp_path / "tinh.pdf", tmp_path / "tinh.xlsx"
    first = date.today()
    result = demo("report", "area", "--under", province["name"], "--quarter", QUARTER.replace("Q", "q"),
                  "--out", str(pdf), "--xlsx", str(workbook), "--signer", SIGNER, "--json")
    last = date.today()
    assert result.code == 0, result.err
    assert result.json() == {"pdf": str(pdf), "xlsx": str(workbook), "area": province["name"], "quarter": "2026-Q3"}
    text = pdf_text(pdf)
    place = province["name"].removeprefix("Tỉnh ").strip()
    assert any(place_and_date(place, day) in text for day in {first, last}), text[:400]
    first_page = pypdf.PdfReader(pdf).pages[0].extract_text()
    assert first_page.index(f"TỈNH ỦY {place.upper()}") < first_page.index("BAN TỔ CHỨC") < first_page.index("*")
    assert "ĐẢNG BỘ" not in first_page
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "BÁO CÁO" in text and SIGNER in text
    assert openpyxl.load_workbook(workbook).sheetnames


def test_an_existing_file_is_replaced_whole(demo: Cli, cluster: dict, tmp_path: Path) -> None:
    pdf = tmp_path / "cum.pdf"
    pdf.write_bytes(b"old")
    result = demo("report", "cluster", "--cluster", cluster["id"], "--quarter", QUARTER, "--out", str(pdf))
    assert result.code == 0, result.err
    assert pdf.read_bytes().startswith(b"%PDF")
    assert [item.name for item in tmp_path.iterdir()] == ["cum.pdf"]


def test_a_failed_write_leaves_no_file(
    demo: Cli, cluster: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("grassroots_app.reports.xlsx.write_xlsx", full_disk)
    result = demo("report", "cluster", "--cluster", cluster["id"], "--quarter", QUARTER,
                  "--out", str(tmp_path / "cum.pdf"), "--xlsx", str(tmp_path / "cum.xlsx"))
    assert result.code == 2
    assert f"Ổ đĩa chứa '{tmp_path / 'cum.xlsx'}' đã đầy" in result.err and "No space left" not in result.err
    assert result.out == "" and "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []  # the PDF written first was not kept either


def test_an_unexpected_failure_leaves_no_file_and_is_logged(
    demo: Cli, cluster: dict, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr("grassroots_app.reports.pdf.write_pdf", broken)
    log = tmp_path_factory.mktemp("log") / "grassroots.log"
    monkeypatch.setenv("GRASSROOTS_LOG_DIR", str(log.parent))
    result = demo("report", "cluster", "--cluster", cluster["id"], "--quarter", QUARTER,
                  "--out", str(tmp_path / "c.pdf"))
    assert result.code == 2 and "Traceback" not in result.err
    assert str(log) in result.err and result.err.count("\n") == 1
    assert "RuntimeError: renderer bug" in log.read_text(encoding="utf-8")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("cluster", "--cluster", "Cụm Không Có"), "Không tìm thấy cụm nào tên 'Cụm Không Có'"),
        (("cluster", "--cluster", "{cluster}", "--quarter", "2026-Q5"),
         "'2026-Q5' không phải là quý hợp lệ; hãy viết theo dạng 2026-Q3"),
        (("cluster", "--cluster", "{cluster}", "--quarter", "quý 3/2026"), "'quý 3/2026' không phải là quý"),
        (("cluster", "--cluster", "{cluster}", "--quarter", "{next}"), "chưa bắt đầu"),
        (("cluster", "--cluster", "{cluster}", "--out", "{missing_pdf}"), "Thư mục '{missing}' không tồn tại"),
        (("cluster", "--cluster", "{cluster}", "--xlsx", "{missing_xlsx}"), "Thư mục '{missing}' không tồn tại"),
        (("cluster", "--cluster", "{cluster}", "--out", "{tmp}"), "là một thư mục"),
        (("cluster", "--cluster", "{cluster}", "--on", "30/02/2026"), "'30/02/2026' không phải là ngày"),
        (("area", "--under", "Tỉnh Không Có"), "Không tìm thấy đơn vị 'Tỉnh Không Có'"),
        (("area", "--under", "{commune}"), "không lập cho xã"),
        (("area",), "--under"),
    ],
)
def test_bad_input_exits_2_names_the_problem_and_writes_nothing(
    demo: Cli, cluster: dict, province: dict, tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    commune = demo("units", "list", "--under", province["id"], "--json").json()[0]["id"]
    missing = tmp_path / "missing"
    values = {"cluster": cluster["id"], "next": next_quarter(date.today()), "tmp": str(tmp_path), "commune": commune,
              "missing": str(missing), "missing_pdf": str(missing / "c.pdf"), "missing_xlsx": str(missing / "c.xlsx")}
    given = [arg.format(**values) for arg in args]
    defaults = {"--quarter": QUARTER, "--out": str(tmp_path / "report.pdf")}
    given += [item for flag, value in defaults.items() if flag not in given for item in (flag, value)]
    before = demo.dump()
    result = demo("report", *given)
    assert result.code == 2
    assert words.format(**values) in result.err, result.err
    assert result.out == "" and "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []
    assert demo.dump() == before
