"""`schaatsradar worker` as a real process for the tests: started with an environment of the
test's settings, stopped as an operator stops it (SIGTERM), and never left running."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable

from schaatsradar.settings import Settings
from schaatsradar.store import Store, outbox

STOP_SECONDS = 20.0

Spawn = Callable[[dict[str, str]], "subprocess.Popen[bytes]"]  # the spawn_worker fixture


def worker_env(settings: Settings, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": settings.database_url,
        "SCHAATSRADAR_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32",
        "SCHAATSRADAR_WORKER_POLL_SECONDS": "0.05",
        **extra,
    }


def start_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "schaatsradar", "worker"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def wait_until_delivered(store: Store, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with store.read() as conn:
            left = outbox.counts(conn)
        if set(left) == {"delivered"}:
            return
        time.sleep(0.1)
    raise AssertionError(f"not all delivered after {seconds} s: {left}")


def stop(process: subprocess.Popen[bytes], seconds: float = STOP_SECONDS) -> str:
    """SIGTERM, the graceful stop, and what the worker printed. One that has not exited
    `seconds` later is killed and waited for before the test fails: a stop that times out
    must not leave a worker running on into the next tests (and their database)."""
    if process.poll() is None:
        process.terminate()
    try:
        output, _ = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        reap(process)
        raise AssertionError(
            f"worker {process.pid} still running {seconds} s after SIGTERM"
        ) from None
    return (output or b"").decode(errors="replace")


def reap(process: subprocess.Popen[bytes]) -> None:
    """Gone for certain: SIGKILL when still running, then waited for (no zombie) and its pipe
    closed."""
    if process.poll() is None:
        process.kill()
    process.communicate()
