from django.urls import path

from candidates.views import coach, jobseeker

app_name = "candidates"
urlpatterns = [
    path("mijn/", jobseeker.home, name="jobseeker_home"),
    path("werkmatcher/", coach.home, name="coach_home"),
]
