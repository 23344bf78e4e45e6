"""Every fact extraction finds stated as a fact, for the suites that test what is made of the
stated facts (the knowledge base, the site), not which facts are stated. Which facts
extraction is sure enough of to state is the confidence model's business
(tests/extract/test_confidence.py): it is retrained as the rules change, and those suites
must not move with it."""

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
