"""The index pages over real HTTP on the demo site: `/schaatsers` (most recently active
first, narrowed by country, gender and distance, paged) and `/wedstrijden` (a season's
competitions, at a level), both in the menu and linked from the API."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import httpx
import pytest

from tests.web.demo_site import demo_settings
from tests.web.served import serve

TODAY = dt.date(2026, 2, 10)  # the demo's season, during the Games
NEXT_SEASON = dt.date(2026, 12, 7)  # a season the demo knows nothing of


@pytest.fixture(scope="module")
def urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The demo site on a day of its season, and on a day of the next one."""
    settings = demo_settings(tmp_path_factory.mktemp("index"))
    with serve(settings, today=TODAY) as url, serve(settings, today=NEXT_SEASON) as later:
        yield url, later


@pytest.fixture(scope="module")
def url(urls: tuple[str, str]) -> str:
    return urls[0]


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def skater_rows(html: str) -> list[tuple[str, str]]:
    """(slug, last active) per row of the skaters table."""
    return re.findall(
        r'<th scope="row"><a href="/schaatsers/([^"]+)">.*?</th>\s*<td>[^<]*</td>\s*<td>(.*?)</td>',
        main_of(html),
        re.S,
    )


def get(url: str, path: str, **params: str) -> str:
    answer = httpx.get(url + path, params=params)
    assert answer.status_code == 200, (path, params, answer.status_code)
    return answer.text


def test_both_index_pages_are_in_the_menu_in_either_language(url: str):
    dutch = get(url, "/")
    assert '<a href="/schaatsers">Schaatsers</a>' in dutch
    assert '<a href="/wedstrijden">Wedstrijden</a>' in dutch
    english = get(url, "/schaatsers", lang="en")
    assert '<a href="/schaatsers" aria-current="page">Skaters</a>' in english
    assert '<a href="/wedstrijden">Competitions</a>' in english


def test_skaters_come_most_recently_active_first(url: str):
    html = get(url, "/schaatsers")
    assert "<h1>Schaatsers</h1>" in html
    rows = skater_rows(html)
    assert len(rows) == 50  # one page
    days = [re.search(r'datetime="([\d-]+)"', active) for active in (a for _s, a in rows)]
    dated = [found.group(1) for found in days if found]
    assert dated and dated == sorted(dated, reverse=True)
    assert re.search(r"\d+ schaatsers, de laatst actieve eerst", html)


def test_skaters_narrow_by_country_gender_and_distance(url: str):
    dutch_women = main_of(get(url, "/schaatsers", land="NED", geslacht="women"))
    assert "/schaatsers/jutta-leerdam" in dutch_women
    assert "/schaatsers/jordan-stolz" not in dutch_women  # American
    assert "/schaatsers/kjeld-nuis" not in dutch_women  # a man
    assert '<option value="NED" selected>Nederland</option>' in dutch_women
    raced_1000 = skater_rows(get(url, "/schaatsers", afstand="1000m"))
    assert raced_1000 and len(raced_1000) < 20
    assert "jutta-leerdam" in {slug for slug, _active in raced_1000}
    everyone = get(url, "/schaatsers", land="XYZ", geslacht="kinderen", afstand="7m")
    assert "Filters wissen" not in main_of(everyone)  # values it does not know: no filter
    assert len(skater_rows(everyone)) == 50


def test_skaters_are_paged(url: str):
    first, second = get(url, "/schaatsers"), get(url, "/schaatsers", pagina="2")
    assert 'href="/schaatsers?pagina=2" rel="next"' in first
    assert 'rel="prev"' not in first
    assert 'href="/schaatsers" rel="prev"' in second
    assert not {s for s, _ in skater_rows(first)} & {s for s, _ in skater_rows(second)}
    filtered = get(url, "/schaatsers", geslacht="men")
    assert "geslacht=men&amp;pagina=2" in filtered  # the filters stay on the next page
    beyond = get(url, "/schaatsers", pagina="999")
    assert skater_rows(beyond) == []
    assert "Geen schaatsers gevonden" in beyond
    assert skater_rows(get(url, "/schaatsers", pagina="-1")) == skater_rows(first)


def test_competitions_of_the_season_at_a_level(url: str):
    html = main_of(get(url, "/wedstrijden"))
    assert "<h1>Wedstrijden</h1>" in html
    assert '<option value="2025-26" selected>2025-26</option>' in html
    assert html.count('<a href="/wedstrijden/') > 10
    olympics = main_of(get(url, "/wedstrijden", niveau="olympics"))
    assert "Olympische Spelen" in olympics and "World Cup 1" not in olympics
    every = main_of(get(url, "/wedstrijden", seizoen="alle"))
    assert every.count('<a href="/wedstrijden/') >= html.count('<a href="/wedstrijden/')
    empty = main_of(get(url, "/wedstrijden", seizoen="2030-31"))
    assert "Geen wedstrijden bekend voor deze keuze." in empty
    english = main_of(get(url, "/wedstrijden", lang="en", niveau="nonsense"))
    assert "<h1>Competitions</h1>" in english and "Olympic Games" in english


def test_without_meets_of_the_current_season_the_latest_season_is_shown(urls: tuple[str, str]):
    _url, later = urls
    html = main_of(get(later, "/wedstrijden"))
    assert "Van het seizoen 2026-27 zijn nog geen wedstrijden bekend" in html
    assert '<option value="2025-26" selected>2025-26</option>' in html


def test_the_api_links_the_index_pages_and_each_skaters_and_meets_page(url: str):
    index = httpx.get(url + "/api/v1/").json()
    assert index["pages"]["skaters"] == "/schaatsers"
    assert index["pages"]["competitions"] == "/wedstrijden"
    for page in index["pages"].values():
        assert httpx.get(url + page).status_code == 200, page
    [skater] = httpx.get(url + "/api/v1/skaters", params={"limit": 1}).json()["items"]
    assert skater["page"] == f"/schaatsers/{skater['slug']}"
    assert httpx.get(url + skater["page"]).status_code == 200
    [meet] = httpx.get(url + "/api/v1/competitions", params={"limit": 1}).json()["items"]
    assert httpx.get(url + meet["page"]).status_code == 200
