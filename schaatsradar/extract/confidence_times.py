"""Features of a result's time for the confidence model: is the time tied to its skater the
way reporters tie a skater's own race time ("Kok noteerde 37,01", "McLeod finished in
34.16"), or does it stand where other times stand (an old mark in brackets after another name,
a rival's time between the name and the number, a time before anyone is named)?

Why apart from extract/confidence_features.py: a result without a place is judged almost only
by these (the place says most about a result that has one), and they need where in the
sentence the time and the skater's mentions stand, not just which words the sentence holds.
Pure measurement, like the other features: the model learns from the gold what each tells.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from typing import Protocol

from schaatsradar.extract.lexicon import RACE_TIME_WORDS
from schaatsradar.extract.scanning import led_scan
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import Facts, Result

TIME_FEATURES = (
    "time_named",
    "time_referred",
    "time_unnamed",
    "time_verb",
    "time_bracketed",
    "time_rival_between",
    "time_distance_named",
    "time_stated",
    "time_stated_by_reference",
    "time_placed_elsewhere",
)
# A time's number in the evidence: "1.12,74", "36,09", "1:06.27", the "5.37" of "1 minute,
# 5.37 seconds".
_NUMBER = led_scan(r"(?<![\d.,:])(?:(\d{1,2})[.:,])?(\d{1,2})[.,:](\d{2,3})(?!\d)")
# A distance named in the sentence: "500 meter", "1,000 metres", "1.500m", "de kilometer",
# the team races.
_DISTANCE = re.compile(
    r"(?i)(?<![\w.,])\d{1,2}[.,]?\d{3}\s?(?:m|meter|meters|metres?)(?!\w)|(?<![\w.,])500\s?"
    r"(?:m|meter|meters|metres?)(?!\w)|(?<!\w)(?:kilometer|kilometre|ploegenachtervolging|"
    r"achtervolging|team\s?pursuit|teamsprint|team\ssprint|relay|aflossing|massastart|"
    r"mass\sstart)(?!\w)"
)
# A mention that names nobody: a pronoun or a description ("De 31-jarige Noord-Hollandse",
# "the Norwegian"), unless it holds a word of the skater's own name ("De Boo").
_NOT_A_NAME = re.compile(
    r"(?i)(?:hij|zij|ze|he|she|they|him|her|his|zijn|haar|die|deze|de|het|the|een|a|an|this)"
    r"(?!\w)"
)


class TimeView(Protocol):
    """What these features read of the article (confidence_features.ArticleView)."""

    text: str
    sentences: list[Sentence]
    mentions: dict[str, list[tuple[int, int]]]
    all_mentions: list[int]
    facts: Facts
    placings: dict[int, bool]  # a cache: sentence index -> says a placing

    def sentence_at(self, position: int) -> int: ...

    def wants(self, *names: str) -> bool: ...


def time_features(view: TimeView, result: Result) -> dict[str, float]:
    """The features of `result`'s time; all 0 for a result without one."""
    features = dict.fromkeys(TIME_FEATURES, 0.0)
    if result.seconds is None:
        return features
    start, end = time_span(result)
    sentence = view.sentences[view.sentence_at(start)] if view.sentences else None
    low, high = (sentence.start, sentence.end) if sentence else (0, len(view.text))
    mentions = view.mentions.get(result.athlete, [])
    spans = [s for s in mentions if low <= s[0] < high]
    before = [s for s in spans if s[1] <= start]
    after = [s for s in spans if s[0] >= end]
    words = _name_words(result.athlete)
    named = [s for s in before if _by_name(view.text[s[0] : s[1]], words)]
    # The name the time is read against: the last one before it, else the first after it.
    subject = named[-1] if named else (before[-1] if before else (after[0] if after else None))
    if subject is None:
        gap = (low, start)
    elif subject[0] < start:
        gap = (subject[1], start)
    else:
        gap = (end, subject[0])
    first = bisect.bisect_left(view.all_mentions, gap[0])
    last = bisect.bisect_left(view.all_mentions, gap[1])
    inside = view.all_mentions[first:last]
    own = {s[0] for s in mentions} if inside else set()
    rivals = [m for m in inside if m not in own]
    features["time_named"] = float(bool(named))
    features["time_referred"] = float(bool(before) and not named)
    features["time_unnamed"] = float(not before)
    # The verb may also stand before the name in its clause: Dutch puts it second ("Zaterdag
    # klokte Kok 37,01", "Op de 3000 meter reed Groenewoud 4.01,50").
    clause = _clause_start(view.text, low, gap[0]) if subject and subject[0] < start else gap[0]
    features["time_verb"] = float(RACE_TIME_WORDS.search(view.text, clause, gap[1]) is not None)
    features["time_bracketed"] = float(view.text[max(low, start - 2) : start].strip() == "(")
    features["time_rival_between"] = float(bool(rivals))
    if view.wants("time_distance_named"):
        found = _DISTANCE.search(view.text, low, high)
        features["time_distance_named"] = float(found is not None)
    # All of it at once, the way a reporter states a skater's own time: "Kok noteerde 37,01".
    features["time_stated"] = float(
        bool(named)
        and subject is named[-1]
        and features["time_verb"] > 0
        and not rivals
        and not features["time_bracketed"]
    )
    # The same with a pronoun or a description for the name: "De Noor klokte 6.01,61".
    features["time_stated_by_reference"] = float(
        not named
        and bool(before)
        and features["time_verb"] > 0
        and not rivals
        and not features["time_bracketed"]
    )
    if (
        view.wants("time_placed_elsewhere")
        and result.rank is None
        and not any(r.rank is not None and r.athlete == result.athlete for r in view.facts.results)
    ):
        features["time_placed_elsewhere"] = float(
            _placed_elsewhere(view, view.mentions.get(result.athlete, []), (low, high))
        )
    return features


# A placing said of someone: "op plek elf", "het podium", "werd derde", "took bronze".
_PLACING = re.compile(
    r"(?i)(?<![\w-])(?:plek|plaats|place|podium|\w*(?:ste|de)\s(?:plaats|plek)|"
    r"eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d{1,2}(?:e|de|ste|th|st|nd|rd)|won|wint|wins|winner|winnaar|goud|zilver|brons|gold|"
    r"silver|bronze)(?![\w-])"
    # An ordinal that counts heats, laps, days or times is no placing: "de achtste rit", "de
    # eerste honderd meter", "for the second time".
    r"(?!\s+(?:rit|ritten|pair|heat|race|ronde|rondes|lap|laps|omloop|honderd|hundred|\d|"
    r"meter|metres?|dag|day|keer|time|wedstrijd|weekend)(?!\w))"
)


def _placed_elsewhere(view: TimeView, spans: list[tuple[int, int]], own: tuple[int, int]) -> bool:
    """Whether another sentence that names the skater also says a placing: a time of someone
    whose place the article gives, though no place was read for them, is more often a time
    the gold files with that place (or a time of another race) than a place-less result."""
    seen: set[int] = set()
    for start, _end in spans:
        index = view.sentence_at(start)
        sentence = view.sentences[index] if view.sentences else None
        if sentence is None or index in seen or sentence.start == own[0]:
            continue
        seen.add(index)
        placing = view.placings.get(index)
        if placing is None:
            placing = _PLACING.search(view.text, sentence.start, sentence.end) is not None
            view.placings[index] = placing
        if placing:
            return True
    return False


_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]")


def _clause_start(text: str, low: int, position: int) -> int:
    """Where the clause holding `position` starts: after the last comma, colon, semicolon,
    bracket or dash before it in the sentence (that starts at `low`)."""
    last = low
    for match in _CLAUSE_END.finditer(text, low, position):
        last = match.end()
    return last


def time_span(result: Result) -> tuple[int, int]:
    """Where `result`'s time stands in the article: the number in its evidence with its value
    (the last number when none has it, e.g. a prose "1 minute, 5.37 seconds")."""
    evidence = result.evidence
    found = list(_NUMBER.finditer(evidence.text))
    if not found:
        return evidence.end, evidence.end
    wanted = round((result.seconds or 0.0) * 1000)
    match = next((m for m in reversed(found) if _millis(m) == wanted), found[-1])
    return evidence.start + match.start(), evidence.start + match.end()


def _millis(match: re.Match[str]) -> int:
    minutes, seconds, fraction = match.groups()
    return (int(minutes or 0) * 60 + int(seconds)) * 1000 + int(fraction.ljust(3, "0"))


def _fold(text: str) -> str:
    """Lower case without accents: "Żurek" and "Zurek" are one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1024)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"[\s-]+", _fold(name)) if len(w) > 2)


@functools.lru_cache(maxsize=4096)
def _by_name(mention: str, words: frozenset[str]) -> bool:
    """Whether `mention` names the skater: holds a word of the name ("De Boo", "the
    Netherlands"), or opens on a capital that is no pronoun or article ("Zurek")."""
    if not words.isdisjoint(re.split(r"[\s-]+", _fold(mention))):
        return True
    return mention[:1].isupper() and not _NOT_A_NAME.match(mention)
