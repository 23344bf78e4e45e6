"""How a name the registry does not know is written, and which part of it is the surname:
"Min-Sun Kim" becomes Kim Min-sun, "Han Yu Tong" becomes Han Yutong, the surname of "Jens van
't Wout" is "van 't Wout".

Why a module of its own: the finder (`names`) keeps one skater per unknown name, whichever
order or spelling the article uses; these rules of East Asian and Dutch names say what that one
name is, and need nothing but the name itself.
"""

from __future__ import annotations

import re

from schaatsradar.extract.name_words import _words
from schaatsradar.extract.registry import PARTICLES

# Korean family names. A hyphenated given name next to one of them is a Korean name, which
# the registry (and the Korean press) writes family name first: "Min-Sun Kim" is Kim Min-sun.
_KOREAN_FAMILY = _words(
    "kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im "
    "han oh seo shin kwon hwang ahn an song ryu yoo yu jeon hong ko go moon mun yang son bae "
    "baek heo nam noh roh ha kwak sung cha joo woo um eom chae won"
)
_HYPHEN_GIVEN_FAMILY = re.compile(r"^([^\W\d_]+)-([^\W\d_]+) ([^\W\d_]+)$")
_FAMILY_HYPHEN_GIVEN = re.compile(r"^([^\W\d_]+) ([^\W\d_]+)-([^\W\d_]+)$")


# Common Chinese family names, and one pinyin syllable. "Han Yu Tong" is how some Western
# reports split a Chinese given name that the registry and the Chinese press write as one
# word: Han Yutong.
_CHINESE_FAMILY = _words(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng "
    "liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du "
    "ye cheng wei su lu ding ren shen yao jin fan fang shi qin zou xiong meng qiu hou bai cui "
    "kong ning fu wan qi gong"
)
_PINYIN_SYLLABLE = re.compile(
    r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ui|ao|ou|iu|ie|ue|er|an|en"
    r"|in|un|ia|ua|uo|a|o|e|i|u|v)$"
)


def _joined_chinese_given(name: str) -> str | None:
    """ "Han Yu Tong" -> "Han Yutong": a Chinese family name and a given name split into its
    two syllables; None for any other name."""
    words = name.split()
    if len(words) != 3 or words[0].casefold() not in _CHINESE_FAMILY:
        return None
    one, two = words[1].casefold(), words[2].casefold()
    if not (_PINYIN_SYLLABLE.match(one) and _PINYIN_SYLLABLE.match(two)):
        return None
    return f"{words[0]} {words[1]}{two}"


def _family_first(name: str) -> str:
    """An unknown Korean name in the registry's form, family name first and the second part
    of the given name in lower case ("Min-Sun Kim", "Kim Min-Sun" -> "Kim Min-sun"), so one
    skater is one name whichever order the article uses. Other names are kept as written."""
    given_first = _HYPHEN_GIVEN_FAMILY.match(name)
    if given_first and given_first.group(3).casefold() in _KOREAN_FAMILY:
        family, one, two = given_first.group(3), given_first.group(1), given_first.group(2)
        return f"{family} {one}-{two.lower()}"
    family_first = _FAMILY_HYPHEN_GIVEN.match(name)
    if family_first and family_first.group(1).casefold() in _KOREAN_FAMILY:
        family, one, two = family_first.groups()
        return f"{family} {one}-{two.lower()}"
    return _joined_chinese_given(name) or name


def _unknown_surname_keys(name: str, parts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Surname of a name the registry does not know: the last word with the particles before
    it ("van 't Wout"), or the first word of a Korean-style name ("Hwang Dae-heon")."""
    words = name.split()
    last = words[-1].split("-") if words else []
    if len(words) >= 2 and len(last) == 2 and last[1][:1].islower():
        return (parts[:1],)
    # A double-barrelled surname ("Kramer-Lind") is one surname: all of its parts.
    k = len(parts) - max(1, len(last))
    while k > 1 and parts[k - 1] in PARTICLES:
        k -= 1
    return (parts[k:],)
