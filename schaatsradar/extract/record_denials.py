"""Record words that name no record at all: one wanted, one denied, one that would have been,
and the pace or attempt of one.

Why a module of its own: a record word is evidence of a record only when the words around it
do not take it back. Reporters take it back in a few general ways, each found here from the
words right after the record word (the words before it are read by `record_words`, with the
status hints):

- a goal: "wilde het Nederlands record verbeteren", "kan het wereldrecord niet breken";
- a denial in its own clause: "Een baanrecord zat er niet in", "a world record was never on";
- a counterfactual: "wat vorig jaar nog een baanrecord zou zijn geweest", "which would have
  been a track record" (the words before: `COUNTERFACTUAL_BEFORE`), "a national record would
  have needed 36.80";
- a compound that names the pace or the try, not the record: "wereldrecordschema",
  "wereldrecordpoging", "world-record pace", "a world record attempt".
"""

from __future__ import annotations

import re

__all__ = [
    "COUNTERFACTUAL_BEFORE",
    "denied_after",
    "no_record_after",
    "only_a_pace",
]

# After a record word, a bare infinitive: a record wanted, not one set ("wilde het Nederlands
# record verbeteren", "kan het wereldrecord niet breken").
_GOAL_AFTER = re.compile(
    r"(?i)\s(?:(?:niet|nog|ooit|zeker|graag|dit\sjaar)\s)?(?:verbeteren|breken|verbreken|rijden"
    r"|aanvallen|aanscherpen|scherpen|vestigen|neerzetten|uit\sde\sboeken\srijden)"
    r"(?:\s*[.,!?;'\"’”]|\s(?:en|of|maar)\b|$)"
)
# After a record word, the Dutch conditional: "een baanrecord zou zijn geweest", "goed voor
# een wereldrecord zou zijn", "een Nederlands record zouden hebben betekend".
_COUNTERFACTUAL_AFTER = re.compile(
    r"(?i)\s(?:[\w-]+\s){0,2}?(?:zou|zouden)\s(?:[\w-]+\s){0,2}?(?:zijn\sgeweest|geweest"
    r"\s(?:zijn|was)|hebben\s(?:betekend|opgeleverd)|betekend\shebben|zijn(?=\s*[.,;:!?]|$))"
)
# Before a record word, the English conditional: "which would have been a track record",
# "could have meant a world record". (Dutch "zou" before a record is also the narrative "was
# to": "een dag later zou ze het wereldrecord verbeteren"; only the words after decide.)
COUNTERFACTUAL_BEFORE = r"\b(?:would|could|might)(?:\shave)?\s(?:been|be|meant)\s(?:good\sfor\s)?"
# A compound of a record word naming the pace, the schedule or the try for one.
_PACE_WORD = re.compile(r"(?i)(?:schema|tempo|poging|pogingen|jacht|kansen?)$")
_PACE_AFTER = re.compile(
    r"(?i)[\s-](?:pace|attempts?|schedule|bids?|tempo|splits?|chase|hunt|try|tries)\b"
)

# A record denied in its own clause: "Een baanrecord zat er vandaag niet in", "a world
# record was never on the cards".
_DENIED_AFTER = re.compile(
    r"(?i)(?:(?!\b(?:en|and|maar|but|terwijl|while|toen|when)\b)[^,;:.!?]){0,40}?"
    r"\b(?:niet|not|never|nooit)\b(?!\s(?:alleen|only|just|enkel))"
)


# After a record word, the English conditional: "a national record would have needed 36.80",
# "the world record would have required a 3:52".
_EN_COUNTERFACTUAL_AFTER = re.compile(
    r"(?i)\s(?:[\w-]+\s){0,2}?(?:would|could|might)\s(?:have\s)?(?:needed|required|taken"
    r"|demanded|meant|been)\b"
)


def no_record_after(text: str, end: int) -> bool:
    """Does a bare infinitive or a conditional right after a record word make it a record
    wanted or one that would have been?"""
    return (
        _GOAL_AFTER.match(text, end) is not None
        or _COUNTERFACTUAL_AFTER.match(text, end, min(len(text), end + 60)) is not None
        or _EN_COUNTERFACTUAL_AFTER.match(text, end, min(len(text), end + 60)) is not None
    )


def denied_after(after: str) -> bool:
    """Do the words after a record word, in its clause, deny it?"""
    return _DENIED_AFTER.match(after) is not None


def only_a_pace(text: str, start: int, end: int) -> bool:
    """Is the record word the pace, schedule or try of a record ("wereldrecordschema",
    "world-record pace")?"""
    return (
        _PACE_WORD.search(text, start, end) is not None or _PACE_AFTER.match(text, end) is not None
    )
