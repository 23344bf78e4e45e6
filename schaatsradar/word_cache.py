"""A value per word (its stem, its hash), remembered up to a bound, shared by every thread.

Why: news vocabulary repeats, and one C-level lookup of all of an article's words in a dict is
several times cheaper than a Python call per word, even one through `functools.lru_cache`
(measured: see `WordCache`). The stemmer (`store.stemming`) and the near-duplicate
fingerprints (`ingest.dedupe`) each kept such a dict and emptied it in place when it was full,
so a thread could find words gone that it had just added (dedupe then raised KeyError).

Here a full table is never emptied under a reader: a new one takes its place, and a thread
that holds the old one finishes its lookup in it. Two threads filling tables at once at most
lose some of each other's entries, which only costs working them out again."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import Generic, TypeVar

T = TypeVar("T")


class WordCache(Generic[T]):
    """`of_words(words)` (a pure function of each word, given the missing words in one call),
    through a table of at most about `size` words. Called with words, it gives their values,
    in order."""

    def __init__(self, of_words: Callable[[list[str]], Iterable[T]], size: int) -> None:
        self._of_words = of_words
        self.size = size
        self._table: dict[str, T] = {}

    def __call__(self, words: Sequence[str]) -> tuple[T, ...]:
        if not words:
            return ()
        table = self._table  # this call's table: another thread may start a new one
        try:
            found = itemgetter(*words)(table)  # most articles hold no word it misses
        except KeyError:
            missing = set(words).difference(table)
            if len(table) + len(missing) > self.size:
                table = {}
                missing = set(words)
                self._table = table
            new = list(missing)
            table.update(zip(new, self._of_words(new), strict=True))
            found = itemgetter(*words)(table)
        return (found,) if len(words) == 1 else found  # type: ignore[no-any-return]
