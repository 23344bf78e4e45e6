"""The API's documentation page, `/api/v1/docs`: Swagger UI from files the site serves itself.

FastAPI's own docs page loads Swagger UI from a CDN and starts it with an inline script; the
site's Content-Security-Policy allows neither (scripts and styles from this site only, no
inline script), so the page stayed blank. Here the Swagger UI bundle comes from the
`fastapi-offline` package (which keeps a current copy of Swagger UI's files) under
`/static/api-docs/`, and the page starts it from a script file of our own,
`/static/api-docs.js`: the CSP stays as it is.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from schaatsradar.web.rendering import TEMPLATES

DOCS_PATH = "/api/v1/docs"
OPENAPI_PATH = "/api/v1/openapi.json"
ASSETS_PATH = "/static/api-docs"

router = APIRouter(include_in_schema=False)


def assets() -> StaticFiles:
    """Swagger UI's bundle and stylesheet, as the package installs them."""
    return StaticFiles(packages=[("fastapi_offline", "static")])


@router.get(DOCS_PATH, response_class=HTMLResponse)
def docs() -> HTMLResponse:
    page = (TEMPLATES / "api_docs.html").read_text(encoding="utf-8")
    return HTMLResponse(page, headers={"Cache-Control": "public, max-age=3600"})
