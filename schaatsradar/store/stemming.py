"""Dutch snowball stems for the SQLite full-text index and its queries.

FTS5 cannot call a Python tokenizer through the sqlite3 module, so the store feeds the index
with stems and stems queries the same way: `schaatssters` and `schaatsster` both become
`schaats`. PostgreSQL indexes the very same stems (`index_tokens`, as lexemes of its own
`article_search` table), so both engines match the same articles for the same words.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
import unicodedata

import Stemmer

from schaatsradar.word_cache import WordCache

WORD = re.compile(r"\w+")
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    # PyStemmer objects keep a cache and are not safe to share between threads.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("dutch")
    return stemmer


def stems(text: str) -> list[str]:
    return _stemmer().stemWords(WORD.findall(text.casefold()))


# Stems of words seen before (`WordCache`: an article's words looked up at once). Snowball is
# a pure function of the word, so the stems are the same.
STEM_CACHE_SIZE = 200_000
_cached_stems: WordCache[str] = WordCache(
    lambda words: _stemmer().stemWords(words), STEM_CACHE_SIZE
)


def stems_of(words: list[str]) -> list[str]:
    """Stems of already-split words, in one call into the stemmer."""
    return _stemmer().stemWords([word.casefold() for word in words])


def index_text(text: str) -> str:
    return " ".join(stems(text))


def search_terms(title: str, body: str, body_words: list[str] | None = None) -> tuple[str, str]:
    """What the SQLite index stores for an article; callers may compute it ahead (in worker
    processes) and hand it to `insert_articles`. `body_words` are the casefolded `WORD`
    matches of `body`, when the caller has them already."""
    words = body_words if body_words is not None else WORD.findall(body.casefold())
    return index_text(title), " ".join(_cached_stems(words))


def token_set(words: list[str]) -> set[str]:
    """`set(index_tokens(search_terms(…, body, words)[1]))`, the tokens of the stems of the
    casefolded `words`, through a `WordCache` of each word's tokens: tokenizing an article's
    stems text (a regex over it, a walk through its words beyond ASCII) cost several times
    more than looking its words up. The same set: stems hold no whitespace, and
    `index_tokens` makes the tokens of a text word by word (whitespace ends every token)."""
    return set(itertools.chain.from_iterable(_cached_word_tokens(words)))


# Lexemes longer than this do not fit PostgreSQL's tsvector (2,047 bytes); no word is that long.
MAX_TOKEN_BYTES = 2000
# Latin letters FTS5's `remove_diacritics 2` leaves alone although NFD would strip them.
_KEEP_DIACRITICS = frozenset("\u01e0\u01e1")


def index_tokens(stem_text: str) -> list[str]:
    """The tokens SQLite's FTS5 (`unicode61 remove_diacritics 2`) makes of stems text, made in
    Python so PostgreSQL can index and query exactly the same ones: runs of letters, digits
    and private-use characters, with the diacritics of Latin letters removed (`één` is `een`).
    Matches FTS5 on every Latin, Greek and Cyrillic word (checked in the tests)."""
    if stem_text.isascii():  # many articles: one regex instead of a loop per character
        return _fitting(_ASCII_TOKEN.findall(stem_text))
    # Most of the rest is ASCII words around a few like `één`: the ASCII stretches go to the
    # one regex at once (findall between positions), and only the words (as `str.split` cuts
    # them) that hold another character than ASCII or whitespace are walked by character. A
    # loop per word cost a Python call for each of an article's words.
    tokens: list[str] = []
    done = 0
    while found := _NON_ASCII.search(stem_text, done):
        start = found.start()
        before = stem_text[done:start]
        if before and not before[-1].isspace():  # the word began before this character
            start -= len(before.rsplit(None, 1)[-1])
        end = _NOT_SPACE.match(stem_text, found.end()).end()  # type: ignore[union-attr]
        tokens.extend(_ASCII_TOKEN.findall(stem_text, done, start))
        word = stem_text[start:end]
        short = len(word) <= CACHED_WORD_CHARS
        tokens.extend(_cached_unicode_tokens(word) if short else _unicode_tokens(word))
        done = end
    tokens.extend(_ASCII_TOKEN.findall(stem_text, done))
    return _fitting(tokens)


def _fitting(tokens: list[str]) -> list[str]:
    """Without tokens too long for a PostgreSQL lexeme, as `_unicode_tokens` leaves them out:
    one 3,000-letter "word" in an article made PostgreSQL refuse the whole batch and stop the
    ingest ("word is too long"). (ASCII tokens: a character is a byte.)"""
    if max(map(len, tokens), default=0) <= MAX_TOKEN_BYTES:
        return tokens
    return [token for token in tokens if len(token.encode()) <= MAX_TOKEN_BYTES]


_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")
# A character beyond ASCII that is not whitespace (`\s` is `str.split`'s whitespace), and
# the rest of its word.
_NON_ASCII = re.compile(r"[^\s\x00-\x7f]")
_NOT_SPACE = re.compile(r"\S*")


# Words beyond ASCII repeat (`één`, `geëindigd`), and walking one character by character
# costs a few microseconds: they are remembered, up to a bound, and only if word-sized.
UNICODE_WORD_CACHE_SIZE = 65_536
CACHED_WORD_CHARS = 64


def _unicode_tokens(word: str) -> tuple[str, ...]:
    tokens = []
    current: list[str] = []
    for char in word + " ":
        category = unicodedata.category(char)
        if category[0] in "LN" or category == "Co":
            current.append(_fold(char))
        elif category == "Mn":
            continue  # a combining mark (casefolded `İ` is `i` and a dot): dropped, joins
        elif current:
            token = "".join(current)
            if len(token.encode()) <= MAX_TOKEN_BYTES:
                tokens.append(token)
            current = []
    return tuple(tokens)


_cached_unicode_tokens = functools.lru_cache(maxsize=UNICODE_WORD_CACHE_SIZE)(_unicode_tokens)
# Each word's tokens (those of its stem): most words have one. Kept as the very strings, so
# an article's set is made of them without a new string per word.
_cached_word_tokens: WordCache[tuple[str, ...]] = WordCache(
    lambda words: [tuple(index_tokens(stem)) for stem in _stemmer().stemWords(words)],
    STEM_CACHE_SIZE,
)


def _fold(char: str) -> str:
    code = ord(char)
    if code < 0x80 or not (code < 0x250 or 0x1E00 <= code < 0x1F00) or char in _KEEP_DIACRITICS:
        return char
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 and ord(base) < 0x80 else char


def query_tokens(query: str) -> list[str]:
    """The distinct tokens of a search query's stems, in query order: every one must match."""
    return list(dict.fromkeys(index_tokens(index_text(query))))
