"""The e-mail an account sends about itself: confirm a new account, "you already have one"
(registering an address that has an account: the page says the same either way, the owner
hears of it here), confirm an address for alerts, and reset a password. Built by a pure
function in the reader's language, sent over the same SMTP path as alert e-mail."""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from schaatsradar.alerts.email import deliver
from schaatsradar.alerts.message import Sent
from schaatsradar.settings import Settings

TEXTS = {
    "activate": {
        "nl": (
            "Bevestig je Schaatsradar-account",
            "Welkom bij Schaatsradar! Volg deze link om je account te bevestigen en in te "
            "loggen:\n\n{link}\n\nDe link werkt {hours} uur. Heb je geen account aangevraagd? "
            "Negeer dan deze e-mail.",
        ),
        "en": (
            "Confirm your Schaatsradar account",
            "Welcome to Schaatsradar! Follow this link to confirm your account and sign in:"
            "\n\n{link}\n\nThe link works for {hours} hours. Did you not ask for an account? "
            "Then ignore this e-mail.",
        ),
    },
    "already": {
        "nl": (
            "Je hebt al een Schaatsradar-account",
            "Iemand (misschien jij) probeerde een account te maken met dit e-mailadres, maar "
            "je hebt er al een. Log in op {site}/account/inloggen of kies een nieuw wachtwoord "
            "via {site}/account/wachtwoord-vergeten.\n\nWas jij het niet? Dan hoef je niets "
            "te doen: er is niets veranderd.",
        ),
        "en": (
            "You already have a Schaatsradar account",
            "Someone (perhaps you) tried to make an account with this e-mail address, but you "
            "already have one. Sign in at {site}/account/inloggen or choose a new password at "
            "{site}/account/wachtwoord-vergeten.\n\nWas it not you? Then there is nothing to "
            "do: nothing has changed.",
        ),
    },
    "channel": {
        "nl": (
            "Bevestig je e-mailadres voor Schaatsradar-meldingen",
            "Iemand met een Schaatsradar-account wil meldingen naar dit adres laten sturen. "
            "Volg deze link om dat te bevestigen:\n\n{link}\n\nDe link werkt {hours} uur. "
            "Zonder bevestiging krijg je geen meldingen; heb je niets aangevraagd, negeer dan "
            "deze e-mail.",
        ),
        "en": (
            "Confirm your e-mail address for Schaatsradar alerts",
            "Someone with a Schaatsradar account wants alerts sent to this address. Follow "
            "this link to confirm:\n\n{link}\n\nThe link works for {hours} hours. Without "
            "confirmation no alerts are sent; if you asked for nothing, ignore this e-mail.",
        ),
    },
    "reset": {
        "nl": (
            "Nieuw wachtwoord voor Schaatsradar",
            "Volg deze link om een nieuw wachtwoord te kiezen:\n\n{link}\n\nDe link werkt "
            "{minutes} minuten en één keer. Heb je dit niet gevraagd? Negeer dan deze e-mail; "
            "je wachtwoord blijft hetzelfde.",
        ),
        "en": (
            "A new password for Schaatsradar",
            "Follow this link to choose a new password:\n\n{link}\n\nThe link works for "
            "{minutes} minutes, once. Did you not ask for this? Then ignore this e-mail; your "
            "password stays the same.",
        ),
    },
}


def account_mail(
    settings: Settings, to: str, kind: str, language: str, link: str = ""
) -> EmailMessage:
    """The message of `kind` (a key of TEXTS) to `to`, with `link` in it."""
    subject, body = TEXTS[kind]["en" if language == "en" else "nl"]
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    domain = Address(addr_spec=parseaddr(settings.mail_from)[1]).domain or "schaatsradar.invalid"
    message["Message-ID"] = f"<account.{secrets.token_hex(16)}@{domain}>"
    message["Content-Language"] = "en" if language == "en" else "nl"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(
        body.format(
            link=link,
            site=settings.site_url.rstrip("/"),
            hours=f"{settings.confirm_link_hours:g}",
            minutes=f"{settings.reset_link_minutes:g}",
        )
        + "\n"
    )
    return message


def send(settings: Settings, message: EmailMessage) -> Sent:
    """Send from synchronous code (the pages' handlers run in worker threads, no loop)."""
    return asyncio.run(deliver(settings, message))
