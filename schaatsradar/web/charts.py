"""Progression charts drawn on the server as SVG: a skater's times on one distance over the
dates they were skated. No script and no inline style (the CSP forbids both): shapes carry
classes the stylesheet colours, and every point is a real `<circle>` whose data attributes
say what it shows, so a browser test, or a reader's tooltip, can see each one.

Faster is higher: the time axis runs from the slowest time at the bottom to the fastest at
the top, so an improving skater's line climbs. A dashed step line follows the best time so
far (the personal best as it was on each day), and the fastest point is marked and labelled.

Drawn for a phone first: 400 units wide, so text of 13 units is still 11.6 px on a 390 px
screen (the chart fills the column there) and the stylesheet caps the width on desktops.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 400, 230
LEFT, RIGHT, TOP, BOTTOM = 64, 14, 22, 34
Y_TICKS = 4
_BEST = ' data-best="true"'


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
        parts.append(_best_so_far(scale, ordered))
    best = min(ordered, key=lambda p: (p.seconds, p.day)) if ordered else None
    parts += [_circle(scale, point, time_label, point is best) for point in ordered]
    if best is not None:
        parts.append(_best_label(scale, best, time_label))
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
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
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
            f'<text x="{scale.x(day):.1f}" y="{bottom + 22}" text-anchor="{anchor}">'
            f"{escape(day_label(day))}</text>"
        )
    parts.append("</g>")
    return parts


def _best_so_far(scale: _Scale, ordered: Sequence[ChartPoint]) -> str:
    """The personal best as it stood on each day: a step down at every improvement."""
    steps: list[str] = []
    best = ordered[0].seconds
    for point in ordered:
        x = scale.x(point.day)
        if point.seconds < best:
            steps.append(f"{x:.1f},{scale.y(best):.1f}")
            best = point.seconds
        steps.append(f"{x:.1f},{scale.y(best):.1f}")
    return f'<polyline class="chart-best" points="{" ".join(steps)}"/>'


def _circle(
    scale: _Scale, point: ChartPoint, time_label: Callable[[float], str], best: bool = False
) -> str:
    return (
        f'<circle class="chart-point" cx="{scale.x(point.day):.1f}" '
        f'cy="{scale.y(point.seconds):.1f}" r="{6 if best else 5}" '
        f'data-date="{point.day.isoformat()}" data-seconds="{point.seconds:.2f}" '
        f'data-time="{escape(time_label(point.seconds))}"{_BEST if best else ""}>'
        f"<title>{escape(point.label)}</title></circle>"
    )


def _best_label(scale: _Scale, point: ChartPoint, time_label: Callable[[float], str]) -> str:
    """The fastest time written beside its point, on the side with room."""
    x, y = scale.x(point.day), scale.y(point.seconds)
    anchor, dx = ("end", -10) if x > (LEFT + WIDTH - RIGHT) / 2 else ("start", 10)
    return (
        f'<text class="chart-best-label" x="{x + dx:.1f}" y="{max(y - 8, 14):.1f}" '
        f'text-anchor="{anchor}">{escape(time_label(point.seconds))}</text>'
    )
