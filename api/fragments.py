"""Render on write: list and detail responses assembled from stored item fragments.

Serializing models through DRF is most of the cost of an uncached read. Each item's list
and detail representations are therefore rendered once to JSON text and stored (the
`Fragment` model); a page is one query for the ids the filters, ordering and paging select,
one for their fragments, and a join of bytes. A fragment is rendered again when its item is
saved (the item's own are dropped) or when content it embeds changes (the content
generations in its key). `?fields=` picks keys from the stored form.
"""

import hashlib
import json

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from publishing import generations
from publishing.models import Publishable

from .models import Fragment

FORMAT_VERSION = "1"  # bump when a serializer's output changes shape
SHOWN_SETTINGS = ("SITE_URL", "SITE_NAME", "CONTENT_LICENSE", "CONTENT_LICENSE_URL")


class RawJSON(bytes):
    """A response body that is already JSON; the renderer passes it through."""


class FragmentJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, RawJSON):
            return bytes(data)
        return super().render(data, accepted_media_type, renderer_context)


def to_json(data):
    return JSONRenderer().render(data).decode()


def fragment_key(depends_on, state):
    shown = [str(getattr(settings, name, "")) for name in SHOWN_SETTINGS]
    parts = [FORMAT_VERSION, *shown, *(f"{kind}{state[kind]}" for kind in depends_on)]
    return hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


class FragmentViewSetMixin:
    """For a `ContentViewSet`: list and retrieve from stored fragments.

    `fragment_depends_on` maps each form to the content kinds its representation embeds.
    `uses_fragments()` may decline a request whose representation is caller-specific.
    """

    fragment_depends_on = {"list": generations.KINDS, "detail": generations.KINDS}

    def uses_fragments(self):
        return True

    def fragment_kind(self):
        return self.serializer_class.Meta.model._meta.model_name

    def base_queryset(self):
        """What the filters, ordering and paging select ids from: the public set, without
        the relations `get_queryset()` prefetches for rendering."""
        return self.serializer_class.Meta.model.objects.published()

    def current_key(self, form):
        state = self.generation_state or generations.snapshot()
        return fragment_key(self.fragment_depends_on[form], state)

    def fragments_for(self, ids, form):
        """{id: JSON text} for `ids`, rendering and storing the missing or outdated ones."""
        kind, key = self.fragment_kind(), self.current_key(form)
        stored = dict(
            Fragment.objects.filter(kind=kind, form=form, key=key, item_id__in=ids).values_list(
                "item_id", "body"
            )
        )
        if missing := [pk for pk in ids if pk not in stored]:
            rendered = self.render_fragments(missing, form)
            Fragment.objects.bulk_create(
                [Fragment(kind=kind, form=form, item_id=pk, key=key, body=body)
                 for pk, body in rendered.items()],
                update_conflicts=True,
                unique_fields=["kind", "form", "item_id"],
                update_fields=["key", "body"],
            )  # fmt: skip
            stored.update(rendered)
        return stored

    def render_fragments(self, ids, form):
        """Render through the serializers, as the API always did (called in that action)."""
        serializer_class = self.get_serializer_class()
        items = self.get_queryset().filter(pk__in=ids)
        context = {**self.get_serializer_context(), "selected_fields": None}
        data = serializer_class(items, many=True, context=context).data
        return {item.pk: to_json(row) for item, row in zip(items, data, strict=True)}

    def select_fields(self, body):
        if not self.selected_fields:
            return body
        item = json.loads(body)
        return to_json(
            {name: value for name, value in item.items() if name in self.selected_fields}
        )

    def list(self, request, *args, **kwargs):
        if not self.uses_fragments():
            return super().list(request, *args, **kwargs)
        rows = self.filter_queryset(self.base_queryset())
        ids = self.paginate_queryset(rows.values_list("pk", flat=True))
        bodies = self.fragments_for(ids, "list")
        envelope = to_json(
            {
                "count": self.paginator.page.paginator.count,
                "next": self.paginator.get_next_link(),
                "previous": self.paginator.get_previous_link(),
                "results": [],
            }
        )
        items = ",".join(self.select_fields(bodies[pk]) for pk in ids)
        return Response(RawJSON(f"{envelope[:-2]}{items}]}}".encode()))

    def get_object(self):
        if not self.uses_fragments():
            return super().get_object()
        lookup = {self.lookup_field: self.kwargs[self.lookup_field]}
        row = (
            self.filter_queryset(self.base_queryset())
            .filter(**lookup)
            .values_list("pk", "updated_at")
            .first()
        )
        if row is None:
            return super().get_object()  # the same 404 (or old-slug redirect) as ever
        self.object_updated_at = row[1]
        return StoredItem(row[0])

    def get_serializer(self, instance=None, *args, **kwargs):
        if isinstance(instance, StoredItem):
            body = self.fragments_for([instance.pk], "detail")[instance.pk]
            return StoredSerializer(self.select_fields(body))
        return super().get_serializer(instance, *args, **kwargs)


class StoredItem:
    def __init__(self, pk):
        self.pk = pk


class StoredSerializer:
    """What `retrieve()` asks of a serializer: `.data`, here already JSON."""

    def __init__(self, body):
        self.data = RawJSON(body.encode())


def forget(model, ids):
    Fragment.objects.filter(kind=model._meta.model_name, item_id__in=ids).delete()


@receiver(post_save)
@receiver(post_delete)
def _forget_saved_item(sender, instance, raw=False, **kwargs):
    """An item's own change makes its stored renderings outdated."""
    if not raw and isinstance(instance, Publishable):
        forget(type(instance), [instance.pk])


@receiver(m2m_changed)
def _forget_related_items(sender, instance, action, **kwargs):
    """An item's relations changed (`article.tags.add(tag)`): its renderings are outdated.
    (Relations are edited from the item's side; history tracking requires that too.)"""
    if action.startswith("post_") and isinstance(instance, Publishable):
        forget(type(instance), [instance.pk])
