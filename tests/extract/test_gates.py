"""The keyword gates in front of case-blind sentence patterns (`scanning.Gate`) must never
turn away a stretch of text that holds a match."""

from __future__ import annotations

import re
from pathlib import Path

import schaatsradar.extract.pipeline  # noqa: F401  (every gate is made on import)
from schaatsradar.extract import scanning as S

CASES = Path(__file__).parent / "cases"
UNSEEN = Path(__file__).parent / "cases_unseen"
MIXED_CASE = [
    "LA\u017fT WEEK, thi\u017f \u212aampioen, Vor\u0131g jaar: folded letters.",
    "Vorig JAAR won ze; LAST SEASON she won. Drie jaar geleden, Two Years Ago, EERDER DIT SEIZOEN.",
    "Ze WON NIET, Would Have Won, OP WEG NAAR goud, Sneller Dan Kok, Versloeg Takagi. HOOPT op "
    "de Titel; Next Week's race (7-10 Februari), Nog Nooit Kampioen, Tot Nu Toe.",
    "DAT JAAR, That Season, BACK THEN, At The Time, destijds. The Previous Edition, Vorige Winter.",
]


def test_gates_never_hide_a_match() -> None:
    texts = [
        p.read_text(encoding="utf-8") for p in sorted([*CASES.glob("*.txt"), *UNSEEN.glob("*.txt")])
    ] + MIXED_CASE
    assert S.GATES
    for made in S.GATES:
        for text in texts:
            for m in made.pattern.finditer(text):
                assert made.open(text, m.start(), m.end()), (made.pattern.pattern[:60], m.group())


def test_blind_patterns_find_what_their_plain_form_finds() -> None:
    """A case-blind pattern run on the lower-cased text (`scanning.Blind`) finds the spans the
    plain case-insensitive pattern finds, in whole texts and in short stretches alike."""
    texts = [
        p.read_text(encoding="utf-8") for p in sorted([*CASES.glob("*.txt"), *UNSEEN.glob("*.txt")])
    ] + MIXED_CASE
    assert S.BLIND
    for made in S.BLIND:
        for text in texts:
            for stretch in (text, *text.split("\n")):
                low = S._lower(stretch)
                fast = [m.span() for m in made.low.finditer(low)]
                plain = [m.span() for m in made.plain.finditer(stretch)]
                assert fast == plain, (made.pattern[:60], stretch[:60])


def test_blind_patterns_are_written_in_lower_case() -> None:
    """They run case-sensitively on lower-cased text: an upper-case letter (or a character
    class with one) would never match."""
    for made in S.BLIND:
        source = re.sub(r"\\.|\(\?P<\w+>", "", made.pattern)
        assert not re.search(r"[A-ZÀ-Þ]", source), made.pattern[:60]


def test_lowering_folds_letters_as_the_regex_engine_does() -> None:
    """A letter of a case-blind pattern matches a character exactly when it matches the
    character lower-cased by `scanning.Blind` (in a stretch and in a whole text)."""
    chars = [chr(i) for i in range(0x250)] + ["\u0130", "\u1e9e", "\u212a", "\u212b"]
    for letter in "abcdefghijklmnopqrstuvwxyzàáäåçèéëïöü":
        blind, plain = re.compile(letter), re.compile(letter, re.IGNORECASE)
        for char in chars:
            expected = plain.fullmatch(char) is not None
            assert (blind.fullmatch(S._lower(char)) is not None) == expected, (letter, char)
            assert (blind.fullmatch(S._lower(char * 700)[0]) is not None) == expected


def test_led_scans_find_what_their_pattern_finds() -> None:
    """A whole-text pattern led by a test of its first characters finds the same spans."""
    from schaatsradar.extract import lexicon, name_text, name_words, reference_words, sentences

    texts = [
        p.read_text(encoding="utf-8") for p in sorted([*CASES.glob("*.txt"), *UNSEEN.glob("*.txt")])
    ] + MIXED_CASE
    texts += [
        "De 23-jarige Nederlandse schaatsster won; the Dutch skater, The 21-year-old. 3e, 21st."
    ]
    texts += ["Zij zei: 'ik won'. “Goed.” „Ja”, «oui». 't Is 1.12,74 en 36,09.\n\nNieuw. (Ok.) Dus"]
    for led, plain in (
        (sentences.BOUNDARY_SCAN, sentences.BOUNDARY),
        (name_text.QUOTES_SCAN, name_text._QUOTES),
        (name_text.RACE_TIME_SCAN, lexicon.RACE_TIME),
        (name_text.ORDINAL_SCAN, name_words._ORDINAL),
        (reference_words._NL_REFERENCE, re.compile(reference_words._NL_REFERENCE.pattern[8:])),
        (reference_words._EN_REFERENCE, re.compile(reference_words._EN_REFERENCE.pattern[8:])),
    ):
        for text in texts:
            assert [m.span() for m in led.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], (plain.pattern[:40], text[:60])


def test_saying_phrases_are_the_reference_matches_with_a_group() -> None:
    """The reference phrases read where one may say something (`saying_phrases`) are the
    phrase pattern's own matches with an age, nationality or noun, hostile runs included."""
    from schaatsradar.extract import reference_words
    from schaatsradar.extract.name_references import saying_phrases

    texts = [
        p.read_text(encoding="utf-8") for p in sorted([*CASES.glob("*.txt"), *UNSEEN.glob("*.txt")])
    ] + MIXED_CASE
    texts += [
        "de de De  de\nde regerend de 24-jarige Noorse schaatsster, de Noorse's de Wit-Russische",
        "de nieuwe de jonge Nederlandse. De Nederlands kampioen; de 9-jarigen de 24-jarige.",
        "the the The reigning the 21-year-old Canadian speed skater the South\nKorean the Dutch",
        "Leerdam" + " de" * 300 + " Noorse" + " the" * 300 + " American",
    ]
    for rx, saying in (
        (reference_words._NL_REFERENCE, reference_words._NL_SAYING),
        (reference_words._EN_REFERENCE, reference_words._EN_SAYING),
    ):
        for text in texts:
            expected = [
                (m.span(), m.groupdict())
                for m in rx.finditer(text)
                if m.group("age") or m.group("nat") or m.group("noun")
            ]
            found = [(m.span(), m.groupdict()) for m in saying_phrases(rx, saying, text)]
            assert found == expected, text[:60]


def test_first_chars_of_a_pattern() -> None:
    from schaatsradar.extract.pattern_leads import first_chars, led

    assert first_chars(r"\b(?:niet|geen|not)\b") == frozenset("ngn")
    assert first_chars(r"(?<!\d)[,;]|\s-\s|\b(?:en|and)\b") == frozenset(",; \t\n\r\f\vea")
    assert first_chars(r"(?:de\s+)?tweede") == frozenset("dt")
    assert first_chars(r"\w+") is None  # too wide to list
    assert first_chars(r"(?:x)?") is None  # may match nothing
    assert first_chars(r".x") is None
    assert led(r"\w+") == r"\w+"


def test_led_blind_patterns_find_what_they_find_unled() -> None:
    """The look-ahead a case-blind pattern is led by (`pattern_leads`) changes no match, in
    hostile stretches too (every position is tried)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))[:20]]
    texts += [*MIXED_CASE, "de de de niet, geen; en - maar (1.12,74) " * 20]
    for made in S.BLIND:
        unled = re.compile(made.pattern)
        for text in texts:
            low = S._lower(text)
            assert [m.span() for m in made.low.finditer(low)] == [
                m.span() for m in unled.finditer(low)
            ], made.pattern[:60]


def test_blind_search_finds_what_the_plain_search_finds() -> None:
    """`Blind.search` and `Blind.finditer`, read off where a match can start (`Blind.starts`),
    find what the plain case-insensitive pattern finds, in windows of a text (a look-back of
    60 characters, a clause) as the sentence readers ask, and in hostile repetitions."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))[:30]]
    texts += [*MIXED_CASE, "de de de niet, geen; en - maar (1.12,74) Won NIET " * 10]
    led = [made for made in S.BLIND if made.starts is not None]
    assert led
    for made in led:
        for text in texts:
            for pos in range(0, len(text), 37):
                for endpos in (pos + 60, pos + 200, len(text)):
                    fast = made.search(text, pos, endpos)
                    plain = made.plain.search(text, pos, endpos)
                    assert (fast and fast.span()) == (plain and plain.span()), made.pattern[:60]
                    assert [m.span() for m in made.finditer(text, pos, endpos)] == [
                        m.span() for m in made.plain.finditer(text, pos, endpos)
                    ], made.pattern[:60]


def test_led_sentence_patterns_find_what_their_plain_form_finds() -> None:
    """A sentence pattern scanned from the places its matches start (`scanning.led_scan`)
    finds, searches and matches what the plain pattern does, in windows of a text too."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))[:30]]
    texts += [*MIXED_CASE, "Ze zei dat hij de rijder van Team Jumbo was, 1.12,74 in 2024. " * 8]
    assert S.LED
    for made, plain in S.LED:
        for text in texts:
            assert [m.span() for m in made.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], plain.pattern[:60]
            for pos in range(0, len(text), 41):
                for endpos in (pos + 60, len(text)):
                    for ours, theirs in (
                        (made.search(text, pos, endpos), plain.search(text, pos, endpos)),
                        (made.match(text, pos, endpos), plain.match(text, pos, endpos)),
                    ):
                        assert (ours and ours.groups()) == (theirs and theirs.groups())
                        assert (ours and ours.span()) == (theirs and theirs.span())


def test_required_words_of_a_pattern() -> None:
    from schaatsradar.extract.pattern_leads import required

    assert required(r"\b(?:niet|geen|not)\b") == ("geen", "niet", "not")
    # The rarest choice: every match holds "seizoen", not only one of "dit"/"het".
    assert required(r"\b(?:dit|het)\s+seizoen\b") == ("seizoen",)
    assert required(r"(?:na\s+)?(?:de|het)\s+race") == ("race",)
    assert required(r"a(?:b|)c") in (("a",), ("c",))  # an empty branch requires nothing
    assert required(r"(?:record)?\w+") is None  # optional: nothing required
    assert required(r"x{0,3}(?=yes)[ab]+") is None  # a look-ahead is not in the match
    assert required(r"(?i:abc)") is None  # a scoped flag: another case may match


def test_required_words_hold_every_match_of_a_blind_pattern() -> None:
    """`Blind.search` turns away a stretch without its needles: each match holds one."""
    texts = [
        p.read_text(encoding="utf-8") for p in sorted([*CASES.glob("*.txt"), *UNSEEN.glob("*.txt")])
    ] + MIXED_CASE
    assert any(made.needles for made in S.BLIND)
    for made in S.BLIND:
        for text in texts:
            low = S._lower(text)
            for m in made.low.finditer(low):
                assert not made.needles or any(n in m.group() for n in made.needles), (
                    made.pattern[:60],
                    m.group(),
                )


def test_required_words_hold_every_match_of_a_led_scan() -> None:
    """`LedScan.search` turns away a stretch without its needles: each match holds one."""
    texts = [
        p.read_text(encoding="utf-8") for p in sorted([*CASES.glob("*.txt"), *UNSEEN.glob("*.txt")])
    ] + MIXED_CASE
    assert any(made.needles for made, _plain in S.LED)
    for made, plain in S.LED:
        for text in texts:
            for m in plain.finditer(text):
                assert not made.needles or any(n in m.group() for n in made.needles), (
                    plain.pattern[:60],
                    m.group(),
                )
