from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers import (
    ReviewSerializer,
    RichTextSerializer,
    SelectableFieldsMixin,
    SEOSerializer,
    SlugNameSerializer,
    SyndicationSerializer,
)
from publishing.syndication import syndication_block

from .jsonld import article_json_ld
from .models import Article


class ArticleListSerializer(SelectableFieldsMixin, serializers.ModelSerializer):
    """An article in lists. Treatments come from the view's published prefetch."""

    author = SlugNameSerializer(allow_null=True)
    treatments = SlugNameSerializer(source="public_treatments", many=True)
    tags = SlugNameSerializer(many=True)
    url = serializers.CharField(source="canonical_url", help_text="Canonical page on the website.")
    syndication = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "slug",
            "title",
            "summary",
            "author",
            "treatments",
            "tags",
            "published_at",
            "updated_at",
            "url",
            "syndication",
        ]

    @extend_schema_field(SyndicationSerializer)
    def get_syndication(self, item):
        return syndication_block(item)


class ArticleSerializer(ArticleListSerializer):
    """An article with its body and medical review."""

    body = serializers.SerializerMethodField()
    medical_review = ReviewSerializer(source="*")
    seo = SEOSerializer(source="*")
    json_ld = serializers.SerializerMethodField()

    class Meta(ArticleListSerializer.Meta):
        fields = [*ArticleListSerializer.Meta.fields, "body", "medical_review", "seo", "json_ld"]

    @extend_schema_field(RichTextSerializer)
    def get_body(self, article):
        return {"html": article.body, "text": article.body_text, "blocks": article.body_blocks}

    def get_json_ld(self, article) -> dict:
        return article_json_ld(article)


class TagSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
