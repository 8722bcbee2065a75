"""Phone numbers as links."""

from __future__ import annotations

import re


def tel_uri(number: str, *, country_code: str = "49") -> str:
    """A ``tel:`` target in international form for a German number as written on paper.

    >>> tel_uri("0231 50-11580")
    '+492315011580'
    """
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return f"+{country_code}{digits[1:]}"
    return digits
