"""An article's clean text as HTML with its extracted facts shown in place: each evidence
span of a result or record inside a `<mark>`, each mention of a known skater a link to their
page. All text is escaped; the few tags added here are the only markup, and nh3 checks the
result against exactly those tags as a second line of defence.

Spans may overlap (a result's evidence contains the skater's name; two facts share words),
so the text is cut at every span boundary and the pieces regrouped into properly nested
elements: paragraph, then mark, then link.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise

import nh3
from markupsafe import Markup, escape

PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_ALLOWED_TAGS = {"p", "mark", "a"}
_ALLOWED_ATTRIBUTES = {"mark": {"id", "class", "data-facts"}, "a": {"href", "class"}}


@dataclass(frozen=True)
class Evidence:
    """Where the text states a fact; `fact` names it (`result-0`, `record-2`)."""

    start: int
    end: int
    fact: str


@dataclass(frozen=True)
class SkaterLink:
    start: int
    end: int
    href: str


@dataclass(frozen=True)
class Highlight:
    """One `<mark>`: the union of overlapping evidence spans, with every fact it shows."""

    start: int
    end: int
    facts: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return f"evidence-{self.start}"


@dataclass(frozen=True)
class AnnotatedText:
    html: Markup
    anchor_of_fact: dict[str, str]  # fact name -> id of the mark that shows it


def merge_evidence(evidence: Sequence[Evidence], length: int) -> list[Highlight]:
    """Disjoint highlights covering every valid evidence span, in text order."""
    merged: list[Highlight] = []
    for item in sorted(evidence, key=lambda e: (e.start, e.end)):
        if not 0 <= item.start < item.end <= length:
            continue
        if merged and item.start < merged[-1].end:
            last = merged.pop()
            facts = last.facts if item.fact in last.facts else (*last.facts, item.fact)
            merged.append(Highlight(last.start, max(last.end, item.end), facts))
        else:
            merged.append(Highlight(item.start, item.end, (item.fact,)))
    return merged


def _disjoint_links(links: Sequence[SkaterLink], length: int) -> list[SkaterLink]:
    kept: list[SkaterLink] = []
    for link in sorted(links, key=lambda k: (k.start, -k.end)):
        if 0 <= link.start < link.end <= length and (not kept or link.start >= kept[-1].end):
            kept.append(link)
    return kept


def _index_at(spans: Sequence[tuple[int, int]], position: int) -> int:
    """Index of the span containing `position` in sorted disjoint `spans`, or -1."""
    i = bisect.bisect_right([start for start, _end in spans], position) - 1
    return i if i >= 0 and position < spans[i][1] else -1


def annotate(text: str, evidence: Sequence[Evidence], links: Sequence[SkaterLink]) -> AnnotatedText:
    highlights = merge_evidence(evidence, len(text))
    skater_links = _disjoint_links(links, len(text))
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH.finditer(text)]
    marks = [(h.start, h.end) for h in highlights]
    linked = [(k.start, k.end) for k in skater_links]
    edges = sorted({0, len(text), *(p for span in (*paragraphs, *marks, *linked) for p in span)})
    pieces = []
    for start, end in pairwise(edges):
        paragraph = _index_at(paragraphs, start)
        if paragraph >= 0:
            pieces.append(
                (paragraph, _index_at(marks, start), _index_at(linked, start), start, end)
            )
    html = _render(text, pieces, highlights, skater_links)
    anchors = {fact: h.anchor for h in reversed(highlights) for fact in h.facts}
    return AnnotatedText(html, anchors)


def _render(
    text: str,
    pieces: list[tuple[int, int, int, int, int]],
    highlights: list[Highlight],
    links: list[SkaterLink],
) -> Markup:
    out: list[str] = []
    anchored: set[int] = set()
    for _paragraph, in_paragraph in groupby(pieces, key=lambda p: p[0]):
        out.append("<p>")
        for mark, in_mark in groupby(in_paragraph, key=lambda p: p[1]):
            inner = "".join(
                _linked(text, link, list(run), links)
                for link, run in groupby(in_mark, key=lambda p: p[2])
            )
            if mark < 0:
                out.append(inner)
                continue
            highlight = highlights[mark]
            anchor = "" if mark in anchored else f' id="{highlight.anchor}"'
            anchored.add(mark)
            kinds = " ".join(sorted({f"fact-{f.split('-')[0]}" for f in highlight.facts}))
            out.append(
                f'<mark{anchor} class="fact {kinds}" data-facts="{" ".join(highlight.facts)}">'
                f"{inner}</mark>"
            )
        out.append("</p>\n")
    safe = nh3.clean(
        "".join(out), tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, link_rel=None
    )
    return Markup(safe)


def _linked(
    text: str, link: int, run: list[tuple[int, int, int, int, int]], links: list[SkaterLink]
) -> str:
    words = str(escape(text[run[0][3] : run[-1][4]]))
    if link < 0:
        return words
    return f'<a class="skater" href="{escape(links[link].href)}">{words}</a>'
