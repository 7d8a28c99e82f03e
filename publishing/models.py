import operator
from functools import reduce

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import F, Q
from django.utils import timezone

SEARCH_CONFIG = "english"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


def public_q(now=None):
    """The one rule for what the public sees, as a Q object.

    Published: status "published", publish time passed, expiry (if any) not reached.
    A future `published_at` is a scheduled item: it goes live with no job running.
    """
    now = now or timezone.now()
    return Q(status=Status.PUBLISHED, published_at__lte=now) & (
        Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now)
    )


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """Items the public may see now (see `public_q`)."""
        return self.filter(public_q(now))

    def scheduled(self, now=None):
        """Items that will go live by themselves later: published, publish time ahead."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=now or timezone.now())

    def expiring(self, now=None):
        """Items with an expiry still ahead."""
        return self.filter(unpublish_at__gt=now or timezone.now())


class Reviewer(models.Model):
    """A clinician who medically reviews content."""

    name = models.CharField(max_length=120)
    credentials = models.CharField(
        max_length=120,
        blank=True,
        help_text="Qualifications as shown to readers, e.g. “MBBS, MRCP”.",
    )
    registration = models.CharField(
        max_length=120,
        blank=True,
        help_text="Professional registration, e.g. “GMC 1234567”. Shown in schema.org data.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class Publishable(models.Model):
    """Fields and behaviour every piece of public content shares."""

    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Only “Published” items whose publish time has passed are public. "
        "Publishing needs the Publisher role.",
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When it goes live. A future time schedules it; empty means “now” on publish.",
    )
    unpublish_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Optional expiry: after this time the item is no longer public.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    seo_title = models.CharField(
        "SEO title", max_length=70, blank=True, help_text="Page title for search engines (≤ 70)."
    )
    seo_description = models.CharField(
        "SEO description",
        max_length=160,
        blank=True,
        help_text="Meta description for search engines (≤ 160 characters).",
    )
    is_listed = models.BooleanField(
        default=False,
        editable=False,
        help_text="Whether sync clients and webhooks were last told the item is public.",
    )
    reviewer = models.ForeignKey(
        Reviewer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The clinician who medically reviewed this content.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="Date of the last medical review."
    )
    next_review_due = models.DateField(
        null=True, blank=True, help_text="When the content must be reviewed again."
    )

    search_vector = SearchVectorField(null=True, editable=False)

    objects = PublishableQuerySet.as_manager()

    # Weighted full-text fields on PostgreSQL: {"A": title-like, "B": summary, "C": body}.
    search_weights = {}

    class Meta:
        abstract = True
        indexes = [
            models.Index(fields=["status", "published_at"], name="%(app_label)s_%(class)s_public"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(published_at__isnull=False),
                name="%(app_label)s_%(class)s_published_has_time",
                violation_error_message="A published item needs a publish time.",
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True)
                | Q(published_at__isnull=True)
                | Q(unpublish_at__gt=F("published_at")),
                name="%(app_label)s_%(class)s_expiry_after_publish",
                violation_error_message="The expiry must be after the publish time.",
            ),
        ]

    def save(self, *args, **kwargs):
        from . import transitions

        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        with transaction.atomic():
            previous = None
            if self.pk:
                previous = type(self).objects.filter(pk=self.pk).values("slug", "is_listed").first()
                OldSlug.remember(self, previous)
            self.is_listed = self.is_published
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "is_listed"}
            super().save(*args, **kwargs)
            self.update_search_vector()
            OldSlug.release(self)
            transitions.after_save(self, previous)

    @property
    def is_published(self):
        """Instance twin of `PublishableQuerySet.published()`; a test keeps them equal."""
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and bool(
            self.published_at and self.published_at > timezone.now()
        )

    def clean(self):
        super().clean()
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()  # "publish now"
        errors = {}
        if self.published_at and self.unpublish_at and self.unpublish_at <= self.published_at:
            errors["unpublish_at"] = ValidationError(
                "The expiry must be after the publish time.", code="expiry_before_publish"
            )
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due < self.last_reviewed
        ):
            errors["next_review_due"] = ValidationError(
                "The next review cannot be due before the last review.", code="review_order"
            )
        if self.last_reviewed and not self.reviewer:
            errors["reviewer"] = ValidationError(
                "Say who reviewed it when you record a review date.", code="reviewer_required"
            )
        if errors:
            raise ValidationError(errors)

    def update_search_vector(self):
        """Keep the indexed search vector in step with the text (PostgreSQL only)."""
        if connection.vendor == "postgresql":
            type(self).objects.filter(pk=self.pk).update(
                search_vector=self.search_vector_expression()
            )

    @classmethod
    def search_vector_expression(cls):
        return reduce(
            operator.add,
            [SearchVector(field, weight=weight, config=SEARCH_CONFIG)
             for weight, field in cls.search_weights.items()],
        )  # fmt: skip

    def related_public_items(self):
        """Published items whose representation shows this one (they change with it)."""
        return []

    def publish(self, when=None):
        """Make the item public at `when`, or now; an earlier first-publish date is kept."""
        now = timezone.now()
        self.status = Status.PUBLISHED
        if when is not None:
            self.published_at = when
        elif self.published_at is None or self.published_at > now:
            self.published_at = now
        self.save()

    def unpublish(self):
        """Take the item off the public site; it becomes a draft again."""
        self.status = Status.DRAFT
        self.save()

    def canonical_url(self):
        """The item's page on the public website (SITE_URL)."""
        return self.canonical_url_for(self.site_path())

    @staticmethod
    def canonical_url_for(path):
        return f"{settings.SITE_URL}{path}"


class OldSlug(models.Model):
    """A slug an item used to have, so old links and API URLs keep working."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    slug = models.SlugField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "slug"], name="unique_old_slug")
        ]

    def __str__(self):
        return self.slug

    @classmethod
    def remember(cls, item, stored):
        """Before saving `item`: keep its stored slug if the new one differs."""
        if stored and stored["slug"] != item.slug:
            cls.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(item),
                slug=stored["slug"],
                defaults={"object_id": item.pk},
            )

    @classmethod
    def release(cls, item):
        """A slug in use by a current item is no longer an old slug of another."""
        cls.objects.filter(
            content_type=ContentType.objects.get_for_model(item), slug=item.slug
        ).delete()

    @classmethod
    def current_for(cls, model, slug):
        """The item that used to be at `slug`, or None."""
        old = cls.objects.filter(
            content_type=ContentType.objects.get_for_model(model), slug=slug
        ).first()
        return model.objects.filter(pk=old.object_id).first() if old else None


class ContentState(models.Model):
    """One row: a generation counter per kind of content, bumped in the same transaction
    as any change the public can see, and the next moment time alone changes the public
    set. Response caches and ETags are keyed on these, so invalidation is a counter
    increment: no key scans, nothing stale."""

    treatment = models.PositiveBigIntegerField(default=0)
    article = models.PositiveBigIntegerField(default=0)
    taxonomy = models.PositiveBigIntegerField(default=0)
    next_transition_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"treatment {self.treatment}, article {self.article}, taxonomy {self.taxonomy}"
