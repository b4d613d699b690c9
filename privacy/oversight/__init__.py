"""Access oversight for the administrator (issue 17): the audit-log viewer, unusual-access
signals with per-municipality thresholds, and the inactivity periods."""
