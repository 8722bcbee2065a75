"""Public URLs of intake: the form "Kontakt aufnehmen" on the portal and the tablet."""

from django.urls import path

from bruecke.intake import views_public

app_name = "contact"

urlpatterns = [
    path("kontakt/", views_public.contact, name="form"),
    path("kontakt/danke/<str:token>/", views_public.contact_thanks, name="thanks"),
    path("tablet/kontakt/", views_public.tablet_contact, name="tablet_form"),
    path(
        "tablet/kontakt/danke/<str:token>/",
        views_public.tablet_contact_thanks,
        name="tablet_thanks",
    ),
]
