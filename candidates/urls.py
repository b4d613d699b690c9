from django.urls import include, path

from candidates.views import inbox

app_name = "candidates"
urlpatterns = [
    path("berichten/", inbox.inbox, name="inbox"),
    path("berichten/<int:pk>/", inbox.thread_detail, name="thread"),
    # The jobseeker portal and the coach module keep their own URL lists.
    path("", include("candidates.urls_jobseeker")),
    path("", include("candidates.urls_coach")),
]
