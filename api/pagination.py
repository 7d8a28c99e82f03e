import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError


def positive_int(request, name, *, maximum=None):
    """A query parameter that must be a whole number ≥ 1 (and ≤ maximum), or None."""
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1 or (maximum and int(raw) > maximum):
        bound = f" between 1 and {maximum}" if maximum else " of at least 1"
        raise ValidationError({name: f"Must be a whole number{bound}."})
    return int(raw)


COUNT_INDEPENDENT = {"page", "page_size", "fields", "ordering", "cursor"}


class CachedCountPaginator(Paginator):
    """Counts a list once per content generation: the COUNT over a large table is the
    most expensive query of a page, and its result only changes with the content."""

    def __init__(self, *args, count_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if self.count_key is None:
            return super().count
        return cache.get_or_set(self.count_key, lambda: Paginator.count.func(self), 3600)


def count_key(request, view):
    """The key of a list's count: its filters and the generations it depends on."""
    state = getattr(view, "generation_state", None)
    if state is None:
        return None
    filters = sorted((k, v) for k, v in request.query_params.items() if k not in COUNT_INDEPENDENT)
    parts = [request.path, repr(filters), *(f"{kind}{state[kind]}" for kind in view.depends_on)]
    return "api:count:" + hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


class PageNumberPagination(pagination.PageNumberPagination):
    """Pages of 20 by default, at most 100; bad values are 400s, a page past the end 404."""

    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        return positive_int(request, "page_size", maximum=self.max_page_size) or self.page_size

    def paginate_queryset(self, queryset, request, view=None):
        number = positive_int(request, "page") or 1
        self.request = request
        page_size = self.get_page_size(request)
        paginator = CachedCountPaginator(queryset, page_size, count_key=count_key(request, view))
        if number > 1 and number > paginator.num_pages:
            raise NotFound(f"Page {number} is past the last page ({paginator.num_pages}).")
        self.page = paginator.page(number)
        return list(self.page)

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["count", "next", "previous", "results"]
        return response

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == "page_size":
                parameter["schema"]["maximum"] = self.max_page_size
                parameter["schema"]["default"] = self.page_size
        return parameters
