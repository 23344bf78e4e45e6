"""The text the skater-name finder works on: word tokens with their flags, sentence
boundaries, quoted stretches, and per sentence whether it gives a name skater context (a race
time, a rank, "schaatster", ...), is publisher promotion or is a title-case heading.

Why a module of its own: this is one pass over the article that every rule of the finder
(`names`) reads afterwards; it knows nothing of the registry or of persons. `_analyse` builds
the `_Doc`; `_match_parts` says whether tokens spell a given name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from schaatsradar.extract.lexicon import PROMOTION_WORDS, RACE_TIME
from schaatsradar.extract.name_words import (
    _COMMON,
    _FORMER,
    _NEVER_NAME,
    _ORDINAL,
    _RANK_WORDS,
    _SKATER_NOUN,
    _SKATING_VERBS,
    _TITLE_SMALL_WORDS,
    _is_role_token,
    _words,
)
from schaatsradar.extract.pattern_leads import led
from schaatsradar.extract.registry import PARTICLES, norm_parts
from schaatsradar.extract.scanning import LedScan

_TOKEN_RE = re.compile(r"[’']t(?![^\W\d_])|[^\W\d_]+(?:[-‐‑][^\W\d_]+|['’][^\W\d_]+)*")
# The same words as split pieces: the pattern has no group of its own, so `split` with this
# one group gives the gaps and the words in turn.
_TOKEN_SPLIT = re.compile(f"({_TOKEN_RE.pattern})")
_SAME_LINE_GAP = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*[ \t\u00a0]+")
_WORD_BEFORE_STOP = re.compile(r"([^\W\d_][\w.]*)[.!?…]*$")
_ABBREVIATIONS = _words(
    "dhr mevr mr mrs ms dr st nr vs ca bijv o.a i.p.v jr sr prof ing drs mt que calif ont no"
)
_QUOTES = re.compile(
    r"\"[^\"\n]{1,800}\"|“[^”\n]{1,800}”|„[^”“\n]{1,800}[”“]|«[^»\n]{1,800}»"
    r"|(?<![\w’'])[‘'](?!t\b)[^‘’'\n]{2,400}[’'](?![\w’'])"
)
# Whole-text scans led by the characters every match starts with (a quote mark, a digit): the
# regex engine skips to the next of them in C (`scanning.LedScan`); the promotion words by a
# look-ahead on their first letters, which turns away every other position with one set test.
QUOTES_SCAN = LedScan("\"“„«‘'", _QUOTES.pattern)
RACE_TIME_SCAN = LedScan("\\d", RACE_TIME.pattern)
PROMOTION_SCAN = re.compile(led(PROMOTION_WORDS.pattern))
ORDINAL_SCAN = LedScan("\\d", _ORDINAL.pattern)
_OPENERS = frozenset('"“„‘«(:|–—-•*')
_WEAK_PARTICLES = _words("in op het te")  # particles only before another: "in 't Hof"


@dataclass(frozen=True, slots=True)
class _WordInfo:
    """What the rules need to know about a word wherever it stands (cached per word)."""

    parts: tuple[str, ...]  # normalised words, hyphenated parts split: "Rijpma-De" -> 2
    lower: str
    caps: bool
    name_word: bool  # could be a word of a name, if it does not open a sentence
    common: bool  # an ordinary word when it opens a sentence
    role: bool  # a role ("coach", "analist", "oud-schaatser": `name_words._is_role_token`)
    skater_noun: bool  # "schaatsster", "skater", ... (not "oud-schaatser")
    context: int  # 2: strong skater context (skating verb, skater noun); 1: rank word
    headline_lower: bool  # a lower-case word that a title-case heading would capitalise
    particle: bool  # "van", "de", "'t", also capitalised "Van" inside a name
    poss_parts: tuple[str, ...] | None  # parts without a possessive -s / 's
    poss_cut: int


# What `_word_info` has worked out, by word: a plain dict read in the token loop (an
# `lru_cache` call per token cost a fifth of `_analyse`). Emptied when full, so hostile text
# of endless distinct words cannot grow it without bound; it depends on nothing but the word.
_WORD_INFOS: dict[str, _WordInfo] = {}
_MAX_WORD_INFOS = 65536


def _word_info(word: str) -> _WordInfo:
    info = _WORD_INFOS.get(word)
    if info is None:
        if len(_WORD_INFOS) >= _MAX_WORD_INFOS:
            _WORD_INFOS.clear()
        info = _WORD_INFOS[word] = _new_word_info(word)
    return info


def _new_word_info(word: str) -> _WordInfo:
    lower = word.casefold()
    caps = word[0].isupper()
    parts = norm_parts(word)
    name_word = (
        caps
        and len(word) >= 2
        and word.upper() != word
        and lower not in _NEVER_NAME
        # "Seventeen-year-old Mathias Haugland", "Achttienjarige Daleman": an age, no name.
        and not lower.endswith(("-year-old", "jarige"))
    )
    poss_parts: tuple[str, ...] | None = None
    cut = 0
    if caps and len(word) >= 4:
        if word.endswith(("'s", "’s")):
            poss_parts, cut = norm_parts(word[:-2]), 2
        elif word.endswith("s") and word[-2].islower():
            poss_parts, cut = norm_parts(word[:-1]), 1
    role = _is_role_token(lower)
    noun = bool(_SKATER_NOUN.search(lower)) and not role
    context = 2 if noun or lower in _SKATING_VERBS else 1 if lower in _RANK_WORDS else 0
    return _WordInfo(
        parts=parts,
        lower=lower,
        caps=caps,
        name_word=name_word,
        common=lower in _COMMON or role,
        role=role,
        skater_noun=noun,
        context=context,
        headline_lower=not caps and lower not in _TITLE_SMALL_WORDS,
        particle=len(parts) == 1 and parts[0] in PARTICLES and len(word) <= 4,
        poss_parts=poss_parts,
        poss_cut=cut,
    )


class _Token(NamedTuple):
    """A word of the text (never changed once made; a tuple, because an article has hundreds
    and a tuple is made several times faster than a class instance)."""

    start: int
    end: int
    text: str
    info: _WordInfo
    sent: int
    initial: bool  # opens a sentence, a quote, a heading or a parenthesis
    joined: bool  # only spaces between this token and the previous one (same sentence)
    core: bool  # could be a word of a name here
    lower: str  # `info.lower`, as a field: the rules read it tens of thousands of times

    @property
    def parts(self) -> tuple[str, ...]:
        return self.info.parts


@dataclass(slots=True)
class _Doc:
    text: str
    tokens: list[_Token]
    sent_starts: list[int]
    context: list[bool]  # sentence has skater context (outside quotes and promotion)
    strong: list[bool]  # ... of the strong kind
    boilerplate: list[bool]
    title_case: list[bool]
    quotes: list[tuple[int, int]]
    quote_starts: list[int]
    rank: list[int]  # sentence number counting only sentences with words (not blank lines)

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)


def _sentence_starts(text: str) -> list[int]:
    """Sentence boundaries: line breaks, and . ! ? followed by a capital (not after an
    initial or a common abbreviation)."""
    starts = {0}
    pos = text.find("\n")
    while pos != -1:
        starts.add(pos + 1)
        pos = text.find("\n", pos + 1)
    for m in _SENTENCE_END.finditer(text):
        nxt = m.end()
        if nxt >= len(text):
            continue
        ch = text[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in '"“„‘«(['):
            continue
        if m.group().startswith("."):
            word = _WORD_BEFORE_STOP.search(text[max(0, m.start() - 20) : m.start() + 1])
            if word:
                w = word.group(1).rstrip(".")
                if (len(w) == 1 and w.isupper()) or w.casefold() in _ABBREVIATIONS:
                    continue
        starts.add(nxt)
    return sorted(starts)


def _ranks(n_sent: int, tokens: list[_Token]) -> list[int]:
    """Sentence numbers that skip blank lines, so that "the previous two sentences" of a
    reference are sentences with words in them."""
    has_words = [False] * n_sent
    for tok in tokens:
        has_words[tok.sent] = True
    ranks: list[int] = []
    rank = -1
    for filled in has_words:
        rank += filled
        ranks.append(max(rank, 0))
    return ranks


def _analyse(text: str) -> _Doc:
    """Tokens with their flags, sentence boundaries, quoted stretches, and the per-sentence
    flags the rules use, in one pass over the words."""
    sent_starts = _sentence_starts(text)
    n_sent = len(sent_starts)
    quotes = [(m.start(), m.end()) for m in QUOTES_SCAN.finditer(text)]
    tokens: list[_Token] = []
    caps_count = [0] * n_sent
    lower_words = [0] * n_sent
    context_hits: list[tuple[int, int, bool]] = []  # (position, sentence, strong)
    prev_sent = -1
    prev_lower = ""
    sent = 0
    next_start = sent_starts[1] if n_sent > 1 else len(text) + 1
    infos = _WORD_INFOS
    new_token = tuple.__new__  # `_Token(...)` without its Python-level `__new__`
    # Words and the gaps between them from one `split` (gap, word, gap, ..., gap): the
    # positions follow from the lengths, with no match object per word (a third of the loop).
    pieces = _TOKEN_SPLIT.split(text)
    e = len(pieces[0])
    for k in range(1, len(pieces), 2):
        word = pieces[k]
        s = e + len(pieces[k - 1]) if k > 1 else e
        e = s + len(word)
        while s >= next_start:
            sent += 1
            next_start = sent_starts[sent + 1] if sent + 1 < n_sent else len(text) + 1
        if sent != prev_sent:
            joined, initial = False, True
            prev_lower = ""
        else:
            gap = pieces[k - 1]
            if gap == " ":
                joined, initial = True, False
            else:
                joined = bool(_SAME_LINE_GAP.fullmatch(gap))
                initial = not joined and not _OPENERS.isdisjoint(gap)
        info = infos.get(word) or _word_info(word)
        core = info.name_word and not (initial and info.common)
        token = (s, e, word, info, sent, initial, joined, core, info.lower)
        tokens.append(new_token(_Token, token))
        if info.caps and not initial:
            caps_count[sent] += 1  # and never context: "Dromen van Goud" is a title
        else:
            if info.headline_lower:
                lower_words[sent] += 1
            if info.context:
                # "voormalig schaatser X" is someone who used to skate.
                strong = info.context == 2 and not (info.skater_noun and prev_lower in _FORMER)
                context_hits.append((s, sent, strong))
        prev_sent, prev_lower = sent, info.lower

    boiler = [False] * n_sent
    for m in PROMOTION_SCAN.finditer(text.lower()):
        boiler[bisect.bisect_right(sent_starts, m.start()) - 1] = True
    doc = _Doc(
        text=text,
        tokens=tokens,
        sent_starts=sent_starts,
        context=[False] * n_sent,
        strong=[False] * n_sent,
        boilerplate=boiler,
        title_case=[c >= 3 and lo == 0 for c, lo in zip(caps_count, lower_words, strict=True)],
        quotes=quotes,
        quote_starts=[q[0] for q in quotes],
        rank=_ranks(n_sent, tokens),
    )
    # A quote is someone speaking: its words say nothing about the names around it.
    for rx, strong in ((RACE_TIME_SCAN, True), (ORDINAL_SCAN, False)):
        for m in rx.finditer(text):
            context_hits.append((m.start(), doc.sentence_of(m.start()), strong))
    for pos, sent, strong in context_hits:
        if not boiler[sent] and not doc.in_quote(pos):
            doc.context[sent] = True
            doc.strong[sent] |= strong
    return doc


def _match_parts(
    tokens: Sequence[_Token], i: int, needed: tuple[str, ...]
) -> tuple[int, int] | None:
    """Whether the tokens from `i` spell exactly `needed` (whole tokens in one sentence with
    only spaces between; the last may carry a possessive -s). Returns (last token, end)."""
    k = 0
    j = i
    n = len(tokens)
    while k < len(needed):
        if j >= n or (j > i and not tokens[j].joined):
            return None
        info = tokens[j].info
        tp = info.parts
        if needed[k : k + len(tp)] == tp:
            k += len(tp)
            j += 1
            continue
        if info.poss_parts and needed[k:] == info.poss_parts:
            return j, tokens[j].end - info.poss_cut
        return None
    return j - 1, tokens[j - 1].end
