"""Accounts a reader can trust (issue 14), over real HTTP with the site's mail going to a real
SMTP server (aiosmtpd): e-mail channels confirmed by a mailed link before any alert goes there
(one recipient each, a limited number per reader), sign-in limits with a Dutch 429 and
Retry-After, a bounded number of password hashes at once, feed tokens that open no API,
password change and reset, and deleting an account with everything of it."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from schaatsradar.accounts import passwords
from schaatsradar.alerts.kinds import EVENT_BITS
from schaatsradar.alerts.worker import Worker
from schaatsradar.store import Store
from schaatsradar.store import events as stored_events
from schaatsradar.store.models import (
    AccountAttempt,
    Channel,
    Delivery,
    Follow,
    PersonalToken,
    User,
    UserSession,
)
from tests.web.accounts_site import PASSWORD, Reader, Site, account_site, reader


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with account_site(
        tmp_path_factory.mktemp("trust"),
        max_channels_per_reader=3,
        sign_in_failures_per_account=3,
        sign_in_failures_per_client=6,
        max_concurrent_password_hashes=2,
    ) as served:
        yield served


def _event(site: Site, key: str) -> None:
    """A result about Jutta Leerdam, fanned out to whoever follows her (what ingest does)."""
    subject = [("skater", str(site.leerdam_id))]
    store = Store(site.settings.database_url)
    try:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with store.write() as conn:
            event_id = stored_events.record_event(conn, "result.recorded", key, {}, subject, now)
            assert event_id is not None
            stored_events.fan_out(conn, event_id, EVENT_BITS["result.recorded"], subject, now)
        asyncio.run(Worker(store, site.settings).run(once=True))
    finally:
        store.close()


def _mail_count(site: Site, address: str) -> int:
    return len(site.mail_to(address))


def _new_address() -> str:
    return f"ontvanger-{time.monotonic_ns()}@example.org"


# -- e-mail channels --------------------------------------------------------------------------


def test_an_email_channel_gets_alerts_only_after_its_address_followed_the_mailed_link(
    site: Site,
) -> None:
    address = _new_address()
    with reader(site) as someone:
        assert (
            someone.post("/volgen", {"kind": "skater", "value": str(site.leerdam_id)}).status_code
            == 303
        )
        added = someone.post(
            "/mijn/instellingen/kanalen",
            {"kind": "email", "target": address, "events": "result.recorded"},
        )
        assert added.status_code == 200
        assert f"We hebben een bevestigingslink gestuurd naar {address}" in added.text
        assert "Nog niet bevestigd" in added.text
        [asking] = site.mail_to(address)
        assert "Bevestig je e-mailadres" in asking["Subject"]

        _event(site, f"result:before-{address}")
        assert _mail_count(site, address) == 1  # the confirmation request only: no alert

        link_page = someone.client.get(site.link_in_last_mail_to(address))
        assert link_page.headers["cache-control"] == "private, no-store"
        confirmed = someone.follow_link(site.link_in_last_mail_to(address))
        assert confirmed.status_code == 200
        assert f"Bevestigd: meldingen mogen nu naar {address}." in confirmed.text
        assert "Nog niet bevestigd" not in someone.client.get("/mijn/instellingen").text

        _event(site, f"result:after-{address}")
        [_, alert] = site.mail_to(address)
        assert "Bevestig" not in alert["Subject"]
        # A forged link confirms nothing.
        forged = someone.client.post(
            "/account/adres-bevestigen", data={"t": "abc.def"}, headers={"Origin": site.url}
        )
        assert "werkt niet" in forged.text


def test_an_email_channel_is_one_recipient(site: Site) -> None:
    with reader(site) as someone:
        token = someone.personal_token()
        for target in (
            "root,postmaster,victim@example.com",
            "a@example.org, b@example.org",
            "victim%other@example.org",
            '"a,b"@example.org',
            "a@example.org\r\nBcc: b@example.org",
        ):
            page = someone.post("/mijn/instellingen/kanalen", {"kind": "email", "target": target})
            assert page.status_code == 400, target
            assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in page.text
            api = httpx.post(
                f"{site.url}/api/v1/me/channels",
                json={"kind": "email", "target": target},
                headers={"Authorization": f"Bearer {token}"},
            )
            assert api.status_code == 422, target
        assert "victim@example.com" not in str(site.mailbox.messages)


def test_an_email_channel_made_through_the_api_is_confirmed_by_mail_too(site: Site) -> None:
    address = _new_address()
    with reader(site) as someone:
        headers = {"Authorization": f"Bearer {someone.personal_token()}"}
        made = httpx.post(
            f"{site.url}/api/v1/me/channels",
            json={"kind": "email", "target": address},
            headers=headers,
        )
        assert made.status_code == 201
        assert made.json()["confirmed"] is False
        someone.follow_link(site.link_in_last_mail_to(address))
        listed = httpx.get(f"{site.url}/api/v1/me/channels", headers=headers).json()["items"]
        assert [c["confirmed"] for c in listed if c["target"] == address] == [True]


def test_a_reader_has_a_limited_number_of_channels_and_no_address_twice(site: Site) -> None:
    address = _new_address()
    with reader(site) as someone:  # the live channel of open pages is the first of three
        first = someone.post("/mijn/instellingen/kanalen", {"kind": "email", "target": address})
        assert first.status_code == 200
        again = someone.post("/mijn/instellingen/kanalen", {"kind": "email", "target": address})
        assert again.status_code == 400
        assert "Dit kanaal heb je al." in again.text
        second = someone.post(
            "/mijn/instellingen/kanalen", {"kind": "email", "target": "2" + address}
        )
        assert second.status_code == 200
        third = someone.post(
            "/mijn/instellingen/kanalen", {"kind": "email", "target": "3" + address}
        )
        assert third.status_code == 400
        assert "Je hebt het maximale aantal kanalen (3)" in third.text
        assert _mail_count(site, address) == 1  # asking again sent no second mail
        assert _mail_count(site, "3" + address) == 0


# -- signing in -------------------------------------------------------------------------------


def test_failed_sign_ins_to_one_address_pause_it_with_a_dutch_429(site: Site) -> None:
    with reader(site) as owner:
        guesser = Reader(site, owner.email)
        try:
            for _ in range(3):
                assert guesser.sign_in(password="fout-wachtwoord").status_code == 400
            paused = guesser.sign_in()  # even the right password waits now
            assert paused.status_code == 429
            assert 1 <= int(paused.headers["retry-after"]) <= 900
            assert "Te veel mislukte pogingen om in te loggen" in paused.text
            assert "Probeer het over 15 minuten opnieuw" in paused.text
            assert "sr_session" not in paused.headers.get("set-cookie", "")
            english = guesser.client.post(
                "/account/inloggen?lang=en",
                data={"email": owner.email, "password": PASSWORD},
                headers={"Origin": site.url},
            )
            assert english.status_code == 429
            assert "Too many failed attempts to sign in. Try again in 15 minutes" in english.text
        finally:
            guesser.close()


def test_failed_sign_ins_from_one_client_pause_that_client(tmp_path: Path) -> None:
    with account_site(tmp_path, sign_in_failures_per_client=4) as fresh:
        answers = []
        for number in range(5):
            guesser = Reader(fresh, f"onbekend{number}@example.org")
            answers.append(guesser.sign_in(password="fout-wachtwoord"))
            guesser.close()
        assert [a.status_code for a in answers] == [400, 400, 400, 400, 429]
        assert "retry-after" in answers[-1].headers
        # The failures are rows in the database: every process of the site sees them.
        store = Store(fresh.settings.database_url)
        try:
            with store.read() as conn:
                keys = set(conn.execute(select(AccountAttempt.key)).scalars())
        finally:
            store.close()
        assert "client:127.0.0.1" in keys


def test_concurrent_sign_ins_never_hash_more_than_the_bound_at_once(site: Site) -> None:
    with reader(site) as owner:
        passwords.GATE.peak = 0
        answers: list[int] = []

        def sign_in() -> None:
            with httpx.Client(base_url=site.url, timeout=60) as client:
                answer = client.post(
                    "/account/inloggen",
                    data={"email": owner.email, "password": PASSWORD},
                    headers={"Origin": site.url},
                )
                answers.append(answer.status_code)

        threads = [threading.Thread(target=sign_in) for _ in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert answers == [303] * 12
        assert passwords.GATE.size == 2
        assert passwords.GATE.peak == 2  # they did overlap, and never beyond the bound


# -- feed tokens ------------------------------------------------------------------------------


def test_a_feed_token_reads_the_private_feed_and_opens_no_api(site: Site) -> None:
    with reader(site) as someone:
        feed_token = someone.personal_token("feedlezer", scope="feed")
        api_token = someone.personal_token("script", scope="api")
        page = someone.client.get("/mijn/tokens").text
        assert "feedsleutel" in page and "API-sleutel" in page

        assert httpx.get(f"{site.url}/mijn/atom", params={"token": feed_token}).status_code == 200
        as_feed = {"Authorization": f"Bearer {feed_token}"}
        api = f"{site.url}/api/v1"
        assert httpx.get(f"{api}/me", headers=as_feed).status_code == 401
        follow = {"kind": "skater", "value": str(site.leerdam_id)}
        assert httpx.post(f"{api}/me/follows", json=follow, headers=as_feed).status_code == 401
        hook = {"kind": "webhook", "target": "http://127.0.0.1:9/x"}
        assert httpx.post(f"{api}/me/channels", json=hook, headers=as_feed).status_code == 401
        assert httpx.get(f"{api}/stream", headers=as_feed).status_code == 401

        as_api = {"Authorization": f"Bearer {api_token}"}
        assert httpx.post(f"{api}/me/follows", json=follow, headers=as_api).status_code == 201
        assert httpx.get(f"{api}/me", headers=as_api).json()["email"] == someone.email
        # An API token is no feed address (it would end up in feed readers and logs).
        assert httpx.get(f"{site.url}/mijn/atom", params={"token": api_token}).status_code == 401


# -- password change and reset ----------------------------------------------------------------


def test_changing_the_password_needs_the_current_one_and_signs_out_elsewhere(site: Site) -> None:
    with reader(site) as here:
        elsewhere = Reader(site, here.email)
        try:
            assert elsewhere.sign_in().status_code == 303
            wrong = here.post(
                "/mijn/instellingen/wachtwoord",
                {"current_password": "niet-het-wachtwoord", "new_password": "nieuw-wachtwoord-1"},
            )
            assert wrong.status_code == 400
            assert "Je huidige wachtwoord klopt niet." in wrong.text
            changed = here.post(
                "/mijn/instellingen/wachtwoord",
                {"current_password": PASSWORD, "new_password": "nieuw-wachtwoord-1"},
            )
            assert changed.status_code == 303
            assert here.client.get("/mijn").status_code == 200
            assert elsewhere.client.get("/mijn").status_code == 303  # signed out there
            assert elsewhere.sign_in().status_code == 400
            assert elsewhere.sign_in(password="nieuw-wachtwoord-1").status_code == 303
        finally:
            elsewhere.close()


def test_a_password_reset_link_is_mailed_works_once_and_signs_out_everywhere(site: Site) -> None:
    with reader(site) as owner, reader(site, register=False) as helpless:
        helpless.email = owner.email
        asked = helpless.client.post(
            "/account/wachtwoord-vergeten",
            data={"email": owner.email},
            headers={"Origin": site.url},
        )
        nobody = helpless.client.post(
            "/account/wachtwoord-vergeten",
            data={"email": "niemand@example.org"},
            headers={"Origin": site.url},
        )
        assert asked.status_code == nobody.status_code == 200
        assert asked.text == nobody.text  # the page tells nothing about the address
        assert site.mail_to("niemand@example.org") == []
        link = site.link_in_last_mail_to(owner.email)
        assert "wachtwoord" in site.mail_to(owner.email)[-1]["Subject"]

        done = helpless.follow_link(link, password="hersteld-wachtwoord")
        assert done.status_code == 303
        assert helpless.client.get("/mijn").status_code == 200
        assert owner.client.get("/mijn").status_code == 303  # the old session ended
        assert owner.sign_in().status_code == 400
        assert owner.sign_in(password="hersteld-wachtwoord").status_code == 303
        again = helpless.client.get(link)
        assert "Deze link werkt niet (meer)." in again.text


def test_asking_again_and_again_floods_no_inbox(site: Site) -> None:
    with reader(site) as owner:
        pages = {
            owner.client.post(
                "/account/wachtwoord-vergeten",
                data={"email": owner.email},
                headers={"Origin": site.url},
            ).text
            for _ in range(8)
        }
        assert len(pages) == 1  # the page never tells that nothing was sent
        assert len(site.mail_to(owner.email)) == site.settings.account_mails_per_address == 5


def test_a_password_reset_link_expires(tmp_path: Path) -> None:
    with account_site(tmp_path, reset_link_minutes=0.02) as fresh, reader(fresh) as owner:
        owner.client.post(
            "/account/wachtwoord-vergeten",
            data={"email": owner.email},
            headers={"Origin": fresh.url},
        )
        link = fresh.link_in_last_mail_to(owner.email)
        assert 'name="t"' in owner.client.get(link).text
        threading.Event().wait(2.5)
        assert "Deze link werkt niet (meer)." in owner.client.get(link).text


# -- deleting an account ----------------------------------------------------------------------


def _rows_of(store: Store, user_id: int) -> dict[str, int]:
    counts = {}
    with store.read() as conn:
        for model in (Follow, Channel, PersonalToken, UserSession, Delivery):
            query = select(func.count()).select_from(model).where(model.user_id == user_id)
            counts[model.__tablename__] = int(conn.execute(query).scalar_one())
        counts["users"] = int(
            conn.execute(
                select(func.count()).select_from(User).where(User.id == user_id)
            ).scalar_one()
        )
    return counts


def _delete_everything_of_a_reader(site: Site) -> None:
    with reader(site) as leaving, reader(site) as staying:
        for someone in (leaving, staying):
            someone.post("/volgen", {"kind": "skater", "value": str(site.leerdam_id)})
            someone.post("/volgen", {"kind": "country", "value": "NED"})
            someone.personal_token("script")
            someone.personal_token("feed", scope="feed")
            someone.post(
                "/mijn/instellingen/kanalen",
                {
                    "kind": "webhook",
                    "target": "http://127.0.0.1:9/hook",
                    "events": "result.recorded",
                },
            )
        store = Store(site.settings.database_url)
        try:
            with store.read() as conn:
                [user_id] = conn.execute(
                    select(User.id).where(User.email == leaving.email)
                ).scalars()
                [other_id] = conn.execute(
                    select(User.id).where(User.email == staying.email)
                ).scalars()
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            subject = [("skater", str(site.leerdam_id))]
            with store.write() as conn:  # alerts still owed to both (no worker runs)
                event_id = stored_events.record_event(
                    conn, "result.recorded", f"result:delete-{user_id}", {}, subject, now
                )
                assert event_id is not None
                stored_events.fan_out(conn, event_id, EVENT_BITS["result.recorded"], subject, now)
            before = _rows_of(store, user_id)
            assert all(before.values()), before
            assert before["deliveries"] >= 2 and before["channels"] == 2

            wrong = leaving.post("/mijn/instellingen/verwijderen", {"password": "fout-wachtwoord"})
            assert wrong.status_code == 400
            assert _rows_of(store, user_id) == before
            gone = leaving.post("/mijn/instellingen/verwijderen", {"password": PASSWORD})
            assert gone.status_code == 200
            assert "Je account en alles wat erin zat zijn verwijderd." in gone.text

            assert set(_rows_of(store, user_id).values()) == {0}
            assert all(_rows_of(store, other_id).values())
        finally:
            store.close()
        assert leaving.client.get("/mijn").status_code == 303
        assert leaving.sign_in().status_code == 400


def test_deleting_an_account_removes_everything_of_it_on_sqlite(site: Site) -> None:
    _delete_everything_of_a_reader(site)


def test_deleting_an_account_removes_everything_of_it_on_postgresql(tmp_path: Path) -> None:
    url = os.environ.get("SCHAATSRADAR_TEST_DATABASE_URL")
    if not url:
        pytest.skip("set SCHAATSRADAR_TEST_DATABASE_URL for PostgreSQL")
    from tests.conftest import _reset_postgres

    _reset_postgres(url)
    with account_site(tmp_path, database_url=url) as on_postgres:
        _delete_everything_of_a_reader(on_postgres)


def test_the_settings_page_has_password_and_delete_forms_in_both_languages(site: Site) -> None:
    with reader(site) as someone:
        dutch = someone.client.get("/mijn/instellingen").text
        english = someone.client.get("/mijn/instellingen?lang=en").text
        assert "Wachtwoord wijzigen" in dutch and "Verwijder mijn account" in dutch
        assert "Change password" in english and "Delete my account" in english
        assert re.search(r'action="/mijn/instellingen/verwijderen"', dutch)
