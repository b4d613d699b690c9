from django.urls import path

from candidates.views import profile_files, sensitive_review
from candidates.views.jobseeker import (
    documents,
    entries,
    home,
    leaving,
    recorded,
    sharing,
    steps,
    uploads,
    vacancies,
)

urlpatterns = [
    path("mijn/", home.home, name="jobseeker_home"),
    path("mijn/profiel/", steps.overview, name="jobseeker_profile"),
    path("mijn/profiel/beroepen/toevoegen/", steps.occupation_add,
         name="jobseeker_occupation_add"),
    path("mijn/profiel/beroepen/weghalen/", steps.occupation_remove,
         name="jobseeker_occupation_remove"),
    path("mijn/profiel/foto-en-cv/foto/", uploads.photo, name="jobseeker_photo"),
    path("mijn/profiel/foto-en-cv/cv/", uploads.cv, name="jobseeker_cv"),
    path("mijn/profiel/foto-en-cv/cv/bevestigen/", uploads.cv_confirm,
         name="jobseeker_cv_confirm"),
    path("mijn/profiel/<slug:slug>/", steps.step_page, name="jobseeker_step"),
    path("mijn/profiel/<slug:kind>/nieuw/", entries.entry_add, name="jobseeker_entry_add"),
    path("mijn/profiel/<slug:kind>/<int:pk>/", entries.entry_edit,
         name="jobseeker_entry_edit"),
    path("mijn/profiel/<slug:kind>/<int:pk>/verwijderen/", entries.entry_delete,
         name="jobseeker_entry_delete"),
    path("mijn/delen/", sharing.sharing, name="jobseeker_sharing"),
    path("mijn/delen/voorbeeld/", sharing.preview, name="jobseeker_preview"),
    path("mijn/gegevens-gemeente/", recorded.recorded, name="jobseeker_recorded"),
    path("mijn/vacatures/", vacancies.vacancy_list, name="jobseeker_vacancies"),
    path("mijn/vacatures/<int:pk>/", vacancies.vacancy_detail, name="jobseeker_vacancy"),
    path("mijn/reacties/", vacancies.response_list, name="jobseeker_responses"),
    path("mijn/cv.pdf", documents.cv_download, name="jobseeker_cv_pdf"),
    path("mijn/gegevens-wissen/", leaving.erase, name="jobseeker_erase"),
    path("mijn/stoppen/", leaving.leave, name="jobseeker_leave"),
    # Photo and CV for everyone who may see the candidate (checked in the view).
    path("bestanden/kandidaten/<int:pk>/<slug:field>/", profile_files.profile_file,
         name="profile_file"),
    # The coach's review list of confirmed sensitive-data warnings (issue 7).
    path("werkmatcher/gevoelige-gegevens/", sensitive_review.review_list,
         name="sensitive_reviews"),
    path("werkmatcher/gevoelige-gegevens/<int:pk>/afgehandeld/",
         sensitive_review.review_resolve, name="sensitive_review_resolve"),
]
