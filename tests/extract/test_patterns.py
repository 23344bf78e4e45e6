"""Surface patterns of skating reports (schaatsradar.extract.patterns).

Every sentence here is written for these tests: general Dutch and English sports phrasing, one
rule per case, with the negative cases (dates, money, altitudes, "de tweede keer", ...) next to
the positive ones they could be mistaken for.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schaatsradar.extract import patterns as P
from schaatsradar.extract import record_hints
from schaatsradar.extract import scanning as S
from schaatsradar.extract.lowering import _LOWERING
from schaatsradar.extract.patterns import (
    distance_for_time,
    find_context,
    find_distances,
    find_ranks,
    find_record_mentions,
    find_times,
    plausible,
    resolve_day,
)
from schaatsradar.extract.types import DISTANCES, RECORD_TYPES

FINDERS = (find_times, find_distances, find_ranks, find_record_mentions, find_context)
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"


def times(text: str, kind: str | None = None) -> list[tuple[str, float, str]]:
    return [
        (text[t.start : t.end], t.seconds, t.kind)
        for t in find_times(text)
        if kind is None or t.kind == kind
    ]


def distances(text: str) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.distance) for d in find_distances(text)]


def ranks(text: str) -> list[tuple[str, int]]:
    return [(r.cue, r.rank) for r in find_ranks(text)]


def records(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[r.start : r.end], r.type, r.status_hint) for r in find_record_mentions(text)]


def context(text: str, kind: str) -> list[str]:
    return [c.value for c in find_context(text) if c.kind == kind]


# --------------------------------------------------------------------------------------------
# Times
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "seconds"),
    [
        ("Kok won de 500 meter in 36,09.", "36,09", 36.09),
        ("Zij klokte 1.12,74 op de kilometer.", "1.12,74", 72.74),
        ("Met 1:12,74 was hij de snelste van de middag.", "1:12,74", 72.74),
        ("De winnende tijd op de 10.000 meter was 12.25,69.", "12.25,69", 745.69),
        ("She skated 1:12.74 to take the win.", "1:12.74", 72.74),
        ("He won the 500m in 34.31 seconds.", "34.31 seconds", 34.31),
        ("The Norwegian clocked 6:00.23 over 5000m.", "6:00.23", 360.23),
        ("Ghiotto went round in 12:25.69.", "12:25.69", 745.69),
        ("Her time of 36.09 was the fastest of the day.", "36.09", 36.09),
        ("Ze reed 36,09 sec en was tevreden.", "36,09 sec", 36.09),
        ("Hij kwam tot 36,09 seconden in de laatste rit.", "36,09 seconden", 36.09),
        ("De ploeg zette 3.44,265 op het bord.", "3.44,265", 224.265),
        ("Italië kwam tot 2.56,71 in de ploegenachtervolging.", "2.56,71", 176.71),
        (
            "He finished in a time of five minutes 58.52 seconds.",
            "five minutes 58.52 seconds",
            358.52,
        ),
        ("Zij won in vier minuten en 2,15 seconden.", "vier minuten en 2,15 seconden", 242.15),
        ("Stolz (33.95) was the only man under 34.", "33.95", 33.95),
    ],
)
def test_result_times(text: str, span: str, seconds: float) -> None:
    assert (span, seconds, "result") in times(text)


def test_two_bare_times_support_each_other() -> None:
    text = "Montreal's Jean Dupont (34.91) and Pierre Roy (35.42) placed well back."
    assert times(text, "result") == [("34.91", 34.91, "result"), ("35.42", 35.42, "result")]


def test_english_result_list() -> None:
    text = "China won in 1:18.13, the Dutch clocked 1:18.42 and the USA 1:19.23."
    assert [s for s, _, _ in times(text, "result")] == ["1:18.13", "1:18.42", "1:19.23"]


@pytest.mark.parametrize(
    "text",
    [
        "De volgende wedstrijd is op 28.11 in Heerenveen.",
        "On 25.12 the skaters get a day off from the 500 meter.",
        "Om 20.30 uur begint de 500 meter.",
        "De 1000 meter start om 21.15 in Thialf.",
        "Een kaartje voor de wereldbeker kost € 36,50.",
        "Tickets cost $34.50 for the World Cup races.",
        "Het ijs in Calgary ligt op 1.425 meter hoogte.",
        "The rink sits 1,425 metres above sea level.",
        "Ze was 1,5 seconde langzamer dan haar rivale.",
        "Het stadion was bij de 500 meter voor 36,09 procent gevuld.",
        "Bij de schaatsfans steeg de kijkdichtheid met 36,09%.",
        "In 2023 won ze de titel op de 1500 meter.",
        "De schaatsbond kreeg 12,50 miljoen euro subsidie.",
        "De schaatser is 1,85 meter lang en weegt 85,50 kilo.",
        "Na de rust stond het 3-1 en later 2.1 in de competitie.",
        "Het gemiddelde cijfer voor de race was 7,45.",
        "De wedstrijd van 14.11.2025 gaat door.",
        "Duration 1:54 of the race highlights.",
        "Het Thialf-stadion telde 12.500 bezoekers.",
        "Hij reed 10.000 meter en 5,000 metres.",
    ],
)
def test_no_result_time(text: str) -> None:
    assert times(text, "result") == []


@pytest.mark.parametrize(
    ("text", "span", "seconds"),
    [
        ("Ze reed een opening van 17,73 en finishte in 1.12,74.", "17,73", 17.73),
        ("Na 600 meter kwam hij door in 44,2.", "44,2", 44.2),
        ("Zijn doorkomst van 24,65 was de snelste van allemaal.", "24,65", 24.65),
        ("De tussentijd op 1400 meter was 1.49,20.", "1.49,20", 109.2),
        ("Ze reed een ronde van 26,5 en zakte daarna in.", "26,5", 26.5),
        ("Haar rondetijden lagen rond 28,9.", "28,9", 28.9),
        ("He passed the 700m mark in 51.20 before fading.", "51.20", 51.2),
        ("Her opener of 10.21 was the fastest of the field.", "10.21", 10.21),
        ("A lap time of 26.80 kept him in contention.", "26.80", 26.8),
        ("Met een opening over de eerste 100 meter van 9,61 begon ze goed.", "9,61", 9.61),
        ("Ze noteerde 17,73 als opening.", "17,73", 17.73),
    ],
)
def test_split_times(text: str, span: str, seconds: float) -> None:
    assert (span, seconds, "split") in times(text)
    assert all(s != span for s, _, k in times(text) if k == "result")


def test_opening_then_final_time() -> None:
    found = times("Ze reed een opening van 17,73 en finishte in 1.12,74.")
    assert found == [("17,73", 17.73, "split"), ("1.12,74", 72.74, "result")]


@pytest.mark.parametrize(
    ("text", "span", "seconds"),
    [
        ("Leerdam was 1,26 seconde langzamer dan Kok.", "1,26 seconde", 1.26),
        ("Canada kwam 0,27 seconden tekort voor de zege.", "0,27 seconden", 0.27),
        ("Ze won met een verschil van 0,18 op haar rivale.", "0,18", 0.18),
        ("Takagi finished 0.12 seconds behind.", "0.12 seconds", 0.12),
        ("Stolz won by 0.05 over his compatriot.", "0.05", 0.05),
        ("Zijn achterstand was +0,34 op de winnaar.", "+0,34", 0.34),
        ("Op de kilometer reed zij -0,12 ten opzichte van haar pr.", "-0,12", 0.12),
        ("He was 27-100ths off the pace.", "27-100ths", 0.27),
        ("She finished 11-100ths of a second back.", "11-100ths of a second", 0.11),
        ("Ze kwam twee honderdste tekort voor het brons.", "twee honderdste", 0.02),
        ("Ze kwam 3 honderdste tekort voor het brons.", "3 honderdste", 0.03),
        ("Hij kwam eenhonderdste tekort.", "eenhonderdste", 0.01),
        ("He missed out by three hundredths of a second.", "three hundredths of a second", 0.03),
        ("Ze was 1,5 seconde langzamer dan haar rivale.", "1,5 seconde", 1.5),
        ("Hij eindigde 12,34 seconden langzamer dan de winnaar.", "12,34 seconden", 12.34),
        ("Canada crossed the line 1.66 seconds behind.", "1.66 seconds", 1.66),
        ("Het verschil in het klassement was 0,04 seconde.", "0,04 seconde", 0.04),
    ],
)
def test_margins(text: str, span: str, seconds: float) -> None:
    assert times(text) == [(span, seconds, "margin")]


def test_ordinal_hundredth_is_not_a_margin() -> None:
    assert times("Het was zijn tweehonderdste wedstrijd in Thialf.") == []


@pytest.mark.parametrize(
    ("text", "span", "seconds"),
    [
        ("Ze won het klassement met 146,365 punten.", "146,365 punten", 146.365),
        ("He totalled 145.789 points over four distances.", "145.789 points", 145.789),
        ("In het allroundklassement staat ze op 148,250 na vier afstanden.", "148,250", 148.25),
    ],
)
def test_points(text: str, span: str, seconds: float) -> None:
    assert times(text) == [(span, seconds, "points")]


@pytest.mark.parametrize(
    "text",
    [
        "Er kwamen 146,365 mensen naar de finale kijken.",
        "In het allroundklassement telt de 10.000 meter zwaar.",
    ],
)
def test_no_points(text: str) -> None:
    assert times(text, "points") == []


# --------------------------------------------------------------------------------------------
# Distances
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ze won de 500 meter.", [("500 meter", "500m")]),
        ("Op de 1000 meter was hij de snelste.", [("1000 meter", "1000m")]),
        ("De 1.000 meter werd een prooi voor Kok.", [("1.000 meter", "1000m")]),
        ("Ghiotto won de 10.000 meter.", [("10.000 meter", "10000m")]),
        ("Stolz took the 1000m in Calgary.", [("1000m", "1000m")]),
        ("She won the 1000 m race.", [("1000 m", "1000m")]),
        ("The 1,000 metres went to Takagi.", [("1,000 metres", "1000m")]),
        ("Eitrem broke the 5,000m world record.", [("5,000m", "5000m")]),
        ("He won the 500-metre race.", [("500-metre", "500m")]),
        ("Nuis won de 1500 in Hamar.", [("1500", "1500m")]),
        ("Hij won op 1500 meter het goud.", [("1500 meter", "1500m")]),
        (
            "Ze rijdt de 500, 1000 en 1500 meter.",
            [("500", "500m"), ("1000", "1000m"), ("1500 meter", "1500m")],
        ),
        ("Hij won de 5000 en 10.000 meter.", [("5000", "5000m"), ("10.000 meter", "10000m")]),
        ("Leerdam won de kilometer.", [("de kilometer", "1000m")]),
        ("Kok won ook de halve kilometer.", [("de halve kilometer", "500m")]),
        ("Beune won op de drie kilometer.", [("de drie kilometer", "3000m")]),
        ("Hij rijdt vijf kilometer in Hamar.", [("vijf kilometer", "5000m")]),
        ("Op de tien kilometer was hij ongenaakbaar.", [("de tien kilometer", "10000m")]),
        ("Hij won de 10 kilometer.", [("de 10 kilometer", "10000m")]),
        ("Nederland won de ploegenachtervolging.", [("ploegenachtervolging", "team pursuit")]),
        ("Ze won goud op de ploegachtervolging.", [("ploegachtervolging", "team pursuit")]),
        ("Japan won the team pursuit.", [("team pursuit", "team pursuit")]),
        ("De teamsprint was een prooi voor China.", [("teamsprint", "team sprint")]),
        ("China won the team sprint.", [("team sprint", "team sprint")]),
        ("Groenewoud won de massastart.", [("massastart", "mass start")]),
        ("She won the mass start.", [("mass start", "mass start")]),
        (
            "In de wedstrijd over zestien ronden was zij de snelste.",
            [("zestien ronden", "mass start")],
        ),
        ("Canada won the relay.", [("relay", "relay")]),
        ("Nederland won de aflossing.", [("aflossing", "relay")]),
        ("The Dutch took the mixed relay.", [("mixed relay", "relay")]),
        ("Beune pakte de allroundtitel.", [("allroundtitel", "allround")]),
        ("Op het WK allround was zij de beste.", [("WK allround", "allround")]),
        ("She won the all-round title.", [("all-round", "allround")]),
        ("Leerdam pakte de sprinttitel.", [("sprinttitel", "sprint")]),
        ("Op het EK sprint won De Boo.", [("EK sprint", "sprint")]),
        ("Hij werd wereldkampioen op het WK sprint.", [("WK sprint", "sprint")]),
        ("De nieuwe sprintkampioen heet De Boo.", [("sprintkampioen", "sprint")]),
        ("Kok was de beste op de kortste afstand.", [("kortste afstand", "500m")]),
        ("He claimed the world sprint title.", [("world sprint title", "sprint")]),
    ],
)
def test_distances(text: str, expected: list[tuple[str, str]]) -> None:
    assert distances(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Het ijs in Calgary ligt op 1.425 meter hoogte.",
        "De baan ligt op 1000 meter hoogte.",
        "Na 600 meter lag ze nog op schema.",
        "Hij passeerde de 700 meter in 51,2.",
        "In de laatste 500 meter liep ze in.",
        "De 1500 toeschouwers juichten.",
        "De race duurde 25 ronden.",
        "Hij is een echte allrounder.",
        "Tien kilometer voor het einde ontsnapte hij.",
        "She was still leading at the 1000m mark.",
        "In een lange sprint was zij de snelste.",
        "Het stadion heeft 400 meter ijs en 100 meter tribune.",
    ],
)
def test_no_distance(text: str) -> None:
    assert distances(text) == []


def test_split_point_is_not_the_race() -> None:
    assert distances("After 1000m she was still ahead in the 1500m.") == [("1500m", "1500m")]


def test_finishing_sprint_is_not_the_sprint_classification() -> None:
    assert distances("In een lange sprint won ze de massastart.") == [("massastart", "mass start")]
    assert distances("De teamsprint ging naar Canada.") == [("teamsprint", "team sprint")]


# --------------------------------------------------------------------------------------------
# Ranks
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "rank"),
    [
        ("Kok won de 500 meter.", "won", 1),
        ("Leerdam wint opnieuw in Thialf.", "wint", 1),
        ("Ze moet de 1000 meter winnen.", "winnen", 1),
        ("De winnaar van de 1500 meter heet Nuis.", "winnaar", 1),
        ("De winnares kreeg bloemen.", "winnares", 1),
        ("Het was haar eerste zege.", "zege", 1),
        ("Een overwinning voor de Noor.", "overwinning", 1),
        ("Het goud ging naar Japan.", "goud", 1),
        ("Ze pakte de gouden medaille.", "gouden medaille", 1),
        ("Hij veroverde de wereldtitel.", "wereldtitel", 1),
        ("Ze pakte de Europese titel.", "europese titel", 1),
        ("Ze werd wereldkampioene.", "wereldkampioene", 1),
        ("Hij werd kampioen in Heerenveen.", "kampioen", 1),
        ("Ze is Europees kampioene.", "europees kampioene", 1),
        ("Bij de mannen was De Boo de beste.", "de beste", 1),
        ("Beune was de sterkste.", "de sterkste", 1),
        ("Stolz triomfeerde in Inzell.", "triomfeerde", 1),
        ("De Noor zegevierde op de 5000 meter.", "zegevierde", 1),
        ("Zilver was voor Takagi.", "zilver", 2),
        ("Ze pakte de zilveren medaille.", "zilveren medaille", 2),
        ("Kok werd tweede.", "tweede", 2),
        ("Hij eindigde als 2e.", "2e", 2),
        ("Hij eindigde als 2de in de eindstand.", "2de", 2),
        ("Brons ging naar Canada.", "brons", 3),
        ("Ze pakte de bronzen medaille.", "bronzen medaille", 3),
        ("Schulting werd derde.", "derde", 3),
        ("Ze eindigde als 3e.", "3e", 3),
        ("Bowe werd vierde.", "vierde", 4),
        ("Nederland viel naast het podium.", "naast het podium", 4),
        ("Ze werd vijfde.", "vijfde", 5),
        ("Hij eindigde als tiende.", "tiende", 10),
        ("Hij eindigde als 5e.", "5e", 5),
        ("Ze eindigde als 10de.", "10de", 10),
        ("Ze strandde op de tweede plek.", "tweede plek", 2),
        ("Hij eindigde op de zevende plaats.", "zevende plaats", 7),
        ("Ze werd twaalfde op de 3000 meter.", "twaalfde", 12),
        ("Hij werd twintigste.", "twintigste", 20),
        ("Op nummer twee eindigde Groenewoud.", "nummer twee", 2),
        ("Stolz won the 1000m.", "won", 1),
        ("Stolz wins again.", "wins", 1),
        ("A victory for the Canadian.", "victory", 1),
        ("She took gold in Hamar.", "gold", 1),
        ("The title went to the Netherlands.", "title", 1),
        ("The world champion was untouchable.", "world champion", 1),
        ("She took silver behind Kok.", "silver", 2),
        ("The Dutch finished second.", "second", 2),
        ("Canada were the runners-up.", "runners-up", 2),
        ("He was runner-up behind Stolz.", "runner-up", 2),
        ("Metodej Jilek secured second place.", "second place", 2),
        ("He settled for bronze.", "bronze", 3),
        ("Loubineaud took third.", "third", 3),
        ("The USA rounded out the podium.", "rounded out the podium", 3),
        ("Bowe was fourth.", "fourth", 4),
        ("China finished fifth in the team sprint.", "fifth", 5),
        ("She ended in 7th place.", "7th place", 7),
        ("He was twelfth after the first day.", "twelfth", 12),
    ],
)
def test_ranks(text: str, cue: str, rank: int) -> None:
    assert (cue, rank) in ranks(text)


def test_several_ranks_in_one_sentence() -> None:
    assert ranks("Fiola and Brunet placed eighth and 19th.") == [("eighth", 8), ("19th", 19)]
    assert ranks("Het zilver was voor Kok en het brons voor Schulting.") == [
        ("zilver", 2),
        ("brons", 3),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Voor de tweede keer dit seizoen stond ze op het ijs.",
        "De tweede 500 meter reed ze sneller.",
        "In de tweede omloop viel ze.",
        "Ze is tweevoudig kampioene geweest, zegt de bond.",
        "Het was haar derde wereldtitel.",
        "Het was haar derde Europese sprinttitel.",
        "Derde WK-goud voor de Friezin.",
        "Op de derde dag regende het.",
        "In de vierde rit reden de Nederlanders.",
        "Het tweede seizoen begon slecht.",
        "De tweede wedstrijd werd afgelast.",
        "Het was de vierde tijd ooit in Thialf.",
        "Bij de tweede en laatste wereldbeker rijdt ze niet.",
        "Twee derde van de ploeg was ziek.",
        "Ze was een tiende van een seconde langzamer.",
        "Ten tweede is het ijs te zacht.",
        "De Tweede Kamer sprak over de schaatsbaan.",
        "For the second time in a week it rained.",
        "The third race was cancelled.",
        "She skated the second leg.",
        "They competed in the third group.",
        "He lost by 27-100ths of a second.",
        "It took a second to sink in.",
        "The record dates from March 8th.",
        "It was the first time she skated here.",
        "Her tenth season on the ice.",
    ],
)
def test_ordinal_that_is_no_rank(text: str) -> None:
    assert [r for r in find_ranks(text) if r.rank != 1] == []


def test_win_two_weeks_ago_is_a_win() -> None:
    assert ranks("De Boo won twee weken geleden de 500 meter.") == [("won", 1)]


def test_former_champion_is_no_rank() -> None:
    assert ranks("Oud-wereldkampioen Wennemars analyseerde.") == []
    assert ranks("Former champion Davis watched.") == []


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "rtype"),
    [
        ("Ze pakte het baanrecord.", "baanrecord", "track"),
        ("Kok en het wereldrecord.", "wereldrecord", "world"),
        ("Het Nederlands record van Kok.", "Nederlands record", "national"),
        ("Een olympisch record in Milaan.", "olympisch record", "olympic"),
        ("Een persoonlijk record voor Beune.", "persoonlijk record", "personal"),
        ("Hij reed een pr.", "pr", "personal"),
        ("Een PR voor de Fries.", "PR", "personal"),
        ("Haar seizoensbeste kwam in Inzell.", "seizoensbeste", "season_best"),
        ("Een kampioenschapsrecord in Hamar.", "kampioenschapsrecord", "championship"),
        ("Een Europees record voor de Noor.", "Europees record", "continental"),
        ("Hij verbeterde het juniorenwereldrecord.", "juniorenwereldrecord", "junior_world"),
        ("The track record fell.", "track record", "track"),
        ("A world record for Eitrem.", "world record", "world"),
        ("An Olympic record in Beijing.", "Olympic record", "olympic"),
        ("A national record for Poland.", "national record", "national"),
        ("A Canadian record for Blondin.", "Canadian record", "national"),
        ("A personal best for Stolz.", "personal best", "personal"),
        ("A PB for the Canadian.", "PB", "personal"),
        ("Her season best came late.", "season best", "season_best"),
        ("A continental record for Japan.", "continental record", "continental"),
        ("He set a junior world record.", "junior world record", "junior_world"),
        ("The championship record stood.", "championship record", "championship"),
        ("Een wereldrecord voor junioren.", "wereldrecord voor junioren", "junior_world"),
        ("He set an Olympic Oval record.", "Olympic Oval record", "track"),
        ("Ze reed haar snelste tijd van het seizoen.", "haar snelste tijd van het seizoen",
         "season_best"),
        ("It was his fastest time of the season.", "his fastest time of the season",
         "season_best"),
        ("De 24-jarige reed haar snelste tijd ooit.", "haar snelste tijd ooit", "personal"),
    ],
)  # fmt: skip
def test_record_types(text: str, span: str, rtype: str) -> None:
    assert [(s, t) for s, t, _ in records(text)] == [(span, rtype)]


@pytest.mark.parametrize(
    ("text", "rtype", "hint"),
    [
        ("Ze reed een baanrecord.", "track", "set"),
        ("Kok vestigde een nieuw wereldrecord.", "world", "set"),
        ("Ze verbeterde het Nederlands record.", "national", "set"),
        ("Hij scherpte het wereldrecord aan.", "world", "set"),
        ("Beune knalde naar een persoonlijk record.", "personal", "set"),
        ("Eitrem broke the world record in Inzell.", "world", "set"),
        ("She set a new track record.", "track", "set"),
        ("Het oude wereldrecord van Lee was 36,36.", "world", "broken"),
        ("Dat was het baanrecord, maar dat heb ik nu verbroken.", "track", "broken"),
        ("She was surpassing the previous world record.", "world", "broken"),
        ("They were bettering their previous record of 3:33.66.", "other", "broken"),
        ("The former record-holder Loubineaud took third.", "other", "broken"),
        ("Het wereldrecord is in handen van Brittany Bowe.", "world", "existing"),
        ("Het baanrecord staat op naam van Kramer.", "track", "existing"),
        ("Ze bleef net boven het wereldrecord.", "world", "existing"),
        ("Wereldrecordhouder Nuis rijdt niet.", "world", "existing"),
        ("World-record holder Kjeld Nuis skated.", "world", "existing"),
        ("The world record still stands.", "world", "existing"),
        ("He fell 27-100ths shy of the track record.", "track", "existing"),
        ("Baanrecord en opnieuw goud.", "track", None),
        ("Kjeld Nuis houdt sinds maart 2019 het wereldrecord.", "world", "existing"),
        ("Het wereldrecord bleef ver buiten bereik.", "world", "existing"),
        ("Dat is ver verwijderd van het baanrecord.", "track", "existing"),
        ("Ze was twee tienden sneller dan het baanrecord.", "track", "broken"),
        ("Het baanrecord van Kramer sneuvelde zaterdag.", "track", "broken"),
        ("Daarmee verdween het baanrecord uit de boeken.", "track", "broken"),
        ("He took the world record from Loubineaud, whose 6:00.23 had stood.", "world", "set"),
        ("Op de 1500 meter volgde een tweede wereldrecord.", "world", "set"),
    ],
)
def test_record_status_hints(text: str, rtype: str, hint: str | None) -> None:
    assert [(t, h) for _, t, h in records(text)] == [(rtype, hint)]


@pytest.mark.parametrize(
    "text",
    [
        "Een recordaantal toeschouwers in Thialf.",
        "De PR-afdeling van de bond.",
        "Het proces duurde lang, prima.",
        "Ze heeft een goed gevoel.",
    ],
)
def test_no_record(text: str) -> None:
    assert records(text) == []


def refers_back(text: str) -> list[tuple[str, str | None, bool]]:
    return [
        (text[r.start : r.end], r.status_hint, r.plural)
        for r in find_record_mentions(text)
        if r.refers_back
    ]


@pytest.mark.parametrize(
    ("text", "span", "hint", "plural"),
    [
        ("Het record van 2.50,76 werd in 2020 gevestigd.", "record", "set", False),
        ("Bij de vrouwen staat het record op naam van Bowe.", "record", "existing", False),
        ("She set the women's 3,000m mark at 3:54.73.", "mark", "set", False),
        ("She lowered her own Inzell mark from 37.07 to 36.87.", "mark", "set", False),
        ("Friday's records came in the 1,000m.", "records", None, True),
        ("Op de 1500 meter volgde een tweede record.", "record", "set", False),
        ("Het oude record was geen zwakke tijd.", "oude record", "broken", False),
        ("Kok was sneller dan die oude toptijd.", "oude toptijd", "broken", False),
        ("This record, surpassing the previous one, stood.", "previous one", "broken", False),
    ],
)
def test_records_that_refer_back(text: str, span: str, hint: str | None, plural: bool) -> None:
    assert (span, hint, plural) in refers_back(text)


@pytest.mark.parametrize(
    "text",
    [
        "The arena became a record factory.",
        "A record crowd of 12,000 watched.",
        "Mark Tuitert won in 2010.",
        "For the record, she was not there.",
        "She won the previous one in Calgary.",
        "Ze kwam tot een record aantal starts.",
    ],
)
def test_no_record_referred_back(text: str) -> None:
    assert refers_back(text) == []


def test_hint_gates_never_hide_a_match() -> None:
    """Each status-hint rule looks for its keywords before its regular expression; on every
    stretch of our sentences and of the corpus the two must agree."""
    texts = [*SENTENCES, *RECORD_SENTENCES, *_corpus_texts()]
    for rule in record_hints.RULES:
        for text in texts:
            for start in range(0, max(1, len(text) - 20), 7):
                window = text[start : start + 80]
                plain = rule.pattern.search(window) is not None
                assert rule.search(window, window.casefold()) == plain, (rule.pattern, window)


RECORD_SENTENCES = [
    "Kjeld Nuis houdt sinds maart 2019 het wereldrecord, dat op 1.40,17 staat.",
    "Het oude baanrecord van Kramer sneuvelde; het stond al sinds 2009, buiten bereik.",
    "Former record-holder Loubineaud took third, set by him in 2025, still stands.",
    "She was faster than the world record held by Bowe, which has stood since 2019.",
    "Ze reed naar een nieuw record en zorgde voor een tweede baanrecord, goed voor een pr.",
    "He hoped to break the world record, which would have been a track record too.",
    "She won in 36.05, a world record, erasing the mark; her best stands at 36.40.",
    "Hij dook ruim een seconde onder het baanrecord, well below the old mark.",
    "He held the world record until 2024; his record-breaking run still stands as the best.",
    "Het scheelde weinig of ze had een wereldrecord gereden, tot 2019 het oude record.",
]


# --------------------------------------------------------------------------------------------
# Context
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bij de World Cup in Inzell won ze.", "World Cup"),
        ("Bij de wereldbeker in Heerenveen won ze.", "World Cup"),
        ("Ze won de wereldbekerwedstrijd.", "World Cup"),
        ("Zijn eerste zege in de WB.", "World Cup"),
        ("Op het NK afstanden won ze.", "NK afstanden"),
        ("Op het NK allround won ze.", "NK allround"),
        ("Op het NK sprint won ze.", "NK sprint"),
        ("Op het EK afstanden won ze.", "EK afstanden"),
        ("Op het EK allround won ze.", "EK allround"),
        ("Op het EK sprint won ze.", "EK sprint"),
        ("Op de WK afstanden won ze.", "WK afstanden"),
        ("Op het WK allround won ze.", "WK allround"),
        ("Op het WK sprint won ze.", "WK sprint"),
        ("Ze werd Europees kampioene sprint.", "EK sprint"),
        ("At the World Speed Skating Championships she won.", "World Championships"),
        ("At the World Allround Championships she won.", "WK allround"),
        ("At the World Single Distances Championships he won.", "WK afstanden"),
        ("At the European Sprint Championships he won.", "EK sprint"),
        ("At the European Championships he won.", "European Championships"),
        ("Op de WK won ze twee keer goud.", "World Championships"),
        ("Op de Olympische Spelen won ze.", "Olympic Games"),
        ("Op de Spelen in Milaan won ze.", "Olympic Games"),
        ("Op de Winterspelen won ze.", "Olympic Games"),
        ("At the Olympics she won.", "Olympic Games"),
        ("At the Winter Olympics she won.", "Olympic Games"),
        ("At the Games she won.", "Olympic Games"),
        ("Op het OKT plaatste ze zich.", "OKT"),
        ("Op het olympisch kwalificatietoernooi plaatste ze zich.", "OKT"),
        ("At the Four Continents she won.", "Four Continents"),
    ],
)
def test_competitions(text: str, value: str) -> None:
    assert context(text, "competition") == [value]


def test_asian_games_are_not_the_olympics() -> None:
    assert context("Asian Games champion Ning won.", "competition") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bij de vrouwen won Kok.", "women"),
        ("Bij de dames won Kok.", "women"),
        ("Bij de mannen won Stolz.", "men"),
        ("Bij de heren won Stolz.", "men"),
        ("The women's race was fast.", "women"),
        ("The men's race was fast.", "men"),
        ("De schaatsster uit Friesland won.", "women"),
        ("De schaatser uit Friesland won.", "men"),
        ("The mixed relay was new.", "mixed"),
        ("De topschaatsster viel.", "women"),
    ],
)
def test_gender(text: str, value: str) -> None:
    assert context(text, "gender") == [value]


def test_plural_skaters_say_no_gender() -> None:
    assert context("De schaatsers reden hard.", "gender") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Zaterdag won ze de 500 meter.", "saturday"),
        ("De NOS opende zondagavond met beelden.", "sunday"),
        ("Vrijdag won de ploeg.", "friday"),
        ("Donderdag begint het toernooi.", "thursday"),
        ("Gisteren won ze de 500 meter.", "yesterday"),
        ("Vandaag rijdt ze de 1000 meter.", "today"),
        ("Een dag eerder was ze vijfde.", "day_earlier"),
        ("On Saturday she won.", "saturday"),
        ("Yesterday she won.", "yesterday"),
        ("Op 13 maart won ze.", "--03-13"),
        ("On March 13 she won.", "--03-13"),
        ("On March 13, 2025 she won.", "2025-03-13"),
        ("Op 13 maart 2025 won ze.", "2025-03-13"),
        ("On 8 March 2020 he set it.", "2020-03-08"),
    ],
)
def test_days(text: str, value: str) -> None:
    assert context(text, "day") == [value]


def test_impossible_date_is_no_day() -> None:
    assert context("Op 31 februari won ze.", "day") == []


@pytest.mark.parametrize(
    ("value", "article", "expected"),
    [
        ("saturday", dt.date(2025, 3, 17), dt.date(2025, 3, 15)),
        ("monday", dt.date(2025, 3, 17), dt.date(2025, 3, 17)),
        ("sunday", dt.date(2025, 11, 17), dt.date(2025, 11, 16)),
        ("yesterday", dt.date(2025, 3, 17), dt.date(2025, 3, 16)),
        ("today", dt.date(2025, 3, 17), dt.date(2025, 3, 17)),
        ("day_before_yesterday", dt.date(2025, 3, 1), dt.date(2025, 2, 27)),
        ("day_earlier", dt.date(2025, 11, 16), dt.date(2025, 11, 15)),
        ("day_later", dt.date(2025, 12, 31), dt.date(2026, 1, 1)),
        ("--03-13", dt.date(2025, 3, 14), dt.date(2025, 3, 13)),
        ("--01-04", dt.date(2025, 12, 30), dt.date(2026, 1, 4)),
        ("--12-28", dt.date(2026, 1, 2), dt.date(2025, 12, 28)),
        ("2020-03-08", dt.date(2022, 11, 19), dt.date(2020, 3, 8)),
        ("gisteren", dt.date(2025, 3, 17), dt.date(2025, 3, 16)),
        ("zondagavond", dt.date(2025, 3, 17), dt.date(2025, 3, 16)),
        ("zaterdag", dt.date(2025, 3, 15), dt.date(2025, 3, 15)),
        ("13 maart", dt.date(2025, 3, 14), dt.date(2025, 3, 13)),
        ("Thursday", dt.date(2025, 3, 14), dt.date(2025, 3, 13)),
    ],
)
def test_resolve_day(value: str, article: dt.date, expected: dt.date) -> None:
    assert resolve_day(value, article) == expected


@pytest.mark.parametrize("value", ["", "nonsense", "--02-30", "2025-13-01", "500 meter"])
def test_resolve_day_rejects_non_days(value: str) -> None:
    assert resolve_day(value, dt.date(2025, 3, 17)) is None


def test_resolve_leap_day_without_year() -> None:
    assert resolve_day("--02-29", dt.date(2025, 3, 1)) == dt.date(2024, 2, 29)


# --------------------------------------------------------------------------------------------
# Plausibility
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "distance", "gender", "ok"),
    [
        (12.0, "500m", None, False),
        (34.5, "500m", "men", True),
        (34.5, "500m", "women", False),
        (36.5, "500m", "women", True),
        (72.74, "1000m", "women", True),
        (72.74, "500m", None, False),
        (100.5, "1500m", "men", True),
        (115.0, "1500m", "women", True),
        (235.72, "3000m", "women", True),
        (358.52, "5000m", "men", True),
        (358.52, "5000m", "women", False),
        (745.69, "10000m", "men", True),
        (176.71, "team pursuit", "women", True),
        (220.33, "team pursuit", "men", True),
        (300.0, "team pursuit", None, False),
        (78.13, "team sprint", "men", True),
        (120.0, "team sprint", None, False),
        (480.0, "mass start", None, True),
        (300.0, "mass start", None, False),
        (160.0, "relay", "mixed", True),
        (100.0, "relay", None, False),
        (146.365, "allround", None, False),
        (72.74, "800m", None, False),
        (math.nan, "500m", None, False),
    ],
)
def test_plausible(seconds: float, distance: str, gender: str | None, ok: bool) -> None:
    assert plausible(seconds, distance, gender) is ok  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seconds", "distance"),
    [
        (34.24, "500m"),
        (72.74, "1000m"),
        (105.0, "1500m"),
        (235.72, "3000m"),
        (358.52, "5000m"),
        (745.69, "10000m"),
        (20.0, None),
        (185.0, None),
        (5000.0, None),
    ],
)
def test_distance_for_time(seconds: float, distance: str | None) -> None:
    assert distance_for_time(seconds) == distance


def test_every_distance_has_bounds() -> None:
    for distance in DISTANCES:
        if distance in ("allround", "sprint"):
            continue
        assert any(plausible(s / 4, distance, None) for s in range(0, 5000))


# --------------------------------------------------------------------------------------------
# Invariants, properties, hostile input
# --------------------------------------------------------------------------------------------

SENTENCES = [
    "Kok won de 500 meter in 36,09 en was 0,27 seconde sneller dan Leerdam (36,36).",
    "De Boo werd zaterdag tweede op de 1000 meter bij de World Cup in Heerenveen.",
    "Beune reed een baanrecord: 3.55,72 op de WK allround, een persoonlijk record.",
    "Stolz won the men's 1,000 metres in 1:06.53, a track record, on Sunday.",
    "Op de 10.000 meter was Ghiotto de sterkste met 12.25,69, een nieuw wereldrecord.",
]


def _corpus_texts() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def _check_spans(text: str) -> None:
    for finder in FINDERS:
        found = finder(text)
        starts = [m.start for m in found]
        assert starts == sorted(starts), finder.__name__
        for a, b in itertools.pairwise(found):
            assert a.end <= b.start, (finder.__name__, a, b)
        for m in found:
            assert 0 <= m.start < m.end <= len(text), (finder.__name__, m)


@pytest.mark.parametrize("text", SENTENCES)
def test_spans_sorted_disjoint_and_inside(text: str) -> None:
    _check_spans(text)


def test_corpus_spans_and_values() -> None:
    for text in _corpus_texts():
        _check_spans(text)
        assert all(d.distance in DISTANCES for d in find_distances(text))
        assert all(r.type in RECORD_TYPES for r in find_record_mentions(text))
        assert all(t.seconds > 0 for t in find_times(text))


MIXED_CASE = [
    "éénhonderdste Winterspelen WK-goud ploegachtervolging PB pr Mixed relay ALLROUND",
    "Zaterdagavond 13 MAART Olympische Spelen EK SPRINT wereldbekerfinale 1.000 METER",
]


def test_filters_never_hide_a_match() -> None:
    """Every scanning regex has a fast form (first-character look-ahead, keyword gate); it must
    find exactly what the plain form finds."""
    texts = [*SENTENCES, *_corpus_texts(), *MIXED_CASE]
    for rx in P._FAST:
        for text in texts:
            fast = [m.span() for m in rx.finditer(text)]
            plain = [m.span() for m in rx.plain.finditer(text)]
            assert fast == plain, (rx.plain.pattern[:60], text[:60])


PHRASE = st.text(alphabet="abdeé -", min_size=1, max_size=6).map(str.strip).filter(bool)


@given(st.lists(PHRASE, min_size=1, max_size=12), st.text(alphabet="abdeé x-\n", max_size=40))
@settings(max_examples=300, deadline=None)
def test_trie_finds_what_a_longest_first_alternation_finds(phrases: list[str], text: str) -> None:
    """`scanning.trie` only factors an alternation; at every position it must match what the
    phrases tried longest first match (a space standing for any white space)."""
    alternation = "|".join(
        re.escape(p).replace(r"\ ", r"\s") for p in sorted(set(phrases), key=len, reverse=True)
    )
    factored = re.compile(f"(?:{S.trie(phrases)})")
    plain = re.compile(f"(?:{alternation})")
    for pos in range(len(text) + 1):
        a, b = factored.match(text, pos), plain.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (phrases, text, pos)


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_lowered_text_keeps_every_position(text: str) -> None:
    low = S.lowered(text)
    assert len(low) == len(text)
    assert all(
        a == b or a == b.lower() or b.lower().startswith(a) for a, b in zip(low, text, strict=True)
    )


@given(st.text(max_size=200))
@settings(max_examples=500, deadline=None)
def test_lowered_text_is_the_table_lowering(text: str) -> None:
    """`lowered` takes `str.lower`'s result and checks only its non-ASCII letters: it must
    give exactly what the letter table gives, whatever the script."""
    assert S.lowered(text) == text.translate(_LOWERING)


@pytest.mark.parametrize(
    "text",
    [
        "Kjeld Nuis en Sven Kramer",
        "Jutta Leerdam’s “sterke” race in Hamar",
        "İnzell İstanbul",  # str.lower lengthens the dotted capital I
        "ΟΔΟΣ ΣΑΣ",  # final sigma: str.lower writes ς, the table σ
        "ԱԲԳ Ⅳ Ａ ǅ ẞ Ω",  # letters outside the table's ranges
    ],
)
def test_lowered_text_matches_the_table_on_other_scripts(text: str) -> None:
    assert S.lowered(text) == text.translate(_LOWERING)


def test_case_insensitive_patterns_are_written_in_lower_case() -> None:
    """They scan the lower-cased text case-sensitively (see `scanning.Rx`): an upper-case
    letter in one would never match."""
    for rx in P._FAST:
        if rx.lowers:
            source = re.sub(r"\\.|\(\?P<\w+>", "", rx.plain.pattern)
            assert not re.search(r"[A-ZÀ-Þ]", source), rx.plain.pattern[:60]


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_any_text_is_safe(text: str) -> None:
    _check_spans(text)


SKATING_PIECES = [
    "meter",
    "m",
    "seconde",
    "sec",
    "punten",
    "tweede",
    "derde",
    "won",
    "keer",
    "de",
    "op",
    "record",
    "baanrecord",
    "WK",
    "sprint",
    "allround",
    "zaterdag",
    "maart",
    "honderdste",
    "opening",
    "van",
    "na",
    "verschil",
    "by",
    "1.12,74",
    "36,09",
    "Spelen",
    "vrouwen",
]
SKATING_ALPHABET = st.sampled_from([*"0123456789.,:+-−()€% \n", *SKATING_PIECES])


@given(st.lists(SKATING_ALPHABET, max_size=80).map("".join))
@settings(max_examples=300, deadline=None)
def test_skating_like_text_is_safe(text: str) -> None:
    _check_spans(text)
    for rx in P._FAST:
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in rx.plain.finditer(text)]


WORD_PIECES = st.sampled_from(
    [
        *"aeé3_-’'. \n",
        "schaatsster",
        "schaatssters",
        "schaatser",
        "vrouwen",
        "Dames",
        "women",
        "men",
        "mannen",
        "heren",
        "kampioene",
        "genote",
        "trackster",
        "s",
    ]
)


def _scanned_everywhere(rx: S.Rx, text: str) -> list[tuple[int, int]]:
    """What the look-ahead scan over every position finds (what `Rx.one_word` replaces)."""
    return [m.span() for m in rx.fast.finditer(S.lowered(text) if rx.lowers else text)]


@given(st.lists(WORD_PIECES, max_size=30).map("".join))
@settings(max_examples=400, deadline=None)
def test_one_word_scans_find_what_a_scan_of_every_position_finds(text: str) -> None:
    """A one-word scan tries only the starts of the words holding a needle (`Rx.one_word`):
    with needles inside words, twice in a word, after a hyphen, a digit or an underscore,
    before a possessive, it must find what the scan of every position finds. (Not always
    what the plain pattern finds: a word opening on a digit, "_" or an accented letter falls
    outside the first letters the pattern is led by, "3schaatssters" is no match either way.)"""
    one_word = [rx for rx in P._FAST if rx.one_word]
    assert one_word
    for rx in one_word:
        assert [m.span() for m in rx.finditer(text)] == _scanned_everywhere(rx, text), (
            rx.plain.pattern[:40],
            text,
        )


def test_one_word_scans_on_hand_made_words() -> None:
    text = (
        "De Vrouwen en wereldschaatssters, oud-schaatsster Kok's en de women’s race; "
        "3schaatssters _trackster, mannenmannen, herenschaatser-achtig, MEN'S Schaatser."
    )
    for rx in (rx for rx in P._FAST if rx.one_word):
        found = [m.span() for m in rx.finditer(text)]
        assert found == _scanned_everywhere(rx, text)
        assert found  # both patterns have words here


@given(st.text(max_size=60), st.dates())
@settings(max_examples=200, deadline=None)
def test_resolve_day_never_raises(value: str, article: dt.date) -> None:
    result = resolve_day(value, article)
    assert result is None or isinstance(result, dt.date)


@given(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(DISTANCES))
def test_plausible_never_raises(seconds: float, distance: str) -> None:
    assert plausible(seconds, distance, None) in (True, False)
    distance_for_time(seconds)


def adversarial_100kb() -> str:
    """Long digit runs, glued times, no punctuation, no spaces: the kind of input that makes a
    careless regex backtrack for minutes."""
    parts = [
        "1.12,74" * 4000,
        "1000000000" * 2500,
        "1:12.741:12.74" * 1000,
        "a" * 12000,
        "9" * 12000,
        "36,0936,09" * 1000,
    ]
    text = "".join(parts)
    return (text * 2)[:100_000]


def test_adversarial_100kb() -> None:
    text = adversarial_100kb()
    assert len(text) == 100_000
    began = time.perf_counter()
    for finder in FINDERS:
        for m in finder(text):
            assert 0 <= m.start < m.end <= len(text)
    print(f"adversarial 100 KB, all finders: {(time.perf_counter() - began) * 1000:.1f} ms")
