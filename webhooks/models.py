import base64
import secrets
import uuid

from django.core.exceptions import ValidationError
from django.db import models

from .guard import UnsafeTarget, check_url

KINDS = ["treatment", "article"]
EVENTS = ["published", "updated", "unpublished", "deleted"]
EVENT_TYPES = [f"{kind}.{event}" for kind in KINDS for event in EVENTS]


def new_secret():
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def new_message_id():
    return f"msg_{uuid.uuid4().hex}"


class Endpoint(models.Model):
    """A partner's URL that receives signed POSTs when content changes."""

    url = models.URLField(max_length=500, help_text="Where to POST events (https recommended).")
    description = models.CharField(max_length=200, blank=True)
    events = models.JSONField(
        default=list, blank=True, help_text="Event types to send; none selected means all."
    )
    secret = models.CharField(max_length=100, default=new_secret, editable=False)
    is_active = models.BooleanField(default=True)
    disabled_reason = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]

    def __str__(self):
        return self.url

    def clean(self):
        super().clean()
        unknown = set(self.events) - set(EVENT_TYPES)
        if unknown:
            raise ValidationError({"events": f"Unknown event types: {', '.join(sorted(unknown))}."})
        if self.url:
            try:
                check_url(self.url)
            except UnsafeTarget as error:
                raise ValidationError({"url": str(error)}, code="unsafe_target") from error

    def wants(self, event_type):
        return not self.events or event_type in self.events


class Event(models.Model):
    """The outbox: an event, written in the same transaction as the content change."""

    id = models.CharField(max_length=40, primary_key=True, default=new_message_id, editable=False)
    type = models.CharField(max_length=40, choices=[(t, t) for t in EVENT_TYPES])
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.type} {self.id}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed", "Failed (gave up)"
    CANCELLED = "cancelled", "Cancelled (endpoint disabled)"


class Delivery(models.Model):
    """One event to one endpoint, through however many attempts it takes."""

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "event"], name="one_delivery_per_endpoint")
        ]

    def __str__(self):
        return f"{self.event.type} → {self.endpoint}"


class Attempt(models.Model):
    """The delivery log: one POST and what came back."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="log")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    response_excerpt = models.TextField(blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["delivery", "number"]

    def __str__(self):
        return f"attempt {self.number}: {self.status_code or self.error[:40]}"
