from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "bruecke.reports"
    label = "reports"
