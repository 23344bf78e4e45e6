"""Schemathesis against /api/v1/openapi.json: generated requests, valid and invalid, to every
operation of the schema, on a filled database, with a valid token for the writes (a service
token for the newsroom's writes, a reader's personal token for /api/v1/me). No answer may be a
server error, and every answer must be one the schema describes.

Then a stateful run: sequences of calls that feed one answer into the next (a follow created,
listed, removed; an article posted, then read), the links schemathesis infers from the schema.

Schemathesis' Python API under a plain pytest test (its lazy pytest loader does not run on
pytest 9). Bounded to a few examples per operation so the suite stays fast; set
SCHAATSRADAR_SCHEMATHESIS_EXAMPLES for a longer run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

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

from schaatsradar.accounts import operations as accounts
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.web import api_me
from schaatsradar.web.app import create_app
from tests.conftest import NOW
from tests.conftest import _reset_postgres as reset_postgres
from tests.web.test_api import fill, issue_token

EXAMPLES = int(os.environ.get("SCHAATSRADAR_SCHEMATHESIS_EXAMPLES", "10"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Registering a source or a webhook resolves its host name: random names would be looked up in
# DNS, so those operations are exercised without a token (tests/web/test_api.py and
# test_accounts_api.py cover them).
NO_TOKEN = {
    ("POST", "/api/v1/sources"),
    ("POST", "/api/v1/me/channels"),
    ("PATCH", "/api/v1/me/channels/{channel_id}"),
}
PERSONAL = frozenset("/api/v1" + route.path for route in api_me.router.routes)  # a reader's
STATEFUL_STEPS = int(os.environ.get("SCHAATSRADAR_SCHEMATHESIS_STEPS", "100"))


@dataclass(frozen=True)
class Tokens:
    service: str  # the newsroom's: articles, sources, merges
    personal: str  # a reader's: /api/v1/me and /api/v1/feed

    def headers_for(self, method: str, path: str) -> dict[str, str]:
        if (method, path) in NO_TOKEN:
            return {}
        token = self.personal if path in PERSONAL else self.service
        return {"Authorization": f"Bearer {token}"}


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
def api(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[schemathesis.BaseSchema, Tokens]]:
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
    reader = accounts.register(store, "fuzz@schaatsradar.example", "een lang wachtwoord 42", NOW)
    personal = accounts.issue_personal_token(store, reader, "fuzz", NOW).token
    tokens = Tokens(issue_token(store), personal)
    app = create_app(api_settings)
    yield schemathesis.openapi.from_asgi("/api/v1/openapi.json", app), tokens
    app.state.store.close()
    store.close()


@pytest.mark.parametrize(("method", "path", "mode"), cases())
def test_every_answer_matches_the_schema(
    api: tuple[schemathesis.BaseSchema, Tokens], method: str, path: str, mode: GenerationMode
) -> None:
    schema, tokens = api
    operation = schema[path][method]
    headers = tokens.headers_for(method, path)

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


def test_sequences_of_calls_stay_within_the_schema(
    api: tuple[schemathesis.BaseSchema, Tokens],
) -> None:
    """Runs last in this module: its writes (articles, merges, follows) change the data."""
    schema, tokens = api

    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {"headers": tokens.headers_for(case.method.upper(), case.path)}

        def validate_response(self, response: Any, case: schemathesis.Case, **kwargs: Any) -> None:
            kwargs.pop("additional_checks", None)
            case.validate_response(response, checks=CHECKS, transport_kwargs=kwargs)

    Workflow.run(
        settings=hypothesis_settings(
            max_examples=STATEFUL_STEPS,
            stateful_step_count=6,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
    )
