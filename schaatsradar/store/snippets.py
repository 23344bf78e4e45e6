"""Highlighted snippets computed from the clean text, the same way on both databases.

FTS5's own snippet() would show stems (the index holds stems, not words), so the store marks
the original words whose stem matches a query stem.
"""

from __future__ import annotations

import html

from schaatsradar.store.stemming import WORD, stems_of

WINDOW_WORDS = 30


def snippet(text: str, query_stems: set[str], window: int = WINDOW_WORDS) -> str:
    """HTML-safe excerpt of about `window` words around the densest run of matches."""
    words = list(WORD.finditer(text))
    if not words:
        return ""
    hits = []
    if query_stems:
        word_stems = stems_of([word.group() for word in words])
        hits = [i for i, stem in enumerate(word_stems) if stem in query_stems]
    start = _best_window_start(hits, len(words), window)
    end = min(len(words), start + window)
    return _render(text, words[start:end], set(hits), start, end == len(words))


def _best_window_start(hits: list[int], n_words: int, window: int) -> int:
    if not hits:
        return 0
    best_start, best_count = hits[0], 0
    for i, first in enumerate(hits):
        count = sum(1 for later in hits[i:] if later < first + window)
        if count > best_count:
            best_start, best_count = first, count
    # Show a little context before the first hit.
    return max(0, min(best_start - 5, n_words - window))


def _render(text: str, words: list, hits: set[int], start: int, reaches_end: bool) -> str:
    pieces: list[str] = ["…" if start > 0 else ""]
    cursor = 0 if start == 0 else words[0].start()
    for offset, word in enumerate(words):
        pieces.append(html.escape(text[cursor : word.start()]))
        escaped = html.escape(word.group())
        pieces.append(f"<mark>{escaped}</mark>" if start + offset in hits else escaped)
        cursor = word.end()
    if reaches_end:
        pieces.append(html.escape(text[cursor:]))
    else:
        pieces.append(" …")
    return " ".join("".join(pieces).split())
