"""The HTML pages (Jinja2 templates, htmx for the live parts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from schaatsradar.store import Store, reading
from schaatsradar.web import deps

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
@router.get("/zoeken", response_class=HTMLResponse)
def home(
    request: Request,
    store: Annotated[Store, Depends(deps.store)],
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
    return TEMPLATES.TemplateResponse(request, "home.html", {"articles": articles, "query": query})
