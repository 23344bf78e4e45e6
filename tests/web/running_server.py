"""`schaatsradar serve` as an operator runs it: its own process on a free port of 127.0.0.1,
its log in a file, so a test can measure the server's memory and read what it logged."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Served:
    url: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def rss_bytes(self) -> int:
        """The server process's resident memory now."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise AssertionError("no VmRSS for the server")

    def logged(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(folder: Path, **settings: str) -> Iterator[Served]:
    """`schaatsradar serve` on a fresh SQLite file in `folder`; `settings` become
    SCHAATSRADAR_* environment variables (e.g. max_body_bytes="1000")."""
    port = free_port()
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": f"sqlite:///{folder / 'served.db'}",
        **{f"SCHAATSRADAR_{name.upper()}": value for name, value in settings.items()},
    }
    log = folder / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "schaatsradar", "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        yield Served(f"http://127.0.0.1:{port}", port, process, log)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
