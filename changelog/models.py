from django.db import models


class Action(models.TextChoices):
    UPSERT = "upsert"
    DELETE = "delete"


class Reason(models.TextChoices):
    PUBLISHED = "published"  # became public (published now, or a scheduled time passed)
    UPDATED = "updated"  # edited while public
    RELATED = "related"  # something it shows (a linked treatment) changed
    UNPUBLISHED = "unpublished"  # taken off by an editor
    EXPIRED = "expired"  # its unpublish time passed
    DELETED = "deleted"
    RENAMED = "renamed"  # its slug changed: the old slug is gone


class Stream(models.Model):
    """The head of the change stream. Writers lock this row, so positions are handed out
    in commit order and a reader never skips a change committed late."""

    name = models.CharField(max_length=20, primary_key=True)
    position = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.name}@{self.position}"


class Change(models.Model):
    """One change to the public set of treatments and articles."""

    position = models.PositiveBigIntegerField(unique=True)
    kind = models.CharField(max_length=20, db_index=True)
    object_id = models.PositiveBigIntegerField()
    slug = models.SlugField(max_length=200, help_text="The slug the change applies to.")
    action = models.CharField(max_length=6, choices=Action.choices)
    reason = models.CharField(max_length=12, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position"]
        indexes = [models.Index(fields=["kind", "position"], name="change_kind_position")]

    def __str__(self):
        return f"#{self.position} {self.action} {self.kind}:{self.slug} ({self.reason})"


STREAM = "public"


def head():
    """The position of the latest committed change."""
    return Stream.objects.filter(name=STREAM).values_list("position", flat=True).first() or 0


def record(entries):
    """Append (item, action, reason[, slug]) entries to the stream; call inside the
    transaction that makes the change."""
    if not entries:
        return
    stream, _ = Stream.objects.select_for_update().get_or_create(name=STREAM)
    changes = []
    for item, action, reason, *slug in entries:
        stream.position += 1
        changes.append(
            Change(
                position=stream.position,
                kind=item._meta.model_name,
                object_id=item.pk,
                slug=slug[0] if slug else item.slug,
                action=action,
                reason=reason,
            )
        )
    Change.objects.bulk_create(changes)
    stream.save(update_fields=["position"])
