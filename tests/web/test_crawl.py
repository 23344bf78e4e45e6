"""Every page a reader can reach by following links, over real HTTP: the demo site (as
`make run` builds it), a site loaded with the dev corpus of real articles
(../shared/corpus/dev, where it is beside the checkout) and a site with nothing in it yet.
No answer may be a server error and no internal link may be broken (a 4xx after redirects).

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

from schaatsradar.knowledge.book import reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store, article_refs, articles, record_book
from schaatsradar.store import knowledge as kb
from tests.conftest import NOW, run_ingest, seed_file
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


DEV_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo site with the dev corpus's real articles ingested and reconciled as well:
    news as it is written, not as our own tests write it."""
    if not DEV_CORPUS.is_dir():
        pytest.skip(f"{DEV_CORPUS} is not here (the corpus lives in ../shared)")
    folder: Path = tmp_path_factory.mktemp("corpus")
    settings = demo_settings(folder)
    articles_folder = folder / "dev"
    articles_folder.mkdir()
    for text in DEV_CORPUS.glob("*.txt"):  # the articles, not their gold files
        (articles_folder / text.name).write_bytes(text.read_bytes())
    store = Store(settings.database_url)
    try:
        report = run_ingest(store, settings, articles_folder, source="corpus")
        assert report.new, report.rejected
        reconcile_pending(store, NOW)
    finally:
        store.close()
    with serve(settings, today=TODAY) as url:
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


SPARSE_REPORT = (
    "Schaatsers rijden rondjes\n\nOp de ijsbaan reden schaatsers zaterdag hun rondjes. "
    "Het wereldrecord bleef staan."
)
# A fact of every kind with nothing known but its kind: what an unsure extraction may store.
EMPTY_FACTS = {
    "athletes": [{"name": None, "mentions": [[0, 0]]}],
    "results": [dict.fromkeys(["athlete", "distance", "gender", "seconds", "rank", "evidence"])],
    "records": [dict.fromkeys(["type", "status", "athlete", "distance", "gender", "seconds"])],
}


@pytest.fixture(scope="module")
def sparse_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Things known only in part: a skater with no country or gender, a meet with no date,
    level or place, a race with no day or gender, results with no time or place (one of a
    team), a record with no time, holder or day, and an article whose facts are all gaps."""
    folder: Path = tmp_path_factory.mktemp("sparse")
    settings = Settings(database_url=f"sqlite:///{folder / 'sparse.db'}", extract_on_ingest=True)
    store = Store(settings.database_url)
    store.upgrade()
    seed_file(folder / "krant", "rondjes.txt", "2026-02-09", SPARSE_REPORT)
    assert not run_ingest(store, settings, folder / "krant").rejected
    with store.write() as conn:
        [article_id] = article_refs.article_ids(conn)
        articles.save_facts(conn, [(article_id, "test", EMPTY_FACTS)], NOW)
        skater = kb.add_skater(
            conn,
            slug="zonder-gegevens",
            name="Zonder Gegevens",
            country=None,
            gender=None,
            known=False,
        )
        meet = kb.ensure_competition(
            conn,
            slug="zomaar",
            name="Zomaar een wedstrijd",
            level=None,
            city=None,
            start_date=None,
            end_date=None,
            origin="news",
        )
        for distance, key, team in (
            ("500m", f"s:{skater}", None),
            ("team pursuit", "t:NED", "NED"),
        ):
            race = kb.add_race(conn, meet, distance, "", None, "")
            result = kb.add_claim(
                conn,
                race_id=race,
                athlete_key=key,
                skater_id=None if team else skater,
                team=team,
                source_key="krant",
                article_id=article_id,
                cluster=str(article_id),
                official=False,
                parts=kb.ClaimParts(None, None),
                evidence=None,
            )
            kb.settle_result(
                conn, result, seconds=None, rank=None, disputed=False, official=False, held=None
            )
        record_book.add_record(
            conn,
            kind="world",
            scope="",
            distance="500m",
            gender="",
            seconds=None,
            skater_id=None,
            holder=None,
            holder_country=None,
            set_on=None,
            venue=None,
            status="current",
            origin="news",
        )
    store.close()
    with serve(settings, today=TODAY) as url:
        yield url


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
def test_every_linked_page_of_a_site_with_real_news_answers(corpus_url: str, language: str):
    found = crawl(corpus_url, language)
    assert [page for page, code in found.status.items() if code >= 500] == []
    assert found.broken == []
    assert len(found.html) > 400  # every article, skater and meet page of the demo and corpus


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pages_of_things_known_only_in_part_answer(sparse_url: str, language: str):
    found = crawl(sparse_url, language)
    assert found.broken == []
    reached = set(found.status)
    assert {"/schaatsers/zonder-gegevens", "/records"} <= reached
    assert any(page.startswith("/artikel/") for page in reached)
    assert any(page.startswith("/wedstrijden/") for page in reached)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_linked_page_of_an_empty_site_answers(empty_url: str, language: str):
    found = crawl(empty_url, language)
    assert found.broken == []
    assert {"/", "/schaatsers", "/wedstrijden", "/kalender", "/records"} <= set(found.status)
