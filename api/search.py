"""One ranked search across published treatments and articles.

On PostgreSQL: a weighted full-text vector (title A, summary B, body C) in a GIN-indexed
column kept up to date on save, queried with websearch syntax and ranked by ts_rank.
Elsewhere: every word must occur in an item; a word in the title weighs more than one
in the summary, which weighs more than one in the body. Both expand the query with the
synonyms editors maintain ("anti-wrinkle injections" also finds Botox), and highlight
the matched words in a snippet of the body.
"""

import html
import operator
import re
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, CharField, F, Q, Value, When
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView

from articles.models import Article
from publishing.models import SEARCH_CONFIG, Publishable
from treatments.models import Treatment

from .caching import ResponseCacheMixin
from .models import SearchSynonym
from .parameters import REQUIRED_TEXT_PATTERN, StrictParametersMixin, required_text

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
WEIGHTS = {"title": 8, "summary": 3, "body": 1}
SEARCHABLE = {
    "treatment": (Treatment, {"title": "name", "summary": "summary", "body": "description_text"}),
    "article": (Article, {"title": "title", "summary": "summary", "body": "body_text"}),
}
SNIPPET_WORDS = 30


def ranked_fulltext(kind, alternatives):
    """PostgreSQL: published items matching any alternative, ranked by ts_rank."""
    model, _ = SEARCHABLE[kind]
    query = reduce(
        operator.or_,
        [SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG) for text in alternatives],
    )
    return (
        model.objects.published()
        .filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
    )


def ranked_words(kind, alternatives):
    """Any database: published items containing every word of some alternative."""
    model, columns = SEARCHABLE[kind]
    matches, rank = Q(pk__in=[]), Value(0.0)
    for text in alternatives:
        terms = list(dict.fromkeys(text.split()))[:MAX_TERMS]
        every_term = Q()
        for term in terms:
            every_term &= reduce(
                operator.or_, [Q(**{f"{columns[part]}__icontains": term}) for part in WEIGHTS]
            )
            rank = rank + Case(
                *[When(**{f"{columns[part]}__icontains": term}, then=Value(float(weight)))
                  for part, weight in WEIGHTS.items()],
                default=Value(0.0),
            )  # fmt: skip
        matches |= every_term
        rank = rank + Case(
            When(**{f"{columns['title']}__icontains": text}, then=Value(20.0)), default=Value(0.0)
        )
    return model.objects.published().filter(matches).annotate(rank=rank)


def ranked(kind, alternatives):
    """Published items of `kind` matching the query, as uniform rows with a rank."""
    _, columns = SEARCHABLE[kind]
    fulltext = connection.vendor == "postgresql"
    queryset = (ranked_fulltext if fulltext else ranked_words)(kind, alternatives)
    return (
        queryset.annotate(
            result_type=Value(kind, output_field=CharField()),
            result_slug=F("slug"),
            result_title=F(columns["title"]),
            result_summary=F("summary"),
            result_id=F("pk"),
            result_rank=F("rank"),
        )
        .values(
            "result_type",
            "result_slug",
            "result_title",
            "result_summary",
            "result_id",
            "result_rank",
        )
        .order_by()
    )


def search(alternatives, kinds=tuple(SEARCHABLE)):
    """Ranked rows for the query and its synonym expansions (`SearchSynonym.alternatives`)."""
    querysets = [ranked(kind, alternatives) for kind in kinds]
    combined = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
    return combined.order_by("-result_rank", "result_title", "result_type")


def highlight(text, alternatives):
    """A snippet of `text` around the first matched word, matches wrapped in <mark>."""
    words = {w.lower() for a in alternatives for w in re.findall(r"\w+", a) if len(w) > 2}
    tokens = text.split()
    first = next((i for i, t in enumerate(tokens) if re.sub(r"\W", "", t).lower() in words), 0)
    start = max(0, first - SNIPPET_WORDS // 3)
    snippet = []
    for token in tokens[start : start + SNIPPET_WORDS]:
        escaped = html.escape(token)
        snippet.append(
            f"<mark>{escaped}</mark>" if re.sub(r"\W", "", token).lower() in words else escaped
        )
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return prefix + " ".join(snippet) + suffix


class SearchResultSerializer(serializers.Serializer):
    type = serializers.ChoiceField(source="result_type", choices=list(SEARCHABLE))
    slug = serializers.SlugField(source="result_slug")
    title = serializers.CharField(
        source="result_title", help_text="The article's title or the treatment's name."
    )
    summary = serializers.CharField(source="result_summary")
    url = serializers.SerializerMethodField(help_text="Canonical page on the website.")
    api_url = serializers.SerializerMethodField(help_text="The item's detail in this API.")
    rank = serializers.FloatField(source="result_rank", help_text="Higher is more relevant.")
    highlight = serializers.SerializerMethodField(
        help_text="A snippet of the body with the matched words in <mark> (HTML-escaped)."
    )

    def get_url(self, row) -> str:
        model = SEARCHABLE[row["result_type"]][0]
        return Publishable.canonical_url_for(model(slug=row["result_slug"]).site_path())

    def get_highlight(self, row) -> str:
        bodies = self.context.get("bodies", {})
        return highlight(
            bodies.get((row["result_type"], row["result_id"]), ""), self.context["alternatives"]
        )

    def get_api_url(self, row) -> str:
        path = reverse(f"api:{row['result_type']}-detail", args=[row["result_slug"]])
        return self.context["request"].build_absolute_uri(path)


class SearchView(ResponseCacheMixin, StrictParametersMixin, ListAPIView):
    """Search published treatments and articles; titles rank above bodies."""

    serializer_class = SearchResultSerializer
    filter_backends = []
    depends_on = ("treatment", "article", "taxonomy")

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

    def get_serializer_context(self):
        return {**super().get_serializer_context(), **getattr(self, "page_context", {})}

    def paginate_queryset(self, queryset):
        """Fetch the bodies of just this page, for the highlight snippets."""
        page = super().paginate_queryset(queryset)
        bodies = {}
        for kind, (model, columns) in SEARCHABLE.items():
            ids = [row["result_id"] for row in page if row["result_type"] == kind]
            if ids:
                rows = model.objects.filter(pk__in=ids).values_list("pk", columns["body"])
                bodies.update({(kind, pk): text for pk, text in rows})
        self.page_context = {"bodies": bodies, "alternatives": self.alternatives}
        return page

    def get_queryset(self):
        query = required_text(self.request, "q", max_length=MAX_QUERY_LENGTH)
        self.alternatives = SearchSynonym.alternatives(query)
        kind = self.request.query_params.get("type")
        if kind is not None and kind not in SEARCHABLE:
            raise ValidationError({"type": f"Use one of {', '.join(SEARCHABLE)}."})
        return search(self.alternatives, (kind,) if kind else tuple(SEARCHABLE))
