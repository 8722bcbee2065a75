"""German phonetic keys for names (Kölner Phonetik), so "Maier" finds "Meyer"."""

from __future__ import annotations

import cologne_phonetics  # type: ignore[import-untyped,unused-ignore]

TURKISH_FOLD = str.maketrans({"ı": "i"})


def phonetic_key(name: str) -> str:
    """Space-separated Kölner Phonetik codes of every part of ``name``.

    >>> phonetic_key("Meyer-Schmitt")
    '67 862'
    """
    if not name.strip():
        return ""
    # The Turkish dotless ı is no letter to the Kölner Phonetik, which would cut
    # "Yıldız" short; it sounds and is often typed as i ("Yildiz").
    name = name.translate(TURKISH_FOLD)
    return " ".join(code for _word, code in cologne_phonetics.encode(name) if code)
