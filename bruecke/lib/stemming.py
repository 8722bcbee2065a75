"""Word stems for full-text search, so "Familien" finds "Familie" and "Beratung" finds "Beratungsstelle".

Both databases index the stems made here (SQLite FTS5 and PostgreSQL tsvector
with the 'simple' configuration), so search behaves the same on both.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer  # type: ignore[import-untyped,unused-ignore]

# Our language codes -> Snowball algorithms; languages without one are only lower-cased.
ALGORITHMS = {
    "de": "german",
    "en": "english",
    "ar": "arabic",
    "tr": "turkish",
    "ro": "romanian",
    "pl": "polish",
}
_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer | None:  # type: ignore[name-defined,unused-ignore]
    algorithm = ALGORITHMS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def _fold(word: str) -> str:
    # ß and umlauts are handled by the German stemmer; other marks are dropped
    # so "Kita-Sozialarbeit" and "kita sozialarbeit" meet.
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)
    )


@lru_cache(maxsize=200_000)
def _stem(word: str, language: str) -> str:
    # Snowball in pure Python is slow; directory texts repeat the same words
    # thousands of times, so each word is stemmed once.
    stemmer = _stemmer(language)
    return _fold(stemmer.stemWord(word) if stemmer is not None else word)


def stems(text: str, language: str) -> list[str]:
    """The search terms of ``text``: lower-cased word stems, in order."""
    return [stem for word in _WORD.findall(text) if (stem := _stem(word.lower(), language))]
