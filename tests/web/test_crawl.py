"""Every page a reader can reach by following links, over real HTTP: the demo site (as
`make run` builds it) and a site with nothing in it yet. No answer may be a server error and
no internal link may be broken (a 4xx after redirects).

The crawl starts at the home page and follows every `href` and `src` on this host, as a Dutch
reader. A link's `lang` and `next` parameters are left out of what counts as a page (`next`
only says where sign-in returns to), so each page is fetched once; then every HTML page the
crawl found is fetched again as an English reader (its links are the same)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import httpx
import pytest

from schaatsradar.settings import Settings
from schaatsradar.store import Store
from tests.web.demo_site import demo_settings
from tests.web.served import serve

PER_PAGE_QUERY_LEFT_OUT = {"lang", "next"}
TODAY = dt.date(2026, 2, 10)  # in the middle of the demo's season, during the Games


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def page_key(base: str, page: str, link: str) -> str | None:
    """The link as a path and query on this site, or None when it leads elsewhere."""
    target = urlsplit(urljoin(base + page, link))
    if f"{target.scheme}://{target.netloc}" != base or target.scheme not in ("http", "https"):
        return None
    query = [(k, v) for k, v in parse_qsl(target.query) if k not in PER_PAGE_QUERY_LEFT_OUT]
    return target.path + (f"?{urlencode(query)}" if query else "")


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(demo_settings(tmp_path_factory.mktemp("crawl")), today=TODAY) as url:
        yield url


@pytest.fixture(scope="module")
def empty_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Migrated, nothing loaded: not even the reference data."""
    folder: Path = tmp_path_factory.mktemp("empty")
    settings = Settings(database_url=f"sqlite:///{folder / 'empty.db'}")
    store = Store(settings.database_url)
    store.upgrade()
    store.close()
    with serve(settings, today=TODAY) as url:
        yield url


@dataclass
class Crawl:
    status: dict[str, int]  # every page reached
    html: list[str]  # the pages that are HTML
    broken: list[str]  # "page -> link (status)"


def crawl(base: str, language: str) -> Crawl:
    status: dict[str, int] = {}
    html: list[str] = []
    linked_from: dict[str, str] = {}
    queue = ["/"]
    headers = {"Accept-Language": language}
    with httpx.Client(base_url=base, headers=headers, follow_redirects=True, timeout=30) as client:
        while queue:
            page = queue.pop()
            answer = client.get(page)
            client.cookies.clear()  # a ?lang link would set the language for what follows
            status[page] = answer.status_code
            if answer.status_code != 200 or "text/html" not in answer.headers["content-type"]:
                continue
            html.append(page)
            links = Links()
            links.feed(answer.text)
            for link in links.found:
                key = page_key(base, page, link)
                if key is not None and key not in status and key not in linked_from:
                    linked_from[key] = page
                    queue.append(key)
    broken = [
        f"{linked_from.get(page, '(start)')} -> {page} ({code})"
        for page, code in sorted(status.items())
        if code >= 400
    ]
    return Crawl(status, html, broken)


@pytest.fixture(scope="module")
def demo_crawl(demo_url: str) -> Crawl:
    return crawl(demo_url, "nl")


def test_every_linked_page_of_the_demo_site_answers(demo_crawl: Crawl):
    assert [page for page, code in demo_crawl.status.items() if code >= 500] == []
    assert demo_crawl.broken == []
    # The crawl reached every kind of page.
    for kind in ("/artikel/", "/schaatsers/", "/wedstrijden/", "/records", "/kalender", "/atom"):
        assert any(page.startswith(kind) for page in demo_crawl.status), kind
    assert {"/schaatsers", "/wedstrijden", "/favicon.ico"} <= set(demo_crawl.status)
    assert len(demo_crawl.html) > 250


def test_every_page_of_the_demo_site_answers_in_english(demo_url: str, demo_crawl: Crawl):
    failed = []
    with httpx.Client(base_url=demo_url, headers={"Accept-Language": "en"}, timeout=30) as client:
        for page in demo_crawl.html:
            answer = client.get(page)
            if answer.status_code != 200 or '<html lang="en">' not in answer.text:
                failed.append(f"{page} ({answer.status_code})")
    assert failed == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_linked_page_of_an_empty_site_answers(empty_url: str, language: str):
    found = crawl(empty_url, language)
    assert found.broken == []
    assert {"/", "/schaatsers", "/wedstrijden", "/kalender", "/records"} <= set(found.status)
