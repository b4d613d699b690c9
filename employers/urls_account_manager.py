from django.urls import path

from employers.views.account_manager import candidates, employers, home, vacancies

urlpatterns = [
    path("wsp/", home.home, name="account_manager_home"),
    path("wsp/werkgevers/", employers.employer_list, name="am_employers"),
    path("wsp/werkgevers/nieuw/", employers.employer_invite_start, name="am_employer_invite"),
    path("wsp/werkgevers/nieuw/gegevens/", employers.employer_invite_details,
         name="am_employer_invite_details"),
    path("wsp/werkgevers/<int:pk>/", employers.employer_detail, name="am_employer"),
    path("wsp/werkgevers/<int:pk>/wijzigen/", employers.employer_edit, name="am_employer_edit"),
    path("wsp/werkgevers/<int:pk>/gebruikers/", employers.employer_user_add,
         name="am_employer_user_add"),
    path("wsp/werkgevers/<int:pk>/stoppen/", employers.employer_stop, name="am_employer_stop"),
    path("wsp/werkgevers/<int:employer_pk>/vacatures/nieuw/", vacancies.vacancy_new,
         name="am_vacancy_new"),
    path("wsp/vacatures/", vacancies.vacancy_list, name="am_vacancies"),
    path("wsp/vacatures/<int:pk>/", vacancies.vacancy_detail, name="am_vacancy"),
    path("wsp/vacatures/<int:pk>/wijzigen/", vacancies.vacancy_edit, name="am_vacancy_edit"),
    path("wsp/vacatures/<int:pk>/status/", vacancies.vacancy_status, name="am_vacancy_status"),
    path("wsp/kandidaten/", candidates.candidate_list, name="am_candidates"),
    path("wsp/kandidaten/<int:pk>/", candidates.candidate_detail, name="am_candidate"),
    path("wsp/kandidaten/<int:pk>/verbergen/", candidates.candidate_hide_view,
         name="am_candidate_hide"),
    path("wsp/kandidaten/<int:pk>/tonen/", candidates.candidate_unhide_view,
         name="am_candidate_unhide"),
]
