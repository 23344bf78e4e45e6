"""Unicode spaces read as plain ones, before any rule sees the text.

Why: web pages write "1.000&nbsp;meter", "36,09&#8239;s" or a thin space inside "1 500 m";
the rules spell a space as " " or `\\s`, and the first-character skips (`pattern_leads`) know
ASCII whitespace only, so such a text would lose its distances and times. Each of these
characters becomes one plain space (a line or paragraph separator a newline): one character
for one, so every evidence span still points into the article's own text.
"""

from __future__ import annotations

import re
import sys

_NEWLINES = "\x85\u2028\u2029"
_SPACES = {
    i: ("\n" if chr(i) in _NEWLINES else " ")
    for i in range(0x80, sys.maxunicode + 1)
    if re.match(r"\s", chr(i))
}


def plain_spaces(text: str) -> str:
    """`text` with every non-ASCII space (no-break, thin, ideographic...) as an ASCII one."""
    return text.translate(_SPACES) if not text.isascii() else text
