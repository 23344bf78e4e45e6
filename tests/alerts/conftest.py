"""Alerts as the worker hands them to channels, and a sender that may reach loopback."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
from collections.abc import Callable, Iterator

import pytest

from schaatsradar.alerts.message import Alert
from schaatsradar.settings import Settings
from tests.alerts.workers import reap, start_worker

OCCURRED = dt.datetime(2026, 1, 24, 15, 40)


def make_alert(number: int = 1, title: str = "Leerdam wint de 1000 meter in Inzell") -> Alert:
    return Alert(
        idempotency_key=f"delivery:{number}",
        event_kind="result.recorded",
        occurred_at=OCCURRED,
        title=title,
        body="Jutta Leerdam won de 1000 meter in 1.12,84, voor Miho Takagi.",
        url=f"https://schaatsradar.invalid/wedstrijden/5#race-{number}",
        payload={
            "type": "result.recorded",
            "title": title,
            "skater": "Jutta Leerdam",
            "time": "1.12,84",
            "url": f"https://schaatsradar.invalid/wedstrijden/5#race-{number}",
        },
    )


def loopback_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "allow_private_networks": ["127.0.0.1/32"],
        "delivery_timeout": 2.0,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def spawn_worker() -> Iterator[Callable[[dict[str, str]], subprocess.Popen[bytes]]]:
    """Starts `schaatsradar worker` processes and, when the test ends however it ends (an
    assertion before its stop, a stop that raised for the first of two), kills and waits for
    every one still running: no worker outlives its test."""
    started: list[subprocess.Popen[bytes]] = []

    def spawn(env: dict[str, str]) -> subprocess.Popen[bytes]:
        process = start_worker(env)
        started.append(process)
        return process

    yield spawn
    for process in started:
        reap(process)
