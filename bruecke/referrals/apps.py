from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "bruecke.referrals"
    label = "referrals"
