"""Delta sync for offline clients: an initial download of everything published, then
only what changed, replayed from the change stream in commit order."""

from django.core import signing
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from api.caching import ResponseCacheMixin
from api.pagination import positive_int
from api.parameters import StrictParametersMixin
from articles.serializers import ArticleSerializer
from articles.views import public_articles
from publishing.transitions import reconcile_due
from treatments.serializers import TreatmentSerializer
from treatments.views import public_treatments

from .models import Action, Change, head

KINDS = {
    "treatment": (public_treatments, TreatmentSerializer),
    "article": (public_articles, ArticleSerializer),
}
DEFAULT_PAGE, MAX_PAGE = 100, 500
SALT = "changelog.sync"  # namespaces the signature; not a secret


def encode(state):
    """Signed, not timestamped: the same position always gives the same token, so a page is
    byte for byte the same whenever (and from whichever backup) it is rendered."""
    return signing.Signer(salt=SALT).sign_object(state, compress=True)


def decode(token, kinds):
    timestamped = token.count(":") == 2  # issued before tokens stopped carrying the time
    try:
        if timestamped:
            state = signing.loads(token, salt=SALT)
        else:
            state = signing.Signer(salt=SALT).unsign_object(token)
    except signing.BadSignature as error:
        raise ValidationError({"token": "Not a token this API issued."}) from error
    if not isinstance(state, dict) or state.get("kinds") != kinds:
        raise ValidationError({"token": "This token was issued for another `type`."})
    return state


class SyncView(ResponseCacheMixin, StrictParametersMixin, APIView):
    """Download everything published, then follow `next_token` for changes since."""

    def allowed_parameters(self):
        return {"token", "type", "page_size"}

    @extend_schema(
        operation_id="sync",
        parameters=[
            OpenApiParameter(
                "token",
                OpenApiTypes.STR,
                description="`next_token` from the last response; omit for the initial download.",
            ),
            OpenApiParameter(
                "type", OpenApiTypes.STR, enum=list(KINDS), description="Only this kind of item."
            ),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
                description=f"Changes per response (default {DEFAULT_PAGE}).",
            ),
        ],
        responses=inline_serializer(
            "SyncPage",
            {
                "changes": inline_serializer(
                    "SyncChange",
                    {
                        "type": serializers.ChoiceField(choices=list(KINDS)),
                        "slug": serializers.SlugField(),
                        "action": serializers.ChoiceField(choices=Action.choices),
                        "reason": serializers.CharField(),
                        "data": serializers.DictField(
                            allow_null=True,
                            help_text="The item as its detail shows it; null for a delete.",
                        ),
                    },
                    many=True,
                ),
                "next_token": serializers.CharField(),
                "has_more": serializers.BooleanField(),
            },
        ),
    )
    def get(self, request):
        kind = request.query_params.get("type")
        if kind is not None and kind not in KINDS:
            raise ValidationError({"type": f"Use one of {', '.join(KINDS)}."})
        kinds = [kind] if kind else list(KINDS)
        size = positive_int(request, "page_size", maximum=MAX_PAGE) or DEFAULT_PAGE
        token = request.query_params.get("token")
        state = decode(token, kinds) if token else {"kinds": kinds, "head": None, "after": None}
        reconcile_due()  # scheduled items whose time came, expiries
        if "position" in state:
            return Response(self.delta_page(state, size))
        return Response(self.initial_page(state, size))

    def serialize(self, kind, items):
        serializer_class = KINDS[kind][1]
        return serializer_class(items, many=True, context={"request": self.request}).data

    def initial_page(self, state, size):
        """A page of the initial download, in (kind, id) order."""
        position = state["head"] if state["head"] is not None else head()
        after = state["after"] or [state["kinds"][0], 0]
        changes = []
        for kind in state["kinds"][state["kinds"].index(after[0]) :]:
            last_id = after[1] if kind == after[0] else 0
            public, _ = KINDS[kind]
            items = list(
                public(detail=True).filter(pk__gt=last_id).order_by("pk")[: size - len(changes)]
            )
            for item, data in zip(items, self.serialize(kind, items), strict=True):
                changes.append(
                    {
                        "type": kind,
                        "slug": item.slug,
                        "action": Action.UPSERT,
                        "reason": "initial",
                        "data": data,
                    }
                )
                after = [kind, item.pk]
            if len(changes) >= size:
                next_state = {"kinds": state["kinds"], "head": position, "after": after}
                return {"changes": changes, "next_token": encode(next_state), "has_more": True}
        delta = {"kinds": state["kinds"], "position": position}
        return {"changes": changes, "next_token": encode(delta), "has_more": self.more_after(delta)}

    def delta_page(self, state, size):
        """Changes after the token's position, the latest per item, in commit order."""
        entries = list(self.entries_after(state)[: size + 1])
        has_more = len(entries) > size
        entries = entries[:size]
        latest = {}
        for entry in entries:  # keyed by slug: a rename deletes the old slug
            latest.pop((entry.kind, entry.slug), None)
            latest[(entry.kind, entry.slug)] = entry
        public = {}
        for kind in state["kinds"]:
            ids = [
                e.object_id for e in latest.values() if e.kind == kind and e.action == Action.UPSERT
            ]
            items = list(KINDS[kind][0](detail=True).filter(pk__in=ids)) if ids else []
            public.update(
                {
                    (kind, i.pk): (i, d)
                    for i, d in zip(items, self.serialize(kind, items), strict=True)
                }
            )
        changes, sent = [], set()
        for entry in latest.values():
            if entry.action == Action.DELETE:
                changes.append(
                    {
                        "type": entry.kind,
                        "slug": entry.slug,
                        "action": Action.DELETE,
                        "reason": entry.reason,
                        "data": None,
                    }
                )
            elif (entry.kind, entry.object_id) in public and (
                entry.kind,
                entry.object_id,
            ) not in sent:
                item, data = public[(entry.kind, entry.object_id)]
                sent.add((entry.kind, entry.object_id))
                changes.append(
                    {
                        "type": entry.kind,
                        "slug": item.slug,
                        "action": Action.UPSERT,
                        "reason": entry.reason,
                        "data": data,
                    }
                )
            # An upsert for an item no longer public is followed by its delete: skip it.
        position = entries[-1].position if entries else state["position"]
        next_state = {"kinds": state["kinds"], "position": position}
        return {"changes": changes, "next_token": encode(next_state), "has_more": has_more}

    def entries_after(self, state):
        return Change.objects.filter(
            position__gt=state["position"], kind__in=state["kinds"]
        ).order_by("position")

    def more_after(self, state):
        return self.entries_after(state).exists()
