"""Phone numbers as links and as search keys."""

from __future__ import annotations

import re

import phonenumbers


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


def phone_key(number: str, *, region: str = "DE") -> str:
    """The number in E.164 form (``+49231...``), or "" when it is no phone number.

    "0231/123 45", "+49 231 12345" and "0049-231-12345" give the same key.
    """
    if not number or not re.search(r"\d{3}", number):
        return ""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
