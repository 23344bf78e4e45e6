"""An ingest killed with SIGKILL takes its worker processes with it: they used to wait on their
task queue forever, orphaned."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from schaatsradar.ingest.synth import write_synth


def _children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, parent = stat.rsplit(")", 1)[1].split()[:2]
        if int(parent) == pid and state != "Z":
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_killing_an_ingest_ends_its_worker_processes(settings, tmp_path: Path):
    write_synth(1000, tmp_path / "synth", seed=5)
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": settings.database_url,
        "SCHAATSRADAR_PARALLEL_AFTER": "0",
        "SCHAATSRADAR_INGEST_WORKERS": "2",
    }
    command = [sys.executable, "-m", "schaatsradar", "ingest", str(tmp_path / "synth")]
    ingest = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and ingest.poll() is None:
            assert time.monotonic() < deadline, "the ingest never started its workers"
            time.sleep(0.05)
            workers = _children(ingest.pid)
        assert ingest.poll() is None, "the ingest ended before it could be killed"
        ingest.send_signal(signal.SIGKILL)
        ingest.wait()
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [pid for pid in workers if _alive(pid)] == []
    finally:
        for pid in workers:  # only what this test started, should the assertion have failed
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
