"""The API's documentation page works offline and under the site's own CSP: Swagger UI's
files come from the site, not a CDN, and are started by a script file, not an inline one.
Checked over HTTP, and in Chromium (skipped where /usr/bin/chromium is missing)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.web.app import create_app
from schaatsradar.web.security import CSP
from tests.web.served import serve_app

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = Settings(database_url=f"sqlite:///{tmp_path_factory.mktemp('docs') / 'site.db'}")
    store = Store(settings.database_url)
    store.upgrade()
    store.close()
    with serve_app(create_app(settings)) as served:
        yield served


def test_the_docs_page_loads_only_files_of_the_site(url: str):
    page = httpx.get(url + "/api/v1/docs")
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == CSP
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(source.startswith("/") for source in sources), sources
    assert "<script>" not in page.text  # no inline script: the CSP would block it
    for source in sources:
        answer = httpx.get(url + source)
        assert answer.status_code == 200, source
    bundle = httpx.get(url + "/static/api-docs/swagger-ui-bundle.js")
    assert "javascript" in bundle.headers["content-type"]
    assert "SwaggerUIBundle" in bundle.text
    assert httpx.get(url + "/api/v1/").json()["docs"] == "/api/v1/docs"


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed")
def test_swagger_ui_draws_the_operations_in_a_browser(url: str):
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            page = browser.new_page()
            page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
            page.on(
                "console",
                lambda message: problems.append(message.text) if message.type == "error" else None,
            )
            page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
            page.goto(url + "/api/v1/docs")
            page.wait_for_selector(".opblock", timeout=20_000)
            assert page.locator(".opblock").count() > 20
            assert page.get_by_text("/api/v1/skaters", exact=True).count() >= 1
        finally:
            browser.close()
    assert problems == []
