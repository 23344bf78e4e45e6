"""The web application. For now one page: the latest stories and a search box; the full site
(skater pages, records, calendar, API) builds on the same `create_app`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from schaatsradar.settings import Settings
from schaatsradar.store import Store, reading

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    store = Store(settings.database_url)
    app = FastAPI(title="Schaatsradar", docs_url=None, redoc_url=None)

    @app.get("/", response_class=HTMLResponse)
    @app.get("/zoeken", response_class=HTMLResponse)
    def home(
        request: Request,
        q: str = Query("", max_length=200),
        van: dt.date | None = None,
        tot: dt.date | None = None,
        taal: str | None = Query(None, max_length=8),
    ) -> HTMLResponse:
        query = q.strip()
        with store.read() as conn:
            if query:
                filters = reading.SearchFilters(van, tot, taal or None)
                articles = reading.search(conn, query, filters, limit=30)
            else:
                articles = reading.latest(conn, limit=30)
        return TEMPLATES.TemplateResponse(
            request, "home.html", {"articles": articles, "query": query}
        )

    return app
