from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers import (
    RangeSerializer,
    ReviewSerializer,
    RichTextSerializer,
    SelectableFieldsMixin,
    SEOSerializer,
    SlugNameSerializer,
    SyndicationSerializer,
)
from partners.policy import brand_names_allowed
from publishing.syndication import syndication_block

from .jsonld import treatment_json_ld
from .models import Treatment


class CombinationSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="to_treatment.slug")
    name = serializers.CharField(source="to_treatment.name")
    note = serializers.CharField()


class FAQSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField()


class ArticleLinkSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()


class TreatmentListSerializer(SelectableFieldsMixin, serializers.ModelSerializer):
    """A treatment in lists. Relations come from the view's published prefetches."""

    category = SlugNameSerializer()
    concerns = SlugNameSerializer(many=True)
    areas = SlugNameSerializer(many=True)
    combinable_with = CombinationSerializer(source="public_combinations", many=True)
    is_surgical = serializers.BooleanField()
    url = serializers.CharField(source="canonical_url", help_text="Canonical page on the website.")
    syndication = serializers.SerializerMethodField()

    class Meta:
        model = Treatment
        fields = [
            "slug",
            "name",
            "summary",
            "category",
            "concerns",
            "areas",
            "combinable_with",
            "procedure_type",
            "is_surgical",
            "prescription_only",
            "url",
            "published_at",
            "updated_at",
            "syndication",
        ]

    @extend_schema_field(SyndicationSerializer)
    def get_syndication(self, item):
        return syndication_block(item)


class TreatmentSerializer(TreatmentListSerializer):
    """A treatment's full set of structured facts."""

    description = serializers.SerializerMethodField()
    providers = SlugNameSerializer(many=True)
    onset_days = serializers.SerializerMethodField()
    duration_months = serializers.SerializerMethodField()
    downtime_days = serializers.SerializerMethodField()
    brand_names = serializers.SerializerMethodField()
    side_effects = serializers.ListField(source="side_effect_list", child=serializers.CharField())
    contraindications = serializers.ListField(
        source="contraindication_list", child=serializers.CharField()
    )
    faqs = FAQSerializer(many=True)
    articles = ArticleLinkSerializer(source="public_articles", many=True)
    medical_review = ReviewSerializer(source="*")
    seo = SEOSerializer(source="*")
    json_ld = serializers.SerializerMethodField()

    class Meta(TreatmentListSerializer.Meta):
        fields = [
            *TreatmentListSerializer.Meta.fields,
            "description",
            "mechanism",
            "providers",
            "onset_days",
            "duration_months",
            "downtime_days",
            "session_minutes",
            "sessions_needed",
            "follow_up",
            "regulatory_note",
            "brand_names",
            "side_effects",
            "contraindications",
            "faqs",
            "articles",
            "medical_review",
            "seo",
            "json_ld",
        ]

    @extend_schema_field(RichTextSerializer)
    def get_description(self, treatment):
        return {
            "html": treatment.description,
            "text": treatment.description_text,
            "blocks": treatment.description_blocks,
        }

    @extend_schema_field(RangeSerializer)
    def get_onset_days(self, treatment):
        return {"min": treatment.onset_min_days, "max": treatment.onset_max_days}

    @extend_schema_field(RangeSerializer)
    def get_duration_months(self, treatment):
        return {"min": treatment.duration_min_months, "max": treatment.duration_max_months}

    @extend_schema_field(RangeSerializer)
    def get_downtime_days(self, treatment):
        return {"min": treatment.downtime_min_days, "max": treatment.downtime_max_days}

    def get_brand_names(self, treatment) -> list[str]:
        if not brand_names_allowed(self.context.get("request"), treatment):
            return []
        return [name.strip() for name in treatment.brand_names.split(",") if name.strip()]

    def get_json_ld(self, treatment) -> dict:
        return treatment_json_ld(treatment)
