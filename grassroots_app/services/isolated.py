"""Reads run in a worker process, so that national-size counting never holds the window's interpreter lock."""

from __future__ import annotations

import gc
import io
import multiprocessing
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable
from typing import IO, Any, TypeVar

from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.tempfiles import READ_PREFIX

T = TypeVar("T")
SLICE_ITEMS = 10_000  # a long list travels in slices of this many items: each unpickled in about 10 ms

_attached: dict[str, Database] = {}


BELOW_NORMAL_PRIORITY_CLASS = 0x4000  # Windows


def start_worker() -> None:
    """Prepare a worker process: yield the processor to the window, and end when the window's process ends."""
    _lower_priority()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_after, args=(parent,), daemon=True).start()


def _lower_priority() -> None:
    if sys.platform == "win32":
        import ctypes

        kernel = ctypes.windll.kernel32
        kernel.SetPriorityClass(kernel.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
    else:
        os.nice(10)


def _exit_after(parent: multiprocessing.process.BaseProcess) -> None:
    """Wait for the parent process to end (even killed or crashed), then end this one at once."""
    parent.join()
    os._exit(0)


def run_read(url: str, query: Callable[..., T], *args: Any) -> T:
    """Run a read use case on the database at the URL, inside the worker process, and return its result."""
    database = _attached.get(url)
    if database is None:
        database = _attached[url] = Database.attach(url)
    gc.disable()  # a read's objects die with it: collecting while it builds them only costs time
    try:
        with UnitOfWork(database) as uow:
            return query(uow, *args)
    finally:
        gc.enable()


def run_read_to_file(url: str, query: Callable[..., Any], *args: Any) -> str:
    """Run a read like run_read() and write its result, pickled, to a new temporary file; return its path.

    A file rather than the pool's pipe: the caller reads it back in one system call, without the pipe's
    many small copies, so that a large result does not hold up the caller's other threads.
    """
    result = run_read(url, query, *args)
    prefix = f"{READ_PREFIX}{os.getppid()}-"  # named after the window's process, which deletes it
    with tempfile.NamedTemporaryFile("wb", prefix=prefix, suffix=".pickle", delete=False) as file:
        try:
            dump_result(result, file)
        except BaseException:
            file.close()
            os.unlink(file.name)
            raise
    return file.name


def dump_result(result: Any, file: IO[bytes]) -> None:
    """Pickle a read's result to a file: a long list as its number of slices, then each slice; anything else as
    the sizes of its raw buffers (protocol 5: what pickles itself as `PickleBuffer`s), the buffers, then the rest."""
    if isinstance(result, list) and len(result) > SLICE_ITEMS:
        starts = range(0, len(result), SLICE_ITEMS)
        pickle.dump(len(starts), file, protocol=pickle.HIGHEST_PROTOCOL)
        for start in starts:
            pickle.dump(result[start:start + SLICE_ITEMS], file, protocol=pickle.HIGHEST_PROTOCOL)
        return
    buffers: list[pickle.PickleBuffer] = []
    rest = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL, buffer_callback=buffers.append)
    raw = [buffer.raw() for buffer in buffers]
    pickle.dump([len(memory) for memory in raw], file, protocol=pickle.HIGHEST_PROTOCOL)
    for memory in raw:
        file.write(memory)
    file.write(rest)


def load_result(file: IO[bytes], between_slices: Callable[[], None]) -> Any:
    """Unpickle a result written by dump_result, calling `between_slices` before each slice of a long list (the
    caller gives other threads their turn there: unpickling holds the interpreter lock).

    The slices are read in one call, each raw buffer in one call into its own bytes: the system copies them while
    the lock is free, and unpickling the rest takes them as they are.
    """
    head = pickle.load(file)
    if isinstance(head, int):
        slices = io.BytesIO(file.read())
        result: list[Any] = []
        for _slice in range(head):
            between_slices()
            result.extend(pickle.load(slices))
        return result
    buffers = [file.read(size) for size in head]
    return pickle.load(file, buffers=buffers)
