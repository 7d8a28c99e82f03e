from django.contrib import admin

from publishing.admin import PublishableAdmin

from .models import FAQ, BodyArea, Category, Concern, ProviderType, Treatment, TreatmentCombination


@admin.register(Category, Concern, BodyArea, ProviderType)
class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class FAQInline(admin.StackedInline):
    model = FAQ
    extra = 0
    fields = ["question", "answer", "position"]


class CombinationInline(admin.TabularInline):
    model = TreatmentCombination
    fk_name = "from_treatment"
    extra = 0
    autocomplete_fields = ["to_treatment"]
    verbose_name = "combination"
    verbose_name_plural = "Combines with (stored both ways round)"


@admin.register(Treatment)
class TreatmentAdmin(PublishableAdmin):
    list_display = [
        "name",
        "slug",
        "category",
        "state",
        "published_at",
        "next_review_due",
        "updated_at",
    ]
    list_filter = [*PublishableAdmin.list_filter, "category", "procedure_type", "prescription_only"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = [
        *PublishableAdmin.autocomplete_fields,
        "category",
        "concerns",
        "areas",
        "providers",
    ]
    inlines = [FAQInline, CombinationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "category", "summary", "description"]}),
        ("How it works", {"fields": ["mechanism", "concerns", "areas"]}),
        (
            "Results and recovery",
            {
                "fields": [
                    ("onset_min_days", "onset_max_days"),
                    ("duration_min_months", "duration_max_months"),
                    ("downtime_min_days", "downtime_max_days"),
                    ("session_minutes", "sessions_needed"),
                    "follow_up",
                ]
            },
        ),
        (
            "Safety and regulation",
            {
                "fields": [
                    "procedure_type",
                    "providers",
                    "prescription_only",
                    "regulatory_note",
                    "brand_names",
                    "side_effects",
                    "contraindications",
                ]
            },
        ),
        *PublishableAdmin.workflow_fieldsets,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("category")
