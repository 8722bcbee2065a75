from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from bruecke.lib.env import env_bool, env_int, env_list, env_secret

ROOT = Path(__file__).resolve().parents[3]


def start_django(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Start Django in a fresh interpreter with exactly these settings variables."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "SECRET_KEY_FILE", "DEBUG", "DATABASE_URL"}
    }
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "bruecke.settings"
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_env_bool_names_the_variable_on_bad_value(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG", False)


def test_env_bool_reads_usual_spellings(monkeypatch):
    for raw, expected in [("1", True), ("yes", True), ("ON", True), ("0", False), ("off", False)]:
        monkeypatch.setenv("SOME_FLAG", raw)
        assert env_bool("SOME_FLAG", not expected) is expected


def test_env_int_rejects_words_and_small_numbers(monkeypatch):
    monkeypatch.setenv("SOME_PORT", "eighty")
    with pytest.raises(ImproperlyConfigured, match="SOME_PORT must be a whole number"):
        env_int("SOME_PORT", 1)
    monkeypatch.setenv("SOME_PORT", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("SOME_PORT", 1, minimum=1)


def test_env_list_splits_and_trims(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example , b.example,,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_env_secret_reads_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    monkeypatch.delenv("MY_SECRET", raising=False)
    monkeypatch.setenv("MY_SECRET_FILE", str(secret))
    assert env_secret("MY_SECRET") == "s3cret"


def test_env_secret_refuses_missing_file(monkeypatch, tmp_path):
    monkeypatch.delenv("MY_SECRET", raising=False)
    monkeypatch.setenv("MY_SECRET_FILE", str(tmp_path / "nope"))
    with pytest.raises(ImproperlyConfigured, match="MY_SECRET_FILE"):
        env_secret("MY_SECRET")


def test_production_start_refuses_missing_secret():
    result = start_django({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY or SECRET_KEY_FILE must be set" in result.stderr


def test_development_start_generates_a_secret_once(tmp_path):
    first = start_django({"DEBUG": "1", "VAR_DIR": str(tmp_path)})
    assert first.returncode == 0, first.stderr
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    second = start_django({"DEBUG": "1", "VAR_DIR": str(tmp_path)})
    assert second.returncode == 0
    assert (tmp_path / "secret_key").read_text() == key


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DEBUG": "perhaps"}, "DEBUG"),
        ({"DEBUG": "1", "EMAIL_PORT": "smtp"}, "EMAIL_PORT"),
        ({"DEBUG": "1", "DATABASE_URL": "mysql://db/bruecke"}, "DATABASE_URL"),
        ({"DEBUG": "1", "SESSION_COOKIE_AGE": "10"}, "SESSION_COOKIE_AGE"),
        ({"DEBUG": "1", "SCHOOL_ENTRY_CUTOFF": "31-09"}, "SCHOOL_ENTRY_CUTOFF"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
    ],
)
def test_bad_setting_stops_start_up_naming_the_variable(env, named, tmp_path):
    result = start_django({"VAR_DIR": str(tmp_path), **env})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr.strip().splitlines()[-1]
