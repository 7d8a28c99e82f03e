from django.contrib import admin, messages
from django.utils import timezone

from .models import APIKey


@admin.register(APIKey)
class APIKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "prefix", "usage", "rate", "state", "request_count",
                    "last_used_at", "expires_at"]  # fmt: skip
    list_filter = ["usage"]
    search_fields = ["name", "owner", "prefix"]
    readonly_fields = ["prefix", "created_at", "revoked_at", "last_used_at", "request_count"]
    fields = ["name", "owner", "usage", "rate", "expires_at", *readonly_fields]
    actions = ["revoke_selected"]

    @admin.display(description="State")
    def state(self, key):
        if key.revoked_at:
            return "Revoked"
        if key.expires_at and key.expires_at <= timezone.now():
            return "Expired"
        return "Active"

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        fields = {
            name: getattr(obj, name) for name in ["name", "owner", "usage", "rate", "expires_at"]
        }
        key, raw_key = APIKey.issue(**fields)
        obj.pk, obj.prefix = key.pk, key.prefix
        messages.warning(
            request,
            f"The new key is {raw_key} — copy it now: it is stored hashed, never shown again.",
        )
        return None

    @admin.action(description="Revoke selected keys (takes effect on the next request)")
    def revoke_selected(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"Revoked {count} key(s).", messages.SUCCESS)
