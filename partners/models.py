import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone

PREFIX_LENGTH = 8


def hash_secret(raw_key):
    """Keys are long random strings, so one SHA-256 is enough (and cheap per request)."""
    return hashlib.sha256(raw_key.encode()).hexdigest()


def validate_rate(value):
    try:
        count, period = value.split("/")
        if int(count) < 1 or period[0] not in "smhd":
            raise ValueError
    except (ValueError, IndexError) as error:
        raise ValidationError(
            "Use a number of requests per period, e.g. “600/min” or “10000/day”.", code="rate"
        ) from error


class Usage(models.TextChoices):
    EDITORIAL = "editorial", "Editorial (may show brand names)"
    PROMOTIONAL = "promotional", "Promotional (no brand promotion of prescription-only medicines)"


class APIKeyQuerySet(models.QuerySet):
    def usable(self):
        """Keys that authenticate now: not revoked and not expired."""
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class APIKey(models.Model):
    """A partner's key. Only its SHA-256 is stored; the key is shown once, at creation."""

    name = models.CharField(max_length=100, help_text="What the key is for, e.g. “Clinic app”.")
    owner = models.CharField(max_length=200, help_text="The partner organisation or person.")
    usage = models.CharField(
        max_length=12,
        choices=Usage.choices,
        default=Usage.EDITORIAL,
        help_text="Promotional partners get prescription-only treatments without brand names.",
    )
    rate = models.CharField(
        max_length=20,
        blank=True,
        validators=[validate_rate],
        help_text="Requests allowed, e.g. “600/min”. Empty: the API_KEY_RATE default.",
    )
    prefix = models.CharField(max_length=PREFIX_LENGTH, unique=True, editable=False)
    hashed_key = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Optional expiry.")
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    request_count = models.PositiveBigIntegerField(default=0, editable=False)

    objects = APIKeyQuerySet.as_manager()

    class Meta:
        verbose_name = "API key"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, **fields):
        """Create a key; returns (key, raw_key). The raw key is never stored."""
        prefix = secrets.token_hex(PREFIX_LENGTH // 2)
        raw_key = f"{prefix}.{secrets.token_urlsafe(32)}"
        key = cls.objects.create(prefix=prefix, hashed_key=hash_secret(raw_key), **fields)
        return key, raw_key

    @classmethod
    def for_raw_key(cls, raw_key):
        """The usable key matching `raw_key`, or None."""
        prefix = raw_key.split(".", 1)[0]
        key = cls.objects.usable().filter(prefix=prefix).first()
        if key and secrets.compare_digest(key.hashed_key, hash_secret(raw_key)):
            return key
        return None

    @property
    def is_usable(self):
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )

    @property
    def effective_rate(self):
        return self.rate or settings.API_KEY_RATE

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

    def record_use(self, requests=1):
        APIKey.objects.filter(pk=self.pk).update(
            request_count=F("request_count") + requests, last_used_at=timezone.now()
        )
