from django.db.models import Prefetch

from api.fragments import FragmentViewSetMixin
from api.views import ContentViewSet
from treatments.models import Treatment
from treatments.views import TaxonomyViewSet

from .filters import ArticleFilter
from .models import Article, Tag
from .serializers import ArticleListSerializer, ArticleSerializer, TagSerializer


def public_articles(detail=False):
    """Published articles; linked treatments come from the published set only."""
    return with_article_relations(Article.objects.published(), detail=detail)


def with_article_relations(queryset, detail=False):
    """`queryset` with the relations its serializer shows, each from published content."""
    queryset = queryset.select_related("author").prefetch_related(
        "tags",
        Prefetch(
            "treatments",
            queryset=Treatment.objects.published().only("slug", "name").order_by("name"),
            to_attr="public_treatments",
        ),
    )
    if detail:
        queryset = queryset.select_related("reviewer")
    return queryset


class ArticleViewSet(FragmentViewSetMixin, ContentViewSet):
    """Published editorial articles."""

    # Articles embed published treatments (names) and taxonomies (tags, author, reviewer).
    fragment_depends_on = {"list": ("treatment", "taxonomy"), "detail": ("treatment", "taxonomy")}
    list_serializer_class = ArticleListSerializer
    serializer_class = ArticleSerializer
    filterset_class = ArticleFilter
    search_fields = ["title", "summary", "slug"]
    ordering_fields = ["published_at", "title", "updated_at"]
    ordering = ["-published_at"]
    redirect_old_slugs = True

    def get_queryset(self):
        queryset = public_articles(detail=self.action != "list")
        return (
            queryset
            if self.action != "list"
            else queryset.defer("body", "body_blocks", "body_text")
        )


class TagViewSet(TaxonomyViewSet):
    """Editorial tags on articles."""

    model = Tag
    serializer_class = TagSerializer
