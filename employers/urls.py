from django.urls import path

from employers.views import account_manager, employer

app_name = "employers"
urlpatterns = [
    path("werkgever/", employer.home, name="employer_home"),
    path("wsp/", account_manager.home, name="account_manager_home"),
]
