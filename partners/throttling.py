"""Rate limits in the shared cache: per key, and per client address for anonymous callers.

The client address is REMOTE_ADDR, or with API_TRUSTED_PROXIES = n the address n hops
back in X-Forwarded-For; a client cannot reset its budget by rotating that header.
If the cache is unreachable (Redis down), requests are not limited rather than refused.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class RateThrottle(SimpleRateThrottle):
    """DRF's sliding-window throttle, with rates read from settings at request time."""

    def __init__(self):  # the rate depends on the request, so it is parsed in allow_request
        pass

    def rate_for(self, request):
        raise NotImplementedError

    def allow_request(self, request, view):
        self.rate = self.rate_for(request)
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        allowed = super().allow_request(request, view)
        request._request.rate_limit = self  # for the RateLimit headers (api.middleware)
        return allowed

    def remaining(self):
        return max(0, self.num_requests - len(self.history))

    def reset_in(self):
        if not self.history:
            return self.duration
        return max(0, int(self.history[-1] + self.duration - self.now) + 1)


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
