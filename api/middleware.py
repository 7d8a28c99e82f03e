from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag

from partners.throttling import add_rate_limit_headers

from .problems import query_string_too_long, service_unavailable

CONDITIONAL_PREFIXES = ("/api/v1/", "/feeds/", "/sitemap.xml")


MAX_QUERY_STRING = 4096
ADMIN_PREFIX = "/admin/"


class ProtectionMiddleware:
    """Faults and abuse answered as problems, never as 500s or hangs: an oversized query
    string is a 400; a database outage (or a cancelled slow query) is a 503 with
    Retry-After, outside the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
            return query_string_too_long(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(
            exception, (OperationalError, InterfaceError)
        ) and not request.path.startswith(ADMIN_PREFIX):
            return service_unavailable(request)
        return None


class ConditionalAPIMiddleware:
    """ETag, Cache-Control and 304s for every successful public GET.

    The ETag is derived from the response body, so any edit or publish that changes
    what a response shows changes its ETag at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            patch_vary_headers(response, ["Authorization"])  # keys may change what is shown
            add_rate_limit_headers(request, response)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or response.streaming
            or not request.path.startswith(CONDITIONAL_PREFIXES)
        ):
            return response
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = settings.API_CACHE_CONTROL
        if not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=None,
            response=response,
        )
