from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "bruecke.people"
    label = "people"
