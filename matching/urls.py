from django.urls import path  # noqa: F401  (the matching pages add their routes here)

app_name = "matching"
urlpatterns: list = []
