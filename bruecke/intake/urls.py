"""URLs: placeholder until the views land."""

from django.urls import URLPattern

app_name = "intake"
urlpatterns: list[URLPattern] = []
