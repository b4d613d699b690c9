"""Forms of the jobseeker portal. They parse and check input and give Dutch messages; the
services in candidates/profile_services.py do the saving."""
