"""The catalogues: every message the site uses has its Dutch translation (the default
language never falls back to English unnoticed), with the same placeholders."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from schaatsradar.web.i18n import LANGUAGES, catalogue_path, extract_messages, translations

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def catalogue(language: str):  # type: ignore[no-untyped-def]
    with catalogue_path(language).open("rb") as po_file:  # type: ignore[arg-type]
        return read_po(po_file, locale=language)


def test_every_message_in_the_code_is_in_every_catalogue():
    used = {message.id for message in extract_messages() if message.id}
    assert len(used) > 100
    for language in LANGUAGES:
        known = {message.id for message in catalogue(language) if message.id}
        hint = "run `python -m schaatsradar.web.i18n` and translate what it adds"
        assert used - known == set(), f"{language} lacks these ids: {hint}"
        assert known - used == set(), f"{language} has ids nothing uses: {hint}"


def test_every_dutch_translation_is_there_and_keeps_its_placeholders():
    for message in catalogue("nl"):
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"no Dutch for {message.id!r}"
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == wanted, (message.id, string)


def test_catalogues_compile_in_memory_with_plurals():
    dutch, english = translations("nl"), translations("en")
    assert dutch.gettext("Latest news") == "Laatste nieuws"
    assert english.gettext("Latest news") == "Latest news"
    singular, plural = "also reported by %(num)d source", "also reported by %(num)d sources"
    assert dutch.ngettext(singular, plural, 1) == "ook gemeld door %(num)d bron"
    assert dutch.ngettext(singular, plural, 3) == "ook gemeld door %(num)d bronnen"
