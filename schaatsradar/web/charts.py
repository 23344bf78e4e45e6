"""Progression charts drawn on the server as SVG: a skater's times on one distance over the
dates they were skated. No script and no inline style (the CSP forbids both): shapes carry
classes the stylesheet colours, and every point is a real `<circle>` whose data attributes
say what it shows, so a browser test, or a reader's tooltip, can see each one.

Faster is higher: the time axis runs from the slowest time at the bottom to the fastest at
the top, so an improving skater's line climbs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 16, 40
Y_TICKS = 4


@dataclass(frozen=True)
class ChartPoint:
    day: dt.date
    seconds: float
    label: str  # what the point's tooltip says: meet and time


@dataclass(frozen=True)
class Chart:
    distance: str
    element_id: str  # the heading the template gives the chart is `{element_id}-title`
    points: tuple[ChartPoint, ...]
    svg: Markup


def chart_id(distance: str) -> str:
    return "chart-" + re.sub(r"[^a-z0-9]+", "-", distance.casefold()).strip("-")


def progression_chart(
    distance: str,
    points: Sequence[ChartPoint],
    *,
    time_label: Callable[[float], str],
    day_label: Callable[[dt.date], str],
) -> Chart:
    ordered = tuple(sorted(points, key=lambda p: (p.day, p.seconds)))
    element_id = chart_id(distance)
    scale = _Scale(ordered)
    parts = [
        f'<svg class="chart" id="{element_id}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{element_id}-title" data-distance="{escape(distance)}" '
        f'data-points="{len(ordered)}">',
        *_time_axis(scale, time_label),
        *_day_axis(scale, day_label),
    ]
    if len(ordered) > 1:
        line = " ".join(f"{scale.x(p.day):.1f},{scale.y(p.seconds):.1f}" for p in ordered)
        parts.append(f'<polyline class="chart-line" points="{line}"/>')
    parts += [_circle(scale, point, time_label) for point in ordered]
    parts.append("</svg>")
    return Chart(distance, element_id, ordered, Markup("".join(parts)))


class _Scale:
    """Dates to x, seconds to y (faster higher), with some room around lone values."""

    def __init__(self, points: Sequence[ChartPoint]) -> None:
        days = [p.day.toordinal() for p in points] or [dt.date.today().toordinal()]
        times = [p.seconds for p in points] or [0.0]
        self.first, self.last = min(days), max(days)
        if self.first == self.last:
            self.first, self.last = self.first - 30, self.last + 30
        spread = max(times) - min(times)
        room = spread * 0.1 if spread else max(0.5, min(times) * 0.01)
        self.fastest, self.slowest = min(times) - room, max(times) + room

    def x(self, day: dt.date) -> float:
        share = (day.toordinal() - self.first) / (self.last - self.first)
        return LEFT + share * (WIDTH - LEFT - RIGHT)

    def y(self, seconds: float) -> float:
        share = (seconds - self.fastest) / (self.slowest - self.fastest)
        return TOP + share * (HEIGHT - TOP - BOTTOM)

    def day_at(self, share: float) -> dt.date:
        return dt.date.fromordinal(round(self.first + share * (self.last - self.first)))


def _time_axis(scale: _Scale, time_label: Callable[[float], str]) -> list[str]:
    parts = ['<g class="chart-axis chart-axis-time">']
    for step in range(Y_TICKS):
        seconds = scale.fastest + step * (scale.slowest - scale.fastest) / (Y_TICKS - 1)
        y = scale.y(seconds)
        parts.append(
            f'<line class="chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(time_label(seconds))}</text>"
        )
    parts.append("</g>")
    return parts


def _day_axis(scale: _Scale, day_label: Callable[[dt.date], str]) -> list[str]:
    bottom = HEIGHT - BOTTOM
    parts = [
        '<g class="chart-axis chart-axis-day">',
        f'<line class="chart-baseline" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
        f'y1="{bottom}" y2="{bottom}"/>',
    ]
    for share, anchor in ((0.0, "start"), (0.5, "middle"), (1.0, "end")):
        day = scale.day_at(share)
        parts.append(
            f'<text x="{scale.x(day):.1f}" y="{bottom + 24}" text-anchor="{anchor}">'
            f"{escape(day_label(day))}</text>"
        )
    parts.append("</g>")
    return parts


def _circle(scale: _Scale, point: ChartPoint, time_label: Callable[[float], str]) -> str:
    return (
        f'<circle class="chart-point" cx="{scale.x(point.day):.1f}" '
        f'cy="{scale.y(point.seconds):.1f}" r="6" data-date="{point.day.isoformat()}" '
        f'data-seconds="{point.seconds:.2f}" data-time="{escape(time_label(point.seconds))}">'
        f"<title>{escape(point.label)}</title></circle>"
    )
