"""The seed format: a leading space, `date YYYY-MM-DD` (or `date YYYY-MM`), then the text.

The text may follow on the same line (as in the seeds) or on the next one.
"""

from __future__ import annotations

import datetime as dt
import re

from schaatsradar.errors import BAD_DATE, EMPTY_TEXT, NO_DATE_LINE, InputRejected
from schaatsradar.ingest.types import DatePrecision

DATE_LINE = re.compile(r"\A\ufeff?\s*date\s+(?P<date>\S+)[ \t]*(?:\r?\n)?", re.IGNORECASE)
ISO_DATE = re.compile(r"\A(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?\Z")
EARLIEST_YEAR = 1850  # the first reported speed-skating races


def parse_date(value: str, today: dt.date) -> tuple[dt.date, DatePrecision]:
    """`YYYY-MM-DD` or `YYYY-MM`, a real calendar date, not after tomorrow."""
    match = ISO_DATE.match(value.strip())
    if not match:
        raise InputRejected(f"unreadable date {value!r} (expected YYYY-MM-DD or YYYY-MM)", BAD_DATE)
    year, month = int(match["year"]), int(match["month"])
    try:
        date = dt.date(year, month, int(match["day"] or 1))
    except ValueError as error:
        raise InputRejected(f"impossible date {value!r}: {error}", BAD_DATE) from None
    if year < EARLIEST_YEAR or date > today + dt.timedelta(days=1):
        raise InputRejected(
            f"implausible date {value!r} (before {EARLIEST_YEAR} or in the future)", BAD_DATE
        )
    return date, "day" if match["day"] else "month"


def parse_seed_text(content: str, today: dt.date) -> tuple[dt.date, DatePrecision, str]:
    match = DATE_LINE.match(content)
    if not match:
        raise InputRejected(
            "no date line (the file must start with ' date YYYY-MM-DD')", NO_DATE_LINE
        )
    published, precision = parse_date(match["date"], today)
    text = content[match.end() :].strip()
    if not text:
        raise InputRejected("empty text after the date line", EMPTY_TEXT)
    return published, precision, text
