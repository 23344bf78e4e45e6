"""Lower-cased and case-folded forms of a text for the pattern scanners (`scanning`): the
lower-cased form keeps every position, so spans found in it are spans of the text.

Why a module of its own: every scanner asks for these forms, of whole texts (cached for the
last few) and of short stretches; kept apart, `scanning` holds the scanners themselves.
"""

from __future__ import annotations

import functools
import re

__all__ = ["_lower", "_lowered_folded", "casefolded", "lowered"]


@functools.lru_cache(maxsize=8)
def casefolded(text: str) -> str:
    """Case-folded text, for presence tests only (never for positions: folding can change the
    length of a string). Cached because every scan of one call asks for it."""
    return text.casefold()


def _lowering_table() -> dict[int, int]:
    """Upper-case letters and their one-letter lower case ("É" -> "é"; "İ" -> "i"), for the
    scripts skating news is written in: a lower-cased text keeps every position."""
    table: dict[int, int] = {}
    for start, stop in ((0x41, 0x250), (0x370, 0x530), (0x1E00, 0x2000)):
        for code in range(start, stop):
            low = chr(code).lower()
            if low != chr(code) and low[0].isalpha():
                table[code] = ord(low[0])
    return table


_LOWERING = _lowering_table()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """`text` in lower case, letter for letter (unlike `str.lower`, never longer), so spans
    found in it are spans of `text`.

    The same as `text.translate(_LOWERING)`, but `str.translate` looks every character up in
    the table (about 0.1 ms for an article, a few per cent of its extraction), while
    `str.lower` runs at C speed: its result is taken and only its non-ASCII letters are
    checked against the table (a curly quote, an accented letter; "İ", which `str.lower`
    lengthens, and final sigma, which it writes as "ς", are the letters it differs on)."""
    if text.isascii():
        return text.lower()
    low = text.lower()
    if len(low) != len(text):
        return text.translate(_LOWERING)
    fixed: list[str] | None = None
    for found in _NON_ASCII.finditer(text):
        i = found.start()
        code = ord(text[i])
        want = chr(_LOWERING.get(code, code))
        if low[i] != want:
            fixed = list(low) if fixed is None else fixed
            fixed[i] = want
    return low if fixed is None else "".join(fixed)


def _lower(text: str) -> str:
    """`text` in lower case with every position kept, as the regex engine folds case: a whole
    text from the cache, a stretch of one (a clause, a look-back window, a sentence: at most
    600 characters, see `sentences.MAX_SENTENCE_CHARS`) with `str.lower`, much faster per call
    and kept out of the cache of whole texts."""
    if len(text) > 600:
        return _lowered_folded(text)
    low = text.lower()
    if len(low) != len(text):
        low = text.translate(_LOWERING)
    elif low.isascii():
        return low  # most stretches: `_folded` would return it as it is
    return _folded(low)


# The few characters a case-blind pattern matches to a letter that lower-casing does not
# give: dotless i, long s, the Kelvin and Angstrom signs.
_FOLDS = {"\u0131": "i", "\u017f": "s", "\u212a": "k", "\u212b": "\u00e5"}
_FOLDING = str.maketrans(_FOLDS)
_TO_FOLD = tuple(_FOLDS)


def _folded(low: str) -> str:
    # `isascii` reads a flag of the string: most stretches need no scan at all; the others
    # are searched for each of the four letters by `in`, faster than one regex scan.
    if low.isascii():
        return low
    for char in _TO_FOLD:
        if char in low:
            return low.translate(_FOLDING)
    return low


@functools.lru_cache(maxsize=8)
def _lowered_folded(text: str) -> str:
    return _folded(lowered(text))
