"""The jobseeker portal: start page, profile steps, sharing, vacancies, CV, erasure.

Every view is for the jobseeker role only and works on the jobseeker's own dossier, fetched
through Candidate.objects.visible_to(); there is no candidate id in these URLs to tamper with.
"""
