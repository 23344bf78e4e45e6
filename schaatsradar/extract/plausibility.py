"""Which times a distance can be skated in.

Why bounds: a number near a distance is often not that distance's time (a lap, an opening, a
time from another race); the bounds reject the impossible ones, and a result time alone often
tells its distance ("Bowe werd met 1.14,55 vierde").
"""

from __future__ import annotations

from schaatsradar.extract.types import DISTANCES, Gender

__all__ = ["distance_for_time", "plausible", "team_field"]

# (low, high) seconds per distance and gender. Low sits a little under the world record, high
# is generous enough for juniors, slow short-track finals and B-groups, but a 500 m in 12 s or
# a 1000 m in 34 s is out. Individual bounds do not overlap more than a second or so, so a
# result time alone usually tells its distance.
_BOUNDS: dict[str, dict[str, tuple[float, float]]] = {
    "500m": {"men": (33.0, 50.0), "women": (35.5, 55.0)},
    "1000m": {"men": (64.5, 95.0), "women": (70.5, 98.0)},
    "1500m": {"men": (99.0, 170.0), "women": (108.0, 175.0)},
    "3000m": {"men": (205.0, 300.0), "women": (225.0, 320.0)},
    "5000m": {"men": (350.0, 480.0), "women": (395.0, 520.0)},
    "10000m": {"men": (740.0, 1020.0), "women": (800.0, 1080.0)},
    "team pursuit": {"men": (208.0, 245.0), "women": (168.0, 215.0)},
    "team sprint": {"men": (75.0, 92.0), "women": (82.0, 97.0)},
    "mass start": {"men": (400.0, 560.0), "women": (430.0, 600.0)},
    # Long-track mixed relay ~2:40-3:30; short track women's 3000 m and men's 5000 m relays.
    "relay": {"mixed": (150.0, 215.0), "women": (150.0, 300.0), "men": (150.0, 450.0)},
}
_INDIVIDUAL = ("500m", "1000m", "1500m", "3000m", "5000m", "10000m")


def plausible(seconds: float, distance: str, gender: Gender | None) -> bool:
    """Could `seconds` be a finishing time over `distance` for `gender` (None: either)?

    Why: a number near a distance is often not that distance's time (a lap, an opening, a time
    from another race); this rejects the impossible ones. Classifications ("allround",
    "sprint") are points, never times, so they are never plausible.
    """
    table = _BOUNDS.get(distance)
    if table is None or seconds != seconds:  # unknown distance, or NaN
        return False
    ranges = [table[gender]] if gender in table else list(table.values())
    return any(lo <= seconds <= hi for lo, hi in ranges)


def distance_for_time(seconds: float) -> str | None:
    """The one individual distance a result time can belong to, for any gender (72.74 ->
    "1000m"), or None when it fits none or more than one.

    Why: "Bowe werd met 1.14,55 vierde" names no distance; the time alone does. Team events are
    not considered (a team sprint in 1:18 reads as a 1000 m time): check the text for them
    first.
    """
    fits = [d for d in _INDIVIDUAL if plausible(seconds, d, None)]
    return fits[0] if len(fits) == 1 else None


# The field a team time tells when the text names none. The bounds above are wide for slow
# teams, so a team sprint's overlap (82-92 s) is split where the fields really part: a men's
# team sprint at a championship ends around 1:17-1:23, a women's around 1:24-1:32.
_TEAM_FIELDS: dict[str, dict[str, tuple[float, float]]] = {
    **{d: _BOUNDS[d] for d in ("team pursuit", "relay")},
    "team sprint": {"men": (75.0, 84.5), "women": (83.5, 97.0)},
}


def team_field(seconds: float, distance: str) -> Gender | None:
    """The one field (men or women) a team time fits, or None when it fits both or neither.

    Why: a team result's field is often carried from an aside ("Bij de mannen pakte Nederland
    brons") into the next paragraph about the women's race; its time says which race it was.
    """
    table = _TEAM_FIELDS.get(distance, {})
    fits: list[Gender] = [
        g for g in ("men", "women") if g in table and table[g][0] <= seconds <= table[g][1]
    ]
    return fits[0] if len(fits) == 1 else None


assert set(_BOUNDS) | {"allround", "sprint"} == set(DISTANCES)
