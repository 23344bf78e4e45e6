"""A small site for the account tests: the reference data, one race report about Jutta
Leerdam ingested with extraction and reconciled (so `article_subjects` says it is about her),
and one article that only names her in its text (ingested without extraction: no facts).
Served by uvicorn over real HTTP on 127.0.0.1, with the reader's day fixed.

Readers are httpx clients with their own cookie jars; `Reader` registers and signs in the way
a browser does (a form post with this site's Origin)."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import httpx
from fastapi import FastAPI

from schaatsradar.extract.registry import norm_name
from schaatsradar.knowledge.book import load_reference, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.web import pages
from schaatsradar.web.app import create_app
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
    settings = Settings(
        database_url=f"sqlite:///{folder / 'accounts.db'}",
        extract_on_ingest=True,
        allow_private_networks=["127.0.0.0/8"],
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
            yield Site(url, settings, leerdam.id, leerdam.slug, result.competition_id)
    finally:
        app.state.store.close()


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

    def register(self, password: str = PASSWORD) -> httpx.Response:
        return self.client.post(
            "/account/registreren",
            data={"email": self.email, "password": password, "next": "/mijn"},
            headers={"Origin": self.site.url},
        )

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

    def personal_token(self, name: str = "feedlezer") -> str:
        page = self.post("/mijn/tokens", {"name": name})
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
