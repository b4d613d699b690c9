from django.urls import include, path

app_name = "employers"
urlpatterns = [
    # The employer portal and the account manager's module keep their own URL lists.
    path("", include("employers.urls_employer")),
    path("", include("employers.urls_account_manager")),
]
