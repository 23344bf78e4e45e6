"""Publisher promo and navigation out, news in.

Two general rules, no per-site lists: paragraphs that match a promo cue ("Download nu de …
App", "Volg ons via …", "Blijf via onze speciale schaatspagina …", "Lees ook …"), and head or
tail paragraphs that recur in several articles of the same source (decided by the pipeline,
which counts them). A paragraph carrying a race time or a distance is never treated as promo,
whatever it looks like: losing a result is worse than keeping an advert.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
HEAD_PARAGRAPHS = 2
TAIL_PARAGRAPHS = 3
MAX_BOILERPLATE_WORDS = 80

# Invitations to use the publisher's channels. A cue alone is not enough ("Check in bij de
# ijsbaan is om zeven uur" is news): the paragraph must also point at the publisher itself.
_SELF_PROMO_CUES = [
    r"^\W*download\b.{0,60}\bapp\b",
    r"\bvolg (ons|\w+(\.\w+)+) (ook )?(via|op)\b",
    r"^\W*blijf (via|met) onze\b",
    r"^\W*check in bij\b",
    r"\bmet onze \w*kalender\b",
    r"\b(meld je|schrijf je) (nu )?(gratis )?(aan|in) voor\b",
    r"^\W*(abonneer|word abonnee)\b",
    r"\bwil je (helemaal )?niets missen\b",
    r"^\W*(sign up|subscribe)\b",
    r"\bfollow us (on|via)\b",
    r"^\W*download (our|the)\b.{0,60}\bapp\b",
    r"^\W*jetzt (die )?app\b",
]
SELF_PROMO = re.compile("|".join(f"(?:{cue})" for cue in _SELF_PROMO_CUES), re.IGNORECASE)
SELF_REFERENCE = re.compile(
    r"\b(?:onze?|ons|our|us|unsere?|app|nieuwsbrief|newsletter|google discover|whatsapp)\b"
    r"|\b\w+\.(?:nl|be|com|de|eu)\b",
    re.IGNORECASE,
)
# Links to other stories: short lines only.
LINK_LINE = re.compile(
    r"^\W*(?:lees|bekijk|kijk|luister) (?:ook|meer|hier)\b|^\W*meer (?:schaats|sport)?nieuws\b"
    r"|^\W*(?:read|see|watch) (?:more|also)\b|^\W*(?:related|advertisement)\W*$"
    r"|^\W*(?:lesen sie auch|mehr zum thema)\b",
    re.IGNORECASE,
)
MAX_LINK_WORDS = 20

# A race time (1.12,74 / 1:12.74 / 36,09 / 38.5) or a distance marks a paragraph as news.
NEWS_SIGNAL = re.compile(
    r"\b\d{1,2}[.:]\d{2}[,.]\d{1,3}\b|\b\d{2}[,.]\d{2}\b|\b\d[.\d]*\s?(?:m|meter|km)\b"
    r"|\b(?:kilometer|massastart|ploegenachtervolging|mass start|team pursuit)\b",
    re.IGNORECASE,
)
# Whole lines that are page furniture wherever they stand: a bare "Volg <site>" button, a
# byline, an "Update: 3 uur geleden" timestamp. Short by construction, so a sentence never is.
FURNITURE_LINE = re.compile(
    r"^\W*(?:volg|follow)(?: [\w'.&-]+){1,4}\W*$"
    r"|^\W*(?:door|by|bron|source)\W? [\w'.&/ -]{2,60}$"
    r"|^\W*(?:gisteren|vandaag|yesterday|today|\d{1,2} \w+ \d{4})?,? ?\d{1,2}:\d{2}"
    r"(?: ?[-|] ?(?:update|bijgewerkt)\W.*)?$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?:;\"”’')]\s*$")
SENTENCE_END_CHARS = frozenset(".!?:;\"”’')")
WORD = re.compile(r"\w+")


def split_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p.strip() for p in PARAGRAPH_BREAK.split(text) if p.strip()]


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(paragraphs)


def has_news_signal(paragraph: str) -> bool:
    return NEWS_SIGNAL.search(paragraph) is not None


# Words every self-promo cue contains: a cheap first test (plain substring search is many
# times faster than a case-insensitive regex alternation) before the full cue patterns.
PROMO_TRIGGERS = (
    "download",
    "volg",
    "blijf",
    "check in",
    "kalender",
    "meld je",
    "schrijf je",
    "abonne",
    "missen",
    "sign up",
    "subscri",
    "follow",
    "jetzt",
)


def _triggers_in(text: str, triggers: Sequence[str] = PROMO_TRIGGERS) -> tuple[str, ...]:
    lowered = text.casefold()
    return tuple(trigger for trigger in triggers if trigger in lowered)


# Per trigger, the cues holding it: a paragraph is searched only for the cues of the triggers
# it holds ("volg" is in "volgende" and "gevolgd", in most news; all twelve cues at once cost
# ~30 us a paragraph).
_CUES_BY_TRIGGER = {
    trigger: re.compile(
        "|".join(f"(?:{cue})" for cue in _SELF_PROMO_CUES if trigger in cue), re.IGNORECASE
    )
    for trigger in PROMO_TRIGGERS
}
# IGNORECASE matches "i" to these two, casefolding does not: a paragraph holding one of them
# may match a cue whose trigger was not found, so it is searched for all cues.
_DOTTED_AND_DOTLESS_I = ("\u0130", "\u0131")


def _self_promo(paragraph: str, triggers: tuple[str, ...]) -> bool:
    """`SELF_PROMO.search(paragraph)`, given the `triggers` the paragraph holds."""
    if any(letter in paragraph for letter in _DOTTED_AND_DOTLESS_I):
        return SELF_PROMO.search(paragraph) is not None
    return any(_CUES_BY_TRIGGER[trigger].search(paragraph) for trigger in triggers)


def is_promo(paragraph: str, triggers: Sequence[str] = PROMO_TRIGGERS) -> bool:
    """`triggers`: the PROMO_TRIGGERS that may be in the paragraph, when the caller knows that
    the others are not."""
    held = _triggers_in(paragraph, triggers) if triggers else ()
    if held and _self_promo(paragraph, held) and SELF_REFERENCE.search(paragraph):
        return not has_news_signal(paragraph)
    if LINK_LINE.search(paragraph) and len(WORD.findall(paragraph)) <= MAX_LINK_WORDS:
        return not has_news_signal(paragraph)
    return False


def _ends_sentence(text: str) -> bool:
    """`SENTENCE_END.search(text)`, without a regex trying every position of a long text:
    the last character before trailing whitespace closes a sentence."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END_CHARS


def is_heading(paragraph: str) -> bool:
    """A short line without closing punctuation: a crosshead, not a sentence."""
    return not _ends_sentence(paragraph) and len(WORD.findall(paragraph)) <= 8


def _without_furniture_lines(paragraph: str) -> str:
    lines = paragraph.split("\n")
    kept = [line for line in lines if not _is_furniture(line)]
    return paragraph if len(kept) == len(lines) else "\n".join(kept).strip()


def _is_furniture(line: str) -> bool:
    line = line.strip()
    return (
        FURNITURE_LINE.search(line) is not None
        and not _ends_sentence(line)
        and len(WORD.findall(line)) <= 8
    )


def paragraph_words(paragraph: str) -> list[str]:
    """The casefolded words of a paragraph: what its hash is made of. An article's words
    (`dedupe.normalised_words` of its clean text) are its paragraphs' words one after another,
    as the blank line that joins two paragraphs holds no word character.

    Most paragraphs are ASCII: there `\\w` is a letter, digit or underscore and casefolding is
    lowering, so every other character turned into a space and a split give the same words
    at about half the cost of the regex (words are split for every paragraph ingested)."""
    if paragraph.isascii():
        return paragraph.lower().encode().translate(_ASCII_NON_WORD_TO_SPACE).decode().split()
    return WORD.findall(paragraph.casefold())


_ASCII_NON_WORD_TO_SPACE = bytes(
    code if chr(code).isalnum() or code == ord("_") else ord(" ") for code in range(256)
)


def paragraph_hash(paragraph: str, words: list[str] | None = None) -> int:
    """Signed 64-bit hash of the paragraph's words, stable across runs and databases.
    `words` are `paragraph_words(paragraph)`, when the caller has them already."""
    normal = " ".join(paragraph_words(paragraph) if words is None else words)
    digest = hashlib.blake2b(normal.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def can_be_boilerplate(paragraph: str, words: list[str] | None = None) -> bool:
    """`words` as for `paragraph_hash`: on ASCII text, casefolding changes no word boundary, so
    they count the paragraph's words too (elsewhere it can: `İ` folds to `i` and a mark). A
    word takes a character and a separator, so 2 × MAX_BOILERPLATE_WORDS characters hold no
    more than MAX_BOILERPLATE_WORDS words."""
    if len(paragraph) > 2 * MAX_BOILERPLATE_WORDS:
        count = (
            len(words)
            if words is not None and paragraph.isascii()
            else len(WORD.findall(paragraph))
        )
        if count > MAX_BOILERPLATE_WORDS:
            return False
    return not has_news_signal(paragraph)


def boundary_paragraph_hashes(
    paragraphs: Sequence[str], words: Sequence[list[str]] | None = None
) -> tuple[int, ...]:
    """Hashes of the head and tail paragraphs that could be site furniture. `words` are each
    paragraph's `paragraph_words`, when the caller has them already."""
    n = len(paragraphs)
    positions = sorted(
        set(range(min(HEAD_PARAGRAPHS, n))) | set(range(max(0, n - TAIL_PARAGRAPHS), n))
    )
    hashes = (
        paragraph_hash(paragraphs[i], words[i] if words is not None else None)
        for i in positions
        if can_be_boilerplate(paragraphs[i], words[i] if words is not None else None)
    )
    return tuple(dict.fromkeys(hashes))


def remove_promo(paragraphs: Sequence[str], boilerplate: frozenset[int] = frozenset()) -> list[str]:
    """Drop promo paragraphs, known recurring boilerplate, and headings left with no body."""
    # A trigger word in a paragraph is in the whole text too: one look at the text spares
    # looking for the others in every paragraph.
    triggers = _triggers_in(join_paragraphs(paragraphs))
    kept = [
        p
        for p in map(_without_furniture_lines, paragraphs)
        if p
        and not is_promo(p, triggers)
        and not (boilerplate and can_be_boilerplate(p) and paragraph_hash(p) in boilerplate)
    ]
    while len(kept) > 1 and is_heading(kept[-1]) and kept[-1] != paragraphs[-1]:
        kept.pop()
    return kept
