"""The standard output's failures told apart: the reader left (quiet), or another fault of the output."""

from __future__ import annotations

import errno
import io
import os
import sys

import pytest

from grassroots_app.console import OutputFailed, guarded_output, reader_left


class Unwritable(io.StringIO):
    """A stream whose writes fail as a full disk's do."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failed_write_of_the_output_is_an_output_failure_and_the_stream_comes_back(
        monkeypatch: pytest.MonkeyPatch) -> None:
    stream = Unwritable()
    monkeypatch.setattr(sys, "stdout", stream)
    with pytest.raises(OutputFailed) as raised, guarded_output():
        print("Tỉnh Lai Châu")
    assert raised.value.error.errno == errno.ENOSPC
    assert sys.stdout is stream


@pytest.mark.parametrize(("error", "left"), [
    (OutputFailed(BrokenPipeError(errno.EPIPE, "Broken pipe")), True),
    (BrokenPipeError(errno.EPIPE, "Broken pipe"), True),
    (OutputFailed(OSError(errno.ENOSPC, "No space left on device")), False),
    (OSError(errno.EINVAL, "Invalid argument", "bản<sao.sqlite"), False),  # a file name Windows refuses
    (OutputFailed(OSError(errno.EINVAL, "Invalid argument")), os.name == "nt"),  # Windows' closed pipe
])
def test_only_a_closed_output_pipe_means_the_reader_left(error: BaseException, left: bool) -> None:
    assert reader_left(error) is left
