from django.urls import path

from candidates.views import jobseeker

urlpatterns = [
    path("mijn/", jobseeker.home, name="jobseeker_home"),
]
