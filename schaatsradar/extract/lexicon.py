"""Words that several finders read the same way: number words, ordinals, month names, the
shape of a race time, the words of publisher promotion.

Why one place: "tweede" is a place to the rank finder and a count to the margin finder, "mei" a
month to the day finder and a reason for the rank finder to doubt a "5e" before it; each word
list is written once, so the finders cannot drift apart.
"""

from __future__ import annotations

import re

from schaatsradar.extract.scanning import trie

__all__ = [
    "EN_ORDINALS",
    "MONTHS",
    "NL_ORDINALS",
    "NUMBER_WORDS",
    "NUMBER_WORD_RE",
    "ORDINALS",
    "PROMOTION_WORDS",
    "RACE_TIME",
    "RACE_TIME_WORDS",
    "RECORD_BEATEN_BACK",
    "word_set",
]

# Number words, Dutch and English, as used for small counts ("twee honderdste", "five minutes").
NUMBER_WORDS: dict[str, int] = {
    "een": 1, "één": 1, "eén": 1, "one": 1, "a": 1, "an": 1,
    "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5,
    "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9,
    "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12,
    "dertien": 13, "thirteen": 13, "veertien": 14, "fourteen": 14, "vijftien": 15,
    "fifteen": 15, "zestien": 16, "sixteen": 16, "zeventien": 17, "seventeen": 17,
    "achttien": 18, "eighteen": 18, "negentien": 19, "nineteen": 19, "twintig": 20,
    "twenty": 20,
}  # fmt: skip
# The longer number words as one pattern ("a", "an", "een" are too common to count on alone).
NUMBER_WORD_RE = trie(w for w in NUMBER_WORDS if len(w) > 2)


NL_ORDINALS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
    "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12, "dertiende": 13,
    "veertiende": 14, "vijftiende": 15, "zestiende": 16, "zeventiende": 17, "achttiende": 18,
    "negentiende": 19, "twintigste": 20,
}  # fmt: skip
EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
ORDINALS = {**NL_ORDINALS, **EN_ORDINALS}

MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "maart": 3,
    "march": 3, "mar": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6,
    "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

# Race times: Dutch 1.12,74 / 36,09 / 3.44,265; English 1:12.74 / 34.34. A whole number, never
# part of a longer one ("14.11.2025"). The name finder reads one as strong skater context.
RACE_TIME = re.compile(
    r"(?<![\d.,:])(?:\d{1,2}[.:]\d{2}[,.]\d{2,3}|\d{2}[,.]\d{2,3})(?![\d.,:]*\d)"
)
# Words that tie a time to the skater who skated it: the verbs and phrases of clocking and
# finishing ("Kok klokte 37,01", "kwam in 34.54 over de streep", "stopped the clock at",
# "skated a time of"). Between a skater's name and a time they say the time is that skater's
# race, not a record's old mark or a rival's. Matched case-insensitively.
RACE_TIME_WORDS = re.compile(
    # The present tense of a live report too: "De Italiaan klokt 6.11,80".
    r"(?i)(?<![\w-])(?:klok(?:te|ten|t|ken)|noteer(?:de|den|t)|noteerden|finisht(?:e|en)?|reed|"
    r"reden|rijdt|schaatste[n]?|"
    r"kwam(?:en)?\s(?:in|tot|op)|stopte[n]?\s(?:de\s)?klok|klok\sop|zette[n]?\s(?:een\s)?tijd|"
    r"(?:eind)?tijd\svan|eindtijd|eindigde[n]?\s(?:in|met)|clock(?:ed|ing)|skat(?:ed|ing)|"
    r"finish(?:ed|ing)\sin|crossed\sthe\s(?:finish\s)?line|stopped\sthe\sclock|posted|"
    r"time\sof|covered)(?![\w-])"
)
# A sentence beating the mark the sentence before set, pointing back at it rather than naming
# a record: "ging Stolz daar met 1.42,18 nog onder", "dook er nog onder", "verbeterde die
# tijd", "Stolz bettered it", "lowered that to 1:42.18", "went under it". Matched
# case-insensitively against the whole sentence.
RECORD_BEATEN_BACK = re.compile(
    r"(?i)\b(?:(?:ging|gingen|dook|doken|kwam|kwamen)\s(?:[\w,.]+\s){0,6}?(?:daar|er)\s"
    r"(?:[\w,.]+\s){0,3}?onder|(?:daar|er)onder\s(?:dook|ging|kwam)"
    r"|(?:verbeterde|verbeterden|scherpte|verbrak)\s(?:[\w-]+\s){0,3}?(?:die|dat|deze)\s"
    r"(?:tijd|toptijd|mark|grens)"
    r"|(?:bettered|lowered|improved|broke|beat|eclipsed|topped)\s(?:it|that(?:\s(?:mark|time))?)"
    r"|went\sunder\s(?:it|that(?:\s(?:mark|time))?))\b"
)
# Publisher promotion ("Download nu de ... App", "Check in bij ..."): not news, so its words
# put no name in skater context. Matched against the lower-cased text.
PROMOTION_WORDS = re.compile(
    r"\b(?:download|app|apps|volg ons|volg \w+ via|blijf via|check in bij|lees ook|"
    r"lees meer|bekijk ook|nieuwsbrief|abonneer|abonnement|subscribe|newsletter|sign up|"
    r"related stories|advertentie|advertisement|schaatspagina|schaatskalender)\b"
)


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string: long lexicons stay readable."""
    return frozenset(words.split())
