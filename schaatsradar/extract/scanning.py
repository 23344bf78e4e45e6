"""The machinery every surface-pattern finder shares, made to stay fast on long and hostile
input: scanning patterns with cheap pre-filters, indexed cue positions, overlap removal.

Why a module of its own: times, distances, ranks, records and days are found by separate
finders, and each of them must hold the same promise (linear work in the length of the text,
spans on the original string); keeping the tools in one place keeps that promise in one place.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from schaatsradar.extract.lowering import _lower, _lowered_folded, casefolded, lowered
from schaatsradar.extract.pattern_leads import first_chars, led, required
from schaatsradar.extract.types import HasSpan

__all__ = [
    "BLIND",
    "FAST",
    "GATES",
    "SENTENCE_END",
    "Blind",
    "Cues",
    "Gate",
    "LedScan",
    "Rx",
    "blind",
    "casefolded",
    "dedupe",
    "gate",
    "led_scan",
    "lowered",
    "matches_at_starts",
    "rx",
    "sentence_ends",
    "starts_of",
    "trie",
    "words",
]

_M = TypeVar("_M", bound=HasSpan)


def dedupe(items: Iterable[_M]) -> list[_M]:
    """Sorted by start, overlaps removed: at one place the longest reading wins, and a reading
    that starts inside an earlier one is dropped, so callers never count one phrase twice."""
    ordered = sorted(items, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[_M] = []
    last_end = -1
    for item in ordered:
        if item.start >= last_end:
            out.append(item)
            last_end = item.end
    return out


def words(text: str) -> tuple[str, ...]:
    """Words written as one string: long lexicons stay readable."""
    return tuple(text.split())


def trie(phrases: Iterable[str]) -> str:
    """One regular expression for many literal phrases, factored by their shared beginnings.

    Why: the regex engine tries an alternation one branch after another at every position
    where a branch could start, so "de de de ..." makes it try every listed word that begins
    with a d; factored, it follows one branch and fails after a character or two. A space in a
    phrase stands for any white space (`\\s`), as in the patterns this replaces. Where one phrase
    is the beginning of another, the longer is tried first, as in a longest-first alternation.
    """
    root: _Trie = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(root)


_Trie = dict[str, "_Trie"]


def _branches(node: _Trie) -> str:
    ends_here = "" in node
    branches = [
        (r"\s" if char == " " else re.escape(char)) + _branches(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


class Rx:
    """A pattern that scans whole texts, made fast for long and hostile input.

    Three things sit in front of the regular expression: `needles`, lower-case strings of
    which every match contains at least one (when none occurs in the text, the scan is
    skipped: a substring test runs at C speed); a one-character look-ahead on the characters
    a match can start with, so the regex engine turns away almost every position with one set
    test instead of trying each alternative there; and, for a case-insensitive pattern, a
    case-sensitive scan of the lower-cased text (`lowered`), several times faster because the
    engine can rule out an alternative by its first letter without case folding. `plain` is
    the same pattern without any of this; the tests check that the two find the same spans.
    """

    __slots__ = ("fast", "lowers", "needles", "one_word", "plain", "starts")

    def __init__(self, first: str, pattern: str, needles: str = "", one_word: bool = False) -> None:
        self.lowers = pattern.startswith("(?i)")  # a global flag must lead
        if self.lowers:
            pattern = pattern[4:]
            chars = sorted({c.lower() for c in first})
            self.plain = re.compile(pattern, re.IGNORECASE)
        else:
            chars = sorted(set(first) | {c.upper() for c in first} | {c.lower() for c in first})
            self.plain = re.compile(pattern)
        lead = "".join(re.escape(c) for c in chars)
        self.fast = re.compile(f"(?=[{lead}])(?:{pattern})")
        self.needles = tuple(needles.split())
        # Every match is one word that holds a needle (with a possessive "'s" after it): only
        # the starts of such words are tried (see `_in_needle_words`).
        self.one_word = one_word and bool(self.needles)
        # Where a match can start, for a pattern whose matches start with one of a few
        # characters (`starts_of`): 2-5x faster than the look-ahead at every position. With
        # many first characters (most letters) there is nothing to skip and the look-ahead
        # form is kept; so it is for a pattern that might match nothing.
        self.starts = (
            starts_of(lead, pattern)
            if len(chars) <= _FEW_FIRST_CHARS and first_chars(pattern) is not None
            else None
        )

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches in `text` (for a case-insensitive pattern, matches on `lowered(text)`:
        the same spans, with `group()` in lower case)."""
        if self.needles:
            low = casefolded(text)
            for needle in self.needles:  # a plain loop: no generator per call
                if needle in low:
                    break
            else:
                return iter(())
        scanned = lowered(text) if self.lowers else text
        if self.one_word:
            return self._in_needle_words(scanned, lowered(text))
        if self.starts is None:
            return self.fast.finditer(scanned)
        return self._from_starts(scanned)

    def _in_needle_words(self, scanned: str, low: str) -> Iterator[re.Match[str]]:
        """`self.fast.finditer(scanned)` for a one-word pattern ("\\w*schaatssters?",
        "vrouwen\\w*"): a match starts a word (`\\b` before a letter) and holds a needle,
        so it is the match at the start of a word in which `low` (the text lower-cased, same
        positions) has a needle. The needles are found with `str.find`; the pattern, which
        would otherwise enter its alternation at every word, is tried at a handful."""
        starts = set()
        for needle in self.needles:
            found = low.find(needle)
            while found != -1:
                start = found
                while start > 0 and _is_word_char(low[start - 1]):
                    start -= 1
                starts.add(start)
                found = low.find(needle, found + 1)
        end = 0
        for start in sorted(starts):
            if start < end:
                continue
            match = self.fast.match(scanned, start)
            if match is not None:
                end = match.end()
                yield match

    def _from_starts(self, text: str) -> Iterator[re.Match[str]]:
        assert self.starts is not None
        return matches_at_starts(self.starts, self.fast, text)


def _is_word_char(char: str) -> bool:
    """What `\\w` matches in a `str` pattern: a letter or digit of any script, or "_"."""
    return char.isalnum() or char == "_"


def starts_of(lead: str, pattern: str) -> re.Pattern[str]:
    """A pattern that finds where `pattern` matches, led by `lead` (the body of a character
    class every match starts with): the class is consumed, then the whole pattern is tried
    from one character back. Because it opens on a character class, the regex engine skips
    to the next such character in a tight C loop instead of entering the pattern at every
    position. (Faster only when few characters lead: see `Rx`.)"""
    return re.compile(f"[{lead}](?<=(?={pattern})[\\s\\S])")


def matches_at_starts(
    starts: re.Pattern[str],
    fast: re.Pattern[str],
    text: str,
    pos: int = 0,
    endpos: int = sys.maxsize,
) -> Iterator[re.Match[str]]:
    """`fast.finditer(text, pos, endpos)`, read off the places `starts` (see `starts_of`)
    finds: the match at each (the same span and groups: a match depends only on where it
    starts), skipping those that start inside the match before, as `finditer` does. `fast`
    never matches an empty string, so every match moves the scan on."""
    end = pos
    for found in starts.finditer(text, pos, endpos):
        start = found.start()
        if start < end:
            continue
        match = fast.match(text, start, endpos)
        if match is not None:  # always, by construction
            end = match.end()
            yield match


class LedScan:
    """A whole-text pattern whose matches start with one of a few characters (a quote mark,
    a digit), scanned as `Rx` scans such patterns: `finditer` finds what `pattern` finds."""

    __slots__ = ("fast", "needles", "starts")

    def __init__(self, lead: str, pattern: str) -> None:
        self.fast = re.compile(f"(?=[{lead}])(?:{pattern})")
        self.starts = starts_of(lead, pattern)
        # For `search` in a stretch (a sentence): turned away without one of these (as
        # `Blind`); a whole-text scan needs no such test.
        self.needles = required(pattern) or ()

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return matches_at_starts(self.starts, self.fast, text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The first match, as `re.Pattern.search` finds it: the match at the first place
        one starts."""
        if self.needles:
            stretch = text[pos:endpos]
            for needle in self.needles:
                if needle in stretch:
                    break
            else:
                return None
        found = self.starts.search(text, pos, endpos)
        return None if found is None else self.fast.match(text, found.start(), endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.fast.match(text, pos, endpos)


def led_scan(pattern: str) -> LedScan:
    """A case-sensitive pattern opening on `\\b` or a look-behind, led by the few characters
    its matches start with: the regex engine finds no first character to skip to in such a
    pattern and would enter it at every position of the stretch searched."""
    chars = first_chars(pattern)
    if not chars or len(chars) > _FEW_FIRST_CHARS:
        raise ValueError(f"no few first characters to lead {pattern[:40]!r}")
    made = LedScan("".join(re.escape(c) for c in sorted(chars)), pattern)
    LED.append((made, re.compile(pattern)))
    return made


# Every pattern made by `led_scan`, with its plain form, so the tests can compare them.
LED: list[tuple[LedScan, re.Pattern[str]]] = []


# At most this many characters a match can start with, for `Rx.starts` (measured on news text:
# with a dozen or fewer it is faster, with most of the alphabet slower than the look-ahead).
_FEW_FIRST_CHARS = 12


# Every scanning pattern, so the tests can compare the filtered and the plain form.
FAST: list[Rx] = []


def rx(first: str, pattern: str, needles: str = "", one_word: bool = False) -> Rx:
    """Make and register a scanning pattern (see `Rx`)."""
    made = Rx(first, pattern, needles, one_word)
    FAST.append(made)
    return made


class Blind:
    """A case-blind pattern, run as a case-sensitive one on the lower-cased text.

    Why: the sentence reader asks such patterns (negations, look-backs, targets) about every
    rank word and every entity; the regex engine tries a case-blind alternation several times
    slower than a case-sensitive one. The spans are the same (the text keeps its positions in
    lower case), `group()` is in lower case. The pattern is written in lower case; the tests
    check that both forms find the same spans. `search` and `match` take the arguments of
    `re.Pattern`'s.
    """

    __slots__ = ("low", "needle_scan", "needles", "plain", "starts")

    def __init__(self, pattern: str) -> None:
        self.plain = re.compile(pattern, re.IGNORECASE)
        # Led by its first characters (`pattern_leads`): most positions fail one set test.
        self.low = re.compile(led(pattern))
        # With few first characters, where a match can start is found as `Rx` finds it
        # (`starts_of`): the engine skips to those in its own loop, not entering the pattern.
        chars = first_chars(pattern)
        self.starts = (
            starts_of("".join(re.escape(c) for c in sorted(chars)), pattern)
            if chars and len(chars) <= _FEW_FIRST_CHARS
            else None
        )
        # The words every match holds one of (`pattern_leads.required`): `search` turns away
        # a stretch without any of them before the pattern is tried (three in four of the
        # sentence reader's asks, measured on news text). A few are looked for one by one,
        # many at once by a scan that the engine leads by their first letters.
        self.needles = required(pattern) or ()
        self.needle_scan = re.compile(trie(self.needles)) if len(self.needles) > 4 else None

    @property
    def pattern(self) -> str:
        return self.plain.pattern

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = _lower(text)
        # Turned away when low[pos:endpos] holds none of the needles (then it holds no match):
        # tested here, not in a helper, as the sentence reader asks some 240 of these per
        # article, most on a short stretch (a clause) that is then tested whole, uncopied.
        needles = self.needles
        if needles:
            if self.needle_scan is not None:
                if self.needle_scan.search(low, pos, endpos) is None:
                    return None
            else:
                stretch = low if pos == 0 and endpos >= len(low) else low[pos:endpos]
                for needle in needles:  # a plain loop: no generator per call
                    if needle in stretch:
                        break
                else:
                    return None
        if self.starts is None:
            return self.low.search(low, pos, endpos)
        found = self.starts.search(low, pos, endpos)
        # The match at the first place a match starts: the one `search` finds.
        return None if found is None else self.low.match(low, found.start(), endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.low.match(_lower(text), pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if self.starts is None:
            return self.low.finditer(_lower(text), pos, endpos)
        return matches_at_starts(self.starts, self.low, _lower(text), pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.low.findall(_lower(text), pos, endpos)


# Every case-blind pattern run this way, so the tests can compare it with its plain form.
BLIND: list[Blind] = []


def blind(pattern: str) -> Blind:
    """Make and register a case-blind pattern (see `Blind`)."""
    made = Blind(pattern)
    BLIND.append(made)
    return made


class Gate:
    """The words every match of a case-blind pattern holds (lower case): a stretch of a text
    (a sentence, a clause) without any of them is turned away by substring tests on
    `lowered(text)`, which keeps positions, instead of a regex scan from each of its
    positions. Why: the sentence reader asks such patterns about every sentence and every
    rank word, and most sentences hold none of the words. The tests check that a gate never
    hides a match of its pattern."""

    __slots__ = ("needles", "pattern")

    def __init__(self, pattern: re.Pattern[str] | Blind, needles: str) -> None:
        self.pattern = pattern
        self.needles = tuple(needles.split())

    def open(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] may hold a match (`text` is a whole text: the lower-cased
        form, letters folded as the regex engine folds them, is cached for the last few)."""
        stretch = _lowered_folded(text)[start:end]
        for needle in self.needles:  # noqa: SIM110 (a plain loop: no generator per call)
            if needle in stretch:
                return True
        return False

    def found(self, text: str, start: int, end: int) -> frozenset[str]:
        """The needles text[start:end] holds: several patterns gated by some of the same
        words are told apart with one look at the stretch."""
        stretch = _lowered_folded(text)[start:end]  # (a copy: `find` within bounds is slower)
        return frozenset(n for n in self.needles if n in stretch)


# Every gate, so the tests can check it against its pattern.
GATES: list[Gate] = []


def gate(pattern: re.Pattern[str] | Blind, needles: str) -> Gate:
    """Make and register a keyword gate (see `Gate`)."""
    made = Gate(pattern, needles)
    GATES.append(made)
    return made


class Cues:
    """Positions of every match of one cue pattern in a text, for O(log n) "is there a cue
    shortly before/after position p" questions instead of a regex search per candidate."""

    def __init__(self, pattern: Rx, text: str) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for m in pattern.finditer(text):
            start, end = m.span()
            starts.append(start)
            ends.append(end)
        self.starts = starts
        # (Already in order for the non-overlapping matches of a scan; sorted all the same.)
        ends.sort()
        self.ends = ends
        self.end_set = set(ends)

    def ends_at(self, pos: int) -> bool:
        return pos in self.end_set

    def last_end_before(self, pos: int) -> int | None:
        """End of the last cue that ends at or before `pos` (None if there is none)."""
        i = bisect.bisect_right(self.ends, pos)
        return self.ends[i - 1] if i else None

    def first_start_from(self, pos: int) -> int | None:
        """Start of the first cue that starts at or after `pos` (None if there is none)."""
        i = bisect.bisect_left(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else None

    def any_within(self, lo: int, hi: int) -> bool:
        """Is there a cue starting in [lo, hi)?"""
        i = bisect.bisect_left(self.starts, lo)
        return i < len(self.starts) and self.starts[i] < hi


# A sentence ends at . ! ? followed by white space, or at a line break. "1.12,74" contains a
# full stop but is not followed by a space, so times never end a sentence.
SENTENCE_END = rx(".!?\n", r"[.!?](?=\s)|\n")


@functools.lru_cache(maxsize=8)
def sentence_ends(text: str) -> Cues:
    """The `SENTENCE_END` cues of `text`, found once per text: the time finder and the record
    finder both read them (a `Cues` is never changed after it is built)."""
    return Cues(SENTENCE_END, text)
