"""One ranked search across published treatments and articles.

Every query term must occur somewhere in an item; a term in the title weighs more
than one in the summary, which weighs more than one in the body.
"""

from django.db.models import Case, CharField, F, Q, Value, When
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView

from articles.models import Article
from publishing.models import Publishable
from treatments.models import Treatment

from .caching import ResponseCacheMixin
from .parameters import REQUIRED_TEXT_PATTERN, StrictParametersMixin, required_text

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
WEIGHTS = {"title": 8, "summary": 3, "body": 1}
SEARCHABLE = {
    "treatment": (Treatment, {"title": "name", "summary": "summary", "body": "description_text"}),
    "article": (Article, {"title": "title", "summary": "summary", "body": "body_text"}),
}


def ranked(kind, terms, phrase):
    """Published items of `kind` matching every term, as uniform rows with a rank."""
    model, columns = SEARCHABLE[kind]
    queryset = model.objects.published()
    rank = Value(0)
    for term in terms:
        queryset = queryset.filter(
            Q(**{f"{columns['title']}__icontains": term})
            | Q(**{f"{columns['summary']}__icontains": term})
            | Q(**{f"{columns['body']}__icontains": term})
        )
        rank = rank + Case(
            *[
                When(**{f"{columns[part]}__icontains": term}, then=Value(weight))
                for part, weight in WEIGHTS.items()
            ],
            default=Value(0),
        )
    rank = rank + Case(
        When(**{f"{columns['title']}__icontains": phrase}, then=Value(20)), default=Value(0)
    )
    return (
        queryset.annotate(
            result_type=Value(kind, output_field=CharField()),
            result_slug=F("slug"),
            result_title=F(columns["title"]),
            result_summary=F("summary"),
            rank=rank,
        )
        .values("result_type", "result_slug", "result_title", "result_summary", "rank")
        .order_by()
    )


def search(query, kinds=tuple(SEARCHABLE)):
    terms = list(dict.fromkeys(query.split()))[:MAX_TERMS]
    querysets = [ranked(kind, terms, query) for kind in kinds]
    combined = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
    return combined.order_by("-rank", "result_title", "result_type")


class SearchResultSerializer(serializers.Serializer):
    type = serializers.ChoiceField(source="result_type", choices=list(SEARCHABLE))
    slug = serializers.SlugField(source="result_slug")
    title = serializers.CharField(
        source="result_title", help_text="The article's title or the treatment's name."
    )
    summary = serializers.CharField(source="result_summary")
    url = serializers.SerializerMethodField(help_text="Canonical page on the website.")
    api_url = serializers.SerializerMethodField(help_text="The item's detail in this API.")
    rank = serializers.IntegerField(help_text="Higher is more relevant.")

    def get_url(self, row) -> str:
        model = SEARCHABLE[row["result_type"]][0]
        return Publishable.canonical_url_for(model(slug=row["result_slug"]).site_path())

    def get_api_url(self, row) -> str:
        path = reverse(f"api:{row['result_type']}-detail", args=[row["result_slug"]])
        return self.context["request"].build_absolute_uri(path)


class SearchView(ResponseCacheMixin, StrictParametersMixin, ListAPIView):
    """Search published treatments and articles; titles rank above bodies."""

    serializer_class = SearchResultSerializer
    filter_backends = []
    depends_on = ("treatment", "article")

    def allowed_parameters(self):
        return {"q", "type", "page", "page_size"}

    @extend_schema(
        operation_id="search",
        parameters=[
            OpenApiParameter(
                "q",
                {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": MAX_QUERY_LENGTH,
                    "pattern": REQUIRED_TEXT_PATTERN,
                },
                required=True,
                description="Words to find; every word must match.",
            ),
            OpenApiParameter(
                "type", OpenApiTypes.STR, enum=list(SEARCHABLE), description="Only this kind."
            ),
        ],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        query = required_text(self.request, "q", max_length=MAX_QUERY_LENGTH)
        kind = self.request.query_params.get("type")
        if kind is not None and kind not in SEARCHABLE:
            raise ValidationError({"type": f"Use one of {', '.join(SEARCHABLE)}."})
        return search(query, (kind,) if kind else tuple(SEARCHABLE))
