from django.urls import path

from employers.views import account_manager

urlpatterns = [
    path("wsp/", account_manager.home, name="account_manager_home"),
]
