"""Old and standing marks: the records a sentence says were beaten or still stand, with the
time and holder the words give them.

Why a reading of its own: a report names the mark a skater beat as often as the one they set
("verbeterde het oude baanrecord van Kjeld Nuis (1.43,00)", "took down Brittany Bowe's
1:13.76", "from 37.07 to 36.87"), and the time of such a mark must never become a result of the
race reported. The result builder (which times to skip) and the record builder (which records
to report) therefore read the marks the same way, here, from the words alone: nothing in this
module depends on what earlier sentences established.

A reporter often spreads one old mark over two sentences ("Hij nam het wereldrecord over van
Nils van der Poel. De 6.01,56 van de Zweed hield bijna vier jaar stand."); the second sentence
then *continues* the mark of the first (see `continuation`).

Why this module only gathers names: the reading is told in four parts, each answering its own
question, and the readers of marks import them from here.

- `record_view`: what a sentence holds (`SentenceView`), its clauses, its verbs of beating;
- `record_holding`: whose a mark or time is, by the words right next to it;
- `record_old_marks`: which marks a sentence says were beaten or stand, with which time;
- `record_continuation`: how the next sentence continues a mark of this one.
"""

from __future__ import annotations

from schaatsradar.extract.record_continuation import (
    OPENER,
    OPENER_REACH,
    Continuation,
    continuation,
    continuing,
    opener_of,
    previous_marks,
)
from schaatsradar.extract.record_holding import (
    HAD_SET_AFTER,
    HOLDER_GAP,
    HOLDER_GAP_REACH,
    HOLDER_IS_AFTER_NAME,
    HOLDERS_TRIED,
    HOLDS_AFTER_NAME,
    LIST_GAP,
    LIST_GAP_REACH,
    MAIN_VERB,
    POSSESSIVE_AFTER_NAME,
    RELATIVE,
    RELATIVE_BEFORE,
    SETTING_AFTER,
    TIME_AFTER_HOLDER,
    TIME_HOLDER_REACH,
    TIME_OF_HOLDER,
    TITLE_GAP,
    Listed,
    holder_after,
    holder_of_time,
    listed_holders,
    time_of_holder,
)
from schaatsradar.extract.record_old_marks import (
    DEMONYM_AFTER,
    FROM_BEFORE,
    FROM_TO,
    INDEFINITE_BEFORE,
    NATIONALITY_AFTER,
    NEW_TIME_GAP,
    NEXT_CLAUSE_GAP,
    OWN,
    OWN_AFTER,
    PAST_RELATIVE,
    POINTS_NEAR,
    POINTS_REACH,
    POINTS_WORD_AFTER,
    POSSESSED_TIME,
    REMAINS_GAP,
    RIGHT_BEFORE_RECORD,
    STOOD_VERB,
    WITH_BEFORE,
    WITH_GAP,
    OldMark,
    old_marks,
)
from schaatsradar.extract.record_view import (
    BEATING,
    BEATING_WORDS,
    CLAUSE_BREAK,
    CLAUSE_REACH,
    Holder,
    SentenceView,
    article_sentences,
    clause_around,
    neighbour,
    next_record_start,
    view_of,
)

__all__ = [
    "BEATING",
    "BEATING_WORDS",
    "CLAUSE_BREAK",
    "CLAUSE_REACH",
    "DEMONYM_AFTER",
    "FROM_BEFORE",
    "FROM_TO",
    "HAD_SET_AFTER",
    "HOLDERS_TRIED",
    "HOLDER_GAP",
    "HOLDER_GAP_REACH",
    "HOLDER_IS_AFTER_NAME",
    "HOLDS_AFTER_NAME",
    "INDEFINITE_BEFORE",
    "LIST_GAP",
    "LIST_GAP_REACH",
    "MAIN_VERB",
    "NATIONALITY_AFTER",
    "NEW_TIME_GAP",
    "NEXT_CLAUSE_GAP",
    "OPENER",
    "OPENER_REACH",
    "OWN",
    "OWN_AFTER",
    "PAST_RELATIVE",
    "POINTS_NEAR",
    "POINTS_REACH",
    "POINTS_WORD_AFTER",
    "POSSESSED_TIME",
    "POSSESSIVE_AFTER_NAME",
    "RELATIVE",
    "RELATIVE_BEFORE",
    "REMAINS_GAP",
    "RIGHT_BEFORE_RECORD",
    "SETTING_AFTER",
    "STOOD_VERB",
    "TIME_AFTER_HOLDER",
    "TIME_HOLDER_REACH",
    "TIME_OF_HOLDER",
    "TITLE_GAP",
    "WITH_BEFORE",
    "WITH_GAP",
    "Continuation",
    "Holder",
    "Listed",
    "OldMark",
    "SentenceView",
    "article_sentences",
    "clause_around",
    "continuation",
    "continuing",
    "holder_after",
    "holder_of_time",
    "listed_holders",
    "neighbour",
    "next_record_start",
    "old_marks",
    "opener_of",
    "previous_marks",
    "time_of_holder",
    "view_of",
]
