"""The site the page tests read: the database `seeded_site` builds (reference data, seeds,
demo, reconciled), plus a few articles of our own, served by uvicorn over real HTTP on
127.0.0.1 with the reader's day fixed, so countdowns and "fresh" do not drift."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from schaatsradar.extract.registry import norm_name
from schaatsradar.knowledge.book import reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store, article_refs, reading
from schaatsradar.store import knowledge as kb
from schaatsradar.web import pages
from schaatsradar.web.app import create_app
from tests.conftest import NOW, run_ingest, seed_file
from tests.web.seeded_site import SEEDS, seeded_settings

TODAY = dt.date(2026, 1, 20)  # three days before World Cup 5 in Inzell
SEED_TITLE = "Ook Jake Paul heeft lucht gekregen van het baanrecord van Jutta Leerdam"
SCRIPT_ARTICLE = "<script>alert(1)</script> Rinsma won de 500 meter in 38,01."


@dataclass(frozen=True)
class Site:
    url: str
    leerdam: str  # her slug
    race_report: int  # the Inzell seed article
    script_article: int  # an article whose text holds a <script> tag
    inzell_meet: int  # World Cup 5


def add_own_articles(folder: Path, settings: Settings) -> None:
    """Another publisher's version of the Inzell race report (the same story, so the home page
    says "ook gemeld door 1 bron"), and an article with markup in its text."""
    report = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    other = report.replace("ferme tik", "flinke tik").replace("Niet normaal", "Echt niet normaal")
    (folder / "ander-blad").mkdir()
    (folder / "ander-blad" / "inzell.txt").write_text(other, encoding="utf-8")
    seed_file(folder / "lezers", "script.txt", "2026-01-30", SCRIPT_ARTICLE)
    store = Store(settings.database_url)
    try:
        for target in (folder / "ander-blad", folder / "lezers"):
            report_ = run_ingest(store, settings, target)
            assert not report_.rejected, report_.rejected
        reconcile_pending(store, NOW)
    finally:
        store.close()


def find_site_ids(settings: Settings) -> tuple[str, int, int, int]:
    store = Store(settings.database_url)
    try:
        with store.read() as conn:
            leerdam = kb.skater_by_key(conn, norm_name("Jutta Leerdam"))
            assert leerdam is not None
            # The seed's version, not the other publisher's copy ingested after it.
            report = min(
                (a for a in article_refs.articles_about(conn, leerdam.id) if SEED_TITLE in a.title),
                key=lambda a: a.id,
            )
            [script] = reading.search(conn, "Rinsma")
            [inzell] = [r for r in kb.results(conn, skater_id=leerdam.id) if r.city == "Inzell"]
        return leerdam.slug, report.id, script.id, inzell.competition_id
    finally:
        store.close()


@contextmanager
def serve_app(app: FastAPI, **options: Any) -> Iterator[str]:
    """Uvicorn serving `app` on a free port of 127.0.0.1 from a thread, for as long as the
    block runs; `options` go to `uvicorn.Config` (e.g. `proxy_headers=False`)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", **options)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(5)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_process(settings: Settings, log: Path, *options: str) -> Iterator[tuple[str, int]]:
    """`schaatsradar serve` as a process of its own on a free port of 127.0.0.1 (its
    settings, like a deployment's, only from the environment): its URL and process id, for
    as long as the block runs. Startup is waited for generously: on a busy two-core machine
    importing the app takes tens of seconds."""
    port = free_port()
    env = {**os.environ, "SCHAATSRADAR_DATABASE_URL": settings.database_url}
    command = [sys.executable, "-m", "schaatsradar", "serve", "--port", str(port), *options]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "serve did not start: " + log.read_text()
            try:
                if httpx.get(url + "/api/v1/health", timeout=10).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        yield url, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@contextmanager
def serve(settings: Settings, today: dt.date = TODAY) -> Iterator[str]:
    app = create_app(settings)
    app.dependency_overrides[pages.reader_today] = lambda: today
    with serve_app(app) as url:
        yield url


@contextmanager
def site_for_pages(folder: Path) -> Iterator[Site]:
    settings = seeded_settings(folder)
    add_own_articles(folder, settings)
    slug, report, script, meet = find_site_ids(settings)
    with serve(settings) as url:
        yield Site(url, slug, report, script, meet)
