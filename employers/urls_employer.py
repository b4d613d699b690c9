from django.urls import path

from employers.views import employer

urlpatterns = [
    path("werkgever/", employer.home, name="employer_home"),
]
