"""Retention, automated (SPEC §5).

- rules.py      the periods (RetentionRule rows) and what each counts from; due dates in SQL
- selectors.py  who sees which dossiers, due dates, holds and destruction records
- holds.py      legal holds, placed and released by administrators
- notices.py    the 30-day notice to the responsible coach
- destroy.py    destroying a due dossier, in small locked batches
- purge.py      messages, contact requests, the audit log and unused invitations
- files.py      removing uploads from private storage after commit
- run.py        the daily job: all of the above, once at a time
- report.py     the report for administrators and the data protection officer
"""
