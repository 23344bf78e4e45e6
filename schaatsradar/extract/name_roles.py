"""What the words right around a name say about the person: a role ("analist X", "X, coach
van ...", "X als analist", a credit "Foto: X"), or a nationality ("de Noor X", "X uit Canada").

Why a module of its own: step 4 of the skater-name finder (`names`) asks these of every
mention when it decides who is a skater; they read only the tokens. `_Finder` inherits these
methods.
"""

from __future__ import annotations

from schaatsradar.extract import name_words
from schaatsradar.extract.name_persons import _Mention
from schaatsradar.extract.name_text import _Token
from schaatsradar.extract.name_words import (
    _APPOSITION_DETS,
    _BYLINE_WORDS,
    _COACHED_VERBS,
    _COUNTRIES,
    _CREDIT_WORDS,
    _FORMER,
    _NATIONALITY_WORDS,
    _PARTNER_AFTER_POSSESSIVE,
)

# The words `name_words.role_as_later` starts from, and how far after a name it looks for one.
_ROLE_AS = frozenset(("als", "as"))
_ROLE_AS_REACH = name_words._ROLE_LOOKAHEAD + 1


class _Roles:
    """The role and nationality readings of `_Finder`'s step 4."""

    text: str
    tokens: list[_Token]

    def role_marked(self, m: _Mention) -> bool:
        """A role right before the name ("analist X", "Leerdams vriend X", "voormalig
        schaatser X", "Foto: X", a byline "Door X"), an apposition right after it
        ("X, coach van ...", "X (analist)", "X als analist"), or a credit slash ("X/ANP")."""
        tokens = self.tokens
        i, j = m.first_tok, m.last_tok
        sent = tokens[i].sent
        if i > 0 and tokens[i - 1].sent == sent:
            prev = tokens[i - 1]
            if prev.lower in _CREDIT_WORDS:
                return True
            if tokens[i].joined:
                if prev.info.role or (prev.lower in _BYLINE_WORDS and prev.initial):
                    return True
                before = tokens[i - 2] if i > 1 and tokens[i - 2].sent == sent else None
                if prev.info.skater_noun and before is not None and before.lower in _FORMER:
                    return True
                if prev.lower in _PARTNER_AFTER_POSSESSIVE and name_words.partner_before(
                    prev.lower, before.lower if before else None
                ):
                    return True  # "zijn vrouw X"
                if (
                    prev.lower in _BYLINE_WORDS
                    and before is not None
                    and (before.lower in _COACHED_VERBS)
                ):
                    return True  # "coached by X", "getraind door X": the coach
            elif (
                prev.info.role
                and self.text[prev.end : tokens[i].start].strip() == ","
                and self.text[m.end : m.end + 1] == ","
            ):
                return True  # "her coach, Jac Orie, said": a role in apposition before
        if self.text.startswith("/", m.end):
            return True
        k = j + 1
        if k < len(tokens) and tokens[k].sent == sent:
            gap = self.text[m.end : tokens[k].start]
            apposition = gap.strip() in (",", "(") or tokens[k].lower in ("als", "as")
            if apposition:
                look = k
                while look < min(len(tokens), k + 2) and tokens[look].lower in _APPOSITION_DETS:
                    look += 1
                if look < len(tokens) and tokens[look].sent == sent:
                    role_word = tokens[look]
                    follower = tokens[look + 1] if look + 1 < len(tokens) else None
                    names_next = follower is not None and follower.joined and follower.core
                    if role_word.info.role and not names_next:
                        return True  # but "Stolz, trainer Bob Corby" is two people
        # `role_as_later` reads on only from an "als"/"as" among the next four words: most
        # names have none, and the word list is not made for them.
        for t in tokens[k : k + _ROLE_AS_REACH]:
            if t.sent == sent and t.info.lower in _ROLE_AS:
                break
        else:
            return False
        return name_words.role_as_later([t.lower for t in tokens[k : k + 8] if t.sent == sent])

    def nationality_next_to(self, m: _Mention) -> bool:
        """A nationality right next to the name: "de Noor X", "Czech skater X",
        "X uit Canada", "X of Japan"."""
        tokens = self.tokens
        i, j = m.first_tok, m.last_tok
        sent = tokens[i].sent
        for back in (1, 2):
            if i - back < 0 or tokens[i - back].sent != sent:
                break
            t = tokens[i - back]
            if t.lower in _NATIONALITY_WORDS and t.info.caps:
                return True
            if not t.info.skater_noun:
                break
        k = j + 1
        if k + 1 < len(tokens) and tokens[k].lower in ("uit", "of", "from"):
            nxt = tokens[k + 1]
            if nxt.lower in ("de", "the") and k + 2 < len(tokens):
                nxt = tokens[k + 2]
            return nxt.sent == sent and nxt.lower in _COUNTRIES and nxt.info.caps
        return False
