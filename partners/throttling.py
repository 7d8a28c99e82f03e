"""Rate limits in the shared cache: per key, and per client address for anonymous callers.

The client address is REMOTE_ADDR, or with API_TRUSTED_PROXIES = n the address n hops
back in X-Forwarded-For; a client cannot reset its budget by rotating that header.
If the cache is unreachable (Redis down), requests are not limited rather than refused.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class RateThrottle(SimpleRateThrottle):
    """A fixed-window counter per caller: one atomic `incr` in the shared cache per
    request (DRF's sliding window stores every timestamp, which grows with the rate).
    Rates are read from settings at request time."""

    def __init__(self):  # the rate depends on the request, so it is parsed in allow_request
        pass

    def rate_for(self, request):
        raise NotImplementedError

    def allow_request(self, request, view):
        self.rate = self.rate_for(request)
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.window_end = (window + 1) * self.duration
        self.count = self.increment(f"{self.get_cache_key(request, view)}:{window}")
        request._request.rate_limit = self  # for the RateLimit headers (api.middleware)
        return self.count <= self.num_requests

    def increment(self, key):
        """This window's count after this request; 0 when the cache cannot count."""
        try:
            if hasattr(self.cache, "expire"):  # django-redis: INCR creates the key, 1 round trip
                count = self.cache.incr(key, 1, ignore_key_check=True)
                if count == 1:
                    self.cache.expire(key, self.duration + 1)
                return count or 0  # None: Redis unreachable (IGNORE_EXCEPTIONS)
            self.cache.add(key, 0, self.duration + 1)
            return self.cache.incr(key)
        except ValueError:  # the key was lost between add and incr
            return 0

    def wait(self):
        return max(1, int(self.window_end - self.now) + 1)

    def remaining(self):
        return max(0, self.num_requests - self.count)

    def reset_in(self):
        return max(1, int(self.window_end - self.now) + 1)


class AnonymousRateThrottle(RateThrottle):
    scope = "anonymous"

    def rate_for(self, request):
        return None if request.auth else settings.API_ANON_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class APIKeyRateThrottle(RateThrottle):
    scope = "key"

    def rate_for(self, request):
        return request.auth.effective_rate if request.auth else None

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


def add_rate_limit_headers(request, response):
    """RateLimit headers (IETF draft) on every response counted against a limit."""
    limit = getattr(request, "rate_limit", None)
    if limit is None:
        return
    response["RateLimit-Policy"] = f"{limit.num_requests};w={limit.duration}"
    response["RateLimit"] = (
        f"limit={limit.num_requests}, remaining={limit.remaining()}, reset={limit.reset_in()}"
    )
