"""The pure rules of one race, one outcome: when a result is confirmed (`claims.settle`),
which results of a race are held back (`race_outcome.judge`), how an article's facts join
into statements and which athletes are refused (`statements`)."""

from __future__ import annotations

from typing import Any

from schaatsradar.knowledge.claims import Claim, settle
from schaatsradar.knowledge.race_outcome import CANDIDATE, CONFLICT, Standing, judge
from schaatsradar.knowledge.statements import athlete_problem, statements, team_code


def claim(id: int, cluster: str, seconds: float | None, rank: int | None, **kw: Any) -> Claim:
    return Claim(id, cluster, kw.get("official", False), seconds, rank, kw.get("candidate", False))


# -- settle: confirmed ------------------------------------------------------------------------


def test_a_stated_claim_confirms_and_one_candidate_does_not() -> None:
    assert settle([claim(1, "c1", 38.1, 1)]).confirmed
    assert not settle([claim(1, "c1", 38.1, 1, candidate=True)]).confirmed


def test_two_independent_candidates_that_agree_confirm() -> None:
    both = [claim(1, "c1", 38.1, None, candidate=True), claim(2, "c2", 38.1, 2, candidate=True)]
    settled = settle(both)
    assert settled.confirmed and settled.seconds == 38.1 and settled.rank == 2


def test_two_articles_of_one_cluster_are_one_source() -> None:
    one = [claim(1, "c1", 38.1, 1, candidate=True), claim(2, "c1", 38.1, 1, candidate=True)]
    assert not settle(one).confirmed


def test_candidates_that_do_not_agree_do_not_confirm() -> None:
    apart = [claim(1, "c1", 38.1, None, candidate=True), claim(2, "c2", None, 3, candidate=True)]
    assert not settle(apart).confirmed
    clash = [claim(1, "c1", 38.1, 1, candidate=True), claim(2, "c2", 38.4, 1, candidate=True)]
    assert not settle(clash).confirmed, "the places agree but the times do not"


def test_an_official_claim_confirms() -> None:
    settled = settle(
        [claim(1, "c1", 38.1, 1, candidate=True), claim(2, "o", 38.2, 1, official=True)]
    )
    assert settled.confirmed and settled.official and settled.seconds == 38.2


def test_an_unsure_claim_neither_moves_nor_disputes_a_stated_one() -> None:
    settled = settle([claim(1, "c1", 38.1, 4), claim(2, "c2", 38.9, 1, candidate=True)])
    assert (settled.seconds, settled.rank, settled.disputed) == (38.1, 4, False)


def test_an_article_disagreeing_with_itself_is_disputed_and_its_lead_stands() -> None:
    settled = settle([claim(1, "c1", None, 1), claim(2, "c1", None, 4)])
    assert settled.disputed and settled.rank == 1


# -- judge: one race, one outcome -------------------------------------------------------------


def standing(id: int, seconds: float | None, rank: int | None, **kw: Any) -> Standing:
    return Standing(id, seconds, rank, kw.get("official", False), kw.get("confirmed", True))


def test_two_winners_are_a_conflict_and_both_are_held() -> None:
    held = judge([standing(1, None, 1), standing(2, None, 1), standing(3, None, 2)])
    assert held == {1: CONFLICT, 2: CONFLICT, 3: None}


def test_a_dead_heat_is_a_shared_win() -> None:
    assert judge([standing(1, 37.5, 1), standing(2, 37.5, 1)]) == {1: None, 2: None}


def test_the_times_of_the_race_tell_which_winner_won() -> None:
    held = judge([standing(1, 37.9, 1), standing(2, 37.4, 1), standing(3, 37.6, 2)])
    assert held == {1: CONFLICT, 2: None, 3: None}


def test_a_winner_without_a_time_stays_in_conflict() -> None:
    assert judge([standing(1, None, 1), standing(2, 37.4, 1)]) == {1: CONFLICT, 2: CONFLICT}


def test_an_official_list_ends_the_conflict() -> None:
    held = judge([standing(1, None, 1, official=True), standing(2, None, 1)])
    assert held == {1: None, 2: CONFLICT}


def test_unconfirmed_results_are_held_as_candidates_and_make_no_conflict() -> None:
    held = judge([standing(1, None, 1), standing(2, None, 1, confirmed=False)])
    assert held == {1: None, 2: CANDIDATE}


# -- statements -------------------------------------------------------------------------------


def fact(athlete: str, distance: str = "1500m", **parts: Any) -> dict[str, Any]:
    return {
        "athlete": athlete,
        "distance": distance,
        "gender": "women",
        "competition": "World Cup",
        "venue": None,
        "race_date": None,
        "earlier": False,
        "year": None,
        "seconds": None,
        "time": None,
        "rank": None,
        "margin": None,
        **parts,
    }


def test_the_parts_of_one_result_join_into_one_statement() -> None:
    facts = {
        "results": [
            fact("Anna Test", seconds=115.2, time="1:55.20"),
            fact("Anna Test", rank=1),
            fact("Anna Test", margin=0.3),
        ]
    }
    (one,) = statements(facts)
    assert (one.fact["seconds"], one.fact["rank"], one.fact["margin"]) == (115.2, 1, 0.3)


def test_two_values_for_one_part_are_kept_as_two_statements() -> None:
    joined = statements({"results": [fact("Anna Test", rank=1), fact("Anna Test", rank=4)]})
    assert [s.fact["rank"] for s in joined] == [1, 4]


def test_facts_of_an_earlier_meet_do_not_join() -> None:
    facts = {"results": [fact("Anna Test", rank=2), fact("Anna Test", rank=1, earlier=True)]}
    assert len(statements(facts)) == 2


def test_candidates_become_unconfirmed_statements_of_their_own() -> None:
    facts = {
        "results": [fact("Anna Test", rank=1)],
        "candidates": {"results": [fact("Anna Test", seconds=115.2)]},
    }
    assert [(s.candidate, s.fact["rank"]) for s in statements(facts)] == [(False, 1), (True, None)]


def test_a_country_is_never_a_skater_and_a_team_result_never_a_persons() -> None:
    assert "country" in (athlete_problem(fact("Noorwegen", "500m")) or "")
    assert "country" in (athlete_problem(fact("Norway", "500m")) or "")
    assert "no country" in (athlete_problem(fact("Anna Test", "team pursuit")) or "")
    assert athlete_problem(fact("Anna Test", "500m")) is None
    assert athlete_problem(fact("Norway", "team pursuit")) is None
    assert team_code(fact("Noorwegen", "team pursuit")) == "NOR"


def test_a_doubled_lower_place_is_a_conflict_too() -> None:
    held = judge([standing(1, None, 1), standing(2, None, 3), standing(3, None, 3)])
    assert held == {1: None, 2: CONFLICT, 3: CONFLICT}


def test_a_result_the_article_gives_no_field_joins_the_one_field_of_its_race() -> None:
    # "Bij de vrouwen won Anna Test de 500 meter. Bea Vlot werd zeventiende in 38,47."
    facts = {
        "results": [
            fact("Anna Test", "500m", rank=1),
            fact("Bea Vlot", "500m", gender=None, rank=17, seconds=38.47),
        ],
        "candidates": {"results": [fact("Cor Twijfel", "500m", gender=None, seconds=38.9)]},
    }
    assert [s.fact["gender"] for s in statements(facts)] == ["women", "women", "women"]


def test_a_race_of_both_fields_or_another_race_gives_no_field() -> None:
    both = {
        "results": [
            fact("Anna Test", "500m", rank=1),
            fact("Bram Test", "500m", gender="men", rank=1),
            fact("Bea Vlot", "500m", gender=None, rank=17),
            # another race of the article (its 1000m, an earlier meet): no field from these
            fact("Dirk Elders", "1000m", gender=None, rank=3),
            fact("Eva Ooit", "500m", gender=None, rank=2, earlier=True),
        ]
    }
    assert [s.fact["gender"] for s in statements(both)][2:] == [None, None, None]
    team = {"results": [fact("Netherlands", "team pursuit", gender=None, rank=1)]}
    assert statements(team)[0].fact["gender"] is None
