"""Progression charts: one circle per time, faster higher, later further right."""

from __future__ import annotations

import datetime as dt
import re

from schaatsradar.web.charts import ChartPoint, progression_chart


def chart(points: list[ChartPoint]) -> str:
    return str(
        progression_chart(
            "1000m", points, time_label=lambda s: f"{s:.2f}", day_label=dt.date.isoformat
        ).svg
    )


def circles(svg: str) -> list[dict[str, str]]:
    return [
        dict(re.findall(r'([\w-]+)="([^"]*)"', attrs))
        for attrs in re.findall(r"<circle ([^>]*)>", svg)
    ]


def test_every_time_is_a_circle_placed_by_date_and_speed():
    svg = chart(
        [
            ChartPoint(dt.date(2026, 2, 9), 72.31, "Milan <Olympics>"),
            ChartPoint(dt.date(2026, 1, 23), 72.74, "Inzell"),
            ChartPoint(dt.date(2025, 12, 6), 73.10, "Heerenveen"),
        ]
    )
    drawn = circles(svg)
    assert [c["data-date"] for c in drawn] == ["2025-12-06", "2026-01-23", "2026-02-09"]
    xs = [float(c["cx"]) for c in drawn]
    ys = [float(c["cy"]) for c in drawn]
    assert xs == sorted(xs)
    assert ys == sorted(ys, reverse=True)  # each time faster: each point higher
    assert "<polyline" in svg
    assert "Milan &lt;Olympics&gt;" in svg  # labels are escaped


def test_a_single_time_is_drawn_inside_the_chart():
    [point] = circles(chart([ChartPoint(dt.date(2026, 1, 23), 72.74, "Inzell")]))
    assert 0 < float(point["cx"]) < 400 and 0 < float(point["cy"]) < 230
    assert point["data-time"] == "72.74"


def test_the_best_so_far_steps_down_and_the_fastest_point_is_marked():
    svg = chart(
        [
            ChartPoint(dt.date(2025, 11, 15), 73.40, "Salt Lake City"),
            ChartPoint(dt.date(2025, 12, 6), 73.90, "Heerenveen"),  # slower: the best holds
            ChartPoint(dt.date(2026, 1, 23), 72.74, "Inzell"),
        ]
    )
    best = re.search(r'<polyline class="chart-best" points="([^"]*)"', svg)
    assert best is not None
    ys = [float(pair.split(",")[1]) for pair in best.group(1).split()]
    assert ys == sorted(ys, reverse=True)  # the best only gets faster: it only climbs
    assert len(set(ys)) == 2  # one improvement, one step
    marked = [c for c in circles(svg) if c.get("data-best") == "true"]
    assert [c["data-time"] for c in marked] == ["72.74"]
    assert '<text class="chart-best-label"' in svg and ">72.74</text>" in svg


def test_labels_stay_readable_on_a_phone():
    # The chart fills a 390 px phone's column (358 px); 13-unit text in a 400-unit-wide chart
    # is then 11.6 px, above the 11 px floor (the stylesheet sets 13 on `.chart text`).
    svg = chart([ChartPoint(dt.date(2026, 1, 23), 72.74, "Inzell")])
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))  # type: ignore[union-attr]
    assert 13 * 358 / width >= 11
