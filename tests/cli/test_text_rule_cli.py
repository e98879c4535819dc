"""The text rule at the command line: control and invisible characters and overlong text refused, field named."""

from __future__ import annotations

import pytest

from tests.cli.support import Cli

CASES = [
    (("units", "add", "Tổ\x071", "--parent", "20"), "Trường “tên” chứa ký tự điều khiển hoặc ký tự vô hình (U+0007)"),
    (("units", "add", "\u200b\u200b", "--parent", "20"), "(U+200B)"),
    (("units", "add", "Tổ 1", "--parent", "20", "--code", "9" * 21), "Trường “mã đơn vị” dài 21 ký tự"),
    (("units", "add", "Tổ 1", "--parent", "20", "--households", "150000001"), "tối đa 150.000.000"),
    (("cadres", "add", "Lê\x1b[31m Hoa", "--tier", "commune"), "(U+001B)"),
    (("cadres", "add", "\ufeff", "--tier", "commune"), "(U+FEFF)"),
    (("cadres", "add", "Lê Hoa", "--tier", "commune", "--position", "x" * 201), "Trường “chức vụ” dài 201 ký tự"),
    (("cadres", "add", "Lê Hoa", "--tier", "commune", "--workplace", "UBND\x0bxã"), "“nơi công tác”"),
    (("clusters", "add", "Cụm\x00", "--under", "20"), "(U+0000)"),
    (("units", "add", "\u3164", "--parent", "20"), "Trường “tên” chứa ký tự điều khiển hoặc ký tự vô hình (U+3164)"),
    (("cadres", "add", "\u0301\u0301", "--tier", "commune"), "Trường “tên” chỉ có dấu"),
    (("clusters", "add", "Cụm \ue000", "--under", "20"), "Trường “tên” chứa ký tự không có nghĩa chung (U+E000"),
    (("cadres", "add", "Lê Hoa\U0010ffff", "--tier", "commune"), "(U+10FFFF"),
    (("units", "add", "Tổ\ufdd0", "--parent", "20"), "(U+FDD0"),
    (("cadres", "add", "Lê Hoa", "--tier", "commune", "--position", "\u0378"), "“chức vụ”"),
]


@pytest.mark.parametrize("args, said", CASES, ids=[" ".join(args[:2]) + f" {n}" for n, (args, _) in enumerate(CASES)])
def test_bad_text_is_refused_with_exit_2_naming_the_field(cli: Cli, args: tuple[str, ...], said: str) -> None:
    assert cli("init", "--model", "two-level").code == 0
    assert cli("units", "add", "Tỉnh Lạng Sơn", "--code", "20", "--from", "2020-01-01").code == 0
    before = cli.dump()
    result = cli(*args)
    assert result.code == 2 and said in result.err and "Traceback" not in result.err, result.err
    assert cli.dump() == before
