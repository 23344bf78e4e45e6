"""Alerts as the worker hands them to channels, and a sender that may reach loopback."""

from __future__ import annotations

import datetime as dt
import socket

from schaatsradar.alerts.message import Alert
from schaatsradar.settings import Settings

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
