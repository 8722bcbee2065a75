from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "bruecke.directory"
    label = "directory"
    verbose_name = "Angebote"
