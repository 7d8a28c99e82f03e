from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

from publishing.bodies import EDITOR_EXTENSIONS, render, sanitize
from publishing.models import Publishable


class Taxonomy(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, help_text="Used in URLs and API filters.")
    description = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Category(Taxonomy):
    """A family of treatments, e.g. neuromodulators or dermal fillers."""

    class Meta(Taxonomy.Meta):
        verbose_name_plural = "categories"


class Concern(Taxonomy):
    """What a patient wants to change, e.g. wrinkles or volume loss."""


class BodyArea(Taxonomy):
    """Where a treatment is given, e.g. forehead or lips."""

    class Meta(Taxonomy.Meta):
        verbose_name = "body area"


class ProviderType(Taxonomy):
    """A kind of practitioner who may give a treatment, e.g. a licensed dermatologist."""


def lines(text):
    """The non-empty lines of a one-item-per-line text field."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class ProcedureType(models.TextChoices):
    NONINVASIVE = "noninvasive", "Non-invasive (no needles or incisions)"
    PERCUTANEOUS = "percutaneous", "Percutaneous (injections, needles)"
    SURGICAL = "surgical", "Surgical"


class Treatment(Publishable):
    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The treatment's address. Changing it keeps the old address working.",
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="treatments")
    summary = models.TextField(
        max_length=500, help_text="One or two plain sentences for lists and search results."
    )
    description = ProseEditorField(
        extensions=EDITOR_EXTENSIONS,
        sanitize=sanitize,
        blank=True,
        help_text="What the treatment is and does.",
    )
    description_text = models.TextField(editable=False, blank=True)
    description_blocks = models.JSONField(editable=False, default=list)
    mechanism = models.TextField(
        "how it works",
        blank=True,
        help_text="How the treatment achieves its effect, in plain words.",
    )
    concerns = models.ManyToManyField(Concern, blank=True, related_name="treatments")
    areas = models.ManyToManyField(
        BodyArea, blank=True, related_name="treatments", verbose_name="body areas"
    )
    providers = models.ManyToManyField(
        ProviderType,
        blank=True,
        related_name="treatments",
        verbose_name="who may provide it",
    )
    onset_min_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Earliest visible results, in days after treatment."
    )
    onset_max_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Full results, in days after treatment."
    )
    duration_min_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Shortest typical duration of results, in months."
    )
    duration_max_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Longest typical duration of results, in months."
    )
    downtime_min_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Typical downtime, shortest, in days (0 = none)."
    )
    downtime_max_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Typical downtime, longest, in days."
    )
    session_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Length of one session, in minutes."
    )
    sessions_needed = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Sessions usually needed for the full result."
    )
    follow_up = models.CharField(
        max_length=200,
        blank=True,
        help_text="Aftercare or repeat schedule, e.g. “top-up every 3–4 months”.",
    )
    procedure_type = models.CharField(
        max_length=12,
        choices=ProcedureType.choices,
        default=ProcedureType.PERCUTANEOUS,
        help_text="How invasive it is: injections and other needle work are “percutaneous”.",
    )
    prescription_only = models.BooleanField(
        default=False, help_text="Tick if the product is a prescription-only medicine."
    )
    regulatory_note = models.TextField(
        blank=True,
        help_text="Why the treatment is regulated as it is, shown to readers and partners.",
    )
    brand_names = models.CharField(
        max_length=200,
        blank=True,
        help_text="Product brand names, comma-separated. Withheld from promotional partners "
        "for prescription-only treatments.",
    )
    side_effects = models.TextField(blank=True, help_text="Possible side effects, one per line.")
    contraindications = models.TextField(
        "who should not have it", blank=True, help_text="Who should not have it, one per line."
    )
    combinable_with = models.ManyToManyField(
        "self",
        through="TreatmentCombination",
        symmetrical=True,
        blank=True,
        help_text="Treatments that can be combined with this one.",
    )

    search_weights = {"A": "name", "B": "summary", "C": "description_text"}

    history = HistoricalRecords(
        excluded_fields=["search_vector", "is_listed"], m2m_fields=[concerns, areas, providers]
    )

    class Meta(Publishable.Meta):
        ordering = ["name"]
        permissions = [
            ("publish_treatment", "Can publish, schedule and unpublish treatments"),
            ("review_treatment", "Can record a medical review of treatments"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        for low, high in [
            ("onset_min_days", "onset_max_days"),
            ("duration_min_months", "duration_max_months"),
            ("downtime_min_days", "downtime_max_days"),
        ]:
            low_value, high_value = getattr(self, low), getattr(self, high)
            if low_value is not None and high_value is not None and low_value > high_value:
                errors[high] = ValidationError(
                    "The longest value cannot be below the shortest.", code="range_order"
                )
        if self.prescription_only and not self.regulatory_note.strip():
            errors["regulatory_note"] = ValidationError(
                "Explain the regulation of a prescription-only treatment.",
                code="regulatory_note_required",
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        rendered = render(self.description)
        self.description = rendered.html
        self.description_text = rendered.text
        self.description_blocks = rendered.blocks
        super().save(*args, **kwargs)

    def site_path(self):
        return f"/treatments/{self.slug}/"

    def related_public_items(self):
        combined = Treatment.objects.published().filter(combinations__to_treatment=self)
        return [*self.articles.published(), *combined]

    @property
    def is_surgical(self):
        return self.procedure_type == ProcedureType.SURGICAL

    @property
    def side_effect_list(self):
        return lines(self.side_effects)

    @property
    def contraindication_list(self):
        return lines(self.contraindications)


class TreatmentCombination(models.Model):
    """Two treatments that can be combined, with a note; stored both ways round."""

    from_treatment = models.ForeignKey(
        Treatment, on_delete=models.CASCADE, related_name="combinations"
    )
    to_treatment = models.ForeignKey(
        Treatment, on_delete=models.CASCADE, related_name="+", verbose_name="combines with"
    )
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="How they combine, e.g. “can be given in the same visit”.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["from_treatment", "to_treatment"], name="unique_combination"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_treatment=models.F("to_treatment")),
                name="combination_not_with_itself",
            ),
        ]

    def __str__(self):
        return f"{self.from_treatment} + {self.to_treatment}"

    def save(self, *args, **kwargs):
        if self.pk:  # re-pointed to another treatment: the old mirror goes
            previous = TreatmentCombination.objects.filter(pk=self.pk).values_list(
                "from_treatment_id", "to_treatment_id"
            )
            for from_id, to_id in previous:
                if (from_id, to_id) != (self.from_treatment_id, self.to_treatment_id):
                    TreatmentCombination.objects.filter(
                        from_treatment_id=to_id, to_treatment_id=from_id
                    ).delete()
        super().save(*args, **kwargs)
        # The mirror row is written with queryset methods so that it does not recurse.
        mirror = {
            "from_treatment_id": self.to_treatment_id,
            "to_treatment_id": self.from_treatment_id,
        }
        if not TreatmentCombination.objects.filter(**mirror).update(note=self.note):
            TreatmentCombination.objects.bulk_create(
                [TreatmentCombination(**mirror, note=self.note)]
            )

    def clean(self):
        if self.from_treatment_id and self.from_treatment_id == self.to_treatment_id:
            raise ValidationError(
                {"to_treatment": "A treatment cannot be combined with itself."}, code="self"
            )


@receiver(post_delete, sender=TreatmentCombination)
def _delete_mirror(sender, instance, **kwargs):
    TreatmentCombination.objects.filter(
        from_treatment_id=instance.to_treatment_id, to_treatment_id=instance.from_treatment_id
    ).delete()


class FAQ(models.Model):
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(max_length=300)
    answer = models.TextField()
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"

    def __str__(self):
        return self.question
