from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "bruecke.org"
    label = "org"
    verbose_name = "Organisation"
