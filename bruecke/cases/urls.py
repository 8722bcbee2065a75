from django.urls import include, path

from bruecke.cases import views

app_name = "cases"

urlpatterns = [
    path("faelle/", views.case_list, name="list"),
    path("faelle/<uuid:case_id>/", views.case_detail, name="detail"),
    path("faelle/<uuid:case_id>/bearbeiten/", views.case_edit, name="edit"),
    path("faelle/<uuid:case_id>/kontakt/", views.contact_create, name="contact"),
    path("faelle/<uuid:case_id>/abschliessen/", views.case_close, name="close"),
    path("familien/", views.family_search, name="family_search"),
    path("familien/neu/", views.family_create_view, name="family_create"),
    path("familien/<uuid:family_id>/", views.family_detail, name="family"),
    path("familien/<uuid:family_id>/bearbeiten/", views.family_edit, name="family_edit"),
    path("familien/<uuid:family_id>/person/", views.person_create, name="person_create"),
    path("familien/<uuid:family_id>/zusammenfuehren/", views.family_merge, name="family_merge"),
    path("familien/<uuid:family_id>/fall/", views.case_open_view, name="open"),
    path("team/uebergabe/", views.handover, name="handover"),
    path("beratung/anonym/", views.consultation_create, name="consultation"),
    # Appointments, the week view and the private calendar feed.
    path("", include("bruecke.cases.urls_calendar")),
    # Work without a family (networking, consultations in Kitas, parent events).
    path("", include("bruecke.cases.urls_work")),
]
