"""An event, as one reader's alert: in their language, and spoiler-safe when they asked for it
(the alert says that something happened, never how it went, and the outcome is one tap away).

Spoiler-safe covers the webhook JSON too: a reader's own script that posts "Leerdam 1st" to
their phone would spoil just the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from schaatsradar.alerts.message import Alert

KIND_NAMES = {
    "nl": {
        "world": "Wereldrecord",
        "track": "Baanrecord",
        "national": "Nationaal record",
        "olympic": "Olympisch record",
    },
    "en": {
        "world": "World record",
        "track": "Track record",
        "national": "National record",
        "olympic": "Olympic record",
    },
}
OUTCOME_FIELDS = {"rank", "time", "seconds", "title", "outcome"}


def idempotency_key(event_id: int, user_id: int) -> str:
    """The same on every attempt and every channel of one reader: one (user, event), one key."""
    return f"msg_{event_id}_{user_id}"


def is_outcome(kind: str, payload: dict[str, Any]) -> bool:
    """Whether the alert would tell how a race went (what spoiler-safe mode hides or holds)."""
    if kind in ("result.recorded", "record.set"):
        return True
    if kind == "article.published":
        return bool(payload.get("data", {}).get("article", {}).get("outcome"))
    return False


def render(
    event_id: int,
    user_id: int,
    kind: str,
    payload: dict[str, Any],
    occurred_at: dt.datetime,
    language: str,
    spoiler_safe: bool,
    site_url: str = "",
) -> Alert:
    lang = "en" if language == "en" else "nl"
    data = payload.get("data", {})
    hide = spoiler_safe and is_outcome(kind, payload)
    title, body, path = _text(kind, data, lang, hide)
    sent = _redacted(payload) if hide else payload
    if hide:
        sent = {**sent, "spoiler_safe": True}
    return Alert(
        idempotency_key=idempotency_key(event_id, user_id),
        event_kind=kind,
        occurred_at=occurred_at,
        title=title,
        body=body,
        url=f"{site_url}{path}" if path else None,
        payload=sent,
    )


def _text(kind: str, data: dict[str, Any], lang: str, hide: bool) -> tuple[str, str, str | None]:
    nl = lang == "nl"
    skater = data.get("skater") or {}
    who = skater.get("name") or data.get("team") or (data.get("record") or {}).get("holder") or ""
    if kind in ("result.recorded", "record.set") and hide:
        distance = (data.get("race") or data.get("record") or {}).get("distance", "")
        return _raced(who, skater.get("gender"), distance, lang), _tap(lang), _link(data)
    if kind == "result.recorded":
        result = data.get("result") or {}
        race = data.get("race") or {}
        meet = data.get("competition") or {}
        place = _place(result.get("rank"), lang)
        time = race_time(result.get("time"), lang)
        where = meet.get("name") or meet.get("city") or ""
        distance = _distance(race.get("distance", ""), lang)
        title = f"{who}: {place} {'op de' if nl else 'in the'} {distance}".replace("  ", " ")
        body = ", ".join(part for part in (where, time) if part)
        return title, body, _link(data)
    if kind == "record.set":
        record = data.get("record") or {}
        name = KIND_NAMES[lang].get(record.get("kind", ""), record.get("kind", ""))
        time = race_time(record.get("time"), lang)
        title = (
            f"{name} {'voor' if nl else 'for'} {who}: {_distance(record.get('distance', ''), lang)}"
        )
        body = ", ".join(part for part in (time, record.get("venue") or "") if part)
        return title, body, _link(data)
    if kind == "article.published":
        article = data.get("article") or {}
        names = ", ".join(s["name"] for s in data.get("skaters", [])[:3])
        about = f"{'over' if nl else 'about'} {names}" if names else ""
        if hide:
            return (
                f"{'Nieuw artikel' if nl else 'New article'} {about}".strip(),
                _tap(lang),
                article.get("url"),
            )
        title = article.get("title", "")
        return f"{'Nieuws' if nl else 'News'} {about}".strip(), title, article.get("url")
    if kind == "race.upcoming":
        meet = data.get("competition") or {}
        names = ", ".join(s["name"] for s in data.get("skaters", [])[:3])
        title = f"{'Morgen' if nl else 'Tomorrow'}: {meet.get('name', '')}"
        body = f"{'Met' if nl else 'With'} {names}" if names else meet.get("city") or ""
        return title, body, meet.get("url")
    return kind, "", None


def race_time(time: str | None, lang: str) -> str:
    """The contract's "1:12.74" as a Dutch reader writes it ("1.12,74"); English keeps it."""
    if not time:
        return ""
    return time.replace(".", ",").replace(":", ".") if lang == "nl" else time


def _raced(who: str, gender: str | None, distance: str, lang: str) -> str:
    """ "Jutta Leerdam heeft haar 1000 meter gereden" — that it happened, not how."""
    if lang == "en":
        pronoun = {"women": "her", "men": "his"}.get(gender or "", "the")
        return f"{who} has skated {pronoun} {_distance(distance, lang)}"
    pronoun = {"women": "haar", "men": "zijn"}.get(gender or "", "de")
    return f"{who} heeft {pronoun} {_distance(distance, lang)} gereden"


def _tap(lang: str) -> str:
    return "Tik voor de uitslag" if lang == "nl" else "Tap for the result"


def _distance(distance: str, lang: str) -> str:
    """ "1000m" -> "1000 meter" / "1000 metres"; "team pursuit" stays as it is."""
    metres = distance.removesuffix("m")
    if metres.isdigit():
        return f"{metres} {'meter' if lang == 'nl' else 'metres'}"
    return distance


def _place(rank: int | None, lang: str) -> str:
    if rank is None:
        return ""
    if lang == "nl":
        return f"{rank}e"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def _link(data: dict[str, Any]) -> str | None:
    meet = data.get("competition") or {}
    skater = data.get("skater") or {}
    return meet.get("url") or skater.get("url")


def _redacted(value: Any) -> Any:
    """The payload without outcomes: no rank, time or title, and of a record only which
    distance (that there was one is the outcome)."""
    if isinstance(value, dict):
        if "record" in value and isinstance(value["record"], dict):
            record = value["record"]
            value = {**value, "record": {k: record.get(k) for k in ("distance", "gender")}}
        return {k: _redacted(v) for k, v in value.items() if k not in OUTCOME_FIELDS}
    if isinstance(value, list):
        return [_redacted(v) for v in value]
    return value
