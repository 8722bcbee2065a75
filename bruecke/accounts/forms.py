from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from bruecke.lib.forms import KernFormMixin


class LoginForm(KernFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Benutzername oder Passwort stimmen nicht. Bitte prüfen Sie beides "
            "(auch die Groß- und Kleinschreibung) und versuchen Sie es erneut."
        ),
        "inactive": _("Dieses Konto ist gesperrt. Bitte wenden Sie sich an die Administration."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Benutzername")
        self.fields["password"].label = _("Passwort")
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "autocapitalize": "none"}
        )
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})
