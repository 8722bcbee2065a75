from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.test import Client, TestCase

ROOT = Path(__file__).resolve().parents[2]


class HealthzTests(TestCase):
    def test_it_says_ok_when_database_is_migrated(self):
        response = Client().get("/healthz")
        assert response.status_code == 200
        assert response.content == b"ok"
        assert response["Cache-Control"].startswith("max-age=0")


def test_it_answers_503_while_migrations_are_pending(tmp_path):
    """A real, empty SQLite database in a fresh process: nothing is migrated yet."""
    env = {
        **os.environ,
        "DEBUG": "1",
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    }
    env.pop("SECRET_KEY_FILE", None)
    code = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', HTTP_HOST='localhost');"
        "print(r.status_code, r.content.decode())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("503 database unavailable or migrations pending")
