"""Registers generated from the code (issue 17): the GDPR art. 30 register of processing
activities and the matching's entry for the national algorithm register. Both are built from
the same declarations the platform runs on, so they change when the code changes."""
