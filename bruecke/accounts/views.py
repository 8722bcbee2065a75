from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bruecke.org.selectors import membership_for


def start(request: HttpRequest) -> HttpResponse:
    """The staff start page: greets the user with office and role."""
    return render(request, "accounts/start.html", {"membership": membership_for(request.user)})
