"""Schemathesis against /api/v1/openapi.json: generated requests, valid and invalid, to every
operation of the schema, on a filled database, with a valid token for the writes. No answer
may be a server error, and every answer must be one the schema describes.

Schemathesis' Python API under a plain pytest test (its lazy pytest loader does not run on
pytest 9). Bounded to a few examples per operation so the suite stays fast; set
SCHAATSRADAR_SCHEMATHESIS_EXAMPLES for a longer run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.web.app import create_app
from tests.conftest import _reset_postgres as reset_postgres
from tests.web.test_api import fill, issue_token

EXAMPLES = int(os.environ.get("SCHAATSRADAR_SCHEMATHESIS_EXAMPLES", "10"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Registering a source resolves its host name: random names would be looked up in DNS, so
# that operation is exercised without a token (and tests/web/test_api.py covers it).
NO_TOKEN = {("POST", "/api/v1/sources")}


def cases() -> list[tuple[str, str, GenerationMode]]:
    """(method, path, mode) for every operation in the schema, read without a database;
    invalid requests only where there is something to get wrong."""
    paths = create_app(Settings(database_url="sqlite://")).openapi()["paths"]
    found = []
    for path, operations in paths.items():
        for method, operation in operations.items():
            takes_input = operation.get("parameters") or operation.get("requestBody")
            for mode in GenerationMode:
                if takes_input or mode is GenerationMode.POSITIVE:
                    found.append((method.upper(), path, mode))
    return sorted(found, key=lambda case: (case[1], case[0], case[2].value))


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[schemathesis.BaseSchema, str]]:
    """One filled database for every case (the cases only read what they find), on
    PostgreSQL when SCHAATSRADAR_TEST_DATABASE_URL is set, as the `store` fixture does."""
    url = os.environ.get("SCHAATSRADAR_TEST_DATABASE_URL")
    if url:
        reset_postgres(url)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('api_schema') / 'api.db'}"
    api_settings = Settings(
        database_url=url, allow_private_networks=["127.0.0.0/8"], extract_on_ingest=True
    )
    store = Store(url)
    store.upgrade()
    fill(store, api_settings)
    token = issue_token(store)
    app = create_app(api_settings)
    yield schemathesis.openapi.from_asgi("/api/v1/openapi.json", app), token
    app.state.store.close()
    store.close()


@pytest.mark.parametrize(("method", "path", "mode"), cases())
def test_every_answer_matches_the_schema(
    api: tuple[schemathesis.BaseSchema, str], method: str, path: str, mode: GenerationMode
) -> None:
    schema, token = api
    operation = schema[path][method]
    headers = {} if (method, path) in NO_TOKEN else {"Authorization": f"Bearer {token}"}

    @given(case=operation.as_strategy(mode))
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def answers_by_the_schema(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    answers_by_the_schema()
