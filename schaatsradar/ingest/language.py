"""Language of an article: nl, en, de, or other.

Two steps. Most skating news is plainly Dutch, English or German, and the function words of
its first eighty words say so at a glance (a set lookup per word). Only when they do not
(another language, a list of names and times, a mixed text) does py3langid decide: its model
ships inside the package, but its byte-by-byte Python loop cost a fifth of the whole
per-article ingest budget when it ran on every article.
"""

from __future__ import annotations

import functools
import re

from py3langid.langid import MODEL_FILE, LanguageIdentifier

REPORTED = ("nl", "en", "de")
CANDIDATES = [
    "nl",
    "en",
    "de",
    "fr",
    "it",
    "es",
    "no",
    "nb",
    "sv",
    "da",
    "pl",
    "cs",
    "ru",
    "ja",
    "zh",
    "ko",
    "fi",
    "hu",
    "sk",
    "fy",
    "af",
]
SAMPLE_CHARS = 200
SAMPLE_WORDS = 80
MIN_LETTERS = 12
MIN_FUNCTION_WORDS = 4
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_]+")
# Matches when the text holds MIN_LETTERS letters, and stops at the last one it needs.
ENOUGH_LETTERS = re.compile(rf"(?:[\W\d_]*[^\W\d_]){{{MIN_LETTERS}}}")

# Words frequent in one of the three languages and rare in the other two (so no "die", "in",
# "is", "was", "er", which two of them share).
FUNCTION_WORDS = {
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "op",
            "dat",
            "niet",
            "met",
            "zijn",
            "voor",
            "ze",
            "hij",
            "zij",
            "aan",
            "bij",
            "ook",
            "als",
            "werd",
            "heeft",
            "naar",
            "om",
            "maar",
            "nog",
            "wel",
            "haar",
            "hem",
            "dan",
            "uit",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "with",
            "for",
            "on",
            "his",
            "her",
            "that",
            "at",
            "by",
            "from",
            "it",
            "as",
            "he",
            "she",
            "after",
            "has",
            "had",
            "were",
            "their",
            "this",
            "they",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "das",
            "und",
            "ist",
            "nicht",
            "mit",
            "auf",
            "den",
            "dem",
            "ein",
            "eine",
            "sich",
            "im",
            "zu",
            "von",
            "bei",
            "für",
            "nach",
            "wurde",
            "sie",
            "auch",
            "des",
            "zum",
        ]
    ),
}


@functools.cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages([lang for lang in CANDIDATES if lang in identifier.nb_classes])
    return identifier


_ASCII_NON_LETTER_TO_SPACE = bytes(
    code if chr(code).isascii() and chr(code).isalpha() else ord(" ") for code in range(256)
)


def _by_function_words(text: str) -> str | None:
    head = text[: SAMPLE_WORDS * 8]
    if head.isascii():  # folding ASCII moves no word boundary: one call for the whole head
        # `WORD.findall(head.lower())`: in ASCII a letter is A-Z or a-z, so every other byte
        # turned into a space and a split give the same words at a third of the cost.
        letters = head.lower().encode().translate(_ASCII_NON_LETTER_TO_SPACE).decode()
        words = letters.split()[:SAMPLE_WORDS]
    else:
        words = list(map(str.casefold, WORD.findall(head)[:SAMPLE_WORDS]))
    counts = sorted(
        (
            (sum(map(vocabulary.__contains__, words)), language)  # C-level, no generator
            for language, vocabulary in FUNCTION_WORDS.items()
        ),
        reverse=True,
    )
    (best, language), (second, _) = counts[0], counts[1]
    if best >= MIN_FUNCTION_WORDS and best >= 2 * second:
        return language
    return None


def detect_language(text: str) -> str:
    sample = text[:SAMPLE_CHARS]
    if ENOUGH_LETTERS.match(sample) is None:
        return "other"
    language = _by_function_words(text)
    if language is not None:
        return language
    language, _score = _identifier().classify(sample)
    if language in {"fy", "af"}:  # Frisian and Afrikaans guesses on Dutch news are Dutch
        language = "nl"
    return language if language in REPORTED else "other"
