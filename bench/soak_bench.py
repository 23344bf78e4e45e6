"""Soak (issue 14, "Targets"): minutes of mixed load on loopback against real processes, then
what held. Not a test: it takes --minutes (default 10) plus set-up and drain.

Processes: `schaatsradar serve` on a free port (a fresh SQLite file, or --postgres URL, whose
schema is dropped and made anew), `schaatsradar worker` (--workers), `schaatsradar ingest`
runs, and a webhook receiver (bench/soak_receiver.py); this process is the load generator
and the site's SMTP server (aiosmtpd: the readers register by the mailed confirmation link).
The database starts with --seed-articles synthetic reports of past seasons (no alerts), from
which the readers pick skaters to follow. Then, all at once:

- 16 readers browse (home, skater, race, records, calendar, search, API, /atom; now and then
  their own /mijn or follows, and a new follow) with exponential think time (mean --think s);
- 2 ingest slots, each running `schaatsradar ingest` on --batch new synthetic reports dated
  today (news: they make alerts), pausing --ingest-pause s between runs;
- the worker delivers each reader's alerts to their webhook on the receiver, which answers 500
  to 20% of the posts and stalls 5% past the worker's --delivery-timeout;
- 50 (--streams) /api/v1/stream connections (server-sent events) stay open, spread over the
  readers;
- --sign-ins attempts per second at /account/inloggen, one in three with the right password.

Then the load stops and the worker and the streams get up to --drain s to deliver what is due,
and the outbox is compared with what arrived: an alert the outbox calls delivered that the
receiver never accepted (2xx) is lost, one accepted twice is repeated, one still pending
after the drain is undelivered (the same for the streams, per reader). A worker that dies is
restarted and counted: repeats around a crash are allowed by at-least-once delivery.

Targets (issue 14): 0 server errors (5xx; a 429 of a sign-in limit is counted apart), no alert
lost, repeated outside a crash or undelivered, cached pages p99 <= 50 ms, RSS bounded (server
and worker: after a warm-up, neither the floor nor the peak of the run's second half more than
max(10 MB, 10%) above the first half's; soak_report.bounded).

    python bench/soak_bench.py                  # 10 minutes on SQLite
    python bench/soak_bench.py --minutes 1      # a quick look
    python bench/soak_bench.py --postgres postgresql+psycopg://root@127.0.0.1/soak

Logs of every process, the RSS samples (rss.csv) and a summary (summary.json) are left in
bench/out/soak/.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from aiosmtpd.controller import Controller
from sqlalchemy import bindparam, text

sys.path.insert(0, str(Path(__file__).parent))
from alerts_bench import opened
from common import OUT
from soak_load import (
    SEARCH_WORDS,
    Account,
    Browsing,
    Catalog,
    Mailbox,
    Streams,
    Tally,
    client,
    equip_reader,
    open_account,
    sign_ins,
)
from soak_report import report
from web_bench import _free_port, served

from schaatsradar.ingest.synth import PUBLISHERS, SynthArticle, synth_articles, to_seed_format
from schaatsradar.store import Store

FOLDER = OUT / "soak"
READERS = 16
INGESTS = 2
SIGN_IN_ACCOUNTS = 4
SAMPLE_SECONDS = 2.0
EXCEPTION = re.compile(r"[\w.]+(Error|Exception|Violation)\w*: ")


# -- processes --------------------------------------------------------------------------------


def environment(
    database_url: str, site_url: str, smtp_port: int, args: argparse.Namespace
) -> dict[str, str]:
    return {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": database_url,
        "SCHAATSRADAR_SITE_URL": site_url,
        "SCHAATSRADAR_SMTP_HOST": "127.0.0.1",
        "SCHAATSRADAR_SMTP_PORT": str(smtp_port),
        "SCHAATSRADAR_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32",
        "SCHAATSRADAR_DELIVERY_TIMEOUT": str(args.delivery_timeout),
    }


def launch(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "schaatsradar", *command],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


@contextmanager
def mail_server(port: int) -> Iterator[Mailbox]:
    """The site's SMTP server (aiosmtpd, a thread of this process): registering is confirmed
    through the link it mails."""
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        yield mailbox
    finally:
        smtp.stop()


@contextmanager
def server(env: dict[str, str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    """`schaatsradar serve` as an operator runs it (access log on), up when it answers."""
    process = launch(["serve", "--port", str(port)], env, FOLDER / "server.log")
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with {process.returncode}: see server.log")
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the server did not come up in 60 s") from None
                time.sleep(0.2)
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _proc_tree(pid: int) -> list[int]:
    """`pid` and its descendants (an ingest's pool processes, say)."""
    found = [pid]
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for thread in threads:
        try:
            children = Path(f"/proc/{pid}/task/{thread}/children").read_text().split()
        except OSError:
            continue
        for child in children:
            found += _proc_tree(int(child))
    return found


def rss_mb(pid: int) -> float:
    total = 0
    for member in _proc_tree(pid):
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Watch:
    """RSS of the server, the workers and the running ingests, every SAMPLE_SECONDS; the
    workers restarted when they die (counted, with their exit codes)."""

    started: float
    pids: dict[str, int] = field(default_factory=dict)
    samples: list[tuple[float, str, float]] = field(default_factory=list)
    ingest_peaks: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    crashes: list[str] = field(default_factory=list)
    cpu: Counter[str] = field(default_factory=Counter)

    def sample(self) -> None:
        now = time.monotonic() - self.started
        for name, pid in self.pids.items():
            self.samples.append((now, name, rss_mb(pid)))

    def cpu_of(self, name: str, pid: int) -> None:
        self.cpu[name] += cpu_seconds(pid)

    def series(self, name: str) -> list[tuple[float, float]]:
        return [(t, mb) for t, n, mb in self.samples if n == name and mb > 0]


async def watch_loop(
    watch: Watch,
    server: subprocess.Popen[bytes],
    workers: list[subprocess.Popen[bytes]],
    env: dict[str, str],
    done: asyncio.Event,
) -> None:
    while not done.is_set():
        if server.poll() is not None and "server" in watch.pids:
            watch.crashes.append(f"the server exited with {server.returncode}")
            del watch.pids["server"]
        for number, process in enumerate(workers):
            if process.poll() is not None:
                watch.crashes.append(f"worker {number + 1} exited with {process.returncode}")
                workers[number] = launch(["worker"], env, FOLDER / f"worker{number + 1}.log")
                watch.pids[f"worker {number + 1}"] = workers[number].pid
        watch.sample()
        for name in [n for n in watch.pids if n.startswith("ingest")]:
            mb = next((m for t, n, m in reversed(watch.samples) if n == name), 0.0)
            if mb and watch.ingest_peaks[name]:
                watch.ingest_peaks[name][-1] = max(watch.ingest_peaks[name][-1], mb)
        with suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), SAMPLE_SECONDS)


# -- ingests ----------------------------------------------------------------------------------


@dataclass
class Ingests:
    articles: Iterator[SynthArticle]
    env: dict[str, str]
    batch: int
    pause: float
    watch: Watch
    runs: list[dict[str, Any]] = field(default_factory=list)
    running: int = 0

    def write_batch(self, folder: Path) -> None:
        """New reports, dated today: news, so their facts make alerts."""
        folder.mkdir(parents=True)
        today = dt.datetime.now(dt.UTC).date()
        for number in range(self.batch):
            article = SynthArticle(today, next(self.articles).text)
            (folder / f"{number:04d}.txt").write_text(to_seed_format(article), encoding="utf-8")

    async def slot(self, slot: int, until: float, seed: int) -> None:
        rng = random.Random(seed)
        name = f"ingest {slot}"
        run = 0
        while time.monotonic() < until:
            run += 1
            folder = FOLDER / "articles" / f"slot{slot}" / f"{run:04d}"
            self.write_batch(folder)
            publisher = rng.choice(PUBLISHERS)  # two runs may name the same publisher at once
            started = time.monotonic()
            self.running += 1
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "schaatsradar",
                "ingest",
                str(folder),
                "--source",
                publisher,
                env=self.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            self.watch.ingest_peaks[name].append(0.0)
            self.watch.pids[name] = process.pid
            output, errors = await process.communicate()
            self.watch.pids.pop(name, None)
            self.running -= 1
            with (FOLDER / f"ingest{slot}.log").open("ab") as log:
                log.write(b"".join([f"-- run {run}\n".encode(), errors, output]))
            said = output.decode(errors="replace")
            new = said.split("new: ", 1)[1].split()[0] if "new: " in said else "?"
            complaint = exception_line(errors.decode(errors="replace"))
            self.runs.append(
                {
                    "slot": slot,
                    "run": run,
                    "publisher": publisher,
                    "seconds": round(time.monotonic() - started, 2),
                    "exit": process.returncode,
                    "new": new,
                    "tail": complaint if process.returncode else [],
                }
            )
            await asyncio.sleep(min(self.pause, max(0.0, until - time.monotonic())))


def exception_line(said: str) -> list[str]:
    """The last exception a process reported ("psycopg.errors.UniqueViolation: ..."): after
    it SQLAlchemy prints the statement, its parameters and a link."""
    lines = said.strip().splitlines()
    found = [line for line in lines if EXCEPTION.match(line)]
    return (found or lines)[-1:]


# -- set-up -----------------------------------------------------------------------------------


def seed_database(
    url: str, env: dict[str, str], articles: Iterator[SynthArticle], count: int
) -> None:
    """A fresh database with `count` reports of past seasons (archive: no alerts)."""
    opened(url).close()
    folder = FOLDER / "articles" / "seed"
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"{number:05d}.txt").write_text(to_seed_format(next(articles)), encoding="utf-8")
    started = time.perf_counter()
    with (FOLDER / "seed.log").open("wb") as log:
        subprocess.run(
            [sys.executable, "-m", "schaatsradar", "ingest", str(folder)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=True,
        )
    print(
        f"  seed: {count} reports ingested and reconciled in {time.perf_counter() - started:.1f} s"
    )


def catalog(store: Store) -> Catalog:
    with store.read() as conn:
        skaters = conn.execute(
            text(
                "SELECT s.slug, s.name FROM results r JOIN skaters s ON s.id = r.skater_id "
                "GROUP BY s.id, s.slug, s.name ORDER BY COUNT(*) DESC, s.id LIMIT 200"
            )
        ).all()
        meets = conn.execute(
            text(
                "SELECT c.id FROM results r JOIN races ra ON ra.id = r.race_id "
                "JOIN competitions c ON c.id = ra.competition_id "
                "GROUP BY c.id ORDER BY COUNT(*) DESC, c.id LIMIT 60"
            )
        ).all()
    words = [str(name).split()[-1] for _, name in skaters[:30]]
    return Catalog(
        [str(s) for s, _ in skaters], [int(m) for (m,) in meets], [*words, *SEARCH_WORDS]
    )


async def make_accounts(
    url: str, receiver: str, mailbox: Mailbox, shown: Catalog, follows: int
) -> tuple[list[Account], list[Account]]:
    rng = random.Random(14)
    readers = [Account(n, f"lezer{n}@soak.example.org") for n in range(1, READERS + 1)]
    others = [Account(100 + n, f"inlog{n}@soak.example.org") for n in range(SIGN_IN_ACCOUNTS)]
    async with client(url, 8) as http:
        for account in [*readers, *others]:  # one by one: each is an argon2 hash
            await open_account(http, url, account, mailbox)
        for account in readers:
            await equip_reader(http, account, receiver, rng.sample(shown.skaters, follows))
    return readers, others


# -- the run ----------------------------------------------------------------------------------


@dataclass
class Outcome:
    tally: Tally
    streams: Streams
    ingests: Ingests
    watch: Watch
    readers: list[Account]
    drained_in: float
    outbox: list[tuple[int, int, str, str]]  # event, user, channel kind, status
    receiver: dict[str, Any]
    seconds: float
    load_average: tuple[float, float]  # the machine's (1 min), before and after the load
    cached_by_ingest: dict[str, list[float]]


async def soak(
    args: argparse.Namespace,
    store: Store,
    shown: Catalog,
    site: str,
    receiver: str,
    mailbox: Mailbox,
    env: dict[str, str],
    server: subprocess.Popen[bytes],
    articles: Iterator[SynthArticle],
) -> Outcome:
    readers, others = await make_accounts(site, receiver, mailbox, shown, args.follows)
    print(
        f"  accounts: {READERS} readers ({args.follows} follows and a webhook each), "
        f"{SIGN_IN_ACCOUNTS} for sign-ins"
    )
    workers = [launch(["worker"], env, FOLDER / f"worker{n + 1}.log") for n in range(args.workers)]
    watch = Watch(time.monotonic(), {"server": server.pid})
    for number, process in enumerate(workers):
        watch.pids[f"worker {number + 1}"] = process.pid
    tally = Tally()
    load_before = os.getloadavg()[0]
    done = asyncio.Event()
    watching = asyncio.create_task(watch_loop(watch, server, workers, env, done))
    until = time.monotonic() + args.minutes * 60
    ingests = Ingests(articles, env, args.batch, args.ingest_pause, watch)
    async with client(site, READERS) as pages, client(site, args.streams + 4, None) as streaming:
        browsing = Browsing(pages, shown, tally, store.data_version, lambda: ingests.running > 0)
        streams = Streams(streaming, tally)
        holding = [
            asyncio.create_task(streams.hold(readers[n % READERS])) for n in range(args.streams)
        ]
        load = [
            *(browsing.reader(r, until, args.think, r.number) for r in readers),
            *(ingests.slot(n + 1, until, n) for n in range(INGESTS)),
            sign_ins(pages, site, others, args.sign_ins, until, tally),
        ]
        started = time.monotonic()
        before = _children_cpu()
        await asyncio.gather(*load)
        watch.cpu["ingests"] = _children_cpu() - before  # the runs, reaped as they ended
        seconds = time.monotonic() - started
        streaming = [r.user_id for r in readers if r.number in streams.holders]
        drained_in = await drain(store, args.drain, streaming)
        for task in holding:
            task.cancel()
        await asyncio.gather(*holding, return_exceptions=True)
    done.set()
    await watching
    for number, process in enumerate(workers):
        watch.cpu_of(f"worker {number + 1}", process.pid)
        stop(process)
    watch.cpu_of("server", server.pid)
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT event_id, user_id, channel_kind, status FROM deliveries")
        ).all()
    stats = httpx.get(f"{receiver}/stats", timeout=30).json()
    outbox = [(int(e), int(u), str(k), str(s)) for e, u, k, s in rows]
    return Outcome(
        tally,
        streams,
        ingests,
        watch,
        readers,
        drained_in,
        outbox,
        stats,
        seconds,
        (load_before, os.getloadavg()[0]),
        browsing.cached_by_ingest,
    )


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


async def drain(store: Store, limit: float, streaming: list[int]) -> float:
    """Seconds until no webhook alert, nor stream alert of a reader with an open stream, is
    pending or sending (retries included), at most `limit`."""
    due = text(
        "SELECT COUNT(*) FROM deliveries WHERE status IN ('pending', 'sending') AND "
        "(channel_kind = 'webhook' OR (channel_kind = 'stream' AND user_id IN :streaming))"
    ).bindparams(bindparam("streaming", expanding=True))
    started = time.monotonic()
    while time.monotonic() - started < limit:
        with store.read() as conn:
            left = conn.execute(due, {"streaming": streaming}).scalar_one()
        if not left:
            break
        await asyncio.sleep(1)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument(
        "--postgres", metavar="URL", help="run on this PostgreSQL database (its schema is dropped)"
    )
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--streams", type=int, default=50, help="open /api/v1/stream connections")
    parser.add_argument("--think", type=float, default=2.0, help="readers' mean think time, s")
    parser.add_argument("--follows", type=int, default=8, help="skaters each reader follows")
    parser.add_argument("--batch", type=int, default=20, help="reports per ingest run")
    parser.add_argument(
        "--ingest-pause", type=float, default=10.0, help="s between an ingest slot's runs"
    )
    parser.add_argument("--sign-ins", type=float, default=1.0, help="sign-in attempts per second")
    parser.add_argument("--seed-articles", type=int, default=500)
    parser.add_argument("--delivery-timeout", type=float, default=3.0, help="worker's, s")
    parser.add_argument(
        "--drain", type=float, default=300.0, help="most s to wait for delivery after the load"
    )
    args = parser.parse_args()
    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir(parents=True)
    url = args.postgres or f"sqlite:///{FOLDER / 'soak.db'}"
    backend = url.split(":")[0].split("+")[0]
    port = _free_port()
    site = f"http://127.0.0.1:{port}"
    smtp_port = _free_port()
    env = environment(url, site, smtp_port, args)
    print(
        f"soak on {backend}: {args.minutes:g} min, {READERS} readers, {INGESTS} ingests, "
        f"{args.workers} worker(s), {args.streams} streams, {args.sign_ins:g} sign-ins/s"
    )
    articles = synth_articles(10**9, seed=2026)
    seed_database(url, env, articles, args.seed_articles)
    store = Store(url)
    shown = catalog(store)
    receiving = {
        "SOAK_STALL_SECONDS": str(args.delivery_timeout + 1),
        "SOAK_FAIL": "0.2",
        "SOAK_STALL": "0.05",
    }
    try:
        with (
            served("soak_receiver:receiver_app", receiving, Path(__file__).parent) as receiver,
            mail_server(smtp_port) as mailbox,
            server(env, port) as process,
        ):
            outcome = asyncio.run(
                soak(args, store, shown, site, receiver, mailbox, env, process, articles)
            )
    finally:
        store.close()
    settings = {**vars(args), "backend": backend, "readers": READERS, "streams": args.streams}
    met = report(outcome, settings, FOLDER)
    print(f"  targets: {'met' if met else 'NOT met'} (logs, rss.csv, summary.json in {FOLDER})")


if __name__ == "__main__":
    main()
