"""E-mail alerts through a real SMTP server (aiosmtpd) on 127.0.0.1: one alert, a digest in
the reader's language, a stable Message-ID, and refusals reported with the server's answer."""

from __future__ import annotations

import asyncio
import email
import email.policy
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from schaatsradar.alerts.email import send_email
from schaatsradar.alerts.message import Sent
from schaatsradar.settings import Settings
from tests.alerts.conftest import closed_port, make_alert

READER = "lezer@example.org"


@dataclass
class Mailbox:
    """An SMTP handler that keeps what it accepts, or refuses every recipient."""

    refuse_with: str | None = None
    messages: list[tuple[str, list[str], EmailMessage]] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.refuse_with:
            return self.refuse_with
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted"


@contextmanager
def smtp_server(mailbox: Mailbox) -> Iterator[Settings]:
    port = closed_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield Settings(smtp_host="127.0.0.1", smtp_port=port, smtp_timeout=5)
    finally:
        controller.stop()


def test_one_alert_is_one_message_with_its_title_and_link():
    mailbox = Mailbox()
    with smtp_server(mailbox) as settings:
        sent = asyncio.run(send_email(settings, READER, [make_alert()], "nl"))

    assert sent == Sent(ok=True)
    ((sender, recipients, message),) = mailbox.messages
    assert sender == "alerts@schaatsradar.invalid" and recipients == [READER]
    assert message["Subject"] == "Leerdam wint de 1000 meter in Inzell"
    assert message["From"] == "Schaatsradar <alerts@schaatsradar.invalid>"
    text = message.get_content()
    assert "Jutta Leerdam won de 1000 meter in 1.12,84" in text
    assert "https://schaatsradar.invalid/wedstrijden/5#race-1" in text


def test_several_alerts_make_one_digest_in_the_readers_language():
    alerts = [make_alert(n, title=f"Uitslag {n}") for n in (1, 2, 3)]
    mailbox = Mailbox()
    with smtp_server(mailbox) as settings:
        dutch = asyncio.run(send_email(settings, READER, alerts, "nl"))
        english = asyncio.run(send_email(settings, READER, alerts, "en"))

    assert dutch.ok and english.ok
    (_, _, nl), (_, _, en) = mailbox.messages
    assert nl["Subject"] == "Schaatsradar: 3 meldingen"
    assert en["Subject"] == "Schaatsradar: 3 alerts"
    text = nl.get_content()
    for n in (1, 2, 3):
        assert f"Uitslag {n}" in text
        assert f"https://schaatsradar.invalid/wedstrijden/5#race-{n}" in text
    assert text.index("Uitslag 1") < text.index("Uitslag 2") < text.index("Uitslag 3")


def test_a_resent_message_has_the_same_message_id_and_another_does_not():
    mailbox = Mailbox()
    with smtp_server(mailbox) as settings:
        for alerts in (
            [make_alert(1)],
            [make_alert(1)],
            [make_alert(2)],
            [make_alert(1), make_alert(2)],
        ):
            assert asyncio.run(send_email(settings, READER, alerts, "nl")).ok

    ids = [message["Message-ID"] for _, _, message in mailbox.messages]
    assert ids[0] == ids[1]
    assert len({ids[0], ids[2], ids[3]}) == 3
    assert all(id_.startswith("<") and id_.endswith("@schaatsradar.invalid>") for id_ in ids)


def test_a_refused_recipient_is_a_failure_with_the_servers_answer():
    mailbox = Mailbox(refuse_with="550 5.1.1 No such user here")
    with smtp_server(mailbox) as settings:
        sent = asyncio.run(send_email(settings, READER, [make_alert()], "nl"))

    assert not sent.ok and not sent.gone
    assert "550" in (sent.error or "") and "No such user" in (sent.error or "")
    assert mailbox.messages == []


def test_an_unreachable_server_is_a_failure_that_keeps_the_password_out():
    settings = Settings(
        smtp_host="127.0.0.1",
        smtp_port=closed_port(),
        smtp_username="alerts",
        smtp_password="hunter2-secret",
        smtp_timeout=2,
    )
    sent = asyncio.run(send_email(settings, READER, [make_alert()], "nl"))

    assert not sent.ok
    assert f"127.0.0.1:{settings.smtp_port}" in (sent.error or "")
    assert "hunter2" not in (sent.error or "") and "hunter2" not in repr(settings)
