"""Database sessions: one traceback when loading fails, and a light read (issue 12).

Django loads the session inside `except AttributeError:` (the cache attribute is missing on
first use). When the database is down, the OperationalError is raised inside that handler, so
the log shows "'SessionStore' object has no attribute '_session_cache'" first and the real
failure only as "During handling of the above exception...". Loading outside the handler keeps
exactly Django's behaviour and leaves only the real traceback.

Every signed-in request reads its session first: by key, with a statement built once
(hallowerk/fixed_reads.py) instead of a queryset built per request.
"""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone

from hallowerk.fixed_reads import instance_by_pk


class SessionStore(DatabaseSessionStore):
    def _get_session(self, no_load=False):
        self.accessed = True
        if "_session_cache" not in self.__dict__:
            if self.session_key is None or no_load:
                self._session_cache = {}
            else:
                self._session_cache = self.load()
        return self._session_cache

    _session = property(_get_session)

    def _get_session_from_db(self):
        """Django's read (the session row, unless expired). An unknown or expired key
        empties the session key, as Django's does."""
        session_key = self.session_key  # None when the cookie's key is not a valid one
        session = instance_by_pk(self.model, session_key) if session_key is not None else None
        if session is None or session.expire_date <= timezone.now():
            self._session_key = None
            return None
        return session
