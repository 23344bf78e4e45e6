"""Translations of the site, from gettext catalogues compiled in memory at start-up.

The message ids are English and the Dutch catalogue (`locale/nl/LC_MESSAGES/messages.po`)
translates every one of them; `locale/en/...` holds the same ids with empty translations, so
English pages show the ids themselves and an editor can still reword English text without
touching a template. English ids keep the templates readable for anyone and work with every
gettext tool; a test extracts the ids from the templates and the Python code and fails when
the Dutch catalogue lacks one, so the Dutch default never falls back to English unnoticed.

No build step: the `.po` files are read with Babel and compiled to `.mo` bytes in memory.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import get_args

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

from schaatsradar.web.deps import Language

LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "nl"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Marks a message id for extraction where the translation happens later."""
    return message


def catalogue_path(language: Language) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(language: Language) -> Translations:
    """The compiled catalogue of `language` (fuzzy entries left out), read once per process."""
    with catalogue_path(language).open("rb") as po_file:
        catalogue = read_po(po_file, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def translate(language: Language, message: str) -> str:
    return translations(language).gettext(message)


def translate_plural(language: Language, singular: str, plural: str, n: int) -> str:
    return translations(language).ngettext(singular, plural, n)


# -- keeping the catalogues in step with the code ---------------------------------------------

# Python code marks messages with N_() and translates with translate()/translate_plural(),
# whose first argument is the language; templates use _(), gettext() and ngettext().
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "N_": None,
    "translate": (2,),
    "translate_plural": (2, 3),
}
METHODS = [("templates/**.html", "jinja2"), ("*.py", "python")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true"}}


def extract_messages() -> Catalog:
    """Every message id the templates and this package's Python code use."""
    catalogue = Catalog(project="schaatsradar", domain=DOMAIN)
    web = Path(__file__).parent
    for filename, lineno, message, comments, context in extract_from_dir(
        web, METHODS, OPTIONS, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        catalogue.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalogue


def update_catalogues() -> None:
    """Add new message ids to each catalogue and retire unused ones (`python -m
    schaatsradar.web.i18n`); translating them stays a human's job."""
    for language in LANGUAGES:
        path = catalogue_path(language)
        with path.open("rb") as po_file:
            catalogue = read_po(po_file, locale=language, domain=DOMAIN)
        created = catalogue.creation_date
        # A fresh template each time: Catalog.update may adopt the template's message objects.
        catalogue.update(extract_messages(), no_fuzzy_matching=True)
        catalogue.obsolete.clear()
        catalogue.creation_date = created  # only the messages changed
        with path.open("wb") as po_file:
            # File names without line numbers: an edit elsewhere in a template leaves it alone.
            write_po(po_file, catalogue, width=100, include_lineno=False)


if __name__ == "__main__":
    update_catalogues()
