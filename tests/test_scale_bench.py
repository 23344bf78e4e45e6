"""bench/scale_bench.py's input cache: the gzipped JSON Lines shards hold the synth corpus's
articles in order, a cache built over several runs holds the same ones, and `ingest` reads
them as they are."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from schaatsradar.ingest.readers import ReadContext, expand_targets, read_target
from schaatsradar.ingest.synth import synth_articles
from schaatsradar.ingest.types import RawArticle
from schaatsradar.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import scale_bench

SEED = 5


def _expected(count: int) -> list[tuple[str, str]]:
    return [(a.published.isoformat(), a.text) for a in synth_articles(count, SEED)]


def _records(paths: list[Path]) -> list[tuple[str, str]]:
    return [(r["date"], r["text"]) for r in scale_bench.read_records(paths)]


def test_shards_hold_the_corpus_in_order_and_a_partial_count_gets_a_head(tmp_path: Path):
    shards = scale_bench.ensure_shards(25, tmp_path / "cache", shard_size=10, seed=SEED)
    assert len(shards) == 3
    files = scale_bench.input_files(25, shards, shard_size=10, out=tmp_path)
    assert files[:2] == shards[:2] and files[2].parent == tmp_path
    assert _records(files) == _expected(25)


def test_a_cache_grown_over_two_runs_holds_the_same_articles(tmp_path: Path):
    folder = tmp_path / "cache"
    scale_bench.ensure_shards(15, folder, shard_size=10, seed=SEED)
    shards = scale_bench.ensure_shards(32, folder, shard_size=10, seed=SEED)
    assert len(shards) == 4
    assert _records(shards)[:32] == _expected(32)


def test_ingest_reads_a_shard_with_the_publishers_of_the_file_corpus(tmp_path: Path):
    shards = scale_bench.ensure_shards(10, tmp_path, shard_size=10, seed=SEED)
    found, missing = expand_targets([str(tmp_path)])
    assert found == [str(shards[0])] and not missing
    ctx = ReadContext(Settings(database_url="sqlite://"), dt.date(2026, 11, 21))
    items = [item for item in read_target(found[0], ctx) if isinstance(item, RawArticle)]
    assert len(items) == 10
    assert {item.source_key for item in items} == {"synth-000"}  # as in synth_10000/000/
    assert items[-1].origin.endswith(".jsonl.gz:10")
