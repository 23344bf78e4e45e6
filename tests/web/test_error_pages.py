"""Errors as a reader meets them, over real HTTP: outside /api/ every error is a page of the
site (its layout and menu, the CSP, the reader's language); under /api/ it is the API's JSON
error. A failure in a handler answers a 500 page, not the framework's plain text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.web import deps, pages
from schaatsradar.web.app import create_app
from schaatsradar.web.security import CSP
from tests.web.served import serve_app


def settings_for(folder: Path) -> Settings:
    settings = Settings(database_url=f"sqlite:///{folder / 'site.db'}")
    store = Store(settings.database_url)
    store.upgrade()
    store.close()
    return settings


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = settings_for(tmp_path_factory.mktemp("errors"))
    with serve_app(create_app(settings)) as served:
        yield served


@pytest.fixture(scope="module")
def failing_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose pages and API fail inside their handlers (the reader's day cannot be
    told, the store cannot be reached), as a bug or a lost database would make them."""
    settings = settings_for(tmp_path_factory.mktemp("failing"))
    app = create_app(settings)

    def broken() -> None:
        raise RuntimeError("the disk is gone")

    app.dependency_overrides[pages.reader_today] = broken
    app.dependency_overrides[deps.store] = broken
    with serve_app(app) as served:
        yield served


def is_site_page(response: httpx.Response, language: str) -> bool:
    return (
        response.headers["content-type"].startswith("text/html")
        and f'<html lang="{language}">' in response.text
        and 'class="site-nav"' in response.text
        and response.headers["content-security-policy"] == CSP
    )


@pytest.mark.parametrize("path", ["/bestaat-niet", "/schaatsers/x/y/z", "/static-nope"])
def test_an_unknown_page_is_a_404_page_in_the_readers_language(url: str, path: str):
    dutch = httpx.get(url + path)
    assert dutch.status_code == 404
    assert is_site_page(dutch, "nl")
    assert "<h1>Niet gevonden</h1>" in dutch.text
    english = httpx.get(url + path, headers={"accept-language": "en-GB,en;q=0.8"})
    assert english.status_code == 404
    assert is_site_page(english, "en")
    assert "<h1>Not found</h1>" in english.text
    assert "<h1>Not found</h1>" in httpx.get(url + path, params={"lang": "en"}).text


def test_errors_under_api_stay_json(url: str):
    for path in ("/api/v2/anything", "/api/v1/no-such-list", "/api"):
        answer = httpx.get(url + path)
        assert answer.status_code == 404, path
        assert answer.headers["content-type"] == "application/json"
        assert answer.json()["error"]["code"] == "not_found"


def test_a_method_a_page_does_not_take_is_a_page_with_allow(url: str):
    answer = httpx.post(url + "/records", data={"a": "b"})
    assert answer.status_code == 405
    assert is_site_page(answer, "nl")
    assert "<h1>Hier niet mogelijk</h1>" in answer.text
    assert "GET" in answer.headers["allow"]


def test_a_parameter_a_page_cannot_take_is_a_page(url: str):
    answer = httpx.get(url + "/records", params={"baan": "x" * 500, "lang": "en"})
    assert answer.status_code == 422
    assert is_site_page(answer, "en")
    assert "<h1>This request cannot be read</h1>" in answer.text


def test_a_redirect_raised_by_a_page_stays_a_redirect(url: str):
    answer = httpx.get(url + "/mijn")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/account/inloggen")


def test_a_failing_page_answers_a_500_page_in_the_readers_language(failing_url: str):
    dutch = httpx.get(failing_url + "/")
    assert dutch.status_code == 500
    assert is_site_page(dutch, "nl")
    assert "<h1>Er ging iets mis</h1>" in dutch.text
    assert "the disk is gone" not in dutch.text  # nothing of the failure's insides
    english = httpx.get(failing_url + "/kalender", params={"lang": "en"})
    assert english.status_code == 500
    assert is_site_page(english, "en")
    assert "<h1>Something went wrong</h1>" in english.text


def test_a_failing_api_call_answers_json(failing_url: str):
    answer = httpx.get(failing_url + "/api/v1/skaters")
    assert answer.status_code == 500
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["error"]["code"] == "internal_error"
    assert "the disk is gone" not in answer.text


def test_a_head_of_a_failing_page_has_no_body(failing_url: str):
    answer = httpx.head(failing_url + "/")
    assert answer.status_code == 500
    assert answer.content == b""


def test_the_favicon_is_served_and_linked(url: str):
    icon = httpx.get(url + "/favicon.ico")
    assert icon.status_code == 200
    assert icon.headers["content-type"] == "image/x-icon"
    assert icon.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    home = httpx.get(url + "/").text
    assert '<link rel="icon" href="/favicon.ico"' in home
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in home
    svg = httpx.get(url + "/static/favicon.svg")
    assert svg.status_code == 200 and svg.headers["content-type"] == "image/svg+xml"
