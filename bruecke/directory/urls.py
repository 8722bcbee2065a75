"""Coordinator pages for the office's directory entries, under /angebotsverwaltung/."""

from django.urls import path

from bruecke.directory import views

app_name = "directory"

urlpatterns = [
    path("angebotsverwaltung/", views.service_list, name="service_list"),
    path("angebotsverwaltung/neu/", views.service_create, name="service_create"),
    path("angebotsverwaltung/<uuid:service_id>/", views.service_edit, name="service_edit"),
    path(
        "angebotsverwaltung/<uuid:service_id>/pruefen/",
        views.service_verify,
        name="service_verify",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/vorschau/",
        views.service_preview,
        name="service_preview",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/orte/",
        views.service_places,
        name="service_places",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/orte/neu/",
        views.place_create,
        name="place_create",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/orte/<uuid:place_id>/",
        views.place_edit,
        name="place_edit",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/orte/<uuid:place_id>/entfernen/",
        views.place_remove,
        name="place_remove",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/orte/<uuid:place_id>/zeiten/",
        views.schedule_create,
        name="schedule_create",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/zeiten/<uuid:schedule_id>/loeschen/",
        views.schedule_remove,
        name="schedule_remove",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/orte/<uuid:place_id>/ausnahmen/",
        views.exception_create,
        name="exception_create",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/ausnahmen/<int:exception_id>/loeschen/",
        views.exception_remove,
        name="exception_remove",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/uebersetzungen/",
        views.translations,
        name="translations",
    ),
    path(
        "angebotsverwaltung/<uuid:service_id>/uebersetzungen/<str:language>/",
        views.translation_edit,
        name="translation_edit",
    ),
]
