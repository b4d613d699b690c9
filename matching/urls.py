from django.urls import path

from matching.views import coach, jobseeker, monitoring, vacancies

app_name = "matching"
urlpatterns = [
    path("mijn/vacatures-voor-u/", jobseeker.suggestions, name="jobseeker_suggestions"),
    path("mijn/vacatures-voor-u/<int:vacancy_pk>/reactie/", jobseeker.feedback,
         name="jobseeker_feedback"),
    path("werkmatcher/vacatures-bespreken/", coach.index, name="coach_index"),
    path("werkmatcher/kandidaten/<int:candidate_pk>/vacatures/", coach.suggestions,
         name="coach_suggestions"),
    path("wsp/kandidaten-voor-vacatures/", vacancies.account_manager_index,
         name="account_manager_index"),
    path("wsp/vacatures/<int:vacancy_pk>/kandidaten/", vacancies.account_manager_candidates,
         name="account_manager_candidates"),
    path("werkgever/kandidaten-voor-vacatures/", vacancies.employer_index,
         name="employer_index"),
    path("werkgever/vacatures/<int:vacancy_pk>/kandidaten/", vacancies.employer_candidates,
         name="employer_candidates"),
    path("monitor/matching/", monitoring.fairness, name="fairness"),
    path("monitor/matching/opnieuw/", monitoring.fairness_refresh, name="fairness_refresh"),
    path("beheer/matching/weging/", monitoring.weights, name="weights"),
]
