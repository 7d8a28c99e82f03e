"""Strict filtering: every value is checked, and a bad one is a 400 that names the parameter."""

import datetime

import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters
from rest_framework.exceptions import ValidationError

MAX_SLUGS = 20
MAX_SEARCH_LENGTH = 200


class SlugListField(forms.Field):
    """Comma-separated slugs, each of which must exist in `queryset()` (called per request)."""

    def __init__(self, *, queryset, **kwargs):
        self.queryset = queryset
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in (None, ""):
            return []
        slugs = [slug.strip() for slug in value.split(",")]
        if not all(slugs):
            raise forms.ValidationError("Give slugs separated by commas, with none empty.")
        if len(slugs) > MAX_SLUGS:
            raise forms.ValidationError(f"Give at most {MAX_SLUGS} slugs.")
        return list(dict.fromkeys(slugs))

    def validate(self, slugs):
        super().validate(slugs)
        if not slugs:
            return
        known = set(self.queryset().filter(slug__in=slugs).values_list("slug", flat=True))
        if unknown := [slug for slug in slugs if slug not in known]:
            # User text goes in params: a "%" in it must not break message formatting.
            raise forms.ValidationError(
                "Unknown slug: %(slugs)s.", params={"slugs": ", ".join(unknown)}
            )


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, skipped when the request names none of the filters (most
    list requests): building and validating an empty filter form is pure cost."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None or not set(filterset_class.base_filters) & set(
            request.query_params
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


class SlugListFilter(django_filters.CharFilter):
    """Items related to any of the given slugs."""

    field_class = SlugListField

    def filter(self, qs, value):
        """A semi-join (`id IN (…)`), not a join with DISTINCT: the database can then walk
        the list's ordering index and stop at a page, instead of sorting every match."""
        if not value:
            return qs
        related = qs.model.objects.filter(**{f"{self.field_name}__in": value})
        return qs.filter(pk__in=related.values("pk"))


class StrictBooleanField(forms.Field):
    TRUE, FALSE = {"true", "1"}, {"false", "0"}

    def to_python(self, value):
        if value in (None, ""):
            return None
        if str(value).lower() in self.TRUE:
            return True
        if str(value).lower() in self.FALSE:
            return False
        raise forms.ValidationError("Must be true or false.")


class BooleanFilter(django_filters.BooleanFilter):
    """A boolean filter that rejects anything but true/false instead of ignoring it."""

    field_class = StrictBooleanField


class DateTimeField(django_filters.fields.IsoDateTimeField):
    """ISO 8601 date-time; one whose offset pushes it past year 1 or 9999 in UTC is
    clamped to that bound (it means "since forever" / "until forever"), not a 500."""

    def to_python(self, value):
        parsed = super().to_python(value)
        if parsed is None:
            return None
        try:
            return parsed.astimezone(datetime.UTC)
        except OverflowError:
            bound = datetime.datetime.min if parsed.year == 1 else datetime.datetime.max
            return bound.replace(tzinfo=datetime.UTC)


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 date-time filter that copes with extreme values."""

    field_class = DateTimeField


class SearchFilter(filters.SearchFilter):
    """DRF's search, with a length cap so a huge `search` is a 400, not a slow query."""

    def get_search_terms(self, request):
        value = request.query_params.get(self.search_param, "")
        if len(value) > MAX_SEARCH_LENGTH:
            raise ValidationError({self.search_param: f"At most {MAX_SEARCH_LENGTH} characters."})
        return super().get_search_terms(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["maxLength"] = MAX_SEARCH_LENGTH
            parameter["description"] = "Words to find in names, titles, summaries and slugs."
        return parameters


class OrderingFilter(filters.OrderingFilter):
    """DRF's ordering, but an unknown field is a 400 rather than silently ignored.

    The primary key is always the last sort key, so pages are stable.
    """

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is None:
            return self.get_default_ordering(view)
        terms = [term.strip() for term in raw.split(",")]
        allowed = [name for name, _ in self.get_valid_fields(queryset, view, {"request": request})]
        if len(terms) > len(allowed):
            raise ValidationError({self.ordering_param: f"Sort by at most {len(allowed)} fields."})
        if not all(terms) or any(term.lstrip("-") not in allowed for term in terms):
            choices = ", ".join(allowed)
            raise ValidationError(
                {self.ordering_param: f"Unknown ordering; use one of {choices}, with - to reverse."}
            )
        return [*terms, "-pk" if terms[-1].startswith("-") else "pk"]

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        fields = list(getattr(view, "ordering_fields", []))
        for parameter in parameters:
            names = "|".join(fields)
            parameter["schema"] = {
                "type": "string",
                "pattern": rf"^-?({names})(,-?({names})){{0,{len(fields) - 1}}}$",
            }
            parameter["description"] = (
                f"Sort by {', '.join(fields)}; prefix - for descending; comma-separate several."
            )
        return parameters
