from rest_framework import serializers


class SelectableFieldsMixin:
    """Keeps only the top-level fields the view validated from `?fields=`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        selected = self.context.get("selected_fields")
        if selected:
            for name in set(self.fields) - set(selected):
                self.fields.pop(name)


class ProblemErrorSerializer(serializers.Serializer):
    parameter = serializers.CharField(allow_null=True)
    detail = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField(help_text="A URI reference identifying the problem type.")
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField(required=False)
    errors = ProblemErrorSerializer(many=True, required=False)


class SlugNameSerializer(serializers.Serializer):
    """A related item as `{slug, name}`."""

    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class RangeSerializer(serializers.Serializer):
    min = serializers.IntegerField(allow_null=True)
    max = serializers.IntegerField(allow_null=True)


class RichTextSerializer(serializers.Serializer):
    """A rich body: sanitized HTML, plain text, and blocks for native rendering."""

    html = serializers.CharField()
    text = serializers.CharField()
    blocks = serializers.ListField(child=serializers.DictField())


class ReviewSerializer(serializers.Serializer):
    reviewer = serializers.SerializerMethodField()
    last_reviewed = serializers.DateField(allow_null=True)
    next_review_due = serializers.DateField(allow_null=True)

    def get_reviewer(self, item) -> dict | None:
        if not item.reviewer:
            return None
        return {"name": item.reviewer.name, "credentials": item.reviewer.credentials}


class SEOSerializer(serializers.Serializer):
    title = serializers.CharField(source="seo_title")
    description = serializers.CharField(source="seo_description")


class AttributionSerializer(serializers.Serializer):
    text = serializers.CharField()
    url = serializers.CharField()


class LicenseSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.CharField()


class SyndicationSerializer(serializers.Serializer):
    """Terms for partners who republish the item."""

    canonical_url = serializers.CharField()
    attribution = AttributionSerializer()
    license = LicenseSerializer()
    robots = serializers.CharField(help_text="Robots advice for partner copies.")
