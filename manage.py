#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bruecke.settings")
    # Commands on this machine use the secret `make run` created, unless one is given.
    secret = os.path.join(os.path.dirname(os.path.abspath(__file__)), "var", "secret_key")
    if not (os.environ.get("SECRET_KEY") or os.environ.get("SECRET_KEY_FILE")) and os.path.exists(
        secret
    ):
        os.environ["SECRET_KEY_FILE"] = secret
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
