"""`ingest()`: the one operation every entry point (CLI, poller, demo loader, API) calls.

Articles go in batches: each batch is one transaction, so an ingest killed halfway leaves whole
batches behind, and running it again skips what is stored (exact duplicates by URL and text
hash) and adds the rest. Deciding what is new, a duplicate or a near-duplicate is a pure
function of the batch and what the store already knows.

One article can only fail itself: preparing it is guarded per article, and a batch the
database refuses is written again one article at a time, so the one it refuses is reported
with the database's reason and the others of the batch are stored.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import multiprocessing
import multiprocessing.context
import os
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection
from sqlalchemy.exc import DataError, IntegrityError

from schaatsradar.errors import EMPTY_TEXT, ITEM_FAILED, InputRejected, SchaatsradarError
from schaatsradar.extract.pipeline import EXTRACTOR_VERSION, extract
from schaatsradar.extract.registry import Registry
from schaatsradar.ingest import clean, dedupe, text_safety
from schaatsradar.ingest.language import detect_language
from schaatsradar.ingest.readers import read_text_file
from schaatsradar.ingest.titles import title_for
from schaatsradar.ingest.types import (
    IngestReport,
    PreparedArticle,
    RawArticle,
    Rejection,
    TextFile,
    failure_reason,
)
from schaatsradar.ingest.urls import canonical_url, source_key_for
from schaatsradar.settings import Settings
from schaatsradar.store import Store, pg_search, stemming
from schaatsradar.store import articles as stored
from schaatsradar.store.dialect import is_postgresql

MAX_CANDIDATES = 50
PREPARE_CHUNK = 100
# Chunks queued per worker: enough to keep workers busy while this process writes a batch.
IN_FLIGHT_PER_WORKER = 6
# How often a worker process checks that the ingest that started it is still alive.
PARENT_CHECK_SECONDS = 0.5
Outcome = Literal["new", "near_duplicate", "duplicate"]
# What a database says about the data of one row (too long, not encodable, a constraint), as
# opposed to the database being unreachable, which stops the run.
REFUSED_BY_DATABASE = (DataError, IntegrityError, ValueError)


def prepare(
    raw: RawArticle, registry: Registry | None = None, lexemes: bool = False
) -> PreparedArticle:
    """Clean and fingerprint one article, and extract its facts when given the registry.
    Pure: no store, no clock. Text no database or feed can hold is refused or mended first.
    `lexemes`: also make PostgreSQL's search lexemes (when that is the store)."""
    raw = text_safety.checked(raw)
    paragraphs = clean.remove_promo(clean.split_paragraphs(raw.text))
    if not paragraphs:
        raise InputRejected("nothing left after removing promo paragraphs", EMPTY_TEXT)
    clean_text = clean.join_paragraphs(paragraphs)
    # The words of each paragraph, once: joined they are `dedupe.normalised_words(clean_text)`,
    # and the head and tail paragraphs' hashes are made of them.
    paragraph_words = [clean.paragraph_words(p) for p in paragraphs]
    words = list(itertools.chain.from_iterable(paragraph_words))
    if not words:
        raise InputRejected("text has no words", EMPTY_TEXT)
    signature = dedupe.signature(words)
    url = canonical_url(raw.url)
    title = title_for(raw.title, paragraphs)
    language = detect_language(clean_text)
    search_terms = stemming.search_terms(title, clean_text, words)
    return PreparedArticle(
        raw=raw,
        url=url,
        source_key=raw.source_key or source_key_for(url) or "unknown",
        title=title,
        clean_text=clean_text,
        language=language,
        text_hash=dedupe.text_hash(words),
        signature=signature,
        band_keys=dedupe.band_keys(signature),
        boundary_paragraphs=clean.boundary_paragraph_hashes(paragraphs, paragraph_words),
        search_terms=search_terms,
        facts=_facts(raw, clean_text, language, registry),
        search_lexemes=(
            pg_search.article_lexemes(*search_terms, stemming.token_set(words)) if lexemes else None
        ),
    )


def _facts(
    raw: RawArticle, clean_text: str, language: str, registry: Registry | None
) -> dict[str, Any] | None:
    """The extraction contract for the clean text (its spans index the stored clean text)."""
    if registry is None:
        return None
    # An article dated only by its month is handed that month's first day, as `eval` and the
    # confidence model's training read it: its history years ("vorig jaar") and days need a
    # date, and the knowledge base knows which days such a date cannot give
    # (`meet_rules.guessed_day`).
    facts = extract(clean_text, raw.published, registry)
    return facts.to_contract(raw.origin, raw.published, language)


@dataclass(frozen=True)
class Decision:
    article: PreparedArticle
    id: int  # the id it gets if stored
    outcome: Outcome
    cluster_id: int
    duplicate_of: int | None = None


def decide(
    batch: Sequence[PreparedArticle],
    ids: Sequence[int],
    known: stored.KnownArticles,
    threshold: float,
) -> list[Decision]:
    """New, exact duplicate, or near duplicate (joining a cluster), in batch order."""
    decisions = []
    for article, article_id in zip(batch, ids, strict=True):
        duplicate_of = (article.url and known.id_by_url.get(article.url)) or known.id_by_hash.get(
            article.text_hash
        )
        if duplicate_of:
            decisions.append(Decision(article, article_id, "duplicate", 0, duplicate_of))
            continue
        similar = _most_similar(article, known, threshold)
        cluster = known.cluster_by_id[similar] if similar is not None else article_id
        outcome: Outcome = "near_duplicate" if similar is not None else "new"
        decisions.append(Decision(article, article_id, outcome, cluster))
        _remember(known, article, article_id, cluster)
    return decisions


def _most_similar(
    article: PreparedArticle, known: stored.KnownArticles, threshold: float
) -> int | None:
    shared: dict[int, int] = {}
    for key in article.band_keys:
        for candidate in known.ids_by_band.get(key, ()):
            shared[candidate] = shared.get(candidate, 0) + 1
    if not shared:
        return None
    best, best_score = None, threshold
    for candidate in sorted(shared, key=shared.__getitem__, reverse=True)[:MAX_CANDIDATES]:
        score = dedupe.similarity(article.signature, known.signature_by_id[candidate])
        if score >= best_score:
            best, best_score = candidate, score
    return best


def _remember(
    known: stored.KnownArticles, article: PreparedArticle, article_id: int, cluster: int
) -> None:
    if article.url:
        known.id_by_url[article.url] = article_id
    known.id_by_hash[article.text_hash] = article_id
    ids_by_band = known.ids_by_band
    for key in article.band_keys:
        bucket = ids_by_band.get(key)
        if bucket is None:
            ids_by_band[key] = [article_id]
        else:
            bucket.append(article_id)
    known.signature_by_id[article_id] = article.signature
    known.cluster_by_id[article_id] = cluster


def prepare_chunk(
    items: Sequence[RawArticle | Rejection | TextFile], settings: Settings, today: dt.date
) -> list[PreparedArticle | Rejection]:
    """`prepare` over a chunk, errors turned into Rejections (runs in worker processes).
    Deferred text files are read here first."""
    registry = Registry.bundled() if settings.extract_on_ingest else None
    lexemes = is_postgresql(settings.database_url)
    prepared: list[PreparedArticle | Rejection] = []
    for item in _read_deferred(items, settings, today):
        if isinstance(item, Rejection):
            prepared.append(item)
            continue
        try:
            prepared.append(prepare(item, registry, lexemes))
        except SchaatsradarError as error:
            prepared.append(Rejection(item.origin, error.code, error.message))
        except Exception as error:  # isolation: extraction or cleaning failing fails one article
            prepared.append(Rejection(item.origin, ITEM_FAILED, failure_reason(error)))
    return prepared


def _read_deferred(
    items: Sequence[RawArticle | Rejection | TextFile], settings: Settings, today: dt.date
) -> Iterator[RawArticle | Rejection]:
    for item in items:
        if isinstance(item, TextFile):
            for read in read_text_file(item, settings, today):
                if not isinstance(read, TextFile):
                    yield read
        else:
            yield item


Input = RawArticle | Rejection | TextFile


def _chunks(items: Iterable[Input], size: int) -> Iterator[list[Input]]:
    chunk: list[Input] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def prepare_all(
    items: Iterable[Input], settings: Settings, today: dt.date
) -> Iterator[PreparedArticle | Rejection]:
    """Prepared articles in input order. Cleaning and fingerprinting cost more than writing,
    so past `parallel_after` articles they move to worker processes while this process reads
    and writes; small ingests never pay for starting a pool."""
    workers = min(settings.ingest_workers, os.cpu_count() or 1)
    pending: deque[Future[list[PreparedArticle | Rejection]]] = deque()
    pool: ProcessPoolExecutor | None = None
    seen = 0
    try:
        for chunk in _chunks(items, PREPARE_CHUNK):
            seen += len(chunk)
            if pool is None and workers > 1 and seen > settings.parallel_after:
                settle_heap()
                pool = ProcessPoolExecutor(
                    workers,
                    mp_context=_pool_context(),
                    initializer=_exit_with_parent,
                    initargs=(os.getpid(),),
                )
            if pool is None:
                yield from prepare_chunk(chunk, settings, today)
                continue
            pending.append(pool.submit(prepare_chunk, chunk, settings, today))
            while len(pending) > IN_FLIGHT_PER_WORKER * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def settle_heap() -> None:
    """Move what is alive now (modules, caches, the store's engine) out of the garbage
    collector's sight (`gc.freeze`), as the web app does at start-up (`web.rendering`).

    Why: preparing and writing an article allocates enough objects to set off a full
    collection every ~2,000 articles, and each walked the ~190,000 objects start-up made, for
    nothing: 1.0 of 1.2 s of the writer's collecting on 20,000 articles (a worker forked from
    it inherits the same heap and walks it too). Garbage is collected first, so no cycle that
    is garbage already is kept for good; objects frozen are still freed when no longer
    referenced, only not searched for cycles."""
    gc.collect()
    gc.freeze()


def _exit_with_parent(parent: int) -> None:
    """Runs first in each worker process. A worker waits on its task queue, which it keeps open
    itself, so an ingest killed with SIGKILL would leave it waiting forever: a thread notices
    the worker was handed to another parent and ends the process. (Portable, unlike Linux's
    PR_SET_PDEATHSIG.) What the worker inherited from its parent is frozen already
    (`settle_heap` ran before the pool started); what its start-up adds is frozen too."""
    gc.freeze()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _pool_context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


def ingest(
    store: Store,
    items: Iterable[Input],
    settings: Settings,
    now: dt.datetime,
    on_batch: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    report = IngestReport()
    batch: list[PreparedArticle] = []
    for item in prepare_all(items, settings, now.date()):
        if isinstance(item, Rejection):
            report.rejected.append(_printable(item))
            continue
        batch.append(item)
        if len(batch) >= settings.ingest_batch_size:
            _flush(store, batch, settings, now, report, on_batch)
            batch = []
    _flush(store, batch, settings, now, report, on_batch)
    return report


def _flush(
    store: Store,
    batch: list[PreparedArticle],
    settings: Settings,
    now: dt.datetime,
    report: IngestReport,
    on_batch: Callable[[IngestReport], None] | None,
) -> None:
    if not batch:
        return
    try:
        with store.write() as conn:
            batch_report = write_batch(conn, batch, settings, now)
    except REFUSED_BY_DATABASE:
        batch_report = _write_one_by_one(store, batch, settings, now)
    report.merge(batch_report)
    if on_batch is not None:
        on_batch(batch_report)


def _write_one_by_one(
    store: Store, batch: list[PreparedArticle], settings: Settings, now: dt.datetime
) -> IngestReport:
    """The batch the database refused, one transaction per article: the article it refuses is
    reported with the reason, the others are stored."""
    report = IngestReport()
    for article in batch:
        try:
            with store.write() as conn:
                report.merge(write_batch(conn, [article], settings, now))
        except REFUSED_BY_DATABASE as error:
            cause = str(getattr(error, "orig", None) or error).strip() or type(error).__name__
            reason = f"the database refused it: {cause.splitlines()[0][:200]}"
            report.rejected.append(_printable(Rejection(article.raw.origin, ITEM_FAILED, reason)))
    return report


def _printable(rejection: Rejection) -> Rejection:
    """Rejections are printed and stored as a source's last error: no broken characters."""
    return Rejection(
        text_safety.printable(rejection.origin),
        rejection.code,
        text_safety.printable(rejection.reason),
    )


def write_batch(
    conn: Connection, batch: Sequence[PreparedArticle], settings: Settings, now: dt.datetime
) -> IngestReport:
    known = stored.lookup_known(
        conn,
        [a.url for a in batch if a.url],
        [a.text_hash for a in batch],
        [key for a in batch for key in a.band_keys],
    )
    ids = stored.allocate_ids(conn, len(batch))
    decisions = decide(batch, ids, known, settings.near_duplicate_threshold)
    source_ids = stored.source_ids(conn, {a.source_key for a in batch}, now)
    keep = [d for d in decisions if d.outcome != "duplicate"]
    boilerplate, newly_boilerplate = _count_boundaries(conn, keep, source_ids, settings)
    registry = Registry.bundled() if settings.extract_on_ingest else None
    stored.insert_articles(conn, [_row(d, source_ids, boilerplate, registry) for d in keep], now)
    stored.insert_aliases(conn, _aliases(decisions, known, source_ids), now)
    _reclean_older(conn, newly_boilerplate, boilerplate, {d.id for d in keep}, registry, now)
    outcomes = Counter(d.outcome for d in decisions)
    return IngestReport(
        new=outcomes["new"],
        near_duplicate=outcomes["near_duplicate"],
        duplicate=outcomes["duplicate"],
    )


def _count_boundaries(
    conn: Connection, keep: Sequence[Decision], source_ids: dict[str, int], settings: Settings
) -> tuple[dict[int, frozenset[int]], dict[int, set[int]]]:
    """Per source: paragraph hashes now known as boilerplate, and those that just became so."""
    per_source: dict[int, Counter[int]] = defaultdict(Counter)
    for decision in keep:
        per_source[source_ids[decision.article.source_key]].update(
            decision.article.boundary_paragraphs
        )
    boilerplate: dict[int, frozenset[int]] = {}
    newly: dict[int, set[int]] = {}
    for source_id, counts in per_source.items():
        before_after = stored.count_boundary_paragraphs(conn, source_id, dict(counts))
        limit = settings.boilerplate_min_articles
        boilerplate[source_id] = frozenset(h for h, (_, n) in before_after.items() if n >= limit)
        newly[source_id] = {h for h, (b, n) in before_after.items() if b < limit <= n}
    return boilerplate, newly


def _row(
    decision: Decision,
    source_ids: dict[str, int],
    boilerplate: dict[int, frozenset[int]],
    registry: Registry | None,
) -> stored.NewArticle:
    article = decision.article
    source_id = source_ids[article.source_key]
    clean_text, facts = article.clean_text, article.facts
    search_terms: tuple[str, str] | None = article.search_terms
    search_lexemes = article.search_lexemes
    known_boilerplate = boilerplate.get(source_id, frozenset())
    if known_boilerplate.intersection(article.boundary_paragraphs):
        paragraphs = clean.split_paragraphs(article.clean_text)
        # An article made only of a source's recurring paragraphs keeps them.
        kept = clean.remove_promo(paragraphs, known_boilerplate) or paragraphs
        if kept != paragraphs:
            # the store indexes it
            clean_text, search_terms, search_lexemes = clean.join_paragraphs(kept), None, None
            facts = _facts(article.raw, clean_text, article.language, registry)
    return stored.NewArticle(
        id=decision.id,
        source_id=source_id,
        url=article.url,
        title=article.title,
        published=article.raw.published,
        date_precision=article.raw.date_precision,
        language=article.language,
        original_text=article.raw.text,
        clean_text=clean_text,
        text_hash=article.text_hash,
        cluster_id=decision.cluster_id,
        minhash=article.signature,
        band_keys=article.band_keys,
        boundary_paragraphs=article.boundary_paragraphs,
        origin=article.raw.origin,
        demo=article.raw.demo,
        search_terms=search_terms,
        search_lexemes=search_lexemes,
        facts=facts,
        extractor=EXTRACTOR_VERSION if facts is not None else None,
    )


def _aliases(
    decisions: Sequence[Decision], known: stored.KnownArticles, source_ids: dict[str, int]
) -> list[stored.NewAlias]:
    """A duplicate under a URL not seen before is remembered under that URL."""
    aliases = []
    seen_urls = set(known.id_by_url)
    for decision in decisions:
        url = decision.article.url
        if decision.outcome != "duplicate" or not url or url in seen_urls:
            continue
        seen_urls.add(url)
        aliases.append(
            stored.NewAlias(
                article_id=decision.duplicate_of or 0,
                source_id=source_ids[decision.article.source_key],
                url=url,
                origin=decision.article.raw.origin,
            )
        )
    return aliases


def _reclean_older(
    conn: Connection,
    newly: dict[int, set[int]],
    boilerplate: dict[int, frozenset[int]],
    just_written: set[int],
    registry: Registry | None,
    now: dt.datetime,
) -> None:
    """A paragraph that has just become boilerplate leaves the articles stored before."""
    for source_id, hashes in newly.items():
        done: set[int] = set(just_written)
        for paragraph_hash in hashes:
            for article in stored.articles_with_boundary_paragraph(conn, source_id, paragraph_hash):
                if article.id in done:
                    continue
                done.add(article.id)
                paragraphs = clean.split_paragraphs(article.clean_text)
                kept = clean.remove_promo(paragraphs, boilerplate[source_id]) or paragraphs
                if kept == paragraphs:
                    continue
                clean_text = clean.join_paragraphs(kept)
                stored.update_clean_text(conn, article.id, article.title, clean_text)
                if registry is not None:  # the facts' evidence spans index the clean text
                    raw = RawArticle(
                        article.origin,
                        article.original_text,
                        article.published,
                        "day" if article.date_precision == "day" else "month",
                    )
                    facts = _facts(raw, clean_text, article.language, registry)
                    if facts is not None:
                        stored.save_facts(conn, [(article.id, EXTRACTOR_VERSION, facts)], now)
