"""Record classes found on the invented unseen batch u120-u135
(tests/extract/cases_unseen_en_records), each pinned with sentences of its own: fixes for a
class, not for one story (issue 11, class 7)."""

from __future__ import annotations

import datetime as dt

from schaatsradar.extract.pipeline import extract
from tests.extract.stated import REGISTRY, record_rows
from tests.extract.test_record_shapes import records


def candidates(text: str, date: dt.date = dt.date(2026, 3, 14)) -> set[tuple]:
    facts = extract(text, date, REGISTRY, confident_only=True)
    return record_rows(facts.candidate_records)


def confirmed(text: str, date: dt.date = dt.date(2026, 3, 14)) -> set[tuple]:
    facts = extract(text, date, REGISTRY, confident_only=True)
    return record_rows(facts.records)


# -- "who lowered the world record ... a year ago": an earlier setting, the mark stands ---------


def test_relative_clause_with_verb_of_improving_and_relative_past_is_standing():
    text = (
        "CALGARY - Joy Beune, who lowered the world record to 3:51.80 in Salt Lake City a year "
        "ago, won the women's 3000m at the World Cup in 3:55.02."
    )
    found = records(text)
    assert ("world", "existing", "Joy Beune", "3000m", "3:51.80") in found
    assert not any(status == "set" for _, status, *_ in found)


def test_when_clause_dated_to_an_earlier_month_is_standing():
    text = (
        "HEERENVEEN - Casey Dawson made history when he set the world record of 6:00.11 in "
        "November. At the World Cup he finished second in 6:09.40."
    )
    assert not any(status == "set" for _, status, *_ in records(text))


def test_months_ago_dates_the_setting_earlier():
    text = (
        "INZELL - Ragne Wiklund, who set the track record of 3:56.10 here eight months ago, won "
        "the 3000m at the World Cup in 3:57.70."
    )
    found = records(text)
    assert ("track", "existing", "Ragne Wiklund", "3000m", "3:56.10") in found


# -- English "just above" a record: it stood --------------------------------------------------


def test_just_above_her_record_is_standing_not_set():
    text = (
        "SALT LAKE CITY - Erin Jackson stayed just above her own world record in the women's "
        "500m at the World Cup, winning in 36.21."
    )
    found = records(text)
    assert not any(status == "set" for _, status, *_ in found)


# -- titles in apposition: age before "holds", distance before "record holder" -----------------


def test_age_in_apposition_does_not_hide_who_holds_the_record():
    text = (
        "HAMAR - Patrick Roest won the 5000m at the World Cup in 6:08.10. Roest, 31, holds the "
        "Dutch record over 10,000m."
    )
    assert any(
        kind == "national" and status == "existing" and athlete == "Patrick Roest"
        for kind, status, athlete, *_ in records(text)
    )


def test_distance_inside_a_record_holder_title_keeps_the_holder():
    text = (
        "INZELL - Kimi Goetz, the 500m world record holder, finished third in the 1000m at the "
        "World Cup in 1:14.44."
    )
    assert ("world", "existing", "Kimi Goetz", "500m", None) in records(text)


# -- a record the article's own faster mark rules out is a candidate --------------------------


def test_slower_time_than_the_standing_world_record_is_no_new_world_record():
    text = (
        "HEERENVEEN - Miho Takagi won the women's 1500m at the World Cup in 1:53.40. Her world "
        "record of 1:49.83 was never in danger. It was a world record, Takagi joked."
    )
    found = confirmed(text)
    assert not any(kind == "world" and status == "set" for kind, status, *_ in found)
    assert ("world", "existing", "Miho Takagi", "1500m", 109.83) in found


def test_faster_new_record_than_the_beaten_mark_is_kept():
    text = (
        "SALT LAKE CITY - Jordan Stolz won the 1000m at the World Cup in a world record of "
        "1:05.11, bettering his previous mark of 1:05.37."
    )
    found = confirmed(text)
    assert ("world", "set", "Jordan Stolz", "1000m", 65.11) in found
    assert not candidates(text)


# -- a country never holds an individual distance's record ---------------------------------


def test_country_after_skater_is_not_the_holder_of_her_record():
    text = (
        "HEERENVEEN - Kimi Goetz of the United States, whose world record of 36.05 has stood "
        "since 2025, finished third in the 500m at the World Cup in 37.20."
    )
    found = records(text)
    assert ("world", "existing", "Kimi Goetz", "500m", "36.05") in found
    assert not any(athlete == "United States" for _, _, athlete, *_ in found)


def test_country_possessive_before_skater_is_not_the_holder():
    text = (
        "CALGARY - Femke Kok won the 500m at the World Cup in a world record of 36.05, erasing "
        "the world record of 36.09 of Canada's Ivanie Blondin."
    )
    found = records(text)
    assert ("world", "broken", "Ivanie Blondin", "500m", "36.09") in found
    assert not any(athlete == "Canada" for _, _, athlete, *_ in found)


# -- "who own the record", "was never under threat": the mark stands -------------------------


def test_who_own_the_record_stands():
    text = (
        "SALT LAKE CITY - Japan won the women's team pursuit at the World Cup in 2:52.10. The "
        "Japanese, who own the world record of 2:50.76, were never troubled."
    )
    found = records(text)
    assert not any(status == "set" for _, status, *_ in found)


def test_record_never_under_threat_stands():
    text = (
        "CALGARY - Canada won the men's team sprint at the World Cup in 1:17.88 ahead of Norway, "
        "whose world record of 1:16.80 from Hamar was never under threat."
    )
    found = records(text)
    assert not any(status == "set" for _, status, *_ in found)
    assert any(status == "existing" and time == "1:16.80" for _, status, _, _, time in found)


# -- "het record daarmee van X naar Y", "the Polish 1000m record" ------------------------------


def test_record_brought_thereby_from_old_to_new_keeps_the_old_mark():
    text = (
        "HEERENVEEN - Joep Wennemars verbeterde het Nederlands record op de 1500 meter. Hij "
        "klokte 1.43,90 en bracht het record daarmee van 1.44,12 naar 1.43,90."
    )
    found = records(text)
    assert ("national", "set", "Joep Wennemars", "1500m", "1:43.90") in found
    assert ("national", "broken", None, "1500m", "1:44.12") in found


def test_nationality_and_distance_before_record_is_national():
    text = (
        "INZELL - Kaja Ziomek-Nogal broke the Polish 500m record at the World Cup on Saturday, "
        "winning in 37.31."
    )
    assert ("national", "set", "Kaja Ziomek-Nogal", "500m", "37.31") in records(text)


# -- a verb of setting in the clause before the comma is another record's -------------------


def test_set_verb_of_the_previous_clause_does_not_set_a_standing_record():
    text = (
        "Leerdam rijdt baanrecord in Inzell, wereldrecord Bowe blijft buiten bereik\n\n"
        "INZELL - Jutta Leerdam won de 1000 meter van de wereldbeker in 1.13,02, een baanrecord."
    )
    assert not any(kind == "world" and status == "set" for kind, status, *_ in records(text))


def test_close_to_his_own_record_is_standing():
    text = (
        "CALGARY - Patrick Roest won the 5000m at the World Cup in 6:05.20. He came close to "
        "his own 5000m track record of 6:04.90 but never beat it."
    )
    found = records(text)
    assert ("track", "existing", "Patrick Roest", "5000m", "6:04.90") in found
    assert not any(status in ("set", "broken") for _, status, *_ in found)


# -- "Voor de Japanse was het ...", "De Friezin reed daarmee ...": the time just told ------------


def test_for_a_reference_it_was_a_personal_record_is_the_last_time_told():
    text = (
        "HAMAR - Erin Jackson werd op de 500 meter tweede in 37,52, Rio Yamada derde in 37,61. "
        "Voor de Japanse was het een persoonlijk record."
    )
    found = records(text)
    assert ("personal", "set", "Rio Yamada", "500m", "37.61") in found
    assert not any(athlete == "Erin Jackson" for _, _, athlete, *_ in found)


def test_subject_then_daarmee_points_at_the_last_time_told():
    text = (
        "HAMAR - Op de 1500 meter werd Joy Beune tweede in 1.54,06, Angel Daleman werd derde in "
        "1.54,37. De Groningse reed daarmee een persoonlijk record."
    )
    found = records(text)
    assert ("personal", "set", "Angel Daleman", "1500m", "1:54.37") in found
    assert not any(athlete == "Joy Beune" for _, _, athlete, *_ in found)


def test_previous_record_had_belonged_to_a_team():
    text = (
        "SALT LAKE CITY - Canada broke the world record in the women's team pursuit at the World "
        "Cup on Sunday, lowering it from 2:50.76 to 2:49.91. The previous record had belonged to "
        "Japan since 2020."
    )
    found = records(text)
    assert ("world", "set", "Canada", "team pursuit", "2:49.91") in found
    assert ("world", "broken", "Japan", "team pursuit", "2:50.76") in found
