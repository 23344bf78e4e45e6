"""Sentence and paragraph boundaries as character spans.

Results are read sentence by sentence, with competition, venue, distance and day carried
forward from earlier sentences. A period inside a time (1.12,74), a number (10.000) or an
initial (J. Stolz) is not a boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A boundary: sentence punctuation (and closing quotes) followed by whitespace and an
# uppercase letter, digit or opening quote; or a paragraph break.
BOUNDARY = re.compile(
    r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘'(]?[A-ZÀ-Þ0-9])(?<!\b[A-Z]\.\s)"
    r"|(?<=[.!?][\"”’'])\s+"
    r"|\n\s*\n|\n(?=[A-ZÀ-Þ\"“])"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start, paragraph = 0, 0
    for match in BOUNDARY.finditer(text):
        if text[start : match.start()].strip():
            sentences.append(_trimmed(text, start, match.start(), paragraph))
        if "\n\n" in match.group() or "\n \n" in match.group():
            paragraph += 1
        start = match.end()
    if text[start:].strip():
        sentences.append(_trimmed(text, start, len(text), paragraph))
    return sentences


def _trimmed(text: str, start: int, end: int, paragraph: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, paragraph)
