"""Tablet mode for Familienbüros (public; included in the ``portal`` namespace)."""

from django.urls import path

from bruecke.portal import views_tablet

urlpatterns = [
    path("tablet/", views_tablet.tablet, name="tablet"),
    path("tablet/angebote/", views_tablet.tablet_offers, name="tablet_offers"),
    path("tablet/angebote/<uuid:offer_id>/", views_tablet.tablet_offer, name="tablet_offer"),
]
