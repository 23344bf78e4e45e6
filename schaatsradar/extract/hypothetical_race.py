"""A distance named in a clause about what could or would have been moves no story.

Why: "Op de 1500 meter had ze kunnen winnen. Marijke Groenewoud werd tweede." The first
sentence names a race only to say what did not happen; carried on, its distance gave the
next sentence's place to the 1500 meter (issue 11, precision). Nor can the race the story was
in before be trusted for what follows: the writer has turned to another race without telling
it. So after such a sentence the story is in no race until a distance is named again (a place
that names none is dropped, not guessed).
"""

from __future__ import annotations

from schaatsradar.extract.context import Context
from schaatsradar.extract.hypothetical_clause import (
    HYPOTHETICAL,
    clause_around,
    in_unheld_meet_clause,
)
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.sentences import Sentence

__all__ = ["hypothetical_meet", "hypothetical_race"]


def hypothetical_race(
    text: str, sentence: Sentence, mentions: Mentions, context: Context
) -> Context:
    """The context with no race when every distance the sentence names stands in a clause
    about what could or would have been."""
    distances = inside(mentions.distances, sentence)
    if not distances or context.distance is None:
        return context
    for distance in distances:
        start, end = clause_around(text, sentence, distance.start, distance.end)
        if not HYPOTHETICAL.search(text, start, end):
            return context
    cleared = context.copy()
    cleared.distance = None
    return cleared


def hypothetical_meet(
    text: str, sentence: Sentence, mentions: Mentions, before: Context, after: Context
) -> Context:
    """ "Die tijd zou goed zijn geweest voor zilver op het WK", "om zich voor te bereiden op de
    Spelen": a meet named only in a clause about what would have been or is still ahead is not
    the meet of the story (nor, early in a report that has
    not named its own, the report's meet). The context keeps the meet it had before."""
    if after.competition == before.competition:
        return after
    meets = [m for m in inside(mentions.context, sentence) if m.kind == "competition"]
    if not meets:
        return after
    for meet in meets:
        if not in_unheld_meet_clause(text, sentence, meet.start, meet.end):
            return after
    kept = after.copy()
    kept.competition = before.competition
    kept.format_guessed = before.format_guessed
    return kept
