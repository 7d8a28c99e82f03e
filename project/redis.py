"""A Redis connection that fails fast while Redis is known to be down.

django-redis is told to ignore cache errors, so an outage degrades to cache misses and
unthrottled requests instead of failures. That alone is not enough when Redis hangs rather
than refuses: every cache call of every request would wait for its socket timeout. After one
failure, this connection refuses at once for `down_for` seconds, then tries Redis again.
"""

import time

import redis


class FailFastConnection(redis.Connection):
    down_for = 5.0
    _down_until = 0.0  # per process, shared by every connection of every pool

    @classmethod
    def _trip(cls):
        FailFastConnection._down_until = time.monotonic() + cls.down_for

    def connect(self, *args, **kwargs):
        if time.monotonic() < FailFastConnection._down_until:
            raise redis.ConnectionError("Redis was unreachable moments ago; not waiting on it")
        try:
            return super().connect(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError):
            self._trip()
            raise

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError):
            self._trip()
            raise
