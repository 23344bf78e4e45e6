"""A sentence that only tells history leaves the story where it was.

"Bergsma won in 2014 olympisch goud op de 10.000 meter. Zijn ploeggenoot werd zestiende.": the
second sentence is about today's mass start, not the 10,000 m of 2014. A sentence whose results
are all of an earlier edition (dated by `editions.dated_history`) reports that edition's race;
its distance, meet and rink stay with it, as a flashback's rink already does
(`context.carried_after`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.context import Context
from schaatsradar.extract.types import Result


def kept_after_history(results: Sequence[Result], before: Context, after: Context) -> Context:
    """The context for the sentences after one whose every result looks back: the one before
    it for the race (distance, meet, rink, day), the rest as the sentence left it."""
    if not results or not all(r.earlier for r in results):
        return after
    return replace(
        after,
        distance=before.distance,
        competition=before.competition,
        format_guessed=before.format_guessed,
        venue=before.venue,
        day=before.day,
    )
