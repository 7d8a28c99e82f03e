import django_filters

from api.filters import BooleanFilter, DateTimeFilter, SlugListFilter

from .models import BodyArea, Category, Concern, ProcedureType, Treatment


class TreatmentFilter(django_filters.FilterSet):
    concern = SlugListFilter(
        field_name="concerns__slug",
        queryset=Concern.objects.all,
        help_text="Concern slugs, comma-separated: treatments for any of them.",
    )
    area = SlugListFilter(
        field_name="areas__slug",
        queryset=BodyArea.objects.all,
        help_text="Body area slugs, comma-separated: treatments for any of them.",
    )
    category = SlugListFilter(
        field_name="category__slug",
        queryset=Category.objects.all,
        help_text="Category slugs, comma-separated.",
    )
    combinable_with = SlugListFilter(
        field_name="combinations__to_treatment__slug",
        queryset=Treatment.objects.published,
        help_text="Treatment slugs, comma-separated: treatments that combine with any of them.",
    )
    is_surgical = BooleanFilter(method="filter_surgical", help_text="true or false.")
    updated_since = DateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text="ISO 8601 date-time."
    )

    class Meta:
        model = Treatment
        fields = []

    def filter_surgical(self, queryset, name, value):
        if value is None:
            return queryset
        surgical = {"procedure_type": ProcedureType.SURGICAL}
        return queryset.filter(**surgical) if value else queryset.exclude(**surgical)
