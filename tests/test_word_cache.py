"""The per-word cache the stemmer and the duplicate fingerprints share: the values are the
function's own, also after a full table gives way to a new one, and threads looking words up
at once while tables are replaced each get every value they asked for."""

from __future__ import annotations

import threading
import zlib

from schaatsradar.ingest import dedupe
from schaatsradar.store import stemming
from schaatsradar.word_cache import WordCache


def crc32s(words: list[str]) -> list[int]:
    return [zlib.crc32(word.encode()) for word in words]


def test_values_are_the_functions_before_and_after_a_full_table_is_replaced():
    cache = WordCache(crc32s, size=3)
    for words in (["een"], ["een", "twee", "een"], ["drie", "vier", "vijf", "zes"], ["een"], []):
        assert list(cache(words)) == crc32s(words)


def test_threads_sharing_a_small_table_each_get_every_value():
    cache = WordCache(crc32s, size=8)
    failures: list[BaseException] = []

    def look_up(offset: int) -> None:
        try:
            for n in range(2000):
                words = [f"woord{(offset * 7 + n + k) % 40}" for k in range(6)]
                assert list(cache(words)) == crc32s(words)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=look_up, args=(t,)) for t in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_stems_and_word_hashes_are_the_uncached_ones():
    words = stemming.WORD.findall("schaatssters schaatsster reden een wereldrecord schaatssters")
    assert list(stemming._cached_stems(words)) == stemming.stems_of(words)
    assert list(dedupe._word_hashes(words)) == crc32s(words)
