"""The vocabulary of casework (PRODUCT.md): Kontaktarten, Zugangswege, outcomes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kontaktart(models.TextChoices):
    TELEFON = "telefon", _("Telefonberatung")
    BERATUNG = "beratung", _("Beratungsgespräch")
    HAUSBESUCH = "hausbesuch", _("Hausbesuch")
    BEGLEITUNG_BEHOERDE = "begleitung_behoerde", _("Begleitung zur Behörde")
    BEGLEITUNG_ARZT = "begleitung_arzt", _("Begleitung zum Arzt")
    BEGLEITUNG_SONSTIGE = "begleitung_sonstige", _("Begleitung (sonstige)")
    SPRECHSTUNDE_JUGENDAMT = "sprechstunde_jugendamt", _("Sprechstunde Jugendamt")
    SPRECHSTUNDE_KITA = "sprechstunde_kita", _("Sprechstunde in der Kita")
    EMAIL = "email", _("E-Mail/schriftlich")
    VIDEO = "video", _("Videoberatung")
    NETZWERK = "netzwerk", _("Fallbezogene Netzwerkarbeit")


class Zugangsweg(models.TextChoices):
    SELBST = "selbst", _("selbst gemeldet")
    KITA = "kita", _("über Kita")
    KINDERTAGESPFLEGE = "kindertagespflege", _("über Kindertagespflege")
    FAMILIENBUERO = "familienbuero", _("über Familienbüro")
    BERATUNGSSTELLE = "beratungsstelle", _("über Beratungsstelle")
    ASD = "asd", _("über Jugendhilfedienst/ASD")
    BABYLOTSEN = "babylotsen", _("über Babylotsen/Geburtsklinik")
    SCHULE = "schule", _("über Schule/Familiengrundschulzentrum")
    SONSTIGE = "sonstige", _("sonstige")


class Outcome(models.TextChoices):
    ZIEL_ERREICHT = "ziel_erreicht", _("Ziel erreicht")
    WEITERVERMITTELT = "weitervermittelt", _("weitervermittelt")
    FAMILIE_BEENDET = "familie_beendet", _("von der Familie beendet")
    NICHT_ERREICHBAR = "nicht_erreichbar", _("nicht mehr erreichbar")
    VERZOGEN = "verzogen", _("verzogen")
    SONSTIGES = "sonstiges", _("sonstiges")


class WorkKind(models.TextChoices):
    """Work without a family (no personal data)."""

    NETZWERKTREFFEN = "netzwerktreffen", _("Netzwerktreffen")
    BEZIRKSTEAM = "bezirksteam", _("Bezirksteam")
    FALLBERATUNG_KITA = "fallberatung_kita", _("Fallberatung in der Kita (anonym)")
    ELTERNABEND = "elternabend", _("Elternabend")
    INFOVERANSTALTUNG = "infoveranstaltung", _("Informationsveranstaltung")
    SPRECHSTUNDE_KITA = "sprechstunde_kita", _("Sprechstunde in einer Kita")
