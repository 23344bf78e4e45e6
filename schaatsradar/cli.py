"""The `schaatsradar` command. Each command parses its arguments, calls one operation, and
renders the result; no business logic lives here."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column, Table
from sqlalchemy.engine import make_url

from schaatsradar.background import yield_cpu_to_site
from schaatsradar.errors import SchaatsradarError
from schaatsradar.extract.scoring import Agreement
from schaatsradar.ingest.demo import demo_articles_path
from schaatsradar.ingest.pipeline import ingest as ingest_items
from schaatsradar.ingest.polling import add_source, poll_due
from schaatsradar.ingest.readers import Item, ReadContext, expand_targets, is_url, read_target
from schaatsradar.ingest.types import IngestReport
from schaatsradar.knowledge import season_calendar
from schaatsradar.knowledge.book import (
    Outcome,
    import_official,
    load_reference,
    merge,
    reconcile_pending,
)
from schaatsradar.knowledge.calendar import CalendarRejected, filter_events, parse_level
from schaatsradar.knowledge.calendar_fetch import read_calendar_source
from schaatsradar.knowledge.calendar_import import parse_calendar
from schaatsradar.knowledge.ical import IcalWords, calendar_ics
from schaatsradar.knowledge.left_out import left_out
from schaatsradar.knowledge.official import parse_official
from schaatsradar.knowledge.official_fetch import OfficialPoller, read_official_file
from schaatsradar.knowledge.official_poll import add_official, poll_official
from schaatsradar.knowledge.seasons import parse_season
from schaatsradar.knowledge.views import (
    distance_order,
    find_skater,
    profile,
    profile_json,
    skater_calendar,
)
from schaatsradar.settings import Settings
from schaatsradar.store import Store, reading, record_book, record_sources
from schaatsradar.store import knowledge as kb
from schaatsradar.store import sources as stored_sources
from schaatsradar.store.knowledge import ResultView
from schaatsradar.store.record_book import CLAIM, RecordRow
from schaatsradar.web.format import race_time

app = typer.Typer(
    help="Schaatsradar: speed-skating news, results and records.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
sources_app = typer.Typer(help="Sources that `poll` keeps reading.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")
official_app = typer.Typer(help="Official result and record lists.", no_args_is_help=True)
app.add_typer(official_app, name="official")
calendar_app = typer.Typer(help="The season calendar.")
app.add_typer(calendar_app, name="calendar")

console = Console()
errors = Console(stderr=True)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _background_settings() -> Settings:
    """Settings for a command that works in the background (ingest, poll, worker, …): it
    first lowers its CPU priority so that the site's requests get the cores first
    (`schaatsradar.background`)."""
    settings = Settings()
    yield_cpu_to_site(settings.background_nice)
    return settings


def _open_store(settings: Settings) -> Store:
    """Migrated, with the bundled reference facts loaded (a no-op when they are)."""
    store = Store(settings.database_url)
    store.upgrade()
    with store.write() as conn:
        load_reference(conn)
    return store


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database to the newest schema and load the reference data."""
    settings = Settings()
    _open_store(settings)
    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    console.print(f"database is up to date: {escape(shown)}")  # never the password


@app.command()
def ingest(
    targets: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs.")],
    source: Annotated[str | None, typer.Option(help="Publisher name for these articles.")] = None,
) -> None:
    """Read articles (seed-format text, JSON Lines, RSS/Atom, HTML) and store the new ones."""
    settings = _background_settings()
    store = _open_store(settings)
    report = _ingest_with_progress(store, targets, settings, source)
    _print_report(report)
    _print_outcome(reconcile_pending(store, _now()))
    raise typer.Exit(1 if report.rejected else 0)


def _ingest_with_progress(
    store: Store, targets: list[str], settings: Settings, source: str | None
) -> IngestReport:
    """Progress counts articles as their batches are stored; the total is known when every
    input is one article file, else the bar shows a running count."""
    found, missing = expand_targets(targets)
    ctx = ReadContext(settings, _now().date(), source, defer_text_files=True)
    one_per_file = all(Path(t).suffix.lower() in {".txt", ""} and not is_url(t) for t in found)
    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors, transient=False) as progress:
        task = progress.add_task("ingest", total=len(found) if one_per_file else None)

        def items() -> Iterator[Item]:
            yield from missing
            for target in found:
                yield from read_target(target, ctx)

        def stored(batch: IngestReport) -> None:
            done = batch.new + batch.duplicate + batch.near_duplicate + len(batch.rejected)
            progress.advance(task, done)

        try:
            report = ingest_items(store, items(), settings, _now(), on_batch=stored)
        finally:
            ctx.close()
        progress.update(
            task,
            completed=report.new + report.duplicate + report.near_duplicate + len(report.rejected),
            total=None if not one_per_file else len(found),
        )
        return report


def _print_outcome(outcome: Outcome) -> None:
    """What the knowledge base made of the new facts. Facts left out are counted on one line,
    not listed: most are mentions of other meets, as meant, and twenty lines of them read like
    errors; `reconcile --why` lists them with their reasons for whoever wants them."""
    console.print(
        f"knowledge: results {outcome.results}  unconfirmed {outcome.candidates}  "
        f"records {outcome.records}  "
        f"new records {len(outcome.new_records)}  disputed {len(outcome.disputed)}"
    )
    for line in outcome.new_records:
        console.print(f"  new record: {escape(line)}")
    for line in outcome.disputed:
        console.print(f"  [yellow]disputed[/]: {escape(line)}")
    if outcome.refused:
        console.print(
            f"left out: {len(outcome.refused)} (see `schaatsradar reconcile --why`)",
            markup=False,
        )


def _print_report(report: IngestReport) -> None:
    console.print(
        f"new: {report.new}  duplicate: {report.duplicate}  "
        f"near-duplicate: {report.near_duplicate}  rejected: {len(report.rejected)}"
    )
    if report.rejected:
        table = Table("where", "code", "reason", title="rejected")
        for rejection in report.rejected:
            table.add_row(escape(rejection.origin), rejection.code, escape(rejection.reason))
        console.print(table)


@app.command()
def search(
    query: str,
    json_output: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
    date_from: Annotated[dt.datetime | None, typer.Option("--from", formats=["%Y-%m-%d"])] = None,
    date_to: Annotated[dt.datetime | None, typer.Option("--to", formats=["%Y-%m-%d"])] = None,
    language: Annotated[str | None, typer.Option("--lang", help="nl, en, de or other")] = None,
    limit: Annotated[int, typer.Option(min=1, max=200)] = 20,
) -> None:
    """Full-text search with Dutch stemming; one hit per story."""
    settings = Settings()
    store = _open_store(settings)
    filters = reading.SearchFilters(
        date_from.date() if date_from else None, date_to.date() if date_to else None, language
    )
    with store.read() as conn:
        hits = reading.search(conn, query, filters, limit)
    if json_output:
        for hit in hits:
            print(
                json.dumps(
                    {
                        "id": hit.id,
                        "date": hit.published.isoformat(),
                        "title": hit.title,
                        "snippet": hit.snippet,
                        "score": round(hit.score or 0.0, 6),
                    },
                    ensure_ascii=False,
                )
            )
        return
    if not hits:
        console.print("no articles found")
    for hit in hits:
        also = (
            f"  (also published by {hit.also_published_by} sources)"
            if hit.also_published_by
            else ""
        )
        console.print(f"[bold]{hit.published}[/bold] #{hit.id} {escape(hit.title)}{also}")
        console.print("   " + _terminal_snippet(hit.snippet))


def _terminal_snippet(snippet: str) -> str:
    """The HTML snippet as Rich markup: matches shown in reverse video."""
    plain = escape(html.unescape(snippet.replace("<mark>", "\x00").replace("</mark>", "\x01")))
    return plain.replace("\x00", "[reverse]").replace("\x01", "[/reverse]")


@app.command()
def stats() -> None:
    """Counts of what is stored."""
    store = _open_store(Settings())
    with store.read() as conn:
        for name, value in reading.stats(conn).items():
            print(f"{name}: {value}")


@sources_app.command("add")
def sources_add(url: str) -> None:
    """Register a feed (or page) URL to poll."""
    settings = Settings()
    store = _open_store(settings)
    try:
        source_id, created = add_source(store, url, settings, _now())
    except SchaatsradarError as error:
        errors.print(f"[red]{error.code}[/red] {escape(error.message)}")
        raise typer.Exit(2) from None
    console.print(f"{'added' if created else 'already registered'}: #{source_id} {escape(url)}")


@sources_app.command("list")
def sources_list() -> None:
    """Registered sources with their polling state."""
    store = _open_store(Settings())
    with store.read() as conn:
        feeds = stored_sources.list_feeds(conn)
    table = Table("id", "url", "errors", "last polled", "next poll", "last error")
    for feed in feeds:
        table.add_row(
            str(feed.id),
            escape(feed.feed_url),
            str(feed.error_count),
            str(feed.last_polled_at or "-"),
            str(feed.next_poll_at or "-"),
            escape(feed.last_error or ""),
        )
    console.print(table)


@app.command()
def poll() -> None:
    """Fetch every source that is due and ingest what is new."""
    settings = _background_settings()
    store = _open_store(settings)
    for result in poll_due(store, settings, _now()):
        line = f"{result.source}: {result.status}"
        if result.error:
            line += f" ({result.error})"
        elif result.status == "new content":
            line += f" — new {result.report.new}, duplicate {result.report.duplicate}"
            if result.report.rejected:
                line += f", rejected {len(result.report.rejected)}"
        console.print(escape(line))
        for rejection in result.report.rejected:
            where, reason = escape(rejection.origin), escape(rejection.reason)
            console.print(f"  rejected {where}: {rejection.code} {reason}")


@app.command()
def synth(
    count: int,
    out: Annotated[Path, typer.Option(help="Folder to write the articles to.")] = Path("synth"),
    seed: Annotated[int, typer.Option(help="Same seed, same articles.")] = 0,
) -> None:
    """Write COUNT fictional Dutch race reports in the seed format (for load tests)."""
    from schaatsradar.ingest.synth import write_synth

    written = write_synth(count, out, seed)
    console.print(f"wrote {written} articles to {out}")


@app.command("extract")
def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Seed-format article files.")],
    json_output: Annotated[
        bool, typer.Option("--json", help="One contract object per line.")
    ] = False,
) -> None:
    """Extract skaters, results and records from article files."""
    from schaatsradar.extract.files import extract_files
    from schaatsradar.extract.registry import Registry

    failed = False
    for extracted in extract_files(files, Registry.bundled(), _now().date()):
        if extracted.contract is None:
            failed = True
            errors.print(
                f"[red]{escape(str(extracted.path))}[/red]: {escape(extracted.error or '')}"
            )
            continue
        if json_output:
            print(json.dumps(extracted.contract, ensure_ascii=False))
        else:
            _print_facts(extracted.contract)
    raise typer.Exit(1 if failed else 0)


def _print_facts(contract: dict) -> None:  # type: ignore[type-arg]
    console.print(
        f"[bold]{escape(contract['source'])}[/bold] {contract['date']} ({contract['language']})"
    )
    athletes = ", ".join(a["name"] for a in contract["athletes"]) or "-"
    console.print(f"  skaters: {escape(athletes)}")
    table = Table("skater", "distance", "time", "rank", "competition", "venue", "date")
    for r in contract["results"]:
        table.add_row(
            *(
                escape(str(r[k] if r[k] is not None else "-"))
                for k in (
                    "athlete",
                    "distance",
                    "time",
                    "rank",
                    "competition",
                    "venue",
                    "race_date",
                )
            )
        )
    if contract["results"]:
        console.print(table)
    for record in contract["records"]:
        console.print(
            f"  record: {record['type']} ({record['status']}) {record['athlete'] or '-'} "
            f"{record['distance'] or ''} {record['time'] or ''}"
        )


@app.command("eval")
def eval_command(
    gold_dir: Path,
    verbose: Annotated[bool, typer.Option("--verbose", help="List misses and extras.")] = False,
) -> None:
    """Precision, recall and F1 of extraction against a folder of gold files."""
    from schaatsradar.extract.files import evaluate_folder
    from schaatsradar.extract.registry import Registry

    evaluation = evaluate_folder(gold_dir, Registry.bundled(), _now().date())
    if verbose:
        for stem, kind, item in evaluation.misses:
            print(f"{stem} {kind} MISSED {json.dumps(item, ensure_ascii=False)}")
        for stem, kind, item in evaluation.extras:
            shown = {k: v for k, v in item.items() if k != "evidence"}
            print(f"{stem} {kind} EXTRA  {json.dumps(shown, ensure_ascii=False)}")
    for kind, score in evaluation.scores.items():
        print(
            f"{kind:20s} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
            f"(gold {score.gold}, predicted {score.predicted})"
        )
    if evaluation.venue.compared or evaluation.competition.compared:
        print(
            f"{'context':20s} venue {_agreement(evaluation.venue)}, "
            f"competition kind {_agreement(evaluation.competition)} (matched results)"
        )


def _agreement(agreement: Agreement) -> str:
    rate = agreement.rate
    return f"{rate:.3f} of {agreement.compared}" if rate is not None else "n/a"


@app.command("load-demo")
def load_demo() -> None:
    """Load the bundled demo articles (marked as demo content)."""
    settings = Settings()
    store = _open_store(settings)
    report = _ingest_with_progress(
        store, [str(demo_articles_path())], settings, "schaatsradar-demo"
    )
    _print_report(report)
    _print_outcome(reconcile_pending(store, _now()))


@app.command()
def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help=(
                "Server processes sharing the port (uvicorn's supervisor restarts one that "
                "dies); each builds the app from the same SCHAATSRADAR_* environment."
            ),
        ),
    ] = 1,
) -> None:
    """Serve the site on http://HOST:PORT."""
    import uvicorn

    from schaatsradar.web.access_log import log_config

    settings = Settings()
    if workers > 1 and _in_memory(settings.database_url):
        errors.print("an in-memory database cannot be shared by several processes")
        raise typer.Exit(2)
    # Migrated once, here, before any server process starts: N processes never race to
    # upgrade the schema.
    _open_store(settings).close()
    uvicorn.run(
        "schaatsradar.web.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        # Uvicorn believes X-Forwarded-* from 127.0.0.1 unless told not to; the setting decides.
        proxy_headers=settings.trusted_proxy,
        http="h11",  # the limits below are h11's (README, "Limits")
        h11_max_incomplete_event_size=settings.max_header_bytes,
        timeout_keep_alive=settings.keep_alive_seconds,
        log_config=log_config(),  # tokens in URLs never reach the log
    )


def _in_memory(url: str) -> bool:
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


@app.command()
def worker(
    once: Annotated[
        bool, typer.Option("--once", help="Send what is due now, then stop (for cron or tests).")
    ] = False,
) -> None:
    """Deliver alerts from the outbox (webhook, e-mail, Web Push) until stopped. Several
    workers may run at once against PostgreSQL."""
    import asyncio
    import signal

    from schaatsradar.alerts.worker import Worker
    from schaatsradar.knowledge.events import upcoming_chore

    settings = _background_settings()
    store = _open_store(settings)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        totals = await Worker(store, settings, chores=[upcoming_chore]).run(stop, once=once)
        console.print(
            f"delivered {totals.delivered}  retrying {totals.retried}  held {totals.held}  "
            f"dead {totals.dead}  dropped {totals.dropped}  lost {totals.lost}"
        )
        for line in totals.errors:
            console.print(f"  {line}")

    asyncio.run(main())


# -- knowledge --------------------------------------------------------------------------------


class Notation(StrEnum):
    """The language whose notation times are printed in: `1.12,74` (nl) or `1:12.74` (en)."""

    nl = "nl"
    en = "en"


NotationOption = Annotated[
    Notation,
    typer.Option("--lang", help="Time notation: nl (1.12,74) or en (1:12.74)."),
]


def _time(seconds: float | None, lang: Notation = Notation.nl) -> str:
    if seconds is None:
        return "-"
    return race_time(seconds, "en" if lang is Notation.en else "nl")


@app.command()
def reconcile(
    why: Annotated[
        bool,
        typer.Option("--why", help="List every fact left out of the knowledge base and why."),
    ] = False,
) -> None:
    """Take the facts of every stored article not yet in the knowledge base; with --why, also
    list each fact that is left out (a mention of another meet, an impossible time, …) with
    its reason, judged again against what the knowledge base holds now (nothing is changed)."""
    settings = _background_settings()
    store = _open_store(settings)
    _print_outcome(reconcile_pending(store, _now()))
    if not why:
        return
    facts = left_out(store)
    if not facts:
        console.print("nothing is left out")
        return
    table = Table("fact", "why it is left out", title=f"left out: {len(facts)}")
    for fact in facts:
        table.add_row(escape(fact.fact), escape(fact.reason))
    console.print(table)


@app.command()
def athlete(
    args: Annotated[
        list[str],
        typer.Argument(help="NAME for a profile, or `merge A B` to make B part of A."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of tables.")] = False,
    ics: Annotated[
        Path | None, typer.Option(help="Write the meets of this skater's distances as iCal.")
    ] = None,
    lang: NotationOption = Notation.nl,
) -> None:
    """A skater's profile (country, results, bests, records, news, next meets), or
    `athlete merge A B`: two registry entries that are one person, nothing lost."""
    settings = Settings()
    store = _open_store(settings)
    if args[0] == "merge":
        if len(args) != 3:
            _fail("usage: schaatsradar athlete merge KEEP OTHER", "E301")
        with store.write() as conn:
            keep, other = find_skater(conn, args[1]), find_skater(conn, args[2])
            if keep is None or other is None:
                missing = args[1] if keep is None else args[2]
                _fail(f"no skater {missing!r} (use the full name or the slug)", "E302")
            assert keep is not None and other is not None
            if keep.id == other.id:
                _fail(f"{keep.name} and {other.name} are already one skater", "E303")
            merge(conn, keep.id, other.id)
        console.print(f"merged {escape(other.name)} into {escape(keep.name)}")
        return
    name = " ".join(args)
    with store.read() as conn:
        skater = find_skater(conn, name)
        if skater is None:
            _fail(f"no skater {name!r}; try a full name, e.g. 'Jutta Leerdam'", "E302")
        assert skater is not None
        view = profile(conn, skater, _now().date())
        if ics is not None:
            ics.write_bytes(skater_calendar(conn, view))
    if ics is not None:
        errors.print(f"wrote {ics}")
    if as_json:
        print(json.dumps(profile_json(view), ensure_ascii=False, indent=2))
        return
    console.print(
        f"[bold]{escape(skater.name)}[/] {skater.country or ''} {skater.gender or ''}"
        + ("" if skater.known else "  (not in the registry)")
    )
    table = Table("date", "competition", "distance", "time", "rank", "sources")
    for result in view.results:
        day = result.race_date or result.start_date
        table.add_row(
            day.isoformat() if day else "-",
            escape(result.competition),
            result.distance,
            _time(result.seconds, lang),
            str(result.rank or "-") + (" [yellow]disputed[/]" if result.disputed else ""),
            str(result.sources),
        )
    console.print(table)
    season_best = f"season best {view.season}" if view.season else "season best"
    bests = Table("distance", "personal best", season_best, title="bests")
    for distance in sorted(view.personal_bests, key=distance_order):
        bests.add_row(
            distance,
            _time(view.personal_bests[distance], lang),
            _time(view.season_bests.get(distance), lang),
        )
    console.print(bests)
    for record in view.records:
        console.print(f"record: {_record_line(record, lang)}")
    for article in view.news:
        console.print(f"news: {article.published} {escape(article.title)}")
    for event in view.upcoming:
        console.print(
            f"next: {event.start} {escape(event.display_name)} ({escape(event.location)})"
        )


def _record_line(record: RecordRow, lang: Notation) -> str:
    where = f" {record.scope}" if record.scope else ""
    mark = f"{record.kind}{where} {record.gender} {record.distance} {_time(record.seconds, lang)}"
    day = f" {record.set_on}" if record.set_on else ""
    status = "" if record.status == "current" else escape(f" [{record.status}]")
    return escape(f"{mark} {record.holder or '?'}{day}") + status


@app.command()
def records(
    kind: Annotated[str | None, typer.Option("--type", help="world, track, national, ...")] = None,
    venue: Annotated[str | None, typer.Option(help="Rink city, e.g. Inzell.")] = None,
    distance: Annotated[str | None, typer.Option(help="500m, 1000m, team pursuit, ...")] = None,
    gender: Annotated[str | None, typer.Option(help="women, men or mixed.")] = None,
    history: Annotated[bool, typer.Option("--history", help="Superseded marks too.")] = False,
    claims: Annotated[
        bool, typer.Option("--claims", help="Only the news records nothing backs yet.")
    ] = False,
    lang: NotationOption = Notation.nl,
) -> None:
    """The record book as a table: current records (and disputed claims), or their whole
    history; with --claims the records the news claims that no result, official list or
    second source backs. Each mark with where it comes from."""
    settings = Settings()
    with _open_store(settings).read() as conn:
        rows = record_book.records(
            conn,
            kind=kind,
            venue=venue,
            distance=distance,
            gender=gender,
            history=history,
            status=CLAIM if claims else None,
        )
        origins = record_sources.provenance(conn, [r.id for r in rows])
        made_by = {
            r.id: kb.result_by_id(conn, r.result_id) for r in rows if r.result_id is not None
        }
        told = record_sources.result_sources(
            conn, [r.result_id for r in rows if r.result_id is not None]
        )
    if not rows:
        console.print("no claims" if claims else "no records match")
        return
    statuses = any(record.status != "current" for record in rows)
    table = Table(
        "record",
        Column("race", no_wrap=True),
        Column("time", justify="right", no_wrap=True),
        "holder",
        Column("date", no_wrap=True),
        *(["status"] if statuses else []),
        "sources",
        title="claims" if claims else "records",
    )
    for record in rows:
        result = made_by.get(record.id)
        sources = _source_labels(
            origins.get(record.id, []), result, told.get(result.id, []) if result else []
        )
        status = [] if not statuses else ["" if record.status == "current" else record.status]
        table.add_row(
            escape(f"{record.kind} {record.scope}".strip()),
            escape(f"{record.gender or ''} {record.distance}".strip()),
            _time(record.seconds, lang),
            escape(record.holder or "?"),
            record.set_on.isoformat() if record.set_on else "-",
            *map(escape, status),
            escape(", ".join(sources)),
        )
    console.print(table)


def _source_label(source: record_sources.Provenance) -> str:
    if source.kind == "article":
        day = f" ({source.published})" if source.published else ""
        return f"article {source.article_id}{day}"
    if source.kind == "official":
        return f"official list {source.source_key.removeprefix('official:')}"
    if source.kind == "reference":
        return "reference data"
    return source.source_key


def _source_labels(
    origins: list[record_sources.Provenance],
    result: ResultView | None,
    result_origins: list[record_sources.Provenance] | None = None,
) -> list[str]:
    """Where a mark comes from, short enough for a table cell: the result it was made from
    or that backs it (`race RACE` shows it) with the sources that result stands on, each
    article by id and day (`/artikel/ID`), the official list, the reference data."""
    labels = []
    if result is not None:
        named = {source.source_key for source in origins}
        stands_on = ", ".join(
            _source_label(s) for s in result_origins or [] if s.source_key not in named
        )
        labels.append(
            f"result {result.id} (race {result.race_id})"
            + (f" from {stands_on}" if stands_on else "")
        )
    labels.extend(_source_label(source) for source in origins)
    return labels


@app.command()
def conflicts(lang: NotationOption = Notation.nl) -> None:
    """Results whose sources disagree, and races with two claimed winners (held back from
    every reader until the sources or an official list settle it), with every claim and who
    made it."""
    settings = Settings()
    with _open_store(settings).read() as conn:
        held = [r for r in kb.results(conn, held=True) if r.held == "conflict"]
        disputed = kb.results(conn, disputed=True) + held
        for result in disputed:
            verdict = (
                "[red]conflict, held back[/]"
                if result.held
                else f"kept {_time(result.seconds, lang)} rank {result.rank or '-'}"
            )
            console.print(
                f"[bold]{escape(result.athlete)}[/] {result.distance} "
                f"{escape(result.competition)} (race {result.race_id}): {verdict}"
            )
            _print_claims(kb.claims(conn, result.id), lang)
        marks = [r for r in record_book.records(conn) if r.status == "disputed"]
        for mark in marks:
            console.print(f"[yellow]disputed record[/] {_record_line(mark, lang)}")
    if not disputed and not marks:
        console.print("no conflicts")


def _print_claims(claims: list[kb.ClaimRow], lang: Notation) -> None:
    for claim in claims:
        console.print(
            f"  {claim.source_key}: {_time(claim.seconds, lang)} rank {claim.rank or '-'}"
            + (" (official)" if claim.official else "")
            + (" (unsure)" if claim.candidate else "")
            + (f" «{escape(claim.evidence)}»" if claim.evidence else "")
        )


@app.command("race")
def race_command(race_id: int, lang: NotationOption = Notation.nl) -> None:
    """One race: its meet, day and every result with its sources."""
    settings = Settings()
    with _open_store(settings).read() as conn:
        race = kb.race(conn, race_id)
        if race is None:
            _fail(f"no race {race_id}", "E304")
        assert race is not None
        rows = kb.results(conn, race_id=race_id)
        held = kb.results(conn, race_id=race_id, held=True)
        held_claims = {r.id: kb.claims(conn, r.id) for r in held}
    day = race["race_date"] or ""
    console.print(
        f"[bold]{escape(race['competition'])}[/] {race['city'] or ''} {day} "
        f"{race['gender']} {race['distance']}"
    )
    table = Table("rank", "skater", "time", "sources")
    for result in sorted(rows, key=lambda r: (r.rank or 999, r.seconds or 1e9)):
        table.add_row(
            str(result.rank or "-"),
            escape(result.athlete),
            _time(result.seconds, lang),
            str(result.sources) + (" disputed" if result.disputed else ""),
        )
    console.print(table)
    for kind, title in (
        ("conflict", "[red]In conflict[/] (held back)"),
        ("candidate", "Unconfirmed"),
    ):
        listed = [r for r in held if r.held == kind]
        if listed:
            console.print(title)
        for result in listed:
            console.print(f"[bold]{escape(result.athlete)}[/]")
            _print_claims(held_claims[result.id], lang)


@calendar_app.callback(invoke_without_command=True)
def calendar(
    ctx: typer.Context,
    season: Annotated[
        str | None, typer.Option(help="2025-26, 2026-27, ...; default: the season running today")
    ] = None,
    start: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
    end: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
    level: Annotated[str | None, typer.Option(help="world cup, olympics, national, ...")] = None,
    ics: Annotated[Path | None, typer.Option(help="Also write the selection as iCal.")] = None,
) -> None:
    """A season's meets with dates, rink and distances: the season running today, another
    with --season, or any days with --from/--to. `calendar import FILE|URL` loads a season."""
    if ctx.invoked_subcommand is not None:
        return
    try:
        first = dt.date.fromisoformat(start) if start else None
        last = dt.date.fromisoformat(end) if end else None
        levels = [parse_level(level)] if level else None
        chosen = parse_season(season) if season else None
    except ValueError as error:
        _fail(f"bad date or season: {error}", "E305")
    except SchaatsradarError as error:
        _fail(error.message, error.code)
    today = _now().date()
    with _open_store(Settings()).read() as conn:
        view = season_calendar.season_view(conn, today, chosen)
        if chosen is None and (first or last):
            events = season_calendar.events_between(conn, first, last)  # days, not a season
        else:
            events = view.events
    events = filter_events(events, start=first, end=last, levels=levels)
    title = f"The {view.season} season" if chosen or not (first or last) else "The calendar"
    table = Table("from", "to", "meet", "where", "level", "distances", title=title)
    for event in events:
        table.add_row(
            event.start.isoformat(),
            event.end.isoformat(),
            escape(event.display_name) + (" (news)" if event.origin == "news" else ""),
            escape(event.location or event.city or ""),
            event.level or "",
            escape(", ".join(event.distances)),
        )
    console.print(table)
    if not view.loaded and (chosen or not (first or last)):
        _print_not_loaded(view)
    console.print("seasons known: " + ", ".join(str(s) for s in view.seasons))
    if ics is not None:
        site = Settings().site_url.rstrip("/")
        words = IcalWords(
            meet_url=lambda e: f"{site}/wedstrijden/{e.meet_id}" if e.meet_id else None
        )
        ics.write_bytes(calendar_ics(events, "Schaatsradar", words=words))
        console.print(f"wrote {ics}")


def _print_not_loaded(view: season_calendar.SeasonView) -> None:
    """Said plainly, with the latest results instead of an empty season."""
    console.print(
        f"The calendar for {view.season} is not loaded yet "
        f"(load one with `schaatsradar calendar import FILE|URL`)."
    )
    if view.latest:
        table = Table("meet", "where", "days", "id", title="latest results")
        for meet in view.latest:
            days = " – ".join(
                d.isoformat()
                for d in dict.fromkeys(
                    (meet.start_date or meet.last_race, meet.end_date or meet.last_race)
                )
            )
            table.add_row(escape(meet.name), escape(meet.city or ""), days, str(meet.id))
        console.print(table)


@calendar_app.command("import")
def calendar_import(
    target: Annotated[str, typer.Argument(help="An iCal, ISU events JSON or CSV file or URL.")],
) -> None:
    """Load a season's calendar: iCal (RFC 5545), the ISU's events JSON, or CSV shaped like
    the bundled calendar_2025_26.csv. One broken event and nothing is stored."""
    settings = _background_settings()
    try:
        content, name = read_calendar_source(target, settings)
        events = parse_calendar(content, name)
    except CalendarRejected as error:
        for problem in error.problems:
            errors.print(f"[red]{error.code}[/] {escape(str(problem))}")
        errors.print(f"nothing stored: {len(error.problems)} problem(s) in {escape(target)}")
        raise typer.Exit(1) from None
    except SchaatsradarError as error:
        _fail(error.message, error.code)
    store = _open_store(settings)
    with store.write() as conn:
        saved = season_calendar.store_calendar(conn, events, _now())
    seasons = ", ".join(str(s) for s in saved.seasons)
    console.print(
        f"calendar {seasons}: {len(events)} meets "
        f"({len(saved.new)} new, {len(saved.updated)} updated, {len(saved.unchanged)} unchanged)"
    )


@official_app.command("import")
def official_import(
    target: Annotated[str, typer.Argument(help="A JSON file or an http(s) URL.")],
) -> None:
    """Import an official result or record list (ISU results API, SpeedSkatingResults.com).
    One bad row and nothing is stored."""
    settings = _background_settings()
    store = _open_store(settings)
    try:
        if is_url(target):
            with OfficialPoller(settings) as poller:
                payload = poller.fetch(target).payload
        else:
            payload = read_official_file(Path(target), settings)
        data = parse_official(payload, target)
        with store.write() as conn:
            outcome = import_official(conn, data, _now())
    except SchaatsradarError as error:
        _fail(error.message, error.code)
    _print_outcome(outcome)


@official_app.command("add")
def official_add(url: str) -> None:
    """Register an official list URL for `schaatsradar official poll`."""
    settings = Settings()
    if not is_url(url):
        _fail(f"not an http(s) URL: {url!r}", "E145")
    try:
        created = add_official(_open_store(settings), url, settings, _now())
    except SchaatsradarError as error:
        errors.print(f"[red]{error.code}[/red] {escape(error.message)}")
        raise typer.Exit(2) from None
    console.print(("added " if created else "already known: ") + escape(url))


@official_app.command("poll")
def official_poll() -> None:
    """Fetch the registered official lists that are due and import what changed."""
    settings = _background_settings()
    failed = False
    for poll in poll_official(_open_store(settings), settings, _now()):
        console.print(
            f"{escape(poll.url)}: {poll.status}"
            + (f" ({escape(poll.error)})" if poll.error else "")
        )
        if poll.outcome is not None:
            _print_outcome(poll.outcome)
        failed = failed or poll.status == "failed"
    raise typer.Exit(1 if failed else 0)


def _fail(message: str, code: str) -> NoReturn:
    errors.print(f"[red]{code}[/] {escape(message)}")
    raise typer.Exit(1)


# -- API tokens -------------------------------------------------------------------------------

token_app = typer.Typer(help="Tokens that may write through the JSON API.", no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Argument(help="Who or what uses it, e.g. 'newsroom-feed'.")],
) -> None:
    """Make an API token. It is printed once; only its hash is stored."""
    from schaatsradar.store import tokens

    if not name.strip():
        _fail("the token needs a name", "E351")
    with _open_store(Settings()).write() as conn:
        issued = tokens.issue(conn, name.strip(), _now())
    errors.print(f"token #{issued.id} for {escape(issued.name)}; it is shown only this once:")
    print(issued.token)


@token_app.command("revoke")
def token_revoke(name: Annotated[str, typer.Argument(help="The name given at creation.")]) -> None:
    """Revoke every token with this name; writes with them are refused from now on."""
    from schaatsradar.store import tokens

    with _open_store(Settings()).write() as conn:
        revoked = tokens.revoke(conn, name, _now())
    if not revoked:
        _fail(f"no live token named {name!r}", "E352")
    console.print(f"revoked {revoked} token(s) named {escape(name)}")


# -- readers' accounts ------------------------------------------------------------------------

user_app = typer.Typer(help="Readers' accounts (they can also register on the site).")
app.add_typer(user_app, name="user", no_args_is_help=True)


@user_app.command("create")
def user_create(
    email: Annotated[str, typer.Argument(help="The reader's e-mail address (their login).")],
    password_file: Annotated[
        Path | None,
        typer.Option(help="Read the password from this file's first line instead of asking."),
    ] = None,
) -> None:
    """Make an account, as registering on the site does (with its live `stream` channel)."""
    from schaatsradar.accounts import operations
    from schaatsradar.accounts.errors import AccountError

    if password_file is not None:
        lines = password_file.read_text(encoding="utf-8").splitlines()
        password = lines[0] if lines else ""
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user_id = operations.register(_open_store(Settings()), email, password, _now())
    except AccountError as error:
        _fail(error.message, error.code)
    console.print(f"account #{user_id} for {escape(email.strip().lower())}")


@user_app.command("token")
def user_token(
    email: Annotated[str, typer.Argument(help="The account's e-mail address.")],
    name: Annotated[str, typer.Argument(help="What the token is for, e.g. 'feed reader'.")],
    feed: Annotated[
        bool, typer.Option("--feed", help="A feed token: reads the private Atom feed only.")
    ] = False,
) -> None:
    """Make a personal token for the reader: an API token (their follows, feed and alert
    settings only) or, with --feed, one that only reads their private Atom feed. It is
    printed once; only its hash is stored."""
    from schaatsradar.accounts import operations
    from schaatsradar.accounts.errors import AccountError

    store = _open_store(Settings())
    try:
        account = operations.account_by_email(store, email)
        scope = "feed" if feed else "api"
        issued = operations.issue_personal_token(store, account.id, name, _now(), scope)
    except AccountError as error:
        _fail(error.message, error.code)
    errors.print(
        f"personal token #{issued.id} ({escape(issued.name)}) for {escape(account.email)};"
    )
    errors.print("it is shown only this once:")
    print(issued.token)
