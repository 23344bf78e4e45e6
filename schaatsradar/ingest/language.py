"""Language of an article: nl, en, de, or other.

py3langid ships its model inside the package (nothing fetched at run time). It is restricted
to the languages skating news comes in, so a short Dutch text is not called Afrikaans, and
reads only the opening: its cost grows with length and 200 characters decide news reliably.
"""

from __future__ import annotations

import functools
import re

from py3langid.langid import MODEL_FILE, LanguageIdentifier

REPORTED = {"nl", "en", "de"}
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
MIN_LETTERS = 12
LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages([lang for lang in CANDIDATES if lang in identifier.nb_classes])
    return identifier


def detect_language(text: str) -> str:
    sample = text[:SAMPLE_CHARS]
    if len(LETTER.findall(sample)) < MIN_LETTERS:
        return "other"
    language, _score = _identifier().classify(sample)
    if language in {"fy", "af"}:  # Frisian and Afrikaans guesses on Dutch news are Dutch
        language = "nl"
    return language if language in REPORTED else "other"
