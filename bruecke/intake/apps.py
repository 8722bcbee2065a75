from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "bruecke.intake"
    label = "intake"
