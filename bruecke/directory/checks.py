"""System checks of the directory app (``manage.py check`` and every start)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error


def search_languages(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Every language of LANGUAGES needs a full-text rowid range of its own.

    On SQLite a search reads only its language's range
    (``search.language_key``: the code's first two letters). A code shorter
    than two letters, with letters beyond ASCII, or sharing its first two
    letters with another code would mix languages in the search.
    """
    from bruecke.directory.search import language_key

    errors = []
    seen: dict[int, str] = {}
    for code, _name in settings.LANGUAGES:
        if len(code) < 2 or not code[:2].isascii():
            errors.append(
                Error(
                    f"Language code {code!r} cannot be searched: the full-text index keys "
                    "languages by their first two ASCII letters.",
                    id="directory.E001",
                )
            )
            continue
        key = language_key(code)
        if key in seen:
            errors.append(
                Error(
                    f"Language codes {seen[key]!r} and {code!r} begin with the same two letters; "
                    "the full-text index would mix their documents.",
                    hint="Give one of them a code that begins differently.",
                    id="directory.E002",
                )
            )
        seen.setdefault(key, code)
    return errors
