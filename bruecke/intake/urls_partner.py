"""URLs: placeholder until the views land."""

from django.urls import URLPattern

app_name = "partner"
urlpatterns: list[URLPattern] = []
