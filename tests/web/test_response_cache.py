"""Kept answers and HEAD, as a reader meets them over real HTTP: a page read twice is the same
page, news committed by another process shows on the next read, personal answers (a language
cookie being set, a token) are never handed to someone else, ETags still give 304s, and HEAD
answers every route the way its GET does. Across processes too: two `schaatsradar serve`
processes on one database, news posted to one shows on the other's next read, and so it does
from any of `serve --workers 2`'s processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from schaatsradar.knowledge.book import load_reference, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from tests.conftest import NOW, run_ingest, seed_file
from tests.web.served import serve, serve_process
from tests.web.test_api import issue_token

FIRST = "Femke Kok won de 500 meter in Heerenveen in 36,80. Jutta Leerdam werd tweede."
LATER = "Joy Beune won de 3000 meter in Heerenveen in 3.58,21. Ragne Wiklund werd tweede."


def ingest(settings: Settings, folder: Path, name: str, body: str) -> None:
    """What `schaatsradar ingest` does from another process: its own store, its own commit."""
    store = Store(settings.database_url)
    try:
        seed_file(folder, name, "2026-01-17", body)
        report = run_ingest(store, settings, folder)
        assert not report.rejected, report.rejected
        reconcile_pending(store, NOW)
    finally:
        store.close()


def first_news(settings: Settings, tmp_path: Path, **changes: object) -> tuple[Settings, Path]:
    """The reference data and FIRST ingested (with extraction and `changes` to the settings);
    the settings used and the news folder."""
    settings = settings.model_copy(update={"extract_on_ingest": True, **changes})
    store = Store(settings.database_url)
    store.upgrade()
    with store.write() as conn:
        load_reference(conn)
    store.close()
    folder = tmp_path / "nieuws"
    ingest(settings, folder, "kok.txt", FIRST)
    return settings, folder


@pytest.fixture
def site(settings: Settings, tmp_path: Path) -> Iterator[tuple[str, Settings, Path]]:
    settings, folder = first_news(settings, tmp_path)
    with serve(settings) as url:
        yield url, settings, folder


def test_news_committed_elsewhere_shows_on_the_next_read(site) -> None:
    url, settings, folder = site
    for path in ("/", "/api/v1/articles", "/atom"):
        first = httpx.get(url + path)
        again = httpx.get(url + path)
        assert first.status_code == again.status_code == 200
        assert first.content == again.content
        assert "Beune" not in first.text
    ingest(settings, folder, "beune.txt", LATER)
    assert "Beune" in httpx.get(url + "/").text
    assert "Beune" in httpx.get(url + "/api/v1/articles").text
    assert "Beune" in httpx.get(url + "/atom").text


def test_the_language_choice_is_set_for_every_reader_who_asks(site) -> None:
    url, _, _ = site
    for _ in range(2):
        english = httpx.get(url + "/?lang=en")
        assert english.headers.get("set-cookie", "").startswith("lang=en")
        assert '<html lang="en"' in english.text
    dutch = httpx.get(url + "/")
    assert '<html lang="nl"' in dutch.text
    assert '<html lang="en"' in httpx.get(url + "/", cookies={"lang": "en"}).text
    assert '<html lang="en"' in httpx.get(url + "/", headers={"Accept-Language": "en"}).text
    assert '<html lang="nl"' in httpx.get(url + "/").text


def test_etags_still_give_304_and_a_stale_tag_gets_the_page(site) -> None:
    url, settings, folder = site
    first = httpx.get(url + "/api/v1/articles")
    tag = first.headers["etag"]
    unchanged = httpx.get(url + "/api/v1/articles", headers={"If-None-Match": tag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged.headers["etag"] == tag
    assert unchanged.headers["access-control-allow-origin"] == "*"
    ingest(settings, folder, "beune.txt", LATER)
    changed = httpx.get(url + "/api/v1/articles", headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != tag
    assert "Beune" in changed.text


def test_answers_with_other_cookies_are_the_same_but_rendered_for_them(site) -> None:
    url, _, _ = site
    plain = httpx.get(url + "/api/v1/articles")
    personal = httpx.get(url + "/api/v1/articles", cookies={"session": "someone"})
    assert personal.status_code == 200
    assert personal.json() == plain.json()


def test_every_read_answers_head_like_its_get(site) -> None:
    url, _, _ = site
    skater = httpx.get(url + "/api/v1/skaters?q=Kok").json()["items"][0]["slug"]
    paths = [
        "/",
        "/kalender",
        "/kalender.ics",
        "/records",
        "/zoeken?q=Kok",
        f"/schaatsers/{skater}",
        "/atom",
        "/api/v1/articles",
        "/api/v1/health",
        "/static/site.css",
    ]
    for path in paths:
        got = httpx.get(url + path)
        head = httpx.head(url + path)
        assert (path, head.status_code) == (path, got.status_code == 200 and 200)
        assert head.content == b""
        assert head.headers["content-length"] == str(len(got.content))
        assert head.headers.get("etag") == got.headers.get("etag")
        assert head.headers["content-type"] == got.headers["content-type"]
    assert httpx.head(url + "/schaatsers/niemand").status_code == 404


def test_switched_off_every_request_is_rendered_anew(settings: Settings, tmp_path: Path) -> None:
    settings, folder = first_news(settings, tmp_path, response_cache=False)
    with serve(settings) as url:
        assert "Beune" not in httpx.get(url + "/api/v1/articles").text
        ingest(settings, folder, "beune.txt", LATER)
        assert "Beune" in httpx.get(url + "/api/v1/articles").text


WARMED = ("/", "/api/v1/articles", "/atom")


def warm(url: str) -> None:
    """Each page read twice (the second from the kept copy), none naming the later news."""
    for path in WARMED:
        first = httpx.get(url + path, timeout=30)
        again = httpx.get(url + path, timeout=30)
        assert first.status_code == again.status_code == 200, (url, path)
        assert first.content == again.content
        assert "Beune" not in first.text


def post_later(url: str, settings: Settings) -> None:
    """LATER posted to the API of the server at `url`: ingested and reconciled there."""
    store = Store(settings.database_url)
    try:
        token = issue_token(store)
    finally:
        store.close()
    posted = httpx.post(
        url + "/api/v1/articles",
        content=f" date 2026-01-17 {LATER}".encode(),
        headers={"Content-Type": "text/plain", "Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert posted.status_code == 201, posted.text


def test_news_posted_to_one_process_shows_on_the_other(settings: Settings, tmp_path: Path) -> None:
    """The kept copies of one process are dropped by a commit another process made: the data
    version is in the database, and each process compares it before it answers from memory."""
    settings, _ = first_news(settings, tmp_path)
    with (
        serve_process(settings, tmp_path / "one.log") as (one, _),
        serve_process(settings, tmp_path / "two.log") as (two, _),
    ):
        warm(one)
        warm(two)
        post_later(one, settings)
        for path in WARMED:
            assert "Beune" in httpx.get(two + path, timeout=30).text, path
            assert "Beune" in httpx.get(one + path, timeout=30).text, path


def test_serve_with_workers_answers_from_every_process(settings: Settings, tmp_path: Path) -> None:
    """`serve --workers 2`: two server processes under uvicorn's supervisor; whichever takes a
    connection, news committed by another process (here an ingest) shows on it."""
    settings, folder = first_news(settings, tmp_path)
    with serve_process(settings, tmp_path / "serve.log", "--workers", "2") as (url, parent):
        children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        servers = [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
        assert len(servers) == 2
        for _ in range(4):  # new connections: the kernel spreads them over both processes
            warm(url)
        ingest(settings, folder, "beune.txt", LATER)
        for _ in range(8):
            for path in WARMED:
                assert "Beune" in httpx.get(url + path, timeout=30).text, path
