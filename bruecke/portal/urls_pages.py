"""Public information pages, included into the ``portal`` namespace."""

from django.urls import path

from bruecke.portal import views_pages

urlpatterns = [
    path("kita-sozialarbeit/", views_pages.kita_sozialarbeit, name="kita_sozialarbeit"),
    path("leichte-sprache/", views_pages.leichte_sprache, name="leichte_sprache"),
    path("barrierefreiheit/", views_pages.accessibility, name="accessibility"),
    path("barrierefreiheit/melden/", views_pages.barrier_report, name="barrier_report"),
    path(
        "barrierefreiheit/melden/danke/",
        views_pages.barrier_report_thanks,
        name="barrier_report_thanks",
    ),
    path("impressum/", views_pages.imprint, name="imprint"),
    path("datenschutz/", views_pages.privacy, name="privacy"),
]
