from __future__ import annotations

from django.test import Client, TestCase

from bruecke.test import run_fresh


class HealthzTests(TestCase):
    def test_it_says_ok_when_database_is_migrated(self):
        response = Client().get("/healthz")
        assert response.status_code == 200
        assert response.content == b"ok"
        assert response["Cache-Control"].startswith("max-age=0")


def test_it_answers_503_while_migrations_are_pending(tmp_path):
    """A real, empty SQLite database in a fresh process: nothing is migrated yet."""
    code = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', HTTP_HOST='localhost');"
        "print(r.status_code, r.content.decode())"
    )
    assert run_fresh(code, tmp_path).startswith("503 database unavailable or migrations pending")


CONNECTION_PROBE = """
import io, django
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
app = WSGIHandler()
seen = []
for _ in range(2):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": "/healthz", "SERVER_NAME": "localhost",
        "SERVER_PORT": "80", "HTTP_HOST": "localhost", "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
    }
    response = app(environ, lambda status, headers: None)
    response.close()  # as the server does: Django's request_finished
    seen.append(connection.connection)
print(seen[0] is not None and seen[0] is seen[1], seen[1] is None)
"""


def test_requests_share_an_open_sqlite_connection(tmp_path):
    """Two requests in one thread use one SQLite connection (DB_CONN_MAX_AGE, 60 s)."""
    assert run_fresh(CONNECTION_PROBE, tmp_path) == "True False"


def test_db_conn_max_age_0_closes_the_connection_after_each_request(tmp_path):
    assert run_fresh(CONNECTION_PROBE, tmp_path, DB_CONN_MAX_AGE="0") == "False True"
