"""Render on write: list and detail responses assembled from stored item fragments.

Serializing models through DRF is most of the cost of an uncached read. Each item's list
and detail representations are therefore rendered once to JSON text and stored (the
`Fragment` model); a page is one query for the ids the filters, ordering and paging
select, one for their stored fragments, and a join of bytes. A fragment is rendered
again when its item is saved (the item's own are dropped) or when content it embeds changes
(the content generations in its key). `?fields=` picks keys from the stored form.
"""

import hashlib
import json

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from publishing import generations
from publishing.models import Publishable

from . import cursors
from .models import Fragment
from .pagination import CachedCountPaginator, count_key, positive_int

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

    def allowed_parameters(self):
        return super().allowed_parameters() | ({"cursor"} if self.action == "list" else set())

    def fragment_kind(self):
        return self.serializer_class.Meta.model._meta.model_name

    def base_queryset(self):
        """What the filters, ordering and paging select ids from: the public set, without
        the relations `get_queryset()` prefetches for rendering."""
        return self.serializer_class.Meta.model.objects.published()

    def current_key(self, form):
        """Computed once per request and form (the lookup and the upsert both need it)."""
        keys = self.__dict__.setdefault("_fragment_keys", {})
        if form not in keys:
            state = self.generation_state or generations.snapshot()
            keys[form] = fragment_key(self.fragment_depends_on[form], state)
        return keys[form]

    def with_fragment(self, rows, form):
        """`rows` with each item's current stored fragment (or None) as `stored_fragment`.

        For a single item (a detail) only: the database computes the column for every row
        it passes over, so on a list page the rows skipped by OFFSET would each pay for it.
        """
        stored = Fragment.objects.filter(
            kind=self.fragment_kind(), form=form, key=self.current_key(form), item_id=OuterRef("pk")
        )
        return rows.annotate(stored_fragment=Subquery(stored.values("body")[:1]))

    def stored_fragments(self, ids, form):
        """{id: stored text or None} for the page's ids: one query by primary key."""
        found = dict.fromkeys(ids)
        stored = Fragment.objects.filter(
            kind=self.fragment_kind(), form=form, key=self.current_key(form), item_id__in=ids
        )
        found.update(stored.values_list("item_id", "body"))
        return found

    def complete(self, found, form):
        """{id: JSON text} from {id: stored text or None}, rendering and storing what is
        missing or outdated."""
        kind, key = self.fragment_kind(), self.current_key(form)
        stored = {pk: body for pk, body in found.items() if body is not None}
        if missing := [pk for pk in found if pk not in stored]:
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
        terms = cursors.ordering_terms(rows)
        fields = [term.lstrip("-") for term in terms]
        if (cursor := request.query_params.get("cursor")) is not None:
            envelope, page = self.cursor_page(rows, terms, fields, cursor)
        else:
            page = self.paginate_queryset(rows.values_list(*fields))
            envelope = {
                "count": self.paginator.page.paginator.count,
                "next": self.paginator.get_next_link(),
                "previous": self.paginator.get_previous_link(),
            }
        ids = [row[-1] for row in page]  # the primary key is the last sort value
        bodies = self.complete(self.stored_fragments(ids, "list"), "list")
        head = to_json({**envelope, "results": []})
        items = ",".join(self.select_fields(bodies[pk]) for pk in ids)
        return Response(RawJSON(f"{head[:-2]}{items}]}}".encode()))

    def cursor_page(self, rows, terms, fields, cursor):
        """The page after `cursor` (`start`: the first page; with `page=n`, the n-th page
        after it); `next` continues with the next cursor. Past the last item, no results."""
        size = self.paginator.get_page_size(self.request)
        skip = size * ((positive_int(self.request, "page") or 1) - 1)
        count = CachedCountPaginator(rows, size, count_key=count_key(self.request, self)).count
        if cursor != cursors.START:
            rows = cursors.after(rows, terms, cursors.decode(cursor, terms, rows.model))
        window = rows.values_list(*fields)
        # No list holds more than `count` items after a cursor: skipping that many is the end
        # (and a huge `page` never reaches the database as an OFFSET it cannot hold).
        page = list(window[skip : skip + size + 1]) if skip < count else []
        next_cursor = cursors.encode(terms, page[size - 1]) if len(page) > size else None
        url = remove_query_param(self.request.build_absolute_uri(), "page")
        next_url = replace_query_param(url, "cursor", next_cursor) if next_cursor else None
        envelope = {"count": count, "next": next_url, "previous": None}
        return envelope, page[:size]

    def get_object(self):
        if not self.uses_fragments():
            return super().get_object()
        lookup = {self.lookup_field: self.kwargs[self.lookup_field]}
        rows = self.filter_queryset(self.base_queryset()).filter(**lookup)
        row = (
            self.with_fragment(rows, "detail")
            .values_list("pk", "updated_at", "stored_fragment")
            .first()
        )
        if row is None:
            return super().get_object()  # the same 404 (or old-slug redirect) as ever
        self.object_updated_at = row[1]
        return StoredItem(row[0], row[2])

    def get_serializer(self, instance=None, *args, **kwargs):
        if isinstance(instance, StoredItem):
            body = self.complete({instance.pk: instance.body}, "detail")[instance.pk]
            return StoredSerializer(self.select_fields(body))
        return super().get_serializer(instance, *args, **kwargs)


class StoredItem:
    def __init__(self, pk, body):
        self.pk, self.body = pk, body


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
