from django.urls import path

from bruecke.cases import views_work

urlpatterns = [
    path("arbeit/ohne-familie/", views_work.work_list, name="work_list"),
    path("arbeit/ohne-familie/neu/", views_work.work_create, name="work_create"),
]
