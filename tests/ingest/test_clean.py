"""Promo and navigation go; news stays. All articles here are our own."""

import re
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from schaatsradar.ingest import clean
from schaatsradar.ingest.clean import remove_promo, split_paragraphs
from tests.conftest import ARTICLES, run_ingest, seed_file


def _paragraphs(name: str) -> list[str]:
    return split_paragraphs((ARTICLES / name).read_text().split(" ", 3)[3])


def test_publisher_promo_and_its_heading_are_removed():
    kept = remove_promo(_paragraphs("race_report_with_promo.txt"))
    text = "\n".join(kept)
    assert "Download nu" not in text
    assert "Google Discover" not in text
    assert "schaatskalender" not in text
    assert "Meer schaatsnieuws" not in text
    assert kept[-1].startswith('"Ik wist dat ik de laatste ronde')
    assert len(kept) == 3


def test_news_paragraphs_that_use_promo_words_are_kept():
    paragraphs = _paragraphs("news_that_looks_like_promo.txt")
    assert remove_promo(paragraphs) == paragraphs


def test_furniture_lines_inside_a_paragraph_go_but_the_headline_stays():
    paragraphs = [
        "Volg Schaatsbode\nDe Wit wint de 1500 meter",
        "Gisteren, 21:14 - Update: 2 uur geleden",
        "De Wit won in 1.56,31.",
        "Door Redactie Schaatsbode/ANP",
    ]
    assert remove_promo(paragraphs) == ["De Wit wint de 1500 meter", "De Wit won in 1.56,31."]


def _story(n: int) -> str:
    return (
        f"Schaatser Kees Rinsma{n} won op dag {n} een clubrace in Dalfsen met grote voorsprong. "
        f"Hij was de snelste van {n + 10} deelnemers.\n\n"
        f"Het weer zat mee en er was veel publiek langs de baan bij wedstrijd nummer {n}.\n\n"
        "De Dalfser IJsbode: elke week het laatste nieuws van de ijsbaan."
    )


def test_a_tail_paragraph_recurring_in_one_source_is_removed_from_all_its_articles(
    store, settings, tmp_path: Path
):
    for n in range(1, 5):
        seed_file(tmp_path / "ijsbode", f"{n}.txt", f"2026-01-0{n}", _story(n))
    run_ingest(store, settings, tmp_path / "ijsbode")
    with store.read() as conn:
        texts = [
            conn.exec_driver_sql(
                f"SELECT clean_text, original_text FROM articles WHERE id={i}"
            ).one()
            for i in range(1, 5)
        ]
    for clean_text, original_text in texts:
        assert "Dalfser IJsbode" not in clean_text  # also the articles stored before it recurred
        assert "Dalfser IJsbode" in original_text  # the original is kept verbatim
        assert "clubrace in Dalfsen" in clean_text


def test_a_recurring_news_paragraph_is_never_removed(store, settings, tmp_path: Path):
    background = "Rinsma reed vorig jaar nog 1.12,40 op de 1000 meter in Heerenveen."
    for n in range(1, 6):
        seed_file(tmp_path / "bode", f"{n}.txt", f"2026-01-0{n}", _story(n) + "\n\n" + background)
    run_ingest(store, settings, tmp_path / "bode")
    with store.read() as conn:
        texts = [row[0] for row in conn.exec_driver_sql("SELECT clean_text FROM articles")]
    assert len(texts) == 5
    assert all(background in text for text in texts)


def test_paragraphs_recurring_in_another_source_do_not_count(store, settings, tmp_path: Path):
    for n in range(1, 5):
        seed_file(tmp_path / f"site{n}", "story.txt", f"2026-01-0{n}", _story(n))
    run_ingest(store, settings, tmp_path)
    with store.read() as conn:
        texts = [row[0] for row in conn.exec_driver_sql("SELECT clean_text FROM articles")]
    assert all("Dalfser IJsbode" in t for t in texts)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
def test_paragraph_words_are_its_casefolded_word_runs(paragraph: str) -> None:
    """Stored text and paragraph hashes of older ingests stay comparable: the words are the
    `\\w+` runs of the casefolded text, on the ASCII fast path as elsewhere."""
    assert clean.paragraph_words(paragraph) == re.findall(r"\w+", paragraph.casefold())


_PROMO_WORDS = st.sampled_from(
    [
        "Volg",
        "ons",
        "via",
        "Download",
        "de",
        "app",
        "SIGN UP",
        "Sıgn up",
        "Check İn bij",
        "ſubscribe",
        "abonneer",
        "onze",
        "kalender",
        "nieuwsbrief",
        "missen",
        "Meld je aan voor",
        "gevolgd",
        "500 meter",
        "nos.nl",
        "follow us on",
        "Jetzt die App",
    ]
)


@given(st.lists(_PROMO_WORDS | st.text(max_size=8), max_size=12).map(" ".join))
@example("Sıgn up for our app, volg")
@example("Check İn bij onze app en volg")
@example("Volg ons via Instagram")
def test_promo_is_decided_as_by_all_cues_at_once(paragraph: str) -> None:
    """A paragraph is searched only for the cues of the trigger words it holds: the same
    decision as searching it for every cue (also where IGNORECASE and casefolding part ways,
    as on a dotless or dotted i)."""
    promo = bool(
        clean._triggers_in(paragraph)
        and clean.SELF_PROMO.search(paragraph)
        and clean.SELF_REFERENCE.search(paragraph)
        and not clean.has_news_signal(paragraph)
    )
    link = bool(
        clean.LINK_LINE.search(paragraph)
        and len(clean.WORD.findall(paragraph)) <= clean.MAX_LINK_WORDS
        and not clean.has_news_signal(paragraph)
    )
    assert clean.is_promo(paragraph) == (promo or link)
