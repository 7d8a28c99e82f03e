"""Publication transitions: the one place that turns a saved or deleted item into what
the outside world is told (the change stream behind delta sync, and webhooks).

Each item remembers in `is_listed` whether the world was last told it is public.
A save compares that with `is_published` (the one publication rule); time-driven
transitions (a scheduled item going live, an expiry) are caught by `reconcile_due()`.
"""

import contextlib
import contextvars

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from changelog.models import Action, Reason, record

from . import generations
from .models import Publishable, Status, public_q

EVENTS = {
    Reason.PUBLISHED: "published",
    Reason.UPDATED: "updated",
    Reason.UNPUBLISHED: "unpublished",
    Reason.EXPIRED: "unpublished",
    Reason.DELETED: "deleted",
}


def _expired(item):
    return item.status == Status.PUBLISHED and bool(
        item.unpublish_at and item.unpublish_at <= timezone.now()
    )


def after_save(item, previous):
    """Called by `Publishable.save()` inside its transaction. `previous` is the stored
    {"slug", "is_listed"} before the save, or None for a new item."""
    was_listed = bool(previous and previous["is_listed"])
    entries = []
    if item.is_listed:
        if was_listed and previous["slug"] != item.slug:
            entries.append((item, Action.DELETE, Reason.RENAMED, previous["slug"]))
        reason = Reason.UPDATED if was_listed else Reason.PUBLISHED
        entries.append((item, Action.UPSERT, reason))
    elif was_listed:
        reason = Reason.EXPIRED if _expired(item) else Reason.UNPUBLISHED
        entries.append((item, Action.DELETE, reason, previous["slug"]))
    else:
        entries = None  # a draft changed: nobody outside can see it
    if entries:
        announce(item, entries, reason)
    generations.refresh_schedule()
    schedule_reconciliation(item)


def schedule_reconciliation(item):
    """Run `reconcile_due()` when the item's publish or expiry time comes."""
    from .tasks import reconcile_publication

    now = timezone.now()
    for when in (item.published_at, item.unpublish_at):
        if item.status == Status.PUBLISHED and when and when > now:
            reconcile_publication.using(run_after=when).enqueue()


def announce(item, entries, reason):
    """Write the change stream entries (plus the items that show this one) and the
    webhook event, all in the current transaction."""
    from webhooks.events import emit  # webhooks builds on publishing, not the reverse

    related = [(other, Action.UPSERT, Reason.RELATED) for other in item.related_public_items()]
    record(entries + related)
    generations.bump(*(entry[0]._meta.model_name for entry in entries + related))
    emit(item, EVENTS[reason])


def reconcile_due():
    """Announce items whose public state changed with time alone: scheduled items whose
    time came, expired items. Safe to run concurrently: each flip is a conditional update."""
    announced = 0
    for model in publishable_models():
        for now_public, candidates in [
            (True, model.objects.filter(is_listed=False).filter(public_q())),
            (False, model.objects.filter(is_listed=True).exclude(public_q())),
        ]:
            for item in candidates:
                with transaction.atomic():
                    if not model.objects.filter(pk=item.pk, is_listed=not now_public).update(
                        is_listed=now_public
                    ):
                        continue  # another process got there first
                    item.is_listed = now_public
                    if now_public:
                        announce(item, [(item, Action.UPSERT, Reason.PUBLISHED)], Reason.PUBLISHED)
                    else:
                        reason = Reason.EXPIRED if _expired(item) else Reason.UNPUBLISHED
                        announce(item, [(item, Action.DELETE, reason)], reason)
                    announced += 1
    if announced:
        generations.refresh_schedule()
    return announced


_restoring = contextvars.ContextVar("restoring", default=False)


@contextlib.contextmanager
def restoring():
    """Loading a backup re-creates rows as they were: it announces nothing, bumps no
    generation and records no history, so the restored site answers byte for byte alike."""
    token = _restoring.set(True)
    history_enabled = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        settings.SIMPLE_HISTORY_ENABLED = history_enabled
        _restoring.reset(token)


def publishable_models():
    return [m for m in apps.get_models() if issubclass(m, Publishable)]


@receiver(post_delete)
def _announce_deletion(sender, instance, **kwargs):
    if _restoring.get():
        return
    if isinstance(instance, Publishable) and instance.is_listed:
        announce(instance, [(instance, Action.DELETE, Reason.DELETED)], Reason.DELETED)


@receiver(m2m_changed)
def _announce_relation_change(sender, instance, action, **kwargs):
    """Relations changed outside a save (e.g. `article.tags.add(tag)`): tell sync."""
    if _restoring.get():
        return
    if action.startswith("post_") and isinstance(instance, Publishable) and instance.is_listed:
        record([(instance, Action.UPSERT, Reason.UPDATED)])
        generations.bump(instance._meta.model_name)


# Content that public items show without being published itself: a change to it is a
# change to every response that shows it.
SHOWN_IN = {
    "treatments.category": "taxonomy",
    "treatments.concern": "taxonomy",
    "treatments.bodyarea": "taxonomy",
    "treatments.providertype": "taxonomy",
    "articles.tag": "taxonomy",
    "articles.author": "taxonomy",
    "publishing.reviewer": "taxonomy",
    "treatments.faq": "treatment",
    "treatments.treatmentcombination": "treatment",
    "api.searchsynonym": "taxonomy",  # changes what searches find
}


@receiver(post_save)
@receiver(post_delete)
def _bump_for_shown_content(sender, raw=False, **kwargs):
    if raw or _restoring.get():
        return
    if kind := SHOWN_IN.get(sender._meta.label_lower):
        generations.bump(kind)
