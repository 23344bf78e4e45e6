"""The page `make run` serves, over real HTTP on 127.0.0.1."""

import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn

from schaatsradar.ingest.demo import demo_articles_path
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.web.app import create_app
from tests.conftest import run_ingest


@pytest.fixture
def site(tmp_path: Path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'web.db'}")
    store = Store(settings.database_url)
    store.upgrade()
    run_ingest(store, settings, demo_articles_path(), source="schaatsradar-demo")
    (tmp_path / "x.txt").write_text(
        " date 2026-01-30 <script>alert(1)</script> Rinsma won de 500 meter in 38,01."
    )
    run_ingest(store, settings, tmp_path / "x.txt")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


def test_home_lists_the_latest_stories_marked_as_demo(site):
    page = httpx.get(site + "/")
    assert page.status_code == 200
    assert "Laatste nieuws" in page.text
    assert page.text.count("<article>") == 10  # ten stories a page, the rest a link away
    assert 'href="/?pagina=2"' in page.text
    assert 'class="badge">demo' in page.text
    assert httpx.get(site + "/?pagina=3").text.count("<article>") == 10


def test_search_box_finds_and_highlights(site):
    page = httpx.get(site + "/zoeken", params={"q": "wereldrecords"})
    assert page.status_code == 200
    assert "<mark>wereldrecord</mark>" in page.text or "<mark>Wereldrecord</mark>" in page.text


def test_markup_in_articles_is_shown_inert(site):
    page = httpx.get(site + "/zoeken", params={"q": "Rinsma"})
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;" in page.text
