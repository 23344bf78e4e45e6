"""Extraction speed: the dev corpus and our own cases (articles/s), synthetic race reports,
and 100 KB adversarial inputs (long digit runs, repeated names, no punctuation, record-heavy
news).
Targets (issues 3 and 11): >= 250 articles/s on the dev corpus; every adversarial input in
under 200 ms; the name finder on 100 KB of dense race prose in under 1 s (a bound once held by
a timed test in tests/extract/test_names.py, which now checks only what is found there)."""

from __future__ import annotations

import datetime as dt
import random
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


# Invented news paragraphs full of records (world, track and national records, old marks
# beaten, holders named in Dutch and English): every sentence asks the record readers,
# which once scanned the whole text or every record again per record (quadratic).
RECORD_PARAGRAPHS = (
    "Jutta Leerdam verbeterde zaterdag in Calgary het baanrecord op de 1000 meter van "
    "1.12,90 naar 1.12,41. Femke Kok werd tweede in 1.12,88.",
    "Het wereldrecord op de 500 meter staat op naam van Femke Kok, die in Salt Lake City "
    "36,09 reed. Erin Jackson werd tweede in 36,40.",
    "Jordan Stolz reed in Calgary een wereldrecord op de 1500 meter: 1.40,48. Hij dook "
    "daarmee onder zijn eigen record van 1.41,04.",
    "Joy Beune verbeterde het Nederlands record op de 3000 meter naar 3.53,26. Het oude "
    "record van 3.54,01 stond op naam van Irene Schouten.",
    "Kjeld Nuis won de 1500 meter in 1.43,10 en verbeterde daarmee het baanrecord van "
    "Thialf, dat sinds 2020 op naam stond van Thomas Krol.",
    "Jordan Stolz set a world record in the 1000 metres with 1:05.21, bettering the "
    "previous mark of 1:05.37 set by Pavel Kulizhnikov.",
    "Femke Kok won the 500 metres in 36.71, a track record, ahead of Erin Jackson in 36.88. "
    "The previous mark of 36.95 was set by Vanessa Herzog.",
    "Joep Wennemars verbeterde het baanrecord van Jenning de Boo naar 34,05 op de 500 meter. "
    "De Boo werd tweede in 34,21.",
    "Ragne Wiklund reed op de 3000 meter een nieuw baanrecord van 3.56,04. Het wereldrecord "
    "staat op naam van Martina Sablikova.",
    "Marijke Groenewoud schaatste in Heerenveen een persoonlijk record van 1.54,12 op de "
    "1500 meter en werd derde achter Joy Beune en Antoinette Rijpma-de Jong.",
    "Patrick Roest broke the track record in the 5000 metres in 6:01.58, bettering the "
    "previous mark of 6:02.98 set by Sven Kramer in 2017.",
    "Het baanrecord van Kjeld Nuis hield geen stand: Jenning de Boo reed 1.06,02 op de 1000 "
    "meter en verbeterde het record met drie honderdsten.",
)


def record_news(size: int = 100_000, seed: int = 1) -> str:
    """`size` characters of record paragraphs in a seeded shuffled order."""
    rnd = random.Random(seed)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        paragraphs.append(rnd.choice(RECORD_PARAGRAPHS))
        length += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)[:size]


def adversarial() -> list[tuple[str, str]]:
    size = 100_000
    return [
        ("digit runs", ("1.12,74" * 20_000)[:size]),
        ("nines", "9" * size),
        ("repeated names", ("Jutta Leerdam Femke Kok " * 5000)[:size]),
        ("no punctuation", ("won tweede baanrecord 36,09 de 1000 meter Leerdam " * 3000)[:size]),
        ("one name, filler", ("Leerdam" + " de" * 40_000)[:size]),
        ("record-heavy news", record_news(size)),
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
    for label, text in adversarial():
        started = time.perf_counter()
        extract(text, DATE, registry)
        timings.append(((time.perf_counter() - started) * 1000, label))
    slowest, slowest_label = max(timings)
    print(
        f"  100 KB adversarial inputs: max {slowest:.0f} ms ({slowest_label}), median "
        f"{statistics.median(ms for ms, _ in timings):.0f} ms   (target < 200 ms)"
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
