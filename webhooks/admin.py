from django import forms
from django.contrib import admin, messages
from django.db import transaction

from .models import EVENT_TYPES, Attempt, Delivery, DeliveryStatus, Endpoint
from .tasks import deliver


class EndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        choices=[(t, t) for t in EVENT_TYPES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="None selected: all events.",
    )

    class Meta:
        model = Endpoint
        fields = ["url", "description", "events", "is_active"]


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    list_display = ["url", "description", "is_active", "disabled_reason", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "description"]
    readonly_fields = ["secret", "disabled_reason", "created_at"]


class AttemptInline(admin.TabularInline):
    model = Attempt
    extra = 0
    can_delete = False
    fields = ["number", "started_at", "status_code", "latency_ms", "response_excerpt", "error"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "endpoint", "status", "attempts", "next_attempt_at", "updated_at"]
    list_filter = ["status", "endpoint"]
    readonly_fields = ["event", "endpoint", "status", "attempts", "next_attempt_at", "created_at"]
    fields = readonly_fields
    inlines = [AttemptInline]
    actions = ["redeliver"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Redeliver selected events now")
    def redeliver(self, request, queryset):
        with transaction.atomic():
            for delivery in queryset.select_related("endpoint"):
                if not delivery.endpoint.is_active:
                    continue
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=DeliveryStatus.PENDING, next_attempt_at=None
                )
                deliver.enqueue(delivery.pk)
        self.message_user(request, "Queued for redelivery.", messages.SUCCESS)
