"""The account manager's module (JobPort's account-manager module): employers, vacancies and
candidates. Employers and vacancies are read through their visible_to() querysets, so another
municipality's employer is a 404; candidates through Candidate.objects.visible_to()."""
