"""The report (statistics) pages under /statistik/."""

from django.urls import path

from bruecke.reports import views

app_name = "reports"

urlpatterns = [
    path("statistik/", views.report, name="report"),
    path("statistik/export/", views.export, name="export"),
    path("statistik/sachbericht/", views.sachbericht, name="sachbericht"),
    path("statistik/diagramm/<slug:slug>.svg", views.chart, name="chart"),
]
