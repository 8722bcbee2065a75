"""Appointments, the week view and the private calendar feed (included in the cases namespace)."""

from django.urls import path

from bruecke.cases import views_calendar

urlpatterns = [
    path("termine/", views_calendar.week, name="week"),
    path("termine/neu/", views_calendar.appointment_create, name="appointment_create"),
    path(
        "termine/<uuid:appointment_id>/bearbeiten/",
        views_calendar.appointment_edit,
        name="appointment_edit",
    ),
    path(
        "termine/<uuid:appointment_id>/loeschen/",
        views_calendar.appointment_delete,
        name="appointment_delete",
    ),
    path(
        "termine/kalender-link/neu/",
        views_calendar.calendar_feed_renew,
        name="calendar_feed_renew",
    ),
    # No login: calendar apps authenticate with the secret token alone.
    path("kalender/<str:token>.ics", views_calendar.calendar_feed, name="calendar_feed"),
]
