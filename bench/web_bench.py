"""Web throughput over 100,000 articles in SQLite or PostgreSQL (issue 5, "Measured").

The database: the synth corpus ingested with extraction (knowledge_bench's cached
bench/out/knowledge_<N>_extracted.db), copied once to bench/out/web_<N>.db and reconciled;
kept and reused while bench/out/web_<N>.complete exists. With `--postgres URL` (issue 15) that
database's rows are copied into PostgreSQL at URL (its schema reset first; kept while
bench/out/web_<N>_pg.complete names the URL) and the app serves the same pages from there.

The app runs as `schaatsradar serve` runs it (uvicorn, one process, access log off) in its own
process on 127.0.0.1; a load generator in a second process keeps N keep-alive connections busy
(a small HTTP/1.1 client on asyncio streams: httpx costs more per request than the bare server
being measured) and times every request. Measured: `/`, a skater's page (the skater with the
most results) and `/api/v1/articles?athlete=<slug>`; each is also served by a bare Starlette
endpoint returning the same bytes, in a third process, and the ratio of the two throughputs is
what our stack (FastAPI, middleware, queries, templates) leaves of what the server could do.
A route that is not built yet is replaced by the nearest one that is, and said so.

Targets (issue 5): the API read >= 500 req/s with p99 <= 50 ms; ratio >= 0.3. Issue 13 adds
the race page (the calendar meet with the most shown results: a real meet's page, not a news
meet the synth corpus widened over months) and, for `--no-cache`, rendering: p95 <= 50 ms for
home, skater and race page. That is the time to render one page, so measure it with
`--connections 1`: with 16 connections to one server process a request also waits for the 15
before it.

    python bench/web_bench.py                   # 100,000 articles
    python bench/web_bench.py --articles 2000   # a quick run
    python bench/web_bench.py --also /atom --also '/schaatsers/{slug}.ics'
    python bench/web_bench.py --no-cache        # every request rendered (no kept answers)
    python bench/web_bench.py --no-cache --connections 1 \
        --postgres postgresql+psycopg://root@127.0.0.1:5432/bench   # the same from PostgreSQL

The app keeps public answers until the next content-changing commit (web/response_cache.py),
as `schaatsradar serve` does; `--no-cache` measures the rendering behind a miss.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from common import NOW, OUT, fresh_sqlite
from knowledge_bench import extracted_database
from pg_copy import copy_to_postgres

from schaatsradar.knowledge.book import reconcile_pending
from schaatsradar.store import Store

API_TARGET_RPS = 500
API_TARGET_P99_MS = 50.0
RENDER_TARGET_P95_MS = 50.0  # issue 13: a page not in the response cache
RENDERED = ("home", "skater page", "race page")
TARGET_RATIO = 0.3
BODIES_ENV = "WEB_BENCH_BODIES"


# -- the database -----------------------------------------------------------------------------


def web_database(count: int) -> Path:
    """The corpus with extraction, reconciled into the knowledge base; built once, kept."""
    path = OUT / f"web_{count}.db"
    marker = OUT / f"web_{count}.complete"
    if marker.exists():
        _upgraded(path)
        return path
    source = extracted_database(count)
    fresh_sqlite(path)
    shutil.copyfile(source, path)
    started = time.perf_counter()
    _upgraded(path)
    store = Store(f"sqlite:///{path}")
    outcome = reconcile_pending(store, NOW)
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    marker.write_text("ok")
    print(
        f"  reconciled once (kept): {outcome.results} results, {outcome.records} records "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return path


def _upgraded(path: Path) -> None:
    """The kept database brought to the code's schema, as `schaatsradar serve` would."""
    store = Store(f"sqlite:///{path}")
    store.upgrade()
    store.close()


def postgres_database(count: int, sqlite_path: Path, url: str) -> None:
    """The SQLite bench database's rows in PostgreSQL at `url`; copied once, kept."""
    marker = OUT / f"web_{count}_pg.complete"
    if marker.exists() and marker.read_text() == url:
        Store(url).upgrade()
        return
    marker.unlink(missing_ok=True)
    seconds = copy_to_postgres(sqlite_path, url)
    marker.write_text(url)
    print(f"  copied to PostgreSQL once (kept): {seconds:.0f} s")


def busiest_skater(path: Path) -> tuple[str, str, int]:
    """Slug, name and result count of the skater with the most results."""
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT s.slug, s.name, COUNT(*) AS n FROM results r JOIN skaters s ON s.id = "
            "r.skater_id GROUP BY s.id ORDER BY n DESC, s.id LIMIT 1"
        ).fetchone()
    return str(row[0]), str(row[1]), int(row[2])


def busiest_meet(path: Path) -> int:
    """The calendar meet with the most shown results (any meet when none is on the calendar)."""
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT c.id FROM results r JOIN races ra ON ra.id = r.race_id "
            "JOIN competitions c ON c.id = ra.competition_id WHERE r.held IS NULL "
            "GROUP BY c.id ORDER BY c.origin = 'calendar' DESC, COUNT(*) DESC, c.id LIMIT 1"
        ).fetchone()
    return int(row[0])


# -- servers ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(app: str, env: dict[str, str], app_dir: Path | None = None) -> Iterator[str]:
    """`app` (a factory, "module:function") under uvicorn in its own process."""
    port = _free_port()
    command = [sys.executable, "-m", "uvicorn", app, "--factory", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    if app_dir is not None:
        command += ["--app-dir", str(app_dir)]
    process = subprocess.Popen(command, env={**os.environ, **env})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            httpx.get(url + "/", timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


def bare_app() -> object:
    """The baseline: one Starlette route answering each measured path's bytes from memory."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    bodies = json.loads(Path(os.environ[BODIES_ENV]).read_text())
    loaded = {
        name: (Path(spec["file"]).read_bytes(), spec["type"]) for name, spec in bodies.items()
    }

    async def answer(request: Request) -> Response:
        body, media_type = loaded[request.path_params["name"]]
        return Response(body, media_type=media_type)

    return Starlette(routes=[Route("/bare/{name}", answer)])


# -- the load generator (runs in its own process) ---------------------------------------------


@dataclass(frozen=True)
class Run:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def drive(url: str, path: str, connections: int, seconds: float, warmup: float) -> Run:
    """`connections` keep-alive connections requesting `path` back to back for `seconds`."""
    return asyncio.run(_drive(url, path, connections, seconds, warmup))


async def _drive(url: str, path: str, connections: int, seconds: float, warmup: float) -> Run:
    host, port = url.removeprefix("http://").split(":")
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept-Language: nl\r\n\r\n"
    ).encode()
    start = time.perf_counter() + warmup
    end = start + seconds
    latencies: list[float] = []
    errors = [0]

    async def connection() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        while (sent := time.perf_counter()) < end:
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            await reader.readexactly(_content_length(head))
            if sent >= start:
                latencies.append((time.perf_counter() - sent) * 1000)
                if head[9:12] != b"200":
                    errors[0] += 1
        writer.close()

    await asyncio.gather(*(connection() for _ in range(connections)))
    return Run(len(latencies), errors[0], seconds, latencies)


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    raise RuntimeError("response without Content-Length: " + head.decode(errors="replace"))


# -- the benchmark ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str
    note: str = ""
    targeted: bool = True  # one of issue 5's three reads (`--also` paths are not)


def endpoints(url: str, slug: str, meet: int, extra: list[str]) -> list[Endpoint]:
    """The three reads of issue 5, or the nearest built route where one is missing, the race
    page of issue 13, then the `extra` paths (`{slug}` in them becomes the skater's slug,
    `{meet}` the meet's id)."""
    chosen = [Endpoint("home", "/")]
    if httpx.get(f"{url}/schaatsers/{slug}").status_code == 200:
        chosen.append(Endpoint("skater page", f"/schaatsers/{slug}"))
    else:
        note = "skater page not built yet: measured the skater's Atom feed"
        chosen.append(Endpoint("skater page", f"/schaatsers/{slug}/atom", note))
    chosen.append(_api_read(url, slug))
    chosen.append(Endpoint("race page", f"/wedstrijden/{meet}"))
    chosen += [
        Endpoint("also", path.replace("{slug}", slug).replace("{meet}", str(meet)), False)
        for path in extra
    ]
    for endpoint in chosen:
        status = httpx.get(url + endpoint.path).status_code
        assert status == 200, f"{endpoint.path} answers {status}"
    return chosen


def _api_read(url: str, slug: str) -> Endpoint:
    """`/api/v1/articles?athlete=<slug>`, under whichever name the API gives the filter."""
    paths = httpx.get(f"{url}/api/v1/openapi.json").json().get("paths", {})
    if "/api/v1/articles" not in paths:
        note = "/api/v1/articles not built yet: measured /api/v1/health"
        return Endpoint("API read", "/api/v1/health", note)
    parameters = paths["/api/v1/articles"]["get"].get("parameters", [])
    given = {p["name"] for p in parameters}
    names = [name for name in ("athlete", "skater") if name in given]
    if not names:
        raise RuntimeError("/api/v1/articles has no athlete (or skater) filter")
    note = "" if names[0] == "athlete" else f"the API calls the filter `{names[0]}`"
    return Endpoint("API read", f"/api/v1/articles?{names[0]}={slug}", note)


def save_bodies(url: str, chosen: list[Endpoint], folder: Path) -> Path:
    """Each endpoint's answer on disk, for the bare server to return byte for byte."""
    specs = {}
    for number, endpoint in enumerate(chosen):
        response = httpx.get(url + endpoint.path, headers={"Accept-Language": "nl"})
        body = folder / f"{number}.body"
        body.write_bytes(response.content)
        specs[str(number)] = {"file": str(body), "type": response.headers["content-type"]}
    spec_file = folder / "bodies.json"
    spec_file.write_text(json.dumps(specs))
    return spec_file


def report(endpoint: Endpoint, ours: Run, bare: Run, size: int, rendering: bool) -> bool:
    ratio = ours.per_second / bare.per_second
    print(
        f"  {endpoint.name:12} {endpoint.path}  ({size:,} bytes)\n"
        f"    app   {ours.per_second:8.0f} req/s   p50 {ours.percentile(0.5):6.1f} ms   "
        f"p95 {ours.percentile(0.95):6.1f} ms   "
        f"p99 {ours.percentile(0.99):6.1f} ms   errors {ours.errors}\n"
        f"    bare  {bare.per_second:8.0f} req/s   p50 {bare.percentile(0.5):6.1f} ms   "
        f"p99 {bare.percentile(0.99):6.1f} ms   ratio {ratio:.2f}"
    )
    if endpoint.note:
        print(f"    note: {endpoint.note}")
    if not endpoint.targeted:
        return True
    ok = ratio >= TARGET_RATIO and ours.errors == 0
    if rendering and endpoint.name in RENDERED:
        ok = ours.errors == 0 and ours.percentile(0.95) <= RENDER_TARGET_P95_MS
    elif endpoint.name == "race page":
        ok = ours.errors == 0  # issue 13 sets its target for rendering only
    if endpoint.name == "API read":
        fast = ours.per_second >= API_TARGET_RPS and ours.percentile(0.99) <= API_TARGET_P99_MS
        ok = ok and fast
    print(f"    {'ok' if ok else 'OVER target'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0, help="measured, per endpoint")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured, per endpoint")
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="PATH",
        help="another path to measure, e.g. /atom or /schaatsers/{slug}/atom (repeatable)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="render every request (response cache off)"
    )
    parser.add_argument(
        "--postgres", metavar="URL", help="serve the same rows from PostgreSQL at URL"
    )
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    database = web_database(args.articles)
    slug, name, results = busiest_skater(database)
    meet = busiest_meet(database)  # the same ids in PostgreSQL: its rows are a copy
    database_url = f"sqlite:///{database}"
    if args.postgres:
        postgres_database(args.articles, database, args.postgres)
        database_url = args.postgres
    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"web benchmark: {args.articles:,} articles ({engine}), {args.connections} connections, "
        f"{args.seconds:.0f} s per endpoint; skater {name} ({results} results); "
        f"response cache {'off' if args.no_cache else 'on'}"
    )
    env = {
        "SCHAATSRADAR_DATABASE_URL": database_url,
        "SCHAATSRADAR_RESPONSE_CACHE": "false" if args.no_cache else "true",
    }
    verdicts = []
    with (
        tempfile.TemporaryDirectory() as folder,
        served("schaatsradar.web.app:create_app", env) as app_url,
        ProcessPoolExecutor(1, mp_context=get_context("spawn")) as loader,
    ):
        chosen = endpoints(app_url, slug, meet, args.also)
        bodies = save_bodies(app_url, chosen, Path(folder))
        bare_env = {BODIES_ENV: str(bodies)}
        with served("web_bench:bare_app", bare_env, Path(__file__).parent) as bare_url:
            for number, endpoint in enumerate(chosen):
                timing = (args.connections, args.seconds, args.warmup)
                ours = loader.submit(drive, app_url, endpoint.path, *timing).result()
                bare = loader.submit(drive, bare_url, f"/bare/{number}", *timing).result()
                size = (Path(folder) / f"{number}.body").stat().st_size
                verdicts.append(report(endpoint, ours, bare, size, args.no_cache))
    rendered = (
        f"; rendering p95 <= {RENDER_TARGET_P95_MS:.0f} ms for home, skater and race page"
        if args.no_cache
        else ""
    )
    print(
        f"  targets: API read >= {API_TARGET_RPS} req/s with p99 <= {API_TARGET_P99_MS:.0f} ms; "
        f"ratio >= {TARGET_RATIO}{rendered}: {'met' if all(verdicts) else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
