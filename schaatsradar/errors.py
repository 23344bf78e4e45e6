"""The one root exception and the stable error codes users see in reports.

Codes never change meaning once released (spaCy's habit): scripts and newsrooms grep for them.
"""

from __future__ import annotations


class SchaatsradarError(Exception):
    """Root of every error Schaatsradar raises on purpose."""

    code = "E000"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class InputRejected(SchaatsradarError):
    """One input item (file, JSON line, feed entry, page) cannot become an article."""


class FetchError(SchaatsradarError):
    """A feed or page could not be fetched safely; the reason says why."""


# Codes, grouped by where they arise. Messages are built at the raise site.
NO_DATE_LINE = "E101"
BAD_DATE = "E102"
EMPTY_TEXT = "E103"
BINARY_FILE = "E104"
TOO_LARGE = "E105"
UNDECODABLE = "E106"
NOT_FOUND = "E107"
# Text no database or feed can hold (NUL, a lone surrogate): the article is refused.
UNSAFE_TEXT = "E108"
# Anything else that went wrong with one item: it fails alone, the batch goes on.
ITEM_FAILED = "E109"
BAD_JSON = "E111"
MISSING_FIELD = "E112"
WRONG_TYPE = "E113"
NO_ARTICLE_IN_PAGE = "E121"
NO_DATE_IN_PAGE = "E122"
BAD_FEED = "E131"
HTTP_STATUS = "E141"
TIMEOUT = "E142"
PRIVATE_ADDRESS = "E143"
RESPONSE_TOO_LARGE = "E144"
BAD_URL = "E145"
NETWORK = "E146"
# Reference data (knowledge/): a CSV row that cannot be loaded; a level nobody knows.
BAD_REFERENCE_ROW = "E201"
UNKNOWN_LEVEL = "E202"
# Official results (knowledge/official*): a row that cannot be true or cannot be read.
OFFICIAL_ROW = "E211"
