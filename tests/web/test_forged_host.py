"""A forged Host header changes nothing anyone reads: every absolute link (Atom, iCal, the
API's `next` and `Link`) starts with SCHAATSRADAR_SITE_URL, for the forger and for every
reader after, whose answers may come from the response cache. Over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from schaatsradar.settings import Settings
from tests.web.served import serve
from tests.web.test_response_cache import LATER, first_news, ingest

SITE = "https://schaatsradar.example"
FORGED = {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http"}
PATHS = ("/atom", "/zoeken/atom?q=kok", "/kalender.ics", "/api/v1/articles?limit=1")


@pytest.fixture
def site(settings: Settings, tmp_path: Path) -> Iterator[str]:
    settings, folder = first_news(settings, tmp_path, site_url=SITE)
    ingest(settings, folder, "beune.txt", LATER)  # two articles: a list of one has a `next`
    with serve(settings) as url:
        yield url


def test_a_forged_host_neither_reaches_the_forger_nor_later_readers(site: str) -> None:
    for path in PATHS:
        forged = httpx.get(site + path, headers=FORGED)
        honest = httpx.get(site + path)
        assert forged.status_code == honest.status_code == 200, path
        for answer in (forged, honest):
            assert "evil.example" not in answer.text, path
            assert "evil.example" not in answer.headers.get("link", ""), path


def test_feeds_and_the_api_link_to_the_configured_site(site: str) -> None:
    atom = httpx.get(site + "/atom", headers=FORGED).text
    assert f'href="{SITE}/"' in atom and f"{SITE}/artikel/" in atom
    assert f"<id>{SITE}/atom</id>" in atom or f'href="{SITE}/atom"' in atom
    page = httpx.get(site + "/api/v1/articles?limit=1", headers={"Host": "evil.example"})
    body = page.json()
    assert body["next"].startswith("/api/v1/articles?limit=1&cursor=")  # relative: no host
    assert page.headers["link"] == f'<{body["next"]}>; rel="next"'
