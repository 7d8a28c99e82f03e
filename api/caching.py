"""The response cache: responses keyed on the content generations they depend on.

After authentication, throttling and parameter checks, a GET computes its key from the
host, the full path, what the caller's key may see and the generations of the content
kinds the view shows. The same key is the ETag, so a conditional request is answered
304 before anything is queried or rendered, and a cached body is served as stored.
A publish bumps a generation, which changes every affected key at once.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import parse_etags
from rest_framework.response import Response

from publishing import generations

CACHE_PREFIX = "api:response:"
STORED_HEADERS = ("Content-Type", "Last-Modified")


class CacheHit(Exception):
    def __init__(self, response):
        self.response = response


class ResponseCacheMixin:
    """For views whose GET responses depend only on the URL, the caller's key usage and
    the generations in `depends_on`."""

    depends_on = generations.KINDS
    response_cache = True
    response_cache_key = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not self.response_cache or request.method not in ("GET", "HEAD"):
            return
        state = generations.snapshot()
        audience = getattr(request.auth, "usage", "public")
        parts = [request.get_host(), request.get_full_path(), audience]
        parts += [f"{kind}{state[kind]}" for kind in self.depends_on]
        digest = hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()
        self.response_cache_key, self.etag = CACHE_PREFIX + digest, f'"{digest}"'
        if self.etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
            raise CacheHit(self.cache_headers(HttpResponseNotModified()))
        if (stored := cache.get(self.response_cache_key)) is not None:
            content, headers = stored
            raise CacheHit(self.cache_headers(HttpResponse(content, headers=headers)))

    def handle_exception(self, exc):
        if isinstance(exc, CacheHit):
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            self.response_cache_key
            and isinstance(response, Response)
            and response.status_code == 200
        ):
            self.cache_headers(response)
            response.add_post_render_callback(self.store)
        return response

    def store(self, rendered):
        headers = {name: rendered[name] for name in STORED_HEADERS if rendered.has_header(name)}
        cache.set(
            self.response_cache_key, (rendered.content, headers), settings.API_RESPONSE_CACHE_TTL
        )

    def cache_headers(self, response):
        response["ETag"] = self.etag
        response["Cache-Control"] = settings.API_CACHE_CONTROL
        response["Surrogate-Key"] = " ".join(self.surrogate_keys())
        return response

    def surrogate_keys(self):
        """Keys a CDN can purge by: each content kind shown, and the item on a detail."""
        keys = list(self.depends_on)
        if slug := self.kwargs.get("slug"):
            keys.append(f"{self.basename}:{slug}")
        return keys
