"""Accounts through the site, over real HTTP: registering, signing in and out, the session
cookie, CSRF, following from a page (htmx and plain), the personal feed at /mijn, settings,
personal tokens and the private Atom feed, and the public page cache keeping readers apart."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import feedparser
import httpx
import pytest

from schaatsradar.store import Store
from schaatsradar.store import accounts as stored
from tests.web.accounts_site import (
    CHATTER_TITLE,
    PASSWORD,
    REPORT_TITLE,
    Reader,
    Site,
    account_site,
    reader,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with account_site(tmp_path_factory.mktemp("accounts")) as served:
        yield served


def _cookie_header(response: httpx.Response) -> str:
    [header] = [v for k, v in response.headers.multi_items() if k == "set-cookie" and "sr_" in v]
    return header


# -- registering and signing in ---------------------------------------------------------------


def test_registering_signs_in_with_a_safe_session_cookie(site: Site) -> None:
    with reader(site, register=False) as someone:
        answer = someone.register()
        assert answer.status_code == 303
        assert answer.headers["location"] == "/mijn"
        cookie = _cookie_header(answer).lower()
        assert "httponly" in cookie
        assert "samesite=lax" in cookie
        assert "secure" not in cookie  # plain HTTP, no trusted proxy
        assert "max-age=2592000" in cookie  # 30 days
        page = someone.client.get("/mijn")
        assert page.status_code == 200
        assert "Mijn Schaatsradar" in page.text
        assert page.headers["cache-control"] == "private, no-store"


def test_registering_an_address_with_an_account_looks_the_same_and_tells_its_owner(
    site: Site,
) -> None:
    """Issue 14: the page said "there is already an account with this address"."""
    with (
        reader(site) as first,
        reader(site, register=False) as second,
        reader(site, register=False) as newcomer,
    ):
        second.email = first.email.upper()
        taken = second.ask_to_register(password="een-ander-wachtwoord")
        fresh = newcomer.ask_to_register(password="een-ander-wachtwoord")
        assert taken.status_code == fresh.status_code == 200
        assert "sr_session" not in taken.headers.get("set-cookie", "")
        assert "sr_session" not in fresh.headers.get("set-cookie", "")
        assert taken.text.replace(first.email, "X") == fresh.text.replace(newcomer.email, "X")
        assert "Kijk in je e-mail" in taken.text
        # The owner hears of it; their password and account are untouched.
        [note] = [m for m in site.mail_to(first.email) if "al een" in m["Subject"]]
        assert "/account/wachtwoord-vergeten" in note.get_content()
        assert "?t=" not in note.get_content()
        assert Reader(site, first.email).sign_in().status_code == 303
        # Nor can the newcomer sign in before following the link: no way to learn it was new.
        assert newcomer.sign_in(password="een-ander-wachtwoord").status_code == 400


def test_a_short_password_is_refused_with_a_clear_message(site: Site) -> None:
    with reader(site, register=False) as someone:
        answer = someone.register(password="kort")
        assert answer.status_code == 400
        assert "Het wachtwoord moet minstens 8 tekens hebben." in answer.text
        assert "sr_session" not in answer.headers.get("set-cookie", "")


def test_signing_in_and_a_wrong_password(site: Site) -> None:
    with reader(site) as someone:
        fresh = Reader(site, someone.email)
        try:
            wrong = fresh.sign_in(password="niet-het-wachtwoord")
            assert wrong.status_code == 400
            assert "Verkeerd e-mailadres of wachtwoord." in wrong.text
            assert "set-cookie" not in wrong.headers
            unknown = Reader(site).sign_in()
            assert unknown.status_code == 400
            right = fresh.sign_in()
            assert right.status_code == 303
            assert fresh.client.get("/mijn").status_code == 200
        finally:
            fresh.close()


def test_signing_in_from_another_site_is_refused(site: Site) -> None:
    with reader(site) as someone:
        for headers in ({"Origin": "https://evil.example"}, {}):
            answer = someone.client.post(
                "/account/inloggen",
                data={"email": someone.email, "password": PASSWORD},
                headers=headers,
            )
            assert answer.status_code == 403
        referer = someone.client.post(
            "/account/inloggen",
            data={"email": someone.email, "password": PASSWORD},
            headers={"Referer": f"{site.url}/account/inloggen"},
        )
        assert referer.status_code == 303


def test_next_never_leaves_the_site(site: Site) -> None:
    with reader(site) as someone:
        answer = someone.client.post(
            "/account/inloggen",
            data={"email": someone.email, "password": PASSWORD, "next": "//evil.example/x"},
            headers={"Origin": site.url},
        )
        assert answer.headers["location"] == "/mijn"


def _confirm(someone: Reader, site: Site, headers: dict[str, str]) -> httpx.Response:
    """Press the button of the mailed confirmation link, with these headers."""
    link = site.link_in_last_mail_to(someone.email)
    token = link.partition("?t=")[2]
    return someone.client.post(link.partition("?")[0], data={"t": token}, headers=headers)


def test_the_cookie_is_secure_behind_a_trusted_proxy_only(tmp_path: Path) -> None:
    with (
        account_site(tmp_path / "trusting", trusted_proxy=True) as trusting,
        reader(trusting, register=False) as someone,
    ):
        assert someone.ask_to_register().status_code == 200
        answer = _confirm(
            someone,
            trusting,
            {"Origin": "https://" + trusting.url.split("//")[1], "X-Forwarded-Proto": "https"},
        )
        assert answer.status_code == 303
        assert "secure" in _cookie_header(answer).lower()


def test_forwarded_proto_is_ignored_without_a_trusted_proxy(site: Site) -> None:
    with reader(site, register=False) as someone:
        assert someone.ask_to_register().status_code == 200
        answer = _confirm(someone, site, {"Origin": site.url, "X-Forwarded-Proto": "https"})
        assert answer.status_code == 303
        assert "secure" not in _cookie_header(answer).lower()


# -- CSRF and signing out ---------------------------------------------------------------------


def test_a_form_without_the_csrf_token_is_refused(site: Site) -> None:
    with reader(site) as someone:
        subject = {"kind": "country", "value": "NED"}
        assert someone.post("/volgen", subject, csrf=False).status_code == 403
        forged = someone.client.post("/volgen", data={**subject, "csrf_token": "x" * 43})
        assert forged.status_code == 403
        assert someone.post("/volgen", subject).status_code == 303
        header = someone.client.post(
            "/ontvolgen", data=subject, headers={"X-CSRF-Token": someone.csrf()}
        )
        assert header.status_code == 303


def test_signing_out_ends_the_session(site: Site) -> None:
    with reader(site) as someone:
        stolen = someone.client.cookies["sr_session"]
        assert someone.post("/account/uitloggen", {}, csrf=False).status_code == 403
        answer = someone.post("/account/uitloggen", {})
        assert answer.status_code == 303
        assert answer.headers["location"] == "/"
        assert "Mijn Schaatsradar" not in someone.client.get("/").text
        replayed = httpx.get(f"{site.url}/mijn", cookies={"sr_session": stolen})
        assert replayed.status_code == 303
        assert replayed.headers["location"] == "/account/inloggen?next=%2Fmijn"


def test_an_expired_session_is_refused(site: Site) -> None:
    with reader(site) as someone:
        store = Store(site.settings.database_url)
        try:
            with store.write(changes_content=False) as conn:
                account = stored.user_by_email(conn, someone.email)
                assert account is not None
                from sqlalchemy import update

                from schaatsradar.store.models import UserSession

                conn.execute(
                    update(UserSession)
                    .where(UserSession.user_id == account.id)
                    .values(expires_at=UserSession.created_at)
                )
        finally:
            store.close()
        assert someone.client.get("/mijn").status_code == 303


# -- following from a page --------------------------------------------------------------------


def test_the_skater_page_has_a_follow_button(site: Site) -> None:
    anonymous = httpx.get(f"{site.url}/schaatsers/{site.leerdam_slug}")
    link = f'href="/account/inloggen?next=/schaatsers/{site.leerdam_slug}"'
    assert link in anonymous.text
    assert "Volg Jutta Leerdam" in anonymous.text
    with reader(site) as someone:
        page = someone.client.get(f"/schaatsers/{site.leerdam_slug}")
        assert 'action="/volgen"' in page.text
        assert 'name="value" value="' + str(site.leerdam_id) + '"' in page.text


def test_following_with_htmx_answers_the_new_button(site: Site) -> None:
    with reader(site) as someone:
        token = someone.csrf()
        htmx = {"HX-Request": "true", "X-CSRF-Token": token}
        subject = {"kind": "skater", "value": str(site.leerdam_id), "next": "/schaatsers/x"}
        followed = someone.client.post("/volgen", data=subject, headers=htmx)
        assert followed.status_code == 200
        assert followed.text.lstrip().startswith('<form class="follow"')
        assert 'action="/ontvolgen"' in followed.text
        assert "Je volgt Jutta Leerdam" in followed.text
        assert 'aria-pressed="true"' in followed.text
        assert followed.headers["cache-control"] == "private, no-store"
        assert "<html" not in followed.text
        unfollowed = someone.client.post("/ontvolgen", data=subject, headers=htmx)
        assert 'action="/volgen"' in unfollowed.text
        assert "Volg Jutta Leerdam" in unfollowed.text


def test_following_without_signing_in_asks_to_sign_in(site: Site) -> None:
    subject = {"kind": "skater", "value": str(site.leerdam_id), "next": "/schaatsers/x"}
    plain = httpx.post(f"{site.url}/volgen", data=subject)
    assert plain.status_code == 303
    assert plain.headers["location"] == "/account/inloggen?next=%2Fschaatsers%2Fx"
    htmx = httpx.post(f"{site.url}/volgen", data=subject, headers={"HX-Request": "true"})
    assert htmx.status_code == 401
    assert htmx.headers["hx-redirect"].startswith("/account/inloggen?next=")


def test_following_what_does_not_exist_is_refused(site: Site) -> None:
    with reader(site) as someone:
        assert someone.post("/volgen", {"kind": "skater", "value": "999999"}).status_code == 400
        assert someone.post("/volgen", {"kind": "country", "value": "XYZ"}).status_code == 400
        assert someone.post("/volgen", {"kind": "weather", "value": "1"}).status_code == 400


# -- the personal feed ------------------------------------------------------------------------


def test_my_feed_lists_what_involves_a_followed_skater_and_says_why(site: Site) -> None:
    with reader(site) as someone:
        empty = someone.client.get("/mijn").text
        assert REPORT_TITLE not in empty
        someone.post("/volgen", {"kind": "skater", "value": str(site.leerdam_id)})
        page = someone.client.get("/mijn").text
        assert REPORT_TITLE in page
        assert "omdat je Jutta Leerdam volgt" in page
        # Named in the text of an article without facts: not about her, so not listed.
        assert CHATTER_TITLE not in page
        english = someone.client.get("/mijn?lang=en").text
        assert "because you follow Jutta Leerdam" in english


def test_my_pages_need_a_session(site: Site) -> None:
    for path in ("/mijn", "/mijn/instellingen", "/mijn/tokens"):
        answer = httpx.get(site.url + path)
        assert answer.status_code == 303
        assert answer.headers["location"].startswith("/account/inloggen?next=")


# -- settings ---------------------------------------------------------------------------------


def test_settings_save_preferences_and_refuse_bad_ones(site: Site) -> None:
    with reader(site) as someone:
        saved = someone.post(
            "/mijn/instellingen/voorkeuren",
            {
                "language": "en",
                "timezone": "Europe/Amsterdam",
                "quiet_start": "22:00",
                "quiet_end": "7:00",
                "spoiler_mode": "hold",
                "spoiler_release": "21:30",
            },
        )
        assert saved.status_code == 303
        page = someone.client.get("/mijn/instellingen").text
        assert 'value="07:00"' in page and 'value="21:30"' in page
        assert 'value="hold" checked' in page
        half = someone.post(
            "/mijn/instellingen/voorkeuren", {"quiet_start": "22:00", "quiet_end": ""}
        )
        assert half.status_code == 400
        assert "Quiet hours need both a start and an end, or neither." in half.text  # English now


def test_settings_channels_webhook_email_and_events(site: Site) -> None:
    with reader(site) as someone:
        page = someone.client.get("/mijn/instellingen").text
        assert "Open pagina's (live)" in page  # the stream channel made at registration
        assert 'data-push-subscribe data-endpoint="/mijn/instellingen/push"' in page
        added = someone.post(
            "/mijn/instellingen/kanalen",
            {"kind": "webhook", "target": "http://127.0.0.1:9/hook", "events": "record.set"},
        )
        assert added.status_code == 200
        secret = re.search(r'<p class="secret">(whsec_[^<]+)</p>', added.text)
        assert secret is not None
        assert secret.group(1) not in someone.client.get("/mijn/instellingen").text
        refused = someone.post(
            "/mijn/instellingen/kanalen", {"kind": "webhook", "target": "ftp://example.org/"}
        )
        assert refused.status_code == 400
        assert "Daar kunnen geen meldingen heen" in refused.text
        assert (
            someone.post(
                "/mijn/instellingen/kanalen", {"kind": "email", "target": someone.email}
            ).status_code
            == 303
        )


def test_a_push_subscription_is_stored_as_a_channel(site: Site) -> None:
    with reader(site) as someone:
        subscription = {
            "endpoint": "http://127.0.0.1:9/push/abc",
            "keys": {"p256dh": "B" + "A" * 86, "auth": "A" * 22},
        }
        without = someone.client.post("/mijn/instellingen/push", json=subscription)
        assert without.status_code == 403
        headers = {"X-CSRF-Token": someone.csrf()}
        saved = someone.client.post("/mijn/instellingen/push", json=subscription, headers=headers)
        assert saved.status_code == 201, saved.text
        again = someone.client.post("/mijn/instellingen/push", json=subscription, headers=headers)
        assert again.json()["id"] == saved.json()["id"]
        bad = {**subscription, "keys": {"p256dh": "kort", "auth": "A" * 22}}
        assert (
            someone.client.post("/mijn/instellingen/push", json=bad, headers=headers).status_code
            == 400
        )


# -- personal tokens and the private Atom feed ------------------------------------------------


def test_the_private_atom_feed_opens_with_a_personal_token_only(site: Site) -> None:
    with reader(site) as someone:
        someone.post("/volgen", {"kind": "skater", "value": str(site.leerdam_id)})
        token = someone.personal_token(scope="feed")
        feed = httpx.get(f"{site.url}/mijn/atom", params={"token": token})
        assert feed.status_code == 200
        assert feed.headers["content-type"].startswith("application/atom+xml")
        assert feed.headers["cache-control"].startswith("private")
        parsed = feedparser.parse(feed.content)
        assert not parsed.bozo, parsed.bozo_exception
        assert [e.title for e in parsed.entries] == [REPORT_TITLE]
        assert "omdat je Jutta Leerdam volgt" in parsed.entries[0].summary
        for wrong in ("srp_" + "x" * 43, "", token[:-1]):
            assert httpx.get(f"{site.url}/mijn/atom", params={"token": wrong}).status_code == 401


def test_a_revoked_token_opens_nothing(site: Site) -> None:
    with reader(site) as someone:
        token = someone.personal_token("weg", scope="feed")
        page = someone.client.get("/mijn/tokens").text
        found = re.search(r'action="/mijn/tokens/(\d+)/intrekken"', page)
        assert found is not None
        assert someone.post(f"/mijn/tokens/{found.group(1)}/intrekken", {}).status_code == 303
        assert httpx.get(f"{site.url}/mijn/atom", params={"token": token}).status_code == 401
        assert "ingetrokken" in someone.client.get("/mijn/tokens").text


def test_one_reader_cannot_revoke_anothers_token(site: Site) -> None:
    with reader(site) as owner, reader(site) as other:
        token = owner.personal_token(scope="feed")
        page = owner.client.get("/mijn/tokens").text
        found = re.search(r'action="/mijn/tokens/(\d+)/intrekken"', page)
        assert found is not None
        assert other.post(f"/mijn/tokens/{found.group(1)}/intrekken", {}).status_code == 404
        assert httpx.get(f"{site.url}/mijn/atom", params={"token": token}).status_code == 200


# -- the public page cache --------------------------------------------------------------------


def test_the_page_cache_never_hands_one_readers_page_to_another(site: Site) -> None:
    path = f"/schaatsers/{site.leerdam_slug}"
    first = httpx.get(site.url + path)
    assert "Mijn Schaatsradar" not in first.text
    with reader(site) as someone:
        mine = someone.client.get(path)
        assert "Mijn Schaatsradar" in mine.text
        assert someone.csrf() in mine.text
        assert mine.headers["cache-control"] == "private, no-store"
    again = httpx.get(site.url + path)
    assert "Mijn Schaatsradar" not in again.text
    assert 'name="csrf-token"' not in again.text
    assert again.text == first.text


def test_competition_and_calendar_pages_have_follow_buttons(site: Site) -> None:
    with reader(site) as someone:
        meet = someone.client.get(f"/wedstrijden/{site.inzell_meet}").text
        assert 'name="kind" value="competition"' in meet
        calendar = someone.client.get("/kalender?afstand=1000m").text
        assert 'name="kind" value="distance"' in calendar
        assert 'name="value" value="1000m"' in calendar
        assert "Volg 1.000\N{NO-BREAK SPACE}m" in calendar
        assert 'name="kind" value="distance"' not in someone.client.get("/kalender").text
        back = someone.post(
            "/volgen", {"kind": "distance", "value": "1000m", "next": "/kalender?afstand=1000m"}
        )
        assert back.headers["location"] == "/kalender?afstand=1000m"
        assert (
            "Je volgt 1.000\N{NO-BREAK SPACE}m"
            in someone.client.get("/kalender?afstand=1000m").text
        )


def test_an_article_offers_to_follow_the_skaters_its_facts_name(site: Site) -> None:
    found = httpx.get(f"{site.url}/api/v1/articles?athlete={site.leerdam_slug}").json()
    article = f"/artikel/{found['items'][0]['id']}"
    assert 'name="kind" value="skater"' not in httpx.get(site.url + article).text
    with reader(site) as someone:
        page = someone.client.get(article).text
        assert 'name="value" value="' + str(site.leerdam_id) + '"' in page
        assert "Volg Jutta Leerdam" in page
