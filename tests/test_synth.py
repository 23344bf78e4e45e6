"""Synthetic race reports: reproducible, well-formed, fictional and varied enough to
stand in for real articles in load tests and benchmarks."""

from __future__ import annotations

import csv
import datetime
import hashlib
import importlib.resources
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from schaatsradar.ingest import synth
from schaatsradar.ingest.synth import (
    PROMO_PARAGRAPHS,
    PUBLISHERS,
    SynthArticle,
    format_time,
    synth_articles,
    to_seed_format,
    write_synth,
)

SAMPLE = 2000
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def articles() -> list[SynthArticle]:
    return list(synth_articles(SAMPLE, seed=0))


def _body(article: SynthArticle) -> list[str]:
    paragraphs = article.text.split("\n\n")
    if paragraphs[-1] in PROMO_PARAGRAPHS:
        paragraphs = paragraphs[:-1]
    return paragraphs


def _digest(items: list[SynthArticle]) -> str:
    return hashlib.sha256("".join(to_seed_format(a) for a in items).encode()).hexdigest()


# --------------------------------------------------------------------------- #
# determinism
# --------------------------------------------------------------------------- #


def test_same_seed_same_output_and_prefix_stable() -> None:
    first = list(synth_articles(60, seed=3))
    assert first == list(synth_articles(60, seed=3))
    assert list(synth_articles(20, seed=3)) == first[:20]


def test_different_seeds_differ() -> None:
    a = list(synth_articles(30, seed=3))
    b = list(synth_articles(30, seed=4))
    assert sum(x.text == y.text for x, y in zip(a, b, strict=True)) == 0


def test_output_does_not_depend_on_hash_randomisation() -> None:
    # Set iteration order changes with PYTHONHASHSEED; a generator that leaked it
    # into its choices would differ between processes.
    code = (
        "from schaatsradar.ingest.synth import synth_articles, to_seed_format;"
        "import hashlib, sys;"
        "data = ''.join(to_seed_format(a) for a in synth_articles(200, seed=5));"
        "sys.stdout.write(hashlib.sha256(data.encode()).hexdigest())"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=True,
        timeout=60,
    )
    assert out.stdout == _digest(list(synth_articles(200, seed=5)))


def test_negative_count_is_rejected() -> None:
    with pytest.raises(ValueError):
        list(synth_articles(-1))
    assert list(synth_articles(0)) == []


# --------------------------------------------------------------------------- #
# seed format and files
# --------------------------------------------------------------------------- #

SEED_LINE = re.compile(r"\A date (\d{4}-\d{2}-\d{2}) ")


def test_seed_format_round_trip(articles: list[SynthArticle]) -> None:
    for article in articles[:300]:
        encoded = to_seed_format(article)
        match = SEED_LINE.match(encoded)
        assert match, encoded[:40]
        assert datetime.date.fromisoformat(match[1]) == article.published
        assert encoded[match.end() :] == article.text + "\n"
        assert article.text == article.text.strip()
        assert "\n\n\n" not in article.text
        assert all(p.strip() == p and "\n" not in p for p in article.text.split("\n\n"))


def test_seed_files_are_accepted_by_the_seed_reader(articles: list[SynthArticle]) -> None:
    seedformat = pytest.importorskip("schaatsradar.ingest.seedformat")
    for article in articles[:50]:
        published, precision, text = seedformat.parse_seed_text(
            to_seed_format(article), datetime.date(2100, 1, 1)
        )
        assert (published, precision, text) == (article.published, "day", article.text)


def test_write_synth_shards_by_thousand(tmp_path: Path) -> None:
    out = tmp_path / "synth"
    assert write_synth(1003, out, seed=2) == 1003
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert len(files) == 1003
    assert files[0] == "000/000001.txt"
    assert files[998] == "000/000999.txt"
    assert files[999] == "001/001000.txt"
    assert files[-1] == "001/001003.txt"
    assert sorted(p.name for p in out.iterdir()) == ["000", "001"]
    expected = list(synth_articles(1003, seed=2))
    assert (out / "000" / "000001.txt").read_text(encoding="utf-8") == to_seed_format(expected[0])
    assert (out / "001" / "001003.txt").read_text(encoding="utf-8") == to_seed_format(expected[-1])


def test_write_synth_zero(tmp_path: Path) -> None:
    assert write_synth(0, tmp_path / "empty") == 0
    assert not (tmp_path / "empty").exists() or not any((tmp_path / "empty").iterdir())


# --------------------------------------------------------------------------- #
# shape
# --------------------------------------------------------------------------- #


def test_length_paragraphs_and_promo_share(articles: list[SynthArticle]) -> None:
    promos = 0
    for article in articles:
        paragraphs = article.text.split("\n\n")
        assert 4 <= len(paragraphs) <= 7, article.text
        assert 150 <= len(article.text.split()) <= 350, article.text
        body = _body(article)
        promos += len(body) < len(paragraphs)
        assert not any(p in PROMO_PARAGRAPHS for p in body), "promo only as the last paragraph"
    assert 0.15 <= promos / len(articles) <= 0.25
    for promo in PROMO_PARAGRAPHS:
        assert sum(publisher in promo for publisher in PUBLISHERS) == 1
    assert len(PUBLISHERS) == 4


def test_dates_spread_over_seasons(articles: list[SynthArticle]) -> None:
    dates = [a.published for a in articles]
    assert min(dates) >= datetime.date(2019, 7, 1)
    assert max(dates) <= datetime.date(2026, 6, 30)
    seasons = {d.year if d.month >= 7 else d.year - 1 for d in dates}
    assert seasons == set(range(2019, 2026))
    winter = sum(d.month in (10, 11, 12, 1, 2, 3) for d in dates)
    assert winter / len(dates) >= 0.85


def test_skating_vocabulary_is_present(articles: list[SynthArticle]) -> None:
    text = "\n".join(a.text for a in articles)
    for phrase in (
        "500 meter",
        "1000 meter",
        "1500 meter",
        "3000 meter",
        "5000 meter",
        "10.000 meter",
        "massastart",
        "ploegenachtervolging",
        "wereldbeker",
        "NK afstanden",
        "EK",
        "tweede",
        "derde",
        "vierde",
        "naast het podium",
        "seconde langzamer",
        "baanrecord",
        "persoonlijk record",
        "Nederlands record",
        "een opening van",
        '"',
    ):
        assert phrase in text, phrase


# --------------------------------------------------------------------------- #
# times
# --------------------------------------------------------------------------- #


def test_format_time() -> None:
    assert format_time(3784) == "37,84"
    assert format_time(600) == "6,00"
    assert format_time(7402) == "1.14,02"
    assert format_time(6000) == "1.00,00"
    assert format_time(37245) == "6.12,45"
    assert format_time(76833) == "12.48,33"


NUMBERISH = re.compile(r"\d+(?:[.,:]\d+)+")
DUTCH_TIME = re.compile(r"(?:(\d{1,2})\.)?(\d{1,2}),(\d{1,2})")
THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
POINTS = re.compile(r"\d{2,3},\d{3}")
DUTCH_TIME_IN_TEXT = re.compile(r"(?<![\d.,])" + DUTCH_TIME.pattern + r"(?!\d|,\d)")


def test_times_use_dutch_notation(articles: list[SynthArticle]) -> None:
    for article in articles:
        tokens = NUMBERISH.findall(article.text)
        assert any(DUTCH_TIME.fullmatch(t) for t in tokens), article.text
        for token in tokens:
            if THOUSANDS.fullmatch(token) or POINTS.fullmatch(token):
                continue
            match = DUTCH_TIME.fullmatch(token)
            assert match, f"not Dutch notation: {token!r} in {article.text!r}"
            if match[1]:
                assert int(match[2]) < 60 and len(match[2]) == 2, token


# Plausible winning-time windows (seconds, both genders) keyed by how the lede names
# the distance; the winning time is the largest number in the lede (margins are smaller).
LEDE_DISTANCES = (
    (re.compile(r"\b10\.000 meter|tien kilometer"), 740, 840),
    (re.compile(r"\b5000 meter|vijf kilometer"), 360, 445),
    (re.compile(r"\b3000 meter|drie kilometer"), 230, 260),
    (re.compile(r"\b1500 meter"), 102, 125),
    (re.compile(r"\b1000 meter|de kilometer"), 66, 80),
    (re.compile(r"\b500 meter"), 33.5, 40.5),
    (re.compile(r"massastart"), 440, 560),
    (re.compile(r"ploegenachtervolging"), 170, 235),
)


def _seconds(token: str) -> float:
    match = DUTCH_TIME.fullmatch(token)
    assert match
    return int(match[1] or 0) * 60 + int(match[2]) + int(match[3]) / 100


def test_winning_times_are_plausible(articles: list[SynthArticle]) -> None:
    checked = 0
    for article in articles:
        lede = article.text.split("\n\n")[0]
        times = [_seconds(m[0]) for m in DUTCH_TIME_IN_TEXT.finditer(lede)]
        if "massastart" in lede and not times:
            continue
        assert times, f"no winning time in lede: {lede!r}"
        for pattern, low, high in LEDE_DISTANCES:
            if pattern.search(lede):
                assert low <= max(times) <= high, lede
                checked += 1
                break
    assert checked > SAMPLE * 0.8


# --------------------------------------------------------------------------- #
# fictional people only
# --------------------------------------------------------------------------- #


FOLD: dict[str, str | int | None] = {"ø": "o", "ł": "l", "-": " "}


def _fold(text: str) -> str:
    text = text.casefold().translate(str.maketrans(FOLD))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


def _real_athletes() -> list[str]:
    resource = importlib.resources.files("schaatsradar.data").joinpath("reference/athletes.csv")
    with resource.open("r", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = set()
    for row in rows:
        for name in [row["name"], *(row["aliases"] or "").split(";")]:
            if name.strip():
                parts = _fold(name).split()
                names.add(" ".join(parts))
                names.add(" ".join(parts[1:] + parts[:1]))
    assert len(rows) > 100
    return sorted(names)


def test_no_real_athlete_names_in_text(articles: list[SynthArticle]) -> None:
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, _real_athletes())) + r")\b")
    for article in articles:
        hit = pattern.search(_fold(article.text))
        assert hit is None, f"real athlete {hit[0]!r} in {article.text!r}"


def test_name_filter_catches_real_names_in_any_form() -> None:
    assert synth._is_real_name("Femke", "Kok")
    assert synth._is_real_name("Takagi", "Miho")  # surname-first order
    assert synth._is_real_name("Antoinette", "de Jong")  # alias
    assert synth._is_real_name("Ireen", "Wust")  # diacritic-free spelling
    assert synth._is_real_name("Lotte", "Kok")  # shared surname: "Kok won ..." is ambiguous
    assert not synth._is_real_name("Kyra", "van Hagen")


def test_pools_contain_no_real_surnames() -> None:
    tokens = synth._real_names().surname_tokens
    pools = synth._pools(0)
    for group in pools.skaters.values():
        assert len(group) >= 80
        for skater in group:
            first, last = skater.full.split(" ", 1)
            assert not synth._is_real_name(first, last), skater.full
            assert not set(_fold(last).split()) & tokens, skater.full


NATIONALITY = re.compile(
    r"\b[Dd]e (Nederlandse|Nederlander|Duitser|Duitse|Noorse|Noor|Amerikaanse|Amerikaan|"
    r"Poolse|Pool|Italiaanse|Italiaan) (?=[A-ZÀ-Þ])"
)
NATION_OF_WORD = {
    "Nederlander": "nl",
    "Nederlandse": "nl",
    "Duitser": "de",
    "Duitse": "de",
    "Noor": "no",
    "Noorse": "no",
    "Amerikaan": "us",
    "Amerikaanse": "us",
    "Pool": "pl",
    "Poolse": "pl",
    "Italiaan": "it",
    "Italiaanse": "it",
}


def test_nationality_words_match_the_skaters_origin(articles: list[SynthArticle]) -> None:
    pools = synth._pools(0)
    by_nation: dict[str, list[str]] = {}
    for (nation, _gender), group in pools.skaters.items():
        by_nation.setdefault(nation, []).extend(s.full for s in group)
    seen = set()
    for article in articles:
        for match in NATIONALITY.finditer(article.text):
            nation = NATION_OF_WORD[match[1]]
            rest = article.text[match.end() :]
            assert any(rest.startswith(name) for name in by_nation[nation]), rest[:40]
            seen.add(nation)
    assert seen >= {"de", "no", "us", "pl", "it"}


def test_only_promo_paragraphs_repeat_across_articles(articles: list[SynthArticle]) -> None:
    # Boilerplate removal learns from repeated paragraphs; in synthetic data those must
    # be the promo lines, not report text.
    counts = Counter(p for a in articles for p in set(_body(a)))
    repeated = [p for p, n in counts.items() if n > 1]
    assert len(repeated) < 0.005 * sum(counts.values()), repeated[:5]
    assert max(counts.values()) <= 3
    promo_counts = Counter(a.text.split("\n\n")[-1] for a in articles)
    assert all(promo_counts[p] >= 20 for p in PROMO_PARAGRAPHS)


# --------------------------------------------------------------------------- #
# variety
# --------------------------------------------------------------------------- #


def _shingles(article: SynthArticle) -> frozenset[str]:
    words = " ".join(_body(article)).lower().split()
    return frozenset(" ".join(words[i : i + 5]) for i in range(len(words) - 4))


def test_articles_share_few_shingles(articles: list[SynthArticle]) -> None:
    sets = [_shingles(a) for a in articles]
    rng = random.Random(42)
    similarities = []
    for _ in range(20_000):
        i, j = rng.sample(range(len(sets)), 2)
        a, b = sets[i], sets[j]
        similarities.append(len(a & b) / len(a | b))
    mean = sum(similarities) / len(similarities)
    assert mean < 0.05, mean
    assert max(similarities) < 0.3, max(similarities)


def test_a_stream_resumed_from_its_state_goes_on_with_the_same_articles():
    """bench/scale_bench.py writes its million articles over several runs, resuming each."""
    whole = list(synth_articles(30, seed=3))
    first = synth.SynthStream(seed=3)
    head = [first.article() for _ in range(12)]
    state = json.loads(json.dumps(first.state()))  # kept on disk as JSON between runs
    resumed = synth.SynthStream(seed=3, state=state)
    assert head + [resumed.article() for _ in range(18)] == whole
