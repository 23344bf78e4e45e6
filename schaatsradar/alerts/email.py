"""E-mail delivery over SMTP: one alert is one message; several (the quiet hours' harvest) are
one digest. Building the message is separate from sending it (`build_message` is pure).

The Message-ID is derived from the alerts' idempotency keys, so a message sent twice after a
crash carries the same id and mail clients and the reader can tell it is the same one. SMTP
credentials never appear in the error strings the outbox keeps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

import aiosmtplib

from schaatsradar.alerts.message import Alert, Sent
from schaatsradar.settings import Settings

DIGEST_SUBJECT = {"nl": "Schaatsradar: {count} meldingen", "en": "Schaatsradar: {count} alerts"}


async def send_email(settings: Settings, to: str, alerts: list[Alert], language: str) -> Sent:
    """Send `alerts` to `to` as one message; not ok with the server's answer when refused."""
    sent_at = dt.datetime.now(dt.UTC)
    return await deliver(settings, build_message(settings.mail_from, to, alerts, language, sent_at))


async def deliver(settings: Settings, message: EmailMessage) -> Sent:
    """Send one built message over the configured SMTP server (alerts and account mail alike:
    one path, one place that keeps credentials out of error strings)."""
    password = settings.smtp_password.get_secret_value() if settings.smtp_password else None
    try:
        await aiosmtplib.send(
            message,
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=password,
            start_tls=settings.smtp_starttls,
            timeout=settings.smtp_timeout,
        )
    except aiosmtplib.SMTPRecipientsRefused as error:
        refused = "; ".join(f"{answer.code} {answer.message}" for answer in error.recipients)
        return Sent(ok=False, error=f"SMTP refused the recipient: {refused}")
    except aiosmtplib.SMTPResponseException as error:
        return Sent(ok=False, error=f"SMTP {error.code}: {error.message}")
    except aiosmtplib.SMTPException as error:
        return Sent(ok=False, error=f"SMTP {settings.smtp_host}:{settings.smtp_port}: {error}")
    except OSError as error:
        return Sent(ok=False, error=f"SMTP {settings.smtp_host}:{settings.smtp_port}: {error}")
    return Sent(ok=True)


def build_message(
    mail_from: str, to: str, alerts: list[Alert], language: str, sent_at: dt.datetime
) -> EmailMessage:
    """The message for `alerts`: the alert itself, or a digest listing each of several."""
    if not alerts:
        raise ValueError("an e-mail needs at least one alert")
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = to
    message["Subject"] = subject(alerts, language)
    message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = message_id(alerts, mail_from)
    message.set_content("\n\n".join(_paragraph(alert) for alert in alerts) + "\n")
    message["Content-Language"] = "en" if language == "en" else "nl"
    return message


def subject(alerts: list[Alert], language: str) -> str:
    if len(alerts) == 1:
        return alerts[0].title
    template = DIGEST_SUBJECT.get(language, DIGEST_SUBJECT["nl"])
    return template.format(count=len(alerts))


def message_id(alerts: list[Alert], mail_from: str) -> str:
    """`<hash of the keys@our domain>`: the same alerts always get the same id."""
    keys = "\n".join(alert.idempotency_key for alert in alerts)
    digest = hashlib.sha256(keys.encode("utf-8")).hexdigest()[:32]
    domain = Address(addr_spec=parseaddr(mail_from)[1]).domain or "schaatsradar.invalid"
    kind = "alert" if len(alerts) == 1 else "digest"
    return f"<{kind}.{digest}@{domain}>"


def _paragraph(alert: Alert) -> str:
    lines = [alert.title]
    if alert.body and alert.body != alert.title:
        lines.append(alert.body)
    if alert.url:
        lines.append(alert.url)
    return "\n".join(lines)
