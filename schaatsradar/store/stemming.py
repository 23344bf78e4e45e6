"""Dutch snowball stems for the SQLite full-text index and its queries.

FTS5 cannot call a Python tokenizer through the sqlite3 module, so the store feeds the index
with stems and stems queries the same way: `schaatssters` and `schaatsster` both become
`schaats`. PostgreSQL does the same itself with its `dutch` text-search configuration.
"""

from __future__ import annotations

import re
import threading

import Stemmer

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
    return index_text(title), " ".join(_stemmer().stemWords(words))
