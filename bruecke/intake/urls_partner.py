"""Pages of partner accounts: refer a family, follow own referrals, answer the inbox."""

from django.urls import path

from bruecke.intake import views_partner as views

app_name = "partner"

urlpatterns = [
    path("partner/vermitteln/", views.referral_create, name="referral_create"),
    path("partner/vermittlungen/", views.request_list, name="request_list"),
    path("partner/eingang/", views.inbox, name="inbox"),
    path("partner/eingang/<uuid:referral_id>/", views.inbox_detail, name="inbox_detail"),
    path("partner/eingang/<uuid:referral_id>/schritt/", views.inbox_step, name="inbox_step"),
]
