"""The serving process freezes what it holds after start-up (lib.heap, bruecke.wsgi)."""

from __future__ import annotations

from bruecke.test import run_fresh

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
    frozen, views_loaded, enabled, status = run_fresh(PROBE, tmp_path).split(maxsplit=3)
    # Django and every view module (loaded by settle(), before any request)
    # sit in the permanent generation; the collector still runs for the rest.
    assert int(frozen) > 10_000
    assert views_loaded == "True"
    assert enabled == "True"
    assert status.startswith("503")  # the empty database: answered all the same
