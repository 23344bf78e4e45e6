"""Background commands (ingest, poll, the alert worker, …) run at a lower CPU priority than
the site, so that on a small machine the readers' requests get the cores first while an
ingest extracts (issue 14's soak: cached pages 2-3x slower during an ingest at equal
priority). Checked on the real `schaatsradar worker` process, as `ps -o ni` shows it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from schaatsradar.background import yield_cpu_to_site


def _worker(tmp_path: Path, start_nice: int = 0, **env: str) -> subprocess.Popen[bytes]:
    base = os.nice(0)
    preexec: Callable[[], None] | None = None
    if start_nice > base:

        def preexec() -> None:
            os.nice(start_nice - base)

    return subprocess.Popen(
        [sys.executable, "-m", "schaatsradar", "worker"],
        env={
            **os.environ,
            "SCHAATSRADAR_DATABASE_URL": f"sqlite:///{tmp_path / 'background.db'}",
            **env,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        preexec_fn=preexec,
    )


def _niceness_once_started(process: subprocess.Popen[bytes], tmp_path: Path) -> int:
    """The worker's niceness once it has opened its database (the priority is set before)."""
    deadline = time.monotonic() + 60
    while not (tmp_path / "background.db").exists():
        assert process.poll() is None, f"the worker exited with {process.returncode}"
        assert time.monotonic() < deadline, "the worker did not start in 60 s"
        time.sleep(0.05)
    return os.getpriority(os.PRIO_PROCESS, process.pid)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.mark.parametrize(
    ("setting", "start_nice", "expected"),
    [(None, 0, 10), ("7", 0, 7), ("10", 5, 10), ("10", 15, 15)],
    ids=["default", "as set", "started at 5", "started nicer: kept"],
)
def test_the_worker_runs_at_the_background_niceness(
    tmp_path: Path, setting: str | None, start_nice: int, expected: int
) -> None:
    """By default 10; as `SCHAATSRADAR_BACKGROUND_NICE` says; a command the operator started
    nicer (`nice -n 15 schaatsradar worker`) keeps that."""
    if os.nice(0) > start_nice:
        pytest.skip("the tests themselves run nicer than this case starts")
    env = {} if setting is None else {"SCHAATSRADAR_BACKGROUND_NICE": setting}
    process = _worker(tmp_path, start_nice, **env)
    try:
        assert _niceness_once_started(process, tmp_path) == expected
    finally:
        _stop(process)


def test_yielding_twice_does_not_add_up() -> None:
    """The niceness is a floor, not an increment: a process that yields again (a pool worker
    forked from an ingest) does not sink lower each time. Run in a child, since niceness
    can't be raised back without privileges."""
    code = (
        "from schaatsradar.background import yield_cpu_to_site as y; import os; "
        "base = os.nice(0); a = y(base + 3); b = y(base + 3); print(a - base, b - base)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["3", "3"]
    assert yield_cpu_to_site(0) == os.nice(0)
