from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "bruecke.demo"
    label = "demo"
