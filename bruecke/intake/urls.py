"""The triage queue (Eingang) for Kita-Sozialarbeit and team leads."""

from django.urls import path

from bruecke.intake import views

app_name = "intake"

urlpatterns = [
    path("eingang/", views.queue, name="queue"),
    path("eingang/<uuid:request_id>/", views.detail, name="detail"),
    path("eingang/<uuid:request_id>/zuweisen/", views.assign, name="assign"),
    path("eingang/<uuid:request_id>/kontaktversuch/", views.attempt, name="attempt"),
    path("eingang/<uuid:request_id>/fall/", views.to_case, name="to_case"),
    path("eingang/<uuid:request_id>/anonym/", views.anonymous, name="anonymous"),
    path("eingang/<uuid:request_id>/abschliessen/", views.close, name="close"),
    path("eingang/<uuid:request_id>/rueckmeldung/", views.feedback, name="feedback"),
]
