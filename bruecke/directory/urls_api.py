"""The HSDS 3.0 API, included at api/hsds/ (paths as in the HSDS openapi.json, no trailing slash)."""

from __future__ import annotations

from django.urls import path

from bruecke.directory import api

app_name = "hsds"

urlpatterns = [
    path("", api.index, name="index"),
    path("openapi.json", api.openapi, name="openapi"),
    path("services", api.services, name="services"),
    path("services/<str:item_id>", api.service, name="service"),
    path("organizations", api.organizations, name="organizations"),
    path("organizations/<str:item_id>", api.organization, name="organization"),
    path("taxonomies", api.taxonomies, name="taxonomies"),
    path("taxonomies/<str:item_id>", api.taxonomy, name="taxonomy"),
    path("taxonomy_terms", api.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:item_id>", api.taxonomy_term, name="taxonomy_term"),
    path("service_at_locations", api.service_at_locations, name="service_at_locations"),
    path(
        "service_at_locations/<str:item_id>",
        api.service_at_location,
        name="service_at_location",
    ),
]
