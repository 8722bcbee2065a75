"""District planning for the Bezirksteams, under /planung/."""

from django.urls import path

from bruecke.reports import views_planning

app_name = "planning"

urlpatterns = [
    path("planung/", views_planning.district_planning, name="districts"),
    path("planung/kinderzahlen/", views_planning.children_edit, name="children"),
]
