import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bruecke.settings")
application = get_wsgi_application()

from bruecke.lib.heap import settle  # noqa: E402 - needs the settings loaded above

settle()
