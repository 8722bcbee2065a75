from django.urls import include, path

from bruecke import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/hsds/", include("bruecke.directory.urls_api")),
    path("", include("bruecke.accounts.urls")),
    path("", include("bruecke.cases.urls")),
    path("", include("bruecke.directory.urls")),
    path("", include("bruecke.portal.urls")),
    path("", include("bruecke.intake.urls_public")),
    path("", include("bruecke.intake.urls")),
    path("", include("bruecke.intake.urls_partner")),
    path("", include("bruecke.referrals.urls")),
    path("", include("bruecke.reports.urls")),
    path("", include("bruecke.reports.urls_planning")),
]
