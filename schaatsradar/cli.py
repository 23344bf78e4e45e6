"""The `schaatsradar` command. Each command parses its arguments, calls one operation, and
renders the result; no business logic lives here."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from schaatsradar.errors import SchaatsradarError
from schaatsradar.ingest.demo import demo_articles_path
from schaatsradar.ingest.pipeline import ingest as ingest_items
from schaatsradar.ingest.polling import add_source, poll_due
from schaatsradar.ingest.readers import Item, ReadContext, expand_targets, is_url, read_target
from schaatsradar.ingest.types import IngestReport
from schaatsradar.knowledge.book import Outcome, load_reference, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store, reading
from schaatsradar.store import sources as stored_sources

app = typer.Typer(
    help="Schaatsradar: speed-skating news, results and records.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
sources_app = typer.Typer(help="Sources that `poll` keeps reading.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")

console = Console()
errors = Console(stderr=True)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


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
    console.print(f"database is up to date: {settings.database_url}")


@app.command()
def ingest(
    targets: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs.")],
    source: Annotated[str | None, typer.Option(help="Publisher name for these articles.")] = None,
) -> None:
    """Read articles (seed-format text, JSON Lines, RSS/Atom, HTML) and store the new ones."""
    settings = Settings()
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
    """What the knowledge base made of the new facts."""
    console.print(
        f"knowledge: results {outcome.results}  records {outcome.records}  "
        f"new records {len(outcome.new_records)}  disputed {len(outcome.disputed)}  "
        f"left out {len(outcome.refused)}"
    )
    for line in outcome.new_records:
        console.print(f"  new record: {escape(line)}")
    for line in outcome.disputed:
        console.print(f"  [yellow]disputed[/]: {escape(line)}")


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
    settings = Settings()
    store = _open_store(settings)
    for result in poll_due(store, settings, _now()):
        line = f"{result.source}: {result.status}"
        if result.error:
            line += f" ({result.error})"
        elif result.status == "new content":
            line += f" — new {result.report.new}, duplicate {result.report.duplicate}"
        console.print(escape(line))


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
) -> None:
    """Serve the site on http://HOST:PORT."""
    import uvicorn

    from schaatsradar.web.app import create_app

    settings = Settings()
    _open_store(settings)
    uvicorn.run(create_app(settings), host=host, port=port)
