"""Race distances and classifications named in a report ("de 1500 meter", "the 5,000m", "de
kilometer", "ploegenachtervolging", "WK allround").

Why so careful with numbers: reports also give altitudes ("op 1.425 meter hoogte"), split
points ("na 600 meter", "passed the 700m mark"), the last stretch of a race ("de laatste 500
meter") and counts ("de 1500 toeschouwers"); none of these is a race.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schaatsradar.extract.scanning import Cues, Rx, dedupe, rx

__all__ = ["DistanceMention", "find_distances"]


@dataclass(frozen=True)
class DistanceMention:
    """A race distance or classification named in the text (one of `types.DISTANCES`)."""

    start: int
    end: int
    distance: str


_SEPS = "[.,\u00a0\u202f]"
_DIST_NUM = rx(
    "135",
    rf"(?<![\w.,])(?:10{_SEPS}?000|[135]{_SEPS}?000|1{_SEPS}?500|500)(?![0-9]|[.,][0-9])",
    needles="500 000",
)
_DIST_UNIT = re.compile(r"(?i)\s?-?\s?(?:meters?|metres?|meter's|m)(?!\w)")
_DIST_LIST_GAP = re.compile(r"(?i)\s?(?:,|en|én|and|of|or|&|/)\s(?:de\s|the\s)?|,\s?|/")
_DIST_NOT_BEFORE = rx(
    "abeflnopt",
    r"(?i)\b(?:na|bij|after|at|passed|passing|through|laatste|last|final|opening|openings"
    r"|eerste\s100)\s(?:the\s)?(?=[0-9])",
)
_DIST_ARTICLE_BEFORE = rx("dt", r"(?i)\b(?:de|the)\s(?=[0-9])")
_DIST_NOT_AFTER = re.compile(
    r"(?i)\s?(?:hoogte|boven|hoog|high|altitude|above|elevation|mark|lang|long|verder"
    r"|voor\s(?:het\s)?(?:einde|eind|finish)|from\sthe\sfinish|to\sgo|te\sgaan"
    r"|van\sde\sfinish)\b"
)
# "the women's 3,000m mark" is the record over that race, "the 700m mark" a point in one.
_RACE_BEFORE = re.compile(r"(?i)\b(?:wo)?men['’]s\s$")


def _race_mark(text: str, start: int, word: str) -> bool:
    return word.strip().lower() == "mark" and bool(
        _RACE_BEFORE.search(text[max(0, start - 10) : start])
    )


# After a bare "de 1500" only words that cannot be the noun the number counts.
_BARE_DIST_AFTER = re.compile(
    r"(?i)(?:\s?[.,;:!?)\"'’”]|\s?$|\s(?:en|én|of|and|or|in|op|met|bij|van|voor|is|was|werd|won"
    r"|wint|gewonnen|zijn|ook|at|with|on|for|race|rit|ritten|final|finale|winnen|te|rijden"
    r"|reed|reden|gereden|nog|niet|wel|dit|dat|die|heeft|had|hebben|skated|wins|went|ging"
    r"|de|het|the|als"
    # English clause words after "the 1,000": "led the 500 from start to finish", "took
    # silver in the 1,000 while ...".
    r"|from|while|whereas|after|before|but|when|as)\b)"
)
_DIST_WORDS: list[tuple[Rx, str]] = [
    (rx("d", r"(?i)\bde\shalve\skilometer\b", needles="kilometer"), "500m"),
    (rx("a", r"(?i)\banderhalve\skilometer\b", needles="kilometer"), "1500m"),
    (rx("d", r"(?i)\bde\skilometer\b(?!\s(?:lang|verder|hoogte))", needles="kilometer"), "1000m"),
    (
        rx("ks", r"(?i)\b(?:kortste\safstand|shortest\sdistance)\b", needles="kortste shortest"),
        "500m",
    ),
    (
        rx(
            "pt",
            r"(?i)\b(?:ploeg(?:en)?achtervolging|teamachtervolging|team[\s-]?pursuits?)\b",
            needles="achtervolging pursuit",
        ),
        "team pursuit",
    ),
    (rx("t", r"(?i)\bteam[\s-]?sprints?\b", needles="sprint"), "team sprint"),
    (rx("m", r"(?i)\b(?:massastarts?|mass[\s-]starts?)\b", needles="start"), "mass start"),
    (
        rx(
            "1z",
            r"(?i)\b(?:zestien|16)\s(?:ronden|rondes|rondjes|laps)\b",
            needles="ronde rondj laps",
        ),
        "mass start",
    ),
    (
        rx(
            "agmr",
            r"(?i)\b(?:(?:mixed|gemengde?)\s(?:team\s)?(?:relay|aflossing)|relays?"
            r"|aflossing(?:en)?)\b",
            needles="relay aflossing",
        ),
        "relay",
    ),
    (
        rx("aenw", r"(?i)\b(?:(?:wk|ek|nk)[\s-])?all[\s-]?round(?!ers?\b)\w*", needles="round"),
        "allround",
    ),
    (
        rx(
            "ceknsw",
            r"(?i)\b(?:(?:wk|ek|nk)[\s-]sprint\b|sprint(?:titel|titels|kampioen(?:e|en"
            r"|schap(?:pen)?)?|klassement|vierkamp|toernooi|wereldkampioen(?:e)?)\b"
            r"|(?:kampioene?|kampioenschap(?:pen)?)\ssprint\b"
            r"|world\ssprint(?:\s(?:title|champion(?:ships?)?))?\b"
            r"|sprint\s(?:title|champion(?:ships?)?|classification|crown)\b)",
            needles="sprint",
        ),
        "sprint",
    ),
]
_KM = rx(
    "135dftv",
    r"(?i)\b(?:(?P<art>de|the)\s)?(?P<n>drie|vijf|tien|three|five|ten|3|5|10)\s?-?\s?"
    r"(?:kilometers?|kilometres?|km)(?!\w)",
    needles="km kilomet",
)
_KM_VALUES = {
    "drie": "3000m", "three": "3000m", "3": "3000m", "vijf": "5000m", "five": "5000m",
    "5": "5000m", "tien": "10000m", "ten": "10000m", "10": "10000m",
}  # fmt: skip
_DIST_BY_NUMBER = {500: "500m", 1000: "1000m", 1500: "1500m", 3000: "3000m", 5000: "5000m",
                   10000: "10000m"}  # fmt: skip


def _dist_value(token: str) -> str:
    return _DIST_BY_NUMBER[int(re.sub(r"\D", "", token))]


def find_distances(text: str) -> list[DistanceMention]:
    """Every race distance or classification named in `text`.

    Why so careful with numbers: reports also give altitudes ("op 1.425 meter hoogte"), split
    points ("na 600 meter", "passed the 700m mark"), the last stretch of a race ("de laatste
    500 meter") and counts ("de 1500 toeschouwers"); none of these is a race. Coordinated
    lists ("de 500, 1000 en 1500 meter") name each distance. A lone "sprint" is a finishing
    sprint, not the sprint classification, so only "WK sprint", "sprinttitel" etc. count.
    """
    found: list[DistanceMention] = []
    nums = list(_DIST_NUM.finditer(text))
    kms = list(_KM.finditer(text))
    not_before = Cues(_DIST_NOT_BEFORE, text) if nums or kms else None
    article_before = Cues(_DIST_ARTICLE_BEFORE, text) if nums else None
    # Walk right to left so a number followed by a list gap and a distance joins that list.
    is_dist = [False] * len(nums)
    for i in range(len(nums) - 1, -1, -1):
        m = nums[i]
        if not_before is not None and not_before.ends_at(m.start()):
            continue
        unit = _DIST_UNIT.match(text, m.end())
        if unit:
            not_after = _DIST_NOT_AFTER.match(text, unit.end())
            if not_after and not _race_mark(text, m.start(), not_after.group()):
                continue
            is_dist[i] = True
            found.append(DistanceMention(m.start(), unit.end(), _dist_value(m.group())))
            continue
        if i + 1 < len(nums) and is_dist[i + 1]:
            gap = _DIST_LIST_GAP.fullmatch(text, m.end(), nums[i + 1].start())
            if gap:
                is_dist[i] = True
                found.append(DistanceMention(m.start(), m.end(), _dist_value(m.group())))
                continue
        if (
            article_before is not None
            and article_before.ends_at(m.start())
            and _BARE_DIST_AFTER.match(text, m.end())
        ):
            is_dist[i] = True
            found.append(DistanceMention(m.start(), m.end(), _dist_value(m.group())))
    # "the 500 and 1,500.": a bare number that continues a list a distance opened is one too,
    # when nothing after it makes it a count ("de 500 en 1000 toeschouwers").
    for i in range(1, len(nums)):
        if is_dist[i] or not is_dist[i - 1]:
            continue
        m = nums[i]
        if _DIST_LIST_GAP.fullmatch(text, nums[i - 1].end(), m.start()) and _BARE_DIST_AFTER.match(
            text, m.end()
        ):
            is_dist[i] = True
            found.append(DistanceMention(m.start(), m.end(), _dist_value(m.group())))
    for m in kms:
        if _DIST_NOT_AFTER.match(text, m.end()) or (
            not_before is not None and not_before.ends_at(m.start("n"))
        ):
            continue
        found.append(DistanceMention(m.start(), m.end(), _KM_VALUES[m.group("n").lower()]))
    for pattern, distance in _DIST_WORDS:
        for m in pattern.finditer(text):
            found.append(DistanceMention(m.start(), m.end(), distance))
    return dedupe(found)
