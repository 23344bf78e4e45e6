"""The pure parts of accounts: password hashes, tokens, and what input is acceptable."""

from __future__ import annotations

import pytest

from schaatsradar.accounts import errors, passwords, tokens, validation
from schaatsradar.accounts.errors import AccountError
from schaatsradar.alerts.kinds import ALL_EVENTS


def test_a_password_hash_is_argon2id_and_verifies_only_its_password():
    stored = passwords.hash_password("schaatsen-op-natuurijs")
    assert stored.startswith("$argon2id$")
    assert passwords.verify_password(stored, "schaatsen-op-natuurijs")
    assert not passwords.verify_password(stored, "schaatsen-op-kunstijs")
    assert not passwords.verify_password("not a hash", "schaatsen-op-natuurijs")
    assert not passwords.needs_rehash(stored)


def test_a_hash_made_with_weaker_parameters_needs_rehashing():
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("wachtwoord123")
    assert passwords.verify_password(weak, "wachtwoord123")
    assert passwords.needs_rehash(weak)


def test_tokens_are_random_prefixed_and_stored_as_sha256():
    personal = tokens.new_personal_token()
    assert personal.startswith("srp_") and len(personal) > 40
    assert personal != tokens.new_personal_token()
    assert len(tokens.digest(personal)) == 64 and tokens.digest(personal) != personal
    assert tokens.same("abc", "abc") and not tokens.same("abc", "abd")


@pytest.mark.parametrize(
    ("text", "stored"),
    [("Lezer@Example.ORG", "lezer@example.org"), ("  a.b+c@schaats.nl ", "a.b+c@schaats.nl")],
)
def test_email_addresses_are_trimmed_and_lower_cased(text: str, stored: str):
    assert validation.email(text) == stored


@pytest.mark.parametrize(
    "text", ["", "geen-apenstaart", "a@b", "a b@c.nl", "a@@c.nl", "x" * 250 + "@a.nl"]
)
def test_bad_email_addresses_say_what_is_wanted(text: str):
    with pytest.raises(AccountError) as caught:
        validation.email(text)
    assert caught.value.code == errors.EMAIL_INVALID
    assert caught.value.field == "email"
    assert "name@example.org" in caught.value.message


def test_passwords_need_a_length_and_may_not_be_the_address():
    validation.password("acht tekens", "a@b.nl")
    for text, code in (
        ("kort", errors.PASSWORD_TOO_SHORT),
        ("x" * 1001, errors.PASSWORD_TOO_LONG),
        ("lezer@example.org", errors.PASSWORD_IS_EMAIL),
    ):
        with pytest.raises(AccountError) as caught:
            validation.password(text, "lezer@example.org")
        assert caught.value.code == code


def test_clock_times_and_quiet_hours():
    assert validation.clock_time("7:05", "quiet_start") == "07:05"
    assert validation.clock_time("", "quiet_start") is None
    for bad in ("24:00", "7", "07:60", "zeven uur"):
        with pytest.raises(AccountError):
            validation.clock_time(bad, "quiet_start")
    assert validation.quiet_hours("22:00", "07:00") == ("22:00", "07:00")
    assert validation.quiet_hours(None, "") == (None, None)
    with pytest.raises(AccountError) as caught:
        validation.quiet_hours("22:00", None)
    assert caught.value.code == errors.QUIET_HOURS_HALF


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("skater", "0012", ("skater", "12")),
        ("country", "ned", ("country", "NED")),
        ("distance", "500", ("distance", "500m")),
        ("distance", "1000 m", ("distance", "1000m")),
        ("distance", "Team  Pursuit", ("distance", "team pursuit")),
        ("competition", "9", ("competition", "9")),
    ],
)
def test_follow_subjects_take_the_form_facts_are_stored_in(kind, value, expected):
    assert validation.follow_subject(kind, value) == expected


@pytest.mark.parametrize(
    ("kind", "value"),
    [("skater", "Leerdam"), ("country", "Nederland"), ("distance", "42m"), ("weather", "sunny")],
)
def test_unknown_follow_subjects_are_refused(kind, value):
    with pytest.raises(AccountError) as caught:
        validation.follow_subject(kind, value)
    assert caught.value.code == errors.BAD_FOLLOW


def test_event_masks_and_push_keys():
    assert validation.event_mask(["article.published", "record.set"]) == 5
    assert (
        validation.event_mask(
            ["article.published", "result.recorded", "record.set", "race.upcoming"]
        )
        == ALL_EVENTS
    )
    with pytest.raises(AccountError) as caught:
        validation.event_mask(["weather.changed"])
    assert "weather.changed" in caught.value.message
    keys = {"p256dh": "B" + "A" * 86, "auth": "A" * 22}
    assert validation.push_keys(keys) == keys
    with pytest.raises(AccountError):
        validation.push_keys({"p256dh": "kort", "auth": "A" * 22})


def test_spoiler_mode_language_and_timezone():
    assert validation.spoiler_mode("hold") == "hold"
    assert validation.timezone("America/Edmonton") == "America/Edmonton"
    for check, bad in (
        (validation.spoiler_mode, "soms"),
        (validation.language, "de"),
        (validation.timezone, "Mars/Olympus"),
        (validation.timezone, "../../etc/passwd"),
        (validation.timezone, "America"),
        (validation.timezone, "x" * 300),
    ):
        with pytest.raises(AccountError):
            check(bad)
