"""English race-report classes found on the invented unseen batch u120-u135
(tests/extract/cases_unseen_en_records), pinned with sentences of their own (issue 11, classes
6, 8 and 9)."""

from __future__ import annotations

import datetime as dt

from tests.extract.stated import every_result

DATE = dt.date(2026, 3, 8)


def results(text: str) -> set[tuple]:
    return every_result(text, DATE)


def test_place_in_the_classification_is_the_classification_rank():
    text = (
        "INZELL, March 8 - Joy Beune won the European allround title on Sunday. Ragne Wiklund "
        "was second in the classification, and Marijke Groenewoud was fourth in the final "
        "classification after a fall in the 5000m."
    )
    found = results(text)
    assert ("Ragne Wiklund", "allround", None, 2) in found
    assert ("Marijke Groenewoud", "allround", None, 4) in found
    assert not any(distance == "5000m" for _, distance, _, _ in found)


def test_an_age_before_a_name_is_not_part_of_it():
    text = (
        "CALGARY - Nineteen-year-old Lars Vermeulen won the men's 1000m at the World Junior "
        "Championships in 1:08.12."
    )
    found = results(text)
    assert ("Lars Vermeulen", "1000m", 68.12, 1) in found
    assert not any("year-old" in (athlete or "") for athlete, *_ in found)


def test_chinese_given_name_first_is_the_registry_skater():
    text = (
        "CALGARY - Wenhao Li of China won the men's 500m at the World Cup in 34.05, ahead of "
        "Laurent Dubreuil in 34.11."
    )
    found = results(text)
    assert ("Li Wenhao", "500m", 34.05, 1) in found
    assert not any(athlete == "Wenhao Li" for athlete, *_ in found)
