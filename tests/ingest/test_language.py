import pytest

from schaatsradar.ingest.language import detect_language
from tests.conftest import ARTICLES


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("race_report_with_promo.txt", "nl"),
        ("english_report.txt", "en"),
        ("german_report.txt", "de"),
        ("month_precision.txt", "nl"),
    ],
)
def test_article_languages(name, language):
    assert detect_language((ARTICLES / name).read_text()) == language


@pytest.mark.parametrize(
    "text",
    ["Le patineur a gagné la course de 1000 mètres à Inzell devant son rival.", "1.12,74 !!", ""],
)
def test_other_languages_and_non_text_are_other(text):
    assert detect_language(text) == "other"
