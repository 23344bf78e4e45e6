"""A control character in a stored title, a publisher's name or a search must not break the
Atom feeds (XML 1.0 cannot hold it): the feeds leave it out and answer 200, over real HTTP.
The titles are changed in the database directly: articles stored before ingest mended such
text are still there."""

from __future__ import annotations

from collections.abc import Iterator

import feedparser
import httpx
import pytest

from schaatsradar.store import Store
from tests.web.accounts_site import REPORT_TITLE, Site, account_site, reader

BROKEN_TITLE = "Leerdam\x01 wint\x0b in\x1f Inzell"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with account_site(tmp_path_factory.mktemp("feed-characters")) as served:
        store = Store(served.settings.database_url)
        try:
            with store.write() as conn:  # as an older version of ingest stored them
                conn.exec_driver_sql(
                    "UPDATE articles SET title = ? WHERE title = ?", (BROKEN_TITLE, REPORT_TITLE)
                )
                conn.exec_driver_sql("UPDATE sources SET key = key || char(2)")
        finally:
            store.close()
        yield served


def _entries(answer: httpx.Response) -> list[str]:
    assert answer.status_code == 200, answer.text[:300]
    parsed = feedparser.parse(answer.content)
    assert not parsed.bozo, parsed.bozo_exception
    return [entry.title for entry in parsed.entries]


def test_the_site_feed_leaves_control_characters_out(site: Site) -> None:
    titles = _entries(httpx.get(f"{site.url}/atom"))
    assert "Leerdam wint in Inzell" in titles


def test_a_search_feed_leaves_control_characters_out(site: Site) -> None:
    assert _entries(httpx.get(f"{site.url}/zoeken/atom", params={"q": "Takagi"})) == [
        "Leerdam wint in Inzell"
    ]
    answer = httpx.get(f"{site.url}/zoeken/atom", params={"q": "Takagi\x01\x1b"})
    assert _entries(answer) == ["Leerdam wint in Inzell"]
    assert "\x01" not in feedparser.parse(answer.content).feed.title


def test_a_followers_private_feed_leaves_control_characters_out(site: Site) -> None:
    with reader(site) as someone:
        someone.post("/volgen", {"kind": "skater", "value": str(site.leerdam_id)})
        token = someone.personal_token(scope="feed")
        answer = httpx.get(f"{site.url}/mijn/atom", params={"token": token})
        assert _entries(answer) == ["Leerdam wint in Inzell"]
