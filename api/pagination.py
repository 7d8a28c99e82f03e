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
        paginator = self.django_paginator_class(queryset, page_size)
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
