"""One bad article, feed item or source fails only itself: NUL, lone surrogates, control
characters, JSON nested past Python's limits, a row the database refuses. The run goes on,
the good articles of the same batch are stored, and the failure is reported with its reason.
On SQLite and on PostgreSQL alike (SCHAATSRADAR_TEST_DATABASE_URL)."""

from __future__ import annotations

import json
import os

from pytest_httpserver import HTTPServer

from schaatsradar import errors
from schaatsradar.ingest.polling import add_source, poll_due
from schaatsradar.store import sources as stored_sources
from tests.conftest import NOW, run_ingest, seed_file

FEED_DATE = "Sat, 17 Jan 2026 18:00:00 +0100"
DAYS = ["2026-01-1" + str(n) for n in range(10)]


def story(n: int) -> str:
    """A distinct, plausible report per number (distinct words: no near-duplicates)."""
    names = ["Mila de Wit", "Sanne Post", "Lena Vogt", "Eva Brink", "Roos Kamp", "Nina Veld"]
    towns = ["Almelo", "Heerenveen", "Inzell", "Hamar", "Calgary", "Tomaszow"]
    return (
        f"{names[n % 6]} won op dag {n} de {500 + 500 * (n % 4)} meter in {towns[n % 6]} in "
        f"1.{50 + n},{10 + n}. Verslag nummer {n}: {' '.join(f'woord{n}x{i}' for i in range(8))}."
    )


def _titles(store) -> set[str]:
    with store.read() as conn:
        return {row[0] for row in conn.exec_driver_sql("SELECT title FROM articles")}


def _rows(store, sql: str) -> list[tuple]:
    with store.read() as conn:
        return [tuple(row) for row in conn.exec_driver_sql(sql)]


def _by_line(report) -> dict[str, object]:
    return {r.origin.rsplit(":", 1)[1]: r for r in report.rejected}


def test_broken_json_lines_fail_alone_and_the_good_lines_are_stored(store, settings, tmp_path):
    good = [{"date": DAYS[n], "title": f"Goed {n}", "text": story(n)} for n in range(3)]
    lines = [
        json.dumps(good[0]),
        json.dumps({"date": DAYS[3], "title": "Met NUL", "text": story(3) + "\x00"}),
        '{"date": "2026-01-14", "title": "Met surrogaat", "text": "Verslag \\ud800 '
        + story(4)
        + '"}',
        "[" * 100_000,
        json.dumps(good[1]),
        json.dumps({"date": DAYS[5], "title": "Titel\x01 met\x1b stuurtekens", "text": story(5)}),
        json.dumps(good[2]),
    ]
    path = tmp_path / "gemengd.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run_ingest(store, settings, path)
    assert report.new == 4, report.rejected
    rejected = _by_line(report)
    assert set(rejected) == {"2", "3", "4"}
    assert rejected["2"].code == errors.UNSAFE_TEXT and "NUL" in rejected["2"].reason
    assert rejected["3"].code == errors.UNSAFE_TEXT and "surrogate" in rejected["3"].reason
    assert rejected["4"].code == errors.BAD_JSON and "nested too deeply" in rejected["4"].reason
    assert _titles(store) == {"Goed 0", "Goed 1", "Goed 2", "Titel met stuurtekens"}


def test_a_file_name_that_is_not_utf8_still_names_its_article(store, settings, tmp_path):
    folder = tmp_path / "krant"
    seed_file(folder, "goed.txt", "2026-01-18", story(1))
    name = os.fsdecode(b"verslag-\xff.txt")  # a lone surrogate once decoded
    seed_file(folder, name, "2026-01-18", story(2))
    seed_file(folder, "stuur.txt", "2026-01-18", story(3).replace(" won ", " won\x01 ", 1))
    report = run_ingest(store, settings, folder)
    assert report.new == 3, report.rejected
    origins = {row[0] for row in _rows(store, "SELECT origin FROM articles")}
    assert any(origin.endswith("verslag-\\udcff.txt:1") for origin in origins)
    assert not any("\x01" in row[0] for row in _rows(store, "SELECT clean_text FROM articles"))


def test_a_row_the_database_refuses_fails_alone(store, settings, tmp_path):
    """PostgreSQL refuses a URL past its column's 2048 characters and a publisher name past
    255; the batch is written again one article at a time."""
    rows = [
        {"date": DAYS[0], "title": "Goed 0", "text": story(0), "url": "https://krant.example/0"},
        {
            "date": DAYS[1],
            "title": "Lang adres",
            "text": story(1),
            "url": "https://k.example/" + "a" * 3000,
        },
        {"date": DAYS[2], "title": "Lange bron", "text": story(2), "source": "b" * 300},
        {"date": DAYS[3], "title": "Goed 3", "text": story(3), "url": "https://krant.example/3"},
    ]
    path = tmp_path / "lang.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    report = run_ingest(store, settings, path)
    assert {"Goed 0", "Goed 3"} <= _titles(store)
    assert report.new + len(report.rejected) == 4
    assert len(report.rejected) == (2 if store.backend == "postgresql" else 0)
    for rejection in report.rejected:
        assert rejection.code == errors.ITEM_FAILED
        assert "the database refused it" in rejection.reason


def rss(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Schaatsbode</title><link>https://schaatsbode.example/</link>{items}"
        "</channel></rss>"
    )


def rss_item(link: str, title: str, body: str) -> str:
    """Full text in content:encoded: the reader then fetches no linked page."""
    return (
        f"<item><title>{title}</title><link>{link}</link><pubDate>{FEED_DATE}</pubDate>"
        f"<content:encoded>{body}</content:encoded></item>"
    )


def test_feed_items_with_broken_characters_fail_alone(store, settings, tmp_path):
    feed = tmp_path / "bode.xml"
    feed.write_text(
        rss(
            rss_item("https://schaatsbode.example/1", "Goed &#xD800; een", story(1))
            + rss_item("https://schaatsbode.example/2", "Met NUL", story(2) + "&#0;")
            + rss_item("https://schaatsbode.example/3", "Goed&#1; drie", story(3))
        ),
        encoding="utf-8",
    )
    report = run_ingest(store, settings, feed)
    assert report.new == 2, report.rejected
    [rejected] = report.rejected
    assert rejected.origin == "https://schaatsbode.example/2"
    assert rejected.code == errors.UNSAFE_TEXT
    assert _titles(store) == {"Goed \ufffd een", "Goed drie"}


def test_poll_goes_on_after_a_broken_source_and_records_what_it_refused(
    store, settings, httpserver: HTTPServer
):
    broken = rss(
        rss_item("https://bode.example/1", "Kapotte &#xDC00; titel", story(1))
        + rss_item("https://bode.example/2", "Met NUL", story(2) + "&#0;")
    )
    healthy = rss(rss_item("https://gezond.example/3", "Gezond", story(3)))
    for path, body in (("/kapot", broken), ("/gezond", healthy)):
        httpserver.expect_request(path).respond_with_data(body, content_type="application/rss+xml")
    add_source(store, httpserver.url_for("/kapot"), settings, NOW)
    add_source(store, httpserver.url_for("/gezond"), settings, NOW)

    first, second = poll_due(store, settings, NOW)
    assert first.status == "new content" and first.report.new == 1
    assert second.status == "new content" and second.report.new == 1
    assert _titles(store) == {"Kapotte \ufffd titel", "Gezond"}
    with store.read() as conn:
        feeds = {feed.feed_url: feed for feed in stored_sources.list_feeds(conn)}
    refused = feeds[httpserver.url_for("/kapot")].last_error or ""
    assert refused.startswith("1 item refused: E108") and "https://bode.example/2" in refused
    assert feeds[httpserver.url_for("/gezond")].last_error is None


def test_a_validator_too_long_to_keep_does_not_stop_the_poll(
    store, settings, httpserver: HTTPServer
):
    """PostgreSQL refused a 600-character ETag when the poll recorded its success: the poll
    stopped there, before the next source. Such a validator is simply not kept."""
    long_etag = '"' + "v" * 600 + '"'
    for path, n in (("/lang", 1), ("/kort", 2)):
        httpserver.expect_request(path).respond_with_data(
            rss(rss_item(f"https://bode.example/{n}", f"Verslag {n}", story(n))),
            content_type="application/rss+xml",
            headers={"ETag": long_etag if n == 1 else '"v1"'},
        )
    add_source(store, httpserver.url_for("/lang"), settings, NOW)
    add_source(store, httpserver.url_for("/kort"), settings, NOW)
    results = poll_due(store, settings, NOW)
    assert [(r.status, r.report.new) for r in results] == [("new content", 1)] * 2
    with store.read() as conn:
        feeds = {feed.feed_url: feed for feed in stored_sources.list_feeds(conn)}
    assert feeds[httpserver.url_for("/lang")].error_count == 0
    assert feeds[httpserver.url_for("/kort")].etag == '"v1"'
