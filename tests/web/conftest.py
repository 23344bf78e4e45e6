"""The site tests are about showing what the knowledge base holds, built from what extraction
states. Which facts extraction is
sure enough of to state is the confidence model's business (tests/extract/test_confidence.py):
it is retrained as the rules change, and these tests must not move with it. So here every
fact extraction finds is confident, unless a test asks for a model of its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from schaatsradar.extract import confidence
from schaatsradar.extract.confidence import ConfidenceModel


@pytest.fixture(scope="package", autouse=True)
def every_fact_confident() -> Iterator[None]:
    """Package-wide, so module-scoped sites built by ingesting are built with it too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(confidence, "shipped_model", lambda: ConfidenceModel(None, None, "none"))
        yield
