from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.http import http_date
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from publishing.models import OldSlug

from .caching import ResponseCacheMixin
from .parameters import StrictParametersMixin

PAGING_PARAMETERS = {"page", "page_size"}


class ContentViewSet(ResponseCacheMixin, StrictParametersMixin, viewsets.ReadOnlyModelViewSet):
    """Read-only, slug-addressed resources with an allow-list of query parameters.

    Subclasses build `get_queryset()` from a model's `published()` rule; a hidden
    item therefore 404s on detail with no further code.
    """

    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    list_serializer_class = None
    redirect_old_slugs = False
    selected_fields = None  # set per request from `?fields=`

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class:
            return self.list_serializer_class
        return self.serializer_class

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "selected_fields": self.selected_fields}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.selected_fields = self.parse_fields(request)

    def allowed_parameters(self):
        if self.action != "list":
            return {"fields"}
        allowed = {"fields", *PAGING_PARAMETERS}
        if getattr(self, "filterset_class", None):
            allowed |= set(self.filterset_class.base_filters)
        if getattr(self, "search_fields", None):
            allowed.add("search")
        if getattr(self, "ordering_fields", None):
            allowed.add("ordering")
        return allowed

    def parse_fields(self, request):
        raw = request.query_params.get("fields")
        if raw is None:
            return None
        available = set(self.get_serializer_class()().fields)
        if raw.count(",") >= len(available):
            raise ValidationError({"fields": f"Name at most {len(available)} fields."})
        names = list(dict.fromkeys(name.strip() for name in raw.split(",")))
        if not all(names):
            raise ValidationError({"fields": "Give field names separated by commas."})
        if not available.issuperset(names):
            # The message names no requested field: its text must not vary with the probe.
            choices = ", ".join(sorted(available))
            raise ValidationError({"fields": f"Only these fields can be selected: {choices}."})
        return names

    def retrieve(self, request, *args, **kwargs):
        try:
            response = super().retrieve(request, *args, **kwargs)
        except Http404:
            if moved := self.moved_item(kwargs[self.lookup_field]):
                return self.redirect_to(moved, request)
            raise
        if self.object_updated_at:
            response["Last-Modified"] = http_date(self.object_updated_at.timestamp())
        return response

    def get_object(self):
        item = super().get_object()
        self.object_updated_at = getattr(item, "updated_at", None)
        return item

    def moved_item(self, slug):
        """The published item that used to live at `slug`, if any."""
        if not self.redirect_old_slugs:
            return None
        model = self.get_queryset().model
        item = OldSlug.current_for(model, slug)
        return item if item and self.get_queryset().filter(pk=item.pk).exists() else None

    def redirect_to(self, item, request):
        url = reverse(f"api:{self.basename}-detail", kwargs={self.lookup_field: item.slug})
        if request.META.get("QUERY_STRING"):
            url = f"{url}?{request.META['QUERY_STRING']}"
        return HttpResponsePermanentRedirect(url)
