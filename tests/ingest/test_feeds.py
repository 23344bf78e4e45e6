"""Feeds and pages over real HTTP on 127.0.0.1 (pytest-httpserver)."""

import datetime as dt
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from schaatsradar import errors
from schaatsradar.ingest.polling import add_source, poll_due
from schaatsradar.store import reading
from schaatsradar.store import sources as stored_sources
from tests.conftest import NOW, dump, run_ingest

STORY = (
    "<p>Mila de Wit heeft zaterdag de 1500 meter in Almelo gewonnen in 1.56,31.</p>"
    "<p>Sanne Post werd tweede, de Duitse Lena Vogt pakte het brons na een sterke opening.</p>"
    "<p>De Wit was blij met de zege: het was haar eerste overwinning van het seizoen.</p>"
)


def rss(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Schaatsbode</title><link>https://schaatsbode.example/</link>{items}"
        "</channel></rss>"
    )


def rss_item(link: str, title: str, date: str, body: str, full: bool = True) -> str:
    field = (
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        if full
        else (f"<description><![CDATA[{body}]]></description>")
    )
    return (
        f'<item xmlns:content="http://purl.org/rss/1.0/modules/content/"><title>{title}</title>'
        f"<link>{link}</link><pubDate>{date}</pubDate>{field}</item>"
    )


def article_page(title: str, body: str, date: str = "2026-01-17") -> str:
    return (
        f'<html><head><title>{title}</title><meta property="article:published_time" '
        f'content="{date}T18:00:00+01:00"></head><body><nav>Home | Schaatsen</nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>© Schaatsbode</footer></body></html>"
    )


def test_rss_file_items_become_articles(store, settings, tmp_path: Path):
    feed = tmp_path / "bode.xml"
    feed.write_text(
        rss(
            rss_item(
                "https://schaatsbode.example/1",
                "De Wit wint",
                "Sat, 17 Jan 2026 18:00:00 +0100",
                STORY,
            )
        )
    )
    report = run_ingest(store, settings, feed)
    assert report.new == 1, report.rejected
    with store.read() as conn:
        [story] = reading.latest(conn)
    assert story.title == "De Wit wint"
    assert story.published == dt.date(2026, 1, 17)
    assert story.source == "schaatsbode.example"


def test_atom_feed_over_http(store, settings, httpserver: HTTPServer):
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>IJsnieuws</title><id>urn:ijsnieuws</id><updated>2026-01-18T10:00:00Z</updated>"
        "<entry><title>Post pakt zilver</title><id>urn:1</id>"
        '<link href="https://ijsnieuws.example/post"/><updated>2026-01-18T10:00:00Z</updated>'
        f'<content type="html"><![CDATA[{STORY}]]></content></entry></feed>'
    )
    httpserver.expect_request("/atom.xml").respond_with_data(
        atom, content_type="application/atom+xml"
    )
    report = run_ingest(store, settings, httpserver.url_for("/atom.xml"))
    assert report.new == 1, report.rejected


def test_summary_only_item_gets_the_linked_pages_main_text(store, settings, httpserver: HTTPServer):
    page_url = httpserver.url_for("/nieuws/de-wit")
    httpserver.expect_request("/nieuws/de-wit").respond_with_data(
        article_page("De Wit wint", STORY), content_type="text/html"
    )
    httpserver.expect_request("/feed").respond_with_data(
        rss(
            rss_item(
                page_url,
                "De Wit wint",
                "Sat, 17 Jan 2026 18:00:00 +0100",
                "Mila de Wit wint in Almelo.",
                full=False,
            )
        ),
        content_type="application/rss+xml",
    )
    report = run_ingest(store, settings, httpserver.url_for("/feed"))
    assert report.new == 1, report.rejected
    with store.read() as conn:
        text = conn.exec_driver_sql("SELECT clean_text FROM articles").scalar_one()
    assert "Lena Vogt pakte het brons" in text
    assert "Home | Schaatsen" not in text


def test_single_html_page_with_date_in_metadata(store, settings, httpserver: HTTPServer):
    httpserver.expect_request("/artikel").respond_with_data(
        article_page("Vogt verrast", STORY, "2026-01-20"), content_type="text/html"
    )
    report = run_ingest(store, settings, httpserver.url_for("/artikel"))
    assert report.new == 1, report.rejected
    with store.read() as conn:
        [story] = reading.latest(conn)
    assert story.published == dt.date(2026, 1, 20)
    assert story.title == "Vogt verrast"


def _slow(_request):
    time.sleep(1.3)  # the test settings time out after 1 s
    return Response("<rss/>", content_type="application/rss+xml")


@pytest.mark.parametrize(
    ("respond", "code", "needle"),
    [
        (lambda s: s.respond_with_data("weg", status=404), errors.HTTP_STATUS, "404"),
        (lambda s: s.respond_with_data("kapot", status=500), errors.HTTP_STATUS, "500"),
        (
            lambda s: s.respond_with_data(
                "<rss><channel><title>Kapot</ti", content_type="application/rss+xml"
            ),
            errors.BAD_FEED,
            "invalid feed",
        ),
        # Last: the single-threaded test server is busy until the slow handler returns.
        (lambda s: s.respond_with_handler(_slow), errors.TIMEOUT, "timed out"),
    ],
)
def test_broken_feed_urls_are_reported_and_nothing_changes(
    store, settings, httpserver: HTTPServer, tmp_path: Path, respond, code, needle
):
    (tmp_path / "ok.txt").write_text(" date 2026-01-18 Mila de Wit won de 1500 meter in 1.56,31.")
    run_ingest(store, settings, tmp_path / "ok.txt")
    before = dump(store)
    respond(httpserver.expect_request("/feed"))
    report = run_ingest(store, settings, httpserver.url_for("/feed"))
    [rejection] = report.rejected
    assert rejection.code == code and needle in rejection.reason
    assert dump(store) == before


def test_private_addresses_are_refused_unless_allowed(store, settings, httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(
        rss(""), content_type="application/rss+xml"
    )
    strict = settings.model_copy(update={"allow_private_networks": []})
    [rejection] = run_ingest(store, strict, httpserver.url_for("/feed")).rejected
    assert rejection.code == errors.PRIVATE_ADDRESS
    assert run_ingest(store, settings, httpserver.url_for("/feed")).rejected == []


def test_oversized_response_is_refused(store, settings, httpserver: HTTPServer):
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")
    small = settings.model_copy(update={"max_fetch_bytes": 1000})
    [rejection] = run_ingest(store, small, httpserver.url_for("/big")).rejected
    assert rejection.code == errors.RESPONSE_TOO_LARGE


def test_polling_uses_etag_and_backs_off_on_errors(store, settings, httpserver: HTTPServer):
    body = rss(
        rss_item(
            "https://schaatsbode.example/1", "De Wit wint", "Sat, 17 Jan 2026 18:00:00 +0100", STORY
        )
    )
    httpserver.expect_ordered_request("/feed").respond_with_data(
        body, content_type="application/rss+xml", headers={"ETag": '"v1"'}
    )
    httpserver.expect_ordered_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304
    )
    httpserver.expect_ordered_request("/feed").respond_with_data("stuk", status=503)
    httpserver.expect_ordered_request("/feed").respond_with_data("stuk", status=503)
    url = httpserver.url_for("/feed")
    add_source(store, url, settings, NOW)

    [first] = poll_due(store, settings, NOW)
    assert first.status == "new content" and first.report.new == 1
    assert poll_due(store, settings, NOW) == []  # not due yet
    later = NOW + dt.timedelta(minutes=16)
    [second] = poll_due(store, settings, later)
    assert second.status == "not modified"

    third_time = later + dt.timedelta(minutes=16)
    [third] = poll_due(store, settings, third_time)
    assert third.status == "failed" and "503" in (third.error or "")
    with store.read() as conn:
        [feed] = stored_sources.list_feeds(conn)
    assert feed.error_count == 1
    assert feed.next_poll_at == third_time + dt.timedelta(minutes=30)
    [fourth] = poll_due(store, settings, feed.next_poll_at)
    with store.read() as conn:
        [feed] = stored_sources.list_feeds(conn)
    assert fourth.status == "failed" and feed.error_count == 2
    assert feed.next_poll_at == third_time + dt.timedelta(minutes=30 + 60)
    httpserver.check_assertions()
