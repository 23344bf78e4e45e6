"""Schemathesis against /api/v1/openapi.json: generated requests, valid and invalid, to every
operation of the schema, on a filled database, with a valid token for the writes (a service
token for the newsroom's writes, a reader's personal token for /api/v1/me). No answer may be a
server error, and every answer must be one the schema describes.

Then a stateful run: sequences of calls that feed one answer into the next (a follow created,
listed, removed; an article posted, then read), the links schemathesis infers from the schema.
Every run of that state machine starts from the same filled database (a fresh copy of a
template made once), so the same generated choices always meet the same answers: Hypothesis
replays a run to shrink it, and a run that met an earlier run's articles, follows, merges or
sign-in counters answered differently and broke the replay (FlakyStrategyDefinition).

Schemathesis' Python API under a plain pytest test (its lazy pytest loader does not run on
pytest 9). Bounded to a few examples per operation so the suite stays fast; set
SCHAATSRADAR_SCHEMATHESIS_EXAMPLES for a longer run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import create_engine, make_url, text
from starlette.types import Receive, Scope, Send

from schaatsradar.accounts import operations as accounts
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.web import api_me
from schaatsradar.web.app import create_app
from tests.conftest import NOW
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


@dataclass
class Swappable:
    """The ASGI app schemathesis calls (it keeps the one it loaded the schema from): passes
    each request on to whichever app is current, so each stateful run can get its own."""

    app: FastAPI

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


@dataclass
class Template:
    """The filled database, kept untouched, and fresh copies of it on demand: a file copy on
    SQLite, `CREATE DATABASE ... TEMPLATE` on PostgreSQL; each a few milliseconds, far
    cheaper than filling a database again."""

    url: str
    made: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, filled: str) -> Template:
        """The template from a filled database no one is connected to any more."""
        if make_url(filled).get_backend_name() == "sqlite":
            return cls(filled)
        template = cls(_database(filled, "template"))
        template._postgres(filled, template.url)
        return template

    def fresh(self, name: str) -> str:
        """A database `name` (replacing any earlier one) holding what the template holds."""
        copy = _database(self.url, name)
        if make_url(self.url).get_backend_name() == "sqlite":
            path = Path(str(make_url(copy).database))
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
            shutil.copyfile(str(make_url(self.url).database), path)
        else:
            self._postgres(self.url, copy)
        return copy

    def _postgres(self, source: str, copy: str) -> None:
        _new_postgres(copy, template=source)
        self.made.append(copy)

    def drop(self) -> None:
        """The PostgreSQL databases it made (the SQLite files go with pytest's tmp_path)."""
        if not self.made:
            return
        engine = create_engine(
            make_url(self.url).set(database="postgres"), isolation_level="AUTOCOMMIT"
        )
        with engine.connect() as conn:
            for name in dict.fromkeys(make_url(made).database for made in self.made):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def _new_postgres(url: str, template: str | None = None) -> str:
    """A new PostgreSQL database at `url` (replacing any earlier one): empty, or a copy of
    `template`'s database."""
    engine = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    name = make_url(url).database
    copied = f' TEMPLATE "{make_url(template).database}"' if template else ""
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"{copied}'))
    engine.dispose()
    return url


def _database(url: str, name: str) -> str:
    """`url` with its database (SQLite: file) named after it, next to it."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = str(Path(str(parsed.database)).with_name(f"{name}.db"))
    else:
        database = f"{parsed.database}_{name}"
    return parsed.set(database=database).render_as_string(hide_password=False)


@dataclass
class Api:
    schema: schemathesis.BaseSchema
    tokens: Tokens
    settings: Settings
    template: Template
    target: Swappable  # the app the schema's calls reach


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """A filled database, on PostgreSQL when SCHAATSRADAR_TEST_DATABASE_URL is set, as the
    `store` fixture does, kept as a template: the single-operation cases share one copy
    (their writes do not change what they check), each stateful run gets its own."""
    url = os.environ.get("SCHAATSRADAR_TEST_DATABASE_URL")
    if url:
        # A database of its own: a template must have no one else connected, and the suite's
        # other fixtures may still hold connections to the shared one.
        url = _new_postgres(_database(url, "api_fill"))
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('api_schema') / 'template.db'}"
    api_settings = Settings(
        database_url=url, allow_private_networks=["127.0.0.0/8"], extract_on_ingest=True
    )
    store = Store(url)
    store.upgrade()
    fill(store, api_settings)
    reader = accounts.register(store, "fuzz@schaatsradar.example", "een lang wachtwoord 42", NOW)
    personal = accounts.issue_personal_token(store, reader, "fuzz", NOW).token
    tokens = Tokens(issue_token(store), personal)
    store.close()  # a template has no one connected (SQLite: its WAL folded into the file)
    template = Template.of(url)
    shared = api_settings.model_copy(update={"database_url": template.fresh("api")})
    target = Swappable(create_app(shared))
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", target)
    yield Api(schema, tokens, api_settings, template, target)
    target.app.state.store.close()
    template.drop()
    if make_url(url).get_backend_name() != "sqlite":
        Template(url, [url]).drop()


@pytest.mark.parametrize(("method", "path", "mode"), cases())
def test_every_answer_matches_the_schema(
    api: Api, method: str, path: str, mode: GenerationMode
) -> None:
    operation = api.schema[path][method]
    headers = api.tokens.headers_for(method, path)

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


def test_sequences_of_calls_stay_within_the_schema(api: Api) -> None:
    """Each run of the state machine on its own fresh copy of the filled database, through
    its own app (nothing kept in memory either): a run's choices then always meet the same
    answers, whatever ran before it, and Hypothesis can replay and shrink it."""
    tokens = api.tokens
    target = api.target
    shared = target.app

    class Workflow(api.schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            url = api.template.fresh("run")
            target.app = create_app(api.settings.model_copy(update={"database_url": url}))

        def teardown(self) -> None:
            target.app.state.store.close()
            target.app = shared

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
            # Not Phase.explain: it replays a failing scenario with parts of it varied, and for
            # a state machine (whose rule choices follow earlier answers) Hypothesis then
            # reports FlakyStrategyDefinition instead of the failure itself (seen with a route
            # broken on purpose). Explain only annotates a report; nothing less is checked.
            phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
        )
    )
