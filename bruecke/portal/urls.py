from django.urls import include, path

from bruecke.portal import views, views_barriers

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("angebote/", views.offer_search, name="offers"),
    path("angebote/<uuid:offer_id>/", views.offer_detail, name="offer"),
    path("sprache/<str:code>/", views.language, name="language"),
    # Information pages: Kita-Sozialarbeit, Leichte Sprache, accessibility, imprint, privacy.
    path("", include("bruecke.portal.urls_pages")),
    # Staff: the barrier reports of the office (coordination).
    path("barrieren/", views_barriers.barrier_reports, name="barrier_reports"),
    path(
        "barrieren/<int:report_id>/bearbeitet/",
        views_barriers.barrier_report_handle,
        name="barrier_report_handle",
    ),
    # Tablet mode for Familienbüros.
    path("", include("bruecke.portal.urls_tablet")),
]
