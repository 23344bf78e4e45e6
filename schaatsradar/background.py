"""Background commands give the cores to the site first.

`ingest`, `poll`, `reconcile`, `official poll` and the alert `worker` are throughput work:
extraction and reconciliation keep a core busy for seconds, and nobody waits on any one of
them by the millisecond. The site's readers do. On a small machine (two cores in the soak:
two ingests, a worker and the server) the kernel shares the cores evenly among runnable
processes, so a cached page that needs a millisecond of CPU waited behind the ingests'
time slices: cached p99 2-3x higher while an ingest ran. A background command therefore
raises its own niceness (`SCHAATSRADAR_BACKGROUND_NICE`, 10 by default) as it starts; the
server keeps the operator's, and wins the cores whenever it has work. The pool processes of
a big ingest inherit it."""

from __future__ import annotations

import os


def yield_cpu_to_site(niceness: int) -> int:
    """Run this process at a niceness of at least `niceness` (0: leave it as it is). Never
    lowers it: an operator who starts a command under `nice -n 19` keeps that. Returns the
    niceness the process runs at now."""
    current = os.nice(0)
    if niceness > current:
        current = os.nice(niceness - current)
    return current
