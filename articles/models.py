from django.db import models
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

from publishing.bodies import EDITOR_EXTENSIONS, render, sanitize
from publishing.models import Publishable
from treatments.models import Treatment


class Author(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    bio = models.TextField(
        blank=True, help_text="A few sentences shown with the author's articles."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, help_text="Used in URLs and API filters.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Article(Publishable):
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The article's address. Changing it keeps the old address working.",
    )
    summary = models.TextField(
        max_length=500, help_text="One or two plain sentences for lists, feeds and search results."
    )
    body = ProseEditorField(extensions=EDITOR_EXTENSIONS, sanitize=sanitize, blank=True)
    body_text = models.TextField(editable=False, blank=True)
    body_blocks = models.JSONField(editable=False, default=list)
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, null=True, blank=True, related_name="articles"
    )
    treatments = models.ManyToManyField(
        Treatment, blank=True, related_name="articles", help_text="Treatments the article covers."
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")

    search_weights = {"A": "title", "B": "summary", "C": "body_text"}

    history = HistoricalRecords(
        excluded_fields=["search_vector", "is_listed"], m2m_fields=[treatments, tags]
    )

    class Meta(Publishable.Meta):
        ordering = ["-published_at", "-id"]
        # `?ordering=title` (and its cursors) walk an index instead of sorting every row.
        indexes = [
            *Publishable.Meta.indexes,
            models.Index(fields=["title", "id"], name="article_title"),
        ]
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
            ("review_article", "Can record a medical review of articles"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        rendered = render(self.body)
        self.body = rendered.html
        self.body_text = rendered.text
        self.body_blocks = rendered.blocks
        super().save(*args, **kwargs)

    def site_path(self):
        return f"/articles/{self.slug}/"
