from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "bruecke.cases"
    label = "cases"
