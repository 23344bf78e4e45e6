"""A posted article with control characters (which no Atom feed can hold) is mended and
stored, as every reader does, over real HTTP on SQLite and PostgreSQL alike. (A lone
surrogate is already refused by the JSON parser, NUL by the API itself.)"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from schaatsradar.knowledge.book import load_reference
from schaatsradar.settings import Settings
from schaatsradar.store import Store, tokens
from schaatsradar.web.app import create_app
from tests.conftest import NOW
from tests.web.served import serve_app

TEXT = (
    "Femke Kok heeft zaterdag in Inzell de 500 meter gewonnen in 36,99. Jutta Leerdam werd tweede."
)


@pytest.fixture
def api(store: Store, settings: Settings) -> Iterator[httpx.Client]:
    with store.write() as conn:
        load_reference(conn)
        token = tokens.issue(conn, "tests", NOW).token
    app = create_app(settings)
    try:
        with (
            serve_app(app) as url,
            httpx.Client(
                base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30
            ) as client,
        ):
            yield client
    finally:
        app.state.store.close()


def _post_json(client: httpx.Client, body: str) -> httpx.Response:
    return client.post(
        "/api/v1/articles", content=body.encode(), headers={"Content-Type": "application/json"}
    )


def test_control_characters_are_mended_and_the_article_stored(api: httpx.Client) -> None:
    answer = _post_json(
        api, '{"date": "2026-01-24", "title": "Kok\\u0001 wint", "text": "' + TEXT + '\\u000b"}'
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["article"]["title"] == "Kok wint"
    seed = f" date 2026-01-25 Tweede\x01 verslag. {TEXT}".encode()
    plain = api.post("/api/v1/articles", content=seed, headers={"Content-Type": "text/plain"})
    assert plain.status_code == 201, plain.text
