"""Names and flags on the served pages (uvicorn on 127.0.0.1, the seeded database): Dutch
names on the Dutch site, English on the English one, flags from the site's own static files
named in the reader's language, and nothing that the CSP would block."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

import httpx
import pytest

from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.web.security import CSP
from tests.web.seeded_site import seeded_settings
from tests.web.served import add_own_articles, find_site_ids, serve


@dataclass(frozen=True)
class Site:
    url: str
    leerdam: str
    inzell_meet: int
    olympics: int  # a day of the Olympic Games (calendar)
    news_meet: int  # a meet the news made: "Wedstrijd in Milan"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("names")
    settings = seeded_settings(folder)
    add_own_articles(folder, settings)
    slug, _report, _script, inzell = find_site_ids(settings)
    store = Store(settings.database_url)
    try:
        with store.write() as conn:
            news_meet = kb.ensure_competition(
                conn,
                slug="2026-03-21-wedstrijd-in-milan",
                name="Wedstrijd in Milan",
                level=None,
                city="Milan",
                start_date=dt.date(2026, 3, 21),
                end_date=dt.date(2026, 3, 21),
                origin="news",
            )
        with store.read() as conn:
            days = kb.competitions_between(conn, dt.date(2026, 2, 7), dt.date(2026, 2, 8))
            olympics = next(c.id for c in days if c.name == "Olympic Games")
    finally:
        store.close()
    with serve(settings) as url:
        yield Site(url, slug, inzell, olympics, news_meet)


def page(site: Site, path: str, language: str = "nl") -> str:
    response = httpx.get(site.url + path, params={"lang": language})
    assert response.status_code == 200, (path, response.status_code)
    assert response.headers["content-security-policy"] == CSP
    return response.text


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


class Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


def flags(html: str) -> list[dict[str, str | None]]:
    parser = Images()
    parser.feed(html)
    return [image for image in parser.images if "flag" in (image.get("class") or "")]


def test_competition_names_are_dutch_on_the_dutch_site(site: Site):
    olympics = main_of(page(site, f"/wedstrijden/{site.olympics}"))
    assert "<h1>Olympische Spelen</h1>" in olympics
    assert "Milaan (Milano Speed Skating Stadium)" in olympics
    assert "Olympic Games" not in olympics and "Milan(" not in olympics
    calendar = main_of(page(site, "/kalender"))
    assert "Wereldbeker 1" in calendar and "Olympische Spelen" in calendar
    assert "World Cup" not in calendar and "Olympic Games" not in calendar
    assert "Milaan (Milano Speed Skating Stadium)" in calendar


def test_competition_names_are_english_on_the_english_site(site: Site):
    olympics = main_of(page(site, f"/wedstrijden/{site.olympics}", "en"))
    assert "<h1>Olympic Games</h1>" in olympics
    assert "Milan (Milano Speed Skating Stadium)" in olympics
    news_meet = page(site, f"/wedstrijden/{site.news_meet}", "en")
    assert "<h1>Meet in Milan</h1>" in news_meet
    assert "Wedstrijd" not in main_of(news_meet)
    assert "<h1>Wedstrijd in Milaan</h1>" in page(site, f"/wedstrijden/{site.news_meet}")


def test_the_feed_link_of_a_competition_uses_its_translated_name(site: Site):
    html = page(site, f"/wedstrijden/{site.olympics}")
    assert 'title="Nieuws over Olympische Spelen"' in html


def test_skater_page_names_her_country_with_its_flag(site: Site):
    dutch = main_of(page(site, f"/schaatsers/{site.leerdam}"))
    header = dutch[: dutch.index("</header>")]
    assert re.search(r'<img class="flag" src="/static/flags/nl.svg"[^>]*alt="">Nederland', header)
    english = main_of(page(site, f"/schaatsers/{site.leerdam}", "en"))
    assert "Netherlands" in english[: english.index("</header>")]
    assert "<td>staat<" not in dutch  # the record status is a clear word
    assert ">geldend<" in dutch


def test_results_tables_show_flags_named_in_the_readers_language(site: Site):
    dutch = flags(main_of(page(site, f"/wedstrijden/{site.inzell_meet}")))
    english = flags(main_of(page(site, f"/wedstrijden/{site.inzell_meet}", "en")))
    assert any(f["src"] == "/static/flags/nl.svg" and f["alt"] == "Nederland" for f in dutch)
    assert any(f["alt"] == "Netherlands" for f in english)
    assert all(f["alt"] for f in dutch), "a flag that stands alone names its country"
    assert "United States USA" not in main_of(page(site, "/"))


def test_every_flag_is_served_by_the_site_itself_as_svg(site: Site):
    shown: set[str] = set()
    for path in (
        "/",
        f"/wedstrijden/{site.inzell_meet}",
        f"/schaatsers/{site.leerdam}",
        "/records",
    ):
        shown |= {str(f["src"]) for f in flags(page(site, path))}
    assert len(shown) >= 2
    for src in shown:
        assert src.startswith("/static/flags/"), src  # same origin: CSP img-src 'self'
        response = httpx.get(site.url + src)
        assert response.status_code == 200, src
        assert response.headers["content-type"].startswith("image/svg+xml")


def test_rinks_on_the_records_page_in_the_readers_language(site: Site):
    dutch = page(site, "/records")
    assert "<script" not in main_of(dutch) and " style=" not in dutch
    english = page(site, "/records", "en")
    assert "Track records" in english
