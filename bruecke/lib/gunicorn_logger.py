"""A gunicorn access log that never writes a calendar feed's secret token."""

from __future__ import annotations

import re
from typing import Any

from gunicorn.glogging import Logger

_FEED = re.compile(r"/kalender/[^/?\s]+\.ics")


def mask(text: str) -> str:
    return _FEED.sub("/kalender/***.ics", text)


class MaskingLogger(Logger):
    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "q"):
            if isinstance(atoms.get(key), str):
                atoms[key] = mask(atoms[key])
        return atoms
