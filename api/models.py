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
