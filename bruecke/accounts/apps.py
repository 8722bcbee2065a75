from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bruecke.accounts"
    label = "accounts"
