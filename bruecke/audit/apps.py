from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "bruecke.audit"
    label = "audit"
