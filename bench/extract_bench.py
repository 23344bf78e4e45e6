"""Extraction speed: the dev corpus and our own cases (articles/s), synthetic race reports,
and 100 KB adversarial inputs (long digit runs, repeated names, no punctuation).
Targets (issues 3 and 11): >= 250 articles/s on the dev corpus; every adversarial input in
under 200 ms; the name finder on 100 KB of dense race prose in under 1 s (a bound once held by
a timed test in tests/extract/test_names.py, which now checks only what is found there)."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path

from schaatsradar.extract.names import find_skaters
from schaatsradar.extract.pipeline import extract
from schaatsradar.extract.registry import Registry
from schaatsradar.ingest.dense_prose import dense_race_prose
from schaatsradar.ingest.synth import synth_articles

ROOT = Path(__file__).parents[1]
DATE = dt.date(2026, 1, 24)


def timed(texts: list[str], registry: Registry, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            extract(text, DATE, registry)
        best = min(best, time.perf_counter() - started)
    return best


def adversarial() -> list[str]:
    size = 100_000
    return [
        ("1.12,74" * 20_000)[:size],
        ("9" * size),
        ("Jutta Leerdam Femke Kok " * 5000)[:size],
        ("won tweede baanrecord 36,09 de 1000 meter Leerdam " * 3000)[:size],
        ("Leerdam" + " de" * 40_000)[:size],
    ]


def main() -> None:
    registry = Registry.bundled()
    extract("warm up", DATE, registry)
    for name, folder in (
        ("dev corpus", ROOT.parent / "shared" / "corpus" / "dev"),
        ("own cases", ROOT / "tests" / "extract" / "cases"),
    ):
        texts = [p.read_text().split(" ", 3)[3] for p in sorted(folder.glob("*.txt"))]
        if texts:
            seconds = timed(texts, registry)
            print(f"  {name}: {len(texts)} articles, {len(texts) / seconds:.0f} articles/s")
    synth = [a.text for a in synth_articles(1000, seed=5)]
    seconds = timed(synth, registry, rounds=1)
    print(f"  synth race reports: {len(synth) / seconds:.0f} articles/s")
    timings = []
    for text in adversarial():
        started = time.perf_counter()
        extract(text, DATE, registry)
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"  100 KB adversarial inputs: max {max(timings):.0f} ms, median "
        f"{statistics.median(timings):.0f} ms   (target < 200 ms)"
    )
    prose = dense_race_prose(100_000)
    find_skaters(prose[:2000], registry)  # warm the per-registry indexes
    started = time.perf_counter()
    find_skaters(prose, registry)
    print(
        f"  100 KB dense race prose, name finder: "
        f"{(time.perf_counter() - started) * 1000:.0f} ms   (target < 1000 ms)"
    )


if __name__ == "__main__":
    print("extraction benchmark")
    main()
