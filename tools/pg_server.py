"""A throwaway PostgreSQL server for the tests and benchmarks: the OS's PostgreSQL, a temporary folder, loopback.

    python3 tools/pg_server.py            start one, print its administrator URL, stop it on Enter

The server binaries come from the operating system's packages (`postgresql`); on a Debian or Ubuntu machine
without them they are installed with apt-get when we may (as root, or through sudo without a password).
PostgreSQL refuses to run as root: then the server runs as the `postgres` user the package made.
Only the standard library is used here.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ADMIN = "grassroots_admin"
ADMIN_PASSWORD = "throwaway-admin"  # noqa: S105 - a server on loopback that lives as long as one run
SYSTEM_USER = "postgres"
START_TIMEOUT = 60


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server can be run on this machine (its binaries are missing and cannot be installed)."""


def _bin_dir() -> Path | None:
    """Return the folder of the newest installed PostgreSQL server binaries, if any."""
    on_path = shutil.which("pg_ctl")
    if on_path is not None:
        return Path(on_path).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


def _is_root() -> bool:
    """Whether this process runs as the POSIX superuser (never so on Windows)."""
    if sys.platform == "win32":
        return False
    return os.geteuid() == 0


def _install() -> None:
    """Install the OS's PostgreSQL server with apt-get (as root, or through sudo without a password)."""
    if shutil.which("apt-get") is None:
        raise ServerUnavailable("PostgreSQL is not installed and this machine has no apt-get to install it")
    prefix = [] if _is_root() else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "postgresql"]):
        if subprocess.run([*prefix, *command], env=env, check=False).returncode != 0:
            raise ServerUnavailable(f"could not install PostgreSQL: {' '.join(command)} failed")


def server_binaries() -> Path:
    """Return the folder of PostgreSQL's server binaries, installing them from the OS packages when missing."""
    found = _bin_dir()
    if found is None:
        _install()
        found = _bin_dir()
    if found is None:
        raise ServerUnavailable("PostgreSQL's server binaries were not found after installing it")
    return found


def _free_port() -> int:
    """Return a loopback port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """Return the command run as the server's user: root may not run PostgreSQL."""
    if _is_root():
        return ["runuser", "-u", SYSTEM_USER, "--", *command]
    return command


@dataclass
class Server:
    """A running throwaway server: its folder, port and administrator (a superuser with a SCRAM password)."""

    folder: Path
    port: int
    binaries: Path
    databases: int = field(default=0)

    def url(self, database: str = "postgres", user: str = ADMIN, password: str | None = ADMIN_PASSWORD) -> str:
        """Return the SQLAlchemy URL of a database on this server for a login (with its password, if given)."""
        secret = f":{password}" if password is not None else ""
        return f"postgresql+psycopg://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the administrator through psql; return what it printed."""
        env = {**os.environ, "PGPASSWORD": ADMIN_PASSWORD}
        command = [str(self.binaries / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                   "-h", "127.0.0.1", "-p", str(self.port), "-U", ADMIN, "-d", database, "-c", sql]
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout

    def create_database(self, template: str | None = None) -> str:
        """Create a new empty database (a copy of `template`, if given) and return its name."""
        self.databases += 1
        name = f"db_{os.getpid()}_{self.databases}"
        copy = f" TEMPLATE {template}" if template else ""
        self.psql(f"CREATE DATABASE {name}{copy}")
        return name

    def stop(self) -> None:
        """Stop the server at once and remove its folder."""
        subprocess.run(_as_server_user([str(self.binaries / "pg_ctl"), "-D", str(self.folder / "data"),
                                        "-m", "immediate", "-w", "stop"]), check=False, capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def _configure(data: Path, port: int, sockets: Path) -> None:
    """Write the settings of a small, fast, loopback-only server that asks every client for its password."""
    settings = {
        "listen_addresses": "'127.0.0.1'", "port": str(port), "unix_socket_directories": f"'{sockets}'",
        "password_encryption": "'scram-sha-256'", "fsync": "off", "synchronous_commit": "off",
        "full_page_writes": "off", "max_connections": "200", "shared_buffers": "128MB",
        "log_min_messages": "fatal",
    }
    with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.writelines(f"{name} = {value}\n" for name, value in settings.items())
    (data / "pg_hba.conf").write_text(
        "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n", encoding="utf-8")


def start(parent: Path | None = None) -> Server:
    """Start a new throwaway server in a temporary folder (under `parent`, if given) and return it."""
    binaries = server_binaries()
    folder = Path(tempfile.mkdtemp(prefix="grassroots-pg-", dir=parent))
    data, sockets = folder / "data", folder / "run"
    sockets.mkdir()
    secret = folder / "admin-password"
    secret.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")
    if _is_root():
        folder.chmod(0o755)
        shutil.chown(folder, SYSTEM_USER)
        shutil.chown(sockets, SYSTEM_USER)
        shutil.chown(secret, SYSTEM_USER)
    subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(data), "-U", ADMIN, "-E", "UTF8",
                                    "--locale=C.UTF-8", "--auth=scram-sha-256", f"--pwfile={secret}"]),
                   check=True, capture_output=True)
    port = _free_port()
    _configure(data, port, sockets)
    subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                                    "-w", "-t", str(START_TIMEOUT), "start"]), check=True, capture_output=True)
    server = Server(folder, port, binaries)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            server.psql("SELECT 1")
            return server
        except subprocess.CalledProcessError:
            if time.monotonic() > deadline:
                server.stop()
                raise
            time.sleep(0.2)


if __name__ == "__main__":
    running = start()
    print(running.url(), flush=True)
    try:
        sys.stdin.readline()
    finally:
        running.stop()
