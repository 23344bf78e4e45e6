"""Words that say which field a race was for: "bij de vrouwen", "the men's 500m", "de
Nederlandse schaatssters", "mixed relay".

Why word endings count: Dutch marks a woman in the noun ("schaatsster", "kampioene",
"winnares", "landgenote"), so a sentence about her names the field without saying "vrouwen".
"""

from __future__ import annotations

from schaatsradar.extract.scanning import Rx, rx

__all__ = ["find_genders"]


_GENDERS: list[tuple[Rx, str]] = [
    (rx("gm", r"(?i)\b(?:mixed|gemengde?)\b", needles="mixed gemeng"), "mixed"),
    (
        rx(
            "abcdefghijklmnopqrstuvwxyz",
            r"(?i)\b(?:vrouwen\w*|dames\w*|women(?:['’]s)?|ladies|female|\w*schaatssters?"
            r"|\w*trackster|\w*kampioene|winnares|landgenote|teamgenotes?|ploeggenotes?)(?!\w)",
            needles="vrouw dames women ladies female schaatsster trackster kampioene winnares"
            " genote",
            one_word=True,
        ),
        "women",
    ),
    (
        rx(
            "abcdefghijklmnopqrstuvwxyz",
            r"(?i)\b(?:mannen\w*|heren\w*|men(?:['’]s)?|male|\w*schaatser)(?!\w)",
            needles="mannen heren men male schaatser",
            one_word=True,
        ),
        "men",
    ),
]


def find_genders(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "women" | "men" | "mixed") for every gender cue in `text`."""
    return [
        (m.start(), m.end(), gender) for pattern, gender in _GENDERS for m in pattern.finditer(text)
    ]
