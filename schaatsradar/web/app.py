"""The web application: pages (Dutch by default, English on request), the JSON API under
`/api/v1`, and Atom and iCal feeds — three routers on one app, one store."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from schaatsradar.accounts import passwords
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.web import (
    account_pages,
    account_trust_pages,
    api,
    api_docs,
    api_me,
    error_pages,
    feeds,
    following,
    index_pages,
    pages,
    private_feed,
    push_routes,
    stream,
)
from schaatsradar.web.body_limit import BodyLimit, document_limits
from schaatsradar.web.head import HeadAsGet
from schaatsradar.web.rendering import settle_memory
from schaatsradar.web.response_cache import ResponseCache
from schaatsradar.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"


def favicon() -> FileResponse:
    """Browsers and feed readers ask for /favicon.ico whatever the page links."""
    return FileResponse(
        STATIC / "favicon.ico",
        media_type="image/x-icon",
        headers={"Cache-Control": "public, max-age=86400"},
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="Schaatsradar API",
        version="1",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # our own page: see api_docs
        redoc_url=None,
        exception_handlers=error_pages.EXCEPTION_HANDLERS,
    )
    app.state.settings = settings
    store = app.state.store = Store(settings.database_url)
    passwords.limit_concurrency(settings.max_concurrent_password_hashes)
    # Outermost last: security headers on everything, request bodies held to their limits
    # (before anything reads them), HEAD as GET, a 500 page for what fails, then the kept
    # copies.
    if settings.response_cache:
        # PostgreSQL's version is a network read: off the event loop (`shared_read`).
        off_loop = store.backend != "sqlite"
        app.add_middleware(ResponseCache, data_version=store.data_version, off_loop=off_loop)
    app.add_middleware(error_pages.ServerErrorPage)
    app.add_middleware(HeadAsGet)
    app.add_middleware(BodyLimit, settings=settings)
    document_limits(app)
    app.add_middleware(SecurityHeaders)
    # Before the API router: it ends in a catch-all 404 for unknown /api/v1 paths.
    app.include_router(api_docs.router)
    app.include_router(push_routes.router)
    app.include_router(stream.router)
    app.include_router(api_me.router, prefix="/api/v1")
    app.include_router(api.router, prefix="/api/v1")
    app.include_router(feeds.router)
    app.include_router(account_pages.router)
    app.include_router(account_trust_pages.router)
    app.include_router(private_feed.router)
    app.include_router(following.router)
    app.include_router(index_pages.router)
    app.include_router(pages.router)
    app.add_api_route("/favicon.ico", favicon, methods=["GET"], include_in_schema=False)
    app.mount(api_docs.ASSETS_PATH, api_docs.assets(), name="api-docs")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    settle_memory()
    return app


def app_from_environment() -> FastAPI:
    """The app as each `schaatsradar serve --workers N` process builds it (uvicorn's import
    string `schaatsradar.web.app:app_from_environment`, `--factory`): every process reads the
    same `SCHAATSRADAR_*` environment it inherited, so all serve one database with one site
    URL and one set of secrets. An app object cannot be handed to processes uvicorn spawns;
    a factory that reads the environment is what each of them can call for itself."""
    return create_app(Settings())
