import datetime as dt

import pytest

from schaatsradar.errors import BAD_DATE, EMPTY_TEXT, NO_DATE_LINE, InputRejected
from schaatsradar.ingest.seedformat import parse_seed_text

TODAY = dt.date(2026, 11, 21)


def test_date_and_text_on_one_line_as_in_the_seeds():
    published, precision, text = parse_seed_text(" date 2026-01-24 Leerdam reed 1.12,74.", TODAY)
    assert (published, precision, text) == (dt.date(2026, 1, 24), "day", "Leerdam reed 1.12,74.")


def test_text_may_start_on_the_next_line_and_month_precision_is_kept():
    published, precision, text = parse_seed_text(" date 2024-03\nKok won.\n", TODAY)
    assert (published, precision, text) == (dt.date(2024, 3, 1), "month", "Kok won.")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("Leerdam won zonder datumregel.", NO_DATE_LINE),
        (" datum 2026-01-24 Leerdam won.", NO_DATE_LINE),
        (" date gisteren Leerdam won.", BAD_DATE),
        (" date 2025-02-30 Leerdam won.", BAD_DATE),
        (" date 2025-13-01 Leerdam won.", BAD_DATE),
        (" date 1712-01-01 Leerdam won.", BAD_DATE),
        (" date 2031-01-01 Leerdam won.", BAD_DATE),
        (" date 2026-01-24   \n\n  ", EMPTY_TEXT),
    ],
)
def test_bad_seed_files_are_rejected_with_a_reason(content, code):
    with pytest.raises(InputRejected) as error:
        parse_seed_text(content, TODAY)
    assert error.value.code == code
    assert error.value.message
