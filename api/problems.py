"""RFC 9457 problem details for every error the API (and the site outside /admin/) returns."""

from http import HTTPStatus

from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem_body(status_code, detail, *, errors=None, instance=None):
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status_code).phrase,
        "status": status_code,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    return body


def parameter_errors(detail):
    """Flatten a DRF/django-filter error dict into [{"parameter", "detail"}]."""
    if not isinstance(detail, dict):
        items = detail if isinstance(detail, list) else [detail]
        return [{"parameter": None, "detail": str(message)} for message in items]
    errors = []
    for parameter, messages in detail.items():
        for message in messages if isinstance(messages, list) else [messages]:
            errors.append({"parameter": parameter, "detail": str(message)})
    return errors


RETRY_AFTER_SECONDS = 5


class ServiceUnavailable(exceptions.APIException):
    status_code = 503
    default_detail = "The database is unavailable; try again shortly."


def parameter_problem(detail, instance):
    """The 400 body for invalid query parameters, naming each one in `errors`."""
    errors = parameter_errors(detail)
    names = ", ".join(sorted({e["parameter"] for e in errors if e["parameter"]}))
    message = f"Invalid query parameter: {names}." if names else "Invalid request."
    return problem_body(status.HTTP_400_BAD_REQUEST, message, errors=errors, instance=instance)


def exception_handler(exc, context):
    """DRF's exception handler, speaking problem+json."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, (OperationalError, InterfaceError)):  # database down or timed out
        exc = ServiceUnavailable()
        exc.wait = RETRY_AFTER_SECONDS
    if not isinstance(exc, exceptions.APIException):
        return None  # a bug: let Django's 500 handler answer (also problem+json)

    request = context.get("request")
    instance = request.path if request else None
    if request is not None:  # a problem is JSON even from a view that speaks YAML (the schema)
        request.accepted_renderer, request.accepted_media_type = (
            JSONRenderer(),
            PROBLEM_CONTENT_TYPE,
        )
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))

    if isinstance(exc, exceptions.ValidationError):
        body = parameter_problem(exc.detail, instance)
    else:
        body = problem_body(exc.status_code, str(exc.detail), instance=instance)
    return Response(body, status=body["status"], headers=headers, content_type=PROBLEM_CONTENT_TYPE)


def _problem_view(status_code, detail):
    def view(request, exception=None):
        body = problem_body(status_code, detail, instance=request.path)
        return JsonResponse(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)

    return view


bad_request = _problem_view(400, "The request could not be understood.")
permission_denied = _problem_view(403, "You do not have permission to perform this action.")
page_not_found = _problem_view(404, "Nothing is published at this address.")
server_error = _problem_view(500, "An unexpected error occurred; it has been logged.")


_read_only = _problem_view(405, "Only GET and HEAD are served here.")


def method_not_allowed(request):
    response = _read_only(request)
    response["Allow"] = "GET, HEAD, OPTIONS"
    return response


def service_unavailable(request):
    body = problem_body(503, ServiceUnavailable.default_detail, instance=request.path)
    response = JsonResponse(body, status=503, content_type=PROBLEM_CONTENT_TYPE)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def query_string_too_long(request):
    """A 400 (not 414): clients and fuzzers treat 400 as the rejection of bad input."""
    body = problem_body(
        400, "The query string is longer than 4,096 characters.", instance=request.path
    )
    return JsonResponse(body, status=400, content_type=PROBLEM_CONTENT_TYPE)
