"""The words the confidence model's sentence features look for (extract/confidence_features.py):
cue words of negation, near misses, conditionals, looks back and careers, quotes, years, rank
words and ordinals, and the few words that tell Dutch from English.

Why a module of its own: these are word lists, long to read and changed for other reasons than
the features that count them.
"""

from __future__ import annotations

import re

from schaatsradar.extract.scanning import led_scan

_W = r"(?<![\w-])"  # a word starts here (also after a hyphen: "net-niet" is two words)
_E = r"(?![\w-])"


def _words(*words: str) -> re.Pattern[str]:
    return re.compile(_W + "(?:" + "|".join(words) + ")" + _E, re.IGNORECASE)


# Cue words, Dutch and English. Each is one feature: present in the fact's sentence or not.
CUES: dict[str, re.Pattern[str]] = {
    "negation": re.compile(
        _W + r"(?:niet|geen|nooit|zonder|not|no|never|without)" + _E + r"|n't\b", re.IGNORECASE
    ),
    "near_miss": _words(
        "bijna",
        "nipt",
        "net niet",
        "net naast",
        "almost",
        "nearly",
        "narrowly",
        "just missed",
        "missed out",
        "fell short",
        "short of",
    ),
    "conditional": _words(
        "zou", "zouden", "zou hebben", "would", "could", "might", "should", "goed geweest"
    ),
    "future": _words(
        "zal",
        "zullen",
        "gaat",
        "wil",
        "hoopt",
        "hoop",
        "kan",
        "kunnen",
        "will",
        "wants?",
        "hopes?",
        "aims?",
        "can",
        "favoriet",
        "favou?rite",
        "kans",
        "chances?",
        "doel",
        "target",
    ),
    "history": _words(
        r"vorig(?:e)?",
        "geleden",
        "eerder",
        "destijds",
        "toen",
        "sinds",
        "ooit eerder",
        "al eens",
        "ago",
        "last",
        "previous(?:ly)?",
        "earlier",
        "former",
        "since",
        "once",
    ),
    "ever": _words(
        "ooit",
        "ever",
        "all[- ]time",
        "aller tijden",
        "in history",
        "geschiedenis",
        "carrières?",
        "loopbaan",
        "career",
        "persoonlijk(?:e)? (?:record|besttijd)",
        "personal best",
    ),
    "record": re.compile(r"rec(?:ord|ords)|pr\b|besttijd|best time", re.IGNORECASE),
    "clause": _words("die", "dat", "wie", "waar", "who", "which", "that", "whose", "where"),
    "standings": _words(
        r"\w*klassement",
        "stand",
        "standings",
        "ranking",
        "overall",
        "overall standings",
        r"\w*cup standings",
    ),
    "qualify": re.compile(r"plaatst|kwalific|qualif|ticket|startbewijs|selectie", re.IGNORECASE),
    "count": re.compile(
        r"(?:\d+(?:e|de|ste|th|st|nd|rd)|eerste|tweede|derde|vierde|vijfde|zesde|zevende|"
        r"achtste|negende|tiende|first|second|third|fourth|fifth|sixth|seventh|eighth|"
        r"ninth|tenth)\s+(?:\w+\s+){0,2}?(?:\w*zeges?|overwinning|\w*titels?|medailles?|"
        r"keer|tijd|times?|titles?|wins?|victor(?:y|ies)|medals?|podiums?|career)" + _E,
        re.IGNORECASE,
    ),
    "placing": _words(
        r"won",
        r"wint",
        r"winnaar",
        r"zege",
        r"goud",
        r"zilver",
        r"brons",
        r"podium",
        r"plaats",
        r"plek",
        r"eindigde",
        r"werd",
        r"gold",
        r"silver",
        r"bronze",
        r"wins?",
        r"winner",
        r"place",
        r"finished",
        r"victory",
        r"title",
        r"titel",
        r"kampioen(?:e)?",
        r"champion",
    ),
    "timing": _words("klokte", "reed", "tijd", "snelste", "clocked", "time", "fastest", "stopped"),
    "training": _words("training", "trainingswedstrijd", "test", "practice", "tijdrit"),
}
QUOTE = re.compile(r"[“”\"„«»]")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# The same years in a whole text, the scan led by the digits a year starts with (`led_scan`):
# the regex engine skips to the next "1" or "2" instead of trying the pattern everywhere.
YEAR_SCAN = led_scan(YEAR.pattern)
NUMBER = re.compile(r"\d+[.,:]\d\d")
RANK_CUE = re.compile(
    r"\d+(?:e|de|ste|th|st|nd|rd)\b|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|"
    r"negende|tiende|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"goud|zilver|brons|gold|silver|bronze|won|wint|wins|winner|winnaar|zege|victory|podium",
    re.IGNORECASE,
)
# Words that state a placing, by value: does the evidence say the rank it was given?
ORDINALS = (
    ("eerste", "first", "1st", "1e", "won", "wint", "wins", "winner", "winnaar", "goud", "gold",
     "zege", "victory", "kampioen", "kampioene", "champion", "titel", "title", "snelste",
     "fastest"),
    ("tweede", "second", "2nd", "2e", "zilver", "silver", "runner-up"),
    ("derde", "third", "3rd", "3e", "brons", "bronze"),
    ("vierde", "fourth", "4th", "4e"),
    ("vijfde", "fifth", "5th", "5e"),
    ("zesde", "sixth", "6th", "6e"),
    ("zevende", "seventh", "7th", "7e"),
    ("achtste", "eighth", "8th", "8e"),
    ("negende", "ninth", "9th", "9e"),
    ("tiende", "tenth", "10th", "10e"),
)  # fmt: skip
# One pass over the evidence for all of them: the group `o3` matched means "third" is said.
ORDINAL_SCAN = re.compile(
    _W
    + "(?:"
    + "|".join(f"(?P<o{i + 1}>{'|'.join(words)})" for i, words in enumerate(ORDINALS))
    + ")"
    + _E,
    re.IGNORECASE,
)
# "de snelste Nederlandse", "the top American": best of a nation, not of the race.
NATIONAL_BEST = re.compile(
    _W + r"(?:snelste|beste|best|fastest|top)\s+(?:\w+\s+)?(?:Nederland\w*|Dutch|Belg\w*|"
    r"Noor\w*|Norw\w*|Amerikan\w*|American|Canad\w*|Japan\w*|Chine\w*|Duits\w*|German|"
    r"Ital\w*|Pol\w*|Korea\w*|Zuid-Korea\w*|Tsjech\w*|Czech|Rus\w*)",
    re.IGNORECASE,
)
SENTENCE_CUES = {
    **{f"cue_{name}": pattern for name, pattern in CUES.items()},
    "cue_quote": QUOTE,
    "cue_national_best": NATIONAL_BEST,
}
DUTCH = re.compile(r"(?<!\w)(?:de|het|een|van|en|op|niet|werd)(?!\w)", re.IGNORECASE)
ENGLISH = re.compile(r"(?<!\w)(?:the|a|of|and|on|not|was|in the)(?!\w)", re.IGNORECASE)
