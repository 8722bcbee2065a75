from django.apps import AppConfig
from django.core import checks


class DirectoryConfig(AppConfig):
    name = "bruecke.directory"
    label = "directory"
    verbose_name = "Angebote"

    def ready(self) -> None:
        from bruecke.directory.checks import search_languages

        checks.register(search_languages)
