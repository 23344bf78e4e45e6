"""The reader's own API over real HTTP: /api/v1/me, follows, channels and the personal feed,
opened by a personal token or a session cookie, each reader seeing and changing only their
own; a personal token writes no articles; answers are private and carry no CORS."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.web.accounts_site import REPORT_TITLE, Reader, Site, account_site, reader


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with account_site(tmp_path_factory.mktemp("accounts_api")) as served:
        yield served


def api(site: Site, token: str) -> httpx.Client:
    return httpx.Client(
        base_url=f"{site.url}/api/v1", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


@pytest.fixture
def two_readers(site: Site) -> Iterator[tuple[Reader, httpx.Client, Reader, httpx.Client]]:
    with reader(site) as a, reader(site) as b:
        a_api, b_api = api(site, a.personal_token()), api(site, b.personal_token())
        try:
            yield a, a_api, b, b_api
        finally:
            a_api.close()
            b_api.close()


def test_me_says_who_the_token_belongs_to(site: Site) -> None:
    with reader(site) as someone, api(site, someone.personal_token()) as mine:
        answer = mine.get("/me")
        assert answer.status_code == 200
        assert answer.json()["email"] == someone.email
        assert answer.json()["spoiler_mode"] == "off"
        assert answer.headers["cache-control"] == "private, no-store"
        assert "access-control-allow-origin" not in answer.headers


def test_without_a_reader_the_api_says_401_in_its_error_shape(site: Site) -> None:
    for headers in ({}, {"Authorization": "Bearer srp_unknown"}, {"Authorization": "Basic x"}):
        answer = httpx.get(f"{site.url}/api/v1/me/follows", headers=headers)
        assert answer.status_code == 401
        error = answer.json()["error"]
        assert error["code"] in ("unauthorized", "invalid_token")
        assert error["message"]
        assert "www-authenticate" in answer.headers


def test_a_preflight_from_another_site_gets_no_cors(site: Site) -> None:
    answer = httpx.options(
        f"{site.url}/api/v1/me/follows",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in answer.headers


def test_follows_through_the_api_are_each_readers_own(
    two_readers: tuple[Reader, httpx.Client, Reader, httpx.Client], site: Site
) -> None:
    _a, a_api, _b, b_api = two_readers
    made = a_api.post("/me/follows", json={"kind": "skater", "value": str(site.leerdam_id)})
    assert made.status_code == 201, made.text
    follow = made.json()
    assert follow["label"] == "Jutta Leerdam"
    country = a_api.post("/me/follows", json={"kind": "country", "value": "ned"}).json()
    assert country["value"] == "NED" and country["label"] == "Nederland"
    again = a_api.post("/me/follows", json={"kind": "skater", "value": str(site.leerdam_id)})
    assert again.json()["id"] == follow["id"]
    assert len(a_api.get("/me/follows").json()["items"]) == 2
    assert b_api.get("/me/follows").json()["items"] == []
    # B cannot delete A's follow by its id: to B it does not exist.
    refused = b_api.delete(f"/me/follows/{follow['id']}")
    assert refused.status_code == 404
    assert refused.json()["error"]["code"] == "not_found"
    assert len(a_api.get("/me/follows").json()["items"]) == 2
    assert a_api.delete(f"/me/follows/{follow['id']}").status_code == 204
    assert [f["kind"] for f in a_api.get("/me/follows").json()["items"]] == ["country"]


def test_a_skater_and_a_competition_are_followed_as_the_api_lists_them(site: Site) -> None:
    """By the slug /api/v1/skaters gives and the id /api/v1/competitions gives (a
    competition's slug works too); the follow is the same one as by the internal id."""
    with reader(site) as someone, api(site, someone.personal_token()) as mine:
        listed = mine.get("/skaters", params={"q": "Leerdam"}).json()["items"]
        [leerdam] = [s for s in listed if s["name"] == "Jutta Leerdam"]
        by_slug = mine.post("/me/follows", json={"kind": "skater", "value": leerdam["slug"]})
        assert by_slug.status_code == 201, by_slug.text
        made = by_slug.json()
        assert made["label"] == "Jutta Leerdam"
        assert made["slug"] == leerdam["slug"] == site.leerdam_slug
        by_id = mine.post("/me/follows", json={"kind": "skater", "value": str(site.leerdam_id)})
        assert by_id.json()["id"] == made["id"]  # one follow, however it was named

        meet = mine.get(f"/competitions/{site.inzell_meet}").json()
        by_meet_id = mine.post("/me/follows", json={"kind": "competition", "value": meet["id"]})
        assert by_meet_id.status_code == 201, by_meet_id.text
        assert by_meet_id.json()["slug"] == meet["slug"]
        by_meet_slug = mine.post("/me/follows", json={"kind": "competition", "value": meet["slug"]})
        assert by_meet_slug.json()["id"] == by_meet_id.json()["id"]

        follows = mine.get("/me/follows").json()["items"]
        assert {(f["kind"], f["slug"]) for f in follows} == {
            ("skater", leerdam["slug"]),
            ("competition", meet["slug"]),
        }
        unknown = mine.post("/me/follows", json={"kind": "skater", "value": "niemand-bekend"})
        assert unknown.status_code == 422
        assert unknown.json()["error"]["problems"][0]["location"] == "body.value"


def test_a_bad_follow_names_the_problem(site: Site) -> None:
    with reader(site) as someone, api(site, someone.personal_token()) as mine:
        for body in ({"kind": "skater", "value": "999999"}, {"kind": "distance", "value": "42m"}):
            answer = mine.post("/me/follows", json=body)
            assert answer.status_code == 422
            assert answer.json()["error"]["problems"][0]["location"] == "body.value"
        assert mine.post("/me/follows", json={"kind": "weather"}).status_code == 422


def test_channels_are_each_readers_own_and_secrets_are_shown_once(
    two_readers: tuple[Reader, httpx.Client, Reader, httpx.Client],
) -> None:
    _a, a_api, _b, b_api = two_readers
    [stream] = a_api.get("/me/channels").json()["items"]
    assert stream["kind"] == "stream" and len(stream["events"]) == 4
    made = a_api.post(
        "/me/channels",
        json={"kind": "webhook", "target": "http://127.0.0.1:9/hook", "events": ["record.set"]},
    )
    assert made.status_code == 201, made.text
    webhook = made.json()
    assert webhook["secret"].startswith("whsec_")
    assert webhook["events"] == ["record.set"]
    listed = a_api.get("/me/channels").json()["items"]
    assert all("secret" not in channel for channel in listed)
    assert webhook["secret"] not in a_api.get("/me/channels").text
    assert b_api.patch(f"/me/channels/{webhook['id']}", json={"enabled": False}).status_code == 404
    assert b_api.delete(f"/me/channels/{webhook['id']}").status_code == 404
    changed = a_api.patch(
        f"/me/channels/{webhook['id']}", json={"enabled": False, "events": ["result.recorded"]}
    )
    assert changed.json()["enabled"] is False
    assert changed.json()["events"] == ["result.recorded"]
    assert a_api.delete(f"/me/channels/{stream['id']}").status_code == 422
    assert a_api.delete(f"/me/channels/{webhook['id']}").status_code == 204
    assert [c["kind"] for c in a_api.get("/me/channels").json()["items"]] == ["stream"]


def test_a_webhook_to_a_private_address_is_refused(site: Site) -> None:
    with reader(site) as someone, api(site, someone.personal_token()) as mine:
        answer = mine.post("/me/channels", json={"kind": "webhook", "target": "http://10.0.0.1/"})
        assert answer.status_code == 422
        assert answer.json()["error"]["problems"][0]["location"] == "body.target"


def test_preferences_through_the_api(site: Site) -> None:
    with reader(site) as someone, api(site, someone.personal_token()) as mine:
        changed = mine.patch(
            "/me",
            json={
                "spoiler_mode": "hold",
                "spoiler_release": "20:00",
                "quiet_start": "23:00",
                "quiet_end": "06:30",
            },
        )
        assert changed.status_code == 200, changed.text
        assert changed.json()["spoiler_release"] == "20:00"
        assert mine.patch("/me", json={"spoiler_release": "25:00"}).status_code == 422
        assert (
            mine.patch("/me", json={"spoiler_mode": "hold", "spoiler_release": None}).status_code
            == 422
        )
        assert mine.get("/me").json()["quiet_end"] == "06:30"


def test_the_feed_through_a_personal_token_and_a_session(site: Site) -> None:
    with reader(site) as someone, api(site, someone.personal_token()) as mine:
        assert mine.get("/feed").json()["items"] == []
        mine.post("/me/follows", json={"kind": "skater", "value": str(site.leerdam_id)})
        [entry] = mine.get("/feed").json()["items"]
        assert entry["title"] == REPORT_TITLE
        assert entry["because"] == "omdat je Jutta Leerdam volgt"
        assert entry["reasons"][0]["label"] == "Jutta Leerdam"
        assert entry["url"] == f"/artikel/{entry['article_id']}"
        by_cookie = someone.client.get("/api/v1/feed")
        assert by_cookie.status_code == 200
        assert by_cookie.json()["items"][0]["article_id"] == entry["article_id"]


def test_a_session_write_through_the_api_needs_the_csrf_header(site: Site) -> None:
    with reader(site) as someone:
        body = {"kind": "country", "value": "NOR"}
        refused = someone.client.post("/api/v1/me/follows", json=body)
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "csrf"
        allowed = someone.client.post(
            "/api/v1/me/follows", json=body, headers={"X-CSRF-Token": someone.csrf()}
        )
        assert allowed.status_code == 201


def test_a_personal_token_cannot_write_articles(site: Site) -> None:
    with reader(site) as someone, api(site, someone.personal_token()) as mine:
        answer = mine.post("/articles", json={"date": "2026-01-25", "text": "Iets nieuws."})
        assert answer.status_code == 401
        assert answer.json()["error"]["code"] == "invalid_token"


def test_an_id_beyond_any_stored_row_is_bad_input_not_a_server_error(site: Site) -> None:
    # 2**31 fits no stored key (PostgreSQL's integer refused it with a 500 before).
    with reader(site) as someone, api(site, someone.personal_token()) as mine:
        for answer in (
            mine.delete(f"/me/channels/{2**31}"),
            mine.patch(f"/me/channels/{2**31}", json={"enabled": False}),
            mine.delete(f"/me/follows/{2**31}"),
        ):
            assert answer.status_code == 422, answer.text
        assert mine.delete(f"/me/channels/{2**31 - 1}").status_code == 404
