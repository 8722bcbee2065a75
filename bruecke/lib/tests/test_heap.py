"""The serving process freezes what it holds after start-up (lib.heap, bruecke.wsgi)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import gc, io, sys
from bruecke.wsgi import application
frozen = gc.get_freeze_count()
environ = {
    "REQUEST_METHOD": "GET", "PATH_INFO": "/healthz", "SERVER_NAME": "localhost",
    "SERVER_PORT": "80", "HTTP_HOST": "localhost", "wsgi.input": io.BytesIO(),
    "wsgi.url_scheme": "http",
}
statuses = []
response = application(environ, lambda status, headers: statuses.append(status))
response.close()
print(frozen, "bruecke.cases.views" in sys.modules, gc.isenabled(), statuses[0])
"""


def test_the_wsgi_application_freezes_the_heap_it_starts_with(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "1",
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    }
    env.pop("SECRET_KEY_FILE", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    frozen, views_loaded, enabled, status = result.stdout.split(maxsplit=3)
    # Django and every view module (loaded by settle(), before any request)
    # sit in the permanent generation; the collector still runs for the rest.
    assert int(frozen) > 10_000
    assert views_loaded == "True"
    assert enabled == "True"
    assert status.startswith("503")  # the empty database: answered all the same
