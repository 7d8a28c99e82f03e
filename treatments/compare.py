"""Treatments side by side: rows of typed facts, and whether they combine."""

from itertools import combinations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from api.caching import ResponseCacheMixin
from api.filters import SlugListField
from api.parameters import StrictParametersMixin, required_text

from .models import Treatment
from .serializers import TreatmentListSerializer
from .views import public_treatments


def _names(items):
    return [item.name for item in items]


def _range(low, high):
    return {"min": low, "max": high}


# attribute, label, value type, unit, how to read it from a treatment
ROWS = [
    ("category", "Category", "text", None, lambda t: t.category.name),
    ("mechanism", "How it works", "text", None, lambda t: t.mechanism),
    ("concerns", "Concerns treated", "list", None, lambda t: _names(t.concerns.all())),
    ("areas", "Body areas", "list", None, lambda t: _names(t.areas.all())),
    (
        "onset",
        "Results appear",
        "range",
        "days",
        lambda t: _range(t.onset_min_days, t.onset_max_days),
    ),
    (
        "duration",
        "Results last",
        "range",
        "months",
        lambda t: _range(t.duration_min_months, t.duration_max_months),
    ),
    (
        "downtime",
        "Downtime",
        "range",
        "days",
        lambda t: _range(t.downtime_min_days, t.downtime_max_days),
    ),
    ("session_length", "Session length", "integer", "minutes", lambda t: t.session_minutes),
    ("sessions_needed", "Sessions needed", "integer", None, lambda t: t.sessions_needed),
    ("procedure_type", "Procedure type", "text", None, lambda t: t.get_procedure_type_display()),
    ("is_surgical", "Surgical", "boolean", None, lambda t: t.is_surgical),
    ("prescription_only", "Prescription only", "boolean", None, lambda t: t.prescription_only),
    ("providers", "Who may provide it", "list", None, lambda t: _names(t.providers.all())),
]


class CompareRowSerializer(serializers.Serializer):
    attribute = serializers.CharField()
    label = serializers.CharField()
    type = serializers.ChoiceField(choices=["text", "list", "range", "integer", "boolean"])
    unit = serializers.CharField(allow_null=True)
    values = serializers.DictField(
        child=serializers.JSONField(), help_text="Value per treatment slug."
    )


class CombinationPairSerializer(serializers.Serializer):
    treatments = serializers.ListField(child=serializers.SlugField())
    note = serializers.CharField()


class ComparisonSerializer(serializers.Serializer):
    treatments = TreatmentListSerializer(many=True)
    rows = CompareRowSerializer(many=True)
    combinable = serializers.BooleanField(help_text="True when every pair can be combined.")
    combinations = CombinationPairSerializer(many=True)


class CompareView(ResponseCacheMixin, StrictParametersMixin, APIView):
    """Compare 2 to 4 published treatments."""

    depends_on = ("treatment", "taxonomy")

    def allowed_parameters(self):
        return {"treatments"}

    @extend_schema(
        operation_id="compare",
        parameters=[
            OpenApiParameter(
                "treatments",
                {
                    "type": "array",
                    "items": {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"},
                    "minItems": 2,
                    "maxItems": 4,
                    "uniqueItems": True,
                },
                style="form",
                explode=False,
                required=True,
                description="2 to 4 treatment slugs, comma-separated.",
            )
        ],
        responses=ComparisonSerializer,
    )
    def get(self, request):
        slugs = self.requested_slugs(request)
        by_slug = {t.slug: t for t in public_treatments(detail=True).filter(slug__in=slugs)}
        treatments = [by_slug[slug] for slug in slugs]
        pairs = []
        for first, second in combinations(treatments, 2):
            note = next(
                (c.note for c in first.public_combinations if c.to_treatment_id == second.pk), None
            )
            if note is not None:
                pairs.append({"treatments": [first.slug, second.slug], "note": note})
        return Response(
            {
                "treatments": TreatmentListSerializer(
                    treatments, many=True, context={"request": request}
                ).data,
                "rows": [
                    {
                        "attribute": attribute,
                        "label": label,
                        "type": kind,
                        "unit": unit,
                        "values": {t.slug: read(t) for t in treatments},
                    }
                    for attribute, label, kind, unit, read in ROWS
                ],
                "combinable": len(pairs) == len(treatments) * (len(treatments) - 1) // 2,
                "combinations": pairs,
            }
        )

    def requested_slugs(self, request):
        raw = required_text(request, "treatments", max_length=1000)
        field = SlugListField(queryset=Treatment.objects.published)
        try:
            slugs = field.clean(raw)
        except DjangoValidationError as error:
            raise ValidationError({"treatments": error.messages}) from error
        if not 2 <= len(slugs) <= 4:
            raise ValidationError({"treatments": "Give 2 to 4 different treatment slugs."})
        return slugs
