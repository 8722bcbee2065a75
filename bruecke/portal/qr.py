"""QR codes as inline SVG, for the tablet mode of Familienbüros.

A parent scans the code on the tablet and takes an offer (or an external
portal) along on their own phone. The markup is generated here from a URL we
chose ourselves (an offer page of this site or a configured portal), never
from user input, so it is safe to embed in a template.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


@lru_cache(maxsize=512)
def _svg(url: str) -> str:
    # Error correction "M" keeps the code small enough to scan from a
    # tablet screen; a white background (light) and the quiet zone (border 4)
    # keep it readable whatever the page colours are.
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(omitsize=True, dark="#000", light="#fff", border=4)


def qr_svg(url: str, *, label: str = "") -> SafeString:
    """Inline ``<svg>`` for ``url`` with an accessible name.

    ``label`` names what the code leads to ("QR-Code für <label>"); without
    it the URL itself is used. The caller prints the URL as text beneath it.
    """
    name = _("QR-Code für %(target)s") % {"target": label or url}
    svg = _svg(url)
    assert svg.startswith("<svg ")
    attributes = f'<svg role="img" aria-label="{escape(name)}" focusable="false" '
    return mark_safe(attributes + svg[len("<svg ") :])  # noqa: S308 - generated, see module doc
