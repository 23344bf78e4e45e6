"""'Op de slotdag', 'on the final day': the race is on the meet's last day, which only the
meet's own days date (the knowledge base does, `knowledge.race_days`). Extraction says which
day of the meet it was (`meet_day`), not a date it cannot know; a day named later moves the
story on as any day does."""

import datetime as dt

from schaatsradar.extract.days import FINAL_DAY, find_days
from schaatsradar.extract.pipeline import extract_all as extract
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
MONDAY = dt.date(2025, 12, 8)


def _days(text: str) -> dict[str, tuple[str | None, str | None]]:
    facts = extract(text, MONDAY, REGISTRY)
    return {r.athlete: (r.to_json()["race_date"], r.to_json()["meet_day"]) for r in facts.results}


def test_the_final_day_is_a_day_cue_of_its_own():
    for words in ("Op de slotdag", "op de laatste wedstrijddag", "On the final day"):
        assert [v for _, _, v in find_days(f"{words} won ze.")] == [FINAL_DAY]


def test_a_result_on_the_final_day_is_of_the_meets_last_day_not_the_articles():
    text = (
        "HEERENVEEN - De World Cup in Thialf is voorbij.\n\n"
        "Op de slotdag won Femke Kok de 500 meter in 36,87."
    )
    assert _days(text)["Femke Kok"] == (None, "last")


def test_a_day_named_after_the_final_day_dates_the_race_again():
    text = (
        "On the final day of the World Cup in Heerenveen, Jutta Leerdam won the 1000 meters "
        "in 1:13.10.\n\nOn Saturday Femke Kok had won the 500 meters in 36.87."
    )
    found = _days(text)
    assert found["Jutta Leerdam"] == (None, "last")
    assert found["Femke Kok"] == ("2025-12-06", None)
