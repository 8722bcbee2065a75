"""The worker's side of consents and referrals (Vermittlungen)."""

from django.urls import path

from bruecke.referrals import views

app_name = "referrals"

urlpatterns = [
    path(
        "faelle/<uuid:case_id>/einwilligungen/neu/",
        views.consent_create,
        name="consent_create",
    ),
    path(
        "faelle/<uuid:case_id>/einwilligungen/<uuid:consent_id>/widerrufen/",
        views.consent_revoke_view,
        name="consent_revoke",
    ),
    path(
        "faelle/<uuid:case_id>/vermittlungen/neu/",
        views.referral_create_view,
        name="referral_create",
    ),
    path("vermittlungen/<uuid:referral_id>/", views.referral_detail, name="detail"),
    path("vermittlungen/<uuid:referral_id>/schritt/", views.referral_step_view, name="step"),
]
