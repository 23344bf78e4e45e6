"""Who a pronoun or a description in a sentence stands for: "Zij werd negende", "Die pakte
het zilver", "Vier jaar geleden strandde ze", "de rijder van Team X", "maar de wereldkampioen
eindigde als tweede".

Why a module of its own: the name finder (`names`, `name_references`) resolves references to
the last compatible person it saw, object or not; a sentence's results need the subject a
reporter means, which only the sentence reader (`entities`) knows. These are its rules for that,
and the memory of subjects they read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.context import Context, Entity
from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.name_references import described
from schaatsradar.extract.owners import _is_object
from schaatsradar.extract.scanning import led_scan
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import Gender

# A sentence that opens on a pronoun, or on a possessive before a time ("Haar tijd van 37,20
# was goed voor brons", "Zijn 6.23,87 ...", "His time of 34.50 ..."): its subject is who the
# word stands for.
# "Die tijd", "Deze rit": a determiner before what was skated, no pronoun (see
# `follow_on.CONTINUATION`).
OPENER = re.compile(
    r"(?:Die|Deze)\b(?!\s+(?:[\w-]*tijd|rit|race|prestatie)\b)|(?:Zij|Ze|Hij|She|He)\b|"
    r"(?:Haar|Zijn|Her|His)(?=\s+(?:[\w-]*tijd\b|time\b|\d))"
)
PLURAL_OPENERS = frozenset({"Die", "Deze", "Zij", "Ze"})


INNER_PRONOUN = led_scan(r"\b(?:ze|zij|hij|she|he)\b")
PRONOUN_GENDER: dict[str, Gender] = {
    "ze": "women",
    "zij": "women",
    "she": "women",
    "hij": "men",
    "he": "men",
}
_POSSESSIVE_GENDER: dict[str, Gender] = {
    "haar": "women",
    "her": "women",
    "zijn": "men",
    "his": "men",
}
# "Ze reden allebei 37,40", "Daarna wonnen ze": a Dutch plural verb next to "ze"/"zij" makes
# it "they" (a team in a team race; two skaters, not one, otherwise).
_PLURAL_VERB_AFTER = re.compile(r"\s+[a-z]{2,}en\b")
_PLURAL_VERB_BEFORE = re.compile(r"\b[a-z]{2,}en\s+$")
_WORD_BEFORE = re.compile(r"\w\s+$")
_SUBJECTS_KEPT = 3


_COUNTRY_NAMES = "|".join(
    re.escape(name) for _name, names, _adjectives in COUNTRIES.values() for name in names
)
# "De rijder van Team Reggeborgh greep het brons", "de pupil van Jac Orie": a skater named by
# the team or coach they ride for. Without team lists the registry cannot check that; such a
# description is read like a pronoun, as the latest subject ("rijder" and "schaatser" are
# used for women too: only the feminine forms say a gender). One with an age ("de 24-jarige
# rijdster van Team X") is left to the name finder, which knows the ages the article gave.
# "De schaatser uit Groningen" (a home town, not a country: "de rijder uit Noorwegen" is a
# nationality, which the name finder reads) is such a description too.
ROLE_DESCRIPTION = led_scan(
    r"(?<![\w-])[Dd]e\s+(?:(?:jonge|ervaren)\s+)?"
    r"(?P<noun>rijder|rijdster|schaatser|schaatsster|pupil)\s+(?:van|uit)\s+"
    r"(?:[Tt]eam\s+|het\s+|de\s+)?(?!(?:" + _COUNTRY_NAMES + r")\b)[A-ZÀ-Þ][\w-]+"
)
_FEMININE_ROLES = frozenset({"rijdster", "schaatsster"})


def _described_subject(
    text: str, sentence: Sentence, entities: Sequence[Entity], context: Context
) -> Entity | None:
    """The skater "de rijder van Team X" stands for, when the description is the subject:
    no subject named before it, no name right after it (an apposition names them)."""
    found = ROLE_DESCRIPTION.search(text, sentence.start, sentence.end)
    if found is None:
        return None
    start, end = found.span()
    if any(
        (e.start < start and not _is_object(text, sentence, e, named_before=False))
        or (end <= e.start <= end + 3)
        for e in entities
    ):
        return None
    gender: Gender | None = "women" if found.group("noun") in _FEMININE_ROLES else None
    for subject in context.recent_subjects:
        if subject.team or not (gender is None or subject.gender in (None, gender)):
            continue
        described = replace(subject, start=start, end=end, times=[], ranks=[])
        # "Leerdam won voor de rijder van Team X": an object is someone else, not the
        # subject before.
        if _is_object(text, sentence, described, named_before=bool(entities)):
            return None
        return described
    return None


def _described_as_subject(
    text: str, sentence: Sentence, entities: list[Entity], mentions: Mentions
) -> None:
    """ "Roest legde het af tegen Bergsma, maar de wereldkampioen eindigde als tweede": a
    description that is the subject of a later clause stands for its sentence's subject when
    that one fits its words, not for whoever the name finder saw last if that was only an
    object ("tegen Bergsma"). Across a sentence end it is not so: "Bowe rekende af met
    Leerdam. De wereldkampioene viel naast het podium" is about Leerdam, and the text alone
    cannot tell. A description with an age is left to the name finder, which knows the ages
    the article gave."""
    references = {m.start for m in inside(mentions.names, sentence) if m.how == "reference"}
    for index, entity in enumerate(entities):
        if entity.start not in references:
            continue
        said = described(text[entity.start : entity.end])
        if said is None or said[2] is not None:
            continue
        if _is_object(text, sentence, entity, named_before=index > 0):
            continue
        country, gender, _ = said
        before = [
            e
            for e in entities[:index]
            if not e.team and not _is_object(text, sentence, e, named_before=False)
        ]
        topic = before[0] if before else None
        if (
            topic is None
            or entity.name in {e.name for e in before}
            or (country is not None and topic.country != country)
            or (gender is not None and topic.gender not in (None, gender))
        ):
            continue
        entities[index] = replace(topic, start=entity.start, end=entity.end, times=[], ranks=[])


def _meant(text: str, start: int, end: int, context: Context, team_race: bool) -> Entity | None:
    """Who the pronoun at `start`..`end` stands for: "die"/"deze" the one named last; a
    personal pronoun the latest subject of its gender (a "hij" after a sentence about a woman
    is the man before her); nobody when none fits or a plural "ze" means two skaters."""
    word = text[start:end].casefold()
    if word in ("die", "deze"):
        return context.last_mentioned
    # The verb of an opening pronoun follows it ("Ze reden"); an inverted pronoun's verb comes
    # before it ("In 2023 werd ze wereldkampioen": the word after is no verb, and "-en" there
    # is a noun's).
    if _WORD_BEFORE.search(text, max(0, start - 20), start):
        plural = _PLURAL_VERB_BEFORE.search(text, max(0, start - 20), start)
    else:
        plural = _PLURAL_VERB_AFTER.match(text, end)
    if word in ("ze", "zij") and not team_race and plural:
        return None
    gender = PRONOUN_GENDER.get(word) or _POSSESSIVE_GENDER.get(word)
    for subject in context.recent_subjects or (
        (context.last_subject,) if context.last_subject is not None else ()
    ):
        if subject.team or not (gender is None or subject.gender in (None, gender)):
            continue
        return subject
    return None


def _remember_people(
    text: str, sentence: Sentence, skaters: Sequence[Entity], context: Context
) -> None:
    """Who a later "zij" (the subject) or "die" (the last named) refers to."""
    if not skaters:
        return
    ordered = sorted(skaters, key=lambda e: e.start)
    # The first who is no object (a pure reading: the rest need not be asked), else the first.
    subject = next(
        (e for i, e in enumerate(ordered) if not _is_object(text, sentence, e, named_before=i > 0)),
        ordered[0],
    )
    context.last_subject = subject
    context.last_mentioned = ordered[-1]
    earlier = tuple(e for e in context.recent_subjects if e.name != subject.name)
    context.recent_subjects = (subject, *earlier)[:_SUBJECTS_KEPT]
