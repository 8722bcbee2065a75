from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "bruecke.lib"
    label = "lib"
