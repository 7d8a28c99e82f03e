from django.db import models


class SearchSynonym(models.Model):
    """A phrase readers search for, and the words our content uses for it."""

    phrase = models.CharField(
        max_length=100, unique=True, help_text="What people type, e.g. “anti-wrinkle injections”."
    )
    expands_to = models.CharField(
        max_length=200, help_text="What to search for as well, e.g. “botox”."
    )

    class Meta:
        ordering = ["phrase"]

    def __str__(self):
        return f"{self.phrase} → {self.expands_to}"

    def save(self, *args, **kwargs):
        self.phrase = " ".join(self.phrase.lower().split())
        super().save(*args, **kwargs)

    @classmethod
    def alternatives(cls, query):
        """The query itself, then the expansion of every synonym phrase it contains."""
        normalized = " ".join(query.lower().split())
        expansions = [
            synonym.expands_to
            for synonym in cls.objects.all()
            if synonym.phrase and synonym.phrase in normalized
        ]
        return [query, *dict.fromkeys(expansions)]


class Fragment(models.Model):
    """An item's API representation, rendered once and kept (render on write).

    `key` names what the rendering depended on (the format version, the site settings
    it shows and the content generations of what it embeds); a fragment whose key is not
    the current one is rendered again on the next read. Saving an item drops its own.
    """

    kind = models.CharField(max_length=20)
    item_id = models.PositiveBigIntegerField()
    form = models.CharField(max_length=10)  # "list" or "detail"
    key = models.CharField(max_length=32)
    body = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "form", "item_id"], name="one_fragment_per_form"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.item_id} ({self.form})"
