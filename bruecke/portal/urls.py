from django.urls import path

from bruecke.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("sprache/<str:code>/", views.language, name="language"),
]
