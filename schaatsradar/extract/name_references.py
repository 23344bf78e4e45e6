"""References to a skater named earlier: "de Nederlandse", "de 26-jarige schaatsster", "the
Canadian", "the 21-year-old" and a clause-initial "zij"/"hij", each resolved to the most recent
compatible person of the same or the previous two sentences.

Why a module of its own: this is the last step of the skater-name finder (`names`), run once the
persons of the article are known; it only reads them. `_Finder` inherits these methods.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from schaatsradar.extract.name_persons import _Person
from schaatsradar.extract.name_text import _Doc, _Token
from schaatsradar.extract.name_words import _EN_ADJECTIVE_ONLY, _EN_NATIONALITY, _NL_NATIONALITY
from schaatsradar.extract.reference_words import (
    _CLAUSE_OPENERS,
    _EN_PERSON_NOUNS,
    _EN_REFERENCE,
    _EN_SAYING,
    _FOLLOW_OK,
    _NL_PERSON_NOUNS,
    _NL_REFERENCE,
    _NL_SAYING,
    _NOT_PERSON_NOUNS,
    _PRONOUNS,
)
from schaatsradar.extract.types import Gender, Skater

# start, end, country, gender, age ("de 24-jarige")
_Event = tuple[int, int, str | None, Gender | None, int | None]


class _References:
    """Step 5 of `_Finder`: the reference phrases and pronouns of the article, resolved."""

    text: str
    doc: _Doc
    tokens: list[_Token]
    persons: dict[Skater, _Person]

    # -- 5. references ---------------------------------------------------------------------

    def references(self) -> list[tuple[int, int, Skater]]:
        """Resolve "de Nederlandse", "de 26-jarige schaatsster", "the Canadian",
        "the 21-year-old" and clause-initial pronouns to the most recent person compatible in
        nationality and gender within the same or previous two sentences. When that person
        is someone named with a role (not a skater), nothing is returned: the text is about
        them."""
        named_ages: list[tuple[int, int]] = []
        events = sorted([*self.reference_phrases(named_ages), *self.pronouns()])
        if not events:
            return []  # (the history below is read only for these: a long list of names
            # without a reference, a hostile input, needs none of it)
        rank = self.doc.rank
        history: list[tuple[int, int, _Person]] = sorted(  # (start, sentence rank, person)
            (
                (m.start, rank[self.tokens[m.first_tok].sent], p)
                for p in self.persons.values()
                if p.included or p.role
                for m in p.mentions
            ),
            key=lambda h: h[0],
        )
        starts = [h[0] for h in history]
        # An age the article gives a person ("de 32-jarige Sablikova", or a reference resolved
        # to her) rules her out for a reference with another age ("de 24-jarige rijdster").
        by_start = {m.start: p for p in self.persons.values() for m in p.mentions}
        ages: dict[Skater, int] = {}
        for name_start, named_age in named_ages:
            if name_start in by_start:
                ages.setdefault(by_start[name_start].skater, named_age)
        out: list[tuple[int, int, Skater]] = []
        for start, end, country, gender, age in events:
            sent = rank[self.doc.sentence_of(start)]
            idx = bisect.bisect_left(starts, start)
            chosen: _Person | None = None
            # A nationality narrows the field enough to look a little further back ("de
            # Tsjechische" three sentences after Sablikova was named); an age or a pronoun not.
            reach = 3 if country else 2
            for k in range(idx - 1, -1, -1):
                _, h_sent, person = history[k]
                if h_sent < sent - reach:
                    break
                sk = person.skater
                if country and sk.country and sk.country != country:
                    continue
                if gender and sk.gender and sk.gender != gender:
                    continue
                if age is not None and ages.get(sk, age) != age:
                    continue
                chosen = person
                break
            if chosen is not None and age is not None:
                ages.setdefault(chosen.skater, age)
            if chosen is not None and chosen.included:
                out.append((start, end, chosen.skater))
                history.insert(idx, (start, sent, chosen))
                starts.insert(idx, start)
        return out

    def reference_phrases(self, named_ages: list[tuple[int, int]]) -> Iterator[_Event]:
        """The phrases that stand for a person; the ages of those that describe the name
        right after them ("de 32-jarige Martina Sablikova") go to `named_ages`."""
        name_spans: list[tuple[int, int]] | None = None  # sorted once a phrase needs them
        for rx, saying, nats, nouns, dutch in (
            (_NL_REFERENCE, _NL_SAYING, _NL_NATIONALITY, _NL_PERSON_NOUNS, True),
            (_EN_REFERENCE, _EN_SAYING, _EN_NATIONALITY, _EN_PERSON_NOUNS, False),
        ):
            for m in saying_phrases(rx, saying, self.text):
                age, nat, noun = m.group("age"), m.group("nat"), m.group("noun")
                start = m.start()
                end = max(m.end(g) for g in ("age", "nat", "noun") if m.group(g))
                if age and not nat and not noun:
                    end = m.end("age") + len("-jarige" if dutch else "-year-old")
                if name_spans is None:
                    name_spans = sorted(
                        (m.start, m.end) for p in self.persons.values() for m in p.mentions
                    )
                k = bisect.bisect_left(name_spans, (end, -1))
                if k and name_spans[k - 1][1] > start:
                    continue  # part of a name phrase: "de Canadese Ivanie Blondin"
                following = name_spans[k] if k < len(name_spans) else None
                if age and following is not None and not self.text[end : following[0]].strip():
                    named_ages.append((following[0], int(age)))
                    continue  # "de 32-jarige Sablikova": her age, not a reference
                if not dutch and nat in _EN_ADJECTIVE_ONLY and not noun:
                    continue  # "the Dutch" are a people
                if not self.stands_for_person(end, ended_with_noun=bool(noun), dutch=dutch):
                    continue
                country, gender = _constraints(m, nats, nouns, dutch)
                yield start, end, country, gender, int(age) if age else None

    def stands_for_person(self, end: int, *, ended_with_noun: bool, dutch: bool) -> bool:
        """What follows the phrase decides: a name or a noun means the phrase qualifies it
        ("de Canadese Ivanie Blondin", "de Nederlandse ploeg"); punctuation, a verb or a
        function word means the phrase itself stands for a person."""
        rest = self.text[end : end + 40]
        if rest.startswith(("'s", "’s")):
            return True
        stripped = rest.lstrip(" \t\u00a0")
        if not stripped or stripped[0] in ",.;:!?)\"”’'–—-\n":
            return True
        w = re.match(r"[^\W\d_][\w'’-]*", stripped)
        if not w:
            return False
        word = w.group()
        if word[0].isupper():
            return False
        lower = word.casefold()
        if lower in _NOT_PERSON_NOUNS:
            return False
        if ended_with_noun or lower in _FOLLOW_OK:
            return True
        # A Dutch past tense (pakte, eindigde) or an English -ed verb.
        return len(lower) >= 4 and lower.endswith(("de", "te") if dutch else ("ed",))

    def pronouns(self) -> Iterator[_Event]:
        """ "zij", "ze", "hij", "she", "he" opening a clause. A "ze" before a plural verb
        ("ze reden") means "they"."""
        tokens = self.tokens
        # The few pronoun tokens, picked out in one comprehension.
        for i in [k for k, tok in enumerate(tokens) if tok.info.lower in _PRONOUNS]:
            tok = tokens[i]
            gender = _PRONOUNS[tok.lower]
            if gender is None:
                continue
            opens = tok.initial
            if not opens and i > 0:
                gap = self.text[tokens[i - 1].end : tok.start]
                opens = any(c in ",;:" for c in gap) or tokens[i - 1].lower in _CLAUSE_OPENERS
            if not opens:
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if (
                tok.lower in ("ze", "zij")
                and nxt is not None
                and nxt.joined
                and len(nxt.text) > 3
                and nxt.lower.endswith("en")
            ):
                continue
            yield tok.start, tok.end, None, gender, None


def saying_phrases(
    rx: re.Pattern[str], saying: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches of `rx.finditer(text)` in which an age, nationality or noun group took
    part, read only where `saying` (`reference_words._saying_pattern`) finds one may start.

    The same matches: `rx` matches at every determiner, and one with no group spans only the
    determiner, modifiers and spaces, in which no other determiner starts; so skipping those
    moves no later match, and every match with a group is at a place `saying` finds."""
    pos = 0
    while (found := saying.search(text, pos)) is not None:
        m = rx.match(text, found.start())
        if m is None:  # (never: `saying` starts where `rx` does)
            pos = found.start() + 1
            continue
        pos = m.end()
        if m.lastindex is not None:  # a group took part (the only groups are these three)
            yield m


def _constraints(
    m: re.Match[str],
    nats: dict[str, tuple[str, Gender | None]],
    nouns: dict[str, Gender | None],
    dutch: bool,
) -> tuple[str | None, Gender | None]:
    """The country and gender a reference phrase's words say ("de Noorse": NOR, women)."""
    nat, noun = m.group("nat"), m.group("noun")
    country: str | None = None
    gender: Gender | None = None
    if nat:
        country, gender = nats[nat]
    if noun:
        gender = nouns[noun] or gender
    if dutch and not country and re.search(r"(?i)\bnederlands\b", m.group()):
        country = "NED"
    return country, gender


def described(phrase: str) -> tuple[str | None, Gender | None, int | None] | None:
    """Country, gender and age a reference phrase ("de 24-jarige Friezin", "the Canadian")
    says of the person it stands for; None when `phrase` is no such phrase (a pronoun)."""
    for rx, nats, nouns, dutch in (
        (_NL_REFERENCE, _NL_NATIONALITY, _NL_PERSON_NOUNS, True),
        (_EN_REFERENCE, _EN_NATIONALITY, _EN_PERSON_NOUNS, False),
    ):
        m = rx.match(phrase)
        if m is not None and (m.group("age") or m.group("nat") or m.group("noun")):
            country, gender = _constraints(m, nats, nouns, dutch)
            return country, gender, int(m.group("age")) if m.group("age") else None
    return None
