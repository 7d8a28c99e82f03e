from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from .concurrency import VERSION_FIELD, ConcurrencyGuardMixin
from .models import Reviewer, Status
from .preview import frontend_preview_url, make_token

PUBLICATION_FIELDS = ("status", "published_at", "unpublish_at")
REVIEW_FIELDS = ("reviewer", "last_reviewed", "next_review_due")


def _to_seconds(values):
    return {
        name: value.replace(microsecond=0) if hasattr(value, "microsecond") else value
        for name, value in values.items()
    }


def historical_relations(record):
    """The many-to-many values a history record saved, as form initial data (primary keys)."""
    relations = {}
    for field in record._history_m2m_fields:
        target = field.m2m_reverse_field_name()
        rows = getattr(record, field.name).all()
        relations[field.name] = [getattr(row, f"{target}_id") for row in rows]
    return relations


class PublishableForm(ConcurrencyGuardMixin):
    """Refuses publication changes from users without the publish permission."""

    can_publish = False  # set per request by PublishableAdmin.get_form
    restored_relations = None  # a history revert form: the version's many-to-many values

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.restored_relations and not self.is_bound:
            self.initial.update(self.restored_relations)

    def clean(self):
        cleaned = super().clean()
        if self.can_publish:
            return cleaned
        model = self._meta.model
        stored = (
            model.objects.filter(pk=self.instance.pk).values(*PUBLICATION_FIELDS).first()
            if self.instance.pk
            else {"status": Status.DRAFT, "published_at": None, "unpublish_at": None}
        )
        new = {name: cleaned.get(name, stored[name]) for name in PUBLICATION_FIELDS}
        new, stored = _to_seconds(new), _to_seconds(stored)  # the admin widget drops microseconds
        touches_public = Status.PUBLISHED in (new["status"], stored["status"])
        if new != stored and touches_public:
            raise forms.ValidationError(
                "You do not have permission to publish, schedule or unpublish. "
                "Save it as a draft and ask a Publisher.",
                code="publish_permission",
            )
        return cleaned


class PublicationStateFilter(admin.SimpleListFilter):
    title = "publication"
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("live", "Live"), ("scheduled", "Scheduled"), ("expired", "Expired")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "live":
            return queryset.published(now)
        if self.value() == "scheduled":
            return queryset.scheduled(now)
        if self.value() == "expired":
            return queryset.filter(status=Status.PUBLISHED, unpublish_at__lte=now)
        return queryset


class ReviewDueFilter(admin.SimpleListFilter):
    title = "medical review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("never", "Never reviewed")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.filter(next_review_due__lt=timezone.localdate())
        if self.value() == "never":
            return queryset.filter(last_reviewed__isnull=True)
        return queryset


class PublishableAdmin(SimpleHistoryAdmin):
    """Admin behaviour shared by treatments and articles: workflow, review, preview."""

    form = PublishableForm
    date_hierarchy = "published_at"
    list_filter = ["status", PublicationStateFilter, ReviewDueFilter]
    actions = ["publish_selected", "unpublish_selected"]
    autocomplete_fields = ["reviewer"]
    readonly_fields = ["preview_links", "created_at", "updated_at"]
    workflow_fieldsets = [
        (
            "Publication",
            {
                "fields": [
                    *PUBLICATION_FIELDS,
                    "preview_links",
                    "created_at",
                    "updated_at",
                    VERSION_FIELD,
                ],
                "description": "Published items whose publish time has passed are public; "
                "a future time schedules publication.",
            },
        ),
        ("Medical review", {"fields": list(REVIEW_FIELDS)}),
        ("Search engines", {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]}),
    ]

    def has_publish_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def has_review_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.review_{opts.model_name}")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        attrs = {"can_publish": self.has_publish_permission(request)}
        if record := getattr(request, "restoring_record", None):
            attrs["restored_relations"] = historical_relations(record)
        return type(form.__name__, (form,), attrs)

    def save_model(self, request, obj, form, change):
        latest = obj.history.order_by("-history_id").first() if change else None
        request.history_mark = latest.history_id if latest else 0
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        self.one_history_entry_per_save(request, obj, "+")
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self.one_history_entry_per_save(request, obj, "~")
        return super().response_change(request, obj)

    def one_history_entry_per_save(self, request, obj, history_type):
        """One admin save is one history entry.

        Saving the row and then each many-to-many field records an entry each; the last one
        holds the whole saved state (fields and relations), so the ones before it are dropped.
        """
        if (mark := getattr(request, "history_mark", None)) is None:
            return
        entries = list(obj.history.filter(history_id__gt=mark).order_by("-history_id"))
        if not entries:
            return
        last, *earlier = entries
        obj.history.filter(history_id__in=[entry.history_id for entry in earlier]).delete()
        if last.history_type != history_type:
            last.history_type = history_type
            last.save(update_fields=["history_type"])

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Restoring a version restores its relations too, not only its own columns."""
        request.restoring_record = self.model.history.filter(
            id=object_id, history_id=version_id
        ).first()
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_review_permission(request):
            fields += REVIEW_FIELDS
        return fields

    @admin.display(description="State", ordering="status")
    def state(self, obj):
        if obj.is_published:
            return "Live"
        if obj.is_scheduled:
            return "Scheduled"
        if obj.status == Status.PUBLISHED:
            return "Expired"
        return obj.get_status_display()

    @admin.display(description="Preview")
    def preview_links(self, obj):
        if not obj or not obj.pk:
            return "Save first to get a preview link."
        token = make_token(obj)
        links = [("API preview", reverse("api:preview", args=[token]))]
        if frontend := frontend_preview_url(token):
            links.append(("Frontend preview", frontend))
        return format_html_join(
            " · ", '<a href="{1}" target="_blank" rel="noopener">{0}</a>', links
        ) or format_html("")

    @admin.action(description="Publish selected items now", permissions=["publish"])
    def publish_selected(self, request, queryset):
        for item in queryset:
            item.publish()
        self.message_user(request, f"Published {len(queryset)} item(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected items (back to draft)", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        for item in queryset:
            item.unpublish()
        self.message_user(request, f"Unpublished {len(queryset)} item(s).", messages.SUCCESS)


@admin.register(Reviewer)
class ReviewerAdmin(admin.ModelAdmin):
    list_display = ["name", "credentials", "registration"]
    search_fields = ["name", "registration"]
