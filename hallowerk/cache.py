"""The shared cache: Redis, with a local stand-in while Redis is away.

Only allauth's rate limits use the cache today (login, password reset, …). With a plain
RedisCache a stopped Redis turned every login into a 500. Here a Redis error switches this
process to an in-memory cache for RETRY_SECONDS, then Redis is tried again. While Redis is
away the rate limits still count, per process instead of across processes: a guesser gets
at most (processes × limit) tries, and django-axes' lockout (in the database) stops them
after five failures anyway. Failing open (no limits at all) would have been simpler but
would drop the password-reset mail limit too; failing closed would lock everybody out.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
RETRY_SECONDS = 10
# A Redis that does not answer must not hold a web request for long.
SHORT_TIMEOUTS = {"socket_connect_timeout": 1, "socket_timeout": 1}


class RedisWithLocalFallbackCache(RedisCache):
    def __init__(self, server, params):
        options = params.get("OPTIONS", {})
        params = {**params, "OPTIONS": {**SHORT_TIMEOUTS, **options}}
        super().__init__(server, params)
        self._fallback = LocMemCache(f"redis-fallback:{server}", {
            key: value for key, value in params.items() if key != "OPTIONS"})
        self._redis_away_until = 0.0

    def _call(self, name: str, *args, **kwargs):
        if time.monotonic() >= self._redis_away_until:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except RedisError:
                self._redis_away_until = time.monotonic() + RETRY_SECONDS
                logger.warning("Redis cache unreachable; using the local cache for %s s.",
                               RETRY_SECONDS, exc_info=True)
        return getattr(self._fallback, name)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        return self._call("clear")
