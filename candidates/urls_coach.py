from django.urls import path

from candidates.views import coach

urlpatterns = [
    path("werkmatcher/", coach.home, name="coach_home"),
]
