"""`schaatsradar poll` and `sources list` as a user runs them (a real process, a real SQLite
file, a real feed server on 127.0.0.1): an item poll refused is named with its reason, and the
source's good items are stored."""

import os
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer

from schaatsradar.ingest.polling import add_source
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from tests.conftest import NOW

ITEM = (
    "<item><title>{title}</title><link>https://bode.example/{n}</link>"
    "<pubDate>Sat, 17 Jan 2026 18:00:00 +0100</pubDate>"
    "<content:encoded>{text}</content:encoded></item>"
)
FEED = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bode</title>'
    "<link>https://bode.example/</link>{items}</channel></rss>"
)


def test_poll_names_the_item_it_refused_and_sources_list_keeps_it(
    tmp_path: Path, httpserver: HTTPServer
):
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "SCHAATSRADAR_ALLOW_PRIVATE_NETWORKS": "127.0.0.0/8,::1/128",
        "SCHAATSRADAR_EXTRACT_ON_INGEST": "false",
        "COLUMNS": "250",
    }

    def cli(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "schaatsradar", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    items = ITEM.format(n=1, title="Goed", text="Mila de Wit won de 1500 meter in 1.56,31.")
    items += ITEM.format(n=2, title="Kapot", text="Sanne Post won de 3000 meter.&#0;")
    httpserver.expect_request("/feed").respond_with_data(
        FEED.format(items=items), content_type="application/rss+xml"
    )
    settings = Settings(
        database_url=env["SCHAATSRADAR_DATABASE_URL"],
        allow_private_networks=["127.0.0.0/8", "::1/128"],
    )
    store = Store(settings.database_url)
    store.upgrade()
    add_source(store, httpserver.url_for("/feed"), settings, NOW)  # as `sources add` does
    store.close()
    polled = cli("poll")
    assert polled.returncode == 0, polled.stderr
    assert "new 1, duplicate 0, rejected 1" in polled.stdout
    assert "rejected https://bode.example/2: E108" in polled.stdout
    listed = cli("sources", "list").stdout
    assert "1 item refused: E108" in listed


def test_official_poll_names_the_broken_list_and_imports_the_next(
    tmp_path: Path, httpserver: HTTPServer
):
    """One official list whose JSON nests too deeply to read used to stop `official poll`
    (RecursionError) before the next list; now it is listed as failed, with the reason, and
    the next one is imported."""
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": f"sqlite:///{tmp_path / 'official.db'}",
        "SCHAATSRADAR_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32",
        "SCHAATSRADAR_OFFICIAL_MIN_INTERVAL_SECONDS": "0",
        "COLUMNS": "250",
    }

    def cli(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "schaatsradar", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    fixture = Path(__file__).parent / "knowledge" / "fixtures" / "isu_event_inzell.json"
    httpserver.expect_request("/deep").respond_with_data(
        b'{"competitions": ' + b"[" * 100_000, content_type="application/json"
    )
    httpserver.expect_request("/inzell").respond_with_data(
        fixture.read_bytes(), content_type="application/json"
    )
    deep, inzell = httpserver.url_for("/deep"), httpserver.url_for("/inzell")
    for url in (deep, inzell):
        assert cli("official", "add", url).returncode == 0
    polled = cli("official", "poll")
    assert polled.returncode == 1, polled.stderr  # a list failed
    assert f"{deep}: failed (E109 nested too deeply to read)" in polled.stdout, polled.stderr
    assert f"{inzell}: imported" in polled.stdout
