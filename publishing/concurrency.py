"""Optimistic concurrency for the admin: a stale form never silently overwrites newer work.

The change form carries the version (the row's `updated_at`) the editor loaded. Saving checks it
against the row, locked, in the same transaction as the save. If someone saved in between, the
save is refused with who and when; the editor's input stays in the form, and the form now
carries the newer version, so saving again is a deliberate choice to replace that work.
"""

from django import forms
from django.db import connection
from django.utils import formats, timezone

VERSION_FIELD = "loaded_version"


def version_token(updated_at):
    return updated_at.isoformat() if updated_at else ""


def stored_version(model, pk):
    rows = model.objects.filter(pk=pk)
    if connection.in_atomic_block and connection.features.has_select_for_update:
        rows = rows.select_for_update()  # held until the admin's save commits
    return version_token(rows.values_list("updated_at", flat=True).first())


class ConcurrencyGuardMixin(forms.ModelForm):
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            # From the row, not the instance: a history revert form holds an old instance.
            self.initial[VERSION_FIELD] = stored_version(type(self.instance), self.instance.pk)

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        current = stored_version(type(self.instance), self.instance.pk)
        if cleaned.get(VERSION_FIELD) != current:
            self.data = (
                self.data.copy()
            )  # re-rendered with the newer version: a resave is deliberate
            self.data[self.add_prefix(VERSION_FIELD)] = current
            raise forms.ValidationError(self.stale_message(), code="stale")
        return cleaned

    def stale_message(self):
        model = type(self.instance)
        latest = model.history.filter(id=self.instance.pk).select_related("history_user").first()
        who = (latest.history_user.get_username() if latest and latest.history_user else None) or (
            "someone else"
        )
        when = formats.date_format(
            timezone.localtime(latest.history_date) if latest else timezone.now(),
            "DATETIME_FORMAT",
        )
        return (
            f"This {model._meta.verbose_name} was changed by {who} at {when}, after you opened "
            "it. Your changes have not been saved and are still in this form. Compare with the "
            "history, then save again to replace their version with yours."
        )
