"""Database sessions whose load failure gives one traceback, not two (issue 12).

Django loads the session inside `except AttributeError:` (the cache attribute is missing on
first use). When the database is down, the OperationalError is raised inside that handler, so
the log shows "'SessionStore' object has no attribute '_session_cache'" first and the real
failure only as "During handling of the above exception...". Loading outside the handler keeps
exactly Django's behaviour and leaves only the real traceback.
"""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


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
