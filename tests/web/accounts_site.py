"""A small site for the account tests: the reference data, one race report about Jutta
Leerdam ingested with extraction and reconciled (so `article_subjects` says it is about her),
and one article that only names her in its text (ingested without extraction: no facts).
Served by uvicorn over real HTTP on 127.0.0.1, with the reader's day fixed.

Readers are httpx clients with their own cookie jars; `Reader` registers and signs in the way
a browser does (a form post with this site's Origin). The site's mail goes to a real SMTP
server (aiosmtpd) whose mailbox the tests read: registering follows the mailed link."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from itertools import count
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from aiosmtpd.controller import Controller
from fastapi import FastAPI

from schaatsradar.extract.registry import norm_name
from schaatsradar.knowledge.book import load_reference, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.web import pages
from schaatsradar.web.app import create_app
from tests.alerts.conftest import closed_port
from tests.alerts.test_email import Mailbox
from tests.conftest import NOW, run_ingest, seed_file
from tests.web.served import serve_app

TODAY = dt.date(2026, 1, 26)
PASSWORD = "schaatsen-op-natuurijs"
REPORT_TITLE = "Leerdam wint in Inzell"
REPORT = (
    f"{REPORT_TITLE}\n\nJutta Leerdam heeft zaterdag in Inzell de 1000 meter gewonnen in "
    "1.12,84. Miho Takagi werd tweede in 1.13,10."
)
CHATTER_TITLE = "Schaatspraat uit de kantine"
CHATTER = f"{CHATTER_TITLE}\n\nIedereen had het in de kantine over Jutta Leerdam en haar schaatsen."
_emails = count(1)


@dataclass(frozen=True)
class Site:
    url: str
    settings: Settings
    leerdam_id: int
    leerdam_slug: str
    inzell_meet: int
    mailbox: Mailbox

    def mail_to(self, address: str) -> list[EmailMessage]:
        return [message for _, to, message in self.mailbox.messages if to == [address]]

    def link_in_last_mail_to(self, address: str) -> str:
        """The path and query of the site link in the newest mail to `address`."""
        text = self.mail_to(address)[-1].get_content()
        found = re.search(r"https?://\S+\?t=\S+", text)
        assert found is not None, text
        parts = urlsplit(found.group(0))
        return f"{parts.path}?{parts.query}"


def fill(folder: Path, settings: Settings) -> None:
    store = Store(settings.database_url)
    try:
        store.upgrade()
        with store.write() as conn:
            load_reference(conn)
        seed_file(folder / "krant", "leerdam.txt", "2026-01-24", REPORT)
        assert not run_ingest(store, settings, folder / "krant").rejected
        plain = settings.model_copy(update={"extract_on_ingest": False})
        seed_file(folder / "blad", "praat.txt", "2026-01-25", CHATTER)
        assert not run_ingest(store, plain, folder / "blad").rejected
        reconcile_pending(store, NOW)
    finally:
        store.close()


def account_app(settings: Settings) -> FastAPI:
    """The site's app with the account routers, put ahead of the public API's catch-all
    (needed only until web/app.py includes them itself)."""
    from schaatsradar.web import account_pages, api_me, following

    app = create_app(settings)
    if not any(getattr(route, "path", "") == "/mijn" for route in app.router.routes):
        before = len(app.router.routes)
        app.include_router(api_me.router, prefix="/api/v1")
        app.include_router(account_pages.router)
        app.include_router(following.router)
        added = app.router.routes[before:]
        del app.router.routes[before:]
        app.router.routes[0:0] = added
    app.dependency_overrides[pages.reader_today] = lambda: TODAY
    return app


@contextmanager
def account_site(folder: Path, **overrides: object) -> Iterator[Site]:
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=closed_port())
    smtp.start()
    settings = Settings(
        database_url=overrides.pop("database_url", None) or f"sqlite:///{folder / 'accounts.db'}",
        extract_on_ingest=True,
        allow_private_networks=["127.0.0.0/8"],
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_timeout=5,
        **overrides,  # type: ignore[arg-type]
    )
    fill(folder, settings)
    store = Store(settings.database_url)
    try:
        with store.read() as conn:
            leerdam = kb.skater_by_key(conn, norm_name("Jutta Leerdam"))
            assert leerdam is not None
            [result] = [r for r in kb.results(conn, skater_id=leerdam.id) if r.city == "Inzell"]
    finally:
        store.close()
    app = account_app(settings)
    try:
        # Uvicorn trusts no proxy headers here, so what the app makes of X-Forwarded-Proto is
        # the app's own doing.
        with serve_app(app, proxy_headers=False) as url:
            yield Site(url, settings, leerdam.id, leerdam.slug, result.competition_id, mailbox)
    finally:
        app.state.store.close()
        smtp.stop()


def new_email() -> str:
    return f"lezer{next(_emails)}-{time.monotonic_ns()}@example.org"


class Reader:
    """One browser: a cookie jar, and the CSRF token of the pages it last saw."""

    def __init__(self, site: Site, email: str | None = None) -> None:
        self.site = site
        self.email = email or new_email()
        self.client = httpx.Client(base_url=site.url, timeout=30, follow_redirects=False)

    def close(self) -> None:
        self.client.close()

    def ask_to_register(self, password: str = PASSWORD) -> httpx.Response:
        """The registration form's post: "check your mail", or the form again (400)."""
        return self.client.post(
            "/account/registreren",
            data={"email": self.email, "password": password, "next": "/mijn"},
            headers={"Origin": self.site.url},
        )

    def follow_link(self, path: str, **fields: str) -> httpx.Response:
        """Open a mailed link and press its page's one button (the way a reader does)."""
        page = self.client.get(path)
        assert page.status_code == 200, page.text
        token = re.search(r'name="t" value="([^"]+)"', page.text)
        assert token is not None, page.text
        action = re.search(r'<form class="account-form" method="post" action="([^"]+)"', page.text)
        assert action is not None
        return self.client.post(
            action.group(1), data={"t": token.group(1), **fields}, headers={"Origin": self.site.url}
        )

    def register(self, password: str = PASSWORD) -> httpx.Response:
        """Register and confirm through the mailed link: the 303 that signs in, or the
        form's refusal."""
        asked = self.ask_to_register(password)
        if asked.status_code != 200:
            return asked
        return self.follow_link(self.site.link_in_last_mail_to(self.email))

    def sign_in(self, password: str = PASSWORD) -> httpx.Response:
        return self.client.post(
            "/account/inloggen",
            data={"email": self.email, "password": password, "next": "/mijn"},
            headers={"Origin": self.site.url},
        )

    def csrf(self) -> str:
        page = self.client.get("/mijn")
        assert page.status_code == 200, page.status_code
        found = re.search(r'<meta name="csrf-token" content="([^"]+)">', page.text)
        assert found is not None
        return found.group(1)

    def post(self, path: str, data: dict[str, object], csrf: bool = True) -> httpx.Response:
        fields = {**data, "csrf_token": self.csrf()} if csrf else data
        return self.client.post(path, data=fields)  # type: ignore[arg-type]

    def personal_token(self, name: str = "feedlezer", scope: str = "api") -> str:
        """A new token: "api" for the reader's API, "feed" for the private Atom feed."""
        page = self.post("/mijn/tokens", {"name": name, "scope": scope})
        assert page.status_code == 200, page.text
        found = re.search(r'<p class="secret">(srp_[^<]+)</p>', page.text)
        assert found is not None
        return found.group(1)


@contextmanager
def reader(site: Site, register: bool = True) -> Iterator[Reader]:
    someone = Reader(site)
    try:
        if register:
            assert someone.register().status_code == 303
        yield someone
    finally:
        someone.close()
