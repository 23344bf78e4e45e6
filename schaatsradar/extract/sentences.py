"""Sentence and paragraph boundaries as character spans.

Results are read sentence by sentence, with competition, venue, distance and day carried
forward from earlier sentences. A period inside a time (1.12,74), a number (10.000) or an
initial (J. Stolz) is not a boundary.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# A boundary: sentence punctuation (and closing quotes) followed by whitespace and an
# uppercase letter, digit or opening quote; or a paragraph break.
BOUNDARY = re.compile(
    r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘'(]?[A-ZÀ-Þ0-9])(?<!\b[A-Z]\.\s)"
    # A results list run into one paragraph ("vrouwen: 1. Kok 37,12 2. Leerdam 37,45 3. ..."):
    # the number after a colon or a time is the next line's place, not a sentence end; so is
    # one after a comma ("1. Moes (NED) 39.12, 2. Takahashi (JPN) 39.30").
    r"(?<![:\d,]\s\d\.\s)(?<![:\d,]\s\d\d\.\s)"
    r"|(?<=[.!?][\"”’'])\s+"
    r"|\n\s*\n|\n(?=[A-ZÀ-Þ\"“])"
)
# The same, led by a test of the characters every boundary starts with: the regex engine turns
# away every other position with one set test instead of trying each branch (see
# `scanning.Rx`), a third faster on a whole text.
BOUNDARY_SCAN = re.compile("(?=[\"”’')\\s])(?:" + BOUNDARY.pattern + ")")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    # A piece of text that ran on past MAX_SENTENCE_CHARS without a sentence end: not prose
    # (a flattened table, a paste error, hostile input), so no results are read from it.
    run_on: bool = False


# No real sentence is this long; text without punctuation is cut at a space past this length,
# so the work per sentence stays bounded whatever arrives.
MAX_SENTENCE_CHARS = 600


def split_sentences(text: str) -> list[Sentence]:
    return list(article_sentences(text))


@functools.lru_cache(maxsize=4)
def article_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of `text` as `split_sentences` cuts them, cut once per text: extraction
    splits the article, and the record readers ask for every sentence's neighbours."""
    sentences: list[Sentence] = []
    start, paragraph = 0, 0
    for match in BOUNDARY_SCAN.finditer(text):
        sentences.extend(_bounded(text, start, match.start(), paragraph))
        if "\n\n" in match.group() or "\n \n" in match.group():
            paragraph += 1
        start = match.end()
    sentences.extend(_bounded(text, start, len(text), paragraph))
    return tuple(sentences)


@functools.lru_cache(maxsize=4)
def sentence_starts(text: str) -> tuple[int, ...]:
    """Where each of `article_sentences(text)` starts, kept once per text: the record readers
    look up a sentence's neighbours dozens of times per article, and a bisect on plain ints
    runs in C where one with a key function calls back into Python at every step."""
    return tuple(sentence.start for sentence in article_sentences(text))


def _bounded(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    pieces = []
    run_on = end - start > MAX_SENTENCE_CHARS
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        if text[start:cut].strip():
            pieces.append(_trimmed(text, start, cut, paragraph, run_on))
        start = cut
    if text[start:end].strip():
        pieces.append(_trimmed(text, start, end, paragraph, run_on))
    return pieces


def _trimmed(text: str, start: int, end: int, paragraph: int, run_on: bool) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, paragraph, run_on)


def prose_only(text: str, sentences: list[Sentence]) -> str:
    """`text` with run-on pieces blanked (same length, so spans stay valid): the finders of
    times, ranks and records then spend nothing on text no result is read from."""
    if not any(s.run_on for s in sentences):
        return text
    parts, position = [], 0
    for sentence in sentences:
        if sentence.run_on:
            parts += [text[position : sentence.start], " " * (sentence.end - sentence.start)]
            position = sentence.end
    parts.append(text[position:])
    return "".join(parts)
