"""The response cache: responses keyed on the content generations they depend on.

After authentication, throttling and parameter checks, a GET computes its key from the
host, the full path, what the caller's key may see and the generations of the content
kinds the view shows. The same key is the ETag, so a conditional request is answered
304 before anything is queried or rendered, and a cached body is served as stored.
A publish bumps a generation, which changes every affected key at once.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import parse_etags
from rest_framework.response import Response

from publishing import generations

from .problems import method_not_allowed

CACHE_PREFIX = "api:response:"
STORED_HEADERS = ("Content-Type", "Last-Modified")


def generation_key(request, depends_on, audience="public", state=None):
    """(cache key, ETag) for `request` given the current content generations."""
    state = state or generations.snapshot()
    parts = [request.get_host(), request.get_full_path(), audience]
    parts += [f"{kind}{state[kind]}" for kind in depends_on]
    digest = hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()
    return CACHE_PREFIX + digest, f'"{digest}"'


def store(key, rendered):
    headers = {name: rendered[name] for name in STORED_HEADERS if rendered.has_header(name)}
    cache.set(key, (rendered.content, headers), settings.API_RESPONSE_CACHE_TTL)


def cached_response(request, key, etag):
    """A 304 or a stored response for `key`, or None."""
    if etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
        return HttpResponseNotModified()
    if (stored := cache.get(key)) is not None:
        content, headers = stored
        return HttpResponse(content, headers=headers)
    return None


def generation_cached(*depends_on):
    """The response cache for plain Django views (feeds, sitemap)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD", "OPTIONS"):
                return method_not_allowed(request)  # read-only: a body is never read
            if not settings.API_RESPONSE_CACHE or request.method != "GET":
                return view(request, *args, **kwargs)
            key, etag = generation_key(request, depends_on)
            response = cached_response(request, key, etag)
            if response is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200:
                    return response
                if getattr(response, "is_rendered", True):
                    store(key, response)
                else:  # a TemplateResponse renders later
                    response.add_post_render_callback(lambda rendered: store(key, rendered))
            response["ETag"] = etag
            response["Surrogate-Key"] = " ".join(depends_on)
            return response

        return wrapped

    return decorator


class CacheHit(Exception):
    def __init__(self, response):
        self.response = response


class ResponseCacheMixin:
    """For views whose GET responses depend only on the URL, the caller's key usage and
    the generations in `depends_on`."""

    depends_on = generations.KINDS
    response_cache = True
    response_cache_key = None
    generation_state = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return
        self.generation_state = generations.snapshot()  # also keys cached list counts
        if not (self.response_cache and settings.API_RESPONSE_CACHE):
            return
        audience = getattr(request.auth, "usage", "public")
        self.response_cache_key, self.etag = generation_key(
            request, self.depends_on, audience, self.generation_state
        )
        if (response := cached_response(request, self.response_cache_key, self.etag)) is not None:
            raise CacheHit(self.cache_headers(response))

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
            key = self.response_cache_key
            response.add_post_render_callback(lambda rendered: store(key, rendered))
        return response

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
