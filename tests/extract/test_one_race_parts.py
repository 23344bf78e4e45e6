"""Issue 11, found on our own demo articles: one race told in parts, a mark improved on, and
looks back by weeks or by month and year. Own sentences."""

import datetime as dt

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 2, 10)


def results(text: str) -> list[tuple[str, str, float | None, int | None, str | None, bool]]:
    return [
        (
            r.athlete,
            r.distance,
            r.seconds,
            r.rank,
            r.race_date and r.race_date.isoformat(),
            r.earlier,
        )
        for r in extract_all(text, DATE, REGISTRY).results
    ]


def test_the_day_of_one_statement_dates_the_whole_result():
    text = (
        "Femke Kok heeft in Milaan de olympische titel op de 500 meter veroverd. "
        "Ze won maandag in 36,49."
    )
    assert results(text) == [("Femke Kok", "500m", 36.49, 1, "2026-02-09", False)]


def test_the_mark_improved_on_is_not_the_time_skated():
    found = results(
        "In Inzell bracht Joy Beune haar eigen record op de 3000 meter van 3.56,10 naar 3.54,98."
    )
    assert [(r[0], r[2]) for r in found] == [("Joy Beune", 234.98)]
    found = results(
        "In Calgary, Jordan Stolz lowered his own mark in the 1000 from 1:06.18 to 1:05.90."
    )
    assert [(r[0], r[2]) for r in found] == [("Jordan Stolz", 65.9)]


def test_weeks_earlier_is_another_meet():
    text = (
        "Jutta Leerdam won in Milaan de 1000 meter in 1.12,31. "
        "Ruim twee weken eerder reed ze in Inzell nog 1.12,74."
    )
    found = results(text)
    assert ("Jutta Leerdam", "1000m", 72.31, 1, None, False) in [
        (a, d, s, r, None, e) for a, d, s, r, _, e in found
    ]
    earlier = [r for r in found if r[2] == 72.74]
    assert earlier and all(r[5] and r[4] is None for r in earlier)


def test_a_month_and_year_date_a_result_to_that_year():
    text = "Jordan Stolz reed in maart 2024 in Inzell 34,10 op de 500 meter."
    found = extract_all(text, DATE, REGISTRY).results
    assert found and all(r.earlier and r.year == 2024 and r.race_date is None for r in found)


def test_a_meet_named_before_the_word_for_qualifying_is_not_this_meet():
    text = (
        "De World Cup in Inzell is de laatste van de winter. Voor de olympische kwalificatie "
        "telt de wedstrijd niet meer. Jordan Stolz won er de 500 meter in 34,10."
    )
    found = extract_all(text, dt.date(2026, 1, 24), REGISTRY).results
    assert [(r.athlete, r.competition) for r in found] == [("Jordan Stolz", "World Cup")]
    text = "Op het olympisch kwalificatietoernooi won Jenning de Boo de 500 meter in 34,20."
    found = extract_all(text, dt.date(2025, 12, 28), REGISTRY).results
    assert [r.competition for r in found] == ["OKT"]  # the qualifying meet itself
