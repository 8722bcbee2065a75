from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "bruecke.portal"
    label = "portal"
