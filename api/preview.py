"""Drafts for the holders of a signed preview token (editors, the frontend's preview page)."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.models import Article
from articles.serializers import ArticleSerializer
from articles.views import with_article_relations
from publishing.preview import item_for_token
from treatments.models import Treatment
from treatments.serializers import TreatmentSerializer
from treatments.views import with_treatment_relations

from .parameters import StrictParametersMixin

PREVIEWS = {
    Treatment: ("treatment", with_treatment_relations, TreatmentSerializer),
    Article: ("article", with_article_relations, ArticleSerializer),
}


class PreviewView(StrictParametersMixin, APIView):
    """The current state of one item, whatever its status, for a valid token."""

    @extend_schema(
        operation_id="preview",
        responses=inline_serializer(
            "Preview",
            {
                "type": serializers.ChoiceField(choices=["treatment", "article"]),
                "status": serializers.CharField(),
                "is_published": serializers.BooleanField(),
                "item": serializers.DictField(
                    help_text="The item as its detail endpoint shows it."
                ),
            },
        ),
    )
    def get(self, request, token):
        item = item_for_token(token)
        if item is None:
            raise NotFound("This preview link is invalid or has expired.")
        kind, with_relations, serializer_class = PREVIEWS[type(item)]
        item = with_relations(type(item).objects.filter(pk=item.pk), detail=True).get()
        data = serializer_class(item, context={"request": request}).data
        response = Response(
            {"type": kind, "status": item.status, "is_published": item.is_published, "item": data}
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
