import django_filters

from api.filters import DateTimeFilter, SlugListFilter
from treatments.models import Treatment

from .models import Article, Tag


class ArticleFilter(django_filters.FilterSet):
    treatment = SlugListFilter(
        field_name="treatments__slug",
        queryset=Treatment.objects.published,
        help_text="Treatment slugs, comma-separated: articles about any of them.",
    )
    tag = SlugListFilter(
        field_name="tags__slug", queryset=Tag.objects.all, help_text="Tag slugs, comma-separated."
    )
    published_after = DateTimeFilter(
        field_name="published_at", lookup_expr="gte", help_text="ISO 8601 date-time, inclusive."
    )
    published_before = DateTimeFilter(
        field_name="published_at", lookup_expr="lt", help_text="ISO 8601 date-time, exclusive."
    )
    updated_since = DateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text="ISO 8601 date-time."
    )

    class Meta:
        model = Article
        fields = []
