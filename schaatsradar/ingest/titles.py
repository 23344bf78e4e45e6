"""A display title for articles that come without one (the seed format has none)."""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_TITLE_CHARS = 110
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘A-ZÀ-Ý0-9])")
WIRE_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'-]+ \([A-Za-z]+\) [-–—] ")


def title_for(given: str | None, paragraphs: Sequence[str]) -> str:
    """The given title, else the lede's first sentence (without a wire dateline), shortened
    at a word boundary."""
    if given and given.strip():
        return " ".join(given.split())
    lede = WIRE_DATELINE.sub("", " ".join(paragraphs[0].split())) if paragraphs else ""
    sentence = SENTENCE_END.split(lede, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= MAX_TITLE_CHARS:
        return sentence
    cut = sentence[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"
